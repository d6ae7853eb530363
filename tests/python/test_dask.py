"""whosays.dask and scripts/archive-dask.py on a LocalCluster, against
`whosays batch` (docs/batch.md)."""
import csv
import json
import os
import subprocess
import sys
import tempfile
import unittest
import warnings

try:
    import dask.bag as db
    import whosays.dask
    from distributed import LocalCluster
except ImportError:  # setup.sh installs python3-dask and python3-distributed
    db = None

# Debian's tornado and distributed 2022.12 disagree about event loops; harmless here.
warnings.filterwarnings("ignore", "make_current is deprecated", DeprecationWarning)

import whosays  # noqa: E402
from helpers import SCRIPTS, SHARED, cli, corpus_lines  # noqa: E402

BAD_LINES = [
    b"{not json",
    b'{"id":"bad-utf8","blocks":[{"kind":"paragraph","text":"caf\xc3\x28"}]}',
    b"",
    b'{"id":"plain","text":"Title\\n\\nAt least 12 people were killed, the ministry said."}',
    b'{"id":"nothing"}',
]


@unittest.skipUnless(db is not None, "dask or distributed is not installed (Debian: python3-dask python3-distributed)")
@unittest.skipUnless(corpus_lines("dev"), f"no dev corpus under {SHARED}")
class DaskRecipe(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.TemporaryDirectory()
        cls.archive = os.path.join(cls.work.name, "archive")
        os.makedirs(cls.archive)
        lines = [line.encode("utf-8") for line in corpus_lines("dev", "dev2")]
        # Three files of articles dealt out in turn, and one of bad lines among good ones.
        for i in range(3):
            with open(os.path.join(cls.archive, f"part-{i}.jsonl"), "wb") as f:
                f.write(b"\n".join(lines[i::3]) + b"\n")
        with open(os.path.join(cls.archive, "part-bad.jsonl"), "wb") as f:
            f.write(b"\n".join([lines[0]] + BAD_LINES + [lines[1]]))  # no final newline
        cls.files = sorted(os.listdir(cls.archive))

    @classmethod
    def tearDownClass(cls):
        cls.work.cleanup()

    def batch_of(self, name):
        status, out, err = cli("batch", "-j", "1", os.path.join(self.archive, name))
        self.assertIn(status, (0, 1), err)
        return out

    def run_recipe(self, out, *options):
        run = subprocess.run([sys.executable, os.path.join(SCRIPTS, "archive-dask.py"), self.archive, out, *options],
                             capture_output=True, text=True, timeout=300)
        self.assertEqual(run.returncode, 0, run.stderr[-2000:])
        self.check_outputs(out)

    def test_the_recipe_on_its_own_two_worker_local_cluster_writes_what_batch_writes(self):
        self.run_recipe(os.path.join(self.work.name, "out-local"), "--workers", "2", "--threads", "1")

    def test_the_recipe_given_a_scheduler_address_writes_what_batch_writes(self):
        # As on a real cluster: worker processes behind a TCP scheduler that
        # the recipe reaches by its address alone.
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          host="127.0.0.1") as cluster:
            self.run_recipe(os.path.join(self.work.name, "out-remote"), "--scheduler", cluster.scheduler_address)

    def check_outputs(self, out):
        self.assertEqual(sorted(os.listdir(os.path.join(out, "records"))), self.files)
        casualty_claims = 0
        for name in self.files:
            with self.subTest(file=name):
                with open(os.path.join(out, "records", name), "rb") as f:
                    records = f.read()
                expected = self.batch_of(name)
                self.assertEqual(records, expected)
                for line in expected.splitlines():
                    for claim in json.loads(line).get("claims", ()):
                        casualty_claims += "casualty" in claim["kinds"]
        with open(os.path.join(out, "sources.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(list(rows[0]), whosays.dask.SOURCE_COLUMNS)
        self.assertEqual(sum(int(r["casualty_claims"]) for r in rows), casualty_claims)
        statuses = {r["source"]: r["status"] for r in rows}
        self.assertEqual(statuses.get("(unattributed)"), "unattributed")
        self.assertTrue(any(s == "attributed" for s in statuses.values()))

    def test_analyze_bag_gives_batch_records(self):
        name = "part-bad.jsonl"
        with open(os.path.join(self.archive, name), "rb") as f:
            raw = f.read().split(b"\n")
        lines = [line.decode("utf-8", "surrogateescape") for line in raw]
        bag = db.from_sequence(lines, npartitions=1)
        texts = whosays.dask.analyze_bag(bag, jobs=2, as_text=True).compute(scheduler="sync")
        self.assertEqual("\n".join(texts).encode("utf-8") + b"\n", self.batch_of(name))
        dicts = whosays.dask.analyze_bag(bag).compute(scheduler="sync")
        self.assertEqual(dicts, [json.loads(t) for t in texts])

    def test_source_table_sums_across_partitions(self):
        lines = corpus_lines("dev")
        one = whosays.dask.source_table(whosays.dask.analyze_bag(db.from_sequence(lines, npartitions=1)))
        many = whosays.dask.source_table(whosays.dask.analyze_bag(db.from_sequence(lines, npartitions=5)))
        key = lambda row: (row["status"], row["source"].lower())
        self.assertEqual(sorted(one.compute(scheduler="sync"), key=key),
                         sorted(many.compute(scheduler="sync"), key=key))


if __name__ == "__main__":
    unittest.main()
