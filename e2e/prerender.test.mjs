// The answer at first paint: index.html holds the page prerendered for the default inputs in
// English (src/bin/prerender.rs), the wasm takes it over as it is; a link's or a French
// visitor's page is marked pending (aria-busy, hidden) until the wasm has computed its answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, result } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const WASM = /\/ccplan-[0-9a-f]+_bg\.wasm$/;
const NO_SW = { serviceWorkers: 'block' };

/** Holds the page's wasm back until the returned function is called. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route(WASM, async (route) => { await gate; await route.continue(); });
  return release;
}

/** What the page shows of the answer (text and the hooks' attributes). */
const answer = (page) => page.evaluate(() => {
  const get = (id) => document.querySelector(`[data-testid=${id}]`);
  return {
    plan: get('recommended-plan')?.dataset.plan,
    usd: get('monthly-cost')?.dataset.usd,
    text: document.getElementById('result')?.innerText,
    cards: document.getElementById('cards')?.innerText,
  };
});

test('with no link the answer is in the HTML, and the wasm takes it over without a change', async () => {
  const context = await env.browser.newContext(NO_SW);
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto(env.origin + '/');
  // Before the wasm: the whole answer is there, not pending.
  await page.getByTestId('recommended-plan').waitFor();
  const early = await answer(page);
  assert.equal(early.plan, 'max5');
  assert.match(early.text, /\$100 per month/);
  assert.match(early.cards, /Pro/);
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('aria-busy')), null);
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('app')).visibility), 'visible');
  // A field focused before the wasm keeps the focus; nothing moves or is rewritten.
  await page.getByTestId('n').focus();
  const html = await page.evaluate(() => {
    window.__mutations = 0;
    new MutationObserver((records) => { window.__mutations += records.length; })
      .observe(document.getElementById('app'), { childList: true, subtree: true, characterData: true });
    window.__shift = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    return document.getElementById('app').innerHTML;
  });
  release();
  await page.waitForSelector('html[data-ready]');
  assert.deepEqual(await answer(page), early);
  assert.equal(await page.evaluate(() => document.getElementById('app').innerHTML), html);
  assert.equal(await page.evaluate(() => window.__mutations), 0, 'the takeover rewrote nothing');
  assert.equal(await page.evaluate(() => window.__shift), 0, 'no layout shift');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'n', 'focus kept');
  assert.equal(await page.locator('#stalled').isVisible(), false, 'no "could not start" note');
  // And the page is live.
  await page.getByTestId('n').fill('6');
  await page.getByTestId('n').press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid=recommended-plan]').dataset.plan === 'max20');
  await context.close();
});

test('a link never shows the default answer as its own: pending until the wasm has computed it', async () => {
  const context = await env.browser.newContext(NO_SW);
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto(env.origin + '/?v=1&n=6&h=8&loc=200000');
  await page.getByTestId('recommended-plan').waitFor({ state: 'attached' });
  // The prerendered default is there but marked pending and not shown.
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('aria-busy')), 'true');
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('app')).visibility), 'hidden');
  assert.ok(await page.evaluate(() => document.getElementById('app').closest('[aria-busy=true]') !== null));
  release();
  await page.waitForSelector('html[data-ready]');
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('aria-busy')), null);
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('app')).visibility), 'visible');
  const r = await result(page);
  assert.equal(r.plan, 'max20');
  assert.equal(await page.getByTestId('n').inputValue(), '6');
  assert.equal(await page.getByTestId('h').inputValue(), '8');
  await context.close();
});

test('a French browser gets its answer in French, never the English default meanwhile', async () => {
  const context = await env.browser.newContext({ ...NO_SW, locale: 'fr-FR' });
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto(env.origin + '/');
  await page.getByTestId('recommended-plan').waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('aria-busy')), 'true');
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('app')).visibility), 'hidden');
  release();
  await page.waitForSelector('html[data-ready]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('aria-busy')), null);
  assert.match(await page.locator('#result').innerText(), /100\s\$US par mois/);
  await context.close();
});

test('without JavaScript the default answer is shown, with a note that changing it needs JavaScript', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.origin + '/');
  assert.equal(await page.locator('h1').innerText(), 'Which Claude plan for Claude Code?');
  assert.match(await page.locator('#lede').innerText(), /Max 20x/);
  assert.match(await page.locator('noscript').innerText(), /default inputs.*JavaScript/s);
  const plan = page.getByTestId('recommended-plan');
  assert.ok(await plan.isVisible());
  assert.equal(await plan.getAttribute('data-plan'), 'max5');
  assert.match(await page.getByTestId('monthly-cost').innerText(), /\$100 per month/);
  for (const id of ['pro', 'max5', 'max20']) assert.ok(await page.getByTestId(`plan-${id}`).isVisible());
  // The same answer the wasm gives for the defaults.
  const live = await open(env);
  assert.equal((await result(live.page)).plan, 'max5');
  await live.context.close();
  await context.close();
});
