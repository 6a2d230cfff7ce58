"""Choose the sittings of part AE of the attribution gold (issue 11, session 33; PART-AE.md).

Part AE is a fresh blind check of **document speakers (with their functions), kind and date**
on whole Hansard sittings (`hansard-canada-36e-fr`, Training and Testing, one file each, as the
readers make them: per file, `file_sha1`) that no part of the gold holds
(`choose_o.seen(drawn="AE")`: every part, J's keys only, quotes.json and the speakers gold).

Strata are the chamber the file name gives (`house`, `senate`); each takes its first 4 sittings
in the seeded order `sha1("verbatim-issue-11-part-ae:" + source)`, among the sittings holding
**5 to 50 distinct speaker labels followed by a line of text** (a label is a line such as
« M. Bob Wood (Nipissing, Lib.): » or « L'honorable Sharon Carstairs : », counted as written).
The bound was fixed before any text was read: the House stock under 40 labels holds a single
sitting, under 50 some thirty; the bound keeps the four House sittings from outweighing the
Senate ones tenfold and keeps a sitting annotatable by hand in one session. It counts labels
only, never the extractor's output; run it from the repository:
`python tests/gold/attribution/choose_ae.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import choose_k  # noqa: E402  (beside this file; it puts the repository on the path)
import choose_o  # noqa: E402

SEED = "verbatim-issue-11-part-ae:"
QUOTAS = {"hansard-house": 4, "hansard-senate": 4}
MIN_LABELS, MAX_LABELS = 5, 50
# A speaker label alone on its line, in either chamber: « M. X (circonscription, parti): »,
# « L'hon. X (fonction, Lib.): », « Le tres hon. X », « L'honorable X : », « Son Honneur le
# President : », « Le president suppleant (M. X): »; « Des voix: » is nobody's.
LABEL = re.compile(
    r"^(?:M\.|Mme|Mlle|L'hon\.|Le tres hon\.|La tres hon\.|L'honorable|Son Honneur|Le senateur"
    r"|La senatrice|Le president|La presidente|Le vice-president|La vice-presidente)"
    r"[^\n]{0,160}:\s*$"
)


def labels(text: str) -> int:
    """Distinct speaker labels (as written) followed by a line of text that is no label: part
    K's count of Senate labels, with labels of both chambers."""
    return choose_k.senate_speakers(text, LABEL)


def rank(source: str) -> str:
    """The seeded order: sha1 of the seed and the file's path under the corpus."""
    return hashlib.sha1(f"{SEED}{source}".encode()).hexdigest()


def candidates(corpus: Path) -> dict[str, list[dict]]:
    """The fresh sittings of each chamber within the bound, in the seeded order."""
    seen = choose_o.seen(drawn="AE")
    strata: dict[str, list[dict]] = {name: [] for name in QUOTAS}
    for path in sorted((corpus / choose_k.HANSARD).glob("*/*.f")):
        source = str(path.relative_to(corpus))
        if (source, None) in seen:
            continue
        count = labels(path.read_text(encoding="latin-1"))
        if MIN_LABELS <= count <= MAX_LABELS:
            stratum = "hansard-senate" if ".senate." in path.name else "hansard-house"
            strata[stratum].append(
                {
                    "source": source,
                    "record": None,
                    "labels": count,
                    "rank": rank(source),
                    "stratum": stratum,
                }
            )
    return {name: sorted(rows, key=lambda r: r["rank"]) for name, rows in strata.items()}


def choose(corpus: Path) -> list[dict]:
    """The sittings of part AE: each chamber's quota from its seeded order, House first."""
    chosen = [row for name, rows in candidates(corpus).items() for row in rows[: QUOTAS[name]]]
    return [{"order": order, "part": "AE", **row} for order, row in enumerate(chosen, 1)]


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
