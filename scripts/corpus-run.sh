#!/usr/bin/env bash
# Runs the analyzer over every article the project can read and lays the
# output out as OUT/<set>/<article>.json, one file per article:
#   dev, dev2            ../shared/corpus/<set>/articles
#   own, own2, ...       tests/corpus/<set>/articles
#   fixtures             tests/fixtures/*.json
#   tp/<dataset>/<split> ../shared/thirdparty/<dataset>/<split>/articles
# usage: scripts/corpus-run.sh OUT [WHOSAYS]   (WHOSAYS: build/native/whosays)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/corpus-run.sh OUT [WHOSAYS]}
bin=$(realpath "${2:-build/native/whosays}")
[ -x "$bin" ] || { echo "corpus-run: no analyzer at $bin (build it first)" >&2; exit 1; }
mkdir -p "$out"
out=$(realpath "$out")

sets=()   # "name<TAB>folder of articles"
for d in ../shared/corpus/*/articles; do [ -d "$d" ] && sets+=("$(basename "$(dirname "$d")")	$d"); done
for d in tests/corpus/*/articles; do [ -d "$d" ] && sets+=("$(basename "$(dirname "$d")")	$d"); done
sets+=("fixtures	tests/fixtures")
for d in ../shared/thirdparty/*/*/articles; do
  [ -d "$d" ] || continue
  split=$(dirname "$d"); sets+=("tp/$(basename "$(dirname "$split")")/$(basename "$split")	$d")
done

for entry in "${sets[@]}"; do
  name=${entry%%	*}; dir=${entry#*	}
  mkdir -p "$out/$name"
  find "$dir" -maxdepth 1 -name '*.json' -print0 |
    xargs -0 -r -n 50 -P "$(nproc 2>/dev/null || echo 2)" sh -c '
      bin=$1; dest=$2; shift 2
      for f do
        b=$(basename "$f")
        "$bin" analyze "$f" > "$dest/$b" 2> "$dest/$b.err" || true
        [ -s "$dest/$b.err" ] || rm -f "$dest/$b.err"
      done' sh "$bin" "$out/$name"
done
echo "corpus-run: $(find "$out" -name '*.json' | wc -l) articles analysed into $out" >&2
