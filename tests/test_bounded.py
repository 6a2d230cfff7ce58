"""Bounded cost per request: whatever is typed, up to the longest query the web app takes, a
search answers; past its time budget it stops, answers what it has and says so.

No timing is asserted here (the benchmark measures the times: bench/load.py --hostile). The
budget is set to zero where a test needs it to run out, which makes every cut certain.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from indexer import budget
from indexer.matching import at_least_arrays
from indexer.search import MIN_HITS, SearchRequest, search
from indexer.spelling import MAX_WORDS, Lexicon, check_spelling
from webapp.params import MAX_QUERY_CHARS

LETTERS = st.characters(min_codepoint=97, max_codepoint=122)
# what a hostile visitor sends: long words, many words, syntax, any text, up to the limit
hostile = st.one_of(
    st.text(max_size=MAX_QUERY_CHARS),
    st.text(alphabet=LETTERS, min_size=31, max_size=MAX_QUERY_CHARS),
    st.lists(st.text(alphabet=LETTERS, min_size=4, max_size=40), max_size=400).map(" ".join),
    st.lists(st.sampled_from(["de", "la", "le", "rivière", "eau", '"', "OR", "-", "(", ")",
                              "speaker:", "NOT", "*", "~2"]), max_size=600).map(" ".join),
)
LONGEST = ["x" * MAX_QUERY_CHARS, "anticonstitutionelement " * 80,
           '"' + "de la " * 330 + '"', " OR ".join(["rivière", "eau"] * 250)]


# --- through the web app, whose requests have a budget -----------------------------------------


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(q=hostile, quotes=st.booleans(), page=st.integers(1, 10**6))
@example(q=LONGEST[0], quotes=False, page=1)
@example(q=LONGEST[1], quotes=True, page=1)
@example(q=LONGEST[2], quotes=False, page=999)
@example(q=LONGEST[3], quotes=False, page=3)
def test_any_query_up_to_the_limit_gets_an_answer(client, q, quotes, page):
    params = {"q": q, "quotes": int(quotes), "page": page}
    for path in ("/", "/api/search", "/export.csv", "/feed.atom"):
        response = client.get(path, query_string=params)
        assert response.status_code == 200, (path, q[:80])
        # the server says how long it spent: what bench/load.py reads
        assert re.fullmatch(r"app;dur=\d+\.\d", response.headers["Server-Timing"])


# --- with the budget run out: the search stops, answers, and says so ---------------------------


def test_a_walk_past_its_deadline_stops_and_says_so(shared_catalog):
    # a phrase of the commonest words: Whoosh's positional walk over most records
    with budget.request_budget(each=0, total=0):
        response = search(shared_catalog, SearchRequest(q='"' + "de la " * 20 + '"'))
    assert budget.INTERRUPTED in response.notes
    with budget.request_budget(each=60, total=60):
        assert budget.INTERRUPTED not in search(shared_catalog, SearchRequest(
            q='"' + "de la " * 2 + '"')).notes


def test_plain_words_past_the_deadline_keep_the_words_read(shared_catalog):
    q = "mariage adoption enfants famille filiation"
    with budget.request_budget(each=0, total=0):
        response = search(shared_catalog, SearchRequest(q=q))
    assert response.total > 0
    assert any(n.startswith("Seuls les 1 premiers mots") for n in response.notes), response.notes


def test_a_ranking_past_the_deadline_stands_on_the_words_summed(shared_catalog):
    searcher = shared_catalog.searcher()
    words = [shared_catalog.word(searcher, t) for t in ("mariag", "enfant")]
    docs = words[0].docs | words[1].docs
    first_only = shared_catalog.scorer(searcher, words[:1]).scores(docs)
    with budget.request_budget(each=0, total=0):
        budget.start()
        scores = shared_catalog.scorer(searcher, words).scores(docs)
        notes = budget.finish()
    assert scores == first_only
    assert notes == ["Classement établi sur les 1 premiers mots de la requête : le temps de "
                     "réponse permis était épuisé."]


def test_a_long_list_stops_after_its_first_hits_and_the_export_says_so(shared_index):
    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(shared_index[0])})
    try:
        client = app.test_client()
        expected = client.get("/api/search?q=ministre&per_page=1").get_json()["total"]
        assert expected > 10
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(budget, "SEARCH_SECONDS", 0.0)
            patch.setattr(budget, "REQUEST_SECONDS", 0.0)
            body = client.get("/export.csv?q=ministre").get_data(as_text=True)
    finally:
        close_catalog(app)
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert len(rows) == 1 + MIN_HITS + 1  # header, the first hits, the note
    assert rows[-1][1].startswith(f"Export limité aux {MIN_HITS} premiers résultats sur "
                                  f"{min(expected, 1000)}")


def test_outside_a_request_a_search_has_no_deadline(shared_catalog):
    search(shared_catalog, SearchRequest(q="ministre"))
    assert budget.current().deadline == math.inf
    with budget.request_budget():
        assert budget.start().deadline < math.inf
    assert budget.current().deadline == math.inf


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(q=hostile)
def test_with_no_time_at_all_any_search_still_answers(shared_catalog, q):
    with budget.request_budget(each=0, total=0):
        response = search(shared_catalog, SearchRequest(q=q))
    assert response.total >= 0 and len(response.hits) <= 10
    assert all(isinstance(note, str) for note in response.notes)


# --- the bounds that do not depend on time -------------------------------------------------------


@given(st.lists(st.frozensets(st.integers(0, 50), max_size=30), max_size=12),
       st.integers(1, 13))
def test_at_least_counts_members_of_enough_sets(sets, need):
    counts = Counter(n for s in sets for n in s)
    expected = ({n for n, c in counts.items() if c >= need} if need < len(sets) else
                set(frozenset.intersection(*sets)) if sets else set())
    arrays = [np.array(sorted(s), dtype=np.int64) for s in sets]
    assert at_least_arrays(arrays, need) == expected


WORDS = [f"{a}{b}{c}{d}" + "e" * n for a in "bcdfglmnprst" for b in "aeiou" for c in "lnrst"
         for d in "aeiou" for n in range(4)]


@settings(max_examples=200, deadline=None)
@given(q=hostile)
@example(q=" ".join(f"motinconnu{chr(97 + i)}" for i in range(26)))
def test_spelling_compares_its_buckets_only_for_a_few_words(q):
    lexicon = Lexicon(WORDS)
    words = q.split()
    found = check_spelling(lexicon, lambda key: 0, q, words)
    largest = max(len(b) for b in [*lexicon.by_first.values(), *lexicon.by_last.values()])
    # at most MAX_WORDS words, each against at most 2 × 5 buckets, never the whole lexicon
    assert found.compared <= MAX_WORDS * 10 * largest
    assert len(found.suggestions) + len(found.corrections) <= MAX_WORDS


SNIPPET_PIECES = ["l'alerte", "lanceurs", "d’alerte", "alerte", "Lanceur", "aujourd'hui", "'",
                  "’", " ", ", ", "-", "État", "l'État", "etat", "qu'il", "il", "«", "»",
                  "rivière", "l'", "'alerte", "alerte'", "d''alerte", "2020", "_", "ﬁn", "\n",
                  "Œuvre", "l’œuvre", "SŒURS", "voyez", "VOYAIENT", "nationaux", "Évidemment",
                  "désœuvré", "injustice", "justice", "●", "→"]


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(SNIPPET_PIECES), max_size=60).map("".join),
       terms=st.sets(st.sampled_from(["alert", "lanceur", "etat", "aujourd'hui", "il",
                                      "riviere", "2020", "fin", "oeuvr", "soeur", "voi",
                                      "national", "evident", "justic"]), max_size=4))
def test_snippets_mark_exactly_the_words_whose_term_is_wanted(text, terms):
    # snippets find their words from the start of each wanted stem, in any case and accent
    # (a cost per match, not per word of a long speech): the same words as analysing every
    # word would, ligatures and stems the stemmer rewrote (voyez → voi) included
    from indexer.analysis import WORD_PATTERN, word_term
    from indexer.snippets import _matches, _matches_by_words

    every_word = [(m.start(), m.end(), t) for m in WORD_PATTERN.finditer(text)
                  if (t := word_term(m.group())) in terms]
    assert _matches(text, terms) == every_word
    # the way taken by many terms: only words that may begin like a term are analysed
    assert (_matches_by_words(text, terms) if terms else []) == every_word


LONG_PIECES = [*SNIPPET_PIECES, "Le ministre a répondu à la question du député. ",
               "La justice et l'État de droit, ", "les lanceurs d'alerte de demain ",
               "— (Applaudissements) — ", "Mme la présidente. La parole est à M. Durand. "]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(LONG_PIECES), max_size=400).map("".join),
       terms=st.sets(st.sampled_from(["alert", "lanceur", "etat", "justic", "ministr",
                                      "deput", "oeuvr"]), max_size=3),
       top=st.sampled_from([1, 2]))
# « justice » alone two hundred times, then with « l'État » once: that passage is shown
@example(text="La justice est lente. " * 199 + "La justice et l'État de droit. "
         + "Fin de la séance. " * 20, terms={"justic", "etat"}, top=2)
# both words together only after a long stretch of one of them, then each alone again
@example(text="Le ministre répond. " * 60 + "La justice et l'État de droit. " * 2
         + "L'État. " * 80, terms={"justic", "etat"}, top=2)
def test_a_snippet_reads_a_long_text_only_as_far_as_its_choice_needs(text, terms, top):
    # a long debate is read until `top` windows holding every word are settled, not to its
    # end (a feed of the newest speeches spent most of its time there): the same passages
    # as reading the whole text and choosing among every window
    from indexer import snippets

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(snippets, "SHORT_TEXT", len(text))
        whole = snippets.snippet(text, terms, top)
        patch.setattr(snippets, "SHORT_TEXT", 0)
        assert snippets.snippet(text, terms, top) == whole
        patch.setattr(snippets, "BLOCK", 37)  # words across the blocks' bounds
        assert snippets.snippet(text, terms, top) == whole
    if terms == {"justic", "etat"} and "La justice et l'État" in text:
        assert "<mark>justice</mark> et <mark>l&#x27;État</mark>" in whole


def test_a_walk_leaves_out_a_first_match_that_an_exclusion_holds(tmp_path):
    """« lanceurs d'alerte -Deltour »: the first release about whistle-blowers also names
    Deltour, and the excluded word's postings start with an earlier release; the walk (the
    deadline-checked one the searches use) leaves it out, as the exclusion says."""
    from whoosh import fields
    from whoosh import index as whoosh_index
    from whoosh import query as wq

    from indexer import budget

    schema = fields.Schema(text=fields.TEXT(stored=True))
    ix = whoosh_index.create_in(str(tmp_path), schema)
    with ix.writer() as writer:
        writer.add_document(text="Antoine Deltour comparaît devant le tribunal")
        writer.add_document(text="Antoine Deltour, lanceur d'alerte, est condamné")
        writer.add_document(text="Protéger les lanceur d'alerte dans toute l'Europe")
    query = wq.AndNot(wq.And([wq.Term("text", "lanceur"), wq.Term("text", "alerte")]),
                      wq.Term("text", "deltour"))
    with ix.searcher() as searcher:
        found, complete = budget.walk(searcher, query)
        assert complete
        assert [searcher.stored_fields(n)["text"] for _, n in found] == [
            "Protéger les lanceur d'alerte dans toute l'Europe"]


# --- the cluster's requests: a page's every request within its budget -------------------------


def test_a_pages_lookups_share_its_budget_and_its_searches_their_own():
    from indexer.opensearch_client import MARGIN, SEARCH_SECONDS, bounded

    # outside a request: each request has SEARCH_SECONDS (the command line, the indexer)
    assert bounded() == (SEARCH_SECONDS + MARGIN, f"{int(SEARCH_SECONDS * 1000)}ms")
    with budget.request_budget(each=2.0, total=3.0):
        lookup, _ = bounded()  # a document page's record, outside any search
        budget.start()
        searching, timeout = bounded()
        budget.finish()
    assert 2.0 + MARGIN < lookup <= 3.0 + MARGIN
    assert searching <= 2.0 + MARGIN and int(timeout[:-2]) <= 2000


def test_once_the_cluster_let_a_page_down_its_next_requests_are_not_sent(monkeypatch):
    """A cluster that does not answer costs a page its budget and one margin, not one per
    request: once a request was not answered in time, the page's next ones past its
    deadline and margin are not sent, and say the cluster did not answer in time. The next
    page asks again. (The « cluster » is a port whose connections are never accepted:
    requests sent there are never answered.)"""
    import socket

    from opensearchpy import ConnectionTimeout

    from indexer import opensearch_client

    monkeypatch.setattr(opensearch_client, "MARGIN", 0.2)
    silent = socket.create_server(("127.0.0.1", 0))
    client = opensearch_client.connect(f"http://127.0.0.1:{silent.getsockname()[1]}",
                                       retry_on_timeout=False, budgeted=True)
    try:
        for _page in range(2):
            with budget.request_budget(each=0.0, total=0.0):
                with pytest.raises(ConnectionTimeout) as waited:
                    client.indices.get_mapping(index="verbatim")
                assert opensearch_client.SPENT not in str(waited.value)  # sent, unanswered
                for _ in range(3):
                    with pytest.raises(ConnectionTimeout) as spent:
                        client.search(index="verbatim", body={}, request_timeout=30)
                    assert opensearch_client.SPENT in str(spent.value)  # not sent
    finally:
        client.close()
        silent.close()
