"""One indexing run's part of the reuse groups (`ReuseUpdate`): the steps in their order.

Documents are fed as they are written (`add`: their slot, quotations and words,
`indexer.reuse.words`); `finish` then reads the kept state (`indexer.reuse.state`), drops
the documents gone or written again (keeping what an edit cannot move,
`indexer.reuse.edits`), makes the candidate pairs (`_match`, `indexer.reuse.pairs`),
aligns them (`_align_all`: the pairs of the same two texts once, in chunks, in forked
processes when there are many, `indexer.reuse.processes`, each chunk's seeds and passages,
`indexer.reuse.seeds` and `indexer.reuse.passages`), builds the groups
(`indexer.reuse.groups`) and writes the files (`indexer.reuse.files`).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

import numpy as np

from indexer.document import Document, Speaker
from indexer.documents import text_hash
from indexer.reuse.edits import Edit, _Edits
from indexer.reuse.files import as_store
from indexer.reuse.groups import _quotes, build_groups, oldest
from indexer.reuse.pairs import (
    MAX_DF,
    _inserted,
    _most_seeds_first,
    _run_fingerprints,
    _SameTexts,
    _seen_pairs,
    _within_partners,
)
from indexer.reuse.passages import _Passages
from indexer.reuse.processes import (
    _align_chunks,
    _arrays,
    _collector_paused,
    _jobs,
    _pairs,
    _small_pages,
    _times,
    forked,
)
from indexer.reuse.slots import Slot
from indexer.reuse.state import ReuseState
from indexer.reuse.words import Tokens
from indexer.verify import others_turns

# Characters of a group's passage kept for the lists.
EXCERPT_CHARS = 600


# Partners of one chunk of pairs, about half as many at most: a process finds the seeds of
# all its chunks' documents once (`_SeedTable`, 12 bytes a seed, instead of a dict of ~4 KB
# a document for the 120,000 last used), then a chunk's pairs' seeds at once
# (`_pair_seeds`: arrays of ~16 bytes a seed of a pair while they are made), so that more
# pairs a chunk would hold more of them at a time.
SEEDS_KEPT = 120_000
# Pairs of one job (`_align_chunks`): its process holds their matches until it returns
# them, then takes the next job. Until session 30 a process ended after one job and another
# was forked for the next, in rounds of `workers` jobs, finding again the seeds and word
# bounds of the documents it read (at `1m` a job of ~760,000 pairs reads ~395,000 documents:
# 7.7 s for its seeds and 4 s for their bounds of its ~34 s of CPU). 1,000,000 (session 24):
# at `1m` the same peak as with 500,000 (19.1 GB of PSS in all, each process under ~6.5 GB);
# at `250k` two jobs instead of four.
PAIRS_A_PROCESS = 1_000_000
# Pairs to align before it is worth starting processes (forking a large state costs).
PARALLEL_PAIRS = 2000


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


def _in_order(rows: np.ndarray, sims: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return matches (`rows` of six integers, `sims`) sorted as their tuples (row, then
    similarity) sort: by the six columns, then the similarity. Columns that fit 32 bits (the
    slots and characters of any text under 4 GB) are sorted two at a time, as one key.

    >>> rows = np.array([[2, 0, 9, 5, 1, 3], [1, 7, 9, 2, 0, 4], [1, 7, 9, 2, 0, 4]])
    >>> r, s = _in_order(rows, np.array([0.5, 0.75, 0.25], np.float32))
    >>> r[:, 0].tolist(), s.tolist()
    ([1, 1, 2], [0.25, 0.75, 0.5])
    """
    if len(rows) < 2:
        return rows, sims
    if int(rows.min()) >= 0 and int(rows.max()) < 2**32:
        wide = rows.astype(np.uint64)
        keys = (wide[:, 1::2] | (wide[:, 0::2] << np.uint64(32))).T  # (a, a0), (a1, b), …
    else:
        keys = rows.T
    order = np.lexsort((sims, *keys[::-1]))
    return rows[order], sims[order]


def _excerpt(text: str, start: int, end: int) -> str:
    """Return the words of `text[start:end]` one space apart, their first `EXCERPT_CHARS`
    characters: read from the start of the passage only as far as they need (the words of
    a part of it begin the words of the whole).

    >>> _excerpt("Le  Gouvernement  engage sa responsabilité", 4, 42)
    'Gouvernement engage sa responsabilité'
    """
    words = " ".join(text[start:min(end, start + 2 * EXCERPT_CHARS)].split())
    if len(words) < EXCERPT_CHARS and end > start + 2 * EXCERPT_CHARS:  # mostly spaces
        words = " ".join(text[start:end].split())
    return words[:EXCERPT_CHARS]


def _documents(pairs: np.ndarray) -> list[list[tuple[int, int]]]:
    """Return the documents of the pairs (rows a, b, …) as one chunk of pairs, each document
    paired with itself: what `seed_table` takes, 740,000 tuples at `1m` instead of 9 M."""
    slots = np.unique(pairs[:, :2]).tolist()
    return [list(zip(slots, slots, strict=True))]


class ReuseUpdate(_Edits, _Passages):
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
        # and those the aligning processes sent, as arrays (`_arrays`): rows, similarities
        self.found_arrays: list[tuple[np.ndarray, np.ndarray]] = []
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
        self.text_pid: int | None = None  # the aligning process `text_of` was opened in
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
            state.turns_seen.discard(kept)  # its speakers may have changed
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

    def finish(self, alive: set[str], generation: int | Callable[[], int],
               stored: Callable[[str], Document | None],
               text: Callable[[str], str] | None = None,
               open_text: Callable[[], Callable[[str], str]] | None = None) -> dict[str, int]:
        """Match this run's documents, rebuild the groups, write the files.

        `alive` holds the id of every document in the index after the run; `generation` is
        the index's, which the files carry, or a callable returning it: called once the
        words and pairs are found and aligned, before the files are written (the first while
        the groups are built, `ReuseState.write_base`), it returns when they may be (the
        records committed and the index published meanwhile, `indexer.indexing`).
        `stored(id)` returns an indexed document (for those this run did not write),
        `text(id)` its text alone (quicker: the partners of the new documents are read only
        for their words). `open_text()` makes a `text` lookup of its own (its own files) for
        each process aligning pairs; without it, pairs are aligned in this process only.
        """
        self.text_of = text or (lambda doc_id: getattr(stored(doc_id), "text", ""))
        self.open_text = open_text
        self.ready.clear()  # those of documents not written (duplicates)
        # what it makes is freed by reference counts; its large arrays on small pages
        with _collector_paused(), _small_pages():
            return self._finish(alive, generation, stored)

    def _finish(self, alive: set[str], generation: int | Callable[[], int],
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
        rows, sims = self._matches_found()
        if rows.size:
            state.m_int = np.concatenate([state.m_int, rows])
            state.m_sim = np.concatenate([state.m_sim, sims])
        if callable(generation):
            generation = generation()
        groups = self._groups_and_files(generation, stored)
        # `add` read the kept state on first use: the rest of its time is the documents'
        self.steps["documents"] = self.add_seconds - self.steps["read"]
        return {"groups": len(groups), "matches": len(state.matches()),
                "boilerplate": state.dropped}

    def _groups_and_files(self, generation: int,
                          stored: Callable[[str], Document | None]) -> list[dict]:
        """Build the groups of the kept matches and quotations, and write the files: the
        base (the fingerprints and matches, most of the bytes) in a thread of its own from
        the start, the arrays and the groups beside it (`ReuseState.save`)."""
        state = self.state
        state.write_base(self.index_dir)
        # kept documents matched now: what the pages show of them
        matched = np.unique(state.matches()[:, [0, 3]])
        for slot in matched.tolist():
            if slot not in state.meta:
                doc = stored(state.ids[slot])
                state.meta[slot] = Slot.of(doc) if doc else Slot(state.ids[slot])
        started = time.perf_counter()
        self._find_turns(matched.tolist())
        groups = build_groups(state)
        excerpts = {}
        for group, (slot, start, end, *_) in zip(groups, oldest(state, groups), strict=True):
            key = f"{slot}:{start}:{end}"  # the words of the oldest occurrence, in lists
            excerpts[key] = state.excerpts.get(key) or _excerpt(self._text(slot), start, end)
            group["text"] = excerpts[key]
        state.excerpts = excerpts
        self.steps["groups"] += time.perf_counter() - started
        started = time.perf_counter()
        state.save(self.index_dir, generation, groups, matched)
        self.steps["write"] += time.perf_counter() - started
        return groups

    def _find_turns(self, matched: list[int]) -> None:
        """Find the turns that are not their speakers' (`others_turns`: the journalist's)
        in the documents matched whose turns are not known yet (`ReuseState.turns_seen`):
        those written in this run, and all of them in a state kept before the turns were.
        Only the documents matched need them (7,281 of the 61,130 of the shared corpus):
        those of every document written took `bench.reuse`'s full run to 9.1 s of CPU
        (7.1 s in session 36); of these alone, 7.4 s (main's 8.6 s in the same hour)."""
        state = self.state
        wanted = [slot for slot in matched if slot not in state.turns_seen]
        unread = [slot for slot in wanted if slot not in self.texts]
        texts = dict(zip(unread, map(self.text_of, _ahead(self.text_of, [
            state.ids[slot] for slot in unread])), strict=True))
        for slot in wanted:
            text = self.texts[slot] if slot in self.texts else texts[slot]
            doc = Document(state.ids[slot], "", "", text,
                           speakers=[Speaker(name) for name in state.meta.speakers(slot)])
            found = others_turns(doc)
            if found:
                state.turns[slot] = found
            else:
                state.turns.pop(slot, None)
        state.turns_seen.update(wanted)

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
        # by fingerprint then slot
        new_h, new_s = _run_fingerprints([self.tokens[slot] for slot in new], new)
        chosen = self._chosen(new, new_h, new_s)
        # the new fingerprints join the kept table, each after the kept ones of its value
        # (inserted where they belong: sorting the whole table again took seconds), before
        # the alignment: the forked processes then share the table and no more
        at = np.searchsorted(state.fp_hash, new_h, "right")
        state.fp_hash = _inserted(state.fp_hash, at, new_h)
        state.fp_slot = _inserted(state.fp_slot, at, new_s)
        del new_h, new_s, at
        self._align_all(chosen)

    def _chosen(self, new: list[int], new_h: np.ndarray, new_s: np.ndarray) -> np.ndarray:
        """Return the pairs to align (rows a, b) of the run's fingerprints (`new_h`, `new_s`:
        by fingerprint then slot) and the kept table; `rare` set. What it makes on the way
        is freed when it returns, before the aligning processes are forked (at `1m` ~3 GB of
        frequencies, searches and pair keys, which the forked processes held too)."""
        state = self.state
        old_h, old_s = state.fp_hash, state.fp_slot
        # document frequency of each new fingerprint: in the kept table plus in this run
        # (`np.unique` with its inverse and counts, the fingerprints being in order)
        fresh = np.r_[True, new_h[1:] != new_h[:-1]] if new_h.size else np.zeros(0, bool)
        uniq = new_h[fresh]
        inverse = np.cumsum(fresh) - 1
        counts = np.diff(np.r_[np.flatnonzero(fresh), new_h.size])
        left = np.searchsorted(old_h, uniq, "left")
        right = np.searchsorted(old_h, uniq, "right")
        df = counts + (right - left)
        shared = (df >= 2) & (df <= MAX_DF)
        rare_h = uniq[shared]
        self.rare = rare_h
        rare = shared[inverse]  # which of `new_h` are rare, without a search each
        keys, seen = _seen_pairs(new_h, new_s, rare_h, old_s, left[shared], right[shared],
                                 rare, self.workers, ordered=False)
        chosen = _within_partners(_most_seeds_first(keys, seen))
        if self.edits:
            hot = self._hot(set(new), old_h, old_s)
            written = set(new)
            chosen = chosen[np.array([not self._unmoved(a, b, hot, written)
                                      for a, b in chosen.tolist()], bool).reshape(-1)]
            self._keep(hot, written)
        return chosen

    def _align_all(self, pairs: np.ndarray) -> None:
        """Align the chosen pairs (rows a, b): the pairs of the same two texts once
        (`_SameTexts`), their matches then given to each; in `workers` processes when there
        are many (`_align_rows`)."""
        same = _SameTexts.of(pairs, self._text_numbers(int(pairs.max(initial=-1)) + 1))
        kept = len(self.found)  # an edited document's old matches kept (`_keep`) before
        sent = len(self.found_arrays)
        self._align_rows(np.column_stack([same.first, same.times]))
        rows, sims = same.spread(*_arrays(self.found[kept:]))  # aligned in this process
        self.found[kept:] = zip(map(tuple, rows.tolist()), sims.tolist(), strict=True)
        self.found_arrays[sent:] = [same.spread(*found) for found in self.found_arrays[sent:]]

    def _text_numbers(self, slots: int) -> np.ndarray:
        """Return a number for each slot's text (`slots` at least): the first slot of its
        text for this run's documents (their texts compared whole: the same characters, the
        same matches), its own slot for a kept document (its text is not read here)."""
        numbers = np.arange(max(slots, len(self.state.ids), max(self.texts, default=-1) + 1))
        first: dict[str, int] = {}
        written = np.fromiter(self.texts, np.int64, len(self.texts))
        numbers[written] = np.fromiter(map(first.setdefault, self.texts.values(), self.texts),
                                       np.int64, len(self.texts))
        return numbers

    def _align_rows(self, rows: np.ndarray) -> None:
        """Align pairs (rows a, b and the pairs of their texts each stands for), in
        `workers` processes when there are many.

        Most of an incremental run goes into reading and splitting the text of the kept
        documents the new ones share passages with: that work splits by partner, each
        process reading its own partners through its own files (`open_text`).
        """
        if len(rows) < PARALLEL_PAIRS:
            self._align_chunk(_pairs(rows), times=_times(rows))
            return
        chunks = self._chunks(rows)
        if self.workers < 2 or self.open_text is None:
            table = self.seed_table(map(_pairs, chunks))
            for chunk in chunks:  # its matches go on `self.found` as they are found
                self._align_chunk(_pairs(chunk), table, _times(chunk))
        else:
            # the forked processes share the state's pages until written; a job holds about
            # `PAIRS_A_PROCESS` pairs at most, a process each at least, and a process takes
            # the next job when it is done with one. More jobs than processes: each job
            # reads a good part of the run's documents (at `1m`, ~395,000 of the 738,881
            # paired, in each of 12 jobs: its table 7.7 s of CPU), so their seeds are found
            # once, here, for all (13.5 s; `_SeedTable`: read, never written, in the forked
            # pages)
            jobs = _jobs([len(chunk) for chunk in chunks], PAIRS_A_PROCESS, self.workers)
            table = self.seed_table(_documents(rows)) if len(jobs) > self.workers else None
            for found, dropped in forked(_align_chunks, jobs, self.workers,
                                         (self, chunks, table), ordered=False):
                self.found_arrays.append(found)
                self.state.dropped += dropped

    def _chunks(self, pairs: np.ndarray) -> list[np.ndarray]:
        """Cut the pairs (rows a, b) into chunks by the partner read from the index (b,
        unless this run wrote it: then a), so that each is read once; enough chunks that the
        arrays of a chunk's pairs' seeds stay small (`SEEDS_KEPT`). Each chunk keeps the
        pairs' order, as rows: the process that aligns it makes them tuples (`_pairs`).
        (A loop over the 9 M pairs of `1m` as tuples took seconds, one core idle.)"""
        written = np.zeros(len(self.state.ids), bool)
        written[np.fromiter(self.tokens, np.int64, len(self.tokens))] = True
        partners = np.where(written[pairs[:, 1]], pairs[:, 0], pairs[:, 1])
        count = max(self.workers * 4, -(-2 * np.unique(partners).size // SEEDS_KEPT))
        chunk = partners % count
        order = np.argsort(chunk, kind="stable")
        bounds = np.cumsum(np.bincount(chunk, minlength=count))[:-1]
        return np.split(pairs[order], bounds)

    def _matches_found(self) -> tuple[np.ndarray, np.ndarray]:
        """Return this run's matches (`found`, and those the aligning processes sent) as
        rows and similarities, in the order of their tuples (row, then similarity): the
        same whatever process finished first.

        At `1m` the processes sent 3 M matches as tuples, which this process unpickled,
        sorted (Python's tuple comparisons) and made arrays of, alone, after the last job.
        """
        rows, sims = zip(_arrays(self.found), *self.found_arrays, strict=True)
        return _in_order(np.concatenate(rows), np.concatenate(sims))
