// Importing real usage: the committed synthetic log tree, whose totals the generator
// computed and ccusage 20.0.24 confirmed (tests/data/usage), imported through the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setup, open, result } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const DATA = 'tests/data/usage';
const walk = (dir) => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? walk(p) : [p];
});

async function importFiles(page, files) {
  await page.getByTestId('import-input').setInputFiles(files);
  const summary = page.getByTestId('import-summary');
  await summary.waitFor();
  const out = {};
  for (const a of ['entries', 'input-tokens', 'output-tokens', 'cache-creation-tokens', 'cache-read-tokens', 'cost-usd', 'skipped-lines']) {
    out[a] = Number(await summary.getAttribute(`data-${a}`));
  }
  return out;
}

test('imported logs give the same totals as the generator and ccusage, with no request made', async () => {
  const { context, page, problems } = await open(env);
  const requests = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  const expected = JSON.parse(readFileSync(join(DATA, 'expected.json'), 'utf8'));
  const ccusage = JSON.parse(readFileSync(join(DATA, 'ccusage-daily.json'), 'utf8')).totals;
  const got = await importFiles(page, walk(join(DATA, 'tree', 'projects')));
  assert.equal(got.entries, expected.entries);
  assert.equal(got['input-tokens'], expected.inputTokens);
  assert.equal(got['output-tokens'], expected.outputTokens);
  assert.equal(got['cache-creation-tokens'], expected.cacheCreationTokens);
  assert.equal(got['cache-read-tokens'], expected.cacheReadTokens);
  assert.ok(Math.abs(got['cost-usd'] - expected.totalCost) <= 0.01, `${got['cost-usd']} vs ${expected.totalCost}`);
  assert.equal(got['skipped-lines'], expected.brokenLines);
  assert.equal(got['input-tokens'], ccusage.inputTokens);
  assert.ok(Math.abs(got['cost-usd'] - ccusage.totalCost) <= 0.01);
  // Nothing is sent: the only requests are GETs of the page's own files (the worker, an icon).
  assert.deepEqual(requests.filter((r) => !r.startsWith(`GET ${env.origin}/`)), []);
  assert.deepEqual(requests.filter((r) => !/\/(importer(_loader|_bg)?\.(js|wasm)|favicon-[0-9a-f]+\.svg)$/.test(r)), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('"use these numbers" sets the calculator from the data', async () => {
  const { context, page, problems } = await open(env);
  await importFiles(page, walk(join(DATA, 'tree', 'projects')));
  await page.getByTestId('use-data').click();
  // expected.json: Opus is $14.05 of $19.97 (70 %): the calculator becomes a 70 % Opus mix.
  assert.ok(await page.getByTestId('model-mix').isChecked());
  assert.equal(await page.getByTestId('opus').inputValue(), '70');
  const r = await result(page);
  assert.ok(['pro', 'max5', 'max20'].includes(r.plan));
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad files are reported with counts and the valid lines in them still count', async () => {
  const { context, page, problems } = await open(env);
  const edge = join(DATA, 'edge', 'projects', '-home-dev-edge');
  const got = await importFiles(page, ['binary.jsonl', 'broken.jsonl', 'empty.jsonl', 'streamed.jsonl', 'no-final-newline.jsonl'].map((f) => join(edge, f)));
  assert.ok(got.entries > 0, 'valid lines counted');
  assert.ok(got['skipped-lines'] > 0, 'broken lines counted as skipped');
  assert.match(await page.getByTestId('import-summary').innerText(), /could not be read/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('files dropped on the import area are imported', async () => {
  const { context, page, problems } = await open(env);
  const text = readFileSync(join(DATA, 'edge', 'projects', '-home-dev-edge', 'streamed.jsonl'), 'utf8');
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'streamed.jsonl', { type: 'application/jsonl' }));
    const zone = document.querySelector('.drop');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  const summary = page.getByTestId('import-summary');
  await summary.waitFor();
  assert.ok(Number(await summary.getAttribute('data-entries')) > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the sample logs calibrate every plan to their limit hits, and the link carries the calibration', async () => {
  const { context, page, problems } = await open(env);
  await page.getByTestId('import-sample').click();
  const summary = page.getByTestId('import-summary');
  await summary.waitFor();
  // Three 5-hour hits and one weekly hit (src/usage/tests/sample.rs checks them by hand).
  assert.equal(await summary.getAttribute('data-limit-hits'), '4');
  assert.equal(await summary.getAttribute('data-limit-hits-5h'), '3');
  assert.equal(await summary.getAttribute('data-limit-hits-weekly'), '1');
  assert.match(await summary.innerText(), /sample/i);
  // No plan chosen yet: no calibration, and the page says why.
  assert.equal(await page.getByTestId('calibration').count(), 0);
  assert.match(await page.locator('#import-report').innerText(), /Say which plan you were on when they cut you off/);
  await page.getByTestId('current-plan').selectOption('max5');
  const calibration = page.getByTestId('calibration');
  await calibration.waitFor();
  assert.equal(await calibration.getAttribute('data-plan'), 'max5');
  assert.equal(await calibration.getAttribute('data-source'), 'data');
  const median = Number(await calibration.getAttribute('data-window-usd'));
  const low = Number(await calibration.getAttribute('data-window-usd-min'));
  const high = Number(await calibration.getAttribute('data-window-usd-max'));
  assert.ok(low >= 23 && high < 25 && low <= median && median <= high, `${low} ≤ ${median} ≤ ${high}`);
  // Every card now rests on the visitor's data, and the answer says so.
  for (const id of ['pro', 'max5', 'max20']) {
    assert.equal(await page.getByTestId(`plan-${id}`).getAttribute('data-source'), 'data', id);
  }
  assert.equal(await page.getByTestId('recommended-plan').getAttribute('data-plan'), await summary.getAttribute('data-plan'));
  // The answer says, in one sentence, that it rests on the visitor's own limit hits.
  assert.match(await page.locator('#result').innerText(), /limit hits/i);
  // The link carries the calibration as its plan and numbers, never the logs.
  await page.waitForFunction(() => new URLSearchParams(location.search).get('cp') === 'max5');
  const query = await page.evaluate(() => location.search);
  assert.ok(Number(new URLSearchParams(query).get('cw')) > 0);
  assert.ok(query.length < 600, 'no logs in the link');
  const shared = await open(env, `/${query}`);
  const again = shared.page.getByTestId('calibration');
  await again.waitFor();
  assert.equal(await again.getAttribute('data-plan'), 'max5');
  assert.ok(Math.abs(Number(await again.getAttribute('data-window-usd')) - median) < 0.01);
  assert.deepEqual(shared.problems, []);
  await shared.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});
