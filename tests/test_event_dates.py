"""The date a journalist types may be the event's, not the record's (indexer.intent,
indexer.search).

Journalist search tasks, dev4 (session 37): « procès LuxLeaks en appel audiences de décembre
2016 dates » is the support committee's notice of 2 October 2016 giving the December hearing
dates, and « FRV assemblée générale avril 2024 Montclair vote en ligne » the federation's
release of 12 March on its general assembly of 6 April 2024. Both came first by relevance,
and both were passed by the records dated in the month typed (the hearings' own reports, a
release of April on the accounts). Now a record dated before the month typed whose title or
text names it (« 21 décembre 2016 », « 6 avril 2024 ») meets the date as those records do;
one naming a past month (a 2018 retrospective recalling « février 2015 ») looks back, it
does not announce. « de décembre 2016 » is read with its year.

The committee's releases are read in place from the shared corpus (skipped when absent).
"""

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.intent import read_intent
from indexer.search import SearchRequest, open_catalog, search
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def luxleaks_index(tmp_path_factory):
    from indexer.indexing import index_paths

    index = tmp_path_factory.mktemp("event-dates-luxleaks")
    index_paths([shared_path("luxleaks-communiques", "html")], index, workers=1)
    return index


def first(index_dir, q, **facets):
    catalog = open_catalog(index_dir)
    try:
        return search(catalog, SearchRequest(q=q, **facets))
    finally:
        catalog.close()


def test_the_notice_of_the_december_hearings_comes_before_the_hearings(luxleaks_index):
    response = first(luxleaks_index, "procès LuxLeaks en appel audiences de décembre 2016 dates")
    assert response.hits[0]["source"].endswith("2016-10-02-appeal-dates.html")
    # the hearings' own reports, dated December 2016, follow it
    assert [hit["date"][:7] for hit in response.hits[1:3]] == ["2016-12", "2016-12"]
    assert any(note.startswith("Lu dans la requête : la date") for note in response.notes)
    # with the year clicked, as a journalist narrowing the list would
    clicked = first(luxleaks_index, "procès LuxLeaks en appel audiences de décembre 2016 dates",
                    year=["2016"])
    assert clicked.hits[0]["source"].endswith("2016-10-02-appeal-dates.html")


def test_a_record_looking_back_on_the_month_does_not_pass_the_records_of_that_month(
        luxleaks_index):
    # the 2018 retrospective says the committee was created in « février 2015 »: it does not
    # announce the meeting, the report of February 2015 stays first
    response = first(luxleaks_index,
                     "Deltour réunion publique Épinal fin février 2015 création du comité")
    assert response.hits[0]["source"].endswith("2015-02-25-epinal.html")


def test_de_decembre_2016_is_read_with_its_year():
    assert read_intent("audiences de décembre 2016").dates == [(2016, 12, None)]
    assert read_intent("notre communiqué de mars").dates == [(None, 3, None)]
    intent = read_intent("audiences de décembre 2016")
    assert intent.announced("2016-10-02").search("les audiences du 12 au 21 décembre 2016")
    assert intent.announced("2016-12-13") is None  # dated in the month: met by its date
    assert intent.announced("2018-09-19") is None  # after it: a look back


def test_the_release_announcing_the_april_assembly_on_the_demo_corpus(demo_index_shared):
    q = "FRV assemblée générale avril 2024 Montclair vote en ligne"
    result = CliRunner().invoke(main, ["search", *q.split(), "--json",
                                       "--index", str(demo_index_shared)])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    top = found["results"][0]
    assert top["source"] == "courriels/2024-03-communiques.mbox"
    assert top["date"].startswith("2024-03-12")
    assert top["title"] == "Assemblée générale 2024 de la FRV : vote en ligne"

    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(demo_index_shared)})
    try:
        data = app.test_client().get("/api/search", query_string={"q": q}).get_json()
        assert data["results"][0]["title"] == "Assemblée générale 2024 de la FRV : vote en ligne"
    finally:
        close_catalog(app)


def test_both_engines_put_the_same_record_first(opensearch_cluster, luxleaks_index):
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster
    from tests.cluster.launcher import drop_indices

    alias = "event-dates"
    drop_indices(opensearch_cluster.url, alias)
    index_cluster([shared_path("luxleaks-communiques", "html")], opensearch_cluster.url, alias,
                  replicas=1)
    whoosh, theirs = open_catalog(luxleaks_index), open_opensearch(opensearch_cluster.url,
                                                                   alias=alias)
    try:
        for q in ("procès LuxLeaks en appel audiences de décembre 2016 dates",
                  "Deltour réunion publique Épinal fin février 2015 création du comité"):
            a, b = search(whoosh, SearchRequest(q=q)), search(theirs, SearchRequest(q=q))
            assert a.hits[0]["source"] == b.hits[0]["source"], q
    finally:
        whoosh.close()
        theirs.close()
        drop_indices(opensearch_cluster.url, alias)
