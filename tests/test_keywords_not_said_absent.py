"""Keywords are not a quotation to say absent (indexer.search, `quotation_reading`).

A plain query of five words or more was also read as a passage, and when no record held it
the page opened on « Aucun document ne contient ce passage, même approché » — above the
results of a journalist's keywords as well: 28 of the 43 searches of the first development
half of the journalist tasks (« Couillard New York eau mars 2023 », « FRV plainte Compagnie
des Eaux pesticides captage »). A query reads as a sentence when it holds two function words
or more (« le », « de », « nous », « est »); words typed with « qui a dit », between marks or
with their author are a quotation whatever they hold. Through `verbatim search` and
/api/search on the demo corpus.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from indexer.cli import main
from tests.conftest import web_client

ABSENT = "Aucun document ne contient ce passage"
KEYWORDS = "FRV plainte Compagnie des Eaux pesticides captage"
# a sentence no record of the demo holds, nor anything near it
INVENTED = "nous ne laisserons jamais les pêcheurs de truites payer la facture des bassines"


@pytest.fixture
def client(demo_index_shared):
    yield from web_client(demo_index_shared)


def search(index_dir, query: str) -> str:
    result = CliRunner().invoke(main, ["search", "--index", str(index_dir), "--limit", "3",
                                       query])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_journalists_keywords_are_not_said_to_be_an_absent_passage(demo_index_shared):
    output = search(demo_index_shared, KEYWORDS)
    assert ABSENT not in output
    assert "plainte" in output.lower()  # the results are there, without the false alarm


@pytest.mark.parametrize("typed", [
    INVENTED,
    f"qui a dit {INVENTED}",
    f"Claire Aubertin : « {INVENTED} »",
    f"{INVENTED}, a déclaré Claire Aubertin",
])
def test_a_sentence_nobody_said_is_still_said_absent(demo_index_shared, typed):
    assert ABSENT in search(demo_index_shared, typed)


def test_the_api_says_the_same(client):
    keywords = client.get("/api/search", query_string={"q": KEYWORDS}).get_json()
    invented = client.get("/api/search", query_string={"q": INVENTED}).get_json()
    assert keywords["passage_absent"] is False
    assert invented["passage_absent"] is True
