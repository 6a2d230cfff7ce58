"""Snippets: the passages of a text that hold a query's words, with the words marked.

Everything returned is HTML-escaped text with `<mark>` around the matched words, the only
markup the web pages insert unescaped.
"""

from __future__ import annotations

import heapq
import html
import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from indexer.analysis import APOSTROPHES, WORD_PATTERN, fold, word_term

SNIPPET_CHARS = 220
MAX_WINDOWS = 200  # the passages a snippet chooses from: those around its first matches


def _matches(text: str, terms: set[str], enough: int = 0) -> list[tuple[int, int, str]]:
    """Return (start, end, term) for each word of `text` whose analysed term is wanted.

    A few terms are found from the start of their stem: a pattern of the letters that may
    stand for it (any case, any accent) finds the candidate places in C, and only the words
    around them are analysed (a 6,500-character speech: 0.9 ms → 0.1 ms). Many terms, or a
    text with letters beyond the Latin ones, go through every distinct word instead.

    With `enough`, the matches may stop after the first `enough` and those that start less
    than SNIPPET_CHARS after the last of them: all that `snippet` looks at.
    """
    prefixes = {_prefix(t) for t in terms}
    if (not 0 < len(prefixes) <= MAX_PREFIXES or min(map(len, prefixes)) < 2
            or _unlisted(text)):
        return _matches_by_words(text, terms)
    if enough:
        return _first_matches(text, terms, prefixes, enough)
    starts: set[int] = set()
    for prefix in prefixes:
        for m in stand_in_pattern(prefix).finditer(text):
            starts.add(_word_start(text, m.start()))
    found = []
    for start in sorted(starts):
        word = WORD_PATTERN.match(text, start)
        if word and (term := word_term(word.group())) in terms:
            found.append((start, word.end(), term))
    return found


def _first_matches(text: str, terms: set[str], prefixes: set[str], enough: int
                   ) -> list[tuple[int, int, str]]:
    """Return `_matches(text, terms)` in the order of the text, up to the first `enough`
    and those starting less than SNIPPET_CHARS after the last of them.

    Each prefix's places come in order, and so do the starts of their words: merged, the
    words are analysed in the order of the text, and a long debate where a common word
    occurs a thousand times stops being read after the snippet's windows (a feed of the
    newest speeches spent 0.6 ms a snippet on them).
    """
    places = [_word_starts(text, stand_in_pattern(p)) for p in sorted(prefixes)]
    found: list[tuple[int, int, str]] = []
    last, bound = -1, len(text)
    for start in places[0] if len(places) == 1 else heapq.merge(*places):
        if start == last:  # two prefixes in one word
            continue
        if start >= bound:
            break
        last = start
        word = WORD_PATTERN.match(text, start)
        if word and (term := word_term(word.group())) in terms:
            found.append((start, word.end(), term))
            if len(found) == enough:
                bound = start + SNIPPET_CHARS
    return found


def _word_starts(text: str, pattern: re.Pattern) -> Iterator[int]:
    """Yield where the words holding `pattern`'s matches start, in order (repeated when
    one word holds several)."""
    for m in pattern.finditer(text):
        yield _word_start(text, m.start())


def _matches_by_words(text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    """Return `_matches(text, terms)` by analysing every distinct word of `text`.

    Only the distinct words are analysed; a pattern of the wanted ones then finds their
    places, so Python works per match rather than per word (a 13,000-word speech: 22 ms →
    3 ms a snippet).
    """
    firsts = _first_letters(frozenset(terms))
    # a word is analysed only if it may begin like a wanted term (the stemmer, cold, costs
    # far more than this look at its first letter), or if an elided article or a letter
    # beyond the Latin ones may hide its beginning
    wanted = {w for w in set(WORD_PATTERN.findall(text))
              if (w[0] in firsts or not w.isalnum() or w[0] > _LAST_LATIN)
              and word_term(w) in terms}
    if not wanted:
        return []
    return [(m.start(), m.end(), word_term(m.group()))
            for m in _words_pattern(frozenset(wanted)).finditer(text)]


def _prefix(term: str) -> str:
    """Return the folded start that every word analysed into `term` begins with.

    Snowball's French stemmer rewrites at most the last two letters of what it keeps
    (« nationaux » → national, « évidemment » → evident) and turns a final y into i
    (« voyez » → voi): measured on the 42,676 distinct words of the shared corpus, no word
    escapes these starts.

    >>> _prefix("national"), _prefix("etat"), _prefix("voi")
    ('nation', 'eta', 'vo')
    """
    keep = len(term) - 2 if len(term) >= 5 else min(len(term), 3)
    if keep == len(term) and term.endswith("i"):
        keep -= 1
    return term[:keep]


def _stand_ins() -> tuple[dict[str, str], dict[str, str]]:
    """Return which characters of a text may stand for a letter, or letters, of a term.

    A character stands for what lowercasing and folding make of it (the analyzer's order):
    « É » for e, « œ » for o (as the start of oe) and for oe.
    """
    single: dict[str, set[str]] = {}
    multi: dict[str, set[str]] = {}
    for c in [*map(chr, range(_LATIN_END)), *APOSTROPHES]:
        key = fold(c.lower())
        if key:
            single.setdefault(key[0], set()).add(c)
            if len(key) > 1:
                multi.setdefault(key, set()).add(c)
    return ({k: "".join(sorted(v)) for k, v in single.items()},
            {k: "".join(sorted(v)) for k, v in multi.items()})


_LATIN_END = 0x250  # the Latin letters French and its neighbours use, and their marks
_LAST_LATIN = chr(_LATIN_END - 1)
_SINGLE, _MULTI = _stand_ins()
# A text holding a word character beyond those (Greek, a ligature ﬁ…) is analysed word by
# word: only there could a letter stand for a term's letter without being listed above.
_UNLISTED = re.compile(rf"[^\x00-\u024f\u2000-\u206f\u20a0-\u20cf{APOSTROPHES}]")
_BEYOND_LATIN = re.compile("[^\x00-\u024f]")


def _unlisted(text: str) -> bool:
    """Tell whether `text` holds a word character beyond those listed (`_UNLISTED`)."""
    # most texts hold only Latin letters (a third of the shared corpus is plain ASCII): one
    # simple class finds the first character past them, if any, four times faster
    if text.isascii():
        return False
    beyond = _BEYOND_LATIN.search(text)
    return beyond is not None and _UNLISTED.search(text, beyond.start()) is not None


# Beyond this many stems, one pass over every distinct word costs less than one pattern per
# stem, once the stems of its words are cached (measured on a 41,828-character debate: 16
# patterns 6 ms, every word 6 ms warm, 71 ms cold)
MAX_PREFIXES = 16


@lru_cache(maxsize=256)
def _first_letters(terms: frozenset[str]) -> frozenset[str]:
    """Return the characters a word analysed into one of `terms` may begin with."""
    return frozenset(c for t in terms for c in _SINGLE.get(t[0], t[0]))


@lru_cache(maxsize=1024)
def stand_in_pattern(prefix: str) -> re.Pattern:
    """Return a pattern finding the folded `prefix` in a text, in any case, any accents.

    >>> bool(stand_in_pattern("soe").match("SŒUR")), bool(stand_in_pattern("eta").match("État"))
    (True, True)
    """
    # a letter beyond the Latin ones has no stand-ins listed: its case is left to the engine
    flags = 0 if all(c in _SINGLE for c in prefix) else re.IGNORECASE
    return re.compile(_prefix_regex(prefix), flags)


def _prefix_regex(prefix: str) -> str:
    if not prefix:
        return ""
    first = f"[{re.escape(_SINGLE.get(prefix[0], prefix[0]))}]" + _prefix_regex(prefix[1:])
    # a ligature for this letter and the next ones (œ for oe)
    others = [f"[{re.escape(chars)}]" + _prefix_regex(prefix[len(key):])
              for key, chars in _MULTI.items() if prefix.startswith(key)]
    return f"(?:{'|'.join([first, *others])})" if others else first


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what `\w` matches


def _word_start(text: str, i: int) -> int:
    """Return where the word (as WORD_PATTERN reads it) holding text[i] starts."""
    if i == 0 or not (_is_word_char(text[i - 1]) or text[i - 1] in APOSTROPHES):
        return i  # most places found start their word
    while i > 0:
        before = text[i - 1]
        if _is_word_char(before):
            i -= 1
        elif before in APOSTROPHES and i > 1 and _is_word_char(text[i - 2]):
            i -= 1
        else:
            break
    return i


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
    # the windows are chosen among the first MAX_WINDOWS matches: none starts further
    matches = _matches(text, terms, enough=MAX_WINDOWS) if terms else []
    if not matches:
        start, end = 0, min(len(text), SNIPPET_CHARS)
        if end < len(text):
            end = text.rfind(" ", 0, end) if " " in text[:end] else end
        return html.escape(text[:end]) + (" …" if end < len(text) else "")
    candidates = []
    starts = [a for a, _, _ in matches]
    for a, _, _ in matches[:MAX_WINDOWS]:
        start, end = _window(text, a)
        # the matches inside the window (found by bisection: a word repeated five hundred
        # times in a debate would otherwise compare every match with every other)
        inside = matches[bisect_left(starts, start):bisect_left(starts, end)]
        found = {t for x, y, t in inside if y <= end}
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
