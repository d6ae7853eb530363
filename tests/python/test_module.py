"""The whosays Python module against the command line (docs/batch.md)."""
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest

import whosays
from helpers import BUILD_DIR, SHARED, cli, corpus_lines, dev_articles


def compact(result):
    """A result dict as the CLI writes it: one line, UTF-8, no spaces."""
    return json.dumps(result, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@unittest.skipUnless(dev_articles(), f"no dev corpus under {SHARED}")
class AnalyzeDevCorpus(unittest.TestCase):
    def test_gives_the_cli_bytes_for_every_dev_article(self):
        for path in dev_articles():
            with self.subTest(article=os.path.basename(path)):
                status, out, err = cli("analyze", path)
                self.assertEqual(status, 0, err)
                with open(path, "rb") as f:
                    data = f.read()
                self.assertEqual(compact(whosays.analyze(data.decode("utf-8"))), out.rstrip(b"\n"))
                self.assertEqual(whosays.analyze_json(data).encode("utf-8"), out.rstrip(b"\n"))

    def test_takes_a_dict_json_text_or_bytes_alike(self):
        path = dev_articles()[0]
        with open(path, "rb") as f:
            data = f.read()
        expected = whosays.analyze(data)
        self.assertEqual(whosays.analyze(data.decode("utf-8")), expected)
        self.assertEqual(whosays.analyze(json.loads(data)), expected)

    def test_analyze_many_on_two_threads_gives_analyze_in_order(self):
        lines = corpus_lines("dev", "dev2")
        expected = [whosays.analyze(line) for line in lines]
        self.assertEqual(list(whosays.analyze_many(lines, jobs=2, chunk_size=7)), expected)
        self.assertEqual(list(whosays.analyze_many(iter(lines), jobs=1)), expected)

    def test_batch_gives_the_bytes_of_whosays_batch(self):
        lines = corpus_lines("dev")
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
            f.write("\n".join(lines) + "\n")
        try:
            status, out, err = cli("batch", "-j", "2", f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(status, 0, err)
        records = whosays.batch([line + "\n" for line in lines], jobs=2)
        self.assertEqual("\n".join(records).encode("utf-8") + b"\n", out)


class Errors(unittest.TestCase):
    def test_malformed_json_raises_whosays_error_with_the_core_message(self):
        with self.assertRaisesRegex(whosays.Error, r"^malformed JSON at line 1, column"):
            whosays.analyze("{not json")

    def test_error_is_a_value_error(self):
        self.assertTrue(issubclass(whosays.Error, ValueError))

    def test_invalid_utf8_bytes_are_named(self):
        bad = b'{"blocks":[{"kind":"paragraph","text":"caf\xc3\x28"}]}'
        with self.assertRaisesRegex(whosays.Error, "invalid UTF-8 in block 0 at byte 3"):
            whosays.analyze(bad)

    def test_lone_surrogates_in_a_dict_are_refused_not_crashing(self):
        with self.assertRaisesRegex(whosays.Error, "invalid UTF-8"):
            whosays.analyze({"blocks": [{"kind": "paragraph", "text": "a\ud800b"}]})

    def test_an_oversized_article_is_refused_before_parsing(self):
        big = b'{"blocks":[{"kind":"paragraph","text":"' + b"a" * whosays.max_article_json_bytes + b'"}]}'
        with self.assertRaisesRegex(whosays.Error, r"article JSON is \d+ bytes; the limit is 8388608"):
            whosays.analyze(big)

    def test_deep_nesting_is_refused(self):
        with self.assertRaisesRegex(whosays.Error, "JSON nested deeper than 64 levels"):
            whosays.analyze("[" * 100000)

    def test_an_object_without_blocks_or_text_is_refused(self):
        with self.assertRaisesRegex(whosays.Error, 'neither a "blocks" array nor a "text" string'):
            whosays.analyze({"id": "x"})

    def test_wrong_types_raise_whosays_error(self):
        for value in (None, 12, ["a"], {"blocks": [], "when": object()}):
            with self.subTest(value=repr(value)):
                with self.assertRaises(whosays.Error):
                    whosays.analyze(value)

    def test_analyze_many_raises_at_the_bad_article_after_the_good_ones(self):
        results = whosays.analyze_many([{"text": "A\n\nTwo were killed."}, "{bad", {"text": "B"}], jobs=2)
        self.assertEqual(next(results)["summary"]["claims"], 1)
        with self.assertRaisesRegex(whosays.Error, r"^article 1: malformed JSON"):
            next(results)

    def test_analyze_many_records_errors_when_asked(self):
        results = list(whosays.analyze_many([None, "{bad", {"text": "A\n\nTwo were killed."}], errors="record"))
        self.assertIn("an article is a dict", results[0]["error"])
        self.assertIn("malformed JSON", results[1]["error"])
        self.assertEqual(results[2]["summary"]["claims"], 1)

    def test_bad_jobs_and_errors_arguments_are_refused(self):
        for jobs in (0, -1, 257, 1.5, True, "2"):
            with self.subTest(jobs=jobs):
                with self.assertRaisesRegex(whosays.Error, "jobs must be"):
                    list(whosays.analyze_many(["{}"], jobs=jobs))
        with self.assertRaisesRegex(whosays.Error, "errors must be"):
            list(whosays.analyze_many(["{}"], errors="ignore"))

    def test_batch_answers_bad_lines_with_error_records(self):
        records = [json.loads(r) for r in whosays.batch(['{"id":"a","text":"T"}', "", "{bad\n"], first_line=10)]
        self.assertEqual(records[0]["id"], "a")
        self.assertEqual((records[1]["line"], records[1]["id"]), (12, None))
        self.assertIn("malformed JSON", records[1]["error"])


class Install(unittest.TestCase):
    def test_cmake_install_lays_out_an_importable_package(self):
        with tempfile.TemporaryDirectory() as stage:
            run = subprocess.run(["cmake", "--install", BUILD_DIR, "--component", "python"],
                                 env=dict(os.environ, DESTDIR=stage), capture_output=True, text=True)
            self.assertEqual(run.returncode, 0, run.stderr)
            packages = [root for root, _, files in os.walk(stage) if "__init__.py" in files]
            self.assertEqual(len(packages), 1, packages)
            site = os.path.dirname(packages[0])
            # A clean interpreter that sees only the staged folder.
            env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
            env["PYTHONPATH"] = site
            check = ("import whosays, whosays.dask; assert whosays.__file__.startswith(%r); "
                     "print(whosays.analyze({'text': 'T\\n\\nTwo were killed.'})['summary']['claims'])" % site)
            run = subprocess.run([sys.executable, "-c", check], env=env, capture_output=True, text=True, cwd=stage)
            self.assertEqual((run.returncode, run.stdout.strip()), (0, "1"), run.stderr)

    def test_has_the_project_version(self):
        status, out, _ = cli("--version")
        self.assertEqual(out.decode().split()[-1], whosays.__version__)


class PlainText(unittest.TestCase):
    def test_a_plain_text_object_is_read_like_a_txt_file(self):
        article = {"id": "t", "text": "Title\n\nAt least 12 people were killed, the ministry said."}
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
            f.write(article["text"])
        try:
            status, out, err = cli("analyze", f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(status, 0, err)
        self.assertEqual(compact(whosays.analyze(article)), out.rstrip(b"\n"))


class ReleasesTheGil(unittest.TestCase):
    def setUp(self):
        # A switch interval longer than the test: a thread that holds the
        # GIL keeps it until it blocks or releases it on purpose.
        self.interval = sys.getswitchinterval()
        sys.setswitchinterval(60)

    def tearDown(self):
        sys.setswitchinterval(self.interval)

    def steps_while(self, call):
        """How many loop steps the main thread takes while `call` runs in another."""
        inside = threading.Event()

        def run():
            inside.set()
            call()

        worker = threading.Thread(target=run)
        worker.start()
        inside.wait()
        steps = 0
        while worker.is_alive():
            steps += 1
            time.sleep(0)  # lets the worker have the GIL back when it wants it
        worker.join()
        return steps

    def test_python_runs_while_an_analysis_is_in_progress(self):
        sentence = "At least 12 people were killed in the attack, the ministry said. "
        article = json.dumps({"blocks": [{"kind": "paragraph", "text": sentence * 20}] * 400}).encode("utf-8")
        self.assertGreater(self.steps_while(lambda: whosays.analyze_json(article)), 100,
                           "the main thread stalled while the core worked: the GIL was held")

    def test_the_check_sees_a_call_that_holds_the_gil(self):
        # The control: json.loads holds the GIL throughout, so the main thread
        # takes no step until it returns. Without this the test above proves nothing.
        big = json.dumps(["x" * 10] * 500000)
        self.assertLess(self.steps_while(lambda: json.loads(big)), 10)


if __name__ == "__main__":
    unittest.main()
