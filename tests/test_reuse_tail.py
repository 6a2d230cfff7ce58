"""The reuse step's work around the alignment (issue 15: its serial phases), done by arrays:
the chosen pairs cut into chunks by partner, the matches the aligning processes send, and
their order. Each gives what the loops and tuples it replaced gave."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import reuse
from indexer.reuse import pairs as pairs_module
from indexer.reuse import update as update_module
from indexer.reuse.pairs import _key, _most_seeds_first, _sort
from indexer.reuse.processes import _arrays
from indexer.reuse.update import _in_order

# slots and characters (some past 32 bits: sorted column by column), similarities of either
# sign (a header or footer's is negated), repeated so that rows tie
SMALL = st.integers(0, 6)
LARGE = st.integers(0, 2**40)
ROW = st.tuples(*[SMALL] * 6) | st.tuples(*[LARGE] * 6)
SIM = st.sampled_from([0.5, -0.5, 0.75, 0.8125, -0.25, 1.0])
MATCHES = st.lists(st.tuples(ROW, SIM), max_size=60).map(lambda found: found + found[:3])


@settings(max_examples=300, deadline=None)
@given(MATCHES)
def test_matches_are_in_the_order_their_tuples_sort(found):
    rows, sims = _in_order(*_arrays(found))
    ordered = sorted(found)
    assert rows.tolist() == [list(row) for row, _ in ordered]
    assert sims.tolist() == [sim for _, sim in ordered]


@pytest.mark.parametrize("documents", [2, 50, 600_000, 2**31])  # the last: no room, two sorts
def test_pairs_come_by_seeds_shared_most_first_then_by_documents(documents):
    """The order the pairs are chosen in (`_within_partners`): as two stable sorts gave it,
    by their keys and then by their seeds, most first."""
    rng = np.random.default_rng(documents)
    keys = np.unique(_key(rng.integers(0, documents, 20_000), rng.integers(0, documents, 20_000)))
    keys = keys[rng.permutation(keys.size)]
    seen = rng.integers(2, 40, keys.size)
    by_key = np.argsort(keys, kind="stable")
    expected = keys[by_key][np.argsort(-seen[by_key], kind="stable")]
    assert _most_seeds_first(keys, seen).tolist() == expected.tolist()


def test_many_keys_are_sorted_a_half_in_each_of_two_threads(monkeypatch):
    """From `TWO_HALVES` keys up the halves are sorted in two threads, then merged: the keys
    in order all the same."""
    monkeypatch.setattr(pairs_module, "TWO_HALVES", 1000)
    halves = []

    class Pool(ThreadPoolExecutor):
        def map(self, function, parts):
            parts = list(parts)
            halves.append([part.size for part in parts])
            return super().map(function, parts)

    monkeypatch.setattr(pairs_module, "ThreadPoolExecutor", Pool)
    rng = np.random.default_rng(31)
    for size in (999, 1000, 1001, 250_001):
        keys = rng.integers(0, 2**64 - 1, size, dtype=np.uint64)
        keys[::7] = keys[0]  # ties
        expected = np.sort(keys)
        halves.clear()
        _sort(keys)
        assert keys.tolist() == expected.tolist()
        assert halves == ([] if size < 1000 else [[size // 2, size - size // 2]])


def _update_of(folder, texts: list[str], workers: int) -> reuse.ReuseUpdate:
    update = reuse.ReuseUpdate(folder, 1, workers)
    update._state = reuse.ReuseState()
    for slot, text in enumerate(texts):
        update.state.ids.append(f"communique-{slot}")
        update.texts[slot] = text
        update.tokens[slot] = reuse.Tokens.of(text)
    update.open_text = lambda: dict(enumerate(texts)).get
    return update


def _chunks_as_the_loop(update: reuse.ReuseUpdate, pairs: list[tuple[int, int]]) -> list:
    """What `_align_all` made before: a loop over the pairs."""
    partners = [b if b not in update.tokens else a for a, b in pairs]
    count = max(update.workers * 4, -(-2 * len(set(partners)) // update_module.SEEDS_KEPT))
    chunks: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for pair, partner in zip(pairs, partners, strict=True):
        chunks[partner % count].append(pair)
    return chunks


@pytest.mark.parametrize("seeds_kept", [update_module.SEEDS_KEPT, 40])
def test_pairs_go_to_the_chunk_of_their_partner_read_from_the_index(tmp_path, monkeypatch,
                                                                    seeds_kept):
    """A pair's chunk is that of its document this run did not write (its partner, read
    from the index), else of its first; each chunk keeps the pairs' order."""
    monkeypatch.setattr(update_module, "SEEDS_KEPT", seeds_kept)
    rng = np.random.default_rng(15)
    update = _update_of(tmp_path, ["Le ministre a reçu les associations de la vallée."] * 50, 2)
    update.state.ids.extend(f"ancien-{n}" for n in range(450))  # kept: no tokens this run
    pairs = rng.integers(0, 500, (3000, 2))
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    chunks = [list(map(tuple, chunk.tolist())) for chunk in update._chunks(pairs)]
    assert chunks == _chunks_as_the_loop(update, list(map(tuple, pairs.tolist())))
    assert len(chunks) == 8 if seeds_kept > 1000 else len(chunks) > 8  # partners' seeds kept


def test_the_aligning_processes_send_their_matches_as_arrays(shared, tmp_path, monkeypatch):
    """The LuxLeaks releases aligned in two processes, a job at a time: each sends its
    matches as two arrays (rows, similarities), and the run's matches are those one process
    finds, in the same order."""
    folder = shared / "luxleaks-communiques" / "markdown"
    texts = [path.read_text("utf-8") for path in sorted(folder.glob("*.md"))]
    alone = _update_of(tmp_path, texts, 1)
    alone._match(sorted(alone.tokens))
    monkeypatch.setattr(update_module, "PARALLEL_PAIRS", 1)
    monkeypatch.setattr(update_module, "PAIRS_A_PROCESS", 1)
    sent = []

    def forked(*args, **kwargs):
        for found, dropped in reuse.processes.forked(*args, **kwargs):
            sent.append(found)
            yield found, dropped

    monkeypatch.setattr(update_module, "forked", forked)
    two = _update_of(tmp_path, texts, 2)
    two._match(sorted(two.tokens))
    assert len(sent) > 2 and two.found == []
    assert all(rows.dtype == np.int64 and rows.shape[1] == 6 and sims.dtype == np.float32
               for rows, sims in sent)
    rows, sims = two._matches_found()
    expected = sorted(alone.found)
    assert len(expected) > 10 and rows.tolist() == [list(row) for row, _ in expected]
    assert sims.tolist() == np.array([sim for _, sim in expected], np.float32).tolist()
    assert two.state.dropped == alone.state.dropped


def _releases_update(shared, folder) -> tuple[reuse.ReuseUpdate, dict]:
    """A fresh run's part of the LuxLeaks releases, every document added as indexing does."""
    from indexer.document import Document

    paths = sorted((shared / "luxleaks-communiques" / "markdown").glob("*.md"))
    docs = {f"luxleaks-{n}": Document(f"luxleaks-{n}", path.name, "md", path.read_text("utf-8"))
            for n, path in enumerate(paths)}
    update = reuse.ReuseUpdate(folder, None, 1)
    for doc in docs.values():
        update.add(doc)
    return update, docs


def test_the_base_file_is_written_while_the_groups_are_built(shared, tmp_path, monkeypatch):
    """Once the run's matches are in, the fingerprints and matches (the base file, most of
    the bytes) are written in a thread while the groups are built, the index published
    first; the state read back is the one the run left."""
    update, docs = _releases_update(shared, tmp_path)
    seen = []

    def generation() -> int:
        seen.append("published")
        return 1

    def building(state):
        seen.append("groups")
        stamp = state.base_writing.result()  # written meanwhile, here waited for
        assert (tmp_path / reuse.BASE).exists() and stamp["slots"] == len(docs)
        return build_groups(state)

    build_groups = update_module.build_groups
    monkeypatch.setattr(update_module, "build_groups", building)
    out = update.finish(set(docs), generation, docs.get, lambda i: docs[i].text)
    assert seen == ["published", "groups"] and out["matches"] > 10
    again = reuse.ReuseState.load(tmp_path, 1)
    assert again.base == update.state.base and again.base["token"]
    assert again.m_int.tolist() == update.state.m_int.tolist()
    assert again.fp_hash.tolist() == update.state.fp_hash.tolist()


def test_the_arrays_and_the_groups_are_written_while_the_base_is(shared, tmp_path,
                                                                  monkeypatch):
    """The arrays file names the base by the stamp it is given before it is written: the
    three files are written side by side, and the run returns once the base is whole; the
    state read back is the one the run left."""
    import threading
    from contextlib import contextmanager

    update, docs = _releases_update(shared, tmp_path)
    others_written, in_place = threading.Event(), []
    write, writing = reuse.state._Base.write, reuse.FolderStore.writing

    def base(store, state, stamp=None):
        assert others_written.wait(30), "the arrays or the groups waited for the base"
        return write(store, state, stamp)

    @contextmanager
    def noted(self, name):
        with writing(self, name) as handle:
            yield handle
        in_place.append(name)
        if name == reuse.GROUPS:
            others_written.set()

    monkeypatch.setattr(reuse.state._Base, "write", staticmethod(base))
    monkeypatch.setattr(reuse.FolderStore, "writing", noted)
    update.finish(set(docs), 1, docs.get, lambda i: docs[i].text)
    assert in_place == [reuse.ARRAYS, reuse.GROUPS, reuse.BASE]
    again = reuse.ReuseState.load(tmp_path, 1)
    assert again is not None and again.base == update.state.base
    assert again.m_int.tolist() == update.state.m_int.tolist()
    assert again.fp_hash.tolist() == update.state.fp_hash.tolist()


def test_a_base_file_that_cannot_be_written_fails_the_run(shared, tmp_path, monkeypatch):
    """The arrays file, written while the base is, names it: without the base nothing the
    run left is read back (the next run starts over)."""
    update, docs = _releases_update(shared, tmp_path)

    def full(store, state, stamp=None):
        raise OSError("Aucun espace disponible sur le périphérique")

    monkeypatch.setattr(reuse.state._Base, "write", staticmethod(full))
    with pytest.raises(OSError, match="Aucun espace disponible"):
        update.finish(set(docs), 1, docs.get, lambda i: docs[i].text)
    assert reuse.ReuseState.current(tmp_path, 1)  # the arrays and groups: in step
    assert reuse.ReuseState.load(tmp_path, 1) is None


def test_what_made_the_pairs_is_freed_before_they_are_aligned(shared, tmp_path, monkeypatch):
    """The pair keys and seed counts (and the frequencies beside them) are gone when the
    alignment begins: the aligning processes, forked then, would hold them too (at `1m`
    ~3 GB). The fingerprints have joined the kept table by then."""
    import weakref

    update, docs = _releases_update(shared, tmp_path)
    made, aligned = [], []
    seen_pairs, align_all = update_module._seen_pairs, update_module.ReuseUpdate._align_all

    def watched_pairs(*args, **kwargs):
        keys, seen = seen_pairs(*args, **kwargs)
        made.extend(weakref.ref(array) for array in (keys, seen))
        return keys, seen

    def watched_align(self, pairs):
        aligned.append([ref() is None for ref in made])
        assert self.state.fp_hash.size
        return align_all(self, pairs)

    monkeypatch.setattr(update_module, "_seen_pairs", watched_pairs)
    monkeypatch.setattr(update_module.ReuseUpdate, "_align_all", watched_align)
    update.finish(set(docs), 1, docs.get, lambda i: docs[i].text)
    assert aligned == [[True, True]]


DATES = st.sampled_from([None, "", "1981-09-17", "2024-03-01", "2023-11-20", "2024-03-01"])
OCCURRENCE = st.tuples(st.integers(0, 7), st.integers(0, 50), st.integers(0, 50))


@settings(max_examples=200, deadline=None)
@given(st.lists(DATES, min_size=8, max_size=8),
       st.lists(st.lists(OCCURRENCE, min_size=1, max_size=6), max_size=12))
def test_a_groups_oldest_occurrence_is_the_one_min_finds(dates, occurrences):
    """The occurrence whose words a group shows in lists: its document's date first (those
    without one, or with an empty one, last), then the slot, then the first in the group —
    as `min` over the occurrences chose it one group at a time."""
    from indexer.reuse.groups import oldest
    from indexer.reuse.slots import Slot

    state = reuse.ReuseState()
    for slot, date in enumerate(dates):
        state.meta[slot] = Slot(f"discours-{slot}", date)
    groups = [{"occurrences": [[s, a, a + b, n, "Élisabeth Borne"] for n, (s, a, b) in
                               enumerate(found)]} for found in occurrences]
    meta = state.meta
    assert oldest(state, groups) == [
        min(g["occurrences"], key=lambda o: (not meta.date(o[0]), meta.date(o[0]) or "", o[0]))
        for g in groups]


WORDS = st.lists(st.sampled_from(["Mesdames", "et", "Messieurs", "les", "députés,", " ", "  ",
                                  "\n", "\t", " " * 700, "responsabilité" * 30]), max_size=120)


@settings(max_examples=200, deadline=None)
@given(WORDS.map("".join), st.integers(0, 300), st.integers(0, 6000))
def test_a_groups_excerpt_is_the_first_words_of_its_passage_one_space_apart(text, start,
                                                                            length):
    """Read from the passage's start only as far as the excerpt needs: the same words as
    from the whole passage, long runs of spaces and long words included."""
    from indexer.reuse.update import EXCERPT_CHARS, _excerpt

    whole = " ".join(text[start:start + length].split())[:EXCERPT_CHARS]
    assert _excerpt(text, start, start + length) == whole


MEMBERS = ["Mathilde Panot", "Olivier Marleix", "Boris Vallaud", "Cyrielle Chatelain",
           "Jean-Paul Mattei", "Laure Lavalette", "Stéphane Lenormand", "Sylvain Maillard",
           "Yaël Braun-Pivet"]


@pytest.mark.parametrize(("members", "kinds", "grouped"), [
    (9, ["débat"] * 9, False),  # « mes chers collègues »: said by nine members, not reuse
    (9, ["débat"] * 8 + ["communiqué"], True),  # a press release takes it up: reuse
    (7, ["débat"] * 7, True),  # seven members: one side's line
])
def test_a_passage_said_in_debates_by_eight_members_or_more_is_a_commonplace(members, kinds,
                                                                            grouped):
    from indexer.reuse.groups import build_groups
    from indexer.reuse.slots import Slot

    state = reuse.ReuseState()
    for slot, (name, kind) in enumerate(zip(MEMBERS[:members], kinds, strict=True)):
        state.ids.append(f"seance-2023-03-16-{slot}")
        state.meta[slot] = Slot(state.ids[slot], "2023-03-16", kind, "Séance du 16 mars 2023",
                                [name])
    state.m_int = np.array([[0, 0, 80, s, 0, 80] for s in range(1, members)], np.int64)
    state.m_sim = np.full(members - 1, 0.9, np.float32)
    passages = [g for g in build_groups(state) if g["type"] == "passage"]
    assert len(passages) == grouped
    assert not grouped or [o[0] for o in passages[0]["occurrences"]] == list(range(members))
