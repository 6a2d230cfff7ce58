"""Snippets: the passages of a text that hold a query's words, with the words marked.

Everything returned is HTML-escaped text with `<mark>` around the matched words, the only
markup the web pages insert unescaped.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from indexer.analysis import WORD_PATTERN, word_term

SNIPPET_CHARS = 220


def _matches(text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    """Return (start, end, term) for each word of `text` whose analysed term is wanted.

    Only the distinct words of the text are analysed; a pattern of the wanted ones then
    finds their places, so Python works per match rather than per word (a 13,000-word
    speech: 22 ms → 3 ms a snippet).
    """
    wanted = {w for w in set(WORD_PATTERN.findall(text)) if word_term(w) in terms}
    if not wanted:
        return []
    return [(m.start(), m.end(), word_term(m.group()))
            for m in _words_pattern(frozenset(wanted)).finditer(text)]


@lru_cache(maxsize=512)
def _words_pattern(words: frozenset[str]) -> re.Pattern:
    """Return a pattern finding `words` where WORD_PATTERN would find them as whole words."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # a word starts after no letter (nor a letter and an apostrophe: « l'alerte » is one
    # word) and ends before none (nor an apostrophe and a letter)
    return re.compile(rf"(?<!\w)(?<!\w['’])(?:{alternatives})(?!\w)(?!['’]\w)")


def _marked(text: str, start: int, end: int, matches) -> str:
    """Return text[start:end] escaped, with the matched words inside wrapped in <mark>."""
    out, last = [], start
    for a, b, _ in matches:
        if a >= start and b <= end:
            out += [html.escape(text[last:a]), f"<mark>{html.escape(text[a:b])}</mark>"]
            last = b
    out.append(html.escape(text[last:end]))
    return "".join(out)


def _window(text: str, first: int) -> tuple[int, int]:
    """Return a window of about SNIPPET_CHARS around a match, cut at spaces."""
    start = max(0, first - SNIPPET_CHARS // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    return start, end


def snippet(text: str, terms: set[str], top: int = 2) -> str:
    """Return up to `top` passages of `text` with the matched words marked, all escaped.

    The passages chosen hold the most distinct query terms; without any match, the
    beginning of the text.
    """
    matches = _matches(text, terms) if terms else []
    if not matches:
        start, end = 0, min(len(text), SNIPPET_CHARS)
        if end < len(text):
            end = text.rfind(" ", 0, end) if " " in text[:end] else end
        return html.escape(text[:end]) + (" …" if end < len(text) else "")
    candidates = []
    for a, _, _ in matches:
        start, end = _window(text, a)
        found = {t for x, y, t in matches if x >= start and y <= end}
        candidates.append((-len(found), start, end))
    chosen: list[tuple[int, int]] = []
    for _, start, end in sorted(candidates):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
        if len(chosen) == top:
            break
    parts = [_marked(text, s, e, matches) for s, e in sorted(chosen)]
    head = "… " if sorted(chosen)[0][0] > 0 else ""
    tail = " …" if sorted(chosen)[-1][1] < len(text) else ""
    return head + " … ".join(parts) + tail


def highlight_all(text: str, terms: set[str]) -> str:
    """Return the whole of `text` escaped, with every analysed match of `terms` marked."""
    return _marked(text, 0, len(text), _matches(text, terms) if terms else [])


def passage_snippet(text: str, start: int, end: int, context: int = 80) -> str:
    """Return the passage text[start:end] marked whole, with some context around it, escaped.

    >>> passage_snippet("Il a dit : on se donne rendez-vous dans quinze jours. Merci.", 11, 52, 8)
    '… dit : <mark>on se donne rendez-vous dans quinze jours</mark>. Merci.'
    """
    left = max(0, start - context)
    if left:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    right = min(len(text), end + context)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > end else right
    return ("… " if left else "") + html.escape(text[left:start]) + \
        f"<mark>{html.escape(text[start:end])}</mark>" + html.escape(text[end:right]) + \
        (" …" if right < len(text) else "")
