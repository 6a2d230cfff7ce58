"""Choose the documents of part AB of the attribution gold (issue 11, session 31; PART-AB.md).

Part AB is a **fresh blind check** drawn after every other part of the attribution gold (A to AA,
J's keys only read), `quotes.json` and the speakers gold: the TEI turns of the Assemblée
nationale (`an-mariage-pour-tous-2013-tei`) that are left, 1 to 8 mark pairs each, counted as
`choose_k.py` counts them. Part R, a debates' check since session 17, becomes development
material in session 31 and AB is the fresh check beside AA. The stock of cue turns (`tei-cue`,
`tei-cue-wide`) was empty after part U, so part AB takes, as parts V, X, Y, Z and AA did, the
first turns whose marks hold a clause (`tei-clause`, four words or more between a pair, no cue)
in the seeded order `sha1("verbatim-issue-11-part-ab:" + source + ":" + record)`; any cue turn
found left would come first. It takes 40 turns, as parts V, X, Y and AA. Part AB is a check,
read only when named (`CHECK_PARTS`): nobody tunes on it. It counts marks and cues only, never
the extractor's output; run it from the repository:
`python tests/gold/attribution/choose_ab.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import choose_k  # noqa: E402  (beside this file; it puts the repository on the path)
import choose_u  # noqa: E402

SEED = "verbatim-issue-11-part-ab:"
TAKEN = 40


def choose(corpus: Path) -> list[dict]:
    """The documents of part AB: any cue turn left, then clause turns up to 40, by part U's rule
    (`choose_u.draw`, 1 to 8 pairs; `choose_o.seen(drawn="AB")` leaves out parts A to AA)."""
    return choose_u.draw(corpus, "AB", SEED, TAKEN)


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
