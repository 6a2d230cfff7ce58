"""Choose the documents of part O of the attribution gold (issue 11, session 15; PART-O.md).

Part O is a fresh check drawn after parts A to M: TEI turns of the Assemblée nationale holding
quotation mark pairs, the two strata of parts L and M (a citation cue before a mark, or no cue
and a pair holding a clause), counted as `choose_k.py` counts them, with a new seed. It leaves
out every document of the attribution gold (parts A to M and J, both folders: keys only),
`quotes.json`, and the speakers gold (`tests/gold/speakers/*.json`, part N). It counts marks
and cues only, never the extractor's output; run it from the repository:
`python tests/gold/attribution/choose_o.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import choose_k  # noqa: E402  (beside this file; it puts the repository on the path)

SEED = "verbatim-issue-11-part-o:"
SPEAKERS_GOLD = HERE.parent / "speakers"
# Parts L and M's bound; half cue turns, half clause turns, as L and M together.
MAX_PAIRS = 8
CUE_TAKEN = 10
CLAUSE_TAKEN = 10


def seen(drawn: str | tuple[str, ...] = "O") -> set[tuple[str, str | None]]:
    """(source, record) of every document annotated before part `drawn` (a part's name, « Z » or
    « AA », or the names of the parts drawn together): the attribution gold, all its other parts
    (`choose_k.annotated`, the parts being drawn left out), and the speakers gold."""
    keys = choose_k.annotated(drawn=(drawn,) if isinstance(drawn, str) else drawn)
    for path in sorted(SPEAKERS_GOLD.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        keys |= {(e["source"], e["record"]) for e in data["documents"]}
    return keys


def choose(corpus: Path) -> list[dict]:
    """The documents of part O: the first cue turns, then the first clause turns."""
    cue, clause = choose_k.tei_strata(corpus, seen(), seed=SEED, max_pairs=MAX_PAIRS)
    chosen = cue[:CUE_TAKEN] + clause[:CLAUSE_TAKEN]
    return [{"order": order, "part": "O", **row} for order, row in enumerate(chosen, 1)]


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
