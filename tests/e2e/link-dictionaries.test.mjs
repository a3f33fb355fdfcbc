// tests/e2e/link-dictionaries.test.mjs — owns the e2e checks of issue 14's lazily loaded link dictionaries: the first highlight never asks for them, opening a share link from a fresh page fetches them once and then shows the analysis, making a link fetches them once when asked, a failed fetch says so, keeps the reader's saved text and can try again, and once fetched the service worker keeps them for offline links.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppPage, OWN_ARTICLE, TIMEOUT_MS, normalise, siteUrl, useSharedBrowser } from './app-page.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'links');
/** A v3 link made by an earlier version, and its article (tests/link_fixtures.rs reads them too). */
const V3_LINK = readFileSync(path.join(FIXTURES, 'v3.txt'), 'utf8').trim();
const SHARED_ARTICLE = readFileSync(path.join(FIXTURES, 'article.txt'), 'utf8');
const isDictionariesPath = (pathname) => /\/lazy\/link-dictionaries-[^/]*$/.test(pathname);
const isDictionaries = (url) => isDictionariesPath(new URL(url).pathname);

const shared = useSharedBrowser();

/**
 * A fresh app whose page-level requests for the dictionaries are counted in `app.fetched`. Without
 * the service worker, so that routes see every request (a worker's own fetches may bypass them).
 */
async function countingApp() {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  context.setDefaultTimeout(TIMEOUT_MS);
  const app = new AppPage(context, await context.newPage());
  app.fetched = [];
  app.page.on('request', (r) => { if (isDictionaries(r.url())) app.fetched.push(r.url()); });
  return app;
}

describe('link dictionaries, loaded only when a link needs them', () => {
  test('the first highlight makes no request for them (nor does the service worker)', TEST_TIMEOUT, async () => {
    const app = await AppPage.open(shared.browser);
    const requested = [];
    app.context.on('request', (r) => requested.push(r.url())); // the page's and the worker's
    try {
      await app.goto();
      await app.waitForMarks();
      await app.byTestId('offline-status').and(app.page.locator('[data-ready="true"]')).waitFor({ timeout: TIMEOUT_MS });
      await app.page.waitForLoadState('networkidle');
      assert.ok(requested.some((u) => u.endsWith('_bg.wasm.lzma')), 'the requests were seen');
      assert.deepEqual(requested.filter(isDictionaries), [], 'nothing asked for the link dictionaries');
      assert.equal(await app.byTestId('link-arriving').count(), 0);
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });

  test('a share link opened from a fresh page fetches them once, then shows the analysis', TEST_TIMEOUT, async () => {
    const app = await countingApp();
    // Hold the file back until the waiting state has been seen.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await app.context.route(isDictionaries, async (route) => { await held; await route.continue(); });
    try {
      await app.gotoUrl(`${await siteUrl()}#${V3_LINK}`);
      await app.byTestId('link-arriving').waitFor({ state: 'visible' });
      assert.match(normalise(await app.byTestId('link-arriving').textContent()), /Opening the shared article/);
      assert.equal(await app.entities.count(), 0, 'nothing is highlighted while the link is on its way');
      await app.screenshot('link-arriving');
      release();
      await app.waitForViewText(SHARED_ARTICLE);
      await app.waitForMarks();
      await app.byTestId('link-arriving').waitFor({ state: 'detached' });
      assert.equal(normalise(await app.input.inputValue()), normalise(SHARED_ARTICLE), 'the shared article is in the editor');
      assert.equal(await app.linkError.count(), 0, 'a good link shows no error');
      assert.ok(await app.byTestId('reader-edits').count() > 0, "the link's side edits are applied");
      assert.equal(app.fetched.length, 1, `fetched once: ${app.fetched}`);
      assert.ok(app.fetched[0].startsWith(await siteUrl()), 'from the site itself, beside the page');
      await app.screenshot('link-opened');
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });

  test('making a link fetches them once, when asked, and the link reopens the article', TEST_TIMEOUT, async () => {
    const app = await countingApp();
    let link;
    try {
      await app.goto();
      await app.waitForMarks();
      await app.pasteArticle(OWN_ARTICLE);
      await app.page.waitForLoadState('networkidle');
      assert.equal(app.fetched.length, 0, 'not before the reader asks');
      link = await app.share();
      assert.match(link, /#v3\.[A-Za-z0-9_-]+$/);
      assert.equal(app.fetched.length, 1, 'fetched for the first link');
      await app.typeAtEnd(' The mayor said nothing.');
      const second = await app.share();
      assert.notEqual(second, link, 'a new link for the new text');
      assert.equal(app.fetched.length, 1, 'and kept for the next ones');
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
    const other = await AppPage.open(shared.browser);
    try {
      await other.gotoUrl(link);
      await other.waitForViewText(OWN_ARTICLE);
      assert.deepEqual(other.pageErrors, []);
    } finally {
      await other.close();
    }
  });

  test('a failed fetch says so, keeps the saved text, and Try again opens the link', TEST_TIMEOUT, async () => {
    const app = await countingApp();
    try {
      await app.goto();
      await app.pasteArticle(OWN_ARTICLE); // saved in this browser
      await app.context.route(isDictionaries, (route) => route.abort('internetdisconnected'));
      // The link, opened in a new tab of the same browser (a fragment change alone reopens nothing).
      const tab = new AppPage(app.context, await app.context.newPage());
      await tab.gotoUrl(`${await siteUrl()}#${V3_LINK}`);
      const error = tab.byTestId('link-fetch-error');
      await error.waitFor({ state: 'visible' });
      assert.match(normalise(await error.textContent()), /could not be opened yet: the page could not fetch the file that links are decoded with/);
      await tab.waitForViewText(OWN_ARTICLE);
      await tab.waitForMarks();
      assert.equal(await tab.page.evaluate(() => localStorage.getItem('article-explorer.text')), OWN_ARTICLE, 'the saved text stays saved');
      await tab.screenshot('link-fetch-failed');

      await app.context.unroute(isDictionaries);
      await tab.byTestId('link-retry').click();
      await tab.waitForViewText(SHARED_ARTICLE);
      await error.waitFor({ state: 'detached' });
      await tab.byTestId('kept-text').waitFor({ state: 'visible' });
      assert.equal(await tab.page.evaluate(() => localStorage.getItem('article-explorer.text')), OWN_ARTICLE, 'still the reader\'s text');
      await tab.byTestId('restore-text').click();
      await tab.waitForViewText(OWN_ARTICLE);
      assert.deepEqual(tab.pageErrors, []);
    } finally {
      await app.close();
    }
  });

  test('once a link has been opened, the service worker keeps them: links open offline', TEST_TIMEOUT, async () => {
    const app = await AppPage.open(shared.browser);
    try {
      await app.goto();
      await app.waitForMarks();
      await app.page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: TIMEOUT_MS });
      const linked = new AppPage(app.context, await app.context.newPage()); // a new tab: the worker controls it
      await linked.gotoUrl(`${await siteUrl()}#${V3_LINK}`);
      await linked.waitForViewText(SHARED_ARTICLE);
      const cachedPaths = () => linked.page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names[0]);
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      let cached = [];
      for (const deadline = Date.now() + TIMEOUT_MS; Date.now() < deadline; await linked.page.waitForTimeout(100)) {
        cached = await cachedPaths();
        if (cached.some(isDictionariesPath)) break;
      }
      assert.ok(cached.some(isDictionariesPath), `kept by the worker: ${cached}`);

      await app.context.setOffline(true);
      const tab = new AppPage(app.context, await app.context.newPage());
      await tab.gotoUrl(`${await siteUrl()}#${V3_LINK}`);
      await tab.waitForViewText(SHARED_ARTICLE);
      await tab.waitForMarks();
      assert.equal(await tab.byTestId('link-fetch-error').count(), 0);
      assert.deepEqual(tab.pageErrors, []);
    } finally {
      await app.close();
    }
  });
});
