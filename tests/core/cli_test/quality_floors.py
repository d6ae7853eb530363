#!/usr/bin/env python3
"""Quality floors on dev2 and the third-party dev sets (issue 9): runs
scripts/quality.sh with the built analyzer and fails when a figure falls
below its floor. The floors are the figures the rules reach today, a little
rounded down, so that a change that loses ground on unseen text fails here;
the issue's own targets are in docs/quality.md with the distance still to go.

usage: quality_floors.py WHOSAYS_BINARY SHARED_DIR

Exits 77 (ctest's SKIP_RETURN_CODE) when SHARED_DIR has no dev2 corpus or
third-party sets, 1 when a figure is below its floor, 0 otherwise.
"""
import os
import re
import subprocess
import sys

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

# (name, regex over quality.sh's output, floor)
FLOORS = [
    ("dev2 claims F1", r"^dev2 .*claims F1 ([0-9.]+)", 0.93),
    ("dev2 responsibility F1", r"^dev2 .*responsibility F1 ([0-9.]+)", 0.82),
    ("dev2 flags F1", r"^dev2 .*flags F1 ([0-9.]+)", 0.93),
    ("dev2 status", r"^dev2 .*status ([0-9.]+)", 0.96),
    ("dev2 source", r"^dev2 .*source ([0-9.]+)", 0.93),
    ("WikiEvents casualty recall", r"^wikievents\s+casualty .*recall trigger ([0-9.]+)", 0.95),
    ("WikiEvents responsibility recall", r"^wikievents\s+responsibility .*recall trigger ([0-9.]+)", 0.75),
    ("WikiEvents agent", r"^wikievents\s+responsibility .*agent ([0-9.]+)", 0.80),
    ("MUC-4 tst1 agent recall", r"^muc4 tst1 .*responsibility: .*recall \(agent named\) ([0-9.]+)", 0.70),
    ("MUC-4 tst2 agent recall", r"^muc4 tst2 .*responsibility: .*recall \(agent named\) ([0-9.]+)", 0.63),
    ("MUC-4 tst1+tst2 agent recall", r"^muc4 tst1\+tst2 .*recall \(agent named\) ([0-9.]+)", 0.65),
    ("MUC-4 dev agent recall", r"^muc4 dev .*responsibility: .*recall \(agent named\) ([0-9.]+)", 0.60),
    ("PolNeAR dev status", r"^polnear dev .*status acc ([0-9.]+)", 0.80),
    ("CASE ATTRIB recall", r"^case\s+ATTRIB .*responsibility recall ([0-9.]+)", 0.80),
]
# (name, regex, ceiling): figures that must stay low.
CEILINGS = [
    ("MUC-4 tst1 suspicion stated as fact", r"^muc4 tst1 .*suspicion stated as fact ([0-9.]+)", 0.20),
    ("MUC-4 tst2 suspicion stated as fact", r"^muc4 tst2 .*suspicion stated as fact ([0-9.]+)", 0.20),
    ("WikiEvents unsupported casualty", r"^wikievents\s+predicted casualty .*unsupported ([0-9.]+)", 0.15),
    ("CASE quiet types with a claim", r"^case\s+violent .*quiet \d+: with a claim ([0-9.]+)", 0.10),
]


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    whosays, shared = os.path.abspath(sys.argv[1]), sys.argv[2]
    needed = [os.path.join(shared, "corpus", "dev2", "gold"), os.path.join(shared, "thirdparty", "tools")]
    if not all(os.path.isdir(path) for path in needed):
        print(f"skip: no dev2 corpus or third-party sets under {shared}")
        return SKIP
    run = subprocess.run(["bash", os.path.join(ROOT, "scripts", "quality.sh"), whosays], cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    output = run.stdout
    failed = []
    for name, pattern, limit, below in [(n, p, f, True) for n, p, f in FLOORS] + [(n, p, c, False) for n, p, c in CEILINGS]:
        found = re.search(pattern, output, re.M)
        if not found:
            print(f"MISSING {name}: no line matches {pattern!r}")
            failed.append(name)
            continue
        value = float(found.group(1))
        ok = value >= limit if below else value <= limit
        print(f"{'ok ' if ok else 'BAD'} {name:34} {value:.3f} ({'floor' if below else 'ceiling'} {limit:.2f})")
        if not ok:
            failed.append(name)
    if failed:
        print(output)
        print(f"outside the limits: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
