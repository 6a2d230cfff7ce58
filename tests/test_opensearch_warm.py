"""A new index is searched on each of its shard copies before its alias moves to it
(`indexer.opensearch_engine.warm_index`), so that the first visitors of a cluster just started
and built do not wait for the nodes to compile their search code and read the new segments.

Observed as the cluster counts it: each copy's searches (`_stats/search`, level shards) right
after the build, before the test searches anything.
"""

from __future__ import annotations

import csv

import pytest

from tests.cluster.launcher import drop_indices

ALIAS = "warm-test"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    with (folder / "communiques.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["title", "date", "text", "tags", "speakers"])
        writer.writeheader()
        for day, name in enumerate(["Jean Castex", "Olivier Véran", "Gabriel Attal"], 1):
            writer.writerow({"title": f"Communiqué de {name} sur la relance économique",
                             "date": f"2021-03-{day:02d}",
                             "text": f"{name} a présenté les premiers chantiers financés "
                                     "par le plan de relance dans les territoires.",
                             "tags": "Relance économique", "speakers": name})
    return folder


def _searches_by_copy(url: str) -> dict[tuple[str, bool], int]:
    from opensearchpy import OpenSearch

    client = OpenSearch([url], timeout=30)
    try:
        stats = client.indices.stats(index=ALIAS, metric="search", level="shards")
    finally:
        client.close()
    return {(copy["routing"]["node"], copy["routing"]["primary"]):
            copy["search"]["query_total"]
            for index in stats["indices"].values()
            for copies in index["shards"].values() for copy in copies}


def _build(cluster, corpus, monkeypatch, seconds: float, served: int = 10**12):
    import indexer.opensearch_engine as engine
    from indexer.opensearch_writer import index_cluster

    monkeypatch.setattr(engine, "WARM_MIN_DOCS", 0)  # a test corpus is small
    monkeypatch.setattr(engine, "WARM_SECONDS", seconds)
    monkeypatch.setattr(engine, "WARM_ROUNDS", 2)
    monkeypatch.setattr(engine, "WARM_SERVED", served)
    drop_indices(cluster.url, ALIAS)
    index_cluster([corpus], cluster.url, ALIAS, replicas=1)


def test_every_copy_of_a_new_index_has_searched_before_anyone_asks(
        opensearch_cluster, corpus, monkeypatch):
    _build(opensearch_cluster, corpus, monkeypatch, seconds=30)
    try:
        searched = _searches_by_copy(opensearch_cluster.url)
        assert len(searched) == 2  # the primary and its replica, on two nodes
        # two rounds of six searches on each copy (the writer itself searches once)
        assert all(count >= 12 for count in searched.values()), searched
    finally:
        drop_indices(opensearch_cluster.url, ALIAS)


@pytest.mark.parametrize("seconds, served", [(0, 10**12), (30, 0)],
                         ids=["switched off", "nodes long at work"])
def test_no_warming_when_switched_off_or_the_nodes_are_warm(
        opensearch_cluster, corpus, monkeypatch, seconds, served):
    _build(opensearch_cluster, corpus, monkeypatch, seconds=seconds, served=served)
    try:
        # the writer's own look at the new index, no more
        assert sum(_searches_by_copy(opensearch_cluster.url).values()) <= 1
    finally:
        drop_indices(opensearch_cluster.url, ALIAS)


def test_a_failed_warming_leaves_the_build_served(opensearch_cluster, corpus, monkeypatch):
    import indexer.opensearch_writer as writer
    from indexer.opensearch_engine import open_opensearch
    from indexer.search import SearchRequest, search

    def refused(url, index):
        raise RuntimeError("refusé")

    monkeypatch.setattr(writer, "warm_index", refused)
    drop_indices(opensearch_cluster.url, ALIAS)
    writer.index_cluster([corpus], opensearch_cluster.url, ALIAS, replicas=1)
    catalog = open_opensearch(opensearch_cluster.url, alias=ALIAS)
    try:
        assert search(catalog, SearchRequest(q="relance")).total == 3
    finally:
        catalog.close()
        drop_indices(opensearch_cluster.url, ALIAS)
