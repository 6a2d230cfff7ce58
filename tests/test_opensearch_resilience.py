"""A node of the cluster dies: searches go on, and indexing loses and doubles nothing.

The node stopped is the one holding the index's primary shard (the worst case: its replica
on another node must take over). The node is started again after each test.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import pytest

from indexer.search import SearchRequest, search
from tests.cluster.launcher import drop_indices, searches_running
from tests.conftest import DEMO


@pytest.fixture(scope="module")
def local_index(tmp_path_factory):
    """The demo corpus in a Whoosh index: the records the cluster must hold, each once."""
    from indexer.indexing import index_paths

    index_dir = tmp_path_factory.mktemp("resilience")
    index_paths([DEMO], index_dir)
    return index_dir


def _records(index_dir) -> dict[str, set[str]]:
    """Return the ids of the statements and of the quotations of a Whoosh index."""
    from whoosh import index as whoosh_index

    from indexer.indexing import INDEX_NAME

    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    try:
        with ix.searcher() as searcher:
            found: dict[str, set[str]] = {"doc": set(), "quote": set()}
            for fields in searcher.all_stored_fields():
                found[fields["type"]].add(fields["id"])
            return found
    finally:
        ix.close()


def connect(cluster):
    from opensearchpy import OpenSearch

    return OpenSearch(cluster.urls, timeout=60, max_retries=3, retry_on_timeout=True)


def _primary_node(client, alias: str) -> int:
    """Return the number of the node holding the alias's primary shard (node-N → N)."""
    shards = client.cat.shards(index=alias, format="json")
    primary = next(s for s in shards if s["prirep"] == "p" and s["state"] == "STARTED")
    return int(primary["node"].rsplit("-", 1)[1])


@pytest.fixture
def restart(opensearch_cluster):
    """Remember the node a test stops, and start it again afterwards (cluster green)."""
    stopped: list[int] = []
    yield stopped
    client = connect(opensearch_cluster)
    for number in stopped:
        opensearch_cluster.start_node(number)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        health = client.cluster.health(wait_for_nodes="3", wait_for_status="green",
                                       request_timeout=60)
        if health["status"] == "green" and health["number_of_nodes"] == 3:
            break
    client.close()
    assert health["status"] == "green" and health["number_of_nodes"] == 3


def _lose_while_searching(cluster, client, catalog, page: Callable[[], SearchRequest],
                          victim: int, restart: list[int]
                          ) -> tuple[dict, list[int], list[str], int, int]:
    """Search `page()` in four threads, stop node `victim` once searches have come back
    (at most a minute), and go on while the cluster notices the loss (slower on a busy
    machine) and promotes a replica, then for fifty searches more (at most a minute).
    Return (the cluster's health once it noticed, totals found, errors raised, searches
    before the stop, searches when it noticed)."""
    with searches_running(catalog, page, threads=4) as (totals, errors):
        # searches under way before the loss: waited for, not given a second (each thread's
        # first search held up 1.2 s, none had come back after the second)
        deadline = time.monotonic() + 60
        while len(totals) < 4 and not errors and time.monotonic() < deadline:
            time.sleep(0.1)
        before = len(totals)
        cluster.stop_node(victim)
        restart.append(victim)
        noticed = client.cluster.health(wait_for_nodes="2", timeout="90s",
                                        request_timeout=120)
        after_stop = len(totals)
        deadline = time.monotonic() + 60
        while len(totals) < after_stop + 50 and time.monotonic() < deadline:
            time.sleep(0.2)
    return noticed, totals, errors, before, after_stop


def test_no_search_fails_while_the_node_holding_the_primary_dies(opensearch_cluster, restart):
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster

    drop_indices(opensearch_cluster.url, "failover")
    index_cluster([DEMO], ",".join(opensearch_cluster.urls), "failover", replicas=1)
    client = connect(opensearch_cluster)
    client.cluster.health(index="failover", wait_for_status="green")
    victim = _primary_node(client, "failover")
    catalog = open_opensearch(",".join(opensearch_cluster.urls), alias="failover")
    expected = search(catalog, SearchRequest(q="rivière", theme=["Eau potable"])).total
    noticed, totals, errors, before, after_stop = _lose_while_searching(
        opensearch_cluster, client, catalog,
        lambda: SearchRequest(q="rivière", theme=["Eau potable"]), victim, restart)
    catalog.close()
    assert noticed["number_of_nodes"] == 2
    assert errors == []
    assert before > 0 and len(totals) >= after_stop + 50  # searches went on after the loss
    assert set(totals) == {expected}
    assert _primary_node(client, "failover") != victim  # the replica took over
    client.close()


def _queries_by_node(client, alias: str) -> dict[str, int]:
    """Return {node name: queries run} of each started copy of the index's one shard."""
    names = {n: v["name"] for n, v in client.nodes.info()["nodes"].items()}
    stats = client.indices.stats(index=alias, metric="search", level="shards")
    (index,) = stats["indices"].values()
    return {names[copy["routing"]["node"]]: copy["search"]["query_total"]
            for copy in index["shards"]["0"] if copy["routing"]["state"] == "STARTED"}


def test_no_search_fails_while_the_node_of_the_copy_it_is_sent_to_dies(opensearch_cluster,
                                                                         restart):
    """Asked from the node without a copy, a search goes to one copy every time (its own
    preference, `indexer.opensearch_engine.routed`); that copy's node dies: the searches go
    on, answered by the other copy, none fails."""
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster

    drop_indices(opensearch_cluster.url, "routed")
    index_cluster([DEMO], ",".join(opensearch_cluster.urls), "routed", replicas=1)
    client = connect(opensearch_cluster)
    client.cluster.health(index="routed", wait_for_status="green")
    holders = _queries_by_node(client, "routed")
    (without,) = {f"node-{n}" for n in range(1, len(opensearch_cluster.urls) + 1)} - set(holders)
    catalog = open_opensearch(opensearch_cluster.urls[int(without.rsplit("-", 1)[1]) - 1],
                              alias="routed")
    page = SearchRequest(q="rivière")
    expected = search(catalog, page).total  # its spelling counted once, then the page alone
    before = _queries_by_node(client, "routed")
    for _ in range(5):
        assert search(catalog, page).total == expected
    after = _queries_by_node(client, "routed")
    (victim,) = [node for node in after if after[node] > before[node]]  # one copy served all
    noticed, totals, errors, _, after_stop = _lose_while_searching(
        opensearch_cluster, client, catalog, lambda: SearchRequest(q="rivière"),
        int(victim.rsplit("-", 1)[1]), restart)
    catalog.close()
    client.close()
    assert noticed["number_of_nodes"] == 2
    assert errors == []
    assert len(totals) >= after_stop + 50  # searches went on after the loss
    assert expected > 0 and set(totals) == {expected}


def test_indexing_loses_and_doubles_nothing_when_a_node_dies_mid_run(opensearch_cluster,
                                                                      local_index, restart,
                                                                      caplog):
    from indexer.opensearch_writer import index_cluster

    drop_indices(opensearch_cluster.url, "midrun")
    client = connect(opensearch_cluster)
    urls = ",".join(opensearch_cluster.urls)
    # a first run creates the index (its primary's node is then known), a rebuild is the run
    index_cluster([DEMO], urls, "midrun", replicas=1)
    old = list(client.indices.get_alias(name="midrun"))
    batches: list[int] = []

    def kill_after_two(sent: int) -> None:
        batches.append(sent)
        if len(batches) == 2:
            target = next(i for i in client.indices.get(index="midrun-2*") if i not in old)
            victim = _primary_node(client, target)
            opensearch_cluster.stop_node(victim)
            restart.append(victim)

    report, shipped = index_cluster([DEMO], urls, "midrun", rebuild=True, replicas=1, batch=10,
                                    sent_batch=kill_after_two)
    assert restart, "the node was stopped during the run"
    assert len(batches) > 3
    # the rebuild wrote without replicas: the node took the only copy with it, which the
    # build noticed, and it started again into an index replicated from the start
    assert "nouvelle construction, répliquée dès le début" in caplog.text
    expected = _records(local_index)
    assert shipped["records"] == len(expected["doc"]) + len(expected["quote"])
    assert report.documents == len(expected["doc"])
    client.indices.refresh(index="midrun")
    for kind, ids in expected.items():
        found = [h["_id"] for h in client.search(index="midrun", body={
            "size": 1000, "query": {"term": {"type": kind}}, "_source": False})["hits"]["hits"]]
        assert sorted(found) == sorted(ids), kind  # each record once, none missing
    # the manifest written after the node's loss lists every file: a new run reads nothing
    again, _ = index_cluster([DEMO], urls, "midrun")
    assert (again.documents, again.added, again.updated) == (0, 0, 0)
    assert again.unchanged == report.added
    client.close()


def test_a_run_that_died_before_writing_its_manifest_is_repaired_by_the_next(
        opensearch_cluster, local_index):
    from indexer.opensearch_writer import index_cluster

    drop_indices(opensearch_cluster.url, "repair")
    urls = ",".join(opensearch_cluster.urls)
    first, _ = index_cluster([DEMO], urls, "repair", replicas=1)
    client = connect(opensearch_cluster)
    # the records of a run are written, its manifest is not: the manifest in the cluster names
    # the generation before
    meta = client.get(index="repair", id="manifest")["_source"]
    state = json.loads(meta["data"])
    client.index(index="repair", id="manifest", refresh=True, body={
        **meta, "data": json.dumps({**state, "generation": state["generation"] - 1})})
    again, _ = index_cluster([DEMO], urls, "repair")
    assert again.updated == first.added  # every file read again…
    assert again.documents == first.documents
    client.indices.refresh(index="repair")
    expected = _records(local_index)
    for kind, ids in expected.items():  # …and its statements written once, none left over
        found = [h["_id"] for h in client.search(index="repair", body={
            "size": 1000, "query": {"term": {"type": kind}}, "_source": False})["hits"]["hits"]]
        assert sorted(found) == sorted(ids), kind
    third, _ = index_cluster([DEMO], urls, "repair")
    assert (third.documents, third.unchanged) == (0, first.added)
    client.close()
