// tests/e2e/share-view.test.mjs — owns the e2e flows of issue 7: full links restore hidden layers and the selection, annotations-only links (paste-request, mismatch, match), old v1 links, every bad-link case, long-link warnings, the JSON/HTML/Markdown exports, and the kept-text/restore flow.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { deflateRawSync } from 'node:zlib';
import { AppPage, OWN_ARTICLE, normalise, siteUrl, useSharedBrowser } from './app-page.mjs';
import { hiddenClasses, layerToggle, longArticle, openApp, selectedClaims, v1Fragment } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };
const STORAGE_KEY = 'article-explorer.text';

const shared = useSharedBrowser();

const why = async (app) => normalise(await app.byTestId('why-panel').textContent());
const feedback = async (app) => normalise(await app.byTestId('share-feedback').textContent());

/** Clicks the annotations-only button and returns the link it shows. */
async function shareAnnotations(app) {
  await app.byTestId('share-annotations-button').click();
  await app.page.waitForFunction(
    () => /#v3a\./.test(document.querySelector('[data-testid="share-link"]')?.value ?? ''),
    null,
    { timeout: 15_000 },
  );
  return app.shareLink.inputValue();
}

/** Clicks an export button and returns the downloaded file's name and text. */
async function download(app, testId) {
  const [file] = await Promise.all([app.page.waitForEvent('download', { timeout: 15_000 }), app.byTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe('share links and views', () => {
  test('a full link restores hidden layers and the selected claim in a fresh context', TEST_TIMEOUT, async () => {
    const app = await openApp(shared.browser);
    let link;
    let claimText;
    try {
      await app.goto();
      await app.waitForMarks();
      await layerToggle(app, 'People').click();
      await layerToggle(app, 'Check-worthy').click();
      await app.byTestId('claim-item').nth(2).locator('button').click();
      assert.deepEqual(await selectedClaims(app), ['2']);
      claimText = await why(app);
      link = await app.share();
      assert.match(await feedback(app), /Link copied \(\d+ characters\)/, 'the feedback gives the length');
    } finally {
      await app.close();
    }

    const other = await openApp(shared.browser);
    try {
      await other.gotoUrl(link);
      await other.waitForMarks();
      assert.deepEqual(await hiddenClasses(other), ['hide-assertions', 'hide-person'], 'the same layers are hidden');
      assert.equal(await layerToggle(other, 'People').getAttribute('aria-pressed'), 'false');
      assert.equal(await layerToggle(other, 'Check-worthy').getAttribute('aria-pressed'), 'false');
      assert.equal(await layerToggle(other, 'Places').getAttribute('aria-pressed'), 'true');
      assert.deepEqual(await selectedClaims(other), ['2'], 'the same claim is selected');
      assert.equal(await why(other), claimText, 'the why-panel explains the same claim');
      assert.match(await other.byTestId('claim-item').nth(2).getAttribute('class'), /\bselected\b/);
      assert.equal(await other.byTestId('kept-text').count(), 0, 'a fresh browser has no text to keep');
      assert.equal(await other.byTestId('view-detached').count(), 0, 'a link made by this version attaches: no note');
      await other.screenshot('share-view-restored');
      assert.deepEqual(other.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await other.close();
    }
  });

  test('an annotations-only link asks for the article, rejects another text and restores the view on the right one', TEST_TIMEOUT, async () => {
    const app = await openApp(shared.browser);
    let link;
    let entity;
    try {
      await app.goto();
      await app.pasteArticle(OWN_ARTICLE);
      await app.waitForMarks();
      const mark = app.view.locator('[data-testid="entity"][data-kind="PERSON"]').first();
      entity = normalise(await mark.textContent());
      await mark.click();
      await layerToggle(app, 'Places').click();
      link = await shareAnnotations(app);
      assert.match(await feedback(app), /Annotations-only link/, 'the feedback names the kind of link');
      assert.ok(link.length < 600, `an annotations-only link is short (${link.length})`);
    } finally {
      await app.close();
    }

    const other = await openApp(shared.browser);
    try {
      await other.gotoUrl(link);
      const request = other.byTestId('paste-request');
      await request.waitFor({ state: 'visible' });
      const chars = [...OWN_ARTICLE].length;
      assert.match(normalise(await request.textContent()), new RegExp(`article of ${chars} characters`), 'it says how long the article is');
      assert.equal(await other.input.inputValue(), '', 'the editor waits empty');
      assert.equal(await other.byTestId('fingerprint-mismatch').count(), 0, 'no mismatch before anything is pasted');

      await other.pasteArticle(`${OWN_ARTICLE} And one more sentence.`);
      await other.byTestId('fingerprint-mismatch').waitFor({ state: 'visible' });
      assert.ok(await request.isVisible(), 'the request stays while the text does not match');
      assert.deepEqual(await hiddenClasses(other), [], 'the view is not applied to another article');
      await other.screenshot('share-view-mismatch');

      await other.pasteArticle(OWN_ARTICLE);
      await request.waitFor({ state: 'detached' });
      assert.deepEqual(await hiddenClasses(other), ['hide-place'], 'the hidden layer is restored');
      const selected = (await other.view.locator('[data-testid="entity"].selected').allTextContents()).map(normalise);
      assert.ok(selected.includes(entity), `${entity} is selected again: ${selected}`);
      assert.ok((await why(other)).includes(entity), 'the why-panel explains it');
      assert.equal(await other.byTestId('view-detached').count(), 0, 'the view attaches to the pasted article: no note');
      assert.deepEqual(other.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await other.close();
    }
  });

  test('a version 1 link made by the old format still opens', TEST_TIMEOUT, async () => {
    const app = await openApp(shared.browser);
    try {
      await app.goto(v1Fragment({ text: OWN_ARTICLE, analyzer: '0.1.0' }));
      await app.waitForViewText(OWN_ARTICLE);
      await app.waitForMarks();
      assert.equal(normalise(await app.input.inputValue()), normalise(OWN_ARTICLE), 'the text is in the editor');
      assert.ok((await app.people()).includes('Maria Santos'), 'and analysed');
      assert.equal(await app.linkError.count(), 0, 'no error');
      assert.deepEqual(await hiddenClasses(app), [], 'a v1 link has no view: every layer shown');
      // Sharing it again makes a link in the newest format.
      assert.match(await app.share(), /#v3\./, 'sharing again upgrades to v3');
    } finally {
      await app.close();
    }
  });

  test('each kind of bad link shows its message and an empty, working app', { timeout: 120_000 }, async () => {
    const good = await (async () => {
      const app = await openApp(shared.browser);
      try {
        await app.goto();
        await app.pasteArticle(OWN_ARTICLE);
        return await app.share();
      } finally {
        await app.close();
      }
    })();
    const fragment = good.slice(good.indexOf('#'));
    const bomb = `#v1.${deflateRawSync(Buffer.from(JSON.stringify({ text: 'a'.repeat(8 * 1024 * 1024) }))).toString('base64url')}`;
    const cases = [
      { name: 'not base64', hash: '#v1.@@@', message: /damaged/ },
      { name: 'unknown version', hash: '#v9.x', message: /newer version of the app \('v9'\)/ },
      { name: 'truncated', hash: fragment.slice(0, Math.floor(fragment.length * 0.6)), message: /damaged/ },
      { name: 'oversized', hash: `#v2.${'A'.repeat(200_100)}`, message: /too long to open/ },
      { name: 'deflate bomb', hash: bomb, message: /damaged or too large/ },
      { name: 'script-like', hash: '#<script>alert(1)</script>', message: /does not look like an Article Explorer link/ },
      { name: 'script-like v1 payload', hash: v1Fragment('{"text":{"<img src=x onerror=alert(1)>":1}}'), message: /not an article this app can read/ },
    ];
    assert.ok(bomb.length < 20_000, `the bomb is small (${bomb.length} characters) and inflates to 8 MiB`);
    for (const { name, hash, message } of cases) {
      const app = await openApp(shared.browser);
      const dialogs = [];
      app.page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
      try {
        const started = Date.now();
        await app.goto(hash);
        await app.linkError.waitFor({ state: 'visible' });
        const text = normalise(await app.linkError.textContent());
        assert.match(text, message, `${name}: the message explains it: "${text}"`);
        assert.ok(Date.now() - started < 10_000, `${name}: the error shows quickly`);
        assert.equal(await app.input.inputValue(), '', `${name}: the editor is empty`);
        assert.equal(await app.entities.count(), 0, `${name}: nothing highlighted`);
        assert.equal(await app.page.locator('script:not([type="module"]), img').count(), 0, `${name}: no injected elements`);
        if (name === 'deflate bomb') await app.screenshot('share-view-bad-link');

        await app.pasteArticle(OWN_ARTICLE);
        await app.waitForMarks();
        assert.ok((await app.people()).includes('Maria Santos'), `${name}: the app still works`);
        // The message can be dismissed.
        await app.linkError.getByRole('button', { name: 'Dismiss this message' }).click();
        await app.linkError.waitFor({ state: 'detached' });
        assert.deepEqual(dialogs, [], `${name}: no dialog opened`);
        assert.deepEqual(app.pageErrors, [], `${name}: no uncaught errors in the page`);
      } finally {
        await app.close();
      }
    }
  });

  test('long links are measured and warned about in share-feedback', TEST_TIMEOUT, async () => {
    const app = await openApp(shared.browser);
    try {
      await app.goto();
      await app.waitForMarks();
      await app.share();
      let message = await feedback(app);
      const demoLength = Number(message.match(/\((\d+) characters\)/)?.[1]);
      assert.ok(demoLength > 0, `the demo link's length is given: ${message}`);

      // About 2,000–4,000 characters: the soft warning.
      const medium = longArticle(2500, 7);
      await app.pasteArticle(medium);
      let link = await app.share();
      message = await feedback(app);
      assert.ok(link.length > 2000 && link.length <= 4000, `a medium article makes a 2,000–4,000 character link (${link.length})`);
      assert.match(message, /some tools cut links longer than 2000/, `soft warning at ${link.length}: ${message}`);

      // Well over 4,000 characters: the hard warning, pointing to annotations-only links.
      const long = longArticle(6000, 11);
      await app.pasteArticle(long);
      link = await app.share();
      assert.ok(link.length > 4000, `a long article makes a long link (${link.length})`);
      message = await feedback(app);
      assert.match(message, new RegExp(`it is ${link.length} characters`), `the exact length is given: ${message}`);
      assert.match(message, /most chat apps cut links near 4000/, 'the hard warning');
      assert.match(message, /annotations-only link/i, 'and the way out');
      await app.screenshot('share-view-long-link');

      const short = await shareAnnotations(app);
      assert.ok(short.length < 2000, `the annotations-only link of the long article is short (${short.length})`);
      assert.doesNotMatch(await feedback(app), /cut links/, 'and not warned about');
    } finally {
      await app.close();
    }
  });

  test('exports download JSON (schema 1), self-contained HTML without script, and Markdown claims', TEST_TIMEOUT, async () => {
    const app = await openApp(shared.browser, { acceptDownloads: true });
    const article = `${OWN_ARTICLE} Tom & Jerry <b>said</b> the "old" pier <script>alert(1)</script> would close.`;
    try {
      await app.goto();
      await app.pasteArticle(article);
      await app.waitForMarks();

      const json = await download(app, 'export-json');
      assert.equal(json.name, 'analysis.json');
      const data = JSON.parse(json.text);
      assert.equal(data.schema_version, 1, 'schema_version 1');
      for (const key of ['analyzer_version', 'entities', 'claims', 'assertions', 'sides', 'counter_claims', 'diagnostics']) {
        assert.ok(key in data, `the JSON contract has ${key}`);
      }
      assert.ok(data.entities.some((e) => e.text === 'Maria Santos' || e.span?.text === 'Maria Santos' || JSON.stringify(e).includes('Maria Santos')), 'entities include Maria Santos');
      assert.ok(data.claims.length >= 2, 'both claims exported');
      assert.match(await feedback(app), /Saved analysis\.json/);

      const html = await download(app, 'export-html');
      assert.equal(html.name, 'article.html');
      assert.doesNotMatch(html.text, /<script/i, 'no script element in the exported page');
      assert.ok(!html.text.includes('<b>'), 'pasted markup is not markup in the export');
      assert.ok(html.text.includes('&lt;b&gt;') && html.text.includes('&amp;'), 'pasted markup is escaped');
      assert.ok(html.text.includes('&lt;script&gt;'), 'pasted script is escaped');
      assert.ok(html.text.includes('Maria Santos'), 'the article text is in the page');
      assert.doesNotMatch(html.text, /(src|href)=["']?https?:/i, 'nothing loaded from elsewhere: it opens offline');
      assert.match(html.text, /<style/i, 'its styles are inline');
      assert.match(html.text, /\.claim[^{]*\{/, 'the page\'s own rules are inlined');

      // The exported page renders, offline, with its marks.
      const view = await app.context.newPage();
      await view.setContent(html.text);
      assert.equal(await view.locator('script').count(), 0);
      const shown = normalise(await view.locator('body').textContent());
      assert.ok(shown.includes('Tom & Jerry <b>said</b> the "old" pier <script>alert(1)</script> would close.'), `the pasted markup shows as text: ${shown}`);
      await view.screenshot({ path: new URL('./artifacts/share-view-export-html.png', import.meta.url).pathname, fullPage: true });
      await view.close();

      const md = await download(app, 'export-markdown');
      assert.equal(md.name, 'claims.md');
      const bullets = md.text.split('\n').filter((l) => l.startsWith('- **'));
      assert.equal(bullets.length, data.claims.length, `one bullet per claim:\n${md.text}`);
      assert.ok(bullets.some((l) => l.includes('**Maria Santos**')), 'Maria Santos\'s claim is listed under her name');
      assert.match(md.text, /^# /, 'a title');
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });

  test('a link opened over the reader\'s own text keeps it, and "Go back to my text" restores it', TEST_TIMEOUT, async () => {
    const app = await openApp(shared.browser);
    const mine = 'Ana Costa, the mayor of Faro, said the beach would reopen in May.';
    try {
      await app.goto();
      await app.pasteArticle(mine);
      const link = (await siteUrl()) + v1Fragment({ text: OWN_ARTICLE, analyzer: '0.1.0' });

      // The same browser (shared storage), a new tab with the link.
      const tab = await app.context.newPage();
      const linked = new AppPage(app.context, tab);
      await linked.gotoUrl(link);
      await linked.waitForViewText(OWN_ARTICLE);
      const kept = linked.byTestId('kept-text');
      await kept.waitFor({ state: 'visible' });
      assert.equal(await tab.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), mine, 'the saved text is untouched');
      await linked.screenshot('share-view-kept-text');

      // Reloading the link page does not lose it either.
      await tab.reload({ waitUntil: 'load' });
      await linked.waitForViewText(OWN_ARTICLE);
      await kept.waitFor({ state: 'visible' });

      await linked.byTestId('restore-text').click();
      await linked.waitForViewText(mine);
      await kept.waitFor({ state: 'detached' });
      assert.equal(await linked.input.inputValue(), mine, 'the reader\'s text is back in the editor');
      assert.equal(await tab.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), mine);

      // Editing the shared article instead adopts it.
      const tab2 = await app.context.newPage();
      const adopt = new AppPage(app.context, tab2);
      await adopt.gotoUrl(link);
      await adopt.byTestId('kept-text').waitFor({ state: 'visible' });
      await adopt.typeAtEnd(' Ok.');
      await adopt.byTestId('kept-text').waitFor({ state: 'detached' });
      assert.equal(await tab2.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), `${OWN_ARTICLE} Ok.`, 'the edited shared article is saved');
    } finally {
      await app.close();
    }
  });
});
