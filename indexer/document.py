"""The plain data every layer shares: a `Document`, its speakers and its quotations."""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Speaker:
    """A person or body speaking in a document, with the function they held then."""

    name: str
    function: str | None = None


@dataclass
class Quote:
    """One quotation of a document: its exact text, where it sits, and who said it."""

    text: str
    start: int  # character offsets in Document.text
    end: int
    speaker: str | None = None
    function: str | None = None
    cue: str | None = None  # the words that attributed it ("a déclaré", "selon X", "turn")
    is_speech: bool = True  # False for quoted titles and scare quotes


@dataclass
class Document:
    """One statement: a communiqué, a speech, an interview, a debate turn."""

    id: str
    source: str  # path relative to the indexed folder, with "/" separators
    format: str  # reader name: txt, md, html, pdf, docx, csv, jsonl, tei
    text: str
    record: str | None = None  # row or turn key inside a batch file
    kind: str | None = None
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    place: str | None = None
    speakers: list[Speaker] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    lang: str | None = None
    root: str | None = None  # absolute path of the indexed folder the source lies in
    meta: dict[str, Any] = field(default_factory=dict)  # what else the source stated
    inferred: list[str] = field(default_factory=list)  # fields guessed from the text
    # the same statement in other files: [{"id", "source", "format"}]
    alternates: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the document as JSON-ready plain data (a copy: nothing in it is shared).

        Written out rather than `dataclasses.asdict`, which walks every value through
        `copy.deepcopy` and cost 3.3 times as much (every indexed record calls this)."""
        data = dict(self.__dict__)
        data["speakers"] = [dict(s.__dict__) for s in self.speakers]
        data["themes"] = list(self.themes)
        data["quotes"] = [dict(q.__dict__) for q in self.quotes]
        data["meta"] = copy.deepcopy(self.meta)
        data["inferred"] = list(self.inferred)
        data["alternates"] = [dict(a) for a in self.alternates]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a document from `to_dict` output."""
        data = dict(data)
        data["speakers"] = [Speaker(**s) for s in data.get("speakers") or []]
        data["quotes"] = [Quote(**q) for q in data.get("quotes") or []]
        return cls(**data)


def document_id(source: str, record: str | None = None) -> str:
    """Return a stable id for a source path and a record key inside it.

    >>> document_id("a/b.md") == document_id("a/b.md", None)
    True
    """
    key = source if record is None else f"{source}\x00{record}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
