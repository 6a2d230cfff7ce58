"""Generated scans: text laid out on an A4 page as a printer would, then degraded as a scanner
does (a slight rotation, grey levels, speckle noise), for OCR tests and benchmarks.

`render_pages(paragraphs, dpi)` returns grey PIL images, one per page; `degrade(image, seed)`
tilts and soils one; `scanned_pdf(images, dpi, path)` wraps images into a PDF without any text
layer, the way a copier's "scan to PDF" does.

The text is never stored: the benchmark (`python -m bench.ocr`) renders passages of the shared
corpus at run time, the tests render the demo corpus's own texts.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"serif": "DejaVuSerif.ttf", "sans": "DejaVuSans.ttf"}
A4_INCHES = (8.27, 11.69)
MARGIN_INCHES = 0.9


def font(family: str, points: float, dpi: int) -> ImageFont.FreeTypeFont:
    """Return a DejaVu font of `points` size for a page rendered at `dpi`."""
    return ImageFont.truetype(str(FONT_DIR / FONTS[family]), round(points * dpi / 72))


def _wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Break a paragraph into lines no wider than `width` pixels (whole words)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and face.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def render_pages(paragraphs: Iterable[str], dpi: int = 300, *, family: str = "serif",
                 points: float = 11.0, title: str | None = None) -> list[Image.Image]:
    """Return the pages (grey images) of `paragraphs` typeset at `points` on A4 at `dpi`.

    A title, if given, is set larger and bold-looking (twice the size) above the text.
    """
    width, height = (round(side * dpi) for side in A4_INCHES)
    margin = round(MARGIN_INCHES * dpi)
    body = font(family, points, dpi)
    leading = round(points * 1.45 * dpi / 72)
    pages: list[Image.Image] = []
    page = draw = None
    y = 0

    def new_page() -> None:
        nonlocal page, draw, y
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        pages.append(page)
        y = margin

    new_page()
    blocks: list[tuple[ImageFont.FreeTypeFont, int, str]] = []
    if title:
        blocks.append((font(family, points * 1.5, dpi), round(leading * 1.5), title))
    blocks += [(body, leading, p) for p in paragraphs]
    for face, step, text in blocks:
        for line in _wrap(text, face, width - 2 * margin):
            if y + step > height - margin:
                new_page()
            draw.text((margin, y), line, font=face, fill=0)
            y += step
        y += step // 2  # paragraph spacing
    return pages


def degrade(image: Image.Image, seed: int, *, max_angle: float = 1.0,
            noise: float = 0.02) -> Image.Image:
    """Return `image` as a scanner returns it: tilted by up to `max_angle` degrees, slightly
    blurred, with grey paper, ink that is not black, and `noise` (share of pixels) speckles."""
    rng = random.Random(seed)
    angle = rng.uniform(-max_angle, max_angle)
    tilted = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    soft = tilted.filter(ImageFilter.GaussianBlur(radius=0.6))
    # paper at 235, ink at 35: the contrast of a photocopy
    toned = soft.point(lambda v: 35 + v * 200 // 255)
    pixels = toned.load()
    w, h = toned.size
    for _ in range(int(noise * w * h)):
        x, y = rng.randrange(w), rng.randrange(h)
        pixels[x, y] = rng.choice((0, 60, 200, 255))
    return toned


def scanned_pdf(images: list[Image.Image], dpi: int, path: Path,
                text_pages: dict[int, list[str]] | None = None,
                created: datetime | None = None) -> Path:
    """Write `images` as the pages of a PDF with no text layer (fpdf2).

    `text_pages` maps a page index to paragraphs typeset as real text instead of the image:
    a document whose first pages were typed and the last one scanned (a signed annex).
    `created` is the PDF's creation date (default: now).
    """
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    if created is not None:
        pdf.set_creation_date(created)
    pdf.set_auto_page_break(True, margin=20)
    text_pages = text_pages or {}
    if text_pages:
        pdf.add_font("Body", "", str(FONT_DIR / "DejaVuSerif.ttf"))
    for index, image in enumerate(images):
        pdf.add_page()
        if index in text_pages:
            pdf.set_font("Body", size=11)
            for paragraph in text_pages[index]:
                pdf.multi_cell(0, 5.5, paragraph, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
        else:
            pdf.image(image.convert("L"), x=0, y=0, w=210, h=297)
    del dpi  # the image fills the page whatever its resolution
    pdf.output(str(path))
    return path
