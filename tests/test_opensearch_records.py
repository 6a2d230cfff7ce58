"""The OpenSearch records of a statement are built straight from the `Document`
(`indexer.opensearch_mapping.records`): they must be exactly what the generic path makes of
the Whoosh fields (`source(document_fields(...))`, `source(quote_fields(...))`), on every
document of the demo corpus and on hand-made edge cases (dates, commas in names, blanks)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("opensearchpy")

from indexer.document import Document, Quote, Speaker  # noqa: E402
from indexer.documents import documents_from_file, text_hash  # noqa: E402
from indexer.extract import enrich_document  # noqa: E402
from indexer.opensearch_mapping import _day, records, source  # noqa: E402
from indexer.readers import Unreadable  # noqa: E402
from indexer.schema import document_fields, quote_fields  # noqa: E402

DEMO = Path(__file__).resolve().parent.parent / "corpus" / "documents"


def generic(doc: Document) -> list[dict]:
    """The records as the Whoosh fields give them."""
    digest = text_hash(doc)
    out = [source(document_fields(doc, digest))]
    out += [source(quote_fields(doc, i)) for i, q in enumerate(doc.quotes) if q.is_speech]
    return out


def comparable(record: dict) -> dict:
    # `data` is the same JSON, written by another library (spacing may differ)
    return {**record, "data": json.loads(record["data"])} if "data" in record else record


def same(doc: Document) -> None:
    direct = [comparable(r) for r in records(doc, text_hash(doc))]
    assert direct == [comparable(r) for r in generic(doc)]


def demo_documents() -> list[Document]:
    """Every statement of the demo corpus, read and extracted as `verbatim index` does."""
    docs = []
    for path in sorted(DEMO.rglob("*")):
        try:
            docs += [enrich_document(d) for d in documents_from_file(path, DEMO)]
        except (Unreadable, OSError):  # side files (a table's column names), folders
            continue
    return docs


def test_every_demo_document_gives_the_same_records_both_ways():
    docs = demo_documents()
    assert len(docs) >= 40
    assert sum(len(d.quotes) for d in docs) > 20  # quotations are compared too
    for doc in docs:
        same(doc)


def test_odd_metadata_gives_the_same_records_both_ways():
    quote = Quote(text="Nous ne céderons rien", speaker="Gérald Darmanin, ministre",
                  function="ministre de l'Intérieur", start=26, end=49)
    base = Document(id="d1", source="a/b.txt", format="txt",
                    title="Sécurité : le ministre répond",
                    text="Le ministre a déclaré : « Nous ne céderons rien ».",
                    date="2021-03-09", speakers=[Speaker(name="Gérald Darmanin",
                                                         function=None)],
                    themes=["Sécurité", " ", "Police, gendarmerie"], quotes=[quote])
    for date in ("2021-03-09", "2021-3-9", "2021-02-30", "2021", "", None, "9 mars 2021"):
        doc = Document(**{**base.__dict__, "date": date})
        same(doc)
    same(Document(**{**base.__dict__, "title": None, "kind": None, "lang": None,
                     "speakers": [Speaker(name=" , ", function="")], "themes": []}))


def test_a_date_is_read_as_strptime_reads_it():
    assert _day("2013-05-17") == "2013-05-17"
    assert _day("2013-5-7") == "2013-05-07"
    assert _day("2013-02-29") is None and _day("mai 2013") is None and _day(None) is None
