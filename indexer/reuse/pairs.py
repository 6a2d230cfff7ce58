"""The second step: the candidate pairs, documents sharing rare fingerprints.

The fingerprints of a run's documents (`indexer.reuse.words`) are looked up in the kept
table (`ReuseState.fp_hash`, sorted); those in at most `MAX_DF` documents are rare. Every
two documents sharing `MIN_SEEDS` rare fingerprints or more are a pair (`_seen_pairs`, made
and counted a block of slots at a time), the most seeds first, at most `MAX_PARTNERS` a
document (`_within_partners`). `ReuseUpdate._match` runs this step; next, `_align_all`
aligns the pairs of the same two texts once (`_SameTexts`), cut into chunks, each chunk's
seeds found (`indexer.reuse.seeds`) and aligned (`indexer.reuse.passages`). The sorting
helpers here serve the next steps too.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from indexer.reuse.processes import forked, forked_state
from indexer.reuse.words import Tokens

# A fingerprint in more documents than this is a formula or boilerplate, not reuse.
MAX_DF = 30
# Rare fingerprints two documents must share before they are aligned.
MIN_SEEDS = 2
# Pairs aligned per run at most for one new document (a document copied into thousands).
MAX_PARTNERS = 200
# Pairs of documents sharing a rare fingerprint made and counted at a time (`_seen_pairs`):
# ~50 bytes each while they are made (34 M at `250k`, far more at `1m`).
PAIRS_A_BLOCK = 20_000_000
# Bits of a pair's key while it is counted: its two slots and its weight (`_seen_pairs`).
KEY_BITS = 64
_LOW = np.uint64(0xFFFFFFFF)
_HIGH = np.uint64(32)
# Keys from this many up are sorted a half in each of two threads (numpy sorts without the
# GIL), the halves then merged: the parent's sorts of the step's tens of millions of keys,
# while the other core has nothing to do.
TWO_HALVES = 4_000_000


def _sort(keys: np.ndarray) -> None:
    """Sort `keys` in place; from `TWO_HALVES` keys up, a half in each of two threads, then
    the two sorted halves merged (a stable sort finds them as two runs): 60 M keys in 2.6 s
    of wall instead of 4.4 (4.6 s of CPU instead of 4.4).

    >>> keys = np.array([9, 2, 7, 2, 5], np.uint64)
    >>> _sort(keys)
    >>> keys.tolist()
    [2, 2, 5, 7, 9]
    """
    if keys.size < TWO_HALVES:
        keys.sort()
        return
    half = keys.size // 2
    with ThreadPoolExecutor(2, thread_name_prefix="verbatim-reuse-sort") as pool:
        list(pool.map(np.ndarray.sort, (keys[:half], keys[half:])))
    keys.sort(kind="stable")


def _run_fingerprints(tokens: list[Tokens], slots: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Return the distinct valid fingerprints of each document (`slots`, ascending: their
    `tokens`) and its slot beside, by fingerprint then slot: one sort of 64-bit keys, not
    a `np.unique` for each of 250,000 documents. In this order the fingerprints are looked
    up and counted, join the kept table and make the pairs (`_seen_pairs`): sorted by slot
    then fingerprint, as they were, they were sorted twice again (~2 s at `250k`).

    >>> t = [Tokens.of("nous ne laisserons aucun village sans eau"), Tokens.of("")]
    >>> h, s = _run_fingerprints(t, [4, 9])
    >>> s.tolist(), h.tolist() == np.unique(t[0].hashes).tolist()
    ([4, 4, 4, 4], True)
    """
    sizes = np.fromiter((t.valid.size for t in tokens), np.int64, len(tokens))
    if not sizes.sum():
        return np.zeros(0, np.uint32), np.zeros(0, np.uint32)
    valid = np.concatenate([t.valid for t in tokens])
    keys = np.concatenate([t.hashes for t in tokens])[valid].astype(np.uint64)
    keys <<= _HIGH
    keys |= np.repeat(np.array(slots, np.uint64), sizes)[valid]
    _sort(keys)  # `np.unique` hashed them: ten times slower
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]]
    return (keys >> _HIGH).astype(np.uint32), (keys & _LOW).astype(np.uint32)


def _seen_pairs(new_h: np.ndarray, new_s: np.ndarray, rare_h: np.ndarray, old_s: np.ndarray,
                left: np.ndarray, right: np.ndarray, keep: np.ndarray, workers: int = 1,
                ordered: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Return the (slot, slot) pairs sharing at least `MIN_SEEDS` rare fingerprints (`keep`:
    which of `new_h` are in `rare_h`; the entries `new_h`, `new_s` by fingerprint then
    slot, as `_run_fingerprints` gives them), as keys a << 32 | b (a < b) in ascending order, and
    how many they share: new documents with each other, and with kept ones.

    A pair is made once per fingerprint shared, and counted: the pairs are made a block of
    slots at a time, at most `PAIRS_A_BLOCK` a block. A pair is made by one slot only (its
    first new entry of a fingerprint within the run, its new document with a kept one), so
    a block counts its pairs whole. Made all at once they took more than 20 GB at `1m`.
    Several blocks are made in `workers` processes forked from this one (`_block_pairs`):
    made one after the other they kept a core idle (at `1m` 41.9 s of wall, 27.6 s so).
    The fingerprints of one passage copied into the same documents make the same pairs:
    those of the run are made once for all of them, weighing as many (`_alike`).
    Not `ordered`: each pair once, in no order (`_most_seeds_first` sorts them as it needs).
    """
    h, s = new_h[keep], new_s[keep]
    # within this run: every pair of entries of one fingerprint, made by the first
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    ends = np.r_[starts[1:], h.size]
    # a fingerprint twice in a slot (never from `_run_fingerprints`) pairs the slot with itself
    twice = bool(((h[1:] == h[:-1]) & (s[1:] == s[:-1])).any())
    times = _alike(s, starts, ends)
    # the keys as (low << bits | high) << wide | weight: a pair's weight in its last bits
    top = max(int(s.max()) if s.size else 0, int(old_s.max()) if old_s.size else 0)
    bits, wide = max(top.bit_length(), 1), int(times.max()).bit_length() if times.size else 0
    if 2 * bits + wide > KEY_BITS or wide < 2:  # no room for the weights, or no weight above 1
        times = np.ones_like(times)  # each group makes its own pairs
        wide = 0
    weight = np.repeat(times.astype(np.uint64), ends - starts)  # 0: made by another group
    after = np.repeat(ends, ends - starts) - np.arange(h.size) - 1  # entries after each one
    after[weight == 0] = 0
    # with the kept table: each new entry with the kept entries of its fingerprint
    if old_s.size:
        k = np.searchsorted(rare_h, h)
        lo = left[k]
        n = right[k] - lo
    else:  # no kept table (a first run): no search of each entry's fingerprint
        lo = n = np.zeros(h.size, np.int64)
    made = np.bincount(s, weights=after + n) if s.size else np.zeros(0)
    cuts = np.searchsorted(np.cumsum(made), np.arange(PAIRS_A_BLOCK, made.sum(), PAIRS_A_BLOCK))
    bounds = [0, *np.unique(cuts + 1).tolist(), made.size]
    blocks = [(b0, b1) for b0, b1 in zip(bounds, bounds[1:], strict=False) if b1 > b0]
    made_with = _Made(s, after, lo, n, old_s, twice, bits, wide, weight)
    if workers > 1 and len(blocks) > 1:
        found = list(forked(_block_pairs, blocks, min(workers, len(blocks)), made_with))
    else:
        found = [made_with.block(*block) for block in blocks]
    if not found:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    keys, seen = (np.concatenate(part) for part in zip(*found, strict=True))
    if not ordered:
        return keys, seen
    order = np.argsort(keys, kind="stable")  # a kept pair's block is its new document's
    return keys[order], seen[order]


def _most_seeds_first(keys: np.ndarray, seen: np.ndarray) -> np.ndarray:
    """Return the pair keys (a << 32 | b, each once; `seen`: the seeds each shares) by seeds,
    most first, then by key: one sort of 64-bit values (fewer seeds, a, b) when the slots and
    counts fit them, where sorting the keys and then their counts took two stable sorts of
    the 30 M pairs of `1m` (~9 s with the reordering).

    >>> keys = np.array([3 << 32 | 4, 1 << 32 | 2, 1 << 32 | 5], np.uint64)
    >>> [(int(k) >> 32, int(k) & 0xFFFFFFFF) for k in _most_seeds_first(keys, np.array([2, 2, 9]))]
    [(1, 5), (1, 2), (3, 4)]
    """
    if not keys.size:
        return keys
    a, b = keys >> _HIGH, keys & _LOW
    bits = max(int(a.max()), int(b.max())).bit_length()
    most = int(seen.max())
    if 2 * bits + (most - int(seen.min())).bit_length() > KEY_BITS:  # no room: two sorts
        return keys[np.lexsort((keys, -seen))]
    packed = (np.uint64(most) - seen.astype(np.uint64)) << np.uint64(2 * bits)
    packed |= a << np.uint64(bits)
    packed |= b
    _sort(packed)
    slot = np.uint64((1 << bits) - 1)
    return ((packed >> np.uint64(bits)) & slot) << _HIGH | (packed & slot)


@dataclass
class _Made:
    """What `_seen_pairs` makes its blocks of pairs from: the rare entries' slots `s` (by
    fingerprint then slot), the entries `after` each one of its fingerprint in this run, and
    its kept entries in `old_s` (`n` from `lo`); `twice`: a fingerprint twice in a slot;
    the keys of `bits` a slot, with the `weight` of each entry's pairs in their last `wide`
    bits (none when `wide` is 0)."""

    s: np.ndarray
    after: np.ndarray
    lo: np.ndarray
    n: np.ndarray
    old_s: np.ndarray
    twice: bool
    bits: int
    wide: int
    weight: np.ndarray

    def block(self, b0: int, b1: int) -> tuple[np.ndarray, np.ndarray]:
        """Return the pairs slots `b0` to `b1` make (keys a << 32 | b) that share
        `MIN_SEEDS` rare fingerprints or more, and how many, by key."""
        s = self.s
        x = np.flatnonzero((s >= b0) & (s < b1))
        ax, nx = self.after[x], self.n[x]
        xs = np.repeat(x, ax)
        # the entries after each one: x + 1 onwards (`_ranks` of `ax`, x + 1 added by the
        # one repeat); a fingerprint's entries are by slot, so an entry's slot is the lower
        # of its pairs'
        later = np.repeat(x + 1 - (np.cumsum(ax) - ax), ax)
        later += np.arange(later.size)
        low, high = s[xs], s[later]
        del later
        bits_at, wide_at = np.uint64(self.bits), np.uint64(self.wide)
        within = low.astype(np.uint64)
        within <<= bits_at
        within |= high
        if self.wide:
            within <<= wide_at
            within |= self.weight[xs]
        if self.twice:
            within = within[low != high]
        del low, high
        xs = np.repeat(x, nx)
        low, high = s[xs], self.old_s[np.repeat(self.lo[x], nx) + _ranks(nx)]
        del xs
        kept = np.minimum(low, high).astype(np.uint64)
        kept <<= bits_at
        kept |= np.maximum(low, high)
        kept = kept[low != high]
        del low, high
        if self.wide:
            kept <<= wide_at
            kept |= np.uint64(1)
        keys, seen = _counted(np.concatenate([within, kept]), self.wide)
        del within, kept
        keys = keys[seen >= MIN_SEEDS]  # back to a << 32 | b
        keys = (keys >> bits_at) << _HIGH | (keys & np.uint64((1 << self.bits) - 1))
        return keys, seen[seen >= MIN_SEEDS]


def _block_pairs(block: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """`_Made.block` in a process forked by `_seen_pairs`."""
    return forked_state().block(*block)


def _mixed(values: np.ndarray) -> np.ndarray:
    """Return 64 well-mixed bits of each of `values` (splitmix64's finaliser)."""
    z = values.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)
    z ^= z >> np.uint64(30)
    z *= np.uint64(0xBF58476D1CE4E5B9)
    z ^= z >> np.uint64(27)
    z *= np.uint64(0x94D049BB133111EB)
    z ^= z >> np.uint64(31)
    return z


def _alike(s: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Return, for each group of entries `s[starts[g]:ends[g]]` (slots in order), the weight
    of the pairs it makes: how many groups hold the same slots, for the first of them, and 0
    for the others (the first makes their pairs). A passage copied into documents is many
    fingerprints in the same documents: at `250k` 2.7 M groups, 270,000 distinct, 34 M pairs
    made where 14 M are enough.

    Groups are told alike by a sum of their slots' mixed bits (`_mixed`), then compared
    slot by slot with the first of their sum: a group that differs weighs 1 on its own.

    >>> s = np.array([1, 4, 1, 4, 2, 4, 1, 4], np.uint32)
    >>> _alike(s, np.array([0, 2, 4, 6]), np.array([2, 4, 6, 8])).tolist()
    [3, 0, 1, 0]
    >>> _alike(s + 10**6, np.array([0, 2, 4, 6]), np.array([2, 4, 6, 8])).tolist()  # no table
    [3, 0, 1, 0]
    """
    if not s.size:  # no entry (`starts` may then hold an empty group)
        return np.ones(starts.size, np.int64)
    sizes = ends - starts
    top = int(s.max())  # each slot mixed once (a take of a table: ~8 times quicker)
    sums = np.add.reduceat(_mixed(np.arange(top + 1))[s] if top < 4 * s.size else _mixed(s),
                           starts)
    sums += _mixed(sizes)  # the size too
    order = np.argsort(sums, kind="stable")
    ranked = sums[order]
    fresh = np.r_[True, ranked[1:] != ranked[:-1]]
    first = np.empty(starts.size, np.int64)
    first[order] = order[np.flatnonzero(fresh)[np.cumsum(fresh) - 1]]  # the first of a sum
    # slot by slot with the first group of the same sum (those of another size differ)
    same = sizes == sizes[first]
    twin = np.repeat(np.where(same, starts[first] - starts, 0), sizes)
    twin += np.arange(s.size)
    same &= np.logical_and.reduceat(s[twin] == s, starts)
    del twin
    times = np.bincount(first[same], minlength=starts.size)  # 0 but for the firsts
    times[~same] = 1
    return times


def _inserted(values: np.ndarray, at: np.ndarray, new: np.ndarray) -> np.ndarray:
    """Return `np.insert(values, at, new)` for places `at` in ascending order: new value k
    goes to `at[k] + k`, the others in order around them (`np.insert` sorts the places
    first: 0.4-1.4 s for the 14.8 M new fingerprints of `250k`, 0.075 s this way).

    >>> _inserted(np.array([1, 5, 9]), np.array([0, 2, 2, 3]), np.array([0, 6, 7, 10])).tolist()
    [0, 1, 5, 6, 7, 9, 10]
    """
    out = np.empty(values.size + new.size, values.dtype)
    where = at + np.arange(new.size)
    out[where] = new
    if values.size:
        kept = np.ones(out.size, bool)
        kept[where] = False
        out[kept] = values
    return out


def _ranks(counts: np.ndarray) -> np.ndarray:
    """Return, for `np.repeat(values, counts)`, each entry's rank among its value's copies.

    >>> _ranks(np.array([2, 0, 3])).tolist()
    [0, 1, 0, 1, 2]
    """
    return np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)


def _counted(values: np.ndarray, wide: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Return `np.unique(values, return_counts=True)` by one sort (a third quicker on the
    tens of millions of pair keys of `250k`); with `wide`, each value's last `wide` bits
    are its weight: the values without them, and the sum of their weights.

    >>> [a.tolist() for a in _counted(np.array([7, 3, 7, 7], np.uint64))]
    [[3, 7], [1, 3]]
    >>> [a.tolist() for a in _counted(np.array([7 << 4 | 2, 3 << 4 | 1, 7 << 4 | 5], np.uint64), 4)]
    [[3, 7], [1, 7]]
    """
    ranked = np.sort(values)
    if wide:
        weights = ranked & np.uint64((1 << wide) - 1)
        ranked >>= np.uint64(wide)
    fresh = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]]) if ranked.size \
        else np.zeros(0, np.intp)
    if not wide:
        return ranked[fresh], np.diff(np.r_[fresh, ranked.size])
    seen = np.add.reduceat(weights, fresh).astype(np.int64) if fresh.size \
        else np.zeros(0, np.int64)
    return ranked[fresh], seen


def _within_partners(keys: np.ndarray) -> np.ndarray:
    """Return the pairs (keys a << 32 | b, most seeds first) to align, as rows (a, b): all
    but those met when both documents are already in more than `MAX_PARTNERS` pairs
    (counting those left out). Rows, not tuples: at `1m` its 9 M tuples took seconds, and
    `ReuseUpdate._align_all` cuts them into chunks by array.

    >>> _within_partners(np.array([1 << 32 | 2, 1 << 32 | 3], np.uint64)).tolist()
    [[1, 2], [1, 3]]
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
    return np.stack([a[keep], b[keep]], axis=1)


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


@dataclass
class _SameTexts:
    """The pairs to align (rows a, b) by their two texts: the alignment of a pair depends
    on its two texts alone (their rare fingerprints' places, their words, the passages'
    words and characters; the slots are only written in the matches), so the pairs of the
    same (text of a, text of b) are aligned once and the matches given to each (`spread`:
    with its own slots). The corpora repeat texts: at `1m` the 9.07 M pairs are 1.96 M pairs
    of texts, at `250k` 1.83 M are 0.84 M. The order of a and b is kept (the alignment reads
    a's side first: a pair turned round may align otherwise).

    A pair of texts is aligned as the lowest slot of the first text with the lowest slot of
    the second after it (`first`, by their first pair in the pairs' order), whichever of
    their pairs was chosen: the aligning processes then read the seeds of a few slots of
    each text, not of every slot paired. `times`: the pairs each stands for; `keys`: the
    keys a << 32 | b of `first`, sorted, `group`: each key's group; `members`: every pair,
    by group, group g's from `starts[g]` to `starts[g + 1]`.

    >>> pairs = np.array([[4, 5], [1, 5], [2, 4]])
    >>> same = _SameTexts.of(pairs, np.array([0, 1, 2, 3, 1, 2]))  # 4 is 1's text, 5 is 2's
    >>> same.first.tolist(), same.times.tolist()
    ([[1, 2], [2, 4]], [2, 1])
    >>> rows, sims = same.spread(np.array([[1, 0, 90, 2, 5, 95]]), np.array([0.9]))
    >>> rows[:, [0, 3]].tolist(), sims.tolist()
    ([[4, 5], [1, 5]], [0.9, 0.9])
    """

    first: np.ndarray
    times: np.ndarray
    keys: np.ndarray
    group: np.ndarray
    members: np.ndarray
    starts: np.ndarray

    @classmethod
    def of(cls, pairs: np.ndarray, texts: np.ndarray) -> _SameTexts:
        """Return the pairs (rows a, b) by their texts (`texts[slot]`: the number of each
        slot's text, below 2**32, the same for slots of the same text)."""
        key = texts[pairs[:, 0]].astype(np.uint64) << _HIGH
        key |= texts[pairs[:, 1]].astype(np.uint64)
        order = np.argsort(key, kind="stable")  # a pair of texts' first pair first
        ranked = key[order]
        del key
        starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]]) if ranked.size \
            else np.zeros(0, np.intp)
        in_order = np.argsort(order[starts])  # the groups by their first pair
        # each text's slots in order (by text, then slot): a text's lowest slot, and the
        # lowest of the second text after it (one there is: the pairs' own a < b)
        by_text = texts.astype(np.uint64) << _HIGH
        by_text |= np.arange(texts.size, dtype=np.uint64)
        by_text.sort()
        a = by_text[np.searchsorted(by_text, ranked[starts] & ~_LOW)] & _LOW
        b = by_text[np.searchsorted(by_text, (ranked[starts] << _HIGH) | (a + np.uint64(1)))]
        first = np.stack([a, b & _LOW], axis=1).astype(np.int64)
        own = a << _HIGH | (b & _LOW)
        by_key = np.argsort(own)
        return cls(first[in_order], np.diff(np.r_[starts, ranked.size])[in_order], own[by_key],
                   by_key, pairs[order], np.r_[starts, ranked.size])

    def spread(self, rows: np.ndarray, sims: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return the matches of the pairs aligned (rows of six: a, its characters, b, its
        characters; similarities) given to every pair of their texts: the same characters
        and similarity, each pair's own slots."""
        if not rows.size:
            return rows, sims
        own = rows[:, 0].astype(np.uint64) << _HIGH | rows[:, 3].astype(np.uint64)
        g = self.group[np.searchsorted(self.keys, own)]
        n = self.starts[g + 1] - self.starts[g]
        member = np.repeat(self.starts[g], n) + _ranks(n)
        spread = np.repeat(rows, n, axis=0)
        spread[:, 0], spread[:, 3] = self.members[member, 0], self.members[member, 1]
        return spread, np.repeat(sims, n)
