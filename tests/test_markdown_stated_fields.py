"""A press office's Markdown release says in its front matter who speaks, what it is and where
it was issued, under the names a spreadsheet's columns take; a French title's « : » does not
cost the front matter."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main

RELEASE = """---
title: Sécheresse : la FRV demande un plan d'urgence
date: 2024-07-02
type: Communiqué de presse
lieu: Montclair
orateurs:
  - nom: Claire Aubertin
    fonction: présidente de la FRV
  - Fédération des Rivières Vivantes
---

La Fédération des Rivières Vivantes demande un plan d'urgence pour la Vère.

« Les rivières meurent en silence », a déclaré Claire Aubertin.
"""


@pytest.fixture
def runner():
    return CliRunner()


def inspected(runner: CliRunner, path) -> dict:
    result = runner.invoke(main, ["inspect", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["documents"][0]


def test_the_front_matter_states_speakers_kind_and_place(tmp_path, runner):
    path = tmp_path / "secheresse.md"
    path.write_text(RELEASE, "utf-8")
    doc = inspected(runner, path)
    assert doc["title"] == "Sécheresse : la FRV demande un plan d'urgence"
    assert (doc["date"], doc["kind"], doc["place"]) == ("2024-07-02", "communiqué", "Montclair")
    assert [(s["name"], s["function"]) for s in doc["speakers"]] == [
        ("Claire Aubertin", "présidente de la FRV"), ("Fédération des Rivières Vivantes", None)]
    # stated, not inferred: the body's words are the release's, none from the front matter
    assert "Montclair" not in doc["text"] and doc["text"].startswith("La Fédération")


def test_a_french_colon_in_an_unquoted_title_keeps_the_front_matter(tmp_path, runner):
    path = tmp_path / "titre.md"
    path.write_text("---\ntitle: Vère : la FRV porte plainte\ndate: 2023-03-14\n---\n\n"
                    "La FRV porte plainte contre X.\n", "utf-8")
    doc = inspected(runner, path)
    assert (doc["title"], doc["date"]) == ("Vère : la FRV porte plainte", "2023-03-14")
    assert "title" not in doc["text"]


def test_speakers_as_one_comma_separated_line(tmp_path, runner):
    path = tmp_path / "conjoint.md"
    path.write_text("---\ntitle: Déclaration commune\nspeakers: Claire Aubertin, Anne-Laure Vidal\n"
                    "---\n\nLa FRV et son avocate saisissent le tribunal administratif.\n", "utf-8")
    assert [s["name"] for s in inspected(runner, path)["speakers"]] == [
        "Claire Aubertin", "Anne-Laure Vidal"]


def test_the_stated_speaker_is_a_facet_of_the_index(tmp_path, runner):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "secheresse.md").write_text(RELEASE, "utf-8")
    index_dir = tmp_path / "ix"
    assert runner.invoke(main, ["index", str(docs), "--index", str(index_dir)]).exit_code == 0
    result = runner.invoke(main, ["search", "plan d'urgence", "--speaker", "Claire Aubertin",
                                  "--json", "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)["results"]
    assert [h["source"] for h in hits] == ["secheresse.md"]
    assert hits[0]["place"] == "Montclair" and hits[0]["kind"] == "communiqué"
