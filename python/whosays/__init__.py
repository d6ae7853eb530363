"""whosays: finds casualty and responsibility claims in news articles and says,
for each, who stands behind it (attributed, vague or unattributed).

    >>> import whosays
    >>> result = whosays.analyze({"id": "a", "text": "Title\\n\\nFive people were killed, police said."})
    >>> result["summary"]["claims"], result["claims"][0]["status"], result["claims"][0]["source"]
    (1, 'attributed', 'police')

An article is a dict or JSON text in the corpus format (an object with a
"blocks" array) or a plain {"id", "text"} object; bytes are taken as UTF-8
JSON. Results are the dicts `whosays analyze` prints as JSON, key for key
(docs/output.md). Bad input raises whosays.Error (a ValueError). The module
never prints. Analysis runs with the GIL released, so analyze_many(jobs=N)
and Python threads run N analyses at once. See docs/batch.md.
"""
import itertools
import json

from ._whosays import Error, __version__, analyze_json, analyze_many_json, batch_json, max_article_json_bytes

__all__ = ["Error", "analyze", "analyze_many", "batch", "max_article_json_bytes", "__version__"]


def _encode(article):
    """An article as UTF-8 JSON bytes for the core. Text that is not valid
    UTF-8 (lone surrogates, bytes smuggled in by surrogateescape) stays
    invalid, for the core to refuse with a message that names the byte."""
    if isinstance(article, (bytes, bytearray, memoryview)):
        return bytes(article)
    if isinstance(article, str):
        return article.encode("utf-8", "surrogateescape")
    if isinstance(article, dict):
        try:
            text = json.dumps(article, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise Error(f"article cannot be written as JSON: {error}") from None
        return text.encode("utf-8", "surrogatepass")
    raise Error(f"an article is a dict, JSON text or UTF-8 bytes, not {type(article).__name__}")


def analyze(article):
    """The claims and summary of one article: {"claims": [...], "summary": {...}},
    the same as `whosays analyze`. Raises Error on bad input."""
    return json.loads(analyze_json(_encode(article)))


def _jobs(jobs):
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 1 <= jobs <= 256:
        raise Error(f"jobs must be a whole number from 1 to 256, not {jobs!r}")
    return jobs


def analyze_many(articles, jobs=1, errors="raise", chunk_size=None):
    """Yields analyze(article) for each article of an iterable, in order,
    analysed on `jobs` threads. It takes `chunk_size` articles at a time
    (default 64 per job), so memory stays flat for an endless iterable.

    errors="raise" (default): the first bad article raises Error("article N:
    ...") after the results before it were yielded. errors="record": a bad
    article yields {"error": message} and the others go on."""
    jobs = _jobs(jobs)
    if errors not in ("raise", "record"):
        raise Error(f"errors must be 'raise' or 'record', not {errors!r}")
    size = chunk_size or 64 * jobs
    iterator = iter(articles)
    index = 0
    while True:
        chunk = list(itertools.islice(iterator, size))
        if not chunk:
            return
        encoded = []
        failures = {}
        for i, article in enumerate(chunk):
            try:
                encoded.append(_encode(article))
            except Error as error:
                encoded.append(b"")
                failures[i] = str(error)
        for i, (ok, text) in enumerate(analyze_many_json(encoded, jobs)):
            if i in failures:
                ok, text = False, failures[i]
            if ok:
                yield json.loads(text)
            elif errors == "raise":
                raise Error(f"article {index + i}: {text}")
            else:
                yield {"error": text}
        index += len(chunk)


def batch(lines, jobs=1, first_line=1):
    """`whosays batch` on a list of JSON lines (str or bytes, a trailing
    newline allowed): one record per non-blank line, as JSON text, the same
    bytes the command writes; line numbers count from first_line."""
    encoded = [_encode(line) for line in lines]
    return batch_json(encoded, _jobs(jobs), first_line)
