// tests/e2e/security.test.mjs — owns the e2e checks of issue 9: pasted markup stays text (no dialog), the page talks only to its own origin, the Content-Security-Policy is present and never violated, the reader's text survives a reload, and a link never silently overwrites it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, OWN_ARTICLE, normalise, siteUrl, useSharedBrowser } from './app-page.mjs';
import { builtCsp, cspViolations, openApp, v1Fragment, watchedApp as watchedAppOf } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };
const STORAGE_KEY = 'article-explorer.text';
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '"><iframe src="javascript:alert(1)">',
].join(' ');
const HOSTILE_ARTICLE = `Maria Santos said ${HOSTILE} was not a threat, according to the Harbour Authority.`;

const shared = useSharedBrowser();

const watchedApp = (contextOptions = {}) => watchedAppOf(shared.browser, contextOptions);

describe('security', () => {
  test('pasted script and markup show as text and never run', TEST_TIMEOUT, async () => {
    const app = await watchedApp();
    try {
      await app.goto();
      await app.waitForMarks();
      await app.pasteArticle(HOSTILE_ARTICLE);
      assert.ok((await app.viewText()).includes(normalise(HOSTILE)), 'the markup is shown literally in the article view');
      assert.equal(await app.view.locator('script, img, svg, iframe').count(), 0, 'no element was created from the text');
      // The page's own pictures are SVG (class "picture", drawn from escaped markup); nothing else is.
      assert.equal(await app.page.locator('iframe, img, svg:not(.picture)').count(), 0, 'none anywhere in the page');
      // Panels quote the text too (claims, why-panel): still text.
      const claim = app.byTestId('claim-item').first();
      if (await claim.count()) {
        await claim.locator('button').click();
        assert.equal(await app.byTestId('claims-panel').locator('script, img, svg, iframe').count(), 0);
        assert.equal(await app.byTestId('why-panel').locator('script, img, svg, iframe').count(), 0);
      }
      // Give an onerror or onload a moment to fire if it had been created.
      await app.page.waitForTimeout(300);
      assert.deepEqual(app.dialogs, [], 'no dialog opened');
      await app.screenshot('security-pasted-markup');

      // The same text arriving by link, and after a reload.
      const link = await app.share();
      await app.page.reload({ waitUntil: 'load' });
      await app.waitForViewText(HOSTILE_ARTICLE);
      const other = await watchedApp();
      try {
        await other.gotoUrl(link);
        await other.waitForViewText(HOSTILE_ARTICLE);
        assert.equal(await other.page.locator('iframe, img, svg:not(.picture), script:not([type="module"])').count(), 0, 'nothing injected from a link');
        await other.page.waitForTimeout(300);
        assert.deepEqual(other.dialogs, [], 'no dialog opened from a link');
      } finally {
        await other.close();
      }
      assert.deepEqual(app.dialogs, [], 'no dialog opened after a reload');
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });

  test('the page requests nothing but its own origin (load, paste, share, exports)', TEST_TIMEOUT, async () => {
    const app = await watchedApp({ acceptDownloads: true });
    const requests = [];
    app.context.on('request', (request) => requests.push(request.url()));
    try {
      const origin = new URL(await siteUrl()).origin;
      await app.goto();
      await app.waitForMarks();
      await app.pasteArticle(OWN_ARTICLE);
      await app.waitForMarks();
      await app.share();
      await app.byTestId('share-annotations-button').click();
      for (const id of ['export-json', 'export-html', 'export-markdown', 'export-csv']) {
        await Promise.all([app.page.waitForEvent('download', { timeout: 15_000 }), app.byTestId(id).click()]);
      }
      await app.page.keyboard.press('Escape');
      assert.ok(requests.length >= 3, `the page's own files were requested: ${requests.join(', ')}`);
      const foreign = requests.filter((url) => !(url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:')));
      assert.deepEqual(foreign, [], 'every request stays on the site origin');
      console.log(`requests: ${requests.map((u) => u.replace(origin, '')).join(', ')}`);
    } finally {
      await app.close();
    }
  });

  test('the Content-Security-Policy is in the built page and nothing violates it', TEST_TIMEOUT, async (t) => {
    const policy = await builtCsp();
    if (policy === null) {
      t.diagnostic('dist/index.html has no Content-Security-Policy meta tag yet: only "no violations" is checked');
    } else {
      for (const directive of [/script-src 'self'[^;]*'wasm-unsafe-eval'/, /script-src[^;]*'sha(256|384|512)-/, /style-src 'self'/, /connect-src 'self'/, /object-src 'none'/]) {
        assert.match(policy, directive, `the policy has ${directive}: ${policy}`);
      }
      assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/, 'no unsafe-inline or unsafe-eval');
    }
    const app = await watchedApp({ acceptDownloads: true });
    try {
      await app.goto();
      await app.waitForMarks(); // the app ran: the loader's hash and wasm are allowed
      if (policy !== null) {
        const live = await app.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? null);
        assert.equal(live, policy, 'the served page carries the policy');
      }
      await app.pasteArticle(HOSTILE_ARTICLE);
      await app.view.locator('[data-testid="claim"], [data-testid="entity"]').first().click();
      await app.share();
      await Promise.all([app.page.waitForEvent('download', { timeout: 15_000 }), app.byTestId('export-html').click()]);
      // Layer toggles and selection styles are classes, never inline styles the policy would block.
      await app.page.keyboard.press('Escape');
      await app.byTestId('layer-toggle').first().click();
      await app.page.waitForTimeout(200);
      assert.deepEqual(await cspViolations(app), [], 'no securitypolicyviolation events');
      assert.deepEqual(app.cspConsole, [], 'no Content Security Policy messages in the console');

      // Injecting an inline script is refused when the policy is in place (the policy works).
      if (policy !== null) {
        const ran = await app.page.evaluate(() => new Promise((resolve) => {
          window.__inlineRan = false;
          const s = document.createElement('script');
          s.textContent = 'window.__inlineRan = true;';
          document.head.appendChild(s);
          setTimeout(() => resolve(window.__inlineRan), 50);
        }));
        assert.equal(ran, false, 'an injected inline script is blocked by the policy');
        assert.ok((await cspViolations(app)).length >= 1, 'and reported as a violation');
      }
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });

  test('the reader\'s text survives a reload and a new tab', TEST_TIMEOUT, async () => {
    const app = await watchedApp();
    const mine = `${OWN_ARTICLE} Ana Costa said the ferries would run every hour.`;
    try {
      await app.goto();
      await app.pasteArticle(mine);
      assert.equal(await app.page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), mine, 'saved on input');
      await app.page.reload({ waitUntil: 'load' });
      await app.waitForViewText(mine);
      assert.equal(await app.input.inputValue(), mine, 'the editor has the text after a reload');
      await app.waitForMarks();

      const tab = new AppPage(app.context, await app.context.newPage());
      await tab.goto();
      await tab.waitForViewText(mine);
      assert.equal(await tab.input.inputValue(), mine, 'and in a new tab of the same browser');

      // Clearing is a deliberate edit: it is saved too, and the demo does not come back over it.
      await tab.byTestId('clear-button').click();
      assert.equal(await tab.page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), '');
    } finally {
      await app.close();
    }
  });

  test('opening a link never silently overwrites the saved text', TEST_TIMEOUT, async () => {
    const app = await watchedApp();
    const mine = 'Grace Mensah, the harbour master, said the ferry would sail at noon.';
    try {
      await app.goto();
      await app.pasteArticle(mine);
      const full = (await siteUrl()) + v1Fragment({ text: OWN_ARTICLE, analyzer: '0.1.0' });

      // A full link: the shared article is shown, the reader's text is kept and offered back.
      const tab = new AppPage(app.context, await app.context.newPage());
      await tab.gotoUrl(full);
      await tab.waitForViewText(OWN_ARTICLE);
      await tab.byTestId('kept-text').waitFor({ state: 'visible' });
      assert.ok(await tab.byTestId('restore-text').isVisible(), 'a way back is offered');
      assert.equal(await tab.page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), mine, 'the saved text is unchanged');
      await tab.page.close();

      // An annotations-only link: the article is asked for; the saved text is still kept.
      const maker = await openApp(shared.browser);
      let annotations;
      try {
        await maker.goto();
        await maker.pasteArticle(OWN_ARTICLE);
        await maker.byTestId('share-annotations-button').click();
        await maker.page.waitForFunction(() => /#v3a\./.test(document.querySelector('[data-testid="share-link"]')?.value ?? ''));
        annotations = await maker.shareLink.inputValue();
      } finally {
        await maker.close();
      }
      const tab2 = new AppPage(app.context, await app.context.newPage());
      await tab2.gotoUrl(annotations);
      await tab2.byTestId('paste-request').waitFor({ state: 'visible' });
      await tab2.byTestId('kept-text').waitFor({ state: 'visible' });
      assert.equal(await tab2.page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), mine, 'still unchanged');
      await tab2.byTestId('restore-text').click();
      await tab2.waitForViewText(mine);

      // A broken link: the saved text is shown under the error, not lost.
      const tab3 = new AppPage(app.context, await app.context.newPage());
      await tab3.goto('#v1.@@@');
      await tab3.linkError.waitFor({ state: 'visible' });
      await tab3.waitForViewText(mine);
      assert.equal(await tab3.page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), mine);
      assert.deepEqual(app.dialogs, [], 'no dialog');
    } finally {
      await app.close();
    }
  });
});
