"""Verify a quotation: where was it said, in which exact words, and by whom.

A journalist holds a sentence (read in a tweet, heard on the radio, often slightly wrong).
`verify` looks it up as a passage among the documents (`indexer.passages`), keeps the
closest one, and returns plain data: the verdict (`exact`, `close`, `not_found`), the source's
exact words, a word-level diff against what was typed, the document's metadata and a
permalink to the passage. When the passage lies inside a quotation that the document
attributes to someone else (a minister quoting Churchill), it says so: those are not the
speaker's own words.

The command line (`verbatim verify`), the web page `/verifier` and the API `/api/verify`
all call `verify_many`.
"""

from __future__ import annotations

import csv
import functools
import html
import io
import re
from collections.abc import Callable, Iterable
from typing import Any

from indexer import budget
from indexer.analysis import fold, passage_words, stemmed_terms
from indexer.document import Document, Quote, Speaker
from indexer.engine import Plan, facet_key
from indexer.evidence import evidence, terminal_lines
from indexer.extract.functions import FUNCTION_WORDS
from indexer.extract.names import load_aliases, looks_like_body, name_key
from indexer.extract.turns import ANSWER, QUESTION, Turn, find_turns, turn_at
from indexer.intent import (
    bare_claim,
    bare_readings,
    framed_quotation,
    office_of,
    pasted_claim,
    role_of,
    rubric_of,
    split_named_claim,
    topic_shaped,
)
from indexer.passages import (
    LINE_HYPHENS,
    MAX_WORDS,
    MIN_SIMILARITY,
    MIN_WORDS,
    Passage,
    term_share,
)
from indexer.query import PASSAGE_WORDS, parse_query

VERDICTS = ("exact", "close", "not_found")
# What a claim's note opens on when the source gives the words to the person named
# (`claim_note`)
CONFIRMED = "Ce sont bien"
# The passage of the person a quotation was pasted with is shown in place of a closer one of
# someone else when it holds this share of the terms typed (`indexer.passages.term_share`) or
# more, and no fewer than that closer one's, less this share
AUTHOR_SHARE = 0.6
AUTHOR_NEAR = 0.1
# the records whose snippets tell whether a word heading a pasted line alone is a common word
# (`_SpeakerKeys.common`)
COMMON_HITS = 10
# the words linking an organisation's name to a place it names (« … de Montclair »)
_PLACE_LINKS = frozenset("de du des d a au aux en".split())
# the small words a person's name may hold between its capitalised ones (« Dominique de
# Villepin », « Ursula von der Leyen »)
_NAME_PARTICLES = frozenset("de du des d la le von van der".split())
# a single word heading a pasted line alone, then a dash or a full stop, then the words
# between marks (`_SpeakerKeys.claimant`)
_DASHED = re.compile(r"^\s*([^\W\d_]+(?:-[^\W\d_]+)*)(?:\.|\s+[-–—])\s*[«“\"]")
# How many names typed first `verify` tries, the words after each looked up alone (`bare_readings`)
_BARE_TRIES = 3
# A quotation longer than this is cut: only its first MAX_WORDS words are looked up anyway
# (80 French words take about 500 characters).
MAX_QUOTE_CHARS = 1000
NBSP = "\u00a0"
# Honorifics before a name, left out when comparing two people's names.
_TITLES = {"m", "mme", "mlle", "monsieur", "madame", "mademoiselle", "dr", "me", "pr"}
# Kinds whose text reports others' words: the people they quote are voices of the document
# (`indexer.extract.speakers`), but not who issued it.
_REPORT_KINDS = {"communiqué", "article", "dossier de presse", None}
# The columns of `verbatim verify --csv`, one row per quotation; the `closer_` ones, the
# passage of someone else closer to the words typed than the words of the person they were
# pasted with (`closer`), empty when there is none.
CSV_COLUMNS = ("query", "verdict", "similarity", "passage", "differences", "document_id",
               "title", "date", "place", "kind", "speakers", "functions", "quote_speaker",
               "quote_function", "attribution", "source", "url", "note", "closer_passage",
               "closer_similarity", "closer_speaker", "closer_date", "closer_url")


def passage_url(doc_id: str, start: int, end: int, url_base: str = "") -> str:
    """Return the link of a document page with a passage marked and scrolled to.

    >>> passage_url("abc", 10, 42, "http://127.0.0.1:8000/")
    'http://127.0.0.1:8000/doc/abc?passage=10-42#passage'
    """
    return f"{url_base.rstrip('/')}/doc/{doc_id}?passage={start}-{end}#passage"


def verify(catalog, quote: str, url_base: str = "") -> dict[str, Any]:
    """Return the verdict on one quotation (see `verify_many`)."""
    return verify_many(catalog, [quote], url_base)[0]


def verify_many(catalog, quotes: Iterable[str], url_base: str = "") -> list[dict[str, Any]]:
    """Return one verdict per quotation, in order; in a web request, past its time budget
    (`indexer.budget`), only the verdicts of the first quotations (at least one): the caller
    says which were left.

    Each verdict is the JSON contract of `verbatim verify --json` and `/api/verify`:
    {"query", "verdict": "exact"|"close"|"not_found", "similarity": 0..1, "passage" (the
    source's exact words), "diff": [{"op", "typed", "source"}], "document_id", "title",
    "date", "kind", "speakers": [{"name", "function"}], "quote_speaker": {"name",
    "function"} or None, "attribution", "source", "url", "note"} where `note` (French, or
    None) says what a reader must know: the passage lies in a quotation of someone else, the
    quotation was cut, it is empty; `attribution` is None, or when the passage lies in a
    quotation, that quotation's words (`quote`) and the evidence of who said them
    (`indexer.evidence.evidence`: `before`, `after`, `cue`, `basis`); `closer` is None, or,
    when a quotation pasted with who said it shows that person's nearest words though
    someone else's are closer (`_claimed_passage`), those closer words: the same fields
    but `query`, with their own `note`.

    Every document is searched (not the quotation records); the closest passage wins, then
    the record whose rarest word pairs matched best, then the oldest.
    """
    results: list[dict[str, Any]] = []
    budget.start()  # unlimited outside a web request (the command line)
    try:
        for quote in quotes:
            if results and budget.current().exceeded():
                break
            results.append(_verify_one(catalog, quote, url_base))
    finally:
        budget.finish()
    return results


def _verify_one(catalog, quote: str, url_base: str) -> dict[str, Any]:
    query = " ".join((quote or "").split())
    notes = []
    # « Pierre Moscovici : « … » » pasted whole (or « Darmanin a dit … », unmarked): the words
    # said are checked, and who they are given to is compared with who the source says said them
    speakers = _SpeakerKeys(catalog)  # the index's speakers, read once if a name comes first
    claim = pasted_claim(query, bare=False)
    typed_bare = False  # the claim read from the name alone (typed bare, or heading a headline)
    if claim is None and (bare := split_named_claim(query)) and speakers.known(bare[0]):
        claim, typed_bare = bare, True
    # a headline's topic alone before the words (« Covid-19 : « … » ») names nobody; a name
    # typed in capitals is named as the index knows it (`_SpeakerKeys.claimant`)
    claimed = speakers.claimant(claim[0], query) if claim and claim[0] else None
    typed = (claim[1] if claim else query)[:MAX_QUOTE_CHARS]
    words = passage_words(typed)
    if len(query) > MAX_QUOTE_CHARS or len(words) > MAX_WORDS:
        notes.append(f"Citation longue : seuls ses {MAX_WORDS} premiers mots sont vérifiés.")
    if len(words) < 2:
        notes.append("Citation vide : rien à vérifier." if not words else
                     "Un seul mot : collez au moins quelques mots de la citation.")
        return _not_found(query, notes)
    found = catalog.find_passages(typed, best_only=True)
    if typed_bare and \
            (whole := catalog.find_passages(query, best_only=True)) and \
            _best(whole).verdict == "exact" and "\n" not in _best(whole).text:
        # « Paris nous voilà … » typed bare and said so in one sentence: the capitalised
        # words first belong to the quotation, not to who said it (a turn's label before the
        # words, « LE MAIRE⏎⏎La priorité … », is who said it)
        claim, claimed, typed, words, found = None, None, query, passage_words(query), whole
    if claim is None and not (found and _best(found).verdict == "exact"):
        # « Jean Chretien suis tres content de l'attitude … » typed bare: the line whole was
        # not found word for word, the words after the name alone may be — the longest
        # words first (« Ken Epp du Canada finit par … »: Ken Epp's), not across a turn's
        # label (« LE DRIAN⏎⏎Nous y sommes » is no reading of « Jean-Yves Le Drian Nous … »)
        for bare in _named_readings(query, speakers)[:_BARE_TRIES]:
            alone = catalog.find_passages(bare[1][:MAX_QUOTE_CHARS], best_only=True)
            if alone and _best(alone).verdict == "exact" and "\n" not in _best(alone).text:
                claim, claimed = bare, bare[0]
                typed, found = bare[1][:MAX_QUOTE_CHARS], alone
                words = passage_words(typed)
                break
    if claim is None and (inner := framed_quotation(query, framing=False)) and \
            not (found and _best(found).verdict == "exact"):
        # the words between marks, framed as no reader above knows (« X barrage « … » »,
        # « …, ont déclaré les responsables de … »): the line whole was not found word for
        # word, its quotation alone may be
        inner = inner[:MAX_QUOTE_CHARS]
        inside = catalog.find_passages(inner, best_only=True)
        if inside and (not found or _closer(_best(inside), _best(found))):
            typed, words, found = inner, passage_words(inner), inside
    if len(words) < MIN_WORDS and found and found[0].verdict != "exact":
        # two or three words « nearly » found are anywhere: only word for word says something
        notes.append(f"Citation courte (moins de {MIN_WORDS} mots) : seul un passage mot pour "
                     "mot compte.")
        found = []
    best = _best(found) if found else None
    doc = catalog.document(best.doc_id) if best else None
    if best is not None and doc is None:  # removed since it was found
        best = None
    quoted, asker, said_by = passage_speaker(doc, best.start, best.end) if doc else \
        (None, None, None)
    own = _claimed_passage(catalog, typed, claimed, best, doc, quoted, asker) \
        if claimed and len(words) >= MIN_WORDS and (best is None or best.verdict != "exact") \
        else None
    beside = None  # the closest passage, when the person named's is shown
    if own is not None:
        # the person named said words near those typed, nearly as near as the closest
        # passage (or alone near them): theirs are shown, the closest beside them
        if best is not None:
            beside = {**_fields(best, doc, said_by, quoted, url_base),
                      "note": speaker_note(doc, quoted, asker)}
        notes.insert(0, own_note(claimed, typed, *own, beside))
        best, doc, quoted, asker, said_by = own
    elif best is None:
        return _not_found(query, notes)
    elif note := speaker_note(doc, quoted, asker, claimed):
        notes.insert(0, note)
    return {"query": query, **_fields(best, doc, said_by, quoted, url_base),
            "closer": beside, "note": " ".join(notes) or None}


def _fields(best: Passage, doc: Document, said_by: dict[str, str | None] | None,
            quoted: Quote | None, url_base: str) -> dict[str, Any]:
    """Return a verdict's fields of the passage `best` of `doc` (`verify_many`)."""
    return {
        "verdict": best.verdict,
        "similarity": round(best.similarity, 3),
        "passage": best.text,
        "diff": best.diff,
        "document_id": doc.id,
        "title": doc.title,
        "date": doc.date,
        "place": doc.place,
        "kind": doc.kind,
        "speakers": [{"name": s.name, "function": s.function}
                     for s in document_speakers(doc)],
        "quote_speaker": said_by,
        "attribution": {"quote": quoted.text, **evidence(doc, quoted)} if quoted else None,
        "source": doc.source,
        "url": passage_url(doc.id, best.start, best.end, url_base),
    }


def _claimed_passage(catalog, typed: str, claimed: str, best: Passage | None,
                     doc: Document | None, quoted: Quote | None,
                     asker: dict[str, str | None] | None) -> tuple | None:
    """Return (passage, document, quotation, asker, who said it) of the words nearest those
    typed that the source gives to the person they were pasted with (`claimed`), when the
    closest passage found (`best`, in `doc`) is not theirs and theirs say nearly as much:
    AUTHOR_SHARE of the typed terms or more (`term_share`), and no fewer than the closest
    passage's less AUTHOR_NEAR; or their words are as close (a stock phrase two members said,
    the older one's found first). None otherwise, or for a function or an office typed (its
    holders are read from the passage found, `claim_note`).

    « selon Gérald Darmanin, la France est en guerre contre l'islamisme » is closest to a
    deputy's « la France est en guerre et nous » (71 %, two of the four terms typed); Gérald
    Darmanin's « la guerre contre l'islamisme » (Europe 1, 19 October 2020) says three.
    """
    if office_of(claimed) or role_of(claimed):
        return None
    if best is not None and claim_note(claimed, doc, quoted, asker).startswith(CONFIRMED):
        return None  # theirs already
    floor = AUTHOR_SHARE if best is None else \
        max(AUTHOR_SHARE, term_share(typed, best.text) - AUTHOR_NEAR)
    close = max(MIN_SIMILARITY, best.similarity if best else 0.0)
    for passage in catalog.author_passages(typed, claimed):  # the nearest first
        if term_share(typed, passage.text) < floor and passage.similarity < close:
            continue  # says less than the closest, and its words are not as close
        if best is not None and passage.doc_id == best.doc_id and \
                passage.start < best.end and best.start < passage.end:
            continue
        own = catalog.document(passage.doc_id)
        if own is None:
            continue
        held, other, said_by = passage_speaker(own, passage.start, passage.end)
        if claim_note(claimed, own, held, other).startswith(CONFIRMED):
            return passage, own, held, other, said_by
    return None


def own_note(claimed: str, typed: str, passage: Passage, doc: Document, quoted: Quote | None,
             asker: dict[str, str | None] | None, said_by: dict[str, str | None] | None,
             beside: dict[str, Any] | None) -> str:
    """Return the note of the passage of the person a quotation was pasted with, shown in
    place of a closer one of someone else (`beside`, or None when no passage came close)."""
    if passage.similarity >= MIN_SIMILARITY:
        notes = [claim_note(claimed, doc, quoted, asker)]
    else:
        wanted = set(stemmed_terms(typed))
        said = len(wanted & set(stemmed_terms(passage.text)))
        notes = [f"{claimed[:1].upper()}{claimed[1:]} n'a pas dit ces mots tels quels selon "
                 f"les textes de l'index : voici ses mots les plus proches, qui reprennent "
                 f"{said} des {len(wanted)} mots principaux de votre citation."]
    if (other := attribution_note(doc, quoted) if asker is None else turn_note(doc, asker)):
        notes.append(other)
    if beside is not None:
        day = f", {beside['date']}" if beside["date"] else ""
        nearer = "plus" if beside["similarity"] > round(passage.similarity, 3) else "aussi"
        notes.append(f"Un passage {nearer} proche de vos mots ({closeness(beside)}), "
                     f"{whose(beside)}{day} : « {beside['passage']} ».")
    return " ".join(notes)


# a name opening on its article (« Les Amis de la Terre »): `of` contracts it
_ARTICLED = re.compile(r"(?i:les?|la)\s|(?i:l)['’]")


def whose(result: dict[str, Any]) -> str:
    """Return whose a verdict's passage is, after a noun: « de Philippe Cochet »,
    « d'Émilie Arnaud »; an organisation the index names without its article, whose gender
    it does not know (« Fédération des Rivières Vivantes »), « signé Fédération des Rivières
    Vivantes », not « de Fédération … »; « d'un texte sans orateur nommé ».

    >>> whose({"quote_speaker": None, "speakers": [{"name": "Fédération des Rivières "
    ...        "Vivantes", "function": None}]})
    'signé Fédération des Rivières Vivantes'
    >>> whose({"quote_speaker": {"name": "Émilie Arnaud", "function": None}, "speakers": []})
    "d'Émilie Arnaud"
    """
    names = spoken_by(result)
    if not names:
        return of("un texte sans orateur nommé")
    people = [name.strip() for name in names.split(", ")]
    if any(_body(name) and not _ARTICLED.match(name) for name in people):
        return f"signé {names}"
    return of(names)


def spoken_by(result: dict[str, Any]) -> str:
    """Return who said a verdict's passage, as a line names them: the author of the
    quotation holding it, else the document's speakers (« » when it names nobody)."""
    who = result["quote_speaker"] or {}
    return who.get("name") or ", ".join(s["name"] for s in result["speakers"] if s["name"])


def _named_readings(query: str, speakers: _SpeakerKeys) -> list[tuple[str, str]]:
    """Return the readings of `query` as a name typed first then the words that the index's
    speakers allow, the shortest name first: those of `bare_readings` whose name it knows, and
    a speaker's whole name holding small words (`_SpeakerKeys.opening`: « Sommet de la zone
    euro nous … », which `bare_readings` ends at « Sommet »)."""
    readings = [r for r in bare_readings(query) if speakers.known(r[0])]
    readings += [r for r in speakers.opening(query) if r not in readings]
    return sorted(readings, key=lambda r: len(r[0].split()))


def speaks_first(catalog, q: str) -> bool:
    """Tell whether a line typed bare — a name, then words that speak (« Darmanin nous sommes
    en guerre … », `indexer.intent.bare_claim`) — may be read as who said what: when the
    index knows the name as a speaker's; a capitalised word opening a quotation (« Sait on
    simplement … ») is no one's. True when the line is no such line."""
    claim = bare_claim(q)
    return claim is None or _SpeakerKeys(catalog).known(claim[0])


class _SpeakerKeys:
    """The index's speakers' names, folded, read from the catalog at the first question."""

    def __init__(self, catalog):
        self.catalog = catalog
        self.keys: list[str] | None = None
        self.names: tuple[str, ...] = ()  # the speakers' names, as `keys` folds them
        self.whole: frozenset[str] = frozenset()
        self.longest = 0  # the most words a speaker's name holds

    def _read(self) -> list[str]:
        if self.keys is None:
            self.names = tuple(self.catalog.speaker_names())
            self.keys, self.whole, self.longest = _speaker_keys(self.names)
        return self.keys

    def _read_whole(self) -> frozenset[str]:
        self._read()
        return self.whole

    def _matching(self, name: str, after_any_word: bool = False) -> list[int]:
        """Return the places in `names` of the speakers `name` names: a whole name, or its
        last words after a given name (`known`), or after any word (`_bearing`)."""
        typed = facet_key(name)
        return [at for at, key in enumerate(self._read())
                if key == typed or (key.endswith(f" {typed}") and (
                    after_any_word or key[:-len(typed) - 1].split()[-1] not in _PLACE_LINKS))]

    def _bearing(self, name: str) -> list[int]:
        """Return the places in `names` of the speakers whose name is `name` or ends on it,
        whatever word stands before (« Rugy »: « François de Rugy », whom `known` leaves out
        as it does the place of « Les Jardins partagés de Montclair »)."""
        return self._matching(name, after_any_word=True)

    def known(self, name: str) -> bool:
        """Tell whether the index knows `name` as a speaker's: a whole name, or its last
        words after a given name (« Carrel », « Le Maire »); not a place an organisation
        names (« Les Jardins partagés de Montclair »), nor a word a quotation opens on
        (« Emplois avons … »)."""
        return bool(self._matching(name))

    def claimant(self, claimed: str, line: str) -> str | None:
        """Return who a pasted `line` gives the words to, read as `claimed`, as the notes
        name them; None when it names nobody. A headline's topic names nobody (`unnamed`),
        unless it opens on a person the index knows, then a subject's keywords in lower case
        (« Aubertin retraites : « … » »: Aubertin, about pensions; `_before_keywords`). A
        single word in capitals heading the line alone before a dash or a full stop (« ZOOM
        - « … » », « REPÈRES. « … » ») is a rubric, as the press prints its labels, unless
        the index knows a speaker so named (« CASTEX – « … » ») or an alias or an office
        names it; before a colon, the way articles give words to someone (« VIDAL : « … » »),
        it stays who said them unless the index writes it as a common word (`unnamed`). A
        name typed in capitals that names one speaker of the index is named as the index
        writes it (« CASTEX »: « Jean Castex »)."""
        if self.unnamed(claimed, line):
            return self._before_keywords(claimed)
        if (dashed := _DASHED.match(line)) and dashed.group(1) == claimed \
                and claimed.isupper() and not self._bearing(claimed) \
                and not (load_aliases().resolve(claimed) or office_of(claimed)):
            return None  # « ZOOM - « … » »: a rubric no speaker of the index bears
        if claimed.isupper() and len(re.sub(r"\W", "", claimed)) > 1:  # not « O » (Cédric)
            people = {self.keys[at]: self.names[at] for at in self._bearing(claimed)}
            if len(people) == 1:
                return next(iter(people.values()))  # « CASTEX »: « Jean Castex »
        return claimed

    def _before_keywords(self, heading: str) -> str | None:
        """Return the person's name opening a `heading` the index read as a topic, when the
        rest is a subject's keywords in lower case (« Aubertin retraites », « Claire
        Aubertin pouvoir d'achat ») and the name that of a person the index knows speaking
        (not an organisation's words: « Association Drupal France » is no « France
        relance »), or a speaker's whole name (« Sommet de la zone euro logement »); else
        None."""
        words = heading.split()
        for at in range(len(words) - 1, 0, -1):
            name, rest = " ".join(words[:at]), words[at:]
            if not words[at][:1].islower() or any(w[:1].isupper() for w in rest):
                continue
            if facet_key(name) not in self._read_whole() and any(
                    w[:1].islower() and fold(w) not in _NAME_PARTICLES for w in words[:at]):
                continue  # a name holds no common word, but a speaker's whole name may
            if facet_key(name) in self.whole or any(
                    not looks_like_body(self.names[at]) for at in self._bearing(name)):
                return self.claimant(name, "")
        return None

    def unnamed(self, claimed: str, line: str) -> bool:
        """Tell whether who a pasted `line` was read to name (`claimed`) is a headline's topic
        heading it, no one the index knows (`topic`): the topic whole (« Covid-19 : « … » »),
        or its first words, the rest read as where the words were said (« Guerre » of
        « Guerre en Ukraine : « … » »)."""
        if self.known(claimed):
            return False
        rubric = rubric_of(claimed, line) if line else None
        return self.topic(claimed) or (rubric is not None and self.topic(rubric)) or (
            rubric is not None and fold(rubric) == fold(claimed) and self.common(claimed))

    def common(self, typed: str) -> bool:
        """Tell whether a single word typed for who said a quotation, heading the line alone
        (« Dette : « … » », « Carburants. « … » »), is a common word: one the index's texts
        write in lower case within a sentence (« la dette », « les carburants ») more often
        than capitalised after a word (« Axelle Lemaire », « monsieur Darmanin »), read in
        the snippets of the first COMMON_HITS records holding it; not a speaker's name, an
        alias's (`corpus/aliases.yaml`), an office's nor a function's. A surname the index
        writes capitalised stays an author (« Lemaire : « … » »)."""
        if not re.fullmatch(r"[^\W\d_]{3,}", typed) or load_aliases().resolve(typed) \
                or office_of(typed) or role_of(typed):
            return False
        lower, capital, word = 0, 0, _singular(typed)
        for hit in _word_hits(self.catalog, typed):
            snippet = hit.get("snippet") or ""
            for m in re.finditer(r"<mark>([^<]*)</mark>", snippet):
                shown = html.unescape(m.group(1))
                if _singular(shown) != word:
                    continue  # another word of its stem (« ukrainiens » for « Ukraine »)
                before = html.unescape(re.sub(r"<[^>]*>", "", snippet[:m.start()]))
                if shown[:1].islower() and before[-1:] in ("", " ", "\n", "'", "’", "(", "«"):
                    lower += 1  # not in an address (« bruno.lemaire@… »)
                elif shown[:1].isupper() and re.search(r"[\w,]\s+$", before):
                    capital += 1  # after a word, not opening a sentence
        return lower > capital

    def topic(self, typed: str) -> bool:
        """Tell whether words typed for who said a quotation are a topic, no one the index
        knows speaking: a headline's topic by its shape (`indexer.intent.topic_shaped`:
        « Covid-19 », « Guerre en Ukraine »), or one of the index's themes, each word as the
        French analyzer stems it (« Retraites » for the theme « Retraite »); never a
        speaker's name (`known`: « Sommet de la zone euro »)."""
        if self.known(typed) or office_of(typed) or role_of(typed):
            return False
        if topic_shaped(typed):
            return True
        stems = tuple(stemmed_terms(typed))
        return bool(stems) and stems in _themes_stems(
            tuple(self.catalog.facet_labels("theme").values()))

    def opening(self, text: str) -> list[tuple[str, str]]:
        """Return (name, words) for each speaker's whole name of two words or more opening
        `text`, its small words included (« Sommet de la zone euro nous … », « Terre et Eau
        Solidaires nous … »), then PASSAGE_WORDS words or more, the shortest name first."""
        self._read()
        words = text.split()
        return [(" ".join(words[:at]), " ".join(words[at:]))
                for at in range(2, min(self.longest, len(words) - 1) + 1)
                if facet_key(" ".join(words[:at])) in self.whole
                and len(passage_words(" ".join(words[at:]))) >= PASSAGE_WORDS]


def _singular(word: str) -> str:
    """Return a word folded, in lower case, without the mark of a French plural (« hôpitaux »
    → « hopital », « Carburants » → « carburant »)."""
    key = fold(word).casefold()
    return f"{key[:-3]}al" if key.endswith("aux") else key[:-1] if key[-1:] in "sx" else key


def _word_hits(catalog, word: str) -> list[dict[str, Any]]:
    """Return the COMMON_HITS latest records holding `word` (any of its forms, as a search
    finds them), each with its snippet, the word's places marked: no facets, no ranking,
    no reading of what the word asks."""
    from indexer.search import SearchRequest  # indexer.search imports this module

    request = SearchRequest(q=word, per_page=COMMON_HITS, facets=False, sort="-date")
    return catalog.run(Plan(request, parse_query(word), word, (None, None))).hits


@functools.lru_cache(maxsize=4)
def _speaker_keys(names: tuple[str, ...]) -> tuple[list[str], frozenset[str], int]:
    """Return the speakers' names folded (`facet_key`), as a set, and the most words one
    holds: read once an index, not once a question — the search box's page asks up to three
    times (`speaks_first`, `say_who`, then `verify` in `webapp.results.named_words`), 1,444
    names folded each time on session 46's `real` index."""
    keys = [facet_key(name) for name in names]
    return keys, frozenset(keys), max((len(key.split()) for key in keys), default=0)


@functools.lru_cache(maxsize=4)
def _themes_stems(labels: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """Return each theme's words as the French analyzer stems them, read once an index
    (stemming the shared corpus's 522 themes took 90 ms a question)."""
    return frozenset(tuple(stemmed_terms(label)) for label in labels)


def document_speakers(doc: Document) -> list[Speaker]:
    """Return who issued or spoke a document, without the people a release only quotes.

    A communiqué's speakers (the speaker facet) hold its issuer and the people it quotes: a
    journalist finds the release under either name. But the mayor a federation's release
    quotes did not issue it, and the release's own words are not his: a quotation's author
    belongs to the quotation (`quote_speaker`). When every speaker is quoted (no issuer
    named), they stay: someone must answer for the text.

    >>> d = Document("x", "x.html", "html", "« Sans retenue, ce sont quarante exploitations "
    ...              "qui disparaîtront », a répondu Jean-Pierre Roussel.", kind="communiqué",
    ...              speakers=[Speaker("Fédération des Rivières Vivantes"),
    ...                        Speaker("Jean-Pierre Roussel", "maire de Montclair")],
    ...              quotes=[Quote("Sans retenue", 2, 14, "Jean-Pierre Roussel")])
    >>> [s.name for s in document_speakers(d)]
    ['Fédération des Rivières Vivantes']
    """
    if doc.kind not in _REPORT_KINDS:
        return list(doc.speakers)
    quoted = [q.speaker for q in doc.quotes if q.is_speech and q.speaker]
    own = [s for s in doc.speakers
           if not any(same_person(s.name, name) for name in quoted)]
    return own or list(doc.speakers)


def passage_speaker(doc: Document, start: int, end: int) -> tuple[
        Quote | None, dict[str, str | None] | None, dict[str, str | None] | None]:
    """Return who said the words at [start, end) of a statement: (the quotation holding
    them, the turn of someone the document does not list holding them — an interviewer's
    question —, {"name", "function"} of whoever of the two said them, or None when they are
    the document's speakers' own words or their author is not named)."""
    quoted = quote_at(doc, start, end)
    # outside a quotation, an interview's passage may be the journalist's question
    asker = turn_of_another(doc, start) if quoted is None else None
    if asker is None:
        return quoted, None, _quote_speaker(doc, quoted)
    named = {"name": asker["name"], "function": asker["function"]} if asker["name"] else None
    return None, asker, named


def _quote_speaker(doc: Document, quoted: Quote | None) -> dict[str, str | None] | None:
    """Return who said the quotation holding the passage; a speaker of the document lends
    the function the quotation's attribution did not state."""
    if quoted is None or not quoted.speaker:
        return None
    function = quoted.function or next((s.function for s in doc.speakers if s.function
                                        and same_person(s.name, quoted.speaker)), None)
    return {"name": quoted.speaker, "function": function}


def _not_found(query: str, notes: list[str]) -> dict[str, Any]:
    return {"query": query, "verdict": "not_found", "similarity": 0.0, "passage": None,
            "diff": [], "document_id": None, "title": None, "date": None, "place": None,
            "kind": None,
            "speakers": [], "quote_speaker": None, "attribution": None, "source": None,
            "url": None, "closer": None, "note": " ".join(notes) or None}


def _closer(a: Passage, b: Passage) -> bool:
    """Tell whether passage `a` is found closer than `b`: word for word before close, then
    the more similar."""
    return (a.verdict == "exact", a.similarity) > (b.verdict == "exact", b.similarity)


def _best(found: list[Passage]) -> Passage:
    """Return the closest passage; ties go to the higher pair score, then the oldest record.

    `found` comes closest first, then by pair score (`indexer.passages.find`), each with its
    day (`Engine.find_passages`); undated records come last.
    """
    top = found[0]
    tied = [(p.date is None, p.date or "", n, p) for n, p in enumerate(found)
            if p.similarity == top.similarity and p.score == top.score]
    return min(tied)[-1]


def quote_at(doc: Document, start: int, end: int) -> Quote | None:
    """Return the quotation of `doc` (speech, not a title) that holds most of [start, end).

    >>> d = Document("x", "x.txt", "txt", "Il a cité « la liberté guide nos pas » hier.",
    ...              quotes=[Quote("la liberté guide nos pas", 12, 36, "Victor Hugo")])
    >>> quote_at(d, 15, 30).speaker, quote_at(d, 0, 8)
    ('Victor Hugo', None)
    """
    best, overlap = None, 0
    for quote in doc.quotes:
        shared = min(end, quote.end) - max(start, quote.start)
        if quote.is_speech and shared > overlap:
            best, overlap = quote, shared
    return best


def _name_words(name: str) -> list[str]:
    words = [w.strip(".") for w in fold(name).casefold().replace("-", " ").split()]
    return [w for w in words if w and w not in _TITLES]


def same_person(a: str, b: str) -> bool:
    """Tell whether two names may be the same person: equal, or one the other's surname; an
    organisation named after a person is not that person. A surname in capitals is the
    person's, as a headline or an interview's turn writes it (« CASTEX : « … » »).

    >>> same_person("Bruno Le Maire", "M. Le Maire"), same_person("Le Maire", "Macron")
    (True, False)
    >>> same_person("Comité de soutien à Antoine Deltour", "Antoine Deltour")
    False
    >>> same_person("CASTEX", "Jean Castex"), same_person("CARREL", "Denis Carrel")
    (True, True)
    >>> same_person("C. Aubertin", "Claire Aubertin"), same_person("M. Aubertin", "Claire Aubertin")
    (True, True)
    """
    x, y = _name_words(a), _name_words(b)
    if not x or not y or _body(a) != _body(b):
        return False
    short, long = sorted((x, y), key=len)
    # an initial stands for its given name (« C. Aubertin », « J.-P. Roussel »)
    return all(s == w or (len(s) == 1 and w.startswith(s)) or (len(w) == 1 and s.startswith(w))
               for s, w in zip(short, long[len(long) - len(short):], strict=True))


def _body(name: str) -> bool:
    """Whether a name is an organisation's by its words (`looks_like_body`: « Comité de
    soutien à … »), its case aside: `looks_like_body` reads a short word in capitals alone as
    an acronym (« AFP »), but here « CASTEX » is Jean Castex's surname; an acronym is never
    a person's surname, so the words alone tell them apart."""
    return looks_like_body(name.casefold())


def attribution_note(doc: Document, quoted: Quote | None) -> str | None:
    """Return a French note when the passage lies in a quotation that is not the document's
    speaker's own words (a minister quoting Churchill is not Churchill), else None."""
    if quoted is None:
        return None
    # the people a release quotes are its voices: no note for their words; but it is the
    # release's issuer that reports someone else's
    voices = [s.name for s in doc.speakers if s.name]
    speakers = [s.name for s in document_speakers(doc) if s.name]
    said_by = ", ".join(speakers)
    if not quoted.speaker:
        return ("Passage trouvé entre guillemets, dans une citation dont l'auteur n'est pas "
                "identifié" + (f" : ce ne sont peut-être pas les mots de {said_by}." if said_by
                               else "."))
    if any(same_person(quoted.speaker, name) for name in voices):
        return None
    who = quoted.speaker + (f" ({quoted.function})" if quoted.function else "")
    if not said_by:
        return f"Passage trouvé dans une citation attribuée à {who}."
    if len(speakers) > 3:  # a tribune's signatories: the document lists them
        return (f"Passage trouvé dans une citation {of(who)}, rapportée dans un texte de "
                f"{len(speakers)} signataires : ce sont les mots {of(quoted.speaker)}, pas "
                "les leurs.")
    return (f"Passage trouvé dans une citation {of(who)}, rapportée par {said_by} : ce sont "
            f"les mots {of(quoted.speaker)}, pas ceux {of(said_by)}.")


def turn_of_another(doc: Document, position: int) -> dict[str, str | None] | None:
    """Return {"name", "function"} of the transcript's turn holding `position` when it is not
    a speaker of the document: the journalist asking (name None for the unnamed « Q - » of
    a « Q - / R - » transcript), a voice played on air. None in a speaker's own turn, or in a
    text without turns.

    >>> from indexer.document import Speaker
    >>> d = Document("x", "x.txt", "txt", "JEAN-PAUL CHAPEL\\n\\nIl les a traités d'amish ?\\n\\n"
    ...              "AGNES PANNIER-RUNACHER\\n\\nNon.\\n\\nJEAN-PAUL CHAPEL\\n\\nVraiment ?\\n\\n"
    ...              "AGNES PANNIER-RUNACHER\\n\\nOui.", kind="interview",
    ...              speakers=[Speaker("Agnès Pannier-Runacher", "ministre de l'industrie")])
    >>> turn_of_another(d, 20), turn_of_another(d, 70)
    ({'name': 'Jean-Paul Chapel', 'function': None}, None)
    """
    if "\n" not in doc.text:
        return None
    known = {name_key(s.name) for s in doc.speakers if s.name}
    turn = turn_at(find_turns(doc.text, known=known), position)
    return _another(doc, turn) if turn is not None else None


def _another(doc: Document, turn: Turn) -> dict[str, str | None] | None:
    """Return {"name", "function"} of a turn that is not a speaker of the document (name
    None for the unnamed « Q - »), else None."""
    if turn.label == ANSWER:
        return None
    if turn.label == QUESTION:
        return {"name": None, "function": None}
    if any(same_person(turn.name, s.name) for s in doc.speakers if s.name):
        return None
    return {"name": turn.name, "function": turn.function}


def others_turns(doc: Document) -> list[tuple[int, int, str | None]]:
    """Return (start, end, name) of every turn of a transcript that is not a speaker's of
    the document, as `turn_of_another` tells them: the journalist's questions (name None
    for the unnamed « Q - »), a voice played on air. [] for a text without turns.

    >>> from indexer.document import Speaker
    >>> d = Document("x", "x.txt", "txt", "SONIA MABROUK\\n\\nBonjour ?\\n\\nJULIEN "
    ...              "DENORMANDIE\\n\\nBonjour.\\n\\nSONIA MABROUK\\n\\nMerci.\\n\\n"
    ...              "JULIEN DENORMANDIE\\n\\nMerci à vous.", kind="interview",
    ...              speakers=[Speaker("Julien Denormandie")])
    >>> others_turns(d)
    [(0, 26, 'Sonia Mabrouk'), (56, 79, 'Sonia Mabrouk')]
    """
    if "\n" not in doc.text:
        return []
    known = {name_key(s.name) for s in doc.speakers if s.name}
    found = []
    for turn in find_turns(doc.text, known=known):
        other = _another(doc, turn)
        if other is not None:
            found.append((turn.start, turn.end, other["name"]))
    return found


def turn_note(doc: Document, asker: dict[str, str | None]) -> str:
    """Return the note of a passage found in another's turn than the document's speakers'."""
    speakers = [s.name for s in doc.speakers if s.name]
    said_by = _names(speakers) if speakers else "l'orateur du document"
    if asker["name"] is None:
        return (f"Passage trouvé dans une question de l'intervieweur : ce ne sont pas les "
                f"mots {of(said_by)}.")
    return (f"Passage trouvé dans le tour de parole de {asker['name']} : ce sont ses mots, pas "
            f"ceux {of(said_by)}.")


def speaker_note(doc: Document, quoted: Quote | None, asker: dict[str, str | None] | None,
                 claimed: str | None = None) -> str | None:
    """Return what a reader must know of who said a passage (`passage_speaker`'s `quoted` and
    `asker`): whether the source gives it to the person it was pasted with (`claimed`,
    `claim_note`), then whether it lies in someone else's quotation (`attribution_note`) or
    turn (`turn_note`); None when it is the document's speakers' own words, unclaimed."""
    notes = [claim_note(claimed, doc, quoted, asker)] if claimed else []
    note = attribution_note(doc, quoted) if asker is None else turn_note(doc, asker)
    return " ".join(notes + ([note] if note else [])) or None


def say_who(catalog, hits: list[dict[str, Any]], claimed: str | None = None,
            limit: int = 3, line: str = "") -> None:
    """Add to the first `limit` hits holding a passage (`hit["passage"]`) who said it:
    `said_by` ({"name", "function"} of the quotation's author or the interviewer whose turn
    holds it; None for the document's speakers' own words or an unnamed author) and `note`
    (`speaker_note`, or None) — the words a search found are not always the words of the
    document's speakers (a release quoting a witness, a minister quoting de Gaulle, a
    journalist's question). One stored document read per passage, `limit` at most. A
    headline's topic heading the pasted `line` is not who it names (`_SpeakerKeys.claimant`)."""
    if claimed:  # « Covid-19 : « … » »: a headline's topic names nobody
        claimed = _SpeakerKeys(catalog).claimant(claimed, line)
    for hit in [hit for hit in hits if hit.get("passage")][:limit]:
        passage = hit["passage"]
        doc = catalog.document(hit["id"])
        if doc is None or "start" not in passage:
            continue
        quoted, asker, said_by = passage_speaker(doc, passage["start"], passage["end"])
        passage["said_by"] = said_by
        passage["note"] = speaker_note(doc, quoted, asker, claimed)


def claim_note(claimed: str, doc: Document, quoted: Quote | None,
               asker: dict[str, str | None] | None = None) -> str:
    """Return what the source says of the person a pasted quotation was given to: the same
    person, someone else, or nobody it names (`asker`: the passage lies in the turn of
    someone the document does not list, `turn_of_another`).

    >>> d = Document("x", "x.txt", "txt", "« Le barrage sera démantelé », a dit Malik Benhaddou.",
    ...              quotes=[Quote("Le barrage sera démantelé", 2, 27, "Malik Benhaddou")])
    >>> claim_note("Claire Aubertin", d, d.quotes[0])
    'Vous donnez ces mots à Claire Aubertin : la source les donne à Malik Benhaddou.'
    """
    office = office_of(claimed)  # « l'Élysée », « Matignon » typed for who said it
    role = office or role_of(claimed)  # « la présidente de la FRV »
    body = None if role else organisation(claimed)  # « la FRV »
    if role or body:  # an article as a sentence writes it: « au maire », « de la FRV »
        claimed = re.sub(r"^(?:L['’]|La |Le |Les )", lambda m: m.group().lower(), claimed)
    given = to(claimed)
    if asker is not None and asker["name"] is None:
        return (f"Vous donnez ces mots {given} : la source les donne à l'intervieweur, "
                "sans le nommer.")
    if quoted is not None and not quoted.speaker:
        return (f"Vous donnez ces mots {given} : la source les cite sans dire qui les a "
                "prononcés.")
    voices = [(asker["name"], asker["function"])] if asker is not None else \
        [(quoted.speaker, quoted.function)] if quoted is not None else \
        [(s.name, s.function) for s in document_speakers(doc)]
    said_by = [name for name, _ in voices]
    # the function's holders, or a body named by it (« Présidence de la République » for
    # « l'Élysée »); a voice named by the function itself (a debate's « le Président ») is
    # not named again
    if role and (holders := [(name, function) for name, function in voices
                             if function and same_role(role, function)
                             or name and same_role(role, name)]):
        named = [f"{name}, {function}" if office and function else name
                 for name, function in holders if not same_role(name, role)]
        if not named:
            return f"Ce sont bien les mots {of(claimed)} selon la source."
        return f"Ce sont bien les mots {of(claimed)}, {_names(named)}, selon la source."
    if not role and any(same_person(claimed, name) for name in said_by):
        return f"Ce sont bien les mots {of(claimed)} selon la source."
    # a function and the name after it (« la présidente de la FRV Claire Aubertin »)
    if role and (named := [name for name in said_by if name and len(_name_words(name)) > 1
                           and f" {name_key(claimed)}".endswith(f" {name_key(name)}")]):
        return f"Ce sont bien les mots {of(named[0])} selon la source."
    if body and (members := [f"{name}, {function}" for name, function in voices
                             if function and speaks_for(function, body)]):
        # its president's words, in its name (« Selon la FRV, « … » »)
        return f"Ce sont bien des mots {of(claimed)} : la source les donne à {_names(members)}."
    if role or body:  # who holds which function, to compare with the one typed
        said_by = [f"{name}, {function}" if function else name for name, function in voices]
    if not said_by:
        return f"Vous donnez ces mots {given} : la source ne dit pas qui les a prononcés."
    return f"Vous donnez ces mots {given} : la source les donne à {_names(said_by)}."


def organisation(typed: str) -> set[str] | None:
    """Return the names an organisation typed for who said it goes by (name keys: its own,
    and the variants the aliases file lists for it), or None when `typed` names no
    organisation.

    >>> "federation des rivieres vivantes" in organisation("la Fédération des Rivières Vivantes")
    True
    >>> organisation("Claire Aubertin") is None
    True
    """
    aliases = load_aliases()
    bare = re.sub(r"^(?i:l['’]\s*|le\s+|la\s+|les\s+)", "", typed.strip())
    canonical = aliases.resolve(typed) or aliases.resolve(bare)
    named = canonical or bare
    if not (looks_like_body(named) or (named.isupper() and len(named) <= 8)):
        return None
    return {name_key(named)} | {key for key, listed in aliases.variants.items()
                                if canonical and listed == canonical}


def speaks_for(function: str, body: set[str]) -> bool:
    """Tell whether a function names an organisation (`organisation`'s names): « présidente
    de la FRV » for the FRV.

    >>> speaks_for("présidente de la FRV", {"frv", "federation des rivieres vivantes"})
    True
    >>> speaks_for("maire de Montclair", {"frv"})
    False
    """
    held = f" {name_key(function)} "
    return any(f" {key} " in held for key in body if key)


def same_role(role: str, function: str) -> bool:
    """Tell whether a function typed for who said it (« le ministre de l'Économie ») is the
    function the source gives: each of its words, as the French analyzer stems them, is the
    function's (« ministre de l'économie, des finances et de la relance »).

    >>> same_role("la présidente de la FRV", "présidente de la FRV")
    True
    >>> same_role("le ministre de l'Intérieur", "ministre de l'économie et des finances")
    False
    >>> same_role("le secrétaire d'État chargé du tourisme", "secrétaire d'État au tourisme")
    True
    >>> same_role("la présidente de la Fédération des Rivières Vivantes", "présidente de la FRV")
    True
    """
    typed = _genderless(stemmed_terms(role)) - _LINKING
    if not typed:
        return False
    if typed <= _genderless(stemmed_terms(function)):
        return True
    # an organisation written otherwise on each side (« de la Fédération des Rivières
    # Vivantes » typed, « de la FRV » in the source): both with the aliases' names
    typed = _genderless(stemmed_terms(_bodies_named(role))) - _LINKING
    return typed <= _genderless(stemmed_terms(_bodies_named(function)))


# « chargé du tourisme » or « au tourisme »: the press writes either for the same office
_LINKING = frozenset(stemmed_terms("chargé chargée"))


def _bodies_named(text: str) -> str:
    """Return `text` folded (`name_key`), followed by every name the aliases file gives each
    organisation it names (« présidente de la frv » → « … federation des rivieres vivantes
    frv … »), so that a function compares with one naming it otherwise."""
    key = f" {name_key(text)} "
    names = load_aliases().variants
    found = {canonical for variant, canonical in names.items()
             # organisations only: the file also lists a person's functions (« la présidente
             # de la FRV » for Claire Aubertin), which would make a function a name
             if len(variant) > 1 and f" {variant} " in key and _body(canonical)}
    return " ".join([key.strip(), *(variant for variant, canonical in names.items()
                                    if canonical in found)])


def _genderless(stems: list[str]) -> set[str]:
    """The stems of a function, its feminine in -ière as its masculine: the analyzer stems
    « première » to « premier » and « premier » to « premi » (« Matignon » means « le
    Premier ministre », Élisabeth Borne's function is « Première ministre »)."""
    return {stem[:-2] if stem.endswith("ier") else stem for stem in stems}


def _names(names: list[str]) -> str:
    """« Isabelle Attard », « Isabelle Attard et Pascal Canfin », past three « 14 personnes »
    (a tribune's signatories, listed elsewhere)."""
    if len(names) > 3:
        return f"{len(names)} personnes"
    return " et ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


# a function after a capitalised article (« Le President », « Le Senateur Robichaud »: the
# Hansard's chair and senators, unaccented): the article is a function's, contracted as in
# lower case; a surname keeps its own (« de Le Pen », « de La Fontaine »)
_TITLE = re.compile(rf"(?i:{fold(FUNCTION_WORDS)})\b")


def _article(name: str) -> str:
    """Return `name` with the article opening it in lower case when it is an organisation's
    or a function's (« Les Amis de la Terre », « Le President »), not a surname's."""
    article, _, rest = name.partition(" ")
    if article == "Les" or (article in ("Le", "La") and _TITLE.match(fold(rest))):
        return f"{article.lower()} {rest}"
    return name


def of(name: str) -> str:
    """Return « de Name », elided before a vowel; « du », « des » before a function's or an
    organisation's article (`_article`).

    >>> of("Winston Churchill"), of("Emmanuel Macron"), of("Élisabeth Borne")
    ('de Winston Churchill', "d'Emmanuel Macron", "d'Élisabeth Borne")
    >>> of("le ministre de l'Intérieur"), of("la FRV"), of("les Verts")
    ("du ministre de l'Intérieur", 'de la FRV', 'des Verts')
    >>> of("Les Jardins partagés de Montclair"), of("Le President"), of("Le Pen")
    ('des Jardins partagés de Montclair', 'du President', 'de Le Pen')
    """
    name = _article(name)
    if name.startswith(("le ", "les ")):
        return f"d{'u' if name.startswith('le ') else 'es'} {name.split(' ', 1)[1]}"
    if name.startswith(("la ", "l'", "l’")):
        return f"de {name}"
    return f"d'{name}" if fold(name[:1]).lower() in set("aeiouy") else f"de {name}"


def to(name: str) -> str:
    """Return « à Name »; « au », « aux » before a function's or an organisation's article in
    lower case.

    >>> to("Claire Aubertin"), to("le maire de Montclair"), to("la FRV")
    ('à Claire Aubertin', 'au maire de Montclair', 'à la FRV')
    >>> to("Les Amis des Zones Humides"), to("La Vice-Presidente Adjointe"), to("La Fontaine")
    ('aux Amis des Zones Humides', 'à la Vice-Presidente Adjointe', 'à La Fontaine')
    """
    name = _article(name)
    if name.startswith(("le ", "les ")):
        return f"a{'u' if name.startswith('le ') else 'ux'} {name.split(' ', 1)[1]}"
    return f"à {name}"


def quoted_other(result: dict[str, Any]) -> bool:
    """Tell whether a verdict's passage lies in a quotation of someone who is not a speaker
    of the document (whose name the verdict then shows beside the document's speakers)."""
    quoted = result.get("quote_speaker")
    return bool(quoted) and not any(same_person(quoted["name"], s["name"])
                                    for s in result["speakers"])


def _quoted(words: str) -> str:
    return f"«{NBSP}{words}{NBSP}»"


def differences(diff: list[dict[str, str]], emphasis: Callable[[str], str] = _quoted
                ) -> list[str]:
    """Return each difference of a passage's diff as a French sentence.

    `emphasis` renders the words (« … » by default; the web pages give it <em>).

    >>> differences([{"op": "equal", "typed": "je vous", "source": "je vous"},
    ...              {"op": "replace", "typed": "conseille", "source": "recommande"},
    ...              {"op": "insert", "typed": "", "source": "toute"}], lambda w: w.upper())
    ['vous avez écrit CONSEILLE, le texte dit RECOMMANDE', 'le texte ajoute TOUTE']
    >>> differences([{"op": "cut", "typed": "[…]", "source": "que cela ne suffit pas"}])
    ['à la place de «\xa0[…]\xa0», le texte dit «\xa0que cela ne suffit pas\xa0»']
    >>> differences([{"op": "cut", "typed": "", "source": "Pour en venir"}])
    ['coupure non marquée : entre ces deux phrases, le texte dit «\xa0Pour en venir\xa0»']
    """
    out = []
    for op in diff:
        if op["op"] == "replace":
            out.append(f"vous avez écrit {emphasis(op['typed'])}, "
                       f"le texte dit {emphasis(op['source'])}")
        elif op["op"] == "insert":
            out.append(f"le texte ajoute {emphasis(op['source'])}")
        elif op["op"] == "delete":
            out.append(f"vous avez écrit {emphasis(op['typed'])}, absent du texte")
        elif op["op"] == "cut" and not op["typed"]:  # sentences joined, the cut unmarked
            out.append(f"coupure non marquée : entre ces deux phrases, le texte dit "
                       f"{emphasis(op['source'])}")
        elif op["op"] == "cut":  # the words a cut « […] » stands for, to judge the cut by
            out.append(f"à la place de {emphasis(op['typed'])}, le texte dit "
                       f"{emphasis(op['source'])}")
    return out


def closeness(result: dict[str, Any]) -> str:
    """Return how close a passage is, in French: « mot pour mot », « à 82 % », « introuvable ».

    >>> closeness({"verdict": "close", "similarity": 0.818})
    'à 82\u00a0%'
    """
    if result["verdict"] == "exact":
        return "mot pour mot"
    if result["verdict"] == "close":
        return f"à {round(result['similarity'] * 100)}{NBSP}%"
    return "introuvable"


VERDICT_LABELS = {"exact": "Exacte", "close": "Proche", "not_found": "Introuvable"}


def csv_row(result: dict[str, Any]) -> list[Any]:
    """Return a verdict as the cells of `CSV_COLUMNS` (plain values, not yet guarded)."""
    quoted = result["quote_speaker"] or {}
    closer = result.get("closer") or {}
    return [
        result["query"], result["verdict"], result["similarity"], result["passage"],
        " ; ".join(differences(result["diff"])), result["document_id"], result["title"],
        result["date"], result["place"], result["kind"],
        "; ".join(s["name"] for s in result["speakers"]),
        "; ".join(s["function"] or "" for s in result["speakers"]), quoted.get("name"),
        quoted.get("function"), (result["attribution"] or {}).get("basis"), result["source"],
        result["url"], result["note"], closer.get("passage"), closer.get("similarity"),
        spoken_by(closer) if closer else None, closer.get("date"), closer.get("url"),
    ]


def render_text(result: dict[str, Any], number: int | None = None) -> str:
    """Return a verdict for a terminal: verdict, passage, speaker, the reason of a quotation's
    attribution, date, kind, title, source."""
    head = f"{number}. " if number is not None else ""
    lines = [f"{head}{_quoted(result['query'])}"]
    verdict = VERDICT_LABELS[result["verdict"]]
    if result["verdict"] == "not_found":
        # not « absent »: a quotation reworded past the threshold may still be in the index,
        # and a search for its words often finds it
        lines.append(f"   {verdict} : aucun passage de l'index ne reprend au moins "
                     f"{round(MIN_SIMILARITY * 100)} % de ces mots dans cet ordre ; la citation "
                     "n'y est pas, ou elle a été trop reformulée (verbatim search avec ses "
                     "mots la retrouve parfois).")
    else:
        lines.append(f"   {verdict} ({closeness(result)})")
        for sentence in differences(result["diff"]):
            lines.append(f"     - {sentence}")
        lines.append(f"   Passage : {_quoted(result['passage'])}")
        people = " ; ".join(", ".join(x for x in (s["name"], s["function"]) if x)
                            for s in result["speakers"])
        quoted = ", ".join(x for x in (result["quote_speaker"] or {}).values() if x)
        if quoted_other(result):
            lines.append(f"   Citation de : {quoted}")
            if people:
                lines.append(f"   Dans un texte de : {people}")
        elif quoted or people:
            lines.append(f"   Orateur : {quoted or people}")
        if result["attribution"]:  # why the quotation holding the passage has its author
            lines += [f"   {line}" for line in terminal_lines(result["attribution"])]
        meta = " · ".join(x for x in (result["date"], result["kind"]) if x)
        if meta:
            lines.append(f"   Date du texte : {meta}")  # not the day the words were said
        if result["place"]:
            lines.append(f"   Lieu : {result['place']}")
        lines += [f"   Titre : {result['title'] or '(sans titre)'}",
                  f"   Source : {result['source']}", f"   Lien : {result['url']}"]
    if result["note"]:
        lines.append(f"   Note : {result['note']}")
    return "\n".join(lines)


# a line ending on a word broken by a hyphen (« cou- »): a PDF's printed line, copied with
# its break; the word goes on at the next line
_BROKEN_LINE = re.compile(rf"(?<=\w)[{LINE_HYPHENS}][ \t]*$")


def quotation_lines(text: str) -> list[str]:
    """Return the quotations of a text pasted or read one per line, blank lines left out.

    A line ending on a word broken by a hyphen goes on at the next one, as a quotation copied
    from a PDF keeps its printed lines' breaks: « … la Vère cou-⏎per à Montclair … » is one
    quotation, its word rejoined as typed (« cou-per »: the passages read it as « couper »
    where the source has that word, and a compound broken at its hyphen, « porte-⏎parole »,
    is « porte-parole » again).

    >>> quotation_lines("Nous avons vu la Vère cou-\\r\\nper à Montclair\\n\\n  deuxième  ")
    ['Nous avons vu la Vère cou-per à Montclair', 'deuxième']
    """
    quotes: list[str] = []
    broken = False
    for line in text.splitlines():
        line = line.strip()
        if broken and line:
            quotes[-1] += line
        elif line:
            quotes.append(line)
        broken = bool(line) and _BROKEN_LINE.search(line) is not None
    return quotes


def read_quotes(data: bytes, name: str = "") -> list[str]:
    """Return the quotations of a file: one per line, or one per row of a CSV file.

    A CSV file's quotations are in the column whose header is quote/quotes/citation/
    citations, else in its first column. Blank lines are left out. UTF-8 (with or without
    BOM) is expected; anything else is read as Windows-1252.

    >>> read_quotes("id;citation\\n1;« Tout le monde »\\n2;\\n".encode(), "q.csv")
    ['« Tout le monde »']
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if not name.lower().endswith(".csv"):
        return quotation_lines(text)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    column = 0
    if rows:
        header = [fold(cell).casefold().strip() for cell in rows[0]]
        named = [i for i, cell in enumerate(header)
                 if cell in {"quote", "quotes", "citation", "citations"}]
        if named:
            column, rows = named[0], rows[1:]
    return [row[column].strip() for row in rows if len(row) > column and row[column].strip()]
