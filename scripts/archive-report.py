#!/usr/bin/env python3
"""The archive report: from `whosays batch` records, a table per outlet of
claims by status and the share of casualty figures with a named source, as
CSV and as a small HTML page with a chart (docs/batch.md).

usage: scripts/archive-report.py RECORDS OUT [--articles ARCHIVE]
  RECORDS    the batch output (JSON lines; '-' for standard input)
  OUT        a folder: OUT/outlets.csv and OUT/outlets.html
  --articles the batch input, read in step with the records (batch writes one
             record per non-blank line, in order) to find each article's
             outlet: its "outlet" or "source" field, else its "url"'s host
             (without "www."), else its id's prefix before the first "-"
             ("wikinews-2019-016" -> "wikinews"). Without --articles, the id's
             prefix; an id with no "-" counts under "(unknown)".

A casualty figure is a quantity in a casualty claim; it has a named source
when its claim is attributed to a source the text names. Streams both files:
memory grows with the number of outlets, not of articles. Standard library only.
"""
import argparse
import csv
import html
import json
import os
import sys
from urllib.parse import urlsplit

COLUMNS = ["outlet", "articles", "errors", "claims", "attributed", "vague", "unattributed",
           "casualty_figures", "named_figures", "named_share"]


def id_prefix(value):
    if isinstance(value, str) and "-" in value.strip("-"):
        return value.strip("-").split("-", 1)[0]
    return "(unknown)"


def outlet_of(article):
    """The outlet of an article dict (see the module's doc)."""
    for field in ("outlet", "source"):
        if isinstance(article.get(field), str) and article[field].strip():
            return article[field].strip()
    url = article.get("url")
    if isinstance(url, str) and url:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
        if host:
            return host[4:] if host.startswith("www.") else host
    return id_prefix(article.get("id"))


def non_blank_lines(stream):
    for raw in stream:
        line = raw.rstrip(b"\r\n")
        if line.strip(b" \t\r"):
            yield line


def outlets_of_archive(path):
    with open(path, "rb") as f:
        for line in non_blank_lines(f):
            try:
                article = json.loads(line)
            except (ValueError, UnicodeDecodeError, RecursionError):
                article = None
            yield outlet_of(article) if isinstance(article, dict) else "(unreadable)"


def build_table(records, outlets):
    table = {}
    for number, line in enumerate(records, start=1):
        try:
            record = json.loads(line)
        except (ValueError, UnicodeDecodeError, RecursionError):
            sys.exit(f"archive-report: record {number} is not JSON")
        if outlets is not None:
            outlet = next(outlets, None)
            if outlet is None:
                sys.exit(f"archive-report: more records than articles (record {number}); "
                         "--articles must be the batch's input")
        else:
            outlet = id_prefix(record.get("id"))
        row = table.setdefault(outlet, dict.fromkeys(COLUMNS[1:-1], 0))
        row["articles"] += 1
        if "error" in record:
            row["errors"] += 1
            continue
        for claim in record.get("claims", ()):
            row["claims"] += 1
            status = claim.get("status")
            if status in ("attributed", "vague", "unattributed"):
                row[status] += 1
            if "casualty" in claim.get("kinds", ()):
                figures = len(claim.get("quantities") or ())
                row["casualty_figures"] += figures
                if status == "attributed" and claim.get("source"):
                    row["named_figures"] += figures
    if outlets is not None and next(outlets, None) is not None:
        sys.exit("archive-report: fewer records than articles; --articles must be the batch's input")
    rows = []
    for outlet, row in table.items():
        share = row["named_figures"] / row["casualty_figures"] if row["casualty_figures"] else None
        rows.append(dict(row, outlet=outlet, named_share="" if share is None else f"{share:.3f}"))
    rows.sort(key=lambda r: (-r["articles"], r["outlet"]))
    return rows


STATUS_COLOURS = [("attributed", "#2e7d32"), ("vague", "#f9a825"), ("unattributed", "#c62828")]


def chart(rows):
    """An inline SVG: per outlet, its claims by status as one 100% bar."""
    bar, label, gap = 18, 190, 8
    width = label + 420 + 90
    height = len(rows) * (bar + gap) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'role="img" aria-label="Claims by status per outlet">']
    for i, row in enumerate(rows):
        y = i * (bar + gap)
        parts.append(f'<text x="{label - 6}" y="{y + 13}" text-anchor="end">{html.escape(row["outlet"])}</text>')
        x = float(label)
        for status, colour in STATUS_COLOURS:
            w = 420 * row[status] / row["claims"] if row["claims"] else 0
            if w > 0:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}">'
                             f'<title>{status}: {row[status]}</title></rect>')
            x += w
        share = row["named_share"]
        note = f"{float(share) * 100:.0f}% named" if share != "" else "no figures"
        parts.append(f'<text x="{label + 426}" y="{y + 13}">{note}</text>')
    legend_y = len(rows) * (bar + gap) + 14
    x = label
    for status, colour in STATUS_COLOURS:
        parts.append(f'<rect x="{x}" y="{legend_y - 10}" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14}" y="{legend_y}">{status}</text>')
        x += 110
    parts.append("</svg>")
    return "\n".join(parts)


def write_html(path, rows):
    head = "".join(f"<th>{html.escape(c.replace('_', ' '))}</th>" for c in COLUMNS)
    body = "\n".join("<tr>" + "".join(f"<td>{html.escape(str(r[c]))}</td>" for c in COLUMNS) + "</tr>"
                     for r in rows)
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>whosays archive report</title>
<style>
body {{ font: 14px system-ui, sans-serif; margin: 2em; color: #222 }}
table {{ border-collapse: collapse; margin-top: 1.5em }}
th, td {{ border: 1px solid #ccc; padding: 3px 8px; text-align: right }}
th:first-child, td:first-child {{ text-align: left }}
svg text {{ font: 12px system-ui, sans-serif }}
</style></head><body>
<h1>Who says so? Claims per outlet</h1>
<p>Each bar is one outlet's claims by status; on its right, the share of its casualty
figures whose claim names a source. Made by <code>scripts/archive-report.py</code> from
<code>whosays batch</code> output.</p>
{chart(rows)}
<table><thead><tr>{head}</tr></thead><tbody>
{body}
</tbody></table>
</body></html>
"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("records")
    parser.add_argument("out")
    parser.add_argument("--articles")
    args = parser.parse_args()
    outlets = outlets_of_archive(args.articles) if args.articles else None
    if args.records == "-":
        rows = build_table(non_blank_lines(sys.stdin.buffer), outlets)
    else:
        with open(args.records, "rb") as f:
            rows = build_table(non_blank_lines(f), outlets)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "outlets.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    write_html(os.path.join(args.out, "outlets.html"), rows)
    print(f"archive-report: {len(rows)} outlets in {args.out}/outlets.csv and outlets.html", file=sys.stderr)


if __name__ == "__main__":
    main()
