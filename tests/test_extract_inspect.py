"""`indexer.inspect`: the plain data behind `verbatim inspect PATH [--json]`."""

import json

from indexer.inspect import inspect_file, render

RELEASE = """---
title: Une condamnation incompréhensible
author: Comité de soutien à Antoine
category: pr
---
## Communiqué de Presse
_Luxembourg, le 29 juin 2016_

Le procès « LuxLeaks » est jugé. Antoine Deltour a déclaré : « Je ferai appel de ce jugement
injuste. »
"""


def test_inspect_gives_every_field_and_quotation(tmp_path):
    path = tmp_path / "2016-06-29-pr-verdict.html.md"
    path.write_text(RELEASE, encoding="utf-8")
    data = inspect_file(path)
    json.dumps(data)  # plain, JSON-ready data
    (doc,) = data["documents"]
    assert (doc["kind"], doc["date"], doc["place"]) == ("communiqué", "2016-06-29", "Luxembourg")
    assert {"date", "place", "speakers", "quotes"} <= set(doc["inferred"])
    speech = [q for q in doc["quotes"] if q["is_speech"]]
    assert [(q["speaker"], q["cue"]) for q in speech] == [("Antoine Deltour", "a déclaré")]
    assert [q["text"] for q in doc["quotes"] if not q["is_speech"]] == ["LuxLeaks"]


def test_render_marks_inferred_fields(tmp_path):
    path = tmp_path / "2016-06-29-pr-verdict.html.md"
    path.write_text(RELEASE, encoding="utf-8")
    text = render(inspect_file(path))
    assert " * date      2016-06-29" in text
    assert "— Antoine Deltour [a déclaré]" in text


def test_unreadable_file_gives_a_reason(tmp_path):
    path = tmp_path / "vide.md"
    path.write_text("", encoding="utf-8")
    data = inspect_file(path)
    assert data["documents"] == [] and data["error"]


def test_inspect_gives_the_ids_of_the_index_the_file_was_indexed_into(tmp_path):
    """A journalist inspects a release, then opens /doc/<id>: the id is the one the index
    gave it, which depends on the folder indexed (« html/2016-05-04-trial-day6.html » under
    the releases' folder); without that index, the file's own folder."""
    import shutil

    from click.testing import CliRunner

    from indexer.cli import main
    from tests.conftest import shared_path

    folder = tmp_path / "luxleaks"
    (folder / "html").mkdir(parents=True)
    release = folder / "html" / "2016-05-04-trial-day6.html"
    shutil.copyfile(shared_path("luxleaks-communiques", "html", release.name), release)
    index = str(tmp_path / "ix")
    assert CliRunner().invoke(main, ["index", str(folder), "--index", index]).exit_code == 0
    found = CliRunner().invoke(main, ["search", "Hansen", "--index", index, "--json"])
    (indexed,) = {h["id"] for h in json.loads(found.stdout)["results"]}
    shown = CliRunner().invoke(main, ["inspect", str(release), "--json", "--index", index])
    assert [d["id"] for d in json.loads(shown.output)["documents"]] == [indexed]
    alone = CliRunner().invoke(main, ["inspect", str(release), "--json", "--index",
                                      str(tmp_path / "no-index")])
    assert [d["id"] for d in json.loads(alone.output)["documents"]] != [indexed]
