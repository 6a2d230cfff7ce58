"""Who said it first, who repeats it: the genealogy of a passage, and the talking points.

`genealogy(catalog, q)` finds the documents holding a pasted passage or quotation (the
pasted-passage finder, `Catalog.passages`), adds every other occurrence of the reuse groups
they belong to (`indexer.reuse`: passages copied, quotations of one person reworded), and
returns them oldest first, each with a word-level diff to the first one.

`talking_points(catalog, request)` lists the groups repeated by the most documents (or
speakers) over a period, filtered like the search page. Both return plain data.
"""

from __future__ import annotations

import heapq
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz.distance import Levenshtein

from indexer import budget, surnames
from indexer.analysis import STOP_WORDS, fold, passage_words
from indexer.engine import (
    named_keys,
    named_people,
    selected_label,
    selected_labels,
    typed_filter_notes,
)
from indexer.extract.names import load_aliases
from indexer.passages import align, query_words
from indexer.reuse import GROUPS, PENDING, read_groups
from indexer.reuse.passages import PROCEDURE
from indexer.verify import turn_of_another

# Occurrences shown at most for one passage (a formula copied in hundreds of documents).
MAX_OCCURRENCES = 100
# A quotation of the same person joins a passage's genealogy when the other text holds this
# share of the shorter one's words, in order and close together (`shared_share`): a reuse
# group chains quotations sharing one rare phrase with another, and most quotations two links
# away share nothing with the passage (Antoine Deltour's « Je trouve formidable que ma
# démarche … » was shown as a rewording of « les institutions européennes jugent prioritaire
# de protéger les secrets d'affaires … »). Measured on pairs of quotations of one group of the
# shared corpus, read and labelled by hand: chosen on 100 (17 rewordings or repeats, 16 kept;
# 80 of 82 others left out; Christian Estrosi's « des lois de la paix », reworded three times,
# at 42 %), then 50 more labelled before it was tried: 11 of 11 rewordings kept, 38 of 39
# others left out (before: all 50 shown).
MIN_QUOTE_SHARE = 0.4
# ... the shorter text's words count when they stand within this many times its length (and
# 4 words) in the longer: a long quotation holds the few words of a short one scattered
# over a page (« Je ne pourrais pas comprendre une condamnation » in 300 words of another)
NEAR = 2.0
MAX_QUERY_CHARS = 2000
# Who asks in a « Q - / R - » transcript that does not name the journalist.
INTERVIEWER = "l'intervieweur"
EXCERPT_CHARS = 400


def _key(value: str) -> str:
    return " ".join(fold(value).casefold().split())


def _spoken_name(value: str, known: Iterable[str]) -> str:
    """Return the key of the name a speaker box's value names: as typed, a civility aside
    (« M. Deltour »), or, when it names nobody, the canonical name the press office's
    aliases file lists for it (« FRV »: the Fédération des Rivières Vivantes), as a
    search's `speaker=FRV` reads it."""
    key = " ".join(surnames.without_civility(_key(value))) or _key(value)
    if named_keys(known, key):
        return key
    canonical = load_aliases().resolve(value)
    return _key(canonical) if canonical else key


@dataclass
class ReuseIndex:
    """The reuse groups of an index (`reuse.json`), with what pages look up in them."""

    groups: list[dict[str, Any]] = field(default_factory=list)
    docs: dict[int, dict[str, Any]] = field(default_factory=dict)  # slot → metadata
    by_doc: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)
    # the index's records are searchable and their groups still being computed (`PENDING`):
    # the pages say so rather than show none (or those of the run before)
    pending: bool = False
    # the groups' file changed and is being read (`reuse_index`): these are those read before
    reading: bool = False

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ReuseIndex:
        """Return the index of the groups as `indexer.reuse` wrote them."""
        docs = {int(k): v for k, v in data.get("docs", {}).items()}
        index = cls(data.get("groups", []), docs, {})
        for group in index.groups:
            for slot, start, end, quote, *_ in group["occurrences"]:
                doc_id = docs[slot]["id"]
                index.by_doc.setdefault(doc_id, []).append((group["id"], start, end, quote))
        return index

    @classmethod
    def read(cls, lines: Iterable[bytes]) -> ReuseIndex:
        """Return the index of the groups of a `reuse.json` file's lines, on either engine
        (`indexer.reuse.read_groups`). Parsed a line at a time, letting the process's other
        threads run between lines: at `250k` (40.6 MB) the file in one call (as written
        before version 7, still read so) held the interpreter's lock 0.5-0.85 s, every
        other page of the worker waiting."""
        return cls.from_data(read_groups(lines))

    def documents(self, group: dict[str, Any]) -> int:
        """Return the number of documents a group stands in."""
        return len({o[0] for o in group["occurrences"]})

    def at(self, doc_id: str, start: int, end: int) -> list[int]:
        """Return the groups with an occurrence holding most of [start, end) of a document."""
        return [g for g, s, e, _ in self.by_doc.get(doc_id, ())
                if (min(e, end) - max(s, start)) * 2 > end - start]

    def marks(self, doc_id: str) -> list[dict[str, Any]]:
        """Return the reused stretches of a document: {start, end, quote, others, group}.

        `others` is the number of other documents holding the stretch; a stretch in several
        groups keeps the largest.
        """
        best: dict[tuple[int, int], dict[str, Any]] = {}
        for gid, start, end, quote in self.by_doc.get(doc_id, ()):
            group = self.groups[gid]
            others = self.documents(group) - 1
            if others < 1:
                continue
            current = best.get((start, end))
            if current is None or current["others"] < others:
                best[(start, end)] = {"start": start, "end": end, "quote": quote,
                                      "others": others, "group": gid, "type": group["type"]}
        return sorted(best.values(), key=lambda m: (m["start"], -m["end"]))


_cache: dict[str, tuple[tuple, ReuseIndex]] = {}
_cache_lock = threading.Lock()


def _file_stamp(path: Path) -> tuple | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def reuse_index(index_dir: Path | str) -> ReuseIndex:
    """Return the reuse groups of the index in `index_dir` (an empty index of groups when
    there is none: an index built before this feature), read again when the file changes.

    The file is read apart (`indexer.budget.apart`; at `250k` it took 1.7-2.5 s of CPU,
    inside the page that found it changed): a page waits for it at most what is left of its
    budget, meanwhile answering with the groups read before (none on a first reading),
    `reading` set so that it says so; outside a web request, until it is read."""
    path = Path(index_dir) / GROUPS
    pending = (Path(index_dir) / PENDING).exists()
    stamp = _file_stamp(path)
    if stamp is None:
        return ReuseIndex(pending=pending)
    with _cache_lock:
        found = _cache.get(str(path))
    reading = False
    if found is None or found[0] != stamp:
        read = budget.apart(("groups", str(path)), lambda: _read_groups(path))
        if read is not None:
            found = read
        else:  # still being read: what was read before, said so
            reading = True
    index = found[1] if found else ReuseIndex()
    if index.pending == pending and index.reading == reading:
        return index
    # a view sharing the groups (the talking points' table is kept for them, `_table`)
    return replace(index, pending=pending, reading=reading)


def _read_groups(path: Path) -> tuple[tuple, ReuseIndex]:
    """Read the groups' file (`reuse_index`, in a thread of its own) and keep it with the
    stamp it had when the reading began: changed meanwhile, it is read again at the next
    look."""
    stamp = _file_stamp(path)
    with _cache_lock:
        found = _cache.get(str(path))
    if found is not None and found[0] == stamp:  # read meanwhile by the work before
        return found
    try:
        with path.open("rb") as handle:
            index = ReuseIndex.read(handle)
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        index = ReuseIndex()
    found = (stamp, index)
    with _cache_lock:
        _cache[str(path)] = found
    return found


def groups_of(catalog) -> ReuseIndex:
    """Return the reuse groups of the catalog's index, on either engine (`Engine.reuse_groups`:
    the index folder's `reuse.json` for Whoosh, records in the cluster for OpenSearch, see
    `indexer.opensearch_reuse`)."""
    return catalog.reuse_groups()


def compare(first: str, other: str) -> tuple[float, list[dict[str, str]]]:
    """Return how close `other` is to `first` (share of identical words, in order) and the
    word-level diff from the first to the other: [{"op", "first", "here"}].

    >>> sim, diff = compare("Notre pays ne peut plus se contenter des lois de la paix",
    ...                     "il faut qu'on sorte des lois de la paix")
    >>> round(sim, 2), diff[-1]
    (0.42, {'op': 'equal', 'first': 'des lois de la paix', 'here': 'des lois de la paix'})
    """
    a, b = passage_words(first), passage_words(other)
    if not a or not b:
        return (1.0 if a == b else 0.0), []
    ops = Levenshtein.opcodes([w for w, _, _ in a], [w for w, _, _ in b])
    cost = sum(max(op.src_end - op.src_start, op.dest_end - op.dest_start)
               for op in ops if op.tag != "equal")
    diff = []
    for op in ops:
        here = other[b[op.dest_start][1]:b[op.dest_end - 1][2]] \
            if op.dest_end > op.dest_start else ""
        there = first[a[op.src_start][1]:a[op.src_end - 1][2]] if op.src_end > op.src_start else ""
        diff.append({"op": op.tag, "first": there, "here": here})
    return max(0.0, 1.0 - cost / max(len(a), len(b))), diff


def shared_share(passage: str, other: str) -> float:
    """Return the share of the shorter text's words that the other holds in the same order,
    within a stretch of NEAR times the shorter's length.

    >>> shared_share("Une rivière qui meurt, c'est un village qui se tait",
    ...              "Quand une rivière meurt, tout le village se tait")
    0.6666666666666666
    >>> shared_share("parents de même sexe", "donner à un orphelin deux parents de même sexe")
    1.0
    """
    short = [w for w, _, _ in passage_words(passage)]
    long = [w for w, _, _ in passage_words(other)]
    if not short or not long:
        return 0.0
    if len(short) > len(long):
        short, long = long, short
    held = [n for op in Levenshtein.opcodes(short, long) if op.tag == "equal"
            for n in range(op.dest_start, op.dest_end)]  # where in `long`, in order
    width = int(NEAR * len(short)) + 4
    best = first = 0
    for last, at in enumerate(held):
        while at - held[first] >= width:
            first += 1
        best = max(best, last - first + 1)
    return best / len(short)


def _quote_at(doc, start: int, end: int):
    """Return the quotation (speech) of `doc` that holds most of [start, end), or None."""
    best, best_overlap = None, 0
    for quote in doc.quotes:
        if not quote.is_speech:
            continue
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > best_overlap and overlap * 2 >= min(end - start, quote.end - quote.start):
            best, best_overlap = quote, overlap
    return best


def genealogy(catalog, q: str, limit: int = MAX_OCCURRENCES) -> dict[str, Any]:
    """Return {"query", "occurrences", "total"}: every occurrence of the passage `q`, oldest
    first (undated last), each {"document_id", "title", "date", "kind", "speakers",
    "quote_speaker", "passage", "similarity", "diff", "start", "end", "quote"}
    with the similarity and diff to the first occurrence; at most `limit` occurrences.

    The documents holding `q` (the pasted-passage finder) bring in the groups they belong
    to; in each document the occurrence is the stretch aligned with `q`, or the whole
    quotation for a reworded quotation of the same person.
    """
    q = " ".join((q or "").split())[:MAX_QUERY_CHARS]
    result: dict[str, Any] = {"query": q, "occurrences": [], "total": 0, "notes": []}
    typed = query_words(q)
    if len(typed) < 2:
        return result
    occurrences, result["notes"] = _found(catalog, q, typed)
    occurrences.sort(key=lambda o: (o["date"] is None, o["date"] or "", o["title"] or "",
                                    o["start"]))
    result["total"] = len(occurrences)
    occurrences = occurrences[:limit]
    for n, occurrence in enumerate(occurrences):
        similarity, diff = compare(occurrences[0]["passage"], occurrence["passage"]) if n else \
            (1.0, [{"op": "equal", "first": occurrence["passage"], "here": occurrence["passage"]}])
        occurrence["similarity"] = round(similarity, 3)
        occurrence["diff"] = diff
    result["occurrences"] = occurrences
    return result


def _found(catalog, q: str, typed) -> tuple[list[dict[str, Any]], list[str]]:
    """Return the occurrences of the passage `q` (its words `typed`), in no order and without
    their diffs (`genealogy`), and the notes of its search (what the budget cut short)."""
    # in a web request, the candidates past the page's budget are not aligned, and a note
    # says so (`indexer.budget.Budget.cuts_alignments`)
    budget.start().cuts_alignments = True
    try:
        passages = catalog.find_passages(q)
    finally:
        notes = budget.finish()
    # the passage searched first: the groups, when their file is being read again, are waited
    # for within what is left of the page's budget (`reuse_index`), not before the search
    groups = groups_of(catalog)
    # (doc id, start, end, quote index, rank): a quotation of a group outranks a passage found
    # by its words, which outranks a passage of a group, where they overlap in a document
    candidates: list[tuple[str, int, int, int, int]] = []
    docs: dict[str, Any] = {}
    found_at: set[tuple[str, int]] = set()  # (doc id, start) of the quotations holding q
    for held in passages:
        doc_id, held_start, held_end = held.doc_id, held.start, held.end
        candidates.append((doc_id, held_start, held_end, -1, 1))
        doc = docs[doc_id] = docs.get(doc_id) or catalog.document(doc_id)
        quote = _quote_at(doc, held_start, held_end) if doc else None
        if quote is not None:
            found_at.add((doc_id, quote.start))
        wanted = set(groups.at(doc_id, held_start, held_end))
        if quote is not None:
            wanted.update(groups.at(doc_id, quote.start, quote.end))
        for gid in sorted(wanted):
            for slot, start, end, index, *_ in groups.groups[gid]["occurrences"]:
                candidates.append((groups.docs[slot]["id"], start, end, index,
                                   0 if index >= 0 else 2))
    spans: dict[str, list[tuple[int, int, int]]] = {}  # doc id → (start, end, quote index)
    for doc_id, start, end, index, _ in sorted(candidates, key=lambda c: c[4]):
        held = spans.setdefault(doc_id, [])
        if all(min(e, end) <= max(s, start) for s, e, _ in held):
            held.append((start, end, index))
    occurrences = []
    for doc_id, held in spans.items():
        doc = docs.get(doc_id) or catalog.document(doc_id)
        if doc is None:
            continue  # removed since the groups were written
        for start, end, index in held[:MAX_OCCURRENCES]:
            occurrence = _occurrence(doc, start, end, index, typed, q)
            if occurrence is None:
                continue
            if index >= 0 and (doc_id, start) not in found_at and \
                    shared_share(q, occurrence["passage"]) < MIN_QUOTE_SHARE:
                continue  # a quotation of the group that does not reword this passage
            occurrences.append(occurrence)
    return occurrences, notes


def _occurrence(doc, start: int, end: int, index: int, typed, q: str) -> dict[str, Any] | None:
    """Return one occurrence: the stretch of [start, end) aligned with the typed words (the
    whole quotation for a reworded quotation of a group), with its speaker (a quotation's
    author; the journalist, « l'intervieweur » when unnamed, for words in a turn that is
    not the document's speakers', `turn_of_another`); None when the stretch does not hold
    the typed words (a group reaches further than them)."""
    quote = doc.quotes[index] if 0 <= index < len(doc.quotes) else None
    asker = None
    if quote is not None:
        start, end = quote.start, quote.end
    else:
        found = align(typed, q, doc.text[start:end])
        if found is None:
            # a group's stretch is where the shared run of words is, which may stop short of
            # the typed words around it (« condamné à 6 mois de prison avec sursis et à une
            # amende de 1 500 € » of a sentence going on « , Raphaël Halet à une amende … »):
            # aligned again with as many characters as were typed on each side
            wide = max(0, len(q) - (end - start))
            start = max(0, start - wide)
            found = align(typed, q, doc.text[start:end + wide])
        if found is None:
            return None
        start, end = start + found.start, start + found.end
        quote = _quote_at(doc, start, end)
        if quote is None:  # outside a quotation, an interview's passage may be the
            asker = turn_of_another(doc, start)  # journalist's words (as `verify` says)
    said_by = {"name": quote.speaker, "function": quote.function} \
        if quote is not None and quote.speaker else None
    if asker is not None:
        said_by = {"name": asker["name"] or INTERVIEWER, "function": asker["function"]}
    return {
        "document_id": doc.id, "title": doc.title, "date": doc.date, "place": doc.place,
        "kind": doc.kind,
        "speakers": [{"name": s.name, "function": s.function} for s in doc.speakers],
        "quote_speaker": said_by,
        # in a turn that is not the document's speakers' (the template's words for it)
        "turn": None if asker is None else "named" if asker["name"] else "unnamed",
        "passage": doc.text[start:end], "start": start, "end": end,
        "quote": quote.start if quote is not None else None,
    }


def linked_others(catalog, index: ReuseIndex, document_id: str, start: int, end: int,
                  text: str, read: dict) -> int:
    """Return the figure of the link to the genealogy of `text` (at [start, end) of its
    document) that a page shows (« repris dans N autres documents »): the other documents
    that genealogy lists (`genealogy_documents`), those its words stand in as well as those
    of its reuse groups — a Senate sitting's « La permission est-elle accordée à l'honorable
    sénateur pour qu'il … » said 1, its group's, and its genealogy listed 9 other sittings
    where the Speaker asks it. Past the web request's deadline, or when the genealogy's
    search is cut short, what its reuse groups list (`listed_others`)."""
    if time.monotonic() < budget.request_deadline():
        found = genealogy_documents(catalog, text)
        if found is not None:
            return len(found - {document_id})
    return listed_others(catalog, index, document_id, start, end, text, read)


def genealogy_documents(catalog, q: str) -> set[str] | None:
    """Return the documents the genealogy of `q` lists, all of them (not only the first
    `MAX_OCCURRENCES` occurrences it shows); None when its search was cut short by the time
    budget (its notes say what)."""
    q = " ".join((q or "").split())[:MAX_QUERY_CHARS]
    typed = query_words(q)
    if len(typed) < 2:
        return set()
    occurrences, notes = _found(catalog, q, typed)
    return None if notes else {o["document_id"] for o in occurrences}


def listed_others(catalog, index: ReuseIndex, document_id: str, start: int, end: int,
                  text: str, read: dict) -> int:
    """Return how many other documents the genealogy of `text` lists (`listed_documents`)."""
    return len(listed_documents(catalog, index, document_id, start, end, text, read) or ())


def listed_documents(catalog, index: ReuseIndex, document_id: str, start: int, end: int,
                     text: str, read: dict, most: int | None = None) -> set[str] | None:
    """Return the other documents the genealogy of `text` (at [start, end) of its
    document) lists from the reuse groups holding it: where the passage is copied, and the
    quotations of the same person that reword it (`MIN_QUOTE_SHARE` of the shorter's words in
    order, as `genealogy` keeps them) — not every quotation a group chains
    through one rare phrase each: one of Antoine Deltour's said « reprise dans 8 autres
    documents » and opened a genealogy of 2. A copied passage's stretch in another document
    counts when the genealogy aligns the passage there (`_occurrence`): a formula two
    releases share (« … mois de prison avec sursis et à une amende de … ») chains their
    sentences into one group, and the 2016 verdict release's said « repris dans 10 autres
    documents » where its genealogy lists one (past the web request's deadline, 0.3 s of
    aligning on the heaviest page of the shared corpus, a stretch counts unaligned, as its
    group holds it). `read` keeps the documents read, for the
    page's other marks. `index` is the catalog's reuse groups (`groups_of`): what the
    document page's marks and a Citations-view result's link say (`webapp.genealogy`), and
    the talking points count. With `most`, None rather than `read` holding more than `most`
    documents."""
    q = " ".join(text[:MAX_QUERY_CHARS].split())  # as its link asks for it
    typed = query_words(q)
    others: set[str] = set()
    for gid in index.at(document_id, start, end):
        for slot, at, to, quote, *_ in index.groups[gid]["occurrences"]:
            other = index.docs[slot]["id"]
            if other == document_id or other in others:
                continue
            if other not in read:
                if most is not None and len(read) >= most:
                    return None
                read[other] = catalog.document(other)
            found = read[other]
            if found is None:
                continue
            if quote >= 0:  # a quotation of the group: listed when it rewords this one
                if quote >= len(found.quotes) or \
                        shared_share(q, found.quotes[quote].text) < MIN_QUOTE_SHARE:
                    continue
            elif time.monotonic() < budget.request_deadline() and \
                    _occurrence(found, at, to, quote, typed, q) is None:
                continue  # a passage of the group the genealogy does not list: a formula shared
            others.add(other)
    return others


def public_occurrence(occurrence: dict[str, Any], url: str) -> dict[str, Any]:
    """Return an occurrence with exactly the keys of the API contract, and its `url`."""
    keys = ("document_id", "title", "date", "place", "kind", "speakers", "quote_speaker",
            "passage", "similarity", "diff")
    return {**{k: occurrence[k] for k in keys}, "url": url}


def render_text(query: str, occurrences: list[dict[str, Any]], total: int) -> str:
    """Return a genealogy for a terminal: the first occurrence, then each one with its
    differences to the first."""
    if not occurrences:
        return f"Aucun document ne contient « {query} », même approché."
    lines = [f"{total} occurrence(s) de « {query} », de la plus ancienne à la plus récente."]
    for n, o in enumerate(occurrences, 1):
        who = o["quote_speaker"] or (o["speakers"][0] if o["speakers"] else None)
        name = ", ".join(x for x in (who["name"], who["function"]) if x) if who else \
            "orateur non identifié"
        head = "Qui l'a dit en premier : " if n == 1 else f"{n}. "
        lines.append(f"\n{head}{name} — {o['date'] or 'sans date'}"
                     f"{', ' + o['kind'] if o['kind'] else ''}")
        lines.append(f"   {o['title'] or o['document_id']}")
        lines.append(f"   « {o['passage']} »")
        if n > 1:
            changes = [f"{d['first']} → {d['here']}" if d["op"] == "replace" else
                       f"sans « {d['first']} »" if d["op"] == "delete" else
                       f"en plus : « {d['here']} »" for d in o["diff"] if d["op"] != "equal"]
            lines.append(f"   {o['similarity']:.0%} des mots de la première" +
                         (" ; " + " ; ".join(changes[:6]) if changes else ""))
        lines.append(f"   {o['url']}")
    return "\n".join(lines)


# --- talking points

@dataclass
class TalkingRequest:
    """The filters of the talking-points list, as the search page has them."""

    speaker: list[str] = field(default_factory=list)
    theme: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str | None = None
    sort: str = "documents"  # or "speakers"
    page: int = 1
    per_page: int = 20


TALKING_SORTS = ("documents", "speakers")


def _day(value: str | None, end: bool) -> int | None:
    """Return YYYYMMDD for the first (or last) day of a YYYY[-MM[-DD]] period.

    >>> _day("2020", False), _day("2020-10", True), _day("2020-10-30", True)
    (20200101, 20201099, 20201030)
    """
    if not value:
        return None
    parts = value.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return None
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else (12 if end else 1)
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else (99 if end else 1)
    return year * 10000 + month * 100 + day


# The words of a debate's record beyond the chair's (`PROCEDURE`): its bills, motions, votes,
# notes and reprinted amendments (« Projet de loi de credits no 1 (Le projet de loi est lu »,
# « a ) par substitution, a la ligne 30 », « Y a-t-il consentement unanime »).
RECORD_WORDS = frozenset("""
    projet motion debat debattre assemblee greffier huissier whip orateur unanime unanimite
    consentement depot rapport examen discussion deliberation interruption declare expire
    reservee prorogation trone adresse no substitution adjonction avis favorable defavorable
    explication sceaux appel nominal faveur opposent oui renvoi credit
    """.split())
# What stands before a person's name in a record: « M. », « Mme », « Monsieur »…
CIVILITIES = frozenset("m mm mme mmes mlle monsieur madame".split())


def _bare(word: str) -> str:
    """A word without its plural's and feminine's endings (a final « s », then one « e » or
    two), so that a word of procedure counts in any form, accented or not. Not the French
    analyzer's stem (`indexer.analysis.word_term`): « adopté » and « adoption » share one,
    and members' lines on adoption would read as the record's (49 of the shared corpus's
    3,509 groups would be judged otherwise).

    >>> _bare("senateurs"), _bare("deputee"), _bare("voix")
    ('senateur', 'deput', 'voix')
    """
    if word.endswith("s") and len(word) > 3:
        word = word[:-1]
    for _ in range(2):
        if word.endswith("e") and len(word) > 3:
            word = word[:-1]
    return word


_RECORD_BARE = frozenset(map(_bare, PROCEDURE | RECORD_WORDS))


def record_formula(text: str) -> bool:
    """Tell whether a passage of debates is a formula of the chair or of the record rather
    than a member's line: a third of its words or more, stop words, numbers and persons'
    names after a civility aside, are the words of procedure (`PROCEDURE`, `RECORD_WORDS`).
    The record repeats them from sitting to sitting, under whichever member's turn the
    transcript puts them; a line members repeat holds few of them.

    >>> record_formula("La parole est à M. Erwann Binet, rapporteur de la commission des lois")
    True
    >>> record_formula("Je declare la motion no 2 rejetee. La prochaine mise aux voix porte")
    True
    >>> record_formula("la procréation médicalement assistée et vers la gestation pour autrui")
    False
    """
    content = procedural = 0
    naming = False
    previous = ""
    for w, start, _ in passage_words(text):
        naming = text[start].isupper() and (naming or previous in CIVILITIES)
        previous = w
        if naming or w in STOP_WORDS or len(w) <= 1 or w.isdigit():
            continue
        content += 1
        procedural += _bare(w) in _RECORD_BARE
    return content > 0 and procedural * 3 >= content


# A reprinted text's clauses, as the record lists them: « 3) le chef … 4) le conseiller … »,
# « a ) comme si le terme … b ) … », « Les paragraphes (1) a (4) de l'article 93 » (a marker
# of one or two digits or one letter, standing alone before its parenthesis).
_CLAUSE = re.compile(r"(?:^|[\s;:,.])(?:\d{1,2}|[a-zA-Z])\s?\)(?=\s|$)|\(\d{1,2}\)")


def reprinted_clauses(text: str) -> bool:
    """Tell whether a passage of debates holds the numbered or lettered clauses of a motion,
    an amendment or a bill the record reprints (`_CLAUSE`): members do not speak in « 4) ».

    >>> reprinted_clauses("1) de la meme loi est remplace par ce qui suit")
    True
    >>> reprinted_clauses("Un enfant a droit à un père et à une mère (et non à deux)")
    False
    """
    return _CLAUSE.search(text) is not None


# What follows « projet de loi », « proposition de loi » or « loi » in a bill's or a law's
# title (folded): « projet de loi ouvrant le mariage … », « loi concernant les services … »,
# « Projet de loi C-20 », « loi n° 2019-1461 du 27 décembre 2019 relative à ».
TITLE_LINKS = frozenset("""
    n no c sur concernant relative relatif relatives relatifs visant portant modifiant ouvrant
    facilitant instituant tendant autorisant ratifiant renforcant creant pour de d du des
    organique constitutionnelle
    """.split())
# ... and what may stand before it in a passage cut there: « (les) dispositions de la loi ».
TITLE_BEFORE = frozenset("le la les l du de des d un au dispositions".split())
# Someone speaking of the bill: a title holds no person, relative clause nor verb (« Le projet
# de loi C-53 ne modifie en rien … », « La Loi sur la TPS est entree en vigueur »; « a »
# without its accent is one too, unless a title's « visant a » writes « à » so: `TO`).
SPEAKING = frozenset("""
    je j nous vous il ils elle elles on qui est sont ont ne etait sera seront fait font va
    vont se peut peuvent doit doivent prevoit vise visait tend contient porte modifie
    modifiait tente constitue permet represente annonce
    """.split())
_SENTENCE_END = re.compile(r"[.?!]+\s+(?=[^\W\d_])")


def bill_title(text: str) -> bool:
    """Tell whether a passage is the title of a bill or of a law, as a record or a report
    repeats it (« Projet de loi sur l'Agence des douanes et du revenu du Canada (Le »):
    after a fragment of the sentence before and before the parenthesis a record opens after
    it, one sentence that starts with the title and says nothing more.

    >>> bill_title("projet de loi ouvrant le mariage aux couples de personnes de même sexe")
    True
    >>> bill_title("fois? Projet de loi visant a changer le nom de la circonscription (Le")
    True
    >>> bill_title("projet de loi C-68. Le gouvernement a eu tout l'ete pour le preparer")
    False
    >>> bill_title("Le projet de loi C-53 ne modifie en rien les grands parametres du programme")
    False
    """
    text = re.sub(r"\s*\([^)]*$", "", text)  # « (Le projet de loi est lu … » cut short
    pieces = _SENTENCE_END.split(text.strip())
    if len(pieces) > 2 or (len(pieces) == 2 and len(passage_words(pieces[0])) > 3):
        return False
    found = passage_words(pieces[-1])
    words = [w for w, _, _ in found]
    lead = 0
    while lead < min(len(words), 4) and words[lead] in TITLE_BEFORE:
        lead += 1
    words = words[lead:]
    if words[:3] in (["projet", "de", "loi"], ["proposition", "de", "loi"]):
        rest = words[3:]
    elif words[:1] == ["loi"]:
        rest = words[1:]
    else:
        return False
    verb = any(_verb_a(pieces[-1], start, end) and (n == 0 or found[n - 1][0] not in TO)
               for n, (_, start, end) in enumerate(found))
    return (not rest or rest[0] in TITLE_LINKS) and not SPEAKING.intersection(rest) \
        and not verb


# What « à » follows in a title, where an unaccented text writes it « a » (« visant a »).
TO = frozenset("visant tendant relative relatif relatives relatifs".split())


def _verb_a(text: str, start: int, end: int) -> bool:
    """Tell whether the word at [start, end) is « a », the verb, rather than « à » (the
    analyzer folds both to « a »)."""
    return text[start:end].lower() == "a"


def _elided(text: str, start: int) -> bool:
    """Tell whether the word at `start` holds an elided article or « de » (« l'économie »,
    « d'État »: the analyzer keeps « economie » alone, its place holds the « l' »)."""
    return text[start:start + 2].lower().replace("’", "'") in ("l'", "d'")


# The words of an office's title (folded): « le secrétaire d'État auprès du ministre de
# l'Europe et des affaires étrangères, chargé du tourisme »; one of the first two must be there.
OFFICES = frozenset("ministre ministres secretaire secretaires etat aupres charge chargee "
                    "delegue deleguee deleguees sceaux".split())
MINISTERS = frozenset("ministre ministres secretaire secretaires".split())
# The words that link an office to its portfolio (« de la », « des », « à la », « et »); a
# bare « de » links only through an article (« de la relance », not « de réduire les … »),
# and « a » only when it is « à » (`_verb_a`: « le ministre des Finances a fait »).
OFFICE_LINKS = frozenset("du des la le l les a au aux et en".split())
# The Conseil des ministres' record around its lists: « … a présenté un projet de loi
# ratifiant l'ordonnance », « … ont présenté une communication ».
COUNCIL_WORDS = frozenset("presente presenter communication ordonnance ordonnances decret "
                          "decrets ratifiant".split())


def office_titles(text: str) -> bool:
    """Tell whether a passage is a string of ministers' titles, as the Conseil des
    ministres' record and the speeches greeting the ministers repeat them: two thirds of
    its words or more, stop words aside, are offices (`OFFICES`), their portfolios (a noun
    reached from an office by « de », « des », « à la », « et »…, and one adjective after
    it) or the Conseil's words (`COUNCIL_WORDS`).

    >>> office_titles("le ministre de l'économie, des finances et de la relance et")
    True
    >>> office_titles("La ministre de la transition écologique a annoncé un plan de deux "
    ...               "milliards pour la rénovation des logements")
    False
    >>> office_titles("Le refus du ministre des Finances de reduire les cotisations")
    False
    """
    content = covered = 0
    minister = in_title = linked = adjective = False
    for w, start, end in passage_words(text):
        if w in OFFICES:
            minister |= w in MINISTERS
            content += 1
            covered += 1
            in_title, linked, adjective = True, False, False
        elif w in STOP_WORDS or len(w) <= 1 or w.isdigit():
            adjective = False
            linked = in_title and w in OFFICE_LINKS and not _verb_a(text, start, end)
            in_title = linked or (in_title and w == "de")
        else:
            content += 1
            linked = in_title and (linked or _elided(text, start))
            if w in COUNCIL_WORDS or linked or (in_title and adjective):
                covered += 1
                adjective = linked  # a portfolio's noun may take one adjective
            else:
                in_title = adjective = False
            linked = False
    return minister and content >= 3 and covered * 3 >= content * 2


DEBATE = _key("débat")


def _mostly_debates(index: ReuseIndex, group: dict[str, Any]) -> bool:
    """Tell whether most of a group's occurrences are in debates' records (a chair's formula
    may also be quoted once in a statement: « La suite de la discussion est renvoyée à la
    prochaine séance »)."""
    kinds = [_key(index.docs[o[0]].get("kind") or "") for o in group["occurrences"]]
    return kinds.count(DEBATE) * 2 > len(kinds)


def furniture(index: ReuseIndex, group: dict[str, Any]) -> bool:
    """Tell whether a passage group is the record's furniture rather than a line people
    repeat: in debates, the chair's formulas (`record_formula`) and a motion's or a bill's
    reprinted clauses (`reprinted_clauses`); anywhere, a bill's title (`bill_title`) and a
    string of ministers' titles (`office_titles`). Left out of the talking points only:
    the groups, and a pasted passage's genealogy, still hold them."""
    text = group.get("text", "")
    lowered = text.lower()  # most passages name no law nor minister: told without their words
    if "loi" in lowered and bill_title(text):
        return True
    if ("ministre" in lowered or "secr" in lowered) and office_titles(text):
        return True
    return _mostly_debates(index, group) and (record_formula(text) or reprinted_clauses(text))


class _Table:
    """The groups' occurrences as arrays, for filtering and counting many groups at once.

    An occurrence is said by its speaker when it has one (a quotation's author, the
    journalist whose turn holds a passage, `indexer.reuse.groups.in_turn`; nobody counted
    for an unnamed « Q - »), else by its document's speakers. The speaker filter keeps
    the occurrences its person said and those of the documents they speak in, but not the
    words of a journalist's turn in them.
    """

    def __init__(self, index: ReuseIndex):
        slots = sorted(index.docs)
        self.row = {s: n for n, s in enumerate(slots)}
        meta = [index.docs[s] for s in slots]
        self.dates = np.array([int((m.get("date") or "0").replace("-", "") or 0)
                               for m in meta], np.int64)
        self.kinds: dict[str, np.ndarray] = {}
        self.speakers: dict[str, set[int]] = {}
        self.themes: dict[str, set[int]] = {}
        kinds: dict[str, list[int]] = {}
        for n, m in enumerate(meta):
            kinds.setdefault(_key(m.get("kind") or ""), []).append(n)
            for name in m.get("speakers") or []:
                self.speakers.setdefault(_key(name), set()).add(n)
            for theme in m.get("themes") or []:
                self.themes.setdefault(_key(theme), set()).add(n)
        self.kinds = {k: np.array(v, np.int64) for k, v in kinds.items()}
        pairs, who, in_turns = set(), set(), set()
        turns: dict[str, set[tuple[int, int]]] = {}  # a journalist → (group, row) said
        names: dict[str, int] = {}
        for group in index.groups:
            passage = group["type"] == "passage"
            for slot, _, _, _, *speaker in group["occurrences"]:
                pair = (group["id"], self.row[slot])
                pairs.add(pair)
                if speaker:  # a quotation's author, a journalist's turn (None: unnamed)
                    people = speaker[:1] if speaker[0] else []
                    if passage:
                        in_turns.add(pair)
                    if passage and speaker[0]:
                        turns.setdefault(_key(speaker[0]), set()).add(pair)
                else:
                    people = index.docs[slot].get("speakers") or []
                for name in people:
                    who.add((*pair, names.setdefault(_key(name), len(names))))
        ordered = sorted(pairs)
        self.occ_group = np.array([g for g, _ in ordered], np.int64)
        self.occ_row = np.array([r for _, r in ordered], np.int64)
        self.occ_key = self.occ_group * (1 << 32) + self.occ_row  # sorted
        # the occurrences in a journalist's turn: not their documents' speakers' words
        self.occ_turn = np.array([p in in_turns for p in ordered], bool)
        self.turns = {k: self._where(v) for k, v in turns.items()}
        ordered_who = sorted(who)
        self.who_occ = self._where((g, r) for g, r, _ in ordered_who)
        self.who_group = np.array([g for g, _, _ in ordered_who], np.int64)
        self.who_name = np.array([p for _, _, p in ordered_who], np.int64)
        self.groups = len(index.groups)
        # the record's furniture is no one's talking points (`furniture`)
        self.record = np.array([group["type"] == "passage" and furniture(index, group)
                                for group in index.groups], bool)

    def _where(self, pairs: Iterable[tuple[int, int]]) -> np.ndarray:
        """Return the places of these (group, row) occurrences in the occurrence arrays."""
        keys = np.fromiter((g * (1 << 32) + r for g, r in pairs), np.int64)
        return np.searchsorted(self.occ_key, keys)

    def select(self, request: TalkingRequest) -> np.ndarray:
        """Return which occurrences (one a group and document) the filters keep."""
        keep = np.ones(self.dates.size, bool)
        low, high = _day(request.date_from, False), _day(request.date_to, True)
        if low:
            keep &= self.dates >= low
        if high:
            keep &= (self.dates <= high) & (self.dates > 0)
        if request.theme:
            keep &= self._rows(self.themes, [_key(v) for v in request.theme])
        if request.kind:
            chosen = np.zeros(self.dates.size, bool)
            for value in request.kind:
                # « communiqués » is the kind « communiqué », as a search reads it
                kind = selected_label({k: k for k in self.kinds}, "kind", value)
                chosen[self.kinds.get(_key(kind), np.zeros(0, np.int64))] = True
            keep &= chosen
        kept = keep[self.occ_row]
        if request.speaker:
            # a name typed in the speaker box finds every spelling holding it, as
            # `speaker:` in a search does (« Taubira »: « Christiane Taubira »), and not the
            # organisation named after the person (« Deltour »: not his support committee)
            wanted = [_spoken_name(v, self.speakers) for v in request.speaker]
            named = {k for v in wanted for k in named_people([*self.speakers, *self.turns], v)}
            speaking = self._rows(self.speakers, [k for k in named if k in self.speakers])
            said = speaking[self.occ_row] & ~self.occ_turn
            for key in named & self.turns.keys():
                said[self.turns[key]] = True  # a journalist's own words
            kept &= said
        return kept

    def _rows(self, table: dict[str, set[int]], keys: list[str]) -> np.ndarray:
        rows = set().union(*(table.get(k, set()) for k in keys))
        chosen = np.zeros(self.dates.size, bool)
        chosen[list(rows)] = True
        return chosen

    def counts(self, kept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        docs = np.bincount(self.occ_group[kept], minlength=self.groups)
        chosen = kept[self.who_occ]
        pairs = np.unique(self.who_group[chosen] * (1 << 32) + self.who_name[chosen])
        people = np.bincount(pairs >> 32, minlength=self.groups) if pairs.size else \
            np.zeros(self.groups, np.int64)
        return docs, people

    def kept_in(self, gid: int, kept: np.ndarray) -> set[int]:
        """Return the rows (documents) of a group's occurrences the filters keep."""
        lo, hi = np.searchsorted(self.occ_key, [gid << 32, (gid + 1) << 32])
        return set(self.occ_row[lo:hi][kept[lo:hi]].tolist())


# the groups whose table was built last, and that table: one at a time per process
_tables: list[tuple[list, _Table]] = []
PREPARING = ("Éléments de langage en préparation : le serveur range les reprises de l'index, "
             "une fois après chaque indexation. Rechargez la page dans un instant.")


def talking_table(index: ReuseIndex) -> _Table | None:
    """Return the talking points' table of these groups; None while it is being built past
    the page's time budget (built apart, `indexer.budget.apart`: a walk of every occurrence,
    whose cost grows with the index: 4.6 s of CPU at `250k`). Kept for the groups' list,
    which the views of one reading share (`reuse_index`: pending, reading), so that a
    server's master builds it once for the workers it forks (`webapp.server.preload`).
    Outside a web request, waits until it is built."""

    def kept() -> tuple[list, _Table] | None:
        with _cache_lock:
            return _tables[0] if _tables and _tables[0][0] is index.groups else None

    def build() -> tuple[list, _Table]:
        found = kept()  # built meanwhile by the work before
        if found is None:
            found = (index.groups, _Table(index))
            with _cache_lock:
                _tables[:] = [found]
        return found

    found = kept() or budget.apart(("talking-points",), build)
    # the work running may be the previous groups': this page's come next
    return found[1] if found is not None and found[0] is index.groups else None


def talking_points(catalog, request: TalkingRequest) -> dict[str, Any]:
    """Return {"total", "items"}: the groups repeated in at least two documents chosen by the
    filters, most documents (or speakers) first as each item counts them, one page of them.

    Each item: {"group", "type", "passage", "documents", "speakers", "first", "last"} where
    `first` and `last` are {"document_id", "title", "date"} of the oldest and newest
    occurrence within the filters, and `passage` the words of the oldest.
    """
    index = groups_of(catalog)
    request, notes = _typed_filters(catalog, request)
    if not index.groups:
        return {"total": 0, "items": [], "notes": notes}
    table = talking_table(index)
    if table is None:
        return {"total": 0, "items": [], "notes": [*notes, PREPARING], "preparing": True}
    kept = table.select(request)
    docs, people = table.counts(kept)
    chosen = np.flatnonzero((docs >= 2) & ~table.record)
    read: dict = {}  # the documents read to count what each genealogy lists, for the page

    def item(gid: int, counted: bool) -> dict[str, Any]:
        group = index.groups[gid]
        rows = table.kept_in(gid, kept)
        inside = [o for o in group["occurrences"] if table.row[o[0]] in rows]
        inside.sort(key=lambda o: (not index.docs[o[0]].get("date"),
                                   index.docs[o[0]].get("date") or "", o[0]))
        ends = [inside[0], inside[-1]]
        passage = group.get("texts", {}).get(str(ends[0][0])) or group.get("text", "")
        return {
            "group": gid, "type": group["type"], "passage": passage,
            "documents": counted and _listed_count(catalog, index, inside, passage, read)
            or int(docs[gid]),
            "speakers": int(people[gid]),
            "first": _brief(index, ends[0]), "last": _brief(index, ends[1]),
        }

    first = (request.page - 1) * request.per_page
    by_speakers = request.sort == "speakers"
    items = _most_first(chosen, docs, people, item, by_speakers, first + request.per_page)
    return {"total": int(chosen.size), "items": items[first:], "notes": notes}


def _most_first(chosen: np.ndarray, docs: np.ndarray, people: np.ndarray,
                item: Callable[[int, bool], dict[str, Any]], by_speakers: bool, count: int
                ) -> list[dict[str, Any]]:
    """Return the `count` first items of the groups `chosen` (`item(group, counted)`), most
    documents first as the items count them (`_listed_count` when `counted`, at most their
    group's count `docs`), then most speakers (`people`); with `by_speakers`, most speakers
    first, then most documents.

    The groups are taken in the order of their groups' counts, and an item comes out once
    no group still to take could come before it: a quotation's group of 9 whose genealogy
    lists 1 comes after the groups of 2, and only the groups that may come before the page's
    last item are counted. Past the web request's deadline the groups still taken keep
    their group's count (as past TALKING_READS documents read, `_listed_count`)."""
    def bound(gid: int) -> tuple[int, int, int]:  # the smallest key its item may have
        return (-int(people[gid]), -int(docs[gid]), gid) if by_speakers else \
            (-int(docs[gid]), -int(people[gid]), gid)

    def key(found: dict[str, Any]) -> tuple[int, int, int]:
        shown = (found["speakers"], found["documents"]) if by_speakers else \
            (found["documents"], found["speakers"])
        return (-shown[0], -shown[1], found["group"])

    # the groups in the order of their bounds, sorted by numpy: a Python sort of every group
    # chosen took 0.23 s a page for 200,000 groups, numpy's 0.03 s
    primary, secondary = (people, docs) if by_speakers else (docs, people)
    order = chosen[np.lexsort((chosen, -secondary[chosen], -primary[chosen]))].tolist()
    taken: list[tuple[tuple[int, int, int], dict[str, Any]]] = []  # a heap, by key
    items: list[dict[str, Any]] = []
    at = 0
    while len(items) < count and (taken or at < len(order)):
        if taken and (at == len(order) or taken[0][0] <= bound(order[at])):
            items.append(heapq.heappop(taken)[1])
        else:
            found = item(order[at], time.monotonic() < budget.request_deadline())
            heapq.heappush(taken, (key(found), found))
            at += 1
    return items


# Documents read at most on one page of talking points to count what their genealogies list
# (`_listed_count`): past them, an item keeps its group's count
TALKING_READS = 200


def _listed_count(catalog, index: ReuseIndex, inside: list, passage: str, read: dict
                  ) -> int | None:
    """Return how many documents of `inside` (a group's occurrences within the filters, the
    oldest first) the genealogy of the oldest lists, itself included: a group chaining one
    person's quotations through one rare phrase each counts those that reword the passage,
    not the whole chain (one of the shared corpus's said 9 documents where its genealogy
    listed 1, as the document page's « repris dans … » said before `listed_others`). None
    for a group of copied passages (the group's count is the genealogy's), or when counting
    would read more than TALKING_READS documents on the page (`read`)."""
    if all(quote < 0 for _, _, _, quote, *_ in inside):
        return None
    slot, start, end = inside[0][:3]
    first = index.docs[slot]["id"]
    listed = listed_documents(catalog, index, first, start, end, passage, read,
                              most=TALKING_READS)
    if listed is None:
        return None
    return len(({first} | listed) & {index.docs[o[0]]["id"] for o in inside})


def _typed_filters(catalog, request: TalkingRequest) -> tuple[TalkingRequest, list[str]]:
    """Return the request with its themes and kinds read as a search reads them (each
    value's labels, `indexer.engine.selected_labels`: « crues » the theme « Inondations »,
    « allocution » the kinds « discours » and « déclaration »), and the search's notes on
    the filters typed by hand (`typed_filter_notes`: a name nobody bears, a theme or a kind
    naming none, a surname several people share). The speakers stay as typed: the speaker
    box reads them itself (`_Table.select`)."""
    selected: dict[str, dict[str, list[str]]] = {}
    changes: dict[str, list[str]] = {}
    for facet in ("speaker", "theme", "kind"):
        values = getattr(request, facet)
        if not values:
            continue
        labels = catalog.speaker_labels().labels if facet == "speaker" else \
            catalog.facet_labels(facet)
        named = selected[facet] = {v: selected_labels(labels, facet, v) for v in values}
        if facet != "speaker":
            chosen = {label for found in named.values() for label in found}
            # the keys of every spelling the labels chosen stand for, and the values naming
            # none as typed (they select nothing)
            changes[facet] = [key for key, label in labels.items() if label in chosen] + \
                [_key(v) for v, found in named.items() if not found]
    return replace(request, **changes), typed_filter_notes(catalog, selected)


def _brief(index: ReuseIndex, occurrence: list) -> dict[str, Any]:
    meta = index.docs[occurrence[0]]
    return {"document_id": meta["id"], "title": meta.get("title"), "date": meta.get("date"),
            "start": occurrence[1], "end": occurrence[2]}
