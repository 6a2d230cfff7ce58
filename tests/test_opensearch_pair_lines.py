"""How OpenSearch finds a pasted passage's word pairs, in each layout an index may have.

A new index (the mark PHRASED) holds no pairs: a pair is its two words side by side in a
record's exact words (`indexer.opensearch_passages.pair_clause`), which must hold exactly
the records whose pairs (`indexer.passages.record_pairs`, Whoosh's `shingle` terms) hold it.
An index of sessions 17-18 (the mark PAIRED) holds the pairs themselves, sent a pair a line
(`PAIR_LINES`: the cluster cuts them into exactly `record_pairs`' terms) or, before, as a
keyword array: both are still written and read as they were, and every layout gives the
same verdicts and first hits.
"""

from __future__ import annotations

import random

import pytest

from indexer.analysis import WORD_PATTERN, exact_word, passage_word
from indexer.passages import record_pairs
from indexer.search import SearchRequest, search
from indexer.verify import verify_many
from tests.cluster.launcher import drop_indices

NEW = "pair-phrases-new"
LINES = "pair-lines-new"
OLD = "pair-lines-old"
MISREMEMBERED = ("un plan sans calendrier, c'est une promesse qu'on pourra toujours reporter "
                 "à l'été suivant")


def _demo_docs() -> list:
    from bench.quote_pairs_cost import demo_documents

    return list(demo_documents())


def _write(client, index: str, docs: list) -> list[dict]:
    """Write `docs` as the writer would into `index` (its marks decide the layout)."""
    from indexer.documents import text_hash
    from indexer.opensearch_mapping import records
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
    """{name: records written} for the three layouts, and "client", on the demo corpus."""
    from indexer.opensearch_client import connect
    from indexer.opensearch_mapping import index_body, with_pairs

    names = (NEW, LINES, OLD)
    for name in names:
        drop_indices(opensearch_cluster.url, name)
    client = connect(opensearch_cluster.url)
    docs = _demo_docs()
    bodies = {NEW: index_body(1, 0), LINES: with_pairs(index_body(1, 0)),
              OLD: with_pairs(index_body(1, 0), lines=False)}  # 29d0d26's keyword array
    for name in names:
        client.indices.create(index=name + "-1", body=bodies[name])
        client.indices.put_alias(index=name + "-1", name=name)
    yield {**{name: _write(client, name, docs) for name in names}, "client": client}
    for name in names:
        drop_indices(opensearch_cluster.url, name)
    client.close()


def test_a_new_index_holds_no_pairs(layouts):
    from indexer.opensearch_mapping import PAIRED, PHRASED, marks
    from indexer.opensearch_passages import PAIRS

    client = layouts["client"]
    assert not any(PAIRS in r for r in layouts[NEW])
    assert marks(client, NEW) >= {PHRASED} and PAIRED not in marks(client, NEW)
    assert PAIRS not in client.indices.get_mapping(index=NEW)[NEW + "-1"]["mappings"][
        "properties"]


def test_the_cluster_cuts_the_lines_into_the_same_pairs(layouts):
    from indexer.opensearch_passages import PAIRS

    client = layouts["client"]
    sent = {r["id"]: r for r in layouts[LINES]}
    assert all(isinstance(r[PAIRS], str) for r in sent.values() if PAIRS in r)
    assert all(isinstance(r[PAIRS], list) for r in layouts[OLD] if PAIRS in r)
    ids = sorted(sent)
    answer = client.mtermvectors(index=LINES, body={"ids": ids, "parameters": {
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


def _pairs_held(record: dict) -> set[str]:
    """Return the pairs of a record as Whoosh indexes them (`record_pairs` of its title, then
    its text, for a statement; of its text for a quotation), but the one pair across the
    title and the text, which words side by side in two fields cannot hold."""
    texts = [record.get("text") or record.get("text_other") or ""]
    if record["type"] == "doc":
        texts.append(record.get("title") or record.get("title_other") or "")
    return {p for text in texts for p in record_pairs(text)}


def test_words_side_by_side_hold_the_records_of_each_pair(layouts):
    """Every pair with an elided word (« l'État », « qu'il ») and 600 others: the records
    the new layout finds by words side by side are those holding the pair."""
    from indexer.opensearch_passages import pair_clause

    client = layouts["client"]
    holders: dict[str, set[str]] = {}
    elided: set[str] = set()
    for record in layouts[NEW]:
        if record["type"] not in ("doc", "quote"):
            continue
        for pair in _pairs_held(record):
            holders.setdefault(pair, set()).add(record["id"])
        words = WORD_PATTERN.findall(record.get("text") or "")
        elided |= {passage_word(w) for w in words if passage_word(w) != exact_word(w)}
    whole = {a for r in layouts[LINES] for a in (r.get("shingle") or "").split("\n") if a}
    assert set(holders) <= whole  # the same pairs as sent (only the title's join is missing)
    rng = random.Random(19)
    with_elided = sorted(p for p in holders if set(p.split(" ")) & elided)
    assert len(with_elided) > 200
    asked = with_elided + rng.sample(sorted(set(holders) - set(with_elided)), 600)
    for start in range(0, len(asked), 200):
        chunk = asked[start:start + 200]
        body = []
        for pair in chunk:
            body += [{"index": NEW}, {"size": 500, "_source": False, "query": {"bool": {
                "filter": [{"terms": {"type": ["doc", "quote"]}}, pair_clause(pair)]}}}]
        answers = client.msearch(body=body)["responses"]
        for pair, answer in zip(chunk, answers, strict=True):
            assert {h["_id"] for h in answer["hits"]["hits"]} == holders[pair], pair


def test_every_layout_finds_the_same_passages(layouts, opensearch_cluster):
    from indexer.opensearch_engine import open_opensearch

    found = {}
    for name in (NEW, LINES, OLD):
        catalog = open_opensearch(opensearch_cluster.url, alias=name)
        try:
            assert catalog.paired and catalog.pair_terms == (name != NEW)
            quotes = [MISREMEMBERED, MISREMEMBERED.replace("plan", "projet")]
            verdicts = verify_many(catalog, quotes)
            first = search(catalog, SearchRequest(q=MISREMEMBERED)).hits[0]
            found[name] = ([(v["verdict"], v["document_id"], v["similarity"]) for v in verdicts],
                           first["id"], first.get("passage"))
        finally:
            catalog.close()
    assert found[NEW] == found[LINES] == found[OLD]
    assert found[NEW][0][0][1]  # a document found
