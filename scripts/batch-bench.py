#!/usr/bin/env python3
"""The `whosays batch` benchmark: throughput of -j 2 against -j 1, peak memory,
and identity of the output with one `whosays analyze` per article.

Builds (once) a JSON-lines archive of --size-mb MB from the corpora under
../shared with scripts/archive-build.py, in build/bench/ (never committed),
then runs `whosays batch -j 1` and `-j 2` in turn, --rounds times,
interleaved so that both see the same load from other users of the machine.
Prints, for each run, the wall time, CPU time and peak resident memory
(VmHWM, sampled from /proc every 50 ms), and the ratio of -j 1's wall time to -j 2's per round.
Finally checks that -j 1 and -j 2 wrote the same bytes, and that every
record (every --every-th with --every K) equals `whosays analyze` of its line
(scripts/batch-check.py: one analyze run per distinct article, the archive's
repeats compared with their first copy's record).

With --python-mb MB, also times whosays.batch (the Python module) on the
archive's first MB with jobs=1 and jobs=2, in a child interpreter.

usage: scripts/batch-bench.py [--size-mb 100] [--rounds 2] [--every 1] [--python-mb 0] [--no-check]
                              [--whosays build/native/whosays] [--python /usr/bin/python3]
"""
import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_batch(whosays, jobs, archive, out):
    """One run: wall and CPU seconds, and peak memory as VmHWM (whosays's own
    resident peak, read from /proc every 50 ms; wait4's ru_maxrss would also
    count this Python's memory from before the exec)."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen([whosays, "batch", "-j", str(jobs), "--progress=never", "-o", out, archive],
                                   stderr=err)
        peak_kb = 0
        while True:
            try:
                with open(f"/proc/{process.pid}/status") as f:
                    peak_kb = max([peak_kb] + [int(l.split()[1]) for l in f if l.startswith("VmHWM:")])
            except (OSError, ValueError):
                pass
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.05)
        wall = time.monotonic() - start
        err.seek(0)
        summary = err.read().decode("utf-8", "replace").strip()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        sys.exit(f"batch-bench: whosays batch -j {jobs} failed ({process.returncode}): {summary}")
    return {"jobs": jobs, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": peak_kb / 1024, "summary": summary, "load": os.getloadavg()[0]}


# Runs in a child interpreter: whosays.batch on the archive's first MB, as
# one call, with `jobs` threads; prints wall and CPU seconds.
PYTHON_RUN = """
import resource, sys, time, whosays
size, jobs = int(sys.argv[2]), int(sys.argv[3])
lines, total = [], 0
with open(sys.argv[1], "rb") as f:
    for line in f:
        lines.append(line)
        total += len(line)
        if total >= size:
            break
start = time.monotonic()
records = whosays.batch(lines, jobs=jobs)
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
print(wall, usage.ru_utime + usage.ru_stime, len(records), total)
"""


def python_bench(args, archive):
    """whosays.batch from Python, jobs=1 against jobs=2: the GIL released."""
    env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, "build", "native", "python"))
    for round_ in range(1, args.rounds + 1):
        walls = {}
        for jobs in (1, 2):
            run = subprocess.run([args.python, "-c", PYTHON_RUN, archive, str(int(args.python_mb * 1e6)), str(jobs)],
                                 env=env, capture_output=True, text=True, check=True)
            wall, cpu, count, total = run.stdout.split()
            walls[jobs] = float(wall)
            print(f"python round {round_}  whosays.batch jobs={jobs}: {float(wall):6.1f} s wall, "
                  f"{float(cpu):6.1f} s CPU (whole interpreter), {count} records of {int(total) / 1e6:.1f} MB, "
                  f"load average {os.getloadavg()[0]:.2f}")
        print(f"python round {round_}  throughput jobs=2 / jobs=1: {walls[1] / walls[2]:.2f}x")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=float, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--python-mb", type=float, default=0,
                        help="also time whosays.batch from Python on the archive's first MB")
    parser.add_argument("--python", default="/usr/bin/python3")
    parser.add_argument("--no-check", action="store_true", help="skip the comparison with analyze")
    parser.add_argument("--whosays", default=os.path.join(ROOT, "build", "native", "whosays"))
    args = parser.parse_args()

    bench = os.path.join(ROOT, "build", "bench")
    os.makedirs(bench, exist_ok=True)
    archive = os.path.join(bench, f"archive-{args.size_mb:g}mb.jsonl")
    if not os.path.exists(archive):
        subprocess.run([sys.executable, os.path.join(HERE, "archive-build.py"), "--out", archive,
                        "--size-mb", str(args.size_mb)], check=True)
    size = os.path.getsize(archive)
    print(f"archive: {archive}, {size / 1e6:.1f} MB; {os.cpu_count()} cores")

    outs = {j: os.path.join(bench, f"out-j{j}.jsonl") for j in (1, 2)}
    ratios = []
    for round_ in range(1, args.rounds + 1):
        results = {}
        for jobs in (1, 2):
            r = run_batch(args.whosays, jobs, archive, outs[jobs])
            results[jobs] = r
            print(f"round {round_}  -j {jobs}: {r['wall']:6.1f} s wall, {r['cpu']:6.1f} s CPU, "
                  f"{size / 1e6 / r['wall']:5.2f} MB/s, peak memory (VmHWM) {r['rss_mb']:5.1f} MB, "
                  f"load average {r['load']:.2f}")
        ratio = results[1]["wall"] / results[2]["wall"]
        ratios.append(ratio)
        print(f"round {round_}  throughput -j 2 / -j 1: {ratio:.2f}x")
    print("summary of the last -j 2 run: " + results[2]["summary"])
    print("ratios: " + ", ".join(f"{r:.2f}" for r in ratios) + f"; best {max(ratios):.2f}x")

    if args.python_mb:
        python_bench(args, archive)

    if not filecmp.cmp(outs[1], outs[2], shallow=False):
        sys.exit("batch-bench: -j 1 and -j 2 wrote different output")
    print("-j 1 and -j 2 outputs are byte-identical")
    if args.no_check:
        return
    subprocess.run([sys.executable, os.path.join(HERE, "batch-check.py"), archive, outs[2], args.whosays,
                    "--every", str(args.every), "--jobs", "2"], check=True)


if __name__ == "__main__":
    main()
