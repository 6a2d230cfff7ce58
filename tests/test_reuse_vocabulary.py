"""The aligning jobs' words as one vocabulary (issue 15): a document's words are the
characters of one string, a code a distinct word (`Vocabulary`), so that the alignment
compares strings; the token processes send codes of their own vocabularies, joined into the
parent's as their messages arrive (`tokens_sent`, `TokensReceived`), and the aligning
processes forked later share it. Past the vocabulary's bound a document keeps its words as
strings: the passages found are the same, whatever the vocabulary held before."""

from __future__ import annotations

import multiprocessing
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import reuse
from indexer.analysis import passage_words
from indexer.reuse import passages as passages_module
from indexer.reuse import words as words_module


def _releases(shared) -> list[str]:
    folder = shared / "luxleaks-communiques" / "markdown"
    return [path.read_text("utf-8") for path in sorted(folder.glob("*.md"))]


@pytest.fixture
def vocabulary(monkeypatch):
    """Make a fresh vocabulary of at most `limit` words this process's (and a fresh table of
    the words as the folded text gives them, whose codes are the vocabulary's)."""
    def fresh(limit: int = words_module.CODES) -> words_module.Vocabulary:
        made = words_module.Vocabulary(limit)
        monkeypatch.setattr(words_module, "_VOCABULARY", made)
        monkeypatch.setattr(words_module, "_RUN_WORDS", words_module._RunWords())
        return made
    return fresh


def _found(folder, texts: list[str]) -> tuple[list, int, list]:
    """The matches one process finds among texts, the boilerplate count, and each text's
    words as the alignment compared them."""
    update = reuse.ReuseUpdate(folder, 1, 1)
    update._state = reuse.ReuseState()
    update.tokens = {slot: reuse.Tokens.of(text) for slot, text in enumerate(texts)}
    update.texts = dict(enumerate(texts))
    update._match(sorted(update.tokens))
    return sorted(update.found), update.state.dropped, \
        [update.tokens[slot].coded for slot in sorted(update.tokens)]


def test_a_document_s_words_are_one_character_a_distinct_word(shared, vocabulary):
    """The LuxLeaks releases: a release's words as characters, the same word the same
    character in every release, and back to the words as the text reads them."""
    vocabulary()
    texts = _releases(shared)
    tokens = [reuse.Tokens.of(text) for text in texts]
    seen: dict[str, str] = {}
    for text, t in zip(texts, tokens, strict=True):
        words = [w for w, _, _ in passage_words(text)]
        assert isinstance(t.coded, str) and len(t.coded) == len(words)
        assert t.words == words
        for word, code in zip(words, t.coded, strict=True):
            assert seen.setdefault(word, code) == code
    assert len(set(seen.values())) == len(seen) > 1000


def test_codes_skip_the_surrogates_and_the_passages_found_are_the_same(shared, vocabulary,
                                                                       tmp_path):
    """Codes are characters (rapidfuzz cannot take a surrogate, 0xD800 to 0xDFFF, in a
    string): a vocabulary that already holds 0xD800 - 5 words gives the releases' words
    codes past them, and the alignment finds what it finds with codes from 0."""
    texts = _releases(shared)
    vocabulary()
    expected = _found(tmp_path / "a", texts)
    full = vocabulary()
    for n in range(0xD800 - 5):
        full[f"mot{n}"]
    found = _found(tmp_path / "b", texts)
    assert found[:2] == expected[:2] and len(expected[0]) > 100
    codes = {ord(c) for coded in found[2] for c in coded}
    assert min(codes) >= 0xD7FB and max(codes) > 0xE000 and not codes & set(range(0xD800, 0xE000))
    assert full.words[0xD7FA] == "mot55290" and full.words[0xE000] is not None
    assert full.words[0xD800:0xE000] == [None] * 0x800


@pytest.mark.parametrize("first", [3, 30])
def test_past_the_bound_documents_keep_their_words_and_the_passages_are_the_same(
        shared, vocabulary, tmp_path, first):
    """A vocabulary of the words of the `first` releases only (the bound is the characters
    there are, 1,112,064): the releases holding a word past it keep their words as strings,
    aligned as words with any other release, and the same passages are found as when every
    word has a code."""
    texts = _releases(shared)
    limit = len({w for text in texts[:first] for w, _, _ in passage_words(text)})
    vocabulary()
    expected = _found(tmp_path / "a", texts)
    bounded = vocabulary(limit)
    found = _found(tmp_path / "b", texts)
    assert found[:2] == expected[:2] and len(expected[0]) > 100
    kinds = {type(coded) for coded in found[2]}
    assert kinds == {str, list} and len(bounded) == limit
    for coded, text in zip(found[2], texts, strict=True):
        assert reuse.Tokens.of(text).words == [w for w, _, _ in passage_words(text)]
        if isinstance(coded, list):
            assert coded == [w for w, _, _ in passage_words(text)]


CHUNK = 5
_MET: set[int] = set()  # the token processes past their meeting (each its own copy)


def _sent(start: int) -> tuple:
    """A token process's message for `CHUNK` texts. Each process's first waits for the
    other's first to begin: both processes take some, however late one starts (a sleep in
    each chunk left it to the machine's load; the second process held back 1.5 s after its
    fork, the first took every chunk)."""
    texts, base, both = reuse.forked_state()
    if os.getpid() not in _MET:
        both.wait(timeout=60)  # a deadline against a hang
        _MET.add(os.getpid())
    return reuse.tokens_sent(texts[start:start + CHUNK], base)


def _received(texts: list[str]) -> tuple[list[reuse.Tokens], reuse.TokensReceived]:
    received = reuse.TokensReceived()
    found: list[reuse.Tokens] = []
    both = multiprocessing.get_context("fork").Barrier(2)
    for message in reuse.forked(_sent, range(0, len(texts), CHUNK), 2,
                                (texts, received.base, both)):
        found += received(message, texts[len(found):len(found) + CHUNK])
    return found, received


def test_tokens_sent_by_two_processes_are_coded_as_this_process_codes_them(shared, vocabulary):
    """The releases' tokens made in two processes, each numbering the words it meets first
    after those this process knew when it forked them: once received, each release's words
    are the characters this process gives them, its spans and fingerprints its own."""
    texts = _releases(shared)
    vocabulary()
    for text in texts[:4]:  # words known before the processes are forked
        reuse.Tokens.of(text)
    found, received = _received(texts)
    assert received.base > 100 and len(received._tables) == 2
    assert all(len(words) > 100 for _, words in received._tables.values())
    for text, tokens in zip(texts, found, strict=True):
        own = reuse.Tokens.of(text)
        assert isinstance(tokens.coded, str) and tokens.coded == own.coded
        assert tokens.words == [w for w, _, _ in passage_words(text)]
        assert (tokens.spans, tokens.hashes.tolist(), tokens.valid.tolist(), tokens.text) == \
            (own.spans, own.hashes.tolist(), own.valid.tolist(), text)


def test_tokens_sent_past_the_bound_keep_their_words(shared, vocabulary):
    """A vocabulary full soon after the processes fork (theirs too, and this one once it
    has taken the first words they send): a release holding a word that has no code, there
    or here, keeps its words; the others are coded as this process codes them."""
    texts = _releases(shared)
    vocabulary()
    for text in texts[:4]:
        reuse.Tokens.of(text)
    words_module._VOCABULARY.limit = len(words_module._VOCABULARY) + 150
    found, _ = _received(texts)
    kinds = set()
    for text, tokens in zip(texts, found, strict=True):
        assert tokens.words == [w for w, _, _ in passage_words(text)]
        kinds.add(type(tokens.coded))
        if isinstance(tokens.coded, str):
            assert tokens.coded == reuse.Tokens.of(text).coded
    assert kinds == {str, list}


@given(st.data())
@settings(max_examples=200, deadline=None)
def test_a_passage_s_procedure_told_from_its_codes_as_from_its_words(shared_texts, data):
    """`_procedural` counts the roles of a passage's codes as `procedure` counts its words'."""
    text = data.draw(st.sampled_from(shared_texts))
    tokens = reuse.Tokens.of(text)
    n = len(tokens.coded)
    a0 = data.draw(st.integers(0, max(n - 1, 0)))
    a1 = data.draw(st.integers(a0, min(n, a0 + 80)))
    assert passages_module._procedural(tokens.coded[a0:a1]) == \
        reuse.procedure(tokens.words[a0:a1])
    assert passages_module._procedural(tokens.words[a0:a1]) == \
        reuse.procedure(tokens.words[a0:a1])


def test_a_formula_of_the_chair_read_as_its_roles_letters():
    """A passage's codes translated to their roles: « o » a stop word, a single letter or a
    number, « p » a word of a sitting's procedure, « c » another; mostly « p »: procedure."""
    formula = reuse.Tokens.of("La parole est à M. le rapporteur, pour le 2e amendement.")
    roles = formula.coded.translate(passages_module._CodeRoles(words_module._VOCABULARY))
    assert formula.words == ["la", "parole", "est", "a", "m", "le", "rapporteur", "pour", "le",
                             "2e", "amendement"]
    assert roles == "opoooopoocp"  # « 2e » is no number
    assert passages_module._procedural(formula.coded)
    speech = reuse.Tokens.of("Nous ne laisserons aucun village sans eau, monsieur le ministre.")
    assert not passages_module._procedural(speech.coded)


@pytest.fixture(scope="module")
def shared_texts():
    """LuxLeaks releases and a sitting of the Assemblée (procedure's words)."""
    from tests.conftest import shared_path

    folder = shared_path("luxleaks-communiques", "markdown")
    texts = [path.read_text("utf-8") for path in sorted(folder.glob("*.md"))[:20]]
    sitting = shared_path("an-mariage-pour-tous-2013-tei", "20130118.xml").read_text("utf-8")
    return texts + [sitting[k:k + 20_000] for k in range(0, 200_000, 20_000)]


def test_a_passage_copied_into_several_releases_is_told_once(monkeypatch):
    """The same passage found in three releases (and one with another word) is searched
    for a contact block once a process (`_Told`, as `_CONTACTS` does); past the bound the
    passages are told again, the same."""
    assert passages_module._CONTACTS.tell is passages_module._contact
    texts = ["Contact presse : Jeanne Martin, 06 12 34 56 78"] * 3 + \
        ["Contact presse : Jeanne Martine, 06 12 34 56 78", "Nous ne laisserons aucun village"]
    for limit, searched in ((100, [0, 3, 4]), (1, [0, 3, 4]), (2, [0, 3, 4])):
        monkeypatch.setattr(passages_module._Told, "LIMIT", limit)
        told: list[str] = []
        contacts = passages_module._Told(lambda text, told=told: told.append(text) or
                                         passages_module._contact(text))
        assert [contacts[t] for t in texts] == [True] * 4 + [False]
        assert told == [texts[n] for n in searched] and len(contacts) <= limit
        assert contacts[texts[0]] and told[-1] == (texts[0] if limit < 3 else texts[4])


def test_a_passage_s_codes_are_told_again_in_another_vocabulary(monkeypatch):
    """A passage's codes told procedure in one vocabulary mean other words in another: the
    verdict is told again there (the codes told are the vocabulary's own)."""
    formula = reuse.Tokens.of("La parole est à M. le rapporteur, pour le 2e amendement.")
    assert passages_module._procedural(formula.coded)
    other = words_module.Vocabulary()
    for n in range(len(words_module._VOCABULARY.words)):  # the same codes, content words
        other[f"village{n}"]
    words = formula.words
    monkeypatch.setattr(words_module, "_VOCABULARY", other)
    assert formula.words == [f"village{ord(c)}" for c in formula.coded] != words
    assert not passages_module._procedural(formula.coded)
