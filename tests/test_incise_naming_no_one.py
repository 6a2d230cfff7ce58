"""An incise naming no one between two parts of a quotation (« …, a-t-elle ajouté, … ») is
not words said (indexer.intent, `_MID_INCISE`).

Session 42 read the incise that names its author between two parts of the words (« …, a
déclaré Claire Aubertin, … ») and the nameless one at the end (« …, a-t-il ajouté »); the
nameless one in the middle was compared as words: « Nous ne réclamons pas moins de protection,
a-t-elle ajouté, nous réclamons une protection intelligente » was « Proche, à 75 % », « vous
avez écrit « a-t-elle ajouté », absent du texte ». Now it is word for word, in the search box
and in `verify`, and the source's own attribution is given (Sophie Lemaire-Dufour, demo).
"""

from __future__ import annotations

import pytest

from indexer.intent import pasted_claim
from tests.conftest import verify_json as verify

SAID = "Nous ne réclamons pas moins de protection, nous réclamons une protection intelligente"


@pytest.mark.parametrize("pasted", [
    "« Nous ne réclamons pas moins de protection, a-t-elle ajouté, nous réclamons une "
    "protection intelligente »",
    "Nous ne réclamons pas moins de protection, ajoute-t-elle. Nous réclamons une protection "
    "intelligente",
    "« Nous ne réclamons pas moins de protection », a-t-elle ajouté. « Nous réclamons une "
    "protection intelligente »",
])
def test_a_nameless_incise_is_not_compared_as_words(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["passage"] == SAID
    assert found["quote_speaker"]["name"] == "Sophie Lemaire-Dufour"


def test_the_nameless_incise_gives_no_one_to_check_against():
    who, words = pasted_claim("Nous ne réclamons pas moins de protection, a-t-elle ajouté, "
                              "nous réclamons une protection intelligente")
    assert who is None
    assert "ajouté" not in words


def test_words_going_on_after_a_named_subject_are_not_an_incise():
    # « a-t-il » is an incise only before a verb of speech
    assert pasted_claim("Le déficit, selon Bruxelles, dépassera 5 % du PIB l'an prochain") is None
    assert pasted_claim("Les agriculteurs, a-t-il des moyens pour irriguer leurs champs") is None


def test_the_search_box_finds_the_passage_word_for_word(demo_index_shared):
    from click.testing import CliRunner

    from indexer.cli import main

    result = CliRunner().invoke(main, ["search", "--index", str(demo_index_shared),
                                       "« Nous ne réclamons pas moins de protection, a-t-elle "
                                       "ajouté, nous réclamons une protection intelligente »"])
    assert result.exit_code == 0, result.output
    assert "Crues de l’Orbize" in result.output.split("\n2.")[0]
    assert "mot pour mot" in result.output.split("\n2.")[0]
