"""`--engine opensearch` through the real interfaces: the command line and the web app.

A journalist's desk indexes its folder straight into a three-node cluster, searches it from
the command line and the web pages, re-indexes after an edit (only the changed statement is
sent again, whichever machine runs the indexer: the manifest is in the cluster), rebuilds
while others search (the alias moves at once: no search ever fails). A Whoosh index of the
same folder is the reference the answers are compared with.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from indexer.search import SearchRequest, open_catalog, search
from tests.cluster.launcher import drop_indices, searches_running
from tests.conftest import DEMO


def _verbatim(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "indexer.cli", *args], capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=600)


def _reference(corpus, base):
    """Index `corpus` with the embedded engine (incrementally) and return its folder."""
    from indexer.indexing import index_paths

    index_paths([corpus], base / "whoosh")
    return base / "whoosh"


@pytest.fixture(scope="module")
def desk(opensearch_cluster, tmp_path_factory):
    """A copy of the demo corpus indexed with `verbatim index --engine opensearch`.

    Returns (corpus folder, reference Whoosh index, environment naming the engine, report)."""
    drop_indices(opensearch_cluster.url, "desk")
    base = tmp_path_factory.mktemp("desk")
    corpus = shutil.copytree(DEMO, base / "corpus")
    env = {"VERBATIM_ENGINE": "opensearch",
           "VERBATIM_OPENSEARCH_URL": ",".join(opensearch_cluster.urls),
           "VERBATIM_OPENSEARCH_INDEX": "desk", "VERBATIM_INDEX": str(base / "index")}
    done = _verbatim("index", str(corpus), "--json", "--quiet", env=env)
    assert done.returncode == 0, done.stderr
    return corpus, _reference(corpus, base), env, json.loads(done.stdout)


def test_indexing_writes_every_statement_and_its_quotations(desk):
    from indexer.opensearch_engine import open_opensearch

    _, index_dir, env, report = desk
    counts = {}
    for name, catalog in (("whoosh", open_catalog(index_dir)),
                          ("opensearch", open_opensearch(env["VERBATIM_OPENSEARCH_URL"],
                                                         alias="desk"))):
        try:
            counts[name] = (search(catalog, SearchRequest()).total,
                            search(catalog, SearchRequest(quotes=True)).total)
        finally:
            catalog.close()
    docs, quotes = counts["whoosh"]
    assert counts["opensearch"] == (docs, quotes)
    assert report["documents"] == report["total"] == docs
    assert report["opensearch"]["records"] == docs + quotes
    assert report["opensearch"]["index"].startswith("desk-")
    assert not (desk[0].parent / "index" / "manifest.json").exists()  # no local index


def test_search_on_the_command_line_answers_from_the_cluster(desk):
    _, index_dir, env, _ = desk
    done = _verbatim("search", "sécheresse", "--json", env=env)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    local = open_catalog(index_dir)
    try:
        expected = search(local, SearchRequest(q="sécheresse"))
    finally:
        local.close()
    assert found["total"] == expected.total > 0
    assert {r["id"] for r in found["results"]} == {h["id"] for h in expected.hits}
    assert found["facets"]["speaker"] == expected.to_json()["facets"]["speaker"]


def test_check_reports_the_cluster_and_its_counts(desk, opensearch_cluster):
    _, _, env, report = desk
    done = _verbatim("check", env=env)
    assert done.returncode == 0, done.stderr
    assert "3 nœud(s)" in done.stdout
    assert f"{report['documents']} document(s)" in done.stdout
    wrong = _verbatim("check", env={**env, "VERBATIM_OPENSEARCH_INDEX": "absent"})
    assert wrong.returncode == 1
    assert "endommagé" in wrong.stdout


def test_a_second_run_sends_only_what_changed_from_any_machine(desk):
    corpus, index_dir, env, report = desk
    # another machine (another local folder) sees the manifest the first run left in the cluster
    elsewhere = {**env, "VERBATIM_INDEX": str(corpus.parent / "other-machine")}
    again = json.loads(_verbatim("index", str(corpus), "--json", "--quiet",
                                 env=elsewhere).stdout)
    assert (again["documents"], again["added"], again["updated"]) == (0, 0, 0)
    assert again["unchanged"] == report["added"]
    assert again["opensearch"]["records"] == 0

    edited = corpus / "markdown" / "2024-11-28-crues-orbize-nantes.md"
    edited.write_text(edited.read_text("utf-8") + "\nLe barrage de Kerlouan sera effacé.\n",
                      "utf-8")
    (corpus / "markdown" / "2021-06-09-nitrates-vere.md").unlink()
    after = json.loads(_verbatim("index", str(corpus), "--json", "--quiet", env=env).stdout)
    _reference(corpus, corpus.parent)
    assert (after["documents"], after["updated"], after["removed"]) == (1, 1, 1)
    found = json.loads(_verbatim("search", "Kerlouan", "--json", env=env).stdout)
    assert found["total"] == 1
    everything = json.loads(_verbatim("search", "--json", env=env).stdout)
    assert everything["total"] == after["total"] == report["documents"] - 1
    local = open_catalog(index_dir)
    try:
        assert search(local, SearchRequest()).total == everything["total"]
    finally:
        local.close()


def test_a_second_indexer_waits_then_gives_up_with_a_clear_reason(desk):
    from opensearchpy import OpenSearch

    from indexer.indexing import IndexBusy
    from indexer.opensearch_writer import index_cluster, run_lock

    corpus, _, env, _ = desk
    client = OpenSearch(env["VERBATIM_OPENSEARCH_URL"].split(","))
    try:
        with run_lock(client, "desk"), pytest.raises(IndexBusy, match="un autre indexeur"):
            index_cluster([corpus], env["VERBATIM_OPENSEARCH_URL"], "desk", lock_timeout=1)
        index_cluster([corpus], env["VERBATIM_OPENSEARCH_URL"], "desk", lock_timeout=1)
    finally:
        client.close()


def test_a_rebuild_swaps_the_index_under_searches_without_a_failure(desk):
    from indexer.opensearch_engine import open_opensearch

    corpus, _, env, _ = desk
    catalog = open_opensearch(env["VERBATIM_OPENSEARCH_URL"], alias="desk")
    before = search(catalog, SearchRequest()).total
    with searches_running(catalog, lambda: SearchRequest(q="rivière")) as (totals, errors):
        done = _verbatim("index", "--rebuild", "--json", "--quiet", env=env)
    catalog.close()
    assert done.returncode == 0, done.stderr
    rebuilt = json.loads(done.stdout)["opensearch"]
    assert rebuilt["index"].startswith("desk-")
    assert errors == []
    assert len(totals) > 5 and len(set(totals)) == 1  # the same records, before and after
    assert search(open_opensearch(env["VERBATIM_OPENSEARCH_URL"], alias="desk"),
                  SearchRequest()).total == before
    # built without replicas, the index had them all before the alias moved to it, and
    # writes are durable again
    from opensearchpy import OpenSearch

    client = OpenSearch(env["VERBATIM_OPENSEARCH_URL"].split(","))
    try:
        settings = client.indices.get_settings(index=rebuilt["index"])[rebuilt["index"]]
        shards = client.cat.shards(index=rebuilt["index"], format="json")
    finally:
        client.close()
    assert settings["settings"]["index"]["number_of_replicas"] == "1"
    assert settings["settings"]["index"]["translog"]["durability"] == "request"
    assert "refresh_interval" not in settings["settings"]["index"]
    # both copies active; the cluster may be moving one to balance its nodes (RELOCATING is
    # an active copy that still serves, its target shows as INITIALIZING beside it)
    active = [s["prirep"] for s in shards if s["state"] in ("STARTED", "RELOCATING")]
    assert sorted(active) == ["p", "r"]


def _recorded(monkeypatch) -> list[tuple[str, dict, object]]:
    """Record (path, parameters, body) of every request any client sends from now on."""
    from opensearchpy.transport import Transport

    sent: list[tuple[str, dict, object]] = []
    original = Transport.perform_request

    def recording(self, method, url, params=None, body=None, *args, **kwargs):
        sent.append((url, dict(params or {}), body))
        return original(self, method, url, params, body, *args, **kwargs)

    monkeypatch.setattr(Transport, "perform_request", recording)
    return sent


def _bodies(body) -> list[dict]:
    """Return the searches of a request body (a multi-search holds several, after heads)."""
    if isinstance(body, dict):
        return [body]
    lines = [json.loads(line) for line in body.splitlines() if line.strip()]
    return lines[1::2]


def test_every_search_a_page_sends_to_the_cluster_carries_a_time_budget(desk, monkeypatch):
    from indexer import budget
    from indexer.opensearch_client import MARGIN, SEARCH_SECONDS
    from webapp import create_app
    from webapp.catalog import close_catalog

    _, index_dir, env, _ = desk
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    app = create_app({"INDEX_DIR": str(index_dir), "TESTING": True})
    sent = _recorded(monkeypatch)
    try:
        client = app.test_client()
        found = client.get("/api/search?q=rivi%C3%A8re+s%C3%A9cheresse&theme=Eau+potable")
        assert found.status_code == 200
        searches = len(sent)
        for page in ("/?q=%C2%AB+rivi%C3%A8re+qui+meurt+%C2%BB", "/?q=secheres+barage",
                     "/?q=eau&sort=date&page=2", "/speaker/Claire%20Aubertin",
                     f"/doc/{found.get_json()['results'][0]['id']}"):
            assert client.get(page).status_code == 200, page
    finally:
        close_catalog(app)
    asked = [(url, params, body) for url, params, body in sent
             if url.endswith(("/_search", "/_msearch"))]
    assert searches > 0 and len(asked) > 10
    for number, (url, params, body) in enumerate(asked):
        # the cluster stops collecting at `timeout` and the client waits a moment longer;
        # a search's requests share its budget (the web app's), a lookup has its own
        limit = budget.SEARCH_SECONDS if number < searches else SEARCH_SECONDS
        assert 0 < float(params["request_timeout"]) <= limit + MARGIN, url
        for search_body in _bodies(body):
            assert search_body["timeout"].endswith("ms"), url
            assert 0 < int(search_body["timeout"][:-2]) <= limit * 1000, url


def test_a_search_past_its_time_budget_still_answers(desk):
    from indexer import budget
    from indexer.opensearch_engine import open_opensearch

    _, _, env, _ = desk
    catalog = open_opensearch(env["VERBATIM_OPENSEARCH_URL"], alias="desk")
    try:
        with budget.request_budget(each=0.0, total=0.0):
            spent = search(catalog, SearchRequest(q="rivière", theme=["Eau potable"]))
        full = search(catalog, SearchRequest(q="rivière", theme=["Eau potable"]))
    finally:
        catalog.close()
    # sent with a budget of a millisecond: what the cluster found by then, never an error
    assert 0 <= spent.total <= full.total
    assert full.total > 0 and budget.INTERRUPTED not in full.notes


def test_the_web_pages_and_the_api_search_the_cluster(desk, monkeypatch):
    from webapp import create_app
    from webapp.catalog import close_catalog

    _, index_dir, env, _ = desk
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    app = create_app({"INDEX_DIR": str(index_dir), "TESTING": True})
    try:
        client = app.test_client()
        api = client.get("/api/search?q=rivi%C3%A8re&theme=Eau+potable")
        assert api.status_code == 200
        data = api.get_json()
        local = open_catalog(index_dir, "whoosh")
        try:
            expected = search(local, SearchRequest(q="rivière", theme=["Eau potable"]))
        finally:
            local.close()
        assert data["total"] == expected.total > 0
        page = client.get("/?q=rivi%C3%A8re")
        assert page.status_code == 200
        assert "<mark>" in page.get_data(as_text=True)
        # a statement's page, with the statements like it, and a speaker's page
        first = data["results"][0]
        document = client.get(f"/doc/{first['id']}")
        assert document.status_code == 200
        assert "Déclarations proches" in document.get_data(as_text=True)
        speaker = client.get("/speaker/Claire%20Aubertin")
        assert speaker.status_code == 200
        assert "Claire Aubertin" in speaker.get_data(as_text=True)
        # a pasted quotation is verified on the cluster too
        verify = client.get("/api/verify?q=une+rivi%C3%A8re+qui+meurt")
        assert verify.status_code == 200
        assert verify.get_json()["verdict"] in ("exact", "close", "not_found")
    finally:
        close_catalog(app)


def test_verifying_a_quotation_on_the_cluster_gives_the_embedded_engines_verdict(desk):
    from indexer.verify import verify

    _, index_dir, env, _ = desk
    quote = "Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser"
    done = _verbatim("verify", quote, "--json", env=env)
    assert done.returncode == 0, done.stderr
    local = open_catalog(index_dir, "whoosh")
    try:
        expected = verify(local, quote)
    finally:
        local.close()
    found = json.loads(done.stdout)
    found = found[0] if isinstance(found, list) else found
    assert expected["verdict"] == "exact"
    assert {k: found[k] for k in ("verdict", "similarity", "document_id", "passage")} == \
        {k: expected[k] for k in ("verdict", "similarity", "document_id", "passage")}


def test_an_unreachable_cluster_is_one_clear_line(tmp_path):
    done = _verbatim("search", "eau", env={"VERBATIM_ENGINE": "opensearch",
                                           "VERBATIM_OPENSEARCH_URL": "http://127.0.0.1:9"})
    assert done.returncode == 1
    assert "OpenSearch injoignable à http://127.0.0.1:9" in done.stderr
    assert "Traceback" not in done.stderr
