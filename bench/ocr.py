"""OCR benchmark: real communiqués printed, scanned (generated), read back by Verbatim's readers.

Run: ``python -m bench.ocr [--docs 12] [--workers 2] [--dpi 200 300] [--json]``.

Each communiqué of the shared corpus's luxleaks posts (the seed-like releases: dateline,
title, quotations « … » attributed to named people) and of the demo corpus is typeset on A4
pages (`bench.scans.render_pages`), scanned at 200 and 300 dpi (tilted up to 1°, grey paper,
0.5 % speckle: `degrade`), and saved twice: as a PNG per page (read by the image reader at the
scan's resolution) and as a PDF with no text layer (read by the PDF reader, which renders the
page with PDFium at 300 dpi). Nothing generated is kept.

Measured, per resolution and per kind of file:

* character error rate (CER): Levenshtein distance between the text read and the text
  printed, divided by the printed length; "raw" compares the characters as they are (spaces
  squeezed), "folded" also takes ’ and ', « and ", dashes and ligatures as equal (what search
  sees after the analyzer);
* extraction: the French extraction (`enrich_document`) run on the text read and on the text
  printed, each as a bare document (no metadata): same date, same speakers, share of the
  speech quotations found again (≥ 90 % similar) and of those with the same speaker;
* speed: pages per second over the whole run, with `--workers` processes (the machine's two
  cores by default), the OCR cache off.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from bench.scans import degrade, render_pages, scanned_pdf
from indexer.document import Document
from indexer.extract import enrich_document
from indexer.readers import ocr, read_records

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VERBATIM_SHARED", ROOT.parent / "shared" / "corpus"))
LUXLEAKS = "luxleaks-communiques/markdown"
DEMO = ROOT / "corpus" / "documents" / "markdown"


@dataclass
class Source:
    """A communiqué to print: its title and paragraphs, as the Markdown reader reads them."""

    name: str
    title: str
    paragraphs: list[str]


def sources(count: int) -> list[Source]:
    """Return `count` luxleaks communiqués holding quotations (every k-th, by name), then the
    demo corpus's Markdown files."""
    found: list[Source] = []
    folder = SHARED / LUXLEAKS
    if folder.is_dir():
        files = sorted(p for p in folder.iterdir() if "«" in p.read_text("utf-8"))
        step = max(1, len(files) // max(count, 1))
        for path in files[::step][:count]:
            (record,) = read_records(path)
            found.append(Source(f"luxleaks/{path.name}", record.title or "",
                                record.text.split("\n\n")))
    else:
        print(f"corpus partagé absent ({folder}) : corpus de démonstration seul", file=sys.stderr)
    for path in sorted(DEMO.glob("*.md")):
        (record,) = read_records(path)
        found.append(Source(f"demo/{path.name}", record.title or "", record.text.split("\n\n")))
    return found


_FOLD = str.maketrans({"’": "'", "‘": "'", "«": '"', "»": '"', "“": '"', "”": '"', "–": "-",
                       "—": "-", "\u00a0": " ", "\u202f": " ", "…": "..."})


def squeeze(text: str) -> str:
    """Spaces squeezed, non-breaking spaces made plain."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def cer(read: str, printed: str, folded: bool = False) -> float:
    """Character error rate of `read` against `printed` (0.0 = identical)."""
    a, b = squeeze(read), squeeze(printed)
    if folded:
        a, b = squeeze(a.translate(_FOLD)), squeeze(b.translate(_FOLD))
        a, b = a.replace('" ', '"').replace(' "', '"'), b.replace('" ', '"').replace(' "', '"')
    return Levenshtein.distance(a, b) / max(len(b), 1)


def extraction(read: str, printed: str) -> dict:
    """Compare what the French extraction finds in the text read and in the text printed."""
    def enrich(text: str) -> Document:
        return enrich_document(Document(id="x", source="scan.pdf", format="pdf", text=text))

    got, want = enrich(read), enrich(printed)
    speeches = [q for q in want.quotes if q.is_speech]
    found = same_speaker = 0
    for quote in speeches:
        match = max((q for q in got.quotes if q.is_speech),
                    key=lambda q: fuzz.ratio(q.text, quote.text), default=None)
        if match is not None and fuzz.ratio(match.text, quote.text) >= 90:
            found += 1
            same_speaker += match.speaker == quote.speaker
    return {
        "date": got.date == want.date,
        "dated": want.date is not None,
        "speakers": {s.name for s in got.speakers} == {s.name for s in want.speakers},
        "quotes": len(speeches),
        "quotes_found": found,
        "quotes_same_speaker": same_speaker,
    }


def _seed(*parts: object) -> int:
    """A seed that does not change from one run (or process) to the next."""
    return zlib.crc32(repr(parts).encode())


def _print(args: tuple[Source, int, str, str]) -> dict:
    """Print and scan one communiqué at one resolution as one kind of file (PNG or PDF)."""
    source, dpi, kind, work = args
    pages = [degrade(page, seed=_seed(source.name, dpi, i), max_angle=1.0, noise=0.005)
             for i, page in enumerate(render_pages(source.paragraphs, dpi, title=source.title))]
    stem = Path(work) / f"{_seed(source.name, dpi, kind):08x}"
    if kind == "pdf":
        files = [scanned_pdf(pages, dpi, stem.with_suffix(".pdf"))]
    else:
        files = []
        for i, page in enumerate(pages):
            path = stem.with_name(f"{stem.name}-{i}.png")
            page.save(path, dpi=(dpi, dpi))
            files.append(path)
    return {"source": source.name, "dpi": dpi, "kind": kind, "pages": len(pages),
            "files": [str(f) for f in files],
            "printed": "\n\n".join([source.title, *source.paragraphs])}


def _read(row: dict) -> dict:
    """Read one printed communiqué back through the readers (OCR cache off) and score it."""
    ocr.configure(True, None)
    started = time.perf_counter()
    read = "\n\n".join(r.text for path in row["files"] for r in read_records(Path(path)))
    seconds = time.perf_counter() - started
    printed = row.pop("printed")
    row.pop("files")
    return {**row, "seconds": seconds, "cer": cer(read, printed),
            "cer_folded": cer(read, printed, folded=True), **extraction(read, printed)}


def summarise(rows: list[dict]) -> dict:
    """Totals per (dpi, kind): CER over all characters, extraction agreement."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(f"{row['dpi']} dpi {row['kind']}", []).append(row)
    summary = {}
    for name, items in sorted(groups.items()):
        quotes = sum(r["quotes"] for r in items)
        dated = [r for r in items if r["dated"]]
        summary[name] = {
            "documents": len(items),
            "pages": sum(r["pages"] for r in items),
            "cer_mean": sum(r["cer"] for r in items) / len(items),
            "cer_max": max(r["cer"] for r in items),
            "cer_folded_mean": sum(r["cer_folded"] for r in items) / len(items),
            "date_same": f"{sum(r['date'] for r in dated)}/{len(dated)}",
            "speakers_same": f"{sum(r['speakers'] for r in items)}/{len(items)}",
            "quotes_found": f"{sum(r['quotes_found'] for r in items)}/{quotes}",
            "quotes_same_speaker": f"{sum(r['quotes_same_speaker'] for r in items)}/{quotes}",
        }
    return summary


def main(argv: list[str] | None = None) -> int:
    """Command line: run the benchmark and print a table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=12, help="luxleaks communiqués (12)")
    parser.add_argument("--workers", type=int, default=2, help="processes (2)")
    parser.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    parser.add_argument("--kinds", nargs="+", default=["png", "pdf"], choices=["png", "pdf"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if reason := ocr.unavailable():
        parser.error(reason)
    found = sources(args.docs)
    with tempfile.TemporaryDirectory(prefix="verbatim-ocr-") as work:
        jobs = [(s, dpi, kind, work) for s in found for dpi in args.dpi for kind in args.kinds]
        with ProcessPoolExecutor(max_workers=args.workers) as pool:
            printed = list(pool.map(_print, jobs))
            started = time.perf_counter()  # only the reading is timed
            rows = list(pool.map(_read, printed))
            wall = time.perf_counter() - started
    pages = sum(r["pages"] for r in rows)
    result = {
        "engine": ocr.engine_version(), "workers": args.workers, "pages": pages,
        "wall_seconds": round(wall, 1),
        "ocr_pages_per_second": round(pages / wall, 3),
        "seconds_per_page_one_process": round(sum(r["seconds"] for r in rows) / pages, 2),
        "summary": summarise(rows), "rows": rows,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    print(f"{result['engine']}, {args.workers} processus, {pages} pages en {wall:.0f} s : "
          f"{result['ocr_pages_per_second']} page/s (OCR seule), "
          f"{result['seconds_per_page_one_process']} s par page et par processus")
    header = ("", "docs", "pages", "CER moy.", "CER max", "CER plié", "date", "orateurs",
              "citations", "même orateur")
    print(" | ".join(header))
    for name, s in result["summary"].items():
        print(" | ".join([name, str(s["documents"]), str(s["pages"]), f"{s['cer_mean']:.2%}",
                          f"{s['cer_max']:.2%}", f"{s['cer_folded_mean']:.2%}", s["date_same"],
                          s["speakers_same"], s["quotes_found"], s["quotes_same_speaker"]]))
    worst = sorted(rows, key=lambda r: -r["cer"])[:3]
    for row in worst:
        print(f"  pire : {row['source']} {row['dpi']} dpi {row['kind']} CER {row['cer']:.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
