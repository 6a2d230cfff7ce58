"""Who really said it, fourth round (issue 11): fixes found on the development half of the
gold after its blind second annotation (tests/gold/attribution/ADJUDICATION.md), each checked
on the real passage of ../shared/corpus it was found on.

The passages are read in place (the tests skip, saying why, when the shared corpus is absent,
and fail under VERBATIM_REQUIRE_SHARED=1). None of them belongs to the held-out half.
"""

from indexer.extract.turns import find_turns
from tests.shared_docs import VIE_PUBLIQUE_2023, extracted, quote_at, shared_document

DUSSOPT = "Interview de M. Olivier Dussopt, ministre du Travail, du Plein Emploi et de l'Insertion, à Europe 1"  # noqa: E501


def _dussopt():
    return shared_document(VIE_PUBLIQUE_2023, DUSSOPT, "Maison-Blanche")


# --- Transcripts: a turn label is a name, not the sentence's first word (family 1) -----------


def test_a_label_does_not_take_the_one_letter_word_opening_the_turn():
    doc = _dussopt()
    # « DIMITRI PAVLENKO A propos de la violence, vous avez vu hier … » opens the journalist's
    # turn: « A » is the sentence's first word, not the end of a name « Dimitri Pavlenko A »
    # (a one-letter last word stays a name's, as in « CEDRIC O »)
    at = doc.text.index("DIMITRI PAVLENKO A propos")
    turn = next(t for t in find_turns(doc.text) if t.start == at)
    assert turn.name == "Dimitri Pavlenko"
    assert doc.text[turn.body :].startswith("A propos de la violence")


# --- Bodies: the seat of a power speaks for it (family 1) -------------------------------------


def test_the_white_house_reacting_in_a_journalists_turn_is_the_speaker():
    doc = extracted(_dussopt(), "speakers")
    # DIMITRI PAVLENKO: « La Maison-Blanche qui réagit se disant « préoccupée de l'usage
    # immodéré de la force envers les manifestants ». » — neither the journalist asking nor
    # the minister answering
    assert quote_at(doc, "préoccupée de l'usage immodéré").speaker == "Maison-Blanche"
    # a body quoted in an interview is no speaker of the document
    assert [s.name for s in doc.speakers] == ["Olivier Dussopt"]
