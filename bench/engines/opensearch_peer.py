"""Verbatim on an OpenSearch cluster: the same `search()` as `VerbatimEngine`, with the
OpenSearch engine (`indexer.opensearch_engine`) behind it, so the same queries, facets,
histograms and snippets as the Whoosh column.

The cluster is the one `--opensearch URL` names, or with `--opensearch local` three nodes
on loopback started for the run by the test suite's launcher (tests/cluster: Java and Maven
needed; `VERBATIM_CLUSTER_HEAP`, default here 3g, is the heap of the three nodes together).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.engines.verbatim import VerbatimEngine
from indexer.opensearch_engine import open_opensearch

FILES_ALIAS = "bench-files"  # `verbatim index --engine opensearch` of the corpus files
DOCS_ALIAS = "bench-docs"  # the extracted documents given (the cluster's own part)
HEAP = "3g"


class OpenSearchEngine(VerbatimEngine):
    """Verbatim's search over an index of the cluster."""

    name = "opensearch"

    def __init__(self, url: str, alias: str = FILES_ALIAS):  # noqa: D107 - no folder here
        self.catalog = open_opensearch(url, alias=alias)


@contextmanager
def cluster(url: str, work: Path) -> Iterator[tuple[str, int | None]]:
    """Yield (the cluster's URL, the process id of its JVM when started here).

    `url` "local" starts three nodes on loopback under `work` for the block; any other
    value is the URL of a running cluster (left as it is, except the bench-* indices)."""
    if url != "local":
        yield url, None
        return
    os.environ.setdefault("VERBATIM_CLUSTER_HEAP", HEAP)
    from tests.cluster import launcher

    launcher.HEAP = os.environ["VERBATIM_CLUSTER_HEAP"]
    work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="opensearch-", dir=work) as base:
        started = launcher.Cluster(base)
        try:
            yield ",".join(started.urls), started.pid
        finally:
            started.close()
