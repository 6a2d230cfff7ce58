"""Query latency: every engine answers every query of the mix, interleaved, for N rounds.

Interleaving (query by query, the engines' order rotating) spreads the noise of a shared
machine evenly over the engines, so their ratios hold even when absolute times wander.
The time is that of one call of the engine's search function, facets and snippets included.
"""

from __future__ import annotations

import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench.engines import Engine, EngineResult
from bench.queries import KINDS, QueryMix, QuerySpec
from bench.stats import summary
from webapp.params import SearchArgs


@dataclass
class Timings:
    """Seconds per engine per query id (one value per round), and the last results."""

    seconds: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    results: dict[str, dict[str, EngineResult]] = field(default_factory=dict)

    def add(self, engine: str, query: str, seconds: float, result: EngineResult | None) -> None:
        """Record one timed call."""
        self.seconds.setdefault(engine, {}).setdefault(query, []).append(seconds)
        if result is not None:
            self.results.setdefault(engine, {})[query] = result


def time_queries(engines: Sequence[Engine], mix: QueryMix, rounds: int, warmup: int = 10,
                 log: Callable[[str], None] = print) -> Timings:
    """Time every query on every engine; the first `warmup` queries run once untimed."""
    for spec in mix.queries[:warmup]:
        for engine in engines:
            engine.search(spec)
    timings = Timings()
    for number in range(rounds):
        started = time.perf_counter()
        for i, spec in enumerate(mix.queries):
            shift = i % len(engines)
            for engine in [*engines[shift:], *engines[:shift]]:
                t0 = time.perf_counter()
                result = engine.search(spec)
                timings.add(engine.name, spec.id, time.perf_counter() - t0, result)
        log(f"  round {number + 1}/{rounds}: {time.perf_counter() - started:.1f} s")
    return timings


def by_kind(timings: Timings, mix: QueryMix) -> dict[str, dict[str, dict[str, float]]]:
    """Return {engine: {kind: summary in ms}} over every timed call, plus kind "all"."""
    kinds = mix.by_kind()
    out: dict[str, dict[str, dict[str, float]]] = {}
    for engine, per_query in timings.seconds.items():
        out[engine] = {}
        for kind in [*KINDS, *(k for k in kinds if k not in KINDS)]:
            values = [s * 1000 for q in kinds.get(kind, []) for s in per_query.get(q.id, [])]
            if values:
                out[engine][kind] = summary(values)
        out[engine]["all"] = summary([s * 1000 for v in per_query.values() for s in v])
    return out


def agreement(timings: Timings, mix: QueryMix, base: str = "verbatim") -> dict[str, dict]:
    """Return, per engine and kind, the share of queries with hits and the mean overlap of
    the first page with Verbatim's (how comparable the work done is)."""
    out: dict[str, dict] = {}
    reference = timings.results.get(base, {})
    for engine, results in timings.results.items():
        out[engine] = {}
        for kind, queries in mix.by_kind().items():
            found = [results[q.id] for q in queries if q.id in results]
            if not found:
                continue
            overlaps = []
            for q in queries:
                mine, theirs = results.get(q.id), reference.get(q.id)
                if mine and theirs and theirs.ids:
                    overlaps.append(len(set(mine.ids) & set(theirs.ids)) / len(theirs.ids))
            out[engine][kind] = {
                "with_hits": sum(1 for r in found if r.total) / len(found),
                "mean_total": sum(r.total for r in found) / len(found),
                "relaxed": sum(1 for r in found if r.relaxed) / len(found),
                "overlap@10": sum(overlaps) / len(overlaps) if overlaps else None,
            }
    return out


def page_url(base: str, spec: QuerySpec) -> str:
    """Return the search page URL of a query, with the web app's own parameter names."""
    state = SearchArgs(q=spec.q, speaker=list(spec.speaker), theme=list(spec.theme),
                       date_from=spec.date_from or "", date_to=spec.date_to or "",
                       sort=spec.sort, page=spec.page)
    pairs = state.pairs()
    return base.rstrip("/") + "/" + ("?" + urllib.parse.urlencode(pairs) if pairs else "")

def http_answers(base: str) -> bool:
    """Return True when the web app answers its search page `/` with 200."""
    try:
        with urllib.request.urlopen(base.rstrip("/") + "/", timeout=5) as reply:
            return reply.status == 200
    except OSError:
        return False


def time_http(base: str, mix: QueryMix, timings: Timings) -> None:
    """Time one GET of the full search page per query, as engine "verbatim-http"."""
    for spec in mix.queries:
        t0 = time.perf_counter()
        with urllib.request.urlopen(page_url(base, spec), timeout=60) as reply:
            reply.read()
        timings.add("verbatim-http", spec.id, time.perf_counter() - t0, None)
