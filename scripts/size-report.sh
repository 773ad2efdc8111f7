#!/usr/bin/env bash
# Prints each asset of dist/ with its raw, gzip -9 and brotli -q 11 sizes, and the total of what
# a first visit fetches, against the budget: 90 KB (92,160 bytes) brotli -q 11 for everything a
# first, English visit fetches (BUDGET_KB to change it; docs/build.md).
#
# The first load is read from the build itself: index.html, the service worker, and what the
# service worker precaches (scripts/postbuild.mjs writes that list). Everything else is fetched
# only when used — the importer worker on import, the French texts to show French, the large
# manifest icon on install — and cached then, not ahead of time (the 192 px icon is first load:
# Chromium fetches it to check installability, as under Lighthouse). The budget is for the default, English,
# first visit (what headless Chromium and Lighthouse load); French visitors also fetch the
# French texts (printed). `make test` fails when the first load is over BUDGET_KB.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET_KB=${BUDGET_KB:-90}
[ -f dist/index.html ] && [ -f dist/sw.js ] || { echo "no dist/: run 'make build' first" >&2; exit 1; }
# The precache list, one file name per line ("./" is index.html).
first=$(grep -o '"\./[^"]*"' dist/sw.js | tr -d '"' | sed 's|^\./||; s|^$|index.html|'; echo sw.js)
printf '%-40s %10s %10s %10s\n' asset raw gzip brotli
total_raw=0; total_gz=0; total_br=0; later_br=0
for f in $(cd dist && ls); do
  [ -f "dist/$f" ] || continue
  raw=$(wc -c < "dist/$f"); gz=$(gzip -9 -c "dist/$f" | wc -c); br=$(brotli -q 11 -c "dist/$f" | wc -c)
  if grep -qxF "$f" <<< "$first"; then
    note=""
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  else
    later_br=$((later_br + br))
    case "$f" in
      icon-*) note=" (large manifest icon: fetched on install)";;
      importer*) note=" (log importer worker: fetched on import)";;
      fr-*) note=" (French texts: fetched to show French)";;
      sample-*) note=" (sample logs: fetched by the importer when asked for)";;
      *) note=" (fetched only when used)";;
    esac
  fi
  printf '%-40s %10d %10d %10d%s\n' "$f" "$raw" "$gz" "$br" "$note"
done
printf '%-40s %10d %10d %10d\n' "first load total (bytes)" "$total_raw" "$total_gz" "$total_br"
awk -v br="$total_br" -v gz="$total_gz" -v b="$BUDGET_KB" \
  'BEGIN { printf "first load: %.1f KB brotli, %.1f KB gzip (budget %d KB brotli, aim 60 KB)\n", br / 1024, gz / 1024, b }'
awk -v br="$later_br" 'BEGIN { printf "fetched only when used (and cached then): %.1f KB brotli\n", br / 1024 }'
if [ "$total_br" -gt $((BUDGET_KB * 1024)) ]; then
  awk -v br="$total_br" -v b="$BUDGET_KB" 'BEGIN { printf "FAIL: over budget: the first load is %.1f KB brotli over its %d KB\n", br / 1024 - b, b }' >&2
  exit 1
fi
