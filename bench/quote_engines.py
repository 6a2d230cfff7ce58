"""The engines answering pasted quotations, each with its best means, as a search page would.

* Verbatim: its one search function (`indexer.search.search` with a `SearchRequest` for the
  documents view, facets on), whatever it does with a passage: the bench knows nothing of
  how it searches;
* SQLite FTS5: the passage as a phrase, `NEAR(…)` of its words, all its content words
  (AND), any of them ranked by bm25 (OR), and the cascade a developer would write: phrase,
  else NEAR, else AND, else OR;
* tantivy: the passage as a phrase (exact, or with a slop), BM25 on its words (stemmed, any
  word), and both in one query, the phrase boosted above the words. tantivy's slop counts
  the shift of every later word, so a gap early in a long phrase needs a slop near the
  phrase's length: the slop is `SLOP_PER_TERM` × its words (measured on the `real` dev set,
  two words dropped, top-1: slop 3 → 0.24, 1× → 0.81, 2× → 0.92).

Each answer is a page of 10 hits with facets, year histogram and snippets, as the latency
benchmark's engines give it (`bench.engines`), so the times compare like with like.
"""

from __future__ import annotations

import re
from pathlib import Path

from bench.engines import split_query
from bench.queries import QuerySpec

SLOP_PER_TERM = 2
NEAR_SLACK = 4  # tokens NEAR allows beyond the passage's own length
PHRASE_BOOST = 3.0
_TOKEN = re.compile(r"\w+")


def _spec(q: str) -> QuerySpec:
    return QuerySpec(id="quote", kind="quote", q=q)


def _fts_quote(text: str) -> str:
    return '"' + text.replace('"', "") + '"'


def fts_expressions(q: str, strategy: str) -> list[str]:
    """Return the FTS5 MATCH expressions a strategy tries in order (empty: nothing to ask).

    >>> fts_expressions("L’État, c’est nous", "phrase")
    ['"L État c est nous"']
    >>> fts_expressions("dans la mesure du possible", "near")
    ['NEAR("dans" "la" "mesure" "du" "possible", 9)']
    >>> fts_expressions("dans la mesure du possible", "and")
    ['"mesure" AND "possible"']
    """
    tokens = _TOKEN.findall(q)
    if not tokens:
        return []
    words = split_query(q).words or tokens
    built = {
        "phrase": _fts_quote(" ".join(tokens)),
        "near": f"NEAR({' '.join(_fts_quote(t) for t in tokens)}, {len(tokens) + NEAR_SLACK})",
        "and": " AND ".join(_fts_quote(w) for w in words),
        "or": " OR ".join(_fts_quote(w) for w in words),
    }
    if strategy == "cascade":
        return [built["phrase"], built["near"], built["and"], built["or"]]
    return [built[strategy]]


class VerbatimQuotes:
    """Verbatim's search function, as the search page calls it."""

    name = "verbatim"
    label = "Verbatim"
    strategies = ("search",)

    def __init__(self, index_dir: Path):
        from bench.engines.verbatim import VerbatimEngine

        self.engine = VerbatimEngine(index_dir)

    def answer(self, q: str, strategy: str = "search") -> list[str]:
        """Return the ids of the first page of hits."""
        return self.engine.search(_spec(q)).ids

    def close(self) -> None:
        """Close the index."""
        self.engine.close()


class OpenSearchQuotes:
    """Verbatim's search function on an OpenSearch index of the same corpus (its passages
    found by the same candidates and alignment: `indexer.opensearch_passages`)."""

    name = "verbatim-opensearch"
    label = "Verbatim on OpenSearch"
    strategies = ("search",)

    def __init__(self, url: str, alias: str):
        from indexer.opensearch_engine import open_opensearch

        self.catalog = open_opensearch(url, alias=alias)

    def answer(self, q: str, strategy: str = "search") -> list[str]:
        """Return the ids of the first page of hits, as `VerbatimQuotes` asks them."""
        from bench.engines.verbatim import request_for
        from indexer.search import search

        return [hit["id"] for hit in search(self.catalog, request_for(_spec(q))).hits]

    def close(self) -> None:
        """Close the client."""
        self.catalog.close()


class FtsQuotes:
    """SQLite FTS5 over the benchmark's database."""

    name = "sqlite-fts5"
    label = "SQLite FTS5"
    strategies = ("phrase", "near", "and", "or", "cascade")

    def __init__(self, path: Path):
        from bench.engines.sqlite_fts import SqliteEngine

        self.engine = SqliteEngine(path)

    def answer(self, q: str, strategy: str) -> list[str]:
        """Return the ids of the first page of hits of a strategy."""
        expressions = fts_expressions(q, strategy)
        if not expressions:
            return []
        found, _ = self.engine.answer(expressions, _spec(q))
        return found.ids

    def close(self) -> None:
        """Close the database."""
        self.engine.close()


class TantivyQuotes:
    """tantivy over the benchmark's index."""

    name = "tantivy"
    label = "tantivy"
    strategies = ("phrase", "slop", "bm25", "slop+bm25")

    def __init__(self, folder: Path):
        from bench.engines.tantivy_peer import TantivyEngine

        self.engine = TantivyEngine(folder)

    def _phrase(self, q: str, slop: int | None):
        """Return the phrase query of `q`; `slop` None: `SLOP_PER_TERM` × its words."""
        from tantivy import Query

        terms = self.engine.exact.analyze(q)
        if not terms:
            return None
        if len(terms) == 1:
            return Query.term_query(self.engine.schema, "exact", terms[0])
        slop = SLOP_PER_TERM * len(terms) if slop is None else slop
        return Query.phrase_query(self.engine.schema, "exact", terms, slop=slop)

    def query(self, q: str, strategy: str):
        """Return the tantivy query of a strategy, or None when `q` has nothing to search."""
        from tantivy import Occur, Query

        if strategy == "phrase":
            return self._phrase(q, 0)
        if strategy == "slop":
            return self._phrase(q, None)
        words = self.engine.text_query(q, any_word=True)
        if strategy == "bm25":
            return words
        phrase = self._phrase(q, None)
        parts = [(Occur.Should, Query.boost_query(phrase, PHRASE_BOOST))] if phrase else []
        parts += [(Occur.Should, words)] if words is not None else []
        return Query.boolean_query(parts) if parts else None

    def answer(self, q: str, strategy: str) -> list[str]:
        """Return the ids of the first page of hits of a strategy."""
        query = self.query(q, strategy)
        if query is None:
            return []
        return self.engine.page(query, query, _spec(q)).ids

    def close(self) -> None:
        """Drop the searcher."""
        self.engine.close()
