"""`verbatim index PATH --watch`: new, changed and deleted files reach the index (and a server
already open on it) without another command; the run lock and crash safety are a run's.

Waits below are deadlines against hangs (a minute), never speed assertions: the time a
dropped file takes to become searchable is measured by `python -m bench.watch`.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from indexer.indexing import INDEX_NAME, RUN_LOCK
from indexer.search import SearchRequest, open_catalog, search
from indexer.watch import Watcher

DEADLINE = 60.0
LOUTRE = "Nantes, le 22 novembre 2023\n\nLa loutre est revenue sur l'Orbize.\n"
CASTOR = "Nantes, le 18 mars 2024\n\nLe castor est revenu sur l'Orbize.\n"


def wait_for(condition, what: str) -> None:
    """Wait until `condition()` holds, failing after DEADLINE seconds."""
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"toujours pas après {DEADLINE:.0f} s : {what}")


def sources(catalog, query: str) -> list[str]:
    return sorted(h["source"] for h in search(catalog, SearchRequest(q=query)).hits)


def serving(tmp_path: Path, **options):
    """A folder with one file, indexed by a watcher serving in a thread (`options`: the
    watcher's), until the generator is closed: yield the folder, the watcher, its reports
    and its busy messages."""
    folder = tmp_path / "communiques"
    folder.mkdir()
    (folder / "loutre.txt").write_text(LOUTRE, "utf-8")
    reports: queue.Queue = queue.Queue()
    busy: list[str] = []
    watcher = Watcher([folder], tmp_path / "index", on_report=reports.put, on_busy=busy.append,
                      workers=1, lock_timeout=0.5, **options)
    thread = threading.Thread(target=watcher.serve, daemon=True)
    thread.start()
    first = reports.get(timeout=DEADLINE)
    assert first.added == 1
    yield folder, watcher, reports, busy
    watcher.stop()
    thread.join(timeout=DEADLINE)


@pytest.fixture
def watched(tmp_path):
    """A folder with one file, an index of it, and a watcher serving in a thread."""
    for folder, watcher, reports, busy in serving(tmp_path):
        yield folder, tmp_path / "index", watcher, reports, busy


def changes_reach(catalog, folder: Path) -> None:
    """Add, change and delete files in the watched `folder` (holding loutre.txt): each change
    reaches `catalog`, opened before them (then closed)."""
    try:
        assert sources(catalog, "loutre") == ["loutre.txt"]
        (folder / "castor.txt").write_text(CASTOR, "utf-8")
        wait_for(lambda: sources(catalog, "castor") == ["castor.txt"], "castor.txt indexé")
        (folder / "loutre.txt").write_text(LOUTRE.replace("loutre", "truite"), "utf-8")
        wait_for(lambda: sources(catalog, "truite") == ["loutre.txt"], "loutre.txt relu")
        assert sources(catalog, "loutre") == []
        (folder / "castor.txt").unlink()
        wait_for(lambda: sources(catalog, "castor") == [], "castor.txt retiré")
    finally:
        catalog.close()


def test_new_changed_and_deleted_files_reach_an_open_catalog(watched):
    folder, index_dir, _watcher, _reports, _ = watched
    changes_reach(open_catalog(index_dir), folder)  # what `verbatim serve` keeps open


def test_a_burst_of_files_is_one_run_and_hidden_files_start_none(watched):
    folder, _index, watcher, reports, _ = watched
    runs = watcher.runs
    (folder / ".brouillon.txt").write_text("caché", "utf-8")
    (folder / "edition.txt.swp").write_text("éditeur", "utf-8")
    for i in range(20):
        (folder / f"note-{i:02d}.txt").write_text(f"Note {i} sur le héron cendré.\n", "utf-8")
    # a slow disk, or this process paused a moment mid-burst on a busy machine, splits the
    # burst: the files all arrive, over the runs' reports (one report holding all 20 was
    # waited for in vain after a pause of 0.5 s, reports of 10 and 10)
    added, skipped = 0, []
    while added < 20:
        report = reports.get(timeout=DEADLINE)
        added, skipped = added + report.added, skipped + report.skipped
    assert added == 20 and watcher.runs - runs <= 3
    assert not any(".brouillon" in s for s, _ in skipped)


def test_a_held_run_lock_makes_the_watcher_wait_not_stop(watched):
    folder, index_dir, _watcher, reports, busy = watched
    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    lock = ix.storage.lock(RUN_LOCK)
    assert lock.acquire()
    try:
        (folder / "castor.txt").write_text(CASTOR, "utf-8")
        wait_for(lambda: busy, "le verrou signalé")
        assert "un autre indexeur travaille" in busy[0]
    finally:
        lock.release()
        ix.close()
    report = reports.get(timeout=DEADLINE)
    assert report.added == 1


def test_events_in_the_index_folder_and_hidden_paths_are_ignored(tmp_path):
    folder = tmp_path / "docs"
    watcher = Watcher([folder], folder / "verbatim-index")
    assert watcher.relevant(str(folder / "a.txt"))
    assert not watcher.relevant(str(folder / "verbatim-index" / "manifest.json"))
    assert not watcher.relevant(str(folder / ".git" / "HEAD"))
    assert not watcher.relevant(str(folder / "~$rapport.docx"))
    assert not watcher.relevant(str(tmp_path / "ailleurs.txt"))


def test_stop_takes_no_lock_so_ctrl_c_may_call_it_anywhere(tmp_path):
    """Ctrl+C's handler calls `stop()` in the main thread between two of its instructions,
    possibly inside `serve`'s wait on an event, that event's lock held: `stop()` must not
    need it (it did, and such a watcher never stopped)."""
    watcher = Watcher([tmp_path], tmp_path / "index")
    stopping = threading.Thread(target=watcher.stop, daemon=True)
    with watcher.changed._cond:  # noqa: SLF001 - what serve's wait holds at such an instant
        stopping.start()
        stopping.join(timeout=DEADLINE)
        assert not stopping.is_alive(), "stop() attend le verrou de l'attente interrompue"
    assert watcher.stopping


def test_cli_watch_reports_each_run_and_stops_on_ctrl_c(tmp_path):
    folder = tmp_path / "communiques"
    folder.mkdir()
    (folder / "loutre.txt").write_text(LOUTRE, "utf-8")
    index_dir = tmp_path / "index"
    with watching([str(Path(sys.executable).with_name("verbatim")), "index", str(folder),
                   "--index", str(index_dir), "--watch", "--json", "--workers", "1"]
                  ) as (process, report, errors):
        assert report()["added"] == 1
        (folder / "castor.txt").write_text(CASTOR, "utf-8")
        second = report()
        assert (second["added"], second["total"]) == (1, 2)
        # `kill -USR1`: a watcher that seems stuck says what it is doing, and goes on
        process.send_signal(signal.SIGUSR1)
        wait_for(lambda: "indexer/watch.py" in "".join(errors), "la pile du veilleur")
        assert "in serve" in "".join(errors)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=DEADLINE) == 0


@contextmanager
def watching(command: list[str], **options):
    """Run `verbatim index … --watch --json` (`command`) for the block: yield the process, a
    function returning its next JSON report and the lines it wrote to stderr so far; killed
    if still running after the block (its threads' stacks shown first), which fails if the
    command wrote a traceback."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=dict(os.environ), **options)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in process.stdout], daemon=True).start()
    # stderr drained as it comes: a pipe left unread blocks the command once full (64 KiB of
    # the cluster client's warnings), and it would then never stop on Ctrl+C
    errors: list[str] = []
    draining = threading.Thread(target=lambda: errors.extend(process.stderr), daemon=True)
    draining.start()
    try:
        yield process, lambda: json.loads(_json_report(lines)), errors
    finally:
        killed = process.poll() is None
        if killed:  # what each of its threads was doing, on stderr (faulthandler), then gone
            process.send_signal(signal.SIGUSR1)
            time.sleep(2)
            process.kill()
            process.wait()
        draining.join(timeout=DEADLINE)
        if killed:  # shown with the failure: what the command said before it was killed
            print("".join(errors)[-4000:])
        process.stdout.close()
        process.stderr.close()
    assert "Traceback" not in "".join(errors), "".join(errors)[-4000:]


def _json_report(lines: queue.Queue) -> str:
    """Return the next line holding a JSON report (the first run's is pretty-printed)."""
    buffer = ""
    while True:
        line = lines.get(timeout=DEADLINE)
        buffer += line
        try:
            json.loads(buffer)
            return buffer
        except ValueError:
            continue


def test_cli_watch_lists_a_skipped_file_once_not_at_every_run(tmp_path):
    """A press office's folder holds a file Verbatim does not read (a spreadsheet's export in
    JSON): the first report lists it with its reason; the runs after, while it stays, count it
    without listing it again — until a file is skipped anew."""
    folder = tmp_path / "communiques"
    folder.mkdir()
    (folder / "loutre.txt").write_text(LOUTRE, "utf-8")
    (folder / "contacts.json").write_text('{"presse": "presse@frv.example"}', "utf-8")
    command = [str(Path(sys.executable).with_name("verbatim")), "index", str(folder),
               "--index", str(tmp_path / "index"), "--watch", "--workers", "1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=dict(os.environ))
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in process.stdout], daemon=True).start()

    def until(word: str) -> list[str]:
        """The lines written up to the first one holding `word`."""
        seen = []
        while word not in (seen[-1] if seen else ""):
            seen.append(lines.get(timeout=DEADLINE))
        return seen

    try:
        first = until("Surveillance de")
        assert any("ignoré : contacts.json" in line for line in first)
        (folder / "castor.txt").write_text(CASTOR, "utf-8")
        second = until("ajouté(s)")
        assert "1 ajouté(s)" in second[-1] and "1 ignoré(s) (dont 1 déjà signalé(s))" in second[-1]
        (folder / "budget.yaml").write_text("montant: 12\n", "utf-8")
        third = until("ajouté(s)")
        assert "2 ignoré(s) (dont 1 déjà signalé(s))" in third[-1]
        listed = "".join(until("ignoré :"))
        assert "budget.yaml" in listed and "contacts.json" not in listed
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=DEADLINE) == 0
        process.stdout.close()
        process.stderr.close()
