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


def mapping_file_problem(path: Path, what: str) -> str | None:
    """Return in one line why the data file `path` (`what`: « alias », « thésaurus ») gives
    nothing, or None when it reads (or is absent: none is a choice). A press office editing
    it by hand must hear of a slip before every name or theme it held is silently dropped.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        reason = "pas en UTF-8" if isinstance(exc, UnicodeDecodeError) else "illisible"
        return f"{what} {path} : {reason} (aucun {what} appliqué)"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" ligne {mark.line + 1}" if mark is not None else ""
        return (f"{what} {path} : YAML illisible{where} (aucun {what} appliqué : corrigez le "
                "fichier puis relancez verbatim index)")
    if data is not None and not isinstance(data, dict):
        return f"{what} {path} : pas un dictionnaire « nom : variantes » (aucun {what} appliqué)"
    return None

