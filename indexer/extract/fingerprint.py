"""Near-duplicate detection: the same release as Markdown, HTML and PDF.

A text's fingerprint is the set of hashes of its 5-word shingles, words folded (case,
accents, punctuation ignored), so that line breaks, hyphenation, `&nbsp;` or a "Version PDF"
link do not matter. Two texts are alternates of one document when the Jaccard similarity of
their fingerprints is high (0.8 or more in practice; a short text against its longer version
is better judged by `containment`).
"""

from __future__ import annotations

import re
import zlib

from indexer.analysis import fold

SHINGLE = 5
_WORDS = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Return the folded, lower-case words of a text.

    >>> words("L’État, c'est NOUS !")
    ['l', 'etat', 'c', 'est', 'nous']
    """
    return _WORDS.findall(fold(text).casefold())


def fingerprint(text: str, size: int = SHINGLE) -> frozenset[int]:
    """Return the hashes of the text's `size`-word shingles (one shingle for shorter texts).

    CRC-32 is stable across processes (unlike `hash`), so fingerprints can be stored.

    >>> a, b = "Un deux trois quatre cinq six", "UN, deux; trois quatre cinq six !"
    >>> fingerprint(a) == fingerprint(b)
    True
    >>> len(fingerprint("Un deux trois quatre cinq six"))
    2
    """
    tokens = words(text)
    if not tokens:
        return frozenset()
    if len(tokens) <= size:
        return frozenset({zlib.crc32(" ".join(tokens).encode())})
    return frozenset(
        zlib.crc32(" ".join(tokens[i : i + size]).encode()) for i in range(len(tokens) - size + 1)
    )


def similarity(a: str | frozenset[int], b: str | frozenset[int]) -> float:
    """Return the Jaccard similarity of two texts (or fingerprints), from 0.0 to 1.0.

    >>> similarity("Le comité salue la décision du jour", "LE COMITÉ salue la décision du jour")
    1.0
    >>> similarity("Le comité salue la décision", "Une tout autre histoire ici")
    0.0
    """
    fa = a if isinstance(a, frozenset) else fingerprint(a)
    fb = b if isinstance(b, frozenset) else fingerprint(b)
    if not fa and not fb:
        return 1.0
    union = len(fa | fb)
    return len(fa & fb) / union if union else 0.0


def containment(a: str | frozenset[int], b: str | frozenset[int]) -> float:
    """Return the share of `a`'s shingles found in `b` (is `a` contained in `b`?)."""
    fa = a if isinstance(a, frozenset) else fingerprint(a)
    fb = b if isinstance(b, frozenset) else fingerprint(b)
    return len(fa & fb) / len(fa) if fa else 0.0


def group_alternates(texts: dict[str, str], threshold: float = 0.8) -> list[list[str]]:
    """Return groups of keys whose texts are near-duplicates (similarity ≥ `threshold`).

    Groups are built by linking every pair above the threshold (single linkage); keys keep
    their input order. Quadratic in the number of texts: meant for the candidates sharing a
    date or a title, not a whole index.

    >>> group_alternates({"a.md": "Le comité salue la décision du tribunal de ce jour",
    ...                   "a.pdf": "LE COMITÉ salue la décision du tribunal de ce jour !",
    ...                   "b.md": "Rien à voir avec le reste du texte ici"})
    [['a.md', 'a.pdf'], ['b.md']]
    """
    keys = list(texts)
    prints = {k: fingerprint(texts[k]) for k in keys}
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if similarity(prints[a], prints[b]) >= threshold:
                parent[root(b)] = root(a)
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(root(k), []).append(k)
    return list(groups.values())
