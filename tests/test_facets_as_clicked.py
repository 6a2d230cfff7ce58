"""A facet value counts what a click on it returns, under one label per concept.

Datasette's rule: the count beside a value is the number of results its link gives. Two
ways it was broken, through the pages and the API (the speakers' in
`tests/test_filters_typed.py`, beside the Touraines' selection):

- Themes: a press office tags one release « Inondation », the others « inondations » (or
  the thesaurus gives them « Inondations »): the facet listed two values, « Inondation (1) »
  and « Inondations (2) », where `theme=inondation` typed by hand already read both as one
  (session 43). One concept, one label: a theme's singular and plural, and the words that
  link its nouns (« Politique de défense », « Politique de la défense »), are one value,
  counted together, under the thesaurus's label when it has one; clicking it selects both.
  Words of one stem but two concepts stay apart: « Financement » is not « Finances ».
- Speakers: `speaker=Touraine` selects every Touraine (Marisol, Jean-Louis and the
  quotations the text gives to « Mme Touraine » alone, session 43), but the facet counted the
  bare « Touraine » alone: 1 beside a click giving 3. Its count is now the click's, and its
  label says it covers them (« Touraine (tous les Touraine) »). `speaker:Touraine`'s note no
  longer counts the bare name as a third person.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from indexer.indexing import index_paths
from tests.conftest import web_client
from tests.test_speaker_surnames import write


def release(title: str, date: str, tags: str, text: str) -> str:
    """Return a release of the federation as Markdown, tagged `tags`."""
    return (f"---\ntitle: {title}\ndate: {date}\nauthor: Fédération des Rivières Vivantes\n"
            f"category: communiqué\ntags: [{tags}]\n---\n\n{text}\n")


RELEASES = {
    "crues-orbize.md": release(
        "Crues de l'Orbize : la fédération demande un plan de prévention", "2024-11-28",
        "inondations", "Les crues de l'Orbize ont noyé trois quartiers de Nantes."),
    "crues-vere.md": release(
        "Crues de la Vère : les zones humides ont joué leur rôle", "2024-12-05",
        "inondations, zones humides", "Les zones humides ont absorbé une partie de la crue."),
    # the one release a press officer tagged in the singular
    "digue-lisson.md": release(
        "Rupture de la digue du Lisson : la fédération demande une enquête", "2025-01-14",
        "Inondation", "La digue du Lisson a cédé dans la nuit, inondant la plaine."),
    "defense-1.md": release(
        "Les terrains militaires et les rivières", "2023-04-02", "Politique de défense",
        "Les terrains militaires abritent des rivières préservées."),
    "defense-2.md": release(
        "Camp de Montclair : un accord sur la rivière", "2023-05-10",
        "Politique de la défense", "Le ministère des armées s'engage à protéger la Vère."),
    # one stem, two concepts: the funding of a programme is not the public finances
    "financement.md": release(
        "Rivières vivantes 2030 : le financement est bouclé", "2021-03-22", "Financement",
        "Le programme est financé pour cinq ans."),
    "finances.md": release(
        "Loi de finances : la fédération déplore la baisse des crédits de l'eau", "2022-10-01",
        "Finances", "Les crédits des agences de l'eau baissent encore."),
}


@pytest.fixture(scope="module")
def releases(tmp_path_factory):
    base = tmp_path_factory.mktemp("one-concept")
    index_paths([write(base / "corpus", RELEASES)], base / "index", workers=1)
    yield from web_client(base / "index")


def _api(client, **args) -> dict:
    response = client.get("/api/search", query_string={"q": "", **args})
    assert response.status_code == 200
    return response.get_json()


def _facet(data: dict, facet: str) -> dict[str, tuple[str, int]]:
    return {v["value"]: (v["label"], v["count"]) for v in data["facets"][facet]}


def listed(page: str) -> dict[str, str]:
    """Return the facet values of a page, {label: count shown}."""
    return dict(re.findall(r'>([^<>]+)</a>\s*<span class="count">([^<]+)</span>', page))


def clicked(client, value: dict) -> dict:
    """Follow a facet value's link (the API's, absolute) and return the answer."""
    parts = urlsplit(value["toggle_url"])
    response = client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200
    return response.get_json()


def test_a_theme_in_the_singular_and_the_plural_is_one_value(releases):
    # before: « Inondation » (1) and « Inondations » (2), two values of one concept
    themes = _facet(_api(releases), "theme")
    assert themes["Inondations"] == ("Inondations", 3)
    assert "Inondation" not in themes
    assert themes["Politique de la défense"] == ("Politique de la défense", 2)
    assert "Politique de défense" not in themes
    # one stem, two concepts: two values
    assert (themes["Financement"], themes["Finances"]) == (("Financement", 1), ("Finances", 1))


def test_a_click_on_the_merged_theme_returns_its_count(releases):
    value = next(v for v in _api(releases)["facets"]["theme"] if v["value"] == "Inondations")
    chosen = clicked(releases, value)
    assert chosen["total"] == value["count"] == 3
    assert sorted(h["source"] for h in chosen["results"]) == [
        "crues-orbize.md", "crues-vere.md", "digue-lisson.md"]
    assert chosen["notes"] == []
    # the singular as indexed, typed or bookmarked, is the same value, selected
    singular = _api(releases, theme="Inondation")
    assert singular["total"] == 3 and singular["notes"] == []
    assert [v["value"] for v in singular["facets"]["theme"] if v["selected"]] == ["Inondations"]


def test_the_page_lists_the_theme_once(releases):
    shown = listed(releases.get("/?q=").get_data(as_text=True))
    assert shown["Inondations"] == "3"
    assert "Inondation" not in shown
    chip = releases.get("/?q=&theme=Inondation").get_data(as_text=True)
    assert 'aria-label="Retirer le filtre Thème\xa0: Inondations"' in chip
