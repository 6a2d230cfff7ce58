"""Searching the index: one function behind the command line, the web pages and the API."""

from __future__ import annotations

import bisect
import os
import threading
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as wq

from indexer import budget
from indexer.analysis import fold
from indexer.indexing import INDEX_NAME
from indexer.matching import Ranked
from indexer.matching import match_query as _matching
from indexer.passages import (
    Passage,
    PassageFirst,
    TogetherFirst,
    passage_query,
    together_pairs,
)
from indexer.passages import find as find_passages
from indexer.query import (
    FACET_FIELDS,
    parse_query,
    query_terms,
)
from indexer.ranking import FIELDS, Scorer, WordPostings, field_lengths, word_postings
from indexer.schema import stored_document
from indexer.snippets import SNIPPET_CHARS, highlight_all, passage_snippet
from indexer.snippets import snippet as _snippet
from indexer.spelling import spell_query

SORTS = ("relevance", "-date", "date")
MAX_PER_PAGE = 100
MAX_LIST = 1000  # one page of a hits-only search (exports)
RETIRE_SECONDS = 60  # a replaced searcher is closed this long after, once nobody reads it
MAX_RESULTS = 10_000  # deepest result one can page to
MIN_HITS = 3  # hits of a list always given, even past the time budget (~35 ms each at worst)
# Postings kept by the per-word cache: about 100 bytes each, so ~600 MB at most (measured at
# 250k records: every word of the 330-query benchmark mix, 5.0 M postings, server RSS 614 MB).
TERM_CACHE_POSTINGS = int(os.environ.get("VERBATIM_TERM_CACHE", "6000000"))
# Word pairs whose records are kept: the pairs chosen are the rare ones (COMMON_SHARE), so
# each holds few records.
PAIR_CACHE_ENTRIES = 50_000


class IndexMissing(Exception):
    """There is no index in the folder given."""


@dataclass
class SearchRequest:
    """Everything that defines a search; every web page's state is one of these."""

    q: str = ""
    speaker: list[str] = field(default_factory=list)
    theme: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    year: list[str] = field(default_factory=list)
    lang: list[str] = field(default_factory=list)  # detected language: fr, en…
    date_from: str | None = None  # YYYY-MM-DD (also YYYY or YYYY-MM)
    date_to: str | None = None
    sort: str = "relevance"  # relevance, -date (newest first), date (oldest first)
    page: int = 1
    per_page: int = 10
    quotes: bool = False  # search quotations instead of documents
    facets: bool = True  # False: hits only (exports), no facet counts nor histogram
    as_typed: bool = False  # True: unknown words are not corrected (« tel que saisi »)

    def selected(self, facet: str) -> list[str]:
        """Return the values selected for a facet."""
        return getattr(self, facet)


@dataclass
class SearchResponse:
    """What a search found: the page of hits, facet counts, a histogram and notes."""

    request: SearchRequest
    total: int
    hits: list[dict[str, Any]]
    facets: dict[str, list[dict[str, Any]]]
    histogram: list[dict[str, Any]]  # [{"period": "2020" or "2020-09", "count": n}]
    notes: list[str]
    suggestions: list[dict[str, str]]  # [{"word", "suggestion"}]
    seconds: float
    match: str = "all"  # which documents match: "all" words, "most" (half or more), "any"
    # the words corrected: {"query" searched, "typed", "words": [{"word", "suggestion"}], "note"}
    correction: dict[str, Any] | None = None

    @property
    def relaxed(self) -> bool:
        """Return True when the search widened to documents with any of the words."""
        return self.match == "any"

    def to_json(self) -> dict[str, Any]:
        """Return the public JSON contract shared by `verbatim search --json` and the API."""
        return {
            "query": self.request.q,
            "total": self.total,
            "results": self.hits,
            "facets": {
                name: [{"value": v["value"], "count": v["count"]} for v in values]
                for name, values in self.facets.items()
            },
        }


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
        self._ix = whoosh_index.open_dir(str(self.index_dir), indexname=INDEX_NAME)
        self._lock = threading.Lock()
        self._local = threading.local()
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
        return self._cached(searcher, "facet:" + fieldname,
                            lambda: _field_postings(searcher, fieldname))

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
        with self._lock:
            cache[term] = found
            held = sum(x.size for x in cache.values())
            while held > TERM_CACHE_POSTINGS and len(cache) > 1:
                held -= cache.popitem(last=False)[1].size
        return found

    def pair_docs(self, searcher, pair: str) -> frozenset[int]:
        """Return the records holding a word pair (`shingle` field), cached like `word`."""
        cache: OrderedDict[str, frozenset[int]] = self._cached(searcher, "pairs", OrderedDict)
        with self._lock:
            found = cache.get(pair)
            if found is not None:
                cache.move_to_end(pair)
                return found
        reader = searcher.reader()
        found = frozenset(reader.postings("shingle", pair).all_ids()
                          if reader.doc_frequency("shingle", pair) else ())
        with self._lock:
            cache[pair] = found
            while len(cache) > PAIR_CACHE_ENTRIES:
                cache.popitem(last=False)
        return found

    def passages(self, searcher, text: str, base, best_only: bool = False) -> list[Passage]:
        """Return the records of `base` holding the passage `text`, closest first (with
        `best_only`, those that may come first: `indexer.passages.find`)."""
        if "shingle" not in searcher.schema:
            return []  # an index written before passages existed: `verbatim index --rebuild`
        return find_passages(searcher.reader(), lambda p: self.pair_docs(searcher, p),
                             lambda n: searcher.stored_fields(n).get("text", ""), text, base,
                             best_only=best_only)

    def scorer(self, searcher, words: list[WordPostings]) -> Scorer:
        """Return Whoosh's BM25F for these words over the cached postings."""
        lengths = {f: self._cached(searcher, "lengths:" + f, lambda f=f: field_lengths(searcher, f))
                   for f in FIELDS}
        return Scorer.for_searcher(searcher, words, lengths)

    def counts(self, searcher, facet: str, key: tuple, docs) -> list[dict]:
        """Return the facet counts of `docs`, all the records of the type and period `key`.

        Cached (32 periods per facet at most): a page filtered only by facets counts the
        same whole set every time.
        """
        cache: OrderedDict = self._cached(searcher, "counts:" + facet, OrderedDict)
        with self._lock:
            found = cache.get(key)
        if found is None:
            found = _count(docs, self.facet(searcher, facet))
            with self._lock:
                cache[key] = found
                while len(cache) > 32:
                    cache.popitem(last=False)
        return [dict(value) for value in found]  # the caller marks its selections on them

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

    def document(self, doc_id: str):
        """Return the stored `Document` with this id, or None."""
        stored = self.searcher().document(id=doc_id)
        if not stored or stored.get("type") != "doc":
            return None
        return stored_document(stored)

    def close(self) -> None:
        """Release every searcher's files."""
        with self._lock:
            opened, self._opened, self._retired = self._opened, [], []
        for searcher in opened:
            searcher.close()
        self._local = threading.local()


def _timeline(searcher, dated: dict[str, frozenset[int]]
              ) -> tuple[list[datetime], list[int], dict[int, int]]:
    column = searcher.reader().column_reader("date")
    pairs = sorted((column[n], n) for n in dated.get("1", ()))
    docnums = [n for _, n in pairs]
    return [d for d, _ in pairs], docnums, {n: i for i, n in enumerate(docnums)}


def facet_key(value: str) -> str:
    """Return what two spellings of one facet value share.

    >>> facet_key("Relance economique") == facet_key("Relance  Économique")
    True
    """
    return " ".join(fold(value).casefold().split())


def _best_label(forms: list[tuple[str, int]]) -> str:
    # The accented, capitalised spelling reads best; ties go to the commonest.
    return max(forms, key=lambda f: (sum(ord(c) > 127 for c in f[0]),
                                     sum(c.isupper() for c in f[0]), f[1], f[0]))[0]


@dataclass
class FacetPostings:
    """A facet field's values, spelling variants merged under their best label."""

    docs: dict[str, frozenset[int]]  # label → docnums
    variants: dict[str, list[str]]  # label → the values as indexed
    labels: dict[str, str]  # facet_key → label

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
            return Counter(label for n in ids for label in by_doc.get(n, ()))
        counts = ((value, len(ids & docs)) for value, docs in self.docs.items())
        return {v: c for v, c in counts if c}


def _field_postings(searcher, fieldname: str) -> FacetPostings:
    reader = searcher.reader()
    groups: dict[str, list[tuple[str, frozenset[int]]]] = {}
    if fieldname in reader.indexed_field_names():
        for value in reader.field_terms(fieldname):
            if value:
                docs = frozenset(reader.postings(fieldname, value).all_ids())
                groups.setdefault(facet_key(value), []).append((value, docs))
    facet = FacetPostings({}, {}, {})
    for key, forms in groups.items():
        label = _best_label([(v, len(d)) for v, d in forms])
        facet.docs[label] = frozenset().union(*(d for _, d in forms))
        facet.variants[label] = [v for v, _ in forms]
        facet.labels[key] = label
    return facet


def _period_bounds(value: str | None, end: bool) -> datetime | None:
    """Return the first (or last) instant of a YYYY, YYYY-MM or YYYY-MM-DD period."""
    if not value:
        return None
    for fmt, step in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
        try:
            start = datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
        if not end:
            return start
        if step == "day":
            nxt = start + timedelta(days=1)
        elif step == "month":
            nxt = start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
        else:
            nxt = start.replace(year=start.year + 1)
        return nxt - timedelta(microseconds=1)
    raise ValueError(value)


def _resolve_facet_terms(q: wq.Query, catalog: Catalog, searcher) -> wq.Query:
    """Map `speaker:Castex` to the indexed values it names (« Jean Castex »), folding case
    and accents, so users need not type a name exactly as it is stored."""
    if isinstance(q, wq.Term) and q.fieldname in FACET_FIELDS:
        wanted = facet_key(str(q.text))
        facet = catalog.facet(searcher, q.fieldname)
        keys = facet.labels
        matches = [k for k in keys if k == wanted] or [k for k in keys if wanted in k.split()]
        matches = matches or [k for k in keys if wanted in k]
        if not matches:
            return wq.NullQuery
        values = [v for k in matches for v in facet.variants[keys[k]]]
        return wq.Or([wq.Term(q.fieldname, v) for v in values])
    if q.is_leaf():
        return q
    return q.apply(lambda child: _resolve_facet_terms(child, catalog, searcher))


def _hit(searcher, stored: dict, score: float | None, terms: set[str],
         passage: Passage | None = None) -> dict:
    hit = _record_hit(searcher, stored, score, terms)
    hit["passage"] = passage.to_json() if passage else None
    if passage:
        # the words as said, in their sentence, instead of scattered matched words
        hit["snippet"] = passage_snippet(stored.get("text", ""), passage.start, passage.end)
    return hit


def _record_hit(searcher, stored: dict, score: float | None, terms: set[str]) -> dict:
    if stored.get("type") == "quote":
        parent = searcher.document(id=stored["parent"]) or {}
        doc = stored_document(parent) if parent else None
        quote = stored.get("text", "")
        speaker = doc.quotes[_quote_index(stored)] if doc else None
        return {
            "id": stored["id"],
            "title": doc.title if doc else stored.get("title"),
            "date": doc.date if doc else None,
            "kind": doc.kind if doc else stored.get("kind") or None,
            "speakers": [{"name": speaker.speaker, "function": speaker.function}]
            if speaker and speaker.speaker
            else [],
            "themes": doc.themes if doc else [],
            "source": stored.get("source"),
            "record": doc.record if doc else None,
            "score": score,
            "snippet": _snippet(quote, terms, top=1) if len(quote) > SNIPPET_CHARS else
            highlight_all(quote, terms),
            "alternates": _alternates(doc) if doc else [],
            "quote": quote,
            "document_id": stored.get("parent"),
            "position": stored.get("position"),
        }
    doc = stored_document(stored)
    return {**document_summary(doc, score), "snippet": _snippet(doc.text, terms),
            "alternates": _alternates(doc)}


def document_summary(doc, score: float | None) -> dict[str, Any]:
    """Return the fields every result list shows for a statement."""
    return {
        "id": doc.id,
        "title": doc.title,
        "date": doc.date,
        "kind": doc.kind,
        "speakers": [{"name": s.name, "function": s.function} for s in doc.speakers],
        "themes": doc.themes,
        "source": doc.source,
        "record": doc.record,
        "score": score,
    }


def _alternates(doc) -> list[dict[str, str]]:
    return [{"source": a["source"], "format": a["format"]} for a in doc.alternates]


def _quote_index(stored: dict) -> int:
    return int(str(stored["id"]).rsplit("-q", 1)[1])


def _count(ids: set[int] | frozenset[int], facet: FacetPostings) -> list[dict]:
    counts = list(facet.counts(ids).items())
    counts.sort(key=lambda vc: (-vc[1], fold(vc[0]).casefold()))
    return [{"value": v, "count": n} for v, n in counts]


def search(catalog: Catalog, request: SearchRequest) -> SearchResponse:
    """Run a search and return one page of hits with facets, histogram, suggestions, notes.

    Which words are required, and when the search widens to any word, is decided by
    `indexer.matching.match_query`; a note says so when it widens. Facet values combine
    with OR inside a facet and AND across facets; each facet's counts ignore its own
    selection.
    """
    started = time.perf_counter()
    budget.start()  # in a web request, long stages stop at a deadline and say so
    searcher = catalog.searcher()
    notes: list[str] = []
    request.sort = request.sort if request.sort in SORTS else "relevance"
    request.per_page = max(1, min(request.per_page,
                                  MAX_PER_PAGE if request.facets else MAX_LIST))
    request.page = max(1, min(request.page, MAX_RESULTS // request.per_page))

    parsed = parse_query(request.q)
    # unknown words near a word of many records are searched corrected (indexer.spelling)
    spelling = spell_query(catalog, searcher, request.q, parsed.words,
                           correct=not request.as_typed)
    if spelling.query is not None:
        parsed = parse_query(spelling.query)
    notes += parsed.notes
    # The filters every search shares are sets of document numbers cached per searcher:
    # intersecting sets is much cheaper than Whoosh walking posting lists in Python.
    base = catalog.postings(searcher, "type").get("quote" if request.quotes else "doc",
                                                   frozenset())
    period: tuple[datetime | None, datetime | None] = (None, None)
    try:
        low = _period_bounds(request.date_from, end=False)
        high = _period_bounds(request.date_to, end=True)
        if low or high:
            base = base & catalog.dated_between(searcher, low, high)
            period = (low, high)
    except ValueError as exc:
        notes.append(f"Date non comprise ({exc}) : filtre de date ignoré.")

    text_query = _resolve_facet_terms(parsed.query, catalog, searcher)
    found = _matching(catalog, searcher, spelling.query or request.q, parsed, text_query, base,
                      lambda q: _resolve_facet_terms(q, catalog, searcher))
    matched, text_query, parsed = found.docs, found.query, found.parsed
    ranker = found.ranker
    passages: dict[int, Passage] = {}
    typed = passage_query(request.q)
    if typed:
        # the records holding the passage come first, then the usual ranking
        passages = {p.docnum: p for p in catalog.passages(searcher, typed, base)}
        if passages:
            matched = set(matched) | passages.keys()
            ranker = PassageFirst(list(passages.values()), ranker)
    elif ranker is not None and (pairs := together_pairs(request.q, parsed)) \
            and "shingle" in searcher.schema:
        together = frozenset.intersection(*(catalog.pair_docs(searcher, p) for p in pairs))
        if together & matched:
            ranker = TogetherFirst(together, ranker)
    if found.note and not passages:
        notes.append(found.note)

    selections = {}
    for facet in FACET_FIELDS:
        if request.selected(facet):
            postings = catalog.facet(searcher, facet)
            # a value typed or bookmarked in another spelling selects its merged label
            values = list(dict.fromkeys(postings.label(v) for v in request.selected(facet)))
            setattr(request, facet, values)
            selections[facet] = frozenset().union(*(postings.docs.get(v, frozenset())
                                                    for v in values))
    final = set(matched)
    for docs in selections.values():
        final &= docs

    facets = {}
    whole = ("quote" if request.quotes else "doc", *period)  # what `base` holds
    for facet in FACET_FIELDS if request.facets else ():
        others = [docs for other, docs in selections.items() if other != facet]
        scope = matched.intersection(*others) if others else matched
        if len(scope) == len(base):
            # every record the type and dates allow (a filter-only page): counted once
            counts = catalog.counts(searcher, facet, whole, scope)
        else:
            counts = _count(scope, catalog.facet(searcher, facet))
        selected = set(request.selected(facet))
        for value in counts:
            value["selected"] = value["value"] in selected
        for value in selected - {c["value"] for c in counts}:
            counts.insert(0, {"value": value, "count": 0, "selected": True})
        facets[facet] = counts
    if "year" in facets:
        facets["year"].sort(key=lambda v: v["value"], reverse=True)

    histogram = _histogram(catalog, searcher, final, request) if request.facets else []
    hits = _page(catalog, searcher, text_query, final, request, ranker, passages)
    shown = [p for n, p in passages.items() if n in final]
    if shown:
        exact = sum(p.verdict == "exact" for p in shown)
        notes.insert(0, f"Passage trouvé mot pour mot dans {exact} document(s)." if exact else
                     f"Passage proche trouvé dans {len(shown)} document(s), "
                     f"à {round(max(p.similarity for p in shown) * 100)}\u00a0% près.")
    # a passage found is the answer: no « Vouliez-vous dire » beside it
    suggestions = spelling.suggestions if (not final or found.level == "any") \
        and not passages else []
    correction = None
    if spelling.query is not None:
        correction = {"query": spelling.query, "typed": request.q,
                      "words": spelling.corrections, "note": spelling.note(request.q)}
    notes += budget.finish()
    return SearchResponse(
        request=request,
        total=len(final),
        hits=hits,
        facets=facets,
        histogram=histogram,
        notes=notes,
        suggestions=suggestions,
        seconds=time.perf_counter() - started,
        match=found.level,
        correction=correction,
    )


def _histogram(catalog, searcher, final: set[int], request: SearchRequest) -> list[dict]:
    years = sorted((v["value"], v["count"]) for v in _count(final, catalog.facet(searcher,
                                                                                    "year")))
    by_month = len(request.year) == 1 or (len(years) == 1)
    if by_month and years:
        prefix = request.year[0] if len(request.year) == 1 else years[0][0]
        months = catalog.postings(searcher, "month")
        counts = {m: len(final & docs) for m, docs in months.items() if m.startswith(prefix)}
        return [{"period": f"{prefix}-{m:02d}", "count": counts.get(f"{prefix}-{m:02d}", 0)}
                for m in range(1, 13)]
    if not years:
        return []
    first, last = int(years[0][0]), int(years[-1][0])
    counts = dict(years)
    return [{"period": str(y), "count": counts.get(str(y), 0)} for y in range(first, last + 1)]


def _page(catalog, searcher, text_query, final: set[int], request,
          ranker: Scorer | Ranked | PassageFirst | None,
          passages: dict[int, Passage]) -> list[dict]:
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
    for n, score in best:
        # past the time budget a long list (an export) stops; a page's first hits never do
        if len(hits) >= MIN_HITS and budget.current().exceeded():
            budget.current().cut(f"Liste arrêtée à {len(hits)} résultats sur {len(best)} : "
                                 "le temps de réponse permis était épuisé.")
            break
        hits.append(_hit(searcher, searcher.stored_fields(n), score, terms, passages.get(n)))
    return hits


def _by_date(catalog, searcher, final: set[int], newest_first: bool) -> list[int]:
    """Return the docnums of `final` by date, undated ones last, from the cached timeline.

    No Whoosh sorting: its reversed column sort failed during index swaps (a value missing
    from its list of values), and sorting a known set by a cached rank is cheaper anyway.
    """
    _, _, rank = catalog.timeline(searcher)
    dated = sorted((n for n in final if n in rank), key=rank.__getitem__, reverse=newest_first)
    return dated + sorted(n for n in final if n not in rank)


def open_catalog(index_dir: Path | str) -> Catalog:
    """Return a `Catalog` on the index in `index_dir`; raises `IndexMissing`."""
    return Catalog(index_dir)
