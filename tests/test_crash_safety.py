"""The index survives: killed indexers, damaged indexes, rebuilds, re-indexing under a server."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.health import check_index
from indexer.indexing import index_paths
from indexer.search import SearchRequest, open_catalog, search

TOPICS = ["la sécheresse", "les crues", "la pêche", "les nitrates", "le barrage", "la loutre"]


def write_corpus(folder, count, start=0):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        topic = TOPICS[i % len(TOPICS)]
        paragraphs = [
            f"Lyon, le {1 + i % 28} mars 2023",
            f"Communiqué numéro {i} de la fédération sur {topic}. " * 20,
            f"« Nous agirons sur {topic} », a déclaré la présidente. " * 10,
        ]
        (folder / f"cp-{i:04d}.txt").write_text("\n\n".join(paragraphs), "utf-8")
    return folder


def answers(index_dir):
    catalog = open_catalog(index_dir)
    try:
        return {q: search(catalog, SearchRequest(q=q, per_page=100)).total
                for q in ("sécheresse", "nitrates", '"nous agirons"', "communiqué")}
    finally:
        catalog.close()


@pytest.fixture
def built(tmp_path):
    """An index of 30 releases, and its answers to a few searches."""
    corpus = write_corpus(tmp_path / "corpus", 30)
    index_dir = tmp_path / "index"
    index_paths([corpus], index_dir, workers=1)
    return corpus, index_dir, answers(index_dir)


@pytest.mark.parametrize("delay", [0.3, 0.8, 1.5, 3.0])
def test_killed_indexer_leaves_the_previous_index_answering(built, delay):
    corpus, index_dir, before = built
    write_corpus(corpus, 150, start=30)  # a run long enough to be killed in the middle
    process = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "index", str(corpus), "--index", str(index_dir),
         "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    after = answers(index_dir)
    if after != before:  # the kill came after the commit: then the whole run is there
        assert after["communiqué"] == 180
    report = index_paths([corpus], index_dir, workers=1)  # the next run completes the work
    assert report.total == 180
    assert answers(index_dir)["communiqué"] == 180
    assert check_index(index_dir).ok


def test_stale_manifest_is_repaired_by_the_next_run(built):
    corpus, index_dir, _ = built
    manifest = index_dir / "manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["generation"] = -1  # as if the indexer died between its commit and the manifest
    manifest.write_text(json.dumps(data), "utf-8")
    report = index_paths([corpus], index_dir, workers=1)
    assert (report.unchanged, report.total) == (0, 30)
    assert check_index(index_dir).ok


def test_check_reports_a_sound_index(built):
    _, index_dir, _ = built
    health = check_index(index_dir)
    assert health.ok and (health.documents, health.files) == (30, 30)


# Whoosh leaves the damaged segment's file open when it fails to read it.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_check_reports_a_damaged_segment_and_says_what_to_do(built):
    _, index_dir, _ = built
    segment = next(index_dir.glob("*.pst"))
    segment.write_bytes(segment.read_bytes()[:200])
    result = CliRunner().invoke(main, ["check", "--index", str(index_dir)])
    assert result.exit_code == 1
    assert "endommagé" in result.output and "verbatim index --rebuild" in result.output


def test_check_reports_files_gone_from_disk(built):
    corpus, index_dir, _ = built
    (corpus / "cp-0000.txt").unlink()
    health = check_index(index_dir)
    assert health.ok and len(health.missing_files) == 1 and "relancez" in health.advice


def test_rebuild_replaces_a_damaged_index_from_the_recorded_folders(built):
    _, index_dir, before = built
    segment = next(index_dir.glob("*.pst"))
    segment.write_bytes(b"")
    result = CliRunner().invoke(main, ["index", "--rebuild", "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    assert check_index(index_dir).ok and answers(index_dir) == before
    assert not [p for p in index_dir.parent.iterdir() if p.name.startswith(".index.")]


def test_catalog_open_before_a_rebuild_moves_to_the_new_index(built):
    corpus, index_dir, _ = built
    catalog = open_catalog(index_dir)
    try:
        assert search(catalog, SearchRequest(q="communiqué")).total == 30
        write_corpus(corpus, 5, start=30)
        CliRunner().invoke(main, ["index", "--rebuild", "--index", str(index_dir)])
        assert search(catalog, SearchRequest(q="communiqué")).total == 35
    finally:
        catalog.close()


def test_strict_exit_code_when_a_file_is_skipped(built, tmp_path):
    corpus, index_dir, _ = built
    (corpus / "vide.pdf").write_bytes(b"")
    runner = CliRunner()
    relaxed = runner.invoke(main, ["index", str(corpus), "--index", str(index_dir)])
    strict = runner.invoke(main, ["index", str(corpus), "--index", str(index_dir), "--strict"])
    assert (relaxed.exit_code, strict.exit_code) == (0, 1)
    assert "ignoré : vide.pdf" in relaxed.output


def test_file_name_with_a_newline_is_reported_on_one_line(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "mauvais\nnom.pdf").write_bytes(b"")
    result = CliRunner().invoke(main, ["index", str(corpus), "--index", str(tmp_path / "ix")])
    line = [x for x in result.output.splitlines() if "ignoré :" in x]
    assert line == [line[0]] and "mauvais\\x0anom.pdf" in line[0]


@pytest.mark.skipif(os.cpu_count() is None, reason="needs a process table")
def test_server_answers_every_search_while_reindexing(built, tmp_path):
    from tests.serving import search_loop, verbatim_serve

    corpus, index_dir, _ = built
    write_corpus(corpus, 60, start=30)
    with verbatim_serve(index_dir) as base:
        with search_loop(base, "communiqué") as loop:
            subprocess.run(
                [sys.executable, "-m", "indexer.cli", "index", str(corpus), "--index",
                 str(index_dir), "--quiet"], check=True,
            )
            time.sleep(1.0)
        assert loop.errors == [] and loop.requests > 5
        assert loop.last_total == 90


def test_results_of_a_replaced_searcher_stay_readable(built):
    from whoosh import query as wq

    corpus, index_dir, _ = built
    catalog = open_catalog(index_dir)
    try:
        before = catalog.searcher()
        results = before.search(wq.Every(), limit=None)
        write_corpus(corpus, 2, start=30)
        index_paths([corpus], index_dir, workers=1)
        assert catalog.searcher() is not before  # the index changed: a new searcher
        assert all(hit.fields()["id"] for hit in results)  # the old one is not closed yet
    finally:
        catalog.close()


def test_files_added_by_a_run_that_died_before_its_manifest_are_not_indexed_twice(built):
    corpus, index_dir, _ = built
    manifest = index_dir / "manifest.json"
    before_run = manifest.read_text("utf-8")
    write_corpus(corpus, 150, start=30)
    index_paths([corpus], index_dir, workers=1)
    manifest.write_text(before_run, "utf-8")  # the commit landed, the manifest did not
    report = index_paths([corpus], index_dir, workers=1)
    assert report.total == 180
    assert answers(index_dir) == {"sécheresse": 30, "nitrates": 30, '"nous agirons"': 180,
                                  "communiqué": 180}
    assert check_index(index_dir).ok
