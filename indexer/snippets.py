"""Snippets: the passages of a text that hold a query's words, with the words marked.

Everything returned is HTML-escaped text with `<mark>` around the matched words, the only
markup the web pages insert unescaped.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

import numpy

from indexer.analysis import APOSTROPHES, WORD_PATTERN, fold, word_term

# Snippets as plain text, not HTML: a CSV export's cells and an Atom feed's summaries, which
# took `webapp.formatting.plain_text` of each escaped, marked snippet (`plain_snippets`)
_PLAIN: ContextVar[bool] = ContextVar("plain_snippets", default=False)


@contextmanager
def plain_snippets() -> Iterator[None]:
    """Make the snippets of the block plain text: the same passages, neither escaped nor
    marked (what `plain_text` made of them; an export's thousand escaped, then undone,
    were a tenth of its time)."""
    token = _PLAIN.set(True)
    try:
        yield
    finally:
        _PLAIN.reset(token)

SNIPPET_CHARS = 220
MAX_WINDOWS = 200  # the passages a snippet chooses from: those around its first matches
SHORT_TEXT = 2000  # a text read whole for a snippet: stopping early would cost more
BLOCK = 4000  # characters of a long text searched at a time for a snippet
ELIDED = 16  # more than the longest elided article (« quoiqu' ») before a stem


def _matches(text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    """Return (start, end, term) for each word of `text` whose analysed term is wanted.

    A few terms are found from the start of their stem: a pattern of the letters that may
    stand for it (any case, any accent) finds the candidate places in C, and only the words
    around them are analysed (a 6,500-character speech: 0.9 ms → 0.1 ms). Many terms, or a
    text with letters beyond the Latin ones, go through every distinct word instead.
    """
    found_by = _stem_patterns(frozenset(terms))
    if found_by is None:
        return _matches_by_words(text, terms)
    keys = _keys(text) if found_by[2] and (text.isascii() or len(text) >= KEYED_TEXT) else None
    if (keys is None or _UNLISTED_KEY in keys) and _UNLISTED.search(text):
        return _matches_by_words(text, terms)
    starts: set[int] = set()
    if keys is None:
        for pattern in found_by[0]:
            for m in pattern.finditer(text):
                starts.add(_word_start(text, m.start()))
    else:
        _keyed_starts(text, keys, 0, found_by[2], 0, len(text), starts)
    found = []
    for start in sorted(starts):
        word = WORD_PATTERN.match(text, start)
        if word and (term := word_term(word.group())) in terms:
            found.append((start, word.end(), term))
    return found


@lru_cache(maxsize=1024)
def _stem_patterns(terms: frozenset[str]
                   ) -> tuple[list[re.Pattern], int, list[tuple[bytes, re.Pattern | None]]] | None:
    """Return the patterns of the stems' starts `_matches` looks for, the length of the
    longest start, and what finds them in a text's keys (`_keyed_starts`; [] when a start
    holds a letter that has no key); None when there are too many starts or one too short,
    and every word is read instead. (Cached: an export asks it for each of its thousand
    hits.)"""
    prefixes = {_prefix(t) for t in terms}
    if not 0 < len(prefixes) <= MAX_PREFIXES or min(map(len, prefixes)) < 2:
        return None
    patterns = [stand_in_pattern(p) for p in prefixes]
    keyed = [_keyed_finder(p, pattern) for p, pattern in zip(prefixes, patterns, strict=True)]
    return patterns, max(map(len, prefixes)), [] if None in keyed else keyed


def _keyed_finder(prefix: str, pattern: re.Pattern) -> tuple[bytes, re.Pattern | None] | None:
    """Return what `_keyed_starts` looks for in a text's keys to find `prefix`: the keys of
    its letters, up to the first of a ligature's letters (« œ » has the key of o: « sœur »
    is found by « so »), then with `pattern` to check each place found; None when a letter
    of `prefix` has no key (a letter beyond the Latin ones)."""
    if not prefix.isascii() or not all(c in _SINGLE for c in prefix):
        return None
    for i in range(len(prefix)):
        if any(prefix.startswith(key, i) for key in _MULTI):
            return prefix[:i + 1].encode("ascii"), pattern
    return prefix.encode("ascii"), None


def _keyed_starts(text: str, keys: bytes, offset: int, finders: list[tuple[bytes,
                  re.Pattern | None]], start: int, end: int, starts: set[int]) -> None:
    """Add to `starts` where the words start that hold a stem's start beginning in
    text[start:end], found in `keys`, the keys of text[offset:]: the places the stems'
    patterns match (`stand_in_pattern`), each word once."""
    for needle, pattern in finders:
        # an occurrence begins before `end`: it may end up to len(needle) - 1 after it
        last = end - offset + len(needle) - 1
        i = keys.find(needle, start - offset, last)
        while i >= 0:
            if pattern is None or pattern.match(text, i + offset):
                starts.add(_word_start(text, i + offset))
            i = keys.find(needle, i + 1, last)


def _match_stream(text: str, terms: set[str]) -> Iterator[tuple[int, int, str | None]]:
    """Yield `_matches(text, terms)` in the order of the text, a block of it at a time, each
    block followed by (position, 0, None): every match starting before position is given.

    The text is read only as far as the caller asks (a debate of 100,000 characters read
    for its first lines is no longer searched to its end). The patterns of the stems'
    starts find every match of a block without a word character they cannot stand for
    (`_UNLISTED`); from the first block with one, every word is analysed.
    """
    found_by = _stem_patterns(frozenset(terms))
    if found_by is None:
        yield from _matches_by_words(text, terms)
        return
    patterns, reach, finders = found_by  # a word is found by the pattern of its first letters
    pos, last = 0, -1
    while pos < len(text):
        end = min(len(text), pos + BLOCK)
        # the block's keys, as far as a stem's start beginning in it may reach
        keys = _keys(text[pos:end + reach]) if finders else None
        if (keys is None or _UNLISTED_KEY in keys) and _UNLISTED.search(text, pos, end + reach):
            # every match of the blocks before was given; from here, every word is read
            yield from (m for m in _matches_by_words(text, terms) if m[0] > last)
            return
        starts = set()
        if keys is not None:
            _keyed_starts(text, keys, pos, finders, pos, end, starts)
        else:
            for pattern in patterns:
                for m in pattern.finditer(text, pos, end + reach):
                    if m.start() >= end:
                        break
                    starts.add(_word_start(text, m.start()))
        for start in sorted(starts):
            if start <= last:  # a word whose beginning the block before found
                continue
            last = start
            word = WORD_PATTERN.match(text, start)
            if word and (term := word_term(word.group())) in terms:
                yield start, word.end(), term
        # a word starting just before `end` may be found from the next block, its elided
        # article (« jusqu'», « lorsqu'») before the place its stem's pattern matches
        yield max(0, end - ELIDED), 0, None
        pos = end


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
# word: only there could a letter stand for a term's letter without being listed above. A
# symbol (a bullet ●, an arrow) is no part of a word: it leaves the text on the fast path
# (a debate with bullets spent 6 ms a snippet analysing every word; the two paths' matches
# compared on the 45 such texts and queries of the load test's mix: the same).
_UNLISTED = re.compile(rf"[^\W\x00-\u024f\u2000-\u206f\u20a0-\u20cf{APOSTROPHES}]")
# Beyond this many stems, one pass over every distinct word costs less than one pattern per
# stem, once the stems of its words are cached (measured on a 41,828-character debate: 16
# patterns 6 ms, every word 6 ms warm, 71 ms cold)
MAX_PREFIXES = 16


def _key_table() -> numpy.ndarray:
    """Return the key of each character of the Basic Multilingual Plane (`_keys`)."""
    table = numpy.zeros(0x10000, dtype=numpy.uint8)
    for key, chars in _SINGLE.items():
        if key.isascii():
            table[[ord(c) for c in chars]] = ord(key)
    # what `_UNLISTED` finds among the characters beyond the Latin ones (surrogates aside),
    # each replaced by U+0001 in one pass
    codes = numpy.r_[_LATIN_END:0xD800, 0xE000:0x10000].astype("<u2")
    marked = _UNLISTED.sub("\x01", codes.tobytes().decode("utf-16-le"))
    table[codes[numpy.frombuffer(marked.encode("utf-16-le"), dtype="<u2") == 1]] = \
        ord(_UNLISTED_KEY)
    return table


def _keys(text: str) -> bytes | None:
    """Return one byte a character of `text`: the letter (folded, lowercase) it may stand for
    in a stem's start, its digit, its apostrophe ', or `_UNLISTED_KEY` for a character
    `_UNLISTED` may find; None when `text` holds a character beyond the Basic Multilingual
    Plane or a lone surrogate.

    A stem's start (ASCII, no ligature) matches where its bytes are found in the keys: the
    stems' patterns, one pass over the text each in the regular expression engine (8 ns a
    character), become one translation (1 to 3 ns) and a `bytes.find` each.

    >>> _keys("L’État, sœur")
    b"l'etat, sour"
    """
    if text.isascii():
        return text.lower().encode("ascii")
    try:
        return text.encode("latin-1").translate(_LATIN_KEYS)
    except UnicodeEncodeError:
        pass
    try:
        data = text.encode("utf-16-le")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if len(data) != 2 * len(text):  # a character beyond the BMP: two code units
        return None
    return _KEY_TABLE.take(numpy.frombuffer(data, dtype="<u2")).tobytes()


# The byte a character `_UNLISTED` finds has among the keys (also the key of U+0001 itself:
# a block holding it is then searched by `_UNLISTED`, which tells)
_UNLISTED_KEY = b"\x01"
_KEY_TABLE = _key_table()
_LATIN_KEYS = _KEY_TABLE[:256].tobytes()
# Below this length, a text with letters beyond ASCII is searched by the stems' patterns:
# the keys' fixed cost (an encoding tried, numpy's call) would be more than they save
KEYED_TEXT = 500


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


# The hyphens of a compound word, and what may stand between two of its matched parts: a
# short word the analyzer drops (« vis-à-vis », « arc-en-ciel », « a-t-il »)
HYPHENS = "-\u2010\u2011"
_JOINED = re.compile(rf"[{HYPHENS}](?:\w{{1,3}}[{HYPHENS}]){{0,2}}")
_JOINED_MAX = 9  # the longest such join: « -à-t- »


def _marked(text: str, start: int, end: int, matches) -> str:
    """Return text[start:end] escaped, with the matched words inside wrapped in <mark>.

    The matched parts of one hyphenated word are one mark, its hyphens inside (the analyzer
    reads « couvre-feu » as two words; marked apart, the hyphen left out, they read as two):

    >>> _marked("Le couvre-feu, vis-à-vis", 0, 24, [(3, 9, "couvr"), (10, 13, "feu"),
    ...                                             (15, 18, "vis"), (21, 24, "vis")])
    'Le <mark>couvre-feu</mark>, <mark>vis-à-vis</mark>'
    """
    # most windows hold nothing to escape: their pieces are then taken as they are
    escape = html.escape if _TO_ESCAPE.search(text, start, end) else str
    spans: list[list[int]] = []
    for a, b, _ in matches:
        if a >= start and b <= end:
            if spans and a - spans[-1][1] <= _JOINED_MAX and text[spans[-1][1]] in HYPHENS \
                    and _JOINED.fullmatch(text, spans[-1][1], a):
                spans[-1][1] = b
            else:
                spans.append([a, b])
    out, last = [], start
    for a, b in spans:
        out += [escape(text[last:a]), "<mark>", escape(text[a:b]), "</mark>"]
        last = b
    out.append(escape(text[last:end]))
    return "".join(out)


_TO_ESCAPE = re.compile("[&<>\"']")  # what html.escape replaces


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

    The passages chosen hold the most distinct query terms (ties: the first in the text),
    among the windows around the first MAX_WINDOWS matches; without any match, the
    beginning of the text.
    """
    matches: list[tuple[int, int, str]] = []
    chosen: list[tuple[int, int]] = []
    if terms and len(text) <= SHORT_TEXT:
        matches = _matches(text, terms)
    elif terms:
        # The text is read only as far as the choice needs (a debate of 40,000 characters
        # was read to its end for a snippet of its first lines): the windows are settled
        # when `top` of them hold every term and no window still unread could start first.
        check = 4
        for start, end, term in _match_stream(text, terms):
            if term is None:  # every match before `start` is read
                chosen = _settled(text, matches, len(terms), top, start) if matches else []
                if chosen:
                    break
                continue
            matches.append((start, end, term))
            if len(matches) == check:
                check *= 2
                chosen = _settled(text, matches, len(terms), top, start)
                if chosen:
                    break
            if len(matches) > MAX_WINDOWS and start >= matches[MAX_WINDOWS - 1][0] + \
                    SNIPPET_CHARS:
                break  # no window of the first MAX_WINDOWS matches reaches this one
    if not matches:
        end = min(len(text), SNIPPET_CHARS)
        if end < len(text):
            end = text.rfind(" ", 0, end) if " " in text[:end] else end
        head_text = text[:end] if _PLAIN.get() else html.escape(text[:end])
        return head_text + (" …" if end < len(text) else "")
    if chosen:
        chosen.sort()
    elif len(matches) == 1:  # most snippets of an export: one match, its window
        chosen = [_window(text, matches[0][0])]
    else:
        chosen = sorted(_choose(text, matches, top, len(text))[0])
    parts = [text[s:e] for s, e in chosen] if _PLAIN.get() else \
        [_marked(text, s, e, matches) for s, e in chosen]
    head = "… " if chosen[0][0] > 0 else ""
    tail = " …" if chosen[-1][1] < len(text) else ""
    return head + " … ".join(parts) + tail


def _choose(text: str, matches: list[tuple[int, int, str]], top: int, known: int
            ) -> tuple[list[tuple[int, int]], list[int]]:
    """Return the `top` windows `snippet` shows, of those around the first MAX_WINDOWS
    `matches` that end by `known` (all the matches before it are in `matches`), and the
    number of distinct terms each holds."""
    candidates = []
    starts = [a for a, _, _ in matches]
    for a, _, _ in matches[:MAX_WINDOWS]:
        start, end = _window(text, a)
        if end > known:
            continue  # a match inside may not be read yet
        # the matches inside the window (found by bisection: a word repeated five hundred
        # times in a debate would otherwise compare every match with every other)
        inside = matches[bisect_left(starts, start):bisect_left(starts, end)]
        found = {t for x, y, t in inside if y <= end}
        candidates.append((-len(found), start, end))
    chosen: list[tuple[int, int]] = []
    counts: list[int] = []
    for count, start, end in sorted(candidates):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
            counts.append(-count)
        if len(chosen) == top:
            break
    return chosen, counts


def _settled(text: str, matches: list[tuple[int, int, str]], terms: int, top: int,
             known: int) -> list[tuple[int, int]]:
    """Return `snippet`'s windows if the matches read so far decide them, else [].

    Every match starting before `known` is read, so are the windows ending by it.
    A window not known yet is around a later match: it ends past that start, so it starts
    past that start less SNIPPET_CHARS and the third of it `_window` keeps before its match.
    If `top` known windows hold every term and start before that, no later window can come
    before them (the most terms first, then the first in the text).
    """
    chosen, counts = _choose(text, matches, top, known)
    earliest_unknown = known - SNIPPET_CHARS - SNIPPET_CHARS // 3
    if len(chosen) == top and all(c == terms for c in counts) and \
            all(start < earliest_unknown for start, _ in chosen):
        return chosen
    return []


def highlight_all(text: str, terms: set[str]) -> str:
    """Return the whole of `text` escaped, with every analysed match of `terms` marked
    (as it is in `plain_snippets`)."""
    if _PLAIN.get():
        return text
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
    if _PLAIN.get():
        return ("… " if left else "") + text[left:right] + (" …" if right < len(text) else "")
    return ("… " if left else "") + html.escape(text[left:start]) + \
        f"<mark>{html.escape(text[start:end])}</mark>" + html.escape(text[end:right]) + \
        (" …" if right < len(text) else "")
