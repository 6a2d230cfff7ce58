"""The reuse step's counting shortcuts (issue 15: CPU) give what the loops they replaced gave."""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import reuse
from indexer.analysis import STOP_WORDS
from indexer.reuse import passages
from indexer.reuse.pairs import _inserted, _seen_pairs

# procedure words, stop words, single letters, numbers and ordinary words, mixed
WORDS = st.lists(st.sampled_from(sorted(reuse.PROCEDURE)[:20] + sorted(STOP_WORDS)[:20]
                                 + ["a", "m", "12", "2024", "x", "village", "eau", "potable",
                                        "nicolas", "dhuicq", "l'eau"]) | st.text(max_size=6),
                 max_size=40)


def _procedure_loop(words: list[str]) -> bool:
    content = procedural = 0
    for w in words:
        if w not in STOP_WORDS and len(w) > 1 and not w.isdigit():
            content += 1
            procedural += w in reuse.PROCEDURE
    return content > 0 and procedural * 2 >= content


@settings(max_examples=400, deadline=None)
@given(WORDS)
def test_procedure_counts_as_the_loop(words):
    assert reuse.procedure(words) == _procedure_loop(words)


def _covered_loop(inside: list[int], a1: int) -> int:
    covered = sum(min(reuse.GRAM, nxt - i) for i, nxt in zip(inside, inside[1:], strict=False))
    return covered + (min(reuse.GRAM, a1 - inside[-1]) if inside else 0)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 50), st.integers(1, 30), st.integers(1, 10))
def test_a_run_of_seeds_covers_what_the_loop_counts(first, count, beyond):
    inside = list(range(first, first + count))  # the fast path of `_pair`: seeds at every word
    a1 = inside[-1] + beyond
    assert len(inside) - 1 + min(reuse.GRAM, a1 - inside[-1]) == _covered_loop(inside, a1)


class _NoBound:
    """`LCSseq` that never refuses: `_align` then aligns every stretch, as before the bound."""

    @staticmethod
    def similarity(*_args, **_kwargs) -> int:
        return passages.MAX_STRETCH


# few distinct words: stretches that share many, some, or few words in order
STRETCH = st.lists(st.sampled_from("le la de maire dit eau village vallee sans potable".split()),
                   min_size=4, max_size=40)


@settings(max_examples=500, deadline=None)
@given(STRETCH, STRETCH, st.data())
def test_the_common_subsequence_bound_refuses_only_what_aligns_to_nothing(wa, wb, data):
    a0 = data.draw(st.integers(0, len(wa) - 4))
    b0 = data.draw(st.integers(0, len(wb) - 4))
    a1 = data.draw(st.integers(a0 + 1, len(wa)))
    b1 = data.draw(st.integers(b0 + 1, len(wb)))
    bounded = passages._align(wa, wb, a0, a1, b0, b1)
    real = passages.LCSseq
    passages.LCSseq = _NoBound
    try:
        assert bounded == passages._align(wa, wb, a0, a1, b0, b1)
    finally:
        passages.LCSseq = real


@pytest.mark.parametrize("block", [1, 7, 10**9])
@pytest.mark.parametrize("distinct", [False, True])
@pytest.mark.parametrize("kept_entries", [300, 0])
@pytest.mark.parametrize("workers", [1, 2])
def test_pairs_made_a_block_of_slots_at_a_time_are_those_made_at_once(monkeypatch, block,
                                                                      distinct, kept_entries,
                                                                      workers):
    """The pairs sharing `MIN_SEEDS` rare fingerprints, and how many they share, are the
    same whatever the blocks they are made in (at `1m` made at once they took 20 GB), a
    fingerprint once a slot (`distinct`: as `_run_fingerprints` gives them) or not, with
    `kept_entries` fingerprints of documents kept from earlier runs (none in a first run),
    the blocks made one after the other or in two forked processes (`workers`)."""
    monkeypatch.setattr(reuse.pairs, "PAIRS_A_BLOCK", block)
    rounds = []
    original_forked = reuse.pairs.forked
    monkeypatch.setattr(reuse.pairs, "forked", lambda *a, **k: rounds.append(len(a[1])) or
                        original_forked(*a, **k))
    rng = np.random.default_rng(7)
    new_h = rng.integers(0, 40, 600).astype(np.uint32)
    new_s = np.sort(rng.integers(50, 120, 600)).astype(np.uint32)  # new slots after the kept
    if distinct:
        both = np.unique(np.c_[new_s, new_h], axis=0)
        new_s, new_h = both[:, 0].copy(), both[:, 1].copy()
        assert new_s.size < 600
    by_value = np.lexsort((new_s, new_h))  # by fingerprint then slot, as `_run_fingerprints`
    new_h, new_s = new_h[by_value], new_s[by_value]
    old_h = np.sort(rng.integers(0, 40, 300)).astype(np.uint32)[:kept_entries]
    old_s = rng.integers(0, 50, 300).astype(np.uint32)[:kept_entries]
    rare_h = np.unique(new_h)[::2]  # every other fingerprint is rare
    keep = np.isin(new_h, rare_h)
    left, right = np.searchsorted(old_h, rare_h, "left"), np.searchsorted(old_h, rare_h, "right")
    expected: Counter = Counter()
    for fingerprint in rare_h.tolist():
        mine = new_s[new_h == fingerprint].tolist()
        kept = old_s[old_h == fingerprint].tolist()
        pairs = [(a, b) for i, a in enumerate(mine) for b in mine[i + 1:]] + \
            [(a, b) for a in mine for b in kept]
        expected.update((min(a, b), max(a, b)) for a, b in pairs if a != b)
    keys, seen = _seen_pairs(new_h, new_s, rare_h, old_s, left, right, keep, workers)
    got = {(k >> 32, k & 0xFFFFFFFF): c for k, c in zip(keys.tolist(), seen.tolist(),
                                                         strict=True)}
    assert keys.tolist() == sorted(keys.tolist())
    assert got == {pair: c for pair, c in expected.items() if c >= reuse.MIN_SEEDS}
    assert len(got) > 100
    # several blocks and two workers: the blocks made in forked processes, in one round
    several = workers == 2 and block < 10**9
    assert (len(rounds) == 1 and rounds[0] > 1) if several else rounds == []


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(0, 50), max_size=30).map(sorted),
       st.lists(st.integers(0, 50), max_size=30).map(sorted))
def test_new_fingerprints_inserted_in_the_kept_table_as_np_insert_does(kept, new):
    """The new fingerprints of a run join the kept table (both sorted), each after the kept
    ones of its value, as `np.insert` puts them."""
    old_h, new_h = np.array(kept, np.uint32), np.array(new, np.uint32)
    at = np.searchsorted(old_h, new_h, "right")
    got = _inserted(old_h, at, new_h)
    assert got.dtype == old_h.dtype
    assert got.tolist() == np.insert(old_h, at, new_h).tolist() == sorted(kept + new)
    slots = np.arange(old_h.size, dtype=np.uint32) + 1000  # another array by the same places
    assert _inserted(slots, at, np.arange(new_h.size, dtype=np.uint32)).tolist() == \
        np.insert(slots, at, np.arange(new_h.size, dtype=np.uint32)).tolist()


def test_a_runs_fingerprints_come_by_fingerprint_then_slot(shared):
    """The LuxLeaks releases' fingerprints, as the pairs are made of them (`_seen_pairs`
    reads each fingerprint's entries by slot): each document's distinct valid fingerprints,
    all by fingerprint then slot, given to slots that are not their ranks."""
    folder = shared / "luxleaks-communiques" / "markdown"
    tokens = [reuse.Tokens.of(path.read_text("utf-8")) for path in sorted(folder.glob("*.md"))]
    slots = [3 * n + 7 for n in range(len(tokens))]
    h, s = reuse.pairs._run_fingerprints(tokens, slots)
    expected = sorted({(value, slot) for t, slot in zip(tokens, slots, strict=True)
                       for value in t.hashes[t.valid].tolist()})
    assert len(expected) > 1000, "the releases hold fingerprints"
    assert list(zip(h.tolist(), s.tolist(), strict=True)) == expected
    assert h.dtype == s.dtype == np.uint32


@pytest.mark.parametrize("key_bits", [64, 16])
@pytest.mark.parametrize("colliding", [False, True])
def test_a_passage_copied_into_the_same_releases_makes_its_pairs_once_weighing_as_many(
        shared, monkeypatch, key_bits, colliding):
    """The LuxLeaks releases repeat their passages (the trial's dates, the support committee's
    address): every fingerprint of such a passage is in the same releases and makes the same
    pairs. Those are made once, weighing as many fingerprints (`_alike`), and the pairs and
    their counts are those a fingerprint at a time gives: releases of this run with each
    other and with releases kept from an earlier run; groups of slots whose sums of mixed
    bits collide (`colliding`: the sums tell almost none apart) compared slot by slot; slots
    past 2**31 leave no room for a weight beside two slots in a key, and make every pair."""
    folder = shared / "luxleaks-communiques" / "markdown"
    tokens = [reuse.Tokens.of(path.read_text("utf-8")) for path in sorted(folder.glob("*.md"))]
    slots = [7 + 2 * n for n in range(len(tokens))]
    monkeypatch.setattr(reuse.pairs, "KEY_BITS", key_bits)
    old_h, old_s = reuse.pairs._run_fingerprints(tokens[:20], slots[:20])  # kept earlier
    new_h, new_s = reuse.pairs._run_fingerprints(tokens[20:], slots[20:])
    uniq, counts = np.unique(new_h, return_counts=True)
    left, right = np.searchsorted(old_h, uniq, "left"), np.searchsorted(old_h, uniq, "right")
    rare = (counts + right - left >= 2) & (counts + right - left <= reuse.MAX_DF)
    rare_h, keep = uniq[rare], np.isin(new_h, uniq[rare])
    if colliding:  # the sums say only how many odd numbers a group's slots and size hold
        monkeypatch.setattr(reuse.pairs, "_mixed",
                            lambda v: np.asarray(v, np.uint64) & np.uint64(1))
    mine, kept = defaultdict(list), defaultdict(list)
    for fingerprint, slot in zip(new_h.tolist(), new_s.tolist(), strict=True):
        mine[fingerprint].append(slot)
    for fingerprint, slot in zip(old_h.tolist(), old_s.tolist(), strict=True):
        kept[fingerprint].append(slot)
    expected: Counter = Counter()
    for fingerprint in rare_h.tolist():
        these = mine[fingerprint]
        expected.update([(a, b) for i, a in enumerate(these) for b in these[i + 1:]] +
                        [(min(a, b), max(a, b)) for a in these for b in kept[fingerprint]])
    keys, seen = _seen_pairs(new_h, new_s, rare_h, old_s, left[rare], right[rare], keep)
    got = {(k >> 32, k & 0xFFFFFFFF): c for k, c in zip(keys.tolist(), seen.tolist(),
                                                         strict=True)}
    assert keys.tolist() == sorted(keys.tolist())
    assert got == {pair: c for pair, c in expected.items() if c >= reuse.MIN_SEEDS}
    assert max(got.values()) > 50, "releases sharing long passages"
    # the passages' fingerprints were told alike: most groups' pairs made by another's
    h, s = new_h[keep], new_s[keep]
    starts = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    times = reuse.pairs._alike(s, starts, np.r_[starts[1:], h.size])
    assert times.sum() == starts.size
    if not colliding:
        assert (times == 0).sum() > starts.size / 2
    for g in np.flatnonzero(times > 1)[:50].tolist():  # the slots of those it weighs for
        alike = [o for o in range(starts.size)
                 if s[starts[o]:(starts[o + 1] if o + 1 < starts.size else s.size)].tolist()
                 == s[starts[g]:(starts[g + 1] if g + 1 < starts.size else s.size)].tolist()]
        assert times[g] == len(alike) and alike[0] == g
