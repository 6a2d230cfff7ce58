"""The formulas of a debate's record are not talking points: the chair's and the record's
words, accented or not (the Canadian Hansard of ../shared/corpus is written without
accents), with a name or a committee's title in them, are left out of the reuse groups, so
that « Éléments de langage » opens with lines members and ministers repeat. Checked on the
words of real sittings and through the talking points API on two real sittings of the
House of Commons, whose twenty first talking points were all the Speaker's votes."""

from __future__ import annotations

import pytest

from indexer.reuse import boilerplate, procedure
from indexer.reuse.groups import RECORD_SHARE
from indexer.reuse.passages import words_but_names
from tests.conftest import shared_path

# Passages the talking points of the whole shared corpus opened with (session 36).
FORMULAS = [
    "Projet de loi de credits no 1, 1997-1998 (Le projet de loi est lu",
    "Je declare la motion no 2 rejetee. La prochaine mise aux voix porte sur la motion",
    "La Chambre a entendu le whip en chef du gouvernement. Y a-t-il unanimite",
    "Comme il est 11 h 45, la periode reservee au debat est expiree",
    "Honorables senateurs, l'honorable senateur accepterait-il de repondre a une question",
    "La deputee a-t-elle le consentement unanime de la Chambre pour presenter cette motion",
]
# Lines members and ministers repeat, in debates and in releases.
LINES = [
    "la procréation médicalement assistée et vers la gestation pour autrui",
    "52 % des maires sont opposés au projet de loi, et 61 % souhaitent que le Gouvernement",
    "sur le mariage et l'adoption ouverts aux couples de même sexe",
    "Le projet de loi de finances pour 2021 prévoit 100 milliards pour la relance",
]
BINET = ("La parole est à M. Erwann Binet, rapporteur de la commission des lois "
         "constitutionnelles, de la législation et de l'administration générale de la "
         "République")


@pytest.mark.parametrize("text", FORMULAS)
def test_the_hansards_formulas_are_procedure_without_their_accents(text):
    assert boilerplate(text)


@pytest.mark.parametrize("text", LINES)
def test_a_line_that_names_a_bill_is_not_procedure_even_in_a_debate(text):
    assert not boilerplate(text)
    assert not procedure(words_but_names(text), RECORD_SHARE)


def test_the_chair_giving_the_floor_with_a_committees_title_is_the_records():
    """Half of its words are not procedure's (the committee's title), a third are, once
    the rapporteur's name is set aside: in a debate's record, it is the chair's formula."""
    assert not boilerplate(BINET)
    assert words_but_names(BINET)[:6] == ["la", "parole", "est", "a", "m", "rapporteur"]
    assert procedure(words_but_names(BINET), RECORD_SHARE)


@pytest.fixture(scope="module")
def votes(tmp_path_factory):
    """The web app on two sittings of the House of Commons (1999) that vote on motions."""
    from indexer.indexing import index_paths
    from webapp import create_app
    from webapp.catalog import close_catalog

    sittings = [shared_path("hansard-canada-36e-fr", "Testing",
                            f"hansard.36.2.house.debates.{n}.f") for n in ("063", "072")]
    index_dir = tmp_path_factory.mktemp("votes")
    index_paths(sittings, index_dir, workers=1)
    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
    yield app.test_client()
    close_catalog(app)


def test_the_speakers_votes_are_not_talking_points(votes):
    """Before: 20 talking points of 20 were the Speaker's « Je declare la motion no 276
    rejetee. La prochaine mise aux voix porte sur la motion no 277 » and « Y a-t-il
    consentement unanime de la Chambre pour proceder de cette facon »."""
    found = votes.get("/api/talking-points").get_json()
    passages = [item["passage"] for item in found["items"]]
    # left: twice the voice vote (« Que tous ceux qui appuient l'amendement veuillent bien
    # dire oui »), and « directement allusion aux propos tenus par le depute de … »
    assert found["total"] <= 3, passages
    for words in ("declare la motion", "consentement unanime"):
        assert not any(words in passage for passage in passages), words
    page = votes.get("/elements-de-langage").get_data(as_text=True)
    assert "declare la motion" not in page and "Éléments de langage" in page
