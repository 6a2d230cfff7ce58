"""A statement's `data` on OpenSearch leaves out what its record's own fields hold the same
(`indexer.opensearch_mapping.slim_data`); every reader gets the whole `Document` back
(`indexer.engine.stored_data`): an index whose `data` is whole (built before) reads as before."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("opensearchpy")

from indexer.document import Document, Quote, Speaker  # noqa: E402
from indexer.documents import text_hash  # noqa: E402
from indexer.engine import record_hit  # noqa: E402
from indexer.opensearch_mapping import records, shown, source  # noqa: E402
from indexer.schema import document_fields, stored_document  # noqa: E402
from tests.test_opensearch_records import demo_documents  # noqa: E402


def odd_documents() -> list[Document]:
    quote = Quote(text="Nous ne céderons rien", speaker="Gérald Darmanin, ministre",
                  function="ministre de l'Intérieur", start=26, end=49)
    base = Document(id="d1", source="a/b.txt", format="txt",
                    title="Sécurité : le ministre répond",
                    text="Le ministre a déclaré : « Nous ne céderons rien ».",
                    date="2021-03-09", speakers=[Speaker(name="Gérald Darmanin",
                                                         function=None)],
                    themes=["Sécurité", " ", "Police, gendarmerie"], quotes=[quote],
                    meta={"url": "https://x"}, inferred=["date"], root="/corpus",
                    alternates=[{"id": "d2", "source": "a/b.pdf", "format": "pdf"}])
    docs = [Document(**{**base.__dict__, "date": date})
            for date in ("2021-03-09", "2021-3-9", "2021-02-30", "2021", "", None)]
    docs.append(Document(**{**base.__dict__, "title": None, "kind": None, "lang": None,
                            "place": "", "record": None, "root": None, "quotes": [],
                            "speakers": [Speaker(name=" , ", function="")], "themes": []}))
    docs.append(Document(**{**base.__dict__, "lang": "en", "title": "Security"}))
    docs.append(Document(**{**base.__dict__, "lang": "de", "title": None, "themes": ["a,b"]}))
    return docs


def _statement(doc: Document, **options) -> dict:
    record = next(records(doc, text_hash(doc), **options))
    return shown(json.loads(json.dumps(record)))  # as the cluster gives it back


def _whole(record: dict, doc: Document) -> dict:
    return {**record, "data": json.dumps({**doc.to_dict(), "text": None}, ensure_ascii=False)}


@pytest.mark.parametrize("options", [{}, {"profile": False}, {"keys": False}])
def test_every_statement_reads_back_whole(options):
    docs = demo_documents() + odd_documents()
    for doc in docs:
        record = _statement(doc, **options)
        assert stored_document(record) == doc, doc.id
        whole = _whole(record, doc)
        assert stored_document(whole) == doc, doc.id
        assert record_hit(record, 1.0, {"ministre"}, lambda _: None) == \
            record_hit(whole, 1.0, {"ministre"}, lambda _: None), doc.id


def test_the_whoosh_fields_give_the_same_slim_data():
    for doc in demo_documents() + odd_documents():
        generic = source(document_fields(doc, text_hash(doc)))
        assert json.loads(generic["data"]) == json.loads(next(records(doc, text_hash(doc)))["data"])


def test_a_plain_statement_s_data_is_nearly_empty():
    doc = Document(id="b41e9914701a28d3", source="hansard/hansard.36.1.house.debates.001.jsonl",
                   format="jsonl", text="Chers collegues, vous me faites un grand honneur.",
                   record="hansard.36.1.house.debates.001-00000", kind="débat",
                   title="Chambre des communes, séance du 1997-09-22", date="1997-09-22",
                   speakers=[Speaker(name="Caccia")], lang="fr", root="/work/files")
    record = next(records(doc, text_hash(doc)))
    assert record["data"] == '{"place":null}'
    assert stored_document(record) == doc
    assert json.loads(_whole(record, doc)["data"])["id"] == doc.id  # a whole one reads as is
    assert stored_document(_whole(record, doc)) == doc
