"""Plain-text reader: guesses the encoding, refuses binary junk, re-joins hard-wrapped lines."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from indexer.readers import Record, Unreadable
from indexer.text import lines_to_paragraphs

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# One well-formed multi-byte UTF-8 character (no overlongs, no surrogates).
_UTF8_CHAR = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# C0 controls other than tab/newline/form feed, DEL, and C1 controls: never part of prose.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_JUNK_RATIO = 0.02
_JUNK_MIN = 8  # a short note with one stray control byte is still prose


def _legacy_byte(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as cp1252 (latin-1 where cp1252 has a hole)."""
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    text = "".join(
        bytes([b]).decode("cp1252", errors="ignore") or bytes([b]).decode("latin-1") for b in chunk
    )
    return text, error.end


codecs.register_error("verbatim-cp1252", _legacy_byte)


def decode(raw: bytes) -> tuple[str, str]:
    """Return `(text, encoding)` for the bytes of a text file, raising `Unreadable`.

    Order: BOM (UTF-8, UTF-16/32 LE/BE), strict UTF-8, then the legacy Windows code page
    cp1252 (which has ’ « » œ € where latin-1 only has invisible C1 controls), then latin-1.
    A file mixing UTF-8 and cp1252 (edited in two editors) is decided line by line: a line
    that is mostly UTF-8 keeps its UTF-8 and only its stray bytes are read as cp1252. NUL
    bytes without a BOM mean binary (or UTF-16 without BOM, which the reason then names).

    >>> decode("L’État".encode("cp1252"))
    ('L’État', 'cp1252')
    """
    if not raw:
        raise Unreadable("fichier vide")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise Unreadable(f"{encoding} invalide malgré le BOM (octet {exc.start})") from exc
    if b"\x00" in raw:
        if _looks_utf16(raw):  # say so: the fix (save as UTF-8 or with a BOM) is easy
            raise Unreadable("binaire ou UTF-16 sans BOM (octets nuls) : enregistrez-le en UTF-8")
        raise Unreadable("binaire (octets nuls sans BOM UTF-16)")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _UTF8_CHAR.search(raw):
        # Some UTF-8 and some legacy bytes: decided line by line, because a file edited in
        # two editors is mixed by whole lines, and either encoding may have more accents.
        return "".join(map(_mixed_line, raw.splitlines(keepends=True))), "utf-8+cp1252"
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _mixed_line(line: bytes) -> str:
    """Decode one line of a mixed file: UTF-8 when it has more UTF-8 characters than stray
    legacy bytes (those few read as cp1252), else cp1252 (latin-1 for its holes)."""
    utf8_chars = _UTF8_CHAR.findall(line)
    stray = len(_HIGH_BYTE.findall(line)) - sum(len(c) for c in utf8_chars)
    if len(utf8_chars) > stray:
        return line.decode("utf-8", errors="verbatim-cp1252")
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return line.decode("latin-1")


def _looks_utf16(raw: bytes) -> bool:
    """Tell whether NUL bytes sit where UTF-16 puts them for Latin text: every other byte."""
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    return max(even, odd) > 0.3 * (len(raw) // 2) and min(even, odd) < 0.05 * (len(raw) // 2)


def check_prose(text: str) -> str:
    """Return `text` without stray control characters, or raise `Unreadable` for junk."""
    if not text.strip():
        raise Unreadable("aucun texte")
    controls = len(_CONTROLS.findall(text))
    if controls > max(_JUNK_MIN, _JUNK_RATIO * len(text)):
        raise Unreadable(f"binaire ({controls} caractères de contrôle sur {len(text)})")
    return _CONTROLS.sub("", text)


def read(path: Path) -> list[Record]:
    """Return the one record of a plain-text file, its hard-wrapped lines re-joined."""
    text, _encoding = decode(path.read_bytes())
    text = lines_to_paragraphs(check_prose(text))
    if not text:
        raise Unreadable("aucun texte")
    return [Record(text=text)]
