"""A press headline opening on a rubric — a topic or a label — before who said the words:
« Retraites : Macron « … » », « Covid-19 : Véran « … » », « Europe. Barnier : « … » »,
« INTERVIEW. Le Maire : « … » », « VIDÉO - Castex : « … » », « Brexit : pour Michel Barnier,
« … » » (indexer.intent `split_rubric_claim`, read by the search box, `verify`, /verifier and
/api/verify alike). The claimed speaker is the name after the rubric; the rubric is not who said
the words, nor a word to look up with them.

Before, the rubric was taken for who said them (« Vous donnez ces mots à Retraites : la source
les donne à Christiane Taubira »), and the name after it for the quotation's first word (the
words compared were « Macron « Il faut … » »). A phrase named as someone's is read the same way
unmarked after a colon (« La phrase de Macron : il faut … »), and named after a speaker whose
name holds small words (« La phrase de Sommet de la zone euro « … » », which the search box
opened on a false « Aucun document ne contient ce passage »).

On the demo corpus: the federation's reaction to the water plan (2 February 2024), Claire
Aubertin's « Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser », and
the open letter to the prefects on the Vère (18 June 2025), where Denis Carrel « témoigne ».
The last tests read the shared corpus's index (skipped when absent).
"""

from __future__ import annotations

import pytest

from indexer.intent import pasted_claim, read_intent
from indexer.search import SearchRequest, search
from tests.conftest import verify_json as verify

VERE = "nous avons vu la Vère couper à Montclair dès le 14 juillet"
PLAN = "Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser"
CONFIRMED = ("Ce sont bien les mots de Claire Aubertin selon la source.",
             "Ce sont bien les mots d'Aubertin selon la source.")


@pytest.mark.parametrize("headline", [
    f"Sécheresse : Aubertin « {PLAN} »",
    f"Plan eau : Claire Aubertin « {PLAN} »",
    f"Guerre de l'eau : Aubertin « {PLAN} »",
    f"Environnement. Aubertin : « {PLAN} »",
    f"INTERVIEW. Claire Aubertin : « {PLAN} »",
    f"VIDÉO - Aubertin : “{PLAN}”",
    f"Sécheresse : pour Claire Aubertin, « {PLAN} »",
])
def test_the_name_after_the_rubric_said_the_words(demo_index_shared, headline):
    found = verify(demo_index_shared, headline)
    assert found["verdict"] == "exact"
    assert found["passage"].replace("’", "'") == PLAN
    assert found["note"] in CONFIRMED


def test_the_name_after_the_rubric_is_compared_with_the_source(demo_index_shared):
    found = verify(demo_index_shared, f"Sécheresse : Claire Aubertin « {VERE} »")
    assert found["verdict"] == "exact"
    assert found["note"] == ("Vous donnez ces mots à Claire Aubertin : la source les donne à "
                             "Denis Carrel.")


def test_the_rubric_is_not_looked_up_with_the_words():
    intent = read_intent(f"Sécheresse : Aubertin « {PLAN} »")
    assert (intent.q, intent.author, intent.said) == (PLAN, "Aubertin", True)
    assert intent.speakers == [["aubertin"]]


@pytest.mark.parametrize("line, claim", [
    # the author heading the line, a colon, the words: no name after it, no rubric
    (f"Claire Aubertin : « {PLAN} »", ("Claire Aubertin", PLAN)),
    # a colon inside the quotation
    ("Aubertin : « Deux choses : un plan sans calendrier, une promesse »",
     ("Aubertin", "Deux choses : un plan sans calendrier, une promesse")),
    # an initial, a civility before the name: no rubric
    ("J. Bernard Boudreau : « Le problème exige du temps et un engagement »",
     ("J. Bernard Boudreau", "Le problème exige du temps et un engagement")),
])
def test_an_author_heading_the_line_is_read_as_before(line, claim):
    assert pasted_claim(line) == claim


@pytest.mark.parametrize("line", [
    "LuxLeaks : Antoine Deltour condamné en appel",  # keywords
    "Retraites : Macron « réforme »",  # a name and a keyword quoted
])
def test_keywords_after_a_rubric_stay_keywords(line):
    assert pasted_claim(line) is None


@pytest.mark.parametrize("line", [
    f"La phrase de Denis Carrel : {VERE}",
    f"la citation de Carrel : {VERE}",
    f"Les mots de Denis Carrel : {VERE}",
])
def test_a_phrase_named_as_someone_s_unmarked(demo_index_shared, line):
    found = verify(demo_index_shared, line)
    assert found["verdict"] == "exact"
    assert found["passage"].lower() == VERE.lower()
    assert found["note"] in ("Ce sont bien les mots de Denis Carrel selon la source.",
                             "Ce sont bien les mots de Carrel selon la source.")


def test_a_phrase_named_as_the_wrong_person_s_unmarked(demo_index_shared):
    found = verify(demo_index_shared, f"La phrase de Claire Aubertin : {VERE}")
    assert found["note"] == ("Vous donnez ces mots à Claire Aubertin : la source les donne à "
                             "Denis Carrel.")


def test_the_page_the_api_and_the_search_box_answer_alike(demo_client):
    headline = f"Sécheresse : Denis Carrel « {VERE} »"
    page = demo_client.post("/verifier", data={"q": headline}).get_data(as_text=True)
    assert "Ce sont bien les mots de Denis Carrel selon la source." in page
    data = demo_client.get("/api/verify", query_string={"q": headline}).get_json()
    assert data["verdict"] == "exact"
    assert data["note"] == "Ce sont bien les mots de Denis Carrel selon la source."
    first = demo_client.get("/api/search", query_string={"q": headline}).get_json()["results"][0]
    assert first["passage"]["verdict"] == "exact"
    assert first["passage"]["note"] == "Ce sont bien les mots de Denis Carrel selon la source."


DARMANIN = "nous sommes en guerre contre cette idéologie islamiste"


def test_a_rubric_before_a_minister_on_the_shared_corpus(shared_index):
    # Gérald Darmanin on RTL, 30 October 2020 (vie-publique)
    found = verify(shared_index[0], f"Sécurité : Darmanin « {DARMANIN} »")
    assert found["verdict"] == "exact"
    assert found["title"].startswith("Interview de M. Gérald Darmanin")
    assert found["note"] == "Ce sont bien les mots de Darmanin selon la source."


ZONE_EURO = "notre prochaine réunion, nous examinerons les progrès réalisés"


def test_a_phrase_named_as_a_body_s_whose_name_holds_small_words(shared_index, shared_catalog):
    # the euro summit's declaration of 24 March 2023 (vie-publique)
    line = f"La phrase de Sommet de la zone euro « {ZONE_EURO} »"
    answer = search(shared_catalog, SearchRequest(q=line))
    assert not answer.passage_absent
    assert answer.hits[0]["passage"]["verdict"] == "exact"
    assert answer.hits[0]["passage"]["note"] == ("Ce sont bien les mots de Sommet de la zone "
                                                 "euro selon la source.")


def test_a_body_heading_the_line_is_no_rubric_on_the_shared_corpus(shared_index):
    found = verify(shared_index[0], f"Sommet de la zone euro : « {ZONE_EURO} »")
    assert found["verdict"] == "exact"
    assert found["note"] == "Ce sont bien les mots de Sommet de la zone euro selon la source."
