#!/usr/bin/env python3
"""CPU time of one `whosays analyze` process per dev article, for several
binaries measured in the same run: per round, each binary analyses every dev
article once (one process each, spawned straight from Python), the order of
the binaries alternating from round to round; the user + sys time of those
children, per process. Prints each binary's median, lower quartile and
minimum over the rounds.

It is `cli/dev_articles` of bench/compare-core.sh cut into rounds, so that a
load spike on the shared machine falls on one round of every binary rather
than on one binary (docs/performance.md, "Branch out (session 6)").

  ROUNDS=60 python3 bench/cli-processes.py build/native/whosays /tmp/other/whosays
"""
import glob
import os
import resource
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main():
    binaries = sys.argv[1:]
    if not binaries:
        sys.exit(__doc__)
    folder = os.environ.get('WHOSAYS_DEV_ARTICLES', os.path.join(ROOT, '..', 'shared', 'corpus', 'dev', 'articles'))
    files = sorted(glob.glob(os.path.join(folder, '*.json')))
    if not files:
        sys.exit(f'cli-processes: no articles in {folder}')
    per_process = {binary: [] for binary in binaries}
    for r in range(int(os.environ.get('ROUNDS', '40'))):
        for binary in binaries if r % 2 == 0 else binaries[::-1]:
            before = children_cpu()
            for f in files:
                subprocess.run([binary, 'analyze', f], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            per_process[binary].append((children_cpu() - before) / len(files) * 1e6)
    for binary in binaries:
        times = sorted(per_process[binary])
        print(f'{binary}: median {statistics.median(times):.1f} us, lower quartile {times[len(times) // 4]:.1f}, '
              f'minimum {times[0]:.1f} (per process, {len(times)} rounds of {len(files)})')


if __name__ == '__main__':
    main()
