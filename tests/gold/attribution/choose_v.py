"""Choose the documents of part V of the attribution gold (issue 11, session 20; PART-V.md).

Part V is a **fresh blind check** drawn after every other part of the attribution gold (A to U,
J's keys only read), `quotes.json` and the speakers gold: the TEI turns of the Assemblée
nationale (`an-mariage-pour-tous-2013-tei`) that are left, 1 to 8 mark pairs each, counted as
`choose_k.py` counts them. After part U the fresh stock of cue turns (`tei-cue`, and part P's
wider cue `tei-cue-wide`) with 1 to 8 pairs is empty, so part V takes the first 40 turns whose
marks hold a clause (`tei-clause`, four words or more between a pair, no cue) in the seeded
order `sha1("verbatim-issue-11-part-v:" + source + ":" + record)`; any cue turn found left
would come first (none was counted before the draw). Part V is a check, read only when named
(`CHECK_PARTS`): nobody tunes on it. It counts marks and cues only, never the extractor's
output; run it from the repository:
`python tests/gold/attribution/choose_v.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import choose_k  # noqa: E402  (beside this file; it puts the repository on the path)
import choose_u  # noqa: E402

SEED = "verbatim-issue-11-part-v:"
TAKEN = 40


def choose(corpus: Path) -> list[dict]:
    """The documents of part V: any cue turn left (none), then clause turns up to 40, by part
    U's rule (`choose_u.draw`, 1 to 8 pairs)."""
    return choose_u.draw(corpus, "V", SEED, TAKEN)


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
