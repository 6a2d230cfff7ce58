"""A quotation pasted framed as an article frames it in its own words, beyond a verb of
speech (indexer.intent `_COMPOUND`, `_INFINITIVE`, `_ADVERB`, `_SIGNED`; indexer.verify
looking at the words between marks when the line whole is not found word for word).

« Claire Aubertin n'a pas mâché ses mots : « … » » and « « … », ont déclaré les
responsables de … » were told « Aucun passage » (the frame's words searched with the
quotation's); « « … », a tenu à rappeler Claire Aubertin. », « … (Claire Aubertin) » and
« … — Claire Aubertin » were aligned whole (« Proche »), who said it among the words. Now the
words are compared alone, and the note says whose they are when the line names someone; so
too as a caption or a post prints who said it (« Citation de X : « … » », « « … » dixit
X », « « … » X »). On the demo corpus (the FRV's reaction to the « plan eau », 2 February
2024).
"""

from __future__ import annotations

import pytest

from indexer.intent import pasted_claim, split_claim
from tests.conftest import verify_json as verify

PLAN = "« Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser »"
WORDS = PLAN.strip("« »")
HERS = ("Ce sont bien les mots de Claire Aubertin selon la source.",
        "Ce sont bien les mots d'Aubertin selon la source.")


@pytest.mark.parametrize("pasted", [
    f"Claire Aubertin n'a pas mâché ses mots : {PLAN}",
    f"Claire Aubertin a voulu rassurer : {PLAN}",
    f"Aubertin est montée au créneau : {PLAN}",
    f"{PLAN}, a tenu à rappeler Claire Aubertin.",
    f"{PLAN}, a fait savoir Claire Aubertin.",
    f"Aubertin regrette vivement que {PLAN}",
    f"Claire Aubertin rappelle encore que {PLAN}",
    f"{WORDS} (Claire Aubertin)",
    f"{WORDS} — Claire Aubertin, présidente de la FRV",
    # as a caption, a quotations site or a post prints it: « Citation de Claire Aubertin »
    # was the name told « Ce sont bien les mots de Citation de Claire Aubertin »; the others
    # aligned whole, who said it among the words
    f"Citation de Claire Aubertin : {PLAN}",
    f"Extrait du communiqué de Claire Aubertin à Montclair : {PLAN}",
    f"Propos de Claire Aubertin recueillis par l'AFP : {PLAN}",
    f"{PLAN} dixit Claire Aubertin",
    f"{PLAN} Claire Aubertin",
    f"Le 2 février 2024, à Montclair, Claire Aubertin a déclaré : {PLAN}",
    # unmarked, who said it first as a lead introduces words it reports: aligned whole
    # before, who said it among the words (« Proche »), no note
    f"Selon Claire Aubertin, {WORDS}",
    f"D'après Claire Aubertin, présidente de la FRV, {WORDS}",
    f"Comme l'a dit Claire Aubertin, {WORDS}",
    f"Comme le rappelait Claire Aubertin : {WORDS}",
])
def test_who_said_it_in_the_article_s_own_phrase(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"] in HERS


@pytest.mark.parametrize("pasted", [
    f"{PLAN}, ont déclaré les responsables de la fédération.",  # people no one names
    # a name no speaker's and a keyword: the words alone (a speaker's name before a word in
    # small letters is read as a headline's, tests/test_named_first_claims.py)
    f"Macron barrage {PLAN}",
])
def test_the_words_between_marks_are_found_whatever_the_frame(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["passage"] == WORDS.replace("'", "’")  # the source's apostrophes
    assert found["note"] is None  # no one claimed, nothing to confirm or deny


def test_the_wrong_person_signed_is_told_so(demo_index_shared):
    found = verify(demo_index_shared, f"{WORDS} (Malik Benhaddou)")
    assert found["verdict"] == "exact"
    assert found["note"].startswith("Vous donnez ces mots à Malik Benhaddou : la source les "
                                    "donne à Claire Aubertin")


@pytest.mark.parametrize("typed", [
    "discours sur la laïcité aux Mureaux (Emmanuel Macron)",  # keywords, not a sentence
    "plan eau sécheresse barrage du Lisson — Claire Aubertin",
])
def test_keywords_signed_with_a_name_stay_keywords(typed):
    assert pasted_claim(typed) is None


def test_people_no_one_names_give_the_words_to_no_one():
    assert split_claim(f"{PLAN}, ont fait valoir ses proches.") == (None, WORDS)


def test_an_organisation_signing_a_post(demo_index_shared):
    found = verify(demo_index_shared, f"{PLAN} Fédération des Rivières Vivantes")
    assert found["verdict"] == "exact"
    assert found["note"] == ("Ce sont bien des mots de Fédération des Rivières Vivantes : la "
                             "source les donne à Claire Aubertin, présidente de la FRV.")


def test_a_lead_before_keywords_stays_keywords():
    # read by its shape alone: a lead before words that are no sentence is read only when the
    # index knows the name as a speaker's (`split_led_claim`, tests/test_led_and_topic_claims.py)
    assert pasted_claim("Selon Bruxelles, déficit public de la France 2024", bare=False) is None
