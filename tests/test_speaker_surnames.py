"""One person, one speaker: a surname written alone is the one person of that name (h160's F1).

A deputy's speech says « Mme Taubira nous parlait hier avec grandiloquence du « mariage
pour tous » »: attribution gives the words to « Taubira », the name the text writes, while
the index knows Christiane Taubira from her own speech. The speaker facet, the speaker's
page, the CSV export and the search command show one person, Christiane Taubira; the
quotation keeps the name as written beside it. A surname that two people of the index bear
(« Touraine »: Marisol and Jean-Louis Touraine) stays as written, and its page says why.

It is decided when reading, on the index as it is: an index updated with a second person of
the same surname splits them again, with no record rewritten.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.indexing import index_paths
from indexer.search import SearchRequest, open_catalog, search
from tests.conftest import web_client

TAUBIRA_SPEECH = """---
title: Discours de Christiane Taubira à l'Assemblée nationale
date: 2013-01-29
speakers: Christiane Taubira
---
Christiane Taubira, garde des sceaux, a ouvert le débat sur le projet de loi ouvrant le mariage
aux couples de personnes de même sexe. « Le mariage civil porte l'empreinte de l'égalité »,
a-t-elle déclaré devant les députés.
"""
MARITON_SITTING = (
    "Mariage pour tous - Deuxième séance du vendredi 1er février 2013\n\n"
    "M. Hervé Mariton. Le texte du Gouvernement bouleverse le droit de la filiation. "
    "M. Mariton l'a répété : « Ce texte bouleverse la filiation. » Mme Taubira nous parlait "
    "hier avec grandiloquence du « mariage pour tous », mais la garde des sceaux a aussi "
    "déclaré : « Nous ne toucherons pas à la filiation adoptive. »\n")
MARISOL_TOURAINE = """---
title: Marisol Touraine présente la stratégie nationale de santé
date: 2013-09-23
speakers: Marisol Touraine
---
Marisol Touraine, ministre des Affaires sociales et de la Santé, a présenté à Grenoble la
stratégie nationale de santé. « Nous voulons une révolution du premier recours », a déclaré
la ministre.
"""
BIOETHICS_SITTING = (
    "Projet de loi relatif à la bioéthique - Première séance du mardi 24 septembre 2019\n\n"
    "M. Patrick Hetzel. Nous contestons l'extension de l'assistance médicale à la procréation. "
    "Mme Touraine nous a répondu hier : « Ce texte ne retire rien à personne. » Nous ne "
    "partageons pas cette lecture.\n")
JEAN_LOUIS_TOURAINE = """---
title: Jean-Louis Touraine, rapporteur du projet de loi relatif à la bioéthique
date: 2019-09-20
speakers: Jean-Louis Touraine
---
Jean-Louis Touraine, député du Rhône et rapporteur du projet de loi relatif à la bioéthique, a
présenté le texte en commission. « L'assistance médicale à la procréation pour toutes les
femmes est une mesure d'égalité », a-t-il déclaré.
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    """Write `files` ({name: text}) into `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def taubira_index(tmp_path_factory):
    """An index of Christiane Taubira's speech and Hervé Mariton's sitting (real extraction)."""
    base = tmp_path_factory.mktemp("surnames")
    corpus = write(base / "corpus", {"taubira.md": TAUBIRA_SPEECH,
                                     "seance-mariton.txt": MARITON_SITTING})
    index_paths([corpus], base / "index", workers=1)
    return base / "index"


@pytest.fixture
def client(taubira_index):
    """The web app over the Taubira index."""
    yield from web_client(taubira_index)


def speaker_facet(client, **params) -> dict[str, int]:
    """Return the API's speaker facet of a search: {value: count}."""
    data = client.get("/api/search", query_string=params).get_json()
    return {v["value"]: v["count"] for v in data["facets"]["speaker"]}


def test_the_facet_counts_a_surname_alone_with_the_person(client):
    # before: {"Christiane Taubira": 1, "Hervé Mariton": 1, "Taubira": 1}
    assert speaker_facet(client, quotes=1) == {"Christiane Taubira": 2, "Hervé Mariton": 1}
    assert "Taubira" not in speaker_facet(client)


def test_the_quotation_names_the_person_and_keeps_the_name_as_written(client):
    data = client.get("/api/search", query_string={"q": "mariage", "quotes": 1,
                                                   "speaker": "Taubira"}).get_json()
    [hit] = [h for h in data["results"] if h["quote"] == "mariage pour tous"]
    assert hit["speakers"] == [{"name": "Christiane Taubira", "function": None,
                                "written": "Taubira"}]
    assert "Mme Taubira" in hit["attribution"]["before"]
    # the card says how the text wrote her name
    page = client.get("/", query_string={"q": "mariage", "quotes": 1, "speaker": "Taubira"})
    assert ">Christiane Taubira</a><span class=\"written\"> (« Taubira » dans le texte)" in \
        page.get_data(as_text=True)


def test_the_surname_page_is_the_person_page(client):
    response = client.get("/speaker/Taubira")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/speaker/Christiane%20Taubira")
    assert client.get("/speaker/Mme%20Taubira").status_code == 302
    page = client.get("/speaker/Christiane Taubira").get_data(as_text=True)
    # her quotation in her speech, and the one the sitting gives « Mme Taubira »
    assert "· 2 citations" in page
    assert "mariage pour tous" in page
    assert ("Certains textes ne donnent que «&nbsp;Taubira&nbsp;»&nbsp;: ils sont comptés ici, "
            "Christiane Taubira étant la seule personne de ce nom dans l'index.") in page


def test_the_csv_export_writes_one_name(client):
    text = client.get("/export.csv", query_string={"quotes": 1}).get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert sorted({row["speakers"] for row in rows if row["speakers"]}) == [
        "Christiane Taubira", "Hervé Mariton"]


def test_the_search_command_names_the_person(taubira_index):
    from indexer.cli import main

    result = CliRunner().invoke(main, ["search", "--index", str(taubira_index), "--quotes",
                                       "--speaker", "Taubira", "mariage"])
    assert result.exit_code == 0, result.output
    assert "Christiane Taubira" in result.output
    assert "— Taubira" not in result.output


def test_a_second_person_of_the_name_splits_them_again(tmp_path):
    corpus = write(tmp_path / "corpus", {"marisol.md": MARISOL_TOURAINE,
                                         "seance-bioethique.txt": BIOETHICS_SITTING})
    index = tmp_path / "index"
    index_paths([corpus], index, workers=1)
    catalog = open_catalog(index)
    facet = search(catalog, SearchRequest(quotes=True)).facets["speaker"]
    # one Touraine in the index: the quotation of « Mme Touraine » is hers
    assert {v["value"]: v["count"] for v in facet} == {"Marisol Touraine": 2}
    catalog.close()

    # the index updated with Jean-Louis Touraine's statement: « Touraine » is either
    write(corpus, {"jean-louis.md": JEAN_LOUIS_TOURAINE})
    report = index_paths([corpus], index, workers=1)
    assert report.added == 1
    catalog = open_catalog(index)
    facet = search(catalog, SearchRequest(quotes=True)).facets["speaker"]
    # « Touraine » alone stays a value, counting what a click on it selects: every Touraine
    assert {v["value"]: v["count"] for v in facet} == {
        "Jean-Louis Touraine": 1, "Marisol Touraine": 1, "Touraine": 3}
    catalog.close()

    for client in web_client(index):
        page = client.get("/speaker/Touraine").get_data(as_text=True)
        assert "Plusieurs personnes de l'index portent ce nom" in page
        assert ">Jean-Louis Touraine</a>, <a" in page and ">Marisol Touraine</a>)" in page
        assert client.get("/speaker/Marisol Touraine").status_code == 200


ROUSSEAU_SITTING = (
    "Mariage pour tous - Deuxième séance du vendredi 1er février 2013\n\n"
    "M. Jean-Frédéric Poisson. Nous proposons des réponses nouvelles, tels le contrat "
    "d'union civile ou le statut des tiers. S'il s'agit de chimères, puis-je rappeler "
    "Renan : « Rien de grand ne se fait sans chimères » ; Rousseau : « Le pays des chimères "
    "est dans ce monde le seul digne d'être habité ».\n")
VERAN_INTERVIEW = """---
title: Interview de M. Olivier Véran sur la réforme des retraites
date: 2023-03-27
speakers: Olivier Véran
---
Olivier Véran, ministre délégué chargé du renouveau démocratique, a répondu aux critiques. Le
constitutionnaliste Dominique Rousseau a déclaré : « Il semble difficile que le Conseil
constitutionnel ne censure pas la loi. » Le ministre ne partage pas cette lecture.
"""


def test_a_surname_alone_is_not_given_to_a_namesake_the_index_only_quotes(tmp_path):
    # Jean-Jacques Rousseau's line in a sitting of 2013 is not the words of the
    # constitutionalist Dominique Rousseau, whom a minister quotes in 2023 and who speaks in
    # no statement of the index: « Rousseau » stays as the text writes it
    corpus = write(tmp_path / "corpus", {"seance-poisson.txt": ROUSSEAU_SITTING,
                                         "veran.md": VERAN_INTERVIEW})
    index_paths([corpus], tmp_path / "index", workers=1)
    for client in web_client(tmp_path / "index"):
        facet = speaker_facet(client, quotes=1)
        # « Rousseau » stays a value of its own; its count is what a click on it selects,
        # every Rousseau (`speaker=Rousseau`, as `speaker:Rousseau` reads it)
        assert facet["Rousseau"] == 2 and facet["Dominique Rousseau"] == 1
        assert client.get("/speaker/Rousseau").status_code == 200
