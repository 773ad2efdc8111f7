// Log import throughput, side by side (SPEC §7, issue 6): generates about 200 MB of Claude Code
// logs with ../shared/fixtures/gen_claude_logs.py, imports them through the release build in
// headless Chromium (the page's worker), runs ccusage 20.0.24 (native) on the same tree in the
// same run, and prints both throughputs, their ratio, and the page's peak memory (resident set
// of Chromium's processes, sampled every 100 ms, above the idle page). Checks the page's totals
// against the generator's.
//   node scripts/bench-import.mjs [--projects 16 --sessions 100 --turns 150] (needs `make build`)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { setup, open } from '../e2e/harness.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const fixtures = resolve(arg('--fixtures', '../shared/fixtures'));
const tree = join(tmpdir(), 'ccplan-bench-logs');
if (!existsSync(join(tree, 'expected.json'))) {
  console.log('generating logs…');
  execFileSync('python3', [join(fixtures, 'gen_claude_logs.py'), tree, '--projects', arg('--projects', '16'),
    '--sessions', arg('--sessions', '100'), '--turns', arg('--turns', '150'), '--days', '30'], { stdio: 'inherit' });
}
const walk = (dir) => readdirSync(dir).flatMap((f) => { const p = join(dir, f); return statSync(p).isDirectory() ? walk(p) : [p]; });
const files = walk(join(tree, 'projects'));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const expected = JSON.parse(readFileSync(join(tree, 'expected.json'), 'utf8'));
const MB = (b) => b / 1e6;
console.log(`${files.length} files, ${MB(bytes).toFixed(1)} MB, ${expected.entries} entries`);

// ccusage 20.0.24, pinned, installed on first use in .tools/.
const tools = resolve('.tools');
const ccusage = join(tools, 'node_modules', '.bin', 'ccusage');
if (!existsSync(ccusage)) {
  mkdirSync(tools, { recursive: true });
  if (!existsSync(join(tools, 'package.json'))) writeFileSync(join(tools, 'package.json'), '{"name": "ccplan-extra-tools", "private": true}\n');
  execFileSync('npm', ['i', '-E', '--no-audit', '--no-fund', 'ccusage@20.0.24', '@ccusage/ccusage-linux-x64@20.0.24'], { cwd: tools, stdio: 'inherit' });
}
const t0 = performance.now();
const run = spawnSync(ccusage, ['daily', '--json', '--offline'], { env: { ...process.env, CLAUDE_CONFIG_DIR: tree }, maxBuffer: 1 << 28 });
const ccusageSecs = (performance.now() - t0) / 1000;
const ccusageTotals = JSON.parse(run.stdout.toString()).totals;

function chromiumRss() {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium')) continue;
      const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
      if (m) kb += Number(m[1]);
    } catch { /* the process ended */ }
  }
  return kb * 1024;
}

const env = await setup();
const { context, page } = await open(env);
await page.waitForTimeout(500);
const idle = chromiumRss();
let peak = idle;
const sampler = setInterval(() => { peak = Math.max(peak, chromiumRss()); }, 100);
// Timed in the page, from the input's change event (the files are chosen) to the summary.
await page.evaluate(() => {
  document.addEventListener('change', () => { window.__t0 = performance.now(); }, { capture: true, once: true });
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid=import-summary]')) { window.__t1 = performance.now(); obs.disconnect(); }
  }).observe(document.body, { childList: true, subtree: true });
});
await page.getByTestId('import-input').setInputFiles(files);
const summary = page.getByTestId('import-summary');
await summary.waitFor({ timeout: 600_000 });
const pageSecs = (await page.evaluate(() => window.__t1 - window.__t0)) / 1000;
clearInterval(sampler);
const entries = Number(await summary.getAttribute('data-entries'));
const cost = Number(await summary.getAttribute('data-cost-usd'));
await context.close();
await env.close();

console.log(`ccusage 20.0.24 (native):  ${ccusageSecs.toFixed(2)} s, ${(MB(bytes) / ccusageSecs).toFixed(1)} MB/s, cost $${ccusageTotals.totalCost.toFixed(2)}`);
console.log(`ccplan page (Chromium):    ${pageSecs.toFixed(2)} s, ${(MB(bytes) / pageSecs).toFixed(1)} MB/s, cost $${cost.toFixed(2)}, ${entries} entries`);
console.log(`page / ccusage throughput: ${(ccusageSecs / pageSecs).toFixed(2)}×`);
console.log(`page peak memory above idle: ${MB(peak - idle).toFixed(0)} MB (Chromium processes' RSS; idle ${MB(idle).toFixed(0)} MB)`);
if (entries !== expected.entries || Math.abs(cost - expected.totalCost) > 0.01) {
  console.error(`MISMATCH: the page counted ${entries} entries / $${cost}, the generator ${expected.entries} / $${expected.totalCost}`);
  process.exit(1);
}
