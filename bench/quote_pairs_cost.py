"""What the word pairs of pasted passages cost an OpenSearch index: size and build time.

    python -m bench.quote_pairs_cost --url URL (--demo | --docs DOCUMENTS.jsonl) [--limit N]

Writes the same extracted documents twice into new one-shard indexes without replicas, with
and without the `shingle` keyword (`indexer.opensearch_passages.PAIRS`: each record's distinct
word pairs, docs-only postings, no doc values, no norms), the two builds alternated; each
index is then merged to one segment and its primary store size read (`_stats`). Then the
same word searches (a page of 10 hits, their whole `_source`, as search pages read them) go
to both indexes, alternated: the pairs make each record's `_source` longer. Prints one JSON
line: for each build the records, the wall seconds of writing (Python's records and the
cluster's bulk requests), the Python CPU seconds of making the records, the JSON bytes sent,
the merged store size, and the searches' median `took` and client milliseconds; then the
pairs' share.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import orjson


def demo_documents() -> Iterator:
    """Yield the demo corpus's documents, read and extracted as `verbatim index` does."""
    from indexer.documents import documents_from_file
    from tests.conftest import DEMO

    for path in sorted(p for p in DEMO.rglob("*") if p.is_file()):
        try:
            yield from documents_from_file(path, DEMO)
        except Exception:  # noqa: BLE001 - a file the indexer skips too
            continue


def jsonl_documents(path: Path, limit: int | None) -> Iterator:
    """Yield the `Document`s of a JSONL file (`bench.build opensearch-docs`'s input)."""
    from indexer.document import Document

    with path.open("rb") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            if line.strip():
                yield Document.from_dict(orjson.loads(line))


def build(client, name: str, docs: list, pairs: bool) -> dict:
    """Write `docs` into a new index `name` (with or without the pairs) and measure it."""
    from indexer.documents import text_hash
    from indexer.opensearch_engine import PAIRED, index_body, records
    from indexer.opensearch_passages import PAIRS
    from indexer.opensearch_writer import bulk

    body = index_body(1, 0)
    if not pairs:
        del body["mappings"]["properties"][PAIRS]
        del body["mappings"]["_meta"][PAIRED]
    client.indices.delete(index=name, ignore_unavailable=True)
    client.indices.create(index=name, body=body)
    sent = {"bytes": 0, "python_s": 0.0}

    def actions():
        for doc in docs:
            t0 = time.process_time()
            made = list(records(doc, text_hash(doc), pairs=pairs))
            sent["python_s"] += time.process_time() - t0
            for record in made:
                sent["bytes"] += len(orjson.dumps(record))
                yield {"_index": name, "_id": record["id"], "_source": record}

    started = time.perf_counter()
    written = bulk(client, actions())
    client.indices.refresh(index=name)
    wall = time.perf_counter() - started
    client.indices.forcemerge(index=name, max_num_segments=1, request_timeout=1800)
    stats = client.indices.stats(index=name, metric="store,docs")["_all"]["primaries"]
    return {"records": written, "write_s": round(wall, 1), "python_s": round(sent["python_s"], 1),
            "json_mb": round(sent["bytes"] / 1e6, 3),
            "store_mb": round(stats["store"]["size_in_bytes"] / 1e6, 3)}


def searches(client, names: list[str], words: list[str], rounds: int = 3) -> dict[str, dict]:
    """Time the same word searches on each index, alternated (request cache off)."""
    import statistics

    took: dict[str, list[float]] = {n: [] for n in names}
    wall: dict[str, list[float]] = {n: [] for n in names}
    for _ in range(rounds):
        for i, word in enumerate(words):
            for name in names[i % 2:] + names[:i % 2]:
                t0 = time.perf_counter()
                answer = client.search(index=name, body={
                    "size": 10, "track_total_hits": True, "query": {"bool": {
                        "filter": [{"term": {"type": "doc"}}],
                        "must": [{"match": {"text": word}}]}}},
                    params={"request_cache": "false"})
                wall[name].append((time.perf_counter() - t0) * 1000)
                took[name].append(answer["took"])
    return {n: {"took_ms": statistics.median(took[n]),
                "client_ms": round(statistics.median(wall[n]), 2)} for n in names}


def main(argv: list[str] | None = None) -> int:
    """Build both ways, alternated, and print what the pairs cost."""
    from indexer.opensearch_engine import _client

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--docs", type=Path, help="extracted documents (JSONL)")
    parser.add_argument("--demo", action="store_true", help="the demo corpus")
    parser.add_argument("--limit", type=int, help="the first N documents of --docs")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--keep", metavar="ALIAS",
                        help="keep the index with the pairs, behind this alias")
    args = parser.parse_args(argv)
    docs = list(demo_documents() if args.demo else jsonl_documents(args.docs, args.limit))
    client = _client(args.url)
    runs: dict[str, list[dict]] = {"with": [], "without": []}
    names = {label: f"pairs-cost-{label}" for label in runs}
    words = sorted({w.lower() for d in docs[:400] for w in (d.title or "").split()
                    if len(w) > 5 and w.isalpha()})[:120]
    try:
        for _ in range(args.rounds):
            for label, pairs in (("without", False), ("with", True)):
                runs[label].append(build(client, names[label], docs, pairs))
            timed = searches(client, list(names.values()), words)
            for label in runs:
                runs[label][-1].update(timed[names[label]])
        if args.keep:
            client.indices.put_alias(index=names["with"], name=args.keep)
    finally:
        for label, name in names.items():
            if not (args.keep and label == "with"):
                client.indices.delete(index=name, ignore_unavailable=True)
        client.close()
    last = {label: r[-1] for label, r in runs.items()}
    print(json.dumps({"docs": len(docs), **runs,
                      "store_share": round(last["with"]["store_mb"]
                                           / last["without"]["store_mb"] - 1, 3),
                      "json_share": round(last["with"]["json_mb"]
                                          / last["without"]["json_mb"] - 1, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
