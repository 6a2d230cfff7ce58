"""A hyphenated word searched is one mark (helper 168's walk, F8a).

The analyzer reads « couvre-feu » as two words, « couvre » and « feu »: the search page, the
document page and the command line marked them apart, « <mark>couvre</mark>-<mark>feu</mark>
», the hyphen outside, as if two words had been found. The parts of one hyphenated word
are now one mark, and so are « vis-à-vis » (the « à » between its parts is no search term),
« peut-être » and « Jean-Yves »; a part searched alone (« feu ») is still marked alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.indexing import index_paths
from tests.conftest import web_client

CASTEX = """---
title: Déclaration de M. Jean Castex, Premier ministre, sur le couvre-feu, le 15 octobre 2020
date: 2020-10-15
speakers: Jean Castex
---
Le couvre-feu s'appliquera de 21 heures à 6 heures en Île-de-France et dans huit
métropoles. Nous devons agir vis-à-vis d'une deuxième vague qui est peut-être plus forte que
la première. Jean-Yves Le Drian réunira nos partenaires européens.
"""


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    """An index of Jean Castex's declaration of 15 October 2020 (real reading)."""
    base = tmp_path_factory.mktemp("hyphens")
    (base / "corpus").mkdir()
    (base / "corpus" / "castex-couvre-feu.md").write_text(CASTEX, encoding="utf-8")
    index_paths([base / "corpus"], base / "index", workers=1)
    return base / "index"


@pytest.fixture(scope="module")
def client(index):
    """The web app over that index."""
    yield from web_client(index)


# (the search page: a short query's words standing in that order are one passage, marked
# whole, as a pasted quotation's: `indexer.passages.phrase_passage`)
@pytest.mark.parametrize("query, marked, listed", [
    ("couvre-feu", "<mark>couvre-feu</mark>", None),
    ("couvre feu", "<mark>couvre-feu</mark>", None),
    ("vis-à-vis", "<mark>vis-à-vis</mark>", None),
    ("peut-être plus forte", "<mark>peut-être</mark> <mark>plus</mark> <mark>forte</mark>",
     "<mark>peut-être plus forte</mark>"),
    ("Jean-Yves Le Drian", "<mark>Jean-Yves</mark> Le <mark>Drian</mark>",
     "<mark>Jean-Yves Le Drian</mark>"),
    ("feu", "couvre-<mark>feu</mark>", None),
])
def test_the_search_and_document_pages_mark_a_hyphenated_word_once(client, query, marked,
                                                                    listed):
    page = client.get("/", query_string={"q": query}).get_data(as_text=True)
    assert (listed or marked) in page
    doc_id = client.get("/api/search", query_string={"q": query}).get_json()["results"][0]["id"]
    text = client.get(f"/doc/{doc_id}", query_string={"q": query}).get_data(as_text=True)
    assert marked in text
    assert "</mark>-<mark>" not in page + text


def test_the_api_snippet_marks_the_word_once(client):
    [hit] = client.get("/api/search", query_string={"q": "couvre-feu"}).get_json()["results"]
    assert "<mark>couvre-feu</mark>" in hit["snippet"]


def test_the_search_command_shows_the_word_whole(index):
    from indexer.cli import main

    result = CliRunner().invoke(main, ["search", "--index", str(index), "couvre-feu"],
                                color=True)
    assert result.exit_code == 0, result.output
    assert "\x1b[1mcouvre-feu\x1b[0m" in result.output
