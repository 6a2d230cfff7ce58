"""A journalist who asks who said words, or names the phrase, marked or not: `verify` and the
search box read the question alike (indexer.intent `asked`).

« qui a dit veuillez écouter Mme la ministre, s'il vous plaît » was « Proche » in `verbatim
verify`: the search box took « qui a dit » off an unmarked line, `verify` compared it as the
quotation's first words. « De qui est cette phrase : « … » ? », « D'où vient la phrase
« … » ? » were searched with the question's words, and « La phrase de X « … » » gave the
words to X without the note saying whether the source does. Now one function reads the
question for both; a guess (« Qui a dit, X ou Y, « … » ? ») gives the words to nobody. On the
demo corpus (the FRV's reaction to the « plan eau », 2 February 2024: Claire Aubertin's words;
the open letter on the Vère, 18 June 2025: Denis Carrel's) and the shared corpus (a
sitting of the Assemblée's debate on marriage for all, January 2013).
"""

from __future__ import annotations

import pytest

from indexer.intent import asked, pasted_claim, read_intent
from tests.conftest import verify_json as verify

WORDS = "Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser"
LOWERED = "un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser"
CLAIMS = ("Ce sont bien les mots", "Vous donnez ces mots")
HERS = ("Ce sont bien les mots de Claire Aubertin selon la source.",
        "Ce sont bien les mots d'Aubertin selon la source.")

QUESTIONS = [
    f"qui a dit {LOWERED}",
    f"Qui a dit {WORDS} ?",
    f"c'est qui qui a dit {LOWERED}",
    f"qui a dit : {LOWERED}",
    f"De qui est la citation {LOWERED} ?",
    f"Qui a dit « {WORDS} » ?",
    f'qui a dit : "{WORDS}"',
    f"De qui est cette phrase : « {WORDS} » ?",
    f"Qui est l'auteur de la citation « {WORDS} »",
    f"D'où vient la phrase « {WORDS} » ?",
]



@pytest.mark.parametrize("question", QUESTIONS)
def test_the_words_asked_about_are_checked_alone(demo_index_shared, question):
    found = verify(demo_index_shared, question)
    assert found["verdict"] == "exact"
    assert not any(claim in (found["note"] or "") for claim in CLAIMS)


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_search_box_reads_the_question_as_verify_does(demo_client, question):
    answer = demo_client.get("/api/search", query_string={"q": question}).get_json()
    first = answer["results"][0]
    assert first["passage"]["verdict"] == "exact"
    assert first["passage"]["text"].startswith("Un plan sans calendrier")
    assert not answer.get("passage_absent")


@pytest.mark.parametrize("guess", [
    f"Qui a dit, Denis Carrel ou Claire Aubertin, « {WORDS} » ?",
    f"qui a dit {LOWERED}, Carrel ou Aubertin ?",
    f"Qui a dit « {WORDS} », Carrel, Benhaddou ou Aubertin ?",
    f"Qui a dit, la Fédération des Rivières Vivantes ou Denis Carrel, « {WORDS} » ?",
])
def test_a_guess_of_two_names_gives_the_words_to_neither(demo_index_shared, guess):
    found = verify(demo_index_shared, guess)
    assert found["verdict"] == "exact"
    assert not any(claim in (found["note"] or "") for claim in CLAIMS)
    assert read_intent(guess).author is None


@pytest.mark.parametrize("named", [
    f"La phrase d'Aubertin « {WORDS} »",
    f"La phrase qu'a prononcée Claire Aubertin : « {WORDS} »",
    f"la petite phrase de Claire Aubertin sur le plan eau : « {WORDS} »",
])
def test_the_phrase_named_as_someone_s_is_checked_against_the_source(demo_index_shared, named):
    found = verify(demo_index_shared, named)
    assert found["verdict"] == "exact"
    assert found["note"] in HERS


def test_the_phrase_named_as_another_s_is_told_so(demo_index_shared):
    found = verify(demo_index_shared, f"La phrase de Denis Carrel « {WORDS} »")
    assert found["verdict"] == "exact"
    assert found["note"].startswith("Vous donnez ces mots à Denis Carrel : la source les "
                                    "donne à Claire Aubertin")


def test_the_verifier_page_and_its_api_answer_the_question(demo_client):
    question = f"qui a dit {LOWERED}"
    page = demo_client.get("/verifier", query_string={"q": question})
    assert page.status_code == 200
    assert "mot pour mot" in page.get_data(as_text=True)
    api = demo_client.post("/api/verify", json={"quotes": [question, f"La phrase de Denis Carrel "
                                                                f"« {WORDS} »"]})
    asked_about, named = api.get_json()["results"]
    assert asked_about["verdict"] == named["verdict"] == "exact"
    assert asked_about["note"] is None
    assert named["note"].startswith("Vous donnez ces mots à Denis Carrel")


def test_one_reading_for_the_search_and_verify():
    # the words the search looks up are those verify compares, whoever the line names
    for line in [*QUESTIONS, f"Qui a dit, Carrel ou Aubertin, « {WORDS} » ?",
                 f"La phrase d'Aubertin « {WORDS} »"]:
        who, words = pasted_claim(line)
        intent = read_intent(line)
        assert (intent.q, intent.author, intent.said) == (words, who, True)
        assert words in (WORDS, LOWERED)
    # « qui a dit que … » unmarked: words reported, their tenses perhaps changed
    assert read_intent("qui a dit que le plan n'était qu'une promesse").reported
    assert not read_intent(f"qui a dit que « {WORDS} »").reported


@pytest.mark.parametrize("typed", [
    f"{WORDS}, Carrel ou Aubertin ?",  # no question asked: a guess alone is no reading
    "qui a dit speaker:Aubertin plan",  # typed syntax means what it says
    "la phrase de trop",  # no words between marks after the phrase named
])
def test_lines_that_ask_nothing_are_not_read_as_a_question(typed):
    assert asked(typed) is None


def test_an_unmarked_question_on_the_shared_corpus(shared_index):
    # the Assemblée's debate of 29 January 2013 (`20130118.xml`): the words as said, asked
    found = verify(shared_index[0], "qui a dit nous proclamons par ce texte l'égalité de tous "
                                    "les couples, de toutes les familles")
    assert found["verdict"] == "exact"
    assert found["passage"].startswith("Nous proclamons par ce texte")
