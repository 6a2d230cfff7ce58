"""The reuse groups (`indexer.reuse`) of an index on an OpenSearch cluster.

Where they live: in the index itself, as records of type `reuse`, beside the manifest's
(`indexer.opensearch_writer`). The same three files as in a Whoosh index folder — the kept
fingerprints and matches (`reuse-base.npz`, `reuse.npz`) and the groups the pages read
(`reuse.json`) — each cut into pieces of `CHUNK` bytes, compressed (zlib) and written as
records `reuse:NAME:TOKEN:N`, then named by one record `reuse:NAME` ({token, size, chunks})
written last: a reader sees the old file or the new one, never half of one, and the old
pieces are deleted once the new name is written. So:

* every machine's indexer finds the state the last run left (nothing but the OCR cache is
  kept on the indexing machine), and the state carries the index's generation as in a
  folder: a run that finds it out of step starts over from the cluster's records;
* a rebuilt index carries its own groups, written before the alias moves to it;
* the pages of every server read the groups from the cluster (`groups`), and read them
  again when the name record's token changes (checked every `CHECK_SECONDS`).

The same `indexer.reuse` code finds the groups on both engines: only where its files are
kept (`ClusterStore`, `indexer.reuse.FolderStore`) and how the texts of the partners are
read (`ClusterTexts`, many in one request) differ.
"""

from __future__ import annotations

import base64
import io
import json
import threading
import time
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

TYPE = "reuse"
# bytes of a file per record: a few MB, the size of a bulk request
CHUNK = 4_000_000
PIECES = 8  # records read (or written) in one request
CHECK_SECONDS = 5.0  # a server asks whether the groups changed at most this often


def _name_id(name: str) -> str:
    return f"{TYPE}:{name}"


def _piece_id(name: str, token: str, n: int) -> str:
    return f"{TYPE}:{name}:{token}:{n}"


class Gone(OSError):
    """A file's pieces were replaced while it was read (read it again)."""


class _Pieces(io.RawIOBase):
    """A file kept in the cluster, read piece by piece as it is read (a header needs the
    first piece only)."""

    def __init__(self, store: ClusterStore, name: str, head: dict):
        super().__init__()
        self.store, self.name, self.head = store, name, head
        self.pos = 0
        self.pieces: dict[int, bytes] = {}

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.pos, io.SEEK_END: self.head["size"]}[whence]
        self.pos = max(0, base + offset)
        return self.pos

    def tell(self) -> int:
        return self.pos

    def readinto(self, buffer) -> int:
        size = self.head["size"]
        if self.pos >= size:
            return 0
        n = self.pos // CHUNK
        if n not in self.pieces:
            # the first piece alone (a header), the next ones several at a time
            wanted = range(n, min(n + (PIECES if n else 1), self.head["chunks"]))
            self.pieces.update(self.store.pieces(self.name, self.head["token"],
                                                 [k for k in wanted if k not in self.pieces]))
        piece = self.pieces[n]
        start = self.pos - n * CHUNK
        count = min(len(buffer), len(piece) - start)
        buffer[:count] = piece[start:start + count]
        self.pos += count
        return count


class ClusterStore:
    """The reuse files of the index `index` (a name or an alias), as `indexer.reuse` uses a
    folder's (`open`, `writing`): see the module."""

    def __init__(self, client, index: str, send: Callable[[Iterable[dict]], Any] | None = None,
                 refresh: bool = True):
        self.client, self.index = client, index
        # how pieces are written: the indexer's bulk requests (retried), else one by one
        self.send = send
        self.refresh = refresh
        self.written = 0  # bytes sent (compressed), for the run's report

    def head(self, name: str) -> dict | None:
        """Return the name record of a file ({token, size, chunks}), or None."""
        from opensearchpy import NotFoundError

        from indexer.opensearch_client import retried

        try:
            found = retried(self.client.get, index=self.index, id=_name_id(name))
        except NotFoundError:
            return None
        return json.loads(found["_source"]["data"])

    def heads(self, names: list[str]) -> dict[str, dict | None]:
        """Return the name records of several files at once (`head`, one request)."""
        from indexer.opensearch_client import retried

        answer = retried(self.client.mget, index=self.index,
                         body={"ids": [_name_id(n) for n in names]})
        found = {d["_id"]: d["_source"]["data"] for d in answer["docs"] if d.get("found")}
        return {n: json.loads(found[_name_id(n)]) if _name_id(n) in found else None
                for n in names}

    def mark(self, name: str, present: bool) -> None:
        """Write (its data `{}`) or delete the name record `name` alone: a mark such as
        `indexer.reuse.PENDING`, present while `head(name)` finds it."""
        from indexer.opensearch_client import retried

        if present:
            retried(self.client.index, index=self.index, id=_name_id(name), body={
                "id": _name_id(name), "type": TYPE, "data": "{}"},
                params={"refresh": "true"} if self.refresh else {})
        else:
            retried(self.client.delete, index=self.index, id=_name_id(name),
                    params={"ignore": 404, **({"refresh": "true"} if self.refresh else {})})

    def pieces(self, name: str, token: str, numbers: list[int]) -> dict[int, bytes]:
        """Return the pieces `numbers` of the file `token` names, uncompressed."""
        from indexer.opensearch_client import retried

        ids = [_piece_id(name, token, n) for n in numbers]
        answer = retried(self.client.mget, index=self.index, body={"ids": ids})
        found = {d["_id"]: d["_source"]["data"] for d in answer["docs"] if d.get("found")}
        if len(found) < len(ids):
            raise Gone(f"{name} remplacé pendant sa lecture")
        return {n: zlib.decompress(base64.b64decode(found[i]))
                for n, i in zip(numbers, ids, strict=True)}

    def open(self, name: str):
        """Return the file as a readable binary file; `FileNotFoundError` when absent."""
        head = self.head(name)
        if head is None:
            raise FileNotFoundError(name)
        return io.BufferedReader(_Pieces(self, name, head), buffer_size=CHUNK)

    def read(self, name: str) -> tuple[str, bytes] | None:
        """Return the token and bytes of a whole file (read again when replaced meanwhile),
        or None when absent."""
        for attempt in range(3):
            head = self.head(name)
            if head is None:
                return None
            try:
                parts = self.pieces(name, head["token"], list(range(head["chunks"])))
            except Gone:
                if attempt == 2:
                    raise
                continue
            return head["token"], b"".join(parts[n] for n in range(head["chunks"]))
        return None

    @contextmanager
    def writing(self, name: str) -> Iterator[io.BytesIO]:
        """Give a file to write; once the block ends its pieces are written, then its name
        record, then the old pieces deleted."""
        handle = io.BytesIO()
        yield handle
        self.write(name, handle.getbuffer())

    def write(self, name: str, data) -> None:
        """Replace the file `name` by `data` (see `writing`)."""
        from indexer.opensearch_client import retried

        old = self.head(name)
        token = uuid.uuid4().hex
        view = memoryview(data)
        chunks = max(1, -(-len(view) // CHUNK))

        def actions() -> Iterator[dict]:
            for n in range(chunks):
                packed = base64.b64encode(zlib.compress(view[n * CHUNK:(n + 1) * CHUNK], 1))
                self.written += len(packed)
                record = {"id": _piece_id(name, token, n), "type": TYPE,
                          "data": packed.decode("ascii")}
                yield {"_index": self.index, "_id": record["id"], "_source": record}

        self._send(actions())
        head = {"token": token, "size": len(view), "chunks": chunks}
        retried(self.client.index, index=self.index, id=_name_id(name), body={
            "id": _name_id(name), "type": TYPE, "data": json.dumps(head)},
            params={"refresh": "true"} if self.refresh else {})
        if old is not None:
            self._send({"_index": self.index, "_id": _piece_id(name, old["token"], n),
                        "_delete": True} for n in range(old["chunks"]))

    def _send(self, actions: Iterable[dict]) -> None:
        if self.send is not None:
            self.send(actions)
            return
        for action in actions:  # without the indexer's bulk requests (tests, tools)
            if action.get("_delete"):
                self.client.delete(index=action["_index"], id=action["_id"],
                                   params={"ignore": 404})
            else:
                self.client.index(index=action["_index"], id=action["_id"],
                                  body=action["_source"])


class ClusterTexts:
    """A statement's text by id (`indexer.reuse.ReuseUpdate`'s `text` lookup), read from
    the cluster: `prefetch(ids)` reads many in one request, each then looked up from them."""

    def __init__(self, client, index: str, fields: tuple[str, ...] = ("text",),
                 kept_only: bool = False):
        self.client, self.index, self.fields = client, index, fields
        self.found: dict[str, dict] = {}
        self.kept: dict[str, str] = {}  # texts set aside for good (`keep`)
        # answer with the kept texts only ("" for others: a record read while the run
        # writes may already be the new one)
        self.kept_only = kept_only
        self.pending: set[str] = set()  # to keep, read at the first lookup (`expect`)

    def records(self, ids: list[str]) -> dict[str, dict]:
        """Return {id: the record's fields} of the statements among `ids`."""
        from indexer.opensearch_client import retried

        found: dict[str, dict] = {}
        for start in range(0, len(ids), 200):
            answer = retried(self.client.mget, index=self.index,
                             body={"ids": ids[start:start + 200]},
                             params={"_source_includes": ",".join(("type", *self.fields))})
            found.update({d["_id"]: d["_source"] for d in answer["docs"]
                          if d.get("found") and d["_source"].get("type") == "doc"})
        return found

    def prefetch(self, ids: list[str]) -> None:
        """Read these statements in one request (those read before are forgotten)."""
        self.found = self.records(list(ids))

    def expect(self, doc_id: str) -> None:
        """Keep this statement's text (`keep`), read with the others at the first lookup."""
        self.pending.add(doc_id)

    def keep(self, ids: Iterable[str]) -> None:
        """Read and keep the texts of these statements for the run (before they are
        deleted: a changed document's text as it was, `ReuseUpdate.previous`)."""
        wanted = [i for i in dict.fromkeys([*ids, *self.pending]) if i not in self.kept]
        self.pending = set()
        for doc_id, record in self.records(wanted).items():
            self.kept[doc_id] = record.get("text", "")

    def record(self, doc_id: str) -> dict | None:
        found = self.found.get(doc_id)
        if found is None:
            found = self.records([doc_id]).get(doc_id)
        return found

    def __call__(self, doc_id: str) -> str:
        if self.pending:
            self.keep(())
        if doc_id in self.kept or self.kept_only:
            return self.kept.get(doc_id, "")
        found = self.record(doc_id)
        return found.get("text", "") if found else ""


def lookups(client, index: str) -> tuple[Callable[[str], Any], ClusterTexts]:
    """Return the two lookups `indexer.indexing.stored_lookup` gives for a Whoosh index —
    a statement's `Document`, its text — on the cluster's `index`."""
    from indexer.engine import IN_RECORD, SPEAKERS_IN
    from indexer.schema import stored_document

    # a statement's `data` and what a slim one leaves to the record (`indexer.engine.stored_data`)
    documents = ClusterTexts(client, index, ("data", "text", *IN_RECORD.values(), SPEAKERS_IN))

    def stored(doc_id: str):
        found = documents.record(doc_id)
        return stored_document(found) if found else None

    stored.prefetch = documents.prefetch  # type: ignore[attr-defined]
    return stored, ClusterTexts(client, index)


# --- the pages' side

# (cluster, alias) → (checked at, token, groups): kept across clients, so that the groups
# a server's master read (`webapp.server.preload`) serve its forked workers
_groups: dict[tuple[str, str], tuple[float, str, Any]] = {}
_groups_lock = threading.Lock()


def groups(client, alias: str) -> Any:
    """Return the `indexer.genealogy.ReuseIndex` of the index behind `alias` (an empty one
    when it has no groups; `pending` while they are being computed), read again when they
    change (asked at most every `CHECK_SECONDS`). Whether they changed is asked within the
    page's time budget (the engine's client); their file is read apart (`_read_groups`)."""
    from dataclasses import replace

    from indexer.budget import apart
    from indexer.genealogy import ReuseIndex
    from indexer.reuse import GROUPS, PENDING

    key, now = (repr(client.transport.hosts), alias), time.monotonic()
    with _groups_lock:
        known = _groups.get(key)
    if known and now - known[0] < CHECK_SECONDS:
        return known[2]
    store = ClusterStore(client, alias)
    try:
        heads = store.heads([GROUPS, PENDING])
    except Exception:  # noqa: BLE001 - unreachable for now: what was read, or nothing
        return known[2] if known else ReuseIndex()
    head, pending = heads[GROUPS], heads[PENDING] is not None
    if head is None:
        index, token = ReuseIndex(pending=pending), ""
    elif known and known[1] == head["token"]:
        index, token = known[2], known[1]
        if index.pending != pending:
            index = replace(index, pending=pending)
    else:
        # its requests bounded by SEARCH_SECONDS each, not by the page's budget
        read = apart(("groups", *key), lambda: _read_groups(key, store, now, pending))
        if read is None:  # still being read, or failed: what was read before, said so
            return replace(known[2], reading=True) if known else ReuseIndex(reading=True)
        return read
    with _groups_lock:
        _groups[key] = (now, token, index)
    return index


def _read_groups(key: tuple[str, str], store: ClusterStore, now: float, pending: bool
                 ) -> Any:
    """Read the groups' file of `store` (changed since last read; in a thread of its own,
    `indexer.budget.apart`) and return the `ReuseIndex` read. A page waits for it at most
    what is left of its budget; outside a web request (the server's master before it forks
    its workers, the command line) until it is read. At `250k` the file takes 1.7-2.5 s to
    read: within a page it was read with the client's 30 s wait per request, and a page on a
    stalled cluster waited that long."""
    from indexer.genealogy import ReuseIndex
    from indexer.reuse import GROUPS

    found = store.read(GROUPS)
    token, data = found if found else ("", b"")
    index = ReuseIndex.read(io.BytesIO(data)) if data else ReuseIndex()
    index.pending = pending
    with _groups_lock:
        _groups[key] = (now, token, index)
    return index
