"""Documents written again: the matches an edit cannot move are kept, not aligned again.

A document written again with another text (`ReuseUpdate.previous` tells the old one) gets a
new slot and an `Edit`: where its text changed. Its old matches are set aside before its old
slot is dropped (`_Edits._set_aside`); when the pairs are made (`indexer.reuse.pairs`), a
pair of it with a kept document its change cannot touch is not aligned again (`_hot`,
`_unmoved`), and the old matches with those documents are kept, moved to where they now
stand (`_keep`). `_Edits` is that part of `ReuseUpdate`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np

from indexer.analysis import WORD_PATTERN, passage_words
from indexer.reuse.pairs import MAX_DF, _member
from indexer.reuse.passages import EDGE_WORDS, MARGIN
from indexer.reuse.state import EDGE
from indexer.reuse.words import GRAM, fingerprints

# An old match this close (in words) to a change may align differently: its alignment
# reaches `MARGIN` words beyond its last seed, a run of `GRAM` words.
NEAR = MARGIN + GRAM


@dataclass(frozen=True)
class Edit:
    """Where a document written again changed: `start` and `old_stop` bound the changed
    characters of the text it had (`shift` is what the lengths differ by). Its partners
    aligned again are those sharing a rare run of words the change made or unmade
    (`removed`: the fingerprints of the old runs that overlapped the change), and those of
    the old matches within `NEAR` words of it (`old_window`); the other matches are kept,
    shifted. A fingerprint outside the change whose frequency crossed `MAX_DF` in the same
    run is not looked at again: a rare case, caught up by the next full build."""

    old_slot: int
    start: int
    old_stop: int
    shift: int
    old_window: tuple[int, int]
    removed: tuple[int, ...] = ()

    @classmethod
    def between(cls, old_slot: int, before: str, after: str) -> Edit:
        """Return the edit that makes `after` of `before`."""
        start = _common_prefix(before, after)
        tail = _common_suffix(before, after, min(len(before), len(after)) - start)
        stop, shift = len(before) - tail, len(after) - len(before)
        # the old runs around the change: a few words, fingerprinted as `Tokens.of` does
        # (without leaving out those between parentheses: one more partner at worst)
        lo, hi = _widen(before, start, stop, GRAM)
        found = passage_words(before[lo:hi])
        hashes, valid = fingerprints([w for w, _, _ in found])
        spans = [(a, b) for _, a, b in found]
        return cls(old_slot, start, stop, shift, _widen(before, start, stop, NEAR),
                   tuple(_changed_runs(hashes, valid, spans, start - lo, stop - lo)))

    @property
    def new_stop(self) -> int:
        """Return where the changed characters end in the new text."""
        return self.old_stop + self.shift

    def moved(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """Return where a span of the old text stands in the new one, None when it is
        within `NEAR` words of the change (aligned again)."""
        return self._moved(span, *self.old_window)

    def untouched(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """Return where a span of the old text stands in the new one, None when the change
        altered or cut into its words (however near it, a span beside it is untouched)."""
        return self._moved(span, self.start, self.old_stop)

    def in_place(self, span: tuple[int, int], sim: float) -> tuple[int, int] | None:
        """Return where an old match within `NEAR` words of the change now stands when it is
        a header or footer (`EDGE`: its similarity known, negated) whose words the change
        left alone: judged again where it stands, not aligned again. None otherwise."""
        return self.untouched(span) if sim < EDGE else None

    def _moved(self, span: tuple[int, int], lo: int, hi: int) -> tuple[int, int] | None:
        if span[1] <= lo:
            return span
        if span[0] >= hi:
            return span[0] + self.shift, span[1] + self.shift
        return None


def _changed_runs(hashes: np.ndarray, valid: np.ndarray, spans: list[tuple[int, int]],
                  start: int, stop: int) -> list[int]:
    """Return the fingerprints of the runs of words (`hashes`, which count: `valid`; the
    words' `spans`) that overlap characters `start` to `stop`, or, when nothing stands
    between them, that span the place where text was cut out."""
    first = bisect.bisect_right([b for _, b in spans], start)
    last = max(first, bisect.bisect_left([a for a, _ in spans], stop))
    runs = range(max(0, first - GRAM + 1), min(last, hashes.size))
    return sorted({int(hashes[i]) for i in runs if valid[i]})


def _common_prefix(a: str, b: str) -> int:
    """Return the length of the longest common prefix (slices compared in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    """Return the length of the longest common suffix, at most `limit`."""
    lo, hi = 0, max(0, limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _widen(text: str, start: int, stop: int, words: int) -> tuple[int, int]:
    """Return the characters from `words` words before `start` to as many after `stop`."""
    lo = start
    while lo > 0:  # grow by steps until enough words stand between lo and start
        lo = max(0, lo - 40 * words)
        if len(WORD_PATTERN.findall(text, lo, start)) > words:
            break
    before = [m.start() for m in WORD_PATTERN.finditer(text, lo, start)]
    lo = before[-words - 1] if len(before) > words else 0
    after = []
    for match in WORD_PATTERN.finditer(text, stop):
        after.append(match.end())
        if len(after) > words:
            break
    hi = after[-1] if len(after) > words else len(text)
    return lo, hi


class _Edits:
    """`ReuseUpdate`'s part for documents written again: reads its `edits` (new slot → its
    `Edit`), `kept` (new slot → its old matches), `tokens`, `rare` and `state`, and puts
    the old matches kept on `found`."""

    def _set_aside(self) -> None:
        """Take the matches of every edited document's old slot, before they are dropped."""
        if not self.edits:
            return
        state = self.state
        by_old = {e.old_slot: slot for slot, e in self.edits.items()}
        olds = np.fromiter(by_old, np.int64, len(by_old))
        rows = np.flatnonzero(np.isin(state.m_int[:, 0], olds) | np.isin(state.m_int[:, 3], olds))
        for row in rows.tolist():
            a, a0, a1, b, b0, b1 = state.m_int[row].tolist()
            sim = float(state.m_sim[row])
            if a in by_old and b in by_old:  # both edited: aligned again
                continue
            if a in by_old:
                self.kept.setdefault(by_old[a], []).append((b, (a0, a1), (b0, b1), sim, True))
            else:
                self.kept.setdefault(by_old[b], []).append((a, (b0, b1), (a0, a1), sim, False))

    def _hot(self, new: set[int], old_h: np.ndarray, old_s: np.ndarray) -> dict[int, set[int]]:
        """Return, for each edited document, the kept documents its change may match anew
        or differently: those sharing a rare run of words the change made or unmade, and
        those whose old match (or header or footer) stands within `NEAR` words of it."""
        hot: dict[int, set[int]] = {}
        for slot, edit in self.edits.items():
            t = self.tokens[slot]
            made = np.array(_changed_runs(t.hashes, t.valid, t.spans, edit.start,
                                          edit.new_stop), np.uint32)
            made = made[_member(made, self.rare)]
            unmade = np.array(edit.removed, np.uint32)
            found = set()
            for hashes, most in ((made, MAX_DF), (unmade, MAX_DF - 1)):
                left = np.searchsorted(old_h, hashes, "left")
                right = np.searchsorted(old_h, hashes, "right")
                found.update(int(old_s[k]) for i, j in zip(left.tolist(), right.tolist(),
                                                           strict=True)
                             if j - i <= most for k in range(i, j))
            # an old match near the change may align otherwise; a header or footer whose
            # words the change left alone is judged again where it now stands (`_keep`)
            found.update(p for p, own, _, sim, _ in self.kept.get(slot, ())
                         if edit.moved(own) is None and edit.in_place(own, sim) is None)
            hot[slot] = found - new
        return hot

    def _unmoved(self, a: int, b: int, hot: dict[int, set[int]], written: set[int]) -> bool:
        """Tell whether a pair is an edited document and a kept one its change cannot touch."""
        if a in self.edits and b not in written:
            return b not in hot[a]
        if b in self.edits and a not in written:
            return a not in hot[b]
        return False

    def _keep(self, hot: dict[int, set[int]], new: set[int]) -> None:
        """Add again the old matches of edited documents with kept documents their change
        cannot touch, moved to where they now stand."""
        ids = self.state.ids
        for slot, matches in self.kept.items():
            edit = self.edits[slot]
            starts = None
            for partner, own, other, sim, first in matches:
                if partner in hot[slot] or partner in new or not ids[partner]:
                    continue
                moved = edit.moved(own)
                if moved is None:  # a header or footer beside the change (see `_hot`)
                    moved = edit.in_place(own, sim)
                    if moved is None:
                        continue
                    # the partner's side is unchanged, at its edge: the passage stays a
                    # header or footer while it stands at an edge of this document too
                    t = self.tokens[slot]
                    starts = starts or [a for a, _ in t.spans]
                    w0, w1 = (bisect.bisect_left(starts, c) for c in moved)
                    if not (w0 < EDGE_WORDS or w1 > len(t.coded) - EDGE_WORDS):
                        sim = -sim
                row = (slot, *moved, partner, *other) if first else (partner, *other, slot, *moved)
                self.found.append((row, sim))
