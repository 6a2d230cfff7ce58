"""Who said it, read from the name alone when the index knows it as a speaker's: a press
headline whose verb no reader names, and an organisation whose name holds small words typed
bare before the words (indexer.intent `split_headlined_claim`, indexer.verify
`_SpeakerKeys.opening`).

« Claire Aubertin allume « … » », « VIDÉO. Aubertin rembarre encore « … » »: with no colon,
only the press's verbs of stance were read (`_STANCE`, sixty-two), since a keyword too may
stand between a name and a quoted phrase (« Macron réforme « … » »). The words were found,
but no note said whose they are, and the search aligned the line whole (« Passage proche …
à 75 % près »). Now any verb in the present is read when the index knows the name before it.
« Terre et Eau Solidaires nous sommes prêts à y prendre notre part »: a name typed bare was
read up to its first small word (« Terre »), no speaker's, and the line whole was « Proche »;
now `verify` tries the index's speakers' whole names opening the line. On the demo corpus
(the FRV's reaction to the « plan eau », 2 February 2024; the open letter to the prefects on
the Vère, 18 June 2025, signed by eleven organisations) and the shared corpus.
"""

from __future__ import annotations

import pytest

from indexer.intent import read_intent
from tests.conftest import verify_json as verify
from tests.test_headlined_claims import HERS, PLAN, WORDS


@pytest.mark.parametrize("pasted", [
    f"Claire Aubertin allume {PLAN}",
    f"Aubertin démolit {PLAN}",
    f"Aubertin rembarre encore {PLAN}",
    f"Aubertin rembarre à nouveau {PLAN}",
    f"VIDÉO. Claire Aubertin pilonne {PLAN}",
    f"Immigration : Claire Aubertin avoue {PLAN}",
    f'Claire Aubertin (FRV) descend "{WORDS}"',
    f"Claire Aubertin ose “{WORDS}”",
])
def test_a_headline_s_verb_no_reader_names_after_a_speaker_s_name(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"] in HERS


def test_an_organisation_heading_the_headline(demo_index_shared):
    found = verify(demo_index_shared, f"Fédération des Rivières Vivantes allume {PLAN}")
    assert found["verdict"] == "exact"
    assert found["note"] == ("Ce sont bien des mots de Fédération des Rivières Vivantes : la "
                             "source les donne à Claire Aubertin, présidente de la FRV.")


def test_the_wrong_speaker_heading_the_headline_is_told_so(demo_index_shared):
    found = verify(demo_index_shared, f"Denis Carrel démonte {PLAN}")
    assert found["verdict"] == "exact"
    assert found["note"].startswith("Vous donnez ces mots à Denis Carrel : la source les donne "
                                    "à Claire Aubertin")


def test_the_search_the_api_and_the_verifier_page_say_whose_words(demo_client):
    # the search read the line whole: « Passage proche trouvé dans 1 document(s), à 75 % près »
    data = demo_client.get("/api/search", query_string={"q": f"Claire Aubertin allume {PLAN}"})
    first = data.get_json()["results"][0]["passage"]
    assert first["verdict"] == "exact"
    assert first["note"] == HERS[0]
    api = demo_client.get("/api/verify", query_string={"q": f"Aubertin démolit {PLAN}"}).get_json()
    assert api["verdict"] == "exact"
    assert api["note"] == HERS[1]
    page = demo_client.post("/verifier", data={"q": f"Denis Carrel démonte {PLAN}"})
    assert "Vous donnez ces mots à Denis Carrel" in page.get_data(as_text=True)


def test_a_headline_on_the_shared_corpus(shared_index):
    # Clément Beaune, France 2, 3 November 2020 (his answer, « R - »)
    said = ("« Il y a une règle d'or qui je crois est très saine, entre pays démocratiques, "
            "alliés et amis, c'est que l'on ne choisit pas les dirigeants »")
    found = verify(shared_index[0], f"Clément Beaune allume {said}")
    assert found["verdict"] == "exact"
    assert found["note"] == "Ce sont bien les mots de Clément Beaune selon la source."


@pytest.mark.parametrize("pasted", [
    f"Marlène Schiappa allume {PLAN}",  # no speaker of the index: nobody claimed
    f"Montclair démolit {PLAN}",  # a place an organisation names, no speaker
    f"La présidente de la FRV démolit {PLAN}",  # a function: no name the speakers hold
])
def test_a_name_the_index_does_not_know_is_not_read_before_any_verb(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"  # the words between the marks are still found
    assert not found["note"]


@pytest.mark.parametrize("typed", [
    f"Macron réforme {PLAN}",  # no speaker of the index: a name, a keyword, a phrase
    "Aubertin réforme « nous serons là »",  # a short phrase: keywords, whoever the name
    f"Aubertin contre {PLAN}",  # a link, no verb
])
def test_keywords_around_a_quoted_phrase_stay_keywords(demo_index_shared, typed):
    from indexer.search import open_catalog
    from indexer.verify import speaks_first

    catalog = open_catalog(demo_index_shared)
    try:
        assert read_intent(typed, bare=speaks_first(catalog, typed)).q == typed
    finally:
        catalog.close()


def test_a_word_ending_as_a_verb_after_a_speaker_s_name_is_read_as_a_headline_s(
        demo_index_shared):
    # « barrage » may be a keyword: nothing tells it from a verb in the present, and the
    # name is a speaker's, so the note says whose the words are (before: none, the words
    # found alone); the words are those looked up either way
    found = verify(demo_index_shared, f"Aubertin barrage {PLAN}")
    assert found["verdict"] == "exact"
    assert found["note"] == HERS[1]


LETTER = "nous sommes prêts à y prendre notre part"


@pytest.mark.parametrize("typed, note", [
    (f"Terre et Eau Solidaires {LETTER}",
     "Ce sont bien les mots de Terre et Eau Solidaires selon la source."),
    (f"Compagnie des Eaux du Val de Vère {LETTER}",
     "Vous donnez ces mots à Compagnie des Eaux du Val de Vère : la source les donne à "),
])
def test_an_organisation_s_name_with_small_words_typed_first(demo_index_shared, typed, note):
    found = verify(demo_index_shared, typed)
    assert found["verdict"] == "exact"
    assert found["note"].startswith(note)


def test_an_organisation_the_index_does_not_know_is_compared_whole(demo_index_shared):
    # no speaker's name: the line is aligned whole, nobody claimed
    found = verify(demo_index_shared, f"Amicale des riverains de la Vère {LETTER}")
    assert found["verdict"] != "exact"
    assert not found["note"]
