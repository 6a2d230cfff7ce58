"""Benchmark of reuse groups: planted passages, found again?

    python -m bench.reuse [--docs PATH] [--per-source N] [--seed N] [--gram 3|4|5]
                          [--split dev|heldout|both] [--json] [--cost-only] [--no-cost]

Known passages (12-30 words of real records, never boilerplate: `bench.passages.Drawer`) are
planted into other real records of the `real` corpus, seeded, each into two or three of them
and each time as one of four variants: as said, 1-3 words changed, cut by 2-4 words at either
end, or its middle third reworded (the changed words come from `bench.quote_variants`'
vocabulary). The groups are found once over the untouched corpus (a full run), then the
records that received a passage are updated incrementally (the path of a new file).

* recall: the share of planted occurrences that stand in a group together with the passage's
  source record (or another of its planted copies), covering half the planted words or more;
* group precision: the share of the groups touching a planted occurrence whose every
  occurrence is the planted passage (in its source or a host) or a real near-copy of it
  (similarity 0.5 or more): no boilerplate, no unrelated text chained in;
* cost: CPU seconds of the full run and of the incremental one, and the size of the two files.

`dev` passages may be tuned on; `heldout` passages (drawn from other records) must not.
`--cost` also indexes the `small` corpus (as the tests do) and reports the share of indexing
time and index size that reuse detection takes. Writes `bench/results/reuse.md` and `.json`.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench import corpora
from bench.docs import BenchDoc, read_docs
from bench.passages import Drawer, TextIndex, passage_source
from bench.quote_variants import Vocabulary
from indexer import reuse
from indexer.analysis import passage_words
from indexer.document import Document, Speaker
from indexer.genealogy import compare

SEED = 20251201
PER_SOURCE = 25
MIN_WORDS = 12
VARIANTS = ("exact", "changed", "cut", "reworded")
DOCS = corpora.WORK / "real" / "docs.jsonl"


@dataclass
class Planted:
    """One planted occurrence: a passage in a host record, as one variant."""

    passage: str  # passage id
    host: str
    start: int
    end: int
    variant: str
    text: str


def as_document(doc: BenchDoc, text: str | None = None) -> Document:
    """Return a bench record as the indexer's `Document`."""
    return Document(id=doc.id, source=doc.source, format="jsonl", text=text or doc.text,
                    title=doc.title, date=doc.date, kind=doc.kind,
                    speakers=[Speaker(s) for s in doc.speakers], themes=list(doc.themes))


def variant(text: str, kind: str, vocab: Vocabulary, rng: random.Random) -> str:
    """Return the passage as planted: as said, 1-3 words changed, cut, or reworded."""
    words = text.split()
    if kind == "changed":
        for k in rng.sample(range(len(words)), rng.randint(1, 3)):
            words[k] = vocab.replacement(words[k].strip(".,;:!?«»\"'"), rng)
    elif kind == "cut":
        cut = rng.randint(2, min(4, len(words) - 10))
        words = words[cut:] if rng.random() < 0.5 else words[:-cut]
    elif kind == "reworded":
        third = len(words) // 3
        middle = [vocab.replacement(w.strip(".,;:!?«»\"'"), rng)
                  for w in words[third:2 * third]]
        words = words[:third] + middle + words[2 * third:]
    return " ".join(words)


def plant(docs: list[BenchDoc], seed: int, per_source: int, split: str
          ) -> tuple[dict[str, tuple[str, str]], dict[str, str], list[Planted]]:
    """Return ({passage id: (source record, text)}, {host id: new text}, planted)."""
    real = [d for d in docs if passage_source(d) is not None]
    drawer = Drawer(real, TextIndex(real), seed)
    drawn = [p for p in drawer.draw(per_source)[split] if len(p.text.split()) >= MIN_WORDS]
    vocab = Vocabulary.from_texts(d.text for d in real[:20000])
    rng = random.Random(f"{seed}/{split}/hosts")
    sources = {p.record for p in drawn}
    hosts = [d for d in real if d.id not in sources and len(d.text.split()) >= 30]
    rng.shuffle(hosts)
    texts: dict[str, str] = {}
    planted: list[Planted] = []
    passages = {}
    turn = 0
    for passage in drawn:
        passages[passage.id] = (passage.record, passage.text)
        for _ in range(rng.choice((2, 3))):
            host = hosts.pop()
            kind = VARIANTS[turn % len(VARIANTS)]
            turn += 1
            said = variant(passage.text, kind, vocab, rng)
            text = host.text
            breaks = [i + 2 for i in range(len(text) - 2) if text[i] in ".!?" and text[i + 1]
                      == " "] or [len(text)]
            at = rng.choice(breaks)
            inserted = f"{said} "
            texts[host.id] = text[:at] + inserted + text[at:]
            planted.append(Planted(passage.id, host.id, at, at + len(said), kind, said))
    return passages, texts, planted


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def evaluate(groups: list[dict], docs_meta: dict, by_id: dict[str, str],
             passages: dict[str, tuple[str, str]], planted: list[Planted]) -> dict:
    """Return recall (per variant) and group precision for one split."""
    where: dict[str, list[tuple[dict, int, int]]] = {}
    for group in groups:
        for slot, start, end, *_ in group["occurrences"]:
            where.setdefault(docs_meta[str(slot)]["id"], []).append((group, start, end))
    source_span = {}
    for pid, (record, text) in passages.items():
        at = by_id[record].find(text)
        source_span[pid] = (at, at + len(text)) if at >= 0 else None
    copies: dict[str, list[Planted]] = {}
    for p in planted:
        copies.setdefault(p.passage, []).append(p)
    found = {v: [0, 0] for v in VARIANTS}
    touching: dict[int, tuple[dict, set[str]]] = {}
    for p in planted:
        found[p.variant][1] += 1
        mates = {(q.host, q.start, q.end) for q in copies[p.passage] if q is not p}
        if source_span[p.passage]:
            mates.add((passages[p.passage][0], *source_span[p.passage]))
        hit = False
        for group, start, end in where.get(p.host, []):
            if _overlap((start, end), (p.start, p.end)) * 2 < p.end - p.start:
                continue
            touching.setdefault(id(group), (group, set()))[1].add(p.passage)
            for slot, s, e, *_ in group["occurrences"]:
                doc_id = docs_meta[str(slot)]["id"]
                if any(doc_id == h and _overlap((s, e), (a, b)) > 0 for h, a, b in mates):
                    hit = True
        found[p.variant][0] += hit
    correct = 0
    for group, pids in touching.values():
        spans = {(q.host, q.start, q.end) for pid in pids for q in copies[pid]}
        spans |= {(passages[pid][0], *source_span[pid]) for pid in pids if source_span[pid]}
        texts = [passages[pid][1] for pid in pids]
        good = True
        for slot, s, e, *_ in group["occurrences"]:
            doc_id = docs_meta[str(slot)]["id"]
            if any(doc_id == h and _overlap((s, e), (a, b)) > 0 for h, a, b in spans):
                continue
            text = by_id[doc_id][s:e]
            if not any(compare(t, text)[0] >= 0.5 for t in texts):
                good = False
        correct += good
    total = sum(n for _, n in found.values())
    return {
        "planted": total, "passages": len(passages),
        "recall": round(sum(k for k, _ in found.values()) / max(total, 1), 3),
        "recall_by_variant": {v: round(k / max(n, 1), 3) for v, (k, n) in found.items()},
        "groups_touching": len(touching),
        "group_precision": round(correct / max(len(touching), 1), 3),
    }


def run(docs: list[BenchDoc], seed: int, per_source: int, splits: list[str], log) -> dict:
    """Find the groups of the untouched corpus, then plant and update; return the figures."""
    work = Path(tempfile.mkdtemp(prefix="verbatim-reuse-"))
    try:
        base = work / "base"
        base.mkdir()
        log(f"full run over {len(docs)} records (gram {reuse.GRAM})")
        cpu, wall = time.process_time(), time.perf_counter()
        update = reuse.ReuseUpdate(base, None)
        for doc in docs:
            update.add(as_document(doc))
        stats = update.finish({d.id for d in docs}, 1, lambda _id: None)
        full = {"cpu_seconds": round(time.process_time() - cpu, 1),
                "wall_seconds": round(time.perf_counter() - wall, 1), **stats,
                "bytes": sum(p.stat().st_size for p in base.iterdir())}
        log(f"  {full}")
        out = {"gram": reuse.GRAM, "records": len(docs), "full": full, "splits": {}}
        by_doc = {d.id: d for d in docs}
        for split in splits:
            # one seed: the drawer deals the records between the two sets, so no held-out
            # passage comes from a record a dev passage came from
            passages, texts, planted = plant(docs, seed, per_source, split)
            log(f"{split}: {len(passages)} passages planted {len(planted)} times")
            folder = work / split
            shutil.copytree(base, folder)
            cpu = time.process_time()
            update = reuse.ReuseUpdate(folder, 1)
            assert not update.fresh
            # as indexing does: the hosts are edited documents, their text before known
            update.previous = lambda i: by_doc[i].text
            for host, text in texts.items():
                update.add(as_document(by_doc[host], text))
            update.finish({d.id for d in docs}, 2, lambda i: as_document(by_doc[i]))
            seconds = round(time.process_time() - cpu, 1)
            with (folder / reuse.GROUPS).open("rb") as handle:
                data = reuse.read_groups(handle)
            texts_now = {d.id: texts.get(d.id, d.text) for d in docs}
            figures = evaluate(data["groups"], data["docs"], texts_now, passages, planted)
            figures["incremental_cpu_seconds"] = seconds
            figures["incremental_records"] = len(texts)
            log(f"  {figures}")
            out["splits"][split] = figures
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


def cost(log) -> dict:
    """Index the `small` corpus (all formats, as the tests do) and return the share of time
    and size that reuse detection takes."""
    from indexer.indexing import index_paths

    work = Path(tempfile.mkdtemp(prefix="verbatim-reuse-cost-"))
    try:
        folder = work / "files"
        corpora.lay_small(corpora.SHARED, folder)
        log("indexing the small corpus")
        report = index_paths([folder], work / "index")
        index_bytes = sum(p.stat().st_size for p in (work / "index").iterdir() if p.is_file())
        reuse_bytes = sum((work / "index" / n).stat().st_size
                          for n in (reuse.ARRAYS, reuse.BASE, reuse.GROUPS))
        return {"documents": report.total, "index_seconds": round(report.seconds, 1),
                "reuse_seconds": round(report.reuse_seconds, 1),
                "time_share": round(report.reuse_seconds / report.seconds, 3),
                "index_bytes": index_bytes, "reuse_bytes": reuse_bytes,
                "size_share": round(reuse_bytes / (index_bytes - reuse_bytes), 3)}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def candidates_ngrams(docs: list[Document]) -> tuple[set[tuple[str, str]], float]:
    """Return the record pairs Verbatim's fingerprints make candidates (those `_match`
    chooses to align, before any is aligned), and CPU seconds."""
    cpu = time.process_time()
    work = Path(tempfile.mkdtemp(prefix="verbatim-reuse-ngrams-"))
    try:
        update = reuse.ReuseUpdate(work, None)
        pairs: set[tuple[str, str]] = set()
        ids = update.state.ids

        def record(chosen: list[tuple[int, int]]) -> None:
            pairs.update(tuple(sorted((ids[a], ids[b]))) for a, b in chosen)

        update._align_all = record  # type: ignore[method-assign]
        for doc in docs:
            update.add(doc)
        update._match(sorted(update.tokens))
        return pairs, time.process_time() - cpu
    finally:
        shutil.rmtree(work, ignore_errors=True)


def candidates_minhash(docs: list[Document], window: int = 20, step: int = 10,
                       perms: int = 64, threshold: float = 0.3
                       ) -> tuple[set[tuple[str, str]], float]:
    """Return the record pairs datasketch's MinHash LSH makes candidates (windows of `window`
    words every `step`, each the set of its 3-word runs), and CPU seconds."""
    from datasketch import MinHash, MinHashLSH

    cpu = time.process_time()
    lsh = MinHashLSH(threshold=threshold, num_perm=perms)
    keys: list[tuple[str, int]] = []
    sketches = []
    for doc in docs:
        words = [w for w, _, _ in passage_words(doc.text)]
        for start in range(0, max(1, len(words) - window + step), step):
            part = words[start:start + window]
            runs = {" ".join(part[k:k + 3]).encode("utf-8") for k in range(len(part) - 2)}
            if not runs:
                continue
            sketch = MinHash(num_perm=perms)
            sketch.update_batch(list(runs))
            key = (doc.id, start)
            lsh.insert(key, sketch, check_duplication=False)
            keys.append(key)
            sketches.append(sketch)
    pairs = set()
    for key, sketch in zip(keys, sketches, strict=True):
        for other in lsh.query(sketch):
            if other[0] != key[0]:
                pairs.add(tuple(sorted((key[0], other[0]))))
    return pairs, time.process_time() - cpu


def compare_methods(docs: list[BenchDoc], seed: int, per_source: int, sample: int,
                    log) -> dict:
    """Candidate generation alone, Verbatim's fingerprints against datasketch's MinHash LSH
    over windows, on the planted `dev` passages and `sample` other records: the share of
    (host, source) pairs each makes candidates, how many pairs, and CPU seconds."""
    passages, texts, planted = plant(docs, seed, per_source, "dev")
    wanted = {p.host for p in planted} | {record for record, _ in passages.values()}
    rng = random.Random(seed)
    others = [d for d in docs if d.id not in wanted]
    chosen = [d for d in docs if d.id in wanted] + rng.sample(others, min(sample, len(others)))
    records = [as_document(d, texts.get(d.id)) for d in chosen]
    truth = {tuple(sorted((p.host, passages[p.passage][0]))) for p in planted}
    out = {"records": len(records), "planted_pairs": len(truth)}
    for name, method in (("fingerprints", candidates_ngrams), ("minhash_lsh", candidates_minhash)):
        log(f"candidates: {name}")
        pairs, seconds = method(records)
        out[name] = {"pair_recall": round(len(truth & pairs) / len(truth), 3),
                     "candidate_pairs": len(pairs), "cpu_seconds": round(seconds, 1)}
        log(f"  {out[name]}")
    return out


def report_md(result: dict) -> str:
    """Return the result as Markdown."""
    lines = ["# Reuse groups: planted passages", "",
             f"{result['records']} records of the `real` corpus, fingerprints of "
             f"{result['gram']} words.", "",
             "| set | passages | planted | recall | as said | changed | cut | reworded | "
             "group precision | incremental CPU s |", "|---|---|---|---|---|---|---|---|---|---|"]
    for split, f in result["splits"].items():
        r = f["recall_by_variant"]
        lines.append(f"| {split} | {f['passages']} | {f['planted']} | {f['recall']} | "
                     f"{r['exact']} | {r['changed']} | {r['cut']} | {r['reworded']} | "
                     f"{f['group_precision']} ({f['groups_touching']} groups) | "
                     f"{f['incremental_cpu_seconds']} ({f['incremental_records']} records) |")
    full = result["full"]
    lines += ["", f"Full run: {full['cpu_seconds']} CPU s ({full['wall_seconds']} s wall), "
              f"{full['groups']} groups, {full['matches']} matches, {full['boilerplate']} "
              f"boilerplate matches left out, {full['bytes']} bytes."]
    if "cost" in result:
        c = result["cost"]
        lines += ["", f"Small corpus indexed ({c['documents']} documents): reuse "
                  f"{c['reuse_seconds']} s of {c['index_seconds']} s ({c['time_share']:.0%}), "
                  f"{c['reuse_bytes']} of {c['index_bytes']} bytes ({c['size_share']:.0%} "
                  "added)."]
    if "compare" in result:
        c = result["compare"]
        lines += ["", f"Candidates on {c['records']} records ({c['planted_pairs']} planted "
                  "pairs):", "", "| method | planted pairs found | candidate pairs | CPU s |",
                  "|---|---|---|---|"]
        for name in ("fingerprints", "minhash_lsh"):
            m = c[name]
            lines.append(f"| {name} | {m['pair_recall']} | {m['candidate_pairs']} | "
                         f"{m['cpu_seconds']} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write its report."""
    parser = argparse.ArgumentParser(prog="python -m bench.reuse",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DOCS,
                        help="records of the real corpus (docs.jsonl of `python -m bench "
                             "--corpus real`)")
    parser.add_argument("--per-source", type=int, default=PER_SOURCE)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--gram", type=int, default=reuse.GRAM)
    parser.add_argument("--split", choices=["dev", "heldout", "both"], default="both")
    parser.add_argument("--cost", action="store_true", help="also index the small corpus")
    parser.add_argument("--compare", type=int, metavar="N", default=0,
                        help="also compare candidate generation with datasketch's MinHash LSH "
                             "(pip install datasketch) on the dev passages and N other records")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--out", type=Path, default=corpora.RESULTS)
    args = parser.parse_args(argv)
    if not args.docs.exists():
        print(f"{args.docs} absent: run `python -m bench --corpus real` first", file=sys.stderr)
        return 1
    for module in list(sys.modules.values()):  # each of the step's modules that reads it
        if getattr(module, "__name__", "").startswith("indexer.reuse") and hasattr(module, "GRAM"):
            module.GRAM = args.gram

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    docs = list(read_docs(args.docs))
    splits = ["dev", "heldout"] if args.split == "both" else [args.split]
    result = run(docs, args.seed, args.per_source, splits, log)
    if args.cost:
        result["cost"] = cost(log)
    if args.compare:
        result["compare"] = compare_methods(docs, args.seed, args.per_source, args.compare, log)
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.gram == 4 else f"-gram{args.gram}"
    (args.out / f"reuse{suffix}.json").write_text(json.dumps(result, indent=2), "utf-8")
    (args.out / f"reuse{suffix}.md").write_text(report_md(result), "utf-8")
    print(json.dumps(result, indent=2) if args.json else report_md(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
