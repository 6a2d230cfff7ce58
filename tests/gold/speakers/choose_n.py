"""Choose the documents of part N of the speakers gold (issue 11, session 15; PART-N-SPEAKERS.md).

Part N measures **document speakers** (and kinds, dates) on fresh documents shaped like part J's
strata other than Hansard's: vie-publique rows without a quotation pair (interviews, entretiens,
conférences de presse, déclarations, Conseil des ministres items, communiqués), TEI turns of the
Assemblée nationale (citation-cue turns first, as J), every demo record no part annotated, and two
Hansard sittings no part nor helper 43's fresh checks used. Every candidate is ranked by
`sha1("verbatim-issue-11-speakers-n:" + source + ":" + record)`; each stratum takes a prefix of
that order. Counts only (marks, cues, labels, titles' first words), never the extractor's output.
The chosen documents are split by a second order (`…-split:`): even last hex digit → `dev`
(read, tuned on), odd → `check` (scored as aggregates only, never inspected).

Run from the repository: `python tests/gold/speakers/choose_n.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from bench.extraction import (  # noqa: E402
    DEFAULT_CORPUS,
    DEMO,
    VIE_PUBLIQUE,
    _title_kind,
    gold_file_documents,
)
from indexer.readers import format_of  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "choose_k", HERE.parent / "attribution" / "choose_k.py"
)
choose_k = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(choose_k)

SEED = "verbatim-issue-11-speakers-n:"
SPLIT_SEED = "verbatim-issue-11-speakers-n-split:"
HANSARD = "hansard-canada-36e-fr"
# Helper 43's fresh Hansard checks (session 14): spent, as the gold parts' sittings are.
H43 = (
    "house.debates.162",
    "house.debates.228",
    "house.debates.083",
    "senate.debates.2000-02-24.32",
    "senate.debates.1997-11-04.015",
    "senate.debates.2000-03-22.37",
    "house.debates.047",
    "house.debates.096",
    "senate.debates.2000-05-09.53",
    "senate.debates.1999-02-11.110",
)
VP_TAKEN = {
    "interview": 7,
    "entretien": 4,
    "conférence de presse": 4,
    "déclaration": 4,
    "conseil des ministres": 4,
    "communiqué": 4,
}
TEI_CUE_TAKEN = 20
TEI_CLAUSE_TAKEN = 5
# A House or Senate speaker label ending its line (the turn's text follows).
LABEL = re.compile(
    r"^(?:M\.|Mme|L'hon\.|L'honorable|Le senateur|La senatrice|Le President|"
    r"La Presidente|Le vice-president|Son Honneur)[^\n]{0,160}:\s*$"
)


def rank(source: str, record: str | None, seed: str = SEED) -> str:
    return hashlib.sha1(f"{seed}{source}:{record or ''}".encode()).hexdigest()


def vie_publique(corpus: Path, seen: set) -> list[dict]:
    rows = []
    for name in VIE_PUBLIQUE:
        for doc in gold_file_documents({"source": name}, corpus):
            if (name, doc.record) in seen or len(doc.text) < 500 or choose_k.pairs(doc.text):
                continue
            kind = _title_kind(doc.title or "")
            if kind in VP_TAKEN:
                rows.append(
                    {
                        "source": name,
                        "record": doc.record,
                        "stratum": f"vp-{kind}",
                        "rank": rank(name, doc.record),
                    }
                )
    rows.sort(key=lambda r: r["rank"])
    taken: list[dict] = []
    for kind, count in VP_TAKEN.items():
        of_kind = [r for r in rows if r["stratum"] == f"vp-{kind}"]
        taken += of_kind[:count]
    return taken


def demo(seen: set) -> list[dict]:
    """Every demo record no part annotated; a single-document file is out when its stem is
    annotated in any format (as part J)."""
    stems = {Path(s).stem for s, r in seen if s.startswith("demo:") and r is None}
    rows = []
    for path in sorted(DEMO.rglob("*")):
        if not path.is_file() or format_of(path) is None:
            continue
        source = f"demo:{path.relative_to(DEMO)}"
        try:
            docs = gold_file_documents({"source": source}, DEMO.parent)
        except Exception:  # noqa: BLE001 - an unreadable file is no candidate
            continue
        single = len(docs) == 1
        for doc in docs:
            record = None if single else doc.record
            if (source, record) in seen or (source, doc.record) in seen:
                continue
            if single and path.stem in stems:
                continue
            rows.append(
                {
                    "source": source,
                    "record": record,
                    "stratum": "demo",
                    "rank": rank(source, record),
                }
            )
    return sorted(rows, key=lambda r: r["rank"])


def hansard(corpus: Path, seen: set) -> list[dict]:
    """The first Senate sitting of the order with 5 to 25 labels; the House sitting with the
    fewest labels from 20 up (no fresh one has 20 to 40, as part J found), the order breaking
    ties."""
    found = {"house": [], "senate": []}
    for path in sorted((corpus / HANSARD).glob("*/*.f")):
        source = str(path.relative_to(corpus))
        if (source, None) in seen or any(h in path.name for h in H43):
            continue
        lines = [line.strip() for line in path.read_text(encoding="latin-1").splitlines()]
        labels = {line for i, line in enumerate(lines[:-1]) if LABEL.match(line) and lines[i + 1]}
        chamber = "house" if ".house." in path.name else "senate"
        low, high = (20, 10_000) if chamber == "house" else (5, 25)
        if low <= len(labels) <= high:
            found[chamber].append(
                {
                    "source": source,
                    "record": None,
                    "labels": len(labels),
                    "stratum": f"hansard-{chamber}",
                    "rank": rank(source, None),
                }
            )
    house = sorted(found["house"], key=lambda r: (r["labels"], r["rank"]))
    senate = sorted(found["senate"], key=lambda r: r["rank"])
    return house[:1] + senate[:1]


def choose(corpus: Path) -> list[dict]:
    seen = choose_k.annotated(drawn=())
    cue, clause = choose_k.tei_strata(corpus, seen, seed=SEED, max_pairs=12)
    chosen = (
        vie_publique(corpus, seen)
        + cue[:TEI_CUE_TAKEN]
        + clause[:TEI_CLAUSE_TAKEN]
        + demo(seen)
        + hansard(corpus, seen)
    )
    for row in chosen:
        row["half"] = (
            "dev"
            if int(rank(row["source"], row["record"], SPLIT_SEED)[-1], 16) % 2 == 0
            else "check"
        )
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    for order, row in enumerate(choose(args.corpus), 1):
        print(json.dumps({"order": order, **row}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
