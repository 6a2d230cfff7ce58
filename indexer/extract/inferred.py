"""The mark of a field a step filled by inference: listed once in `doc.inferred`, so that
a reader (and the index) tell what the source stated from what was read off its text."""

from __future__ import annotations

from indexer.document import Document


def infer(doc: Document, field: str) -> None:
    """List `field` among the document's inferred fields (once, in the order filled)."""
    if field not in doc.inferred:
        doc.inferred.append(field)
