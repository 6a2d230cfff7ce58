"""Images of printed statements (.png, .jpg, .tif): read by OCR (see `indexer.readers.ocr`).

Each frame of a multi-page TIFF is a page. Pillow opens the file lazily: the size is checked
from the header before any pixel is decoded, so a decompression bomb (a tiny PNG declaring
50,000 × 50,000 pixels) is refused without allocating it. The EXIF date a camera wrote is when
the photo was taken, not when the statement was made: it goes to meta "created" only.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from indexer.readers import Record, Unreadable, file_sha, ocr
from indexer.text import join_paragraphs

# Biggest image decoded, in pixels: an A3 page at 600 dpi is 70 million.
MAX_IMAGE_PIXELS = 100_000_000
MAX_FRAMES = 200  # pages of a multi-page TIFF
_EXIF_DATETIME_ORIGINAL = 0x9003
_EXIF_DATETIME = 0x0132


def _created(image: Any) -> str | None:
    """Return the ISO date the camera or scanner wrote (EXIF "2023:03:14 09:12:00")."""
    try:
        exif = image.getexif()
        raw = exif.get_ifd(0x8769).get(_EXIF_DATETIME_ORIGINAL) or exif.get(_EXIF_DATETIME)
    except Exception:  # a damaged EXIF block is no reason to lose the text
        return None
    if not isinstance(raw, str) or len(raw) < 10 or not raw[:4].isdigit():
        return None
    return raw[:10].replace(":", "-")


def _bomb_reason(path: Path, pixels: int | None = None) -> str:
    """The reason an image declaring too many pixels is refused (read from its header)."""
    if pixels is None:
        from PIL import Image

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
            try:
                with Image.open(path) as image:  # the header only: no pixel is decoded
                    pixels = image.width * image.height
            finally:
                Image.MAX_IMAGE_PIXELS = limit
    return (f"image refusée : {pixels:,} pixels (> {MAX_IMAGE_PIXELS:,}, bombe de "
            "décompression ?)").replace(",", " ")


def _frame(path: Path, index: int):
    """Return frame `index` of an image file, decoded, as a new image."""
    from PIL import Image

    with Image.open(path) as image:
        image.seek(index)
        return image.copy()


def read(path: Path) -> list[Record]:
    """Return the one record of an image: the text OCR reads on each of its frames."""
    reason = ocr.unavailable()
    if reason:
        raise Unreadable(f"image non lue : {reason}")
    try:
        from PIL import Image, UnidentifiedImageError
    except ImportError:
        raise Unreadable(f"image non lue : module Pillow absent ; {ocr.INSTALL_HINT}") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Pillow's own bomb warning: checked below
            with Image.open(path) as image:
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
                dpi = image.info.get("dpi", (ocr.DPI, ocr.DPI))[0]
                created = _created(image)
    except Image.DecompressionBombError:
        raise Unreadable(_bomb_reason(path)) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise Unreadable(f"image illisible ({type(exc).__name__}: {exc})"[:200]) from exc
    if width * height > MAX_IMAGE_PIXELS:
        raise Unreadable(_bomb_reason(path, width * height))
    if frames > MAX_FRAMES:
        raise Unreadable(f"image refusée : {frames} pages (> {MAX_FRAMES})")
    dpi = int(dpi) if isinstance(dpi, int | float) and 70 <= dpi <= 1200 else ocr.DPI
    sha = file_sha(path)
    try:
        pages = [
            ocr.cached_page(ocr.cache_key(sha, f"frame{index}"),
                            lambda index=index: _frame(path, index), dpi)
            for index in range(frames)
        ]
    except (OSError, ValueError, SyntaxError, EOFError) as exc:  # truncated or corrupt pixels
        raise Unreadable(f"image illisible ({type(exc).__name__}: {exc})"[:200]) from exc
    text = join_paragraphs(p for page in pages for p in page.text_paragraphs)
    if not text:
        raise Unreadable("aucun texte reconnu dans l'image (OCR)")
    meta: dict[str, Any] = {"ocr": ocr.ocr_meta(list(range(1, frames + 1)), pages)}
    if created:
        meta["created"] = created
    return [Record(text=text, meta=meta)]
