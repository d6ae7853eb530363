#!/usr/bin/env bash
# The core's shape, as docs/architecture.md promises it:
#   - no file under core/src/ over 500 lines (generated files live in build/);
#   - no function over 100 lines (Universal Ctags' end lines, ctags --fields=+ne);
#   - `duplicates --repo core` reports no pair it does not mark boilerplate
#     (checked only where the duplicates command is installed).
# Exit 1 with the offenders listed. Run by ctest as core_structure.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
while read -r lines file; do
  [ "$file" = total ] && continue
  if [ "$lines" -gt 500 ]; then echo "structure: $file has $lines lines (limit 500)"; status=1; fi
done < <(find core/src -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.hpp' \) -print0 | xargs -0 wc -l)

command -v ctags >/dev/null || { echo "structure: universal-ctags is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
long=$(ctags --fields=+ne --kinds-c++=f -o - -R core/src core/include |
  awk -F'\t' '{line = ""; end = ""
    for (i = 3; i <= NF; i++) { if ($i ~ /^line:/) line = substr($i, 6); if ($i ~ /^end:/) end = substr($i, 5) }
    if (end != "" && end - line + 1 > 100) printf "structure: %s (%s:%s) has %d lines (limit 100)\n", $1, $2, line, end - line + 1}')
if [ -n "$long" ]; then echo "$long"; status=1; fi

if command -v duplicates >/dev/null; then
  pairs=$(duplicates --repo core --most 200 | grep -E '^D[0-9]+ ' | grep -v 'boilerplate' || true)
  if [ -n "$pairs" ]; then echo "structure: duplicated code in core/:"; echo "$pairs"; status=1; fi
fi
[ $status = 0 ] && echo "structure: core/src within 500 lines a file and 100 a function; no duplicated code"
exit $status
