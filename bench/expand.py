"""Synthetic documents for the 250k and 1m corpora, recombined from real ones (seeded).

Each new document takes the metadata of one real document (title, date, speakers, themes,
kind) and as many paragraphs as it had, each drawn from the pool of every real paragraph. So
the vocabulary, the paragraph lengths and the facet distributions stay those of real
statements, while the texts are new combinations. The same seed gives the same documents.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from indexer.document import Document


def flat_document(doc: Document) -> dict[str, Any]:
    """Return the fields of a document that the JSONL reader takes back."""
    return {
        "title": doc.title,
        "date": doc.date,
        "text": doc.text,
        "speakers": [s.name for s in doc.speakers],
        "tags": list(doc.themes),
        "kind": doc.kind,
    }


def paragraphs(text: str) -> list[str]:
    """Return the non-empty paragraphs of a normalised text (blank-line separated)."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def recombine(real: list[dict[str, Any]], count: int, seed: int) -> Iterator[dict[str, Any]]:
    """Yield `count` JSONL rows recombined from the `real` flat documents."""
    if count <= 0 or not real:
        return
    rng = random.Random(seed)
    pool = [p for doc in real for p in paragraphs(doc["text"] or "")]
    if not pool:
        return
    for n in range(count):
        template = real[rng.randrange(len(real))]
        size = max(1, len(paragraphs(template["text"] or "")))
        yield {
            "id": f"syn-{n:07d}",
            "title": template.get("title"),
            "date": template.get("date"),
            "text": "\n\n".join(pool[rng.randrange(len(pool))] for _ in range(size)),
            "speakers": list(template.get("speakers") or []),
            "tags": list(template.get("tags") or []),
            "kind": template.get("kind"),
        }


def write_shards(rows: Iterable[dict[str, Any]], folder: Path, size: int) -> int:
    """Write rows as JSONL files of `size` rows each in `folder`; return the rows written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    handle = None
    try:
        for row in rows:
            if written % size == 0:
                if handle:
                    handle.close()
                handle = (folder / f"shard-{written // size:05d}.jsonl").open("w", encoding="utf-8")
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            written += 1
    finally:
        if handle:
            handle.close()
    return written
