// Languages (split-locales): English is in the page's wasm; the French texts (fr-<hash>.txt) are
// fetched only when French is shown — from the link, the browser, or the FR button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const FR_FILE = /\/fr-[0-9a-f]{16}\.txt$/;
// No service worker here: requests must reach the page's network log and page.route().
const NO_SW = { serviceWorkers: 'block' };
/** The problems the page caused (Playwright itself warns that it blocked the service worker). */
const own = (problems) => problems.filter((p) => !/Service Worker registration blocked by Playwright/.test(p));
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);
const waitLang = (page, lang) => page.waitForFunction((l) => document.documentElement.lang === l, lang);
const waitLink = (page, lang) => page.waitForFunction((l) => new URLSearchParams(location.search).get('lang') === l, lang);
/** Records the requests for the French texts of every page of a context. */
function frRequests(context) {
  const seen = [];
  context.on('request', (r) => { if (FR_FILE.test(new URL(r.url()).pathname)) seen.push(r.url()); });
  return seen;
}

/** Clicks FR while the French texts are held back; returns the function that lets them through. */
async function clickFrHeldBack(page) {
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route(FR_FILE, async (route) => { await gate; await route.continue(); });
  await page.getByTestId('lang-fr').click();
  await page.waitForSelector('[data-testid=lang-fr][aria-busy=true]');
  return release;
}

test('a link with lang=fr opens in French', async () => {
  const { context, page, problems } = await open(env, '/?lang=fr&n=2', NO_SW);
  assert.equal(await htmlLang(page), 'fr');
  assert.match(await page.locator('h1').innerText(), /Quel plan/);
  assert.match(await page.getByTestId('monthly-cost').innerText(), /par mois/);
  assert.equal(await page.getByTestId('lang-fr').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(own(problems), []);
  await context.close();
});

test('English first load does not fetch French; FR fetches it once, then EN and FR switch', async () => {
  const context = await env.browser.newContext({ locale: 'en-US', ...NO_SW });
  const seen = frRequests(context);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  await page.goto(env.origin + '/');
  await page.getByTestId('recommended-plan').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(seen, [], 'English visitors do not download the French texts');
  assert.equal(await htmlLang(page), 'en');

  await page.getByTestId('lang-fr').click();
  await waitLang(page, 'fr');
  assert.match(await page.locator('h1').innerText(), /Quel plan/);
  assert.match(await page.getByTestId('monthly-cost').innerText(), /par mois/);
  assert.equal(await page.getByTestId('lang-fr').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByTestId('lang-fr').getAttribute('aria-busy'), null);
  await waitLink(page, 'fr');
  assert.equal(seen.length, 1);

  await page.getByTestId('lang-en').click();
  await waitLang(page, 'en');
  assert.match(await page.locator('h1').innerText(), /Which Claude plan/);
  await waitLink(page, 'en');
  await page.getByTestId('lang-fr').click();
  await waitLang(page, 'fr');
  assert.equal(seen.length, 1, 'French is fetched once');
  assert.deepEqual(own(problems), []);
  await context.close();
});

test('FR is busy while its texts load, then switches', async () => {
  const { context, page, problems } = await open(env, '/', NO_SW);
  const release = await clickFrHeldBack(page);
  assert.equal(await htmlLang(page), 'en', 'nothing French is shown before the texts are there');
  assert.equal(await page.getByTestId('lang-en').getAttribute('aria-pressed'), 'true');
  release();
  await waitLang(page, 'fr');
  assert.equal(await page.getByTestId('lang-fr').getAttribute('aria-busy'), null);
  assert.deepEqual(own(problems), []);
  await context.close();
});

test('EN clicked while French loads: the page stays in English', async () => {
  const { context, page, problems } = await open(env, '/', NO_SW);
  const release = await clickFrHeldBack(page);
  await page.getByTestId('lang-en').click();
  release();
  await page.waitForSelector('[data-testid=lang-fr]:not([aria-busy])');
  assert.equal(await htmlLang(page), 'en', 'the last click wins');
  assert.equal(await page.getByTestId('lang-en').getAttribute('aria-pressed'), 'true');
  // French is loaded now: FR switches at once.
  await page.getByTestId('lang-fr').click();
  await waitLang(page, 'fr');
  assert.deepEqual(own(problems), []);
  await context.close();
});

for (const [what, reply] of [
  ['missing (404)', { status: 404, body: 'not found' }],
  ['written for other keys', { status: 200, body: 'ccplan-texts-fr 00000000\nBonjour\n' }],
]) {
  test(`French texts ${what}: the page works in English and says so`, async () => {
    const { context, page, problems } = await open(env, '/?lang=fr', { locale: 'fr-FR', ...NO_SW },
      (c) => c.route(FR_FILE, (route) => route.fulfill({ contentType: 'text/plain', ...reply })));
    assert.equal(await htmlLang(page), 'en');
    assert.match(await page.locator('h1').innerText(), /Which Claude plan/);
    assert.equal(await page.getByTestId('lang-en').getAttribute('aria-pressed'), 'true');
    await waitLink(page, 'en');
    await page.getByTestId('lang-fr').click();
    await page.getByTestId('lang-status').filter({ hasText: /French is not available/ }).waitFor();
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await page.getByTestId('lang-fr').getAttribute('aria-busy'), null);
    // Chromium logs the failed load of a 404 itself; the page adds nothing.
    assert.deepEqual(own(problems).filter((p) => !/status of 404/.test(p)), []);
    await context.close();
  });
}
