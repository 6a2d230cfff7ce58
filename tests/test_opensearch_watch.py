"""`verbatim index PATH --engine opensearch --watch`: new, changed and deleted files reach the
cluster (and a catalog already open on it) without another command, as on Whoosh
(tests/test_watch.py); another indexer's lease makes the watcher wait, not stop.

On the real three-node test cluster; waits are deadlines against hangs, never speed checks.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from indexer.search import open_catalog
from tests.cluster.launcher import drop_indices
from tests.test_watch import CASTOR, DEADLINE, LOUTRE, changes_reach, serving, wait_for, watching

ALIAS = "watch-test"


@pytest.fixture
def cluster_alias(opensearch_cluster, monkeypatch):
    monkeypatch.setenv("VERBATIM_OPENSEARCH_INDEX", ALIAS)
    drop_indices(opensearch_cluster.url, ALIAS)
    yield opensearch_cluster.url
    drop_indices(opensearch_cluster.url, ALIAS)


@pytest.fixture
def watched(tmp_path, cluster_alias):
    """A folder with one file, indexed into the cluster by a watcher serving in a thread."""
    from indexer.cli import _cluster_run

    for folder, watcher, reports, busy in serving(tmp_path, run=_cluster_run(cluster_alias)):
        yield folder, cluster_alias, watcher, reports, busy


def test_new_changed_and_deleted_files_reach_an_open_catalog(watched, tmp_path):
    folder, url, _watcher, _reports, _ = watched
    # what a server keeps open
    changes_reach(open_catalog(tmp_path / "index", "opensearch", url), folder)


def test_another_indexers_lease_makes_the_watcher_wait_not_stop(watched):
    from indexer.opensearch_client import connect
    from indexer.opensearch_writer import run_lock

    folder, url, _watcher, reports, busy = watched
    client = connect(url)
    try:
        with run_lock(client, ALIAS):  # another indexer at work
            (folder / "castor.txt").write_text(CASTOR, "utf-8")
            wait_for(lambda: busy, "le verrou signalé")
            assert "un autre indexeur écrit" in busy[0]
    finally:
        client.close()
    report = reports.get(timeout=DEADLINE)
    while not report.added:  # a run that found nothing new may come first
        report = reports.get(timeout=DEADLINE)
    assert (report.added, report.total) == (1, 2)


def test_cli_watch_on_opensearch_reports_each_run_and_stops_on_ctrl_c(tmp_path, cluster_alias):
    folder = tmp_path / "communiques"
    folder.mkdir()
    (folder / "loutre.txt").write_text(LOUTRE, "utf-8")
    with watching([sys.executable, "-m", "indexer.cli", "index", str(folder), "--index",
                   str(tmp_path / "index"), "--engine", "opensearch", "--opensearch-url",
                   cluster_alias, "--watch", "--json", "--workers", "1"],
                  cwd=Path(__file__).resolve().parents[1]) as (process, report, _errors):
        first = report()
        assert first["added"] == 1 and first["opensearch"]["records"] >= 1
        (folder / "castor.txt").write_text(CASTOR, "utf-8")
        second = report()
        assert (second["added"], second["total"]) == (1, 2)
        (folder / "loutre.txt").unlink()
        third = report()
        assert (third["removed"], third["total"]) == (1, 1)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=DEADLINE) == 0
