"""French dates: a small parser of our own for datelines, titles, ranges and file names.

Every form a press office writes: `le 5 mars 2015`, `1er juin 2016`, `mardi 5 mars`,
`les 2 et 3 juillet 2012`, `28, 29 et 30 mars 2024`, `du 26 avril au 4 mai 2016`,
`5 MARS 2015`, `fevrier`/`aout` without accents, `1 er` (Hansard), `21/09/2020`, ISO, and
`2016-06-29-pr-verdict.html.md` in a file name. Regexes run on the original text (case and
accents handled by the patterns) so that match offsets are offsets in that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "fevrier": 2, "février": 2, "fevr": 2, "févr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "août": 8,
    "septembre": 9, "sept": 9, "octobre": 10, "oct": 10, "novembre": 11, "nov": 11,
    "decembre": 12, "décembre": 12, "dec": 12, "déc": 12,
}  # fmt: skip
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_MONTH = (
    r"(?:janvier|janv\.?|f[ée]vrier|f[ée]vr\.?|mars|avril|avr\.?|mai|juin|juillet|juil\.?"
    r"|ao[uû]t|septembre|sept\.?|octobre|oct\.?|novembre|nov\.?|d[ée]cembre|d[ée]c\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:\s?(?:er|ᵉʳ|e))?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"

# One regex, longest forms first: "du 26 avril au 4 mai 2016", "28, 29 et 30 mars 2024",
# "mardi 5 mars 2015" / "5 mars" / "1er juin".
DATE_PATTERN = re.compile(
    rf"""
    (?<![^\W_])(?<!/)
    (?:
      du\s+(?P<fd1>{_DAY})\s+(?P<fm1>{_MONTH})(?:\s+(?P<fy1>{_YEAR}))?
      \s+au\s+(?P<fd2>{_DAY})\s+(?P<fm2>{_MONTH})(?:\s+(?P<fy2>{_YEAR}))?
    |
      (?:(?P<rw>{_WEEKDAY})\s+)?(?P<rd1>{_DAY})(?:\s*,\s*{_DAY})*\s*(?:et|&|au|-|–)\s*
      (?:{_WEEKDAY}\s+)?(?P<rd2>{_DAY})\s+(?P<rm>{_MONTH})(?:\s+(?P<ry>{_YEAR}))?
    |
      (?:(?P<w>{_WEEKDAY})\s+)?(?P<d>{_DAY})\s+(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?
    |
      (?P<nd>[0-3]?\d)[/.](?P<nm>[01]?\d)[/.](?P<ny>{_YEAR})
    |
      (?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)
    )
    (?![^\W_]|/)  # "_5 mars 2015_" (Markdown emphasis) is a date
    """,
    re.IGNORECASE | re.VERBOSE,
)
_FILE_DATE = re.compile(
    r"(?<!\d)(1[89]\d\d|2[01]\d\d)[-_/](0[1-9]|1[0-2])[-_/](0[1-9]|[12]\d|3[01])(?!\d)"
)
_DIGITS = re.compile(r"\d+")
_ANY_DIGIT = re.compile(r"\d")


@dataclass
class DateMatch:
    """A date found in a text. `year` is None when the text gives only day and month."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    weekday: int | None = None  # 0 = lundi, when the text names it
    end_year: int | None = None  # last day of a range
    end_month: int | None = None
    end_day: int | None = None

    @property
    def is_range(self) -> bool:
        """True for `les 2 et 3 juillet`, `du 26 avril au 4 mai`."""
        return self.end_day is not None

    def iso(self, year: int | None = None) -> str | None:
        """Return the first day as YYYY-MM-DD, with `year` standing in when the text has none."""
        return iso_date(self.year or year, self.month, self.day)

    def end_iso(self, year: int | None = None) -> str | None:
        """Return the last day of a range as YYYY-MM-DD (None for a single day)."""
        if self.end_day is None or self.end_month is None:
            return None
        year = self.end_year or self.year or year
        end = iso_date(year, self.end_month, self.end_day)
        if end and self.iso(year) and end < (self.iso(year) or ""):  # 30 déc. au 2 janv.
            end = iso_date((year or 0) + 1, self.end_month, self.end_day)
        return end


def iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """Return a valid date as YYYY-MM-DD, None for an impossible one (31 février).

    >>> iso_date(2016, 6, 29), iso_date(2015, 2, 31)
    ('2016-06-29', None)
    """
    if not (year and month and day):
        return None
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(_DIGITS.match(text).group())  # type: ignore[union-attr]


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _match(m: re.Match) -> DateMatch | None:
    g = m.groupdict()
    if g["fd1"]:
        return DateMatch(
            m.start(), m.end(), _year(g["fy1"]) or _year(g["fy2"]), _month(g["fm1"]),
            _day(g["fd1"]), None, _year(g["fy2"]), _month(g["fm2"]), _day(g["fd2"]),
        )  # fmt: skip
    if g["rd1"]:
        weekday = WEEKDAYS.index(g["rw"].lower()) if g["rw"] else None
        year, month = _year(g["ry"]), _month(g["rm"])
        return DateMatch(
            m.start(), m.end(), year, month, _day(g["rd1"]), weekday, year, month, _day(g["rd2"])
        )
    if g["d"]:
        weekday = WEEKDAYS.index(g["w"].lower()) if g["w"] else None
        return DateMatch(m.start(), m.end(), _year(g["y"]), _month(g["m"]), _day(g["d"]), weekday)
    if g["nd"]:
        return DateMatch(m.start(), m.end(), int(g["ny"]), int(g["nm"]), int(g["nd"]))
    return DateMatch(m.start(), m.end(), int(g["iy"]), int(g["im"]), int(g["id"]))


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Return the dates written in `text[start:end]`, in order, with offsets in `text`.

    >>> [d.iso() for d in find_dates("Épinal, le 5 MARS 2015 ; les 2 et 3 juillet 2012")]
    ['2015-03-05', '2012-07-02']
    >>> find_dates("mardi 5 mars")[0].year is None
    True
    """
    end = len(text) if end is None else end
    if _ANY_DIGIT.search(text, start, end) is None:
        return []  # every form has a digit: no need to try the pattern at every position
    found = []
    for m in DATE_PATTERN.finditer(text, start, end):
        match = _match(m)
        if match is not None and 1 <= match.month <= 12 and 1 <= match.day <= 31:
            found.append(match)
    return found


def parse_date(text: str | None) -> str | None:
    """Return the date a whole string states as YYYY-MM-DD (the first day of a range).

    >>> parse_date("1er juin 2016"), parse_date("Le mercredi 1 er mars 2000")
    ('2016-06-01', '2000-03-01')
    >>> parse_date("28, 29 et 30 mars 2024"), parse_date("29 fevrier 2015"), parse_date("")
    ('2024-03-28', None, None)
    """
    if not text:
        return None
    dates = find_dates(text)
    return dates[0].iso() if dates and dates[0].year else None


def resolve_year(match: DateMatch, years: list[int]) -> int | None:
    """Return the year of a date written without one (`mardi 5 mars`).

    `years` are the years the document states elsewhere, most trusted first. When the text
    names the weekday, the year among those (and the ones around the first) where the day
    falls on that weekday wins.

    >>> tuesday = find_dates("mardi 5 mars")[0]
    >>> resolve_year(tuesday, [2015]), resolve_year(tuesday, [2018])
    (2013, 2019)
    """
    if match.year:
        return match.year
    if not years:
        return None
    if match.weekday is None:
        return years[0]
    first = years[0]
    candidates = list(dict.fromkeys([*years, first + 1, first - 1, first + 2, first - 2]))
    for year in candidates:
        iso = iso_date(year, match.month, match.day)
        if iso and Date.fromisoformat(iso).weekday() == match.weekday:
            return year
    return years[0]


def date_from_path(source: str) -> str | None:
    """Return the date a file name or path states (`2016-06-29-pr-verdict.html.md`).

    Compact digit runs are not read as dates: TEI files named `20130129.xml` are page numbers.

    >>> date_from_path("blog/fr/2016-06-29-pr-verdict.html.md"), date_from_path("20130129.xml")
    ('2016-06-29', None)
    """
    name = source.replace("\\", "/")
    matches = list(_FILE_DATE.finditer(name))
    if not matches:
        return None
    year, month, day = (int(g) for g in matches[-1].groups())
    return iso_date(year, month, day)
