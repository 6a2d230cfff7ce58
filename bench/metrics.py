"""Retrieval quality metrics: MRR@k and Recall@k over ranked lists of document ids.

Each question has a set of relevant ids (one paragraph, one fiche, one answer here).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def reciprocal_rank(ranked: Sequence[str], relevant: set[str], k: int = 10) -> float:
    """Return 1/rank of the first relevant id within the top `k`, else 0.

    >>> reciprocal_rank(["a", "b", "c"], {"c"}), reciprocal_rank(["a", "b"], {"z"})
    (0.3333333333333333, 0.0)
    """
    for rank, doc_id in enumerate(ranked[:k], 1):
        if doc_id in relevant:
            return 1.0 / rank
    return 0.0


def recall_at(ranked: Sequence[str], relevant: set[str], k: int) -> float:
    """Return the share of relevant ids found in the top `k`.

    >>> recall_at(["a", "b", "c"], {"b", "z"}, 2), recall_at(["a"], {"a"}, 1)
    (0.5, 1.0)
    """
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranked[:k])) / len(relevant)


def evaluate(runs: Iterable[tuple[Sequence[str], set[str]]],
             ks: Sequence[int] = (1, 10, 100)) -> dict[str, float]:
    """Return MRR@10 and Recall@k averaged over (ranked ids, relevant ids) pairs.

    >>> evaluate([(["a", "b"], {"b"}), (["c"], {"d"})], ks=(1, 10))
    {'n': 2, 'mrr@10': 0.25, 'recall@1': 0.0, 'recall@10': 0.5}
    """
    pairs = list(runs)
    n = len(pairs)
    out: dict[str, float] = {"n": n}
    out["mrr@10"] = sum(reciprocal_rank(r, rel, 10) for r, rel in pairs) / n if n else 0.0
    for k in ks:
        out[f"recall@{k}"] = sum(recall_at(r, rel, k) for r, rel in pairs) / n if n else 0.0
    return out
