"""A mention of someone in a text, the letters a name is written with, and whether a
mention heads a clause (the subject of « a déclaré ») or stands after a preposition.

The finders of mentions are `people.find_mentions` (people, with `functions` for the
functions in apposition or standing alone) and `bodies` (organisations, seats of power).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The letters of a name: capitals and lower case, accented (Œ and œ too), and its words,
# capitalised or in capitals
UP = "A-ZÀ-ÖØ-ÞŒ"
LOW = "a-zà-öø-ÿœ"
# A word's hyphenated parts are bounded: a name is tried from every capital, and an unbounded
# chain (« Jean-Jean-Jean-… » over a page) was read to its end from each one, quadratic (14 s
# for 64,000 characters). The longest chain of the shared corpus has 11 hyphens (a URL's slug:
# « Le-lanceur-alerte-Antoine-Deltour-fier-… »); a longer one is read by its first 24.
HYPHENS = 24
CAP = rf"[{UP}][{LOW}'’]+(?:-[{UP}]?[{LOW}]+){{0,{HYPHENS}}}"  # Jean-Luc, Dupond-Moretti
UPPER = rf"[{UP}][{UP}'’]+(?:-[{UP}]+){{0,{HYPHENS}}}"  # BORNE, LE MAIRE's parts, PANNIER-RUNACHER
WORD = rf"(?:{CAP}|{UPPER})"
ARTICLES = frozenset({"le", "la", "les", "l", "un", "une"})
_CLAUSE_WORDS = frozenset(
    "et mais puis or donc alors ensuite que qu enfin finalement dont lorsque lorsqu puisque "
    "puisqu tandis".split()
)


@dataclass
class Mention:
    """A person (or a function) named at `start:end` of a text."""

    start: int
    end: int
    name: str | None  # canonical name; None for a function whose holder is not named
    function: str | None = None
    subject: bool = False  # at the head of a clause, not after a preposition
    titled: bool = False  # written with a civility or an apposition: a salient mention
    body: bool = False  # an organisation named as such (« l'Académie des sciences morales »)
    anaphor: bool = False  # a function standing for someone named before (« le journaliste »)


_OPENING_ADVERBIAL = re.compile(
    r"(?:^|[.!?;:…]\s*|\n\s*)(?:par exemple|hier|aujourd['’]hui|ce matin|hier soir|ainsi"
    r"|pourtant|d['’]ailleurs|justement|en revanche|de son côté|de leur côté)$",
    re.IGNORECASE,
)


def is_subject(text: str, start: int) -> bool:
    """Return True when the words before `start` leave the mention heading a clause."""
    raw = text[max(0, start - 40) : start]
    before = raw.rstrip()
    if not before or "\n" in raw[len(before) :] or before[-1] in ".!?;:,(–—-»":
        return True
    words = re.findall(r"[\w'’]+", before[-20:].lower().replace("’", "'"))
    last = words[-1].split("'")[0] if words else ""
    if last == "et" and re.search(r"[A-ZÀ-Þ][\w'’-]+\s+et$", before):
        return False  # « à Antoine Deltour et Raphaël Halet »: as the first name is
    if last in _CLAUSE_WORDS:
        return True
    if _OPENING_ADVERBIAL.search(before):
        return True  # « Par exemple le CCIF évoquait … »: an adverbial opening the sentence
    if re.search(r"\bil y (?:a|avait|aura|a eu)$", before, re.IGNORECASE):
        return True  # « Il y avait Michel Sapin à votre place hier. Il … »: presented, in focus
    return bool(words) and words[-1] in {"c'est", "c'était", "voici", "voilà"}  # « C'est X qui »
