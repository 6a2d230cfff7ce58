"""Legacy Word documents (.doc, Word 97-2003): text by catdoc, metadata by olefile.

Converter: ``catdoc`` (Debian package ``catdoc``), measured beside ``antiword`` and
LibreOffice headless on the demo corpus's .doc files: catdoc and antiword take ~30 ms a
file, LibreOffice 12 s (its start-up); catdoc writes one paragraph per line and table rows
as tab-separated cells, antiword pads tables with bars and spaces for a terminal. catdoc runs
in a child process with a time limit and a cap on what it may print.

A .doc that is really RTF (Word's "save as" keeps the old suffix) goes to the RTF reader. A
file that is not an OLE compound file is refused before catdoc sees it (catdoc would print
any other file as plain text).

Metadata: the SummaryInformation stream (olefile): title, author, subject (→ subtitle),
keywords (→ tags), creation and last-save times (→ created, modified; created is the record's
date, as for .docx).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

from indexer.readers import Record, Unreadable
from indexer.text import clean_paragraph, join_paragraphs

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
TIMEOUT = 60  # seconds for one document
MAX_OUTPUT = 50 * 1024 * 1024  # bytes of text: a .doc is at most 100 MB (the size limit)
INSTALL_HINT = "installez catdoc : apt-get install catdoc"


def _meta_string(value: Any, codepage: int | None) -> str | None:
    """Return a SummaryInformation string decoded with the file's code page."""
    if value is None:
        return None
    if isinstance(value, bytes):
        page = (codepage or 1252) & 0xFFFF
        encoding = "utf-8" if page == 65001 else f"cp{page}"
        try:
            value = value.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            value = value.decode("cp1252", errors="replace")
    return clean_paragraph(str(value).rstrip("\x00")) or None


def _iso(moment: Any) -> str | None:
    """Return a SummaryInformation timestamp as ISO 8601 (olefile's 1601 epoch means unset)."""
    if isinstance(moment, datetime) and moment.year > 1601:
        return moment.isoformat()
    return None


def metadata(path: Path) -> tuple[str | None, dict[str, Any]]:
    """Return (title, meta) from an OLE file's SummaryInformation; empty when unreadable."""
    import olefile

    meta: dict[str, Any] = {}
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("\x05SummaryInformation") is False:
                return None, meta
            info = ole.get_metadata()
    except Exception:  # metadata is optional: a damaged property set loses only that
        return None, meta
    page = info.codepage
    if author := _meta_string(info.author, page):
        meta["author"] = author
    if subject := _meta_string(info.subject, page):
        meta["subtitle"] = subject
    if keywords := _meta_string(info.keywords, page):
        meta["tags"] = [k.strip() for k in keywords.replace(";", ",").split(",") if k.strip()]
    for key, value in (("created", info.create_time), ("modified", info.last_saved_time)):
        if iso := _iso(value):
            meta[key] = iso
    return _meta_string(info.title, page), meta


def _catdoc(path: Path) -> str:
    """Return the text catdoc prints for a .doc, raising `Unreadable` on failure."""
    binary = shutil.which("catdoc")
    if binary is None:
        raise Unreadable(f"doc non lu : catdoc absent ; {INSTALL_HINT}")
    try:
        done = subprocess.run(
            [binary, "-d", "utf-8", "-w", str(path)], capture_output=True, timeout=TIMEOUT,
            env={**os.environ, "LC_ALL": "C.UTF-8"}, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise Unreadable(f"doc refusé : catdoc n'a pas fini en {TIMEOUT} s") from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise Unreadable(f"doc illisible (catdoc : {reason[0] if reason else done.returncode})"
                         [:200])
    if len(done.stdout) > MAX_OUTPUT:
        raise Unreadable("doc refusé : texte extrait trop long")
    return done.stdout.decode("utf-8", errors="replace")


def read(path: Path) -> list[Record]:
    """Return the one record of a .doc file: its text, title, author and dates."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"{\\rtf"):
        from indexer.readers import rtf

        return rtf.read(path)
    if head != OLE_MAGIC:
        raise Unreadable("pas un document Word 97-2003 (en-tête OLE absent)")
    text = _catdoc(path)
    # one paragraph per line; table rows are tab-separated cells, each its own paragraph
    cells = (cell for line in text.splitlines() for cell in line.split("\t"))
    content = join_paragraphs(clean_paragraph(cell) for cell in cells)
    if not content:
        raise Unreadable("aucun texte dans le document (chiffré ?)")
    title, meta = metadata(path)
    created = meta.get("created")
    return [Record(text=content, title=title, date=created[:10] if created else None,
                   meta=meta)]
