"""« More like this »: statements whose key terms resemble those of a given statement."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from indexer.engine import named_document
from indexer.schema import stored_document
from indexer.search import document_summary

SIMILAR_TOP = 5
KEY_TERMS = 10  # terms of the statement searched for; more finds neighbours in small corpora
SIMILAR_CACHE = 2000  # statements whose neighbours are kept, per index version
KEY_TEXT_CHARS = 4000  # of a statement's text, where its key terms are drawn from
# A neighbour holds this share (%) of the key terms, rounded down: a turn of one line that
# shares the speaker's name and nothing else is no neighbour (an interview of Olivier
# Dussopt had for neighbours « La parole est à M. Olivier Dussopt. », the chair's turns of a
# 2013 debate). OpenSearch's « more like this » asks for the same (`minimum_should_match`).
SHARED_TERMS = 30


def similar_documents(catalog, doc_id: str, top: int = SIMILAR_TOP) -> list[dict[str, Any]]:
    """Return up to `top` statements like the one with `doc_id`, best first, as plain dicts.

    Each dict holds id, title, date, kind, speakers [{name, function}], themes and score.
    Quotation records are left out: they would only repeat the statement's own words, and
    statements holding fewer than `SHARED_TERMS` % of its key terms.
    An unknown id gives an empty list.
    """
    if catalog.name != "whoosh":  # OpenSearch: its own « more like this » query
        return catalog.similar(doc_id, top, KEY_TERMS)
    searcher = catalog.searcher()
    docnum = searcher.document_number(id=doc_id)
    if docnum is None:
        return []
    # the answer is kept for the index version; its cost is bounded without a clock: the key
    # terms come from KEY_TEXT_CHARS of text, the walk reads KEY_TERMS posting lists, top 5
    cache: OrderedDict = catalog._cached(searcher, "similar", OrderedDict)
    key = (doc_id, top)
    known = cache.get(key)
    if known is not None:
        return known
    # Whoosh weighs every distinct word of the text by its frequency in the index (a lookup
    # each: 0.5 s for a long speech): the opening of a long statement gives its key terms
    text = (searcher.stored_fields(docnum).get("text") or "")[:KEY_TEXT_CHARS]
    # statements only, from the catalog's cached postings (a Whoosh filter query reads them
    # all again at each call: 0.3 s on the shared corpus)
    docs = catalog.postings(searcher, "type").get("doc", frozenset())
    statements = catalog._cached(searcher, "similar:docs", lambda: set(docs))
    try:
        # Whoosh's `more_like`: the key terms, then an any-word query boosted by their
        # weights. The query is scored here over the cached word postings (`ranking.Scorer`),
        # the same arithmetic as Whoosh's walk, which was 94 % of a document page whose
        # neighbours were not yet known.
        key_terms = searcher.key_terms_from_text("text", text, numterms=KEY_TERMS,
                                                 normalize=False) \
            if text else searcher.key_terms([docnum], "text", numterms=KEY_TERMS, normalize=False)
        words = [catalog.word(searcher, term) for term, _ in key_terms]
        best = catalog.scorer(searcher, words).field_top(
            "text", [weight for _, weight in key_terms], statements, docnum, top,
            least=len(key_terms) * SHARED_TERMS // 100)
        # its speakers named as the facet names them (`named_document`)
        labels = catalog.facet(searcher, "speaker").labels
        found = [document_summary(named_document(stored_document(searcher.stored_fields(n)),
                                                 labels), round(score, 4))
                 for n, score in best]
    except (KeyError, ValueError):  # a statement with no indexed text has no key terms
        found = []
    cache[key] = found
    while len(cache) > SIMILAR_CACHE:
        cache.popitem(last=False)
    return found
