"""Choose the documents of part K of the attribution gold (issue 11, session 10; PART-K.md).

Part K is development material on debates, drawn after parts A to J: TEI turns of the
Assemblée nationale holding quotation mark pairs (a citation-cue stratum first, then turns
whose marks hold a clause), and a few fresh Senate Hansard sittings with few speakers. It
counts marks, cues and speaker labels only, never the extractor's output; run it from the
repository: `python tests/gold/attribution/choose_k.py [--corpus ../shared/corpus]`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from bench.extraction import ATTRIBUTION, DEFAULT_CORPUS, gold_file_documents  # noqa: E402

SEED = "verbatim-issue-11-part-k:"
TEI = "an-mariage-pour-tous-2013-tei"
HANSARD = "hansard-canada-36e-fr"
# A citation cue within 150 characters before an opening mark (part H's list, widened), as
# whole words (« cité » is not « société »).
CUE = re.compile(
    r"\b(?:comme (?:le )?disait|comme (?:l'a |le )?dit|selon le mot|selon les mots|selon la formule"
    r"|pour reprendre|je cite|je le cite|citer|cité|écrivait|a écrit|avait écrit|avait dit"
    r"|vous avez dit|a déclaré|déclarait|affirmait|a affirmé|disait|a dit|les mots de)\b",
    re.IGNORECASE,
)
OPENERS = "«“"
CLOSERS = {"»": "«", "”": "“"}
# A Hansard speaker label alone on its line (the Senate files: « L'honorable X : »).
# Few speakers (5 to 15), so that two sittings do not outweigh the turns in the speaker measure.
LABEL = re.compile(
    r"^(?:L'honorable|Son Honneur|Le senateur|La senatrice|L'hon\.)[^\n]{0,160}:\s*$"
)

TEI_CUE_TAKEN = 30  # the cue turns, a prefix of the seeded order
TEI_CLAUSE_TAKEN = 40  # then the turns whose marks hold a clause, a prefix of the order
SENATE_TAKEN = 2


def rank(source: str, record: str | None, seed: str = SEED) -> str:
    return hashlib.sha1(f"{seed}{source}:{record or ''}".encode()).hexdigest()


def pairs(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the mark pairs: « » and “ ” with nesting, straight quotes
    paired in order."""
    found, stack, straight = [], [], None
    for i, c in enumerate(text):
        if c in OPENERS:
            stack.append((c, i))
        elif c in CLOSERS and stack and stack[-1][0] == CLOSERS[c]:
            found.append((stack.pop()[1], i))
        elif c == '"':
            if straight is None:
                straight = i
            else:
                found.append((straight, i))
                straight = None
    return sorted(found)


def annotated(drawn: tuple[str, ...] = ("K",)) -> set[tuple[str, str | None]]:
    """(source, record) of every document of the gold (both folders) and quotes.json, but for
    the parts being drawn (K: parts A to J are left); the keys only are read."""
    files = [ATTRIBUTION.parent / "quotes.json"]
    files += sorted(ATTRIBUTION.glob("dev/*.json")) + sorted(ATTRIBUTION.glob("heldout/*.json"))
    seen = set()
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("part") in drawn:
            continue
        seen |= {(e["source"], e["record"]) for e in data["documents"]}
    return seen


def tei_strata(
    corpus: Path, seen: set, seed: str = SEED, max_pairs: int = 12
) -> tuple[list[dict], list[dict]]:
    """The fresh turns holding 1 to `max_pairs` pairs, in the seeded order: those with a cue,
    and those without one whose marks hold a clause."""
    cue, clause = [], []
    for path in sorted((corpus / TEI).glob("*.xml")):
        source = f"{TEI}/{path.name}"
        for doc in gold_file_documents({"source": source}, corpus):
            if (source, doc.record) in seen:
                continue
            found = pairs(doc.text)
            if not 1 <= len(found) <= max_pairs:
                continue
            row = {"source": source, "record": doc.record, "pairs": len(found)}
            row["rank"] = rank(source, doc.record, seed)
            if any(CUE.search(doc.text[max(0, o - 150) : o]) for o, _ in found):
                cue.append({**row, "stratum": "tei-cue"})
            elif any(len(doc.text[o + 1 : c].split()) >= 4 for o, c in found):
                clause.append({**row, "stratum": "tei-clause"})
    return sorted(cue, key=lambda r: r["rank"]), sorted(clause, key=lambda r: r["rank"])


def senate_speakers(text: str, label: re.Pattern = LABEL) -> int:
    """Distinct speaker labels (lines `label` matches) followed by at least one line of text
    that is no label."""
    lines = [line.strip() for line in text.splitlines()]
    labels = set()
    for i, line in enumerate(lines[:-1]):
        if label.match(line) and lines[i + 1] and not label.match(lines[i + 1]):
            labels.add(line)
    return len(labels)


def senate(corpus: Path, seen: set) -> list[dict]:
    rows = []
    for path in sorted((corpus / HANSARD).glob("*/*senate*.f")):
        source = str(path.relative_to(corpus))
        if (source, None) in seen:
            continue
        count = senate_speakers(path.read_text(encoding="latin-1"))
        if 5 <= count <= 15:
            rows.append(
                {
                    "source": source,
                    "record": None,
                    "speakers": count,
                    "rank": rank(source, None),
                    "stratum": "hansard-senate",
                }
            )
    return sorted(rows, key=lambda r: r["rank"])


def choose(corpus: Path) -> list[dict]:
    """The documents of part K in their order: the cue turns, the sittings, the clause turns."""
    seen = annotated()
    cue, clause = tei_strata(corpus, seen)
    sittings = senate(corpus, seen)
    chosen = cue[:TEI_CUE_TAKEN] + sittings[:SENATE_TAKEN] + clause[:TEI_CLAUSE_TAKEN]
    return [{"order": order, **row} for order, row in enumerate(chosen, 1)]


def main(argv: list[str] | None = None, chooser=None, about: str = __doc__) -> int:
    """Print the chosen documents, one JSON line each (`chooser`: another part's choice)."""
    parser = argparse.ArgumentParser(description=about.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    for row in (chooser or choose)(args.corpus):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
