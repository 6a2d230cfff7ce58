"""One end-to-end build into an OpenSearch cluster, with where its CPU went.

    python -m bench.cluster_build --paths FOLDER --url URL --jvm-pid PID [--alias A]
                                  [--checkout DIR] [--workers N] [--docs DOCUMENTS.jsonl]
                                  [--timeline FILE] [--pss SECONDS]

Runs `bench.build opensearch --rebuild` (reading, extraction and the cluster's bulk
requests: `verbatim index --engine opensearch --rebuild`), or with `--docs` the cluster's
own part (`bench.build opensearch-docs`: extracted documents given), in a child process,
with the code of `--checkout` (default: this one; another checkout's code measures a change
against the commit before it, in the same hour, on the same cluster), and prints one JSON
line: wall seconds, MB/s of text, when the records were searchable (the new index behind its
alias: `searchable_after_s`; `publish_s` of it from the records written: replicas, warming,
alias) and when its reuse groups were ready (`groups_ready_after_s`), from the child's
start, each with its MB/s (None with an indexer that publishes its index with its groups, at
its end: before session 21), the Python CPU of the step (the indexer and its reading
workers: `wait4`), the JVM's CPU over the step (`/proc/PID/stat` of `--jvm-pid`, the
cluster's process, which is all three nodes of the test cluster), of which its JIT
compiler's threads (`jvm_jit_s`: a third of the JVM's CPU in the first build after the
cluster starts, about 1 s later), the JVM's CPU by thread pool (`jvm_threads`: `write`, the
bulk requests' records parsed, analysed and inverted in memory; `flush`, the segments
written; `search`, the new index warmed before its alias moves; `transport_worker`, the
requests between nodes and HTTP; the JIT compiler; GC…; the threads' names read with `jcmd
PID Thread.print`, left out without a JDK), whether the node of `--url` holds the built
index's primary (`primary_at_url`: when it does not, the bulk requests go through it to the
primary's node: measured at `250k`, ~1 s more of `transport_worker`, 2 % of the JVM) and
which copy it holds (`copy_at_url`: "primary", "replica" or "none": one shard and one
replica on three nodes leave a node without a copy, and the searches of a server sent to it
pass on to the other two, each copy with its own request cache), and the load average before
and after and the CPU the rest of the machine used meanwhile (`others_cpu_s`: the machine is
shared: read the CPU times, not the walls), and the CPU spent until the records were
searchable (`cpu_until_searchable`: the indexer, its reading workers, the JVM; read from
/proc every 0.5 s). With `--pss SECONDS`, the memory of the indexer, of its processes and of
the JVM is read that often, and the moment they held the most is told (`peak_pss`); each
reading walks a process's page tables (about 11 ms of CPU a GB resident on 4 kB pages, which
the reuse step's processes use): at `1m` (~15 GB resident while the pairs are aligned) a
reading each second took ~0.2 of a core from the build, so read every 10 s or so there.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat_cpu(stat: str) -> float:
    """Return the CPU seconds (user + system) of a `/proc/…/stat` line."""
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (fields 14, 15)


def jvm_cpu(pid: int) -> float:
    """Return the CPU seconds (user + system) a process has used so far."""
    return _stat_cpu(Path(f"/proc/{pid}/stat").read_text())


def jit_cpu(pid: int) -> float:
    """Return the CPU seconds the JIT compiler threads (C1, C2) of a JVM have used so far
    (threads that ended are not counted: HotSpot keeps its compiler threads)."""
    total = 0.0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:  # the thread ended meanwhile
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        if "CompilerThre" in name:  # "C2 CompilerThre" (the name is cut at 15 characters)
            total += _stat_cpu(stat)
    return total


def _thread_names(pid: int) -> dict[int, str]:
    """Return {thread id: Java name} of a JVM's threads ({} without `jcmd`)."""
    try:
        dump = subprocess.run(["jcmd", str(pid), "Thread.print"], capture_output=True,
                              text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    names = {}
    for match in re.finditer(r'^"([^"]+)".*? nid=(0x[0-9a-f]+|\d+)', dump, re.MULTILINE):
        names[int(match.group(2), 0)] = match.group(1)
    return names


def thread_cpu(pid: int) -> dict[int, tuple[str, float]]:
    """Return {thread id: (its group, CPU seconds so far)} of a JVM's threads: OpenSearch's
    thread pool (`opensearch[node-1][write][T#2]` is `write`), else the name without its
    numbers (`C2 CompilerThread0` is `C2 CompilerThread`)."""
    names, cpu = _thread_names(pid), {}
    if not names:
        return cpu
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:  # the thread ended meanwhile
            continue
        name = names.get(int(task.name)) or stat[stat.index("(") + 1:stat.rindex(")")]
        pool = re.match(r"opensearch\[[^\]]+\]\[([^\]]+)\]", name)
        group = pool.group(1) if pool else re.sub(r"[#\d]+", "", name).strip()
        cpu[int(task.name)] = (group, _stat_cpu(stat))
    return cpu


def by_group(before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]]
             ) -> dict[str, float]:
    """Return the CPU seconds each thread group used between two `thread_cpu` readings
    (0.1 s and more, the largest first)."""
    groups: dict[str, float] = {}
    for tid, (group, seconds) in after.items():
        groups[group] = groups.get(group, 0.0) + seconds - before.get(tid, (group, 0.0))[1]
    return {g: round(s, 1) for g, s in sorted(groups.items(), key=lambda x: -x[1])
            if s >= 0.1}


def machine_cpu() -> float:
    """Return the CPU seconds every core of the machine has been busy so far (`/proc/stat`:
    all but idle and waiting for I/O)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:8]]
    return (sum(fields) - fields[3] - fields[4]) / TICKS


def tree_cpu(root: int) -> dict[int, float]:
    """Return {pid: CPU seconds so far} of a process and of its descendants alive now."""
    parents: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(parent, []).append(int(entry.name))
        cpu[int(entry.name)] = _stat_cpu(stat)
    found, stack = {}, [root]
    while stack:
        pid = stack.pop()
        if pid in cpu:
            found[pid] = cpu[pid]
        stack.extend(parents.get(pid, []))
    return found


def pss_mb(pid: int) -> float | None:
    """Return the proportional set size of a process in MB (`/proc/PID/smaps_rollup`: a
    page shared by n processes counts 1/n in each), None once it has ended."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    found = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
    return int(found.group(1)) / 1024 if found else None


class Sampler(threading.Thread):
    """Read every `every` s the CPU of a process tree (the indexer and its workers) and of
    the JVM, so that the CPU spent until a moment of the build (the records searchable)
    can be told afterwards (`until`); a process that ended keeps its last reading. With
    `pss_every`, their memory too, that often (`peak`)."""

    def __init__(self, root: int, jvm_pid: int, every: float = 0.5,
                 pss_every: float | None = None):
        super().__init__(daemon=True)
        self.root, self.jvm_pid, self.every, self.pss_every = root, jvm_pid, every, pss_every
        self.readings: list[tuple[float, dict[int, float], float]] = []
        self.machine: list[float] = []  # the whole machine's busy CPU at each reading
        # (epoch seconds, {pid: MB} of the tree, the JVM's MB) every `pss_every` s
        self.pss: list[tuple[float, dict[int, float], float]] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            at, tree = time.time(), tree_cpu(self.root)
            self.readings.append((at, tree, jvm_cpu(self.jvm_pid)))
            self.machine.append(machine_cpu())
            if self.pss_every and (not self.pss or at - self.pss[-1][0] >= self.pss_every):
                sizes = {pid: pss_mb(pid) for pid in tree}
                self.pss.append((at, {p: mb for p, mb in sizes.items() if mb is not None},
                                 pss_mb(self.jvm_pid) or 0.0))
            self.stopped.wait(self.every)

    def peak(self, started_at: float) -> dict | None:
        """Return the memory reading where the indexer, its processes and the JVM held the
        most together (MB, PSS): when (seconds from `started_at`), the total, the JVM, the
        indexer, and each of its other processes, the largest first."""
        if not self.pss:
            return None
        at, tree, jvm = max(self.pss, key=lambda r: sum(r[1].values()) + r[2])
        return {"at_s": round(at - started_at, 1),
                "total_mb": round(sum(tree.values()) + jvm),
                "jvm_mb": round(jvm), "indexer_mb": round(tree.get(self.root, 0.0)),
                "processes_mb": sorted((round(mb) for pid, mb in tree.items()
                                        if pid != self.root), reverse=True)}

    def until(self, moment: float, start: tuple[dict[int, float], float]
              ) -> dict[str, float] | None:
        """Return the CPU seconds of the indexer (`main`), of its other processes
        (`workers`) and of the JVM from `start` (a reading before the build) to the last
        reading at or before `moment` (epoch seconds)."""
        last: dict[int, float] = {}
        jvm = None
        for at, tree, jvm_now in self.readings:
            if at > moment:
                break
            last.update(tree)
            jvm = jvm_now
        if jvm is None:
            return None
        main = last.get(self.root, 0.0)
        return {"python_main_s": round(main, 1),
                "python_workers_s": round(sum(last.values()) - main, 1),
                "jvm_s": round(jvm - start[1], 1)}

    def others(self, started_at: float, jvm_before: float) -> float:
        """Return the CPU seconds the rest of the machine (other work: neither the indexer,
        its processes nor the JVM) used during the build (`timeline`'s last column)."""
        return round(sum(row[4] for row in self.timeline(started_at, jvm_before)), 1)

    def timeline(self, started_at: float, jvm_before: float, step: float = 1.0
                 ) -> list[list[float]]:
        """Return the CPU seconds used in each `step` of the build, from `started_at` (epoch
        seconds): [seconds from the start, the indexer, its other processes, the JVM, the
        rest of the machine], so that the stretches where a core stood idle can be seen (a
        process that ended keeps its last reading)."""
        rows: list[list[float]] = []
        last: dict[int, float] = {}
        machine = self.machine or [0.0] * len(self.readings)
        before = (0.0, 0.0, jvm_before, machine[0] if machine else 0.0)
        edge = started_at + step
        for (at, tree, jvm), busy in zip(self.readings, machine, strict=True):
            last.update(tree)
            if at < edge:
                continue
            main = last.get(self.root, 0.0)
            now = (main, sum(last.values()) - main, jvm, busy)
            spent = [round(b - a, 2) for a, b in zip(before, now, strict=True)]
            spent[3] = round(max(0.0, spent[3] - sum(spent[:3])), 2)
            rows.append([round(at - started_at, 1), *spent])
            before = now
            while edge <= at:
                edge += step
        return rows


def copy_held(copies: list[dict], local: set[str] | dict) -> str:
    """Return which copy of a one-shard index the node `local` holds: "primary", "replica"
    or "none" (`copies`: the shard's copies as `_search_shards` lists them)."""
    held = [c for c in copies if c["node"] in local]
    if any(c["primary"] for c in held):
        return "primary"
    return "replica" if held else "none"


def copy_at_url(url: str, alias: str) -> str | None:
    """Tell which copy of the index behind `alias` the node at `url` holds (`copy_held`): with
    "none", every search a server sends there (`_local`) is passed on to another node, and
    answered by either copy in turn, each with its own request cache."""
    from opensearchpy import OpenSearch

    try:
        with OpenSearch([url]) as client:
            (index,) = client.indices.get_alias(name=alias)
            (copies,) = client.search_shards(index=index)["shards"]
            local = client.transport.perform_request("GET", "/_nodes/_local")["nodes"]
            return copy_held(copies, local)
    except Exception:  # noqa: BLE001 - several shards, or the alias gone meanwhile
        return None


def build(args: argparse.Namespace) -> dict:
    """Run the step in a child process and return what it cost."""
    checkout = Path(args.checkout).absolute()
    alias = args.alias or f"bench-h32-{os.getpid()}"
    if args.docs:
        step = ["opensearch-docs", "--docs", str(args.docs)]
    else:
        step = ["opensearch", "--rebuild", "--paths", *map(str, args.paths)]
        if args.workers:
            step += ["--workers", str(args.workers)]
    # this checkout's bench.build (it reports the CPU of the indexer and of its workers
    # apart), the other's `indexer`
    command = [sys.executable, str(ROOT / "bench" / "build.py"), *step, "--url", args.url,
               "--alias", alias]
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    load_before = os.getloadavg()
    threads_before = thread_cpu(args.jvm_pid)
    jvm_before, jit_before = jvm_cpu(args.jvm_pid), jit_cpu(args.jvm_pid)
    started, started_at = time.perf_counter(), time.time()
    child = subprocess.Popen(command, cwd=checkout, env=env, stdout=subprocess.PIPE, text=True)
    sampler = Sampler(child.pid, args.jvm_pid, pss_every=args.pss)
    sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    sampler.stopped.set()
    sampler.join()
    jvm = jvm_cpu(args.jvm_pid) - jvm_before
    jit = jit_cpu(args.jvm_pid) - jit_before
    threads = by_group(threads_before, thread_cpu(args.jvm_pid)) if threads_before else None
    with child.stdout:
        output = child.stdout.read()
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4, not by Popen
    if status:
        raise SystemExit(f"bench.build failed ({status}): {output[-500:]}")
    data = json.loads(output.strip().splitlines()[-1])
    text_bytes = data.get("text_bytes") or 0
    shipped = data.get("opensearch") or {}

    def after(key: str) -> float | None:
        # an indexer before session 21 published its index with its groups, at its end
        at = shipped.get(key)
        return round(at - started_at, 1) if at else None

    searchable, ready = after("searchable_at"), after("groups_ready_at")
    held = copy_at_url(args.url, alias)
    publishing = after("publishing_at")  # the records written: replicas, warming, alias
    # the CPU spent until the records were searchable (readings every 0.5 s)
    until = sampler.until(shipped["searchable_at"], ({}, jvm_before)) \
        if shipped.get("searchable_at") else None
    if args.timeline:  # the CPU of each second, and the build's moments
        moments = {k: round(v - started_at, 1) for k, v in shipped.items()
                   if k.endswith("_at") and isinstance(v, float)}
        Path(args.timeline).write_text(json.dumps({
            "moments": moments, "reuse_steps": data.get("reuse_steps"),
            "columns": ["s", "python_main_s", "python_workers_s", "jvm_s", "others_s"],
            "seconds": sampler.timeline(started_at, jvm_before),
            "pss_columns": ["s", "indexer_mb", "processes_mb", "jvm_mb"],
            "pss": [[round(at - started_at, 1), round(tree.get(child.pid, 0.0)),
                     round(sum(tree.values()) - tree.get(child.pid, 0.0)), round(jvm)]
                    for at, tree, jvm in sampler.pss]}))
    return {
        "checkout": str(checkout), "step": step[0], "docs": data.get("docs"),
        "text_mb": round(text_bytes / 1e6, 1), "text_bytes": text_bytes,
        "seconds": round(seconds, 1),
        "mb_per_s": round(text_bytes / 1e6 / seconds, 3) if seconds else None,
        "searchable_after_s": searchable, "groups_ready_after_s": ready,
        "publish_s": round(searchable - publishing, 1) if searchable and publishing else None,
        "searchable_mb_per_s": round(text_bytes / 1e6 / searchable, 3) if searchable else None,
        "groups_ready_mb_per_s": round(text_bytes / 1e6 / ready, 3) if ready else None,
        "python_cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "jvm_cpu_s": round(jvm, 1), "jvm_jit_s": round(jit, 1), "jvm_threads": threads,
        "python_main_s": data.get("cpu_main_s"), "python_workers_s": data.get("cpu_workers_s"),
        "cpu_until_searchable": until, "peak_pss": sampler.peak(started_at),
        "reuse_s": data.get("reuse_seconds"), "reuse_steps": data.get("reuse_steps"),
        "others_cpu_s": sampler.others(started_at, jvm_before),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "alias": alias, "primary_at_url": None if held is None else held == "primary",
        "copy_at_url": held,
    }


def main(argv: list[str] | None = None) -> int:
    """Measure one step and print its JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paths", type=Path, nargs="*", default=[])
    parser.add_argument("--docs", type=Path, help="extracted documents: the cluster's part")
    parser.add_argument("--url", required=True)
    parser.add_argument("--jvm-pid", type=int, required=True)
    parser.add_argument("--alias")
    parser.add_argument("--checkout", type=Path, default=ROOT)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--timeline", type=Path,
                        help="write the CPU of each second (indexer, workers, JVM) there")
    parser.add_argument("--pss", type=float, metavar="SECONDS",
                        help="read the memory (PSS) of the indexer, its processes and the "
                        "JVM that often; tell the peak")
    print(json.dumps(build(parser.parse_args(argv))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
