"""One word's term without the chain: `word_term` runs the French chain's steps one call each
for a word the tokenizer matches whole; its term must be the chain's, word for word."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from indexer.analysis import WORD_PATTERN, fast_terms, french_chain, stemmed_terms, word_term
from indexer.readers import read_records
from tests.conftest import shared_path


def chain_term(word: str) -> str | None:
    """The chain's own answer for one word: its one token's text, None when it drops it."""
    terms = [t.text for t in french_chain()(word)]
    return terms[0] if len(terms) == 1 else None


def computed(word: str) -> str | None:
    """`word_term` computed again, not read back from its cache."""
    return word_term.__wrapped__(word)


@pytest.mark.parametrize(("word", "term"), [
    ("L’État", "etat"),           # elision, folding
    ("QU'IL", None),               # an upper-case elision, then a stop word
    ("jusqu’à", None),
    ("d'aujourd'hui", "aujourd'hui"),
    ("Décentralisées", "decentralis"),  # the feminine plural participle, folded
    ("armée", "arme"),             # too short for the participle rule: Snowball's -ee
    ("Été", "ete"),                # the season stays
    ("Œuvres", "oeuvr"),
    ("2015", "2015"),
    ("ΣΟΦΟΣ", "σοφος"),            # Greek: the final sigma of str.lower
    ("İstanbul", "istanbul"),      # a capital whose lower case is two characters
])
def test_real_words_as_the_chain_makes_them(word, term):
    assert computed(word) == chain_term(word) == term


@pytest.mark.parametrize("text", ["", " ", "l'", "deux mots", "-", "L’État s’engage"])
def test_anything_but_one_word_goes_through_the_chain(text):
    assert computed(text) == chain_term(text)


WORD_LETTERS = "aeéèêëiïoôuùçœæAEÉÈÊIÎOÔUÇŒÆlLdDjJnNsStTcCmMqQ12_ΣσßİıǅﬁÅ"


@given(st.text(alphabet=WORD_LETTERS, min_size=1, max_size=14),
       st.lists(st.tuples(st.sampled_from("'’‘ʼ´"),
                          st.text(alphabet=WORD_LETTERS, min_size=1, max_size=10)),
                max_size=2))
@example("Lorsqu", [("’", "Elles")])
@example("protegees", [])
def test_any_word_gives_the_chains_term(head, tails):
    word = head + "".join(mark + tail for mark, tail in tails)
    assert WORD_PATTERN.fullmatch(word)
    assert computed(word) == chain_term(word)


def test_every_word_of_a_speech_file_as_the_chain_makes_it():
    path = shared_path("vie-publique-discours", "gyab_statements_2020-11-22.csv")
    words = {w for record in read_records(path) for w in WORD_PATTERN.findall(record.text)}
    assert len(words) > 5_000
    assert {w: computed(w) for w in words} == {w: chain_term(w) for w in words}


def test_fast_terms_are_the_analyzers_terms_on_a_communique():
    path = shared_path("luxleaks-communiques")
    texts = [r.text for f in sorted(path.rglob("*.md"))[:20] for r in read_records(f)]
    assert texts
    assert [fast_terms(t) for t in texts] == [stemmed_terms(t) for t in texts]


def test_fast_terms_kept_words_give_the_analyzers_terms_again_and_after_a_clearing(monkeypatch):
    import indexer.analysis as analysis

    path = shared_path("luxleaks-communiques")
    texts = [r.text for f in sorted(path.rglob("*.md"))[:10] for r in read_records(f)]
    expected = [stemmed_terms(t) for t in texts]
    monkeypatch.setattr(analysis, "_TERMS", {})
    assert [fast_terms(t) for t in texts] == expected  # the words met as they come
    assert [fast_terms(t) for t in texts] == expected  # all of them kept
    assert analysis._TERMS["les"] == ""  # a stop word kept as dropped
    monkeypatch.setattr(analysis, "_TERMS", {})
    monkeypatch.setattr(analysis, "TERMS_KEPT", 300)  # cleared text after text
    most = 300 + max(len(set(WORD_PATTERN.findall(t))) for t in texts)  # and one text's words
    for text, terms in zip(reversed(texts), reversed(expected), strict=True):
        assert fast_terms(text) == terms
        assert len(analysis._TERMS) <= most


def test_fast_terms_keep_a_term_that_would_be_empty(monkeypatch):
    # no word stems to "" today; were one to, the text keeps it as the analyzer's terms would
    import indexer.analysis as analysis

    monkeypatch.setattr(analysis, "_TERMS", {})
    real = analysis.word_term
    monkeypatch.setattr(analysis, "word_term", lambda w: "" if w == "d'hui" else real(w))
    assert fast_terms("Les élus d'hui et d'aujourd'hui") == ["elus", "", "aujourd'hui"]
    assert fast_terms("Les élus d'hui et d'aujourd'hui") == ["elus", "", "aujourd'hui"]
    assert "d'hui" not in analysis._TERMS
