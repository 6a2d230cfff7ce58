"""Bounded facets, through the pages and the API (Datasette's facet_size).

A search returns each facet's 30 values with most records (8 shown, the rest under « voir
plus »), says when a facet has more, and links to the same search with all of that facet's
values (`facet_all=speaker`, up to 1,000). A selected value always shows with its count,
whatever its rank. A journalist looking for one speaker among many types `speaker:Nom` or
opens the speaker's page: both keep working whatever the list shows.

The corpus: 46 communiqués by 40 members of a government, Élisabeth Borne in four of them,
Bruno Le Maire in three, Gabriel Attal in two, every other minister in one.
"""

from __future__ import annotations

import csv
import json
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import build_web_index

MINISTERS = [
    "Élisabeth Borne", "Bruno Le Maire", "Gabriel Attal", "Agnès Pannier-Runacher",
    "Amélie de Montchalin", "Aurore Bergé", "Christophe Béchu", "Clément Beaune",
    "Dominique Faure", "Éric Dupond-Moretti", "François Braun", "Gérald Darmanin",
    "Isabelle Rome", "Jean-Christophe Combe", "Jean-Noël Barrot", "Marc Fesneau",
    "Marlène Schiappa", "Olivier Dussopt", "Olivier Véran", "Pap Ndiaye",
    "Rima Abdul-Malak", "Roland Lescure", "Sarah El Haïry", "Sébastien Lecornu",
    "Stanislas Guerini", "Sylvie Retailleau", "Catherine Colonna", "Franck Riester",
    "Agnès Firmin Le Bodo", "Amélie Oudéa-Castéra", "Charlotte Caubel", "Caroline Cayeux",
    "Chrysoula Zacharopoulou", "Hervé Berville", "Laurence Boone", "Olivia Grégoire",
    "Patrice Vergriete", "Philippe Vigier", "Prisca Thevenot", "Thomas Cazenave",
]
STATEMENTS = {"Élisabeth Borne": 4, "Bruno Le Maire": 3, "Gabriel Attal": 2}


@pytest.fixture(scope="module")
def government_index(tmp_path_factory):
    """An index of the 46 communiqués (built once for the module)."""
    base = tmp_path_factory.mktemp("government")
    corpus = base / "corpus"
    corpus.mkdir()
    with (corpus / "communiques.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["title", "date", "text", "tags", "speakers", "kind"])
        writer.writeheader()
        day = 0
        for name in MINISTERS:
            for n in range(STATEMENTS.get(name, 1)):
                day += 1
                writer.writerow({
                    "title": f"Communiqué de {name} sur la transition écologique ({n + 1})",
                    "date": f"2023-{1 + day // 28:02d}-{1 + day % 28:02d}",
                    "text": f"{name} a présenté ce jour les mesures du Gouvernement pour la "
                            "transition écologique et la sobriété énergétique des territoires.",
                    "tags": "Écologie",
                    "speakers": name,
                    "kind": "communiqué",
                })
    return build_web_index(corpus, base / "index")


@pytest.fixture
def gov(government_index):
    """A Flask test client over the government's communiqués."""
    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(government_index)})
    yield app.test_client()
    close_catalog(app)


def _speaker_panel(html: str) -> str:
    start = html.index('<section class="facet" aria-labelledby="facet-speaker">')
    return html[start:html.index("</section>", start)]


def _names(panel: str) -> list[str]:
    return [unescape(re.sub(r"<[^>]+>", "", n)).replace("✓ ", "").replace(
        "(choisi, retirer) ", "").strip()
            for n in re.findall(r"<li><a href=[^>]*>(.*?)</a>", panel, re.S)]


def test_the_api_returns_the_thirty_speakers_with_most_statements_and_says_there_are_more(gov):
    data = gov.get("/api/search?q=transition").get_json()
    speakers = data["facets"]["speaker"]
    assert data["total"] == 46
    assert len(speakers) == 30
    # most statements first, then ties in alphabetical order (« de » with « Oudéa »)
    assert [(v["value"], v["count"]) for v in speakers[:4]] == [
        ("Élisabeth Borne", 4), ("Bruno Le Maire", 3), ("Gabriel Attal", 2),
        ("Agnès Firmin Le Bodo", 1)]
    assert data["facets_truncated"]["speaker"] is True
    assert data["facets_truncated"]["theme"] is False
    assert data["facets_all_urls"]["theme"] is None
    more = urlsplit(data["facets_all_urls"]["speaker"])
    assert more.path == "/api/search"
    assert parse_qs(more.query) == {"q": ["transition"], "facet_all": ["speaker"]}

    everyone = gov.get(data["facets_all_urls"]["speaker"]).get_json()
    assert sorted(v["value"] for v in everyone["facets"]["speaker"]) == sorted(MINISTERS)
    assert everyone["facets_truncated"]["speaker"] is False
    assert everyone["facets_all_urls"]["speaker"] is None
    assert everyone["total"] == data["total"]
    assert everyone["results"] == data["results"]


def test_facet_size_asks_for_fewer_or_up_to_the_maximum(gov):
    three = gov.get("/api/search?q=transition&facet_size=3").get_json()
    assert [v["value"] for v in three["facets"]["speaker"]] == [
        "Élisabeth Borne", "Bruno Le Maire", "Gabriel Attal"]
    assert three["facets_truncated"]["speaker"] is True
    # the links of the answer keep the size asked for
    assert "facet_size=3" in three["facets"]["speaker"][0]["toggle_url"]
    assert "facet_size=3" in three["next_url"]
    everything = gov.get("/api/search?q=transition&facet_size=max").get_json()
    assert len(everything["facets"]["speaker"]) == 40
    assert everything["facets_truncated"] == {"speaker": False, "theme": False, "kind": False,
                                             "year": False, "lang": False}


@pytest.mark.parametrize("query, problem", [
    ("facet_size=beaucoup", "facet_size"),
    ("facet_all=ministre", "Facette inconnue « ministre »"),
])
def test_a_facet_size_or_facet_not_understood_is_a_400_in_the_api_and_a_note_on_the_page(
        gov, query, problem):
    answer = gov.get(f"/api/search?q=transition&{query}")
    assert answer.status_code == 400
    assert problem in answer.get_data(as_text=True)
    page = gov.get(f"/?q=transition&{query}")
    assert page.status_code == 200
    assert problem in unescape(page.get_data(as_text=True))


def test_a_selected_speaker_shows_with_its_count_whatever_its_rank(gov):
    # Thomas Cazenave has one statement: among the last by name of the ministers with one
    data = gov.get("/api/search?q=transition&facet_size=3&speaker=Thomas+Cazenave").get_json()
    speakers = {v["value"]: v for v in data["facets"]["speaker"]}
    assert speakers["Thomas Cazenave"]["count"] == 1
    assert speakers["Thomas Cazenave"]["selected"] is True
    assert list(speakers)[:3] == ["Élisabeth Borne", "Bruno Le Maire", "Gabriel Attal"]
    assert data["total"] == 1

    page = gov.get("/?q=transition&speaker=Thomas+Cazenave").get_data(as_text=True)
    panel = _speaker_panel(page)
    shown = panel.split("<details")[0]  # not folded under « voir plus »
    assert _names(shown) == ["Élisabeth Borne", "Bruno Le Maire", "Gabriel Attal",
                             "Agnès Firmin Le Bodo", "Agnès Pannier-Runacher",
                             "Amélie de Montchalin", "Amélie Oudéa-Castéra", "Aurore Bergé",
                             "Thomas Cazenave"]
    assert re.search(r'class="selected"[^>]*>.*Thomas Cazenave', shown, re.S)


def test_the_page_shows_eight_speakers_then_the_rest_of_thirty_then_a_link_to_all(gov):
    page = gov.get("/?q=transition").get_data(as_text=True)
    panel = _speaker_panel(page)
    names = _names(panel)
    assert len(names) == 30  # 8 shown, 22 under « voir plus »
    assert names[:3] == ["Élisabeth Borne", "Bruno Le Maire", "Gabriel Attal"]
    assert "voir plus" in panel and "(22)" in panel
    assert "<details>" in panel  # folded
    link = re.search(r'<p class="facet-all"><a href="([^"]+)">tous les orateurs</a>', panel)
    assert link, panel[-600:]
    url = unescape(link.group(1))
    assert urlsplit(url).fragment == "facet-speaker"
    assert parse_qs(urlsplit(url).query) == {"q": ["transition"], "facet_all": ["speaker"]}

    whole = gov.get(url).get_data(as_text=True)
    panel = _speaker_panel(whole)
    assert sorted(_names(panel)) == sorted(MINISTERS)
    assert "<details open>" in panel
    assert "tous les orateurs" not in panel
    fold = re.search(r'<a href="([^"]+)">replier la liste</a>', panel)
    assert parse_qs(urlsplit(unescape(fold.group(1))).query) == {"q": ["transition"]}
    # choosing a minister in the whole list folds it back, the choice on top
    pick = re.search(r'<a href="([^"]+)">Pap Ndiaye</a>', panel)
    chosen = parse_qs(urlsplit(unescape(pick.group(1))).query)
    assert chosen == {"q": ["transition"], "speaker": ["Pap Ndiaye"]}


def test_voir_plus_names_what_it_unfolds_in_good_french_for_a_screen_reader(gov):
    # the words hidden from the eye are read aloud: « voir plus d'orateurs », not « de orateurs »
    page = gov.get("/?q=transition").get_data(as_text=True)
    summary = re.search(r"<summary>(.*?)</summary>", _speaker_panel(page), re.S).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", summary)) == "voir plus d'orateurs (22)"


def test_the_themes_of_a_small_list_have_no_link_to_more(gov):
    page = gov.get("/?q=transition").get_data(as_text=True)
    start = page.index('aria-labelledby="facet-theme"')
    panel = page[start:page.index("</section>", start)]
    assert "Écologie" in panel
    assert "tous les thèmes" not in panel


def test_a_speaker_outside_the_list_is_found_by_name_and_has_a_page(gov):
    # Prisca Thevenot is not among the thirty shown (one statement, late in the alphabet)
    shown = gov.get("/api/search?q=transition").get_json()["facets"]["speaker"]
    assert "Prisca Thevenot" not in {v["value"] for v in shown}
    found = gov.get("/api/search?q=speaker:thevenot").get_json()
    assert found["total"] == 1
    assert found["results"][0]["speakers"][0]["name"] == "Prisca Thevenot"
    page = gov.get("/speaker/Prisca Thevenot")
    assert page.status_code == 200
    assert "Prisca Thevenot" in page.get_data(as_text=True)


def test_the_command_line_json_says_which_facets_were_cut(government_index):
    from click.testing import CliRunner

    from indexer.cli import main

    result = CliRunner().invoke(main, ["search", "transition", "--json", "--index",
                                       str(government_index)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert len(data["facets"]["speaker"]) == 30
    assert data["facets_truncated"]["speaker"] is True


def test_the_command_line_asks_for_as_many_values_as_the_api(government_index):
    from click.testing import CliRunner

    from indexer.cli import main

    def speakers(*size: str) -> dict:
        result = CliRunner().invoke(main, ["search", "transition", "--json", *size, "--index",
                                           str(government_index)])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    five = speakers("--facet-size", "5")
    assert [v["value"] for v in five["facets"]["speaker"][:3]] == [
        "Élisabeth Borne", "Bruno Le Maire", "Gabriel Attal"]
    assert len(five["facets"]["speaker"]) == 5 and five["facets_truncated"]["speaker"]
    every = speakers("--facet-size", "max")
    assert len(every["facets"]["speaker"]) == len(MINISTERS)
    assert every["facets_truncated"]["speaker"] is False


def test_the_command_line_refuses_a_facet_size_it_cannot_serve(government_index):
    from click.testing import CliRunner

    from indexer.cli import main

    for wrong in ("0", "beaucoup", "5000"):
        result = CliRunner().invoke(main, ["search", "transition", "--facet-size", wrong,
                                           "--index", str(government_index)])
        assert result.exit_code == 2
        assert "--facet-size" in result.output and "Traceback" not in result.output
