"""--watch benchmark: how long a file dropped into a watched folder takes to be searchable.

Run: ``python -m bench.watch --files FOLDER --index INDEX [--drops 10] [--work DIR]``
(for the `real` corpus: the folder and index `python -m bench --corpus real` leaves in
bench/results/work/real/). Both are copied into the work folder first (times kept, the
manifest's paths rewritten), so the benchmark never touches them.

``verbatim index --watch`` serves the copy in its own process; a catalog is open on the
index in this one, as `verbatim serve` keeps it (its caches built by a first search). One at
a time, a new communiqué holding a word found nowhere else is written into the folder, then
the catalog is searched every 20 ms until the word finds it. Reported: that latency (median
and worst), the incremental run's own time, and the same for a changed and a deleted file.
"""

from __future__ import annotations

import argparse
import json
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from indexer.search import SearchRequest, open_catalog, search

ROOT = Path(__file__).resolve().parent.parent
DEADLINE = 120.0


def copy_index(files: Path, index: Path, work: Path) -> tuple[Path, Path]:
    """Copy a corpus folder and its index into `work`, the manifest pointing at the copy."""
    folder, index_copy = work / "files", work / "index"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copytree(files, folder)  # copy2: modification times kept, so nothing looks changed
    shutil.copytree(index, index_copy)
    manifest = index_copy / "manifest.json"
    text = manifest.read_text("utf-8")
    manifest.write_text(text.replace(json.dumps(str(files.absolute()))[1:-1],
                                     json.dumps(str(folder))[1:-1]), "utf-8")
    return folder, index_copy


def wait_until(check, deadline: float = DEADLINE) -> float:
    """Return the seconds until `check()` holds (searching every 20 ms)."""
    started = time.perf_counter()
    while time.perf_counter() - started < deadline:
        if check():
            return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"toujours pas après {deadline:.0f} s")


def _reports(process, out: queue.Queue) -> None:
    """Put each JSON report `verbatim index --watch --json` prints (one a run) into `out`."""
    buffer = ""
    for line in process.stdout:
        buffer += line
        try:
            out.put(json.loads(buffer))
            buffer = ""
        except ValueError:
            continue


def main(argv: list[str] | None = None) -> int:
    """Command line: measure and print (or --json)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--drops", type=int, default=10)
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "results" / "watch")
    parser.add_argument("--in-place", action="store_true",
                        help="use --files and --index as they are (a copy made before)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.in_place:
        folder, index_dir = args.files.absolute(), args.index.absolute()
    else:
        folder, index_dir = copy_index(args.files, args.index, args.work)
    # the watcher in its own process, as `verbatim index --watch` runs beside `verbatim serve`
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("verbatim")), "index", str(folder), "--index",
         str(index_dir), "--watch", "--json", "--workers", "1"],
        stdout=subprocess.PIPE, text=True)
    reports: queue.Queue = queue.Queue()
    threading.Thread(target=_reports, args=(process, reports), daemon=True).start()
    first = reports.get(timeout=3600)  # the first run: nothing to read if the copy is right
    catalog = open_catalog(index_dir)
    search(catalog, SearchRequest(q="rivière"))  # the server's caches, built once
    drop = folder / "watch-bench"
    drop.mkdir(exist_ok=True)

    def found(word: str) -> bool:
        return search(catalog, SearchRequest(q=word)).total > 0

    latencies: dict[str, list[float]] = {"added": [], "changed": [], "deleted": []}
    runs: list[float] = []
    try:
        for i in range(args.drops):
            word = f"zorglub{i:03d}x"
            path = drop / f"2024-01-{i % 28 + 1:02d}-communique-{i}.txt"
            written = time.perf_counter()
            path.write_text(f"Lyon, le {i % 28 + 1} janvier 2024\n\nLa fédération annonce le "
                            f"projet {word} pour les rivières.\n", "utf-8")
            wait_until(lambda w=word: found(w))
            latencies["added"].append(time.perf_counter() - written)
            runs.append(reports.get(timeout=DEADLINE)["seconds"])
        path = drop / "2024-01-01-communique-0.txt"
        written = time.perf_counter()
        path.write_text("Lyon, le 1er janvier 2024\n\nLe projet zorglubmodif est annoncé.\n",
                        "utf-8")
        wait_until(lambda: found("zorglubmodif"))
        latencies["changed"].append(time.perf_counter() - written)
        written = time.perf_counter()
        path.unlink()
        wait_until(lambda: not found("zorglubmodif"))
        latencies["deleted"].append(time.perf_counter() - written)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=120)
        catalog.close()
        for leftover in drop.glob("*"):
            leftover.unlink()
        drop.rmdir()
    result = {
        "documents": first["total"],
        "files": sum(1 for _ in folder.rglob("*") if _.is_file()),
        "added_median": statistics.median(latencies["added"]),
        "added_max": max(latencies["added"]),
        "changed": latencies["changed"][0],
        "deleted": latencies["deleted"][0],
        "run_seconds_median": statistics.median(runs),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['files']} fichiers, {result['documents']} documents indexés : fichier "
              f"ajouté trouvable en {result['added_median']:.2f} s (médiane de {args.drops}, "
              f"pire {result['added_max']:.2f} s), modifié {result['changed']:.2f} s, "
              f"supprimé {result['deleted']:.2f} s ; une passe incrémentale "
              f"{result['run_seconds_median']:.2f} s")
    if not args.in_place:
        shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
