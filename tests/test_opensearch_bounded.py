"""No page waits on the cluster longer than its time budget, and a server follows its alias.

A journalist's page is bounded whatever the cluster does: every request a page sends waits
at most what is left of the page's budget (the marks' mapping, the shard placement, the
records, the words' counts as well as the searches), and a cluster that stops answering
gives each page the reason in one line (« n'a pas répondu à temps », 503 with
Retry-After), never an error page. After `verbatim index --rebuild`, a running server
scores and corrects words with the new index's counts, as a server started after it does.

The stalled cluster is a proxy in front of a node that stops passing anything on
(`tests.cluster.stall`): the connection is accepted, the request never answered. No
timing is asserted: what each request was allowed to wait is read from the request itself.
"""

from __future__ import annotations

import shutil
from urllib.parse import quote

import pytest

from indexer.search import SearchRequest, search
from tests.cluster.launcher import drop_indices
from tests.cluster.stall import StallingProxy
from tests.conftest import DEMO

ALIAS = "bounded"
# what the pages under test ask of the cluster: a search with a facet, a pasted passage, a
# misspelled word, the date order, a statement, a speaker, an export, the feed, the reuse
PAGES = ["/?q=s%C3%A9cheresse", "/api/search?q=rivi%C3%A8re&theme=Eau+potable",
         "/?q=%C2%AB+rivi%C3%A8re+qui+meurt+%C2%BB", "/?q=secheres+barage",
         "/?q=eau&sort=date&page=2", "/speaker/Claire%20Aubertin", "/export.csv?q=eau",
         "/feed.atom?q=eau", "/elements-de-langage", "/api/verify?q=une+rivi%C3%A8re+qui+meurt"]


@pytest.fixture(scope="module")
def cluster_index(opensearch_cluster):
    """The demo corpus in the cluster behind ALIAS; the URL of node 1."""
    from indexer.opensearch_writer import index_cluster

    drop_indices(opensearch_cluster.url, ALIAS)
    index_cluster([DEMO], opensearch_cluster.url, ALIAS, replicas=1)
    yield opensearch_cluster.url
    drop_indices(opensearch_cluster.url, ALIAS)


def _app(url: str, tmp_path, monkeypatch):
    from webapp import create_app

    monkeypatch.setenv("VERBATIM_ENGINE", "opensearch")
    monkeypatch.setenv("VERBATIM_OPENSEARCH_URL", url)
    monkeypatch.setenv("VERBATIM_OPENSEARCH_INDEX", ALIAS)
    return create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True})


def _every_time(monkeypatch) -> None:
    """Make a server read again at each use what it keeps a few seconds (the marks, the shard
    placement, the facet values, whether the reuse groups changed), as it does once they
    are older than their TTL."""
    from indexer import opensearch_engine, opensearch_reuse

    for name in ("MARKS_TTL", "PLACEMENT_TTL", "VALUES_TTL"):
        monkeypatch.setattr(opensearch_engine, name, 0.0)
    monkeypatch.setattr(opensearch_reuse, "CHECK_SECONDS", 0.0)


def _recorded(monkeypatch) -> list[tuple[str, dict, str]]:
    """Record (path, parameters, thread's name) of every request any client sends from
    now on."""
    import threading

    from opensearchpy.transport import Transport

    sent: list[tuple[str, dict, str]] = []
    original = Transport.perform_request

    def recording(self, method, url, params=None, body=None, *args, **kwargs):
        sent.append((url, dict(params or {}), threading.current_thread().name))
        return original(self, method, url, params, body, *args, **kwargs)

    monkeypatch.setattr(Transport, "perform_request", recording)
    return sent


def test_every_request_a_page_sends_waits_at_most_the_pages_budget(cluster_index, tmp_path,
                                                                     monkeypatch):
    from indexer import budget
    from indexer.opensearch_client import MARGIN, SEARCH_SECONDS
    from webapp.catalog import close_catalog

    # a request's budget shorter than a lookup's own (SEARCH_SECONDS) and than the client's
    # 30 s: a request that waited either of them would show it
    monkeypatch.setattr(budget, "SEARCH_SECONDS", 5.0)
    monkeypatch.setattr(budget, "REQUEST_SECONDS", 8.0)
    assert budget.REQUEST_SECONDS + MARGIN < SEARCH_SECONDS
    _every_time(monkeypatch)
    from indexer import opensearch_reuse

    monkeypatch.setattr(opensearch_reuse, "_groups", {})  # read by this server's pages
    app = _app(cluster_index, tmp_path, monkeypatch)
    sent = _recorded(monkeypatch)
    try:
        client = app.test_client()
        found = client.get("/api/search?q=barrage+Lisson").get_json()
        pages = [*PAGES, f"/doc/{found['results'][0]['id']}",
                 f"/api/doc/{found['results'][0]['id']}",
                 f"/genealogie?q={quote(found['results'][0]['title'])}"]
        for page in pages:
            assert client.get(page).status_code == 200, page
    finally:
        close_catalog(app)
    # the reuse groups' file is read apart, the page waiting for it within its budget
    # (`indexer.opensearch_reuse._read_groups`): its requests have their own
    waited = [(url, params) for url, params, thread in sent if thread != "verbatim-groups"]
    assert len(waited) < len(sent)
    paths = {url.rsplit("/", 1)[-1] for url, _ in waited}
    # the pages' every kind of request, the mapping read for the marks among them
    assert {"_mapping", "_search_shards", "_msearch", "_search", "_mget",
            "_termvectors"} <= paths, paths
    for url, params in waited:
        assert 0 < float(params["request_timeout"]) <= budget.REQUEST_SECONDS + MARGIN, url


@pytest.fixture
def behind_proxy(cluster_index, tmp_path, monkeypatch):
    """Yield (a `StallingProxy` of node 1, a test client of a web app on the cluster through
    it), the pages' budget short: 1 s a search, 1.5 s a request."""
    from indexer import budget
    from webapp.catalog import close_catalog

    monkeypatch.setattr(budget, "SEARCH_SECONDS", 1.0)
    monkeypatch.setattr(budget, "REQUEST_SECONDS", 1.5)
    proxy = StallingProxy(cluster_index)
    app = _app(proxy.url, tmp_path, monkeypatch)
    try:
        yield proxy, app.test_client()
    finally:
        close_catalog(app)
        proxy.close()


def test_a_stalled_cluster_gives_every_page_the_reason_in_one_line(behind_proxy, monkeypatch):
    from webapp.errors import RETRY_AFTER, UNANSWERED

    proxy, client = behind_proxy
    found = client.get("/api/search?q=barrage+Lisson")
    assert found.status_code == 200  # the server is open, its caches read
    doc_id = found.get_json()["results"][0]["id"]
    # its marks older than their TTL: the first read of a page is the mapping's
    _every_time(monkeypatch)
    with proxy.stalled():
        for page in [*PAGES, f"/doc/{doc_id}", f"/api/doc/{doc_id}"]:
            answer = client.get(page)
            # what needs the cluster's answer says it did not come: the searches, a
            # statement, a speaker (the talking points' page shows the reuse groups read
            # before, its own notes saying they may be out of date)
            assert answer.status_code == (200 if "elements" in page else 503), page
            if answer.status_code == 200:
                continue
            assert answer.headers["Retry-After"] == RETRY_AFTER
            if page.startswith("/api/"):
                assert answer.get_json()["error"]["message"] == UNANSWERED
            else:
                assert UNANSWERED.replace("'", "&#39;") in answer.get_data(as_text=True)
        assert proxy.held_requests >= len(PAGES) - 1  # each page did ask the cluster
    # the cluster answers again: so do the pages
    assert client.get("/?q=s%C3%A9cheresse").status_code == 200


def test_a_server_opened_on_a_stalled_cluster_says_it_did_not_answer(behind_proxy):
    from webapp.errors import UNANSWERED

    proxy, client = behind_proxy
    with proxy.stalled():
        answer = client.get("/api/search?q=eau")
    # not « no index »: the index is there, the cluster did not answer in time
    assert answer.status_code == 503
    assert answer.get_json()["error"]["message"] == UNANSWERED
    assert client.get("/api/search?q=eau").status_code == 200


def test_a_running_server_scores_and_spells_with_the_rebuilt_index(opensearch_cluster,
                                                                   tmp_path, monkeypatch):
    """A server open on the three text files; the alias rebuilt from the whole demo corpus:
    the same server, once it reads again what its alias names (the marks' TTL), scores the
    words with the new index's counts and finds « barrage », which the old index lacked,
    as a server opened after the rebuild does."""
    from indexer import opensearch_engine
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster

    alias = "moved"
    drop_indices(opensearch_cluster.url, alias)
    few = shutil.copytree(DEMO / "txt", tmp_path / "txt")
    index_cluster([few], opensearch_cluster.url, alias, replicas=1)
    running = open_opensearch(opensearch_cluster.url, alias=alias)
    fresh = None
    try:
        pairs = [("text", "eau"), ("title", "eau"), ("text", "barrag")]
        before = running.boosts(pairs)
        missing = search(running, SearchRequest(q="barrage"))
        assert missing.total == 0
        index_cluster([DEMO], opensearch_cluster.url, alias, rebuild=True, replicas=1)
        monkeypatch.setattr(opensearch_engine, "MARKS_TTL", 0.0)
        fresh = open_opensearch(opensearch_cluster.url, alias=alias)
        expected = fresh.boosts(pairs)
        assert expected != before
        assert running.boosts(pairs) == expected
        found = search(running, SearchRequest(q="barrage"))
        assert found.correction is None
        assert found.total == search(fresh, SearchRequest(q="barrage")).total > 0
        assert [h["id"] for h in found.hits] == [
            h["id"] for h in search(fresh, SearchRequest(q="barrage")).hits]
    finally:
        running.close()
        if fresh is not None:
            fresh.close()
        drop_indices(opensearch_cluster.url, alias)
