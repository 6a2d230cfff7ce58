"""Spelling suggestions: time, work and memory of `indexer.spelling` beside the alternatives.

    python -m bench.spelling --index DIR [--typos 300] [--stress 250000] [--json OUT]

On the index's own lexicon, and on a stress lexicon of `--stress` distinct words (the real
words plus seeded variants of them, as a corpus with ten times the vocabulary would have),
it reports for typos made by one or two seeded edits of real words:

* the bucketed lookup of `indexer.spelling` (what the search runs): time per word, words
  compared, and how often the intended word comes first;
* rapidfuzz over the whole lexicon (the same C distance, no buckets), for what the buckets
  lose and save;
* Whoosh's corrector (what the search ran before: pure-Python edit distance over the
  lexicon), on a few words only, since each takes seconds;

and the build time and memory (tracemalloc) of the bucketed structure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from indexer.search import open_catalog
from indexer.spelling import (
    SPELLING_FIELD,
    Lexicon,
    build_lexicon,
    check_spelling,
    correctable,
    max_distance,
)

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def typo(word: str, rng: random.Random, edits: int) -> str:
    """Return `word` with `edits` random edits (substitution, deletion, insertion, swap)."""
    for _ in range(edits):
        i = rng.randrange(len(word))
        kind = rng.choice("sdit")
        if kind == "s":
            word = word[:i] + rng.choice(LETTERS) + word[i + 1:]
        elif kind == "d" and len(word) > 4:
            word = word[:i] + word[i + 1:]
        elif kind == "i":
            word = word[:i] + rng.choice(LETTERS) + word[i:]
        elif i + 1 < len(word):
            word = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _timed(values: list[float]) -> dict[str, float]:
    return {"median_ms": round(statistics.median(values) * 1000, 3),
            "p95_ms": round(_percentile(values, 0.95) * 1000, 3),
            "max_ms": round(max(values) * 1000, 3)}


def measure_structure(words: list[str]) -> tuple[Lexicon, dict]:
    """Build the bucketed lexicon of `words`; return it with its build time and memory."""
    tracemalloc.start()
    started = time.perf_counter()
    lexicon = Lexicon(w.encode().decode() for w in words)
    seconds = time.perf_counter() - started
    size, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return lexicon, {"words": lexicon.words, "build_s": round(seconds, 3),
                     "memory_mb": round(size / 2**20, 1),
                     "largest_bucket": max(len(b) for b in lexicon.by_first.values())}


def measure_lookups(lexicon: Lexicon, words: list[str], frequency: dict[str, int],
                    typos: list[tuple[str, str]]) -> dict:
    """Time the bucketed lookup and the whole-lexicon scan on the same typos."""
    known = set(words)

    def df(key: str) -> int:
        return frequency.get(key, 1 if key in known else 0)

    bucket_times, compared, bucket_hits = [], [], 0
    scan_times, scan_hits = [], 0
    choices = [w for w in words if correctable(w)]
    for wanted, typed in typos:
        started = time.perf_counter()
        found = check_spelling(lexicon, df, typed, [typed], correct=False)
        bucket_times.append(time.perf_counter() - started)
        compared.append(found.compared)
        bucket_hits += bool(found.suggestions) and found.suggestions[0]["suggestion"] == wanted
        started = time.perf_counter()
        near = process.extract(typed, choices, scorer=OSA.distance,
                               score_cutoff=max_distance(len(typed)), limit=None)
        if near:
            least = min(d for _, d, _ in near)
            best = max((w for w, d, _ in near if d == least), key=df)
            scan_hits += best == wanted
        scan_times.append(time.perf_counter() - started)
    return {
        "typos": len(typos),
        "buckets": {**_timed(bucket_times), "compared_median": statistics.median(compared),
                    "compared_max": max(compared), "right_first": round(bucket_hits / len(typos),
                                                                          3)},
        "whole_lexicon_scan": {**_timed(scan_times), "compared": len(choices),
                               "right_first": round(scan_hits / len(typos), 3)},
    }


def stress_words(words: list[str], size: int, rng: random.Random) -> list[str]:
    """Return `words` plus seeded one-edit variants of them, `size` distinct words in all."""
    out = set(words)
    base = [w for w in words if correctable(w)]
    while len(out) < size:
        out.add(typo(rng.choice(base), rng, 1))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    """Command line: measure and print (optionally save) the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.spelling",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--typos", type=int, default=300)
    parser.add_argument("--stress", type=int, default=250_000)
    parser.add_argument("--whoosh", type=int, default=3, help="words timed with Whoosh's corrector")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    catalog = open_catalog(args.index)
    searcher = catalog.searcher()
    reader = searcher.reader()
    report: dict = {"load_before": os.getloadavg()[0]}

    started = time.perf_counter()
    real = build_lexicon(reader)
    report["build_from_index_s"] = round(time.perf_counter() - started, 3)
    words = sorted({w for bucket in real.by_first.values() for w in bucket})
    # typos of words that many records hold: what people search for
    frequency = {w: reader.doc_frequency(SPELLING_FIELD, w) for w in words}
    common = [w for w in words if frequency[w] >= 5 and len(w) >= 5]
    typos = []
    while len(typos) < args.typos:
        wanted = rng.choice(common)
        typed = typo(wanted, rng, 1 if len(wanted) < 8 else rng.choice((1, 2)))
        if typed not in frequency and correctable(typed):
            typos.append((wanted, typed))

    lexicon, report["index_structure"] = measure_structure(words)
    report["index_lookups"] = measure_lookups(lexicon, words, frequency, typos)
    big = stress_words(words, args.stress, rng)
    lexicon, report["stress_structure"] = measure_structure(big)
    report["stress_lookups"] = measure_lookups(lexicon, big, frequency, typos)

    corrector = searcher.corrector(SPELLING_FIELD)
    whoosh_times = []
    for _wanted, typed in typos[: args.whoosh]:
        started = time.perf_counter()
        corrector.suggest(typed, limit=1, maxdist=2)
        whoosh_times.append(time.perf_counter() - started)
    if whoosh_times:
        report["whoosh_corrector"] = {**_timed(whoosh_times), "words": len(whoosh_times)}
    report["load_after"] = os.getloadavg()[0]
    catalog.close()
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
