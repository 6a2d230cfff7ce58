"""A record's row in its CSV or JSON Lines file, as the file writes it: what « Voir le fichier
d'origine » shows of a statement taken from one row of a batch file, rather than the whole file.

A record says where its row is (`tabular`'s "Where": ``meta["lines"]``, ``meta["row"]``, and
its byte range ``meta["bytes"]``). That place is checked before it is trusted: the row found
there must give the record's key (its id cell, or the hash of its title and date,
`tabular.base_key`). Its bytes known, the row and the CSV's header are read alone: one row
of the vie-publique export (3.8 MB) cost 55 ms and 52 MB of memory when the whole file was
read for it, and a file of 100 MB would have cost each request as much again times 26. An
index built before records said where they are, a UTF-16 file, or a file edited since, is
read in full (`tabular.read`) to find the key, when it is no bigger than `MAX_SCAN_BYTES`.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from indexer.readers import Unreadable
from indexer.readers.tabular import (
    FIELD_SIZE_LIMIT,
    base_key,
    columns_for,
    decode,
    read,
    sniff_delimiter,
)


@dataclass
class Row:
    """One record's row: where it is, and its cells as the file writes them."""

    first_line: int  # 1-based, as a text editor counts them
    last_line: int
    spreadsheet_row: int | None  # a CSV's row as a spreadsheet numbers it (header: 1)
    header: str  # the CSV's header line(s) as written; "" in JSON Lines
    raw: str  # the row's line(s) as written
    cells: list[tuple[str, str]]  # (column or JSON key, value), in the file's order


def _lines(text: str) -> list[str]:
    """Return the lines of a text as the csv module counts them (\\n, \\r\\n or \\r), ends kept."""
    return io.StringIO(text, newline="").readlines()


def _csv_cells(header: str, raw: str) -> tuple[list[str], list[str]] | None:
    delimiter = sniff_delimiter(header)
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_SIZE_LIMIT))
    try:
        parsed = list(csv.reader(io.StringIO(header + raw, newline=""), delimiter=delimiter))
    except csv.Error:
        return None
    if len(parsed) != 2:  # the header and the one row, or the lines are not that row
        return None
    return [h.strip() for h in parsed[0]], parsed[1]


def _header(text: str) -> str:
    """Return a CSV's header record as written: its first record, as `tabular` reads it (a
    header cell may hold a line break)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        next(reader)
    except (StopIteration, csv.Error):
        return ""
    return "".join(_lines(text)[:reader.line_num])


def _row_at(path: Path, text: str, lines: list[str], where: tuple[int | None, int, int],
            key: str | None) -> Row | None:
    """Return the row written on lines `where` (spreadsheet row, first, last) when it is the
    record `key`'s (any row, for no `key`)."""
    number, first, last = where
    if not 1 <= first <= last <= len(lines):
        return None
    header = "" if path.suffix.lower() == ".jsonl" else _header(text)
    return _row(path, header, "".join(lines[first - 1:last]), where, key)


def _row(path: Path, header: str, raw: str, where: tuple[int | None, int, int],
         key: str | None) -> Row | None:
    """Return the row `raw` (under a CSV's `header`) written on lines `where` when it is the
    record `key`'s (any row, for no `key`)."""
    number, first, last = where
    if path.suffix.lower() == ".jsonl":
        try:
            value: Any = orjson.loads(raw)
        except ValueError:
            return None
        if not isinstance(value, dict):
            return None
        header, cells = "", [(str(k), _shown(v)) for k, v in value.items()]
        row = value
    else:
        parsed = _csv_cells(header, raw)
        if parsed is None:
            return None
        cells = list(zip(parsed[0], parsed[1], strict=False))
        row = dict(cells)
    if key is not None:
        try:
            found = base_key(row, columns_for(path, [name for name, _ in cells]))
        except Unreadable:
            return None
        if key != found and not key.startswith(f"{found}~"):
            return None
    return Row(first, last, number, header, raw, cells)


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else orjson.dumps(value).decode("utf-8")


# The biggest file read again in full to find a record whose place the index does not hold
# (or no longer right): as long as reading it for the index (`tabular.read`: 0.1 to 0.6 s for
# the 3.8 MB vie-publique export), a few seconds at most.
MAX_SCAN_BYTES = 20 * 1024 * 1024


def find_row(path: Path, key: str, meta: dict[str, Any] | None = None) -> Row | None:
    """Return the row of the record `key` of a CSV or JSON Lines file, or None when the file
    holds it no more. `meta`: the record's (its place, checked before it is used): with its
    bytes, the row alone is read; without them, or when the file changed, a file up to
    `MAX_SCAN_BYTES` is read again to find the key (a bigger one gives None)."""
    meta = meta or {}
    row = _row_by_bytes(path, key, meta)
    if row is not None:
        return row
    if path.stat().st_size > MAX_SCAN_BYTES:
        return None
    data = path.read_bytes()
    text = decode(data)
    if path.suffix.lower() == ".jsonl":  # `read_jsonl` cuts at "\n" only
        lines = [f"{line}\n" for line in text.split("\n")]
    else:
        lines = _lines(text)
    where = meta.get("lines")
    if isinstance(where, list) and len(where) == 2 and all(isinstance(n, int) for n in where):
        row = _row_at(path, text, lines, (meta.get("row"), *where), key)
        if row is not None:
            return row
    for record in read(path):
        if record.key == key:
            return _row_at(path, text, lines, (record.meta.get("row"), *record.meta["lines"]),
                           None)
    return None


def _span(value: Any) -> tuple[int, int] | None:
    """Return a byte range [start, end) of a record's meta, or None when it is not one."""
    if isinstance(value, list) and len(value) == 2 and all(type(n) is int for n in value) \
            and 0 <= value[0] <= value[1] and value[1] - value[0] <= MAX_SCAN_BYTES:
        return value[0], value[1]
    return None


def _row_by_bytes(path: Path, key: str, meta: dict[str, Any]) -> Row | None:
    """Return the record's row read from its byte range (`tabular.Places`) and, in a CSV,
    its header's: the file's other rows are not read. None when the record has no such
    range, or the row there is not the record's (the file changed)."""
    span, lines = _span(meta.get("bytes")), meta.get("lines")
    jsonl = path.suffix.lower() == ".jsonl"
    head = None if jsonl else _span(meta.get("head"))
    if span is None or (head is None and not jsonl) or not (
            isinstance(lines, list) and len(lines) == 2 and all(type(n) is int for n in lines)):
        return None
    encoding = meta.get("encoding", "utf-8")
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if span[1] > size or (head is not None and head[1] > size):
                return None
            header = b""
            if head is not None:
                file.seek(head[0])
                header = file.read(head[1] - head[0])
            file.seek(span[0])
            raw = file.read(span[1] - span[0])
        text, header_text = raw.decode(encoding), header.decode(encoding)
    except (OSError, LookupError, UnicodeDecodeError):
        return None
    if jsonl and not text.endswith("\n"):
        text += "\n"  # as `find_row` cuts the lines: the file's last one has its "\n" too
    return _row(path, header_text, text, (meta.get("row"), lines[0], lines[1]), key)
