"""Choose the documents of part S of the attribution gold (issue 11, session 17; PART-S.md).

Part S is a fresh blind check of every source but the debates: vie-publique rows (the CSVs, as
the readers make them), luxleaks releases (Markdown, HTML, PDF), the drupalfr PDFs, Hansard and
the demo corpus (`demo:` sources, corpus/documents). Strata and quotas were fixed before any
text was read (the brief of session 17): documents holding 1 to 12 quotation mark pairs
(`choose_k.pairs`), 10 vie-publique interviews or entretiens, 12 declarations, 6 of other
kinds, 8 luxleaks releases spread over the formats, 4 drupalfr documents, 4 Hansard documents,
6 demo documents, each stratum in the seeded order `sha1("verbatim-issue-11-part-s:" + source
+ ":" + record)`. It leaves out every document of the gold (`choose_o.seen`: every part, J's
keys only, quotes.json and the speakers gold) and every **twin** of one: the same text in
another format or another file (a luxleaks release in HTML when its Markdown is annotated), found
by the runs of five words they share, not by reading.

Counted before reading (PART-S.md), the stock is nearly spent: every vie-publique row holding a
mark pair is already in the gold (the fresh rows hold no quotation mark at all), both drupalfr
PDFs and every demo document are annotated, and the Hansard files hold no quotation mark. So
the strata are filled as far as they go, and two fall-backs, fixed before reading too, keep
the part a check of document speakers where no quotation is left: vie-publique rows without a
mark (500 characters or more; the brief's quotas, 10 interviews or entretiens, 12 declarations,
6 of other kinds), 2 luxleaks releases without a mark (one format each), and 4 Hansard turns
(300 characters or more, no mark). It counts marks, words and the titles' first word only,
never the extractor's output; run it from the repository:
`python tests/gold/attribution/choose_s.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import choose_k  # noqa: E402  (beside this file; it puts the repository on the path)
import choose_o  # noqa: E402

from bench.extraction import DEMO  # noqa: E402

SEED = "verbatim-issue-11-part-s:"
MAX_PAIRS = 12
VIE = "vie-publique-discours"
LUX = "luxleaks-communiques"
DRUPAL = "drupalfr-dcrennes2024-presse"
HANSARD = choose_k.HANSARD
# The brief's quotas, documents holding 1 to MAX_PAIRS pairs.
QUOTAS = {
    "vp-interview": 10,
    "vp-declaration": 12,
    "vp-other": 6,
    "luxleaks": 8,
    "drupalfr": 4,
    "hansard": 4,
    "demo": 6,
}
# The fall-backs where no document with a pair is left: vie-publique rows and luxleaks releases
# without a mark (a check of document speakers, kind and date); Hansard's turns are its own
# stratum's (its files hold no mark).
FALLBACK = {
    "vp-interview-speakers": 10,
    "vp-declaration-speakers": 12,
    "vp-other-speakers": 6,
    "luxleaks-speakers": 2,
}
FALLBACK_CHARS = 500
HANSARD_MIN_CHARS = 300
# Two documents are twins when this share of the smaller one's runs of five words are the
# other's: a release in two formats, a row repeated in two files.
TWIN_SHARE = 0.5
WORD = re.compile(r"\w+")
RUN = 5
LUX_FORMATS = ("markdown", "html", "pdf")


def words(text: str) -> frozenset[tuple[str, ...]]:
    """The runs of RUN consecutive words of a text, lower-cased."""
    found = [w.lower() for w in WORD.findall(text)]
    return frozenset(tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1))


def twin(bag: frozenset[tuple[str, ...]], others: list[frozenset[tuple[str, ...]]]) -> bool:
    """Whether `bag` shares TWIN_SHARE of the smaller set's runs with one of `others`."""
    return any(
        len(bag & other) >= TWIN_SHARE * min(len(bag), len(other)) for other in others if other
    )


def vie_kind(title: str) -> str:
    """The vie-publique stratum a row's title gives: its first word."""
    first = (title.split() or [""])[0].lower()
    if first in ("interview", "entretien"):
        return "vp-interview"
    if first in ("déclaration", "déclarations", "allocution", "discours"):
        return "vp-declaration"
    return "vp-other"


def files(corpus: Path) -> list[tuple[str, str, str | None]]:
    """(stratum family, source, reader format) of every file of the sources but the debates."""
    found = [("vie", f"{VIE}/{p.name}", None) for p in sorted((corpus / VIE).glob("*.csv"))]
    for fmt in LUX_FORMATS:
        found += [
            ("luxleaks", f"{LUX}/{fmt}/{p.name}", None)
            for p in sorted((corpus / LUX / fmt).glob("*"))
        ]
    found += [("drupalfr", f"{DRUPAL}/{p.name}", None) for p in sorted((corpus / DRUPAL).glob("*"))]
    found += [
        ("hansard", str(p.relative_to(corpus)), "txt")
        for p in sorted((corpus / HANSARD).glob("*/*.f"))
    ]
    for path in sorted(p for p in DEMO.glob("*/*") if p.is_file()):
        found.append(("demo", f"demo:{path.relative_to(DEMO)}", None))
    return found


def documents(corpus: Path, source: str, fmt: str | None) -> list:
    try:
        return choose_k.gold_file_documents({"source": source, "format": fmt}, corpus)
    except Exception:  # a file no reader makes a document of (the demo's metadata.csv)
        return []


def candidates(corpus: Path) -> dict[str, list[dict]]:
    """The fresh documents of each stratum (main and fall-back), in the seeded order."""
    seen = choose_o.seen(drawn="S")
    read = [
        (family, source, documents(corpus, source, fmt)) for family, source, fmt in files(corpus)
    ]
    # The annotated documents' words, by family (a twin is looked for in the same source).
    annotated: dict[str, list[frozenset[tuple[str, ...]]]] = {}
    for family, source, docs in read:
        if family == "hansard":
            continue
        annotated.setdefault(family, []).extend(
            words(d.text) for d in docs if (source, d.record) in seen
        )
    strata: dict[str, list[dict]] = {name: [] for name in (*QUOTAS, *FALLBACK)}
    for family, source, docs in read:
        for doc in docs:
            if (source, doc.record) in seen:
                continue
            count = len(choose_k.pairs(doc.text))
            row = {"source": source, "record": doc.record, "pairs": count}
            row["rank"] = choose_k.rank(source, doc.record, SEED)
            if family == "hansard":
                if count <= MAX_PAIRS and len(doc.text) >= HANSARD_MIN_CHARS:
                    strata["hansard"].append({**row, "stratum": "hansard"})
                continue
            if twin(words(doc.text), annotated.get(family, [])):
                continue
            stratum = vie_kind(doc.title) if family == "vie" else family
            if 1 <= count <= MAX_PAIRS:
                strata[stratum].append({**row, "stratum": stratum})
            elif family in ("vie", "luxleaks") and not count and len(doc.text) >= FALLBACK_CHARS:
                strata[f"{stratum}-speakers"].append({**row, "stratum": f"{stratum}-speakers"})
    return {name: sorted(rows, key=lambda r: r["rank"]) for name, rows in strata.items()}


def one_format_each(rows: list[dict]) -> list[dict]:
    """The luxleaks rows with twins among themselves (a fresh release in two formats) reduced to
    the first of the seeded order, then spread over the formats: the order is kept within each
    format and the formats taken in turn."""
    kept: list[dict] = []
    bags: list[frozenset[tuple[str, ...]]] = []
    for row in rows:
        bag = row.pop("_words")
        if not twin(bag, bags):
            kept.append(row)
            bags.append(bag)
    by_format = {fmt: [r for r in kept if r["source"].split("/")[1] == fmt] for fmt in LUX_FORMATS}
    spread = []
    while any(by_format.values()):
        for fmt in LUX_FORMATS:
            if by_format[fmt]:
                spread.append(by_format[fmt].pop(0))
    return spread


def choose(corpus: Path) -> list[dict]:
    """The documents of part S: each stratum's quota from its seeded order, the fall-backs
    after, in the order of QUOTAS and FALLBACK."""
    strata = candidates(corpus)
    texts: dict[str, frozenset[tuple[str, ...]]] = {}
    for name in ("luxleaks", "luxleaks-speakers"):
        for row in strata[name]:
            if row["source"] not in texts:
                (doc,) = documents(corpus, row["source"], None)
                texts[row["source"]] = words(doc.text)
            row["_words"] = texts[row["source"]]
        strata[name] = one_format_each(strata[name])
    chosen = []
    for name, quota in (*QUOTAS.items(), *FALLBACK.items()):
        chosen += strata[name][:quota]
    return [{"order": order, "part": "S", **row} for order, row in enumerate(chosen, 1)]


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
