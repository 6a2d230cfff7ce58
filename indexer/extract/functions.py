"""The functions of people named in a text: the appositions that give them (« Dov Zerah,
directeur général de l'AFD », « le maire de Nice Christian ESTROSI »), and the functions
that stand for someone named before (« le journaliste », resolved to Édouard Perrin)."""

from __future__ import annotations

import re
from bisect import bisect_right

from indexer.extract.mentions import CAP, UP, WORD, Mention, is_subject

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
TITLE_BEFORE = re.compile(
    rf"(?<![\w'’])(?:[Ll]e|[Ll]a|[Ll]['’]|[Dd]u|[Aa]u|[Nn]otre|[Cc]et|[Cc]e|[Cc]ette)[ \t]*"
    rf"{FUNCTION_WORDS}(?:[ \t]+(?!(?:de|du|des|la|le|les|et|en|à|au|aux|pour|sur)\b)"
    rf"[a-zà-öø-ÿ-]{{3,}})?[ \t]+$"
)
# "Dov Zerah, directeur général de l'AFD": a function after the name; "Antoine Deltour, le
# lanceur d'alerte, a…" with an article only when a comma closes it ("Halet, l'avocat général
# estime…" opens a new clause).
APPOSITION_AFTER = re.compile(
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
# a clause, not a function (`add_appositions`).
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
    rf"(?:[ \t]+(?:de|du)[ \t]+(?:(?:M\.|Me|Mme)[ \t]+)?{CAP}(?:[ \t]+{WORD}){{0,2}}"
    rf"|[ \t]+d['’]{CAP}(?:[ \t]+{WORD}){{0,2}})?"
    rf")\b(?![ \t]*(?:,[ \t]*)?(?:M\.|Mme|Me|[{UP}]))",
)


def function_phrases(text: str, mentions: list[Mention]) -> list[Mention]:
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
                m.start(), m.end(), None, m.group("fn"), is_subject(text, m.start()), anaphor=True
            )
        )
    return found


# Between a name and the function in apposition to it: « Boris Johnson, le Premier ministre
# britannique », « Marius Kohl, l'ancien fonctionnaire … ».
_APPOSED = re.compile(r"\s*,\s*(?:(?:le|la|l['’])\s*)?")


def name_appositions(text: str, mentions: list[Mention]) -> None:
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


def resolve_functions(mentions: list[Mention], functions: dict[str, str], text: str = "") -> None:
    """Name the functions standing alone (« le journaliste », « la ministre ») after the one
    person the text named before with that function (« le journaliste Édouard Perrin »),
    unless the function said last in those words is a longer one of nobody named (« le
    président de la République »), which the short form then takes up (`_unnamed_last`)."""
    from indexer.extract.roles import function_key

    keys = {name: set(function_key(f).split()) for name, f in functions.items() if f}
    seen: set[str] = set()
    # the functions the text gave, in order: (key, holder when it named one, function); no
    # holder for a function nobody is named for (« le président de la République »)
    given: list[tuple[str, str | None, str]] = []
    for m in mentions:
        if m.name and not m.body:
            seen.add(m.name)
            if m.function:
                given.append((function_key(m.function), m.name, m.function))
            continue
        if m.name is None and m.function:
            key = function_key(m.function)
            if (
                m.anaphor
                and not _COMPLEMENT_AFTER.match(text, m.end)
                and not _QUALIFIED_AFTER.match(text, m.end)
                and not _VOCATIVE_BEFORE.search(text, max(0, m.start - 12), m.start)
                and (fuller := _unnamed_last(given, key)) is not None
            ):
                # « ce qui a été dit par le président ERDOGAN … les discours du président de la
                # République … c'est pour ça que le président dit à chaque fois « … » »: the
                # function said last, of nobody named, is the one the short form takes up
                m.function = fuller
                continue
            wanted = set(key.split())
            holders = {n for n in seen if wanted and wanted <= keys.get(n, set())}
            if len(holders) == 1:
                m.name = holders.pop()
            if not m.anaphor:
                given.append((key, m.name, m.function))


# After a function standing alone, a complement that makes it another one than the text gave
# before (« le président du CCNE », « le ministre chargé des relations avec le Parlement », « le
# ministre de l'Economie »): the short form read is not the whole function.
_COMPLEMENT_AFTER = re.compile(
    r"[ \t]*(?:de|du|des|d['’]|chargée?|déléguée?|adjointe?|en\s+charge|auprès)\b", re.IGNORECASE
)


# An adjective after it makes the short form another holder (« le président turc », « le
# président américain », « le président élu Biden »): an office's qualifier, or a people's
# adjective by its ending (« -ien », « -ain », « -ais », « -ois », their feminines and plurals),
# but the adverbs and words of those endings that follow a subject (« le président bien sûr »,
# « le président mais », « le président toutefois »).
_QUALIFIED_AFTER = re.compile(
    r"[ \t]+(?!(?:bien|rien|combien|mais|jamais|désormais|demain|soudain|toutefois|parfois"
    r"|autrefois|trois|fois)\b)"
    r"(?:élue?s?|sortante?s?|actuelle?s?|turcs?|turques?|russes?|grecs?|grecques?"
    r"|[a-zà-ÿ]+(?:iens?|iennes?|ains?|aines?|ais|aises?|ois|oises?))\b"
)
# « monsieur le président », « madame la présidente »: the one spoken to, a sitting's chair,
# not the longer function the text gave before.
_VOCATIVE_BEFORE = re.compile(r"(?:monsieur|madame)[ \t]+$", re.IGNORECASE)


def _unnamed_last(given: list[tuple[str, str | None, str]], short: str) -> str | None:
    """Return the function a short anaphoric one (« le président », its key `short`) takes up
    when the last function the text gave holding its words is a longer one that starts with
    them and that no name goes with (« le président de la République », after « le président
    ERDOGAN »); None when that last one is a named person's, the same words, or words put
    before them (« le Premier ministre » is not « le ministre »): the holder rule decides."""
    wanted = set(short.split())
    for key, name, function in reversed(given):
        if wanted and wanted <= set(key.split()):
            if name is None and key.startswith(short + " "):
                return function
            return None
    return None


def add_appositions(text: str, mentions: list[Mention]) -> None:
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
    after = APPOSITION_AFTER.match(text, end)
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
