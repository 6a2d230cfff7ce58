"""« Voir le fichier d'origine »: what is served of the file a statement was read from.

A statement taken from one row of a CSV or JSON Lines file is served as that row, not as the
whole file (session 36: one interview of a 3.8 MB vie-publique export sent all 427 rows, and the
browser gave up): the file's name, where the row is (its line numbers, its row in a
spreadsheet), then each column with its value as the file writes it; `?format=csv` gives the
header and the row as a CSV of two records. The whole file is still one link away
(`?whole=1`).

Nothing is sent for a browser to render past `INLINE_TEXT_BYTES`: a text or HTML original
bigger than that (or a batch file asked for whole) is sent as a download, its size said on
the document page. What can be sent at all is bounded by the indexer's own limit (a file
over `indexer.readers.max_file_bytes()` is never indexed: 100 MB by default), and is streamed
from the disk, not read into memory.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from flask import Response, send_file

from indexer.document import Document
from indexer.readers import format_of
from indexer.readers.rows import Row
from webapp.formatting import NBSP, french_number

# What an original file is served as. Nothing here runs script in our origin: HTML gets a
# sandboxing Content-Security-Policy of its own, and unknown types are downloaded.
FILE_TYPES = {
    ".txt": "text/plain", ".md": "text/plain", ".markdown": "text/plain", ".csv": "text/plain",
    ".jsonl": "text/plain", ".xml": "text/plain", ".html": "text/html", ".htm": "text/html",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
SANDBOX_CSP = ("sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
               "frame-ancestors 'none'")
# The biggest text or HTML original shown in the browser rather than downloaded: the longest
# statement of the demo and shared corpora that is a file of its own (a Hansard sitting, a
# TEI sitting) is under 1 MB; a browser renders a 3.8 MB text file in seconds, or not at all.
INLINE_TEXT_BYTES = 1024 * 1024
BATCH_FORMATS = ("csv", "jsonl")


def is_row(doc: Document) -> bool:
    """Tell a statement taken from one row of a batch file (CSV, JSON Lines)."""
    return doc.format in BATCH_FORMATS and bool(doc.record)


def file_size(size: int) -> str:
    """Return a file's size the French way.

    >>> file_size(3_821_576), file_size(52_000), file_size(900)
    ('3,6\u00a0Mo', '51\u00a0ko', '900\u00a0octets')
    """
    if size >= 1024 * 1024:
        return f"{french_number(size / (1024 * 1024), 1)}{NBSP}Mo"
    if size >= 1024:
        return f"{french_number(size / 1024)}{NBSP}ko"
    return f"{size}{NBSP}octets"


def downloaded(path: Path, mimetype: str) -> bool:
    """Tell whether an original is sent as a download rather than shown: an unknown type, or
    text or HTML bigger than `INLINE_TEXT_BYTES`."""
    if mimetype == "application/octet-stream":
        return True
    return mimetype.startswith("text/") and path.stat().st_size > INLINE_TEXT_BYTES


def record_place(doc: Document) -> str | None:
    """Return where a statement's record is in its file, in words a reader can look up:
    « ligne 4 dans un tableur, lignes 23 à 86 du fichier » for a CSV row, « ligne 12 du
    fichier » in JSON Lines; a record that does not say (an index built before records said
    where they are, a debate turn) is named by its key."""
    lines = doc.meta.get("lines")
    if is_row(doc) and isinstance(lines, list) and len(lines) == 2:
        first, last = (french_number(n) for n in lines)
        in_file = f"ligne {first} du fichier" if first == last else \
            f"lignes {first} à {last} du fichier"
        row = doc.meta.get("row")
        return f"ligne {french_number(row)} dans un tableur, {in_file}" if row else in_file
    return f"enregistrement {doc.record}" if doc.record else None


def _row_text(doc: Document, row: Row) -> str:
    lines = (f"ligne {french_number(row.first_line)}" if row.first_line == row.last_line else
             f"lignes {french_number(row.first_line)} à {french_number(row.last_line)}")
    where = f"{lines} du fichier"
    if row.spreadsheet_row is not None:
        where = (f"ligne {french_number(row.spreadsheet_row)} dans un tableur (l'en-tête est "
                 f"la ligne 1), {where}")
    head = [f"Fichier{NBSP}: {doc.source}", f"Enregistrement{NBSP}: {where}",
            "Chaque colonne et sa valeur, telles que le fichier les écrit :", ""]
    return "\n".join([*head, *(f"{name}{NBSP}: {value}" for name, value in row.cells)]) + "\n"


def row_response(doc: Document, row: Row, as_csv: bool) -> Response:
    """Return a record's row: as readable text (the file, the place, each column and its
    value), or as the file's header and that row (`as_csv`, a download; JSON Lines: the line)."""
    if as_csv:
        name = Path(doc.source).stem
        suffix = ".jsonl" if doc.format == "jsonl" else ".csv"
        kind = "application/x-ndjson" if doc.format == "jsonl" else "text/csv"
        response = Response(row.header + row.raw, content_type=f"{kind}; charset=utf-8")
        # named by the line the page gives first: a CSV's row in a spreadsheet (« ligne 344
        # dans un tableur », not the file's line 12 364, where a cell may span lines), a
        # JSON Lines record's line
        line = row.first_line if row.spreadsheet_row is None else row.spreadsheet_row
        response.headers["Content-Disposition"] = (
            f'attachment; filename="{_ascii(name)}-ligne-{line}{suffix}"')
        return response
    return Response(_row_text(doc, row), content_type="text/plain; charset=utf-8")


def _ascii(name: str) -> str:
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in name)


def misnamed(path: Path, fmt: str | None) -> bool:
    """Tell a file whose suffix names another format than the one it was read as (`fmt`):
    `indexer.readers.content_format` read it by its content."""
    return bool(fmt) and format_of(path) not in (None, fmt)


def file_response(path: Path, fmt: str | None = None) -> Response:
    """Return a whole original file: shown when its type is safe and it is small enough,
    else downloaded (`downloaded`). A file its suffix misnames (`fmt`, the format it was read
    as: a Word release named « CP.pdf ») is a download, never shown as what it is not."""
    mimetype = FILE_TYPES.get(path.suffix.lower(), "application/octet-stream")
    name = path.name
    if misnamed(path, fmt):  # downloaded under the suffix of what it holds
        mimetype, name = "application/octet-stream", f"{path.stem}.{fmt}"
    attachment = downloaded(path, mimetype)
    response = send_file(path, mimetype=mimetype, download_name=name,
                         as_attachment=attachment, max_age=0)
    if mimetype.startswith("text/") and not attachment:
        # say which encoding the file really has, since nosniff forbids the browser to guess
        response.headers["Content-Type"] = f"{mimetype}; charset={_charset(path.read_bytes())}"
    if mimetype == "text/html":
        response.headers["Content-Security-Policy"] = SANDBOX_CSP
    return response


def _charset(data: bytes) -> str:
    """The encoding of a text file as its reader takes it: a byte order mark's (the demo
    corpus's UTF-16 release), else UTF-8 when it decodes, else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "windows-1252"
    return "utf-8"
