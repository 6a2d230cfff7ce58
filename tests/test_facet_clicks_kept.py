"""A journalist clicks a facet and gets what its count and its chips promised.

What session 44's facet work left, through the Flask client, pages with no JavaScript:

- `speaker=Touraine` ticks « Touraine (tous les Touraine) »: Marisol and Jean-Louis Touraine
  and the sitting quoting « Mme Touraine », which the text gives to neither. Unticking
  Marisol dropped that sitting with her (the URL became `speaker=Jean-Louis Touraine`): the
  quotations of the surname alone are now a value of their own, « Touraine (sans prénom) »,
  ticked, counted as its click, and ticking Marisol again is « Touraine » again.
- The chip said « Orateur : Jean-Louis Touraine ou Marisol Touraine ou Touraine »: it says
  what the facet says, « Orateur : Touraine (tous les Touraine) ».
- « Rousseau » alone (Jean-Jacques, quoted in a sitting of 2013) and Dominique Rousseau (a
  constitutionalist a minister quotes in 2023), both only quoted in the index: the bare
  surname's click keeps taking every Rousseau, as `speaker:Rousseau` does, but its label
  names whom it adds, « Rousseau (avec Dominique Rousseau) », rather than calling them a
  family; unticking Dominique leaves Jean-Jacques's line alone. Why the click is kept: the
  other bare surnames whose one bearer the index only quotes are that person on the tests'
  shared-corpus index (« Erdogan » and Recep Tayyip Erdogan, « Jaurès » and Jean Jaurès,
  « Genevoix » and Maurice Genevoix; « Le Pen » beside Marine Le Pen may be her father):
  nothing in the index tells Rousseau's case from theirs, and splitting them would hide
  Erdogan's statements from a journalist typing his surname. The label says whom the click
  adds; the journalist unticks him when the Rousseau they want is another.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from indexer.indexing import index_paths
from tests.conftest import web_client
from tests.test_facets_as_clicked import clicked
from tests.test_speaker_surnames import (
    BIOETHICS_SITTING,
    JEAN_LOUIS_TOURAINE,
    MARISOL_TOURAINE,
    ROUSSEAU_SITTING,
    VERAN_INTERVIEW,
    write,
)


def _indexed(base: Path, files: dict[str, str]) -> Path:
    """Return the index of a folder of `files` ({name: text}) written under `base`."""
    index_paths([write(base / "corpus", files)], base / "index", workers=1)
    return base / "index"


@pytest.fixture(scope="module")
def touraines(tmp_path_factory):
    """Marisol Touraine's statement, Jean-Louis Touraine's, a sitting quoting « Mme Touraine »."""
    yield from web_client(_indexed(tmp_path_factory.mktemp("touraines"), {
        "marisol.md": MARISOL_TOURAINE, "jean-louis.md": JEAN_LOUIS_TOURAINE,
        "seance-bioethique.txt": BIOETHICS_SITTING}))


def _api(client, **args) -> dict:
    response = client.get("/api/search", query_string={"q": "", **args})
    assert response.status_code == 200
    return response.get_json()


def _speakers(data: dict) -> dict[str, dict]:
    return {v["label"]: v for v in data["facets"]["speaker"]}


def _ticked(data: dict) -> list[str]:
    return sorted(v["label"] for v in data["facets"]["speaker"] if v["selected"])


def _sources(data: dict) -> list[str]:
    return sorted(h["source"] for h in data["results"])


def _chips(page: str) -> list[str]:
    return [html.unescape(c) for c in re.findall(r'aria-label="Retirer le filtre ([^"]+)"', page)]


def _speaker_args(url: str) -> list[str]:
    return [v for k, v in parse_qsl(urlsplit(url).query) if k == "speaker"]


@pytest.mark.parametrize("quotes", [0, 1])
def test_unticking_marisol_keeps_the_sitting_quoting_mme_touraine(touraines, quotes):
    every = _api(touraines, speaker="Touraine", quotes=quotes)
    assert _sources(every) == ["jean-louis.md", "marisol.md", "seance-bioethique.txt"]
    # before: `speaker=Jean-Louis Touraine`, 1 result: the sitting went with Marisol
    marisol_out = clicked(touraines, _speakers(every)["Marisol Touraine"])
    assert _sources(marisol_out) == ["jean-louis.md", "seance-bioethique.txt"]
    assert _ticked(marisol_out) == ["Jean-Louis Touraine", "Touraine (sans prénom)"]
    facet = _speakers(marisol_out)
    # every Touraine is no longer ticked; the surname alone is, counted as its click
    assert facet["Touraine (tous les Touraine)"]["selected"] is False
    alone = facet["Touraine (sans prénom)"]
    assert alone["count"] == 1
    assert _sources(clicked(touraines, alone)) == ["jean-louis.md"]  # unticked: Jean-Louis
    assert _sources(_api(touraines, speaker="Touraine (sans prénom)", quotes=quotes)) == [
        "seance-bioethique.txt"]
    assert marisol_out["notes"] == []  # the chips say it


def test_ticking_marisol_again_is_every_touraine(touraines):
    marisol_out = clicked(touraines, _speakers(_api(touraines, speaker="Touraine"))[
        "Marisol Touraine"])
    back = _speakers(marisol_out)["Marisol Touraine"]
    # the three ticked again are « Touraine », one value in the URL
    assert _speaker_args(back["toggle_url"]) == ["Touraine"]
    assert _sources(clicked(touraines, back)) == [
        "jean-louis.md", "marisol.md", "seance-bioethique.txt"]
    # and « Touraine (tous les Touraine) », unticked, ticks every one of them
    assert _speaker_args(_speakers(marisol_out)["Touraine (tous les Touraine)"]
                         ["toggle_url"]) == ["Touraine"]


def test_the_pages_links_and_chips_say_what_the_url_selects(touraines):
    page = touraines.get("/?q=&speaker=Touraine").get_data(as_text=True)
    # before: « Orateur : Jean-Louis Touraine ou Marisol Touraine ou Touraine »
    assert _chips(page) == ["Orateur\xa0: Touraine (tous les Touraine)"]
    # the facet's link unticking Marisol, followed as a browser without JavaScript does
    link = re.search(r'<a href="([^"]+)" class="selected" aria-current="true">[^\n]*'
                     r'\(choisi, retirer\) </span>Marisol Touraine</a>', page)
    after = touraines.get(html.unescape(link.group(1))).get_data(as_text=True)
    assert _chips(after) == ["Orateur\xa0: Jean-Louis Touraine",
                             "Orateur\xa0: Touraine (sans prénom)"]
    assert "Première séance du mardi 24 septembre 2019" in after  # the sitting
    assert "Marisol Touraine présente la stratégie nationale de santé" not in after


def test_a_person_ticked_beside_every_touraine_is_in_its_chip(touraines):
    page = touraines.get("/?q=&speaker=Touraine&speaker=Marisol+Touraine").get_data(
        as_text=True)
    assert _chips(page) == ["Orateur\xa0: Touraine (tous les Touraine)"]
    feed = touraines.get("/feed.atom?speaker=Touraine").get_data(as_text=True)
    assert "Orateur\xa0: Touraine (tous les Touraine)</title>" in feed


def test_the_talking_points_chips_say_it_alike(touraines):
    every = touraines.get("/elements-de-langage?speaker=Touraine").get_data(as_text=True)
    assert _chips(every) == ["Orateur\xa0: Touraine (tous les Touraine)"]
    kept = touraines.get("/elements-de-langage", query_string=[
        ("speaker", "Jean-Louis Touraine"), ("speaker", "Touraine (sans prénom)")])
    assert _chips(kept.get_data(as_text=True)) == [
        "Orateur\xa0: Jean-Louis Touraine", "Orateur\xa0: Touraine (sans prénom)"]


# --- « Rousseau »: Jean-Jacques quoted in 2013, Dominique quoted in 2023.

@pytest.fixture(scope="module")
def rousseaus(tmp_path_factory):
    """The sitting quoting Rousseau's « pays des chimères », Olivier Véran's interview quoting
    the constitutionalist Dominique Rousseau."""
    yield from web_client(_indexed(tmp_path_factory.mktemp("rousseaus"), {
        "seance-poisson.txt": ROUSSEAU_SITTING, "veran.md": VERAN_INTERVIEW}))


def test_rousseau_alone_names_whom_its_click_adds(rousseaus):
    facet = _speakers(_api(rousseaus, quotes=1))
    # before: « Rousseau (tous les Rousseau) », as if a family of the index
    rousseau = facet["Rousseau (avec Dominique Rousseau)"]
    assert rousseau["count"] == 2 == clicked(rousseaus, rousseau)["total"]
    assert facet["Dominique Rousseau"]["count"] == 1


def test_unticking_dominique_leaves_jean_jacques_line(rousseaus):
    every = _api(rousseaus, speaker="Rousseau", quotes=1)
    assert _ticked(every) == ["Dominique Rousseau", "Rousseau (avec Dominique Rousseau)"]
    alone = clicked(rousseaus, _speakers(every)["Dominique Rousseau"])
    assert [h["quote"] for h in alone["results"]] == [
        "Le pays des chimères est dans ce monde le seul digne d'être habité"]
    assert _ticked(alone) == ["Rousseau (sans prénom)"]
    page = rousseaus.get("/?q=&quotes=1&speaker=Rousseau").get_data(as_text=True)
    assert _chips(page) == ["Orateur\xa0: Rousseau (avec Dominique Rousseau)"]
