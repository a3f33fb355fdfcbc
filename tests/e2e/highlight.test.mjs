// tests/e2e/highlight.test.mjs — owns the e2e flows "demo highlighted on load" and "typing re-highlights" (axe: layers.test.mjs).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, OWN_ARTICLE, useSharedBrowser } from './app-page.mjs';

const TEST_TIMEOUT = { timeout: 60_000 };

const shared = useSharedBrowser();

describe('highlighting', () => {
  test('the demo article is highlighted on load', TEST_TIMEOUT, async () => {
    const app = await AppPage.open(shared.browser);
    try {
      await app.goto();
      await app.waitForMarks();
      const { entities, claims } = await app.markCounts();
      assert.ok(entities >= 5, `several entity marks in the demo (got ${entities})`);
      assert.ok(claims >= 1, `claim marks in the demo (got ${claims})`);
      assert.ok((await app.people()).length >= 2, 'the demo names people');
      assert.equal(await app.linkError.count(), 0, 'no link error without a fragment');
      assert.ok(await app.byTestId('claims-panel').isVisible(), 'claims panel is shown');
      assert.ok(await app.byTestId('sides-panel').isVisible(), 'sides panel is shown');
      await app.screenshot('demo-1280');
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });

  test('the demo reads at 360px wide', TEST_TIMEOUT, async () => {
    const app = await AppPage.open(shared.browser, { width: 360, height: 780 });
    try {
      await app.goto();
      await app.waitForMarks();
      const overflow = await app.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      await app.screenshot('demo-360');
      assert.ok(overflow <= 1, `no horizontal scrolling at 360px (page is ${overflow}px too wide)`);
    } finally {
      await app.close();
    }
  });

  test('pasting and typing a new article highlights it', TEST_TIMEOUT, async () => {
    const app = await AppPage.open(shared.browser);
    try {
      await app.goto();
      await app.waitForMarks();

      await app.pasteArticle(OWN_ARTICLE);
      const people = await app.people();
      assert.ok(people.includes('Maria Santos'), `Maria Santos is marked as a person: ${people}`);
      assert.ok(people.some((p) => p.endsWith('Pereira')), `(João) Pereira is marked as a person: ${people}`);
      assert.ok((await app.claimIds()).length >= 2, 'both reported statements are claims');
      const words = OWN_ARTICLE.split(/\s+/).length;
      assert.match(await app.byTestId('word-count').textContent(), new RegExp(`\\b${words}\\b`));

      // Typing key by key re-analyses on every input event.
      const added = ' Ana Costa said the ferries would run every hour.';
      await app.typeAtEnd(added);
      await app.waitForViewText(OWN_ARTICLE + added);
      assert.ok((await app.people()).includes('Ana Costa'), 'a typed name is marked too');
      await app.screenshot('typed-article');

      // The reader's text survives a reload (it is kept in this browser only).
      await app.page.reload({ waitUntil: 'load' });
      await app.waitForViewText(OWN_ARTICLE + added);
      await app.waitForMarks();
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });
});
