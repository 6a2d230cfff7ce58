"""Choose the rows of part T of the attribution gold (issue 11, session 17; PART-T.md).

Part T is a fresh blind check of **document speakers (with their functions), kind and date** on
vie-publique rows (both CSVs, as the readers make them) that no part of the gold holds: after
part S the fresh rows hold no quotation mark, so T checks what the extractor finds of a row
itself. It leaves out every document of the gold (`choose_o.seen(drawn="T")`: every part, part
S included, J's keys only, quotes.json and the speakers gold) and every **twin** of one, and keeps
one row of fresh twins: two rows are twins when they share half of the smaller one's runs of
five words (`choose_s.twin`) in their title and text together. The title is counted with the
text because many fresh rows are stubs (an interview's text is one or two lines naming the
station): stubs of different interviews share their boilerplate, not their title; a row
repeated in two files shares both.

Strata are the row's kind as the CSV states it, its title's first words (as part A's strata):
*Déclaration(s)*, *Allocution*, *Discours*, *Extraits d'une déclaration* → declarations;
*Interview*, *Entretien*, *Extraits d'un entretien* → interviews; anything else (Conseil des
ministres, Communiqué, Point de presse) → other kinds. Quotas are part S's vie-publique weights
(12 declarations, 10 interviews, 6 others) brought to 40 rows and fixed before any text was
read: 17 declarations, 14 interviews, 9 others, each stratum in the seeded order
`sha1("verbatim-issue-11-part-t:" + source + ":" + record)`. No length bound: a stub's title
names its speaker as a long row's does. It counts marks, words and the titles' first words only,
never the extractor's output; run it from the repository:
`python tests/gold/attribution/choose_t.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import choose_k  # noqa: E402  (beside this file; it puts the repository on the path)
import choose_o  # noqa: E402
from choose_s import VIE, documents, twin, vie_kind, words  # noqa: E402

SEED = "verbatim-issue-11-part-t:"
# Part S's vie-publique weights (12 : 10 : 6) brought to 40 rows.
QUOTAS = {"vp-declaration": 17, "vp-interview": 14, "vp-other": 9}


def row_kind(title: str) -> str:
    """The stratum the title's first words give: part S's `vie_kind`, and « Extraits d'une
    déclaration » / « Extraits d'un entretien » (part A's strata) by the noun that follows."""
    found = title.lower().split()
    if found[:1] == ["extraits"] and len(found) > 2:
        return vie_kind(found[2])
    return vie_kind(title)


def bag(doc) -> frozenset[tuple[str, ...]]:
    """The runs of five words of a row's title and text together."""
    return words(f"{doc.title}\n{doc.text}")


def candidates(corpus: Path) -> dict[str, list[dict]]:
    """The fresh rows of each stratum in the seeded order, twins of annotated rows left out."""
    seen = choose_o.seen(drawn="T")
    read = [
        (f"{VIE}/{path.name}", doc)
        for path in sorted((corpus / VIE).glob("*.csv"))
        for doc in documents(corpus, f"{VIE}/{path.name}", None)
    ]
    annotated = [bag(doc) for source, doc in read if (source, doc.record) in seen]
    strata: dict[str, list[dict]] = {name: [] for name in QUOTAS}
    for source, doc in read:
        if (source, doc.record) in seen or twin(bag(doc), annotated):
            continue
        stratum = row_kind(doc.title)
        strata[stratum].append(
            {
                "source": source,
                "record": doc.record,
                "pairs": len(choose_k.pairs(doc.text)),
                "chars": len(doc.text),
                "rank": choose_k.rank(source, doc.record, SEED),
                "stratum": stratum,
                "_words": bag(doc),
            }
        )
    return {name: sorted(rows, key=lambda r: r["rank"]) for name, rows in strata.items()}


def choose(corpus: Path) -> list[dict]:
    """The rows of part T: each stratum's quota from its seeded order, in the order of QUOTAS,
    a row that is a twin of one taken before passed over."""
    chosen: list[dict] = []
    taken: list[frozenset[tuple[str, ...]]] = []
    for name, rows in candidates(corpus).items():
        count = 0
        for row in rows:
            bag_ = row.pop("_words")
            if count == QUOTAS[name] or twin(bag_, taken):
                continue
            chosen.append(row)
            taken.append(bag_)
            count += 1
    return [{"order": order, "part": "T", **row} for order, row in enumerate(chosen, 1)]


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
