"""The reuse step's counting shortcuts (issue 15: CPU) give what the loops they replaced gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import reuse
from indexer.analysis import STOP_WORDS

# procedure words, stop words, single letters, numbers and ordinary words, mixed
WORDS = st.lists(st.sampled_from(sorted(reuse.PROCEDURE)[:20] + sorted(STOP_WORDS)[:20]
                                 + ["a", "m", "12", "2024", "x", "village", "eau", "potable",
                                        "nicolas", "dhuicq", "l'eau"]) | st.text(max_size=6),
                 max_size=40)


def _procedure_loop(words: list[str]) -> bool:
    content = procedural = 0
    for w in words:
        if w not in STOP_WORDS and len(w) > 1 and not w.isdigit():
            content += 1
            procedural += w in reuse.PROCEDURE
    return content > 0 and procedural * 2 >= content


@settings(max_examples=400, deadline=None)
@given(WORDS)
def test_procedure_counts_as_the_loop(words):
    assert reuse.procedure(words) == _procedure_loop(words)


def _covered_loop(inside: list[int], a1: int) -> int:
    covered = sum(min(reuse.GRAM, nxt - i) for i, nxt in zip(inside, inside[1:], strict=False))
    return covered + (min(reuse.GRAM, a1 - inside[-1]) if inside else 0)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 50), st.integers(1, 30), st.integers(1, 10))
def test_a_run_of_seeds_covers_what_the_loop_counts(first, count, beyond):
    inside = list(range(first, first + count))  # the fast path of `_pair`: seeds at every word
    a1 = inside[-1] + beyond
    assert len(inside) - 1 + min(reuse.GRAM, a1 - inside[-1]) == _covered_loop(inside, a1)


class _NoBound:
    """`LCSseq` that never refuses: `_align` then aligns every stretch, as before the bound."""

    @staticmethod
    def similarity(*_args, **_kwargs) -> int:
        return reuse.MAX_STRETCH


# few distinct words: stretches that share many, some, or few words in order
STRETCH = st.lists(st.sampled_from("le la de maire dit eau village vallee sans potable".split()),
                   min_size=4, max_size=40)


@settings(max_examples=500, deadline=None)
@given(STRETCH, STRETCH, st.data())
def test_the_common_subsequence_bound_refuses_only_what_aligns_to_nothing(wa, wb, data):
    a0 = data.draw(st.integers(0, len(wa) - 4))
    b0 = data.draw(st.integers(0, len(wb) - 4))
    a1 = data.draw(st.integers(a0 + 1, len(wa)))
    b1 = data.draw(st.integers(b0 + 1, len(wb)))
    bounded = reuse._align(wa, wb, a0, a1, b0, b1)
    real = reuse.LCSseq
    reuse.LCSseq = _NoBound
    try:
        assert bounded == reuse._align(wa, wb, a0, a1, b0, b1)
    finally:
        reuse.LCSseq = real
