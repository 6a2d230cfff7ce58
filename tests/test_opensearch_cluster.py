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
