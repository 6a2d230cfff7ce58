"""Facet counts on the cluster are Whoosh's, counted on each value folded (`FACET_KEYS`).

A label's spellings (« Relance économique », « Relance economique ») are one bucket of the
folded values the cluster holds beside them, a statement counted once whatever its
spellings, as Whoosh counts it; and a list cut at N values keeps the values Whoosh keeps,
even when more labels tie with the last one shown than the cluster was asked for (their
names decide the cut, and the folded « edouard philippe » sorts before « gabriel attal »
where the label « Édouard Philippe » sorts after « Gabriel Attal »).

The corpus: communiqués of a government, one each by six ministers, three of them named with
an accented capital, on the recovery plan spelt with or without its accent.
"""

from __future__ import annotations

import csv

import pytest

from indexer.search import SearchRequest, search
from tests.conftest import both_engines, refused_mapping

ALIAS = "facets-keys"
MINISTERS = ["Édouard Philippe", "Élisabeth Borne", "Éric Woerth", "Gabriel Attal",
             "Jean Castex", "Olivier Véran"]


@pytest.fixture(scope="module")
def engines(opensearch_cluster, tmp_path_factory):
    """(Whoosh catalog, OpenSearch catalog) of the same communiqués."""
    base = tmp_path_factory.mktemp("facets-keys")
    corpus = base / "corpus"
    corpus.mkdir()
    with (corpus / "communiques.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["title", "date", "text", "tags", "speakers"])
        writer.writeheader()
        for day, name in enumerate(MINISTERS, 1):
            writer.writerow({
                "title": f"Communiqué de {name} sur le plan de relance",
                "date": f"2021-03-{day:02d}",
                "text": f"{name} a présenté ce jour l'avancement du plan de relance dans les "
                        "territoires et les premiers chantiers financés.",
                # both spellings in one cell keep the first (the reader drops the same
                # value spelt again); the third statement is spelt without the accent
                "tags": "Relance économique;Relance economique" if day <= 2 else
                        "Relance economique" if day == 3 else "Relance économique",
                "speakers": name,
            })
    yield from both_engines(corpus, base / "index", opensearch_cluster.url, ALIAS)


def _facet(response, name: str) -> list[tuple[str, int]]:
    return [(v["value"], v["count"]) for v in response.facets[name]]


def test_the_spellings_of_a_theme_are_counted_as_one_label(engines):
    whoosh, opensearch = engines
    assert opensearch.keyed
    # both spellings are indexed: the cluster merges them under one label
    assert sorted(opensearch.facet_values("theme")[1]["Relance économique"]) == [
        "Relance economique", "Relance économique"]
    ours, theirs = search(whoosh, SearchRequest()), search(opensearch, SearchRequest())
    assert _facet(ours, "theme") == [("Relance économique", 6)]
    assert _facet(theirs, "theme") == _facet(ours, "theme")
    chosen = SearchRequest(q="chantiers", theme=["relance economique"], facet_size=1)
    assert _facet(search(opensearch, chosen), "theme") == [("Relance économique", 6)]


def test_a_cut_list_keeps_the_values_whoosh_keeps_when_more_tie_than_were_asked_for(
        engines, monkeypatch):
    from indexer import opensearch_engine

    whoosh, opensearch = engines
    request = SearchRequest(q="relance", facet_size=3)
    ours = search(whoosh, request)
    assert _facet(ours, "speaker") == [("Gabriel Attal", 1), ("Jean Castex", 1),
                                       ("Olivier Véran", 1)]
    assert ours.facets_truncated["speaker"]
    for spare in (0, 1, opensearch_engine.SPARE_VALUES):
        # the cluster gives the first 3 + spare folded names: « edouard philippe » first
        monkeypatch.setattr(opensearch_engine, "SPARE_VALUES", spare)
        theirs = search(opensearch, SearchRequest(q="relance", facet_size=3))
        assert _facet(theirs, "speaker") == _facet(ours, "speaker"), spare
        assert theirs.facets_truncated == ours.facets_truncated, spare
    selected = SearchRequest(q="relance", facet_size=2, speaker=["Éric Woerth"])
    monkeypatch.setattr(opensearch_engine, "SPARE_VALUES", 0)
    assert _facet(search(opensearch, selected), "speaker") == _facet(
        search(whoosh, SearchRequest(q="relance", facet_size=2, speaker=["Éric Woerth"])),
        "speaker") == [("Gabriel Attal", 1), ("Jean Castex", 1), ("Éric Woerth", 1)]


def test_the_labels_of_a_chosen_facet_are_counted_alike_whichever_is_chosen(engines):
    """Choosing one minister or another asks the cluster the same count of the speaker
    facet (under the other selections alone): it answers the second from its request cache,
    as Whoosh keeps its counts. The page itself counts within the chosen minister's
    statements, and shows the same facets as Whoosh."""
    whoosh, opensearch = engines
    sent: list[list[dict]] = []
    msearch = opensearch.client.msearch

    def spy(*args, **kwargs):
        sent.append([{k: v for k, v in b.items() if k != "timeout"}
                     for b in kwargs["body"][1::2]])
        return msearch(*args, **kwargs)

    opensearch.client.msearch = spy
    try:
        for name in ("Jean Castex", "Olivier Véran"):
            request = SearchRequest(speaker=[name], theme=["Relance économique"], facet_size=2)
            theirs = search(opensearch, request)
            ours = search(whoosh, SearchRequest(speaker=[name], theme=["Relance économique"],
                                                facet_size=2))
            assert theirs.total == ours.total == 1
            assert {k: _facet(theirs, k) for k in theirs.facets} == \
                {k: _facet(ours, k) for k in ours.facets}
    finally:
        opensearch.client.msearch = msearch
    first, second = sent
    # an aggregation filtered by nothing is sent as its own (`lifted`: « kind:v »)
    assert [list(dict.fromkeys(name.partition(":")[0] for name in s.get("aggs", {})))
            for s in first] == [["speaker", "theme", "kind", "lang", "_all"], ["speaker"],
                                ["theme"]]
    assert first[1] == second[1]  # the speakers, counted under the theme chosen
    assert first[0] != second[0]  # the page: each minister's own statement


def test_a_user_who_may_not_read_the_mapping_gets_the_same_facets_by_spelling(
        engines, opensearch_cluster, monkeypatch):
    """A search-only account may be refused the mapping (403): the facets are then counted
    by spelling, as on an index written before the folded values, with the same counts."""
    whoosh, _ = engines
    with refused_mapping(opensearch_cluster.url, ALIAS, monkeypatch) as spelled:
        assert not spelled.keyed and not spelled.profiled
        for asked in ({}, {"q": "relance", "facet_size": 3},
                      {"speaker": ["Jean Castex"], "facet_size": 2}):
            theirs = search(spelled, SearchRequest(**asked))
            ours = search(whoosh, SearchRequest(**asked))
            assert {k: _facet(theirs, k) for k in theirs.facets} == \
                {k: _facet(ours, k) for k in ours.facets}, asked


def test_a_facet_counted_under_no_selection_is_the_search_s_own_aggregation(engines,
                                                                             monkeypatch):
    """A facet counted under no other facet's selection (every facet of a page without one,
    the histogram, a chosen facet's own count) is sent as an aggregation of the search
    itself, not under a filter that keeps every record the query found (which each shard ran
    on every one of them), and a page without a selection has no post filter: the same
    totals, facets, histogram and hits as with those filters."""
    import indexer.opensearch_engine as engine

    _, opensearch = engines
    requests = [SearchRequest(q="relance"), SearchRequest(speaker=["Jean Castex"]),
                SearchRequest(q="plan", theme=["Relance économique"], facet_size=2),
                SearchRequest(q="relance", sort="-date", facets=True, per_page=3)]
    sent: list[dict] = []
    msearch, one = opensearch.client.msearch, opensearch.client.search

    def spy_many(*args, **kwargs):
        sent.extend(kwargs["body"][1::2])
        return msearch(*args, **kwargs)

    def spy_one(*args, **kwargs):
        sent.append(kwargs["body"])
        return one(*args, **kwargs)

    def seen(response):
        return (response.total, response.facets, response.histogram, response.facets_truncated,
                [hit["id"] for hit in response.hits])

    monkeypatch.setattr(opensearch.client, "msearch", spy_many)
    monkeypatch.setattr(opensearch.client, "search", spy_one)
    lifted = [seen(search(opensearch, request)) for request in requests]
    pages = [body for body in sent if body.get("aggs")]
    assert len(pages) >= len(requests)
    everything = ({"match_all": {}}, {"bool": {"filter": []}})
    for body in pages:
        assert body.get("post_filter") not in everything
        assert not [name for name, agg in body["aggs"].items()
                    if agg.get("filter") in everything]
    assert any(":" in name for body in pages for name in body["aggs"])

    monkeypatch.setattr(engine, "lifted", lambda body: body)
    sent.clear()
    assert [seen(search(opensearch, request)) for request in requests] == lifted
    assert any(agg.get("filter") in everything for body in sent
               for agg in body.get("aggs", {}).values())
    assert lifted[0][0] == 6 and lifted[1][0] == 1
