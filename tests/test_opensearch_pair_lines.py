"""The word pairs sent a pair a line (`indexer.opensearch_engine.PAIR_LINES`): the cluster
cuts them into exactly `record_pairs`' terms, and an index written before (the pairs a
keyword array) is still written and read as it was.
"""

from __future__ import annotations

import pytest

from indexer.search import SearchRequest, search
from indexer.verify import verify_many
from tests.cluster.launcher import drop_indices

NEW = "pair-lines-new"
OLD = "pair-lines-old"
MISREMEMBERED = ("un plan sans calendrier, c'est une promesse qu'on pourra toujours reporter "
                 "à l'été suivant")


def _demo_docs() -> list:
    from bench.quote_pairs_cost import demo_documents

    return list(demo_documents())


def _write(client, index: str, docs: list) -> list[dict]:
    """Write `docs` as the writer would into `index` (its marks decide the layout)."""
    from indexer.documents import text_hash
    from indexer.opensearch_engine import records
    from indexer.opensearch_writer import ClusterIndex

    target = ClusterIndex(client, index)
    made = [r for doc in docs for r in records(doc, text_hash(doc), target.keyed,
                                              target.profiled, target.paired, target.lines)]
    lines = []
    for record in made:
        lines += [{"index": {"_index": index, "_id": record["id"]}}, record]
    client.bulk(body=lines, refresh="true")
    return made


@pytest.fixture(scope="module")
def layouts(opensearch_cluster):
    """{"new": records, "old": records, "client": client} on the demo corpus."""
    from indexer.opensearch_engine import PAIR_CHARS, PAIR_LINES, _client, index_body
    from indexer.opensearch_passages import PAIRS

    drop_indices(opensearch_cluster.url, NEW)
    drop_indices(opensearch_cluster.url, OLD)
    client = _client(opensearch_cluster.url)
    docs = _demo_docs()
    client.indices.create(index=NEW + "-1", body=index_body(1, 0))
    client.indices.put_alias(index=NEW + "-1", name=NEW)
    old = index_body(1, 0)  # the layout of 29d0d26: a keyword array, no PAIR_LINES mark
    del old["mappings"]["_meta"][PAIR_LINES]
    old["mappings"]["properties"][PAIRS] = {"type": "keyword", "doc_values": False,
                                            "norms": False, "index_options": "docs",
                                            "ignore_above": PAIR_CHARS}
    client.indices.create(index=OLD + "-1", body=old)
    client.indices.put_alias(index=OLD + "-1", name=OLD)
    yield {"new": _write(client, NEW, docs), "old": _write(client, OLD, docs), "client": client}
    drop_indices(opensearch_cluster.url, NEW)
    drop_indices(opensearch_cluster.url, OLD)
    client.close()


def test_the_cluster_cuts_the_lines_into_the_same_pairs(layouts):
    from indexer.opensearch_passages import PAIRS

    client = layouts["client"]
    sent = {r["id"]: r for r in layouts["new"]}
    assert all(isinstance(r[PAIRS], str) for r in sent.values() if PAIRS in r)
    assert all(isinstance(r[PAIRS], list) for r in layouts["old"] if PAIRS in r)
    ids = sorted(sent)
    answer = client.mtermvectors(index=NEW, body={"ids": ids, "parameters": {
        "fields": [PAIRS], "term_statistics": False, "field_statistics": False,
        "positions": False, "offsets": False}})
    checked = 0
    for doc in answer["docs"]:
        terms = set((doc.get("term_vectors") or {}).get(PAIRS, {}).get("terms", {}))
        record = sent[doc["_id"]]
        text = record.get(PAIRS, "")
        assert terms == {p for p in text.split("\n") if p}, doc["_id"]
        checked += bool(terms)
    assert checked > 100


def test_an_index_of_the_previous_layout_still_finds_passages(layouts, opensearch_cluster):
    from indexer.opensearch_engine import open_opensearch

    found = {}
    for name in (NEW, OLD):
        catalog = open_opensearch(opensearch_cluster.url, alias=name)
        try:
            quotes = [MISREMEMBERED, MISREMEMBERED.replace("plan", "projet")]
            verdicts = verify_many(catalog, quotes)
            first = search(catalog, SearchRequest(q=MISREMEMBERED)).hits[0]
            found[name] = ([(v["verdict"], v["document_id"], v["similarity"]) for v in verdicts],
                           first["id"], first.get("passage"))
        finally:
            catalog.close()
    assert found[NEW] == found[OLD]
    assert found[NEW][0][0][1]  # a document found
