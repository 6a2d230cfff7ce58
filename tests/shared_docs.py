"""Real documents of the shared corpus for the extraction tests: read in place, never copied.

`shared_document("luxleaks-communiques/markdown/2016-06-29-pr-verdict.html.md")` returns the
document as the readers make it; `shared_document(csv, "Interview de M. Bruno Le Maire")`
picks the row whose title starts so (and contains `also`, when given). `extracted` runs the
extraction with the fields under test hidden, as a new user's files would come.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from indexer.document import Document
from indexer.documents import document_from_record, source_of
from indexer.extract import enrich_document
from indexer.extract.names import Aliases
from indexer.extract.roles import RoleBook, learn_from_titles
from indexer.extract.themes import Thesaurus
from indexer.readers import format_of, read_records
from tests.conftest import SHARED, shared_path

VIE_PUBLIQUE = "vie-publique-discours/gyab_statements_2020-11-22.csv"
VIE_PUBLIQUE_2023 = "vie-publique-discours/sufianj_scraped_discours_pages_1_4-10.csv"


@lru_cache(maxsize=16)
def _documents(source: str) -> tuple[Document, ...]:
    path = shared_path(*source.split("/"))
    root = shared_path()
    fmt = format_of(path) or "txt"
    return tuple(
        document_from_record(r, source_of(path, root), fmt, str(root)) for r in read_records(path)
    )


def shared_document(source: str, title: str | None = None, also: str | None = None) -> Document:
    """Return one document of the shared corpus (skips, saying why, when it is absent)."""
    for doc in _documents(source):
        if title is not None and not (doc.title or "").startswith(title):
            continue
        if also is not None and also not in doc.text and also not in (doc.title or ""):
            continue
        return replace(doc, speakers=list(doc.speakers), meta=dict(doc.meta), quotes=[])
    raise LookupError(f"{source}: no document titled {title!r} with {also!r}")


def extracted(doc: Document, *hidden: str) -> Document:
    """Return `doc` enriched with `hidden` fields blanked first (speakers, date, kind…), who
    held which function learnt from the titles of its file, as `verbatim index` does."""
    for name in hidden:
        setattr(doc, name, [] if name == "speakers" else None)
    shared = doc.root == str(SHARED)
    roles = _roles(doc.source) if shared else RoleBook()
    return enrich_document(doc, aliases=Aliases(), thesaurus=Thesaurus(), roles=roles)


@lru_cache(maxsize=4)
def _roles(source: str) -> RoleBook:
    return learn_from_titles(_documents(source), RoleBook())


def quote_at(doc: Document, words: str):
    """Return the quotation of `doc` that contains `words`."""
    found = [q for q in doc.quotes if words in q.text]
    assert found, f"no quotation with {words!r}: {[q.text[:40] for q in doc.quotes]}"
    return found[0]
