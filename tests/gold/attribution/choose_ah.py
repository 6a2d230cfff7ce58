"""Choose the documents of part AH of the attribution gold (issue 11, session 44; PART-AH.md).

Part AH is **fresh development material** drawn after every other part of the attribution gold
(A to AG, J's keys only read), `quotes.json` and the speakers gold: the last TEI turns of the
Assemblée nationale (`an-mariage-pour-tous-2013-tei`) holding a speech-like mark pair, counted as
`choose_k.py` counts them. Three strata, every turn of the first two, counted before any text was
read (10 and 6 turns):

1. `tei-clause`: the turns with 1 to 8 pairs whose marks hold a clause (four words or more, no
   cue), by part U's rule (`choose_u.draw`: any cue or wider cue turn left would come first);
2. `tei-clause-many`: the turns with more than 8 pairs, a cue or a clause among them (never drawn
   by an earlier part);
3. `tei-short-cue`: the turns whose pairs all hold one to three words, with part P's wider cue
   (`choose_p.WIDE_CUE`, « a déclaré », « selon », « ces mots » …) within 150 characters before an
   opening mark, up to 36 turns in all (49 such turns at the draw); then, a second batch
   decided after the first 36 turns were annotated (25 speech quotations in 128 pairs) and before
   any of it was read, as part P's: **every** other short cue turn, in the same order (29 turns),
   so that no fresh TEI turn with a speech-like pair is left.

Strata 2 and 3 in the seeded order `sha1("verbatim-issue-11-part-ah:" + source + ":" + record)`.
It counts marks and cues only, never the extractor's output; run it from the repository:
`python tests/gold/attribution/choose_ah.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import choose_k  # noqa: E402  (beside this file; it puts the repository on the path)
import choose_o  # noqa: E402
import choose_p  # noqa: E402
import choose_u  # noqa: E402

SEED = "verbatim-issue-11-part-ah:"
# Every turn of the first two strata (16 at the draw), then short cue turns up to 36 in all: about
# 140 pairs, what one annotator reads carefully in the hour of a session.
TAKEN = 36
# The second batch (PART-AH.md): the rest of the short cue turns, the stock spent.
SECOND_TAKEN = 29


def short_cued(corpus: Path, seen: set, seed: str = SEED) -> list[dict]:
    """The fresh turns whose pairs all hold one to three words, a wider cue (part P's) within 150
    characters before an opening mark, in the seeded order."""
    rows = []
    for path in sorted((corpus / choose_k.TEI).glob("*.xml")):
        source = f"{choose_k.TEI}/{path.name}"
        for doc in choose_k.gold_file_documents({"source": source}, corpus):
            if (source, doc.record) in seen:
                continue
            text, found = doc.text, choose_k.pairs(doc.text)
            if not found or any(len(text[o + 1 : c].split()) >= 4 for o, c in found):
                continue
            if any(choose_p.WIDE_CUE.search(text[max(0, o - 150) : o]) for o, _ in found):
                row = {"source": source, "record": doc.record, "pairs": len(found)}
                rows.append({**row, "rank": choose_k.rank(source, doc.record, seed)})
    return [{**r, "stratum": "tei-short-cue"} for r in sorted(rows, key=lambda r: r["rank"])]


def choose(corpus: Path) -> list[dict]:
    """The documents of part AH: the clause turns with 1 to 8 pairs, the turns with more, the
    short cue turns up to 36 turns in all, then the second batch (the other short cue turns)."""
    seen = choose_o.seen(drawn="AH")
    few = [
        {k: v for k, v in r.items() if k not in ("order", "part")}
        for r in choose_u.draw(corpus, "AH", SEED, 10**6)
    ]
    cue, clause = choose_k.tei_strata(corpus, seen, seed=SEED, max_pairs=10**6)
    many = [
        {**r, "stratum": "tei-clause-many"} for r in cue + clause if r["pairs"] > choose_u.MAX_PAIRS
    ]
    chosen = few + sorted(many, key=lambda r: r["rank"])
    short = short_cued(corpus, seen)
    first = TAKEN - len(chosen)
    chosen += short[:first]
    chosen += [{**r, "stratum": "tei-short-cue-second"} for r in short[first:][:SECOND_TAKEN]]
    return [{"order": order, "part": "AH", **row} for order, row in enumerate(chosen, 1)]


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
