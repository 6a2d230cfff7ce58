"""Prove that a change to the serving path changes no page, and measure its Python CPU.

    python -m bench.page_identity dump --index DIR [--opensearch-url URL --opensearch-index A]
                                       [--requests N] [--seed S] [--targets T.json]
                                       --out PAGES.jsonl
    python -m bench.page_identity compare BEFORE.jsonl AFTER.jsonl
    python -m bench.page_identity run --baseline CHECKOUT [--candidate CHECKOUT] --index DIR
                                      [--opensearch-url URL --opensearch-index A] [--requests N]
                                      [--rounds R] [--as-worker] [--targets T.json]

`dump` draws `--requests` requests of the load test's mix (`bench.load.pick_request`, the
same seed, so the same requests: searches, facet clicks, quotations, API calls, documents,
speakers, CSV exports, Atom feeds, second pages), serves each with Flask's test client in
this process (no time budget: a page cut short by a busy machine would differ for no
reason), and writes one JSON line a request: its path, status, content type and body, with
the only varying parts blanked (the search's duration on the page and in the API, the
Atom feed's « now »). The Python CPU of the serving (`time.process_time`) is printed.
`compare` names every request whose answer differs, with the first differing characters,
and exits 1 if any does. `run` dumps with the code of another checkout (`--baseline`, e.g.
a `git worktree` of the commit before) and with this one (or `--candidate`), in turn, then
compares: only the code differs. `dump --targets T.json` draws from the words, ids,
speakers and facet values in T.json, written there by the first dump that named it (found
by `bench.load.discover` on the index served): two indices of the same documents (a new
mapping, a rebuild) then serve the same requests, which `compare` checks page by page.
`run --rounds R` dumps each checkout R times, alternated (baseline, candidate, candidate,
baseline, …), and prints the means: the CPU of a page kind moves between two dumps of the
same code. `--as-worker` prepares the process as `verbatim serve` prepares a worker (warmed,
then `webapp.server.settle`: frozen objects, the garbage collector's threshold) before the
requests measured.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# what varies from one serving of the same page to the next
_TIMING = re.compile(r'(<span class="timing">)\([^)]*\)(</span>)')
_NOW = re.compile(r"<updated>\d{4}-\d\d-\d\dT(?!00:00:00Z)\d\d:\d\d:\d\dZ</updated>")


def normalise(content_type: str, body: str) -> str:
    """Return `body` with what varies between two servings of the same page blanked."""
    if content_type.startswith("application/json"):
        data = json.loads(body)
        if isinstance(data, dict) and "seconds" in data:
            data["seconds"] = 0
        return json.dumps(data, ensure_ascii=False, sort_keys=True)
    body = _TIMING.sub(r"\1(…)\2", body)
    return _NOW.sub("<updated>NOW</updated>", body)


def dump(args: argparse.Namespace) -> None:
    """Serve the requests of the mix with the code of this checkout; write their answers."""
    # no deadline: the budget is read when indexer.budget is imported
    os.environ["VERBATIM_SEARCH_SECONDS"] = os.environ["VERBATIM_REQUEST_SECONDS"] = "1e6"
    if args.opensearch_url:
        os.environ.update(VERBATIM_ENGINE="opensearch",
                          VERBATIM_OPENSEARCH_URL=args.opensearch_url,
                          VERBATIM_OPENSEARCH_INDEX=args.opensearch_index)
    sys.path.insert(0, os.getcwd())
    import bench.load as load
    import webapp
    from webapp import create_app

    if not webapp.__file__.startswith(os.getcwd()):
        raise SystemExit(f"webapp imported from {webapp.__file__}, not from {os.getcwd()}")

    app = create_app({"INDEX_DIR": args.index})
    client = app.test_client()

    def fetch(_port: int, path: str) -> tuple[int, bytes]:
        answer = client.get(path)
        return answer.status_code, answer.get_data()

    load.fetch = fetch
    if args.targets and Path(args.targets).exists():
        targets = load.Targets(**json.loads(Path(args.targets).read_text(encoding="utf-8")))
    else:
        targets = load.discover(0)
        if args.targets:
            Path(args.targets).write_text(json.dumps(asdict(targets), ensure_ascii=False),
                                          encoding="utf-8")
    rng = random.Random(args.seed)
    plan = [load.pick_request(rng, targets) for _ in range(args.requests)]
    for _, path in plan[:20]:  # warm caches, as a running server has them
        client.get(path)
    if args.as_worker:  # then prepared as a server's worker is: warmed, its objects settled
        from webapp.server import settle, warm

        warm(app)
        settle()
    cpu: dict[str, float] = {}
    count: dict[str, int] = {}
    with open(args.out, "w", encoding="utf-8") as out:
        for kind, path in plan:
            started = time.process_time()
            answer = client.get(path)
            body = answer.get_data()
            cpu[kind] = cpu.get(kind, 0.0) + time.process_time() - started
            count[kind] = count.get(kind, 0) + 1
            content_type = answer.headers.get("Content-Type", "")
            text = normalise(content_type, body.decode("utf-8"))
            out.write(json.dumps({"kind": kind, "path": path, "status": answer.status_code,
                                  "type": content_type, "body": text},
                                 ensure_ascii=False) + "\n")
    total = sum(cpu.values())
    print(json.dumps({"code": os.getcwd(), "requests": len(plan), "cpu_s": round(total, 2),
                      "cpu_ms_per_request": round(total * 1000 / len(plan), 2),
                      "by_kind_ms": {k: round(cpu[k] * 1000 / count[k], 1) for k in sorted(cpu)}}))


def compare(before: Path, after: Path) -> int:
    """Print the requests answered differently; return how many."""
    a = [json.loads(line) for line in before.read_text(encoding="utf-8").splitlines()]
    b = [json.loads(line) for line in after.read_text(encoding="utf-8").splitlines()]
    if [x["path"] for x in a] != [x["path"] for x in b]:
        print("les deux relevés n'ont pas servi les mêmes requêtes")
        return max(len(a), len(b))
    differ = 0
    for x, y in zip(a, b, strict=True):
        for key in ("status", "type", "body"):
            if x[key] != y[key]:
                differ += 1
                one, two = str(x[key]), str(y[key])
                at = next((i for i, (p, q) in enumerate(zip(one, two, strict=False)) if p != q),
                          min(len(one), len(two)))
                print(f"{x['kind']} {x['path']}: {key} differs at {at}:\n"
                      f"  before …{one[max(0, at - 60):at + 100]!r}\n"
                      f"  after  …{two[max(0, at - 60):at + 100]!r}")
                break
    print(f"{len(a)} requests, {differ} answered differently")
    return differ


def _dump_with(checkout: Path, args: argparse.Namespace, out: Path) -> dict:
    """Dump with the code of `checkout`; return its figures (the line `dump` prints)."""
    # this file run by its path: the baseline may predate it; its code is the checkout's
    command = [sys.executable, str(Path(__file__).resolve()), "dump", "--index", args.index,
               "--requests", str(args.requests), "--seed", str(args.seed), "--out", str(out)]
    if args.as_worker:
        command.append("--as-worker")
    if args.targets:
        command += ["--targets", args.targets]
    if args.opensearch_url:
        command += ["--opensearch-url", args.opensearch_url,
                    "--opensearch-index", args.opensearch_index]
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(command, cwd=checkout, env=env, check=True, stdout=subprocess.PIPE,
                          text=True)
    print(done.stdout, end="", flush=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _means(runs: list[dict]) -> dict:
    """Return the mean of dumps' figures: CPU a request, and by page kind."""
    kinds = sorted({k for run in runs for k in run["by_kind_ms"]})
    return {"cpu_ms_per_request": round(sum(r["cpu_ms_per_request"] for r in runs) / len(runs), 2),
            "by_kind_ms": {k: round(sum(r["by_kind_ms"].get(k, 0) for r in runs) / len(runs), 1)
                           for k in kinds}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("dump", "run"):
        p = sub.add_parser(name)
        p.add_argument("--index", required=True)
        p.add_argument("--opensearch-url")
        p.add_argument("--opensearch-index", default="verbatim")
        p.add_argument("--requests", type=int, default=300)
        p.add_argument("--seed", type=int, default=7)
        p.add_argument("--as-worker", action="store_true",
                       help="prepare the process as `verbatim serve` prepares a worker "
                       "(webapp.server.warm, then settle: the garbage collector's settings "
                       "included) before the requests measured")
        p.add_argument("--targets", help="what to draw from (JSON): read if it exists, "
                       "else discovered on the index and written there")
        if name == "dump":
            p.add_argument("--out", required=True)
        else:
            p.add_argument("--baseline", required=True)
            p.add_argument("--candidate", default=str(ROOT))
            p.add_argument("--rounds", type=int, default=1,
                           help="dumps of each, alternated (ABBA...); means printed at the end")
    p = sub.add_parser("compare")
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args)
        return 0
    if args.command == "compare":
        return 1 if compare(args.before, args.after) else 0
    with tempfile.TemporaryDirectory(prefix="page-identity-") as tmp:
        before, after = Path(tmp, "before.jsonl"), Path(tmp, "after.jsonl")
        sides = [("baseline", Path(args.baseline).absolute(), before),
                 ("candidate", Path(args.candidate).absolute(), after)]
        figures: dict[str, list[dict]] = {"baseline": [], "candidate": []}
        for round_ in range(args.rounds):
            for name, checkout, out in sides if round_ % 2 == 0 else sides[::-1]:
                figures[name].append(_dump_with(checkout, args, out))
        if args.rounds > 1:
            for name, runs in figures.items():
                print(f"{name}, mean of {len(runs)}: {json.dumps(_means(runs))}")
        return 1 if compare(before, after) else 0


if __name__ == "__main__":
    sys.exit(main())
