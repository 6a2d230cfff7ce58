"""Any search as a CSV file or as an Atom feed."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from flask import Blueprint, Response, request

from indexer.search import search
from indexer.snippets import plain_snippets
from webapp.catalog import get_catalog
from webapp.facets import filter_labels
from webapp.formatting import NBSP, shorten
from webapp.params import SearchArgs, parse_search_args
from webapp.results import hit_linker

bp = Blueprint("exports", __name__)

EXPORT_LIMIT = 1000  # rows of one CSV export: the first thousand results, in the search's order
FEED_ENTRIES = 50
FEED_QUOTE_CHARS = 120  # of a quotation in an entry's title (the summary holds it whole)
# other_formats: the same statement's other files (its PDF beside its web page), as the page
# and the API list them, their paths separated by « ; » as the speakers are; a file attached
# to a mail by its own name (« Envoyés.mbox, pièce jointe « CP.pdf » »)
CSV_COLUMNS = ("id", "title", "date", "place", "kind", "speakers", "functions", "themes", "source",
               "record", "other_formats", "url", "snippet", "passage", "passage_verdict",
               "passage_similarity")
# A quotations' export (`quotes=1`) adds the source's words around each quotation, the evidence
# of its attribution (`indexer.evidence`)
QUOTE_CSV_COLUMNS = (*CSV_COLUMNS, "context_before", "context_after")
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


def _csv_row(hit: dict, link: Callable[[dict], str], quotes: bool = False) -> list:
    """Return the cells of a hit's row, as they are (`csv_line` writes them); with `quotes`,
    those of `QUOTE_CSV_COLUMNS`."""
    snippet = hit.get("quote") or hit.get("snippet") or ""  # plain (`plain_snippets`)
    speakers = hit.get("speakers") or ()
    passage = hit.get("passage") or {}  # the typed passage's exact words in this result
    row = [
        hit["id"], hit.get("title"), hit.get("date"), hit.get("place"), hit.get("kind"),
        "; ".join([s["name"] for s in speakers]),
        "; ".join([s.get("function") or "" for s in speakers]),
        "; ".join(hit.get("themes") or ()), hit.get("source"), hit.get("record"),
        "; ".join([_other_format(a) for a in hit.get("alternates") or ()]), link(hit), snippet,
        passage.get("text"), passage.get("verdict"), passage.get("similarity"),
    ]
    if quotes:
        evidence = hit.get("attribution") or {}
        row += [evidence.get("before"), evidence.get("after")]
    return row


def _other_format(alternate: dict) -> str:
    """Return how other_formats names one of a statement's other files: its path, and an
    attachment's own name after its message's file."""
    if alternate.get("attachment"):
        return f"{alternate['source']}, pièce jointe « {alternate['attachment']} »"
    return alternate["source"]


def csv_line(cells: list) -> str:
    """Return `cells` made safe for a spreadsheet (`csv_cell`) as `csv.writer` writes them in
    its default dialect, without the line's end: a cell holding a comma, a double quote or a
    line break quoted, its double quotes doubled (`cells` is changed in place).

    Written out in one pass a cell (the C writer copied a thousand rows character by
    character: twice this time; fourteen `csv_cell` calls a row were a fifth of a row's
    time, the rows' lists then read again for the quotes another tenth of an export).
    """
    quoted = _TO_QUOTE.search
    for i, cell in enumerate(cells):
        if type(cell) is not str:
            cells[i] = cell = "" if cell is None else str(cell)
        if cell.startswith(_FORMULA_START):
            cells[i] = cell = "'" + cell
        if quoted(cell):
            cells[i] = '"' + cell.replace('"', '""') + '"'
    return ",".join(cells)


@bp.get("/export.csv")
def csv_export() -> Response:
    """The results of a search as CSV (at most `EXPORT_LIMIT` rows), for a spreadsheet."""
    args = parse_search_args(request.args)
    catalog = get_catalog()
    out = io.StringIO()
    out.write("\ufeff")  # a BOM, so that spreadsheets read the accents as UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    columns = QUOTE_CSV_COLUMNS if args.quotes else CSV_COLUMNS
    writer.writerow(columns)
    wanted = replace(args.to_request(page=1, per_page=EXPORT_LIMIT), facets=False)
    with plain_snippets():
        found = search(catalog, wanted)
    link = hit_linker(args.q, external=True)
    out.write("".join([csv_line(_csv_row(hit, link, args.quotes)) + "\r\n"
                       for hit in found.hits]))
    expected = min(found.total, EXPORT_LIMIT)
    if len(found.hits) < expected:
        # cut short by the time budget (indexer.budget): the last row says so
        note = (f"Export limité aux {len(found.hits)} premiers résultats sur {expected} : le "
                "temps de réponse permis était épuisé. Affinez la recherche (filtres, dates).")
        writer.writerow(["", note] + [""] * (len(columns) - 2))
    for problem in args.problems:  # what the address held that was not understood, ignored
        writer.writerow(["", problem] + [""] * (len(columns) - 2))
    name = "verbatim-citations.csv" if args.quotes else "verbatim-resultats.csv"
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _xml(text: object) -> str:
    return _NOT_XML.sub("", "" if text is None else str(text))


def _atom_time(iso_date: str | None, fallback: str) -> str:
    return f"{iso_date}T00:00:00Z" if iso_date else fallback


# What ElementTree escaped in character data, and in attribute values
_TEXT_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_ATTRIBUTE_ESCAPES = (*_TEXT_ESCAPES, ('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"),
                      ("\t", "&#09;"))


def _escaped(text: str, escapes: tuple[tuple[str, str], ...]) -> str:
    for char, entity in escapes:
        if char in text:
            text = text.replace(char, entity)
    return text


def _element(tag: str, text: object = None, **attrs: object) -> str:
    """Return an Atom element without children as ElementTree wrote it: its text and its
    attributes' values without what XML cannot hold (`_xml`), escaped; without text, closed
    at once (« <category term="Europe" /> »). Written as text: a feed's thousand elements
    built as ElementTree's objects, then walked to be written, were a third of its time."""
    head = "<" + tag + "".join([f' {name}="{_escaped(_xml(value), _ATTRIBUTE_ESCAPES)}"'
                                for name, value in attrs.items()])
    body = "" if text is None else _xml(text)
    return f"{head}>{_escaped(body, _TEXT_ESCAPES)}</{tag}>" if body else head + " />"


def feed_title(args: SearchArgs, labels: dict[str, dict[str, list[str]]] | None = None
               ) -> str:
    """Return a feed's title: what it follows, its query and filters as the page's chips say
    them (under the labels the values select, `filter_labels`), so that a reader's feeds of
    two speakers do not share one name.

    >>> feed_title(SearchArgs(speaker=["Jean Castex"], quotes=True, date_from="2020"))
    'Verbatim — citations · Orateur\xa0: Jean Castex · Depuis 2020'
    >>> feed_title(SearchArgs(q="couvre-feu")), feed_title(SearchArgs())
    ('Verbatim — déclarations · « couvre-feu »', 'Verbatim — toutes les déclarations')
    """
    what = "citations" if args.quotes else "déclarations"
    parts = ([f"« {args.q} »"] if args.q else []) + filter_labels(args, labels)
    return " · ".join([f"Verbatim — {what}", *parts]) if parts else f"Verbatim — toutes les {what}"


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
    self_url = args.url("exports.atom_feed", external=True, page=1)
    dates = [h["date"] for h in response.hits if h.get("date")]
    feed = [
        f'<feed xmlns="{ATOM}" xml:lang="fr">',
        _element("title", feed_title(args, response.request.labels)),
        _element("id", self_url),
        _element("link", rel="self", type="application/atom+xml", href=self_url),
        _element("link", rel="alternate", type="text/html",
                 href=args.url("pages.search", external=True, page=1)),
        _element("updated", _atom_time(max(dates), now) if dates else now),
        "<author>" + _element("name", "Verbatim") + "</author>",
        _element("generator", "Verbatim"),
    ]
    if args.problems:  # what the address held that was not understood, ignored: said once
        feed.append(_element("subtitle", " ".join(args.problems)))
    linker = hit_linker(args.q, external=True)
    for hit in response.hits:
        link = linker(hit)
        title = hit.get("title") or hit.get("source") or hit["id"]
        if hit.get("quote"):
            who = ", ".join(s["name"] for s in hit.get("speakers", []))
            quote = f"«{NBSP}{shorten(hit['quote'], FEED_QUOTE_CHARS)}{NBSP}»"
            title = f"{who}{NBSP}: {quote}" if who else quote
        feed += ["<entry>", _element("title", title), _element("id", link),
                 _element("link", rel="alternate", type="text/html", href=link),
                 _element("updated", _atom_time(hit.get("date"), now))]
        if hit.get("date"):
            feed.append(_element("published", _atom_time(hit["date"], now)))
        for speaker in hit.get("speakers", []):
            feed.append("<author>" + _element("name", speaker["name"]) + "</author>")
        for theme in hit.get("themes") or []:
            feed.append(_element("category", term=theme))
        feed += [_element("summary", hit.get("quote") or hit.get("snippet") or "", type="text"),
                 "</entry>"]
    feed.append("</feed>")
    body = "".join(feed)
    return Response('<?xml version="1.0" encoding="utf-8"?>\n' + body,
                    mimetype="application/atom+xml")
