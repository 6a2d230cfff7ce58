"""The mapping's tokenizer pattern (`indexer.opensearch_mapping.word_pattern`) splits words as
`indexer.analysis` does, with fewer ranges for the cluster to build its automaton from; the
fields no search reads cost the cluster nothing but their place in `_source`."""

import re
import unicodedata

import pytest

from indexer.analysis import WORD_PATTERN
from indexer.opensearch_mapping import word_pattern


def _class_and_pattern() -> tuple[re.Pattern, re.Pattern]:
    pattern = word_pattern()
    word = pattern[:pattern.index("]") + 1]
    # Lucene's syntax for these classes and this pattern is Python's (ends are word characters)
    return re.compile(word), re.compile(pattern)


def test_the_word_class_is_python_s_on_every_assigned_character():
    word, _ = _class_and_pattern()
    differ = [point for point in range(0x110000)
              if not 0xD800 <= point <= 0xDFFF
              and bool(word.fullmatch(chr(point))) != bool(re.fullmatch(r"\w", chr(point)))]
    assert differ, "ranges are merged over unassigned code points"
    assert {unicodedata.category(chr(point)) for point in differ} == {"Cn"}
    assert word.pattern.count("-") < 400  # 734 ranges unmerged


def test_the_pattern_finds_the_words_of_indexer_analysis():
    _, pattern = _class_and_pattern()
    texts = ["L’État de droit, aujourd'hui’’ l'' ‘a ʼb´c d'e'f g''h i’ ’j", "ﬁn_1 x²y Ⅻ",
             "déjà-vu : « c'est » 2024 l’Assemblée’s ' ''", "a' 'b ' a'b' 'a'b"]
    for text in texts:
        assert [m.group() for m in pattern.finditer(text)] == \
            [m.group() for m in WORD_PATTERN.finditer(text)], text


def test_fields_no_search_reads_are_kept_whole_but_left_unparsed(opensearch_cluster):
    """What a record holds only to be shown (`SHOWN`, a quotation's `position`, a statement's
    `data`) comes back from `_source` as it was sent, but the cluster is told not to parse it
    (`enabled: false`: neither decoded nor normalised, only kept); `source` and `parent`,
    only matched by their terms, have no doc values and are still found by them; what is
    sorted or counted keeps its doc values."""
    pytest.importorskip("opensearchpy")
    from indexer.documents import text_hash
    from indexer.opensearch_client import connect
    from indexer.opensearch_mapping import SEARCHED_ONLY, SHOWN, index_body, records
    from indexer.opensearch_writer import bulk
    from tests.test_opensearch_records import demo_documents

    sent = {r["id"]: r for doc in demo_documents() for r in records(doc, text_hash(doc))}
    quotes = [r for r in sent.values() if r["type"] == "quote"]
    assert quotes and all("position" in q for q in quotes)  # the demo's quotations
    client, index = connect(opensearch_cluster.url), "essai-champs-montres"
    client.indices.create(index=index, body=index_body(1, 0))
    try:
        assert bulk(client, ({"_index": index, "_id": i, "_source": r}
                             for i, r in sent.items())) == len(sent)
        client.indices.refresh(index=index)
        mapping = client.indices.get_mapping(index=index)[index]["mappings"]["properties"]
        for name in (*SHOWN, "position", "data"):
            assert mapping[name] == {"type": "object", "enabled": False}, name
        hits = client.search(index=index, body={"size": len(sent), "sort": [{"id": "asc"}],
                                                "query": {"match_all": {}}})["hits"]["hits"]
        # every record read back as sent, and sorted by `id` from its doc values
        assert [h["_id"] for h in hits] == sorted(sent)
        assert {h["_id"]: h["_source"] for h in hits} == sent
        caps = client.field_caps(index=index, fields=",".join(
            (*SEARCHED_ONLY, "id", "type", "year", "kind", "speaker", "theme")))["fields"]
        for name in SEARCHED_ONLY:
            assert caps[name]["keyword"]["searchable"], name
            assert not caps[name]["keyword"]["aggregatable"], name
        for name in ("id", "type", "year", "kind", "speaker", "theme"):
            assert caps[name]["keyword"]["aggregatable"], name
        # found by their terms: a file's statements by `source`, a statement's quotations by
        # `parent` (as `BulkWriter` deletes them)
        statement = next(sent[q["parent"]] for q in quotes)
        found = client.search(index=index, body={"size": len(sent), "query": {
            "term": {"source": statement["source"]}}})["hits"]["hits"]
        assert {h["_id"] for h in found} == {i for i, r in sent.items()
                                             if r["source"] == statement["source"]}
        found = client.search(index=index, body={"size": len(sent), "query": {
            "terms": {"parent": [statement["id"]]}}})["hits"]["hits"]
        assert {h["_id"] for h in found} == {q["id"] for q in quotes
                                             if q["parent"] == statement["id"]}
    finally:
        client.indices.delete(index=index)
