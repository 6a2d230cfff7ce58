"""Run a step in a child process and measure it: wall time, CPU time and peak memory.

CPU time (`cpu_seconds`: user + system, from wait4) counts the child and every descendant it
waited for (its worker processes): unlike wall time, it hardly moves when other work shares
the machine, so two steps measured under different loads can still be compared by it.

Memory is the resident set size (RSS), two ways: `peak_rss_mb` is the peak RSS of the step's
main process (its `VmHWM` in /proc/self/status, which the child reports as it ends; the
`ru_maxrss` of wait4/getrusage is not used because Linux carries the parent's peak over
fork and exec), and `tree_rss_mb` is the largest sum of the RSS of the child and all its
descendants (worker processes included), sampled from /proc every 50 ms: it may miss a short
spike, and counts pages shared by forked workers once per process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent  # `python -m bench...` must run from here
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass
class Measured:
    """What a measured child process did."""

    seconds: float
    peak_rss_mb: float
    tree_rss_mb: float
    output: dict[str, Any]
    cpu_seconds: float = 0.0


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text()
            found += [int(x) for x in text.split()]
    except OSError:
        pass
    return found


def tree_rss(pid: int) -> int:
    """Return the summed RSS in bytes of a process and all its descendants (0 when gone)."""
    total, todo, seen = 0, [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            fields = Path(f"/proc/{current}/statm").read_text().split()
            total += int(fields[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        todo += _children(current)
    return total


def run_measured(args: list[str], cwd: Path | None = None) -> Measured:
    """Run `python -m <args>` and return its time, memory and JSON output (last line)."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", *args], cwd=cwd or ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], tree_rss(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out_chunks: list[str] = []
    err_chunks: list[str] = []
    readers = [threading.Thread(target=lambda: out_chunks.append(child.stdout.read())),
               threading.Thread(target=lambda: err_chunks.append(child.stderr.read()))]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    for reader in readers:
        reader.join()
    child.stdout.close()
    child.stderr.close()
    sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"{' '.join(args)} failed ({child.returncode}):\n"
                           + "".join(err_chunks)[-2000:])
    lines = [line for line in "".join(out_chunks).splitlines() if line.strip()]
    output = json.loads(lines[-1]) if lines else {}
    return Measured(seconds, float(output.get("vm_hwm_mb", 0.0)), peak[0] / 2**20, output,
                    usage.ru_utime + usage.ru_stime)


def own_peak_mb() -> float:
    """Return this process's peak RSS in MiB (VmHWM), 0 where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def folder_size(path: Path) -> int:
    """Return the bytes of the files under `path` (or of the file)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
