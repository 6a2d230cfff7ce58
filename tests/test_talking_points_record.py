"""The talking points are lines people repeat, not the formulas of a debate's record: the chair's
« La parole est à M. …, rapporteur de la commission des lois … » comes back in every sitting,
under whichever member's turn the transcript puts it, and a press officer looking for the
lines repeated on a subject should not find it first (h160's walk, F9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_reuse import FILLER, index, write_corpus

from indexer.genealogy import record_formula

CHAIR = ("La parole est à M. Erwann Binet, rapporteur de la commission des lois "
         "constitutionnelles, de la législation et de l'administration générale de la République")
LINE = ("Nous ne laisserons aucun village de la vallée sans eau potable pendant les mois "
        "d'été, quelles que soient les restrictions décidées par les préfets")


def sitting(day: int, member: str, *said: str) -> dict[str, str]:
    """A sitting's record: the member's words, the chair's formula among them, the line."""
    before, between, after = said
    return {"title": f"Séance du {day} mars 2021", "date": f"2021-03-{day:02d}", "kind": "débat",
            "speakers": member, "text": f"{before} {CHAIR}. {between} {LINE}. {after}"}


ROWS = [
    sitting(4, "Paul Morel", FILLER,
            "Je le dis au ministre, qui connaît nos communes mieux que personne et qui a vu "
            "les citernes arriver l'an dernier dans les hameaux :",
            "Les digues attendront la fin de l'hiver et les crédits du prochain budget."),
    sitting(11, "Inès Caron", "Les élus du littoral demandent un plan contre l'érosion des "
            "dunes et le recul du trait de côte, sans attendre la prochaine tempête.",
            "Ma collègue l'a rappelé hier soir devant les pêcheurs et les ostréiculteurs du "
            "bassin, inquiets pour leurs parcs après trois étés secs :",
            "Le littoral aussi manque d'eau en août, quand les campings sont pleins."),
    sitting(18, "Paul Morel", "Les moulins de la haute vallée seront restaurés par une "
            "fondation privée, et les meules seront exposées au musée du pays.",
            "Je le redis aux agriculteurs de la plaine, qui attendent un plan d'irrigation "
            "depuis dix ans et ont vu leurs puits baisser chaque printemps :",
            "Le conseil régional votera les crédits de la station de pompage en juin."),
]


def indexed_client(base: Path, rows: list[dict[str, str]]):
    """Yield a test client of the web app on the rows, indexed in `base`."""
    from webapp import create_app
    from webapp.catalog import close_catalog

    index(write_corpus(base / "corpus", rows), base / "index")
    app = create_app({"TESTING": True, "INDEX_DIR": str(base / "index")})
    yield app.test_client()
    close_catalog(app)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    yield from indexed_client(tmp_path_factory.mktemp("record"), ROWS)


def test_the_chairs_formula_is_no_talking_point_but_the_members_line_is(client):
    data = client.get("/api/talking-points").get_json()
    passages = [item["passage"] for item in data["items"]]
    assert any("aucun village de la vallée sans eau potable" in p for p in passages)
    assert not any("Erwann Binet" in p or "La parole est à" in p for p in passages)
    page = client.get("/elements-de-langage").get_data(as_text=True)
    assert "aucun village de la vallée" in page and "Erwann Binet" not in page


def test_the_formula_still_has_its_genealogy(client):
    # left out of the list only: a journalist who pastes it still finds every sitting
    data = client.get("/api/genealogy", query_string={"q": CHAIR}).get_json()
    assert len(data["occurrences"]) == 3


@pytest.mark.parametrize("text", [
    CHAIR,
    # the Hansard's, unaccented, and a vote's
    "Je declare la motion no 2 rejetee. La prochaine mise aux voix porte sur la motion no 3",
    "Que tous ceux qui sont en faveur de la motion veuillent bien dire oui",
    "La suite de la discussion est renvoyée à la prochaine séance",
    "explications de vote, la parole est à Mme Corinne Narassiguin, pour le groupe socialiste",
])
def test_formulas_of_the_record(text):
    assert record_formula(text)


@pytest.mark.parametrize("text", [
    LINE,
    "la procréation médicalement assistée et vers la gestation pour autrui",
    "sur le mariage et l'adoption ouverts aux couples de même sexe",
    "Un enfant a droit à un père et à une mère",
])
def test_lines_members_repeat(text):
    assert not record_formula(text)
