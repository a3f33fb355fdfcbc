// tests/e2e/offline.test.mjs — owns the e2e checks of issue 17's offline and installable site: icons and manifest served from the sub-path (no 404, no other origin), the service worker caching the site's files, the page reloading and analysing a pasted article with the network cut, and a new release taking over on the next visit.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppPage, OWN_ARTICLE, TIMEOUT_MS, siteUrl, useSharedBrowser } from './app-page.mjs';
import { startServer } from './static-server.mjs';

const TEST_TIMEOUT = { timeout: 120_000 };
const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const shared = useSharedBrowser();

/** A server of our own for `dir`, so that a test can take it away (the network cut for real). */
async function ownServer(dir) {
  const { server, url } = await startServer({ dir });
  return {
    url,
    stop: () => new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    }),
  };
}

/** Opens `url` in a new context and waits until the service worker controls the page. */
async function controlledApp(url) {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT_MS);
  const app = new AppPage(context, await context.newPage());
  await app.gotoUrl(url);
  await app.waitForMarks();
  await app.page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: TIMEOUT_MS });
  await app.byTestId('offline-status').and(app.page.locator('[data-ready="true"]')).waitFor();
  return app;
}

/** The service worker's caches: names and the paths each holds. */
function caches(app) {
  return app.page.evaluate(async () => {
    const out = {};
    for (const key of await globalThis.caches.keys()) {
      const cache = await globalThis.caches.open(key);
      out[key] = (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
    }
    return out;
  });
}

describe('offline and installable', () => {
  test('icons, manifest and worker come from the site\'s sub-path, with no 404 and the CSP allowing them', TEST_TIMEOUT, async () => {
    const context = await shared.browser.newContext();
    const app = new AppPage(context, await context.newPage());
    const failed = [];
    const requested = [];
    context.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    context.on('request', (r) => requested.push(r.url()));
    try {
      const base = await siteUrl();
      await app.goto();
      await app.waitForMarks();
      await app.page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: TIMEOUT_MS });
      const links = await app.page.evaluate(() => [...document.querySelectorAll('link[rel~="icon"], link[rel="manifest"], link[rel="apple-touch-icon"]')].map((l) => l.href));
      assert.ok(links.length >= 4, `icons and manifest are linked: ${links}`);
      const manifest = await app.page.evaluate(async () => (await fetch(document.querySelector('link[rel="manifest"]').href)).json());
      assert.equal(manifest.name, 'Article Explorer');
      assert.equal(manifest.start_url, './');
      const icons = manifest.icons.map((i) => new URL(i.src, new URL('manifest.webmanifest', base)).href);
      assert.ok(manifest.icons.some((i) => i.type === 'image/svg+xml') && manifest.icons.some((i) => i.sizes === '192x192'), 'an SVG icon and a PNG fallback');
      for (const url of [...links, ...icons, `${base}sw.js`]) {
        assert.ok(url.startsWith(base), `${url} is under the site's sub-path`);
        const status = await app.page.evaluate(async (u) => (await fetch(u)).status, url);
        assert.equal(status, 200, `${url} is served`);
      }
      const csp = await app.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '');
      assert.match(csp, /worker-src 'self'/);
      assert.match(csp, /manifest-src 'self'/);
      assert.deepEqual(failed, [], 'no request failed (the favicon was a 404 before)');
      const origin = new URL(base).origin;
      assert.deepEqual(requested.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:')), [], 'nothing from another origin');
    } finally {
      await context.close();
    }
  });

  test('after one visit, with the network cut, the page reloads and analyses a pasted article', TEST_TIMEOUT, async () => {
    const site = await ownServer(DIST);
    const app = await controlledApp(site.url);
    try {
      const cached = await caches(app);
      const names = Object.keys(cached);
      assert.equal(names.length, 1, `one cache: ${names}`);
      assert.match(names[0], /^article-explorer-[0-9a-f]{16}$/, 'named by the build');
      const files = cached[names[0]];
      for (const want of [/\/article-explorer\/$/, /\/index\.html$/, /_bg\.wasm\.lzma$/, /\/wasm-unpacker\.wasm$/, /\/unpack-wasm\.js$/, /\/web-[0-9a-f]+\.js$/, /\/main-[0-9a-f]+\.css$/, /\/icons\/icon\.svg$/, /\/manifest\.webmanifest$/, /\/analysis-worker\.js$/]) {
        assert.ok(files.some((f) => want.test(f)), `${want} is cached: ${files}`);
      }

      await site.stop();
      await app.context.setOffline(true);
      await app.page.reload({ waitUntil: 'load' });
      await app.input.waitFor({ state: 'visible' });
      await app.pasteArticle(OWN_ARTICLE);
      await app.waitForMarks();
      assert.ok((await app.people()).includes('Maria Santos'), 'analysed offline');
      await app.byTestId('balance-side').first().waitFor({ state: 'visible' });

      // A new tab, too, opens from the cache.
      const tab = new AppPage(app.context, await app.context.newPage());
      await tab.gotoUrl(`${site.url}#`);
      await tab.waitForMarks();
      await app.screenshot('offline-reloaded');
      assert.deepEqual(app.pageErrors, []);
      assert.deepEqual(tab.pageErrors, []);
    } finally {
      await app.close();
      await site.stop().catch(() => {});
    }
  });

  test('a new release is picked up on the next visit, and the old cache goes', TEST_TIMEOUT, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'article-explorer-release-'));
    await cp(DIST, dir, { recursive: true });
    const site = await ownServer(dir);
    const app = await controlledApp(site.url);
    try {
      const [before] = Object.keys(await caches(app));

      // Release 2: a changed page and a worker with a new version, as a new build makes them.
      const index = path.join(dir, 'index.html');
      await writeFile(index, (await readFile(index, 'utf8')).replace('<title>Article Explorer</title>', '<title>Article Explorer (release 2)</title>'));
      const sw = path.join(dir, 'sw.js');
      await writeFile(sw, (await readFile(sw, 'utf8')).replace(/^const VERSION = '[^']*';$/m, "const VERSION = 'release2release2';"));

      await app.page.reload({ waitUntil: 'load' });
      assert.equal(await app.page.title(), 'Article Explorer (release 2)', 'the next visit shows the new release');
      const deadline = Date.now() + TIMEOUT_MS;
      let names = [];
      while (Date.now() < deadline) {
        names = Object.keys(await caches(app));
        if (names.length === 1 && names[0] === 'article-explorer-release2release2') break;
        await app.page.waitForTimeout(200);
      }
      assert.deepEqual(names, ['article-explorer-release2release2'], 'the new release\'s cache replaced the old one');
      assert.notEqual(before, 'article-explorer-release2release2');

      // And it is what opens offline from then on.
      await site.stop();
      await app.context.setOffline(true);
      await app.page.reload({ waitUntil: 'load' });
      assert.equal(await app.page.title(), 'Article Explorer (release 2)');
      await app.waitForMarks();
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
      await site.stop().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    }
  });
});
