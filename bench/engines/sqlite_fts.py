"""Peer: SQLite FTS5 (`unicode61 remove_diacritics 2`), facets by GROUP BY over a side table.

No stemming (FTS5 has no French stemmer); the query side drops Verbatim's stop words, the
way a FTS5 deployment would. Words are all required, relaxed to any word when nothing
matches, as Verbatim does; phrases are FTS5 phrases. Ranking is bm25 with the title weighted
2 (Verbatim's title boost). Snippets come from `snippet()`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

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

SCHEMA = """
CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, source TEXT, date TEXT,
                  year TEXT, month TEXT);
CREATE VIRTUAL TABLE fts USING fts5(title, text, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE facets(docid INTEGER, facet TEXT, value TEXT);
"""
INDEXES = """
CREATE INDEX facets_value ON facets(facet, value, docid);
CREATE INDEX facets_doc ON facets(docid, facet, value);
CREATE INDEX docs_date ON docs(date);
CREATE INDEX docs_source ON docs(source);
"""


def _facet_rows(rowid: int, doc: BenchDoc) -> list[tuple[int, str, str]]:
    rows = [(rowid, "speaker", v) for v in dict.fromkeys(doc.speakers)]
    rows += [(rowid, "theme", v) for v in dict.fromkeys(doc.themes)]
    if doc.kind:
        rows.append((rowid, "kind", doc.kind))
    if doc.year:
        rows.append((rowid, "year", doc.year))
    return rows


def _insert(db: sqlite3.Connection, docs: Iterable[BenchDoc], start: int) -> int:
    count = 0
    for rowid, doc in enumerate(docs, start):
        db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)",
                   (rowid, doc.id, doc.source, doc.date, doc.year, doc.month))
        db.execute("INSERT INTO fts(rowid, title, text) VALUES (?, ?, ?)",
                   (rowid, doc.title, doc.text))
        db.executemany("INSERT INTO facets VALUES (?, ?, ?)", _facet_rows(rowid, doc))
        count += 1
    return count


class Builder:
    """A new database at `path`, written a document at a time (`add`) in one transaction,
    its indexes made and its full-text index optimised at the end (`finish`)."""

    def __init__(self, path: Path):
        path.unlink(missing_ok=True)
        self.db = sqlite3.connect(path)
        self.db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" + SCHEMA)
        self.count = 0

    def add(self, doc: BenchDoc) -> None:
        """Insert one document (the transaction opens at the first)."""
        self.count += _insert(self.db, [doc], self.count + 1)

    def finish(self) -> int:
        """Commit, make the indexes, optimise; return the documents indexed."""
        try:
            self.db.commit()
            self.db.executescript(INDEXES + "INSERT INTO fts(fts) VALUES ('optimize'); ANALYZE;")
        finally:
            self.db.close()
        return self.count

    def cancel(self) -> None:
        """Drop what was inserted."""
        self.db.rollback()
        self.db.close()


def build(docs: Iterable[BenchDoc], path: Path) -> int:
    """Create the database at `path` from `docs`; return the documents indexed."""
    builder = Builder(path)
    try:
        for doc in docs:
            builder.add(doc)
    except BaseException:
        builder.cancel()
        raise
    return builder.finish()


def update(path: Path, sources: set[str], docs: Iterable[BenchDoc]) -> int:
    """Replace the documents of the given sources by `docs` (those files changed)."""
    db = sqlite3.connect(path)
    try:
        with db:
            marks = ",".join("?" * len(sources))
            old = [r[0] for r in db.execute(
                f"SELECT rowid FROM docs WHERE source IN ({marks})", sorted(sources))]
            for rowid in old:
                db.execute("DELETE FROM fts WHERE rowid = ?", (rowid,))
                db.execute("DELETE FROM facets WHERE docid = ?", (rowid,))
                db.execute("DELETE FROM docs WHERE rowid = ?", (rowid,))
            start = (db.execute("SELECT MAX(rowid) FROM docs").fetchone()[0] or 0) + 1
            return _insert(db, docs, start)
    finally:
        db.close()


def _quote(word: str) -> str:
    return '"' + word.replace('"', "") + '"'


def match_expression(q: str, any_word: bool = False) -> str | None:
    """Return the FTS5 MATCH expression of a query, or None when it has no text.

    >>> match_expression('eau "lanceur d\\'alerte" rivière')
    '"eau" AND "rivière" AND "lanceur d alerte"'
    >>> match_expression('eau rivière', any_word=True)
    '"eau" OR "rivière"'
    """
    text = split_query(q)
    parts = [_quote(w) for w in text.words] + [_quote(" ".join(p)) for p in text.phrases]
    if not parts:
        return None
    groups = None if any_word else word_groups(text)
    if groups:  # a long plain query: at least half of its words, as Verbatim
        return " OR ".join("(" + " AND ".join(_quote(w) for w in g) + ")" for g in groups)
    return (" OR " if any_word else " AND ").join(parts)


class SqliteEngine:
    """SQLite FTS5 over the database `build` wrote."""

    name = "sqlite-fts5"

    def __init__(self, path: Path):
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.executescript(
            "PRAGMA temp_store=MEMORY;"
            "CREATE TEMP TABLE matched(rowid INTEGER PRIMARY KEY);"
            "CREATE TEMP TABLE final(rowid INTEGER PRIMARY KEY);"
        )

    def _match(self, expr: str | None, spec: QuerySpec) -> int:
        """Fill `matched` with the documents matching the text and the dates; return count."""
        db = self.db
        db.execute("DELETE FROM matched")
        where, args = [], []
        if spec.date_from:
            where.append("date >= ?")
            args.append(spec.date_from)
        if spec.date_to:
            where.append("date <= ?")
            args.append(spec.date_to + "\uffff")  # a YYYY or YYYY-MM bound includes its days
        dates = " AND ".join(where)
        if expr is None:
            sql = "INSERT INTO matched SELECT rowid FROM docs"
            sql += f" WHERE {dates}" if dates else ""
            db.execute(sql, args)
        else:
            # CROSS JOIN keeps the full-text scan outermost; `rowid IN (subquery)` would make
            # SQLite probe the FTS index once per filtered row instead.
            sql = "INSERT INTO matched SELECT fts.rowid FROM fts"
            if dates:
                sql += " CROSS JOIN docs ON docs.rowid = fts.rowid"
            sql += " WHERE fts MATCH ?" + (f" AND {dates}" if dates else "")
            db.execute(sql, [expr, *args])
        return db.execute("SELECT COUNT(*) FROM matched").fetchone()[0]

    @staticmethod
    def _selection(facet: str, values: list[str]) -> tuple[str, list[str]]:
        marks = ",".join("?" * len(values))
        return (f"SELECT docid FROM facets WHERE facet = ? AND value IN ({marks})",
                [facet, *values])

    def search(self, spec: QuerySpec, per_page: int = PER_PAGE) -> EngineResult:
        """Answer one query: total, page, snippets, facets and histogram."""
        expr = match_expression(spec.q)
        text = split_query(spec.q)
        relaxed = False
        count = self._match(expr, spec)
        if expr and should_relax(text) and count < relax_below(text):
            loose = match_expression(spec.q, any_word=True)
            if self._match(loose, spec) > count:
                expr, relaxed = loose, True
            else:
                self._match(expr, spec)
        return self.page(expr, spec, per_page, relaxed)

    def answer(self, expressions: list[str], spec: QuerySpec,
               per_page: int = PER_PAGE) -> tuple[EngineResult, int]:
        """Answer with the first of `expressions` that matches anything (a cascade), as the
        search page would show it; return the result and the index of the expression used."""
        for used, expr in enumerate(expressions):
            if self._match(expr, spec) or used == len(expressions) - 1:
                return self.page(expr, spec, per_page), used
        raise ValueError("no expression given")

    def page(self, expr: str | None, spec: QuerySpec, per_page: int = PER_PAGE,
             relaxed: bool = False) -> EngineResult:
        """Return the page of `expr` once `_match` has filled `matched`: facets, histogram,
        ranked hits and snippets."""
        db = self.db
        selections = {f: v for f, v in (("speaker", spec.speaker), ("theme", spec.theme)) if v}

        facets: dict[str, list[tuple[str, int]]] = {}
        for facet in FACETS:
            sql = ("SELECT value, COUNT(*) AS n FROM facets WHERE facet = ? "
                   "AND docid IN (SELECT rowid FROM matched)")
            args: list = [facet]
            for other, values in selections.items():
                if other != facet:
                    sub, sub_args = self._selection(other, values)
                    sql += f" AND docid IN ({sub})"
                    args += sub_args
            sql += " GROUP BY value ORDER BY n DESC, value"
            facets[facet] = [(v, n) for v, n in db.execute(sql, args)]

        db.execute("DELETE FROM final")
        sql, args = "INSERT INTO final SELECT rowid FROM matched", []
        for number, (facet, values) in enumerate(selections.items()):
            sub, sub_args = self._selection(facet, values)
            sql += (" WHERE " if number == 0 else " AND ") + f"rowid IN ({sub})"
            args += sub_args
        db.execute(sql, args)
        total = db.execute("SELECT COUNT(*) FROM final").fetchone()[0]

        years = db.execute("SELECT year, COUNT(*) FROM docs WHERE rowid IN "
                           "(SELECT rowid FROM final) AND year IS NOT NULL GROUP BY year "
                           "ORDER BY year").fetchall()
        histogram = years
        if len(years) == 1:
            histogram = db.execute("SELECT month, COUNT(*) FROM docs WHERE rowid IN "
                                   "(SELECT rowid FROM final) GROUP BY month ORDER BY month"
                                   ).fetchall()

        offset = (spec.page - 1) * per_page
        # The page's rowids first, then snippets for those rows only: SQLite evaluates the
        # result columns of every row it sorts, so snippet() in the ranking query would run
        # on every match (seconds for a frequent word).
        if spec.sort != "relevance" or expr is None:
            order = "date ASC" if spec.sort == "date" else "date DESC"
            page = [r[0] for r in db.execute(
                f"SELECT rowid FROM docs WHERE rowid IN (SELECT rowid FROM final) "
                f"ORDER BY {order} LIMIT ? OFFSET ?", (per_page, offset))]
        else:
            page = [r[0] for r in db.execute(
                "SELECT fts.rowid FROM fts CROSS JOIN final ON final.rowid = fts.rowid "
                "WHERE fts MATCH ? ORDER BY bm25(fts, 2.0, 1.0) LIMIT ? OFFSET ?",
                (expr, per_page, offset))]
        marks = ",".join("?" * len(page))
        if expr is None:
            found = db.execute(f"SELECT d.rowid, d.id, substr(f.text, 1, {SNIPPET_CHARS}) "
                               f"FROM docs d JOIN fts f ON f.rowid = d.rowid "
                               f"WHERE d.rowid IN ({marks})", page)
        else:
            tokens = max(8, SNIPPET_CHARS // 7)
            found = db.execute(
                f"SELECT d.rowid, d.id, snippet(fts, 1, '<mark>', '</mark>', ' … ', {tokens}) "
                f"FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ? "
                f"AND fts.rowid IN ({marks})", [expr, *page])
        by_row = {r[0]: (r[1], r[2]) for r in found}
        rows = [by_row[r] for r in page if r in by_row]
        return EngineResult(total, [r[0] for r in rows], relaxed, facets, histogram,
                            [r[1] for r in rows])

    def rank(self, q: str, k: int, any_word: bool = True) -> list[str]:
        """Return the ids of the `k` best documents for `q` (bm25), for quality runs."""
        expr = match_expression(q, any_word=any_word)
        if expr is None:
            return []
        rows = self.db.execute(
            "SELECT d.id FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ? "
            "ORDER BY bm25(fts, 2.0, 1.0) LIMIT ?", (expr, k))
        return [r[0] for r in rows]

    def close(self) -> None:
        """Close the database."""
        self.db.close()
