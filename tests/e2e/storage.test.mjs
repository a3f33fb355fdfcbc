// tests/e2e/storage.test.mjs — owns the e2e check of storage limits (issue 19): a text too large for what local storage has left stays on the page with a clear "not saved" message, the text saved before is left intact (nothing lost silently), and the message goes once the text can be saved again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OWN_ARTICLE, normalise, useSharedBrowser } from './app-page.mjs';
import { longArticle, openApp } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 120_000 };
const STORAGE_KEY = 'article-explorer.text';

const shared = useSharedBrowser();

const saved = (app) => app.page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);

/** Fills what is left of this origin's local storage with filler items; resolves to their keys. */
function fillStorage(app) {
  return app.page.evaluate(() => {
    const keys = [];
    for (let chunk = 1 << 20; chunk >= 1; ) {
      const key = `filler-${keys.length}`;
      try {
        localStorage.setItem(key, 'x'.repeat(chunk));
        keys.push(key);
      } catch {
        chunk = Math.floor(chunk / 2);
      }
    }
    return keys;
  });
}

describe('storage limits', () => {
  test('a paste too large for local storage says it is not saved and loses nothing silently', TEST_TIMEOUT, async () => {
    const app = await openApp(shared.browser);
    const before = 'Grace Mensah, the harbour master, said the ferry would sail at noon.';
    const large = `${OWN_ARTICLE}\n\n${longArticle(300)}`;
    try {
      await app.goto();
      await app.pasteArticle(before);
      assert.equal(await saved(app), before, 'the first text is saved');
      assert.equal(await app.byTestId('not-saved').count(), 0, 'no message while texts are saved');

      const fillers = await fillStorage(app);
      assert.ok(fillers.length > 0, 'local storage is full');
      await app.pasteArticle(large);
      const message = app.byTestId('not-saved');
      await message.waitFor({ state: 'visible' });
      const words = normalise(await message.textContent());
      assert.match(words, /^Your text is not saved in this browser\./);
      assert.ok(words.includes(`At ${[...large].length.toLocaleString('en-US')} characters, it is more than the room this browser has left for the page.`), words);
      assert.match(words, /a reload or a closed tab would bring back the last text that was saved/);
      assert.equal(await app.input.inputValue(), large, 'the text stays in the page');
      await app.waitForMarks();
      assert.ok((await app.people()).includes('Maria Santos'), 'and is analysed');
      assert.equal(await saved(app), before, 'the text saved before is left as it was');
      await app.screenshot('storage-not-saved');

      // Room again (the reader cleared other data): the next edit is saved and the message goes.
      await app.page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), fillers);
      await app.typeAtEnd(' Done.');
      await message.waitFor({ state: 'detached' });
      assert.equal(await saved(app), `${large} Done.`, 'saved once there is room');
      assert.deepEqual(app.pageErrors, [], 'no uncaught errors in the page');
    } finally {
      await app.close();
    }
  });
});
