"""Readers: one module per file format, each turning one file into raw records.

A reader is a function ``read(path: Path) -> list[Record]``. It raises `Unreadable` with a
one-line French-or-English reason when the file cannot be read; it never returns half a file
silently. Batch formats (CSV, JSONL, TEI) return one record per statement or speech turn.
"""

from __future__ import annotations

import hashlib
import importlib
import mimetypes
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import filetype


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


def turn_title(sitting: str | None, name: str | None, function: str | None = None) -> str | None:
    """Return a debate turn's title: its sitting, then who has the floor, with the function
    the transcript gives them (`meta["speakers"]`), as the Journal officiel prints it.

    A journalist types the office as often as the name (« la garde des Sceaux clause de
    conscience des maires »): the minister's own turn names it nowhere else, only the turns
    of those addressing her (« Madame la garde des Sceaux, … »). In the title, the office is
    shown with the hit and searched with the title's words, on every engine.

    >>> turn_title("Mariage pour tous - Première séance du lundi 4 février 2013",
    ...            "Christiane Taubira", "garde des Sceaux").split(" — ")[1]
    'Christiane Taubira, garde des Sceaux'
    >>> turn_title("Mariage pour tous", "Hervé Mariton"), turn_title(None, "le président")
    ('Mariage pour tous — Hervé Mariton', 'le président')
    """
    who = f"{name}, {function}" if name and function else name
    if sitting and who:
        return f"{sitting} — {who}"
    return sitting or who or None

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
    ".png": ("image", "image"),
    ".jpg": ("image", "image"),
    ".jpeg": ("image", "image"),
    ".tif": ("image", "image"),
    ".tiff": ("image", "image"),
    ".odt": ("odt", "odt"),
    ".rtf": ("rtf", "rtf"),
    ".doc": ("doc", "doc"),
    ".eml": ("eml", "mail"),
    ".mbox": ("mbox", "mail"),
    ".msg": ("msg", "outlook"),
}


# format name → module holding `read`
_MODULES: dict[str, str] = {fmt: module for fmt, module in FORMATS.values()}


def format_of(path: Path) -> str | None:
    """Return the format name for a path, or None when no reader knows its suffix.

    >>> format_of(Path("2016-06-29-pr-verdict.html.md"))
    'md'
    """
    entry = FORMATS.get(path.suffix.lower())
    return entry[0] if entry else None


# Suffixes of code, data and settings: never read as prose, whatever their words.
_NOT_PROSE = frozenset({
    ".json", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf", ".properties", ".log",
    ".py", ".js", ".css", ".sh", ".bat", ".ps1", ".sql", ".svg", ".ics", ".vcf",
})
# Editors, browsers and office suites write these before renaming them to the real name, or
# keep them as a backup (`rapport.txt~`, `rapport.txt.bak`).
TEMPORARY = (".swp", ".swx", ".tmp", ".part", ".crdownload", ".kate-swp", "~", ".bak", ".orig")
SNIFF_BYTES = 64 * 1024  # the head of a file read to tell whether it is prose
# Characters of code and markup, rare in prose: at most 0.7 % of the head of any of the 472
# Hansard sittings, 1.5 % of the demo's Markdown; 3 to 13 % of Python, JavaScript, CSS,
# JSON, TOML, XML and shell files.
_CODE_CHARS = frozenset("{}[]<>=;|\\/_*#$@&^~`+")
MAX_CODE_SHARE = 0.02
MIN_LETTER_SHARE = 0.5


def file_format(path: Path) -> str | None:
    """Return the format of an existing file: its suffix's (`format_of`), else ``"txt"`` when
    the file is prose in a text encoding, else None.

    The Canadian Hansard's sittings are plain text named `*.f`, and a text may come with any
    suffix or none (`.text`, `.nfo`, `COMMUNIQUE`); a mailbox with none is ``"mbox"``
    (`is_mailbox`); code, data and settings are not prose
    (`_NOT_PROSE` suffixes, or too many characters of code: `is_prose`), nor is a file whose
    suffix the `mimetypes` table gives to another type than text (`.bmp`, `.zip`, `.mp3`).
    """
    if is_temporary(path):
        return None  # a copy on its way or an editor's: the real file is read under its name
    fmt = format_of(path)
    if fmt is not None or path.suffix.lower() in _NOT_PROSE:
        return fmt
    known = mimetypes.guess_type(path.name, strict=False)[0]
    if known is not None and not known.startswith("text/"):  # an image, an archive, a video…
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return None
    if is_mailbox(head):  # a mail client's folder (Thunderbird's « Envoyés », « Inbox »)
        return "mbox"
    return "txt" if is_prose(head) else None


# An mbox's first line: « From » and the sender's address (or MAILER-DAEMON), then the date.
_MBOX_FIRST = re.compile(rb"From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [^\n]*\d{4}\r?\n")
_HEADER_LINE = re.compile(rb"^(?:From|Date|Subject|Message-ID|To|Received|Return-Path):",
                          re.MULTILINE | re.IGNORECASE)


def is_mailbox(head: bytes) -> bool:
    """Tell an mbox mailbox by its first bytes: the « From » line that opens each message, then
    mail headers. Mail clients keep their folders without a suffix (Thunderbird's « Sent »,
    « Envoyés »).

    >>> is_mailbox(b"From MAILER-DAEMON Mon Dec  7 15:30:56 2026\\nFrom: presse@frv.example\\n")
    True
    >>> is_mailbox(b"From the committee: a statement\\nDate: today\\n")
    False
    """
    first = _MBOX_FIRST.match(head)
    return first is not None and _HEADER_LINE.search(head, first.end(), 4096) is not None


def is_temporary(path: Path) -> bool:
    """Tell an editor's, a browser's or an office suite's temporary or backup copy by its name
    (`TEMPORARY`, Word's `~$rapport.docx`: the owner file Word keeps beside a document open,
    162 bytes naming who opened it, whatever the suffix says).

    >>> is_temporary(Path("~$ jugement 29 juin.docx")), is_temporary(Path("CP 29 juin.docx"))
    (True, False)
    """
    return path.name.lower().endswith(TEMPORARY) or path.name.startswith("~$")


def unknown_format(path: Path) -> str:
    """Return the one-line reason a file no reader reads is skipped.

    >>> unknown_format(Path("logo.bmp")), unknown_format(Path("communique.txt~"))
    ('format inconnu (.bmp)', "copie temporaire ou de sauvegarde d'un éditeur")
    """
    if is_temporary(path):
        return "copie temporaire ou de sauvegarde d'un éditeur"
    return f"format inconnu ({path.suffix or 'sans extension'})"


def is_prose(head: bytes) -> bool:
    """Tell whether the first bytes of a file are prose: text in an encoding the text reader
    knows (not binary), mostly letters, few characters of code or markup.

    >>> is_prose("M. Reginald Belair (Timmins-Baie-James, Lib.): Monsieur le President, "
    ...          "je veux rendre hommage aux benevoles.".encode("ascii"))
    True
    >>> is_prose(b'{"title": "Communique", "tags": ["eau", "pollution"], "id": 12}')
    False
    >>> is_prose(bytes(range(256)))
    False
    """
    from indexer.readers.text import decode  # the text reader imports this module

    try:
        text = decode(head)[0]
    except Unreadable:
        return False
    if not text.strip():
        return False
    code = sum(c in _CODE_CHARS for c in text)
    letters = sum(c.isalpha() for c in text)
    return code <= MAX_CODE_SHARE * len(text) and letters >= MIN_LETTER_SHARE * len(text)


# What a folder says about itself, not a statement: its README (« LISEZMOI »), the list of
# its sources, its licence, its history of changes. Named so by the name before its first dot,
# with or without a language (`README.md`, `LISEZMOI.txt`, `SOURCES.md`, `README_fr.md`,
# `LICENCE`), in any case; `licence-professionnelle.pdf` is not one.
_DOCUMENTATION = re.compile(
    r"(readme|lisezmoi|sources|licen[cs]e|changelog|changes|contributing|copying|authors)"
    r"(?:[-_][a-z]{2})?", re.IGNORECASE)
DOCUMENTATION_REASON = ("documentation du dossier (README, SOURCES, LICENCE…), pas une "
                        "déclaration : renommez-le pour l'indexer")


def is_documentation(path: Path) -> bool:
    """Tell a folder's own documentation by its name (`_DOCUMENTATION`): the indexer skips it
    with `DOCUMENTATION_REASON`.

    >>> [is_documentation(Path(n)) for n in ("SOURCES.md", "README_fr.txt", "LISEZMOI")]
    [True, True, True]
    >>> [is_documentation(Path(n)) for n in ("licence-professionnelle.pdf", "sources-eau.md")]
    [False, False]
    """
    return _DOCUMENTATION.fullmatch(path.name.split(".", 1)[0]) is not None


def is_sidecar(path: Path) -> bool:
    """Return True for a file read along with its data files, never as a document.

    `metadata.csv` beside TEI debates (dates and places of the sittings) and
    `<stem>.columns.yaml` beside a CSV or JSONL export (its column mapping).

    >>> is_sidecar(Path("corpus/documents/debats/metadata.csv"))
    True
    >>> is_sidecar(Path("corpus/documents/exports/discours.csv"))
    False
    """
    name = path.name.lower()
    if name == "metadata.csv":
        return any(p.suffix.lower() == ".xml" for p in path.parent.iterdir())
    if name.endswith(".columns.yaml"):
        stem = path.name[: -len(".columns.yaml")]
        return any((path.parent / f"{stem}{ext}").exists() for ext in (".csv", ".jsonl"))
    return False


def reader_for(path: Path, fmt: str | None = None) -> Reader:
    """Return the `read` function for a file of format `fmt` (by default `file_format`'s),
    or raise `Unreadable` for unknown formats."""
    module = _MODULES.get(fmt or file_format(path) or "")
    if module is None:
        raise Unreadable(unknown_format(path))
    return importlib.import_module(f"indexer.readers.{module}").read


MB = 1024 * 1024
# Biggest file read. Readers hold a whole file in memory, several times over once parsed and
# analysed; past this a file is more likely a dump or an accident than one statement.
MAX_FILE_BYTES = 100 * MB
MAX_FILE_ENV = "VERBATIM_MAX_FILE_MB"


def max_file_bytes() -> int:
    """Return the size limit: $VERBATIM_MAX_FILE_MB (megabytes, decimals allowed) or 100 MB.

    Read at each call, so a test or a run can change it; a value that is not a positive
    number is ignored.
    """
    try:
        megabytes = float(os.environ.get(MAX_FILE_ENV, ""))
    except ValueError:
        return MAX_FILE_BYTES
    return int(megabytes * MB) if megabytes > 0 else MAX_FILE_BYTES


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",")


def size_reason(size: int, limit: int) -> str:
    """Return the one-line reason for a file over the limit, in Mo (octets when they round alike).

    >>> size_reason(150 * MB, 100 * MB)
    'fichier trop gros (150,0 Mo > limite 100,0 Mo)'
    >>> size_reason(12 * MB + 1, 12 * MB)
    'fichier trop gros (12 582 913 octets > limite 12 582 912 octets)'
    """
    if _megabytes(size) != _megabytes(limit):
        return f"fichier trop gros ({_megabytes(size)} Mo > limite {_megabytes(limit)} Mo)"
    return f"fichier trop gros ({size:,} octets > limite {limit:,} octets)".replace(",", " ")


def check_file(path: Path) -> None:
    """Raise `Unreadable` for what no reader should open: not a regular file (a named pipe
    would block the reader forever), a path that is not UTF-8 (it could be neither stored in
    the index nor shown), an empty file, a file over `max_file_bytes()`."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        raise Unreadable("nom de fichier ou de dossier non UTF-8 : renommez-le") from None
    info = path.stat()  # follows a link: what would be read is what is checked
    if not stat.S_ISREG(info.st_mode):
        raise Unreadable("pas un fichier ordinaire (tube, périphérique ou socket)")
    if info.st_size == 0:
        raise Unreadable("fichier vide")
    if info.st_size > (limit := max_file_bytes()):
        raise Unreadable(size_reason(info.st_size, limit))


def file_sha(path: Path) -> str:
    """Return the SHA-256 of a file's bytes, read by blocks (what the manifest and the OCR
    cache key files by)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_records(path: Path, fmt: str | None = None) -> list[Record]:
    """Return the records of one file, raising `Unreadable` with a one-line reason; `fmt`:
    its format when the caller knows it already (`file_format`), else found here.

    The file is checked first (`check_file`): regular, not empty, not over the size limit.
    """
    reader = reader_for(path, fmt)
    checked = False  # a named pipe, an empty or huge file is never opened to look inside
    try:
        check_file(path)
        checked = True
        return reader(path)
    except Unreadable as exc:
        if not checked or (real := content_format(path)) in (None, fmt or file_format(path)):
            raise
        misnamed = exc
    except Exception as exc:  # a broken file must never stop a run: report it and go on
        reason = str(exc).splitlines()[0] if str(exc) else ""
        raise Unreadable(f"{type(exc).__name__}: {reason}"[:200]) from exc
    # a file its suffix misnames (a Word release saved as « CP.pdf »): read as what it holds
    try:
        records = reader_for(path, real)(path)
    except Exception as exc:
        raise Unreadable(f"{misnamed} ; son contenu est un {real} : {exc}"[:200]) from None
    for record in records:
        record.meta["read_as"] = real
    return records


# The formats a suffix may misname (a press office renames files by hand), as `filetype`
# names them from a file's first bytes
_CONTENT_FORMATS = {"pdf": "pdf", "rtf": "rtf", "docx": "docx", "odt": "odt"}


def content_format(path: Path) -> str | None:
    """Return the format a file's content shows, whatever its suffix: PDF, RTF, Word,
    OpenDocument text, as the `filetype` library tells them from the first 8 KB (on the demo
    corpus, the shared corpus and a press office's archive, 36 files, it told each as the
    reader reads it: a ZIP's directory read by hand did no better); None for any other
    content. Read only when a file's own reader refused it. Not HTML: a « communique.pdf »
    that is HTML is most often a site's error page saved by a browser."""
    try:
        kind = filetype.guess(str(path))
    except (OSError, ValueError):
        return None
    return _CONTENT_FORMATS.get(kind.extension) if kind is not None else None
