"""A record's row in its CSV or JSON Lines file, as the file writes it: what « Voir le fichier
d'origine » shows of a statement taken from one row of a batch file, rather than the whole file.

A record says where its row is (`tabular`'s "Where": ``meta["lines"]``, ``meta["row"]``). That
place is checked before it is trusted: the row found there must give the record's key (its id
cell, or the hash of its title and date, `tabular.base_key`). An index built before records said
where they are, or a file edited since, is read again in full (`tabular.read`) to find the key,
when it is no bigger than `MAX_SCAN_BYTES`.
"""

from __future__ import annotations

import csv
import io
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
    raw = "".join(lines[first - 1:last])
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
        header = _header(text)
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
    holds it no more. `meta`: the record's (its place, checked before it is used); without
    it, or when the file changed, a file up to `MAX_SCAN_BYTES` is read again to find the
    key (a bigger one gives None)."""
    data = path.read_bytes()
    text = decode(data)
    if path.suffix.lower() == ".jsonl":  # `read_jsonl` cuts at "\n" only
        lines = [f"{line}\n" for line in text.split("\n")]
    else:
        lines = _lines(text)
    meta = meta or {}
    where = meta.get("lines")
    if isinstance(where, list) and len(where) == 2 and all(isinstance(n, int) for n in where):
        row = _row_at(path, text, lines, (meta.get("row"), *where), key)
        if row is not None:
            return row
    if len(data) > MAX_SCAN_BYTES:
        return None
    for record in read(path):
        if record.key == key:
            return _row_at(path, text, lines, (record.meta.get("row"), *record.meta["lines"]),
                           None)
    return None
