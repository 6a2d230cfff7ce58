"""Every page's work bounded by its time budget, whatever it is asked, and what it could not
do said in one line: the searched words marked in a long statement, the candidates a
genealogy aligns with a long pasted passage; an export or a feed says what its address held
that was not understood, as the search page does, rather than drop it silently.

The budget is set to zero where a test needs it to run out (every cut certain); nothing is
timed.
"""

from __future__ import annotations

import csv
import io
import shutil

import pytest

from indexer import budget
from tests.conftest import web_client
from webapp.docview import MARKING_CUT

# a passage of the demo corpus that several statements share: more than one candidate to align
SHARED_PASSAGE = ("Chaque territoire devra réduire de 10 % ses prélèvements d'ici 2030, sans "
                  "exception")
BAD_DATE = "Date non comprise (début : « 2016-02-30 »)"


@pytest.fixture
def client(demo_index_shared, tmp_path):
    yield from web_client(shutil.copytree(demo_index_shared, tmp_path / "index"))


def _no_budget(monkeypatch) -> None:
    monkeypatch.setattr(budget, "SEARCH_SECONDS", 0.0)
    monkeypatch.setattr(budget, "REQUEST_SECONDS", 0.0)


def test_a_statement_past_its_budget_is_shown_whole_its_words_unmarked(client, monkeypatch):
    doc_id = client.get("/api/search?q=rivi%C3%A8re").get_json()["results"][0]["id"]
    roomy = client.get(f"/doc/{doc_id}?q=rivi%C3%A8re").get_data(as_text=True)
    assert "<mark>" in roomy and MARKING_CUT not in roomy
    _no_budget(monkeypatch)
    page = client.get(f"/doc/{doc_id}?q=rivi%C3%A8re")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert MARKING_CUT in html and "<mark>" not in html
    # the text itself is all there: only the marks were left out
    text = client.get(f"/api/doc/{doc_id}").get_json()["text"]
    last_words = text.split()[-3:]
    assert all(word.replace("'", "&#39;") in html for word in last_words)


def test_a_genealogy_past_its_budget_says_its_candidates_were_not_all_aligned(client,
                                                                             monkeypatch):
    roomy = client.get("/api/genealogy", query_string={"q": SHARED_PASSAGE}).get_json()
    assert roomy["notes"] == [] and len(roomy["occurrences"]) > 1
    _no_budget(monkeypatch)
    cut = client.get("/api/genealogy", query_string={"q": SHARED_PASSAGE}).get_json()
    assert cut["notes"] == [budget.INTERRUPTED]
    assert cut["occurrences"]  # the best candidate aligned, whatever the budget
    page = client.get("/genealogie", query_string={"q": SHARED_PASSAGE})
    assert page.status_code == 200
    assert "Recherche interrompue" in page.get_data(as_text=True)


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_an_export_says_what_its_address_held_that_was_ignored(client):
    rows = _rows(client.get("/export.csv?q=rivi%C3%A8re&from=2016-02-30"))
    assert rows[-1][1].startswith(BAD_DATE)
    assert len(rows) > 2  # the results, the date filter ignored
    many = "&".join(f"speaker=Personne+{n}" for n in range(1000))
    rows = _rows(client.get(f"/export.csv?{many}"))
    assert rows[-1][1] == "Trop de valeurs pour « speaker » : 20 gardées."
    assert _rows(client.get("/export.csv?q=rivi%C3%A8re"))[-1][1] != ""  # a result's title
    points = _rows(client.get("/elements-de-langage.csv?from=2016-02-30"))
    assert points[-1][0].startswith("Date non comprise (« 2016-02-30 »)")


def test_a_feed_says_what_its_address_held_that_was_ignored(client):
    feed = client.get("/feed.atom?q=rivi%C3%A8re&to=hier").get_data(as_text=True)
    assert "<subtitle>Date non comprise (fin : « hier »)" in feed
    assert "<entry>" in feed
    assert "<subtitle>" not in client.get("/feed.atom?q=rivi%C3%A8re").get_data(as_text=True)
