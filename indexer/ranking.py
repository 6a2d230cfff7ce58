"""Ranking plain-word queries from cached postings, with Whoosh's own BM25F.

Whoosh ranks by walking posting lists one Python call at a time: measured on the 250k
benchmark corpus, that walk was 94 % of a two- or three-word search, though the documents to
rank were already known from the cached word sets. For a query of plain words this module
scores those documents directly: each word's postings are read once into {docnum: weight}
(cached per index version by the `Catalog`), and the score is Whoosh's: `scoring.bm25()`'s
formula with the searcher's idf and average field lengths, summed over the words' `title`
and `text` postings, for all-word and any-word queries alike. `tests/test_ranking.py`
checks scores and order against `Searcher.search` on the shared corpus.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.columns import NumericColumn
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length

from indexer import budget

FIELDS = ("title", "text")


class WordPostings:
    """One analysed word: the records holding it, and its weight per field and record.

    Kept as arrays (sorted global docnums, and the weights beside them): a word of a pasted
    passage can be in a third of the records, and sets or dicts of them cost more to build,
    count and combine than the search they serve.
    """

    __slots__ = ("term", "ids", "tfs", "doc_array", "_docs")

    def __init__(self, term: str, ids: dict[str, np.ndarray], tfs: dict[str, np.ndarray]):
        self.term = term
        self.ids = ids  # field → sorted docnums
        self.tfs = tfs  # field → weight (term frequency × boost), beside `ids`
        self.doc_array = reduce(_union, ids.values(), _EMPTY_IDS)
        self._docs: frozenset[int] | None = None

    @property
    def docs(self) -> frozenset[int]:
        """Return the records holding the word, as a set (built once, when asked)."""
        if self._docs is None:
            self._docs = frozenset(self.doc_array.tolist())
        return self._docs

    @property
    def weights(self) -> dict[str, dict[int, float]]:
        """Return {field: {docnum: weight}}."""
        return {f: dict(zip(self.ids[f].tolist(), self.tfs[f].tolist(), strict=True))
                for f in self.ids}

    @property
    def size(self) -> int:
        """Return how many docnums this entry holds (what the cache bounds)."""
        return len(self.doc_array) + sum(len(ids) for ids in self.ids.values())


def _union(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Return the sorted union of two sorted arrays without repeats.

    (numpy's union1d hashes every value: most of the time of reading a common word.)

    >>> _union(np.array([1, 4, 9]), np.array([2, 4])).tolist()
    [1, 2, 4, 9]
    """
    if not len(a):
        return b
    if not len(b):
        return a
    both = np.concatenate([a, b])
    both.sort(kind="stable")  # two sorted runs: merged, not sorted from scratch
    keep = np.empty(len(both), dtype=bool)
    keep[0] = True
    np.not_equal(both[1:], both[:-1], out=keep[1:])
    return both[keep]


def intersect_sorted(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Return the sorted values both sorted arrays (without repeats) hold.

    >>> intersect_sorted(np.array([1, 4, 9]), np.array([2, 4, 9])).tolist()
    [4, 9]
    """
    return np.intersect1d(a, b, assume_unique=True)


_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_TFS = np.zeros(0, dtype=np.float64)


def word_postings(searcher, term: str) -> WordPostings:
    """Return the postings of `term` in `title` and `text`, with global docnums."""
    ids, tfs = {}, {}
    for f in FIELDS:
        ids[f], tfs[f] = _field_weights(searcher, f, term)
    return WordPostings(term, ids, tfs)


def term_docs(searcher, fieldname: str, term: str) -> np.ndarray:
    """Return the sorted docnums of the records holding `term` in `fieldname`."""
    return _field_weights(searcher, fieldname, term, weights=False)[0]


def _field_weights(searcher, fieldname: str, term: str, weights: bool = True
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Return the sorted docnums holding `term` in `fieldname` and their weights (or, without
    `weights`, an empty array beside them)."""
    id_parts: list[np.ndarray] = []
    tf_parts: list[np.ndarray] = []
    for reader, offset in searcher.reader().leaf_readers():
        if (fieldname, term) not in reader:
            continue
        matcher = reader.postings(fieldname, term)
        # a segment with deletions wraps its postings in a FilterMatcher: read the leaf
        # matcher's blocks (Whoosh walks them one Python call per posting) and drop the
        # deleted records here, in bulk
        leaf = matcher.child if isinstance(matcher, FilterMatcher) else matcher
        if type(leaf) is W3LeafMatcher and (leaf is matcher or matcher._exclude):
            ids_parts, weight_parts = [], []
            leaf.reset()
            while leaf.is_active():
                if leaf._data is None:
                    leaf._read_data()
                raw = np.asarray(leaf._data[0], dtype=np.int64)
                # the ids are stored as gaps unless the block says otherwise
                ids_parts.append(raw if leaf._byteids else np.cumsum(raw))
                if weights:
                    leaf._read_weights()
                    weight_parts.append(np.asarray(leaf._weights, dtype=np.float64))
                leaf._next_block()
            ids = np.concatenate(ids_parts) + offset if ids_parts else _EMPTY_IDS
            tfs = np.concatenate(weight_parts) if weight_parts else _EMPTY_TFS
            deleted = _deleted(reader, offset)
            if len(deleted) and len(ids):
                keep = ~np.isin(ids, deleted, assume_unique=True)
                ids, tfs = ids[keep], (tfs[keep] if weights else tfs)
        else:
            found_ids, found_weights = [], []
            while matcher.is_active():
                found_ids.append(matcher.id() + offset)
                if weights:
                    found_weights.append(matcher.weight())
                matcher.next()
            ids = np.array(found_ids, dtype=np.int64)
            tfs = np.array(found_weights, dtype=np.float64)
        id_parts.append(ids)
        tf_parts.append(tfs)
    if not id_parts:
        return _EMPTY_IDS, _EMPTY_TFS
    return np.concatenate(id_parts), np.concatenate(tf_parts)


def _deleted(reader, offset: int) -> np.ndarray:
    """Return the deleted records of a segment, as sorted global docnums, once per reader.

    A segment rewritten by incremental runs holds thousands of them: shifting them anew for
    every word and field was a third of reading a passage's postings.
    """
    known = getattr(reader, "_verbatim_deleted", None)
    if known is None or known[0] != offset:
        deleted = getattr(reader, "deleted_docs_set", None) or ()
        known = (offset, np.array(sorted(deleted), dtype=np.int64) + offset)
        reader._verbatim_deleted = known
    return known[1]


def field_lengths(searcher, fieldname: str) -> array:
    """Return every record's length in `fieldname`, as Whoosh's scorer sees it (by docnum)."""
    table = [0.0] + [float(byte_to_length(b)) for b in range(1, 256)]
    lengths = array("d")  # doubles: lengths above 2**24 stay exact
    for reader, _ in searcher.reader().leaf_readers():
        count = reader.doc_count_all()
        perdoc = getattr(reader, "_perdoc", None)
        column = (perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
                  if hasattr(perdoc, "_cached_reader") else None)
        if isinstance(column, NumericColumn.Reader) and column._fixedlen == 1:
            # one byte per record: read them all at once rather than one call per record
            raw = column._dbfile.get(column._basepos, column._count) if column._count else b""
            lengths.extend(table[b] for b in raw[:count])
            lengths.extend([0.0] * (count - min(count, len(raw))))
        else:
            lengths.extend(float(reader.doc_field_length(n, fieldname)) for n in range(count))
    return lengths


@dataclass
class Scorer:
    """BM25F over cached postings, as Whoosh's searcher would compute it."""

    words: list[WordPostings]
    lengths: dict[str, array]
    idf: dict[tuple[str, str], float]
    avgfl: dict[str, float]
    B: float
    K1: float

    @classmethod
    def for_searcher(cls, searcher, words: list[WordPostings], lengths: dict[str, array]
                     ) -> Scorer:
        """Return a scorer using `searcher`'s weighting model and collection statistics."""
        weighting = searcher.weighting
        idf = {(f, w.term): searcher.idf(f, w.term) for w in words for f in FIELDS}
        avgfl = {f: searcher.avg_field_length(f) or 1 for f in FIELDS}
        return cls(words, lengths, idf, avgfl, weighting.B, weighting.K1)

    def scores(self, docnums: Iterable[int]) -> dict[int, float]:
        """Return {docnum: score} for the given records.

        The arithmetic is `whoosh.scoring.bm25()`'s, in the same order of operations (so
        the same floats), over arrays: summed field by field and word by word in the
        query's order.
        """
        B, K1 = self.B, self.K1
        k1_plus_1, one_minus_b = K1 + 1, 1 - B
        docs = np.fromiter(docnums, dtype=np.int64)
        out = np.zeros(len(docs), dtype=np.float64)
        for i, w in enumerate(self.words):
            # every record of a widened query times every word: past the time budget, the
            # ranking stands on the words summed so far
            if i and budget.current().exceeded():
                budget.current().cut(f"Classement établi sur les {i} premiers mots de la "
                                     "requête : le temps de réponse permis était épuisé.")
                break
            for f in FIELDS:
                ids = w.ids[f]
                if not len(ids) or not len(docs):
                    continue
                at = np.minimum(np.searchsorted(ids, docs), len(ids) - 1)
                held = ids[at] == docs
                tf = w.tfs[f][at[held]]
                lengths = self._lengths(f)[docs[held]]
                out[held] += self.idf[f, w.term] * ((tf * k1_plus_1) / (
                    tf + K1 * (one_minus_b + B * lengths / self.avgfl[f])))
        return dict(zip(docs.tolist(), out.tolist(), strict=True))

    def field_top(self, field: str, boosts: list[float], allowed, exclude: int, count: int,
                  least: int = 1) -> list[tuple[int, float]]:
        """Return the `count` best (docnum, score) of an any-word query on one field, each
        word's BM25 times its boost (Whoosh's `Or` of boosted `Term`s, `minmatch` `least`:
        the records holding that many of the words or more), among `allowed` docnums but
        `exclude`; best first, ties by docnum as Whoosh."""
        B, K1 = self.B, self.K1
        k1_plus_1, one_minus_b = K1 + 1, 1 - B
        lengths = self._lengths(field)
        total = np.zeros(len(lengths), dtype=np.float64)
        held_words = np.zeros(len(lengths), dtype=np.int32) if least > 1 else None
        for w, boost in zip(self.words, boosts, strict=True):
            ids, tf = w.ids[field], w.tfs[field]
            if len(ids):
                total[ids] += (self.idf[field, w.term] * ((tf * k1_plus_1) / (
                    tf + K1 * (one_minus_b + B * lengths[ids] / self.avgfl[field])))) * boost
                if held_words is not None:
                    held_words[ids] += 1
        held = np.flatnonzero(total if held_words is None else (total != 0) &
                              (held_words >= least))
        # equal scores summed in another order differ in their last bits: ties by docnum
        order = held[np.lexsort((held, -np.round(total[held], 9)))]
        out = []
        for n in order.tolist():
            if n != exclude and n in allowed:
                out.append((n, float(total[n])))
                if len(out) == count:
                    break
        return out

    def _lengths(self, field: str) -> np.ndarray:
        return np.frombuffer(self.lengths[field], dtype=np.float64)

    def top(self, docnums: Iterable[int], count: int) -> list[tuple[int, float]]:
        """Return the `count` best (docnum, score), best first, ties by docnum as Whoosh."""
        scores = self.scores(docnums)
        best = heapq.nsmallest(count, scores.items(), key=lambda item: (-item[1], item[0]))
        return best
