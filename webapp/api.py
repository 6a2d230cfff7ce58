"""The JSON API: the search contract of `verbatim search --json`, and documents."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, request

from webapp.catalog import get_catalog
from webapp.facets import facet_values
from webapp.params import clean, parse_search_args
from webapp.results import correction_link, hit_url, pagination, run_search

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search_api():
    """`response.to_json()` for the same URL arguments as the search page, plus each facet
    value's {label, selected, toggle_url}, pagination, notes, suggestions, histogram, and the
    `correction` of a name typed wrong (null, or the query searched instead, with
    `as_typed_url` for the search as typed: `tel_quel=1`).

    Arguments that cannot be understood give a 400 with the list of problems.
    """
    args = parse_search_args(request.args)
    if args.problems:
        abort(400, description=" ".join(args.problems))
    response = run_search(get_catalog(), args)
    data = response.to_json()
    data["facets"] = facet_values(response, args, "api.search_api", external=True)
    for hit in data["results"]:
        hit["url"] = hit_url(hit, args.q, external=True)
    pager = pagination(args, response.total, "api.search_api", external=True)
    data.update(
        page=pager["current"],
        pages=pager["last"],
        per_page=args.per_page,
        sort=args.sort,
        quotes=args.quotes,
        next_url=pager["next_url"],
        prev_url=pager["prev_url"],
        notes=response.notes,
        suggestions=response.suggestions,
        correction=correction_link(response, args, "api.search_api", external=True),
        relaxed=response.relaxed,
        match=response.match,
        histogram=response.histogram,
        seconds=round(response.seconds, 4),
    )
    return jsonify(data)


@bp.get("/doc/<doc_id>")
def document_api(doc_id: str):
    """A statement as plain data (`Document.to_dict()`), without the server's folder path."""
    doc = get_catalog().document(clean(doc_id))
    if doc is None:
        abort(404, description="Ce document n'existe pas dans l'index.")
    data = doc.to_dict()
    data.pop("root", None)
    return jsonify(data)
