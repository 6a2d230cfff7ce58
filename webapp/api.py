"""The JSON API: the search contract of `verbatim search --json`, documents, and verifying
quotations (the contract of `verbatim verify --json`)."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify, redirect, request, url_for

from indexer.engine import turns_around
from indexer.verify import MAX_QUOTE_CHARS, verify, verify_many
from webapp.catalog import get_catalog, moved_to
from webapp.facets import facet_more, facet_values
from webapp.params import clean, parse_search_args
from webapp.results import correction_link, hit_url, pagination, run_search
from webapp.verifier import MAX_QUOTES, unchecked_note

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/search")
def search_api():
    """`response.to_json()` for the same URL arguments as the search page, plus each facet
    value's {label, selected, toggle_url}, pagination, notes, suggestions, histogram, and the
    `correction` of a name typed wrong (null, or the query searched instead, with
    `as_typed_url` for the search as typed: `tel_quel=1`).

    Each facet holds its `facet_size` values with most records (30 by default; a number up
    to 1,000, or `max`), then the selected values past them; `facets_truncated` says which
    facets have more, and `facets_all_urls` gives for each of those the URL of the same
    search with all its values (`facet_all=speaker`, up to 1,000).

    Arguments that cannot be understood give a 400 with the list of problems.
    """
    args = parse_search_args(request.args)
    if args.problems:
        abort(400, description=" ".join(args.problems))
    response = run_search(get_catalog(), args)
    data = response.to_json()
    data["facets"] = facet_values(response, args, "api.search_api", external=True)
    data["facets_all_urls"] = {
        facet: more["all_url"]
        for facet, more in facet_more(response, args, "api.search_api", external=True).items()}
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
    if doc is None and (now := moved_to(clean(doc_id))) is not None:  # its file moved since
        return redirect(url_for("api.document_api", doc_id=now))
    if doc is None:
        abort(404, description="Ce document n'existe pas dans l'index.")
    data = doc.to_dict()
    data.pop("root", None)
    # a debate's turn: where it stands in its sitting, the turns before and after it
    data["turns"] = turns_around(get_catalog(), doc)
    return jsonify(data)


@bp.get("/verify")
def verify_get():
    """The verdict on one quotation, `?q=QUOTE`: the contract of `verbatim verify --json`."""
    quotes = request.args.getlist("q")
    if len(quotes) != 1 or not quotes[0].strip():
        abort(400, description="Donnez une citation à vérifier : /api/verify?q=CITATION "
                               "(pour plusieurs, POST {\"quotes\": [...]}).")
    return jsonify(verify(get_catalog(), _one_line(quotes[0]), request.url_root))


@bp.post("/verify")
def verify_post():
    """The verdicts on a JSON body {"quotes": [...]}: {"results": [...], "complete", "notes"},
    in the same order. Past the request's time budget the results hold the first quotations
    only (at least one), `complete` is false and a note says to send the others again."""
    data = request.get_json(silent=True)
    quotes = data.get("quotes") if isinstance(data, dict) else None
    if not isinstance(quotes, list) or not quotes:
        abort(400, description="Corps attendu : un objet JSON {\"quotes\": [\"citation\", …]} "
                               "avec au moins une citation.")
    if len(quotes) > MAX_QUOTES:
        abort(400, description=f"{len(quotes)} citations reçues : {MAX_QUOTES} au plus par "
                               "requête. Envoyez-les en plusieurs fois.")
    wrong = [i for i, quote in enumerate(quotes) if not isinstance(quote, str)]
    if wrong:
        abort(400, description=f"Chaque citation doit être un texte ; ce n'est pas le cas de "
                               f"la citation n° {wrong[0] + 1}.")
    results = verify_many(get_catalog(), [_one_line(q) for q in quotes], request.url_root)
    complete = len(results) == len(quotes)
    notes = [] if complete else [unchecked_note(len(results), len(quotes))]
    return jsonify({"results": results, "complete": complete, "notes": notes})


def _one_line(quote: str) -> str:
    """Return a quotation on one line, without control characters nor lone surrogates (JSON
    may carry "\\ud800", which no response can encode), cut just past the length that `verify`
    reads, which then notes the cut."""
    text = quote.encode("utf-8", "replace").decode("utf-8")
    return clean(text, MAX_QUOTE_CHARS + 1)
