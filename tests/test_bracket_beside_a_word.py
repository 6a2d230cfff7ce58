"""An editor's bracket standing for a pronoun at the opening of a quotation, or beside a lone
word, is a cut that says what it stands for (indexer.passages, `_align_words`).

The press clarifies a pronoun between square brackets: « [Julien Marchetti] a rendu publiques
des données … » where Claire Aubertin said « Il a rendu publiques … ». Session 42 read a
bracket between two stretches of words; a bracket opening the quotation was dropped without a
word (the passage began at « a rendu »), and one beside a lone word (« Un [salarié] qui
protège … ») was aligned as a difference: « Proche, à 86 % », « le texte ajoute « lanceur
d'alerte » ». Now both are word for word and the page says what the bracket stands for. Only a
pronoun or a demonstrative and its noun is said to be what a leading bracket stands for: a
longer subject is not guessed at.
"""

from __future__ import annotations

import pytest

from indexer.passages import align, query_words
from tests.conftest import verify_json as verify


def cuts(found: dict) -> list[tuple[str, str]]:
    return [(op["typed"], op["source"]) for op in found["diff"] if op["op"] == "cut"]


def test_a_leading_bracket_stands_for_the_pronoun(demo_index_shared):
    # « Julien Marchetti n'a rien volé. Il a rendu publiques des données qui appartiennent
    # aux habitants, … », a déclaré Claire Aubertin
    found = verify(demo_index_shared, "« [Julien Marchetti] a rendu publiques des données qui "
                                      "appartiennent aux habitants »")
    assert found["verdict"] == "exact"
    assert found["passage"].startswith("Il a rendu publiques")
    assert cuts(found) == [("[Julien Marchetti]", "Il")]


def test_a_bracket_beside_a_lone_word_stands_for_its_words(demo_index_shared):
    # « Un lanceur d'alerte qui protège la santé de 19 000 personnes mérite d'être remercié,
    # pas licencié. »
    found = verify(demo_index_shared, "« Un [salarié] qui protège la santé de 19 000 personnes "
                                      "mérite d'être remercié, pas licencié »")
    assert found["verdict"] == "exact"
    assert cuts(found) == [("[salarié]", "lanceur d'alerte")]


def test_the_verify_page_says_what_the_leading_bracket_stands_for(demo_client):
    page = demo_client.get("/verifier", query_string={
        "q": "« [Julien Marchetti] a rendu publiques des données qui appartiennent aux "
             "habitants »"})
    assert page.status_code == 200
    assert "mot pour mot" in page.text
    assert "la place de" in page.text and "Julien Marchetti" in page.text


def test_a_leading_bracket_on_the_shared_corpus(shared_index):
    # Olivier Véran, BFMTV, 27 March 2023: « D'abord on rappelle qu'on a toujours réussi à le
    # faire, sauf sur le budget et sur le texte des retraites »
    found = verify(shared_index[0], "« [Le gouvernement] a toujours réussi à le faire, sauf sur "
                                    "le budget et sur le texte des retraites »")
    assert found["verdict"] == "exact"
    assert found["passage"].startswith("on a toujours réussi à le faire")
    assert cuts(found) == [("[Le gouvernement]", "on")]


@pytest.mark.parametrize("source, said", [
    ("Cette réforme a toujours réussi à le faire, sauf sur le budget.", "Cette réforme"),
    ("Le ministre l'a rappelé. Il a toujours réussi à le faire, sauf sur le budget.", "Il"),
    ("Le ministre Jean Dupont a toujours réussi à le faire, sauf sur le budget.", None),
    ("Le Premier ministre de la France a toujours réussi à le faire, sauf sur le budget.", None),
])
def test_a_leading_bracket_stands_for_a_pronoun_or_a_demonstrative_only(source, said):
    typed = "[Le gouvernement] a toujours réussi à le faire, sauf sur le budget"
    found = align(query_words(typed), typed, source)
    assert found.verdict == "exact"
    marked = [op["source"] for op in found.diff if op["op"] == "cut"]
    assert marked == ([said] if said else [])
