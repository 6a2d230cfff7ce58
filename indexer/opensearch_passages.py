"""Pasted passages on an OpenSearch index: `indexer.passages` over the cluster's word pairs.

A word pair of a pasted passage (`indexer.analysis.shingles`: two passage words side by
side, Whoosh's `shingle` terms) is found in the cluster as two words one after the other in
a record's unstemmed words (`title.exact`, `text.exact`, which keep their positions:
`pair_clause`), so that nothing is indexed for the pairs (they doubled the cluster's CPU of
writing, `bench/opensearch-history.md`). An index written with the pairs themselves (the
mark PAIRED, `PAIRS`) is searched by them, as before.
The passage finder (`indexer.passages.find`) reads them through
`ClusterPairs`, its `PairIndex`: each pair's record count (one multi-search of counts, kept a
minute), then one search whose clauses weigh each chosen pair as `indexer.passages.candidates`
does (a constant score per pair, summed by the cluster) and name it, so that the scores of
the best records are summed again in Python from the pairs each holds, in the same order
and precision as Whoosh's (`best_of_held`): the same candidates on both engines. Their
texts are read by id, then aligned by the same code.

`passages_first` puts the records holding a pasted passage first in a search's hits, as
Whoosh's `PassageFirst` does (`indexer.opensearch_engine.OpenSearchCatalog.run`).

A lookup among every statement is kept for the page that made it (`kept_passages`): the
search page's results, then the verdict beside them (`webapp.results.named_words`), asked
the cluster the same five requests twice.
"""

from __future__ import annotations

import time
from copy import copy
from typing import Any

from indexer import budget
from indexer.analysis import ELISIONS
from indexer.engine import page_kept
from indexer.passages import CANDIDATES, Passage, best_of_found, best_of_held, find, find_loose
from indexer.snippets import passage_snippet

# Each statement's and quotation's distinct word pairs (`indexer.passages.record_pairs`, the
# terms of Whoosh's `shingle` field), a keyword only searched for which records hold it: no
# doc values, no norms, no frequencies (`indexer.opensearch_mapping.index_body`)
PAIRS = "shingle"
# Where a record's passage words are, when the index holds no pairs: its unstemmed words
# (lowercase, ASCII-folded, with positions; `indexer.opensearch_mapping.index_body`), a
# statement's title and text (Whoosh's `shingle` text), a quotation's text (its title is
# its statement's); a statement in another language has them in `OTHER`'s fields
TEXT_WORDS = ("text.exact", "text_other")
TITLE_WORDS = ("title.exact", "title_other")
# What passage words drop and exact words keep: an elided article or pronoun (« l'etat » is
# « etat »), which French writes before a vowel, a « h » or a « y »
ELIDABLE = frozenset("aeiouyh")
# The analyzer of a word pair searched in the exact words (`passage_analysis`)
PASSAGE_ANALYZER = "verbatim_passage"
# records asked for, by the cluster's summed scores (float32), before they are ranked again
# exactly: room for scores that differ in their last bits
SPARE = 2 * CANDIDATES + 8
# texts read at once: `find` stops early once a record holds the passage word for word
TEXTS_AT_ONCE = 8
# pairs asked at once which records hold them (`ClusterPairs._held`): a score summing
# distinct powers of two is exact in a float32 below 2**24
BITS = 24
COUNTS_TTL = 60.0  # seconds a pair's record count (and the records' total) is kept
COUNTS_KEPT = 50_000
# A passage's score in a search: far above any BM25 score a record adds to it, one step
# per rank so that the cluster keeps the passages' order (closest, then oldest)
PINNED = 1_000_000.0
PIN_STEP = 1000.0
# The records a lookup kept for its page is among (`kept_passages`): every statement
STATEMENTS = [{"term": {"type": "doc"}}]


class ClusterPairs:
    """The word pairs of an OpenSearch index as the passage finder reads them
    (`indexer.passages.PairIndex`): records are ids, `base` a list of filter clauses."""

    def __init__(self, catalog):
        self.catalog = catalog
        # the index's own pairs (`PAIRS`, the mark PAIRED), or its words side by side
        self.terms = getattr(catalog, "pair_terms", False)
        self.languages = getattr(catalog, "languages", False)
        # the candidates' records, read by id, and which of a passage's pairs each holds
        # ({pairs: {id: their indexes}}, `_held`): within a web page, those its lookups read
        # before (`indexer.engine.page_kept`: the wider second look of a quotation said
        # absent, `indexer.search._approached`, and the person's nearest words,
        # `author_passages`, align many of the records the search aligned)
        kept = page_kept()
        alias = getattr(catalog, "alias", None)
        self.records: dict[str, dict] = {}
        self._pairs_held: dict[tuple[str, ...], dict[str, list[int]]] | None = None
        if kept is not None:
            self.records = kept.setdefault(("records", alias), {})
            self._pairs_held = kept.setdefault(
                ("pairs held", alias, self.terms, self.languages), {})
        self._order: list[str] = []

    def holds(self, pair: str) -> dict[str, Any]:
        """Return the query of the records holding a pair."""
        if self.terms:
            return {"term": {PAIRS: pair}}
        return pair_clause(pair, self.languages)

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
                                             "query": self.holds(p)} for p in asked])
            for pair, answer in zip(asked, answers, strict=True):
                known[pair] = answer["hits"]["total"]["value"]
        return {p: known[p] for p in pairs}

    def best_holders(self, pairs: list[str], weights: list[float], base: list[dict],
                     limit: int) -> list[tuple[str, float]]:
        """Return the `limit` best records of `base` (`indexer.passages.best_of_held`)."""
        if self.terms:  # each clause named: the hits say which pairs they hold
            should = [{"constant_score": {"filter": _named(self.holds(p), str(i)), "boost": w}}
                      for i, (p, w) in enumerate(zip(pairs, weights, strict=True))]
        else:  # named clauses of words side by side cost 0.5 ms a hit each: `_held`
            should = [{"constant_score": {"filter": self.holds(p), "boost": w}}
                      for p, w in zip(pairs, weights, strict=True)]
        hits = self.catalog.search({
            "size": max(SPARE, limit), "_source": False, "track_total_hits": False,
            "query": {"bool": {"filter": base, "should": should, "minimum_should_match": 1}},
        })["hits"]["hits"]
        if self.terms:
            held = [(h["_id"], [int(n) for n in h.get("matched_queries") or ()]) for h in hits]
        else:
            held = self._held([h["_id"] for h in hits], pairs)
        best = best_of_held([(key, names) for key, names in held if names], weights, limit)
        self._order = [key for key, _ in best]
        return best

    def _held(self, ids: list[str], pairs: list[str]) -> list[tuple[str, list[int]]]:
        """Return which of `pairs` (their indexes) each record of `ids` holds, in that order
        (`clauses_held`: named clauses, `matched_queries`, are evaluated again hit by hit,
        0.5 ms each for words side by side)."""
        if self._pairs_held is None:
            return list(clauses_held(self.catalog, ids, [self.holds(p) for p in pairs]).items())
        known = self._pairs_held.setdefault(tuple(pairs), {})
        if asked := [key for key in ids if key not in known]:
            bounded = budget.current()
            cut = len(bounded.notes)
            held = clauses_held(self.catalog, asked, [self.holds(p) for p in pairs])
            if len(bounded.notes) > cut:  # stopped by the time budget: not kept
                return [(key, known.get(key) or held.get(key, [])) for key in ids]
            known.update(held)
        return [(key, known[key]) for key in ids]

    def stored_text(self, key: str) -> str:
        """Return a record's text; the next candidates' records are read with it."""
        if key not in self.records:
            at = self._order.index(key) if key in self._order else len(self._order)
            wanted = [key, *(other for other in self._order[at + 1:at + TEXTS_AT_ONCE]
                             if other not in self.records)]
            self.records.update(self.catalog._records(wanted))
        return (self.records.get(key) or {}).get("text", "")


def clauses_held(catalog, ids: list[str], clauses: list[dict[str, Any]]
                 ) -> dict[str, list[int]]:
    """Return {id: the indexes of the `clauses` it matches} of the records of `ids`.

    Asked of the records themselves, each clause weighing a power of two: a record's score
    is the sum of those of the clauses it matches, exact in a float below 2**24 (BITS
    clauses a search, in one multi-search).
    """
    held: dict[str, list[int]] = {key: [] for key in ids}
    if not ids or not clauses:
        return held
    chunks = [list(range(at, min(at + BITS, len(clauses))))
              for at in range(0, len(clauses), BITS)]
    answers = catalog.answers([{
        "size": len(ids), "_source": False, "track_total_hits": False,
        "query": {"bool": {"filter": [{"ids": {"values": ids}}], "should": [
            {"constant_score": {"filter": clauses[i], "boost": float(1 << bit)}}
            for bit, i in enumerate(chunk)], "minimum_should_match": 1}}}
        for chunk in chunks])
    for chunk, answer in zip(chunks, answers, strict=True):
        for hit in answer["hits"]["hits"]:
            mask = int(hit["_score"])
            held[hit["_id"]] += [i for bit, i in enumerate(chunk) if mask >> bit & 1]
    return held


def _named(query: dict[str, Any], name: str) -> dict[str, Any]:
    """Return a query (one clause: term or bool) named, for its hits' `matched_queries`."""
    (kind, body), = query.items()
    if kind == "term":
        (field, value), = body.items()
        return {"term": {field: {"value": value, "_name": name}}}
    return {kind: {**body, "_name": name}}


def passage_analysis() -> dict[str, dict[str, Any]]:
    """Return the analysis settings (`filter`, `analyzer`) of `PASSAGE_ANALYZER`, which
    `indexer.opensearch_mapping.index_body` adds to an index's own.

    A word pair's two words, as `indexer.analysis.passage_word` gives them, become each
    one position of the exact words that are that passage word: itself and, before a vowel,
    a « h » or a « y », the same with each elided article or pronoun (« etat »: « etat »,
    « l'etat », « d'etat »…): a phrase of two positions (Lucene's `MultiPhraseQuery`).
    """
    filters: dict[str, dict[str, Any]] = {
        f"verbatim_elided_{elision}": {"type": "pattern_replace",
                                       "pattern": f"^(?=[{''.join(sorted(ELIDABLE))}])",
                                       "replacement": f"{elision}'"}
        for elision in ELISIONS}
    filters[PASSAGE_ANALYZER] = {"type": "multiplexer", "filters": list(filters)}
    return {"filter": filters, "analyzer": {PASSAGE_ANALYZER: {
        "type": "custom", "tokenizer": "whitespace",
        # as the exact words were made (`verbatim_exact`); a word not elidable comes out of
        # each replacement unchanged: once only
        "filter": ["lowercase", "asciifolding", PASSAGE_ANALYZER, "remove_duplicates"]}}}


def pair_clause(pair: str, languages: bool = True) -> dict[str, Any]:
    """Return the query of the records holding a word pair (`indexer.analysis.shingles`)
    in their exact words: its two words one after the other, nothing between them, in a
    statement's title or text, a quotation's text (`TEXT_WORDS`, `TITLE_WORDS`; those of
    statements in another language when the index has them, `languages`)."""
    count = 2 if languages else 1
    texts = [_phrase(field, pair) for field in TEXT_WORDS[:count]]
    titles = [_phrase(field, pair) for field in TITLE_WORDS[:count]]
    return {"bool": {"should": [*texts, {"bool": {"filter": [{"term": {"type": "doc"}}],
                                                   "should": titles,
                                                   "minimum_should_match": 1}}],
                     "minimum_should_match": 1}}


def _phrase(field: str, pair: str) -> dict[str, Any]:
    return {"match_phrase": {field: {"query": pair, "analyzer": PASSAGE_ANALYZER}}}


def cluster_passages(catalog, text: str, base: list[dict], best_only: bool = False,
                     limit: int = CANDIDATES, loose: bool = False
                     ) -> tuple[list[Passage], dict[str, dict]]:
    """Return the records of `base` holding the passage `text`, closest first (records
    equally close: the oldest first, as on Whoosh), each with its id and day, and the
    records read ({id: record}). `loose`: a person's nearest words, in `find_loose`'s
    order (`indexer.engine.Engine.author_passages`)."""
    pairs = ClusterPairs(catalog)
    found = find_loose(pairs, text, base) if loose else find(pairs, text, base, limit, best_only)
    for p in found:
        p.doc_id = p.docnum
        p.date = (pairs.records.get(p.docnum) or {}).get("date")
    if not loose:
        found.sort(key=lambda p: (-p.similarity, p.date is None, p.date or ""))
    return found, pairs.records


def kept_passages(catalog, text: str, base: list[dict], best_only: bool = False,
                  limit: int = CANDIDATES) -> tuple[list[Passage], dict[str, dict]]:
    """Return `cluster_passages(catalog, text, base, best_only, limit)`, a lookup among every
    statement (`STATEMENTS`) kept for the web page being answered (`indexer.engine.
    page_kept`), as Whoosh keeps its lookups for its index's version
    (`indexer.whoosh_engine.Catalog.passages`): the search page looks a quotation pasted
    with who said it up for its results, then `verify` looks it up again for the verdict
    beside them (`webapp.results.named_words`), which a search's lookup serves
    (`indexer.passages.best_of_found`). The pairs' counts were kept already (COUNTS_TTL); the
    candidates' search, which pairs each holds and their texts were asked again: five round
    trips. Outside a page nothing is kept; a lookup the time budget may cut short
    (`budget.Budget.cuts_alignments`), or cut short by it, is neither kept nor served."""
    kept = page_kept()
    bounded = budget.current()
    if kept is None or base != STATEMENTS or bounded.cuts_alignments:
        return cluster_passages(catalog, text, base, best_only, limit)
    key = ("passages", catalog.alias, text, limit)
    held = kept.get(key)
    if held is not None and (best_only or not held[0]):  # a full lookup serves both asks
        kept_best, found, records = held
        if best_only and not kept_best:
            found = best_of_found(found)
    else:
        cut = len(bounded.notes)
        found, records = cluster_passages(catalog, text, base, best_only, limit)
        if len(bounded.notes) == cut:  # a search stopped by the budget says so in a note
            kept[key] = (best_only, found, records)
    return [copy(p) for p in found], records  # each caller's own: a hit's passage is its page's


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
    sentence as its snippet and, pinned first (`Passage.leads`), Whoosh's score
    (`PassageFirst`: 1000 plus the similarity)."""
    for hit, stored in zip(hits, sources, strict=True):
        passage = first.get(hit["id"])
        hit["passage"] = passage.to_json() if passage else None
        if passage:
            hit["snippet"] = passage_snippet(stored.get("text", ""), passage.start, passage.end)
            if ranked and passage.leads:
                hit["score"] = round(1000.0 + passage.similarity, 4)
