"""Records searchable before their reuse groups (issue 15): `verbatim index` commits the
records (a new OpenSearch index is put behind its alias), then computes the groups; the
pages that show groups say meanwhile that they are being computed. A run that dies between
the two steps leaves a searchable index, and the next run computes its groups.

Each run here is the real `verbatim index` in a child process, on the demo corpus, held in
the groups' step where its files are about to be written (`indexer.reuse.ReuseState.save`:
the groups are found while the records are committed and published, and written once they
are searchable) until the test has looked at the pages, then made to die there (the crash);
the next run is a plain one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import DEMO

NOTE = "Regroupements en cours de calcul"
# `verbatim index`, held then killed as the groups' files are written: it writes `paused`
# and waits for `go` (at most a minute), then raises
HELD = """
import sys, time
from pathlib import Path
from indexer import reuse
from indexer.cli import main

signal = Path(sys.argv[1])

def held(self, *args, **kwargs):
    (signal / "paused").touch()
    for _ in range(600):
        if (signal / "go").exists():
            break
        time.sleep(0.1)
    raise RuntimeError("died while finding the reuse groups")

reuse.ReuseState.save = held
sys.exit(main(sys.argv[2:]))
"""


def _run(args: list[str], env: dict[str, str], held: Path | None = None) -> subprocess.Popen:
    command = [sys.executable, "-m", "indexer.cli", *args] if held is None else \
        [sys.executable, "-c", HELD, str(held), *args]
    return subprocess.Popen(command, env={**os.environ, **env}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _paused(child: subprocess.Popen, signal: Path) -> None:
    deadline = time.monotonic() + 300
    while not (signal / "paused").exists():
        assert child.poll() is None, child.communicate()[1][-2000:]
        assert time.monotonic() < deadline
        time.sleep(0.2)


def _pages(env: dict[str, str], index_dir: Path) -> dict:
    """What the pages show: a search's total, the notes of the pages that show groups, the
    talking points' total and `groups_pending`, a document's reuse links."""
    from webapp import create_app
    from webapp.catalog import close_catalog

    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        app = create_app({"INDEX_DIR": str(index_dir), "TESTING": True})
        try:
            client = app.test_client()
            found = client.get("/api/search", query_string={"q": "rivière"}).get_json()
            talking = client.get("/api/talking-points").get_json()
            doc_id = found["results"][0]["id"]
            return {
                "found": found["total"],
                "talking": talking["total"], "pending": talking["groups_pending"],
                "notes": [NOTE in client.get(url).get_data(as_text=True) for url in (
                    "/elements-de-langage", "/genealogie?q=moratoire", f"/doc/{doc_id}")],
                "genealogy_pending": client.get("/api/genealogy?q=moratoire").get_json()[
                    "groups_pending"],
            }
        finally:
            close_catalog(app)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _held_then_plain(args: list[str], env: dict[str, str], index_dir: Path,
                     tmp_path: Path) -> tuple[dict, dict, dict]:
    """Run `verbatim index ARGS` held at the groups' step (the pages read then), made to die
    there (the pages read again), then a plain run: return the three readings and the
    plain run's report."""
    signal = tmp_path / "signal"
    signal.mkdir()
    child = _run(["index", *args, "--json", "--quiet"], env, held=signal)
    try:
        _paused(child, signal)
        during = _pages(env, index_dir)
        (signal / "go").touch()
        _, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode != 0 and "died while finding the reuse groups" in err
    after_crash = _pages(env, index_dir)
    plain = _run(["index", *args, "--json", "--quiet"], env)
    out, err = plain.communicate(timeout=600)
    assert plain.returncode == 0, err[-2000:]
    return during, after_crash, {**_pages(env, index_dir), "report": json.loads(out)}


def _check(during: dict, after_crash: dict, ready: dict) -> None:
    # searchable at once, the groups said to be in progress on every page that shows them
    assert during["found"] > 0 and during["talking"] == 0
    assert during["pending"] and during["genealogy_pending"] and all(during["notes"])
    # the run died there: still searchable, still said to be in progress
    assert after_crash == during
    # the next run (nothing changed in the files) computed them
    assert ready["found"] == during["found"] and ready["talking"] > 0
    assert not ready["pending"] and not ready["genealogy_pending"] and not any(ready["notes"])
    assert ready["report"]["documents"] == 0 and ready["report"]["reuse_seconds"] > 0


def _by_document(index) -> list:
    """The groups by their documents' ids (a run that catches up numbers them otherwise)."""
    return sorted((g["type"], g["text"], sorted((index.docs[slot]["id"], *rest)
                                                for slot, *rest in g["occurrences"]))
                  for g in index.groups)


def test_whoosh_records_are_searchable_before_their_groups(tmp_path):
    from indexer.genealogy import groups_of
    from indexer.indexing import index_paths
    from indexer.search import open_catalog

    index_dir = tmp_path / "index"
    env = {"VERBATIM_ENGINE": "whoosh", "VERBATIM_INDEX": str(index_dir)}
    during, after_crash, ready = _held_then_plain([str(DEMO)], env, index_dir, tmp_path)
    _check(during, after_crash, ready)
    # the same groups as a run that never died
    index_paths([DEMO], tmp_path / "whole")
    ours, whole = open_catalog(index_dir), open_catalog(tmp_path / "whole")
    try:
        assert _by_document(groups_of(ours)) == _by_document(groups_of(whole))
    finally:
        ours.close()
        whole.close()


def test_opensearch_records_are_searchable_before_their_groups(opensearch_cluster, tmp_path):
    """A first build: its index is behind the alias, searched, while its groups are found;
    killed there, the index stays (with its records) and the next run finds its groups."""
    from tests.cluster.launcher import drop_indices

    drop_indices(opensearch_cluster.url, "reuse-pending")
    index_dir = tmp_path / "local"
    env = {"VERBATIM_ENGINE": "opensearch",
           "VERBATIM_OPENSEARCH_URL": ",".join(opensearch_cluster.urls),
           "VERBATIM_OPENSEARCH_INDEX": "reuse-pending", "VERBATIM_INDEX": str(index_dir)}
    from indexer import opensearch_reuse

    checked, opensearch_reuse.CHECK_SECONDS = opensearch_reuse.CHECK_SECONDS, 0.0
    try:
        during, after_crash, ready = _held_then_plain([str(DEMO)], env, index_dir, tmp_path)
    finally:
        opensearch_reuse.CHECK_SECONDS = checked
    _check(during, after_crash, ready)
    assert ready["report"]["unchanged"] > 0  # not rebuilt: the index the crash left
