"""A file whose suffix no reader claims is read as plain text when it is prose: the Canadian
Hansard's sittings are plain text named `*.f`, a note may be `COMMUNIQUE` or `.nfo`. Code, data,
settings and binary files keep their one-line reason, « format inconnu »."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from indexer.cli import main
from indexer.readers import file_format
from tests.conftest import shared_path

SITTING = ("hansard-canada-36e-fr", "Testing", "hansard.36.2.house.debates.062.f")
NOTE = ("Nantes, le 4 avril 2024\n\nLa Fédération des Rivières Vivantes rappelle que la pêche "
        "de la truite ouvre samedi sur l'Orbize. « Les alevins lâchés en mars se portent bien »,"
        " a déclaré Claire Aubertin, présidente de la FRV.\n")


def test_a_hansard_sitting_named_f_is_inspected_as_debate_turns_with_their_speakers():
    result = CliRunner().invoke(main, ["inspect", str(shared_path(*SITTING)), "--json"])
    assert result.exit_code == 0, result.output
    docs = json.loads(result.output)["documents"]
    assert len(docs) > 40 and {d["kind"] for d in docs} == {"débat"}
    assert docs[0]["format"] == "txt" and docs[0]["date"] == "2000-03-03"
    assert docs[0]["speakers"][0]["name"] == "Gilles Duceppe"


def test_prose_is_indexed_whatever_its_suffix_and_code_data_or_binary_is_not(tmp_path):
    folder = tmp_path / "dossier"
    folder.mkdir()
    shutil.copyfile(shared_path(*SITTING), folder / SITTING[-1])
    (folder / "COMMUNIQUE").write_text(NOTE, "utf-8")
    (folder / "note.nfo").write_text(NOTE.replace("samedi", "dimanche"), "cp1252")
    (folder / "site.json").write_text('{"titre": "La truite", "texte": "' + NOTE[:60] + '"}')
    (folder / "export.py").write_text("for ligne in open('communiques.txt'):\n    print(ligne)\n")
    (folder / "carte.png.bak").write_bytes(bytes(range(256)) * 8)
    (folder / "logo.bmp").write_bytes(b"BM")  # says « BM », and is an image by its suffix
    (folder / "COMMUNIQUE~").write_text(NOTE, "utf-8")  # an editor's backup of it
    assert [file_format(folder / n) for n in ("COMMUNIQUE", "site.json", "logo.bmp")] == [
        "txt", None, None]
    result = CliRunner().invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix"),
                                       "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["added"] == 3  # the sitting, COMMUNIQUE and note.nfo
    assert sorted(report["skipped"]) == [
        ["COMMUNIQUE~", "copie temporaire ou de sauvegarde d'un éditeur"],
        ["carte.png.bak", "copie temporaire ou de sauvegarde d'un éditeur"],
        ["export.py", "format inconnu (.py)"],
        ["logo.bmp", "format inconnu (.bmp)"], ["site.json", "format inconnu (.json)"]]
    found = CliRunner().invoke(main, ["search", "alevins", "--index", str(tmp_path / "ix"),
                                      "--json"])
    assert sorted(h["source"] for h in json.loads(found.output)["results"]) == [
        "COMMUNIQUE", "note.nfo"]
    turns = CliRunner().invoke(main, ["search", "Duceppe", "--index", str(tmp_path / "ix"),
                                      "--json"])
    assert {h["source"] for h in json.loads(turns.output)["results"]} == {SITTING[-1]}


def test_a_hansard_turn_is_found_by_the_subject_of_its_debate(tmp_path):
    """A journalist names a debate by its subject, not by the sitting's number: each turn's
    title holds its section's heading, so « Agence canadienne de développement international »
    finds Diane St-Jacques's question on an ACDI contract, whose own words only say « ACDI »."""
    folder = tmp_path / "hansard"
    folder.mkdir()
    shutil.copyfile(shared_path(*SITTING), folder / SITTING[-1])
    index = str(tmp_path / "ix")
    assert CliRunner().invoke(main, ["index", str(folder), "--index", index]).exit_code == 0
    found = CliRunner().invoke(main, ["search", "Agence canadienne de développement "
                                      "international", "--index", index, "--json"])
    hits = json.loads(found.stdout)["results"]  # the query's reading is a note on stderr
    question = next(h for h in hits if h["record"] == "sp-00092")
    assert question["speakers"][0]["name"] == "Diane St-Jacques"
    assert "developpement international" not in question["snippet"]
    assert question["title"] == (
        "Débats de la Chambre des communes, séance n° 62 : "
        "L'agence canadienne de developpement international — Diane St-Jacques")
