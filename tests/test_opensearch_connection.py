"""How the client speaks plain HTTP to a node (`indexer.opensearch_client._lean_connection`):
connections kept open from one request to the next, one the node closed replaced, a body
sent in UTF-8, and each failure reported as the error opensearch-py's retries expect.

The node here is a small HTTP server of the standard library answering what a test tells
it: what is checked is the connection's own work (sockets, bytes, errors). What OpenSearch
answers is checked against a real cluster (tests/test_opensearch_*.py).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

opensearchpy = pytest.importorskip("opensearchpy")

from indexer.opensearch_client import connect, transient  # noqa: E402


class Node(BaseHTTPRequestHandler):
    """Answers every request with JSON; `server.behaviour` says how."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *_):
        pass

    def do_POST(self):  # noqa: N802 - http.server's name
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        server = self.server
        server.seen.append((self.path, body, self.client_address[1]))
        status, close, pause = server.behaviour
        time.sleep(pause)
        answer = json.dumps({"asked": body.decode("utf-8"), "path": self.path,
                             "error": "index_not_found_exception" if status == 404 else None
                             }, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(answer)))
        if close:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(answer)
        if close:
            self.close_connection = True


@pytest.fixture
def node():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Node)
    server.daemon_threads = True
    server.seen = []
    server.behaviour = (200, False, 0.0)
    server.clients = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    for client in server.clients:
        client.close()
    server.shutdown()
    server.server_close()


def _client(server, port: int | None = None):
    client = connect(f"http://127.0.0.1:{port or server.server_address[1]}",
                     retry_on_timeout=False)
    server.clients.append(client)
    return client


def test_requests_share_one_open_connection_and_send_their_body_in_utf8(node):
    client = _client(node)
    for word in ("rivière", "lanceur d'alerte", "Élisabeth"):
        answer = client.search(index="verbatim", body={"query": {"match": {"text": word}}})
        assert json.loads(answer["asked"]) == {"query": {"match": {"text": word}}}
    assert len({port for _, _, port in node.seen}) == 1  # one connection, kept open
    assert node.seen[0][0] == "/verbatim/_search"


def test_a_connection_the_node_closed_is_replaced_not_failed(node):
    client = _client(node)
    node.behaviour = (200, True, 0.0)  # the node closes each connection after answering
    for _ in range(3):
        assert client.search(index="verbatim", body={"size": 0})["path"] == "/verbatim/_search"
    assert len({port for _, _, port in node.seen}) == 3


def test_an_answer_outside_2xx_is_the_librarys_error_with_its_message(node):
    client = _client(node)
    node.behaviour = (404, False, 0.0)
    with pytest.raises(opensearchpy.NotFoundError) as found:
        client.search(index="absent", body={"size": 0})
    assert "index_not_found_exception" in str(found.value.info)
    node.behaviour = (200, False, 0.0)  # the connection still serves the next request
    assert client.search(index="verbatim", body={"size": 0})["path"] == "/verbatim/_search"


def test_a_node_too_slow_is_a_timeout_and_one_not_listening_a_lost_connection(node):
    client = _client(node)
    node.behaviour = (200, False, 1.0)
    with pytest.raises(opensearchpy.ConnectionTimeout):
        client.search(index="verbatim", body={"size": 0}, request_timeout=0.2)
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    gone = _client(node, port)
    with pytest.raises(opensearchpy.ConnectionError) as lost:
        gone.search(index="verbatim", body={"size": 0})
    assert transient(lost.value)
