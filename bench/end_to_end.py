"""The four engines end to end, one after the other in one run, on the same files.

    python -m bench.end_to_end --paths FOLDER [FOLDER…] --url URL --jvm-pid PID
                               [--corpus NAME] [--work DIR] [--workers N]
                               [--engines whoosh,opensearch,sqlite,tantivy] [--base opensearch]
                               [--warm-cluster] [--pss SECONDS] [--json FILE]

Each engine reads the files, extracts their documents and indexes them, in a child process
of its own, as a user of that engine would wait for it:

- `whoosh`: `verbatim index` on a new folder (`bench.build verbatim`: reading, extraction,
  Whoosh's writer in its processes, then the reuse groups);
- `opensearch`: `verbatim index --engine opensearch --rebuild` into the running cluster at
  `--url` (`bench.cluster_build`: the same reading, the cluster's bulk requests, the new
  index published behind its alias, then the reuse groups written into it);
- `sqlite`, `tantivy`: the same reading and extraction, then the peer's own writer
  (`bench.peer_files`): no quotation records and no reuse groups.

All read the files with Verbatim's reading pool (a process a core), leave out the same
duplicate texts, and so index the same statements (`same_documents`). Before the first
engine every file is read once, so that none pays the disk for the others (the page cache).
This starts no cluster: give it one (`python -m tests.cluster.launcher`) and its JVM's pid.

Measured per engine: when its records were searchable and, for Whoosh and OpenSearch, when
its reuse groups were ready (from the child's start), the MB/s of the text indexed at each,
their ratio to the `--base` engine's (OpenSearch's by default: an engine's MB/s over the
base's), the CPU of the indexer and its processes (`wait4`; the JVM's apart), the peak
memory (PSS of the indexer and its processes together, read every `--pss` seconds; the
JVM's apart), the load average before and after, and the CPU the rest of the machine used
meanwhile (`others_cpu_s`: other work, which slows the engine it runs beside). Prints a
Markdown table, then the JSON (also written to `--json`). The machine is shared: read the
ratios of one run, and the CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.cluster_build import ROOT, Sampler, jvm_cpu
from bench.cluster_build import build as cluster_build
from bench.report import _table

ENGINES = ("whoosh", "opensearch", "sqlite", "tantivy")
LABELS = {"whoosh": "Whoosh (`verbatim index`)", "opensearch": "OpenSearch (3 nodes)",
          "sqlite": "SQLite FTS5", "tantivy": "tantivy"}
GROUPS = {"whoosh", "opensearch"}  # the engines whose indexing builds the reuse groups


def read_once(paths: list[Path]) -> dict:
    """Read every file under `paths` once (into the page cache); return how many, and bytes."""
    files = size = 0
    for path in paths:
        for item in [path] if path.is_file() else sorted(path.rglob("*")):
            if item.is_file():
                with item.open("rb") as handle:
                    while chunk := handle.read(1 << 20):
                        size += len(chunk)
                files += 1
    return {"files": files, "mb": round(size / 1e6, 1)}


def measured(step: list[str], jvm_pid: int | None, pss: float | None) -> dict:
    """Run `python bench/build.py STEP` with this checkout's code and return its summary
    with the wall seconds, the CPU of it and its processes, their peak memory (PSS) and
    when its records were searchable, from its start."""
    command = [sys.executable, str(ROOT / "bench" / "build.py"), *step]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    load_before = os.getloadavg()
    jvm_before = jvm_cpu(jvm_pid or os.getpid())
    started, started_at = time.perf_counter(), time.time()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    # the JVM's CPU and memory are read apart (without a cluster: this process's, left out)
    sampler = Sampler(child.pid, jvm_pid or os.getpid(), every=1.0, pss_every=pss)
    sampler.start()
    with child.stdout:
        output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    seconds = time.perf_counter() - started
    sampler.stopped.set()
    sampler.join()
    if status:
        raise SystemExit(f"bench.build {step[0]} failed ({status}): {output[-500:]}")
    data = json.loads(output.strip().splitlines()[-1])
    peak = sampler.peak(started_at)
    return {"docs": data["docs"], "text_bytes": data["text_bytes"],
            "seconds": round(seconds, 1),
            "searchable_after_s": round(data["searchable_at"] - started_at, 1),
            "groups_ready_after_s": round(seconds, 1) if data.get("reuse_seconds") else None,
            "python_cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
            "jvm_cpu_s": round(jvm_cpu(jvm_pid) - jvm_before, 1) if jvm_pid else None,
            "others_cpu_s": sampler.others(started_at, jvm_before),
            "peak_pss_mb": peak and peak["total_mb"] - peak["jvm_mb"],
            "reuse_s": data.get("reuse_seconds") or None,
            "duplicates": data.get("duplicates"), "skipped": data.get("skipped"),
            "load_before": [round(x, 2) for x in load_before],
            "load_after": [round(x, 2) for x in os.getloadavg()]}


def run_engine(engine: str, args: argparse.Namespace) -> dict:
    """Index `args.paths` end to end with one engine; return what it cost."""
    paths = [str(p) for p in args.paths]
    workers = ["--workers", str(args.workers)] if args.workers else []
    if engine == "opensearch":
        found = cluster_build(argparse.Namespace(
            paths=args.paths, docs=None, url=args.url, jvm_pid=args.jvm_pid, alias=args.alias,
            checkout=ROOT, workers=args.workers, timeline=None, pss=args.pss))
        peak = found.get("peak_pss") or {}
        return {**{k: found[k] for k in (
            "docs", "text_bytes", "seconds", "searchable_after_s", "groups_ready_after_s",
            "python_cpu_s", "jvm_cpu_s", "jvm_jit_s", "reuse_s", "others_cpu_s", "load_before",
            "load_after")},
            "peak_pss_mb": peak.get("total_mb", 0) - peak.get("jvm_mb", 0) if peak else None,
            "jvm_pss_mb": peak.get("jvm_mb")}
    folder = args.work / engine
    shutil.rmtree(folder, ignore_errors=True)  # a new index, as `--rebuild`
    if engine == "whoosh":
        step = ["verbatim", "--paths", *paths, "--index", str(folder), *workers]
    else:
        step = [engine, "--paths", *paths, "--out", str(folder), *workers]
    return measured(step, args.jvm_pid, args.pss)


def with_ratios(rows: dict[str, dict], base: str) -> dict[str, dict]:
    """Add to each engine's row its MB/s when its records were searchable and when its
    groups were ready, and their ratios to the `base` engine's (its MB/s over the base's:
    below 1, slower than the base); the peers, which build no groups, have none there."""
    for row in rows.values():
        mb = row["text_bytes"] / 1e6
        for moment in ("searchable", "groups_ready"):
            seconds = row.get(f"{moment}_after_s")
            row[f"{moment}_mb_per_s"] = round(mb / seconds, 3) if seconds else None
    reference = rows.get(base, {})
    for row in rows.values():
        for moment in ("searchable", "groups_ready"):
            mine, theirs = row[f"{moment}_mb_per_s"], reference.get(f"{moment}_mb_per_s")
            row[f"{moment}_ratio"] = round(mine / theirs, 3) if mine and theirs else None
    return rows


def table(rows: dict[str, dict], base: str) -> str:
    """Return the Markdown table of a run (`with_ratios`'s rows)."""
    def cell(value: float | None, form: str) -> str | None:
        return None if value is None else format(value, form)

    name = LABELS.get(base, base).split(" (")[0]
    header = ["engine", "documents", "text MB", "records searchable s", "MB/s",
              f"÷ {name}", "groups ready s", "MB/s", f"÷ {name}", "CPU s (indexer)",
              "JVM CPU s", "peak PSS MB (indexer)", "others' CPU s"]
    body = [[LABELS[e], r["docs"], cell(r["text_bytes"] / 1e6, ".1f"),
             cell(r["searchable_after_s"], ".1f"), cell(r["searchable_mb_per_s"], ".3f"),
             cell(r["searchable_ratio"], ".2f"), cell(r["groups_ready_after_s"], ".1f"),
             cell(r["groups_ready_mb_per_s"], ".3f"), cell(r["groups_ready_ratio"], ".2f"),
             cell(r["python_cpu_s"], ".1f"), cell(r["jvm_cpu_s"], ".1f"), r["peak_pss_mb"],
             cell(r["others_cpu_s"], ".1f")]
            for e, r in rows.items()]
    return _table(header, body)


NOTE = ("Each engine reads and extracts the files with Verbatim's reading pool, then writes "
        "with its own writer. Whoosh and OpenSearch also write each quotation as a record "
        "and build the reuse groups (« groups ready »); SQLite FTS5 and tantivy build "
        "neither: their index is complete when its records are searchable. Ratios: the "
        "engine's MB/s over the base's. The JVM's CPU beside the other engines is the "
        "cluster idling.")


def run(args: argparse.Namespace) -> dict:
    """Run the engines one after the other; return the run (rows, ratios, machine)."""
    args.work.mkdir(parents=True, exist_ok=True)
    args.alias = args.alias or f"bench-e2e-{os.getpid()}"
    result: dict = {"corpus": args.corpus, "paths": [str(p) for p in args.paths],
                    "base": args.base, "engines": args.engines,
                    "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                    "commit": _commit(), "read_once": read_once(args.paths)}
    if args.warm_cluster and "opensearch" in args.engines:
        # the cluster's first build pays its JIT compilation: not an indexer's cost
        result["cluster_warm_up"] = run_engine("opensearch", args)
    rows = {engine: run_engine(engine, args) for engine in args.engines}
    result["rows"] = with_ratios(rows, args.base)
    result["same_documents"] = len({r["docs"] for r in rows.values()}) == 1
    result["note"] = NOTE
    return result


def _commit() -> str | None:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main(argv: list[str] | None = None) -> int:
    """Run the engines, print the table and the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paths", type=Path, nargs="+", required=True)
    parser.add_argument("--url", help="the running cluster (for `opensearch`)")
    parser.add_argument("--jvm-pid", type=int, help="its JVM's process id")
    parser.add_argument("--corpus", default="", help="a name for the run (250k, 1m…)")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "results" / "end-to-end",
                        help="where the Whoosh and peer indexes are written")
    parser.add_argument("--engines", default=",".join(ENGINES),
                        help="in the order they run (comma-separated)")
    parser.add_argument("--base", default="opensearch", help="the engine of the ratios")
    parser.add_argument("--workers", type=int, help="reading processes (default: the "
                        "indexer's own, a core each up to four)")
    parser.add_argument("--alias", help="the cluster index's alias (default bench-e2e-PID)")
    parser.add_argument("--warm-cluster", action="store_true",
                        help="one OpenSearch build first, apart (the JVM's JIT compilation)")
    parser.add_argument("--pss", type=float, default=5.0, metavar="SECONDS",
                        help="read the memory of the indexer and its processes that often")
    parser.add_argument("--json", type=Path, help="also write the run's JSON there")
    args = parser.parse_args(argv)
    args.engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = set(args.engines) - set(ENGINES)
    if unknown:
        parser.error(f"unknown engines: {', '.join(sorted(unknown))}")
    if "opensearch" in args.engines and not (args.url and args.jvm_pid):
        parser.error("opensearch needs --url and --jvm-pid (a running cluster)")
    if args.base not in args.engines:
        parser.error(f"--base {args.base} is not among the engines run")
    result = run(args)
    print(table(result["rows"], args.base) + "\n\n" + NOTE + "\n")
    print(json.dumps(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
