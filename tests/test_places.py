"""« Où » beside « qui » and « quand »: the place a statement was made (« Nantes, le 22
novembre 2023 ») is on every result, quotation card, verdict and export, not only on the
document's page. Over the demo corpus, through the command line and Flask's test client."""

from __future__ import annotations

import csv
import io
import json
from html import unescape

import pytest
from click.testing import CliRunner

from indexer.cli import main
from tests.conftest import web_client

# « Nantes, le 22 novembre 2023 — La loutre est revenue sur l'Orbize … »
LOUTRE = "Biodiversité : la loutre est revenue sur l'Orbize"


@pytest.fixture
def demo_index(demo_index_shared):
    return demo_index_shared


@pytest.fixture
def client(demo_index):
    yield from web_client(demo_index)


def test_a_result_says_where_on_the_page_in_json_and_in_csv(client):
    (hit,) = [h for h in client.get("/api/search?q=loutre").get_json()["results"]
              if h["title"] == LOUTRE]
    assert hit["place"] == "Nantes"
    page = unescape(client.get("/?q=loutre").get_data(as_text=True))
    card = page.split(LOUTRE, 1)[1].split("</p>", 1)[0]
    assert '<span class="place">Nantes</span>' in card
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv?q=loutre")
                                           .get_data(as_text=True))))
    assert {r["place"] for r in rows if r["title"] == LOUTRE} == {"Nantes"}


def test_the_command_line_prints_where(demo_index):
    result = CliRunner().invoke(main, ["search", "loutre", "--index", str(demo_index)])
    assert result.exit_code == 0, result.output
    assert "2023-11-22 · Nantes · communiqué" in result.output


def test_a_verdict_says_where(demo_index, client):
    words = "La loutre est revenue sur l'Orbize"
    found = client.get("/api/verify", query_string={"q": words}).get_json()
    assert found["place"] == "Nantes"
    page = client.get("/verifier", query_string={"q": words}).get_data(as_text=True)
    assert "<dt>Où</dt><dd>Nantes</dd>" in page
    result = CliRunner().invoke(main, ["verify", "--index", str(demo_index), words])
    assert "   Lieu : Nantes" in result.output
    (row,) = json.loads(CliRunner().invoke(main, ["verify", "--index", str(demo_index),
                                                  "--json", words]).stdout)
    assert row["place"] == "Nantes"

