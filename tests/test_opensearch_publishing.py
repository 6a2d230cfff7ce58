"""A new index is committed and published while its reuse groups are found (issue 15).

Once every file is read, a build's last records are sent and committed, the manifest saved,
then the new index is given its replicas, warmed and put behind its alias (`finish_build`,
`swap_alias`); the reuse groups' words, pairs and groups need none of that and are found
meanwhile, and nothing is written into the index (the groups' files) before it is published.
An error on either side is raised as before: a copy lost or a record refused before the alias
moved gives the index up (a copy lost starts the build again), and a reuse step that fails
leaves the records searchable, the groups to the next run. The demo corpus into the
three-node test cluster, through `index_cluster` (what `verbatim index --engine opensearch`
runs).
"""

from __future__ import annotations

import os
import threading

import pytest

from tests.cluster.launcher import drop_indices
from tests.conftest import DEMO

# how long the publishing waits for the groups' matching to begin (it begins within a second
# or two of the records written; a serial step would never begin it)
PATIENCE = 30.0


def _urls(cluster) -> str:
    return ",".join(cluster.urls)


def _client(cluster):
    from opensearchpy import OpenSearch

    return OpenSearch(cluster.urls, timeout=60)


@pytest.fixture
def watched(monkeypatch):
    """Record when the commit, the publishing, the matching and the groups' files happen:
    the commit waits for the matching to begin, so that they overlap when they can."""
    import indexer.opensearch_writer as writer
    from indexer.reuse import ReuseState, ReuseUpdate

    seen: dict = {"matching": threading.Event(), "events": []}
    finish_build, match, save = writer.finish_build, ReuseUpdate._match, ReuseState.save
    commit = writer.BulkWriter.commit

    def slow_commit(self):
        seen["overlapped"] = seen["matching"].wait(PATIENCE)
        commit(self)
        seen["events"].append(("committed", self.target.index))

    def watched_finish(client, index, replicas, *args, **kwargs):
        seen["events"].append(("publishing", index))
        finish_build(client, index, replicas, *args, **kwargs)
        seen["events"].append(("published", index))

    def watched_match(self, new):
        seen["events"].append(("matching", None))
        seen["nice matching"] = os.getpriority(os.PRIO_PROCESS, 0)  # this thread's
        seen["matching"].set()
        return match(self, new)

    def watched_save(self, index_dir, generation, groups, *matched):
        seen["events"].append(("writing", getattr(index_dir, "index", None)))
        seen["nice writing"] = os.getpriority(os.PRIO_PROCESS, 0)
        return save(self, index_dir, generation, groups, *matched)

    monkeypatch.setattr(writer.BulkWriter, "commit", slow_commit)
    monkeypatch.setattr(writer, "finish_build", watched_finish)
    monkeypatch.setattr(ReuseUpdate, "_match", watched_match)
    monkeypatch.setattr(ReuseState, "save", watched_save)
    return seen


def test_the_groups_are_found_while_the_index_is_published_and_written_after(
        opensearch_cluster, watched):
    from indexer.opensearch_reuse import groups
    from indexer.opensearch_writer import aliased, index_cluster

    drop_indices(opensearch_cluster.url, "publishing")
    report, shipped = index_cluster([DEMO], _urls(opensearch_cluster), "publishing",
                                    rebuild=True)
    # the matching began before the records were committed and the index published…
    assert watched["overlapped"], "the matching did not begin before the records' commit"
    names = [name for name, _ in watched["events"]]
    assert names.index("matching") < names.index("committed") < names.index("published")
    # …and the groups' files were written once it was behind its alias, into it
    assert names.index("published") < names.index("writing")
    assert ("writing", shipped["index"]) in watched["events"]
    assert shipped["started_at"] < shipped["searchable_at"] < shipped["groups_ready_at"]
    assert 0 < report.searchable_seconds < report.seconds
    client = _client(opensearch_cluster)
    try:
        assert aliased(client, "publishing") == [shipped["index"]]
        found = groups(client, "publishing")
        assert found.groups and not found.pending
    finally:
        client.close()


def test_a_copy_lost_before_the_alias_moved_starts_the_build_again(
        opensearch_cluster, watched, monkeypatch, caplog):
    import indexer.opensearch_writer as writer
    from indexer.opensearch_reuse import groups
    from indexer.opensearch_writer import CopyLost, aliased, index_cluster

    drop_indices(opensearch_cluster.url, "publishing-lost")
    finish_build, tried = writer.finish_build, []

    def lost_once(client, index, replicas, *args, **kwargs):
        tried.append(index)
        if len(tried) == 1:  # the build without replicas lost its primary's node
            watched["matching"].wait(PATIENCE)
            raise CopyLost(f"l'index {index} a perdu un shard pendant sa construction")
        finish_build(client, index, replicas, *args, **kwargs)

    monkeypatch.setattr(writer, "finish_build", lost_once)
    report, shipped = index_cluster([DEMO], _urls(opensearch_cluster), "publishing-lost",
                                    rebuild=True)
    assert "nouvelle construction, répliquée dès le début" in caplog.text
    assert len(tried) == 2 and shipped["index"] == tried[1]
    # nothing of the groups written into the index given up, which is gone
    assert ("writing", tried[0]) not in watched["events"]
    client = _client(opensearch_cluster)
    try:
        assert not client.indices.exists(index=tried[0])
        assert aliased(client, "publishing-lost") == [tried[1]]
        found = groups(client, "publishing-lost")
        assert found.groups and not found.pending
        assert report.documents > 0
    finally:
        client.close()


def test_a_reuse_step_that_fails_leaves_the_records_published(opensearch_cluster, watched,
                                                              monkeypatch):
    from indexer.opensearch_reuse import groups
    from indexer.opensearch_writer import aliased, index_cluster
    from indexer.reuse import ReuseUpdate

    drop_indices(opensearch_cluster.url, "publishing-failed")

    def failing(self, pairs):
        raise RuntimeError("alignement impossible")

    monkeypatch.setattr(ReuseUpdate, "_align_all", failing)
    with pytest.raises(RuntimeError, match="alignement impossible"):
        index_cluster([DEMO], _urls(opensearch_cluster), "publishing-failed", rebuild=True)
    # the error came while the index was published: the publishing ended first, the index
    # behind its alias with its records, its groups said pending (the next run finds them)
    names = [name for name, _ in watched["events"]]
    assert "published" in names and "writing" not in names
    client = _client(opensearch_cluster)
    try:
        (index,) = aliased(client, "publishing-failed")
        assert index.startswith("publishing-failed-")
        assert client.count(index="publishing-failed", body={
            "query": {"term": {"type": "doc"}}})["count"] > 0
        assert groups(client, "publishing-failed").pending
        settings = client.indices.get_settings(index=index)[index]["settings"]["index"]
        assert int(settings["number_of_replicas"]) == 1  # published whole, replicated
    finally:
        client.close()


def test_a_record_refused_at_the_commit_gives_the_new_index_up(opensearch_cluster, watched,
                                                               monkeypatch):
    import indexer.opensearch_writer as writer
    from indexer.opensearch_writer import aliased, index_cluster

    drop_indices(opensearch_cluster.url, "publishing-refused")
    commit, committed = writer.BulkWriter.commit, []

    def refused(self):
        commit(self)  # the test's commit: it waits for the matching to begin
        committed.append(self.target.index)
        raise RuntimeError("OpenSearch a refusé doc-1 : mapper_parsing_exception")

    monkeypatch.setattr(writer.BulkWriter, "commit", refused)
    with pytest.raises(RuntimeError, match="mapper_parsing_exception"):
        index_cluster([DEMO], _urls(opensearch_cluster), "publishing-refused", rebuild=True)
    names = [name for name, _ in watched["events"]]
    assert "matching" in names and "publishing" not in names and "writing" not in names
    client = _client(opensearch_cluster)
    try:
        assert committed and not client.indices.exists(index=committed[0])
        assert aliased(client, "publishing-refused") == []
    finally:
        client.close()


def test_the_reuse_step_yields_the_cores_until_the_records_are_searchable(opensearch_cluster,
                                                                           watched):
    import resource

    from indexer.indexing import REUSE_NICE
    from indexer.opensearch_writer import index_cluster

    before = os.getpriority(os.PRIO_PROCESS, 0)
    soft = resource.getrlimit(resource.RLIMIT_NICE)[0]
    if not (os.geteuid() == 0 or soft == resource.RLIM_INFINITY or 20 - soft <= before):
        pytest.skip("a priority lowered could not be raised again here (not root, RLIMIT_NICE)")
    drop_indices(opensearch_cluster.url, "publishing-nice")
    index_cluster([DEMO], _urls(opensearch_cluster), "publishing-nice", rebuild=True)
    # the matching (and what it forks) ran below the cluster's JVM while the records were
    # committed and published, then its thread had its priority back, before the groups'
    # files were written and after the run
    assert watched["overlapped"]
    assert watched["nice matching"] == REUSE_NICE
    assert watched["nice writing"] == before == os.getpriority(os.PRIO_PROCESS, 0)
