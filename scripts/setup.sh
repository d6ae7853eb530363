#!/usr/bin/env bash
# Installs what whosays needs on a fresh Debian 12 machine, and nothing twice.
# Debian packages: the C++ toolchain, Boost (Spirit X3), nlohmann/json, iso-codes (ISO 3166
# country names, read at build time), Universal Ctags (the core's structure check),
# GoogleTest, Google Benchmark, Emscripten, Chromium and Firefox ESR (browser tests),
# clang with its libFuzzer and sanitizer runtimes (scripts/fuzz.sh), lld (the static CLI's
# layout, cli/CMakeLists.txt), Python's headers,
# pybind11, Dask and distributed (the Python module); npm packages from
# package-lock.json. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each Debian package, with the command that shows it is already there (a
# machine may have node and npm from elsewhere: then Debian's must not be
# forced in beside them).
packages=(
  "build-essential:g++" "cmake:cmake" "python3:python3" "nodejs:node" "npm:npm" "zip:zip" "universal-ctags:ctags"
  "emscripten:emcc" "chromium:chromium" "firefox-esr:firefox-esr"
  "libboost-dev:" "nlohmann-json3-dev:" "libgtest-dev:" "libbenchmark-dev:"
  "iso-codes:" "clang:clang++" "libclang-rt-14-dev:" "lld:ld.lld"
  "python3-dev:" "pybind11-dev:" "python3-dask:" "python3-distributed:" "valgrind:valgrind"
)
missing=()
for entry in "${packages[@]}"; do
  p=${entry%%:*}
  command=${entry#*:}
  if [ -n "$command" ] && command -v "$command" >/dev/null 2>&1; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Emscripten's sysroot does not see /usr/include: give it boost/ and nlohmann/ only.
mkdir -p build/em-include
for d in boost nlohmann; do
  [ -e "build/em-include/$d" ] || ln -s "/usr/include/$d" "build/em-include/$d"
done

# npm packages (playwright-core, linkedom, web-ext ...), pinned by the lock file.
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
elif [ -f package.json ]; then
  npm install --no-audit --no-fund --loglevel=error
fi
