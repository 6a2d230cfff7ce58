"""Prove that a change to reading or extraction changes no output, and measure its CPU.

    python -m bench.extraction_identity dump --root FOLDER [--step N] [--workers W] --out F.jsonl
    python -m bench.extraction_identity compare BEFORE.jsonl AFTER.jsonl
    python -m bench.extraction_identity run --baseline CHECKOUT [--candidate CHECKOUT]
                                            --root FOLDER [--step N] [--workers W]

`dump` reads every `step`-th file of each source folder under `root` (its first level:
TEI, Hansard, vie-publique, the releases, … each keeps its share), extracts their documents
as `verbatim index` does (`indexer.documents.documents_from_file`; with `--workers`, through
the indexer's own worker processes, so that what crosses the process boundary is checked
too) and writes every field of every `Document` (text, metadata, speakers, themes,
quotations with their authors, functions, cues and offsets), one JSON line each, with the
CPU seconds of the extraction (this process and its workers). `compare` names every
document and field that differ and exits 1 if any does. `run` dumps the same files with the
code of another checkout (`--baseline`, e.g. a `git worktree` of the commit before) and with
this one (or `--candidate`: another checkout, e.g. the commit with one change applied
while others edit this one), in turn, then compares: only the code differs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sample(root: Path, step: int) -> list[Path]:
    """Return every `step`-th file (in the indexer's order) of each first-level folder."""
    from indexer.indexing import iter_files

    groups: dict[str, list[Path]] = {}
    for path, _ in iter_files([root]):
        rel = path.relative_to(root.absolute())
        groups.setdefault(rel.parts[0] if len(rel.parts) > 1 else "", []).append(path)
    return [path for files in groups.values() for path in files[::step]]


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def dump(root: Path, step: int, out: Path, workers: int) -> dict:
    """Extract the sample's documents into `out` (JSON lines); return counts and CPU."""
    from indexer.indexing import _read, _read_all

    root = root.absolute()
    files = sample(root, step)
    jobs = [(path, root) for path in files]
    started, wall = _cpu(), time.perf_counter()
    results = list(_read_all(jobs, workers) if workers > 1 else map(_read, jobs))
    cpu = _cpu() - started
    seconds = time.perf_counter() - wall
    docs = text_bytes = 0
    with out.open("w", encoding="utf-8") as handle:
        for path, (found, reason, *_tokens) in zip(files, results, strict=True):
            rel = path.relative_to(root).as_posix()
            if found is None:
                handle.write(json.dumps({"file": rel, "error": reason}, ensure_ascii=False) + "\n")
                continue
            for doc in found:
                docs += 1
                text_bytes += len(doc.text.encode("utf-8"))
                data = {"file": rel, **doc.to_dict()}
                handle.write(json.dumps(data, ensure_ascii=False, sort_keys=True, default=repr)
                             + "\n")
    return {"files": len(files), "docs": docs, "text_bytes": text_bytes,
            "cpu_seconds": round(cpu, 2), "seconds": round(seconds, 2)}


def compare(before: Path, after: Path, show: int = 20) -> dict:
    """Compare two dumps document by document; return the differences found."""
    with before.open(encoding="utf-8") as a, after.open(encoding="utf-8") as b:
        left, right = a.readlines(), b.readlines()
    differences: list[str] = []
    fields: dict[str, int] = {}
    if len(left) != len(right):
        differences.append(f"{len(left)} lines before, {len(right)} after")
    for one, two in zip(left, right, strict=False):
        if one == two:
            continue
        x, y = json.loads(one), json.loads(two)
        changed = sorted(k for k in {*x, *y} if x.get(k) != y.get(k))
        for key in changed:
            fields[key] = fields.get(key, 0) + 1
        differences.append(f"{x.get('file')} {x.get('record')}: {', '.join(changed)}")
    return {"documents": len(left), "different": len(differences), "fields": fields,
            "examples": differences[:show]}


def run(baseline: Path, root: Path, step: int, workers: int, keep: Path | None,
        candidate: Path = ROOT, rounds: int = 1, together: bool = False) -> int:
    """Dump with the baseline checkout's code, then with the candidate's, and compare.

    With `rounds` > 1 both run again, in turn, the second first on even rounds (the first
    run of all reads the files from disk): each one's CPU seconds are listed. `together`
    runs the two at the same time, so that both meet the same load from other work (CPU
    time grows with it on a shared machine)."""
    folder = keep or Path(tempfile.mkdtemp(prefix="extraction-identity-"))
    folder.mkdir(parents=True, exist_ok=True)
    checkouts = [("before", Path(baseline).absolute()), ("after", Path(candidate).absolute())]
    summaries: dict[str, dict] = {}
    for turn in range(rounds):
        started = {}
        for label, code in checkouts if turn % 2 == 0 else checkouts[::-1]:
            env = {**os.environ, "PYTHONPATH": str(code)}
            # this very file, run against the other checkout's `indexer` package
            command = [sys.executable, str(Path(__file__).resolve()), "dump", "--root",
                       str(root), "--step", str(step), "--workers", str(workers),
                       "--out", str(folder / f"{label}.jsonl")]
            started[label] = subprocess.Popen(command, env=env, cwd=code, text=True,
                                              stdout=subprocess.PIPE)
            if not together:
                started[label].wait()
        for label, process in started.items():
            output, _ = process.communicate()
            if process.returncode:
                raise SystemExit(f"{label}: dump failed ({process.returncode})")
            summary = json.loads(output.strip().splitlines()[-1])
            cpu = [*summaries.get(label, {}).get("cpu_rounds", []), summary["cpu_seconds"]]
            summaries[label] = {**summary, "cpu_rounds": cpu}
    result = compare(folder / "before.jsonl", folder / "after.jsonl")
    print(json.dumps({**summaries, **result, "folder": str(folder)}, ensure_ascii=False,
                     indent=1))
    return 1 if result["different"] else 0


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("dump")
    one.add_argument("--root", type=Path, required=True)
    one.add_argument("--step", type=int, default=1)
    one.add_argument("--workers", type=int, default=1)
    one.add_argument("--out", type=Path, required=True)
    two = sub.add_parser("compare")
    two.add_argument("before", type=Path)
    two.add_argument("after", type=Path)
    both = sub.add_parser("run")
    both.add_argument("--baseline", type=Path, required=True)
    both.add_argument("--root", type=Path, required=True)
    both.add_argument("--step", type=int, default=1)
    both.add_argument("--workers", type=int, default=1)
    both.add_argument("--candidate", type=Path, default=ROOT,
                      help="the checkout whose code is measured (default: this one)")
    both.add_argument("--rounds", type=int, default=1, help="runs of each, in turn")
    both.add_argument("--together", action="store_true", help="run the two at the same time")
    both.add_argument("--keep", type=Path, help="folder for the two dumps (default: a temp one)")
    args = parser.parse_args(argv)
    if args.command == "dump":
        print(json.dumps(dump(args.root, args.step, args.out, args.workers)))
        return 0
    if args.command == "compare":
        result = compare(args.before, args.after)
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 1 if result["different"] else 0
    return run(args.baseline, args.root, args.step, args.workers, args.keep, args.candidate,
               args.rounds, args.together)


if __name__ == "__main__":
    sys.exit(main())
