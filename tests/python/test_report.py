"""scripts/archive-report.py: the per-outlet table from batch records."""
import csv
import json
import os
import subprocess
import sys
import tempfile
import unittest

from helpers import SCRIPTS

REPORT = os.path.join(SCRIPTS, "archive-report.py")


def claim(status, casualty=True, figures=1, source=None):
    return {"kinds": ["casualty"] if casualty else ["responsibility"], "status": status,
            "source": source, "quantities": [{"text": "12"}] * figures}


# Three articles of two outlets, and an error record.
ARTICLES = [
    {"id": "a-1", "url": "https://www.example.com/news/1", "blocks": []},
    {"id": "b-1", "source": "Daily <Planet>", "blocks": []},
    {"id": "a-2", "url": "https://example.com/news/2", "blocks": []},
    {"id": "zzz"},
]
RECORDS = [
    {"id": "a-1", "claims": [claim("attributed", source="police", figures=2), claim("vague"),
                             claim("unattributed", casualty=False, figures=0)]},
    {"id": "b-1", "claims": [claim("unattributed", figures=3)]},
    {"id": "a-2", "claims": [claim("attributed", source="the ministry")]},
    {"id": "zzz", "line": 4, "error": "article has neither ..."},
]


class ArchiveReport(unittest.TestCase):
    def run_report(self, with_articles):
        self.work = tempfile.TemporaryDirectory()
        self.addCleanup(self.work.cleanup)
        records = os.path.join(self.work.name, "records.jsonl")
        articles = os.path.join(self.work.name, "archive.jsonl")
        with open(records, "w", encoding="utf-8") as f:
            f.write("".join(json.dumps(r) + "\n" for r in RECORDS))
        with open(articles, "w", encoding="utf-8") as f:
            f.write("\n\n".join(json.dumps(a) for a in ARTICLES) + "\n")  # blank lines are skipped, as by batch
        out = os.path.join(self.work.name, "report")
        args = [sys.executable, REPORT, records, out] + (["--articles", articles] if with_articles else [])
        run = subprocess.run(args, capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stderr)
        with open(os.path.join(out, "outlets.csv"), newline="", encoding="utf-8") as f:
            rows = {r["outlet"]: r for r in csv.DictReader(f)}
        with open(os.path.join(out, "outlets.html"), encoding="utf-8") as f:
            page = f.read()
        return rows, page

    def test_outlets_from_url_hosts_and_source_fields(self):
        rows, _ = self.run_report(with_articles=True)
        self.assertEqual(sorted(rows), ["(unknown)", "Daily <Planet>", "example.com"])
        a = rows["example.com"]
        self.assertEqual([a[k] for k in ("articles", "errors", "claims", "attributed", "vague", "unattributed")],
                         ["2", "0", "4", "2", "1", "1"])
        # Figures in casualty claims: 2 + 1 (vague) + 1, of which 3 have a named source.
        self.assertEqual((a["casualty_figures"], a["named_figures"], a["named_share"]), ("4", "3", "0.750"))
        self.assertEqual((rows["Daily <Planet>"]["named_share"], rows["(unknown)"]["errors"]), ("0.000", "1"))

    def test_outlets_from_id_prefixes_without_the_archive(self):
        rows, _ = self.run_report(with_articles=False)
        self.assertEqual(sorted(rows), ["(unknown)", "a", "b"])
        self.assertEqual(rows["a"]["claims"], "4")

    def test_the_page_has_a_chart_and_escapes_names(self):
        _, page = self.run_report(with_articles=True)
        self.assertIn("<svg", page)
        self.assertIn("Daily &lt;Planet&gt;", page)
        self.assertNotIn("Daily <Planet>", page)
        self.assertIn("75% named", page)

    def test_records_and_archive_out_of_step_are_an_error(self):
        self.work = tempfile.TemporaryDirectory()
        self.addCleanup(self.work.cleanup)
        records = os.path.join(self.work.name, "records.jsonl")
        articles = os.path.join(self.work.name, "archive.jsonl")
        with open(records, "w", encoding="utf-8") as f:
            f.write(json.dumps(RECORDS[0]) + "\n")
        with open(articles, "w", encoding="utf-8") as f:
            f.write(json.dumps(ARTICLES[0]) + "\n" + json.dumps(ARTICLES[1]) + "\n")
        run = subprocess.run([sys.executable, REPORT, records, os.path.join(self.work.name, "out"),
                              "--articles", articles], capture_output=True, text=True)
        self.assertEqual(run.returncode, 1)
        self.assertIn("fewer records than articles", run.stderr)


if __name__ == "__main__":
    unittest.main()
