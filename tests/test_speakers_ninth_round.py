"""Speakers and turns, ninth round (issue 11): changes chosen by families of errors of parts H
and I (development material since session 9), each checked on every vie-publique, luxleaks,
drupalfr and demo document (kinds and speakers diffed before and after) and tested on a real
passage of ../shared/corpus (read in place: the tests skip, saying why, when it is absent, and
fail under VERBATIM_REQUIRE_SHARED=1)."""

from indexer.extract.turns import find_turns
from tests.shared_docs import VIE_PUBLIQUE, extracted, quote_at, shared_document

ROUND_TABLE = "Déclaration de M. Emmanuel Macron, président de la république, sur la politique"


def _round_table():
    return shared_document(VIE_PUBLIQUE, ROUND_TABLE, also="Damien MARC")


def test_names_alone_on_their_line_label_the_turns_of_a_round_table_in_a_speech():
    doc = _round_table()
    # « (…)\n\nDamien MARC\n\nBonjour à tous. Bonjour Président MACRON … »: a first name and a
    # surname in capitals, alone in a paragraph, coming back; « Yann MAUSS » speaks once, among
    # other such names
    names = {t.name for t in find_turns(doc.text)}
    assert {"Damien Marc", "Béatrice Schmidt", "Yann Mauss", "Emmanuel Macron"} <= names


def test_the_guests_of_a_round_table_speak_their_own_words_and_are_speakers():
    doc = extracted(_round_table(), "speakers")
    # DAMIEN MARC: « Dès le lendemain, je convoque mes équipes et je leur dis : « Les gars,
    # c'est le moment d'accélérer … » »: his words, not the President's
    assert quote_at(doc, "c'est le moment d'accélérer").speaker == "Damien Marc"
    # BÉATRICE SCHMIDT: « … pour justement se dire “ Mais on n'est plus tout seul. ” »
    assert quote_at(doc, "on n'est plus tout seul").speaker == "Béatrice Schmidt"
    speakers = [s.name for s in doc.speakers]
    assert speakers[0] == "Emmanuel Macron"
    assert {"Damien Marc", "Béatrice Schmidt", "Yann Mauss"} <= set(speakers)
    assert "interviewers" not in doc.meta  # business leaders, not journalists


def test_deputies_interrupting_a_ministers_speech_are_still_no_speakers():
    # « M. Maxime Minot. Exactement ! »: a sitting's record under a minister's declaration
    doc = extracted(
        shared_document(VIE_PUBLIQUE, "Déclaration de M. Julien Denormandie", also="Minot"),
        "speakers",
    )
    assert [s.name for s in doc.speakers] == ["Julien Denormandie"]


def test_the_person_the_source_names_who_asks_every_question_is_the_journalist():
    from tests.test_extract_releases import demo_document

    # the demo corpus: « author: Paul Verdier » above « **Paul Verdier : Les premiers arrêtés
    # sécheresse sont tombés avant même l'été. Est-ce devenu la norme ?** » and « Sophie
    # Lemaire-Dufour : Malheureusement, oui. … »: the author asks, the guest answers
    doc = extracted(
        demo_document("markdown/2023-06-20-entretien-lemaire-dufour-secheresse.md"), "speakers"
    )
    assert [s.name for s in doc.speakers] == ["Sophie Lemaire-Dufour"]
    assert doc.meta["interviewers"] == ["Paul Verdier"]


# --- Hansard: a senator moving a motion holds a turn ----------------------------------------


def _turns_of(folder: str, name: str):
    from indexer.readers.text import debate_turns, decode
    from tests.conftest import shared_path

    path = shared_path("hansard-canada-36e-fr", folder, name)
    return debate_turns(decode(path.read_bytes())[0], path.name)


def test_a_senator_moving_a_motion_holds_a_turn_of_the_sitting():
    records = _turns_of("Training", "hansard.36.2.senate.debates.1999-12-08.18.f")
    # « L'honorable Anne C. Cools (au nom du senateur Murray) propose: » then the motion
    moved = [r for r in records if r.meta["speakers"][0]["name"] == "Anne C. Cools"]
    assert moved and any("propose" not in r.text[:20] for r in moved)


def test_the_house_list_of_report_stage_motions_is_no_turn():
    records = _turns_of("Testing", "hansard.36.2.house.debates.082.f")
    # « M. Eric Lowther (Calgary-Centre, Alliance canadienne) propose: » then « Que le projet
    # de loi C-23 soit modifie par suppression de l'article 193. »: written motions, listed
    lowther = [r for r in records if r.meta["speakers"][0]["name"] == "Eric Lowther"]
    assert not any(r.text.startswith("Que le projet de loi C-23 soit modifie") for r in lowther)
