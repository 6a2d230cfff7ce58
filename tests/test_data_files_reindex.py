"""An edit of the aliases or the thesaurus shows at the next `verbatim index`, on the same
index folder, as the README tells a press office.

Both files are read when a file is read. Before, a run after an edit found every file
unchanged (« 0 mis à jour, 33 inchangé(s) ») and changed nothing, touching the files did
not help (their content hashes had not changed), and only `--rebuild` applied the edit
(helper 172's press-officer walk, F-B). Now the manifest keeps, for each file, a digest of
the two files it was read with; a run finding them changed reads it again and says so.
Through the command line, on two releases of the demo corpus.
"""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.extract import datafiles
from tests.conftest import ROOT

DEMO = ROOT / "corpus"
OTTER = "txt/2023-11-22-retour-de-la-loutre.txt"
DROUGHT = "txt/2022-08-10-secheresse-sauvetage-poissons.txt"


@pytest.fixture
def press_office(tmp_path, monkeypatch):
    """Two releases, and copies of the demo's aliases and thesaurus the test edits."""
    docs = tmp_path / "communiques"
    docs.mkdir()
    for name in (OTTER, DROUGHT):
        shutil.copy(DEMO / "documents" / name, docs)
    for name in ("aliases.yaml", "thesaurus.yaml"):
        shutil.copy(DEMO / name, tmp_path / name)
    monkeypatch.setenv("VERBATIM_ALIASES", str(tmp_path / "aliases.yaml"))
    monkeypatch.setenv("VERBATIM_THESAURUS", str(tmp_path / "thesaurus.yaml"))
    # the runs share this process, a second apart at most: each reads the files' dates
    monkeypatch.setattr(datafiles, "RECHECK_SECONDS", 0.0)
    return tmp_path


def _index(folder) -> dict:
    result = CliRunner().invoke(main, ["index", str(folder / "communiques"), "--index",
                                       str(folder / "index"), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _search(folder, *args: str) -> dict:
    result = CliRunner().invoke(main, ["search", "", *args, "--json", "--index",
                                       str(folder / "index")])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_a_theme_added_to_the_thesaurus_shows_at_the_next_run(press_office):
    _index(press_office)
    # no theme « Loutre » yet (typed, « loutre » reads as the thesaurus's term of
    # « Biodiversité »: `indexer.engine.typed_labels`)
    assert "Loutre" not in {v["value"] for v in _search(press_office)["facets"]["theme"]}
    with open(press_office / "thesaurus.yaml", "a", encoding="utf-8") as thesaurus:
        thesaurus.write("\nLoutre:\n  - loutre\n  - épreintes\n")
    report = _index(press_office)
    assert (report["updated"], report["unchanged"], report["reread_for_data"]) == (2, 0, 2)
    found = _search(press_office, "--theme", "Loutre")
    assert [hit["title"] for hit in found["results"]] == [
        "Biodiversité : la loutre est revenue sur l'Orbize"]


def test_a_name_renamed_in_the_aliases_shows_and_the_report_says_why(press_office):
    _index(press_office)
    aliases = press_office / "aliases.yaml"
    aliases.write_text(aliases.read_text(encoding="utf-8").replace(
        "Sophie Lemaire-Dufour:", "Sophie Lemaire-Dufour, porte-parole:"), encoding="utf-8")
    result = CliRunner().invoke(main, ["index", str(press_office / "communiques"), "--index",
                                       str(press_office / "index")])
    assert "Alias ou thésaurus modifiés depuis la dernière indexation : 2 fichier(s) relu(s) " \
           "pour les appliquer." in result.output
    speakers = {s["name"] for hit in _search(press_office)["results"] for s in hit["speakers"]}
    assert "Sophie Lemaire-Dufour, porte-parole" in speakers
    assert "Sophie Lemaire-Dufour" not in speakers


def test_a_run_with_the_same_data_files_reads_nothing_again(press_office):
    _index(press_office)
    report = _index(press_office)
    assert (report["updated"], report["unchanged"], report["reread_for_data"]) == (0, 2, 0)
