"""The first step of the reuse groups: a document's words and their fingerprints (`Tokens`).

A document written in a run (`ReuseUpdate.add`, or the reading workers beforehand:
`indexer.indexing`) is split into its passage words, each with its character span, and each
run of `GRAM` words is given a 32-bit fingerprint; the runs between parentheses (stage
directions, procedure) and the runs of stop words only do not count. Next step: the
documents that share rare fingerprints are paired (`indexer.reuse.pairs`).
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache

import numpy as np

from indexer.analysis import (
    APOSTROPHES,
    COMBINING,
    STOP_WORDS,
    WORD_PATTERN,
    fold,
    passage_word,
    passage_words,
)

# Words per fingerprint: four keeps chance matches rare and survives one changed word in
# every five (measured against 3 and 5 in bench/reuse.py).
GRAM = 4


def _stable(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


@lru_cache(maxsize=400_000)
def _word_hash(word: str) -> int:
    return _stable(word)


_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=400_000)
def _run_word(word: str) -> int:
    # numbers do not make a formula rare: « l'amendement n° 412 », « la ligne 29, page 7 »
    return _word_hash(_DIGITS.sub("0", word))


_MULT = np.uint64(0x100000001B3)


def fingerprints(words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return the fingerprint of every run of `GRAM` words, and which runs count.

    A run of stop words only (« il y a de ») counts for nothing. Fingerprints are 32 bits:
    a chance collision only adds a candidate that the alignment then refuses.

    >>> h, ok = fingerprints("nous ne laisserons aucun village sans eau".split())
    >>> len(h), ok.tolist()
    (4, [True, True, True, True])
    >>> fingerprints("nous ne laisserons".split())[0].size
    0
    """
    n = len(words) - GRAM + 1
    if n <= 0:
        return np.zeros(0, np.uint32), np.zeros(0, bool)
    w = np.fromiter((_run_word(x) for x in words), np.uint64, len(words))
    stop = np.fromiter((x in STOP_WORDS for x in words), bool, len(words))
    return _runs(w, stop, n)


def _runs(w: np.ndarray, stop: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the `n` run fingerprints of word hashes `w`, and which runs hold a content word.

    In place after the first product (a document's ~65 words make each numpy call's own cost
    the larger part): ~8 → ~5 µs a document of `250k`. Arrays' integer products wrap
    without a warning (only numpy's scalars warn).
    """
    h = w[:n] * _MULT
    for k in range(1, GRAM - 1):
        h += w[k:n + k]
        h *= _MULT
    h += w[GRAM - 1:n + GRAM - 1]
    h >>= np.uint64(32)
    only_stop = stop[:n] & stop[1:n + 1]
    for k in range(2, GRAM):
        only_stop &= stop[k:n + k]
    return h.astype(np.uint32), ~only_stop


class _RunWords(dict):
    """A word as the folded, lowercase text gives it → its number in `hashes` (its run hash),
    `stop` (whether its passage word is a stop word) and `code` (its passage word's code in
    the vocabulary, `_VOCABULARY`); its passage word beside (`word`).

    Filled on first sight of each distinct word, so that a document's words map to their
    numbers in one C-level pass (`map(__getitem__)`), then to hashes and stop words by two
    numpy takes (one pass of the dictionary instead of two: ~8 → ~4.5 µs a document of
    `250k`); emptied when it grows past `LIMIT` words.
    """

    LIMIT = 1_000_000

    def __init__(self):
        super().__init__()
        self.word: dict[str, str] = {}
        self.hashes = np.zeros(1024, np.uint64)  # the first len(self) are in use
        self.stop = np.zeros(1024, bool)
        self.code = np.zeros(1024, np.uint32)

    def bound(self) -> None:
        """Empty the table when full (between documents: a long-lived indexer, --watch,
        must not grow forever)."""
        if len(self) >= self.LIMIT:
            self.clear()
            self.word.clear()

    def __missing__(self, raw: str) -> int:
        # raw is folded and lowercase already, a ligature as its stand-in: the elision goes
        word = passage_word(raw if raw.isascii() else raw.replace("ꝏ", "œ").replace("ꜳ", "æ"))
        self[raw] = number = len(self)
        if number == self.hashes.size:
            self.hashes = np.concatenate([self.hashes, np.zeros(number, np.uint64)])
            self.stop = np.concatenate([self.stop, np.zeros(number, bool)])
            self.code = np.concatenate([self.code, np.zeros(number, np.uint32)])
        self.hashes[number], self.stop[number] = _run_word(word), word in STOP_WORDS
        self.code[number] = _VOCABULARY[word] & _NO_CODE  # -1 (no code) as _NO_CODE
        self.word[raw] = word
        return number


# The characters a word's code can be (`Vocabulary`): every code point but the surrogates
# (0xD800 to 0xDFFF), which rapidfuzz cannot take in a string (nor UTF-32 decode).
_SURROGATES = 0xD800, 0xE000
CODES = 0x110000 - (_SURROGATES[1] - _SURROGATES[0])  # 1,112,064
_NO_CODE = 0xFFFFFFFF  # a word given no code, in an array of codes (UTF-32 cannot decode it)


class Vocabulary(dict):
    """A passage word → its code: the code point of the character that stands for it in a
    document's words as one string (`Tokens.coded`), so that the alignment compares
    strings (rapidfuzz compares a string's characters in C; a list of words it hashed word
    by word, ~1.1 µs a window of ~25 words where a string takes ~0.35 µs) and a document's
    words need no string of each.

    One vocabulary a process (`_VOCABULARY`), kept as long as it lives: its codes are
    those of every document coded in it. The codes are numbered as words come, the
    surrogates skipped; past `limit` words (the characters there are, `CODES`) a word is
    given none (-1), and a document holding such a word keeps its words as a list of
    strings (`Tokens.coded`: the alignment then compares lists, as before). Bounded so, it
    holds ~100-150 MB at most (a long-lived indexer, --watch, does not grow past it).
    """

    def __init__(self, limit: int = CODES):
        super().__init__()
        self.words: list[str | None] = []  # by code (None: a surrogate's)
        self.limit = limit

    def __missing__(self, word: str) -> int:
        if len(self) >= self.limit:
            return -1  # not kept: the vocabulary stays full
        code = len(self.words)
        if code == _SURROGATES[0]:
            self.words += [None] * (_SURROGATES[1] - _SURROGATES[0])
            code = _SURROGATES[1]
        self.words.append(word)
        self[word] = code
        return code

    def coded(self, words: list[str]) -> str | None:
        """Return words as the string of their codes, None when one has none."""
        codes = np.fromiter(map(self.__getitem__, words), np.int64, len(words))
        return _decoded(codes.astype(np.uint32))


def _decoded(codes: np.ndarray) -> str | None:
    """Return codes (uint32) as the string of their characters, None when one is no code
    (`_NO_CODE`, and -1 as uint32 is it)."""
    try:
        return codes.tobytes().decode("utf-32-le")
    except UnicodeDecodeError:
        return None


_VOCABULARY = Vocabulary()
_RUN_WORDS = _RunWords()

# Passage words counted by role in a process (`indexer.reuse.passages`): emptied past this.
SHARED_WORDS_LIMIT = 1_000_000


# The text between words, then a word, in turn (`Tokens.span`): the regular expression of a
# word as one group, so that `split` gives both.
_GAPS_AND_WORDS = re.compile(f"({WORD_PATTERN.pattern})", WORD_PATTERN.flags)


def _word_bounds(text: str) -> np.ndarray:
    """Return where each word of `WORD_PATTERN` starts and ends in a text, in turn.

    Told from each character's kind (`_char_kinds`: a word character, an apostrophe,
    another) over the text's code points: ~23 → ~12 µs a document of `250k`, where a
    regular-expression split of the text made a string of each gap and each word. Read as
    UTF-16 (two bytes a character, no pass for the largest one: ~13.5 → ~11 µs a text of the
    documents an aligning job of `250k` finds spans in); a text holding a character past the
    first 65,536 (two UTF-16 units) is split as before.

    >>> _word_bounds("L’État, c'est  nous.").tolist()
    [0, 6, 8, 13, 15, 19]
    """
    codes = np.frombuffer(f"\0{text}\0".encode("utf-16-le", "surrogatepass"), np.uint16)
    if codes.size != len(text) + 2:
        parts = _GAPS_AND_WORDS.split(text)  # the lengths of its gaps and words, added up
        return np.cumsum(np.fromiter(map(len, parts), np.int32, len(parts))[:-1],
                         dtype=np.int32)
    return _changes(codes)


def find_bounds(tokens: list[Tokens]) -> None:
    """Find the word bounds (`_word_bounds`) of the documents among `tokens` that will need
    them (`Tokens.span`), `BOUNDS_AT_ONCE` texts at a time joined by a NUL (no word's
    character): one pass of numpy over many texts where each text's own took ~12 µs of
    calls. A text holding a character past the first 65,536 is split alone."""
    wanted = [t for t in tokens if t._spans is None and t._bounds is None]
    for n in range(0, len(wanted), BOUNDS_AT_ONCE):
        some = wanted[n:n + BOUNDS_AT_ONCE]
        texts = [t._text for t in some]
        joined = "\0".join(texts)
        codes = np.frombuffer(f"\0{joined}\0".encode("utf-16-le", "surrogatepass"), np.uint16)
        if codes.size != len(joined) + 2:
            for t in some:
                t._bounds = _word_bounds(t._text)
            continue
        every = _changes(codes)
        # text k stands from starts[k] in the joined text; no word crosses a NUL
        sizes = np.fromiter(map(len, texts), np.int64, len(texts))
        starts = np.cumsum(sizes + 1) - sizes - 1
        cuts = np.searchsorted(every, np.r_[starts, len(joined) + 1]).tolist()
        for t, start, lo, hi in zip(some, starts.tolist(), cuts, cuts[1:], strict=False):
            t._bounds = every[lo:hi] - start


# Texts whose word bounds `find_bounds` finds at once (~1,500 characters each at `1m`: a few
# MB of arrays at a time).
BOUNDS_AT_ONCE = 2000


def _changes(codes: np.ndarray) -> np.ndarray:
    """Return where a word starts or ends in text between NULs (`codes`, its UTF-16 units
    with a NUL first and last), as places in the text without its first NUL."""
    kind = _char_kinds()[codes]
    word = kind == _WORD_CHAR
    # an apostrophe between two word characters is in the word (« c'est », « aujourd’hui »)
    word[1:-1] |= (kind[1:-1] == _APOSTROPHE) & word[:-2] & word[2:]
    # the text stands between two characters of no word (\0): a word starts at a change
    # from none to a word character, ends at the change back
    return np.flatnonzero(word[1:] != word[:-1]).astype(np.int32)


_WORD_CHAR, _APOSTROPHE = 1, 2


@lru_cache(maxsize=1)
def _char_kinds() -> np.ndarray:
    """Return the kind of each of the first 65,536 characters: a word character (the
    regular expressions' \\w, which `WORD_PATTERN` reads), an apostrophe, or neither (0)."""
    every = "".join(map(chr, range(0x10000)))
    kinds = np.zeros(len(every), np.uint8)
    kinds[[m.start() for m in re.finditer(r"\w", every)]] = _WORD_CHAR
    kinds[[ord(a) for a in APOSTROPHES if kinds[ord(a)] != _WORD_CHAR]] = _APOSTROPHE  # not ʼ
    return kinds


class Tokens:
    """A document's passage words, their character spans and fingerprints.

    The words are kept as the string of their codes in the process's vocabulary (`coded`:
    a character a word, `Vocabulary`), or as a list of strings when one has no code (the
    vocabulary full). Pickled with its words as one string (and coded again in the
    process that unpickles it); the reuse step's token processes send codes instead, joined
    into the parent's vocabulary as they arrive (`tokens_sent`, `TokensReceived`).
    """

    __slots__ = ("_bounds", "_spans", "_text", "coded", "hashes", "valid")

    def __init__(self, coded: str | list[str], spans: list[tuple[int, int]] | None, text: str,
                 hashes: np.ndarray, valid: np.ndarray):
        # the words as the alignment compares them: the string of their codes in this
        # process's vocabulary, or the list of the words when one has no code (compared
        # only with another list)
        self.coded = coded
        self._spans, self._text = spans, text
        self._bounds: np.ndarray | None = None  # see `span`
        self.hashes, self.valid = hashes, valid

    @property
    def words(self) -> list[str]:
        """Return the passage words."""
        if isinstance(self.coded, list):
            return self.coded
        return list(map(_VOCABULARY.words.__getitem__, map(ord, self.coded)))

    @property
    def text(self) -> str:
        """Return the text the tokens are of."""
        return self._text

    def __getstate__(self):
        # a word holds no space: `WORD_PATTERN` finds none, folding and elision add none
        # the arrays as bytes: numpy's own pickling costs ~10 µs an array
        return (" ".join(self.words), self._spans, self._text, self.hashes.tobytes(),
                self.valid.tobytes())

    def __setstate__(self, state) -> None:
        joined, self._spans, self._text, hashes, valid = state
        self.hashes, self.valid = np.frombuffer(hashes, np.uint32), np.frombuffer(valid, bool)
        words = joined.split(" ") if joined else []
        coded = _VOCABULARY.coded(words)
        self.coded = coded if coded is not None else words
        self._bounds = None

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Return each word's character span in the text (found when asked for: a document
        is fingerprinted whole, but few of them hold a match)."""
        if self._spans is None:
            return [m.span() for m in WORD_PATTERN.finditer(self._text)]
        return self._spans

    def span(self, i: int) -> tuple[int, int]:
        """Return word `i`'s character span, the spans kept as one array of their ends.

        As a list of tuples the spans took ~6.5 KB a document of the `250k` corpus, kept
        in each aligning process for every document it had matched: ~1.6 GB a process at
        `250k`, four times that at `1m`; the array takes 8 bytes a word.
        """
        if self._spans is not None:
            return self._spans[i]
        if self._bounds is None:
            self._bounds = _word_bounds(self._text)
        return int(self._bounds[2 * i]), int(self._bounds[2 * i + 1])

    @classmethod
    def of(cls, text: str) -> Tokens:
        """Return the tokens of a text; words between parentheses make no fingerprint.

        Parentheses hold the record's stage directions and procedure (« (Applaudissements
        sur les bancs du groupe SRC.) », « (La motion, mise aux voix, est adoptée.) »),
        which recur in every sitting.

        >>> t = Tokens.of("L’État, aujourd’hui (Applaudissements.) et demain : l'eau.")
        >>> t.words, t.spans[0], t.valid.tolist()
        (['etat', "aujourd'hui", 'applaudissements', 'et', 'demain', 'eau'], (0, 6), \
[False, False, False])
        """
        codes, words, spans, hashes, valid = _read(text)
        coded = _decoded(codes)
        return cls(coded if coded is not None else words, spans, text, hashes, valid)


def _read(text: str) -> tuple[np.ndarray, list[str] | None, list[tuple[int, int]] | None,
                              np.ndarray, np.ndarray]:
    """Return a text's words' codes (`_NO_CODE` for a word that has none), its words when
    one may have none (or when at hand), spans (None: found from the text when asked),
    fingerprints and which runs count (`Tokens.of`)."""
    lowered = _in_place(text.lower())
    if lowered is not None and len(lowered) == len(text) and not COMBINING.search(text) \
            and "ʼ" not in text:
        # folding kept every character in place and every letter a letter (ʼ is one, the
        # ' it folds to is not): the words of the folded text stand where the text's do,
        # and are found by one C-level search
        # the words between parentheses found apart, each one's numbers kept: one search
        # of the text (counting the words before each parenthesis searched it twice,
        # ~35 µs a document holding one at `250k`); no word holds a parenthesis
        raw, inner, after = [], [], 0
        if "(" in text:
            for match in _PARENTHESES.finditer(text):
                raw += WORD_PATTERN.findall(lowered, after, match.start())
                first = len(raw)
                raw += WORD_PATTERN.findall(lowered, match.start(), match.end())
                inner.append((first, len(raw)))
                after = match.end()
        raw += WORD_PATTERN.findall(lowered, after)
        _RUN_WORDS.bound()
        numbers, hashes, valid = _fingerprints(raw)
        codes = _RUN_WORDS.code[numbers]
        # the words themselves only when one may have no code
        words = list(map(_RUN_WORDS.word.__getitem__, raw)) \
            if len(_VOCABULARY) >= _VOCABULARY.limit else None
        spans = None
    else:
        found = passage_words(text)
        words = [w for w, _, _ in found]
        hashes, valid = fingerprints(words)
        codes = np.fromiter(map(_VOCABULARY.__getitem__, words), np.int64, len(words))
        codes = codes.astype(np.uint32)  # -1 (no code) is `_NO_CODE`
        spans = [(a, b) for _, a, b in found]
        inner = []
        if "(" in text:
            starts = np.fromiter((a for a, _ in spans), np.int64, len(words))
            inner = [tuple(np.searchsorted(starts, match.span()).tolist())
                     for match in _PARENTHESES.finditer(text)]
    for first, end in inner:
        if first < end:  # the runs holding one of these words
            valid[max(0, first - GRAM + 1):end] = False
    return codes, words, spans, hashes, valid


def _fingerprints(raw: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the numbers of words as the folded text gives them (elisions still on) in
    `_RUN_WORDS`, and their `fingerprints`."""
    numbers = np.fromiter(map(_RUN_WORDS.__getitem__, raw), np.intp, len(raw))
    n = len(raw) - GRAM + 1
    if n <= 0:
        return numbers, np.zeros(0, np.uint32), np.zeros(0, bool)
    # taken once every word is numbered: a new one may have replaced the arrays
    return numbers, *_runs(_RUN_WORDS.hashes[numbers], _RUN_WORDS.stop[numbers], n)


# What a token process (forked from the one it sends to) has sent of its vocabulary: the
# code its next new word starts at, by process id.
_SENT: dict[int, int] = {}


def tokens_sent(texts: list[str], base: int) -> tuple:
    """Return the tokens of texts as a token process sends them to the process it was
    forked from (whose vocabulary had `base` codes then): its process id, the code of the
    first word it learnt since its last message and those words (by code), the codes of the
    texts' words in its vocabulary (one byte string, for all), and each text's number of
    codes (or its words joined, when one has no code), spans, fingerprints and valid runs,
    the arrays as bytes. `TokensReceived` makes them tokens again."""
    pid = os.getpid()
    first = _SENT.get(pid, base)
    blobs, docs = [], []
    for text in texts:
        codes, words, spans, hashes, valid = _read(text)
        if words is not None and bool((codes == _NO_CODE).any()):
            docs.append((" ".join(words), spans, hashes.tobytes(), valid.tobytes()))
        else:
            blobs.append(codes.tobytes())
            docs.append((codes.size, spans, hashes.tobytes(), valid.tobytes()))
    _SENT[pid] = len(_VOCABULARY.words)
    return pid, first, _VOCABULARY.words[first:], b"".join(blobs), docs


class TokensReceived:
    """The tokens token processes send (`tokens_sent`), coded in this process's vocabulary.

    Each process's codes from `base` (this vocabulary's size when they were forked; the
    codes below are this vocabulary's) are its own: the words it learnt come with the
    message their first text is in, and are given this vocabulary's codes then; a text's
    codes are translated by one take of that table (a numpy array, grown by doubling)."""

    def __init__(self):
        self.base = len(_VOCABULARY.words)
        self._tables: dict[int, tuple[np.ndarray, list[str | None]]] = {}

    def __call__(self, message: tuple, texts: list[str]) -> list[Tokens]:
        """Return the tokens of a message of `tokens_sent`, of these texts."""
        pid, first, learnt, blob, docs = message
        table, words = self._tables.get(pid) or (np.arange(self.base, dtype=np.uint32), [])
        size = self.base + len(words)
        if first != size:
            raise RuntimeError(f"token process {pid}: words from {first}, {size} known")
        if size + len(learnt) > table.size:
            table = np.concatenate([table, np.zeros(max(table.size, len(learnt)), np.uint32)])
        table[size:size + len(learnt)] = np.fromiter(
            (-1 if w is None else _VOCABULARY[w] for w in learnt), np.int64, len(learnt))
        words += learnt
        self._tables[pid] = table, words
        local = np.frombuffer(blob, np.uint32)
        codes = table[local]
        whole = _decoded(codes)
        found, at = [], 0
        for text, (n, spans, hashes, valid) in zip(texts, docs, strict=True):
            if isinstance(n, str):  # words without a code there
                inside = n.split(" ") if n else []
                coded = _VOCABULARY.coded(inside)
            else:
                coded = whole[at:at + n] if whole is not None else _decoded(codes[at:at + n])
                inside = [_VOCABULARY.words[c] if c < self.base else words[c - self.base]
                          for c in local[at:at + n].tolist()] if coded is None else None
                at += n
            found.append(Tokens(coded if coded is not None else inside, spans, text,
                                np.frombuffer(hashes, np.uint32), np.frombuffer(valid, bool)))
        return found


_PARENTHESES = re.compile(r"\([^()]{0,400}\)")

# « œ » and « æ » fold to two letters (« cœur », « coeur »): while a text is folded whole they
# stand as one letter that folding keeps (ꝏ, ꜳ: Latin letters, in no French text), so that
# every character stays in place; `_RunWords` puts the ligature back before folding a word.
# A text holding a stand-in letter itself is read word by word. ~1 % of the `250k` texts
# hold a ligature, ~8 % of `Tokens.of`'s time when read word by word (~480 µs a document).
def _in_place(lowered: str) -> str | None:
    """Return a lowercase text folded, its ligatures as their stand-ins (None when the
    text holds a stand-in letter)."""
    if lowered.isascii():
        return lowered
    if "ꝏ" in lowered or "ꜳ" in lowered:
        return None
    if "œ" in lowered or "æ" in lowered:
        lowered = lowered.replace("œ", "ꝏ").replace("æ", "ꜳ")
    return fold(lowered)
