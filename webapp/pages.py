"""The HTML pages: search, document (with a pasted passage marked), original file (see
`webapp.originals`) and speaker."""

from __future__ import annotations

import re
from dataclasses import replace
from io import BytesIO

from flask import Blueprint, abort, redirect, render_template, request, send_file, url_for

from indexer import profiles
from indexer.budget import NotReady
from indexer.engine import bearers, facet_key, listed_name, turns_around
from indexer.profiles import canonical_speaker, named_after, named_speakers, speaker_profile
from indexer.readers.mail import attached_file
from indexer.readers.rows import find_row
from indexer.similar import similar_documents
from webapp.catalog import get_catalog, moved_to, original_file
from webapp.docview import (
    FORMAT_NAMES,
    alternates,
    citations,
    document_citation,
    parse_passage,
    passage_citation,
    render_paragraphs,
    search_terms,
)
from webapp.facets import (
    bar_chart,
    chips,
    facet_more,
    facet_panels,
    facet_values,
    histogram_bars,
)
from webapp.formatting import NBSP, french_number, plural
from webapp.originals import (
    FILE_TYPES,
    downloaded,
    file_response,
    file_size,
    is_row,
    misnamed,
    record_place,
    row_response,
)
from webapp.params import MAX_QUERY_CHARS, SearchArgs, clean, parse_search_args
from webapp.results import (
    correction_link,
    hit_linker,
    named_words,
    pagination,
    run_search,
    suggestion_links,
)

bp = Blueprint("pages", __name__)

MAX_ID_CHARS = 200


@bp.get("/")
def search():
    """The search page: query, facets, chips, histogram, results, pagination."""
    args = parse_search_args(request.args)
    response = run_search(get_catalog(), args)
    values = facet_values(response, args)
    return render_template(
        "search.html",
        args=args,
        response=response,
        panels=facet_panels(values, facet_more(response, args)),
        chips=chips(args, response.request.labels),
        clear_url=args.cleared().url(),
        histogram=histogram_bars(response, args),
        pager=pagination(args, response.total),
        suggestions=suggestion_links(response, args),
        correction=correction_link(response, args),
        named=named_words(get_catalog(), args, response),
        hit_link=hit_linker(args.q),  # a link a hit, built for the page's query once
        feed_url=args.url("exports.atom_feed", page=1),
        csv_url=args.url("exports.csv_export", page=1),
        json_url=args.url("api.search_api", page=args.page),
    )


def _document_or_404(doc_id: str):
    doc = get_catalog().document(clean(doc_id, MAX_ID_CHARS))
    if doc is None:
        abort(404, description="Ce document n'existe pas dans l'index.")
    return doc


# A quotation's own id (« 98ef73f3756bee25-q17 »: the quotations' CSV and API give it)
_QUOTE_ID = re.compile(r"(?P<doc>.+)-q(?P<index>\d{1,6})")


@bp.get("/doc/<doc_id>")
def document(doc_id: str):
    """A statement in full: metadata, text with quotations and searched words marked."""
    quoted = _QUOTE_ID.fullmatch(doc_id)
    doc = get_catalog().document(clean(doc_id, MAX_ID_CHARS))
    if doc is None and (now := moved_to(clean(doc_id, MAX_ID_CHARS))) is not None:
        # its file moved since (a folder reorganised): the statement where it is now
        return redirect(url_for("pages.document", doc_id=now, q=request.args.get("q") or None,
                                passage=request.args.get("passage") or None))
    if quoted and doc is None:
        # a quotation's id pasted as a document's: its statement, at the quotation
        doc = get_catalog().document(moved_to(quoted["doc"]) or quoted["doc"])
        index = int(quoted["index"])
        if doc is not None and index < len(doc.quotes):
            words = clean(request.args.get("q", ""), MAX_QUERY_CHARS)
            return redirect(url_for("pages.document", doc_id=doc.id, q=words or None,
                                    _anchor=f"q{doc.quotes[index].start}"))
        doc = None
    doc = doc or _document_or_404(doc_id)
    q = clean(request.args.get("q", ""), MAX_QUERY_CHARS)
    raw_passage = clean(request.args.get("passage", ""), 40)
    passage = parse_passage(raw_passage, doc.text) if raw_passage else None
    notes = [f"Le passage demandé ({raw_passage}) n'est pas dans ce texte : le document "
             "est montré en entier."] if raw_passage and passage is None else []
    permalink = url_for("pages.document", doc_id=doc.id, _external=True)
    try:
        file = _file_links(doc)
    except NotReady as exc:  # the manifest being read: the page without the file's link
        file, notes = None, [*notes, str(exc)]
    return render_template(
        "document.html",
        doc=doc,
        q=q,
        notes=notes,
        passage=passage,
        back_url=SearchArgs(q=q).url() if q else url_for("pages.search"),
        paragraphs=render_paragraphs(doc, search_terms(q), passage, notes),
        citations=citations(doc, permalink),
        reference=document_citation(doc, permalink),
        cited=passage_citation(doc, passage, permalink) if passage else None,
        permalink=permalink,
        similar=similar_documents(get_catalog(), doc.id),
        turns=turns_around(get_catalog(), doc),
        alternates=alternates(doc),
        file=file,
    )


@bp.get("/file/<doc_id>")
def original(doc_id: str):
    """The file a statement was read from, shown inline when it is safe to; a statement of
    one row of a CSV or JSON Lines file: that row (`?format=csv`: as a CSV; `?whole=1`: the
    whole file). See `webapp.originals`. A statement whose file moved since is redirected,
    as its page is (`moved_to`)."""
    doc = get_catalog().document(clean(doc_id, MAX_ID_CHARS))
    if doc is None and (now := moved_to(clean(doc_id, MAX_ID_CHARS))) is not None:
        return redirect(url_for("pages.original", doc_id=now, **request.args))
    doc = doc or _document_or_404(doc_id)
    alt = request.args.get("alt")
    attachment = None
    if alt:  # another file of the same statement, served under the same checks
        found = [a for a in doc.alternates if a.get("id") == alt]
        if not found:
            abort(404, description="Ce format n'est pas connu pour cette déclaration.")
        doc = replace(doc, source=found[0]["source"])
        attachment = found[0].get("attachment")
    path = original_file(doc)
    if path is None:
        abort(404, description="Le fichier d'origine n'est pas disponible.")
    if attachment:  # a message's attached file: that file, not the whole message
        return _attached(path, doc, attachment)
    if alt or not is_row(doc) or request.args.get("whole"):
        return file_response(path, doc.format)
    row = find_row(path, doc.record or "", doc.meta)
    if row is None:
        abort(404, description="Cet enregistrement n'est plus là où l'index le situe : le "
                               "fichier a changé depuis qu'il a été indexé (relancez « verbatim "
                               "index »).")
    return row_response(doc, row, as_csv=request.args.get("format") == "csv")


def _attached(path, doc, name: str):
    """The attachment `name` of the message the statement `doc` was read from, as a download
    (its type by its name); a 404 saying so when the message no longer holds it."""
    place = doc.meta.get("message")  # in a mailbox (`indexer.readers.mail.read_mbox`)
    found = attached_file(path, doc.record, name, place if type(place) is int else None)
    if found is None:
        abort(404, description=f"La pièce jointe « {name} » n'est plus dans le message : "
                               "relancez « verbatim index ».")
    mimetype = FILE_TYPES.get("." + name.rpartition(".")[2].lower(), "application/octet-stream")
    return send_file(BytesIO(found.data), mimetype=mimetype, download_name=name,
                     as_attachment=True, max_age=0)


def _file_links(doc) -> dict | None:
    """What the document page says of its original file: None when it cannot be served;
    else where the record is in it (a batch file's row) and whether the whole file is a
    download, with its size."""
    path = original_file(doc)
    if path is None:
        return None
    mimetype = FILE_TYPES.get(path.suffix.lower(), "application/octet-stream")
    wrong = misnamed(path, doc.format)
    return {"row": is_row(doc), "place": record_place(doc),
            "download": wrong or downloaded(path, mimetype),
            "size": file_size(path.stat().st_size),
            # a Word release named « CP.pdf »: read by its content, and said so
            "misnamed": (f"Ce fichier porte l'extension « {path.suffix} » mais contient un "
                         f"document {FORMAT_NAMES.get(doc.format, doc.format)} : il a été lu "
                         f"comme tel ; renommez-le « {path.stem}.{doc.format} ».")
            if wrong else None}


@bp.get("/favicon.ico")
def favicon():
    """The icon, for what asks for it where no page names it (a browser showing a text file)."""
    return redirect(url_for("static", filename="favicon.svg"), code=301)


def named_bearers(named: list[str]) -> str:
    """Say who bears a name several speakers bear, as the page's sentence begins: people,
    organisations (« /speaker/Soutien »: two committees), or both (`indexer.engine.bearers`).

    >>> named_bearers(["Comité de soutien à Antoine Deltour", "Groupe de Minsk de l'OSCE"])
    'Plusieurs organisations'
    """
    return "Plusieurs " + bearers(named).split(" ", 1)[1]


@bp.get("/speaker/<path:name>")
def speaker(name: str):
    """A speaker's page: functions, counts, timeline, latest statements and quotes, themes."""
    catalog = get_catalog()
    wanted = clean(name)
    canonical = canonical_speaker(catalog, wanted) if wanted else None
    if canonical is None:
        # a surname or a name with its civility (« /speaker/Macron », « M. Jean Castex »),
        # as `speaker:` reads it: the one person it names, or the choice between several
        named = named_speakers(catalog, wanted) if wanted else []
        if len(named) == 1:
            return redirect(url_for("pages.speaker", name=named[0]))
        if named:
            # the organisations named after one of them are no namesake: offered apart
            labels = catalog.speaker_labels().labels
            apart = sorted({other for person in named
                            for other in named_after(labels, facet_key(person))})
            return render_template("speakers_named.html", name=wanted, named=named,
                                   bearers=named_bearers(named), apart=apart,
                                   search_url=SearchArgs(speaker=named).url())
        # a variant the press office's aliases file lists (« FRV », « S. Lemaire-Dufour »)
        listed = listed_name(catalog.speaker_labels().labels, wanted) if wanted else None
        if listed:
            return redirect(url_for("pages.speaker", name=listed))
        abort(404, description="Personne de ce nom n'est cité dans l'index.")
    if canonical != name:
        return redirect(url_for("pages.speaker", name=canonical))
    profile = speaker_profile(catalog, canonical)
    if profile is None:
        abort(404, description="Personne de ce nom n'est cité dans l'index.")
    base = SearchArgs(speaker=[canonical], sort="-date")
    points = [
        {"period": t["year"], "count": t["statements"] + t["quotes"],
         "url": base.url(year=[t["year"]]) if t["statements"] else None,
         "title": f"{t['year']}{NBSP}: {plural(t['statements'], 'déclaration')}, "
                  f"{plural(t['quotes'], 'citation')}"}
        for t in profile["timeline"]
    ]
    # the functions are read from the latest statements only: past them, say so, as the
    # dates would otherwise seem to be those of the first and last statements in a function
    scanned = profiles.FUNCTION_SCAN
    functions_note = (f"D'après ses {plural(scanned, 'déclaration')} les plus récentes, sur "
                      f"{french_number(profile['statements'])}{NBSP}: une fonction plus "
                      "ancienne peut manquer, une autre avoir commencé plus tôt."
                      if profile["statements"] > scanned else None)
    return render_template(
        "speaker.html",
        profile=profile,
        functions_note=functions_note,
        timeline=bar_chart(points),
        all_url=base.url(),
        quotes_url=base.url(quotes=True),
        theme_url=lambda theme: base.url(theme=[theme]),
        hit_link=hit_linker(),
    )
