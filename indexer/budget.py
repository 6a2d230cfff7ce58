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
  pas répondu à temps » (503).

The web app gives each request a budget (`request_budget`): every search it runs gets
`SEARCH_SECONDS` from its start (environment: VERBATIM_SEARCH_SECONDS), and all of them
end by `REQUEST_SECONDS` after the request began. Outside a request (the command line, the
tests, the benchmarks) a search has no deadline.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

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


@dataclass
class Budget:
    """A deadline (time.monotonic) and the notes of what was cut short to meet it."""

    deadline: float = math.inf
    notes: list[str] = field(default_factory=list)

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
