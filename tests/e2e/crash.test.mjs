// tests/e2e/crash.test.mjs — owns the e2e check of the crash path (issue 19): in the crash-test build, pasting the marker text shows the crash banner, keeps the reader's text, and a reload brings it back (unanalysed, so the page does not crash again) until the reader asks for the analysis again.
//
// The crash-test site (cargo feature `crash-test`, src/ui/crash_test.rs) is built by scripts/test.sh
// into target/dist-crash-test (or E2E_CRASH_DIST); this file serves it itself on another port.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OWN_ARTICLE, normalise, useSharedBrowser } from './app-page.mjs';
import { DIST, openApp, siteWasm } from './helpers.mjs';
import { startServer } from './static-server.mjs';

const TEST_TIMEOUT = { timeout: 120_000 };
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CRASH_DIST = process.env.E2E_CRASH_DIST ?? path.join(ROOT, 'target', 'dist-crash-test');
/** The marker of src/ui/crash_test.rs. */
const MARKER = 'ARTICLE-EXPLORER-CRASH-TEST';
const STORAGE_KEY = 'article-explorer.text';

const shared = useSharedBrowser();

describe('the crash path', () => {
  test('only the crash-test build knows the marker; the release site does not', async () => {
    assert.ok(existsSync(path.join(CRASH_DIST, 'index.html')), `no crash-test site in ${CRASH_DIST}: scripts/test.sh builds it`);
    assert.ok((await siteWasm(CRASH_DIST)).includes(MARKER), 'the crash-test build panics on the marker');
    assert.ok(!(await siteWasm(DIST)).includes(MARKER), 'the release site has no crash-test code');
  });

  test('pasting the marker shows the crash banner, keeps the text, and a reload brings it back', TEST_TIMEOUT, async () => {
    const server = await startServer({ dir: CRASH_DIST });
    const app = await openApp(shared.browser);
    const mine = `${OWN_ARTICLE}\n\nAna Costa said the ferries would run every hour. ${MARKER}`;
    try {
      await app.gotoUrl(server.url);
      await app.waitForMarks();
      assert.deepEqual(app.pageErrors, [], 'the crash-test build runs normally without the marker');

      await app.input.fill(mine);
      const banner = app.byTestId('crash');
      await banner.waitFor({ state: 'visible' });
      assert.match(normalise(await banner.textContent()), /page stopped\. Your text is saved in this browser: reload to continue/);
      assert.equal(await app.input.inputValue(), mine, "the reader's text is still in the text box");
      assert.equal(await app.page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), mine, 'and saved in this browser');
      assert.ok(app.pageErrors.length >= 1, 'the panic stopped the wasm instance');
      await app.screenshot('crash-banner');

      // The banner's reload link: the text comes back, shown but not analysed, so the page stays up.
      const errorsBefore = app.pageErrors.length;
      await Promise.all([app.page.waitForEvent('load'), banner.locator('a').click()]);
      await app.input.waitFor({ state: 'visible' });
      assert.equal(await app.input.inputValue(), mine, 'a reload brings the text back');
      const paused = app.byTestId('analysis-paused');
      await paused.waitFor({ state: 'visible' });
      await app.waitForViewText(mine);
      assert.equal(await app.byTestId('crash').count(), 0, 'no crash after the reload');
      assert.deepEqual(await app.markCounts(), { entities: 0, claims: 0 }, 'the text is shown unanalysed');
      await app.screenshot('crash-reload-paused');

      // The reader takes the marker out and asks again: the analysis runs; a reload analyses at once.
      await app.input.fill(OWN_ARTICLE);
      assert.ok(await paused.isVisible(), 'typing alone does not restart the analysis');
      await app.byTestId('analyse-again').click();
      await app.waitForMarks();
      await paused.waitFor({ state: 'detached' });
      await app.page.reload({ waitUntil: 'load' });
      await app.waitForMarks();
      assert.equal(await paused.count(), 0, 'the crash note is used once');
      assert.equal(app.pageErrors.length, errorsBefore, 'no error after the reload');
    } finally {
      await app.close();
      await new Promise((resolve) => server.server.close(resolve));
    }
  });
});
