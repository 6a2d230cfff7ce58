"""A cluster that stops answering, for the tests of the time budget: a TCP proxy in front of
one node's HTTP port. While it flows it passes every byte both ways; stalled (`stall`), it
still accepts connections and reads what is sent, and passes nothing on: the node never
hears the request, and the client waits for an answer that does not come, as with a node
whose JVM is paused (SIGSTOP) or a network that drops its packets. When it flows again
(`resume`), the connections held are closed, not replayed: a client that gave up on them
has moved on.

The test cluster's three nodes run in one JVM: pausing it (SIGSTOP) would stall every node
and every other test's searches; the proxy stalls what one client sees only.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

CHUNK = 1 << 16
LOOK = 0.05  # seconds between two looks at whether the proxy flows again


class StallingProxy:
    """A proxy of the node at `target` (its HTTP URL), reached at `url`."""

    def __init__(self, target: str):
        split = urlsplit(target)
        self.target = (split.hostname or "127.0.0.1", split.port or 9200)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._flowing = threading.Event()
        self._flowing.set()
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._held: set[socket.socket] = set()  # connections that received while stalled
        self._open: set[socket.socket] = set()
        self.held_requests = 0  # requests (connections' first bytes) held while stalled
        threading.Thread(target=self._accept, daemon=True).start()

    def stall(self) -> None:
        """Stop passing anything on."""
        self._flowing.clear()

    def resume(self) -> None:
        """Pass again; close the connections that were held."""
        with self._lock:
            held, self._held = self._held, set()
        for sock in held:
            _close(sock)
        self._flowing.set()

    @contextmanager
    def stalled(self) -> Iterator[StallingProxy]:
        """Stall for the block's duration."""
        self.stall()
        try:
            yield self
        finally:
            self.resume()

    def close(self) -> None:
        """Stop listening and close every connection."""
        self._closed.set()
        self._flowing.set()
        _close(self._listener)
        with self._lock:
            open_ = list(self._open)
        for sock in open_:
            _close(sock)

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._open.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink, client, upstream),
                                 daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, *pair: socket.socket) -> None:
        try:
            while True:
                data = source.recv(CHUNK)
                if not data:
                    break
                if not self._flowing.is_set():
                    with self._lock:
                        self._held.update(pair)
                        if source is pair[0]:
                            self.held_requests += 1
                    while not self._flowing.wait(LOOK):
                        pass
                    with self._lock:
                        dropped = pair[0] not in self._held
                    if dropped or self._closed.is_set():
                        break  # closed by `resume`: never replayed
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in pair:
                _close(sock)
            with self._lock:
                self._open.difference_update(pair)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
