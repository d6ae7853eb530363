#!/usr/bin/env bash
# Instructions executed by one `whosays batch` process over the dev and dev2
# articles (49; ../shared/corpus), counted by valgrind's callgrind, and the
# functions that executed most of them. Unlike time on this shared 2-core
# machine, the count does not move with the load, so a step of a speed-up
# can be judged on its own (docs/performance.md); it says nothing of cache
# misses or page faults, which only time shows (bench/compare-core.sh).
#
#   bash bench/icount.sh [BINARY=build/native/whosays] [TOP=25]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/native/whosays}
top=${2:-25}
command -v valgrind >/dev/null || { echo "icount: valgrind is not installed (bash scripts/setup.sh)" >&2; exit 1; }
[ -x "$bin" ] || { echo "icount: no binary at $bin" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/articles.jsonl" <<'PY'
import json, os, sys
with open(sys.argv[1], 'w', encoding='utf-8') as out:
    for corpus in ('dev', 'dev2'):
        folder = os.path.join('..', 'shared', 'corpus', corpus, 'articles')
        if not os.path.isdir(folder):
            sys.exit(f'icount: no articles at {folder}')
        for name in sorted(os.listdir(folder)):
            if name.endswith('.json'):
                with open(os.path.join(folder, name), encoding='utf-8') as f:
                    out.write(json.dumps(json.load(f)) + '\n')
PY
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
  "$bin" batch -j 1 "$work/articles.jsonl" -o /dev/null --progress=never 2>&1 | grep -E 'Collected' | sed 's/^==[0-9]*== //'
callgrind_annotate "$work/callgrind.out" 2>/dev/null | sed -n '/file:function/,$p' | sed -n "3,$((top + 2))p" | sed -E 's/ \[[^]]*\]$//' | cut -c1-150
