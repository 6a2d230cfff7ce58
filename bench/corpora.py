"""The benchmark corpora, laid out as files in a work folder that `verbatim index` reads.

* `small`: the development sources (vie-publique CSVs, luxleaks in Markdown, HTML and PDF,
  the drupalfr PDFs, two TEI sittings);
* `real`: `small`, every TEI sitting, and every Hansard speech turn as JSONL (~85,000 documents);
* `250k`, `1m`: `real` plus synthetic documents recombined from its real paragraphs and
  metadata (`bench.expand`), written as JSONL shards.

The shared corpus is read-only and must not be copied into the repository: every corpus is
built under a work folder (by default `bench/results/work/`, which git ignores), afresh on each
run, because the incremental-indexing step modifies 1% of its files.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench import expand, hansard

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("VERBATIM_SHARED", ROOT.parent / "shared" / "corpus"))
RESULTS = ROOT / "bench" / "results"
WORK = RESULTS / "work"

TEI = "an-mariage-pour-tous-2013-tei"
HANSARD = "hansard-canada-36e-fr"
# The development sources, as tests/conftest.py's SHARED_SOURCES: two TEI sittings, not 25.
SMALL_FOLDERS = ("luxleaks-communiques", "vie-publique-discours", "drupalfr-dcrennes2024-presse")
SMALL_TEI = ("20130118.xml", "20130133.xml")
SIZES = {"small": None, "real": None, "250k": 250_000, "1m": 1_000_000}
EXPAND_SEED = 20240501
SHARD = 1000  # synthetic documents per JSONL file


@dataclass
class Corpus:
    """A corpus laid out on disk: the folder to index and what it holds."""

    name: str
    folder: Path  # the folder given to `index_paths`
    files: int
    bytes: int
    target_docs: int | None  # the number of documents asked for (expanded corpora only)

    def to_dict(self) -> dict:
        """Return the corpus description as plain data."""
        return {"name": self.name, "folder": str(self.folder), "files": self.files,
                "bytes": self.bytes, "target_docs": self.target_docs}


def _copy(src: Path, dst: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dst)
    else:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)


def lay_small(shared: Path, folder: Path) -> None:
    """Copy the development sources into `folder`."""
    for name in SMALL_FOLDERS:
        _copy(shared / name, folder / name)
    for name in (*SMALL_TEI, "metadata.csv"):  # the TEI reader dates sittings from metadata.csv
        _copy(shared / TEI / name, folder / "tei" / name)


def lay_real(shared: Path, folder: Path) -> None:
    """Copy `small` plus every TEI sitting and write every Hansard turn as JSONL."""
    lay_small(shared, folder)
    for path in sorted((shared / TEI).glob("*.xml")):
        if not (folder / "tei" / path.name).exists():
            _copy(path, folder / "tei" / path.name)
    hansard.write_jsonl(shared / HANSARD, folder / "hansard")


def corpus_files(folder: Path) -> list[Path]:
    """Return the files of a laid-out corpus, sorted."""
    return sorted(p for p in folder.rglob("*") if p.is_file())


def build(name: str, work: Path = WORK, shared: Path = SHARED, seed: int = EXPAND_SEED,
          log=print) -> Corpus:
    """Lay out corpus `name` under `work/name/files` (rebuilt from scratch) and return it."""
    if name not in SIZES:
        raise ValueError(f"unknown corpus {name!r}: one of {', '.join(SIZES)}")
    if not shared.is_dir():
        raise FileNotFoundError(f"shared corpus not found: {shared}")
    folder = work / name / "files"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    if name == "small":
        lay_small(shared, folder)
    else:
        lay_real(shared, folder)
    target = SIZES[name]
    if target:
        real = real_documents(work, shared, log=log)
        extra = max(0, target - len(real))
        log(f"  expanding: {len(real)} real documents + {extra} recombined (seed {seed})")
        expand.write_shards(expand.recombine(real, extra, seed), folder / "synthetic", SHARD)
    files = corpus_files(folder)
    return Corpus(name, folder, len(files), sum(p.stat().st_size for p in files), target)


def _flat(job: tuple[Path, Path]) -> list[dict]:
    from indexer.documents import documents_from_file
    from indexer.readers import Unreadable

    path, root = job
    try:
        docs = documents_from_file(path, root)
    except Unreadable:
        return []
    return [expand.flat_document(d) for d in docs]


def real_documents(work: Path, shared: Path, log=print) -> list[dict]:
    """Return the `real` corpus's documents as flat dicts (read once, cached in `work`).

    They are read with Verbatim's own readers and extraction, so the recombined documents carry
    the metadata Verbatim would index.
    """
    cache = work / "real-documents.jsonl.gz"
    if cache.exists():
        with gzip.open(cache, "rt", encoding="utf-8") as handle:
            return [json.loads(line) for line in handle]
    log("  reading the real corpus once to recombine it (cached for later runs)")
    folder = work / "real-source"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    lay_real(shared, folder)
    jobs = [(p, folder) for p in corpus_files(folder)]
    with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 1, 4)) as pool:
        docs = [d for batch in pool.map(_flat, jobs, chunksize=8) for d in batch]
    shutil.rmtree(folder)
    with gzip.open(cache, "wt", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return docs


def pick_changed(files: Iterable[Path], fraction: float = 0.01, seed: int = 1) -> list[Path]:
    """Return a seeded choice of `fraction` of the text files (at least one) to modify.

    PDFs are left out: appending to them is not a content change a reader would survive.
    """
    candidates = sorted(p for p in files if p.suffix.lower() in
                        {".md", ".html", ".csv", ".jsonl", ".xml", ".txt"})
    candidates = [p for p in candidates if p.name != "metadata.csv"]
    if not candidates:
        return []
    count = max(1, round(len(candidates) * fraction))
    return sorted(random.Random(seed).sample(candidates, count))


def touch_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Append a line break to each file: its content hash changes, its documents do not."""
    for path in paths:
        with path.open("ab") as handle:
            handle.write(b"\n")
        yield path
