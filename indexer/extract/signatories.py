"""Who signs a text: the signatory list of an open letter, a tribune or a joint release.

An op-ed or an open letter signed by many is spoken by its signatories, and a joint release
by the organisations that issue it. Their list follows a heading (« Signataires : »,
« Premiers signataires », « Les organisations signataires », « Ils ont signé : ») or, for
people only, is the run of `Name, function` lines that ends the text. Each line of a list is:

* a person with a function: « Eva Joly, députée européenne (EELV) », « Claire Aubertin –
  présidente de la FRV », « Thomas Piketty (économiste) », « Mme Ana Lopez »;
* an organisation, kept as written: « Attac France », « CCFD-Terre Solidaire »,
  « Les Amis de la Terre », « Sherpa (France) », « Eurodad, Belgique »;
* a section heading, skipped: « Organisations françaises : », « Personnalités », « Belgique »;
* anything else (a sentence, a contact block, an address, a link) ends the list.

The reading is one pass over the lines after the heading, and stops after `MAX_SIGNATORIES`
names: a list of thousands stays bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import NamedTuple

from indexer.analysis import fold
from indexer.extract.firstnames import FIRST_NAMES
from indexer.extract.functions import FUNCTION_WORDS
from indexer.extract.names import canonical_name, looks_like_body
from indexer.extract.people import is_person_name

__all__ = ["MAX_SIGNATORIES", "Signatory", "signatories"]

MAX_SIGNATORIES = 500
_MAX_LINES = 4 * MAX_SIGNATORIES  # lines read after a heading, headings and blanks included


class Signatory(NamedTuple):
    """One signatory: a person with a function, or an organisation (`body`)."""

    name: str
    function: str | None = None
    body: bool = False


_UP = "A-ZÀ-ÖØ-ÞŒ"
# The heading of a list: « Signataires : », « Les premiers signataires », « Liste des
# organisations signataires », « Signataires de la lettre ouverte (par ordre alphabétique) :
# Attac, … », « Ils ont signé : », « Signé par : ». A colon may open the list on its line.
_CATEGORY = (
    r"(?:organisations|associations|syndicats|structures|personnalités|élu(?:e)?s"
    r"|parlementaires|ONG|collectifs)"
)
_HEADING = re.compile(
    r"(?im)^[ \t]*(?:[-*•][ \t]+)?(?:"
    r"(?:(?:la[ \t]+)?listes?(?:[ \t]+complète)?[ \t]+des[ \t]+|les[ \t]+|nos[ \t]+"
    r"|parmi[ \t]+les[ \t]+)?(?:premi(?:er|ère)s[ \t]+)?"
    rf"(?:{_CATEGORY}[ \t]+(?:et[ \t]+{_CATEGORY}[ \t]+)?)?(?:co-?)?signataires"
    r"(?:[ \t]+(?:d(?:e|u|es)[ \t]+(?:(?:la|cette|l['’]|cet)[ \t]*)?[\w’' -]{2,40}?"
    r"|par[ \t]+ordre[ \t]+\w+))?"
    r"[ \t]*(?:\([^)\n]{0,60}\))?[ \t]*(?::[ \t]*(?P<inline>[^\n]*))?"
    r"|(?:ils[ \t]+|elles[ \t]+)?ont[ \t]+signé[ \t]*:[ \t]*(?P<inline2>[^\n]*)"
    r"|(?:sign[ée]e?s?[ \t]+par|(?:co-?)?signed[ \t]+by)[ \t]*:[ \t]*(?P<inline3>[^\n]*)"
    r"|signatories[ \t]*:?"  # an English list (a letter to the European institutions)
    r")[ \t]*$"
)
# « … et signée par Sandra Cossart, directrice de l'association Sherpa ; Alice Picard, … »
_SIGNED_BY = re.compile(r"(?i)\bsign(?:é|ée|és|ées)[ \t]+par[ \t]+(?P<list>[^\n]{40,})")
# The closing formula of a signed agreement: « Fait à Lyon, le 5 décembre 2024, pour la
# Fédération des Rivières Vivantes, Claire Aubertin, présidente ; pour la chambre
# d'agriculture, Bernard Vasseur, président. »: each party's signer, after « pour <party>, ».
_DONE_AT = re.compile(r"(?m)^[ \t]*Fait (?:à|en|le)[ \t][^\n]{0,1000}")
_FOR_PARTY = re.compile(r"\bpour (?:la |le |les |l['’])?[^,;\n]{2,80}?,[ \t]*(?P<signer>[^;\n]+)")
# « Isabelle Attard, députée (Nouvelle Donne) », « Claire Aubertin – présidente de la FRV »:
# a name, a comma or a dash, what follows it.
_NAME_AND_REST = re.compile(r"(?P<name>[^,–—(:]+?)[ \t]*(?:,|:|[ \t][–—-])[ \t]*(?P<rest>.+)")
# « Thomas Piketty (économiste) », « Sherpa (France) », « FRV (Fédération …) ».
_PARENTHESIS = re.compile(r"(?P<name>[^()]+?)[ \t]*\((?P<inside>[^()]+)\)")
_FUNCTION_START = re.compile(rf"(?:ex-|l['’]|le\s|la\s)?\s*{FUNCTION_WORDS}", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-*•·▪◦–—>●■□►➢✓○]|\d{1,3}[.)])[ \t]+")
# « DUPONT Jean »: the surname in capitals first, then the first name
_SURNAME_FIRST = re.compile(
    rf"(?P<surname>[{_UP}][{_UP}'’-]+(?:[ \t]+[{_UP}][{_UP}'’-]+)?)[ \t]+"
    rf"(?P<first>[{_UP}][a-zà-öø-ÿ'’]+(?:-[{_UP}][a-zà-öø-ÿ'’]+)?)"
)
_CIVILITY = re.compile(r"^(?:M\.|Mme|Mlle|Me|Dr\.?|Pr\.?|Monsieur|Madame)[ \t]+")
# What no signatory line holds: a link, an e-mail, a telephone number, a postal box or code.
_NOT_A_NAME = re.compile(r"https?:|www\.|@|\d[\d .]{7,}\d|\bBP[ \t]*\d|\b\d{5}\b", re.I)
# Words a heading or a list's end opens with, folded.
_SECTION_WORDS = frozenset(
    """
    organisations associations syndicats ong personnalites elus elues parlementaires deputes
    eurodeputes senateurs chercheurs chercheuses universitaires scientifiques citoyens
    citoyennes collectifs reseaux partis mouvements federations institutions entreprises
    experts avocats magistrats journalistes artistes ecrivains economistes autres soutiens
    particuliers individus membres structures signataires cosignataires co-signataires
    """.split()
)
# Places a list is sorted by (« Belgique », « En France : », « Au niveau européen »), folded.
_PLACES = frozenset(
    """
    france belgique luxembourg allemagne espagne italie portugal pays-bas royaume-uni irlande
    suisse autriche grece pologne suede danemark finlande norvege hongrie roumanie bulgarie
    croatie slovenie slovaquie tchequie lituanie lettonie estonie chypre malte europe
    international internationales internationaux canada quebec afrique monde
    """.split()
)
_PLACE_LEADS = ("au niveau ", "en ", "au ", "aux ", "pour la ", "pour le ", "pour l'", "niveau ")
# Lower-case words an organisation's name may hold without reading as a sentence.
_LINKS = frozenset(
    "de d du des la le les l à a au aux et pour en sur contre avec sans par dans une un the of "
    "for and in on to für und van von y".split()
)
# The separators of a list on one line: a semicolon, or a comma unless inside parentheses
# (« Sherpa (Paris, Lyon), Attac »): `_separators` splits as `_SEPARATORS` would, in linear time.
_SEPARATORS = re.compile(r"[ \t]*;[ \t]*|,[ \t]+(?![^()]*\))")
_SEPARATOR = re.compile(r"[ \t]*;[ \t]*|,[ \t]+")
_ROUND_BRACKET = re.compile(r"[()]")
_LAST_AND = re.compile(rf"[ \t]+et[ \t]+(?=[{_UP}])")
# First words of what follows a list rather than a name in it, folded.
_NOT_NAMES = frozenset(
    """
    pour par dans sur avec sans selon voir lire retrouvez consultez telecharger contact
    contacts presse source sources note notes nous vous je il elle ils elles on ce cette ces
    cet ceci cela voici voila merci plus en au aux a de du des un une si quand mais et ou
    donc car depuis apres avant lors suite contexte rappel signer
    """.split()
)


def signatories(text: str, block_only: bool = False) -> list[Signatory]:
    """Return the signatories of a text: the list after its « Signataires » heading, or
    (unless `block_only`) the run of `Name, function` lines that ends it.

    >>> signatories("Nous soutenons Antoine.\\n\\nSignataires :\\n\\nEva Joly, députée "
    ...             "européenne (EELV)\\n\\nThomas Piketty, économiste")
    [Signatory(name='Eva Joly', function='députée européenne (EELV)', body=False), \
Signatory(name='Thomas Piketty', function='économiste', body=False)]
    >>> [s.name for s in signatories("Premiers signataires : Attac France ; Sherpa ; "
    ...                              "Mme Ana Lopez (juriste)")]
    ['Attac France', 'Sherpa', 'Ana Lopez']
    """
    lines = list(islice(_sign_lines(text), 64))
    headings = [h for h in (_HEADING.match(text, start) for start, _ in lines) if h][:4]
    for heading in headings:
        # the first heading a list follows: a menu's « Signataires » link may come before it
        if found := _block(text, heading):
            return found
    for start, end in lines:
        if (signed := _SIGNED_BY.search(text, start, end)) and (found := _signed_by(signed)):
            return found
    if block_only or headings:
        return []
    # an agreement's signers (not a list that makes the text a tribune: hence not block_only)
    if (done := _DONE_AT.search(text, max(0, len(text) - 1500))) and (found := _signers(done)):
        return found
    return _closing_run(text)


def _sign_lines(text: str) -> Iterator[tuple[int, int]]:
    """The lines that hold « ign » or « IGN », in order: a heading says « signataires » or
    « signé », and most texts have none (searching a word is much faster than trying a
    pattern at every line)."""
    lower, upper = text.find("ign"), text.find("IGN")
    while lower != -1 or upper != -1:
        hit = min(p for p in (lower, upper) if p != -1)
        end = text.find("\n", hit)
        yield text.rfind("\n", 0, hit) + 1, len(text) if end == -1 else end
        if end == -1:
            return
        lower = text.find("ign", end) if lower != -1 and lower <= end else lower
        upper = text.find("IGN", end) if upper != -1 and upper <= end else upper


def _signed_by(signed: re.Match) -> list[Signatory]:
    """« Une tribune … signée par Sandra Cossart, directrice de l'association Sherpa ; Alice
    Picard, co-porte-parole d'Attac France ; … »: the people of a list of three or more,
    when two thirds of its pieces are people with their functions."""
    pieces = signed.group("list").rstrip(" .").split(";")
    if len(pieces) < 3:
        return []
    found = [p for p in map(_person, (p.strip() for p in pieces[:MAX_SIGNATORIES])) if p]
    return found if 3 * len(found) >= 2 * len(pieces) else []


def _signers(done: re.Match) -> list[Signatory]:
    """The people signing « pour » each party in the closing formula of an agreement."""
    found = []
    for party in _FOR_PARTY.finditer(done.group()):
        if person := _person(party.group("signer").strip().rstrip(".")):
            found.append(person)
    return found


def _block(text: str, heading: re.Match) -> list[Signatory]:
    """The signatories listed on a heading's line and on the lines after it."""
    found: list[Signatory] = []
    inline = heading.group("inline") or heading.group("inline2") or heading.group("inline3")
    if inline and not _inline(inline, found):
        return found
    lines = _LINE.finditer(text, heading.end())
    # A name in sentence case (« Notre affaire à tous ») is the list's only when a name
    # follows it: at its end, it is the heading of what comes next (« Historique de la
    # campagne »).
    pending: Signatory | None = None
    for count, match in enumerate(lines):
        if count >= _MAX_LINES or len(found) >= MAX_SIGNATORIES:
            break
        line = match.group().strip()
        if not line:
            continue
        if not found and len(line) > 150 and line.count(",") + line.count(";") >= 3:
            # « Attac, CCFD-Terre Solidaire, Oxfam France, Sherpa, … » in one paragraph
            _inline(line, found)
            break
        last = found[-1] if found and pending is None else None
        if last is not None and not last.body and last.function is None and _is_function(line):
            # « Eva Joly » then « députée européenne »: a table's cells, a signature's lines
            found[-1] = last._replace(function=_BULLET.sub("", line).rstrip(" ,;."))
            continue
        item = _item(line)
        if item is None:
            break
        if pending is not None:
            found.append(pending)
            pending = None
        if item is _SECTION:
            continue
        if item.body and _sentence_case(item.name):
            pending = item
        else:
            found.append(item)
    return found[:MAX_SIGNATORIES]


def _is_function(line: str) -> bool:
    """« députée européenne », « Présidente de la FRV »: a function on a line of its own."""
    return len(line) <= 120 and bool(line[:1].islower() or _FUNCTION_START.match(line))


def _sentence_case(name: str) -> bool:
    """« Historique de la campagne »: several words, only the first capitalised, no body word."""
    words = name.split()
    return (
        len(words) > 1
        and not looks_like_body(name)
        and not any(w[:1].isupper() or w[:1].isdigit() for w in words[1:])
        and not any(c.isupper() for c in words[0][1:])
    )


def _separators(listing: str) -> list[str]:
    """Return `_SEPARATORS.split(listing)`, the parenthesis after each comma looked up once
    rather than from every comma (its lookahead read the rest of the line from each: a line of
    64,000 characters of « Jean Dupont, … » took 1.6 s, quadratic).

    >>> _separators("Sherpa (Paris, Lyon), Attac ; Oxfam")
    ['Sherpa (Paris, Lyon)', 'Attac', 'Oxfam']
    """
    pieces: list[str] = []
    start = position = 0
    parenthesis = -1  # where the first ( or ) after the last comma stands (len: none)
    while (m := _SEPARATOR.search(listing, position)) is not None:
        if m.group().lstrip(" \t")[:1] == ",":
            if parenthesis < m.end():
                found = _ROUND_BRACKET.search(listing, m.end())
                parenthesis = found.start() if found else len(listing)
            if listing[parenthesis : parenthesis + 1] == ")":
                position = m.start() + 1  # inside parentheses: no separator here
                continue
        pieces.append(listing[start : m.start()])
        start = position = m.end()
    pieces.append(listing[start:])
    return pieces


def _inline(listing: str, found: list[Signatory]) -> bool:
    """Read a list written on one line, all or nothing: return False (and add nobody) when
    one of its pieces is no name."""
    pieces = _separators(listing.strip().rstrip(".…"))
    if len(pieces) > 1:
        pieces[-1:] = _LAST_AND.split(pieces[-1], maxsplit=1)  # « …, Oxfam et Sherpa »
    items = []
    for piece in pieces[:MAX_SIGNATORIES]:
        item = _item(piece) if piece.strip() else _SECTION
        if item is None:
            return False
        if item is not _SECTION:
            items.append(item)
    found.extend(items)
    return True


_SECTION = Signatory("")  # a heading inside the list: skipped
_ACRONYM = re.compile(rf"[{_UP}][{_UP}0-9&-]{{1,7}}")  # « CNCD », « AITEC », « EPSU »
_BRAND = re.compile(rf"[{_UP}][a-zà-ÿ]+[{_UP}]\w+")  # « ActionAid », « LobbyControl »
_LINE = re.compile(r"[^\n]+")


def _item(line: str) -> Signatory | None:
    """Return what one line of a signatory list is: a signatory, `_SECTION`, or None (the
    list ends)."""
    line = _BULLET.sub("", line.strip()).strip(" \t*_")
    line = line.rstrip(" ,;").strip()
    if not line or len(line) > 160 or _NOT_A_NAME.search(line):
        return None
    if _HEADING.fullmatch(line) or _is_section(line):
        return _SECTION
    if line.endswith(":") or fold(line.split()[0]).casefold().strip("'’") in _NOT_NAMES:
        return None  # « Contact presse : », « Pour en savoir plus », « Source : … »
    person = _person(line)
    if person is not None:
        return person
    return _organisation(line)


def _is_section(line: str) -> bool:
    """« Organisations françaises : », « Personnalités », « Belgique », « Au niveau européen »."""
    if line.startswith("(") and line.endswith(")"):
        return True  # « (par ordre alphabétique) », « (liste arrêtée au 3 avril) »
    words = fold(line.rstrip(" :")).casefold().split()
    if not words or len(words) > 6:
        return False
    phrase = " ".join(words)
    if phrase.startswith("par ordre "):
        return True
    if words[0].isdigit() and len(words) > 1:
        words = words[1:]  # « 54 organisations », « 12 personnalités »
        line = line.split(None, 1)[1]
    if words[0] in _SECTION_WORDS:
        # a plural category: « Membres du Parlement européen : », « Organisations
        # françaises », « Organisations du bassin de la Vère », not the name
        # « Associations Familiales Catholiques »
        qualifiers = line.rstrip(" :").split()[1:]
        return (
            line.endswith(":")
            or all(w[:1].islower() for w in qualifiers)
            or line.isupper()  # « ORGANISATIONS FRANÇAISES »
            or fold(qualifiers[0]).casefold().split("'")[0] in _LINKS
        )
    for lead in _PLACE_LEADS:
        if phrase.startswith(lead):
            phrase = phrase[len(lead) :]
            break
    return phrase in _PLACES or bool(phrase) and phrase.split()[0] in ("europeen", "national")


def _person(line: str) -> Signatory | None:
    """A person signing: a name with a function after a comma, a dash or in brackets, or a
    name alone that reads as one (a first name, a civility)."""
    name, function = line, None
    split = _NAME_AND_REST.fullmatch(line)
    bracket = _PARENTHESIS.fullmatch(line)
    if split is not None:
        name, function = split.group("name"), split.group("rest").rstrip(" .")
    elif bracket is not None:
        name, function = bracket.group("name"), bracket.group("inside").strip()
    name = name.strip()
    if looks_like_body(name):
        return None  # « Fondation Antoine » is no « Antoine Fondation »
    reversed_name = _SURNAME_FIRST.fullmatch(name)
    if reversed_name is not None and _first_name(reversed_name.group("first")):
        name = f"{reversed_name.group('first')} {reversed_name.group('surname')}"
    civility = bool(_CIVILITY.match(name))
    if len(name) > 60 or looks_like_body(name) or not is_person_name(name):
        return None
    surname_in_capitals = any(w.isupper() and len(w) > 2 for w in name.split()[1:])
    named = civility or _first_name(_CIVILITY.sub("", name).split()[0]) or surname_in_capitals
    if function is not None:
        # « Nom, fonction »: a function opening (« députée », « ex-ministre ») vouches for a
        # person even with a rare first name; a capitalised rest (« Eurodad, Belgique ») only
        # when the name is a person's by itself
        if not (_FUNCTION_START.match(function) or function[:1].islower() or named):
            return None
    elif not named or fold(name.split()[-1]).casefold() in _PLACES:
        return None  # « Max Havelaar France » is an organisation
    return Signatory(canonical_name(name), function or None)


def _abbreviates(short: str, name: str) -> bool:
    """Tell whether `short` is the initials of `name`'s words, the small ones left out.

    >>> _abbreviates("CGT", "Confédération Générale du Travail")
    True
    >>> _abbreviates("CGT", "Syndicat National des Journalistes")
    False
    """
    letters = fold(short).casefold().replace("-", "").replace("&", "")
    words = re.split(r"[\s'’-]+", fold(name).casefold())
    initials = "".join(w[0] for w in words if w and w not in _LINKS)
    return len(letters) >= 2 and letters == initials


def _first_name(word: str) -> bool:
    return fold(word.split("-")[0]).casefold() in FIRST_NAMES


def _organisation(line: str) -> Signatory | None:
    """An organisation signing, as written, without its country or acronym in brackets or
    after a comma (« Sherpa (France) », « Eurodad, Belgique »), keeping an acronym or a brand
    that is no abbreviation of the name (« … Services Publics (EPSU) », « Syndicat National
    des Journalistes – CGT »); None for a sentence."""
    name = line
    bracket = _PARENTHESIS.fullmatch(name)
    if bracket is not None:
        name = bracket.group("name")
    split = _NAME_AND_REST.fullmatch(name)
    # « Centre national de coopération au développement, CNCD », « … Chercheurs (AITEC) »:
    # an acronym beside it vouches for an organisation, however many lower-case words it has
    beside = bracket["inside"] if bracket else split["rest"] if split else ""
    acronym = _ACRONYM.fullmatch(beside.strip())
    dashed = split is not None and name[len(split["name"]) :].lstrip()[:1] in "–—-"
    if bracket is not None and acronym and not _abbreviates(beside, name):
        name = line  # « Fédération Européenne des Services Publics (EPSU) »: part of its name
    elif (
        dashed
        and (_ACRONYM.fullmatch(split["rest"]) or _BRAND.fullmatch(split["rest"]))
        and not _abbreviates(split["rest"], split["name"])
        and not _abbreviates(split["name"], split["rest"])
    ):
        # kept whole: « Syndicat National des Journalistes – CGT » is not the SNJ, « Peuples
        # Solidaires – ActionAid » one name (but « Confédération Générale du Travail – CGT »
        # is the CGT: the acronym abbreviates the name)
        name = line
    elif split is not None and (split.group("rest")[:1].isupper() or _is_section(split["rest"])):
        name = split.group("name")  # « Eurodad, Belgique »: the name before its place
    elif split is not None and _is_function(split.group("rest")):
        if not looks_like_body(split.group("name")):
            return None  # « Attac France Sherpa Eva Joly, députée »: lines run together
        name = split.group("name")  # « Collectif Vère Propre, association loi 1901 »
    name = name.strip(" .")
    words = name.split()
    if not words or len(words) > 14:
        return None
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        # a brand written in lower case, one word: « foodwatch », « all4trees »
        return Signatory(name, None, True) if len(words) == 1 and len(name) >= 3 else None
    if words[0].casefold() in ("le", "la", "les", "l'", "l’") and not (
        len(words) > 1 and words[1][:1].isupper()
    ):
        # « Le texte complet … » ends the list, not « Les Amis de la Terre »; « Les économistes
        # atterrés », short and without a stop, is in sentence case: the list's only when a
        # name follows it (`_block`)
        if len(words) > 3 or line.endswith((".", ":")) or not _sentence_case(name):
            return None
        return Signatory(name, None, True)
    if line.endswith(("!", "?", "…")) or (line.endswith(".") and len(words) >= 4):
        return None  # a sentence
    lower = [w for w in words[1:] if w[:1].islower() and fold(w).casefold() not in _LINKS]
    if acronym is None and len(lower) >= (6 if looks_like_body(name) else 3):
        return None  # « Nous appelons les chefs d'État à agir » reads as a sentence
    return Signatory(name, None, True)


# « Isabelle Attard, députée (Nouvelle Donne) », « Emmanuel Macron, Président »: a signature.
_SIGNATURE_LINE = re.compile(
    rf"(?P<name>(?:[{_UP}][^\s,]*[ \t]+(?:(?:de|du|des|van|von|le|la)[ \t]+)?){{1,3}}"
    rf"[{_UP}][^\s,]*)"
    rf"[ \t]*,[ \t]*(?P<fn>[^\n]{{2,120}}?)[ \t]*\.?[ \t]*"
)


def _closing_run(text: str) -> list[Signatory]:
    """The run of `Name, function` lines that ends a text (two or more): the heads of state
    signing a joint declaration."""
    found = []
    for line in reversed(text.splitlines()):
        line = line.strip()
        if not line:
            continue
        m = _SIGNATURE_LINE.fullmatch(line)
        if m is None or not _FUNCTION_START.match(m.group("fn")) or len(found) >= MAX_SIGNATORIES:
            break
        found.append(Signatory(canonical_name(m.group("name")), m.group("fn")))
    return found[::-1] if len(found) >= 2 else []
