"""Reads go to the shard copy of the node asked, when it holds one (`PREFERENCE`), and each
search to one copy every time when it does not (`routed`).

A statement's index has one shard and one replica on a cluster of three nodes: two nodes
hold a copy, one does not. Searches, multi-searches and record reads sent to a node with a
copy are answered by that copy (no hop through another node: the hits are not serialised
twice more); sent to the node without one, they are answered all the same, each search by
the same copy each time, so that it is computed and cached once (a node lost:
`tests/test_opensearch_resilience.py`).
"""

from __future__ import annotations

import subprocess
import sys

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


def _cache_counts(client, alias: str) -> tuple[int, int]:
    """Return the misses and hits of the request caches of the index's copies, added."""
    stats = client.indices.stats(index=alias, metric="request_cache", level="shards")
    (index,) = stats["indices"].values()
    copies = [copy["request_cache"] for copy in index["shards"]["0"]]
    return sum(c["miss_count"] for c in copies), sum(c["hit_count"] for c in copies)


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


PAGES = [SearchRequest(q="ruralité"), SearchRequest(q="maisons France services"),
         SearchRequest(q="communes", speaker=["Dominique Faure"]),
         SearchRequest(q="", sort="-date", page=1)]


def test_the_node_without_a_copy_sends_each_search_to_the_same_copy(placed):
    """Asked again and again from the node without a copy, each search of these pages (a
    word, words counted then searched in one multi-search, a speaker chosen: the page and
    its side count) is computed once, by one copy, and then read from that copy's request
    cache: before, each went to either copy in turn and was computed by both."""
    from opensearchpy import OpenSearch

    from indexer.opensearch_engine import open_opensearch

    cluster, urls, _, without = placed
    catalog = open_opensearch(urls[without], alias=ALIAS)
    client = OpenSearch(cluster.urls)
    try:
        client.indices.clear_cache(index=ALIAS, request=True)
        first = [search(catalog, page) for page in PAGES]
        computed, _ = _cache_counts(client, ALIAS)
        for _ in range(4):
            again = [search(catalog, page) for page in PAGES]
            assert [(r.total, [h["id"] for h in r.hits]) for r in again] == \
                [(r.total, [h["id"] for h in r.hits]) for r in first]
        misses, hits = _cache_counts(client, ALIAS)
    finally:
        client.close()
        catalog.close()
    assert [r.total for r in first] == [5, 5, 5, 5]
    assert misses == computed
    assert hits >= 4 * len(PAGES)


def test_a_search_has_the_same_preference_in_every_process():
    """Every server process sends a search to the same copy: its preference is made from its
    body alone (Python's `hash` of a string differs from process to process)."""
    from indexer.opensearch_engine import routed

    body = {"query": {"term": {"text": "ruralité"}}, "size": 10}
    code = ("from indexer.opensearch_engine import routed; "
            "print(routed({'query': {'term': {'text': 'ruralité'}}, 'size': 10}))")
    others = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout.strip() for _ in range(3)}
    assert others == {routed(body)}
    assert not routed(body).startswith("_")
    assert routed({**body, "size": 20}) != routed(body)
