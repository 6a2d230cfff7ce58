"""What heads a pasted line, read as a journalist reads it (session 53): a press label or an
agency names nobody whatever the separator, a word in capitals before a dash that no speaker
bears is a rubric, a name in capitals is named as the index writes it, a name then a
subject's keyword is who said the words.

Four readings session 52 left wrong (`indexer.intent.split_claim`, `indexer.verify`'s
`_SpeakerKeys.claimant`, read alike by the search box and by `verbatim verify`):

- « AFP : « … » », a colon after an agency's name, was read as AFP's claim to have said the
  words (« Vous donnez ces mots à AFP : la source les donne à Denis Carrel »): the agency
  printed them, as « AFP – « … » » already said.
- « ZOOM - « … » », a rubric of a paper's page missing from the list of press labels, was
  read as a person's name. A single word in capitals before a dash or a full stop is a rubric
  unless a speaker of the index bears that name (« CARREL – « … » » stays Denis Carrel's;
  « CASTEX – », « LFI - », whom the demo corpus does not hear, name nobody there: session 52
  read them as names);
  before a colon, the way articles give words to someone, it stays a claim (« VIDAL : « … » »
  is still told it is Denis Carrel's).
- « CARREL : « … » » was answered « Ce sont bien les mots de CARREL »: the note names the one
  speaker the index knows so, « Denis Carrel ».
- « Carrel rivières : « … » », a name then a keyword of the subject, has the shape of « Loi
  immigration : « … » » and was read as a heading naming nobody: a person the index knows
  opening it is who said the words.

On the demo corpus: Denis Carrel's words in the fishermen's release of 12 June 2024.
"""

from __future__ import annotations

import pytest

from indexer.intent import pasted_claim, read_intent
from tests.conftest import searched, verify_json

CARREL = "« Les pêcheurs ont longtemps été vus comme des gens qui prélèvent »"
WORDS = "Les pêcheurs ont longtemps été vus comme des gens qui prélèvent"


def first_note(index_dir, q: str) -> str:
    """The note under the first passage the search box shows for `q`."""
    hits = searched(index_dir, q).hits
    return next(hit["passage"] for hit in hits if hit.get("passage")).get("note") or ""


@pytest.mark.parametrize("line", [f"AFP : {CARREL}", f"Le Monde : {CARREL}",
                                  f"{CARREL} (AFP)", f"« {WORDS} », selon Reuters"])
def test_an_agency_or_a_newspaper_names_nobody_whatever_the_separator(line):
    assert pasted_claim(line) == (None, WORDS)
    assert read_intent(line).speakers == []


def test_an_agency_before_a_colon_gets_no_warning(demo_index_shared):
    line = f"AFP : {CARREL}"
    verdict = verify_json(demo_index_shared, line)
    assert verdict["verdict"] == "exact"
    assert "AFP" not in (verdict["note"] or "")
    assert "AFP" not in first_note(demo_index_shared, line)


@pytest.mark.parametrize("rubric", ["ZOOM -", "REPÈRES.", "COULISSES –", "CASTEX –", "LFI -"])
def test_a_rubric_in_capitals_before_a_dash_names_nobody(demo_index_shared, rubric):
    line = f"{rubric} {CARREL}"
    verdict = verify_json(demo_index_shared, line)
    assert verdict["verdict"] == "exact"
    assert "Vous donnez ces mots" not in (verdict["note"] or "")
    assert "Vous donnez ces mots" not in first_note(demo_index_shared, line)


def test_a_speaker_in_capitals_before_a_dash_is_still_who_said_it(demo_index_shared):
    note = verify_json(demo_index_shared, f"CARREL – {CARREL}")["note"]
    assert note.startswith("Ce sont bien les mots de Denis Carrel selon la source.")


def test_a_name_in_capitals_is_named_as_the_index_writes_it(demo_index_shared):
    line = f"CARREL : {CARREL}"
    assert verify_json(demo_index_shared, line)["note"].startswith(
        "Ce sont bien les mots de Denis Carrel selon la source.")
    assert first_note(demo_index_shared, line).startswith(
        "Ce sont bien les mots de Denis Carrel selon la source.")


@pytest.mark.parametrize("who", ["Carrel", "Denis Carrel", "CARREL"])
def test_a_name_then_a_keyword_of_the_subject_is_who_said_it(demo_index_shared, who):
    line = f"{who} rivières : {CARREL}"
    expected = "Ce sont bien les mots de Denis Carrel" if who.isupper() else \
        f"Ce sont bien les mots de {who}"
    assert verify_json(demo_index_shared, line)["note"].startswith(expected)
    assert first_note(demo_index_shared, line).startswith(expected)


def test_a_topic_of_several_words_still_names_nobody(demo_index_shared):
    for line in (f"Loi rivières : {CARREL}", f"Pouvoir d'achat : {CARREL}"):
        note = verify_json(demo_index_shared, line)["note"] or ""
        assert "Vous donnez ces mots" not in note and "Ce sont bien" not in note, line
