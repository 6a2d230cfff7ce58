"""Who held a function when: learnt from titles, used where a text names only the function.

Conseil des ministres items say « La ministre de la culture a présenté une communication… »
without the minister's name; the titles of other statements of the same weeks say « Mme
Roselyne Bachelot, ministre de la culture ». A `RoleBook` records (function, date, name) from
titles and answers « ministre de la culture on 2020-09-23 → Roselyne Bachelot ».

Every enriched document with title speakers feeds the process-wide book (`ROLES`); an indexer
that wants the answer independent of file order feeds it first with `learn_from_titles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from pathlib import Path

import yaml

from indexer.analysis import fold

MAX_DAYS = 200  # a government changes: a holder seen more than this far away is not trusted
_DROP = re.compile(
    r"\b(?:chargee?s?|deleguee?s?|aupres|du|de|des|la|le|les|l|d|et|a|au|aux|en|pour|sur)\b"
)
# A new member of government starts after a comma or « et », never inside « auprès de la
# ministre de … » (« la secrétaire d'État auprès de la ministre de l'Europe …, chargée du
# développement » is one person, not a secrétaire d'État and a second minister).
_SPLIT = re.compile(
    r"(?:,\s*(?:et\s+)?|\s+et\s+)(?=(?:le|la|les)\s+(?:ministre|secr|premi|garde|porte))", re.I
)
# "le ministre délégué auprès du ministre de l'économie, chargé des comptes publics": the
# function is what comes after "chargé".
_BESIDE = re.compile(r"\s+auprès\s+d.*?,\s*(?=chargée?\s)", re.I | re.S)
_CHARGE = re.compile(r"\bchargée?s?\s+(?:de\s+la|de\s+l['’]|des|du|de)\s+([^,;]+)", re.I)
_FUNCTIONS = re.compile(r",\s*(?=(?:ministre|secrétaire|garde|porte-parole|premi))", re.I)
_PRESENTED = re.compile(
    r"(?:^|\n|\.\s)(?P<who>(?:Le|La|Les) (?:ministres?|secrétaires? d['’]État|Premi(?:er|ère) "
    r"ministre|garde des [Ss]ceaux|porte-parole)[^.;\n]{0,420}?),? (?:a|ont) "
    r"(?:présenté|rendu compte|fait une communication)",
)


_PME = re.compile(r"\bpetites\s+et\s+moyennes\s+entreprises\b")


def function_key(function: str) -> str:
    """Return the comparison key of a function: folded, small words and gender dropped.

    >>> function_key("La ministre déléguée chargée de l'Industrie")
    'ministr industri'
    >>> function_key("ministre déléguée chargée des petites et moyennes entreprises, du commerce")
    'ministr pm commerc'

    """
    words = fold(function).casefold().replace("'", " ").replace("’", " ").replace(",", " ")
    # the titles' « PME », the texts' « petites et moyennes entreprises »
    words = _PME.sub("pme", words)
    words = re.sub(r"^(?:le|la|les)\s+", "", words)
    words = _DROP.sub(" ", words)
    words = re.sub(r"\b(\w+?)e?s?\b", lambda m: m.group(1).rstrip("e"), words)
    return " ".join(words.split())


@dataclass
class RoleBook:
    """Functions and who held them, with the dates they were seen."""

    seen: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # key → [(date, name)]

    def learn(self, function: str | None, name: str, when: str | None) -> None:
        """Record that `name` held `function` on `when` (ISO date, may be None)."""
        if not function or not name:
            return
        for part in _FUNCTIONS.split(function):
            key = function_key(part)
            if key:
                entries = self.seen.setdefault(key, [])
                if (when or "", name) not in entries:
                    entries.append((when or "", name))

    def holder(self, function: str, when: str | None) -> str | None:
        """Return who held `function` closest to `when` (within `MAX_DAYS`), or None."""
        parts = [p for p in _FUNCTIONS.split(function) if p.strip()]
        if len(parts) > 1:
            # « garde des sceaux, ministre de la justice »: the titles teach each function
            # apart (`learn`), the first one a holder is known for answers
            return next(filter(None, (self.holder(p, when) for p in parts)), None)
        key = function_key(function)
        entries = self.seen.get(key)
        if not entries and len(key.split()) >= 2:
            # "ministre de la santé" for "ministre des solidarités et de la santé"
            words = set(key.split())
            entries = [
                e for k, found in self.seen.items() if words <= set(k.split()) for e in found
            ]
        if not entries and len(key.split()) >= 4:
            # a ministry grown by a reshuffle: « ministre de l'éducation nationale, de la
            # jeunesse et des sports » for the titles' « ministre de l'éducation nationale et
            # de la jeunesse »: the known function that covers most of it, two thirds at least
            words = set(key.split())
            known = [k for k in self.seen if len(k.split()) >= 3 and set(k.split()) <= words]
            best = max(known, key=lambda k: len(k.split()), default=None)
            if best is not None and 3 * len(best.split()) >= 2 * len(words):
                entries = self.seen[best]
        if not entries:
            # « ministre déléguée auprès du ministre de …, chargée des collectivités
            # territoriales, et …, chargée de la ruralité » for « secrétaire d'État chargée de
            # la ruralité »: what the holder is in charge of
            for charge in _CHARGE.findall(function):
                words = set(function_key(charge).split())
                found = {
                    e for k, held in self.seen.items() if words <= set(k.split()) for e in held
                }
                if words and len({name for _, name in found}) == 1:
                    entries = list(found)
                    break
        if not entries:
            return None
        if not when:
            names = [n for _, n in entries]
            return max(set(names), key=names.count)
        target = Date.fromisoformat(when)
        best, best_days = None, MAX_DAYS + 1
        for seen_on, name in entries:
            if not seen_on:
                continue
            days = abs((Date.fromisoformat(seen_on) - target).days)
            if days < best_days:
                best, best_days = name, days
        return best

    def presenters(self, text: str, when: str | None) -> list[tuple[str, str]]:
        """Return `(name, function)` of the members of government a text says presented it.

        >>> book = RoleBook()
        >>> book.learn("ministre de la culture", "Roselyne Bachelot", "2020-09-20")
        >>> book.presenters("La ministre de la culture a présenté une communication.", "2020-09-23")
        [('Roselyne Bachelot', 'ministre de la culture')]
        """
        found = []
        for m in _PRESENTED.finditer(text[:3000]):
            for part in _SPLIT.split(m.group("who")):
                function = re.sub(r"^(?:Le|La|Les|le|la|les)\s+", "", part.strip(" ,"))
                function = _BESIDE.sub(" ", function)
                name = self.holder(function, when) or government_holder(function, when)
                if name:
                    found.append((name, function))
        return found

    def __len__(self) -> int:
        return len(self.seen)


ROLES = RoleBook()


def learn_from_titles(documents, book: RoleBook = ROLES) -> RoleBook:
    """Feed `book` with the (name, function, date) every document's title states."""
    from indexer.extract.titles import parse_title

    for doc in documents:
        info = parse_title(doc.title) if doc.title else None
        if info is None:
            continue
        when = doc.date or (info.date.iso() if info.date else None)
        for name, function in info.speakers:
            book.learn(function, name, when)
    return book


# Who held a partner country's office when, and the members of French governments by their
# decree: reference data in `office_holders.yaml` beside this file (package data; a country or
# a government is added there, not here). A joint statement of France and other countries names
# the partners' ministers by function only (« Déclaration conjointe des ministres des affaires
# étrangères de la France, de l'Allemagne et du Royaume-Uni »), and no title of a French site
# names them: the gold resolves them from the date, as it does the French ministers.
_HOLDERS_FILE = Path(__file__).with_name("office_holders.yaml")
Holders = tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def _office_holders() -> tuple[dict[str, dict[str, Holders]], tuple[tuple[str, str, Holders], ...]]:
    """The partners' office holders (office → country → (first day, name) in order) and the
    governments ((first day, day after the last, (function, name)…)) of `office_holders.yaml`."""
    data = yaml.safe_load(_HOLDERS_FILE.read_text(encoding="utf-8")) or {}
    partners = {
        office: {
            country: tuple((str(start), str(name)) for start, name in holders)
            for country, holders in countries.items()
        }
        for office, countries in (data.get("partners") or {}).items()
    }
    governments = tuple(
        (
            str(entry["from"]),
            str(entry["until"]),
            tuple((str(f), str(n)) for f, n in entry["members"].items()),
        )
        for entry in data.get("governments") or ()
    )
    return partners, governments


def partner_key(country: str) -> str:
    """Return the key a partner country is known by in `partner_holder`: its folded name's
    last word or hyphenated pair (« la Fédération de Russie » → `russie`).

    >>> partner_key("Fédération de Russie"), partner_key("Etats-Unis d'Amérique")
    ('russie', 'etats-unis')
    """
    folded = fold(country).casefold()
    for offices in _office_holders()[0].values():
        for key in offices:
            if re.search(rf"\b{re.escape(key)}\b", folded):
                return key
    return folded


def partner_holder(function: str, country: str, when: str | None) -> str | None:
    """Return who held `function` (a foreign minister, a head of state) for a partner country
    on `when`, or None when the office, the country or the date is not known.

    >>> partner_holder("ministre des affaires étrangères", "Allemagne", "2020-09-20")
    'Heiko Maas'
    >>> partner_holder("président de la République", "Etats-Unis d'Amérique", "2020-10-01")
    'Donald Trump'
    >>> partner_holder("ministre des affaires étrangères", "Costa Rica", "2020-09-20")
    """
    if not when:
        return None
    folded = fold(function).casefold()
    partners = _office_holders()[0]
    office = next((o for o in partners if o in folded), None)
    if office is None:
        return None
    holders = partners[office].get(partner_key(country), ())
    found = [name for start, name in holders if start <= when]
    return found[-1] if found else None


_PARTNER_SUFFIX = re.compile(r"\(([^()]+)\)\s*$")


def is_partner_function(function: str | None) -> bool:
    """Tell whether a speaker's function is a partner country's office as `partner_function`
    writes it (« ministre des affaires étrangères (Allemagne) »).

    >>> is_partner_function("président (Fédération de Russie)")
    True
    >>> is_partner_function("ministre de l'Europe et des affaires étrangères")
    False
    >>> is_partner_function("député (Les Républicains)")
    False
    """
    found = _PARTNER_SUFFIX.search(function or "")
    partners = _office_holders()[0]
    return bool(found) and any(
        partner_key(found.group(1)) in countries for countries in partners.values()
    )


def partner_function(function: str, country: str) -> str:
    """Return the partner's office as a speaker's function: the function the title gives, with
    the country (the United States' foreign minister is its Secretary of State).

    >>> partner_function("ministre des affaires étrangères", "Etats-Unis d'Amérique")
    "secrétaire d'État (Etats-Unis d'Amérique)"
    >>> partner_function("ministre des affaires étrangères", "Allemagne")
    'ministre des affaires étrangères (Allemagne)'
    >>> partner_function("président de la République", "Fédération de Russie")
    'président (Fédération de Russie)'
    """
    folded = fold(function).casefold()
    if partner_key(country) == "etats-unis" and "affaires etrangeres" in folded:
        function = "secrétaire d'État"
    elif folded.startswith("president"):
        function = "président"  # not « président de la République (Fédération de Russie) »
    return f"{function} ({country})"


# The members of a government, by the functions of its decree (`office_holders.yaml`): who
# presents a Conseil des ministres item that no title of the weeks around names (« Le ministre
# de l'intérieur et des outre-mer et la ministre déléguée … ont présenté une communication »,
# 28 March 2023: the titles of that file never name Gérald Darmanin). The titles win
# (`RoleBook.holder`); this is asked only when they know nobody.


def government_holder(function: str, when: str | None) -> str | None:
    """Return who held a French government function on `when` by the decrees
    (`office_holders.yaml`), or None outside the governments listed.

    >>> government_holder("ministre de l'intérieur et des outre-mer", "2023-03-28")
    'Gérald Darmanin'
    >>> government_holder("ministre délégué chargé des comptes publics", "2023-04-26")
    'Gabriel Attal'
    >>> government_holder("ministre de l'intérieur et des outre-mer", "2024-03-28")
    """
    if not when:
        return None
    members = tuple(
        member
        for start, end, listed in _office_holders()[1]
        if start <= when < end
        for member in listed
    )
    return _government(members).holder(function, None) if members else None


@lru_cache(maxsize=8)
def _government(members: tuple[tuple[str, str], ...]) -> RoleBook:
    book = RoleBook()
    for function, name in members:
        book.learn(function, name, None)
    return book
