"""Running a search for a page: out-of-range pages, notes, pagination and hit links."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from flask import g, url_for

from indexer.intent import pasted_claim
from indexer.search import MAX_RESULTS, Catalog, SearchResponse, last_page, search
from indexer.verify import verify
from webapp.formatting import french_number
from webapp.params import SearchArgs


def run_search(catalog: Catalog, args: SearchArgs) -> SearchResponse:
    """Search, showing the last page when the one asked for lies past the results.

    The response's notes start with what the URL parsing had to ignore.
    """
    response = search(catalog, args.to_request())
    notes = [*args.problems, *response.notes]
    correction = response.correction
    if correction:
        # the page now shows the corrected search: its links (pages, facets) keep it
        args.q = correction["query"]
    last = last_page(response.total, args.per_page, MAX_RESULTS)
    if response.total and args.page > last:
        args.page = last
        response = search(catalog, args.to_request())
        notes.append("Cette page de résultats n'existe pas : voici la dernière.")
    args.page = response.request.page
    if response.total > MAX_RESULTS and args.page == last:
        # the pages stop at MAX_RESULTS whatever the total: say so where they stop
        notes.append(f"Seuls les {french_number(MAX_RESULTS)} premiers résultats se consultent "
                     "page à page : affinez la recherche (orateur, période…) ou changez le tri "
                     "pour voir les autres.")
    response.notes = notes
    response.correction = correction
    return response


def named_words(catalog: Catalog, args: SearchArgs, response: SearchResponse
                ) -> dict[str, Any] | None:
    """Return `verbatim verify`'s verdict (and `named`: who it was pasted with) on a
    quotation pasted in the search box with who said it, when it shows that person's nearest
    words while someone else's are closer (its `closer`): the hits rank the closest passages
    first, someone else's, and the page shows the person's own beside them, as /verifier
    does. « selon Gérald Darmanin, la France est en guerre contre l'islamisme » lists a
    deputy's « la France est en guerre et nous » first; Darmanin's « la guerre contre
    l'islamisme » is his. None otherwise: only the first page of a search by relevance over
    every record (no filter, not the quotations alone), whose first passage is not word for
    word, asks."""
    if args.quotes or args.page != 1 or args.sort != "relevance" or args.filtered \
            or not args.q:
        return None
    first = next((hit["passage"] for hit in response.hits if hit.get("passage")), None)
    if first is None or first.get("verdict") == "exact":
        return None
    claim = pasted_claim(args.q)
    if claim is None or not claim[0]:
        return None
    verdict = verify(catalog, args.q)
    return {**verdict, "named": claim[0]} if verdict.get("closer") else None


def pagination(args: SearchArgs, total: int, endpoint: str = "pages.search",
               external: bool = False) -> dict[str, Any]:
    """Return {current, last, prev_url, next_url, pages: [{number, url, current} or None]}
    where None stands for an ellipsis between distant page numbers."""
    last = last_page(total, args.per_page, MAX_RESULTS)
    current = min(args.page, last)
    wanted = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    pages: list[dict[str, Any] | None] = []
    for i, number in enumerate(wanted):
        if i and number - wanted[i - 1] > 1:
            pages.append(None)
        pages.append({"number": number, "current": number == current,
                      "url": args.url(endpoint, external=external, page=number)})
    return {
        "current": current,
        "last": last,
        "prev_url": args.url(endpoint, external=external, page=current - 1)
        if current > 1 else None,
        "next_url": args.url(endpoint, external=external, page=current + 1)
        if current < last else None,
        "pages": pages,
    }


def hit_url(hit: dict[str, Any], q: str = "", external: bool = False) -> str:
    """Return the link of a hit: its document, or the quotation's place in its document;
    for a hit holding a typed passage, the document with that passage marked."""
    return hit_linker(q, external)(hit)


def hit_linker(q: str = "", external: bool = False) -> Callable[[dict[str, Any]], str]:
    """Return `hit_url(·, q, external)` for the hits of one request: the document URL is
    built once, then filled with each id (an export of 1,000 results called url_for 1,000
    times, then looked its URL up 1,000 times in the request's `g`)."""
    templates = g.setdefault("document_urls", {})
    key = (q, external)
    if key not in templates:
        templates[key] = url_for("pages.document", doc_id=_ID_MARK, q=q or None,
                                 _external=external)
    template = templates[key]
    plain_id = _PLAIN_ID.fullmatch

    def document_url(doc_id: str) -> str:
        if plain_id(doc_id):
            return template.replace(_ID_MARK, doc_id, 1)
        return url_for("pages.document", doc_id=doc_id, q=q or None, _external=external)

    def link(hit: dict[str, Any]) -> str:
        passage = hit.get("passage")
        if passage:
            # a quotation's passage is counted from the quotation's start in its document
            offset = (hit.get("position") or 0) if hit.get("document_id") else 0
            base = url_for("pages.document", doc_id=hit.get("document_id") or hit["id"],
                           q=q or None, passage=f"{offset + passage['start']}-"
                           f"{offset + passage['end']}", _external=external)
            return f"{base}#passage"
        parent = hit.get("document_id")
        if parent:
            return f"{document_url(parent)}#q{hit.get('position') or 0}"
        return document_url(hit["id"])

    return link


_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]+")
_ID_MARK = "0verbatimid0"


def correction_link(response: SearchResponse, args: SearchArgs, endpoint: str = "pages.search",
                    external: bool = False) -> dict[str, Any] | None:
    """Return the correction of a search with the URL of the search as typed, or None."""
    if not response.correction:
        return None
    typed = response.correction["typed"]
    return {**response.correction,
            "as_typed_url": args.url(endpoint, external=external, q=typed, as_typed=True)}


def suggestion_links(response: SearchResponse, args: SearchArgs) -> list[dict[str, str]]:
    """Return « Vouliez-vous dire » links: the query with the word replaced by the suggestion."""
    out = []
    for s in response.suggestions:
        pattern = re.compile(rf"(?<!\w){re.escape(s['word'])}(?!\w)")
        q = pattern.sub(lambda _m, s=s: s["suggestion"], args.q, count=1)
        if q != args.q:
            out.append({**s, "q": q, "url": args.url(q=q)})
    return out
