// What the page says, checked as a visitor reads it, in both languages: amounts written once,
// extra usage that keeps its margin, a week that grows with the pace, both readings of Opus, one
// answer after an import, and a source for every figure (docs/test-hooks.md, docs/model.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setup, open, result, setNumber } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const walk = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
const TREE = walk(join('tests', 'data', 'usage', 'tree', 'projects'));

/** Switches the page to French and waits for a French text. */
async function french(page) {
  await page.getByTestId('lang-fr').click();
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
}

const answerText = (page) => page.locator('#result').innerText();

/** Every currency sign belongs to exactly one amount: no "$US $", "$ $" or "$$". */
function assertCurrencyOnce(text) {
  for (const bad of [/\$US\s*\$/, /\$\s+\$/, /\$\$/, /\d\s*\$\s*\$US/]) assert.doesNotMatch(text, bad, text);
}

test('amounts are written once, with their currency, in English and French', async () => {
  const { context, page, problems } = await open(env);
  await page.getByTestId('xu').check();
  for (const lang of ['en', 'fr']) {
    if (lang === 'fr') await french(page);
    const body = await page.locator('body').innerText();
    assertCurrencyOnce(body);
    // The API cost reason, shown on every evaluation, carries one amount.
    const api = lang === 'en' ? /pay-as-you-go API[^.]*?about \$[\d,.]+ a month/i : /environ [\d\s,]+\$US par mois/;
    assert.match(await answerText(page), api);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tight plan carried by extra usage costs more than its price, and the advice agrees', async () => {
  const { context, page, problems } = await open(env);
  await setNumber(page, 'loc', 1000);
  await setNumber(page, 'pace', 9);
  await page.getByTestId('xu').check();
  const r = await result(page);
  // Pro's window is 90 % full: above the 85 % target, so the work above it is billed.
  assert.equal(r.plan, 'pro');
  assert.equal(r.cards.pro.verdict, 'tight');
  assert.ok(Math.abs(r.usd - 27.58) < 0.01, `Pro + extra usage costs ${r.usd}`);
  assert.match(await page.getByTestId('recommended-plan').innerText(), /Pro \+ extra usage/);
  assert.doesNotMatch(await answerText(page), /about \$0(\.00)? a month/);
  // No "wait rather than accept API credits" next to an answer that relies on them.
  const advice = await page.getByTestId('advice').innerText();
  assert.doesNotMatch(advice, /rather than accepting API credits/);
  assert.match(advice, /extra usage bills the rest at API rates/);
  // The same in French.
  await french(page);
  assert.match(await page.getByTestId('recommended-plan').innerText(), /Pro \+ utilisation supplémentaire/);
  assert.match(await page.getByTestId('monthly-cost').innerText(), /27,58\s\$US/);
  const conseil = await page.getByTestId('advice').innerText();
  assert.doesNotMatch(conseil, /plutôt que d'accepter des crédits API/);
  assert.match(conseil, /l'utilisation supplémentaire facture le reste aux tarifs API/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the week grows with the prompt pace', async () => {
  const { context, page, problems } = await open(env);
  await setNumber(page, 'loc', 1000);
  await setNumber(page, 'h', 16);
  await setNumber(page, 'd', 7);
  await setNumber(page, 'pace', 3);
  assert.equal((await result(page)).plan, 'pro');
  // Twice the pace: the 5-hour window is still fine (75 %), the week is not (99 %).
  await setNumber(page, 'pace', 6);
  const r = await result(page);
  assert.equal(r.plan, 'max5');
  assert.match(await answerText(page), /Pro would be too full: its weekly limit would reach 99%/);
  await french(page);
  assert.match(await answerText(page), /Pro laisserait trop peu de marge\s: sa limite hebdomadaire atteindrait 99\s%/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the two readings of Opus disagree, the answer says so and switches in one click', async () => {
  const { context, page, problems } = await open(env);
  await page.getByTestId('model-opus').check();
  await setNumber(page, 'h', 8);
  let r = await result(page);
  assert.equal(r.plan, 'max5');
  let text = await answerText(page);
  assert.match(text, /By the article's Opus 4 hours, the answer would be Max 20x/);
  assert.match(text, /Opus uses your limits about 1\.67× as fast/);
  await page.getByTestId('opus-switch').click();
  r = await result(page);
  assert.equal(r.plan, 'max20');
  assert.equal(r.cards.max20.verdict, 'exceeds');
  text = await answerText(page);
  assert.doesNotMatch(text, /Opus uses your limits about/, 'no weight reason under the hours rule');
  assert.match(text, /With Opus counted at its API price instead \(its weight\), the answer would be Max 5x/);
  assert.ok(await page.getByTestId('assume-opus_rule').inputValue() === '1');
  await page.getByTestId('opus-switch').click();
  assert.equal((await result(page)).plan, 'max5');
  // The same in French, both ways.
  await french(page);
  text = await answerText(page);
  assert.match(text, /Selon les heures d'Opus 4 de l'article, la réponse serait Max 20x/);
  assert.match(text, /Opus consomme vos limites environ 1,67\sfois plus vite/);
  await page.getByTestId('opus-switch').click();
  assert.equal((await result(page)).plan, 'max20');
  text = await answerText(page);
  assert.doesNotMatch(text, /Opus consomme vos limites environ/);
  assert.match(text, /Avec Opus compté à son prix API \(son poids\), la réponse serait Max 5x/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a plan above its target never reads as the target', async () => {
  const { context, page, problems } = await open(env);
  // 1,000 lines with auto-accept: Pro's window is 84.85 % full; a target of 84.5 % leaves it out.
  await setNumber(page, 'loc', 1000);
  await page.getByTestId('aa').check();
  await setNumber(page, 'assume-headroom', 0.845);
  const text = await answerText(page);
  assert.match(text, /Pro would be too full: its 5-hour window would reach 84\.9% \(target: 84\.5%\)/);
  await french(page);
  assert.match(await answerText(page), /Pro laisserait trop peu de marge\s: sa fenêtre de 5\sheures atteindrait 84,9\s% \(cible\s: 84,5\s%\)/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('after an import the page gives one answer, which "use these numbers" reproduces', async () => {
  const { context, page, problems } = await open(env);
  await page.getByTestId('import-input').setInputFiles(TREE);
  const summary = page.getByTestId('import-summary');
  await summary.waitFor();
  const data = await result(page);
  assert.equal(data.plan, await summary.getAttribute('data-plan'), 'the headline follows the import');
  assert.match(await answerText(page), /From your imported usage/);
  await french(page);
  assert.match(await answerText(page), /D'après votre utilisation importée/);
  assert.equal((await result(page)).plan, data.plan, 'the same answer in French');
  await page.getByTestId('lang-en').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.getByTestId('recommended-plan').getAttribute('data-source'), 'data');
  for (const id of ['pro', 'max5', 'max20']) {
    assert.equal(await page.getByTestId(`plan-${id}`).getAttribute('data-source'), 'data');
  }
  // The calculator, given the numbers the logs suggest, gives the same answer plan by plan.
  await page.getByTestId('use-data').click();
  const calc = await result(page);
  assert.equal(calc.plan, data.plan);
  for (const id of ['pro', 'max5', 'max20']) assert.equal(calc.cards[id].verdict, data.cards[id].verdict, id);
  assert.equal(await page.getByTestId('plan-pro').getAttribute('data-source'), 'estimate');
  // The import's answer can be brought back.
  await page.getByTestId('answer-from-data').click();
  assert.deepEqual(await result(page), data);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Text nodes that show a figure (a digit that is not part of a name: Max 5x, Opus 4.5, …) and
 *  have no `data-source` on themselves or an ancestor. The visitor's own inputs are theirs. */
async function unsourced(page) {
  return page.evaluate(() => {
    const names = /Max 5x|Max 20x|Opus 4(\.5)?|Sonnet 4(\.5)?|5-hour|5 heures|cinq heures|\/status|\/model|\/login|claude\.ai|ANTHROPIC_API_KEY|FR|EN|7 days|7 jours|v=1/g;
    const out = [];
    const skip = (el) => el.closest('section[aria-labelledby=inputs-title], #langs, .share, .assume label, .assume input, summary, h2, h3, thead, caption, .lang-status, .notice[data-testid=link-notice], footer, noscript, progress');
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || skip(el) || el.closest('[hidden]')) continue;
      const text = n.textContent.replace(names, '');
      if (/\d/.test(text) && !el.closest('[data-source]')) out.push(text.trim().slice(0, 80));
    }
    return out;
  });
}

test('every figure says where it comes from, visibly and in data-source', async () => {
  const { context, page, problems } = await open(env);
  await page.getByTestId('xu').check();
  await page.getByTestId('model-mix').check();
  for (const lang of ['en', 'fr']) {
    if (lang === 'fr') await french(page);
    await page.locator('details').first().evaluate((d) => { d.open = true; });
    assert.deepEqual(await unsourced(page), [], lang);
    assert.equal(await page.getByTestId('monthly-cost').getAttribute('data-source'), 'estimate', 'price + overflow');
    for (const id of ['pro', 'max5', 'max20']) {
      const card = page.getByTestId(`plan-${id}`);
      assert.equal(await card.getAttribute('data-source'), 'estimate');
      assert.equal(await card.locator('.price').getAttribute('data-source'), 'official');
      assert.equal(await card.locator('.tag').count() >= 3, true, 'price and both gauges are labelled');
    }
  }
  // With an import, the imported figures are labelled "your data".
  await page.getByTestId('import-input').setInputFiles(TREE);
  await page.getByTestId('import-summary').waitFor();
  assert.deepEqual(await unsourced(page), []);
  assert.match(await page.getByTestId('import-summary').innerText(), /vos données|your data/i);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the facts say when they were checked, that the article is undated, and what it covers', async () => {
  const { context, page, problems } = await open(env);
  const facts = page.locator('details').first();
  await facts.evaluate((d) => { d.open = true; });
  const text = await facts.innerText();
  assert.match(text, /undated; last checked against it on \d{4}-\d\d-\d\d/);
  assert.match(text, /Team and Enterprise/);
  assert.match(text, /attachments/);
  assert.match(text, /Warnings about your remaining capacity/);
  assert.match(text, /prompts per 5 hours \(about; older models\)/);
  assert.doesNotMatch(text, /2025-11\)/);
  await french(page);
  const fr = await facts.innerText();
  assert.match(fr, /non daté/);
  assert.doesNotMatch(await page.locator('#result').innerText(), /trop juste/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the daily chart of imported usage has an axis, units and a figure per bar', async () => {
  const { context, page, problems } = await open(env);
  await page.getByTestId('import-input').setInputFiles(TREE);
  const summary = page.getByTestId('import-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Each bar is one active day \(UTC\), at API list prices/);
  const bars = summary.locator('svg g[role=img]');
  assert.ok(await bars.count() > 3);
  assert.match(await bars.first().getAttribute('aria-label'), /^\d{4}-\d\d-\d\d: \$[\d.,]+$/);
  assert.match(await bars.first().locator('title').textContent(), /\$/);
  assert.deepEqual(problems, []);
  await context.close();
});
