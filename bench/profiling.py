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


def replay_profile(index: str, *, requests: int = 300, seed: int = 7, kinds: set[str] | None = None,
                   targets: str | None = None, top: int = 40, opensearch_url: str | None = None,
                   opensearch_index: str = "verbatim") -> str:
    """Return the cProfile statistics of the load test's mix replayed in this process.

    The requests are `bench.page_identity`'s (the same seed and targets: `bench.load`'s mix),
    served by Flask's test client with no time budget; `kinds` keeps some page kinds only.
    The Python CPU a request by page kind (`time.process_time`, profiler off) comes first.
    """
    import json
    import os
    import random
    import time
    from dataclasses import asdict
    from pathlib import Path

    os.environ["VERBATIM_SEARCH_SECONDS"] = os.environ["VERBATIM_REQUEST_SECONDS"] = "1e6"
    if opensearch_url:
        os.environ.update(VERBATIM_ENGINE="opensearch", VERBATIM_OPENSEARCH_URL=opensearch_url,
                          VERBATIM_OPENSEARCH_INDEX=opensearch_index)
    import bench.load as load
    from webapp import create_app

    client = create_app({"INDEX_DIR": index}).test_client()

    def fetch(_port: int, path: str) -> tuple[int, bytes]:
        answer = client.get(path)
        return answer.status_code, answer.get_data()

    load.fetch = fetch
    if targets and Path(targets).exists():
        found = load.Targets(**json.loads(Path(targets).read_text(encoding="utf-8")))
    else:
        found = load.discover(0)
        if targets:
            Path(targets).write_text(json.dumps(asdict(found), ensure_ascii=False),
                                     encoding="utf-8")
    rng = random.Random(seed)
    plan = [load.pick_request(rng, found) for _ in range(requests)]
    plan = [(k, p) for k, p in plan if kinds is None or k in kinds]
    for _, path in plan[:20]:
        client.get(path)
    cpu: dict[str, float] = {}
    count: dict[str, int] = {}
    for kind, path in plan:
        started = time.process_time()
        client.get(path).get_data()
        cpu[kind] = cpu.get(kind, 0.0) + time.process_time() - started
        count[kind] = count.get(kind, 0) + 1
    # CPU time, not the wall: the time waiting for a cluster's answers is no Python's
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _, path in plan:
        client.get(path).get_data()
    profiler.disable()
    out = io.StringIO()
    total = sum(cpu.values())
    out.write(f"{len(plan)} requests, {total * 1000 / max(1, len(plan)):.2f} ms of Python CPU "
              "a request; by kind: " + ", ".join(
                  f"{k} {cpu[k] * 1000 / count[k]:.1f} ({count[k]})" for k in sorted(cpu)) + "\n")
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs()
    out.write("-- by cumulative time --\n")
    stats.sort_stats("cumulative").print_stats(top)
    out.write("-- by own time --\n")
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Profile the load test's mix in one process")
    parser.add_argument("--index", required=True)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kind", action="append", help="page kinds kept (default: all)")
    parser.add_argument("--targets", help="what to draw from (JSON), as bench.page_identity")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--opensearch-url")
    parser.add_argument("--opensearch-index", default="verbatim")
    args = parser.parse_args(argv)
    print(replay_profile(args.index, requests=args.requests, seed=args.seed,
                         kinds=set(args.kind) if args.kind else None, targets=args.targets,
                         top=args.top, opensearch_url=args.opensearch_url,
                         opensearch_index=args.opensearch_index))
    return 0


if __name__ == "__main__":
    sys.exit(main())
