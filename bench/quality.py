"""Retrieval quality on three French QA sets used as passage retrieval: MRR@10, Recall@1/10/100.

* PIAF v1.0: 3,835 questions over 761 Wikipedia paragraphs (relevant: the question's paragraph);
* service-public (spf_qr_test): 105 questions over 530 fiches;
* CNIL « besoin d'aide »: 524 paraphrased questions over the answer texts alone.

Rankers, each on the same passages:

* `verbatim`: Verbatim's index (passages written as JSONL and indexed with `index_paths`) and
  `search()` as a user gets it by default: up to 3 words all required, more words at least
  half of them, widened to any word when that finds under a page (10). Snippets are switched
  off (`indexer.search._snippet` replaced by a stub during the run): they do not change the
  ranking and would dominate the time;
* `verbatim-or`: the same index and analyzer, ranked any-word matching from the start (the
  query Verbatim builds when it relaxes: `parse_query(q, any_word=True)`);
* `verbatim-all-then-any`: a possible default, computed from the two above: the documents
  with every word first (Verbatim's order), then the any-word ranking's other documents;
* `whoosh-standard`, `whoosh-fr`: a plain Whoosh index with Whoosh's stock `StandardAnalyzer`
  or `LanguageAnalyzer("fr")`, BM25F, the question's terms OR-ed;
* `tantivy-or`, `fts5-or` (when available): the peers of the latency benchmark, any word.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bench.corpora import SHARED
from bench.docs import BenchDoc
from bench.metrics import evaluate

# Lucene FrenchAnalyzer + BM25 MRR@10 (the references) and the targets set for Verbatim.
REFERENCES = {"piaf": 0.753, "service-public": 0.840, "cnil": 0.593}
TARGETS = {"piaf": 0.78, "service-public": 0.87, "cnil": 0.62}
SETS = {
    "piaf": ("eval-piaf", "piaf-v1.0.json"),
    "service-public": ("eval-piaf-ml-spf-cnil", "spf_qr_test.json"),
    "cnil": ("eval-piaf-ml-spf-cnil", "besoindaide_PIAF_cnil.json"),
}
DEPTH = 100


@dataclass
class EvalSet:
    """Passages (id → text) and questions (text, relevant passage ids)."""

    name: str
    passages: dict[str, str]
    questions: list[tuple[str, set[str]]]


def squad_set(name: str, data: dict) -> EvalSet:
    """Return the passages and questions of a SQuAD-shaped document (one passage per
    paragraph, relevant = the paragraph that carries the question)."""
    passages: dict[str, str] = {}
    questions: list[tuple[str, set[str]]] = []
    for i, entry in enumerate(data["data"]):
        for j, paragraph in enumerate(entry.get("paragraphs") or []):
            pid = f"{i}.{j}"
            passages[pid] = paragraph["context"]
            for qa in paragraph.get("qas") or []:
                if qa.get("question", "").strip():
                    questions.append((qa["question"].strip(), {pid}))
    return EvalSet(name, passages, questions)


def load_set(name: str, shared: Path = SHARED) -> EvalSet:
    """Load one of the three sets from the shared corpus."""
    folder, filename = SETS[name]
    return squad_set(name, json.loads((shared / folder / filename).read_text("utf-8")))


Ranker = Callable[[str], list[str]]


@contextmanager
def _no_snippets() -> Iterator[None]:
    import indexer.whoosh_engine as module

    saved = module._snippet
    module._snippet = lambda text, terms, top=2: ""
    try:
        yield
    finally:
        module._snippet = saved


def verbatim_rankers(evalset: EvalSet, folder: Path) -> dict[str, Ranker]:
    """Index the passages with Verbatim and return its default and any-word rankers."""
    from whoosh import query as wq

    from indexer.indexing import index_paths
    from indexer.query import parse_query
    from indexer.search import SearchRequest, open_catalog, search

    source = folder / "passages"
    source.mkdir(parents=True)
    with (source / "passages.jsonl").open("w", encoding="utf-8") as handle:
        for pid, text in evalset.passages.items():
            handle.write(json.dumps({"id": pid, "text": text}, ensure_ascii=False) + "\n")
    index_paths([source], folder / "index", workers=1)
    catalog = open_catalog(folder / "index")

    @cache
    def default(question: str) -> tuple[str, ...]:
        found = search(catalog, SearchRequest(q=question, per_page=DEPTH))
        return tuple(hit["record"] for hit in found.hits)

    @cache
    def any_word(question: str) -> tuple[str, ...]:
        searcher = catalog.searcher()
        query = parse_query(question, any_word=True).query
        hits = searcher.search(query, limit=DEPTH, filter=wq.Term("type", "doc"))
        return tuple(hit["record"] for hit in hits)

    def all_then_any(question: str) -> list[str]:
        first = list(default(question))
        return (first + [x for x in any_word(question) if x not in set(first)])[:DEPTH]

    return {"verbatim": lambda q: list(default(q)), "verbatim-or": lambda q: list(any_word(q)),
            "verbatim-all-then-any": all_then_any}


def whoosh_ranker(evalset: EvalSet, folder: Path, analyzer) -> Ranker:
    """Index the passages in a plain Whoosh index and return an OR-of-terms BM25F ranker."""
    from whoosh import index as whoosh_index
    from whoosh import query as wq
    from whoosh.fields import ID, TEXT, Schema

    folder.mkdir(parents=True)
    ix = whoosh_index.create_in(str(folder), Schema(id=ID(stored=True), text=TEXT(analyzer)))
    with ix.writer(limitmb=256) as writer:
        for pid, text in evalset.passages.items():
            writer.add_document(id=pid, text=text)
    searcher = ix.searcher()

    def rank(question: str) -> list[str]:
        terms = list(dict.fromkeys(t.text for t in analyzer(question)))
        if not terms:
            return []
        hits = searcher.search(wq.Or([wq.Term("text", t) for t in terms]), limit=DEPTH)
        return [hit["id"] for hit in hits]

    return rank


def peer_rankers(evalset: EvalSet, folder: Path) -> dict[str, Ranker]:
    """Return the any-word rankers of the latency peers (tantivy when installed, FTS5)."""
    from bench.engines import sqlite_fts

    docs = [BenchDoc(id=pid, source="passages", text=text)
            for pid, text in evalset.passages.items()]
    out: dict[str, Ranker] = {}
    try:
        from bench.engines import tantivy_peer
    except ImportError:
        tantivy_peer = None
    if tantivy_peer is not None:
        tantivy_peer.build(docs, folder / "tantivy")
        engine = tantivy_peer.TantivyEngine(folder / "tantivy")
        out["tantivy-or"] = lambda q: engine.rank(q, DEPTH)
    sqlite_fts.build(docs, folder / "fts5.sqlite")
    fts = sqlite_fts.SqliteEngine(folder / "fts5.sqlite")
    out["fts5-or"] = lambda q: fts.rank(q, DEPTH)
    return out


def run_quality(names: list[str] | None = None, shared: Path = SHARED,
                log: Callable[[str], None] = print) -> dict[str, dict[str, dict[str, float]]]:
    """Return {set: {ranker: metrics (+ seconds)}} for the chosen sets (all by default)."""
    from whoosh.analysis import LanguageAnalyzer, StandardAnalyzer

    results: dict[str, dict[str, dict[str, float]]] = {}
    for name in names or list(SETS):
        evalset = load_set(name, shared)
        log(f"  {name}: {len(evalset.questions)} questions, {len(evalset.passages)} passages")
        with tempfile.TemporaryDirectory(prefix=f"bench-quality-{name}-") as tmp:
            folder = Path(tmp)
            rankers = verbatim_rankers(evalset, folder / "verbatim")
            rankers["whoosh-standard"] = whoosh_ranker(evalset, folder / "std", StandardAnalyzer())
            rankers["whoosh-fr"] = whoosh_ranker(evalset, folder / "fr", LanguageAnalyzer("fr"))
            rankers.update(peer_rankers(evalset, folder))
            results[name] = {}
            with _no_snippets():
                for ranker_name, rank in rankers.items():
                    started = time.perf_counter()
                    runs = [(rank(q), relevant) for q, relevant in evalset.questions]
                    metrics = evaluate(runs)
                    metrics["seconds"] = time.perf_counter() - started
                    results[name][ranker_name] = metrics
                    log(f"    {ranker_name:16} MRR@10 {metrics['mrr@10']:.3f}  "
                        f"R@1 {metrics['recall@1']:.3f}  R@10 {metrics['recall@10']:.3f}  "
                        f"R@100 {metrics['recall@100']:.3f}  ({metrics['seconds']:.0f} s)")
    return results
