"""Hostile queries: whatever is typed, the parser and the search give an answer, never an
exception, and the work they do is bounded (no wildcard, fuzzy, prefix or range expansion;
a capped number of terms; a shallow query tree). No timing is asserted: the bounds are."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from whoosh import query as wq

from indexer.query import MAX_QUERY_CHARS, MAX_TERMS, ParsedQuery, parse_query
from indexer.search import MAX_PER_PAGE, SearchRequest, open_catalog, search

# Pieces of query syntax, ours and Whoosh's, and text that breaks naive code.
FRAGMENTS = [
    "*a*", "a*", "*", "?", "a~5", "a~", "~", "^2", "a^", '"', "'", "(", ")", "[", "]", "{", "}",
    "OR", "AND", "NOT", "OU", "ET", "SAUF", "TO", "-", "+", "--", ":", "::", "speaker:",
    "orateur:", "titre:(", "year:", "kind:*", "theme:\"", "text:", "exact:", "id:", "*:*",
    "\\", "/", "<script>", "&amp;", "%00", "\x00", "\x1b[31m", "\u200b", "\u202e", "\ufeff",
    "😀", "👩‍👩‍👧", "שלום", "مرحبا", "日本語", "Ω", "ǅ", "ﬁ", "l’État", "rivière", "eau", "a",
    "\n", "\t", " ",
]
fragments = st.lists(st.sampled_from(FRAGMENTS), max_size=40)
queries = st.one_of(
    st.text(max_size=200),
    fragments.map(" ".join),
    fragments.map("".join),
    st.text(alphabet=st.sampled_from('()"-+*~:?^ aORNT'), max_size=300),
)
EXPANDING = wq.MultiTerm  # Prefix, Wildcard, Regex, FuzzyTerm, Variations, TermRange


def _depth(query: wq.Query) -> int:
    if query.is_leaf():
        return 1
    return 1 + max((_depth(child) for child in query.children()), default=0)


def _terms(query: wq.Query) -> int:
    return sum(len(leaf.words) if isinstance(leaf, wq.Phrase) else 1 for leaf in query.leaves())


def assert_bounded(parsed: ParsedQuery) -> None:
    """The parsed query does a bounded amount of work, whatever was typed."""
    assert isinstance(parsed.query, wq.Query)
    leaves = list(parsed.query.leaves())
    assert not [leaf for leaf in leaves if isinstance(leaf, EXPANDING)], parsed.query
    # a word searches `title` and `text`: two terms; a phrase counts each of its words
    assert _terms(parsed.query) <= 2 * MAX_TERMS
    assert _depth(parsed.query) <= 2 * MAX_TERMS + 3
    assert len(parsed.text) <= MAX_QUERY_CHARS
    assert all(isinstance(note, str) for note in parsed.notes)


# --- the parser -----------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(text=queries, any_word=st.booleans())
@example(text="*a*", any_word=False)
@example(text="a~5", any_word=False)
@example(text="rivière " * 1250, any_word=False)
@example(text="\x00" * 50, any_word=False)
@example(text='"' * 999 + "a", any_word=True)
@example(text="(" * 999 + "a", any_word=False)
@example(text="OR AND NOT -+", any_word=False)
@example(text="😀" * 3000, any_word=False)
@example(text="(a OR (b OR (c OR (d OR (e OR (f OR (g -h)))))))", any_word=False)
def test_any_string_parses_to_a_bounded_query(text, any_word):
    assert_bounded(parse_query(text, any_word=any_word))


@pytest.mark.parametrize("text", ["*a*", "a*", "ri?ière", "a~5", "rivière~2", "[a TO z]",
                                  "{a TO z}", "title:*", "speaker:*"])
def test_wildcards_fuzzy_and_ranges_are_plain_words(text):
    parsed = parse_query(text)
    assert_bounded(parsed)
    assert all(isinstance(leaf, wq.Term | wq.Every) for leaf in parsed.query.leaves())


def test_ten_thousand_characters_are_cut_with_a_note():
    parsed = parse_query("lanceur d'alerte " * 600)
    assert_bounded(parsed)
    assert parsed.notes


def test_thousands_of_words_keep_only_the_first_ones():
    parsed = parse_query(" ".join(f"mot{i}" for i in range(5000)))
    assert_bounded(parsed)
    assert len(parsed.words) <= MAX_TERMS


# --- the search ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog(web_index_template):
    """The web tests' small index (with markup in titles and texts), opened read-only."""
    opened = open_catalog(web_index_template[1])
    yield opened
    opened.close()


MARKUP = re.compile(r"</?mark(?: class=\"[^\"<>]*\")?>")
words = st.one_of(queries, st.sampled_from(["rivière", "eau", "Claire Aubertin", "2016"]))


def assert_sane(response, request: SearchRequest) -> None:
    """A response is well-formed: bounded page, escaped snippets, plain notes."""
    assert response.total >= 0
    assert len(response.hits) <= min(request.per_page, MAX_PER_PAGE)
    for hit in response.hits:
        assert "<" not in MARKUP.sub("", hit["snippet"]), hit["snippet"]
    assert all(isinstance(note, str) for note in response.notes)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(q=words, quotes=st.booleans(), sort=st.text(max_size=8) | st.sampled_from(
    ["relevance", "date", "-date"]), page=st.integers(-10, 10**12),
    per_page=st.integers(-5, 10**6), facet=st.lists(words, max_size=3),
    date=st.text(max_size=12) | st.sampled_from(["2016", "2016-02", "2016-02-30", "0000"]))
@example(q="rivière", quotes=False, sort="relevance", page=1, per_page=10, facet=[],
         date="2016")
@example(q="<script>", quotes=True, sort="-date", page=10**12, per_page=10**6,
         facet=["<i>Malveillante</i>"], date="2016-13-45")
def test_any_search_gives_a_result(catalog, q, quotes, sort, page, per_page, facet, date):
    request = SearchRequest(q=q, speaker=facet, theme=facet, kind=facet, year=facet,
                            date_from=date, date_to=date, sort=sort, page=page,
                            per_page=per_page, quotes=quotes)
    assert_sane(search(catalog, request), request)


@pytest.mark.parametrize("q", ["*a*", "a~5", "rivière " * 1250, "\x00", '"rivière', "(((",
                               ")))", "OR AND NOT", "-", "speaker:", "😀", "שלום עולם",
                               "\u202erivière", "<script>alert(1)</script>", "texte piégé"])
def test_hostile_search_strings(catalog, q):
    request = SearchRequest(q=q)
    response = search(catalog, request)
    assert_sane(response, request)


def test_markup_in_indexed_text_is_escaped_in_snippets(catalog):
    response = search(catalog, SearchRequest(q="piégée"))
    assert response.hits
    for hit in response.hits:
        assert "<script" not in hit["snippet"] and "<b>" not in hit["snippet"]


# --- concurrent searches -----------------------------------------------------------------------


def test_concurrent_searches_on_one_catalog_never_fail(web_index_template):
    import sys
    import threading

    catalog = open_catalog(web_index_template[1])
    failures: list[str] = []
    queries = ["rivière", "eau", "sécheresse lanceurs", '"village qui se tait"', ""]

    def work(seed: int) -> None:
        for i in range(200):
            try:
                search(catalog, SearchRequest(q=queries[(seed + i) % 5], quotes=i % 3 == 0))
            except Exception as exc:  # noqa: BLE001 - any failure is the finding
                failures.append(f"{type(exc).__name__}: {exc}")

    # Switch threads far more often than every 5 ms: the race shows in seconds, not hours.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
        catalog.close()
    assert failures == []
