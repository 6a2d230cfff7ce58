"""The Whoosh schema and the mapping between a `Document` and its indexed fields."""

from __future__ import annotations

import json
from datetime import datetime

from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, FieldType, Schema
from whoosh.formats import Existence

from indexer.analysis import LangText, ShingleAnalyzer, exact_analyzer, french_analyzer
from indexer.document import Document
from indexer.engine import stored_data

# Facet fields: one term per value, commas separating values (names never hold commas).
FACETS = ("speaker", "theme", "kind", "year", "lang")


class SHINGLES(FieldType):
    """The word pairs of a text (see `ShingleAnalyzer`), for finding pasted passages.

    Only which records hold a pair is kept (no frequencies, positions or lengths): the pairs
    choose the candidates, and the stored text is aligned with the quotation afterwards.
    """

    def __init__(self):
        self.analyzer = ShingleAnalyzer()
        self.format = Existence(field_boost=1.0)
        self.scorable = False
        self.stored = False
        self.unique = False


def build_schema() -> Schema:
    """Return the index schema.

    `text`/`title` are stemmed for ranked search; `exact` holds title and text unstemmed with
    positions for quoted phrases; facet fields are keywords (multi-valued) or sortable
    columns (single-valued) so that facet counts and date sorting need no stored-field reads.
    `type` separates statements ("doc") from quotation records ("quote").
    """
    return Schema(
        id=ID(stored=True, unique=True),
        type=ID(stored=True),
        parent=ID(stored=True),
        source=ID(stored=True),
        root=STORED(),
        record=STORED(),
        format=ID(stored=True),
        kind=ID(stored=True, sortable=True),
        title=TEXT(analyzer=french_analyzer(), stored=True, field_boost=2.0, phrase=False),
        text=TEXT(analyzer=french_analyzer(), stored=True, phrase=False),
        exact=TEXT(analyzer=exact_analyzer(), phrase=True),
        shingle=SHINGLES(),
        date=DATETIME(stored=True, sortable=True),
        dated=ID(sortable=True),  # "1" or "0": undated documents sort last either way
        year=ID(stored=True, sortable=True),
        month=ID(stored=True, sortable=True),
        place=ID(stored=True),
        speaker=KEYWORD(commas=True, scorable=True, lowercase=False),
        function=KEYWORD(commas=True, lowercase=False),
        theme=KEYWORD(commas=True, scorable=True, lowercase=False),
        lang=ID(stored=True),
        text_hash=ID(stored=True),
        position=NUMERIC(stored=True),
        data=STORED(),  # the whole Document as JSON, for display without re-reading files
    )


def _keyword(values) -> str:
    return ",".join(v.replace(",", " ").strip() for v in values if v and v.strip())


def _date(iso: str | None) -> datetime | None:
    try:
        return datetime.strptime(iso, "%Y-%m-%d") if iso else None
    except ValueError:
        return None


def _date_fields(when: datetime | None) -> dict:
    if not when:
        return {"dated": "0"}
    return {"date": when, "year": f"{when:%Y}", "month": f"{when:%Y-%m}", "dated": "1"}


def document_fields(doc: Document, text_hash: str) -> dict:
    """Return the fields to index for a document."""
    when = _date(doc.date)
    fields = {
        "id": doc.id,
        "type": "doc",
        "source": doc.source,
        "root": doc.root,
        "record": doc.record,
        "format": doc.format,
        "kind": doc.kind or "",
        # a non-French document is indexed without French stemming (see `LangText`)
        "title": LangText(doc.title or "", doc.lang),
        "_stored_title": doc.title or "",
        "text": LangText(doc.text, doc.lang),
        "_stored_text": doc.text,
        "exact": f"{doc.title or ''}\n{doc.text}",
        "shingle": f"{doc.title or ''}\n{doc.text}",
        "place": doc.place or "",
        "speaker": _keyword(s.name for s in doc.speakers),
        "function": _keyword(s.function or "" for s in doc.speakers),
        "theme": _keyword(doc.themes),
        "lang": doc.lang or "",
        "text_hash": text_hash,
        # the text is stored once, in `text`; `data` holds every other field
        "data": json.dumps({**doc.to_dict(), "text": None}, ensure_ascii=False),
    }
    fields.update(_date_fields(when))
    return {k: v for k, v in fields.items() if v is not None}


def quote_fields(doc: Document, index: int) -> dict:
    """Return the fields to index for the `index`-th quotation of a document."""
    quote = doc.quotes[index]
    when = _date(doc.date)
    fields = {
        "id": f"{doc.id}-q{index}",
        "type": "quote",
        "parent": doc.id,
        "source": doc.source,
        "format": doc.format,
        "kind": doc.kind or "",
        "title": doc.title or "",
        "text": quote.text,
        "exact": quote.text,
        "shingle": quote.text,
        "speaker": _keyword([quote.speaker] if quote.speaker else []),
        "function": _keyword([quote.function] if quote.function else []),
        "theme": _keyword(doc.themes),
        "lang": doc.lang or "",
        "position": quote.start,
    }
    fields.update(_date_fields(when))
    return fields


def stored_document(stored: dict) -> Document:
    """Return the `Document` kept in a hit's stored fields."""
    data = stored_data(stored)
    data["text"] = stored.get("text", "")
    return Document.from_dict(data)
