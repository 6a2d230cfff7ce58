"""What the pages show of a document that holds a reused passage: `Slot`, `SlotTable`.

Part of the kept state (`indexer.reuse.state`): a run fills the slots of the documents it
writes (`ReuseUpdate.add`) and of the kept ones it matches; they are stored as compressed
columns (`SlotTable.columns`), read back whole, and built one by one when looked at.
"""

from __future__ import annotations

import zlib
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

import numpy as np

from indexer.document import Document


@dataclass
class Slot:
    """What the pages need to know of a document that holds a reused passage."""

    id: str
    date: str | None = None
    kind: str | None = None
    title: str | None = None
    speakers: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Document) -> Slot:
        """Return the slot of a document."""
        return cls(doc.id, doc.date, doc.kind, (doc.title or doc.source or "")[:300],
                   [s.name for s in doc.speakers], list(doc.themes))


def _pack(strings: list[str | None]) -> tuple[np.ndarray, np.ndarray]:
    """Return strings as their lengths (-1 for None) and their text, compressed: a column
    read back in milliseconds where parsing the same as JSON objects took a second.

    >>> _unpack(*_pack(["Jean Dupont", None, "", "Élise"]))
    ['Jean Dupont', None, '', 'Élise']
    """
    lengths = np.fromiter((-1 if s is None else len(s) for s in strings), np.int32,
                          len(strings))
    text = "".join(s for s in strings if s).encode("utf-8")
    return lengths, np.frombuffer(zlib.compress(text, 1), np.uint8)


def _unpack(lengths: np.ndarray, blob: np.ndarray) -> list[str | None]:
    text = zlib.decompress(blob.tobytes()).decode("utf-8")
    sizes = np.maximum(lengths, 0)
    ends = np.cumsum(sizes)
    return [None if n < 0 else text[b - n:b]
            for n, b in zip(lengths.tolist(), ends.tolist(), strict=True)]


class SlotTable(MutableMapping):
    """Slot → `Slot`, each built from the stored columns on first use: a run reads the
    table of 100,000 documents whole but looks at few of them (`kind`, `date` and
    `speakers` answer without building one)."""

    ROW = ("date", "kind", "title", "speakers", "themes")  # the first three are strings

    def __init__(self, ids: list[str] | None = None,
                 rows: dict[int, tuple] | None = None):
        self.ids = ids if ids is not None else []
        self.rows = rows or {}  # slot → (date, kind, title, speakers, themes), not yet built
        self.built: dict[int, Slot] = {}

    def __getitem__(self, slot: int) -> Slot:
        found = self.built.get(slot)
        if found is None:
            date, kind, title, speakers, themes = self.rows.pop(slot)
            found = self.built[slot] = Slot(self.ids[slot], date, kind, title, speakers, themes)
        return found

    def __setitem__(self, slot: int, value: Slot) -> None:
        self.rows.pop(slot, None)
        self.built[slot] = value

    def __delitem__(self, slot: int) -> None:
        if self.rows.pop(slot, None) is None:
            del self.built[slot]

    def __iter__(self):
        return iter([*self.built, *self.rows])  # a snapshot: reading builds, and moves

    def __len__(self) -> int:
        return len(self.built) + len(self.rows)

    def __contains__(self, slot: object) -> bool:
        return slot in self.built or slot in self.rows

    def _field(self, slot: int, name: str) -> Any:
        found = self.built.get(slot)  # every slot a run writes (a fresh build: all)
        if found is not None:
            return getattr(found, name)
        row = self.rows.get(slot)
        return row[self.ROW.index(name)] if row is not None else getattr(self[slot], name)

    def kind(self, slot: int) -> str | None:
        return self._field(slot, "kind")

    def date(self, slot: int) -> str | None:
        return self._field(slot, "date")

    def speakers(self, slot: int) -> list[str]:
        return self._field(slot, "speakers")

    def row(self, slot: int) -> tuple:
        """The `ROW` fields of a slot, built or not."""
        found = self.rows.get(slot)
        if found is not None:
            return found
        return _ROW(self[slot])

    def as_dict(self, slot: int) -> dict:
        """A slot's details as the groups page gives them."""
        date, kind, title, speakers, themes = self.row(slot)
        return {"id": self.ids[slot], "date": date, "kind": kind, "title": title,
                "speakers": speakers, "themes": themes}

    def columns(self, slots: list[int]) -> dict[str, np.ndarray]:
        """Return the arrays that store these slots (`from_columns` reads them back)."""
        rows = [self.row(s) for s in slots]
        arrays = {"slots": np.array(slots, np.uint32)}
        for n, name in enumerate(self.ROW):
            if n < 3:
                arrays[f"{name}_len"], arrays[name] = _pack([r[n] for r in rows])
                continue
            arrays[f"{name}_count"] = np.fromiter((len(r[n]) for r in rows), np.int32, len(rows))
            arrays[f"{name}_len"], arrays[name] = _pack([v for r in rows for v in r[n]])
        return {f"meta_{k}": v for k, v in arrays.items()}

    @classmethod
    def from_columns(cls, ids: list[str], arrays: dict[str, np.ndarray]) -> SlotTable:
        """Return the table the arrays of `columns` store."""
        a = {k[len("meta_"):]: v for k, v in arrays.items() if k.startswith("meta_")}
        slots = a["slots"].tolist()
        fields = [_unpack(a[f"{name}_len"], a[name]) for name in cls.ROW[:3]]
        lists = []
        for name in cls.ROW[3:]:
            values = _unpack(a[f"{name}_len"], a[name])
            ends = np.cumsum(a[f"{name}_count"]).tolist()
            starts = [0, *ends][: len(ends)]  # no slot: no list
            lists.append([values[i:j] for i, j in zip(starts, ends, strict=True)])
        return cls(ids, dict(zip(slots, zip(*fields, *lists, strict=True), strict=True)))


_ROW = attrgetter(*SlotTable.ROW)  # a `Slot`'s `ROW` fields, as a tuple
