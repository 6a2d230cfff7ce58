"""Metadata extraction: what a document says about itself (date, place, kind, speakers,
themes, quotations), inferred from its text when the source does not state it.

Rules every step follows:

* what the source states (`doc.date`, `doc.kind`, `doc.place`, `doc.speakers`, tags) wins:
  it is normalised (a kind label, a name's case, an accent) but never replaced;
* a field filled by inference is listed in `doc.inferred`;
* it is fast: this runs on every debate turn, so regexes are compiled once, the aliases and
  the thesaurus are loaded once per file version, and nothing is quadratic in the text.

Who is a speaker, as a journalist would cite it:

* interviews: the interviewee(s), never the journalist asking (kept in
  `meta["interviewers"]`);
* speeches, declarations, press conferences: the people the title or metadata names;
* Conseil des ministres items: the Secrétariat général du Gouvernement, which issues the
  compte rendu (plus any minister named in the text as presenting it);
* communiqués: the issuing body (the front matter's author, completed from the text:
  « Comité de soutien à Antoine » → « Comité de soutien à Antoine Deltour ») and the people
  the release quotes, plus the organisations and people a joint release's « Signataires »
  list names; news articles: the people they quote, not their author;
* tribunes and open letters signed by many: their signatories (`signatories.py`),
  organisations as written and people with their functions, not the people they quote.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as Date
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from indexer.analysis import fold
from indexer.document import Document, Speaker
from indexer.extract.attribution import Context
from indexer.extract.dates import DateMatch, date_from_path, find_dates, resolve_year
from indexer.extract.kinds import (
    kind_from_heading,
    kind_from_title,
    normalise_kind,
    run_on_heading,
)
from indexer.extract.names import Aliases, canonical_name, load_aliases, looks_like_body, name_key
from indexer.extract.people import (
    find_mentions,
    functions_of,
    is_person_name,
    resolve_functions,
)
from indexer.extract.quotes import extract_quotes
from indexer.extract.roles import (
    ROLES,
    RoleBook,
    partner_function,
    partner_holder,
    partner_key,
)
from indexer.extract.signatories import Signatory, signatories
from indexer.extract.speech_cues import VERB
from indexer.extract.themes import Thesaurus, canonical_themes, load_thesaurus
from indexer.extract.titles import TitleInfo, parse_title
from indexer.extract.turns import ANSWER, QUESTION, find_turns, split_roles

__all__ = ["enrich_document"]

SGG = "Secrétariat général du Gouvernement"
# Kinds whose text is one person's speech: their unattributed quotations are that person's.
_SPEECH_KINDS = {
    "discours",
    "déclaration",
    "conférence de presse",
    "débat",
    "tribune",
    "interview",
    "entretien",
}
# Kinds whose text is a third party's account: the people it quotes are its voices.
_REPORT_KINDS = {"communiqué", "article", "dossier de presse", None}
# Kinds whose issuing organisation speaks (with the people they quote).
_ISSUED_KINDS = {"communiqué", "tribune", "déclaration", "article", "dossier de presse"}
_CIVILITY_LABEL = re.compile(r"(?:M\.|MM\.|Mme|MME|Mlle|Me)\s")
# Kinds whose turns are a conversation: text before the first label is no guest's.
_TRANSCRIPT_KINDS = {"interview", "entretien", "débat"}
# A turn labelled by a role alone, in lower case (« le président », « Mme la présidente »).
_UNNAMED_ROLE = re.compile(r"(?:(?:M\.|Mme)\s+)?(?:le|la|l['’])\s*[a-zà-ÿ]+(?:\s+[a-zà-ÿ'’-]+)*$")
# Functions of the people asking the questions.
_MEDIA_FUNCTION = re.compile(
    r"journaliste|animat|présentat|chroniqueu|éditorialiste|reporter|rédact|intervieweu", re.I
)
# "Épinal, le 5 mars 2015", "Luxembourg, le 1er juin 2016": a place, a comma, a date.
_DATELINE = re.compile(
    r"^\s*_?(?P<place>[A-ZÀ-ÖØ-Þ][\w’'\- ]{1,40}?)\s*,\s*(?:le\s+|ce\s+)?(?=\w)", re.IGNORECASE
)


def enrich_document(
    doc: Document,
    *,
    aliases: Aliases | None = None,
    thesaurus: Thesaurus | None = None,
    roles: RoleBook | None = None,
) -> Document:
    """Return the document with inferable fields filled in, source-stated fields kept.

    >>> doc = Document("x", "2016-06-29-pr-verdict.html.md", "md",
    ...     "Communiqué de Presse\\n\\nLuxembourg, le 29 juin 2016\\n\\n"
    ...     "Antoine Deltour a déclaré : « Je ferai appel de ce jugement. »")
    >>> doc = enrich_document(doc, aliases=Aliases(), thesaurus=Thesaurus())
    >>> doc.kind, doc.date, doc.place, [s.name for s in doc.speakers]
    ('communiqué', '2016-06-29', 'Luxembourg', ['Antoine Deltour'])
    >>> [(q.speaker, q.cue) for q in doc.quotes], doc.inferred
    ([('Antoine Deltour', 'a déclaré')], ['kind', 'title', 'place', 'date', 'quotes', 'speakers'])
    """
    aliases = load_aliases() if aliases is None else aliases
    thesaurus = load_thesaurus() if thesaurus is None else thesaurus
    text = doc.text or ""
    info = _title_info(doc.title) if doc.title else _opening_title(doc, text)
    subtitle = str(doc.meta.get("subtitle") or "")
    if subtitle and not info.speakers and not info.bodies:
        # « « Agriculteurs et rivières ont le même avenir » », subtitled « Tribune de Malik
        # Benhaddou, directeur général de … »: the subtitle names who speaks
        sub = _title_info(subtitle)
        if sub.speakers or sub.bodies:
            info = replace(sub, kind=info.kind or sub.kind, date=info.date or sub.date)
    _kind(doc, info, text)
    info = _author_speaks(doc, info)
    _title(doc, text)
    _date_and_place(doc, info, text)
    _people(doc, info, text, aliases, ROLES if roles is None else roles)
    _themes(doc, text, thesaurus)
    return doc


def _opening_title(doc: Document, text: str) -> TitleInfo:
    """A text without a title that opens with an official-style one (a scan: « Déclaration de
    Sophie Lemaire-Dufour », then its dateline) has that title: its kind and its speaker."""
    opening = re.match(r"\s*([^\n]{10,200})\n", text)
    if opening is None:
        return TitleInfo()
    info = _title_info(opening.group(1).strip())
    if info.kind is None or not (info.speakers or info.bodies):
        return TitleInfo()
    doc.title = opening.group(1).strip()
    _infer(doc, "title")
    return info


def _author_speaks(doc: Document, info: TitleInfo) -> TitleInfo:
    """A speech, an op-ed or a letter whose title names nobody is its front matter's author
    (« Discours aux Assises de la Vère », author: Claire Aubertin), when a person."""
    if info.speakers or info.bodies or doc.speakers:
        return info
    if doc.kind not in _SPEECH_KINDS | {"tribune", None}:
        return info
    author = " ".join(str(doc.meta.get("author") or "").split())
    if not author or looks_like_body(author) or not is_person_name(author):
        return info
    return replace(info, speakers=[(author, None)])


@lru_cache(maxsize=4096)
def _title_info(title: str) -> TitleInfo:
    return parse_title(title)


def _infer(doc: Document, field: str) -> None:
    if field not in doc.inferred:
        doc.inferred.append(field)


# --- Kind ------------------------------------------------------------------------------------


def _kind(doc: Document, info: TitleInfo, text: str) -> None:
    if doc.kind:
        doc.kind = normalise_kind(doc.kind) or doc.kind.strip().lower()
        return
    for key in ("category", "type", "genre"):
        if kind := normalise_kind(str(doc.meta.get(key) or "")):
            if kind == "article" and (info.kind == "tribune" or signatories(text, True)):
                # a blog's « article » category over « Tribune de soutien à … », signed
                doc.kind = "tribune"
                _infer(doc, "kind")
                return
            doc.kind = kind  # the source's own category: stated, not inferred
            return
    subtitle = str(doc.meta.get("subtitle") or "")
    stated = kind_from_heading(subtitle, 1) or kind_from_title(subtitle) if subtitle else None
    inferred = info.kind or kind_from_title(subtitle) if not stated else None
    kind = stated or inferred or kind_from_heading(text) or _kind_from_shape(doc, text)
    if kind:
        doc.kind = kind
        if not stated:
            _infer(doc, "kind")


def _kind_from_shape(doc: Document, text: str) -> str | None:
    """Return the kind of a text that names none: a signed op-ed is a tribune, a text whose
    head holds a dateline (« Montclair, le 4 novembre 2021 ») a release, a web post an
    article."""
    if signatories(text, True):
        return "tribune"
    # the dateline may follow a headline or a lead paragraph (« La FRV s'oppose au projet … »
    # then « Montclair, le 5 septembre 2023 »): a line of its own among the first three
    for line in re.findall(r"[^\n]+", text[:1200])[:3]:
        if len(line) <= 80 and _dateline(line)[0]:
            return "communiqué"
    if doc.format in ("md", "html") and doc.title:
        return "article"
    return None


# --- Title -----------------------------------------------------------------------------------


_RELEASE_KINDS = ("communiqué", "dossier de presse", "tribune")
_NOT_TITLES = re.compile(r"^(?:version pdf|contacts?\b|pour diffusion|embargo\b|\W*$)", re.I)
_TRAILING_DATELINE = re.compile(
    r"\s+[A-ZÀ-Þ][\w’'-]+(?:[ -][\w’'-]+){0,3},\s*(?:le\s+)?\d{1,2}(?:er)?\s+\w+\s+\d{4}\s*$"
)


def _title(doc: Document, text: str) -> None:
    """Give a release without a title the headline its first lines carry: « COMMUNIQUE DE
    PRESSE », a letterhead, the headline, the dateline, the lead."""
    if doc.title or doc.kind not in _RELEASE_KINDS:
        return
    lead = _lead_start(text)
    announced = False  # a kind heading or a dateline vouches that this is a release's head
    headline = None
    for paragraph in re.finditer(r"[^\n]+", text[:lead] if lead else text[:600]):
        line = paragraph.group().strip()
        if run_on := run_on_heading(line):
            # a scan's one line: « COMMUNIQUÉ DE PRESSE <headline> Montclair, le 3 février
            # 2022 »: the headline lies between the label and the dateline
            announced = True
            line = _TRAILING_DATELINE.sub("", line[run_on:])
        elif kind_from_heading(line, 1) or _dateline(line)[0] or _dateline(line)[1]:
            announced = True
            continue
        if _NOT_TITLES.match(line) or (looks_like_body(line) and len(line) <= 80):
            continue  # « Version PDF », a letterhead (« Comité de soutien à Antoine Deltour »)
        if headline is None and 10 <= len(line) <= 200 and not line.endswith((":", ",")):
            headline = line
    if headline and announced:
        doc.title = headline
        _infer(doc, "title")


# --- Date and place --------------------------------------------------------------------------


_NOT_PLACES = frozenset(
    "pour dans depuis après apres avant ce cette lors dès des en au aux le la les un une et mais "
    "ou texte mis publié publie version communiqué communique mise jour".split()
)
_PLACE_PARTICLES = frozenset("de du des la le les sur en lès les-bains d'".split())


def _place(candidate: str) -> str | None:
    """Return a dateline's place when it reads as one (`Épinal`, `Aix-en-Provence`)."""
    place = candidate.strip(" _*")
    words = place.split()
    if not words or len(words) > 4 or any(c.isdigit() for c in place):
        return None
    if words[0].lower() in _NOT_PLACES and not (len(words) > 1 and words[0] in ("Le", "La")):
        return None
    for word in words[1:]:
        if not (word[:1].isupper() or word.lower() in _PLACE_PARTICLES):
            return None
    return None if normalise_kind(place) else place


def _dateline(text: str) -> tuple[str | None, DateMatch | None]:
    """Return the place and date of a dateline among the first paragraphs.

    A `Ville, le <date>` line wins over a line that only starts with a date.
    """
    head = text[:1200]
    bare: DateMatch | None = None
    for paragraph in re.finditer(r"[^\n]+", head):
        line = paragraph.group()
        if len(line) > 300:
            continue
        dates = find_dates(line[:120])
        if not dates:
            continue
        first = dates[0]
        m = _DATELINE.match(line)
        if m and first.start - 10 <= m.end() <= first.start + 8:
            if (place := _place(m.group("place"))) is not None:
                first.start += paragraph.start()
                return place, first
        if bare is None and first.start <= 12 and len(line) <= 80 and first.year:
            bare = first
    return None, bare


def _years(doc: Document, info: TitleInfo, text: str) -> list[int]:
    years = []
    if info.date and info.date.year:
        years.append(info.date.year)
    if doc.date:
        years.append(int(doc.date[:4]))
    if from_path := date_from_path(doc.source or ""):
        years.append(int(from_path[:4]))
    found = [d.year for d in find_dates(text[:4000]) if d.year]
    if found:
        years.append(max(set(found), key=found.count))
    created = str(doc.meta.get("created") or "")[:4]
    if created.isdigit():
        years.append(int(created))
    return years


# Kinds whose opening lines announce their own date rather than report past events.
_ANNOUNCING_KINDS = ("dossier de presse", "communiqué", "conférence de presse", "invitation")


def _date_and_place(doc: Document, info: TitleInfo, text: str) -> None:
    place, line_date = _dateline(text)
    if not doc.place:
        where = place or (info.where if info.where and not info.medium else None)
        if where:
            doc.place = where
            _infer(doc, "place")
    if info.where and info.medium and "medium" not in doc.meta:
        doc.meta["medium"] = info.where
        _infer(doc, "medium")
    chosen: DateMatch | None = None
    if doc.date:
        return
    candidates = [info.date, line_date]
    iso = None
    years: list[int] | None = None
    for candidate in candidates:
        if candidate is None:
            continue
        years = _years(doc, info, text) if years is None else years
        year = resolve_year(candidate, years)
        if (iso := candidate.iso(year)) is not None:
            chosen = candidate
            break
    if iso is None:
        iso = date_from_path(doc.source or "")
    if iso is None:
        created = str(doc.meta.get("created") or "")[:10]
        iso = created if re.fullmatch(r"\d{4}-\d{2}-\d{2}", created) else None
    if iso is None and doc.kind in _ANNOUNCING_KINDS:
        # Last resort: a full date (with its year) opening the text, as a dossier de presse
        # writes « les 28, 29 et 30 mars 2024 ». Bare "mardi 5 mars" in a body is an event,
        # and so is a date in a news article (measured on luxleaks: 12 of 25 wrong).
        first = [d for d in find_dates(text[:400]) if d.year]
        if first:
            chosen = first[0]
            iso = chosen.iso()
    if iso and chosen is not None:
        iso = _fix_year(iso, date_from_path(doc.source or ""))
    if iso:
        doc.date = iso
        _infer(doc, "date")
        if chosen is not None and chosen.is_range:
            end = chosen.end_iso(int(iso[:4]))
            if end and end != iso:
                doc.meta["date_range"] = [iso, end]


def _fix_year(iso: str, named: str | None) -> str:
    """Correct a dateline's mistyped year by the file name's date (« Épinal, le 8 mars 2016 »
    in 2017-03-07-pr-FR-verdict-appel.pdf is 8 March 2017): same days, a year apart."""
    if not named or iso[:4] == named[:4] or abs(int(iso[:4]) - int(named[:4])) != 1:
        return iso
    try:
        moved = Date.fromisoformat(f"{named[:4]}{iso[4:]}")
    except ValueError:
        return iso
    return moved.isoformat() if abs((moved - Date.fromisoformat(named)).days) <= 10 else iso


# --- Speakers and quotations -----------------------------------------------------------------


class _Names:
    """The names of one document, so that one person keeps one written form."""

    def __init__(self, aliases: Aliases):
        self.aliases = aliases
        self.forms: dict[str, str] = {}

    def _canonical(self, name: str) -> str:
        listed = self.aliases.resolve(name) or self.aliases.resolve(canonical_name(name))
        return listed or (name if name[:1].islower() else canonical_name(name))

    def add(self, name: str) -> str:
        name = self._canonical(name)
        key = name_key(name)
        current = self.forms.get(key)
        if current is None or _accents(name) > _accents(current):
            self.forms[key] = name
        return self.forms[key]

    def get(self, name: str | None) -> str | None:
        if not name:
            return name
        name = self._canonical(name)
        return self.forms.get(name_key(name), name)


def _accents(name: str) -> int:
    return sum(1 for c in name if ord(c) > 127)


def _issuer(
    doc: Document, info: TitleInfo, text: str, mentions: list, aliases: Aliases | None = None
) -> str | None:
    """Return the organisation issuing a release or a post: the title's, the front matter's
    author (completed from the text), the body of a « Contact presse » block, a letterhead,
    or the body heading the lead (« La Fédération des Rivières Vivantes (FRV) apporte… »)."""
    if info.bodies:
        return info.bodies[0]
    # the front matter's author, else the publisher a page's description names (« Site
    # officiel du comité de soutien à Antoine Deltour »)
    author = str(doc.meta.get("author") or doc.meta.get("publisher") or "").strip()
    if author and looks_like_body(author):
        return _complete(author, text, mentions, longer=True)
    bodies = [m for m in mentions if m.body]
    if not bodies:
        return _acronym_issuer(doc, text, aliases) if aliases is not None else None
    for contact in _CONTACT.finditer(text):
        for body in bodies:
            if contact.end() <= body.start <= contact.end() + 300:
                return body.name
    head = text[:1500]
    for paragraph in re.finditer(r"[^\n]+", head):
        for body in bodies:
            if body.start == paragraph.start() and (
                body.end >= paragraph.end() - 1 or paragraph.start() == 0
            ):
                # a letterhead: the body's name alone on its line, or opening the text
                return _complete(body.name, text, mentions)
    # a signature or an address block: a body opening one of the last paragraphs
    tail = [p.start() for p in re.finditer(r"[^\n]+", text)][-5:]
    for body in bodies:
        if body.start in tail:
            return _complete(body.name, text, mentions)
    lead = _lead_start(text)
    for body in bodies:
        if lead <= body.start < lead + 400 and body.subject:
            return _complete(body.name, text, mentions)
    if doc.kind not in ("communiqué", "dossier de presse", "article"):
        return None
    # the body the release (or the site's news post) keeps naming, by its name or its
    # acronym: « la Fédération des Rivières Vivantes (FRV) … la FRV … »
    counts: dict[str, int] = {}
    acronyms: set[str] = set()
    for body in bodies:
        counts[body.name] = counts.get(body.name, 0) + 1
        acronym = re.match(r"\s*\(([A-Z]{2,8})\)", text[body.end : body.end + 12])
        if acronym and acronym.group(1) not in acronyms:
            acronyms.add(acronym.group(1))
            counts[body.name] += len(re.findall(rf"\b{acronym.group(1)}\b", text)) - 1
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= 3 else None


def _acronym_issuer(doc: Document, text: str, aliases: Aliases) -> str | None:
    """A release or press kit that names its organisation only by its acronym (« le programme
    de la FRV », « La FRV propose … »): the body the aliases file spells it for, when the
    text uses the acronym three times or more."""
    if doc.kind not in ("communiqué", "dossier de presse"):
        return None
    counts: dict[str, int] = {}
    for acronym in set(re.findall(r"\b[A-Z]{2,8}\b", text)):
        canonical = aliases.canonical(acronym)
        if canonical != acronym and looks_like_body(canonical):
            counts[canonical] = counts.get(canonical, 0) + len(re.findall(rf"\b{acronym}\b", text))
    best = max(counts, key=counts.__getitem__, default=None)
    return best if best is not None and counts[best] >= 3 else None


# « Contact presse », « Contacts presse : », « Contact médias »
_CONTACT = re.compile(r"(?im)^[ \t]*contacts?[ \t]+(?:presse|médias?)\b[ \t]*:?[ \t]*")


def _complete(author: str, text: str, mentions: list, longer: bool = False) -> str:
    """The front matter may cut the name short (« Comité de soutien à Antoine »): the text's
    `longer` form wins, or the full name of the person it ends with."""
    found = re.search(re.escape(author) + r"(?:[ \t]+[A-ZÀ-Þ][\w'’-]+){1,3}", text)
    if longer and found:
        return found.group()
    last = author.split()[-1]
    full = {m.name for m in mentions if m.name and not m.body and m.name.split()[0] == last}
    if last[:1].isupper() and len(full) == 1:
        return f"{author[: -len(last)]}{full.pop()}"
    return author


def _lead_start(text: str) -> int:
    """Return where the lead paragraph of a release starts: after its headings, title and
    dateline (the first paragraph of 120 characters or more)."""
    for paragraph in re.finditer(r"[^\n]+", text[:3000]):
        if len(paragraph.group()) >= 120:
            return paragraph.start()
    return 0


def _people(doc: Document, info: TitleInfo, text: str, aliases: Aliases, roles: RoleBook) -> None:
    names = _Names(aliases)
    functions: dict[str, str] = {}
    when = doc.date or (info.date.iso() if info.date else None)
    for name, function in info.speakers:
        name = names.add(name)
        if function:
            functions.setdefault(name, function)
            roles.learn(function, name, when)
    # Stated names are normalised (civility, case, aliases); a role written in lower case by
    # the source (« le président », « la présidente » chairing a debate, never named) is no
    # person: the chair's turn has no document speaker (issue 11 gold, parts I and K)
    doc.speakers = [s for s in doc.speakers if not _UNNAMED_ROLE.match(s.name)]
    stated = [Speaker(names.add(s.name), s.function) for s in doc.speakers]
    for speaker in stated:
        if speaker.function:
            functions.setdefault(speaker.name, speaker.function)
    known = {name_key(n) for n in names.forms.values()}
    turns = find_turns(text, aliases, known) if "\n" in text else []
    # who answers: the people the title names (the source's list may hold the journalists)
    title_names = [n for n, _ in info.speakers] or [s.name for s in stated]
    _name_questions_and_answers(turns, title_names)
    interviewees, interviewers = split_roles(text, turns, title_names) if turns else ([], [])
    # a recorded voice played on air (« AXELLE CARLIER, PRATICIENNE EN HYPNOSE A LILLE »)
    # neither asks nor answers: no speaker of the document
    voices = {t.name for t in turns if t.clip} - {t.name for t in turns if not t.clip}
    interviewees = [names.add(n) for n in interviewees if n and n not in voices]
    interviewers = [names.add(n) for n in interviewers if n and n not in voices]
    for turn in turns:
        turn.name = names.get(turn.name) or turn.name
    known |= {name_key(t.name) for t in turns if t.name}
    mentions = find_mentions(text, aliases, known)
    # a role labelling a turn (« Le Président de la République » alone on its line) names no one
    labels = [(t.start, t.body) for t in turns if t.label in (QUESTION, ANSWER)]
    mentions = [m for m in mentions if not any(a <= m.start < b for a, b in labels)]
    for mention in mentions:
        if mention.name and not mention.body:
            mention.name = names.add(mention.name)
    for name, function in functions_of(mentions).items():
        functions.setdefault(name, function)
    resolve_functions(mentions, functions)
    # A second guest debating with the first (« Julien BAYOU, secrétaire national d'Europe
    # Ecologie Les Verts ») is no journalist: the text gives them another function.
    for name in list(interviewers) if doc.kind in ("interview", "entretien") else []:
        if (function := functions.get(name)) and not _MEDIA_FUNCTION.search(function):
            interviewers.remove(name)
            interviewees.append(name)
    # The people who take the floor in a speech or a declaration, labelled by their name alone
    # (« Damien MARC » and « Béatrice SCHMIDT », business leaders talking at the President's
    # round table), are speakers, not journalists, unless the text gives them a function of
    # the media; not the deputies of a sitting's record (« M. Maxime Minot. Exactement ! »).
    civil = {t.name for t in turns if _CIVILITY_LABEL.match(t.label)}
    for name in list(interviewers) if doc.kind in ("discours", "déclaration") else []:
        if name not in civil and not _MEDIA_FUNCTION.search(functions.get(name) or ""):
            interviewers.remove(name)
            interviewees.append(name)
    # Journalists are never speakers, even when the source lists them, misspelt (« Elisabeth
    # Matichoux » in the list, « ELIZABETH MARTICHOUX » asking in the transcript).
    asking = {name_key(n) for n in interviewers}
    stated = [s for s in stated if not _one_of(name_key(s.name), asking)]

    if turns and not doc.kind and interviewers:
        doc.kind = "interview"
        _infer(doc, "kind")
    if interviewers and "interviewers" not in doc.meta:
        doc.meta["interviewers"] = interviewers
        _infer(doc, "interviewers")

    persons = [n for n, _ in info.speakers]
    if stated:
        persons = [s.name for s in stated if not looks_like_body(s.name)] or persons
    speech_kind = doc.kind in _SPEECH_KINDS
    default = None
    if speech_kind and len(persons) == 1 and (not turns or doc.kind not in _TRANSCRIPT_KINDS):
        # a hearing's record: the words before the first turn label are the title's speaker's
        default = names.get(persons[0])
    third_person = (
        not turns and default is None and doc.kind in _REPORT_KINDS | {"conseil des ministres"}
    )
    context = Context(
        mentions,
        turns,
        interviewees,
        default,
        functions,
        third_person,
        interviewers,
        debate=doc.kind == "débat",
    )
    if not doc.quotes:
        doc.quotes = extract_quotes(text, context)
        for quote in doc.quotes:
            quote.speaker = names.get(quote.speaker)
            if quote.speaker and not quote.function:
                quote.function = functions.get(quote.speaker)
        if doc.quotes:
            _infer(doc, "quotes")

    signed = signatories(text, doc.kind != "communiqué") if doc.kind in _ISSUED_KINDS else []
    if doc.kind == "conseil des ministres":
        # the ministers who presented the item speak, not the Secrétariat général that
        # publishes every compte rendu
        stated = [s for s in stated if s.name != SGG]
    if info.bodies and stated and all(looks_like_body(s.name) for s in stated):
        # « Conclusions du Conseil européen … » listed under the site that republished them
        if not any(name_key(s.name) == name_key(info.bodies[0]) for s in stated):
            stated = [Speaker(info.bodies[0])]
    if info.partners and not info.functions and _PRESIDENT.search(text[:3000]):
        # « Déclaration conjointe de la France et du Costa Rica » whose text opens « Le
        # Président de la République a reçu … le Président de la République du Costa Rica »
        info = replace(info, functions=["président de la République"])
    if info.partners and stated and all(looks_like_body(s.name) for s in stated):
        # a joint statement of ministers or heads of state (« Déclaration conjointe des
        # ministres des affaires étrangères de la France, de l'Allemagne … »): the ministry
        # that publishes it is no speaker of it when who holds the function is known
        if any(roles.holder(function, when) for function in info.functions):
            stated = []
    if stated:
        listed = {name_key(s.name) for s in stated}
        if doc.kind in _ISSUED_KINDS and not any(looks_like_body(s.name) for s in stated):
            # the source lists the people quoted: the organisation issuing it speaks too
            issuer = _issuer(doc, info, text, mentions, aliases)
            if issuer and doc.kind != "déclaration":
                stated.insert(0, Speaker(aliases.canonical(issuer)))
        stated += [Speaker(n, None) for n in interviewees if name_key(n) not in listed]
        stated += [_signer(s, names, aliases) for s in signed if name_key(s.name) not in listed]
        for speaker in stated:
            if speaker.function is None and speaker.name in functions:
                speaker.function = functions[speaker.name]
                _infer(doc, "functions")
        doc.speakers = _unique(stated)
        return
    found: list[Speaker] = []
    for name, _ in info.speakers:
        if _one_of(name_key(name), asking):
            continue  # the front matter's author who asks the questions: a journalist
        found.append(Speaker(names.get(name) or name, functions.get(names.get(name) or name)))
    for function in info.functions:
        if holder := roles.holder(function, doc.date):
            found.append(Speaker(names.add(holder), function))
    # the other countries' people the joint statement names with their function (« le
    # Président de la République du Costa Rica, M. Rodrigo Chaves Robles »)
    partners = {partner_key(p): p for p in info.partners}
    named: set[str] = set()
    for name, function in functions.items() if partners else ():
        hits = {p for p in partners if p in fold(function).casefold()}
        # a name of one word is a name cut short (« M. Michael R. Pompeo » read as Michael)
        if hits and " " in name and not looks_like_body(name):
            found.append(Speaker(name, function))
            named |= hits
    # the partners' ministers or heads of state the text does not name: who held the office
    # on the date (« … de la France, de l'Allemagne et du Royaume-Uni », 20 September 2020:
    # Heiko Maas, Dominic Raab)
    for function in info.functions:
        for key, partner in partners.items():
            if key not in named and (holder := partner_holder(function, partner, doc.date)):
                holder = _as_written(holder, text)
                found.append(Speaker(names.add(holder), partner_function(function, partner)))
    if doc.kind == "conseil des ministres":
        for name, function in roles.presenters(text, doc.date):
            found.append(Speaker(names.add(name), function))
    for name in interviewees:
        found.append(Speaker(name, functions.get(name)))
    tribune = doc.kind == "tribune" and signed  # its speakers are its signatories
    joint = bool(info.partners)  # its ministers or heads of state speak, not a body it names
    if doc.kind in _ISSUED_KINDS and not info.speakers and not tribune and not joint:
        if issuer := _issuer(doc, info, text, mentions, aliases):
            # the title's body as the title writes it (« Sommet de la zone euro »)
            title_body = issuer in info.bodies and not aliases.resolve(issuer)
            found.append(Speaker(issuer if title_body else aliases.canonical(issuer)))
    found += [_signer(signatory, names, aliases) for signatory in signed]
    if doc.kind in _REPORT_KINDS and not turns and not info.speakers:
        for quote in doc.quotes:
            if quote.is_speech and quote.speaker:
                found.append(Speaker(quote.speaker, quote.function))
        found += [Speaker(name, functions.get(name)) for name in context.joint]
        found += [Speaker(n, functions.get(n)) for n in _block_quoted(text, mentions)]
    if found:
        doc.speakers = _unique(found)
        _infer(doc, "speakers")
    elif (
        doc.kind == "conseil des ministres"
        and doc.speakers
        and {s.name for s in doc.speakers} == {SGG}
    ):
        # « Mesures d'ordre individuel » (« Le conseil des ministres a adopté les mesures
        # individuelles suivantes : … »): nobody presents it, and the Secrétariat général that
        # publishes every compte rendu is no speaker of it (README of the gold)
        doc.speakers = []
        _infer(doc, "speakers")


# « Alain Lamassoure (groupe PPE, centre-droit) a conclu l'heure d'échange par un message
# fort : » then his words as a paragraph of their own, without quotation marks (a web page's
# block quotation whose markup the reader dropped): a verb of speech, a colon ending the line.
# Or a message sent or published (« X a publié sur son site web un message de soutien
# personnel à Antoine : »).
_SENT = r"(?:publié|adressé|envoyé|transmis|fait parvenir)[^\n«»“”\":.]{0,60}?\bmessage\b"
_BLOCK_INTRO = re.compile(
    rf"(?<![\w'’-])(?:{VERB}|{_SENT})(?![\w'’-])[^\n«»“”\"]{{0,80}}:[ \t]*\n+", re.I
)
_QUOTE_MARKS = re.compile(r"[«»“”\"]")
# between the subject and its verb: a parenthesis, an apposition between commas (« Alain
# Lamassoure (PPE), ancien ministre français et président de la Commission spéciale TAXE …,
# a publié »), an auxiliary
_BLOCK_GAP = re.compile(
    r"\s*(?:\([^()\n]{0,80}\)\s*)?(?:,[^\n.;:«»]{0,300},\s*)?(?:a|avait|aurait|ont)?\s*"
)


def _block_quoted(text: str, mentions: list) -> list[str]:
    """Return the people a report quotes in a block: a paragraph ending « <name> <verb of
    speech> … : », its subject a named person, then a paragraph of 80 characters or more
    with no quotation mark."""
    found = []
    for intro in _BLOCK_INTRO.finditer(text):
        block = re.match(r"[^\n]+", text[intro.end() :])
        if block is None or len(block.group()) < 80 or _QUOTE_MARKS.search(block.group()):
            continue
        line_start = text.rfind("\n", 0, intro.start()) + 1
        named = [
            m
            for m in mentions
            if m.name and not m.body and line_start <= m.start and m.end <= intro.start()
        ]
        # the subject of the verb: « X a conclu », « X (groupe PPE, centre-droit) a conclu »
        if named and (
            named[-1].subject or _BLOCK_GAP.fullmatch(text, named[-1].end, intro.start())
        ):
            found.append(named[-1].name)
    return found


# The French head of state, not another country's (« … de la République du Costa Rica »).
_PRESIDENT = re.compile(
    r"\bPrésident de la République\b(?!\s+(?:du|de\s+la|de\s+l['’]|des|d['’])\s*[A-ZÉ])", re.I
)


def _as_written(holder: str, text: str) -> str:
    """Return a holder's name as the text writes it after a civility, when it does with
    initials or other first names (« M. Michael R. Pompeo » for Mike Pompeo)."""
    surname = holder.split()[-1]
    written = re.search(
        rf"\b(?:M\.|Mme)\s+((?:[A-ZÀ-Þ][\w'’-]*\.?\s+){{1,3}}{re.escape(surname)})\b",
        text[:5000],
    )
    return " ".join(written.group(1).split()) if written else holder


def _signer(signatory: Signatory, names: _Names, aliases: Aliases) -> Speaker:
    """A signatory as a speaker: an organisation under its canonical name, kept as written
    otherwise (« Attac France » is no person to re-case); a person with their function."""
    if signatory.body:
        return Speaker(aliases.resolve(signatory.name) or signatory.name)
    return Speaker(names.add(signatory.name), signatory.function)


def _one_of(key: str, keys: set[str]) -> bool:
    """Tell whether a name key is one of `keys`, or the same name misspelt: two words or more,
    at most two letters apart."""
    if key in keys:
        return True
    return " " in key and any(
        " " in other and Levenshtein.distance(key, other, score_cutoff=2) <= 2 for other in keys
    )


def _name_questions_and_answers(turns: list, guests: list[str]) -> None:
    """Name the turns of a « Q - … / R - … » transcript: the answers are the guest's (the
    title's speaker), the questions an unnamed journalist's (an empty name)."""
    for turn in turns:
        if turn.label == QUESTION:
            turn.name = ""
        elif turn.label == ANSWER:
            turn.name = guests[0] if guests else ""


def _unique(speakers: list[Speaker]) -> list[Speaker]:
    seen: dict[str, Speaker] = {}
    for speaker in speakers:
        key = name_key(speaker.name)
        if key not in seen:
            seen[key] = speaker
        elif speaker.function and not seen[key].function:
            seen[key].function = speaker.function
    return list(seen.values())


# --- Themes ----------------------------------------------------------------------------------


def _themes(doc: Document, text: str, thesaurus: Thesaurus) -> None:
    if doc.themes:
        doc.themes = canonical_themes(doc.themes, text[:20000])
        return
    if len(thesaurus) and text:
        found = thesaurus.themes(text, doc.title)
        if found:
            doc.themes = found
            _infer(doc, "themes")
