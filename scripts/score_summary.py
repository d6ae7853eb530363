#!/usr/bin/env python3
"""One line of figures from score.py --json (stdin): scripts/quality.sh's table."""
import json
import sys

name = sys.argv[1]
s = json.load(sys.stdin)


def f(x):
    return f"{x:.3f}" if isinstance(x, (int, float)) else "  -  "


def triple(key):
    return s.get(key) or [None, None, None]


cas, res = triple("casualty"), triple("responsibility")
print(f"{name:8} claims F1 {f(s['claims'][2])}  casualty F1 {f(cas[2])}  responsibility F1 {f(res[2])} (R {f(res[1])})"
      f"  flags F1 {f(s['flags'][2])}  status {f(s['status_acc'])}  source {f(s['source_acc'])}")
