"""« More like this » on OpenSearch: a statement's page asks for the statements like it with
its own text (read a moment before by the page), on the field its language is indexed in,
and leaves the statement out by its id — a body the shards' request cache may answer again,
where a like-document (`{"_id": …}`) is read and analysed again at each search. The same
neighbours, in the same order, with the same scores, as the body by id.

The LuxLeaks releases of ../shared/corpus (French, markdown) and the demo corpus's mail
folder (its English release, indexed in `text_other`), on the real three-node test cluster.
A neighbour holds 30 % of the key terms, as on Whoosh (tests/test_similar_floor.py): Olivier
Dussopt's interview has no chair's turn of one line among its neighbours."""

from __future__ import annotations

import pytest

from tests.cluster.launcher import drop_indices
from tests.conftest import shared_path
from tests.test_language import MAIL

ALIAS = "similar-test"


@pytest.fixture(scope="module")
def catalog(opensearch_cluster):
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster

    drop_indices(opensearch_cluster.url, ALIAS)
    index_cluster([shared_path("luxleaks-communiques", "markdown"), MAIL],
                  opensearch_cluster.url, ALIAS)
    opened = open_opensearch(opensearch_cluster.url, alias=ALIAS)
    yield opened
    opened.close()
    drop_indices(opensearch_cluster.url, ALIAS)


def _statements(catalog) -> list[dict]:
    return [h["_source"] for h in catalog.search({
        "size": 200, "query": {"term": {"type": "doc"}}, "sort": [{"id": "asc"}],
        "_source": ["id", "lang", "text", "text_other"]})["hits"]["hits"]]


def _by_id(catalog, doc_id: str) -> list[tuple[str, float]]:
    """The neighbours of the body sent before: the statement as a like-document."""
    fields = ["text", "text_other"] if catalog.languages else ["text"]
    found = catalog.search({"size": 5, "track_total_hits": False, "query": {"bool": {
        "filter": [{"term": {"type": "doc"}}],
        "must": [{"more_like_this": {"fields": fields, "like": [{"_id": doc_id}],
                                     "max_query_terms": 10, "min_term_freq": 1,
                                     "min_doc_freq": 1, "minimum_should_match": "30%"}}]}}})
    return [(h["_id"], round(h["_score"], 4)) for h in found["hits"]["hits"]]


def _spied(catalog, monkeypatch) -> list[dict]:
    """Return the list the bodies of the searches `catalog` sends are added to."""
    sent: list[dict] = []
    answers, search = catalog.answers, catalog.search
    monkeypatch.setattr(catalog, "answers", lambda bodies: sent.extend(bodies) or
                        answers(bodies))
    monkeypatch.setattr(catalog, "search", lambda body: sent.append(body) or search(body))
    return sent


def test_a_page_asks_with_its_text_and_finds_the_same_neighbours(catalog, monkeypatch):
    from indexer.similar import similar_documents

    statements = _statements(catalog)
    assert {s["lang"] for s in statements} >= {"fr", "en"}
    sent = _spied(catalog, monkeypatch)
    neighbours = 0
    for statement in statements:
        doc_id = statement["id"]
        catalog._similar.clear()
        sent.clear()
        assert catalog.document(doc_id) is not None  # the page reads its statement first
        found = similar_documents(catalog, doc_id)
        (body,) = [b for b in sent if "more_like_this" in str(b)]
        mlt = body["query"]["bool"]["must"][0]["more_like_this"]
        # the English release's words are in `text_other` (its search hit shows it as `text`)
        field = "text_other" if statement["lang"] == "en" else "text"
        assert mlt["fields"] == [field], statement["lang"]
        assert mlt["like"] == [statement["text"]]
        assert body["query"]["bool"]["must_not"] == [{"ids": {"values": [doc_id]}}]
        assert [(s["id"], s["score"]) for s in found] == _by_id(catalog, doc_id), doc_id
        neighbours += len(found)
    assert neighbours >= len(statements)  # releases of one affair: each has neighbours


def test_a_statement_not_read_a_moment_ago_is_asked_for_by_its_id(catalog, monkeypatch):
    import indexer.opensearch_engine as engine

    doc_id = next(s["id"] for s in _statements(catalog) if s["lang"] == "fr")
    catalog.document(doc_id)
    monkeypatch.setattr(engine, "SEEN_TTL", 0.0)  # its record is no longer kept
    catalog._similar.clear()
    sent = _spied(catalog, monkeypatch)
    found = catalog.similar(doc_id, 5, 10)
    (body,) = [b for b in sent if "more_like_this" in str(b)]
    assert body["query"]["bool"]["must"][0]["more_like_this"]["like"] == [{"_id": doc_id}]
    assert "must_not" not in body["query"]["bool"]
    assert found and [(s["id"], s["score"]) for s in found] == _by_id(catalog, doc_id)


def test_an_interview_has_no_chairs_turn_among_its_neighbours(opensearch_cluster):
    """The statements and sitting of tests/test_similar_floor.py: the same floor."""
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster
    from tests.test_similar_floor import INTERVIEW

    alias = "similar-floor"
    drop_indices(opensearch_cluster.url, alias)
    index_cluster([shared_path("vie-publique-discours", "gyab_statements_2020-11-22.csv"),
                   shared_path("an-mariage-pour-tous-2013-tei", "20130125.xml")],
                  opensearch_cluster.url, alias)
    catalog = open_opensearch(opensearch_cluster.url, alias=alias)
    try:
        statements = [h["_source"] for h in catalog.search({
            "size": 5000, "query": {"term": {"type": "doc"}},
            "_source": ["id", "title", "text"]})["hits"]["hits"]]
        turns = {s["id"] for s in statements if s["text"].startswith("La parole est à")
                 and len(s["text"]) < 120}
        assert "La parole est à M. Olivier Dussopt." in {
            s["text"] for s in statements if s["id"] in turns}
        (interview,) = [s["id"] for s in statements if s["title"].startswith(INTERVIEW)]
        found = catalog.similar(interview, 10, 10)
        assert len(found) == 10 and not {s["id"] for s in found} & turns
        assert any(s["title"].startswith("Interview de M. Olivier Dussopt") for s in found)
    finally:
        catalog.close()
        drop_indices(opensearch_cluster.url, alias)
