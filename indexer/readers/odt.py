"""OpenDocument text (.odt, LibreOffice and the French administrations' default): odfpy.

Body: headings, paragraphs, list items and table cells in document order, each its own
paragraph. Spaces written as ``<text:s text:c="3"/>``, tabs and line breaks are kept as
such; footnotes, comments, tracked deletions and the text of frames (captions, text boxes)
are left out: they would cut the sentence they are anchored in.

Metadata (meta.xml): dc:title → title; meta:initial-creator (else dc:creator) → author;
meta:creation-date → created (and the record's date, as for .docx); dc:date → modified;
dc:language → lang; meta:keyword → tags.

The package is checked before odfpy inflates it (`check_archive`, shared with .docx): a ZIP
bomb is refused with its ratio. odfpy parses with defusedxml: no entity expansion.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from indexer.readers import Record, Unreadable
from indexer.readers.docx import check_archive
from indexer.readers.html import iso_date, lang_code
from indexer.text import clean_paragraph, join_paragraphs

TEXTNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLENS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICENS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
DRAWNS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_PARAGRAPHS = {(TEXTNS, "p"), (TEXTNS, "h")}
_SKIPPED = {
    (TEXTNS, "note"), (TEXTNS, "tracked-changes"), (TEXTNS, "sequence-decls"),
    (OFFICENS, "annotation"), (OFFICENS, "forms"), (DRAWNS, "frame"),
    (TEXTNS, "table-of-content"), (TEXTNS, "bookmark-ref"),
}
_LINE_BREAK = "\u2028"  # text:line-break (a text node's own newlines are spaces in ODF)
_MAX_DEPTH = 200  # nested lists or sections past this are junk, not a statement


def _inline(node: Any, out: list[str], depth: int = 0) -> None:
    """Append the text of a paragraph's inline content to `out`."""
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            out.append(str(child.data))
            continue
        if child.nodeType != child.ELEMENT_NODE or child.qname in _SKIPPED:
            continue
        if child.qname == (TEXTNS, "s"):
            out.append(" " * min(int(child.getAttrNS(TEXTNS, "c") or 1), 100))
        elif child.qname == (TEXTNS, "tab"):
            out.append("\t")
        elif child.qname == (TEXTNS, "line-break"):
            out.append(_LINE_BREAK)
        elif depth < _MAX_DEPTH:
            _inline(child, out, depth + 1)


def _blocks(node: Any, depth: int = 0) -> Iterator[str]:
    """Yield the text of each paragraph or heading under `node`, in document order."""
    if depth > _MAX_DEPTH:
        raise Unreadable(f"odt refusé : éléments imbriqués sur plus de {_MAX_DEPTH} niveaux")
    for child in node.childNodes:
        if child.nodeType != child.ELEMENT_NODE or child.qname in _SKIPPED:
            continue
        if child.qname in _PARAGRAPHS:
            parts: list[str] = []
            _inline(child, parts)
            # a line break typed in a paragraph ends a line of its own (see the docx reader)
            yield from "".join(parts).split(_LINE_BREAK)
        else:  # lists, list items, sections, tables, rows, cells
            yield from _blocks(child, depth + 1)


def _meta_text(document: Any, element: type) -> str | None:
    """Return the text of the first metadata element of a kind, or None."""
    from odf import teletype

    found = document.meta.getElementsByType(element)
    return clean_paragraph(teletype.extractText(found[0])) or None if found else None


def _metadata(document: Any) -> tuple[str | None, str | None, dict[str, Any]]:
    """Return (title, lang, meta) from meta.xml."""
    from odf import dc
    from odf import meta as odfmeta

    meta: dict[str, Any] = {}
    author = _meta_text(document, odfmeta.InitialCreator) or _meta_text(document, dc.Creator)
    if author:
        meta["author"] = author
    created = _meta_text(document, odfmeta.CreationDate)
    modified = _meta_text(document, dc.Date)
    if created and iso_date(created):
        meta["created"] = created
    if modified and iso_date(modified):
        meta["modified"] = modified
    keywords = [clean_paragraph(teletype_text(k))
                for k in document.meta.getElementsByType(odfmeta.Keyword)]
    if keywords := [k for k in keywords if k]:
        meta["tags"] = keywords
    if subject := _meta_text(document, dc.Subject):
        meta["subtitle"] = subject
    return _meta_text(document, dc.Title), lang_code(_meta_text(document, dc.Language)), meta


def teletype_text(element: Any) -> str:
    """Return the text of an odfpy element."""
    from odf import teletype

    return teletype.extractText(element)


def read(path: Path) -> list[Record]:
    """Return the one record of an .odt file: its text, title, author, dates and language."""
    check_archive(path, "odt")
    try:
        from odf.opendocument import load

        document = load(str(path))
        text = join_paragraphs(clean_paragraph(p) for p in _blocks(document.text))
        title, lang, meta = _metadata(document)
    except Unreadable:
        raise
    except Exception as exc:  # odfpy raises zip, XML and key errors for broken files
        reason = next(iter(str(exc).splitlines()), "")
        raise Unreadable(f"odt illisible ({type(exc).__name__}: {reason})"[:200]) from exc
    if not text:
        raise Unreadable("aucun texte dans le document")
    created = iso_date(meta.get("created"))
    return [Record(text=text, title=title, date=created, lang=lang, meta=meta)]
