"""Text normalisation shared by every reader."""

from __future__ import annotations

import re
import unicodedata

NNBSP = "\u202f"  # French thousands separator

# Ligatures are the only compatibility characters we fold: full NFKC would also turn « … »
# into "...", superscript ordinals into digits, and so change the quotations journalists copy.
LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
_REPLACEMENTS = dict(LIGATURES)
_REPLACEMENTS.update(
    {c: " " for c in "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000\t\f\v"}
)
_REPLACEMENTS.update({c: "" for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"})
# C0 and C1 control characters (but newline) are noise left by old exports.
_REPLACEMENTS.update({chr(c): "" for c in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]})
_REPLACEMENTS.update({chr(c): "" for c in range(0x80, 0xA0)})
# One regex pass is much faster than str.translate with a dict on long texts.
_ODD = re.compile("[{}]".format("".join(re.escape(c) for c in _REPLACEMENTS)))
_BLANKS = re.compile(r"[ ]{2,}")


def normalize(text: str) -> str:
    """Return `text` in NFC with ligatures unfolded, odd spaces made plain, controls removed.

    Typographic apostrophes (’) are kept: the analyzer folds them, the display does not.

    >>> normalize("Proc\\u00e8s\\u00a0: la coop\\u00e9ration \\ufb01nale")
    'Procès : la coopération finale'
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ODD.sub(lambda m: _REPLACEMENTS[m.group()], text)


def is_normal(text: str) -> bool:
    """Tell whether `normalize` leaves `text` as it is, and so each piece of it: in NFC,
    no carriage return, nothing to replace or remove.

    A batch cell or a page is checked once rather than each of its paragraphs normalised
    (measured on a tenth of the `250k` corpus: 210,000 calls of `normalize`, 1 s).

    >>> is_normal("Procès : la coopération"), is_normal("Procès\u00a0: la coopération")
    (True, False)
    """
    return "\r" not in text and _ODD.search(text) is None and unicodedata.is_normalized(
        "NFC", text)


def _one_line(text: str) -> str:
    """`clean_paragraph` of a text `normalize` leaves as it is.

    >>> _one_line(" Le  ministre\\na dit ")
    'Le ministre a dit'
    """
    text = text.replace("\n", " ")
    # most paragraphs hold no double space: one C search instead of the regex's (a third of
    # the time over the paragraphs of an eighth of `250k`)
    return (_BLANKS.sub(" ", text) if "  " in text else text).strip()


def clean_paragraph(text: str) -> str:
    """Return one paragraph on one line, normalised, with single spaces."""
    return _one_line(normalize(text))


def join_paragraphs(paragraphs, normal: bool = False) -> str:
    """Return paragraphs cleaned and joined by blank lines, empty ones dropped.

    `normal`: the paragraphs are pieces of a text `is_normal` vouched for (not normalised
    again)."""
    cleaned = map(_one_line if normal else clean_paragraph, paragraphs)
    return "\n\n".join(p for p in cleaned if p)


_BLANK_LINE = re.compile(r"\n\s*\n")


def split_paragraphs(text: str) -> list[str]:
    """Return the paragraphs of a text whose paragraphs are separated by blank lines."""
    clean = _one_line if is_normal(text) else clean_paragraph
    return [p for p in map(clean, _BLANK_LINE.split(text)) if p]


def lines_to_paragraphs(text: str) -> str:
    """Return plain text whose hard-wrapped lines are re-joined into paragraphs.

    A blank line ends a paragraph; so does a line ending with . ! ? : » followed by a line
    that starts like a new sentence and is much shorter than the longest line (a ragged
    right margin means the author pressed Enter). Two short lines in a row were typed line by
    line, not wrapped (a wrapped paragraph has one short line, its last): a contact block, a
    letterhead, a signature keep one line each, so that « Comité de soutien à Antoine
    Deltour » is not read as « … Deltour Centre Léo Lagrange BP 1006 ».

    >>> text = lines_to_paragraphs("Le comité de soutien est scandalisé par la condamnation\\n"
    ...     "des lanceurs d'alerte Antoine Deltour et Raphaël Halet.\\n\\n"
    ...     "Comité de soutien à Antoine Deltour\\nCentre Léo Lagrange\\nBP 1006")
    >>> text.split("\\n\\n")[1:]
    ['Comité de soutien à Antoine Deltour', 'Centre Léo Lagrange', 'BP 1006']
    """
    lines = normalize(text).split("\n")
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    wrap = widths[int(len(widths) * 0.9)] if widths else 0
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        stripped = line.strip()
        if not stripped:
            paragraphs.append([])
            continue
        current = paragraphs[-1]
        if current:
            previous = current[-1]
            ends_sentence = previous[-1] in ".!?:»\"”"
            short = wrap and len(previous) < 0.75 * wrap
            typed = short and len(stripped) < 0.75 * wrap and len(widths) > 2
            if short and (ends_sentence or typed):
                paragraphs.append([])
        paragraphs[-1].append(stripped)
    return join_paragraphs(" ".join(p) for p in paragraphs)


def french_number(value: int | float, decimals: int = 0) -> str:
    """Return a number with French separators.

    >>> french_number(1234567), french_number(0.0213, 2)
    ('1\u202f234\u202f567', '0,02')
    """
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NNBSP).replace(".", ",")


def shorten(text: str, limit: int) -> str:
    """Return `text` cut to `limit` characters at most, at the end of a word, with « … » when
    cut, so that a shortened quotation never seems to end on half a word.

    >>> shorten("les membres français du Parlement européen", 24)
    'les membres français du…'
    >>> shorten("Une rivière qui meurt, c'est un village qui se tait", 30)
    "Une rivière qui meurt, c'est…"
    >>> shorten("Courte.", 30)
    'Courte.'
    """
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if not text[limit].isspace() and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # the word the limit fell in goes
    return cut.rstrip(" ,;:") + "…"
