"""The original file's download asks the engine where a file was indexed from
(`Engine.file_root`), not which engine it is: on Whoosh, the manifest in the index folder, read
again when an indexing run changes it (the cluster's side: tests/test_opensearch_download.py)."""

from __future__ import annotations


def _first_id(client, q: str) -> str:
    return client.get("/api/search", query_string={"q": q}).get_json()["results"][0]["id"]


def test_a_file_indexed_after_the_pages_opened_the_index_is_served(tmp_path):
    from indexer.indexing import index_paths
    from indexer.search import open_catalog
    from webapp import create_app
    from webapp.catalog import close_catalog

    corpus = tmp_path / "communiqués"
    corpus.mkdir()
    (corpus / "loutres.txt").write_text(
        "Titre : Les loutres reviennent\n\nLa loutre est revenue sur la Vienne cet été.\n",
        "utf-8")
    index_paths([corpus], tmp_path / "index")
    app = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "index")})
    client = app.test_client()
    try:
        first = _first_id(client, "loutre")
        with client.get(f"/file/{first}") as response:
            assert response.status_code == 200 and b"Vienne" in response.data
        # the desk adds a release and indexes again while the pages are served
        (corpus / "castors.txt").write_text(
            "Titre : Des castors sur la Creuse\n\nLes castors ont bâti un barrage.\n", "utf-8")
        index_paths([corpus], tmp_path / "index")
        second = _first_id(client, "castors barrage")
        with client.get(f"/file/{second}") as response:
            assert response.status_code == 200 and b"barrage" in response.data
        catalog = open_catalog(tmp_path / "index")
        try:
            assert catalog.file_root(str(corpus / "castors.txt")) == str(corpus)
            assert catalog.file_root(str(corpus / "absent.txt")) is None
            assert catalog.file_root(str(tmp_path / "index" / "manifest.json")) is None
        finally:
            catalog.close()
    finally:
        close_catalog(app)
