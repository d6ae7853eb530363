#!/usr/bin/env bash
# Every quality figure in one table: the project's corpora (dev, dev2 and the
# own corpora, scored by ../shared/tools/score.py) and the third-party dev
# sets (scored by their own scorers). Run after every rule change; a change
# that lifts one set and lowers another is a fit, not a fix.
# usage: scripts/quality.sh [WHOSAYS] [OUT]   (OUT keeps the predictions; default a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/native/whosays}
out=${2:-$(mktemp -d)}
scripts/corpus-run.sh "$out" "$bin" 2>/dev/null
score() {  # name articles gold
  python3 ../shared/tools/score.py --articles "$2" --gold "$3" --pred "$out/$1" --json 2>/dev/null |
    python3 scripts/score_summary.py "$1"
}
for d in ../shared/corpus/*/ tests/corpus/*/; do
  name=$(basename "$d")
  [ -d "$d/articles" ] && [ -d "$d/gold" ] && score "$name" "$d/articles" "$d/gold"
done
tp=../shared/thirdparty
python3 $tp/tools/score_wikievents.py --articles $tp/wikievents/dev/articles --gold $tp/wikievents/dev/gold --pred "$out/tp/wikievents/dev" |
  awk '/^casualty |^responsibility |^predicted casualty/ {print "wikievents  " $0}'
for split in dev tst1 tst2; do
  python3 $tp/tools/score_muc4.py --articles $tp/muc4/$split/articles --gold $tp/muc4/$split/gold --pred "$out/tp/muc4/$split" |
    awk -v s=$split '/^\[core\] (responsibility|confidence)/ {print "muc4 " s "  " $0}'
done | tee "$out/muc4.txt"
# The issue's figure: tst1 and tst2 together, incidents weighted by count.
awk '/^muc4 tst[12] .*responsibility: / {
       for (i = 1; i <= NF; ++i) { if ($i == "incidents,") n = $(i - 1); if ($i == "named)") r = $(i + 1) }
       found += r * n; total += n }
     END { if (total) printf "muc4 tst1+tst2  [core] responsibility: %d incidents, recall (agent named) %.3f\n", total, found / total }' "$out/muc4.txt"
python3 $tp/tools/score_polnear.py --articles $tp/polnear/dev/articles --gold $tp/polnear/dev/gold --pred "$out/tp/polnear/dev" |
  awk '/^claims/ {print "polnear dev  " $0}'
python3 $tp/tools/score_case2021.py --articles $tp/case2021/test/articles --gold $tp/case2021/test/gold --pred "$out/tp/case2021/test" |
  awk '/^ATTRIB|^violent/ {print "case  " $0}'
