"""A quotation pasted with its author's surname in capitals, as a headline or an interview's
turn prints it (« CARREL : « … » », « CASTEX : « … » »), is that person's.

`same_person` told a person from an organisation by `looks_like_body`, which reads a word of
six capitals or fewer alone as an acronym (« AFP »): « CARREL » was an organisation, so the
search box and `verify` answered « Vous donnez ces mots à CARREL : la source les donne à
Denis Carrel ». Measured on the shared corpus's vie-publique speakers: 21 of its 55 people
typed by their surname in capitals were another; an organisation named after a person is
still not that person. Through `verbatim search`, `verbatim verify` and /api/verify, on the
demo corpus (Denis Carrel's words in the fishermen's release of 12 June 2024) and on Jean
Castex's statement of the shared corpus. Since session 53 the notes name the one speaker the
index knows so as it writes the name (« CARREL »: « Denis Carrel », « VIDAL »: « Anne-Laure
Vidal », « CASTEX »: « Jean Castex »), not as typed.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from indexer.cli import main

CARREL = "« Les pêcheurs ont longtemps été vus comme des gens qui prélèvent »"



@pytest.mark.parametrize("who", ["CARREL", "Carrel", "DENIS CARREL", "M. CARREL"])
def test_the_search_box_gives_the_words_to_their_author_however_written(demo_index_shared,
                                                                         who):
    result = CliRunner().invoke(main, ["search", "--index", str(demo_index_shared), "--limit",
                                       "1", f"{who} : {CARREL}"])
    assert result.exit_code == 0, result.output
    assert "Note : Ce sont bien les mots de" in result.output
    assert "Vous donnez ces mots" not in result.output


def test_verify_and_its_api_say_the_same(demo_index_shared, demo_client):
    claim = f"CARREL : {CARREL}"
    result = CliRunner().invoke(main, ["verify", "--index", str(demo_index_shared), claim])
    assert result.exit_code == 0, result.output
    assert "Note : Ce sont bien les mots de Denis Carrel selon la source." in result.output
    verdict = demo_client.get("/api/verify", query_string={"q": claim}).get_json()
    assert "Ce sont bien les mots de Denis Carrel selon la source." in str(verdict)


def test_another_person_in_capitals_is_still_another(demo_index_shared):
    result = CliRunner().invoke(main, ["verify", "--index", str(demo_index_shared),
                                       f"VIDAL : {CARREL}"])
    assert ("Note : Vous donnez ces mots à Anne-Laure Vidal : la source les donne à Denis "
            "Carrel." in result.output)


def test_a_ministers_surname_in_capitals_on_the_shared_corpus(shared_index):
    # Jean Castex's tribute of 2020 (vie-publique), its opening words
    claim = ("CASTEX : « Mesdames et Messieurs les ministres, Messieurs les préfets, Mesdames "
             "et Messieurs les parlementaires »")
    result = CliRunner().invoke(main, ["search", "--index", str(shared_index[0]), "--limit",
                                       "1", claim])
    assert "Note : Ce sont bien les mots de Jean Castex selon la source." in result.output
