"""Serving the web app on every core: gunicorn's pre-fork workers, each with its own threads.

One Python process uses one core at a time (the GIL), and a search is Python work: with one
process, sixteen visitors shared one core (issue 12). `verbatim serve` starts `workers`
processes (default: the cores this process may run on) that accept on one socket, each with
`threads` threads. Each worker opens the index itself after the fork (Whoosh's readers seek
shared files: a descriptor inherited across a fork would share its offset), reopens it when
it changes (`Catalog.searcher`), and keeps its own caches: facet postings, the spelling
lexicon and the word cache. The word cache is the big one, so `serve` gives each worker
TERM_CACHE_POSTINGS / workers postings unless VERBATIM_TERM_CACHE says how many, per worker.

Where gunicorn does not run (Windows), waitress serves from one process, as before.
"""

from __future__ import annotations

import gc
import os
import sys

from flask import Flask

import indexer.whoosh_engine as search_module  # the Whoosh catalog and its caches
from indexer.search import SearchRequest, search


def default_workers() -> int:
    """Return the number of cores this process may run on: one server process per core,
    whatever the engine. With OpenSearch, more processes of fewer threads cost more CPU a
    request and answered no more: `250k`, 16 clients, the cluster on the same two cores
    (bench.load, runs alternated): 2 processes x 8 threads 131.9-136.6 req/s at 14.2-14.7 ms
    of CPU a request, 8 x 2 112.8-133.2 req/s at 14.9-17.5 ms."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def term_cache_per_worker(workers: int) -> int:
    """Return the word-cache size of each worker, in postings (~100 bytes each).

    The default budget is shared by all the workers; VERBATIM_TERM_CACHE, when set, is what
    each worker keeps.
    """
    if "VERBATIM_TERM_CACHE" in os.environ:
        return search_module.TERM_CACHE_POSTINGS
    return max(1, search_module.TERM_CACHE_POSTINGS // workers)


def warm(app: Flask) -> None:
    """Open the index in this process and build what every search reads (facet postings,
    counts, the timeline, the spelling lexicon) and the reuse groups the talking points,
    genealogies and document pages read, so that no visitor waits for it (at `250k`, the
    first talking-points page took 4 to 5.6 s, the next ones 53 ms)."""
    from indexer.genealogy import TalkingRequest, talking_points
    from indexer.spelling import catalog_lexicon
    from webapp.catalog import get_catalog

    with app.app_context():
        try:
            catalog = get_catalog()
            search(catalog, SearchRequest(q=""))
            search(catalog, SearchRequest(q="", quotes=True))
            if catalog.name == "whoosh":  # the OpenSearch engine has no lexicon to build
                catalog_lexicon(catalog, catalog.searcher())
            # the reuse groups (read from the cluster with OpenSearch) and the talking
            # points' table: built here, not by the first visitors (at `250k`, 2.5 s of CPU
            # each, several at once: pages of 20 to 38 s under 16 clients)
            talking_points(catalog, TalkingRequest())
        except Exception:  # noqa: BLE001 - the worker serves anyway; the pages say what is wrong
            app.logger.exception("préparation du processus interrompue")


def warm_cluster(app: Flask):
    """On OpenSearch, warm the index in a background thread (`warm_in_background`: only when
    the cluster's nodes are fresh, as after a restart; for about
    $VERBATIM_OPENSEARCH_WARM_SECONDS), saying on stderr what was done; return the thread
    (None on Whoosh, or when the index cannot be opened). The server answers meanwhile: the
    first visitors of a restarted cluster met its nodes compiling their search code and
    reading the index's files (some past their time budget, « réessayez »)."""
    from indexer.opensearch_engine import warm_in_background
    from webapp.catalog import get_catalog

    with app.app_context():
        try:
            catalog = get_catalog()
        except Exception:  # noqa: BLE001 - the pages say what is wrong
            return None
    if catalog.name != "opensearch":
        return None

    def done(sent: dict[str, int] | None, seconds: float, error: str) -> None:
        where = f"OpenSearch : index « {catalog.alias} »"
        if sent is None:
            line = f"{where} non préparé aux recherches ({error})"
        elif sent:
            line = (f"{where} préparé aux recherches : {sum(sent.values())} recherches sur "
                    f"{len(sent)} nœud(s) en {seconds:.1f} s")
        else:
            line = f"{where} sans préparation (nœuds déjà au travail, ou petit index)"
        print(line, file=sys.stderr, flush=True)

    return warm_in_background(catalog.url, catalog.alias, done)


def preload(app: Flask) -> None:
    """Read once, in the master, what every worker reads whole and never changes in place:
    the reuse groups of the index folder (`indexer.genealogy.reuse_index`, re-read by a
    worker only when the file changes), or of the cluster's index (re-read when their token
    changes), and the talking points' table built from them (`talking_table`, built again
    by a worker only when the groups change). The workers are forked with them: at `250k`,
    each worker read its own groups (1.7-2.5 s of CPU, ~110 MB) and built its own table
    (4.6 s of CPU) before it answered."""
    from indexer.engine import engine_name
    from indexer.genealogy import groups_of, reuse_index, talking_table
    from indexer.search import open_catalog

    try:
        if engine_name() == "opensearch":  # read from the cluster, then its connections
            # closed: a worker opens its own (`indexer.opensearch_reuse.groups`)
            catalog = open_catalog(app.config["INDEX_DIR"])
            try:
                groups = groups_of(catalog)
            finally:
                catalog.close()
        else:
            groups = reuse_index(app.config["INDEX_DIR"])
        if groups.groups:
            talking_table(groups)
    except Exception:  # noqa: BLE001 - each worker reads them then, and says what is wrong
        app.logger.exception("groupes de reprises non lus par le processus maître")


# The young generation's threshold (Python's default 700): what a request builds and drops
# (an export's thousand hits, their dicts and lists) is freed by reference counting; counted
# against 700, it set off a young collection every request or so, and the hits surviving it
# were walked again by the middle generation's. At `250k`, the replayed mix (gc.callbacks
# around each collection): OpenSearch 0.5 ms of a request's 9-10 in the collector, none at
# 20,000 (no collection in 300 requests); Whoosh 0.5-0.7 ms, 0.4 at 20,000.
YOUNG_THRESHOLD = 20_000


def settle() -> None:
    """Take what this process holds so far out of the garbage collector's way: it lives as
    long as the process (the reuse groups, the caches a worker's warm-up built). A full
    collection walked all of it again, about 800,000 objects at `250k`, while requests
    waited (0.36 ms a request in the replayed mix); frozen in the master, they also stay in
    pages the workers share instead of each copying them. The young generation is then
    collected only past YOUNG_THRESHOLD new objects, not every 700."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


def serve(app: Flask, host: str, port: int, workers: int, threads: int) -> None:
    """Serve `app` on host:port with `workers` processes of `threads` threads (blocks)."""
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:  # Windows: one process
        from waitress import serve as waitress_serve

        if workers > 1:
            print("gunicorn absent : un seul processus (waitress).", file=sys.stderr)
        warm(app)
        warm_cluster(app)
        waitress_serve(app, host=host, port=port, threads=threads, ident="verbatim")
        return
    search_module.TERM_CACHE_POSTINGS = term_cache_per_worker(workers)
    preload(app)
    settle()

    class Server(BaseApplication):
        def load_config(self):
            settings = {
                "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                "workers": workers,
                "worker_class": "gthread",
                "threads": threads,
                # a request is bounded by its time budget (indexer.budget); a worker that
                # stops answering its master for this long is replaced
                "timeout": 60,
                "graceful_timeout": 10,
                "keepalive": 5,
                # the search box takes 2,000 characters: percent-encoded non-Latin text is up
                # to 12 bytes each, past gunicorn's largest limit (8,190); 0 lets its parser
                # read request lines up to 1 MB, and the app cuts the query to 2,000
                "limit_request_line": 0,
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                "proc_name": "verbatim",
                # the first worker also warms a restarted cluster, in the background
                "post_worker_init": lambda worker: (warm(app), settle(),
                                                    worker.age == 1 and warm_cluster(app)),
                # the app is made once in the master, the index opened in each worker
                "preload_app": True,
            }
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self):
            return app

    Server().run()
