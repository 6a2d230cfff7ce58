"""A date or a kind typed breaks near-ties between the records of a subject; it does not lift a
record the words describe poorly above the one they describe (indexer.search, `BAND`).

Journalist search tasks (session 41, e61): a journalist types « FRV assemblée générale avril
2024 Montclair vote en ligne » for the federation's release announcing its April 2024
assembly and its online vote, sent on 12 March. Among the best matches, the records dated as
typed came first: the federation's accounts of 25 April 2024, which share only « FRV » and
« avril 2024 » with the query (BM25 7.7 against 63.8 on the demo corpus), came before the
release. A record meeting the date or the kind typed now comes first only when it scores at
least half as well as the best record; the person of « ce que X a dit sur » still comes first
whatever its score: X's statement may share few words with the subject.
"""

from contextlib import closing

import pytest

from indexer.search import BAND, SearchRequest, open_catalog, search
from tests.conftest import DEMO
from tests.test_keywords_not_quotations import whoosh_and_cluster

ASSEMBLY_2024 = "Assemblée générale 2024 de la FRV : vote en ligne"
ASSEMBLY_2022 = "Assemblée générale à Strasbourg : Claire Aubertin réélue à la présidence de la FRV"


@pytest.fixture(scope="module")
def demo(demo_index_shared):
    with closing(open_catalog(demo_index_shared)) as engine:
        yield engine


def test_the_release_the_words_describe_comes_before_a_record_only_dated_as_typed(demo):
    response = search(demo, SearchRequest(
        q="FRV assemblée générale avril 2024 Montclair vote en ligne", per_page=20))
    assert response.hits[0]["title"] == ASSEMBLY_2024
    accounts = next(h for h in response.hits if h["title"].startswith("Comptes 2023"))
    assert accounts["date"] == "2024-04-25"  # dated as typed, but far below the band
    assert accounts["score"] < BAND * response.hits[0]["score"]


def test_the_date_typed_still_decides_between_records_of_the_subject(demo):
    # the April 2022 assembly scores a little below the 2024 one, within the band: the date
    # typed puts it first
    response = search(demo, SearchRequest(q="FRV assemblée générale avril 2022"))
    first, second = response.hits[:2]
    assert first["title"] == ASSEMBLY_2022 and first["date"] == "2022-04-09"
    assert second["title"] == ASSEMBLY_2024
    assert BAND * second["score"] <= first["score"] < second["score"]
    assert "Lu dans la requête : la date ; les résultats qui y répondent d'abord." \
        in response.notes


def test_the_person_who_said_it_comes_first_whatever_the_score(demo):
    response = search(demo, SearchRequest(
        q="ce que Benhaddou a dit sur l'assemblée générale", per_page=20))
    first = response.hits[0]
    assert [s["name"] for s in first["speakers"]] == ["Malik Benhaddou"]
    assembly = next(h for h in response.hits if h["title"] == ASSEMBLY_2024)
    assert first["score"] < BAND * assembly["score"]  # below the band, first all the same


def test_both_engines_put_the_release_first(opensearch_cluster, demo_index_shared):
    # the band is drawn in the shared orchestration, on the scores each engine gives (the
    # cluster scores the words as Whoosh does)
    with whoosh_and_cluster(opensearch_cluster, DEMO, demo_index_shared,
                            "preferences-band") as engines:
        for q in ("FRV assemblée générale avril 2024 Montclair vote en ligne",
                  "FRV assemblée générale avril 2022"):
            a, b = (search(engine, SearchRequest(q=q)) for engine in engines)
            assert [h["title"] for h in a.hits[:3]] == [h["title"] for h in b.hits[:3]], q
