"""Ranking from cached postings gives Whoosh's own scores and order, on the real corpus."""

import pytest
from whoosh import query as wq

from indexer.query import bag_terms, parse_query
from indexer.ranking import FIELDS, field_lengths, word_postings

QUERIES = [
    "lanceurs d'alerte",
    "optimisation fiscale Luxembourg",
    "mariage",
    "plan de relance économique",
    "égalité des droits pour les couples",
    "Antoine Deltour procès",
]


@pytest.fixture
def catalog(shared_catalog):
    return shared_catalog


def whoosh_top(searcher, query, docs, count=10):
    hits = searcher.search(query, limit=count, filter=set(docs), terms=False)
    return [(hit.docnum, hit.score) for hit in hits]


@pytest.mark.parametrize("text", QUERIES)
def test_all_words_scores_equal_whooshs(catalog, text):
    searcher = catalog.searcher()
    parsed = parse_query(text)
    words = [catalog.word(searcher, t) for t in bag_terms(parsed.query)]
    docs = frozenset.intersection(*(w.docs for w in words))
    assert docs, "the query should match the shared corpus"
    mine = catalog.scorer(searcher, words).top(docs, 10)
    theirs = whoosh_top(searcher, parsed.query, docs)
    assert [n for n, _ in mine] == [n for n, _ in theirs]
    assert [s for _, s in mine] == pytest.approx([s for _, s in theirs], rel=1e-6)


@pytest.mark.parametrize("text", QUERIES)
def test_any_word_scores_equal_whooshs(catalog, text):
    searcher = catalog.searcher()
    parsed = parse_query(text, any_word=True)
    words = [catalog.word(searcher, t) for t in bag_terms(parse_query(text).query)]
    docs = frozenset().union(*(w.docs for w in words))
    mine = catalog.scorer(searcher, words).top(docs, 10)
    theirs = whoosh_top(searcher, parsed.query, docs)
    assert [s for _, s in mine] == pytest.approx([s for _, s in theirs], rel=1e-6)
    assert [n for n, _ in mine] == [n for n, _ in theirs]


def test_word_postings_are_whooshs_postings(catalog):
    searcher = catalog.searcher()
    word = word_postings(searcher, "alert")
    for field in FIELDS:
        expected = set(searcher.docs_for_query(wq.Term(field, "alert")))
        assert set(word.weights[field]) == expected
    assert word.docs == frozenset(searcher.docs_for_query(
        wq.Or([wq.Term("title", "alert"), wq.Term("text", "alert")])))


def test_field_lengths_are_whooshs_lengths(catalog):
    searcher = catalog.searcher()
    reader = searcher.reader()
    lengths = field_lengths(searcher, "text")
    assert len(lengths) == reader.doc_count_all()
    for docnum in range(0, reader.doc_count_all(), 97):
        # Whoosh answers None for an empty field: no posting can need that length
        assert lengths[docnum] == (reader.doc_field_length(docnum, "text") or 0)


def test_similar_statements_are_whooshs_more_like(catalog):
    # « Déclarations proches » scored over the cached postings: the same neighbours, in the
    # same order, as Whoosh's `more_like` walk, among the statements holding 30 % of its key
    # terms (statements whose scores tie may swap)
    import random
    from collections import Counter

    from indexer.similar import KEY_TERMS, KEY_TEXT_CHARS, SHARED_TERMS, similar_documents

    searcher = catalog.searcher()
    statements = set(catalog.postings(searcher, "type")["doc"])
    ids = sorted(searcher.stored_fields(n)["id"] for n in statements)
    for doc_id in random.Random(3).sample(ids, 40):
        docnum = searcher.document_number(id=doc_id)
        text = (searcher.stored_fields(docnum).get("text") or "")[:KEY_TEXT_CHARS]
        if not text:
            continue
        key_terms = searcher.key_terms_from_text("text", text, numterms=KEY_TERMS,
                                                 normalize=False)
        held = Counter(n for term, _ in key_terms
                       for n in searcher.postings("text", term).all_ids())
        enough = {n for n in statements if held[n] >= len(key_terms) * SHARED_TERMS // 100}
        theirs = [(hit["id"], round(hit.score, 4)) for hit in searcher.more_like(
            docnum, "text", text=text, top=5, numterms=KEY_TERMS, filter=enough)]
        mine = [(d["id"], d["score"]) for d in similar_documents(catalog, doc_id)]
        assert [s for _, s in mine] == pytest.approx([s for _, s in theirs], rel=1e-6)
        assert sorted(mine) == sorted(theirs) or [i for i, _ in mine] == [i for i, _ in theirs]


@pytest.mark.parametrize("text", ["ministre -Luxembourg -procédure",
                                  "lanceurs d'alerte -Deltour",
                                  "mariage -adoption -enfants -famille -PMA"])
def test_plain_exclusions_match_and_rank_as_whooshs_walk(catalog, text):
    # words with exclusions come from the cached sets, not Whoosh's walk: same records,
    # same order, same scores
    from indexer.matching import match_query, scored

    searcher = catalog.searcher()
    parsed = parse_query(text)
    base = catalog.postings(searcher, "type")["doc"]
    walked, ranked = scored(searcher, parsed.query, base)
    found = match_query(catalog, searcher, text, parsed, parsed.query, base, lambda q: q)
    assert walked and set(found.docs) == walked
    mine, theirs = found.ranker.top(found.docs, 10), ranked.top(walked, 10)
    assert [n for n, _ in mine] == [n for n, _ in theirs]
    assert [s for _, s in mine] == pytest.approx([s for _, s in theirs], rel=1e-6)
