"""`bench.cluster_build`'s reading of the JVM's threads: each thread's Java name from a
`jcmd … Thread.print` dump, grouped by OpenSearch thread pool."""

from __future__ import annotations

import subprocess

from bench import cluster_build

DUMP = '''"opensearch[node-1][write][T#1]" #51 daemon prio=5 cpu=30.1ms tid=0x7f nid=0x1a2b runnable
"C2 CompilerThread0" #8 daemon prio=9 cpu=12.0ms tid=0x7f nid=4242 waiting on condition
"opensearch[node-2][transport_worker][T#3]" #60 daemon prio=5 tid=0x00007f nid=0x10 runnable
'''


def test_thread_names_are_read_from_a_thread_dump(monkeypatch):
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(
        a, 0, stdout=DUMP))
    assert cluster_build._thread_names(1) == {
        0x1a2b: "opensearch[node-1][write][T#1]", 4242: "C2 CompilerThread0",
        0x10: "opensearch[node-2][transport_worker][T#3]"}


def test_cpu_is_summed_by_group_between_two_readings():
    before = {1: ("write", 10.0), 2: ("write", 5.0), 3: ("flush", 1.0)}
    after = {1: ("write", 14.0), 2: ("write", 6.5), 3: ("flush", 1.05), 4: ("search", 2.0)}
    assert cluster_build.by_group(before, after) == {"write": 5.5, "search": 2.0}


def test_cpu_until_a_moment_keeps_the_last_reading_of_processes_that_ended():
    import os

    assert os.getpid() in cluster_build.tree_cpu(os.getpid())
    sampler = cluster_build.Sampler(100, 7)
    sampler.readings = [(10.0, {100: 1.0, 101: 2.0}, 50.0),
                        (10.5, {100: 1.5, 101: 3.0, 102: 0.5}, 51.0),
                        (11.0, {100: 2.0, 102: 1.0}, 52.5),  # 101 ended
                        (11.5, {100: 9.0, 103: 9.0}, 60.0)]
    assert sampler.until(11.2, ({}, 40.0)) == {"python_main_s": 2.0, "python_workers_s": 4.0,
                                               "jvm_s": 12.5}
    assert sampler.until(9.0, ({}, 40.0)) is None


def test_the_copy_held_by_the_node_asked_is_primary_replica_or_none():
    # one shard, one replica, three nodes: `_search_shards` lists the two copies
    copies = [{"node": "n1", "primary": True}, {"node": "n2", "primary": False}]
    assert cluster_build.copy_held(copies, {"n1": {}}) == "primary"
    assert cluster_build.copy_held(copies, {"n2": {}}) == "replica"
    assert cluster_build.copy_held(copies, {"n3": {}}) == "none"


def test_the_timeline_gives_each_seconds_cpu_by_process_and_the_rest_of_the_machine():
    sampler = cluster_build.Sampler(100, 7)
    sampler.readings = [(10.0, {100: 1.0}, 50.0),
                        (10.5, {100: 1.5, 101: 0.5}, 50.5),
                        (11.0, {100: 2.0, 101: 1.0}, 51.0),
                        (11.5, {100: 2.2, 102: 0.4}, 51.0),  # 101 ended, 102 began
                        (12.0, {100: 2.4, 102: 0.9}, 52.0)]
    sampler.machine = [500.0, 501.5, 503.5, 504.4, 506.0]
    # one row a second from the start (epoch 10.0): the indexer, its other processes (an
    # ended one keeps its last reading), the JVM from its reading before the build, and the
    # machine's busy CPU besides them
    assert sampler.timeline(10.0, 49.5) == [[1.0, 2.0, 1.0, 1.5, 0.0],
                                            [2.0, 0.4, 0.9, 1.0, 0.2]]
    assert sampler.others(10.0, 49.5) == 0.2  # the rest of the machine, over the build


def test_a_processs_memory_is_its_proportional_set_size_and_none_once_it_ended():
    import os

    before = cluster_build.pss_mb(os.getpid())
    held = bytearray(64 * 2**20)  # 64 MB, every page written
    for at in range(0, len(held), 4096):
        held[at] = 1
    assert cluster_build.pss_mb(os.getpid()) - before > 50
    ended = subprocess.Popen(["true"])
    ended.wait()
    assert cluster_build.pss_mb(ended.pid) is None
    del held


def test_the_memory_peak_is_the_reading_where_all_of_the_build_held_the_most():
    sampler = cluster_build.Sampler(100, 7)
    sampler.pss = [(10.0, {100: 900.0, 101: 200.0}, 1000.0),
                   (15.0, {100: 2000.0, 101: 4400.0, 102: 4600.0}, 2300.0),  # the aligners
                   (20.0, {100: 8100.0}, 2300.0)]  # the indexer alone, at its largest
    assert sampler.peak(8.0) == {"at_s": 7.0, "total_mb": 13300, "jvm_mb": 2300,
                                 "indexer_mb": 2000, "processes_mb": [4600, 4400]}
    assert cluster_build.Sampler(100, 7).peak(8.0) is None  # memory not read
