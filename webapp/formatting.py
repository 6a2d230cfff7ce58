"""French display of dates, numbers and durations, and plain text out of HTML snippets."""

from __future__ import annotations

import html
import re
from datetime import date

from indexer.text import NNBSP, french_number, shorten  # noqa: F401 - the pages' helpers

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
SHORT_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                "oct.", "nov.", "déc.")
NBSP = "\u00a0"  # before a colon and inside « », so that lines never break there
_TAG = re.compile(r"<[^>]*>")


def french_date(value: str | None) -> str:
    """Return an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) the French way.

    >>> french_date("2015-03-05"), french_date("2016-05-01"), french_date("2020-09")
    ('5 mars 2015', '1er mai 2016', 'septembre 2020')
    >>> french_date(None), french_date("n'importe")
    ('', "n'importe")
    """
    if not value:
        return ""
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            day = date(*numbers)
            first = "1er" if day.day == 1 else str(day.day)
            return f"{first} {MONTHS[day.month - 1]} {day.year}"
        if len(numbers) == 2 and 1 <= numbers[1] <= 12:
            return f"{MONTHS[numbers[1] - 1]} {numbers[0]}"
        if len(numbers) == 1:
            return str(numbers[0])
    except ValueError:
        pass
    return value


def period_label(period: str, short: bool = False) -> str:
    """Return a histogram period (YYYY or YYYY-MM) as a label: « 2016 », « avril 2016 »."""
    if len(period) == 7 and period[4] == "-" and period[5:].isdigit():
        month = int(period[5:])
        if 1 <= month <= 12:
            return SHORT_MONTHS[month - 1] if short else f"{MONTHS[month - 1]} {period[:4]}"
    return period


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """Return « 1 résultat », « 0 résultat », « 3 résultats » (French: 0 and 1 are singular)."""
    word = singular if abs(count) < 2 else (plural_form or singular + "s")
    return f"{french_number(count)} {word}"


def plain_text(snippet: str | None) -> str:
    """Return an escaped HTML snippet (with <mark> tags) as plain text.

    >>> plain_text("l&#x27;<mark>État</mark> &amp; « les &lt;marges&gt; »")
    "l'État & « les <marges> »"
    """
    text = snippet.replace("<mark>", "").replace("</mark>", "") if snippet else ""
    text = _TAG.sub("", text) if "<" in text else text
    if "&" not in text:
        return text
    # html.escape's five entities undone by replacing them, &amp; last (a CSV export does
    # this for each of its thousand rows: html.unescape, a regular expression calling back
    # for each entity, was a quarter of a row's time); anything else goes to html.unescape
    plain = text.replace("&#x27;", "'").replace("&quot;", '"').replace("&lt;", "<") \
        .replace("&gt;", ">")
    if plain.count("&") != plain.count("&amp;"):
        return html.unescape(text)
    return plain.replace("&amp;", "&")


def capitalize(value: str | None) -> str:
    """Return a label with its first letter in upper case: « communiqué » → « Communiqué »."""
    return value[:1].upper() + value[1:] if value else ""
