"""Where a document's words stand in its text, as the aligning processes find them.

A reading worker sends a document's tokens without their spans (`Tokens.span` finds them
from the text when a passage needs them): the spans found so must be those of the words the
text was split into (`WORD_PATTERN`), whatever the characters around them.
"""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.analysis import WORD_PATTERN
from indexer.reuse import Tokens
from indexer.reuse import words as words_module
from indexer.reuse.words import _word_bounds, find_bounds


def _spans_as_sent(text: str) -> list[tuple[int, int]]:
    """The spans of a text's words as a process receiving its tokens finds them."""
    sent = pickle.loads(pickle.dumps(Tokens.of(text)))
    return [sent.span(i) for i in range(len(sent.words))]


def _spans_of_the_words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD_PATTERN.finditer(text)]


def _bounds_of_the_words(text: str) -> list[int]:
    return [at for span in _spans_of_the_words(text) for at in span]


def test_spans_of_elided_words_and_apostrophes_between_words():
    """« c'est », « aujourd’hui » and « L’État » are one word each; an apostrophe that does
    not stand between two letters (a quotation's, a typed accent) is no part of a word, the
    modifier letter ʼ always is."""
    text = "L’État, c'est aujourd’hui ' l'eau' ‘oui’ ´non´ Oʼ  ʼ n°412 _x_ ﬁn."
    assert _spans_as_sent(text) == _spans_of_the_words(text)
    assert [text[a:b] for a, b in _spans_as_sent(text)][:4] == \
        ["L’État", "c'est", "aujourd’hui", "l'eau"]
    # a text holding ʼ sends its spans (`Tokens.of` reads it word by word): found alone
    assert _word_bounds(text).tolist() == _bounds_of_the_words(text)
    assert _word_bounds("").size == 0


def test_spans_past_the_first_65536_characters_are_found_as_the_words_are():
    """A mathematical bold letter is a word character, an emoji is not: a text holding one
    is split by the regular expression itself."""
    text = "Le 𝐀 et l'😀 de l’𝐁ase"
    assert _spans_as_sent(text) == _spans_of_the_words(text)
    assert [text[a:b] for a, b in _spans_as_sent(text)] == ["Le", "𝐀", "et", "l", "de", "l’𝐁ase"]
    assert _word_bounds(text).tolist() == _bounds_of_the_words(text)


TEXT = st.lists(st.sampled_from(list("aeizlqnt EÉéèœŒæꝏİı'’‘ʼ´-(),.«»_0123\n\t\0")
                                + ["e\u0301", "\u0301", "ﬁ", "ß", "𝐀", "😀", "\ud800"]),
                max_size=120).map("".join)


@given(TEXT)
@settings(max_examples=500, deadline=None)
def test_spans_found_from_the_text_are_those_of_its_words(text):
    assert _spans_as_sent(text) == _spans_of_the_words(text)
    assert _word_bounds(text).tolist() == _bounds_of_the_words(text)


def _sent(text: str) -> Tokens:
    """A text's tokens as a process receiving them holds them: no spans, no bounds yet."""
    tokens = pickle.loads(pickle.dumps(Tokens.of(text)))
    tokens._spans = None
    return tokens


@given(st.lists(TEXT, max_size=8), st.integers(1, 4))
@settings(max_examples=300, deadline=None)
def test_bounds_found_for_many_texts_at_once_are_each_text_s_own(texts, at_once):
    """Texts joined a few at a time (a NUL between them, some holding NULs, astral letters
    or an emoji, some empty): each one's bounds as it alone gives them."""
    tokens = [_sent(text) for text in texts]
    original = words_module.BOUNDS_AT_ONCE
    words_module.BOUNDS_AT_ONCE = at_once
    try:
        find_bounds(tokens)
    finally:
        words_module.BOUNDS_AT_ONCE = original
    for text, found in zip(texts, tokens, strict=True):
        assert found._bounds.tolist() == _bounds_of_the_words(text)


@pytest.mark.parametrize("at_once", [1, 7, 2000])
def test_bounds_of_the_luxleaks_releases_found_at_once(shared, monkeypatch, at_once):
    """The LuxLeaks releases' word bounds found one, seven or all at a time are each
    release's own; a document whose bounds are known is left as it is."""
    monkeypatch.setattr(words_module, "BOUNDS_AT_ONCE", at_once)
    folder = shared / "luxleaks-communiques" / "markdown"
    texts = [path.read_text("utf-8") for path in sorted(folder.glob("*.md"))]
    tokens = [_sent(text) for text in texts]
    known = tokens[3]._bounds = _word_bounds(texts[3])
    find_bounds(tokens)
    assert tokens[3]._bounds is known
    for text, found in zip(texts, tokens, strict=True):
        assert found._bounds.tolist() == _bounds_of_the_words(text)
        assert [found.span(i) for i in range(len(found.words))] == _spans_of_the_words(text)


def test_spans_of_the_luxleaks_releases(shared):
    """The LuxLeaks support committee's releases (typographic apostrophes, « », contacts,
    addresses): every word's span as sent is the word's own."""
    folder = shared / "luxleaks-communiques" / "markdown"
    paths = sorted(folder.glob("*.md"))
    assert paths
    for path in paths:
        text = path.read_text("utf-8")
        assert _spans_as_sent(text) == _spans_of_the_words(text), path.name
