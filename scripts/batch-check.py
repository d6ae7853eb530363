#!/usr/bin/env python3
"""Checks `whosays batch` output against one `whosays analyze` per article.

For every non-blank line of ARCHIVE (or every K-th with --every K), runs
`whosays analyze` on that line alone and requires the batch record to be
exactly '{"id":ID,' followed by analyze's output from its "{" on; where
analyze refuses the line, the record must be an error record for that line
number. A line that repeats an earlier line's article with another id (as
scripts/archive-build.py's copies do) must have that line's record, id
aside: one analyze run serves both. Also checks that RECORDS has one record per non-blank line, in order.
Exits 1 on the first mismatches (listing up to 10), 0 when all agree.

usage: scripts/batch-check.py ARCHIVE RECORDS WHOSAYS [--every K] [--jobs N]
"""
import argparse
import concurrent.futures
import hashlib
import json
import os
import subprocess
import sys
import tempfile


def input_lines(path):
    """(line number, bytes) of every non-blank line, as batch numbers them."""
    with open(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            line = raw.rstrip(b"\n")
            if line.endswith(b"\r"):
                line = line[:-1]
            if line.strip(b" \t\r"):
                yield number, line


def analyze_alone(whosays, line):
    """What `whosays analyze` says of this line alone: (ok, stdout bytes)."""
    try:
        article = json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError):
        article = None
    if isinstance(article, dict) and "blocks" not in article and isinstance(article.get("text"), str):
        # A plain {"id", "text"} line: batch reads its text as analyze reads a .txt file.
        suffix, data = ".txt", article["text"].encode("utf-8")
    else:
        suffix, data = ".json", line  # a .json file is always read as JSON
    with tempfile.NamedTemporaryFile("wb", suffix=suffix, delete=False) as f:
        f.write(data)
        name = f.name
    try:
        run = subprocess.run([whosays, "analyze", name], capture_output=True)
    finally:
        os.unlink(name)
    return run.returncode == 0, run.stdout.rstrip(b"\n")


def expected_id(line):
    """The id batch should print, as JSON bytes."""
    try:
        article = json.loads(line)
        value = article.get("id") if isinstance(article, dict) else None
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None  # unreadable: batch may still find a leading id, so do not insist
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        value = None
    return value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("archive")
    parser.add_argument("records")
    parser.add_argument("whosays")
    parser.add_argument("--every", type=int, default=1)  # check every K-th line only
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()

    lines = list(input_lines(args.archive))
    with open(args.records, "rb") as f:
        records = f.read().split(b"\n")
    if records and records[-1] == b"":
        records.pop()
    problems = []
    if len(records) != len(lines):
        problems.append(f"{len(records)} records for {len(lines)} non-blank lines")

    def check(index):
        number, line = lines[index]
        record = records[index] if index < len(records) else b""
        ok, out = analyze_alone(args.whosays, line)
        try:
            parsed = json.loads(record)
        except ValueError:
            return f"line {number}: record is not JSON: {record[:120]!r}"
        if ok:
            head = b'{"id":' + json.dumps(parsed.get("id"), ensure_ascii=False, separators=(",", ":")).encode() + b","
            if record != head + out[1:]:
                return f"line {number}: batch and analyze differ: {record[:120]!r} vs {out[:120]!r}"
            want = expected_id(line)
            if parsed.get("id") != want and want is not None:
                return f"line {number}: id {parsed.get('id')!r}, expected {want!r}"
        else:
            if "error" not in parsed or parsed.get("line") != number:
                return f"line {number}: analyze refuses it but batch gave {record[:120]!r}"
        return None

    # A line whose article, id aside, was seen before (the benchmark's archive
    # repeats its articles with new ids) is checked against that line's
    # record, which is checked against analyze: the same verdict, one run.
    indices = range(0, min(len(lines), len(records)), max(1, args.every))
    first_of = {}
    to_run, repeats = [], []
    for index in indices:
        key = article_key(lines[index][1])
        if key is not None and key in first_of:
            repeats.append((index, first_of[key]))
        else:
            if key is not None:
                first_of[key] = index
            to_run.append(index)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for problem in pool.map(check, to_run):
            if problem:
                problems.append(problem)
    for index, first in repeats:
        mine, theirs = without_id(records[index]), without_id(records[first])
        if mine is None or theirs is None or b'"error":' in theirs[:12]:
            problem = check(index)  # an error record, or no id: the full check
        elif mine != theirs:
            problem = f"line {lines[index][0]}: differs from line {lines[first][0]}, the same article"
        else:
            problem = None
        if problem:
            problems.append(problem)
    errors = sum(1 for r in records if "error" in json.loads(r))
    for p in problems[:10]:
        print("batch-check: " + p, file=sys.stderr)
    if problems:
        print(f"batch-check: {len(problems)} problem(s)", file=sys.stderr)
        sys.exit(1)
    print(f"batch-check: {len(indices)} of {len(lines)} lines checked, all identical to whosays analyze of "
          f"their line: {len(to_run)} by running it, {len(repeats)} as repeats (id aside) of a line so checked "
          f"({errors} error records)")


def article_key(line):
    """A digest of the article without its id; None when it cannot be read."""
    try:
        article = json.loads(line)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(article, dict) or "id" not in article:
        return None
    article = dict(article)
    del article["id"]
    text = json.dumps(article, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def without_id(record):
    """A record's bytes after its '{"id":ID,' head; None when it has no such head."""
    try:
        parsed = json.loads(record)
    except ValueError:
        return None
    head = b'{"id":' + json.dumps(parsed.get("id"), ensure_ascii=False, separators=(",", ":")).encode() + b","
    return record[len(head):] if record.startswith(head) else None

if __name__ == "__main__":
    main()
