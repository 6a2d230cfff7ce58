"""Pasted passages on an OpenSearch index: `indexer.passages` over the cluster's word pairs.

The records hold their distinct word pairs (`indexer.opensearch_engine.PAIRS`, the terms of
Whoosh's `shingle` field). The passage finder (`indexer.passages.find`) reads them through
`ClusterPairs`, its `PairIndex`: each pair's record count (one multi-search of counts, kept a
minute), then one search whose clauses weigh each chosen pair as `indexer.passages.candidates`
does (a constant score per pair, summed by the cluster) and name it, so that the scores of
the best records are summed again in Python from the pairs each holds, in the same order
and precision as Whoosh's (`best_of_held`): the same candidates on both engines. Their
texts are read by id, then aligned by the same code.

`passages_first` puts the records holding a pasted passage first in a search's hits, as
Whoosh's `PassageFirst` does (`indexer.opensearch_engine.OpenSearchCatalog.run`).
"""

from __future__ import annotations

import time
from typing import Any

from indexer.passages import CANDIDATES, Passage, best_of_held, find
from indexer.snippets import passage_snippet

# Each statement's and quotation's distinct word pairs (`indexer.passages.record_pairs`, the
# terms of Whoosh's `shingle` field), a keyword only searched for which records hold it: no
# doc values, no norms, no frequencies (`indexer.opensearch_engine.index_body`)
PAIRS = "shingle"
# records asked for, by the cluster's summed scores (float32), before they are ranked again
# exactly: room for scores that differ in their last bits
SPARE = 2 * CANDIDATES + 8
# texts read at once: `find` stops early once a record holds the passage word for word
TEXTS_AT_ONCE = 8
COUNTS_TTL = 60.0  # seconds a pair's record count (and the records' total) is kept
COUNTS_KEPT = 50_000
# A passage's score in a search: far above any BM25 score a record adds to it, one step
# per rank so that the cluster keeps the passages' order (closest, then oldest)
PINNED = 1_000_000.0
PIN_STEP = 1000.0


class ClusterPairs:
    """The word pairs of an OpenSearch index as the passage finder reads them
    (`indexer.passages.PairIndex`): records are ids, `base` a list of filter clauses."""

    def __init__(self, catalog):
        self.catalog = catalog
        self.records: dict[str, dict] = {}  # the candidates' records, read by id
        self._order: list[str] = []

    def _counts(self) -> dict[str, Any]:
        cache = getattr(self.catalog, "_pair_counts", None)
        now = time.monotonic()
        if cache is None or now - cache["at"] > COUNTS_TTL or len(cache["df"]) > COUNTS_KEPT:
            cache = {"at": now, "df": {}, "total": None}
            self.catalog._pair_counts = cache
        return cache

    def doc_count(self) -> int:
        """Return the number of statements and quotations (Whoosh's records)."""
        cache = self._counts()
        if cache["total"] is None:
            cache["total"] = self.catalog.search({
                "size": 0, "track_total_hits": True,
                "query": {"terms": {"type": ["doc", "quote"]}}})["hits"]["total"]["value"]
        return cache["total"]

    def doc_frequencies(self, pairs: list[str]) -> dict[str, int]:
        """Return how many records hold each pair: counts in one multi-search, each a term
        query the cluster answers from its terms dictionary."""
        known = self._counts()["df"]
        asked = [p for p in pairs if p not in known]
        if asked:
            answers = self.catalog.answers([{"size": 0, "track_total_hits": True,
                                             "query": {"term": {PAIRS: p}}} for p in asked])
            for pair, answer in zip(asked, answers, strict=True):
                known[pair] = answer["hits"]["total"]["value"]
        return {p: known[p] for p in pairs}

    def best_holders(self, pairs: list[str], weights: list[float], base: list[dict],
                     limit: int) -> list[tuple[str, float]]:
        """Return the `limit` best records of `base` (`indexer.passages.best_of_held`)."""
        should = [{"constant_score": {"filter": {"term": {PAIRS: {"value": p, "_name": str(i)}}},
                                      "boost": w}}
                  for i, (p, w) in enumerate(zip(pairs, weights, strict=True))]
        hits = self.catalog.search({
            "size": max(SPARE, limit), "_source": False, "track_total_hits": False,
            "query": {"bool": {"filter": base, "should": should, "minimum_should_match": 1}},
        })["hits"]["hits"]
        held = [(h["_id"], [int(n) for n in h.get("matched_queries") or ()]) for h in hits]
        best = best_of_held([(key, names) for key, names in held if names], weights, limit)
        self._order = [key for key, _ in best]
        return best

    def stored_text(self, key: str) -> str:
        """Return a record's text; the next candidates' records are read with it."""
        if key not in self.records:
            at = self._order.index(key) if key in self._order else len(self._order)
            wanted = [key, *self._order[at + 1:at + TEXTS_AT_ONCE]]
            self.records.update(self.catalog._records(wanted))
        return (self.records.get(key) or {}).get("text", "")


def cluster_passages(catalog, text: str, base: list[dict], best_only: bool = False
                     ) -> tuple[list[Passage], dict[str, dict]]:
    """Return the records of `base` holding the passage `text`, closest first (records
    equally close: the oldest first, as on Whoosh), each with its id and day, and the
    records read ({id: record})."""
    pairs = ClusterPairs(catalog)
    found = find(pairs, text, base, best_only=best_only)
    for p in found:
        p.doc_id = p.docnum
        p.date = (pairs.records.get(p.docnum) or {}).get("date")
    found.sort(key=lambda p: (-p.similarity, p.date is None, p.date or ""))
    return found, pairs.records


def pin_passages(query: dict[str, Any], first: list[Passage]) -> dict[str, Any]:
    """Return `query` or the records holding the passage, those first, closest first."""
    if not first:
        return query
    pins = [{"constant_score": {"filter": {"ids": {"values": [p.doc_id]}},
                                "boost": PINNED + PIN_STEP * (len(first) - rank)}}
            for rank, p in enumerate(first)]
    return {"bool": {"should": [query, *pins]}}


def passes_selections(record: dict[str, Any], selections: dict[str, dict]) -> bool:
    """Tell whether a record passes a search's facet selections ({facet: {"terms": {facet:
    values}}})."""
    for clause in selections.values():
        (facet, values), = clause["terms"].items()
        held = record.get(facet)
        held = held if isinstance(held, list) else [held]
        if not set(held) & set(values):
            return False
    return True


def mark_hits(hits: list[dict[str, Any]], sources: list[dict[str, Any]],
              first: dict[str, Passage], ranked: bool) -> None:
    """Give each hit its `passage` (None for the others) and, holding one, the passage's
    sentence as its snippet and Whoosh's score (`PassageFirst`: 1000 plus the similarity)."""
    for hit, stored in zip(hits, sources, strict=True):
        passage = first.get(hit["id"])
        hit["passage"] = passage.to_json() if passage else None
        if passage:
            hit["snippet"] = passage_snippet(stored.get("text", ""), passage.start, passage.end)
            if ranked:
                hit["score"] = round(1000.0 + passage.similarity, 4)
