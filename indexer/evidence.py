"""Why Verbatim says who said a quotation: the source's words around it, and the cue.

The attribution of a quotation (`indexer.extract.attribution`) is right about nine times out
of ten, less on parliamentary debates. A journalist must be able to check it at a glance, so
every quotation a search or a verification shows carries its evidence, as plain data:

* `before` and `after`: the words of the source right before and right after the quotation's
  marks, within its paragraph (a blank line ends it), at most `BEFORE_CHARS` and `AFTER_CHARS`
  characters, cut at a word with « … » where the paragraph goes on;
* `cue`: the words of the source that gave the quotation to its author, as the text writes
  them (« a déclaré », « Pour Claire Aubertin », « Vous avez même expliqué »), or None when the
  attribution read no words of the text (a debate's turn, a speech's speaker);
* `basis`: the reason in one short French line: the cue's words, or what stood in for them
  (« son tour de parole »), or that nobody is named.

The cue the extraction keeps (`Quote.cue`) is either words of the text, sometimes joined from
two places (« vous expliqué » for « Vous avez même expliqué »), or one of the labels of
`LABELS`, which the text does not write. The text's words are looked up near the quotation
(`find_cue`); a label is said in French.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypedDict

from indexer.document import Document, Quote

BEFORE_CHARS = 160  # the source's words shown before a quotation, at most
AFTER_CHARS = 100  # ... and after it
CUE_REACH = 600  # how far from a quotation its cue's words are looked for, each side
SIGNATURE_REACH = 2_000  # how far after a signed quotation its signature is looked for
ELLIPSIS = "…"
NOBODY = "auteur non identifié"
DEBATE = "débat"  # the kind of a debate's turn, one document a turn

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\u202f]*\n")
# the opening mark right before a quotation's words, the closing one right after them
_OPENING = re.compile(r"[«“\"‹„‘][\s\u00a0\u202f]*$")
_CLOSING = re.compile(r"[\s\u00a0\u202f]*[»”\"›’]")
# a cue resolved through a pronoun (« selon lui », « a-t-elle ajouté », « il estime »)
_PRONOUN = re.compile(r"(?<!\w)(?:il|elle|ils|elles|lui|eux|ce dernier|cette dernière)(?!\w)",
                      re.IGNORECASE)
# between two words of a cue in the text, up to four other words (« vous [avez même] expliqué »)
_GAP = r"(?:\s+[^\s«»“”.,;:!?()]+){0,4}?\s+"
# what stands right before an incise inside the words: a comma, a dash, a parenthesis
_INCISE = re.compile(r"[,–—(]\s*$")


class Evidence(TypedDict):
    """The evidence of one quotation's attribution (see the module's docstring)."""

    before: str
    after: str
    cue: str | None
    basis: str


# The cues the attribution writes that are not the text's words (`indexer.extract.attribution`
# and `indexer.extract.quotes`), with the reason shown: (when an author is named, when not).
LABELS: dict[str, tuple[str, str]] = {
    "tour de parole": ("son tour de parole", "tour de parole d'un intervenant non nommé"),
    "orateur": ("aucun indice : les mots de l'orateur du discours",
                f"{NOBODY} : aucun indice dans le discours"),
    "contexte": ("aucun indice proche : la personne dont parle le passage",
                 f"{NOBODY} : aucun nom ne s'y rattache"),
    "sujet": ("le sujet de la phrase", f"{NOBODY} : le sujet de la phrase n'est pas nommé"),
    "suite": ("suite des mots cités juste avant", f"{NOBODY} : suite des mots cités juste avant"),
    "suite de la citation": ("suite des mots cités juste avant",
                             f"{NOBODY} : suite des mots cités juste avant"),
    "lecture poursuivie": ("suite de la lecture d'un texte nommé plus haut",
                           f"{NOBODY} : suite de la lecture d'un texte"),
    "en lire": ("extrait lu d'un texte de l'auteur nommé juste avant",
                f"{NOBODY} : extrait lu d'un texte"),
    "reprise": ("reprend les mots de la réponse qui précède",
                f"{NOBODY} : reprend les mots de la réponse qui précède"),
    "annoncé": ("les mots de la personne annoncée dans la question qui précède",
                f"{NOBODY} : mots annoncés dans la question qui précède"),
    "texte": ("les mots d'un texte (loi, article, rapport)",
              f"{NOBODY} : les mots d'un texte (loi, article, rapport), pas d'une personne"),
    "débat, sans indice": ("débat : aucun indice ne nomme l'auteur",
                           f"{NOBODY} : aucun indice dans ce tour de débat"),
    "interruption": ("interruption notée au compte rendu", "interruption notée au compte rendu"),
    "signature": ("la signature sous la citation", f"{NOBODY} : une signature sans nom"),
    "classement appris": ("choisi par le classement appris, aucune règle ne décidait",
                          f"{NOBODY} : aucune règle ne décidait"),
}
# Labels that are also words a text may hold as its cue: the text's words when found
_ALSO_WORDS = frozenset({"annoncé"})


def evidence(doc: Document, quote: Quote) -> Evidence:
    """Return the evidence of `quote`'s attribution in `doc` (see the module's docstring).

    >>> text = ("La fédération a porté plainte.\\n\\nPour Claire Aubertin, présidente de la "
    ...         "FRV, « nous avons attendu six mois une réponse ». Le préfet n'a pas répondu.")
    >>> words = "nous avons attendu six mois une réponse"
    >>> start = text.index(words)
    >>> quote = Quote(words, start, start + len(words), "Claire Aubertin", None,
    ...               "Pour Claire Aubertin")
    >>> evidence(Document("x", "x.txt", "txt", text, quotes=[quote]), quote)
    {'before': 'Pour Claire Aubertin, présidente de la FRV,', 'after': ". Le préfet n'a pas \
répondu.", 'cue': 'Pour Claire Aubertin', 'basis': 'indice : « Pour Claire Aubertin »'}
    """
    before, after = surroundings(doc.text, quote.start, quote.end)
    if quote.cue == "signature":
        cue = signature(doc.text, quote.end)
    elif quote.cue == "contexte" and quote.speaker:
        cue = mention(doc.text, quote)
    else:
        cue = None if _is_label(doc.text, quote) else find_cue(doc.text, quote)
    return {"before": before, "after": after, "cue": cue,
            "basis": basis(quote, cue, debate=doc.kind == DEBATE)}


def surroundings(text: str, start: int, end: int) -> tuple[str, str]:
    """Return the words of `text` before and after the quotation [start, end), its marks left
    out, within its paragraph, spaces made single, cut at a word with « … ».

    `after` keeps the space it starts with, if any (« », a déclaré » and « » déclare » read
    differently).

    >>> text = "Titre\\n\\nLe maire a répondu : « Sans retenue, rien. » Puis il est parti.\\n\\nFin"
    >>> surroundings(text, text.index("Sans"), text.index(" »"))
    ('Le maire a répondu :', ' Puis il est parti.')
    """
    # a generous slice of the paragraph each side, then cut (a debate's turn may be one
    # paragraph of pages, a speech a hundred thousand characters: only the slices are read)
    low = max(0, start - 3 * BEFORE_CHARS)
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, low, start)]
    cut = not breaks and low > 0  # the paragraph starts before the slice
    low = breaks[-1] if breaks else low
    before = " ".join(_OPENING.sub("", text[low:start]).split())
    if cut or len(before) > BEFORE_CHARS:
        kept = before[-BEFORE_CHARS:]
        kept = kept[kept.find(" ") + 1:] if " " in kept else kept
        before = f"{ELLIPSIS} {kept}" if kept else ""

    limit = min(len(text), end + 3 * AFTER_CHARS)
    following = _PARAGRAPH_BREAK.search(text, end, limit)
    paragraph_end = following.start() if following else len(text)
    high = min(paragraph_end, limit)
    rest = text[end:high]
    if (mark := _CLOSING.match(rest)) is not None:
        rest = rest[mark.end():]
    after = " ".join(rest.split())
    if after and rest[:1].isspace():
        after = " " + after
    if high < paragraph_end or len(after) > AFTER_CHARS:
        kept = after[:AFTER_CHARS]
        space = kept.rfind(" ")
        kept = kept[:space] if space > 0 else kept
        after = f"{kept.rstrip()} {ELLIPSIS}"
    return before, after


def signature(text: str, end: int) -> str | None:
    """Return the signature under a quotation ending at `end`: the first line of the next
    paragraph, cut at a word past `AFTER_CHARS` characters.

    >>> text = "« Je n'ai jamais voulu nuire. »\\n\\n— Julien Marchetti, dans un message\\n\\nFin"
    >>> signature(text, text.index(" »"))
    '— Julien Marchetti, dans un message'
    """
    # only the text right after the words is read (a slice, not the rest of a long document,
    # once per quotation signed)
    following = _PARAGRAPH_BREAK.search(text, end, end + SIGNATURE_REACH)
    if following is None:
        return None
    rest = text[following.end():following.end() + SIGNATURE_REACH]
    line = " ".join(rest.lstrip().split("\n", 1)[0].split())
    if len(line) > AFTER_CHARS:
        line = line[:AFTER_CHARS].rsplit(" ", 1)[0] + f" {ELLIPSIS}"
    return line or None


def mention(text: str, quote: Quote) -> str | None:
    """Return where the text last names the quotation's author before its words, within
    `CUE_REACH` characters: the name as the attribution writes it, else its last word (« M.
    Marchetti »), as the text writes it; None when it is not named there. What gave words
    without a cue of their own to the person the passage is about (the « contexte » label).

    >>> text = "« L'eau est un bien commun », a déclaré Claire Aubertin. « Un plan sans date. »"
    >>> start = text.index("Un plan")
    >>> mention(text, Quote("Un plan sans date.", start, start + 18, "Claire Aubertin", None,
    ...                     "contexte"))
    'Claire Aubertin'
    """
    if not quote.speaker:
        return None
    low = max(0, quote.start - CUE_REACH)
    words = quote.speaker.split()
    for name in (words, words[-1:] if len(words) > 1 and len(words[-1]) > 2 else []):
        if not name:
            continue
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name)) + r"(?!\w)",
                             re.IGNORECASE)
        last = None
        for last in pattern.finditer(text, low, quote.start):  # noqa: B007 - the last one
            pass
        if last is not None:
            return " ".join(last.group().split())
    return None


def _is_label(text: str, quote: Quote) -> bool:
    """Tell whether the quotation's cue is a label of `LABELS` rather than the text's words."""
    if quote.cue not in LABELS:
        return False
    return quote.cue not in _ALSO_WORDS or find_cue(text, quote) is None


def find_cue(text: str, quote: Quote) -> str | None:
    """Return the words of `text` that the quotation's cue was read from, as the text writes
    them, the closest to the quotation outside its words (inside them for an incise, « « En
    Espagne, rappelle M. Zapatero, sept ans après … » »), within `CUE_REACH` characters; None
    when the text does not hold them (a label of `LABELS`, or no cue).

    A cue joined from two places (« il félicitant » for « Il … conclut en félicitant ») is
    looked up whole, else by its last word, the verb.

    >>> text = "Vous avez même expliqué qu'il avait supplanté ceux de « père et mère »."
    >>> start = text.index("père")
    >>> find_cue(text, Quote("père et mère", start, start + 12, None, None, "vous expliqué"))
    'Vous avez même expliqué'
    """
    if not quote.cue:
        return None
    found = _closest(text, quote, _cue_pattern(quote.cue))
    last = quote.cue.split()[-1]
    if found is None and last != quote.cue.strip() and len(last) > 2:
        found = _closest(text, quote, _cue_pattern(last))
    return " ".join(found.split()) if found else None


def _closest(text: str, quote: Quote, pattern: re.Pattern[str]) -> str | None:
    """Return the shortest match of `pattern` closest to the quotation, outside its words or,
    failing that, inside them (an incise between commas or dashes first)."""
    low, high = max(0, quote.start - CUE_REACH), min(len(text), quote.end + CUE_REACH)
    starts: dict[int, int] = {}  # each match's end -> its latest start: the shortest match
    for m in pattern.finditer(text, low, high):
        starts[m.end(1)] = max(starts.get(m.end(1), -1), m.start(1))
    best: tuple[int, int, int] | None = None  # (rank, start, end)
    for end, start in starts.items():
        if start < quote.end and end > quote.start:  # in the words: an incise, or the last hope
            incise = _INCISE.search(text, max(0, start - 3), start) is not None
            rank = 0 if incise else 10 * CUE_REACH
        else:
            rank = quote.start - end if end <= quote.start else start - quote.end
        if best is None or rank < best[0]:
            best = (rank, start, end)
    return text[best[1]:best[2]] if best is not None else None


@lru_cache(maxsize=4096)
def _cue_pattern(cue: str) -> re.Pattern[str]:
    """Return the pattern of a cue's words in a text, as a lookahead (every match, even
    overlapping, in group 1): case and apostrophes aside, a few words allowed between two of
    them (no punctuation among those), punctuation glued or spaced."""
    parts = []
    for word in cue.split():
        escaped = re.sub(r"['’]", "['’]", re.escape(word))
        if not parts:
            parts.append(escaped)
            continue
        gap = r"\s*" if not re.match(r"\w", word) else _GAP
        # Atomic: the first place the next word stands within the gap is taken, never another
        # one tried after a later word failed. Backtracking over every way of skipping words
        # took seconds for a cue of a dozen words over a window repeating them (« a a a … »).
        end = r"(?!\w)" if re.search(r"\w$", word) else ""  # a whole word, as the last one
        parts.append(f"(?>{gap}{escaped}{end})")
    return re.compile(r"(?=(?<!\w)(" + "".join(parts) + r")(?!\w))", re.IGNORECASE)


def basis(quote: Quote, cue: str | None, debate: bool = False) -> str:
    """Return why the quotation is given to its author (or to nobody), in one French line:
    `cue` is the text's words of its cue (`find_cue`), None when it has none there; `debate`
    tells a debate's turn, whose speaker is the turn's (« orateur »).

    >>> basis(Quote("…", 0, 1, "Hervé Mariton", None, "orateur"), None)
    "aucun indice : les mots de l'orateur du discours"
    >>> basis(Quote("…", 0, 1, "Hervé Mariton", None, "orateur"), None, debate=True)
    'son tour de parole, aucun autre indice'
    >>> basis(Quote("…", 0, 1, "Antoine Deltour", None, "selon lui"), "selon lui")
    'indice : « selon lui » (pronom rapporté à Antoine Deltour)'
    >>> basis(Quote("…", 0, 1, "Claire Aubertin", None, "contexte"), "Claire Aubertin")
    'aucun indice proche : la personne dont parle le passage, « Claire Aubertin » plus haut'
    >>> basis(Quote("…", 0, 1, None, None, "dit-on"), "dit-on")
    'auteur non identifié : « dit-on » ne se rattache à aucun nom'
    >>> basis(Quote("…", 0, 1, None, "députés du groupe SRC (interruption)", "interruption"),
    ...       None)
    'interruption notée au compte rendu : députés du groupe SRC'
    """
    named = bool(quote.speaker)
    if quote.cue == "signature" and cue is not None:
        return f"la signature sous la citation : « {cue} »"
    if quote.cue == "contexte" and named and cue is not None:
        return f"aucun indice proche : la personne dont parle le passage, « {cue} » plus haut"
    if debate and named and cue is None and quote.cue == "orateur":
        return "son tour de parole, aucun autre indice"
    if cue is None and quote.cue in LABELS:
        said = LABELS[quote.cue][0 if named else 1]
        if quote.cue == "interruption" and quote.function:
            return f"{said} : {quote.function.removesuffix(' (interruption)')}"
        return said if named or not quote.function else f"{said} ({quote.function})"
    if cue is not None:
        if not named:
            return f"{NOBODY} : « {cue} » ne se rattache à aucun nom"
        if _PRONOUN.search(quote.cue or ""):  # the attribution resolved a pronoun
            return f"indice : « {cue} » (pronom rapporté à {quote.speaker})"
        return f"indice : « {cue} »"
    if quote.cue:  # words the attribution read, not found as such near the quotation
        return f"indice relevé : « {quote.cue} »" if named else (
            f"{NOBODY} (indice relevé : « {quote.cue} »)")
    return "aucun indice relevé" if named else f"{NOBODY} : aucun nom ne s'y rattache"


def terminal_lines(evidence: Evidence) -> list[str]:
    """Return a quotation's evidence as the command line prints it: the reason, then its
    surroundings on one line, its words elided.

    >>> terminal_lines({"before": "Le maire a répondu :", "after": " Puis il est parti.",
    ...                 "cue": "a répondu", "basis": "indice : « a répondu »"})
    ['Attribution : indice : « a répondu »', 'Contexte : Le maire a répondu : « … » Puis il \
est parti.']
    """
    around = f"{evidence['before']} « {ELLIPSIS} »{evidence['after']}".strip()
    return [f"Attribution : {evidence['basis']}", f"Contexte : {around}"]
