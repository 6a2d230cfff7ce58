"""Choose the documents of part U of the attribution gold (issue 11, session 18; PART-U.md).

Part U is a **fresh blind check** drawn after every other part of the attribution gold (A to T,
J's keys only read), `quotes.json` and the speakers gold: the TEI turns of the Assemblée
nationale (`an-mariage-pour-tous-2013-tei`) that are left, 1 to 8 mark pairs each, counted as
`choose_k.py` counts them. Strata as parts P, Q and R (`choose_p.py`): turns with part K's cue
(`tei-cue`, if any is left) or a wider cue before a mark (`tei-cue-wide`) first, every one that
is left, then turns whose marks hold a clause (`tei-clause`) up to 50 turns in all, each
stratum in the seeded order `sha1("verbatim-issue-11-part-u:" + source + ":" + record)`. Part U
is a check, read only when named (`CHECK_PARTS`): nobody tunes on it. It counts marks and cues
only, never the extractor's output; run it from the repository:
`python tests/gold/attribution/choose_u.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import choose_k  # noqa: E402  (beside this file; it puts the repository on the path)
import choose_o  # noqa: E402
import choose_p  # noqa: E402

SEED = "verbatim-issue-11-part-u:"
MAX_PAIRS = 8
# Every cue turn left (about 27 counted before any text was read), then clause turns up to 50.
TAKEN = 50


def choose(corpus: Path) -> list[dict]:
    """The documents of part U: every cue and wider cue turn left, then the clause turns."""
    return draw(corpus, "U", SEED, TAKEN)


def draw(corpus: Path, part: str, seed: str, taken: int) -> list[dict]:
    """The fresh TEI turns of a debate check (part U's rule, part V's too): every cue and wider
    cue turn left, then clause turns up to `taken` turns in all, each stratum in its seeded
    order; the other parts, quotes.json and the speakers gold left out."""
    cue, clause = choose_k.tei_strata(
        corpus, choose_o.seen(drawn=part), seed=seed, max_pairs=MAX_PAIRS
    )
    wide = choose_p.widely_cued(corpus, clause)
    cued = [{**r, "stratum": "tei-cue-wide"} for r in clause if (r["source"], r["record"]) in wide]
    plain = [r for r in clause if (r["source"], r["record"]) not in wide]
    chosen = (cue + cued)[:taken]
    chosen += plain[: taken - len(chosen)]
    return [{"order": order, "part": part, **row} for order, row in enumerate(chosen, 1)]


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
