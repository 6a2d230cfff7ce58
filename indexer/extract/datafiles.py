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
    loaded = _load(str(path), _stamp(path), build)
    _CHECKED[key] = (now, loaded)
    return loaded


def _stamp(path: Path) -> tuple[int, int]:
    """Return the file's modification time (ns) and size, (-1, -1) when it cannot be read:
    a file edited since it was last parsed is parsed again."""
    try:
        found = path.stat()
    except OSError:
        return -1, -1
    return found.st_mtime_ns, found.st_size


@lru_cache(maxsize=16)
def _load(path: str, stamp: tuple[int, int], build: Callable[[dict], T]) -> T:
    return build(_parse(path, stamp)[0])


@lru_cache(maxsize=16)
def _parse(path: str, stamp: tuple[int, int]) -> tuple[dict, str | None]:
    """Return the YAML mapping of a data file ({} when it gives none) and why it gives none
    (None when it reads, or is absent): parsed once for both the warning a run prints
    (`mapping_file_problem`) and the names or themes it applies (`load_mapping_file`), each
    time the file changes. A pure-Python YAML parse of a press office's list of thousands of
    names takes seconds."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError) as exc:
        return {}, "pas en UTF-8" if isinstance(exc, UnicodeDecodeError) else "illisible"
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, "YAML illisible" + (f" ligne {mark.line + 1}" if mark is not None else "")
    if data is not None and not isinstance(data, dict):
        return {}, "pas un dictionnaire « nom : variantes »"
    return data or {}, None


def mapping_file_problem(path: Path, what: str) -> str | None:
    """Return in one line why the data file `path` (`what`: « alias », « thésaurus ») gives
    nothing, or None when it reads (or is absent: none is a choice). A press office editing
    it by hand must hear of a slip before every name or theme it held is silently dropped.
    """
    reason = _parse(str(path), _stamp(path))[1]
    if reason is None:
        return None
    # a slip of syntax is mended in the file; the other problems say what the file is
    mend = " : corrigez le fichier puis relancez verbatim index" \
        if reason.startswith("YAML") else ""
    return f"{what} {path} : {reason} (aucun {what} appliqué{mend})"
