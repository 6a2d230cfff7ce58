"""The embedded engine: a Whoosh index in a folder (`indexer.engine.Engine`).

A `Catalog` is one process's view of the index: a searcher per thread, reopened when the
index changes, and the facet postings, word postings and timeline cached for the current
version of the index. `run()` answers a search plan with sets of document numbers.
"""

from __future__ import annotations

import bisect
import os
import threading
import time
from collections import Counter, OrderedDict
from copy import copy
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh import query as wq

from indexer import budget
from indexer.engine import (
    MAX_FILE_RECORDS,
    MIN_HITS,
    SURNAME_FACETS,
    Found,
    IndexMissing,
    Labels,
    Plan,
    Unsupported,
    facet_key,
    merge_labels,
    name_people,
    named_document,
    record_hit,
    resolve_facet_terms,
    select_values,
    selected_labels,
    speaking_by_search,
    top_counts,
)
from indexer.indexing import INDEX_NAME, MANIFEST, load_manifest_sources, open_current
from indexer.matching import Ranked, title_text
from indexer.matching import match_query as _matching
from indexer.passages import (
    CANDIDATES,
    NO_PAIRS,
    Passage,
    PassageFirst,
    PhrasePassages,
    TogetherFirst,
    best_of_found,
    best_of_postings,
    find_loose,
    passage_query,
    passages_note,
    phrase_docs,
    phrase_holders,
    together_words,
)
from indexer.passages import find as find_passages
from indexer.query import FACET_FIELDS, query_terms
from indexer.ranking import (
    FIELDS,
    Scorer,
    WordPostings,
    field_lengths,
    intersect_sorted,
    term_docs,
    word_postings,
)
from indexer.schema import stored_document
from indexer.snippets import passage_snippet
from indexer.snippets import snippet as _snippet
from indexer.spelling import Spelling, spell_query

RETIRE_SECONDS = 60  # a replaced searcher is closed this long after, once nobody reads it
MANIFEST_READING = ("Le serveur relit la liste des fichiers indexés (l'index vient de changer) : "
                    "le fichier d'origine sera disponible dans un instant.")
# Postings kept by the per-word cache: about 100 bytes each, so ~600 MB at most (measured at
# 250k records: every word of the 330-query benchmark mix, 5.0 M postings, server RSS 614 MB).
TERM_CACHE_POSTINGS = int(os.environ.get("VERBATIM_TERM_CACHE", "6000000"))
# Word pairs whose records are kept: the pairs chosen are the rare ones (COMMON_SHARE), so
# each holds few records.
PAIR_CACHE_ENTRIES = 50_000
# Passage lookups kept (`Catalog.passages`): a page asks one or two, each a few kilobytes.
PASSAGE_LOOKUPS = 64


class Catalog:
    """An open index for a process: a searcher per thread, reopened when the index changes,
    and the facet postings and timeline cached for the current version of the index.

    Open one per process and share it between threads: Whoosh's readers seek and read
    shared files, so each thread gets its own searcher (one shared searcher gave corrupt
    reads under 8 concurrent threads).
    """

    def __init__(self, index_dir: Path | str):
        self.index_dir = Path(index_dir)
        if not whoosh_index.exists_in(str(self.index_dir), indexname=INDEX_NAME):
            raise IndexMissing(f"aucun index dans {self.index_dir}")
        self._ix = open_current(self.index_dir)
        self._lock = threading.Lock()
        self._local = threading.local()
        # (the manifest's mtime, {absolute path: root}, {old id: id now}) for `file_root`
        # and `moved_to`
        self._manifest: tuple[int, dict[str, str], dict[str, str]] | None = None
        self._opened: list = []  # every searcher still open, to close them all at the end
        self._retired: list[tuple[float, object]] = []  # replaced searchers, closed later
        self._cache_stamp: tuple | None = None
        self._cache: dict[str, object] = {}
        self.searcher()

    def _stamp(self) -> tuple[int, int]:
        # a rebuild swaps in another folder, whose generation may be the same number
        return os.stat(self.index_dir).st_ino, self._ix.latest_generation()

    def searcher(self):
        """Return this thread's searcher, reopened if the index changed since its opening."""
        local = self._local
        current = getattr(local, "searcher", None)
        try:
            stamp = self._stamp()
            if current is not None and current.verbatim_stamp == stamp:
                return current
            # A new searcher, not `refresh()`: Whoosh's reader reuse counted a segment twice
            # after a multi-process commit (measured: 120 hits for 90 documents).
            fresh = whoosh_index.open_dir(str(self.index_dir), indexname=INDEX_NAME).searcher()
            fresh.verbatim_stamp = (stamp[0], fresh.reader().generation())
        except Exception:  # noqa: BLE001
            if current is None:
                raise
            # The index is being swapped or committed right now: the searcher we have still
            # reads its own open files, so answer from it and reopen at the next search.
            return current
        now = time.monotonic()
        with self._lock:
            self._opened.append(fresh)
            if current is not None:
                # a result list of this thread may still be read from it: close it later
                self._retired.append((now, current))
            expired = [x for t, x in self._retired if now - t > RETIRE_SECONDS]
            self._retired = [(t, x) for t, x in self._retired if now - t <= RETIRE_SECONDS]
            for searcher in expired:
                self._opened.remove(searcher)
        for searcher in expired:
            searcher.close()
        local.searcher = fresh
        return fresh

    def _cached(self, searcher, key: str, compute):
        """Return compute(), cached while `searcher` reads the latest version of the index."""
        stamp = searcher.verbatim_stamp
        if stamp != self._cache_stamp:
            try:
                latest = self._stamp()
            except OSError:
                latest = None
            if stamp != latest:
                return compute()  # an older version, still read by another thread
        with self._lock:
            if stamp != self._cache_stamp:
                self._cache_stamp, self._cache = stamp, {}
            if key not in self._cache:
                self._cache[key] = compute()
            return self._cache[key]

    def facet(self, searcher, fieldname: str) -> FacetPostings:
        """Return the postings of a facet field of the given searcher's reader."""
        # the statements, for the names that speak in one (`merge_labels`): the type facet's
        # own postings, read once (outside `_cached`'s lock, which the computing holds)
        statements = self.postings(searcher, "type").get("doc") \
            if fieldname in SURNAME_FACETS else None
        return self._cached(searcher, "facet:" + fieldname,
                            lambda: _field_postings(searcher, fieldname, statements))

    def postings(self, searcher, fieldname: str) -> dict[str, frozenset[int]]:
        """Return {value: docnums} for a facet field, spelling variants merged."""
        return self.facet(searcher, fieldname).docs

    def word(self, searcher, term: str) -> WordPostings:
        """Return the postings of an analysed word in `title` and `text`.

        Kept in a cache per version of the index, least recently used out first, bounded
        by TERM_CACHE_POSTINGS: the words of queries recur, and combining cached sets costs
        far less than Whoosh walking the same postings again.
        """
        cache: OrderedDict[str, WordPostings] = self._cached(searcher, "words", OrderedDict)
        with self._lock:
            found = cache.get(term)
            if found is not None:
                cache.move_to_end(term)
                return found
        found = word_postings(searcher, term)
        # the docnums the cache holds, kept as a running total (summing them at each new
        # word was an eighth of a pasted passage's search)
        held = self._cached(searcher, "words:held", lambda: [0])
        with self._lock:
            if term not in cache:
                cache[term] = found
                held[0] += found.size
            while held[0] > TERM_CACHE_POSTINGS and len(cache) > 1:
                held[0] -= cache.popitem(last=False)[1].size
        return found

    def pair_docs(self, searcher, pair: str) -> np.ndarray:
        """Return the sorted docnums of the records holding a word pair (`shingle` field),
        cached like `word`."""
        cache: OrderedDict[str, np.ndarray] = self._cached(searcher, "pairs", OrderedDict)
        with self._lock:
            found = cache.get(pair)
            if found is not None:
                cache.move_to_end(pair)
                return found
        found = term_docs(searcher, "shingle", pair)
        with self._lock:
            cache[pair] = found
            while len(cache) > PAIR_CACHE_ENTRIES:
                cache.popitem(last=False)
        return found

    def passages(self, searcher, text: str, base, best_only: bool = False,
                 limit: int = CANDIDATES) -> list[Passage]:
        """Return the records of `base` holding the passage `text`, closest first (with
        `best_only`, those that may come first: `indexer.passages.find`), each with its id
        and day; none on an index written before passages existed (`has_pairs`).

        The last PASSAGE_LOOKUPS lookups are kept for the current version of the index: the
        search box's page looks the words of a quotation pasted with who said it up for its
        results, then `verify` looks them up again (`webapp.results.named_words`); the
        verdict's `best_only` passages are those of the search's lookup that may come first
        (`indexer.passages.best_of_found`). Only lookups among every statement are kept —
        the one set both ask of (`find_passages`'s), cached per index version: a period's or
        a speaker's records are a set made per request, which `verify` never asks of again,
        and keeping it would hold up to PASSAGE_LOOKUPS such sets of a large index in memory.
        A lookup the time budget may cut short (`budget.Budget.cuts_alignments`) is neither
        kept nor served."""
        if not self.has_pairs(searcher):
            return []
        if budget.current().cuts_alignments or base is not self._statements(searcher):
            return self._passages(searcher, text, base, best_only, limit)
        memo: OrderedDict[tuple, tuple] = self._cached(searcher, "passages", OrderedDict)
        key = (text, limit)
        with self._lock:
            held = memo.get(key)
            if held is not None and (best_only or not held[0]):
                memo.move_to_end(key)
            else:
                held = None
        if held is None:
            found = self._passages(searcher, text, base, best_only, limit)
            with self._lock:
                memo[key] = (best_only, found)
                while len(memo) > PASSAGE_LOOKUPS:
                    memo.popitem(last=False)
        else:
            found = held[1] if held[0] or not best_only else best_of_found(held[1])
        return [copy(p) for p in found]  # each caller's own: a hit's passage is its page's

    def _passages(self, searcher, text: str, base, best_only: bool, limit: int
                  ) -> list[Passage]:
        """Return `passages` looked up anew."""
        found = _identified(searcher, find_passages(WhooshPairs(self, searcher), text, base,
                                                    limit, best_only))
        # records holding the passage equally closely (a statement and its later copies):
        # the earliest first, the one a journalist asking « who said it first? » wants
        return sorted(found, key=lambda p: (-p.similarity, p.date is None, p.date or ""))

    @staticmethod
    def has_pairs(searcher) -> bool:
        """Tell whether the index holds the word pairs passages are found by (`shingle`)."""
        return "shingle" in searcher.schema

    def find_passages(self, text: str, best_only: bool = False,
                      limit: int = CANDIDATES) -> list[Passage]:
        """Return the statements holding the passage `text` (`indexer.engine.Engine`)."""
        searcher = self.searcher()
        if not self.has_pairs(searcher):
            raise Unsupported(NO_PAIRS)
        return self.passages(searcher, text, self._statements(searcher), best_only, limit)

    def _statements(self, searcher) -> frozenset[int]:
        """Return every statement's document number (no quotation record), as cached for
        `searcher`'s version of the index."""
        return self.postings(searcher, "type").get("doc", frozenset())

    def author_passages(self, text: str, name: str) -> list[Passage]:
        """Return the statements of the speakers `name` selects holding words near the
        passage `text` (`indexer.engine.Engine.author_passages`)."""
        searcher = self.searcher()
        if not self.has_pairs(searcher):
            return []
        facet = self.facet(searcher, "speaker")
        records = [facet.docs.get(label, frozenset())
                   for label in selected_labels(facet.labels, "speaker", name)]
        base = frozenset().union(*records) & self.postings(searcher, "type").get(
            "doc", frozenset())
        return _identified(searcher, find_loose(WhooshPairs(self, searcher), text, base)
                           if base else [])

    def words_held(self, ids: list[str], terms: list[str]) -> dict[str, set[str]]:
        """Return which of the analysed words `terms` each record of `ids` holds in its
        title or text (`indexer.engine.Engine.words_held`): the cached word postings."""
        searcher = self.searcher()
        numbers = {doc_id: searcher.document_number(id=doc_id) for doc_id in ids}
        known = np.array(sorted({n for n in numbers.values() if n is not None}), dtype=np.int64)
        held: dict[str, set[str]] = {doc_id: set() for doc_id in ids}
        for term in dict.fromkeys(terms):
            holding = set(intersect_sorted(self.word(searcher, term).doc_array, known).tolist())
            for doc_id, n in numbers.items():
                if n in holding:
                    held[doc_id].add(term)
        return held

    def scorer(self, searcher, words: list[WordPostings]) -> Scorer:
        """Return Whoosh's BM25F for these words over the cached postings."""
        lengths = {f: self._cached(searcher, "lengths:" + f, lambda f=f: field_lengths(searcher, f))
                   for f in FIELDS}
        return Scorer.for_searcher(searcher, words, lengths)

    def counts(self, searcher, facet: str, key: tuple, docs) -> dict[str, int]:
        """Return the facet counts of `docs`, all the records of the type and period `key`.

        Cached (32 periods per facet at most): a page filtered only by facets counts the
        same whole set every time. The caller reads the counts, never changes them.
        """
        cache: OrderedDict = self._cached(searcher, "counts:" + facet, OrderedDict)
        with self._lock:
            found = cache.get(key)
        if found is None:
            found = self.facet(searcher, facet).counts(docs)
            with self._lock:
                cache[key] = found
                while len(cache) > 32:
                    cache.popitem(last=False)
        return found

    def dated_between(self, searcher, low: datetime | None, high: datetime | None
                      ) -> frozenset[int]:
        """Return the records dated between `low` and `high` (either may be None)."""
        dates, docnums, _ = self.timeline(searcher)
        start = bisect.bisect_left(dates, low) if low else 0
        end = bisect.bisect_right(dates, high) if high else len(dates)
        return frozenset(docnums[start:end])

    def timeline(self, searcher) -> tuple[list[datetime], list[int], dict[int, int]]:
        """Return the dated records' dates in order, their docnums, and each docnum's rank."""
        dated = self.postings(searcher, "dated")
        return self._cached(searcher, "timeline", lambda: _timeline(searcher, dated))

    name = "whoosh"

    def spell(self, q: str, words: list[str], correct: bool) -> Spelling:
        """Return the spelling check of a query's words against the current index."""
        return spell_query(self, self.searcher(), q, words, correct=correct)

    def run(self, plan: Plan) -> Found:
        """Return what the index holds for `plan` (see `indexer.engine.Engine`)."""
        return run(self, plan)

    def speaker_names(self) -> list[str]:
        """Return every speaker's name as the pages show it (spelling variants merged)."""
        return list(self.postings(self.searcher(), "speaker"))

    def speaker_labels(self) -> Labels:
        """Return the speakers' labels (`indexer.engine.Engine.speaker_labels`)."""
        facet = self.facet(self.searcher(), "speaker")
        return Labels(facet.labels, facet.variants, facet.owners, facet.covers)

    def facet_labels(self, facet: str) -> dict[str, str]:
        """Return a facet's labels (`indexer.engine.Engine.facet_labels`)."""
        return self.facet(self.searcher(), facet).labels

    def speaking(self, name: str, latest: int) -> list[dict[str, Any]]:
        """Return a speaker's `latest` most recent statements' dates and speakers
        (`indexer.engine.Engine.speaking`), from the hits of one search."""
        return speaking_by_search(self, name, latest)

    def document(self, doc_id: str):
        """Return the stored `Document` with this id, or None; its speakers named as the
        speaker facet names them (`named_document`), its text as the record holds it."""
        searcher = self.searcher()
        stored = searcher.document(id=doc_id)
        if not stored or stored.get("type") != "doc":
            return None
        return named_document(stored_document(stored), self.facet(searcher, "speaker").labels)

    def file_order(self, source: str, root: str | None) -> list[tuple[str, str]] | None:
        """Return (record, id) of the statements read from `source`, in the file's order
        (`indexer.engine.Engine.file_order`). Sorted by record key, not by document number:
        a file's records may be written in two batches (seen in the shared corpus's index)."""
        searcher = self.searcher()
        numbers = list(wq.And([wq.Term("source", source), wq.Term("type", "doc")])
                       .docs(searcher))  # postings only: counted before any is read
        if len(numbers) > MAX_FILE_RECORDS:
            return None
        found = []
        for number in numbers:
            stored = searcher.stored_fields(number)
            if stored.get("root") == root:
                found.append((str(stored.get("record") or ""), stored["id"]))
        return sorted(found)

    def reuse_groups(self):
        """Return the reuse groups of the index folder (`reuse.json`, read again when it
        changes: `indexer.genealogy.reuse_index`)."""
        from indexer.genealogy import reuse_index

        return reuse_index(self.index_dir)

    def file_root(self, path: str) -> str | None:
        """Return the folder the index was built from that holds the file `path` (absolute),
        from the manifest in the index folder (read again when it changes); None when the
        index was not built from that file. The manifest, whose size grows with the index
        (each file's records), is read apart (`indexer.budget.apart`): raises
        `indexer.budget.NotReady` when it is not read within the page's budget (the one
        read before may allow files the index no longer holds)."""
        manifest = self._manifest_read()
        return manifest[1].get(path) if manifest else None

    def moved_to(self, doc_id: str) -> str | None:
        """Return the id a statement has now whose file moved since it had `doc_id` (the
        manifest's record of moves, `indexer.indexing.record_moves`), or None; read as
        `file_root` reads the manifest (may raise `indexer.budget.NotReady`)."""
        manifest = self._manifest_read()
        return manifest[2].get(doc_id) if manifest else None

    def _manifest_read(self) -> tuple[int, dict[str, str], dict[str, str]] | None:
        """Return the manifest as last read (`_read_manifest`), read again when it changed;
        None when there is none."""
        try:
            stamp = (self.index_dir / MANIFEST).stat().st_mtime_ns
        except OSError:
            return None
        with self._lock:
            cached = self._manifest
        if cached is None or cached[0] != stamp:
            cached = budget.apart(("manifest", str(self.index_dir)), self._read_manifest)
            if cached is None or cached[0] != stamp:
                raise budget.NotReady(MANIFEST_READING)
        return cached

    def _read_manifest(self) -> tuple[int, dict[str, str], dict[str, str]]:
        """Read the manifest (`file_root`, in a thread of its own) and keep it with the
        stamp it had when the reading began."""
        stamp = (self.index_dir / MANIFEST).stat().st_mtime_ns
        with self._lock:
            cached = self._manifest
        if cached is None or cached[0] != stamp:
            moves: dict[str, str] = {}
            cached = (stamp, load_manifest_sources(self.index_dir, moves), moves)
            with self._lock:
                self._manifest = cached
        return cached

    def close(self) -> None:
        """Release every searcher's files."""
        with self._lock:
            opened, self._opened, self._retired = self._opened, [], []
        for searcher in opened:
            searcher.close()
        self._local = threading.local()


class WhooshPairs:
    """The word pairs of a Whoosh index as the passage finder reads them (`PairIndex`):
    records are docnums, `base` a set of them, each pair's docnums cached by the catalog."""

    def __init__(self, catalog: Catalog, searcher):
        self.catalog, self.searcher = catalog, searcher
        self.reader = searcher.reader()

    def doc_count(self) -> int:
        """Return the number of records."""
        return self.reader.doc_count()

    def doc_frequencies(self, pairs: list[str]) -> dict[str, int]:
        """Return how many records hold each pair."""
        return {p: self.reader.doc_frequency("shingle", p) for p in pairs}

    def best_holders(self, pairs: list[str], weights: list[float], base, limit: int
                     ) -> list[tuple[int, float]]:
        """Return the `limit` best records of `base` (`indexer.passages.best_of_postings`)."""
        return best_of_postings([self.catalog.pair_docs(self.searcher, p) for p in pairs],
                                weights, base, limit)

    def stored_text(self, docnum: int) -> str:
        """Return a record's stored text."""
        return self.searcher.stored_fields(docnum).get("text", "")


def _timeline(searcher, dated: dict[str, frozenset[int]]
              ) -> tuple[list[datetime], list[int], dict[int, int]]:
    column = searcher.reader().column_reader("date")
    pairs = sorted((column[n], n) for n in dated.get("1", ()))
    docnums = [n for _, n in pairs]
    return [d for d, _ in pairs], docnums, {n: i for i, n in enumerate(docnums)}


def _identified(searcher, found: list[Passage]) -> list[Passage]:
    """Return the passages found, each given its record's id and day (YYYY-MM-DD, or None)."""
    for p in found:
        stored = searcher.stored_fields(p.docnum)
        p.doc_id = stored.get("id")
        day = stored.get("date")
        p.date = day.strftime("%Y-%m-%d") if isinstance(day, datetime) else None
    return found


@dataclass
class FacetPostings:
    """A facet field's values, spelling variants merged under their best label."""

    docs: dict[str, frozenset[int]]  # label → docnums
    variants: dict[str, list[str]]  # label → the values as indexed
    labels: dict[str, str]  # facet_key → label
    owners: dict[str, str] = field(default_factory=dict)  # merged key → label (`Labels`)
    # a bare surname several people bear → the labels a click on it selects (`Labels.covers`)
    covers: dict[str, list[str]] = field(default_factory=dict)

    def label(self, value: str) -> str:
        """Return the label a value is shown under (the value itself when unknown)."""
        return self.labels.get(facet_key(value), value)

    @cached_property
    def by_doc(self) -> dict[int, tuple[str, ...]]:
        """Return each record's labels (the postings inverted, built on first use)."""
        inverted: dict[int, list[str]] = {}
        for label, docs in self.docs.items():
            for n in docs:
                inverted.setdefault(n, []).append(label)
        return {n: tuple(labels) for n, labels in inverted.items()}

    @cached_property
    def size(self) -> int:
        """Return the number of (label, record) pairs."""
        return sum(len(d) for d in self.docs.values())

    def counts(self, ids: set[int] | frozenset[int]) -> dict[str, int]:
        """Return {label: records of `ids` holding it}, zero counts left out.

        Few records among many labels (a speaker facet: 1,500 names at 250k records) are
        counted record by record; many records, label by label with set intersections.
        """
        if len(self.docs) > 50 and len(ids) * 16 < self.size:
            by_doc = self.by_doc
            found = Counter(label for n in ids for label in by_doc.get(n, ()))
        else:
            counts = ((value, len(ids & docs)) for value, docs in self.docs.items())
            found = {v: c for v, c in counts if c}
        # a bare surname several people bear, shown where the text writes it alone, counts
        # the records a click on it selects: theirs too (« Touraine »: every Touraine)
        for label, docs in self.covered.items():
            if label in found:
                found[label] = len(ids & docs)
        return found

    @cached_property
    def covered(self) -> dict[str, frozenset[int]]:
        """Return {label: the records a click on it selects} of `covers`."""
        return {label: frozenset().union(*(self.docs.get(held, frozenset()) for held in labels))
                for label, labels in self.covers.items()}


def _field_postings(searcher, fieldname: str,
                    statements: frozenset[int] | None = None) -> FacetPostings:
    """Return a facet field's postings, its values merged under their labels (`merge_labels`;
    `statements`: the statements' docnums, for the names that speak in one)."""
    reader = searcher.reader()
    groups: dict[str, list[tuple[str, int]]] = {}
    postings: dict[str, frozenset[int]] = {}
    if fieldname in reader.indexed_field_names():
        for value in reader.field_terms(fieldname):
            if value:
                postings[value] = frozenset(reader.postings(fieldname, value).all_ids())
                groups.setdefault(facet_key(value), []).append((value, len(postings[value])))
    speaking = None if statements is None else {
        facet_key(v) for v, ids in postings.items() if not ids.isdisjoint(statements)}
    merged = merge_labels(groups, fieldname, speaking)
    docs = {label: frozenset().union(*(postings[v] for v in values))
            for label, values in merged.variants.items()}
    return FacetPostings(docs, merged.variants, merged.labels, merged.owners, merged.covers)


def _facet_values(catalog: Catalog, searcher):
    def values(fieldname: str):
        facet = catalog.facet(searcher, fieldname)
        return facet.labels, facet.variants
    return values


def run(catalog: Catalog, plan: Plan) -> Found:
    """Return what the index holds for `plan`: records as sets of document numbers.

    Which words are required, and when the search widens to any word, is decided by
    `indexer.matching.match_query`. Facet values combine with OR inside a facet and AND
    across facets; each facet's counts ignore its own selection.
    """
    request, parsed, (low, high) = plan.request, plan.parsed, plan.period
    searcher = catalog.searcher()
    notes: list[str] = []
    # The filters every search shares are sets of document numbers cached per searcher:
    # intersecting sets is much cheaper than Whoosh walking posting lists in Python.
    base = catalog.postings(searcher, "type").get("quote" if request.quotes else "doc",
                                                   frozenset())
    if low or high:
        base = base & catalog.dated_between(searcher, low, high)

    resolve = _facet_values(catalog, searcher)
    text_query = resolve_facet_terms(parsed.query, resolve)
    found = _matching(catalog, searcher, plan.q, parsed, text_query, base,
                      lambda q: resolve_facet_terms(q, resolve))
    matched, text_query, parsed = found.docs, found.query, found.parsed
    ranker = found.ranker
    passages: dict[int, Passage] | PhrasePassages = {}
    leading: list[Passage] = []
    typed = passage_query(request.q)
    # whether a record holds the quotation typed: None when it was not looked up whole
    held: bool | None = None
    if isinstance(parsed.query, wq.Phrase):  # a "quoted phrase": the records holding it
        held = bool(matched) and found.level == "all"
    if typed:
        # the records holding the passage come first, then the usual ranking; a phrase
        # among keywords (`Passage.leads`) is shown on its record, ranked as the others
        passages = {p.docnum: p for p in catalog.passages(searcher, typed, base)}
        if catalog.has_pairs(searcher):
            held = bool(passages) or bool(held)
        if held is False:
            # a passage of common words may have had other records as its only candidates
            # (a thousand hold its one indexed pair): absent only when no record holds its
            # words in order either (the quoted phrase's check; None: the pairs can't tell)
            exact = phrase_docs(lambda p: catalog.pair_docs(searcher, p),
                                lambda n: title_text(searcher, n), [typed], base)
            held = None if exact is None else bool(exact)
        leading = [p for p in passages.values() if p.leads]
        if leading:
            matched = set(matched) | {p.docnum for p in leading}
            ranker = PassageFirst(leading, ranker)
    elif ranker is not None and request.sort == "relevance" \
            and (words := together_words(request.q, parsed)) and "shingle" in searcher.schema:
        # a short query: the records holding its words in that order first (a quotation
        # of stop words, « quoi qu'il en coûte », as well), then those holding its word
        # pairs, then the others; the passage shown on those holding it
        holders, paired, complete = phrase_holders(
            lambda p: catalog.pair_docs(searcher, p), lambda n: title_text(searcher, n),
            words, frozenset(matched), ranker.top, request.page * request.per_page)
        held = bool(holders) or (False if complete else None)
        if paired:
            ranker = TogetherFirst(frozenset(paired), ranker)
        if holders:
            ranker = TogetherFirst(frozenset(holders), ranker)
            passages = PhrasePassages(holders, words, request.q, lambda n: searcher.stored_fields(
                n).get("text", ""))
    if found.note and not leading:
        notes.append(found.note)

    selections = {}
    for facet in FACET_FIELDS:
        if request.selected(facet):
            postings = catalog.facet(searcher, facet)
            # a value typed or bookmarked in another spelling selects its merged label, a
            # speaker's surname its person (`select_values`)
            named, values = select_values(postings.labels, facet, request.selected(facet))
            request.labels = {**request.labels, facet: named}
            setattr(request, facet, values)
            selections[facet] = frozenset().union(*(postings.docs.get(v, frozenset())
                                                    for v in values))
    final = set(matched)
    for docs in selections.values():
        final &= docs

    facets, truncated = {}, {}
    whole = ("quote" if request.quotes else "doc", low, high)  # what `base` holds
    for facet in FACET_FIELDS if request.facets else ():
        others = [docs for other, docs in selections.items() if other != facet]
        scope = matched.intersection(*others) if others else matched
        if len(scope) == len(base):
            # every record the type and dates allow (a filter-only page): counted once
            counts = catalog.counts(searcher, facet, whole, scope)
        else:
            counts = catalog.facet(searcher, facet).counts(scope)
        # every label is counted (set intersections), but only the values shown are sorted
        facets[facet], truncated[facet] = top_counts(counts, request.facet_limit(facet),
                                                     request.selected(facet))

    years: dict[str, int] = {}
    if request.facets:
        years = dict(catalog.facet(searcher, "year").counts(final))

    def months(prefix: str) -> dict[str, int]:
        postings = catalog.postings(searcher, "month")
        return {m: len(final & docs) for m, docs in postings.items() if m.startswith(prefix)}

    hits = _page(catalog, searcher, text_query, final, request, ranker, passages)
    shown = [p for p in leading if p.docnum in final]
    if shown:
        notes.insert(0, passages_note(shown))
    return Found(total=len(final), hits=hits, facets=facets, years=years, months=months,
                 level=found.level, notes=notes, passages=bool(leading), truncated=truncated,
                 held=held)


def _hit(searcher, stored: dict, score: float | None, terms: set[str],
         passage: Passage | None = None) -> dict:
    hit = record_hit(stored, score, terms, lambda doc_id: _parent(searcher, doc_id), _snippet)
    hit["passage"] = passage.to_json() if passage else None
    if passage:
        # the words as said, in their sentence, instead of scattered matched words
        hit["snippet"] = passage_snippet(stored.get("text", ""), passage.start, passage.end)
    return hit


def _parent(searcher, doc_id: str):
    parent = searcher.document(id=doc_id)
    return stored_document(parent) if parent else None


def _page(catalog, searcher, text_query, final: set[int], request,
          ranker: Scorer | Ranked | PassageFirst | None,
          passages: dict[int, Passage] | PhrasePassages) -> list[dict]:
    if not final:
        return []
    first = (request.page - 1) * request.per_page
    terms = {text for fieldname, text in query_terms(text_query) if fieldname == "text"}
    if request.sort != "relevance" or ranker is None:
        docnums = _by_date(catalog, searcher, final, newest_first=request.sort != "date")
        best = [(n, None) for n in docnums[first : first + request.per_page]]
    else:
        best = [(n, round(score, 4)) for n, score in
                ranker.top(final, first + request.per_page)[first:]]
    hits: list[dict] = []
    labels = catalog.facet(searcher, "speaker").labels
    for n, score in best:
        # past the time budget a long list (an export) stops; a page's first hits never do
        if len(hits) >= MIN_HITS and budget.current().exceeded():
            budget.current().cut(f"Liste arrêtée à {len(hits)} résultats sur {len(best)} : "
                                 "le temps de réponse permis était épuisé.")
            break
        hits.append(name_people(_hit(searcher, searcher.stored_fields(n), score, terms,
                                     passages.get(n)), labels))
    return hits


def _by_date(catalog, searcher, final: set[int], newest_first: bool) -> list[int]:
    """Return the docnums of `final` by date, undated ones last, from the cached timeline.

    No Whoosh sorting: its reversed column sort failed during index swaps (a value missing
    from its list of values), and sorting a known set by a cached rank is cheaper anyway.
    """
    _, _, rank = catalog.timeline(searcher)
    dated = sorted((n for n in final if n in rank), key=rank.__getitem__, reverse=newest_first)
    return dated + sorted(n for n in final if n not in rank)
