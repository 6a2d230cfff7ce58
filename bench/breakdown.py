"""Where Verbatim's search time goes, per query kind: time spent in each stage of
`indexer.search.search()`, measured by wrapping its module-level helpers for one pass.

Stages (nested calls are not counted twice: an outer stage's time excludes the inner stages
it calls): matching (`_matching`: the all-words query, and the relaxed one), facets
(`_count`: facet counts), histogram (`_histogram`, its own counting included), page
(`_page`: ranking or sorting one page, without building the hits), hits (`_hit`: stored
fields and JSON, without snippets), snippets (`_snippet` and `highlight_all`), suggestions
(`_suggestions`), other (parsing, facet postings, the rest). Helpers that a later version
renames are simply not measured.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from contextlib import contextmanager

from bench.engines import Engine
from bench.queries import KINDS, QuerySpec

STAGES = ("_matching", "_count", "_histogram", "_page", "_hit", "_snippet", "highlight_all",
          "_suggestions")
LABELS = {"_matching": "matching", "_count": "facets", "_histogram": "histogram",
          "_page": "page", "_hit": "hits", "_snippet": "snippets", "highlight_all": "snippets",
          "_suggestions": "suggestions"}


class _Clock:
    """Exclusive time per stage: a stack of running stages, each paused by its inner ones."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self.stack: list[list] = []  # [label, started, inner seconds]

    def wrap(self, label: str, func):
        def timed(*args, **kwargs):
            self.stack.append([label, time.perf_counter(), 0.0])
            try:
                return func(*args, **kwargs)
            finally:
                name, started, inner = self.stack.pop()
                total = time.perf_counter() - started
                self.spent[name] = self.spent.get(name, 0.0) + total - inner
                if self.stack:
                    self.stack[-1][2] += total

        return timed


@contextmanager
def _instrumented(clock: _Clock):
    import indexer.engine
    import indexer.search
    import indexer.whoosh_engine

    # the orchestration (histogram) and the Whoosh engine's stages, where they are called
    modules = (indexer.search, indexer.whoosh_engine, indexer.engine)
    saved = [(module, name, getattr(module, name)) for module in modules for name in STAGES
             if hasattr(module, name)]
    for module, name, func in saved:
        setattr(module, name, clock.wrap(LABELS[name], func))
    try:
        yield
    finally:
        for module, name, func in saved:
            setattr(module, name, func)


def breakdown(engine: Engine, queries: Sequence[QuerySpec]) -> dict[str, dict[str, float]]:
    """Return {kind: {stage: share of the kind's total time}} plus the total ms per query."""
    out: dict[str, dict[str, float]] = {}
    by_kind: dict[str, list[QuerySpec]] = {}
    for spec in queries:
        by_kind.setdefault(spec.kind, []).append(spec)
    for kind in [k for k in KINDS if k in by_kind]:
        clock = _Clock()
        with _instrumented(clock):
            started = time.perf_counter()
            for spec in by_kind[kind]:
                engine.search(spec)
            total = time.perf_counter() - started
        shares = {stage: seconds / total for stage, seconds in clock.spent.items()}
        shares["other"] = max(0.0, 1 - sum(shares.values()))
        shares["ms_per_query"] = total * 1000 / len(by_kind[kind])
        out[kind] = shares
    return out


def breakdown_table(shares: dict[str, dict[str, float]]) -> str:
    """Return the breakdown as a Markdown table (shares of each kind's time)."""
    stages = list(dict.fromkeys(LABELS.values())) + ["other"]
    lines = ["| query kind | ms/query | " + " | ".join(stages) + " |",
             "|---|---|" + "---|" * len(stages)]
    for kind, row in shares.items():
        cells = [f"{row.get(s, 0.0):.0%}" for s in stages]
        lines.append(f"| {kind} | {row['ms_per_query']:.0f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
