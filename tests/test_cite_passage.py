"""« Citer ce passage »: a document page opened on a passage (from a verdict, a search, a
genealogy) offers the passage as a line to copy, with who said those words — the guest, a
quotation's author, or the journalist asking —, kind, date and place, and the link back to
the passage. Over real interviews and a tribune of the shared corpus, through Flask."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.conftest import web_client


@pytest.fixture(scope="module")
def index_dir(shared_index):
    """The run's index of the shared corpus (its interviews and tribunes): only read."""
    return shared_index[0]


@pytest.fixture
def client(index_dir):
    yield from web_client(index_dir)


def cited(client, words: str) -> str:
    """The « Ce passage » line of the page a verdict on `words` links to."""
    verdict = client.get("/api/verify", query_string={"q": words}).get_json()
    page = client.get(verdict["url"].replace("http://localhost", "")).get_data(as_text=True)
    return unescape(re.search(r'id="cite-passage-text"[^>]*>([^<]+)<', page).group(1))


def test_a_guests_answer_is_cited_under_the_guests_name(client):
    line = cited(client, "Non, parce que nous pensons qu'en l'état, nous n'avons pas assez de "
                         "garanties")
    assert line.startswith("«\u00a0Non, parce que nous pensons qu'en l'état, nous n'avons pas "
                           "assez de garanties\u00a0» — Franck Riester, ministre du commerce "
                           "extérieur et de l'attractivité, Entretien, 21 septembre 2020.")
    assert re.search(r"Source\u00a0: http://localhost/doc/\w+\?passage=\d+-\d+#passage$", line)


def test_a_journalists_question_is_cited_as_the_journalists(client):
    line = cited(client, "Le président de la République, bon, il les a un peu moqués, il les "
                         "a traités d'amish")
    assert "» — Jean-Paul Chapel, interrogeant Agnès Pannier-Runacher, Interview, " \
           "16 septembre 2020." in line


def test_a_quotation_in_a_tribune_is_cited_under_its_author(client):
    line = cited(client, "une opportunité et une responsabilité politique pour être à la "
                         "tâche dès maintenant")
    assert "» — Pierre Moscovici, commissaire européen aux affaires économiques et " \
           "financières, Tribune, 10 mars 2015." in line


def test_without_a_passage_there_is_nothing_to_cite_but_the_document(client):
    verdict = client.get("/api/verify", query_string={"q": "nous n'avons pas assez de "
                                                            "garanties sur le Mercosur"})
    page = client.get(f"/doc/{verdict.get_json()['document_id']}").get_data(as_text=True)
    assert "cite-passage" not in page and "Référence du document" in page
