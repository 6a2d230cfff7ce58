"""A quotation typed in a hurry right after who said it, nothing between them, as the search
box gets it (indexer.intent `split_bare_claim`; indexer.verify keeping the bare reading only
when the words alone are found word for word).

« Denis Carrel nous avons vu la Vère couper à Montclair … » was aligned whole: the name
compared as the quotation's first words (« vous avez écrit « Carrel », le texte dit … »,
« Proche »), and nobody told whether the source gives the words to that person. Now the words
are compared alone and the note says whose they are. On the demo corpus (the open letter to
the prefects on the Vère, 18 June 2025: « « Nous avons vu la Vère couper à Montclair dès le
14 juillet, … », témoigne Denis Carrel »).
"""

from __future__ import annotations

import pytest

from indexer.intent import pasted_claim, read_intent, split_bare_claim
from tests.conftest import verify_json as verify

VERE = "avons vu la Vère couper à Montclair dès le 14 juillet"
CARREL = ("Ce sont bien les mots de Denis Carrel selon la source.",
          "Ce sont bien les mots de Carrel selon la source.")


@pytest.mark.parametrize("typed", [
    f"Carrel nous {VERE}",
    f"Denis Carrel Nous {VERE}",
    f"Denis Carrel nous {VERE}, avec des truites prises au piège",
])
def test_the_name_then_the_words_are_read_as_who_said_what(demo_index_shared, typed):
    found = verify(demo_index_shared, typed)
    assert found["verdict"] == "exact"
    assert found["note"] in CARREL


def test_the_wrong_person_typed_first_is_told_so(demo_index_shared):
    found = verify(demo_index_shared, f"Claire Aubertin nous {VERE}")
    assert found["verdict"] == "exact"
    assert found["note"].startswith("Vous donnez ces mots à Claire Aubertin : la source les "
                                    "donne à Denis Carrel")


def test_words_that_do_not_speak_from_their_start_are_checked_alone(demo_index_shared):
    # no pronoun among the first words: the line is not read as a claim by its words alone,
    # but verify finds the words after the name word for word, the line whole not
    found = verify(demo_index_shared, "Claire Aubertin un plan sans calendrier, c'est une "
                                      "promesse qu'on pourra toujours repousser")
    assert found["verdict"] == "exact"
    assert found["note"] in ("Ce sont bien les mots de Claire Aubertin selon la source.",
                             "Ce sont bien les mots d'Aubertin selon la source.")


def test_the_search_prefers_the_person_typed_first():
    intent = read_intent(f"Carrel nous {VERE}")
    assert (intent.q, intent.said, intent.author) == (f"nous {VERE}", True, "Carrel")
    assert intent.speakers == [["carrel"]]


@pytest.mark.parametrize("typed", [
    "Parly maintien en condition opérationnelle avions",  # keywords: no pronoun
    "Le Drian victoire de Biden France 2",
    "Aubertin position de la fédération sur le plan eau",
    "Comment exercer mon droit d'accès aux données",  # a question, not a name
    "Hier nous avons voté la loi sur l'eau",  # a sentence's first word
    "Nous avons vu la Vère couper à Montclair",  # no name first
])
def test_keywords_and_sentences_are_not_read_as_a_name_then_words(typed):
    assert split_bare_claim(typed) is None
    assert pasted_claim(typed) is None


def test_the_name_must_be_a_speaker_the_index_knows(demo_index_shared):
    # read without a mark, a verb or a colon, a name typed first is kept when the index knows
    # it as a speaker's; a capitalised word opening the words is no one's (« Sait on … »)
    from indexer.search import open_catalog
    from indexer.verify import speaks_first

    catalog = open_catalog(demo_index_shared)
    try:
        assert speaks_first(catalog, f"Carrel nous {VERE}")
        assert speaks_first(catalog, f"Denis Carrel nous {VERE}")
        assert not speaks_first(catalog, f"Montclair nous {VERE}")
        assert speaks_first(catalog, "Nous avons vu la Vère couper")  # no name first: no claim
    finally:
        catalog.close()



def test_a_search_names_who_said_it_only_for_a_known_speaker(demo_client):
    known = demo_client.get("/api/search", query_string={"q": f"Denis Carrel nous {VERE}"})
    unknown = demo_client.get("/api/search", query_string={"q": f"Montclair nous {VERE}"})
    assert known.status_code == unknown.status_code == 200
    first = known.get_json()["results"][0]
    assert first["passage"]["verdict"] == "exact"
    assert first["passage"]["note"] in CARREL
    # « Montclair » is no speaker of the index: the line is searched as typed, no one claimed
    passage = unknown.get_json()["results"][0]["passage"] or {}
    assert "Vous donnez" not in (passage.get("note") or "")
