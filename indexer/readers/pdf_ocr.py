"""Scanned pages of a PDF: rendered with PDFium (pypdfium2), then read by OCR (`ocr`).

A page is "scanned" when it draws an image and carries fewer than `MIN_LETTERS` letters of
text: the PDF reader asks OCR for those pages only, so a typed release with a scanned signed
annex keeps its real text layer and gains the annex.

Renderer: pypdfium2 (Apache-2.0/BSD, wheels with PDFium inside), measured beside poppler's
``pdftoppm`` on the same scanned pages (see bench/README.md, OCR): faster, no process per page
and no temporary files. PyMuPDF would do as well, but its AGPL licence does not suit a
dependency of an MIT project.
"""

from __future__ import annotations

from pathlib import Path

from indexer.readers import file_sha, ocr

MIN_LETTERS = 50
# Pages bigger than this (in points, both sides multiplied) are rendered at a lower resolution
# so that the image stays under `ocr.MAX_PIXELS`.


def render(path: Path, number: int, dpi: int = ocr.DPI):
    """Return page `number` (1-based) of a PDF as a grey PIL image at `dpi` (or less for huge
    pages: never more than `ocr.MAX_PIXELS` pixels)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        page = document[number - 1]
        width, height = page.get_size()  # points
        scale = dpi / 72
        pixels = width * height * scale * scale
        if pixels > ocr.MAX_PIXELS:
            scale *= (ocr.MAX_PIXELS / pixels) ** 0.5
        bitmap = page.render(scale=scale, grayscale=True)
        image = bitmap.to_pil()
        page.close()
        return image.copy()
    finally:
        document.close()


def read_pages(path: Path, numbers: list[int]) -> dict[int, ocr.OcrPage]:
    """Return the OCR of the given pages (1-based), from the cache when it holds them.

    Raise ImportError when pypdfium2 is missing (the caller checks `ocr.unavailable()` first).
    """
    import pypdfium2  # noqa: F401  (fail before hashing when the renderer is missing)

    sha = file_sha(path)
    return {
        number: ocr.cached_page(ocr.cache_key(sha, f"page{number}"),
                                lambda number=number: render(path, number))
        for number in numbers
    }


def unavailable() -> str | None:
    """Return why scanned PDF pages cannot be read here, or None."""
    reason = ocr.unavailable()
    if reason:
        return reason
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return f"OCR impossible : module pypdfium2 absent ; {ocr.INSTALL_HINT}"
    return None
