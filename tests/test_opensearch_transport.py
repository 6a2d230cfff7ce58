"""How the server talks to the cluster over plain HTTP: the standard library's `http.client`,
one connection kept open per thread and node, failing as opensearch-py's own connection does.

A request is sent on the thread's open connection; a node that closed that connection while it
was idle gets a new one, not an error; a node that takes too long to answer is a timeout (not
sent again), a node that cannot be reached is an unreachable node (its searches go to the
others). The nodes here are small socket servers on loopback: what is checked is how the client
behaves when a node misbehaves, which a healthy cluster never shows.
"""

from __future__ import annotations

import socket
import threading
from contextlib import closing, contextmanager

import pytest

opensearchpy = pytest.importorskip("opensearchpy")

from indexer.opensearch_engine import _client, transient  # noqa: E402

ANSWER = b'{"hits": {"total": {"value": 3, "relation": "eq"}, "hits": []}}'


@contextmanager
def node(behaviour):
    """A listening socket on loopback whose connections `behaviour(conn)` serves; yields its
    URL and the list of connections it accepted."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            accepted.append(conn)
            threading.Thread(target=behaviour, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}", accepted
    finally:
        server.close()
        for conn in accepted:
            conn.close()


def _read_request(conn: socket.socket) -> bool:
    """Read one request (headers and its Content-Length body); False at the end (the
    client, or the test ending, closed the connection)."""
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return False
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                       if line.lower().startswith(b"content-length:")), 0)
        while len(body) < length:
            body += conn.recv(65536)
    except OSError:
        return False
    return True


def _answer(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=UTF-8\r\n"
                 b"content-length: %d\r\n\r\n%s" % (len(ANSWER), ANSWER))


def keeps_answering(conn: socket.socket) -> None:
    while _read_request(conn):
        _answer(conn)


CLOSED = threading.Event()


def answers_once_then_closes(conn: socket.socket) -> None:
    """Answers a first request as if the connection stayed open, then closes it (a node
    restarted, a proxy's idle timeout)."""
    if _read_request(conn):
        _answer(conn)
        conn.close()
        CLOSED.set()


def never_answers(conn: socket.socket) -> None:
    _read_request(conn)
    threading.Event().wait(5)


def _search(client, **params):
    return client.search(index="verbatim", body={"query": {"match_all": {}}}, **params)


def test_the_searches_of_a_thread_share_one_open_connection():
    with node(keeps_answering) as (url, accepted), \
            closing(_client(url, retry_on_timeout=False)) as client:
        for _ in range(3):
            assert _search(client)["hits"]["total"]["value"] == 3
        assert len(accepted) == 1


def test_a_connection_the_node_closed_while_idle_is_opened_again():
    with node(answers_once_then_closes) as (url, accepted), \
            closing(_client(url, retry_on_timeout=False)) as client:
        (connection,) = client.transport.connection_pool.connections
        CLOSED.clear()
        assert _search(client)["hits"]["total"]["value"] == 3
        assert CLOSED.wait(5)  # while the client's connection was idle
        # the same connection asked directly: no retry of the transport hides a failure
        status, _, body = connection.perform_request("POST", "/verbatim/_search", body=b"{}")
        assert (status, body) == (200, ANSWER)
        assert len(accepted) == 2


def test_a_node_slower_than_the_time_allowed_is_a_timeout_not_sent_again():
    with node(never_answers) as (url, accepted), \
            closing(_client(url, retry_on_timeout=False)) as client:
        with pytest.raises(opensearchpy.ConnectionTimeout):
            _search(client, request_timeout=0.2)
        assert len(accepted) == 1


def test_a_node_that_cannot_be_reached_is_unreachable_and_transient():
    with socket.create_server(("127.0.0.1", 0)) as probe:
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    # nothing listens there any more
    with closing(_client(url, retry_on_timeout=False)) as client, \
            pytest.raises(opensearchpy.ConnectionError) as failed:
        _search(client)
    assert not isinstance(failed.value, opensearchpy.ConnectionTimeout)
    assert transient(failed.value)


def test_an_error_status_is_the_library_s_error():
    def refuses(conn: socket.socket) -> None:
        body = b'{"error": {"type": "index_not_found_exception"}, "status": 404}'
        while _read_request(conn):
            conn.sendall(b"HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\n"
                         b"content-length: %d\r\n\r\n%s" % (len(body), body))

    with node(refuses) as (url, _), closing(_client(url, retry_on_timeout=False)) as client, \
            pytest.raises(opensearchpy.NotFoundError) as failed:
        _search(client)
    assert failed.value.error == "index_not_found_exception"
