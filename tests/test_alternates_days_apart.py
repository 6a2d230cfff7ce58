"""One release in three formats is one statement even when its web page is dated a couple of
days after its dateline.

The luxleaks committee's « Assemblée Générale et Conférence de Denis Robert » says « Épinal,
le 10 mars 2016 » in its Markdown and its PDF; its web page's `<time>` says 12 March 2016,
the day the site put it online. The formats were compared within a day only: the release was
two statements, listed twice in the committee's 2016 releases, its CSV and its Atom feed
(helper 172's press-officer walk, F-C). Through the command line, on the shared corpus's
files (skipped when ../shared/corpus is absent).
"""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from indexer.alternates import days_around
from indexer.cli import main
from tests.conftest import shared_path

FILES = ("html/2016-03-12-pr-AG.html", "markdown/2016-03-12-pr-AG.html.md",
         "pdf/2016-03-11-pr-AG-FR.pdf")
TITLE = "Assemblée Générale et Conférence de Denis Robert"


def _statements(index) -> list[dict]:
    result = CliRunner().invoke(main, ["search", "Denis Robert assemblée", "--json",
                                       "--index", str(index)])
    assert result.exit_code == 0, result.output
    return [hit for hit in json.loads(result.output)["results"] if hit["title"] == TITLE]


def _index(folder, index) -> None:
    result = CliRunner().invoke(main, ["index", str(folder), "--index", str(index)])
    assert result.exit_code == 0, result.output


def test_the_three_formats_dated_two_days_apart_are_one_statement(tmp_path):
    folder = tmp_path / "luxleaks"
    for name in FILES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shared_path("luxleaks-communiques", name), folder / name)
    _index(folder, tmp_path / "index")
    [statement] = _statements(tmp_path / "index")
    assert statement["source"] == "html/2016-03-12-pr-AG.html"
    assert sorted(a["format"] for a in statement["alternates"]) == ["md", "pdf"]


def test_the_web_page_published_later_joins_the_indexed_release(tmp_path):
    folder = tmp_path / "luxleaks"
    for name in FILES[1:]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shared_path("luxleaks-communiques", name), folder / name)
    _index(folder, tmp_path / "index")
    [release] = _statements(tmp_path / "index")
    assert release["date"] == "2016-03-10"
    (folder / "html").mkdir()
    shutil.copy(shared_path("luxleaks-communiques", FILES[0]), folder / FILES[0])
    _index(folder, tmp_path / "index")
    [statement] = _statements(tmp_path / "index")
    assert statement["id"] == release["id"] and statement["date"] == "2016-03-10"
    assert sorted(a["format"] for a in statement["alternates"]) == ["html", "pdf"]


def test_the_days_compared_are_three_either_side_nearest_first():
    assert days_around("2016-03-12") == ["2016-03-12", "2016-03-11", "2016-03-13",
                                         "2016-03-10", "2016-03-14", "2016-03-09",
                                         "2016-03-15"]
