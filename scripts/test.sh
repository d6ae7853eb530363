#!/usr/bin/env bash
# Every test whosays has: set-up, native build + GoogleTest (ctest), the Python
# module's unittest suite, the dev corpus figures, the wasm/JavaScript build and the node + Chromium tests.
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

# Quality on the dev corpus (figures only; thresholds are asserted by a ctest).
if [ -d ../shared/corpus/dev ]; then
  build/native/whosays eval --articles ../shared/corpus/dev/articles --gold ../shared/corpus/dev/gold | tail -n 8
fi

if [ -f package.json ] && grep -q '"build"' package.json; then
  npm run build
  npm run test:js
fi
