#!/usr/bin/env python3
"""Analyses a folder of JSON-lines files on a Dask cluster (docs/batch.md).

Reads every *.jsonl file of ARCHIVE as a Dask bag (one partition per file),
analyses it across the cluster with whosays.dask.analyze_bag, and writes
  OUT/records/<file>.jsonl  the records, file for file the bytes that
                            `whosays batch <file>` writes
  OUT/sources.csv           who is cited for which casualty figures
                            (whosays.dask.source_table), most claims first
The analysis runs once for both outputs.

usage: scripts/archive-dask.py ARCHIVE OUT [--scheduler ADDRESS]
                               [--workers 2] [--threads 1] [--processes] [--jobs 1]
  --scheduler  a running cluster's scheduler, e.g. tcp://10.0.0.5:8786; without
               it a LocalCluster of --workers workers starts on this machine
  --threads    threads per local worker; --processes: workers as processes
               (default: threads in this process, quicker to start)
  --jobs       whosays threads per partition

The whosays package must be importable by every worker: on a real cluster,
install it on each machine (cmake --install BUILD --component python).
"""
import argparse
import csv
import glob
import json
import os
import sys

try:
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster
except ImportError as error:
    sys.exit(f"archive-dask: {error}: this needs Debian's python3-dask and python3-distributed, "
             f"which /usr/bin/python3 sees (this is {sys.executable})")
try:
    import whosays.dask
except ImportError as error:
    sys.exit(f"archive-dask: {error}: build the module (cmake --build build/native) and run with "
             "PYTHONPATH=build/native/python, or install it (cmake --install build/native --component python)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive")
    parser.add_argument("out")
    parser.add_argument("--scheduler")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--processes", action="store_true")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()

    files = sorted(glob.glob(os.path.join(args.archive, "*.jsonl")))
    if not files:
        sys.exit(f"archive-dask: no *.jsonl files in {args.archive}")
    records_dir = os.path.join(args.out, "records")
    os.makedirs(records_dir, exist_ok=True)

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads,
                               processes=args.processes, dashboard_address=None)
        client = Client(cluster)
    try:
        # Bytes that are not UTF-8 travel as surrogate escapes and come back
        # as the same bytes, for whosays to answer with an error record.
        lines = db.read_text(files, errors="surrogateescape")
        texts = whosays.dask.analyze_bag(lines, jobs=args.jobs, as_text=True)
        names = [os.path.splitext(os.path.basename(f))[0] for f in files]
        write = texts.to_textfiles(os.path.join(records_dir, "*.jsonl"), name_function=lambda i: names[i],
                                   last_endline=True, compute=False)
        table = whosays.dask.source_table(texts.map(json.loads))
        _, rows = dask.compute(write, table)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    rows = sorted(rows, key=lambda r: (-r["casualty_claims"], r["source"]))
    with open(os.path.join(args.out, "sources.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=whosays.dask.SOURCE_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"archive-dask: {len(files)} files analysed into {records_dir}; {len(rows)} sources in "
          f"{os.path.join(args.out, 'sources.csv')}", file=sys.stderr)


if __name__ == "__main__":
    main()
