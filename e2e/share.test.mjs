// Sharing (docs/link-format.md): Copy link, reopening in a fresh browser, and hostile links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, result, setNumber, inputsOf, SUB_PATH } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('Copy link reopens the same inputs, language and recommendation in a fresh browser', async () => {
  const { context, page, problems } = await open(env, SUB_PATH);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.origin });
  await setNumber(page, 'loc', 350000);
  await page.getByTestId('model-mix').check();
  await setNumber(page, 'opus', 60);
  await setNumber(page, 'n', 3);
  await setNumber(page, 'h', 6.5);
  await setNumber(page, 'd', 6);
  await setNumber(page, 'pace', 9);
  await setNumber(page, 'chat', 25);
  await page.getByTestId('aa').check();
  await page.getByTestId('xu').check();
  await page.getByTestId('assume-headroom').fill('0.7');
  await page.getByTestId('assume-headroom').press('Tab');
  await page.getByTestId('lang-fr').click();
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  const sent = { inputs: await inputsOf(page), result: await result(page), opus: await page.getByTestId('opus').inputValue() };

  await page.getByTestId('copy-link').click();
  await page.getByTestId('copy-status').filter({ hasText: /copié/ }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${env.origin}${SUB_PATH}?v=1&`), link);
  // The confirmation belongs to that link: changing an input makes it go away.
  await setNumber(page, 'n', 4);
  assert.equal((await page.getByTestId('copy-status').innerText()).trim(), '');
  await setNumber(page, 'n', 3);
  assert.deepEqual(problems, []);
  await context.close();

  const fresh = await open(env, link.slice(env.origin.length), { locale: 'en-US' });
  assert.deepEqual(await inputsOf(fresh.page), sent.inputs);
  assert.equal(await fresh.page.getByTestId('opus').inputValue(), sent.opus);
  assert.equal(await fresh.page.getByTestId('assume-headroom').inputValue(), '0.7');
  assert.deepEqual(await result(fresh.page), sent.result);
  assert.equal(await fresh.page.getByTestId('link-notice').count(), 0, 'a good link raises no notice');
  assert.deepEqual(fresh.problems, []);
  await fresh.context.close();
});

test('the address bar follows the inputs without piling up history entries', async () => {
  const { context, page, problems } = await open(env);
  const length = await page.evaluate(() => history.length);
  for (const n of [2, 3, 4, 5]) await setNumber(page, 'n', n);
  await page.waitForFunction(() => location.search.includes('n=5'));
  assert.equal(await page.evaluate(() => history.length), length);
  assert.match(await page.evaluate(() => location.search), /^\?v=1&/);
  assert.deepEqual(problems, []);
  await context.close();
});

// Each markup payload would set window.__xss = 1 if it ran where it lands (an <iframe> or <style>
// inserted as markup fires its load handler). Unknown keys are shown back in the notice, cut to
// 24 characters: the key payloads fit, and are percent-encoded so that their "=" stays in the key.
const key = (k) => `?${encodeURIComponent(k)}=1`;
const HOSTILE = [
  '?garbage', '?&&&==&=', '?n=NaN&h=Infinity&d=-Infinity', '?n=1e308&loc=1e309&pace=-1e308',
  '?n=99999999999999999999999&h=0&d=0', '?loc=0x10&n=0b11&h=1_000', '?model=<script>window.__xss=1</script>',
  key('<iframe onload=__xss=1>'), key('<style onload=__xss=1>'), key('"><style onload=__xss=1>'),
  key('<script>__xss=1</script>'),
  '?model=' + encodeURIComponent('"><img src=x onerror=window.__xss=1>'),
  '?n=2&n=3&n=<img src=x onerror=window.__xss=1>&n=7', '?x=' + 'A'.repeat(5000),
  '?n=' + '9'.repeat(3000), '?n=%', '?n=%zz&h=%E2%82', '?%ff%fe=1', '?lang=xx-YY&model=GPT-5',
  '?v=999&n=4', '?aa=maybe&xu=2', '?chat=-5&opus=250&model=mix', '?hr=NaN&ow=1e9&pl=-1&ph=abc',
  '?' + Array.from({ length: 400 }, (_, i) => `k${i}=${i}`).join('&'), '?n=3#fragment?n=9',
  '?%00=%00&n=%00', '?' + encodeURIComponent('n=2&h=3'), '?loc=+&h=.&d=-', key('javascript:void(__xss=1)'),
];

test(`${HOSTILE.length} hostile links each give a working page with a discreet notice`, async () => {
  for (const q of HOSTILE) {
    const { context, page, problems } = await open(env, `/${q}`);
    const r = await result(page);
    assert.ok(['pro', 'max5', 'max20'].includes(r.plan), `${q.slice(0, 60)}: ${r.plan}`);
    assert.ok(Number.isFinite(r.usd) && r.usd > 0, `${q.slice(0, 60)}: usd ${r.usd}`);
    for (const c of Object.values(r.cards)) assert.ok(Number.isFinite(c.fullness));
    assert.equal(await page.evaluate(() => window.__xss ?? null), null);
    assert.equal(await page.locator('body img[src=x], body script').count(), 0, 'no markup from the link');
    assert.deepEqual(problems, [], q.slice(0, 60));
    await context.close();
  }
});

test('values out of range are clamped and the notice names them', async () => {
  const { context, page, problems } = await open(env, '/?n=99&zz=1&h=abc');
  assert.equal(await page.getByTestId('n').inputValue(), '20');
  assert.equal(await page.getByTestId('h').inputValue(), '4');
  const notice = await page.getByTestId('link-notice').innerText();
  for (const key of ['n', 'zz', 'h']) assert.match(notice, new RegExp(`“${key}”`));
  assert.deepEqual(problems, []);
  await context.close();
});
