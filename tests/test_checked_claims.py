"""A journalist checks an attribution by asking yes or no: « Est-ce que Claire Aubertin a dit
« … » ? », « C'est Denis Carrel qui a dit … ? », « Est-il vrai que X a déclaré : « … » ? »,
« X a-t-elle vraiment dit « … » ? » (indexer.intent `_checked`, read by `asked` for the search
box and `verify` alike). The words are checked alone, and the note says whether the source gives
them to that person.

Before, the question was no claim: the words between marks were found but no note answered the
question, and unmarked (« C'est Denis Carrel qui a dit nous avons vu la Vère couper … ? ») the
question's words were compared as the quotation's (« Proche (à 67 %) »). On the demo corpus: the
open letter to the prefects on the Vère (18 June 2025), where Denis Carrel « témoigne », and the
federation's reaction to the water plan (2 February 2024), Claire Aubertin's « Un plan sans
calendrier, c'est une promesse qu'on pourra toujours repousser ».
"""

from __future__ import annotations

import pytest

from tests.conftest import verify_json as verify

VERE = "nous avons vu la Vère couper à Montclair dès le 14 juillet"
PLAN = "Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser"


@pytest.mark.parametrize("question", [
    f"Est-ce que Claire Aubertin a dit « {PLAN} » ?",
    f"est-ce qu'Aubertin a vraiment dit : « {PLAN} » ?",
    f"Est-il vrai que Claire Aubertin a déclaré : « {PLAN} » ?",
    f"Claire Aubertin a-t-elle vraiment dit « {PLAN} » ?",
    f"C'est Aubertin qui a dit {PLAN.lower()} ?",
])
def test_the_question_is_answered_yes(demo_index_shared, question):
    found = verify(demo_index_shared, question)
    assert found["verdict"] == "exact"
    assert found["note"] in ("Ce sont bien les mots de Claire Aubertin selon la source.",
                             "Ce sont bien les mots d'Aubertin selon la source.")


def test_the_question_naming_the_wrong_person_is_answered_no(demo_index_shared):
    found = verify(demo_index_shared, f"Est-ce que Claire Aubertin a dit « {VERE} » ?")
    assert found["verdict"] == "exact"
    assert found["note"] == ("Vous donnez ces mots à Claire Aubertin : la source les donne à "
                             "Denis Carrel.")


def test_unmarked_words_are_compared_without_the_question(demo_index_shared):
    found = verify(demo_index_shared, f"C'est Denis Carrel qui a dit {VERE} ?")
    assert found["verdict"] == "exact"
    assert found["note"] == "Ce sont bien les mots de Denis Carrel selon la source."


@pytest.mark.parametrize("line", [
    f"Claire Aubertin a dit « {PLAN} »",  # a claim, read as before (no question)
    f"C'est Claire Aubertin « {PLAN} »",  # no verb of speech: keywords and a quotation
])
def test_lines_that_ask_nothing_are_read_as_before(demo_index_shared, line):
    from indexer.intent import asked

    assert asked(line) is None


def test_the_page_the_api_and_the_search_box_answer_alike(demo_client):
    question = f"Est-ce que Denis Carrel a dit « {VERE} » ?"
    page = demo_client.post("/verifier", data={"q": question}).get_data(as_text=True)
    assert "Ce sont bien les mots de Denis Carrel selon la source." in page
    data = demo_client.get("/api/verify", query_string={"q": question}).get_json()
    assert data["verdict"] == "exact"
    first = demo_client.get("/api/search", query_string={"q": question}).get_json()["results"][0]
    assert first["passage"]["verdict"] == "exact"
    assert first["passage"]["note"] == "Ce sont bien les mots de Denis Carrel selon la source."
