#!/usr/bin/env bash
# The main job: install what is missing, build, and show whosays at work.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$(nproc 2>/dev/null || echo 2)" --target whosays
if [ -f web/demo/serve.mjs ]; then
  npm run build
  exec node web/demo/serve.mjs "$@"
fi
exec build/native/whosays analyze --format text ../shared/corpus/dev/articles/seed-armenia-azerbaijan.json
