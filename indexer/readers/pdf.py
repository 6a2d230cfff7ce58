"""PDF reader: rebuild a statement's paragraphs from the positioned text of a PDF (pypdf).

pypdf's plain `extract_text` follows the content stream and guesses line breaks; on PDFs that
place every word with its own text matrix (Google Docs, some web printers) it puts each word
on its own line. Instead this reader asks pypdf for the text fragments and where they are
drawn (`visitor_text`), then:

1. groups fragments into lines: consecutive fragments on the same baseline, left to right.
   Content-stream order is kept between lines, so a two-column page comes out column after
   column, the way word processors write it;
2. drops running headers and footers (the same text, digits aside, at the top or bottom of
   most pages) and bare page numbers;
3. groups lines into paragraphs: a new paragraph starts after a larger vertical gap than the
   line spacing, at a change of font size, at a bullet, after a short line ending a sentence,
   or after a jump (new column, new page) unless the sentence visibly goes on;
4. joins the lines of a paragraph, undoing end-of-line hyphenation (coopé- / ration), but
   keeping real hyphens (Moyen- / Orient, peut- / être, c'est- / à-dire).

Metadata: /Title (unless it is a file name or a placeholder) → `Record.title`; /Lang of the
catalog → `Record.lang` (primary subtag, "fr"); /CreationDate and /ModDate → meta "created"
and "modified" (ISO dates). The creation date is not the statement's date, so `Record.date`
stays None.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from indexer.readers import Record, Unreadable, pdf_ocr
from indexer.readers.ocr import ocr_meta
from indexer.readers.pdf_ocr import MIN_LETTERS
from indexer.text import clean_paragraph, join_paragraphs

# --- fragments and lines --------------------------------------------------------------------

# Average advance width of a character, in ems. Only used to guess where a line ends (for the
# "short last line" rule), so a rough value is enough.
_CHAR_WIDTH_EM = 0.5
# Two fragments belong to the same line when their baselines differ by less than this (in
# font sizes): leaves room for superscripts (11ème) and for fonts mixed on one line.
_SAME_LINE = 0.45
_CLOSING = tuple(",.)]}…%")
_OPENING = tuple("'’([{")
_HYPHENS = "-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen


@dataclass
class Fragment:
    """A piece of text drawn at one position: baseline start (x, y) and font size in points."""

    text: str
    x: float
    y: float
    size: float
    # What pypdf put before this fragment in its own output: "" (nothing), " " (a space,
    # drawn or guessed from the gap) or "\n" (a line break it guessed, often wrongly).
    before: str = ""


@dataclass
class Line:
    """A line of text on a page: start x, baseline y, estimated end x, main font size."""

    page: int
    x: float
    y: float
    end: float
    size: float
    last_x: float  # start of the last fragment: the next one must start right of it
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The line's text, spaces as drawn, trimmed."""
        return "".join(self.parts).strip()

    @classmethod
    def start(cls, fragment: Fragment, page: int) -> Line:
        """Return a new line holding one fragment."""
        return cls(
            page=page,
            x=fragment.x,
            y=fragment.y,
            end=fragment.x + _width(fragment),
            size=fragment.size,
            last_x=fragment.x,
            parts=[fragment.text],
        )

    def accepts(self, fragment: Fragment) -> bool:
        """Whether a fragment drawn next in the stream continues this line."""
        tolerance = _SAME_LINE * max(self.size, fragment.size)
        return abs(fragment.y - self.y) <= tolerance and fragment.x >= self.last_x

    def add(self, fragment: Fragment) -> None:
        """Append a fragment, with a space unless it is glued to the previous one."""
        if _needs_space(self.parts[-1], fragment, raised=self._raised(fragment)):
            self.parts.append(" ")
        self.parts.append(fragment.text)
        self.end = max(self.end, fragment.x + _width(fragment))
        self.last_x = fragment.x
        if len(fragment.text.strip()) > 3 and fragment.size > self.size:
            self.size = fragment.size

    def _raised(self, fragment: Fragment) -> bool:
        """Whether a fragment is a superscript of this line (the "ème" of "11ème")."""
        return fragment.y - self.y > 0.15 * self.size and fragment.size < 0.85 * self.size


def _needs_space(previous: str, fragment: Fragment, raised: bool) -> bool:
    """Whether a space goes between the text so far and the next fragment on the same line.

    A line break pypdf guessed between two fragments of one line stands for a space, except
    before closing punctuation and after an apostrophe or an opening bracket (Google Docs
    draws the comma of "bretonne," or the "attirer" of "d’attirer" on their own).
    """
    if raised or previous[-1:].isspace() or fragment.text[:1].isspace() or not fragment.before:
        return False
    if fragment.before == " ":
        return True
    return not (fragment.text.startswith(_CLOSING) or previous.endswith(_OPENING))


def _width(fragment: Fragment) -> float:
    """Rough drawn width of a fragment, in points."""
    return len(fragment.text) * _CHAR_WIDTH_EM * fragment.size


def _position(cm: list[float], tm: list[float]) -> tuple[float, float, float]:
    """Return (x, y, vertical scale) of the text origin from pypdf's text and graphics matrices.

    The text rendering matrix is tm × cm (row-vector convention of the PDF specification).
    """
    a, b, c, d, e, f = (float(v) for v in cm)
    ta, tb, tc, td, te, tf = (float(v) for v in tm)
    x = te * a + tf * c + e
    y = te * b + tf * d + f
    scale = math.hypot(tc * a + td * c, tc * b + td * d)
    return x, y, scale


def page_fragments(page: Any) -> list[Fragment]:
    """Return the text fragments of a pypdf page in content-stream order, with positions.

    Whitespace-only fragments (pypdf's own line breaks, drawn spaces) are not kept; they set
    the next fragment's `before`.
    """
    fragments: list[Fragment] = []
    pending = ""

    def visit(text: str, cm: list[float], tm: list[float], font: Any, font_size: float) -> None:
        nonlocal pending
        if not text:
            return
        if not text.strip():
            pending = "\n" if "\n" in text else (pending or " ")
            return
        x, y, scale = _position(cm, tm)
        size = abs(float(font_size or 0) * scale) or 1.0
        text = text.replace("\n", " ")
        fragments.append(Fragment(text, x, y, size, " " if text[0].isspace() else pending))
        pending = " " if text[-1].isspace() else ""

    page.extract_text(visitor_text=visit)
    return fragments


def page_lines(fragments: list[Fragment], page: int) -> list[Line]:
    """Group fragments into lines, keeping stream order; empty lines are dropped."""
    lines: list[Line] = []
    for fragment in fragments:
        if lines and lines[-1].page == page and lines[-1].accepts(fragment):
            lines[-1].add(fragment)
        else:
            lines.append(Line.start(fragment, page))
    return [line for line in lines if line.text]


# --- headers, footers, page numbers -----------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:/|sur|of|de)\s*\d{1,4})?\s*[-–—]?$",
    re.IGNORECASE,
)
_EDGE_LINES = 2  # lines looked at, at the top and at the bottom of each page


def _signature(text: str) -> str:
    """Text of a line with digits and spacing ignored, to compare running headers."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.casefold())).strip()


def _edge_lines(lines: list[Line]) -> list[Line]:
    """The highest and lowest lines of one page (by baseline, not stream order)."""
    ordered = sorted(lines, key=lambda line: -line.y)
    if len(ordered) <= 2 * _EDGE_LINES:
        return ordered
    return ordered[:_EDGE_LINES] + ordered[-_EDGE_LINES:]


def drop_running_lines(pages: list[list[Line]]) -> list[Line]:
    """Return all lines but page numbers and headers/footers repeated on most pages.

    A header or footer is a top or bottom line whose text, digits aside, appears at the top
    or bottom of at least half the pages (and of two pages at least).
    """
    edges = [_edge_lines(lines) for lines in pages]
    counts = Counter(sig for page in edges for sig in {_signature(line.text) for line in page})
    needed = max(2, math.ceil(len(pages) / 2))
    running = {sig for sig, count in counts.items() if count >= needed}
    dropped = {
        id(line)
        for page in edges
        for line in page
        if _signature(line.text) in running or _PAGE_NUMBER.match(line.text)
    }
    return [line for lines in pages for line in lines if id(line) not in dropped]


# --- paragraphs ---------------------------------------------------------------------------

_BULLET = re.compile(r"^[•●▪■◦‣▶►✓✔*–—-]\s")
_SENTENCE_END = tuple('.!?:»"”…)')
# A paragraph starts after a gap larger than this many times the usual line spacing.
_GAP_FACTOR = 1.35
# A line ending a sentence is "short" (the paragraph ends there) when it stops this far, as a
# share of the text width, before the right margin.
_SHORT_LINE = 0.3


def _line_spacing(lines: list[Line]) -> float:
    """Usual baseline-to-baseline distance, in font sizes (lower third of the gaps seen)."""
    ratios = sorted(
        (prev.y - line.y) / line.size
        for prev, line in pairwise(lines)
        if prev.page == line.page
        and 0.8 < (prev.y - line.y) / line.size < 3.0
        and abs(prev.size - line.size) <= 0.15 * line.size
    )
    if not ratios:
        return 1.2
    return ratios[len(ratios) // 3]


def _column_edges(line: Line, page_lines: list[Line]) -> tuple[float, float] | None:
    """Return the (left, right) edges of the text column holding `line`, or None if unsure.

    The column is made of the lines of the page that start near `line` (within 3 font sizes,
    so first-line indents count); its edges are where most of them start and stop.
    """
    near = [other for other in page_lines if abs(other.x - line.x) < 3 * line.size]
    if len(near) < 3:
        return None
    starts = sorted(other.x for other in near)
    ends = sorted(other.end for other in near)
    return starts[len(starts) // 10], ends[(len(ends) * 9) // 10]


def _goes_on(previous: str, line: str) -> bool:
    """Whether `line` visibly continues the sentence of `previous` (no full stop, lower case)."""
    return not previous.endswith(_SENTENCE_END) and line[:1].islower()


def _broken_word(text: str) -> bool:
    """Whether a line ends with a word cut by a hyphen (coopé-, Moyen-)."""
    return len(text) > 1 and text[-1] in _HYPHENS and text[-2].isalpha()


def starts_paragraph(prev: Line, line: Line, spacing: float, page_lines: list[Line]) -> bool:
    """Whether `line` starts a new paragraph after `prev` (see the module docstring).

    `spacing` is the usual line spacing in font sizes; `page_lines` the lines of prev's page.
    """
    if _BULLET.match(line.text):
        return True
    if abs(line.size - prev.size) > 0.15 * max(line.size, prev.size):
        return True
    gap = prev.y - line.y
    if line.page != prev.page or gap < 0.3 * line.size:  # new page, new column, out of order
        return not _goes_on(prev.text, line.text)
    if gap > _GAP_FACTOR * spacing * max(line.size, prev.size):
        return True
    if _goes_on(prev.text, line.text) or _broken_word(prev.text):
        return False
    edges = _column_edges(prev, page_lines)
    if edges is None:
        return False
    left, right = edges
    ends_sentence = prev.text.endswith(_SENTENCE_END)
    if ends_sentence and line.x > prev.x + 0.8 * line.size and abs(prev.x - left) < line.size:
        return True  # first-line indent
    short = prev.end < right - _SHORT_LINE * max(right - left, 1.0)
    return short and (ends_sentence or not line.text[:1].islower())


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Group lines (in reading order) into paragraphs."""
    spacing = _line_spacing(lines)
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    groups: list[list[Line]] = []
    for line in lines:
        prev = groups[-1][-1] if groups else None
        if prev is None or starts_paragraph(prev, line, spacing, by_page[prev.page]):
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


# --- hyphenation ----------------------------------------------------------------------------

# Second parts that make a real compound after a line-end hyphen (peut-être, dit-il…).
# Parts of one or two letters never come from hyphenation (French patterns keep 3 letters).
_HYPHEN_SECOND = set(
    "être même mêmes elle elles ils nous vous moi toi lui leur leurs eux dire midi delà"
    " dessus dessous".split()
)
# First parts that make a compound (après-midi, vice-président, non-lieu…).
_HYPHEN_FIRST = {"après", "avant", "arrière", "demi", "semi", "vice", "non", "grand", "grande"}
_ADDRESS = re.compile(r"(?:://|www\.|@)\S*$")
_WORD_END = re.compile(r"[\w'’-]*$")
_WORD_START = re.compile(r"^[\w'’-]*")


def keeps_hyphen(left: str, right: str) -> bool:
    """Whether the hyphen ending `left` (a line) is a real one before `right` (the next line).

    >>> keeps_hyphen("la coopé-", "ration des")
    False
    >>> keeps_hyphen("du Moyen-", "Orient")
    True
    """
    first = _WORD_END.search(left[:-1]).group(0)
    second = _WORD_START.match(right).group(0)
    if not second or not first:
        return True
    if second[0].isupper() or second[0].isdigit() or first[-1].isdigit():
        return True
    if any(h in first for h in _HYPHENS) or any(h in second for h in _HYPHENS):
        return True  # c'est-à- / dire, c'est- / à-dire, a- / t-il
    if _ADDRESS.search(left):
        return True  # https://support- / antoine.org
    bare_second = second.lower().rstrip("'’")
    bare_first = re.sub(r"^\w['’]", "", first.lower())
    return len(bare_second) <= 2 or bare_second in _HYPHEN_SECOND or bare_first in _HYPHEN_FIRST


def join_lines(texts: list[str]) -> str:
    """Join the lines of one paragraph, undoing end-of-line hyphenation."""
    joined = ""
    for text in texts:
        if not joined:
            joined = text
        elif joined.endswith("\u00ad"):  # soft hyphen: always a break inside a word
            joined = joined[:-1] + text
        elif (
            joined[-1] in _HYPHENS
            and len(joined) > 1
            and joined[-2].isalnum()
            and text[:1].isalnum()
        ):
            joined = joined + text if keeps_hyphen(joined, text) else joined[:-1] + text
        else:
            joined = f"{joined} {text}"
    return joined


# --- metadata -----------------------------------------------------------------------------

_JUNK_TITLE = re.compile(
    r"^(?:microsoft\s+(?:word|powerpoint|excel)\s*-|untitled\b|sans\s+titre\b|document\s*\d*$"
    r"|présentation\s+powerpoint$|diapositive\s+\d+$|titre$|title$)"
    r"|\.(?:docx?|odt|rtf|pdf|pptx?|xlsx?|indd|pages|txt|html?)$",
    re.IGNORECASE,
)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")


def clean_title(value: Any) -> str | None:
    """Return the /Title as text, or None when it is empty, a file name or a placeholder."""
    if value is None:
        return None
    title = clean_paragraph(str(value))
    if not title or _JUNK_TITLE.search(title) or not any(c.isalpha() for c in title):
        return None
    if " " not in title and "_" in title:  # a file name without its extension: CP_2016_06
        return None
    return title


def pdf_date(value: Any) -> str | None:
    """Return the ISO date of a PDF date (D:20150305143252+01'00'), None unless a full day."""
    match = _PDF_DATE.match(str(value or "").strip())
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def pdf_lang(value: Any) -> str | None:
    """Return the primary language subtag of a /Lang value ("fr-FR" → "fr")."""
    primary = str(value or "").strip().split("-")[0].split("_")[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def _resolved(value: Any) -> Any:
    """The object behind a PDF reference (or the value itself)."""
    return value.get_object() if hasattr(value, "get_object") else value


def _metadata(reader: PdfReader) -> tuple[str | None, str | None, dict[str, Any]]:
    """Return (title, lang, meta) from the document information and the catalog.

    Metadata is optional: a damaged information dictionary leaves the fields empty rather
    than making a readable PDF unreadable.
    """
    meta: dict[str, Any] = {"pages": len(reader.pages)}
    title = lang = None
    try:
        info = reader.metadata
        if info is not None:
            title = clean_title(info.title)
            for key, name in (("/CreationDate", "created"), ("/ModDate", "modified")):
                if iso := pdf_date(_resolved(info.get(key))):
                    meta[name] = iso
        lang = pdf_lang(_resolved(reader.trailer["/Root"].get("/Lang")))
    except Exception:  # any pypdf error in optional metadata
        pass
    return title, lang, meta


# --- opening ---------------------------------------------------------------------------------


def _open(path: Path) -> PdfReader:
    """Open a PDF, decrypting it with an empty password; raise `Unreadable` when impossible."""
    data = path.read_bytes()
    if not data.strip():
        raise Unreadable("fichier PDF vide")
    if b"%PDF-" not in data[:1024]:
        raise Unreadable("pas un PDF (en-tête %PDF absent)")
    if b"%%EOF" not in data[-2048:]:
        raise Unreadable("PDF tronqué (marqueur %%EOF absent)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # e.g. AES without the `cryptography` package
                raise Unreadable(f"PDF chiffré ({_reason(exc)})") from exc
            if not opened:
                raise Unreadable("PDF chiffré")
        if len(reader.pages) == 0:  # loads the page tree: fails early on broken files
            raise Unreadable("PDF sans page")
    except Unreadable:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        raise Unreadable(f"PDF illisible : {_reason(exc)}") from exc
    return reader


def _reason(exc: Exception) -> str:
    """First line of an exception message, or its type name."""
    text = str(exc).strip().splitlines()
    return text[0][:160] if text else type(exc).__name__


# --- reader -----------------------------------------------------------------------------


def read(path: Path) -> list[Record]:
    """Return the one record of a PDF file; raise `Unreadable` with a reason when impossible."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pypdf warns on damaged files; the report says why
        reader = _open(path)
        title, lang, meta = _metadata(reader)
        pages = []
        for number, page in enumerate(reader.pages, start=1):
            try:
                pages.append(page_lines(page_fragments(page), number))
            except Exception as exc:  # a damaged content stream: never return half a file
                raise Unreadable(f"page {number} illisible : {_reason(exc)}") from exc
        scanned = [n for n, page in enumerate(reader.pages, start=1)
                   if _letters(pages[n - 1]) < MIN_LETTERS and _draws_image(page)]
    typed = [lines for number, lines in enumerate(pages, start=1) if number not in scanned]
    groups = paragraphs(drop_running_lines(typed))
    by_page: dict[int, list[str]] = {}
    for group in groups:
        by_page.setdefault(group[0].page, []).append(join_lines([line.text for line in group]))
    why_not = pdf_ocr.unavailable() if scanned else None
    if scanned and why_not is None:
        read = pdf_ocr.read_pages(path, scanned)
        for number, page in read.items():
            by_page[number] = page.text_paragraphs
        if any(page.paragraphs for page in read.values()):
            meta["ocr"] = ocr_meta(scanned, list(read.values()))
    text = join_paragraphs(p for number in sorted(by_page) for p in by_page[number])
    if not text or not any(unicodedata.category(c).startswith("L") for c in text):
        if why_not:
            raise Unreadable(f"pas de couche texte (scan ?) ; {why_not}")
        if scanned:
            raise Unreadable("pas de couche texte, et rien de lisible par OCR sur le scan")
        raise Unreadable("pas de couche texte (scan ?)")
    return [Record(text=text, title=title, lang=lang, meta=meta)]


def _letters(lines: list[Line]) -> int:
    """Number of letters on a page's lines."""
    return sum(1 for line in lines for c in line.text if c.isalpha())


def _draws_image(page: Any) -> bool:
    """Whether a pypdf page draws at least one image (a scan, a photo of a statement)."""
    try:
        return len(page.images) > 0
    except Exception:  # a damaged image dictionary: worth a try with the renderer anyway
        return True
