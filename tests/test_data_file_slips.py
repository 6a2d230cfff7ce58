"""A press office edits the aliases and the thesaurus by hand: a slip in either is said in one
line when indexing or serving, not left to drop every name or theme the file held."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.extract.datafiles import mapping_file_problem
from indexer.extract.names import DEFAULT_ALIASES
from indexer.extract.themes import DEFAULT_THESAURUS

RELEASE = ("Montclair, le 2 juillet 2024\n\nLa sécheresse menace la Vère, a déclaré "
           "Mme Aubertin.\n")


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "secheresse.txt").write_text(RELEASE, "utf-8")
    return folder


def test_a_misindented_alias_is_said_on_one_line_and_the_run_goes_on(tmp_path, docs,
                                                                     monkeypatch):
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("Claire Aubertin:\n  - Mme Aubertin\n - C. Aubertin\n", "utf-8")
    monkeypatch.setenv("VERBATIM_ALIASES", str(aliases))
    result = CliRunner().invoke(main, ["index", str(docs), "--index", str(tmp_path / "ix"),
                                       "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == 1  # the report on stdout stays JSON
    (line,) = result.stderr.splitlines()
    assert line == (f"attention : alias {aliases} : YAML illisible ligne 3 (aucun alias "
                    "appliqué : corrigez le fichier puis relancez verbatim index)")


def test_a_thesaurus_with_a_tab_is_said_too(tmp_path, docs, monkeypatch):
    thesaurus = tmp_path / "thesaurus.yaml"
    thesaurus.write_text("Sécheresse:\n\t- sécheresse\n", "utf-8")
    monkeypatch.setenv("VERBATIM_THESAURUS", str(thesaurus))
    result = CliRunner().invoke(main, ["index", str(docs), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0
    assert "attention : thésaurus" in result.stderr and "ligne 2" in result.stderr
    assert "1 fichier(s) ajouté(s)" in result.stdout


def test_a_list_where_names_are_expected_is_said(tmp_path):
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("- Claire Aubertin\n- C. Aubertin\n", "utf-8")
    assert "pas un dictionnaire" in mapping_file_problem(aliases, "alias")


@pytest.mark.parametrize("shipped", [DEFAULT_ALIASES, DEFAULT_THESAURUS])
def test_the_demo_files_and_an_absent_file_read_without_a_word(shipped, tmp_path):
    assert mapping_file_problem(shipped, "alias") is None
    assert mapping_file_problem(tmp_path / "absent.yaml", "alias") is None


def test_an_index_run_parses_the_aliases_file_once(tmp_path, monkeypatch):
    """`verbatim index` checked the aliases file (the warning above) and then parsed it again
    to apply it: a press office's list of 5,000 names took 0.7 to 1 s a parse here."""
    import yaml

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "vere.txt").write_text("Montclair, le 2 juillet 2024\n\n« La Vère se meurt », "
                                     "a déclaré Mme Aubertin.\n", "utf-8")
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("Claire Aubertin:\n  - Mme Aubertin\n  - C. Aubertin\n", "utf-8")
    monkeypatch.setenv("VERBATIM_ALIASES", str(aliases))
    parsed = []
    real = yaml.safe_load
    monkeypatch.setattr(yaml, "safe_load", lambda text: parsed.append(text) or real(text))
    result = CliRunner().invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix"),
                                       "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert parsed.count(aliases.read_text("utf-8")) == 1
    # and applied: « Mme Aubertin » is Claire Aubertin
    found = CliRunner().invoke(main, ["search", "--index", str(tmp_path / "ix"), "--quotes",
                                      "Vère"])
    assert "Claire Aubertin" in found.output, found.output


def test_a_file_mended_since_is_said_to_read(tmp_path):
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("Claire Aubertin:\n  - Mme Aubertin\n - C. Aubertin\n", "utf-8")
    assert "YAML illisible ligne 3" in mapping_file_problem(aliases, "alias")
    aliases.write_text("Claire Aubertin:\n  - Mme Aubertin\n  - C. Aubertin\n", "utf-8")
    assert mapping_file_problem(aliases, "alias") is None
