"""The distributed engine: an index on an OpenSearch cluster (`indexer.engine.Engine`).

Needs the optional extra `verbatim[opensearch]` (the official `opensearch-py` client).

* A search is one request: the query and the date filter select the records, the facet
  selections are a `post_filter`, each facet is counted under the other facets' selections
  (disjunctive facets) and the histogram under all of them.
* What it stands on, each in its own module: the client, the time budget of a search and the
  reads tried again when a node is lost (`indexer.opensearch_client`); the mapping, French
  analysed as `indexer.analysis` does, and the records of a `Document`
  (`indexer.opensearch_mapping`); the query parsed once by `indexer.query`, written for
  OpenSearch (`indexer.opensearch_query.dsl`: both engines look up the same terms); spelling
  with the cluster's words (`indexer.opensearch_spelling`); pasted passages
  (`indexer.opensearch_passages`).
* Indexing into the cluster is `indexer.opensearch_writer`, its reuse groups
  `indexer.opensearch_reuse`.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from whoosh import query as wq

from indexer import budget
from indexer.analysis import shingles
from indexer.engine import (
    MAX_FILE_RECORDS,
    SURNAME_FACETS,
    AccessRefused,
    Found,
    IndexMissing,
    Labels,
    Plan,
    Unsupported,
    _loads,
    best_label,
    document_summary,
    facet_key,
    merge_labels,
    name_people,
    named_document,
    record_hit,
    resolve_facet_terms,
    select_values,
    selected_label,
    selected_labels,
    speaking_by_search,
    stored_data,
    top_counts,
)
from indexer.matching import ALL_WORDS_UP_TO, MIN_MATCHES
from indexer.opensearch_client import (
    bounded,
    connect,
    opensearch_url,
    printable_url,
    refusal,
    retried,
)
from indexer.opensearch_mapping import (
    FACET_KEYS,
    KEYED,
    LANGUAGES,
    OTHER,
    PAIRED,
    PHRASED,
    PROFILE,
    PROFILED,
    SCORED,
    foreign,
    index_marks,
    shown,
)
from indexer.opensearch_passages import (
    STATEMENTS,
    clauses_held,
    cluster_passages,
    kept_passages,
    mark_hits,
    passes_selections,
    pin_passages,
)
from indexer.opensearch_people import (
    count_people,
    own_values,
    people_aggs,
    person_values,
    read_twice,
)
from indexer.opensearch_query import (
    SCORED_FIELDS,
    Boosts,
    dsl,
    foreign_forms,
    in_order,
    together_first,
    together_query,
    usual_score,
    whoosh_boost,
    words_query,
)
from indexer.opensearch_spelling import ClusterLexicon
from indexer.passages import (
    CANDIDATES,
    NO_PAIRS,
    Passage,
    passage_query,
    passages_note,
    phrase_passage,
    query_words,
    together_words,
)
from indexer.query import FACET_FIELDS, parse_query, plain_terms, query_terms
from indexer.schema import stored_document
from indexer.similar import SHARED_TERMS
from indexer.spelling import (
    Spelling,
    build_lexicon,
    check_spelling,
    correctable,
    spelling_key,
)

DEFAULT_ALIAS = "verbatim"
FACET_VALUES = 10_000  # values of a facet read for its labels, and of the whole year facet
VALUES_TTL = 10.0  # seconds a facet's list of values is kept for resolving `speaker:X`
# seconds the record counts of the words searched are kept: they only decide whether a word
# is unknown or rare enough to be corrected, and a request is saved on most searches
COUNTS_TTL = 60.0
# statements whose « more like this » neighbours are kept, and for how long: Whoosh keeps
# them for its index's version; here a re-indexed statement's list may be a minute old
SIMILAR_CACHE = 2000
SIMILAR_TTL = 60.0
# records read by id are kept this long, for the same page's next lookups: the statement of
# each quotation listed is read with the hits, then again by the template (reuse marks)
SEEN_TTL = 2.0
SEEN_RECORDS = 1000
# statements whose manifest record's id (`file_id`) is remembered, for `_get` to ask for it
# with the statement the next time it is read
MANIFEST_IDS = 10_000
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
# Reads are answered by the shard copies of the node asked when it holds a copy of each
# shard (`_local`): a node without a copy passes the hits on to the one that has it, each
# serialised twice more (a CSV export's thousand hits: 25 ms of the cluster's CPU on a node
# with a copy, 33 ms on one without). Record reads (multi-get) always ask so.
PREFERENCE = "_local"
# A search sent where `_local` names no copy (the node asked holds none, or the client is
# given several nodes' URLs and asks each in turn) is sent with a preference of its own, a
# hash of its body (`routed`): the cluster sends a custom preference to the same copy of
# each shard every time, and to another copy when that one is gone. With `_local` there,
# each search went to either copy in turn, each with its own request cache: the same page
# was computed twice and cached twice (`250k` under the load test: the shards' request cache
# answered 58-62 % of the searches, 69-72 % since, as with a copy on the node asked; the hop
# through that node remains). Whether the node asked holds a copy of each shard is read
# again after PLACEMENT_TTL seconds (an alias moved to a new index, a copy moved or lost).
PLACEMENT_TTL = 30.0
PLACEMENT_SECONDS = 2.0  # the client's wait for that answer
# What the index behind the alias holds (`marks`: folded facet values, speaker profiles, word
# pairs, Whoosh's scores, the fields of other languages) is read again after MARKS_TTL
# seconds, as the facet values are: `verbatim index --rebuild` moves the alias to a new index
# that may hold what the old one did not. Read once, a server opened on an index built before
# session 40 kept scoring by Lucene's BM25 after the rebuild, until restarted, and ranked
# otherwise than `verbatim search` on the same index.
MARKS_TTL = 10.0


# Aggregations under a filter that keeps every record the query found are sent as their
# sub-aggregations (`lifted`), their names joined by LIFTED, and read back nested (`nested`)
LIFTED = ":"
_EVERY = ({"match_all": {}}, {"bool": {"filter": []}})


def lifted(body: dict[str, Any]) -> dict[str, Any]:
    """Return the search `body` without the filters that keep every record: its aggregations
    filtered by nothing (a facet counted under no other facet's selection, the histogram
    under none) are its aggregations' own, and a post filter of no selection is dropped.
    The same hits and counts, without a filter that each shard runs on every record the
    query finds, and with the cluster's shortcuts for an aggregation at the top of a search.
    """
    if body.get("post_filter") in _EVERY:
        body = {name: part for name, part in body.items() if name != "post_filter"}
    aggs = body.get("aggs")
    if not aggs or not any(_every(agg) for agg in aggs.values()):
        return body
    top: dict[str, Any] = {}
    for name, agg in aggs.items():
        if _every(agg):
            top.update({f"{name}{LIFTED}{sub}": inner for sub, inner in agg["aggs"].items()})
        else:
            top[name] = agg
    return {**body, "aggs": top}


def _every(agg: dict[str, Any]) -> bool:
    return agg.keys() == {"filter", "aggs"} and agg["filter"] in _EVERY


def nested(answer: dict[str, Any]) -> dict[str, Any]:
    """Return `answer` with the aggregations `lifted` sent back under their parents' names."""
    found = answer.get("aggregations")
    if not found or not any(LIFTED in name for name in found):
        return answer
    aggs: dict[str, Any] = {}
    for name, agg in found.items():
        parent, _, sub = name.partition(LIFTED)
        if sub:
            aggs.setdefault(parent, {})[sub] = agg
        else:
            aggs[name] = agg
    answer["aggregations"] = aggs
    return answer


def routed(body: dict[str, Any]) -> str:
    """Return the custom preference of the search `body`: the same for the same body in
    every process (a CRC-32 of its JSON, not Python's `hash`, which each process seeds), so
    that every server sends a search to the same copy of each shard and finds it in that
    copy's request cache. It starts with a letter (a preference starting with "_" is one of
    the cluster's own)."""
    return f"q{zlib.crc32(orjson.dumps(body)):08x}"


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
    return nested(answer)



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
        # every request it sends bounded by the page's time budget (`bounded`)
        self.client = connect(url, retry_on_timeout=False, budgeted=True)
        # the shard copies that answer: None, those of the node asked when it holds a copy
        # of each shard, else one copy a search (`_preference`); `warm_index`: each in turn
        self.preference: str | None = None
        self._placement = (float("-inf"), False)  # (when read, the node asked holds each)
        self._lock = threading.Lock()
        self._values: dict[str, tuple[float, dict, dict, dict]] = {}
        self._word_counts: tuple[float, dict[str, int], dict[str, int]] = (0.0, {}, {})
        # (when read, {(field, term): records holding it}, {field: records holding it}) for
        # scoring as Whoosh (`boosts`), kept COUNTS_TTL seconds
        self._term_stats: tuple[float, dict[tuple[str, str], int], dict[str, int]] = \
            (float("-inf"), {}, {})
        self._display: tuple[float, dict[str, str]] = (0.0, {})
        self._similar: OrderedDict[tuple, tuple[float, list]] = OrderedDict()
        self._seen: OrderedDict[str, tuple[float, dict | None]] = OrderedDict()
        self._manifest_ids: OrderedDict[str, str] = OrderedDict()
        # the field each statement read a moment ago holds its text in (`_like`)
        self._text_fields: OrderedDict[str, str] = OrderedDict()
        try:
            exists = retried(self.client.indices.exists_alias, name=alias) or \
                retried(self.client.indices.exists, index=alias)
        except Exception as exc:  # noqa: BLE001 - unreachable, refused, bad credentials
            if (why := refusal(exc)) is not None:
                raise AccessRefused(why) from exc
            raise IndexMissing(f"OpenSearch injoignable à {printable_url(url)} "
                               f"({type(exc).__name__})") from exc
        if not exists:
            raise IndexMissing(f"aucun index « {alias} » sur {printable_url(url)}")
        # (when read, (the names of the indices behind the alias, their marks))): `_held`;
        # the marks a search running in this thread began with (`run`)
        self._marks: tuple[float, tuple[frozenset[str], frozenset[str]]] = \
            (float("-inf"), (frozenset(), frozenset()))
        self._pair_counts: dict[str, Any] | None = None  # `indexer.opensearch_passages`
        self._search = threading.local()
        self._held()

    # What the index holds (`marks`), as read at most MARKS_TTL seconds ago (`_held`)

    @property
    def keyed(self) -> bool:
        """Tell whether facets are counted by their folded values (`FACET_KEYS`), not by
        spelling (an index written before those existed, or a mapping that may not be read:
        a user allowed to search only): the same counts, more slowly."""
        return KEYED in self._held()

    @property
    def profiled(self) -> bool:
        """Tell whether speaker pages read their statements' `PROFILE` doc values."""
        return PROFILED in self._held()

    @property
    def scored(self) -> bool:
        """Tell whether words are scored as Whoosh scores them (`boosts`), not by Lucene's
        BM25 (an index built before session 40)."""
        return SCORED in self._held()

    @property
    def pair_terms(self) -> bool:
        """Tell whether pasted passages are found by the index's word pairs (PAIRED), not
        by its words side by side (`indexer.opensearch_passages`)."""
        return PAIRED in self._held()

    @property
    def paired(self) -> bool:
        """Tell whether pasted passages can be found (`find_passages`) at all."""
        held = self._held()
        return PAIRED in held or PHRASED in held

    @property
    def languages(self) -> bool:
        """Tell whether statements in another language may be in `OTHER` (else all in
        `title` and `text`); an index written before gains the fields at its next run
        (`indexer.opensearch_writer.language_fields`)."""
        return LANGUAGES in self._held()

    def _held(self) -> frozenset[str]:
        """Return the marks of the index behind the alias (`marks`), read again when older
        than MARKS_TTL seconds: the alias may have moved to a new index since. A mapping
        that may not be read at first (refused: a user allowed to search only; unreachable,
        or slower than the page's time budget) holds none, the safe way; later, what was
        read before is kept until it answers. Within a search (`run`), the marks it began
        with. Every cache of what the index holds calls it first: when the alias names
        other indices, they are forgotten (`_forget`)."""
        if (pinned := getattr(self._search, "held", None)) is not None:
            return pinned
        return self._kept("_marks", MARKS_TTL, self._read_marks)[1]

    def _read_marks(self, before: tuple[frozenset[str], frozenset[str]] | None
                    ) -> tuple[frozenset[str], frozenset[str]]:
        try:
            names, held = index_marks(self.client, self.alias)
        except Exception:  # noqa: BLE001 - refused (403), unreachable, out of time
            return (frozenset(), frozenset()) if before is None else before
        if before is not None and names != before[0]:
            self._forget()
        return names, frozenset(held)

    def _forget(self) -> None:
        """Forget what was read of the indices the alias named before it moved (`verbatim
        index --rebuild`): the words' record counts (scores and spelling), the facets'
        values, the records and neighbours read, the shard placement, the word pairs'
        counts. Kept until their own TTL, a rebuilt index was scored with its predecessor's
        statistics for a minute."""
        with self._lock:
            self._values = {}
            self._display = (0.0, {})
            self._word_counts = (0.0, {}, {})
            self._term_stats = (float("-inf"), {}, {})
            self._similar = OrderedDict()
            self._seen = OrderedDict()
            self._manifest_ids = OrderedDict()
            self._text_fields = OrderedDict()
            self._placement = (float("-inf"), False)
            self._pair_counts = None

    def _kept(self, name: str, ttl: float, read: Callable[[Any], Any]) -> Any:
        """Return the value the attribute `name` keeps as (when read, value), read again by
        `read(value before, None the first time)` when older than `ttl` seconds; the other
        threads go on with the value before meanwhile."""
        now = time.monotonic()
        with self._lock:
            when, value = getattr(self, name)
            if now - when < ttl:
                return value
            setattr(self, name, (now, value))
        value = read(None if when == float("-inf") else value)
        with self._lock:
            setattr(self, name, (now, value))
        return value

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
        """Return the stored `Document` with this id, or None; its speakers named as the
        speaker facet names them (`named_document`), its text as the record holds it."""
        found = self._get(doc_id)
        if not found or found.get("type") != "doc":
            return None
        return named_document(stored_document(found), self._people("speaker").labels)

    def searcher(self):
        """Refuse: Whoosh's searcher has no meaning here (what needs one has an
        engine-neutral call: `find_passages`, `similar`, `reuse_groups`)."""
        raise Unsupported("Cette fonction n'est pas disponible avec le moteur OpenSearch ; "
                          "utilisez --engine whoosh.")

    def find_passages(self, text: str, best_only: bool = False,
                      limit: int = CANDIDATES) -> list[Passage]:
        """Return the statements holding the passage `text` (`indexer.engine.Engine`)."""
        if not self.paired:
            raise Unsupported(NO_PAIRS)
        return kept_passages(self, text, [*STATEMENTS], best_only, limit)[0]

    def words_held(self, ids: list[str], terms: list[str]) -> dict[str, set[str]]:
        """Return which of the analysed words `terms` each record of `ids` holds in its
        title or text (`indexer.engine.Engine.words_held`): one multi-search over those
        records, each word a clause of its own (`clauses_held`)."""
        words = list(dict.fromkeys(terms))
        held = clauses_held(self, list(dict.fromkeys(ids)), [
            dsl(wq.Or([wq.Term(field, term) for field in SCORED_FIELDS])) for term in words])
        return {doc_id: {words[i] for i in found} for doc_id, found in held.items()}

    def author_passages(self, text: str, name: str) -> list[Passage]:
        """Return the statements of the speakers `name` selects holding words near the
        passage `text` (`indexer.engine.Engine.author_passages`): the same candidates and
        alignment as Whoosh, the records filtered by their speaker's indexed spellings."""
        if not self.paired:
            return []
        labels, spellings = self.facet_values("speaker")
        spelled = [spelling for label in selected_labels(labels, "speaker", name)
                   for spelling in spellings.get(label, [label])]
        if not spelled:
            return []
        return cluster_passages(self, text, [{"term": {"type": "doc"}},
                                             {"terms": {"speaker": spelled}}], loose=True)[0]

    def reuse_groups(self):
        """Return the reuse groups kept in the index (`indexer.opensearch_reuse`)."""
        from indexer.opensearch_reuse import groups

        return groups(self.client, self.alias)

    def file_order(self, source: str, root: str | None) -> list[tuple[str, str]] | None:
        """Return (record, id) of the statements read from `source`, in the file's order
        (`indexer.engine.Engine.file_order`): one request, their `record` and `id` only."""
        body = {"size": MAX_FILE_RECORDS + 1, "track_total_hits": False,
                "_source": ["id", "record", "root"],
                "query": {"bool": {"filter": [{"term": {"source": source}},
                                              {"term": {"type": "doc"}}]}}}
        hits = self.search(body)["hits"]["hits"]
        if len(hits) > MAX_FILE_RECORDS:
            return None
        return sorted((str(h["_source"].get("record") or ""), h["_source"]["id"])
                      for h in hits if h["_source"].get("root") == root)

    def speaker_names(self) -> list[str]:
        """Return every speaker's name as the pages show it (spelling variants merged)."""
        return list(self.facet_values("speaker")[1])

    def speaker_labels(self) -> Labels:
        """Return the speakers' labels (`indexer.engine.Engine.speaker_labels`)."""
        return self._people("speaker")

    def facet_labels(self, facet: str) -> dict[str, str]:
        """Return a facet's labels (`indexer.engine.Engine.facet_labels`)."""
        return self.facet_values(facet)[0]

    def similar(self, doc_id: str, top: int, terms: int) -> list[dict[str, Any]]:
        """Return up to `top` statements like `doc_id` (« more like this » on its `terms`
        most telling words), as `indexer.similar.similar_documents` does for Whoosh; kept
        SIMILAR_TTL seconds for SIMILAR_CACHE statements (the cluster analyses the whole
        statement again for each such query)."""
        self._held()  # those of the index the alias names
        key, now = (doc_id, top, terms), time.monotonic()
        with self._lock:
            known = self._similar.get(key)
        if known and now - known[0] < SIMILAR_TTL:
            return known[1]
        # no total asked: the shards skip the records that cannot be among the `top`
        # (Lucene's block-max WAND); 15 % of the cluster's CPU a lookup at `250k`
        like = self._like(doc_id)
        body = {"size": top, "track_total_hits": False, "query": {"bool": {
            "filter": [{"term": {"type": "doc"}}],
            "must": [{"more_like_this": {**like, "max_query_terms": terms,
                                         "min_term_freq": 1, "min_doc_freq": 1,
                                         "minimum_should_match": f"{SHARED_TERMS}%"}}]}}}
        if isinstance(like["like"][0], str):  # by its text: the statement itself left out
            body["query"]["bool"]["must_not"] = [{"ids": {"values": [doc_id]}}]
        # the manifest's record of the statement's file, which its page reads next
        # (`file_root`), asked in the same round trip: one trip less a document page
        manifest = self._manifest_of(doc_id)
        if manifest is None:
            found = self.search(body)["hits"]["hits"]
        else:
            answer, files = self.answers([body, {"size": 1, "query": {"ids": {
                "values": [manifest]}}}])
            self._keep({h["_id"]: h["_source"] for h in files["hits"]["hits"]}, [manifest])
            found = answer["hits"]["hits"]
        labels = self._people("speaker").labels
        similar = [document_summary(named_document(stored_document(h["_source"]), labels),
                                    round(h["_score"], 4)) for h in found]
        with self._lock:
            self._similar[key] = (now, similar)
            self._similar.move_to_end(key)
            while len(self._similar) > SIMILAR_CACHE:
                self._similar.popitem(last=False)
        return similar

    def _like(self, doc_id: str) -> dict[str, Any]:
        """Return the `fields` and `like` of the « more like this » of `doc_id`: the text of
        the statement read a moment ago (its page, `_get`) on the field that holds it, or else
        the statement by its id. Its text makes a body the shards' request cache answers the
        next time (another server process, a later page): a like-document is read and
        analysed again at each search, never cached (250k: ~7 ms of the cluster's CPU a
        lookup each time; by its text ~6 ms, then ~2.4 ms from the cache). The same
        neighbours with the same scores (the statement itself left out by the caller): its
        words are chosen from the same text by its field's analyzer. An artificial document
        (`{"doc": …}`) would not do: its words were scored otherwise (other neighbours)."""
        now = time.monotonic()
        with self._lock:
            seen = self._seen.get(doc_id)
            field = self._text_fields.get(doc_id)
        text = seen[1].get("text") if seen and seen[1] and now - seen[0] < SEEN_TTL else None
        if field is None or not isinstance(text, str) or not text.strip():
            return {"fields": ["text", *([OTHER["text"]] if self.languages else [])],
                    "like": [{"_id": doc_id}]}
        return {"fields": [field], "like": [text]}

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
        labels = self._people("speaker").labels
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
            statements.append(name_people({"date": held.get("date"), "speakers": [
                {"name": n, "function": f} for n, f in pairs]}, labels))
        return statements

    def has_foreign(self) -> bool:
        """Tell whether the index holds statements in another language than French (its
        `lang` facet's values, kept a few seconds): their words as typed are searched too."""
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

    def moved_to(self, doc_id: str) -> str | None:
        """Return the id a statement has now whose file moved since it had `doc_id`, from the
        manifest's record of the index (`indexer.opensearch_writer.META`: its `moved`), or
        None."""
        from indexer.opensearch_writer import META

        found = self._get(META)
        if not found or found.get("type") != META:
            return None
        return (_loads(found["data"]).get("moved") or {}).get(doc_id)

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
                index=self.alias, body={**lifted(body), "timeout": timeout},
                request_timeout=seconds,
                params={"allow_partial_search_results": "true",
                        "preference": self._preference(body),
                        "request_cache": "true" if REQUEST_CACHE else "false"}))

        return retried(once)

    def _preference(self, body: dict[str, Any]) -> str:
        """Return the preference of the search `body`: `_local` when the node asked holds a
        copy of each shard of the index (`_local_copies`), else its own (`routed`): one copy
        of each shard answers it every time, whichever node is asked."""
        if self.preference is not None:
            return self.preference
        return PREFERENCE if self._local_copies() else routed(body)

    def _local_copies(self) -> bool:
        """Tell whether the node this client asks holds a started copy of each shard of the
        index, as read at most PLACEMENT_TTL seconds ago (a client of several nodes asks
        each in turn: no). When the cluster does not say (a user not allowed to ask, a
        slow answer), no: a search then always finds its copy, at the cost of a hop."""
        return self._kept("_placement", PLACEMENT_TTL, self._read_placement)

    def _read_placement(self, _before: bool | None) -> bool:
        if len(self.client.transport.hosts) != 1:
            return False
        try:
            groups = self.client.search_shards(
                index=self.alias, preference="_only_local",
                request_timeout=PLACEMENT_SECONDS)["shards"]
        except Exception:  # noqa: BLE001 - refused, unreachable, slow: a search says
            return False
        return bool(groups) and all(
            any(copy.get("state") == "STARTED" for copy in group) for group in groups)

    def _get(self, doc_id: str) -> dict | None:
        """Return the record `doc_id` (kept SEEN_TTL seconds). A statement read before is
        read with its manifest record (`file_id`), which its page reads next (`file_root`):
        a document page whose « more like this » neighbours were kept (`similar`) was two
        round trips, the statement's then its manifest record's."""
        now = time.monotonic()
        with self._lock:
            seen = self._seen.get(doc_id)
            manifest = self._manifest_ids.get(doc_id)
            if manifest is not None:
                known = self._seen.get(manifest)
                if known and now - known[0] < SEEN_TTL:
                    manifest = None
        if seen and now - seen[0] < SEEN_TTL:
            return seen[1]
        found = self._records([doc_id] if manifest is None else [doc_id, manifest]).get(doc_id)
        manifest = _manifest_id(found)
        if manifest is not None:  # a hint: `file_root` checks the record against the path
            with self._lock:
                self._manifest_ids[doc_id] = manifest
                self._manifest_ids.move_to_end(doc_id)
                while len(self._manifest_ids) > MANIFEST_IDS:
                    self._manifest_ids.popitem(last=False)
        return found

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
                         params={"realtime": "false",
                                 "preference": self.preference or PREFERENCE})
        found = [d for d in answer["docs"] if d.get("found")]
        with self._lock:  # a statement's text as indexed, before `shown` names it `text`
            for d in found:
                if d["_source"].get("type") == "doc":
                    field = OTHER["text"] if OTHER["text"] in d["_source"] else "text"
                    self._text_fields[d["_id"]] = field
                    self._text_fields.move_to_end(d["_id"])
            while len(self._text_fields) > SEEN_RECORDS:
                self._text_fields.popitem(last=False)
        return self._keep({d["_id"]: shown(d["_source"]) for d in found}, wanted)

    def _keep(self, found: dict[str, dict], asked: list[str] = ()) -> dict[str, dict]:
        """Keep the records `found` ({id: record}) SEEN_TTL seconds for `_get`, and that the
        others `asked` for are absent (None: an index built from extracted documents has no
        manifest records, which each document page asked for again); return `found`."""
        now = time.monotonic()
        with self._lock:
            for doc_id in asked:
                if doc_id not in found:
                    self._seen[doc_id] = (now, None)
                    self._seen.move_to_end(doc_id)
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
            if not seen or now - seen[0] >= SEEN_TTL:
                return None
            manifest = _manifest_id(seen[1])
            if manifest is None:
                return None
            known = self._seen.get(manifest)
        return None if known and now - known[0] < SEEN_TTL else manifest

    def word_counts(self) -> tuple[dict[str, int], dict[str, int]]:
        """Return the record counts of folded words asked less than COUNTS_TTL s ago, and
        whether a record holds the others asked (1 or 0): dicts the spelling lexicon fills."""
        self._held()  # those of the index the alias names
        now = time.monotonic()
        with self._lock:
            if now - self._word_counts[0] > COUNTS_TTL:
                self._word_counts = (now, {}, {})
            return self._word_counts[1], self._word_counts[2]

    def boosts(self, pairs) -> Boosts:
        """Return the boosts making the cluster score the words (field, term) `pairs` as
        Whoosh does (`indexer.opensearch_query.whoosh_boost`), None on an index not `SCORED`.

        The records holding each word in the title and in the text, and those holding the
        field, are read in one request (term vectors of the words as a document of their
        own: the statistics Lucene scores with), kept COUNTS_TTL seconds. When the cluster
        does not answer, the words are scored with Lucene's idf (K1 + 1 only)."""
        if not self.scored:
            return None
        wanted = {(f, t) for f, t in pairs if f in SCORED_FIELDS}
        now = time.monotonic()
        with self._lock:
            if now - self._term_stats[0] > COUNTS_TTL:
                self._term_stats = (now, {}, {})
            _, known, fields = self._term_stats
            missing = sorted({t for f, t in wanted if (f, t) not in known})
        if missing or (wanted and not fields):
            try:
                read, counts = self._read_term_stats(missing)
            except Exception:  # noqa: BLE001 - refused, unreachable, slow: Lucene's idf
                return {}
            with self._lock:
                known.update(read)
                fields.update(counts)
        records = max(fields.values(), default=0)
        return {(f, t): whoosh_boost(known[f, t], fields[f], records) for f, t in wanted
                if (f, t) in known and fields.get(f)}

    def _read_term_stats(self, terms: list[str]
                         ) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
        """Return the records holding each term in the title and in the text, and those
        holding each field (Lucene's `docFreq` and `docCount`, as one copy of the shard
        counts them)."""
        seconds, _ = bounded()
        text = " ".join(terms)  # analysed terms: split as they are, not analysed again
        answer = retried(self.client.termvectors, index=self.alias, request_timeout=seconds,
                         params={"preference": self._preference({})}, body={
                             "doc": {f: text for f in SCORED_FIELDS},
                             "fields": list(SCORED_FIELDS), "term_statistics": True,
                             "field_statistics": True, "positions": False, "offsets": False,
                             "per_field_analyzer": {f: "whitespace" for f in SCORED_FIELDS}})
        read, counts = {}, {}
        for field in SCORED_FIELDS:
            found = answer.get("term_vectors", {}).get(field) or {}
            counts[field] = (found.get("field_statistics") or {}).get("doc_count", 0)
            held = found.get("terms") or {}
            for term in terms:
                read[field, term] = (held.get(term) or {}).get("doc_freq", 0)
        return read, counts

    def display(self) -> dict[str, str]:
        """Return the accents and capitals of the speakers' and themes' words (for the
        spelling suggestions shown), kept as long as the facet values."""
        self._held()  # those of the index the alias names
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
        self._held()  # those of the index the alias names
        now = time.monotonic()
        with self._lock:
            cached = self._values.get(facet)
        if cached and now - cached[0] < VALUES_TTL:
            return cached[1], cached[2]
        people = self._read_values(facet)
        labels, variants = people.labels, people.variants
        # each indexed spelling's label, for the counts of every search (a thousand values
        # a page: looked up, not folded each time)
        spelled = {v: label for label, forms in variants.items() for v in forms}
        # the spellings of merged labels, counted apart at every search (`_facet_agg`)
        merged = [v for forms in variants.values() if len(forms) > 1 for v in forms]
        # the people a bare surname was merged into, and those some record names twice
        field = FACET_KEYS.get(facet, facet) if self.keyed else facet
        values = person_values(people, field, self.keyed)
        twice = read_twice(self.search, field, values) if values else set()
        with self._lock:
            self._values[facet] = (now, labels, variants, spelled, merged, people,
                                   (field, values, twice))
        return labels, variants

    def _people(self, facet: str) -> Labels:
        """Return a facet's `Labels` (`facet_values`): which bare surnames went to whom."""
        self.facet_values(facet)
        with self._lock:
            return self._values[facet][5]

    def _people_aggs(self, facet: str) -> dict[str, Any]:
        """Return the aggregations counting a facet's people (`indexer.opensearch_people`)."""
        self.facet_values(facet)
        with self._lock:
            field, values, twice = self._values[facet][6]
        return people_aggs(field, values, twice)

    def _people_values(self, facet: str) -> dict[str, list[str]]:
        """Return {label: its values} of a facet's people (`indexer.opensearch_people`)."""
        self.facet_values(facet)
        with self._lock:
            return self._values[facet][6][1]

    def _people_counts(self, facet: str, found: dict[str, Any], counted: dict[str, int]
                       ) -> tuple[dict[str, int], dict[str, int]]:
        """Return the counts of an answer's values ({value: records}, every value of the
        facet when it has people) but those of people, and the people's counts."""
        values = self._people_values(facet)
        theirs = {v for held in values.values() for v in held}
        own = own_values(self._people(facet), self.keyed)
        return ({v: n for v, n in counted.items() if v not in theirs},
                count_people(counted, found, values, own))

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
            aggs: dict[str, Any] = {"v": {"terms": {"field": field, "size": FACET_VALUES}}}
        else:
            # with people, every value: their names are summed wherever they rank
            top = {"field": field, "size": FACET_VALUES if self._people_values(facet) else
                   size + SPARE_VALUES, "order": [{"_count": "desc"}, {"_key": "asc"}]}
            aggs = {"v": {"terms": top}}
            keys = sorted({facet_key(v) for v in selected})
            if keys:
                aggs["pinned"] = {"terms": {"field": field, "include": keys, "size": len(keys)}}
        aggs.update(self._people_aggs(facet))
        return {"filter": {"bool": {"filter": others}}, "aggs": aggs}

    def _keyed_counts(self, facet: str, found: dict[str, Any]) -> dict[str, int]:
        """Return {label: records} of a facet's buckets of folded values (`_facet_agg`)."""
        labels = self.facet_values(facet)[0]
        counted, people = self._people_counts(facet, found, {
            b["key"]: b["doc_count"] for b in [*found["v"]["buckets"],
                                               *found.get("pinned", {}).get("buckets", [])]
            if b["key"]})
        unknown = [key for key in counted if key not in labels]
        if unknown:  # values indexed since the labels were read
            labels = {**labels, **self._labels_of(facet, unknown)}
        return {**{labels.get(key, key): n for key, n in counted.items()}, **people}

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
            aggs: dict[str, Any] = {"v": {"terms": {"field": facet, "size": FACET_VALUES}}}
        else:
            pinned = self._pinned(facet, selected)
            # one more place for an empty value, never shown
            # with people, every value: their names are summed wherever they rank
            top = {"field": facet, "size": FACET_VALUES if self._people_values(facet) else
                   size + 2 + len(pinned), "order": [{"_count": "desc"}, {"_key": "asc"}]}
            aggs = {"v": {"terms": top}}
            if pinned:
                aggs["pinned"] = {"terms": {"field": facet, "include": pinned,
                                            "size": len(pinned)}}
        aggs.update(self._people_aggs(facet))
        return {"filter": {"bool": {"filter": others}}, "aggs": aggs}

    def _read_values(self, facet: str) -> Labels:
        values = {"terms": {"field": facet, "size": FACET_VALUES}}
        aggs: dict[str, Any] = {"v": values}
        if facet in SURNAME_FACETS:
            # the names that speak in a statement, not only in quotations (`merge_labels`)
            aggs["said"] = {"filter": {"term": {"type": "doc"}}, "aggs": {"v": values}}
        found = self.search({"size": 0, "aggs": aggs})["aggregations"]
        groups: dict[str, list[tuple[str, int]]] = {}
        for b in found["v"]["buckets"]:
            if b["key"]:
                groups.setdefault(facet_key(b["key"]), []).append((b["key"], b["doc_count"]))
        speaking = {facet_key(b["key"]) for b in found["said"]["v"]["buckets"]} \
            if "said" in found else None
        return merge_labels(groups, facet, speaking)

    def _label(self, facet: str, value: str) -> str:
        labels, _ = self.facet_values(facet)
        return selected_label(labels, facet, value)

    def run(self, plan: Plan) -> Found:
        """Return what the cluster holds for `plan`, in one search (plus counts to choose the
        matching level of plain words)."""
        # one reading of the marks for the whole search: its facets asked by their folded
        # values are read back as such, whatever another thread reads meanwhile
        self._search.held = self._held()
        try:
            return self._run(plan)
        finally:
            self._search.held = None

    def _run(self, plan: Plan) -> Found:
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
        # the records holding a pasted passage come first (`indexer.opensearch_passages`); a
        # phrase among keywords (`Passage.leads`) is shown on its record, ranked as the others
        typed = passage_query(request.q) if self.paired else None
        held, read = kept_passages(self, typed, base) if typed else ([], {})
        leading = [p for p in held if p.leads]

        selections: dict[str, dict] = {}
        for facet in FACET_FIELDS:
            if request.selected(facet):
                named, values = select_values(self.facet_values(facet)[0], facet,
                                              request.selected(facet))
                request.labels = {**request.labels, facet: named}
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

        # a short plain query: its words in that order first, then its word pairs side by
        # side (Whoosh's `TogetherFirst`, `indexer.passages.phrase_holders`)
        words = together_words(request.q, parsed) if ranked else []
        pairs = shingles(words)
        together = together_query(pairs) if pairs else None
        phrase = in_order(words) if words else None

        def shaped(query: dict) -> dict[str, Any]:
            if not ranked:
                return pin_passages(query, leading)
            return together_first(pin_passages(query, leading), together, phrase)

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
                counted, people = self._people_counts(facet, found, {
                    b["key"]: b["doc_count"]
                    for b in [*buckets, *found.get("pinned", {}).get("buckets", [])]
                    if b["key"]})
                for value, n in counted.items():
                    # a value indexed since the list was read: its label is looked for
                    label = spelled.get(value) or self._label(facet, value)
                    counts[label] = counts.get(label, 0) + n
                counts.update(people)
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
        labels = self._people("speaker").labels
        in_phrase = []  # the hits holding a short query's words in order
        for hit in found_hits:
            score = hit.get("_score") if ranked else None
            holds = False
            if score and phrase is not None:
                score, holds = usual_score(score)  # the usual score shown, as Whoosh's
            in_phrase.append(holds)
            score = round(score, 4) if score else None
            hits.append(name_people(record_hit(hit["_source"], score, terms,
                                               lambda i: _stored_or_none(parents.get(i))),
                                    labels))
        sources = [h["_source"] for h in found_hits]
        shown_passages = {p.doc_id: p for p in held}
        for hit, stored, holds in zip(hits, sources, in_phrase, strict=True):
            # a short query's words in order: shown as Whoosh shows them (`PhrasePassages`)
            if holds and hit["id"] not in shown_passages and (passage := phrase_passage(
                    hit["id"], words, request.q, stored.get("text", ""))):
                shown_passages[hit["id"]] = passage
        mark_hits(hits, sources, shown_passages, ranked)
        # whether a record holds the quotation typed (`Found.held`), told without selections
        # only (they filter the hits after the search)
        quoted = None
        if not selections:
            if isinstance(parsed.query, wq.Phrase):
                quoted = level == "all" and total > 0
            if typed:
                quoted = bool(held) or bool(quoted)
            if quoted is False and typed:
                # as on Whoosh: absent only when no record holds its words in order either
                # (its candidates may all have been other records)
                words_typed = [w for w, _, _ in query_words(typed)]
                counted, _ = self._counts([self._count(base, in_order(words_typed), 1)], [])
                quoted = bool(counted[0])
            if phrase is not None and first == 0:
                quoted = bool(in_phrase and in_phrase[0])
        shown = [p for p in leading if passes_selections(read.get(p.doc_id) or {}, selections)]
        if shown:
            notes.insert(0, passages_note(shown))
        return Found(total=total, hits=hits, facets=facets, years=years,
                     months=lambda prefix: {m: n for m, n in months.items()
                                            if m.startswith(prefix)},
                     level=level, notes=notes, truncated=truncated, passages=bool(leading),
                     held=quoted)

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
                          "aggs": {name: {"filter": everything, "aggs": {
                              k: v for k, v in counted.items() if k != "pinned"}}}})
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
                "request_cache": REQUEST_CACHE}
        return retried(self._msearch, [line for search in searches for line in (
            {**head, "preference": self._preference(search)}, search)])

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
        lines = [line if i % 2 == 0 else {**lifted(line), "timeout": timeout}
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
            boosts = self.boosts((f, t) for t in terms for f in SCORED_FIELDS)
            level_query = words_query(terms, need, forms, boosts)
            if len(terms) == 1:  # one word: its records, however few
                return level_query, "all", text_query, None, None
            # counted together, in one request, each up to what decides: the level's records
            # (enough at MIN_MATCHES), whether any word finds more, all the words' records
            # for the note of a long query (counts: no boosts)
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
            return words_query(terms, 1, forms, boosts), "any", text_query, note, None
        query = dsl(text_query, self.boosts(text_query.all_terms()))
        if isinstance(text_query, wq.Every) or len(parsed.words) < 2 or parsed.fallback:
            return query, "all", text_query, None, None
        counted, answer = self._counts([self._count(base, query, 1)], body_for(query))
        if counted[0]:
            return query, "all", text_query, None, answer
        loose = resolve_facet_terms(parse_query(plan.q, any_word=True).query, self.facet_values)
        loose_query = dsl(loose, self.boosts(loose.all_terms()))
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


def _manifest_id(record: dict | None) -> str | None:
    """Return the id of the manifest's record of the file a statement's `record` was read
    from, None for another record, none, or a statement read from no file."""
    if not record or record.get("type") != "doc" or not record.get("root") or \
            not record.get("source"):
        return None
    return file_id(str(Path(record["root"]) / record["source"]))


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
    client = connect(url)
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
    return {"url": printable_url(url), "status": health["status"],
            "nodes": health["number_of_nodes"],
            "index": ", ".join(names), "documents": counts["doc"], "quotes": counts["quote"],
            "ok": health["status"] != "red" and names != ["-"]}
