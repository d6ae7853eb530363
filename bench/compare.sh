#!/usr/bin/env bash
# The issue's native ratios, measured in one run against a build of another
# revision: the working tree ("new") against REV ("old"), both built here in
# Release, their runs alternated so that the shared machine's load falls on
# both alike.
#
#   bash bench/compare.sh REV [ROUNDS]       # e.g. bash bench/compare.sh main 5
#   WHOSAYS_COMPARE_WEB=1 bash bench/compare.sh REV   # also the wasm engine in node
#
# Prints, each as old, new and new/old speed-up (medians of ROUNDS, default 5):
# - analyze() on every dev article and on a 1 MiB article (whosays_bench:
#   analyze/all_dev_articles, synthetic_blocks/1048576 and /65536, whose
#   ratio shows the time still grows linearly);
# - the CLI as a whole process (`whosays analyze`) on the 1 MiB article and
#   on every dev article in turn;
# - peak memory (maximum resident set, /usr/bin/time) of the CLI on the 1 MiB
#   article, as bytes per byte of text above its footprint on a tiny article;
# - with WHOSAYS_COMPARE_WEB=1, bench/wasm-bench.mjs (CPU ms per dev
#   article in node) for both builds of dist/engine, then bench/cold-page.mjs
#   in Chromium with both builds of dist/embed (its own table, 2 x ROUNDS loads).
#
# REV is exported with git archive into build/compare/<commit>/ (no worktree,
# no change to any checkout) and built there; a second run reuses that build.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bash bench/compare.sh REV [ROUNDS]" >&2; exit 2; }
rev=$(git rev-parse --verify "$1^{commit}")
rounds=${2:-5}
root=$PWD
source scripts/env.sh

old=build/compare/${rev:0:12}
if [ ! -x "$old/build/whosays_bench" ]; then
  rm -rf "$old"
  mkdir -p "$old/src"
  git archive "$rev" | tar -x -C "$old/src"
  echo "compare: building ${rev:0:12} in $old" >&2
  cmake -S "$old/src" -B "$old/build" -DCMAKE_BUILD_TYPE=Release -DWHOSAYS_TESTS=OFF >/dev/null
  cmake --build "$old/build" -j 2 --target whosays whosays_bench >/dev/null
fi
echo "compare: building the working tree in build/native" >&2
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j 2 --target whosays whosays_bench >/dev/null

articles=${WHOSAYS_DEV_ARTICLES:-../shared/corpus/dev/articles}
[ -d "$articles" ] || { echo "compare: no dev corpus at $articles (set WHOSAYS_DEV_ARTICLES)" >&2; exit 1; }
articles=$(cd "$articles" && pwd)

# The 1 MiB article: the dev paragraphs repeated (kept in build/, never committed).
work=build/compare/work
mkdir -p "$work"
python3 - "$articles" "$work" <<'EOF'
import json, glob, os, sys
articles, work = sys.argv[1], sys.argv[2]
paragraphs = [b['text'] for f in sorted(glob.glob(os.path.join(articles, '*.json')))
              for b in json.load(open(f, encoding='utf-8'))['blocks'] if b['kind'] == 'paragraph' and b['text']]
blocks, size, i = [{'kind': 'title', 'text': 'A synthetic article'}], 0, 0
while size < 1 << 20:
    text = paragraphs[i % len(paragraphs)]
    blocks.append({'kind': 'paragraph', 'text': text})
    size += len(text.encode('utf-8'))
    i += 1
json.dump({'blocks': blocks}, open(os.path.join(work, 'big.json'), 'w'))
json.dump({'blocks': blocks[:2]}, open(os.path.join(work, 'tiny.json'), 'w'))
open(os.path.join(work, 'big.bytes'), 'w').write(str(size))
EOF

filter='^(analyze/all_dev_articles|synthetic_blocks/1048576|synthetic_blocks/65536)$'
: > "$work/results.tsv"
rm -f "$work/cold-page.txt"
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$work/results.tsv"; }

# Seconds of wall time for one command.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

cli_corpus() {
  local binary=$1 file
  for file in "$articles"/*.json; do "$binary" analyze "$file" >/dev/null; done
}

for ((round = 1; round <= rounds; ++round)); do
  echo "compare: round $round of $rounds" >&2
  for side in old new; do
    if [ $side = old ]; then dir=$old/build; else dir=build/native; fi
    "$dir/whosays_bench" --articles "$articles" --benchmark_filter="$filter" --benchmark_format=json \
      --benchmark_min_time=0.5 2>/dev/null > "$work/bench-$side.json"
    python3 - "$work/bench-$side.json" "$side" >> "$work/results.tsv" <<'EOF'
import json, sys
for b in json.load(open(sys.argv[1]))['benchmarks']:
    if b.get('run_type') == 'iteration':
        print(f"{b['name']} (MiB/s)\t{sys.argv[2]}\t{b['bytes_per_second'] / 2**20:.4f}")
EOF
    record "cli 1 MiB article (s)" $side "$(seconds "$dir/whosays" analyze "$work/big.json")"
    record "cli every dev article (s)" $side "$(seconds cli_corpus "$dir/whosays")"
    big=$( { /usr/bin/time -f '%M' "$dir/whosays" analyze "$work/big.json" >/dev/null; } 2>&1 | tail -n 1)
    tiny=$( { /usr/bin/time -f '%M' "$dir/whosays" analyze "$work/tiny.json" >/dev/null; } 2>&1 | tail -n 1)
    record "cli peak memory (B per B of text)" $side "$(echo "($big - $tiny) * 1024 / $(cat "$work/big.bytes")" | bc -l)"
  done
done

if [ "${WHOSAYS_COMPARE_WEB:-0}" = 1 ]; then
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
fi

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
if [ "${WHOSAYS_COMPARE_WEB:-0}" = 1 ]; then cat "$work/cold-page.txt"; fi
