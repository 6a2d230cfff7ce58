"""The reuse groups' file (`reuse.json`) holds one document or one group a line, and the pages
read it a line at a time.

Parsed whole, the file held the interpreter's lock for one call (at `250k`, 40.6 MB: 0.5-0.85
s during which every other page of the server's worker waited). A line is one document or
one group, a few kilobytes: between two, the worker's other threads run. An index built
before (the file one JSON object) is read as it was, and its next indexing continues from it
(`tests/test_opensearch_reuse.py` holds the same on the cluster).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from indexer import reuse
from indexer.indexing import index_paths
from tests.conftest import DEMO, web_client


@pytest.fixture
def index_dir(demo_index_shared, tmp_path):
    """A copy of the demo corpus's index (its reuse groups among it), private to the test."""
    return Path(shutil.copytree(demo_index_shared, tmp_path / "index"))


def _pages(index_dir: Path) -> dict:
    """What the pages show of the groups: talking points, a genealogy, a document's marks."""
    shown = {}
    for client in web_client(index_dir):
        points = client.get("/api/talking-points?sort=speakers").get_json()
        first = points["items"][0]
        genealogy = client.get("/api/genealogy", query_string={"q": first["passage"]})
        page = client.get(f"/doc/{first['first']['document_id']}").get_data(as_text=True)
        shown = {"talking points": points, "genealogy": genealogy.get_json(),
                 "marks": page.count('class="reuse-link"')}
    return shown


def _written_before(index_dir: Path) -> None:
    """Write the groups' file as the previous version did: one JSON object (version 6)."""
    path = index_dir / reuse.GROUPS
    with path.open("rb") as handle:
        page = reuse.read_groups(handle)
    path.write_bytes(orjson.dumps({**page, "version": 6}))


def test_each_line_of_the_groups_file_is_one_document_or_one_group(index_dir):
    lines = (index_dir / reuse.GROUPS).read_bytes().splitlines()
    head = orjson.loads(lines[0])
    docs, groups = head["lines"]["docs"], head["lines"]["groups"]
    assert head["version"] == reuse.files.VERSION and head["token"]
    assert docs > 0 and groups > 0 and len(lines) == 1 + docs + groups
    for line in lines[1:1 + docs]:
        slot, meta = orjson.loads(line)
        assert isinstance(slot, int) and meta["id"]
    for line in lines[1 + docs:]:
        group = orjson.loads(line)
        assert group["type"] in ("passage", "quote") and len(group["occurrences"]) >= 2
    # « Chaque territoire devra réduire de 10 % ses prélèvements d'ici 2030 » is one group's
    # line, alone
    said = [line for line in lines if "devra réduire de 10 %".encode() in line]
    assert said and all(b'"occurrences"' in line for line in said)


def test_an_index_built_before_serves_the_same_pages(index_dir):
    now = _pages(index_dir)
    assert now["talking points"]["total"] > 0 and len(now["genealogy"]["occurrences"]) >= 2
    _written_before(index_dir)
    assert (index_dir / reuse.GROUPS).read_bytes().count(b"\n") == 0
    assert _pages(index_dir) == now


def test_an_index_built_before_continues_from_its_groups(index_dir):
    # its next run finds the kept state in step with the index: it continues from it, not
    # from nothing (at `250k`, 337 s of groups found again)
    before = _pages(index_dir)
    _written_before(index_dir)
    generation = _generation(index_dir)
    assert reuse.ReuseState.current(index_dir, generation)
    assert reuse.ReuseState.load(index_dir, generation) is not None
    index_paths([DEMO], index_dir)
    assert _pages(index_dir) == before


def _generation(index_dir: Path) -> int:
    from whoosh import index as whoosh_index

    from indexer.indexing import INDEX_NAME

    return whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME).latest_generation()


def test_a_file_cut_short_is_not_read_as_fewer_groups(index_dir):
    path = index_dir / reuse.GROUPS
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:-1]))
    with path.open("rb") as handle, pytest.raises(ValueError):
        reuse.read_groups(handle)
