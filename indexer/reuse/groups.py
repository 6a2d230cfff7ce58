"""The last step: the groups, from the kept matches and quotations.

Passages: the matches (`indexer.reuse.passages`) that overlap in a document are joined
(connected components), a group being in two documents or more and `MAX_DF` at most, and
not a commonplace of the debates. Quotations: those of one speaker sharing a phrase found
in few quotations (`content_pairs`), taken from each document written (`_quotes`). The
groups are then written with the state (`ReuseState.save`, `indexer.reuse.files`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from indexer.analysis import STOP_WORDS, fold, passage_words
from indexer.document import Document
from indexer.reuse.pairs import MAX_DF
from indexer.reuse.processes import _collector_paused
from indexer.reuse.state import ReuseState
from indexer.reuse.words import _word_hash

# A passage said in debates by this many members or more is a commonplace of the debate.
FORMULA_SPEAKERS = 8
# Quotations: a phrase in more quotations than this is not distinctive.
QUOTE_DF = 12


def content_pairs(text: str) -> list[int]:
    """Return the hashes of a quotation's phrases: consecutive words, stop words skipped.

    >>> content_pairs("les lois de la paix") == content_pairs("Des lois de la paix !")
    True
    """
    words = [w for w, _, _ in passage_words(text) if w not in STOP_WORDS and len(w) > 1]
    return sorted({_word_hash(f"{a} {b}") & 0xFFFFFFFF for a, b in zip(words, words[1:],
                                                                      strict=False)})


def speaker_key(name: str) -> str:
    """Return what two spellings of a speaker's name share.

    >>> speaker_key("Christian ESTROSI") == speaker_key("Christian Estrosi")
    True
    """
    return " ".join(fold(name).casefold().split())


class _UnionFind:
    def __init__(self):
        self.parent: dict[Any, Any] = {}

    def find(self, x):
        parent = self.parent
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _quotes(slot: int, doc: Document) -> Iterable[tuple]:
    """The speech quotations of a document as the state keeps them."""
    for i, quote in enumerate(doc.quotes):
        if quote.is_speech and quote.speaker:
            yield (slot, i, quote.start, quote.end, speaker_key(quote.speaker), quote.speaker,
                   quote.function, content_pairs(quote.text))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Tell whether two spans of a document are one passage: they share half the longer.

    A sentence found elsewhere inside a long copied stretch is not the stretch: joining
    them would chain every passage of a long copy into one group.
    """
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= max(a[1] - a[0], b[1] - b[0])


def build_groups(state: ReuseState) -> list[dict]:
    """Return the groups from the kept matches and quotations.

    A group is {"id", "type": "passage"|"quote", "occurrences": [[slot, start, end,
    quote index or -1, speaker]]}, occurrences in slot order; groups whose occurrences
    stand in one document only are left out. The speaker is a quotation's author; a passage
    has one only when it lies in a turn that is not its document's speakers' (`in_turn`:
    the journalist's name, None for an unnamed « Q - »), its words those of the document's
    speakers otherwise.

    The passages of a group are the connected components (scipy's) of a graph whose nodes
    are the spans of the matches and whose edges are the matches, and the spans of one
    document that are one passage (`_overlap`): at 250k, 287,000 matches are grouped in
    about a second where a union-find over Python tuples took seven.
    """
    with _collector_paused():
        return _build_groups(state)


def _build_groups(state: ReuseState) -> list[dict]:
    groups = []
    m = state.matches()
    if len(m):
        spans = np.concatenate([m[:, 0:3], m[:, 3:6]])
        # the distinct spans in (slot, start, end) order (np.unique by rows sorts slower)
        order = np.lexsort((spans[:, 2], spans[:, 1], spans[:, 0]))
        ranked = spans[order]
        fresh = np.r_[True, (ranked[1:] != ranked[:-1]).any(axis=1)]
        nodes = ranked[fresh]
        inverse = np.empty(len(spans), np.int64)
        inverse[order] = np.cumsum(fresh) - 1
        same_u, same_v = _same_passage(nodes)
        u = np.concatenate([inverse[:len(m)], same_u])
        v = np.concatenate([inverse[len(m):], same_v])
        graph = coo_matrix((np.ones(u.size, np.int8), (u, v)), shape=(len(nodes),) * 2)
        _count, labels = connected_components(graph, directed=False)
        # one occurrence per group and document: from its first start to its last end there
        order = np.lexsort((nodes[:, 0], labels))
        labels, slots = labels[order], nodes[order, 0]
        cut = np.flatnonzero(np.r_[True, (labels[1:] != labels[:-1]) | (slots[1:] != slots[:-1])])
        first = np.minimum.reduceat(nodes[order, 1], cut)
        last = np.maximum.reduceat(nodes[order, 2], cut)
        labels, slots = labels[cut], slots[cut]
        bounds = np.flatnonzero(np.r_[True, labels[1:] != labels[:-1], True])
        debates = np.logical_and.reduceat(_in_debates(state, slots), bounds[:-1]).tolist()
        slots, first, last = slots.tolist(), first.tolist(), last.tolist()
        for lo, hi, in_debates in zip(bounds[:-1].tolist(), bounds[1:].tolist(), debates,
                                      strict=True):
            # in more documents than a fingerprint may be: a formula that varies (chained)
            if 2 <= hi - lo <= MAX_DF and not (in_debates and
                                                _commonplace(state, slots[lo:hi])):
                groups.append({"type": "passage", "occurrences": [
                    [s, a, b, -1] for s, a, b in zip(slots[lo:hi], first[lo:hi], last[lo:hi],
                                                     strict=True)]})
    groups += _quote_groups(state)
    groups.sort(key=lambda g: (-len({o[0] for o in g["occurrences"]}), g["type"],
                               g["occurrences"][0]))
    for n, group in enumerate(groups):
        group["id"] = n
        if group["type"] == "passage":
            for occurrence in group["occurrences"]:
                turns = state.turns.get(occurrence[0])
                if turns:
                    in_turn(occurrence, turns)
    return groups


def in_turn(occurrence: list, turns: list[tuple[int, int, str | None]]) -> None:
    """Give a passage's occurrence the speaker whose turns, not its document's speakers',
    hold more than half of it (`ReuseState.turns`): the journalist's greeting is the
    journalist's words, not the guest's, even with the guest's « Merci à vous » and her
    « Bonne journée » after it (« SONIA MABROUK Merci … d'avoir été notre invité ce matin.
    JULIEN DENORMANDIE Merci à vous. SONIA MABROUK Bonne journée à vous »).

    >>> occurrence = [3, 10, 60, -1]
    >>> in_turn(occurrence, [(0, 40, "Sonia Mabrouk"), (50, 90, "Sonia Mabrouk")])
    >>> occurrence
    [3, 10, 60, -1, 'Sonia Mabrouk']
    >>> occurrence = [3, 80, 120, -1]
    >>> in_turn(occurrence, [(0, 40, "Sonia Mabrouk"), (90, 120, None)]); occurrence
    [3, 80, 120, -1, None]
    >>> occurrence = [3, 0, 60, -1]
    >>> in_turn(occurrence, [(0, 20, "Sonia Mabrouk"), (40, 60, "Pascal Jalabert")])
    >>> occurrence
    [3, 0, 60, -1]
    """
    _, start, end = occurrence[:3]
    held: dict[str | None, int] = defaultdict(int)
    for turn_start, turn_end, name in turns:
        held[name] += max(0, min(end, turn_end) - max(start, turn_start))
    if held:
        name, length = max(held.items(), key=lambda item: item[1])
        if length * 2 > end - start:
            occurrence.append(name)


def oldest(state: ReuseState, groups: list[dict]) -> list[list]:
    """Return the oldest occurrence of each group: the first by its document's date (those
    without one last), then slot, then its place in the group (as `min` over the
    occurrences would), the dates read once a document.

    >>> from indexer.reuse.slots import Slot
    >>> state = ReuseState()
    >>> for slot, date in enumerate(["2024-03-01", None, "2023-11-20"]):
    ...     state.meta[slot] = Slot(f"d{slot}", date)
    >>> oldest(state, [{"occurrences": [[0, 5, 9, -1], [1, 0, 4, -1], [2, 7, 9, -1]]},
    ...                {"occurrences": [[1, 3, 8, 0, "X"], [1, 2, 6, 1, "X"]]}])
    [[2, 7, 9, -1], [1, 3, 8, 0, 'X']]
    """
    flat = [o for g in groups for o in g["occurrences"]]
    if not flat:
        return []
    sizes = np.fromiter((len(g["occurrences"]) for g in groups), np.int64, len(groups))
    slots = np.fromiter((o[0] for o in flat), np.int64, len(flat))
    documents, inverse = np.unique(slots, return_inverse=True)
    dates = np.array([state.meta.date(s) or "" for s in documents.tolist()])
    known, rank = np.unique(dates, return_inverse=True)  # "" first, when there is one
    rank = np.where(dates == "", known.size, rank)
    group = np.repeat(np.arange(len(groups)), sizes)
    order = np.lexsort((np.arange(len(flat)), slots, rank[inverse], group))
    firsts = order[np.cumsum(sizes) - sizes]
    return [flat[i] for i in firsts.tolist()]


def _same_passage(nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the edges between spans of one document that are one passage (`_overlap`),
    each to the span reaching furthest among those joined before it; `nodes` holds
    (slot, start, end) rows in that order."""
    us, vs = [], []
    slots, starts, ends = (column.tolist() for column in nodes.T)
    current = 0
    for i in range(1, len(slots)):
        if slots[i] != slots[current]:
            current = i
        elif _overlap((starts[current], ends[current]), (starts[i], ends[i])):
            us.append(current)
            vs.append(i)
            if ends[i] > ends[current]:
                current = i
        else:
            current = i
    return np.array(us, np.int64), np.array(vs, np.int64)


def _in_debates(state: ReuseState, slots: np.ndarray) -> np.ndarray:
    """Tell, for each of these slots, whether its document is a debate's (its kind read
    once a document)."""
    documents, inverse = np.unique(slots, return_inverse=True)
    meta = state.meta
    debate = np.array([s in meta and (meta.kind(s) or "") == "débat"
                       for s in documents.tolist()], bool)
    return debate[inverse]


def _commonplace(state: ReuseState, slots: list[int]) -> bool:
    """Tell whether a passage whose documents are all debates' (`_in_debates`) is a
    debate's commonplace: said by many members (« madame la garde des Sceaux, madame la
    ministre, mes chers collègues », « Comme il est presque 14 heures, nous passons aux
    déclarations des députés »), not one side's line."""
    speakers = state.meta.speakers
    return len({speaker_key(n) for s in slots for n in speakers(s)}) >= FORMULA_SPEAKERS


def _quote_groups(state: ReuseState) -> list[dict]:
    """Group quotations of one speaker that share a phrase found in few quotations."""
    df: dict[int, int] = defaultdict(int)
    for q in state.quotes:
        for p in q[7]:
            df[p] += 1
    by_phrase: dict[tuple[str, int], list[int]] = defaultdict(list)
    for n, q in enumerate(state.quotes):
        for p in q[7]:
            if df[p] <= QUOTE_DF:
                by_phrase[(q[4], p)].append(n)
    uf = _UnionFind()
    for found in by_phrase.values():
        for n in found[1:]:
            uf.union(found[0], n)
    members: dict[int, list[int]] = defaultdict(list)
    for found in by_phrase.values():
        for n in found:
            members[uf.find(n)].append(n)
    groups = []
    for found in members.values():
        quotes = [state.quotes[n] for n in sorted(set(found))]
        if len({q[0] for q in quotes}) >= 2:
            groups.append({"type": "quote", "occurrences": sorted(
                [q[0], q[2], q[3], q[1], q[5]] for q in quotes)})
    return groups
