// tests/e2e/headers.test.mjs — owns the e2e checks of "safe on any static host" (issue 19): the served site sends the headers of the built dist/_headers (the <meta> CSP plus frame-ancestors 'none', no-referrer, nosniff), the page works under them without a CSP violation, and another origin cannot frame it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import path from 'node:path';
import { OWN_ARTICLE, siteUrl, useSharedBrowser } from './app-page.mjs';
import { builtCsp, cspViolations, DIST, openApp, watchedApp } from './helpers.mjs';
import { startServer } from './static-server.mjs';
import { readHeaders } from '../../scripts/tools/headers.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };

const shared = useSharedBrowser();

/** The headers of dist/_headers as an object with lower-case names. */
function builtHeaders() {
  return Object.fromEntries(readHeaders(path.join(DIST, '_headers')).map(([name, value]) => [name.toLowerCase(), value]));
}

/** Serves `pages` ({ '/path': html }) on another loopback port: another origin than the site. */
async function otherOrigin(pages) {
  const server = createServer((req, res) => {
    const html = pages[new URL(req.url, 'http://localhost').pathname];
    if (html === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

describe('safe on any static host', () => {
  test('the build writes _headers from the same policy as the page, and the server sends them', TEST_TIMEOUT, async () => {
    const headers = builtHeaders();
    const policy = builtCsp();
    assert.ok(policy, 'dist/index.html carries its <meta> policy');
    assert.equal(headers['content-security-policy'], `${policy}; frame-ancestors 'none'`, 'the header is the meta policy (same script hash) plus frame-ancestors');
    assert.match(policy, /'sha256-[A-Za-z0-9+/=]+'/, 'the policy allows the loader by hash');
    assert.doesNotMatch(policy, /frame-ancestors/, 'the <meta> policy leaves out frame-ancestors (browsers ignore it there, with a warning)');
    assert.equal(headers['referrer-policy'], 'no-referrer');
    assert.equal(headers['x-content-type-options'], 'nosniff');

    // Every file the page loads comes with the same headers.
    const site = await siteUrl();
    const html = await (await fetch(site)).text();
    const files = [...html.matchAll(/(?:href|src)="([^"]+\.(?:js|wasm|lzma|css))"/g)].map((m) => new URL(m[1], site).href);
    assert.ok(files.length >= 3, `the page names its script, wasm and stylesheet: ${files.join(', ')}`);
    for (const url of [site, ...files]) {
      const response = await fetch(url);
      assert.equal(response.status, 200, url);
      for (const [name, value] of Object.entries(headers)) {
        assert.equal(response.headers.get(name), value, `${name} on ${url}`);
      }
    }
    assert.equal((await fetch(new URL('_headers', site))).status, 404, 'the _headers file itself is not served');
  });

  test('the page works under the headers: the analysis shows and nothing violates the policy', TEST_TIMEOUT, async () => {
    const app = await watchedApp(shared.browser, { acceptDownloads: true });
    try {
      const response = await app.page.goto(await siteUrl(), { waitUntil: 'load' });
      assert.match(response.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/, 'the page arrived with the header');
      await app.waitForMarks();
      await app.pasteArticle(OWN_ARTICLE);
      await app.waitForMarks();
      assert.ok((await app.people()).includes('Maria Santos'), 'the pasted article is analysed');
      await app.claims.first().click();
      await app.share();
      await Promise.all([app.page.waitForEvent('download', { timeout: 15_000 }), app.byTestId('export-html').click()]);
      await app.page.waitForTimeout(200);
      assert.deepEqual(await cspViolations(app), [], 'no securitypolicyviolation events');
      assert.deepEqual(app.cspConsole, [], 'no Content Security Policy messages in the console');
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
      await app.screenshot('headers-page-works');
    } finally {
      await app.close();
    }
  });

  test('a page on another origin cannot frame the site (and can frame it without the headers)', TEST_TIMEOUT, async () => {
    const site = await siteUrl();
    // The same dist/ served without _headers: proves the frame would load if the headers did not forbid it.
    const bare = await startServer({ dir: DIST, headers: false });
    const framer = await otherOrigin({
      '/framer.html': `<!DOCTYPE html><title>Framer</title><h1>Another site</h1>
        <iframe name="app" src="${site}" width="600" height="300"></iframe>
        <iframe name="bare" src="${bare.url}" width="600" height="300"></iframe>`,
    });
    const app = await openApp(shared.browser);
    const consoleLines = [];
    app.page.on('console', (msg) => consoleLines.push(msg.text()));
    try {
      await app.page.goto(`${framer.origin}/framer.html`, { waitUntil: 'load' });
      const bareFrame = app.page.frame({ name: 'bare' });
      await bareFrame.locator('[data-testid="article-input"]').waitFor({ state: 'visible' });
      assert.ok(await bareFrame.locator('[data-testid="article-view"]').isVisible(), 'without the headers the site runs in a frame');

      // The bare frame has run the app, so the other frame has had its time to load too.
      const framed = app.page.frame({ name: 'app' });
      assert.ok(framed, 'the frame element exists');
      assert.equal(await framed.locator('[data-testid="article-input"]').count(), 0, 'the app is not shown inside the frame');
      assert.ok(!framed.url().startsWith(site), `the frame does not hold the site (it holds ${framed.url()})`);
      assert.ok(
        consoleLines.some((line) => /frame-ancestors/.test(line) && line.includes(new URL(site).origin)),
        `the browser reports the refusal: ${consoleLines.join(' | ')}`,
      );
      await app.screenshot('headers-framing-refused');
    } finally {
      await app.close();
      await new Promise((resolve) => framer.server.close(resolve));
      await new Promise((resolve) => bare.server.close(resolve));
    }
  });
});
