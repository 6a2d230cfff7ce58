"""Bounded load test of `verbatim serve`: N clients for S seconds, optionally during a re-index,
optionally with hostile clients.

    python -m bench.load --index DIR [--clients 16] [--hostile 1] [--seconds 60] [--runs 3]
                         [--workers N] [--server-threads N] [--probe]
                         [--reindex PATH]... [--rebuild] [--json OUT]
                         [--opensearch-url URL --opensearch-index ALIAS]

Starts `verbatim serve` on 127.0.0.1 on a free port, then for each run drives a mix of
searches, facet clicks, quotation searches, API calls, document and speaker pages, CSV
exports and Atom feeds from `--clients` threads (http.client, keep-alive) for `--seconds`.
`--hostile N` adds N clients that send, one after another, the longest and most
pathological requests the web app accepts (`hostile_request`): long unknown words, 2,000
characters of letters, a phrase of the commonest words, hundreds of words, OR chains, deep
pages, twenty values per facet, exports and feeds of all that. `--probe` first sends each
kind of hostile request alone, on an idle server, and reports its server time.
With `--reindex PATH`, each run is followed by a second run during which `verbatim index
PATH --index DIR` (with `--rebuild`: a full re-read into a fresh index swapped in at the end)
runs in another process; that run lasts at least `--seconds` and until the re-index ends.

With `--opensearch-url`, the server answers from that cluster's index (`verbatim serve
--engine opensearch`), for comparing the two engines under the same load.

Reported per run: requests/s, median and p95 latency of the normal clients, errors (any
status other than 2xx/3xx/404, or a connection error), the server time of every request
(its `Server-Timing` header: the slowest, and how many took over a second), the hostile
requests' own figures, and the server's resident memory (VmRSS, master and workers added)
and open file descriptors before and after, so that a growth across runs shows; the CPU
time of the run (`/proc/PID/stat` of the server's processes, `getrusage` of the clients, and
with `--jvm-pid` the cluster's JVM, and of it its compiler's threads) and its share per
request, beside the load average at the start and the end: on a shared machine the CPU per
request compares runs, the wall does not.
With `--opensearch-url`, also what the cluster's nodes counted during the run (`cluster_stats`):
shard searches (query and fetch phases) and the shard request cache's hits and misses, whose
ratio says how much of the load the cache answered. That cache is emptied before each run
(`clear_request_cache`): a run starts as a new server would, whatever ran before it.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import resource
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
from urllib.parse import quote, urlencode, urlsplit

from bench.cluster_build import jit_cpu

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
MAX_QUERY_CHARS = 2000  # the longest query the web app reads (webapp.params)
SLOW_MS = 1000.0  # issue 12: no request above one second of server time
_SERVER_TIMING = re.compile(r"app;dur=([0-9.]+)")


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
    # seconds from the run's start to each error's answer (are they the first seconds'?)
    error_at_s: list[float] = field(default_factory=list)
    # what the server logged of a cluster that did not answer in time (webapp.errors)
    server_unanswered: dict[str, int] = field(default_factory=dict)
    reindex: dict | None = None
    hostile_clients: int = 0
    # requests of the hostile clients: n, errors, median/p95/max latency, by kind
    hostile: dict = field(default_factory=dict)
    # server time (Server-Timing) of every request, normal and hostile
    server_p95_ms: float = 0.0
    server_max_ms: float = 0.0
    server_over_1s: int = 0
    slowest: list[str] = field(default_factory=list)  # "ms kind path" of the slowest requests
    load_average: str = ""  # of the machine (1, 5, 15 min) at the end of the run
    load_average_start: str = ""  # … and at its start
    # CPU seconds of the run: the server's processes, the clients (this process), the JVM
    cpu_server_s: float = 0.0
    cpu_clients_s: float = 0.0
    cpu_jvm_s: float | None = None
    # … of it, the JVM's compiler threads (C1, C2): a young JVM compiles its search code for
    # the first minutes of load, which a long-running cluster no longer pays
    cpu_jit_s: float | None = None
    # … per request served (normal and hostile), in ms
    cpu_ms_per_request: dict[str, float] = field(default_factory=dict)
    # with OpenSearch, what its nodes counted during the run (`cluster_stats`)
    cluster: dict[str, int] = field(default_factory=dict)


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

    def __init__(self, index_dir: Path, threads: int | None = None, workers: int | None = None,
                 env: dict[str, str] | None = None):
        self.port = free_port()
        # append mode: the server writes at the end whatever offset we read from
        self.log = tempfile.TemporaryFile(mode="a+b", prefix="verbatim-serve-")
        self._read_to = 0
        command = [*verbatim_command(), "serve", "--index", str(index_dir), "--host", HOST,
                   "--port", str(self.port), *(["--threads", str(threads)] if threads else []),
                   *(["--workers", str(workers)] if workers else [])]
        # `env` may name another engine (VERBATIM_ENGINE=opensearch and its URL and index)
        env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
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
        return self._since_last()[0]

    def _since_last(self) -> tuple[list[str], list[str]]:
        """Return (each traceback's last line, each « moteur sans réponse » warning: a
        cluster that did not answer in time) the server printed since the last call."""
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
        unanswered = [line.split("moteur sans réponse", 1)[1].strip()[:200]
                      for line in lines if "moteur sans réponse" in line]
        return found, unanswered

    def pids(self) -> list[int]:
        """Return the server's process and its workers'."""
        return [self.process.pid, *child_pids(self.process.pid)]

    def rss_mb(self) -> float:
        """Return the server's resident memory (VmRSS of the master and workers) in MB."""
        return sum(proc_rss_kb(pid) for pid in self.pids()) / 1024

    def fds(self) -> int:
        """Return the number of file descriptors the server's processes hold open."""
        try:
            return sum(len(os.listdir(f"/proc/{pid}/fd")) for pid in self.pids())
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


def child_pids(pid: int) -> list[int]:
    """Return the children of a process (Linux: /proc/PID/task/*/children)."""
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found += [int(x) for x in handle.read().split()]
    except OSError:
        pass
    return found


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


def _letters(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n))


def _long(words: list[str], rng: random.Random, joiner: str = " ") -> str:
    """Return words drawn from `words` up to the longest query the web app reads."""
    out = ""
    while True:
        word = rng.choice(words)
        if len(out) + len(joiner) + len(word) > MAX_QUERY_CHARS:
            return out
        out = f"{out}{joiner}{word}" if out else word


STOP = ["de", "la", "le", "les", "des", "et", "en", "un", "une", "du", "que", "qui", "est"]
HOSTILE = ["x2000", "letters", "typo", "unknown_words", "long_words", "common_words",
           "stop_phrase", "common_phrase", "or_chain", "not_chain", "unicode", "deep_page",
           "date_sort_deep", "many_facets", "export", "export_all", "feed", "api_100",
           "quotes", "doc_long_q", "speaker_odd", "verify_long"]


def hostile_request(rng: random.Random, targets: Targets, kind: str | None = None
                    ) -> tuple[str, str]:
    """Return (kind, path) of one pathological request, each up to the web app's limits.

    New random words each time, so that no cache answers for them.
    """
    kind = kind or rng.choice(HOSTILE)
    words = [w for w in targets.words if w and w.replace("'", "").isalpha()] or ["santé"]
    if kind == "x2000":
        q = "x" * MAX_QUERY_CHARS
    elif kind == "letters":  # one unknown word of 30 to 2,000 letters
        q = _letters(rng, rng.choice([31, 50, 400, MAX_QUERY_CHARS]))
    elif kind == "typo":  # typos of known words: the spelling lookups
        q = " ".join(w[:-2] + _letters(rng, 3) for w in rng.sample(words, min(12, len(words))))
    elif kind == "unknown_words":
        q = " ".join(_letters(rng, rng.randint(5, 14)) for _ in range(150))[:MAX_QUERY_CHARS]
    elif kind == "long_words":
        q = " ".join(_letters(rng, 30) for _ in range(64))[:MAX_QUERY_CHARS]
    elif kind == "common_words":
        q = _long(words, rng)
    elif kind == "stop_phrase":
        q = '"' + _long(STOP, rng)[: MAX_QUERY_CHARS - 2] + '"'
    elif kind == "common_phrase":
        q = '"' + " ".join(rng.choice(STOP + words) for _ in range(40)) + '"'
    elif kind == "or_chain":
        q = _long(words, rng, " OR ")
    elif kind == "not_chain":
        q = rng.choice(words) + " " + " ".join("-" + w for w in rng.sample(words, min(60,
                                                                                  len(words))))
    elif kind == "unicode":
        q = "".join(chr(rng.randint(0x20, 0x2FFF)) for _ in range(MAX_QUERY_CHARS))
    else:
        q = rng.choice(words)
    long_q = _long(words, rng)
    if kind == "deep_page":
        return kind, "/?" + urlencode({"q": q, "page": rng.randint(90, 10_000), "per_page": 100})
    if kind == "date_sort_deep":
        return kind, "/?" + urlencode({"sort": rng.choice(["date", "-date"]), "per_page": 100,
                                       "page": rng.randint(1, 100)})
    if kind == "many_facets":
        pairs = [("q", long_q)]
        for name, values in targets.facets.items():
            pairs += [(name, v) for v in rng.sample(values, min(20, len(values)))]
        return kind, "/?" + urlencode(pairs)
    if kind == "export":
        return kind, "/export.csv?" + urlencode({"q": long_q})
    if kind == "export_all":
        return kind, "/export.csv?" + urlencode({"q": rng.choice(["", *words]),
                                                 "quotes": rng.randint(0, 1)})
    if kind == "feed":
        return kind, "/feed.atom?" + urlencode({"q": long_q})
    if kind == "api_100":
        return kind, "/api/search?" + urlencode({"q": long_q, "per_page": 100})
    if kind == "quotes":
        return kind, "/?" + urlencode({"q": long_q, "quotes": 1})
    if kind == "doc_long_q":
        ident = quote(rng.choice(targets.ids), safe="")
        return kind, f"/doc/{ident}?" + urlencode({"q": long_q})
    if kind == "speaker_odd":
        return kind, "/speaker/" + quote(_letters(rng, 200), safe="")
    if kind == "verify_long":
        return kind, "/api/verify?" + urlencode({"q": long_q})
    return kind, "/?" + urlencode({"q": q, "quotes": rng.randint(0, 1)})


# --- the clients -------------------------------------------------------------------------------


@dataclass
class _Sample:
    kind: str
    status: int  # 0: connection error
    seconds: float
    server_ms: float | None = None  # the response's Server-Timing
    path: str = ""
    ended: float = 0.0  # time.perf_counter() at the answer


def is_error(status: int) -> bool:
    """Tell whether a status counts as an error: anything but 2xx, 3xx and 404."""
    return not (200 <= status < 400 or status == 404)


class Client(threading.Thread):
    """One visitor: requests one after another on a keep-alive connection until `stop`."""

    hostile = False

    def __init__(self, port: int, targets: Targets, seed: int, stop: threading.Event):
        super().__init__(daemon=True)
        self.port, self.targets, self.stop = port, targets, stop
        self.rng = random.Random(seed)
        self.samples: list[_Sample] = []
        self.errors: list[str] = []
        self.conn: http.client.HTTPConnection | None = None
        self._server_ms: float | None = None

    def pick(self) -> tuple[str, str]:
        """Return (kind, path) of the next request."""
        return pick_request(self.rng, self.targets)

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                kind, path = self.pick()
                started = time.perf_counter()
                status = self._get(path)
                ended = time.perf_counter()
                self.samples.append(_Sample(kind, status, ended - started, self._server_ms,
                                            path, ended))
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
                timing = _SERVER_TIMING.search(response.getheader("Server-Timing") or "")
                self._server_ms = float(timing.group(1)) if timing else None
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


class HostileClient(Client):
    """A visitor who sends only pathological requests (`hostile_request`), one after another."""

    hostile = True

    def pick(self) -> tuple[str, str]:
        """Return (kind, path) of the next hostile request."""
        kind, path = hostile_request(self.rng, self.targets)
        return "hostile:" + kind, path


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _stats(values: list[float]) -> dict[str, float]:
    return {"n": len(values),
            "median_ms": round(statistics.median(values), 1) if values else 0.0,
            "p95_ms": round(_percentile(values, 0.95), 1),
            "max_ms": round(max(values, default=0), 1)}


def proc_cpu_seconds(pids: list[int]) -> float:
    """Return the CPU time (user + system, every thread) the processes used so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
                # the command may hold spaces: the fields after its closing parenthesis
                fields = handle.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def own_cpu_seconds() -> float:
    """Return this process's CPU time (the clients' threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def load_average() -> str:
    """Return the machine's load average (1, 5 and 15 minutes), or '?'."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


# the nodes' counters read before and after a run (`GET _nodes/stats`): shard searches, their
# query and fetch phases, and the shard request cache's answers
CLUSTER_COUNTERS = {"query_total": ("search", "query_total"),
                    "fetch_total": ("search", "fetch_total"),
                    "cache_hits": ("request_cache", "hit_count"),
                    "cache_misses": ("request_cache", "miss_count")}


def _cluster_connection(url: str, timeout: float) -> http.client.HTTPConnection:
    """Return a connection to the first node of the cluster at `url` (a comma-separated list
    of nodes' URLs, as `--opensearch-url` takes)."""
    split = urlsplit(url.split(",")[0].strip())
    connection = (http.client.HTTPSConnection if split.scheme == "https" else
                  http.client.HTTPConnection)
    return connection(split.hostname, split.port or 9200, timeout=timeout)


def cluster_stats(url: str | None) -> dict[str, int]:
    """Return the `CLUSTER_COUNTERS` of the cluster at `url`, its nodes' summed (the first
    node of a comma-separated list is asked), or {} without a cluster or when it cannot be
    read (the run goes on without them)."""
    if not url:
        return {}
    conn = _cluster_connection(url, timeout=10)
    try:
        conn.request("GET", "/_nodes/stats/indices/search,request_cache")
        answer = conn.getresponse()
        nodes = json.loads(answer.read())["nodes"] if answer.status == 200 else {}
    except (OSError, ValueError, KeyError):
        return {}
    finally:
        conn.close()
    return {name: sum(node["indices"][part][key] for node in nodes.values())
            for name, (part, key) in CLUSTER_COUNTERS.items()} if nodes else {}


def clear_request_cache(url: str | None, alias: str) -> bool:
    """Empty the shard request cache of the index behind `alias` on the cluster at `url`
    (`POST ALIAS/_cache/clear?request=true`); return whether the cluster did.

    Each run starts a new server, whose own caches (Whoosh's and the engine's) start empty;
    the cluster's request cache outlives it, and every run replays the mix its seed draws:
    kept, it answered 96-99 % of a run's shard searches after the first run (73 %), which
    no fresh server would find."""
    if not url:
        return False
    conn = _cluster_connection(url, timeout=30)
    try:
        conn.request("POST", f"/{quote(alias, safe='')}/_cache/clear?request=true")
        answer = conn.getresponse()
        answer.read()
        return answer.status == 200
    except OSError:
        return False
    finally:
        conn.close()


def drive(server: Server, targets: Targets, *, clients: int, seconds: float, seed: int,
          label: str, until: threading.Event | None = None, hostile: int = 0,
          jvm_pid: int | None = None, cluster_url: str | None = None) -> RunResult:
    """Run `clients` clients, and `hostile` hostile ones, for `seconds` (and, given `until`,
    until it is set too). Latency figures are the normal clients'; errors count everyone's.
    `jvm_pid`: the cluster's JVM, whose CPU time during the run is reported too;
    `cluster_url`: the cluster, whose counters during the run are reported (`cluster_stats`)."""
    counted = cluster_stats(cluster_url)
    rss_before, fds_before = server.rss_mb(), server.fds()
    load_start = load_average()
    cpu_before = (proc_cpu_seconds(server.pids()), own_cpu_seconds(),
                  proc_cpu_seconds([jvm_pid]) if jvm_pid else 0.0,
                  jit_cpu(jvm_pid) if jvm_pid else 0.0)
    stop = threading.Event()
    workers = [Client(server.port, targets, seed * 1000 + i, stop) for i in range(clients)]
    workers += [HostileClient(server.port, targets, seed * 1000 + 500 + i, stop)
                for i in range(hostile)]
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
    cpu_server = proc_cpu_seconds(server.pids()) - cpu_before[0]
    cpu_clients = own_cpu_seconds() - cpu_before[1]
    cpu_jvm = proc_cpu_seconds([jvm_pid]) - cpu_before[2] if jvm_pid else None
    cpu_jit = jit_cpu(jvm_pid) - cpu_before[3] if jvm_pid else None
    after = cluster_stats(cluster_url)
    cluster = {name: after[name] - counted[name] for name in after} if counted and after else {}
    everything = [s for w in workers for s in w.samples]
    logged = server._since_last()
    served = max(1, len(everything))
    per_request = {"server": round(cpu_server * 1000 / served, 1),
                   "clients": round(cpu_clients * 1000 / served, 1)}
    if cpu_jvm is not None:
        per_request["jvm"] = round(cpu_jvm * 1000 / served, 1)
        per_request["jit"] = round(cpu_jit * 1000 / served, 1)
    samples = [s for w in workers if not w.hostile for s in w.samples]
    bad = [s for w in workers if w.hostile for s in w.samples]
    latencies = [s.seconds * 1000 for s in samples]
    by_kind = {kind: _stats([s.seconds * 1000 for s in everything if s.kind == kind])
               for kind in sorted({s.kind for s in everything})}
    server_ms = [s.server_ms for s in everything if s.server_ms is not None]
    slowest = sorted((s for s in everything if s.server_ms is not None),
                     key=lambda s: -s.server_ms)[:5]
    return RunResult(
        label=label,
        clients=clients,
        seconds=round(elapsed, 1),
        requests=len(samples),
        errors=sum(is_error(s.status) for s in everything),
        rps=round(len(samples) / elapsed, 1) if elapsed else 0.0,
        median_ms=round(statistics.median(latencies), 1) if latencies else 0.0,
        p95_ms=round(_percentile(latencies, 0.95), 1),
        statuses={str(k): v for k, v in sorted(Counter(s.status for s in everything).items())},
        by_kind=by_kind,
        rss_before_mb=round(rss_before, 1),
        rss_after_mb=round(server.rss_mb(), 1),
        fds_before=fds_before,
        fds_after=server.fds(),
        error_samples=[e for w in workers for e in w.errors][:10],
        server_exceptions=dict(Counter(logged[0]).most_common(10)),
        error_at_s=sorted(round(s.ended - started, 1) for s in everything if is_error(s.status)),
        server_unanswered=dict(Counter(logged[1]).most_common(10)),
        hostile_clients=hostile,
        hostile={**_stats([s.seconds * 1000 for s in bad]),
                 "errors": sum(is_error(s.status) for s in bad)} if hostile else {},
        server_p95_ms=round(_percentile(server_ms, 0.95), 1),
        server_max_ms=round(max(server_ms, default=0.0), 1),
        server_over_1s=sum(ms > SLOW_MS for ms in server_ms),
        slowest=[f"{s.server_ms:.0f} ms {s.kind} {s.path[:100]}" for s in slowest],
        load_average=load_average(),
        load_average_start=load_start,
        cpu_server_s=round(cpu_server, 1),
        cpu_clients_s=round(cpu_clients, 1),
        cpu_jvm_s=round(cpu_jvm, 1) if cpu_jvm is not None else None,
        cpu_jit_s=round(cpu_jit, 1) if cpu_jit is not None else None,
        cpu_ms_per_request=per_request,
        cluster=cluster,
    )


def probe(server: Server, targets: Targets, seed: int = 12, repeat: int = 2) -> dict[str, dict]:
    """Send each kind of hostile request alone, `repeat` times, on the otherwise idle server;
    return {kind: {"server_ms": slowest Server-Timing, "status": last status}}."""
    rng = random.Random(seed)
    client = HostileClient(server.port, targets, seed, threading.Event())
    out: dict[str, dict] = {}
    for kind in HOSTILE:
        worst, status = 0.0, 0
        for _ in range(repeat):
            _, path = hostile_request(rng, targets, kind)
            status = client._get(path)
            worst = max(worst, client._server_ms or 0.0)
        out[kind] = {"server_ms": round(worst, 1), "status": status}
    if client.conn is not None:
        client.conn.close()
    return out


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
             reindex: list[Path] | None = None, rebuild: bool = False,
             server_threads: int | None = None,
             workers: int | None = None, hostile: int = 0, probe_first: bool = False,
             seed: int = 6, log=print, server_env: dict[str, str] | None = None,
             jvm_pid: int | None = None) -> list[RunResult]:
    """Serve `index_dir` and run the load `runs` times (each followed by a run during a
    re-index of `reindex` when given); return the figures of every run.

    With `probe_first`, each kind of hostile request is first sent alone (`probe`); its
    figures are logged and kept on the first run (`RunResult.reindex` stays for re-indexes).
    """
    server = Server(Path(index_dir), threads=server_threads, workers=workers, env=server_env)
    cluster_url = (server_env or {}).get("VERBATIM_OPENSEARCH_URL")
    alias = (server_env or {}).get("VERBATIM_OPENSEARCH_INDEX", "verbatim")
    results: list[RunResult] = []
    try:
        targets = discover(server.port)
        log(f"serveur pid {server.process.pid} ({len(server.pids()) - 1 or 1} processus de "
            f"travail) sur le port {server.port} : {len(targets.ids)} documents, "
            f"{len(targets.speakers)} orateurs repérés ; charge de la machine {load_average()}")
        probed = probe(server, targets) if probe_first else {}
        for kind, figures in probed.items():
            log(f"{'sonde':>26} : {kind:<16} {figures['server_ms']:7.0f} ms serveur, "
                f"statut {figures['status']}")
        for number in range(1, runs + 1):
            if cluster_url and not clear_request_cache(cluster_url, alias):
                log(f"le cache des requêtes de {alias} n'a pas pu être vidé")
            result = drive(server, targets, clients=clients, seconds=seconds,
                           seed=seed + number, label=f"run {number}", hostile=hostile,
                           jvm_pid=jvm_pid, cluster_url=cluster_url)
            if probed and number == 1:
                result.hostile["probe"] = probed
            results.append(result)
            log(format_result(result))
            if reindex:
                job = Reindex(reindex, Path(index_dir), rebuild)
                job.start()
                result = drive(server, targets, clients=clients, seconds=seconds,
                               seed=seed + 100 + number, label=f"run {number} + réindexation",
                               until=job.done, hostile=hostile, jvm_pid=jvm_pid,
                               cluster_url=cluster_url)
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
        f"{'':>26}   temps serveur : p95 {result.server_p95_ms:.0f} ms, max "
        f"{result.server_max_ms:.0f} ms, {result.server_over_1s} requête(s) au-delà d'une "
        f"seconde ; charge de la machine {result.load_average_start} → {result.load_average}",
        f"{'':>26}   CPU : serveur {result.cpu_server_s:.1f} s, clients "
        f"{result.cpu_clients_s:.1f} s"
        + (f", JVM {result.cpu_jvm_s:.1f} s (compilateur {result.cpu_jit_s:.1f} s)"
           if result.cpu_jvm_s is not None else "")
        + " ; par requête " + ", ".join(f"{k} {v:.1f} ms"
                                        for k, v in result.cpu_ms_per_request.items()),
    ]
    if result.cluster:
        c = result.cluster
        asked = c["cache_hits"] + c["cache_misses"]
        share = 100 * c["cache_hits"] / asked if asked else 0.0
        lines.append(f"{'':>26}   cluster : {c['query_total']} recherches de shard "
                     f"({c['query_total'] / max(1, result.requests):.2f} par requête), "
                     f"{c['fetch_total']} lectures ; cache des requêtes {c['cache_hits']} / "
                     f"{asked} ({share:.0f} %)")
    if result.hostile_clients:
        h = result.hostile
        lines.append(f"{'':>26}   {result.hostile_clients} client(s) hostile(s) : {h['n']} "
                     f"requêtes, médiane {h['median_ms']:.0f} ms, p95 {h['p95_ms']:.0f} ms, "
                     f"max {h['max_ms']:.0f} ms, {h['errors']} erreur(s)")
    if result.reindex:
        r = result.reindex
        lines.append(f"{'':>26}   réindexation : code {r['returncode']}, {r['seconds']} s, "
                     f"{r.get('documents')} document(s) écrit(s), {r.get('total')} dans l'index")
    lines += [f"{'':>26}   lent : {line}" for line in result.slowest[:3]
              if float(line.split()[0]) > SLOW_MS]
    lines += [f"{'':>26}   ! {sample}" for sample in result.error_samples]
    if result.error_at_s:
        lines.append(f"{'':>26}   erreurs à (s du début) : "
                     + ", ".join(f"{t:.1f}" for t in result.error_at_s[:20]))
    lines += [f"{'':>26}   sans réponse : {count} × {line}"
              for line, count in result.server_unanswered.items()]
    lines += [f"{'':>26}   serveur : {count} × {line}"
              for line, count in result.server_exceptions.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: run the load test and print (and optionally save) the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.load",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="index folder to serve")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--hostile", type=int, default=0,
                        help="clients sending only long and pathological requests")
    parser.add_argument("--probe", action="store_true",
                        help="first time each kind of hostile request alone")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reindex", type=Path, action="append", metavar="PATH",
                        help="folder to re-index into the same index during a second run")
    parser.add_argument("--rebuild", action="store_true",
                        help="re-index with --rebuild (fresh index swapped in)")
    parser.add_argument("--workers", type=int, default=None,
                        help="server processes (verbatim serve's default: the cores)")
    parser.add_argument("--server-threads", type=int, default=None,
                        help="threads per process (verbatim serve's default: 4, 8 with "
                             "OpenSearch)")
    parser.add_argument("--json", type=Path, help="write the figures to this JSON file")
    parser.add_argument("--opensearch-url", metavar="URL",
                        help="serve the OpenSearch index at URL instead (verbatim serve "
                             "--engine opensearch); --index then only gives the reuse groups")
    parser.add_argument("--opensearch-index", default="verbatim", metavar="ALIAS",
                        help="the index's alias on the cluster")
    parser.add_argument("--jvm-pid", type=int, metavar="PID",
                        help="the cluster's JVM, whose CPU time is reported beside the server's")
    args = parser.parse_args(argv)
    server_env = {"VERBATIM_ENGINE": "opensearch", "VERBATIM_OPENSEARCH_URL":
                  args.opensearch_url, "VERBATIM_OPENSEARCH_INDEX": args.opensearch_index
                  } if args.opensearch_url else None
    if not server_env and not (args.index / "manifest.json").exists():
        parser.error(f"aucun index dans {args.index}")
    results = run_load(args.index, clients=args.clients, seconds=args.seconds, runs=args.runs,
                       reindex=args.reindex, rebuild=args.rebuild,
                       server_threads=args.server_threads, workers=args.workers,
                       hostile=args.hostile, probe_first=args.probe, server_env=server_env,
                       jvm_pid=args.jvm_pid)
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], ensure_ascii=False,
                                        indent=2), encoding="utf-8")
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
