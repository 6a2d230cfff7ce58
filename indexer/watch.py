"""`verbatim index PATH --watch`: keep an index up to date with folders as files come and go.

After an ordinary first run, the folders are watched through watchdog (inotify on Linux,
FSEvents on macOS, ReadDirectoryChangesW on Windows; a polling observer where none works, e.g.
on some network shares). Events are gathered until the folders have been quiet for
`QUIET` seconds (a file being copied sends many), or at most `MAX_WAIT` seconds after the
first one, then one incremental run (`index_paths`) picks up every new, changed and deleted
file. A running server shows the changes at its next search (it reopens the index when the
index's generation changes).

On OpenSearch (`verbatim index --engine opensearch --watch`) each run is an incremental run
into the cluster (`indexer.opensearch_writer.index_cluster`, given as `run`): the same folders,
the cluster's run lease instead of the folder's lock, its manifest in the index itself; the
servers of every machine see the changes at their next search (each run ends with a refresh).

Each run is an ordinary run: the same run lock (a run waits for another indexer, and retries
later rather than stop watching if that one holds the index too long), the same crash safety
(the manifest is saved after the commit, and a run killed in between is repaired by the
next). Nothing is held between runs, so `verbatim index` from elsewhere still works.

Events inside the index folder (when it lies in a watched folder), in hidden files and folders,
and in editors' temporary files are ignored; they would start runs that change nothing.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from indexer.indexing import IndexBusy, Report, index_paths
from indexer.readers import is_temporary

QUIET = 0.3  # seconds without events before a run
MAX_WAIT = 2.0  # seconds after the first event, a run starts even if events keep coming
RETRY = 5.0  # seconds before trying again when another indexer holds the index
TICK = 0.5  # seconds between two looks at `stop()` while waiting


class Watcher:
    """Watches folders and re-indexes them into one index after each burst of changes."""

    def __init__(self, paths: Iterable[Path], index_dir: Path, *,
                 on_report: Callable[[Report], None] | None = None,
                 on_busy: Callable[[str], None] | None = None,
                 poll: bool = False,
                 run: Callable[..., Report] | None = None, **options) -> None:
        self.paths = [Path(p).absolute() for p in paths]
        self.index_dir = Path(index_dir).absolute()
        self.options = options
        # a run: `run(paths, index_dir, **options)` returns its report (Whoosh's by default)
        self.run = run or index_paths
        self.on_report = on_report or (lambda report: None)
        self.on_busy = on_busy or (lambda message: None)
        self.poll = poll
        self.changed = threading.Event()  # set by the observer's thread
        # a plain flag, not an Event: `stop()` is called from a signal handler (see there)
        self.stopping = False
        self._first_event: float | None = None
        self._last_event = 0.0
        self._lock = threading.Lock()
        self.runs = 0

    # --- events ----------------------------------------------------------------------------

    def relevant(self, path: str) -> bool:
        """Whether a changed path may change the index (not the index itself, not hidden)."""
        target = Path(path)
        if target == self.index_dir or self.index_dir in target.parents:
            return False
        if is_temporary(target) or target.name.startswith("."):
            return False
        for root in self.paths:
            if target == root or root in target.parents:
                inside = target.relative_to(root).parts if target != root else ()
                return not any(part.startswith(".") for part in inside)
        return False

    def notice(self, *paths: str) -> None:
        """Record a change at these paths (called from the observer's thread)."""
        if not any(self.relevant(p) for p in paths if p):
            return
        now = time.monotonic()
        with self._lock:
            if self._first_event is None:
                self._first_event = now
            self._last_event = now
        self.changed.set()

    def _burst_over(self) -> bool:
        now = time.monotonic()
        with self._lock:
            if self._first_event is None:
                return False
            return now - self._last_event >= QUIET or now - self._first_event >= MAX_WAIT

    # --- runs --------------------------------------------------------------------------------

    def run_once(self, report_empty: bool = True) -> Report | None:
        """Run an incremental indexing of the watched folders; None if the index was busy.

        A run that changed nothing is not reported when `report_empty` is False.
        """
        with self._lock:
            self._first_event = None
        self.changed.clear()
        try:
            report = self.run(self.paths, self.index_dir, **self.options)
        except IndexBusy as exc:
            self.on_busy(str(exc))
            self.notice(str(self.paths[0]))  # try again later
            return None
        self.runs += 1
        if report_empty or report.added or report.updated or report.removed or report.skipped:
            self.on_report(report)
        return report

    def _observer(self):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event) -> None:  # noqa: D102 - watchdog's callback
                if event.event_type in ("opened", "closed_no_write"):
                    return  # reading a file changes nothing
                watcher.notice(os.fsdecode(event.src_path),
                               os.fsdecode(getattr(event, "dest_path", "") or ""))

        observer = PollingObserver(timeout=1.0) if self.poll else Observer()
        for root in self.paths:
            folder = root if root.is_dir() else root.parent
            observer.schedule(Handler(), str(folder), recursive=root.is_dir())
        return observer

    def start(self):
        """Start observing (no first run); return the observer, to stop with `stop()`."""
        observer = self._observer()
        try:
            observer.start()
        except OSError:  # inotify limits reached, an unsupported file system: poll instead
            if self.poll:
                raise
            self.poll = True
            observer = self._observer()
            observer.start()
        self._observer_running = observer
        return observer

    def serve(self, first_run: bool = True) -> None:
        """Index once, then re-index after each burst of changes until `stop()` is called (or
        Ctrl+C). With `first_run` False the caller has just indexed: the run made once the
        observer is up only catches what changed in between, and is reported only if it
        changed something."""
        observer = self.start()
        try:
            self.run_once(report_empty=first_run)
            while not self.stopping:
                if not self.changed.wait(timeout=TICK) or self.stopping:
                    continue
                if self._burst_over():
                    if self.run_once() is None:
                        self._pause(RETRY)
                else:
                    self._pause(QUIET / 3)
        finally:
            observer.stop()
            observer.join(timeout=10)

    def _pause(self, seconds: float) -> None:
        """Sleep `seconds`, or less if `stop()` is called meanwhile."""
        end = time.monotonic() + seconds
        while not self.stopping and (left := end - time.monotonic()) > 0:
            time.sleep(min(TICK, left))

    def stop(self) -> None:
        """Ask `serve` to return after the run in progress, if any (else within `TICK`
        seconds).

        Safe in a signal handler, which is what Ctrl+C calls: it takes no lock. A handler
        runs in the main thread between two of its instructions, possibly inside an Event's
        `wait` holding that Event's lock; the Event's `set()` then waited for that lock,
        which its own thread held, forever — a watcher deaf to Ctrl+C (seen twice in CI).
        """
        self.stopping = True
