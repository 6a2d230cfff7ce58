"""Metadata extraction: what a document says about itself (date, place, kind, speakers,
themes, quotations), inferred from its text when the source does not state it."""

from __future__ import annotations

from indexer.document import Document


def enrich_document(doc: Document) -> Document:
    """Return the document with inferable fields filled in (none yet: see issue 3)."""
    return doc
