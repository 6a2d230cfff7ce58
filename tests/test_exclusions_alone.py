"""A search of exclusions alone finds the statements without those words, never with them.

A press officer of the demo corpus's federation wants « nos communiqués qui ne parlent pas du
Lisson »: the kind Communiqués, and `-Lisson` in the box (or `SAUF Lisson`, `NOT Lisson`, as
the syntax help writes it). Before, the parser dropped a lone exclusion, and the search fell
back to the word itself: `-Lisson` listed the 17 statements on the Lisson, and `NOT Lisson`
said « Syntaxe non comprise » and searched the words « not » and « Lisson » (helper 197's
walk over the real corpus: `-eau` gave 93 records, each holding « eau »). Through Flask's test
client (the page, the API, the CSV) and the command line, on the demo corpus.
"""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from indexer.cli import main


def _search(client, query: str) -> dict:
    response = client.get("/api/search", query_string=query)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def _holds(client, doc_id: str, word: str) -> bool:
    doc = client.get(f"/api/doc/{doc_id}").get_json()
    return word.casefold() in f"{doc['title']} {doc['text']}".casefold()


@pytest.mark.parametrize("typed", ["-Lisson", "SAUF Lisson", "NOT Lisson", "-lisson"])
def test_a_lone_exclusion_finds_the_statements_without_the_word(demo_client, typed):
    every = _search(demo_client, {"q": "", "kind": "communiqué", "per_page": 100})
    lisson = _search(demo_client, {"q": "Lisson", "kind": "communiqué", "per_page": 100})
    assert lisson["total"] >= 3  # the dam, the complaint, the appeal…
    without = _search(demo_client, {"q": typed, "kind": "communiqué", "per_page": 100})
    assert without["total"] == every["total"] - lisson["total"]
    assert {r["id"] for r in without["results"]}.isdisjoint(r["id"] for r in lisson["results"])
    assert not any(_holds(demo_client, r["id"], "Lisson") for r in without["results"])
    assert not any("Syntaxe non comprise" in note for note in without["notes"])


def test_two_exclusions_leave_out_either_word(demo_client):
    without = _search(demo_client, {"q": "-Lisson -Orbize", "per_page": 100})
    assert without["total"] > 0
    for hit in without["results"]:
        assert not _holds(demo_client, hit["id"], "Lisson")
        assert not _holds(demo_client, hit["id"], "Orbize")


def test_the_page_and_the_csv_agree_with_the_api(demo_client):
    api = _search(demo_client, {"q": "-Lisson", "kind": "communiqué"})
    page = demo_client.get("/", query_string={"q": "-Lisson", "kind": "communiqué"})
    assert page.status_code == 200
    assert f"{api['total']} résultats" in page.get_data(as_text=True)
    export = demo_client.get("/export.csv", query_string={"q": "-Lisson", "kind": "communiqué"})
    rows = list(csv.DictReader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == api["total"]
    assert not any("lisson" in row["title"].casefold() for row in rows)


def test_the_command_line_reads_a_lone_exclusion_alike(demo_index_shared):
    result = CliRunner().invoke(main, ["search", "--index", str(demo_index_shared),
                                       "--kind", "communiqué", "--json", "--limit", "100",
                                       "--", "-Lisson"])
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.output[result.output.index("{"):])
    assert data["total"] > 0
    assert not any("lisson" in (r["title"] or "").casefold() for r in data["results"])


def test_a_field_excluded_alone_leaves_out_its_records(demo_client):
    # « tout sauf ce qu'a dit Claire Aubertin »: the syntax help's `orateur:` with a minus
    every = _search(demo_client, {"q": ""})["total"]
    hers = _search(demo_client, {"q": "", "speaker": "Claire Aubertin"})["total"]
    assert 0 < hers < every
    assert _search(demo_client, {"q": "-orateur:Aubertin"})["total"] == every - hers
