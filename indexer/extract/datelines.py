"""A document's date and place: the dateline of its head (« Épinal, le 5 mars 2015 »), its
title's date, else its file name's or its front matter's; a place only from a dateline or
the title, a date's year resolved against the years the document gives elsewhere."""

from __future__ import annotations

import re
from datetime import date as Date

from indexer.document import Document
from indexer.extract.dates import DateMatch, date_from_path, find_dates, resolve_year
from indexer.extract.inferred import infer
from indexer.extract.kinds import normalise_kind
from indexer.extract.titles import TitleInfo

_DATELINE = re.compile(
    r"^\s*_?(?P<place>[A-ZÀ-ÖØ-Þ][\w’'\- ]{1,40}?)\s*,\s*(?:le\s+|ce\s+)?(?=\w)", re.IGNORECASE
)


_NOT_PLACES = frozenset(
    "pour dans depuis après apres avant ce cette lors dès des en au aux le la les un une et mais "
    "ou texte mis publié publie version communiqué communique mise jour".split()
)
_PLACE_PARTICLES = frozenset("de du des la le les sur en lès les-bains d'".split())


def _place(candidate: str) -> str | None:
    """Return a dateline's place when it reads as one (`Épinal`, `Aix-en-Provence`)."""
    place = candidate.strip(" _*")
    words = place.split()
    if not words or len(words) > 4 or any(c.isdigit() for c in place):
        return None
    if words[0].lower() in _NOT_PLACES and not (len(words) > 1 and words[0] in ("Le", "La")):
        return None
    for word in words[1:]:
        if not (word[:1].isupper() or word.lower() in _PLACE_PARTICLES):
            return None
    return None if normalise_kind(place) else place


def dateline(text: str) -> tuple[str | None, DateMatch | None]:
    """Return the place and date of a dateline among the first paragraphs.

    A `Ville, le <date>` line wins over a line that only starts with a date.
    """
    head = text[:1200]
    bare: DateMatch | None = None
    for paragraph in re.finditer(r"[^\n]+", head):
        line = paragraph.group()
        if len(line) > 300:
            continue
        dates = find_dates(line[:120])
        if not dates:
            continue
        first = dates[0]
        m = _DATELINE.match(line)
        if m and first.start - 10 <= m.end() <= first.start + 8:
            if (place := _place(m.group("place"))) is not None:
                first.start += paragraph.start()
                return place, first
        if bare is None and first.start <= 12 and len(line) <= 80 and first.year:
            bare = first
    return None, bare


def _years(doc: Document, info: TitleInfo, text: str) -> list[int]:
    years = []
    if info.date and info.date.year:
        years.append(info.date.year)
    if doc.date:
        years.append(int(doc.date[:4]))
    if from_path := date_from_path(doc.source or ""):
        years.append(int(from_path[:4]))
    found = [d.year for d in find_dates(text[:4000]) if d.year]
    if found:
        years.append(max(set(found), key=found.count))
    created = str(doc.meta.get("created") or "")[:4]
    if created.isdigit():
        years.append(int(created))
    return years


# Kinds whose opening lines announce their own date rather than report past events.
_ANNOUNCING_KINDS = ("dossier de presse", "communiqué", "conférence de presse", "invitation")


def fill_date_and_place(doc: Document, info: TitleInfo, text: str) -> None:
    """Fill the place (a dateline's, else the title's unless a medium: « sur France Inter »
    goes to `meta["medium"]`) and the date (the title's or the dateline's, its year
    resolved; else the file name's, the front matter's, or a full date opening a release);
    a stated place or date is kept, a range's end kept in `meta["date_range"]`."""
    place, line_date = dateline(text)
    if not doc.place:
        where = place or (info.where if info.where and not info.medium else None)
        if where:
            doc.place = where
            infer(doc, "place")
    if info.where and info.medium and "medium" not in doc.meta:
        doc.meta["medium"] = info.where
        infer(doc, "medium")
    chosen: DateMatch | None = None
    if doc.date:
        return
    candidates = [info.date, line_date]
    iso = None
    years: list[int] | None = None
    for candidate in candidates:
        if candidate is None:
            continue
        years = _years(doc, info, text) if years is None else years
        year = resolve_year(candidate, years)
        if (iso := candidate.iso(year)) is not None:
            chosen = candidate
            break
    if iso is None:
        iso = date_from_path(doc.source or "")
    if iso is None:
        created = str(doc.meta.get("created") or "")[:10]
        iso = created if re.fullmatch(r"\d{4}-\d{2}-\d{2}", created) else None
    if iso is None and doc.kind in _ANNOUNCING_KINDS:
        # Last resort: a full date (with its year) opening the text, as a dossier de presse
        # writes « les 28, 29 et 30 mars 2024 ». Bare "mardi 5 mars" in a body is an event,
        # and so is a date in a news article (measured on luxleaks: 12 of 25 wrong).
        first = [d for d in find_dates(text[:400]) if d.year]
        if first:
            chosen = first[0]
            iso = chosen.iso()
    if iso and chosen is not None:
        iso = _fix_year(iso, date_from_path(doc.source or ""))
    if iso:
        doc.date = iso
        infer(doc, "date")
        if chosen is not None and chosen.is_range:
            end = chosen.end_iso(int(iso[:4]))
            if end and end != iso:
                doc.meta["date_range"] = [iso, end]


def _fix_year(iso: str, named: str | None) -> str:
    """Correct a dateline's mistyped year by the file name's date (« Épinal, le 8 mars 2016 »
    in 2017-03-07-pr-FR-verdict-appel.pdf is 8 March 2017): same days, a year apart."""
    if not named or iso[:4] == named[:4] or abs(int(iso[:4]) - int(named[:4])) != 1:
        return iso
    try:
        moved = Date.fromisoformat(f"{named[:4]}{iso[4:]}")
    except ValueError:
        return iso
    return moved.isoformat() if abs((moved - Date.fromisoformat(named)).days) <= 10 else iso
