"""Bounded cost of what a page reads again once the index changed: the reuse groups' file
(`reuse.json`), the talking points' table built from it, and the manifest that says which
original files may be served. Their cost grows with the index (at `250k`, the groups' file
took 1.7-2.5 s of CPU inside the first page to find it changed); they are read apart, in a
thread of their own (`indexer.budget.apart`), a page waiting for them at most what is left
of its time budget, then answering without them and saying so in one line.

Each reading here is held by an injected reader that waits for the test's signal, and the
pages' budget is zero (every wait ends at once): the page answers while the reading is
held, which a reading inside the page could not do. Nothing is timed.
"""

from __future__ import annotations

import shutil
import threading

import pytest

from indexer import budget
from indexer.genealogy import PREPARING, ReuseIndex, _Table, reuse_index
from tests.conftest import web_client
from webapp.genealogy import READING_NOTE

HOLD = 30  # seconds an injected reader waits for the test's signal at most: a page reading
# inline would answer after it, without the note, and the test fail
NOTE = "Reprises en cours de lecture"
MARK = 'class="reuse-link"'


@pytest.fixture
def index_dir(demo_index_shared, tmp_path):
    """A copy of the demo corpus's index (its reuse groups among it), private to the test."""
    return shutil.copytree(demo_index_shared, tmp_path / "index")


@pytest.fixture
def client(index_dir):
    yield from web_client(index_dir)


def _held(monkeypatch, owner, name: str, wrap_class: bool = False):
    """Hold `owner.name` until the returned event is set; the list records each call's
    thread."""
    gate, calls = threading.Event(), []
    original = getattr(owner, name)
    original = original.__func__ if wrap_class else original

    def held(*args, **kwargs):
        calls.append(threading.current_thread().name)
        gate.wait(HOLD)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, classmethod(held) if wrap_class else held)
    return gate, calls


def _no_budget(monkeypatch) -> None:
    monkeypatch.setattr(budget, "SEARCH_SECONDS", 0.0)
    monkeypatch.setattr(budget, "REQUEST_SECONDS", 0.0)


def _changed(path) -> None:
    """Write the file again, one byte longer: as a new indexing replaces it."""
    path.write_bytes(path.read_bytes() + b"\n")


def _reused_document(client) -> str:
    """The id of a statement holding a passage other documents repeat."""
    first = client.get("/api/talking-points").get_json()["items"][0]["first"]
    return first["document_id"]


def test_a_page_answers_while_the_changed_groups_are_read(client, index_dir, monkeypatch):
    doc_id = _reused_document(client)
    assert MARK in client.get(f"/doc/{doc_id}").get_data(as_text=True)
    _changed(index_dir / "reuse.json")
    gate, calls = _held(monkeypatch, ReuseIndex, "from_data", wrap_class=True)
    _no_budget(monkeypatch)
    try:
        page = client.get(f"/doc/{doc_id}")
        # the page, within its budget: the groups read before, the note saying why they
        # may be out of date; the JSON says so too
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        assert READING_NOTE.replace("'", "&#39;") in html and MARK in html
        assert client.get("/api/talking-points").get_json()["groups_pending"] is True
        assert NOTE in client.get("/genealogie?q=une+rivi%C3%A8re+qui+meurt").get_data(
            as_text=True)
        # one reading, apart from the pages, however many pages asked meanwhile
        assert calls == ["verbatim-groups"]
    finally:
        gate.set()
    budget.settle_apart(("groups", str(index_dir / "reuse.json")))
    html = client.get(f"/doc/{doc_id}").get_data(as_text=True)
    assert NOTE not in html and MARK in html
    assert client.get("/api/talking-points").get_json()["groups_pending"] is False
    assert calls == ["verbatim-groups"]


def test_a_first_reading_past_the_budget_shows_no_groups_and_says_why(index_dir, monkeypatch):
    # a worker whose first page finds the groups unread (none read before): no marks, the note
    gate, calls = _held(monkeypatch, ReuseIndex, "from_data", wrap_class=True)
    _no_budget(monkeypatch)
    try:
        for client in web_client(index_dir):
            page = client.get("/elements-de-langage")
            assert page.status_code == 200
            assert NOTE in page.get_data(as_text=True)
    finally:
        gate.set()
    budget.settle_apart(("groups", str(index_dir / "reuse.json")))
    assert len(calls) == 1


def test_outside_a_request_the_groups_are_read_whole(index_dir, monkeypatch):
    # the command line, a server's master before its workers: no budget, no note
    _changed(index_dir / "reuse.json")
    gate, calls = _held(monkeypatch, ReuseIndex, "from_data", wrap_class=True)
    gate.set()
    found = reuse_index(index_dir)
    assert found.groups and not found.reading and len(calls) == 1
    assert reuse_index(index_dir) is found  # kept until the file changes again
    assert len(calls) == 1


def test_the_talking_points_table_is_built_apart(client, monkeypatch):
    from indexer import genealogy

    assert client.get("/api/talking-points").get_json()["total"] > 0
    monkeypatch.setattr(genealogy, "_tables", [])  # as after the groups were read again
    gate, calls = _held(monkeypatch, _Table, "__init__")
    _no_budget(monkeypatch)
    try:
        page = client.get("/elements-de-langage")
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        # said in one line, not « no talking points »
        assert PREPARING.replace("'", "&#39;") in html
        assert "Aucun passage repris" not in html
        answer = client.get("/api/talking-points").get_json()
        assert answer["total"] == 0 and PREPARING in answer["notes"]
        assert calls == ["verbatim-talking-points"]
    finally:
        gate.set()
    budget.settle_apart(("talking-points",))
    assert client.get("/api/talking-points").get_json()["total"] > 0
    assert len(calls) == 1


def _served(client, doc_id: str) -> int:
    """Return the status of the original file's page, its file closed."""
    with client.get(f"/file/{doc_id}") as response:
        return response.status_code


def test_the_original_file_waits_for_the_changed_manifest(client, index_dir, monkeypatch):
    from indexer import whoosh_engine
    from indexer.whoosh_engine import MANIFEST_READING

    doc_id = client.get("/api/search?q=rivi%C3%A8re").get_json()["results"][0]["id"]
    assert _served(client, doc_id) == 200
    _changed(index_dir / "manifest.json")
    gate, calls = _held(monkeypatch, whoosh_engine, "load_manifest_sources")
    _no_budget(monkeypatch)
    try:
        # the statement's page without the file's link, saying why; the file itself: « try
        # again », not « no such file »
        page = client.get(f"/doc/{doc_id}")
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        assert MANIFEST_READING.replace("'", "&#39;") in html
        assert "fichier d&#39;origine</a>" not in html
        original = client.get(f"/file/{doc_id}")
        assert original.status_code == 503 and original.headers["Retry-After"]
        assert MANIFEST_READING.replace("'", "&#39;") in original.get_data(as_text=True)
        assert calls == ["verbatim-manifest"]
    finally:
        gate.set()
    budget.settle_apart(("manifest", str(index_dir)))
    assert _served(client, doc_id) == 200
    assert len(calls) == 1


def test_what_a_reading_made_is_set_out_of_the_collectors_way(client, index_dir):
    # the groups read apart live until the next reading replaces them: frozen out of the
    # garbage collector, so that its next collection does not walk them all at once, the
    # worker's other pages waiting (at `250k`, 250-270 ms)
    import gc

    doc_id = _reused_document(client)
    _changed(index_dir / "reuse.json")
    frozen = gc.get_freeze_count()
    try:
        assert client.get(f"/doc/{doc_id}").status_code == 200
        budget.settle_apart(("groups", str(index_dir / "reuse.json")))
        groups = reuse_index(index_dir).groups
        assert groups and gc.get_freeze_count() - frozen >= len(groups)
        assert NOTE not in client.get(f"/doc/{doc_id}").get_data(as_text=True)
    finally:
        gc.unfreeze()
