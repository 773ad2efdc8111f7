// The calculator page, end to end in Chromium against the release build (docs/model.md, docs/test-hooks.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, result, setNumber, SUB_PATH } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

for (const path of ['/', SUB_PATH]) {
  test(`the page works when served from ${path}`, async () => {
    const { context, page, problems } = await open(env, path);
    const r = await result(page);
    assert.ok(['pro', 'max5', 'max20'].includes(r.plan));
    assert.ok(r.usd > 0);
    assert.equal(await page.getByTestId('plan-pro').count(), 1);
    assert.match(await page.title(), /Claude/);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('docs/model.md example 1: 500 lines, Sonnet, one instance → Pro, $20, comfortable, window 60 %', async () => {
  const { context, page, problems } = await open(env);
  await setNumber(page, 'loc', 500);
  const r = await result(page);
  assert.equal(r.plan, 'pro');
  assert.equal(r.usd, 20);
  assert.equal(r.cards.pro.verdict, 'comfortable');
  assert.equal(r.cards.pro.fullness, 0.6);
  assert.match(await page.getByTestId('monthly-cost').innerText(), /\$20/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('docs/model.md example 2: 1M lines, Opus, 5 instances, 8 h/day → nothing fits, Max 20x exceeds', async () => {
  const { context, page, problems } = await open(env);
  await setNumber(page, 'loc', 1000000);
  await page.getByTestId('model-opus').check();
  await setNumber(page, 'n', 5);
  await setNumber(page, 'h', 8);
  const r = await result(page);
  assert.equal(r.plan, 'max20');
  assert.equal(r.usd, 200);
  for (const id of ['pro', 'max5', 'max20']) assert.equal(r.cards[id].verdict, 'exceeds');
  assert.ok(r.cards.pro.fullness > r.cards.max5.fullness && r.cards.max5.fullness > r.cards.max20.fullness);
  const warning = await page.getByTestId('limit-warning').innerText();
  assert.match(warning, /\d h \d+ min|\d+ min/, `the warning gives the time to the limit: ${warning}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every input moves the recommendation the way the model says', async () => {
  const { context, page, problems } = await open(env);
  await setNumber(page, 'loc', 500);
  const base = await result(page);
  // More of anything never makes Pro emptier.
  const steps = [['n', 3], ['h', 6], ['d', 7], ['pace', 12], ['chat', 100]];
  let last = base.cards.pro.fullness;
  for (const [id, v] of steps) {
    await setNumber(page, id, v);
    const r = await result(page);
    assert.ok(r.cards.pro.fullness >= last, `${id}=${v}: Pro fullness ${r.cards.pro.fullness} < ${last}`);
    last = r.cards.pro.fullness;
  }
  const heavy = await result(page);
  assert.notEqual(heavy.plan, 'pro', 'that much work does not fit Pro');
  await page.getByTestId('aa').check();
  assert.ok((await result(page)).cards.pro.fullness >= last);
  await page.getByTestId('xu').check();
  const withExtra = await result(page);
  assert.ok(withExtra.usd <= heavy.usd, 'allowing extra usage never costs more');
  assert.deepEqual(problems, []);
  await context.close();
});

test('language: French from the browser, switchable, <html lang> follows', async () => {
  const { context, page, problems } = await open(env, '/', { locale: 'fr-FR' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.match(await page.locator('h1').innerText(), /Quel plan/);
  assert.match(await page.getByTestId('monthly-cost').innerText(), /par mois/);
  await page.getByTestId('lang-en').click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.match(await page.locator('h1').innerText(), /Which Claude plan/);
  assert.equal(await page.getByTestId('lang-en').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('keyboard only: sliders, radios, toggles and language are reachable and work', async () => {
  const { context, page, problems } = await open(env);
  const before = await result(page);
  // Tab from the top of the page to the codebase slider.
  const slider = page.locator('#in-loc');
  let found = false;
  for (let i = 0; i < 10 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await slider.evaluate((el) => el === document.activeElement);
  }
  assert.ok(found, 'the codebase slider is reachable with Tab');
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowRight');
  assert.ok(Number(await page.getByTestId('loc').inputValue()) > 20000, 'arrow keys move the slider');
  const after = await result(page);
  assert.ok(after.cards.pro.fullness > before.cards.pro.fullness);
  await page.getByTestId('model-sonnet').focus();
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.getByTestId('model-opus').isChecked(), 'arrow keys change the model');
  await page.getByTestId('aa').focus();
  await page.keyboard.press('Space');
  assert.ok(await page.getByTestId('aa').isChecked());
  await page.getByTestId('lang-fr').focus();
  await page.keyboard.press('Enter');
  // The French texts are fetched on the first switch.
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  const outline = await page.getByTestId('lang-fr').evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  assert.deepEqual(problems, []);
  await context.close();
});

// Without JavaScript: e2e/prerender.test.mjs (the prerendered default answer and its note).
