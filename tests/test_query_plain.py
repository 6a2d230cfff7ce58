"""The plain-word path of `parse_query`: the very query Whoosh's parser builds, sooner.

A query of plain words (no sign, quote, parenthesis, colon, operator…) skips the parser's
tagging and filtering; everything else still goes through the parser. Either way the user
gets the same query, compared with `==`, `repr` and attribute by attribute.
"""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import query as qmod
from indexer.query import _AND_PARSER, _OR_PARSER, _plain_query, parse_query

QUERIES = Path(__file__).resolve().parent.parent / "bench" / "queries-v1.json"

# French queries of the tests and the doc: elisions, hyphens, accents, digits, « ? ».
FRENCH = [
    "Comment protéger les lanceurs d'alerte ?", "Qui a dit cela ?", "lanceurs d'alerte",
    "Moyen-Orient", "moment-ci", "prix de l'énergie", "énergie", "les", "l'état",
    "aujourd'hui", "l’État aujourd’hui", "peut-être", "a-t-il ajouté", "Jean-Marc Ayrault",
    "budget 2024", "loi n° 2013-404", "COP21", "Qui a dit ?", "état?", "?", "qu'est-ce que",
    "Nous avons l'avantage à ce moment-ci de pouvoir aider les étudiants",
    "ministre et président", "sécurité ou sûreté", "Élysée  Matignon",
]


def full_parse(text, any_word=False):
    """What `parse_query` returns with every query sent to the full parser."""
    saved = qmod._plain_query
    qmod._plain_query = lambda parser, text: None
    try:
        return parse_query(text, any_word=any_word)
    finally:
        qmod._plain_query = saved


def anatomy(q):
    """A query as its class and every attribute, down to its leaves: `==` and `repr` leave out
    an Or's scale, which changes its scores, and the characters a term was read from."""
    subs = q.subqueries if hasattr(q, "subqueries") else ()
    attrs = {k: v for k, v in vars(q).items() if k != "subqueries"}
    return type(q), sorted(attrs.items()), [anatomy(s) for s in subs]


def assert_same(text):
    for any_word in (False, True):
        fast, full = parse_query(text, any_word=any_word), full_parse(text, any_word=any_word)
        assert fast == full, text
        assert repr(fast.query) == repr(full.query), text
        assert anatomy(fast.query) == anatomy(full.query), text
        parser = _OR_PARSER if any_word else _AND_PARSER
        plain = _plain_query(parser, text)
        if plain is not None:
            assert anatomy(plain) == anatomy(parser.parse(text)), text


@pytest.mark.parametrize("text", FRENCH)
def test_french_word_queries_parse_as_the_parser_does(text):
    assert_same(text)


@pytest.mark.parametrize("text", ["l'état aujourd'hui", "peut-être", "Qui a dit ?",
                                  "budget 2024", "les", "ministre et président"])
def test_plain_words_take_the_fast_path(text):
    assert _plain_query(_AND_PARSER, text) is not None
    assert _plain_query(_OR_PARSER, text) is not None


@pytest.mark.parametrize("text", [
    '"lanceur d’alerte"', "ministre -procédure", "+ministre", "sécurité OR sûreté",
    "ministre ET président", "NOT foo", "SAUF Luxembourg", "(énergie)", "orateur:Macron",
    "année:2013", "pétrole*", "a~", "prix^2", "ministre.", "dit, « non »", "a\tb",
])
def test_syntax_goes_to_the_parser(text):
    assert _plain_query(_AND_PARSER, text) is None
    assert_same(text)


def test_benchmark_mix_parses_as_the_parser_does():
    texts = [q["q"] for q in json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
             if q.get("q")]
    for text in texts:
        assert_same(text)
    # the word kinds of the mix are plain words: they do take the fast path
    words = [q["q"] for q in json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
             if q["kind"] in ("word", "two_words", "three_words")]
    fast = [t for t in words if _plain_query(_AND_PARSER, t.strip()) is not None]
    assert len(fast) >= len(words) * 0.9


WORD = st.text(alphabet="aeéèçlnstuAÉOU019'’-?_", min_size=1, max_size=8)
OPERATOR = st.sampled_from(["AND", "ET", "OR", "OU", "NOT", "SAUF", "et", "ou", "Not"])
SYNTAX = st.sampled_from(['"', "(", ")", ":", "+", "-", "*", "~", "^", " ", "  ", "«", "."])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(WORD, OPERATOR), min_size=1, max_size=6))
def test_generated_word_queries_parse_as_the_parser_does(words):
    assert_same(" ".join(words))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(WORD, OPERATOR, SYNTAX), min_size=1, max_size=8))
def test_generated_queries_with_syntax_parse_as_the_parser_does(parts):
    assert_same("".join(parts))
