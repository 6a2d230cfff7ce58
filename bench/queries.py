"""The versioned query mix: what one query is, and loading the frozen mix with its checksum.

The mix is a committed JSON file (`bench/queries-v1.json`) written once by
`bench/make_queries.py` and never edited by hand: its checksum covers the queries, so a run
always says which mix it timed, and an edited file is refused.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

QUERIES_V1 = Path(__file__).with_name("queries-v1.json")

# Query kinds, in report order, with how many of each the mix holds.
KINDS: dict[str, int] = {
    "word": 40,  # one word
    "two_words": 40,
    "three_words": 40,
    "phrase": 30,  # "an exact phrase" of 2-4 words
    "quote_changed": 30,  # a quotation of 5-12 words with one word changed, pasted as words
    "speaker": 30,  # a speaker filter, with or without a word
    "theme": 30,  # a theme filter, with or without a word
    "date_range": 30,  # a word and a date range
    "date_sort": 30,  # words, sorted by date (newest or oldest first)
    "deep_page": 30,  # a frequent word, page 5 to 50
}


@dataclass
class QuerySpec:
    """One query of the mix, in the terms of `indexer.search.SearchRequest`."""

    id: str
    kind: str
    q: str = ""
    speaker: list[str] = field(default_factory=list)
    theme: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "relevance"
    page: int = 1

    def to_dict(self) -> dict[str, Any]:
        """Return the query as plain data, defaults left out."""
        data = asdict(self)
        defaults = QuerySpec(id="", kind="")
        return {k: v for k, v in data.items()
                if k in ("id", "kind") or v != getattr(defaults, k)}


@dataclass
class QueryMix:
    """A loaded query mix: its version, its checksum and the queries."""

    name: str
    version: int
    checksum: str
    queries: list[QuerySpec]
    meta: dict[str, Any]

    def by_kind(self) -> dict[str, list[QuerySpec]]:
        """Return the queries grouped by kind, in `KINDS` order."""
        out: dict[str, list[QuerySpec]] = {k: [] for k in KINDS}
        for query in self.queries:
            out.setdefault(query.kind, []).append(query)
        return out


def checksum(queries: list[QuerySpec]) -> str:
    """Return the SHA-256 of the queries in canonical JSON (sorted keys, no spaces)."""
    text = json.dumps([q.to_dict() for q in queries], ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def mix_document(name: str, version: int, queries: list[QuerySpec],
                 meta: dict[str, Any]) -> dict[str, Any]:
    """Return the JSON document of a mix (what `make_queries` writes)."""
    kinds: dict[str, int] = {}
    for query in queries:
        kinds[query.kind] = kinds.get(query.kind, 0) + 1
    return {"name": name, "version": version, **meta, "kinds": kinds,
            "count": len(queries), "checksum": checksum(queries),
            "queries": [q.to_dict() for q in queries]}


def load_mix(path: Path = QUERIES_V1) -> QueryMix:
    """Load a query mix; raises ValueError when its checksum does not match its queries."""
    data = json.loads(path.read_text("utf-8"))
    queries = [QuerySpec(**q) for q in data["queries"]]
    found = checksum(queries)
    if found != data.get("checksum"):
        raise ValueError(f"{path.name}: checksum {found[:12]} does not match the recorded "
                         f"{str(data.get('checksum'))[:12]}: the frozen mix was edited")
    meta = {k: v for k, v in data.items() if k not in ("queries", "name", "version", "checksum")}
    return QueryMix(data["name"], int(data["version"]), found, queries, meta)
