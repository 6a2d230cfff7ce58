"""Queries: a query parsed by `indexer.query` (analysed terms), written for OpenSearch, so that
both engines look up the same terms (`dsl`); the plain words, the side-by-side pairs of a short
query and the forms of statements in another language.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from whoosh import query as wq

from indexer.analysis import ELISIONS, exact_word, word_term
from indexer.opensearch_mapping import OTHER, TITLE_WEIGHT, WHOOSH_K1
from indexer.opensearch_passages import (
    ELIDABLE,
)


class Untranslatable(ValueError):
    """A query node OpenSearch is not given (never produced by `indexer.query`)."""


# Boosts {(field, term): boost} that make Lucene's BM25 of a word Whoosh's (`whoosh_boost`),
# for an index scored as Whoosh scores (`indexer.opensearch_mapping.SCORED`); None: an index
# scored by Lucene's BM25 alone
Boosts = dict[tuple[str, str], float] | None
SCORED_FIELDS = ("title", "text")  # the fields whose words Whoosh scores (`indexer.ranking`)
# OpenSearch's BM25 multiplies by K1 + 1 of its own K1, as Whoosh does: the title's similarity
# (K1 / 2, `TITLE_SIMILARITY`) falls short of Whoosh's K1 + 1 by this factor
TITLE_FACTOR = (WHOOSH_K1 + 1) / (WHOOSH_K1 / TITLE_WEIGHT + 1)
TITLE_FIELDS = ("title", OTHER["title"])  # the fields of `TITLE_SIMILARITY`


def whoosh_boost(doc_freq: int, doc_count: int, records: int) -> float:
    """Return Whoosh's idf of a word over Lucene's, the boost of its clauses on an index
    scored as Whoosh scores (`SCORED`): Lucene's idf is log(1 + (N - n + 0.5) / (n + 0.5))
    where Whoosh's is log(records / (n + 1)) + 1 (`whoosh.scoring`), the word being in
    `doc_freq` n records among the field's `doc_count` N, and the index's `records`.

    A word of 11 records among 63,577 weighs 9.58 on Whoosh, 8.62 on Lucene; one of 10,000,
    2.85 and 1.85: Lucene gave the rare word of a query more weight than Whoosh does.

    >>> [round(whoosh_boost(n, 63577, 63577), 3) for n in (11, 10000)]
    [1.111, 1.541]
    """
    whoosh = math.log(records / (doc_freq + 1)) + 1
    lucene = math.log(1 + (doc_count - doc_freq + 0.5) / (doc_freq + 0.5))
    return whoosh / lucene if lucene > 0 else 1.0


def _boost(field: str, text: str, boosts: Boosts) -> float:
    # a word's boost on a `SCORED` index: its idf's (1 when unknown) and the title's factor;
    # else 1 (Lucene's BM25)
    if boosts is None:
        return 1.0
    return boosts.get((field, text), 1.0) * (TITLE_FACTOR if field in TITLE_FIELDS else 1.0)


def dsl(q: wq.Query, boosts: Boosts = None) -> dict[str, Any]:
    """Return the OpenSearch query of a query parsed by `indexer.query` (analysed terms); on
    an index scored as Whoosh scores, each word of the title and text boosted as `boosts`
    says (`whoosh_boost`)."""
    if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
        return {"match_none": {}}
    if isinstance(q, wq.Every):
        return {"match_all": {}}
    if isinstance(q, wq.Term):
        if q.fieldname == "exact":
            return exact(lambda field: {"term": {field: q.text}})
        term = {"term": {q.fieldname: {"value": q.text}}}
        boost = q.boost * (_boost(q.fieldname, q.text, boosts)
                           if q.fieldname in SCORED_FIELDS else 1.0)
        if boost != 1.0:
            term["term"][q.fieldname]["boost"] = boost
        if q.fieldname in OTHER:  # Whoosh's field holds a foreign statement's words too
            other = {"term": {OTHER[q.fieldname]: term["term"][q.fieldname]}}
            return {"bool": {"should": [term, other]}}
        return term
    if isinstance(q, wq.Phrase):
        if q.fieldname == "exact":
            words = " ".join(q.words)
            slop = max(0, q.slop - 1)
            return exact(lambda field: {"match_phrase": {field: {"query": words, "slop": slop}}})
        return {"bool": {"must": [dsl(wq.Term(q.fieldname, w), boosts) for w in q.words]}}
    if isinstance(q, wq.DateRange):
        span = {f"{op}": when.strftime("%Y-%m-%dT%H:%M:%S")
                for op, when in (("gte", q.startdate), ("lte", q.enddate)) if when}
        return {"range": {q.fieldname: span}}
    if isinstance(q, wq.Not):
        return {"bool": {"must_not": [dsl(q.query, boosts)]}}
    if isinstance(q, wq.AndNot):
        return {"bool": {"must": [dsl(q.a, boosts)], "must_not": [dsl(q.b, boosts)]}}
    if isinstance(q, wq.And):
        must, must_not = [], []
        for sub in q.subqueries:
            if isinstance(sub, wq.Not):
                must_not.append(dsl(sub.query, boosts))
            else:
                must.append(dsl(sub, boosts))
        return {"bool": {"must": must or [{"match_all": {}}], "must_not": must_not}}
    if isinstance(q, wq.Or):
        return {"bool": {"should": [dsl(s, boosts) for s in q.subqueries],
                         "minimum_should_match": 1}}
    raise Untranslatable(type(q).__name__)


def exact(clause: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """Return `clause` on the unstemmed words of a record, as Whoosh's `exact` field holds
    them: a statement's title and text, a quotation's own words (not its document's title);
    a statement in another language, its `OTHER` fields."""
    return {"bool": {"should": [
        {"bool": {"filter": [{"term": {"type": "doc"}}], "must": [clause("title.exact")]}},
        clause("text.exact"), clause("title_other"), clause("text_other")],
        "minimum_should_match": 1}}


def _word(term: str, forms: set[str] | None = None, boosts: Boosts = None) -> dict[str, Any]:
    # a plain word is `title:t OR text:t`, the title weighing twice (`indexer.schema`: on a
    # `SCORED` index, inside its similarity; else a boost of 2); with `forms` (the index holds
    # statements in another language), also the French term and the word as typed in those
    # statements' own words (`OTHER`, `foreign_forms`), their idf Lucene's
    title = _boost("title", term, boosts) if boosts is not None else TITLE_WEIGHT
    should = [{"term": {"title": {"value": term, "boost": title}}},
              {"term": {"text": {"value": term, "boost": _boost("text", term, boosts)}}}]
    other_title = TITLE_FACTOR if boosts is not None else TITLE_WEIGHT
    for form in sorted({term, *forms}) if forms is not None else ():
        should += [{"term": {OTHER["title"]: {"value": form, "boost": other_title}}},
                   {"term": {OTHER["text"]: form}}]
    return {"bool": {"should": should}}


def words_query(terms: list[str], need: int, forms: dict[str, set[str]] | None = None,
                boosts: Boosts = None) -> dict[str, Any]:
    """Return the query of the records holding `need` of the plain words `terms` or more,
    each word weighed as `_word` weighs it."""
    return {"bool": {"should": [_word(t, None if forms is None else forms.get(t, set()), boosts)
                                for t in terms], "minimum_should_match": need}}


# A short plain query (2 to MIN_WORDS - 1 words, `indexer.passages.together_words`) ranks first
# the records holding its words in that order, then those holding each of its word pairs side
# by side, as Whoosh's `TogetherFirst`: the first get PHRASE more than any BM25 score (a few
# tens at most), and TOGETHER more again (they hold the pairs too), the second TOGETHER more,
# each group keeping its own order.
TOGETHER = 1000.0
PHRASE = 2 * TOGETHER


def _elided(w: str) -> dict[str, Any]:
    # an unstemmed word keeps its elided article (« l'etat »), which a passage word has
    # dropped (« etat »): a word that can take one is any of its elided forms
    forms = [w, *(f"{e}'{w}" for e in ELISIONS)] if w[:1] in ELIDABLE else [w]
    if len(forms) == 1:
        return {"match": {"query": w}}
    return {"any_of": {"intervals": [{"match": {"query": f}} for f in forms]}}


def in_order(words: list[str]) -> dict[str, Any]:
    """Return the query of the records holding the passage words `words` in that order, in
    their unstemmed words (`exact`), an elided article allowed before each: « quoi qu'il en
    coûte » (whose pairs of stop words are not indexed: `indexer.passages.phrase_holders`),
    « état de droit » in « l’État de droit »."""
    rule = {"all_of": {"ordered": True, "max_gaps": 0,
                       "intervals": [_elided(w) for w in words]}}
    return exact(lambda field: {"intervals": {field: rule}})


def together_query(pairs: list[str]) -> dict[str, Any]:
    """Return the query of the records holding every word pair of `pairs` (passage words:
    `indexer.analysis.shingles`), each pair's words side by side in the unstemmed words
    (`in_order`), as Whoosh finds them by its `shingle` terms."""
    return {"bool": {"filter": [in_order(p.split(" ")) for p in pairs]}}


def together_first(query: dict[str, Any], together: dict[str, Any] | None,
                   phrase: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return `query` ranking first the records `phrase` matches (PHRASE added), then those
    `together` matches (TOGETHER added)."""
    should = [{"constant_score": {"filter": clause, "boost": boost}}
              for clause, boost in ((phrase, PHRASE), (together, TOGETHER)) if clause is not None]
    if not should:
        return query
    return {"bool": {"must": [query], "should": should}}


def usual_score(score: float) -> tuple[float, bool]:
    """Return the BM25 score of a hit ranked by `together_first`, and whether it holds the
    phrase.

    >>> usual_score(3012.5), usual_score(1012.5), usual_score(12.5)
    ((12.5, True), (12.5, False), (12.5, False))
    """
    if score >= PHRASE + TOGETHER:
        return score - PHRASE - TOGETHER, True
    if score >= PHRASE:  # a phrase of stop words: no pair indexed, none asked
        return score - PHRASE, True
    return (score - TOGETHER if score >= TOGETHER else score), False


def foreign_forms(typed: list[str]) -> dict[str, set[str]]:
    """Return {French term: the words as typed, folded, that differ from it} for the plain
    words of a query (`indexer.matching.with_foreign_forms`): « commission » is the term
    « commiss », and an English statement holds « commission » itself."""
    forms: dict[str, set[str]] = {}
    for word in typed:
        if (term := word_term(word)) is not None and (form := exact_word(word)) != term:
            forms.setdefault(term, set()).add(form)
    return forms
