"""A quotation pasted with who said it by their function, not their name, is checked against
the function the source gives (indexer.intent `_ROLE`, indexer.verify `claim_note`); one
given to an organisation is its own when the source gives it to someone speaking for it.

Articles name officials by their office: « La présidente de la FRV : « … » », « Pour le
secrétaire d'État chargé du tourisme, « … » », « « … », a déclaré le maire de Montclair ».
Those lines were aligned whole, the function among the words said: « Proche, à 94 % »
(« vous avez écrit « La », le texte dit « Aubertin » ») and no word of who said it. Now the
words are checked as said, and the note says whether the source gives them to someone holding
that function, naming them. « Selon la FRV, « … » » was aligned whole too; « La FRV : « … » »
was told « Vous donnez ces mots à La FRV : la source les donne à Claire Aubertin », though she
spoke as its president: now the note says so. Through `verbatim verify` and /api/search, on
the demo corpus (Claire Aubertin, présidente de la FRV) and Jean-Baptiste Lemoyne's interview
of 7 October 2020 (vie-publique).
"""

from __future__ import annotations

import pytest

from tests.conftest import verify_json as verify

PLAN = "« Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser »"



@pytest.mark.parametrize("pasted", [
    f"La présidente de la FRV : {PLAN}",
    f"Pour la présidente de la FRV, {PLAN}",
    f"La présidente de la FRV a déclaré : {PLAN}",
    f"{PLAN}, a déclaré la présidente de la FRV",
])
def test_the_function_of_who_said_it_is_confirmed(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"] == ("Ce sont bien les mots de la présidente de la FRV, Claire "
                             "Aubertin, selon la source.")


def test_a_function_alone_in_lower_case_is_one_too(demo_index_shared):
    # the article named her before: « La présidente : « … » »
    found = verify(demo_index_shared, f"La présidente : {PLAN}")
    assert found["note"] == ("Ce sont bien les mots de la présidente, Claire Aubertin, selon "
                             "la source.")
    found = verify(demo_index_shared, f"Le maire : {PLAN}")
    assert found["note"] == ("Vous donnez ces mots au maire : la source les donne à Claire "
                             "Aubertin, présidente de la FRV.")


def test_another_function_is_told_who_said_it(demo_index_shared):
    found = verify(demo_index_shared, f"Le maire de Montclair : {PLAN}")
    assert found["verdict"] == "exact"
    assert found["note"] == ("Vous donnez ces mots au maire de Montclair : la source les donne "
                             "à Claire Aubertin, présidente de la FRV.")


def test_the_search_box_says_it_too(demo_client):
    answer = demo_client.get("/api/search", query_string={
        "q": f"Pour la présidente de la FRV, {PLAN}"}).get_json()
    first = answer["results"][0]
    assert first["passage"]["verdict"] == "exact"
    assert "Claire Aubertin" in first["passage"]["note"]


def test_an_office_on_the_shared_corpus(shared_index):
    # « Les foires, les congrès, les salons sont encore entravés » (Public Sénat, 7 October
    # 2020): the source gives Lemoyne as « secrétaire d'État au tourisme, aux Français de
    # l'étranger et à la francophonie »
    said = "« les foires, les congrès, les salons sont encore entravés »"
    found = verify(shared_index[0], f"Pour le secrétaire d'État chargé du tourisme, {said}")
    assert found["verdict"] == "exact"
    assert found["note"] == ("Ce sont bien les mots du secrétaire d'État chargé du tourisme, "
                             "Jean-Baptiste Lemoyne, selon la source.")
    found = verify(shared_index[0], f"La garde des Sceaux : {said}")
    assert found["note"].startswith("Vous donnez ces mots à la garde des Sceaux : la source les "
                                    "donne à Jean-Baptiste Lemoyne")
    found = verify(shared_index[0], f"Le ministre de l'Intérieur : {said}")
    assert found["note"].startswith("Vous donnez ces mots au ministre de l'Intérieur : la "
                                    "source les donne à Jean-Baptiste Lemoyne, secrétaire "
                                    "d'État au tourisme")


@pytest.mark.parametrize("pasted", [
    f"Selon la FRV, {PLAN}",
    f"La FRV : {PLAN}",
    f"Pour la Fédération des Rivières Vivantes, {PLAN}",
])
def test_an_organisation_speaks_through_its_president(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"].startswith("Ce sont bien des mots de la ")
    assert found["note"].endswith(" : la source les donne à Claire Aubertin, présidente de la "
                                  "FRV.")


def test_another_organisation_is_told_who_speaks(demo_index_shared):
    found = verify(demo_index_shared, f"La CEVV : {PLAN}")
    assert found["note"] == ("Vous donnez ces mots à la CEVV : la source les donne à Claire "
                             "Aubertin, présidente de la FRV.")
