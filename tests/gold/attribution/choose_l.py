"""Choose the documents of parts L and M of the attribution gold (issue 11, session 14;
PART-L.md, PART-M.md).

Parts L and M are fresh debate material drawn after parts A to K: TEI turns of the Assemblée
nationale holding quotation mark pairs, a citation-cue stratum and a stratum of turns whose marks
hold a clause, as part K's (`choose_k.py`, whose counting this reuses), with a new seed. The
chosen turns are then split by a second seeded order: the first `L_TAKEN` go to part L
(development: tuned on), the rest to part M (a check scored as aggregates only, never inspected
nor tuned on). It counts marks and cues only, never the extractor's output; run it from the
repository: `python tests/gold/attribution/choose_l.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

_spec = importlib.util.spec_from_file_location("choose_k", HERE / "choose_k.py")
choose_k = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(choose_k)

SEED = "verbatim-issue-11-part-l:"
SPLIT_SEED = "verbatim-issue-11-part-l-split:"
# Few enough pairs that a turn is read whole; as many cue turns as clause turns.
MAX_PAIRS = 8
CUE_TAKEN = 25
CLAUSE_TAKEN = 25
L_TAKEN = 30  # the first of the split order; the other 20 are part M


def choose(corpus: Path) -> list[dict]:
    """The documents of parts L and M, each with its `part`, in the split order."""
    seen = choose_k.annotated(drawn=("L", "M"))
    cue, clause = choose_k.tei_strata(corpus, seen, seed=SEED, max_pairs=MAX_PAIRS)
    chosen = cue[:CUE_TAKEN] + clause[:CLAUSE_TAKEN]
    chosen.sort(key=lambda r: choose_k.rank(r["source"], r["record"], SPLIT_SEED))
    return [
        {"order": order, "part": "L" if order <= L_TAKEN else "M", **row}
        for order, row in enumerate(chosen, 1)
    ]


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
