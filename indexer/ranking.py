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
from itertools import accumulate

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.columns import NumericColumn
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length

from indexer import budget

FIELDS = ("title", "text")


@dataclass(frozen=True)
class WordPostings:
    """One analysed word: the records holding it, and its weight per field and record."""

    term: str
    docs: frozenset[int]
    weights: dict[str, dict[int, float]]  # field → {docnum: weight (term frequency × boost)}

    @property
    def size(self) -> int:
        """Return how many docnums this entry holds (what the cache bounds)."""
        return len(self.docs) + sum(len(w) for w in self.weights.values())


def word_postings(searcher, term: str) -> WordPostings:
    """Return the postings of `term` in `title` and `text`, with global docnums."""
    weights = {f: _field_weights(searcher, f, term) for f in FIELDS}
    docs = frozenset(weights["title"]).union(weights["text"])
    return WordPostings(term, docs, weights)


def _field_weights(searcher, fieldname: str, term: str) -> dict[int, float]:
    found: dict[int, float] = {}
    for reader, offset in searcher.reader().leaf_readers():
        if (fieldname, term) not in reader:
            continue
        matcher = reader.postings(fieldname, term)
        # a segment with deletions wraps its postings in a FilterMatcher: read the leaf
        # matcher's blocks and drop the deleted records here, at C speed
        leaf = matcher.child if isinstance(matcher, FilterMatcher) else matcher
        deleted = getattr(reader, "deleted_docs_set", None) or ()
        if type(leaf) is W3LeafMatcher and (leaf is matcher or matcher._exclude):
            leaf.reset()
            while leaf.is_active():
                if leaf._data is None:
                    leaf._read_data()
                leaf._read_weights()
                # the ids are stored as gaps (whoosh.util.numlists.delta_decode, in C here)
                ids = leaf._data[0] if leaf._byteids else accumulate(leaf._data[0])
                found.update(zip(map(offset.__add__, ids), leaf._weights, strict=True))
                leaf._next_block()
            if deleted:
                for n in found.keys() & set(map(offset.__add__, deleted)):
                    del found[n]
        else:
            while matcher.is_active():
                found[matcher.id() + offset] = matcher.weight()
                matcher.next()
    return found


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

        The arithmetic is `whoosh.scoring.bm25()`'s, inlined (a call per posting was a third
        of the time), summed field by field and word by word in the query's order.
        """
        B, K1 = self.B, self.K1
        k1_plus_1, one_minus_b = K1 + 1, 1 - B
        out = dict.fromkeys(docnums, 0.0)
        for i, w in enumerate(self.words):
            # every record of a widened query times every word: past the time budget, the
            # ranking stands on the words summed so far
            if i and budget.current().exceeded():
                budget.current().cut(f"Classement établi sur les {i} premiers mots de la "
                                     "requête : le temps de réponse permis était épuisé.")
                break
            for f in FIELDS:
                idf, weights, lengths, avgfl = (self.idf[f, w.term], w.weights[f],
                                                self.lengths[f], self.avgfl[f])
                # walk the smaller side: few records to rank, or a rare word
                if len(weights) < len(out):
                    pairs = [(n, x) for n, x in weights.items() if n in out]
                else:
                    pairs = [(n, weights[n]) for n in out if n in weights]
                for n, tf in pairs:
                    out[n] += idf * ((tf * k1_plus_1)
                                     / (tf + K1 * (one_minus_b + B * lengths[n] / avgfl)))
        return out

    def top(self, docnums: Iterable[int], count: int) -> list[tuple[int, float]]:
        """Return the `count` best (docnum, score), best first, ties by docnum as Whoosh."""
        scores = self.scores(docnums)
        best = heapq.nsmallest(count, scores.items(), key=lambda item: (-item[1], item[0]))
        return best
