"""`python -m tests.cluster.launcher`, the command that starts a local test cluster by hand:
asked for its help, it says how to use it and starts nothing; an argument it does not take is
refused in one line, rather than a three-node cluster started that nobody asked for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _launcher(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tests.cluster.launcher", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_its_help_says_how_to_start_a_cluster_and_starts_none():
    done = _launcher("--help")
    assert done.returncode == 0
    assert done.stdout.startswith("usage: python -m tests.cluster.launcher")
    assert "VERBATIM_CLUSTER_HEAP" in done.stdout  # the settings it reads
    assert "OpenSearch prêt" not in done.stdout


def test_an_argument_it_does_not_take_is_refused_in_one_line():
    done = _launcher("--heap", "3g")
    assert done.returncode == 2
    assert "unrecognized arguments: --heap 3g" in done.stderr.splitlines()[-1]
    assert "OpenSearch prêt" not in done.stdout
