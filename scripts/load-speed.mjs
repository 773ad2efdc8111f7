// Speed of the release build in headless Chromium on localhost, against a hand-written
// vanilla-JS calculator (bench/vanilla/) measured in the same run (SPEC §7):
// - navigation to first recommendation: median of RUNS fresh loads (no cache), measured in the
//   page by a MutationObserver that stamps the first `recommended-plan` with content;
// - input change to updated page: median over 50 changes of the instances field, from the
//   `change` event to the plan cards' update (a MutationObserver again).
// Prints figures; asserts nothing (timings on a shared machine are noisy).
//   node scripts/load-speed.mjs [RUNS]
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { ARGS, CHROMIUM } from '../e2e/harness.mjs';

const RUNS = Number(process.argv[2] || 15);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const sites = { ccplan: await startServer({ dir: 'dist' }), vanilla: await startServer({ dir: 'bench/vanilla' }) };

const STAMP = () => {
  new MutationObserver((_, obs) => {
    const el = document.querySelector('[data-testid=recommended-plan]');
    if (el && el.textContent.trim()) { window.__firstRec = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
};

async function measure(name) {
  const url = `http://127.0.0.1:${sites[name].address().port}/`;
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(STAMP);
    await page.goto(url);
    await page.waitForFunction(() => window.__firstRec !== undefined);
    loads.push(await page.evaluate(() => window.__firstRec));
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('recommended-plan').waitFor();
  const changes = [];
  for (let i = 0; i < 50; i++) {
    changes.push(await page.evaluate(async (value) => {
      const field = document.querySelector('[data-testid=n]');
      const target = document.querySelector('[data-testid=plan-pro]').parentElement;
      const done = new Promise((resolve) => {
        const obs = new MutationObserver(() => { obs.disconnect(); resolve(performance.now()); });
        obs.observe(target, { childList: true, subtree: true, attributes: true });
      });
      field.value = String(value);
      const t0 = performance.now();
      field.dispatchEvent(new Event('change', { bubbles: true }));
      return (await done) - t0;
    }, 2 + (i % 7)));
  }
  await context.close();
  return { load: median(loads), change: median(changes) };
}

const results = {};
for (const name of ['vanilla', 'ccplan']) results[name] = await measure(name);
console.log(`navigation → first recommendation, median of ${RUNS} cold loads (ms):`);
for (const [name, r] of Object.entries(results)) console.log(`  ${name.padEnd(8)} ${r.load.toFixed(1)}`);
console.log('input change → updated cards, median of 50 changes (ms):');
for (const [name, r] of Object.entries(results)) console.log(`  ${name.padEnd(8)} ${r.change.toFixed(2)}`);
console.log(`ccplan / vanilla load time: ${(results.ccplan.load / results.vanilla.load).toFixed(2)}×`);
await browser.close();
for (const s of Object.values(sites)) s.close();
