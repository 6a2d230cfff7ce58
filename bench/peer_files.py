"""The peers end to end: Verbatim's reading and extraction, then the peer's own writer.

A user of SQLite FTS5 or tantivy who wanted Verbatim's documents would run its readers and
its extraction and hand what they give to the engine. `index_files` does that through
`indexer.indexing.index_into`, the loop `verbatim index` runs (`index_paths`) and the cluster's
indexer too (`index_cluster`): the same reading pool (a process a core), the same duplicate
texts and alternates left out, the same manifest; only the writer is the peer's
(`bench.engines.sqlite_fts.Builder`, `bench.engines.tantivy_peer.Builder`), fed each
statement as Verbatim's writer would be, in the run's own process while the workers read on.

What the peers build is less than Verbatim's: no quotation records (Verbatim writes each
quotation as a record of its own, searched by quotation search) and no reuse groups
(`indexer.reuse`): the index is a new one, complete once the writer has committed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bench.docs import bench_doc
from indexer.document import Document
from indexer.indexing import FolderManifest, Report, index_into
from indexer.opensearch_writer import ClusterSearcher

PEERS = ("sqlite", "tantivy")
SQLITE_FILE = "fts5.sqlite"  # inside the index folder, beside the manifest
TANTIVY_FOLDER = "tantivy"


def engine_path(engine: str, folder: Path) -> Path:
    """Return where `index_files` writes a peer's index inside `folder` (what
    `SqliteEngine` or `TantivyEngine` opens)."""
    return folder / (SQLITE_FILE if engine == "sqlite" else TANTIVY_FOLDER)


class PeerWriter:
    """The writer calls indexing makes (`add_statement`, `commit`, `cancel`) on a peer's
    builder: each statement as the peer indexes it (`bench.docs.bench_doc`)."""

    def __init__(self, builder):
        self.builder = builder
        self.count = 0

    def add_statement(self, doc: Document, digest: str) -> None:
        """Index a statement (its quotations are not records of the peers)."""
        self.builder.add(bench_doc(doc))

    def update_document(self, **fields: Any) -> None:
        """Whoosh's fields: only for an indexed statement rewritten, never in a new index."""
        raise NotImplementedError("a peer's index is built new, never updated here")

    def delete_by_term(self, fieldname: str, text: str) -> None:
        """Only for files changed or gone, never in a new index."""
        raise NotImplementedError("a peer's index is built new, never updated here")

    def commit(self) -> None:
        """Finish the peer's index (its commit, indexes, merges)."""
        self.count = self.builder.finish()

    def cancel(self) -> None:
        """Drop what was written."""
        self.builder.cancel()


class PeerIndex:
    """A new index of a peer as `indexer.indexing.index_into` writes it (Whoosh's part that
    indexing uses: generation, emptiness, searcher, writer); no `reuse_store`: no groups."""

    def __init__(self, engine: str, folder: Path):
        if engine not in PEERS:
            raise ValueError(f"not a peer: {engine}")
        self.engine, self.path = engine, engine_path(engine, folder)
        self.writers: list[PeerWriter] = []

    def latest_generation(self) -> int:
        """A new index: no run committed before this one."""
        return 0

    def is_empty(self) -> bool:
        """A new index holds nothing."""
        return True

    def searcher(self) -> ClusterSearcher:
        """Return the new index as indexing reads it: empty (the cluster's searcher of a
        new index answers nothing without asking anyone)."""
        return ClusterSearcher(None, "", empty=True)

    def writer(self, **_options: Any) -> PeerWriter:
        """Return a writer into a new index (Whoosh's options, processes and memory, are
        not the peer's: tantivy's writer has threads of its own, FTS5 none)."""
        if self.engine == "sqlite":
            from bench.engines.sqlite_fts import Builder
        else:
            from bench.engines.tantivy_peer import Builder
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.writers.append(PeerWriter(Builder(self.path)))
        return self.writers[-1]


def index_files(engine: str, paths: Iterable[Path], folder: Path, *,
                workers: int | None = None) -> Report:
    """Read and extract the files under `paths` as `verbatim index` does, and index their
    statements into a new index of the peer `engine` ("sqlite" or "tantivy") in `folder`
    (`engine_path`; the manifest beside it); return indexing's report (`searchable_seconds`
    is when the peer's index was complete)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.json").unlink(missing_ok=True)  # a new index: every file read
    # scans read by OCR cached in the folder, as `index_paths` caches them in the index's
    return index_into(PeerIndex(engine, folder), FolderManifest(folder), paths,
                      workers=workers, ocr_cache=folder / "ocr-cache")
