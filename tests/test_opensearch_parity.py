"""The same searches on the two engines: Whoosh in a folder, OpenSearch on a three-node cluster.

The demo corpus is indexed once into each (the same reading and extraction, then Whoosh's
writer or the cluster's bulk requests), and every query of a mix drawn from its own words and
facets (the kinds of the benchmark mix: words, phrases, speaker and theme filters, date ranges,
sorting by date, quotations) goes to both engines through the one search function. Filters
and all-word queries must give the same totals and the same facet counts; ranked queries must
agree on most of their first ten results.
"""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from indexer.analysis import STOP_WORDS, fold
from indexer.search import MAX_FACET_SIZE, SearchRequest, open_catalog, search
from tests.cluster.launcher import drop_indices
from tests.conftest import DEMO

ALIAS = "parity-demo"


@pytest.fixture(scope="module")
def engines(opensearch_cluster, tmp_path_factory):
    """(Whoosh catalog, OpenSearch catalog) on the demo corpus."""
    from indexer.indexing import index_paths
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster

    drop_indices(opensearch_cluster.url, ALIAS)
    index_dir = tmp_path_factory.mktemp("parity-demo")
    local = index_paths([DEMO], index_dir)
    report, shipped = index_cluster([DEMO], opensearch_cluster.url, ALIAS, replicas=1)
    assert report.documents == local.documents
    shipped["documents"] = report.documents
    whoosh = open_catalog(index_dir)
    opensearch = open_opensearch(opensearch_cluster.url, alias=ALIAS)
    yield whoosh, opensearch, shipped
    whoosh.close()
    opensearch.close()


def _mix(whoosh) -> dict[str, list[SearchRequest]]:
    """Return the queries by kind, drawn (seeded) from the demo corpus's words and facets."""
    everything = search(whoosh, SearchRequest(per_page=100))
    values = {name: [v["value"] for v in counts] for name, counts in everything.facets.items()}
    words: Counter[str] = Counter()
    titles = []
    for hit in everything.hits:
        doc = whoosh.document(hit["id"])
        titles.append(doc.title or "")
        words.update({w for w in re.findall(r"\w{5,}", doc.text.lower())
                      if fold(w) not in STOP_WORDS})
    pick = random.Random(15)
    vocabulary = sorted(w for w, n in words.items() if n >= 2)
    phrases = [" ".join(t.split()[i:i + 3]) for t in titles if len(t.split()) > 4
               for i in (1,)]
    filters = [SearchRequest()]
    filters += [SearchRequest(speaker=[v]) for v in values["speaker"][:6]]
    filters += [SearchRequest(theme=[v]) for v in values["theme"][:6]]
    filters += [SearchRequest(kind=[v]) for v in values["kind"]]
    filters += [SearchRequest(year=[v]) for v in values["year"]]
    filters += [SearchRequest(theme=values["theme"][:2], year=values["year"][:2]),
                SearchRequest(date_from="2021", date_to="2022-06"),
                SearchRequest(quotes=True),
                SearchRequest(quotes=True, speaker=values["speaker"][:2]),
                SearchRequest(speaker=[values["speaker"][0].split()[-1].lower()])]
    words_queries = [SearchRequest(q=" ".join(pick.sample(vocabulary, n)))
                     for n in (1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3) for _ in range(2)]
    words_queries += [SearchRequest(q=pick.choice(vocabulary), theme=values["theme"][:1]),
                      SearchRequest(q=pick.choice(vocabulary), date_from="2020-01-01"),
                      SearchRequest(q=pick.choice(vocabulary), quotes=True)]
    phrases_queries = [SearchRequest(q=f'"{p}"') for p in phrases[:8]]
    phrases_queries += [SearchRequest(q=f'"{p}"', quotes=True) for p in phrases[:4]]
    typos = []
    for word in pick.sample([w for w in vocabulary if len(w) >= 6], 12):
        at = pick.randrange(1, len(word) - 1)
        typos.append([word[:at] + word[at + 1:],  # a letter dropped
                      word[:at] + word[at] + word[at:],  # a letter doubled
                      word[:at] + word[at + 1] + word[at] + word[at + 2:]][len(typos) % 3])
    typos_queries = [SearchRequest(q=t) for t in typos]
    typos_queries += [SearchRequest(q=f"{typos[0]} {typos[1]}"),
                      SearchRequest(q=typos[2].capitalize(), quotes=True),
                      SearchRequest(q=typos[3], as_typed=True)]
    dated = [SearchRequest(q=pick.choice(vocabulary), sort=sort) for sort in ("-date", "date")
             for _ in range(4)]
    dated += [SearchRequest(sort="date"), SearchRequest(sort="-date", page=2)]
    return {"filters": filters, "words": words_queries, "phrases": phrases_queries,
            "dated": dated, "typos": typos_queries}


def _facets(response) -> dict:
    return {name: [(v["value"], v["count"], v["selected"]) for v in values]
            for name, values in response.facets.items()}


def _ids(response) -> list[str]:
    return [h["id"] for h in response.hits]


def test_the_cluster_holds_every_record_of_the_local_index(engines):
    whoosh, _, shipped = engines
    everything = search(whoosh, SearchRequest())
    quotes = search(whoosh, SearchRequest(quotes=True))
    assert shipped["documents"] == everything.total > 40
    assert shipped["records"] == everything.total + quotes.total


def test_filters_give_the_same_totals_facet_counts_and_histogram(engines):
    whoosh, opensearch, _ = engines
    for request in _mix(whoosh)["filters"]:
        ours, theirs = search(whoosh, request), search(opensearch, _copy(request))
        assert theirs.total == ours.total, request
        assert _facets(theirs) == _facets(ours), request
        assert theirs.histogram == ours.histogram, request
        # no text query: newest first on both
        assert [h["date"] for h in theirs.hits] == [h["date"] for h in ours.hits], request


def test_facets_cut_at_a_few_values_keep_the_same_values_on_both_engines(engines):
    """Each facet cut at one, two or three values (ties at the cut: the demo's speakers and
    themes hold few records each), selections past the cut counted all the same."""
    whoosh, opensearch, _ = engines
    mix = _mix(whoosh)
    everything = search(whoosh, SearchRequest(facet_size=MAX_FACET_SIZE))
    last = {name: values[-1]["value"] for name, values in everything.facets.items()}
    requests = [_copy(r, facet_size=size) for r in mix["filters"] + mix["words"][:12]
                for size in (1, 3)]
    requests += [SearchRequest(speaker=[last["speaker"]], facet_size=2),
                 SearchRequest(theme=[last["theme"]], kind=[last["kind"]], facet_size=2),
                 SearchRequest(quotes=True, speaker=[last["speaker"]], facet_size=1),
                 SearchRequest(q=mix["words"][0].q, facet_all="speaker", facet_size=1)]
    cut = 0
    for request in requests:
        ours, theirs = search(whoosh, _copy(request)), search(opensearch, _copy(request))
        if ours.match != "all":
            continue
        assert theirs.total == ours.total, request
        assert _facets(theirs) == _facets(ours), request
        assert theirs.facets_truncated == ours.facets_truncated, request
        cut += sum(ours.facets_truncated.values())
        for name in request.selected("speaker") and ["speaker"]:
            # a selection past the cut still shows, with its count
            assert [v for v in ours.facets[name] if v["selected"]], request
    assert cut >= 40


def test_all_word_queries_give_the_same_records_and_counts(engines):
    whoosh, opensearch, _ = engines
    compared = 0
    for request in _mix(whoosh)["words"] + _mix(whoosh)["phrases"]:
        ours, theirs = search(whoosh, request), search(opensearch, _copy(request))
        assert theirs.match == ours.match, request
        if ours.match != "all" or any(h.get("passage") for h in ours.hits):
            continue  # widened or a passage found: ranked, compared below
        compared += 1
        assert theirs.total == ours.total, request
        assert _facets(theirs) == _facets(ours), request
        assert theirs.histogram == ours.histogram, request
        if ours.total <= 10:
            assert set(_ids(theirs)) == set(_ids(ours)), request
    assert compared >= 20


def test_ranked_queries_share_most_of_their_first_ten(engines):
    whoosh, opensearch, _ = engines
    overlaps = []
    for request in _mix(whoosh)["words"]:
        ours, theirs = search(whoosh, request), search(opensearch, _copy(request))
        assert theirs.total == ours.total, request  # « most » and « any » widen alike
        if ours.total:
            top = set(_ids(ours)[:10])
            overlaps.append(len(top & set(_ids(theirs)[:10])) / len(top))
    assert len(overlaps) >= 20
    assert sum(overlaps) / len(overlaps) >= 0.8, overlaps
    assert min(overlaps) >= 0.5, overlaps


def test_sorting_by_date_orders_the_same_dates(engines):
    whoosh, opensearch, _ = engines
    for request in _mix(whoosh)["dated"]:
        ours, theirs = search(whoosh, request), search(opensearch, _copy(request))
        assert theirs.total == ours.total, request
        assert [h["date"] for h in theirs.hits] == [h["date"] for h in ours.hits], request
        assert all(h["score"] is None for h in theirs.hits)


def test_misspelt_words_are_corrected_and_suggested_alike(engines):
    whoosh, opensearch, _ = engines
    corrected = 0
    for request in _mix(whoosh)["typos"]:
        ours, theirs = search(whoosh, request), search(opensearch, _copy(request))
        assert theirs.correction == ours.correction, request
        assert theirs.suggestions == ours.suggestions, request
        assert theirs.total == ours.total, request
        corrected += bool(ours.correction or ours.suggestions)
    assert corrected >= 8  # most typos are corrected or suggested: the test compares them


def test_highlights_are_escaped_and_marked_alike(engines):
    whoosh, opensearch, _ = engines
    request = SearchRequest(q="rivière", per_page=100)
    ours, theirs = search(whoosh, request), search(opensearch, _copy(request))
    snippets = {h["id"]: h["snippet"] for h in ours.hits}
    assert any("<mark>" in h["snippet"] for h in theirs.hits)
    for hit in theirs.hits:
        assert hit["snippet"] == snippets[hit["id"]]
        assert "<script" not in hit["snippet"]


def test_a_document_and_its_quotations_are_read_back_whole(engines):
    whoosh, opensearch, _ = engines
    quote = search(whoosh, SearchRequest(quotes=True, per_page=1)).hits[0]
    theirs = search(opensearch, SearchRequest(quotes=True, q=quote["quote"][:60]))
    assert quote["id"] in _ids(theirs)
    found = next(h for h in theirs.hits if h["id"] == quote["id"])
    assert found["speakers"] == quote["speakers"]
    assert found["attribution"] == quote["attribution"]  # the words around it, the cue, why
    assert found["document_id"] == quote["document_id"]
    assert opensearch.document(quote["document_id"]) == whoosh.document(quote["document_id"])


def test_a_debates_turns_link_the_same_neighbours_on_both_engines(engines):
    """The demo's debate of the Lisson dam: each turn's place in the sitting and the turns
    before and after it (`indexer.engine.turns_around`) are the same on the cluster."""
    from indexer.engine import turns_around

    whoosh, opensearch, _ = engines
    turns = search(whoosh, SearchRequest(kind=["débat"], per_page=100)).hits
    assert len(turns) == 10
    for hit in turns:
        ours = turns_around(whoosh, whoosh.document(hit["id"]))
        theirs = turns_around(opensearch, opensearch.document(hit["id"]))
        assert ours == theirs and ours["count"] == 10
    release = search(whoosh, SearchRequest(kind=["communiqué"], per_page=1)).hits[0]
    assert turns_around(opensearch, opensearch.document(release["id"])) is None


def _copy(request: SearchRequest, **changes) -> SearchRequest:
    # the search function normalises the request it is given (merged facet labels…)
    from dataclasses import replace

    return replace(request, speaker=list(request.speaker), theme=list(request.theme),
                   kind=list(request.kind), year=list(request.year), lang=list(request.lang),
                   **changes)


def _side_by_side(whoosh, q: str) -> set[str]:
    """Return the ids of the records holding every word pair of the short query `q`
    (`indexer.passages.together_words`, its `shingle` terms): they come first (those holding
    the words in that order first among them)."""
    from functools import reduce

    from indexer.analysis import shingles
    from indexer.passages import together_words
    from indexer.query import parse_query
    from indexer.ranking import intersect_sorted

    pairs = shingles(together_words(q, parse_query(q)))
    if not pairs:
        return set()
    searcher = whoosh.searcher()
    docs = reduce(intersect_sorted, (whoosh.pair_docs(searcher, p) for p in pairs))
    return {searcher.stored_fields(int(n))["id"] for n in docs}


def _short_queries(whoosh) -> list[str]:
    """Return real short queries: a few typed, the others 2 to 4 words read side by side in
    the demo's statements (seeded)."""
    everything = search(whoosh, SearchRequest(per_page=100))
    pick = random.Random(74)
    # typed as a journalist would: with the article as written, without it, without accent
    queries = ["qualité de l'eau", "qualité de eau", "lanceurs alerte", "lanceurs d'alerte",
               "qualite eau"]
    while len(queries) < 30:
        words = re.findall(r"\w[\w'’-]*", whoosh.document(pick.choice(everything.hits)["id"]).text)
        size = pick.choice((2, 2, 3, 4))
        if len(words) <= size:
            continue
        at = pick.randrange(0, len(words) - size)
        chunk = words[at:at + size]
        if sum(fold(w.lower()) not in STOP_WORDS for w in chunk) >= 2:
            queries.append(" ".join(chunk))
    return queries


def test_short_queries_rank_their_words_side_by_side_first_alike(engines):
    """A plain query of 2 to 4 words: the records holding its words side by side come first
    on both engines (Whoosh by its word pairs, OpenSearch by its unstemmed words' positions,
    an elided article allowed: « lanceurs alerte » is side by side in « lanceurs d'alerte »),
    each group in its own engine's order; the scores shown are the usual ones."""
    whoosh, opensearch, _ = engines
    moved = 0
    for q in _short_queries(whoosh):
        together = _side_by_side(whoosh, q)
        ours, theirs = search(whoosh, SearchRequest(q=q)), search(opensearch, SearchRequest(q=q))
        assert theirs.total == ours.total, q
        first = [h["id"] in together for h in ours.hits[:10]]
        assert first == sorted(first, reverse=True), q  # Whoosh: side by side first
        assert [h["id"] in together for h in theirs.hits[:10]] == first, q
        if len(together) <= 10:
            assert set(_ids(theirs)[:sum(first)]) == set(_ids(ours)[:sum(first)]), q
        assert all(h["score"] < 1000 for h in theirs.hits), q
        moved += 0 < sum(first) < len(first)
    assert moved >= 10  # most queries have records with the words apart, ranked after
    # without it, a record with « qualité » and « eau » far apart came third on OpenSearch
    q = "qualité de l'eau"
    assert _ids(search(opensearch, SearchRequest(q=q)))[:5] == \
        _ids(search(whoosh, SearchRequest(q=q)))[:5]


def test_short_quotations_of_stop_words_come_first_alike(engines):
    """« ce sont les pêcheurs »: of its pairs only « les pêcheurs » is indexed, in several
    records; the records holding the words in that order come first on both engines (Whoosh
    checks their text, OpenSearch asks its unstemmed words' positions), the passage shown;
    typed without accents, after « qui a dit », the apostrophe typed as a space (« c est »)."""
    whoosh, opensearch, _ = engines
    for q in ("ce sont les pêcheurs", "qui a dit ce sont les pecheurs", "sera pas la dernière",
              "ce qui a été", "mais c’est la première", "c est la moitié",
              "parce qu'on lui a"):
        ours, theirs = search(whoosh, SearchRequest(q=q)), search(opensearch, SearchRequest(q=q))
        assert theirs.total == ours.total, q
        assert ours.hits[0]["passage"]["verdict"] == "exact", q
        first = {h["id"]: h["passage"]["text"] for h in ours.hits if h["passage"]}
        assert [h["id"] in first for h in ours.hits] == \
            sorted((h["id"] in first for h in ours.hits), reverse=True), q
        if len(first) < len(ours.hits):  # every record holding them is on the page
            assert {h["id"]: (h["passage"] or {}).get("text")
                    for h in theirs.hits[:len(first)]} == first, q
        assert all(h["score"] < 1000 for h in theirs.hits), q
        assert not theirs.passage_absent and not ours.passage_absent, q


def test_a_quotation_found_nowhere_says_so_on_both_engines(engines):
    """« qui a dit je vous ai compris », a long quotation and a quoted one held nowhere: the
    same note first on both engines; a quotation that is there gets none."""
    from indexer.search import ABSENT, ABSENT_ALL

    whoosh, opensearch, _ = engines
    for q, absent in (("qui a dit je vous ai compris", True),
                      ("qui a dit nous ne laisserons aucune ville sans électricité", True),
                      ('"ce sont les castors"', True), ("ce sont les castors", False),
                      ("qui a dit ne sera pas la dernière", False),
                      ("qui a dit ce sont les pêcheurs", False)):
        ours, theirs = search(whoosh, SearchRequest(q=q)), search(opensearch, SearchRequest(q=q))
        assert ours.passage_absent is absent and theirs.passage_absent is absent, q
        if absent:
            assert theirs.notes[0] == ours.notes[0] in (ABSENT, ABSENT_ALL), q


def test_real_misspellings_get_the_same_suggestion_on_both_engines(engines):
    """Real French typing errors, each of a word of the demo: a swapped pair in a word only
    found in a title (« castros », Lucene's suggester was only asked the texts' words), a
    doubled or dropped letter, a mute h dropped (with another error in a long word: Lucene's
    suggester keeps the first letter of words two edits away), an accent dropped (nothing to
    correct)."""
    whoosh, opensearch, _ = engines
    expected = {"castros": "castors", "Castros": "Castors", "gouvernemment": "gouvernement",
                "acompagnement": "accompagnement", "connaisance": "connaissance",
                "teritoire": "territoire", "biodiverstié": "biodiversité",
                "umide": "humide", "ectares": "hectares", "ectarres": "hectares",
                "ecologique": None}
    for typed, suggestion in expected.items():
        ours, theirs = search(whoosh, SearchRequest(q=typed)), search(opensearch,
                                                                      SearchRequest(q=typed))
        assert theirs.correction == ours.correction, typed
        assert theirs.suggestions == ours.suggestions, typed
        assert theirs.total == ours.total, typed
        corrected = ours.correction["words"] if ours.correction else []
        offered = [s["suggestion"] for s in ours.suggestions + corrected]
        assert offered == ([suggestion] if suggestion else []), typed
