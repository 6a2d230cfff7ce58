"""TEI debate transcripts (``.xml``): one record per speech turn ``<sp>``.

Built for the Assemblée nationale "mariage pour tous" files (TEI namespace
``http://www.tei-c.org/ns/1.0`` plus ``mpt`` = ``http://mpt.ethelred.fr/ns/0.0/``) and readable
for other TEI with ``<sp>`` turns. An XML file whose root is not TEI raises `Unreadable`.

Security: the parser never resolves entities, loads a DTD or touches the network; unresolved
entity references are dropped from the text, and libxml2's own amplification guard turns a
"billion laughs" file into `Unreadable`.

Per turn:

- text: the ``<p>`` paragraphs (inside ``<mpt:metadata>`` when present), empty ones dropped.
  Stage directions ``<mpt:interruption text="…"/>`` are kept inline in parentheses, as the
  Journal officiel prints them: ``(Applaudissements sur les bancs du groupe SRC.)``.
  Superscripts (``<w>n<hi rend="sup">os</hi></w>``) read ``nos``; the stray ``.`` that starts
  many chair turns (``. La séance est ouverte.``) is removed.
- title: ``<sitting title> — <speaker name>, <function>`` (`indexer.readers.turn_title`): a
  result list then says which sitting, who speaks and in which office without opening the
  turn, and the office typed (« la garde des Sceaux ») finds the minister's own turns.
- date: from the sibling ``metadata.csv`` (``"id","debat","lieu","seance","date"``, keyed by the
  file name without suffix), else the header's ``<date when=…>`` or its French text
  (``vendredi 1<sup>er</sup> février 2013``).
- key: ``sp-<ordinal>-<who>``, the ordinal counting every ``<sp>`` of the file from 1.
- meta: kind "débat", place (metadata.csv ``lieu``, else "Assemblée nationale" when the header's
  author says so), speakers ``[{"name", "function"}]`` from ``<speaker>``
  (``Christiane Taubira,<w>garde des Sceaux</w>, ministre de la justice.``), section (nearest
  ``<div><head>``), and the turn's who, interventiontype, politicalgroup, vote, debat, corresp.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from lxml import etree

from indexer.readers import Record, Unreadable, turn_title
from indexer.readers.tabular import parse_date
from indexer.text import clean_paragraph

TEI_NS = "http://www.tei-c.org/ns/1.0"
MPT_NS = "http://mpt.ethelred.fr/ns/0.0/"
_MPT_METADATA = f"{{{MPT_NS}}}metadata"
_MPT_INTERRUPTION = f"{{{MPT_NS}}}interruption"
_META_ATTRIBUTES = ("interventiontype", "politicalgroup", "vote", "debat", "corresp")
_LEADING_DOT = re.compile(r"^\s*\.(?!\.)\s*")  # ". La séance…" but not "...mais"
# A numeric character reference that lost its "&" in the conversion ("#8230;" for "…").
_BROKEN_REFERENCE = re.compile(r"(?<![&\w])#(\d{3,6});")
# A function left at the start of the text when <speaker> holds only the name:
# "rapporteur. Défavorable.", ", rapporteure pour avis de la commission…. Nous…".
_LEAKED_FUNCTION = re.compile(
    r"^,?\s*((?:rapporteure?|garde des Sceaux|ministre|présidente?|secrétaire d'État)\b"
    r"[^.!?]{0,200}?)\.\s+(?=\S)"
)


# libxml2's guards against hostile XML, in words the indexing report can show.
_GUARDS = (
    ("amplification", "entités en expansion exponentielle (« milliard de rires »)"),
    ("entity reference loop", "entités en boucle (« milliard de rires »)"),
    ("Excessive depth", "éléments imbriqués trop profondément (> 256 niveaux)"),
    ("Huge input lookup", "nœud de texte démesuré"),
    ("try XML_PARSE_HUGE", "nœud démesuré"),
)


def _syntax_reason(message: str) -> str:
    """Return the report's reason for an XML parse error: a refusal or the parser's words."""
    for marker, reason in _GUARDS:
        if marker in message:
            return f"XML refusé : {reason}"
    return f"XML invalide: {message.splitlines()[0]}"[:200]


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _text(element: etree._Element | None) -> str:
    """Return the text of an element and its descendants on one line ("" for None)."""
    if element is None:
        return ""
    return clean_paragraph("".join(_inline(element)))


def _inline(element: etree._Element) -> list[str]:
    """Return the text pieces of `element`'s content; interruptions in parentheses."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _MPT_INTERRUPTION:
            parts.append(f" {_interruption(child)} ")
        elif isinstance(child.tag, str):
            parts.extend(_inline(child))
        # comments, processing instructions, unresolved entities: nothing but their tail
        parts.append(child.tail or "")
    return parts


def _interruption(element: etree._Element) -> str:
    said = clean_paragraph(element.get("text") or element.get("type") or "".join(_inline(element)))
    if not said:
        return ""
    if said[-1] not in ".!?…»)":
        said += "."
    return f"({said})"


def parse_speaker(label: str) -> dict[str, str | None]:
    """Return a ``<speaker>`` label as {"name", "function"}: the function follows the comma.

    >>> parse_speaker("Christiane Taubira,garde des Sceaux, ministre de la justice.")
    {'name': 'Christiane Taubira', 'function': 'garde des Sceaux, ministre de la justice'}
    >>> parse_speaker("Alain Vidalies ,ministre délégué.")
    {'name': 'Alain Vidalies', 'function': 'ministre délégué'}
    """
    name, _, function = clean_paragraph(label).partition(",")
    return {"name": name.strip(" .,;:"), "function": function.strip(" .,;:") or None}


def sitting_metadata(path: Path) -> dict[str, str]:
    """Return the row of the sibling ``metadata.csv`` whose id is the file's stem, or {}."""
    table = path.with_name("metadata.csv")
    if not table.is_file():
        return {}
    try:
        with table.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if (row.get("id") or "").strip() == path.stem:
                    return {k.strip(): (v or "").strip() for k, v in row.items() if k}
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}
    return {}


def _sitting_title(header: etree._Element | None, ns: str, sitting: dict[str, str]) -> str:
    title = _text(header.find(f".//{ns}titleStmt/{ns}title")) if header is not None else ""
    if title.count("«") != title.count("»"):  # "Mariage pour tous - « Troisième séance …"
        title = clean_paragraph(title.replace("« ", "").replace("«", "").replace("»", ""))
    if not title:
        title = " — ".join(v for v in (sitting.get("debat"), sitting.get("seance")) if v)
    return title


def _sitting_date(header: etree._Element | None, ns: str, sitting: dict[str, str]) -> str | None:
    if date := parse_date(sitting.get("date")):
        return date
    if header is None:
        return None
    for element in header.iter(f"{ns}date"):
        if date := parse_date(element.get("when")) or parse_date(_text(element)):
            return date
    return None


def _sections(body: etree._Element, ns: str) -> dict[etree._Element, str]:
    """Return each ``<div>`` with a ``<head>`` mapped to that head's text."""
    heads = {}
    for div in body.iter(f"{ns}div"):
        head = div.find(f"{ns}head")
        if head is not None and (title := _text(head)):
            heads[div] = title
    return heads


def _turn_text(sp: etree._Element, ns: str) -> str:
    holder = sp.find(_MPT_METADATA)
    if holder is None:
        holder = sp
    paragraphs = [clean_paragraph("".join(_inline(p))) for p in holder.iter(f"{ns}p", f"{ns}ab")]
    paragraphs = [_BROKEN_REFERENCE.sub(_character, p) if "#" in p else p for p in paragraphs]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs:
        paragraphs[0] = _LEADING_DOT.sub("", paragraphs[0])
    return "\n\n".join(p for p in paragraphs if p)  # already clean: join_paragraphs is slower


def _character(match: re.Match[str]) -> str:
    code = int(match.group(1))
    return chr(code) if 160 <= code <= 0x10FFFF else match.group(0)


def _leaked_function(text: str, speaker: dict[str, str | None]) -> str:
    """Move a function the conversion left at the start of the text into `speaker`."""
    if speaker["function"] is None and (match := _LEAKED_FUNCTION.match(text)):
        speaker["function"] = match.group(1).strip()
        return text[match.end() :]
    return text


def read(path: Path) -> list[Record]:
    """Return one record per non-empty speech turn ``<sp>`` of a TEI file."""
    try:
        root = etree.fromstring(path.read_bytes(), _parser())
    except etree.XMLSyntaxError as exc:
        raise Unreadable(_syntax_reason(str(exc))) from exc
    if root is None or not isinstance(root.tag, str):
        raise Unreadable("XML non TEI")
    if root.tag == f"{{{TEI_NS}}}TEI":
        ns = f"{{{TEI_NS}}}"
    elif root.tag == "TEI":
        ns = ""
    else:
        raise Unreadable(f"XML non TEI (racine {etree.QName(root).localname})")

    header = root.find(f"{ns}teiHeader")
    sitting = sitting_metadata(path)
    title = _sitting_title(header, ns, sitting)
    date = _sitting_date(header, ns, sitting)
    place = sitting.get("lieu") or None
    if place is None and header is not None:
        author = _text(header.find(f".//{ns}titleStmt/{ns}author"))
        place = author if author == "Assemblée nationale" else None
    language = _text(header.find(f".//{ns}langUsage/{ns}language")) if header is not None else ""
    lang = "fr" if language.casefold().startswith(("fr", "fra")) else None

    body = root.find(f"{ns}text")
    if body is None:
        raise Unreadable("TEI sans <text>")
    heads = _sections(body, ns)
    records: list[Record] = []
    speakers: dict[str, dict[str, str | None]] = {}  # <speaker> label → parsed, per file
    turns = 0
    for ordinal, sp in enumerate(body.iter(f"{ns}sp"), start=1):
        turns += 1
        text = _turn_text(sp, ns)
        if not text:
            continue
        who = (sp.get("who") or "").strip()
        speaker_element = sp.find(f"{ns}speaker")
        label = "".join(_inline(speaker_element)) if speaker_element is not None else ""
        if label not in speakers:
            speakers[label] = parse_speaker(label)
        speaker = dict(speakers[label])
        text = _leaked_function(text, speaker)
        meta: dict[str, Any] = {"kind": "débat"}
        if place:
            meta["place"] = place
        if speaker["name"]:
            meta["speakers"] = [speaker]
        if who:
            meta["who"] = who
        holder = sp.find(_MPT_METADATA)
        for name in _META_ATTRIBUTES:
            value = (holder.get(name) if holder is not None else None) or sp.get(name)
            if value and value.strip():
                meta[name] = value.strip()
        section = next((heads[a] for a in sp.iterancestors(f"{ns}div") if a in heads), None)
        if section:
            meta["section"] = section
        function = speaker["function"] if speaker["name"] else None
        records.append(
            Record(
                text=text,
                key=f"sp-{ordinal:05d}" + (f"-{who}" if who else ""),
                title=turn_title(title, speaker["name"] or who, function),
                date=date,
                lang=lang,
                meta=meta,
            )
        )
    if not turns:
        raise Unreadable("TEI sans tour de parole <sp>")
    return records
