"""Choose the documents of part W of the attribution gold (issue 11, session 21; PART-W.md).

Part W was asked as a fresh blind check of every source but the debates, weighted toward
vie-publique interviews and declarations, luxleaks releases in each format, drupalfr and Hansard.
Counted before any text was read, **no fresh document of those sources holds a quotation mark**:
the 84 vie-publique rows outside the gold and the 43,872 Hansard turns hold no « » “ ” or "
(Hansard is plain ASCII, its quotations unmarked: « Je cite : … »), and every luxleaks or demo
document holding a pair outside the gold is a **twin** (`choose_s.twin`) of an annotated one in
another format (part S found the same in session 17). So part W is what the stock allows, its
strata fixed from counts before reading:

* `format-twin` (16): luxleaks and demo releases holding 1 to 12 pairs whose annotated twin is
  development material (never a twin of part J, the held-out, nor of a check), one per release,
  the formats taken in turn (HTML, Markdown, PDF, demo). The rules know their words from the
  twin: the stratum measures the readers' formats (line breaks, links, layout), not fresh
  wording.
* `hansard-cite` (10): fresh Hansard turns of 300 to 5,000 characters holding « je cite »
  (unmarked quotations): a check of document speakers where the source has no mark.
* `vp-declaration-speakers` (7), `vp-other-speakers` (7): fresh vie-publique rows of 500
  characters or more without a mark (part S's fall-back, drawn again): document speakers, kind
  and date.

Each stratum is in the seeded order `sha1("verbatim-issue-11-part-w:" + source + ":" + record)`.
It counts marks, words and titles' first word only, never the extractor's output; run it from
the repository: `python tests/gold/attribution/choose_w.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import choose_k  # noqa: E402  (beside this file; it puts the repository on the path)
import choose_o  # noqa: E402
import choose_s  # noqa: E402

from bench.extraction import ATTRIBUTION, CHECK_PARTS  # noqa: E402

SEED = "verbatim-issue-11-part-w:"
MAX_PAIRS = 12
QUOTAS = {
    "format-twin": 16,
    "hansard-cite": 10,
    "vp-declaration-speakers": 7,
    "vp-other-speakers": 7,
}
CITE = re.compile(r"\bje cite\b", re.IGNORECASE)
HANSARD_CHARS = (300, 5000)
# The parts whose documents' twins may not be read: the held-out measure and the checks.
CLOSED = frozenset({"J"}) | CHECK_PARTS
TWIN_FORMATS = ("html", "markdown", "pdf", "demo")


def closed_keys() -> set[tuple[str, str | None]]:
    """(source, record) of every document of part J (keys only) and of the checks."""
    keys = set()
    for path in sorted(ATTRIBUTION.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("part") in CLOSED:
            keys |= {(e["source"], e["record"]) for e in data["documents"]}
    return keys


def twin_format(source: str) -> str:
    return "demo" if source.startswith("demo:") else source.split("/")[1]


def candidates(corpus: Path) -> dict[str, list[dict]]:
    """The candidates of each stratum, in the seeded order."""
    seen, closed = choose_o.seen(drawn="W"), closed_keys()
    read = [(f, s, choose_s.documents(corpus, s, fmt)) for f, s, fmt in choose_s.files(corpus)]
    annotated: dict[str, list[tuple[bool, frozenset]]] = {}
    for family, source, docs in read:
        if family in ("luxleaks", "demo"):
            annotated.setdefault(family, []).extend(
                ((source, d.record) in closed, choose_s.words(d.text))
                for d in docs
                if (source, d.record) in seen
            )
    strata: dict[str, list[dict]] = {name: [] for name in QUOTAS}
    for family, source, docs in read:
        for doc in docs:
            if (source, doc.record) in seen:
                continue
            count = len(choose_k.pairs(doc.text))
            row = {"source": source, "record": doc.record, "pairs": count}
            row["rank"] = choose_k.rank(source, doc.record, SEED)
            if family == "hansard":
                low, high = HANSARD_CHARS
                if low <= len(doc.text) <= high and CITE.search(doc.text):
                    strata["hansard-cite"].append({**row, "stratum": "hansard-cite"})
            elif family in ("luxleaks", "demo") and 1 <= count <= MAX_PAIRS:
                bag = choose_s.words(doc.text)
                twins = [shut for shut, other in annotated[family] if choose_s.twin(bag, [other])]
                if twins and not any(twins):
                    strata["format-twin"].append({**row, "stratum": "format-twin", "_words": bag})
            elif family == "vie" and not count and len(doc.text) >= choose_s.FALLBACK_CHARS:
                name = f"{choose_s.vie_kind(doc.title)}-speakers"
                if name in strata:
                    strata[name].append({**row, "stratum": name})
    return {name: sorted(rows, key=lambda r: r["rank"]) for name, rows in strata.items()}


def one_release_each(rows: list[dict]) -> list[dict]:
    """The format twins reduced to one document per release (the first of the seeded order),
    the formats then taken in turn."""
    kept, bags = [], []
    for row in rows:
        bag = row.pop("_words")
        if not choose_s.twin(bag, bags):
            kept.append(row)
            bags.append(bag)
    by_format = {f: [r for r in kept if twin_format(r["source"]) == f] for f in TWIN_FORMATS}
    spread = []
    while any(by_format.values()):
        for fmt in TWIN_FORMATS:
            if by_format[fmt]:
                spread.append(by_format[fmt].pop(0))
    return spread


def choose(corpus: Path) -> list[dict]:
    """The documents of part W: each stratum's quota from its seeded order, in QUOTAS' order."""
    strata = candidates(corpus)
    strata["format-twin"] = one_release_each(strata["format-twin"])
    chosen = [row for name, quota in QUOTAS.items() for row in strata[name][:quota]]
    return [{"order": order, "part": "W", **row} for order, row in enumerate(chosen, 1)]


def main(argv: list[str] | None = None) -> int:
    return choose_k.main(argv, chooser=choose, about=__doc__)


if __name__ == "__main__":
    sys.exit(main())
