"""The French analyzer, defined once and used for indexing and querying alike.

Two chains share a tokenizer:

* `french_analyzer()` for ranked search: elision, lowercase, accent folding, stop words,
  Snowball French stemming — so « décentralisée » and « decentralisee » meet;
* `exact_analyzer()` for quotations: lowercase and accent folding only, every word kept in
  place, so a phrase query matches the words as they were said.

>>> [t.text for t in french_analyzer()("L’État s’est engagé aujourd’hui")]
['etat', 'engag', "aujourd'hui"]
>>> [t.text for t in exact_analyzer()("L’État s’est engagé")]
["l'etat", "s'est", 'engage']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from whoosh.analysis import (
    Analyzer,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
)
from whoosh.lang import stemmer_for_language

from indexer.text import LIGATURES

# A word, with inner apostrophes kept so that « aujourd'hui » stays one token. Besides ' and
# ’, the marks typed or converted in their place: ‘ (a word processor's wrong turn of ’), ʼ
# (the modifier letter some keyboards give) and ´ (an accent typed for an apostrophe).
APOSTROPHES = "'’‘ʼ´"
WORD_PATTERN = re.compile(rf"\w+(?:[{APOSTROPHES}]\w+)*", re.UNICODE)

# Raised whenever a word's term changes (2: `masculine`'s six-letter singulars). An index
# keeps the version it was analysed with in its schema (`WordCacheAnalyzer`): one written
# with other terms would miss the changed words of every query, so it is to be rebuilt.
ANALYSIS_VERSION = 2

ELISIONS = ("l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu")
_ELISION = re.compile(r"^(?:{})[{}](?=\w)".format("|".join(ELISIONS), APOSTROPHES),
                      re.IGNORECASE)

# Snowball's French list, plus the common words it lacks (les, quel, cette, ils…) and the
# interrogative adverbs that open questions (comment, combien, pourquoi, quand: measured,
# MRR@10 up on all three retrieval sets), minus the forms of « été », which is also the
# season. Folded, since folding runs before this filter.
STOP_WORDS = frozenset(
    """
    comment combien pourquoi quand
    ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions
    aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce
    ceci cela celle celles celui ces cet cette ceux d dans de des du elle elles en es est et eu
    eue eues eurent eus eut eux furent fus fut il ils j je l la le les leur leurs lui m ma mais
    me mes moi mon meme n ne nos notre nous on ont ou par pas pour qu que quel quelle quelles
    quels qui quoi s sa se sera serai seraient serais serait seras serez seriez serions serons
    seront ses soient sois soit sommes son sont soyez soyons suis sur t ta te tes toi ton tu un
    une vos votre vous y a etaient etais etait etant etiez etions etes dont
    """.split()
)


# The Unicode blocks of combining marks (diacritics, their extensions and supplements).
COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# Folded by hand: the apostrophes typed for ’, and the ligatures, which Unicode does not
# decompose; every other letter loses its diacritics by decomposition (NFD). The typographic
# ligatures (« ﬁ », « ﬂ ») are unfolded in every text the readers make (`indexer.text`), not in
# what is typed: a quotation copied from a PDF brings them (« aucun ﬁnancement nouveau »).
_FOLD_REPLACE = [*((c, "'") for c in APOSTROPHES[1:]),
                 ("œ", "oe"), ("Œ", "OE"), ("æ", "ae"), ("Æ", "AE"), *LIGATURES.items()]
# The same for a word at a time, in one table lookup per character: for the Latin letters
# French uses, the letter NFD gives without its marks.
_FOLD_TABLE = {c: COMBINING.sub("", unicodedata.normalize("NFD", chr(c)))
               for c in range(0xC0, 0x250)}
_FOLD_TABLE.update({ord(mark): plain for mark, plain in _FOLD_REPLACE})
# Up to this length a text is folded through the table (a word); longer, by replacements and
# decomposition (a speech: ten times faster than the table).
_SHORT = 64


def fold(text: str) -> str:
    """Return `text` without diacritics and with ’ as '.

    >>> fold("Sécurité intérieure, L’Œuvre")
    "Securite interieure, L'OEuvre"
    >>> fold("aucun ﬁnancement")
    'aucun financement'
    """
    if text.isascii():
        return text
    if len(text) <= _SHORT:
        text = text.translate(_FOLD_TABLE)
    else:
        for mark, plain in _FOLD_REPLACE:
            if mark in text:
                text = text.replace(mark, plain)
    if text.isascii():
        return text
    # decomposed and stripped of combining marks by two C calls, not a lookup per character
    # (str.translate with a table: ten times slower on a long speech)
    return COMBINING.sub("", unicodedata.normalize("NFD", text))


class ElisionFilter(Filter):
    """Drop the elided article or pronoun glued to a word.

    >>> [t.text for t in ElisionFilter()(RegexTokenizer(WORD_PATTERN)("l'alerte qu’il"))]
    ['alerte', 'il']
    """

    def __call__(self, tokens):
        for t in tokens:
            t.text = elide(t.text)
            yield t


def elide(text: str) -> str:
    """Return `text` without the elided article or pronoun it opens with (`ElisionFilter`)."""
    return _ELISION.sub("", text)


class FoldFilter(Filter):
    """Fold accents, ligatures and typographic apostrophes.

    >>> [t.text for t in FoldFilter()(RegexTokenizer(WORD_PATTERN)("Sécurité d’œuvre"))]
    ['Securite', "d'oeuvre"]
    """

    def __call__(self, tokens):
        for t in tokens:
            t.text = fold(t.text)
            yield t


class ParticipleFilter(Filter):
    """Reduce folded feminine past participles (-ee, -ees) to the masculine -e.

    Snowball's French stemmer recognises « -ée » only with its accent; once folded,
    « decentralisee » would no longer meet « décentralisé ». Words of fewer than four letters
    before the ending are left alone so that « armée » does not become « arme ».

    >>> [t.text for t in ParticipleFilter()(RegexTokenizer(WORD_PATTERN)("protegees armee"))]
    ['protege', 'armee']
    """

    def __call__(self, tokens):
        for t in tokens:
            t.text = masculine(t.text)
            yield t


def masculine(text: str) -> str:
    """Return a folded word with its feminine participle ending made masculine
    (`ParticipleFilter`).

    The singular and the plural need the same four letters before the ending: a singular
    of six letters was once left whole while its plural was reduced, so « vie privée » missed
    « vies privées » and « le secteur privé », « donnée » missed « données ».

    >>> masculine("privee"), masculine("privees"), masculine("armee"), masculine("armees")
    ('prive', 'prive', 'armee', 'armees')
    """
    if text.endswith("ee") and len(text) >= 6:
        return text[:-1]
    if text.endswith("ees") and len(text) >= 7:
        return text[:-2]
    return text


def tokenizer() -> RegexTokenizer:
    """Return the tokenizer both analyzers share: words with inner apostrophes kept whole."""
    return RegexTokenizer(WORD_PATTERN)


@lru_cache(maxsize=1)
def french_chain():
    """Return the stemming filter chain itself (what `french_analyzer()` caches word by word).

    >>> [t.text for t in french_chain()("Les lanceurs d'alerte décentralisés")]
    ['lanceur', 'alert', 'decentralis']
    """
    return (
        tokenizer()
        | ElisionFilter()
        | LowercaseFilter()
        | FoldFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=1)
        | ParticipleFilter()
        | StemFilter(lang="fr", cachesize=50000)
    )


@lru_cache(maxsize=1)
def exact_chain():
    """Return the exact filter chain itself: lowercase and folded, nothing removed."""
    return tokenizer() | LowercaseFilter() | FoldFilter()


@lru_cache(maxsize=200_000)
def word_term(word: str) -> str | None:
    """Return the term the French analyzer makes of one word, None for a stop word (cached).

    Every filter of the chain looks at one token at a time, so a text's terms are its words'
    terms: caching them per word gives the analyzer's answer several times faster. A word as
    `WORD_PATTERN` matches it whole (the chain's one token) goes through the chain's steps
    one call each; anything else through the chain itself.

    >>> word_term("Lanceurs"), word_term("les")
    ('lanceur', None)
    """
    if WORD_PATTERN.fullmatch(word) is None:
        terms = [t.text for t in french_chain()(word)]
        return terms[0] if len(terms) == 1 else None
    # One word, one token: the chain's filters in its order, without its generators and
    # Token (misses were ~17 us a word, two thirds of it Snowball): elision, lowercase,
    # folding, stop words (and StopFilter's minsize=1), participles, the stem.
    text = fold(elide(word).lower())
    if not text or text in STOP_WORDS:
        return None
    return _stem(masculine(text))


# The chain's stemmer (StemFilter(lang="fr") calls the same function), cached on the folded
# word: the case, accent and elision variants of a word share one Snowball run (45,000
# different words, 31,600 different stems in an eighth of the 250k files).
_stem = lru_cache(maxsize=200_000)(stemmer_for_language("fr"))


@lru_cache(maxsize=200_000)
def exact_word(word: str) -> str:
    """Return the term the exact analyzer makes of one word (cached).

    >>> exact_word("L’État")
    "l'etat"
    """
    return fold(word.lower())


class LangText(str):
    """A text to index, with the language of its document (`Document.lang`).

    The stemming analyzer reads it: French text (or text of unknown language) is stemmed in
    French, any other language is indexed as folded words, without French stop words or
    stems (« being » stays « being »).

    >>> [t.text for t in french_analyzer()(LangText("The rivers are being restored", "en"),
    ...                                    mode="index")]
    ['the', 'rivers', 'are', 'being', 'restored']
    """

    lang: str | None

    def __new__(cls, text: str, lang: str | None = None) -> LangText:
        value = super().__new__(cls, text)
        value.lang = lang
        return value

    def __reduce__(self):
        # pickled for the multi-process writer: keep the language with the text
        return (LangText, (str(self), self.lang))


class WordCacheAnalyzer(Analyzer):
    """One of the chains above, with the index-time path going word by word through a cache.

    Indexing only needs each token's text (and, for `exact`, its position): a text's terms
    are its words' terms, so they come from `word_term` / `exact_word` instead of running
    every filter on every word (measured: the filters were ~40 % of indexing time). Any
    other call (queries, highlighting with character offsets) runs the chain itself, so the
    tokens are the chain's in every case — `tests/test_analysis.py` checks it.

    >>> [t.text for t in WordCacheAnalyzer("french")("L'État s'est engagé", mode="index")]
    ['etat', 'engag']
    """

    CHAINS = {"french": (french_chain, word_term), "exact": (exact_chain, exact_word)}

    def __init__(self, name: str):
        # only the name and the analysis version are pickled into the index's schema: the
        # chain is looked up by the name, and an index analysed otherwise compares unequal
        self.name = name
        self.version = ANALYSIS_VERSION

    def __repr__(self) -> str:
        return f"WordCacheAnalyzer({self.name!r})"

    def __call__(self, value, positions=False, chars=False, mode="", **kwargs):
        name = self.name
        if name == "french" and getattr(value, "lang", None) not in (None, "", "fr"):
            name = "exact"  # a text in another language: no French stop words, no stemming
        chain, term = self.CHAINS[name]
        fast = (mode == "index" and not chars and isinstance(value, str)
                and kwargs.get("tokenize", True) and kwargs.get("removestops", True)
                and not kwargs.get("start_pos") and not (positions and name == "french"))
        if not fast:
            return chain()(value, positions=positions, chars=chars, mode=mode, **kwargs)
        return self._tokens(value, term, positions)

    @staticmethod
    def _tokens(value: str, term, positions: bool):
        token = Token(positions, False, mode="index")
        token.boost = 1.0
        token.stopped = False
        pos = 0
        for word in WORD_PATTERN.findall(value):
            text = term(word)
            if text is None:
                continue
            token.text = text
            if positions:
                token.pos = pos
                pos += 1
            yield token


@lru_cache(maxsize=200_000)
def passage_word(word: str) -> str:
    """Return a word as passages compare it: folded, lowercase, elided article dropped.

    Typed quotations differ from their source in case, accents, apostrophes and elisions
    (« l’État », « l'Etat », « État »); none of that should count as a changed word.

    >>> passage_word("L’État"), passage_word("qu'il"), passage_word("Aujourd’hui")
    ('etat', 'il', "aujourd'hui")
    """
    folded = fold(word.lower())
    return _ELISION.sub("", folded) or folded


def passage_words(text: str) -> list[tuple[str, int, int]]:
    """Return the words of `text` as passages compare them, with their character span.

    Stop words are kept: in a quotation they count (« On se donne rendez-vous »).

    >>> passage_words("Rendez-vous, l’an prochain !")
    [('rendez', 0, 6), ('vous', 7, 11), ('an', 13, 17), ('prochain', 18, 26)]
    """
    return [(passage_word(m.group()), m.start(), m.end()) for m in WORD_PATTERN.finditer(text)]


def shingles(words: list[str]) -> list[str]:
    """Return the word pairs (bigrams) of a list of passage words, in order.

    A pair of two stop words (« de la », « il y ») is left out: it is in most records, so it
    would neither choose candidates nor be worth its postings (about a quarter of all pairs).

    >>> shingles(["on", "se", "donne", "de", "la", "voix"])
    ['se donne', 'donne de', 'la voix']
    """
    return [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)
            if a not in STOP_WORDS or b not in STOP_WORDS]


class ShingleAnalyzer(Analyzer):
    """Index each pair of consecutive passage words as one term ("on se", "se donne").

    A pasted quotation is looked up by its word pairs: rare pairs keep the word order that a
    bag of stemmed words loses, and stop words count. A changed word breaks only the two pairs
    it belongs to, so a misremembered quotation still shares most of its pairs with the source.

    >>> [t.text for t in ShingleAnalyzer()("Tout le monde")]
    ['tout le', 'le monde']
    """

    def __repr__(self) -> str:
        return "ShingleAnalyzer()"

    def __call__(self, value, positions=False, chars=False, mode="", **kwargs):
        token = Token(positions, chars, mode=mode)
        token.boost = 1.0
        token.stopped = False
        words = [passage_word(w) for w in WORD_PATTERN.findall(value)]
        for pos, pair in enumerate(shingles(words)):
            token.text = pair
            if positions:
                token.pos = pos
            yield token


def french_analyzer() -> WordCacheAnalyzer:
    """Return the stemming analyzer used for ranked search (text, title, quotes).

    >>> [t.text for t in french_analyzer()("Les lanceurs d'alerte décentralisés")]
    ['lanceur', 'alert', 'decentralis']
    """
    return _FRENCH


def exact_analyzer() -> WordCacheAnalyzer:
    """Return the analyzer for exact phrases: lowercase and folded, nothing removed.

    >>> [t.text for t in exact_analyzer()("Une rivière qui meurt")]
    ['une', 'riviere', 'qui', 'meurt']
    """
    return _EXACT


_FRENCH = WordCacheAnalyzer("french")
_EXACT = WordCacheAnalyzer("exact")


# `fast_terms`' words and their terms, "" for a stop word. A text whose words are all here
# is read by one `map` and one `filter` in C: a dictionary's lookup costs less than
# `word_term`'s cache hit, and no comprehension tests each term against None.
_TERMS: dict[str, str] = {}
TERMS_KEPT = 200_000


def fast_terms(text: str) -> list[str]:
    """Return `stemmed_terms(text)`, word by word through `word_term`'s cache.

    >>> fast_terms("Les lanceurs d'alerte décentralisés") == stemmed_terms(
    ...     "Les lanceurs d'alerte décentralisés")
    True
    """
    words = WORD_PATTERN.findall(text)
    try:
        return list(filter(None, map(_TERMS.__getitem__, words)))
    except KeyError:  # words not met yet
        return _learnt_terms(words)


def _learnt_terms(words: list[str]) -> list[str]:
    """`fast_terms` of words some of which are not kept yet: found by `word_term` and kept
    (only the missing ones looked at: the list's index finds them in C)."""
    if len(_TERMS) >= TERMS_KEPT:
        _TERMS.clear()
    terms = list(map(_TERMS.get, words))
    i = terms.index(None)
    while True:
        word = words[i]
        term = _TERMS.get(word)
        if term is None:
            term = word_term(word)
            if term == "":  # a term the filter would drop (none is): the long way
                return [t for t in map(word_term, words) if t is not None]
            term = _TERMS[word] = "" if term is None else term
        terms[i] = term
        try:
            i = terms.index(None, i + 1)
        except ValueError:
            return list(filter(None, terms))


def stemmed_terms(text: str) -> list[str]:
    """Return the terms the French analyzer makes of `text` (handy for tests and thesauri)."""
    return [t.text for t in french_analyzer()(text)]


def exact_terms(text: str) -> list[str]:
    """Return the terms the exact analyzer makes of `text`."""
    return [t.text for t in exact_analyzer()(text)]
