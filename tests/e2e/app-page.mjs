// tests/e2e/app-page.mjs — owns the e2e support code: the browser launch, the site URL, and the AppPage page object.
//
// The site URL comes from E2E_BASE_URL (scripts/test.sh serves dist/ and sets it); without it,
// this module serves ../../dist under /article-explorer/ itself, so `node --test` works alone.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.join(HERE, 'artifacts');

/** Bounds for every wait, so a broken page fails fast instead of hanging. */
export const TIMEOUT_MS = 15_000;

/** An article of our own: two named people, each reported as saying something. */
export const OWN_ARTICLE =
  'Maria Santos, the port director, said the new ferry terminal in Lisbon would double the number ' +
  'of passengers. Opposition councillor João Pereira said the project was two years late and ' +
  '40 million euros over budget.';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

let ownServer;

/** The site's URL (ending in '/'), serving dist/ ourselves when scripts/test.sh did not. */
export async function siteUrl() {
  if (process.env.E2E_BASE_URL) return process.env.E2E_BASE_URL.replace(/\/?$/, '/');
  if (!ownServer) ownServer = await startServer({ dir: path.join(HERE, '..', '..', 'dist') });
  return ownServer.url;
}

/** Stops the server this module started, if any. */
export async function stopOwnServer() {
  if (ownServer) await new Promise((resolve) => ownServer.server.close(resolve));
  ownServer = undefined;
}

/** Debian's Chromium, headless, with a fresh temporary profile (Playwright's default). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: TIMEOUT_MS,
  });
}

/**
 * For a test file: one browser for all its tests, launched before them and closed after them
 * (with the server this module may have started). Read it as `shared.browser` inside tests.
 */
export function useSharedBrowser() {
  const shared = { browser: undefined };
  before(async () => { shared.browser = await launchBrowser(); });
  after(async () => {
    await shared.browser?.close();
    await stopOwnServer();
  });
  return shared;
}

/** The page object: everything a test does to the app goes through the data-testid contract. */
export class AppPage {
  /** Opens a new context and page (viewport `width`), collecting uncaught page errors. */
  static async open(browser, { width = 1280, height = 900 } = {}) {
    const context = await browser.newContext({ viewport: { width, height } });
    context.setDefaultTimeout(TIMEOUT_MS);
    const page = await context.newPage();
    return new AppPage(context, page);
  }

  constructor(context, page) {
    this.context = context;
    this.page = page;
    this.pageErrors = [];
    page.on('pageerror', (error) => this.pageErrors.push(String(error)));
  }

  byTestId(id) {
    return this.page.locator(`[data-testid="${id}"]`);
  }

  get input() { return this.byTestId('article-input'); }
  get view() { return this.byTestId('article-view'); }
  get entities() { return this.view.locator('[data-testid="entity"]'); }
  get claims() { return this.view.locator('[data-testid="claim"]'); }
  get shareButton() { return this.byTestId('share-button'); }
  get shareLink() { return this.byTestId('share-link'); }
  get linkError() { return this.byTestId('link-error'); }

  /** Loads the site with an optional fragment ('#v1.…') and waits until the app has mounted. */
  async goto(fragment = '') {
    const url = (await siteUrl()) + fragment;
    await this.gotoUrl(url);
  }

  async gotoUrl(url) {
    await this.page.goto(url, { waitUntil: 'load' });
    await this.input.waitFor({ state: 'visible' });
  }

  /** Waits until the view shows at least one entity mark and one claim mark. */
  async waitForMarks() {
    await this.entities.first().waitFor({ state: 'visible' });
    await this.claims.first().waitFor({ state: 'visible' });
  }

  /** Replaces the article as a paste would (one input event), then waits for the view to show it. */
  async pasteArticle(text) {
    await this.input.fill(text);
    await this.waitForViewText(text);
  }

  /** Types `text` key by key at the end of the article (one input event per key). */
  async typeAtEnd(text) {
    await this.input.focus();
    await this.page.keyboard.press('End');
    await this.input.pressSequentially(text, { delay: 5 });
  }

  async waitForViewText(text) {
    const want = normalise(text);
    await this.page.waitForFunction(
      ([selector, expected]) => {
        const view = document.querySelector(selector);
        return view && view.textContent.split(/\s+/).filter(Boolean).join(' ') === expected;
      },
      ['[data-testid="article-view"]', want],
      { timeout: TIMEOUT_MS },
    );
  }

  async viewText() {
    return normalise(await this.view.textContent());
  }

  /** The marked people's names, in order. */
  async people() {
    const texts = await this.view.locator('[data-testid="entity"][data-kind="PERSON"]').allTextContents();
    return texts.map(normalise);
  }

  /** The distinct claim indices marked in the view. */
  async claimIds() {
    const ids = await this.claims.evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')));
    return [...new Set(ids)];
  }

  /** Counts of entity and claim marks in the view. */
  async markCounts() {
    return { entities: await this.entities.count(), claims: await this.claims.count() };
  }

  /** Presses Share and returns the link it shows. */
  async share() {
    await this.shareButton.click();
    await this.shareLink.waitFor({ state: 'visible' });
    await this.page.waitForFunction(
      (selector) => /#v\d+\./.test(document.querySelector(selector)?.value ?? ''),
      '[data-testid="share-link"]',
      { timeout: TIMEOUT_MS },
    );
    return this.shareLink.inputValue();
  }

  /** Saves a full-page PNG to tests/e2e/artifacts/NAME.png and returns its path. */
  async screenshot(name) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async close() {
    await this.context.close();
  }
}

export function normalise(text) {
  return (text ?? '').split(/\s+/).filter(Boolean).join(' ');
}
