"""Who speaks in a document, as a journalist would cite it, and its quotations' speakers.

`fill_speakers` reads the names the source states, the title's, the transcript's turns and
the text's mentions, then extracts the quotations; the rules of who is a speaker, kind by
kind, are the package's docstring's (indexer/extract/__init__.py). Its steps are the methods
of `_Speakers`, one document's: the stated names, a transcript's guests and journalists,
the mentions, the quotations, then the stated speakers completed (`completed`) or, when the
source states none, the speakers found: the title's, a joint statement's partners, the
issuing organisation, the signatories, the people a report quotes (`found`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz.distance import Levenshtein

from indexer.analysis import fold
from indexer.document import Document, Speaker
from indexer.extract.attribution import Context
from indexer.extract.functions import resolve_functions
from indexer.extract.inferred import infer
from indexer.extract.issuers import find_issuer
from indexer.extract.mentions import Mention
from indexer.extract.names import Aliases, canonical_name, looks_like_body, name_key
from indexer.extract.people import functions_of, remembered_mentions
from indexer.extract.quotes import extract_quotes
from indexer.extract.roles import RoleBook, partner_function, partner_holder, partner_key
from indexer.extract.signatories import Signatory, signatories
from indexer.extract.speech_cues import VERB
from indexer.extract.titles import TitleInfo
from indexer.extract.turns import ANSWER, QUESTION, Turn, find_turns, split_roles

SGG = "Secrétariat général du Gouvernement"
# Kinds whose text is one person's speech: their unattributed quotations are that person's.
SPEECH_KINDS = {
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


class _Names:
    """The names of one document, so that one person keeps one written form."""

    def __init__(self, aliases: Aliases):
        self.aliases = aliases
        self.forms: dict[str, str] = {}

    def _canonical(self, name: str) -> str:
        """Return the name the aliases list for `name` (as written or normalised), else
        `name` normalised (civility, case); a role written in small letters stays as written."""
        listed = self.aliases.resolve(name) or self.aliases.resolve(canonical_name(name))
        return listed or (name if name[:1].islower() else canonical_name(name))

    def add(self, name: str) -> str:
        """Return the written form the document keeps for `name`, learning it: of the forms
        seen, the one with the most accented letters, the first on a tie (« Élisabeth Borne »
        over « Elisabeth Borne »)."""
        name = self._canonical(name)
        key = name_key(name)
        current = self.forms.get(key)
        if current is None or _accents(name) > _accents(current):
            self.forms[key] = name
        return self.forms[key]

    def get(self, name: str | None) -> str | None:
        """Return the written form kept for `name` (normalised when none is kept yet)
        without learning it; an empty name or None as it is."""
        if not name:
            return name
        name = self._canonical(name)
        return self.forms.get(name_key(name), name)


def _accents(name: str) -> int:
    """Count a name's letters outside ASCII: the better written of two forms has more."""
    return sum(1 for c in name if ord(c) > 127)


def fill_speakers(
    doc: Document, info: TitleInfo, text: str, aliases: Aliases, roles: RoleBook
) -> None:
    """Fill the speakers and the quotations (who speaks, kind by kind: the package's
    docstring). The names the source states are kept, normalised and completed (the issuing
    body, the guests, the signatories), less the journalists (`meta["interviewers"]`); when
    it states none, the speakers are the title's, the holders of the functions it names, the
    issuing body, the signatories, and the people a report quotes.

    The steps, in order (each a method of `_Speakers`, which holds what they share):
    the names the source and the title state; a transcript's turns, who answers and who
    asks; the people the text names; the guests the journalists' side holds by mistake;
    the journalists struck out of the stated names; the quotations and their speakers;
    the signatories; then either the stated names that speak, completed, or the speakers
    found in the text."""
    one = _Speakers(doc, info, text, aliases, roles)
    stated = one.stated()
    one.read_transcript(stated)
    one.read_mentions()
    one.guests_among_journalists()
    stated = one.without_journalists(stated)
    context = one.context(stated)
    if not doc.quotes:
        one.fill_quotes(context)
    signed = one.signed()
    if stated := one.stated_who_speak(stated):
        doc.speakers = _unique(one.completed(stated, signed))
        return
    found = one.found(context, signed)
    if found:
        doc.speakers = _unique(found)
        infer(doc, "speakers")
    elif (
        doc.kind == "conseil des ministres"
        and doc.speakers
        and {s.name for s in doc.speakers} == {SGG}
    ):
        # « Mesures d'ordre individuel » (« Le conseil des ministres a adopté les mesures
        # individuelles suivantes : … »): nobody presents it, and the Secrétariat général that
        # publishes every compte rendu is no speaker of it (README of the gold)
        doc.speakers = []
        infer(doc, "speakers")


class _Speakers:
    """One document's speakers while `fill_speakers` finds them: what every step reads (the
    document, its title's information, its text, the aliases and the holders of offices),
    the names' written forms and the functions learnt so far, and what the steps read once:
    the transcript's turns, who answers (`interviewees`) and who asks (`interviewers`), the
    people the text names (`mentions`)."""

    def __init__(
        self, doc: Document, info: TitleInfo, text: str, aliases: Aliases, roles: RoleBook
    ):
        self.doc, self.info, self.text, self.aliases, self.roles = doc, info, text, aliases, roles
        self.names = _Names(aliases)
        self.functions: dict[str, str] = {}
        self.when = doc.date or (info.date.iso() if info.date else None)
        self.known: set[str] = set()
        self.turns: list[Turn] = []
        self.interviewees: list[str] = []
        self.interviewers: list[str] = []
        self.mentions: list[Mention] = []

    def stated(self) -> list[Speaker]:
        """Return the speakers the source states, normalised; learn the title's names and
        the functions both give."""
        for name, function in self.info.speakers:
            name = self.names.add(name)
            if function:
                self.functions.setdefault(name, function)
                self.roles.learn(function, name, self.when)
        # Stated names are normalised (civility, case, aliases); a role written in lower case by
        # the source (« le président », « la présidente » chairing a debate, never named) is no
        # person: the chair's turn has no document speaker (issue 11 gold, parts I and K)
        self.doc.speakers = [s for s in self.doc.speakers if not _UNNAMED_ROLE.match(s.name)]
        stated = [Speaker(self.names.add(s.name), s.function) for s in self.doc.speakers]
        for speaker in stated:
            if speaker.function:
                self.functions.setdefault(speaker.name, speaker.function)
        return stated

    def read_transcript(self, stated: list[Speaker]) -> None:
        """Read a transcript's turns (a text of several lines), who answers and who asks."""
        self.known = {name_key(n) for n in self.names.forms.values()}
        text, names = self.text, self.names
        turns = find_turns(text, self.aliases, self.known) if "\n" in text else []
        # who answers: the people the title names (the source's list may hold the journalists)
        title_names = [n for n, _ in self.info.speakers] or [s.name for s in stated]
        _name_questions_and_answers(turns, title_names)
        interviewees, interviewers = split_roles(text, turns, title_names) if turns else ([], [])
        # a recorded voice played on air (« AXELLE CARLIER, PRATICIENNE EN HYPNOSE A LILLE »)
        # neither asks nor answers: no speaker of the document
        voices = {t.name for t in turns if t.clip} - {t.name for t in turns if not t.clip}
        self.interviewees = [names.add(n) for n in interviewees if n and n not in voices]
        self.interviewers = [names.add(n) for n in interviewers if n and n not in voices]
        for turn in turns:
            turn.name = names.get(turn.name) or turn.name
            if turn.function and turn.name:  # « BASILE DUTERTRE, PORTE-PAROLE DE … »
                self.functions.setdefault(turn.name, turn.function)
        self.known |= {name_key(t.name) for t in turns if t.name}
        self.turns = turns

    def read_mentions(self) -> None:
        """Read the people the text names, under one written form each, and the functions it
        gives them."""
        mentions = remembered_mentions(self.text, self.aliases, self.known)
        # a role labelling a turn (« Le Président de la République » alone on its line) names no one
        labels = [(t.start, t.body) for t in self.turns if t.label in (QUESTION, ANSWER)]
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in labels)]
        for mention in mentions:
            if mention.name and not mention.body:
                mention.name = self.names.add(mention.name)
        for name, function in functions_of(mentions).items():
            self.functions.setdefault(name, function)
        resolve_functions(mentions, self.functions, self.text)
        self.mentions = mentions

    def guests_among_journalists(self) -> None:
        """Move to the guests the people labelled as asking whom the text gives no function
        of the media, in an interview or a speech."""
        interviewers, interviewees, functions = self.interviewers, self.interviewees, self.functions
        # A second guest debating with the first (« Julien BAYOU, secrétaire national d'Europe
        # Ecologie Les Verts ») is no journalist: the text gives them another function.
        for name in list(interviewers) if self.doc.kind in ("interview", "entretien") else []:
            if (function := functions.get(name)) and not _MEDIA_FUNCTION.search(function):
                interviewers.remove(name)
                interviewees.append(name)
        # The people who take the floor in a speech or a declaration, labelled by their name alone
        # (« Damien MARC » and « Béatrice SCHMIDT », business leaders talking at the President's
        # round table), are speakers, not journalists, unless the text gives them a function of
        # the media; not the deputies of a sitting's record (« M. Maxime Minot. Exactement ! »).
        civil = {t.name for t in self.turns if _CIVILITY_LABEL.match(t.label)}
        for name in list(interviewers) if self.doc.kind in ("discours", "déclaration") else []:
            if name not in civil and not _MEDIA_FUNCTION.search(functions.get(name) or ""):
                interviewers.remove(name)
                interviewees.append(name)

    def without_journalists(self, stated: list[Speaker]) -> list[Speaker]:
        """Return the stated speakers less the journalists, and mark an interview's kind and
        its journalists (`meta["interviewers"]`) when the source does not state them."""
        doc, interviewers = self.doc, self.interviewers
        # Journalists are never speakers, even when the source lists them, misspelt (« Elisabeth
        # Matichoux » in the list, « ELIZABETH MARTICHOUX » asking in the transcript).
        asking = {name_key(n) for n in interviewers}
        stated = [s for s in stated if not _one_of(name_key(s.name), asking)]

        if self.turns and not doc.kind and interviewers:
            doc.kind = "interview"
            infer(doc, "kind")
        if interviewers and "interviewers" not in doc.meta:
            doc.meta["interviewers"] = interviewers
            infer(doc, "interviewers")
        return stated

    def context(self, stated: list[Speaker]) -> Context:
        """Return what attribution knows of the document: its mentions and turns, who answers
        and who asks, the speech's one speaker (`default`), whether it is a third party's
        account."""
        doc, info, turns = self.doc, self.info, self.turns
        persons = [n for n, _ in info.speakers]
        if stated:
            persons = [s.name for s in stated if not looks_like_body(s.name)] or persons
        speech_kind = doc.kind in SPEECH_KINDS
        default = None
        if speech_kind and len(persons) == 1 and (not turns or doc.kind not in _TRANSCRIPT_KINDS):
            # a hearing's record: the words before the first turn label are the title's speaker's
            default = self.names.get(persons[0])
        third_person = (
            not turns and default is None and doc.kind in _REPORT_KINDS | {"conseil des ministres"}
        )
        return Context(
            self.mentions,
            turns,
            self.interviewees,
            default,
            self.functions,
            third_person,
            self.interviewers,
            debate=doc.kind == "débat",
        )

    def fill_quotes(self, context: Context) -> None:
        """Extract the quotations, their speakers under the names' written forms."""
        doc = self.doc
        doc.quotes = extract_quotes(self.text, context)
        for quote in doc.quotes:
            quote.speaker = self.names.get(quote.speaker)
            if quote.speaker and not quote.function:
                quote.function = self.functions.get(quote.speaker)
        if doc.quotes:
            infer(doc, "quotes")

    def stated_who_speak(self, stated: list[Speaker]) -> list[Speaker]:
        """Return the stated speakers who speak: not the Secrétariat général of a compte
        rendu, the title's body for the site that republished it, nobody for a ministry
        publishing a joint statement whose holders are known."""
        doc, info, text = self.doc, self.info, self.text
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
            # (the steps after read the title's functions so completed)
            info = self.info = replace(info, functions=["président de la République"])
        if info.partners and stated and all(looks_like_body(s.name) for s in stated):
            # a joint statement of ministers or heads of state (« Déclaration conjointe des
            # ministres des affaires étrangères de la France, de l'Allemagne … »): the ministry
            # that publishes it is no speaker of it when who holds the function is known
            if any(self.roles.holder(function, self.when) for function in info.functions):
                stated = []
        return stated

    def completed(self, stated: list[Speaker], signed: list[Signatory]) -> list[Speaker]:
        """Return the stated speakers completed: the organisation issuing a release that
        lists the people it quotes, the guests, the signatories, their functions."""
        doc, aliases, functions = self.doc, self.aliases, self.functions
        listed = {name_key(s.name) for s in stated}
        if doc.kind in _ISSUED_KINDS and not any(looks_like_body(s.name) for s in stated):
            # the source lists the people quoted: the organisation issuing it speaks too
            issuer = find_issuer(doc, self.info, self.text, self.mentions, aliases)
            if issuer and doc.kind != "déclaration":
                stated.insert(0, Speaker(aliases.canonical(issuer)))
        stated += [Speaker(n, None) for n in self.interviewees if name_key(n) not in listed]
        stated += [
            _signer(s, self.names, aliases) for s in signed if name_key(s.name) not in listed
        ]
        for speaker in stated:
            if speaker.function is None and speaker.name in functions:
                speaker.function = functions[speaker.name]
                infer(doc, "functions")
        return stated

    def signed(self) -> list[Signatory]:
        """Return the signatories of a release, a tribune, a declaration, an article."""
        doc = self.doc
        return signatories(self.text, doc.kind != "communiqué") if doc.kind in _ISSUED_KINDS else []

    def found(self, context: Context, signed: list[Signatory]) -> list[Speaker]:
        """Return the speakers of a document whose source states none, in this order: the
        title's (less the journalists), the holders of the functions it names, a joint
        statement's partners, the ministers presenting a compte rendu, the guests, the
        organisation issuing a release, the signatories, and the people a report quotes."""
        doc, info, text, functions = self.doc, self.info, self.text, self.functions
        found = self.of_title()
        found += self.of_partners()
        if doc.kind == "conseil des ministres":
            for name, function in self.roles.presenters(text, doc.date):
                found.append(Speaker(self.names.add(name), function))
        for name in self.interviewees:
            found.append(Speaker(name, functions.get(name)))
        tribune = doc.kind == "tribune" and signed  # its speakers are its signatories
        joint = bool(info.partners)  # its ministers or heads of state speak, not a body it names
        if doc.kind in _ISSUED_KINDS and not info.speakers and not tribune and not joint:
            found += self.of_issuer()
        found += [_signer(signatory, self.names, self.aliases) for signatory in signed]
        if doc.kind in _REPORT_KINDS and not self.turns and not info.speakers:
            found += self.quoted(context)
        return found

    def of_title(self) -> list[Speaker]:
        """Return the people the title names, less a journalist asking, and the holders of
        the functions it names on the document's date."""
        names, functions = self.names, self.functions
        asking = {name_key(n) for n in self.interviewers}
        found: list[Speaker] = []
        for name, _ in self.info.speakers:
            if _one_of(name_key(name), asking):
                continue  # the front matter's author who asks the questions: a journalist
            found.append(Speaker(names.get(name) or name, functions.get(names.get(name) or name)))
        for function in self.info.functions:
            if holder := self.roles.holder(function, self.doc.date):
                found.append(Speaker(names.add(holder), function))
        return found

    def of_partners(self) -> list[Speaker]:
        """Return the speakers of a joint statement's other countries: the people the text
        names with a function of theirs, else who held the office on the date."""
        info, text, date = self.info, self.text, self.doc.date
        found: list[Speaker] = []
        # the other countries' people the joint statement names with their function (« le
        # Président de la République du Costa Rica, M. Rodrigo Chaves Robles »)
        partners = {partner_key(p): p for p in info.partners}
        named: set[str] = set()
        for name, function in self.functions.items() if partners else ():
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
                if key not in named and (holder := partner_holder(function, partner, date)):
                    holder = _as_written(holder, text)
                    found.append(
                        Speaker(self.names.add(holder), partner_function(function, partner))
                    )
        return found

    def of_issuer(self) -> list[Speaker]:
        """Return the organisation issuing a release, as the title writes a body it names."""
        info, aliases = self.info, self.aliases
        if issuer := find_issuer(self.doc, info, self.text, self.mentions, aliases):
            # the title's body as the title writes it (« Sommet de la zone euro »)
            title_body = issuer in info.bodies and not aliases.resolve(issuer)
            return [Speaker(issuer if title_body else aliases.canonical(issuer))]
        return []

    def quoted(self, context: Context) -> list[Speaker]:
        """Return the people a report quotes: the quotations' speakers, the people given
        words together, the people quoted in a block."""
        functions = self.functions
        found: list[Speaker] = []
        for quote in self.doc.quotes:
            if quote.is_speech and quote.speaker:
                found.append(Speaker(quote.speaker, quote.function))
        found += [Speaker(name, functions.get(name)) for name in context.joint]
        found += [Speaker(n, functions.get(n)) for n in _block_quoted(self.text, self.mentions)]
        return found


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
    """Return the speakers one a person (by name key), in order, the first keeping a
    function only a later one gives."""
    seen: dict[str, Speaker] = {}
    for speaker in speakers:
        key = name_key(speaker.name)
        if key not in seen:
            seen[key] = speaker
        elif speaker.function and not seen[key].function:
            seen[key].function = speaker.function
    return list(seen.values())
