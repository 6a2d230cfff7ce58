"""A folder's own documentation — its README (« LISEZMOI »), the list of its sources, its
licence, its history of changes — is not a statement: the index run skips it with a one-line
reason, as it does other files it does not index (session 36, F22: the shared corpus's
SOURCES.md was indexed as a statement of « auteur non identifié » and answered searches for
the names it lists)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from indexer import indexing
from indexer.cli import main

COMMUNIQUE = ("Lyon, le 14 mars 2023\n\nLa Fédération des Rivières Vivantes porte plainte contre "
              "la Compagnie des Eaux du Val de Vère. « Nous avons attendu six mois », a déclaré "
              "Claire Aubertin.\n")
SOURCES = ("# Sources du dossier de presse\n\nLes communiqués de Claire Aubertin et de Malik "
           "Benhaddou sont repris du site de la Fédération des Rivières Vivantes.\n")
README = "Dossier de presse de la FRV. Claire Aubertin en est la présidente.\n"
LICENCE = "Licence Ouverte 2.0 : réutilisation libre, en citant la Fédération.\n"
DEGREE = ("Montclair, le 2 septembre 2024\n\nLa licence professionnelle « Gestion de l'eau » "
          "ouvre à Montclair, a annoncé Claire Aubertin.\n")
REASON = ("documentation du dossier (README, SOURCES, LICENCE…), pas une déclaration : "
          "renommez-le pour l'indexer")


def _press_folder(tmp_path):
    folder = tmp_path / "presse"
    (folder / "2023").mkdir(parents=True)
    (folder / "2023" / "plainte-cevv.txt").write_text(COMMUNIQUE, "utf-8")
    (folder / "licence-professionnelle.txt").write_text(DEGREE, "utf-8")
    (folder / "SOURCES.md").write_text(SOURCES, "utf-8")
    (folder / "README.md").write_text(README, "utf-8")
    (folder / "2023" / "LISEZMOI.txt").write_text(README, "utf-8")
    (folder / "LICENCE").write_text(LICENCE, "utf-8")
    return folder


def _search(index, q: str) -> list[str]:
    found = CliRunner().invoke(main, ["search", q, "--index", str(index), "--json"])
    return sorted(h["source"] for h in json.loads(found.stdout)["results"])


def test_readme_sources_and_licence_are_skipped_with_their_reason(tmp_path):
    folder, index = _press_folder(tmp_path), tmp_path / "ix"
    result = CliRunner().invoke(main, ["index", str(folder), "--index", str(index)])
    assert result.exit_code == 0, result.output
    assert "2 fichier(s) ajouté(s)" in result.output and "4 ignoré(s)" in result.output
    for name in ("2023/LISEZMOI.txt", "LICENCE", "README.md", "SOURCES.md"):
        assert f"  ignoré : {name} — {REASON}\n" in result.output
    # the statements that name her, not the folder's notes about her
    assert _search(index, "Claire Aubertin") == ["2023/plainte-cevv.txt",
                                                 "licence-professionnelle.txt"]


def test_documentation_indexed_by_an_older_version_is_removed(tmp_path, monkeypatch):
    folder, index = _press_folder(tmp_path), tmp_path / "ix"
    with monkeypatch.context() as older:  # a version without the rule
        older.setattr(indexing, "is_documentation", lambda path: False)
        indexing.index_paths([folder], index, workers=1)
    assert "SOURCES.md" in _search(index, "Benhaddou")
    report = indexing.index_paths([folder], index, workers=1)
    assert report.removed == 4 and report.added == 0
    assert _search(index, "Benhaddou") == []
