"""Run the benchmark: `python -m bench [--quick] [--corpus small|real|250k|1m] [--quality]`.

Lays out the corpus in a work folder, indexes it with Verbatim and the peers (SQLite FTS5,
tantivy), times the frozen query mix on each, optionally measures retrieval quality, then
writes `bench/results/report-<corpus>.md`, `results-<corpus>.json` and PNG plots, and prints
the main table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import time
from datetime import datetime
from pathlib import Path

from bench import corpora, report
from bench.queries import QUERIES_V1, load_mix

NOTES = [
    "tantivy analyzer: `simple` tokenizer, lowercase, ASCII folding, Verbatim's stop words, "
    "tantivy's Snowball French stemmer (`Filter.stemmer(\"french\")`); phrases on an unstemmed "
    "`exact` field; BM25, title boosted 2; facets by terms aggregations on fast fields.",
    "SQLite FTS5: `unicode61 remove_diacritics 2`, no stemming; Verbatim's stop words dropped "
    "from queries; bm25 with title weight 2; facets by GROUP BY over a side table "
    "(docid, facet, value); snippets with `snippet()`.",
    "All engines, as Verbatim: up to 3 plain words all required, more words at least half of "
    "them (peers: an OR of the AND combinations); plain words widened to any word under 10 "
    "matches, a query with a phrase only when nothing matches; each facet's counts ignore its "
    "own selection; year histogram (months when the results span one year); 10 hits a page "
    "with snippets.",
]


OPENSEARCH_NOTE = (
    "OpenSearch: Verbatim's own search() with the OpenSearch engine (indexer.opensearch_engine: "
    "the same French analysis as an OpenSearch mapping, the same queries, disjunctive facets "
    "as filtered aggregations, date histogram, highlighted snippets), on a cluster of three "
    "nodes on loopback in one JVM (tests/cluster) sharing the machine's cores with everything "
    "else; one primary shard and one replica. Its indexing rows time the indexer (`index-only`: "
    "Verbatim's extracted documents, quotations included, sent in bulk; `full`: `verbatim "
    "index --engine opensearch` on the files) until the alias moves; the JVM's memory is not "
    "in the RSS columns, its index size is the primary shards'.")


def environment(load: str) -> dict:
    """Return what the report says about the machine and the libraries."""
    try:
        import tantivy

        tantivy_version = str(getattr(tantivy, "__version__", "installed"))
    except ImportError:
        tantivy_version = "absent"
    from importlib.metadata import version

    return {"platform": platform.platform(), "python": platform.python_version(),
            "cpus": os.cpu_count(), "whoosh": version("Whoosh-Reloaded"),
            "sqlite": sqlite3.sqlite_version, "tantivy": tantivy_version,
            "load_before": load, "load_after": None}


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Return the command-line options."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="the small corpus, one timed round (under two minutes)")
    parser.add_argument("--corpus", choices=list(corpora.SIZES), default="small")
    parser.add_argument("--rounds", type=int, help="timed rounds of the mix (default 3; 1 quick)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed warm-up queries")
    parser.add_argument("--workers", type=int, help="Verbatim indexing workers")
    parser.add_argument("--queries", type=Path, default=QUERIES_V1, help="the query mix")
    parser.add_argument("--work", type=Path, default=corpora.WORK, help="work folder")
    parser.add_argument("--out", type=Path, default=corpora.RESULTS, help="report folder")
    parser.add_argument("--index-only", action="store_true",
                        help="with --quick: still time Verbatim's writer on extracted documents")
    parser.add_argument("--no-index-only", action="store_true",
                        help="skip Verbatim's index-only build (it doubles the indexing time)")
    parser.add_argument("--reuse-indexes", action="store_true",
                        help="time the queries on the indexes of the last run of this corpus "
                             "(no layout, no indexing; its indexing figures are repeated)")
    parser.add_argument("--quality", action="store_true", help="also measure retrieval quality")
    parser.add_argument("--quality-only", action="store_true", help="only retrieval quality")
    parser.add_argument("--sets", default="", help="quality sets, comma-separated "
                        "(piaf,service-public,cnil; default all)")
    parser.add_argument("--no-profile", action="store_true",
                        help="skip the stage breakdown and the cProfile of the slowest kind")
    parser.add_argument("--opensearch", metavar="URL",
                        help="also index into and search an OpenSearch cluster: its URL, or "
                             "`local` for three nodes on loopback started for the run "
                             "(tests/cluster; Java and Maven)")
    parser.add_argument("--http", metavar="URL",
                        help="also time the full search page of a running web app (e.g. "
                             "http://127.0.0.1:5000) when it answers /")
    args = parser.parse_args(argv)
    if args.quick:
        args.corpus = "small"
    if args.rounds is None:
        args.rounds = 1 if args.quick else 3
    return args


def run_with_cluster(args: argparse.Namespace) -> dict:
    """`run`, with the OpenSearch cluster of `--opensearch` up for the whole run."""
    if not args.opensearch:
        return run(args)
    from bench.engines.opensearch_peer import cluster

    with cluster(args.opensearch, args.out / "opensearch") as (url, _):
        return run(args, url)


def run(args: argparse.Namespace, opensearch: str | None = None) -> dict:
    """Run the steps the options ask for and return the result document (with the cluster
    at `opensearch` as a fourth engine)."""
    from bench.engines.sqlite_fts import SqliteEngine
    from bench.engines.verbatim import VerbatimEngine
    from bench.index_runs import run_indexing
    from bench.latency import agreement, by_kind, http_answers, time_http, time_queries

    log = print
    mix = load_mix(args.queries)
    result: dict = {"started": datetime.now().isoformat(timespec="seconds"),
                    "environment": environment(_load()), "rounds": args.rounds,
                    "warmup": args.warmup, "notes": list(NOTES),
                    "mix": {"name": mix.name, "version": mix.version, "checksum": mix.checksum,
                            "count": len(mix.queries)}}
    started = time.perf_counter()
    if args.reuse_indexes:
        report = args.out / f"results-{args.corpus}.json"
        if report.exists():
            previous = json.loads(report.read_text("utf-8"))
            indexes = reused_indexes(args.work / args.corpus, previous["docs"])
            result.update(corpus=previous["corpus"], indexing=previous["indexing"],
                          docs=previous["docs"])
            result["notes"].append(f"--reuse-indexes: the indexes and indexing figures of the "
                                   f"run of {previous['started']}; only the queries were timed "
                                   "again.")
        else:  # indexes left by `bench.quotes`, or a report written elsewhere: no indexing figures
            folder = args.work / args.corpus
            count = docs_count(folder)
            indexes = reused_indexes(folder, count)
            files = corpora.corpus_files(folder / "files")
            result.update(corpus={"name": args.corpus, "folder": str(folder),
                                  "files": len(files),
                                  "bytes": sum(f.stat().st_size for f in files)},
                          indexing=[], docs=count)
            result["notes"].append(f"--reuse-indexes: the indexes in {folder}; no report of "
                                   "the run that built them, so no indexing figures.")
        if opensearch:
            # the corpus files are read, never changed: no 1 % step on a reused corpus
            from bench.index_runs import opensearch_documents, opensearch_files

            scratch = args.out / "opensearch"
            corpus = corpora.Corpus(args.corpus, folder=args.work / args.corpus / "files",
                                    files=0, bytes=0, target_docs=None)
            log("indexing into OpenSearch (the corpus files are only read)")
            result["indexing"] = [*result["indexing"], *(r.to_dict() for r in (
                opensearch_documents(opensearch, indexes.verbatim, scratch, log),
                opensearch_files(opensearch, corpus, args.workers, "full", log),
                opensearch_files(opensearch, corpus, args.workers, "unchanged", log)))]
            indexes.opensearch = opensearch
    else:
        log(f"corpus {args.corpus}: laying out under {args.work / args.corpus}")
        corpus = corpora.build(args.corpus, work=args.work, log=log)
        result["corpus"] = corpus.to_dict()
        log(f"  {corpus.files} files, {corpus.bytes / 1e6:.1f} MB "
            f"({time.perf_counter() - started:.0f} s)")
        log("indexing")
        index_only = (not args.quick or args.index_only) and not args.no_index_only
        runs, indexes = run_indexing(corpus, args.work / args.corpus, args.workers, log=log,
                                     index_only=index_only, opensearch=opensearch)
        if not index_only:
            result["notes"].append("Verbatim's index-only build (extracted documents through "
                                   "its writer) was skipped (--quick or --no-index-only).")
        result["indexing"] = [r.to_dict() for r in runs]
        result["docs"] = indexes.count

    engines = [VerbatimEngine(indexes.verbatim), SqliteEngine(indexes.sqlite)]
    if indexes.tantivy:
        from bench.engines.tantivy_peer import TantivyEngine

        engines.append(TantivyEngine(indexes.tantivy))
    else:
        result["notes"].append("tantivy is not installed (pip install -e '.[bench]'): "
                               "no tantivy column.")
    if indexes.opensearch:
        from bench.engines.opensearch_peer import OpenSearchEngine

        engines.append(OpenSearchEngine(indexes.opensearch))
        result["notes"].append(OPENSEARCH_NOTE)
    log(f"queries: {len(mix.queries)} x {args.rounds} round(s) x {len(engines)} engines")
    timings = time_queries(engines, mix, args.rounds, args.warmup, log=log)
    if args.http:
        if http_answers(args.http):
            log(f"  full pages from {args.http}")
            time_http(args.http, mix, timings)
            result["notes"].append(f"verbatim-http: one GET of the search page per query from "
                                   f"{args.http} (that server's own index).")
        else:
            result["notes"].append(f"--http {args.http}: `/` did not answer 200, pages not timed.")
    result["latency"] = by_kind(timings, mix)
    result["agreement"] = agreement(timings, mix)
    if not args.no_profile:
        from bench.breakdown import breakdown
        from bench.profiling import profile_queries

        sample = mix.queries[:: 2 if args.quick else 1]
        log(f"stage breakdown of Verbatim's search ({len(sample)} queries)")
        result["breakdown"] = breakdown(engines[0], sample)

        mine = result["latency"]["verbatim"]
        slowest = max((k for k in mine if k != "all"), key=lambda k: mine[k]["median"])
        queries = mix.by_kind()[slowest]
        log(f"profiling the slowest kind, {slowest} ({len(queries)} queries)")
        result["profile"] = {"kind": slowest, "queries": len(queries),
                             "text": profile_queries(engines[0], queries)}
    for engine in engines:
        engine.close()
    return result


def docs_count(work: Path) -> int:
    """Return how many documents the last run wrote to `work`/docs.jsonl (0 if none)."""
    docs = work / "docs.jsonl"
    if not docs.exists():
        return 0
    with docs.open(encoding="utf-8") as handle:
        return sum(1 for _ in handle)


def reused_indexes(work: Path, count: int):
    """Return the `Indexes` a previous run left in `work`; FileNotFoundError names a missing one."""
    from bench.index_runs import Indexes

    indexes = Indexes(work / "verbatim-index", work / "fts5.sqlite", work / "tantivy-index",
                      work / "docs.jsonl", count)
    for path in (indexes.verbatim, indexes.sqlite, indexes.docs):
        if not path.exists():
            raise FileNotFoundError(f"--reuse-indexes: {path} is missing: run without it first")
    if not indexes.tantivy.exists():
        indexes.tantivy = None
    return indexes


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the report."""
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if args.quality_only:
        result = {"started": datetime.now().isoformat(timespec="seconds"),
                  "environment": environment(_load()), "notes": []}
        name = "quality"
    else:
        result = run_with_cluster(args)
        name = args.corpus
    if args.quality or args.quality_only:
        from bench.quality import run_quality

        print("retrieval quality")
        sets = [s for s in args.sets.split(",") if s] or None
        result["quality"] = run_quality(sets)
    result["environment"]["load_after"] = _load()
    result["seconds"] = time.perf_counter() - started
    (args.out / f"results-{name}.json").write_text(json.dumps(result, indent=1), "utf-8")

    plots = []
    if not args.quality_only:
        every = [r for r in report.load_results(args.out) if r.get("docs")]
        for made in (report.plot_latency(every, args.out / "latency-vs-size.png"),
                     report.plot_indexing(every, args.out / "indexing-throughput.png"),
                     report.plot_latency_kinds(result, args.out / f"latency-{name}.png")):
            if made:
                plots.append(made)
        if not plots:
            result["notes"].append("matplotlib is not installed: no plots.")
        text = report.markdown(result, plots)
    else:
        text = "# Verbatim retrieval quality\n\n" + report.quality_table(result["quality"]) + "\n"
    path = args.out / f"report-{name}.md"
    path.write_text(text, "utf-8")

    print()
    if result.get("latency"):
        print(report.latency_table(result["latency"]))
        print()
        print(report.indexing_table(result["indexing"]))
    if result.get("breakdown"):
        from bench.breakdown import breakdown_table

        print()
        print(breakdown_table(result["breakdown"]))
    if result.get("quality"):
        print()
        print(report.quality_table(result["quality"]))
    print(f"\nreport: {path} ({result['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
