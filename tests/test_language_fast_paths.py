"""Language detection's shortcuts give the answers of reading the whole sample: a long text's
first words found in its first characters, a short text's letters counted by its length, the
model asked once per repeated text."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import language
from indexer.language import (
    _WORDS,
    FIRST_WORDS,
    MIN_LETTERS,
    PREFIX,
    SAMPLE,
    classify,
    detect,
    first_words,
)
from indexer.readers import read_records
from tests.conftest import shared_path


def whole_first_words(head: str) -> list[str] | None:
    """The first words as found by reading the whole sample (the rule, written plainly)."""
    words = _WORDS.findall(head.lower())
    return words[:FIRST_WORDS] if sum(map(len, words)) >= MIN_LETTERS else None


def test_lower_case_gives_at_most_one_letter_a_character():
    # why a text shorter than MIN_LETTERS characters is known short without reading it
    more = [hex(c) for c in range(sys.maxunicode + 1)
            if sum(map(len, _WORDS.findall(chr(c).lower()))) > 1]
    assert more == []


NO_SIGMA = st.text(st.characters(blacklist_characters="\u03a3", blacklist_categories=["Cs"]))


@given(NO_SIGMA, NO_SIGMA)
def test_lower_case_of_a_text_cut_is_the_cut_of_its_lower_case(left, right):
    # why the first PREFIX characters' words are the text's first words
    assert (left + right).lower() == left.lower() + right.lower()


def test_but_for_the_capital_sigma_which_looks_at_what_follows():
    assert "ΟΔΟΣ ".lower() == "οδος "
    assert "ΟΔΟΣ".lower() + "Α".lower() != "ΟΔΟΣΑ".lower()
    # the 120th word's sigma, then case-ignorable marks up to the cut, a capital after it:
    # σ in the text, ς in its first PREFIX characters
    head = " ".join(["mot"] * (FIRST_WORDS - 1)).ljust(PREFIX - 20, ".") + " ΟΔΟΣ."
    head += "ʰ" * (PREFIX - len(head)) + "Α" + " mot" * 200
    assert first_words(head) == whole_first_words(head)
    assert first_words(head)[-1] == "οδοσ"


WORDS = st.sampled_from(["Le", "ministre", "a", "réuni", "l’État", "d'une", "région", "ΟΔΟΣ",
                         "İstanbul", "x", "2024", "les", "e", "œuvre", "–", "...", "\n\n"])


@settings(max_examples=300)
@given(st.lists(WORDS, min_size=100, max_size=400), st.sampled_from([" ", "", "  ", "-"]))
def test_first_words_are_those_of_the_whole_sample(words, glue):
    head = glue.join(words)[:SAMPLE]
    assert first_words(head) == whole_first_words(head)


@pytest.mark.parametrize("cut", range(PREFIX - 6, PREFIX + 2))
@pytest.mark.parametrize("words_before", [FIRST_WORDS - 1, FIRST_WORDS])
def test_a_word_cut_by_the_prefix_is_never_among_the_first_words(cut, words_before):
    # the 120th or 121st word runs across the first PREFIX characters' end
    head = " ".join(["mot"] * words_before).ljust(cut - 3, ".")
    head += " constitutionnellement" * 60
    assert len(head) > PREFIX
    assert first_words(head) == whole_first_words(head)


def speech_texts() -> list[str]:
    path = shared_path("vie-publique-discours", "gyab_statements_2020-11-22.csv")
    return [r.text for r in read_records(path)]


def test_speeches_get_the_first_words_and_languages_of_the_whole_sample():
    texts = speech_texts()
    assert sum(len(t) > PREFIX for t in texts) > 100
    assert [first_words(t[:SAMPLE]) for t in texts] == [
        whole_first_words(t[:SAMPLE]) for t in texts]


def test_the_model_is_asked_once_for_a_repeated_text(monkeypatch):
    english = ("The federation welcomes the decision of the commission on the Rhine and asks "
               "the member states for a common register.")
    asked = []
    model = language._model()

    class Counting:
        def classify(self, text):
            asked.append(text)
            return model.classify(text)

    monkeypatch.setattr(language, "_identifier", Counting())
    monkeypatch.setattr(language, "_classified", {})
    first = classify(english)
    assert classify(english) == first == (str(model.classify(english)[0]),
                                          float(model.classify(english)[1]))
    assert asked == [english]
    assert detect(english, stated="fr") == "en"


def test_the_remembered_answers_are_bounded(monkeypatch):
    monkeypatch.setattr(language, "_classified", {})
    monkeypatch.setattr(language, "CLASSIFIED_KEPT", 3)
    for n in range(7):
        classify(f"Texte numéro {n} du communiqué de presse.")
        assert len(language._classified) <= 3
