"""The documents every engine indexes: those Verbatim indexed, read back from its index.

Reading them back (rather than re-reading the files) gives the peers exactly the texts and
metadata Verbatim has, after its readers, its extraction and its duplicate removal.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from indexer.document import Document


@dataclass
class BenchDoc:
    """One statement as the peers see it: the fields searched, filtered and shown."""

    id: str
    source: str
    text: str
    title: str = ""
    date: str | None = None  # YYYY-MM-DD
    kind: str | None = None
    speakers: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    # each speaker's function as the document gives it ("" when none), in `speakers`' order
    functions: list[str] = field(default_factory=list)

    @property
    def year(self) -> str | None:
        """Return the year of the date, as the year facet has it."""
        return self.date[:4] if self.date else None

    @property
    def month(self) -> str | None:
        """Return YYYY-MM of the date."""
        return self.date[:7] if self.date else None


def docs_from_index(index_dir: Path) -> Iterator[BenchDoc]:
    """Yield the statements (not the quotation records) stored in a Verbatim index."""
    from whoosh import index as whoosh_index

    from indexer.indexing import INDEX_NAME
    from indexer.schema import stored_document

    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    with ix.searcher() as searcher:
        for stored in searcher.documents(type="doc"):
            yield bench_doc(stored_document(stored))


def bench_doc(doc: Document) -> BenchDoc:
    """Return what the peers index of one of Verbatim's documents."""
    return BenchDoc(id=doc.id, source=doc.source, text=doc.text, title=doc.title or "",
                    date=doc.date, kind=doc.kind,
                    speakers=[s.name for s in doc.speakers if s.name],
                    themes=[t for t in doc.themes if t],
                    functions=[s.function or "" for s in doc.speakers if s.name])


def verbatim_documents(index_dir: Path) -> Iterator[dict]:
    """Yield Verbatim's own `Document` dicts (quotations included) stored in its index."""
    from whoosh import index as whoosh_index

    from indexer.indexing import INDEX_NAME
    from indexer.schema import stored_document

    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    with ix.searcher() as searcher:
        for stored in searcher.documents(type="doc"):
            yield stored_document(stored).to_dict()


def write_docs(docs: Iterable[BenchDoc], path: Path) -> int:
    """Write documents as JSONL; return how many."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(asdict(doc), ensure_ascii=False) + "\n")
            count += 1
    return count


def read_docs(path: Path) -> Iterator[BenchDoc]:
    """Read documents written by `write_docs`."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield BenchDoc(**json.loads(line))
