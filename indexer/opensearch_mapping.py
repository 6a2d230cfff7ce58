"""The index on the cluster: its mapping (`indexer.analysis` in OpenSearch's terms) and the
records sent for a `Document`.

The mapping (`index_body`) analyses French as `indexer.analysis` does: the same tokenizer
pattern, elision, lowercase, ASCII folding, the same stop words, the feminine participle rule,
Snowball French stems; `title.exact` and `text.exact` keep every word unstemmed for phrases and
quotations; facets are keywords, dates are dates; quotations are records of their own (`type:
quote`), as in the Whoosh index. A statement in another language than French is not stemmed in
French (as `indexer.analysis.LangText` on Whoosh): its title and text go to `title_other` and
`text_other`, folded words only (`OTHER`). The marks in the mapping's `_meta` (`marks`) say
which of these an index written by an older version holds.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any

import orjson

from indexer.analysis import APOSTROPHES, STOP_WORDS
from indexer.document import Document
from indexer.engine import (
    IN_RECORD,
    _loads,
    facet_key,
)
from indexer.opensearch_client import retried
from indexer.opensearch_passages import (
    PAIRS,
    passage_analysis,
)
from indexer.passages import (
    record_pairs,
)

# keywords searched, sorted or counted: `id` (lookups, the date order's tie-break), `type`,
# `parent` (a statement's quotations), `source`, and the facets
KEYWORDS = ("id", "type", "parent", "source", "kind", "year", "speaker", "theme", "lang")
# of them, those only ever matched by a term (a statement's quotations deleted by `parent`, a
# query on `source`), never sorted, counted nor read from doc values: no doc values, which
# the cluster wrote for each record and sorted at each flush (`id` is the sort's tie-break
# and read from doc values, `type` is counted, the facets too)
SEARCHED_ONLY = ("parent", "source")
# kept for display and for the indexer (in `_source`) but never searched, sorted or counted
# on the cluster: not indexed, no doc values, as Whoosh's stored fields (measured on `real`:
# the cluster's CPU for a build 16.6-18.6 s before, 14.6-15.2 s after)
SHOWN = ("root", "record", "format", "dated", "month", "place", "function", "text_hash")
# Those, a quotation's `position` and a statement's `data` are mapped as objects the cluster
# does not parse (`enabled: false`: any JSON value, kept in `_source` as sent, nothing else
# made of it). As keywords without index or doc values, each value was still decoded and
# passed through the keyword normalizer, a copy of the whole string (`data`, and the reuse
# step's 4 MB pieces), for nothing a search could read. An index mapped before keeps its
# keywords; both hold the same `_source`.
UNPARSED = {"type": "object", "enabled": False}
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
# Scored as Whoosh scores (`indexer.ranking`: BM25F, K1 1.2, B 0.75, a title's words weighing
# twice inside the saturation, the schema's `field_boost`), so that both engines rank alike:
# the title is its own BM25 with half the K1 (a count doubled under K1 is the count under
# K1 / 2, save the K1 + 1 factor, which OpenSearch's BM25 keeps as Whoosh's does: the title's
# clauses make up the difference, `indexer.opensearch_query.TITLE_FACTOR`), and every word's
# clause is boosted by Whoosh's idf over Lucene's for that word
# (`indexer.opensearch_query.whoosh_boost`). Before, the title was Lucene's BM25 boosted 2:
# a title word weighed twice a text word where Whoosh gives it 1.4 times, and the rarer word
# of a query weighed more (Lucene's idf has no + 1): 6 of the 146 tuned journalist search
# tasks were ranked otherwise than on Whoosh (top 1, dev 0.907 and dev3 0.824 against
# Whoosh's 0.930 and 0.853); now 2, two near ties, every half's top 1 the same on both
# (`bench.tasks --engine both`). An index without the mark SCORED in its `_meta` keeps
# Lucene's BM25 and the title boosted 2 (`verbatim index --rebuild` gives it the mark).
SCORED = "whoosh_scores"
WHOOSH_K1, WHOOSH_B = 1.2, 0.75
TITLE_WEIGHT = 2.0  # `indexer.schema`'s field_boost of `title`
TITLE_SIMILARITY = "verbatim_title"



def pair_field(pairs: list[str], lines: bool = True) -> str | list[str]:
    """Return the value of `PAIRS` sent for a record's pairs: one string, a pair a line
    (`PAIR_LINES`), or the list for an index written before.

    >>> pair_field(["tout le", "le monde"]), pair_field(["tout le"], lines=False)
    ('tout le\\nle monde', ['tout le'])
    """
    return "\n".join(pairs) if lines else pairs



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
            # see `indexer.analysis.masculine`. One expression for both endings: each word is
            # matched once, not twice
            "verbatim_participle": {"type": "pattern_replace", "pattern": "^(.{4,}e)es?$",
                                    "replacement": "$1"},
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
    title = {**text, "similarity": TITLE_SIMILARITY}  # `SCORED`
    properties: dict[str, Any] = {name: {"type": "keyword"} for name in KEYWORDS}
    for name in SEARCHED_ONLY:
        properties[name]["doc_values"] = False
    properties.update({name: dict(UNPARSED) for name in (*SHOWN, "position", "data")})
    properties.update({key: {"type": "keyword", "index": False, "doc_values": True}
                       for key in FACET_KEYS.values()})
    properties.update({
        "title": title, "text": text,
        # a statement in another language (`OTHER`): folded words, with positions
        **{other: {"type": "text", "analyzer": "verbatim_exact"} for other in OTHER.values()},
        OTHER["title"]: {"type": "text", "analyzer": "verbatim_exact",
                         "similarity": TITLE_SIMILARITY},
        "date": {"type": "date", "format": "strict_date_optional_time"},
        # `position` and `data` (the Document as JSON, but what the other fields hold,
        # `slim_data`) are UNPARSED
        PROFILE: {"type": "keyword", "index": False, "doc_values": True,
                  "ignore_above": PROFILE_CHARS},
    })
    # `_source` keeps every field sent: a field left out of it (`excludes`) makes each record
    # store its whole source a second time (`_recovery_source`, for copying shards; dropped
    # only by merges, hours later), every hit read then decompressing both
    similarity = {TITLE_SIMILARITY: {"type": "BM25", "k1": WHOOSH_K1 / TITLE_WEIGHT,
                                     "b": WHOOSH_B}}
    return {"settings": {"number_of_shards": shards, "number_of_replicas": replicas,
                         "analysis": analysis, "similarity": similarity},
            "mappings": {"_meta": {KEYED: 1, PROFILED: 1, PHRASED: 1, SCORED: 1},
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
    """Return the marks of `index_body`'s `_meta` (KEYED, PROFILED, PAIRED, SCORED…) that
    every index behind `index` (an alias or a name) has: the fields its mapping holds."""
    return index_marks(client, index)[1]


def index_marks(client, index: str) -> tuple[frozenset[str], set[str]]:
    """Return (the names of the indices behind `index`, an alias or a name; their `marks`),
    read in one request: what a running server reads again to follow its alias
    (`indexer.opensearch_engine`)."""
    mappings = retried(client.indices.get_mapping, index=index)
    metas = [m.get("mappings", {}).get("_meta") or {} for m in mappings.values()]
    held = {mark for mark in (KEYED, PROFILED, PAIRED, PAIR_LINES, PHRASED, SCORED)
            if metas and all(m.get(mark) for m in metas)}
    # the fields of statements in another language (`OTHER`), which an index written before
    # gains at its next run (`indexer.opensearch_writer.language_fields`)
    fields = [m.get("mappings", {}).get("properties") or {} for m in mappings.values()]
    if fields and all(OTHER["text"] in f for f in fields):
        held.add(LANGUAGES)
    return frozenset(mappings), held


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
    by orjson. `tests/test_opensearch_records.py` checks both give the same records.

    Every statement of a build passes here, in the indexer's one process: what the fields of
    most statements share is found once (a day's fields, `_dated`; a facet value folded,
    `_folded`), and a field only looked at when it can be missing (`_MAYBE_NONE`): a hansard
    statement's records in 10 µs instead of 22 (warm)."""
    dates = _dated(doc.date)
    themes = _values(doc.themes)
    speakers = doc.speakers
    common = {"source": doc.source, "format": doc.format, "kind": doc.kind or "",
              "title": doc.title or "", "theme": themes, "lang": doc.lang or ""}
    statement = {
        "id": doc.id, "type": "doc", **common, "root": doc.root, "record": doc.record,
        "text": doc.text, "place": doc.place or "",
        "speaker": _values([s.name for s in speakers]) if speakers else [],
        "function": _values([s.function for s in speakers]) if speakers else [],
        "text_hash": digest, **dates}
    if profile:
        statement[PROFILE] = profile_of(doc.date, [(s.name, s.function) for s in speakers])
    if pairs:  # Whoosh's `shingle` text: the title, then the text
        statement[PAIRS] = pair_field(record_pairs(f"{doc.title or ''}\n{doc.text}"), lines)
    for name in _MAYBE_NONE:  # the others are never None
        if statement[name] is None:
            del statement[name]
    if foreign(doc.lang):
        for name, other in OTHER.items():
            if name in statement:
                statement[other] = statement.pop(name)
    statement["data"] = slim_data(doc.__dict__, statement)
    yield _with_keys(statement) if keys else statement
    for i, quote in enumerate(doc.quotes):
        if quote.is_speech:
            record = {"id": f"{doc.id}-q{i}", "type": "quote", "parent": doc.id, **common,
                      "text": quote.text, "speaker": _values([quote.speaker]),
                      "function": _values([quote.function]), "position": quote.start, **dates}
            if pairs:
                record[PAIRS] = pair_field(record_pairs(quote.text), lines)
            record = {k: v for k, v in record.items() if v is not None}
            yield _with_keys(record) if keys else record


# a statement's fields that `records` may find None (the others are strings or lists)
_MAYBE_NONE = ("id", "source", "format", "root", "record", "text", "text_hash")
_ABSENT = object()


@lru_cache(maxsize=1 << 16)
def _dated(iso: str | None) -> dict[str, str]:
    """Return a record's fields of the date `iso` (`_day`): a statement's day, year, month and
    `dated`, or only `dated` "0" (the same dict for every record of that date: never changed,
    its fields are copied)."""
    day = _day(iso)
    return {"date": day, "year": day[:4], "month": day[:7], "dated": "1"} if day else \
        {"dated": "0"}


def _with_keys(record: dict[str, Any]) -> dict[str, Any]:
    """`with_keys` for a record of `records`, whose facets are all there, as lists (speaker,
    theme) or strings (kind, lang)."""
    speakers, themes = record["speaker"], record["theme"]
    record["speaker_key"] = ([_folded(speakers[0])] if len(speakers) == 1 else
                             list(dict.fromkeys(map(_folded, speakers))))
    record["theme_key"] = list(dict.fromkeys(map(_folded, themes))) if themes else []
    record["kind_key"] = _folded(record["kind"])
    record["lang_key"] = _folded(record["lang"])
    return record


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
    get = record.get
    for key, value in data.items():
        name = IN_RECORD.get(key)
        if name is not None:
            if get(name, _ABSENT) != value:  # not in the record, or not the same
                held[key] = value
        elif key == "speakers":
            if value and PROFILE not in record:
                held[key] = value
        elif key != "text" and (value or not isinstance(value, (list, dict))):
            held[key] = value
    return orjson.dumps(held).decode("utf-8")


def _values(values: list[str | None]) -> list[str]:
    # `indexer.schema`'s keyword values: a comma inside one is a space, blanks are dropped
    if not values:
        return []
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
