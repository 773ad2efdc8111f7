// Shared set-up for the end-to-end tests: the release build in dist/ served by scripts/serve.mjs,
// Debian's Chromium driven by playwright-core, and a page wrapper that records console errors,
// uncaught exceptions and every request to another origin (there must be none).
import { chromium } from 'playwright-core';
import { startServer, SUB_PATH } from '../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export { SUB_PATH };

export async function setup() {
  const server = await startServer({ dir: 'dist' });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    origin, browser,
    async close() { await browser.close(); server.close(); },
  };
}

/** A fresh context and page that record what must never happen; `prepare(context)` runs
 *  before the page loads (e.g. to route requests). */
export async function open(env, path = '/', options = {}, prepare = async () => {}) {
  const context = await env.browser.newContext({ locale: 'en-US', ...options });
  await prepare(context);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith(env.origin) && !r.url().startsWith('data:')) problems.push(`foreign request: ${r.url()}`); });
  await page.goto(env.origin + path);
  // The answer is in the HTML from the start (prerendered); the page is the wasm's once ready.
  await page.waitForSelector('html[data-ready]');
  return { context, page, problems };
}

export async function result(page) {
  const plan = await page.getByTestId('recommended-plan').getAttribute('data-plan');
  const usd = Number(await page.getByTestId('monthly-cost').getAttribute('data-usd'));
  const cards = {};
  for (const id of ['pro', 'max5', 'max20']) {
    const card = page.getByTestId(`plan-${id}`);
    cards[id] = { verdict: await card.getAttribute('data-verdict'), fullness: Number(await card.getAttribute('data-fullness')) };
  }
  return { plan, usd, cards };
}

/** Types a value in a number field and commits it, as a person does (Tab away fires change). */
export async function setNumber(page, testid, value) {
  const field = page.getByTestId(testid);
  await field.fill(String(value));
  await field.press('Tab');
}

export async function inputsOf(page) {
  const out = {};
  for (const id of ['loc', 'n', 'h', 'd', 'pace', 'chat']) out[id] = await page.getByTestId(id).inputValue();
  for (const id of ['model-sonnet', 'model-opus', 'model-mix', 'aa', 'xu']) out[id] = await page.getByTestId(id).isChecked();
  out.lang = await page.evaluate(() => document.documentElement.lang);
  return out;
}
