// tests/e2e/article-in.test.mjs — owns the e2e flows of issue 17's ways in and out: opening .txt and .html files (setInputFiles), a hostile HTML file shown as text only, refused files (wrong type, too large) that leave the text as it was, a dropped file, rich paste (a paste event with text/html) keeping paragraphs, a long paste the page puts in itself with the text box closed, and the CSV export of the claims.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { OWN_ARTICLE, normalise, useSharedBrowser } from './app-page.mjs';
import { articlesOver, openApp, pasteText } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };
const shared = useSharedBrowser();

/** A web page of our own, with everything a hostile page could carry. */
const HOSTILE_PAGE = `<!DOCTYPE html>
<html><head><title>Ferry news</title>
<style>p { color: red }</style>
<script>window.__pwned = 'head script'; alert('head');</script>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)">
</head>
<body onload="window.__pwned = 'onload'; alert('onload')">
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<h1>Ferry terminal opens in Lisbon</h1>
<p>Maria Santos, the port director, said the new ferry terminal in Lisbon would double the number of passengers.</p>
<img src="x" onerror="window.__pwned = 'onerror'; alert('img')">
<iframe src="javascript:alert('frame')">frame text</iframe>
<p onclick="alert('p')">Opposition councillor Jo&atilde;o Pereira said the project was two years late &amp; 40&nbsp;million euros over budget.</p>
<svg onload="alert('svg')"><text>chart label</text></svg>
<script>alert('body');</script>
</body></html>`;

const HOSTILE_TEXT =
  'Ferry terminal opens in Lisbon\n\n' +
  'Maria Santos, the port director, said the new ferry terminal in Lisbon would double the number of passengers.\n\n' +
  'Opposition councillor João Pereira said the project was two years late & 40 million euros over budget.';

/** An app that records dialogs (dismissing them). */
async function watched(contextOptions = {}) {
  const app = await openApp(shared.browser, contextOptions);
  app.dialogs = [];
  app.page.on('dialog', async (dialog) => {
    app.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await app.goto();
  await app.waitForMarks();
  return app;
}

const fileMessage = (app) => app.byTestId('file-message');

async function openFile(app, name, mimeType, contents) {
  await app.byTestId('file-input').setInputFiles({ name, mimeType, buffer: Buffer.from(contents) });
}

describe('any article in, spreadsheet out', () => {
  test('a .txt file opens as the article; its markup stays text', TEST_TIMEOUT, async () => {
    const app = await watched();
    try {
      const text = `${OWN_ARTICLE}\n\nAna Costa said the <b>old</b> pier would close.`;
      await openFile(app, 'ferry.txt', 'text/plain', text);
      await app.waitForViewText(text);
      assert.equal(await app.input.inputValue(), text, 'the editor holds the file');
      assert.match(normalise(await fileMessage(app).textContent()), /Opened “ferry\.txt”/);
      assert.equal(await app.view.locator('b').count(), 0, 'markup in a text file is text');
      await app.waitForMarks();
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });

  test('a hostile .html file is reduced to its paragraphs and nothing in it runs', TEST_TIMEOUT, async () => {
    const app = await watched();
    try {
      await openFile(app, 'ferry.html', 'text/html', HOSTILE_PAGE);
      await app.waitForViewText(HOSTILE_TEXT);
      assert.equal(await app.input.inputValue(), HOSTILE_TEXT, 'headline and paragraphs, blank lines between, entities decoded');
      assert.equal(await app.view.locator('.paragraph').count(), 3, 'three paragraphs in the view');
      await app.page.waitForTimeout(300); // an onerror or onload would have fired by now
      assert.deepEqual(app.dialogs, [], 'no dialog');
      assert.equal(await app.page.evaluate(() => window.__pwned ?? null), null, 'no script, handler or frame of the file ran');
      assert.equal(await app.page.locator('iframe, img, script:not([type="module"]), meta[http-equiv="refresh"]').count(), 0, 'no element from the file');
      for (const word of ['alert', 'Home', 'chart label', 'frame text', 'color: red']) {
        assert.ok(!(await app.input.inputValue()).includes(word), `"${word}" (script, menu, drawing, frame, style) is dropped`);
      }
      await app.waitForMarks();
      await app.screenshot('article-in-hostile-html');
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });

  test('a file of another type, or too large, is refused with a message and the text stays', TEST_TIMEOUT, async () => {
    const app = await watched();
    try {
      const mine = `${OWN_ARTICLE} Grace Mensah said the ferry would sail at noon.`;
      await app.pasteArticle(mine);
      await openFile(app, 'photo.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
      await app.page.waitForFunction(() => /photo\.png/.test(document.querySelector('[data-testid="file-message"]')?.textContent ?? ''));
      const refused = normalise(await fileMessage(app).textContent());
      assert.match(refused, /not a file Article Explorer can read.*\.txt, \.md or \.html.*Your text is unchanged/, refused);
      assert.match(await fileMessage(app).getAttribute('class'), /\berror\b/);
      assert.equal(await app.input.inputValue(), mine, 'the text is unchanged');

      await openFile(app, 'huge.txt', 'text/plain', Buffer.alloc(8_100_000, 'a'));
      await app.page.waitForFunction(() => /huge\.txt/.test(document.querySelector('[data-testid="file-message"]')?.textContent ?? ''));
      assert.match(normalise(await fileMessage(app).textContent()), /too large \(8\.1 MB\).*up to 8\.0 MB.*Your text is unchanged/);
      assert.equal(await app.input.inputValue(), mine, 'still unchanged');
      await app.screenshot('article-in-refused');
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });

  test('a file dropped on the page opens', TEST_TIMEOUT, async () => {
    const app = await watched();
    try {
      const text = `# Ferry news\n\n${OWN_ARTICLE}`;
      const prevented = await app.page.evaluate((contents) => {
        const data = new DataTransfer();
        data.items.add(new File([contents], 'dropped.md', { type: 'text/markdown' }));
        const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
        document.querySelector('[data-testid="article-view"]').dispatchEvent(over);
        const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
        document.querySelector('[data-testid="article-view"]').dispatchEvent(drop);
        return [over.defaultPrevented, drop.defaultPrevented];
      }, text);
      assert.deepEqual(prevented, [true, true], 'the page takes the drop (the browser does not open the file)');
      await app.waitForViewText(text);
      assert.match(normalise(await fileMessage(app).textContent()), /Opened “dropped\.md”/);
    } finally {
      await app.close();
    }
  });

  test('pasting rich text keeps its paragraphs; plain text is left to the browser', TEST_TIMEOUT, async () => {
    const app = await watched();
    try {
      await app.input.fill('');
      await app.byTestId('word-count').filter({ hasText: /^0 words$/ }).waitFor();
      const html = '<meta charset="utf-8"><!--StartFragment--><h2 style="color:red">Ferry terminal opens</h2>' +
        '<p class="lead">Maria Santos, the port director, said the new terminal would double the number of passengers.</p>' +
        '<script>alert(1)</script><p>Jo&atilde;o Pereira said the project was <b>two years</b> late.</p><!--EndFragment-->';
      const plain = 'Ferry terminal opens Maria Santos, the port director, said ... (flattened)';
      const paste = (types) => app.page.evaluate((data) => {
        const area = document.querySelector('[data-testid="article-input"]');
        area.focus();
        const transfer = new DataTransfer();
        for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
        const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
        area.dispatchEvent(event);
        return event.defaultPrevented;
      }, types);
      assert.equal(await paste({ 'text/html': html, 'text/plain': plain }), true, 'the page pastes the HTML itself');
      const want = 'Ferry terminal opens\n\nMaria Santos, the port director, said the new terminal would double the number of passengers.\n\nJoão Pereira said the project was two years late.';
      await app.waitForViewText(want);
      assert.equal(await app.input.inputValue(), want, 'paragraphs kept, tags and script dropped');
      assert.equal(await app.view.locator('.paragraph').count(), 3, 'three paragraphs in the view');
      await app.waitForMarks();
      assert.equal(await app.page.evaluate(() => localStorage.getItem('article-explorer.text')), want, 'saved like any edit');

      assert.equal(await paste({ 'text/plain': 'plain words' }), false, 'plain text: the browser pastes it');
      assert.deepEqual(app.dialogs, []);
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });

  test('a long paste closes the text box: the page puts it in, highlights it, opens the box on request and undoes the paste', TEST_TIMEOUT, async () => {
    const app = await watched();
    try {
      const mine = 'Maria Santos said the ferry would stop at Belém.';
      await app.pasteArticle(mine);
      const long = articlesOver(200_000);
      // A paste at the start of the text (the caret before "Maria"), as the clipboard would give it.
      const prevented = await pasteText(app.page, 'article-input', `${long}\n\n`, 0, 0);
      assert.equal(prevented, true, 'the page puts a long paste in itself');
      const note = app.byTestId('long-text');
      await note.waitFor({ state: 'visible' });
      assert.match(normalise(await note.textContent()), /long \(0\.2 MB\), so the text box is closed/);
      assert.equal(await app.input.isHidden(), true, 'the text box is closed');
      assert.equal(await app.input.inputValue(), '', 'and holds nothing for the browser to lay out');
      const whole = `${long}\n\n${mine}`;
      await app.waitForViewText(whole);
      assert.equal(await app.page.evaluate(() => localStorage.getItem('article-explorer.text')), whole, 'pasted at the caret and saved like any edit');
      await app.waitForMarks();

      await app.byTestId('undo-long-paste').click();
      await app.input.waitFor({ state: 'visible' });
      assert.equal(await app.input.inputValue(), mine, 'undone: the text before the paste, in an open box');
      await app.waitForViewText(mine);

      // A long text from the text box itself (one input event), then opened on request.
      await app.input.evaluate((area, text) => {
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }, long);
      await note.waitFor({ state: 'visible' });
      assert.equal(await app.byTestId('undo-long-paste').count(), 0, 'only a paste the page put in can be undone');
      await app.byTestId('open-editor').click();
      await app.input.waitFor({ state: 'visible' });
      assert.equal(await app.input.inputValue(), long, 'the box opens with the whole text');
      await app.page.waitForFunction(() => document.activeElement?.dataset.testid === 'article-input');
      assert.equal(await note.count(), 0);
      await app.typeAtEnd(' The end.');
      await app.waitForViewText(`${long} The end.`);
      assert.equal(await app.input.isVisible(), true, 'typing in a long text keeps the box open');
      await app.byTestId('demo-button').click();
      await app.input.waitFor({ state: 'visible' });
      assert.deepEqual(app.dialogs, []);
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });

  test('the CSV export lists every claim with its speaker, side, kind, cue, text and code-point offsets', TEST_TIMEOUT, async () => {
    const app = await watched({ acceptDownloads: true });
    try {
      const article = 'Señora Maria Santos said the ferry, "for now," would stop at Belém.\n\n' +
        '"We will not accept a delay, not one day," said Peter Novak, the harbour master.';
      await app.pasteArticle(article);
      await app.waitForMarks();
      const { rows, json } = await csvAndJson(app);
      assert.equal(rows[0].join(','), 'speaker,side,kind,cue,text,start,end');
      assert.equal(rows.length, 1 + json.claims.length, 'one row per claim');
      json.claims.forEach((claim, i) => {
        const [speaker, , kind, cue, text, start, end] = rows[i + 1];
        assert.equal(speaker, claim.speaker?.name ?? 'unknown speaker');
        assert.equal(kind, claim.kind);
        assert.equal(cue, claim.cue?.text ?? '');
        assert.equal(text, claim.text, 'commas, quotes and accents survive the quoting');
        assert.deepEqual([Number(start), Number(end)], [claim.start, claim.end], 'offsets as in the JSON');
        assert.equal([...article].slice(claim.start, claim.end).join(''), claim.text, 'code points index the article');
      });

      // A side the reader renamed to a formula is written as text, not as a formula.
      const formula = '=HYPERLINK("http://example.com","open")';
      await app.byTestId('demo-button').click();
      await app.byTestId('sides-panel').locator('[data-testid="side"].side-column').first().waitFor();
      const column = app.byTestId('sides-panel').locator('[data-testid="side"].side-column').first();
      await column.locator('details > summary').first().click();
      await column.locator('[data-testid="rename-side"]').fill(formula);
      await column.locator('[data-testid="rename-side"]').press('Tab');
      await app.byTestId('reader-edits').waitFor({ state: 'visible' });
      const renamed = await csvAndJson(app);
      const sides = renamed.rows.slice(1).map((r) => r[1]);
      assert.ok(sides.includes(`'${formula}`), `the renamed side gets a leading apostrophe: ${sides}`);
      for (const row of renamed.rows) {
        for (const field of row) assert.doesNotMatch(field, /^[=+\-@]/, `no field starts a formula: ${field}`);
      }
      assert.match(renamed.csv, /"'=HYPERLINK\(""http:\/\/example\.com"",""open""\)"/, 'quoted per RFC 4180');
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });
});

/** Downloads the CSV and JSON exports; the CSV starts with a byte-order mark and ends its rows with CRLF. */
async function csvAndJson(app) {
  const save = async (id) => {
    const [file] = await Promise.all([app.page.waitForEvent('download', { timeout: 15_000 }), app.byTestId(id).click()]);
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  };
  const csvFile = await save('export-csv');
  assert.equal(csvFile.name, 'claims.csv');
  assert.ok(csvFile.text.startsWith('\uFEFFspeaker,side,kind,cue,text,start,end\r\n'), 'a BOM, the header, CRLF');
  assert.ok(csvFile.text.endsWith('\r\n'));
  const json = JSON.parse((await save('export-json')).text);
  return { csv: csvFile.text, rows: parseCsv(csvFile.text.slice(1)), json };
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF rows) into rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

