"""The load test's counters of the cluster (`bench.load.cluster_stats`): the nodes' shard
searches and request cache read before and after a run, and the cache emptied before each
run (`clear_request_cache`), on the real test cluster."""

from __future__ import annotations

from bench.load import RunResult, clear_request_cache, cluster_stats, format_result, free_port


def test_a_runs_searches_and_the_request_caches_answers_are_counted(opensearch_cluster):
    from indexer.opensearch_client import connect

    client = connect(opensearch_cluster.url)
    index = "verbatim-load-stats"
    client.indices.create(index=index, body={"settings": {"number_of_replicas": 0}})
    try:
        for i, text in enumerate(["La santé des agriculteurs", "Une école pour tous",
                                  "Santé publique et hôpital"]):
            client.index(index=index, id=str(i), body={"text": text})
        client.indices.refresh(index=index)
        before = cluster_stats(opensearch_cluster.url)
        body = {"size": 0, "query": {"match": {"text": "santé"}}}
        for _ in range(3):  # the first computed, the next two read from the shard's cache
            client.search(index=index, body=body, params={"request_cache": "true"})
        after = cluster_stats(opensearch_cluster.url)
    finally:
        client.indices.delete(index=index)
        client.close()
    assert set(before) == {"query_total", "fetch_total", "cache_hits", "cache_misses"}
    # other tests may search the same cluster meanwhile: at least this test's own
    assert after["query_total"] - before["query_total"] >= 3
    assert after["cache_misses"] - before["cache_misses"] >= 1
    assert after["cache_hits"] - before["cache_hits"] >= 2


def test_a_run_starts_with_the_clusters_request_cache_empty(opensearch_cluster):
    """The same search asked again after the cache is emptied is computed again, not read
    from the answers an earlier run left."""
    from indexer.opensearch_client import connect

    client = connect(opensearch_cluster.url)
    index, alias = "verbatim-load-cache-1", "verbatim-load-cache"
    client.indices.create(index=index, body={"settings": {"number_of_replicas": 0},
                                             "aliases": {alias: {}}})
    try:
        client.index(index=index, id="1", body={"text": "La santé des agriculteurs"},
                     refresh=True)
        body = {"size": 0, "query": {"match": {"text": "santé"}}}

        def searched() -> dict[str, int]:
            before = client.indices.stats(index=index, metric="request_cache")
            client.search(index=alias, body=body, params={"request_cache": "true"})
            after = client.indices.stats(index=index, metric="request_cache")
            return {key: after["_all"]["total"]["request_cache"][key]
                    - before["_all"]["total"]["request_cache"][key]
                    for key in ("hit_count", "miss_count")}

        assert searched() == {"hit_count": 0, "miss_count": 1}
        assert searched() == {"hit_count": 1, "miss_count": 0}  # kept between runs
        assert clear_request_cache(opensearch_cluster.url, alias)
        assert searched() == {"hit_count": 0, "miss_count": 1}
    finally:
        client.indices.delete(index=index)
        client.close()
    assert not clear_request_cache(opensearch_cluster.url, "aucun-index-de-ce-nom")
    assert not clear_request_cache(None, alias)


def test_no_cluster_or_one_out_of_reach_gives_no_counters():
    assert cluster_stats(None) == {}
    assert cluster_stats(f"http://127.0.0.1:{free_port()}") == {}


def test_the_counters_are_reported_with_the_runs_figures():
    result = RunResult(label="run 1", clients=16, seconds=60.0, requests=1000, errors=0,
                       rps=16.7, median_ms=50.0, p95_ms=200.0, statuses={"200": 1000},
                       by_kind={}, rss_before_mb=100.0, rss_after_mb=100.0, fds_before=10,
                       fds_after=10, cluster={"query_total": 1500, "fetch_total": 1200,
                                              "cache_hits": 900, "cache_misses": 300})
    assert ("cluster : 1500 recherches de shard (1.50 par requête), 1200 lectures ; "
            "cache des requêtes 900 / 1200 (75 %)") in format_result(result)
    assert "cluster" not in format_result(RunResult(**{**result.__dict__, "cluster": {}}))


def test_the_jvms_compiler_is_reported_apart_within_its_cpu():
    """A young JVM compiles its search code during the first minutes of load: the run says
    how much of the JVM's CPU its compiler's threads took, beside the JVM's whole."""
    result = RunResult(label="run 1", clients=16, seconds=60.0, requests=1000, errors=0,
                       rps=16.7, median_ms=50.0, p95_ms=200.0, statuses={"200": 1000},
                       by_kind={}, rss_before_mb=100.0, rss_after_mb=100.0, fds_before=10,
                       fds_after=10, cpu_jvm_s=20.0, cpu_jit_s=3.5,
                       cpu_ms_per_request={"server": 6.0, "clients": 0.3, "jvm": 20.0,
                                           "jit": 3.5})
    text = format_result(result)
    assert "JVM 20.0 s (compilateur 3.5 s)" in text
    assert "jvm 20.0 ms, jit 3.5 ms" in text
    assert "JVM" not in format_result(RunResult(**{**result.__dict__, "cpu_jvm_s": None}))
