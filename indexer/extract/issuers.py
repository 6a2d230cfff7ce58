"""The organisation issuing a release or a post: the title's body, the front matter's
author, a « Contact presse » block's, a letterhead's, a signature's, the lead's subject, or
the body the text keeps naming."""

from __future__ import annotations

import re

from indexer.document import Document
from indexer.extract.heads import lead_start
from indexer.extract.names import Aliases, looks_like_body
from indexer.extract.titles import TitleInfo


def find_issuer(
    doc: Document, info: TitleInfo, text: str, mentions: list, aliases: Aliases | None = None
) -> str | None:
    """Return the organisation issuing a release or a post: the title's, the front matter's
    author (completed from the text), the body of a « Contact presse » block, a letterhead,
    or the body heading the lead (« La Fédération des Rivières Vivantes (FRV) apporte… »)."""
    if info.bodies:
        return info.bodies[0]
    # the front matter's author, else the publisher a page's description names (« Site
    # officiel du comité de soutien à Antoine Deltour »)
    author = str(doc.meta.get("author") or doc.meta.get("publisher") or "").strip()
    if author and looks_like_body(author):
        return _complete(author, text, mentions, longer=True)
    bodies = [m for m in mentions if m.body]
    if not bodies:
        return _acronym_issuer(doc, text, aliases) if aliases is not None else None
    for contact in _CONTACT.finditer(text):
        for body in bodies:
            if contact.end() <= body.start <= contact.end() + 300:
                return body.name
    head = text[:1500]
    for paragraph in re.finditer(r"[^\n]+", head):
        for body in bodies:
            if body.start == paragraph.start() and (
                body.end >= paragraph.end() - 1 or paragraph.start() == 0
            ):
                # a letterhead: the body's name alone on its line, or opening the text
                return _complete(body.name, text, mentions)
    # a signature or an address block: a body opening one of the last paragraphs
    tail = [p.start() for p in re.finditer(r"[^\n]+", text)][-5:]
    for body in bodies:
        if body.start in tail:
            return _complete(body.name, text, mentions)
    lead = lead_start(text)
    for body in bodies:
        if lead <= body.start < lead + 400 and body.subject:
            return _complete(body.name, text, mentions)
    if doc.kind not in ("communiqué", "dossier de presse", "article"):
        return None
    # the body the release (or the site's news post) keeps naming, by its name or its
    # acronym: « la Fédération des Rivières Vivantes (FRV) … la FRV … »
    counts: dict[str, int] = {}
    acronyms: set[str] = set()
    for body in bodies:
        counts[body.name] = counts.get(body.name, 0) + 1
        acronym = re.match(r"\s*\(([A-Z]{2,8})\)", text[body.end : body.end + 12])
        if acronym and acronym.group(1) not in acronyms:
            acronyms.add(acronym.group(1))
            counts[body.name] += len(re.findall(rf"\b{acronym.group(1)}\b", text)) - 1
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= 3 else None


def _acronym_issuer(doc: Document, text: str, aliases: Aliases) -> str | None:
    """A release or press kit that names its organisation only by its acronym (« le programme
    de la FRV », « La FRV propose … »): the body the aliases file spells it for, when the
    text uses the acronym three times or more."""
    if doc.kind not in ("communiqué", "dossier de presse"):
        return None
    counts: dict[str, int] = {}
    for acronym in set(re.findall(r"\b[A-Z]{2,8}\b", text)):
        canonical = aliases.canonical(acronym)
        if canonical != acronym and looks_like_body(canonical):
            counts[canonical] = counts.get(canonical, 0) + len(re.findall(rf"\b{acronym}\b", text))
    best = max(counts, key=counts.__getitem__, default=None)
    return best if best is not None and counts[best] >= 3 else None


# « Contact presse », « Contacts presse : », « Contact médias »
_CONTACT = re.compile(r"(?im)^[ \t]*contacts?[ \t]+(?:presse|médias?)\b[ \t]*:?[ \t]*")


def _complete(author: str, text: str, mentions: list, longer: bool = False) -> str:
    """The front matter may cut the name short (« Comité de soutien à Antoine »): the text's
    `longer` form wins, or the full name of the person it ends with."""
    found = re.search(re.escape(author) + r"(?:[ \t]+[A-ZÀ-Þ][\w'’-]+){1,3}", text)
    if longer and found:
        return found.group()
    last = author.split()[-1]
    full = {m.name for m in mentions if m.name and not m.body and m.name.split()[0] == last}
    if last[:1].isupper() and len(full) == 1:
        return f"{author[: -len(last)]}{full.pop()}"
    return author
