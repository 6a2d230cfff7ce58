"""« More like this »: statements whose key terms resemble those of a given statement."""

from __future__ import annotations

from typing import Any

from whoosh import query as wq

from indexer.schema import stored_document
from indexer.search import document_summary

SIMILAR_TOP = 5
KEY_TERMS = 10  # terms of the statement searched for; more finds neighbours in small corpora


def similar_documents(catalog, doc_id: str, top: int = SIMILAR_TOP) -> list[dict[str, Any]]:
    """Return up to `top` statements like the one with `doc_id`, best first, as plain dicts.

    Each dict holds id, title, date, kind, speakers [{name, function}], themes and score.
    Quotation records are left out: they would only repeat the statement's own words.
    An unknown id gives an empty list.
    """
    searcher = catalog.searcher()
    docnum = searcher.document_number(id=doc_id)
    if docnum is None:
        return []
    try:
        results = searcher.more_like(docnum, "text", top=top, numterms=KEY_TERMS,
                                     filter=wq.Term("type", "doc"))
    except (KeyError, ValueError):  # a statement with no indexed text has no key terms
        return []
    return [document_summary(stored_document(hit.fields()), round(hit.score, 4))
            for hit in results]
