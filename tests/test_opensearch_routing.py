"""Reads go to the shard copy of the node asked, when it holds one (`PREFERENCE`).

A statement's index has one shard and one replica on a cluster of three nodes: two nodes
hold a copy, one does not. Searches, multi-searches and record reads sent to a node with a
copy are answered by that copy (no hop through another node: the hits are not serialised
twice more); sent to the node without one, they are answered all the same (a node lost:
`tests/test_opensearch_resilience.py`).
"""

from __future__ import annotations

import pytest

from indexer.document import Document, Speaker
from indexer.search import SearchRequest, search
from tests.cluster.launcher import drop_indices

ALIAS = "routing-local"
STATEMENTS = [
    Document(id=f"discours-{n}", source=f"discours/{n}.txt", format="txt", kind="discours",
             title=f"Discours sur la ruralité n° {n}", date=f"2022-0{n}-15",
             speakers=[Speaker("Dominique Faure", "ministre déléguée chargée de la Ruralité")],
             text="Les maisons France services rapprochent l'État des habitants des "
                  "communes rurales.")
    for n in range(1, 6)
]


def _copies(client, alias: str) -> dict[str, int]:
    """Return {node name: queries run} of each copy of the index's one shard."""
    nodes = {n: v["name"] for n, v in client.nodes.info()["nodes"].items()}
    stats = client.indices.stats(index=alias, metric="search", level="shards")
    (index,) = stats["indices"].values()
    return {nodes[copy["routing"]["node"]]: copy["search"]["query_total"]
            for copy in index["shards"]["0"]}


@pytest.fixture(scope="module")
def placed(opensearch_cluster):
    """(cluster, {node name: URL}, names of the nodes with a copy, the one without)."""
    from opensearchpy import OpenSearch

    from indexer.opensearch_writer import load_documents

    drop_indices(opensearch_cluster.url, ALIAS)
    load_documents(STATEMENTS, opensearch_cluster.url, ALIAS, replicas=1)
    client = OpenSearch(opensearch_cluster.urls)
    try:
        urls = {}
        for url in opensearch_cluster.urls:
            with OpenSearch([url]) as one:
                urls[one.transport.perform_request("GET", "/_nodes/_local")["nodes"]
                     .popitem()[1]["name"]] = url
        holders = sorted(_copies(client, ALIAS))
    finally:
        client.close()
    (without,) = set(urls) - set(holders)
    return opensearch_cluster, urls, holders, without


def test_a_node_with_a_copy_answers_from_it(placed):
    from opensearchpy import OpenSearch

    from indexer.opensearch_engine import open_opensearch

    cluster, urls, holders, _ = placed
    asked = holders[0]
    catalog = open_opensearch(urls[asked], alias=ALIAS)
    client = OpenSearch(cluster.urls)
    try:
        before = _copies(client, ALIAS)
        for q in ("ruralité", "maisons France services", "communes"):
            response = search(catalog, SearchRequest(q=q))
            assert response.total == 5
        assert catalog.document("discours-3").title == "Discours sur la ruralité n° 3"
        after = _copies(client, ALIAS)
    finally:
        client.close()
        catalog.close()
    assert after[asked] > before[asked]
    (other,) = set(holders) - {asked}
    assert after[other] == before[other]


def test_the_node_without_a_copy_answers_the_same(placed):
    from indexer.opensearch_engine import open_opensearch

    _, urls, _, without = placed
    catalog = open_opensearch(urls[without], alias=ALIAS)
    try:
        response = search(catalog, SearchRequest(q="ruralité", sort="-date"))
        assert [h["id"] for h in response.hits] == [f"discours-{n}" for n in range(5, 0, -1)]
        assert {v["value"]: v["count"] for v in response.facets["speaker"]} == {
            "Dominique Faure": 5}
    finally:
        catalog.close()
