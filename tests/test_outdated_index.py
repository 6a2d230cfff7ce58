"""An index written by an older version of Verbatim: every command says it must be rebuilt,
and how, instead of calling it damaged or quietly finding nothing."""

import copy
from pathlib import Path

import pytest
from click.testing import CliRunner
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage

from indexer.cli import main
from indexer.health import check_index
from indexer.indexing import INDEX_NAME, index_paths
from tests.conftest import web_client

RELEASES = Path(__file__).resolve().parent.parent / "corpus" / "documents" / "markdown"


def written_before(index_dir: Path, field: str) -> None:
    """Rewrite the index's table of contents without `field`, as a version of Verbatim
    that did not have it yet left it (its records and postings are untouched)."""
    storage = FileStorage(str(index_dir))
    toc = whoosh_index.TOC.read(storage, INDEX_NAME)
    toc.schema.remove(field)
    toc.generation += 1
    toc.write(storage, INDEX_NAME)


def analysed_before(index_dir: Path) -> None:
    """Rewrite the index's table of contents as a version whose French analysis made other
    terms left it (analysis version 1: « privée » was « prive », now « priv »)."""
    storage = FileStorage(str(index_dir))
    toc = whoosh_index.TOC.read(storage, INDEX_NAME)
    for name in ("title", "text"):
        older = copy.copy(toc.schema[name].analyzer)
        older.version = 1
        toc.schema[name].analyzer = older
    toc.generation += 1
    toc.write(storage, INDEX_NAME)


@pytest.fixture(params=["without the shingle field", "analysed otherwise"])
def outdated(request, tmp_path):
    """The demo releases indexed, then their index made as an older version wrote it: no
    `shingle` field, the one pasted passages are looked up in, or its words analysed by an
    older French analysis (a query's terms would miss the words whose term changed)."""
    index_dir = tmp_path / "index"
    index_paths([RELEASES], index_dir, workers=1)
    if request.param == "analysed otherwise":
        analysed_before(index_dir)
    else:
        written_before(index_dir, "shingle")
    return index_dir


def test_check_says_to_rebuild_not_damaged(outdated):
    result = CliRunner().invoke(main, ["check", "--index", str(outdated)])
    assert result.exit_code == 1
    assert "État : à reconstruire." in result.output
    assert "endommagé" not in result.output
    assert "version antérieure" in result.output and "verbatim index --rebuild" in result.output
    assert check_index(outdated).outdated


@pytest.mark.parametrize("command", [
    ["search", "lanceur d'alerte"],
    ["verify", "« Nous ne lâcherons rien »"],
    ["genealogy", "lanceur d'alerte"],
    ["index", str(RELEASES)],
])
def test_every_command_stops_on_one_line_saying_how_to_rebuild(outdated, command):
    result = CliRunner().invoke(main, [*command, "--index", str(outdated)])
    assert result.exit_code == 1
    last = result.output.strip().splitlines()[-1]
    assert "version antérieure" in last and f"verbatim index --rebuild --index {outdated}" in last
    assert "lancez d'abord" not in result.output  # the index is there: not « build it first »
    assert "0 résultat" not in result.output


def test_the_web_pages_say_it_too(outdated):
    client = next(web_client(outdated))
    page = client.get("/?q=lanceur")
    assert page.status_code == 503
    assert "version antérieure" in page.get_data(as_text=True)
    api = client.get("/api/search?q=lanceur")
    assert api.status_code == 503
    assert "verbatim index --rebuild" in api.get_json()["error"]["message"]


def test_rebuild_makes_it_current_again(outdated):
    result = CliRunner().invoke(main, ["index", "--rebuild", "--index", str(outdated)])
    assert result.exit_code == 0, result.output
    assert check_index(outdated).ok
    found = CliRunner().invoke(main, ["search", "lanceur d'alerte", "--index", str(outdated)])
    assert found.exit_code == 0 and "0 résultat" not in found.output
