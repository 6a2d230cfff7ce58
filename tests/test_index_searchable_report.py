"""`verbatim index` says when the records were searchable, before their reuse groups
(issue 15): its text report prints both times, its JSON report carries them. Each run is the
real command in a child process, on the demo corpus."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import DEMO, ROOT

LINE = re.compile(r"^Documents consultables après (\d+\.\d) s, regroupements de reprises "
                  r"prêts après (\d+\.\d) s\.$", re.MULTILINE)


def _index(*args: str, env: dict[str, str] | None = None) -> str:
    env = {**os.environ, "VERBATIM_ENGINE": "whoosh", **(env or {})}
    done = subprocess.run([sys.executable, "-m", "indexer.cli", "index", *args],
                          cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _times(output: str) -> tuple[float, float]:
    (found,) = LINE.findall(output)
    return float(found[0]), float(found[1])


def test_whoosh_text_report_says_when_the_records_were_searchable(tmp_path: Path):
    index_dir = tmp_path / "index"
    searchable, ready = _times(_index(str(DEMO), "--index", str(index_dir)))
    assert 0 < searchable <= ready
    # the same run again: nothing changed, no groups computed, no such line
    assert not LINE.search(_index(str(DEMO), "--index", str(index_dir)))
    # a rebuild searched only from its swap, once its groups are found: no such line either,
    # and its JSON report says so
    report = json.loads(_index("--rebuild", "--json", "--index", str(index_dir)))
    assert report["reuse_seconds"] > 0 and report["searchable_seconds"] == report["seconds"]
    assert not LINE.search(_index("--rebuild", "--index", str(index_dir)))


def test_opensearch_text_report_says_when_the_records_were_searchable(opensearch_cluster,
                                                                      tmp_path: Path):
    from tests.cluster.launcher import drop_indices

    drop_indices(opensearch_cluster.url, "searchable-report")
    env = {"VERBATIM_OPENSEARCH_URL": ",".join(opensearch_cluster.urls),
           "VERBATIM_OPENSEARCH_INDEX": "searchable-report"}
    args = ["--engine", "opensearch", "--index", str(tmp_path / "local")]
    output = _index(str(DEMO), *args, env=env)
    assert "OpenSearch" in output
    searchable, ready = _times(output)
    assert 0 < searchable <= ready
    report = json.loads(_index("--rebuild", "--json", *args, env=env))
    assert 0 < report["searchable_seconds"] < report["seconds"]
    shipped = report["opensearch"]
    assert shipped["started_at"] < shipped["searchable_at"] < shipped["groups_ready_at"]
