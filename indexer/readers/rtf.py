r"""Rich Text Format (.rtf): text by striprtf, metadata from the ``{\info …}`` group.

The file's code page (``\ansicpg1252``) decodes its ``\'e9`` escapes; ``\uN`` characters are
Unicode whatever the code page. Paragraphs end at ``\par``; hard-wrapped source lines mean
nothing in RTF.

Metadata: ``{\title}`` → title, ``{\author}`` → author, ``{\subject}`` → subtitle,
``{\keywords}`` → tags (comma or semicolon separated), ``{\creatim\yr\mo\dy}`` → created (and
the record's date, as for .docx and .odt), ``{\revtim}`` → modified, ``\deflang``/``\lang``
(Windows language ids) → lang.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from indexer.readers import Record, Unreadable
from indexer.text import clean_paragraph, join_paragraphs

# Windows language ids (LCID) → ISO 639-1, for the languages a French press office meets.
_LCIDS = {
    1036: "fr", 2060: "fr", 3084: "fr", 4108: "fr", 5132: "fr", 6156: "fr",
    1033: "en", 2057: "en", 3081: "en", 4105: "en", 1031: "de", 2055: "de", 3079: "de",
    1034: "es", 3082: "es", 1040: "it", 2064: "it", 1043: "nl", 2067: "nl", 2070: "pt",
    1046: "pt", 1045: "pl", 1049: "ru", 1025: "ar", 1055: "tr",
}
# Groups deeper than this are junk (or an attack on a recursive parser), not a statement.
MAX_DEPTH = 400
_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_LANG = re.compile(rb"\\(?:deflang|lang)(\d{3,5})")
_DATE_PART = re.compile(r"\\(yr|mo|dy)(\d+)")
_INFO_FIELDS = {"title": "title", "author": "author", "subject": "subtitle",
                "keywords": "keywords"}


def _depth(raw: bytes) -> int:
    """Return the deepest nesting of braces (escaped braces \\{ \\} not counted)."""
    depth = deepest = 0
    for match in re.finditer(rb"\\[{}\\]|[{}]", raw):
        token = match.group()
        if token == b"{":
            depth += 1
            deepest = max(deepest, depth)
        elif token == b"}":
            depth -= 1
    return deepest


def _group(text: str, start: int) -> str:
    """Return the group opening at `text[start]` ("{"), braces balanced, escapes skipped."""
    depth = 0
    i = start
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return text[start : i + 1]
        i += 1
    return text[start:]


def _rtf_date(group: str) -> str | None:
    """Return the ISO date of ``{\\creatim\\yr2024\\mo4\\dy25\\hr8\\min0}``."""
    parts = {k: int(v) for k, v in _DATE_PART.findall(group)}
    try:
        return date(parts["yr"], parts["mo"], parts["dy"]).isoformat()
    except (KeyError, ValueError):
        return None


def _info(text: str, encoding: str) -> tuple[str | None, dict[str, Any]]:
    """Return (title, meta) from the ``{\\info}`` group of an RTF document."""
    from striprtf.striprtf import rtf_to_text

    meta: dict[str, Any] = {}
    title = None
    start = text.find("{\\info")
    if start < 0:
        return None, meta
    info = _group(text, start)
    for word, key in _INFO_FIELDS.items():
        at = re.search(r"\{\\" + word + r"(?![a-z])", info)
        if not at:
            continue
        body = _group(info, at.start())[len(word) + 2 : -1]
        value = clean_paragraph(rtf_to_text("{\\rtf1 " + body + "}", encoding=encoding,
                                            errors="replace"))
        if not value:
            continue
        if key == "title":
            title = value
        elif key == "keywords":
            meta["tags"] = [k.strip() for k in re.split(r"[,;]", value) if k.strip()]
        else:
            meta[key] = value
    for word, key in (("creatim", "created"), ("revtim", "modified")):
        at = info.find("{\\" + word)
        if at >= 0 and (iso := _rtf_date(_group(info, at))):
            meta[key] = iso
    return title, meta


def read(path: Path) -> list[Record]:
    """Return the one record of an .rtf file: its text, title, author, dates and language."""
    from striprtf.striprtf import rtf_to_text

    raw = path.read_bytes()
    if not raw.lstrip().startswith(b"{\\rtf"):
        raise Unreadable("pas un RTF (en-tête {\\rtf absent)")
    if (deepest := _depth(raw)) > MAX_DEPTH:
        raise Unreadable(f"RTF refusé : groupes imbriqués sur {deepest} niveaux (> {MAX_DEPTH})")
    page = _CODEPAGE.search(raw[:4096])
    encoding = f"cp{page.group(1).decode()}" if page else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    # RTF is 7-bit by definition; stray 8-bit bytes are read in the file's code page
    text = raw.decode(encoding, errors="replace")
    try:
        body = rtf_to_text(text, encoding=encoding, errors="replace")
    except Exception as exc:  # striprtf's own errors on broken control words
        raise Unreadable(f"RTF illisible ({type(exc).__name__}: {exc})"[:200]) from exc
    paragraphs = [clean_paragraph(p) for p in re.split(r"\n\s*", body)]
    content = join_paragraphs(p for p in paragraphs if p)
    if not content:
        raise Unreadable("aucun texte dans le document")
    title, meta = _info(text, encoding)
    # the language most runs are set in (\deflang is often the installation's, not the text's)
    counts = Counter(_LCIDS.get(int(n)) for n in _LANG.findall(raw))
    counts.pop(None, None)
    lang = counts.most_common(1)[0][0] if counts else None
    return [Record(text=content, title=title, date=meta.get("created"), lang=lang, meta=meta)]
