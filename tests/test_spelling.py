"""Spelling: unknown words get the nearest indexed word, found among a bounded set of
candidates; a name with a typo is searched corrected, with the search as typed one click away."""

from __future__ import annotations

import pytest

from indexer.search import SearchRequest, search
from indexer.spelling import (
    CORRECT_MIN_DOCS,
    MAX_WORD_CHARS,
    MAX_WORDS,
    Lexicon,
    check_spelling,
    correctable,
)

WORDS = ["darmanin", "runacher", "pannier", "secheresse", "securite", "macron", "marcheur",
         "borne", "bonne", "ministre", "ministere", "anticonstitutionnellement", "eau"]
DISPLAY = {"darmanin": "Darmanin", "runacher": "Runacher", "securite": "sécurité",
           "borne": "Borne", "secheresse": "sécheresse"}


def frequencies(**docs: int):
    """A `doc_frequency` over WORDS: 100 records each unless told otherwise."""
    table = {w: 100 for w in WORDS} | docs
    return lambda key: table.get(key, 0)


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon(WORDS, DISPLAY)


def test_a_name_with_a_doubled_letter_is_corrected(lexicon):
    found = check_spelling(lexicon, frequencies(), "Darmannin", ["Darmannin"])
    assert found.query == "Darmanin"
    assert found.corrections == [{"word": "Darmannin", "suggestion": "Darmanin"}]
    assert found.note("Darmannin") == ("Résultats pour « Darmanin » ; rechercher plutôt "
                                       "« Darmannin » tel que saisi.")


def test_a_hyphenated_name_keeps_its_other_half(lexicon):
    q = "Pannier-Runnacher transition"
    found = check_spelling(lexicon, frequencies(transition=0), q, ["Pannier", "Runnacher"])
    assert found.query == "Pannier-Runacher transition"


def test_accents_come_back_from_the_names_and_themes(lexicon):
    found = check_spelling(lexicon, frequencies(), "securte sociale", ["securte"])
    assert found.query == "sécurité sociale"


def test_as_typed_only_suggests(lexicon):
    found = check_spelling(lexicon, frequencies(), "Darmannin", ["Darmannin"], correct=False)
    assert found.query is None and found.corrections == []
    assert found.suggestions == [{"word": "Darmannin", "suggestion": "Darmanin"}]


def test_a_rare_near_word_is_suggested_not_searched(lexicon):
    rare = frequencies(secheresse=CORRECT_MIN_DOCS - 1)
    found = check_spelling(lexicon, rare, "secheresee", ["secheresee"])
    assert found.query is None
    assert found.suggestions == [{"word": "secheresee", "suggestion": "sécheresse"}]


def test_a_known_word_is_left_alone(lexicon):
    found = check_spelling(lexicon, frequencies(), "ministre", ["ministre"])
    assert (found.query, found.suggestions, found.compared) == (None, [], 0)


def test_a_capitalised_word_prefers_a_name_to_a_commoner_word(lexicon):
    # « Bornne » is one edit from « bonne » (more records) and from « Borne », a name
    found = check_spelling(lexicon, frequencies(bonne=5000), "Élisabeth Bornne", ["Bornne"])
    assert found.query == "Élisabeth Borne"
    found = check_spelling(lexicon, frequencies(bonne=5000), "une bornne idée", ["bornne"])
    assert found.query == "une bonne idée"


def test_short_and_long_words_are_never_corrected(lexicon):
    assert correctable("eaux")  # four letters: may be suggested
    found = check_spelling(lexicon, frequencies(), "eaux", ["eaux"])
    assert found.query is None  # four letters: suggested at most, never searched instead
    long_word = "anticonstitutionnellementissime" + "x" * (MAX_WORD_CHARS - 30)
    assert not correctable(long_word)
    found = check_spelling(lexicon, frequencies(), long_word, [long_word])
    assert (found.query, found.suggestions, found.compared) == (None, [], 0)


def test_only_the_first_unknown_words_are_spelled(lexicon):
    words = [f"inconnu{chr(97 + i)}" for i in range(3 * MAX_WORDS)]
    found = check_spelling(lexicon, frequencies(), " ".join(words), words)
    # each spelled word is compared with its buckets at most: the whole lexicon at worst
    assert found.compared <= MAX_WORDS * lexicon.words


def test_a_lookup_compares_its_buckets_not_the_lexicon():
    # 15,000 words of eight letters: a typo is compared with the few sharing its ends
    words = [f"{a}{b}{c}mot{e}{f}" for a in "bcdfghjklmnpqrstvwxz" for b in "aeiou"
             for c in "lmnrs" for e in "aeiou" for f in "tsrnlx"]
    lexicon = Lexicon(words)
    found = check_spelling(lexicon, lambda key: 10 if key == "balmotet" else 0, "balmoteq",
                           ["balmoteq"])
    assert found.query == "balmotet"
    assert found.compared <= lexicon.words / 10


# --- on the shared corpus, through the search function -------------------------------------------


@pytest.mark.parametrize(("typed", "searched"), [
    ("Pannier-Runnacher", "Pannier-Runacher"),
    ("Darmannin", "Darmanin"),
])
def test_names_with_a_typo_are_searched_corrected(shared_catalog, typed, searched):
    response = search(shared_catalog, SearchRequest(q=typed))
    assert response.correction is not None, response.suggestions
    assert response.correction["query"] == searched
    assert response.total > 0
    assert response.correction["note"] == (f"Résultats pour « {searched} » ; rechercher "
                                           f"plutôt « {typed} » tel que saisi.")
    as_typed = search(shared_catalog, SearchRequest(q=typed, as_typed=True))
    assert as_typed.correction is None
    assert as_typed.suggestions[0]["suggestion"] in searched


def test_a_long_unknown_word_is_answered_without_suggestion(shared_catalog):
    response = search(shared_catalog, SearchRequest(q="x" * 2000))
    assert response.total == 0 and response.correction is None
    assert response.suggestions == []
