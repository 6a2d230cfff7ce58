"""Themes: the source's own tags made consistent, and a thesaurus for untagged documents.

Tags come unaccented from some sources (vie-publique's `Relance economique`) and accented
from others; `canonical_themes` folds case and accents to compare them and keeps the best
written form (accents, then a capital). The thesaurus (`corpus/thesaurus.yaml`: theme label →
list of French terms) is matched on stemmed terms (the index's French analyzer), so
« inondations » finds the term « inondation »; a theme is given only when its terms occur at
least `MIN_OCCURRENCES` times or once in the title (measured in `bench/extraction.py`).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from indexer.analysis import fast_terms, fold, stemmed_terms
from indexer.extract.datafiles import load_mapping_file
from indexer.memo import TextMemo, digest

DEFAULT_THESAURUS = Path(__file__).resolve().parents[2] / "corpus" / "thesaurus.yaml"
MIN_OCCURRENCES = 2
# In a long speech any theme's words come up a few times in passing: past this many words,
# a theme needs one more occurrence per WORDS_PER_OCCURRENCE words to count.
WORDS_PER_OCCURRENCE = 400
_WORD = re.compile(r"\w+", re.UNICODE)
TITLES_KEPT = 10_000  # titles whose counts a thesaurus remembers (`Thesaurus._title_count`)


@lru_cache(maxsize=200_000)
def theme_key(theme: str) -> str:
    """Return the comparison key of a theme: folded, lower case, single spaces.

    >>> theme_key("Relance  économique") == theme_key("relance economique")
    True
    """
    return " ".join(fold(theme).casefold().replace("’", "'").split())


def _score(form: str) -> tuple[int, int]:
    accents = sum(1 for c in form if ord(c) > 127)
    return accents, int(form[:1].isupper())


def best_form(forms) -> str:
    """Return the best written of equivalent forms: most accents, then capitalised.

    >>> best_form(["Relance economique", "relance économique", "Relance économique"])
    'Relance économique'
    """
    forms = list(forms)
    best = max(forms, key=lambda f: (_score(f), -forms.index(f)))
    if not best[:1].isupper() and any(f[:1].isupper() for f in forms):
        best = best[:1].upper() + best[1:]  # the accents of one form, the capital of another
    return best


# Forms seen so far in this process (from tags and thesaurus labels): an unaccented tag met
# after an accented one gets the accented form.
_SEEN: dict[str, str] = {}


def remember(form: str) -> None:
    """Record a theme's written form, so that later equivalent tags can borrow it."""
    key = theme_key(form)
    current = _SEEN.get(key)
    _SEEN[key] = form if current is None else best_form([current, form])


def _accent_from_text(theme: str, vocabulary: dict[str, str]) -> str:
    """Return `theme` with each unaccented word written as the text writes it, with accents."""
    out = []
    for word in theme.split(" "):
        better = vocabulary.get(fold(word).casefold()) if _score(word)[0] == 0 else None
        if better:
            word = better[:1].upper() + better[1:] if word[:1].isupper() else better
        out.append(word)
    return " ".join(out)


def _accented_words(text: str) -> dict[str, str]:
    """Return the words of `text` written with accents, by their folded form."""
    vocabulary: dict[str, str] = {}
    # each word once, in the order of its first occurrence (a later one changes nothing)
    for word in dict.fromkeys(w for w in _WORD.findall(text) if not w.isascii()):
        vocabulary.setdefault(fold(word).casefold(), word.lower())
    return vocabulary


def canonical_themes(themes: list[str], text: str = "") -> list[str]:
    """Return themes without duplicates up to case and accents, each in its best form.

    Unaccented words are given the accents the document's own text writes them with.

    >>> canonical_themes(["Relance economique", "relance économique", "Impot"],
    ...                  "Le budget et l'impôt sur la relance.")
    ['Relance économique', 'Impôt']
    """
    vocabulary: dict[str, str] | None = None  # read from the text when a form needs it
    groups: dict[str, list[str]] = {}
    for theme in themes:
        theme = " ".join(theme.split())
        if not theme:
            continue
        groups.setdefault(theme_key(theme), []).append(theme)
    result = []
    for key, forms in groups.items():
        form = best_form(forms)
        if key in _SEEN:
            form = best_form([form, _SEEN[key]])
        if _score(form)[0] == 0 and text:
            if vocabulary is None:
                vocabulary = _accented_words(text)
            if vocabulary:
                form = _accent_from_text(form, vocabulary)
        result.append(form)
    return result


@dataclass
class Thesaurus:
    """Theme labels and their terms, as sequences of stemmed words."""

    terms: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # label → terms
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    # the counts of titles met (`themes`): batch files repeat a title row after row (an eighth
    # of the `250k` files: 31,372 titles, 3,900 different; 0.16 -> 0.03 s)
    _titles: dict[str, dict[str, int]] = field(default_factory=dict, init=False, repr=False,
                                               compare=False)
    # a text's number of terms and its themes' counts, by its digest: the corpora repeat
    # texts (`indexer.memo`)
    _texts: TextMemo[tuple[int, dict[str, int]]] = field(default_factory=TextMemo, init=False,
                                                         repr=False, compare=False)

    @classmethod
    def from_mapping(cls, mapping: dict) -> Thesaurus:
        """Build from a `{label: [terms]}` mapping (the YAML file's shape)."""
        terms: dict[str, list[tuple[str, ...]]] = {}
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        for label, values in (mapping or {}).items():
            if not isinstance(label, str) or not label.strip():
                continue
            label = label.strip()
            remember(label)
            stems = []
            for term in [label, *(values or [])]:
                if not isinstance(term, str):
                    continue
                stemmed = tuple(stemmed_terms(term))
                if stemmed and stemmed not in stems:
                    stems.append(stemmed)
                    index[stemmed[0]].append((label, stemmed))
            terms[label] = stems
        return cls(terms, dict(index))

    def count(self, text: str) -> dict[str, int]:
        """Return how many times each theme's terms occur in `text`."""
        return self._count(fast_terms(text))

    def _count(self, tokens: list[str]) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        index = self.index
        # the few tokens that open a term, found by one comprehension rather than a lookup
        # each in the loop below
        for i in [i for i, token in enumerate(tokens) if token in index]:
            for label, term in index[tokens[i]]:
                if tuple(tokens[i : i + len(term)]) == term:
                    counts[label] += 1
        return dict(counts)

    def themes(
        self, text: str, title: str | None = None, minimum: int = MIN_OCCURRENCES
    ) -> list[str]:
        """Return the themes whose terms occur `minimum` times in the text, or in the title.

        Long texts need more occurrences: one per `WORDS_PER_OCCURRENCE` words.

        >>> t = Thesaurus.from_mapping({"Inondations": ["crue", "inondation"]})
        >>> t.themes("Les crues de l'hiver et une inondation.", None)
        ['Inondations']
        >>> t.themes("Une crue.", None), t.themes("Une crue.", "La crue")
        ([], ['Inondations'])
        """
        if not self.terms:
            return []
        key = digest(text)
        if (known := self._texts.get(key)) is None:
            tokens = fast_terms(text)
            known = self._texts.keep(key, (len(tokens), self._count(tokens)))
        words, counts = known
        minimum = max(minimum, words // WORDS_PER_OCCURRENCE)
        in_title = self._title_count(title) if title else {}
        chosen = [
            label for label in self.terms if counts.get(label, 0) >= minimum or label in in_title
        ]
        return sorted(
            chosen, key=lambda label: -(counts.get(label, 0) + 10 * in_title.get(label, 0))
        )

    def _title_count(self, title: str) -> dict[str, int]:
        """`count(title)`, remembered for the next documents of the same title."""
        counts = self._titles.get(title)
        if counts is None:
            if len(self._titles) >= TITLES_KEPT:
                self._titles.clear()
            counts = self._titles[title] = self.count(title)
        return counts

    def __len__(self) -> int:
        return len(self.terms)


def thesaurus_path() -> Path:
    """Return the thesaurus in use: $VERBATIM_THESAURUS, else the repository's corpus one."""
    env = os.environ.get("VERBATIM_THESAURUS")
    return Path(env) if env else DEFAULT_THESAURUS


def load_thesaurus(path: Path | str | None = None) -> Thesaurus:
    """Return the thesaurus of a YAML file (re-read when the file changes; missing: none)."""
    path = Path(path) if path is not None else thesaurus_path()
    return load_mapping_file(path, Thesaurus.from_mapping)
