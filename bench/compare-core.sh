#!/usr/bin/env bash
# The core's speed and memory against another revision, measured in one run
# (docs/performance.md): builds REV in a temporary git worktree under build/,
# builds this tree, then runs both, interleaved, several times:
#   - whosays_bench on the dev corpus (analyze/all_dev_articles), the
#     1 MiB synthetic articles (many blocks, one block) and the 64 KiB one in
#     many blocks (against 1 MiB: still linear): CPU time;
#   - the CLI as a whole process (`whosays analyze FILE`, one process per
#     article) over every dev article (ten passes), and over one 1 MiB
#     article: user + sys (getrusage, to the microsecond);
#   - peak memory (/usr/bin/time -v) of the CLI on the 1 MiB article, less
#     that on a one-line article, per byte of text.
# Prints the medians and the ratios old / new (above 1: this tree is faster).
#
#   bench/compare-core.sh [REV] [REPETITIONS]
# REV defaults to the merge base of HEAD with main; REPETITIONS to 5;
# COMPARE_CMAKE_ARGS adds options to this tree's configure (e.g.
# COMPARE_CMAKE_ARGS=-DWHOSAYS_PGO=ON). The
# worktree (build/compare-REV/src) is removed at the end unless COMPARE_KEEP=1;
# the builds (build/compare-REV/build, build/compare-head[-OPTIONS]) stay.
# The dev corpus is ../shared/corpus/dev/articles or $WHOSAYS_DEV_ARTICLES.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rev=${1:-$(git merge-base HEAD main)}
reps=${2:-5}
sha=$(git rev-parse --short "$rev")
articles=${WHOSAYS_DEV_ARTICLES:-$root/../shared/corpus/dev/articles}
[ -d "$articles" ] || { echo "compare-core: no dev articles at $articles" >&2; exit 1; }
articles=$(cd "$articles" && pwd)
export WHOSAYS_DEV_ARTICLES=$articles
[ -f scripts/env.sh ] && source scripts/env.sh

old_src=$root/build/compare-$sha/src
old_build=$root/build/compare-$sha/build
# A build directory per set of COMPARE_CMAKE_ARGS, so that options never linger in a cache.
options_suffix=$(printf '%s' "${COMPARE_CMAKE_ARGS:-}" | tr -c 'A-Za-z0-9' '_')
new_build=$root/build/compare-head${options_suffix:+-$options_suffix}
work=$(mktemp -d)
# The worktree is temporary (its build directory stays, for the next run);
# COMPARE_KEEP=1 keeps it too.
cleanup() {
  rm -rf "$work"
  if [ "${COMPARE_KEEP:-0}" != 1 ] && [ -d "$old_src" ]; then git worktree remove --force "$old_src"; fi
}
trap cleanup EXIT

# --- Build ------------------------------------------------------------------
if [ ! -d "$old_src" ]; then
  git worktree add --detach "$old_src" "$rev" >/dev/null
fi
build() {  # source dir, build dir, cmake options...
  cmake -S "$1" -B "$2" -DCMAKE_BUILD_TYPE=Release "${@:3}" >/dev/null
  cmake --build "$2" -j2 --target whosays_bench whosays >/dev/null
}
echo "compare-core: building $sha (old) and this tree (new) ..." >&2
build "$old_src" "$old_build"
# COMPARE_CMAKE_ARGS: options for this tree's build only, e.g. "-DWHOSAYS_PGO=ON".
# shellcheck disable=SC2086
build "$root" "$new_build" ${COMPARE_CMAKE_ARGS:-}

# --- Inputs -----------------------------------------------------------------
# A 1 MiB article made of the dev paragraphs, and a one-line one (the
# process's fixed cost, taken off the memory per byte).
python3 - "$articles" "$work" <<'EOF'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
paragraphs = []
for name in sorted(os.listdir(src)):
    if name.endswith('.json'):
        with open(os.path.join(src, name), encoding='utf-8') as f:
            doc = json.load(f)
        paragraphs += [b['text'] for b in doc.get('blocks', []) if b.get('kind') == 'paragraph' and b.get('text')]
blocks, size, i = [{'kind': 'title', 'text': 'A synthetic article'}], 0, 0
while size < (1 << 20):
    blocks.append({'kind': 'paragraph', 'text': paragraphs[i % len(paragraphs)]})
    size += len(paragraphs[i % len(paragraphs)].encode('utf-8'))
    i += 1
with open(os.path.join(out, 'big.json'), 'w', encoding='utf-8') as f:
    json.dump({'id': 'big', 'title': 'A synthetic article', 'blocks': blocks}, f)
with open(os.path.join(out, 'tiny.json'), 'w', encoding='utf-8') as f:
    json.dump({'id': 'tiny', 'title': 'x', 'blocks': [{'kind': 'paragraph', 'text': 'Hello.'}]}, f)
with open(os.path.join(out, 'big.bytes'), 'w') as f:
    f.write(str(size + len('A synthetic article')))
EOF
big_bytes=$(cat "$work/big.bytes")

# --- Runs, interleaved ------------------------------------------------------
filter='^(analyze/all_dev_articles|synthetic_blocks/65536|synthetic_blocks/1048576|synthetic_one_block/1048576)$'
# The children's usage is counted from the Python process's start, not from zero: a process's waited-for
# children's usage survives exec, so when `python3` is a wrapper that runs commands of its own before
# exec-ing the interpreter (pyenv's shim: about 50 ms of CPU and 6,500 page faults here), the count
# already holds them and would add that constant to both sides of every CLI ratio.
cpu_seconds() {  # command...: user + sys seconds of the whole command and its children, to the microsecond
  python3 -c '
import os, resource, subprocess, sys
def children(): usage = resource.getrusage(resource.RUSAGE_CHILDREN); return usage.ru_utime + usage.ru_stime
before = children()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{children() - before:.4f}")' "$@"
}
cli_dev() {  # whosays binary: one process per dev article, ten passes (150 processes, for a steadier median),
  # spawned straight from Python, not from a shell loop: a shell's fork for each command costs about as
  # much CPU as an empty process (docs/performance.md, "The CLI per article: how it is counted")
  python3 -c '
import glob, os, resource, subprocess, sys
def children(): usage = resource.getrusage(resource.RUSAGE_CHILDREN); return usage.ru_utime + usage.ru_stime
files = sorted(glob.glob(os.path.join(os.environ["WHOSAYS_DEV_ARTICLES"], "*.json")))
before = children()
for _ in range(10):
    for f in files:
        subprocess.run([sys.argv[1], "analyze", f], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{children() - before:.4f}")' "$1"
}
peak_kb() {  # whosays binary, article
  /usr/bin/time -v "$1" analyze "$2" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
}
for ((r = 1; r <= reps; r++)); do
  echo "compare-core: repetition $r of $reps" >&2
  for side in old new; do
    if [ $side = old ]; then dir=$old_build; else dir=$new_build; fi
    "$dir/whosays_bench" --benchmark_filter="$filter" --benchmark_format=json 2>/dev/null |
      python3 -c '
import json, sys
scale = {"ns": 1e-6, "us": 1e-3, "ms": 1, "s": 1e3}
for run in json.load(sys.stdin)["benchmarks"]:
    if run.get("run_type") != "iteration": continue  # the O(N) fit of two sizes of one case
    print(sys.argv[1], run["name"], run["cpu_time"] * scale[run["time_unit"]])' $side >> "$work/results"
    echo "$side cli/dev_articles $(cli_dev "$dir/whosays")" >> "$work/results"
    echo "$side cli/1MiB_article $(cpu_seconds "$dir/whosays" analyze "$work/big.json")" >> "$work/results"
    echo "$side memory/1MiB_article $(peak_kb "$dir/whosays" "$work/big.json")" >> "$work/results"
    echo "$side memory/one_line $(peak_kb "$dir/whosays" "$work/tiny.json")" >> "$work/results"
  done
  echo "floor cli/empty_process $(cli_dev /bin/true)" >> "$work/results"  # what 150 spawns cost with no work
done

# --- Report -----------------------------------------------------------------
python3 - "$work/results" "$big_bytes" "$sha" "$reps" <<'EOF'
import statistics, sys
path, big_bytes, sha, reps = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = {}
for line in open(path):
    side, case, value = line.split()
    runs.setdefault(case, {}).setdefault(side, []).append(float(value))
med = {case: {side: statistics.median(v) for side, v in sides.items()} for case, sides in runs.items()}
print(f"old = {sha}, new = this tree; medians of {reps} interleaved runs")
print(f"{'case (CPU time)':36} {'old':>12} {'new':>12} {'old/new':>8}")
for case in sorted(c for c in med if not c.startswith('memory/') and 'old' in med[c]):
    o, n = med[case]['old'], med[case]['new']
    unit = 's' if case.startswith('cli/') else 'ms'  # CPU time: user + sys for the CLI
    print(f"{case:36} {o:10.3f}{unit:>2} {n:10.3f}{unit:>2} {o / n:7.2f}x")
print(f"(150 spawns of /bin/true, the same way as cli/dev_articles: {med['cli/empty_process']['floor']:.3f} s)")
for side in ('old', 'new'):
    per_byte = (med['memory/1MiB_article'][side] - med['memory/one_line'][side]) * 1024 / big_bytes
    med.setdefault('per_byte', {})[side] = per_byte
    print(f"memory/{side}: peak {med['memory/1MiB_article'][side] / 1024:.1f} MiB on the 1 MiB article, "
          f"{med['memory/one_line'][side] / 1024:.1f} MiB on one line: {per_byte:.1f} bytes per byte of text")
print(f"memory per byte of text, new / old: {med['per_byte']['new'] / med['per_byte']['old']:.2f}")
EOF
