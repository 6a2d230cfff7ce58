"""Indexing straight into an OpenSearch cluster (`verbatim index --engine opensearch`).

The files are walked, read, extracted and deduplicated by `indexer.indexing` — the same code
as for the Whoosh index, reading in worker processes on every core — and written through
`ClusterIndex`, which offers what indexing uses of a Whoosh index:

* `writer()`, a `BulkWriter`: records go out in bulk requests, several in flight in threads,
  so the reading never waits on the cluster; a request refused (429) or cut by a node's loss
  is sent again with exponential backoff. Every record has its own id (statement id, quotation
  id), so a request sent twice writes nothing twice.
* `searcher()`: the index's statements, for the alternate formats of one statement
  (`indexer.alternates`) and for repairing a manifest older than the index.
* the manifest: one record of type `file` per file read, in the index itself, and one
  `manifest` record holding its generation. Every indexer sees it, and a rebuilt index
  carries its own, which starts with the old index's record of moved statements (a link
  shared before a move still leads to its statement, as after Whoosh's rebuild). It is
  written after the records (a run that dies in between is repaired by the next, as with
  Whoosh).

A run holds a lease in the cluster (`run_lock`): one indexer at a time per alias, and a dead
indexer's lease expires. A first run, or `rebuild`, writes a new index, then moves the alias
to it in one atomic request: searches never see a half-built index.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from whoosh import query as wq

from indexer.document import Document
from indexer.indexing import LOCK_TIMEOUT, IndexBusy, Report, index_into
from indexer.opensearch_client import connect, opensearch_url, printable_url, retried, transient
from indexer.opensearch_engine import DEFAULT_ALIAS, file_id, warm_index
from indexer.opensearch_mapping import (
    KEYED,
    OTHER,
    PAIR_LINES,
    PAIRED,
    PROFILED,
    SCORED,
    index_body,
    marks,
    records,
    shown,
    source,
)
from indexer.opensearch_query import dsl
from indexer.opensearch_reuse import ClusterStore, ClusterTexts
from indexer.opensearch_reuse import lookups as reuse_lookups

# a bulk request holds up to BULK_BYTES of records (the size OpenSearch's documentation
# advises starting from, a few MB), and never more than BULK_ACTIONS records
BULK_BYTES = 5_000_000
BULK_ACTIONS = 10_000
RETRIES = 5  # a bulk request refused (429) or cut by a node's loss is tried again…
BACKOFF = 0.5  # …after 0.5, 1, 2, 4, 8 s
# while a build writes without replicas, a write waits this long for a primary that has
# gone (rather than a minute), so that a copy lost with its node is noticed in seconds
BUILD_WAIT = "10s"
# a bulk request's answer is awaited this long (several MB, on a busy cluster), not the
# client's 30 s: a request given up on is sent again, and the cluster's work doubles
BULK_SECONDS = 120
GREEN_SECONDS = 600  # a rebuilt index's replicas must be allocated within this, before the swap
PARENTS = 1000  # statements whose quotations one delete-by-query removes
LEASE = 60.0  # seconds a run's lock lasts unless renewed (a third of it between renewals)
META = "manifest"  # id of the record holding the manifest's generation

log = logging.getLogger(__name__)


def _threads() -> int:
    """Bulk requests in flight: 2, or $VERBATIM_OPENSEARCH_BULK_THREADS."""
    return int(os.environ.get("VERBATIM_OPENSEARCH_BULK_THREADS", "2"))


def _bulk_bytes() -> int:
    """A bulk request's body: BULK_BYTES, or $VERBATIM_OPENSEARCH_BULK_MB megabytes."""
    megabytes = os.environ.get("VERBATIM_OPENSEARCH_BULK_MB")
    return int(float(megabytes) * 1e6) if megabytes else BULK_BYTES


class CopyLost(Exception):
    """Every copy of a shard of the index being built was lost (a build writes without
    replicas, see `new_index`): the build must start again."""


Entry = tuple[str, bool, bytes]  # a bulk action: (record id, a deletion?, its body lines)


def _entry(action: dict) -> Entry:
    """Return an action ({_index, _id, _source}, or {…, _delete: True}) as the lines of a
    bulk request's body, written once (its size decides when a request is full)."""
    delete = bool(action.get("_delete"))
    # orjson writes the UTF-8 bytes at once (61,286 records of 250k: 1.4 s with json.dumps
    # then encode, 0.5 s)
    lines = orjson.dumps({"delete" if delete else "index": {"_index": action["_index"],
                                                            "_id": action["_id"]}}) + b"\n"
    if not delete:
        lines += orjson.dumps(action["_source"]) + b"\n"
    return action["_id"], delete, lines


def _send(client, chunk: list[Entry], lost: Callable[[], bool] | None = None) -> int:
    """Send one bulk request, retrying what was refused (429, 5xx) or lost with exponential
    backoff; return the records written or deleted. `lost()`, asked before each new attempt,
    tells that the index lost a shard for good (`CopyLost` is then raised)."""
    sent, pending = 0, chunk
    # only each record's status comes back (not its index, id, version…): less to parse
    params = {"filter_path": "items.*.status,items.*.error"}
    if lost is not None:
        params["timeout"] = BUILD_WAIT
    for attempt in range(RETRIES + 1):
        if attempt and lost is not None and lost():
            raise CopyLost(f"{len(pending)} enregistrements sans copie vivante de leur shard")
        try:
            answer = client.bulk(body=b"".join(lines for _, _, lines in pending),
                                 params=params, request_timeout=BULK_SECONDS)
        except Exception as exc:
            # the whole request again: the same ids, so nothing is written twice
            if attempt == RETRIES or not (transient(exc)
                                          or getattr(exc, "status_code", None) == 429):
                raise
            time.sleep(BACKOFF * 2 ** attempt)
            continue
        retry = []
        for action, item in zip(pending, answer["items"], strict=True):
            result = next(iter(item.values()))
            status = result.get("status", 200)
            if status == 429 or status >= 500:
                retry.append(action)
            elif status >= 300 and not (action[1] and status == 404):
                raise RuntimeError(f"OpenSearch a refusé {action[0]} : "
                                   f"{result.get('error')}")
        sent += len(pending) - len(retry)
        if not retry:
            return sent
        if attempt == RETRIES:
            raise RuntimeError(f"OpenSearch refuse encore {len(retry)} enregistrements")
        pending = retry
        time.sleep(BACKOFF * 2 ** attempt)
    return sent


class Bulk:
    """Bulk requests of `size` records or `size_bytes` bytes, whichever comes first,
    `threads` in flight and as many ready to go: `add` returns at once unless that many are
    already waiting."""

    def __init__(self, client, size: int = BULK_ACTIONS, threads: int | None = None,
                 sent_batch: Callable[[int], None] | None = None,
                 lost: Callable[[], bool] | None = None, size_bytes: int | None = None):
        self.client, self.size, self.sent_batch, self.lost = client, size, sent_batch, lost
        self.size_bytes = size_bytes or _bulk_bytes()
        self.threads = threads or _threads()
        self.sent = 0
        self._chunk: list[Entry] = []
        self._bytes = 0
        self._pool = ThreadPoolExecutor(max_workers=self.threads)
        self._running: set[Future] = set()

    def add(self, action: dict) -> None:
        """Queue one action: {_index, _id, _source} to index, or {…, _delete: True}."""
        written = _entry(action)
        self._chunk.append(written)
        self._bytes += len(written[2])
        if len(self._chunk) >= self.size or self._bytes >= self.size_bytes:
            self._submit()

    def _submit(self) -> None:
        chunk, self._chunk, self._bytes = self._chunk, [], 0
        if len(self._running) >= self.threads * 2:
            done, self._running = wait(self._running, return_when=FIRST_COMPLETED)
            self._settle(done)
        self._running.add(self._pool.submit(_send, self.client, chunk, self.lost))

    def _settle(self, done: Iterable[Future]) -> None:
        for future in done:
            self.sent += future.result()  # a request that failed for good raises here
            if self.sent_batch is not None:
                self.sent_batch(self.sent)

    def flush(self) -> int:
        """Send what is queued, wait for every request, and return the records sent."""
        if self._chunk:
            self._submit()
        running, self._running = self._running, set()
        self._settle(wait(running).done)
        return self.sent

    def close(self, cancel: bool = False) -> None:
        """Stop the threads (`cancel`: requests not started are dropped)."""
        self._pool.shutdown(wait=True, cancel_futures=cancel)


def bulk(client, actions: Iterable[dict], size: int = BULK_ACTIONS,
         sent_batch: Callable[[int], None] | None = None,
         lost: Callable[[], bool] | None = None) -> int:
    """Send every action of `actions` (`Bulk`), and return the records sent."""
    sender = Bulk(client, size, sent_batch=sent_batch, lost=lost)
    try:
        for action in actions:
            sender.add(action)
        return sender.flush()
    finally:
        sender.close()


def _scan(client, index: str, query: dict, fields: list[str] | bool = True) -> Iterator[dict]:
    from opensearchpy.helpers import scan

    for hit in scan(client, index=index, query={"query": query, "_source": fields},
                    size=2000):
        yield hit["_source"]


class ClusterSearcher:
    """The index as indexing reads it (the part of Whoosh's searcher it uses)."""

    def __init__(self, client, index: str, empty: bool = False):
        self.client, self.index, self.empty = client, index, empty
        self._found: dict[str, list[dict]] = {}

    def document(self, id: str) -> dict | None:  # noqa: A002 - Whoosh's keyword
        """Return the record with this id, or None."""
        from opensearchpy import NotFoundError

        if self.empty:
            return None
        try:
            return shown(retried(self.client.get, index=self.index, id=id)["_source"])
        except NotFoundError:
            return None

    def documents(self, type: str) -> Iterator[dict]:  # noqa: A002 - Whoosh's keyword
        """Yield the id, origin and content hash of every record of this type."""
        if not self.empty:
            yield from _scan(self.client, self.index, {"term": {"type": type}},
                             ["id", "root", "source", "record", "text_hash"])

    def search(self, q: wq.Query, limit: None = None) -> list[dict]:
        """Return the id and record number of every record `q` matches, as the index was
        when the run began (answers are kept: what this run writes is not seen)."""
        key = repr(q)
        if key not in self._found:
            self._found[key] = [] if self.empty else list(
                _scan(self.client, self.index, dsl(q), ["id", "record"]))
        return self._found[key]

    def close(self) -> None:
        """Nothing to release (the client belongs to the run)."""

    def __enter__(self) -> ClusterSearcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class BulkWriter:
    """Whoosh's writer calls (`update_document`, `delete_by_term`, `commit`, `cancel`) as
    bulk requests to the cluster. Deletions (the files changed or gone, always asked first)
    are carried out before the first record is written."""

    def __init__(self, target: ClusterIndex):
        self.target = target
        self.bulk = Bulk(target.client, target.batch, sent_batch=target.sent_batch,
                         lost=target.lost)
        self._ids: list[str] = []
        self._parents: list[str] = []

    def delete_by_term(self, fieldname: str, text: str) -> None:
        """Delete the record with this id, or the quotations of this statement (`parent`)."""
        (self._ids if fieldname == "id" else self._parents).append(text)
        if fieldname == "id":  # its text as it was, read before it goes (reuse groups)
            self.target.previous_text.expect(text)

    def update_document(self, **fields: Any) -> None:
        """Write a record (the fields `indexer.schema` makes), replacing the one of its id."""
        if self._ids or self._parents:
            self._delete()
        record = source(fields, self.target.keyed, self.target.profiled, self.target.paired,
                        self.target.lines)
        self.bulk.add({"_index": self.target.index, "_id": record["id"], "_source": record})

    def add_statement(self, doc: Document, digest: str) -> None:
        """Write a statement and its quotations, their records built straight from the
        `Document` (`records`; `indexer.indexing` calls this instead of `update_document`
        with Whoosh's fields), replacing those of the same ids."""
        if self._ids or self._parents:
            self._delete()
        for record in records(doc, digest, self.target.keyed, self.target.profiled,
                              self.target.paired, self.target.lines):
            self.bulk.add({"_index": self.target.index, "_id": record["id"], "_source": record})

    def _delete(self) -> None:
        client, index = self.target.client, self.target.index
        self.target.previous_text.keep(self._ids)  # before they go: see `delete_by_term`
        for start in range(0, len(self._parents), PARENTS):
            retried(client.delete_by_query, index=index, body={"query": {"terms": {
                "parent": self._parents[start:start + PARENTS]}}},
                params={"conflicts": "proceed", "refresh": "true"})
        ids, self._ids, self._parents = self._ids, [], []
        self.target.records += bulk(client, ({"_index": index, "_id": i, "_delete": True}
                                             for i in ids))

    def commit(self) -> None:
        """Send everything, make it searchable, and count one more generation."""
        try:
            self._delete()
            self.target.records += self.bulk.flush()
        finally:
            self.bulk.close()
        self.target.refresh()
        self.target.next_generation()

    def cancel(self) -> None:
        """Drop what was not sent yet (the next run writes it again)."""
        self.bulk.close(cancel=True)


class ClusterIndex:
    """An index of the cluster as `indexer.indexing.index_into` writes it (see the module)."""

    def __init__(self, client, index: str, *, fresh: bool = False, batch: int = BULK_ACTIONS,
                 sent_batch: Callable[[int], None] | None = None, url: str | None = None,
                 moved: dict[str, str] | None = None):
        """`moved`: a new index's record of moved statements to start from, the old index's
        ({old id: id now}, `indexer.indexing.record_moves`)."""
        self.client, self.index, self.fresh = client, index, fresh
        self.url = url  # for the connections of the processes finding reuse groups
        self.batch, self.sent_batch = batch, sent_batch
        # a new index is built without replicas (`new_index`): a node lost with a primary
        # shard loses records, and the build must start again (`CopyLost`)
        self.lost = (lambda: copy_lost(client, index)) if fresh else None
        self.records = 0  # records written or deleted by the run
        self._loaded: dict[str, dict] = {}
        self._meta = {"moved": dict(moved or {})} if fresh else manifest_meta(client, index)
        # an index written before the folded facet values existed gets none (its mapping
        # refuses them): it is counted by spelling until rebuilt
        held = {KEYED, PROFILED} if fresh else marks(client, index)
        if not fresh:
            language_fields(client, index)
        self.keyed = KEYED in held
        # nor their speakers' `PROFILE` before those existed: speaker pages read the records
        self.profiled = PROFILED in held
        # the word pairs pasted passages were found by in sessions 17-18 (`PAIRS`), only to
        # an index that holds them (a new one finds them by its words side by side)
        self.paired = PAIRED in held
        self.lines = PAIR_LINES in held  # sent a pair a line, or as a list before that

        # the reuse groups, kept in the index (`indexer.opensearch_reuse`): the texts of the
        # documents this run deletes, read before they go (`ReuseUpdate.previous`)
        self.previous_text = ClusterTexts(client, index, kept_only=True)

    def reuse_store(self) -> ClusterStore:
        """Return where the reuse groups' files are kept: records of the index itself."""
        return ClusterStore(self.client, self.index, refresh=False,
                            send=lambda actions: bulk(self.client, actions, lost=self.lost))

    def lookups(self, own: bool = False) -> tuple[Callable, Callable[[str], str]]:
        """Return a statement's `Document` and text by id (`indexer.indexing.stored_lookup`);
        `own`: through connections of its own (a forked process's)."""
        client = connect(self.url) if own and self.url else self.client
        return reuse_lookups(client, self.index)

    def latest_generation(self) -> int:
        """Return the number of runs committed into the index."""
        return self._meta.get("commits", 0)

    def is_empty(self) -> bool:
        """Tell whether the index holds no statement."""
        return not retried(self.client.count, index=self.index, body={
            "query": {"term": {"type": "doc"}}})["count"]

    def searcher(self) -> ClusterSearcher:
        """Return the index's statements as indexing reads them."""
        return ClusterSearcher(self.client, self.index, empty=self.fresh)

    def writer(self, **_options: Any) -> BulkWriter:
        """Return a writer (Whoosh's options, processes and memory, have no meaning here)."""
        return BulkWriter(self)

    def refresh(self) -> None:
        """Make what was written searchable."""
        retried(self.client.indices.refresh, index=self.index)

    def next_generation(self) -> None:
        """Count one more committed run (the manifest then names the generation it lists)."""
        self._meta["commits"] = self.latest_generation() + 1
        self._put_meta()

    def _put_meta(self) -> None:
        if self.lost is not None and self.lost():
            raise CopyLost(f"l'index {self.index} a perdu un shard")
        retried(self.client.index, index=self.index, id=META, body={
            "id": META, "type": META, "data": json.dumps(self._meta)},
            params={"refresh": "true", **({"timeout": BUILD_WAIT} if self.lost else {})},
            request_timeout=BULK_SECONDS)

    def read_manifest(self) -> dict:
        """Return the manifest's data ({} when none was written; a new index's lists no file,
        only the record of moves it starts from)."""
        if self.fresh:
            return {"moved": self._meta.get("moved", {})}
        if not self._meta:
            return {}
        files = {}
        for record in _scan(self.client, self.index, {"term": {"type": "file"}}, ["data"]):
            entry = json.loads(record["data"])
            files[entry.pop("path")] = entry
        self._loaded = copy.deepcopy(files)
        return {"version": 1, "generation": self._meta.get("generation"), "files": files,
                "moved": self._meta.get("moved", {})}

    def write_manifest(self, data: dict) -> None:
        """Write the entries that changed, delete those gone, then the generation."""
        files = data["files"]

        def actions() -> Iterator[dict]:
            for path, entry in files.items():
                if self._loaded.get(path) != entry:
                    yield {"_index": self.index, "_id": file_id(path), "_source": {
                        "id": file_id(path), "type": "file", "source": path,
                        "data": json.dumps({"path": path, **entry}, ensure_ascii=False)}}
            for path in self._loaded.keys() - files.keys():
                yield {"_index": self.index, "_id": file_id(path), "_delete": True}

        bulk(self.client, actions(), lost=self.lost)
        self._meta["generation"] = data["generation"]
        # the statements moved, {old id: id now} (`indexer.indexing.record_moves`)
        self._meta["moved"] = data.get("moved", {})
        self._put_meta()
        self._loaded = copy.deepcopy(files)

    def roots(self) -> list[Path]:
        """Return the folders (or single files) the index was built from."""
        return sorted({Path(e["root"]) for e in self.read_manifest().get("files", {}).values()})


def manifest_meta(client, index: str) -> dict:
    """Return the data of the `META` record of `index`: its manifest's generation, its runs
    (`commits`) and its record of moved statements (`moved`); {} when it has none."""
    meta = ClusterSearcher(client, index).document(META)
    return json.loads(meta["data"]) if meta else {}


def language_fields(client, index: str) -> None:
    """Add the fields of statements in another language (`OTHER`) to an index written before
    they existed, whose mapping refuses unknown fields: new fields may join a mapping, and
    their analyzer (`verbatim_exact`) is the index's own."""
    mapping = retried(client.indices.get_mapping, index=index)
    wanted = index_body()["mappings"]["properties"]
    for name, found in mapping.items():
        held = found["mappings"].get("properties", {})
        missing = {f: dict(wanted[f]) for f in OTHER.values() if f not in held}
        if not (found["mappings"].get("_meta") or {}).get(SCORED):
            for field in missing.values():  # scored by Lucene's BM25, as its title
                field.pop("similarity", None)
        if missing:
            retried(client.indices.put_mapping, index=name, body={"properties": missing})


def new_index(client, alias: str, shards: int | None = None, replicas: int | None = None,
              *, build_replicas: int | None = 0) -> tuple[str, int]:
    """Create a new index for `alias` (not yet behind it: `swap_alias` moves it there) and
    return its name and the replicas it must have once built.

    It is built with `build_replicas` replicas (None: all of them from the start)."""
    # a new index per build, never an existing one: two builds from one process within the
    # same second once got the same name from the time and pid
    name = f"{alias}-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
    # no more replicas than other nodes to hold them (a single node stays green)
    nodes = client.cluster.health()["number_of_nodes"]
    body = index_body(shards, replicas)
    settings = body["settings"]
    wanted = min(settings["number_of_replicas"], nodes - 1)
    # Searched by nobody until the alias moves, so built as fast as it can be: each record
    # analysed by one copy only (the replicas copy the finished segments' files afterwards,
    # which costs little), no refresh, and the translog flushed to disk every few seconds
    # rather than at each request. A node lost with a primary meanwhile is noticed
    # (`copy_lost`) and the build starts again with its replicas from the start.
    settings["number_of_replicas"] = wanted if build_replicas is None else min(build_replicas,
                                                                               wanted)
    settings.update({"refresh_interval": "-1", "translog.durability": "async"})
    # every copy allocated before the first write: a copy still recovering when the
    # primary's node dies could not take its place
    client.indices.create(index=name, body=body, params={"wait_for_active_shards": "all"})
    return name, wanted


def copy_lost(client, index: str) -> bool:
    """Tell whether `index` lost every copy of a shard (red), or a primary moved since it was
    created (a node lost and back: the last writes of an unreplicated copy may be gone)."""
    try:
        health = client.cluster.health(index=index, params={"timeout": "5s"},
                                       request_timeout=30)
        if health["status"] == "red":
            return True
        state = client.cluster.state(metric="metadata", index=index)
        terms = state["metadata"]["indices"][index]["primary_terms"]
    except Exception:  # noqa: BLE001 - the cluster-manager lost meanwhile: ask again later
        return False
    return any(term != 1 for term in terms.values())


def _safe_commit(client, index: str, seconds: float = 60) -> None:
    """Commit every record of `index` in a Lucene commit its replicas can start from.

    A new replica copies the files of the primary's last *safe* commit (every operation in
    it known to be on disk), then replays the operations after it: without this, the only
    safe commit of an index built with an asynchronous translog is the empty first one, and
    the replica would index every record again (measured: 20,000 operations replayed in
    7.4 s, against 16 MB of files copied in 0.7 s). A flush commits the records; once the
    checkpoint of the operations on disk has reached the last one, a second flush makes
    that commit the safe one."""
    client.indices.flush(index=index, request_timeout=BULK_SECONDS)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        shards = client.indices.stats(index=index, level="shards", metric="docs",
                                      request_timeout=60)["indices"][index]["shards"]
        copies = [copy for found in shards.values() for copy in found]
        if all(c["seq_no"]["global_checkpoint"] == c["seq_no"]["max_seq_no"] for c in copies):
            break
        time.sleep(0.5)
    client.indices.flush(index=index, params={"force": "true"}, request_timeout=BULK_SECONDS)


def finish_build(client, index: str, replicas: int, seconds: float = GREEN_SECONDS) -> None:
    """Give the built `index` its replicas, refresh and durable writes, and wait until every
    copy is allocated (green): searches never meet an unreplicated index. Raise `CopyLost`
    when a shard was lost during the build."""
    if copy_lost(client, index):
        raise CopyLost(f"l'index {index} a perdu un shard pendant sa construction")
    _safe_commit(client, index)
    client.indices.put_settings(index=index, body={"index": {
        "number_of_replicas": replicas, "refresh_interval": None,
        "translog.durability": "request"}})
    client.indices.refresh(index=index)
    deadline = time.monotonic() + seconds
    while True:
        health = client.cluster.health(index=index, wait_for_status="green",
                                       params={"timeout": "30s"}, request_timeout=60)
        if health["status"] == "green":
            break
        if copy_lost(client, index):
            raise CopyLost(f"l'index {index} a perdu un shard avant ses répliques")
        if time.monotonic() > deadline:
            raise TimeoutError(f"les répliques de {index} ne sont pas allouées après "
                               f"{seconds:.0f} s (état {health['status']})")


def _warm(url: str, index: str) -> None:
    """Search the built `index` before its alias moves to it (`warm_index`); a failure
    there leaves the build as it is (its searches then only meet a cold index)."""
    try:
        warm_index(url, index)
    except Exception as exc:  # noqa: BLE001 - warming is a courtesy, never a failed build
        log.warning("index %s non préparé aux recherches : %s", index, exc)


def swap_alias(client, alias: str, index: str, old: list[str]) -> None:
    """Move `alias` from the indices `old` to `index` in one atomic request, then delete them."""
    client.indices.update_aliases(body={"actions": [
        *({"remove": {"index": name, "alias": alias}} for name in old),
        {"add": {"index": index, "alias": alias}}]})
    for name in old:
        client.indices.delete(index=name, ignore_unavailable=True)


def aliased(client, alias: str) -> list[str]:
    """Return the indices behind `alias` (none before a first run)."""
    return list(client.indices.get_alias(name=alias)) if client.indices.exists_alias(
        name=alias) else []


@contextmanager
def run_lock(client, alias: str, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the alias's indexing lease for the block: a record in `ALIAS-lock` that another
    indexer cannot create while it lives; renewed every LEASE / 3 s, so that the lease of an
    indexer that died expires after LEASE s. Waits `timeout` s, then raises `IndexBusy`."""
    from opensearchpy import ConflictError, NotFoundError

    index, owner = f"{alias}-lock", uuid.uuid4().hex
    if not client.indices.exists(index=index):
        nodes = client.cluster.health()["number_of_nodes"]
        client.indices.create(index=index, body={"settings": {
            "number_of_shards": 1, "number_of_replicas": min(1, nodes - 1)}},
            params={"wait_for_active_shards": "all", "ignore": 400})  # another created it
    deadline = time.monotonic() + timeout

    def take() -> bool:
        body = {"owner": owner, "until": time.time() + LEASE}
        try:
            client.index(index=index, id="run", body=body, op_type="create", refresh=True)
            return True
        except ConflictError:
            pass
        try:
            held = client.get(index=index, id="run")
        except NotFoundError:
            return False
        if held["_source"]["until"] > time.time():
            return False
        try:  # expired: taken over, unless another indexer took it first
            client.index(index=index, id="run", body=body, refresh=True,
                         if_seq_no=held["_seq_no"], if_primary_term=held["_primary_term"])
            return True
        except ConflictError:
            return False

    while not take():
        if time.monotonic() > deadline:
            raise IndexBusy(f"un autre indexeur écrit dans « {alias} » (verrou {index}/run) ; "
                            f"abandon après {timeout:.0f} s d'attente")
        time.sleep(0.5)
    stop = threading.Event()

    def renew() -> None:
        while not stop.wait(LEASE / 3):
            try:
                client.update(index=index, id="run", body={"doc": {
                    "until": time.time() + LEASE}})
            except Exception:  # noqa: BLE001 - a node lost meanwhile: next time
                pass

    renewing = threading.Thread(target=renew, daemon=True)
    renewing.start()
    try:
        yield
    finally:
        stop.set()
        renewing.join()
        try:
            held = client.get(index=index, id="run")
            if held["_source"]["owner"] == owner:
                client.delete(index=index, id="run", if_seq_no=held["_seq_no"],
                              if_primary_term=held["_primary_term"], refresh=True)
        except Exception:  # noqa: BLE001 - the lease expires anyway
            pass


def index_cluster(paths: Iterable[Path], url: str | None = None, alias: str | None = None, *,
                  rebuild: bool = False, workers: int | None = None,
                  progress: Callable[[str, int, int], None] | None = None,
                  use_ocr: bool = True, ocr_cache: Path | None = None,
                  shards: int | None = None, replicas: int | None = None,
                  batch: int = BULK_ACTIONS, sent_batch: Callable[[int], None] | None = None,
                  lock_timeout: float = LOCK_TIMEOUT) -> tuple[Report, dict[str, Any]]:
    """Index the files under `paths` into the cluster at `url`, behind `alias`; return the
    run's report (as `indexer.indexing.index_paths` gives it) and the cluster's part
    ({url, index, records written or deleted}).

    Incremental, as on Whoosh: only files whose content changed are read again, a text
    already indexed is indexed once. A first run, or `rebuild`, writes into a new index and
    moves the alias to it once its records are written (without `paths`: the folders
    indexed before), then finds the reuse groups and writes them into it: the cluster's part
    tells when the records were written (`publishing_at`, a new index), searchable
    (`searchable_at`) and the groups ready
    (`groups_ready_at`, epoch seconds).
    `sent_batch(records sent so far)` is called after each bulk request of `batch` records.
    """
    url = opensearch_url(url)
    alias = alias or os.environ.get("VERBATIM_OPENSEARCH_INDEX") or DEFAULT_ALIAS
    client = connect(url)
    # when the records were searchable, then the groups ready (time.time(): a benchmark
    # measures both from its own start)
    times = {"started_at": time.time()}
    try:
        with run_lock(client, alias, lock_timeout):
            old = aliased(client, alias)
            fresh = rebuild or not old
            paths = list(paths) or (ClusterIndex(client, old[0]).roots() if old else [])
            # a rebuild keeps the links shared before a move (Whoosh's `_keep_moves`)
            moved = manifest_meta(client, old[0]).get("moved", {}) if fresh and old else {}
            # a build without replicas that lost a node with a primary starts again once,
            # into a new index replicated from the start: slower, but a node lost then
            # costs nothing (each write is on a replica before it is acknowledged)
            for build_replicas in (0, None) if fresh else ():
                target, wanted = new_index(client, alias, shards, replicas,
                                           build_replicas=build_replicas)
                cluster = ClusterIndex(client, target, fresh=True, batch=batch,
                                       sent_batch=sent_batch, url=url, moved=moved)
                publish = _Publish(client, url, alias, cluster, wanted, old, times)
                try:
                    report = index_into(cluster, cluster, paths, workers=workers,
                                        progress=progress, use_ocr=use_ocr, ocr_cache=ocr_cache,
                                        published=publish)
                    break
                except CopyLost as exc:
                    if publish.done:  # searched already: the next run finds the groups
                        raise
                    client.indices.delete(index=target, ignore_unavailable=True)
                    if build_replicas is None:
                        raise
                    log.warning("%s ; nouvelle construction, répliquée dès le début", exc)
                except BaseException:
                    if not publish.done:
                        client.indices.delete(index=target, ignore_unavailable=True)
                    raise
            if not fresh:
                target = old[0]
                cluster = ClusterIndex(client, target, batch=batch, sent_batch=sent_batch,
                                       url=url)
                report = index_into(cluster, cluster, paths, workers=workers,
                                    progress=progress, use_ocr=use_ocr, ocr_cache=ocr_cache,
                                    published=lambda: times.update(searchable_at=time.time()))
    finally:
        client.close()
    times["groups_ready_at"] = time.time()
    return report, {"url": printable_url(url), "index": target, "records": cluster.records, **times}


class _Publish:
    """The step of a build between its records and its reuse groups (`index_into`'s
    `published`): the new index given its replicas, warmed and put behind the alias
    (`finish_build`, `swap_alias`); the groups are then written into an index searched
    already, replicated (no copy to lose: `lost` is dropped)."""

    def __init__(self, client, url: str, alias: str, cluster: ClusterIndex, wanted: int,
                 old: list[str], times: dict[str, float]):
        self.client, self.url, self.alias, self.cluster = client, url, alias, cluster
        self.wanted, self.old, self.times = wanted, old, times
        self.done = False

    def __call__(self) -> None:
        target = self.cluster.index
        self.times["publishing_at"] = time.time()  # the records written, the manifest saved
        finish_build(self.client, target, self.wanted)
        _warm(self.url, target)
        swap_alias(self.client, self.alias, target, self.old)
        self.done = True
        self.cluster.lost = None
        self.times["searchable_at"] = time.time()



def load_documents(docs: Iterable, url: str | None = None, alias: str | None = None, *,
                   shards: int | None = None, replicas: int | None = None,
                   batch: int = BULK_ACTIONS) -> dict[str, Any]:
    """Write extracted `Document`s (and their quotations) into a new index behind `alias`,
    then move the alias: the cluster's own part of indexing, as the benchmark measures its
    peers (documents given, already read and deduplicated)."""
    from indexer.documents import text_hash

    url = opensearch_url(url)
    alias = alias or DEFAULT_ALIAS
    client = connect(url)
    try:
        old = aliased(client, alias)
        target, wanted = new_index(client, alias, shards, replicas)
        try:
            sent = bulk(client, ({"_index": target, "_id": r["id"], "_source": r}
                                 for doc in docs for r in records(doc, text_hash(doc))),
                        batch, lost=lambda: copy_lost(client, target))
            finish_build(client, target, wanted)
            _warm(url, target)
            swap_alias(client, alias, target, old)
        except BaseException:
            client.indices.delete(index=target, ignore_unavailable=True)
            raise
    finally:
        client.close()
    return {"url": printable_url(url), "index": target, "records": sent}
