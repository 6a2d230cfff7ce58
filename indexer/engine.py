"""What a search engine must provide to Verbatim, and what every engine shares.

`indexer.search.search()` is the one search function (command line, pages, API). It reads the
request, parses and spell-checks the query, reads the dates, and hands the engine a `Plan`;
the engine answers with what it `Found` (the hits of the page, facet counts, the counts of the
histogram); `search()` then marks selections, lays out the histogram and writes the notes.
Two engines implement `Engine`:

* `indexer.whoosh_engine.Catalog`: the embedded Whoosh index in a folder (the default);
* `indexer.opensearch_engine.OpenSearchCatalog`: an index on an OpenSearch cluster
  (`--engine opensearch --opensearch-url URL`, the optional extra `verbatim[opensearch]`).

Readers, extraction, the query syntax (`indexer.query`), the French analysis, snippets and the
JSON of a hit are the same for both.
"""

from __future__ import annotations

import heapq
import json
import os
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Protocol

import orjson
from whoosh import query as wq

from indexer import surnames
from indexer.analysis import fold, stemmed_terms
from indexer.document import Document
from indexer.evidence import evidence
from indexer.extract.names import load_aliases, looks_like_body
from indexer.extract.themes import load_thesaurus
from indexer.intent import KIND_WORDS
from indexer.query import ALIASES, FACET_FIELDS, ParsedQuery
from indexer.snippets import SNIPPET_CHARS, highlight_all
from indexer.snippets import snippet as make_snippet

if TYPE_CHECKING:
    from indexer.passages import Passage
    from indexer.search import SearchRequest
    from indexer.spelling import Spelling

SORTS = ("relevance", "-date", "date")
MAX_PER_PAGE = 100
MAX_LIST = 1000  # one page of a hits-only search (exports)
MAX_RESULTS = 10_000  # deepest result one can page to
MIN_HITS = 3  # hits of a list always given, even past the time budget (~35 ms each at worst)
# Facets are bounded as Datasette's are: a search returns each facet's FACET_SIZE values with
# most records (and the values selected, whatever their rank), and says when there are more;
# one may ask for up to MAX_FACET_SIZE (`facet_size=max`, or all of one facet). A speaker
# list of a thousand names is read by nobody and cost each page more than its search.
FACET_SIZE = 30
MAX_FACET_SIZE = 1000
WHOLE_FACETS = ("year",)  # one value a year: always counted whole (histogram, timelines)
ENGINES = ("whoosh", "opensearch")
SURNAME_FACETS = ("speaker",)  # facets whose bare surnames are merged (`merge_labels`)
CONCEPT_FACETS = ("theme",)  # facets whose singular and plural are one label (`concept_key`)


# What the page being answered in this context looked up and may ask again (`page_lookups`):
# {key: value}, None outside a page
_PAGE_LOOKUPS: ContextVar[dict[Any, Any] | None] = ContextVar("verbatim_page_lookups",
                                                              default=None)


@contextmanager
def page_lookups() -> Iterator[None]:
    """Keep, while one web page is answered in the block, what an engine looked up for it
    and may be asked again within it (`page_kept`), then forget it.

    An engine that cannot tell whether its index changed since a lookup (OpenSearch: the
    cluster gives no version of the index to key it on) keeps it for the page only: the
    search page looks a quotation pasted with who said it up for its results, then the
    verdict beside them looks it up again (`webapp.results.named_words`). Whoosh keeps its
    lookups for its index's version, across pages (`indexer.whoosh_engine.Catalog.passages`).
    """
    token = _PAGE_LOOKUPS.set({})
    try:
        yield
    finally:
        _PAGE_LOOKUPS.reset(token)


def page_kept() -> dict[Any, Any] | None:
    """Return the lookups kept for the page being answered (`page_lookups`), None outside
    one (the command line, the benchmarks, a thread of its own)."""
    return _PAGE_LOOKUPS.get()


class IndexMissing(Exception):
    """There is no index where the engine was told to look."""


class AccessRefused(IndexMissing):
    """The engine is there but refuses us: a wrong user or password, missing rights, a
    certificate not trusted. Its message says which, in one line (no « index first » hint)."""


class OutdatedIndex(IndexMissing):
    """The index was written by an older version of Verbatim (its schema lacks fields this
    one reads and writes): nothing in it is lost, but it must be rebuilt. Its message says
    so, with the command (no « index first » hint)."""


class Unsupported(Exception):
    """The engine cannot do this yet; the message says so in French, and what to use."""


@dataclass
class Plan:
    """What the orchestration hands an engine: the request and its query, read once."""

    request: SearchRequest  # normalised: sort, page and per_page within bounds
    parsed: ParsedQuery  # the query searched (its unknown words corrected, if any)
    q: str  # the query text searched (the corrected one, if any)
    period: tuple[datetime | None, datetime | None]  # date_from and date_to, as instants


@dataclass
class Found:
    """What an engine found for a `Plan`.

    `facets` holds, for every facet of `FACET_FIELDS` (none when `request.facets` is off),
    the values of the records that match the query and every other facet's selection
    ([{"value", "count"}] as `top_counts` gives them: the `request.facet_limit(facet)` values
    with most records, then the selected values beyond them); `truncated` names the facets
    that have more values than those; `years` and `months` count the records that match
    everything, for the histogram.
    """

    total: int
    hits: list[dict[str, Any]]
    facets: dict[str, list[dict[str, Any]]]
    years: dict[str, int]
    months: Callable[[str], dict[str, int]]  # "2020" -> {"2020-09": n, …}
    level: str = "all"  # which records match: "all" words, "most" (half or more), "any"
    notes: list[str] = field(default_factory=list)  # what the matching and passages say
    passages: bool = False  # a pasted passage was found: it answers, no suggestions
    truncated: dict[str, bool] = field(default_factory=dict)  # facet -> values left out
    # whether a record holds the quotation typed (a pasted passage, even approached; a short
    # query's words in order; a "quoted phrase"): None when it could not be looked up whole
    held: bool | None = None


class Engine(Protocol):
    """An index Verbatim searches: one per process, shared by its threads."""

    name: str  # "whoosh" or "opensearch"

    def spell(self, q: str, words: list[str], correct: bool) -> Spelling:
        """Return the corrections and suggestions for the unknown words of `q`."""

    def run(self, plan: Plan) -> Found:
        """Return the hits of the plan's page, its facet counts and histogram counts."""

    def document(self, doc_id: str) -> Document | None:
        """Return the statement with this id, or None."""

    def speaker_names(self) -> list[str]:
        """Return every speaker's name as the pages show it (spelling variants merged)."""

    def speaker_labels(self) -> Labels:
        """Return the speakers' `Labels`: each folded name's label (its spelling variants,
        and a surname alone, that of the one person of the index who has it: `merge_labels`)
        and which bare surnames went to whom."""

    def facet_labels(self, facet: str) -> dict[str, str]:
        """Return a facet's labels, {facet_key: label}: what the facet shows each spelling
        of a value under (`merge_labels`), for a page that names values it selected itself
        (the talking points' chips)."""

    def speaking(self, name: str, latest: int) -> list[dict[str, Any]]:
        """Return the `latest` most recent statements of a speaker (a label of
        `speaker_names`), newest first, as {"date", "speakers": [{"name", "function"}]}:
        what a speaker page reads to list the functions held."""

    def find_passages(self, text: str, best_only: bool = False,
                      limit: int = 24) -> list[Passage]:
        """Return the statements holding the pasted passage `text`, closest first (records
        equally close: the oldest first), each `Passage` with its `doc_id`, `date`, span
        (`start`, `end` in the statement's text), `text`, `similarity` and `diff`: the same
        candidates (`indexer.passages.PairIndex`) and alignment on both engines. With
        `best_only` (verifying), only those that may come first; `limit`: how many records
        sharing its rarest word pairs are aligned (`indexer.passages.CANDIDATES`). Raises
        `Unsupported` (`indexer.passages.NO_PAIRS`) on an index written before word pairs
        were indexed."""

    def words_held(self, ids: list[str], terms: list[str]) -> dict[str, set[str]]:
        """Return, for each record of `ids`, which of the analysed words `terms` (a plain
        query's, `indexer.query.plain_terms`) its title or text holds: what « more of the
        words first » counts among the best matches (`indexer.search._fuller`)."""

    def author_passages(self, text: str, name: str) -> list[Passage]:
        """Return the statements of the people or organisation `name` selects (as
        `speaker:` selects them: `selected_labels`) holding words near the passage `text`,
        the closest first (`indexer.passages.find_loose`: a person's nearest words, even
        loosely, AUTHOR_CANDIDATES records at most): what `verbatim verify` shows of the
        person a misremembered quotation was pasted with. [] when the name selects nobody,
        or on an index without word pairs."""

    def reuse_groups(self):
        """Return the index's reuse groups (`indexer.genealogy.ReuseIndex`): genealogy, talking
        points and the marks of document pages read them."""

    def file_root(self, path: str) -> str | None:
        """Return the folder the index was built from that holds the file `path` (absolute),
        as the index's manifest lists it; None when the index was not built from that file
        (the original file's download serves only such files)."""

    def moved_to(self, doc_id: str) -> str | None:
        """Return the id a statement has now whose file moved since it had `doc_id` (as the
        manifest records moves, `indexer.indexing.record_moves`), or None: what a link
        shared before a folder was reorganised leads to."""

    def file_order(self, source: str, root: str | None) -> list[tuple[str, str]] | None:
        """Return (record, id) of every statement read from the file `source` of the folder
        `root` (as the index writes them: two folders may each hold a `seance.txt`), in the
        file's order (`record` keys: a debate's turns are `sp-00042-…`), or None past
        MAX_FILE_RECORDS: what a turn's page reads to link the turns around it
        (`turns_around`)."""

    def close(self) -> None:
        """Release what the engine holds (files, connections)."""


def engine_name(name: str | None = None) -> str:
    """Return the engine asked for: `name`, else $VERBATIM_ENGINE, else "whoosh"."""
    chosen = (name or os.environ.get("VERBATIM_ENGINE") or "whoosh").strip().lower()
    if chosen not in ENGINES:
        raise ValueError(f"moteur inconnu « {chosen} » (whoosh ou opensearch)")
    return chosen


# --- Facet values: what both engines do with the values they count.

def facet_key(value: str) -> str:
    """Return what two spellings of one facet value share.

    >>> facet_key("Relance economique") == facet_key("Relance  Économique")
    True
    """
    return " ".join(fold(value).casefold().split())


def best_label(forms: list[tuple[str, int]]) -> str:
    """Return the spelling a facet value is shown under, of its (spelling, records) forms.

    >>> best_label([("Elisabeth Borne", 4), ("Élisabeth Borne", 30)])
    'Élisabeth Borne'
    >>> best_label([("Le President", 2524), ("le Président", 2)])
    'Le Président'
    """
    # The accented, capitalised spelling reads best; ties go to the commonest.
    label = max(forms, key=lambda f: (*_spelling_rank(f[0]), f[1], f[0]))[0]
    # Its accents may come from a rare form in lower case (« le Président » beside 2,524 Hansard
    # turns of « Le President »): a capital another spelling gives its first letter is kept.
    if label[:1].islower() and any(f[0][:1] == label[:1].upper() for f in forms):
        label = label[:1].upper() + label[1:]
    return label


@dataclass
class Labels:
    """A facet's values merged under the labels the pages show (`merge_labels`)."""

    labels: dict[str, str]  # facet_key → label
    variants: dict[str, list[str]]  # label → the values as indexed
    # a key merged into another's label → that label: a bare surname into its person's, a
    # theme's singular into its plural (« inondation »: « Inondations »)
    owners: dict[str, str] = field(default_factory=dict)
    # a bare surname several people bear (`shared_surname`) → the labels it selects,
    # itself first: « Touraine »: « Touraine », « Jean-Louis Touraine », « Marisol Touraine »
    covers: dict[str, list[str]] = field(default_factory=dict)

    @cached_property
    def people(self) -> dict[str, list[str]]:
        """Return {label: its folded values} of the labels counted over several values: those
        a bare surname or a theme's other spelling was merged into (« Christiane Taubira »:
        « christiane taubira », « taubira »), a bare surname several people bear (all their
        values, as a click on it selects them: `covers`) and each of those people."""
        merged: dict[str, list[str]] = {label: [] for label in self.owners.values()}
        merged.update((label, []) for held in self.covers.values() for label in held)
        for key, label in self.labels.items():
            if label in merged:
                merged[label].append(key)
        for label, held in self.covers.items():
            merged[label] = [key for other in held for key in merged[other]]
        return merged

    @cached_property
    def alone(self) -> dict[str, list[str]]:
        """Return {label: its own folded values} of the bare surnames of `covers` (those
        the text writes alone)."""
        found: dict[str, list[str]] = {label: [] for label in self.covers}
        for key, label in self.labels.items():
            if label in found:
                found[label].append(key)
        return found


def name_people(hit: dict[str, Any], labels: dict[str, str]) -> dict[str, Any]:
    """Return `hit` with each speaker named as the speaker facet and pages name them
    (`labels`: the speaker facet's `Labels.labels`, facet_key → label): « Elisabeth Borne »
    as « Élisabeth Borne », a surname alone as the label of its person (`Labels.owners`).
    The name as the record writes it, when it differs, is kept under "written": the card, the
    CSV, the Atom feed and the speaker's link say « Christiane Taubira », the evidence « Mme
    Taubira »; a spreadsheet filtered on the facet's spelling misses none of that person's
    rows.

    >>> labels = {"elisabeth borne": "Élisabeth Borne"}
    >>> name_people({"speakers": [{"name": "Elisabeth Borne", "function": None}]}, labels)
    {'speakers': [{'name': 'Élisabeth Borne', 'function': None, 'written': 'Elisabeth Borne'}]}
    """
    for speaker in hit["speakers"]:
        name = speaker["name"]
        label = labels.get(facet_key(name)) if name else None
        if label is not None and label != name:
            speaker["written"], speaker["name"] = name, label
    return hit


def named_document(doc: Document, labels: dict[str, str]) -> Document:
    """Return `doc` with its speakers and its quotations' authors named as the speaker facet
    names them (`name_people`), its text untouched: the document page, its quotations, a
    verdict and the API then write « Élisabeth Borne » where the record wrote « Elisabeth
    Borne », as the facet and the speaker page do.

    >>> from indexer.document import Quote, Speaker
    >>> doc = Document("x", "x.txt", "txt", "« Pas de nouveau confinement », dit Elisabeth Borne.",
    ...                speakers=[Speaker("Elisabeth Borne")], quotes=[Quote("Pas", 2, 5,
    ...                "Elisabeth Borne")])
    >>> named = named_document(doc, {"elisabeth borne": "Élisabeth Borne"})
    >>> named.speakers[0].name, named.quotes[0].speaker, named.text == doc.text
    ('Élisabeth Borne', 'Élisabeth Borne', True)
    """
    def label(name: str | None) -> str | None:
        return labels.get(facet_key(name), name) if name else name

    speakers = [s if (named := label(s.name)) == s.name else replace(s, name=named)
                for s in doc.speakers]
    quotes = [q if (named := label(q.speaker)) == q.speaker else replace(q, speaker=named)
              for q in doc.quotes]
    return replace(doc, speakers=speakers, quotes=quotes)


def merge_labels(groups: dict[str, list[tuple[str, int]]], facet: str,
                 speaking: Collection[str] | None = None) -> Labels:
    """Return a facet's labels from its values grouped by `facet_key` ({key: [(spelling,
    records)]}): each group under its `best_label`; on the speaker facet, a bare surname
    under the one person of that surname who speaks in a statement (`speaking`: their
    keys; `indexer.surnames.owners`), so that « Taubira » counts and reads as « Christiane
    Taubira », and a bare surname several people bear marked as selecting them all
    (`Labels.covers`); on the theme facet, a theme's singular and plural under one label
    (`concept_key`: « Inondation » and « Inondations », counted together)."""
    labels = {key: best_label(forms) for key, forms in groups.items()}
    if facet in SURNAME_FACETS:
        owned = surnames.owners(labels, speaking)
    elif facet in CONCEPT_FACETS:
        owned = _one_concept(groups, labels)
    else:
        owned = {}
    merged = Labels({}, {})
    for key, forms in groups.items():
        label = labels[owned.get(key, key)]
        merged.labels[key] = label
        merged.variants.setdefault(label, []).extend(v for v, _ in forms)
        if key in owned:
            merged.owners[key] = label
    if facet in SURNAME_FACETS:
        merged.covers = _covering(merged.labels)
    return merged


# the words that link a theme's nouns, left aside when two spellings are compared
# (« Politique de défense », « Politique de la défense »)
_THEME_LINKS = frozenset({"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la",
                          "le", "les"})


def concept_key(key: str) -> str:
    """Return what the spellings of one theme share past `facet_key`: its words in the
    singular, the words linking them aside. Only the singular and the plural: « Diplomate »
    and « Diplomatie », « Financement » and « Finances », whose stems `theme=` reads alike
    when typed by hand, are two themes of the facet.

    >>> concept_key("inondations") == concept_key("inondation")
    True
    >>> concept_key("politique de la defense") == concept_key("politique de defense")
    True
    >>> concept_key("financement") == concept_key("finances")
    False
    """
    # a theme of linking words alone (« En ») is itself, not every other such theme
    return " ".join(_singular(word) for word in re.split(r"[\s']+", key)
                    if word and word not in _THEME_LINKS) or key


def _one_concept(groups: dict[str, list[tuple[str, int]]], labels: dict[str, str]
                 ) -> dict[str, str]:
    """Return {key: the key whose label it is shown under} of a theme facet's keys that
    share their `concept_key` with another's: the thesaurus's label when one of them is
    (`corpus/thesaurus.yaml`, the press office's), else the `best_label` of their spellings
    together (the accented, the commonest). `labels` gets the label chosen."""
    concepts: dict[str, list[str]] = {}
    for key in groups:
        concepts.setdefault(concept_key(key), []).append(key)
    known = {facet_key(label) for label in load_thesaurus().terms}
    owned = {}
    for keys in concepts.values():
        if len(keys) < 2:
            continue
        chosen = next((key for key in sorted(keys) if key in known), None)
        if chosen is None:
            forms = [form for key in keys for form in groups[key]]
            chosen = min(keys)
            labels[chosen] = best_label(forms)
        owned.update((key, chosen) for key in keys)
    return owned


def _covering(labels: dict[str, str]) -> dict[str, list[str]]:
    """Return {label: the labels it selects} of the bare surnames several people bear
    (`shared_surname`: « Touraine » selects Jean-Louis and Marisol Touraine too), so that
    the facet counts what a click on it selects."""
    # only the keys a key ends can bear it: each is asked among those alone (a thousand
    # speakers' names read for each of a hundred bare surnames cost 90 ms a reading)
    ending: dict[str, list[str]] = {}
    for key in labels:
        words = key.split()
        for i in range(1, len(words)):
            ending.setdefault(" ".join(words[i:]), []).append(key)
    covers = {}
    for key in ending.keys() & labels.keys():
        among = {k: labels[k] for k in (key, *ending[key])}
        if shared := shared_surname(among, key):
            covers[labels[key]] = list(dict.fromkeys(labels[k] for k in shared))
    return covers


@lru_cache(maxsize=65_536)
def _spelling_rank(value: str) -> tuple[int, int]:
    # its accents and capitals, counted once per spelling (every facet value's labels are
    # read again each few seconds: a thousand speakers' names, character by character)
    return sum(ord(c) > 127 for c in value), sum(c.isupper() for c in value)


def _order(item: tuple[str, int]) -> tuple[int, str]:
    # which values a cut list keeps: most records first, ties by the value's characters as
    # OpenSearch orders its buckets (`_key`), so that both engines cut at the same value
    return -item[1], item[0]


def _shown_order(item: tuple[str, int]) -> tuple[int, str]:
    # how they are shown: ties in alphabetical order, accents and capitals aside
    return -item[1], _name_order(item[0])


@lru_cache(maxsize=65_536)
def _name_order(value: str) -> str:
    # each value's folded form computed once (the same names come back at every search)
    return fold(value).casefold()


def top_counts(counts: dict[str, int], size: int | None, selected: Iterable[str] = ()
               ) -> tuple[list[dict], bool]:
    """Return a facet's values as searches give them, and whether some were left out.

    The `size` values with most records come first (all of them when `size` is None), ties
    in alphabetical order, then the `selected` values past them, so that a selection always
    shows its count: [{"value", "count"}].

    >>> top_counts({"Jean Castex": 3, "Élisabeth Borne": 5, "Agnès Buzyn": 3}, 2, ["Jean Castex"])
    ([{'value': 'Élisabeth Borne', 'count': 5}, {'value': 'Agnès Buzyn', 'count': 3}, \
{'value': 'Jean Castex', 'count': 3}], True)
    """
    if size is None:
        ordered = sorted(counts.items(), key=_shown_order)
        return [{"value": v, "count": n} for v, n in ordered], False
    if len(counts) > size + 1:
        # the counts of the values kept, compared as plain integers (a key function called
        # for each of a thousand speakers cost a millisecond a facet), then those values
        least = heapq.nlargest(size + 1, counts.values())[-1]
        kept = sorted(((v, n) for v, n in counts.items() if n >= least), key=_order)
    else:
        kept = sorted(counts.items(), key=_order)
    truncated = len(kept) > size
    ordered = sorted(kept[:size], key=_shown_order)
    shown = {v for v, _ in ordered}
    ordered += sorted(((v, counts[v]) for v in set(selected) - shown if v in counts),
                      key=_shown_order)
    return [{"value": v, "count": n} for v, n in ordered], truncated


def _holds_words(words: list[str], wanted: list[str]) -> bool:
    """Whether `wanted` stands in `words` as consecutive whole words (« le pen » in « marine
    le pen », not in « lepen »)."""
    size = len(wanted)
    return any(words[i:i + size] == wanted for i in range(len(words) - size + 1))


# Words that name nobody alone, though names hold them: particles and linking words (folded)
LINKING_WORDS = surnames.PARTICLES | {"a", "au", "aux", "et", "en", "pour", "sur"}
# A part of a name shorter than this names nobody: « /speaker/a » listed every name holding an
# « a » (helper 172's walk)
MIN_PART = 3


def named_keys(keys: Iterable[str], wanted: str) -> list[str]:
    """Return the keys (folded names) a name typed names: the one equal to it and every one
    holding it as whole words; failing both, those holding it at all.

    A quotation attributed by surname alone puts a « taubira » beside « christiane
    taubira » (840 statements): « Taubira » must find both, as `speaker:Taubira` in a query
    and the talking points' speaker box do.

    >>> named_keys(["christiane taubira", "taubira", "lepen", "marine le pen"], "taubira")
    ['christiane taubira', 'taubira']
    >>> named_keys(["christiane taubira", "marine le pen"], "taub")
    ['christiane taubira']
    >>> named_keys(["christiane taubira", "marine le pen"], "a")
    []
    >>> named_keys(["charles de gaulle", "comite de soutien a antoine deltour", "de"], "de")
    ['de']
    """
    words = wanted.split()
    keys = list(keys)
    if not words or all(word in LINKING_WORDS for word in words):
        # « de », « a » (à): held as words by a score of names, people's and organisations'
        # (`speaker=de` selected 21, `/speaker/a` led to the « Comité de soutien à … »)
        return [k for k in keys if k == wanted and words]
    whole = [k for k in keys if k == wanted or _holds_words(k.split(), words)]
    if whole or len(wanted) < MIN_PART:
        return whole
    return [k for k in keys if wanted in k]


def holds_name(outer: str, person: str) -> bool:
    """Whether a folded name holds a person's full name (two words or more) as whole words:
    « comite de soutien a antoine deltour » holds « antoine deltour », not « deltour ».

    >>> holds_name("comite de soutien a antoine deltour", "antoine deltour")
    True
    >>> holds_name("comite de soutien a antoine deltour", "deltour")
    False
    """
    small = person.split()
    return len(small) >= 2 and _holds_words(outer.split(), small)


def named_people(keys: Iterable[str], wanted: str) -> list[str]:
    """Return the keys (folded speakers' names) a name typed names, as `named_keys` finds
    them, but an organisation named after a person it names: that person is not the
    organisation. `speaker:Deltour`, the speaker pages and the talking points' speaker box
    find Antoine Deltour, not the « Comité de soutien à Antoine Deltour » beside him (his
    page offers it apart); a name only an organisation holds still finds it.

    >>> keys = ["antoine deltour", "comite de soutien a antoine deltour", "raphael halet"]
    >>> named_people(keys, "deltour"), named_people(keys, "antoine deltour")
    (['antoine deltour'], ['antoine deltour'])
    >>> named_people(["comite de soutien a antoine deltour"], "deltour")
    ['comite de soutien a antoine deltour']
    """
    found = named_keys(keys, wanted)
    people = [key for key in found if not looks_like_body(key)]
    return [key for key in found
            if key in people or not any(holds_name(key, person) for person in people)]


# A note names this many of the speakers a name selects, then says how many more: part of a
# name (`speaker:cas`) may hold dozens, and a note is one line
NOTE_NAMES = 5
# the prefixes the query's `speaker:` field is typed with (`orateur:Deltour`)
SPEAKER_PREFIXES = ("speaker", *ALIASES["speaker"])
_PREFIX = re.compile(rf"(?<![\w:])({'|'.join(SPEAKER_PREFIXES)}):[\"«“]?\s*", re.IGNORECASE)


def bearers(names: Collection[str]) -> str:
    """Say what several speakers are, counted: people, organisations (`looks_like_body`), or
    both, not counted apart (an organisation named in English may read as a person).

    >>> bearers(["Jean-Louis Touraine", "Marisol Touraine"])
    '2 personnes'
    >>> bearers(["Comité de soutien à Antoine Deltour", "Groupe de Minsk de l'OSCE"])
    '2 organisations'
    >>> bearers(["Antoine Herth", "Comité de soutien à Antoine Deltour"])
    '2 personnes et organisations'
    """
    bodies = sum(1 for name in names if looks_like_body(name))
    what = ("personnes" if not bodies else "organisations" if bodies == len(names)
            else "personnes et organisations")
    return f"{len(names)} {what}"


def _listed(names: list[str]) -> str:
    """Return names for a note: the first NOTE_NAMES, then how many more."""
    if len(names) <= NOTE_NAMES:
        return ", ".join(names)
    return f"{', '.join(names[:NOTE_NAMES])} et {len(names) - NOTE_NAMES} autres"


def name_note(labels: dict[str, str], said: str, wanted: str, prefix: str | None = None
              ) -> str | None:
    """Return the note on a speaker's name typed (`wanted`, folded, civility aside) when
    what it selects needs saying, as `said` (what was typed: « speaker:Deltour »,
    « orateur:Antoine », « Orateur « Touraine » » for a filter); `labels` are the speaker
    facet's ({facet_key: label}); the organisations set apart are given as `prefix:"…"` to
    type in the query field (`speaker:"Comité …"`), or by their label (a filter's note).

    Said: the several people (or organisations) it selects together, naming them; the
    organisation named after a person it leaves aside (`named_people`), and how to reach it;
    that it names nobody. Nothing when it selects one speaker and leaves none aside.

    >>> labels = {"antoine deltour": "Antoine Deltour", "antoine herth": "Antoine Herth",
    ...           "comite de soutien a antoine deltour": "Comité de soutien à Antoine Deltour",
    ...           "jean-louis touraine": "Jean-Louis Touraine",
    ...           "marisol touraine": "Marisol Touraine"}
    >>> print(name_note(labels, "speaker:Deltour", "deltour", "speaker"))
    speaker:Deltour désigne Antoine Deltour ; l'organisation qui porte son nom est comptée à \
part : speaker:"Comité de soutien à Antoine Deltour".
    >>> print(name_note(labels, "Orateur « Touraine »", "touraine"))
    Orateur « Touraine » désigne 2 personnes, retenues ensemble : Jean-Louis Touraine, \
Marisol Touraine.
    >>> print(name_note(labels, "orateur:Castex", "castex", "orateur"))
    orateur:Castex : aucun orateur de ce nom dans l'index.
    >>> name_note(labels, "speaker:Herth", "herth", "speaker") is None
    True
    """
    kept = named_people(labels, wanted)
    if not kept:
        if listed_name(labels, wanted):
            return None  # a variant the aliases file lists: its speaker, nothing to say
        return f"{said} : aucun orateur de ce nom dans l'index."
    # a bare surname several people bear, a label of its own, is no one more person
    bare = shared_surname(labels, wanted)[:1]
    people = sorted({labels[key] for key in kept if key not in bare}, key=_name_order)
    aside = sorted({labels[key] for key in named_keys(labels, wanted) if key not in kept}
                   - set(people), key=_name_order)
    if bare:
        note = shared_note(said, people, labels[bare[0]])
    elif len(people) == 1 and not aside:
        return None
    else:
        who = people[0] if len(people) == 1 else \
            f"{bearers(people)}, retenues ensemble : {_listed(people)}"
        note = f"{said} désigne {who}"
    if aside:
        whose = "son nom" if len(people) == 1 else "le nom de l'un d'eux"
        which = (f"les organisations qui portent {whose} sont comptées" if len(aside) > 1
                 else f"l'organisation qui porte {whose} est comptée")
        given = [f'{prefix}:"{label}"' if prefix else label for label in aside]
        note += f" ; {which} à part : {_listed(given)}"
    return note + "."


def shared_note(said: str, people: list[str], bare: str) -> str:
    """Return what a bare surname several people bear selects (`shared_surname`), without
    its final stop: its people, and the quotations the text gives to the surname alone.

    >>> print(shared_note("speaker:Touraine", ["Jean-Louis Touraine", "Marisol Touraine"],
    ...                   "Touraine"))
    speaker:Touraine retient Jean-Louis Touraine, Marisol Touraine et les citations que le \
texte donne à « Touraine » seul
    """
    return f"{said} retient {_listed(people)} et les citations que le texte donne à « {bare} » seul"


def _typed_prefix(text: str, value: str) -> str:
    """Return the prefix `value` was typed after in the query `text` (`orateur`, `qui`,
    `Speaker`), else « speaker ».

    >>> _typed_prefix('eau orateur:"Antoine Deltour"', "Antoine Deltour")
    'orateur'
    """
    for match in _PREFIX.finditer(text):
        if text[match.end():match.end() + len(value)].casefold() == value.casefold():
            return match.group(1)
    return "speaker"


def named_apart(labels: dict[str, str], query: wq.Query, text: str = "") -> list[str]:
    """Return a note for each `speaker:` term of `query` whose name needs one (`name_note`):
    several people selected together, the organisation named after the person left aside
    (and how to reach it), nobody of that name. The note says the prefix as typed in
    `text`, the query (`orateur:Deltour`); `labels` are the speaker facet's
    ({facet_key: label}).

    >>> labels = {"antoine deltour": "Antoine Deltour",
    ...           "comite de soutien a antoine deltour": "Comité de soutien à Antoine Deltour"}
    >>> print(*named_apart(labels, wq.Term("speaker", "Deltour"), "orateur:Deltour"))
    orateur:Deltour désigne Antoine Deltour ; l'organisation qui porte son nom est comptée à \
part : orateur:"Comité de soutien à Antoine Deltour".
    """
    notes = []
    for fieldname, value in dict.fromkeys(query.iter_all_terms()):
        if fieldname != "speaker":
            continue
        value = str(value)
        shown = f'"{value}"' if " " in value else value
        prefix = _typed_prefix(text, value)
        if note := name_note(labels, f"{prefix}:{shown}", _typed_name(value), prefix):
            notes.append(note)
    return notes


def filter_notes(labels: dict[str, str], selected: dict[str, list[str]],
                 facet: str = "speaker") -> list[str]:
    """Return the notes on a filter's values typed by hand (`speaker=Deltour`,
    `theme=crues`, `kind=bulletin`), read as `selected_labels` reads them. A speaker's name
    says what `speaker:` says (`name_note`): the people a surname selects together, the
    organisation named after the person left aside, a name nobody bears. A theme or a kind
    says that it names none (a kind, which kinds there are), or the several it selects
    together (`typed_note`). A value the facet lists as it is (a click on the facet, an
    address copied) says nothing, but a bare surname several people share (`shared_surname`:
    « Touraine » selects every Touraine). `labels` are the facet's ({facet_key: label});
    `selected` the request's {value typed: labels it selects} (`SearchRequest.labels`).

    >>> print(*filter_notes({"communique": "communiqué"}, {"bulletin": []}, "kind"))
    Type « bulletin » : aucun type de document de ce nom dans l'index (types : communiqué).
    """
    notes = []
    for value, chosen in selected.items():
        if facet != "speaker":
            if not labels.get(facet_key(value)) and (note := typed_note(labels, facet, value,
                                                                         chosen)):
                notes.append(note)
            continue
        if alone_label(labels, value):
            continue  # its chip says it: « Touraine (sans prénom) »
        if shared := shared_surname(labels, facet_key(value)):
            people = sorted({labels[key] for key in shared[1:]}, key=_name_order)
            notes.append(shared_note(f"Orateur « {value} »", people, labels[shared[0]]) + ".")
            continue
        if labels.get(facet_key(value)) or (chosen and listed_name(labels, value)):
            continue
        if note := name_note(labels, f"Orateur « {value} »", _typed_name(value)):
            notes.append(note)
    return notes


def typed_filter_notes(catalog: Engine, selected: dict[str, dict[str, list[str]]]
                       ) -> list[str]:
    """Return the notes on the filters' values typed by hand (`filter_notes`):
    `speaker=Deltour` read and said as `speaker:` is, `theme=Zorglub`, `kind=bulletin`,
    `year=20x6` or `lang=xx` naming none, `kind=allocution` selecting two kinds. `selected` is
    {facet: {value typed: labels it selects}} (`SearchRequest.labels`); the search, the
    talking points and their exports say the same."""
    notes = []
    for facet in ("speaker", "theme", "kind", "year", "lang"):
        if selected.get(facet):
            labels = catalog.speaker_labels().labels if facet == "speaker" else \
                catalog.facet_labels(facet)
            notes += filter_notes(labels, selected[facet], facet)
    return notes


# How a filter is named in its notes and chips
FILTER_NAMES = {"speaker": "Orateur", "theme": "Thème", "kind": "Type", "year": "Année",
                "lang": "Langue"}
# What a value naming none of a facet's values says, and how its values are listed
_NONE_NAMED = {"kind": ("aucun type de document de ce nom dans l'index", "types"),
               "year": ("aucun document de cette année dans l'index", "années"),
               "lang": ("aucun document dans cette langue dans l'index", "langues")}


def typed_note(labels: dict[str, str], facet: str, value: str, chosen: list[str]
               ) -> str | None:
    """Return the note on a theme or a kind typed by hand (`value`) that selects no label
    (`chosen` empty) or several: one line, saying which kinds there are (eleven at most, a
    journalist picks one) or which themes it selects together. None when it selects one:
    its chip says which.

    >>> kinds = {"communique": "communiqué", "discours": "discours"}
    >>> print(typed_note(kinds, "kind", "allocution", ["discours", "déclaration"]))
    Type « allocution » désigne 2 types, retenus ensemble : discours, déclaration.
    >>> print(typed_note({"justice": "Justice"}, "theme", "Zorglub", []))
    Thème « Zorglub » : aucun thème de ce nom dans l'index.
    >>> years = {"2013": "2013", "2016": "2016", "2020": "2020"}
    >>> print(typed_note(years, "year", "20x6", []))
    Année « 20x6 » : aucun document de cette année dans l'index (années : 2013 à 2020).
    """
    said = f"{FILTER_NAMES.get(facet, facet)} « {value} »"
    if not chosen:
        if facet in _NONE_NAMED:
            # the few values there are, so the right one can be typed (a year: the first
            # and the last)
            none, plural = _NONE_NAMED[facet]
            values = sorted(set(labels.values()), key=_name_order)
            if facet == "year" and len(values) > 2:
                values = [f"{values[0]} à {values[-1]}"]
            return f"{said} : {none} ({plural} : {', '.join(values)})."
        return f"{said} : aucun thème de ce nom dans l'index."
    if len(chosen) == 1:
        return None
    what = "types" if facet == "kind" else "thèmes"
    return f"{said} désigne {len(chosen)} {what}, retenus ensemble : {_listed(chosen)}."


def listed_name(labels: dict[str, str], value: str) -> str | None:
    """Return the label of the speaker a name names through the press office's aliases file
    (`corpus/aliases.yaml`, `VERBATIM_ALIASES`): « FRV » or « S. Lemaire-Dufour », listed there
    as variants, name « Fédération des Rivières Vivantes » and « Sophie Lemaire-Dufour ». None
    when the file does not list the name or its canonical name is no label of the index.

    The index merged those variants when it was built; a name typed, bookmarked or put in a
    feed's address must read them the same way. The index's own labels come first: this is
    asked only of a name the index does not know (a Hansard « Pelletier » stays himself).
    """
    canonical = load_aliases().resolve(value)
    return labels.get(facet_key(canonical)) if canonical else None


def _known_label(labels: dict[str, str], facet: str, value: str) -> str | None:
    # a value's label as spelt, through the aliases file, or a kind in the plural; else None
    label = labels.get(facet_key(value))
    if label is None and facet == "speaker":
        label = listed_name(labels, value)
    if label is None and facet == "kind":
        # a press officer asks for « communiqués »: every kind's label is singular
        label = labels.get(_singular(facet_key(value)))
    return label


def selected_label(labels: dict[str, str], facet: str, value: str) -> str:
    """Return the label a facet value is shown under: its own spelling's, a speaker's
    alias's (`listed_name`), a kind typed in the plural (« communiqués », « dossiers de
    presse »), else the value itself (which then selects nothing).

    >>> kinds = {"communique": "communiqué", "dossier de presse": "dossier de presse"}
    >>> [selected_label(kinds, "kind", v) for v in ("Communiqués", "dossiers de presse")]
    ['communiqué', 'dossier de presse']
    """
    return _known_label(labels, facet, value) or value


def _typed_name(value: str) -> str:
    # a speaker's name as typed, folded, its civility aside (« M. Deltour »); a civility
    # alone names nobody (« Mme » is in « Zimmermann », « Sommet de la zone euro »)
    return " ".join(surnames.without_civility(facet_key(value)))


def selected_labels(labels: dict[str, str], facet: str, value: str) -> list[str]:
    """Return the labels a selected facet value selects, [] when it names none.

    Its own spelling's label first (whatever the case and accents) — but a bare surname
    several people of the index share selects them all, as `speaker:` does
    (`shared_surname`: `speaker=Touraine` is Marisol and Jean-Louis Touraine, and the
    quotations the text gives to « Touraine » alone); for a speaker, then, the people a
    name typed by hand names, as `speaker:` reads it (`named_people`, a civility aside):
    `speaker=Deltour` is Antoine Deltour, not his support committee; then an alias's
    (`listed_name`), a kind in the plural (`selected_label`); then what a journalist calls
    a kind or a theme (`typed_labels`: `kind=allocution`, `theme=crues`).

    >>> labels = {"antoine deltour": "Antoine Deltour", "antoine herth": "Antoine Herth",
    ...           "comite de soutien a antoine deltour": "Comité de soutien à Antoine Deltour"}
    >>> [selected_labels(labels, "speaker", v) for v in ("DELTOUR", "M. Antoine Deltour")]
    [['Antoine Deltour'], ['Antoine Deltour']]
    >>> selected_labels(labels, "speaker", "antoine"), selected_labels(labels, "speaker", "Zorglub")
    (['Antoine Deltour', 'Antoine Herth'], [])
    >>> touraines = {"touraine": "Touraine", "marisol touraine": "Marisol Touraine"}
    >>> selected_labels(touraines, "speaker", "Touraine")
    ['Marisol Touraine', 'Touraine']
    """
    key = facet_key(value)
    label = labels.get(key)
    if facet == "speaker" and label is None and (bare := alone_label(labels, value)):
        return [bare]  # « Touraine (sans prénom) »: the quotations of « Touraine » alone
    if label is not None:
        if facet == "speaker" and (shared := shared_surname(labels, key)):
            return sorted({labels[k] for k in shared}, key=_name_order)
        return [label]
    if facet == "speaker":
        named = named_people(labels, _typed_name(value))
        if named:
            return sorted({labels[key] for key in named}, key=_name_order)
    label = _known_label(labels, facet, value)
    if label is not None:
        return [label]
    return typed_labels(labels, facet, value)


# How the quotations a text gives to a shared surname alone are named, apart from its people
# (`alone_value`): the facet's « Touraine (tous les Touraine) » selects them all, this them only
ALONE = " (sans prénom)"


def alone_value(label: str) -> str:
    """Return the facet value selecting only the records that name a bare surname several
    people bear (`shared_surname`) as the text writes it, none of those people: what is left
    of « Touraine (tous les Touraine) » when Marisol and Jean-Louis are unticked.

    >>> alone_value("Touraine")
    'Touraine (sans prénom)'
    """
    return label + ALONE


def alone_label(labels: dict[str, str], value: str) -> str | None:
    """Return the bare surname's label an `alone_value` names (« Touraine (sans prénom) »,
    in any case or accents), None when `value` is no such value or its surname covers no one.

    >>> labels = {"touraine": "Touraine", "marisol touraine": "Marisol Touraine"}
    >>> alone_label(labels, "touraine (sans prenom)"), alone_label(labels, "Touraine")
    ('Touraine', None)
    """
    key, suffix = facet_key(value), facet_key(ALONE)
    if not key.endswith(suffix):
        return None
    head = key[:-len(suffix)].strip()
    return labels[head] if head in labels and shared_surname(labels, head) else None


def shared_surname(labels: dict[str, str], key: str) -> list[str]:
    """Return the keys a bare surname (`key`, one folded word or a particle's name, a label
    of its own) selects when people of the index bear it: itself and each of them, else [].

    A surname alone stays a label of its own when several people bear it, or when the one
    who does is only quoted (`merge_labels`): « Touraine » beside Marisol and Jean-Louis
    Touraine. A journalist typing `speaker=Touraine` asks for the Touraines, as
    `speaker:Touraine` and `/speaker/Touraine` read it, not for the few quotations whose text
    wrote the surname alone. An organisation bearing the name is left aside (`named_people`).

    >>> labels = {"touraine": "Touraine", "marisol touraine": "Marisol Touraine",
    ...           "jean-louis touraine": "Jean-Louis Touraine", "macron": "Macron"}
    >>> shared_surname(labels, "touraine"), shared_surname(labels, "macron")
    (['touraine', 'marisol touraine', 'jean-louis touraine'], [])
    """
    words = key.split()
    if not words or any(word not in surnames.PARTICLES for word in words[:-1]) \
            or facet_key(labels.get(key) or "") != key or looks_like_body(key):
        return []  # no bare surname, or one merged into its person's label already
    bearers = [k for k in named_people(labels, key)
               if k.endswith(f" {key}") and not looks_like_body(k)
               # a first name before it, not the role repeated (« le président M le
               # président ») nor an organisation's words (« Terre et Eau Solidaires »)
               and not set(k[:-len(key)].split()) & (set(words) | _JOINING)]
    return [key, *bearers] if bearers else []


# the words joining an organisation's name, never a first name's (`shared_surname`)
_JOINING = LINKING_WORDS - surnames.PARTICLES


# What a journalist calls a kind that is no kind's label (folded, singular): the words
# `indexer.intent` reads as a kind in a query (« allocution »: a speech, read as vie-publique's
# « déclaration » too), and a few more a filter is typed with (« entrevue », as Canadian
# French says an interview; « séance », a sitting's debate).
FILTER_KINDS = {**KIND_WORDS, "communique de presse": ("communiqué",),
                "entrevue": ("entretien", "interview"), "seance": ("débat",),
                "debat parlementaire": ("débat",)}


def typed_labels(labels: dict[str, str], facet: str, value: str) -> list[str]:
    """Return the labels a kind or a theme typed by hand selects, when its spelling names
    none: a kind by what journalists call it (`FILTER_KINDS`); a theme by its words'
    stems (the index's French analysis: singular or plural, « inondation » for
    « Inondations »), else by the thesaurus's terms (`corpus/thesaurus.yaml`: « crues » is
    a term of « Inondations »), else the themes holding its words (« relance »: « Relance
    économique »). Several labels are selected together (and a note says which); [] when
    none.

    >>> kinds = {"discours": "discours", "declaration": "déclaration"}
    >>> typed_labels(kinds, "kind", "Allocutions")
    ['discours', 'déclaration']
    >>> themes = {"inondations": "Inondations", "relance economique": "Relance économique"}
    >>> typed_labels(themes, "theme", "inondation"), typed_labels(themes, "theme", "relance")
    (['Inondations'], ['Relance économique'])
    """
    if facet == "kind":
        key = facet_key(value)
        kinds = FILTER_KINDS.get(key) or FILTER_KINDS.get(_singular(key)) or ()
        return list(dict.fromkeys(labels[k] for k in map(facet_key, kinds) if k in labels))
    if facet != "theme":
        return []
    typed = _stems(value)
    if not typed:
        return []
    shown = sorted(set(labels.values()), key=_name_order)
    same = [label for label in shown if _stems(label) == typed]
    if same:
        return same
    thesaurus = [labels[key] for label, terms in load_thesaurus().terms.items()
                 if typed in terms and (key := facet_key(label)) in labels]
    if thesaurus:
        return list(dict.fromkeys(thesaurus))
    return [label for label in shown if _holds_words(list(_stems(label)), list(typed))]


def _singular(key: str) -> str:
    # a kind's folded words in the singular: « communiques de presse » (every kind's label is)
    return re.sub(r"(?<=\w\w\w)[sx]\b", "", key)


@lru_cache(maxsize=65_536)
def _stems(text: str) -> tuple[str, ...]:
    # a theme's words as the index's French analysis stems them, stop words aside (each
    # label's once: a page reads the same few hundred labels)
    return tuple(stemmed_terms(text))


def select_values(labels: dict[str, str], facet: str, values: list[str]
                  ) -> tuple[dict[str, list[str]], list[str]]:
    """Return what a facet's selected values select, as both engines read a selection:
    ({value: its labels (`selected_labels`)}, the labels to filter on, each once). A value
    naming none is kept as it is: it selects nothing, and the facet shows it selected, at 0.
    """
    named = {value: selected_labels(labels, facet, value) for value in values}
    chosen = [label for value in values for label in named[value] or [value]]
    return named, list(dict.fromkeys(chosen))


def resolve_facet_terms(q: wq.Query, values: Callable[[str], tuple[dict[str, str],
                                                                   dict[str, list[str]]]]
                        ) -> wq.Query:
    """Map `speaker:Castex` to the indexed values it names (« Jean Castex »), folding case
    and accents, so users need not type a name exactly as it is stored.

    The values `named_keys` gives: equal to the name typed or holding it as whole words,
    failing both those holding it at all (`speaker:castag`), on the speakers an organisation
    named after a person typed aside (`named_people`: `speaker:Deltour`); failing all, a
    speaker's canonical name in the aliases file (`listed_name`: `speaker:FRV`).

    `values(facet)` returns the facet's ({facet_key: label}, {label: indexed spellings}).
    """
    if isinstance(q, wq.Term) and q.fieldname in FACET_FIELDS:
        keys, variants = values(q.fieldname)
        wanted = facet_key(str(q.text))
        # a person's name inside an organisation's is not that person (`named_people`); a
        # civility is read past (`speaker:"M. Jean Castex"`), as the filter and pages do
        matches = named_people(keys, _typed_name(wanted)) if q.fieldname == "speaker" else \
            named_keys(keys, wanted)
        if not matches and q.fieldname == "speaker":
            # a variant the aliases file lists (`speaker:FRV`): its canonical name's records
            listed = listed_name(keys, str(q.text))
            matches = [facet_key(listed)] if listed else []
        if not matches:
            return wq.NullQuery
        return wq.Or([wq.Term(q.fieldname, v) for k in matches for v in variants[keys[k]]])
    if q.is_leaf():
        return q
    return q.apply(lambda child: resolve_facet_terms(child, values))


def speaking_by_search(catalog: Engine, name: str, latest: int) -> list[dict[str, Any]]:
    """Return `Engine.speaking` read from the hits of one search (each hit built whole):
    the Whoosh engine's way, and OpenSearch's on an index without `profile` doc values."""
    from indexer.search import SearchRequest, search

    # hits only, in one request: facet counts here would be computed and thrown away
    request = SearchRequest(speaker=[name], sort="-date", per_page=latest, facets=False)
    return [{"date": hit["date"], "speakers": hit["speakers"]}
            for hit in search(catalog, request).hits]


# A file holding more statements than this is no debate's sitting (the longest TEI sitting of
# the shared corpus holds about 1,500 turns, a Hansard sitting 300): its order is not read.
MAX_FILE_RECORDS = 5_000


def turns_around(catalog: Engine, doc: Document) -> dict[str, Any] | None:
    """Return where a debate's turn stands in its sitting: {"number", "count", "previous",
    "next"}, each neighbour a result's summary (`document_summary`) with `who` has the floor,
    or None; None for a statement that is no debate's turn.

    A journalist reading a turn asks what it answered and what answered it: the question
    before a minister's reply, the interruption after it. The neighbours are the turns of the
    same file in the index (a turn whose words another record already holds, « Très bien ! »,
    was not indexed twice, and is skipped).
    """
    if doc.kind != "débat" or not doc.record:
        return None
    order = catalog.file_order(doc.source, doc.root)
    ids = [doc_id for _, doc_id in order or ()]
    if doc.id not in ids or len(ids) < 2:
        return None
    at = ids.index(doc.id)

    def summary(index: int) -> dict[str, Any] | None:
        if not 0 <= index < len(ids):
            return None
        neighbour = catalog.document(ids[index])
        if neighbour is None:
            return None
        # who has the floor: the speaker, else what the title names (« le président », the
        # chair, is a role and no person: it is not among the speakers)
        who = (neighbour.speakers[0].name if neighbour.speakers else
               (neighbour.title or "").rsplit(" — ", 1)[-1] or None)
        return {**document_summary(neighbour, None), "who": who}

    return {"number": at + 1, "count": len(ids), "previous": summary(at - 1),
            "next": summary(at + 1)}


# --- Hits: the JSON of a result, whatever engine found it.

def document_summary(doc: Document, score: float | None) -> dict[str, Any]:
    """Return the fields every result list shows for a statement."""
    return {
        "id": doc.id,
        "title": doc.title,
        "date": doc.date,
        "place": doc.place,
        "kind": doc.kind,
        "speakers": [{"name": s.name, "function": s.function} for s in doc.speakers],
        "themes": doc.themes,
        "source": doc.source,
        "record": doc.record,
        "score": score,
    }


def alternates(listed: list[dict[str, str]]) -> list[dict[str, str]]:
    """Return the other formats a statement was published in, from its record's `alternates`:
    {"source", "format"}, and "attachment" for a file attached to the message the statement
    was read from (`source` is then the message's file, an .eml or a mailbox)."""
    return [{"source": a["source"], "format": a["format"],
             **({"attachment": a["attachment"]} if a.get("attachment") else {})}
            for a in listed]


def quote_index(stored: dict) -> int:
    """Return the rank of a quotation record in its document's quotations."""
    return int(str(stored["id"]).rsplit("-q", 1)[1])


def _loads(text: str) -> Any:
    """Return the value of a stored JSON text: orjson's (an export reads a thousand, four
    times faster), the standard library's for what orjson refuses (a lone surrogate, which
    `json.dumps` writes and reads back)."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


# A statement's `data` on OpenSearch (from session 21) leaves out what its record's own fields
# hold the same (`indexer.opensearch_mapping.slim_data`): {key of `data`: field of the record}.
# Its "id" is always left out: a `data` with one is whole (Whoosh's, an older index's).
IN_RECORD = {"id": "id", "source": "source", "format": "format", "record": "record",
             "root": "root", "kind": "kind", "title": "title", "date": "date",
             "place": "place", "themes": "theme", "lang": "lang"}
# ... and its speakers, when the record holds their (name, function) pairs in this field
SPEAKERS_IN = "profile"


def stored_data(stored: dict) -> dict[str, Any]:
    """Return the `Document.to_dict()` (without its text) kept in a statement's stored
    fields: its `data`, with what a slim `data` left to the record's fields put back."""
    data = _loads(stored["data"])
    if "id" not in data:
        for key, name in IN_RECORD.items():
            if key not in data and name in stored:
                data[key] = stored[name]
        if "speakers" not in data and SPEAKERS_IN in stored:
            data["speakers"] = [{"name": name, "function": function}
                                for name, function in _loads(stored[SPEAKERS_IN])["speakers"]]
    return data


def record_hit(stored: dict, score: float | None, terms: set[str],
               parent: Callable[[str], Document | None], snippet=None) -> dict:
    """Return the JSON of one result from its stored fields (`indexer.schema`).

    `parent(id)` returns the document a quotation record belongs to; `snippet` is the
    snippet function (`indexer.snippets.snippet` unless a benchmark replaces it). A
    quotation's hit carries the evidence of its attribution (`indexer.evidence.evidence`:
    the source's words around it, the cue, the reason), None when its document is gone.
    """
    snippet = snippet or make_snippet
    if stored.get("type") == "quote":
        doc = parent(stored["parent"])
        quote = stored.get("text", "")
        speaker = doc.quotes[quote_index(stored)] if doc else None
        return {
            "id": stored["id"],
            "title": doc.title if doc else stored.get("title"),
            "date": doc.date if doc else None,
            "place": doc.place if doc else None,
            "kind": doc.kind if doc else stored.get("kind") or None,
            "speakers": [{"name": speaker.speaker, "function": speaker.function}]
            if speaker and speaker.speaker
            else [],
            "themes": doc.themes if doc else [],
            "source": stored.get("source"),
            "record": doc.record if doc else None,
            "score": score,
            "snippet": snippet(quote, terms, top=1) if len(quote) > SNIPPET_CHARS else
            highlight_all(quote, terms),
            "alternates": alternates(doc.alternates) if doc else [],
            "quote": quote,
            "document_id": stored.get("parent"),
            "position": stored.get("position"),
            "attribution": evidence(doc, speaker) if speaker else None,
        }
    # the summary straight from the stored JSON: a `Document` rebuilt for each hit (its
    # quotations and speakers as objects) was a fifth of a CSV export's time
    data = stored_data(stored)
    return {
        "id": data["id"],
        "title": data.get("title"),
        "date": data.get("date"),
        "place": data.get("place"),
        "kind": data.get("kind"),
        "speakers": [{"name": s["name"], "function": s.get("function")}
                     for s in data.get("speakers") or []],
        "themes": data.get("themes") or [],
        "source": data["source"],
        "record": data.get("record"),
        "score": score,
        "snippet": snippet(stored.get("text", ""), terms),
        "alternates": alternates(data.get("alternates") or []),
    }
