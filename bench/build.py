"""One indexing step, run as a child process so that its time and memory stand alone.

    python -m bench.build verbatim --paths FOLDER --index DIR [--workers N] [--no-reuse]
    python -m bench.build verbatim-docs --docs DOCUMENTS.jsonl --index DIR [--workers N]
    python -m bench.build sqlite|tantivy --docs DOCS.jsonl --out PATH [--update SOURCES.json]
    python -m bench.build sqlite|tantivy --paths FOLDER --out DIR [--workers N]
    python -m bench.build opensearch --paths FOLDER --url URL --alias A [--rebuild] [--workers N]
    python -m bench.build opensearch-docs --docs DOCUMENTS.jsonl --url URL --alias A

`opensearch` is `verbatim index --engine opensearch` (reading, extraction, the cluster's
bulk requests); `opensearch-docs` writes already extracted `Document`s into a new index of
the cluster: its own part, comparable with the peers' builds.

`sqlite|tantivy --paths` is the peer end to end (`bench.peer_files`): Verbatim's reading
and extraction (its reading pool, every core), then the peer's own writer, into a new index
in the folder `--out`: what a user of that engine would wait (no quotation records, no reuse
groups). `verbatim` and the peers end to end tell when their records were searchable
(`searchable_at`, epoch seconds: `bench.end_to_end` counts it from the child's start).

`verbatim-docs` writes already extracted `Document`s (as `bench.docs.verbatim_documents`
dumps them) with Verbatim's own writer, schema and analyzer: Verbatim's indexing cost alone,
without reading files or extracting metadata, comparable with the peers' builds.

Prints one JSON line: the documents indexed and what the engine reported.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path


def index_documents(path: Path, index_dir: Path, workers: int | None) -> tuple[int, int]:
    """Index the `Document` dicts of a JSONL file as `index_paths` would (same writer)."""
    import shutil

    from indexer.document import Document
    from indexer.documents import text_hash
    from indexer.indexing import _add, _workers, _writer, open_or_create

    if index_dir.exists():
        shutil.rmtree(index_dir)
    with path.open(encoding="utf-8") as handle:
        docs = [Document.from_dict(json.loads(line)) for line in handle if line.strip()]
    ix = open_or_create(index_dir)
    # as index_paths: one writer, multi-process when there are enough files to read
    writer = _writer(ix, _workers(workers), len(docs))
    text_bytes = 0
    for doc in docs:
        _add(writer, doc, text_hash(doc))
        text_bytes += len(doc.text.encode("utf-8"))
    writer.commit()
    return len(docs), text_bytes


def opensearch_step(args: argparse.Namespace) -> dict:
    """Index files (`opensearch`) or extracted documents (`opensearch-docs`) into the cluster;
    return the documents written, their text bytes and the cluster's part."""
    if args.engine == "opensearch":
        from indexer.opensearch_writer import index_cluster

        report, shipped = index_cluster(args.paths, args.url, args.alias, rebuild=args.rebuild,
                                        workers=args.workers)
        data = report.to_dict()
        data["skipped"] = len(report.skipped)
        return {"docs": report.documents, **data, "opensearch": shipped}
    from indexer.document import Document
    from indexer.opensearch_writer import load_documents

    count = text_bytes = 0

    import orjson

    def documents():
        nonlocal count, text_bytes
        with args.docs.open("rb") as handle:
            for line in handle:
                if line.strip():
                    doc = Document.from_dict(orjson.loads(line))
                    count += 1
                    text_bytes += len(doc.text.encode("utf-8"))
                    yield doc

    started = time.perf_counter()
    shipped = load_documents(documents(), args.url, args.alias)
    return {"docs": count, "text_bytes": text_bytes, "opensearch": shipped,
            "seconds": time.perf_counter() - started}


def _cpu_split() -> dict[str, float]:
    """Return the CPU seconds of this process (the indexer: the records, their JSON, the
    bulk requests) and of its children (the reading workers, once they have ended)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu_main_s": round(own.ru_utime + own.ru_stime, 1),
            "cpu_workers_s": round(children.ru_utime + children.ru_stime, 1)}


def _files_step(report) -> dict:
    """Return the JSON summary of a run from the files (`indexer.indexing.Report`), with
    when its records were searchable (epoch seconds: the report counts from its start)."""
    from bench.procs import own_peak_mb

    data = report.to_dict()
    data["skipped"] = len(report.skipped)
    searchable = report.searchable_seconds or report.seconds
    return {"docs": report.documents, **data,
            "searchable_at": time.time() - (report.seconds - searchable),
            "vm_hwm_mb": own_peak_mb(), **_cpu_split()}


def main(argv: list[str] | None = None) -> int:
    """Run one build or update step and print its JSON summary."""
    parser = argparse.ArgumentParser()
    parser.add_argument("engine", choices=["verbatim", "verbatim-docs", "sqlite", "tantivy",
                                           "opensearch", "opensearch-docs"])
    parser.add_argument("--paths", type=Path, nargs="*", default=[])
    parser.add_argument("--index", type=Path)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--no-reuse", action="store_true",
                        help="verbatim: leave out the reuse groups (`bench.reuse_cost`)")
    parser.add_argument("--docs", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--update", type=Path, help="JSON list of sources whose documents "
                        "are replaced by --docs")
    parser.add_argument("--url", help="opensearch: the cluster's URL")
    parser.add_argument("--alias", help="opensearch: the index's alias")
    parser.add_argument("--rebuild", action="store_true", help="opensearch: a new index")
    args = parser.parse_args(argv)
    from bench.procs import own_peak_mb

    if args.engine.startswith("opensearch"):
        print(json.dumps({**opensearch_step(args), "vm_hwm_mb": own_peak_mb(), **_cpu_split()}))
        return 0

    started = time.perf_counter()
    if args.engine == "verbatim":
        from indexer.indexing import index_paths

        report = index_paths(args.paths, args.index, workers=args.workers,
                             find_reuse=not args.no_reuse)
        print(json.dumps(_files_step(report)))
        return 0
    if args.paths and args.engine in ("sqlite", "tantivy"):
        from bench.peer_files import index_files

        print(json.dumps(_files_step(index_files(args.engine, args.paths, args.out,
                                                 workers=args.workers))))
        return 0
    if args.engine == "verbatim-docs":
        count, text_bytes = index_documents(args.docs, args.index, args.workers)
        print(json.dumps({"docs": count, "text_bytes": text_bytes,
                          "seconds": time.perf_counter() - started, "vm_hwm_mb": own_peak_mb()}))
        return 0
    from bench.docs import read_docs

    docs = read_docs(args.docs)
    if args.engine == "sqlite":
        from bench.engines import sqlite_fts as engine
    else:
        from bench.engines import tantivy_peer as engine
    if args.update:
        sources = set(json.loads(args.update.read_text("utf-8")))
        count = engine.update(args.out, sources, docs)
    else:
        count = engine.build(docs, args.out)
    print(json.dumps({"docs": count, "seconds": time.perf_counter() - started,
                      "vm_hwm_mb": own_peak_mb()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
