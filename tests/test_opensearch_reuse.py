"""Reuse groups on OpenSearch: the same groups, talking points, genealogies and document marks
as Whoosh.

The demo corpus is indexed with `verbatim index --engine opensearch` into the three-node test
cluster and with the embedded engine into a folder: the same `indexer.reuse` code finds the
groups on both (on OpenSearch its files are records of the index, `indexer.opensearch_reuse`).
Then a file changed, a file removed, a second machine's indexer, and a rebuild.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.genealogy import TalkingRequest, groups_of, talking_points
from indexer.search import open_catalog
from tests.cluster.launcher import drop_indices
from tests.conftest import DEMO

REQUESTS = [TalkingRequest(), TalkingRequest(sort="speakers"),
            TalkingRequest(kind=["communiqué"]), TalkingRequest(date_from="2022", date_to="2024"),
            TalkingRequest(speaker=["Sophie Lemaire-Dufour"]), TalkingRequest(per_page=3, page=2)]


def _verbatim(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "indexer.cli", *args], capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=600)


def _environment(cluster, alias: str, index_dir: Path) -> dict[str, str]:
    return {"VERBATIM_ENGINE": "opensearch", "VERBATIM_OPENSEARCH_URL": ",".join(cluster.urls),
            "VERBATIM_OPENSEARCH_INDEX": alias, "VERBATIM_INDEX": str(index_dir)}


def _index(env: dict[str, str], *args: str) -> dict:
    done = _verbatim("index", *args, "--json", "--quiet", env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _opensearch(env: dict[str, str]):
    from indexer.opensearch_engine import open_opensearch

    return open_opensearch(env["VERBATIM_OPENSEARCH_URL"], alias=env["VERBATIM_OPENSEARCH_INDEX"])


def _same(whoosh_dir: Path, env: dict[str, str]):
    """Assert both engines give the same groups, talking points and document marks; return
    the groups."""
    whoosh, opensearch = open_catalog(whoosh_dir), _opensearch(env)
    try:
        ours, theirs = groups_of(whoosh), groups_of(opensearch)
        assert ours.groups and theirs.groups == ours.groups
        assert theirs.docs == ours.docs
        for request in REQUESTS:
            assert talking_points(opensearch, request) == talking_points(whoosh, request)
        for doc_id in ours.by_doc:
            assert theirs.marks(doc_id) == ours.marks(doc_id)
        return ours
    finally:
        whoosh.close()
        opensearch.close()


@pytest.fixture(scope="module")
def demo(opensearch_cluster, tmp_path_factory):
    """(Whoosh index folder, environment of the OpenSearch index) on the demo corpus."""
    from indexer.indexing import index_paths

    drop_indices(opensearch_cluster.url, "reuse-demo")
    base = tmp_path_factory.mktemp("reuse-demo")
    env = _environment(opensearch_cluster, "reuse-demo", base / "local")
    _index(env, str(DEMO))
    index_paths([DEMO], base / "whoosh")
    return base / "whoosh", env


def test_the_groups_talking_points_and_marks_are_the_same_on_both_engines(demo):
    whoosh_dir, env = demo
    groups = _same(whoosh_dir, env)
    assert {g["type"] for g in groups.groups} == {"passage", "quote"}
    # nothing on the indexing machine: the groups are records of the index
    assert not list(Path(env["VERBATIM_INDEX"]).glob("reuse*"))
    catalog = _opensearch(env)
    try:
        found = catalog.client.count(index=catalog.alias, body={"query": {"term": {
            "type": "reuse"}}})["count"]
    finally:
        catalog.close()
    assert found >= 6  # three files, each a name and at least one piece


def test_the_pages_show_the_groups_from_the_cluster(demo, monkeypatch):
    from webapp import create_app
    from webapp.catalog import close_catalog

    whoosh_dir, env = demo
    pages = {}
    for name, config in (("whoosh", {"VERBATIM_ENGINE": "whoosh"}), ("opensearch", env)):
        for key, value in config.items():
            monkeypatch.setenv(key, value)
        app = create_app({"INDEX_DIR": str(whoosh_dir if name == "whoosh"
                                           else env["VERBATIM_INDEX"]), "TESTING": True})
        try:
            client = app.test_client()
            listed = client.get("/api/talking-points?sort=speakers")
            assert listed.status_code == 200
            data = listed.get_json()
            doc_id = data["items"][0]["first"]["document_id"]
            page = client.get(f"/doc/{doc_id}")
            html = client.get("/elements-de-langage").get_data(as_text=True)
            csv = client.get("/elements-de-langage.csv").get_data(as_text=True)
            # a kind and a theme typed otherwise: their chips say the facet's labels
            typed = client.get("/elements-de-langage?kind=Communiqu%C3%A9s&theme=EAU+POTABLE")
            chips = re.findall(r'<a class="chip"[^>]*>([^<]*?) <span', typed.get_data(
                as_text=True))
            pages[name] = (data, page.status_code, page.get_data(as_text=True).count(
                'class="reuse-link"'), html.count('class="talking'), csv, chips)
        finally:
            close_catalog(app)
    assert pages["opensearch"] == pages["whoosh"]
    data, status, links, _, _, chips = pages["opensearch"]
    assert data["total"] > 0 and status == 200 and links > 0
    assert chips == ["Thème\u00a0: Eau potable", "Type\u00a0: Communiqué"]


def test_a_server_reads_the_groups_once_before_its_workers(demo, monkeypatch):
    """`preload` reads the cluster's groups in the master; a worker's own connection then
    finds them there, and reads them again only when their token changes."""
    from indexer import opensearch_reuse
    from webapp import create_app
    from webapp.server import preload

    _, env = demo
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(opensearch_reuse, "_groups", {})
    preload(create_app({"INDEX_DIR": env["VERBATIM_INDEX"], "TESTING": True}))
    read = []
    monkeypatch.setattr(opensearch_reuse.ClusterStore, "read",
                        lambda self, name: read.append(name))
    monkeypatch.setattr(opensearch_reuse, "CHECK_SECONDS", 0.0)  # the token asked each time
    catalog = _opensearch(env)  # a worker's: connections of its own
    try:
        assert catalog.reuse_groups().groups and not read
    finally:
        catalog.close()


def test_an_index_built_before_reads_its_groups_as_before(demo, monkeypatch):
    """The groups' file in the cluster is one document or group a line, read a line at a
    time; as the previous version wrote it (one JSON object), it gives the same groups,
    talking points and marks."""
    import io

    import orjson

    from indexer import opensearch_reuse
    from indexer.reuse import GROUPS, read_groups

    whoosh_dir, env = demo
    catalog = _opensearch(env)
    store = opensearch_reuse.ClusterStore(catalog.client, catalog.alias)
    _, lines = store.read(GROUPS)
    page = read_groups(io.BytesIO(lines))
    assert lines.count(b"\n") == 1 + len(page["docs"]) + len(page["groups"])
    try:
        store.write(GROUPS, orjson.dumps({**page, "version": 6}))
        monkeypatch.setattr(opensearch_reuse, "_groups", {})
        _same(whoosh_dir, env)
    finally:
        store.write(GROUPS, lines)
        opensearch_reuse._groups.clear()
        catalog.close()


def _asked(whoosh_dir: Path) -> list[str]:
    """Passages to trace: each group's words, and a quotation of each quotation group."""
    from indexer.genealogy import reuse_index

    groups = reuse_index(whoosh_dir).groups
    return [" ".join(g["text"].split()[:30]) for g in groups] + [
        " ".join(g["text"].split()[:12]) for g in groups if g["type"] == "quote"]


def test_a_genealogy_is_the_same_on_both_engines(demo):
    from indexer.genealogy import genealogy, reuse_index

    whoosh_dir, env = demo
    whoosh, opensearch = open_catalog(whoosh_dir), _opensearch(env)
    # a passage copied is traced to its copies; a quotation's group may hold quotations
    # that do not reword it (« chaque euro dépensé soit traçable » and « Chaque euro confié
    # à la fédération … » share a rare phrase, not their words): those stand alone
    copied = {" ".join(g["text"].split()[:30])
              for g in reuse_index(whoosh_dir).groups if g["type"] == "passage"}
    try:
        traced = 0
        for q in _asked(whoosh_dir):
            ours = genealogy(whoosh, q)
            assert genealogy(opensearch, q) == ours, q
            traced += q in copied and ours["total"] >= 2
        assert traced >= len(copied) - 2
    finally:
        whoosh.close()
        opensearch.close()


def test_a_genealogy_through_the_command_line_and_the_api(demo, monkeypatch):
    from webapp import create_app
    from webapp.catalog import close_catalog

    whoosh_dir, env = demo
    q = _asked(whoosh_dir)[0]
    printed = {}
    for name, config in (("whoosh", {"VERBATIM_ENGINE": "whoosh",
                                     "VERBATIM_INDEX": str(whoosh_dir)}), ("opensearch", env)):
        done = _verbatim("genealogy", q, "--json", env=config)
        assert done.returncode == 0, done.stderr
        printed[name] = json.loads(done.stdout)
        for key, value in config.items():
            monkeypatch.setenv(key, value)
        app = create_app({"INDEX_DIR": config["VERBATIM_INDEX"], "TESTING": True})
        try:
            client = app.test_client()
            answer = client.get("/api/genealogy", query_string={"q": q})
            assert answer.status_code == 200
            page = client.get("/genealogie", query_string={"q": q})
            assert page.status_code == 200
            printed[name + " api"] = (answer.get_json(), page.get_data(as_text=True).count(
                "/doc/"))
        finally:
            close_catalog(app)
    assert len(printed["whoosh"]["occurrences"]) >= 2
    assert printed["opensearch"] == printed["whoosh"]
    assert printed["opensearch api"] == printed["whoosh api"]
    # the command's own choice of engine, as `index` and `search` have it
    done = _verbatim("genealogy", q, "--json", "--engine", "opensearch", "--opensearch-url",
                     env["VERBATIM_OPENSEARCH_URL"], env={
                         "VERBATIM_ENGINE": "whoosh",
                         "VERBATIM_OPENSEARCH_INDEX": env["VERBATIM_OPENSEARCH_INDEX"]})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == printed["whoosh"]


def _copied_paragraph() -> str:
    """A paragraph of one markdown release, to paste into another."""
    text = (DEMO / "markdown" / "2021-06-09-nitrates-vere.md").read_text("utf-8")
    paragraphs = [p for p in text.split("\n\n") if len(p.split()) >= 30 and not
                  p.startswith(("---", "#"))]
    return paragraphs[1]  # not the first: a passage at the top (or bottom) of both is a header


def _joined(index) -> list[dict]:
    """Return the passage groups holding both the pasted paragraph's release and the
    release it was pasted into."""
    titles = ("Nitrates dans la Vère", "Crues de l’Orbize")
    return [g for g in index.groups if g["type"] == "passage" and all(
        any((index.docs[o[0]].get("title") or "").startswith(t) for o in g["occurrences"])
        for t in titles)]


def test_an_incremental_run_updates_the_groups(opensearch_cluster, tmp_path, monkeypatch):
    """A file changed (a paragraph of another pasted in), then a file removed: both engines
    update their groups alike, the second run from another machine (an empty local folder:
    the state is read from the cluster); then a rebuild gives a fresh build's groups."""
    from indexer import opensearch_reuse
    from indexer.indexing import index_paths
    from indexer.indexing import rebuild as rebuild_index

    # a server reads the groups again within CHECK_SECONDS of a run; this test at once
    monkeypatch.setattr(opensearch_reuse, "CHECK_SECONDS", 0.0)
    drop_indices(opensearch_cluster.url, "reuse-edit")
    corpus = shutil.copytree(DEMO, tmp_path / "corpus")
    env = _environment(opensearch_cluster, "reuse-edit", tmp_path / "local")
    _index(env, str(corpus))
    index_paths([corpus], tmp_path / "whoosh")
    before = _same(tmp_path / "whoosh", env)

    changed = corpus / "markdown" / "2024-11-28-crues-orbize-nantes.md"
    head, _, body = changed.read_text("utf-8").rpartition("\n---\n")
    first, _, rest = body.strip().partition("\n\n")
    changed.write_text(f"{head}\n---\n\n{first}\n\n{_copied_paragraph()}\n\n{rest}\n", "utf-8")
    report = _index(env, str(corpus))
    assert report["updated"] == 1 and report["documents"] == 1
    assert report["reuse_steps"]["read"] > 0  # the state the first run left, from the cluster
    index_paths([corpus], tmp_path / "whoosh")
    after = _same(tmp_path / "whoosh", env)
    assert not _joined(before) and _joined(after)
    pasted = _joined(after)[0]

    # from another machine: nothing local, the state read from the cluster
    other = {**env, "VERBATIM_INDEX": str(tmp_path / "elsewhere")}
    gone = corpus / "markdown" / "2021-06-09-nitrates-vere.md"
    gone.unlink()
    report = _index(other, str(corpus))
    assert report["removed"] == 1 and report["reuse_steps"]["read"] > 0
    index_paths([corpus], tmp_path / "whoosh")
    removed = _same(tmp_path / "whoosh", env)
    assert pasted["occurrences"] and not _joined(removed)

    _index(env, "--rebuild")
    rebuild_index([corpus], tmp_path / "whoosh")
    _same(tmp_path / "whoosh", env)


def test_the_journalists_words_are_hers_on_both_engines(opensearch_cluster, tmp_path,
                                                       monkeypatch):
    """Three interviews whose host reads out the same words, then a fourth in a new file:
    each engine gives the passage's occurrences to the journalist (`ReuseState.turns`, kept
    in the cluster's records), the same groups, talking points and genealogies."""
    from test_talking_points_interviews import LATER, PARTNERSHIP, point, write_interviews

    from indexer import opensearch_reuse
    from indexer.genealogy import genealogy
    from indexer.indexing import index_paths

    # a server reads the groups again within CHECK_SECONDS of a run; this test at once
    monkeypatch.setattr(opensearch_reuse, "CHECK_SECONDS", 0.0)
    drop_indices(opensearch_cluster.url, "reuse-interviews")
    corpus = write_interviews(tmp_path / "corpus")
    env = _environment(opensearch_cluster, "reuse-interviews", tmp_path / "local")
    requests = [TalkingRequest(), TalkingRequest(speaker=["Denormandie"]),
                TalkingRequest(speaker=["Sonia Mabrouk"]), TalkingRequest(sort="speakers")]
    for run in range(2):
        if run:
            write_interviews(corpus, "later.csv", [LATER])
        _index(env, str(corpus))
        index_paths([corpus], tmp_path / "whoosh")
        _same(tmp_path / "whoosh", env)
        whoosh, opensearch = open_catalog(tmp_path / "whoosh"), _opensearch(env)
        try:
            for request in requests:
                assert talking_points(opensearch, request) == talking_points(whoosh, request)
            hosts = point(talking_points(opensearch, TalkingRequest()),
                          "presse quotidienne régionale")
            assert (hosts["documents"], hosts["speakers"]) == (3 + run, 1)
            said = genealogy(opensearch, PARTNERSHIP)
            assert said == genealogy(whoosh, PARTNERSHIP)
            assert [o["quote_speaker"]["name"] for o in said["occurrences"]] == \
                ["Sonia Mabrouk", "Sonia Mabrouk", "l'intervieweur", "Sonia Mabrouk"][:3 + run]
        finally:
            whoosh.close()
            opensearch.close()



def test_the_records_furniture_is_no_talking_point_on_both_engines(opensearch_cluster, tmp_path,
                                                                   monkeypatch):
    """A Conseil des ministres' string of ministers' titles, a bill's title and a bill's
    lettered clauses, each repeated in three documents (`indexer.genealogy.furniture`): left
    out of the talking points by either engine, the lines people repeat listed, and the same
    list on both."""
    from test_reuse import write_corpus
    from test_talking_points_furniture import FURNITURE, INUITS, RELANCE, ROWS

    from indexer import opensearch_reuse
    from indexer.indexing import index_paths

    monkeypatch.setattr(opensearch_reuse, "CHECK_SECONDS", 0.0)
    drop_indices(opensearch_cluster.url, "reuse-furniture")
    corpus = write_corpus(tmp_path / "corpus", ROWS)
    env = _environment(opensearch_cluster, "reuse-furniture", tmp_path / "local")
    _index(env, str(corpus))
    index_paths([corpus], tmp_path / "whoosh")
    _same(tmp_path / "whoosh", env)
    whoosh, opensearch = open_catalog(tmp_path / "whoosh"), _opensearch(env)
    try:
        listed = talking_points(opensearch, TalkingRequest())
        assert listed == talking_points(whoosh, TalkingRequest())
        passages = [item["passage"] for item in listed["items"]]
        for line in (RELANCE, INUITS):
            assert any(line[:60] in p for p in passages)
        for words in FURNITURE:
            assert not any(words in p for p in passages)
        # still in the groups
        texts = [g.get("text", "") for g in groups_of(opensearch).groups]
        assert all(any(words in t for t in texts) for words in FURNITURE)
    finally:
        whoosh.close()
        opensearch.close()
