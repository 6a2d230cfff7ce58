"""The load test runs end to end on a tiny index: a real server, real clients, no error.

No timing is asserted: the figures depend on the machine; only their presence is checked.
"""

from __future__ import annotations

from bench.load import HOSTILE, format_result, is_error, run_load


def test_load_smoke_has_no_error(web_index_dir):
    (result,) = run_load(web_index_dir, clients=2, seconds=3, runs=1, log=lambda _line: None)
    assert result.requests > 0
    assert result.errors == 0, result.error_samples
    assert result.rss_after_mb > 0 and result.fds_after > 0
    assert {"search", "doc"} <= set(result.by_kind)
    assert "req/s" in format_result(result)


def test_load_smoke_during_a_rebuild_has_no_error(web_index_template, web_index_dir):
    corpus = web_index_template[0]
    plain, during = run_load(web_index_dir, clients=2, seconds=2, runs=1, reindex=[corpus],
                             rebuild=True, log=lambda _line: None)
    assert plain.errors == 0 and during.errors == 0, plain.error_samples + during.error_samples
    assert during.reindex and during.reindex["returncode"] == 0
    assert during.requests > 0


def test_statuses_that_count_as_errors():
    assert [is_error(s) for s in (200, 302, 304, 404, 400, 500, 503, 0)] == [
        False, False, False, False, True, True, True, True]


def test_load_smoke_with_a_hostile_client_has_no_error(web_index_dir):
    (result,) = run_load(web_index_dir, clients=2, hostile=1, seconds=3, runs=1,
                         probe_first=True, log=lambda _line: None)
    assert result.errors == 0, result.error_samples
    assert result.hostile["n"] > 0 and result.hostile["errors"] == 0
    assert set(result.hostile["probe"]) == set(HOSTILE)
    assert all(p["status"] in (200, 404) for p in result.hostile["probe"].values())
    assert result.server_max_ms > 0  # every response said how long it took
    assert "client(s) hostile(s)" in format_result(result)


def test_hostile_requests_stay_within_the_web_apps_limits():
    import random
    from urllib.parse import parse_qs, urlsplit

    from bench.load import MAX_QUERY_CHARS, Targets, hostile_request

    targets = Targets(words=["santé", "école", "lanceur d'alerte"], ids=["a"], speakers=["X"],
                      facets={"speaker": [f"Orateur {i}" for i in range(40)]})
    rng = random.Random(1)
    for kind in HOSTILE:
        _, path = hostile_request(rng, targets, kind)
        query = parse_qs(urlsplit(path).query)
        assert all(len(q) <= MAX_QUERY_CHARS for q in query.get("q", [])), kind
        assert len(query.get("speaker", [])) <= 20
