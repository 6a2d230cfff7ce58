"""One statement, several files: the same release as Markdown, HTML and PDF is one result.

Near-duplicates are found on the normalised text (shingle fingerprints), never on file
names. Only single-document files with a date take part: a row of a CSV export or a debate
turn is a statement of its own, and comparing texts only within a few days keeps the work
small.

A few days, not one: a website dates a release by the day it put it online (the HTML
page's `<time>`), the release itself by its dateline. The luxleaks committee's « Assemblée
Générale et Conférence de Denis Robert » is dated « Épinal, le 10 mars 2016 » in its
Markdown and PDF and 12 March 2016 by its web page: compared within a day, the three files
were two statements, counted twice in a year's export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from whoosh import query as wq

from indexer.document import Document, document_id
from indexer.extract.fingerprint import fingerprint, similarity
from indexer.schema import stored_document

SIMILARITY = 0.8  # measured: the same luxleaks release scores 1.0 md/html, 0.92 md/pdf
# days apart two files of one statement may be dated: a web page put online a weekend after
# the release's dateline (the shared corpus's one case: two days)
WINDOW_DAYS = 3


def days_around(iso: str, window: int = WINDOW_DAYS) -> list[str]:
    """Return the days within `window` of `iso`, nearest first (the day itself, then the day
    before and the day after, and so on).

    >>> days_around("2016-03-12", 1)
    ['2016-03-12', '2016-03-11', '2016-03-13']
    """
    day = datetime.strptime(iso, "%Y-%m-%d")
    around = [day]
    for step in range(1, window + 1):
        around += [day - timedelta(days=step), day + timedelta(days=step)]
    return [d.strftime("%Y-%m-%d") for d in around]


def alternate_of(doc: Document) -> dict[str, str]:
    """Return how a document is listed among the alternates of another."""
    return {"id": document_id(doc.source, doc.record), "source": doc.source,
            "format": doc.format}


@dataclass
class Pending:
    """A new document waiting to learn whether it repeats another one."""

    doc: Document
    digest: str
    owner: object  # whatever the caller needs back (its manifest entry)
    primary: Document | None = None


@dataclass
class AlternateFinder:
    """Groups this run's new documents with each other and with the indexed ones.

    `searcher` sees the index as it was before the run; ids in `deleted` are gone from it.
    """

    searcher: object
    deleted: set[str] = field(default_factory=set)
    pending: list[Pending] = field(default_factory=list)
    rewrites: dict[str, Document] = field(default_factory=dict)  # indexed documents read
    touched: set[str] = field(default_factory=set)  # ids of those whose alternates changed
    _prints: dict[str, frozenset[int]] = field(default_factory=dict)

    @staticmethod
    def takes_part(doc: Document) -> bool:
        """Return whether a document can have or be an alternate."""
        return doc.record is None and bool(doc.date)

    def defer(self, doc: Document, digest: str, owner: object) -> None:
        """Keep a new document until `resolve` decides whether it is an alternate."""
        self.pending.append(Pending(doc, digest, owner))

    def drop(self, primary_id: str, alternate_id: str) -> None:
        """Forget that an indexed document had this alternate (its file changed or went)."""
        primary = self._indexed(primary_id)
        if primary is not None:
            primary.alternates = [a for a in primary.alternates if a.get("id") != alternate_id]
            self.touched.add(primary_id)

    def resolve(self) -> list[Pending]:
        """Return the pending documents, each with its `primary` set when it is an alternate.

        The first document of a group (in path order) stays the result; the others are
        listed in its `alternates`. A document matching an indexed statement joins it.
        """
        primaries: dict[str, list[Document]] = {}
        for item in self.pending:
            doc = item.doc
            days = days_around(doc.date)
            match = self._match(doc, [p for day in days for p in primaries.get(day, [])])
            if match is None:
                match = self._match(doc, self._indexed_on(days))
                if match is not None:
                    self.touched.add(match.id)
            if match is None:
                primaries.setdefault(doc.date, []).append(doc)
                continue
            item.primary = match
            match.alternates.append(alternate_of(doc))
        return self.pending

    def to_rewrite(self) -> list[Document]:
        """Return the indexed documents whose list of alternates changed this run.

        Only those: every indexed document of a day is read to compare it with the new ones,
        and rewriting them all would rewrite the index a day at a time.
        """
        return [self.rewrites[i] for i in sorted(self.touched)
                if i in self.rewrites and i not in self.deleted]

    def _match(self, doc: Document, candidates) -> Document | None:
        for other in candidates:
            if other.source != doc.source and similarity(self._print(doc),
                                                         self._print(other)) >= SIMILARITY:
                return other
        return None

    def _print(self, doc: Document) -> frozenset[int]:
        if doc.id not in self._prints:
            self._prints[doc.id] = fingerprint(doc.text)
        return self._prints[doc.id]

    def _indexed(self, doc_id: str) -> Document | None:
        if doc_id in self.deleted:
            return None
        if doc_id not in self.rewrites:
            stored = self.searcher.document(id=doc_id)
            if not stored:
                return None
            self.rewrites[doc_id] = stored_document(stored)
        return self.rewrites[doc_id]

    def _indexed_on(self, days: list[str]) -> list[Document]:
        """Return the indexed statements dated one of `days`, in the order of `days`."""
        first = datetime.strptime(min(days), "%Y-%m-%d")
        last = datetime.strptime(max(days), "%Y-%m-%d")
        query = wq.And([wq.Term("type", "doc"),
                        wq.DateRange("date", first, last + timedelta(days=1, microseconds=-1))])
        found = []
        for hit in self.searcher.search(query, limit=None):
            if hit["id"] not in self.deleted and hit.get("record") is None:
                doc = self._indexed(hit["id"])
                if doc is not None:
                    found.append(doc)
        rank = {day: n for n, day in enumerate(days)}
        return sorted(found, key=lambda doc: rank.get(doc.date or "", len(days)))
