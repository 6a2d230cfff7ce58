"""The Canadian Hansard (French side, 36th Parliament) split into speech turns, as JSONL.

The `.f` files are ASCII, one sentence per line. Each sitting file has a header (`HANSARD
REVISE * NUMERO 73` or `Debats du Senat (hansard)`), a date line, a table of contents that
repeats speaker names without a colon, the header again, then the body: upper-case section
headings, speaker lines ending in `:` and text lines. A turn is a speaker line and the text
lines after it, up to the next speaker line or heading; empty turns are dropped. Text after a
heading and before any new speaker line stays with the last speaker, as a new turn.

The JSONL rows carry what the tabular reader of `verbatim index` understands: id, title, date,
text, speakers (names as strings: the reader does not take objects there) and kind.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer.readers.tabular import parse_date

HEADERS = ("HANSARD REVISE", "Debats du Senat")
_SPEAKER = re.compile(
    r"^(?:M\.|MM\.|Mme|Mlle|L'hon\.|L'honorable|Le tres hon\.|La tres hon\.|Son Honneur"
    r"|Le (?:vice-)?president|La (?:vice-)?presidente|Le greffier|La greffiere"
    r"|Des voix|Une voix|Le senateur|La senatrice)(?=[\s(])[^:]{0,160}:\s*$",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(
    r"^(?:M\.|MM\.|Mme|Mlle|L'hon\.|L'honorable|Le tres hon\.|La tres hon\.)\s+")
_CHAIR = re.compile(r"^(?:Son Honneur|Le (?:vice-)?president|La (?:vice-)?presidente)", re.I)
_DATE_LINE = re.compile(r"^Le\s+\w+\s+\d{1,2}\s*(?:er)?\s+\w+,?\s+\d{4}\b")
_SENATE_DATE = re.compile(r"\.(\d{4}-\d{2}-\d{2})\.")


@dataclass
class Turn:
    """One speech turn of a sitting."""

    speaker: str
    function: str | None
    section: str | None
    text: str


def is_heading(line: str) -> bool:
    """Return True for an upper-case section heading line.

    >>> is_heading("REPONSE DU GOUVERNEMENT A DES PETITIONS"), is_heading("La seance est ouverte.")
    (True, False)
    """
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def speaker_of(line: str) -> tuple[str, str | None]:
    """Return (name, function) from a speaker line.

    >>> speaker_of("M. Reginald Belair (Timmins-Baie-James, Lib.):")
    ('Reginald Belair', 'Timmins-Baie-James, Lib.')
    >>> speaker_of("Le president suppleant (M. McClelland):")
    ('McClelland', 'Le president suppleant')
    >>> speaker_of("Son Honneur le President :")
    ('Son Honneur le President', None)
    >>> speaker_of("M. Mac Harb (Ottawa-Centre, Lib.) propose: ")
    ('Mac Harb', 'Ottawa-Centre, Lib.')
    >>> speaker_of("L'honorable Lowell Murray , conformement a l'avis du 6 avril 2000, propose:")
    ('Lowell Murray', None)
    """
    label = line.strip().rstrip(":").strip()
    label = re.sub(r"\s+dit$", "", label)
    # a motion's label names its member too (« M. X (circonscription, parti) propose: »,
    # « L'honorable X, conformement a l'avis du 6 avril 2000, propose: »); the product's
    # reader (`indexer.readers.text`) reads it the same way
    label = re.sub(r"(?:\s*,[^,()]{1,80},)?\s+propose$", "", label)
    inside = None
    if match := re.match(r"^(.*?)\s*\((.*)\)$", label):
        label, inside = match.group(1).strip(), match.group(2).strip()
    if inside and _CHAIR.match(label) and _HONORIFIC.match(inside + " "):
        return _HONORIFIC.sub("", inside).strip(), label
    return _HONORIFIC.sub("", label).strip() or label, inside or None


def sitting_date(path: Path, lines: list[str]) -> str | None:
    """Return the ISO date of a sitting: from the file name (Senate) or its date line."""
    if match := _SENATE_DATE.search(path.name):
        return match.group(1)
    for line in lines[:6]:
        if match := _DATE_LINE.match(line.strip()):
            return parse_date(match.group(0).replace(",", ""))
    return None


def _body(lines: list[str]) -> list[str]:
    """Return the lines after the second occurrence of the header (the table of contents
    lies between the two); the whole file when the header does not repeat."""
    seen = 0
    for i, line in enumerate(lines):
        if line.startswith(HEADERS):
            seen += 1
            if seen == 2:
                return lines[i + 1 :]
    return lines


def turns(lines: list[str]) -> Iterator[Turn]:
    """Yield the non-empty speech turns of a sitting's lines."""
    speaker: tuple[str, str | None] | None = None
    section: str | None = None
    text: list[str] = []

    def flush() -> Iterator[Turn]:
        if speaker and text:
            yield Turn(speaker[0], speaker[1], section, " ".join(text))
        text.clear()

    for raw in _body(lines):
        line = raw.strip()
        if not line or line.startswith(HEADERS) or _DATE_LINE.match(line):
            continue
        if _SPEAKER.match(line):
            yield from flush()
            speaker = speaker_of(line)
        elif is_heading(line):
            yield from flush()
            section = line.capitalize()
        else:
            text.append(line)
    yield from flush()


def sitting_rows(path: Path) -> list[dict]:
    """Return the JSONL rows (one per turn) of one Hansard `.f` file."""
    lines = path.read_text("ascii", errors="replace").split("\n")
    date = sitting_date(path, lines)
    chamber = "Sénat du Canada" if ".senate." in path.name else "Chambre des communes"
    rows = []
    for n, turn in enumerate(turns(lines)):
        title = f"{chamber}, séance du {date or 'date inconnue'}"
        if turn.section:
            title += f" : {turn.section}"
        rows.append({
            "id": f"{path.stem}-{n:05d}",
            "title": title,
            "date": date,
            "text": turn.text,
            "speakers": [turn.speaker],
            "kind": "débat",
        })
    return rows


def hansard_files(folder: Path) -> list[Path]:
    """Return the `.f` sitting files under `folder`, sorted."""
    return sorted(folder.rglob("*.f"))


def write_jsonl(folder: Path, out: Path) -> tuple[int, int]:
    """Write one JSONL file per sitting of `folder` into `out`; return (files, turns)."""
    out.mkdir(parents=True, exist_ok=True)
    files = total = 0
    for path in hansard_files(folder):
        rows = sitting_rows(path)
        if not rows:
            continue
        with (out / f"{path.stem}.jsonl").open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        files += 1
        total += len(rows)
    return files, total
