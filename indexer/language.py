"""The language of a document's text: py3langid (langid.py's maintained fork, naive Bayes on
byte n-grams, 97 languages, a 4 MB model shipped in the wheel, deterministic).

Chosen over langdetect (unmaintained since 2021, random unless seeded) and lingua (more
accurate on a few words, but 96 MB installed): a press release is hundreds of words, where
all three agree. Measured here: 0.1-0.3 ms per paragraph, 36 ms for a 43,000-character text
(only the first `SAMPLE` characters are read), 2 s to load the model once per process.

The languages are those a French press office receives (`LANGUAGES`): restricting the model
keeps a short French line from being taken for Haitian Creole or Occitan.

Rules (`detect`): a text long enough (`MIN_LETTERS`) whose language is clear (`CONFIDENT`)
gets that language, whatever the file stated (a Word file often states its author's
installation, not its text); otherwise the stated language stands; otherwise, for short or
mixed texts, French, the language of the corpus and of the analyzer.
"""

from __future__ import annotations

import re
import threading

from indexer.memo import TextMemo, digest

DEFAULT = "fr"
LANGUAGES = (
    "fr en de es it pt nl ca eu br oc la pl ro ru uk ar he tr zh ja ko el sv da no fi cs"
).split()
SAMPLE = 2_000  # characters read by the model (a press release's language is clear by then)
# French's commonest words: when they make this share of a text's first words, the text is
# French without asking the model (measured: 8 ms a 3,000-character text with the model, a
# tenth of that this way; in English, German, Spanish or Italian prose they stay under 3 %).
# (words of French only: not « de », « la », « que », « il », shared with Spanish or Italian)
FRENCH_WORDS = frozenset("les des une pour dans qui nous vous cette aux est et avec sont été "
                         "mais ont leur leurs sur pas".split())
FRENCH_SHARE = 0.08
_WORDS = re.compile(r"[^\W\d_]+")
MIN_LETTERS = 60  # below, the stated language (or French) stands
CONFIDENT = 0.9  # normalised probability the detected language needs to win
# above this, the detected language wins over a stated one too
OVERRIDES = 0.98

# A text's first words are read from its first PREFIX characters when those hold more than
# FIRST_WORDS words (a later word starts before the cut, so the first ones end before it):
# a long text's words need not all be found (a fifth of the French check's time measured).
FIRST_WORDS = 120
PREFIX = 1_000
# str.lower is per character but for the capital sigma, whose lower case depends on what
# follows it: a text holding one is read whole.
_CONTEXTUAL = "\u03a3"
# The model's answers for the texts it was asked about: batch files repeat short texts
# (17 % of those the French words leave to the model).
CLASSIFIED_KEPT = 10_000

# Each text's language, by the digest of its first `SAMPLE` characters and the stated
# language (`detect` reads nothing else): the corpora repeat texts (`indexer.memo`).
_DETECTED: TextMemo[str] = TextMemo()

_lock = threading.Lock()
_identifier = None
_classified: dict[str, tuple[str, float]] = {}


def _model():
    """Return the language identifier, loaded once per process (about 2 s)."""
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages(LANGUAGES)
            _identifier = identifier
    return _identifier


def classify(text: str) -> tuple[str, float]:
    """Return (language code, probability) for a text (its first `SAMPLE` characters).

    >>> classify("The federation welcomes the decision of the commission.")[0]
    'en'
    """
    sample = text[:SAMPLE]
    known = _classified.get(sample)
    if known is None:
        if len(_classified) >= CLASSIFIED_KEPT:
            _classified.clear()
        lang, probability = _model().classify(sample)
        known = _classified[sample] = (str(lang), float(probability))
    return known


def first_words(head: str) -> list[str] | None:
    """Return the first `FIRST_WORDS` lowercase words of `head`, None when all its words
    together have fewer than `MIN_LETTERS` letters.

    >>> first_words("Très bien !") is None
    True
    >>> first_words("Le ministre a réuni hier à Lyon les préfets de la région Auvergne-"
    ...             "Rhône-Alpes.")[:4]
    ['le', 'ministre', 'a', 'réuni']
    """
    # lower gives at most one letter a character (İ gives i and a combining dot)
    if len(head) < MIN_LETTERS:
        return None
    if len(head) > PREFIX and _CONTEXTUAL not in head:
        words = _WORDS.findall(head[:PREFIX].lower())
        if len(words) > FIRST_WORDS:
            del words[FIRST_WORDS:]
            if sum(map(len, words)) >= MIN_LETTERS:
                return words
    words = _WORDS.findall(head.lower())
    return words[:FIRST_WORDS] if sum(map(len, words)) >= MIN_LETTERS else None


def detect(text: str, stated: str | None = None) -> str:
    """Return the language of a document's text (see the module docstring for the rules).

    >>> detect("Très bien !", stated=None)
    'fr'
    >>> detect("A river that crosses borders needs data that crosses borders too, said the "
    ...        "president of the federation at the meeting.", stated="fr")
    'en'
    """
    sample = text[:SAMPLE]
    key = (digest(sample), stated)
    found = _DETECTED.get(key)
    if found is None:
        found = _DETECTED.keep(key, _detect(sample, stated))
    return found


def _detect(sample: str, stated: str | None) -> str:
    """`detect` of a text's first `SAMPLE` characters."""
    first = first_words(sample)
    if first is None:
        return stated or DEFAULT
    if len(first) >= 20 and sum(map(FRENCH_WORDS.__contains__, first)) >= FRENCH_SHARE * len(first):
        return "fr"
    lang, probability = classify(sample)
    if probability >= OVERRIDES or (probability >= CONFIDENT and not stated):
        return lang
    return stated or DEFAULT
