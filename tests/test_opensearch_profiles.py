"""A speaker's page on the cluster lists the functions held from doc values, not records.

The functions a speaker held (`indexer.profiles`) are read from their 500 latest statements.
On OpenSearch each statement keeps its speakers, their functions and its date in doc values
(`PROFILE`): the page reads those, not 500 whole records, and finds
what the records say — functions with commas, a statement of two speakers, a function too
long for doc values (that statement's record is read), an index written before the doc
values existed (the records are read).

The corpus: statements of Bruno Le Maire as minister of the economy under two names of the
ministry, one with Élisabeth Borne, and a joint statement whose function is far too long.
"""

from __future__ import annotations

import orjson
import pytest

from indexer.document import Document, Speaker
from indexer.profiles import speaker_profile
from indexer.search import SearchRequest, search
from tests.cluster.launcher import drop_indices

ALIAS = "profiles-functions"
ECONOMY = "ministre de l'Économie, des Finances et de la Relance"
SOVEREIGNTY = "ministre de l'Économie, des Finances et de la Souveraineté industrielle et " \
    "numérique"
# a function longer than a doc value may hold (`PROFILE_CHARS`): read from the record
LONG = "porte-parole " + ", ".join(f"de la délégation n° {n} aux affaires européennes"
                                   for n in range(1, 120))


def _statement(n: int, date: str, *speakers: Speaker) -> Document:
    return Document(
        id=f"communique-{n}", source=f"communiques/{n}.md", format="md", kind="communiqué",
        title=f"Communiqué n° {n}", date=date, speakers=list(speakers),
        text="Le ministre annonce le soutien de l'État aux entreprises de la filière.")


STATEMENTS = [
    _statement(1, "2020-09-03", Speaker("Bruno Le Maire", ECONOMY)),
    _statement(2, "2021-05-18", Speaker("Bruno Le Maire", ECONOMY),
               Speaker("Élisabeth Borne", "ministre du Travail, de l'Emploi et de l'Insertion")),
    _statement(3, "2022-07-04", Speaker("Bruno Le Maire", SOVEREIGNTY)),
    _statement(4, "2023-01-10", Speaker("Bruno Le Maire", SOVEREIGNTY)),
    _statement(5, "2023-02-01", Speaker("Bruno Le Maire", LONG)),
    _statement(6, "2023-03-15", Speaker("Bruno Le Maire")),
]


@pytest.fixture(scope="module")
def cluster_catalog(opensearch_cluster):
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import load_documents

    drop_indices(opensearch_cluster.url, ALIAS)
    load_documents(STATEMENTS, opensearch_cluster.url, ALIAS, replicas=1)
    catalog = open_opensearch(opensearch_cluster.url, alias=ALIAS)
    yield catalog
    catalog.close()


def test_the_functions_held_are_read_from_doc_values_with_their_commas(cluster_catalog):
    assert cluster_catalog.profiled
    profile = speaker_profile(cluster_catalog, "Bruno Le Maire")
    assert profile["functions"] == [
        {"function": LONG, "count": 1, "first": "2023-02-01", "last": "2023-02-01"},
        {"function": SOVEREIGNTY, "count": 2, "first": "2022-07-04", "last": "2023-01-10"},
        {"function": ECONOMY, "count": 2, "first": "2020-09-03", "last": "2021-05-18"},
    ]
    borne = speaker_profile(cluster_catalog, "Élisabeth Borne")
    assert borne["functions"] == [{
        "function": "ministre du Travail, de l'Emploi et de l'Insertion", "count": 1,
        "first": "2021-05-18", "last": "2021-05-18"}]


def test_only_the_statement_too_long_for_doc_values_is_read_whole(cluster_catalog,
                                                                  monkeypatch):
    read: list[list[str]] = []
    records = cluster_catalog._records

    def counted(ids):
        read.append(list(ids))
        return records(ids)

    monkeypatch.setattr(cluster_catalog, "_records", counted)
    statements = cluster_catalog.speaking("Bruno Le Maire", 500)
    assert [s["date"] for s in statements] == [
        "2023-03-15", "2023-02-01", "2023-01-10", "2022-07-04", "2021-05-18", "2020-09-03"]
    assert statements[4]["speakers"] == [
        {"name": "Bruno Le Maire", "function": ECONOMY},
        {"name": "Élisabeth Borne", "function": "ministre du Travail, de l'Emploi et de "
                                                "l'Insertion"}]
    assert statements[0]["speakers"] == [{"name": "Bruno Le Maire", "function": None}]
    assert read == [["communique-5"]]


def test_the_source_keeps_every_field_written(cluster_catalog):
    """`_source` holds the whole record, `PROFILE` too: a field left out of it (`excludes`)
    makes OpenSearch store each record a second time (`_recovery_source`), and every hit read
    then decompresses both (a 250k index: 290.8 MB, 214.8 MB without)."""
    found = cluster_catalog.search({"query": {"term": {"id": "communique-2"}}})
    (hit,) = found["hits"]["hits"]
    assert orjson.loads(hit["_source"]["profile"]) == {"date": "2021-05-18", "speakers": [
        ["Bruno Le Maire", ECONOMY],
        ["Élisabeth Borne", "ministre du Travail, de l'Emploi et de l'Insertion"]]}
    assert hit["_source"]["title"] == "Communiqué n° 2"
    mappings = cluster_catalog.client.indices.get_mapping(index=ALIAS)
    assert [m["mappings"].get("_source") for m in mappings.values()] == [None]
    response = search(cluster_catalog, SearchRequest(speaker=["Élisabeth Borne"]))
    assert [h["id"] for h in response.hits] == ["communique-2"]
    assert response.hits[0]["speakers"][1]["function"] == \
        "ministre du Travail, de l'Emploi et de l'Insertion"


def test_an_index_without_the_doc_values_gives_the_same_functions(cluster_catalog,
                                                                   monkeypatch):
    """An index written before `PROFILE` existed has no mark PROFILED: its speaker pages
    read the records, and show the same."""
    from indexer import opensearch_engine
    from indexer.opensearch_mapping import PROFILED

    expected = speaker_profile(cluster_catalog, "Bruno Le Maire")
    held = opensearch_engine.index_marks

    def without_profiles(client, index):
        names, marks = held(client, index)
        return names, marks - {PROFILED}

    monkeypatch.setattr(opensearch_engine, "index_marks", without_profiles)
    before = opensearch_engine.open_opensearch(cluster_catalog.url, alias=cluster_catalog.alias)
    try:
        assert not before.profiled
        assert speaker_profile(before, "Bruno Le Maire") == expected
    finally:
        before.close()
