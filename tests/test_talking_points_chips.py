"""The talking points' filter chips say a kind or theme as the search's facet names it.

A press officer typing « Communiqués » or « EAU POTABLE » in the talking points' boxes saw
the chip « Type : Communiqués » or « Thème : EAU POTABLE », as typed, where the search page
says « Type : Communiqué » and « Thème : Eau potable » (the speakers' chips already said the
canonical name, « FRV » as the Fédération des Rivières Vivantes); and « Communiqués » found
no passage, though the search reads it as the kind « communiqué » (helper 174's note). On
the demo corpus, through Flask's test client.
"""

from __future__ import annotations

import re
from html import unescape

import pytest


def _chips(html: str) -> list[tuple[str, str]]:
    """Return each filter chip of a page as (what it says, the query string removing it)."""
    return [(unescape(said), unescape(href).partition("?")[2]) for href, said in
            re.findall(r'<a class="chip" href="([^"]*)"[^>]*>([^<]*?) <span', html)]


def _points(demo_client, query: str) -> tuple[int, list[tuple[str, str]]]:
    """Return the number of passages the talking points list for `query`, and its chips."""
    total = demo_client.get("/api/talking-points?" + query).get_json()["total"]
    return total, _chips(demo_client.get("/elements-de-langage?" + query).get_data(as_text=True))


@pytest.mark.parametrize("typed, canonical, chip", [
    ("kind=Communiqu%C3%A9s", "kind=communiqu%C3%A9", "Type\u00a0: Communiqué"),
    ("kind=COMMUNIQUE", "kind=communiqu%C3%A9", "Type\u00a0: Communiqué"),
    ("theme=EAU+POTABLE", "theme=Eau+potable", "Thème\u00a0: Eau potable"),
    ("theme=biodiversite", "theme=Biodiversit%C3%A9", "Thème\u00a0: Biodiversité"),
])
def test_a_kind_or_theme_typed_otherwise_is_said_and_read_as_the_facet_names_it(
        demo_client, typed, canonical, chip):
    total, chips = _points(demo_client, typed)
    assert chips == [(chip, "")]
    assert total == _points(demo_client, canonical)[0]
    # the search page's chip for the same address says the same
    search = _chips(demo_client.get("/?" + typed).get_data(as_text=True))
    assert [said for said, _ in search] == [chip]


def test_the_plural_kind_finds_the_passages_of_the_kind(demo_client):
    # « Communiqués » found no passage: the demo's releases repeat eight
    assert _points(demo_client, "kind=Communiqu%C3%A9s")[0] == 8


def test_two_spellings_of_one_theme_are_one_chip_removed_at_once(demo_client):
    total, chips = _points(demo_client, "theme=EAU+POTABLE&theme=Eau+potable&kind=communiqu%C3%A9")
    assert chips == [("Thème\u00a0: Eau potable", "kind=communiqu%C3%A9"),
                     ("Type\u00a0: Communiqué",
                      "theme=EAU+POTABLE&theme=Eau+potable")]
    assert total == _points(demo_client, "theme=Eau+potable&kind=communiqu%C3%A9")[0]
