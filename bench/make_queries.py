"""Generate the query mix from the `small` corpus, seeded; run once, then the file is frozen.

    python -m bench.make_queries [--out bench/queries-v1.json] [--seed 2024] [--force]

The words come from the real documents (short fragments only). The same documents and seed
give the same mix. A new mix gets a new version number and file: never overwrite v1, or
results stop being comparable across commits (`--force` exists for a deliberate re-freeze).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from bench.docs import BenchDoc
from bench.queries import KINDS, QUERIES_V1, QuerySpec, mix_document
from indexer.analysis import STOP_WORDS, WORD_PATTERN, fold

SEED = 2024
VERSION = 1


def tokens(text: str) -> list[str]:
    """Return the words of a text as written (inner apostrophes kept), lower-cased."""
    return [w.lower() for w in WORD_PATTERN.findall(text)]


def is_content(word: str) -> bool:
    """Return True for a word worth searching: 4+ letters, no digit, not a stop word."""
    return (len(word) >= 4 and word.isalpha() and fold(word).lower() not in STOP_WORDS)


class Generator:
    """Draws queries of each kind from a list of documents with one seeded RNG."""

    def __init__(self, docs: Sequence[BenchDoc], seed: int):
        self.rng = random.Random(seed)
        self.docs = sorted((d for d in docs if tokens(d.text)), key=lambda d: d.id)
        if not self.docs:
            raise ValueError("no document with text")
        self.df: Counter[str] = Counter()
        for doc in self.docs:
            self.df.update({w for w in tokens(doc.text) if is_content(w)})
        self.vocab = sorted(self.df)
        self.frequent = sorted(self.vocab, key=lambda w: (-self.df[w], w))[:200]

    # -- drawing helpers --------------------------------------------------------------------

    def doc(self, where=None) -> BenchDoc:
        pool = [d for d in self.docs if where(d)] if where else self.docs
        return pool[self.rng.randrange(len(pool))]

    def content_words(self, doc: BenchDoc) -> list[str]:
        return [w for w in tokens(doc.text) if is_content(w)] or [self.vocab[0]]

    def paragraph_words(self, k: int) -> list[str]:
        """Return k distinct content words of one paragraph, in text order."""
        for _ in range(50):
            doc = self.doc()
            paras = [p for p in doc.text.split("\n\n") if p.strip()]
            words = list(dict.fromkeys(w for w in tokens(self.rng.choice(paras)) if is_content(w)))
            if len(words) >= k:
                picked = sorted(self.rng.sample(range(len(words)), k))
                return [words[i] for i in picked]
        return self.rng.sample(self.vocab, k)

    def window(self, low: int, high: int) -> list[str]:
        """Return `low`..`high` consecutive words of a text, holding a content word."""
        for _ in range(100):
            words = tokens(self.doc().text)
            size = self.rng.randint(low, high)
            if len(words) < size:
                continue
            start = self.rng.randrange(len(words) - size + 1)
            chunk = words[start : start + size]
            if any(is_content(w) for w in chunk):
                return chunk
        raise ValueError("texts too short for a window")

    # -- the kinds ---------------------------------------------------------------------------

    def word(self, i: int) -> QuerySpec:
        if i % 2:  # a rarer word, uniform over the vocabulary (2+ documents)
            common = [w for w in self.vocab if self.df[w] >= 2] or self.vocab
            q = self.rng.choice(common)
        else:  # a word as frequent as it is in the texts
            q = self.rng.choice(self.content_words(self.doc()))
        return QuerySpec(f"word-{i:03d}", "word", q)

    def two_words(self, i: int) -> QuerySpec:
        return QuerySpec(f"two_words-{i:03d}", "two_words", " ".join(self.paragraph_words(2)))

    def three_words(self, i: int) -> QuerySpec:
        return QuerySpec(f"three_words-{i:03d}", "three_words",
                         " ".join(self.paragraph_words(3)))

    def phrase(self, i: int) -> QuerySpec:
        return QuerySpec(f"phrase-{i:03d}", "phrase", '"' + " ".join(self.window(2, 4)) + '"')

    def quote_changed(self, i: int) -> QuerySpec:
        chunk = self.window(5, 12)
        spots = [j for j, w in enumerate(chunk) if is_content(w)]
        spot = self.rng.choice(spots)
        chunk[spot] = self.rng.choice([w for w in self.vocab if w != chunk[spot]])
        return QuerySpec(f"quote_changed-{i:03d}", "quote_changed", " ".join(chunk))

    def speaker(self, i: int) -> QuerySpec:
        doc = self.doc(lambda d: bool(d.speakers))
        q = "" if i % 3 == 0 else self.rng.choice(self.content_words(doc))
        return QuerySpec(f"speaker-{i:03d}", "speaker", q, speaker=[self.rng.choice(doc.speakers)])

    def theme(self, i: int) -> QuerySpec:
        doc = self.doc(lambda d: bool(d.themes))
        q = "" if i % 3 == 0 else self.rng.choice(self.content_words(doc))
        return QuerySpec(f"theme-{i:03d}", "theme", q, theme=[self.rng.choice(doc.themes)])

    def date_range(self, i: int) -> QuerySpec:
        doc = self.doc(lambda d: bool(d.date))
        day = date.fromisoformat(doc.date or "2000-01-01")
        low = day - timedelta(days=self.rng.randint(0, 90))
        high = day + timedelta(days=self.rng.randint(0, 90))
        return QuerySpec(f"date_range-{i:03d}", "date_range",
                         self.rng.choice(self.content_words(doc)),
                         date_from=low.isoformat(), date_to=high.isoformat())

    def date_sort(self, i: int) -> QuerySpec:
        q = " ".join(self.paragraph_words(1 + i % 2))
        return QuerySpec(f"date_sort-{i:03d}", "date_sort", q,
                         sort="-date" if i % 2 == 0 else "date")

    def deep_page(self, i: int) -> QuerySpec:
        q = self.rng.choice(self.frequent)
        deepest = max(5, min(50, self.df[q] // 10))
        return QuerySpec(f"deep_page-{i:03d}", "deep_page", q, page=self.rng.randint(5, deepest))


def generate(docs: Sequence[BenchDoc], seed: int = SEED,
             kinds: dict[str, int] | None = None) -> list[QuerySpec]:
    """Return the query mix drawn from `docs` with `seed` (deterministic)."""
    gen = Generator(docs, seed)
    out: list[QuerySpec] = []
    for kind, count in (kinds or KINDS).items():
        make = getattr(gen, kind)
        out += [make(i) for i in range(count)]
    return out


def small_corpus_docs() -> list[BenchDoc]:
    """Read the `small` corpus from the shared folder with Verbatim's readers."""
    from bench.corpora import SHARED, SMALL_FOLDERS, SMALL_TEI, TEI
    from indexer.documents import documents_from_file
    from indexer.indexing import iter_files
    from indexer.readers import Unreadable

    paths = [SHARED / name for name in SMALL_FOLDERS] + [SHARED / TEI / n for n in SMALL_TEI]
    out = []
    for path, root in iter_files(paths):
        try:
            docs = documents_from_file(path, root)
        except Unreadable:
            continue
        out += [BenchDoc(id=d.id, source=d.source, text=d.text, title=d.title or "",
                         date=d.date, kind=d.kind, speakers=[s.name for s in d.speakers],
                         themes=list(d.themes)) for d in docs]
    return out


def main(argv: list[str] | None = None) -> int:
    """Write the query mix file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=QUERIES_V1)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--force", action="store_true", help="overwrite an existing mix")
    args = parser.parse_args(argv)
    if args.out.exists() and not args.force:
        print(f"{args.out} exists: the mix is frozen (use --force to re-freeze)", file=sys.stderr)
        return 1
    queries = generate(small_corpus_docs(), args.seed)
    meta = {"generator": "bench/make_queries.py", "seed": args.seed,
            "source": "small corpus: vie-publique CSVs, luxleaks, drupalfr PDFs, "
                      "TEI sittings 20130118 and 20130133"}
    import json

    document = mix_document(f"queries-v{VERSION}", VERSION, queries, meta)
    args.out.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(queries)} queries written to {args.out} (checksum {document['checksum'][:12]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
