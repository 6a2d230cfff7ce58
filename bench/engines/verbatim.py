"""Verbatim itself: `indexer.search.search()` on a `Catalog`, exactly as the pages call it."""

from __future__ import annotations

from pathlib import Path

from bench.engines import PER_PAGE, EngineResult
from bench.queries import QuerySpec
from indexer.search import SearchRequest, open_catalog, search


def request_for(spec: QuerySpec, per_page: int = PER_PAGE) -> SearchRequest:
    """Return the `SearchRequest` the search page would make for a query of the mix."""
    return SearchRequest(q=spec.q, speaker=list(spec.speaker), theme=list(spec.theme),
                         date_from=spec.date_from, date_to=spec.date_to, sort=spec.sort,
                         page=spec.page, per_page=per_page)


class VerbatimEngine:
    """Verbatim's search over its index folder."""

    name = "verbatim"

    def __init__(self, index_dir: Path):
        self.catalog = open_catalog(index_dir)

    def search(self, spec: QuerySpec, per_page: int = PER_PAGE) -> EngineResult:
        """Run `search()` and keep what the page shows."""
        found = search(self.catalog, request_for(spec, per_page))
        return EngineResult(
            total=found.total,
            ids=[hit["id"] for hit in found.hits],
            relaxed=found.relaxed,
            facets={name: [(v["value"], v["count"]) for v in values]
                    for name, values in found.facets.items()},
            histogram=[(h["period"], h["count"]) for h in found.histogram],
            snippets=[hit["snippet"] for hit in found.hits],
        )

    def close(self) -> None:
        """Close the catalog's searcher."""
        self.catalog.close()
