"""Readers: one module per file format, each turning one file into raw records.

A reader is a function ``read(path: Path) -> list[Record]``. It raises `Unreadable` with a
one-line French-or-English reason when the file cannot be read; it never returns half a file
silently. Batch formats (CSV, JSONL, TEI) return one record per statement or speech turn.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class Unreadable(Exception):
    """A file that cannot be read; the message is the one-line reason shown in the report."""


@dataclass
class Record:
    """What a reader saw in one file (or one row/turn of a batch file).

    `text` is normalised (see `indexer.text`), paragraphs separated by blank lines.
    `meta` holds whatever else the format states, under these keys when present:
    subtitle, author, category, kind, place, tags (list), topics (list),
    speakers (list of str or {"name", "function"}), created, modified, and any
    format-specific extra (e.g. TEI's "interventiontype", "politicalgroup").
    """

    text: str
    key: str | None = None  # row or turn key inside a batch file; None for single documents
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD when the format states it
    lang: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


Reader = Callable[[Path], list[Record]]

# suffix → (format name, module holding `read`)
FORMATS: dict[str, tuple[str, str]] = {
    ".txt": ("txt", "text"),
    ".md": ("md", "markdown"),
    ".markdown": ("md", "markdown"),
    ".html": ("html", "html"),
    ".htm": ("html", "html"),
    ".pdf": ("pdf", "pdf"),
    ".docx": ("docx", "docx"),
    ".csv": ("csv", "tabular"),
    ".jsonl": ("jsonl", "tabular"),
    ".xml": ("tei", "tei"),
}


def format_of(path: Path) -> str | None:
    """Return the format name for a path, or None when no reader knows its suffix.

    >>> format_of(Path("2016-06-29-pr-verdict.html.md"))
    'md'
    """
    entry = FORMATS.get(path.suffix.lower())
    return entry[0] if entry else None


def reader_for(path: Path) -> Reader:
    """Return the `read` function for a path, or raise `Unreadable` for unknown formats."""
    entry = FORMATS.get(path.suffix.lower())
    if entry is None:
        raise Unreadable(f"format inconnu ({path.suffix or 'sans extension'})")
    module = importlib.import_module(f"indexer.readers.{entry[1]}")
    return module.read


def read_records(path: Path) -> list[Record]:
    """Return the records of one file, raising `Unreadable` with a one-line reason."""
    reader = reader_for(path)
    try:
        return reader(path)
    except Unreadable:
        raise
    except Exception as exc:  # a broken file must never stop a run: report it and go on
        reason = str(exc).splitlines()[0] if str(exc) else ""
        raise Unreadable(f"{type(exc).__name__}: {reason}"[:200]) from exc
