"""The seeds of a chunk's pairs found at once (`_pair_seeds`), their plain chains
(`_one_chain`) and their chains made a run of seeds at a time (`_run_chains`) give what the
pair-by-pair and seed-by-seed loops they replaced gave (issue 15: the aligning
processes' CPU a pair)."""

from __future__ import annotations

import bisect

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import reuse
from indexer.reuse import seeds as seeds_module
from indexer.reuse.pairs import _member, _run_fingerprints
from indexer.reuse.seeds import (
    GAP,
    _covered,
    _one_chain,
    _pair_seeds,
    _run_chains,
    _seed_runs,
    _SeedTable,
)


def _chains(seeds: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Split seeds (i in a, j in b), sorted by i, into stretches along one diagonal, seed by
    seed, as `indexer.reuse.seeds._chains` did until session 27 (`_run_chains` now)."""
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


def _seeds_of(tokens: reuse.Tokens, rare: np.ndarray) -> dict[int, list[int]]:
    """A document's seeds as `ReuseUpdate._seeds` made them (session 24)."""
    found: dict[int, list[int]] = {}
    for i in np.flatnonzero(tokens.valid & _member(tokens.hashes, rare)).tolist():
        at = found.setdefault(int(tokens.hashes[i]), [])
        if len(at) < reuse.MAX_REPEATS:
            at.append(i)
    return found


def _pair_loop(tokens: list[reuse.Tokens], rare: np.ndarray, a: int, b: int
               ) -> list[tuple[int, int]]:
    """A pair's seeds as `ReuseUpdate._pair` made them: shared fingerprints, sorted."""
    sa, sb = _seeds_of(tokens[a], rare), _seeds_of(tokens[b], rare)
    return sorted((i, j) for h in sa.keys() & sb.keys() for i in sa[h] for j in sb[h])


def _check(tokens: list[reuse.Tokens], rare: np.ndarray, pairs: list[tuple[int, int]],
           every: bool = False) -> None:
    """The pairs' seeds from a table of their documents (`every`: of all documents, as an
    aligning process makes one for all its chunks) against the loop's."""
    slots = range(len(tokens)) if every else [s for pair in pairs for s in pair]
    at, i, j = _pair_seeds(pairs, _SeedTable.of(slots, tokens.__getitem__, rare))
    assert at.size == len(pairs) + 1
    kinds = _one_chain(at, i, j).tolist()
    for k, (a, b) in enumerate(pairs):
        seeds = list(zip(i[at[k]:at[k + 1]].tolist(), j[at[k]:at[k + 1]].tolist(), strict=True))
        assert seeds == _pair_loop(tokens, rare, a, b)
        chains = [c for c in _chains(seeds) if len(c) >= reuse.MIN_SEEDS]
        if kinds[k] == 0:
            assert chains == []
        elif kinds[k] == 1:
            assert chains == [seeds]
    _check_runs(at, i, j)


def _summary(chain: list[tuple[int, int]]) -> list[int]:
    """A chain of seeds as `_run_chains` gives it: first seed, last seed, how many."""
    return [*chain[0], *chain[-1], len(chain)]


def _check_runs(at: np.ndarray, i: np.ndarray, j: np.ndarray) -> None:
    """Each pair's seeds chained by runs as they were seed by seed."""
    runs, ri, rj, rn = _seed_runs(at, i, j)
    assert runs.size == at.size and rn.sum() == i.size
    for k in range(at.size - 1):
        seeds = list(zip(i[at[k]:at[k + 1]].tolist(), j[at[k]:at[k + 1]].tolist(), strict=True))
        by_runs = list(zip(ri[runs[k]:runs[k + 1]].tolist(), rj[runs[k]:runs[k + 1]].tolist(),
                           rn[runs[k]:runs[k + 1]].tolist(), strict=True))
        # the runs are the seeds: each run's seeds, one word apart on one diagonal
        assert [(a + d, b + d) for a, b, n in by_runs for d in range(n)] == seeds
        assert _run_chains(by_runs) == [_summary(c) for c in _chains(seeds)]


# few distinct words: documents that share runs of words, repeated, at various places
TEXT = st.lists(st.sampled_from("nous ne laisserons aucun village sans eau potable le maire dit "
                                "que la vallee 12 2024".split()), max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, min_size=2, max_size=6), st.data())
def test_seeds_found_at_once_are_those_found_pair_by_pair(texts, data):
    tokens = [reuse.Tokens.of(t) for t in texts]
    every = np.unique(np.concatenate([t.hashes for t in tokens]))
    rare = np.array(sorted(data.draw(st.sets(st.sampled_from(every.tolist()))
                                     if every.size else st.just(set()))), np.uint32)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, len(texts) - 1),
                                         st.integers(0, len(texts) - 1))
                               .filter(lambda p: p[0] != p[1]), unique_by=lambda p: frozenset(p)))
    _check(tokens, rare, pairs, data.draw(st.booleans()))


SEEDS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), unique=True, max_size=8)
# a copy's seeds on one diagonal, cut by gaps (runs of its words that are no seed), some
# wider than `GAP`, sometimes with a seed astray
DIAGONAL = st.tuples(st.integers(0, 40), st.integers(0, 40),
                     st.lists(st.integers(1, GAP + 3), min_size=1, max_size=12),
                     st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=1)
                     ).map(lambda d: sorted({(d[0] + k, d[1] + k) for k in
                                             np.r_[0, np.cumsum(d[2])].tolist()} | set(d[3])))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.one_of(SEEDS, DIAGONAL), max_size=5))
def test_a_plain_chain_is_what_chains_makes_of_the_seeds(groups):
    groups = [sorted(g) for g in groups]
    at = np.r_[0, np.cumsum([len(g) for g in groups])].astype(np.int64)
    i = np.array([s[0] for g in groups for s in g], np.int64)
    j = np.array([s[1] for g in groups for s in g], np.int64)
    for seeds, kind in zip(groups, _one_chain(at, i, j).tolist(), strict=True):
        chains = [c for c in _chains(seeds) if len(c) >= reuse.MIN_SEEDS]
        assert kind in (-1, 0, 1)
        if kind == 0:
            assert chains == []
        if kind == 1:
            assert chains == [seeds]


# a pair's seeds: runs one word apart on one diagonal (copies), and seeds astray between
RUNS = st.lists(st.tuples(st.integers(0, 90), st.integers(0, 90), st.integers(1, 12)),
                max_size=8).map(lambda runs: sorted({(i + d, j + d) for i, j, n in runs
                                                     for d in range(n)}))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.one_of(RUNS, SEEDS.map(sorted)), max_size=5))
def test_chains_made_a_run_at_a_time_are_those_made_seed_by_seed(groups):
    at = np.r_[0, np.cumsum([len(g) for g in groups])].astype(np.int64)
    i = np.array([s[0] for g in groups for s in g], np.int32)
    j = np.array([s[1] for g in groups for s in g], np.int32)
    _check_runs(at, i, j)


def test_chains_of_a_copy_with_changed_words_and_a_passage_far_in_b():
    # a copy of 27 words with words 9 to 12 changed (two runs, one diagonal), then 5 words
    # more in b before the next 5 copied (the diagonal drifts, within `GAP`: one chain),
    # a seed astray (its own chain), then a copy far on in both (another chain)
    seeds = sorted([(k, k + 3) for k in range(0, 9)] + [(k, k + 3) for k in range(13, 27)]
                   + [(40 + k, 48 + k) for k in range(5)] + [(41, 2)]
                   + [(100 + k, 200 + k) for k in range(3)])
    at, i, j = np.array([0, len(seeds)]), np.array(seeds)[:, 0], np.array(seeds)[:, 1]
    runs, ri, rj, rn = _seed_runs(at, i, j)
    assert list(zip(ri.tolist(), rj.tolist(), rn.tolist(), strict=True)) == \
        [(0, 3, 9), (13, 16, 14), (40, 48, 1), (41, 2, 1), (41, 49, 4), (100, 200, 3)]
    assert _run_chains(list(zip(ri.tolist(), rj.tolist(), rn.tolist(), strict=True))) == \
        [[0, 3, 44, 52, 28], [41, 2, 41, 2, 1], [100, 200, 102, 202, 3]] == \
        [_summary(c) for c in _chains(seeds)]


def test_one_word_apart_and_two_that_chain_are_plain():
    # a five-word phrase in both (two seeds one word apart), a copy with a word changed
    # (two seeds five words apart, one diagonal), two copies far apart, three seeds astray
    at = np.array([0, 2, 4, 6, 9])
    i = np.array([10, 11, 3, 8, 0, 40, 0, 1, 9])
    j = np.array([20, 21, 7, 12, 0, 3, 0, 1, 2])
    assert _one_chain(at, i, j).tolist() == [1, 1, 0, -1]


def test_a_copy_cut_by_runs_that_are_no_seeds_is_one_plain_chain():
    # a paragraph copied whole: its seeds on one diagonal, cut where a run of its words is
    # common (« de la République », « il y a ») or past `MAX_REPEATS`, gaps up to `GAP` words;
    # a gap of `GAP` + 1 words, or a step off the diagonal, and `_run_chains` tells
    copy = [(k, k + 7) for k in [*range(0, 9), 12, 13, 14, 30, 31, 40]]
    wide = [(k, k + 7) for k in [0, 1, 2, 2 + GAP + 1]]
    drift = [(0, 7), (1, 8), (5, 13)]
    groups = [copy, wide, drift]
    at = np.r_[0, np.cumsum([len(g) for g in groups])]
    i = np.array([s[0] for g in groups for s in g])
    j = np.array([s[1] for g in groups for s in g])
    assert _one_chain(at, i, j).tolist() == [1, -1, -1]
    assert [_summary(c) for c in _chains(copy)] == [[0, 7, 40, 47, len(copy)]]


@pytest.mark.parametrize("slots", [1, 2, 64])
def test_seeds_found_through_an_index_of_pairs_that_collides(shared, monkeypatch, slots):
    """The pairs' index by a hash of their documents tells an entry met a pair's, and
    which, even when pairs share its slots: with one, two or 64 (most pairs sharing one,
    searched among the sorted pairs), the seeds of the LuxLeaks releases' pairs are those
    found pair by pair."""
    monkeypatch.setattr(seeds_module, "_hash_size", lambda pairs: slots)
    test_the_seeds_of_press_releases_that_share_passages(shared)


@pytest.mark.parametrize("slots", [1, 4, 1 << 16])
def test_the_pair_index_finds_each_pair_and_no_other(monkeypatch, slots):
    """Pairs of documents' ranks in an index of one slot, of four (six pairs: some share
    one) and of many: each found as itself; its two documents the other way round, or each
    in another pair, are none."""
    monkeypatch.setattr(seeds_module, "_hash_size", lambda pairs: slots)
    a, b = np.array([0, 0, 1, 2, 5, 7]), np.array([1, 4, 3, 9, 6, 8])
    index = seeds_module._PairIndex.of(a, b)
    assert index.slot.size == slots and (slots > 4 or (index.slot == -2).any())
    assert index.find(a, b).tolist() == list(range(a.size))
    assert index.find(b, a).tolist() == [-1] * a.size
    assert index.find(np.array([0, 1, 2, 5]), np.array([3, 4, 6, 8])).tolist() == [-1] * 4


def test_pairs_given_with_the_higher_document_first_get_their_seeds_in_turn(shared):
    """A pair is met from its lower document's entries: the LuxLeaks releases' pairs given
    the other way round (b, a) get the seeds of (a, b) with i and j in turn."""
    folder = shared / "luxleaks-communiques" / "markdown"
    tokens = [reuse.Tokens.of(path.read_text("utf-8")) for path in sorted(folder.glob("*.md"))]
    h, _ = _run_fingerprints(tokens, list(range(len(tokens))))
    values, counts = np.unique(h, return_counts=True)
    rare = values[(counts >= 2) & (counts <= reuse.MAX_DF)]
    table = _SeedTable.of(range(len(tokens)), tokens.__getitem__, rare)
    pairs = [(a, b) for a in range(len(tokens)) for b in range(a + 1, len(tokens))]
    mixed = [(b, a) if k % 2 else (a, b) for k, (a, b) in enumerate(pairs)]
    at, i, j = _pair_seeds(pairs, table)
    at2, i2, j2 = _pair_seeds(mixed, table)
    assert at.tolist() == at2.tolist() and i.size > 1000
    for k in range(len(pairs)):
        one = sorted(zip(i[at[k]:at[k + 1]].tolist(), j[at[k]:at[k + 1]].tolist(), strict=True))
        other = list(zip(i2[at[k]:at[k + 1]].tolist(), j2[at[k]:at[k + 1]].tolist(),
                         strict=True))
        assert other == (sorted((q, p) for p, q in one) if k % 2 else one)


@pytest.mark.parametrize("entries", [1, 3, 50])
def test_seeds_found_a_few_entries_at_a_time_are_the_same(shared, monkeypatch, entries):
    """The entries of the first documents of pairs are met with their fingerprints' a slice
    at a time (at `1m` a chunk met ~80 M at once, each time in fresh pages): one, three or
    fifty entries a slice, the LuxLeaks releases' pairs get the seeds found pair by pair."""
    monkeypatch.setattr(seeds_module, "FIRST_A_SLICE", entries)
    met = []
    original = seeds_module._met
    monkeypatch.setattr(seeds_module, "_met", lambda x, *rest: met.append(x.size) or
                        original(x, *rest))
    test_the_seeds_of_press_releases_that_share_passages(shared)
    assert len(met) > 1 and max(met) == entries


def test_the_seeds_of_press_releases_that_share_passages(shared):
    """The LuxLeaks support committee's releases, which repeat their presentation and
    contacts: every pair sharing two fingerprints found in 2 to `MAX_DF` of them gets the
    seeds the pair-by-pair loop finds."""
    folder = shared / "luxleaks-communiques" / "markdown"
    tokens = [reuse.Tokens.of(path.read_text("utf-8")) for path in sorted(folder.glob("*.md"))]
    h, s = _run_fingerprints(tokens, list(range(len(tokens))))
    values, counts = np.unique(h, return_counts=True)
    rare = values[(counts >= 2) & (counts <= reuse.MAX_DF)]
    shared_by: dict[int, list[int]] = {}
    for value, slot in zip(h.tolist(), s.tolist(), strict=True):
        shared_by.setdefault(value, []).append(slot)
    seen: dict[tuple[int, int], int] = {}
    for value in rare.tolist():
        group = shared_by[value]
        for a in group:
            for b in group:
                if a < b:
                    seen[a, b] = seen.get((a, b), 0) + 1
    pairs = sorted(pair for pair, n in seen.items() if n >= reuse.MIN_SEEDS)
    assert len(pairs) > 100, "the releases share passages"
    _check(tokens, rare, pairs)
    _check(tokens, rare, pairs[::3], every=True)  # a third of them, all documents' seeds


def _covered_loop(starts: list[int], a0: int, a1: int) -> int:
    """The words of a passage (a0 to a1) its seeds cover, as `ReuseUpdate._passages` counted
    them passage by passage (`starts`: the places of its pair's seeds, sorted, each once)."""
    inside = starts[bisect.bisect_left(starts, a0):bisect.bisect_left(starts, a1)]
    if inside and inside[-1] - inside[0] == len(inside) - 1:
        return len(inside) - 1 + min(reuse.GRAM, a1 - inside[-1])
    covered = sum(min(reuse.GRAM, nxt - i) for i, nxt in zip(inside, inside[1:], strict=False))
    return covered + (min(reuse.GRAM, a1 - inside[-1]) if inside else 0)


def _check_covered(at: np.ndarray, i: np.ndarray, passages: list[tuple]) -> None:
    counted = _covered(at, i, passages)
    for (k, a0, a1, *_), n in zip(passages, counted, strict=True):
        assert n == _covered_loop(sorted(set(i[at[k]:at[k + 1]].tolist())), a0, a1)


# places in a of a pair's seeds: sorted, a place repeated when its fingerprint is in b twice
PLACES = st.lists(st.integers(0, 80), max_size=12).map(sorted)


@settings(max_examples=1000, deadline=None)
@given(st.lists(PLACES, min_size=1, max_size=5), st.data())
def test_the_words_seeds_cover_counted_at_once_are_those_counted_passage_by_passage(groups,
                                                                                     data):
    at = np.r_[0, np.cumsum([len(g) for g in groups])].astype(np.int64)
    i = np.array([p for g in groups for p in g], np.int32)
    passages = [(k, a0, a0 + length, 0, 0, 1.0) for k, a0, length in data.draw(st.lists(
        st.tuples(st.integers(0, len(groups) - 1), st.integers(0, 90), st.integers(1, 40)),
        max_size=8))]
    _check_covered(at, i, passages)


def test_the_words_covered_in_the_passages_of_press_releases(shared):
    """The passages the LuxLeaks releases share, aligned from their seeds: the words their
    seeds cover, counted at once, are those counted passage by passage."""
    folder = shared / "luxleaks-communiques" / "markdown"
    tokens = [reuse.Tokens.of(path.read_text("utf-8")) for path in sorted(folder.glob("*.md"))]
    h, _ = _run_fingerprints(tokens, list(range(len(tokens))))
    values, counts = np.unique(h, return_counts=True)
    rare = values[(counts >= 2) & (counts <= reuse.MAX_DF)]
    pairs = [(a, b) for a in range(len(tokens)) for b in range(a + 1, len(tokens))]
    at, i, j = _pair_seeds(pairs, _SeedTable.of(range(len(tokens)),
                                                            tokens.__getitem__, rare))
    passages = [(k, *span) for k, (a, b) in enumerate(pairs) for span in reuse.align_seeds(
        tokens[a].words, tokens[b].words,
        list(zip(i[at[k]:at[k + 1]].tolist(), j[at[k]:at[k + 1]].tolist(), strict=True)))]
    assert len(passages) > 100, "the releases share passages"
    _check_covered(at, i, passages)


def test_a_refrain_gives_its_first_places_only_as_seeds():
    """A refrain said six times (« nous ne laisserons aucun village sans eau ») in a speech
    and five times in another, between other words and back to back: each of its runs of
    words is a seed at its first `MAX_REPEATS` places in each, as the loop found them."""
    refrain = "nous ne laisserons aucun village sans eau"
    speech = " ".join([f"{refrain} cet été", refrain, refrain, f"ni sans école {refrain}",
                       f"{refrain} {refrain}", "voilà notre engagement"])
    other = " ".join([f"le maire a redit {refrain}"] * 4 + [refrain])
    tokens = [reuse.Tokens.of(speech), reuse.Tokens.of(other),
              reuse.Tokens.of(f"la vallée attend {refrain}")]
    rare = np.unique(tokens[2].hashes[tokens[2].valid])
    _check(tokens, rare, [(0, 1), (1, 2), (0, 2)])
    _check(tokens, rare, [(0, 1)], every=True)
    at, i, _ = _pair_seeds([(0, 1)], _SeedTable.of([0, 1], tokens.__getitem__, rare))
    first = int(tokens[0].hashes[0])
    assert np.count_nonzero(tokens[0].hashes == first) == 6
    assert len({a for a in i.tolist() if tokens[0].hashes[a] == first}) == reuse.MAX_REPEATS
