#!/usr/bin/env bash
# The issue's ratios, measured in one run against a build of another
# revision: the working tree ("new") against REV ("old"), their runs
# alternated so that the shared machine's load falls on both alike.
#
#   bash bench/compare.sh REV [ROUNDS]       # e.g. bash bench/compare.sh main 5
#   WHOSAYS_COMPARE_WEB=1 bash bench/compare.sh REV   # also the wasm engine in node
#
# The native measures are bench/compare-core.sh REV ROUNDS (analyze() on the
# dev corpus and on 1 MiB articles, 64 KiB against 1 MiB, the CLI as a whole
# process, peak memory per byte of text; medians of ROUNDS, default 5). With
# WHOSAYS_COMPARE_WEB=1, then: bench/wasm-bench.mjs (CPU ms per dev article in
# node) for both builds of dist/engine, and bench/cold-page.mjs in Chromium
# with both builds of dist/embed (its own table, 2 x ROUNDS loads). For the
# web part REV is exported with git archive into build/compare/<commit>/src
# and its engine built there; a second run reuses it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bash bench/compare.sh REV [ROUNDS]" >&2; exit 2; }
rev=$(git rev-parse --verify "$1^{commit}")
rounds=${2:-5}
root=$PWD
source scripts/env.sh

# The native measures are bench/compare-core.sh's (the issue's reference
# command): builds in build/compare-<sha>/ and build/compare-head/.
bash bench/compare-core.sh "$rev" "$rounds"
[ "${WHOSAYS_COMPARE_WEB:-0}" = 1 ] || exit 0

articles=${WHOSAYS_DEV_ARTICLES:-../shared/corpus/dev/articles}
articles=$(cd "$articles" && pwd)
old=build/compare/${rev:0:12}
if [ ! -d "$old/src" ]; then
  mkdir -p "$old/src"
  git archive "$rev" | tar -x -C "$old/src"
fi
work=build/compare/work
mkdir -p "$work"
: > "$work/results.tsv"
rm -f "$work/cold-page.txt"
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$work/results.tsv"; }

if [ ! -f "$old/src/dist/engine/index.js" ]; then
  echo "compare: building ${rev:0:12}'s wasm engine" >&2
  mkdir -p "$old/src/build"
  ln -sfn "$root/build/em-include" "$old/src/build/em-include"
  ln -sfn "$root/node_modules" "$old/src/node_modules"
  (cd "$old/src" && node wasm/build.mjs >/dev/null && node web/embed/build.mjs >/dev/null)
fi
[ -f dist/embed/whosays.js ] || node scripts/build.mjs >/dev/null
for ((round = 1; round <= rounds; ++round)); do
  for side in old new; do
    if [ $side = old ]; then engine=$old/src/dist/engine; else engine=dist/engine; fi
    ms=$(node bench/wasm-bench.mjs --engine "$engine" --articles "$articles" --rounds 20 |
      sed -n 's/^median round CPU time: .* = \([0-9.]*\) ms\/article$/\1/p')
    record "wasm in node (CPU ms per dev article)" $side "$ms"
  done
done
node bench/cold-page.mjs --loads $((2 * rounds)) --embed "$old/src/dist/embed" --label "old ${rev:0:12}" \
  --embed dist/embed --label new > "$work/cold-page.txt"

python3 - "$work/results.tsv" "${rev:0:12}" "$rounds" <<'EOF'
import statistics, sys
rows = [line.rstrip('\n').split('\t') for line in open(sys.argv[1]) if line.strip()]
names = list(dict.fromkeys(name for name, _, _ in rows))
print(f"old = {sys.argv[2]}, new = working tree; medians of {sys.argv[3]} alternated rounds")
print(f"{'measure':<48} {'old':>10} {'new':>10} {'new vs old':>11}")
for name in names:
    old = statistics.median(float(v) for n, s, v in rows if n == name and s == 'old')
    new = statistics.median(float(v) for n, s, v in rows if n == name and s == 'new')
    # Throughput: higher is better; times and memory: lower is better.
    better = new / old if 'MiB/s' in name else old / new
    word = 'x faster' if 'MiB/s' in name or '(s)' in name or 'ms' in name else 'x smaller'
    print(f"{name:<48} {old:>10.3f} {new:>10.3f} {better:>6.2f}{word}")
EOF
cat "$work/cold-page.txt"
