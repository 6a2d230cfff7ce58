"""Peer: tantivy (PyPI `tantivy`), with a French analyzer built from its own filters.

Analysis: tantivy's `simple` tokenizer (splits at apostrophes, so elisions become one-letter
tokens that the stop list drops), lowercase, ASCII folding, Verbatim's stop words (folded, as
Verbatim applies them after folding) and tantivy's Snowball French stemmer. Phrases go to an
`exact` field (lowercase and folding only), as in Verbatim. BM25 with the title boosted 2.
Facets are terms aggregations over fast fields; each facet's counts ignore its own selection.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

import tantivy
from tantivy import Filter, Occur, Order, Query, TextAnalyzerBuilder, Tokenizer

from bench.docs import BenchDoc
from bench.engines import (
    FACETS,
    PER_PAGE,
    SNIPPET_CHARS,
    EngineResult,
    relax_below,
    should_relax,
    split_query,
    word_groups,
)
from bench.queries import QuerySpec
from indexer.analysis import STOP_WORDS

FACET_SIZE = 10_000  # every value, as Verbatim counts them all


def french_analyzer() -> tantivy.TextAnalyzer:
    """Return the stemming analyzer (fold, stop words, Snowball French)."""
    return (TextAnalyzerBuilder(Tokenizer.simple())
            .filter(Filter.lowercase())
            .filter(Filter.ascii_fold())
            .filter(Filter.custom_stopword(sorted(STOP_WORDS)))
            .filter(Filter.stemmer("french"))
            .build())


def exact_analyzer() -> tantivy.TextAnalyzer:
    """Return the phrase analyzer: lowercase and folding only."""
    return (TextAnalyzerBuilder(Tokenizer.simple())
            .filter(Filter.lowercase()).filter(Filter.ascii_fold()).build())


def schema() -> tantivy.Schema:
    """Return the tantivy schema of the benchmark documents."""
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("source", stored=False, tokenizer_name="raw")
    sb.add_text_field("title", stored=True, tokenizer_name="fr")
    sb.add_text_field("text", stored=True, tokenizer_name="fr")
    sb.add_text_field("exact", stored=False, tokenizer_name="fr_exact")
    sb.add_date_field("date", stored=False, indexed=True, fast=True)
    for name in FACETS:
        sb.add_text_field(name, stored=False, fast=True, tokenizer_name="raw")
    sb.add_text_field("month", stored=False, fast=True, tokenizer_name="raw")
    return sb.build()


def _register(index: tantivy.Index) -> None:
    index.register_tokenizer("fr", french_analyzer())
    index.register_tokenizer("fr_exact", exact_analyzer())


def _document(doc: BenchDoc) -> tantivy.Document:
    out = tantivy.Document()
    out.add_text("id", doc.id)
    out.add_text("source", doc.source)
    out.add_text("title", doc.title or "")
    out.add_text("text", doc.text)
    out.add_text("exact", f"{doc.title or ''}\n{doc.text}")
    if doc.date:
        out.add_date("date", datetime.fromisoformat(doc.date))
        out.add_text("year", doc.year)
        out.add_text("month", doc.month)
    for value in dict.fromkeys(doc.speakers):
        out.add_text("speaker", value)
    for value in dict.fromkeys(doc.themes):
        out.add_text("theme", value)
    if doc.kind:
        out.add_text("kind", doc.kind)
    return out


class Builder:
    """A new index in `folder`, written a document at a time (`add`; tantivy's writer
    analyses them in `threads` threads of its own), committed at the end (`finish`)."""

    def __init__(self, folder: Path, threads: int = 2):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        index = tantivy.Index(schema(), path=str(folder))
        _register(index)
        self.writer = index.writer(256_000_000, threads)
        self.count = 0

    def add(self, doc: BenchDoc) -> None:
        """Add one document."""
        self.writer.add_document(_document(doc))
        self.count += 1

    def finish(self) -> int:
        """Commit and wait for the merges; return the documents indexed."""
        return self.count + _add_all(self.writer, [])

    def cancel(self) -> None:
        """Drop what was added."""
        self.writer.rollback()


def build(docs: Iterable[BenchDoc], folder: Path, threads: int = 2) -> int:
    """Create the index in `folder` from `docs`; return the documents indexed."""
    builder = Builder(folder, threads)
    for doc in docs:
        builder.add(doc)
    return builder.finish()


def _add_all(writer, docs: Iterable[BenchDoc]) -> int:
    """Add `docs`, commit and wait for merges; return how many were added."""
    count = 0
    for doc in docs:
        writer.add_document(_document(doc))
        count += 1
    writer.commit()
    writer.wait_merging_threads()
    return count


def update(folder: Path, sources: set[str], docs: Iterable[BenchDoc], threads: int = 2) -> int:
    """Replace the documents of the given sources by `docs` (those files changed)."""
    index = tantivy.Index.open(str(folder))
    _register(index)
    writer = index.writer(256_000_000, threads)
    for source in sorted(sources):
        writer.delete_documents_by_term("source", source)
    return _add_all(writer, docs)


class TantivyEngine:
    """tantivy over the index `build` wrote."""

    name = "tantivy"

    def __init__(self, folder: Path):
        self.index = tantivy.Index.open(str(folder))
        _register(self.index)
        self.index.reload()
        self.schema = self.index.schema
        self.searcher = self.index.searcher()
        self.fr = french_analyzer()
        self.exact = exact_analyzer()

    def text_query(self, q: str, any_word: bool = False) -> Query | None:
        """Return the query for the words and phrases of `q`, or None when it has none."""
        text = split_query(q)
        clauses = []
        for word in text.words:
            terms = self.fr.analyze(word)
            if not terms:
                continue
            per_term = []
            for term in terms:
                per_term.append(Query.boolean_query([
                    (Occur.Should, Query.boost_query(
                        Query.term_query(self.schema, "title", term), 2.0)),
                    (Occur.Should, Query.term_query(self.schema, "text", term)),
                ]))
            clauses.append(per_term[0] if len(per_term) == 1 else
                           Query.boolean_query([(Occur.Must, c) for c in per_term]))
        for phrase in text.phrases:
            terms = self.exact.analyze(" ".join(phrase))
            if len(terms) == 1:
                clauses.append(Query.term_query(self.schema, "exact", terms[0]))
            elif terms:
                clauses.append(Query.phrase_query(self.schema, "exact", terms))
        if not clauses:
            return None
        groups = None if any_word or len(clauses) != len(text.words) else word_groups(text)
        if groups:  # a long plain query: at least half of its words, as Verbatim
            index = {w: c for w, c in zip(text.words, clauses, strict=True)}
            return Query.boolean_query([
                (Occur.Should, Query.boolean_query([(Occur.Must, index[w]) for w in g]))
                for g in groups])
        occur = Occur.Should if any_word else Occur.Must
        return Query.boolean_query([(occur, c) for c in clauses])

    def _dates(self, spec: QuerySpec) -> Query | None:
        if not spec.date_from and not spec.date_to:
            return None
        low = datetime.fromisoformat(_day(spec.date_from, False)) if spec.date_from else None
        high = datetime.fromisoformat(_day(spec.date_to, True)) if spec.date_to else None
        return Query.range_query(self.schema, "date", tantivy.FieldType.Date, low, high)

    @staticmethod
    def _and(parts: list[Query | None]) -> Query:
        parts = [p for p in parts if p is not None]
        if not parts:
            return Query.all_query()
        return parts[0] if len(parts) == 1 else Query.boolean_query(
            [(Occur.Must, p) for p in parts])

    def _aggregate(self, query: Query, names: list[str]) -> dict[str, list[tuple[str, int]]]:
        spec = {n: {"terms": {"field": n, "size": FACET_SIZE}} for n in names}
        found = self.searcher.aggregate(query, spec)
        return {n: [(b["key"], b["doc_count"]) for b in found[n]["buckets"]] for n in names}

    def search(self, spec: QuerySpec, per_page: int = PER_PAGE) -> EngineResult:
        """Answer one query: total, page, snippets, facets and histogram."""
        searcher = self.searcher
        text = self.text_query(spec.q)
        dates = self._dates(spec)
        matched = self._and([text, dates])
        relaxed = False
        words = split_query(spec.q)
        if text is not None and should_relax(words):
            count = searcher.search(matched, 1, count=True).count
            if count < relax_below(words):
                loose = self.text_query(spec.q, any_word=True)
                loose_matched = self._and([loose, dates])
                if searcher.search(loose_matched, 1, count=True).count > count:
                    text, matched, relaxed = loose, loose_matched, True
        return self.page(text, matched, spec, per_page, relaxed)

    def page(self, text: Query | None, matched: Query, spec: QuerySpec,
             per_page: int = PER_PAGE, relaxed: bool = False) -> EngineResult:
        """Return the page of the documents `matched` selects, ranked by `text` (or by date):
        facets, histogram, hits and snippets."""
        searcher = self.searcher
        selections = {f: Query.term_set_query(self.schema, f, v)
                      for f, v in (("speaker", spec.speaker), ("theme", spec.theme)) if v}
        final = self._and([matched, *selections.values()])

        facets = self._aggregate(final, [f for f in FACETS if f not in selections])
        for facet in selections:
            others = [q for f, q in selections.items() if f != facet]
            facets.update(self._aggregate(self._and([matched, *others]), [facet]))
        facets = {f: facets[f] for f in FACETS}
        years = sorted(self._aggregate(final, ["year"])["year"]) if selections else \
            sorted(facets["year"])
        histogram = sorted(self._aggregate(final, ["month"])["month"]) if len(years) == 1 \
            else years

        offset = (spec.page - 1) * per_page
        if spec.sort == "relevance" and text is not None:
            found = searcher.search(final, per_page, count=True, offset=offset)
        else:
            order = Order.Asc if spec.sort == "date" else Order.Desc
            found = searcher.search(final, per_page, count=True, offset=offset,
                                    order_by_field="date", order=order)
        snippets = None
        if text is not None:
            snippets = tantivy.SnippetGenerator.create(searcher, text, self.schema, "text")
            snippets.set_max_num_chars(SNIPPET_CHARS)
        ids, texts = [], []
        for _, address in found.hits:
            doc = searcher.doc(address)
            ids.append(doc.get_first("id"))
            html = snippets.snippet_from_doc(doc).to_html() if snippets else ""
            texts.append(html or (doc.get_first("text") or "")[:SNIPPET_CHARS])
        return EngineResult(found.count, ids, relaxed, facets, histogram, texts)

    def rank(self, q: str, k: int, any_word: bool = True) -> list[str]:
        """Return the ids of the `k` best documents for `q` (BM25), for quality runs."""
        query = self.text_query(q, any_word=any_word)
        if query is None:
            return []
        found = self.searcher.search(query, k, count=False)
        return [self.searcher.doc(address).get_first("id") for _, address in found.hits]

    def close(self) -> None:
        """Drop the searcher."""
        self.searcher = None


def _day(value: str, end: bool) -> str:
    """Return an ISO datetime for a YYYY, YYYY-MM or YYYY-MM-DD bound (inclusive).

    >>> _day("2020", True), _day("2020-02", False)
    ('2020-12-31T23:59:59', '2020-02-01T00:00:00')
    """
    parts = value.split("-")
    if len(parts) == 1:
        return f"{value}-12-31T23:59:59" if end else f"{value}-01-01T00:00:00"
    if len(parts) == 2:
        if not end:
            return f"{value}-01T00:00:00"
        year, month = int(parts[0]), int(parts[1])
        nxt = datetime(year + month // 12, month % 12 + 1, 1)
        return (nxt - timedelta(seconds=1)).isoformat()
    return f"{value}T23:59:59" if end else f"{value}T00:00:00"
