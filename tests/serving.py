"""Helpers for tests that need a real `verbatim serve` process."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field


def free_port() -> int:
    """Return a TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def verbatim_serve(index_dir, *options: str, env: dict | None = None, seconds: float = 30):
    """Run `verbatim serve --index INDEX_DIR OPTIONS` on a free port, `env` added to ours;
    yield its base URL once it serves its style sheet; fail with its stderr if it does not
    within `seconds` (a deadline against a server that never starts, not a speed check:
    beside eight busy processes on two cores, a server on two folders of the shared corpus
    answered after 10 to 15 s)."""
    import os

    import pytest

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "indexer.cli", "serve", "--index", str(index_dir), "--port",
         str(port), *options], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/static/style.css", timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    pytest.fail("verbatim serve did not start: " + process.stderr.read().decode())
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


@dataclass
class SearchLoop:
    """Counts of a client searching in a loop."""

    requests: int = 0
    errors: list[str] = field(default_factory=list)
    last_total: int | None = None
    stop: threading.Event = field(default_factory=threading.Event)


@contextlib.contextmanager
def search_loop(base: str, query: str):
    """Search `query` through the JSON API in a loop until the block ends."""
    loop = SearchLoop()
    url = f"{base}/api/search?q={urllib.parse.quote(query)}"

    def run():
        while not loop.stop.is_set():
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    loop.last_total = json.load(response)["total"]
                loop.requests += 1
            except Exception as exc:  # noqa: BLE001 - every failure is what we count
                loop.errors.append(repr(exc))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield loop
    finally:
        loop.stop.set()
        thread.join(timeout=60)
