"""The engines end to end in one run (`bench.end_to_end`): each reads and extracts the same
files with Verbatim's reading, Whoosh and OpenSearch write with Verbatim's indexer, SQLite
FTS5 and tantivy with their own writers (`bench.peer_files`). No timing is asserted: only
what each engine indexed and how the run's own numbers make its ratios."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

from bench import end_to_end
from bench.docs import docs_from_index
from bench.engines.sqlite_fts import SqliteEngine
from bench.peer_files import engine_path
from bench.queries import QuerySpec
from indexer.analysis import fold
from tests.conftest import shared_path

# The LuxLeaks support committee's releases, each as HTML, Markdown and often PDF (the
# same statement in several files: duplicates and alternates left out), and one sitting of
# the 2013 debate on marriage for all (TEI, one statement a speech turn).
SOURCES = (("luxleaks-communiques",), ("an-mariage-pour-tous-2013-tei", "20130118.xml"))
PHRASE = "prix du citoyen européen"  # the European Parliament's prize, 2015


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """One run of the driver on the files above: Whoosh, FTS5 and tantivy, Whoosh the base."""
    paths = [str(shared_path(*parts)) for parts in SOURCES]
    work = tmp_path_factory.mktemp("end-to-end")
    out = work / "run.json"
    end_to_end.main(["--paths", *paths, "--engines", "whoosh,sqlite,tantivy",
                     "--base", "whoosh", "--work", str(work), "--pss", "1",
                     "--json", str(out)])
    return json.loads(out.read_text()), work


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text).lower()))


def test_every_engine_indexes_the_same_statements_of_the_same_files(run):
    result, work = run
    rows = result["rows"]
    assert list(rows) == ["whoosh", "sqlite", "tantivy"]  # in the order asked
    statements = {doc.id for doc in docs_from_index(work / "whoosh")}
    assert {row["docs"] for row in rows.values()} == {len(statements)}
    assert result["same_documents"] is True
    # the same texts left out as duplicates, the same bytes of text indexed
    assert len({row["duplicates"] for row in rows.values()}) == 1
    assert len({row["text_bytes"] for row in rows.values()}) == 1
    with sqlite3.connect(engine_path("sqlite", work / "sqlite")) as db:
        assert {row[0] for row in db.execute("SELECT id FROM docs")} == statements


def test_the_ratios_are_each_engines_mb_per_s_over_the_bases(run):
    rows = run[0]["rows"]
    for row in rows.values():
        mb = row["text_bytes"] / 1e6
        assert row["searchable_mb_per_s"] == round(mb / row["searchable_after_s"], 3)
        assert row["searchable_ratio"] == round(
            row["searchable_mb_per_s"] / rows["whoosh"]["searchable_mb_per_s"], 3)
        assert row["python_cpu_s"] > 0 and row["peak_pss_mb"] > 0
        assert row["others_cpu_s"] >= 0  # other work on the machine meanwhile
    assert rows["whoosh"]["searchable_ratio"] == rows["whoosh"]["groups_ready_ratio"] == 1.0
    # Whoosh's records are searchable before its reuse groups are found; the peers find none
    assert rows["whoosh"]["groups_ready_after_s"] >= rows["whoosh"]["searchable_after_s"]
    for peer in ("sqlite", "tantivy"):
        assert rows[peer]["groups_ready_after_s"] is None
        assert rows[peer]["groups_ready_ratio"] is None


def test_the_table_shows_every_engine_and_says_what_the_peers_do_not_build(run):
    result, _ = run
    table = end_to_end.table(result["rows"], "whoosh")
    lines = table.splitlines()
    assert len(lines) == 2 + 3
    assert lines[2].startswith("| Whoosh") and "| 1.00 |" in lines[2]
    assert lines[3].startswith("| SQLite FTS5") and lines[4].startswith("| tantivy")
    assert "build neither" in result["note"]


def test_the_peers_indexes_answer_a_phrase_with_the_statements_that_hold_it(run):
    from bench.engines.tantivy_peer import TantivyEngine

    _, work = run
    expected = {doc.id for doc in docs_from_index(work / "whoosh")
                if _words(PHRASE) in _words(f"{doc.title}\n{doc.text}")}
    assert len(expected) >= 3  # the releases announcing and awarding the prize
    spec = QuerySpec("prize", "phrase", q=f'"{PHRASE}"')
    for engine in (SqliteEngine(engine_path("sqlite", work / "sqlite")),
                   TantivyEngine(engine_path("tantivy", work / "tantivy"))):
        found = engine.search(spec, per_page=100)
        assert set(found.ids) == expected, engine.name
        assert found.total == len(expected)
        engine.close()


def test_opensearch_runs_beside_a_peer_and_is_the_base_of_the_ratios(opensearch_cluster,
                                                                     tmp_path):
    from tests.cluster.launcher import drop_indices

    if not hasattr(opensearch_cluster, "pid"):
        pytest.skip("the cluster's JVM is another process's: its CPU cannot be read")
    alias = "bench-e2e-test"
    drop_indices(opensearch_cluster.url, alias)
    out = tmp_path / "run.json"
    end_to_end.main(["--paths", str(shared_path(*SOURCES[0])), "--engines", "opensearch,sqlite",
                     "--url", opensearch_cluster.url, "--jvm-pid", str(opensearch_cluster.pid),
                     "--alias", alias, "--work", str(tmp_path), "--json", str(out)])
    try:
        rows = json.loads(out.read_text())["rows"]
        assert rows["opensearch"]["docs"] == rows["sqlite"]["docs"] > 0
        assert rows["opensearch"]["searchable_ratio"] == 1.0
        assert rows["sqlite"]["searchable_ratio"] == round(
            rows["sqlite"]["searchable_mb_per_s"] / rows["opensearch"]["searchable_mb_per_s"], 3)
        opensearch = rows["opensearch"]
        assert opensearch["groups_ready_after_s"] >= opensearch["searchable_after_s"] > 0
        assert opensearch["jvm_cpu_s"] > 0  # the cluster's part, read apart
    finally:
        drop_indices(opensearch_cluster.url, alias)


def test_the_benchmark_sets_the_peers_end_to_end_beside_verbatims_full_build(tmp_path):
    from bench.corpora import Corpus
    from bench.index_runs import _peer_end_to_end
    from bench.report import indexing_table
    from indexer.indexing import index_paths

    folder = shared_path(*SOURCES[0])
    corpus = Corpus("luxleaks", folder, 0, 0, None)
    verbatim = index_paths([folder], tmp_path / "whoosh", find_reuse=False)
    run = _peer_end_to_end("tantivy", corpus, tmp_path, None)
    assert (run.engine, run.phase) == ("tantivy", "end-to-end")
    assert run.docs == verbatim.documents and run.text_bytes == verbatim.text_bytes
    assert run.files == verbatim.added  # every file read, as Verbatim's full build reads them
    assert run.index_bytes > 0
    assert "| tantivy | end-to-end |" in indexing_table([run.to_dict()])
