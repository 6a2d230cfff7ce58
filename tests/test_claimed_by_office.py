"""Who said it by the names the press gives an office (indexer.intent `OFFICE_NAMES`,
`_HEAD_ROLE`; indexer.verify `claim_note`).

« Selon l'hôtel de Roquelaure, « … » » (the ministry of the ecological transition by its
palace, as « Bercy », « Matignon », « le Quai d'Orsay » stand for theirs) was told « Vous
donnez ces mots à l'hôtel de Roquelaure : la source les donne à Hélène Garnier »; « Le
Premier ministre : « … » » was read as « Le Premier » saying the words, and « Le Président
: « … » » as someone named « Le Président ». Now the office is compared with the source's
functions, the head of State's and the head of government's with their capitals too. On the
demo corpus (the FRV's reaction to the « plan eau », 2 February 2024, which quotes the
minister Hélène Garnier).
"""

from __future__ import annotations

import pytest

from indexer.intent import split_claim
from indexer.verify import same_role
from tests.conftest import verify_json as verify

MINISTER = "« chaque territoire devra réduire de 10 % ses prélèvements d'ici 2030, sans exception »"
PLAN = "« Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser »"


@pytest.mark.parametrize("pasted", [
    f"Selon l'hôtel de Roquelaure, {MINISTER}",
    f"L'hôtel de Roquelaure : {MINISTER}",
    f"{MINISTER}, indique l'hôtel de Roquelaure",
])
def test_a_ministry_by_its_palace(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"] == ("Ce sont bien les mots de l'hôtel de Roquelaure, Hélène Garnier, "
                             "ministre de la transition écologique, selon la source.")


def test_another_office_is_told_whose_words_they_are(demo_index_shared):
    found = verify(demo_index_shared, f"Selon Bercy, {MINISTER}")
    assert found["verdict"] == "exact"
    assert found["note"] == ("Vous donnez ces mots à Bercy : la source les donne à Hélène "
                             "Garnier, ministre de la transition écologique.")


def test_the_president_with_a_capital_is_a_function(demo_index_shared):
    found = verify(demo_index_shared, f"La Présidente : {PLAN}")
    assert found["verdict"] == "exact"
    assert found["note"] == ("Ce sont bien les mots de la Présidente, Claire Aubertin, selon "
                             "la source.")


@pytest.mark.parametrize("typed, who", [
    ("Le Premier ministre", "le Premier ministre"),
    ("La Première ministre", "la Première ministre"),
    ("Le Président", "le Président"),
    ("Matignon", "Matignon"),
    ("La place Beauvau", "La place Beauvau"),
    ("Le Maire", "Le Maire"),  # Bruno Le Maire's name, not a mayor
])
def test_the_heads_and_the_offices_are_read_whole(typed, who):
    assert split_claim(f"{typed} : {PLAN}") == (who, PLAN.strip("« »"))


def test_matignon_is_the_prime_minister_of_either_gender():
    assert same_role("le Premier ministre", "Première ministre")
    assert same_role("la Première ministre", "Premier ministre")
    assert not same_role("le Premier ministre", "ministre de l'Intérieur")
