"""The quotation marks of a text paired into spans (`Span`, `find_spans`), and their words.

Finding them: guillemets nest (`« … « Luxleaks » … »`), a quotation spanning paragraphs
reopens each one with « and closes once, a mis-typed opening » is read as «, straight quotes
pair within a paragraph. Quotes inside another quote are kept as non-speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.extract.speech_cues import MARKS, SENTENCE_END, VERB, WORDS


@dataclass
class Span:
    """A pair of quotation marks: `open`/`close` are the marks, `start`/`end` the words."""

    open: int
    close: int  # offset just after the closing mark
    start: int
    end: int
    depth: int
    mark: str
    # the marks reopening it at the start of a paragraph, the paragraph before left open
    # (« … ⏎⏎« … » »): one quotation of the text, reported a piece per paragraph
    reopened: tuple[int, ...] = ()


def _inner(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _word_count(text: str) -> int:
    return len(WORDS.findall(text))


def find_spans(text: str) -> list[Span]:
    """Return the quotation mark pairs of a text, outermost and nested, in order.

    >>> t = "Il dit « oui « non » » et \\"peut-être\\"."
    >>> [(t[s.start:s.end], s.depth) for s in find_spans(t)]
    [('oui « non »', 0), ('non', 1), ('peut-être', 0)]
    """
    spans: list[Span] = []
    stack: list[tuple[int, str, int]] = []  # (position, mark, depth)
    straight: int | None = None
    reopened = -1  # a « that continues the open quotation in a new paragraph
    pieces: dict[int, list[int]] = {}  # an outer opening mark → the marks reopening it
    for m in MARKS.finditer(text):
        i, c = m.start(), m.group()[0]
        if c == "\n":
            j = m.end()
            if stack and j < len(text) and text[j] in "«“":
                reopened = j  # the next paragraph reopens the open quotation: keep it open
                if len(stack) == 1:
                    pieces.setdefault(stack[0][0], []).append(j)
                continue
            if stack and _runs_on(text, stack, j):
                continue  # a quotation of several paragraphs, closed at the end of a later one
            _close_unclosed(text, stack, straight, i, spans)
            stack.clear()  # an unclosed quotation dies with its paragraph
            straight = None
            continue
        if i == reopened:
            continue
        if c in "«“":
            stack.append((i, c, len(stack)))
        elif c in "»”":
            expected = "«" if c == "»" else "“"
            if stack and stack[-1][1] == expected:
                o, _, depth = stack.pop()
                a, b = _inner(text, o + 1, i)
                if b > a:
                    spans.append(Span(o, i + 1, a, b, depth, expected, tuple(pieces.get(o, ()))))
            elif not stack and c == "»" and _misused_opening(text, i):
                stack.append((i, "«", 0))
        elif straight is None and stack and stack[-1][1] == "«" and _closing_straight(text, i):
            # « en fait il y a une urgence" : a guillemet closed by a straight quote
            o, _, depth = stack.pop()
            a, b = _inner(text, o + 1, i)
            if b > a:
                spans.append(Span(o, i + 1, a, b, depth, "«"))
        elif straight is None:
            straight = i
        else:
            a, b = _inner(text, straight + 1, i)
            if b > a:
                spans.append(Span(straight, i + 1, a, b, len(stack), '"'))
            straight = None
    _close_unclosed(text, stack, straight, len(text), spans)
    spans.sort(key=lambda s: (s.open, -s.close))
    return spans


# A verb of saying and a colon right before an opening mark: words follow.
_SAID_COLON = re.compile(rf"(?<![\w-])(?:{VERB})\s*:\s*$", re.IGNORECASE)


def _close_unclosed(
    text: str,
    stack: list[tuple[int, str, int]],
    straight: int | None,
    stop: int,
    spans: list[Span],
) -> None:
    """Keep the words of a mark left open at the end of its paragraph (at `stop`) when a verb
    of saying and a colon introduce them: to the end of their first sentence (« les
    entreprises du voyage ont dit : "Nous, on va garantir … de ce point de vue-là. C'est un
    engagement … » gives the first sentence)."""
    opened = [o for o, mark, depth in stack if depth == 0 and mark == "«"][:1]
    if straight is not None and not stack:
        opened.append(straight)
    for o in opened:
        if not _SAID_COLON.search(text, max(0, o - 40), o):
            continue
        end = SENTENCE_END.search(text, o + 1, stop)
        a, b = _inner(text, o + 1, end.start() + 1 if end else stop)
        if b - a > 1:
            spans.append(Span(o, b, a, b, 0, text[o]))


_ANY_MARK = re.compile(r'[«»“”"]')
_PARAGRAPH_END = re.compile(r"[ \t]*(?:\n[ \t]*\n|\s*$)")


def _runs_on(text: str, stack: list[tuple[int, str, int]], j: int) -> bool:
    """Tell whether the « opening a paragraph goes on past its end: the next mark of the text
    is a » ending a later paragraph, within a few thousand characters (« Antoine Deltour a
    partagé … sa décision : ⏎⏎« L'arrêt du 15 mars … ⏎⏎D'autre part, … ⏎⏎… mérite d'être
    mené. » », the paragraphs between reopened with no mark)."""
    if len(stack) != 1 or stack[0][1] != "«":
        return False
    o = stack[0][0]
    if text[text.rfind("\n", 0, o) + 1 : o].strip():
        return False  # opened inside a paragraph: a quotation left unclosed
    m = _ANY_MARK.search(text, j, j + 4000)
    return m is not None and m.group() == "»" and _PARAGRAPH_END.match(text, m.end()) is not None


def _closing_straight(text: str, i: int) -> bool:
    """A straight quote right after a word and before a space or a punctuation mark closes."""
    before = text[i - 1 : i]
    after = text[i + 1 : i + 2]
    return bool(before) and not before.isspace() and (not after or not after.isalnum())


def _misused_opening(text: str, i: int) -> bool:
    """A » before words and another » later in the paragraph opens a quotation (a typo)."""
    after = text[i + 1 : i + 3]
    if not after.strip() or not (after[0].isspace() and after[1:2].isalpha()):
        return False
    end = text.find("\n\n", i)
    return "»" in text[i + 1 : end if end >= 0 else len(text)]
