"""Shared fixtures: the shared corpus beside the checkout, temporary indexes, the Flask app."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VERBATIM_SHARED", ROOT.parent / "shared" / "corpus"))
DEMO = ROOT / "corpus"


def shared_path(*parts: str) -> Path:
    """Return a path inside ../shared/corpus, skipping (or failing under CI) when absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"shared corpus not found: {path}"
        if os.environ.get("VERBATIM_REQUIRE_SHARED") == "1":
            pytest.fail(message + " (VERBATIM_REQUIRE_SHARED=1)")
        pytest.skip(message)
    return path


@pytest.fixture
def shared():
    """The ../shared/corpus folder (skips when absent, fails when VERBATIM_REQUIRE_SHARED=1)."""
    return shared_path()
