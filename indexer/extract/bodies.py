"""Organisations a text names: a body word and its name (« la Commission européenne »,
« la mairie de Marseille »), an acronym after an article (« la CEVV »), a seat of power
standing for it (« l'Élysée »), and the single-holder offices (« le Défenseur des droits »),
which are functions, not bodies."""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexer.extract.mentions import ARTICLES, Mention, is_subject
from indexer.extract.names import BODY_WORDS

# "l'Académie des sciences morales et politiques", "la Commission européenne", "l'Union des
# entreprises de proximité", "le Comité de soutien à Antoine Deltour": a body word written
# with a capital, then capitalised words, complements (a preposition and a noun) and a few
# adjectives; a verb or a comma ends it.
# A body word written with a capital (« la Commission européenne »), or in lower case before a
# capitalised name (« l'association Drupal France »); found word by word, then looked up (a
# regex alternation of every body word would be tried at every position of the text).
# A town's or a region's administration, in lower case before the place it runs (« la mairie
# de Marseille », « la préfecture du Nord »).
# (each word its own pattern: a literal the regex engine scans for, not an alternative tried
# at every position of the text)
_LOCAL_BODIES = [
    re.compile(rf"{word}(?=[ \t]+(?:de|du|d['’])[ \t]*[A-ZÀ-ÖØ-Þ])")
    for word in "mairie ville préfecture prefecture région region département departement".split()
]
# (each alternative's letter before its lookbehind, the lower-case run possessive: the same
# matches in 0.7 times the time)
# An elided article is no part of the word after it: « L'Union européenne a dit » at the head
# of a sentence, « l'association Cosette et Gavroche », « l'entreprise Goodyear » (read as
# « L'Union » and never as « association » before the thirteenth round: 55 bodies of the corpus
# missed, none found that is no body).
_BODY_CANDIDATE = re.compile(
    r"[A-ZÀ-ÖØ-Þ](?<!\w[A-ZÀ-ÖØ-Þ])(?![’'])[\w'’-]*"
    r"|[a-zà-öø-ÿ](?<!\w[a-zà-öø-ÿ])[a-zà-öø-ÿ]*+(?=[ \t]+[A-ZÀ-ÖØ-Þ])"
)
_ARTICLE_BEFORE = re.compile(r"(?:(?<![\w'’])(?:[Ll]a|[Ll]es?)\s+|(?<![\w'’])[Ll]['’]\s*)$")
# Titles of texts and awards that may hold a person's name (« Loi … de Florence Parly »).
_WORK_WORDS = frozenset(
    "loi accord traité pacte plan prix rapport projet proposition amendement décret directive "
    "règlement fondation".split()
)


_BODY_TOKEN = re.compile(
    r"[ \t]+(?P<link>(?:de la|des|de|du|à la|aux|au|à|et|pour|sur|en|contre)[ \t]+"
    r"|(?:de l|d|à l)['’])?(?P<word>[^\W\d_][\w'’-]*)"
)
_BODY_ADJECTIVES = frozenset(
    """
    européen européenne européens européennes national nationale nationaux général générale
    généraux international internationale internationaux constitutionnel constitutionnelle
    social sociale sociaux économique économiques moral morale morales politique politiques
    public publique publics publiques français française mondial mondiale supérieur supérieure
    régional régionale municipal municipale fédéral fédérale départemental départementale
    permanent permanente spécial spéciale civil civile civile judiciaire administratif
    administrative unies unis
    """.split()
)


_BODY_STOPS = frozenset("ce cette son sa bp cs tsa cedex tél tel email twitter facebook".split())
# An infinitive after « pour » or « à » opens a clause of purpose, no part of the name (« l'avis
# du Conseil d'État pour essayer d'éclairer cette question », « … à faire »); a noun after them
# takes its article (« Agence pour l'emploi », « Comité de soutien à Antoine Deltour »).
_PURPOSE = re.compile(r"[a-zà-öø-ÿ]+(?:er|ir|re|oir)")


def body_candidates(text: str) -> tuple[list[re.Match], list[re.Match]]:
    """Return the words of `text` that may open a body's name (a body word) and a work's
    title (a work word written with a capital): one scan for both (`find_mentions` wants
    both, and the scan is most of their cost)."""
    bodies, works = [], []
    for m in _BODY_CANDIDATE.finditer(text):
        first = m.group()
        word = first.casefold()
        if word in BODY_WORDS:
            bodies.append(m)
        if word in _WORK_WORDS and first[:1].isupper():
            works.append(m)
    return bodies, works


def find_bodies(text: str, works: bool = False) -> list[Mention]:
    """Return the organisations named in `text` with a capital (« la Commission européenne »).

    >>> [m.name for m in find_bodies("Je cite l'avis de l'Académie des sciences morales et "
    ...                              "politiques : « … ». La Commission européenne cherche à…")]
    ['Académie des sciences morales et politiques', 'Commission européenne']
    """
    return bodies_among(text, body_candidates(text)[works], works)


def bodies_among(text: str, candidates: Iterable[re.Match], works: bool = False) -> list[Mention]:
    """`find_bodies`, from the candidates `body_candidates` found."""
    found = []
    local = [
        m
        for pattern in (() if works else _LOCAL_BODIES)
        for m in pattern.finditer(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "'’_")
    ]
    if local:
        candidates = sorted([*candidates, *local], key=lambda m: m.start())
    for m in candidates:
        first = m.group()
        if works:  # the titles of texts and awards, written with a capital
            if not first[:1].isupper() or first.casefold() not in _WORK_WORDS:
                continue
        elif first.casefold() not in BODY_WORDS:
            continue
        end = m.end()
        words = 1
        while (t := _BODY_TOKEN.match(text, end)) is not None and words < 9:
            word, link = t.group("word"), (t.group("link") or "").strip()
            adjective = word.casefold() in _BODY_ADJECTIVES
            if word.casefold() in ARTICLES or word.casefold() in _BODY_STOPS:
                break  # « … Antoine Deltour BP 1006 »: an address goes on
            named = word[:1].isupper() and (words > 2 or first[:1].islower())
            if link == "et" and not adjective and not named:
                # "l'Union européenne et les États-Unis": two names; but a name after a body
                # word in lower case goes on (« l'association Cosette et Gavroche »)
                break
            if not (word[:1].isupper() or link or adjective):
                break
            if link in ("pour", "à") and _PURPOSE.fullmatch(word):
                break  # « Conseil d'État pour essayer »: a clause of purpose begins
            end, words = t.end(), words + 1
        start = m.start()
        name = text[start:end]
        if words < 2 or name.casefold().startswith("assemblée générale"):
            continue  # "Comité" alone is no name, nor a general meeting; "Union européenne" is
        article = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
        subject = is_subject(text, article.start() if article else start)
        found.append(Mention(start, end, name, None, subject, True, body=True))
    return found


# The seat of a power standing for it, as the press writes (« La Maison-Blanche qui réagit se
# disant « … » », « l'Élysée fait savoir », « Matignon indique »): a body that can say words.
# One literal scan per seat (the literal first, so that the engine looks for it quickly), the
# article checked after, and none at all when a plain search does not find the seat's key word;
# a name keeps its usual spelling.
_SEATS = [
    (key, re.compile(literal + r"(?![\w-])"), re.compile(article + r"$"), name)
    for key, literal, article, name in (
        ("Blanche", r"Maison[- ]Blanche", r"(?<![\w'’])[Ll]a ", "Maison-Blanche"),
        ("lysée", r"lysée", r"(?<![\w'’])[Ll]['’][ÉE]", "Élysée"),
        ("Matignon", r"Matignon", r"(?<![\w'’-])", "Matignon"),
        ("Kremlin", r"Kremlin", r"(?<![\w'’])[Ll]e ", "Kremlin"),
        ("Orsay", r"Quai d['’]Orsay", r"(?<![\w'’])[Ll]e ", "Quai d'Orsay"),
    )
]


# The offices held by one person that a debate quotes, written with or without capitals (« Le
# défenseur des droits poursuit … : », « le Défenseur des droits … qu'il a faites »): a function,
# its holder unnamed (CONVENTIONS rule 2, as for « le Président de la République »), the person
# when the text names him with it (« M. Dominique Baudis, Défenseur des droits »). Not a body:
# collegial ones (Conseil d'État, CNIL …) are, a single holder is somebody. One literal scan each.
_AUTHORITIES = [
    (key, re.compile(pattern), name)
    for key, pattern, name in (
        (
            "éfenseur",
            r"(?<![\w'’])[Dd]éfenseure?\s+des\s+[Dd]roits(?![\w-])",
            "Défenseur des droits",
        ),
        (
            "édiateur",
            r"(?<![\w'’])[Mm]édiateur\s+de\s+la\s+[Rr]épublique(?![\w-])",
            "Médiateur de la République",
        ),
    )
]
AUTHORITY_FUNCTIONS = frozenset(name for _, _, name in _AUTHORITIES)


def find_authorities(text: str) -> list[Mention]:
    """Return the single-holder offices a text names, in whatever case, as functions.

    >>> [(m.name, m.function, m.subject) for m in find_authorities("Le défenseur des droits dit :")]
    [(None, 'Défenseur des droits', True)]
    """
    found = []
    for key, pattern, name in _AUTHORITIES:
        if key not in text:
            continue
        for m in pattern.finditer(text):
            article = _ARTICLE_BEFORE.search(text, max(0, m.start() - 5), m.start())
            subject = is_subject(text, article.start() if article else m.start())
            found.append(Mention(m.start(), m.end(), None, name, subject, True))
    return found


def find_seats(text: str) -> list[Mention]:
    """Return the seats of power a text names for the power itself.

    >>> [(m.name, m.subject) for m in find_seats("Lyon, Paris. La Maison-Blanche qui réagit "
    ...                                          "se disant « … ». Matignon, à l'Elysée…")]
    [('Maison-Blanche', True), ('Matignon', True), ('Élysée', False)]
    """
    found = []
    for key, pattern, article, name in _SEATS:
        if key not in text:
            continue
        for m in pattern.finditer(text):
            if (a := article.search(text, max(0, m.start() - 4), m.start())) is None:
                continue
            start = m.start() - (1 if name == "Élysée" else 0)  # its capital before « lysée »
            subject = is_subject(text, a.start())
            found.append(Mention(start, m.end(), name, None, subject, True, body=True))
    return sorted(found, key=lambda m: m.start)


# An organisation's acronym after an article (« le CCIF », « la CEVV », « l'UDAF », « le
# MEDEF »), and where the text spells it out (« la Compagnie des Eaux du Val de Vère (CEVV) »).
_ACRONYM = r"[A-Z](?:[A-Z&]{1,6}|[a-z][A-Z]{1,3})"
_ACRONYM_TOKEN = re.compile(rf"(?<![\w'’-]){_ACRONYM}(?![\w'’-])")
_CAPITALS = re.compile(r"[A-Z][A-Z&]{1,6}|[A-Z][a-z][A-Z]")  # a quick scan, checked after
_ARTICLE_END = re.compile(r"(?<![\w'’])(?:[Ll]es?|[Ll]a|[Dd]u|[Dd]es|[Aa]u|[Ll]['’])[ \t]*$")
_SPELT_OUT = re.compile(rf"[ \t]*\([ \t]*(?P<acronym>{_ACRONYM})[ \t]*\)")
_ROMAN = re.compile(r"[IVXLCDM]+")
# Acronyms of things, acts and measures, never of a body that speaks: « la PMA », « le PACS ».
_THINGS = frozenset(
    "PMA GPA PACS IVG IMG TVA CSG CRDS RSA RMI SMIC SMIG CDI CDD PIB HLM OGM TGV RER QPC PLF "
    "PLFSS ISF APL AAH RTT SIDA VIH ADN SMS CV".split()
)


def find_acronyms(text: str, bodies: list[Mention]) -> list[Mention]:
    """Return the organisations a text names by an acronym after an article, named as the
    text spells them out (`bodies` are the long names found), else by the acronym.

    >>> text = "La Compagnie des Eaux du Val de Vère (CEVV) est visée. La CEVV affirme avoir…"
    >>> [(m.name, m.subject) for m in find_acronyms(text, find_bodies(text))]
    [('Compagnie des Eaux du Val de Vère', True)]
    """
    spelt = {}
    for body in bodies:
        if (m := _SPELT_OUT.match(text, body.end)) is not None:
            spelt.setdefault(m.group("acronym"), body.name)
    found = []
    for capitals in _CAPITALS.finditer(text):
        if (m := _ACRONYM_TOKEN.match(text, capitals.start())) is None:
            continue
        acronym = m.group()
        if _ROMAN.fullmatch(acronym) or acronym in _THINGS:
            continue  # « le XX siècle », « la IV République », « la PMA »
        article = _ARTICLE_END.search(text, max(0, m.start() - 6), m.start())
        if article is None:
            continue
        name = spelt.get(acronym, acronym)
        # « du MEDEF », « au CCIF »: a complement, heading no clause
        subject = article.group()[:1] in "Ll" and is_subject(text, article.start())
        found.append(Mention(m.start(), m.end(), name, None, subject, True, body=True))
    return found
