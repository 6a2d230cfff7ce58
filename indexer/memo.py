"""What a pure function of a text returned, remembered in a process by the text's digest.

The corpora repeat texts: a debate's « Très bien ! », a release republished, a passage copied
from one statement into another. Counted on the benchmark corpora: `250k` 247,007 documents
hold 96,281 distinct texts, `1m` 984,577 documents 168,862; read by two workers (each file
whole to one of them), 739,002 of the `1m` documents bring a text their worker met before.
The extraction's costliest steps that read the text alone (the people it names, its
language, its themes' terms) are then computed once a text in each worker.

A text is known by a 128-bit BLAKE2b digest of its UTF-8 bytes, not by the text itself: the
documents leave the worker, their texts need not stay (two texts share a digest with a
probability of about 10^-27 among a million). A memo holds at most `KEPT` results and starts
again empty when full, so that a long run's memory stays bounded.
"""

from __future__ import annotations

import hashlib
from typing import Generic, TypeVar

T = TypeVar("T")

# Results kept by one memo: each worker meets ~123,000 distinct texts at `1m`.
KEPT = 250_000


# The last text digested and its digest, one tuple (threads may digest at once): a document's
# text is looked up in several memos one after the other.
_LAST: list[tuple[str | None, bytes]] = [(None, b"")]


def digest(text: str) -> bytes:
    """Return the 16-byte digest that stands for `text` in a memo.

    >>> digest("Très bien !") == digest("Très bien !"), digest("Très bien !") == digest("Très bien")
    (True, False)
    """
    last = _LAST[0]
    if last[0] is text:
        return last[1]
    found = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    _LAST[0] = (text, found)
    return found


class TextMemo(Generic[T]):
    """Results by key (a text's digest, with whatever else the function read), at most
    `kept` of them.

    >>> memo = TextMemo()
    >>> key = (digest("Le ministre a parlé."), "fr")
    >>> memo.get(key) is None, memo.keep(key, ["ministre"]), memo.get(key)
    (True, ['ministre'], ['ministre'])
    """

    def __init__(self, kept: int = KEPT):
        self.kept = kept
        self._found: dict[object, T] = {}

    def get(self, key: object) -> T | None:
        """Return the result kept for `key`, None when there is none."""
        return self._found.get(key)

    def keep(self, key: object, value: T) -> T:
        """Keep `value` as the result for `key` and return it."""
        if len(self._found) >= self.kept:
            self._found.clear()
        self._found[key] = value
        return value

    def clear(self) -> None:
        """Forget every result."""
        self._found.clear()
