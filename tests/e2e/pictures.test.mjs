// tests/e2e/pictures.test.mjs — owns the e2e flows of issue 17's pictures: the balance charts, the "who accuses whom" diagram and the minimap, for the demo and for a pasted article, in light, dark, 360 px and print (screenshots), with their text alternatives, clicks and keys.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, normalise, useSharedBrowser } from './app-page.mjs';
import { focusPage, openApp, selectedClaims, waitInViewport } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 120_000 };
const shared = useSharedBrowser();

/** A news article of our own with two parties accusing each other and two third parties. */
export const NILE_ARTICLE = `Egypt and Ethiopia trade accusations over the Nile dam

Egypt's foreign minister Sameh Shoukry said on Tuesday that the third filling of the dam threatened the water of millions of farmers. "We will not accept a fait accompli on the river," Shoukry told reporters in Cairo.

Ethiopian officials rejected that account. The foreign ministry in Addis Ababa accused Cairo of trying to keep a colonial-era monopoly over the river, according to a statement.

In Addis Ababa, Ethiopian prime minister Abiy Ahmed said the dam would bring electricity to 60 million people. "The Nile is a gift to all of us," he said.

Shoukry warned that Ethiopia had broken the 2015 declaration of principles. The African Union urged both sides to return to talks, and Sudan said it had not received data on the dam's operations.`;

const SCREENS = [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['360', { colorScheme: 'light', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true }],
  ['360-dark', { colorScheme: 'dark', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true }],
];

const pictures = (app) => app.byTestId('pictures');
const arrows = (app) => app.byTestId('accusation-arrow');
const marks = (app) => app.byTestId('minimap-mark');

/** The app with the demo, or with `article` pasted, and its pictures drawn. */
async function withArticle(article, options = {}) {
  const app = await openApp(shared.browser, options);
  await app.goto();
  await app.waitForMarks();
  if (article) {
    await app.pasteArticle(article);
    await app.waitForMarks();
  }
  await app.byTestId('balance-side').first().waitFor({ state: 'visible' });
  return app;
}

/** Checks the three pictures and their text alternatives; returns what they show. */
async function checkPictures(app, name) {
  const charts = app.byTestId('balance-side');
  const n = await charts.count();
  assert.ok(n >= 2, `${name}: a balance chart per side (${n})`);
  for (let i = 0; i < n; i++) {
    const chart = charts.nth(i);
    assert.equal(await chart.getAttribute('role'), 'img');
    const title = normalise(await chart.locator('title').textContent());
    const desc = normalise(await chart.locator('desc').textContent());
    assert.match(title, /^Balance of .+/, `${name}: the chart is titled`);
    assert.match(desc, /\d+ claims, \d+ quoted words, \d+ named and \d+ anonymous claims, \d+ named sources/, `${name}: ${desc}`);
    const box = await chart.boundingBox();
    assert.ok(box.width > 150 && box.height > 50, `${name}: chart ${i} is drawn (${box.width}×${box.height})`);
  }
  const classes = await charts.evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('class')));
  assert.match(classes[0], /side-a/);
  assert.match(classes[1], /side-b/);

  const diagram = app.byTestId('accusations-diagram');
  await diagram.waitFor({ state: 'visible' });
  assert.equal(await diagram.getAttribute('role'), 'img');
  assert.equal(normalise(await diagram.locator('title').textContent()), 'Who accuses whom');
  const desc = normalise(await diagram.locator('desc').textContent());

  const strip = app.byTestId('minimap');
  await strip.waitFor({ state: 'visible' });
  const stripBox = await strip.boundingBox();
  const viewBox = await app.view.boundingBox();
  assert.ok(stripBox.x >= viewBox.x + viewBox.width - 2, `${name}: the minimap is beside the article`);
  const claimIds = await app.claimIds();
  const markedClaims = await marks(app).evaluateAll((els) => els.map((e) => Number(e.dataset.claim)));
  assert.ok(markedClaims.length >= 1 && markedClaims.length <= claimIds.length, `${name}: marks for the claims`);
  assert.equal(await strip.getAttribute('role'), 'slider', `${name}: the strip is a slider over the claims`);
  assert.equal(await strip.getAttribute('tabindex'), '0', `${name}: one tab stop`);
  const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `${name}: no horizontal scrolling (${overflow}px too wide)`);
  return { charts: n, arrows: await arrows(app).count(), desc };
}

/** Saves the pictures (and the article with its minimap) as screenshots. */
async function shoot(app, name) {
  await app.page.evaluate(() => window.scrollTo(0, 0));
  await pictures(app).screenshot({ path: `${ARTIFACTS}/${name}.png` });
  await app.page.locator('.article-row').screenshot({ path: `${ARTIFACTS}/${name}-minimap.png` });
}

describe('pictures', () => {
  test('the demo: balance per side, who accuses whom, minimap, in light, dark and 360 px', TEST_TIMEOUT, async () => {
    for (const [screen, options] of SCREENS) {
      const app = await withArticle(null, options);
      try {
        const seen = await checkPictures(app, `demo ${screen}`);
        assert.ok(seen.arrows >= 1, `demo ${screen}: an accusation between the parties`);
        assert.match(seen.desc, /Yerevan → Baku: \d+ claims?\./, seen.desc);
        await shoot(app, `pictures-demo-${screen}`);
        assert.deepEqual(app.pageErrors, []);
      } finally {
        await app.close();
      }
    }
  });

  test('a pasted article: both directions, third parties, in light, dark and 360 px', TEST_TIMEOUT, async () => {
    for (const [screen, options] of SCREENS) {
      const app = await withArticle(NILE_ARTICLE, options);
      try {
        const seen = await checkPictures(app, `pasted ${screen}`);
        assert.ok(seen.charts >= 3, `pasted ${screen}: the parties and the third parties with claims`);
        assert.equal(seen.arrows, 2, `pasted ${screen}: one arrow each way`);
        assert.match(seen.desc, /Egypt → Ethiopia: 1 claim\./);
        assert.match(seen.desc, /Ethiopia → Egypt: 1 claim\./);
        await shoot(app, `pictures-pasted-${screen}`);
        assert.deepEqual(app.pageErrors, []);
      } finally {
        await app.close();
      }
    }
  });

  test('in print, the pictures are printed with the article', TEST_TIMEOUT, async () => {
    for (const [name, article] of [['demo', null], ['pasted', NILE_ARTICLE]]) {
      const app = await withArticle(article);
      try {
        await app.page.emulateMedia({ media: 'print' });
        assert.ok(await pictures(app).isVisible(), `${name}: pictures printed`);
        assert.ok(await app.byTestId('accusations-diagram').isVisible());
        assert.ok(await app.byTestId('minimap').isVisible(), `${name}: minimap printed beside the article`);
        assert.ok(await app.input.isHidden(), 'the editor is not printed');
        await app.screenshot(`pictures-${name}-print`);
      } finally {
        await app.close();
      }
    }
  });

  test('clicking an arrow, or its button, lists its claims; a listed claim is selected in the article', TEST_TIMEOUT, async () => {
    const app = await withArticle(NILE_ARTICLE);
    try {
      assert.equal(await app.byTestId('accusation-claims').count(), 0, 'closed at first');
      await arrows(app).first().click();
      const list = app.byTestId('accusation-claims');
      await list.waitFor({ state: 'visible' });
      assert.equal(await list.locator('button').count(), 1);
      assert.match(await arrows(app).first().getAttribute('class'), /\bopen\b/);
      assert.equal(await app.byTestId('accusation-pair').first().getAttribute('aria-expanded'), 'true');
      const content = normalise(await list.locator('button').textContent());
      await list.locator('button').click();
      const selected = await selectedClaims(app);
      assert.equal(selected.length, 1, 'the claim is selected');
      const shown = normalise(await app.view.locator(`[data-testid="claim"][data-claim="${selected[0]}"]`).first().textContent());
      assert.ok(shown.length > 0 && content.includes(shown.slice(0, 25)), `the listed claim is the one selected: ${content} / ${shown}`);

      // The keyboard's way: the pair buttons toggle the same list.
      const second = app.byTestId('accusation-pair').nth(1);
      await second.focus();
      await app.page.keyboard.press('Enter');
      assert.equal(await second.getAttribute('aria-expanded'), 'true');
      assert.equal(await app.byTestId('accusation-pair').first().getAttribute('aria-expanded'), 'false', 'one pair open at a time');
      await app.page.keyboard.press('Enter');
      assert.equal(await app.byTestId('accusation-claims').count(), 0, 'Enter again closes it');
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });

  test('the minimap: a click on a mark jumps to its claim; as a slider, the keys move between claims', TEST_TIMEOUT, async () => {
    const app = await withArticle(null, { viewport: { width: 1280, height: 600 } });
    try {
      const strip = app.byTestId('minimap');
      const last = marks(app).last();
      const claim = await last.getAttribute('data-claim');
      assert.match(normalise(await last.locator('title').textContent()), /^Claim \d+ of \d+: .+ \(.+\), \d+% into the article$/);
      await last.click();
      assert.deepEqual(await selectedClaims(app), [claim], 'the last mark selects its claim');
      await waitInViewport(app.page, `#claim-${claim}`);
      await strip.locator('.cursor').waitFor({ state: 'attached' });
      assert.equal(await strip.locator('.cursor').getAttribute('y'), await last.getAttribute('y'), 'a cursor shows the selected claim');
      assert.match(await strip.getAttribute('aria-valuetext'), new RegExp(`^Claim ${Number(claim) + 1} of \\d+: `));

      await focusPage(app);
      await app.page.keyboard.press('Escape');
      assert.match(await strip.getAttribute('aria-valuetext'), /claims; none selected/);
      await strip.focus();
      await app.page.keyboard.press('ArrowDown');
      assert.deepEqual(await selectedClaims(app), ['0'], 'ArrowDown from nothing goes to the first claim');
      await app.page.keyboard.press('ArrowDown');
      assert.deepEqual(await selectedClaims(app), ['1'], 'then to the next');
      assert.equal(await strip.getAttribute('aria-valuenow'), '2');
      await app.page.keyboard.press('End');
      const n = await app.claimIds();
      assert.deepEqual(await selectedClaims(app), [String(n.length - 1)], 'End goes to the last claim');
      await app.page.keyboard.press('Home');
      assert.deepEqual(await selectedClaims(app), ['0'], 'Home to the first');
      await waitInViewport(app.page, '#claim-0');
      assert.equal(await app.page.evaluate(() => document.activeElement?.dataset?.testid), 'minimap', 'focus stays on the strip');
      assert.deepEqual(app.pageErrors, []);
    } finally {
      await app.close();
    }
  });
});
