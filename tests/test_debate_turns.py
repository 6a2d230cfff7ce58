"""A debate's turn links the turns around it: a journalist reading a minister's reply asks
what question it answered and who spoke next. The document page says where the turn stands
in its sitting (« Tour 4 sur 20 de la séance ») with links to the previous and next turns;
the API gives the same under `turns`. A release, an interview or a speech has none.

Over the demo corpus's debate of the Lisson dam (TEI) and one release, through Flask's test
client; then a real Hansard sitting of the shared corpus.
"""

from __future__ import annotations

import re
import shutil
from html import unescape

import pytest

from indexer.indexing import index_paths
from tests.conftest import DEMO, shared_path

RELEASE = "markdown/2024-02-02-plan-eau-reaction.md"
SITTING = ("hansard-canada-36e-fr", "Testing", "hansard.36.2.house.debates.062.f")


def _client(folder, index_dir):
    from webapp import create_app

    index_paths([folder], index_dir)
    return create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})


@pytest.fixture
def client(tmp_path):
    """The demo's debate (its TEI file and the sitting's metadata) and one release."""
    from webapp.catalog import close_catalog

    folder = tmp_path / "documents"
    shutil.copytree(DEMO / "debats", folder / "debats")
    (folder / "markdown").mkdir()
    shutil.copyfile(DEMO / RELEASE, folder / RELEASE)
    app = _client(folder, tmp_path / "index")
    yield app.test_client()
    close_catalog(app)


def _turns(client) -> list[dict]:
    """The debate's turns as the API lists them, in the sitting's order."""
    hits = client.get("/api/search?kind=débat&per_page=100").get_json()["results"]
    data = [client.get(f"/api/doc/{h['id']}").get_json() for h in hits]
    return sorted(data, key=lambda d: d["turns"]["number"])


def _links(html: str) -> dict[str, tuple[str, str]]:
    """rel → (href, text) of the page's links to the previous and next turns."""
    return {rel: (unescape(href), unescape(text)) for rel, href, text in re.findall(
        r'<a rel="(prev|next)" href="([^"]+)">([^<]+)</a>', html)}


def test_the_api_numbers_each_turn_of_the_sitting_and_names_its_neighbours(client):
    turns = _turns(client)
    count = len(turns)
    assert count == 10  # the ten turns of the sitting, the chair's among them
    assert [t["turns"]["number"] for t in turns] == list(range(1, count + 1))
    assert {t["turns"]["count"] for t in turns} == {count}
    # each turn's next is the turn after it, and that turn's previous is this one
    for before, after in zip(turns, turns[1:], strict=False):
        assert before["turns"]["next"]["id"] == after["id"]
        assert after["turns"]["previous"]["id"] == before["id"]
    assert turns[0]["turns"]["previous"] is None and turns[-1]["turns"]["next"] is None
    # the sitting's order: the chair opens, Jean-Pierre Roussel speaks first
    assert [s["name"] for s in turns[1]["speakers"]] == ["Jean-Pierre Roussel"]


def test_a_turns_page_links_the_turns_before_and_after_it(client):
    turns = _turns(client)
    second = turns[1]
    page = client.get(f"/doc/{second['id']}?q=barrage")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f"Tour 2 sur {len(turns)} de la séance" in html
    links = _links(html)
    assert links["prev"][0] == f"/doc/{turns[0]['id']}?q=barrage"  # the search is kept
    assert links["next"][0] == f"/doc/{turns[2]['id']}?q=barrage"
    # the chair has the next turn: a role, no person, named as the sitting names it
    assert turns[2]["speakers"] == [] and links["next"][1] == "Tour suivant : le président ›"
    assert links["prev"][1] == "‹ Tour précédent : le président"
    # followed, the next turn's page leads back
    following = client.get(links["next"][0]).get_data(as_text=True)
    assert _links(following)["prev"][0] == f"/doc/{second['id']}?q=barrage"
    first = client.get(f"/doc/{turns[0]['id']}").get_data(as_text=True)
    assert set(_links(first)) == {"next"}


def test_a_release_has_no_turns(client):
    (hit,) = client.get("/api/search?kind=communiqué").get_json()["results"]
    assert client.get(f"/api/doc/{hit['id']}").get_json()["turns"] is None
    html = client.get(f"/doc/{hit['id']}").get_data(as_text=True)
    assert "de la séance" not in html and not _links(html)


def test_in_the_hansard_a_question_leads_to_the_ministers_answer(tmp_path):
    """The House of Commons, 3 March 2000: Diane St-Jacques asks about an ACDI contract; the
    next turn is the answer of Maria Minna, minister for international cooperation."""
    from webapp.catalog import close_catalog

    folder = tmp_path / "hansard"
    folder.mkdir()
    shutil.copyfile(shared_path(*SITTING), folder / SITTING[-1])
    app = _client(folder, tmp_path / "index")
    try:
        client = app.test_client()
        hits = client.get("/api/search?q=Abattoir+Bellerive").get_json()["results"]
        question = next(h for h in hits if h["record"] == "sp-00092")
        html = client.get(f"/doc/{question['id']}").get_data(as_text=True)
        href, text = _links(html)["next"]
        assert text == "Tour suivant : Maria Minna ›"
        answer = client.get(href).get_data(as_text=True)
        assert "ministre de la Cooperation internationale" in answer
        assert "cette information maintenant" in unescape(answer)
    finally:
        close_catalog(app)


def test_a_file_of_more_statements_than_a_sitting_holds_is_not_ordered(client, monkeypatch):
    """Ordering a file's statements reads each one: past MAX_FILE_RECORDS (5,000; the
    longest sitting of the shared corpus holds about 1,500 turns) the page goes without."""
    import indexer.whoosh_engine

    monkeypatch.setattr(indexer.whoosh_engine, "MAX_FILE_RECORDS", 9)
    hit = client.get("/api/search?kind=débat").get_json()["results"][0]
    assert client.get(f"/api/doc/{hit['id']}").get_json()["turns"] is None
    assert "de la séance" not in client.get(f"/doc/{hit['id']}").get_data(as_text=True)
