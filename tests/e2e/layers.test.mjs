// tests/e2e/layers.test.mjs — owns the e2e flows of issue 6: legend layer toggles and keys 1–7, selecting marks and the why-panel, j/k claim navigation, the claims and entity panels, Escape, light/dark/360px screenshots, axe (serious+critical) in light and dark (with issue 17's pictures, an opened accusation and a refused file), and print styles.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { normalise, useSharedBrowser } from './app-page.mjs';
import { LAYERS, focusPage, hiddenClasses, layerToggle, openApp, runAxe, selectedClaims, waitInViewport } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };

const shared = useSharedBrowser();

/** Opens the demo (fresh context) and waits for its marks. */
async function demo(options = {}) {
  const app = await openApp(shared.browser, options);
  await app.goto();
  await app.waitForMarks();
  return app;
}

async function whyText(app) {
  return normalise(await app.byTestId('why-panel').textContent());
}

describe('layers and selection', () => {
  test('each legend toggle hides and shows its layer (class on the view, aria-pressed)', TEST_TIMEOUT, async () => {
    const app = await demo();
    try {
      assert.equal(await app.page.locator('[data-testid="layer-toggle"]').count(), LAYERS.length, 'seven layer toggles');
      assert.deepEqual(await hiddenClasses(app), [], 'every layer shown at first');
      for (const { label, hidden } of LAYERS) {
        const toggle = layerToggle(app, label);
        assert.equal(await toggle.getAttribute('aria-pressed'), 'true', `${label}: pressed (shown) at first`);
        await toggle.click();
        assert.equal(await toggle.getAttribute('aria-pressed'), 'false', `${label}: not pressed once hidden`);
        assert.deepEqual(await hiddenClasses(app), [hidden], `${label}: the view gets ${hidden}`);
        await toggle.click();
        assert.equal(await toggle.getAttribute('aria-pressed'), 'true', `${label}: pressed again once shown`);
        assert.deepEqual(await hiddenClasses(app), [], `${label}: ${hidden} removed`);
      }
      // Hiding a layer restyles the marks; they stay in the DOM.
      const person = app.view.locator('[data-testid="entity"][data-kind="PERSON"]').first();
      const shownBorder = await person.evaluate((el) => getComputedStyle(el).borderBottomColor);
      await layerToggle(app, 'People').click();
      const hiddenBorder = await person.evaluate((el) => getComputedStyle(el).borderBottomColor);
      assert.notEqual(hiddenBorder, shownBorder, 'a hidden person mark loses its underline colour');
      assert.equal(hiddenBorder, 'rgba(0, 0, 0, 0)', 'the underline becomes transparent');
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });

  test('keys 1–7 toggle the layers in legend order, but not while typing', TEST_TIMEOUT, async () => {
    const app = await demo();
    try {
      await focusPage(app);
      for (const { label, key, hidden } of LAYERS) {
        await app.page.keyboard.press(key);
        assert.deepEqual(await hiddenClasses(app), [hidden], `key ${key} hides ${label}`);
        assert.equal(await layerToggle(app, label).getAttribute('aria-pressed'), 'false', `key ${key}: ${label} not pressed`);
        await app.page.keyboard.press(key);
        assert.deepEqual(await hiddenClasses(app), [], `key ${key} shows ${label} again`);
      }
      // Several at once, then all back.
      for (const key of ['1', '3', '5']) await app.page.keyboard.press(key);
      assert.deepEqual(await hiddenClasses(app), ['hide-claims', 'hide-person', 'hide-place']);
      for (const key of ['1', '3', '5']) await app.page.keyboard.press(key);
      assert.deepEqual(await hiddenClasses(app), []);

      // In the textarea, digits are text, not shortcuts.
      await app.input.focus();
      await app.page.keyboard.press('End');
      await app.page.keyboard.type(' 12');
      assert.deepEqual(await hiddenClasses(app), [], 'typing digits in the article hides nothing');
      assert.ok((await app.input.inputValue()).endsWith(' 12'), 'the digits went into the article');
    } finally {
      await app.close();
    }
  });

  test('clicking a mark selects it and the why-panel explains it', TEST_TIMEOUT, async () => {
    const app = await demo();
    try {
      assert.match(await whyText(app), /Select a highlighted/, 'the why-panel invites a selection at first');

      // An entity: every mention of its cluster is highlighted.
      const mark = app.view.locator('[data-testid="entity"][data-kind="PERSON"]').first();
      const name = normalise(await mark.textContent());
      const cluster = await mark.getAttribute('data-cluster');
      await mark.click();
      const mentions = app.view.locator(`[data-testid="entity"][data-cluster="${cluster}"]`);
      const nMentions = await mentions.count();
      assert.equal(await app.view.locator('[data-testid="entity"].selected').count(), nMentions, 'exactly the cluster\'s mentions are selected');
      assert.ok(nMentions >= 2, `the demo mentions ${name} more than once`);
      const why = await whyText(app);
      assert.ok(why.includes(name), `why-panel names ${name}: ${why}`);
      assert.match(why, /\bperson\b/i, 'why-panel gives the kind');
      assert.match(why, new RegExp(`mentioned ${nMentions} times`), 'why-panel gives the cluster size');
      assert.ok(await app.byTestId('why-panel').locator('ul.evidence li').count() >= 1, 'why-panel lists evidence');

      // A claim (clicked where no entity lies inside it).
      const claim = app.view.locator('[data-testid="claim"]:not(:has(mark))').first();
      const id = await claim.getAttribute('data-claim');
      await claim.click();
      assert.deepEqual(await selectedClaims(app), [id], 'the clicked claim is selected');
      assert.equal(await app.view.locator('[data-testid="entity"].selected').count(), 0, 'the entity selection is replaced');
      const whyClaim = await whyText(app);
      assert.match(whyClaim, /claim by/, `why-panel explains the claim: ${whyClaim}`);
      assert.match(whyClaim, /side: |not tied to a side/, 'why-panel gives the side');
      assert.ok(await app.byTestId('why-panel').locator('ul.evidence li').count() >= 1, 'claim evidence listed');
      assert.match(await app.byTestId('claim-item').nth(Number(id)).getAttribute('class'), /\bselected\b/, 'the claims panel marks it too');
      await app.screenshot('layers-claim-selected-light');

      // A check-worthy assertion.
      const assertion = app.view.locator('[data-testid="assertion"]:not(:has(mark)):not(:has([data-testid="claim"]))').first();
      if (await assertion.count()) {
        await assertion.click();
        assert.match(await whyText(app), /check-worthy/i, 'why-panel explains a check-worthy statement');
      }
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });

  test('j/n and k/p move between claims and scroll the selected one into view', TEST_TIMEOUT, async () => {
    const app = await demo({ viewport: { width: 1280, height: 560 } });
    try {
      const n = (await app.claimIds()).length;
      assert.ok(n >= 3, `the demo has several claims (got ${n})`);
      await focusPage(app);

      await app.page.keyboard.press('j');
      assert.deepEqual(await selectedClaims(app), ['0'], 'j from nothing selects the first claim');
      await app.page.keyboard.press('j');
      assert.deepEqual(await selectedClaims(app), ['1'], 'j moves to the next claim');
      await app.page.keyboard.press('n');
      assert.deepEqual(await selectedClaims(app), ['2'], 'n too');
      await app.page.keyboard.press('k');
      assert.deepEqual(await selectedClaims(app), ['1'], 'k moves back');
      await app.page.keyboard.press('p');
      assert.deepEqual(await selectedClaims(app), ['0'], 'p too');
      await app.page.keyboard.press('k');
      const last = String(n - 1);
      assert.deepEqual(await selectedClaims(app), [last], 'k from the first claim wraps to the last');
      await waitInViewport(app.page, `#claim-${last}`);
      const yLast = await app.page.evaluate(() => window.scrollY);
      assert.ok(yLast > 0, 'the page scrolled down to the last claim');
      assert.match(await whyText(app), /claim by/, 'the why-panel follows the keyboard selection');

      await app.page.keyboard.press('j');
      assert.deepEqual(await selectedClaims(app), ['0'], 'j from the last claim wraps to the first');
      await waitInViewport(app.page, '#claim-0');
      assert.ok(await app.page.evaluate(() => window.scrollY) < yLast, 'the page scrolled back up');
      assert.match(await app.page.locator('#claim-0').getAttribute('class'), /\bclaim-start\b/, 'the claim anchor is its first element');
    } finally {
      await app.close();
    }
  });

  test('a claims-panel click selects the claim and scrolls to it; an entity chip highlights its cluster; Escape clears', TEST_TIMEOUT, async () => {
    const app = await demo({ viewport: { width: 1280, height: 560 } });
    try {
      const items = app.byTestId('claim-item');
      const n = await items.count();
      assert.equal(n, (await app.claimIds()).length, 'one panel item per claim in the view');
      const target = n - 1;
      await items.nth(target).locator('button').click();
      assert.deepEqual(await selectedClaims(app), [String(target)], 'the panel click selects that claim in the view');
      assert.match(await items.nth(target).getAttribute('class'), /\bselected\b/, 'the panel item is marked selected');
      await waitInViewport(app.page, `#claim-${target}`);
      const speaker = normalise(await items.nth(target).locator('.claim-meta strong').textContent());
      assert.ok((await whyText(app)).includes(speaker), `why-panel names the speaker ${speaker}`);

      // Entity chip: select a cluster with several mentions.
      const chip = app.page.locator('.entity-chip').first();
      const chipName = normalise((await chip.textContent()).replace(/×\d+\s*$/, ''));
      const times = Number((await chip.locator('.count').textContent()).replace(/\D/g, ''));
      await chip.click();
      const selected = app.view.locator('[data-testid="entity"].selected');
      assert.equal(await selected.count(), times, `all ${times} mentions of ${chipName} are highlighted`);
      const clusters = new Set(await selected.evaluateAll((els) => els.map((e) => e.dataset.cluster)));
      assert.equal(clusters.size, 1, 'they share one cluster');
      assert.deepEqual(await selectedClaims(app), [], 'the claim selection is replaced');
      assert.ok((await whyText(app)).includes(chipName), `why-panel explains ${chipName}`);
      await app.screenshot('layers-entity-chip');

      // Escape clears (focus is on the chip, not a text field).
      await app.page.keyboard.press('Escape');
      assert.equal(await app.view.locator('.selected').count(), 0, 'nothing selected in the view after Escape');
      assert.equal(await app.page.locator('[data-testid="claim-item"].selected').count(), 0, 'nothing selected in the panel');
      assert.match(await whyText(app), /Select a highlighted/, 'why-panel back to its invitation');

      // And after a keyboard selection too.
      await app.page.keyboard.press('j');
      assert.deepEqual(await selectedClaims(app), ['0']);
      await app.page.keyboard.press('Escape');
      assert.deepEqual(await selectedClaims(app), [], 'Escape clears a claim selection');
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });

  test('screenshots: light, dark and 360 px, with a layer hidden and a claim selected', TEST_TIMEOUT, async () => {
    for (const [name, options] of [
      ['layers-light-1280', { colorScheme: 'light' }],
      ['layers-dark-1280', { colorScheme: 'dark' }],
      ['layers-light-360', { colorScheme: 'light', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true }],
      ['layers-dark-360', { colorScheme: 'dark', viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true }],
    ]) {
      const app = await demo(options);
      try {
        await focusPage(app);
        await app.page.keyboard.press('4'); // hide dates & numbers
        await app.page.keyboard.press('j');
        assert.deepEqual(await hiddenClasses(app), ['hide-date'], `${name}: a layer hidden`);
        assert.deepEqual(await selectedClaims(app), ['0'], `${name}: a claim selected`);
        const dark = await app.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
        assert.equal(dark, options.colorScheme === 'dark', `${name}: colour scheme emulated`);
        const background = await app.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const [r, g, b] = background.match(/\d+/g).map(Number);
        const light = (r + g + b) / 3 > 128;
        assert.equal(light, !dark, `${name}: the page background follows the scheme (${background})`);
        const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${name}: no horizontal scrolling (${overflow}px too wide)`);
        await app.page.evaluate(() => window.scrollTo(0, 0));
        await app.screenshot(name);
      } finally {
        await app.close();
      }
    }
  });

  test('axe-core finds no serious or critical violations on the demo (pictures included), light and dark', TEST_TIMEOUT, async () => {
    const problems = [];
    for (const colorScheme of ['light', 'dark']) {
      const app = await demo({ colorScheme });
      try {
        // Audit with a selection and a hidden layer too, so their styles are checked.
        await focusPage(app);
        await app.page.keyboard.press('j');
        await app.page.keyboard.press('7');
        // The pictures and the ways in (issue 17): an accusation opened, a refused file's message.
        await app.byTestId('accusation-pair').first().click();
        await app.byTestId('accusation-claims').waitFor({ state: 'visible' });
        await app.byTestId('file-input').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('png') });
        await app.page.waitForFunction(() => /photo\.png/.test(document.querySelector('[data-testid="file-message"]')?.textContent ?? ''));
        const violations = await runAxe(app.page);
        for (const v of violations) {
          console.log(`axe ${colorScheme}: ${v.impact} ${v.id} (${v.nodes.length} nodes): ${v.help}`);
          for (const node of v.nodes.slice(0, 6)) console.log(`    ${node}`);
        }
        for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          problems.push(`${colorScheme}: ${v.impact} ${v.id} — ${v.help} — ${v.nodes.slice(0, 4).join(' | ')}`);
        }
      } finally {
        await app.close();
      }
    }
    assert.deepEqual(problems, [], 'serious or critical accessibility violations');
  });

  test('print styles hide the toolbar and the textarea and keep the highlighted article', TEST_TIMEOUT, async () => {
    const app = await demo();
    try {
      await app.page.emulateMedia({ media: 'print' });
      assert.ok(await app.page.locator('.toolbar').isHidden(), 'toolbar hidden in print');
      assert.ok(await app.input.isHidden(), 'textarea hidden in print');
      assert.ok(await app.view.isVisible(), 'the article is printed');
      assert.ok(await app.entities.first().isVisible(), 'with its marks');
      await app.screenshot('layers-print');
      await app.page.emulateMedia({ media: 'screen' });
      assert.ok(await app.input.isVisible(), 'textarea back on screen');
    } finally {
      await app.close();
    }
  });
});
