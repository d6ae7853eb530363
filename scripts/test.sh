#!/usr/bin/env bash
# Every test whosays has: set-up, native build + GoogleTest (ctest), the same
# suites built with ASan + UBSan, each fuzzer for 60 s, the Python module's
# unittest suite, the dev corpus figures, the wasm/JavaScript build and the
# node + Chromium tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$jobs"
ctest --test-dir build/native --output-on-failure -j "$jobs" -LE python

# The Python package (python/, docs/batch.md) with Python's unittest, on the
# interpreter CMake built it for (Debian's, where python3-dask lives).
python=$(sed -n 's/^Python3_EXECUTABLE:[A-Z]*=//p' build/native/CMakeCache.txt)
PYTHONPATH=build/native/python:tests/python WHOSAYS_BINARY=build/native/whosays WHOSAYS_BUILD_DIR=build/native \
  "${python:-/usr/bin/python3}" -m unittest discover -s tests/python

# AddressSanitizer + UndefinedBehaviorSanitizer: every ctest test again (the
# GoogleTest suites, the CLI and the corpus gates through the instrumented
# CLI), built apart in build/sanitize. Any report fails the test.
cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWHOSAYS_SANITIZE=ON -DWHOSAYS_BENCH=OFF >/dev/null
cmake --build build/sanitize -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/sanitize --output-on-failure -j "$jobs" -LE "python|thirdparty"

# libFuzzer (clang, ASan + UBSan): each fuzzer for FUZZ_SECONDS (60) from its
# seed corpus: hostile inputs in core/fuzz/seeds/ and the articles at hand.
bash scripts/fuzz.sh

# Quality on the dev corpus (figures only; thresholds are asserted by a ctest).
if [ -d ../shared/corpus/dev ]; then
  build/native/whosays eval --articles ../shared/corpus/dev/articles --gold ../shared/corpus/dev/gold | tail -n 8
fi

if [ -f package.json ] && grep -q '"build"' package.json; then
  npm run build
  npm run test:js
fi
