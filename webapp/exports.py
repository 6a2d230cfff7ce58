"""Any search as a CSV file or as an Atom feed."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from flask import Blueprint, Response, request

from indexer.search import search
from indexer.snippets import plain_snippets
from webapp.catalog import get_catalog
from webapp.formatting import NBSP
from webapp.params import parse_search_args
from webapp.results import hit_linker

bp = Blueprint("exports", __name__)

EXPORT_LIMIT = 1000  # rows of one CSV export: the first thousand results, in the search's order
FEED_ENTRIES = 50
CSV_COLUMNS = ("id", "title", "date", "kind", "speakers", "functions", "themes", "source",
               "record", "url", "snippet", "passage", "passage_verdict", "passage_similarity")
ATOM = "http://www.w3.org/2005/Atom"
# Characters a spreadsheet reads as the start of a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What makes `csv.writer` (its default dialect, lines ending in "\r\n") quote a cell
_TO_QUOTE = re.compile('[",\r\n]')
# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def csv_cell(value: object) -> str:
    """Return a cell that no spreadsheet will run as a formula.

    >>> csv_cell("=SOMME(A1)"), csv_cell("-12 %"), csv_cell(None), csv_cell("Texte")
    ("'=SOMME(A1)", "'-12 %", '', 'Texte')
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_row(hit: dict, link: Callable[[dict], str]) -> list[str]:
    snippet = hit.get("quote") or hit.get("snippet") or ""  # plain (`plain_snippets`)
    speakers = hit.get("speakers") or ()
    passage = hit.get("passage") or {}  # the typed passage's exact words in this result
    row = [
        hit["id"], hit.get("title"), hit.get("date"), hit.get("kind"),
        "; ".join([s["name"] for s in speakers]),
        "; ".join([s.get("function") or "" for s in speakers]),
        "; ".join(hit.get("themes") or ()), hit.get("source"), hit.get("record"),
        link(hit), snippet, passage.get("text"), passage.get("verdict"),
        passage.get("similarity"),
    ]
    # csv_cell, written out in one pass: fourteen calls a row were a fifth of a row's time
    for i, cell in enumerate(row):
        if type(cell) is not str:
            row[i] = cell = "" if cell is None else str(cell)
        if cell.startswith(_FORMULA_START):
            row[i] = "'" + cell
    return row


def csv_lines(rows: list[list[str]]) -> str:
    """Return `rows` (cells as strings) as `csv.writer` writes them in its default dialect
    with "\r\n" ends: a cell holding a comma, a double quote or a line break quoted, its
    double quotes doubled (the C writer copied a thousand rows character by character:
    twice this time, a tenth of an export)."""
    quoted = _TO_QUOTE.search
    return "".join([",".join([f'"{cell.replace(chr(34), chr(34) * 2)}"' if quoted(cell)
                              else cell for cell in row]) + "\r\n" for row in rows])


@bp.get("/export.csv")
def csv_export() -> Response:
    """The results of a search as CSV (at most `EXPORT_LIMIT` rows), for a spreadsheet."""
    args = parse_search_args(request.args)
    catalog = get_catalog()
    out = io.StringIO()
    out.write("\ufeff")  # a BOM, so that spreadsheets read the accents as UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    wanted = replace(args.to_request(page=1, per_page=EXPORT_LIMIT), facets=False)
    with plain_snippets():
        found = search(catalog, wanted)
    link = hit_linker(args.q, external=True)
    out.write(csv_lines([_csv_row(hit, link) for hit in found.hits]))
    expected = min(found.total, EXPORT_LIMIT)
    if len(found.hits) < expected:
        # cut short by the time budget (indexer.budget): the last row says so
        note = (f"Export limité aux {len(found.hits)} premiers résultats sur {expected} : le "
                "temps de réponse permis était épuisé. Affinez la recherche (filtres, dates).")
        writer.writerow(["", note] + [""] * (len(CSV_COLUMNS) - 2))
    name = "verbatim-citations.csv" if args.quotes else "verbatim-resultats.csv"
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _xml(text: object) -> str:
    return _NOT_XML.sub("", "" if text is None else str(text))


def _atom_time(iso_date: str | None, fallback: str) -> str:
    return f"{iso_date}T00:00:00Z" if iso_date else fallback


def _sub(parent: ET.Element, tag: str, text: object = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _xml(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _xml(text)
    return element


@bp.get("/feed.atom")
def atom_feed() -> Response:
    """Any search as an Atom feed, newest first, `FEED_ENTRIES` entries."""
    args = parse_search_args(request.args)
    args.sort, args.page, args.per_page = "-date", 1, FEED_ENTRIES
    # the entries only: no facet counts nor histogram, which a feed does not show (they
    # were half of a feed's time on Whoosh)
    with plain_snippets():  # the summaries are text
        response = search(get_catalog(), replace(args.to_request(), facets=False))
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "fr"})
    what = f"« {args.q} »" if args.q else "toutes les déclarations"
    _sub(feed, "title", f"Verbatim — {what}")
    self_url = args.url("exports.atom_feed", external=True, page=1)
    _sub(feed, "id", self_url)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _sub(feed, "link", rel="alternate", type="text/html",
         href=args.url("pages.search", external=True, page=1))
    dates = [h["date"] for h in response.hits if h.get("date")]
    _sub(feed, "updated", _atom_time(max(dates), now) if dates else now)
    _sub(_sub(feed, "author"), "name", "Verbatim")
    _sub(feed, "generator", "Verbatim")
    linker = hit_linker(args.q, external=True)
    for hit in response.hits:
        entry = _sub(feed, "entry")
        link = linker(hit)
        title = hit.get("title") or hit.get("source") or hit["id"]
        if hit.get("quote"):
            who = ", ".join(s["name"] for s in hit.get("speakers", []))
            quote = f"«{NBSP}{hit['quote'][:120]}{NBSP}»"
            title = f"{who}{NBSP}: {quote}" if who else quote
        _sub(entry, "title", title)
        _sub(entry, "id", link)
        _sub(entry, "link", rel="alternate", type="text/html", href=link)
        _sub(entry, "updated", _atom_time(hit.get("date"), now))
        if hit.get("date"):
            _sub(entry, "published", _atom_time(hit["date"], now))
        for speaker in hit.get("speakers", []):
            _sub(_sub(entry, "author"), "name", speaker["name"])
        for theme in hit.get("themes") or []:
            _sub(entry, "category", term=theme)
        _sub(entry, "summary", hit.get("quote") or hit.get("snippet") or "", type="text")
    body = ET.tostring(feed, encoding="unicode", xml_declaration=False)
    return Response('<?xml version="1.0" encoding="utf-8"?>\n' + body,
                    mimetype="application/atom+xml")
