"""Both engines score words alike: the cluster's index is scored as Whoosh scores.

Whoosh ranks words by its BM25F (`indexer.ranking`): K1 1.2, B 0.75, a title's words
weighing twice inside the saturation, an idf of log(records / (n + 1)) + 1. The cluster's
index has the title's similarity of its own and every word's clause is boosted by Whoosh's
idf over Lucene's (`indexer.opensearch_mapping.SCORED`, `indexer.opensearch_query`): the same
records come in the same order with nearly the same scores (the field lengths each engine
keeps in a byte are rounded otherwise). Before, a title word weighed twice a text word on the
cluster, where Whoosh gives it 1.4 times, and the rarer words of a query weighed more: 6 of
the 146 tuned journalist search tasks were ranked otherwise (`bench.tasks --engine both`).
"""

from __future__ import annotations

import pytest

from indexer.search import SearchRequest, search
from tests.conftest import DEMO, both_engines

ALIAS = "scores-demo"

# what a journalist of the demo's river basin would type: plain words, all found or widened
# to a part of them, a name, a word of the titles, an exclusion, a field
QUERIES = ["barrage Lisson", "sécheresse eau potable", "rivières vivantes",
           "nitrates agriculture pollution", "crues Orbize Nantes", "plainte CEVV",
           "assemblée générale comptes", "Lisson", "barrage", "comité de soutien Marchetti",
           "trois milliards d'euros pour l'eau potable", "rivière -Lisson", "title:barrage"]


@pytest.fixture(scope="module")
def engines(opensearch_cluster, tmp_path_factory):
    """(Whoosh catalog, OpenSearch catalog) of the demo corpus."""
    yield from both_engines(DEMO, tmp_path_factory.mktemp("scores-demo"),
                            opensearch_cluster.url, ALIAS)


def _ranked(response) -> list[tuple[str, float]]:
    return [(hit["id"], hit["score"]) for hit in response.hits]


def _before_session_40(shards=None, replicas=None):
    """Return the body of an index built before session 40 (`index_body` without `SCORED`):
    no title similarity, words scored by Lucene's BM25."""
    from indexer.opensearch_mapping import SCORED, index_body

    body = index_body(shards, replicas)
    del body["settings"]["similarity"], body["mappings"]["_meta"][SCORED]
    for field in body["mappings"]["properties"].values():
        field.pop("similarity", None)
    return body


def test_words_rank_the_same_records_in_the_same_order_with_whooshs_scores(engines):
    whoosh, opensearch = engines
    assert opensearch.scored
    for q in QUERIES:
        ours, theirs = search(whoosh, SearchRequest(q=q)), search(opensearch, SearchRequest(q=q))
        assert theirs.total == ours.total > 0, q
        assert [i for i, _ in _ranked(theirs)] == [i for i, _ in _ranked(ours)], q
        for (_, score), (_, expected) in zip(_ranked(theirs), _ranked(ours), strict=True):
            # Whoosh's own scores, not merely its order: a title word and a text word, a
            # rare word and a common one weigh the same on both
            assert score == pytest.approx(expected, rel=0.08), q


def test_a_title_word_weighs_as_on_whoosh(engines):
    """« barrage » only in the titles asked (`title:barrage`): each record's score is
    Whoosh's, its title's words counted twice inside the saturation, not the score doubled."""
    whoosh, opensearch = engines
    request = SearchRequest(q="title:barrage", per_page=50)
    ours, theirs = search(whoosh, request), search(opensearch, SearchRequest(
        q="title:barrage", per_page=50))
    assert len(ours.hits) >= 5
    expected = dict(_ranked(ours))
    for doc_id, score in _ranked(theirs):
        assert score == pytest.approx(expected[doc_id], rel=0.05)


def test_the_words_statistics_are_read_once_and_kept(engines):
    """The records holding each word (the idf's) are read in one request, then kept: a
    second search of the same words asks the cluster nothing more for them."""
    _, opensearch = engines
    pairs = [(field, term) for term in ("barrag", "lisson") for field in ("title", "text")]
    first = opensearch.boosts(pairs)
    assert set(first) == set(pairs)
    # Lucene's idf is below Whoosh's for every word (it has no « + 1 »)
    assert all(boost > 1.0 for boost in first.values())
    asked = []
    read = opensearch._read_term_stats

    def counted(terms):
        asked.append(terms)
        return read(terms)

    opensearch._read_term_stats = counted
    try:
        assert opensearch.boosts(pairs) == first
        assert asked == []
    finally:
        del opensearch._read_term_stats


def test_an_index_built_before_keeps_lucenes_scores(opensearch_cluster, monkeypatch):
    """An index without the mark (`SCORED`, built before session 40) has no title similarity:
    its words are scored by Lucene's BM25, the title boosted 2, as before, and the same
    records are found; the fields of statements in another language join such an index's
    mapping without the similarity it does not have."""
    from opensearchpy import OpenSearch

    from indexer import opensearch_writer
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_mapping import OTHER
    from indexer.opensearch_writer import index_cluster, language_fields
    from tests.cluster.launcher import drop_indices

    alias = "scores-before"
    drop_indices(opensearch_cluster.url, alias)
    monkeypatch.setattr(opensearch_writer, "index_body", _before_session_40)
    index_cluster([DEMO / "markdown"], opensearch_cluster.url, alias, replicas=0)
    monkeypatch.undo()
    catalog = open_opensearch(opensearch_cluster.url, alias=alias)
    try:
        assert not catalog.scored
        assert catalog.boosts([("title", "barrag")]) is None
        assert search(catalog, SearchRequest(q="sécheresse eau potable")).hits
    finally:
        catalog.close()

    older = _before_session_40()  # and before the fields of other languages (session 23)
    for field in OTHER.values():
        del older["mappings"]["properties"][field]
    client = OpenSearch([opensearch_cluster.url])
    try:
        client.indices.create(index=f"{alias}-older", body=older)
        language_fields(client, f"{alias}-older")
        mapping = client.indices.get_mapping(index=f"{alias}-older")
        properties = mapping[f"{alias}-older"]["mappings"]["properties"]
        assert set(OTHER.values()) <= set(properties)
        assert "similarity" not in properties[OTHER["title"]]
    finally:
        drop_indices(opensearch_cluster.url, alias)
        client.close()


def test_a_server_opened_before_a_rebuild_scores_as_whoosh_once_rebuilt(
        engines, opensearch_cluster, monkeypatch):
    """A server opened on an index built before session 40 (Lucene's BM25, the title boosted
    2) scores as Whoosh once `verbatim index --rebuild` has moved the alias to a new index:
    what the index holds (`marks`) is read again after MARKS_TTL seconds, not once when the
    server opens the cluster (it kept Lucene's scores until restarted, and its pages ranked
    otherwise than `verbatim search` on the same index)."""
    from indexer import opensearch_engine, opensearch_writer
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster
    from tests.cluster.launcher import drop_indices

    whoosh, _ = engines
    alias = "scores-rebuilt"
    drop_indices(opensearch_cluster.url, alias)
    # no wait between the rebuild and the next search (a server's pages see it within 10 s)
    monkeypatch.setattr(opensearch_engine, "MARKS_TTL", 0.0, raising=False)
    with monkeypatch.context() as old:
        old.setattr(opensearch_writer, "index_body", _before_session_40)
        index_cluster([DEMO], opensearch_cluster.url, alias, replicas=0)
    server = open_opensearch(opensearch_cluster.url, alias=alias)
    try:
        ours = _ranked(search(whoosh, SearchRequest(q="title:barrage", per_page=50)))
        expected = dict(ours)

        def off(catalog) -> list[str]:
            # the records whose score is not Whoosh's (within 5 %)
            theirs = _ranked(search(catalog, SearchRequest(q="title:barrage", per_page=50)))
            assert sorted(i for i, _ in theirs) == sorted(expected)
            return [i for i, score in theirs if score != pytest.approx(expected[i], rel=0.05)]

        assert not server.scored and off(server)  # Lucene's: a title's score doubled
        index_cluster([DEMO], opensearch_cluster.url, alias, rebuild=True, replicas=0)
        assert server.scored
        assert off(server) == []
        for q in ("barrage Lisson", "sécheresse eau potable", "crues Orbize Nantes"):
            theirs = search(server, SearchRequest(q=q))
            assert [i for i, _ in _ranked(theirs)] == \
                [i for i, _ in _ranked(search(whoosh, SearchRequest(q=q)))], q
    finally:
        server.close()
        drop_indices(opensearch_cluster.url, alias)
