"""Who said it, with when and where, as articles print it (indexer.intent `_CLAIMS`: `_WHEN`,
`_CONTEXT` after the name, the framings « Comme le disait X : », « Pour reprendre les mots de
X, », « selon les mots de X »; indexer.verify `same_role` through the aliases file).

« « … », a déclaré Claire Aubertin le 2 février 2024. », « « … », a martelé vendredi Claire
Aubertin. », « « … », déclarait Claire Aubertin en 2024. » were aligned whole (« Proche »),
who said it among the words; « Comme le disait Claire Aubertin : « … » » was told « Vous
donnez ces mots à Comme », and « Pour reprendre les mots de Claire Aubertin, « … » » found
nothing. A function naming the organisation in full (« la présidente de la Fédération des
Rivières Vivantes ») was told the source gave the words to someone else, the source saying
« présidente de la FRV ». On the demo corpus (the FRV's reaction to the « plan eau », 2
February 2024).
"""

from __future__ import annotations

import pytest

from indexer.intent import split_claim
from tests.conftest import verify_json as verify

PLAN = "« Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser »"
HERS = "Ce sont bien les mots de Claire Aubertin selon la source."


@pytest.mark.parametrize("pasted", [
    f"{PLAN}, a déclaré Claire Aubertin le 2 février 2024.",
    f"{PLAN}, a martelé vendredi Claire Aubertin.",
    f"{PLAN}, déclarait Claire Aubertin en 2024.",
    f"{PLAN}, a estimé Claire Aubertin dans un communiqué.",
    f"{PLAN}, selon les mots de Claire Aubertin.",
    f"Comme le disait Claire Aubertin : {PLAN}",
    f"Pour reprendre les mots de Claire Aubertin, {PLAN}",
    f"Claire Aubertin : {PLAN} (communiqué du 2 février 2024)",
])
def test_when_and_where_beside_who(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"] == HERS


@pytest.mark.parametrize("pasted, note", [
    (f"{PLAN}, a réagi Claire Aubertin auprès de l'AFP.", HERS),
    (f"C. Aubertin : {PLAN}", "Ce sont bien les mots de C. Aubertin selon la source."),
    (f"Selon la présidente de la FRV Claire Aubertin, {PLAN}", HERS),
    (f"{PLAN}, dénonce la FRV dans un communiqué.",
     "Ce sont bien des mots de la FRV : la source les donne à Claire Aubertin, présidente de "
     "la FRV."),
])
def test_a_name_as_articles_write_it(demo_index_shared, pasted, note):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"] == note


def test_a_function_naming_the_organisation_in_full(demo_index_shared):
    found = verify(demo_index_shared, f"{PLAN}, a déclaré la présidente de la Fédération des "
                                      "Rivières Vivantes.")
    assert found["verdict"] == "exact"
    assert found["note"] == ("Ce sont bien les mots de la présidente de la Fédération des "
                             "Rivières Vivantes, Claire Aubertin, selon la source.")


def test_a_date_ends_the_function():
    assert split_claim(f"{PLAN}, a affirmé la présidente de la FRV le 2 février 2024.") == (
        "la présidente de la FRV", PLAN.strip("« »"))


@pytest.mark.parametrize("context", ["devant les députés", "lors d'une conférence de presse",
                                     "en 2020", "le 12 mars", "sur France Inter"])
def test_where_and_when_end_an_organisation_s_name(context):
    assert split_claim(f"{PLAN}, a déclaré Association Drupal France {context}.") == (
        "Association Drupal France", PLAN.strip("« »"))
    # words of its name that only look like a context stay in it
    assert split_claim(f"Commission d'enquête sur l'évasion fiscale : {PLAN}")[0] == \
        "Commission d'enquête sur l'évasion fiscale"


def test_a_framing_word_alone_names_no_one():
    assert split_claim(f"Comme le disait Claire Aubertin : {PLAN}")[0] == "Claire Aubertin"
    assert split_claim(f"Selon : {PLAN}") is None
