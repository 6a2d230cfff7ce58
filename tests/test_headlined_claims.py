"""A quotation pasted as a press headline or a post frames who said it, with no verb of
speech and often no colon (indexer.intent `_HEADLINED`, `_STANCE`).

« Clément Beaune tacle « … » », « La présidente de la FRV raille « … » », « X étrille le
gouvernement : « … » », « « … » : X recadre la majorité », « « … », la réponse cinglante de
X »: the words between the marks were found word for word (verify looks at them when the line
whole is not), but who said it was not read, so the journalist was not told whether the
source gives them that person's words. Now the note says so. With no colon, only the press's
verbs of stance are read (« Macron réforme « … » » stays keywords), and the words between the
marks must read as a sentence (« Macron fustige « séparatisme » » stays keywords). On the demo
corpus (the FRV's reaction to the « plan eau », 2 February 2024) and the shared corpus.
"""

from __future__ import annotations

import pytest

from indexer.intent import pasted_claim, read_intent
from tests.conftest import verify_json as verify

PLAN = "« Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser »"
WORDS = PLAN.strip("« »")
HERS = ("Ce sont bien les mots de Claire Aubertin selon la source.",
        "Ce sont bien les mots d'Aubertin selon la source.")



@pytest.mark.parametrize("pasted", [
    f"Claire Aubertin tacle {PLAN}",
    f"Aubertin fustige {PLAN}",
    f"Claire Aubertin étrille le gouvernement : {PLAN}",
    f"Aubertin recadre Bruxelles : {PLAN}",
    f"Claire Aubertin persiste et signe : {PLAN}",
    f"Claire Aubertin sort de sa réserve : {PLAN}",
    f"{PLAN} : Aubertin recadre la majorité",
    f"{PLAN}, la réponse cinglante de Claire Aubertin",
    f"{PLAN} : le coup de gueule de Claire Aubertin",
    f"Retraites : Claire Aubertin tacle {PLAN}",
    f"VIDÉO. Claire Aubertin défend {PLAN}",
    f"Claire Aubertin (FRV) tacle {PLAN}",  # the party or the body between brackets
])
def test_who_said_it_as_a_headline_frames_it(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"] in HERS


FUNCTION = ("Ce sont bien les mots de la présidente de la FRV, Claire Aubertin, selon la "
            "source.")
BODY = ("Ce sont bien des mots de Fédération des Rivières Vivantes : la source les donne à "
        "Claire Aubertin, présidente de la FRV.")


@pytest.mark.parametrize("pasted, note", [
    (f"La présidente de la FRV raille {PLAN}", FUNCTION),
    # the function was « la présidente de la FRV charge le gouvernement »
    (f"La présidente de la FRV charge le gouvernement : {PLAN}", FUNCTION),
    (f"{PLAN}, la mise en garde de la présidente de la FRV", FUNCTION),
    # the organisation's name ran into the verb (« … Vivantes recadre le gouvernement »)
    (f"Fédération des Rivières Vivantes recadre le gouvernement : {PLAN}", BODY),
    (f"{PLAN} : Fédération des Rivières Vivantes interpelle l'État", BODY),
])
def test_a_function_or_a_body_heading_the_headline(demo_index_shared, pasted, note):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"] == note


def test_the_verifier_page_and_the_api_say_whose_words(demo_client):
    pasted = f"Marlène Schiappa fustige {PLAN}"
    page = demo_client.post("/verifier", data={"q": pasted}).get_data(as_text=True)
    assert "Vous donnez ces mots à Marlène Schiappa" in page
    data = demo_client.get("/api/verify",
                           query_string={"q": f"Claire Aubertin tacle {PLAN}"}).get_json()
    assert data["verdict"] == "exact"
    assert data["note"] == HERS[0]


def test_a_headline_on_the_shared_corpus(shared_index):
    # Clément Beaune, France 2, 3 November 2020 (his answer, « R - »): « il y a une règle d'or
    # qui je crois est très saine, entre pays démocratiques, alliés et amis, c'est que l'on ne
    # choisit pas les dirigeants »
    said = ("« Il y a une règle d'or qui je crois est très saine, entre pays démocratiques, "
            "alliés et amis, c'est que l'on ne choisit pas les dirigeants »")
    found = verify(shared_index[0], f"Clément Beaune tacle {said}")
    assert found["verdict"] == "exact"
    assert found["note"] == "Ce sont bien les mots de Clément Beaune selon la source."
    found = verify(shared_index[0], f"{said}, la réponse cinglante de Marlène Schiappa")
    assert found["note"].startswith("Vous donnez ces mots à Marlène Schiappa : la source les "
                                    "donne à Clément Beaune")


# (« Macron réforme « … » », a name, a word and a quoted phrase, stays keywords unless the
# index knows the name as a speaker's: tests/test_named_first_claims.py)
@pytest.mark.parametrize("typed", [
    "Macron laïcité « séparatisme »",
    "Macron fustige « séparatisme »",  # a word quoted, no sentence: keywords
    "« séparatisme » : le discours de Macron",
])
def test_keywords_around_a_quoted_phrase_stay_keywords(typed):
    assert pasted_claim(typed) is None
    assert read_intent(typed).q == typed


@pytest.mark.parametrize("pasted", [
    "Comité de soutien à Antoine Deltour déplore : « Nous ferons le point sur les actions »",
    "Comité de soutien à Antoine Deltour recadre le gouvernement : « Nous ferons le point »",
])
def test_an_organisation_s_name_ends_before_the_verb(pasted):
    # was « Comité de soutien à Antoine Deltour déplore » (its name run into the verb), then
    # « Comité de soutien » speaking « à Antoine Deltour »
    assert pasted_claim(pasted)[0] == "Comité de soutien à Antoine Deltour"
