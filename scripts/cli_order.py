#!/usr/bin/env python3
"""Writes cmake/whosays-cli.order: the functions and data a one-article
`whosays analyze` process touches, in the order it first touches them, for
the linker to lay them out together (lld's --symbol-ordering-file; see
cli/CMakeLists.txt and docs/performance.md, "Branch out (session 6)").

A process that analyses one article runs about a million instructions, but
they are spread over 2 MB of code and data, and in this virtual machine each
page it touches for the first time costs 1.5 to 2 microseconds (a 64 KiB
window of the file-backed code per fault). Placed together, the touched code
and data take fewer windows.

The list is taken with valgrind's lackey (every instruction and data address)
on the project's own articles (all of tests/corpus/own*, never ../shared), mapped to
the binary's symbols with nm. Under valgrind the C library picks its AVX2
string functions; on a machine with AVX-512 it picks the EVEX ones, so each
string function touched brings its EVEX and AVX-512 variants into the list.
A name the next build no longer has is skipped by the linker: an old list
only lays out less well. Regenerate it after large changes:

  python3 scripts/cli_order.py build/native/whosays [ARTICLES=all]
"""
import bisect
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, 'cmake', 'whosays-cli.order')
# A larger object (a buffer: the allocator's first chunk, batch's output) is
# left out: placed among the others it would only part them.
LARGEST = 64 * 1024
STRING_VARIANT = re.compile(r'^(__[a-z]+)_(avx2|avx|sse2|sse4_1|sse4_2|ssse3|erms)')


def symbols(binary):
    """(address, size, name) of every sized symbol, by address."""
    table = []
    nm = subprocess.run(['nm', '-S', '-n', binary], capture_output=True, text=True, check=True).stdout
    for line in nm.splitlines():
        parts = line.split()
        if len(parts) == 4 and int(parts[1], 16) > 0:
            table.append((int(parts[0], 16), int(parts[1], 16), parts[3]))
    return table


def touched(binary, article, table, starts, seen, order):
    """Appends to order the symbols one process touches, first touch first."""
    with tempfile.NamedTemporaryFile(suffix='.txt') as log:
        subprocess.run(['valgrind', '--tool=lackey', '--trace-mem=yes', '--log-file=' + log.name,
                        binary, 'analyze', article], stdout=subprocess.DEVNULL, check=True)
        with open(log.name, encoding='ascii', errors='replace') as trace:
            for line in trace:
                if line.startswith('='):
                    continue
                parts = line.split()
                if len(parts) < 2:
                    continue
                address = int(parts[1].split(',')[0], 16)
                i = bisect.bisect_right(starts, address) - 1
                if i < 0:
                    continue
                start, size, name = table[i]
                if address < start + size and name not in seen and size <= LARGEST:
                    seen.add(name)
                    order.append(name)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build', 'native', 'whosays')
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 0  # 0: every article
    articles = sorted(glob.glob(os.path.join(ROOT, 'tests', 'corpus', 'own*', 'articles', '*.json')))
    if not articles:
        sys.exit('cli_order: no articles under tests/corpus/own*/articles')
    count = count or len(articles)
    step = max(1, len(articles) // count)
    table = symbols(binary)
    starts = [entry[0] for entry in table]
    seen, order = set(), []
    for article in articles[::step][:count]:
        touched(binary, article, table, starts, seen, order)
    names = {entry[2] for entry in table}
    variants = []
    for name in order:
        match = STRING_VARIANT.match(name)
        if match:
            variants += sorted(n for n in names if n.startswith(match.group(1) + '_') and n not in seen and
                               ('evex' in n or 'avx512' in n) and 'rtm' not in n)
            seen.update(variants)
    with open(OUTPUT, 'w', encoding='ascii') as out:
        out.write('\n'.join(order + variants) + '\n')
    print(f'cli_order: {len(order)} symbols touched, {len(variants)} string variants -> {OUTPUT}')


if __name__ == '__main__':
    main()
