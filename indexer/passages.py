"""Find a pasted passage in the index: candidates by shared word pairs, then alignment.

A journalist pastes a quotation, often slightly wrong. The records that share its rarest word
pairs (`indexer.analysis.shingles`, indexed in the `shingle` field) are the candidates; each
candidate's text is then aligned word by word with what was typed (rapidfuzz's Levenshtein
opcodes over folded words), which gives the exact words of the source, how close they are and
a word-level diff. Prior art: passim (candidates from shared n-grams, then local alignment).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import reduce
from typing import Any, Protocol

import numpy as np
from rapidfuzz.distance import Levenshtein

from indexer import budget
from indexer.analysis import (
    APOSTROPHES,
    COMBINING,
    ELISIONS,
    STOP_WORDS,
    WORD_PATTERN,
    fold,
    passage_word,
    passage_words,
    shingles,
    stemmed_terms,
)
from indexer.intent import keywords_reading, opens_on_name, opens_on_topic, read_intent
from indexer.query import ALIASES, PASSAGE_WORDS, ParsedQuery, bag_terms
from indexer.ranking import intersect_sorted
from indexer.snippets import stand_in_pattern
from indexer.spelling import mistyped

# A plain query of this many words or more is also looked up as a passage.
MIN_WORDS = PASSAGE_WORDS
# Passages longer than this are cut: a quotation is rarely longer, and alignment cost grows
# with the product of both lengths.
MAX_WORDS = 80
# Below this share of the typed words aligned in order, a record does not hold the passage
# (two words swapped and one replaced in eight words still score 0.62).
MIN_SIMILARITY = 0.6
# ... and at least this many typed words found in place (one fewer for shorter queries), so
# that « tout le monde sur la » does not pass for « tout le monde déteste la police ».
MIN_EQUAL = 5
# A cut the press marks inside a quotation: « […] », « [...] », « (…) », « (...) »; a bare
# « … » or « ... » between two words is read as one as well (a quotation trimmed without
# brackets; where nothing was left out, the stretches simply follow each other).
# The editor's words between square brackets (« [Le gouvernement] a toujours réussi »,
# « Laurent Berger [sic] »), or « (sic) »: not the speaker's, so not compared; they stand
# where the source has its own words, or none, as a cut does.
EDITED = re.compile(r"\[(?!\s*(?:…|\.{2,})\s*\])[^\[\]]{1,80}\]|\((?i:sic)\)")
CUT = re.compile(rf"[\[(]\s*(?:…|\.{{2,}})\s*[\])]|…|\.{{3,}}|{EDITED.pattern}")
# How many source words an editor's bracket within a quotation may stand for (« [la
# réforme] » for « cette réforme-là »)
BRACKET_WORDS = 4
# What ends a clause in the source: the words a leading bracket stands for start after it
_CLAUSE_END = re.compile(r"[.;:!?,«»“”\"()]")
# ... and what they may be, the words an editor clarifies: a subject pronoun, or a
# demonstrative and its noun (« cette réforme »; « la France » may end a longer subject)
_SUBJECTS = frozenset("il elle on ils elles nous vous je cela ca ceci celui celle ceux "
                      "celles".split())
_DETERMINERS = frozenset("ce cet cette ces".split())
# How far (characters of the source) a cut may reach: a sentence or a few, within a passage;
# not two fragments of a long speech stitched together.
CUT_CHARS = 1000
# What the words a cut stands for are shown without: the punctuation and quotation marks at
# their ends (« », a déclaré X. « »: the source's own incise between two parts)
_AROUND_CUT = " \n\t,;:.!?…-–—«»“”\"\u00a0\u202f"
# Records aligned per query: the pairs rank the true source first or nearly always, and each
# alignment reads a stored text.
CANDIDATES = 24
# When more records than CANDIDATES share the best score (a short quotation of stop words
# around one rare pair: « Mais nous sommes en guerre ! » is its pair « en guerre », in 29
# records of the shared corpus), at most this many of them are read for the typed words in
# order before the cut (`_tied_holders`).
TIED_AT_MOST = 200
# Typed words searched for in a long text to find where the passage may stand.
REGION_WORDS = 4
# Characters kept around the stretch of a long text where the typed words gather.
REGION_MARGIN = 200
# Typed word pairs looked for in each stretch holding as many of those words (`_region_words`).
REGION_PAIRS = 12
# Places of a text where the typed words gather that are aligned, at most, when the first is
# not word for word: a speech saying the same words twice, the second time as they were typed.
PLACES = 3
# A phrase found by its word pairs in at most this many records is checked in their stored
# text; beyond, Whoosh's positional walk decides (see `phrase_docs`).
VERIFY_AT_MOST = 400
# A close passage sharing fewer typed words than this, word for word, may be a phrase inside
# a journalist's keywords (« dissolution du comité de soutien » in « communiqué dissolution
# du comité de soutien juin 2018 ») rather than a quotation (`among_keywords`,
# `indexer.search`).
QUOTATION_WORDS = 8
# ... and lacking this many of the typed content words is a phrase among keywords, not a
# quotation with a word misremembered (`among_keywords`).
KEYWORD_WORDS = 2
# What the passage functions say of an index written before the word pairs were indexed.
NO_PAIRS = ("Cet index a été construit sans les paires de mots qui retrouvent les passages "
            "collés : reconstruisez l'index (verbatim index --rebuild).")
# Records of one person aligned for a quotation pasted with their name (`find_loose`), and how
# far from the typed words their passage may stand: this share of the typed words in place,
# and this many of them (a person's own records, chosen by the name typed, may answer with
# words a stranger's record could not: « la France est en guerre contre l'islamisme », given
# to Gérald Darmanin, is his « nous sommes en guerre contre cette idéologie islamiste »)
AUTHOR_CANDIDATES = 8
LOOSE_FLOOR = (0.2, 3)
# Pairs in more than this share of the records choose nothing and cost a long posting list;
# they are used only when the query has no rarer pair.
COMMON_SHARE = 0.05


@dataclass
class Passage:
    """Where a record holds a typed passage, and how close the words are."""

    docnum: Any  # the record's key in its engine (`PairIndex`): a Whoosh docnum, an OpenSearch id
    similarity: float  # 1.0: every typed word, in order ("mot pour mot")
    start: int  # character span of the passage in the record's text
    end: int
    text: str  # the exact words of the source
    diff: list[dict[str, str]]  # [{"op", "typed", "source"}]
    score: float = 0.0  # the pair score that made the record a candidate (rarer pairs: more)
    doc_id: str | None = None  # the record's id (`indexer.engine.Engine.find_passages`)
    date: str | None = None  # its day, YYYY-MM-DD, or None (undated)

    @property
    def verdict(self) -> str:
        """Return "exact" when the words are the source's, word for word, else "close"."""
        return "exact" if self.similarity >= 1.0 else "close"

    @property
    def leads(self) -> bool:
        """Tell whether the record comes first for holding the passage: a quotation, exact
        or misremembered, not a phrase typed among keywords (`among_keywords`), nor a short
        query's words in order (`phrase_passage`: ranked first by `TogetherFirst`), nor
        a close one of words describing a record (`described`)."""
        return typed_words(self.diff) >= MIN_WORDS and not among_keywords(self.diff) \
            and not (self.similarity < 1.0 and described(self.diff))

    def to_json(self) -> dict[str, Any]:
        """Return the passage as the API shows it."""
        return {"text": self.text, "start": self.start, "end": self.end,
                "similarity": round(self.similarity, 3), "verdict": self.verdict,
                "diff": self.diff}


def query_words(text: str) -> list[tuple[str, int, int]]:
    """Return the words of a typed passage (at most MAX_WORDS), as passages compare them:
    the editor's words between square brackets left out (`EDITED`).

    >>> [w for w, _, _ in query_words("[Le gouvernement] a toujours réussi [sic]")]
    ['a', 'toujours', 'reussi']
    """
    words = passage_words(text)
    if "[" in text or "(" in text:
        edited = [m.span() for m in EDITED.finditer(text)]
        words = [w for w in words if not any(a <= w[1] < b for a, b in edited)]
    return words[:MAX_WORDS]


class PairIndex(Protocol):
    """What the passage finder reads of an index: each engine provides one
    (`indexer.whoosh_engine.WhooshPairs`, `indexer.opensearch_passages.ClusterPairs`).

    A record is known by a key of the engine's own (a Whoosh docnum, an OpenSearch id);
    `base` is the engine's own way of saying which records may answer (Whoosh: a set of
    docnums; OpenSearch: filter clauses). Both see the same word pairs (`shingles`), so the
    same weights choose the same candidates, and the same alignment reads their texts.
    """

    def doc_count(self) -> int:
        """Return the number of records (statements and quotations) in the index."""

    def doc_frequencies(self, pairs: list[str]) -> dict[str, int]:
        """Return how many records hold each pair."""

    def best_holders(self, pairs: list[str], weights: list[float], base, limit: int
                     ) -> list[tuple[Any, float]]:
        """Return the `limit` records of `base` with the highest summed weight of the
        `pairs` they hold, (key, score), as `best_of_postings` orders them."""

    def stored_text(self, key: Any) -> str:
        """Return a record's text."""


def candidates(index: PairIndex, pairs: list[str], base, limit: int = CANDIDATES
               ) -> list[tuple[Any, float]]:
    """Return the records of `base` sharing the most (rarest) pairs, best first.

    Each pair weighs its inverse document frequency, so a record holding the rare pairs of a
    quotation outranks one holding its commonplace ones.
    """
    total = max(index.doc_count(), 1)
    frequencies = index.doc_frequencies(list(dict.fromkeys(pairs)))
    present = sorted((df, p) for p, df in frequencies.items() if df)
    if not present:
        return []
    common = max(1000, int(total * COMMON_SHARE))
    chosen = [(df, p) for df, p in present if df <= common] or present[:2]
    return index.best_holders([p for _, p in chosen],
                              [math.log(1 + total / df) for df, _ in chosen], base, limit)


def best_of_postings(docs: list[np.ndarray], weights: list[float], base, limit: int
                     ) -> list[tuple[int, float]]:
    """Return the `limit` docnums of `base` with the highest summed weight, best first, from
    each pair's docnums (`docs`, rarest pair first): on equal scores, the record holding the
    rarest pair first, then the lower docnum.

    >>> best_of_postings([np.array([3, 5]), np.array([1, 5])], [2.0, 1.0], {1, 3, 5}, 2)
    [(5, 3.0), (3, 2.0)]
    """
    # every record's summed weight in one count (numpy), then the best that `base` holds
    scores = np.bincount(np.concatenate(docs), weights=np.concatenate(
        [np.full(len(d), w) for d, w in zip(docs, weights, strict=True)]))
    held = np.flatnonzero(scores)
    rarest = np.full(len(scores), len(docs))
    for i in range(len(docs) - 1, -1, -1):
        rarest[docs[i]] = i
    order = held[np.lexsort((held, rarest[held], -scores[held]))]
    best = []
    for n in order.tolist():
        if n in base:
            best.append((n, float(scores[n])))
            if len(best) == limit:
                break
    return best


def best_of_held(held: list[tuple[Any, list[int]]], weights: list[float], limit: int
                 ) -> list[tuple[Any, float]]:
    """Return the `limit` best records of `held`, (key, the indexes of the pairs it holds)
    in the engine's order, as `best_of_postings` ranks them: the same sums of the same
    weights (added in the same order), the rarest pair held next, then the engine's order.

    >>> best_of_held([("a", [1]), ("b", [0, 1]), ("c", [0])], [2.0, 1.0], 2)
    [('b', 3.0), ('c', 2.0)]
    """
    scored = []
    for rank, (key, indexes) in enumerate(held):
        score = 0.0
        for i in sorted(indexes):
            score += weights[i]
        scored.append((-score, min(indexes), rank, key))
    scored.sort()
    return [(key, -score) for score, _, _, key in scored[:limit]]


def record_pairs(text: str) -> list[str]:
    """Return the distinct word pairs of a record's text, as `ShingleAnalyzer` indexes them
    (engines that take the terms themselves are sent these).

    >>> record_pairs("Tout le monde, tout le monde")
    ['tout le', 'le monde', 'monde tout']
    """
    return list(dict.fromkeys(shingles([passage_word(w) for w in WORD_PATTERN.findall(text)])))


def align(typed: list[tuple[str, int, int]], query: str, text: str, docnum: int = 0
          ) -> Passage | None:
    """Return the passage of `text` closest to the typed words, or None if none is close.

    A quotation cut the way the press cuts one (« la lucidité commande d'admettre […] cela
    ne suffit plus ») is aligned stretch by stretch, in order (`_align_cut`): the words the
    cut stands for are the source's, not differences. Failing that, or without a cut, the
    typed words are aligned as one stretch (`_align_words`); when that is not word for word,
    sentences joined without a mark are tried as cut too (`sentence_joins`).

    >>> q = "la lucidité commande d'admettre […] cela ne suffit plus"
    >>> src = ("Nous y sommes. La lucidité commande d'admettre que cela ne suffit pas, "
    ...        "cela ne suffit plus.")
    >>> p = align(query_words(q), q, src)
    >>> p.text, p.similarity, p.verdict
    ("La lucidité commande d'admettre que cela ne suffit pas, cela ne suffit plus", 1.0, 'exact')
    >>> [op for op in p.diff if op["op"] != "equal"]
    [{'op': 'cut', 'typed': '[…]', 'source': 'que cela ne suffit pas'}]
    >>> q = "Nous y sommes. Cela ne suffit plus."
    >>> p = align(query_words(q), q, src)
    >>> p.verdict, [(op["typed"], op["source"]) for op in p.diff if op["op"] == "cut"]
    ('exact', [('', "La lucidité commande d'admettre que cela ne suffit pas")])
    """
    cuts = cut_points(typed, query)
    if cuts:
        found = _align_cut(typed, query, text, docnum, cuts)
        if found is not None:
            return found
    whole = _align_words(typed, query, text, docnum, edited_points(typed, query))
    if whole is not None and whole.verdict == "exact":
        return whole
    # sentences the press joins without marking the cut (« … durer 6 mois. Les températures
    # … »: the source says a sentence between them): aligned as a cut quotation, kept only
    # when that reads the source's words more closely than one stretch
    joins = sentence_joins(typed, query)
    if joins:
        stitched = _align_cut(typed, query, text, docnum, sorted({*cuts, *joins}))
        if stitched is not None and (whole is None or stitched.similarity > whole.similarity):
            return stitched
    return whole


# the end of a sentence between two typed words (an ellipsis is a cut mark, `CUT`), not the
# point of an abbreviation or an initial (« M. Dupont », « J. Martin », « art. 3 »)
_SENTENCE_END = re.compile(r"(?<!\.)[.!?](?=\s)")
_ABBREVIATIONS = frozenset("mm mme mlle mlles mmes me dr pr st ste cf etc art no vol".split())


def sentence_joins(typed: list[tuple[str, int, int]], query: str) -> list[int]:
    """Return the indexes of the typed words that open a sentence after another.

    >>> q = "Le chantier devrait durer 6 mois. Les températures ont altéré l'acier ! Voilà"
    >>> sentence_joins(query_words(q), q)
    [6, 11]
    >>> q = "M. Dupont et J. Martin, art. 3, ont dit que 3.5 milliards… suffisent"
    >>> sentence_joins(query_words(q), q)
    []
    """
    return [i for i in range(1, len(typed))
            if len(typed[i - 1][0]) > 1 and typed[i - 1][0] not in _ABBREVIATIONS
            and _SENTENCE_END.search(query, typed[i - 1][2], typed[i][1])]


def sentences_held(typed: list[tuple[str, int, int]], query: str, text: str) -> bool:
    """Tell whether `text` holds each sentence typed (MIN_WORDS words or more each, two or
    more of them), even approached, in whatever order: a quotation whose sentences were
    pasted in another order than the source's is not a quotation no document holds.

    >>> q = "Il l'a informé de la réunion. Le Président a dit sa satisfaction de l'accord."
    >>> src = "Le Président a dit sa satisfaction de l'accord. Il l'a informé de la réunion."
    >>> sentences_held(query_words(q), q, src), align(query_words(q), q, src) is None
    (True, True)
    """
    bounds = [0, *sentence_joins(typed, query), len(typed)]
    pieces = [typed[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    if len(pieces) < 2 or any(len(piece) < MIN_WORDS for piece in pieces):
        return False
    return all(_align_words(piece, query, text) is not None for piece in pieces)


def cut_points(typed: list[tuple[str, int, int]], query: str) -> list[int]:
    """Return the indexes of the typed words a cut mark (`CUT`) stands before.

    >>> q = "Nous avons pris des mesures. […] Elles se révèlent insuffisantes (...) hélas"
    >>> cut_points(query_words(q), q)
    [5, 9]
    >>> q = "… cela ne suffit plus …"
    >>> cut_points(query_words(q), q)
    []
    """
    points = []
    for mark in CUT.finditer(query):
        after = next((i for i, (_, start, _) in enumerate(typed) if start >= mark.end()), None)
        if after and typed[after - 1][2] <= mark.start() and after not in points:
            points.append(after)
    return points


def edited_points(typed: list[tuple[str, int, int]], query: str) -> dict[int, str]:
    """Return the editor's brackets (`EDITED`) as typed, by the index of the typed word each
    stands before (0 for a bracket opening the quotation).

    >>> q = "[Le gouvernement] a toujours réussi, [sic] en 2020, [le conjoncture] tenu"
    >>> edited_points(query_words(q), q)
    {0: '[Le gouvernement]', 3: '[sic]', 5: '[le conjoncture]'}
    """
    points: dict[int, str] = {}
    for mark in EDITED.finditer(query):
        after = next((i for i, (_, start, _) in enumerate(typed) if start >= mark.end()), None)
        if after is not None and (after == 0 or typed[after - 1][2] <= mark.start()):
            points.setdefault(after, mark.group())
    return points


def _align_cut(typed: list[tuple[str, int, int]], query: str, text: str, docnum: int,
               cuts: list[int]) -> Passage | None:
    """Return the passage of `text` holding the stretches of a cut quotation in order, each
    within CUT_CHARS characters of the one before, or None.

    The longest stretch is found first, anywhere; then those after it, each after the one
    before, and those before it, each before the one after. A stretch of one word anchors
    nowhere: it is joined to its neighbour. The similarity is that of the stretches
    together; between them, a "cut" difference gives the source's words the cut stands for
    (none when it stands for punctuation only).
    """
    bounds = [0, *cuts, len(typed)]
    stretches: list[list[tuple[str, int, int]]] = []
    opens: list[int] = []  # the index of each stretch's first typed word
    for a, b in zip(bounds, bounds[1:], strict=False):
        if stretches and (b - a < 2 or len(stretches[-1]) < 2):
            stretches[-1] = stretches[-1] + typed[a:b]
        else:
            stretches.append(typed[a:b])
            opens.append(a)
    if len(stretches) < 2:
        return None
    # a bracket beside a lone word is inside a stretch: it stands for its few words there
    edited = edited_points(typed, query)

    def aligned(i: int, within: str) -> Passage | None:
        inside = {k - opens[i]: mark for k, mark in edited.items()
                  if opens[i] < k < opens[i] + len(stretches[i])}
        return _align_words(stretches[i], query, within, 0, inside)

    anchor = max(range(len(stretches)), key=lambda i: (len(stretches[i]), -i))
    found: dict[int, Passage | None] = {anchor: aligned(anchor, text)}
    for i in range(anchor + 1, len(stretches)):
        before = found[i - 1]
        if before is None:
            return None
        reach = before.end + CUT_CHARS + 2 * (stretches[i][-1][2] - stretches[i][0][1])
        found[i] = _shifted(aligned(i, text[before.end:reach]), before.end, text)
    for i in range(anchor - 1, -1, -1):
        after = found[i + 1]
        if after is None:
            return None
        start = max(0, after.start - CUT_CHARS - 2 * (stretches[i][-1][2] - stretches[i][0][1]))
        found[i] = _shifted(aligned(i, text[start:after.start]), start, text)
    parts = [found[i] for i in range(len(stretches))]
    if any(part is None for part in parts):
        return None
    cost, source_words = 0, 0
    diff: list[dict[str, str]] = []
    for i, (stretch, part) in enumerate(zip(stretches, parts, strict=True)):
        held = len(passage_words(part.text))
        cost += round((1.0 - part.similarity) * max(len(stretch), held))
        source_words += held
        if i:
            gap = text[parts[i - 1].end:part.start]
            between = [w for w, _, _ in passage_words(gap)]
            # no mark: two sentences joined as one quotation (`sentence_joins`), typed ""
            mark = CUT.search(query, stretches[i - 1][-1][2], stretch[0][1])
            # a bracket holding the source's own words (« [Traduction] ») stands for nothing
            if between and not (mark and between == [w for w, _, _ in passage_words(mark[0])]):
                diff.append({"op": "cut", "typed": mark.group() if mark else "",
                             "source": gap.strip(_AROUND_CUT)})
        diff.extend(part.diff)
    similarity = 1.0 - cost / max(len(typed), source_words)
    if similarity < MIN_SIMILARITY:
        return None
    start, end = parts[0].start, parts[-1].end
    return Passage(docnum, similarity, start, end, text[start:end], diff)


def _shifted(passage: Passage | None, offset: int, text: str) -> Passage | None:
    """Return a passage found in `text[offset:…]` with its span in `text`."""
    if passage is None:
        return None
    passage.start += offset
    passage.end += offset
    passage.text = text[passage.start:passage.end]
    return passage


def _align_words(typed: list[tuple[str, int, int]], query: str, text: str, docnum: int = 0,
                 edited: dict[int, str] | None = None,
                 floor: tuple[float, int] = (MIN_SIMILARITY, MIN_EQUAL)) -> Passage | None:
    """Return the passage of `text` closest to the typed words as one stretch, or None.

    The window is the stretch of `text` where the typed word pairs are densest; the typed
    words are aligned with it (Levenshtein over words), and source words before the first
    or after the last aligned word are cut off. An editor's bracket (`edited`, by the typed
    word it stands before) stands for the few source words in its place (`BRACKET_WORDS`),
    shown as a cut, not counted as differences: « [Le gouvernement] a toujours réussi » where
    the source says « Il a toujours réussi ». `floor`: the least similarity and typed words in
    place of a passage (`_align_at`; `find_loose` asks less).

    >>> q = "je vous conseille dans la mesure du possible le télétravail"
    >>> src = "Donc je vous recommande, dans toute la mesure du possible, le télétravail."
    >>> p = _align_words(query_words(q), q, src)
    >>> p.text, round(p.similarity, 2)
    ('je vous recommande, dans toute la mesure du possible, le télétravail', 0.82)
    >>> p.diff[1]
    {'op': 'replace', 'typed': 'conseille', 'source': 'recommande'}
    """
    if not typed:
        return None
    # by where the word after each bracket starts: joining a number's digits or an elided
    # article below renumbers the typed words
    brackets = {typed[i][1]: mark for i, mark in (edited or {}).items() if i < len(typed)}
    best: Passage | None = None
    tries = 0
    # the places where the typed words gather, densest first: the first is not always the
    # closest (« nous étions en guerre contre l'idéologie islamiste »: an interview's « nous
    # sommes en guerre contre une idéologie, idéologie islamiste » came first, 62 %, where
    # « nous sommes en guerre contre cette idéologie islamiste » stands further on, 75 %)
    for words in _region_words(text, typed, PLACES):
        words = _numbers_joined(words, text)
        written = _as_written(_numbers_joined(typed, query), words, text, query)
        for low, high in _dense_windows(_anchors(written, words),
                                        len(written) + max(3, len(written) // 3), PLACES):
            found = _align_at(written, query, text, words, low, high, docnum, brackets, floor)
            if found is not None and (best is None or found.similarity > best.similarity):
                best = found
            tries += 1
            if best is not None and best.verdict == "exact" or tries >= PLACES:
                return best
    return best


def _anchors(typed: list[tuple[str, int, int]], words: list[tuple[str, int, int]]) -> list[int]:
    """Return where in `words` a typed word pair stands (stop-word pairs included: the index
    leaves those out), or, without any, a typed word."""
    pairs = {(a, b) for (a, _, _), (b, _, _) in zip(typed, typed[1:], strict=False)}
    folded = [w for w, _, _ in words]
    anchors = [i for i in range(len(folded) - 1) if (folded[i], folded[i + 1]) in pairs]
    if not anchors:
        want = {w for w, _, _ in typed}
        anchors = [i for i, w in enumerate(folded) if w in want]
    return anchors


def _align_at(typed: list[tuple[str, int, int]], query: str, text: str,
              words: list[tuple[str, int, int]], low: int, high: int, docnum: int,
              brackets: dict[int, str],
              floor: tuple[float, int] = (MIN_SIMILARITY, MIN_EQUAL)) -> Passage | None:
    """Return the passage of `words` around the anchors `low`..`high` closest to the typed
    words (`_align_words`), or None when it is not close enough."""
    folded = [w for w, _, _ in words]
    start, end = _bounds([w for w, _, _ in typed], folded, low, high + 2)
    ops = list(Levenshtein.opcodes([w for w, _, _ in typed], folded[start:end]))
    while ops and ops[0].tag == "insert":
        ops.pop(0)
    while ops and ops[-1].tag == "insert":
        ops.pop()
    if not ops:
        return None
    first, last = start + ops[0].dest_start, start + ops[-1].dest_end
    if last <= first:
        return None

    def bracket(op) -> str | None:
        """The editor's bracket standing where the source has these few words, if any."""
        if op.tag != "insert" or op.src_start >= len(typed) \
                or op.dest_end - op.dest_start > BRACKET_WORDS:
            return None
        return brackets.get(typed[op.src_start][1])

    cost = sum(max(op.src_end - op.src_start, op.dest_end - op.dest_start)
               for op in ops if op.tag != "equal" and bracket(op) is None)
    equal = sum(op.src_end - op.src_start for op in ops if op.tag == "equal")
    similarity = 1.0 - cost / max(len(typed), last - first)
    if similarity < floor[0] or equal < min(floor[1], len(typed) - 1):
        return None
    span_start, span_end = words[first][1], words[last - 1][2]
    diff = []
    # a bracket opening the quotation stands for the subject before the first word aligned:
    # a pronoun (« [Le gouvernement] a … »: « on a … ») or a demonstrative and its noun
    # (« cette réforme a … »); anything else is not known, so nothing is said
    if (lead := brackets.get(typed[0][1])) is not None and \
            (opens := _subject_before(words, first, text)) is not None:
        span_start = opens
        diff.append(_bracket_op(lead, text[opens:words[first - 1][2]]))
    for op in ops:
        typed_words = query[typed[op.src_start][1]:typed[op.src_end - 1][2]] \
            if op.src_end > op.src_start else ""
        source = text[words[start + op.dest_start][1]:words[start + op.dest_end - 1][2]] \
            if op.dest_end > op.dest_start else ""
        mark = bracket(op)
        diff.append({"op": op.tag, "typed": typed_words, "source": source} if mark is None
                    else _bracket_op(mark, source))
    diff = [op for op in diff if op is not None]
    return Passage(docnum, similarity, span_start, span_end, text[span_start:span_end], diff)


def _subject_before(words: list[tuple[str, int, int]], first: int, text: str) -> int | None:
    """Return where the subject just before `words[first]` starts in `text` (a subject
    pronoun, or a demonstrative and its noun, in the same clause), else None."""
    for opens in (first - 1, first - 2):
        if opens < 0 or _CLAUSE_END.search(text, words[opens][2], words[first][1]):
            return None
        if (opens == first - 1 and words[opens][0] in _SUBJECTS) or \
                (opens == first - 2 and words[opens][0] in _DETERMINERS):
            start, end = words[opens][1], words[opens][2]
            return start + text[start:end].rfind("'") + 1 if "'" in text[start:end] \
                else start  # « qu'on »: the pronoun, not the conjunction
    return None


def _bracket_op(mark: str, source: str) -> dict[str, str] | None:
    """Return the diff's cut for an editor's bracket standing where the source says
    `source`; None when the bracket holds those very words (« [Traduction] »)."""
    if [w for w, _, _ in passage_words(mark)] == [w for w, _, _ in passage_words(source)]:
        return None
    return {"op": "cut", "typed": mark, "source": source.strip(_AROUND_CUT)}


# What may stand between the groups of three digits of one number (« 19 000 », « 19.000 »)
_DIGIT_GAP = re.compile(r"[ \u00a0\u202f.]")


def _numbers_joined(words: list[tuple[str, int, int]], text: str
                    ) -> list[tuple[str, int, int]]:
    """Return passage words with a number's groups of digits as one word: « 19 000 »,
    « 19.000 » and « 19000 » are the same number, typed or printed.

    >>> t = "soit 19 000 personnes, et 1 500 000 euros"
    >>> [w for w, _, _ in _numbers_joined(passage_words(t), t)]
    ['soit', '19000', 'personnes', 'et', '1500000', 'euros']
    """
    out: list[tuple[str, int, int]] = []
    for word, start, end in words:
        if out and len(word) == 3 and word.isdigit() and out[-1][0].isdigit() \
                and start - out[-1][2] == 1 and _DIGIT_GAP.fullmatch(text[out[-1][2]:start]):
            out[-1] = (out[-1][0] + word, out[-1][1], end)
        else:
            out.append((word, start, end))
    return out


# The hyphens that break a word at a printed line's end, as a PDF's text is copied (the
# hyphen-minus, Unicode's hyphen and non-breaking hyphen, a soft hyphen).
LINE_HYPHENS = "-\u00ad\u2010\u2011"
# such a hyphen with the line break after it kept, turned into spaces or lost
_LINE_HYPHEN = re.compile(rf"[{LINE_HYPHENS}][ \t]*(?:\r?\n[ \t]*)?")


def _line_breaks(typed: list[tuple[str, int, int]], query: str) -> set[int]:
    """Return the typed words that go on with the word before them past a hyphen that broke
    it at a printed line's end (`_LINE_HYPHEN`; the words' offsets are in `query`).

    >>> q = "la Vère a pu cou-\\nper à Montclair"
    >>> sorted(_line_breaks(passage_words(q), q))
    [5]
    """
    if not query or not _LINE_HYPHEN.search(query):
        return set()
    return {i for i in range(1, len(typed))
            if _LINE_HYPHEN.fullmatch(query, typed[i - 1][2], typed[i][1])}


def _as_written(typed: list[tuple[str, int, int]], words: list[tuple[str, int, int]],
                text: str, query: str = "") -> list[tuple[str, int, int]]:
    """Return the typed words read as the source writes them: an elided article typed
    without its apostrophe, « dalerte » or « d alerte » where the source has « d'alerte »
    (passage words drop the article: « alerte »), and a word copied from a PDF with the
    hyphen that broke it at a line's end, « cou-⏎per », « cou- per » or « cou-per » where
    the source has « couper » (the typed words' offsets are in `query`). Only where the
    source has that very word: « sport » is never « s'port », « porte-parole » never
    « porteparole ».

    >>> t = "un lanceur d'alerte, qu'il faut admettre"
    >>> q = "un lanceur dalerte qu il faut"
    >>> [w for w, _, _ in _as_written(passage_words(q), passage_words(t), t)]
    ['un', 'lanceur', 'alerte', 'il', 'faut']
    >>> t = "la Vère a pu couper à Montclair, dit le porte-parole"
    >>> q = "la Vère a pu cou-\\nper à Mont- clair, dit le porte-parole"
    >>> [w for w, _, _ in _as_written(passage_words(q), passage_words(t), t, q)]
    ['la', 'vere', 'a', 'pu', 'couper', 'a', 'montclair', 'dit', 'le', 'porte', 'parole']
    """
    elided: dict[str, str] = {}  # « dalerte » → « alerte », and « d alerte » → « alerte »
    for word, start, end in words:
        raw = fold(text[start:end].lower())
        for mark in APOSTROPHES:
            head, found, _ = raw.partition(mark)
            if found and head in ELISIONS:
                elided[head + word] = word
                elided[head + " " + word] = word
                break
    broken = _line_breaks(typed, query)
    if not elided and not broken:
        return typed
    held = {word for word, _, _ in words}
    out: list[tuple[str, int, int]] = []
    for i, (word, start, end) in enumerate(typed):
        if i in broken and out and out[-1][0] + word in held:
            out[-1] = (out[-1][0] + word, out[-1][1], end)  # « cou-⏎per »: « couper »
        elif out and out[-1][0] in ELISIONS and f"{out[-1][0]} {word}" in elided:
            out[-1] = (word, out[-1][1], end)  # « d alerte »: one word, as the source's
        elif word in elided and word not in held:
            out.append((elided[word], start, end))
        else:
            out.append((word, start, end))
    return out


def _region_words(text: str, typed: list[tuple[str, int, int]], count: int = 1
                  ) -> Iterator[list[tuple[str, int, int]]]:
    """Yield the passage words of the parts of `text` where the typed words gather, the
    densest first: at most `count` parts, apart from one another, each split into words only
    when asked for (the first is often enough).

    Splitting a long speech into words costs milliseconds in Python; finding where the typed
    content words occur in its folded text is a C string search. The words of the densest
    stretches, with a margin, are all the alignment needs. A short text, or one whose folding
    changes its length (« œ » → « oe »), is split whole, so that offsets stay right.

    >>> text = "Le climat. " * 500 + "On se donne rendez-vous dans quinze jours."
    >>> typed = query_words("on se donne rendez-vous dans quinze jours")
    >>> [w for w, _, _ in next(_region_words(text, typed))][-4:]
    ['vous', 'dans', 'quinze', 'jours']
    >>> len(next(_region_words(text, typed))) < 100
    True
    """
    span = (typed[-1][2] - typed[0][1]) if typed else 0
    if len(text) < 4 * span + 2 * REGION_MARGIN:
        yield passage_words(text)
        return
    # accents stripped in C (decomposed, marks removed): a dict `translate` over a whole
    # speech costs milliseconds; ligatures stay, so that offsets hold
    folded = COMBINING.sub("", unicodedata.normalize("NFD", text)).lower()
    if len(folded) != len(text):
        yield passage_words(text)
        return
    # the longest content words are the rarest, as a rule: few occurrences to walk
    content = sorted({w for w, _, _ in typed if w not in STOP_WORDS and len(w) > 2} or
                     {w for w, _, _ in typed}, key=lambda w: (-len(w), w))[:REGION_WORDS]
    hits = sorted((i, w) for w in content for i in _occurrences(folded, w))
    if not hits:
        yield passage_words(text)
        return
    width = 2 * span + REGION_MARGIN
    # each stretch of `width` characters ending on a hit: how many of the content words it
    # holds, where it starts and ends
    stretches, left = [], 0
    seen: Counter[str] = Counter()
    for position, word in hits:
        seen[word] += 1
        while position - hits[left][0] > width:
            seen[hits[left][1]] -= 1
            if not seen[hits[left][1]]:
                del seen[hits[left][1]]
            left += 1
        stretches.append((len(seen), hits[left][0], position))
    most = max(distinct for distinct, _, _ in stretches)
    # where as many of the content words stand in several places, the first was taken: a
    # passage of stop words but one (« ne sera pas la dernière »: a speech saying « la
    # dernière vallée » first), an interview naming its guest at every turn (« Merci Olivia
    # GREGOIRE de nous avoir rendu visite », at its end) were not found, even approached;
    # among those places, the one holding most of the typed word pairs first (the first
    # REGION_PAIRS: each place costs a search of each in its stretch), then the earliest
    pairs = [f"{a} {b}" for (a, _, _), (b, _, _) in zip(typed, typed[1:],
                                                        strict=False)][:REGION_PAIRS]

    def pairs_held(first: int, last: int) -> int:
        around = folded[max(0, first - span):last + span]
        return sum(pair in around for pair in pairs)

    ranked = sorted(((-pairs_held(first, last), last, first)
                     for distinct, first, last in stretches if distinct == most),
                    key=lambda r: r[:2])
    regions: list[tuple[int, int]] = []
    for _, last, first in ranked:
        if any(start <= first and last <= end for start, end in regions):
            continue  # within a part already taken
        start = max(0, first - span - REGION_MARGIN)
        start = text.find(" ", start) + 1 if start else 0  # not from the middle of a word
        regions.append((start, min(len(text), last + span + REGION_MARGIN)))
        if len(regions) == count:
            break
    for start, end in regions:
        yield [(w, a + start, b + start) for w, a, b in passage_words(text[start:end])]


def _occurrences(text: str, word: str) -> list[int]:
    """Return where `word` stands as a whole word in `text` (str.find: a C search).

    >>> _occurrences("la police, policier, police", "police")
    [3, 21]
    """
    found, at = [], text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or
                                                        not text[end].isalnum()):
            found.append(at)
        at = text.find(word, end)
    return found


def _bounds(typed: list[str], words: list[str], low: int, high: int) -> tuple[int, int]:
    """Return the stretch words[start:end] around [low, high) that aligns best with `typed`.

    A semi-global alignment: the source's words before and after the passage cost nothing.
    The start is chosen first, against a generous end, then the end: a few dozen
    Levenshtein distances over words, each a few microseconds in rapidfuzz.

    >>> _bounds(["a", "b", "c"], ["x", "y", "a", "b", "c", "z"], 2, 4)
    (2, 5)
    """
    slack = len(typed) // 4 + 2
    far = min(len(words), high + slack)
    starts = range(max(0, low - slack), min(low + slack, far - 1) + 1)
    # each start against a stretch of the typed words' length and the slack, not against the
    # generous end: a short passage and its echo within it (« C'est moins pire que prévu. »
    # then the guest's « C'est moins mauvais que prévu ») made the later start, its stretch
    # shorter, the closer one; on a tie, the longer stretch: a typed word at the edge was
    # more likely changed than added
    # equally distant starts (the stretch is as long whatever the start): the one whose
    # words follow the typed ones longest, not « qu'elles » five words before the « Elles »
    # that opens the typed words
    start = min(starts, key=lambda s: (
        Levenshtein.distance(typed, words[s:min(far, s + len(typed) + slack)]),
        -_same_start(typed, words, s), s))
    ends = range(max(start + 1, high - slack), far + 1)
    end = min(ends, key=lambda e: (Levenshtein.distance(typed, words[start:e]), -e))
    return start, end


def _same_start(typed: list[str], words: list[str], start: int) -> int:
    """Return how many typed words `words[start:]` opens with, in order.

    >>> _same_start(["elles", "se", "revelent"], ["elles", "ne", "elles", "se"], 2)
    2
    """
    same = 0
    for a, b in zip(typed, words[start:], strict=False):
        if a != b:
            break
        same += 1
    return same


def _dense_windows(anchors: list[int], width: int, count: int = 1) -> list[tuple[int, int]]:
    """Return the first and last anchor of the most populated stretches of `width` words,
    the most populated first (the earliest among equals): at most `count` stretches, apart
    from one another, each holding at least half the anchors of the first.

    >>> _dense_windows([3, 40, 41, 43, 90], 10)
    [(40, 43)]
    >>> _dense_windows([3, 4, 5, 40, 41, 43, 90], 10, 3)
    [(3, 5), (40, 43)]
    """
    if not anchors:
        return []
    stretches, left = [], 0
    for right, position in enumerate(anchors):
        while position - anchors[left] > width:
            left += 1
        stretches.append((-(right - left + 1), right, anchors[left], position))
    stretches.sort()
    windows: list[tuple[int, int]] = []
    for held, _, low, high in stretches:
        if -held * 2 < -stretches[0][0]:
            break
        if all(high < first or last < low for first, last in windows):
            windows.append((low, high))
            if len(windows) == count:
                break
    return windows


def find(index: PairIndex, query: str, base, limit: int = CANDIDATES,
         best_only: bool = False) -> list[Passage]:
    """Return the records of `base` that hold the passage `query`, closest first.

    `index` is the engine's `PairIndex` (`stored_text(key)` returns a record's text). Ties
    go to the record whose pairs scored higher (rarer pairs shared). With `best_only`
    (verifying a quotation), the candidates scoring less than an exact passage already found
    are not aligned: none could come first.
    Otherwise, once a record holds the passage word for word, the candidates sharing less
    than half its pairs' weight are not aligned: another copy of the passage shares its
    pairs, and the rest could at best be loose echoes, not worth a stored text each.
    """
    typed = query_words(query)
    if len(typed) < 2:
        return []
    words = [w for w, _, _ in typed]
    pairs = shingles(words)
    if broken := _line_breaks(typed, query):
        # a word copied from a PDF broken at a line's end (« cou-⏎per »): the pairs of the
        # word whole choose the records too
        whole: list[str] = []
        for i, word in enumerate(words):
            if i in broken and whole:
                whole[-1] += word
            else:
                whole.append(word)
        pairs += [pair for pair in shingles(whole) if pair not in pairs]
    found = []
    exact_score = None
    bounded = budget.current()
    chosen = candidates(index, pairs, base, limit)
    if len(chosen) == limit and chosen[0][1] == chosen[-1][1]:
        chosen = _tied_holders(index, words, pairs, base, chosen)
    for rank, (docnum, score) in enumerate(chosen):
        if exact_score is not None and score < exact_score * (1.0 if best_only else 0.5):
            break  # candidates come best score first
        if rank and bounded.cuts_alignments and bounded.exceeded():
            # a long passage against long texts: 70 ms a candidate on an 83,000-character
            # sitting, a genealogy's 24 of them 1.7 s
            bounded.cut(budget.INTERRUPTED)
            break
        passage = align(typed, query, index.stored_text(docnum), docnum)
        if passage is not None:
            passage.score = score
            found.append((-passage.similarity, rank, passage))
            if passage.verdict == "exact" and exact_score is None:
                exact_score = score
    found.sort(key=lambda item: item[:2])
    return [p for _, _, p in found]


def best_of_found(found: list[Passage]) -> list[Passage]:
    """Return, of the passages `find` returned without `best_only`, those it returns with it:
    once a candidate holds the passage word for word, `best_only` aligns only the candidates
    scoring as high (they come best pair score first), where a search aligns those scoring
    half as high too. A search's lookup so serves the verdict asked after it on the same
    words (`indexer.whoosh_engine.Catalog.passages`).

    >>> def p(similarity, score):
    ...     return Passage(0, similarity, 0, 0, "", [], score)
    >>> [(q.similarity, q.score) for q in best_of_found([p(1.0, 9.0), p(1.0, 4.0), p(0.8, 12.0)])]
    [(1.0, 9.0), (0.8, 12.0)]
    >>> len(best_of_found([p(0.9, 9.0), p(0.7, 2.0)]))  # nothing word for word: all aligned
    2
    """
    exact = [p.score for p in found if p.verdict == "exact"]
    return [p for p in found if not exact or p.score >= max(exact)]


def _tied_holders(index: PairIndex, words: list[str], pairs: list[str], base,
                  chosen: list[tuple[Any, float]]) -> list[tuple[Any, float]]:
    """Return `chosen`, the candidates of a passage that all tie, with the records holding
    its words in order put first, sought among TIED_AT_MOST tied records.

    The pairs cannot choose among records that hold the same of them: a short quotation of
    stop words around one rare pair was aligned against the first CANDIDATES records of
    the index holding that pair, and « Mais nous sommes en guerre ! », word for word in
    Gérald Darmanin's interview, came out « Proche » in a Hansard turn. Reading a record for
    a phrase is a regular expression over a few stretches (`holds_phrase`), within the
    time budget.
    """
    wider = candidates(index, pairs, base, TIED_AT_MOST)
    pattern = phrase_pattern(words)
    bounded = budget.current()
    holders = []
    for docnum, score in wider:
        if score < chosen[0][1] or (bounded.cuts_alignments and bounded.exceeded()):
            break
        if holds_phrase(pattern, words, index.stored_text(docnum)):
            holders.append((docnum, score))
    held = {docnum for docnum, _ in holders}
    return (holders + [c for c in chosen if c[0] not in held])[:len(chosen)]


def find_loose(index: PairIndex, query: str, base, limit: int = AUTHOR_CANDIDATES
               ) -> list[Passage]:
    """Return the records of `base` (one person's: `Engine.author_passages`) holding words
    near the passage `query`, closest first: aligned as `find` aligns them, in one stretch,
    kept from LOOSE_FLOOR (a share of the typed words in place and a number of them) where
    `find` asks MIN_SIMILARITY and MIN_EQUAL; each with its `shared` typed terms
    (`term_share`). Within the time budget, as `find`."""
    typed = query_words(query)
    if len(typed) < MIN_WORDS:
        return []
    edited = edited_points(typed, query)
    found = []
    bounded = budget.current()
    for rank, (docnum, score) in enumerate(
            candidates(index, shingles([w for w, _, _ in typed]), base, limit)):
        if rank and bounded.cuts_alignments and bounded.exceeded():
            bounded.cut(budget.INTERRUPTED)
            break
        passage = _align_words(typed, query, index.stored_text(docnum), docnum, edited,
                               LOOSE_FLOOR)
        if passage is not None:
            passage.score = score
            found.append(passage)
    shares = {id(p): term_share(query, p.text) for p in found}
    return sorted(found, key=lambda p: (-shares[id(p)], -p.similarity))


def term_share(typed: str, source: str) -> float:
    """Return the share of the terms of `typed` (the French analyzer's: stems, stop words
    left out) that `source` holds, in any order: how much of what was typed a passage says,
    when its words are not those typed.

    >>> term_share("la France est en guerre contre l'islamisme",
    ...            "nous sommes en guerre contre cette idéologie islamiste")
    0.75
    >>> term_share("la France est en guerre contre l'islamisme", "la France est en guerre et nous")
    0.5
    """
    wanted = set(stemmed_terms(typed))
    return len(wanted & set(stemmed_terms(source))) / len(wanted) if wanted else 0.0


def words_as_typed(diff: list[dict[str, str]]) -> int:
    """Return how many typed words a passage's diff (`Passage.diff`) holds word for word.

    >>> words_as_typed([{"op": "replace", "typed": "Castex", "source": "annoncé"},
    ...                 {"op": "equal", "typed": "l'extension du couvre-feu", "source": "…"}])
    4
    """
    return sum(len(passage_words(op["typed"])) for op in diff if op["op"] == "equal")


def described(diff: list[dict[str, str]]) -> bool:
    """Tell whether the words typed (those of a passage's `diff`) describe a record rather
    than quote one (`indexer.intent.keywords_reading`): a close passage of such words is an
    echo of some of them, ranked as the other records, not a quotation misremembered.

    « le président de la commission des lois référendum » aligns at 88 % with the chair's
    « M. le président de la commission des lois, pour … » in a score of debate turns, and
    those came first (score 1000.9) above the records about the referendum. Such echoes hold
    the typed words as one run, the others before or after it (as `among_keywords` reads
    them); a quotation misremembered inside (words left out between two runs), or a sentence
    pasted with a word wrong (a verb, a pronoun, punctuation: `sentence_sign`), keeps its
    lead. Keywords opening on a name (`indexer.intent.opens_on_name`) whose passage opens on
    that name and lacks KEYWORD_WORDS content words or more, runs or not, are such an echo:
    the name said by whoever addresses the person (« Olivia GREGOIRE, votre secteur c'est
    l'économie sociale et solidaire », a question of another interview, aligned at 67 % with
    « Olivia Grégoire attentat de Vienne économie sociale et solidaire » and put first, ahead
    of the one interview holding every word typed). A passage lacking the name only
    (« Darmanin communication sur la sécurité du quotidien », the Conseil des ministres'
    record saying « le ministre de l'intérieur ») keeps its lead.

    A subject typed in lower case (`indexer.intent.opens_on_topic`, which the search box's
    absence note reads too, `indexer.search.quotation_reading`) whose passage leaves
    KEYWORD_WORDS content words or more typed after its last run is such an echo too: « plan
    de conversion vers des cultures moins gourmandes en eau subventions Lisson agriculteurs »,
    no quotation for the note, had the federation's « plan de conversion … en eau, la
    restauration des » pinned first « à 77 % » (session 52). A fragment misremembered inside
    or at its start keeps its lead (« vois ans de lutte pour plus de justice fiscale », typed
    for « trois ans … »: no keywords after the run; reading every subject's passage as an echo
    lost such fragments their record, 1 of 180 development lines in three forms).

    >>> described([{"op": "equal", "typed": "le président de la commission des lois",
    ...             "source": "…"}, {"op": "replace", "typed": "référendum", "source": "pour"}])
    True
    >>> described([{"op": "equal", "typed": "nous ne laisserons aucun village", "source": "…"},
    ...            {"op": "replace", "typed": "avec", "source": "sans"}])
    False
    >>> described([{"op": "equal", "typed": "la garde des Sceaux", "source": "…"},
    ...            {"op": "replace", "typed": "fixation sur", "source": "a dit à"},
    ...            {"op": "equal", "typed": "la ministre de la famille", "source": "…"},
    ...            {"op": "replace", "typed": "amendement du rapporteur séparation",
    ...             "source": "que le texte"}])
    True
    >>> described([{"op": "equal", "typed": "la garde des Sceaux", "source": "…"},
    ...            {"op": "delete", "typed": "fixation sur", "source": ""},
    ...            {"op": "equal", "typed": "la ministre de la famille", "source": "…"}])
    False
    >>> described([{"op": "equal", "typed": "Olivia Grégoire", "source": "…"},
    ...            {"op": "replace", "typed": "attentat de Vienne", "source": "votre secteur"},
    ...            {"op": "equal", "typed": "économie sociale et solidaire", "source": "…"}])
    True
    >>> described([{"op": "equal", "typed": "plan de conversion vers des cultures moins "
    ...             "gourmandes en eau", "source": "…"}, {"op": "replace",
    ...             "typed": "subventions Lisson agriculteurs", "source": "la restauration des"}])
    True
    >>> described([{"op": "replace", "typed": "vois", "source": "trois"}, {"op": "equal",
    ...             "typed": "ans de lutte pour plus de justice fiscale", "source": "…"}])
    False
    """
    runs = [n for n, op in enumerate(diff) if op["op"] == "equal"
            and any(w not in STOP_WORDS for w, _, _ in passage_words(op["typed"]))]
    if not runs:
        return False
    typed = " ".join(op["typed"] for op in diff if op.get("typed"))
    if diff[0]["op"] == "equal" and opens_on_name(typed) and \
            len(_unmatched_words(diff)) >= KEYWORD_WORDS:
        return True
    if opens_on_topic(typed) and len(_unmatched_words(diff[runs[-1] + 1:])) >= KEYWORD_WORDS:
        return True  # a subject, keywords typed after the words a record holds
    if len(runs) > 1:
        # words left out or changed between two runs of the source's words: a quotation
        # misremembered (a stop word aligned alone, « la », is no run) — unless keywords
        # stand beyond the runs (« la garde des Sceaux fixation sur la ministre de la famille
        # amendement du rapporteur séparation »: three keywords after both)
        if len(_unmatched_words(diff[:runs[0]] + diff[runs[-1] + 1:])) < KEYWORD_WORDS:
            return False
    return keywords_reading(typed, read_intent(typed))


def _unmatched_words(diff: list[dict[str, str]]) -> list[str]:
    """Return the content words typed (no `STOP_WORDS`) that `diff` does not find in the
    source: those of its operations other than « equal »."""
    return [w for op in diff if op["op"] != "equal"
            for w, _, _ in passage_words(op["typed"]) if w not in STOP_WORDS]


def among_keywords(diff: list[dict[str, str]]) -> bool:
    """Tell whether a close passage (its `Passage.diff`) is a phrase typed among keywords
    rather than a quotation: the record holds the typed words in place as one run, of fewer
    than QUOTATION_WORDS words, and KEYWORD_WORDS content words of the query or more are not
    in it (before it, after it, or both).

    « Hetzel états généraux de la famille amendement » aligns at 71 % with « Des états
    généraux de la famille auraient » in another deputy's turns: the name before the phrase
    and the word after it are what the journalist asks besides, not words misremembered;
    « réforme du code de la Légion d'honneur décret » aligns at 62 % with « réforme du code
    de la famille qui seront » in a debate. A quotation misremembered differs inside
    (« nous n'avons pas peur des procès mais du silence »: two runs), by one word at an end
    (« Castex l'extension du couvre-feu »: left to `indexer.search`), or is long. On the
    pasted quotations' dev passages (`bench.quotes`: 1,440 searches on `real`, 1,624 on the
    demo) no source's passage reads so, only 72 echoes elsewhere.

    >>> among_keywords([{"op": "replace", "typed": "Hetzel", "source": "Des"},
    ...                 {"op": "equal", "typed": "états généraux de la famille", "source": "…"},
    ...                 {"op": "replace", "typed": "amendement", "source": "auraient"}])
    True
    >>> among_keywords([{"op": "equal", "typed": "états généraux de la famille", "source": "…"},
    ...                 {"op": "replace", "typed": "amendement", "source": "auraient"}])
    False

    A word mistyped is the source's word, not a keyword besides the phrase (`mistyped`):
    « chacjn peut apporter sa contribution pour améliorer Drumal » is Drupal France's
    release misspelt twice, not « peut apporter … améliorer » among two keywords.

    >>> among_keywords([{"op": "replace", "typed": "chacjn", "source": "chacun"},
    ...                 {"op": "equal", "typed": "peut apporter sa contribution", "source": "…"},
    ...                 {"op": "replace", "typed": "Drumal", "source": "Drupal"}])
    False
    """
    ops = [op["op"] for op in diff]
    if ops.count("equal") != 1 or words_as_typed(diff) >= QUOTATION_WORDS:
        return False
    lacking = [w for op in diff if op["op"] != "equal"
               and not (op["op"] == "replace" and mistyped(op["typed"], op["source"]))
               for w, _, _ in passage_words(op["typed"]) if w not in STOP_WORDS]
    return len(lacking) >= KEYWORD_WORDS


def passage_query(q: str) -> str | None:
    """Return the text to look up as a passage, or None when the query is not one.

    A passage is MIN_WORDS words or more typed without search syntax (or one "quoted
    phrase"): fields (`speaker:`), operators (OR, SAUF…) and exclusions (`-mot`) say something
    else. Hyphens, apostrophes and punctuation inside words are the passage's own.

    >>> passage_query("On se donne rendez-vous dans quinze jours")
    'On se donne rendez-vous dans quinze jours'
    >>> passage_query("l'assurance-emploi. Pour eux, la reduction des cotisations")
    "l'assurance-emploi. Pour eux, la reduction des cotisations"
    >>> passage_query('speaker:Castex le plan de relance') is None
    True
    """
    if _SYNTAX.search(q) or len(passage_words(q)) < MIN_WORDS:
        return None
    return q


# What makes a query say more than its words: a known field, an operator, an exclusion.
_FIELDS = "|".join(sorted({*ALIASES, *(a for names in ALIASES.values() for a in names)},
                          key=len, reverse=True))
_SYNTAX = re.compile(rf"(?i:\b(?:{_FIELDS}):)|(?:^|\s)(?:OR|OU|AND|ET|NOT|SAUF)(?=\s)"
                     r"|(?:^|[\s(])[-+](?=[\w\"])")


def passages_note(shown: list[Passage]) -> str:
    """Return the note of a search whose records `shown` hold the pasted passage.

    >>> passages_note([Passage(0, 0.8, 0, 1, "x", [])])
    'Passage proche trouvé dans 1 document(s), à 80\u00a0% près.'
    """
    exact = sum(p.verdict == "exact" for p in shown)
    return (f"Passage trouvé mot pour mot dans {exact} document(s)." if exact else
            f"Passage proche trouvé dans {len(shown)} document(s), "
            f"à {round(max(p.similarity for p in shown) * 100)}\u00a0% près.")


class PassageFirst:
    """A ranking with the records holding the passage first, then the usual ranking."""

    def __init__(self, first: list[Passage], then):
        self.first = first  # closest passage first
        self.then = then  # the usual ranker (a Scorer or a Ranked), or None

    def top(self, docnums, count: int) -> list[tuple[int, float]]:
        """Return the `count` best (docnum, score) among `docnums`.

        A passage's score is 1000 plus its similarity, above any BM25 score that follows.
        """
        out = [(p.docnum, 1000.0 + p.similarity) for p in self.first
               if p.docnum in docnums][:count]
        if len(out) < count and self.then is not None:
            taken = {n for n, _ in out}
            out += self.then.top(set(docnums) - taken, count - len(out))
        return out


class TogetherFirst:
    """A ranking where the records holding a short query's words side by side come first.

    « prix de l'énergie » typed: a record that says « prix de l'énergie » outranks one that
    speaks of « prix » here and « énergie » there; each group keeps the usual order.
    """

    def __init__(self, together: frozenset[int] | set[int], then):
        self.together = together
        self.then = then  # the usual ranker (a Scorer or a Ranked)

    def top(self, docnums, count: int) -> list[tuple[int, float]]:
        """Return the `count` best (docnum, score) among `docnums`, side by side first."""
        docnums = docnums if isinstance(docnums, (set, frozenset)) else set(docnums)
        out = self.then.top(docnums & self.together, count)
        if len(out) < count:
            out += self.then.top(docnums - self.together, count - len(out))
        return out


def together_words(q: str, parsed: ParsedQuery) -> list[str]:
    """Return the passage words of a short plain query (2 to MIN_WORDS - 1 words), whose
    records holding them in that order come first (`phrase_holders`, `TogetherFirst`).

    >>> from indexer.query import parse_query
    >>> together_words("prix de l'énergie", parse_query("prix de l'énergie"))
    ['prix', 'de', 'energie']
    >>> together_words("Quoi qu’il en coûte", parse_query("Quoi qu’il en coûte"))
    ['quoi', 'il', 'en', 'coute']
    >>> together_words("c est la guerre", parse_query("c est la guerre"))
    ['est', 'la', 'guerre']
    >>> together_words("leurs beaux-parents", parse_query("leurs beaux-parents"))
    ['leurs', 'beaux', 'parents']
    >>> together_words("énergie", parse_query("énergie")), together_words("", parse_query(""))
    ([], [])
    """
    typed = [w for w, _, _ in passage_words(q)]
    # an elided article typed without its apostrophe (« qu il », « de l eau ») is the
    # word's, as a passage word drops it (`_as_written` for pasted passages)
    words = [w for i, w in enumerate(typed) if not (i + 1 < len(typed) and w in ELISIONS)]
    # plain words only (a hyphenated word is plain: « leurs beaux-parents »); five typed are
    # a passage (`passage_query`), « qu il » two words there as well
    if len(typed) >= MIN_WORDS or len(words) < 2 or \
            not bag_terms(parsed.query, compounds=True):
        return []
    return words


def phrase_holders(pair_docs, stored_text, words: list[str], docs: frozenset[int],
                   ranked, want: int) -> tuple[set[int], set[int], bool]:
    """Return the records of `docs` holding the short phrase `words` (passage words) in that
    order, those holding each of its indexed pairs (none indexed: none), and whether the
    first set is complete.

    « quoi qu'il en coûte », « nous sommes en guerre », « c'est la guerre »: mostly stop
    words, whose pairs are not indexed (`shingles`); the one pair left (« en guerre ») is in
    a thousand records, most of which say something else (« un pays qui est en guerre »).
    The records are those `phrase_docs` gives, as for a "quoted phrase" (checked in their
    text, or trusted by chained pairs). When the pairs cannot tell, no walk over every
    record's positions: the VERIFY_AT_MOST records holding the pairs that `ranked(docs,
    count)` (the usual ranking, best first) puts first are checked in their text, in that
    order, until `want` are found (the records up to the page's last: the holders come
    first, each group in the usual order, so the page is the same as with every record
    checked). Complete when every record holding the pairs was checked.
    """
    folded = [w for text in words for w, _, _ in passage_words(text)]
    pairs = shingles(folded)
    paired = frozenset(reduce(intersect_sorted, (pair_docs(p) for p in pairs)).tolist()) & docs \
        if pairs else docs
    found = phrase_docs(pair_docs, stored_text, folded, docs)
    if found is not None:
        return found, set(paired) if pairs else set(), True
    pattern = phrase_pattern(folded)
    holders: set[int] = set()
    checked = 0
    for n, _ in ranked(paired, VERIFY_AT_MOST):
        if budget.current().exceeded():
            break
        checked += 1
        if holds_phrase(pattern, folded, stored_text(n)):
            holders.add(n)
            if len(holders) >= want:
                break
    return holders, set(paired) if pairs else set(), checked == len(paired)


def phrase_passage(key, words: list[str], typed: str, text: str) -> Passage | None:
    """Return the first place `text` holds the passage words `words` in order, word for
    word, as a `Passage` (its `diff` one "equal" run: `typed` as typed, the source's words),
    or None (a phrase found only in the title, or across title and text).

    >>> p = phrase_passage(7, ["quoi", "il", "en", "coute"], "quoi qu'il en coûte",
    ...                    "Tout de même : Quoi qu’il en coûte, disait-il.")
    >>> p.text, p.verdict, p.start
    ('Quoi qu’il en coûte', 'exact', 15)
    """
    pattern = phrase_pattern(words)
    for start, end in _phrase_windows(words, text):
        window = text[start:end]
        if not pattern.search(fold(window).lower()):
            continue
        held = passage_words(window)
        for i in range(len(held) - len(words) + 1):
            if [w for w, _, _ in held[i:i + len(words)]] == words:
                begin, end = start + held[i][1], start + held[i + len(words) - 1][2]
                source = text[begin:end]
                return Passage(key, 1.0, begin, end, source,
                               [{"op": "equal", "typed": typed.strip(), "source": source}])
    return None


class PhrasePassages:
    """The passages of a short phrase in the records holding it (`phrase_holders`), found
    in a record's text when a page shows it (`get`, as a dict of passages is read)."""

    def __init__(self, holders, words: list[str], typed: str, text_of):
        self.holders, self.words, self.typed, self.text_of = holders, words, typed, text_of

    def get(self, key, default=None) -> Passage | None:
        """Return the passage in the record `key`, or `default` when it holds none."""
        if key not in self.holders:
            return default
        return phrase_passage(key, self.words, self.typed, self.text_of(key)) or default


def typed_words(diff: list[dict[str, str]]) -> int:
    """Return how many words were typed, from a passage's diff (`Passage.diff`).

    >>> typed_words([{"op": "equal", "typed": "quoi qu'il en coûte", "source": "…"}])
    4
    """
    return sum(len(passage_words(op["typed"])) for op in diff)


def phrase_docs(pair_docs, stored_text, words: list[str], base) -> set[int] | None:
    """Return the records of `base` holding the phrase `words`, or None when pairs can't tell.

    `pair_docs(pair)` gives the records holding an indexed pair, `stored_text(docnum)` a
    record's title and text. The records holding every indexed pair of the phrase are few
    for most phrases; each is checked for the whole phrase in its folded text (a regular
    expression, in C) instead of Whoosh's positional walk over every record holding every
    word (p95 342 ms at 250k records). A two-word phrase is its pair: no check. Beyond
    VERIFY_AT_MOST records, a phrase whose every pair is indexed is trusted unchecked (two of
    its pairs elsewhere in one record, not chained, is rare); one with a gap of two stop words
    returns None, as does a phrase of stop words only (no pair indexed).
    """
    folded = [w for text in words for w, _, _ in passage_words(text)]
    pairs = shingles(folded)
    if len(folded) < 2 or not pairs:
        return None
    docs = frozenset(reduce(intersect_sorted, (pair_docs(p) for p in pairs)).tolist()) & base
    if len(folded) == 2:
        return set(docs)
    if len(docs) > VERIFY_AT_MOST:
        # too many to read: trusted when the pairs chain word to word (« mariage pour »,
        # « pour tous »: in 18,000 records of the shared corpus), a walk otherwise
        return set(docs) if len(pairs) == len(folded) - 1 else None
    pattern = phrase_pattern(folded)
    return {n for n in docs if holds_phrase(pattern, folded, stored_text(n))}


def holds_phrase(pattern: re.Pattern, folded: list[str], text: str) -> bool:
    """Return True when `text` holds the phrase `pattern` (`phrase_pattern(folded)`) finds.

    Only the stretches around each occurrence of its longest word are folded and searched
    (`_phrase_windows`): folding a whole long speech cost more than the search (a phrase of
    common words checked in 177 records at 250k: 43 ms → a few).

    >>> words = ["personne", "n", "a", "dit"]
    >>> holds_phrase(phrase_pattern(words), words, "Non. PERSONNE n’a dit ça, madame.")
    True
    >>> holds_phrase(phrase_pattern(words), words, "Personne, ici, n'a rien dit.")
    False
    >>> words = ["a", "la", "ligne", "de"]
    >>> holds_phrase(phrase_pattern(words), words, "Il l'a lu à la ligne de départ.")
    True
    """
    return any(pattern.search(fold(text[start:end]).lower())
               for start, end in _phrase_windows(folded, text))


def _phrase_windows(folded: list[str], text: str) -> Iterator[tuple[int, int]]:
    """Yield the stretches of `text`, (start, end), that may hold the phrase `folded`: around
    each occurrence of its longest word (as a rule its rarest: « ligne » in « à la ligne
    de », not « a », whose every letter in a long speech opened a stretch: 245 ms for 38
    records of the shared corpus), as far on each side as its words and what stands
    between them allow."""
    anchor = max(range(len(folded)), key=lambda i: len(folded[i]))
    # letters as far apart as the pattern allows: words, and what stands between them; and
    # before the first word, an elision
    before = sum(len(w) for w in folded[:anchor]) * 2 + 40 * anchor + 8
    reach = sum(len(w) for w in folded[anchor:]) * 2 + 40 * (len(folded) - anchor)
    for found in stand_in_pattern(folded[anchor]).finditer(text):
        start = max(0, found.start() - before)
        # never from inside a word: its tail would look like a word of its own (« personnel
        # l'œuvre » cut at « l’œuvre » holds « l œuvre »)
        inside = _WORD_TAIL.search(text, max(0, start - 100), start)
        yield (inside.start() if inside else start), found.start() + reach


_ELIDED = r"(?:(?:{})')?".format("|".join(ELISIONS))
# letters and apostrophes running up to a position (searched with it as `endpos`)
_WORD_TAIL = re.compile(rf"[\w{APOSTROPHES}]+$")


def phrase_pattern(folded: list[str]) -> re.Pattern:
    """Return a pattern finding passage words in a folded, lowercase text, in this order.

    Between two words: anything but a word character, then perhaps an elided article, as
    `passage_words` reads them.

    >>> bool(phrase_pattern(["lanceurs", "alerte"]).search("des lanceurs d'alerte."))
    True
    >>> bool(phrase_pattern(["lanceurs", "alerte"]).search("des lanceurs, alerte"))
    True
    >>> bool(phrase_pattern(["lanceurs", "alerte"]).search("des lanceurs de l'alerte"))
    False
    """
    first = re.escape(folded[0])
    # The first word opens the pattern as a literal, which the regex engine looks for with a
    # fast scan rather than trying the pattern at every character of a long speech (5 times
    # faster on a long text); what may stand before it (nothing of a word, or an elided
    # article) is checked looking back from its end.
    before = [rf"(?<=(?<![\w']){first})"] + [
        rf"(?<=(?<![\w']){re.escape(elision)}'{first})" for elision in ELISIONS]
    rest = "".join(r"\W+" + _ELIDED + re.escape(w) for w in folded[1:])
    return re.compile(first + "(?:" + "|".join(before) + ")" + rest + r"(?![\w]|'\w)")
