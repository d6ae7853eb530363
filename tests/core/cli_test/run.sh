#!/usr/bin/env bash
# The whosays command line, end to end: exit codes, messages, output shape.
# usage: run.sh WHOSAYS_BINARY [SHARED_DIR]
# Each check runs the binary and compares its exit status, and a pattern in
# its standard output or error. Prints one line a check; exits 1 on any failure.
set -uo pipefail

whosays=${1:?usage: run.sh WHOSAYS_BINARY [SHARED_DIR]}
shared=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
fixtures=$here/fixtures
work=$(mktemp -d "${TMPDIR:-/tmp}/whosays-cli-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

failures=0
pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1: $2"; failures=$((failures + 1)); }

# run NAME EXPECTED_STATUS [ARGS...]: runs whosays, keeps out/err in $work.
# Reads standard input from $stdin_file when it is set.
run() {
  local name=$1 expected=$2
  shift 2
  local status
  if [ -n "${stdin_file:-}" ]; then
    "$whosays" "$@" <"$stdin_file" >"$work/out" 2>"$work/err"
  else
    "$whosays" "$@" </dev/null >"$work/out" 2>"$work/err"
  fi
  status=$?
  if [ "$status" != "$expected" ]; then
    fail "$name" "exit status $status, expected $expected; stderr: $(head -c 400 "$work/err")"
    return 1
  fi
  return 0
}

# expect_in FILE NAME PATTERN: FILE (out or err) holds the extended regex PATTERN.
expect_in() {
  if grep -Eq -- "$3" "$work/$1"; then pass "$2"; else fail "$2" "no /$3/ in std$1: $(head -c 400 "$work/$1")"; fi
}

# valid_json NAME [ARTICLE]: standard output is one JSON object with claims and
# summary; with the input ARTICLE (JSON), every claim's [start, end) in UTF-16
# units must slice its "text" out of its block, as JavaScript would.
valid_json() {
  if python3 - "$work/out" "${2:-}" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    out = json.load(f)
blocks = None
if sys.argv[2]:
    with open(sys.argv[2], encoding="utf-8") as f:
        blocks = [b["text"] for b in json.load(f)["blocks"]]
assert isinstance(out["claims"], list), "claims is not a list"
s = out["summary"]
assert s["claims"] == len(out["claims"]), "summary.claims differs from the claims"
assert s["flags"] == s["vague"] + s["unattributed"], "flags != vague + unattributed"
for c in out["claims"]:
    for key in ("block", "start", "end", "kinds", "status", "source", "text"):
        assert key in c, f"claim without {key}"
    assert 0 <= c["start"] <= c["end"], "bad span"
    assert c["status"] in ("attributed", "vague", "unattributed"), c["status"]
    if blocks is not None:
        units = blocks[c["block"]].encode("utf-16-le")
        sliced = units[2 * c["start"]:2 * c["end"]].decode("utf-16-le")
        assert sliced == c["text"], f"UTF-16 slice {sliced!r} != text {c['text']!r}"
if blocks is not None:
    assert out["claims"], "no claims in the fixture"
PY
  then pass "$1"; else fail "$1" "output is not the documented JSON: $(head -c 400 "$work/out")"; fi
}

# --- information -----------------------------------------------------------
run "--version" 0 --version && expect_in out "--version prints the version" '^whosays [0-9]+\.[0-9]+\.[0-9]+$'
run "--help" 0 --help && expect_in out "--help prints the usage" 'usage: whosays analyze'

# --- usage errors: status 2, message on stderr --------------------------------
run "no command" 2 && expect_in err "no command is a usage error" '^whosays: no command given'
run "unknown command" 2 frobnicate && expect_in err "an unknown command is named" "^whosays: unknown command 'frobnicate'"
run "analyze without file" 2 analyze && expect_in err "analyze without FILE is a usage error" '^whosays: analyze needs a FILE'
run "unknown option" 2 analyze --bogus x.json && expect_in err "an unknown option is named" "^whosays: analyze: unknown option '--bogus'"
run "bad format" 2 analyze --format xml "$fixtures/article.json" && expect_in err "--format is checked" '^whosays: --format must be json or text'
run "bad color" 2 analyze --color=sometimes "$fixtures/article.json" && expect_in err "--color is checked" '^whosays: --color must be'
run "two files" 2 analyze a.json b.json && expect_in err "two FILEs are refused" '^whosays: analyze takes one FILE'
run "eval without dirs" 2 eval && expect_in err "eval needs its folders" '^whosays: eval needs --articles DIR and --gold DIR'

# --- analyze: good input -------------------------------------------------------
run "analyze json" 0 analyze "$fixtures/article.json" && valid_json "analyze FILE.json prints the output JSON, spans in UTF-16 units" "$fixtures/article.json"
if run "analyze compact" 0 analyze "$fixtures/article.json"; then
  [ "$(wc -l <"$work/out")" = 1 ] && pass "JSON is one line by default" || fail "JSON is one line by default" "$(wc -l <"$work/out") lines"
fi
run "analyze pretty" 0 analyze --pretty "$fixtures/article.json" && expect_in out "--pretty indents by two spaces" '^  "claims": \['
run "analyze txt" 0 analyze "$fixtures/article.txt" && valid_json "analyze FILE.txt reads plain text"
stdin_file=$fixtures/article.json run "stdin json" 0 analyze - && valid_json "analyze - reads JSON from standard input"
stdin_file=$fixtures/article.txt run "stdin text" 0 analyze - && valid_json "analyze - reads plain text from standard input"
printf '' >"$work/empty"
stdin_file=$work/empty run "empty stdin" 0 analyze - && valid_json "empty standard input is an empty article"
run "text report" 0 analyze --format text --color=never "$fixtures/article.json" &&
  expect_in out "--format text starts with the summary line" '^.*article\.json: [0-9]+ claims? - [0-9]+ attributed, [0-9]+ vague, [0-9]+ unattributed \([0-9]+ flagged\)$'
if run "text no colour when piped" 0 analyze --format text "$fixtures/article.json"; then
  if grep -q $'\x1b' "$work/out"; then fail "no colour when standard output is not a terminal" "found ESC"; else pass "no colour when standard output is not a terminal"; fi
fi
run "text colour always" 0 analyze --format text --color=always "$fixtures/article.json" &&
  expect_in out "--color=always colours the report" $'\x1b\\[1m'

# --- analyze: bad input: status 1, a message naming the problem ------------------
run "missing file" 1 analyze "$work/nope.json" && expect_in err "a missing file is named" "^whosays: cannot open .*nope\.json: no such file"
run "directory" 1 analyze "$fixtures" && expect_in err "a directory is refused" '^whosays: .* is a directory'
run "malformed" 1 analyze "$fixtures/malformed.json" && expect_in err "malformed JSON gives line and column" '^whosays: .*malformed\.json: malformed JSON at line 1, column [0-9]+ \(byte [0-9]+\)'
run "bad utf-8" 1 analyze "$fixtures/bad-utf8.json" && expect_in err "invalid UTF-8 names block and byte" '^whosays: .*bad-utf8\.json: invalid UTF-8 in block 0 at byte 4 of its text'
run "unknown kind" 1 analyze "$fixtures/unknown-kind.json" && expect_in err "an unknown block kind is named" 'unknown block kind "sidebar"'
printf 'Title\n\nbad \xc3\x28 text\n' >"$work/bad.txt"
run "bad utf-8 text" 1 analyze "$work/bad.txt" && expect_in err "invalid UTF-8 in plain text names the byte" '^whosays: .*bad\.txt: invalid UTF-8 in the text at byte 11'
# A big file is refused by its size, before it is read: a sparse file costs no disk.
truncate -s 9000000 "$work/huge.json"
run "huge file" 1 analyze "$work/huge.json" && expect_in err "a file over the limit is refused" '^whosays: .*huge\.json is 9000000 bytes; the input limit is 8388608'
head -c 9000000 /dev/zero | tr '\0' 'a' >"$work/huge-stdin"
stdin_file=$work/huge-stdin run "huge stdin" 1 analyze - && expect_in err "standard input over the limit is refused" '^whosays: standard input is larger than 8388608 bytes'
python3 -c "print('[' * 100000)" >"$work/deep.json"
run "deep json" 1 analyze "$work/deep.json" && expect_in err "deeply nested JSON is refused" 'JSON nested deeper than 64 levels'

# --- eval ----------------------------------------------------------------------
run "eval missing folder" 1 eval --articles "$work/none" --gold "$work/none" && expect_in err "eval names a missing folder" 'is not a folder'
run "eval missing scorer" 1 eval --articles "$fixtures" --gold "$fixtures" --scorer "$work/none.py" && expect_in err "eval names a missing scorer" '^whosays: no scorer at .*none\.py'
# A scorer that fails makes eval fail.
printf 'import sys\nsys.exit(3)\n' >"$work/failing.py"
mkdir -p "$work/articles" "$work/gold"
cp "$fixtures/article.json" "$work/articles/"
run "eval failing scorer" 1 eval --articles "$work/articles" --gold "$work/gold" --scorer "$work/failing.py" &&
  expect_in err "a failing scorer fails eval" 'the scorer failed \(exit status 3\)'
if [ -n "$shared" ] && [ -f "$shared/tools/score.py" ]; then
  # With the real scorer: a gold file for the fixture, predictions kept in --pred-out.
  printf '{"article": "article", "claims": [{"block": 2, "anchor": "At least 12 people were killed", "kinds": ["casualty"], "status": "attributed", "source": ["Zo\\u00eb Kova\\u010d"]}]}' >"$work/gold/article.json"
  run "eval" 0 eval --articles "$work/articles" --gold "$work/gold" --scorer "$shared/tools/score.py" --pred-out "$work/pred" &&
    expect_in out "eval prints the scorer's summary" '^claims F1 [0-9.]+ · flags F1'
  if [ -f "$work/pred/article.json" ]; then pass "eval keeps predictions in --pred-out"; else fail "eval keeps predictions in --pred-out" "no $work/pred/article.json"; fi
  run "eval json" 0 eval --articles "$work/articles" --gold "$work/gold" --scorer "$shared/tools/score.py" --json &&
    expect_in out "eval --json prints the scorer's JSON" '"status_acc"'
else
  echo "skip  eval with the real scorer (no shared/tools/score.py)"
fi

# --- batch ---------------------------------------------------------------------
# An archive of good articles and every kind of bad line, then the records:
# one per non-blank line, in order, each good one identical to `analyze` of
# its line alone (scripts/batch-check.py), each bad one an error record.
check_batch=$here/../../../scripts/batch-check.py
python3 - "$fixtures" "$work/archive.jsonl" <<'PY'
import json, sys
fixtures, out = sys.argv[1], sys.argv[2]
with open(fixtures + "/article.json", encoding="utf-8") as f:
    article = json.load(f)
good = lambda i: json.dumps(dict(article, id=f"good-{i}"), ensure_ascii=False).encode()
with open(out, "wb") as f:
    f.write(good(1) + b"\n")
    f.write(b"{not json\n")                                                   # 2: malformed
    f.write(good(2) + b"\r\n")                                                # 3: CRLF
    f.write(b'{"id":"bad-utf8","blocks":[{"kind":"paragraph","text":"caf\xc3\x28"}]}\n')  # 4
    f.write(b"\n  \n")                                                        # 5, 6: blank, skipped
    f.write(b'{"id":"huge","blocks":[{"kind":"paragraph","text":"' + b"a" * 9_000_000 + b'"}]}\n')  # 7
    f.write(b'{"id":"long","blocks":[{"kind":"paragraph","text":"' + b"word " * 500_000 + b'"}]}\n')  # 8: over 2 MiB of text
    f.write(b"[" * 100000 + b"\n")                                           # 9: deep
    f.write(b'{"id":"plain","text":"Title\\n\\nAt least 12 people were killed, the ministry said."}\n')  # 10
    f.write(b'{"id":"nothing"}\n')                                            # 11
    f.write(b'{"id":42,"blocks":"no"}\n')                                     # 12
    f.write(good(3))                                                          # 13: no final newline
PY
if run "batch archive" 1 batch -j 2 "$work/archive.jsonl"; then
  cp "$work/out" "$work/batch-j2"
  if python3 "$check_batch" "$work/archive.jsonl" "$work/out" "$whosays" >"$work/check" 2>&1; then
    pass "batch: one record per non-blank line, each identical to analyze of its line"
  else
    fail "batch: one record per non-blank line, each identical to analyze of its line" "$(head -c 600 "$work/check")"
  fi
  python3 - "$work/out" <<'PY' && pass "batch: the bad lines are error records naming their line and fault" || fail "batch: error records" "see above"
import json, sys
records = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
want = {2: "malformed JSON", 4: "invalid UTF-8", 7: "article JSON is 9000055 bytes; the limit is 8388608",
        8: "article text is", 9: "JSON nested deeper", 11: 'neither a "blocks" array nor a "text" string',
        12: '"blocks" must be an array'}
errors = {r["line"]: r["error"] for r in records if "error" in r}
assert sorted(errors) == sorted(want), f"error lines {sorted(errors)}, expected {sorted(want)}"
for line, text in want.items():
    assert text in errors[line], f"line {line}: {errors[line]!r} lacks {text!r}"
ids = [r["id"] for r in records]
assert ids == ["good-1", None, "good-2", "bad-utf8", None, "long", None, "plain", "nothing", 42, "good-3"], ids
assert all("claims" in r for r in records if "error" not in r)
PY
  expect_in err "batch: the summary counts articles, errors, claims by status" '^whosays batch: 11 articles \(4 analysed, 7 errors\); [0-9]+ claims: [0-9]+ attributed, [0-9]+ vague, [0-9]+ unattributed \([0-9]+ flagged\)'
  [ "$(wc -l <"$work/err")" = 1 ] && ! grep -q $'\r' "$work/err" && pass "batch: no progress line when standard error is not a terminal" ||
    fail "batch: no progress line when standard error is not a terminal" "$(head -c 300 "$work/err" | od -c | head -3)"
fi
run "batch -j 1" 1 batch -j 1 "$work/archive.jsonl" && cmp -s "$work/out" "$work/batch-j2" &&
  pass "batch: -j 1 and -j 2 write the same bytes" || fail "batch: -j 1 and -j 2 write the same bytes" "outputs differ"
stdin_file=$work/archive.jsonl run "batch stdin" 1 batch -j2 - && cmp -s "$work/out" "$work/batch-j2" &&
  pass "batch: reads standard input" || fail "batch: reads standard input" "output differs from the file's"
run "batch -o" 1 batch -o "$work/records.jsonl" "$work/archive.jsonl" && cmp -s "$work/records.jsonl" "$work/batch-j2" &&
  pass "batch: -o FILE writes the records there" || fail "batch: -o FILE writes the records there" "output differs"
run "batch progress" 1 batch --progress=always "$work/archive.jsonl" &&
  expect_in err "batch: --progress=always shows articles, MB, rate and ETA" $'\r.*[0-9]+ articles  [0-9.]+ MB  [0-9.,]+ articles/s  ETA [0-9]+:[0-9]{2}'
# Interrupted (SIGINT) while its producer is still writing, batch writes every
# record of the lines it read whole, drops the half line, and says where to resume.
if python3 - "$whosays" "$work/archive.jsonl" "$work/batch-j2" <<'PY'
import signal, subprocess, sys, time
whosays, archive, full = sys.argv[1:]
lines = open(archive, "rb").read().split(b"\n")
expected = open(full, "rb").read().split(b"\n")[:2]
for jobs in ("1", "2"):
    p = subprocess.Popen([whosays, "batch", "-j", jobs, "-"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdin.write(lines[0] + b"\n" + lines[1] + b"\n" + lines[2][:50])
    p.stdin.flush()
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    out, err = p.stdout.read(), p.stderr.read()  # the producer keeps standard input open
    p.wait(timeout=30)
    p.stdin.close()
    assert p.returncode == 130, (jobs, p.returncode, err)
    assert out.split(b"\n")[:-1] == expected, (jobs, out[:300])
    assert b"interrupted; the records cover input lines 1 to 2" in err and b"tail -n +3" in err, err
PY
then pass "batch: SIGINT writes the records of every line read whole and says where to resume"
else fail "batch: SIGINT writes the records of every line read whole and says where to resume" "see above"; fi

# Streaming: peak memory does not grow with the input. 16 MB of articles must
# not cost 8 MB more than 1 MB of them (reading it all in would cost 16).
# VmHWM, the peak of whosays's own memory, read from /proc while it runs
# (wait4's ru_maxrss would count this Python's memory too, from before exec).
# An AddressSanitizer build keeps freed memory in quarantine and measures
# nothing about the program's own: there this check is skipped, not passed.
if grep -q __asan_init "$whosays" 2>/dev/null; then
  echo "skip  batch: peak memory stays flat (an AddressSanitizer build)"
elif python3 - "$whosays" "$fixtures/article.json" "$work" <<'PY'
import json, os, subprocess, sys, time
whosays, fixture, work = sys.argv[1:]
line = json.dumps(json.load(open(fixture, encoding="utf-8")), ensure_ascii=False).encode() + b"\n"
def peak_mb(args):
    p = subprocess.Popen(args, stderr=subprocess.DEVNULL)
    peak = 0
    while p.poll() is None:
        try:
            with open(f"/proc/{p.pid}/status") as f:
                peak = max([peak] + [int(l.split()[1]) for l in f if l.startswith("VmHWM:")])
        except (OSError, ValueError):
            pass
        time.sleep(0.02)
    assert p.returncode == 0, p.returncode
    return peak / 1024
peaks = {}
for mb in (1, 16):
    path = os.path.join(work, f"stream-{mb}.jsonl")
    with open(path, "wb") as f:
        for _ in range(mb * 1_000_000 // len(line)):
            f.write(line)
    peaks[mb] = peak_mb([whosays, "batch", "-j", "2", "-o", os.devnull, path])
    os.unlink(path)
print(f"peak memory {peaks[1]:.1f} MB for 1 MB of input, {peaks[16]:.1f} MB for 16 MB")
assert peaks[1] > 0 and peaks[16] - peaks[1] < 8, peaks
PY
then pass "batch: peak memory stays flat from 1 MB to 16 MB of input"
else fail "batch: peak memory stays flat from 1 MB to 16 MB of input" "see above"; fi

# On a terminal (a pseudo-terminal here) the progress line comes by itself.
if python3 - "$whosays" "$work/archive.jsonl" <<'PY'
import os, pty, subprocess, sys
master, slave = pty.openpty()
run = subprocess.run([sys.argv[1], "batch", sys.argv[2]], stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
seen = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
assert run.returncode == 1, run.returncode
assert b"articles/s  ETA" in seen and b"\r" in seen, seen[:300]
assert b"whosays batch: 11 articles" in seen, seen[-300:]
PY
then pass "batch: a progress line when standard error is a terminal"; else fail "batch: a progress line when standard error is a terminal" "see above"; fi
if [ -n "$shared" ] && [ -d "$shared/corpus/dev/articles" ]; then
  python3 - "$shared/corpus/dev/articles" "$work/dev.jsonl" <<'PY'
import glob, json, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
        out.write(json.dumps(json.load(open(path, encoding="utf-8")), ensure_ascii=False) + "\n")
PY
  if run "batch dev corpus" 0 batch -j 2 "$work/dev.jsonl" &&
     python3 "$check_batch" "$work/dev.jsonl" "$work/out" "$whosays" >"$work/check" 2>&1; then
    pass "batch: the dev corpus as JSON lines gives analyze's output for every article"
  else
    fail "batch: the dev corpus as JSON lines gives analyze's output for every article" "$(head -c 600 "$work/check" "$work/err")"
  fi
else
  echo "skip  batch on the dev corpus (no shared/corpus/dev)"
fi
printf '' >"$work/empty.jsonl"
run "batch empty" 0 batch "$work/empty.jsonl" && [ ! -s "$work/out" ] && pass "batch: an empty input gives no records, status 0" || fail "batch: empty input" "$(head -c 200 "$work/out")"
run "batch bad jobs" 2 batch -j 0 "$work/empty.jsonl" && expect_in err "batch: -j is checked" '^whosays: --jobs must be a whole number from 1 to 256'
run "batch two files" 2 batch a.jsonl b.jsonl && expect_in err "batch: two FILEs are refused" '^whosays: batch takes one FILE'
run "batch missing" 1 batch "$work/none.jsonl" && expect_in err "batch: a missing file is named" '^whosays: cannot open .*none\.jsonl'
run "batch directory" 1 batch "$work" && expect_in err "batch: a directory is refused" 'is a directory, not a JSON-lines file'
run "batch unwritable" 1 batch -o "$work/no/such/dir/out.jsonl" "$work/empty.jsonl" && expect_in err "batch: an unwritable output is named" '^whosays: cannot write .*out\.jsonl'
if [ -w /dev/full ]; then
  "$whosays" batch "$work/archive.jsonl" >/dev/full 2>"$work/err"
  [ $? = 1 ] && grep -q 'cannot write the output' "$work/err" && pass "batch: a full disk is an error, not a silent loss" ||
    fail "batch: a full disk is an error, not a silent loss" "$(head -c 300 "$work/err")"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
