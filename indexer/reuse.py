"""Reuse groups, found at index time: passages that stand in several documents.

Two kinds of group:

* **passages** — about a dozen words or more found in several documents, word for word or
  nearly (a few words changed, cut at either end, reworded in the middle). Prior art:
  passim (shared n-grams, then alignment). Each document's words (`passage_words`) give one
  fingerprint per run of `GRAM` words; two documents sharing at least `MIN_SEEDS`
  fingerprints that are rare in the index (in `MAX_DF` documents or fewer: more is a formula)
  are aligned word by word around the shared runs (rapidfuzz's Levenshtein opcodes), and
  what aligns well enough becomes a match. Matches that overlap in a document are joined
  into groups (union-find).
* **quotes** — quotations attributed to the same person that share a distinctive phrase (two
  consecutive content words found in few quotations, « lois … paix »), even reworded.

Boilerplate is not reuse: fingerprints in more than `MAX_DF` documents (« La séance est
ouverte »), and matches that are contact blocks, addresses or links, or that stand at the
very top or bottom of both documents (repeated headers and footers), are left out.

Incremental: the fingerprints of every indexed document, the matches and the quotations are
kept in the index folder (`reuse-base.npz`, the tables as a run left them, and `reuse.npz`,
what later runs added and the rest); a run fingerprints only the documents it writes, looks
their fingerprints up in the kept table (a sorted array), aligns only the pairs that involve
them, and rebuilds the groups from the kept matches. The groups the pages read are in
`reuse.json`. The files are replaced atomically after the index's commit and carry its
generation and one run token: a run that finds them out of step with the index starts over.

Measured choice (`python -m bench.reuse --compare 5000`): choosing the pairs to align from
shared rare 4-word runs (a sorted numpy table, looked up with a binary search) put 97.9 % of
the planted (host, source) pairs among 16,767 candidates in 1.8 s of CPU on 5,306 records;
datasketch's MinHash LSH over windows of 20 words (every 10, 64 permutations, threshold 0.3)
put 74.2 % among 18,449 in 13.8 s: a dozen reused words change a window's MinHash too much.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import json
import multiprocessing
import os
import re
import time
import uuid
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import orjson
from rapidfuzz.distance import LCSseq, Levenshtein
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from indexer.analysis import (
    COMBINING,
    STOP_WORDS,
    WORD_PATTERN,
    fold,
    passage_word,
    passage_words,
)
from indexer.document import Document
from indexer.documents import text_hash

ARRAYS = "reuse.npz"
GROUPS = "reuse.json"
# Present while the groups of the index's records are being computed: a build makes its
# records searchable first, then finds the groups (minutes at `250k`); the pages say so
# meanwhile. Left by a run that died in between: the next run computes the groups.
PENDING = "reuse.pending"
# The fingerprints and matches as a run left them, rewritten only once the runs since have
# added a tenth to them (`REBASE`): `ARRAYS` then holds what those runs added.
BASE = "reuse-base.npz"
# 6: the fingerprints and matches split between `BASE` and `ARRAYS`, headers and footers
# kept with their similarity negated; 5: headers and footers kept among the matches
# (similarity 0.0); 4: the documents' details and the excerpts as columns, not JSON objects
VERSION = 6
# 3: details as JSON objects. 3 and 4 kept no header or footer: an edit that moves one off
# an edge finds it at the next full build. All are read, then written as 6.
READABLE = (3, 4, 5, 6)
# The base is written again when the entries added since (or those of documents gone since)
# reach this share of it: the two files then hold at most a tenth more than one would (at
# `250k` the groups' files add 18 % to the index; the cap is 20 %).
REBASE = 0.1

# Words per fingerprint: four keeps chance matches rare and survives one changed word in
# every five (measured against 3 and 5 in bench/reuse.py).
GRAM = 4
# A fingerprint in more documents than this is a formula or boilerplate, not reuse.
MAX_DF = 30
# Rare fingerprints two documents must share before they are aligned.
MIN_SEEDS = 2
# Seeds further apart than this (in words) start another stretch.
GAP = 16
# Words of context aligned beyond the first and last seed of a stretch.
MARGIN = 6
# A match: at least this many words on each side, this many identical, this close.
MIN_WORDS = 10
MIN_EQUAL = 8
MIN_SIMILARITY = 0.6
# ... and at least this many of its words, and a third, in rare runs: a formula with a few
# rare words (« La parole est à M. X, pour soutenir l'amendement n° 12 ») is not reuse.
MIN_COVERED = 5
COVERED_SHARE = 3  # covered words times this must reach the passage's length
# Longest stretch aligned at once (words): alignment costs the product of both lengths.
MAX_STRETCH = 1500
# Words at the top or bottom of a document where a passage found in both is a header/footer.
EDGE_WORDS = 3
# A passage said in debates by this many members or more is a commonplace of the debate.
FORMULA_SPEAKERS = 8
# Quotations: a phrase in more quotations than this is not distinctive.
QUOTE_DF = 12
# Characters of a group's passage kept for the lists.
EXCERPT_CHARS = 600
# Places of one run of words in one document taken as seeds (a refrain repeated).
MAX_REPEATS = 4
# Pairs aligned per run at most for one new document (a document copied into thousands).
MAX_PARTNERS = 200

# A contact block, an address or a link in a passage: « @ », « http:// », « www. », a phone
# number, « +33 », « contact presse », « tél. : », « fax », « cedex », « courriel »,
# « e-mail », « source : ». The alternatives that start a word share one `(?<!\w)` (the
# same as `\b` before a word's first character): the regular expression fails at most
# places of a passage at its first test, instead of trying seven `\b` in turn there. Its
# search was ~10 % of the aligning processes' CPU at `250k` (~50 µs a passage of 400
# characters, now ~25 µs); it finds a match where the twelve alternatives did
# (tests/test_reuse_boilerplate.py).
_BOILERPLATE = re.compile(
    r"@|\+33|https?://|www\.|contacts? (?:presse|press)|"
    r"(?<!\w)(?:\d{2}(?:[ .]\d{2}){4}\b|t[ée]l(?:[ée]phone)?\s*[.:]|fax\b|cedex\b|courriel\b"
    r"|e-?mail\b|source\s*:)",
    re.IGNORECASE)


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
    """Return the `n` run fingerprints of word hashes `w`, and which runs hold a content word."""
    h = w[:n].copy()
    content = ~stop[:n]
    with np.errstate(over="ignore"):
        for k in range(1, GRAM):
            h = h * _MULT + w[k:n + k]
            content |= ~stop[k:n + k]
    return (h >> np.uint64(32)).astype(np.uint32), content


class _RunWords(dict):
    """A word as the folded, lowercase text gives it → its run hash; its passage word and
    whether that is a stop word beside.

    Filled on first sight of each distinct word, so that a document's words map to hashes
    in one C-level pass (`map(__getitem__)`); emptied when it grows past `LIMIT` words.
    """

    LIMIT = 1_000_000

    def __init__(self):
        super().__init__()
        self.word: dict[str, str] = {}
        self.stop: dict[str, bool] = {}

    def bound(self) -> None:
        """Empty the table when full (between documents: a long-lived indexer, --watch,
        must not grow forever)."""
        if len(self) >= self.LIMIT:
            self.clear()
            self.word.clear()
            self.stop.clear()

    def __missing__(self, raw: str) -> int:
        word = passage_word(raw)  # raw is folded and lowercase already: the elision goes
        self[raw] = value = _run_word(word)
        self.word[raw], self.stop[raw] = word, word in STOP_WORDS
        return value


_RUN_WORDS = _RunWords()


# A word as `Tokens` sent from another process gives it → one object for all its occurrences
# (a long-lived indexer empties it when it grows past this many words).
_SHARED_WORDS: dict[str, str] = {}
SHARED_WORDS_LIMIT = 1_000_000


# The text between words, then a word, in turn (`Tokens.span`): the regular expression of a
# word as one group, so that `split` gives both.
_GAPS_AND_WORDS = re.compile(f"({WORD_PATTERN.pattern})", WORD_PATTERN.flags)


class Tokens:
    """A document's passage words, their character spans and fingerprints.

    Pickled (from a reading worker to the indexer: `indexer.indexing._read`) with its words
    as one string, split again on first use: quicker to send than a list of strings, and
    each distinct word then one object in the process that aligns documents.
    """

    __slots__ = ("_bounds", "_joined", "_spans", "_text", "_words", "hashes", "valid")

    def __init__(self, words: list[str], spans: list[tuple[int, int]] | None, text: str,
                 hashes: np.ndarray, valid: np.ndarray):
        self._words, self._spans, self._text = words, spans, text
        self._joined: str | None = None
        self._bounds: np.ndarray | None = None  # see `span`
        self.hashes, self.valid = hashes, valid

    @property
    def words(self) -> list[str]:
        """Return the passage words (split from the string they were sent as on first use)."""
        if self._words is None:
            if len(_SHARED_WORDS) >= SHARED_WORDS_LIMIT:
                _SHARED_WORDS.clear()
            self._words = list(map(_SHARED_WORDS.setdefault, *[self._joined.split(" ")] * 2)) \
                if self._joined else []
            self._joined = None
        return self._words

    @property
    def text(self) -> str:
        """Return the text the tokens are of."""
        return self._text

    def __getstate__(self):
        # a word holds no space: `WORD_PATTERN` finds none, folding and elision add none
        joined = " ".join(self._words) if self._words is not None else self._joined
        # the arrays as bytes: numpy's own pickling costs ~10 µs an array
        return joined, self._spans, self._text, self.hashes.tobytes(), self.valid.tobytes()

    def __setstate__(self, state) -> None:
        self._joined, self._spans, self._text, hashes, valid = state
        self.hashes, self.valid = np.frombuffer(hashes, np.uint32), np.frombuffer(valid, bool)
        self._words = self._bounds = None

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
        if self._bounds is None:  # the lengths of the text's gaps and words, added up
            parts = _GAPS_AND_WORDS.split(self._text)
            self._bounds = np.cumsum(np.fromiter(map(len, parts), np.int32, len(parts))[:-1],
                                     dtype=np.int32)
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
        lowered = fold(text.lower())
        if len(lowered) == len(text) and not COMBINING.search(text) and "ʼ" not in text:
            # folding kept every character in place and every letter a letter (ʼ is one, the
            # ' it folds to is not): the words of the folded text stand where the text's do,
            # and are found by one C-level search
            raw = WORD_PATTERN.findall(lowered)
            _RUN_WORDS.bound()
            hashes, valid = _fingerprints(raw)
            words = list(map(_RUN_WORDS.word.__getitem__, raw))
            spans = None
        else:
            found = passage_words(text)
            words = [w for w, _, _ in found]
            hashes, valid = fingerprints(words)
            spans = [(a, b) for _, a, b in found]
        tokens = cls(words, spans, text, hashes, valid)
        if "(" in text and valid.size:
            inside = np.zeros(len(words), bool)
            if spans is None:  # words counted up to each parenthesis: no span needed
                count, after = 0, 0
                for match in _PARENTHESES.finditer(text):
                    count += len(WORD_PATTERN.findall(lowered, after, match.start()))
                    inner = len(WORD_PATTERN.findall(lowered, match.start(), match.end()))
                    inside[count:count + inner] = True
                    count, after = count + inner, match.end()
            else:
                starts = np.fromiter((a for a, _ in spans), np.int64, len(words))
                for match in _PARENTHESES.finditer(text):
                    lo, hi = np.searchsorted(starts, [match.start(), match.end()])
                    inside[lo:hi] = True
            covered = inside[:valid.size].copy()
            for k in range(1, GRAM):
                covered |= inside[k:valid.size + k]
            valid &= ~covered
        return tokens


def _fingerprints(raw: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """`fingerprints` of words as the folded text gives them (elisions still on)."""
    w = np.fromiter(map(_RUN_WORDS.__getitem__, raw), np.uint64, len(raw))
    stop = np.fromiter(map(_RUN_WORDS.stop.__getitem__, raw), bool, len(raw))
    n = len(raw) - GRAM + 1
    if n <= 0:
        return np.zeros(0, np.uint32), np.zeros(0, bool)
    return _runs(w, stop, n)


_PARENTHESES = re.compile(r"\([^()]{0,400}\)")


def _chains(seeds: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Split seeds (i in a, j in b), sorted by i, into stretches along one diagonal.

    >>> _chains([(0, 10), (1, 11), (2, 12), (40, 3), (41, 4)])
    [[(0, 10), (1, 11), (2, 12)], [(40, 3), (41, 4)]]
    """
    done: list[list[tuple[int, int]]] = []
    active: list[list[tuple[int, int]]] = []
    for i, j in seeds:
        if active and active[-1][-1] == (i - 1, j - 1):  # the common case: a copy goes on
            active[-1].append((i, j))
            continue
        still = []
        for chain in active:
            (done if i - chain[-1][0] > GAP else still).append(chain)
        active = still
        best, drift = None, GAP + 1
        for chain in active:
            li, lj = chain[-1]
            d = abs((j - i) - (lj - li))
            if i > li and 0 < j - lj <= GAP + 8 and d < drift:
                best, drift = chain, d
        if best is None:
            active.append([(i, j)])
        else:
            best.append((i, j))
            active.remove(best)
            active.append(best)
    done += active
    return sorted(done)


def align_seeds(wa: list[str], wb: list[str], seeds: list[tuple[int, int]]
                ) -> list[tuple[int, int, int, int, float]]:
    """Return the passages two documents share, from their seeds (i in a, j in b: the same
    rare run of words), as (a_start, a_end, b_start, b_end) in words and the similarity
    (identical words over the longer side).

    >>> a = "le maire a dit que nous ne laisserons aucun village de la vallée sans eau potable"
    >>> b = "nous ne laisserons jamais aucun village de la vallée sans eau potable dit le maire"
    >>> align_seeds(a.split(), b.split(), [(8, 4), (9, 5), (13, 9)])
    [(5, 16, 0, 12, 0.917)]
    """
    found = []
    for chain in _chains(seeds):
        if len(chain) < MIN_SEEDS:
            continue
        a0, b0 = chain[0]
        a1, b1 = chain[-1][0] + GRAM, chain[-1][1] + GRAM
        span = _align(wa, wb, a0, min(a1, len(wa)), b0, min(b1, len(wb)))
        if span is not None:
            found.append(span)
    return found


@dataclass
class _SeedTable:
    """The seeds of some documents (`slots`, ascending), by fingerprint: entry e is
    fingerprint `h[e]` at word `position[e]` of document `slots[owner[e]]`; the entries of a
    fingerprint are `starts[g]` to `starts[g + 1]`, by document then place. Twelve bytes a
    seed: made once for all the pairs an aligning process takes."""

    slots: np.ndarray
    h: np.ndarray
    owner: np.ndarray
    position: np.ndarray
    starts: np.ndarray

    @classmethod
    def of(cls, slots: Iterable[int], tokens: Callable[[int], Tokens], rare: np.ndarray
           ) -> _SeedTable:
        """Return the seeds of documents: the valid places of their rare fingerprints
        (`rare`, sorted), the first `MAX_REPEATS` of each in a document."""
        slots = np.array(sorted(set(slots)), np.int64)
        found = [tokens(s) for s in slots.tolist()]
        sizes = np.fromiter((t.hashes.size for t in found), np.int64, len(found))
        if not sizes.sum() or not rare.size:
            return cls(slots, *(np.zeros(0, t) for t in (np.uint32, np.int32, np.int32)),
                       np.zeros(1, np.int64))
        hashes = np.concatenate([t.hashes for t in found])
        places = np.flatnonzero(np.concatenate([t.valid for t in found]))
        # by fingerprint, then place (documents one after the other: then document, then
        # place in it), as one sort of 64-bit keys; the fingerprints then looked up in order
        keys = np.sort((hashes[places].astype(np.uint64) << _HIGH) | places.astype(np.uint64))
        del hashes, places
        h = (keys >> _HIGH).astype(np.uint32)
        keep = _member(h, rare)
        h, places = h[keep], (keys[keep] & _LOW).astype(np.int64)
        del keys, keep
        ends = np.cumsum(sizes)
        owner = np.searchsorted(ends, places, "right")  # the document (its rank in `slots`)
        position = places - (ends - sizes)[owner]
        # the first `MAX_REPEATS` places of a fingerprint in a document are seeds
        first = np.flatnonzero(np.r_[True, (h[1:] != h[:-1]) | (owner[1:] != owner[:-1])])
        seed = np.arange(h.size) - np.repeat(first, np.diff(np.r_[first, h.size])) < MAX_REPEATS
        h, owner, position = h[seed], owner[seed].astype(np.int32), position[seed].astype(np.int32)
        return cls(slots, h, owner, position, np.flatnonzero(np.r_[True, h[1:] != h[:-1], True]))


def _pair_seeds(pairs: list[tuple[int, int]], table: _SeedTable
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the seeds of every pair at once, as `_pair` made them one pair at a time: pair
    k's are `i[at[k]:at[k + 1]]` (in a) and `j[…]` (in b), sorted by i then j.

    A pair's seeds are each place of a fingerprint in a with each of the same in b
    (`_SeedTable`, which must hold both documents). They are found by fingerprint: each
    entry of a document first in a pair with every entry of its fingerprint, kept when
    their documents are a pair. Made pair by pair (a dict a document, intersected, sorted)
    they took a third of the aligning processes' CPU at `250k`.

    >>> t = [Tokens.of("nous ne laisserons aucun village sans eau potable cet été"),
    ...      Tokens.of("car nous ne laisserons aucun village sans eau")]
    >>> table = _SeedTable.of([0, 1], t.__getitem__, np.unique(t[1].hashes))
    >>> at, i, j = _pair_seeds([(0, 1)], table)
    >>> at.tolist(), list(zip(i.tolist(), j.tolist()))
    ([0, 4], [(0, 1), (1, 2), (2, 3), (3, 4)])
    """
    both = np.array(pairs, np.int64).reshape(-1, 2)
    if not table.h.size or not len(pairs):
        return np.zeros(len(pairs) + 1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.int32)
    # pair k as the ranks of its documents in the table; an entry of a first document with
    # every entry of its fingerprint
    pa, pb = np.searchsorted(table.slots, both[:, 0]), np.searchsorted(table.slots, both[:, 1])
    first = np.zeros(table.slots.size, bool)
    first[pa] = True
    owner = table.owner
    x = np.flatnonzero(first[owner])
    group = np.searchsorted(table.starts, x, "right") - 1
    count = np.diff(table.starts)[group]
    y = np.repeat(table.starts[group], count) + _ranks(count)
    x = np.repeat(x, count)
    wanted = (pa << 32) | pb
    by_key = np.argsort(wanted, kind="stable")
    ranked = wanted[by_key]
    keys = (owner[x].astype(np.int64) << 32) | owner[y]
    at = np.minimum(np.searchsorted(ranked, keys), ranked.size - 1)
    hit = ranked[at] == keys
    del keys, count, group
    k, i, j = by_key[at[hit]], table.position[x[hit]], table.position[y[hit]]
    del x, y, at, hit
    # by pair, then i, then j: one sort of 64-bit keys when they fit
    bits = [int(v).bit_length() for v in (len(pairs), i.max(initial=0), j.max(initial=0))]
    if sum(bits) <= 63:
        packed = np.sort((k.astype(np.uint64) << np.uint64(bits[1] + bits[2]))
                         | (i.astype(np.uint64) << np.uint64(bits[2])) | j.astype(np.uint64))
        mask = np.uint64((1 << bits[2]) - 1)
        k = (packed >> np.uint64(bits[1] + bits[2])).astype(np.int64)
        i = ((packed >> np.uint64(bits[2])) & np.uint64((1 << bits[1]) - 1)).astype(np.int32)
        j = (packed & mask).astype(np.int32)
    else:
        order = np.lexsort((j, i, k))
        k, i, j = k[order], i[order], j[order]
    return np.searchsorted(k, np.arange(len(pairs) + 1)), i, j


def _covered(at: np.ndarray, i: np.ndarray, passages: list[tuple]) -> list[int]:
    """Return, for each passage (pair k, then a0, a1 in a and its span in b), the words of
    a0 to a1 that its pair's seeds (`_pair_seeds`) in it cover: each `GRAM` words from its
    place, up to the next seed's or a1. All at once: counted passage by passage, in a
    Python loop over its seeds, they took ~10 % of an aligning process's CPU at `250k`.

    >>> at, i = np.array([0, 3, 6]), np.array([2, 3, 9, 0, 0, 1])
    >>> _covered(at, i, [(0, 0, 12, 0, 12, 1.0), (0, 3, 10, 3, 10, 1.0), (1, 1, 30, 0, 0, 1.0)])
    [8, 5, 4]
    """
    if not passages:
        return []
    if not i.size:
        return [0] * len(passages)
    k, a0, a1 = np.array([p[:3] for p in passages], np.int64).T
    # pair, then place: the seeds' order, as one key (8 bytes a seed, and 4 for `before`
    # below: less than `_pair_seeds` held); a passage's seeds are lo to hi
    key = np.repeat(np.arange(at.size - 1, dtype=np.int64), np.diff(at))
    key <<= 32
    key |= i
    lo, hi = np.searchsorted(key, (k << 32) | a0), np.searchsorted(key, (k << 32) | a1)
    del key
    some = hi > lo
    lo, last = np.where(some, lo, 0), np.where(some, hi - 1, 0)
    # a seed and the next of a passage cover the words between them, `GRAM` at most
    before = np.zeros(i.size, np.int32)
    np.cumsum(np.minimum(np.diff(i), GRAM), out=before[1:])
    covered = before[last] - before[lo] + np.minimum(GRAM, a1 - i[last])
    return np.where(some, covered, 0).tolist()


def _one_chain(at: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Return, for each pair's seeds (`_pair_seeds`), what `_chains` makes of them when that
    is plain: 1 one chain of all (seeds one word apart on one diagonal, or two that chain),
    0 none of `MIN_SEEDS` (two that do not chain), -1 anything else (`_chains` tells).

    >>> at = np.array([0, 3, 5, 7, 10])
    >>> i = np.array([4, 5, 6, 0, 9, 0, 40, 0, 1, 9])
    >>> j = np.array([8, 9, 10, 0, 12, 0, 3, 0, 1, 2])
    >>> _one_chain(at, i, j).tolist()
    [1, 1, 0, -1]
    """
    n = np.diff(at)
    kind = np.full(n.size, -1, np.int8)
    if not i.size:
        kind[n == 0] = 0
        return kind
    step = np.r_[(i[1:] - i[:-1] == 1) & (j[1:] - j[:-1] == 1), False]
    # a pair's steps between its seeds all one word on one diagonal: no other step inside it
    other = np.r_[0, np.cumsum(~step)]
    last = np.maximum(at[1:] - 1, at[:-1])
    kind[(n >= 2) & (other[last] - other[at[:-1]] == 0)] = 1
    two = np.flatnonzero((n == 2) & (kind == -1))
    di, dj = i[at[two] + 1] - i[at[two]], j[at[two] + 1] - j[at[two]]
    chained = (di > 0) & (di <= GAP) & (dj > 0) & (dj <= GAP + 8) & (np.abs(dj - di) <= GAP)
    kind[two] = chained.astype(np.int8)
    kind[n < MIN_SEEDS] = 0 if MIN_SEEDS == 2 else -1
    return kind


def _align(wa: list[str], wb: list[str], a0: int, a1: int, b0: int, b1: int
           ) -> tuple[int, int, int, int, float] | None:
    if wa[a0:a1] == wb[b0:b1]:  # an exact copy: grow it while the words agree
        while a0 > 0 and b0 > 0 and wa[a0 - 1] == wb[b0 - 1]:
            a0, b0 = a0 - 1, b0 - 1
        while a1 < len(wa) and b1 < len(wb) and wa[a1] == wb[b1]:
            a1, b1 = a1 + 1, b1 + 1
        if a1 - a0 >= MIN_WORDS:
            return a0, a1, b0, b1, 1.0
        # too short alone: a changed word may stand just beyond, align around it
    a0, b0 = max(0, a0 - MARGIN), max(0, b0 - MARGIN)
    a1, b1 = min(len(wa), a1 + MARGIN), min(len(wb), b1 + MARGIN)
    if a1 - a0 > MAX_STRETCH or b1 - b0 > MAX_STRETCH:
        a1, b1 = a0 + MAX_STRETCH, b0 + MAX_STRETCH
    left, right = wa[a0:a1], wb[b0:b1]
    # the words an alignment finds equal are a common subsequence: fewer than `MIN_EQUAL` in
    # the longest one (counted in C, no opcodes made) and no passage can come of it (at
    # `250k`, two thirds of the stretches that reach this point)
    if LCSseq.similarity(left, right, score_cutoff=MIN_EQUAL) < MIN_EQUAL:
        return None
    ops = list(Levenshtein.opcodes(left, right))
    # the passage starts and ends with two identical words or more: a lone « de » or « la »
    # agreeing by chance in the margin does not stretch it
    while ops and (ops[0].tag != "equal" or ops[0].src_end - ops[0].src_start < 2):
        ops.pop(0)
    while ops and (ops[-1].tag != "equal" or ops[-1].src_end - ops[-1].src_start < 2):
        ops.pop()
    if not ops:
        return None
    sa, ea = a0 + ops[0].src_start, a0 + ops[-1].src_end
    sb, eb = b0 + ops[0].dest_start, b0 + ops[-1].dest_end
    equal = sum(op.src_end - op.src_start for op in ops if op.tag == "equal")
    longer = max(ea - sa, eb - sb)
    similarity = equal / longer if longer else 0.0
    if min(ea - sa, eb - sb) < MIN_WORDS or equal < MIN_EQUAL or similarity < MIN_SIMILARITY:
        return None
    return sa, ea, sb, eb, round(similarity, 3)


# The words of a sitting's procedure (folded): a passage made mostly of them is a formula of
# the chair or of the record (« La parole est à M. X, pour soutenir l'amendement n° 12 »), or
# of a broadcast (« Merci d'avoir été avec nous ce matin »), or a string of titles (« le
# ministre délégué auprès du ministre de l'Europe et des affaires étrangères »).
PROCEDURE = frozenset("""
    president presidente presidence seance motion motions amendement amendements
    sous-amendement reglement parole vote votes voix adopte adoptee adoptes rejete rejetee
    chambre deputes senateurs commission rapporteur rapporteure applaudissements
    applaudissent levent suspendue suspendu levee reprise reprend ordre jour scrutin timbre
    quorum feuilleton article alinea paragraphe lecture ajourne ajournement honorables bancs
    rappel soutenir identiques saisi saisie interrompre ecoule merci bonjour bonsoir
    auditeurs auditrices revoir monsieur madame mesdames messieurs depute deputee deputees
    ministre ministres ministere delegue deleguee aupres charge chargee secretaire
    plait adopter lu lue fois deuxieme troisieme modifie modifiee suppression ligne lignes
    page comite leader senat declarations exclamations mouvements suppleant gouverneur
    excellence communes renvoye ulterieur conformement
    """.split())


def boilerplate(text: str) -> bool:
    """Tell whether a passage found in two documents is boilerplate rather than reuse by its
    words: a contact block, an address or link, a formula of a sitting's procedure (headers
    and footers are told by where they stand: `EDGE`).

    >>> boilerplate("Contact presse : Jeanne Martin, 06 12 34 56 78, presse@exemple.fr")
    True
    >>> boilerplate("La parole est à M. Nicolas Dhuicq, pour soutenir l'amendement n° 412.")
    True
    >>> boilerplate("Nous ne laisserons aucun village sans eau potable cet été")
    False
    """
    return procedure([w for w, _, _ in passage_words(text)]) or bool(_BOILERPLATE.search(text))


def procedure(words: list[str]) -> bool:
    """Tell whether passage words are mostly those of a sitting's procedure (`PROCEDURE`),
    stop words, single letters and numbers aside: half of the rest or more.

    >>> procedure(["la", "parole", "est", "a", "m", "nicolas", "dhuicq"])
    False
    >>> procedure(["la", "parole", "est", "a", "m", "le", "rapporteur"])
    True
    """
    if len(_WORD_ROLES) >= SHARED_WORDS_LIMIT:
        _WORD_ROLES.clear()
    roles = list(map(_WORD_ROLES.__getitem__, words))  # one C-level pass (`_WordRoles`)
    content = len(roles) - roles.count(_OTHER)
    return content > 0 and roles.count(_PROCEDURAL) * 2 >= content


_OTHER, _CONTENT, _PROCEDURAL = 0, 1, 2


class _WordRoles(dict):
    """A passage word → what `procedure` counts it as: nothing (a stop word, a single letter,
    a number), a content word, or a content word of a sitting's procedure (filled on first
    sight of each word, so that a passage's words are counted without a Python loop)."""

    def __missing__(self, w: str) -> int:
        if w in STOP_WORDS or len(w) <= 1 or w.isdigit():
            role = _OTHER
        else:
            role = _PROCEDURAL if w in PROCEDURE else _CONTENT
        self[w] = role
        return role


_WORD_ROLES = _WordRoles()


@dataclass
class Slot:
    """What the pages need to know of a document that holds a reused passage."""

    id: str
    date: str | None = None
    kind: str | None = None
    title: str | None = None
    speakers: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Document) -> Slot:
        """Return the slot of a document."""
        return cls(doc.id, doc.date, doc.kind, (doc.title or doc.source or "")[:300],
                   [s.name for s in doc.speakers], list(doc.themes))


def _pack(strings: list[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """Return strings as their lengths (-1 for None) and their text, compressed: a column
    read back in milliseconds where parsing the same as JSON objects took a second.

    >>> _unpack(*_pack(["Jean Dupont", None, "", "Élise"]))
    ['Jean Dupont', None, '', 'Élise']
    """
    lengths = np.fromiter((-1 if s is None else len(s) for s in strings), np.int32,
                          len(strings))
    text = "".join(s for s in strings if s).encode("utf-8")
    return lengths, np.frombuffer(zlib.compress(text, 1), np.uint8)


def _unpack(lengths: np.ndarray, blob: np.ndarray) -> list[str | None]:
    text = zlib.decompress(blob.tobytes()).decode("utf-8")
    sizes = np.maximum(lengths, 0)
    ends = np.cumsum(sizes)
    return [None if n < 0 else text[b - n:b]
            for n, b in zip(lengths.tolist(), ends.tolist(), strict=True)]


class SlotTable(MutableMapping):
    """Slot → `Slot`, each built from the stored columns on first use: a run reads the
    table of 100,000 documents whole but looks at few of them (`kind`, `date` and
    `speakers` answer without building one)."""

    ROW = ("date", "kind", "title", "speakers", "themes")  # the first three are strings

    def __init__(self, ids: list[str] | None = None,
                 rows: dict[int, tuple] | None = None):
        self.ids = ids if ids is not None else []
        self.rows = rows or {}  # slot → (date, kind, title, speakers, themes), not yet built
        self.built: dict[int, Slot] = {}

    def __getitem__(self, slot: int) -> Slot:
        found = self.built.get(slot)
        if found is None:
            date, kind, title, speakers, themes = self.rows.pop(slot)
            found = self.built[slot] = Slot(self.ids[slot], date, kind, title, speakers, themes)
        return found

    def __setitem__(self, slot: int, value: Slot) -> None:
        self.rows.pop(slot, None)
        self.built[slot] = value

    def __delitem__(self, slot: int) -> None:
        if self.rows.pop(slot, None) is None:
            del self.built[slot]

    def __iter__(self):
        return iter([*self.built, *self.rows])  # a snapshot: reading builds, and moves

    def __len__(self) -> int:
        return len(self.built) + len(self.rows)

    def __contains__(self, slot: object) -> bool:
        return slot in self.built or slot in self.rows

    def _field(self, slot: int, name: str) -> Any:
        row = self.rows.get(slot)
        return row[self.ROW.index(name)] if row is not None else getattr(self[slot], name)

    def kind(self, slot: int) -> str | None:
        return self._field(slot, "kind")

    def date(self, slot: int) -> str | None:
        return self._field(slot, "date")

    def speakers(self, slot: int) -> list[str]:
        return self._field(slot, "speakers")

    def row(self, slot: int) -> tuple:
        """The `ROW` fields of a slot, built or not."""
        found = self.rows.get(slot)
        if found is not None:
            return found
        m = self[slot]
        return tuple(getattr(m, name) for name in self.ROW)

    def as_dict(self, slot: int) -> dict:
        """A slot's details as the groups page gives them."""
        date, kind, title, speakers, themes = self.row(slot)
        return {"id": self.ids[slot], "date": date, "kind": kind, "title": title,
                "speakers": speakers, "themes": themes}

    def columns(self, slots: list[int]) -> dict[str, np.ndarray]:
        """Return the arrays that store these slots (`from_columns` reads them back)."""
        rows = [self.row(s) for s in slots]
        arrays = {"slots": np.array(slots, np.uint32)}
        for n, name in enumerate(self.ROW):
            if n < 3:
                arrays[f"{name}_len"], arrays[name] = _pack([r[n] for r in rows])
                continue
            arrays[f"{name}_count"] = np.fromiter((len(r[n]) for r in rows), np.int32, len(rows))
            arrays[f"{name}_len"], arrays[name] = _pack([v for r in rows for v in r[n]])
        return {f"meta_{k}": v for k, v in arrays.items()}

    @classmethod
    def from_columns(cls, ids: list[str], arrays: dict[str, np.ndarray]) -> SlotTable:
        """Return the table the arrays of `columns` store."""
        a = {k[len("meta_"):]: v for k, v in arrays.items() if k.startswith("meta_")}
        slots = a["slots"].tolist()
        fields = [_unpack(a[f"{name}_len"], a[name]) for name in cls.ROW[:3]]
        lists = []
        for name in cls.ROW[3:]:
            values = _unpack(a[f"{name}_len"], a[name])
            ends = np.cumsum(a[f"{name}_count"]).tolist()
            starts = [0, *ends][: len(ends)]  # no slot: no list
            lists.append([values[i:j] for i, j in zip(starts, ends, strict=True)])
        return cls(ids, dict(zip(slots, zip(*fields, *lists, strict=True), strict=True)))


def content_pairs(text: str) -> list[int]:
    """Return the hashes of a quotation's phrases: consecutive words, stop words skipped.

    >>> content_pairs("les lois de la paix") == content_pairs("Des lois de la paix !")
    True
    """
    words = [w for w, _, _ in passage_words(text) if w not in STOP_WORDS and len(w) > 1]
    return sorted({_word_hash(f"{a} {b}") & 0xFFFFFFFF for a, b in zip(words, words[1:],
                                                                      strict=False)})


def speaker_key(name: str) -> str:
    """Return what two spellings of a speaker's name share.

    >>> speaker_key("Christian ESTROSI") == speaker_key("Christian Estrosi")
    True
    """
    return " ".join(fold(name).casefold().split())


def _ascii(ids: list[str]) -> np.ndarray:
    """Return document ids as a bytes array (a list comprehension of `encode` took 0.3 s at
    250k); ids that are not ASCII are encoded one by one, as UTF-8."""
    try:
        return np.array(ids, dtype=str).astype(bytes) if ids else np.zeros(0, "S1")
    except UnicodeEncodeError:
        return np.array([i.encode() for i in ids], dtype=bytes)


def _json(array: np.ndarray) -> dict:
    return json.loads(array.tobytes().decode("utf-8"))


def _delta(hashes: np.ndarray) -> np.ndarray:
    """Return sorted fingerprints as the gaps between them: two bytes each when every gap
    fits (a table of a few thousand documents or more), else four.

    >>> _undelta(_delta(np.array([5, 9, 70000, 70001], np.uint32))).tolist()
    [5, 9, 70000, 70001]
    """
    if not hashes.size or int(hashes[0]) >= 65536:
        return hashes
    gaps = np.diff(hashes)
    if int(gaps.max(initial=0)) >= 65536:
        return hashes
    stored = np.empty(hashes.size, np.uint16)
    stored[0] = hashes[0]
    stored[1:] = gaps
    return stored


def _undelta(stored: np.ndarray) -> np.ndarray:
    if stored.dtype == np.uint16:
        return np.cumsum(stored, dtype=np.uint32)
    return stored


def _three_bytes(slots: np.ndarray) -> np.ndarray:
    """Return slots as three bytes each while they fit (16 million): the fingerprints' slots
    are the largest array of the state, 59 of 166 MB at 250k in four bytes.

    >>> _four_bytes(_three_bytes(np.array([0, 7, 2**24 - 1], np.uint32))).tolist()
    [0, 7, 16777215]
    """
    if slots.size and int(slots.max()) >= 2**24:
        return slots
    return slots.astype("<u4").view(np.uint8).reshape(-1, 4)[:, :3].copy()


def _four_bytes(stored: np.ndarray) -> np.ndarray:
    """Return the slots `_three_bytes` stored (or stored in four bytes) as uint32."""
    if stored.dtype != np.uint8:
        return stored.astype(np.uint32)
    wide = np.zeros((len(stored), 4), np.uint8)
    wide[:, :3] = stored
    return wide.view(np.dtype("<u4")).ravel().view(np.uint32)  # no copy on little-endian


class _UnionFind:
    def __init__(self):
        self.parent: dict[Any, Any] = {}

    def find(self, x):
        parent = self.parent
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


# An old match this close (in words) to a change may align differently: its alignment
# reaches `MARGIN` words beyond its last seed, a run of `GRAM` words.
NEAR = MARGIN + GRAM
# A passage both documents hold at their top or bottom (a header or footer) is left out of
# the groups but kept, its similarity negated (at or below `EDGE`): an edit that moves it off
# an edge makes it reuse, without aligning it again when the edit left its words alone.
# (States written before version 6 kept 0.0: such a row near a change is aligned again.)
EDGE = 0.0


@dataclass(frozen=True)
class Edit:
    """Where a document written again changed: `start` and `old_stop` bound the changed
    characters of the text it had (`shift` is what the lengths differ by). Its partners
    aligned again are those sharing a rare run of words the change made or unmade
    (`removed`: the fingerprints of the old runs that overlapped the change), and those of
    the old matches within `NEAR` words of it (`old_window`); the other matches are kept,
    shifted. A fingerprint outside the change whose frequency crossed `MAX_DF` in the same
    run is not looked at again: a rare case, caught up by the next full build."""

    old_slot: int
    start: int
    old_stop: int
    shift: int
    old_window: tuple[int, int]
    removed: tuple[int, ...] = ()

    @classmethod
    def between(cls, old_slot: int, before: str, after: str) -> Edit:
        """Return the edit that makes `after` of `before`."""
        start = _common_prefix(before, after)
        tail = _common_suffix(before, after, min(len(before), len(after)) - start)
        stop, shift = len(before) - tail, len(after) - len(before)
        # the old runs around the change: a few words, fingerprinted as `Tokens.of` does
        # (without leaving out those between parentheses: one more partner at worst)
        lo, hi = _widen(before, start, stop, GRAM)
        found = passage_words(before[lo:hi])
        hashes, valid = fingerprints([w for w, _, _ in found])
        spans = [(a, b) for _, a, b in found]
        return cls(old_slot, start, stop, shift, _widen(before, start, stop, NEAR),
                   tuple(_changed_runs(hashes, valid, spans, start - lo, stop - lo)))

    @property
    def new_stop(self) -> int:
        """Return where the changed characters end in the new text."""
        return self.old_stop + self.shift

    def moved(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """Return where a span of the old text stands in the new one, None when it is
        within `NEAR` words of the change (aligned again)."""
        return self._moved(span, *self.old_window)

    def untouched(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """Return where a span of the old text stands in the new one, None when the change
        altered or cut into its words (however near it, a span beside it is untouched)."""
        return self._moved(span, self.start, self.old_stop)

    def in_place(self, span: tuple[int, int], sim: float) -> tuple[int, int] | None:
        """Return where an old match within `NEAR` words of the change now stands when it is
        a header or footer (`EDGE`: its similarity known, negated) whose words the change
        left alone: judged again where it stands, not aligned again. None otherwise."""
        return self.untouched(span) if sim < EDGE else None

    def _moved(self, span: tuple[int, int], lo: int, hi: int) -> tuple[int, int] | None:
        if span[1] <= lo:
            return span
        if span[0] >= hi:
            return span[0] + self.shift, span[1] + self.shift
        return None


def _changed_runs(hashes: np.ndarray, valid: np.ndarray, spans: list[tuple[int, int]],
                  start: int, stop: int) -> list[int]:
    """Return the fingerprints of the runs of words (`hashes`, which count: `valid`; the
    words' `spans`) that overlap characters `start` to `stop`, or, when nothing stands
    between them, that span the place where text was cut out."""
    first = bisect.bisect_right([b for _, b in spans], start)
    last = max(first, bisect.bisect_left([a for a, _ in spans], stop))
    runs = range(max(0, first - GRAM + 1), min(last, hashes.size))
    return sorted({int(hashes[i]) for i in runs if valid[i]})


def _common_prefix(a: str, b: str) -> int:
    """Return the length of the longest common prefix (slices compared in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    """Return the length of the longest common suffix, at most `limit`."""
    lo, hi = 0, max(0, limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _widen(text: str, start: int, stop: int, words: int) -> tuple[int, int]:
    """Return the characters from `words` words before `start` to as many after `stop`."""
    lo = start
    while lo > 0:  # grow by steps until enough words stand between lo and start
        lo = max(0, lo - 40 * words)
        if len(WORD_PATTERN.findall(text, lo, start)) > words:
            break
    before = [m.start() for m in WORD_PATTERN.finditer(text, lo, start)]
    lo = before[-words - 1] if len(before) > words else 0
    after = []
    for match in WORD_PATTERN.finditer(text, stop):
        after.append(match.end())
        if len(after) > words:
            break
    hi = after[-1] if len(after) > words else len(text)
    return lo, hi


@contextmanager
def _collector_paused():
    """Pause the garbage collector: building tens of thousands of small lists beside a
    state of millions of objects would otherwise walk them all, again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class FolderStore:
    """The reuse files in an index folder (Whoosh's): each replaced atomically.

    A store offers `open(name)` (a readable, seekable binary file; `OSError` when absent)
    and `writing(name)` (a binary file to write, in place once the block ends). The
    OpenSearch engine keeps the same files in the cluster (`indexer.opensearch_reuse`).
    """

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)

    def open(self, name: str):
        return (self.folder / name).open("rb")

    def mark(self, name: str, present: bool) -> None:
        """Create (empty) or remove the file `name`: a mark such as `PENDING`."""
        if present:
            (self.folder / name).touch()
        else:
            (self.folder / name).unlink(missing_ok=True)

    @contextmanager
    def writing(self, name: str):
        tmp = self.folder / (name + ".tmp")
        with tmp.open("wb") as handle:
            yield handle
        os.replace(tmp, self.folder / name)


def as_store(where) -> Any:
    """Return a store of the reuse files: `where` itself, or the folder it names."""
    return where if hasattr(where, "writing") else FolderStore(where)


def set_pending(where, pending: bool) -> None:
    """Say that the groups are being computed (`PENDING`), or no longer."""
    as_store(where).mark(PENDING, pending)


def _in_step(header: dict, store, generation: int | None) -> bool:
    """Tell whether the arrays' header is this generation's and names the run token that
    opens the groups' file (read no further: it holds megabytes the pages parse)."""
    try:
        with store.open(GROUPS) as handle:
            start = handle.read(300).decode("utf-8", "replace")
    except OSError:
        return False
    found = re.search(r'"token":"([0-9a-f]+)"', start)
    return (header.get("version") in READABLE and header.get("gram") == GRAM
            and header.get("generation") == generation and found is not None
            and found.group(1) == header.get("token"))


def _fingerprints_and_matches(fp_hash: np.ndarray, fp_slot: np.ndarray, m_int: np.ndarray,
                              m_sim: np.ndarray) -> dict[str, np.ndarray]:
    """Return the arrays that store fingerprints and matches, as small as they go."""
    return {"fp_hash": _delta(fp_hash), "fp_slot": _three_bytes(fp_slot),
            # slots and character offsets fit 32 bits (a text of 2 GB would not)
            "matches": m_int.astype(np.int32) if int(m_int.max(initial=0)) < 2**31 else m_int,
            "similarity": m_sim}


def _read_fingerprints_and_matches(arrays: dict[str, np.ndarray]) -> tuple[np.ndarray, ...]:
    """Return the fingerprints (hashes, slots) and matches (rows, similarities) that
    `_fingerprints_and_matches` stored."""
    return (_undelta(arrays["fp_hash"]), _four_bytes(arrays["fp_slot"]),
            arrays["matches"].astype(np.int64), arrays["similarity"])


@dataclass
class _Base:
    """The fingerprints and matches of every document as one run left them (`BASE`).

    Later runs add fingerprints and matches of new slots only, and forget those of slots
    that are gone: so the base, less its gone slots, and what the runs since added (every
    fingerprint of a slot it does not know, every match with one) make the whole table again,
    in the same order. A run then writes what it added, not the 100 MB of the whole table.
    """

    fp_hash: np.ndarray
    fp_slot: np.ndarray
    m_int: np.ndarray
    m_sim: np.ndarray

    @classmethod
    def read(cls, store, stamp: dict, ids: np.ndarray) -> _Base | None:
        """Return the base `stamp` names, less the slots gone since (an empty id in `ids`),
        or None when the file is not that base."""
        try:
            with store.open(BASE) as handle, np.load(handle, allow_pickle=False) as data:
                arrays = {k: data[k] for k in data.files}
        except (OSError, ValueError, KeyError):
            return None
        if _json(arrays["header"]).get("token") != stamp["token"]:
            return None
        fp_hash, fp_slot, m_int, m_sim = _read_fingerprints_and_matches(arrays)
        gone = ids[:stamp["slots"]] == b""
        if gone.any():
            keep = ~gone[fp_slot]
            fp_hash, fp_slot = fp_hash[keep], fp_slot[keep]
            keep = ~(gone[m_int[:, 0]] | gone[m_int[:, 3]])
            m_int, m_sim = m_int[keep], m_sim[keep]
        return cls(fp_hash, fp_slot, m_int, m_sim)

    @staticmethod
    def write(store, state: ReuseState) -> dict:
        """Write the state's whole tables as the new base; return its stamp."""
        stamp = {"token": uuid.uuid4().hex, "slots": len(state.ids),
                 "fingerprints": int(state.fp_hash.size)}
        arrays = {"header": np.frombuffer(json.dumps({"token": stamp["token"]}).encode(),
                                          np.uint8),
                  **_fingerprints_and_matches(state.fp_hash, state.fp_slot, state.m_int,
                                              state.m_sim)}
        # replaced before the arrays that name it: a crash between the two leaves arrays
        # naming the old base, which `_Base.read` refuses, and the next run starts over
        with store.writing(BASE) as handle:
            np.savez(handle, **arrays)
        return stamp


class ReuseState:
    """Everything kept between runs: fingerprints, matches, quotations, slots."""

    def __init__(self):
        self.ids: list[str] = []  # slot → document id ("" once removed)
        self.digests: list[bytes] = []  # slot → its text's hash (`text_hash`), b"" unknown
        self.slot: dict[str, int] = {}
        self.meta = SlotTable(self.ids)
        self.fp_hash = np.zeros(0, np.uint32)  # sorted
        self.fp_slot = np.zeros(0, np.uint32)
        # matches: a, a_start, a_end, b, b_start, b_end (slots, characters), and similarity
        # (negated for a header or footer kept out of the groups: `EDGE`)
        self.m_int = np.zeros((0, 6), np.int64)
        self.m_sim = np.zeros(0, np.float32)
        # quotations: (slot, index, start, end, speaker key, speaker, function, phrases)
        self.quotes: list[tuple[int, int, int, int, str, str, str | None, list[int]]] = []
        self.excerpts: dict[str, str] = {}  # "slot:start:end" → words shown for a group
        self.stale: set[int] = set()  # slots of documents written again in this run
        self.generation: int | None = None
        self.token = ""
        self.dropped = 0  # boilerplate matches left out (last run)
        # the base file's token, the slots it knows and its fingerprints' count (`_Base`)
        self.base: dict = {"token": "", "slots": 0, "fingerprints": 0}

    def matches(self) -> np.ndarray:
        """Return the rows of the matches that make groups (headers and footers left out)."""
        return self.m_int[self.m_sim > EDGE]

    # --- files

    @staticmethod
    def current(index_dir, generation: int | None) -> bool:
        """Tell, reading only the headers, whether the kept files are this generation's
        (`index_dir`: their folder, or a store, see `FolderStore`)."""
        store = as_store(index_dir)
        try:
            with store.open(ARRAYS) as handle, np.load(handle, allow_pickle=False) as data:
                header = _json(data["header"])
        except (OSError, ValueError, KeyError):
            return False
        return _in_step(header, store, generation)

    @classmethod
    def load(cls, index_dir, generation: int | None) -> ReuseState | None:
        """Return the kept state, or None when absent or out of step with the index."""
        with _collector_paused():
            return cls._load(as_store(index_dir), generation)

    @classmethod
    def _load(cls, store, generation: int | None) -> ReuseState | None:
        try:
            with store.open(ARRAYS) as handle, np.load(handle, allow_pickle=False) as data:
                arrays = {k: data[k] for k in data.files}
        except (OSError, ValueError, KeyError):
            return None
        header = _json(arrays["header"])
        if not _in_step(header, store, generation):
            return None
        header.update(json.loads(zlib.decompress(arrays["details"].tobytes())))
        state = cls()
        state.generation, state.token = generation, header["token"]
        state.ids = arrays["ids"].astype(str).tolist()
        state.digests = (arrays["digests"].tolist() if "digests" in arrays
                         else [b""] * len(state.ids))
        state.slot = {d: i for i, d in enumerate(state.ids) if d}
        if header["version"] == 3:
            state.meta = SlotTable(state.ids)
            state.meta.update({int(k): Slot(**v) for k, v in header["meta"].items()})
            state.excerpts = header.get("excerpts", {})
        else:
            state.meta = SlotTable.from_columns(state.ids, arrays)
            state.excerpts = dict(zip(
                (f"{s}:{a}:{b}" for s, a, b in arrays["excerpt_keys"].tolist()),
                _unpack(arrays["excerpt_len"], arrays["excerpt_text"]), strict=True))
        fp_hash, fp_slot, m_int, m_sim = _read_fingerprints_and_matches(arrays)
        if "base" in header:
            base = _Base.read(store, header["base"], arrays["ids"])
            if base is None:
                return None
            # what the runs since the base added: fingerprints after the base's of the same
            # value, matches after the base's (see `_Base`)
            at = np.searchsorted(base.fp_hash, fp_hash, "right")
            fp_hash, fp_slot = np.insert(base.fp_hash, at, fp_hash), np.insert(base.fp_slot, at,
                                                                                fp_slot)
            m_int, m_sim = np.concatenate([base.m_int, m_int]), np.concatenate([base.m_sim,
                                                                                m_sim])
            state.base = header["base"]
        state.fp_hash, state.fp_slot, state.m_int, state.m_sim = fp_hash, fp_slot, m_int, m_sim
        offsets = arrays["q_offsets"]
        phrases = arrays["q_phrases"]
        for n, (row, who) in enumerate(zip(arrays["q_rows"], header["q_who"], strict=True)):
            slot, index, start, end = map(int, row)
            state.quotes.append((slot, index, start, end, who[0], who[1], who[2],
                                 phrases[offsets[n]:offsets[n + 1]].tolist()))
        return state

    def save(self, index_dir, generation: int, groups: list[dict]) -> None:
        """Write both files (each atomically), stamped with the index's generation."""
        with _collector_paused():
            self._save(as_store(index_dir), generation, groups)

    def _save(self, store, generation: int, groups: list[dict]) -> None:
        self.generation, self.token = generation, uuid.uuid4().hex
        grouped = {s for g in groups for s, *_ in g["occurrences"]}
        used = grouped | set(np.unique(self.matches()[:, [0, 3]]).tolist())
        used.update(q[0] for q in self.quotes)
        header = {"version": VERSION, "gram": GRAM, "generation": generation,
                  "token": self.token}
        fp_hash, fp_slot, m_int, m_sim = self.fp_hash, self.fp_slot, self.m_int, self.m_sim
        if self._rebase():
            self.base = _Base.write(store, self)
        slots = self.base["slots"]
        if slots:  # only what the runs since the base added
            added = fp_slot >= slots
            fp_hash, fp_slot = fp_hash[added], fp_slot[added]
            added = np.maximum(m_int[:, 0], m_int[:, 3]) >= slots
            m_int, m_sim = m_int[added], m_sim[added]
            header["base"] = self.base
        details = {"q_who": [[q[4], q[5], q[6]] for q in self.quotes]}
        excerpts = [(tuple(map(int, k.split(":"))), v) for k, v in self.excerpts.items()]
        excerpt_len, excerpt_text = _pack([v for _, v in excerpts])
        lengths = [len(q[7]) for q in self.quotes]
        offsets = np.zeros(len(lengths) + 1, np.int64)
        np.cumsum(lengths, out=offsets[1:])
        arrays = {
            "header": np.frombuffer(json.dumps(header).encode(), np.uint8),
            "details": np.frombuffer(zlib.compress(orjson.dumps(details), 1), np.uint8),
            "ids": _ascii(self.ids),
            "digests": np.array(self.digests or [b""], dtype="S20")[:len(self.digests)],
            **_fingerprints_and_matches(fp_hash, fp_slot, m_int, m_sim),
            "q_rows": np.array([q[:4] for q in self.quotes], np.int64).reshape(-1, 4),
            "q_offsets": offsets,
            "q_phrases": np.array([p for q in self.quotes for p in q[7]], np.uint32),
            "excerpt_keys": np.array([k for k, _ in excerpts], np.int64).reshape(-1, 3),
            "excerpt_len": excerpt_len, "excerpt_text": excerpt_text,
            **self.meta.columns(sorted(s for s in used if s in self.meta)),
        }
        with store.writing(ARRAYS) as handle:
            np.savez(handle, **arrays)
        page = {"version": VERSION, "generation": generation, "token": self.token,
                "docs": {str(s): self.meta.as_dict(s) for s in sorted(grouped)},
                "groups": groups}
        # orjson: the 40 MB of groups written in 0.2 s where the json module took 1.0 s
        with store.writing(GROUPS) as handle:
            handle.write(orjson.dumps(page))

    def _rebase(self) -> bool:
        """Tell whether the base file must be written again: none yet, or the fingerprints
        added since, or the documents gone since, reach a tenth of it (`REBASE`)."""
        slots, count = self.base["slots"], self.base["fingerprints"]
        if not slots:
            return True
        added = int(np.count_nonzero(self.fp_slot >= slots))
        gone = sum(1 for i in self.ids[:slots] if not i)
        return added >= REBASE * count or gone >= REBASE * slots

    # --- updates

    def remove(self, ids: Iterable[str]) -> None:
        """Forget documents: their fingerprints, matches and quotations."""
        self.drop({self.slot.pop(i) for i in ids if i in self.slot})

    def drop(self, gone: set[int]) -> None:
        """Forget slots, all in one pass over the arrays."""
        if not gone:
            return
        for s in gone:
            self.ids[s] = ""
            self.digests[s] = b""
            self.meta.pop(s, None)
        # a flag per slot, looked up by each row: `np.isin` sorted 15 million slots at 250k
        dead = np.zeros(len(self.ids), bool)
        dead[np.fromiter(gone, np.int64, len(gone))] = True
        keep = ~dead[self.fp_slot]
        self.fp_hash, self.fp_slot = self.fp_hash[keep], self.fp_slot[keep]
        keep = ~(dead[self.m_int[:, 0]] | dead[self.m_int[:, 3]])
        self.m_int, self.m_sim = self.m_int[keep], self.m_sim[keep]
        self.quotes = [q for q in self.quotes if q[0] not in gone]

    def same_text(self, doc_id: str, digest: bytes) -> int | None:
        """Return the slot of a document written again with the very text it had (a file
        saved again, a row added to its table): its fingerprints and matches still hold."""
        slot = self.slot.get(doc_id)
        if slot is not None and digest and self.digests[slot] == digest:
            return slot
        return None

    def new_slot(self, doc: Document, digest: bytes = b"") -> int:
        """Return a fresh slot for a document; its old one, if any, is dropped with the
        others of the run before matching (one pass over the arrays, not one per document)."""
        old = self.slot.pop(doc.id, None)
        if old is not None:
            self.stale.add(old)
        self.ids.append(doc.id)
        self.digests.append(digest)
        slot = len(self.ids) - 1
        self.slot[doc.id] = slot
        self.meta[slot] = Slot.of(doc)
        return slot


class ReuseUpdate:
    """One indexing run's part: documents are fed as they are written, then `finish`."""

    def __init__(self, index_dir, generation: int | None, workers: int = 1):
        # the folder of the kept files, or a store of them (`FolderStore`)
        self.index_dir = as_store(index_dir)
        self.generation = generation
        self.workers = max(1, workers)  # processes aligning pairs (see `_align_all`)
        # nothing usable kept (a new index, one written before this feature, or after a
        # crash): every document must be seen, and the groups written even if nothing changed
        self.fresh = not ReuseState.current(self.index_dir, generation)
        self._state: ReuseState | None = None
        # the documents of this run, by slot (None: found in `finish`, see `find_tokens`)
        self.tokens: dict[int, Tokens | None] = {}
        # document id → its tokens found beforehand (by the reading workers), taken by `add`
        self.ready: dict[str, Tokens] = {}
        self.requoted: dict[int, list] = {}  # kept slots (same text): their quotations anew
        self.texts: dict[int, str] = {}
        self.found: list[tuple[tuple[int, ...], float]] = []  # this run's matches
        self.rare = np.zeros(0, np.uint32)
        self.add_seconds = 0.0  # spent in `add`, inside the writing of the documents
        # seconds by step: read (the kept state), documents (`add`), match, groups, write
        self.steps: dict[str, float] = defaultdict(float)
        self.text_of: Callable[[str], str] = lambda _doc_id: ""
        # a document's text before this run (a searcher opened before writing): an edited
        # document keeps the matches its change cannot move (`Edit`)
        self.previous: Callable[[str], str] | None = None
        self.edits: dict[int, Edit] = {}  # new slot → its change
        self.kept: dict[int, list[tuple]] = {}  # new slot → its old matches, see `_keep`
        self.open_text: Callable[[], Callable[[str], str]] | None = None
        # texts → their tokens, in order (`indexer.indexing`: on every core): when set, `add`
        # leaves a document's tokens to `finish`, after the records are searchable
        self.find_tokens: Callable[[list[str]], Iterable[Tokens]] | None = None

    @property
    def state(self) -> ReuseState:
        """Return the kept state, read on first use (a run that changes nothing never does)."""
        if self._state is None:
            started = time.perf_counter()
            loaded = None if self.fresh else ReuseState.load(self.index_dir, self.generation)
            self.steps["read"] += time.perf_counter() - started
            self.fresh = self.fresh or loaded is None
            self._state = loaded or ReuseState()
        return self._state

    def add(self, doc: Document, digest: str = "") -> None:
        """Take a document written in this run (`digest`: its `text_hash`)."""
        started = time.perf_counter()
        try:
            self._add(doc, bytes.fromhex(digest) if digest else b"")
        finally:
            self.add_seconds += time.perf_counter() - started

    def _add(self, doc: Document, digest: bytes) -> None:
        state = self.state
        kept = state.same_text(doc.id, digest)
        if kept is not None:  # nothing to match again: only what the pages show is renewed
            state.meta[kept] = Slot.of(doc)
            self.requoted[kept] = list(_quotes(kept, doc))
            return
        old_slot = state.slot.get(doc.id)
        slot = state.new_slot(doc, digest)
        if old_slot is not None and self.previous is not None:
            before = self.previous(doc.id)
            if before:
                self.edits[slot] = Edit.between(old_slot, before, doc.text)
        self.texts[slot] = doc.text
        self.tokens[slot] = self._ready(doc)
        state.quotes.extend(_quotes(slot, doc))

    def _ready(self, doc: Document) -> Tokens:
        """Return the tokens of a document: those found beforehand when they are of its
        text, else found now."""
        tokens = self.ready.pop(doc.id, None)
        if tokens is not None and (tokens.text is doc.text or tokens.text == doc.text):
            return tokens
        return None if self.find_tokens is not None else Tokens.of(doc.text)

    def finish(self, alive: set[str], generation: int,
               stored: Callable[[str], Document | None],
               text: Callable[[str], str] | None = None,
               open_text: Callable[[], Callable[[str], str]] | None = None) -> dict[str, int]:
        """Match this run's documents, rebuild the groups, write the files.

        `alive` holds the id of every document in the index after the run; `stored(id)`
        returns an indexed document (for those this run did not write), `text(id)` its text
        alone (quicker: the partners of the new documents are read only for their words).
        `open_text()` makes a `text` lookup of its own (its own files) for each process
        aligning pairs; without it, pairs are aligned in this process only.
        """
        self.text_of = text or (lambda doc_id: getattr(stored(doc_id), "text", ""))
        self.open_text = open_text
        self.ready.clear()  # those of documents not written (duplicates)
        with _collector_paused():  # what it makes is freed by reference counts
            return self._finish(alive, generation, stored)

    def _finish(self, alive: set[str], generation: int,
                stored: Callable[[str], Document | None]) -> dict[str, int]:
        state = self.state
        self._set_aside()
        state.drop(state.stale)
        state.stale = set()
        if self.requoted:
            state.quotes = [q for q in state.quotes if q[0] not in self.requoted]
            state.quotes.extend(q for found in self.requoted.values() for q in found)
        state.remove([i for i in state.slot if i not in alive])
        if self.fresh:  # an index written before this feature, or after a crash: catch up
            for doc_id in _ahead(stored, sorted(alive - state.slot.keys())):
                doc = stored(doc_id)
                if doc is not None:
                    self.add(doc, text_hash(doc))
        self._missing_tokens()
        new = sorted(self.tokens)
        started = time.perf_counter()
        self._match(new)
        self.steps["match"] += time.perf_counter() - started
        if self.found:
            state.m_int = np.concatenate([state.m_int, np.array([f[0] for f in self.found],
                                                                np.int64)])
            state.m_sim = np.concatenate([state.m_sim, np.array([f[1] for f in self.found],
                                                                np.float32)])
        # kept documents matched now: what the pages show of them
        for slot in np.unique(state.matches()[:, [0, 3]]).tolist():
            if slot not in state.meta:
                doc = stored(state.ids[slot])
                state.meta[slot] = Slot.of(doc) if doc else Slot(state.ids[slot])
        started = time.perf_counter()
        groups = build_groups(state)
        excerpts = {}
        for group in groups:  # the words of the oldest occurrence, shown in lists
            slot, start, end, *_ = min(group["occurrences"], key=lambda o: (
                not state.meta.date(o[0]), state.meta.date(o[0]) or "", o[0]))
            key = f"{slot}:{start}:{end}"
            excerpts[key] = state.excerpts.get(key) or \
                " ".join(self._text(slot)[start:end].split())[:EXCERPT_CHARS]
            group["text"] = excerpts[key]
        state.excerpts = excerpts
        self.steps["groups"] += time.perf_counter() - started
        started = time.perf_counter()
        state.save(self.index_dir, generation, groups)
        self.steps["write"] += time.perf_counter() - started
        # `add` read the kept state on first use: the rest of its time is the documents'
        self.steps["documents"] = self.add_seconds - self.steps["read"]
        return {"groups": len(groups), "matches": len(state.matches()),
                "boilerplate": state.dropped}

    def _missing_tokens(self) -> None:
        """Find the tokens `add` left to later (`find_tokens`), in the order of the slots."""
        missing = [slot for slot, tokens in self.tokens.items() if tokens is None]
        if not missing:
            return
        started = time.perf_counter()
        found = self.find_tokens([self.texts[slot] for slot in missing])
        self.tokens.update(zip(missing, found, strict=True))
        self.steps["tokens"] += time.perf_counter() - started

    def _text(self, slot: int) -> str:
        if slot not in self.texts:
            self.texts[slot] = self.text_of(self.state.ids[slot])
        return self.texts[slot]

    def _read_texts(self, slots: Iterable[int]) -> None:
        """Read the texts of these kept documents now, many at a time, when the lookup
        can (`prefetch`: a cluster's, one request for many); else each is read when used."""
        if getattr(self.text_of, "prefetch", None) is None:
            return
        ids = self.state.ids
        wanted = list(dict.fromkeys(s for s in slots if s not in self.texts and ids[s]))
        for slot, doc_id in zip(wanted, _ahead(self.text_of, [ids[s] for s in wanted]),
                                strict=True):
            self.texts[slot] = self.text_of(doc_id)

    def _tokens(self, slot: int) -> Tokens:
        if slot not in self.tokens:
            self.tokens[slot] = Tokens.of(self._text(slot))
        return self.tokens[slot]

    def _match(self, new: list[int]) -> None:
        state = self.state
        state.dropped = 0
        if not new:
            return
        new_h, new_s = _run_fingerprints([self.tokens[slot] for slot in new], new)
        old_h, old_s = state.fp_hash, state.fp_slot
        # document frequency of each new fingerprint: in the kept table plus in this run
        # (`np.unique` with its inverse and counts, from the stable order the new
        # fingerprints are inserted in below: one sort of 64-bit keys for both)
        by_value = _stable_order(new_h)
        ranked = new_h[by_value]
        fresh = np.r_[True, ranked[1:] != ranked[:-1]] if ranked.size else np.zeros(0, bool)
        uniq = ranked[fresh]
        inverse = np.empty(new_h.size, np.intp)
        inverse[by_value] = np.cumsum(fresh) - 1
        counts = np.diff(np.r_[np.flatnonzero(fresh), new_h.size])
        left = np.searchsorted(old_h, uniq, "left")
        right = np.searchsorted(old_h, uniq, "right")
        df = counts + (right - left)
        shared = (df >= 2) & (df <= MAX_DF)
        rare_h = uniq[shared]
        self.rare = rare_h
        rare = shared[inverse.ravel()]  # which of `new_h` are rare, without a search each
        keys, seen = _seen_pairs(new_h, new_s, rare_h, old_s, left[shared], right[shared],
                                 rare)
        order = np.argsort(-seen, kind="stable")
        chosen = _within_partners(keys[order])
        if self.edits:
            hot = self._hot(set(new), old_h, old_s)
            written = set(new)
            chosen = [(a, b) for a, b in chosen if not self._unmoved(a, b, hot, written)]
            self._keep(hot, written)
        self._align_all(chosen)
        # the new fingerprints join the kept table, each after the kept ones of its value
        # (inserted where they belong: sorting the whole table again took seconds)
        at = np.searchsorted(old_h, ranked, "right")
        state.fp_hash = np.insert(old_h, at, ranked)
        state.fp_slot = np.insert(old_s, at, new_s[by_value])

    def _set_aside(self) -> None:
        """Take the matches of every edited document's old slot, before they are dropped."""
        if not self.edits:
            return
        state = self.state
        by_old = {e.old_slot: slot for slot, e in self.edits.items()}
        olds = np.fromiter(by_old, np.int64, len(by_old))
        rows = np.flatnonzero(np.isin(state.m_int[:, 0], olds) | np.isin(state.m_int[:, 3], olds))
        for row in rows.tolist():
            a, a0, a1, b, b0, b1 = state.m_int[row].tolist()
            sim = float(state.m_sim[row])
            if a in by_old and b in by_old:  # both edited: aligned again
                continue
            if a in by_old:
                self.kept.setdefault(by_old[a], []).append((b, (a0, a1), (b0, b1), sim, True))
            else:
                self.kept.setdefault(by_old[b], []).append((a, (b0, b1), (a0, a1), sim, False))

    def _hot(self, new: set[int], old_h: np.ndarray, old_s: np.ndarray) -> dict[int, set[int]]:
        """Return, for each edited document, the kept documents its change may match anew
        or differently: those sharing a rare run of words the change made or unmade, and
        those whose old match (or header or footer) stands within `NEAR` words of it."""
        hot: dict[int, set[int]] = {}
        for slot, edit in self.edits.items():
            t = self.tokens[slot]
            made = np.array(_changed_runs(t.hashes, t.valid, t.spans, edit.start,
                                          edit.new_stop), np.uint32)
            made = made[_member(made, self.rare)]
            unmade = np.array(edit.removed, np.uint32)
            found = set()
            for hashes, most in ((made, MAX_DF), (unmade, MAX_DF - 1)):
                left = np.searchsorted(old_h, hashes, "left")
                right = np.searchsorted(old_h, hashes, "right")
                found.update(int(old_s[k]) for i, j in zip(left.tolist(), right.tolist(),
                                                           strict=True)
                             if j - i <= most for k in range(i, j))
            # an old match near the change may align otherwise; a header or footer whose
            # words the change left alone is judged again where it now stands (`_keep`)
            found.update(p for p, own, _, sim, _ in self.kept.get(slot, ())
                         if edit.moved(own) is None and edit.in_place(own, sim) is None)
            hot[slot] = found - new
        return hot

    def _unmoved(self, a: int, b: int, hot: dict[int, set[int]], written: set[int]) -> bool:
        """Tell whether a pair is an edited document and a kept one its change cannot touch."""
        if a in self.edits and b not in written:
            return b not in hot[a]
        if b in self.edits and a not in written:
            return a not in hot[b]
        return False

    def _keep(self, hot: dict[int, set[int]], new: set[int]) -> None:
        """Add again the old matches of edited documents with kept documents their change
        cannot touch, moved to where they now stand."""
        ids = self.state.ids
        for slot, matches in self.kept.items():
            edit = self.edits[slot]
            starts = None
            for partner, own, other, sim, first in matches:
                if partner in hot[slot] or partner in new or not ids[partner]:
                    continue
                moved = edit.moved(own)
                if moved is None:  # a header or footer beside the change (see `_hot`)
                    moved = edit.in_place(own, sim)
                    if moved is None:
                        continue
                    # the partner's side is unchanged, at its edge: the passage stays a
                    # header or footer while it stands at an edge of this document too
                    t = self.tokens[slot]
                    starts = starts or [a for a, _ in t.spans]
                    w0, w1 = (bisect.bisect_left(starts, c) for c in moved)
                    if not (w0 < EDGE_WORDS or w1 > len(t.words) - EDGE_WORDS):
                        sim = -sim
                row = (slot, *moved, partner, *other) if first else (partner, *other, slot, *moved)
                self.found.append((row, sim))

    def _align_all(self, pairs: list[tuple[int, int]]) -> None:
        """Align the chosen pairs, in `workers` processes when there are many.

        Most of an incremental run goes into reading and splitting the text of the kept
        documents the new ones share passages with: that work splits by partner, each
        process reading its own partners through its own files (`open_text`).
        """
        if len(pairs) < PARALLEL_PAIRS:
            self._align_chunk(pairs)
            return
        # by the partner read from the index, so that each is read once; enough chunks that
        # the arrays of a chunk's pairs' seeds stay small (`SEEDS_KEPT`)
        partners = [b if b not in self.tokens else a for a, b in pairs]
        count = max(self.workers * 4, -(-2 * len(set(partners)) // SEEDS_KEPT))
        chunks: list[list[tuple[int, int]]] = [[] for _ in range(count)]
        for pair, partner in zip(pairs, partners, strict=True):
            chunks[partner % count].append(pair)
        if self.workers < 2 or self.open_text is None:
            table = self.seed_table(chunks)
            for chunk in chunks:  # its matches go on `self.found` as they are found
                self._align_chunk(chunk, table)
        else:
            # the forked processes share the state's pages until written; each aligns at
            # most `PAIRS_A_PROCESS` pairs and ends, and what it copied or made goes with it
            jobs = _jobs([len(chunk) for chunk in chunks], PAIRS_A_PROCESS)
            for start in range(0, len(jobs), self.workers):
                for found, dropped in forked(_align_chunks, jobs[start:start + self.workers],
                                             self.workers, (self, chunks), ordered=False):
                    self.found.extend(found)
                    self.state.dropped += dropped
        self.found.sort()  # the same order whatever process finished first

    def seed_table(self, chunks: Iterable[list[tuple[int, int]]]) -> _SeedTable:
        """Return the seeds of the documents of these chunks of pairs (`_SeedTable`)."""
        return _SeedTable.of((s for chunk in chunks for pair in chunk for s in pair),
                             self._tokens, self.rare)

    def _align_chunk(self, pairs: list[tuple[int, int]], table: _SeedTable | None = None
                     ) -> None:
        """Align a chunk of pairs: the seeds of all found at once (`_pair_seeds`, in `table`
        or in one made for them), and a pair whose seeds make one chain, or none, told
        without `_chains` (`_one_chain`)."""
        self._read_texts(s for pair in pairs for s in pair)
        at, i, j = _pair_seeds(pairs, table or self.seed_table([pairs]))
        kind = _one_chain(at, i, j).tolist()
        first, last = np.minimum(at[:-1], max(i.size - 1, 0)), np.maximum(at[1:] - 1, 0)
        a0, b0 = (i[first].tolist(), j[first].tolist()) if i.size else ([], [])
        a1, b1 = ((i[last] + GRAM).tolist(), (j[last] + GRAM).tolist()) if i.size else ([], [])
        tokens = self.tokens
        passages: list[tuple[int, int, int, int, int, float]] = []  # pair k, then the span
        for k, (a, b) in enumerate(pairs):
            plain = kind[k]
            if not plain:
                continue
            wa, wb = tokens[a].words, tokens[b].words
            if plain == 1:  # what `align_seeds` does with one chain
                span = _align(wa, wb, a0[k], min(a1[k], len(wa)), b0[k], min(b1[k], len(wb)))
                if span is not None:
                    passages.append((k, *span))
            else:
                passages += [(k, *span) for span in align_seeds(
                    wa, wb, list(zip(i[at[k]:at[k + 1]].tolist(), j[at[k]:at[k + 1]].tolist(),
                                     strict=True)))]
        self._passages(pairs, passages, _covered(at, i, passages))

    def _passages(self, pairs: list[tuple[int, int]],
                  passages: list[tuple[int, int, int, int, int, float]], covered: list[int]
                  ) -> None:
        """Keep the passages pairs of documents share (`passages`: pair k, then its span in
        words) that are reuse, the others counted as boilerplate; `covered`: the words of
        each that rare runs cover (`_covered`)."""
        state, tokens = self.state, self.tokens
        # the same passage of a document is often found with several partners (at `250k`,
        # half of those a chunk keeps): what its words and text make of it told once
        told: dict[tuple[int, int, int], tuple[int, int] | None] = {}
        for (k, a0, a1, b0, b1, sim), n in zip(passages, covered, strict=True):
            if n < MIN_COVERED or n * COVERED_SHARE < a1 - a0:
                state.dropped += 1  # mostly common words: a formula with a few rare ones
                continue
            a, b = pairs[k]
            if (a, a0, a1) not in told:
                told[a, a0, a1] = self._not_boilerplate(a, a0, a1)
            chars = told[a, a0, a1]
            if chars is None:
                state.dropped += 1
                continue
            ta, tb = tokens[a], tokens[b]
            if ((a0 < EDGE_WORDS or a1 > len(ta.words) - EDGE_WORDS)
                    and (b0 < EDGE_WORDS or b1 > len(tb.words) - EDGE_WORDS)):
                # left out, but kept: an edit may move it off the edge (`EDGE`)
                state.dropped += 1
                sim = -sim
            self.found.append(((a, *chars, b, tb.span(b0)[0], tb.span(b1 - 1)[1]), sim))

    def _not_boilerplate(self, a: int, a0: int, a1: int) -> tuple[int, int] | None:
        """Return the characters of document a's words a0 to a1, or None when they are
        `boilerplate`, told from the words already at hand: the words of a document between
        two of its words' spans are those of the text between them (the spans found only
        for a passage its words do not already tell: a document's spans split its text)."""
        ta = self.tokens[a]
        if procedure(ta.words[a0:a1]):
            return None
        ca0, ca1 = ta.span(a0)[0], ta.span(a1 - 1)[1]
        return None if _BOILERPLATE.search(self._text(a)[ca0:ca1]) else (ca0, ca1)


# Partners of one chunk of pairs, about half as many at most: a process finds the seeds of
# all its chunks' documents once (`_SeedTable`, 12 bytes a seed, instead of a dict of ~4 KB
# a document for the 120,000 last used), then a chunk's pairs' seeds at once
# (`_pair_seeds`: arrays of ~16 bytes a seed of a pair while they are made), so that more
# pairs a chunk would hold more of them at a time.
SEEDS_KEPT = 120_000
# Pairs one forked process aligns before it ends and another takes the next ones: what a
# process makes or copies of the parent's pages while aligning (words, seeds, the pages of
# every text and token it reads: touching an object writes its reference count) grows with
# the documents it reads, and each new process pays ~6 s of CPU to find its documents' words
# and seeds again. 1,000,000 (session 24): at `1m` the same peak as with 500,000 (19.1 GB of
# PSS in all, each process under ~6.5 GB); at `250k` two processes instead of four, the
# groups' step 101.5 -> 89.6 s (one pair of runs, the same groups).
PAIRS_A_PROCESS = 1_000_000
# Pairs of documents sharing a rare fingerprint made and counted at a time (`_seen_pairs`):
# ~50 bytes each while they are made (34 M at `250k`, far more at `1m`).
PAIRS_A_BLOCK = 20_000_000
# Pairs to align before it is worth starting processes (forking a large state costs).
PARALLEL_PAIRS = 2000
_FORKED: Any = None  # what the processes of `forked` were forked with


def forked(function: Callable[[Any], Any], jobs: Iterable, workers: int, shared: Any,
           ordered: bool = True) -> Iterator[Any]:
    """Yield `function(job)` for each of `jobs`, run in `workers` processes forked from this
    one, in the order of `jobs` (`ordered`) or as they finish. The processes find `shared`
    in `forked_state()`: it is not sent, they read the parent's pages.

    Meanwhile the collector's objects are frozen: in each process it would walk (and so copy)
    every object of a large heap. A process that dies (killed for its memory) fails the run
    (`BrokenProcessPool`) instead of leaving it waiting for a result that will not come.
    """
    global _FORKED
    _FORKED = shared
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            if ordered:
                yield from pool.map(function, jobs)
            else:
                for future in as_completed([pool.submit(function, job) for job in jobs]):
                    yield future.result()
    finally:
        _FORKED = None
        gc.unfreeze()


def forked_state() -> Any:
    """Return what the processes of `forked` were forked with (in one of them)."""
    return _FORKED


def _jobs(sizes: list[int], most: int) -> list[list[int]]:
    """Group chunks (their `sizes`, in order) into jobs of at most `most` pairs, or one chunk.

    >>> _jobs([3, 3, 3, 5, 1], 6)
    [[0, 1], [2], [3, 4]]
    """
    jobs: list[list[int]] = []
    total = 0
    for n, size in enumerate(sizes):
        if not jobs or total + size > most:
            jobs.append([])
            total = 0
        jobs[-1].append(n)
        total += size
    return jobs


def _align_chunks(numbers: list[int]) -> tuple[list, int]:
    """Align chunks of pairs in a forked process: their matches and boilerplate count."""
    update, chunks = _FORKED
    update.found, update.state.dropped = [], 0
    update.text_of = update.open_text()  # its own files
    table = update.seed_table(chunks[n] for n in numbers)
    for n in numbers:
        update._align_chunk(chunks[n], table)
    return update.found, update.state.dropped


# Documents a lookup that can (`prefetch`) is asked for in one request.
PREFETCH = 200


def _ahead(lookup, ids: list[str]) -> Iterator[str]:
    """Yield `ids`, telling `lookup.prefetch` (when it has one) each batch of `PREFETCH`
    before it is looked up one by one."""
    prefetch = getattr(lookup, "prefetch", None)
    for start in range(0, len(ids), PREFETCH):
        batch = ids[start:start + PREFETCH]
        if prefetch is not None:
            prefetch(batch)
        yield from batch


def _quotes(slot: int, doc: Document) -> Iterable[tuple]:
    """The speech quotations of a document as the state keeps them."""
    for i, quote in enumerate(doc.quotes):
        if quote.is_speech and quote.speaker:
            yield (slot, i, quote.start, quote.end, speaker_key(quote.speaker), quote.speaker,
                   quote.function, content_pairs(quote.text))


def _run_fingerprints(tokens: list[Tokens], slots: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Return the distinct valid fingerprints of each document (`slots`, ascending: their
    `tokens`) and its slot beside, by slot then fingerprint: one sort of 64-bit keys, not
    a `np.unique` for each of 250,000 documents.

    >>> t = [Tokens.of("nous ne laisserons aucun village sans eau"), Tokens.of("")]
    >>> h, s = _run_fingerprints(t, [4, 9])
    >>> s.tolist(), h.tolist() == np.unique(t[0].hashes).tolist()
    ([4, 4, 4, 4], True)
    """
    sizes = np.fromiter((t.valid.size for t in tokens), np.int64, len(tokens))
    if not sizes.sum():
        return np.zeros(0, np.uint32), np.zeros(0, np.uint32)
    valid = np.concatenate([t.valid for t in tokens])
    hashes = np.concatenate([t.hashes for t in tokens])[valid].astype(np.uint64)
    owner = np.repeat(np.array(slots, np.uint64), sizes)[valid]
    keys = np.sort((owner << _HIGH) | hashes)  # `np.unique` hashed them: ten times slower
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]]
    return (keys & _LOW).astype(np.uint32), (keys >> _HIGH).astype(np.uint32)


def _seen_pairs(new_h: np.ndarray, new_s: np.ndarray, rare_h: np.ndarray, old_s: np.ndarray,
                left: np.ndarray, right: np.ndarray, keep: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """Return the (slot, slot) pairs sharing at least `MIN_SEEDS` rare fingerprints (`keep`:
    which of `new_h` are in `rare_h`), as keys a << 32 | b (a < b) in ascending order, and
    how many they share: new documents with each other, and with kept ones.

    A pair is made once per fingerprint shared, and counted: the pairs are made a block of
    slots at a time, at most `PAIRS_A_BLOCK` a block. A pair is made by one slot only (its
    first new entry of a fingerprint within the run, its new document with a kept one), so
    a block counts its pairs whole. Made all at once they took more than 20 GB at `1m`.
    """
    h, s = _sorted_pairs(new_h[keep], new_s[keep])
    # within this run: every pair of entries of one fingerprint, made by the first
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    ends = np.r_[starts[1:], h.size]
    idx = np.arange(h.size)
    after = np.repeat(ends, ends - starts) - idx - 1  # entries after each one in its group
    # with the kept table: each new entry with the kept entries of its fingerprint
    k = np.searchsorted(rare_h, h)
    lo = left[k]
    n = right[k] - lo
    made = np.bincount(s, weights=after + n) if s.size else np.zeros(0)
    cuts = np.searchsorted(np.cumsum(made), np.arange(PAIRS_A_BLOCK, made.sum(), PAIRS_A_BLOCK))
    bounds = [0, *np.unique(cuts + 1).tolist(), made.size]
    found_keys, found_seen = [], []
    for b0, b1 in zip(bounds, bounds[1:], strict=False):
        if b1 <= b0:
            continue
        x = idx[(s >= b0) & (s < b1)]
        ax, nx = after[x], n[x]
        xs = np.repeat(x, ax)
        within = _key(s[xs], s[xs + 1 + _ranks(ax)])
        xs = np.repeat(x, nx)
        kept = _key(s[xs], old_s[np.repeat(lo[x], nx) + _ranks(nx)])
        del xs
        keys, seen = _counted(np.concatenate([within, kept]))
        del within, kept
        found_keys.append(keys[seen >= MIN_SEEDS])
        found_seen.append(seen[seen >= MIN_SEEDS])
    if not found_keys:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    keys, seen = np.concatenate(found_keys), np.concatenate(found_seen)
    order = np.argsort(keys, kind="stable")  # a kept pair's block is its new document's
    return keys[order], seen[order]


_LOW = np.uint64(0xFFFFFFFF)
_HIGH = np.uint64(32)


def _sorted_pairs(h: np.ndarray, s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return (h, s), two arrays of 32-bit values, sorted by h then s (`np.lexsort`'s
    order): one sort of 64-bit keys, three times quicker than a lexsort of two keys (tens
    of millions of entries at `250k`).

    >>> _sorted_pairs(np.array([3, 1, 3], np.uint32), np.array([9, 7, 2], np.uint32))
    (array([1, 3, 3], dtype=uint32), array([7, 2, 9], dtype=uint32))
    """
    keys = np.sort((h.astype(np.uint64) << _HIGH) | s.astype(np.uint64))
    return (keys >> _HIGH).astype(np.uint32), (keys & _LOW).astype(np.uint32)


def _stable_order(values: np.ndarray) -> np.ndarray:
    """Return `np.argsort(values, kind="stable")` of 32-bit values: each value and its
    position as one 64-bit key, sorted (a stable argsort of tens of millions is slower).

    >>> _stable_order(np.array([5, 2, 5, 2], np.uint32)).tolist()
    [1, 3, 0, 2]
    """
    keys = (values.astype(np.uint64) << _HIGH) | np.arange(values.size, dtype=np.uint64)
    return (np.sort(keys) & _LOW).astype(np.intp)


def _ranks(counts: np.ndarray) -> np.ndarray:
    """Return, for `np.repeat(values, counts)`, each entry's rank among its value's copies.

    >>> _ranks(np.array([2, 0, 3])).tolist()
    [0, 1, 0, 1, 2]
    """
    return np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)


def _counted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return `np.unique(values, return_counts=True)` by one sort (a third quicker on the
    tens of millions of pair keys of `250k`).

    >>> [a.tolist() for a in _counted(np.array([7, 3, 7, 7], np.uint64))]
    [[3, 7], [1, 3]]
    """
    ranked = np.sort(values)
    fresh = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]]) if ranked.size \
        else np.zeros(0, np.intp)
    return ranked[fresh], np.diff(np.r_[fresh, ranked.size])


def _within_partners(keys: np.ndarray) -> list[tuple[int, int]]:
    """Return the pairs (keys a << 32 | b, most seeds first) to align: all but those met when
    both documents are already in more than `MAX_PARTNERS` pairs (counting those left out).

    >>> _within_partners(np.array([1 << 32 | 2, 1 << 32 | 3], np.uint64))
    [(1, 2), (1, 3)]
    """
    a, b = (keys >> np.uint64(32)).astype(np.int64), (keys & np.uint64(0xFFFFFFFF)).astype(np.int64)
    # the pairs of each document so far, itself included: its rank among its appearances
    # (a pair's two documents differ, so counting a then b is counting them together)
    seq = np.empty(a.size * 2, np.int64)
    seq[0::2], seq[1::2] = a, b
    order = np.argsort(seq, kind="stable")
    ranked = seq[order]
    first = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
    rank = np.empty(seq.size, np.int64)
    rank[order] = np.arange(seq.size) - np.repeat(first, np.diff(np.r_[first, seq.size])) + 1
    keep = ~((rank[0::2] > MAX_PARTNERS) & (rank[1::2] > MAX_PARTNERS))
    return list(zip(a[keep].tolist(), b[keep].tolist(), strict=True))


def _member(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Return which of `values` are in `sorted_set` (a binary search each: `np.isin` would
    sort the set again at every call)."""
    if not sorted_set.size:
        return np.zeros(values.size, bool)
    at = np.minimum(np.searchsorted(sorted_set, values), sorted_set.size - 1)
    return sorted_set[at] == values


def _key(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a, b = a.astype(np.uint64), b.astype(np.uint64)
    low, high = np.minimum(a, b), np.maximum(a, b)
    keys = (low << np.uint64(32)) | high
    return keys[low != high]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Tell whether two spans of a document are one passage: they share half the longer.

    A sentence found elsewhere inside a long copied stretch is not the stretch: joining
    them would chain every passage of a long copy into one group.
    """
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= max(a[1] - a[0], b[1] - b[0])


def build_groups(state: ReuseState) -> list[dict]:
    """Return the groups from the kept matches and quotations.

    A group is {"id", "type": "passage"|"quote", "occurrences": [[slot, start, end,
    quote index or -1, similarity]]}, occurrences in slot order; groups whose occurrences
    stand in one document only are left out.

    The passages of a group are the connected components (scipy's) of a graph whose nodes
    are the spans of the matches and whose edges are the matches, and the spans of one
    document that are one passage (`_overlap`): at 250k, 287,000 matches are grouped in
    about a second where a union-find over Python tuples took seven.
    """
    with _collector_paused():
        return _build_groups(state)


def _build_groups(state: ReuseState) -> list[dict]:
    groups = []
    m = state.matches()
    if len(m):
        spans = np.concatenate([m[:, 0:3], m[:, 3:6]])
        # the distinct spans in (slot, start, end) order (np.unique by rows sorts slower)
        order = np.lexsort((spans[:, 2], spans[:, 1], spans[:, 0]))
        ranked = spans[order]
        fresh = np.r_[True, (ranked[1:] != ranked[:-1]).any(axis=1)]
        nodes = ranked[fresh]
        inverse = np.empty(len(spans), np.int64)
        inverse[order] = np.cumsum(fresh) - 1
        same_u, same_v = _same_passage(nodes)
        u = np.concatenate([inverse[:len(m)], same_u])
        v = np.concatenate([inverse[len(m):], same_v])
        graph = coo_matrix((np.ones(u.size, np.int8), (u, v)), shape=(len(nodes),) * 2)
        _count, labels = connected_components(graph, directed=False)
        # one occurrence per group and document: from its first start to its last end there
        order = np.lexsort((nodes[:, 0], labels))
        labels, slots = labels[order], nodes[order, 0]
        cut = np.flatnonzero(np.r_[True, (labels[1:] != labels[:-1]) | (slots[1:] != slots[:-1])])
        first = np.minimum.reduceat(nodes[order, 1], cut)
        last = np.maximum.reduceat(nodes[order, 2], cut)
        labels, slots = labels[cut], slots[cut]
        bounds = np.flatnonzero(np.r_[True, labels[1:] != labels[:-1], True])
        for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            # in more documents than a fingerprint may be: a formula that varies (chained)
            if 2 <= hi - lo <= MAX_DF and not _commonplace(state, slots[lo:hi].tolist()):
                groups.append({"type": "passage", "occurrences": [
                    [s, a, b, -1] for s, a, b in zip(slots[lo:hi].tolist(),
                                                     first[lo:hi].tolist(),
                                                     last[lo:hi].tolist(), strict=True)]})
    groups += _quote_groups(state)
    groups.sort(key=lambda g: (-len({o[0] for o in g["occurrences"]}), g["type"],
                               g["occurrences"][0]))
    for n, group in enumerate(groups):
        group["id"] = n
    return groups


def _same_passage(nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the edges between spans of one document that are one passage (`_overlap`),
    each to the span reaching furthest among those joined before it; `nodes` holds
    (slot, start, end) rows in that order."""
    us, vs = [], []
    slots, starts, ends = (column.tolist() for column in nodes.T)
    current = 0
    for i in range(1, len(slots)):
        if slots[i] != slots[current]:
            current = i
        elif _overlap((starts[current], ends[current]), (starts[i], ends[i])):
            us.append(current)
            vs.append(i)
            if ends[i] > ends[current]:
                current = i
        else:
            current = i
    return np.array(us, np.int64), np.array(vs, np.int64)


def _commonplace(state: ReuseState, slots) -> bool:
    """Tell whether a passage is a debate's commonplace: said in debates by many members
    (« madame la garde des Sceaux, madame la ministre, mes chers collègues », « Comme il est
    presque 14 heures, nous passons aux déclarations des députés »), not one side's line."""
    meta = state.meta
    if not slots or any(s not in meta or (meta.kind(s) or "") != "débat" for s in slots):
        return False
    return len({speaker_key(n) for s in slots for n in meta.speakers(s)}) >= FORMULA_SPEAKERS


def _quote_groups(state: ReuseState) -> list[dict]:
    """Group quotations of one speaker that share a phrase found in few quotations."""
    df: dict[int, int] = defaultdict(int)
    for q in state.quotes:
        for p in q[7]:
            df[p] += 1
    by_phrase: dict[tuple[str, int], list[int]] = defaultdict(list)
    for n, q in enumerate(state.quotes):
        for p in q[7]:
            if df[p] <= QUOTE_DF:
                by_phrase[(q[4], p)].append(n)
    uf = _UnionFind()
    for found in by_phrase.values():
        for n in found[1:]:
            uf.union(found[0], n)
    members: dict[int, list[int]] = defaultdict(list)
    for found in by_phrase.values():
        for n in found:
            members[uf.find(n)].append(n)
    groups = []
    for found in members.values():
        quotes = [state.quotes[n] for n in sorted(set(found))]
        if len({q[0] for q in quotes}) >= 2:
            groups.append({"type": "quote", "occurrences": sorted(
                [q[0], q[2], q[3], q[1], q[5]] for q in quotes)})
    return groups
