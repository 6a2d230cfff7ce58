"""Searching the index: one function behind the command line, the web pages and the API.

`search()` is the orchestration every engine shares (`indexer.engine` says what an engine
provides): it bounds the request, parses and spell-checks the query, reads the dates, lets the
engine find the records (`Engine.run`), then marks the selected facet values, lays out the
histogram and gathers the notes. `open_catalog()` opens the engine configured.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from whoosh import query as wq

from indexer import budget
from indexer.analysis import STOP_WORDS, passage_words, word_term
from indexer.engine import (  # noqa: F401 (the names callers import from here)
    FACET_SIZE,
    MAX_FACET_SIZE,
    MAX_LIST,
    MAX_PER_PAGE,
    MAX_RESULTS,
    MIN_HITS,
    SORTS,
    WHOLE_FACETS,
    Engine,
    Found,
    IndexMissing,
    Plan,
    Unsupported,
    alone_value,
    document_summary,
    engine_name,
    facet_key,
    named_apart,
    typed_filter_notes,
)
from indexer.intent import (
    keywords_reading,
    opens_on_name,
    opens_on_topic,
    read_intent,
    sentence_sign,
)
from indexer.matching import ALL_WORDS_UP_TO, MIN_MATCHES
from indexer.passages import (
    CANDIDATES,
    MIN_WORDS,
    QUOTATION_WORDS,
    align,
    among_keywords,
    described,
    passage_query,
    query_words,
    sentences_held,
    typed_words,
    words_as_typed,
)
from indexer.query import FACET_FIELDS, ParsedQuery, excluded_only, parse_query, plain_terms
from indexer.verify import say_who, speaks_first
from indexer.whoosh_engine import Catalog, FacetPostings  # noqa: F401


@dataclass
class SearchRequest:
    """Everything that defines a search; every web page's state is one of these."""

    q: str = ""
    speaker: list[str] = field(default_factory=list)
    theme: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    year: list[str] = field(default_factory=list)
    lang: list[str] = field(default_factory=list)  # detected language: fr, en…
    date_from: str | None = None  # YYYY-MM-DD (also YYYY or YYYY-MM)
    date_to: str | None = None
    sort: str = "relevance"  # relevance, -date (newest first), date (oldest first)
    page: int = 1
    per_page: int = 10
    quotes: bool = False  # search quotations instead of documents
    facets: bool = True  # False: hits only (exports), no facet counts nor histogram
    as_typed: bool = False  # True: unknown words are not corrected (« tel que saisi »)
    facet_size: int = FACET_SIZE  # values of each facet returned (at most MAX_FACET_SIZE)
    facet_all: str = ""  # a facet whose values are all wanted (up to MAX_FACET_SIZE)
    # the labels each value asked for selects, {facet: {value as typed: [labels]}}, filled by
    # the engine (`indexer.engine.select_values`): « FRV » (an alias) selects « Fédération des
    # Rivières Vivantes », « Deltour » « Antoine Deltour », « Touraine » both Touraines, which
    # the filter chips and a feed's title say, while the URLs keep what was typed; [] for a
    # value naming none
    labels: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def selected(self, facet: str) -> list[str]:
        """Return the values selected for a facet."""
        return getattr(self, facet)

    def facet_limit(self, facet: str) -> int | None:
        """Return how many values of `facet` to return (None: all, for the years)."""
        if facet in WHOLE_FACETS:
            return None
        return MAX_FACET_SIZE if facet == self.facet_all else self.facet_size


@dataclass
class SearchResponse:
    """What a search found: the page of hits, facet counts, a histogram and notes."""

    request: SearchRequest
    total: int
    hits: list[dict[str, Any]]
    facets: dict[str, list[dict[str, Any]]]
    histogram: list[dict[str, Any]]  # [{"period": "2020" or "2020-09", "count": n}]
    notes: list[str]
    suggestions: list[dict[str, str]]  # [{"word", "suggestion"}]
    seconds: float
    match: str = "all"  # which documents match: "all" words, "most" (half or more), "any"
    # the words corrected: {"query" searched, "typed", "words": [{"word", "suggestion"}], "note"}
    correction: dict[str, Any] | None = None
    # facet -> True when it has more values than those returned (`SearchRequest.facet_limit`)
    facets_truncated: dict[str, bool] = field(default_factory=dict)
    # whether a record holds the quotation typed (`Found.held`; None: not looked up whole)
    held: bool | None = None
    # the query read as a quotation (`quotation_reading`) that no record holds, even
    # approached: the note says so before the results (`ABSENT`)
    passage_absent: bool = False

    @property
    def relaxed(self) -> bool:
        """Return True when the search widened to documents with any of the words."""
        return self.match == "any"

    def to_json(self) -> dict[str, Any]:
        """Return the public JSON contract shared by `verbatim search --json` and the API."""
        return {
            "query": self.request.q,
            "total": self.total,
            "results": self.hits,
            "facets": {
                name: [{"value": v["value"], "count": v["count"]} for v in values]
                for name, values in self.facets.items()
            },
            "facets_truncated": self.facets_truncated,
            "passage_absent": self.passage_absent,
        }


def _period_bounds(value: str | None, end: bool) -> datetime | None:
    """Return the first (or last) instant of a YYYY, YYYY-MM or YYYY-MM-DD period."""
    if not value:
        return None
    for fmt, step in (("%Y-%m-%d", "day"), ("%Y-%m", "month"), ("%Y", "year")):
        try:
            start = datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
        if not end:
            return start
        if step == "day":
            nxt = start + timedelta(days=1)
        elif step == "month":
            nxt = start.replace(year=start.year + start.month // 12, month=start.month % 12 + 1)
        else:
            nxt = start.replace(year=start.year + 1)
        return nxt - timedelta(microseconds=1)
    raise ValueError(value)


# The best matches among which those meeting what the query's words ask beyond their words
# (a date, a kind: `indexer.intent`) come first: asking 20 hits instead of 10 costs ~2 ms a
# search on the tasks index (30: ~8 ms, and one more dev task in the first ten).
POOL = 20
# the levels (`indexer.matching`) at which the records holding every word come first: a
# search widened to any word; and, for keywords (not a question: `Intent.keywords`), one
# needing only half of them. Measured: questions at the "most" level cost CNIL 0.589 ->
# 0.581 MRR@10 and service-public 0.889 -> 0.887.
FULLEST_FIRST = ("any",)
# the engines' note when no record holds every word (`indexer.matching`): nothing to ask
NONE_COMPLETE = "Aucun document ne contient tous les mots"
FULLEST_FIRST_KEYWORDS = ("any", "most")
# Among the POOL, the hits meeting a date or a kind read come first when their score is at
# least this share of the best one's (`_preferred`)
BAND = 0.5
# ... and, when no record or too few hold every word, those holding more of the words typed
# come first when their score is at least this share of the best one's (`_fuller`). Measured
# on the journalist search tasks' development halves: every share from 0.55 to 0.8 puts
# the same tasks first; 0.5 lifted a declaration holding seven of eight words, at 54 % of
# the best, above the one the words describe, holding six.
FULLER_BAND = 0.7
# What a query read as a quotation that no record holds says, before the records sharing its
# words: without it, « qui a dit je vous ai compris » listed Hansard turns saying « j'ai
# compris » as if they answered.
ABSENT = ("Aucun document ne contient ce passage, même approché : voici les documents qui "
          "partagent ses mots.")
# ... and when no record shares them either
ABSENT_ALL = "Aucun document ne contient ce passage, même approché."
# ... but words reported (« qui a dit que … ») are seldom the source's as they stand: its
# tenses and pronouns are the reporter's (« qui a dit que fermer son commerce était un
# crève-cœur pour un artisan » came first, under « Aucun document ne contient ce passage »)
REPORTED = ("Aucun passage ne dit ces mots tels quels, mais des paroles rapportées (« qui a "
            "dit que … ») changent souvent les temps et les pronoms : voici les documents qui "
            "partagent ses mots.")
# ... and when records hold it, none of those the filters keep (« qui a dit « … » », then the
# speaker facet on someone who never said it: his records holding its words, no passage)
OUTSIDE_FILTERS = ("Aucun des documents retenus par vos filtres ne contient ce passage, mais "
                   "d'autres le contiennent : retirez un filtre pour les voir.")
# A plain query reads as a sentence, not as keywords, when it holds this many function words
# (« le », « de », « nous », « est »: `STOP_WORDS`): « Clément Beaune Chypre Turquie
# septembre 2020 » is not a quotation to say absent. Counted on the development halves: every
# passage of bench.quotes holds two or more (as typed, misremembered, mistyped), 72 of the
# 118 keyword searches of the journalist tasks (five words or more) fewer.
SENTENCE_WORDS = 2
# The records of the page read again before saying so (`_approached`): a page's worth
SECOND_LOOK = 10
# ... after aligning this many records sharing its rarest word pairs (four times the passage
# finder's CANDIDATES: 40-50 ms more on the shared corpus, on this path only)
WIDER_LOOK = 4 * CANDIDATES


def search(catalog: Engine, request: SearchRequest) -> SearchResponse:
    """Run a search and return one page of hits with facets, histogram, suggestions, notes.

    What the words ask beyond themselves (`indexer.intent`): « qui a dit » and « ce que … a
    dit sur » are taken off the words searched; among the POOL best matches, ranked by
    relevance, the records dated as typed (« mars 2000 », « le 8 février »), of the
    kind typed (« communiqué », « discours ») come first — those meeting both before those
    meeting one, each group in its order; a record scoring less than half the best one's
    is not lifted by its date or kind (`_preferred`) —, after the records holding a passage found (a
    quotation's source comes first whatever the dates it speaks of: a first version letting
    passages found at 60-80 % join the preferences, and reading a year alone as a date,
    cost pasted quotations 0.3-0.5 % at top 1 on the demo; this one costs nothing there) —
    save a close passage lacking only the words read as a date, a kind or the person of
    « ce que X a dit sur », or a phrase among keywords (`_leads`: keywords, not a
    quotation).

    A plain-word search the engine widened to any word (fewer than MIN_MATCHES records
    hold them all) puts the records holding every word first, then the others, each in its
    relevance order (`_every_word`; journalist search tasks, dev and dev2 top 1
    0.791 -> 0.837 and 0.743 -> 0.800, query alone). A word read as a date with its year or
    as a kind is held by a record of that date or kind (`_held`): a sitting's turn never
    writes « mars 2000 », a communiqué seldom « communiqué ».
    """
    _bound(request)
    intent = read_intent(request.q, bare=speaks_first(catalog, request.q)) \
        if request.sort == "relevance" else None
    if intent is None:
        return _search(catalog, request)
    response = _search_read(catalog, request, intent)
    if not request.quotes:  # a quotation record names its author already
        say_who(catalog, response.hits, intent.author, line=request.q)
    held = response.held
    if held is None and not response.total and not response.notes \
            and not any(request.selected(facet) for facet in FACET_FIELDS):
        held = False  # no record holds even its words (« qui a dit abracadabrantesque »)
    if held is False and not request.quotes and quotation_reading(request.q, intent) \
            and not _approached(catalog, intent.q, response.hits):
        # said only when the lookup was whole (`Found.held`): a false « not found » would
        # mislead a journalist worse than silence
        if intent.reported and response.total:
            response.notes.insert(0, REPORTED)  # not absent: perhaps said otherwise
        else:
            response.passage_absent = True
            response.notes.insert(0, ABSENT if response.total else ABSENT_ALL)
    elif response.total and request.page == 1 and not request.quotes \
            and any(request.selected(facet) for facet in FACET_FIELDS) \
            and not any(hit.get("passage") for hit in response.hits) \
            and quotation_reading(request.q, intent) and _held_elsewhere(catalog, request, intent):
        # found in the index, not under the facets: the records shown share its words only
        response.notes.insert(0, OUTSIDE_FILTERS)
    return response


def _held_elsewhere(catalog: Engine, request: SearchRequest, intent) -> bool:
    """Tell whether a record outside the facets selected holds the passage typed: the same
    search without them, its first record only (a period typed in the boxes is kept: it
    narrows the passage's lookup itself). Asked of both engines alike (OpenSearch tells
    `Found.held` only without selections)."""
    unfiltered = replace(request, page=1, per_page=1, facets=False, labels={},
                         **{facet: [] for facet in FACET_FIELDS})
    found = _search_read(catalog, unfiltered, intent)
    return bool(found.held) or bool(found.hits and found.hits[0].get("passage"))


def last_page(total: int, per_page: int, most: int = MAX_RESULTS) -> int:
    """Return the number of the last page one can reach for `total` results (the pages stop
    at the `most`-th)."""
    return max(1, min(-(-total // per_page), most // per_page))


def quotation_reading(q: str, intent) -> bool:
    """Tell whether a query is read as a quotation, one whose absence is worth saying: « qui
    a dit … » (`Intent.said`), a passage of MIN_WORDS words or more that is no question
    (`Intent.keywords`: no « ? », no interrogative first word) and reads as a sentence
    (`SENTENCE_WORDS`) rather than as a record described (`indexer.intent.keywords_reading`:
    no verb nor pronoun nor punctuation, and a kind, a month, an office or a year; nor
    keywords opening on a name, `indexer.intent.opens_on_name`; nor a subject typed in lower
    case, `indexer.intent.opens_on_topic`, which `indexer.passages.described` reads too),
    nor a question about a subject (`Intent.subject`: « qui a cité Paris-Match et Elton
    John sur la GPA », « ce que X a dit sur … »), or one "quoted passage". (Eight of the
    development tasks' 23 « Aucun document ne contient ce passage » were keywords opening on
    a name: « Parly maintien en condition opérationnelle avions »; session 51, eight of the
    sixth development half's 33 topic searches were subjects: « déduction fiscale des dons
    aux organismes de bienfaisance et dons politiques ».)

    >>> from indexer.intent import read_intent
    >>> [quotation_reading(q, read_intent(q)) for q in ("qui a dit je vous ai compris",
    ...  '"je vous ai compris"', "je vous ai compris", "Pourquoi le barrage de Montclair "
    ...  "menace-t-il la rivière ?", "je vous ai compris, je sais ce qui s'est passé",
    ...  "Clément Beaune Chypre Turquie septembre 2020",
    ...  "discours du maire de Montclair sur la retenue du Lisson septembre 2023",
    ...  "procès en appel LuxLeaks première audience rassemblement devant la cour")]
    [True, True, False, False, True, False, False, False]
    """
    text = q.strip()
    if intent.said:
        return True
    if intent.subject:
        return False  # « qui a cité Paris-Match … », « ce que X a dit sur … »: a subject
    if text.count('"') == 2 and text.startswith('"') and text.endswith('"'):
        return len(passage_words(text)) >= 2
    return passage_query(text) is not None and intent.keywords and \
        sum(word in STOP_WORDS for word, _, _ in passage_words(text)) >= SENTENCE_WORDS \
        and not keywords_reading(text, intent) and not opens_on_name(text) \
        and not opens_on_topic(text)


def _approached(catalog: Engine, q: str, hits: list[dict]) -> bool:
    """Tell whether a record the page shows holds the passage `q` (five words or more), even
    approached, in its title or its text: a second look before saying no record does.

    The passage finder aligns the records sharing the passage's rarest word pairs, 24 of
    them; a passage of common words (« Elle a bien il le dire », two words dropped from a
    debate's turn « Elle a bien fait, il fallait le dire ! ») shares its pairs with hundreds
    of records alike, and the one holding it may not be among those aligned — but the words
    find it. A release's title is often what is quoted (« Procès LuxLeaks : appel du 12 au 21
    décembre »), and the finder reads texts only. Sentences pasted in another order than the
    source's are each looked for (`sentences_held`): the Élysée's communiqué on the
    Haut-Karabakh, its two sentences swapped, came first under « Aucun document ne contient
    ce passage ».
    """
    typed = query_words(q)
    if len(typed) < MIN_WORDS:
        return False  # a short quotation counts word for word: its records were all checked
    try:  # more of the records sharing its pairs (« avons pour que ce travail rapidement »:
        # « ce travail » is in 99 records, the interview saying « Nous avons insisté pour que
        # ce travail revienne rapidement » was not among the first 24)
        if catalog.find_passages(q, limit=WIDER_LOOK):
            return True
    except Unsupported:
        return True  # an index without word pairs cannot tell
    for hit in hits[:SECOND_LOOK]:
        doc = catalog.document(hit["id"]) if "quote" not in hit else None
        texts = [hit.get("title") or "", doc.text if doc else ""]
        if any(align(typed, q, text) is not None or sentences_held(typed, q, text)
               for text in texts if text):
            return True
    return False


def _search_read(catalog: Engine, request: SearchRequest, intent) -> SearchResponse:
    """Return `search`'s response for a query read (`read_intent`): the question's words
    taken off, the records meeting what the words ask first."""
    asked = replace(request, q=intent.q)
    window = request.page * request.per_page  # the records up to the page's last
    # the POOL is read when it holds the page, for the records meeting a date or a kind
    # first, and for keywords' records holding more of the words first (`_fuller`)
    first = (bool(intent) or intent.keywords) and window <= POOL
    if first:
        asked.page, asked.per_page = 1, POOL
    response = _search(catalog, asked)
    complete: dict[str, dict] = {}
    levels = FULLEST_FIRST_KEYWORDS if intent.keywords else FULLEST_FIRST
    if response.match in levels and window <= (MAX_PER_PAGE if request.facets else MAX_LIST) \
            and not any(_leads(hit, None) for hit in response.hits) \
            and (intent.readings
                 or not any(note.startswith(NONE_COMPLETE) for note in response.notes)):
        # widened to any word: the records holding every word first (`_every_word`), on
        # every page (the records before this page's last are asked for when it is not the
        # first: they decide what this page holds); not asked when a passage was found (it
        # comes first: a pasted quotation, `_leads`) or when the engine said no record holds
        # them all — unless words were read as a date or a kind: a record meeting those
        # may hold every other word
        complete = _every_word(catalog, asked, response, intent)
        if complete and not first:
            if request.page > 1:
                asked.page, asked.per_page = 1, window
                for facet in FACET_FIELDS:  # the values as typed, for the engine to read
                    # anew (« Deltour » once more, not its label: its chip and its note)
                    setattr(asked, facet, request.selected(facet))
                response = _search(catalog, asked)
            first = True
    for facet in FACET_FIELDS:  # the selected values as the engine labelled them
        setattr(request, facet, asked.selected(facet))
    request.labels = asked.labels
    response.request = request
    if first:
        hits = response.hits
        passages = [hit for hit in hits if _leads(hit, intent)]
        rest = [hit for hit in hits if not _leads(hit, intent)]
        preferred = _preferred(rest, intent)
        if intent and any(preferred(hit) for hit in rest):
            response.notes += intent.notes()
        if complete:
            held = {hit["id"] for hit in hits}
            # the complete records in the engine's order (its own preferences kept: a short
            # query's words side by side first), those beyond the records fetched after
            # them in theirs, then the others
            rest = [hit for hit in rest if hit["id"] in complete] + \
                [hit for hit in complete.values() if hit["id"] not in held] + \
                [hit for hit in rest if hit["id"] not in complete]
        if intent.keywords and response.match in levels:
            # questions carry words their answer does not hold (measured: CNIL 0.5875 ->
            # 0.5825 MRR@10 on a page of ten, service-public 0.8814 -> 0.8767)
            rest = _fuller(catalog, _typed_terms(asked, response, intent), rest, complete)
        if complete:
            response.notes.append(_complete_note(rest, complete))
        # stable: each group keeps its relevance order
        hits = passages + sorted(rest, key=preferred)
        start = (request.page - 1) * request.per_page
        response.hits = hits[start:start + request.per_page]
    return response


def _complete_note(hits: list[dict], complete: dict[str, dict]) -> str:
    """Return the note saying the records holding every word come first — save before the
    records lacking one word only, far more relevant, when one of them comes after those
    (`_fuller`)."""
    said = f"Les {len(complete)} document(s) contenant tous les mots d'abord" \
        if len(complete) > 1 else "Le document contenant tous les mots d'abord"
    count = sum(hit["id"] in complete for hit in hits)
    if all(hit["id"] in complete for hit in hits[:count]):
        return said + "."
    return said + ", sauf devant ceux, bien plus pertinents, auxquels il n'en manque qu'un."


def _typed_terms(asked: SearchRequest, response: SearchResponse, intent) -> list[str]:
    """Return the analysed words of a plain-word query as searched (corrected, if it was),
    but those read as a date, a kind or the person said to have said it (`Intent.read`):
    a record meets those otherwise (`_preferred`)."""
    searched = response.correction["query"] if response.correction else asked.q
    read = {word_term(word) for word in intent.read}
    return [t for t in dict.fromkeys(plain_terms(parse_query(searched))) if t not in read]


def _fuller(catalog: Engine, terms: list[str], hits: list[dict],
            complete: dict[str, dict]) -> list[dict]:
    """Return the hits of keywords no record or too few answer whole (the engine needed
    only half of the words, or any) with those holding more of the words `terms` first,
    among the hits scoring at least FULLER_BAND times the best score; the records holding
    every word (`complete`) before them, as `_every_word` puts them — save one scoring
    below BAND times the best: it comes after the records lacking one word only that
    scored above it. Each group keeps its relevance order; the others follow, in theirs.

    BM25 summed over the words lets a record saying a few of them often beat one saying
    more: « Véran prolongation de l'état d'urgence sanitaire projet de loi » put first two
    Conseil des ministres' records on the state of emergency (five of the seven words: not
    « Véran ») above the minister's declaration on the bill (six: all but « prolongation »,
    the text says « prorogation »), at 82 % of the best score. And every word first lifted
    Clément Beaune's 47,000-character declaration saying each word of « la ministre du
    travail sur France 2 hommage à Samuel Paty à la Sorbonne » somewhere, at 7 % of the
    best, above Élisabeth Borne's France 2 interview, which lacks « hommage » only; a
    deputy's turn holding every word of « Mamère croix comportement sectaire » at 49 % of
    a report holding two of them still comes first.
    """
    if len(terms) <= ALL_WORDS_UP_TO or not hits:
        return hits  # a few words: the engine wants them all, a record lacking one is rare
    held = catalog.words_held([hit["id"] for hit in hits], terms)
    scores = [hit["score"] for hit in hits if isinstance(hit.get("score"), int | float)]
    best = max(scores, default=0.0)

    def count(hit: dict) -> int:
        return len(terms) if hit["id"] in complete else len(held.get(hit["id"], ()))

    def score(hit: dict) -> float:
        value = hit.get("score")
        return value if isinstance(value, int | float) else best

    def lifted(hit: dict) -> int:
        if hit["id"] in complete or score(hit) >= FULLER_BAND * best:
            return -count(hit)
        return 0

    ranked = sorted(hits, key=lifted)
    for hit in [h for h in ranked if h["id"] in complete and score(h) < BAND * best]:
        ranked.remove(hit)
        above = [at for at, other in enumerate(ranked, 1)
                 if (other["id"] in complete and hits.index(other) < hits.index(hit))
                 or (other["id"] not in complete and count(other) == len(terms) - 1
                     and score(other) > score(hit))]
        ranked.insert(max(above, default=0), hit)
    return ranked


def _preferred(hits: list[dict], intent) -> Callable[[dict], int]:
    """Return the sort key putting first the hits meeting more of what the words ask
    (`Intent.met`, negated: 0 meets nothing), where a date or a kind read counts only for a
    hit of the relevance band: one scoring at least BAND times the best score of `hits`
    (a passage found is always in it).

    The date and kind typed break near-ties between records of the subject; they do not lift
    a record the words describe poorly above the one they describe: « FRV assemblée générale
    avril 2024 Montclair vote en ligne » put the FRV's accounts of 25 April 2024 (BM25 12.0:
    « avril 2024 » and « FRV » only) before the release on that assembly's online vote (129.6,
    sent in March); « notre communiqué sur le documentaire Antoine » put eight communiqués
    scoring 12-25 before the committee's article on the film (45.2). The person of « ce que
    X a dit sur » is not banded: that record may score far below a record about X.
    """
    scores = [hit["score"] for hit in hits
              if isinstance(hit.get("score"), int | float) and not hit.get("passage")]
    floor = BAND * max(scores) if scores else None

    def key(hit: dict) -> int:
        met = intent.met(hit)
        score = hit.get("score")
        if floor is not None and not hit.get("passage") \
                and isinstance(score, int | float) and score < floor:
            met = int(intent.spoken(hit))  # below the band: only the person counts
        return -met

    return key


def _leads(hit: dict, intent) -> bool:
    """Tell whether a hit comes before the preferences: it holds the passage typed — unless
    the passage is a phrase among keywords (`indexer.passages.among_keywords`: the engine
    ranked it as the other records), or was found close only because it lacks the words
    read as a date, a kind or the person (`Intent.read_words`): those keywords describe a
    record, they are not a misremembered quotation.

    « communiqué dissolution du comité de soutien juin 2018 » aligned at 62 % with « de
    dissolution du Comité de soutien à Antoine » in the May verdict's release (what differs:
    « communiqué », « juin 2018 ») and it came before the release of June 2018 the words
    describe; « ce que Castex a dit sur l'extension du couvre-feu » found « annoncé
    l'extension du couvre-feu » (what differs: « Castex ») in another minister's interview.
    Such a passage, sharing fewer than QUOTATION_WORDS words as typed (a phrase inside the
    keywords), joins the other records and their preferences. A passage differing by any
    other word, or longer (« Nous n'avons pas peur des procès, nous avons peur du silence.
    juin 2024 »: a quotation and its month), leads as before (a first version letting every
    close passage join the preferences cost the demo's pasted quotations 0.997 -> 0.985 at
    top 1: a quotation holding a month or « discours », one word of it misremembered).
    """
    passage = hit.get("passage")
    if not passage:
        return False
    diff = passage.get("diff") or []
    if typed_words(diff) < MIN_WORDS:
        return False  # a short query's words in order: the engine ranked them first already
    if among_keywords(diff) or (passage.get("verdict") == "close" and described(diff)):
        return False  # the engine ranked it as the other records (`Passage.leads`)
    differing = [op for op in diff if op["op"] != "equal"]
    return not (intent and differing and words_as_typed(diff) < QUOTATION_WORDS
                and all(intent.read_words(op["typed"]) for op in differing))


def _held(term: str, intent) -> wq.Query:
    """Return the query of the records holding `term` (an analysed word of the query), or
    meeting what the query's words were read as (`Intent.readings`): a kind word is held by
    a record of that kind, a date's words by a record of that month or day.

    « Code canadien du travail projet de loi C-12 santé et sécurité mars 2000 »: the turn of
    24 March 2000 holds every word but « mars », which a debate's turn does not write; none
    holds all ten, and BM25 summed over the words put first the same weeks' turns on the
    health research bill (« santé » and « loi » in every line). Its date now holds « mars »
    and « 2000 », and it comes first (journalist search tasks, b11).
    """
    held: list[wq.Query] = [wq.Term("title", term), wq.Term("text", term)]
    for reading in intent.readings if intent is not None else ():
        if term not in {word_term(w) for w in reading.words}:
            continue
        held += [wq.Term("kind", kind) for kind in reading.kinds]
        if reading.date is not None:
            year, month, day = reading.date
            period = f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
            held.append(wq.DateRange("date", _period_bounds(period, end=False),
                                     _period_bounds(period, end=True)))
    return wq.Or(held)


def _every_word(catalog: Engine, asked: SearchRequest, response: SearchResponse,
                intent=None) -> dict[str, dict]:
    """Return {id: hit} of the records holding every word of a plain-word search that was
    widened to any word, best first (at most MIN_MATCHES: fewer is why it widened); a word
    read as a date or a kind (`intent`) is held by a record of that date or kind (`_held`).

    Widening keeps the words' BM25 sum as the order, and a record with many occurrences of
    one word (« croix » in the Hansard's Red Cross day) then buries the one record holding
    every word (« Mamère signe de croix comportement sectaire »: one record has them all).
    The engine is asked for exactly those records: the same words, every one required,
    written as a query the engines run as typed (never widened).
    """
    searched = response.correction["query"] if response.correction else asked.q
    terms = plain_terms(parse_query(searched))
    if len(terms) < 2:
        return {}
    every = wq.And([wq.And([_held(t, intent) for t in terms])])
    try:
        period = (_period_bounds(asked.date_from, end=False),
                  _period_bounds(asked.date_to, end=True))
    except ValueError:
        period = (None, None)  # as `_search` does, the note said so
    request = replace(asked, q="", page=1, per_page=MIN_MATCHES, facets=False)
    budget.start()  # a search of its own, bounded as the page's (`_search`)
    try:
        found = catalog.run(Plan(request, ParsedQuery(every, searched), searched, period))
    finally:
        spent = budget.finish()
    if spent:  # cut short: the page keeps the engine's order rather than half a list
        return {}
    if not found.total or found.total >= MIN_MATCHES:
        return {}
    return {hit["id"]: hit for hit in found.hits}


def _bound(request: SearchRequest) -> None:
    request.sort = request.sort if request.sort in SORTS else "relevance"
    request.per_page = max(1, min(request.per_page,
                                  MAX_PER_PAGE if request.facets else MAX_LIST))
    request.page = max(1, min(request.page, MAX_RESULTS // request.per_page))
    request.facet_size = max(1, min(request.facet_size, MAX_FACET_SIZE))


def _mark_covers(values: list[dict[str, Any]], covers: dict[str, list[str]],
                 selected: set[str], total: Callable[[SearchRequest], int],
                 request: SearchRequest) -> None:
    """Mark the speaker facet's values as the selection gives them, a bare surname several
    people bear (`Labels.covers`) included: « Touraine (tous les Touraine) » is ticked when
    all it selects is (its people and the quotations of « Touraine » alone, `selected`: the
    labels the request filters on), and the quotations of « Touraine » alone, selected
    without all its people (Marisol Touraine unticked after « Touraine »), are a value of
    their own, « Touraine (sans prénom) », ticked, counted by a search of their own
    (`total` of a request), as a click on it would be: the page says what the URL selects.
    """
    for value in values:
        if value["value"] in covers:
            value["selected"] = selected >= set(covers[value["value"]])
    for bare, held in covers.items():
        if bare in selected and not selected >= set(held):
            alone = alone_value(bare)
            # the facet's count ignores its own selection: the other facets', the query's
            asked = replace(request, speaker=[alone], page=1, per_page=1, facets=False,
                            labels={})
            values.insert(0, {"value": alone, "count": total(asked), "selected": True})


def _search(catalog: Engine, request: SearchRequest) -> SearchResponse:
    """Run a search as typed (`search` without reading what the words ask).

    Which words are required, and when the search widens to any word, is the engine's
    (`indexer.matching` for Whoosh); a note says so when it widens. Facet values combine
    with OR inside a facet and AND across facets; each facet's counts ignore its own
    selection. Each facet holds its `request.facet_limit(facet)` values with most records
    (then its selected values, whatever their rank); `facets_truncated` says which have more.
    """
    started = time.perf_counter()
    budget.start()  # in a web request, long stages stop at a deadline and say so
    notes: list[str] = []
    _bound(request)

    excluded = excluded_only(request.q)
    parsed = excluded or parse_query(request.q)
    # unknown words near a word of many records are searched corrected (indexer.spelling);
    # a word excluded alone is left as typed
    spelling = catalog.spell(request.q, parsed.words, not request.as_typed and not excluded)
    if spelling.query is not None:
        parsed = parse_query(spelling.query)
    notes += parsed.notes
    period: tuple[datetime | None, datetime | None] = (None, None)
    try:
        period = (_period_bounds(request.date_from, end=False),
                  _period_bounds(request.date_to, end=True))
    except ValueError as exc:
        notes.append(f"Date non comprise ({exc}) : filtre de date ignoré.")

    found = catalog.run(Plan(request, parsed, spelling.query or request.q, period))
    notes += found.notes
    if any(field == "speaker" for field, _ in parsed.query.iter_all_terms()):
        # `speaker:Deltour` is Antoine Deltour: how to reach his support committee apart;
        # `orateur:Touraine` both Touraines, named
        notes += named_apart(catalog.speaker_labels().labels, parsed.query, parsed.text)
    notes += typed_filter_notes(catalog, request.labels)
    facets = found.facets
    for facet, counts in facets.items():
        selected = set(request.selected(facet))
        for value in counts:
            value["selected"] = value["value"] in selected
        for value in selected - {c["value"] for c in counts}:
            counts.insert(0, {"value": value, "count": 0, "selected": True})
    if facets.get("speaker"):
        # a bare surname several people bear counts what a click selects, every one of
        # them: its value says whom (`Labels.covers`), for the page to say it covers them
        covers = catalog.speaker_labels().covers
        for value in facets["speaker"]:
            if value["value"] in covers:
                value["covers"] = covers[value["value"]][1:]
        searched = spelling.query or request.q
        _mark_covers(facets["speaker"], covers, set(request.selected("speaker")),
                     lambda asked: catalog.run(Plan(asked, parsed, searched, period)).total,
                     request)
    if "year" in facets:
        facets["year"].sort(key=lambda v: v["value"], reverse=True)

    histogram = _histogram(found, request) if request.facets else []
    # a passage found is the answer: no « Vouliez-vous dire » beside it
    suggestions = spelling.suggestions if (not found.total or found.level == "any") \
        and not found.passages else []
    correction = None
    if spelling.query is not None:
        correction = {"query": spelling.query, "typed": request.q,
                      "words": spelling.corrections, "note": spelling.note(request.q)}
    if request.quotes and not found.passages and request.page == 1:
        notes += _outside_quotations(catalog, request.q)
    spent = budget.finish()
    notes += spent
    return SearchResponse(
        request=request,
        total=found.total,
        hits=found.hits,
        facets=facets,
        histogram=histogram,
        notes=notes,
        suggestions=suggestions,
        seconds=time.perf_counter() - started,
        match=found.level,
        correction=correction,
        facets_truncated={name: found.truncated.get(name, False) for name in facets},
        # cut short, a lookup may have missed the record holding it
        held=None if spent else found.held,
    )


def _outside_quotations(catalog: Engine, q: str) -> list[str]:
    """Return the note of a passage pasted in the quotations' view that no quotation holds
    but statements do: an interview's answer, a speech's sentence are words said, not
    quotations between marks (« Je ne suis pas dans la polémique, nous sommes dans le
    concret », Alain Griset's answer, found at 83 % among the documents, nowhere among the
    quotations). Fewer than PASSAGE_WORDS words count when they read as a sentence
    (`sentence_sign`: « nous sommes en guerre », not « prix de l'énergie ») and a statement
    holds them word for word: nearly, two to four words are anywhere."""
    short = passage_query(q) is None
    if budget.current().exceeded() or (short and not (
            len(passage_words(q)) >= 2 and sentence_sign(q))):
        return []
    try:
        held = catalog.find_passages(q, best_only=True)
    except Unsupported:
        return []
    if not held or (short and held[0].verdict != "exact"):
        return []
    # how many: only the closest were aligned (`best_only`), so the note gives no count
    return ["Ce passage n'est pas une citation entre guillemets, mais il figure dans un "
            "document au moins : cherchez-le parmi les « Documents »."]


def _histogram(found: Found, request: SearchRequest) -> list[dict]:
    years = sorted(found.years.items())
    by_month = len(request.year) == 1 or (len(years) == 1)
    if by_month and years:
        prefix = request.year[0] if len(request.year) == 1 else years[0][0]
        counts = found.months(prefix)
        return [{"period": f"{prefix}-{m:02d}", "count": counts.get(f"{prefix}-{m:02d}", 0)}
                for m in range(1, 13)]
    if not years:
        return []
    first, last = int(years[0][0]), int(years[-1][0])
    counts = dict(years)
    return [{"period": str(y), "count": counts.get(str(y), 0)} for y in range(first, last + 1)]


def open_catalog(index_dir: Path | str, engine: str | None = None,
                 url: str | None = None) -> Engine:
    """Return the engine on an index: the Whoosh index in `index_dir` (default), or with
    `engine="opensearch"` (or $VERBATIM_ENGINE) the OpenSearch index at `url` (or
    $VERBATIM_OPENSEARCH_URL). Raises `IndexMissing` when there is no index."""
    if engine_name(engine) == "opensearch":
        from indexer.opensearch_engine import open_opensearch

        return open_opensearch(url, index_dir)
    return Catalog(index_dir)
