"""Query parsing: only the syntax we support, never a wildcard or a traceback."""

import pytest
from whoosh import query as wq

from indexer.query import MAX_QUERY_CHARS, parse_query, query_terms


def fields_and_texts(q):
    return {(f, t) for f, t in q.iter_all_terms()}


def test_words_are_all_required():
    q = parse_query("lanceurs d'alerte").query
    assert isinstance(q, wq.And)
    assert fields_and_texts(q) == {
        ("title", "lanceur"), ("text", "lanceur"), ("title", "alert"), ("text", "alert"),
    }


def test_french_question_mark_is_not_a_wildcard():
    q = parse_query("Qui a dit cela ?").query
    assert not any(isinstance(x, (wq.Wildcard, wq.Prefix)) for x in q.leaves())
    assert {t for _, t in q.iter_all_terms()} == {"dit"}


def test_quoted_phrase_goes_to_the_exact_field():
    q = parse_query('"lanceur d’alerte"').query
    assert isinstance(q, wq.Phrase)
    assert q.fieldname == "exact"
    assert q.words == ["lanceur", "d'alerte"]


def test_or_and_exclusion():
    q = parse_query("sécurité OR sûreté -Luxembourg").query
    assert isinstance(q, wq.AndNot)
    assert {t for _, t in q.b.iter_all_terms()} == {"luxembourg"}


def test_hyphenated_word_is_not_an_exclusion():
    q = parse_query("Moyen-Orient").query
    assert not isinstance(q, (wq.AndNot, wq.Not))
    assert {t for _, t in q.iter_all_terms()} == {"moyen", "orient"}


@pytest.mark.parametrize(
    ("typed", "field", "value"),
    [
        ('speaker:"Jean Castex"', "speaker", "Jean Castex"),
        ("orateur:Castex", "speaker", "Castex"),
        ("thème:Eau", "theme", "Eau"),
        ("type:interview", "kind", "interview"),
    ],
)
def test_field_syntax_and_french_aliases(typed, field, value):
    q = parse_query(typed).query
    assert (field, value) in fields_and_texts(q)


@pytest.mark.parametrize(
    "typed",
    ['"unbalanced', "(a OR b", "NOT", "NOT foo", "*a*", "a~5", "title:", ":::", "^2", "ET OU"],
)
def test_malformed_queries_never_raise(typed):
    parse_query(typed)


def test_lone_exclusion_falls_back_to_plain_words_with_a_note():
    parsed = parse_query("NOT foo")
    assert parsed.fallback and parsed.notes
    assert "foo" in {t for _, t in parsed.query.iter_all_terms()}


def test_stop_words_only_are_searched_as_written():
    q = parse_query("les").query
    assert fields_and_texts(q) == {("exact", "les")}


def test_long_query_is_capped_with_a_note():
    parsed = parse_query("mot " * 5000)
    assert len(parsed.text) <= MAX_QUERY_CHARS
    assert parsed.notes


def test_highlight_terms_skip_exclusions_and_include_phrase_words():
    terms = query_terms(parse_query('"lanceurs d\'alerte" -Luxembourg').query)
    assert terms == {("text", "lanceur"), ("text", "alert")}


def test_a_hyphenated_word_of_a_pasted_passage_counts_as_plain_words():
    from indexer.query import bag_terms

    passage = parse_query("Nous avons l'avantage à ce moment-ci de pouvoir aider les étudiants")
    assert bag_terms(passage.query) == []  # as typed, « moment-ci » is its words together
    assert bag_terms(passage.query, compounds=True) == [
        "avantag", "moment", "ci", "pouvoir", "aid", "etudi"]
    # typed syntax stays syntax
    assert bag_terms(parse_query('"moment-ci" étudiants').query, compounds=True) == []
