"""The distributed engine: an index on an OpenSearch cluster (`indexer.engine.Engine`).

Needs the optional extra `verbatim[opensearch]` (the official `opensearch-py` client).

* The mapping (`index_body`) analyses French as `indexer.analysis` does: the same tokenizer
  pattern, elision, lowercase, ASCII folding, the same stop words, the feminine participle
  rule, Snowball French stems; `title.exact` and `text.exact` keep every word unstemmed for
  phrases and quotations; facets are keywords, dates are dates; quotations are records of
  their own (`type: quote`), as in the Whoosh index. A statement in another language than
  French is not stemmed in French (as `indexer.analysis.LangText` on Whoosh): its title and
  text go to `title_other` and `text_other`, folded words only (`OTHER`).
* Queries are parsed once, by `indexer.query`, into analysed terms; `dsl()` writes the same
  query for OpenSearch, so both engines look up the same terms.
* A search is one request: the query and the date filter select the records, the facet
  selections are a `post_filter`, each facet is counted under the other facets' selections
  (disjunctive facets) and the histogram under all of them.
* Reads are tried again for a moment when a node is lost under them (`retried`).
* Indexing into the cluster is `indexer.opensearch_writer`.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import orjson
from rapidfuzz.distance import OSA
from whoosh import query as wq

from indexer import budget
from indexer.analysis import APOSTROPHES, ELISIONS, STOP_WORDS, exact_word, word_term
from indexer.document import Document
from indexer.engine import (
    IN_RECORD,
    Found,
    IndexMissing,
    Plan,
    Unsupported,
    _loads,
    best_label,
    document_summary,
    facet_key,
    record_hit,
    resolve_facet_terms,
    speaking_by_search,
    stored_data,
    top_counts,
)
from indexer.matching import ALL_WORDS_UP_TO, MIN_MATCHES
from indexer.opensearch_passages import (
    ELIDABLE,
    PAIRS,
    cluster_passages,
    mark_hits,
    passage_analysis,
    passes_selections,
    pin_passages,
)
from indexer.passages import (
    NO_PAIRS,
    Passage,
    passage_query,
    passages_note,
    record_pairs,
    together_pairs,
)
from indexer.query import FACET_FIELDS, parse_query, plain_terms, query_terms
from indexer.schema import stored_document
from indexer.spelling import (
    MAX_TIES,
    PREFIX,
    SUFFIX,
    Lexicon,
    Spelling,
    build_lexicon,
    check_spelling,
    correctable,
    max_distance,
    spelling_key,
)

DEFAULT_ALIAS = "verbatim"
FACET_VALUES = 10_000  # values of a facet read for its labels, and of the whole year facet
VALUES_TTL = 10.0  # seconds a facet's list of values is kept for resolving `speaker:X`
# seconds the record counts of the words searched are kept: they only decide whether a word
# is unknown or rare enough to be corrected, and a request is saved on most searches
COUNTS_TTL = 60.0
# connections kept open to each node, per process: urllib3 keeps one by default, so the
# threads of a web server (or the indexer's bulk requests in flight) beyond the first opened
# and closed a connection for each request ("Connection pool is full, discarding connection")
POOL = 16
TIMEOUT = 30  # seconds per request (indexing; searches have their own budget, below)
# Every search sent carries a time budget, in its body (`timeout`: the cluster stops
# collecting and answers what it has, `timed_out`) and as the client's wait for the answer
# (MARGIN longer, for the answer to come back). In a web request the budget is what is left
# of the search's (`indexer.budget`); elsewhere (command line, exports) SEARCH_SECONDS.
SEARCH_SECONDS = 10.0
MARGIN = 1.0
# The body's `timeout` is rounded down to steps of this many milliseconds: the shard request
# cache keys a search by its whole body, and a budget to the millisecond made every body
# unique (no search was ever answered from the cache). The client still waits the exact
# budget; the cluster stops collecting at most a step earlier.
TIMEOUT_STEP_MS = 50
# statements whose « more like this » neighbours are kept, and for how long: Whoosh keeps
# them for its index's version; here a re-indexed statement's list may be a minute old
SIMILAR_CACHE = 2000
SIMILAR_TTL = 60.0
# records read by id are kept this long, for the same page's next lookups: the statement of
# each quotation listed is read with the hits, then again by the template (reuse marks)
SEEN_TTL = 2.0
SEEN_RECORDS = 1000
# A new index is searched (`warm_index`) for about this many seconds before its alias moves
# to it ($VERBATIM_OPENSEARCH_WARM_SECONDS; 0: not at all), when it holds WARM_MIN_DOCS
# statements or more: at most WARM_ROUNDS rounds of
# every page's searches on each node holding a copy, WARM_WORDS words and speakers taken from
# its latest statements, an export's WARM_EXPORT hits
WARM_SECONDS = float(os.environ.get("VERBATIM_OPENSEARCH_WARM_SECONDS", "8"))
# statements: a smaller index is searched in a few ms, warm or not
# ($VERBATIM_OPENSEARCH_WARM_MIN_DOCS)
WARM_MIN_DOCS = int(os.environ.get("VERBATIM_OPENSEARCH_WARM_MIN_DOCS", "20000"))
# nodes that have each run this many searches (shard queries) since they started are warm:
# an index built on them is not warmed (at 250k the warming cost a build 10 s and 19 s of
# the cluster's CPU; a first 16-client load run is about 6,000 shard queries a node)
WARM_SERVED = 20_000
WARM_ROUNDS = 12
WARM_WORDS = 12
WARM_EXPORT = 1000
# a bounded facet asks for this many labels more than it shows: the labels tied with the
# last one shown are then most often all there (else they are asked for: `_untie`)
SPARE_VALUES = 20
# Searches may be answered from each shard copy's request cache (OpenSearch keeps only the
# size-0 ones unless asked): the query phase of a page (its hits' order, facet counts and
# histogram) is then read, not computed; the cache is emptied at each refresh, so no answer
# outlives a change of the index. A search that ran out of time is never kept.
REQUEST_CACHE = True
# a read (search, count, get) cut by a node's loss is tried again after 0.1 then 0.3 s: the
# coordinating node has by then dropped the dead node and asks the shard's other copy
READ_BACKOFF = (0.1, 0.3)
# Reads are answered by the shard copies of the node asked when it holds some (`_local`),
# else by the copies the cluster chooses: a node without a copy passes the hits on to the
# one that has it, each serialised twice more (a CSV export's thousand hits: 25 ms of the
# cluster's CPU on a node with a copy, 33 ms on one without). A client given every node's
# URL spreads the load over them; each node's copies keep their own request cache.
PREFERENCE = "_local"
# a 500 whose cause is a node gone (its shards move to their replicas meanwhile)
NODE_GONE = ("node_not_connected_exception", "node_disconnected_exception",
             "node_closed_exception", "node closed")
# keywords searched, sorted or counted: `id` (lookups, the date order's tie-break), `type`,
# `parent` (a statement's quotations), `source`, and the facets
KEYWORDS = ("id", "type", "parent", "source", "kind", "year", "speaker", "theme", "lang")
# kept for display and for the indexer (in `_source`) but never searched, sorted or counted
# on the cluster: not indexed, no doc values, as Whoosh's stored fields (measured on `real`:
# the cluster's CPU for a build 16.6-18.6 s before, 14.6-15.2 s after)
SHOWN = ("root", "record", "format", "dated", "month", "place", "function", "text_hash")
# Each facet value is also written folded (`indexer.engine.facet_key`: « Relance économique »
# and « Relance economique » are « relance economique »), in a field only counted (doc values,
# not searched): one terms aggregation then gives each label's count, every spelling merged,
# a record counted once whatever its spellings (as Whoosh counts a label's records). Years
# are their own keys. An index written before these fields existed lacks the mark KEYED in
# its mapping's `_meta`: it is counted by spelling (`OpenSearchCatalog._facet_agg`).
FACET_KEYS = {"speaker": "speaker_key", "theme": "theme_key", "kind": "kind_key",
              "lang": "lang_key"}
KEYED = "facet_keys"
# A statement detected as in another language than French (`indexer.language`) is indexed
# without French stop words or stems, as Whoosh indexes it (`indexer.analysis.LangText`): its
# title and text are sent as these fields, analysed as folded words (with positions, for
# phrases too), and read back under their own names (`shown`). A plain word finds it by the
# French term and by the word as typed (`indexer.matching.with_foreign_forms`).
OTHER = {"title": "title_other", "text": "text_other"}
LANGUAGES = "languages"  # `marks`: the index's mapping has them
_SHOWN_AS = {other: name for name, other in OTHER.items()}
# A statement's speakers with their functions and its date, as JSON (`profile_of`), kept in
# doc values (not searched; in `_source` too, see `index_body`): a speaker page reads them for its
# 500 latest statements (`OpenSearchCatalog.speaking`) instead of 500 whole records (their
# `_source` decompressed, sent and parsed: ~7 ms of the cluster's CPU and ~6 ms of the
# server's a page). A value past PROFILE_CHARS is not kept (Lucene's terms stop at 32,766
# bytes): that statement's record is read instead. An index without the mark PROFILED in
# its `_meta` has no such values: its speaker pages read the records, as before.
PROFILE = "profile"
PROFILED = "profiles"
PROFILE_CHARS = 4000
# Pasted passages are found by their word pairs (`indexer.opensearch_passages`): an index
# written from session 19 on holds none, each pair is found as two words side by side in the
# records' exact words (`title.exact`, `text.exact`, with positions): the pairs indexed
# doubled the cluster's CPU of writing. An index with the mark PAIRED (sessions 17-18) holds
# each statement's and quotation's distinct word pairs (`indexer.passages.record_pairs`, the
# terms of Whoosh's `shingle` field) in `PAIRS`, a field only searched for which records hold
# a pair; it is still written and searched so. The mark PHRASED: an index built without
# them, with the analyzer of their words (`indexer.opensearch_passages.passage_analysis`);
# an index with neither mark (before session 17) finds no passages until rebuilt.
PAIRED = "pairs"
PHRASED = "pair_phrases"
PAIR_CHARS = 256  # a pair longer than this (a word of a binary blob) is not indexed
# The pairs are sent as one string, a pair a line, cut into the same terms by the cluster
# (`pair_lines`): sent as a keyword array (one value a pair, each its own Lucene field; an
# index without this mark), the cluster's CPU writing 50k statements was 12 % higher
# (20.6 s against 18.4, `bench.quote_pairs_cost`). Queries are the same term queries.
PAIR_LINES = "pair_lines"


def pair_field(pairs: list[str], lines: bool = True) -> str | list[str]:
    """Return the value of `PAIRS` sent for a record's pairs: one string, a pair a line
    (`PAIR_LINES`), or the list for an index written before.

    >>> pair_field(["tout le", "le monde"]), pair_field(["tout le"], lines=False)
    ('tout le\\nle monde', ['tout le'])
    """
    return "\n".join(pairs) if lines else pairs


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


def _client(url: str, retry_on_timeout: bool = True):
    """Return an `OpenSearch` client for `url` (several nodes: commas between URLs).
    `retry_on_timeout=False` for searches: one that ran out of time is not sent again.

    Credentials may be in the URL (https://user:password@host:9200) or in
    $VERBATIM_OPENSEARCH_USER / $VERBATIM_OPENSEARCH_PASSWORD; an API key in
    $VERBATIM_OPENSEARCH_API_KEY; a private certificate authority in
    $VERBATIM_OPENSEARCH_CA_CERTS. Certificates are always verified.
    """
    try:
        from opensearchpy import OpenSearch
    except ImportError as exc:  # the optional extra is not installed
        raise IndexMissing("le moteur OpenSearch demande « pip install 'verbatim[opensearch]' »"
                           ) from exc
    hosts, auth = [], None
    for part in (u.strip() for u in url.split(",") if u.strip()):
        split = urlsplit(part if "://" in part else "http://" + part)
        if split.username:
            auth = (split.username, split.password or "")
            split = split._replace(netloc=split.hostname + (f":{split.port}" if split.port
                                                            else ""))
        hosts.append(urlunsplit(split))
    user = os.environ.get("VERBATIM_OPENSEARCH_USER")
    if user:
        auth = (user, os.environ.get("VERBATIM_OPENSEARCH_PASSWORD", ""))
    options: dict[str, Any] = {"timeout": TIMEOUT, "max_retries": 2,
                               "retry_on_timeout": retry_on_timeout, "serializer": _Orjson(),
                               "pool_maxsize": POOL, "connection_class": _connection()}
    if auth:
        options["http_auth"] = auth
    if os.environ.get("VERBATIM_OPENSEARCH_API_KEY"):
        options["headers"] = {"Authorization": "ApiKey "
                              + os.environ["VERBATIM_OPENSEARCH_API_KEY"]}
    if os.environ.get("VERBATIM_OPENSEARCH_CA_CERTS"):
        options["ca_certs"] = os.environ["VERBATIM_OPENSEARCH_CA_CERTS"]
    if any(h.startswith("https") for h in hosts):
        options.update(use_ssl=True, verify_certs=True)
    return OpenSearch(hosts, **options)


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
    """Return the time budget of a search about to be sent: (seconds the client waits for
    the answer, the `timeout` of its body). What is left of the search's budget in a web
    request (`indexer.budget`), else SEARCH_SECONDS; a search whose budget is spent is
    still sent, with a budget of one millisecond: it answers at once what it found. The
    body's budget is in steps of TIMEOUT_STEP_MS, for the shard request cache."""
    left = min(SEARCH_SECONDS, budget.current().deadline - time.monotonic())
    left = max(left, 0.001)
    ms = int(left * 1000)
    ms = ms - ms % TIMEOUT_STEP_MS if ms >= TIMEOUT_STEP_MS else max(1, ms)
    return left + MARGIN, f"{ms}ms"


def complete(answer: dict[str, Any]) -> dict[str, Any]:
    """Return a search's `answer`, all shards heard. A shard that failed (its node lost)
    raises a transient error, tried again by `retried`, rather than smaller totals; a search
    stopped by its time budget (`timed_out`) answers what it found, and the page says so."""
    from opensearchpy import TransportError

    if answer.get("_shards", {}).get("failed"):
        raise TransportError(503, "shard_failure", answer)
    if answer.get("timed_out"):
        budget.current().cut(budget.INTERRUPTED)
    for hit in answer.get("hits", {}).get("hits", ()):
        if "_source" in hit:
            shown(hit["_source"])
    return answer


def shown(record: dict[str, Any]) -> dict[str, Any]:
    """Return a record as read (in place): the title and text of a statement in another
    language under their usual names (`OTHER`)."""
    if "text_other" in record or "title_other" in record:
        for other, name in _SHOWN_AS.items():
            if other in record:
                record[name] = record.pop(other)
    return record


def foreign(lang: str | None) -> bool:
    """Tell whether a statement of this language is indexed unstemmed (`OTHER`)."""
    return lang not in (None, "", "fr")


def opensearch_url(url: str | None = None) -> str:
    """Return the cluster's URL: `url`, else $VERBATIM_OPENSEARCH_URL, else localhost:9200."""
    return url or os.environ.get("VERBATIM_OPENSEARCH_URL") or "http://127.0.0.1:9200"


# --- The mapping: `indexer.analysis` in OpenSearch's terms.

@lru_cache(maxsize=1)
def word_pattern() -> str:
    """Return `indexer.analysis.WORD_PATTERN` in Lucene's regular expressions, for the
    `simple_pattern` tokenizer: Python's `\\w` written out as the ranges of code points it
    matches (Lucene's `\\w` is ASCII only), then the same inner apostrophes.

    Lucene runs it as one deterministic automaton, where the `pattern` tokenizer ran Java's
    backtracking regular expressions (the tokenizer's share of the cluster's indexing CPU,
    sampled: 12 % before, 9 % after). Being Python's own `\\w`, it also splits words where
    Whoosh does (a combining accent is not a word character in Python, but was in Java's
    `(?U)\\w`).

    The cluster builds the automaton again for each tokenizer it makes (`simple_pattern`
    keeps the pattern, not the automaton): every thread writing or searching, for each field
    of each new index. Its cost grows faster than the number of ranges, so two ranges apart
    only by code points no character is assigned to (`Cn`, never in a text) are written as
    one: 381 ranges instead of 734, and the pattern's word class written once per repetition
    (`W([A]?W)*`, the same words as `W+([A]W+)*`): 20 ms instead of 78 ms a tokenizer
    (Lucene 9.12, warm), for the same tokens on every assigned character."""
    ranges: list[list[int]] = []
    for point in range(0x110000):
        if 0xD800 <= point <= 0xDFFF or not _WORD_CHAR.match(chr(point)):
            continue
        if ranges and (ranges[-1][1] == point - 1 or _unassigned(ranges[-1][1] + 1, point)):
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    # every range's ends are letters, digits or "_": nothing to escape in Lucene's syntax
    word = "[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]"
    return f"{word}([{APOSTROPHES}]?{word})*"


def _unassigned(start: int, end: int) -> bool:
    """Tell whether no character is assigned to any code point from `start` to `end` - 1."""
    return all(unicodedata.category(chr(point)) == "Cn" for point in range(start, end))


_WORD_CHAR = re.compile(r"\w")


def index_body(shards: int | None = None, replicas: int | None = None) -> dict[str, Any]:
    """Return the settings and mapping of a Verbatim index.

    One shard holds tens of millions of statements; replicas (1 by default) keep every
    search answered when a node is lost. $VERBATIM_OPENSEARCH_SHARDS and
    $VERBATIM_OPENSEARCH_REPLICAS change the defaults.
    """
    shards = shards or int(os.environ.get("VERBATIM_OPENSEARCH_SHARDS", "1"))
    if replicas is None:
        replicas = int(os.environ.get("VERBATIM_OPENSEARCH_REPLICAS", "1"))
    analysis = {
        "tokenizer": {"verbatim_words": {"type": "simple_pattern", "pattern": word_pattern()}},
        "filter": {
            "verbatim_elision": {"type": "elision", "articles_case": True, "articles": [
                "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu",
                "puisqu"]},
            "verbatim_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
            # feminine past participles, folded (« protegee », « protegees » → « protege »):
            # see `indexer.analysis.ParticipleFilter`. One expression for both endings: each
            # word is matched once, not twice
            "verbatim_participle": {"type": "pattern_replace",
                                    "pattern": "^(.{5,}e)e$|^(.{4,}e)es$",
                                    "replacement": "$1$2"},
            "verbatim_stemmer": {"type": "snowball", "language": "French"},
        },
        "analyzer": {
            "verbatim_french": {"type": "custom", "tokenizer": "verbatim_words", "filter": [
                "verbatim_elision", "lowercase", "asciifolding", "verbatim_stop",
                "verbatim_participle", "verbatim_stemmer"]},
            "verbatim_exact": {"type": "custom", "tokenizer": "verbatim_words",
                               "filter": ["lowercase", "asciifolding"]},
        },
    }
    # a pasted passage's word pairs, searched in the exact words (`PHRASED`)
    for kind, settings in passage_analysis().items():
        analysis[kind].update(settings)
    # stems are matched word by word and scored (BM25): no positions; phrases and quotations
    # are matched on the unstemmed `exact` words, which keep theirs
    text = {"type": "text", "analyzer": "verbatim_french", "index_options": "freqs",
            "fields": {"exact": {"type": "text", "analyzer": "verbatim_exact"}}}
    properties: dict[str, Any] = {name: {"type": "keyword"} for name in KEYWORDS}
    properties.update({name: {"type": "keyword", "index": False, "doc_values": False}
                       for name in SHOWN})
    properties.update({key: {"type": "keyword", "index": False, "doc_values": True}
                       for key in FACET_KEYS.values()})
    properties.update({
        "title": text, "text": text,
        # a statement in another language (`OTHER`): folded words, with positions
        **{other: {"type": "text", "analyzer": "verbatim_exact"} for other in OTHER.values()},
        "date": {"type": "date", "format": "strict_date_optional_time"},
        "position": {"type": "integer", "index": False, "doc_values": False},
        # the Document as JSON, but what the other fields hold (`slim_data`), never searched
        "data": {"type": "keyword", "index": False, "doc_values": False},
        PROFILE: {"type": "keyword", "index": False, "doc_values": True,
                  "ignore_above": PROFILE_CHARS},
    })
    # `_source` keeps every field sent: a field left out of it (`excludes`) makes each record
    # store its whole source a second time (`_recovery_source`, for copying shards; dropped
    # only by merges, hours later), every hit read then decompressing both
    return {"settings": {"number_of_shards": shards, "number_of_replicas": replicas,
                         "analysis": analysis},
            "mappings": {"_meta": {KEYED: 1, PROFILED: 1, PHRASED: 1},
                         "dynamic": "strict", "properties": properties}}


def with_pairs(body: dict[str, Any], lines: bool = True) -> dict[str, Any]:
    """Return `index_body`'s `body` as an index of sessions 17-18 had it: with the word pairs
    (`PAIRS`, the mark PAIRED), a pair a line (`PAIR_LINES`) or, without `lines`, a keyword
    array; the writer keeps sending them to such an index (for tests and benchmarks)."""
    mappings, analysis = body["mappings"], body["settings"]["analysis"]
    del mappings["_meta"][PHRASED]
    mappings["_meta"][PAIRED] = 1
    if not lines:
        mappings["properties"][PAIRS] = {"type": "keyword", "doc_values": False,
                                         "norms": False, "index_options": "docs",
                                         "ignore_above": PAIR_CHARS}
        return body
    mappings["_meta"][PAIR_LINES] = 1
    # a pair longer than PAIR_CHARS is dropped as `ignore_above` drops it (a token is cut
    # at max_token_length: past any PAIR_CHARS)
    analysis["tokenizer"][PAIR_LINES] = {"type": "char_group", "tokenize_on_chars": ["\\n"],
                                         "max_token_length": 1 << 20}
    analysis["filter"][PAIR_LINES] = {"type": "length", "max": PAIR_CHARS}
    analysis["analyzer"][PAIR_LINES] = {"type": "custom", "tokenizer": PAIR_LINES,
                                        "filter": [PAIR_LINES]}
    mappings["properties"][PAIRS] = {"type": "text", "analyzer": PAIR_LINES, "norms": False,
                                     "index_options": "docs"}
    return body


def marks(client, index: str) -> set[str]:
    """Return the marks of `index_body`'s `_meta` (KEYED, PROFILED, PAIRED) that every index
    behind `index` (an alias or a name) has: the fields its mapping holds."""
    mappings = retried(client.indices.get_mapping, index=index)
    metas = [m.get("mappings", {}).get("_meta") or {} for m in mappings.values()]
    held = {mark for mark in (KEYED, PROFILED, PAIRED, PAIR_LINES, PHRASED)
            if metas and all(m.get(mark) for m in metas)}
    # the fields of statements in another language (`OTHER`), which an index written before
    # gains at its next run (`indexer.opensearch_writer.language_fields`)
    fields = [m.get("mappings", {}).get("properties") or {} for m in mappings.values()]
    if fields and all(OTHER["text"] in f for f in fields):
        held.add(LANGUAGES)
    return held


def profile_of(date: str | None, speakers: list[tuple[str, str | None]]) -> str:
    """Return a statement's `PROFILE` value: its date and its speakers' (name, function)
    pairs as the hits of a search give them (`indexer.engine.record_hit`), as JSON."""
    return orjson.dumps({"date": date, "speakers": speakers}).decode("utf-8")


# the facet values of a corpus are few and repeated (a speaker's name on each of their
# statements): each is folded once (250k statements: 1.9 s of folding, 0.3 s)
_folded = lru_cache(maxsize=1 << 16)(facet_key)


def with_keys(record: dict[str, Any]) -> dict[str, Any]:
    """Add to a statement's or quotation's record its facet values folded (`FACET_KEYS`)."""
    for facet, field in FACET_KEYS.items():
        value = record.get(facet)
        if isinstance(value, list):
            record[field] = list(dict.fromkeys(map(_folded, value)))
        elif value is not None:
            record[field] = _folded(value)
    return record


_NOT_SENT = frozenset(("exact", "shingle"))  # Whoosh's own fields (`exact` is a sub-field here)
_LISTS = frozenset(("speaker", "function", "theme"))  # Whoosh's comma-separated keywords


def source(fields: dict[str, Any], keys: bool = True, profile: bool = True,
           pairs: bool = False, lines: bool = True) -> dict[str, Any]:
    """Return the OpenSearch record of the fields `indexer.schema` makes for Whoosh (with its
    facet values folded, `with_keys`, unless `keys` is false, a statement's `PROFILE`
    unless `profile` is false, and the word pairs of Whoosh's `shingle` text (`PAIRS`)
    if `pairs`, for an index that holds them (`with_pairs`); a pair a line unless `lines` is
    false, `pair_field`)."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if value is None or name[0] == "_" or name in _NOT_SENT:
            continue
        if name in _LISTS:
            value = [v for v in str(value).split(",") if v]
        elif name == "title" or name == "text":
            value = str(fields.get("_stored_" + name, value))
            if fields.get("type") == "doc" and foreign(fields.get("lang")):
                name = OTHER[name]
        elif isinstance(value, datetime):
            value = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        out[name] = value
    if profile and out.get("type") == "doc" and "data" in out:
        data = _loads(out["data"])
        out[PROFILE] = profile_of(data.get("date"), [(s["name"], s.get("function"))
                                                     for s in data.get("speakers") or []])
    if pairs and fields.get("shingle") is not None:
        out[PAIRS] = pair_field(record_pairs(str(fields["shingle"])), lines)
    if out.get("type") == "doc" and "data" in out:
        out["data"] = slim_data(_loads(out["data"]), out)
    return with_keys(out) if keys and out.get("type") in ("doc", "quote") else out


def records(doc: Document, digest: str, keys: bool = True, profile: bool = True,
            pairs: bool = False, lines: bool = True) -> Iterator[dict[str, Any]]:
    """Yield the OpenSearch records of a document: itself, then its quotations (with their
    facet values folded, `with_keys`, unless `keys` is false; the statement's `PROFILE`
    unless `profile` is false; their word pairs, `PAIRS`, if `pairs`, for an index that holds
    them, `with_pairs`, a pair a line unless `lines` is false).

    The records `source()` makes of `indexer.schema`'s fields, built straight from the
    `Document`: Whoosh's fields (the text copied twice more for `exact` and `shingle`, dates
    parsed by strptime, lists joined by commas then split) took 1.5 of the 2.5 s of Python
    per 10,000 statements of the cluster's part of indexing. `data` is the same JSON, written
    by orjson. `tests/test_opensearch_records.py` checks both give the same records."""
    day = _day(doc.date)
    dates = {"date": day, "year": day[:4], "month": day[:7], "dated": "1"} if day else \
        {"dated": "0"}
    common = {"source": doc.source, "format": doc.format, "kind": doc.kind or "",
              "title": doc.title or "", "theme": _values(doc.themes), "lang": doc.lang or ""}
    statement = {
        "id": doc.id, "type": "doc", **common, "root": doc.root, "record": doc.record,
        "text": doc.text, "place": doc.place or "",
        "speaker": _values([s.name for s in doc.speakers]),
        "function": _values([s.function for s in doc.speakers]),
        "text_hash": digest, **dates}
    if profile:
        statement[PROFILE] = profile_of(doc.date, [(s.name, s.function) for s in doc.speakers])
    if pairs:  # Whoosh's `shingle` text: the title, then the text
        statement[PAIRS] = pair_field(record_pairs(f"{doc.title or ''}\n{doc.text}"), lines)
    if foreign(doc.lang):
        for name, other in OTHER.items():
            statement[other] = statement.pop(name)
    finish = with_keys if keys else (lambda record: record)
    statement = {k: v for k, v in statement.items() if v is not None}
    statement["data"] = slim_data(doc.__dict__, statement)
    yield finish(statement)
    for i, quote in enumerate(doc.quotes):
        if quote.is_speech:
            record = {"id": f"{doc.id}-q{i}", "type": "quote", "parent": doc.id, **common,
                      "text": quote.text, "speaker": _values([quote.speaker]),
                      "function": _values([quote.function]), "position": quote.start, **dates}
            if pairs:
                record[PAIRS] = pair_field(record_pairs(quote.text), lines)
            yield finish({k: v for k, v in record.items() if v is not None})


def slim_data(data: dict[str, Any], record: dict[str, Any]) -> str:
    """Return a statement's `data`: its `Document.to_dict()` (`data`; or the `Document`'s own
    attributes) as JSON, without its text nor what `record`'s own fields hold the same
    (`indexer.engine.IN_RECORD`: its id, source, title, date…; its speakers when the record
    has their `PROFILE`), nor its lists and mappings left empty. A reader puts them back
    (`indexer.engine.stored_data`).

    The whole `data` was a third of the bytes sent to the cluster (250k statements: 540
    bytes of it to 360 of text, for a hansard statement), every byte parsed, stored in
    `_source` and written to the translog by the cluster; its quotations, `meta` and guessed
    fields are what is left of it."""
    if data.get("id") != record.get("id"):
        return orjson.dumps({**data, "text": None}).decode("utf-8")
    held: dict[str, Any] = {}
    for key, value in data.items():
        name = IN_RECORD.get(key)
        if name is not None:
            if name not in record or record[name] != value:
                held[key] = value
        elif key == "speakers":
            if value and PROFILE not in record:
                held[key] = value
        elif key != "text" and (value or not isinstance(value, (list, dict))):
            held[key] = value
    return orjson.dumps(held).decode("utf-8")


def _values(values: list[str | None]) -> list[str]:
    # `indexer.schema`'s keyword values: a comma inside one is a space, blanks are dropped
    return [w for w in (v.replace(",", " ").strip() for v in values if v) if w]


def _day(iso: str | None) -> str | None:
    """Return a statement's date as YYYY-MM-DD, or None when it is not a date (as
    `indexer.schema` reads it: strptime's "%Y-%m-%d", which also takes "2020-1-5")."""
    if not iso:
        return None
    try:
        if len(iso) == 10 and iso[4] == "-" and iso[7] == "-" and iso.isascii():
            datetime(int(iso[:4]), int(iso[5:7]), int(iso[8:]))  # raises if not a day
            if (iso[:4] + iso[5:7] + iso[8:]).isdigit():
                return iso
        when = datetime.strptime(iso, "%Y-%m-%d")
    except ValueError:
        return None
    return f"{when.year:04d}-{when.month:02d}-{when.day:02d}"


# --- Queries: the parsed Whoosh query, written for OpenSearch.

class Untranslatable(ValueError):
    """A query node OpenSearch is not given (never produced by `indexer.query`)."""


def dsl(q: wq.Query) -> dict[str, Any]:
    """Return the OpenSearch query of a query parsed by `indexer.query` (analysed terms)."""
    if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
        return {"match_none": {}}
    if isinstance(q, wq.Every):
        return {"match_all": {}}
    if isinstance(q, wq.Term):
        if q.fieldname == "exact":
            return exact(lambda field: {"term": {field: q.text}})
        term = {"term": {q.fieldname: {"value": q.text}}}
        if q.boost != 1.0:
            term["term"][q.fieldname]["boost"] = q.boost
        if q.fieldname in OTHER:  # Whoosh's field holds a foreign statement's words too
            other = {"term": {OTHER[q.fieldname]: term["term"][q.fieldname]}}
            return {"bool": {"should": [term, other]}}
        return term
    if isinstance(q, wq.Phrase):
        if q.fieldname == "exact":
            words = " ".join(q.words)
            slop = max(0, q.slop - 1)
            return exact(lambda field: {"match_phrase": {field: {"query": words, "slop": slop}}})
        return {"bool": {"must": [dsl(wq.Term(q.fieldname, w)) for w in q.words]}}
    if isinstance(q, wq.DateRange):
        span = {f"{op}": when.strftime("%Y-%m-%dT%H:%M:%S")
                for op, when in (("gte", q.startdate), ("lte", q.enddate)) if when}
        return {"range": {q.fieldname: span}}
    if isinstance(q, wq.Not):
        return {"bool": {"must_not": [dsl(q.query)]}}
    if isinstance(q, wq.AndNot):
        return {"bool": {"must": [dsl(q.a)], "must_not": [dsl(q.b)]}}
    if isinstance(q, wq.And):
        must, must_not = [], []
        for sub in q.subqueries:
            if isinstance(sub, wq.Not):
                must_not.append(dsl(sub.query))
            else:
                must.append(dsl(sub))
        return {"bool": {"must": must or [{"match_all": {}}], "must_not": must_not}}
    if isinstance(q, wq.Or):
        return {"bool": {"should": [dsl(s) for s in q.subqueries], "minimum_should_match": 1}}
    raise Untranslatable(type(q).__name__)


def exact(clause: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """Return `clause` on the unstemmed words of a record, as Whoosh's `exact` field holds
    them: a statement's title and text, a quotation's own words (not its document's title);
    a statement in another language, its `OTHER` fields."""
    return {"bool": {"should": [
        {"bool": {"filter": [{"term": {"type": "doc"}}], "must": [clause("title.exact")]}},
        clause("text.exact"), clause("title_other"), clause("text_other")],
        "minimum_should_match": 1}}


def _word(term: str, forms: set[str] | None = None) -> dict[str, Any]:
    # a plain word is `title:t OR text:t`, the title weighing twice (`indexer.schema`); with
    # `forms` (the index holds statements in another language), also the French term and the
    # word as typed in those statements' own words (`OTHER`, `foreign_forms`)
    should = [{"term": {"title": {"value": term, "boost": 2.0}}}, {"term": {"text": term}}]
    for form in sorted({term, *forms}) if forms is not None else ():
        should += [{"term": {"title_other": {"value": form, "boost": 2.0}}},
                   {"term": {"text_other": form}}]
    return {"bool": {"should": should}}


def words_query(terms: list[str], need: int, forms: dict[str, set[str]] | None = None
                ) -> dict[str, Any]:
    return {"bool": {"should": [_word(t, None if forms is None else forms.get(t, set()))
                                for t in terms], "minimum_should_match": need}}


# A short plain query (2 to MIN_WORDS - 1 words, `indexer.passages.together_pairs`) ranks first
# the records holding its words side by side, as Whoosh's `TogetherFirst`: those records get
# this much more than any BM25 score (a few tens at most), each group keeping its own order.
TOGETHER = 1000.0


def together_query(pairs: list[str]) -> dict[str, Any]:
    """Return the query of the records holding every word pair of `pairs` (passage words:
    `indexer.passages.together_pairs`), each pair's words side by side in the unstemmed words
    (`exact`), as Whoosh finds them by its `shingle` terms. An unstemmed word keeps its elided
    article (« l'etat »), which a passage word has dropped (« etat »): a word that can take one
    is any of its elided forms, so « état de droit » is side by side in « l’État de droit »."""
    def word(w: str) -> dict[str, Any]:
        forms = [w, *(f"{e}'{w}" for e in ELISIONS)] if w[:1] in ELIDABLE else [w]
        if len(forms) == 1:
            return {"match": {"query": w}}
        return {"any_of": {"intervals": [{"match": {"query": f}} for f in forms]}}

    def side_by_side(pair: str) -> Callable[[str], dict[str, Any]]:
        first, second = pair.split(" ")
        rule = {"all_of": {"ordered": True, "max_gaps": 0,
                           "intervals": [word(first), word(second)]}}
        return lambda field: {"intervals": {field: rule}}

    return {"bool": {"filter": [exact(side_by_side(p)) for p in pairs]}}


def together_first(query: dict[str, Any], together: dict[str, Any] | None) -> dict[str, Any]:
    """Return `query` ranking first the records `together` matches (`TOGETHER` added)."""
    if together is None:
        return query
    return {"bool": {"must": [query], "should": [
        {"constant_score": {"filter": together, "boost": TOGETHER}}]}}


def foreign_forms(typed: list[str]) -> dict[str, set[str]]:
    """Return {French term: the words as typed, folded, that differ from it} for the plain
    words of a query (`indexer.matching.with_foreign_forms`): « commission » is the term
    « commiss », and an English statement holds « commission » itself."""
    forms: dict[str, set[str]] = {}
    for word in typed:
        if (term := word_term(word)) is not None and (form := exact_word(word)) != term:
            forms.setdefault(term, set()).add(form)
    return forms


# --- Spelling: the Whoosh engine's rules, the cluster's words.

class ClusterLexicon(Lexicon):
    """The `Lexicon` of `indexer.spelling`, its candidates asked of the cluster.

    OpenSearch's term suggester lists the indexed words (`title.exact`, `text.exact`) within
    the edits allowed; they are kept when they share the buckets Whoosh's lexicon compares (the
    same first letter or the same last two, a length within the edits), then measured with
    the same distance. Names and themes give the accents and capitals shown, as on Whoosh.
    """

    def __init__(self, catalog: OpenSearchCatalog):
        super().__init__((), catalog.display())
        self.catalog = catalog
        self.known, self.held = catalog.word_counts()

    def frequencies(self, keys: list[str], up_to: int | bool = True) -> None:
        """Count, in one request, the records holding each folded word of `keys` (with
        `up_to` 1: only whether some record holds it, `held`)."""
        into = self.known if up_to is True else self.held
        wanted = [k for k in dict.fromkeys(keys) if k not in self.known and k not in into]
        if not wanted:
            return
        # a count per word, each going through that word's records only (a filters
        # aggregation of the words went through every record: 40-130 ms at `1m`)
        answers = self.catalog.answers([
            {"size": 0, "track_total_hits": up_to,
             "query": {"bool": {"filter": [exact(lambda field, k=k: {"term": {field: k}})]}}}
            for k in wanted])
        for key, answer in zip(wanted, answers, strict=True):
            into[key] = answer["hits"]["total"]["value"]

    def frequency(self, key: str) -> int:
        """Return the number of records holding the folded word `key`; for a word typed, 1
        or 0 when only whether a record holds it was asked (`spell`), which is all
        `check_spelling` asks of a word typed (the candidates' counts are whole)."""
        if key in self.known:
            return self.known[key]
        if key in self.held:
            return self.held[key]
        self.frequencies([key])
        return self.known[key]

    def candidates(self, key: str) -> tuple[list[str], int, int]:
        """Return (words at the smallest distance, that distance, words compared).

        Lucene's suggester keeps the first letter of the words it finds two edits away;
        Whoosh's lexicon also compares the words sharing the last two letters (its buckets):
        when nothing is one edit away, the words whose first letter is mistyped are asked
        one edit away from the word with its first letter edited (`first_letter_edits`)."""
        limit = max_distance(len(key))
        words = self._suggested([key], limit)
        measured = self._measured(key, words, limit)
        if limit > 1 and min((d for d, _ in measured), default=limit) > 1:
            more = self._suggested(first_letter_edits(key), 1)
            words = list(dict.fromkeys([*words, *more]))
            measured = self._measured(key, words, limit)
        if not measured:
            return [], 0, len(words)
        best = min(d for d, _ in measured)
        near = sorted({w for d, w in measured if d == best})
        self.frequencies(near[:MAX_TIES])
        return near, best, len(words)

    def _suggested(self, keys: list[str], edits: int) -> list[str]:
        """Return the indexed words the term suggester finds within `edits` of `keys`."""
        # the words of titles and of statements in another language too, as Whoosh's
        # `exact` field has them (« castors » only in a title: « castros » had no suggestion)
        fields = ["title.exact", "text.exact",
                  *(["title_other", "text_other"] if self.catalog.has_foreign() else [])]
        suggested = self.catalog.search({
            "size": 0, "suggest": {field: {"text": " ".join(keys), "term": {
                "field": field, "suggest_mode": "always", "max_edits": edits,
                "prefix_length": 0, "min_word_length": 4, "size": MAX_TIES,
                "string_distance": "damerau_levenshtein"}} for field in fields}},
        )["suggest"]
        return list(dict.fromkeys(o["text"] for field in fields for entry in suggested[field]
                                  for o in entry["options"]))

    @staticmethod
    def _measured(key: str, words: list[str], limit: int) -> list[tuple[int, str]]:
        """Return (distance, word) of the `words` Whoosh's lexicon would compare with `key`
        (its buckets: the same first letter or the same last two, a length within `limit`)
        and find within `limit` edits."""
        pool = [w for w in words if correctable(w) and w != key
                and abs(len(w) - len(key)) <= limit
                and (w[:PREFIX] == key[:PREFIX] or w[-SUFFIX:] == key[-SUFFIX:])]
        measured = [(int(OSA.distance(key, w)), w) for w in pool]
        return [(d, w) for d, w in measured if d <= limit]


def first_letter_edits(key: str) -> list[str]:
    """Return `key` with its first letter edited as French is mistyped: a mute h dropped
    (« ipothese »), a letter typed before the word, the first two letters swapped. A word two
    edits away from `key`, one of them one of these, is one edit away from one of them.

    Not every edit of the first letter (Whoosh's lexicon finds a first letter replaced too): each
    form asked costs the suggester a pass over the index's words, ~1 ms at 18,485 statements
    (the 53 of every edit 25-85 ms), paid by every search with a long word the index lacks.

    >>> first_letter_edits("ectarres")
    ['hectarres', 'ctarres', 'cetarres']
    """
    return list(dict.fromkeys(["h" + key, key[1:], key[1] + key[0] + key[2:]]))


class _NoWords:
    """A reader without segments: `build_lexicon` then only reads the display labels."""

    def leaf_readers(self) -> list:
        return []


# --- The engine.

class OpenSearchCatalog:
    """An index on an OpenSearch cluster, behind the alias `alias`."""

    name = "opensearch"

    def __init__(self, url: str, alias: str = DEFAULT_ALIAS, index_dir: Path | str | None = None):
        from indexer.indexing import default_index_dir

        self.url = url
        self.alias = alias
        # the local folder `verbatim index` reads into (its OCR cache); the reuse groups
        # are in the cluster (`reuse_groups`)
        self.index_dir = Path(index_dir) if index_dir else default_index_dir()
        self.client = _client(url, retry_on_timeout=False)
        self.preference = PREFERENCE  # the shard copies that answer (`warm_index`: each)
        self._lock = threading.Lock()
        self._values: dict[str, tuple[float, dict, dict, dict]] = {}
        self._word_counts: tuple[float, dict[str, int], dict[str, int]] = (0.0, {}, {})
        self._display: tuple[float, dict[str, str]] = (0.0, {})
        self._similar: OrderedDict[tuple, tuple[float, list]] = OrderedDict()
        self._seen: OrderedDict[str, tuple[float, dict]] = OrderedDict()
        try:
            exists = retried(self.client.indices.exists_alias, name=alias) or \
                retried(self.client.indices.exists, index=alias)
        except Exception as exc:  # noqa: BLE001 - unreachable, refused, bad credentials
            raise IndexMissing(f"OpenSearch injoignable à {url} ({type(exc).__name__})"
                               ) from exc
        if not exists:
            raise IndexMissing(f"aucun index « {alias} » sur {url}")
        # facets counted by their folded values (`FACET_KEYS`), or by spelling on an index
        # written before those existed, or when the mapping may not be read (a user allowed
        # to search only): the same counts, more slowly
        # speaker pages read their statements' `PROFILE` doc values where the index has them
        try:
            held = marks(self.client, alias)
        except Exception:  # noqa: BLE001 - refused (403) or unreachable: the safe way
            held = set()
        self.keyed = KEYED in held
        self.profiled = PROFILED in held
        # pasted passages are found (`find_passages`) by the index's word pairs where it holds
        # them (PAIRED), else by its words side by side (`indexer.opensearch_passages`)
        self.pair_terms = PAIRED in held
        self.paired = self.pair_terms or PHRASED in held
        # statements in another language may be in `OTHER` (else all in `title`, `text`)
        self.languages = LANGUAGES in held
        self._languages_read = time.monotonic()

    # the Engine protocol

    def spell(self, q: str, words: list[str], correct: bool) -> Spelling:
        """Return `indexer.spelling.check_spelling` of the query's words, the index's words
        found by OpenSearch's term suggester (`ClusterLexicon`), record counts by the cluster."""
        lexicon = ClusterLexicon(self)
        keys = [spelling_key(w) for w in words]
        # whether each word is known, in one request, each count stopping at the first
        # record (« tous » is in 350,815 records at `1m`: 3-36 ms to count them all)
        lexicon.frequencies([k for k in keys if correctable(k)], up_to=1)
        return check_spelling(lexicon, lexicon.frequency, q, words, correct=correct)

    def document(self, doc_id: str):
        """Return the stored `Document` with this id, or None."""
        found = self._get(doc_id)
        return stored_document(found) if found and found.get("type") == "doc" else None

    def searcher(self):
        """Refuse: Whoosh's searcher has no meaning here (what needs one has an
        engine-neutral call: `find_passages`, `similar`, `reuse_groups`)."""
        raise Unsupported("Cette fonction n'est pas disponible avec le moteur OpenSearch ; "
                          "utilisez --engine whoosh.")

    def find_passages(self, text: str, best_only: bool = False) -> list[Passage]:
        """Return the statements holding the passage `text` (`indexer.engine.Engine`)."""
        if not self.paired:
            raise Unsupported(NO_PAIRS)
        return cluster_passages(self, text, [{"term": {"type": "doc"}}], best_only)[0]

    def reuse_groups(self):
        """Return the reuse groups kept in the index (`indexer.opensearch_reuse`)."""
        from indexer.opensearch_reuse import groups

        return groups(self.client, self.alias)

    def speaker_names(self) -> list[str]:
        """Return every speaker's name as the pages show it (spelling variants merged)."""
        return list(self.facet_values("speaker")[1])

    def similar(self, doc_id: str, top: int, terms: int) -> list[dict[str, Any]]:
        """Return up to `top` statements like `doc_id` (« more like this » on its `terms`
        most telling words), as `indexer.similar.similar_documents` does for Whoosh; kept
        SIMILAR_TTL seconds for SIMILAR_CACHE statements (the cluster analyses the whole
        statement again for each such query)."""
        key, now = (doc_id, top, terms), time.monotonic()
        with self._lock:
            known = self._similar.get(key)
        if known and now - known[0] < SIMILAR_TTL:
            return known[1]
        # no total asked: the shards skip the records that cannot be among the `top`
        # (Lucene's block-max WAND); 15 % of the cluster's CPU a lookup at `250k`
        body = {"size": top, "track_total_hits": False, "query": {"bool": {
            "filter": [{"term": {"type": "doc"}}],
            "must": [{"more_like_this": {"fields": ["text", *([OTHER["text"]]
                                                              if self.languages else [])],
                                         "like": [{"_id": doc_id}],
                                         "max_query_terms": terms, "min_term_freq": 1,
                                         "min_doc_freq": 1}}]}}}
        # the manifest's record of the statement's file, which its page reads next
        # (`file_root`), asked in the same round trip: one trip less a document page
        manifest = self._manifest_of(doc_id)
        if manifest is None:
            found = self.search(body)["hits"]["hits"]
        else:
            answer, files = self.answers([body, {"size": 1, "query": {"ids": {
                "values": [manifest]}}}])
            self._keep({h["_id"]: h["_source"] for h in files["hits"]["hits"]})
            found = answer["hits"]["hits"]
        similar = [document_summary(stored_document(h["_source"]), round(h["_score"], 4))
                   for h in found]
        with self._lock:
            self._similar[key] = (now, similar)
            self._similar.move_to_end(key)
            while len(self._similar) > SIMILAR_CACHE:
                self._similar.popitem(last=False)
        return similar

    def speaking(self, name: str, latest: int) -> list[dict[str, Any]]:
        """Return a speaker's `latest` most recent statements' dates and speakers
        (`indexer.engine.Engine.speaking`), read from their `PROFILE` doc values: no record
        is read, but those of statements whose value was too long to keep."""
        if not self.profiled:
            return speaking_by_search(self, name, latest)
        label = self._label("speaker", name)
        spelled = self.facet_values("speaker")[1].get(label, [label])
        # the order of `search()`'s hits sorted by date (`run`)
        found = self.search({
            "query": {"bool": {"filter": [{"term": {"type": "doc"}},
                                          {"terms": {"speaker": spelled}}]}},
            "sort": [{"date": {"order": "desc", "missing": "_last"}}, {"id": {"order": "desc"}}],
            "size": latest, "_source": False, "stored_fields": "_none_",
            "docvalue_fields": ["id", PROFILE], "track_total_hits": False,
        })["hits"]["hits"]
        values = [(h["fields"]["id"][0], (h["fields"].get(PROFILE) or [None])[0]) for h in found]
        missing = self._records([i for i, value in values if value is None])
        statements = []
        for doc_id, value in values:
            if value is not None:
                held = _loads(value)
                pairs = held["speakers"]
            elif doc_id in missing:
                held = stored_data(missing[doc_id])
                pairs = [(s["name"], s.get("function")) for s in held.get("speakers") or []]
            else:  # gone since the search
                continue
            statements.append({"date": held.get("date"),
                               "speakers": [{"name": n, "function": f} for n, f in pairs]})
        return statements

    def has_foreign(self) -> bool:
        """Tell whether the index holds statements in another language than French (its
        `lang` facet's values, kept a few seconds): their words as typed are searched too."""
        now = time.monotonic()
        if not self.languages and now - self._languages_read > VALUES_TTL:
            # an index written before gains the fields at its next run (`language_fields`):
            # its mapping is read again now and then until it has them
            self._languages_read = now
            try:
                self.languages = LANGUAGES in marks(self.client, self.alias)
            except Exception:  # noqa: BLE001 - refused (403) or unreachable: next time
                pass
        return self.languages and any(foreign(label)
                                      for label in self.facet_values("lang")[1])

    def file_root(self, path: str) -> str | None:
        """Return the folder the index was built from that holds the file `path` (absolute),
        from the index's manifest (its `file` records, `indexer.opensearch_writer`); None
        when the index was not built from that file. Whoosh's manifest is in its folder."""
        found = self._get(file_id(path))  # read with the page's « more like this »
        if not found or found.get("type") != "file":
            return None
        entry = _loads(found["data"])
        return entry.get("root") if entry.get("path") == path else None

    def close(self) -> None:
        """Close the client's connections."""
        self.client.close()

    def search(self, body: dict[str, Any]) -> dict[str, Any]:
        """Return the cluster's answer to the search `body` on the index, within the search's
        time budget (`bounded`; `retried`: a node lost meanwhile costs a retry, not a failed
        search). The shards may answer from their request cache (`REQUEST_CACHE`)."""
        def once() -> dict[str, Any]:
            seconds, timeout = bounded()
            return complete(self.client.search(
                index=self.alias, body={**body, "timeout": timeout}, request_timeout=seconds,
                params={"allow_partial_search_results": "true", "preference": self.preference,
                        "request_cache": "true" if REQUEST_CACHE else "false"}))

        return retried(once)

    def _get(self, doc_id: str) -> dict | None:
        now = time.monotonic()
        with self._lock:
            seen = self._seen.get(doc_id)
        if seen and now - seen[0] < SEEN_TTL:
            return seen[1]
        return self._records([doc_id]).get(doc_id)

    def _records(self, ids: list[str]) -> dict[str, dict]:
        """Return {id: stored record} of the records with these ids (a record's `_id` is its
        `id`), in one request: a multi-get reads them by id, no search is run (a quotation
        page's parents were one search each, a dozen per page). Not real-time: it sees what
        searches see."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        seconds, _ = bounded()
        answer = retried(self.client.mget, index=self.alias, body={"ids": wanted},
                         request_timeout=seconds,
                         params={"realtime": "false", "preference": self.preference})
        return self._keep({d["_id"]: shown(d["_source"]) for d in answer["docs"]
                           if d.get("found")})

    def _keep(self, found: dict[str, dict]) -> dict[str, dict]:
        """Keep the records `found` ({id: record}) SEEN_TTL seconds for `_get`; return them."""
        now = time.monotonic()
        with self._lock:
            for doc_id, record in found.items():
                self._seen[doc_id] = (now, record)
                self._seen.move_to_end(doc_id)
            while len(self._seen) > SEEN_RECORDS:
                self._seen.popitem(last=False)
        return found

    def _manifest_of(self, doc_id: str) -> str | None:
        """Return the id of the manifest's record of the file the statement `doc_id` was
        read from (`file_id`), when the statement was read a moment ago (its page) and that
        record was not; else None."""
        now = time.monotonic()
        with self._lock:
            seen = self._seen.get(doc_id)
            if not seen or now - seen[0] >= SEEN_TTL or seen[1].get("type") != "doc":
                return None
            root, name = seen[1].get("root"), seen[1].get("source")
            if not root or not name:
                return None
            manifest = file_id(str(Path(root) / name))
            known = self._seen.get(manifest)
        return None if known and now - known[0] < SEEN_TTL else manifest

    def word_counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """Return the record counts of folded words asked less than COUNTS_TTL s ago, and
        whether a record holds the others asked (1 or 0): dicts the spelling lexicon fills."""
        now = time.monotonic()
        with self._lock:
            if now - self._word_counts[0] > COUNTS_TTL:
                self._word_counts = (now, {}, {})
            return self._word_counts[1], self._word_counts[2]

    def display(self) -> dict[str, str]:
        """Return the accents and capitals of the speakers' and themes' words (for the
        spelling suggestions shown), kept as long as the facet values."""
        now = time.monotonic()
        with self._lock:
            if now - self._display[0] < VALUES_TTL:
                return self._display[1]
        labels = [label for facet in ("speaker", "theme") for label in self.facet_values(facet)[1]]
        display = build_lexicon(_NoWords(), labels).display
        with self._lock:
            self._display = (now, display)
        return display

    def facet_values(self, facet: str) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Return a facet's ({facet_key: label}, {label: indexed spellings}), kept a few
        seconds: spelling variants are merged under their best label, as Whoosh does."""
        now = time.monotonic()
        with self._lock:
            cached = self._values.get(facet)
        if cached and now - cached[0] < VALUES_TTL:
            return cached[1], cached[2]
        labels, variants = self._read_values(facet)
        # each indexed spelling's label, for the counts of every search (a thousand values
        # a page: looked up, not folded each time)
        spelled = {v: label for label, forms in variants.items() for v in forms}
        # the spellings of merged labels, counted apart at every search (`_facet_agg`)
        merged = [v for forms in variants.values() if len(forms) > 1 for v in forms]
        with self._lock:
            self._values[facet] = (now, labels, variants, spelled, merged)
        return labels, variants

    def _spelled(self, facet: str) -> dict[str, str]:
        """Return {indexed spelling: label} of a facet's values (`facet_values`)."""
        self.facet_values(facet)
        with self._lock:
            return self._values[facet][3]

    def _merged(self, facet: str) -> list[str]:
        """Return the indexed spellings of the labels that have several (`facet_values`)."""
        self.facet_values(facet)
        with self._lock:
            return self._values[facet][4]

    def _pinned(self, facet: str, selected: list[str]) -> list[str]:
        """Return the spellings a bounded facet counts apart: those of merged labels and of
        the selected values (`_facet_agg`)."""
        variants = self.facet_values(facet)[1]
        return sorted({*self._merged(facet),
                       *(s for v in selected for s in variants.get(v, [v]))})

    def _facet_agg(self, facet: str, others: list[dict], size: int | None,
                   selected: list[str]) -> dict[str, Any]:
        """Return the aggregation counting a facet under the other facets' selections: on
        the facet's folded values (`FACET_KEYS`), one bucket per label, its spellings
        merged; the `size` + SPARE_VALUES labels with most records (enough for `top_counts`
        to cut where Whoosh cuts, unless ties go past them: `_ties`) and the selected ones
        (`include`), whatever their rank. On an index without folded values, `_spelled_agg`.
        """
        if not self.keyed:
            return self._spelled_agg(facet, others, size, selected)
        field = FACET_KEYS.get(facet, facet)
        if size is None:
            counted = {"terms": {"field": field, "size": FACET_VALUES}}
            return {"filter": {"bool": {"filter": others}}, "aggs": {"v": counted}}
        top = {"field": field, "size": size + SPARE_VALUES,
               "order": [{"_count": "desc"}, {"_key": "asc"}]}
        aggs: dict[str, Any] = {"v": {"terms": top}}
        keys = sorted({facet_key(v) for v in selected})
        if keys:
            aggs["pinned"] = {"terms": {"field": field, "include": keys, "size": len(keys)}}
        return {"filter": {"bool": {"filter": others}}, "aggs": aggs}

    def _keyed_counts(self, facet: str, found: dict[str, Any]) -> dict[str, int]:
        """Return {label: records} of a facet's buckets of folded values (`_facet_agg`)."""
        labels = self.facet_values(facet)[0]
        buckets = [b for b in [*found["v"]["buckets"],
                               *found.get("pinned", {}).get("buckets", [])] if b["key"]]
        unknown = [b["key"] for b in buckets if b["key"] not in labels]
        if unknown:  # values indexed since the labels were read
            labels = {**labels, **self._labels_of(facet, unknown)}
        return {labels.get(b["key"], b["key"]): b["doc_count"] for b in buckets}

    def _labels_of(self, facet: str, keys: list[str]) -> dict[str, str]:
        """Return {folded value: label} of these folded values, read from the cluster."""
        field = FACET_KEYS.get(facet, facet)
        buckets = self.search({"size": 0, "aggs": {"k": {
            "terms": {"field": field, "include": keys, "size": len(keys)},
            "aggs": {"s": {"terms": {"field": facet, "size": 100}}}}}})["aggregations"]["k"]
        return {b["key"]: best_label([(s["key"], s["doc_count"]) for s in b["s"]["buckets"]
                                      if facet_key(s["key"]) == b["key"]] or [(b["key"], 0)])
                for b in buckets["buckets"]}

    @staticmethod
    def _ties(found: dict[str, Any], size: int | None) -> int | None:
        """Return the count of the `size`-th label when labels past those the cluster gave
        may tie with it (the cut would then depend on their names), else None."""
        if size is None or not found["v"].get("sum_other_doc_count"):
            return None
        counts = [b["doc_count"] for b in found["v"]["buckets"] if b["key"]]
        if len(counts) < size or counts[-1] != counts[size - 1]:
            return None
        return counts[size - 1]

    def _spelled_agg(self, facet: str, others: list[dict], size: int | None,
                     selected: list[str]) -> dict[str, Any]:
        """Return the aggregation counting a facet under the other facets' selections.

        Bounded (`size`): the cluster returns the spellings with most records (ties by
        spelling, the order `top_counts` cuts at), enough of them for `size` + 1 values
        besides the spellings of merged labels and of the selected values, which are
        counted apart (`include`) and skipped in the first list (`run`): a label's count is
        then whole whatever its spellings' ranks, and the values shown are those the Whoosh
        engine shows. (An `exclude` of those spellings instead cost the cluster 40 % more
        CPU at `1m`: it leaves the terms aggregation's fast path.)
        """
        if size is None:
            counted = {"terms": {"field": facet, "size": FACET_VALUES}}
            return {"filter": {"bool": {"filter": others}}, "aggs": {"v": counted}}
        pinned = self._pinned(facet, selected)
        # one more place for an empty value, never shown
        top = {"field": facet, "size": size + 2 + len(pinned),
               "order": [{"_count": "desc"}, {"_key": "asc"}]}
        aggs: dict[str, Any] = {"v": {"terms": top}}
        if pinned:
            aggs["pinned"] = {"terms": {"field": facet, "include": pinned,
                                        "size": len(pinned)}}
        return {"filter": {"bool": {"filter": others}}, "aggs": aggs}

    def _read_values(self, facet: str) -> tuple[dict[str, str], dict[str, list[str]]]:
        buckets = self.search({
            "size": 0, "aggs": {"v": {"terms": {"field": facet, "size": FACET_VALUES}}}},
        )["aggregations"]["v"]["buckets"]
        groups: dict[str, list[tuple[str, int]]] = {}
        for b in buckets:
            if b["key"]:
                groups.setdefault(facet_key(b["key"]), []).append((b["key"], b["doc_count"]))
        labels, variants = {}, {}
        for key, forms in groups.items():
            label = best_label(forms)
            labels[key] = label
            variants[label] = [v for v, _ in forms]
        return labels, variants

    def _label(self, facet: str, value: str) -> str:
        labels, _ = self.facet_values(facet)
        return labels.get(facet_key(value), value)

    def run(self, plan: Plan) -> Found:
        """Return what the cluster holds for `plan`, in one search (plus counts to choose the
        matching level of plain words)."""
        request, parsed, (low, high) = plan.request, plan.parsed, plan.period
        base: list[dict] = [{"term": {"type": "quote" if request.quotes else "doc"}}]
        if low or high:
            span = {}
            if low:
                span["gte"] = low.strftime("%Y-%m-%d")
            if high:
                span["lte"] = high.strftime("%Y-%m-%d")
            base.append({"range": {"date": span}})
        notes: list[str] = []
        text_query = resolve_facet_terms(parsed.query, self.facet_values)
        # the records holding a pasted passage come first (`indexer.opensearch_passages`)
        typed = passage_query(request.q) if self.paired else None
        leading, read = cluster_passages(self, typed, base) if typed else ([], {})

        selections: dict[str, dict] = {}
        for facet in FACET_FIELDS:
            if request.selected(facet):
                values = list(dict.fromkeys(self._label(facet, v)
                                            for v in request.selected(facet)))
                setattr(request, facet, values)
                _, variants = self.facet_values(facet)
                spelled = [s for v in values for s in variants.get(v, [v])]
                selections[facet] = {"terms": {facet: spelled}}
        aggs: dict[str, Any] = {}
        for facet in FACET_FIELDS if request.facets else ():
            if facet == "year" and facet not in selections:
                continue  # the histogram's months, under the same selections, give them
            others = [f for name, f in selections.items() if name != facet]
            aggs[facet] = self._facet_agg(facet, others, request.facet_limit(facet),
                                          request.selected(facet))
        if request.facets:
            aggs["_all"] = {"filter": {"bool": {"filter": list(selections.values())}},
                            "aggs": {"months": {"date_histogram": {
                                "field": "date", "calendar_interval": "month",
                                "format": "yyyy-MM", "min_doc_count": 1}}}}
        first = (request.page - 1) * request.per_page
        ranked = request.sort == "relevance" and not isinstance(text_query, wq.Every)

        # a short plain query: its words side by side first (Whoosh's `TogetherFirst`)
        pairs = together_pairs(request.q, parsed) if ranked else []
        together = together_query(pairs) if pairs else None

        def shaped(query: dict) -> dict[str, Any]:
            return together_first(pin_passages(query, leading), together if ranked else None)

        def body_for(query: dict) -> dict[str, Any]:
            query = shaped(query)
            body: dict[str, Any] = {
                "query": {"bool": {"filter": base, "must": [query]}},
                "post_filter": {"bool": {"filter": list(selections.values())}},
                "aggs": aggs, "from": first, "size": request.per_page,
                # the whole _source, as stored: a filter on it (it excluded `exact`, a field
                # no record has) makes each shard parse and write again every hit's record
                "track_total_hits": True,
            }
            if not ranked:
                order = "asc" if request.sort == "date" else "desc"
                body["sort"] = [{"date": {"order": order, "missing": "_last"}},
                                {"id": {"order": order}}]
            return body

        def searches_for(query: dict) -> list[dict[str, Any]]:
            body = body_for(query)
            if not self.keyed or not selections:
                return [body]
            return self._split(body, shaped(query), base, selections, aggs)

        query, level, text_query, note, answers = self._matching(plan, text_query, base,
                                                                 searches_for)
        if note and not leading:
            notes.append(note)
        ranked = request.sort == "relevance" and not isinstance(text_query, wq.Every)
        searches = searches_for(query)
        if answers is None:
            answers = self.answers(searches) if len(searches) > 1 else \
                [self.search(searches[0])]
        answer = answers[0]
        total = answer["hits"]["total"]["value"]
        facets, years, months, truncated = {}, {}, {}, {}
        if request.facets:
            found_aggs = dict(answer["aggregations"])
            where = {facet: searches[0]["query"] for facet in found_aggs}
            for search, side in zip(searches[1:], answers[1:], strict=True):
                for facet, found in side["aggregations"].items():
                    found_aggs[facet] = {**found_aggs.get(facet, {}), **found}
                    where[facet] = search["query"]
            if self.keyed:
                self._untie(request, aggs, found_aggs, where)
            for facet in FACET_FIELDS:
                if facet not in aggs:
                    continue
                if self.keyed:
                    counts = self._keyed_counts(facet, found_aggs[facet])
                    facets[facet], truncated[facet] = top_counts(
                        counts, request.facet_limit(facet), request.selected(facet))
                    continue
                counts = {}
                spelled = self._spelled(facet)
                found = found_aggs[facet]
                # the spellings counted apart, as the aggregation sent asked for them
                pinned = aggs[facet]["aggs"].get("pinned", {}).get("terms", {})
                apart = set(pinned.get("include", ()))
                buckets = [b for b in found["v"]["buckets"] if b["key"] not in apart]
                for b in [*buckets, *found.get("pinned", {}).get("buckets", [])]:
                    if b["key"]:
                        # a value indexed since the list was read: its label is looked for
                        label = spelled.get(b["key"]) or self._label(facet, b["key"])
                        counts[label] = counts.get(label, 0) + b["doc_count"]
                facets[facet], truncated[facet] = top_counts(
                    counts, request.facet_limit(facet), request.selected(facet))
            # the year facet ignores its own selection; the histogram counts every selection
            months = {b["key_as_string"]: b["doc_count"]
                      for b in found_aggs["_all"]["months"]["buckets"]}
            years = {}
            for month, n in months.items():
                years[month[:4]] = years.get(month[:4], 0) + n
            if "year" not in aggs:
                facets["year"], truncated["year"] = top_counts(
                    years, request.facet_limit("year"), request.selected("year"))
                facets = {facet: facets[facet] for facet in FACET_FIELDS}
                truncated = {facet: truncated[facet] for facet in FACET_FIELDS}
        terms = {text for fieldname, text in query_terms(text_query) if fieldname == "text"}
        found_hits = answer["hits"]["hits"]
        # the statements the quotations of the page belong to, read together
        parents = self._records([h["_source"]["parent"] for h in found_hits
                                 if h["_source"].get("type") == "quote"])
        hits = []
        for hit in found_hits:
            score = hit.get("_score") if ranked else None
            if score and together is not None and score >= TOGETHER:
                score -= TOGETHER  # the usual score shown, as Whoosh's `TogetherFirst`
            score = round(score, 4) if score else None
            hits.append(record_hit(hit["_source"], score, terms,
                                   lambda i: _stored_or_none(parents.get(i))))
        mark_hits(hits, [h["_source"] for h in found_hits], {p.doc_id: p for p in leading},
                  ranked)
        shown = [p for p in leading if passes_selections(read.get(p.doc_id) or {}, selections)]
        if shown:
            notes.insert(0, passages_note(shown))
        return Found(total=total, hits=hits, facets=facets, years=years,
                     months=lambda prefix: {m: n for m, n in months.items()
                                            if m.startswith(prefix)},
                     level=level, notes=notes, truncated=truncated, passages=bool(leading))

    @staticmethod
    def _split(body: dict[str, Any], query: dict, base: list[dict],
               selections: dict[str, dict], aggs: dict[str, Any]) -> list[dict[str, Any]]:
        """Return the search `body` (selections as a post filter, each facet counted under
        the others) as searches that go through fewer records: the page's search with
        every selection in its query, counting there the facets not selected, the
        histogram and the selected values (`pinned`: a selected value's records are within
        its own facet's selection); then, for each facet selected, the labels with most
        records under the other selections alone, in a search of its own (size 0: the
        cluster keeps its answer, the same for whichever value of that facet is chosen).
        Before, a search filtered by one speaker of a million records went through all of
        them five times (once per facet and histogram), to show a few hundred."""
        everything = {"match_all": {}}
        main: dict[str, Any] = {}
        sides = []
        for name, agg in aggs.items():
            if name not in selections:
                main[name] = {**agg, "filter": everything}
                continue
            counted = agg["aggs"]
            if "pinned" in counted:
                main[name] = {"filter": everything, "aggs": {"pinned": counted["pinned"]}}
            others = [f for facet, f in selections.items() if facet != name]
            sides.append({"size": 0, "track_total_hits": False,
                          "query": {"bool": {"filter": [*base, *others, query]}},
                          "aggs": {name: {"filter": everything, "aggs": {"v": counted["v"]}}}})
        page = {**body, "aggs": main,
                "query": {"bool": {"filter": [*base, *selections.values()], "must": [query]}}}
        del page["post_filter"]
        return [page, *sides]

    def _untie(self, request, aggs: dict[str, Any], found: dict[str, Any],
               where: dict[str, dict]) -> None:
        """Count again every label with at least as many records as the last shown of a
        facet whose cut the cluster's list leaves undecided (`_ties`: labels tied past it,
        which `top_counts` orders by name), with the query of the search that counted it
        (`where`): rare, a few records among many labels."""
        again: dict[str, Any] = {}
        for facet in FACET_FIELDS:
            if facet not in found:
                continue
            least = self._ties(found[facet], request.facet_limit(facet))
            if least is not None:
                top = aggs[facet]["aggs"]["v"]["terms"]
                again[facet] = {"size": 0, "track_total_hits": False, "query": where[facet],
                                "aggs": {"v": {"terms": {
                                    "field": top["field"], "size": FACET_VALUES,
                                    "min_doc_count": least}}}}
        if again:
            for facet, answer in zip(again, self.answers(list(again.values())), strict=True):
                found[facet]["v"] = answer["aggregations"]["v"]

    def _counts(self, counts: list[dict], searches: list[dict[str, Any]]
                ) -> tuple[list[int], list[dict[str, Any]]]:
        """Return the totals of the size-0 searches `counts` (`_count`) and the answers to
        the `searches` of a page, in one round trip (`_msearch`): they are the ones the
        counts will most likely choose, and are sent again only when they choose others."""
        answers = self.answers([*counts, *searches])
        return ([a["hits"]["total"]["value"] for a in answers[:len(counts)]],
                answers[len(counts):])

    def answers(self, searches: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Return the answers to several searches on the index, in one round trip."""
        head = {"index": self.alias, "allow_partial_search_results": True,
                "request_cache": REQUEST_CACHE, "preference": self.preference}
        return retried(self._msearch, [line for search in searches
                                       for line in (head, search)])

    @staticmethod
    def _count(base: list[dict], query: dict, up_to: int, without: dict | None = None
               ) -> dict[str, Any]:
        """Return the search counting the records of `base` that `query` matches (and not
        `without`), exactly up to `up_to`: each shard stops at that many (a filters
        aggregation instead went through every record of `base`, a million at `1m`)."""
        match: dict[str, Any] = {"filter": [*base, query]}
        if without is not None:
            match["must_not"] = [without]
        return {"size": 0, "track_total_hits": up_to, "query": {"bool": match}}

    def _msearch(self, lines: list[dict]) -> list[dict[str, Any]]:
        """Return the answers of a multi-search; a failed one raises its error (which
        `retried` judges as it would a search's)."""
        from opensearchpy import TransportError

        seconds, timeout = bounded()
        lines = [line if i % 2 == 0 else {**line, "timeout": timeout}
                 for i, line in enumerate(lines)]
        answers = self.client.msearch(body=lines, request_timeout=seconds)["responses"]
        for answer in answers:
            if "error" in answer:
                error = answer["error"]
                raise TransportError(answer.get("status", 500), error.get("type", "error")
                                     if isinstance(error, dict) else str(error), answer)
        return [complete(answer) for answer in answers]

    def _matching(self, plan: Plan, text_query: wq.Query, base: list[dict],
                  body_for: Callable[[dict], list[dict[str, Any]]]
                  ) -> tuple[dict, str, wq.Query, str | None, list[dict[str, Any]] | None]:
        """Return (query, level, query to highlight, note, the answers to the page's searches
        if already asked), as `indexer.matching` decides: plain words all required up to
        ALL_WORDS_UP_TO, half of a longer query, any word when that finds under MIN_MATCHES;
        typed syntax widened only when nothing matches. `body_for(query)` gives the searches
        of a page for a query, sent with the counts."""
        parsed = plan.parsed
        terms = plain_terms(parsed)
        if terms:
            most = len(terms) > ALL_WORDS_UP_TO
            need = len(terms) - len(terms) // 2 if most else len(terms)
            forms = foreign_forms(parsed.words) if self.has_foreign() else None
            level_query = words_query(terms, need, forms)
            if len(terms) == 1:  # one word: its records, however few
                return level_query, "all", text_query, None, None
            # counted together, in one request, each up to what decides: the level's records
            # (enough at MIN_MATCHES), whether any word finds more, all the words' records
            # for the note of a long query
            counts = [self._count(base, level_query, MIN_MATCHES),
                      self._count(base, words_query(terms, 1, forms), 1, without=level_query)]
            if most:
                counts.append(self._count(base, words_query(terms, len(terms), forms), MIN_MATCHES))
            counted, answer = self._counts(counts, body_for(level_query))
            matched, more = counted[0], counted[1]
            if matched >= MIN_MATCHES or not more:
                if not most:
                    return level_query, "all", text_query, None, answer
                return level_query, "most", text_query, (
                    f"Requête longue : documents contenant au moins {need} des "
                    f"{len(terms)} mots, les plus pertinents d'abord."), answer
            complete = matched if not most else counted[2]
            note = ("Aucun document ne contient tous les mots : résultats contenant une partie "
                    "d'entre eux." if not complete else
                    f"Seulement {complete} document(s) avec tous les mots : la recherche "
                    f"s'étend à ceux qui en contiennent une partie, les plus pertinents "
                    f"d'abord.")
            return words_query(terms, 1, forms), "any", text_query, note, None
        query = dsl(text_query)
        if isinstance(text_query, wq.Every) or len(parsed.words) < 2 or parsed.fallback:
            return query, "all", text_query, None, None
        counted, answer = self._counts([self._count(base, query, 1)], body_for(query))
        if counted[0]:
            return query, "all", text_query, None, answer
        loose = resolve_facet_terms(parse_query(plan.q, any_word=True).query, self.facet_values)
        loose_query = dsl(loose)
        nothing = answer
        counted, answer = self._counts([self._count(base, loose_query, 1)],
                                       body_for(loose_query))
        if not counted[0]:
            return query, "all", text_query, None, nothing
        return loose_query, "any", loose, ("Aucun document ne contient tous les mots : "
                                           "résultats contenant une partie d'entre eux."), answer


def file_id(path: str) -> str:
    """Return the id of the manifest's record of the file `path` (one per file read)."""
    return "file:" + hashlib.sha1(path.encode("utf-8", "surrogateescape")).hexdigest()


def _stored_or_none(stored: dict | None):
    return stored_document(stored) if stored else None


def warm_index(url: str, index: str, seconds: float | None = None) -> dict[str, int]:
    """Search the new `index` as the pages will, on each of its shard copies in turn, for
    about `seconds` (WARM_SECONDS), before its alias moves to it, unless its nodes have run
    WARM_SERVED searches each since they started; return the searches sent per node. Words
    and phrases, a facet selected, quotations, the date order, a second page, an export's
    thousand hits, a speaker's statements and a document by id: the code each runs on the
    nodes is then compiled, the new segments' files read. On a cluster just started and
    built, the first load run's pages waited for that, some past their time budget
    (« réessayez », 503)."""
    from indexer.search import SearchRequest, search

    seconds = WARM_SECONDS if seconds is None else seconds
    if seconds <= 0:
        return {}
    catalog = OpenSearchCatalog(url, alias=index)
    sent: dict[str, int] = {}
    try:
        copies = catalog.client.search_shards(index=index)["shards"]
        nodes = sorted({copy["node"] for shard in copies for copy in shard
                        if copy.get("state") == "STARTED"})
        served = catalog.client.nodes.stats(node_id=",".join(nodes), metric="indices",
                                            index_metric="search")["nodes"]
        if all(node["indices"]["search"]["query_total"] >= WARM_SERVED
               for node in served.values()):
            return sent  # nodes long at work: their code is compiled already
        first = search(catalog, SearchRequest(q="", sort="-date", per_page=50))
        if first.total < WARM_MIN_DOCS:
            return sent
        titles = [str(hit.get("title") or "") for hit in first.hits]
        words = list(dict.fromkeys(w for t in titles for w in t.split()
                                   if len(w) > 5 and w.isalpha()))[:WARM_WORDS] or ["loi"]
        phrases = [" ".join(t.split()[:3]) for t in titles if len(t.split()) >= 3] or words
        speakers = [v["value"] for v in first.facets.get("speaker", [])][:WARM_WORDS] or [""]
        ids = [hit.get("document_id") or hit.get("id") for hit in first.hits]
        ids = [i for i in ids if i] or ["-"]
        deadline = time.monotonic() + seconds
        turn = 0
        while time.monotonic() < deadline and turn < WARM_ROUNDS:
            word, phrase = words[turn % len(words)], phrases[turn % len(phrases)]
            speaker, doc_id = speakers[turn % len(speakers)], ids[turn % len(ids)]
            pages = [SearchRequest(q=word), SearchRequest(q=f'"{phrase}"'),
                     SearchRequest(q=word, speaker=[speaker]),
                     SearchRequest(q=word, quotes=True),
                     SearchRequest(q=word, sort="-date", page=2),
                     SearchRequest(q=word, per_page=WARM_EXPORT, facets=False)]
            for node in nodes:
                catalog.preference = f"_only_nodes:{node}"
                for page in pages:
                    search(catalog, page)
                catalog.speaking(speaker, 500)
                catalog.document(doc_id)
                sent[node] = sent.get(node, 0) + len(pages) + 2
            turn += 1
    finally:
        catalog.close()
    return sent


def warm_in_background(url: str, alias: str,
                       done: Callable[[dict[str, int] | None, float, str], None] | None = None
                       ) -> threading.Thread:
    """Warm the index behind `alias` (`warm_index`) in a daemon thread, and return it: what a
    server does when it starts (`webapp.server.warm_cluster`), for a cluster started or
    restarted since the index was built, whose nodes have not compiled their search code nor
    read the index's files yet. Nothing is searched when the nodes are long at work
    (WARM_SERVED), the index small (WARM_MIN_DOCS) or $VERBATIM_OPENSEARCH_WARM_SECONDS is 0;
    else for about that many seconds. `done(searches sent per node or None when the warming
    failed, seconds, error)` is called at the end."""
    def run() -> None:
        start = time.monotonic()
        try:
            sent, error = warm_index(url, alias), ""
        except Exception as exc:  # noqa: BLE001 - warming is a courtesy: the server serves
            sent, error = None, f"{type(exc).__name__}: {exc}"[:300]
        if done is not None:
            done(sent, time.monotonic() - start, error)

    thread = threading.Thread(target=run, name="verbatim-warm", daemon=True)
    thread.start()
    return thread


def open_opensearch(url: str | None = None, index_dir: Path | str | None = None,
                    alias: str | None = None) -> OpenSearchCatalog:
    """Return the engine on the Verbatim index of the cluster at `url` (see `opensearch_url`).

    The alias is `alias`, else $VERBATIM_OPENSEARCH_INDEX, else "verbatim"."""
    return OpenSearchCatalog(opensearch_url(url),
                             alias or os.environ.get("VERBATIM_OPENSEARCH_INDEX")
                             or DEFAULT_ALIAS, index_dir)


def cluster_health(url: str | None = None, alias: str | None = None) -> dict[str, Any]:
    """Return the cluster's state and the Verbatim index's counts (`verbatim check`)."""
    url = opensearch_url(url)
    alias = alias or os.environ.get("VERBATIM_OPENSEARCH_INDEX") or DEFAULT_ALIAS
    client = _client(url)
    try:
        health = client.cluster.health()
        counts = {"doc": 0, "quote": 0}
        names = ["-"]
        if client.indices.exists_alias(name=alias):
            names = list(client.indices.get_alias(name=alias))
            seconds, timeout = bounded()
            buckets = retried(client.search, index=alias, request_timeout=seconds, body={
                "size": 0, "timeout": timeout, "aggs": {"t": {"terms": {"field": "type"}}}},
            )["aggregations"]["t"]["buckets"]
            counts.update({b["key"]: b["doc_count"] for b in buckets})
    finally:
        client.close()
    return {"url": url, "status": health["status"], "nodes": health["number_of_nodes"],
            "index": ", ".join(names), "documents": counts["doc"], "quotes": counts["quote"],
            "ok": health["status"] != "red" and names != ["-"]}
