"""Batch files of statements: CSV (``.csv``) and JSON Lines (``.jsonl``), one record per row.

Columns
    Our fields (title, date, text, tags, topics, speakers, kind, place, id) are found by header
    name, in English or French, accents and case ignored: ``title``/``titre``,
    ``text``/``texte``/``discours``/``content``/``body``, ``tags``/``thematiques``,
    ``topics``/``descripteurs``/``keywords``, ``speakers``/``orateurs``/``intervenants``,
    ``kind``/``type``, ``place``/``lieu``, ``id``… (see `_SYNONYMS`). A file without a text
    column is not a document file and raises `Unreadable` ("pas de colonne de texte: colonnes …").

Explicit mapping
    A sidecar file ``<stem>.columns.yaml`` next to the data file (``discours.columns.yaml`` for
    ``discours.csv`` or ``discours.jsonl``) maps our fields to column names (or JSON keys)::

        text: corps_du_message
        title: objet
        date: publie_le
        speakers: orateurs
        id: null          # null: do not use any column for this field

    Fields it names override the auto-detection; the others are still auto-detected. An unknown
    field or a column missing from the header raises `Unreadable`.

CSV
    Delimiter taken from the header line (``,`` ``;`` or tab), UTF-8 with or without BOM, else
    cp1252 (then latin-1). RFC-4180 quoting with multi-line cells, cells up to 50 MB. Rows that
    repeat the header are skipped (scrapers that append batches repeat it), and so are rows with
    an empty text. Duplicate rows (same normalised title, date and text) give one record.

Text
    HTML cells (``<p>``, ``<br>``…) become paragraphs: each ``<p>``/block and each line ended by
    ``<br>`` is its own paragraph, so an interview's upper-case speaker line (``OLIVIER DUSSOPT``)
    stays separate from the answer. Plain cells: blank-line separated blocks, else one paragraph
    per line; a cell with no line break at all whose sentences are glued (``sols.Cette``, the mark
    of a scraper that dropped the ``<p>`` tags) is split at those joins.

Keys
    `Record.key` is the id column's value when there is one, else a hash of (title, date): stable
    across runs and row insertions. Records sharing that key get a suffix hashed from their text.

Where
    Each record says where its row is, for a reader to find it in the file: ``meta["lines"]``,
    its first and last line in the file (1-based, as a text editor counts them; one line in
    JSON Lines) and, in a CSV, ``meta["row"]``, its row as a spreadsheet numbers it (the
    header is row 1). In a file whose line ends are one byte (UTF-8, cp1252, Latin-1: not
    UTF-16 or UTF-32), ``meta["bytes"]`` is the row's byte range, ``meta["head"]`` the CSV
    header's, and ``meta["encoding"]`` the file's when it is not UTF-8: the row is read back
    alone, whatever the file's size. `indexer.readers.rows` gives a record's row back from
    its key.

Dates
    ISO (``2020-09-21T12:00:00Z``), French (``26 avril 2023``, ``1er mai 2023``, with or without
    accents or weekday) and ``21/09/2020`` give ``YYYY-MM-DD`` (`parse_date`); anything else gives
    None with the raw string in ``meta["date_raw"]``.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import html
import io
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from datetime import date as _date
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import lxml.html
import orjson
import yaml

from indexer.extract.dates import parse_date as french_date
from indexer.memo import TextMemo, digest
from indexer.readers import Record, Unreadable
from indexer.readers.safe_yaml import load_yaml
from indexer.readers.text import decode as decode_text
from indexer.text import (
    clean_paragraph,
    is_normal,
    join_paragraphs,
    normalize,
    split_paragraphs,
)

log = logging.getLogger(__name__)

FIELD_SIZE_LIMIT = 50 * 1024 * 1024  # biggest CSV cell accepted (bytes of text, roughly)

# ---------------------------------------------------------------------------------------------
# Dates


_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


def _fold(text: str) -> str:
    """Return `text` lower-cased without accents, spaces squeezed."""
    if text.isascii():  # nothing to decompose (most ids, dates and header names)
        return " ".join(normalize(text).casefold().split())
    decomposed = unicodedata.normalize("NFD", normalize(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return _date(year, month, day).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=4096)  # a batch file's rows share a few dates
def parse_date(value: str | None) -> str | None:
    """Return a date string as ISO ``YYYY-MM-DD``, or None when it is not a date we know.

    >>> parse_date("2020-09-21T12:00:00Z"), parse_date("1er mai 2023"), parse_date("26 avril 2023")
    ('2020-09-21', '2023-05-01', '2023-04-26')
    >>> parse_date("mardi 29 janvier 2013"), parse_date("21/09/2020"), parse_date("bientôt")
    ('2013-01-29', '2020-09-21', None)
    """
    if not value:
        return None
    text = _fold(value)
    if match := _ISO_DATE.fullmatch(text.upper()):
        return _iso(*(int(g) for g in match.groups()))
    # French forms (« 1er mai 2023 », weekdays, no accents, 21/09/2020): the extractor's parser
    return french_date(value)


# ---------------------------------------------------------------------------------------------
# Column mapping


@dataclass
class Columns:
    """Which column (or JSON key) holds each of our fields; None when the file has none."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    tags: str | None = None
    topics: str | None = None
    speakers: str | None = None
    kind: str | None = None
    place: str | None = None
    id: str | None = None


FIELDS = tuple(f.name for f in fields(Columns))

# Header names per field, folded (lower case, no accents, no spaces, "-" or "_"), best first.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": ("text", "texte", "discours", "content", "contenu", "body", "corps", "fulltext"),
    "title": ("title", "titre", "intitule", "headline", "objet"),
    "date": ("date", "datepublication", "publicationdate", "publishedat", "published", "jour"),
    "tags": ("tags", "thematiques", "thematique", "themes", "theme"),
    "topics": ("topics", "descripteurs", "keywords", "motscles", "motcles", "subjects"),
    "speakers": ("speakers", "orateurs", "intervenants", "speaker", "orateur", "intervenant"),
    "kind": ("kind", "type", "genre", "nature", "typedocument", "doctype"),
    "place": ("place", "lieu", "location", "localisation"),
    "id": ("id", "identifiant", "uid", "guid", "docid", "documentid"),
}


def _fold_header(name: str) -> str:
    return re.sub(r"[\s_\-.]+", "", _fold(name))


def named_field(mapping: dict[str, Any], name: str) -> Any:
    """Return the value of `mapping` (a front matter, a sidecar) under a key naming our field
    `name` as a column header would (« orateurs », « Lieu »), best synonym first; else None.

    >>> named_field({"Orateurs": ["Claire Aubertin"], "lieu": "Montclair"}, "speakers")
    ['Claire Aubertin']
    """
    keys = {_fold_header(str(key)): key for key in mapping}
    for synonym in _SYNONYMS[name]:
        if synonym in keys:
            return mapping[keys[synonym]]
    return None


def detect_columns(headers: Iterable[str]) -> Columns:
    """Return the mapping found from header names (French or English, accents ignored).

    >>> detect_columns(["titre", "date", "discours"]).text
    'discours'
    """
    headers = list(headers)
    folded = [_fold_header(h) for h in headers]
    found = {}
    for name, synonyms in _SYNONYMS.items():
        for synonym in synonyms:
            if synonym in folded:
                found[name] = headers[folded.index(synonym)]
                break
    return Columns(**found)


def sidecar_path(path: Path) -> Path:
    """Return where the explicit column mapping of a data file would be."""
    return path.with_name(f"{path.stem}.columns.yaml")


def columns_for(path: Path, headers: list[str]) -> Columns:
    """Return the column mapping of a file: its sidecar's fields over the detected ones.

    Raises `Unreadable` when the sidecar is invalid, names a column the file lacks, or when no
    text column is found.
    """
    columns = detect_columns(headers)
    sidecar = sidecar_path(path)
    if sidecar.is_file():
        try:
            explicit = load_yaml(sidecar.read_text(encoding="utf-8-sig"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise Unreadable(f"{sidecar.name} illisible: {str(exc).splitlines()[0]}") from exc
        if not isinstance(explicit, dict):
            raise Unreadable(f"{sidecar.name}: attendu un dictionnaire champ: colonne")
        for name, column in explicit.items():
            if name not in FIELDS:
                raise Unreadable(f"{sidecar.name}: champ inconnu {name!r} (connus: {FIELDS})")
            if column is not None and str(column) not in headers:
                raise Unreadable(f"{sidecar.name}: colonne absente {column!r}")
            setattr(columns, name, None if column is None else str(column))
    if columns.text is None:
        listed = ", ".join(repr(h) for h in headers) or "aucune"
        raise Unreadable(f"pas de colonne de texte: colonnes {listed}"[:200])
    return columns


# ---------------------------------------------------------------------------------------------
# Cell values

_HTML_TAG = re.compile(
    r"</?(?:p|br|div|span|b|i|u|em|strong|a|ul|ol|li|h[1-6]|blockquote|table|tr|td|th|sup|sub"
    r"|section|article|hr|img|font)\b[^>]*>",
    re.IGNORECASE,
)
_HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)
_BLOCKS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote table tr td th section article header footer "
    "hr pre dl dt dd figure figcaption address".split()
)
_SKIPPED = frozenset({"script", "style", "head", "title", "template", "noscript"})
_WHITESPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A sentence end glued to the next sentence ("sols.Cette", "autres ?SONIA"): a lower-case
# letter, digit or closing sign then . ! ? …, or a spaced ? !, then an upper-case letter or «.
_BLANK_LINE = re.compile(r"\n\s*\n")
_GLUED = re.compile(r"(?:(?<=[a-zà-öø-ÿœ0-9»)\]][.!?…])|(?<=\s[!?]))(?=[A-ZÀ-ÖØ-ÞŒ«])")
# Where `_GLUED` may cut: a . ! ? or … right before an upper-case letter or «. `_GLUED`, all
# lookarounds, is tried at every position of a cell; this scans for the mark instead, and most
# cells have none (measured on an eighth of the `250k` files: 0.41 -> 0.06 s for 43,000
# paragraphs, 60 of them glued).
_GLUED_MARK = re.compile(r"[.!?…][A-ZÀ-ÖØ-ÞŒ«]")


def _spaces(text: str | None) -> str:
    return _WHITESPACE.sub(" ", text) if text else ""


def _html_lines(element: lxml.html.HtmlElement, out: list[str]) -> None:
    """Append the text of `element`'s content to `out`, a "\n" where a line or block ends."""
    out.append(_spaces(element.text))
    for child in element:
        name = child.tag.lower() if isinstance(child.tag, str) else None
        if name == "br":
            out.append("\n")
        elif name in _BLOCKS:
            out.append("\n")
            _html_lines(child, out)
            out.append("\n")
        elif name is not None and name not in _SKIPPED:
            _html_lines(child, out)
        out.append(_spaces(child.tail))  # comments and processing instructions: tail only


def html_to_text(markup: str) -> str:
    """Return an HTML fragment as paragraphs: one per block element and per ``<br>`` line.

    >>> html_to_text("<p>OLIVIER DUSSOPT<br>\\nBonjour.<br><br>Merci.</p>")
    'OLIVIER DUSSOPT\\n\\nBonjour.\\n\\nMerci.'
    """
    markup = _CONTROL.sub("", markup)  # lxml refuses control characters; the rest is normalised
    if not markup.strip():
        return ""
    root = lxml.html.document_fromstring(markup)
    out: list[str] = []
    _html_lines(root, out)
    lines = "".join(out)
    return join_paragraphs(lines.split("\n"), is_normal(lines))


def plain_to_text(value: str) -> str:
    """Return plain text as paragraphs: blank-line blocks, else lines, else glued sentences.

    >>> plain_to_text("Première phrase.Deuxième phrase ?RÉPONSE Oui.")
    'Première phrase.\\n\\nDeuxième phrase ?\\n\\nRÉPONSE Oui.'
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _HTML_ENTITY.search(value):
        value = html.unescape(value)
    if _BLANK_LINE.search(value):
        return "\n\n".join(split_paragraphs(value))
    normal = is_normal(value)  # then so is each line, each sentence
    if "\n" in value:
        return join_paragraphs(value.split("\n"), normal)
    return join_paragraphs(_GLUED.split(value) if _GLUED_MARK.search(value) else [value], normal)


def cell_to_text(value: Any) -> str:
    """Return a text cell (string, or list of paragraphs in JSON) as normalised paragraphs."""
    if value is None:
        return ""
    if isinstance(value, list):
        return join_paragraphs(cell_to_text(v) for v in value)
    value = str(value)
    if _HTML_TAG.search(value):
        return html_to_text(value)
    return plain_to_text(value)


def split_list(value: Any) -> list[str]:
    """Return a comma-joined cell (or a JSON list) as a list: stripped, empty and repeats dropped.

    >>> split_list("Olivier Dussopt, Jean-paul Chapel,,")
    ['Olivier Dussopt', 'Jean-paul Chapel']
    """
    if value is None or value == [] or value == "":
        return []  # most rows' tags: without the generators below (1.3 us a row)
    if type(value) is list and len(value) == 1 and type(value[0]) is str:
        item = _clean_item(value[0])  # most rows' speakers: one name
        return [item] if item else []
    items = value if isinstance(value, list) else re.split(r"[,;|]", str(value))
    cleaned = (_clean_item(str(item)) for item in items if item is not None)
    return list(dict.fromkeys(item for item in cleaned if item))


# the same speakers, tags and topics on row after row
_clean_item = lru_cache(maxsize=8192)(clean_paragraph)


@lru_cache(maxsize=8192)
def _clean_line(value: str) -> tuple[str, str]:
    """Return a title or date cell cleaned (`clean_paragraph`) and squeezed (`_squeeze`):
    a batch file repeats its titles and dates row after row (a quarter of the `250k` JSONL
    files: 57,746 rows, 4,600 different titles)."""
    clean = clean_paragraph(value)
    return clean, _squeeze(clean)


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v is not None)
    return str(value)


# ---------------------------------------------------------------------------------------------
# Rows to records


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _squeeze(text: str) -> str:
    return " ".join(text.split()).casefold()


# A text cell's paragraphs and their squeezed form (the row's identity), by the cell's
# digest: batch files repeat texts (`indexer.memo`)
_CELLS: TextMemo[tuple[str, str]] = TextMemo()


def _text_cell(value: Any) -> tuple[str, str]:
    """Return `cell_to_text(value)` and its `_squeeze` ("" for no text)."""
    if type(value) is not str:
        text = cell_to_text(value)
        return text, _squeeze(text) if text else ""
    key = digest(value)
    if (known := _CELLS.get(key)) is None:
        text = cell_to_text(value)
        known = _CELLS.keep(key, (text, _squeeze(text) if text else ""))
    return known


# The key under which `read_csv` and `read_jsonl` give a row's place in the file to
# `records_from_rows`: (spreadsheet row or None, first line, last line, then its byte range,
# the header's and the file's encoding, or None: `Places`). Not a string: no column or JSON
# key can be it.
WHERE = ("verbatim", "where")
# A line's end in a CSV, as the csv module reads the lines (`io.StringIO(newline="")`)
_CSV_LINE_END = re.compile(rb"\r\n?|\n")
_JSONL_LINE_END = re.compile(rb"\n")  # `read_jsonl` cuts at "\n" only


class Places:
    """Where each line of a file starts, in bytes, read as the lines are asked for (in
    order): a row's byte range is kept at index time, so that showing one row reads that
    row alone (`indexer.readers.rows`), not the whole file.

    Only where a line's end is one byte in the file's encoding and the text is the bytes
    decoded as they are (UTF-8 after its BOM, cp1252, Latin-1): `of` gives None for UTF-16
    and UTF-32.

    >>> places = Places.of("titre;date\\r\\nLa Vère;2023\\n".encode(), "csv", "utf-8")
    >>> places.start(1), places.start(2), places.start(3), places.encoding  # « è »: 2 bytes
    (0, 12, 26, 'utf-8')
    """

    def __init__(self, data: bytes, skip: int, line_end: re.Pattern[bytes], encoding: str):
        self.ends = line_end.finditer(data, skip)
        self.size = len(data)
        self.number, self.offset = 1, skip
        self.encoding = encoding

    @classmethod
    def of(cls, data: bytes, kind: str, encoding: str | None) -> Places | None:
        """Return the places of a file's lines (`kind`: "csv" or "jsonl") read in `encoding`
        (`decoded`'s), or None when its line ends are not one byte."""
        if encoding is None:
            return None
        skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        line_end = _CSV_LINE_END if kind == "csv" else _JSONL_LINE_END
        return cls(data, skip, line_end, encoding)

    def start(self, number: int) -> int:
        """Return the byte where line `number` starts (at or past the last: the file's end);
        `number` never less than the one asked before."""
        while self.number < number:
            end = next(self.ends, None)
            self.offset = end.end() if end is not None else self.size
            self.number += 1
        return self.offset

    def span(self, first: int, last: int) -> list[int]:
        """Return [start, end) of lines `first` to `last`, their line ends included."""
        return [self.start(first), self.start(last + 1)]


def base_key(row: dict[str, Any], columns: Columns) -> str:
    """Return the key a row's record is given before any suffix (see "Keys" above): its id
    cell, else a hash of its title and date cells."""
    title = _clean_line(_scalar(row.get(columns.title)))[0] if columns.title else ""
    date_raw = _clean_line(_scalar(row.get(columns.date)))[0] if columns.date else ""
    row_id = clean_paragraph(_scalar(row.get(columns.id))) if columns.id else ""
    return row_id or _hash(title, date_raw)


def records_from_rows(rows: Iterable[dict[str, Any]], columns: Columns) -> list[Record]:
    """Return one record per unique row with a text (dicts keyed by column name or JSON key;
    a row's place in the file under `WHERE`, when the file gives it)."""
    records: list[Record] = []
    identities: list[tuple[str, str, str]] = []
    bases: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    empty = ("", "")  # `_clean_line` of a column the file lacks
    for row in rows:
        text, squeezed = _text_cell(row.get(columns.text)) if columns.text else ("", "")
        if not text:
            continue
        title, title_key = _clean_line(_scalar(row.get(columns.title))) if columns.title else empty
        date_raw, date_key = _clean_line(_scalar(row.get(columns.date))) if columns.date else empty
        identity = (title_key, date_key, squeezed)
        if identity in seen:
            continue
        seen.add(identity)
        meta: dict[str, Any] = {}
        date = parse_date(date_raw)
        if date_raw and date is None:
            meta["date_raw"] = date_raw
        for name in ("tags", "topics", "speakers"):
            column = getattr(columns, name)
            values = split_list(row.get(column)) if column else []
            if values:
                meta[name] = values
        for name in ("kind", "place"):
            column = getattr(columns, name)
            value = _clean_item(_scalar(row.get(column))) if column else ""
            if value:
                meta[name] = value
        if (where := row.get(WHERE)) is not None:
            spreadsheet_row, first, last, span, head, encoding = where
            if spreadsheet_row is not None:
                meta["row"] = spreadsheet_row
            meta["lines"] = [first, last]
            if span is not None:
                meta["bytes"] = span
                if head is not None:
                    meta["head"] = head
                if encoding != "utf-8":
                    meta["encoding"] = encoding
        records.append(Record(text=text, title=title or None, date=date, meta=meta))
        bases.append(base_key(row, columns))
        identities.append(identity)
    counts: dict[str, int] = {}
    for base in bases:
        counts[base] = counts.get(base, 0) + 1
    # the identity's hash only where two records share a base (most rows have an id)
    for record, base, identity in zip(records, bases, identities, strict=True):
        record.key = base if counts[base] == 1 else f"{base}~{_hash(*identity)[:8]}"
    return records


# ---------------------------------------------------------------------------------------------
# Files


def decode(data: bytes) -> str:
    """Return file bytes as text: UTF-16 or UTF-32 by their BOM (a spreadsheet's « Unicode »
    export), UTF-8 (BOM dropped), else cp1252, else latin-1."""
    return decoded(data)[0]


def decoded(data: bytes) -> tuple[str, str | None]:
    """Return (`decode`'s text, the encoding read: "utf-8", "cp1252" or "latin-1", None for
    UTF-16 and UTF-32)."""
    if data.startswith(_WIDE_BOMS):
        return decode_text(data)[0], None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a UTF-8 BOM even when the rest is not UTF-8
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def sniff_delimiter(text: str) -> str:
    """Return the delimiter of a CSV text: the commonest of , ; and tab on its header line.

    >>> sniff_delimiter("titre;date;discours\\n")
    ';'
    """
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(path: Path) -> tuple[list[str], Iterator[list[str]], Places | None]:
    data = path.read_bytes()
    text, encoding = decoded(data)
    if not text.strip():
        raise Unreadable("fichier CSV vide")
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_SIZE_LIMIT))
    # The end marker comes back as a row of its own unless a quote left open swallowed it,
    # which the csv module does not report: see read_csv.
    text = f"{text}\n{_END}\n"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        headers = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise Unreadable(f"CSV invalide: {exc}") from exc
    return headers, reader, Places.of(data, "csv", encoding)


_END = "\ufdd0verbatim-fin-du-fichier\ufdd0"  # a noncharacter: never in a real file


def _repeats_header(cells: list[str], header_row: list[str]) -> bool:
    if len(cells) < len(header_row):
        return False
    pairs = zip(cells, header_row, strict=False)
    return all(len(cell) < 200 and _fold(cell) == name for cell, name in pairs)


def read_csv(path: Path) -> list[Record]:
    """Return the records of a CSV file (see the module docstring for the rules)."""
    headers, reader, places = _csv_rows(path)
    columns = columns_for(path, headers)
    header_row = [_fold(h) for h in headers]

    def rows() -> Iterator[dict[Any, Any]]:
        number = 1  # records read so far, the header included
        line = reader.line_num  # last line of the previous record
        head = places.span(1, line) if places is not None else None
        encoding = places.encoding if places is not None else None
        try:
            for cells in reader:
                number += 1
                if cells == [_END]:
                    return
                if cells and _END in cells[-1]:
                    raise Unreadable(
                        f"CSV invalide : guillemet ouvert ligne {line + 1} (enregistrement "
                        f"{number}) jamais fermé"
                    )
                first, line = line + 1, reader.line_num
                if not any(c.strip() for c in cells):
                    continue
                if _repeats_header(cells, header_row):
                    continue  # a header line repeated inside the file
                row: dict[Any, Any] = dict(zip(headers, cells, strict=False))
                span = places.span(first, line) if places is not None else None
                row[WHERE] = (number, first, line, span, head, encoding)
                yield row
        except csv.Error as exc:
            raise Unreadable(f"CSV invalide après l'enregistrement {number}: {exc}") from exc

    return records_from_rows(rows(), columns)


_LONG_DIGITS = re.compile(r"[0-9][0-9]{18}")
# A file's bytes with every ASCII digit a "0" and the rest a space: a run of 19 digits, which
# `_LONG_DIGITS` looks for line by line, is 19 "0" in a row there (digits are the same bytes
# in UTF-8, cp1252 and Latin-1). Most files have none, and their lines are not searched
# (a quarter of the `250k` JSONL files: 0.20 -> 0.03 s for 58,000 lines).
_ONLY_DIGITS = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
# The BOMs of UTF-16 and UTF-32 (UTF-32 LE's starts with UTF-16 LE's): a digit is not one byte
# there, so the lines of such a file are all searched
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)


def read_jsonl(path: Path) -> list[Record]:
    """Return the records of a JSON Lines file: one object per line, bad lines skipped."""
    objects: list[dict[str, Any]] = []
    bad = 0
    data = path.read_bytes()
    long_digits = data.startswith(_WIDE_BOMS) or b"0" * 19 in data.translate(_ONLY_DIGITS)
    text, encoding = decoded(data)
    places = Places.of(data, "jsonl", encoding)
    for number, line in enumerate(text.split("\n"), 1):  # not splitlines: JSON
        if not line.strip():  # allows raw U+2028
            continue
        try:
            # orjson reads 4 times as fast, to the same values; not the integers of 19 digits
            # or more (it may make them floats) nor what it refuses and json reads (NaN, …)
            value = (json.loads(line) if long_digits and _LONG_DIGITS.search(line)
                     else orjson.loads(line))
        except ValueError:
            try:
                value = json.loads(line)
            except ValueError:
                bad += 1
                continue
        if isinstance(value, dict):
            span = places.span(number, number) if places is not None else None
            value[WHERE] = (None, number, number, span, None, encoding)
            objects.append(value)
        else:
            bad += 1
    if not objects:
        raise Unreadable(f"aucune ligne JSON objet valide ({bad} lignes rejetées)")
    if bad:
        log.warning("%s: %d ligne(s) JSON invalide(s) ignorée(s)", path, bad)
    # each object's keys, in order (not the place `WHERE` gives)
    keys = [k for k in dict.fromkeys(chain.from_iterable(objects)) if k != WHERE]
    columns = columns_for(path, keys)
    return records_from_rows(objects, columns)


def read(path: Path) -> list[Record]:
    """Return one record per unique statement of a ``.csv`` or ``.jsonl`` file."""
    if path.suffix.lower() == ".jsonl":
        return read_jsonl(path)
    return read_csv(path)
