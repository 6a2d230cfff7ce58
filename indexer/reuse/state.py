"""Everything kept between runs (`ReuseState`): fingerprints, matches, quotations, the
journalists' turns, slots.

Read from the index's files (`indexer.reuse.files`) on a run's first use, it loses the
documents removed or written again, takes the fingerprints and matches of the run's
documents (`indexer.reuse.pairs`, `indexer.reuse.passages`), gives the groups their
matches (`indexer.reuse.groups`), and is written back (`save`).
"""

from __future__ import annotations

import json
import uuid
import zlib
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
import orjson

from indexer.document import Document
from indexer.reuse.files import (
    ARRAYS,
    GROUPS,
    VERSION,
    _ascii,
    _Base,
    _fingerprints_and_matches,
    _in_step,
    _json,
    _read_fingerprints_and_matches,
    as_store,
    write_groups,
)
from indexer.reuse.processes import _collector_paused
from indexer.reuse.slots import Slot, SlotTable, _pack, _unpack
from indexer.reuse.words import GRAM

# The base is written again when the entries added since (or those of documents gone since)
# reach this share of it: the two files then hold at most a tenth more than one would (at
# `250k` the groups' files add 18 % to the index; the cap is 20 %).
REBASE = 0.1
# A passage both documents hold at their top or bottom (a header or footer) is left out of
# the groups but kept, its similarity negated (at or below `EDGE`): an edit that moves it off
# an edge makes it reuse, without aligning it again when the edit left its words alone.
# (States written before version 6 kept 0.0: such a row near a change is aligned again.)
EDGE = 0.0


class ReuseState:
    """Everything kept between runs: fingerprints, matches, quotations, others' turns,
    slots."""

    def __init__(self):
        self.ids: list[str] = []  # slot → document id ("" once removed)
        self.digests: list[bytes] = []  # slot → its text's hash (`text_hash`), b"" unknown
        self.slot: dict[str, int] = {}
        self.meta = SlotTable(self.ids)
        self.fp_hash = np.zeros(0, np.uint32)  # sorted
        self.fp_slot = np.zeros(0, np.uint32)
        # matches: a, a_start, a_end, b, b_start, b_end (slots, characters), and similarity
        # (negated for a header or footer kept out of the groups: `EDGE`)
        self.m_int = np.zeros((0, 6), np.int64)
        self.m_sim = np.zeros(0, np.float32)
        # quotations: (slot, index, start, end, speaker key, speaker, function, phrases)
        self.quotes: list[tuple[int, int, int, int, str, str, str | None, list[int]]] = []
        # the turns of a transcript that are not its speakers' (`indexer.verify.others_turns`:
        # the journalist's questions): slot → [(start, end, name or None for « Q - »)]
        self.turns: dict[int, list[tuple[int, int, str | None]]] = {}
        # the slots whose turns were looked for: every one matched when the state was
        # written (none in a state written before the turns were kept), then those of the
        # documents matched in a run, looked for as the groups are built (`ReuseUpdate`)
        self.turns_seen: set[int] = set()
        self.excerpts: dict[str, str] = {}  # "slot:start:end" → words shown for a group
        self.stale: set[int] = set()  # slots of documents written again in this run
        self.generation: int | None = None
        self.token = ""
        self.dropped = 0  # boilerplate matches left out (last run)
        # the base file's token, the slots it knows and its fingerprints' count (`_Base`)
        self.base: dict = {"token": "", "slots": 0, "fingerprints": 0}
        self.base_writing: Future | None = None  # its stamp, once written (`write_base`)

    def matches(self) -> np.ndarray:
        """Return the rows of the matches that make groups (headers and footers left out)."""
        return self.m_int[self.m_sim > EDGE]

    # --- files

    @staticmethod
    def current(index_dir, generation: int | None) -> bool:
        """Tell, reading only the headers, whether the kept files are this generation's
        (`index_dir`: their folder, or a store, see `FolderStore`)."""
        store = as_store(index_dir)
        try:
            with store.open(ARRAYS) as handle, np.load(handle, allow_pickle=False) as data:
                header = _json(data["header"])
        except (OSError, ValueError, KeyError):
            return False
        return _in_step(header, store, generation)

    @classmethod
    def load(cls, index_dir, generation: int | None) -> ReuseState | None:
        """Return the kept state, or None when absent or out of step with the index."""
        with _collector_paused():
            return cls._load(as_store(index_dir), generation)

    @classmethod
    def _load(cls, store, generation: int | None) -> ReuseState | None:
        try:
            with store.open(ARRAYS) as handle, np.load(handle, allow_pickle=False) as data:
                arrays = {k: data[k] for k in data.files}
        except (OSError, ValueError, KeyError):
            return None
        header = _json(arrays["header"])
        if not _in_step(header, store, generation):
            return None
        header.update(json.loads(zlib.decompress(arrays["details"].tobytes())))
        state = cls()
        state.generation, state.token = generation, header["token"]
        state.ids = arrays["ids"].astype(str).tolist()
        state.digests = (arrays["digests"].tolist() if "digests" in arrays
                         else [b""] * len(state.ids))
        state.slot = {d: i for i, d in enumerate(state.ids) if d}
        if header["version"] == 3:
            state.meta = SlotTable(state.ids)
            state.meta.update({int(k): Slot(**v) for k, v in header["meta"].items()})
            state.excerpts = header.get("excerpts", {})
        else:
            state.meta = SlotTable.from_columns(state.ids, arrays)
            state.excerpts = dict(zip(
                (f"{s}:{a}:{b}" for s, a, b in arrays["excerpt_keys"].tolist()),
                _unpack(arrays["excerpt_len"], arrays["excerpt_text"]), strict=True))
        fp_hash, fp_slot, m_int, m_sim = _read_fingerprints_and_matches(arrays)
        if "base" in header:
            base = _Base.read(store, header["base"], arrays["ids"])
            if base is None:
                return None
            # what the runs since the base added: fingerprints after the base's of the same
            # value, matches after the base's (see `_Base`)
            at = np.searchsorted(base.fp_hash, fp_hash, "right")
            fp_hash, fp_slot = np.insert(base.fp_hash, at, fp_hash), np.insert(base.fp_slot, at,
                                                                                fp_slot)
            m_int, m_sim = np.concatenate([base.m_int, m_int]), np.concatenate([base.m_sim,
                                                                                m_sim])
            state.base = header["base"]
        state.fp_hash, state.fp_slot, state.m_int, state.m_sim = fp_hash, fp_slot, m_int, m_sim
        offsets = arrays["q_offsets"]
        phrases = arrays["q_phrases"]
        for n, (row, who) in enumerate(zip(arrays["q_rows"], header["q_who"], strict=True)):
            slot, index, start, end = map(int, row)
            state.quotes.append((slot, index, start, end, who[0], who[1], who[2],
                                 phrases[offsets[n]:offsets[n + 1]].tolist()))
        if "t_rows" in arrays:
            for (slot, start, end), name in zip(arrays["t_rows"].tolist(), header["t_who"],
                                                strict=True):
                state.turns.setdefault(slot, []).append((start, end, name))
            state.turns_seen = set(np.unique(state.matches()[:, [0, 3]]).tolist())
        return state

    def save(self, index_dir, generation: int, groups: list[dict],
             matched: np.ndarray | None = None) -> None:
        """Write the files (each atomically), stamped with the index's generation; return
        once the base, begun before (`write_base`), is written too (its error raised here).
        `matched`: the slots of `matches()`, when known."""
        with _collector_paused():
            self._save(as_store(index_dir), generation, groups, matched)

    def _save(self, store, generation: int, groups: list[dict],
              matched: np.ndarray | None) -> None:
        self.generation, self.token = generation, uuid.uuid4().hex
        grouped = {o[0] for g in groups for o in g["occurrences"]}
        if matched is None:
            matched = np.unique(self.matches()[:, [0, 3]])
        used = grouped | set(matched.tolist())
        used.update(q[0] for q in self.quotes)
        header = {"version": VERSION, "gram": GRAM, "generation": generation,
                  "token": self.token}
        fp_hash, fp_slot, m_int, m_sim = self.fp_hash, self.fp_slot, self.m_int, self.m_sim
        # the base being written meanwhile (`write_base`: `base` is its stamp already), or
        # written now
        writing, self.base_writing = self.base_writing, None
        if writing is None and self._rebase():
            self.base = _Base.write(store, self)
        slots = self.base["slots"]
        if slots:  # only what the runs since the base added
            added = fp_slot >= slots
            fp_hash, fp_slot = fp_hash[added], fp_slot[added]
            added = np.maximum(m_int[:, 0], m_int[:, 3]) >= slots
            m_int, m_sim = m_int[added], m_sim[added]
            header["base"] = self.base
        turns = [(slot, *turn) for slot, found in sorted(self.turns.items()) for turn in found]
        details = {"q_who": [[q[4], q[5], q[6]] for q in self.quotes],
                   "t_who": [t[3] for t in turns]}
        excerpts = [(tuple(map(int, k.split(":"))), v) for k, v in self.excerpts.items()]
        excerpt_len, excerpt_text = _pack([v for _, v in excerpts])
        lengths = [len(q[7]) for q in self.quotes]
        offsets = np.zeros(len(lengths) + 1, np.int64)
        np.cumsum(lengths, out=offsets[1:])
        arrays = {
            "header": np.frombuffer(json.dumps(header).encode(), np.uint8),
            "details": np.frombuffer(zlib.compress(orjson.dumps(details), 1), np.uint8),
            "ids": _ascii(self.ids),
            "digests": np.array(self.digests or [b""], dtype="S20")[:len(self.digests)],
            **_fingerprints_and_matches(fp_hash, fp_slot, m_int, m_sim),
            "q_rows": np.array([q[:4] for q in self.quotes], np.int64).reshape(-1, 4),
            "q_offsets": offsets,
            "q_phrases": np.array([p for q in self.quotes for p in q[7]], np.uint32),
            "t_rows": np.array([t[:3] for t in turns], np.int64).reshape(-1, 3),
            "excerpt_keys": np.array([k for k, _ in excerpts], np.int64).reshape(-1, 3),
            "excerpt_len": excerpt_len, "excerpt_text": excerpt_text,
            **self.meta.columns(sorted(s for s in used if s in self.meta)),
        }
        with store.writing(ARRAYS) as handle:
            np.savez(handle, **arrays)
        del arrays
        page = {"version": VERSION, "generation": generation, "token": self.token,
                "docs": {str(s): self.meta.as_dict(s) for s in sorted(grouped)},
                "groups": groups}
        # orjson, a line at a time: the 40 MB of groups written in 0.2 s where the json
        # module took 1.0 s, and parsed by the pages a line at a time
        with store.writing(GROUPS) as handle:
            write_groups(handle, page)
        if writing is not None:  # the base, whole at last; its error here
            writing.result()

    def write_base(self, index_dir) -> None:
        """Start writing the base file, when `save` would write it, in a thread of its own:
        its fingerprints and matches are whole once the run's matches are in, and the groups
        are built meanwhile, and the other two files written (the arrays name the base by
        its stamp, `base`, set here): a run that dies before all three are written leaves
        files out of step, which the next run does not read (it starts over). `save` waits
        for it last (and raises its error). Most of its work leaves the other core to this
        thread: compressing (zlib) and sending the pieces to a cluster, which parses and
        stores them. (At `1m` the files took 20.9 s of the end of the build, one core idle;
        the base is most of their bytes.)"""
        if self.base_writing is None and self._rebase():
            self.base = _Base.stamp(self)  # what the arrays name, before it is written
            pool = ThreadPoolExecutor(1, thread_name_prefix="verbatim-reuse-base")
            self.base_writing = pool.submit(_Base.write, as_store(index_dir), self, self.base)
            pool.shutdown(wait=False)  # the thread ends with its one task

    def _rebase(self) -> bool:
        """Tell whether the base file must be written again: none yet, or the fingerprints
        added since, or the documents gone since, reach a tenth of it (`REBASE`)."""
        slots, count = self.base["slots"], self.base["fingerprints"]
        if not slots:
            return True
        added = int(np.count_nonzero(self.fp_slot >= slots))
        gone = sum(1 for i in self.ids[:slots] if not i)
        return added >= REBASE * count or gone >= REBASE * slots

    # --- updates

    def remove(self, ids: Iterable[str]) -> None:
        """Forget documents: their fingerprints, matches and quotations."""
        self.drop({self.slot.pop(i) for i in ids if i in self.slot})

    def drop(self, gone: set[int]) -> None:
        """Forget slots, all in one pass over the arrays."""
        if not gone:
            return
        for s in gone:
            self.ids[s] = ""
            self.digests[s] = b""
            self.meta.pop(s, None)
        # a flag per slot, looked up by each row: `np.isin` sorted 15 million slots at 250k
        dead = np.zeros(len(self.ids), bool)
        dead[np.fromiter(gone, np.int64, len(gone))] = True
        keep = ~dead[self.fp_slot]
        self.fp_hash, self.fp_slot = self.fp_hash[keep], self.fp_slot[keep]
        keep = ~(dead[self.m_int[:, 0]] | dead[self.m_int[:, 3]])
        self.m_int, self.m_sim = self.m_int[keep], self.m_sim[keep]
        self.quotes = [q for q in self.quotes if q[0] not in gone]
        for s in gone:
            self.turns.pop(s, None)
            self.turns_seen.discard(s)

    def same_text(self, doc_id: str, digest: bytes) -> int | None:
        """Return the slot of a document written again with the very text it had (a file
        saved again, a row added to its table): its fingerprints and matches still hold."""
        slot = self.slot.get(doc_id)
        if slot is not None and digest and self.digests[slot] == digest:
            return slot
        return None

    def new_slot(self, doc: Document, digest: bytes = b"") -> int:
        """Return a fresh slot for a document; its old one, if any, is dropped with the
        others of the run before matching (one pass over the arrays, not one per document)."""
        old = self.slot.pop(doc.id, None)
        if old is not None:
            self.stale.add(old)
        self.ids.append(doc.id)
        self.digests.append(digest)
        slot = len(self.ids) - 1
        self.slot[doc.id] = slot
        self.meta[slot] = Slot.of(doc)
        return slot
