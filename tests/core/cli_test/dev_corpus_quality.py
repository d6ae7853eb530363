#!/usr/bin/env python3
"""Quality gate on a corpus: runs `whosays eval --json` and fails when a
figure falls below its floor. The corpus is the dev corpus under SHARED_DIR,
or ARTICLES and GOLD when given (the project's own corpus, tests/corpus/own).

usage: dev_corpus_quality.py WHOSAYS_BINARY SHARED_DIR [ARTICLES GOLD]

Exits 77 (ctest's SKIP_RETURN_CODE) when SHARED_DIR has no dev corpus or
scorer, 1 when a figure is below its floor or eval fails, 0 otherwise.
"""
import json
import os
import subprocess
import sys

# The floors the project promises on the dev corpus.
FLOORS = {
    "claims F1": (lambda s: s["claims"][2], 0.85),
    "flags F1": (lambda s: s["flags"][2], 0.80),
    "status accuracy": (lambda s: s["status_acc"], 0.85),
    "source accuracy": (lambda s: s["source_acc"], 0.80),
}
SKIP = 77


def main():
    if len(sys.argv) not in (3, 5):
        print(__doc__, file=sys.stderr)
        return 2
    whosays, shared = sys.argv[1], sys.argv[2]
    articles = os.path.join(shared, "corpus", "dev", "articles")
    gold = os.path.join(shared, "corpus", "dev", "gold")
    if len(sys.argv) == 5:
        articles, gold = sys.argv[3], sys.argv[4]
    scorer = os.path.join(shared, "tools", "score.py")
    if not (os.path.isdir(articles) and os.path.isdir(gold) and os.path.isfile(scorer)):
        print(f"skip: no dev corpus and scorer under {shared}")
        return SKIP

    run = subprocess.run(
        [whosays, "eval", "--articles", articles, "--gold", gold, "--scorer", scorer, "--json"],
        capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        print(f"whosays eval failed (exit status {run.returncode}):\n{run.stderr}{run.stdout}")
        return 1
    try:
        summary = json.loads(run.stdout)
    except json.JSONDecodeError as error:
        print(f"the scorer's output is not JSON ({error}):\n{run.stdout}")
        return 1

    below = []
    for name, (figure, floor) in FLOORS.items():
        value = figure(summary)
        mark = "ok " if value >= floor else "LOW"
        print(f"{mark} {name:16} {value:.3f} (floor {floor:.2f})")
        if value < floor:
            below.append(name)
    if below:
        print(f"below the floor: {', '.join(below)}")
        print(f"see the misses with: {whosays} eval --articles {articles} --gold {gold} --scorer {scorer} -v")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
