"""What the word pairs of pasted passages cost an OpenSearch index: size and build time.

    python -m bench.quote_pairs_cost --url URL (--demo | --docs DOCUMENTS.jsonl) [--limit N]
        [--layouts without,keyword,joined] [--rounds N] [--jvm-pid PID]

Writes the same extracted documents into new one-shard indexes without replicas, once per
layout of the `shingle` field (`indexer.opensearch_passages.PAIRS`, each record's distinct
word pairs, docs-only postings, no norms): `without` the pairs (the layout since session 19:
they are found as words side by side), as a `keyword` array (one
value a pair, the layout of 29d0d26), `joined` (one string, a pair a line, cut by the
cluster: `indexer.opensearch_mapping.PAIR_LINES`, the layout of session 18), or either with the
pairs left out of `_source` (`-nosource`); the builds alternated, the order reversed every
other round. Each index is then merged to one segment and its primary store size read
(`_stats`). Then the same word searches (a page of 10 hits, their whole `_source`, as search
pages read them) go to every index, alternated. Prints one JSON line per build on stderr and
one on stdout at the end: for each build the records, the wall seconds of writing (Python's
records and the cluster's bulk requests), the cluster's CPU seconds writing
(`jvm_write_s`: from /proc of `--jvm-pid`, else the nodes' stats) and merging, its CPU
seconds a MB of JSON, the Python CPU seconds of making the records, the JSON MB sent, the
merged store size, and the searches' median `took` and client milliseconds and the
cluster's CPU milliseconds a search.
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


# How the pairs are sent (`--layouts`): not at all (today's layout); a keyword array (one
# value a pair, as 29d0d26); one string of the pairs joined by newlines, cut by a
# `char_group` tokenizer in the cluster (the same terms); that string left out of `_source`
# (recovery source then)
LAYOUTS = ("without", "keyword", "joined", "joined-nosource", "keyword-nosource")


JVM_PIDS: list[int] = []  # `--jvm-pid`: the cluster's processes, read in /proc


def jvm_cpu_ms(client) -> int:
    """Return the CPU milliseconds the cluster's JVMs have used: of `JVM_PIDS` from /proc,
    else the largest node's (the test cluster's three nodes are one process)."""
    if JVM_PIDS:
        import os

        tick = os.sysconf("SC_CLK_TCK")
        fields = [Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                  for pid in JVM_PIDS]
        return sum((int(f[11]) + int(f[12])) * 1000 // tick for f in fields)
    nodes = client.nodes.stats(metric="process")["nodes"].values()
    return max(n["process"]["cpu"]["total_in_millis"] for n in nodes)


def layout_body(layout: str) -> dict:
    """Return `index_body(1, 0)` for one of LAYOUTS (`without`: today's, the pairs found as
    words side by side; the others as sessions 17-18 had them, `with_pairs`)."""
    from indexer.opensearch_mapping import index_body, with_pairs
    from indexer.opensearch_passages import PAIRS

    body = index_body(1, 0)
    if layout == "without":
        return body
    body = with_pairs(body, lines=layout.startswith("joined"))
    if layout.endswith("nosource"):
        body["mappings"]["_source"] = {"excludes": [PAIRS]}
    return body


def build(client, name: str, docs: list, layout: str) -> dict:
    """Write `docs` into a new index `name` (pairs sent as `layout`) and measure it."""
    from indexer.documents import text_hash
    from indexer.opensearch_mapping import records
    from indexer.opensearch_writer import bulk

    pairs = layout != "without"
    client.indices.delete(index=name, ignore_unavailable=True)
    client.indices.create(index=name, body=layout_body(layout))
    sent = {"bytes": 0, "python_s": 0.0}

    def actions():
        for doc in docs:
            t0 = time.process_time()
            made = list(records(doc, text_hash(doc), pairs=pairs,
                                lines=layout.startswith("joined")))
            sent["python_s"] += time.process_time() - t0
            for record in made:
                sent["bytes"] += len(orjson.dumps(record))
                yield {"_index": name, "_id": record["id"], "_source": record}

    cpu0 = jvm_cpu_ms(client)
    started = time.perf_counter()
    written = bulk(client, actions())
    client.indices.refresh(index=name)
    wall = time.perf_counter() - started
    cpu1 = jvm_cpu_ms(client)
    client.indices.forcemerge(index=name, max_num_segments=1, request_timeout=1800)
    cpu2 = jvm_cpu_ms(client)
    stats = client.indices.stats(index=name, metric="store,docs")["_all"]["primaries"]
    return {"records": written, "write_s": round(wall, 1), "python_s": round(sent["python_s"], 1),
            "jvm_write_s": round((cpu1 - cpu0) / 1000, 1),
            "jvm_merge_s": round((cpu2 - cpu1) / 1000, 1),
            "json_mb": round(sent["bytes"] / 1e6, 3),
            "jvm_s_per_mb": round((cpu1 - cpu0) / 1000 / (sent["bytes"] / 1e6), 4),
            "store_mb": round(stats["store"]["size_in_bytes"] / 1e6, 3)}


def searches(client, names: list[str], words: list[str], rounds: int = 3) -> dict[str, dict]:
    """Time the same word searches on each index, alternated (request cache off), and the
    cluster's CPU they take: each round runs every word on one index, then on the next."""
    import statistics

    took: dict[str, list[float]] = {n: [] for n in names}
    wall: dict[str, list[float]] = {n: [] for n in names}
    cpu: dict[str, int] = dict.fromkeys(names, 0)
    for r in range(rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            cpu0 = jvm_cpu_ms(client)
            for word in words:
                t0 = time.perf_counter()
                answer = client.search(index=name, body={
                    "size": 10, "track_total_hits": True, "query": {"bool": {
                        "filter": [{"term": {"type": "doc"}}],
                        "must": [{"match": {"text": word}}]}}},
                    params={"request_cache": "false"})
                wall[name].append((time.perf_counter() - t0) * 1000)
                took[name].append(answer["took"])
            cpu[name] += jvm_cpu_ms(client) - cpu0
    return {n: {"took_ms": statistics.median(took[n]),
                "client_ms": round(statistics.median(wall[n]), 2),
                "jvm_ms_per_search": round(cpu[n] / len(took[n]), 2)} for n in names}


def main(argv: list[str] | None = None) -> int:
    """Build both ways, alternated, and print what the pairs cost."""
    from indexer.opensearch_client import connect

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--docs", type=Path, help="extracted documents (JSONL)")
    parser.add_argument("--demo", action="store_true", help="the demo corpus")
    parser.add_argument("--limit", type=int, help="the first N documents of --docs")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--layouts", default="without,keyword",
                        help="comma-separated, of " + ", ".join(LAYOUTS))
    parser.add_argument("--keep", metavar="ALIAS",
                        help="keep the index of the last layout, behind this alias")
    parser.add_argument("--jvm-pid", type=int, action="append", default=[],
                        help="a cluster process whose CPU is read in /proc (repeatable)")
    args = parser.parse_args(argv)
    JVM_PIDS[:] = args.jvm_pid
    layouts = args.layouts.split(",")
    docs = list(demo_documents() if args.demo else jsonl_documents(args.docs, args.limit))
    client = connect(args.url)
    runs: dict[str, list[dict]] = {label: [] for label in layouts}
    names = {label: f"pairs-cost-{label}" for label in runs}
    words = sorted({w.lower() for d in docs[:400] for w in (d.title or "").split()
                    if len(w) > 5 and w.isalpha()})[:120]
    try:
        for n in range(args.rounds):
            order = layouts if n % 2 == 0 else layouts[::-1]
            for label in order:
                runs[label].append(build(client, names[label], docs, label))
                print(json.dumps({label: runs[label][-1]}), file=sys.stderr, flush=True)
            timed = searches(client, list(names.values()), words)
            for label in runs:
                runs[label][-1].update(timed[names[label]])
        if args.keep:
            client.indices.put_alias(index=names[layouts[-1]], name=args.keep)
    finally:
        for label, name in names.items():
            if not (args.keep and label == layouts[-1]):
                client.indices.delete(index=name, ignore_unavailable=True)
        client.close()
    print(json.dumps({"docs": len(docs), **runs}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
