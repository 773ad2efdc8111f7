// On a 360 px phone the answer stays in view while the form scrolls (a bar at the bottom that
// follows every change and leads to the whole answer); on a wide screen the answer sits beside
// the inputs and the bar is only heard. Both languages, both themes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, setNumber } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** Whether the bar is drawn inside the viewport. */
const barInView = (page) => page.getByTestId('answer-bar').evaluate((bar) => {
  const r = bar.getBoundingClientRect();
  return r.height > 20 && r.top >= 0 && r.bottom <= window.innerHeight + 1 && getComputedStyle(bar).visibility !== 'hidden';
});

for (const locale of ['en-US', 'fr-FR']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`on a phone the answer stays in view while the form scrolls (${locale}, ${colorScheme})`, async () => {
      const { context, page, problems } = await open(env, '/', { ...PHONE, locale, colorScheme });
      if (locale === 'fr-FR') await page.waitForFunction(() => document.documentElement.lang === 'fr');
      const bar = page.getByTestId('answer-bar');
      // Scroll to the last field of the form, far from the answer.
      await page.getByTestId('chat').scrollIntoViewIfNeeded();
      assert.ok(await barInView(page), 'the bar is visible at the bottom');
      assert.equal(await bar.getAttribute('data-plan'), await page.getByTestId('recommended-plan').getAttribute('data-plan'));
      const before = await bar.innerText();
      assert.match(before, locale === 'en-US' ? /Max 5x · \$100 per month official · Comfortable/i : /Max 5x · 100\s\$US par mois officiel · Confortable/i);
      // It follows a change made where it is.
      await setNumber(page, 'n', 6);
      await page.waitForFunction(() => document.querySelector('[data-testid=answer-bar]').dataset.plan === 'max20');
      assert.equal(await bar.getAttribute('data-plan'), 'max20');
      assert.ok(await barInView(page));
      // Tapping it goes to the whole answer.
      await bar.locator('a').click();
      await page.waitForFunction(() => Math.abs(document.getElementById('result').getBoundingClientRect().top) < 80);
      // Nothing overflows the phone's width.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1));
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('on a wide screen the bar is not drawn, but it still announces the answer', async () => {
  const { context, page, problems } = await open(env, '/', { viewport: { width: 1280, height: 900 } });
  const bar = page.getByTestId('answer-bar');
  assert.equal(await bar.getAttribute('role'), 'status');
  assert.ok(!(await barInView(page)));
  assert.equal(await bar.locator('a').isVisible(), false, 'no invisible link to tab to');
  // The answer is beside the inputs.
  const [form, answer] = await Promise.all([
    page.locator('section[aria-labelledby=inputs-title]').boundingBox(),
    page.locator('#result').boundingBox(),
  ]);
  assert.ok(answer.x > form.x + form.width - 1, 'the answer sits to the right of the form');
  assert.deepEqual(problems, []);
  await context.close();
});
