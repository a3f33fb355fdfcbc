// tests/e2e/old-links.test.mjs — owns the e2e checks of links across analyser versions (issue 19): a link whose selection or side edits no longer attach to this version's marks says so plainly and offers the text without them; an old link that cannot be checked says so too; a link made by this version says nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OWN_ARTICLE, normalise, useSharedBrowser } from './app-page.mjs';
import { hiddenClasses, openApp, selectedClaims, v2Fragment } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };

const shared = useSharedBrowser();

const note = (app) => app.byTestId('view-detached');

describe('links across analyser versions', () => {
  test('a view that no longer attaches is named plainly, and the text opens without it on request', TEST_TIMEOUT, async () => {
    // Made by "0.0.9": claim 7 was selected, and side 0 (then called "Port of Lisbon") renamed.
    const fragment = v2Fragment(
      {
        a: '0.0.9',
        v: { s: 'c7', e: [{ Rename: { side: 0, name: 'Harbour side' } }] },
        k: { s: '0badf00d', e: [['Port of Lisbon']] },
      },
      OWN_ARTICLE,
    );
    const app = await openApp(shared.browser);
    try {
      await app.goto(fragment);
      await app.waitForViewText(OWN_ARTICLE);
      await app.waitForMarks();
      await note(app).waitFor({ state: 'visible' });
      const message = normalise(await note(app).textContent());
      assert.match(message, /^The link's highlights may not match this article\. It was made by version 0\.0\.9 of the analyser, and this page runs version \d+\.\d+\.\d+, which marks the article differently/);
      assert.match(message, /the selected claim is not there/);
      assert.match(message, /its side edit no longer points at the same side or person/);
      assert.ok(await app.byTestId('reader-edits').isVisible(), "the link's side edit is applied until the reader decides");
      assert.equal(normalise(await app.byTestId('open-without-view').textContent()), 'Open the text without its selection and side edit');
      await app.screenshot('old-link-detached');

      await app.byTestId('open-without-view').click();
      await note(app).waitFor({ state: 'detached' });
      assert.equal(await app.byTestId('reader-edits').count(), 0, 'the side edits are gone');
      assert.deepEqual(await selectedClaims(app), [], 'nothing is selected');
      assert.equal(await app.input.inputValue(), OWN_ARTICLE, 'the article itself is kept');
      assert.ok((await app.people()).includes('Maria Santos'), 'and analysed');
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });

  test('an old link without anchors from another version says its view could not be checked', TEST_TIMEOUT, async () => {
    const fragment = v2Fragment({ a: '0.0.9', v: { s: 'c0', h: ['place'] } }, OWN_ARTICLE);
    const app = await openApp(shared.browser);
    try {
      await app.goto(fragment);
      await app.waitForMarks();
      await note(app).waitFor({ state: 'visible' });
      assert.match(normalise(await note(app).textContent()), /made by version 0\.0\.9 of the analyser.*may no longer point at the same marks as when the link was made/);
      await app.screenshot('old-link-unchecked');
      assert.equal(normalise(await app.byTestId('open-without-view').textContent()), 'Open the text without its selection');
      assert.equal(normalise(await app.byTestId('keep-view').textContent()), 'Keep it');
      await app.byTestId('keep-view').click();
      await note(app).waitFor({ state: 'detached' });
      assert.deepEqual(await selectedClaims(app), ['0'], '"Keep them" keeps the selection');
      assert.deepEqual(await hiddenClasses(app), ['hide-place'], 'and the rest of the view');
    } finally {
      await app.close();
    }
  });

  test('a link made by this version with a selection and a side edit opens without a note', TEST_TIMEOUT, async () => {
    const maker = await openApp(shared.browser);
    let link;
    try {
      await maker.goto();
      await maker.waitForMarks();
      await maker.byTestId('claim-item').nth(1).locator('button').click();
      const column = maker.byTestId('sides-panel').locator('[data-testid="side"].side-column').first();
      await column.locator('details > summary').first().click();
      await column.locator('[data-testid="rename-side"]').fill('The first side');
      await column.locator('[data-testid="rename-side"]').press('Tab');
      await maker.byTestId('reader-edits').waitFor({ state: 'visible' });
      link = await maker.share();
    } finally {
      await maker.close();
    }
    const other = await openApp(shared.browser);
    try {
      await other.gotoUrl(link);
      await other.waitForMarks();
      assert.deepEqual(await selectedClaims(other), ['1'], 'the selection is restored');
      assert.ok(await other.byTestId('reader-edits').isVisible(), 'and the side edit');
      await other.page.waitForTimeout(200);
      assert.equal(await note(other).count(), 0, 'no note: the view attaches');
    } finally {
      await other.close();
    }
  });
});
