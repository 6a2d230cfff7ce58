"""The original file's download on OpenSearch: the document page links to the file a statement
was read from, and `/file/<id>` serves it under the same rules as on Whoosh — only a file the
index was built from (the manifest, here the cluster's `file` records), existing, inside its
indexed folder once resolved (no `../`, no symbolic link out of it).

On the real three-node test cluster; the app's index folder holds no manifest of its own."""

from __future__ import annotations

import json

import pytest

from tests.cluster.launcher import drop_indices

ALIAS = "download-test"
RELEASE = "Nantes, le 22 novembre 2023\n\nLa loutre est revenue sur l'Orbize, annonce le préfet.\n"
PAGE = ("<html><head><title>Le castor</title></head><body><p>Le castor est revenu sur "
        "l'Orbize.</p><script>alert(1)</script></body></html>")


@pytest.fixture
def served(opensearch_cluster, tmp_path, monkeypatch):
    """A folder of two files indexed into the cluster, and the web app on it."""
    import indexer.opensearch_reuse as reuse
    from indexer.opensearch_writer import index_cluster
    from webapp import create_app
    from webapp.catalog import close_catalog

    # the reuse groups a page checks are kept per cluster and alias for the process: an
    # earlier test's, of another index behind the same alias, are not this one's
    monkeypatch.setattr(reuse, "_groups", {})

    root = tmp_path / "communiques"
    root.mkdir()
    (root / "loutre.txt").write_text(RELEASE, "utf-8")
    (root / "castor.html").write_text(PAGE, "utf-8")
    drop_indices(opensearch_cluster.url, ALIAS)
    index_cluster([root], opensearch_cluster.url, ALIAS)
    for name, value in {"VERBATIM_ENGINE": "opensearch", "VERBATIM_OPENSEARCH_INDEX": ALIAS,
                        "VERBATIM_OPENSEARCH_URL": opensearch_cluster.url}.items():
        monkeypatch.setenv(name, value)
    index_dir = tmp_path / "index"  # no manifest here: the cluster's is the one read
    index_dir.mkdir()
    app = create_app({"INDEX_DIR": str(index_dir), "TESTING": True})
    try:
        yield app, root, opensearch_cluster.url
    finally:
        close_catalog(app)
        drop_indices(opensearch_cluster.url, ALIAS)


def _id(client, q: str) -> str:
    (hit,) = client.get(f"/api/search?q={q}").get_json()["results"]
    return hit["id"]


def test_the_document_page_links_to_its_file_and_the_file_is_served(served):
    app, root, _ = served
    client = app.test_client()
    ident = _id(client, "loutre")
    assert f'href="/file/{ident}"' in client.get(f"/doc/{ident}").get_data(as_text=True)
    response = client.get(f"/file/{ident}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.get_data() == (root / "loutre.txt").read_bytes()
    response.close()
    page = client.get(f"/file/{_id(client, 'castor')}")
    assert page.status_code == 200
    assert page.headers["Content-Security-Policy"].startswith("sandbox")
    page.close()


def test_a_link_shared_before_its_file_moved_leads_to_the_statement_where_it_is(served):
    # the release filed under « Classés » and indexed again: its id changes with its path;
    # the old address, a journalist's bookmark, was a 404 (Whoosh's led to it)
    from indexer.opensearch_writer import index_cluster

    app, root, url = served
    client = app.test_client()
    before = _id(client, "loutre")
    (root / "Classés").mkdir()
    (root / "loutre.txt").rename(root / "Classés" / "loutre.txt")
    report, _ = index_cluster([root], url, ALIAS)
    assert report.moved == [("loutre.txt", "Classés/loutre.txt")]
    after = _id(client, "loutre")
    assert after != before
    client = app.test_client()
    assert client.get(f"/doc/{before}").headers["Location"] == f"/doc/{after}"
    assert client.get("/doc/0123456789abcdef").status_code == 404


def test_a_link_shared_before_its_file_moved_survives_a_rebuild(served, tmp_path):
    # « verbatim index --engine opensearch --rebuild » reads every file into a new index: the
    # record of moves went with the old one, and the journalist's bookmark was a 404 again
    # (Whoosh's --rebuild keeps it)
    from click.testing import CliRunner

    from indexer.cli import main
    from indexer.opensearch_writer import index_cluster

    app, root, url = served
    client = app.test_client()
    before = _id(client, "loutre")
    (root / "Classés").mkdir()
    (root / "loutre.txt").rename(root / "Classés" / "loutre.txt")
    index_cluster([root], url, ALIAS)
    done = CliRunner().invoke(main, ["index", "--engine", "opensearch", "--rebuild",
                                     "--index", str(tmp_path / "index")])
    assert done.exit_code == 0, done.output
    after = _id(client, "loutre")
    client = app.test_client()
    assert client.get(f"/doc/{before}").headers["Location"] == f"/doc/{after}"
    assert client.get(f"/api/doc/{before}").headers["Location"] == f"/api/doc/{after}"


def test_a_file_gone_from_the_disk_is_404_and_its_link_is_not_shown(served):
    app, root, _ = served
    client = app.test_client()
    ident = _id(client, "loutre")
    (root / "loutre.txt").unlink()
    assert client.get(f"/file/{ident}").status_code == 404
    assert f'href="/file/{ident}"' not in client.get(f"/doc/{ident}").get_data(as_text=True)


def test_no_path_the_index_was_not_built_from_is_served(served, tmp_path):
    from indexer.document import Document
    from indexer.opensearch_client import connect
    from indexer.opensearch_engine import file_id
    from webapp.catalog import original_file

    app, root, url = served
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    (root / "lien.txt").symlink_to(secret)
    (root / "nouveau.txt").write_text(RELEASE, "utf-8")  # there, but never indexed
    # a symbolic link listed in the manifest (as if indexed) is refused all the same
    client = connect(url)
    try:
        index = next(iter(client.indices.get_alias(name=ALIAS)))
        path = str(root / "lien.txt")
        client.index(index=index, id=file_id(path), refresh=True, body={
            "id": file_id(path), "type": "file", "source": path,
            "data": json.dumps({"path": path, "root": str(root), "source": "lien.txt"})})
    finally:
        client.close()
    with app.test_request_context():
        for source in ("../secret.txt", "lien.txt", "nouveau.txt", "/etc/passwd",
                       "absent.txt", "loutre.txt/../../secret.txt"):
            doc = Document(id="x", source=source, format="txt", text="t", root=str(root))
            assert original_file(doc) is None, source
        # and a listed file under another root than the one stated
        doc = Document(id="x", source="communiques/loutre.txt", format="txt", text="t",
                       root=str(tmp_path))
        assert original_file(doc) is None
        doc = Document(id="x", source="loutre.txt", format="txt", text="t", root=str(root))
        assert original_file(doc) == (root / "loutre.txt").resolve()


def test_a_document_page_read_again_asks_for_its_statement_and_file_at_once(served,
                                                                          monkeypatch):
    """Its « more like this » neighbours are kept a minute, its records SEEN_TTL: read again
    later, the statement and its manifest record come in one multi-get, not one each."""
    import time

    from opensearchpy.transport import Transport

    import indexer.opensearch_engine as engine
    import indexer.opensearch_reuse as reuse

    app, _, _ = served
    # the page also asks whether the index's reuse groups changed, every CHECK_SECONDS (5 s):
    # a check falling between the two readings is another multi-get, not a record's (the
    # whole suite's run saw three: the groups' heads, then the groups an earlier test left)
    monkeypatch.setattr(reuse, "CHECK_SECONDS", 600.0)
    client = app.test_client()
    ident = _id(client, "loutre")
    first = client.get(f"/doc/{ident}").get_data(as_text=True)
    # the records' own lifetime (SEEN_TTL, 2 s), so that a slow page's later reads of its
    # records still find them
    time.sleep(engine.SEEN_TTL + 0.2)  # the records read are no longer kept; the neighbours are
    sent: list[str] = []
    failed: list[str] = []  # attempts tried again, said if the test fails
    original = Transport.perform_request

    def recording(self, method, url, *args, **kwargs):
        # the round trips answered: an attempt that failed transiently is tried again
        # (`retried`, three attempts at most), on a cluster the whole suite has been using
        try:
            answer = original(self, method, url, *args, **kwargs)
        except Exception as exc:
            failed.append(f"{url}: {type(exc).__name__}: {exc}"[:200])
            raise
        sent.append(url)
        return answer

    monkeypatch.setattr(Transport, "perform_request", recording)
    again = client.get(f"/doc/{ident}").get_data(as_text=True)
    assert f'href="/file/{ident}"' in first and f'href="/file/{ident}"' in again
    assert [url for url in sent if url.endswith(("_mget", "_search", "_msearch"))] == \
        [f"/{ALIAS}/_mget"], failed
