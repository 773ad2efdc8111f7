#!/usr/bin/env bash
# Lighthouse 12.2.3 (mobile, the default form factor) five times on the release build in dist/,
# then the median of each score and metric. Not part of `make test`: the figures are noisy.
# Lighthouse is installed on first use in .tools/ (pinned; Lighthouse 13 needs Node 22).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
if [ ! -x .tools/node_modules/.bin/lighthouse ]; then
  mkdir -p .tools
  [ -f .tools/package.json ] || echo '{"name": "ccplan-extra-tools", "private": true}' > .tools/package.json
  (cd .tools && npm i -E --no-audit --no-fund lighthouse@12.2.3)
fi
# Served compressed, as a static host serves it (scripts/serve.mjs).
node scripts/serve.mjs --port 8787 --compress >/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
out=$(mktemp -d)
for i in $(seq 1 "$RUNS"); do
  CHROME_PATH=/usr/bin/chromium .tools/node_modules/.bin/lighthouse "http://127.0.0.1:8787/ccplan/" \
    --quiet --output=json --output-path="$out/run-$i.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
done
node - "$out" "$RUNS" <<'JS'
const fs = require('fs');
const [dir, runs] = process.argv.slice(2);
const reports = Array.from({ length: Number(runs) }, (_, i) => JSON.parse(fs.readFileSync(`${dir}/run-${i + 1}.json`)));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log(`Lighthouse ${reports[0].lighthouseVersion}, ${reports[0].configSettings.formFactor}, median of ${runs} runs`);
for (const c of ['performance', 'accessibility', 'best-practices', 'seo']) {
  console.log(`${c.padEnd(28)} ${Math.round(median(reports.map((r) => r.categories[c].score)) * 100)}`);
}
console.log(`performance, each run         ${reports.map((r) => Math.round(r.categories.performance.score * 100)).join(' ')}`);
console.log(`total-blocking-time, each run ${reports.map((r) => Math.round(r.audits['total-blocking-time'].numericValue)).join(' ')} ms`);
for (const a of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive']) {
  const unit = a === 'cumulative-layout-shift' ? '' : ' ms';
  console.log(`${a.padEnd(28)} ${median(reports.map((r) => r.audits[a].numericValue)).toFixed(a === 'cumulative-layout-shift' ? 3 : 0)}${unit}`);
}
JS
