"""Bounded load test of `verbatim serve`: N clients for S seconds, optionally during a re-index.

    python -m bench.load --index DIR [--clients 16] [--seconds 60] [--runs 3]
                         [--reindex PATH]... [--rebuild] [--json OUT]

Starts `verbatim serve` on 127.0.0.1 on a free port, then for each run drives a mix of
searches, facet clicks, quotation searches, API calls, document and speaker pages, CSV
exports and Atom feeds from `--clients` threads (http.client, keep-alive) for `--seconds`.
With `--reindex PATH`, each run is followed by a second run during which `verbatim index
PATH --index DIR` (with `--rebuild`: a full re-read into a fresh index swapped in at the end)
runs in another process; that run lasts at least `--seconds` and until the re-index ends.

Reported per run: requests/s, median and p95 latency, errors (any status other than
2xx/3xx/404, or a connection error), and the server's resident memory (VmRSS) and open file
descriptors before and after, so that a growth across runs shows.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

HOST = "127.0.0.1"
START_TIMEOUT = 60.0
REQUEST_TIMEOUT = 60.0
# Words that occur across the shared corpus (and a few that occur nowhere, for suggestions).
WORDS = [
    "lanceur d'alerte", "Luxembourg", "fiscalité", "mariage", "Drupal", "santé", "école",
    "emploi", "Europe", "sécurité", "climat", "justice", "budget", "entreprises", "famille",
    "\"mariage pour tous\"", "enfants", "adoption", "procès", "impôt", "logiciel libre",
    "transition écologique", "agriculture", "jeunesse", "culture", "Assemblée", "ministre",
    "santé OR hôpital", "Europe -Luxembourg", "speaker:Taubira", "année:2013", "tribunal",
    "rivière", "xylophonique", "démocratie", "numérique", "",
]
# (kind, weight): what a visitor does, roughly in the proportions of a search site.
MIX = [("search", 30), ("facet", 15), ("quotes", 5), ("api", 10), ("doc", 20), ("speaker", 5),
       ("export", 5), ("feed", 5), ("page2", 5)]


@dataclass
class Targets:
    """What the load draws from: words, document ids, speakers and facet values."""

    words: list[str]
    ids: list[str]
    speakers: list[str]
    facets: dict[str, list[str]]


@dataclass
class RunResult:
    """The figures of one run."""

    label: str
    clients: int
    seconds: float
    requests: int
    errors: int
    rps: float
    median_ms: float
    p95_ms: float
    statuses: dict[str, int]
    by_kind: dict[str, dict[str, float]]
    rss_before_mb: float
    rss_after_mb: float
    fds_before: int
    fds_after: int
    error_samples: list[str] = field(default_factory=list)
    server_exceptions: dict[str, int] = field(default_factory=dict)  # last line → count
    reindex: dict | None = None


# --- the server ---------------------------------------------------------------------------------


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def verbatim_command() -> list[str]:
    """Return the command that runs `verbatim` with this interpreter."""
    return [sys.executable, "-m", "indexer.cli"]


class Server:
    """`verbatim serve` in a child process, its output in a temporary file."""

    def __init__(self, index_dir: Path, threads: int = 8):
        self.port = free_port()
        # append mode: the server writes at the end whatever offset we read from
        self.log = tempfile.TemporaryFile(mode="a+b", prefix="verbatim-serve-")
        self._read_to = 0
        command = [*verbatim_command(), "serve", "--index", str(index_dir), "--host", HOST,
                   "--port", str(self.port), "--threads", str(threads)]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT,
                                        env=env)
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"verbatim serve s'est arrêté :\n{self.output()}")
            try:
                status, _ = fetch(self.port, "/api/search?per_page=1")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.close()
        raise RuntimeError(f"verbatim serve ne répond pas après {START_TIMEOUT:.0f} s")

    def output(self) -> str:
        """Return the end of what the server printed."""
        self.log.seek(0)
        return self.log.read()[-4000:].decode("utf-8", "replace")

    def exceptions(self) -> list[str]:
        """Return the last line of each traceback the server printed since the last call."""
        self.log.seek(self._read_to)
        data = self.log.read()
        self._read_to += len(data)
        text = data.decode("utf-8", "replace")
        lines = text.splitlines()
        found = []
        for number, line in enumerate(lines):
            if line.startswith("Traceback"):
                tail = next((x for x in lines[number + 1:] if x and not x.startswith(" ")), "")
                found.append(tail[:200])
        return found

    def rss_mb(self) -> float:
        """Return the server's resident memory (VmRSS) in MB."""
        return proc_rss_kb(self.process.pid) / 1024

    def fds(self) -> int:
        """Return the number of file descriptors the server holds open."""
        try:
            return len(os.listdir(f"/proc/{self.process.pid}/fd"))
        except OSError:
            return -1

    def close(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s) and drop its log."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def proc_rss_kb(pid: int) -> int:
    """Return VmRSS of a process in kB, read from /proc/<pid>/status (0 if unknown)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def fetch(port: int, path: str) -> tuple[int, bytes]:
    """GET `path` on a new connection and return (status, body)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


# --- what to request ------------------------------------------------------------------------------


def discover(port: int, words: list[str] = WORDS) -> Targets:
    """Collect document ids, speakers and facet values from the API of the running server."""
    ids: list[str] = []
    facets: dict[str, set[str]] = {}
    titles: list[str] = []
    for word in [w for w in words if w][:12] + [""]:
        for quotes in ("0", "1"):
            status, body = fetch(port, "/api/search?" + urlencode(
                {"q": word, "per_page": 50, "quotes": quotes}))
            if status != 200:
                continue
            data = json.loads(body)
            for hit in data["results"]:
                ids.append(hit.get("document_id") or hit["id"])
                titles.append(hit.get("title") or "")
            for name, values in data["facets"].items():
                facets.setdefault(name, set()).update(v["value"] for v in values[:30])
    extra = [w for title in titles[:200] for w in title.split() if len(w) > 5 and w.isalpha()]
    speakers = sorted(facets.get("speaker", set()))
    return Targets(
        words=list(dict.fromkeys(words + extra[:100])),
        ids=sorted(set(ids)) or ["inconnu"],
        speakers=speakers or ["Inconnu"],
        facets={name: sorted(values) for name, values in facets.items() if values},
    )


def pick_request(rng: random.Random, targets: Targets) -> tuple[str, str]:
    """Return (kind, path) of one request of the mix."""
    kind = rng.choices([k for k, _ in MIX], weights=[w for _, w in MIX])[0]
    q = rng.choice(targets.words)
    if kind == "search":
        args = {"q": q, "sort": rng.choice(["relevance", "relevance", "-date", "date"])}
        return kind, "/?" + urlencode(args)
    if kind == "page2":
        return kind, "/?" + urlencode({"q": q, "page": rng.randint(2, 5)})
    if kind == "facet" and targets.facets:
        name = rng.choice(sorted(targets.facets))
        return kind, "/?" + urlencode({"q": q, name: rng.choice(targets.facets[name])})
    if kind == "quotes":
        return kind, "/?" + urlencode({"q": q, "quotes": 1})
    if kind == "api":
        return kind, "/api/search?" + urlencode({"q": q})
    if kind == "doc":
        ident = quote(rng.choice(targets.ids), safe="")
        return kind, f"/doc/{ident}?" + urlencode({"q": q})
    if kind == "speaker":
        return kind, "/speaker/" + quote(rng.choice(targets.speakers), safe="")
    if kind == "export":
        return kind, "/export.csv?" + urlencode({"q": q})
    if kind == "feed":
        return kind, "/feed.atom?" + urlencode({"q": q})
    return "search", "/?" + urlencode({"q": q})


# --- the clients -------------------------------------------------------------------------------


@dataclass
class _Sample:
    kind: str
    status: int  # 0: connection error
    seconds: float


def is_error(status: int) -> bool:
    """Tell whether a status counts as an error: anything but 2xx, 3xx and 404."""
    return not (200 <= status < 400 or status == 404)


class Client(threading.Thread):
    """One visitor: requests one after another on a keep-alive connection until `stop`."""

    def __init__(self, port: int, targets: Targets, seed: int, stop: threading.Event):
        super().__init__(daemon=True)
        self.port, self.targets, self.stop = port, targets, stop
        self.rng = random.Random(seed)
        self.samples: list[_Sample] = []
        self.errors: list[str] = []
        self.conn: http.client.HTTPConnection | None = None

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                kind, path = pick_request(self.rng, self.targets)
                started = time.perf_counter()
                status = self._get(path)
                self.samples.append(_Sample(kind, status, time.perf_counter() - started))
                if is_error(status) and len(self.errors) < 5:
                    self.errors.append(f"{status} {kind} {path[:120]}")
        finally:
            if self.conn is not None:
                self.conn.close()

    def _get(self, path: str) -> int:
        # A keep-alive connection the server closed while idle fails at once: retry that
        # once on a new connection. A second failure is an error.
        for attempt in (1, 2):
            reused = self.conn is not None
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)
            try:
                self.conn.request("GET", path)
                response = self.conn.getresponse()
                response.read()
                if response.will_close:
                    self.conn.close()
                    self.conn = None
                return response.status
            except (OSError, http.client.HTTPException) as exc:
                self.conn.close()
                self.conn = None
                stale = isinstance(exc, http.client.RemoteDisconnected | BrokenPipeError |
                                   ConnectionResetError)
                if attempt == 1 and reused and stale:
                    continue
                if len(self.errors) < 5:
                    self.errors.append(f"{type(exc).__name__}: {exc} ({path[:120]})")
                return 0
        return 0


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def drive(server: Server, targets: Targets, *, clients: int, seconds: float, seed: int,
          label: str, until: threading.Event | None = None) -> RunResult:
    """Run `clients` clients for `seconds` (and, given `until`, until it is set too)."""
    rss_before, fds_before = server.rss_mb(), server.fds()
    stop = threading.Event()
    workers = [Client(server.port, targets, seed * 1000 + i, stop) for i in range(clients)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    time.sleep(seconds)
    if until is not None:
        until.wait()
    stop.set()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    samples = [s for w in workers for s in w.samples]
    latencies = [s.seconds * 1000 for s in samples]
    by_kind = {}
    for kind in sorted({s.kind for s in samples}):
        values = [s.seconds * 1000 for s in samples if s.kind == kind]
        by_kind[kind] = {"n": len(values), "median_ms": round(statistics.median(values), 1),
                         "p95_ms": round(_percentile(values, 0.95), 1)}
    return RunResult(
        label=label,
        clients=clients,
        seconds=round(elapsed, 1),
        requests=len(samples),
        errors=sum(is_error(s.status) for s in samples),
        rps=round(len(samples) / elapsed, 1) if elapsed else 0.0,
        median_ms=round(statistics.median(latencies), 1) if latencies else 0.0,
        p95_ms=round(_percentile(latencies, 0.95), 1),
        statuses={str(k): v for k, v in sorted(Counter(s.status for s in samples).items())},
        by_kind=by_kind,
        rss_before_mb=round(rss_before, 1),
        rss_after_mb=round(server.rss_mb(), 1),
        fds_before=fds_before,
        fds_after=server.fds(),
        error_samples=[e for w in workers for e in w.errors][:10],
        server_exceptions=dict(Counter(server.exceptions()).most_common(10)),
    )


# --- re-indexing ----------------------------------------------------------------------------------


class Reindex(threading.Thread):
    """`verbatim index PATH... --index DIR` in a child process; `done` is set when it ends."""

    def __init__(self, paths: list[Path], index_dir: Path, rebuild: bool):
        super().__init__(daemon=True)
        self.command = [*verbatim_command(), "index", *map(str, paths), "--index",
                        str(index_dir), "--json", *(["--rebuild"] if rebuild else [])]
        self.done = threading.Event()
        self.result: dict = {}

    def run(self) -> None:
        started = time.perf_counter()
        try:
            done = subprocess.run(self.command, capture_output=True, text=True)
            report = {}
            if done.returncode == 0:
                report = json.loads(done.stdout)
            self.result = {
                "returncode": done.returncode,
                "seconds": round(time.perf_counter() - started, 1),
                "added": report.get("added"), "updated": report.get("updated"),
                "unchanged": report.get("unchanged"), "documents": report.get("documents"),
                "total": report.get("total"), "skipped": len(report.get("skipped", [])),
                "stderr": done.stderr[-500:] if done.returncode else "",
            }
        finally:
            self.done.set()


# --- runs -----------------------------------------------------------------------------------------


def run_load(index_dir: Path, *, clients: int = 16, seconds: float = 60.0, runs: int = 3,
             reindex: list[Path] | None = None, rebuild: bool = False, server_threads: int = 8,
             seed: int = 6, log=print) -> list[RunResult]:
    """Serve `index_dir` and run the load `runs` times (each followed by a run during a
    re-index of `reindex` when given); return the figures of every run."""
    server = Server(Path(index_dir), threads=server_threads)
    results: list[RunResult] = []
    try:
        targets = discover(server.port)
        log(f"serveur pid {server.process.pid} sur le port {server.port} : "
            f"{len(targets.ids)} documents, {len(targets.speakers)} orateurs repérés")
        for number in range(1, runs + 1):
            result = drive(server, targets, clients=clients, seconds=seconds,
                           seed=seed + number, label=f"run {number}")
            results.append(result)
            log(format_result(result))
            if reindex:
                job = Reindex(reindex, Path(index_dir), rebuild)
                job.start()
                result = drive(server, targets, clients=clients, seconds=seconds,
                               seed=seed + 100 + number, label=f"run {number} + réindexation",
                               until=job.done)
                job.join()
                result.reindex = job.result
                results.append(result)
                log(format_result(result))
        if server.process.poll() is not None:
            raise RuntimeError(f"le serveur s'est arrêté pendant le test :\n{server.output()}")
    finally:
        server.close()
    return results


def format_result(result: RunResult) -> str:
    """Return one run's figures as a few lines of text."""
    lines = [
        f"{result.label:>26} : {result.requests} requêtes en {result.seconds:.0f} s = "
        f"{result.rps:.1f} req/s, médiane {result.median_ms:.0f} ms, p95 {result.p95_ms:.0f} ms, "
        f"{result.errors} erreur(s) ; RSS {result.rss_before_mb:.0f} → "
        f"{result.rss_after_mb:.0f} Mo, fd {result.fds_before} → {result.fds_after}",
    ]
    if result.reindex:
        r = result.reindex
        lines.append(f"{'':>26}   réindexation : code {r['returncode']}, {r['seconds']} s, "
                     f"{r.get('documents')} document(s) écrit(s), {r.get('total')} dans l'index")
    lines += [f"{'':>26}   ! {sample}" for sample in result.error_samples]
    lines += [f"{'':>26}   serveur : {count} × {line}"
              for line, count in result.server_exceptions.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: run the load test and print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.load",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="index folder to serve")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reindex", type=Path, action="append", metavar="PATH",
                        help="folder to re-index into the same index during a second run")
    parser.add_argument("--rebuild", action="store_true",
                        help="re-index with --rebuild (fresh index swapped in)")
    parser.add_argument("--server-threads", type=int, default=8)
    parser.add_argument("--json", type=Path, help="write the figures to this JSON file")
    args = parser.parse_args(argv)
    if not (args.index / "manifest.json").exists():
        parser.error(f"aucun index dans {args.index}")
    results = run_load(args.index, clients=args.clients, seconds=args.seconds, runs=args.runs,
                       reindex=args.reindex, rebuild=args.rebuild,
                       server_threads=args.server_threads)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False,
                                        indent=2), encoding="utf-8")
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())

