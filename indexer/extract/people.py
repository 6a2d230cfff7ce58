"""People named in a text: where, under which name, with which function, as subject or not.

A *mention* is a person's name as written (`Me William Bourdon`, `Elisabeth BORNE`,
`Antoine`), a function standing for someone (`le président de la République`), or an alias
variant (`la présidente de la FRV`). Mentions feed quotation attribution (who is the subject
of « a déclaré ») and the speakers of communiqués (people quoted, with their apposition:
`Dov Zerah, directeur général de l'AFD`; `le maire de Dakar, M. Khalifa Ababacar Sall`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from indexer.analysis import fold
from indexer.extract.firstnames import FIRST_NAMES
from indexer.extract.names import BODY_WORDS, Aliases, canonical_name, name_key

_UP = "A-ZÀ-ÖØ-ÞŒ"
_LOW = "a-zà-öø-ÿœ"
_CAP = rf"[{_UP}][{_LOW}'’]+(?:-[{_UP}]?[{_LOW}]+)*"  # Jean-Luc, Dupond-Moretti, Raphaël
_UPPER = rf"[{_UP}][{_UP}'’]+(?:-[{_UP}]+)*"  # BORNE, LE MAIRE's parts, PANNIER-RUNACHER
_WORD = rf"(?:{_CAP}|{_UPPER})"
_PARTICLE = r"(?:(?:de|du|des|van|von|le|la|Le|La|DE|LE)[ \t]+|d['’])"
# After a civility, a surname may open with its particle (« Me de Vries », « M. de Courson »);
# not « le » / « la », which open functions (« M. le Président », « Mme la Ministre »).
_NOBLE = r"(?:(?:de|du|des|van|von)[ \t]+|d['’])"
_CIV = r"(?:M\.|Mme|Mlle|MM\.|Mmes|Me|Maître|Maitre|Dr\.?|Pr\.?|Monsieur|Madame)"
# Civility + 1-4 words, or 2-4 words whose first is a capitalised (not upper-case) word.
NAME_PATTERN = re.compile(
    rf"(?<![\w{_UP}])(?:(?P<civ>{_CIV})[ \t]+"
    rf"(?P<cname>{_NOBLE}?{_WORD}(?:[ \t]+{_PARTICLE}?{_WORD}){{0,3}})"
    rf"|(?P<name>{_CAP}(?:[ \t]+{_PARTICLE}?{_WORD}){{1,3}}))(?![\w'’])"
)
# Where a match of `NAME_PATTERN` may start: a capital opening a word (its lookbehind first,
# the engine tries the pattern at every position; this scans for the capital)
_NAME_START = re.compile(rf"[{_UP}](?<![\w{_UP}][{_UP}])")


def _search_name(text: str, position: int) -> re.Match | None:
    """Return `NAME_PATTERN.search(text, position)`, the pattern tried only where a word
    opens with a capital (measured on a tenth of the `250k` corpus: half the time)."""
    while (start := _NAME_START.search(text, position)) is not None:
        if (m := NAME_PATTERN.match(text, start.start())) is not None:
            return m
        position = start.start() + 1
    return None


# Capitalised words that start phrases which are not people's names.
NOT_FIRST = frozenset(
    """
    le la les l un une des ce cette ces cet il elle ils elles nous vous je on mais et ou or
    donc car pour par selon dans sur sous avec sans chez depuis pendant après apres avant
    lors dès des en au aux du de à a si quand comme alors ainsi enfin puis ensuite aujourd
    hier demain monsieur madame mesdames messieurs cher chère chers chères mon ma mes
    janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre
    décembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche saint sainte rue
    avenue place boulevard prix affaire procès proces comité comite commission parlement
    conseil cour union assemblée assemblee sénat senat république republique président
    présidente ministre premier première gouvernement état etat europe france luxembourg
    the grand grande haut haute nations agence ministère ministere cité cite tribunal palais
    loi plan projet programme opération operation association fédération federation radio
    public sud nord est ouest bfm rtl europe france info télé tele journal vosges cnews lci
    source contact version communiqué communique tél tel twitter facebook email mail voici
    voilà voila merci bonjour bonsoir oui non article chapitre titre section
    contre entre vers envers parmi malgré malgre outre
    """.split()
)
_PREPOSITIONS = frozenset(
    "de d du des à a au aux par pour avec contre sur chez entre envers sans vers l la le les "
    "un une sollicité".split()
)
_ARTICLES = frozenset({"le", "la", "les", "l", "un", "une"})
_CLAUSE_WORDS = frozenset(
    "et mais puis or donc alors ensuite que qu enfin finalement dont lorsque lorsqu puisque "
    "puisqu tandis".split()
)
_PRESIDENT = re.compile(
    r"\b(?:le|la|du|de la)\s+(président(?:e)?\s+de\s+la\s+République|Premi(?:er|ère)\s+ministre"
    r"|porte-parole\s+du\s+gouvernement)",
    re.IGNORECASE,
)
# A function, then a bare surname: « le président Erdogan », « la chancelière Merkel » (the
# function first, so that the engine looks for it quickly; its article is checked after).
_TITLED_SURNAME = re.compile(
    r"(?P<fn>président(?:e)?|chancelière?|ministre|maire|pape|roi|reine|général|sénateur"
    r"|sénatrice|député(?:e)?"
    # the titles of the experts a debate quotes (« le professeur Bujan », « le doyen Carbonnier »)
    r"|professeur(?:e)?|docteur|doyen|juge|procureur|cardinal|rabbin|philosophe|sociologue"
    r"|psychanalyste|(?:pédo)?psychiatre|pédiatre|juriste|historien(?:ne)?|écrivain"
    # a debate's colleagues (« notre collègue Assaf », « notre collègue Poisson l'a rappelé »)
    r"|collègue)[ \t]+"
    # a surname with its particle (« du professeur Le Guay »)
    rf"(?P<name>(?:L[ae][ \t]+)?[{_UP}][a-zà-öø-ÿ'’-]+|[{_UP}]{{2,}}(?![a-zà-öø-ÿ]))(?![\w'’-])"
    rf"(?![ \t]+[{_UP}])"
)
# (« au juge Rosenczveig », « du professeur Nisand »: a complement, never a subject)
_TITLE_ARTICLE = re.compile(
    r"(?<![\w'’])(?:[Ll][ea]|[Nn]otre|[Vv]otre|[Mm]on|[Mm]a|(?P<prep>[Aa]u|[Dd]u))[ \t]+$"
)


def _title_starts(pattern: str) -> list[str] | None:
    """Return the words every match of `pattern` (`_TITLED_SURNAME`) starts with: each
    title of its `fn` group, with and without its optional parts; None when a title is more
    than letters and optional parts (the pattern is then tried at every position).

    >>> _title_starts(r"(?P<fn>président(?:e)?|chancelière?|(?:pédo)?psychiatre)[ \\t]+X")
    ['présidente', 'président', 'chancelièr', 'pédopsychiatre', 'psychiatre']
    """
    head, _, rest = pattern.partition("(?P<fn>")
    body, found, _ = rest.partition(r")[ \t]+")
    if head or not found:
        return None
    words: list[str] = []
    for title in body.split("|"):
        if not re.fullmatch(r"(?:\(\?:[^\W\d_]+\)\?|[^\W\d_]\??)+", title):
            return None
        for form in (
            re.sub(r"\(\?:([^()]*)\)\?", r"\1", title),
            re.sub(r"\(\?:[^()]*\)\?", "", title),
        ):
            # the letters before the first optional one (« chancelière? »: chancelièr)
            word = re.match(r"(?:[^\W\d_](?!\?))*", form).group()
            if not word:
                return None
            if word not in words:
                words.append(word)
    return words


# Every match of `_TITLED_SURNAME` starts with one of these words: the pattern is tried only
# where one of them stands, found by `str.find` (measured on a tenth of the `250k` corpus,
# 25,600 documents: 1.7 s for `finditer`, which tries the alternation at every p, c, m, r …)
_TITLE_WORDS = _title_starts(_TITLED_SURNAME.pattern)


def _titled_surnames(text: str) -> Iterator[re.Match]:
    """Yield the matches of `_TITLED_SURNAME` in `text`, as its `finditer` would: the
    leftmost match from where the previous one ended, tried only where a title word starts."""
    if _TITLE_WORDS is None:
        yield from _TITLED_SURNAME.finditer(text)
        return
    starts = set()
    for word in _TITLE_WORDS:
        at = text.find(word)
        while at != -1:
            starts.add(at)
            at = text.find(word, at + 1)
    end = 0
    for start in sorted(starts):
        if start >= end and (m := _TITLED_SURNAME.match(text, start)) is not None:
            end = m.end()
            yield m


# `_PRESIDENT` (case-insensitive: no quick scan for its first letter) finds nothing in a
# text whose lower case holds none of these; unless the text has one of the letters that
# the regex engine, not `str.lower`, takes for i or s (ı, İ, ſ).
_PRESIDENT_WORDS = ("présiden", "premi", "porte-parole")


def _may_name_president(text: str) -> bool:
    """Tell whether `_PRESIDENT` may match in `text` (False: it cannot)."""
    if "ı" in text or "İ" in text or "ſ" in text:
        return True
    lowered = text.lower()
    return any(word in lowered for word in _PRESIDENT_WORDS)


# Words that open an apposition giving a function: "Dov Zerah, directeur général de …".
FUNCTION_WORDS = (
    r"(?:(?:ancien(?:ne)?|ex-|nouveau|nouvelle|actuel(?:le)?|premi(?:er|ère))\s*)?"
    r"(?:président(?:e)?|vice-président(?:e)?|directeur|directrice|ministre|secrétaire|"
    r"porte-parole|maire|adjoint(?:e)?|député(?:e)?|eurodéputé(?:e)?|sénat(?:eur|rice)|"
    r"conseill(?:er|ère)|commissaire|avocat(?:e)?|juge|procureur(?:e)?|préfet(?:e)?|"
    r"délégué(?:e)?|chargé(?:e)?|fondat(?:eur|rice)|co-?fondat(?:eur|rice)|responsable|"
    r"coordinat(?:eur|rice)|chef(?:fe)?|membre|représentant(?:e)?|ambassad(?:eur|rice)|"
    r"gouverneur|journaliste|économiste|professeur(?:e)?|chercheu(?:r|se)|"
    r"lanceu(?:r|se) d['’]alerte|militant(?:e)?|syndicaliste|PDG|administrat(?:eur|rice)|"
    r"trésori(?:er|ère)|rapporteur(?:e)?|élu(?:e)?|candidat(?:e)?|garde des sceaux|"
    r"haut-commissaire|patron(?:ne)?|dirigeant(?:e)?|animat(?:eur|rice)|expert(?:e)?|"
    r"(?:homme|femme) politique|écrivain(?:e)?|aut(?:eur|rice)|philosophe|historien(?:ne)?|"
    r"sociologue|juriste|magistrat(?:e)?|enseignant(?:e)?|médecin|ingénieur(?:e)?|"
    r"eurodéputé(?:e)?|co-?président(?:e)?|fonctionnaire|agricult(?:eur|rice)|éleveu(?:r|se)|"
    r"pêcheu(?:r|se)|hydrologue|biologiste|climatologue|scientifique|consultant(?:e)?|"
    r"témoin|gérant(?:e)?|employé(?:e)?|salarié(?:e)?|président-directeur)"
)
# A title right before a name, an adjective at most between (« Le philosophe allemand Hans
# Jonas », « du philosophe Thibaud Collin », « l'ambassadrice Heidi Grau »): not a place or a
# body after a preposition (« le ministre du Grand Paris »).
_TITLE_BEFORE = re.compile(
    rf"(?<![\w'’])(?:[Ll]e|[Ll]a|[Ll]['’]|[Dd]u|[Aa]u|[Nn]otre|[Cc]et|[Cc]e|[Cc]ette)[ \t]*"
    rf"{FUNCTION_WORDS}(?:[ \t]+(?!(?:de|du|des|la|le|les|et|en|à|au|aux|pour|sur)\b)"
    rf"[a-zà-öø-ÿ-]{{3,}})?[ \t]+$"
)
# "Dov Zerah, directeur général de l'AFD": a function after the name; "Antoine Deltour, le
# lanceur d'alerte, a…" with an article only when a comma closes it ("Halet, l'avocat général
# estime…" opens a new clause).
_APPOSITION_AFTER = re.compile(
    rf"\s*,\s*(?P<article>l['’]|le\s+|la\s+|les\s+)?(?P<fn>{FUNCTION_WORDS}\b"
    rf"[^,.;:!?()«»\"\n]{{0,110}})(?P<close>\s*[,)])?",
    re.IGNORECASE,
)
# Another function coordinated with the first: ", députée de la Somme et présidente de …".
_MORE_FUNCTIONS = re.compile(
    rf"\s*,\s*(?P<fn>(?:et\s+)?{FUNCTION_WORDS}\b[^,.;:!?()«»\"\n]{{0,110}})", re.IGNORECASE
)
_APPOSITION_BEFORE = re.compile(
    rf"(?:^|[\s(])(?:le|la|l['’]|notre|son|sa)\s*(?P<fn>{FUNCTION_WORDS}\b[^,.;:!?()«»\"\n]{{0,80}})"
    rf"\s*,\s*(?:(?:madame|monsieur)\s+)?$",
    re.IGNORECASE,
)
# An auxiliary and a past participle inside what stands before a name as its apposition:
# a clause, not a function (`_add_appositions`).
_CLAUSE_VERB = re.compile(
    r"(?<![\w'’])(?:a|ont|avait|avaient|aura)\s+(?:[\w'’]+\s+){0,2}[a-zà-ÿ]+(?:é|i|is|it|u|ert)\b"
)
# "le maire de Nice Christian ESTROSI", "la ministre des Sports madame Roxana MARACINEANU":
# a function glued before the name, checked word by word (`_tight_function`).
_FUNCTION_GLUED = re.compile(
    rf"(?:^|[\s(])(?:le|la|l['’]|du|de\s+la|au|à\s+la)\s*"
    rf"(?P<fn>{FUNCTION_WORDS}\b[^,.;:!?()«»\"\n]{{0,60}}?)"
    rf"[ \t]+(?:(?:madame|monsieur)[ \t]+)?$",  # on the name's own line
    re.IGNORECASE,
)
# A preposition before the function: it is a complement ("à l'avocat de X, M. Y"), not Y's.
_COMPLEMENT = re.compile(
    r"\b(?:à|de|par|pour|avec|contre|sur|chez|envers|entre)\s+(?:(?:le|la|notre|son|sa)\b|l['’])",
    re.IGNORECASE,
)
_GLUE_WORDS = frozenset(
    """
    de du des d l la le les à au aux en et pour chargé chargée délégué déléguée adjoint adjointe
    général générale national nationale européen européenne allemand allemande français
    française régional régionale municipal municipale départemental départementale fédéral
    fédérale socialiste écologiste communiste centriste républicain républicaine insoumis
    insoumise honoraire
    """.split()
)
# Words after which an apposition has ended and the sentence goes on.
_FUNCTION_END = re.compile(
    r"\s+(?:qui|que|qu['’]|a|ont|est|sont|avait|avaient|était|étaient|sera|serait|se|s['’]"
    r"|estime|estimait|déclare|déclarait|explique|expliquait|affirme|rappelle|souligne|indique"
    r"|annonce|ajoute|dit|disait|revient|commence|débute|poursuit|maintient|demande|plaide"
    r"|entrée?s?|arrivée?s?|venue?s?|devenue?s?|nommée?s?\s+(?:en|le|il)|depuis|lors|pendant"
    r"|quand|alors|selon)\b",
    re.IGNORECASE,
)
_FORMER = re.compile(r"^(?:et\s+)?(?:ancien(?:ne)?s?|ex-)", re.IGNORECASE)


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


def _is_subject(text: str, start: int) -> bool:
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


def _good_name(raw: str) -> bool:
    first = re.split(r"[\s'’-]", raw, maxsplit=1)[0].lower()
    return first not in NOT_FIRST


@lru_cache(maxsize=32)
def _alias_pattern(aliases_key: int, variants: tuple[str, ...]) -> re.Pattern | None:
    if not variants:
        return None
    alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


_VARIANTS: dict[tuple[int, int], tuple[tuple[str, ...], dict[str, str]]] = {}


def _function_variants(aliases: Aliases) -> tuple[tuple[str, ...], dict[str, str]]:
    """Return alias variants that are functions ("la présidente de la FRV") and their owners
    (computed once per aliases file version: the loader returns the same object)."""
    key = (id(aliases), len(aliases))
    if (known := _VARIANTS.get(key)) is not None and known[1].keys() <= aliases.variants.keys():
        return known
    if len(_VARIANTS) > 8:
        _VARIANTS.clear()
    _VARIANTS[key] = _compute_function_variants(aliases)
    return _VARIANTS[key]


def _compute_function_variants(aliases: Aliases) -> tuple[tuple[str, ...], dict[str, str]]:
    found: dict[str, str] = {}
    for key, canonical in aliases.variants.items():
        words = key.split()
        if len(words) >= 3 and words[0] in {"le", "la", "l'", "les"} or key.startswith("l'"):
            found[key] = canonical
    return tuple(found), found


def _first_name(word: str) -> bool:
    return fold(word.split("-")[0]).casefold() in FIRST_NAMES


# A verb of speech right after a capitalised run makes it someone (« Brad Smith dire »).
_SPEAKS_AFTER = re.compile(
    r"[ \t]+(?:a[ \t]+|avait[ \t]+)?(?:dit|dire|disait|déclaré|déclare|déclarait|affirmé|affirme"
    r"|affirmait|estime|estimé|estimait|explique|expliqué|expliquait|souligne|souligné|écrit"
    r"|écrivait|répond|répondu|ajoute|ajouté)\b"
)


def _accept(text: str, m: re.Match, known: set[str]) -> bool:
    """Return True when a capitalised run is a person's name, not « Cité judiciaire »."""
    if m.group("civ"):
        return True
    raw = m.group("name")
    words = [w for w in re.split(r"[ \t]+", raw) if w]
    folded = [fold(w).casefold().split("'")[0] for w in words]
    if name_key(raw) in known:
        return True
    if folded[0] in _ARTICLES:
        return False  # "La BBC", "Le Quotidien": a name never opens with an article
    if any(w in NOT_FIRST for w in folded if w not in {"de", "du", "des", "d", "le", "la"}):
        return False
    if _first_name(words[0]):
        return True
    if any(_first_name(w) for w in words[1:-1]):
        return False  # "Nice Christian ESTROSI": the name starts at the first name
    if words[-1].isupper() and len(words[-1]) > 2:
        return True  # "Elisabeth BORNE"
    if len(words) >= 2 and not re.search(r"['’]", words[0]) and _SPEAKS_AFTER.match(text, m.end()):
        return True  # « J'entendais Brad Smith dire … »: an unknown first name, but speaking
    if len(words) <= 3 and _TITLE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
        return True  # « Le philosophe allemand Hans Jonas »: an unknown first name, a title
    # "Sven Giegold, eurodéputé allemand": an unknown first name, but a person's apposition
    after = _APPOSITION_AFTER.match(text, m.end())
    return after is not None and not after.group("article") and len(words) <= 3


def find_mentions(
    text: str, aliases: Aliases | None = None, known: set[str] | None = None
) -> list[Mention]:
    """Return the people named in `text`, in order, full names resolved for short ones.

    `known` holds name keys vouched for elsewhere (the title's speakers, turn labels).

    >>> text = ("Selon Me William Bourdon, Antoine Deltour est innocent. "
    ...         "Me Bourdon l'a dit à Elisabeth BORNE.")
    >>> [(m.name, m.subject) for m in find_mentions(text)]  # doctest: +NORMALIZE_WHITESPACE
    [('William Bourdon', False), ('Antoine Deltour', True), ('William Bourdon', True),
     ('Elisabeth Borne', False)]
    """
    known = known or set()
    mentions: list[Mention] = []
    position = 0
    while (m := _search_name(text, position)) is not None:
        if not _accept(text, m, known):
            raw = m.group("name")
            first = re.match(r"\S+[ \t]*", raw)
            position = m.start() + (first.end() if first else 1)
            continue
        position = m.end()
        raw = m.group("cname") or m.group("name")
        name = canonical_name(raw)
        if aliases is not None:
            name = aliases.canonical(name)
        if m.group("cname") and re.match(_NOBLE, raw) and name_key(name) == name_key(raw):
            name = name[:1].lower() + name[1:]  # « M. de Villepin » is « de Villepin »
        mentions.append(
            Mention(
                m.start(), m.end(), name, None, _is_subject(text, m.start()), bool(m.group("civ"))
            )
        )
    for m in _PRESIDENT.finditer(text) if _may_name_president(text) else ():
        function = m.group(1)
        mentions.append(Mention(m.start(1), m.end(1), None, function, _is_subject(text, m.start())))
    for m in _titled_surnames(text):
        # « le président Erdogan », « la chancelière Merkel »: a surname the function introduces
        if (article := _TITLE_ARTICLE.search(text, max(0, m.start() - 6), m.start())) is None:
            continue
        if any(x.start <= m.start("name") < x.end for x in mentions if x.name):
            continue
        name = canonical_name(m.group("name"))
        name = name.capitalize() if name.isupper() else name  # « le président MACRON »
        subject = not article.group("prep") and _is_subject(text, article.start())
        mentions.append(Mention(m.start("name"), m.end("name"), name, m.group("fn"), subject, True))
    if aliases is not None and len(aliases):
        keys, owners = _function_variants(aliases)
        pattern = _alias_pattern(id(aliases), keys)
        if pattern is not None:
            for m in pattern.finditer(text):
                owner = owners.get(name_key(m.group()))
                if owner:
                    mentions.append(
                        Mention(
                            m.start(), m.end(), owner, m.group(), _is_subject(text, m.start()), True
                        )
                    )
    mentions.sort(key=lambda x: x.start)
    _add_short_names(text, mentions)
    _add_appositions(text, mentions)
    mentions.extend(_function_phrases(text, mentions))
    # « le Défenseur des droits »: a single holder's office, a function (not in a name found)
    mentions += [
        a for a in find_authorities(text) if not any(x.start <= a.start < x.end for x in mentions)
    ]
    mentions.sort(key=lambda x: x.start)
    _name_appositions(text, mentions)
    body_words, work_words = _body_candidates(text)
    bodies = _bodies(text, body_words)
    bodies += find_acronyms(text, bodies)
    bodies += find_seats(text)
    works = _bodies(text, work_words, works=True)
    if works:
        # « la Loi d'Execution du Budget de Florence Parly »: a name inside a title is no one
        mentions = [m for m in mentions if not any(w.start <= m.start < w.end for w in works)]
    if bodies:
        # a person's name inside a body's name (« Comité de soutien à Antoine Deltour ») is
        # no person speaking: the body is
        mentions = [m for m in mentions if not any(b.start <= m.start < b.end for b in bodies)]
        mentions.extend(bodies)
        mentions.sort(key=lambda x: x.start)
    return mentions


# « Le journaliste tient à saluer… », « Pour la ministre, « … » », « L'avocat luxembourgeois
# appelle… »: a function standing for a person the text named before (resolved later).
_FUNCTION_PHRASE = re.compile(
    # its first letter first, so that the engine scans for it quickly (the lookbehinds
    # after it: 0.66 -> 0.30 s on 25,600 documents of the `250k` corpus, the same matches)
    rf"[Ll](?<![\w'’][Ll])(?<!Monsieur [Ll])(?<!Madame [Ll])(?<!M\. [Ll])(?<!Mme [Ll])"
    rf"(?:e|a|['’])\s*"
    rf"(?P<fn>(?:garde des [Ss]ceaux(?=[ \t]+[a-zé])|{FUNCTION_WORDS})(?:[ \t]+(?:général|générale"
    rf"|luxembourgeois|luxembourgeoise"
    rf"|français|française|allemand|allemande|européen|européenne|adjoint|adjointe|délégué"
    rf"|déléguée))?"
    # « L'avocat d'Édouard Perrin annonce »: whose, when a name follows (not Colin, another's)
    rf"(?:[ \t]+(?:de|du)[ \t]+(?:(?:M\.|Me|Mme)[ \t]+)?{_CAP}(?:[ \t]+{_WORD}){{0,2}}"
    rf"|[ \t]+d['’]{_CAP}(?:[ \t]+{_WORD}){{0,2}})?"
    rf")\b(?![ \t]*(?:,[ \t]*)?(?:M\.|Mme|Me|[{_UP}]))",
)


def _function_phrases(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return the functions standing alone for a person (« le journaliste »), those no
    mention covers already and no name follows."""
    starts = [m.start for m in mentions]
    found = []
    for m in _FUNCTION_PHRASE.finditer(text):
        index = bisect_right(starts, m.start()) - 1
        if index >= 0 and m.start() < mentions[index].end:
            continue
        after = mentions[index + 1] if index + 1 < len(mentions) else None
        if after is not None and after.function and after.start - m.end() <= 60:
            continue  # « le maire de Nice Christian ESTROSI »: the name's own function
        found.append(
            Mention(
                m.start(), m.end(), None, m.group("fn"), _is_subject(text, m.start()), anaphor=True
            )
        )
    return found


# Between a name and the function in apposition to it: « Boris Johnson, le Premier ministre
# britannique », « Marius Kohl, l'ancien fonctionnaire … ».
_APPOSED = re.compile(r"\s*,\s*(?:(?:le|la|l['’])\s*)?")


def _name_appositions(text: str, mentions: list[Mention]) -> None:
    """A function right after a name, in apposition to it, is that person and heads no clause:
    the name's function, not somebody else speaking (« Boris Johnson, le Premier ministre
    britannique non plus. Il dit … » is Boris Johnson's; « sur le cas de Marius Kohl, l'ancien
    fonctionnaire …, qualifiant … » does not make Marius Kohl the subject)."""
    for previous, m in zip(mentions, mentions[1:], strict=False):
        if m.name is not None or not m.function or previous.name is None or previous.body:
            continue
        if _APPOSED.fullmatch(text, previous.end, m.start):
            rest = re.match(r"[^,.;:!?«»()\n]{0,120}", text[m.end : m.end + 120]).group()
            if _FUNCTION_END.search(rest):
                continue  # « Raphaël Halet, l'avocat général estime … »: a new clause
            m.name = previous.name
            m.subject = previous.subject
            previous.function = previous.function or _clean_function(m.function)
            m.anaphor = False


def resolve_functions(mentions: list[Mention], functions: dict[str, str]) -> None:
    """Name the functions standing alone (« le journaliste », « la ministre ») after the one
    person the text named before with that function (« le journaliste Édouard Perrin »)."""
    from indexer.extract.roles import function_key

    keys = {name: set(function_key(f).split()) for name, f in functions.items() if f}
    seen: set[str] = set()
    for m in mentions:
        if m.name and not m.body:
            seen.add(m.name)
            continue
        if m.name is None and m.function:
            wanted = set(function_key(m.function).split())
            holders = {n for n in seen if wanted and wanted <= keys.get(n, set())}
            if len(holders) == 1:
                m.name = holders.pop()


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


def _body_candidates(text: str) -> tuple[list[re.Match], list[re.Match]]:
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
    return _bodies(text, _body_candidates(text)[works], works)


def _bodies(text: str, candidates: Iterable[re.Match], works: bool = False) -> list[Mention]:
    """`find_bodies`, from the candidates `_body_candidates` found."""
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
            if word.casefold() in _ARTICLES or word.casefold() in _BODY_STOPS:
                break  # « … Antoine Deltour BP 1006 »: an address goes on
            named = word[:1].isupper() and (words > 2 or first[:1].islower())
            if link == "et" and not adjective and not named:
                # "l'Union européenne et les États-Unis": two names; but a name after a body
                # word in lower case goes on (« l'association Cosette et Gavroche »)
                break
            if not (word[:1].isupper() or link or adjective):
                break
            end, words = t.end(), words + 1
        start = m.start()
        name = text[start:end]
        if words < 2 or name.casefold().startswith("assemblée générale"):
            continue  # "Comité" alone is no name, nor a general meeting; "Union européenne" is
        article = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
        subject = _is_subject(text, article.start() if article else start)
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
            subject = _is_subject(text, article.start() if article else m.start())
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
            subject = _is_subject(text, a.start())
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
        subject = article.group()[:1] in "Ll" and _is_subject(text, article.start())
        found.append(Mention(m.start(), m.end(), name, None, subject, True, body=True))
    return found


_SHORT = re.compile(rf"(?<![\w{_UP}])(?:{_CIV}[ \t]+)?({_WORD})(?![\w'’])")


def _add_short_names(text: str, mentions: list[Mention]) -> None:
    """Resolve one-word mentions (`Antoine`, `Me Bourdon`) and add bare first names/surnames.

    A single word stands for the full name whose first name or surname it is, when exactly
    one full name in the text has it.
    """
    by_token: dict[str, set[str]] = {}
    for m in mentions:
        if m.name and len(m.name.split()) >= 2:
            parts = m.name.split()
            for token in (parts[0], parts[-1]):
                if len(token) > 2 and token.casefold() not in _ARTICLES | {"de", "du", "des"}:
                    by_token.setdefault(name_key(token), set()).add(m.name)
    if not by_token:
        return
    for m in mentions:
        if m.name and len(m.name.split()) == 1:
            owners = by_token.get(name_key(m.name), set())
            if len(owners) == 1:
                m.name = next(iter(owners))
    starts = [m.start for m in mentions]  # sorted: mentions are
    extra = []
    for s in _SHORT.finditer(text):
        key = name_key(s.group(1))
        owners = by_token.get(key)
        if not owners or len(owners) != 1:
            continue
        index = bisect_right(starts, s.start(1)) - 1
        if index >= 0 and s.start(1) < mentions[index].end:
            continue  # inside a mention already found
        extra.append(
            Mention(s.start(), s.end(), next(iter(owners)), None, _is_subject(text, s.start()))
        )
    if extra:
        mentions.extend(extra)
        mentions.sort(key=lambda x: x.start)


def _add_appositions(text: str, mentions: list[Mention]) -> None:
    """Give each mention the function an apposition states next to it."""
    for m in mentions:
        if m.name is None or m.function:
            continue
        if function := _function_after(text, m.end):
            m.function = function
            m.titled = True
            continue
        before = _APPOSITION_BEFORE.search(text, max(0, m.start - 120), m.start)
        if (
            before
            and _COMPLEMENT.search(text, max(0, before.start() - 12), before.start("fn"))
            and re.match(r"\s+[a-zà-ÿ]", text[m.end : m.end + 3])
        ):
            # "Répondant à l'avocat d'Antoine, M. Giegold explique": the name heads a new
            # clause, the function was another's ("présidée par le secrétaire général,
            # António Guterres, et …" is his)
            before = None
        if before and _CLAUSE_VERB.search(before.group("fn")):
            # « le Premier ministre a cité un juriste italien … et ça doit vous parler, Cesare
            # BECCARIA »: a clause, not an apposition; the function is its subject's
            before = None
        if before is None:
            glued = _FUNCTION_GLUED.search(text, max(0, m.start - 80), m.start)
            if glued and glued.group("fn").isupper():
                glued = None  # « BRUNO LE MAIRE »: a name in capitals, not « le maire »
            before = glued if glued and _tight_function(glued.group("fn")) else None
        if before:
            m.function = _clean_function(before.group("fn"))
            # « l'interrogatoire du journaliste Édouard Perrin »: his function, but a
            # complement, not a person the text puts forward
            m.titled = not re.match(r"[\s(]*(?:du|de\s+la|au|à\s+la)\s", before.group(), re.I)


def _function_after(text: str, end: int) -> str | None:
    """Return the functions an apposition after a name states, current ones first.

    « Ségolène Neuville, ancienne ministre, députée de la Somme et présidente de
    l'association X, a dit » → `députée de la Somme et présidente de l'association X, ancienne
    ministre`.
    """
    after = _APPOSITION_AFTER.match(text, end)
    if after is None:
        return None
    first = _clean_function(after.group("fn"))
    cut = len(first) < len(after.group("fn").strip(" ,–-")) - 2  # the sentence went on
    if after.group("article") and (cut or not after.group("close")):
        return None
    if cut:
        return first
    parts = [first]
    position = after.end("fn")
    while (more := _MORE_FUNCTIONS.match(text, position)) is not None and len(parts) < 4:
        part = _clean_function(more.group("fn"))
        parts.append(part)
        position = more.end("fn")
        if len(part) < len(more.group("fn").strip(" ,–-")) - 2:
            break
    current = [p for p in parts if not _FORMER.match(p)]
    former = [p for p in parts if _FORMER.match(p)]
    ordered = [*current, *former]
    if len(ordered) > 1 and ordered[0].startswith("et "):
        ordered[0] = ordered[0][3:]
    return ", ".join(ordered).replace(", et ", " et ")


def _tight_function(value: str) -> bool:
    """Tell whether a function glued before a name is only a function ("maire de Nice"),
    not a clause ("ministre a reçu")."""
    words = re.findall(r"[\w-]+", value.replace("’", "'"))
    if words[-1].casefold() in {"de", "du", "des", "d", "l", "la", "le", "les", "à", "au", "aux"}:
        return False  # "l'avocat de Raphaël Halet": the name is the complement
    for index, word in enumerate(words[1:], start=1):
        lower = word.casefold()
        if word[:1].isupper() or lower in _GLUE_WORDS:
            continue
        if words[index - 1].casefold() in {"de", "du", "des", "d", "l", "la", "le", "les"}:
            continue  # "de l'intérieur", "des sports"
        return False
    return True


def _clean_function(value: str) -> str:
    value = " ".join(value.split()).strip(" ,–-")
    value = re.sub(r"^(?:l['’]|le\s+|la\s+|les\s+)", "", value, flags=re.IGNORECASE)
    # cut where the sentence goes on ("avocat d'Antoine qui a plaidé…", "Président de la
    # Commission entré en fonction…", "Avocat Général se dit…")
    value = _FUNCTION_END.split(value, maxsplit=1)[0]
    return value.strip(" ,–-")


def subject_before(mentions: list[Mention], position: int) -> Mention | None:
    """Return the last mention heading a clause before `position`."""
    for m in reversed(mentions):
        if m.end <= position and m.subject:
            return m
    return None


def functions_of(mentions: list[Mention]) -> dict[str, str]:
    """Return each named person's function, as the text's appositions state it."""
    found: dict[str, str] = {}
    for m in mentions:
        if m.name and m.function:
            found.setdefault(m.name, m.function)
    return found


def is_person_name(value: str) -> bool:
    """Return True when `value` reads as a person's name (two to five capitalised words).

    >>> is_person_name("Olivier Dussopt"), is_person_name("Présidence de la République")
    (True, False)
    """
    match = NAME_PATTERN.fullmatch(value.strip())
    return bool(match) and _good_name(value)
