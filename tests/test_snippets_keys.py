"""Snippets' keys: a text's letters folded to one byte each, where the stems' starts are found
by `bytes.find` instead of one regular-expression pass each. The words found, and so every
snippet, are those the stems' patterns find (and those analysing every word finds)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from indexer import snippets
from indexer.analysis import APOSTROPHES, WORD_PATTERN, word_term
from indexer.snippets import _keys, _matches, snippet

# French as written: accents, capitals, elisions with either apostrophe, « … », ligatures,
# and what sends a text another way: a letter beyond the Latin ones (Greek, a ligature ﬁ), a
# symbol (●), a character beyond the BMP (an emoji), U+0001 (the key of `_UNLISTED`'s finds)
PIECES = ["l'alerte", "lanceurs", "d’alerte", "Lanceur", "aujourd’hui", "aujourd'hui", "’", " ",
          ", ", "-", "État", "l’État", "ÉTAT", "etat", "qu’il", "lorsqu’il", "« ", " »", "…",
          "rivière", "Œuvre", "l’œuvre", "SŒURS", "sœur", "désœuvré", "cœur", "ex æquo",
          "Cæsar", "Évidemment", "nationaux", "voyez", "2020", "_", "ﬁn", "●", "→", "λόγος",
          "😀", "\x01", "İstanbul", "ŒUVRES", "naïveté", "Noël", "ça", "Ça", "Ŝtato", "ǅ"]
TERMS = ["alert", "lanceur", "etat", "aujourd'hui", "il", "riviere", "2020", "fin", "oeuvr",
         "soeur", "coeur", "aequo", "caesar", "evident", "national", "voi", "naivet", "noel",
         "istanbul", "stato", "logo"]


def every_word(text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), t) for m in WORD_PATTERN.finditer(text)
            if (t := word_term(m.group())) in terms]


def by_patterns(text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    """`_matches` as the stems' patterns alone find them (the code before the keys)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(snippets, "_keys", lambda text: None)
        return _matches(text, terms)


def test_a_key_a_character_for_the_letters_a_stem_may_start_with():
    assert _keys("L’État, sœur") == b"l'etat, sour"
    assert _keys("Cæsar lorsqu’il") == b"casar lorsqu'il"  # æ: the key of its first letter
    assert _keys("naïveté » …") == b"naivete \x00 \x00"  # « » … are no letters: no key
    assert _keys("Ŝtato ǅ İ") == b"stato \x00 i"  # ǅ stands for no Latin letter
    assert _keys("λόγος ●") == b"\x01\x01\x01\x01\x01 \x00"  # letters `_UNLISTED` finds
    assert _keys("la joie 😀") is None  # beyond the BMP: the patterns read it
    assert _keys("\ud800") is None


def test_every_latin_stand_in_has_its_letters_key():
    for key, chars in snippets._SINGLE.items():
        if key.isascii():
            assert _keys(chars) == key.encode() * len(chars), key
    for c in APOSTROPHES:
        assert _keys(c) == b"'"


@settings(max_examples=600, deadline=None)
@given(text=st.lists(st.sampled_from(PIECES), max_size=80).map("".join),
       terms=st.sets(st.sampled_from(TERMS), min_size=1, max_size=4))
@example(text="La sœur de l’œuvre, SŒURS et désœuvré : Cæsar ex æquo.",
         terms={"soeur", "oeuvr", "caesar", "aequo"})
@example(text="Aujourd’hui, lorsqu’il parle de l’État… « aujourd'hui »",
         terms={"aujourd'hui", "etat", "il"})
def test_the_keys_find_the_words_the_patterns_find(text, terms):
    expected = every_word(text, terms)
    assert by_patterns(text, terms) == expected
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(snippets, "KEYED_TEXT", 0)  # short texts read by their keys too
        assert _matches(text, terms) == expected


LONG = [*PIECES, "Le ministre a répondu à la question du député. ",
        "La justice et l’État de droit, ", "les lanceurs d’alerte de demain ",
        "— (Applaudissements) — ", "Mme la présidente. La parole est à M. Durand. "]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(LONG), max_size=300).map("".join),
       terms=st.sets(st.sampled_from(["alert", "lanceur", "etat", "justic", "ministr", "deput",
                                      "oeuvr", "soeur", "aujourd'hui"]), min_size=1, max_size=3),
       top=st.sampled_from([1, 2]), block=st.sampled_from([37, 500, 4000]))
def test_a_long_texts_snippet_is_the_same_by_its_keys(text, terms, top, block):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(snippets, "BLOCK", block)  # words across the blocks' bounds
        patch.setattr(snippets, "SHORT_TEXT", 0)  # read block by block
        patch.setattr(snippets, "_keys", lambda text: None)
        before = snippet(text, terms, top)
        patch.undo()
        patch.setattr(snippets, "BLOCK", block)
        patch.setattr(snippets, "SHORT_TEXT", 0)
        assert snippet(text, terms, top) == before


def test_a_snippet_without_a_match_is_escaped_as_before():
    assert snippet("Il a dit « <non> » & s’en va.", {"alert"}) == \
        "Il a dit « &lt;non&gt; » &amp; s&#x27;en va." .replace("&#x27;", "’")
    assert snippet("Rien à signaler ici.", {"alert"}) == "Rien à signaler ici."
