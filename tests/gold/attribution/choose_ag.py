"""Choose the documents of part AG of the attribution gold (issue 11, session 34; PART-AG.md).

Part AG is a **fresh blind check** drawn after every other part of the attribution gold (A to AF,
J's keys only read), `quotes.json` and the speakers gold: the TEI turns of the Assemblée
nationale (`an-mariage-pour-tous-2013-tei`) that are left, 1 to 8 mark pairs each, counted as
`choose_k.py` counts them. It is drawn by part AB's rule, as part AF: the stock of cue turns
(`tei-cue`, `tei-cue-wide`) being empty since part U, the first turns whose marks hold a clause
(`tei-clause`, four words or more between a pair, no cue) in the seeded order
`sha1("verbatim-issue-11-part-ag:" + source + ":" + record)`; any cue turn found left would come
first. It takes 40 turns, as parts V, X, Y, AA to AD and AF, of the about 50 clause turns left
after part AF. Part AG is a check, read only when named (`CHECK_PARTS`): nobody tunes on it. It
counts marks and cues only, never the extractor's output; run it from the repository:
`python tests/gold/attribution/choose_ag.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import choose_k  # noqa: E402  (beside this file; it puts the repository on the path)
import choose_u  # noqa: E402

SEED = "verbatim-issue-11-part-ag:"
TAKEN = 40


def choose(corpus: Path) -> list[dict]:
    """The documents of part AG: any cue turn left, then clause turns up to 40, by part U's rule
    (`choose_u.draw`, 1 to 8 pairs; `choose_o.seen(drawn="AG")` leaves out parts A to AF)."""
    return choose_u.draw(corpus, "AG", SEED, TAKEN)


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
