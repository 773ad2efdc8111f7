// Log import throughput, side by side: generates about 200 MB of Claude Code logs with
// scripts/gen-claude-logs.py, imports them through the release build in
// headless Chromium (the page's worker), runs ccusage 20.0.24 (native) on the same tree in the
// same run, alternately, several times (the machine may be busy: medians are compared), and
// prints both throughputs, their ratio, and the page's peak memory (resident set of this
// Chromium's processes, sampled every 100 ms, above the idle page). Checks the page's totals
// against the generator's.
//   node scripts/bench-import.mjs [--runs 3] [--projects 16 --sessions 100 --turns 150] [--tree DIR]
//   (a 1 GB tree: --projects 72 --tree /tmp/ccplan-bench-1g --runs 1)
//   (needs `make build`)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { setup, open } from '../e2e/harness.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const tree = resolve(arg('--tree', join(tmpdir(), 'ccplan-bench-logs')));
if (!existsSync(join(tree, 'expected.json'))) {
  console.log('generating logs…');
  execFileSync('python3', [resolve('scripts/gen-claude-logs.py'), tree, '--projects', arg('--projects', '16'),
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
function ccusageRun() {
  const t0 = performance.now();
  const run = spawnSync(ccusage, ['daily', '--json', '--offline'], { env: { ...process.env, CLAUDE_CONFIG_DIR: tree }, maxBuffer: 1 << 28 });
  return { secs: (performance.now() - t0) / 1000, totals: JSON.parse(run.stdout.toString()).totals };
}

// Resident set of the benchmark's own Chromium (its process tree only: other Chromiums on the
// machine are not counted).
function chromiumRss(root) {
  const parent = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try { parent.set(Number(pid), Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1])); } catch { /* ended */ }
  }
  const ours = (pid) => { for (let p = pid; p > 1; p = parent.get(p)) if (p === root) return true; return false; };
  let kb = 0;
  for (const pid of parent.keys()) {
    if (pid === root || !ours(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chromium')) continue;
      const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
      if (m) kb += Number(m[1]);
    } catch { /* the process ended */ }
  }
  return kb * 1024;
}

const env = await setup();
const root = process.pid; // Playwright's Chromium is a child of this process
async function pageRun() {
  const { context, page } = await open(env);
  await page.waitForTimeout(500);
  const idle = chromiumRss(root);
  let peak = idle;
  const sampler = setInterval(() => { peak = Math.max(peak, chromiumRss(root)); }, 100);
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
  const secs = (await page.evaluate(() => window.__t1 - window.__t0)) / 1000;
  clearInterval(sampler);
  const entries = Number(await summary.getAttribute('data-entries'));
  const cost = Number(await summary.getAttribute('data-cost-usd'));
  await context.close();
  return { secs, entries, cost, idle, peak };
}

// The machine may be busy: alternate the two, several runs, and compare medians.
const runs = Number(arg('--runs', '3'));
const cc = [];
const pg = [];
for (let i = 0; i < runs; i++) {
  cc.push(ccusageRun());
  pg.push(await pageRun());
}
await env.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ccusageSecs = median(cc.map((r) => r.secs));
const ccusageTotals = cc[0].totals;
const pageSecs = median(pg.map((r) => r.secs));
const { entries, cost } = pg[0];
const peakAbove = Math.max(...pg.map((r) => r.peak - r.idle));
const idle = pg[0].idle;
console.log(`runs (s): ccusage ${cc.map((r) => r.secs.toFixed(2)).join(' ')}; page ${pg.map((r) => r.secs.toFixed(2)).join(' ')}`);
console.log(`ccusage 20.0.24 (native):  median ${ccusageSecs.toFixed(2)} s, ${(MB(bytes) / ccusageSecs).toFixed(1)} MB/s, cost $${ccusageTotals.totalCost.toFixed(2)}`);
console.log(`ccplan page (Chromium):    median ${pageSecs.toFixed(2)} s, ${(MB(bytes) / pageSecs).toFixed(1)} MB/s, cost $${cost.toFixed(2)}, ${entries} entries`);
console.log(`page / ccusage throughput: ${(ccusageSecs / pageSecs).toFixed(2)}×`);
console.log(`page peak memory above idle: ${MB(peakAbove).toFixed(0)} MB (this Chromium's RSS, worst run; idle ${MB(idle).toFixed(0)} MB)`);
if (pg.some((r) => r.entries !== expected.entries || Math.abs(r.cost - expected.totalCost) > 0.01)) {
  console.error(`MISMATCH: the page counted ${entries} entries / $${cost}, the generator ${expected.entries} / $${expected.totalCost}`);
  process.exit(1);
}
