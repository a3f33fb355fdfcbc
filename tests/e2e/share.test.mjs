// tests/e2e/share.test.mjs — owns the e2e flows "Share link round-trips in a new context" and "broken links show an error".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, OWN_ARTICLE, normalise, siteUrl, useSharedBrowser } from './app-page.mjs';

const TEST_TIMEOUT = { timeout: 60_000 };

const shared = useSharedBrowser();

/** A valid share link, made once by the app itself. */
async function makeLink() {
  const app = await AppPage.open(shared.browser);
  try {
    await app.goto();
    await app.pasteArticle(OWN_ARTICLE);
    return await app.share();
  } finally {
    await app.close();
  }
}

describe('share links', () => {
  test('Share puts a link in the page that reopens the same analysis in a new context', TEST_TIMEOUT, async () => {
    const app = await AppPage.open(shared.browser);
    let link;
    let counts;
    try {
      await app.goto();
      await app.pasteArticle(OWN_ARTICLE);
      await app.waitForMarks();
      counts = await app.markCounts();
      link = await app.share();
      const base = await siteUrl();
      assert.ok(link.startsWith(`${base}#v`), `a full URL of the site with a fragment: ${link}`);
      assert.match(link.slice(base.length), /^#v\d+\.[A-Za-z0-9_-]+$/, 'the fragment is #v<N>.<base64url>');
      assert.equal(app.page.url(), link, 'the page URL carries the same fragment');
      assert.equal(await app.shareLink.getAttribute('readonly'), '', 'the link field is read-only');
      await app.screenshot('shared');
    } finally {
      await app.close();
    }

    const other = await AppPage.open(shared.browser); // a new context: no state shared with the first
    try {
      await other.gotoUrl(link);
      await other.waitForViewText(OWN_ARTICLE);
      assert.equal(normalise(await other.input.inputValue()), normalise(OWN_ARTICLE), 'same text in the editor');
      assert.deepEqual(await other.markCounts(), counts, 'same number of entity and claim marks');
      assert.equal(await other.linkError.count(), 0, 'a good link shows no error');
      assert.deepEqual(other.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await other.close();
    }
  });

  test('broken links show an error and the app still works', TEST_TIMEOUT, async () => {
    const good = await makeLink();
    const fragment = good.slice(good.indexOf('#'));
    const broken = {
      'not base64': '#v1.@@@',
      'unknown version': '#v9.xyz',
      'cut short': fragment.slice(0, Math.max(6, Math.floor(fragment.length / 2))),
      'bad payload': '#v1.q1YqSa0oUbIyrAUA', // {"text":1},
    };
    for (const [name, bad] of Object.entries(broken)) {
      const app = await AppPage.open(shared.browser);
      try {
        await app.goto(bad);
        await app.linkError.waitFor({ state: 'visible' });
        const message = normalise(await app.linkError.textContent());
        assert.ok(message.length > 20, `${name}: the error explains the problem: "${message}"`);
        if (name === 'cut short') await app.screenshot('link-error');

        await app.pasteArticle(OWN_ARTICLE);
        await app.waitForMarks();
        assert.ok((await app.people()).includes('Maria Santos'), `${name}: typing still highlights`);
        assert.deepEqual(app.pageErrors, [], `${name}: no uncaught errors in the page`);
      } finally {
        await app.close();
      }
    }
  });
});
