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
