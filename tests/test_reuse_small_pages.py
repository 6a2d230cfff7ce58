"""The reuse step's large arrays stay on small pages.

numpy asks the kernel for huge pages (`madvise`) for every large array; the reuse step makes
and drops arrays of tens of millions of entries, and each fresh huge page costs the kernel a
zeroing and often a compaction (at `250k`, ~14 s of system time in the indexer's part of the
matching, session 29). While the step runs numpy asks for none; afterwards the setting is
what it was.
"""

import pytest

from indexer.reuse import update
from indexer.reuse.processes import _small_pages

multiarray = pytest.importorskip("numpy._core.multiarray")


@pytest.fixture
def huge_pages_on():
    before = multiarray._set_madvise_hugepage(True)
    yield
    multiarray._set_madvise_hugepage(before)


def test_no_huge_pages_while_the_step_runs(huge_pages_on):
    with _small_pages():
        # the setter returns the setting it replaces
        assert multiarray._set_madvise_hugepage(False) is False


def test_the_setting_is_given_back_after_the_step(huge_pages_on):
    with _small_pages():
        pass
    assert multiarray._set_madvise_hugepage(True) is True


def test_given_back_when_the_step_fails(huge_pages_on):
    with pytest.raises(RuntimeError), _small_pages():
        raise RuntimeError("un processus d'alignement a disparu")
    assert multiarray._set_madvise_hugepage(True) is True


def test_the_reuse_step_runs_on_small_pages(monkeypatch, huge_pages_on):
    seen = []

    def _finish(self, alive, generation, stored):
        seen.append(multiarray._set_madvise_hugepage(False))
        return {}

    monkeypatch.setattr(update.ReuseUpdate, "_finish", _finish)
    step = update.ReuseUpdate.__new__(update.ReuseUpdate)
    step.ready = {}
    step.finish(set(), 1, lambda doc_id: None)
    assert seen == [False]
    assert multiarray._set_madvise_hugepage(True) is True
