"""What reuse groups cost: the same corpus indexed with and without them, in one run.

    python -m bench.reuse_cost [--corpus 250k] [--work DIR] [--workers N] [--fraction 0.01]
                               [--without-first] [--edit] [--incremental-only]
    python -m bench.reuse_cost --step [--corpus 250k] [--work DIR] [--workers N]

Four `verbatim index` runs of the corpus files, each in a fresh process (`bench.build
verbatim`), into two indexes: with reuse groups (what `verbatim index` does) and without
(`index_paths(find_reuse=False)`); both full builds, then 1 % of the text files changed (a line
break appended: `bench.corpora.touch_files`) and both indexes brought up to date. The issue's
caps compare the two: reuse adds at most 25 % to the full indexing time and 20 % to the
index size, and the 1 % incremental run with reuse stays within twice the run without.

A line break appended leaves every document of the file as it was: reuse then has nothing to
match again. `--edit` changes the words instead (a sentence added to every record of the
chosen JSONL files, a paragraph to Markdown and text files): every document of those files
is matched again, the worst case. `--incremental-only` reuses the two indexes of the last run.

Both full builds run one after the other on the same machine; their order alternates with
`--without-first` so that a drift of the machine's load can be seen. Writes
`bench/results/reuse-cost-CORPUS.json` and `.md`.

`--step` times the reuse step alone, in this process (its aligning processes forked from
it), as a full build runs it once the records are searchable: on the corpus's documents,
extracted once and kept beside its files (`reuse-step-documents.pickle`), each id and each
text once. It reports the step's parts, its wall and CPU time (this process and the forked
ones), and the sha-256 of the matches and of the groups: two versions of the code that find
the same groups give the same. Writes `bench/results/reuse-step-CORPUS.json`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import resource
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path

from bench import corpora
from bench.corpora import corpus_files, pick_changed, touch_files
from bench.procs import folder_size, run_measured

CAPS = {"full_time": 0.25, "size": 0.20, "incremental": 2.0}


def _index(files: Path, index: Path, workers: int | None, reuse: bool) -> dict:
    command = ["bench.build", "verbatim", "--paths", str(files), "--index", str(index)]
    command += ["--workers", str(workers)] if workers else []
    command += [] if reuse else ["--no-reuse"]
    measured = run_measured(command)
    out = measured.output
    return {"seconds": round(measured.seconds, 1), "cpu_seconds": round(measured.cpu_seconds, 1),
            "documents": out["docs"],
            "files_read": out["added"] + out["updated"],
            "reuse_seconds": round(out.get("reuse_seconds", 0.0), 1),
            "reuse_steps": out.get("reuse_steps", {}),
            "peak_rss_mb": round(measured.tree_rss_mb), "index_bytes": folder_size(index)}


EDITABLE = {".jsonl", ".md", ".txt"}


def edit_files(paths: list[Path]) -> list[Path]:
    """Change the words of each file's documents (`--edit`); return the files changed."""
    done = []
    for path in paths:
        if path.suffix == ".jsonl":
            lines = path.read_text("utf-8").splitlines()
            records = [json.loads(line) for line in lines if line.strip()]
            for record in records:
                if isinstance(record.get("text"), str):
                    record["text"] += " Ce texte a été complété depuis sa première diffusion."
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                            "utf-8")
        else:
            with path.open("a", encoding="utf-8") as handle:
                handle.write("\n\nCe texte a été complété depuis sa première diffusion.\n")
        done.append(path)
    return done


def measure(files: Path, work: Path, workers: int | None, fraction: float,
            without_first: bool = False, log=print, edit: bool = False,
            incremental_only: bool = False) -> dict:
    """Index `files` with and without reuse groups, then 1 % changed; return the figures."""
    places = {True: work / "index-with-reuse", False: work / "index-without-reuse"}
    order = [False, True] if without_first else [True, False]
    runs: dict[str, dict] = {}
    for reuse in order if not incremental_only else []:
        shutil.rmtree(places[reuse], ignore_errors=True)
        name = "with" if reuse else "without"
        log(f"full build {name} reuse groups…")
        runs[f"full_{name}"] = _index(files, places[reuse], workers, reuse)
        log(f"  {runs[f'full_{name}']}")
    if edit:
        picked = pick_changed([p for p in corpus_files(files) if p.suffix in EDITABLE],
                              fraction)
        changed = edit_files(picked)
    else:
        changed = list(touch_files(pick_changed(corpus_files(files), fraction)))
    log(f"{len(changed)} files changed")
    for reuse in order:
        name = "with" if reuse else "without"
        runs[f"changed_{name}"] = _index(files, places[reuse], workers, reuse)
        log(f"  changed, {name}: {runs[f'changed_{name}']}")
    ratios = {"incremental": round(runs["changed_with"]["seconds"]
                                   / runs["changed_without"]["seconds"], 2),
              "incremental_cpu": round(runs["changed_with"]["cpu_seconds"]
                                       / runs["changed_without"]["cpu_seconds"], 2)}
    if not incremental_only:
        full_with, full_without = runs["full_with"], runs["full_without"]
        ratios["full_time"] = round(full_with["seconds"] / full_without["seconds"] - 1, 3)
        ratios["full_cpu"] = round(full_with["cpu_seconds"] / full_without["cpu_seconds"] - 1,
                                   3)
        ratios["size"] = round(full_with["index_bytes"] / full_without["index_bytes"] - 1, 3)
    return {"started": datetime.now().isoformat(timespec="seconds"), "files": str(files),
            "changed_files": len(changed), "change": "edit" if edit else "line break",
            "order": ["with" if r else "without" for r in order], "runs": runs,
            "added": ratios, "within_caps": {k: ratios[k] <= CAPS[k] for k in ratios if k in CAPS}}


def _documents_of(job: tuple[Path, Path]) -> list:
    from indexer.documents import documents_from_file
    from indexer.readers import Unreadable

    try:
        return documents_from_file(*job)
    except Unreadable:
        return []


def step_documents(files: Path, cache: Path, workers: int) -> list[tuple]:
    """Return the documents of the corpus files and their text hashes (each id and each text
    once, files in order), extracted once and kept in `cache`."""
    from indexer.documents import text_hash

    if cache.exists() and cache.stat().st_mtime >= files.stat().st_mtime:
        with cache.open("rb") as handle:
            return pickle.load(handle)
    ids, hashes, docs = set(), set(), []
    jobs = [(path, files) for path in sorted(corpus_files(files))]
    with ProcessPoolExecutor(workers) as pool:
        for found in pool.map(_documents_of, jobs, chunksize=8):
            for doc in found:
                digest = text_hash(doc)
                if doc.id not in ids and digest not in hashes:
                    ids.add(doc.id)
                    hashes.add(digest)
                    docs.append((doc, digest))
    with cache.open("wb") as handle:
        pickle.dump(docs, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return docs


def measure_step(docs: list[tuple], workers: int) -> dict:
    """Run the reuse step of a full build of `docs` in this process; return its figures."""
    from indexer import reuse
    from indexer.indexing import _TokenFinder

    texts = {doc.id: doc.text for doc, _ in docs}
    stored = {doc.id: doc for doc, _ in docs}
    usage = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryDirectory(prefix="reuse-step-") as folder:
        update = reuse.ReuseUpdate(folder, 1, workers)
        update.find_tokens = _TokenFinder(workers)  # as indexing does, once searchable
        for doc, digest in docs:
            update.add(doc, digest)
        before = [resource.getrusage(who) for who in usage]
        started = time.perf_counter()
        out = update.finish(set(texts), 1, stored.get, texts.get, lambda: texts.get)
        seconds = time.perf_counter() - started
        after = [resource.getrusage(who) for who in usage]
        with (Path(folder) / reuse.GROUPS).open("rb") as handle:
            page = reuse.read_groups(handle)
    page.pop("token", None)
    ids, state = update.state.ids, update.state
    rows = sorted((ids[a], a0, a1, ids[b], b0, b1, round(float(sim), 3))
                  for (a, a0, a1, b, b0, b1), sim in zip(state.m_int.tolist(),
                                                          state.m_sim.tolist(), strict=True))
    cpu = {f"{who}_{kind}": round(getattr(a, f"ru_{kind}time") - getattr(b, f"ru_{kind}time"), 2)
           for who, b, a in zip(("self", "children"), before, after, strict=True)
           for kind in ("u", "s")}
    return {"started": datetime.now().isoformat(timespec="seconds"), "documents": len(docs),
            "workers": workers, **out, "seconds": round(seconds, 2), "cpu_seconds": cpu,
            "steps": {k: round(v, 2) for k, v in update.steps.items()},
            "matches_sha256": hashlib.sha256(repr(rows).encode()).hexdigest(),
            "groups_sha256": hashlib.sha256(json.dumps(page, sort_keys=True).encode()).hexdigest()}


def report_md(corpus: str, result: dict) -> str:
    """Return the result as Markdown."""
    r, a = result["runs"], result["added"]
    lines = [f"# Reuse groups' cost at `{corpus}` ({result['started']})", "",
             f"Order of the builds: {', '.join(result['order'])}; "
             f"{result['changed_files']} files changed ({result['change']}) for the "
             "incremental runs.", "",
             "| run | with reuse, s (CPU s) | without, s (CPU s) | documents written | "
             "index MB with / without |", "|---|---|---|---|---|"]
    for phase in ("full", "changed"):
        if f"{phase}_with" not in r:
            continue
        w, wo = r[f"{phase}_with"], r[f"{phase}_without"]
        lines.append(f"| {phase} | {w['seconds']} ({w['cpu_seconds']}; reuse step "
                     f"{w['reuse_seconds']}) | {wo['seconds']} ({wo['cpu_seconds']}) | "
                     f"{w['documents']} | {w['index_bytes'] / 1e6:.0f} / "
                     f"{wo['index_bytes'] / 1e6:.0f} |")
    if "full_time" in a:
        lines += ["", f"Reuse adds {a['full_time']:.1%} to the full build's wall time (cap "
                  f"25 %; {a['full_cpu']:.1%} to its CPU time), {a['size']:.1%} to the index "
                  "size (cap 20 %)."]
    lines += ["", f"The incremental run takes {a['incremental']}× the run without (cap 2×; "
              f"{a['incremental_cpu']}× its CPU time)."]
    for phase in ("full", "changed"):
        steps = r.get(f"{phase}_with", {}).get("reuse_steps")
        if steps:
            lines += ["", f"Reuse step of the {phase} run, seconds: " + ", ".join(
                f"{name} {seconds:.1f}" for name, seconds in steps.items()) + "."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the measurement and write its report."""
    parser = argparse.ArgumentParser(prog="python -m bench.reuse_cost",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="250k", choices=sorted(corpora.SIZES))
    parser.add_argument("--work", type=Path, default=corpora.WORK)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--fraction", type=float, default=0.01)
    parser.add_argument("--without-first", action="store_true")
    parser.add_argument("--edit", action="store_true", help="change the words of 1 %% of the "
                        "files instead of appending a line break")
    parser.add_argument("--incremental-only", action="store_true",
                        help="only the incremental runs, on the two indexes of the last run")
    parser.add_argument("--step", action="store_true", help="time the reuse step alone, "
                        "in this process, on the corpus's documents (extracted once)")
    parser.add_argument("--out", type=Path, default=corpora.RESULTS)
    args = parser.parse_args(argv)
    folder = args.work / args.corpus
    if not (folder / "files").is_dir():
        print(f"laying out {args.corpus} under {folder}", file=sys.stderr)
        corpora.build(args.corpus, work=args.work)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.step:
        docs = step_documents(folder / "files", folder / "reuse-step-documents.pickle",
                              args.workers or 2)
        log(f"{len(docs)} documents")
        result = measure_step(docs, args.workers or 2)
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / f"reuse-step-{args.corpus}.json").write_text(json.dumps(result, indent=2),
                                                                 "utf-8")
        print(json.dumps(result))
        return 0

    result = measure(folder / "files", folder / "reuse-cost", args.workers, args.fraction,
                     args.without_first, log, args.edit, args.incremental_only)
    args.out.mkdir(parents=True, exist_ok=True)
    name = f"reuse-cost-{args.corpus}" + ("-edit" if args.edit else "") + \
        ("-incremental" if args.incremental_only else "")
    (args.out / f"{name}.json").write_text(json.dumps(result, indent=2),
                                                            "utf-8")
    text = report_md(args.corpus, result)
    (args.out / f"{name}.md").write_text(text, "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
