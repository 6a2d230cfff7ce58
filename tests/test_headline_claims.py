"""A quotation pasted as a headline or a lead prints it: the name, then a verb in the present
(indexer.intent `_CLAIMS`: `_HEADLINE`, `_PRESENT`).

« Claire Aubertin dénonce : « … » », « Aubertin s'inquiète : « … » », « Claire Aubertin
regrette que « … » » were read as keywords: the name and the verb aligned among the words
(« Proche »), and no word of who said it. Now the words are compared alone and the note says
whose they are. Before a colon or « que » any verb in the third person of the present is read
so; with nothing between it and the words, only a reflexive verb or a verb of speech (« X
dénonce « … » »), since keywords may put a word between a name and a quoted phrase. On the
demo corpus (the FRV's reaction to the « plan eau », 2 February 2024).
"""

from __future__ import annotations

import pytest

from indexer.intent import split_claim
from tests.conftest import verify_json as verify

PLAN = "« Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser »"
WORDS = PLAN.strip("« »")


@pytest.mark.parametrize("pasted", [
    f"Claire Aubertin dénonce : {PLAN}",
    f"Aubertin fustige : {PLAN}",
    f"Claire Aubertin s'inquiète : {PLAN}",
    f"Aubertin se félicite {PLAN}",
    f"Claire Aubertin regrette que {PLAN}",
    f"Claire Aubertin met en garde : {PLAN}",
    f"Aubertin dénonce {PLAN}",
    f"Claire Aubertin, présidente de la FRV, dénonce : {PLAN}",
])
def test_the_name_then_a_verb_in_the_present(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"] in ("Ce sont bien les mots de Claire Aubertin selon la source.",
                             "Ce sont bien les mots d'Aubertin selon la source.")


def test_a_function_then_a_verb_in_the_present(demo_index_shared):
    found = verify(demo_index_shared, f"La présidente de la FRV regrette : {PLAN}")
    assert found["verdict"] == "exact"
    assert found["note"] == ("Ce sont bien les mots de la présidente de la FRV, Claire "
                             "Aubertin, selon la source.")


@pytest.mark.parametrize("pasted", [
    f"Malik Benhaddou déplore : {PLAN}",
    f"Malik Benhaddou tacle {PLAN}",  # a verb of stance, no colon (tests/test_headlined_claims.py)
])
def test_the_wrong_person_is_told_so(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"].startswith("Vous donnez ces mots à Malik Benhaddou : la source les "
                                    "donne à Claire Aubertin")


@pytest.mark.parametrize("typed, who", [
    # a verb ending a function's or an organisation's name is not read as the headline's
    (f"La ministre de la Culture regrette : {PLAN}", "la ministre de la Culture"),
    (f"Union pour un mouvement populaire : {PLAN}", "Union pour un mouvement populaire"),
    (f"Le ministre de l'Économie sociale : {PLAN}", "le ministre de l'Économie sociale"),
])
def test_where_the_name_ends(typed, who):
    assert split_claim(typed) == (who, WORDS)


@pytest.mark.parametrize("typed", [
    f"Macron réforme {PLAN}",  # a name, a word and a quoted phrase: keywords
    f"Aubertin barrage {PLAN}",
    f"Aubertin retraites : {PLAN}",  # no third person of the present before the colon
])
def test_keywords_before_a_quotation_stay_keywords(typed):
    assert split_claim(typed) is None
