"""People named in a text: where, under which name, with which function, as subject or not.

A *mention* is a person's name as written (`Me William Bourdon`, `Elisabeth BORNE`,
`Antoine`), a function standing for someone (`le président de la République`), or an alias
variant (`la présidente de la FRV`). Mentions feed quotation attribution (who is the subject
of « a déclaré ») and the speakers of communiqués (people quoted, with their apposition:
`Dov Zerah, directeur général de l'AFD`; `le maire de Dakar, M. Khalifa Ababacar Sall`).

The organisations a text names are found by `bodies.py`, the functions in apposition or
standing for someone by `functions.py`; a mention is a `mentions.Mention`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from indexer.analysis import fold
from indexer.extract.bodies import (
    bodies_among,
    body_candidates,
    find_acronyms,
    find_authorities,
    find_seats,
)
from indexer.extract.firstnames import FIRST_NAMES
from indexer.extract.functions import (
    APPOSITION_AFTER,
    TITLE_BEFORE,
    add_appositions,
    function_phrases,
    name_appositions,
)
from indexer.extract.mentions import ARTICLES, CAP, UP, WORD, Mention, is_subject
from indexer.extract.names import Aliases, canonical_name, name_key
from indexer.memo import TextMemo, digest

_PARTICLE = r"(?:(?:de|du|des|van|von|le|la|Le|La|DE|LE)[ \t]+|d['’])"
# After a civility, a surname may open with its particle (« Me de Vries », « M. de Courson »);
# not « le » / « la », which open functions (« M. le Président », « Mme la Ministre »).
_NOBLE = r"(?:(?:de|du|des|van|von)[ \t]+|d['’])"
_CIV = r"(?:M\.|Mme|Mlle|MM\.|Mmes|Me|Maître|Maitre|Dr\.?|Pr\.?|Monsieur|Madame)"
# Civility + 1-4 words, or 2-4 words whose first is a capitalised (not upper-case) word.
NAME_PATTERN = re.compile(
    rf"(?<![\w{UP}])(?:(?P<civ>{_CIV})[ \t]+"
    rf"(?P<cname>{_NOBLE}?{WORD}(?:[ \t]+{_PARTICLE}?{WORD}){{0,3}})"
    rf"|(?P<name>{CAP}(?:[ \t]+{_PARTICLE}?{WORD}){{1,3}}))(?![\w'’])"
)
# Where a match of `NAME_PATTERN` may start: a capital opening a word (its lookbehind first,
# the engine tries the pattern at every position; this scans for the capital)
_NAME_START = re.compile(rf"[{UP}](?<![\w{UP}][{UP}])")


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
# (its first letter a class before the word boundary, which the regex engine scans for: l, L,
# d and D are the only letters that match « l » and « d » ignoring case; the rest ignores case)
_PRESIDENT = re.compile(
    r"[lLdD](?<!\w[lLdD])(?i:(?<=l)[ea]|(?<=d)(?:u|e la))\s+"
    r"(?i:(président(?:e)?\s+de\s+la\s+République|Premi(?:er|ère)\s+ministre"
    r"|porte-parole\s+du\s+gouvernement))",
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
    rf"(?P<name>(?:L[ae][ \t]+)?[{UP}][a-zà-öø-ÿ'’-]+|[{UP}]{{2,}}(?![a-zà-öø-ÿ]))(?![\w'’-])"
    rf"(?![ \t]+[{UP}])"
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
# where one of them stands (measured on a tenth of the `250k` corpus,
# 25,600 documents: 1.7 s for `finditer`, which tries the alternation at every p, c, m, r …)
_TITLE_WORDS = _title_starts(_TITLED_SURNAME.pattern)
# Where one of them starts, every such place in turn (searched again from the next character:
# a word inside another, « psychiatre » in « pédopsychiatre », is a start too); one search
# where 32 `str.find` were (the same starts in 0.9 times the time)
_TITLE_START = None if _TITLE_WORDS is None else re.compile("|".join(map(re.escape, _TITLE_WORDS)))


def _titled_surnames(text: str) -> Iterator[re.Match]:
    """Yield the matches of `_TITLED_SURNAME` in `text`, as its `finditer` would: the
    leftmost match from where the previous one ended, tried only where a title word starts."""
    if _TITLE_START is None:
        yield from _TITLED_SURNAME.finditer(text)
        return
    end = at = 0
    while (word := _TITLE_START.search(text, at)) is not None:
        at = word.start()
        if at >= end and (m := _TITLED_SURNAME.match(text, at)) is not None:
            end = m.end()
            yield m
        at = max(at + 1, end)


# `_PRESIDENT` (case-insensitive but its first letter) finds nothing in a
# text whose lower case holds none of these; unless the text has one of the letters that
# the regex engine, not `str.lower`, takes for i or s (ı, İ, ſ).
_PRESIDENT_WORDS = ("présiden", "premi", "porte-parole")


def _may_name_president(text: str) -> bool:
    """Tell whether `_PRESIDENT` may match in `text` (False: it cannot)."""
    if "ı" in text or "İ" in text or "ſ" in text:
        return True
    lowered = text.lower()
    return any(word in lowered for word in _PRESIDENT_WORDS)


def _good_name(raw: str) -> bool:
    first = re.split(r"[\s'’-]", raw, maxsplit=1)[0].lower()
    return first not in NOT_FIRST


@lru_cache(maxsize=32)
def _alias_pattern(aliases_key: int, variants: tuple[str, ...]) -> re.Pattern | None:
    """Return the pattern of `variants` (case-insensitive, whole words, the longest first).

    The function variants all open with « l » (le, la, les, l'): the pattern then opens with
    the class [lL] (the only letters that match « l » ignoring case) before its lookbehind,
    which the regex engine scans for, instead of trying the alternatives at every position
    (the same matches in half the time, measured on a sixteenth of the `250k` corpus).
    """
    if not variants:
        return None
    ordered = sorted(variants, key=len, reverse=True)
    if all(v[:1] == "l" for v in ordered):
        tails = "|".join(re.escape(v[1:]) for v in ordered)
        return re.compile(rf"[lL](?<!\w[lL])(?i:{tails})(?!\w)")
    alternatives = "|".join(re.escape(v) for v in ordered)
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
    if folded[0] in ARTICLES:
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
    if len(words) <= 3 and TITLE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
        return True  # « Le philosophe allemand Hans Jonas »: an unknown first name, a title
    # "Sven Giegold, eurodéputé allemand": an unknown first name, but a person's apposition
    after = APPOSITION_AFTER.match(text, m.end())
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
                m.start(), m.end(), name, None, is_subject(text, m.start()), bool(m.group("civ"))
            )
        )
    for m in _PRESIDENT.finditer(text) if _may_name_president(text) else ():
        function = m.group(1)
        mentions.append(Mention(m.start(1), m.end(1), None, function, is_subject(text, m.start())))
    for m in _titled_surnames(text):
        # « le président Erdogan », « la chancelière Merkel »: a surname the function introduces
        if (article := _TITLE_ARTICLE.search(text, max(0, m.start() - 6), m.start())) is None:
            continue
        if any(x.start <= m.start("name") < x.end for x in mentions if x.name):
            continue
        name = canonical_name(m.group("name"))
        name = name.capitalize() if name.isupper() else name  # « le président MACRON »
        subject = not article.group("prep") and is_subject(text, article.start())
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
                            m.start(), m.end(), owner, m.group(), is_subject(text, m.start()), True
                        )
                    )
    mentions.sort(key=lambda x: x.start)
    _add_short_names(text, mentions)
    add_appositions(text, mentions)
    mentions.extend(function_phrases(text, mentions))
    # « le Défenseur des droits »: a single holder's office, a function (not in a name found)
    mentions += [
        a for a in find_authorities(text) if not any(x.start <= a.start < x.end for x in mentions)
    ]
    mentions.sort(key=lambda x: x.start)
    name_appositions(text, mentions)
    body_words, work_words = body_candidates(text)
    bodies = bodies_among(text, body_words)
    bodies += find_acronyms(text, bodies)
    bodies += find_seats(text)
    works = bodies_among(text, work_words, works=True)
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


# `find_mentions`' answers by the text's digest, each with the names vouched for it asked
# about, for one aliases object at a time (`_MENTIONS_ALIASES`): the corpora repeat texts
# (`indexer.memo`), with other names vouched for (a debate's « Très bien ! » in each turn)
_MENTIONS: TextMemo[list[tuple[dict[str, bool], tuple[Mention, ...]]]] = TextMemo()
_MENTIONS_ALIASES: list[Aliases | None] = [None]
_VARIANTS_KEPT = 8  # answers kept for one text


class _Asked:
    """The names vouched for, as `find_mentions` reads them (`key in known`, or whether there
    are any: `ANY`), each question's answer noted: names vouched for that answer the same
    questions alike lead it the same way, to the same mentions. Any other reading (`len`,
    iterating) raises TypeError: it would have to be noted too."""

    ANY = ""  # the question « is any name vouched for? » (no name's key is empty)
    __slots__ = ("answers", "known")

    def __init__(self, known: set[str]):
        self.known = known
        self.answers: dict[str, bool] = {}

    def __contains__(self, key: str) -> bool:
        answer = self.answers[key] = key in self.known
        return answer

    def __bool__(self) -> bool:
        answer = self.answers[self.ANY] = bool(self.known)
        return answer

    def answers_alike(self, answers: dict[str, bool]) -> bool:
        """Tell whether these names vouched for give `answers` to the same questions."""
        known = self.known
        return all((bool(known) if key == self.ANY else key in known) == answer
                   for key, answer in answers.items())


def remembered_mentions(
    text: str, aliases: Aliases | None = None, known: set[str] | None = None
) -> list[Mention]:
    """Return `find_mentions(text, aliases, known)`, found once a text in a process (again
    only when `known` answers one of its questions otherwise): the same mentions, new
    objects at each call (the caller writes their names).

    >>> text = "Selon Me William Bourdon, Antoine Deltour est innocent."
    >>> first, again = remembered_mentions(text), remembered_mentions(text)
    >>> first == again == find_mentions(text), first[0] is again[0]
    (True, False)
    """
    if aliases is not _MENTIONS_ALIASES[0]:
        _MENTIONS.clear()
        _MENTIONS_ALIASES[0] = aliases
    asked = _Asked(known or set())
    key = digest(text)
    variants = _MENTIONS.get(key)
    found = next((found for answers, found in variants or () if asked.answers_alike(answers)),
                 None)
    if found is None:
        found = tuple(find_mentions(text, aliases, asked))  # type: ignore[arg-type]
        if variants is None:
            variants = _MENTIONS.keep(key, [])
        elif len(variants) >= _VARIANTS_KEPT:
            del variants[0]
        variants.append((asked.answers, found))
    return [_copied(m) for m in found]


def _copied(mention: Mention) -> Mention:
    """Return a shallow copy of a mention (as `copy.copy`, five times quicker)."""
    copied = object.__new__(Mention)
    copied.__dict__.update(mention.__dict__)
    return copied


_SHORT = re.compile(rf"(?<![\w{UP}])(?:{_CIV}[ \t]+)?({WORD})(?![\w'’])")


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
                if len(token) > 2 and token.casefold() not in ARTICLES | {"de", "du", "des"}:
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
            Mention(s.start(), s.end(), next(iter(owners)), None, is_subject(text, s.start()))
        )
    if extra:
        mentions.extend(extra)
        mentions.sort(key=lambda x: x.start)


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
