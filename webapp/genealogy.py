"""Genealogy of a passage (« qui l'a dit en premier ? ») and the talking points, in HTML,
JSON and CSV: the pages call `indexer.genealogy`, which returns plain data."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, jsonify, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from indexer.engine import selected_labels
from indexer.genealogy import (
    TALKING_SORTS,
    TalkingRequest,
    genealogy,
    linked_others,
    public_occurrence,
    talking_points,
)
from webapp.catalog import get_catalog
from webapp.exports import csv_cell
from webapp.facets import selection_label
from webapp.params import MAX_QUERY_CHARS, MAX_VALUE_CHARS, MAX_VALUES, clean, valid_date

bp = Blueprint("genealogy", __name__)

PER_PAGE = 20
MAX_PAGE = 500
CSV_LIMIT = 1000
FILTERS = ("speaker", "theme", "kind")


def occurrence_url(occurrence: dict, external: bool = False) -> str:
    """Return the link to an occurrence: its document page, the occurrence marked."""
    return url_for("pages.document", doc_id=occurrence["document_id"], _external=external,
                   passage=f"{occurrence['start']}-{occurrence['end']}") + "#passage"


def genealogy_url(passage: str, external: bool = False) -> str:
    """Return the link to the genealogy of a passage."""
    return url_for("genealogy.genealogy_page", q=passage[:MAX_QUERY_CHARS], _external=external)


def _genealogy(q: str) -> dict:
    return genealogy(get_catalog(), clean(q, MAX_QUERY_CHARS))


@bp.get("/genealogie")
def genealogy_page():
    """Every occurrence of a passage, oldest first, each with its differences to the first."""
    q = clean(request.args.get("q", ""), MAX_QUERY_CHARS)
    found = _genealogy(q) if q else {"query": "", "occurrences": [], "total": 0, "notes": []}
    for occurrence in found["occurrences"]:
        occurrence["url"] = occurrence_url(occurrence)
    return render_template(
        "genealogy.html", q=q, found=found, first=(found["occurrences"] or [None])[0],
        json_url=url_for("genealogy.genealogy_api", q=q) if q else None,
    )


@bp.get("/api/genealogy")
def genealogy_api():
    """{"query", "occurrences": [{document_id, title, date, kind, speakers, quote_speaker,
    passage, similarity, diff, url}]}, oldest first."""
    q = clean(request.args.get("q", ""), MAX_QUERY_CHARS)
    if not q:
        abort(400, description="Paramètre « q » manquant : le passage ou la citation.")
    found = _genealogy(q)
    return jsonify({"query": found["query"], "groups_pending": bool(groups_pending()),
                    "notes": found["notes"],
                    "occurrences": [public_occurrence(o, occurrence_url(o, external=True))
                                    for o in found["occurrences"]]})


@dataclass
class TalkingArgs:
    """The talking-points list as its URL states it; `problems` says what was ignored."""

    speaker: list[str] = field(default_factory=list)
    theme: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    date_from: str = ""
    date_to: str = ""
    sort: str = "documents"
    page: int = 1
    problems: list[str] = field(default_factory=list)

    def pairs(self) -> list[tuple[str, str]]:
        """Return the canonical URL arguments, defaults left out."""
        out = [(f, v) for f in FILTERS for v in getattr(self, f)]
        out += [(k, v) for k, v in (("from", self.date_from), ("to", self.date_to)) if v]
        if self.sort != "documents":
            out.append(("sort", self.sort))
        if self.page > 1:
            out.append(("page", str(self.page)))
        return out

    def url(self, endpoint: str = "genealogy.talking_page", external: bool = False,
            **changes) -> str:
        """Return the URL of `endpoint` for this state (with `changes`, page back to 1)."""
        args = replace(self, **{"page": 1, **changes}) if changes else self
        query = urlencode(args.pairs())
        return url_for(endpoint, _external=external) + (f"?{query}" if query else "")

    def request(self, per_page: int = PER_PAGE) -> TalkingRequest:
        """Return the core's request for this state."""
        return TalkingRequest(list(self.speaker), list(self.theme), list(self.kind),
                              self.date_from or None, self.date_to or None, self.sort,
                              self.page, per_page)

    def chips(self, labels: dict[str, dict[str, str]] | None = None) -> list[dict[str, str]]:
        """Return the active filters as removable chips: [{label, remove_url}]; each value
        under the labels the search's facet gives it (`labels`: {facet: {facet_key: label}},
        `indexer.engine.selected_labels`), as the search's chips say them: « FRV » as
        « Fédération des Rivières Vivantes », « communiqués » as « Communiqué », « eau
        potable » as « Eau potable », « Deltour » as « Antoine Deltour ». Two values of one
        label are one chip."""
        names = {"speaker": "Orateur", "theme": "Thème", "kind": "Type"}
        out = []
        for facet in FILTERS:
            chosen = getattr(self, facet)
            said: dict[str, list[str]] = {}
            for value in chosen:
                named = selected_labels((labels or {}).get(facet, {}), facet, value) or [value]
                said.setdefault(selection_label(facet, value, named), []).append(value)
            out += [{"label": f"{names[facet]}\u00a0: {label}",
                     "remove_url": self.url(**{facet: [x for x in chosen if x not in values]})}
                    for label, values in said.items()]
        if self.date_from:
            out.append({"label": f"Depuis {self.date_from}", "remove_url": self.url(date_from="")})
        if self.date_to:
            out.append({"label": f"Jusqu'à {self.date_to}", "remove_url": self.url(date_to="")})
        return out


def parse_talking_args(args: MultiDict) -> TalkingArgs:
    """Return the talking-points state of a query string; never raises."""
    state = TalkingArgs()
    for name in FILTERS:
        values = list(dict.fromkeys(v for v in (clean(x, MAX_VALUE_CHARS)
                                                for x in args.getlist(name)) if v))
        setattr(state, name, values[:MAX_VALUES])
    for name, attr in (("from", "date_from"), ("to", "date_to")):
        raw = clean(args.get(name, ""), 40)
        if raw and valid_date(raw):
            setattr(state, attr, raw)
        elif raw:
            state.problems.append(f"Date non comprise (« {raw} ») : attendu AAAA-MM-JJ, "
                                  "AAAA-MM ou AAAA ; filtre ignoré.")
    sort = clean(args.get("sort", ""), 20)
    if sort and sort not in TALKING_SORTS:
        state.problems.append(f"Tri inconnu « {sort} » : par nombre de documents.")
    state.sort = sort if sort in TALKING_SORTS else "documents"
    raw = clean(args.get("page", ""), 10)
    if raw:
        if raw.isdigit():
            state.page = max(1, min(int(raw), MAX_PAGE))
        else:
            state.problems.append(f"Page non comprise : {raw!r} ignoré.")
    return state


def _points(args: TalkingArgs, per_page: int = PER_PAGE, external: bool = False) -> dict:
    found = talking_points(get_catalog(), args.request(per_page))
    last = max(1, -(-found["total"] // per_page))
    if args.page > last:
        args.page = last
        found = talking_points(get_catalog(), args.request(per_page))
    for item in found["items"]:
        item["genealogy_url"] = genealogy_url(item["passage"], external=external)
        for end in ("first", "last"):
            item[end]["url"] = occurrence_url(item[end], external=external)
    found["page"], found["pages"] = args.page, last
    return found


@bp.get("/elements-de-langage")
def talking_page():
    """The passages repeated by the most documents (or speakers), filtered like the search."""
    args = parse_talking_args(request.args)
    found = _points(args)
    return render_template(
        "talking.html", args=args, found=found,
        chips=args.chips({facet: get_catalog().facet_labels(facet)
                          for facet in FILTERS if getattr(args, facet)}),
        prev_url=args.url(page=args.page - 1) if args.page > 1 else None,
        next_url=args.url(page=args.page + 1) if args.page < found["pages"] else None,
        json_url=args.url("genealogy.talking_api"), csv_url=args.url("genealogy.talking_csv"),
    )


@bp.get("/api/talking-points")
def talking_api():
    """The talking points as JSON: {"total", "page", "pages", "items": [...], "notes"}: the
    search API's notes on the filters typed by hand (a theme or a kind naming none, a name
    nobody bears, a surname several people share)."""
    args = parse_talking_args(request.args)
    if args.problems:
        abort(400, description=" ".join(args.problems))
    found = _points(args, external=True)
    return jsonify({"total": found["total"], "page": found["page"], "pages": found["pages"],
                    "items": found["items"], "notes": found["notes"],
                    "groups_pending": bool(groups_pending())})


CSV_COLUMNS = ("passage", "documents", "speakers", "type", "first_date", "first_title",
               "first_url", "last_date", "last_title", "last_url", "genealogy_url")


@bp.get("/elements-de-langage.csv")
def talking_csv() -> Response:
    """The talking points as CSV (the first `CSV_LIMIT`), for a spreadsheet."""
    args = parse_talking_args(request.args)
    args.page = 1
    found = _points(args, per_page=CSV_LIMIT, external=True)
    out = io.StringIO()
    out.write("\ufeff")  # so that spreadsheets read the accents as UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in found["items"]:
        first, last = item["first"], item["last"]
        writer.writerow([csv_cell(x) for x in (
            item["passage"], item["documents"], item["speakers"], item["type"], first["date"],
            first["title"], first["url"], last["date"], last["title"], last["url"],
            item["genealogy_url"])])
    for note in [*args.problems, *found["notes"]]:  # the page's notes, in the first column
        writer.writerow([note] + [""] * (len(CSV_COLUMNS) - 1))
    return Response(out.getvalue(), mimetype="text/csv", headers={
        "Content-Disposition": 'attachment; filename="verbatim-elements-de-langage.csv"'})


PENDING_NOTE = ("Regroupements en cours de calcul : l'index vient d'être écrit et ses reprises "
                "(passages repris d'un document à l'autre) sont encore en cours de calcul ; "
                "celles affichées ici peuvent manquer ou dater de l'indexation précédente.")
READING_NOTE = ("Reprises en cours de lecture : le serveur relit les passages repris d'un "
                "document à l'autre, recalculés depuis sa dernière lecture ; ceux affichés ici "
                "peuvent manquer ou dater de l'indexation précédente. Rechargez dans un instant.")


@bp.app_template_global()
def groups_pending() -> str | None:
    """Return the note the pages that show reuse groups give while they are being computed
    (`indexer.reuse.PENDING`: the records are searchable, their groups not ready), or read
    again past the page's time budget (`indexer.genealogy.reuse_index`), else None."""
    from indexer.genealogy import groups_of

    groups = groups_of(get_catalog())
    return PENDING_NOTE if groups.pending else READING_NOTE if groups.reading else None


@bp.app_template_global()
def reuse_marks(doc) -> dict:
    """Return what of a document stands elsewhere, for its page: {"paragraphs": [[mark]],
    one list per paragraph of `render_paragraphs`, "quotes": {quote start: mark}, "starts":
    each paragraph's first character (its anchor, « #p120 »)}; each mark {"start",
    "others", "url", "quote"} (its anchor: « #r<start> »)."""
    from indexer.genealogy import groups_of
    from webapp.docview import _paragraph_spans

    index, read = groups_of(get_catalog()), {}
    marks = index.marks(doc.id)
    spans = _paragraph_spans(doc.text)
    paragraphs: list[list[dict]] = [[] for _ in spans]
    quotes: dict[int, dict] = {}
    for mark in marks:
        quote = doc.quotes[mark["quote"]] if 0 <= mark["quote"] < len(doc.quotes) else None
        passage = quote.text if quote is not None else doc.text[mark["start"]:mark["end"]]
        start, end = (quote.start, quote.end) if quote is not None else \
            (mark["start"], mark["end"])
        others = linked_others(get_catalog(), index, doc.id, start, end, passage, read)
        if others < 1:
            continue
        item = {"start": mark["start"], "others": others,
                "url": genealogy_url(passage), "quote": quote is not None}
        if quote is not None:
            quotes.setdefault(quote.start, item)
        for n, (a, b) in enumerate(spans):
            if a <= mark["start"] < b:
                paragraphs[n].append(item)
    return {"paragraphs": paragraphs, "quotes": quotes, "starts": [a for a, _ in spans]}


@bp.app_template_global()
def quote_reuse(document_id: str, position: int | None) -> dict | None:
    """Return {"others", "url"} when the quotation at `position` of a document stands in other
    documents (a Citations-view result), else None."""
    from indexer.genealogy import groups_of

    if position is None:
        return None
    index = groups_of(get_catalog())
    # the quotation's own group first (reworded by the same person), then a passage around it
    held = sorted(index.by_doc.get(document_id, ()), key=lambda m: (m[3] < 0, m[2] - m[1]))
    for gid, start, end, quote in held:
        if (start == position) if quote >= 0 else (start <= position < end):
            doc = get_catalog().document(document_id)
            if doc is None or index.documents(index.groups[gid]) < 2:
                return None
            if 0 <= quote < len(doc.quotes):
                text, start, end = doc.quotes[quote].text, doc.quotes[quote].start, \
                    doc.quotes[quote].end
            else:
                text = doc.text[start:end]
            others = linked_others(get_catalog(), index, document_id, start, end, text, {})
            return {"others": others, "url": genealogy_url(text)} if others else None
    return None
