"""Verifying words said in an interview: the journalist's question is not the guest's words.

vie-publique's interviews are transcripts: each turn labelled by the speaker's name in
capitals (« JEAN-PAUL CHAPEL », « AGNES PANNIER-RUNACHER ») or « Q - » and « R - ». A pasted
passage found in a question used to come back under « Orateur : » the minister. Through
`verbatim verify` on the vie-publique speeches of the shared corpus.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def speeches(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("verify-interviews") / "index"
    folder = shared_path("vie-publique-discours")
    result = CliRunner().invoke(main, ["index", str(folder), "--index", str(index_dir),
                                       "--quiet"])
    assert result.exit_code == 0, result.output
    return index_dir


def verify(index_dir, quotation: str) -> dict:
    result = CliRunner().invoke(main, ["verify", "--index", str(index_dir), "--json",
                                       quotation])
    assert result.exit_code == 0, result.output
    (found,) = json.loads(result.stdout)  # one verdict a quotation
    return found


def test_a_journalists_question_is_the_journalists_words(speeches):
    """France info TV, 16 September 2020: Jean-Paul Chapel asks Agnès Pannier-Runacher about
    the President's « amish »."""
    found = verify(speeches, "Le président de la République, bon, il les a un peu moqués, il "
                             "les a traités d'amish")
    assert found["verdict"] == "exact"
    assert [s["name"] for s in found["speakers"]] == ["Agnès Pannier-Runacher"]
    assert found["quote_speaker"] == {"name": "Jean-Paul Chapel", "function": None}
    assert found["note"] == ("Passage trouvé dans le tour de parole de Jean-Paul Chapel : ce "
                             "sont ses mots, pas ceux d'Agnès Pannier-Runacher.")


def test_given_to_the_minister_the_question_is_said_to_be_another_s(speeches):
    found = verify(speeches, "Agnès Pannier-Runacher : « il les a un peu moqués, il les a "
                             "traités d'amish »")
    assert found["note"].startswith("Vous donnez ces mots à Agnès Pannier-Runacher : la source "
                                    "les donne à Jean-Paul Chapel.")


def test_an_unnamed_interviewers_question_and_the_guests_answer(speeches):
    """France Info, 21 September 2020, a « Q - / R - » transcript: Franck Riester answers."""
    question = verify(speeches, "Franck Riester, vous évoquiez le commerce mondial. La France "
                                "ne signera pas l'accord du Mercosur ?")
    assert question["quote_speaker"] is None
    assert question["note"] == ("Passage trouvé dans une question de l'intervieweur : ce ne "
                                "sont pas les mots de Franck Riester.")
    answer = verify(speeches, "Non, parce que nous pensons qu'en l'état, nous n'avons pas "
                              "assez de garanties")
    assert answer["verdict"] == "exact" and answer["note"] is None
    assert [s["name"] for s in answer["speakers"]] == ["Franck Riester"]


def test_a_short_question_echoed_by_the_answer_is_found_word_for_word(speeches):
    """France info, 21 September 2020: Jean-Paul Chapel says « C'est moins pire que prévu. »
    and Olivier Dussopt answers « C'est moins mauvais que prévu … »; the echo made the
    question « Introuvable »."""
    found = verify(speeches, "C'est moins pire que prévu")
    assert (found["verdict"], found["passage"]) == ("exact", "C'est moins pire que prévu")
    assert found["quote_speaker"] == {"name": "Jean-Paul Chapel", "function": None}


def search(index_dir, query: str) -> list[dict]:
    result = CliRunner().invoke(main, ["search", "--index", str(index_dir), "--json", query])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["results"]


def test_the_search_box_says_the_journalists_words_are_not_the_guests(speeches):
    """The same question typed in the search box: the interview comes first, and its passage
    says whose words they are — the hit's speakers are the guest's."""
    first = search(speeches, "il les a un peu moqués, il les a traités d'amish")[0]
    assert [s["name"] for s in first["speakers"]] == ["Agnès Pannier-Runacher"]
    assert first["passage"]["said_by"] == {"name": "Jean-Paul Chapel", "function": None}
    assert first["passage"]["note"] == ("Passage trouvé dans le tour de parole de Jean-Paul "
                                        "Chapel : ce sont ses mots, pas ceux d'Agnès "
                                        "Pannier-Runacher.")


def test_a_quotation_typed_with_its_author_is_checked_in_the_search_box(speeches):
    """Europe 1, 19 October 2020: Gérald Darmanin said « Nous sommes en guerre contre les
    ennemis de l'intérieur ». Typed from memory with his name before a colon, no marks: the
    name was aligned with the words, and the page said no document held them."""
    first = search(speeches, "Darmanin : nous sommes en guerre contre l'ennemi de l'intérieur")[0]
    assert "Europe 1 le 19 octobre 2020" in first["title"]
    assert first["passage"]["text"] == "Nous sommes en guerre contre les ennemis de l'intérieur"
    assert first["passage"]["note"] == "Ce sont bien les mots de Darmanin selon la source."
    given = search(speeches, "Pannier-Runacher a dit « il les a un peu moqués, il les a "
                             "traités d'amish »")[0]
    assert given["passage"]["note"].startswith("Vous donnez ces mots à Pannier-Runacher : la "
                                               "source les donne à Jean-Paul Chapel.")
