"""Indexing runs: a full build, a run with nothing changed and one with 1% of files changed.

Verbatim indexes the corpus files (reading, extraction and indexing: what `verbatim index`
does); with a cluster, so does `verbatim index --engine opensearch` (`opensearch`, full), and
the cluster is also given Verbatim's extracted documents (`opensearch`, index-only). The
peers index the documents Verbatim produced (read back from its index), so their times
exclude reading and extraction; the report says so. The 1% step appends a line break to
1% of the text files: their hash changes, so Verbatim reads them again and replaces their
documents; the peers replace the same files' documents.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.corpora import Corpus, corpus_files, pick_changed, touch_files
from bench.docs import docs_from_index, read_docs, verbatim_documents, write_docs
from bench.procs import folder_size, run_measured
from indexer.documents import source_of


@dataclass
class IndexRun:
    """One measured indexing step."""

    engine: str
    phase: str  # full, unchanged, changed-1%, index-only (extracted documents, no reading)
    seconds: float
    docs: int  # documents written by this step
    text_bytes: int  # bytes of text (UTF-8) written by this step
    peak_rss_mb: float
    tree_rss_mb: float
    index_bytes: int
    files: int = 0  # files read again (Verbatim) or whose documents were replaced (peers)

    @property
    def docs_per_s(self) -> float:
        """Return documents per second."""
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def mb_per_s(self) -> float:
        """Return MB (10^6 bytes) of text per second."""
        return self.text_bytes / 1e6 / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        """Return the run as plain data, with the rates."""
        return {**asdict(self), "docs_per_s": self.docs_per_s, "mb_per_s": self.mb_per_s}


@dataclass
class Indexes:
    """Where each engine's index of a corpus lies, once built."""

    verbatim: Path
    sqlite: Path
    tantivy: Path | None
    docs: Path  # the documents as JSONL (what the peers indexed)
    count: int
    opensearch: str | None = None  # the cluster's URL (the corpus behind FILES_ALIAS)


def peers_available() -> dict[str, bool]:
    """Return which optional peers can run (tantivy needs the `bench` extra)."""
    try:
        import tantivy  # noqa: F401
    except ImportError:
        return {"sqlite": True, "tantivy": False}
    return {"sqlite": True, "tantivy": True}


def _text_bytes(path: Path) -> int:
    return sum(len(d.text.encode("utf-8")) for d in read_docs(path))


def _documents(vdir: Path, work: Path) -> Path:
    """Write Verbatim's extracted documents (quotations included) as JSONL, once a build."""
    work.mkdir(parents=True, exist_ok=True)
    documents = work / "verbatim-documents.jsonl"
    if not documents.exists() or documents.stat().st_mtime < vdir.stat().st_mtime:
        with documents.open("w", encoding="utf-8") as handle:
            for doc in verbatim_documents(vdir):
                handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return documents


def _index_only(vdir: Path, work: Path, workers: int | None) -> IndexRun:
    documents = _documents(vdir, work)
    only = work / "verbatim-index-only"
    step = ["bench.build", "verbatim-docs", "--docs", str(documents), "--index", str(only)]
    measured = run_measured(step + (["--workers", str(workers)] if workers else []))
    return IndexRun("verbatim", "index-only", measured.seconds, measured.output["docs"],
                    measured.output["text_bytes"], measured.peak_rss_mb, measured.tree_rss_mb,
                    folder_size(only))


def cluster_bytes(url: str, alias: str) -> int:
    """Return the size of the primary shards of the index behind `alias` on the cluster."""
    from indexer.opensearch_client import connect

    client = connect(url)
    try:
        stats = client.indices.stats(index=alias, metric="store")
        return sum(s["primaries"]["store"]["size_in_bytes"] for s in stats["indices"].values())
    finally:
        client.close()


def opensearch_files(url: str, corpus: Corpus, workers: int | None, phase: str,
                     log: Callable[[str], None] = print) -> IndexRun:
    """Run `verbatim index --engine opensearch` on the corpus files (a new index for `full`)
    and measure it (the time and memory of the indexer; the cluster's JVM is not counted)."""
    from bench.engines.opensearch_peer import FILES_ALIAS

    command = ["bench.build", "opensearch", "--paths", str(corpus.folder), "--url", url,
               "--alias", FILES_ALIAS, *(["--rebuild"] if phase == "full" else []),
               *(["--workers", str(workers)] if workers else [])]
    measured = run_measured(command)
    out = measured.output
    log(f"  opensearch {phase}: {measured.seconds:.1f} s, {out['docs']} documents, "
        f"{out['opensearch']['records']} records sent")
    return IndexRun("opensearch", phase, measured.seconds, out["docs"], out["text_bytes"],
                    measured.peak_rss_mb, measured.tree_rss_mb, cluster_bytes(url, FILES_ALIAS),
                    out["added"] + out["updated"])


def opensearch_documents(url: str, vdir: Path, work: Path,
                         log: Callable[[str], None] = print) -> IndexRun:
    """Give the cluster Verbatim's extracted documents (its own part, as the peers are
    measured) and measure it; the index is dropped afterwards."""
    from bench.engines.opensearch_peer import DOCS_ALIAS
    from indexer.opensearch_client import connect

    documents = _documents(vdir, work)
    measured = run_measured(["bench.build", "opensearch-docs", "--docs", str(documents),
                             "--url", url, "--alias", DOCS_ALIAS])
    out = measured.output
    size = cluster_bytes(url, DOCS_ALIAS)
    client = connect(url)
    try:
        client.indices.delete(index=out["opensearch"]["index"])  # the heap is the queries'
    finally:
        client.close()
    log(f"  opensearch index-only (extracted documents): {measured.seconds:.1f} s, "
        f"{out['opensearch']['records']} records")
    return IndexRun("opensearch", "index-only", measured.seconds, out["docs"], out["text_bytes"],
                    measured.peak_rss_mb, measured.tree_rss_mb, size)


def _peer_end_to_end(name: str, corpus: Corpus, work: Path, workers: int | None) -> IndexRun:
    """Index the corpus files with a peer end to end (`bench.peer_files`: Verbatim's reading
    and extraction, then the peer's writer), as Verbatim's `full` reads them."""
    from bench.peer_files import engine_path

    folder = work / f"{name}-end-to-end"
    command = ["bench.build", name, "--paths", str(corpus.folder), "--out", str(folder)]
    measured = run_measured(command + (["--workers", str(workers)] if workers else []))
    out = measured.output
    return IndexRun(name, "end-to-end", measured.seconds, out["docs"], out["text_bytes"],
                    measured.peak_rss_mb, measured.tree_rss_mb,
                    folder_size(engine_path(name, folder)), out["added"] + out["updated"])


def run_indexing(corpus: Corpus, work: Path, workers: int | None,
                 log: Callable[[str], None] = print,
                 index_only: bool = True, opensearch: str | None = None
                 ) -> tuple[list[IndexRun], Indexes]:
    """Build every engine's index of `corpus` under `work` and measure each step.

    `index_only` adds Verbatim's writer fed the extracted documents (no reading, no
    extraction), the figure comparable with the peers' builds. `opensearch` (a cluster's
    URL) adds the cluster: its own part (extracted documents), then the corpus files.
    """
    runs: list[IndexRun] = []
    vdir = work / "verbatim-index"
    if vdir.exists():
        import shutil

        shutil.rmtree(vdir)
    command = ["bench.build", "verbatim", "--paths", str(corpus.folder), "--index", str(vdir)]
    if workers:
        command += ["--workers", str(workers)]

    def verbatim(phase: str) -> None:
        measured = run_measured(command)
        out = measured.output
        runs.append(IndexRun("verbatim", phase, measured.seconds, out["docs"], out["text_bytes"],
                             measured.peak_rss_mb, measured.tree_rss_mb, folder_size(vdir),
                             out["added"] + out["updated"]))
        log(f"  verbatim {phase}: {measured.seconds:.1f} s, {out['docs']} documents "
            f"({out['duplicates']} duplicates, {out['skipped']} files skipped)")

    verbatim("full")
    verbatim("unchanged")
    docs_path = work / "docs.jsonl"
    count = write_docs(docs_from_index(vdir), docs_path)
    text_bytes = _text_bytes(docs_path)
    if index_only:
        runs.append(_index_only(vdir, work, workers))
        log(f"  verbatim index-only (extracted documents): {runs[-1].seconds:.1f} s")
    available = peers_available()
    places = {"sqlite": work / "fts5.sqlite", "tantivy": work / "tantivy-index"}
    for name in ("sqlite", "tantivy"):
        if not available[name]:
            log(f"  {name}: skipped (pip install -e '.[bench]')")
            continue
        measured = run_measured(["bench.build", name, "--docs", str(docs_path),
                                 "--out", str(places[name])])
        runs.append(IndexRun(name, "full", measured.seconds, measured.output["docs"], text_bytes,
                             measured.peak_rss_mb, measured.tree_rss_mb,
                             folder_size(places[name])))
        log(f"  {name} full: {measured.seconds:.1f} s")
        runs.append(_peer_end_to_end(name, corpus, work, workers))
        log(f"  {name} end-to-end (read + extract + index): {runs[-1].seconds:.1f} s")
    if opensearch:
        runs.append(opensearch_documents(opensearch, vdir, work, log))
        runs.append(opensearch_files(opensearch, corpus, workers, "full", log))
        runs.append(opensearch_files(opensearch, corpus, workers, "unchanged", log))

    changed = list(touch_files(pick_changed(corpus_files(corpus.folder))))
    sources = {source_of(p, corpus.folder) for p in changed}
    verbatim("changed-1%")
    changed_docs = [d for d in read_docs(docs_path) if d.source in sources]
    changed_path = work / "changed-docs.jsonl"
    write_docs(changed_docs, changed_path)
    sources_path = work / "changed-sources.json"
    sources_path.write_text(json.dumps(sorted(sources)), "utf-8")
    changed_bytes = sum(len(d.text.encode("utf-8")) for d in changed_docs)
    for name in ("sqlite", "tantivy"):
        if not available[name]:
            continue
        measured = run_measured(["bench.build", name, "--docs", str(changed_path), "--out",
                                 str(places[name]), "--update", str(sources_path)])
        runs.append(IndexRun(name, "changed-1%", measured.seconds, measured.output["docs"],
                             changed_bytes, measured.peak_rss_mb, measured.tree_rss_mb,
                             folder_size(places[name]), len(sources)))
    if opensearch:
        runs.append(opensearch_files(opensearch, corpus, workers, "changed-1%", log))
    return runs, Indexes(vdir, places["sqlite"],
                         places["tantivy"] if available["tantivy"] else None, docs_path, count,
                         opensearch)
