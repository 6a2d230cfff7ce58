"""A document's head: its kind (stated, from its title, a heading or its shape) and, for a
release without one, the title its first lines carry."""

from __future__ import annotations

import re

from indexer.document import Document
from indexer.extract.datelines import dateline
from indexer.extract.inferred import infer
from indexer.extract.kinds import (
    kind_from_heading,
    kind_from_title,
    normalise_kind,
    run_on_heading,
)
from indexer.extract.names import looks_like_body
from indexer.extract.signatories import signatories
from indexer.extract.titles import TitleInfo


def fill_kind(doc: Document, info: TitleInfo, text: str) -> None:
    """Set the document's kind: a stated one normalised; else the source's category (an
    « article » signed or titled as a tribune is one), the subtitle's, the title's, a
    heading's or the text's shape, listed as inferred unless the source's category or a
    subtitle states it."""
    if doc.kind:
        doc.kind = normalise_kind(doc.kind) or doc.kind.strip().lower()
        return
    for key in ("category", "type", "genre"):
        if kind := normalise_kind(str(doc.meta.get(key) or "")):
            if kind == "article" and (info.kind == "tribune" or signatories(text, True)):
                # a blog's « article » category over « Tribune de soutien à … », signed
                doc.kind = "tribune"
                infer(doc, "kind")
                return
            doc.kind = kind  # the source's own category: stated, not inferred
            return
    subtitle = str(doc.meta.get("subtitle") or "")
    stated = kind_from_heading(subtitle, 1) or kind_from_title(subtitle) if subtitle else None
    inferred = info.kind or kind_from_title(subtitle) if not stated else None
    kind = stated or inferred or kind_from_heading(text) or _kind_from_shape(doc, text)
    if kind:
        doc.kind = kind
        if not stated:
            infer(doc, "kind")


def _kind_from_shape(doc: Document, text: str) -> str | None:
    """Return the kind of a text that names none: a signed op-ed is a tribune, a text whose
    head holds a dateline (« Montclair, le 4 novembre 2021 ») a release, a web post an
    article."""
    if signatories(text, True):
        return "tribune"
    # the dateline may follow a headline or a lead paragraph (« La FRV s'oppose au projet … »
    # then « Montclair, le 5 septembre 2023 »): a line of its own among the first three
    for line in re.findall(r"[^\n]+", text[:1200])[:3]:
        if len(line) <= 80 and dateline(line)[0]:
            return "communiqué"
    if doc.format in ("md", "html") and doc.title:
        return "article"
    return None


_RELEASE_KINDS = ("communiqué", "dossier de presse", "tribune")
_NOT_TITLES = re.compile(r"^(?:version pdf|contacts?\b|pour diffusion|embargo\b|\W*$)", re.I)
_TRAILING_DATELINE = re.compile(
    r"\s+[A-ZÀ-Þ][\w’'-]+(?:[ -][\w’'-]+){0,3},\s*(?:le\s+)?\d{1,2}(?:er)?\s+\w+\s+\d{4}\s*$"
)


def fill_title(doc: Document, text: str) -> None:
    """Give a release without a title the headline its first lines carry: « COMMUNIQUE DE
    PRESSE », a letterhead, the headline, the dateline, the lead."""
    if doc.title or doc.kind not in _RELEASE_KINDS:
        return
    lead = lead_start(text)
    announced = False  # a kind heading or a dateline vouches that this is a release's head
    headline = None
    # lines named like an organisation before the dateline: the first is the letterhead, a
    # second the headline when no other line is one (« Présidence du Luxembourg au Conseil
    # de l'Union Européenne » under « Comité de soutien à Antoine Deltour »)
    bodies: list[str] = []
    dated = False
    for paragraph in re.finditer(r"[^\n]+", text[:lead] if lead else text[:600]):
        line = paragraph.group().strip()
        if run_on := run_on_heading(line):
            # a scan's one line: « COMMUNIQUÉ DE PRESSE <headline> Montclair, le 3 février
            # 2022 »: the headline lies between the label and the dateline
            announced = True
            line = _TRAILING_DATELINE.sub("", line[run_on:])
        elif (stamped := any(dateline(line)[:2])) or kind_from_heading(line, 1):
            announced = True
            dated = dated or stamped
            continue
        if _NOT_TITLES.match(line):
            continue  # « Version PDF », « Contact presse »
        fits = 10 <= len(line) <= 200 and not line.endswith((":", ","))
        if looks_like_body(line) and len(line) <= 80:
            if fits and not dated:  # a letterhead (« Comité de soutien à Antoine Deltour »)
                bodies.append(line)
            continue
        if headline is None and fits:
            headline = line
    headline = headline or (bodies[1] if len(bodies) > 1 else None)
    if headline and announced:
        doc.title = headline
        infer(doc, "title")


def lead_start(text: str) -> int:
    """Return where the lead paragraph of a release starts: after its headings, title and
    dateline (the first paragraph of 120 characters or more)."""
    for paragraph in re.finditer(r"[^\n]+", text[:3000]):
        if len(paragraph.group()) >= 120:
            return paragraph.start()
    return 0
