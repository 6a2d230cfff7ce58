"""The reuse files of an index: their names, where they are kept, how arrays are stored.

`reuse-base.npz` (`BASE`: the fingerprints and matches as a run left them, `_Base`),
`reuse.npz` (`ARRAYS`: what later runs added, and the rest of the state) and `reuse.json`
(`GROUPS`: the groups the pages read, one JSON value a line, `write_groups`), in an index
folder (`FolderStore`) or in the cluster (`indexer.opensearch_reuse.ClusterStore`); `PENDING`
marks groups being computed. The state (`indexer.reuse.state`) is read from them before a
run's matching and written to them after its groups (`indexer.reuse.groups`).
"""

from __future__ import annotations

import json
import os
import re
import time
import uuid
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np
import orjson

from indexer.reuse.words import GRAM

if TYPE_CHECKING:
    from indexer.reuse.state import ReuseState


ARRAYS = "reuse.npz"
GROUPS = "reuse.json"
# Present while the groups of the index's records are being computed: a build makes its
# records searchable first, then finds the groups (minutes at `250k`); the pages say so
# meanwhile. Left by a run that died in between: the next run computes the groups.
PENDING = "reuse.pending"
# The fingerprints and matches as a run left them, rewritten only once the runs since have
# added a tenth to them (`REBASE`): `ARRAYS` then holds what those runs added.
BASE = "reuse-base.npz"
# 7: the groups' file one JSON value a line (`write_groups`); 6: the fingerprints and matches
# split between `BASE` and `ARRAYS`, headers and footers kept with their similarity negated;
# 5: headers and footers kept among the matches (similarity 0.0); 4: the documents' details
# and the excerpts as columns, not JSON objects
VERSION = 7
# 3: details as JSON objects. 3 and 4 kept no header or footer: an edit that moves one off
# an edge finds it at the next full build. All are read, then written as 7 (the groups' file
# of 6 and before, one JSON object, is read too: `read_groups`).
READABLE = (3, 4, 5, 6, 7)
# lines of the groups' file parsed between two pauses that let the process's other threads
# run (`read_groups`): each line is one parse of a few kilobytes
YIELD_EVERY = 64


def _ascii(ids: list[str]) -> np.ndarray:
    """Return document ids as a bytes array (a list comprehension of `encode` took 0.3 s at
    250k); ids that are not ASCII are encoded one by one, as UTF-8."""
    try:
        return np.array(ids, dtype=str).astype(bytes) if ids else np.zeros(0, "S1")
    except UnicodeEncodeError:
        return np.array([i.encode() for i in ids], dtype=bytes)


def _json(array: np.ndarray) -> dict:
    return json.loads(array.tobytes().decode("utf-8"))


def _delta(hashes: np.ndarray) -> np.ndarray:
    """Return sorted fingerprints as the gaps between them: two bytes each when every gap
    fits (a table of a few thousand documents or more), else four.

    >>> _undelta(_delta(np.array([5, 9, 70000, 70001], np.uint32))).tolist()
    [5, 9, 70000, 70001]
    """
    if not hashes.size or int(hashes[0]) >= 65536:
        return hashes
    gaps = np.diff(hashes)
    if int(gaps.max(initial=0)) >= 65536:
        return hashes
    stored = np.empty(hashes.size, np.uint16)
    stored[0] = hashes[0]
    stored[1:] = gaps
    return stored


def _undelta(stored: np.ndarray) -> np.ndarray:
    if stored.dtype == np.uint16:
        return np.cumsum(stored, dtype=np.uint32)
    return stored


def _three_bytes(slots: np.ndarray) -> np.ndarray:
    """Return slots as three bytes each while they fit (16 million): the fingerprints' slots
    are the largest array of the state, 59 of 166 MB at 250k in four bytes.

    >>> _four_bytes(_three_bytes(np.array([0, 7, 2**24 - 1], np.uint32))).tolist()
    [0, 7, 16777215]
    """
    if slots.size and int(slots.max()) >= 2**24:
        return slots
    return slots.astype("<u4").view(np.uint8).reshape(-1, 4)[:, :3].copy()


def _four_bytes(stored: np.ndarray) -> np.ndarray:
    """Return the slots `_three_bytes` stored (or stored in four bytes) as uint32."""
    if stored.dtype != np.uint8:
        return stored.astype(np.uint32)
    wide = np.zeros((len(stored), 4), np.uint8)
    wide[:, :3] = stored
    return wide.view(np.dtype("<u4")).ravel().view(np.uint32)  # no copy on little-endian


class FolderStore:
    """The reuse files in an index folder (Whoosh's): each replaced atomically.

    A store offers `open(name)` (a readable, seekable binary file; `OSError` when absent)
    and `writing(name)` (a binary file to write, in place once the block ends). The
    OpenSearch engine keeps the same files in the cluster (`indexer.opensearch_reuse`).
    """

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)

    def open(self, name: str):
        return (self.folder / name).open("rb")

    def mark(self, name: str, present: bool) -> None:
        """Create (empty) or remove the file `name`: a mark such as `PENDING`."""
        if present:
            (self.folder / name).touch()
        else:
            (self.folder / name).unlink(missing_ok=True)

    @contextmanager
    def writing(self, name: str):
        tmp = self.folder / (name + ".tmp")
        with tmp.open("wb") as handle:
            yield handle
        os.replace(tmp, self.folder / name)


def as_store(where) -> Any:
    """Return a store of the reuse files: `where` itself, or the folder it names."""
    return where if hasattr(where, "writing") else FolderStore(where)


def set_pending(where, pending: bool) -> None:
    """Say that the groups are being computed (`PENDING`), or no longer."""
    as_store(where).mark(PENDING, pending)


def write_groups(handle: IO[bytes], page: dict[str, Any]) -> None:
    """Write the groups the pages read (`page`: {"version", "generation", "token", "docs":
    {slot: metadata}, "groups": [...]}) as JSON Lines: a first line {"version",
    "generation", "token", "lines": {"docs": N, "groups": M}}, then a line [slot, metadata]
    for each of the N documents, then one line for each of the M groups.

    One line at a time, so that a reader parses it a line at a time (`read_groups`): the
    whole file in one call held the interpreter's lock for 0.5-0.85 s at `250k` (40.6 MB),
    and every other thread of a server's worker, its pages, waited. The name `reuse.json`
    stays: an index built before (one JSON object) is read as it was, and its next run
    continues from it.
    """
    docs, groups = page["docs"], page["groups"]
    head = {key: value for key, value in page.items() if key not in ("docs", "groups")}
    head["lines"] = {"docs": len(docs), "groups": len(groups)}
    line = orjson.OPT_APPEND_NEWLINE
    handle.write(orjson.dumps(head, option=line))
    handle.writelines(orjson.dumps([int(slot), meta], option=line)
                      for slot, meta in docs.items())
    handle.writelines(orjson.dumps(group, option=line) for group in groups)


def read_groups(lines: Iterable[bytes]) -> dict[str, Any]:
    """Return the groups' file whose lines are `lines` (a file open in binary mode) as one
    object, {"version", "generation", "token", "docs": {"slot": metadata}, "groups": [...]},
    parsed a line at a time (`write_groups`), pausing every `YIELD_EVERY` lines so that the
    process's other threads run. A file written before version 7 is one JSON object, parsed
    whole as it was. `ValueError` when the file is not whole (fewer lines than it says)."""
    lines = iter(lines)
    page = orjson.loads(next(lines, b"") or b"{}")
    counts = page.pop("lines", None)
    if counts is None:  # before version 7: the object was the whole file
        return page
    docs: dict[str, Any] = {}
    groups: list[Any] = []
    for n, line in enumerate(filter(bytes.strip, lines), 1):  # blank lines aside
        if n <= counts["docs"]:
            slot, meta = orjson.loads(line)
            docs[str(slot)] = meta
        else:
            groups.append(orjson.loads(line))
        if n % YIELD_EVERY == 0:
            time.sleep(0)  # lets a waiting thread take the interpreter's lock now
    if len(docs) != counts["docs"] or len(groups) != counts["groups"]:
        raise ValueError(f"{GROUPS} incomplet")
    return {**page, "docs": docs, "groups": groups}


def _in_step(header: dict, store, generation: int | None) -> bool:
    """Tell whether the arrays' header is this generation's and names the run token that
    opens the groups' file (read no further: it holds megabytes the pages parse)."""
    try:
        with store.open(GROUPS) as handle:
            start = handle.read(300).decode("utf-8", "replace")
    except OSError:
        return False
    found = re.search(r'"token":"([0-9a-f]+)"', start)
    return (header.get("version") in READABLE and header.get("gram") == GRAM
            and header.get("generation") == generation and found is not None
            and found.group(1) == header.get("token"))


def _fingerprints_and_matches(fp_hash: np.ndarray, fp_slot: np.ndarray, m_int: np.ndarray,
                              m_sim: np.ndarray) -> dict[str, np.ndarray]:
    """Return the arrays that store fingerprints and matches, as small as they go."""
    return {"fp_hash": _delta(fp_hash), "fp_slot": _three_bytes(fp_slot),
            # slots and character offsets fit 32 bits (a text of 2 GB would not)
            "matches": m_int.astype(np.int32) if int(m_int.max(initial=0)) < 2**31 else m_int,
            "similarity": m_sim}


def _read_fingerprints_and_matches(arrays: dict[str, np.ndarray]) -> tuple[np.ndarray, ...]:
    """Return the fingerprints (hashes, slots) and matches (rows, similarities) that
    `_fingerprints_and_matches` stored."""
    return (_undelta(arrays["fp_hash"]), _four_bytes(arrays["fp_slot"]),
            arrays["matches"].astype(np.int64), arrays["similarity"])


@dataclass
class _Base:
    """The fingerprints and matches of every document as one run left them (`BASE`).

    Later runs add fingerprints and matches of new slots only, and forget those of slots
    that are gone: so the base, less its gone slots, and what the runs since added (every
    fingerprint of a slot it does not know, every match with one) make the whole table again,
    in the same order. A run then writes what it added, not the 100 MB of the whole table.
    """

    fp_hash: np.ndarray
    fp_slot: np.ndarray
    m_int: np.ndarray
    m_sim: np.ndarray

    @classmethod
    def read(cls, store, stamp: dict, ids: np.ndarray) -> _Base | None:
        """Return the base `stamp` names, less the slots gone since (an empty id in `ids`),
        or None when the file is not that base."""
        try:
            with store.open(BASE) as handle, np.load(handle, allow_pickle=False) as data:
                arrays = {k: data[k] for k in data.files}
        except (OSError, ValueError, KeyError):
            return None
        if _json(arrays["header"]).get("token") != stamp["token"]:
            return None
        fp_hash, fp_slot, m_int, m_sim = _read_fingerprints_and_matches(arrays)
        gone = ids[:stamp["slots"]] == b""
        if gone.any():
            keep = ~gone[fp_slot]
            fp_hash, fp_slot = fp_hash[keep], fp_slot[keep]
            keep = ~(gone[m_int[:, 0]] | gone[m_int[:, 3]])
            m_int, m_sim = m_int[keep], m_sim[keep]
        return cls(fp_hash, fp_slot, m_int, m_sim)

    @staticmethod
    def stamp(state: ReuseState) -> dict:
        """Return the stamp of a new base of the state's whole tables (`write` it)."""
        return {"token": uuid.uuid4().hex, "slots": len(state.ids),
                "fingerprints": int(state.fp_hash.size)}

    @staticmethod
    def write(store, state: ReuseState, stamp: dict | None = None) -> dict:
        """Write the state's whole tables as the new base (`stamp`, or a new one); return
        its stamp."""
        stamp = stamp or _Base.stamp(state)
        arrays = {"header": np.frombuffer(json.dumps({"token": stamp["token"]}).encode(),
                                          np.uint8),
                  **_fingerprints_and_matches(state.fp_hash, state.fp_slot, state.m_int,
                                              state.m_sim)}
        # a crash before both it and the arrays that name it are written leaves arrays that
        # name another base, which `_Base.read` refuses, and the next run starts over
        with store.writing(BASE) as handle:
            np.savez(handle, **arrays)
        return stamp
