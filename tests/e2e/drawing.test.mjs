// tests/e2e/drawing.test.mjs — owns the e2e checks of drawing a long article (issue 17): the claims and entities lists are windowed (only the rows near their visible part exist) yet reach their last row by keyboard and by scrolling, an edit redraws only the paragraph it changed, and a 1 MB paste is drawn without a long main-thread task.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, normalise, useSharedBrowser } from './app-page.mjs';
import { longArticle, runAxe } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 180_000 };
/** Words of the long article: well over a thousand claims and a few hundred entities' rows. */
const LONG_WORDS = 20_000;
/**
 * The longest main-thread task allowed while a 1 MB paste is drawn. Drawing it in one task took
 * 2.6 s on a quiet machine (scripts/bench-browser.sh); drawn a batch per frame, no task comes near
 * this bound, which leaves room for a slow or busy test machine.
 */
const LONGEST_TASK_MS = 500;

const shared = useSharedBrowser();

/** Pastes `text` (one input event) and waits until its highlights are all drawn. */
async function pasteAndWaitDrawn(app, text) {
  await app.page.evaluate((t) => {
    const area = document.querySelector('[data-testid="article-input"]');
    area.value = t;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  await app.page.waitForFunction(
    () => document.querySelector('[data-testid="analysis-status"]')?.dataset.state === 'done'
      && !document.querySelector('[data-testid="article-waiting"]'),
    null,
    { timeout: 120_000 },
  );
}

/** The focused element's row in its windowed list: { row, posinset, setsize }, or null. */
function focusedRow(app) {
  return app.page.evaluate(() => {
    const li = document.activeElement?.closest('[data-row]');
    return li ? { row: Number(li.dataset.row), posinset: Number(li.getAttribute('aria-posinset')), setsize: Number(li.getAttribute('aria-setsize')) } : null;
  });
}

/** Waits until the focus is on row `row`. */
async function waitFocusedRow(app, row) {
  await app.page.waitForFunction((r) => document.activeElement?.closest('[data-row]')?.dataset.row === String(r), row, { timeout: 15_000 });
}

describe('drawing a long article', () => {
  test('the claims and entities lists draw only the rows near view, and reach every row by keyboard and by scrolling', TEST_TIMEOUT, async () => {
    const app = await AppPage.open(shared.browser);
    try {
      await app.goto();
      await app.waitForMarks();
      // Many distinct dates too, so that the entities list is long.
      const months = ['January', 'March', 'May', 'July', 'September', 'November'];
      const dates = Array.from({ length: 160 }, (_, i) => `The council last met on ${1 + (i % 27)} ${months[i % 6]} ${1900 + i}.`).join(' ');
      await pasteAndWaitDrawn(app, `${longArticle(LONG_WORDS, 4)}\n\n${dates}`);
      const claims = Number((await app.byTestId('claims-panel').locator('h2').textContent()).replace(/\D/g, ''));
      const lastClaim = await app.claims.last().getAttribute('data-claim');
      assert.equal(Number(lastClaim), claims - 1, 'the panel counts every claim of the article');
      assert.ok(claims > 500, `a long article has many claims (${claims})`);
      const drawnRows = await app.byTestId('claim-item').count();
      assert.ok(drawnRows > 0 && drawnRows < 120, `only the rows near view are drawn (${drawnRows} of ${claims})`);

      // Tab moves from row to row; End, Home and the arrows move the focus by rows.
      await app.byTestId('claim-item').first().locator('button').focus();
      assert.deepEqual(await focusedRow(app), { row: 0, posinset: 1, setsize: claims });
      await app.page.keyboard.press('Tab');
      await waitFocusedRow(app, 1);
      await app.page.keyboard.press('End');
      await waitFocusedRow(app, claims - 1);
      assert.deepEqual(await focusedRow(app), { row: claims - 1, posinset: claims, setsize: claims }, 'End reaches the last claim');
      const lastRowText = (await app.page.evaluate(() => document.activeElement.querySelector('.claim-text').textContent)).slice(0, 60);
      // The claim's text in the article: its marks (one per stretch between the entities in it).
      const lastClaimText = normalise((await app.view.locator(`[data-testid="claim"][data-claim="${claims - 1}"]`).allTextContents()).join(''));
      assert.ok(lastClaimText.startsWith(normalise(lastRowText).slice(0, 40)), `the last row is the article's last claim: ${lastRowText} / ${lastClaimText}`);
      await app.page.keyboard.press('Shift+Tab');
      await waitFocusedRow(app, claims - 2);
      await app.page.keyboard.press('Enter');
      await app.page.waitForFunction((id) => document.querySelector(`#claim-${id}`)?.classList.contains('selected'), claims - 2, { timeout: 15_000 });
      assert.deepEqual(await focusedRow(app), { row: claims - 2, posinset: claims - 1, setsize: claims }, 'selecting a claim keeps the focus on its row');
      await app.page.keyboard.press('Home');
      await waitFocusedRow(app, 0);
      await app.page.keyboard.press('ArrowDown');
      await waitFocusedRow(app, 1);
      await app.page.keyboard.press('PageDown');
      await app.page.waitForFunction(() => Number(document.activeElement?.closest('[data-row]')?.dataset.row) > 2, null, { timeout: 15_000 });

      // Scrolling to the bottom draws the last rows, where the scroll bar says they are.
      const list = app.byTestId('claim-list');
      await list.evaluate((el) => { el.scrollTop = el.scrollHeight; });
      await app.page.waitForFunction((n) => document.querySelector(`[data-testid="claim-list"] [data-row="${n - 1}"]`), claims, { timeout: 15_000 });
      const placed = await list.evaluate((el, n) => {
        const box = el.getBoundingClientRect();
        const row = el.querySelector(`[data-row="${n - 1}"]`).getBoundingClientRect();
        return { inside: row.top >= box.top - 1 && row.bottom <= box.bottom + 1, rows: el.querySelectorAll('[data-row]').length };
      }, claims);
      assert.ok(placed.inside, 'the last claim row is in the visible part of the scrolled list');
      assert.ok(placed.rows < 120, `still only the rows near view (${placed.rows})`);
      // Back to the middle: the rows there are drawn in order.
      await list.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
      await app.page.waitForFunction(() => {
        const el = document.querySelector('[data-testid="claim-list"]');
        const box = el.getBoundingClientRect();
        const rows = [...el.querySelectorAll('[data-row]')];
        const seen = rows.filter((r) => { const b = r.getBoundingClientRect(); return b.bottom > box.top && b.top < box.bottom; });
        return seen.length > 0 && seen.every((r, i) => i === 0 || Number(r.dataset.row) === Number(seen[i - 1].dataset.row) + 1);
      }, null, { timeout: 15_000 });

      // The entities: End reaches the last one, two a line.
      const entities = Number((await app.byTestId('entities-panel').locator('h2').textContent()).replace(/\D/g, ''));
      assert.ok(entities > 60, `a long article lists many entities (${entities})`);
      assert.ok((await app.byTestId('entities-panel').locator('li').count()) < entities, 'only the entity rows near view are drawn');
      await app.byTestId('entities-panel').locator('.entity-chip').first().focus();
      await app.page.keyboard.press('End');
      await waitFocusedRow(app, entities - 1);
      await app.page.keyboard.press('ArrowLeft');
      await waitFocusedRow(app, entities - 2);

      const violations = await runAxe(app.page);
      assert.deepEqual(violations, [], `axe: ${JSON.stringify(violations, null, 1)}`);
      await app.page.screenshot({ path: new URL('./artifacts/drawing-long-lists.png', import.meta.url).pathname });

      // Printed, both lists are whole; after printing, windowed again.
      await app.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await app.page.waitForFunction((n) => document.querySelectorAll('[data-testid="claim-item"]').length === n, claims, { timeout: 30_000 });
      assert.equal(await app.byTestId('entities-panel').locator('li').count(), entities, 'every entity row is drawn for print');
      await app.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="claim-item"]').length < 120, null, { timeout: 30_000 });
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });

  test('an edit redraws only the paragraph it changed', TEST_TIMEOUT, async () => {
    const app = await AppPage.open(shared.browser);
    try {
      await app.goto();
      await app.waitForMarks();
      const text = longArticle(3_000, 8);
      await pasteAndWaitDrawn(app, text);
      // Tag every paragraph element; an element that is redrawn loses its tag.
      const count = await app.view.evaluate((view) => {
        const ps = [...view.querySelectorAll('.paragraph')];
        ps.forEach((p, i) => { p.dataset.tag = String(i); });
        return ps.length;
      });
      assert.ok(count > 20, `many paragraphs (${count})`);
      // Change a word in a paragraph in the middle with no claim before it changing (ids stay).
      const paragraphs = text.split('\n\n');
      const middle = Math.floor(paragraphs.length / 2);
      paragraphs[middle] = paragraphs[middle].replace(/ the /, ' that ');
      await pasteAndWaitDrawn(app, paragraphs.join('\n\n'));
      const after = await app.view.evaluate((view) => [...view.querySelectorAll('.paragraph')].map((p) => p.dataset.tag ?? null));
      const redrawn = after.filter((t) => t === null).length;
      assert.equal(after.length, count, 'as many paragraphs as before');
      assert.ok(redrawn >= 1 && redrawn <= 2, `only the edited paragraph is redrawn (${redrawn} of ${count})`);

      // A paragraph inserted at the top: the paragraphs after it are kept where nothing they show changed.
      await pasteAndWaitDrawn(app, `The weather was mild.\n\n${paragraphs.join('\n\n')}`);
      const kept = await app.view.evaluate((view) => [...view.querySelectorAll('.paragraph')].filter((p) => p.dataset.tag).length);
      assert.ok(kept > 0, `paragraphs whose marks did not change are kept (${kept} of ${count})`);
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });

  test('a 1 MB paste is drawn a batch per frame: no long main-thread task, the top highlighted first', TEST_TIMEOUT, async () => {
    const app = await AppPage.open(shared.browser);
    try {
      await app.goto();
      await app.waitForMarks();
      let big = '';
      for (let seed = 11; Buffer.byteLength(big) < 1_000_000; seed++) big += `${longArticle(10_000, seed)}\n\n`;
      big = big.slice(0, 1_000_000);
      const result = await app.page.evaluate(async (text) => {
        const area = document.querySelector('[data-testid="article-input"]');
        const view = document.querySelector('[data-testid="article-view"]');
        const status = document.querySelector('[data-testid="analysis-status"]');
        // The tasks are watched from the paste on: the text box is closed for a text this long, so
        // the browser never lays out 1 MB in it (which alone took 320 to 520 ms).
        const tasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); }).observe({ type: 'longtask' });
        const t0 = performance.now();
        area.value = text;
        area.dispatchEvent(new Event('input', { bubbles: true }));
        let firstMarks = null;
        let sawWaiting = false;
        await new Promise((resolve) => {
          const look = () => {
            const waiting = view.querySelector('[data-testid="article-waiting"]');
            sawWaiting ||= Boolean(waiting);
            if (firstMarks === null && status.dataset.state !== 'analysing' && view.querySelector('[data-testid="claim"]')) firstMarks = performance.now() - t0;
            if (status.dataset.state === 'done' && !waiting && firstMarks !== null) resolve();
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        });
        const drawn = performance.now() - t0;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { firstMarks, drawn, sawWaiting, longest: Math.max(0, ...tasks), paragraphs: view.querySelectorAll('.paragraph').length };
      }, big);
      assert.equal(await app.input.isHidden(), true, 'the text box is closed for 1 MB');
      assert.ok(result.sawWaiting, 'the paragraphs waiting for their frame were shown plain meanwhile');
      assert.ok(result.longest < LONGEST_TASK_MS, `longest main-thread task ${result.longest.toFixed(0)} ms (first marks at ${result.firstMarks.toFixed(0)} ms, all drawn at ${result.drawn.toFixed(0)} ms, ${result.paragraphs} paragraphs)`);
      const shown = await app.view.evaluate((v) => v.textContent.replace(/\s+/g, ''));
      assert.equal(shown, big.replace(/\s+/g, ''), 'the whole text is drawn');
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });
});
