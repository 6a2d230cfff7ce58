"""A statement's full text as HTML paragraphs: searched words and quotations marked."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from indexer import budget
from indexer.document import Document, Quote, Speaker
from indexer.extract.names import looks_like_body, name_key
from indexer.query import parse_query, query_terms
from indexer.snippets import highlight_all
from indexer.verify import passage_speaker
from webapp.formatting import NBSP, capitalize, french_date

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_QUOTE_MARKS = ' \u00a0\u202f«»“”"'  # stripped before the citation adds its own « »
MARKING_CUT = ("Mots recherchés surlignés dans le début du texte seulement : le temps de "
               "réponse permis était épuisé.")


def search_terms(q: str) -> set[str]:
    """Return the analysed `text` terms of a query, for highlighting a full text."""
    if not q:
        return set()
    return {text for fieldname, text in query_terms(parse_query(q).query) if fieldname == "text"}


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def markable_quotes(doc: Document) -> list[Quote]:
    """Return the quotes whose offsets are sound and do not overlap an earlier one."""
    kept: list[Quote] = []
    end = -1
    for quote in sorted(doc.quotes, key=lambda q: (q.start, q.end)):
        if 0 <= quote.start < quote.end <= len(doc.text) and quote.start >= end:
            kept.append(quote)
            end = quote.end
    return kept


_PASSAGE = re.compile(r"(\d{1,9})-(\d{1,9})")


def parse_passage(raw: str, text: str) -> tuple[int, int] | None:
    """Return the span START-END of a `passage` URL argument, or None when it is not a
    span of words of `text`.

    >>> parse_passage("3-8", "Il a dit oui."), parse_passage("8-3", "Il a dit oui.")
    ((3, 8), None)
    """
    match = _PASSAGE.fullmatch(raw.strip())
    if not match:
        return None
    start, end = int(match.group(1)), int(match.group(2))
    if not 0 <= start < end <= len(text) or not text[start:end].strip():
        return None
    return start, end


def _marked_piece(text: str, start: int, end: int, terms: set[str],
                  passage: tuple[int, int] | None) -> str:
    """Return text[start:end] escaped with searched words marked, and the part inside the
    passage wrapped in <mark class="passage"> (id="passage" where the passage begins)."""
    if passage is None or passage[1] <= start or passage[0] >= end:
        return highlight_all(text[start:end], terms)
    a, b = max(start, passage[0]), min(end, passage[1])
    anchor = ' id="passage"' if a == passage[0] else ""
    return (highlight_all(text[start:a], terms) + f'<mark class="passage"{anchor}>'
            + highlight_all(text[a:b], terms) + "</mark>" + highlight_all(text[b:end], terms))


def render_paragraphs(doc: Document, terms: set[str],
                      passage: tuple[int, int] | None = None,
                      notes: list[str] | None = None) -> list[Markup]:
    """Return the text's paragraphs as safe HTML: every piece escaped by `highlight_all`,
    searched words in <mark>, each quotation in <mark class="quote" id="q<start>"> followed
    by a link to its attribution; quoted words that are not speech only get the anchor.
    The `passage` span (a pasted quotation found there) is in <mark class="passage">, the
    first piece with id="passage".

    Marking the searched words reads every word of the text (a long debate, a query of
    three hundred words: 1.3 s on a first reading of an 83,000-character sitting); past the
    request's deadline (`indexer.budget.request_deadline`) the rest of the text is shown
    unmarked and `MARKING_CUT` added to `notes`."""
    text = doc.text
    quotes = markable_quotes(doc)
    paragraphs = []
    deadline = budget.request_deadline()
    marked = [terms]

    def piece(start: int, end: int) -> str:
        if marked[0] and time.monotonic() > deadline:
            marked[0] = set()
            if notes is not None:
                notes.append(MARKING_CUT)
        return _marked_piece(text, start, end, marked[0], passage)

    for p_start, p_end in _paragraph_spans(text):
        pieces: list[str] = []
        pos = p_start
        for quote in quotes:
            if quote.end <= p_start or quote.start >= p_end:
                continue
            q_start, q_end = max(quote.start, p_start), min(quote.end, p_end)
            pieces.append(piece(pos, q_start))
            anchor = f' id="q{quote.start}"' if q_start == quote.start else ""
            inner = piece(q_start, q_end)
            if not quote.is_speech:  # a title or scare quotes: only an anchor, not a citation
                pieces.append(f'<span class="quoted"{anchor}>{inner}</span>')
                pos = q_end
                continue
            who = f' title="{escape(quote.speaker)}"' if quote.speaker else ""
            pieces.append(f'<mark class="quote"{anchor}{who}>{inner}</mark>')
            if q_end == quote.end and quote.speaker:
                pieces.append(f'<a class="attribution" href="#cite-q{quote.start}">'
                              f"— {escape(quote.speaker)}</a>")
            pos = q_end
        pieces.append(piece(pos, p_end))
        paragraphs.append(Markup("".join(pieces)))  # every piece was escaped above
    return paragraphs


@dataclass
class Citation:
    """A quotation (or the statement itself) ready to be cited: display parts and one line."""

    anchor: str  # id of the block
    target: str  # id of the place in the text, "" when not marked
    fallback: str  # id to give the block when the text has no mark (search links point there)
    quote: str | None
    speaker: str | None
    function: str | None
    text: str  # the line to copy


def _when_where(doc: Document) -> list[str]:
    return [x for x in (capitalize(doc.kind), french_date(doc.date), doc.place) if x]


def quote_citation(doc: Document, quote: Quote, permalink: str, marked: bool) -> Citation:
    """Return the citation line « quote » — speaker, function, kind, date. Source : …"""
    who = [x for x in (quote.speaker, quote.function) if x]
    parts = [*who, *_when_where(doc)]
    title = (doc.title or doc.source).rstrip(". ")
    source = f"Source{NBSP}: {title}, {permalink}#q{quote.start}"
    line = f"«{NBSP}{quote.text.strip(_QUOTE_MARKS)}{NBSP}»"
    line += f" — {', '.join(parts)}." if parts else "."
    return Citation(f"cite-q{quote.start}", f"q{quote.start}" if marked else "",
                    "" if marked else f"q{quote.start}", quote.text,
                    quote.speaker, quote.function, f"{line} {source}")


# Kinds an organisation issues, listing after itself the people it quotes (`indexer.extract.
# speakers`: the issuer first, then the people a report quotes).
ISSUED_REPORTS = {"communiqué", "article", "dossier de presse"}


def own_words_of(doc: Document) -> list[Speaker]:
    """Return who wrote a statement's words outside its quotations: in a release, a news post
    or a press kit issued by an organisation (its first speaker), the organisation and those
    of its other speakers it does not quote (the signatories of a joint declaration it
    publishes); else every speaker of the statement.

    The people a release quotes are its speakers too, for their quotations; its own
    sentences are the organisation's. « Cette décision incompréhensible et inacceptable
    ignore autant le droit européen … » is the luxleaks committee's, not Antoine Deltour's,
    whom the release quotes two paragraphs down.
    """
    first = doc.speakers[0] if doc.speakers else None
    if doc.kind not in ISSUED_REPORTS or first is None or not looks_like_body(first.name):
        return list(doc.speakers)
    quoted = {name_key(q.speaker) for q in doc.quotes if q.speaker}
    return [first, *(s for s in doc.speakers[1:] if name_key(s.name) not in quoted)]


def passage_citation(doc: Document, span: tuple[int, int], permalink: str) -> Citation:
    """Return the citation line of a passage of the text (the one a verdict or a search led
    to): « words » — who said them (`indexer.verify.passage_speaker`: a quotation's author,
    an interviewer asking, else who wrote the statement's own words: `own_words_of`), kind,
    date, place. Source : the link to the passage."""
    start, end = span
    quoted, asker, said_by = passage_speaker(doc, start, end)
    guests = " et ".join(s.name for s in doc.speakers if s.name)
    if asker is not None:  # the journalist's question: whom it was asked of says the context
        asking = asker["name"] or "question de l’intervieweur"
        if guests:
            asking += f", interrogeant {guests}" if asker["name"] else f" à {guests}"
        who = [asking]
    elif said_by:
        who = [", ".join(x for x in (said_by["name"], said_by["function"]) if x)]
    elif quoted is not None:
        who = ["auteur non identifié"]
    else:
        who = [", ".join(x for x in (s.name, s.function) if x) for s in own_words_of(doc)]
    parts = [*who, *_when_where(doc)]
    words = " ".join(doc.text[start:end].split()).strip(_QUOTE_MARKS)
    line = f"«{NBSP}{words}{NBSP}»" + (f" — {', '.join(parts)}." if parts else ".")
    link = f"{permalink}?passage={start}-{end}#passage"
    return Citation("cite-passage", "passage", "", words,
                    said_by["name"] if said_by else None,
                    said_by["function"] if said_by else None,
                    f"{line} Source{NBSP}: {link}")


def document_citation(doc: Document, permalink: str) -> Citation:
    """Return the reference line of a whole statement: title — speakers, kind, date. Source."""
    who = [", ".join(x for x in (s.name, s.function) if x) for s in doc.speakers]
    parts = [*who, *_when_where(doc)]
    line = f"«{NBSP}{doc.title or doc.source}{NBSP}»"
    line += f" — {' ; '.join(parts)}." if parts else "."
    return Citation("cite-document", "", "", None, None, None,
                    f"{line} Source{NBSP}: {permalink}")


def citations(doc: Document, permalink: str) -> list[Citation]:
    """Return a citation for each quotation of the document that is speech, in text order."""
    marked = {id(q) for q in markable_quotes(doc)}
    return [quote_citation(doc, q, permalink, id(q) in marked)
            for q in sorted(doc.quotes, key=lambda q: q.start) if q.is_speech]


FORMAT_NAMES = {"md": "Markdown", "html": "HTML", "pdf": "PDF", "docx": "Word", "txt": "texte",
                "csv": "CSV", "jsonl": "JSON Lines", "tei": "TEI", "odt": "OpenDocument",
                "rtf": "RTF", "doc": "Word 97-2003"}


def alternates(doc: Document) -> list[dict[str, Any]]:
    """Return the other files of the same statement as [{label, source, id}]; a message's
    attached file is named as an attachment of that message (« Word, pièce jointe « CP.docx » »),
    its link serving the attached file itself."""
    return [
        {"label": FORMAT_NAMES.get(a.get("format", ""), a.get("format") or "autre format")
         + (f", pièce jointe « {a['attachment']} »" if a.get("attachment") else ""),
         "source": a.get("source"), "id": a.get("id")}
        for a in doc.alternates
    ]
