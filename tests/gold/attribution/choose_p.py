"""Choose the documents of part P of the attribution gold (issue 11, session 16; PART-P.md).

Part P is a fresh blind check drawn after parts A to O and J and the speakers gold, larger than
part O and weighted as part J's TEI turns were: 30 turns with a citation cue before a mark and
10 turns whose marks hold a clause, counted as `choose_k.py` counts them (1 to 8 mark pairs),
with a new seed. Part K's cue stratum is nearly spent (7 fresh turns, counted before any text
was read), so the cue turns are those 7 (`tei-cue`) and the first 23 of a wider cue, a verb of
speech in the third person, « selon », « en ces termes » … (`tei-cue-wide`); the clause turns
have neither cue (`tei-clause`). It leaves out every document of the attribution gold (parts A
to O and J, both folders: keys only), `quotes.json`, and the speakers gold
(`tests/gold/speakers/*.json`). It counts marks and cues only, never the extractor's output;
run it from the repository:
`python tests/gold/attribution/choose_p.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import choose_k  # noqa: E402  (beside this file; it puts the repository on the path)
import choose_o  # noqa: E402

SEED = "verbatim-issue-11-part-p:"
# Part O's bound; J's TEI make-up (most of its speech quotations in cue turns): 3 cue to 1 clause.
MAX_PAIRS = 8
CUE_TAKEN = 30  # every fresh `tei-cue` turn (7), then the `tei-cue-wide` turns up to 30
CLAUSE_TAKEN = 10
# A second batch, decided after the first was scored at the session's base and before any of
# it was read: the next 10 `tei-cue-wide` turns of the same order (PART-P.md).
SECOND_TAKEN = 10
# The wider cue, within 150 characters before an opening mark, as whole words: someone's words
# reported in the third person (« a déclaré », « rappelait », « explique »), « selon », a
# sentence or words pointed at (« cette phrase », « ces mots », « en ces termes »), a reading.
WIDE_CUE = re.compile(
    r"\b(?:(?:a|avait|ont|avaient) (?:\w+ )?(?:dit|déclaré|affirmé|écrit|rappelé|souligné|expliqué"
    r"|ajouté|indiqué|précisé|répondu|proclamé|lancé)"
    r"|disait|déclarait|affirmait|écrivait|rappelait|soulignait|expliquait|ajoutait|indiquait"
    r"|précisait|répondait|déclare|affirme|écrit|rappelle|souligne|explique|ajoute|précise|répond"
    r"|disant|déclarant|affirmant|écrivant|expliquant|selon|en ces termes|cette phrase|ces mots"
    r"|la formule|je vous lis|lire)\b",
    re.IGNORECASE,
)


def seen() -> set[tuple[str, str | None]]:
    """(source, record) of every document annotated before part P (`choose_o.seen`)."""
    return choose_o.seen(drawn="P")


def widely_cued(corpus: Path, rows: list[dict]) -> set[tuple[str, str | None]]:
    """(source, record) of the turns among `rows` with a wider cue before an opening mark."""
    keys = {(r["source"], r["record"]) for r in rows}
    found = set()
    for source in sorted({r["source"] for r in rows}):
        for doc in choose_k.gold_file_documents({"source": source}, corpus):
            if (source, doc.record) not in keys:
                continue
            text = doc.text
            if any(WIDE_CUE.search(text[max(0, o - 150) : o]) for o, _ in choose_k.pairs(text)):
                found.add((source, doc.record))
    return found


def choose(corpus: Path) -> list[dict]:
    """The documents of part P: the cue turns, the wider cue turns, the clause turns, then the
    second batch (the next wider cue turns)."""
    cue, clause = choose_k.tei_strata(corpus, seen(), seed=SEED, max_pairs=MAX_PAIRS)
    wide = widely_cued(corpus, clause)
    cued = [{**r, "stratum": "tei-cue-wide"} for r in clause if (r["source"], r["record"]) in wide]
    plain = [r for r in clause if (r["source"], r["record"]) not in wide]
    wide_taken = max(0, CUE_TAKEN - len(cue))
    second = [{**r, "stratum": "tei-second-batch"} for r in cued[wide_taken:][:SECOND_TAKEN]]
    cue = cue + cued[:wide_taken]
    chosen = cue[:CUE_TAKEN] + plain[:CLAUSE_TAKEN] + second
    return [{"order": order, "part": "P", **row} for order, row in enumerate(chosen, 1)]


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
