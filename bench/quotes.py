"""Benchmark of pasted quotations: is the document that holds a passage found first?

    python -m bench.quotes [--corpus real|250k|quick|demo] [--split dev|heldout|both]
                           [--reuse-indexes] [--json] [--per-source N] [--seed N]

Draws passages of 8-30 words from the real records of the corpus (seeded, the same number
from every source, no boilerplate: `bench.passages`), makes the variants people type
(`bench.quote_variants`) and asks each engine for every variant (`bench.quote_engines`):
Verbatim through its one search function, SQLite FTS5 and tantivy with each of their means.
Reports top-1, top-3 and MRR@10 per variant, per source and overall, for the `dev` set (which
may be tuned on) and the `heldout` set (which must not be), and the latency of every call.
A peer's figure is that of its best means on each variant, chosen on `dev` and kept for
`heldout`; every means is reported too.

The corpus and the indexes are those of `python -m bench` (same work folder): build them,
or reuse the last ones with `--reuse-indexes`. Writes `bench/results/quotes-<corpus>.md`
and `quotes-<corpus>.json`; held-out passages are counted there but not written out, so that
nobody tunes on them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from bench import corpora
from bench.__main__ import _load
from bench.__main__ import environment as bench_environment
from bench.docs import BenchDoc, read_docs
from bench.passages import SPLITS, Drawer, Passage, TextIndex, normalise, passage_source
from bench.quote_variants import LABELS, VARIANTS, Vocabulary, make_variants
from bench.stats import summary

CORPORA = {"quick": "small", "real": "real", "250k": "250k", "demo": "demo"}
DEMO = corpora.ROOT / "corpus" / "documents"
SEED = 20250610
PER_SOURCE = 30
DEPTH = 10  # one page of hits: what a journalist reads


@dataclass
class Runner:
    """One way of answering: an engine and one of its strategies."""

    engine: object
    strategy: str

    @property
    def name(self) -> str:
        """Return "verbatim" or "peer/strategy"."""
        engine = self.engine.name  # type: ignore[attr-defined]
        return engine if engine.startswith("verbatim") else f"{engine}/{self.strategy}"


@dataclass
class Outcome:
    """What every runner did with every query: the rank of the first relevant hit (None
    when not in the first page), seconds, and errors."""

    ranks: dict[str, dict[tuple[str, str], int | None]] = field(default_factory=dict)
    seconds: dict[str, dict[tuple[str, str], float]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Return the command-line options."""
    parser = argparse.ArgumentParser(prog="python -m bench.quotes",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=list(CORPORA), default="real",
                        help="quick = the small corpus; demo = the bundled demo corpus")
    parser.add_argument("--split", choices=["dev", "heldout", "both"], default="both")
    parser.add_argument("--reuse-indexes", action="store_true",
                        help="use the indexes the last run of this corpus left (python -m bench "
                             "or this command) instead of laying out and indexing it")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--per-source", type=int, default=PER_SOURCE,
                        help="passages per source in each set")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--warmup", type=int, default=5, help="untimed warm-up queries")
    parser.add_argument("--workers", type=int, help="Verbatim indexing workers")
    parser.add_argument("--work", type=Path, default=corpora.WORK, help="work folder")
    parser.add_argument("--out", type=Path, default=corpora.RESULTS, help="report folder")
    parser.add_argument("--opensearch", metavar="URL",
                        help="also ask Verbatim on an OpenSearch cluster (the corpus indexed "
                             "into the alias quotes-CORPUS, unless --reuse-indexes finds it)")
    parser.add_argument("--no-peers", action="store_true",
                        help="ask Verbatim only (its engines), not SQLite FTS5 nor tantivy")
    return parser.parse_args(argv)


def prepare_indexes(name: str, work: Path, reuse: bool, workers: int | None,
                    log: Callable[[str], None]):
    """Return the `Indexes` of corpus `name` (built now, or the last run's) and what the
    report says about the corpus."""
    from bench.__main__ import docs_count, reused_indexes
    from bench.index_runs import run_indexing

    folder = work / name
    if reuse:
        indexes = reused_indexes(folder, docs_count(folder))
        return indexes, {"name": name, "reused": True, "folder": str(folder)}
    log(f"corpus {name}: laying out under {folder}")
    if name == "demo":  # copied: the indexing steps touch 1% of the files
        files = folder / "files"
        if files.exists():
            shutil.rmtree(files)
        shutil.copytree(DEMO, files)
        every = corpora.corpus_files(files)
        corpus = corpora.Corpus("demo", files, len(every),
                                sum(p.stat().st_size for p in every), None)
    else:
        corpus = corpora.build(name, work=work, log=log)
    log(f"  {corpus.files} files; indexing with every engine")
    runs, indexes = run_indexing(corpus, folder, workers, log=log, index_only=False)
    return indexes, {**corpus.to_dict(), "reused": False,
                     "indexing": [r.to_dict() for r in runs]}


def draw(docs: list[BenchDoc], seed: int, per_source: int,
         log: Callable[[str], None]) -> tuple[dict[str, list[Passage]], Drawer]:
    """Draw the dev and held-out passages, with their variants, from the real records."""
    real = [d for d in docs if passage_source(d) is not None]
    log(f"drawing passages from {len(real)} real records (seed {seed})")
    index = TextIndex(real)
    vocab = Vocabulary.from_texts(d.text for d in real)

    speakers = {d.id: d.speakers[0] for d in real if d.speakers}
    functions = {d.id: d.functions[0] for d in real if d.functions and d.functions[0]}
    texts = {d.id: d.text for d in real}

    def variants(passage: Passage) -> dict[str, str]:
        relevant = set(index.containing(normalise(passage.text)))

        def unique(run: str) -> bool:  # no real record holds the run but not the passage
            return set(index.containing(normalise(run), limit=len(relevant) + 1)) <= relevant

        return make_variants(passage.text, vocab, f"{seed}/{passage.id}", unique,
                             speakers.get(passage.record), texts.get(passage.record),
                             functions.get(passage.record))

    drawer = Drawer(real, index, seed, variants)
    return drawer.draw(per_source), drawer


def cluster_index(args: argparse.Namespace, name: str, corpus: dict,
                  log: Callable[[str], None]) -> str:
    """Return the alias of the corpus's index on the cluster `args.opensearch`: the one the
    last run left with --reuse-indexes, else the corpus's folder indexed now (`verbatim index
    --engine opensearch --rebuild`: the same reading and extraction as the Whoosh index,
    so the same record ids)."""
    from indexer.opensearch_client import connect
    from indexer.opensearch_writer import index_cluster

    alias = f"quotes-{name}"
    client = connect(args.opensearch)
    try:
        held = client.indices.exists_alias(name=alias)
    finally:
        client.close()
    if args.reuse_indexes and held:
        return alias
    if "folder" not in corpus or corpus.get("reused"):
        raise SystemExit(f"--opensearch: no index {alias} on the cluster; run without "
                         "--reuse-indexes to index the corpus into it")
    folder = Path(corpus["folder"])
    log(f"indexing {folder} into {args.opensearch} ({alias})")
    t0 = time.perf_counter()
    report, shipped = index_cluster([folder], args.opensearch, alias, rebuild=True,
                                    workers=args.workers)
    log(f"  {report.documents} documents, {shipped['records']} records "
        f"({time.perf_counter() - t0:.0f} s)")
    return alias


def first_relevant(ids: Sequence[str], relevant: set[str]) -> int | None:
    """Return the 1-based rank of the first relevant id in the first page, or None."""
    for rank, doc_id in enumerate(ids[:DEPTH], 1):
        if doc_id in relevant:
            return rank
    return None


def run_queries(runners: Sequence[Runner], passages: Sequence[Passage],
                relevant: dict[str, set[str]], warmup: int,
                log: Callable[[str], None]) -> Outcome:
    """Ask every runner every variant of every passage, the runners' order rotating from one
    query to the next (the machine's noise spreads evenly over them); time each call."""
    queries = [(p, v) for p in passages for v in VARIANTS]
    for passage, variant in queries[:warmup]:
        for runner in runners:
            _ask(runner, passage.variants[variant])
    outcome = Outcome()
    started = time.perf_counter()
    for i, (passage, variant) in enumerate(queries):
        shift = i % len(runners)
        for runner in [*runners[shift:], *runners[:shift]]:
            t0 = time.perf_counter()
            try:
                ids = _ask(runner, passage.variants[variant])
            except Exception as exc:  # noqa: BLE001 - one failing query must not end the run
                ids = []
                outcome.errors.setdefault(runner.name, []).append(
                    f"{passage.id} {variant}: {type(exc).__name__}: {exc}")
            seconds = time.perf_counter() - t0
            key = (passage.id, variant)
            outcome.ranks.setdefault(runner.name, {})[key] = first_relevant(
                ids, relevant[passage.id])
            outcome.seconds.setdefault(runner.name, {})[key] = seconds
        if (i + 1) % 400 == 0:
            log(f"  {i + 1}/{len(queries)} queries ({time.perf_counter() - started:.0f} s)")
    return outcome


def _ask(runner: Runner, q: str) -> list[str]:
    return runner.engine.answer(q, runner.strategy)  # type: ignore[attr-defined]


def metrics(ranks: Sequence[int | None]) -> dict[str, float]:
    """Return n, top-1, top-3, MRR@10 and found (in the first page) of first-relevant ranks.

    >>> metrics([1, 3, None, 2])
    {'n': 4, 'top1': 0.25, 'top3': 0.75, 'mrr@10': 0.4583333333333333, 'found': 0.75}
    """
    n = len(ranks)
    if not n:
        return {"n": 0, "top1": 0.0, "top3": 0.0, "mrr@10": 0.0, "found": 0.0}
    return {"n": n, "top1": sum(r == 1 for r in ranks) / n,
            "top3": sum(r is not None and r <= 3 for r in ranks) / n,
            "mrr@10": sum(1 / r for r in ranks if r is not None and r <= DEPTH) / n,
            "found": sum(r is not None and r <= DEPTH for r in ranks) / n}


def quality(outcome: Outcome, passages: Sequence[Passage]) -> dict[str, dict[str, dict]]:
    """Return {runner: {variant: {"all": metrics, "sources": {source: metrics}}}}, variant
    "all" pooling every variant."""
    out: dict[str, dict[str, dict]] = {}
    for runner, ranks in outcome.ranks.items():
        out[runner] = {}
        for variant in [*VARIANTS, "all"]:
            chosen = VARIANTS if variant == "all" else (variant,)
            pairs = [(p.source, ranks[(p.id, v)]) for p in passages for v in chosen
                     if (p.id, v) in ranks]
            sources = sorted({s for s, _ in pairs})
            out[runner][variant] = {
                "all": metrics([r for _, r in pairs]),
                "sources": {s: metrics([r for src, r in pairs if src == s]) for s in sources},
            }
    return out


def choose(dev: dict[str, dict[str, dict]], engines: Sequence[object]) -> dict[str, dict]:
    """Return, per peer and variant, the strategy with the best dev MRR@10 (then top-1;
    the first listed on a tie): the peer's best means, chosen without the held-out set."""
    chosen: dict[str, dict[str, str]] = {}
    for engine in engines:
        name, strategies = engine.name, engine.strategies  # type: ignore[attr-defined]
        if name.startswith("verbatim"):
            continue
        chosen[name] = {}
        for variant in [*VARIANTS, "all"]:
            scores = {s: (dev[f"{name}/{s}"][variant]["all"]["mrr@10"],
                          dev[f"{name}/{s}"][variant]["all"]["top1"]) for s in strategies}
            chosen[name][variant] = max(strategies, key=scores.get)  # the first on a tie
    return chosen


def latency(outcome: Outcome) -> dict[str, dict[str, dict[str, float]]]:
    """Return {runner: {variant: median/p95/p99 ms}} over every timed call, plus "all"."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for runner, seconds in outcome.seconds.items():
        out[runner] = {v: summary([s * 1000 for (_, var), s in seconds.items() if var == v])
                       for v in VARIANTS}
        out[runner]["all"] = summary([s * 1000 for s in seconds.values()])
    return out


def environment() -> dict:
    """Return the machine and library versions, as `python -m bench` reports them."""
    return bench_environment(_load())


def run(args: argparse.Namespace, log: Callable[[str], None] = print) -> dict:
    """Draw the passages, ask every engine and return the result document."""
    from bench.index_runs import peers_available
    from bench.quote_engines import FtsQuotes, OpenSearchQuotes, TantivyQuotes, VerbatimQuotes

    name = CORPORA[args.corpus]
    started = time.perf_counter()
    result: dict = {"started": datetime.now().isoformat(timespec="seconds"),
                    "environment": environment(), "seed": args.seed,
                    "per_source": args.per_source, "depth": DEPTH, "notes": [],
                    "variants": {v: LABELS[v] for v in VARIANTS}}
    indexes, result["corpus"] = prepare_indexes(name, args.work, args.reuse_indexes,
                                                args.workers, log)
    if args.reuse_indexes:
        result["notes"].append(f"--reuse-indexes: the indexes left in {args.work / name} by "
                               "the last run; they are as old as that run's indexer.")
    docs = list(read_docs(indexes.docs))
    result["docs"] = len(docs)
    sets, drawer = draw(docs, args.seed, args.per_source, log)
    splits = list(SPLITS) if args.split == "both" else [args.split]
    if "heldout" in splits and "dev" not in splits:
        splits = ["dev", "heldout"]  # the peers' means are chosen on dev
        result["notes"].append("--split heldout: dev was run too, to choose the peers' means "
                               "without the held-out set; only held-out figures are shown.")
    result["splits"] = [s for s in splits if args.split == "both" or s == args.split]
    passages = [p for s in splits for p in sets[s]]
    counts = {s: {} for s in SPLITS}
    for split in SPLITS:
        for p in sets[split]:
            counts[split][p.source] = counts[split].get(p.source, 0) + 1
    result["sources"] = {
        source: {"records": len(drawer.by_source[source]), "split": drawer.split_method(source),
                 **{s: counts[s].get(source, 0) for s in SPLITS}}
        for source in sorted(drawer.by_source)}

    log(f"relevant records of {len(passages)} passages among {len(docs)}")
    every = drawer.index if len(drawer.index) == len(docs) else TextIndex(docs)
    relevant = {p.id: set(every.containing(normalise(p.text))) for p in passages}
    del every
    sizes = [len(r) for r in relevant.values()]
    result["relevant"] = {"mean": sum(sizes) / len(sizes) if sizes else 0,
                          "max": max(sizes, default=0),
                          "single": sum(n == 1 for n in sizes) / len(sizes) if sizes else 0}

    engines: list[object] = [VerbatimQuotes(indexes.verbatim)]
    if args.opensearch:
        engines.append(OpenSearchQuotes(args.opensearch, cluster_index(
            args, name, result["corpus"], log)))
    if args.no_peers:
        result["notes"].append("--no-peers: Verbatim only.")
    elif indexes.tantivy and peers_available()["tantivy"]:
        engines += [FtsQuotes(indexes.sqlite), TantivyQuotes(indexes.tantivy)]
    else:
        engines.append(FtsQuotes(indexes.sqlite))
        result["notes"].append("tantivy is not installed or not indexed: no tantivy column.")
    runners = [Runner(e, s) for e in engines for s in e.strategies]  # type: ignore[attr-defined]
    log(f"queries: {len(passages)} passages x {len(VARIANTS)} variants x {len(runners)} "
        f"runners")
    outcome = run_queries(runners, passages, relevant, args.warmup, log)
    for engine in engines:
        engine.close()  # type: ignore[attr-defined]

    result["quality"] = {s: quality(outcome, [p for p in passages if p.split == s])
                         for s in splits}
    result["chosen"] = choose(result["quality"]["dev"], engines)
    result["latency"] = latency(outcome)
    result["errors"] = {r: {"count": len(e), "first": e[:5]} for r, e in outcome.errors.items()}
    result["engines"] = {e.name: {"label": e.label, "strategies": list(e.strategies)}  # type: ignore[attr-defined]
                         for e in engines}
    result["dev_passages"] = [
        {**p.to_dict(), "relevant": sorted(relevant[p.id]),
         "ranks": {r: {v: outcome.ranks[r].get((p.id, v)) for v in VARIANTS}
                   for r in outcome.ranks}}
        for p in passages if p.split == "dev"]
    result["environment"]["load_after"] = _load()
    result["seconds"] = time.perf_counter() - started
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, write the report and print its main tables (or the JSON)."""
    from bench.quotes_report import markdown, summary_tables

    args = parse_args(argv)
    log = (lambda m: print(m, file=sys.stderr)) if args.json else print
    args.out.mkdir(parents=True, exist_ok=True)
    result = run(args, log)
    name = args.corpus
    (args.out / f"quotes-{name}.json").write_text(json.dumps(result, indent=1, ensure_ascii=False),
                                                 "utf-8")
    path = args.out / f"quotes-{name}.md"
    path.write_text(markdown(result), "utf-8")
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "dev_passages"}, indent=1,
                         ensure_ascii=False))
    else:
        print()
        print(summary_tables(result))
        print(f"\nreport: {path} ({result['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
