// tests/e2e/narratives.test.mjs — owns the e2e flows of issues 5/6 in the narratives panel: party columns and balance for the demo, counter-claims and third parties, no sides for ordinary news, renaming/moving/merging sides (reader-edits), edits surviving a share link in a fresh context, Undo last and Reset.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { normalise, useSharedBrowser } from './app-page.mjs';
import { openApp } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };

const shared = useSharedBrowser();

const panel = (app) => app.byTestId('sides-panel');
const partyColumns = (app) => panel(app).locator('[data-testid="side"].side-column');
const thirdParties = (app) => panel(app).locator('[data-testid="side"].third-party');
const edits = (app) => app.byTestId('reader-edits');

async function partyNames(app) {
  return (await partyColumns(app).locator('.side-name').allTextContents()).map(normalise);
}

/** Renames the side in `column` (a locator of one side) as a reader would: open, type, leave the field. */
async function renameSide(column, name) {
  await column.locator('details > summary').first().click();
  const input = column.locator('[data-testid="rename-side"]');
  await input.fill(name);
  await input.press('Tab'); // the change event fires when the field loses focus
}

async function demo() {
  const app = await openApp(shared.browser);
  await app.goto();
  await app.waitForMarks();
  await panel(app).locator('[data-testid="side"]').first().waitFor({ state: 'visible' });
  return app;
}

describe('narratives panel', () => {
  test('the demo shows two party columns with their balance, counter-claims and third parties', { timeout: 60_000 }, async () => {
    const app = await demo();
    try {
      const names = await partyNames(app);
      assert.equal(names.length, 2, `two parties: ${names}`);
      assert.ok(names.every((n) => n.length > 0), 'each party is named');
      for (let i = 0; i < 2; i++) {
        const column = partyColumns(app).nth(i);
        const balance = normalise(await column.locator('[data-testid="balance"]').textContent());
        assert.match(balance, /^\d+ quoted words · \d+ named, \d+ anonymous claims · \d+ named sources/, `balance of ${names[i]}: ${balance}`);
        const count = Number((await column.locator('.side-count').textContent()).match(/\d+/)[0]);
        assert.ok(count >= 1, `${names[i]} has claims`);
        assert.equal(await column.locator(':scope > ul > li').count(), count, `${names[i]}: one line per claim`);
        assert.equal(await column.locator('meter').getAttribute('value'), String(count), 'the bar shows the claim count');
      }
      assert.match(await partyColumns(app).nth(0).getAttribute('class'), /\bside-a\b/, 'first party coloured as side A');
      assert.match(await partyColumns(app).nth(1).getAttribute('class'), /\bside-b\b/, 'second party coloured as side B');
      assert.ok(await panel(app).locator('[data-testid="counter-claim"]').count() >= 1, 'at least one claim paired with a counter-claim');
      assert.ok(await thirdParties(app).count() >= 1, 'third parties listed apart');
      assert.equal(await edits(app).count(), 0, 'no reader edits at first');

      // A claim line in a column selects that claim.
      const line = partyColumns(app).nth(0).locator(':scope > ul > li button').first();
      await line.click();
      const selected = await app.view.locator('[data-testid="claim"].selected').count();
      assert.ok(selected >= 1, 'clicking a claim in a column selects it in the article');
      await panel(app).screenshot({ path: new URL('./artifacts/narratives-demo.png', import.meta.url).pathname });
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });

  test('renaming and moving show reader-edits; a share link carries them to a fresh context; Undo and Reset', { timeout: 120_000 }, async () => {
    const app = await demo();
    let link;
    let before;
    try {
      before = await partyNames(app);
      await renameSide(partyColumns(app).nth(0), 'Armenian government');
      await edits(app).waitFor({ state: 'visible' });
      assert.deepEqual(await partyNames(app), ['Armenian government', before[1]], 'the first side is renamed');
      assert.match(normalise(await edits(app).textContent()), /Your edits to the sides: 1\./, 'one edit counted');
      const claimPanel = normalise(await app.byTestId('claims-panel').textContent());
      assert.ok(claimPanel.includes('Armenian government'), 'the claims panel uses the new name');

      // A second edit: move an actor of the second side to the first.
      const second = partyColumns(app).nth(1);
      await second.locator('details > summary').first().click();
      const mover = second.locator('[data-testid="move-actor"]').first();
      const actor = normalise(await mover.evaluate((el) => el.closest('li').firstChild.textContent));
      const to = await mover.locator('option', { hasText: 'Move to Armenian government' }).getAttribute('value');
      await mover.selectOption(to);
      await app.page.waitForFunction(
        () => /edits to the sides: 2\./.test(document.querySelector('[data-testid="reader-edits"]')?.textContent ?? ''),
        null,
        { timeout: 15_000 },
      );
      const aliasesA = normalise(await partyColumns(app).nth(0).locator('.side-aliases').textContent());
      assert.ok(aliasesA.includes(actor), `${actor} now stands with the first side: ${aliasesA}`);
      const afterEdits = await partyNames(app);
      const balances = (await panel(app).locator('[data-testid="balance"]').allTextContents()).map(normalise);
      await app.screenshot('narratives-edited');

      link = await app.share();
      assert.match(link, /#v3\./, 'a full link in the newest format (v3)');

      // The link in a fresh context shows the same sides.
      const other = await openApp(shared.browser);
      try {
        await other.gotoUrl(link);
        await other.waitForMarks();
        await edits(other).waitFor({ state: 'visible' });
        assert.deepEqual(await partyNames(other), afterEdits, 'same side names after opening the link');
        assert.match(normalise(await edits(other).textContent()), /Your edits to the sides: 2\./, 'the edits travel with the link');
        assert.deepEqual((await panel(other).locator('[data-testid="balance"]').allTextContents()).map(normalise), balances, 'same balance');
        assert.ok(normalise(await partyColumns(other).nth(0).locator('.side-aliases').textContent()).includes(actor), 'the moved actor too');
        await other.screenshot('narratives-from-link');

        // Undo last: the move goes, the rename stays.
        await edits(other).getByRole('button', { name: 'Undo last' }).click();
        await other.page.waitForFunction(
          () => /edits to the sides: 1\./.test(document.querySelector('[data-testid="reader-edits"]')?.textContent ?? ''),
          null,
          { timeout: 15_000 },
        );
        assert.deepEqual(await partyNames(other), ['Armenian government', before[1]], 'the rename remains after one undo');
        // Reset: back to the analysis.
        await edits(other).getByRole('button', { name: 'Reset' }).click();
        await edits(other).waitFor({ state: 'detached' });
        assert.deepEqual(await partyNames(other), before, 'Reset restores the analysed sides');
        assert.deepEqual(other.pageErrors, [], 'no uncaught errors in the page');
      } finally {
        await other.close();
      }

      // In the first page, Undo twice gets back to no edits.
      await edits(app).getByRole('button', { name: 'Undo last' }).click();
      await edits(app).getByRole('button', { name: 'Undo last' }).click();
      await edits(app).waitFor({ state: 'detached' });
      assert.deepEqual(await partyNames(app), before, 'two undos restore the analysed sides');
    } finally {
      await app.close();
    }
  });

  test('merging one party into the other leaves a single party column', { timeout: 60_000 }, async () => {
    const app = await demo();
    try {
      const [, second] = await partyNames(app);
      const column = partyColumns(app).nth(1);
      await column.locator('details > summary').first().click();
      const merge = column.locator('[data-testid="merge-side"]');
      const into = await merge.locator('option').nth(1).getAttribute('value');
      await merge.selectOption(into);
      await edits(app).waitFor({ state: 'visible' });
      const names = await partyNames(app);
      assert.ok(!names.includes(second), `${second} merged away: ${names}`);
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });

  test('ordinary news gets no sides, and the panel says so', { timeout: 60_000 }, async () => {
    const app = await openApp(shared.browser);
    try {
      await app.goto();
      await app.waitForMarks();
      // Our own ordinary news report: officials speak, nobody disputes anything.
      await app.pasteArticle(
        'Bus overturns near Tarn\n\nA bus crashed on a wet road near Tarn on Thursday, killing seven people, police said. ' +
          'The driver told reporters he lost control. Indian officials said the road would reopen on Friday, and a ' +
          'hospital spokesperson said four people were still being treated.',
      );
      await app.byTestId('no-dispute').waitFor({ state: 'visible' });
      assert.equal(await partyColumns(app).count(), 0, 'no party columns for ordinary news');
      await panel(app).screenshot({ path: new URL('./artifacts/narratives-no-dispute.png', import.meta.url).pathname });
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });
});
