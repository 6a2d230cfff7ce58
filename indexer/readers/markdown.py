"""Markdown reader: YAML front matter for the fields, the body as plain paragraphs.

Bodies mix Markdown with raw HTML (`<figure>`, `<a>`, `<i class="fa …">`), so the Markdown
syntax is rewritten into HTML-safe text with small regexes and the result goes through the
HTML reader's paragraph walker, which drops figures, icons and scripts and decodes entities.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from indexer.readers import Record, Unreadable
from indexer.readers.html import html_paragraphs, inline_text, iso_date, lang_code, parse_html
from indexer.readers.safe_yaml import AliasRefused, load_yaml
from indexer.readers.tabular import named_field, split_list
from indexer.readers.text import check_prose, decode
from indexer.text import join_paragraphs

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*$\n?", re.S | re.M)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^\s{0,3}(?:(?:[-*_][ \t]*){3,}|=+[ \t]*)$")  # also setext underlines
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(.*)$")
_QUOTE = re.compile(r"^\s{0,3}(?:>[ \t]?)+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")

_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
# Spans are capped ({0,1000}) so a stray `*`, `[` or `<` costs a bounded scan, not one to the
# end of the block: unbounded lazy matches make long odd bodies quadratic.
_CODE = re.compile(r"(`+)(.{1,1000}?)\1", re.S)
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|[^>\s@<]+@[^>\s@]+\.[^>\s@]+)>")
_IMAGE = re.compile(r"!\[[^\[\]]{0,1000}\](?:\([^()]{0,1000}\)|\[[^\[\]]{0,1000}\])")
# kramdown accepts spaces in a link target (`(https://support- antoine.org/)`): so do we.
_LINK = re.compile(
    r"\[([^\[\]]{0,1000})\](?:\((?:[^()\n]|\([^()\n]*\)){0,2000}\)|\[[^\[\]]{0,1000}\])"
)
# Each emphasis pattern first matches a whole HTML tag, so markers inside attributes
# (`href="/a_b_c"`) are left alone.
_TAG = r"(<[^<>]*>)"
_EMPHASIS = [
    re.compile(_TAG + r"|(\*\*|__|~~)(?=\S)(.{1,1000}?)(?<=\S)\2", re.S),
    re.compile(_TAG + r"|(\*)(?=[^\s*])(.{1,1000}?)(?<=[^\s*])\*", re.S),
    re.compile(_TAG + r"|(?<!\w)(_)(?=\S)(.{1,1000}?)(?<=\S)_(?!\w)", re.S),
]


def _literal(text: str) -> str:
    """Return `text` with its punctuation as character references: no regex touches it again."""
    return "".join(c if c.isalnum() or c.isspace() else f"&#{ord(c)};" for c in text)


def _inline(text: str) -> str:
    """Return one block with Markdown inline syntax removed and raw HTML left in place."""
    text = _ESCAPE.sub(lambda m: _literal(m.group(1)), text)
    text = _CODE.sub(lambda m: _literal(m.group(2).strip()), text)
    text = _AUTOLINK.sub(lambda m: _literal(m.group(1)), text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    for pattern in _EMPHASIS:
        text = pattern.sub(lambda m: m.group(1) or m.group(3), text)
    return text


def _blocks(body: str) -> list[str]:
    """Return the blocks of a Markdown body as HTML fragments, Markdown syntax removed.

    Headings, list items and table rows are blocks of their own; a hard line break (two
    trailing spaces) becomes `<br>`, which the HTML walker treats as a paragraph break.
    """
    blocks: list[str] = []
    lines: list[str] = []
    code: list[str] | None = None  # lines of an open fenced code block
    fence = ""

    def close() -> None:
        if lines:
            blocks.append(_inline("\n".join(lines)))
            lines.clear()

    for raw in body.split("\n"):
        if code is not None:
            if raw.strip().startswith(fence):
                blocks.append("\n".join(code))
                code = None
            else:
                code.append(_literal(raw))  # shown as written, never re-read as Markdown
            continue
        if match := _FENCE.match(raw):
            close()
            fence, code = match.group(1), []
            continue
        line = _QUOTE.sub("", raw)
        if not line.strip() or _RULE.match(line) or _TABLE_RULE.match(line):
            close()
        elif _LINK_DEFINITION.match(line):
            continue
        elif match := _HEADING.match(line):
            close()
            blocks.append(_inline(match.group(1) or ""))
        elif match := _ITEM.match(line):
            close()
            lines.append(match.group(1))
        elif match := _TABLE_ROW.match(line):
            close()
            blocks.append(_inline(" | ".join(c.strip() for c in match.group(1).split("|"))))
        elif line.endswith(("  ", "\\")):
            lines.append(line.rstrip(" \\") + "<br>")
        else:
            lines.append(line)
    close()
    if code:  # a fence left open runs to the end of the file
        blocks.append("\n".join(code))
    return blocks


def markdown_paragraphs(body: str) -> list[str]:
    """Return the plain paragraphs of a Markdown body that may hold raw HTML."""
    # <br> between blocks rather than <p>…</p> around them: raw HTML blocks may span blank
    # lines, and wrapping their halves in <p> would make the parser close them early.
    return html_paragraphs(parse_html("\n<br>\n".join(_blocks(body))))


def _plain(value: Any) -> str | None:
    """Return a front-matter scalar as plain text (titles hold `&nbsp;` and `<br/>`)."""
    if value is None or isinstance(value, dict | list):
        return None
    return inline_text(parse_html(_inline(str(value)))) or None


def _tags(value: Any) -> list[str]:
    """Return tags given as a YAML list or as one comma-separated string."""
    items = value if isinstance(value, list) else str(value).split(",") if value else []
    return [tag for tag in (_plain(item) for item in items) if tag]


def _speakers(value: Any) -> list[str | dict[str, str | None]]:
    """Return a front matter's speakers: names as a YAML list or one comma-separated string,
    or entries `{name, function}`.

    >>> _speakers([{"name": "Claire Aubertin", "fonction": "présidente de la FRV"}, "FRV"])
    [{'name': 'Claire Aubertin', 'function': 'présidente de la FRV'}, 'FRV']
    """
    items = value if isinstance(value, list) else [value]
    speakers: list[str | dict[str, str | None]] = []
    for item in items:
        if isinstance(item, dict):
            name = _plain(item.get("name") or item.get("nom"))
            if name:
                function = _plain(item.get("function") or item.get("fonction"))
                speakers.append({"name": name, "function": function})
        elif isinstance(item, str):
            speakers += split_list(_plain(item))
    return speakers


# Front matter is a handful of fields; past this it is not metadata, and PyYAML (pure
# Python) would spend seconds on it.
MAX_FRONT_MATTER_CHARS = 64 * 1024


_PLAIN_LINE = re.compile(r"^([A-Za-z_][\w -]*):[ \t]+([^\s\"'\[{|>&*!%@`].*?)[ \t]*$", re.M)


def _french_colons_quoted(front: str) -> str:
    """Return a front matter with each `key: value` line whose value holds « : » or « # » as a
    double-quoted string: French puts a space before a colon (« title: Sécheresse : la FRV
    demande … »), which YAML reads as a second mapping and refuses.

    >>> _french_colons_quoted("title: Sécheresse : la FRV demande\\ndate: 2024-07-02")
    'title: "Sécheresse : la FRV demande"\\ndate: 2024-07-02'
    """
    def quoted(match: re.Match[str]) -> str:
        key, value = match.groups()
        if ": " not in value and " #" not in value:
            return match.group(0)
        return f"{key}: {json.dumps(value, ensure_ascii=False)}"
    return _PLAIN_LINE.sub(quoted, front)


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return `(fields, body)`; text without a usable front matter is all body.

    A front matter that uses YAML aliases is dropped (body only): it is hostile, not prose.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    if len(match.group(1)) > MAX_FRONT_MATTER_CHARS:
        return {}, text
    try:
        fields = load_yaml(match.group(1))
    except AliasRefused:
        return {}, text[match.end() :]
    except Exception:  # bad YAML or impossible dates (2016-13-45): keep the text, lose no words
        try:
            fields = load_yaml(_french_colons_quoted(match.group(1)))
        except Exception:
            return {}, text
    if fields is None:
        return {}, text[match.end() :]
    if not isinstance(fields, dict):  # "---\nUne phrase\n---" was a rule, not metadata
        return {}, text
    return {str(k).lower(): v for k, v in fields.items()}, text[match.end() :]


def read(path: Path) -> list[Record]:
    """Return the one record of a Markdown file: body text plus front-matter fields."""
    text, _encoding = decode(path.read_bytes())
    text = check_prose(text).replace("\r\n", "\n").replace("\r", "\n")
    fields, body = _front_matter(text)
    body_text = join_paragraphs(markdown_paragraphs(body))
    if not body_text:
        raise Unreadable("aucun texte")
    meta: dict[str, Any] = {}
    for key in ("subtitle", "author", "category"):
        value = fields.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        if plain := _plain(value):
            meta[key] = plain
    if tags := _tags(fields.get("tags")):
        meta["tags"] = tags
    # what a press office states of its own release, under the names a spreadsheet's
    # columns take (« speakers »/« orateurs », « kind »/« type », « place »/« lieu »)
    if speakers := _speakers(named_field(fields, "speakers")):
        meta["speakers"] = speakers
    for key in ("kind", "place"):
        if plain := _plain(named_field(fields, key)):
            meta[key] = plain
    return [
        Record(
            text=body_text,
            title=_plain(fields.get("title")),
            date=iso_date(fields.get("date")),
            lang=lang_code(fields.get("lang")),
            meta=meta,
        )
    ]
