// Speed of the release build (dist/) in headless Chromium on localhost, against a vanilla-JS
// calculator measured in the same run (budgets: docs/budgets.md). The peer is bench/vanilla/ (hand-written, same
// inputs and formulas) or, with `--peer llm-prices=DIR`, a checkout of the public calculator
// simonw/llm-prices (run its `python3 scripts/build.py` first: it writes DIR/current-v1.json,
// which the page fetches). Each site is served from its own 127.0.0.1 port by scripts/serve.mjs;
// every request to any other host (llm-prices loads plausible.io) is aborted by a page.route
// on every context, so all requests of both sites go through Playwright's router alike.
//
// Loads alternate (ccplan, peer, ccplan, peer, …), RUNS of each, each in a fresh context (no
// cache, no service worker yet). Per load, in the page, from navigation start (performance.now):
// - first answer: an init script (addInitScript, run before any of the page's own scripts)
//   stamps the first moment it sees the site's answer element present with text. It looks
//   immediately, on every readystatechange ('interactive', 'complete') and in every callback of
//   a MutationObserver on the whole document. ccplan prerenders its answer into index.html, so
//   there the stamp is the first of those chances after the parser has inserted it (in practice
//   the observer's first callback, or readyState 'interactive'): when script could first see the
//   answer, not when it was painted;
// - FCP: performance.getEntriesByName('first-contentful-paint'), the browser's own paint time
//   (the first paint of anything, so for a prerendered answer the nearest measure of its paint);
// - ccplan only, "ready (wasm took over)": when `data-ready` appears on <html> (a
//   MutationObserver on attributes, filtered to that one).
// Then, per site, INPUT_PAGES more fresh pages (ccplan: after html[data-ready]; the sites
// alternate, page by page) and 40 changes of a number field on each, each value set then the
// site's event dispatched; from just before the dispatch:
// - input → DOM: to the first mutation of the result element (a MutationObserver);
// - input → frame: to a MessageChannel message posted from the first requestAnimationFrame
//   callback after that mutation, i.e. the task after the frame that shows the change.
// Medians of all the changes of a site's pages, and the range of the pages' own medians: one
// page's median moves by half from one page to the next on a shared machine (when the browser's
// optimizing compiler takes over the wasm, garbage collection), so one page is a poor sample.
// Prints figures, asserts nothing (timings on a shared machine are noisy).
//   node scripts/load-speed.mjs [RUNS=10] [--peer vanilla | --peer llm-prices=DIR]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { ARGS, CHROMIUM } from '../e2e/harness.mjs';

const USAGE = 'usage: node scripts/load-speed.mjs [RUNS=10] [--peer vanilla | --peer llm-prices=DIR]';
const CHANGES = 40;
const INPUT_PAGES = 5;

// The sites: where they are, the element holding the answer, the number field changed, the event
// the page listens to, the values set, the element the update rewrites, and for ccplan the <html>
// attribute marking the wasm's take-over. `prepare` (optional) puts a fresh page into a state
// where the field changes something.
const SITES = {
  ccplan: {
    dir: 'dist', answer: '[data-testid=recommended-plan]', ready: 'data-ready',
    input: '[data-testid=n]', event: 'change', value: (i) => 2 + (i % 7),
    target: ':has(> [data-testid=plan-pro])', // the plan cards' parent, #cards
  },
  vanilla: {
    dir: 'bench/vanilla', answer: '[data-testid=recommended-plan]',
    input: '[data-testid=n]', event: 'change', value: (i) => 2 + (i % 7), target: '#cards',
  },
  'llm-prices': {
    dir: null, // --peer llm-prices=DIR
    answer: '#presetTableBody tr', // the price table, rendered after its fetch of current-v1.json
    input: '#inputTokens', event: 'input', value: (i) => 1000 * (1 + (i % 7)),
    target: '#singleResult', // calculateCost writes the total into #costFormatted in it
    // With no model chosen and no prices typed, calculateCost shows nothing: choose the first.
    prepare: (page) => page.click('#presetTableBody .model-name-btn'),
  },
};

function parseArgs(argv) {
  let runs = 10, peer = 'vanilla', dir;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--peer' && argv[i + 1]) [peer, dir] = argv[++i].split(/=(.*)/);
    else if (/^\d+$/.test(a) && Number(a) > 0) runs = Number(a);
    else { console.error(USAGE); process.exit(a === '-h' || a === '--help' ? 0 : 2); }
  }
  if (peer === 'ccplan' || !SITES[peer]) { console.error(`unknown peer ${peer}\n${USAGE}`); process.exit(2); }
  const site = { ...SITES[peer], dir: dir || SITES[peer].dir };
  if (!site.dir) { console.error(`--peer ${peer} needs =DIR\n${USAGE}`); process.exit(2); }
  return { runs, peer, site };
}

const { runs: RUNS, peer: PEER, site: peerSite } = parseArgs(process.argv.slice(2));
const sites = [{ name: 'ccplan', ...SITES.ccplan }, { name: PEER, ...peerSite }];
for (const s of sites) {
  if (!existsSync(join(s.dir, 'index.html'))) {
    console.error(`${s.name}: no ${join(s.dir, 'index.html')}${s.name === 'ccplan' ? ' (make build first)' : ''}`);
    process.exit(1);
  }
}
if (PEER === 'llm-prices' && !existsSync(join(peerSite.dir, 'current-v1.json'))) {
  console.error(`llm-prices: no ${peerSite.dir}/current-v1.json: run \`python3 scripts/build.py\` in ${peerSite.dir}`);
  process.exit(1);
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b), m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : NaN;
};
const mostCommon = (xs) => Object.entries(xs.reduce((n, x) => ({ ...n, [x]: (n[x] || 0) + 1 }), {})).sort((a, b) => b[1] - a[1])[0]?.[0];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
for (const s of sites) {
  s.server = await startServer({ dir: s.dir });
  s.url = `http://127.0.0.1:${s.server.address().port}/`;
}
const blocked = new Set();

/** A fresh context and page whose requests to anything but 127.0.0.1 are aborted. */
async function freshPage() {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).hostname === '127.0.0.1') return route.continue();
    blocked.add(url);
    return route.abort();
  });
  return { context, page: await context.newPage() };
}

/** Init script: stamps the first sight of the answer with text, and the ready attribute. */
function watch({ answer, ready }) {
  const w = (window.__speed = {});
  const look = (by) => {
    if (w.answer !== undefined) return;
    const el = document.querySelector(answer);
    if (el && el.textContent.trim()) { w.answer = performance.now(); w.by = by; seen.disconnect(); }
  };
  const seen = new MutationObserver(() => look('observer'));
  seen.observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('readystatechange', () => look(`readyState ${document.readyState}`));
  look('immediately');
  if (!ready) return;
  const took = new MutationObserver(() => {
    if (document.documentElement?.hasAttribute(ready)) { w.ready = performance.now(); took.disconnect(); }
  });
  took.observe(document, { attributes: true, attributeFilter: [ready], subtree: true });
}

/** One cold load: first sight of the answer, FCP, and (ccplan) the wasm's take-over. */
async function load(site) {
  const { context, page } = await freshPage();
  await page.addInitScript(watch, { answer: site.answer, ready: site.ready || null });
  await page.goto(site.url);
  await page.waitForFunction((ready) => window.__speed.answer !== undefined && (!ready || window.__speed.ready !== undefined), site.ready);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 5000 }).catch(() => {});
  const r = await page.evaluate(() => ({ ...window.__speed, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime }));
  await context.close();
  return r;
}

/** In the page: sets the field, dispatches the event, times the DOM update and its frame. */
function change({ input, event, target, value }) {
  const field = document.querySelector(input);
  const box = document.querySelector(target);
  return new Promise((resolve) => {
    let t0, dom, done = false;
    const finish = (r) => { if (!done) { done = true; seen.disconnect(); resolve(r); } };
    const seen = new MutationObserver(() => { dom ??= performance.now(); });
    seen.observe(box, { childList: true, subtree: true, characterData: true, attributes: true });
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); finish({ dom: dom - t0, frame: performance.now() - t0 }); };
    const frame = () => requestAnimationFrame(() => {
      if (done) return;
      if (dom === undefined) frame(); else channel.port2.postMessage(0);
    });
    setTimeout(() => finish(null), 2000); // the field changed nothing
    field.value = String(value);
    t0 = performance.now();
    field.dispatchEvent(new Event(event, { bubbles: true }));
    frame();
  });
}

/** CHANGES changes of the site's number field on one fresh page, once it is ready. */
async function inputs(site) {
  const { context, page } = await freshPage();
  await page.goto(site.url);
  await page.waitForSelector(site.ready ? `html[${site.ready}]` : site.answer);
  if (site.prepare) await site.prepare(page);
  const dom = [], frame = [];
  let missed = 0;
  for (let i = 0; i < CHANGES; i++) {
    const r = await page.evaluate(change, { input: site.input, event: site.event, target: site.target, value: site.value(i) });
    if (r) { dom.push(r.dom); frame.push(r.frame); } else missed++;
  }
  await context.close();
  return { dom, frame, missed };
}

const loads = Object.fromEntries(sites.map((s) => [s.name, []]));
for (let i = 0; i < RUNS; i++) for (const s of sites) loads[s.name].push(await load(s));
const pages = Object.fromEntries(sites.map((s) => [s.name, []]));
for (let i = 0; i < INPUT_PAGES; i++) for (const s of sites) pages[s.name].push(await inputs(s));
const changes = Object.fromEntries(sites.map((s) => {
  const p = pages[s.name], perPage = p.map((r) => median(r.dom));
  return [s.name, { dom: median(p.flatMap((r) => r.dom)), frame: median(p.flatMap((r) => r.frame)),
    pageLow: Math.min(...perPage), pageHigh: Math.max(...perPage), missed: p.reduce((n, r) => n + r.missed, 0) }];
}));

const rows = sites.map((s) => {
  const l = loads[s.name];
  return { name: s.name, answer: median(l.map((r) => r.answer)), by: mostCommon(l.map((r) => r.by)),
    fcp: median(l.map((r) => r.fcp ?? NaN)), ready: median(l.map((r) => r.ready ?? NaN)), ...changes[s.name] };
});
const f = (x, w, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–').padStart(w);
console.log(`ccplan vs ${PEER} (${peerSite.dir}), Chromium ${browser.version()} headless, localhost, ms`);
console.log(`loads alternate, median of ${RUNS} fresh contexts each; inputs: median of ${INPUT_PAGES} pages × ${CHANGES} changes`);
console.log(`  ${'site'.padEnd(11)}${'first answer'.padStart(13)}  ${'seen by'.padEnd(22)}${'FCP'.padStart(7)}${'input→DOM'.padStart(11)}${'input→frame'.padStart(13)}`);
for (const r of rows) {
  console.log(`  ${r.name.padEnd(11)}${f(r.answer, 13)}  ${String(r.by).padEnd(22)}${f(r.fcp, 7)}${f(r.dom, 11, 2)}${f(r.frame, 13, 2)}` +
    (r.missed ? `  (${r.missed} changes changed nothing)` : ''));
}
for (const r of rows) console.log(`${r.name} input→DOM, the pages' own medians: ${r.pageLow.toFixed(2)}–${r.pageHigh.toFixed(2)}`);
console.log(`ccplan ready (wasm took over): ${f(rows[0].ready, 0)} (median of ${RUNS} loads)`);
console.log(`ccplan / ${PEER} first answer: ${(rows[0].answer / rows[1].answer).toFixed(2)}×`);
if (blocked.size) console.log(`blocked (not 127.0.0.1): ${[...blocked].join(', ')}`);
await browser.close();
for (const s of sites) s.server.close();
