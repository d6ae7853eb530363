#!/usr/bin/env python3
"""Builds a JSON-lines archive from article folders, for tests and benchmarks.

Each article (the corpus format, shared/spec/corpus.md) becomes one line; the
set is repeated, each copy's ids suffixed "~2", "~3" ..., until the archive
reaches --size-mb. The texts stay where they are (../shared): write the
archive to /tmp or build/, never into the repository.

usage: scripts/archive-build.py --out PATH [--size-mb MB] [--files N] [--limit N] [DIR ...]
  DIR        folders of *.json articles (default: every corpus under ../shared
             and tests/corpus, in a fixed order)
  --out      the archive: a file, or with --files N a folder of N files
             (part-000.jsonl ...), the articles dealt out in turn
  --size-mb  repeat the articles until the archive holds this many MB
             (default: each article once)
  --limit    take at most this many articles from the folders
"""
import argparse
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def default_dirs():
    shared = os.path.join(ROOT, "..", "shared")
    patterns = [
        os.path.join(shared, "corpus", "*", "articles"),
        os.path.join(ROOT, "tests", "corpus", "*", "articles"),
        os.path.join(shared, "thirdparty", "*", "*", "articles"),
    ]
    return [d for p in patterns for d in sorted(glob.glob(p))]


def read_articles(dirs, limit):
    lines = []
    for d in dirs:
        for path in sorted(glob.glob(os.path.join(d, "*.json"))):
            with open(path, "rb") as f:
                data = f.read()
            try:
                article = json.loads(data)
            except (ValueError, UnicodeDecodeError) as error:
                print(f"archive-build: skipping {path}: {error}", file=sys.stderr)
                continue
            if not isinstance(article, dict):
                continue
            article.setdefault("id", os.path.splitext(os.path.basename(path))[0])
            lines.append(article)
            if limit and len(lines) >= limit:
                return lines
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*")
    parser.add_argument("--out", required=True)
    parser.add_argument("--size-mb", type=float, default=0)
    parser.add_argument("--files", type=int, default=0)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()

    dirs = args.dirs or default_dirs()
    articles = read_articles(dirs, args.limit)
    if not articles:
        sys.exit("archive-build: no articles in " + ", ".join(dirs))
    target = int(args.size_mb * 1e6)

    if args.files:
        os.makedirs(args.out, exist_ok=True)
        outs = [open(os.path.join(args.out, f"part-{i:03d}.jsonl"), "w", encoding="utf-8") for i in range(args.files)]
    else:
        outs = [open(args.out, "w", encoding="utf-8")]
    written = count = 0
    copy = 1
    while True:
        for article in articles:
            line = article
            if copy > 1:
                line = dict(article, id=f"{article['id']}~{copy}")
            text = json.dumps(line, ensure_ascii=False) + "\n"
            outs[count % len(outs)].write(text)
            written += len(text.encode("utf-8"))
            count += 1
            if target and written >= target:
                break
        copy += 1
        if not target or written >= target:
            break
    for f in outs:
        f.close()
    print(f"archive-build: {count} articles, {written / 1e6:.1f} MB in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
