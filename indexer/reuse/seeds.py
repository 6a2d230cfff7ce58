"""The third step: the seeds of a chunk's pairs, and their chains.

A seed is a place of a rare fingerprint in both documents of a pair (i in a, j in b). An
aligning process finds the seeds of all its chunks' documents once (`_SeedTable`), then
those of each chunk's pairs at once (`_pair_seeds`); a pair's seeds on one diagonal make a
chain (`_one_chain` when that is plain, else `_run_chains` of their runs, `_seed_runs`),
and `_covered` counts the words a passage's seeds cover. Before: the pairs
(`indexer.reuse.pairs`); next: each chain is aligned word by word
(`indexer.reuse.passages`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from indexer.reuse.pairs import _HIGH, MIN_SEEDS, _member, _ranks
from indexer.reuse.words import GRAM, Tokens

# Seeds further apart than this (in words) start another stretch.
GAP = 16
# Places of one run of words in one document taken as seeds (a refrain repeated).
MAX_REPEATS = 4
# Which 32-bit half of a 64-bit key (fingerprint << 32 | place) holds its fingerprint.
_FINGERPRINT_HALF = 1 if sys.byteorder == "little" else 0


def _run_chains(runs: list[tuple[int, int, int]]) -> list[list[int]]:
    """Split a pair's seeds (i in a, j in b), given as their runs (`_seed_runs`: i, j and n,
    seeds (i, j) to (i + n - 1, j + n - 1) one word apart on one diagonal), into stretches
    along one diagonal, each as [i, j, last i, last j, seeds], by first seed.

    Seed by seed, a seed one word after the last one of a chain (the one the seed before
    ended) goes on it, and the others join the chain of their diagonal that drifts least,
    or start one; a chain more than `GAP` words behind ends. A run's seeds after its first
    go on its first's chain, with no chain ending or starting: they are taken at once.
    Chained seed by seed (a Python loop over every seed), the pairs of many seeds (mostly
    long copies) took ~15 % of an aligning process's CPU at `250k`.

    >>> _run_chains([(0, 10, 3), (40, 3, 2)])
    [[0, 10, 2, 12, 3], [40, 3, 41, 4, 2]]
    """
    done: list[list[int]] = []
    active: list[list[int]] = []
    for i, j, n in runs:
        still = []
        for chain in active:
            (done if i - chain[2] > GAP else still).append(chain)
        active = still
        best, drift = None, GAP + 1
        for chain in active:
            li, lj = chain[2], chain[3]
            d = abs((j - i) - (lj - li))
            if i > li and 0 < j - lj <= GAP + 8 and d < drift:
                best, drift = chain, d
        if best is None:
            active.append([i, j, i + n - 1, j + n - 1, n])
        else:
            best[2], best[3], best[4] = i + n - 1, j + n - 1, best[4] + n
            active.remove(best)
            active.append(best)
    done += active
    return sorted(done)  # by first seed: no two chains share one


def _seed_runs(at: np.ndarray, i: np.ndarray, j: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return the runs of each pair's seeds (`_pair_seeds`): seeds one word apart on one
    diagonal, each run as its first seed (i, j) and its length n; pair k's runs are
    `runs[k]` to `runs[k + 1]`.

    >>> at, i, j = np.array([0, 4, 5]), np.array([0, 1, 2, 40, 7]), np.array([10, 11, 12, 3, 8])
    >>> [a.tolist() for a in _seed_runs(at, i, j)]
    [[0, 2, 3], [0, 40, 7], [10, 3, 8], [3, 1, 1]]
    """
    start = np.ones(i.size, bool)
    start[1:] = (i[1:] - i[:-1] != 1) | (j[1:] - j[:-1] != 1)
    start[at[:-1][at[:-1] < i.size]] = True  # a pair's first seed starts a run
    first = np.flatnonzero(start)
    runs = np.r_[0, np.cumsum(start)][at]
    return runs, i[first], j[first], np.diff(np.r_[first, i.size])


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
        """Return the seeds of documents (`slots`, in any order, repeated or not): the valid
        places of their rare fingerprints (`rare`, sorted), the first `MAX_REPEATS` of each
        in a document."""
        # each document once, in order, marked in an array of every slot: the 1.83 M slots
        # of a `250k` job's pairs in 0.07-0.12 s, where a set of them, sorted, took
        # 0.38-0.56 s (at `1m` the parent's table reads 18 M)
        given = np.fromiter(slots, np.int64)
        present = np.zeros(int(given.max(initial=-1)) + 1, bool)
        present[given] = True
        slots = np.flatnonzero(present)
        del given, present
        found = [tokens(s) for s in slots.tolist()]
        sizes = np.fromiter((t.hashes.size for t in found), np.int64, len(found))
        if not sizes.sum() or not rare.size:
            return cls(slots, *(np.zeros(0, t) for t in (np.uint32, np.int32, np.int32)),
                       np.zeros(1, np.int64))
        hashes = np.concatenate([t.hashes for t in found])
        places = np.flatnonzero(np.concatenate([t.valid for t in found]))
        # by fingerprint, then place (documents one after the other: then document, then
        # place in it), as one sort of 64-bit keys made and sorted in place (a temporary
        # array less at each step); the fingerprints then looked up in order
        keys = hashes[places].astype(np.uint64)
        keys <<= _HIGH
        keys |= places.view(np.uint64)
        del hashes, places
        keys.sort()
        halves = keys.view(np.uint32).reshape(-1, 2)  # each key's two 32-bit halves
        h = halves[:, _FINGERPRINT_HALF].copy()
        keep = _sorted_member(h, rare)
        h, places = h[keep], halves[keep, 1 - _FINGERPRINT_HALF].astype(np.int64)
        del keys, halves, keep
        # the document of each place (its rank in `slots`), read from one array of the
        # words' (a binary search of the documents' ends was ten times slower: the places
        # are not in order)
        owner = np.repeat(np.arange(sizes.size, dtype=np.int32), sizes)[places]
        position = places - (np.cumsum(sizes) - sizes)[owner]
        # the first `MAX_REPEATS` places of a fingerprint in a document are seeds: a place is
        # a later one when the place `MAX_REPEATS` before it is of the same fingerprint and
        # document (a fingerprint's places in a document stand together; each place's rank
        # among them, made by a repeat of their firsts, took ~0.9 s of a job at `250k`)
        seed = np.ones(h.size, bool)
        seed[MAX_REPEATS:] = h[MAX_REPEATS:] != h[:-MAX_REPEATS]
        seed[MAX_REPEATS:] |= owner[MAX_REPEATS:] != owner[:-MAX_REPEATS]
        h, owner, position = h[seed], owner[seed], position[seed].astype(np.int32)
        return cls(slots, h, owner, position, np.flatnonzero(np.r_[True, h[1:] != h[:-1], True]))


def _sorted_member(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """`_member` of sorted values: each distinct value searched once (a job's ~14 M seeds at
    `250k` hold ~3 M fingerprints: 0.35 → 0.15 s).

    >>> _sorted_member(np.array([2, 2, 3, 5, 5, 5, 9]), np.array([1, 2, 5])).tolist()
    [True, True, False, True, True, True, False]
    """
    fresh = np.empty(values.size, bool)
    fresh[:1] = True
    np.not_equal(values[1:], values[:-1], out=fresh[1:])
    starts = np.flatnonzero(fresh)
    return np.repeat(_member(values[starts], sorted_set), np.diff(np.r_[starts, values.size]))


def _pair_seeds(pairs: list[tuple[int, int]], table: _SeedTable
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the seeds of every pair at once, as `_pair` made them one pair at a time: pair
    k's are `i[at[k]:at[k + 1]]` (in a) and `j[…]` (in b), sorted by i then j.

    A pair's seeds are each place of a fingerprint in a with each of the same in b
    (`_SeedTable`, which must hold both documents). They are found by fingerprint: each
    entry of the lower document of a pair (by slot) with every entry of its fingerprint in
    a higher one, kept when their documents are a pair (`_met`, `FIRST_A_SLICE` entries of
    lower documents at a time). Made pair by pair (a dict a document, intersected, sorted)
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
    # pair k as the ranks of its documents in the table, the lower one first (a pair is
    # met from its lower document's entries: those of a fingerprint are by document, and
    # the higher documents' follow); the entries of lower documents
    pa, pb = np.searchsorted(table.slots, both[:, 0]), np.searchsorted(table.slots, both[:, 1])
    swapped = pa > pb
    pa, pb = np.minimum(pa, pb), np.maximum(pa, pb)
    first = np.zeros(table.slots.size, bool)
    first[pa] = True
    x = np.flatnonzero(first[table.owner])
    del first
    # an entry met is told a pair's, and which, by a table of the pairs by a hash of their
    # two documents (`_PairIndex`), not a search in the sorted pairs (a binary search
    # each: ~1 s of a job's 3.5 s in `_pair_seeds` at `250k`)
    index = _PairIndex.of(pa, pb)
    pieces = [_met(x[n:n + FIRST_A_SLICE], table, index)
              for n in range(0, x.size, FIRST_A_SLICE)] or [
        (np.zeros(0, np.intp), np.zeros(0, np.int32), np.zeros(0, np.int32))]
    del x, index
    k, i, j = (np.concatenate(part) for part in zip(*pieces, strict=True))
    del pieces
    if swapped.any():  # pairs given higher document first: their places back in turn
        turn = swapped[k]
        i, j = np.where(turn, j, i), np.where(turn, i, j)
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


# Entries of lower documents `_pair_seeds` meets with the entries of their fingerprint at a
# time: a slice's arrays are tens of MB, whose pages the allocator keeps for the next slice.
# A chunk's entries met at once were fresh pages each time: at `1m` job 0's `_pair_seeds`
# took 10.0-15.2 s of CPU, 8.0-8.4 s by slices; its page faults 3.26 -> 2.05 M, its peak
# RSS 9.16 -> 8.10 GB (session 30, the same seeds).
FIRST_A_SLICE = 1 << 17


def _met(x: np.ndarray, table: _SeedTable, index: _PairIndex
         ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the seeds entries `x` of lower documents make with every entry of their
    fingerprint in a higher document: each seed's pair k (`index`: the pairs, a < b, as the
    ranks of their documents in `table`) and places i and j, unordered.

    A fingerprint's entries are by document, a document's (`MAX_REPEATS` at most) together:
    an entry meets those after the last of its own document, not the fingerprint's every
    entry (at `1m`, half as many met; the same document's and the lower ones' were no pair).
    """
    owner = table.owner
    end = table.starts[np.searchsorted(table.starts, x, "right")]
    ox = owner[x]
    after = x + 1
    for r in range(1, MAX_REPEATS):
        after += (x + r < end) & (owner[np.minimum(x + r, end - 1)] == ox)
    count = end - after
    y = np.repeat(after, count) + _ranks(count)
    x, ox = np.repeat(x, count), np.repeat(ox, count)
    del end, after, count
    k = index.find(ox, owner[y])
    hit = np.flatnonzero(k >= 0)
    return k[hit], table.position[x[hit]], table.position[y[hit]]


@dataclass
class _PairIndex:
    """The pairs (a, b), a < b, as documents' ranks, by a hash of both (`_mixed`): `slot[h]`
    is the one pair of hash h, -1 when none has it, -2 when two or more (searched in
    `ranked`, the pairs' keys a << 32 | b sorted, `by_key` their order). Four bytes a slot,
    at least sixteen slots a pair (`_hash_size`): few pairs share one."""

    a: np.ndarray
    b: np.ndarray
    slot: np.ndarray
    ranked: np.ndarray
    by_key: np.ndarray

    @classmethod
    def of(cls, a: np.ndarray, b: np.ndarray) -> _PairIndex:
        """Return the index of the pairs (a[k], b[k])."""
        hashed = _mixed(a, b, _hash_size(a.size))
        slot = np.full(_hash_size(a.size), -1, np.int32)
        slot[hashed] = np.arange(a.size, dtype=np.int32)
        shared = hashed[slot[hashed] != np.arange(a.size)]  # another pair took its slot
        slot[shared] = -2
        keys = (a << 32) | b
        by_key = np.argsort(keys, kind="stable")
        return cls(a, b, slot, keys[by_key], by_key)

    def find(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Return the pair each (a, b) is, -1 when none (a pair met twice: its first)."""
        k = self.slot[_mixed(a, b, self.slot.size)]
        one = np.flatnonzero(k >= 0)
        miss = (self.a[k[one]] != a[one]) | (self.b[k[one]] != b[one])
        k[one[miss]] = -1
        several = np.flatnonzero(k == -2)
        if several.size:
            keys = (a[several].astype(np.int64) << 32) | b[several]
            at = np.minimum(np.searchsorted(self.ranked, keys), self.ranked.size - 1)
            k[several] = np.where(self.ranked[at] == keys, self.by_key[at], -1)
        return k


def _hash_size(pairs: int) -> int:
    """Return the slots of `_PairIndex` for `pairs` pairs: a power of two, 16 times as many
    or more (one in sixteen taken at most: few pairs share a slot)."""
    return 1 << max(16, (16 * pairs).bit_length())


def _mixed(a: np.ndarray, b: np.ndarray, size: int) -> np.ndarray:
    """Return a hash of the pairs (a, b) of non-negative 31-bit values, below `size` (a
    power of two)."""
    mixed = a.astype(np.int64)  # in place after this copy: one array of 8 bytes a pair
    mixed *= 0x9E3779B1
    mixed ^= b
    mixed &= size - 1
    return mixed


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
    """Return, for each pair's seeds (`_pair_seeds`), what `_run_chains` makes of them when
    that is plain: 1 one chain of all (seeds on one diagonal, each at most `GAP` words after
    the one before, or two that chain), 0 none of `MIN_SEEDS` (two that do not chain), -1
    anything else (`_run_chains` tells).

    A copy's seeds on its diagonal are cut where a run of its words is no seed (a common or
    stop-word run, a refrain past `MAX_REPEATS`): `_run_chains` makes them one chain while
    the gaps stay within `GAP`. At `1m`, where most pairs share whole paragraphs, 70 % of a
    job's pairs went to `_run_chains` when only seeds one word apart were plain.

    >>> at = np.array([0, 3, 5, 7, 10, 13, 16])
    >>> i = np.array([4, 5, 6, 0, 9, 0, 40, 0, 1, 9, 2, 3, 19, 2, 3, 20])
    >>> j = np.array([8, 9, 10, 0, 12, 0, 3, 0, 1, 2, 7, 8, 24, 7, 8, 25])
    >>> _one_chain(at, i, j).tolist()
    [1, 1, 0, -1, 1, -1]
    """
    n = np.diff(at)
    kind = np.full(n.size, -1, np.int8)
    if not i.size:
        kind[n == 0] = 0
        return kind
    di = i[1:] - i[:-1]
    step = np.r_[(di > 0) & (di <= GAP) & (j[1:] - j[:-1] == di), False]
    # a pair's steps between its seeds all on one diagonal within `GAP`: no other inside it
    other = np.r_[0, np.cumsum(~step)]
    last = np.maximum(at[1:] - 1, at[:-1])
    kind[(n >= 2) & (other[last] - other[at[:-1]] == 0)] = 1
    two = np.flatnonzero((n == 2) & (kind == -1))
    di, dj = i[at[two] + 1] - i[at[two]], j[at[two] + 1] - j[at[two]]
    chained = (di > 0) & (di <= GAP) & (dj > 0) & (dj <= GAP + 8) & (np.abs(dj - di) <= GAP)
    kind[two] = chained.astype(np.int8)
    kind[n < MIN_SEEDS] = 0 if MIN_SEEDS == 2 else -1
    return kind
