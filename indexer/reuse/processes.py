"""The processes the pairs are aligned in, and the garbage collector beside a large state.

`forked` runs a function over jobs in processes forked from this one, which read what they
need in the parent's pages (`forked_state`) instead of receiving it; `_align_chunks` is
what an aligning process runs (`ReuseUpdate._align_all` hands it chunks of pairs: each
chunk's seeds, `indexer.reuse.seeds`, then its passages, `indexer.reuse.passages`). The
reading workers use `forked` too (`indexer.indexing`). `_collector_paused` keeps the
collector from walking millions of objects while the state is read, matched or written;
`_small_pages` keeps the kernel from zeroing huge pages for the step's large arrays.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from typing import Any

import numpy as np


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


@contextmanager
def _small_pages():
    """Keep numpy from asking the kernel for huge pages (`madvise`) for its large arrays:
    the step makes and drops arrays of tens of millions of entries, and each fresh huge page
    is zeroed and compacted for by the kernel. Measured at `250k` (the indexer's part of the
    matching before the alignment, job 0's tokens, alternated runs, session 29): 2.5-2.7 s of
    user time and 16.7-16.8 s of system time with them, 2.8 s and 2.1-3.6 s without; the
    same pairs. The processes forked meanwhile (tokens, alignment) inherit the setting."""
    try:
        from numpy._core.multiarray import _set_madvise_hugepage
    except ImportError:  # another numpy: nothing to change
        yield
        return
    before = _set_madvise_hugepage(False)
    try:
        yield
    finally:
        _set_madvise_hugepage(before)


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


def _jobs(sizes: list[int], most: int, least: int = 1) -> list[list[int]]:
    """Group chunks (their `sizes`, in order) into jobs of about `most` pairs at most, and
    at least `least` jobs (one for each process) when there are chunks enough: the chunks in
    order, each in the job its middle pair falls in when the pairs are cut into equal parts.
    (Filled up to `most` one after the other, the 0.84 M pairs of texts of `250k` made one
    job, for one process of two.)

    >>> _jobs([3, 3, 3, 5, 1], 6)
    [[0, 1], [2], [3, 4]]
    >>> _jobs([3, 3, 3, 5, 1], 100, least=2)
    [[0, 1], [2, 3, 4]]
    """
    total = sum(sizes)
    count = min(len(sizes), max(least, -(-total // most)))
    jobs: dict[int, list[int]] = {}
    before = 0
    for n, size in enumerate(sizes):
        jobs.setdefault((2 * before + size) * count // (2 * total or 1), []).append(n)
        before += size
    return list(jobs.values())


def _align_chunks(numbers: list[int]) -> tuple[list, int]:
    """Align a job's chunks of pairs (rows a, b, and the pairs of their texts each stands
    for, `_SameTexts`) in a forked process: their matches and boilerplate count. The seeds
    are those of the table the process was forked with (one for every job), else of one
    made for the job's documents. The process lives on to take another job: what it found
    of its documents (their word bounds, the texts read) serves again."""
    update, chunks, table = _FORKED
    update.found, update.state.dropped = [], 0
    if update.text_pid != os.getpid():
        update.text_of, update.text_pid = update.open_text(), os.getpid()  # its own files
    if table is None:
        table = update.seed_table(_pairs(chunks[n]) for n in numbers)
    for n in numbers:
        update._align_chunk(_pairs(chunks[n]), table, _times(chunks[n]))
    return _arrays(update.found), update.state.dropped


def _times(rows: np.ndarray) -> list[int] | None:
    """Return the pairs each row of a chunk stands for (its third column), None without one."""
    return rows[:, 2].tolist() if rows.shape[1] > 2 else None


def _pairs(rows: np.ndarray) -> list[tuple[int, int]]:
    """Return a chunk's pairs (rows a, b, …) as tuples, as the alignment takes them: made in
    the process that aligns the chunk.

    >>> _pairs(np.array([[3, 8], [3, 9]]))
    [(3, 8), (3, 9)]
    """
    return list(zip(rows[:, 0].tolist(), rows[:, 1].tolist(), strict=True))


def _arrays(found: list[tuple[tuple[int, ...], float]]) -> tuple[np.ndarray, np.ndarray]:
    """Return matches (row, similarity) as two arrays: rows of six integers, similarities.
    An aligning process sends them so (at `1m` its 3 M matches as tuples were pickled, then
    unpickled by the parent, alone once the last job was done).

    >>> rows, sims = _arrays([((4, 0, 80, 9, 12, 95), 0.93)])
    >>> rows.tolist(), sims.dtype.name
    ([[4, 0, 80, 9, 12, 95]], 'float32')
    """
    rows = np.array([row for row, _ in found], np.int64).reshape(-1, 6)
    return rows, np.array([sim for _, sim in found], np.float32)
