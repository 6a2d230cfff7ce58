"""`verbatim serve` uses every core: worker processes sharing the index files, each picking up
a re-index by itself, each with its share of the word cache."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.load import child_pids
from tests.serving import free_port


@pytest.fixture
def server(web_index_template, tmp_path):
    """`verbatim serve --workers 2 --threads 2` on a private copy of the web corpus and index."""
    corpus = Path(shutil.copytree(web_index_template[0], tmp_path / "corpus"))
    index = Path(shutil.copytree(web_index_template[1], tmp_path / "index"))
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "serve", "--index", str(index), "--port",
         str(port), "--workers", "2", "--threads", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(base + "/api/search", timeout=5):
                    break
            except OSError:
                time.sleep(0.1)
        yield base, process, corpus, index
    finally:
        process.terminate()
        process.wait(timeout=20)


def total(base: str, q: str) -> tuple[int, str]:
    """Return the API's total for `q`, and the response's Server-Timing, on a new connection."""
    with urllib.request.urlopen(f"{base}/api/search?q={q}", timeout=30) as response:
        return json.load(response)["total"], response.headers["Server-Timing"]


def test_two_workers_serve_and_each_picks_up_a_reindex(server):
    base, process, corpus, index = server
    # the master and its two workers: the first answer may come before the second worker is up
    for _ in range(300):
        if len(child_pids(process.pid)) == 2:
            break
        time.sleep(0.1)
    assert len(child_pids(process.pid)) == 2
    before, timing = total(base, "marmotte")
    assert before == 0 and timing.startswith("app;dur=")
    (corpus / "2024-01-05-marmotte.md").write_text(
        "---\ntitle: La marmotte du col\ndate: 2024-01-05\n---\n\n"
        "La marmotte siffle au col du Galibier depuis ce matin.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "indexer.cli", "index", str(corpus), "--index",
                           str(index), "--quiet"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    # many concurrent requests: whichever worker answers has reopened the index
    with ThreadPoolExecutor(8) as pool:
        seen = list(pool.map(lambda _i: total(base, "marmotte")[0], range(40)))
    assert seen == [1] * 40
    assert process.poll() is None


def test_workers_share_the_default_word_cache(monkeypatch):
    import indexer.whoosh_engine as search_module
    from webapp.server import term_cache_per_worker

    monkeypatch.delenv("VERBATIM_TERM_CACHE", raising=False)
    monkeypatch.setattr(search_module, "TERM_CACHE_POSTINGS", 6_000_000)
    assert term_cache_per_worker(2) == 3_000_000
    # set by hand, the figure is each worker's
    monkeypatch.setenv("VERBATIM_TERM_CACHE", "6000000")
    assert term_cache_per_worker(2) == 6_000_000


def test_the_master_reads_the_reuse_groups_once_for_every_worker(web_index_dir):
    # `preload` runs before the fork: each worker then finds the groups already read (the
    # same object, nothing read again) instead of reading 29 MB of JSON at `250k` itself
    from indexer import genealogy
    from webapp import create_app
    from webapp.server import preload

    index = web_index_dir
    assert (index / genealogy.GROUPS).exists()
    app = create_app({"INDEX_DIR": str(index)})
    preload(app)
    read = genealogy._cache[str(index / genealogy.GROUPS)][1]
    assert genealogy.reuse_index(index) is read  # what a worker's pages then get


# `verbatim serve`, its talking points' table noted by the process building it (`_Table`)
NOTED_SERVE = """
import os, sys
from indexer import genealogy
build, path = genealogy._Table.__init__, sys.argv[1]
def noted(self, index):
    with open(path, "a") as out:
        out.write(f"{os.getpid()}\\n")
    build(self, index)
genealogy._Table.__init__ = noted
sys.argv = ["verbatim", "serve", *sys.argv[2:]]
from indexer.cli import main
main()
"""


def test_the_master_builds_the_talking_points_once_for_every_worker(demo_index_shared,
                                                                    tmp_path):
    # `preload` builds the talking points' table before the fork, as it reads the groups:
    # each worker lists the talking points from it, none builds its own (at `250k`, 4.6 s
    # of CPU each before it answered)
    index = Path(shutil.copytree(demo_index_shared, tmp_path / "index"))
    built, port = tmp_path / "built", free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", NOTED_SERVE, str(built), "--index", str(index), "--port",
         str(port), "--workers", "2", "--threads", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if len(child_pids(process.pid)) == 2:
                try:
                    with urllib.request.urlopen(base + "/api/search", timeout=5):
                        break
                except OSError:
                    pass
            time.sleep(0.1)
        # new connections, spread over both workers
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _i: _json(base + "/api/talking-points"), range(24)))
        assert all(a["total"] > 0 and not a["groups_pending"] for a in answers)
        assert built.read_text().split() == [str(process.pid)]
    finally:
        process.terminate()
        process.wait(timeout=20)


def _json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def test_settle_freezes_what_the_process_holds_and_raises_the_young_threshold():
    # a request's short-lived objects no longer set off a young collection every 700
    import gc

    from webapp.server import YOUNG_THRESHOLD, settle

    before = gc.get_threshold()
    try:
        settle()
        assert gc.get_threshold() == (YOUNG_THRESHOLD, *before[1:])
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
