"""One person, one spelling (helper 168's walk, F10).

Vie-publique writes « Elisabeth Borne » in some records' speakers and « Élisabeth Borne » in
others. The speaker facet and her page merge both under « Élisabeth Borne »; the hits, the
quotations, the CSV, the Atom feed, the API and the command line wrote each record's own
spelling, so that a journalist filtering the spreadsheet on « Élisabeth Borne » missed the
rows of « Elisabeth Borne », and a page named her twice. Every one of them now names her as
the facet does; the record's text (the document's words) keeps its own spelling, and the API
keeps the record's spelling of the name under `written`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.indexing import index_paths
from tests.conftest import web_client

INTERVIEW = """---
title: Interview de Mme Élisabeth Borne, ministre du travail, à France Info le 6 octobre 2020
date: 2020-10-06
speakers: Élisabeth Borne
---
Élisabeth Borne, ministre du travail, de l'emploi et de l'insertion, a répondu aux questions
sur le télétravail. « Le télétravail doit être la règle partout où c'est possible », a-t-elle
déclaré.
"""
DECLARATION = """---
title: Déclaration de Mme Elisabeth Borne sur le télétravail et l'activité partielle
date: 2020-10-14
speakers: Elisabeth Borne
---
La ministre du travail, de l'emploi et de l'insertion a présenté une ordonnance adaptant
l'activité partielle. Elisabeth Borne a déclaré : « Le télétravail n'est pas une option, c'est
une obligation. »
"""


@pytest.fixture(scope="module")
def borne_index(tmp_path_factory) -> Path:
    """An index of an interview naming « Élisabeth Borne » and a declaration naming
    « Elisabeth Borne » (real reading and extraction)."""
    base = tmp_path_factory.mktemp("spelling")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "interview-borne.md").write_text(INTERVIEW, encoding="utf-8")
    (corpus / "declaration-borne.md").write_text(DECLARATION, encoding="utf-8")
    index_paths([corpus], base / "index", workers=1)
    return base / "index"


@pytest.fixture(scope="module")
def client(borne_index):
    """The web app over that index."""
    yield from web_client(borne_index)


def names(hits: list[dict]) -> set[str]:
    """Return the names of the speakers of `hits`."""
    return {s["name"] for hit in hits for s in hit["speakers"]}


def test_the_facet_and_the_hits_write_her_name_alike(client):
    for quotes in (0, 1):
        data = client.get("/api/search", query_string={"q": "télétravail",
                                                       "quotes": quotes}).get_json()
        assert [v["value"] for v in data["facets"]["speaker"]] == ["Élisabeth Borne"]
        assert len(data["results"]) == 2
        assert names(data["results"]) == {"Élisabeth Borne"}


def test_the_api_keeps_the_records_spelling_and_its_words(client):
    data = client.get("/api/search", query_string={"q": "obligation", "quotes": 1}).get_json()
    [hit] = data["results"]
    assert hit["speakers"] == [{"name": "Élisabeth Borne", "function": None,
                                "written": "Elisabeth Borne"}]
    assert "Elisabeth Borne a déclaré :" in hit["attribution"]["before"]


def test_the_spreadsheet_filters_on_one_name(client):
    for quotes in (0, 1):
        text = client.get("/export.csv", query_string={"q": "télétravail", "quotes": quotes}
                          ).get_data(as_text=True)
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
        assert [row["speakers"] for row in rows] == ["Élisabeth Borne"] * 2


def test_the_feed_names_her_as_the_facet_does(client):
    feed = client.get("/feed.atom", query_string={"speaker": "Élisabeth Borne"}
                      ).get_data(as_text=True)
    assert feed.count("<name>Élisabeth Borne</name>") == 2
    assert "<name>Elisabeth Borne</name>" not in feed


def test_the_card_links_her_page_and_says_nothing_of_an_accent(client):
    page = client.get("/", query_string={"q": "obligation"}).get_data(as_text=True)
    assert '<a href="/speaker/%C3%89lisabeth%20Borne">Élisabeth Borne</a>' in page
    assert "dans le texte" not in page
    # the link leads to her page, which counts both statements
    her = client.get("/speaker/%C3%89lisabeth%20Borne")
    assert her.status_code == 200
    assert "2 déclarations" in her.get_data(as_text=True)


def test_the_document_names_her_and_keeps_its_words(client):
    data = client.get("/api/search", query_string={"q": "obligation"}).get_json()
    doc_id = data["results"][0]["id"]
    doc = client.get(f"/api/doc/{doc_id}").get_json()
    assert [s["name"] for s in doc["speakers"]] == ["Élisabeth Borne"]
    assert {q["speaker"] for q in doc["quotes"]} == {"Élisabeth Borne"}
    assert "Elisabeth Borne a déclaré" in doc["text"]
    page = client.get(f"/doc/{doc_id}").get_data(as_text=True)
    assert "Elisabeth Borne a déclaré" in page  # the text as written
    assert '">fiche d&#39;Élisabeth Borne</a>' in page  # a link: « fiche d'Élisabeth Borne »
    assert "Elisabeth Borne</a>" not in page


def test_a_verdict_names_her_as_the_facet_does(client):
    data = client.get("/api/verify", query_string={
        "q": "Le télétravail n'est pas une option, c'est une obligation."}).get_json()
    assert data["verdict"] == "exact"
    assert data["quote_speaker"]["name"] == "Élisabeth Borne"
    assert [s["name"] for s in data["speakers"]] == ["Élisabeth Borne"]


def test_the_search_command_names_her_once(borne_index):
    from indexer.cli import main

    result = CliRunner().invoke(main, ["search", "--index", str(borne_index), "--quotes",
                                       "télétravail"])
    assert result.exit_code == 0, result.output
    # before: « texte du 2020-10-14 · déclaration · Elisabeth Borne »
    assert "texte du 2020-10-14 · déclaration · Élisabeth Borne\n" in result.output
    assert "texte du 2020-10-06 · interview · Élisabeth Borne\n" in result.output


@pytest.fixture(scope="module")
def engines(opensearch_cluster, tmp_path_factory):
    """(Whoosh catalog, OpenSearch catalog) of the same two statements."""
    from tests.conftest import both_engines

    base = tmp_path_factory.mktemp("spelling-cluster")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "interview-borne.md").write_text(INTERVIEW, encoding="utf-8")
    (corpus / "declaration-borne.md").write_text(DECLARATION, encoding="utf-8")
    yield from both_engines(corpus, base / "index", opensearch_cluster.url, "one-spelling")


def test_both_engines_name_her_alike(engines):
    from indexer.search import SearchRequest, search
    from indexer.similar import similar_documents

    named = []
    for catalog in engines:
        hits = [search(catalog, SearchRequest(q="télétravail", quotes=quotes)).hits
                for quotes in (False, True)]
        assert all(names(h) == {"Élisabeth Borne"} for h in hits), catalog.name
        [declaration] = [h for h in hits[0] if h["source"] == "declaration-borne.md"]
        doc = catalog.document(declaration["id"])
        assert [s.name for s in doc.speakers] == ["Élisabeth Borne"], catalog.name
        assert "Elisabeth Borne a déclaré" in doc.text
        neighbours = similar_documents(catalog, declaration["id"])
        named.append((sorted(str(h["speakers"]) for h in hits[0] + hits[1]),
                      [n["speakers"] for n in neighbours]))
    assert named[0] == named[1]
