"""Build and update the index from folders of files, incrementally."""

from __future__ import annotations

import ctypes
import gc
import hashlib
import json
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from whoosh import index as whoosh_index
from whoosh.util.filelock import try_for

from indexer.alternates import AlternateFinder
from indexer.analysis import WordCacheAnalyzer
from indexer.document import Document, document_id
from indexer.documents import documents_from_file, source_of, text_hash
from indexer.engine import OutdatedIndex
from indexer.extract.names import aliases_path
from indexer.extract.themes import thesaurus_path
from indexer.readers import (
    DOCUMENTATION_REASON,
    Unreadable,
    file_format,
    file_sha,
    format_of,
    is_documentation,
    is_sidecar,
    ocr,
    unknown_format,
)
from indexer.reuse import (
    ReuseUpdate,
    Tokens,
    TokensReceived,
    forked,
    forked_state,
    set_pending,
    tokens_sent,
)
from indexer.schema import build_schema, document_fields, quote_fields, stored_document

MANIFEST = "manifest.json"
OCR_CACHE = "ocr-cache"  # inside the index folder; kept across --rebuild (see `rebuild`)
INDEX_NAME = "verbatim"
RUN_LOCK = "verbatim_RUNLOCK"
LOCK_TIMEOUT = 30.0
# the manifest's record of moved statements, {old id: id now} (`record_moves`): the newest
# MAX_MOVES, so that a link shared before a folder was reorganised still leads to its statement
MAX_MOVES = 10_000


class IndexBusy(Exception):
    """Another indexer holds the index; the message names the lock file."""


_running = threading.Event()  # set while this process runs an indexing


def _die_with_parent() -> None:
    """In a process forked by an indexing run: ask Linux to kill it when its parent dies.

    Workers inherit the index's locks; an orphan left by a killed indexer would hold them.
    """
    if not _running.is_set():
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: orphans exit when their queue breaks
        pass


PR_SET_PDEATHSIG = 1
os.register_at_fork(after_in_child=_die_with_parent)


def default_index_dir() -> Path:
    """Return the index folder: $VERBATIM_INDEX, else ./verbatim-index."""
    return Path(os.environ.get("VERBATIM_INDEX", "verbatim-index"))


@dataclass
class Report:
    """What an indexing run did; `skipped` lists (source, reason)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    documents: int = 0  # documents (statements) written this run
    duplicates: int = 0  # documents not indexed because the same text already is
    alternates: int = 0  # files listed as another format of an indexed statement
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # (old source, new source) of a file gone from one place and added, the same bytes, at
    # another (a folder reorganised): counted as removed and added, and said as moved
    moved: list[tuple[str, str]] = field(default_factory=list)
    ocr_pages: int = 0  # pages whose text came from OCR, this run (cached ones included)
    ocr_cached: int = 0  # of those, pages found in the OCR cache
    total: int = 0  # statements in the index after the run
    seconds: float = 0.0
    text_bytes: int = 0
    reuse_seconds: float = 0.0  # reading documents for reuse groups, then finding them
    reuse_steps: dict[str, float] = field(default_factory=dict)  # its parts, seconds
    # seconds from the run's start until its records were searchable (committed, the
    # manifest saved, a new index published), before the reuse groups were computed
    searchable_seconds: float = 0.0
    # files read again, unchanged themselves, because the aliases or thesaurus file changed
    # since they were read: what `verbatim index` says (`data_files_changed`)
    reread_for_data: int = 0

    def to_dict(self) -> dict:
        """Return the report as plain data."""
        return {**self.__dict__, "skipped": [list(s) for s in self.skipped]}


@dataclass
class _Entry:
    root: str
    source: str
    size: int
    mtime: int
    sha: str
    docs: list[str]  # ids of the documents (and thus quotes) indexed from the file
    hashes: list[str]  # text hashes of those documents
    dups: list[str]  # text hashes skipped because another file already had them
    alternate_of: list[str] = field(default_factory=list)  # primaries listing this file
    # `data_files_digest()` when the file was read: the aliases and thesaurus it was read with
    # ("" for a manifest older than this field: taken as read with those in use now)
    data: str = ""


class ManifestStore(Protocol):
    """Where a manifest is kept (`FolderManifest`, or an OpenSearch cluster's index:
    `indexer.opensearch_writer`): its JSON data, read and written whole."""

    def read_manifest(self) -> dict:
        """Return the manifest's data ({}, OSError or ValueError when there is none)."""

    def write_manifest(self, data: dict) -> None:
        """Replace the manifest by `data`."""


@dataclass
class FolderManifest:
    """The manifest of a Whoosh index: `manifest.json` in its folder."""

    folder: Path

    def read_manifest(self) -> dict:
        """Return the manifest's data."""
        return json.loads((Path(self.folder) / MANIFEST).read_text("utf-8"))

    def write_manifest(self, data: dict) -> None:
        """Replace the manifest, atomically: a crash leaves the old or the new one."""
        tmp = Path(self.folder) / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        os.replace(tmp, Path(self.folder) / MANIFEST)


def _load_manifest(store: ManifestStore, generation: int | None = None,
                   moves: dict[str, str] | None = None) -> dict[str, _Entry]:
    """Return the manifest; if `generation` is given and the manifest was written for
    another commit of the index (the indexer died between its commit and the manifest),
    every file is marked for a new reading so that the run repairs the difference. Its
    record of moved statements ({old id: id now}) is put in `moves` when one is given."""
    try:
        data = store.read_manifest()
    except (OSError, ValueError):
        return {}
    if moves is not None:
        moves.update(data.get("moved", {}))
    files = {path: _Entry(**entry) for path, entry in data.get("files", {}).items()}
    if generation is not None and data.get("generation") != generation:
        for entry in files.values():
            entry.size, entry.mtime, entry.sha = -1, -1, ""
    return files


def _save_manifest(store: ManifestStore, files: dict[str, _Entry], generation: int,
                   moves: dict[str, str] | None = None) -> None:
    data = {"version": 1, "generation": generation,
            "files": {p: e.__dict__ for p, e in sorted(files.items())}}
    if moves:
        live = {doc_id for entry in files.values() for doc_id in entry.docs}
        kept = [(old, new) for old, new in moves.items() if old not in live]
        data["moved"] = dict(kept[-MAX_MOVES:])
    store.write_manifest(data)


def record_moves(moves: dict[str, str], old: _Entry, new: _Entry) -> None:
    """Record in `moves` ({old id: id now}) where the statements of the file `old` went when
    it moved, the same bytes, to `new`: each old id to the new id of the same text. A move
    of a move leads the first id to the last place; a statement back at its old place is
    its own again; the newest moves come last (the oldest are dropped past MAX_MOVES)."""
    now = dict(zip(new.hashes, new.docs, strict=True))
    # who points where, read once a file (a CSV or a mailbox of 60,000 statements moved:
    # reading the record again for each statement would take hours)
    pointing: dict[str, list[str]] = {}
    for earlier, went in moves.items():
        pointing.setdefault(went, []).append(earlier)
    for doc_id, digest in zip(old.docs, old.hashes, strict=False):
        target = now.get(digest)
        if target is None or target == doc_id:
            continue
        for earlier in pointing.pop(doc_id, ()):
            if moves.get(earlier) == doc_id:
                del moves[earlier]  # re-inserted last: among the newest
                moves[earlier] = target
                pointing.setdefault(target, []).append(earlier)
        moves.pop(doc_id, None)
        moves[doc_id] = target
        pointing.setdefault(target, []).append(doc_id)
    for doc_id in new.docs:
        moves.pop(doc_id, None)


def load_manifest_moves(index_dir: Path) -> dict[str, str]:
    """Return the index's record of moved statements, {old id: id now} (`record_moves`)."""
    moves: dict[str, str] = {}
    _load_manifest(FolderManifest(index_dir), moves=moves)
    return moves


def _adopt_unlisted(ix, manifest: dict[str, _Entry]) -> None:
    """List in a stale manifest the documents the index holds but the manifest does not.

    The indexer died between its commit and the manifest: the files that run added are in
    the index and not in the manifest. Listed (to be read again), their documents are
    deleted before the files are written again, instead of being written twice.
    """
    listed = {doc_id for entry in manifest.values() for doc_id in entry.docs}
    with ix.searcher() as searcher:
        for fields in searcher.documents(type="doc"):
            if fields["id"] in listed or not fields.get("root"):
                continue
            key = str(Path(fields["root"]) / fields["source"])
            entry = manifest.setdefault(key, _Entry(fields["root"], fields["source"], -1, -1,
                                                    sha="", docs=[], hashes=[], dups=[]))
            entry.docs.append(fields["id"])
            entry.hashes.append(fields.get("text_hash", ""))


def manifest_roots(index_dir: Path) -> list[Path]:
    """Return the folders (or single files) the index was built from."""
    return sorted({Path(e.root) for e in _load_manifest(FolderManifest(Path(index_dir))).values()})


def rebuild(paths: Iterable[Path], index_dir: Path, **options) -> Report:
    """Index `paths` into a fresh folder, then swap it in place of `index_dir`.

    The live index keeps answering until the swap, which is two renames; a server open on
    it moves to the new index at its next search (see `Catalog.searcher`).
    """
    index_dir = Path(index_dir).absolute()
    fresh = index_dir.with_name(f".{index_dir.name}.rebuild-{os.getpid()}")
    old = index_dir.with_name(f".{index_dir.name}.old-{os.getpid()}")
    shutil.rmtree(fresh, ignore_errors=True)
    # The OCR cache is the live index's: a rebuild reads scans from it, and it moves with the
    # swap, so a rebuild never runs OCR again on a file already read.
    options.setdefault("ocr_cache", index_dir / OCR_CACHE)
    try:
        report = index_paths(paths, fresh, **options)
        _keep_moves(index_dir, fresh)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    if index_dir.exists():
        os.rename(index_dir, old)
    os.rename(fresh, index_dir)
    if (old / OCR_CACHE).is_dir() and not (index_dir / OCR_CACHE).exists():
        os.rename(old / OCR_CACHE, index_dir / OCR_CACHE)
    shutil.rmtree(old, ignore_errors=True)
    # searched in the new folder from the swap on, its groups found by then
    report.searchable_seconds = report.seconds
    return report


def _keep_moves(index_dir: Path, fresh: Path) -> None:
    """Give the rebuilt index in `fresh` the live index's record of moved statements: a
    link shared before a move still leads to its statement after a rebuild."""
    moves = load_manifest_moves(index_dir) if index_dir.is_dir() else {}
    if moves:
        store = FolderManifest(fresh)
        data = store.read_manifest()
        files = {path: _Entry(**entry) for path, entry in data["files"].items()}
        _save_manifest(store, files, data["generation"], moves)


def load_manifest_sources(index_dir: Path, moves: dict[str, str] | None = None
                          ) -> dict[str, str]:
    """Return {absolute path: root} for every file the index was built from; its record of
    moved statements ({old id: id now}) put in `moves` when one is given."""
    manifest = _load_manifest(FolderManifest(index_dir), moves=moves)
    return {path: entry.root for path, entry in manifest.items()}


def iter_files(paths: Iterable[Path], links: list[tuple[Path, Path]] | None = None
               ) -> Iterator[tuple[Path, Path]]:
    """Yield (file, root) for every file under the given paths, in a stable order.

    Hidden files and folders are skipped, and so is a Verbatim index inside the folders (its
    files, its OCR cache: `verbatim index .` with the index in `./verbatim-index`); symbolic
    links are not followed (they may lead out of the folders), each put on `links` as
    (link, root) when a list is given; sidecars (`metadata.csv` beside TEI debates,
    `*.columns.yaml`) are read with their data files.
    """
    for given in paths:
        given = Path(given).absolute()
        if given.is_file():
            yield given, given.parent
            continue
        for folder, dirs, files in os.walk(given):
            shown = sorted(d for d in dirs if not d.startswith("."))
            dirs[:] = [d for d in shown if not _is_index(Path(folder) / d)]
            if links is not None:  # os.walk lists a link to a folder among the folders
                links.extend((Path(folder) / d, given) for d in shown
                             if (Path(folder) / d).is_symlink())
            for name in sorted(files):
                path = Path(folder) / name
                if name.startswith(".") or is_sidecar(path):
                    continue
                if not path.is_symlink():
                    yield path, given
                elif links is not None:
                    links.append((path, given))


LINK_REASON = "lien symbolique non suivi : indexez ce qu'il désigne"


def _is_index(folder: Path) -> bool:
    """Tell whether a folder holds a Verbatim index (its run lock, or Whoosh's table of
    contents of the index)."""
    return (folder / RUN_LOCK).exists() or any(folder.glob(f"_{INDEX_NAME}_*.toc"))


def data_files_digest() -> str:
    """Return a digest of the data files a press office edits, as they are now: the aliases
    (`VERBATIM_ALIASES`, else corpus/aliases.yaml) and the thesaurus (`VERBATIM_THESAURUS`,
    else corpus/thesaurus.yaml); a missing file counts as empty.

    Both are read when a file is read (names merged, themes given), never after: a file
    read with other ones must be read again for an edit to show (`_index_locked`).
    """
    digest = hashlib.sha256()
    for path in (aliases_path(), thesaurus_path()):
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            pass
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def _sha(path: Path) -> str:
    return file_sha(path)


def _read(job: tuple[Path, Path]) -> tuple[list[Document] | None, str | None]:
    """Read one file in a worker process: (documents, None) or (None, reason).

    The documents' words for the reuse groups (`indexer.reuse.Tokens`) are not found here
    but once the records are searchable (`_TokenFinder`): at `250k` they were ~25 s of the
    reading workers' CPU before the index could be searched.
    """
    path, root = job
    try:
        docs = documents_from_file(path, root)
    except Unreadable as exc:
        return None, str(exc)
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the run
        return None, f"erreur d'extraction ({type(exc).__name__}: {exc})"[:200]
    if not docs:
        return None, "aucun texte"
    return docs, None


# Below this many texts, finding their words in processes costs more than it saves.
PARALLEL_TOKENS = 2000
TOKENS_CHUNK = 250  # texts sent to a process at a time


def _tokens_of(start: int) -> tuple:
    """Return the tokens of `TOKENS_CHUNK` texts from `start` as a process forked by
    `_TokenFinder` sends them (`reuse.tokens_sent`: the words as codes of its vocabulary,
    with the words it learnt; without the texts, which the parent has: not sent, nor sent
    back)."""
    texts, base = forked_state()
    return tokens_sent(texts[start:start + TOKENS_CHUNK], base)


@dataclass
class _TokenFinder:
    """`ReuseUpdate.find_tokens`: the words of this run's documents, found by the reuse step
    after the records are searchable, in `workers` processes when there are many; their
    words coded in this process's vocabulary as they arrive (`reuse.TokensReceived`), the
    aligning processes forked later share it.

    A text met again has the tokens of its first occurrence, the same object (tokens are
    not changed once made): the corpora repeat texts (`1m`: 984,577 documents, 168,862
    distinct texts; `indexer.memo`)."""

    workers: int

    def __call__(self, texts: list[str]) -> list[Tokens]:
        first: dict[str, int] = {}
        where = [first.setdefault(text, len(first)) for text in texts]
        if len(first) == len(texts):
            return self._found(texts)
        found = self._found(list(first))
        return [found[i] for i in where]

    def _found(self, texts: list[str]) -> list[Tokens]:
        if self.workers <= 1 or len(texts) < PARALLEL_TOKENS:
            return [Tokens.of(text) for text in texts]
        found: list[Tokens] = []
        received = TokensReceived()
        # forked with the texts (`reuse.forked`)
        for message in forked(_tokens_of, range(0, len(texts), TOKENS_CHUNK), self.workers,
                              (texts, received.base)):
            found += received(message, texts[len(found):len(found) + TOKENS_CHUNK])
        return found


def _kept(results: Iterable[tuple]) -> Iterator[tuple]:
    """Yield the workers' `results`, and after each, keep every object this process holds
    out of the cyclic collector's walks (`gc.freeze`) until the last: the documents read,
    their manifest entries and what the reuse step keeps of them live to the run's end, and
    the collector walked them again and again, each time a few more had come (an offline
    replay of the indexer's loop over 120,000 documents of `250k`: the results' unpickling
    1.92 s of CPU, 0.64 s with them kept out; 5.2 -> 4.0 s for the loop). Objects made after
    the last freeze are collected as before; those kept out go back to the oldest generation
    at the end (`gc.unfreeze`), garbage among them is collected then."""
    try:
        for result in results:
            yield result
            gc.freeze()
    finally:
        gc.unfreeze()


def open_current(index_dir: Path | str):
    """Open the Whoosh index in `index_dir`; raise `OutdatedIndex` when an older version of
    Verbatim wrote it. Searching it would quietly find nothing in the fields it lacks (a
    passage looked up in its shingles: « 0 résultat »), so every opening goes through here."""
    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    schema = build_schema()
    missing = set(schema.names()) - set(ix.schema.names())
    # its words analysed otherwise: a query's terms would miss the words whose term changed
    analysed = sorted(name for name in schema.names() if name not in missing
                      and isinstance(schema[name].analyzer, WordCacheAnalyzer)
                      and ix.schema[name].analyzer != schema[name].analyzer)
    if missing or analysed:
        ix.close()
        why = (f"champs absents : {', '.join(sorted(missing))}" if missing
               else f"mots analysés autrement : {', '.join(analysed)}")
        raise OutdatedIndex(
            f"index {index_dir} construit par une version antérieure de Verbatim ({why}) : "
            f"reconstruisez-le, « verbatim index --rebuild --index {index_dir} »")
    return ix


def open_or_create(index_dir: Path):
    """Return the Whoosh index in `index_dir`, creating it when absent."""
    index_dir.mkdir(parents=True, exist_ok=True)
    if whoosh_index.exists_in(str(index_dir), indexname=INDEX_NAME):
        return open_current(index_dir)
    return whoosh_index.create_in(str(index_dir), build_schema(), indexname=INDEX_NAME)


def index_paths(
    paths: Iterable[Path],
    index_dir: Path,
    *,
    workers: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    lock_timeout: float = LOCK_TIMEOUT,
    use_ocr: bool = True,
    ocr_cache: Path | None = None,
    find_reuse: bool = True,
) -> Report:
    """Index the files under `paths` into `index_dir` and return what was done.

    Only files whose content changed since the last run are read again; documents whose file
    is gone are removed (for the folders given in this run only); a text already indexed is
    indexed once. `progress(source, total, ocr_pages)` is called once per file read, `total`
    being the number of files this run reads and `ocr_pages` the pages read by OCR so far.
    Scanned pages and images go through OCR unless `use_ocr` is False; its results are
    cached in `ocr_cache` (default: the index's ``ocr-cache`` folder). `find_reuse=False`
    skips the reuse groups (`indexer.reuse`): the benchmark measures what they cost that way.
    """
    index_dir = Path(index_dir)
    ocr_settings = (use_ocr, Path(ocr_cache) if ocr_cache else index_dir.absolute() / OCR_CACHE)
    ix = open_or_create(index_dir)
    # One run at a time, from reading the manifest to saving it. The lock is an flock: the
    # system drops it when its process dies, so a killed indexer never leaves a stale lock.
    lock = ix.storage.lock(RUN_LOCK)
    if not try_for(lock.acquire, timeout=lock_timeout, delay=0.25):
        raise IndexBusy(
            f"un autre indexeur travaille sur {index_dir} (verrou {index_dir / RUN_LOCK}) ; "
            f"abandon après {lock_timeout:.0f} s d'attente"
        )
    _running.set()
    try:
        ocr.configure(*ocr_settings)
        return _index_locked(ix, [Path(p) for p in paths], FolderManifest(index_dir),
                             index_dir if find_reuse else None, workers, progress,
                             ocr_settings)
    finally:
        _running.clear()
        lock.release()


def index_into(ix, store: ManifestStore, paths: Iterable[Path], *, workers: int | None = None,
               progress: Callable[[str, int, int], None] | None = None, use_ocr: bool = True,
               ocr_cache: Path | None = None,
               published: Callable[[], None] | None = None) -> Report:
    """Index the files under `paths` into another engine's index, as `index_paths` does.

    `ix` offers what indexing uses of a Whoosh index (`latest_generation`, `is_empty`,
    `searcher`, `writer`), `store` keeps the manifest; the caller holds the run lock. The
    reuse groups are found when `ix` keeps them (`reuse_store()`, a store of their files,
    and `lookups()`, see `stored_lookup`). `published()` is called once the records are
    committed and the manifest saved, before the reuse groups are computed (a new index is
    put behind its alias there). See `indexer.opensearch_writer`.
    """
    _running.set()
    try:
        ocr.configure(use_ocr, ocr_cache)
        reuse_store = ix.reuse_store() if hasattr(ix, "reuse_store") else None
        return _index_locked(ix, [Path(p) for p in paths], store, reuse_store, workers,
                             progress, (use_ocr, ocr_cache), published)
    finally:
        _running.clear()


def _index_locked(ix, paths, store: ManifestStore, reuse_dir, workers, progress,
                  ocr_settings, published: Callable[[], None] | None = None) -> Report:
    """Index `paths` into `ix`, the manifest in `store`, the reuse groups in `reuse_dir`
    (a folder or a store of their files, `indexer.reuse.FolderStore`; None: no groups).

    The records are searchable first (committed, the manifest saved, `published()` called),
    then the groups are computed and written: until then `indexer.reuse.PENDING` tells the
    pages they are being computed. A run that dies in between leaves a searchable index whose
    groups are out of step with it: the next run computes them (`ReuseUpdate.fresh`)."""
    started = time.perf_counter()
    report = Report()
    moves: dict[str, str] = {}
    manifest = _load_manifest(store, ix.latest_generation(), moves)
    if not ix.is_empty() and all(e.size == -1 for e in manifest.values()):  # stale or lost
        _adopt_unlisted(ix, manifest)
    roots = {str(Path(p).absolute()) for p in paths}
    seen: set[str] = set()
    to_read: list[tuple[Path, Path]] = []
    known: dict[str, tuple[int, int]] = {}

    links: list[tuple[Path, Path]] = []
    data = data_files_digest()
    for path, root in iter_files(paths, links):
        key = str(path)
        if is_documentation(path):  # not seen: indexed by an older version, it is removed
            report.skipped.append((source_of(path, root), DOCUMENTATION_REASON))
            continue
        seen.add(key)
        if file_format(path) is None:
            report.skipped.append((source_of(path, root), unknown_format(path)))
            continue
        stat = path.stat()
        known[key] = (stat.st_size, stat.st_mtime_ns)
        entry = manifest.get(key)
        if entry and entry.data and entry.data != data:
            # unchanged, but read with other aliases or another thesaurus: an edit a press
            # office makes must show at the next `verbatim index`, as the README says
            to_read.append((path, root))
            report.reread_for_data += 1
        elif entry and (entry.size, entry.mtime) == known[key]:
            entry.data = data
            report.unchanged += 1
        elif entry and entry.sha == _sha(path):
            entry.size, entry.mtime, entry.data = *known[key], data
            report.unchanged += 1
        else:
            to_read.append((path, root))

    report.skipped += [(source_of(link, root), LINK_REASON) for link, root in links]
    gone = [p for p, e in manifest.items() if p not in seen and (e.root in roots or p in roots)]
    changed = {str(p) for p, _ in to_read}
    freed = {h for p in [*gone, *changed] if p in manifest for h in manifest[p].hashes}
    # a file whose duplicate text lost its original must be read again to take its place
    for key, entry in manifest.items():
        if key not in changed and key not in gone and freed.intersection(entry.dups):
            to_read.append((Path(key), Path(entry.root)))
            changed.add(key)
            report.unchanged -= 1
    to_read.sort()

    workers = _workers(workers)
    writer = _writer(ix, workers, len(to_read))
    searcher = ix.searcher()
    finder = AlternateFinder(searcher)
    reuse = ReuseUpdate(reuse_dir, ix.latest_generation(), workers) if reuse_dir else None
    if reuse is not None:  # the searcher still sees the documents as they were
        reuse.previous = getattr(ix, "previous_text", None) or stored_lookup(searcher)[1]
        reuse.find_tokens = _TokenFinder(workers)  # once the records are searchable
    gone_files = {manifest[key].sha: manifest[key] for key in gone}
    arrived: list[tuple[_Entry, _Entry]] = []  # (gone, added) of each file moved
    try:
        for key in gone:
            _delete(writer, manifest.pop(key), finder)
            report.removed += 1
        for key in changed:
            if key in manifest:  # deleted before any document is written, see below
                _delete(writer, manifest[key], finder)
        existing: set[str] = set()
        for key, entry in manifest.items():
            if key not in changed:
                existing.update(entry.hashes)
        results = _read_all(to_read, workers, ocr_settings)
        for (path, root), (docs, reason) in _kept(zip(to_read, results, strict=True)):
            key = str(path)
            old = manifest.pop(key, None)
            _count_ocr(docs or [], report)
            _parts_skipped(docs or [], source_of(path, root), report)
            if progress:
                progress(source_of(path, root), len(to_read), report.ocr_pages)
            if docs is None:
                report.skipped.append((source_of(path, root), reason or "illisible"))
                if old:
                    report.removed += 1
                continue
            entry = _Entry(str(root), source_of(path, root), *known.get(key, _stat(path)),
                           sha=_sha(path), docs=[], hashes=[], dups=[], data=data)
            for doc in docs:
                digest = text_hash(doc)
                if AlternateFinder.takes_part(doc):  # duplicate or alternate: decided below
                    finder.defer(doc, digest, entry)
                elif digest in existing:
                    entry.dups.append(digest)
                    report.duplicates += 1
                else:
                    existing.add(digest)
                    _write(writer, doc, digest, entry, report, reuse)
            manifest[key] = entry
            if old:
                report.updated += 1
            else:
                report.added += 1
                if entry.sha in gone_files:
                    arrived.append((gone_files.pop(entry.sha), entry))
                    report.moved.append((arrived[-1][0].source, entry.source))
        for item in finder.resolve():
            if item.primary is not None:
                item.owner.dups.append(text_hash(item.primary))
                item.owner.alternate_of.append(item.primary.id)
                report.alternates += 1
            elif item.digest in existing:
                item.owner.dups.append(item.digest)
                report.duplicates += 1
            else:
                existing.add(item.digest)
                _write(writer, item.doc, item.digest, item.owner, report, reuse)
        for doc in finder.to_rewrite():
            _add(writer, doc, text_hash(doc), reuse)
        for before, after in arrived:  # their statements written, alternates resolved
            record_moves(moves, before, after)
        grouping = reuse is not None and bool(gone or to_read or reuse.fresh)
        if grouping:  # before the records are searchable: the pages say it at once
            set_pending(reuse.index_dir, True)
    except BaseException:
        writer.cancel()
        searcher.close()
        raise

    def searchable() -> None:
        # the records committed, the manifest saved, `published()`
        try:
            if gone or to_read:
                writer.commit()
            else:  # nothing changed: no new generation, so open searchers stay valid
                writer.cancel()
        except BaseException:
            writer.cancel()
            raise
        finally:
            searcher.close()
        _save_manifest(store, manifest, ix.latest_generation(), moves)
        if published is not None:
            published()

    # Every document read, the reuse groups' words, pairs and groups need neither the records
    # nor a published index (see indexer/reuse/): they are found while the records are
    # committed and the index published (another engine's: a new index replicated, warmed,
    # put behind its alias), and their files written after that (`publishing.wait`). A
    # folder's index is committed first (its writer's processes are not forked beside the
    # reuse step's).
    publishing = _Publishing(searchable, report, started)
    if grouping and published is not None:
        publishing.beside()
    else:
        publishing.run()
        publishing.wait()  # its error at once
    if grouping:
        def generation() -> int:
            publishing.wait()
            return ix.latest_generation()

        try:
            _find_reuse(ix, reuse, manifest, report, generation)
        finally:
            # published before the run ends, whatever happened; its error first (a copy lost
            # before the alias moved: the build starts again, `index_cluster`)
            publishing.wait()
        set_pending(reuse.index_dir, False)
    report.total = sum(len(e.docs) for e in manifest.values())
    report.seconds = time.perf_counter() - started
    return report


# The priority (nice) of the run's thread, and of the processes it forks, while the records
# are made searchable beside it: the reuse step yields the cores to the cluster's JVM, when it
# runs on this machine (at `250k`, publish_s 3.8-3.9 s alone, 5.0 beside the step at nice 10,
# 7.2-9.0 s at the same priority).
REUSE_NICE = 10


def _yield_cores(thread: int, nice: int) -> Callable[[], None]:
    """Lower a thread's priority to `nice` (on Linux a thread's own; the processes it forks
    meanwhile inherit it) when it can be given back (raising a priority takes a privilege or
    an RLIMIT_NICE), and return what gives it back."""
    try:
        import resource

        before = os.getpriority(os.PRIO_PROCESS, thread)
        soft = resource.getrlimit(resource.RLIMIT_NICE)[0]
        if nice <= before or not (os.geteuid() == 0 or soft == resource.RLIM_INFINITY
                                  or 20 - soft <= before):
            return lambda: None
        os.setpriority(os.PRIO_PROCESS, thread, nice)
    except (ImportError, AttributeError, OSError):  # not Linux, or not allowed
        return lambda: None

    def restore() -> None:
        try:
            os.setpriority(os.PRIO_PROCESS, thread, before)
        except OSError:  # not allowed after all: it only yields the cores to other work
            pass

    return restore


class _Publishing(threading.Thread):
    """What makes a run's records searchable (`_index_locked`), run in a thread of its own
    beside the reuse step's work that needs none of it (`beside`: the run's thread yields the
    cores to it meanwhile, `REUSE_NICE`), or in the run's thread (`run`); the report's
    `searchable_seconds` is set when it is done. `wait()` returns once it is done, raising
    its error there, once."""

    def __init__(self, published: Callable[[], None], report: Report, started: float):
        super().__init__(name="verbatim-publish", daemon=True)
        self.published, self.report, self.started = published, report, started
        self.error: BaseException | None = None
        self.caller: int | None = None  # the thread it runs beside

    def beside(self) -> None:
        """Start it beside the calling thread."""
        self.caller = threading.get_native_id()
        self.start()

    def run(self) -> None:
        restore = _yield_cores(self.caller, REUSE_NICE) if self.caller else (lambda: None)
        try:
            self.published()
        except BaseException as exc:  # noqa: BLE001 - raised by `wait`, in the run's thread
            self.error = exc
        else:
            self.report.searchable_seconds = time.perf_counter() - self.started
        finally:
            restore()

    def wait(self) -> None:
        if self.ident is not None:
            self.join()
        error, self.error = self.error, None
        if error is not None:
            raise error


def _find_reuse(ix, reuse: ReuseUpdate, manifest: dict[str, _Entry], report: Report,
                generation: Callable[[], int] | None = None) -> None:
    """Match the documents written this run with the index's others (`indexer.reuse`);
    `generation()` returns the index's once its files may be written (see
    `ReuseUpdate.finish`)."""
    started = time.perf_counter()
    alive = {doc_id for entry in manifest.values() for doc_id in entry.docs}
    with ix.searcher() as searcher:
        stored, text = _lookups(ix, searcher)

        def open_text() -> Callable[[str], str]:
            # in a forked process aligning pairs: files (or connections) of its own, not
            # the parent's
            if hasattr(ix, "lookups"):
                return ix.lookups(own=True)[1]
            return stored_lookup(ix.searcher())[1]

        reuse.finish(alive, generation or ix.latest_generation(), stored, text, open_text)
    # the matching now, and the reading of each document as it was written
    report.reuse_seconds = time.perf_counter() - started + reuse.add_seconds
    report.reuse_steps = {k: round(v, 2) for k, v in reuse.steps.items()}


def _lookups(ix, searcher) -> tuple[Callable[[str], Document | None], Callable[[str], str]]:
    """Return `stored_lookup`'s two lookups, or those of `ix` when it has its own (a cluster)."""
    return ix.lookups() if hasattr(ix, "lookups") else stored_lookup(searcher)


def stored_lookup(searcher) -> tuple[Callable[[str], Document | None], Callable[[str], str]]:
    """Return two lookups by document id in `searcher`'s index: the stored `Document`,
    and its text alone (None and "" for an id not indexed, or a quotation's)."""
    leaves = searcher.reader().leaf_readers()

    def stored_fields(doc_id: str) -> dict | None:
        # the id's postings in each segment rather than a query: the reuse step reads the
        # text of tens of thousands of partners, and a query costs twice as much
        for reader, _offset in leaves:
            if ("id", doc_id) not in reader:
                continue
            for docnum in reader.postings("id", doc_id).all_ids():
                if not reader.is_deleted(docnum):
                    found = reader.stored_fields(docnum)
                    if found.get("type") == "doc":
                        return found
        return None

    def stored(doc_id: str) -> Document | None:
        found = stored_fields(doc_id)
        return stored_document(found) if found else None

    def text(doc_id: str) -> str:
        found = stored_fields(doc_id)
        return found.get("text", "") if found else ""

    return stored, text


def _stat(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _workers(workers: int | None) -> int:
    return workers if workers is not None else min(os.cpu_count() or 1, 4)


# Below this many files to read, starting processes costs more than it saves.
PARALLEL_FILES = 8


def _writer(ix, workers: int, files: int):
    """Return a writer that analyses documents in `workers` processes when it pays.

    Whoosh's analysis and posting encoding are pure Python and take most of an indexing
    run; its multi-process writer spreads them over the cores, each process writing its own
    segment (`multisegment`: no final merge, Whoosh merges small segments on later commits).
    """
    # Separate segment files, not one compound file: a reader of a compound file copies
    # every part it opens into memory (measured: 55 MB per searcher on the shared corpus),
    # and the server opens one searcher per thread.
    if workers > 1 and files >= PARALLEL_FILES:
        return ix.writer(procs=workers, limitmb=128, multisegment=True, compound=False)
    return ix.writer(limitmb=256, compound=False)


def _read_all(jobs: list[tuple[Path, Path]], workers: int, ocr_settings=(True, None)):
    """Yield each job's result in order, reading in parallel when it pays."""
    if workers <= 1 or len(jobs) < PARALLEL_FILES:
        yield from map(_read, jobs)
        return
    # Workers are told the OCR settings explicitly: they need not be forked from this process.
    with ProcessPoolExecutor(max_workers=workers, initializer=ocr.configure,
                             initargs=ocr_settings) as pool:
        # forked at the first job (`map` hands them all out at once), with the collector's
        # objects frozen: a worker's full collections then skip the parent's objects (the
        # modules, their patterns and tables) instead of walking them, and copying their pages
        gc.freeze()
        try:
            results = pool.map(_read, jobs, chunksize=1 if _scans(jobs) else 4)
        finally:
            gc.unfreeze()
        yield from results


_SCAN_FORMATS = {"image"}


def _scans(jobs: list[tuple[Path, Path]]) -> bool:
    """Whether some files may need OCR (images, PDFs): seconds each, so handed out one by one
    rather than four at a time, to keep both cores busy to the end."""
    return any(format_of(path) in (*_SCAN_FORMATS, "pdf") for path, _ in jobs)


def _parts_skipped(docs: list[Document], source: str, report: Report) -> None:
    """List in the report the parts a reader refused inside a file it read (a mailbox's
    hostile message, a message's attachment bomb): "inbox.mbox (message 3)", reason."""
    for doc in docs:
        for part, reason in doc.meta.pop("skipped", None) or []:
            report.skipped.append((f"{source} ({part})", str(reason)))


def _count_ocr(docs: list[Document], report: Report) -> None:
    """Add the pages a file's documents read by OCR to the report."""
    for doc in docs:
        done = doc.meta.get("ocr")
        if isinstance(done, dict):
            report.ocr_pages += len(done.get("pages") or [])
            report.ocr_cached += int(done.get("cached") or 0)


def _write(writer, doc: Document, digest: str, entry: _Entry, report: Report,
           reuse: ReuseUpdate | None = None) -> None:
    _add(writer, doc, digest, reuse)
    entry.docs.append(doc.id)
    entry.hashes.append(digest)
    report.documents += 1
    report.text_bytes += len(doc.text.encode("utf-8"))


def _delete(writer, entry: _Entry, finder: AlternateFinder) -> None:
    for doc_id in entry.docs:
        writer.delete_by_term("id", doc_id)
        writer.delete_by_term("parent", doc_id)
        finder.deleted.add(doc_id)
    for primary_id in entry.alternate_of:
        finder.drop(primary_id, document_id(entry.source, None))


def _add(writer, doc: Document, digest: str, reuse: ReuseUpdate | None = None) -> None:
    if reuse is not None:
        reuse.add(doc, digest)
    if hasattr(writer, "add_statement"):  # OpenSearch's: its records straight from `doc`
        writer.add_statement(doc, digest)
        return
    writer.update_document(**document_fields(doc, digest))
    # scare quotes and quoted titles stay marked in the document, but are not citations
    for i, quote in enumerate(doc.quotes):
        if quote.is_speech:
            writer.update_document(**quote_fields(doc, i))
