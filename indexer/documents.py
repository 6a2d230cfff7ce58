"""From a file to `Document`s: run its reader, then fill each document's fields."""

from __future__ import annotations

import hashlib
from pathlib import Path

from indexer.document import Document, Speaker, document_id
from indexer.extract import enrich_document
from indexer.extract.names import load_aliases
from indexer.extract.roles import RoleBook, learn_from_titles
from indexer.extract.themes import load_thesaurus
from indexer.language import detect as detect_language
from indexer.readers import Record, file_format, read_records

# What a batch or structured format says about the kind of its documents when nothing else does.
_FORMAT_KINDS = {"tei": "débat"}


def source_of(path: Path, root: Path) -> str:
    """Return the path of a file relative to the indexed folder, with "/" separators."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def text_hash(doc: Document) -> str:
    """Return the hash that makes two documents the same statement.

    The text is compared regardless of spacing and case, together with the speakers and the
    date: « Très bien ! » said by two deputies, or on two days, are two statements.
    """
    # split() cuts at the same whitespace as re's \s (str.isspace), three times quicker
    squeezed = " ".join(doc.text.split()).casefold()
    who = "|".join(sorted(s.name.casefold() for s in doc.speakers))
    key = f"{squeezed}\x00{who}\x00{doc.date or ''}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def _speakers(values) -> list[Speaker]:
    speakers = []
    for value in values or []:
        if isinstance(value, dict):
            if value.get("name"):
                speakers.append(Speaker(str(value["name"]), value.get("function") or None))
        elif isinstance(value, str) and value.strip():
            speakers.append(Speaker(value.strip()))
    return speakers


def document_from_record(record: Record, source: str, fmt: str, root: str | None) -> Document:
    """Return the `Document` a reader's record describes, before any inference."""
    meta = dict(record.meta)
    tags = [*(meta.get("tags") or []), *(meta.get("topics") or [])]
    return Document(
        id=document_id(source, record.key),
        source=source,
        record=record.key,
        format=fmt,
        text=record.text,
        kind=meta.pop("kind", None) or _FORMAT_KINDS.get(fmt),
        title=record.title,
        date=record.date,
        place=meta.pop("place", None),
        speakers=_speakers(meta.pop("speakers", None)),
        themes=list(dict.fromkeys(t.strip() for t in tags if t and t.strip())),
        lang=detect_language(record.text, record.lang),
        root=root,
        meta=meta,
        # a message's attachments: the same statement's other formats, inside the same file
        alternates=[{"id": document_id(source, f"{record.key or ''}/{a['attachment']}"),
                     "source": source, "format": a["format"], "attachment": a["attachment"]}
                    for a in meta.pop("alternates", None) or []],
    )


def documents_from_file(path: Path, root: Path) -> list[Document]:
    """Return the documents one file yields, every field the text tells filled in.

    Raises `Unreadable` with a one-line reason.
    """
    fmt = file_format(path)  # read once: a file no suffix claims is sniffed for prose
    source = source_of(path, root)
    # a file its suffix misnames is read, and served, as the format its content shows
    docs = [document_from_record(r, source, r.meta.pop("read_as", None) or fmt or "unknown",
                                 str(root))
            for r in read_records(path, fmt)]
    # Who held which function is learnt from this file's titles only, so a file always
    # yields the same documents whatever was read before it, in whichever process.
    roles = learn_from_titles(docs, RoleBook())
    # the data files once per file rather than once per record (a batch file holds thousands)
    aliases, thesaurus = load_aliases(), load_thesaurus()
    return [enrich_document(doc, aliases=aliases, thesaurus=thesaurus, roles=roles)
            for doc in docs]
