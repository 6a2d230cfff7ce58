"""`python -m bench.reuse_cost --step`: the reuse step alone, timed in one process on a
corpus's documents, with digests that tell whether two versions of the code find the same
groups (issue 15: the groups' step at `250k` compared before and after a change)."""

from __future__ import annotations

from pathlib import Path

from indexer import reuse

DEMO = Path(__file__).resolve().parent.parent / "corpus"


def test_the_step_alone_gives_the_same_digests_aligned_in_one_process_or_two(tmp_path,
                                                                           monkeypatch):
    from bench.reuse_cost import measure_step, step_documents

    files = tmp_path / "files"
    files.symlink_to(DEMO)
    cache = tmp_path / "documents.pickle"
    docs = step_documents(files, cache, workers=2)
    assert cache.exists() and [d.id for d, _ in step_documents(files, cache, 2)] == \
        [d.id for d, _ in docs]
    serial = measure_step(docs, workers=1)
    monkeypatch.setattr(reuse.update, "PARALLEL_PAIRS", 1)  # the demo's few pairs in two processes
    forked = measure_step(docs, workers=2)
    assert serial["groups"] > 0 and serial["documents"] == len(docs)
    assert (serial["matches_sha256"], serial["groups_sha256"], serial["groups"]) == \
        (forked["matches_sha256"], forked["groups_sha256"], forked["groups"])
    assert {"tokens", "match", "groups", "write"} <= forked["steps"].keys()
