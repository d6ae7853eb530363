#!/usr/bin/env bash
# The analyzer's output on every article the project can read (see
# scripts/corpus-run.sh), as one SHA-256 per article in
# tests/baseline/outputs.sha256. A refactoring must leave it byte-identical;
# a rule change re-records it in the same commit (the diff shows which
# articles changed).
#   scripts/baseline.sh record [WHOSAYS]   write the manifest from this build
#   scripts/baseline.sh check [WHOSAYS]    compare this build with the manifest
#                                          (exit 1 and a list of the articles that differ)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: scripts/baseline.sh record|check [WHOSAYS]}
manifest=tests/baseline/outputs.sha256
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scripts/corpus-run.sh "$tmp/out" "${2:-build/native/whosays}"
(cd "$tmp/out" && find . -type f | LC_ALL=C sort | xargs sha256sum) > "$tmp/now"
case $mode in
  record)
    mkdir -p "$(dirname "$manifest")"
    cp "$tmp/now" "$manifest"
    echo "baseline: recorded $(wc -l < "$manifest") outputs in $manifest" ;;
  check)
    [ -f "$manifest" ] || { echo "baseline: no $manifest (run record first)" >&2; exit 1; }
    if diff <(awk '{print $2, $1}' "$manifest") <(awk '{print $2, $1}' "$tmp/now") > "$tmp/diff"; then
      echo "baseline: $(wc -l < "$manifest") outputs identical"
    else
      echo "baseline: outputs differ from $manifest:" >&2
      grep '^[<>]' "$tmp/diff" | awk '{print $2}' | sort -u | head -50 >&2
      echo "baseline: $(grep -c '^>' "$tmp/diff" || true) outputs new or changed" >&2
      exit 1
    fi ;;
  *) echo "usage: scripts/baseline.sh record|check [WHOSAYS]" >&2; exit 2 ;;
esac
