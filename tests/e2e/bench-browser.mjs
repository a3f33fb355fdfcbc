// tests/e2e/bench-browser.mjs — owns the in-browser benchmark of issue 8 (run by scripts/bench-browser.sh; not a *.test.mjs, so the test run skips it): time to the first highlighted render, analysis+render of the demo and of a 10,000-word article, time per keystroke at the end and at the start of a 1,000-word article, opening a share link from a fresh page, and the gzipped bytes the first highlight transfers and of everything the site serves (issue 14), each beside its budget.
//
// Usage: node bench-browser.mjs [--runs N]   (serves ../../dist under /article-explorer/ unless E2E_BASE_URL is set)
// Exits 0 whatever the figures (it is a benchmark, not a test); non-zero only when it could not measure.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchBrowser, siteUrl, stopOwnServer } from './app-page.mjs';
import { longArticle } from './helpers.mjs';

const argRuns = process.argv.indexOf('--runs');
const RUNS = argRuns > 0 ? Math.max(3, Number(process.argv[argRuns + 1]) || 9) : 9;
const LOAD_RUNS = Math.max(3, Math.min(RUNS, 7));
const KEYS = 'Residents said the ferry was late again.';
const DEADLINE_MS = 60_000;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.join(HERE, '..', '..', 'dist');
/** A v3 share link made by an earlier version (tests/link_fixtures.rs reads it too). */
const V3_LINK = readFileSync(path.join(HERE, '..', 'fixtures', 'links', 'v3.txt'), 'utf8').trim();
const FIRST_HIGHLIGHT_BUDGET = 750_000;
const TOTAL_BUDGET = 1_000_000;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Every file the site serves (dist/ but `_headers`, which hosts read and never send), gzipped. */
function siteFiles() {
  return readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !(e.name === '_headers' && (e.parentPath ?? e.path) === DIST))
    .map((e) => {
      const file = path.join(e.parentPath ?? e.path, e.name);
      const body = readFileSync(file);
      return { name: path.relative(DIST, file).split(path.sep).join('/'), raw: body.length, gz: gz(body) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Installed before the page's own scripts: notes when the first entity mark enters the DOM. */
function watchFirstMark() {
  window.__firstMark = null;
  const look = () => {
    if (window.__firstMark === null && document.querySelector('[data-testid="entity"]')) {
      window.__firstMark = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(look);
  observer.observe(document, { childList: true, subtree: true });
}

/** In the page: replaces the article (one input event) and times the analysis and render. */
async function timeReplace(text) {
  const area = document.querySelector('[data-testid="article-input"]');
  const view = document.querySelector('[data-testid="article-view"]');
  const tick = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const tail = text.slice(-40).split(/\s+/).filter(Boolean).join(' ');
  const t0 = performance.now();
  area.value = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  await tick(); // the input handler and Leptos's effects (microtasks) have run
  const tDom = performance.now();
  const updated = view.textContent.split(/\s+/).filter(Boolean).join(' ').endsWith(tail);
  await frame();
  await frame(); // the frame with the new marks has been produced
  const tFrame = performance.now();
  return { dom: tDom - t0, frame: tFrame - t0, updated };
}

/** Opens a fresh context on the site and resolves once the demo is highlighted. */
async function openPage(browser, base, { record } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(DEADLINE_MS);
  await context.addInitScript(watchFirstMark);
  const page = await context.newPage();
  const transfers = [];
  if (record) {
    page.on('response', async (response) => {
      const entry = { url: response.url(), status: response.status(), body: null };
      transfers.push(entry);
      try { entry.body = await response.body(); } catch { entry.body = Buffer.alloc(0); }
    });
  }
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__firstMark !== null, null, { timeout: DEADLINE_MS });
  // What the first highlight needed: the page itself and every resource it started before the mark.
  const beforeMark = await page.evaluate(() => [
    location.href.split('#')[0],
    ...performance.getEntriesByType('resource').filter((r) => r.startTime <= window.__firstMark).map((r) => r.name),
  ]);
  return { context, page, transfers, beforeMark };
}

/**
 * Runs `act` and returns, per key pressed, the main thread's task time and its layout and style
 * time (Chromium's own counters through the DevTools protocol; unlike a trace, they do not slow the page).
 */
async function mainThreadPerKey(page, keys, act) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  await act();
  const after = await metrics();
  await cdp.detach();
  const perKey = (name) => ((after[name] - before[name]) * 1000) / keys;
  return { busy: perKey('TaskDuration'), layout: perKey('LayoutDuration') + perKey('RecalcStyleDuration'), script: perKey('ScriptDuration') };
}

async function main() {
  const base = await siteUrl();
  const browser = await launchBrowser();
  const rows = [];
  const notes = [];
  try {
    // 1. Navigation start → first highlighted render (fresh context each time: nothing cached).
    const firsts = [];
    let transfers = [];
    let beforeMark = [];
    for (let i = 0; i < LOAD_RUNS; i++) {
      const { context, page, transfers: t, beforeMark: b } = await openPage(browser, base, { record: i === 0 });
      firsts.push(await page.evaluate(() => window.__firstMark));
      if (i === 0) {
        await page.waitForLoadState('networkidle').catch(() => {});
        transfers = t;
        beforeMark = b;
      }
      await context.close();
    }
    rows.push(['first highlighted render (navigation start → first entity mark)', median(firsts), 1000, 'ms',
      `median of ${LOAD_RUNS} cold loads; min ${Math.min(...firsts).toFixed(0)}, max ${Math.max(...firsts).toFixed(0)}`]);

    // 2. Analysis + render, in the page.
    const { context, page } = await openPage(browser, base);
    const demo = await page.inputValue('[data-testid="article-input"]');
    const article10k = longArticle(10_000, 3);
    const article1k = longArticle(1_000, 5);
    const words = (t) => t.split(/\s+/).filter(Boolean).length;

    async function replaceRuns(text, runs) {
      const results = [];
      await page.evaluate(timeReplace, 'Warm-up.'); // a different text first
      for (let i = 0; i < runs + 1; i++) {
        // Alternate two slightly different texts so every run really re-analyses.
        const variant = i % 2 ? `${text} Ok.` : text;
        const r = await page.evaluate(timeReplace, variant);
        if (i > 0) results.push(r); // the first run warms the code paths
      }
      if (results.some((r) => !r.updated)) notes.push('some runs had not updated the DOM after the microtask tick; their frame time is the better figure');
      return results;
    }

    // The analysis alone, in the page's wasm (the function the page's Memo calls, exported for this).
    async function analysisOnly(text, runs) {
      return page.evaluate(([t, n]) => {
        const analyze = window.wasmBindings?.analyze_for_benchmark;
        if (!analyze) return null;
        for (let i = 0; i < 5; i++) analyze(t); // warm-up: lets the engine tier the hot wasm functions up
        const times = [];
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          analyze(i % 2 ? `${t} Ok.` : t);
          times.push(performance.now() - t0);
        }
        return times;
      }, [text, runs]);
    }
    for (const [name, text, budget] of [[`demo article (${words(demo)} words)`, demo, 5], [`${words(article10k)}-word article`, article10k, 50]]) {
      const times = await analysisOnly(text, Math.max(RUNS, 15));
      if (times) {
        rows.push([`${name}: analysis alone, in the page`, median(times), budget, 'ms', `median of ${times.length}; p90 ${quantile(times, 0.9).toFixed(1)}`]);
      } else {
        notes.push('window.wasmBindings.analyze_for_benchmark is missing: no analysis-alone figures');
      }
    }

    const demoRuns = await replaceRuns(demo, RUNS);
    rows.push([`demo article (${words(demo)} words): analysis + render, to DOM updated`, median(demoRuns.map((r) => r.dom)), 5, 'ms',
      `median of ${RUNS}; p90 ${quantile(demoRuns.map((r) => r.dom), 0.9).toFixed(1)}`]);
    rows.push([`demo article: analysis + render, to next painted frame (2 rAF)`, median(demoRuns.map((r) => r.frame)), null, 'ms',
      'includes waiting for the frame (≈16.7 ms steps)']);

    const bigRuns = await replaceRuns(article10k, Math.max(3, Math.ceil(RUNS / 2)));
    rows.push([`${words(article10k)}-word article: analysis + render, to DOM updated`, median(bigRuns.map((r) => r.dom)), 50, 'ms',
      `median of ${bigRuns.length}`]);
    rows.push([`${words(article10k)}-word article: to next painted frame (2 rAF)`, median(bigRuns.map((r) => r.frame)), null, 'ms', '']);

    // 3. Typing into a 1,000-word article, at its end and at its start (where every claim's number
    //    shifts), with real key presses. The app's own work is timed in the page: from the input event
    //    (a window capture listener, before the app's) to a document listener that runs after the app's
    //    handler and its Leptos effects (the microtasks after each listener), when the view must already
    //    show the new text. Chromium's counters add the whole main-thread cost of each key: the textarea's
    //    editing, the app, style, layout and paint.
    await page.evaluate(timeReplace, article1k);
    await page.evaluate(() => {
      window.__keys = [];
      const view = document.querySelector('[data-testid="article-view"]');
      const squeeze = (t) => t.replace(/\s+/g, '');
      let down = null;
      let inputAt = null;
      window.addEventListener('keydown', () => { down = performance.now(); }, true);
      window.addEventListener('input', () => { inputAt = performance.now(); }, true); // before the app's handler
      document.addEventListener('input', () => { // after the app's handler and effects
        const done = performance.now();
        const value = document.querySelector('[data-testid="article-input"]').value;
        const updated = squeeze(view.textContent) === squeeze(value);
        const t0 = down ?? inputAt;
        requestAnimationFrame(() => requestAnimationFrame(() => {
          window.__keys.push({ app: done - inputAt, dom: done - t0, frame: performance.now() - t0, updated });
        }));
      });
    });
    for (const [where, key] of [['end', 'End'], ['start', 'Control+Home']]) {
      await page.evaluate(() => { window.__keys = []; });
      await page.focus('[data-testid="article-input"]');
      await page.keyboard.press(key);
      await page.keyboard.type(KEYS.slice(0, 2), { delay: 60 }); // the first keys warm up
      await page.waitForFunction(() => window.__keys.length >= 2, null, { timeout: DEADLINE_MS });
      const main = await mainThreadPerKey(page, KEYS.length - 2, async () => {
        await page.keyboard.type(KEYS.slice(2), { delay: 60 });
        await page.waitForFunction((n) => window.__keys.length >= n, KEYS.length, { timeout: DEADLINE_MS });
      });
      const keys = (await page.evaluate(() => window.__keys)).slice(2);
      const stale = keys.filter((k) => !k.updated).length;
      if (stale) notes.push(`${stale} keystrokes at the ${where} had not updated the view when the app's work was timed`);
      rows.push([`keystroke at the ${where} of a ${words(article1k)}-word article: input event → view updated`, median(keys.map((k) => k.app)), 16, 'ms',
        `median of ${keys.length} keys; p90 ${quantile(keys.map((k) => k.app), 0.9).toFixed(1)}; max ${Math.max(...keys.map((k) => k.app)).toFixed(1)}; the app's analysis + render`]);
      rows.push([`  keydown → view updated (adds the textarea's own editing)`, median(keys.map((k) => k.dom)), 16, 'ms',
        `p90 ${quantile(keys.map((k) => k.dom), 0.9).toFixed(1)}`]);
      rows.push(['  main-thread task time per key (editing, app, style, layout, paint)', main.busy, 16, 'ms',
        `Chromium's counters over ${KEYS.length - 2} keys: script ${main.script.toFixed(1)} ms, style and layout ${main.layout.toFixed(1)} ms`]);
      rows.push(['  keydown → next painted frame (2 rAF)', median(keys.map((k) => k.frame)), null, 'ms', 'includes waiting for the frame']);
    }
    await context.close();

    // 4. Opening a share link from a fresh page: the link dictionaries are fetched, then the article is highlighted.
    const linkFirsts = [];
    let linkTransfers = [];
    for (let i = 0; i < LOAD_RUNS; i++) {
      const { context, page, transfers: t } = await openPage(browser, `${base}#${V3_LINK}`, { record: i === 0 });
      linkFirsts.push(await page.evaluate(() => window.__firstMark));
      if (i === 0) {
        await page.waitForLoadState('networkidle').catch(() => {});
        linkTransfers = t;
      }
      await context.close();
    }
    rows.push(['opening a v3 share link (navigation start → first entity mark)', median(linkFirsts), null, 'ms',
      `median of ${LOAD_RUNS} cold loads; fetches the link dictionaries first`]);

    // 5. Bytes, gzipped (as a server with gzip would send them): what the first highlight transfers,
    //    and everything the site serves (the link dictionaries, icons, manifest and worker included).
    const files = transfers.filter((t) => t.body).map((t) => ({
      name: new URL(t.url).pathname, url: t.url.split('#')[0], raw: t.body.length, gz: gz(t.body),
    }));
    const firstFiles = files.filter((f) => beforeMark.includes(f.url));
    const firstGz = firstFiles.reduce((s, f) => s + f.gz, 0);
    const later = files.filter((f) => !beforeMark.includes(f.url));
    const linkOnly = linkTransfers.filter((t) => t.body && !files.some((f) => f.url === t.url.split('#')[0]))
      .map((t) => ({ name: new URL(t.url).pathname, raw: t.body.length, gz: gz(t.body) }));
    const site = siteFiles();
    const totalGz = site.reduce((s, f) => s + f.gz, 0);
    rows.push(['first highlight: bytes transferred, gzipped', firstGz, FIRST_HIGHLIGHT_BUDGET, 'B',
      `${firstFiles.length} files started before the first mark`]);
    rows.push(['everything the site serves, gzipped', totalGz, TOTAL_BUDGET, 'B',
      `${site.length} files in dist/ (link dictionaries, icons, manifest, worker included)`]);

    // The table.
    console.log(`\nArticle Explorer in headless Chromium (${base}), ${new Date().toISOString()}`);
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(9)}  ${'budget'.padStart(9)}  verdict  notes`);
    console.log(`${'-'.repeat(width)}  ${'-'.repeat(9)}  ${'-'.repeat(9)}  -------  -----`);
    for (const [name, value, budget, unit, note] of rows) {
      const num = (x) => (unit === 'B' ? x.toLocaleString('en-US') : x.toFixed(x < 100 ? 1 : 0));
      const v = `${num(value)} ${unit}`;
      const b = budget === null ? '—' : `≤ ${num(budget)} ${unit}`;
      const verdict = budget === null ? '' : value <= budget ? 'ok' : 'OVER';
      console.log(`${name.padEnd(width)}  ${v.padStart(9)}  ${b.padStart(9)}  ${verdict.padEnd(7)}  ${note}`);
    }
    const list = (title, xs) => {
      console.log(`\n${title} (bytes raw, bytes gzip -9):`);
      for (const f of xs) console.log(`  ${String(f.raw).padStart(9)} ${String(f.gz).padStart(9)}  ${f.name}`);
      console.log(`  ${String(xs.reduce((s, f) => s + f.raw, 0)).padStart(9)} ${String(xs.reduce((s, f) => s + f.gz, 0)).padStart(9)}  total`);
    };
    list('first highlight: files started before the first mark', firstFiles);
    list('fetched after the first highlight, by the page alone', later);
    list('fetched besides those when the page opens a share link', linkOnly);
    list('every file the site serves', site);
    console.log('\nThe 5 ms and 50 ms budgets are for the analysis alone; the "analysis + render" rows are held to them too, timed in the');
    console.log('page from the input event until its effects have run (a message-channel tick after the microtasks).');
    for (const n of new Set(notes)) console.log(`note: ${n}`);
  } finally {
    await browser.close();
    await stopOwnServer();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench-browser: could not measure: ${error.stack ?? error}`);
    process.exit(1);
  },
);
