"""The connection to an OpenSearch cluster: the client, its JSON, the time budget of a search
and the reads tried again when a node is lost.

Needs the optional extra `verbatim[opensearch]` (the official `opensearch-py` client); every
module speaking to the cluster (`indexer.opensearch_engine`, `indexer.opensearch_writer`,
`indexer.opensearch_reuse`) makes its client here.
"""

from __future__ import annotations

import base64
import math
import os
import time
from collections.abc import Callable
from contextvars import ContextVar
from functools import lru_cache
from typing import Any
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

import orjson

from indexer import budget
from indexer.engine import (
    IndexMissing,
)

# connections kept open to each node, per process: urllib3 keeps one by default, so the
# threads of a web server (or the indexer's bulk requests in flight) beyond the first opened
# and closed a connection for each request ("Connection pool is full, discarding connection")
POOL = 16
TIMEOUT = 30  # seconds per request (indexing; searches have their own budget, below)
# Every search sent carries a time budget, in its body (`timeout`: the cluster stops
# collecting and answers what it has, `timed_out`) and as the client's wait for the answer
# (MARGIN longer, for the answer to come back). In a web request the budget is what is left
# of the search's (`indexer.budget`), or of the request's outside a search; elsewhere (the
# command line) SEARCH_SECONDS. Every request of the pages' client has one (`bounded`).
SEARCH_SECONDS = 10.0
MARGIN = 1.0
# The body's `timeout` is rounded down to steps of this many milliseconds: the shard request
# cache keys a search by its whole body, and a budget to the millisecond made every body
# unique (no search was ever answered from the cache). The client still waits the exact
# budget; the cluster stops collecting at most a step earlier.
TIMEOUT_STEP_MS = 50

# a read (search, count, get) cut by a node's loss is tried again after 0.1 then 0.3 s: the
# coordinating node has by then dropped the dead node and asks the shard's other copy
READ_BACKOFF = (0.1, 0.3)

# a 500 whose cause is a node gone (its shards move to their replicas meanwhile)
NODE_GONE = ("node_not_connected_exception", "node_disconnected_exception",
             "node_closed_exception", "node closed")



class _Orjson:
    """opensearch-py's JSON serializer with orjson: a search page's answers (thousands of
    facet buckets) were decoded by the standard library in 4 % of the server's Python CPU."""

    mimetype = "application/json"

    def loads(self, s: str | bytes) -> Any:
        """Return the value of a JSON answer."""
        from opensearchpy.exceptions import SerializationError

        try:
            return orjson.loads(s)
        except orjson.JSONDecodeError as exc:
            raise SerializationError(s, exc) from exc

    def dumps(self, data: Any) -> str:
        """Return a request body as JSON text (text or bytes, e.g. bulk lines, are sent as
        they are)."""
        if isinstance(data, str | bytes):
            return data
        return orjson.dumps(data).decode("utf-8")


class _Undecoded:
    """An answer's body that opensearch-py's `.decode()` leaves as bytes (`_connection`)."""

    __slots__ = ("body",)

    def __init__(self, body: bytes):
        self.body = body

    def decode(self, *_: Any) -> bytes:
        """Return the body as it came (UTF-8 bytes)."""
        return self.body


class _Answer:
    """A urllib3 answer whose `data` the connection will not decode (`_connection`)."""

    __slots__ = ("_response",)

    def __init__(self, response: Any):
        self._response = response

    @property
    def data(self) -> _Undecoded:
        """Return the body, to be passed on as bytes."""
        return _Undecoded(self._response.data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._response, name)


@lru_cache(maxsize=1)
def _connection() -> type:
    """Return opensearch-py's urllib3 connection, its answers handed to the serializer as
    the bytes that came: the library decodes each answer to text, which orjson then encodes
    back to UTF-8 before it reads it. Read as bytes, a 1.6 MB answer (a CSV export's
    thousand statements) is parsed in 4.4 ms instead of 2.6 ms of decoding and 6.5 ms of
    parsing; on a search server, that decoding was a fifth of the Python CPU spent on the
    cluster's answers."""
    from opensearchpy import Urllib3HttpConnection

    class BytesConnection(Urllib3HttpConnection):
        def _create_urllib3_pool(self) -> None:
            super()._create_urllib3_pool()
            urlopen = self.pool.urlopen

            def answered(*args: Any, **kwargs: Any) -> _Answer:
                return _Answer(urlopen(*args, **kwargs))

            self.pool.urlopen = answered

        def _raise_error(self, status_code: int, raw_data: Any, content_type=None) -> None:
            # an error's message as text, as the library gives it (a gateway's page)
            if isinstance(raw_data, bytes):
                raw_data = raw_data.decode("utf-8", "surrogatepass")
            super()._raise_error(status_code, raw_data, content_type)

    return BytesConnection


def _nodes(url: str) -> list[SplitResult]:
    """Return the nodes of `url` (commas between URLs), each split, `http://` when it has no
    scheme (« user:password@host:9200 » then keeps its user and password apart)."""
    return [urlsplit(part if "://" in part else "http://" + part)
            for part in (u.strip() for u in url.split(",")) if part]


def connect(url: str, retry_on_timeout: bool = True, budgeted: bool = False):
    """Return an `OpenSearch` client for `url` (several nodes: commas between URLs).
    `retry_on_timeout=False` for searches: one that ran out of time is not sent again;
    `budgeted`: every request waits at most what is left of the time budget (`bounded`), the
    pages' client (indexing keeps TIMEOUT and its own longer waits).

    Credentials may be in the URL (https://user:password@host:9200, escaped as a URL
    escapes them: %40 for an @, %3A for a colon, %25 for a %) or in
    $VERBATIM_OPENSEARCH_USER / $VERBATIM_OPENSEARCH_PASSWORD; an API key in
    $VERBATIM_OPENSEARCH_API_KEY; a private certificate authority in
    $VERBATIM_OPENSEARCH_CA_CERTS. Certificates are always verified. An API key, when one is
    given, is sent instead of the user and password.
    """
    try:
        from opensearchpy import OpenSearch
    except ImportError as exc:  # the optional extra is not installed
        raise IndexMissing("le moteur OpenSearch demande « pip install 'verbatim[opensearch]' »"
                           ) from exc
    hosts, auth = [], None
    for split in _nodes(url):
        if split.username:
            # a URL escapes what its user and password hold (%40 for an @, %3A for a colon,
            # %25 for a %): the cluster is sent them unescaped
            auth = (unquote(split.username), unquote(split.password or ""))
            # the host as written (an IPv6 address keeps its brackets), without the user
            split = split._replace(netloc=split.netloc.rpartition("@")[2])
        hosts.append(urlunsplit(split))
    user = os.environ.get("VERBATIM_OPENSEARCH_USER")
    if user:
        auth = (user, os.environ.get("VERBATIM_OPENSEARCH_PASSWORD", ""))
    options: dict[str, Any] = {"timeout": TIMEOUT, "max_retries": 2,
                               "retry_on_timeout": retry_on_timeout, "serializer": _Orjson(),
                               "pool_maxsize": POOL, "connection_class": _connection()}
    # one Authorization header: the API key when one is given, else the user and password,
    # in UTF-8 as the security plugin reads them (the library's `http_auth` encodes them in
    # Latin-1: a password « Été » was refused, one with a « € » not even sent)
    if os.environ.get("VERBATIM_OPENSEARCH_API_KEY"):
        options["headers"] = {"Authorization": "ApiKey "
                              + os.environ["VERBATIM_OPENSEARCH_API_KEY"]}
    elif auth:
        options["headers"] = {"Authorization": "Basic " + base64.b64encode(
            ":".join(auth).encode("utf-8")).decode("ascii")}
    if os.environ.get("VERBATIM_OPENSEARCH_CA_CERTS"):
        options["ca_certs"] = os.environ["VERBATIM_OPENSEARCH_CA_CERTS"]
    if any(h.startswith("https") for h in hosts):
        options.update(use_ssl=True, verify_certs=True)
    if budgeted:
        options["transport_class"] = _budgeted()
    return OpenSearch(hosts, **options)


def printable_url(url: str) -> str:
    """Return `url` (several nodes: commas between URLs) as it may be printed: a password
    in it replaced by ***.

    >>> printable_url("https://verbatim:s%40cret@node1:9200,https://node2:9200")
    'https://verbatim:***@node1:9200,https://node2:9200'
    """
    parts = []
    for split in _nodes(url):
        if split.password is not None:
            user, _, host = split.netloc.rpartition("@")
            split = split._replace(netloc=f"{user.partition(':')[0]}:***@{host}")
        parts.append(urlunsplit(split))
    return ",".join(parts)


def refusal(exc: Exception) -> str | None:
    """Return why the cluster refused to speak with us, in one line, when it did: the user
    or password (401), the user's rights (403), the server's certificate (TLS)."""
    try:
        from opensearchpy import AuthenticationException, AuthorizationException, SSLError
    except ImportError:  # the extra is missing: the caller says so
        return None
    if isinstance(exc, AuthenticationException):
        return "OpenSearch refuse l'utilisateur ou le mot de passe (401)"
    if isinstance(exc, AuthorizationException):
        return "OpenSearch refuse cette action à cet utilisateur (403) : voir ses rôles"
    if isinstance(exc, SSLError):
        return ("certificat d'OpenSearch non reconnu : son autorité dans "
                "VERBATIM_OPENSEARCH_CA_CERTS (un fichier PEM)")
    return None


def transient(exc: Exception) -> bool:
    """Tell whether `exc` is a failure a read may try again: the node answering or asked
    was lost (connection refused or cut, a 500 caused by a node gone), or a gateway
    answered 502/503/504. A refused query (4xx) or any other 500 is not transient."""
    from opensearchpy import ConnectionError as Unreachable
    from opensearchpy import TransportError

    if isinstance(exc, Unreachable):  # includes a timeout
        return True
    if not isinstance(exc, TransportError):
        return False
    if exc.status_code in (502, 503, 504):
        return True
    # the cause may be nested (root_cause, caused_by, failed_shards): read the whole answer
    return exc.status_code == 500 and any(gone in str(exc.info) for gone in NODE_GONE)


def retried(call: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Return `call(*args, **kwargs)`, a request that may be repeated (a search, a get, a
    delete by query), tried again after READ_BACKOFF when it fails transiently (`transient`):
    at most three attempts and 0.4 s of waiting. A read that ran out of time (the client
    stopped waiting: its budget is spent) is not sent again: under load, a document page's
    lookup of 10 s took 23-24 s by its second attempt. Bulk writes do not come through here
    (`indexer.opensearch_writer` retries them record by record)."""
    from opensearchpy import ConnectionTimeout

    for pause in READ_BACKOFF:
        try:
            return call(*args, **kwargs)
        except Exception as exc:
            if isinstance(exc, ConnectionTimeout) or not transient(exc):
                raise
        time.sleep(pause)
    return call(*args, **kwargs)


def bounded() -> tuple[float, str]:
    """Return the time budget of a request about to be sent: (seconds the client waits for
    the answer, the `timeout` of a search's body). What is left of the search's budget in a
    web request (`indexer.budget`), or of the request's outside a search (a document page's
    lookups), else SEARCH_SECONDS; a search whose budget is spent is still sent, with a
    budget of one millisecond: it answers at once what it found. The body's budget is in
    steps of TIMEOUT_STEP_MS, for the shard request cache.

    Once a request of the page was not answered in time (`silent`), the page's next ones
    wait no later than the request's deadline plus MARGIN, and past that are not sent: the
    client's `ConnectionTimeout` is raised at once (the page says the cluster did not
    answer in time). A stalled cluster made a page wait its budget plus a second for each
    of its requests in turn, and 30 s for those that had no budget (the marks' mapping). A
    slow cluster that answers keeps each request's own MARGIN, as before."""
    from opensearchpy import ConnectionTimeout

    now = time.monotonic()
    outer = budget.request_deadline()
    deadline = budget.current().deadline
    left = min(SEARCH_SECONDS, (deadline if deadline < math.inf else outer) - now)
    left = max(left, 0.001)
    wait = left + MARGIN
    if _silent.get() == outer:
        wait = min(wait, outer + MARGIN - now)
        if wait <= 0:
            raise ConnectionTimeout("TIMEOUT", SPENT, TimeoutError(SPENT))
    ms = int(left * 1000)
    ms = ms - ms % TIMEOUT_STEP_MS if ms >= TIMEOUT_STEP_MS else max(1, ms)
    return wait, f"{ms}ms"


# the deadline of the web request (`indexer.budget.request_deadline`) one of whose requests
# to the cluster was not answered in time (`bounded`): a deadline is the request's own
_silent: ContextVar[float] = ContextVar("verbatim_cluster_silent", default=math.nan)


def silent() -> None:
    """Note that the cluster did not answer a request of this web request in time."""
    if budget.request_deadline() < math.inf:
        _silent.set(budget.request_deadline())


SPENT = "temps de réponse de la requête écoulé"


@lru_cache(maxsize=1)
def _budgeted() -> type:
    """Return opensearch-py's transport, each request it sends bounded by `bounded`: the
    client of the pages (`connect(budgeted=True)`) never waits longer than the page's time
    budget, whatever the call (a mapping, a shard placement, a multi-get), nor longer than
    the wait the caller asked for."""
    from opensearchpy import ConnectionTimeout, Transport

    class BudgetedTransport(Transport):
        def perform_request(self, method, url, params=None, body=None, timeout=None,
                            ignore=(), headers=None):
            wait, _ = bounded()
            params = dict(params or {})
            asked = timeout or params.get("request_timeout")
            params["request_timeout"] = min(float(asked), wait) if asked else wait
            try:
                return super().perform_request(method, url, params=params, body=body,
                                               ignore=ignore, headers=headers)
            except ConnectionTimeout:
                silent()
                raise

    return BudgetedTransport


def opensearch_url(url: str | None = None) -> str:
    """Return the cluster's URL: `url`, else $VERBATIM_OPENSEARCH_URL, else localhost:9200."""
    return url or os.environ.get("VERBATIM_OPENSEARCH_URL") or "http://127.0.0.1:9200"
