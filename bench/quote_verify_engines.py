"""Pasted quotations on both engines at scale: `verify` and the search's first hit.

    python -m bench.quote_verify_engines --whoosh INDEX_DIR --url URL --alias ALIAS
                                         [--passages N] [--seed N]

The same documents in a Whoosh folder and an OpenSearch index (e.g. the 250k corpus: its
Whoosh index and `bench.quote_pairs_cost --keep ALIAS` of its documents). Passages of 12-25
words are cut, seeded, from random statements, and changed as people change them
(`bench.quote_variants`); each variant is verified (`indexer.verify.verify`) and searched
(`indexer.search.search`, the first hit) on both engines, alternated. A lookup is right
when the document it names holds the passage (normalised: `bench.passages.normalise`).
Prints one JSON line per variant and overall: right (top-1) on each engine, the share of
identical verdicts (verdict, similarity, document, passage), median / p95 ms a lookup on
each and OpenSearch's ratio.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time

from bench.passages import normalise
from bench.quote_variants import VARIANTS, Vocabulary, make_variants
from indexer.analysis import passage_words


def draw(whoosh, count: int, seed: int) -> list[tuple[str, str]]:
    """Return (statement id, passage) pairs cut from random statements of the index."""
    searcher = whoosh.searcher()
    docnums = sorted(whoosh.postings(searcher, "type").get("doc", frozenset()))
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        stored = searcher.stored_fields(rng.choice(docnums))
        text = stored.get("text") or ""
        words = passage_words(text)
        if len(words) < 40:
            continue
        length = rng.randint(12, 25)
        at = rng.randrange(0, len(words) - length)
        out.append((stored["id"], text[words[at][1]:words[at + length - 1][2]]))
    return out


def _p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))] if values else 0.0


def main(argv: list[str] | None = None) -> int:
    """Run the lookups and print the figures."""
    from indexer.opensearch_engine import open_opensearch
    from indexer.search import SearchRequest, open_catalog, search
    from indexer.verify import verify

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--whoosh", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--alias", required=True)
    parser.add_argument("--passages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20251203)
    args = parser.parse_args(argv)
    whoosh = open_catalog(args.whoosh)
    cluster = open_opensearch(args.url, alias=args.alias)
    engines = {"whoosh": whoosh, "opensearch": cluster}
    passages = draw(whoosh, args.passages, args.seed)
    vocab = Vocabulary.from_texts(p for _, p in passages)
    holds: dict[tuple[str, str], bool] = {}

    def right(doc_id: str | None, passage: str) -> bool:
        if doc_id is None:
            return False
        key = (doc_id, passage)
        if key not in holds:
            doc = whoosh.document(doc_id)
            holds[key] = bool(doc) and normalise(passage) in normalise(doc.text)
        return holds[key]

    rows: dict[str, dict[str, list]] = {}
    for i, (_, passage) in enumerate(passages):
        variants = make_variants(passage, vocab, f"{args.seed}/{i}")
        for variant in VARIANTS:
            typed = variants[variant]
            row = rows.setdefault(variant, {"same": [], **{f"{e}_{k}": [] for e in engines
                                                          for k in ("right", "ms", "first",
                                                                    "search_ms")}})
            order = list(engines) if i % 2 else list(engines)[::-1]
            verdicts = {}
            for name in order:
                t0 = time.perf_counter()
                verdicts[name] = verify(engines[name], typed)
                row[f"{name}_ms"].append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                hits = search(engines[name], SearchRequest(q=typed, per_page=10)).hits
                row[f"{name}_search_ms"].append((time.perf_counter() - t0) * 1000)
                row[f"{name}_first"].append(right(hits[0]["id"] if hits else None, passage))
                row[f"{name}_right"].append(right(verdicts[name]["document_id"], passage))
            keys = ("verdict", "similarity", "document_id", "passage")
            row["same"].append(all(verdicts["whoosh"][k] == verdicts["opensearch"][k]
                                   for k in keys))
    rows["all"] = {k: [v for r in rows.values() for v in r[k]] for k in rows[VARIANTS[0]]}
    for variant, row in rows.items():
        out = {"variant": variant, "n": len(row["same"]),
               "same_verdicts": round(sum(row["same"]) / len(row["same"]), 3)}
        for name in engines:
            out[f"{name}_verify_top1"] = round(sum(row[f"{name}_right"]) / len(row["same"]), 3)
            out[f"{name}_search_top1"] = round(sum(row[f"{name}_first"]) / len(row["same"]), 3)
            out[f"{name}_verify_ms"] = [round(statistics.median(row[f"{name}_ms"]), 1),
                                        round(_p95(row[f"{name}_ms"]), 1)]
            out[f"{name}_search_ms"] = [round(statistics.median(row[f"{name}_search_ms"]), 1),
                                        round(_p95(row[f"{name}_search_ms"]), 1)]
        out["verify_ratio"] = round(out["opensearch_verify_ms"][0] / out["whoosh_verify_ms"][0], 2)
        out["search_ratio"] = round(out["opensearch_search_ms"][0] / out["whoosh_search_ms"][0], 2)
        print(json.dumps(out))
    whoosh.close()
    cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
