// Production quality: accessibility (axe-core, WCAG 2.2 AA), CSP and SRI, offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { setup, open, result, setNumber } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const locale of ['en-US', 'fr-FR']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe-core finds no WCAG 2.2 AA violation (${locale}, ${colorScheme})`, async () => {
      const { context, page, problems } = await open(env, '/?n=6&xu=1&model=mix', { locale, colorScheme });
      await page.locator('details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
      // The tags' rules, plus WCAG 2.5.3 "label in name" (a best-practice rule in axe, not tagged
      // AA): a voice-control user saying "click FR" must reach the FR button.
      const tagged = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const named = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
      const violations = [...tagged.violations, ...named.violations];
      const summary = violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`);
      assert.deepEqual(summary, []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('a Content-Security-Policy forbids other origins, and the page runs under it', async () => {
  const { context, page, problems } = await open(env);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /unsafe-inline|https?:/);
  for (const el of await page.locator('script[src], link[rel=modulepreload]').all()) {
    assert.ok(await el.getAttribute('integrity'), 'assets carry Subresource Integrity');
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('Subresource Integrity: a wasm changed on the way is refused, not run', async () => {
  const context = await env.browser.newContext();
  await context.route(/_bg\.wasm$/, async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 1] ^= 1;
    await route.fulfill({ response, body });
  });
  for (const path of ['/', '/?v=1&n=6']) {
    const page = await context.newPage();
    const refused = page.waitForEvent('console', { predicate: (m) => m.type() === 'error' && /integrity/i.test(m.text()) });
    await page.goto(env.origin + path);
    await refused;
    // The page never becomes the wasm's; it says so instead of staying blank or busy, and the
    // prerendered default shows as the default's.
    const note = page.locator('#stalled');
    await note.waitFor({ state: 'visible' });
    assert.match(await note.innerText(), /default inputs, not for a link's/);
    assert.equal(await page.locator('html[data-ready]').count(), 0, 'the changed wasm did not run');
    assert.equal(await page.locator('html[aria-busy]').count(), 0, path);
    assert.ok(await page.getByTestId('recommended-plan').isVisible(), path);
    await page.close();
  }
  await context.close();
});

test('offline: after one visit the page reloads and computes without the network', async () => {
  const { context, page, problems } = await open(env);
  // What the service worker has cached, as file names.
  const cached = () => page.evaluate(async () => {
    const names = [];
    for (const key of await caches.keys()) {
      for (const req of await (await caches.open(key)).keys()) names.push(new URL(req.url).pathname.split('/').pop());
    }
    return names;
  });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.getByTestId('recommended-plan').waitFor();
  // The first visit fetched its first load only: the importer and the French texts wait until
  // they are used (the service worker does not download them ahead).
  const first = await cached();
  assert.ok(first.some((f) => f.endsWith('.wasm')), `the first load is cached: ${first}`);
  assert.deepEqual(first.filter((f) => /^(importer|fr-)/.test(f)), []);
  // French shown once online: the service worker keeps it.
  await page.getByTestId('lang-fr').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('lang') === 'fr');
  await page.waitForFunction(async () => {
    for (const key of await caches.keys()) {
      if ((await (await caches.open(key)).keys()).some((r) => /\/fr-[0-9a-f]+\.txt$/.test(r.url))) return true;
    }
    return false;
  });
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('recommended-plan').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.match(await page.locator('h1').innerText(), /Quel plan/);
  await setNumber(page, 'n', 4);
  const r = await result(page);
  assert.ok(r.cards.pro.fullness > 0);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  // Chromium itself logs failed network fetches while offline; only the page's own errors count.
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
  await context.close();
});
