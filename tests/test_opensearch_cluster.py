"""The test cluster itself: three real OpenSearch nodes that analyse French."""

from __future__ import annotations

import pytest


@pytest.fixture
def client(opensearch_cluster):
    from opensearchpy import OpenSearch

    return OpenSearch(opensearch_cluster.urls, timeout=30)


def test_three_nodes_form_one_green_cluster(client):
    health = client.cluster.health(wait_for_status="green")
    assert health["number_of_nodes"] == 3
    assert health["status"] == "green"


def test_a_french_statement_is_found_by_another_form_of_its_words(client):
    client.indices.create(index="essai-francais", body={
        "settings": {"number_of_shards": 2, "number_of_replicas": 1},
        "mappings": {"properties": {"text": {"type": "text", "analyzer": "french"}}},
    })
    try:
        client.index(index="essai-francais", id="1", refresh=True, body={
            "text": "L'État s'engage à décentraliser les compétences des régions."})
        client.index(index="essai-francais", id="2", refresh=True, body={
            "text": "Le ministre a visité une usine de batteries à Douvrin."})
        found = client.search(index="essai-francais", body={
            "query": {"match": {"text": {"query": "engagements de l'État", "operator": "and"}}}})
        assert [h["_id"] for h in found["hits"]["hits"]] == ["1"]
        # « de », « l' » and « les » are stop words and elisions, not words that must match
        tokens = client.indices.analyze(body={"analyzer": "french",
                                              "text": "L'État et les régions"})["tokens"]
        assert [t["token"] for t in tokens] == ["état", "region"]
    finally:
        client.indices.delete(index="essai-francais")


@pytest.mark.parametrize("text", [
    "Les lanceurs d'alerte décentralisés",
    "L’État s’est engagé aujourd'hui à réduire de 3,5 % les émissions — « c’est historique »",
    "Les réformes proposées et la décision arrêtée ont été présentées à l'Assemblée",
    # a combining accent (é written e + U+0301) is not a word character for Python: the word
    # is cut there on both engines (Java's (?U)\w kept it whole)
    "e\u0301te\u0301 ou café",
    "jusqu'au bout, qu'il soit lorsqu’on ose ‘ou’ pas ´ou´ porte-parole_adjoint 1er",
    # six-letter feminines made masculine like their plurals; shorter ones left whole
    "La vie privée, les vies privées et le secteur privé ; une donnée, une armée, une idée",
])
def test_the_index_analyses_words_as_the_whoosh_index_does(client, text):
    """The mapping's `verbatim_french` and `verbatim_exact` analyzers (tokenizer written as
    Lucene's automaton, participles) give the very words `indexer.analysis` gives."""
    from indexer.analysis import exact_analyzer, french_analyzer
    from indexer.opensearch_mapping import index_body

    client.indices.create(index="essai-analyse", body=index_body(1, 0))
    try:
        for name, whoosh in (("verbatim_french", french_analyzer()),
                             ("verbatim_exact", exact_analyzer())):
            tokens = client.indices.analyze(index="essai-analyse", body={
                "analyzer": name, "text": text})["tokens"]
            assert [t["token"] for t in tokens] == [t.text for t in whoosh(text)], name
    finally:
        client.indices.delete(index="essai-analyse")
