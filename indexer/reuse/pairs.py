"""The second step: the candidate pairs, documents sharing rare fingerprints.

The fingerprints of a run's documents (`indexer.reuse.words`) are looked up in the kept
table (`ReuseState.fp_hash`, sorted); those in at most `MAX_DF` documents are rare. Every
two documents sharing `MIN_SEEDS` rare fingerprints or more are a pair (`_seen_pairs`, made
and counted a block of slots at a time), the most seeds first, at most `MAX_PARTNERS` a
document (`_within_partners`). `ReuseUpdate._match` runs this step; next, `_align_all` cuts
the pairs into chunks, each chunk's seeds are found (`indexer.reuse.seeds`) and aligned
(`indexer.reuse.passages`). The sorting helpers here serve the next steps too.
"""

from __future__ import annotations

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
_LOW = np.uint64(0xFFFFFFFF)
_HIGH = np.uint64(32)


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
    keys.sort()  # `np.unique` hashed them: ten times slower
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]]
    return (keys >> _HIGH).astype(np.uint32), (keys & _LOW).astype(np.uint32)


def _seen_pairs(new_h: np.ndarray, new_s: np.ndarray, rare_h: np.ndarray, old_s: np.ndarray,
                left: np.ndarray, right: np.ndarray, keep: np.ndarray, workers: int = 1
                ) -> tuple[np.ndarray, np.ndarray]:
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
    """
    h, s = new_h[keep], new_s[keep]
    # within this run: every pair of entries of one fingerprint, made by the first
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    ends = np.r_[starts[1:], h.size]
    # a fingerprint twice in a slot (never from `_run_fingerprints`) pairs the slot with itself
    twice = bool(((h[1:] == h[:-1]) & (s[1:] == s[:-1])).any())
    after = np.repeat(ends, ends - starts) - np.arange(h.size) - 1  # entries after each one
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
    made_with = _Made(s, after, lo, n, old_s, twice)
    if workers > 1 and len(blocks) > 1:
        found = list(forked(_block_pairs, blocks, min(workers, len(blocks)), made_with))
    else:
        found = [made_with.block(*block) for block in blocks]
    if not found:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    keys, seen = (np.concatenate(part) for part in zip(*found, strict=True))
    order = np.argsort(keys, kind="stable")  # a kept pair's block is its new document's
    return keys[order], seen[order]


@dataclass
class _Made:
    """What `_seen_pairs` makes its blocks of pairs from: the rare entries' slots `s` (by
    fingerprint then slot), the entries `after` each one of its fingerprint in this run, and
    its kept entries in `old_s` (`n` from `lo`); `twice`: a fingerprint twice in a slot."""

    s: np.ndarray
    after: np.ndarray
    lo: np.ndarray
    n: np.ndarray
    old_s: np.ndarray
    twice: bool

    def block(self, b0: int, b1: int) -> tuple[np.ndarray, np.ndarray]:
        """Return the pairs slots `b0` to `b1` make (keys a << 32 | b) that share
        `MIN_SEEDS` rare fingerprints or more, and how many, by key."""
        s = self.s
        x = np.flatnonzero((s >= b0) & (s < b1))
        ax, nx = self.after[x], self.n[x]
        xs = np.repeat(x, ax)
        # the entries after each one: x + 1 onwards (`_ranks` of `ax`, x + 1 added by the
        # one repeat); a fingerprint's entries are by slot, so an entry's slot is the lower
        # of its pairs' (`_key` without its minimum and maximum)
        later = np.repeat(x + 1 - (np.cumsum(ax) - ax), ax)
        later += np.arange(later.size)
        low, high = s[xs], s[later]
        del later
        within = low.astype(np.uint64)
        within <<= _HIGH
        within |= high
        if self.twice:
            within = within[low != high]
        del low, high
        xs = np.repeat(x, nx)
        kept = _key(s[xs], self.old_s[np.repeat(self.lo[x], nx) + _ranks(nx)])
        del xs
        keys, seen = _counted(np.concatenate([within, kept]))
        del within, kept
        return keys[seen >= MIN_SEEDS], seen[seen >= MIN_SEEDS]


def _block_pairs(block: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """`_Made.block` in a process forked by `_seen_pairs`."""
    return forked_state().block(*block)


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
