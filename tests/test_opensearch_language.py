"""A statement in another language than French on OpenSearch: indexed without French stop
words or stems (`title_other`, `text_other`), as Whoosh indexes it (`LangText`); searched the
same way on both engines — by the French term and by its own words as typed — with the same
`lang` facet; its page shows its title and text as read.

The demo corpus's mail folder holds the English release (« Rhine: the FRV welcomes… »), the
reference is a Whoosh index of the same folder; on the real three-node test cluster."""

from __future__ import annotations

import pytest

from indexer.search import SearchRequest, open_catalog, search
from tests.cluster.launcher import drop_indices
from tests.test_language import MAIL

ALIAS = "lang-test"
ENGLISH = "Rhine: the FRV welcomes a common register of discharges"
# plain words (the French term and the words as typed), a phrase, typed syntax, a facet
QUERIES = ["discharges", "commission Rhine", "register", "borders", "crosses borders",
           '"common register"', "FRV", "castors", "rivières", "Rhine -castors",
           "discharges OR castors", "the federation welcomes the register"]


@pytest.fixture(scope="module")
def engines(opensearch_cluster, tmp_path_factory):
    """{engine: catalog} on the mail folder, Whoosh and OpenSearch."""
    from indexer.indexing import index_paths
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster

    base = tmp_path_factory.mktemp("lang-os")
    index_paths([MAIL], base / "whoosh")
    drop_indices(opensearch_cluster.url, ALIAS)
    index_cluster([MAIL], opensearch_cluster.url, ALIAS)
    catalogs = {"whoosh": open_catalog(base / "whoosh"),
                "opensearch": open_opensearch(opensearch_cluster.url, alias=ALIAS)}
    yield catalogs
    for catalog in catalogs.values():
        catalog.close()
    drop_indices(opensearch_cluster.url, ALIAS)


def _count(url: str, query: dict) -> int:
    from indexer.opensearch_client import connect

    client = connect(url)
    try:
        return client.count(index=ALIAS, body={"query": query})["count"]
    finally:
        client.close()


def test_the_english_release_is_indexed_with_its_own_words(engines, opensearch_cluster):
    url = opensearch_cluster.url
    english = {"bool": {"filter": [{"term": {"lang": "en"}}, {"term": {"type": "doc"}}]}}
    for word in ("crosses", "borders", "the"):  # no French stem, no French stop word gone
        assert _count(url, {"bool": {"filter": [english, {"term": {"text_other": word}}]}}) \
            == 1, word
    for stem in ("cross", "border"):
        assert _count(url, {"bool": {"filter": [english], "should": [
            {"term": {"text": stem}}, {"term": {"text_other": stem}}],
            "minimum_should_match": 1}}) == 0, stem
    # the French statements are stemmed as before
    assert _count(url, {"term": {"text": "rivier"}}) >= 1
    assert _count(url, {"bool": {"filter": [{"term": {"lang": "fr"}},
                                            {"exists": {"field": "text_other"}}]}}) == 0


@pytest.mark.parametrize("q", QUERIES)
def test_both_engines_find_the_same_records(engines, q):
    found = {name: search(catalog, SearchRequest(q=q, per_page=50))
             for name, catalog in engines.items()}
    whoosh, cluster = found["whoosh"], found["opensearch"]
    assert cluster.total == whoosh.total, q
    assert {h["id"] for h in cluster.hits} == {h["id"] for h in whoosh.hits}, q
    assert cluster.to_json()["facets"]["lang"] == whoosh.to_json()["facets"]["lang"], q


@pytest.mark.parametrize("q", ["discharges", "commission Rhine", "register"])
def test_plain_words_find_the_english_release_first_by_its_own_words(engines, q):
    hits = search(engines["opensearch"], SearchRequest(q=q)).hits
    assert hits[0]["title"] == ENGLISH
    assert "<mark>" in hits[0]["snippet"]


@pytest.mark.parametrize("q, suggested", [("dischrges", "discharges"), ("welcomse", "welcomes"),
                                           ("registre", "register")])
def test_a_misspelled_english_word_gets_the_same_suggestion(engines, q, suggested):
    for name, catalog in engines.items():
        assert search(catalog, SearchRequest(q=q)).suggestions == [
            {"word": q, "suggestion": suggested}], name


def test_its_page_shows_its_title_and_text_as_read(engines):
    (hit,) = search(engines["opensearch"], SearchRequest(q="discharges", lang=["en"])).hits
    shown = engines["opensearch"].document(hit["id"])
    expected = engines["whoosh"].document(hit["id"])
    assert (shown.title, shown.text, shown.lang) == (expected.title, expected.text, "en")
    # a statement like it is found by its own words (« more like this » reads them too)
    assert engines["opensearch"].similar(hit["id"], 5, 25) is not None


def test_an_index_written_before_is_read_then_gets_the_fields_at_its_next_run(
        opensearch_cluster, monkeypatch):
    import indexer.opensearch_engine as engine
    from indexer.document import Document
    from indexer.documents import text_hash
    from indexer.opensearch_client import connect
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_mapping import OTHER, index_body, records
    from indexer.opensearch_writer import index_cluster

    alias = "lang-old"
    drop_indices(opensearch_cluster.url, alias)
    client = connect(opensearch_cluster.url)
    catalog = None
    try:
        body = index_body(replicas=0)
        for field in OTHER.values():  # the mapping of an index written before
            del body["mappings"]["properties"][field]
        client.indices.create(index=f"{alias}-old", body=body)
        client.indices.put_alias(index=f"{alias}-old", name=alias)
        # an English statement as it was written then: in `title` and `text`
        old = Document(id="old-en", source="old.txt", format="txt", lang="en",
                       title="The river crosses borders", text="Data crosses borders too.")
        for record in records(old, text_hash(old)):
            for other, name in (("title_other", "title"), ("text_other", "text")):
                if other in record:
                    record[name] = record.pop(other)
            client.index(index=alias, id=record["id"], body=record, refresh=True)
        # a server open on it searches it (its spelling asks no field it lacks)
        catalog = open_opensearch(opensearch_cluster.url, alias=alias)
        assert search(catalog, SearchRequest(q="bordres")).suggestions == [
            {"word": "bordres", "suggestion": "borders"}]
        assert search(catalog, SearchRequest(q='"crosses borders"')).total == 1
        assert catalog.similar("old-en", 5, 25) == []
        report, _ = index_cluster([MAIL], opensearch_cluster.url, alias)
        assert report.added >= 3
        # the server looks again at once at its facet values and at what the index holds
        monkeypatch.setattr(engine, "VALUES_TTL", 0.0)
        monkeypatch.setattr(engine, "MARKS_TTL", 0.0)
        fresh = open_opensearch(opensearch_cluster.url, alias=alias)
        try:
            for reading in (catalog, fresh):
                assert search(reading, SearchRequest(q="discharges")).hits[0]["title"] \
                    == ENGLISH
                assert search(reading, SearchRequest(q="crosses")).total == 2
        finally:
            fresh.close()
    finally:
        if catalog is not None:
            catalog.close()
        client.close()
        drop_indices(opensearch_cluster.url, alias)
