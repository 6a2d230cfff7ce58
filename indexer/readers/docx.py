"""Word (.docx) reader: body paragraphs and table cells in document order, core properties."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from indexer.readers import Record, Unreadable
from indexer.readers.html import lang_code
from indexer.text import clean_paragraph, join_paragraphs


def _paragraphs(container: Any) -> Iterator[str]:
    """Yield the text of each paragraph of a document or cell, tables read cell by cell.

    A line break typed inside a paragraph (Maj+Entrée: Word wraps lines itself) ends a line
    of its own, as in a contact block or a letterhead: « Comité de soutien à Antoine
    Deltour ⏎ Centre Léo Lagrange ⏎ BP 1006 » is three lines, not one issuer's name."""
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            yield from item.text.split("\n")
        elif isinstance(item, Table):
            # A merged cell comes back once per grid column it spans: read it once. The dict
            # keeps each lxml element alive, so no id is reused by a later proxy.
            seen: dict[int, object] = {}
            for row in item.rows:
                for cell in row.cells:
                    if id(cell._tc) not in seen:
                        seen[id(cell._tc)] = cell._tc
                        yield from _paragraphs(cell)


# python-docx's blank template stamps every document it creates with this author and date;
# a script that never sets them would otherwise date its releases to 2013.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15, tzinfo=UTC)


def _iso(moment: datetime | None) -> str | None:
    """Return a core-properties timestamp as ISO 8601, or None (also for the template's)."""
    if not isinstance(moment, datetime) or moment == _TEMPLATE_CREATED:
        return None
    return moment.isoformat()


def _record(path: Path) -> Record:
    """Return the record of a .docx file, letting python-docx's own errors through."""
    document = docx.Document(str(path))
    text = join_paragraphs(_paragraphs(document))
    if not text:
        raise Unreadable("aucun texte dans le document")
    props = document.core_properties
    meta: dict[str, Any] = {}
    author = clean_paragraph(props.author or "")
    if author and author != _TEMPLATE_AUTHOR:
        meta["author"] = author
    created, modified = _iso(props.created), _iso(props.modified)
    if created:
        meta["created"] = created
    if modified:
        meta["modified"] = modified
    return Record(
        text=text,
        title=clean_paragraph(props.title or "") or None,
        date=created[:10] if created else None,
        lang=lang_code(props.language),
        meta=meta,
    )


# python-docx inflates every part of the package into memory before reading any. Real
# documents' parts are XML compressed 5 to 20 times and images that do not compress: a part
# inflating more than MAX_RATIO times, or parts adding up past MAX_INFLATED, is a ZIP bomb.
MAX_INFLATED = 256 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 10_000
_SMALL_PART = 1024 * 1024  # tiny parts may compress well (a page of blanks): never a threat


def _mo(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def check_archive(path: Path, label: str = "docx") -> None:
    """Raise `Unreadable` when the ZIP's declared sizes make it a bomb (before inflating).

    zipfile never inflates a member past the size its directory declares, so checking the
    declared sizes is enough. `label` names the format in the reason (docx, odt).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as exc:
        with path.open("rb") as handle:
            zipped = handle.read(4) == b"PK\x03\x04"
        # a ZIP cut short (a copy or a save interrupted) opens like one and has no directory
        raise Unreadable(f"{label} illisible (archive ZIP tronquée ou endommagée : copie ou "
                         "enregistrement interrompu ? rouvrez l'original et enregistrez-le à "
                         "nouveau)" if zipped else f"{label} illisible (pas une archive ZIP : "
                         "ce n'est pas un fichier Word ou OpenDocument)") from exc
    if len(members) > MAX_MEMBERS:
        raise Unreadable(f"{label} refusé : {len(members)} parties dans l'archive (bombe ZIP ?)")
    total = sum(m.file_size for m in members)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _SMALL_PART and ratio > MAX_RATIO:
            raise Unreadable(
                f"{label} refusé : {member.filename[:60]} se décompresse {ratio:.0f} fois "
                f"({_mo(member.compress_size)} Mo → {_mo(member.file_size)} Mo, bombe ZIP ?)"
            )
    if total > MAX_INFLATED:
        raise Unreadable(
            f"{label} refusé : {_mo(total)} Mo une fois décompressé > limite "
            f"{_mo(MAX_INFLATED)} Mo (bombe ZIP ?)"
        )


def read(path: Path) -> list[Record]:
    """Return the one record of a .docx file: its text, title, author and creation date."""
    if path.stat().st_size == 0:
        raise Unreadable("fichier vide")
    check_archive(path)
    try:
        return [_record(path)]
    except Unreadable:
        raise
    except Exception as exc:  # python-docx raises zip, XML and key errors for broken files
        reason = next(iter(str(exc).splitlines()), "")
        raise Unreadable(f"docx illisible ({type(exc).__name__}: {reason})"[:200]) from exc
