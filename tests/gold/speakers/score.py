"""Score the document speakers, kinds and dates of part N of the speakers gold (issue 11).

Each file is read once and its titles' functions learnt from it, then `enrich_document` runs on
the annotated documents, as `bench.extraction` does for the attribution gold (the same name
matching: folded, a bare surname matching a full name, a gold speaker matching through an
alias). The `check` half is reported as aggregates only: `--errors` lists the `dev` half's
misses and refuses the other. Run from the repository:
`python tests/gold/speakers/score.py [--half dev|check] [--errors] [--json]`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.extraction import (  # noqa: E402
    DEFAULT_CORPUS,
    _speaker_names,
    gold_units,
    hidden,
    same_person,
)
from indexer.extract import enrich_document  # noqa: E402

GOLD = HERE / "n-fresh.json"


def score(half: str, corpus: Path = DEFAULT_CORPUS, gold: Path = GOLD) -> dict:
    """Speakers P/R (overall, without Hansard, per stratum), kind and date accuracy, misses."""
    entries = [e for e in json.loads(gold.read_text(encoding="utf-8"))["documents"]]
    entries = [e for e in entries if e["half"] == half]
    totals: dict[str, list[int]] = {}  # group -> [tp, fp, fn]
    kinds = [0, 0]
    dates = [0, 0]
    errors: list[str] = []
    seconds = 0.0
    scored = 0
    for entry, unit, roles in gold_units(entries, corpus):
        scored += 1
        started = time.perf_counter()
        outs = [enrich_document(hidden(doc), roles=roles) for doc in unit]
        seconds += time.perf_counter() - started
        names = _speaker_names(entry)
        predicted = list(dict.fromkeys(s.name for out in outs for s in out.speakers))
        hit = sum(any(same_person(n, p) for n in ns for p in predicted) for ns in names)
        wrong = [p for p in predicted if not any(same_person(n, p) for ns in names for n in ns)]
        groups = [
            "all",
            entry["stratum"].split("-")[0] if "vp-" not in entry["stratum"] else entry["stratum"],
        ]
        if not entry["source"].startswith("hansard"):
            groups.append("without Hansard")
        for group in groups:
            row = totals.setdefault(group, [0, 0, 0])
            row[0], row[1], row[2] = row[0] + hit, row[1] + len(wrong), row[2] + len(names) - hit
        label = f"{entry['source'].split('/')[-1][:40]} {entry['record'] or ''}".strip()
        if wrong or hit < len(names):
            errors.append(f"SPK {label} gold={[n[0] for n in names]} got={predicted}")
        kinds[0] += 1
        kinds[1] += all(out.kind == entry["kind"] for out in outs)
        if not all(out.kind == entry["kind"] for out in outs):
            errors.append(
                f"KIND {label} gold={entry['kind']} got={sorted({str(o.kind) for o in outs})}"
            )
        if entry["date"]:
            dates[0] += 1
            right = all(str(out.date) == entry["date"] for out in outs)
            dates[1] += right
            if not right:
                errors.append(
                    f"DATE {label} gold={entry['date']} got={sorted({str(o.date) for o in outs})}"
                )

    def pr(row: list[int]) -> dict:
        tp, fp, fn = row
        return {
            "precision": tp / (tp + fp) if tp + fp else 0.0,
            "recall": tp / (tp + fn) if tp + fn else 0.0,
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }

    return {
        "half": half,
        "documents": scored,
        "stale": len(entries) - scored,
        "speakers": {group: pr(row) for group, row in sorted(totals.items())},
        "kind": {"scored": kinds[0], "right": kinds[1]},
        "date": {"scored": dates[0], "right": dates[1]},
        "enrich_seconds": seconds,
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("dev", "check"), default="dev")
    parser.add_argument("--errors", action="store_true", help="list the dev half's misses")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if args.errors and args.half != "dev":
        parser.error("the check half is scored as aggregates only: no --errors")
    result = score(args.half, args.corpus)
    if not args.errors:
        result.pop("errors")
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(
        f"part N, {result['half']} half: {result['documents']} documents ({result['stale']} stale)"
    )
    for group, row in result["speakers"].items():
        print(
            f"  speakers {group:28} P {row['precision']:.3f}  R {row['recall']:.3f}"
            f"  (tp {row['tp']}, fp {row['fp']}, fn {row['fn']})"
        )
    print(
        f"  kind {result['kind']['right']}/{result['kind']['scored']}"
        f"  date {result['date']['right']}/{result['date']['scored']}"
        f"  enrich {result['enrich_seconds']:.2f} s"
    )
    for line in result.get("errors", []):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
