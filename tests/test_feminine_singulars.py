"""A feminine singular of six letters meets its plural and its masculine
(`indexer.analysis.masculine`, analysis version 2).

The participle filter gave « privées » (seven letters, folded) the masculine « prive » and
then Snowball's « priv », as « privé » and « privés »; but it left « privée » whole, which
Snowball made « prive »: « vie privée » found only the records saying « privée », never
« vies privées » nor « le secteur privé ». So did « donnée » against « données », « portée »
against « portées », « pensée », « fondée », « signée ». Four letters before the ending are
now enough for the singular as for the plural; « armée », « année », « idée » (three letters
or fewer) are still left whole to Snowball, which already gives them their plural's term.
"""

import json

import pytest

from indexer.analysis import masculine, word_term
from tests.conftest import searched


@pytest.mark.parametrize("forms", [
    ("privée", "privées", "privé", "privés", "Privée"),
    ("donnée", "données", "donné"),
    ("portée", "portées", "porté"),
    ("pensée", "pensées"),
    ("fondée", "fondées", "fondé"),
    ("soirée", "soirées"),
])
def test_a_six_letter_feminine_meets_its_plural_and_its_masculine(forms):
    assert len({word_term(form) for form in forms}) == 1, [word_term(f) for f in forms]


@pytest.mark.parametrize("short", ["armee", "annee", "idee", "levee", "duree"])
def test_shorter_words_are_left_whole_and_still_meet_their_plural(short):
    assert masculine(short) == short
    assert word_term(short) == word_term(short + "s")


RECORDS = [
    ("Déclaration sur la protection des données", "2021-01-28",
     "La protection de la vie privée est un droit fondamental : chaque donnée personnelle "
     "collectée doit l'être pour une finalité précise."),
    ("Communiqué sur les réseaux sociaux", "2021-02-03",
     "Les vies privées de nos concitoyens ne sont pas une marchandise : les données "
     "personnelles ne se vendent pas."),
    ("Discours devant les entreprises", "2021-02-10",
     "Le secteur privé a pris toute sa part dans la relance, aux côtés de l'État."),
    ("Interview sur la défense", "2021-02-15",
     "L'armée de terre recrute cette année seize mille jeunes."),
]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    from indexer.indexing import index_paths

    corpus = tmp_path_factory.mktemp("feminine-corpus")
    with (corpus / "releases.jsonl").open("w", encoding="utf-8") as handle:
        for n, (title, date, text) in enumerate(RECORDS):
            record = {"id": f"f{n}", "title": title, "date": date, "text": text}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    index = tmp_path_factory.mktemp("feminine-index")
    index_paths([corpus], index, workers=1)  # what `verbatim index` runs
    return index


def titles(index_dir, q: str) -> set[str]:
    return {hit["title"] for hit in searched(index_dir, q).hits}


def test_vie_privee_finds_the_plural_and_the_masculine(index_dir):
    assert titles(index_dir, "privée") == {RECORDS[0][0], RECORDS[1][0], RECORDS[2][0]}
    assert titles(index_dir, "vies privées") >= {RECORDS[0][0], RECORDS[1][0]}


def test_a_donnee_personnelle_typed_in_the_singular_finds_the_plural(index_dir):
    response = searched(index_dir, "donnée personnelle")
    assert response.match == "all"  # both words in both records, not one word in either
    assert {hit["title"] for hit in response.hits} == {RECORDS[0][0], RECORDS[1][0]}
