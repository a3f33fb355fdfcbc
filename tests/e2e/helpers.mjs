// tests/e2e/helpers.mjs — owns the helpers shared by the e2e specs and the browser benchmark (contexts with options, layer table, axe, v1 and v2 links, generated long articles and a text over a size, a clipboard paste, watched apps).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { AppPage, TIMEOUT_MS } from './app-page.mjs';
import { unpack } from '../../assets/unpack-wasm.js';

/** Opens a new context with any Playwright context options (colorScheme, acceptDownloads...). */
export async function openApp(browser, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  context.setDefaultTimeout(TIMEOUT_MS);
  const page = await context.newPage();
  return new AppPage(context, page);
}

/** The layer toggles in legend order, with their key and the class that hides them. */
export const LAYERS = [
  { label: 'People', key: '1', hidden: 'hide-person' },
  { label: 'Organisations', key: '2', hidden: 'hide-org' },
  { label: 'Places', key: '3', hidden: 'hide-place' },
  { label: 'Dates & numbers', key: '4', hidden: 'hide-date' },
  { label: 'Claims', key: '5', hidden: 'hide-claims' },
  { label: 'Sides', key: '6', hidden: 'hide-sides' },
  { label: 'Check-worthy', key: '7', hidden: 'hide-assertions' },
];

/** The legend button of a layer, by its label. */
export function layerToggle(app, label) {
  return app.page.locator(`[data-testid="layer-toggle"][data-layer="${label}"]`);
}

/** The hide-* classes currently on the article view, sorted. */
export async function hiddenClasses(app) {
  const cls = (await app.view.getAttribute('class')) ?? '';
  return cls.split(/\s+/).filter((c) => c.startsWith('hide-')).sort();
}

/** The distinct data-claim values of the selected claim marks in the view. */
export async function selectedClaims(app) {
  const ids = await app.view.locator('[data-testid="claim"].selected').evaluateAll((els) => els.map((e) => e.dataset.claim));
  return [...new Set(ids)];
}

/** Moves focus out of any text field so the page's shortcut keys apply. */
export async function focusPage(app) {
  await app.page.evaluate(() => {
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  });
}

/** Waits until the element matching `selector` lies inside the viewport (smooth scrolling ends). */
export async function waitInViewport(page, selector) {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.top >= -1 && r.bottom <= window.innerHeight + 1;
    },
    selector,
    { timeout: TIMEOUT_MS },
  );
}

let axeCache;
function axeSource() {
  axeCache ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeCache;
}

/** Runs axe-core on the page; resolves to [{ id, impact, help, nodes: ["target — summary"] }]. */
export async function runAxe(page) {
  // Evaluated through the DevTools protocol rather than a <script> tag: the page's CSP forbids inline scripts.
  if (!(await page.evaluate(() => typeof globalThis.axe === 'object'))) await page.evaluate(axeSource());
  return page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`),
    }));
  });
}

/** A version 1 link fragment as the first release made them: '#v1.' + base64url(raw DEFLATE(JSON)). */
export function v1Fragment(payload) {
  const json = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return `#v1.${deflateRawSync(Buffer.from(json, 'utf8')).toString('base64url')}`;
}

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const V2_DICTIONARY = path.join(ROOT, 'src', 'share', 'dictionary_v2.txt');
/** The release site the e2e tests serve. */
export const DIST = path.join(ROOT, 'dist');

/** The Content-Security-Policy of the `<meta>` tag in DIST_DIR/index.html, or null. */
/**
 * The site's wasm in `dist`, as the browser compiles it: a release build ships it packed
 * (`*_bg.wasm.lzma`, scripts/tools/pack-wasm.mjs), unpacked here by the site's own unpacker.
 */
export async function siteWasm(dist = DIST) {
  const names = readdirSync(dist);
  const packed = names.find((f) => f.endsWith('_bg.wasm.lzma'));
  if (!packed) {
    const plain = names.find((f) => f.endsWith('_bg.wasm'));
    if (!plain) throw new Error(`no *_bg.wasm or *_bg.wasm.lzma in ${dist}`);
    return readFileSync(path.join(dist, plain));
  }
  const wasm = await unpack(readFileSync(path.join(dist, 'wasm-unpacker.wasm')), readFileSync(path.join(dist, packed)));
  if (wasm === null) throw new Error(`${packed} does not unpack`);
  return Buffer.from(wasm);
}

export function builtCsp(dist = DIST) {
  let html = '';
  try {
    html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  } catch {
    return null;
  }
  const meta = html.match(/<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*>/i);
  if (!meta) return null;
  const content = meta[0].match(/content="([^"]*)"/i) ?? meta[0].match(/content='([^']*)'/i);
  return (content?.[1] ?? '').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/**
 * A version 2 link fragment as an older release made them: '#v2.' + base64url(raw DEFLATE with
 * the v2 preset dictionary of (JSON header {"a", "v", "k"?}, a NUL byte, the text)). Lets a test
 * make a link "from another analyser version" with any view.
 */
export function v2Fragment(header, text) {
  const payload = Buffer.concat([Buffer.from(JSON.stringify(header), 'utf8'), Buffer.from([0]), Buffer.from(text, 'utf8')]);
  return `#v2.${deflateRawSync(payload, { dictionary: readFileSync(V2_DICTIONARY) }).toString('base64url')}`;
}

/**
 * A new app that records CSP violations (window.__cspViolations, via an init script), console
 * messages about the Content Security Policy (app.cspConsole) and dialogs (app.dialogs, dismissed).
 */
export async function watchedApp(browser, contextOptions = {}) {
  const app = await openApp(browser, contextOptions);
  app.dialogs = [];
  app.cspConsole = [];
  app.page.on('dialog', async (dialog) => {
    app.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  app.page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) app.cspConsole.push(msg.text());
  });
  await app.context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return app;
}

/** The CSP violations the page has reported so far (needs an app from watchedApp). */
export const cspViolations = (app) => app.page.evaluate(() => window.__cspViolations ?? []);

/** Articles of `longArticle` one after another until the text is over `bytes` bytes (UTF-8). */
export function articlesOver(bytes) {
  let text = '';
  for (let seed = 3; Buffer.byteLength(text) < bytes; seed++) text += `${longArticle(5_000, seed)}\n\n`;
  return text.trim();
}

/**
 * Pastes `text` into the text box with data-testid `testid` in place of its selection `start..end`
 * (the whole text when `end` is null), as the clipboard would give it: one paste event with
 * text/plain. Returns whether the page took the paste in itself (the event's default prevented).
 */
export function pasteText(page, testid, text, start = 0, end = 0) {
  return page.evaluate(([id, t, from, to]) => {
    const area = document.querySelector(`[data-testid="${id}"]`);
    area.focus();
    area.setSelectionRange(from, to ?? area.value.length);
    const transfer = new DataTransfer();
    transfer.setData('text/plain', t);
    const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
    area.dispatchEvent(event);
    return event.defaultPrevented;
  }, [testid, text, start, end]);
}

/** A deterministic news-like article of about `words` words, from sentences written for the tests. */
export function longArticle(words, seed = 1) {
  const people = ['Maria Santos', 'João Pereira', 'Ana Costa', 'Peter Novak', 'Lena Fischer', 'Omar Haddad', 'Grace Mensah', 'Tomás Ruiz'];
  const roles = ['the port director', 'the finance minister', 'an opposition councillor', 'the union leader', 'a city engineer'];
  const orgs = ['the Harbour Authority', 'the National Audit Office', 'Lisbon City Council', 'the Ferry Workers Union', 'the European Investment Bank'];
  const places = ['Lisbon', 'Porto', 'Faro', 'Madrid', 'Brussels', 'Setúbal'];
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const templates = [
    (r) => `${r.p}, ${r.role}, said the terminal in ${r.place} would carry ${r.n} passengers a day by ${r.year}.`,
    (r) => `"We cannot accept a delay of ${r.k} months," ${r.p} told reporters in ${r.place} on ${r.day}.`,
    (r) => `According to ${r.org}, the project has already cost ${r.n} euros more than planned.`,
    (r) => `${r.org} said on ${r.day} that ${r.k} contracts would be reviewed before ${r.year}.`,
    (r) => `${r.p} rejected that account and accused ${r.org} of hiding ${r.k} reports from the public.`,
    (r) => `The ferries between ${r.place} and ${r.place2} ran ${r.k} times a day in ${r.year}, up from ${r.k2}.`,
    (r) => `Residents of ${r.place} said the new timetable left them waiting for ${r.k} minutes at night.`,
    (r) => `In a statement, ${r.org} said the budget for ${r.year} included ${r.n} euros for repairs.`,
  ];
  let state = seed >>> 0 || 1;
  const rand = (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state >>> 8) % n;
  };
  const pick = (list) => list[rand(list.length)];
  const paragraphs = [];
  let paragraph = [];
  let count = 0;
  while (count < words) {
    const r = {
      p: pick(people), role: pick(roles), org: pick(orgs), place: pick(places), place2: pick(places), day: pick(days),
      n: (rand(900) + 100) * 1000 + rand(1000), k: rand(90) + 2, k2: rand(40) + 1, year: 2020 + rand(10),
    };
    const sentence = pick(templates)(r);
    count += sentence.split(/\s+/).length;
    paragraph.push(sentence);
    if (paragraph.length === 4) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length) paragraphs.push(paragraph.join(' '));
  return paragraphs.join('\n\n');
}
