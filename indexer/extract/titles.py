"""What an official title says: who spoke, in which function, where or on which medium, when.

vie-publique titles pack it all: « Interview de M. Olivier Dussopt, ministre des comptes
publics, à France info le 21 septembre 2020, sur la politique économique… »,
« Déclarations de Mmes Florence Parly, ministre des armées et Geneviève Darrieussecq, … »,
« Communiqué de la Présidence de la République, en date du 14 septembre 2020, sur … ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from indexer.extract.dates import DateMatch, find_dates
from indexer.extract.kinds import kind_from_title
from indexer.extract.names import canonical_name, looks_like_body
from indexer.extract.people import is_person_name

_CIV = r"(?:M\.|Mme|Mlle|MM\.|Mmes|Me|Monsieur|Madame)"
# "Interview de M. X…", "Déclaration à la presse de Mme…", "Communiqué de la Présidence…",
# "Extraits d'un entretien de M. …": the word that names the kind, anything short up to
# "de"/"du"/"des", then the people or the body.
_HEAD = re.compile(
    r"^(?P<head>(?:extraits? d'une?\s+)?[\wÀ-ÿœ'’]+(?:\s+(?:croisée|conjointe?|commune|télévisée"
    r"|de presse|des ministres|en vid[ée]o|vid[ée]o|à la presse|\d{4}))*)"
    r"\s+(?P<link>de\s+(?:de\s+)?(?:la\s+|l['’])?|du\s+|des\s+)(?P<rest>.+)$",
    re.IGNORECASE | re.S,
)
# Where the list of speakers stops: the subject, a reply, an occasion, a date.
_END = re.compile(
    r",?\s+(?:sur|concernant|en réponse|en hommage|à l'occasion|adressée?s?|dans le cadre"
    r"|appelant|notamment|lors)\b|,\s+(?:le|en date du)\s+(?:1er|\d)|\.\s*$",
    re.IGNORECASE,
)
# "à France info le 21 septembre 2020", "avec "Le Figaro" le 1er octobre", "au Sénat le …".
_WHERE = re.compile(
    r",?\s+(?P<prep>à|au|aux|avec|dans|devant)\s+(?P<where>[^,]*?),?\s+(?:le|du)\s+(?:1er|\d{1,2})\b",
    re.IGNORECASE,
)
_SPLIT_PEOPLE = re.compile(
    rf",?\s+et\s+(?:de\s+|d['’])?(?={_CIV}\s|[A-ZÉ][a-zéèëï]+(?:-[A-ZÉ][a-zé]+)?\s+[A-ZÉ])"
)
_CIVILITY_AT = re.compile(rf"^{_CIV}\s+")
# A name and then where it was said, with no function between: « Discours de Claire Aubertin
# aux Assises de la Vère ».
_NAME_THEN_PLACE = re.compile(
    rf"^(?P<who>(?:{_CIV}\s+)?[A-ZÉ][\w'’-]+(?:\s+(?:de\s+|d['’]|le\s+)?[A-ZÉ][\w'’-]+){{1,3}})"
    r"\s+(?:aux|au|à|devant|lors)\s"
)
_DATED = re.compile(r"\ble\s+(?:1er|\d{1,2})\b")
_MEDIUM_PART = re.compile(r"^(?:à|au|aux|avec|dans|devant)\s+(?:[A-Z\"«]|l['’][A-ZÉ])|^[\"«]")
_ARTICLE = re.compile(r"^(?:l'|la\s+|le\s+|les\s+)(?=[A-ZÉÈ])")  # "à l'Assemblée nationale"
_OTHERS = re.compile(r",?\s+et\s+des\s+ministres\s+(?P<list>.+)$", re.IGNORECASE)
# « Déclaration conjointe des ministres des affaires étrangères de la France, de l'Allemagne et
# du Royaume-Uni sur … », « Déclaration conjointe de la France et du Costa Rica sur … »,
# « … des présidents de la Fédération de Russie, des Etats-Unis d'Amérique et de la
# République française »: who (by function) and the countries
_JOINT = re.compile(
    r"^(?:déclaration|communiqué)\s+(?:conjointe?|commune?)\s+"
    r"(?:des\s+(?P<role>ministres\s[^,]+?|présidents|chefs\s+d'[ÉEée]tat[^,]*?)\s+)?"
    r"(?P<list>(?:de\s+la|de\s+l'|du|des)\s+[A-ZÉ].*?)"
    r"(?=\s+(?:sur|concernant|relati(?:f|ve)|appelant|à\s+propos|au\s+sujet)\b|,\s+le\s+\d|\.?$)",
    re.IGNORECASE,
)
# « Déclaration conjointe des ministres des affaires étrangères français, russe et américain,
# co-présidents du groupe de Minsk »: the countries by their adjectives
_ADJECTIVES = {
    "français": "France",
    "russe": "Fédération de Russie",
    "américain": "Etats-Unis d'Amérique",
    "allemand": "Allemagne",
    "britannique": "Royaume-Uni",
    "italien": "Italie",
    "espagnol": "Espagne",
    "polonais": "Pologne",
}
_ADJECTIVE = rf"(?:{'|'.join(_ADJECTIVES)})(?:e|ne)?s?"
_JOINT_ADJECTIVES = re.compile(
    r"^(?:déclaration|communiqué)\s+(?:conjointe?|commune?)\s+"
    r"des\s+(?P<role>ministres\s[^,]+?|présidents|chefs\s+d'[ÉEée]tat)\s+"
    rf"(?P<list>{_ADJECTIVE}(?:(?:\s*,\s*|\s+et\s+){_ADJECTIVE})+)(?=[\s,.]|$)",
    re.IGNORECASE,
)
_COUNTRY_SPLIT = re.compile(r"\s*(?:,\s*|\s+et\s+)?(?:\bde\s+la\s+|\bde\s+l'|\bdu\s+|\bdes\s+)")
_FRANCE = re.compile(r"France|République française", re.IGNORECASE)
# The chairs of a named body: « (des) co-présidents français, américain et russe du Groupe de
# Minsk de l'OSCE (sur …) ».
_CHAIRS_OF = re.compile(
    r"co-?présidents?(?:\s+[a-zà-ÿ]+(?:,|\s+et)?){0,6}\s+(?:du|de\s+la|de\s+l')\s*"
    r"(?P<body>[A-ZÉ][^,]*?)(?=\s+(?:sur|concernant|relati(?:f|ve)|appelant)\b|,|\.?$)"
)
# « Déclaration du sommet de la zone euro, réuni en configuration ouverte, sur … », « … du
# sommet du G20 »: a summit speaks as a body does
_SUMMIT = re.compile(r"Sommet\s+(?:de\s+la|de\s+l'|du|des|d')\s*\S", re.IGNORECASE)
_BODY_LEAD = re.compile(
    r"^(?:la\s+|le\s+|l['’])?(présidence|ministère|secrétariat|gouvernement|premier ministre"
    r"|ambassade|délégation|porte-parole)",
    re.IGNORECASE,
)


@dataclass
class TitleInfo:
    """The fields a title states; empty when it is not an official-style title."""

    kind: str | None = None
    speakers: list[tuple[str, str | None]] = field(default_factory=list)  # (name, function)
    bodies: list[str] = field(default_factory=list)  # issuing organisations
    functions: list[str] = field(default_factory=list)  # speakers named by function only
    # a joint statement of France and other countries (« Déclaration conjointe des ministres
    # des affaires étrangères de la France, de l'Allemagne et du Royaume-Uni »): the others
    partners: list[str] = field(default_factory=list)
    where: str | None = None  # place, or medium for interviews
    medium: bool = False  # True when `where` is a radio, TV channel or newspaper
    date: DateMatch | None = None


def _people(segment: str) -> list[tuple[str, str | None]]:
    people = []
    for chunk in _SPLIT_PEOPLE.split(segment):
        chunk = chunk.strip(" ,")
        if not chunk:
            continue
        had_civility = bool(_CIVILITY_AT.match(chunk))
        parts = [p.strip() for p in chunk.split(",")]
        name = canonical_name(parts[0])
        rest = [p for p in parts[1:] if p and canonical_name(p) != name]
        # the function ends where the media list starts: ", à Europe 1, "Les Echos" et CNews"
        media = next((i for i, p in enumerate(rest) if _MEDIUM_PART.match(p)), len(rest))
        if any(_DATED.search(p) for p in rest[media:]):  # not "aux Français de l'étranger"
            rest = rest[:media]
        function = ", ".join(rest) or None
        words = name.split()
        if not words or not (had_civility or (2 <= len(words) <= 5 and words[0][:1].isupper())):
            continue
        if re.search(r"\d|\s[-–—]\s", name) or (not had_civility and not is_person_name(name)):
            continue  # « Communiqué de presse - Drupalcamp Rennes 2024 » names nobody
        if not words[0][:1].isupper() or looks_like_body(name):
            continue
        people.append((name, function))
    return people


# A batch file's records often share their title (a sitting's turns, a speech's rows), and
# each title is parsed twice (`enrich_document`, `roles.learn_from_titles`): parsed once.
# The answer is shared, never changed by its readers.
@lru_cache(maxsize=4096)
def parse_title(title: str | None) -> TitleInfo:
    """Return what an official-style title states.

    >>> info = parse_title("Déclaration de M. Jean Castex, Premier ministre, sur la relance.")
    >>> info.kind, info.speakers
    ('déclaration', [('Jean Castex', 'Premier ministre')])
    >>> info = parse_title("Interview de M. Olivier Dussopt, ministre des comptes publics, "
    ...                    "à France info le 21 septembre 2020, sur le budget.")
    >>> info.speakers, info.where, info.medium, info.date.iso()
    ([('Olivier Dussopt', 'ministre des comptes publics')], 'France info', True, '2020-09-21')
    """
    info = TitleInfo()
    if not title:
        return info
    title = " ".join(title.replace("’", "'").split())
    info.kind = kind_from_title(title)
    dates = find_dates(title)
    full = [d for d in dates if d.year]
    info.date = full[-1] if full else None
    if joint := _JOINT_ADJECTIVES.match(title):
        countries = [
            next(c for a, c in _ADJECTIVES.items() if adjective.lower().startswith(a))
            for adjective in re.split(r"\s*,\s*|\s+et\s+", joint["list"])
        ]
        if "France" in countries:
            return _joint(info, joint["role"], countries)
    if joint := _JOINT.match(title):
        countries = [c for c in _COUNTRY_SPLIT.split(joint["list"]) if c]
        # countries only (« du ministère de l'Europe … et du ministère du commerce … de la
        # République de Colombie » names bodies: read as usual below)
        if all(c[:1].isupper() and len(c.split()) <= 4 for c in countries) and any(
            _FRANCE.fullmatch(c) for c in countries
        ):
            return _joint(info, joint["role"], countries)
    head = _HEAD.match(title)
    if head is None:
        return info
    rest = head.group("rest")
    link = head.group("link").lower()
    if link.startswith("des") and (group := _CHAIRS_OF.match(rest)):
        # « Communiqué de presse des co-présidents français, américain et russe du Groupe de
        # Minsk de l'OSCE sur … »: the body they chair issues it
        info.bodies.append(group.group("body"))
        return info
    if info.kind == "conseil des ministres" or link.startswith("des"):
        return info  # "des ministres des affaires étrangères de …": nobody named
    if info.kind is None and not _CIVILITY_AT.match(rest):
        return info  # "Lettre de M. …", "Message de Mme …" only: no stray "de" phrases
    end = _END.search(rest)
    segment = rest[: end.start()] if end else rest
    is_body = link.startswith(("de la", "de l'", "du")) or bool(_BODY_LEAD.match(segment))
    where = _WHERE.search(rest)
    if where and where.start() < len(segment):
        if is_body:
            where = None  # "Groupe international de soutien au Liban, le 23 …" is a name
        else:
            segment = segment[: where.start()]
    if where:
        info.where = _ARTICLE.sub("", where.group("where").strip(' "«»'))
        info.medium = info.kind in ("interview", "entretien") or where.group("prep") in (
            "avec",
            "dans",
        )
    if is_body:
        body = segment.split(",")[0].strip()
        body = re.split(
            r"\s+de la République française|\s+et\s+(?:du|de la|des)\s+(?=minist|présid)", body
        )[0]
        body = body[:1].upper() + body[1:]
        if body and (looks_like_body(body) or _SUMMIT.match(body)):
            info.bodies.append(body)
        return info
    if (others := _OTHERS.search(segment)) is not None:
        segment = segment[: others.start()]
        info.functions = _functions(others.group("list"))
    if (glued := _NAME_THEN_PLACE.match(segment)) is not None:
        segment = glued.group("who")
    info.speakers = _people(segment)
    return info


def _joint(info: TitleInfo, role: str | None, countries: list[str]) -> TitleInfo:
    """A joint statement of France and partners: the partners, and the function of who signs
    it, when the title states one."""
    info.partners = [c for c in countries if not _FRANCE.fullmatch(c)]
    role = " ".join((role or "").split()).lower()
    if role:  # countries alone: who signed is for the text to say (`enrich_document`)
        info.functions = [
            "président de la République"
            if role.startswith(("président", "chef"))
            else re.sub(r"^ministres\b", "ministre", role)
        ]
    return info


def _functions(listing: str) -> list[str]:
    """Return "ministre de l'intérieur", "ministre du travail" from "de l'intérieur, du travail"."""
    found = []
    for part in re.split(r",\s*|\s+et\s+", listing):
        part = part.strip()
        if re.match(r"(?:du\s+|de\s+la\s+|des\s+)?(?:secrétaire|ministre)", part):
            found.append(re.sub(r"^(?:du|de la|des)\s+", "", part))
        elif re.match(r"(?:de\s+la|de\s+l'|du|des)\b", part):
            found.append(f"ministre {part}")
    return found
