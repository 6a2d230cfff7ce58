"""Metadata extraction: what a document says about itself (date, place, kind, speakers,
themes, quotations), inferred from its text when the source does not state it.

Rules every step follows:

* what the source states (`doc.date`, `doc.kind`, `doc.place`, `doc.speakers`, tags) wins:
  it is normalised (a kind label, a name's case, an accent) but never replaced;
* a field filled by inference is listed in `doc.inferred`;
* it is fast: this runs on every debate turn, so regexes are compiled once, the aliases and
  the thesaurus are loaded once per file version, and nothing is quadratic in the text.

Who is a speaker, as a journalist would cite it:

* interviews: the interviewee(s), never the journalist asking (kept in
  `meta["interviewers"]`);
* speeches, declarations, press conferences: the people the title or metadata names;
* Conseil des ministres items: the Secrétariat général du Gouvernement, which issues the
  compte rendu (plus any minister named in the text as presenting it);
* communiqués: the issuing body (the front matter's author, completed from the text:
  « Comité de soutien à Antoine » → « Comité de soutien à Antoine Deltour ») and the people
  the release quotes, plus the organisations and people a joint release's « Signataires »
  list names; news articles: the people they quote, not their author;
* tribunes and open letters signed by many: their signatories (`signatories.py`),
  organisations as written and people with their functions, not the people they quote.

The steps, in the order `enrich_document` runs them, each in a module of its own:
`heads` (kind, a release's title), `datelines` (date and place), `speakers` (speakers and
quotations, with `issuers` for the organisation issuing a release), then the themes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from indexer.document import Document
from indexer.extract.datelines import fill_date_and_place
from indexer.extract.heads import fill_kind, fill_title
from indexer.extract.inferred import infer
from indexer.extract.names import Aliases, load_aliases, looks_like_body
from indexer.extract.people import is_person_name
from indexer.extract.quotes import extract_quotes
from indexer.extract.roles import ROLES, RoleBook
from indexer.extract.speakers import SGG, SPEECH_KINDS, fill_speakers
from indexer.extract.themes import Thesaurus, canonical_themes, load_thesaurus
from indexer.extract.titles import TitleInfo, parse_title

# SGG, extract_quotes and ROLES stay importable from the package, as before the split
__all__ = ["SGG", "ROLES", "enrich_document", "extract_quotes"]


def enrich_document(
    doc: Document,
    *,
    aliases: Aliases | None = None,
    thesaurus: Thesaurus | None = None,
    roles: RoleBook | None = None,
) -> Document:
    """Return the document with inferable fields filled in, source-stated fields kept.

    >>> doc = Document("x", "2016-06-29-pr-verdict.html.md", "md",
    ...     "Communiqué de Presse\\n\\nLuxembourg, le 29 juin 2016\\n\\n"
    ...     "Antoine Deltour a déclaré : « Je ferai appel de ce jugement. »")
    >>> doc = enrich_document(doc, aliases=Aliases(), thesaurus=Thesaurus())
    >>> doc.kind, doc.date, doc.place, [s.name for s in doc.speakers]
    ('communiqué', '2016-06-29', 'Luxembourg', ['Antoine Deltour'])
    >>> [(q.speaker, q.cue) for q in doc.quotes], doc.inferred
    ([('Antoine Deltour', 'a déclaré')], ['kind', 'title', 'place', 'date', 'quotes', 'speakers'])
    """
    aliases = load_aliases() if aliases is None else aliases
    thesaurus = load_thesaurus() if thesaurus is None else thesaurus
    text = doc.text or ""
    info = _title_info(doc.title) if doc.title else _opening_title(doc, text)
    subtitle = str(doc.meta.get("subtitle") or "")
    if subtitle and not info.speakers and not info.bodies:
        # « « Agriculteurs et rivières ont le même avenir » », subtitled « Tribune de Malik
        # Benhaddou, directeur général de … »: the subtitle names who speaks
        sub = _title_info(subtitle)
        if sub.speakers or sub.bodies:
            info = replace(sub, kind=info.kind or sub.kind, date=info.date or sub.date)
    fill_kind(doc, info, text)
    info = _author_speaks(doc, info)
    fill_title(doc, text)
    fill_date_and_place(doc, info, text)
    fill_speakers(doc, info, text, aliases, ROLES if roles is None else roles)
    fill_themes(doc, text, thesaurus)
    return doc


def _opening_title(doc: Document, text: str) -> TitleInfo:
    """A text without a title that opens with an official-style one (a scan: « Déclaration de
    Sophie Lemaire-Dufour », then its dateline) has that title: its kind and its speaker."""
    opening = re.match(r"\s*([^\n]{10,200})\n", text)
    if opening is None:
        return TitleInfo()
    info = _title_info(opening.group(1).strip())
    if info.kind is None or not (info.speakers or info.bodies):
        return TitleInfo()
    doc.title = opening.group(1).strip()
    infer(doc, "title")
    return info


def _author_speaks(doc: Document, info: TitleInfo) -> TitleInfo:
    """A speech, an op-ed or a letter whose title names nobody is its front matter's author
    (« Discours aux Assises de la Vère », author: Claire Aubertin), when a person."""
    if info.speakers or info.bodies or doc.speakers:
        return info
    if doc.kind not in SPEECH_KINDS | {"tribune", None}:
        return info
    author = " ".join(str(doc.meta.get("author") or "").split())
    if not author or looks_like_body(author) or not is_person_name(author):
        return info
    return replace(info, speakers=[(author, None)])


@lru_cache(maxsize=4096)
def _title_info(title: str) -> TitleInfo:
    return parse_title(title)


def fill_themes(doc: Document, text: str, thesaurus: Thesaurus) -> None:
    """Keep the stated themes, in their canonical form; else infer them from the text and
    title with the thesaurus."""
    if doc.themes:
        doc.themes = canonical_themes(doc.themes, text[:20000])
        return
    if len(thesaurus) and text:
        found = thesaurus.themes(text, doc.title)
        if found:
            doc.themes = found
            infer(doc, "themes")
