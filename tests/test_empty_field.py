"""A field named without a value — `speaker:`, `orateur:"`, `theme:`, `kind:` — gets the
one-line note the product gives for other input it cannot read, on the page, in the API and
in the CLI alike (they share `indexer.search.search`), instead of searching the word
« speaker » silently or finding nothing (session 36, F18: `/?q=speaker:` gave « M. Speaker,
je releve le defi », `speaker:"` 0 results, without a word)."""

from __future__ import annotations

import html

import pytest
from click.testing import CliRunner

from indexer.cli import main

ORATEUR = ("« orateur: » sans nom : écrivez-le juste après les deux-points, sans espace "
           "(orateur:Taubira) ; « orateur » est cherché comme un mot.")


@pytest.mark.parametrize(("typed", "note"), [
    ("speaker:", "« speaker: » sans nom : écrivez-le juste après les deux-points, sans "
                 "espace (speaker:Taubira) ; « speaker » est cherché comme un mot."),
    ('orateur:"', ORATEUR),
    ('sécheresse orateur:""', ORATEUR),
    ("orateur: Aubertin", ORATEUR),  # the name must follow the colon
    ("theme:", "« theme: » sans thème : écrivez-le juste après les deux-points, sans espace "
               "(theme:logement) ; « theme » est cherché comme un mot."),
    ("kind: ", "« kind: » sans type : écrivez-le juste après les deux-points, sans espace "
               "(kind:interview) ; « kind » est cherché comme un mot."),
    ("année:", "« année: » sans année : écrivez-la juste après les deux-points, sans espace "
               "(année:2020) ; « année » est cherché comme un mot."),
])
def test_a_field_without_a_value_is_said_in_the_api_and_on_the_page(client, typed, note):
    answer = client.get("/api/search", query_string={"q": typed}).get_json()
    assert note in answer["notes"]
    page = html.unescape(client.get("/", query_string={"q": typed}).get_data(as_text=True))
    assert note in page


def test_the_cli_says_it_too(web_index_dir):
    result = CliRunner().invoke(main, ["search", 'orateur:"', "--index", str(web_index_dir)])
    assert result.exit_code == 0, result.output
    assert f"note : {ORATEUR}\n" in result.stderr


@pytest.mark.parametrize("typed", [
    "orateur:Aubertin",
    'orateur:"Claire Aubertin"',
    "Le sujet : la sécheresse",  # French typography's space before a colon: words
])
def test_a_field_with_its_value_or_a_colon_in_a_sentence_gets_no_note(client, typed):
    answer = client.get("/api/search", query_string={"q": typed}).get_json()
    assert not any("sans nom" in n or "sans thème" in n for n in answer["notes"])


def test_the_named_speaker_is_still_filtered_by(client):
    answer = client.get("/api/search", query_string={"q": "orateur:Aubertin"}).get_json()
    assert answer["total"] > 0
    assert all(any(s["name"] == "Claire Aubertin" for s in hit["speakers"])
               for hit in answer["results"])
