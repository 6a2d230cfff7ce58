"""Spelling: the indexed words near a typed word, found at a bounded cost per request.

A word of the query that no record holds (« Darmannin », « anticonstitutionelement ») is
compared with the indexed words that could be one or two typing errors away from it, never
with the whole lexicon. The words of the unstemmed `exact` field are put, once per version of
the index (cached by the `Catalog`), into buckets keyed by length and first letter, and by
length and last two letters. A typed word of n letters is compared with the buckets of
length n-d..n+d that share its first letter or its last two (d: 1 edit under 8 letters, 2
from 8): an error that touches both the first letter and one of the last two is not
corrected. The distance is rapidfuzz's optimal string alignment (Levenshtein plus swapped
neighbours), computed in C.

Measured with `python -m bench.spelling` on the shared corpus's index (29,136 words of 4-30
letters, 1,000 seeded typos): a lookup compares a median 1,217 words (4 % of the lexicon,
5,198 at most) instead of all of them, and puts the intended word first as often as a scan of
the whole lexicon less 0.4 point (0.859 against 0.863). See the README for times and memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from indexer.analysis import WORD_PATTERN, fold

MIN_WORD_CHARS = 4  # shorter words have too many neighbours to guess from
MAX_WORD_CHARS = 30  # longer "words" are not French words mistyped: never corrected
MAX_WORDS = 10  # unknown words spelled per query; the others are left as typed
# A word is searched corrected, without asking, only when the near word is in at least
# this many records: then the typo most likely names it (« Darmannin » → 182 records of
# « Darmanin » in the shared corpus), and the search as typed is one click away.
CORRECT_MIN_DOCS = 5
CORRECT_MIN_CHARS = 5  # a four-letter word is only suggested, never corrected
MAX_TIES = 50  # candidates at the best distance whose record counts are looked up
SPELLING_FIELD = "exact"
PREFIX, SUFFIX = 1, 2  # bucket keys: the first letter, the last two (measured in bench/spelling.py)


def max_distance(length: int) -> int:
    """Return the number of edits allowed for a word of `length` letters.

    >>> max_distance(5), max_distance(9)
    (1, 2)
    """
    return 1 if length < 8 else 2


def spelling_key(word: str) -> str:
    """Return a word as the `exact` field holds it: lowercase, without accents."""
    return fold(word).lower()


def correctable(key: str) -> bool:
    """Tell whether a folded word may be spelled at all: letters only, 4 to 30 of them.

    >>> correctable("darmannin"), correctable("x" * 31), correctable("2023"), correctable("l'etat")
    (True, False, False, False)
    """
    return MIN_WORD_CHARS <= len(key) <= MAX_WORD_CHARS and key.isalpha()


def mistyped(typed: str, source: str) -> bool:
    """Tell whether `typed` is `source` mistyped: word for word, each the same word or a
    correctable one within `max_distance` edits of it (a letter swapped, left out, doubled or
    struck for another), accents and case aside.

    >>> mistyped("Drumal", "Drupal"), mistyped("chacjn peut", "chacun peut")
    (True, True)
    >>> mistyped("amendement", "auraient"), mistyped("rue", "rua"), mistyped("la loi", "loi")
    (False, False, False)
    """
    typed_words, source_words = typed.split(), source.split()
    if not typed_words or len(typed_words) != len(source_words):
        return False
    keys = [(spelling_key(t.strip(".,;:!?…«»\"")), spelling_key(s.strip(".,;:!?…«»\"")))
            for t, s in zip(typed_words, source_words, strict=True)]
    return any(t != s for t, s in keys) and all(
        t == s or (correctable(t) and correctable(s)
                   and OSA.distance(t, s) <= max_distance(min(len(t), len(s))))
        for t, s in keys)


class Lexicon:
    """The words a typed word may be corrected to, in buckets for bounded lookups.

    Each word is in two buckets: (length, first letter) and (length, last two letters).
    `display` maps a folded word to the way the index's names and themes write it
    (« runacher » → « Runacher », « securite » → « Sécurité »).
    """

    def __init__(self, words: Iterable[str], display: dict[str, str] | None = None):
        by_first: dict[tuple[int, str], list[str]] = {}
        by_last: dict[tuple[int, str], list[str]] = {}
        count = 0
        for word in words:
            if correctable(word):
                by_first.setdefault((len(word), word[:PREFIX]), []).append(word)
                by_last.setdefault((len(word), word[-SUFFIX:]), []).append(word)
                count += 1
        # tuples: a little smaller than lists, and nobody appends to them later
        self.by_first = {k: tuple(v) for k, v in by_first.items()}
        self.by_last = {k: tuple(v) for k, v in by_last.items()}
        self.words = count
        self.display = display or {}

    def pools(self, key: str) -> list[tuple[str, ...]]:
        """Return the buckets a folded word is compared with."""
        n, d = len(key), max_distance(len(key))
        out = []
        for length in range(n - d, n + d + 1):
            out.append(self.by_first.get((length, key[:PREFIX]), ()))
            out.append(self.by_last.get((length, key[-SUFFIX:]), ()))
        return [pool for pool in out if pool]

    def candidates(self, key: str) -> tuple[list[str], int, int]:
        """Return (words at the smallest distance, that distance, words compared).

        No word (and distance 0) when nothing lies within `max_distance`.
        """
        limit = max_distance(len(key))
        best: set[str] = set()
        best_distance = limit + 1
        compared = 0
        for pool in self.pools(key):
            compared += len(pool)
            found = process.extract(key, pool, scorer=OSA.distance,
                                    score_cutoff=min(limit, best_distance), limit=None)
            for word, distance, _ in found:
                if word == key:
                    continue
                if distance < best_distance:
                    best, best_distance = {word}, int(distance)
                elif distance == best_distance:
                    best.add(word)
        if not best:
            return [], 0, compared
        return sorted(best), best_distance, compared

    def shown(self, key: str, typed: str) -> str:
        """Return the folded word `key` written like the index's names, in the case typed.

        >>> lexicon = Lexicon([], {"runacher": "Runacher", "securite": "sécurité"})
        >>> lexicon.shown("runacher", "Runnacher"), lexicon.shown("securite", "SECURTE")
        ('Runacher', 'SÉCURITÉ')
        >>> lexicon.shown("securite", "Securte"), lexicon.shown("darmanin", "darmannin")
        ('Sécurité', 'darmanin')
        """
        form = self.display.get(key, key)
        if len(typed) > 1 and typed.isupper():
            return form.upper()
        if typed[:1].isupper():
            return form[:1].upper() + form[1:]
        return form.lower()


def build_lexicon(reader, display_labels: Iterable[str] = ()) -> Lexicon:
    """Return the `Lexicon` of an index reader's `exact` words.

    `display_labels` (speaker names, themes) give the accents and capitals of the words
    they hold, which the folded field has lost.
    """
    words: set[bytes] = set()
    for leaf, _offset in reader.leaf_readers():
        # each segment's terms in one pass; a set merges them faster than Whoosh's heap merge
        if SPELLING_FIELD in leaf.indexed_field_names():
            words.update(leaf.lexicon(SPELLING_FIELD))
    display: dict[str, str] = {}
    for label in display_labels:
        for token in WORD_PATTERN.findall(label):
            key = spelling_key(token)
            if token != key and (key not in display or token.islower() < display[key].islower()):
                display[key] = token
    return Lexicon((w.decode("utf-8", "replace") for w in words), display)


def catalog_lexicon(catalog, searcher) -> Lexicon:
    """Return the `Lexicon` of the index version `searcher` reads, built once per version.

    Names and themes come from the catalog's facets, which every search reads anyway.
    """
    labels = [label for facet in ("speaker", "theme")
              for label in catalog.facet(searcher, facet).docs]
    # built under the catalog's lock: other threads wait for it rather than build it too
    return catalog._cached(searcher, "spelling", lambda: build_lexicon(searcher.reader(), labels))


def spell_query(catalog, searcher, q: str, words: list[str], *, correct: bool = True
                ) -> Spelling:
    """Return `check_spelling` of a query's words against the catalog's current index."""
    reader = searcher.reader()
    # the lexicon is built (once per index version) only when a word is unknown
    return check_spelling(lambda: catalog_lexicon(catalog, searcher),
                          lambda key: reader.doc_frequency(SPELLING_FIELD, key), q, words,
                          correct=correct)


@dataclass
class Spelling:
    """What the spelling check of a query found."""

    query: str | None = None  # the query searched instead, its unknown words corrected
    corrections: list[dict[str, str]] = field(default_factory=list)  # [{"word", "suggestion"}]
    suggestions: list[dict[str, str]] = field(default_factory=list)  # offered, not searched
    compared: int = 0  # indexed words compared, for the bounds the tests check

    def note(self, typed: str) -> str | None:
        """Return the note that says what was searched instead of `typed`."""
        if self.query is None:
            return None
        return (f"Résultats pour « {self.query} » ; rechercher plutôt « {typed} » "
                "tel que saisi.")


def check_spelling(lexicon: Lexicon | Callable[[], Lexicon], doc_frequency, q: str,
                   words: list[str], *, correct: bool = True) -> Spelling:
    """Return the corrections and suggestions for the `words` of query `q`.

    `lexicon` may be a function that returns it, called only when a word is unknown.
    `doc_frequency(key)` gives the number of records holding a folded word (the `exact`
    field). A word that no record holds gets the nearest indexed word (fewest edits, then
    for a capitalised word the names of the index, then most records); it is searched
    instead (`Spelling.query`) when `correct` and that word is in at least CORRECT_MIN_DOCS
    records, and only suggested otherwise. At most MAX_WORDS unknown words are spelled,
    each against its buckets only.
    """
    out = Spelling()
    seen: set[str] = set()
    spelled = 0
    corrected = q
    for typed in words:
        key = spelling_key(typed)
        if key in seen or not correctable(key):
            continue
        seen.add(key)
        if doc_frequency(key):
            continue
        spelled += 1
        if spelled > MAX_WORDS:
            break
        if callable(lexicon):
            lexicon = lexicon()
        near, distance, compared = lexicon.candidates(key)
        out.compared += compared
        if not near:
            continue
        # a capitalised word typed is most likely a name: the names of the index come first
        named = typed[:1].isupper()
        counted = [(named and lexicon.display.get(w, "")[:1].isupper(), doc_frequency(w), w)
                   for w in near[:MAX_TIES]]
        _name, docs, best = max(counted, key=lambda c: (c[0], c[1], c[2][0] == key[0]))
        if not docs:
            continue
        shown = lexicon.shown(best, typed)
        pair = {"word": typed, "suggestion": shown}
        if correct and docs >= CORRECT_MIN_DOCS and len(key) >= CORRECT_MIN_CHARS:
            pattern = re.compile(rf"(?<!\w){re.escape(typed)}(?!\w)")
            corrected = pattern.sub(lambda _m, s=shown: s, corrected)
            out.corrections.append(pair)
        else:
            out.suggestions.append(pair)
    if out.corrections and corrected != q:
        out.query = corrected
    else:
        out.suggestions = out.corrections + out.suggestions
        out.corrections = []
    return out
