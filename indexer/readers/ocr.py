"""Optical character recognition of scanned pages: Tesseract's French model, cached by content.

Engine
    Tesseract through `tesserocr` (its C++ API, the model loaded once per process), with the
    French model of the Debian package ``tesseract-ocr-fra``. Measured against `pytesseract`
    (one ``tesseract`` process per page) on generated A4 scans: the same character error rate,
    and 25 to 40 % less time per page, the model staying loaded (see bench/README.md, OCR).
    Before recognition a 3×3 median filter removes scanner speckle: on pages soiled with 2 %
    of dots it brings the error rate from 4.5–6 % down to under 0.5 %, and costs nothing on
    clean pages.

Layout
    Tesseract's result iterator gives lines with their boxes; a paragraph starts where
    Tesseract starts one, after a vertical gap clearly larger than the line pitch, or after a
    short line ending a sentence. Lines are joined by the PDF reader's `join_lines` (end-of-line
    hyphenation undone, real hyphens kept).

Cache
    OCR output is kept in a folder (`configure(cache_dir=…)`, the index's ``ocr-cache``) under
    the SHA-256 of what was recognised (a file's bytes and a page number), with the engine,
    model and settings in the key: a re-run, a rebuild or the same scan under another name
    never runs OCR twice. Entries are written atomically (temporary file, then rename), so a
    crash leaves a whole entry or none, and parallel workers never see half an entry.

Without Tesseract (or with OCR turned off) `unavailable()` says why in one line, with the
command that installs it: the reader then skips the file with that reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import Any

from indexer.text import clean_paragraph

LANG = "fra"
INSTALL_HINT = (
    "installez Tesseract et son modèle français : apt-get install tesseract-ocr "
    "tesseract-ocr-fra, puis pip install 'verbatim[ocr]'"
)
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
# Bump when the preprocessing or the layout rules change: old cache entries then miss.
PIPELINE = "median3-v1"
# Pages are rendered (PDF) or read (images) at this resolution when the file does not say.
DPI = 300
# A page image larger than this (pixels) is scaled down first: a 600 dpi A3 poster would take
# minutes and gigabytes for no better text.
MAX_PIXELS = 40_000_000
# Below this mean word confidence (0-100) a page is not text (a photo, a drawing): dropped.
MIN_CONFIDENCE = 40.0


@dataclass
class Settings:
    """How OCR runs in this process: on or off, and where results are cached (None: nowhere)."""

    enabled: bool = True
    cache_dir: Path | None = None


_settings = Settings()
_lock = threading.Lock()
_api: Any = None  # one tesserocr API per process, created at first use


def configure(enabled: bool = True, cache_dir: Path | str | None = None) -> None:
    """Set whether OCR runs and where its results are cached, for this process.

    Indexing calls it in the parent and, through the pool's initializer, in every worker.
    """
    _settings.enabled = enabled
    _settings.cache_dir = Path(cache_dir) if cache_dir else None


def settings() -> Settings:
    """Return this process's OCR settings."""
    return _settings


def tessdata_dir() -> Path | None:
    """Return the folder holding the French model (`fra.traineddata`), or None.

    $VERBATIM_TESSDATA, when set, is the only folder looked at; else $TESSDATA_PREFIX, then
    the folders Debian, Fedora, Homebrew and source builds use.
    """
    if forced := os.environ.get("VERBATIM_TESSDATA"):
        candidates = [forced]
    else:
        candidates = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_DIRS]
    for folder in candidates:
        if folder and (Path(folder) / f"{LANG}.traineddata").is_file():
            return Path(folder)
        if folder and (Path(folder) / "tessdata" / f"{LANG}.traineddata").is_file():
            return Path(folder) / "tessdata"
    return None


def unavailable() -> str | None:
    """Return why OCR cannot run here (one line, with how to fix it), or None when it can."""
    if not _settings.enabled:
        return "OCR désactivée (--no-ocr)"
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return f"OCR impossible : module tesserocr absent ; {INSTALL_HINT}"
    if tessdata_dir() is None:
        return f"OCR impossible : modèle français de Tesseract absent ; {INSTALL_HINT}"
    return None


def engine_version() -> str:
    """Return "tesseract X.Y.Z" of the engine in use (the first line tesserocr reports)."""
    import tesserocr

    return tesserocr.tesseract_version().splitlines()[0].strip()


# --- recognition ------------------------------------------------------------------------------


@dataclass
class OcrLine:
    """One recognised line: its text and box in pixels (left, top, right, bottom)."""

    text: str
    box: tuple[int, int, int, int]
    starts_paragraph: bool


@dataclass
class OcrPage:
    """What OCR read on one page: paragraphs (each a list of line texts) and its confidence."""

    paragraphs: list[list[str]] = field(default_factory=list)
    confidence: float = 0.0  # mean word confidence, 0-100
    cached: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the page as JSON-ready data (what the cache stores)."""
        return {"paragraphs": self.paragraphs, "confidence": self.confidence}

    @property
    def text_paragraphs(self) -> list[str]:
        """The paragraphs as text, lines joined (hyphenation undone)."""
        from indexer.readers.pdf import join_lines

        return [p for p in (clean_paragraph(join_lines(lines)) for lines in self.paragraphs) if p]


def _api_instance():
    """Return this process's tesserocr API, loading the French model at first use."""
    global _api
    if _api is None:
        import tesserocr

        _api = tesserocr.PyTessBaseAPI(path=str(tessdata_dir()), lang=LANG,
                                       psm=tesserocr.PSM.AUTO)
    return _api


def _prepared(image):
    """Return a grey image ready for Tesseract: flattened, bounded in size, despeckled."""
    from PIL import Image, ImageFilter, ImageOps

    image = ImageOps.exif_transpose(image)  # photos taken sideways say so in their EXIF
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, image)
    image = image.convert("L")
    pixels = image.width * image.height
    if pixels > MAX_PIXELS:
        scale = (MAX_PIXELS / pixels) ** 0.5
        image = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))))
    return image.filter(ImageFilter.MedianFilter(3))


def recognise(image, dpi: int = DPI) -> OcrPage:
    """Run Tesseract on a PIL image and return its paragraphs (see the module docstring)."""
    import tesserocr

    prepared = _prepared(image)
    with _lock:
        api = _api_instance()
        api.SetImage(prepared)
        api.SetSourceResolution(int(dpi))
        try:
            api.Recognize()
            lines = _lines(api, tesserocr.RIL.TEXTLINE, tesserocr.RIL.PARA)
            confidences = api.AllWordConfidences() or []
        except RuntimeError:  # tesserocr's "No text returned": a blank page or a picture
            lines, confidences = [], []
        finally:
            api.Clear()
    confidence = sum(confidences) / len(confidences) if confidences else 0.0
    if confidence < MIN_CONFIDENCE:
        return OcrPage([], round(confidence, 1))
    return OcrPage(paragraph_lines(lines), round(confidence, 1))


def _lines(api, line_level, para_level) -> list[OcrLine]:
    """Return the lines of the last recognition, in reading order."""
    found: list[OcrLine] = []
    iterator = api.GetIterator()
    if iterator is None:
        return found
    while True:
        text = (iterator.GetUTF8Text(line_level) or "").strip()
        box = iterator.BoundingBox(line_level)
        if text and box:
            found.append(OcrLine(text, tuple(box), iterator.IsAtBeginningOf(para_level)))
        if not iterator.Next(line_level):
            return found


_SENTENCE_END = tuple('.!?:»"”…')


def paragraph_lines(lines: list[OcrLine]) -> list[list[str]]:
    """Group recognised lines into paragraphs (Tesseract's, gaps, short closing lines).

    >>> box = lambda top, right=900: (100, top, right, top + 30)
    >>> lines = [OcrLine("Lyon, le 5 mars 2015.", box(0, 400), True),
    ...          OcrLine("Le comité salue la", box(45), False),
    ...          OcrLine("décision des juges.", box(90, 500), False),
    ...          OcrLine("Il appelle à la vigilance.", box(135), False)]
    >>> paragraph_lines(lines)  # doctest: +NORMALIZE_WHITESPACE
    [['Lyon, le 5 mars 2015.'], ['Le comité salue la', 'décision des juges.'],
     ['Il appelle à la vigilance.']]
    """
    if not lines:
        return []
    pitches = [b.box[1] - a.box[1] for a, b in zip(lines, lines[1:], strict=False)
               if 0 < b.box[1] - a.box[1]]
    pitch = median(pitches) if pitches else 0
    right = sorted(line.box[2] for line in lines)[(len(lines) * 9) // 10]
    left = min(line.box[0] for line in lines)
    groups: list[list[str]] = []
    previous: OcrLine | None = None
    for line in lines:
        new = previous is None or line.starts_paragraph
        if previous is not None and not new:
            gap = line.box[1] - previous.box[1]
            if gap < 0 or (pitch and gap > 1.4 * pitch):
                new = True  # a new column, or a blank line between paragraphs
            elif previous.text.endswith(_SENTENCE_END):
                short = previous.box[2] < right - 0.25 * max(right - left, 1)
                new = short
        if new:
            groups.append([line.text])
        else:
            groups[-1].append(line.text)
        previous = line
    return groups


# --- cache ------------------------------------------------------------------------------------


def cache_key(content_sha: str, part: str = "") -> str:
    """Return the cache key of a page: content hash, part (page number), engine and settings."""
    recipe = f"{content_sha}\x00{part}\x00{engine_version()}\x00{LANG}\x00{PIPELINE}\x00{DPI}"
    return hashlib.sha256(recipe.encode()).hexdigest()


def _cache_path(key: str) -> Path | None:
    folder = _settings.cache_dir
    return folder / key[:2] / f"{key}.json" if folder else None


def cached_page(key: str, image: Callable[[], Any], dpi: int = DPI) -> OcrPage:
    """Return the OCR of a page from the cache, or recognise `image()` and cache it."""
    path = _cache_path(key)
    if path is not None:
        try:
            data = json.loads(path.read_text("utf-8"))
            return OcrPage(data["paragraphs"], float(data["confidence"]), cached=True)
        except (OSError, ValueError, KeyError, TypeError):
            pass  # absent or damaged: recognise again
    page = recognise(image(), dpi)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(page.to_dict(), ensure_ascii=False), "utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only or full disk costs a second OCR later, nothing else
    return page


def ocr_meta(pages: list[int], results: list[OcrPage]) -> dict[str, Any]:
    """Return what a record says about its OCR: pages read, engine, confidence, cache hits."""
    words = [r.confidence for r in results if r.paragraphs]
    return {
        "pages": pages,
        "engine": f"{engine_version()} ({LANG})",
        "confidence": round(sum(words) / len(words), 1) if words else 0.0,
        "cached": sum(1 for r in results if r.cached),
    }
