"""Profile Verbatim's search on the queries of one kind (cProfile), as text for the report."""

from __future__ import annotations

import cProfile
import io
import pstats
import sys
from collections.abc import Sequence

from bench.engines import Engine
from bench.queries import QuerySpec


def profile_queries(engine: Engine, queries: Sequence[QuerySpec], top: int = 30) -> str:
    """Return the cProfile statistics (cumulative, then own time) of one pass of `queries`."""
    profiler = cProfile.Profile()
    profiler.enable()
    for spec in queries:
        engine.search(spec)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs()
    out.write("-- by cumulative time --\n")
    stats.sort_stats("cumulative").print_stats(top)
    out.write("-- by own time --\n")
    stats.sort_stats("tottime").print_stats(top // 2)
    text = out.getvalue()
    for prefix in sys.path:
        if prefix:
            text = text.replace(prefix, "")
    lines = [line for line in text.splitlines() if line.strip() and
             not line.lstrip().startswith(("Ordered by", "List reduced"))]
    return "\n".join(lines)
