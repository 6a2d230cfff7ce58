"""`verbatim serve` on OpenSearch warms a restarted cluster: its first worker searches the index
on each of its shard copies in a background thread (`webapp.server.warm_cluster`,
`indexer.opensearch_engine.warm_in_background`), when the nodes are fresh, while the server
already answers; nothing when the nodes are long at work.

Observed as behaviour, not time: each copy's searches as the cluster counts them
(`_stats/search`, level shards), the server's pages answered, its line on stderr. On the real
three-node test cluster."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from tests.cluster.launcher import drop_indices
from tests.serving import free_port
from tests.test_opensearch_warm import ALIAS, _searches_by_copy, corpus  # noqa: F401 - fixture


@pytest.fixture
def built(opensearch_cluster, corpus, monkeypatch):  # noqa: F811 - the fixture imported
    """The corpus indexed (not warmed: switched off for the build) behind ALIAS, and the
    environment of a server on it."""
    import indexer.opensearch_engine as engine
    from indexer.opensearch_writer import index_cluster

    monkeypatch.setattr(engine, "WARM_SECONDS", 0)
    drop_indices(opensearch_cluster.url, ALIAS)
    index_cluster([corpus], opensearch_cluster.url, ALIAS, replicas=1)
    monkeypatch.setattr(engine, "WARM_MIN_DOCS", 0)  # a test corpus is small
    monkeypatch.setattr(engine, "WARM_ROUNDS", 2)
    env = {"VERBATIM_ENGINE": "opensearch", "VERBATIM_OPENSEARCH_URL": opensearch_cluster.url,
           "VERBATIM_OPENSEARCH_INDEX": ALIAS}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    yield opensearch_cluster.url, env
    drop_indices(opensearch_cluster.url, ALIAS)


def _app(tmp_path):
    from webapp import create_app

    return create_app({"INDEX_DIR": str(tmp_path / "index"), "TESTING": True})


def test_a_server_on_fresh_nodes_warms_every_copy_and_answers_meanwhile(
        built, tmp_path, monkeypatch, capsys):
    import indexer.opensearch_engine as engine
    from webapp.catalog import close_catalog
    from webapp.server import warm_cluster

    url, _ = built
    monkeypatch.setattr(engine, "WARM_SECONDS", 60)
    monkeypatch.setattr(engine, "WARM_SERVED", 10**12)  # nodes just (re)started
    before = _searches_by_copy(url)
    app = _app(tmp_path)
    try:
        thread = warm_cluster(app)
        assert thread is not None and thread.daemon
        assert app.test_client().get("/?q=relance").status_code == 200  # not waiting for it
        thread.join(timeout=120)
        assert not thread.is_alive()
    finally:
        close_catalog(app)
    after = _searches_by_copy(url)
    assert len(after) == 2  # the primary and its replica, on two nodes
    # two rounds of six page searches and a speaker's statements on each copy
    assert all(after[copy] - before.get(copy, 0) >= 14 for copy in after), (before, after)
    line = capsys.readouterr().err
    assert f"OpenSearch : index « {ALIAS} » préparé aux recherches : " in line
    assert "sur 2 nœud(s)" in line


@pytest.mark.parametrize("seconds, served", [(0, 10**12), (60, 0)],
                         ids=["switched off", "nodes long at work"])
def test_no_warming_when_switched_off_or_the_nodes_are_warm(
        built, tmp_path, monkeypatch, capsys, seconds, served):
    import indexer.opensearch_engine as engine
    from webapp.catalog import close_catalog
    from webapp.server import warm_cluster

    url, _ = built
    monkeypatch.setattr(engine, "WARM_SECONDS", seconds)
    monkeypatch.setattr(engine, "WARM_SERVED", served)
    app = _app(tmp_path)
    try:
        before = _searches_by_copy(url)
        warm_cluster(app).join(timeout=120)
    finally:
        close_catalog(app)
    assert sum(_searches_by_copy(url).values()) - sum(before.values()) <= 1
    assert "sans préparation" in capsys.readouterr().err


def test_whoosh_has_nothing_to_warm(web_index_dir, monkeypatch):
    from webapp import create_app
    from webapp.catalog import close_catalog
    from webapp.server import warm_cluster

    monkeypatch.delenv("VERBATIM_ENGINE", raising=False)
    app = create_app({"INDEX_DIR": str(web_index_dir), "TESTING": True})
    try:
        assert warm_cluster(app) is None
    finally:
        close_catalog(app)


def test_verbatim_serve_warms_from_its_first_worker(built, tmp_path):
    """The command itself (gunicorn, one worker): its line says what the warming did, as the
    nodes' counts decide (fresh: searches on every copy; long at work: none)."""
    from indexer.opensearch_client import connect
    from indexer.opensearch_engine import WARM_SERVED

    url, env = built
    client = connect(url)
    try:
        served = client.nodes.stats(metric="indices", index_metric="search")["nodes"]
    finally:
        client.close()
    fresh = any(n["indices"]["search"]["query_total"] < WARM_SERVED for n in served.values())
    before = _searches_by_copy(url)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "serve", "--index", str(tmp_path / "index"),
         "--port", str(port), "--workers", "1"], stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1],
        env={**os.environ, **env, "VERBATIM_OPENSEARCH_WARM_MIN_DOCS": "0",
             "VERBATIM_OPENSEARCH_WARM_SECONDS": "60"})
    lines: list[str] = []
    stderr: queue.Queue = queue.Queue()
    reader = threading.Thread(target=lambda: [stderr.put(x) for x in process.stderr], daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/?q=relance",
                                            timeout=30) as page:
                    assert page.status == 200
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("le serveur ne répond pas")
        while f"index « {ALIAS} »" not in "".join(lines):
            lines.append(stderr.get(timeout=max(1.0, deadline - time.monotonic())))
    finally:
        process.terminate()
        process.wait(timeout=30)
        reader.join(timeout=30)
        process.stderr.close()
    said = "".join(lines)
    if fresh:
        assert "préparé aux recherches" in said, said
        after = _searches_by_copy(url)
        assert all(after[copy] - before.get(copy, 0) >= 8 for copy in after), (before, after)
    else:
        assert "sans préparation" in said, said
