"""The data files a press office edits (aliases, thesaurus): YAML, re-read when they change."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import yaml

T = TypeVar("T")
RECHECK_SECONDS = 1.0  # checking a file's date costs a system call: once a second is enough
_CHECKED: dict[tuple[str, Callable], tuple[float, object]] = {}


def load_mapping_file(path: Path, build: Callable[[dict], T]) -> T:
    """Return `build(mapping)` for the YAML mapping in `path`, cached per modification time.

    A missing or unreadable file gives `build({})`: extraction must never stop for it.
    """
    key = (str(path), build)
    now = time.monotonic()
    seen = _CHECKED.get(key)
    if seen is not None and now - seen[0] < RECHECK_SECONDS:
        return seen[1]  # type: ignore[return-value]
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = -1
    loaded = _load(str(path), stamp, build)
    _CHECKED[key] = (now, loaded)
    return loaded


@lru_cache(maxsize=16)
def _load(path: str, stamp: int, build: Callable[[dict], T]) -> T:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = None
    return build(data if isinstance(data, dict) else {})
