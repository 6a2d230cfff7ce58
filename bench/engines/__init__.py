"""The search engines compared: Verbatim itself and two peers fed the same documents.

Every engine answers a `QuerySpec` the way the search page needs it: the total, one page of
hits with snippets, the speaker/theme/kind/year facet counts (each facet's counts ignoring its
own selection, as Verbatim does) and the year (or month) histogram.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from typing import Protocol

from bench.queries import QuerySpec
from indexer.analysis import STOP_WORDS, fold
from indexer.matching import ALL_WORDS_UP_TO, MIN_MATCHES

FACETS = ("speaker", "theme", "kind", "year")
PER_PAGE = 10
SNIPPET_CHARS = 220


@dataclass
class EngineResult:
    """What an engine returned for one query (enough to check it did the work)."""

    total: int
    ids: list[str]
    relaxed: bool = False
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    histogram: list[tuple[str, int]] = field(default_factory=list)
    snippets: list[str] = field(default_factory=list)


class Engine(Protocol):
    """A searchable index of the benchmark documents."""

    name: str

    def search(self, spec: QuerySpec, per_page: int = PER_PAGE) -> EngineResult:
        """Answer one query with hits, facets, histogram and snippets."""
        ...

    def close(self) -> None:
        """Release the index."""
        ...


@dataclass
class TextQuery:
    """The text part of a query as the peers take it: plain words and exact phrases."""

    words: list[str]
    phrases: list[list[str]]

    @property
    def empty(self) -> bool:
        """Return True when there is nothing to match (a filter-only query)."""
        return not self.words and not self.phrases


_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"\w+", re.UNICODE)


def split_query(q: str) -> TextQuery:
    """Return the words (stop words and single letters dropped) and phrases of a query.

    Peers get no stemming here: each applies its own analysis, as a user of it would.

    >>> split_query('"Le lanceur d\\'alerte" protégé les 2 ans')
    TextQuery(words=['protégé', '2', 'ans'], phrases=[['Le', 'lanceur', 'd', 'alerte']])
    """
    phrases = [_WORD.findall(p) for p in _PHRASE.findall(q)]
    rest = _PHRASE.sub(" ", q)
    words = [w for w in _WORD.findall(rest)
             if fold(w).lower() not in STOP_WORDS and (len(w) > 1 or w.isdigit())]
    return TextQuery(list(dict.fromkeys(words)), [p for p in phrases if p])


def should_relax(text: TextQuery) -> bool:
    """Return True when Verbatim would relax an empty all-words result to any word."""
    return len(text.words) + sum(len(p) for p in text.phrases) >= 2 and len(text.words) >= 1


def relax_below(text: TextQuery) -> int:
    """Return the match count under which Verbatim widens to any word (as `indexer.search`):
    one page for plain words, nothing found for a query with a phrase."""
    return MIN_MATCHES if not text.phrases and len(text.words) > 1 else 1


def word_groups(text: TextQuery) -> list[tuple[str, ...]] | None:
    """Return, for a long plain query, the word combinations one of which a match holds.

    Verbatim requires at least half the words of a plain query of more than ALL_WORDS_UP_TO
    words; a peer expresses that as an OR of ANDs (or counts matched words in SQL).

    >>> word_groups(TextQuery(["barrage", "Montclair", "rivière", "village"], []))[:2]
    [('barrage', 'Montclair'), ('barrage', 'rivière')]
    >>> word_groups(TextQuery(["eau", "rivière"], [])) is None
    True
    """
    words = text.words
    if text.phrases or len(words) <= ALL_WORDS_UP_TO:
        return None
    return list(combinations(words, len(words) - len(words) // 2))
