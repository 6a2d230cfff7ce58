"""Choose the documents of parts Q and R of the attribution gold (issue 11, session 17; PART-Q.md).

Parts Q and R are a **decision set** drawn after parts A to P and J and the speakers gold: the
fresh TEI turns of the Assemblée nationale that are left, annotated blind and split in two by
the seeded order. Q (odd places) is development material a round may tune on; R (even places)
is its held-out twin, a check read only when named (`CHECK_PARTS`), never inspected. Strata as
part P counted them (`choose_p.py`): turns with a wider cue before a mark (`tei-cue-wide`,
part K's cue list is spent) first, then turns whose marks hold a clause (`tei-clause`). It
counts marks and cues only, never the extractor's output; run it from the repository:
`python tests/gold/attribution/choose_q.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import choose_k  # noqa: E402  (beside this file; it puts the repository on the path)
import choose_o  # noqa: E402
import choose_p  # noqa: E402

SEED = "verbatim-issue-11-part-q:"
MAX_PAIRS = 8
# Weighted as parts J and P: most speech quotations in cue turns. 60 + 40 turns in all, each
# stratum alternating Q, R down its seeded order.
CUE_TAKEN = 60
CLAUSE_TAKEN = 40


def choose(corpus: Path) -> list[dict]:
    """The documents of parts Q and R: the wider cue turns, then the clause turns, alternating."""
    seen = choose_o.seen(drawn=("Q", "R"))
    cue, clause = choose_k.tei_strata(corpus, seen, seed=SEED, max_pairs=MAX_PAIRS)
    wide = choose_p.widely_cued(corpus, clause)
    cued = [{**r, "stratum": "tei-cue-wide"} for r in clause if (r["source"], r["record"]) in wide]
    plain = [r for r in clause if (r["source"], r["record"]) not in wide]
    chosen = cue + cued[: max(0, CUE_TAKEN - len(cue))] + plain[:CLAUSE_TAKEN]
    rows = []
    for stratum in ("tei-cue", "tei-cue-wide", "tei-clause"):
        for place, row in enumerate(r for r in chosen if r["stratum"] == stratum):
            rows.append({"part": "QR"[place % 2], **row})
    return [{"order": order, **row} for order, row in enumerate(rows, 1)]


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
