"""The time budget of a search: past its deadline a search stops, answers what it has found,
and says so in a note. Nothing waits for a timeout.

Every cost of a search is bounded by its input's limits (query length, words, page depth,
facet values); the budget is the last resort for what a limit cannot bound well, such as
Whoosh's walk of a phrase made of the commonest words. The stages that can be long check it:

* Whoosh's walks (`walk`) run on a searcher whose posting readers check the deadline every
  64 steps, so even a walk that matches nothing stops (Whoosh's own `TimeLimitCollector`
  only looks at the clock between matches, and needs SIGALRM, main thread only);
* plain words stop reading posting lists (`indexer.matching`), and a long list of hits (an
  export) stops adding snippets (`indexer.search`);
* every request to an OpenSearch cluster (`indexer.opensearch_client.bounded`) waits at most
  what is left of its search's budget, or of the request's outside a search (a document's
  record, the marks' mapping), and once one was not answered in time, none past the
  request's deadline and one margin: a cluster that stops answering gives the page « n'a
  pas répondu à temps » (503);
* what a page reads or computes whole when the index changed, at a cost that grows with the
  index (the reuse groups' file, the talking points' table, the manifest), is done apart
  (`apart`): in a thread of its own, once however many pages ask, each page waiting for it
  at most what is left of its budget, then answering without it and saying so.

The web app gives each request a budget (`request_budget`): every search it runs gets
`SEARCH_SECONDS` from its start (environment: VERBATIM_SEARCH_SECONDS), and all of them
end by `REQUEST_SECONDS` after the request began. Outside a request (the command line, the
tests, the benchmarks) a search has no deadline.
"""

from __future__ import annotations

import gc
import logging
import math
import os
import threading
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TypeVar

from whoosh import query as wq
from whoosh.matching import AndNotMatcher, WrappingMatcher
from whoosh.searching import Searcher

# Measured on the shared corpus (bench/load.py): a normal search takes 10–100 ms alone and a
# few hundred on two busy cores; 0.5 s, and 0.7 s for a request's searches together, leave a
# page room to render within the 1 s that issue 12 allows any request, even with sixteen
# other clients on the two cores (with 0.6 and 0.85 s, one hostile request in 16,000 took
# 1.07 s there).
SEARCH_SECONDS = float(os.environ.get("VERBATIM_SEARCH_SECONDS", "0.5"))
REQUEST_SECONDS = max(SEARCH_SECONDS, float(os.environ.get("VERBATIM_REQUEST_SECONDS", "0.7")))
CHECK_EVERY = 64  # posting steps between two looks at the clock (~1 µs each)


class OverBudget(Exception):
    """Raised inside a Whoosh walk when the search's deadline has passed."""


class NotReady(Exception):
    """What a page needs is still being read apart (`apart`) past its time budget: the
    message says what, in one line; the web app answers 503 with Retry-After."""


@dataclass
class Budget:
    """A deadline (time.monotonic) and the notes of what was cut short to meet it."""

    deadline: float = math.inf
    notes: list[str] = field(default_factory=list)
    # past the deadline, a pasted passage's finder stops aligning its candidates (the best
    # one aligned): set by a page whose answer is those passages (a genealogy); not by a
    # verdict nor a search's second look, whose « introuvable » must come from every one
    cuts_alignments: bool = False

    def exceeded(self) -> bool:
        """Tell whether the deadline has passed."""
        return time.monotonic() > self.deadline

    def cut(self, note: str) -> None:
        """Record what was cut short (each note once)."""
        if note not in self.notes:
            self.notes.append(note)


_current: ContextVar[Budget | None] = ContextVar("verbatim_budget", default=None)
_each: ContextVar[float] = ContextVar("verbatim_search_seconds", default=math.inf)
_outer: ContextVar[float] = ContextVar("verbatim_deadline", default=math.inf)


def start() -> Budget:
    """Start the budget of one search in this thread, and return it."""
    budget = Budget(min(time.monotonic() + _each.get(), _outer.get()))
    _current.set(budget)
    return budget


def finish() -> list[str]:
    """End this thread's search budget; return its notes."""
    budget = _current.get()
    _current.set(None)
    return budget.notes if budget else []


def current() -> Budget:
    """Return the budget of the search running in this thread (unlimited outside one)."""
    return _current.get() or Budget()


def request_deadline() -> float:
    """Return when the web request running in this thread must have its searches done
    (`REQUEST_SECONDS` after it began; infinite outside a request): what bounds the lookups a
    page makes outside a search (a document, a speaker's statements, the reuse groups)."""
    return _outer.get()


@contextmanager
def request_budget(each: float | None = None, total: float | None = None) -> Iterator[None]:
    """Give every search started in the block `each` seconds (SEARCH_SECONDS), and all of
    them together `total` seconds from now (REQUEST_SECONDS)."""
    each = SEARCH_SECONDS if each is None else each
    total = REQUEST_SECONDS if total is None else total
    tokens = (_each.set(each), _outer.set(time.monotonic() + total))
    try:
        yield
    finally:
        _outer.reset(tokens[1])
        _each.reset(tokens[0])
        _current.set(None)


T = TypeVar("T")
log = logging.getLogger(__name__)
# key → the thread doing that work (`apart`): one at a time per key, kept once done for its value
_apart: dict[Hashable, threading.Thread] = {}
_apart_lock = threading.Lock()


def apart(key: Hashable, work: Callable[[], T]) -> T | None:
    """Return what `work()` returns, done in a thread of its own; None when it is not done
    within what is left of this request's budget (`request_deadline`), or failed.

    For what a page would otherwise read or compute inline when the index changed, at a cost
    that grows with the index (at `250k` the reuse groups' file took 1.7-2.5 s of CPU inside
    one page): the page waits at most what is left of its budget, then answers without it,
    and says so. While the work runs, every call with the same `key` waits for the same
    thread; once it is done, the next call starts it again: a caller keeps what it got (its
    cache) and calls only when that is out of date. `key`: what the work is, then of which
    index (« ("groups", folder) »: its thread is named « verbatim-groups »). Outside a web
    request (the command line, a server's master before it forks its workers) this waits
    until the work is done.
    """
    with _apart_lock:
        thread = _apart.get(key)
        if thread is None or not thread.is_alive():
            thread = _apart[key] = threading.Thread(target=_run_apart, args=(key, work),
                                                    name=f"verbatim-{_kind(key)}", daemon=True)
            thread.start()
    deadline = request_deadline()
    thread.join(None if deadline == math.inf else max(0.0, deadline - time.monotonic()))
    return None if thread.is_alive() else getattr(thread, "value", None)


def _kind(key: Hashable) -> str:
    """Return what a key of `apart` names: its first part (« groups » of ("groups", path))."""
    return str(key[0] if isinstance(key, tuple) and key else key)


def _run_apart(key: Hashable, work: Callable[[], T]) -> None:
    # The collector paused meanwhile: such work makes millions of objects, and each full
    # collection they set off walks them all holding the interpreter's lock, which the
    # pages of the process wait for (at `250k`, reading the groups' file: another thread
    # stalled 3.6 s at once, 0.5 s with the collector paused)
    collecting = gc.isenabled()
    gc.disable()
    try:
        value = work()
    except Exception as exc:  # noqa: BLE001 - the callers answer without it, and call again
        log.warning("travail à part %s interrompu : %r", key, exc)
        return
    finally:
        if collecting:
            # What the work made lives until the next one replaces it (freed then by
            # reference counting): set out of the collector's way (in constant time), as a
            # server's worker sets what its warm-up built (`webapp.server.settle`). Left
            # young, it was all walked by the first collection after (at `250k`, the groups:
            # 250-270 ms holding the interpreter's lock).
            gc.freeze()
            gc.enable()
    threading.current_thread().value = value  # type: ignore[attr-defined]


def settle_apart(key: Hashable, timeout: float | None = None) -> None:
    """Wait until the work `apart` runs for `key` is done (none running: at once)."""
    with _apart_lock:
        thread = _apart.get(key)
    if thread is not None:
        thread.join(timeout)


def _find_first(self: AndNotMatcher) -> None:
    """Skip the first matches that the excluded postings hold, wherever those start.

    Whoosh-Reloaded 2.7.5's `AndNotMatcher` checks only an excluded posting standing on the
    very first match: when the excluded list starts before it (« lanceurs d'alerte
    -Deltour », the first release about whistle-blowers also the third naming Deltour), the
    first match was kept. `_find_next` skips the excluded list up to the match first.
    """
    if self.a.is_active() and self.b.is_active():
        self._find_next()


AndNotMatcher._find_first = _find_first  # every walk, Whoosh's own included


class _DeadlineMatcher(WrappingMatcher):
    """A posting list that raises OverBudget, every CHECK_EVERY steps, once past a deadline."""

    def __init__(self, child, deadline: float, boost: float = 1.0):
        super().__init__(child, boost=boost)
        self.deadline = deadline
        self._steps = 0

    def _replacement(self, newchild):
        return _DeadlineMatcher(newchild, self.deadline, self.boost)

    def copy(self):
        return _DeadlineMatcher(self.child.copy(), self.deadline, self.boost)

    def _tick(self) -> None:
        self._steps += 1
        if self._steps % CHECK_EVERY == 0 and time.monotonic() > self.deadline:
            raise OverBudget

    def next(self):
        self._tick()
        return self.child.next()

    def skip_to(self, id):  # noqa: A002 - Whoosh's name
        self._tick()
        return self.child.skip_to(id)


class _DeadlineSearcher(Searcher):
    """A searcher over an open reader whose posting lists check the search's deadline.

    Segment searchers are made with the same class, so every leaf of every query is
    checked, phrases included (their positions are read leaf by leaf).
    """

    def postings(self, fieldname, text, weighting=None, qf=1):
        matcher = super().postings(fieldname, text, weighting=weighting, qf=qf)
        return _DeadlineMatcher(matcher, current().deadline)


def checked(searcher) -> Searcher:
    """Return a searcher over the same open reader whose walks raise OverBudget past the
    deadline of this thread's search (closing it leaves the reader open)."""
    return _DeadlineSearcher(searcher.reader(), weighting=searcher.weighting,
                             closereader=False, fromindex=getattr(searcher, "_ix", None))


def walk(searcher, query: wq.Query) -> tuple[list[tuple[float, int]], bool]:
    """Return every match of `query` as (score, docnum) best first, and whether the walk
    was complete: past the budget's deadline it stops with what it has collected."""
    budgeted = checked(searcher)
    collector = budgeted.collector(limit=None)
    complete = True
    try:
        budgeted.search_with_collector(query, collector)
    except OverBudget:
        complete = False
    return list(collector.results().top_n), complete


INTERRUPTED = ("Recherche interrompue : elle dépassait le temps de réponse permis. Voici ce "
               "qu'elle avait trouvé ; une expression plus précise ira plus vite.")
