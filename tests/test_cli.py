"""The `verbatim` command line, run as a user runs it."""

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def indexed(tmp_path, runner):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "alerte.txt").write_text(
        "Lyon, le 3 mars 2023\n\nLes lanceurs d’alerte doivent être protégés.\n", "utf-8")
    (docs / "eau.txt").write_text("La sécurité intérieure de l'eau potable.\n", "utf-8")
    (docs / "image.bmp").write_bytes(b"BM")
    index_dir = tmp_path / "ix"
    result = runner.invoke(main, ["index", str(docs), "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    return index_dir, result.output


def test_index_prints_a_report_with_each_skipped_file(indexed):
    _, output = indexed
    assert "2 fichier(s) ajouté(s)" in output
    assert "ignoré : image.bmp — format inconnu (.bmp)" in output


def test_index_json_report(tmp_path, runner, indexed):
    index_dir, _ = indexed
    docs = tmp_path / "docs"
    result = runner.invoke(main, ["index", str(docs), "--index", str(index_dir), "--json"])
    report = json.loads(result.output)
    assert (report["unchanged"], report["added"]) == (2, 0)


def test_search_json_contract(runner, indexed):
    index_dir, _ = indexed
    result = runner.invoke(main, ["search", "lanceur", "d'alerte", "--json", "--index",
                                  str(index_dir)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["query"] == "lanceur d'alerte"
    assert data["total"] == 1 and data["results"][0]["source"] == "alerte.txt"


def test_search_text_output(runner, indexed):
    index_dir, _ = indexed
    result = runner.invoke(main, ["search", "securite", "interieure", "--index", str(index_dir)])
    assert "1 résultat(s)" in result.output and "eau.txt" in result.output


@pytest.mark.parametrize("query", ['"non fermé', "NOT", "Qui a dit cela ?", "*", "a~5 ^"])
def test_malformed_query_never_shows_a_traceback(runner, indexed, query):
    index_dir, _ = indexed
    result = runner.invoke(main, ["search", query, "--json", "--index", str(index_dir)])
    assert result.exit_code == 0
    assert "Traceback" not in result.output


def test_search_without_index_says_what_to_do(runner, tmp_path):
    result = runner.invoke(main, ["search", "eau", "--index", str(tmp_path / "nulle-part")])
    assert result.exit_code == 1
    assert "verbatim index" in result.output


def test_serve_without_index_says_what_to_do(runner, tmp_path):
    result = runner.invoke(main, ["serve", "--index", str(tmp_path / "nulle-part")])
    assert result.exit_code == 1 and "verbatim index" in result.output


def test_inspect_shows_fields_and_attributed_quotes(runner, tmp_path):
    path = tmp_path / "cp.md"
    path.write_text(
        "---\ntitle: La FRV porte plainte\ncategory: pr\n---\n"
        "_Lyon, le 14 mars 2023_\n\n"
        "« Nous ne laisserons pas la rivière mourir », a déclaré Claire Aubertin, "
        "présidente de la Fédération.\n", "utf-8")
    result = runner.invoke(main, ["inspect", str(path), "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)["documents"][0]
    assert (doc["date"], doc["place"], doc["kind"]) == ("2023-03-14", "Lyon", "communiqué")
    quote = doc["quotes"][0]
    assert quote["speaker"] == "Claire Aubertin" and "déclaré" in quote["cue"]


def test_inspect_reports_an_unreadable_file_in_one_line(runner, tmp_path):
    path = tmp_path / "vide.pdf"
    path.write_bytes(b"")
    result = runner.invoke(main, ["inspect", str(path)])
    assert result.exit_code == 1


def test_search_shows_a_pasted_quotation_as_said_with_what_differs(tmp_path, runner):
    index_dir = tmp_path / "ix"
    demo = __import__("pathlib").Path(__file__).parent.parent / "corpus" / "documents"
    result = runner.invoke(main, ["index", str(demo / "markdown"), "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    typed = "Nos rivières ne sont pas des tuyaux à ciel ouvert"
    result = runner.invoke(main, ["search", typed, "--index", str(index_dir), "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "La FRV lance « Rivières vivantes 2030 »" in result.output
    said = "Passage à 90 % : vous avez écrit « tuyaux », le texte dit « canalisations »"
    assert said.replace(" %", "\u00a0%").replace("« ", "«\u00a0").replace(" »", "\u00a0»") \
        in result.output


def test_a_quotation_whose_author_is_unknown_says_so(tmp_path, runner):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "jugement.md").write_text(
        "# Le comité réagit au jugement\n\nLuxembourg, le 29 juin 2016\n\n"
        "Antoine Deltour a déclaré : « Je ferai appel de ce jugement. »\n\n"
        "Le texte parle d'une « zone de non-droit » autour du secret des affaires.\n", "utf-8")
    index_dir = tmp_path / "ix"
    assert runner.invoke(main, ["index", str(docs), "--index", str(index_dir)]).exit_code == 0
    found = runner.invoke(main, ["search", "--quotes", "jugement", "--index", str(index_dir)])
    # each hit: its title, its text's date · place · kind · author, source, words, then why
    # (indexer.evidence)
    hits = {block.splitlines()[3].strip(): block.splitlines()[1].strip()
            for block in found.output.split("\n\n")[1:]}
    assert hits == {
        "Je ferai appel de ce jugement.":
            "texte du 2016-06-29 · Luxembourg · communiqué · Antoine Deltour",
        "zone de non-droit": "texte du 2016-06-29 · Luxembourg · communiqué · auteur non identifié"}
