#!/usr/bin/env bash
# CI's fuzzing step: builds the libFuzzer targets (clang, ASan + UBSan) in
# build/fuzz and runs each one for FUZZ_SECONDS (default 60) from a seed corpus.
#
#   bash scripts/fuzz.sh            # every fuzzer, 60 s each
#   FUZZ_SECONDS=10 bash scripts/fuzz.sh analyze_fuzzer
#
# Seeds, assembled in build/fuzz/seeds/<fuzzer>/ at each run (never committed):
# the hostile inputs checked in under core/fuzz/seeds/, the project's own
# articles (tests/corpus/own*/articles, tests/fixtures) and, where the shared
# dev corpus is present, its articles (copied into build/ only: their text
# must not enter the repository). analyze_fuzzer reads blocks split at NUL,
# so each article becomes its block texts joined by NUL bytes; quantity_fuzzer
# gets one seed per paragraph.
#
# A crash, a sanitizer report or a timeout fails the step, and libFuzzer's
# reproducer (crash-*, timeout-*, oom-*) stays in build/fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
fuzzers=("$@")
((${#fuzzers[@]})) || fuzzers=(quantity_fuzzer analyze_fuzzer)

cxx=${WHOSAYS_FUZZ_CXX:-clang++}
command -v "$cxx" >/dev/null || { echo "fuzz: $cxx not found (bash scripts/setup.sh installs clang)" >&2; exit 1; }
cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
  -DWHOSAYS_FUZZ=ON -DWHOSAYS_TESTS=OFF -DWHOSAYS_BENCH=OFF >/dev/null
cmake --build build/fuzz -j 2 --target "${fuzzers[@]}"

seeds=build/fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds" build/fuzz/artifacts
articles=(tests/corpus/own*/articles tests/fixtures)
[ -d ../shared/corpus/dev/articles ] && articles+=(../shared/corpus/dev/articles)
python3 - "$seeds" "${articles[@]}" <<'EOF'
import json, os, sys, glob
out, folders = sys.argv[1], sys.argv[2:]
os.makedirs(f'{out}/analyze_fuzzer', exist_ok=True)
os.makedirs(f'{out}/quantity_fuzzer', exist_ok=True)
count = 0
for folder in folders:
    for path in sorted(glob.glob(os.path.join(folder, '*.json'))):
        try:
            blocks = json.load(open(path, encoding='utf-8'))['blocks']
        except (ValueError, KeyError, TypeError):
            continue
        texts = [b['text'] for b in blocks if isinstance(b, dict) and isinstance(b.get('text'), str)]
        name = os.path.basename(os.path.dirname(os.path.dirname(path))) + '-' + os.path.basename(path)[:-5]
        open(f'{out}/analyze_fuzzer/{name}', 'wb').write('\0'.join(texts).encode('utf-8'))
        for i, text in enumerate(texts[:6]):
            open(f'{out}/quantity_fuzzer/{name}-{i}', 'wb').write(text.encode('utf-8'))
        count += 1
print(f'fuzz: seeds from {count} articles', file=sys.stderr)
EOF
cp core/fuzz/seeds/analyze/* "$seeds/analyze_fuzzer/"
cp core/fuzz/seeds/quantity/* "$seeds/quantity_fuzzer/"

for fuzzer in "${fuzzers[@]}"; do
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
           -artifact_prefix=build/fuzz/artifacts/"$fuzzer"-)
  case $fuzzer in
    quantity_fuzzer) options+=(-dict=core/fuzz/quantity.dict -max_len=4096) ;;
    analyze_fuzzer) options+=(-max_len=16384) ;;
  esac
  # New inputs go to a scratch folder, so the seed folder stays as assembled.
  rm -rf "build/fuzz/found/$fuzzer"
  mkdir -p "build/fuzz/found/$fuzzer"
  echo "fuzz: $fuzzer for ${seconds} s"
  log=build/fuzz/$fuzzer.log
  set +e
  # shellcheck disable=SC2086 # FUZZ_OPTIONS: extra libFuzzer flags, split on spaces
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "build/fuzz/core/fuzz/$fuzzer" "${options[@]}" ${FUZZ_OPTIONS:-} "build/fuzz/found/$fuzzer" "$seeds/$fuzzer" >"$log" 2>&1
  status=$?
  set -e
  grep -E '^(INFO: seed corpus|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log" >&2
    echo "fuzz: $fuzzer failed (exit $status); its log is $log, the reproducer in build/fuzz/artifacts/" >&2
    exit 1
  fi
done
