"""whosays on a Dask cluster (docs/batch.md).

    import dask.bag as db
    from distributed import Client
    import whosays.dask

    client = Client("tcp://scheduler:8786")          # or Client(LocalCluster(...))
    lines = db.read_text("archive/*.jsonl", errors="surrogateescape")
    records = whosays.dask.analyze_bag(lines)        # a bag of `whosays batch` records
    table = whosays.dask.source_table(records).compute()

Each partition is analysed by whosays.batch on the worker, so a bag read with
one partition per file (read_text's default) gives, file for file, the
records `whosays batch FILE` writes, error records and line numbers included.
"""
import json

import whosays

__all__ = ["analyze_bag", "source_table", "SOURCE_COLUMNS"]


def _records(lines, jobs, as_text):
    texts = whosays.batch(list(lines), jobs=jobs)
    return texts if as_text else [json.loads(text) for text in texts]


def analyze_bag(bag, jobs=1, as_text=False):
    """A bag of JSON lines (str, as read_text gives them; or article dicts)
    -> a bag of records, one per non-blank line, in order: {"id", "claims",
    "summary"}, or {"id", "line", "error"} for a line that cannot be analysed.
    jobs: threads per partition (the GIL is released while they work).
    as_text: the records as JSON text, byte for byte what `whosays batch`
    writes, to store with bag.to_textfiles(..., last_endline=True)."""
    return bag.map_partitions(_records, jobs, as_text)


# The per-source table: who is cited for which casualty figures.
SOURCE_COLUMNS = ["source", "status", "articles", "casualty_claims", "figures", "examples"]
_EXAMPLES = 5


def _source_key(claim):
    """A claim's source, as the table groups it: its name (case and a leading
    "the" ignored), or "(vague)" / "(none)" for the other verdicts."""
    if claim.get("status") == "attributed" and claim.get("source"):
        name = " ".join(claim["source"].split())
        lowered = name.lower()
        return (lowered[4:] if lowered.startswith("the ") else lowered), "attributed", name
    status = claim.get("status") or "unattributed"
    return "(" + status + ")", status, "(" + status + ")"


def _source_rows(record):
    """One partial row per source cited for a casualty figure in this article."""
    rows = {}
    for claim in record.get("claims") or ():
        if "casualty" not in claim.get("kinds", ()):
            continue
        key, status, name = _source_key(claim)
        row = rows.setdefault(key, {"source": name, "status": status, "articles": 1,
                                    "casualty_claims": 0, "figures": 0, "examples": []})
        row["casualty_claims"] += 1
        for quantity in claim.get("quantities") or ():
            row["figures"] += 1
            if quantity.get("text") and quantity["text"] not in row["examples"]:
                row["examples"].append(quantity["text"])
    return [(key, row) for key, row in sorted(rows.items())]


def _merge(a, b):
    examples = list(a["examples"])
    for text in b["examples"]:
        if text not in examples:
            examples.append(text)
    return {"source": min(a["source"], b["source"]), "status": a["status"],
            "articles": a["articles"] + b["articles"],
            "casualty_claims": a["casualty_claims"] + b["casualty_claims"],
            "figures": a["figures"] + b["figures"], "examples": sorted(examples)[:_EXAMPLES * 4]}


def _add(total, pair):
    return _merge(total, pair[1]) if total else pair[1]


def _combine(a, b):
    return _merge(a, b) if a and b else (a or b)


def _finish(item):
    row = dict(item[1])
    row["examples"] = "; ".join(sorted(row["examples"])[:_EXAMPLES])
    return row


def source_table(records):
    """A bag of records (analyze_bag's) -> a bag of one row per source, summed
    across the cluster: the source's name, its status (attributed, or the
    "(vague)" / "(unattributed)" rows), the articles citing it for casualty
    figures, those claims, their figures, and a few of the figures' texts
    ("examples", "; "-joined). Sort and write it after compute()."""
    pairs = records.map(_source_rows).flatten()
    return pairs.foldby(lambda pair: pair[0], _add, None, _combine, None).map(_finish)
