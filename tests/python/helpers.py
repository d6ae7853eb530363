"""Where the tests find the whosays binary, the package and the shared corpora.

WHOSAYS_BINARY (default build/native/whosays), WHOSAYS_BUILD_DIR (default
build/native) and WHOSAYS_SHARED (default ../shared beside the checkout); the package is imported from
PYTHONPATH (build/native/python), as ctest and scripts/test.sh set it.
"""
import glob
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("WHOSAYS_BINARY", os.path.join(ROOT, "build", "native", "whosays"))
BUILD_DIR = os.environ.get("WHOSAYS_BUILD_DIR", os.path.join(ROOT, "build", "native"))
SHARED = os.environ.get("WHOSAYS_SHARED", os.path.join(ROOT, "..", "shared"))
SCRIPTS = os.path.join(ROOT, "scripts")


def dev_articles():
    """Paths of the dev corpus articles (empty where ../shared is absent)."""
    return sorted(glob.glob(os.path.join(SHARED, "corpus", "dev", "articles", "*.json")))


def corpus_lines(*sets):
    """JSON lines, one per article of the named corpora under ../shared."""
    lines = []
    for name in sets:
        for path in sorted(glob.glob(os.path.join(SHARED, "corpus", name, "articles", "*.json"))):
            with open(path, encoding="utf-8") as f:
                lines.append(json.dumps(json.load(f), ensure_ascii=False))
    return lines


def cli(*args, input=None):
    """Runs the whosays binary; returns (status, stdout bytes, stderr text)."""
    run = subprocess.run([BINARY, *args], input=input, capture_output=True)
    return run.returncode, run.stdout, run.stderr.decode("utf-8", "replace")
