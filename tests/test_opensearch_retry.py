"""Which failed reads of the cluster are tried again, and how many times.

A search answered « node not connected » while a dead node's shards move to their replicas
is tried again a moment later; a query the cluster refuses (400) or a failure of another
kind is not hidden behind retries; a read never runs more than three attempts.
(The real check is tests/test_opensearch_resilience.py: a node killed during searches.)
"""

from __future__ import annotations

import pytest

opensearchpy = pytest.importorskip("opensearchpy")

from indexer.opensearch_client import READ_BACKOFF, retried, transient  # noqa: E402

NODE_LOST = {"error": {
    "root_cause": [{"type": "node_not_connected_exception",
                    "reason": "[node-2][127.0.0.1:41002] Node not connected"}],
    "type": "search_phase_execution_exception", "reason": "all shards failed"},
    "status": 500}
BAD_QUERY = {"error": {"root_cause": [{"type": "query_shard_exception",
                                       "reason": "failed to create query"}],
                       "type": "search_phase_execution_exception"}, "status": 400}
BROKEN = {"error": {"root_cause": [{"type": "illegal_state_exception",
                                    "reason": "unexpected"}]}, "status": 500}


def _error(status: int, info: dict) -> Exception:
    return opensearchpy.TransportError(status, info["error"]["root_cause"][0]["type"], info)


class Flaky:
    """A read that fails with `errors` one after the other, then answers."""

    def __init__(self, *errors: Exception):
        self.errors = list(errors)
        self.calls = 0

    def __call__(self, **kwargs):
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return {"hits": {"total": {"value": 3}}, "asked": kwargs}


def test_a_lost_node_a_gateway_or_a_cut_connection_is_transient():
    assert transient(_error(500, NODE_LOST))
    assert transient(opensearchpy.TransportError(503, "unavailable", {}))
    assert transient(opensearchpy.ConnectionError("N/A", "Connection refused", None))
    assert transient(opensearchpy.ConnectionTimeout("TIMEOUT", "read timed out", None))


def test_a_refused_query_or_another_server_error_is_not():
    assert not transient(opensearchpy.RequestError(400, "search_phase_execution_exception",
                                                   BAD_QUERY))
    assert not transient(_error(500, BROKEN))
    assert not transient(ValueError("« rivière » mal formée"))


def test_a_search_cut_by_a_node_loss_is_answered_by_the_next_attempt(monkeypatch):
    pauses: list[float] = []
    monkeypatch.setattr("indexer.opensearch_engine.time.sleep", pauses.append)
    search = Flaky(_error(500, NODE_LOST), opensearchpy.ConnectionError("N/A", "reset", None))
    answer = retried(search, index="verbatim", body={"query": {"match_all": {}}})
    assert answer["hits"]["total"]["value"] == 3
    assert answer["asked"] == {"index": "verbatim", "body": {"query": {"match_all": {}}}}
    assert search.calls == 3
    assert pauses == list(READ_BACKOFF)


def test_a_read_gives_up_after_three_attempts(monkeypatch):
    monkeypatch.setattr("indexer.opensearch_engine.time.sleep", lambda seconds: None)
    search = Flaky(*[_error(500, NODE_LOST)] * 5)
    with pytest.raises(opensearchpy.TransportError):
        retried(search)
    assert search.calls == 3
    assert sum(READ_BACKOFF) < 0.5  # well within a search's time budget


def test_a_read_that_ran_out_of_time_is_not_sent_again(monkeypatch):
    """Its time budget is spent: a second attempt would only double the page's wait (a
    document page under load took 23-24 s, its lookups sent twice)."""
    monkeypatch.setattr("indexer.opensearch_engine.time.sleep", lambda seconds: None)
    search = Flaky(opensearchpy.ConnectionTimeout("TIMEOUT", "read timed out", None))
    with pytest.raises(opensearchpy.ConnectionTimeout):
        retried(search, index="verbatim", body={"query": {"term": {"id": "d4edf6bbba11e3d4"}}})
    assert search.calls == 1


def test_a_refused_query_fails_at_once(monkeypatch):
    monkeypatch.setattr("indexer.opensearch_engine.time.sleep", lambda seconds: None)
    search = Flaky(opensearchpy.RequestError(400, "search_phase_execution_exception",
                                             BAD_QUERY))
    with pytest.raises(opensearchpy.RequestError):
        retried(search)
    assert search.calls == 1


def test_a_search_stopped_by_its_time_budget_answers_what_it_found_and_says_so():
    from indexer import budget
    from indexer.opensearch_engine import complete

    stopped = {"timed_out": True, "_shards": {"total": 1, "successful": 1, "failed": 0},
               "hits": {"total": {"value": 2}, "hits": []}}
    with budget.request_budget(each=0.5, total=0.7):
        budget.start()
        assert complete(stopped) is stopped
        assert budget.finish() == [budget.INTERRUPTED]


def test_a_shard_lost_under_a_search_is_tried_again_not_answered_smaller():
    from indexer.opensearch_engine import complete

    lost = {"timed_out": False, "_shards": {"total": 2, "successful": 1, "failed": 1},
            "hits": {"total": {"value": 1}, "hits": []}}
    with pytest.raises(opensearchpy.TransportError) as raised:
        complete(lost)
    assert transient(raised.value)
