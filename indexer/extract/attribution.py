"""Who said a quotation: the `Attributor` walks a text's quotations in order, keeping track of
who is in focus, and gives each an `Attribution`; `Context` is what it knows of the document.

Attributing them, strongest cue first: the verb after the quote (`« … », a-t-il ajouté`,
`« … » déclare Antoine Deltour`, `…, voilà les propos de X`); `selon X,` / `pour X,` /
`d'après X,` before it; a verb of speech before it and the subject of its clause
(`Antoine Deltour a déclaré que « … »`, `Elisabeth BORNE, dans un entretien, a dit «`);
the subject heading the sentence (`Me Bourdon se lève « pour défendre … »`); a pronoun
(`selon lui`, `il estime que`) resolved to the person last in focus — the last named subject
or the last quotation's speaker; a quotation following another one in the same sentence; in
transcripts, the speaker of the turn (`vous le dites dans ce livre, « … »` in a journalist's
question goes to the interviewee); in a speech, its speaker.

The cues it reads are `indexer.extract.speech_cues`, the quotations `indexer.extract.quote_spans`;
`indexer.extract.quotes` runs it over a text and may let `indexer.extract.ranker` choose again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from indexer.extract import speech_cues as cues
from indexer.extract.names import canonical_name, name_key
from indexer.extract.people import AUTHORITY_FUNCTIONS, Mention
from indexer.extract.quote_spans import _ANY_MARK, Span, _word_count
from indexer.extract.turns import Turn, turn_at

# --- Attribution -----------------------------------------------------------------------------


@dataclass
class Context:
    """What attribution needs to know about the document."""

    mentions: list[Mention]
    turns: list[Turn]
    interviewees: list[str]  # who answers in a transcript
    default: str | None  # the one speaker of a speech, if any
    functions: dict[str, str]  # name → function
    third_person: bool  # a communiqué or report: the text is nobody's speech
    interviewers: list[str] = field(default_factory=list)  # who asks, in a transcript
    joint: list[str] = field(default_factory=list)  # filled: people given words together
    debate: bool = False  # a debate's turn: quotations without a cue are nobody known


def _inside(top: list[Span], opens: list[int], position: int) -> bool:
    """Tell whether `position` lies inside one of the (non-overlapping) outer spans."""
    index = bisect_right(opens, position) - 1
    return index >= 0 and position < top[index].close


@dataclass
class Attribution:
    speaker: str | None
    function: str | None
    cue: str | None
    strength: str  # explicit, subject, pronoun, continuation, focus, turn, default, none


_NONE = Attribution(None, None, None, "none")


class _Participants:
    """The names of a transcript's turns, compared as names (« Lea Salame » is « Léa Salame »)."""

    def __init__(self, names: list[str]):
        self.keys = {name_key(n) for n in names if n}
        self.count = len(set(names))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(name) and name_key(name) in self.keys

    def __len__(self) -> int:
        return self.count


_COUNSEL = re.compile(r"(?:Me|Maître)\s")


def _counsel(text: str, mentions: list[Mention]) -> list[Mention]:
    """« La défense … se poursuit avec Me May Nalepa … L'avocate conteste … »: « l'avocat »,
    « l'avocate » standing alone is the lawyer named last with « Me » (the civility says the
    function), not the one whose function the text spelt out earlier, unless that one was
    named again since."""
    out: list[Mention] = []
    last: tuple[int, str] | None = None  # (position, name) of the last « Me X »
    named: dict[str, int] = {}  # name → position of its last mention
    for m in mentions:
        if m.name and not m.anaphor and not m.body:
            named[m.name] = m.start
            if _COUNSEL.match(text, m.start):
                last = (m.start, m.name)
        elif (
            m.anaphor
            and last is not None
            and m.function
            and re.fullmatch(r"avocate?", m.function, re.IGNORECASE)
            and m.name != last[1]
            and named.get(m.name or "", -1) < last[0]
            and m.start - last[0] <= 800  # the same account, not a press review further on
            and not re.match(r"\s*(?:de|du|des|d['’])\s", text[m.end : m.end + 6] + " ")
        ):  # (« l'avocat d'un des deux lanceurs d'alerte »: another one, whose it says)
            m = replace(m, name=last[1])
        out.append(m)
    return out


class Attributor:
    """Walks a text's quotations in order, keeping track of who is in focus."""

    def __init__(self, text: str, spans: list[Span], context: Context):
        self.text = text
        self.spans = spans
        self.context = context
        top = [s for s in spans if s.depth == 0]
        opens = [s.open for s in top]
        # Names quoted inside a quotation are not the speakers of the next one.
        # A function standing alone for nobody the text named (« la ministre ») is no one.
        self.mentions = [
            m
            for m in _counsel(text, context.mentions)
            if not _inside(top, opens, m.start) and not (m.anaphor and m.name is None)
        ]
        if context.debate:
            # a debate's stage directions (« (« Ah ! » sur les bancs du groupe SRC.) »,
            # « (Protestations sur les bancs du groupe UMP.) ») are the record's, not the
            # speaker's: nobody they name is talked about, nor in focus for « elle »
            asides = [(a.start(), a.end()) for a in cues.ASIDE.finditer(text)]
            self.mentions = [
                m for m in self.mentions if not any(a <= m.start < b for a, b in asides)
            ]
        self.starts = [m.start for m in self.mentions]
        # « la garde des Sceaux a répondu : « … » »: a function nobody named heading a verb of
        # speech speaks, unnamed (kept apart: it stands for no one in focus)
        self.unnamed = [
            m
            for m in context.mentions
            if m.anaphor and m.name is None and m.subject and not _inside(top, opens, m.start)
        ]
        self.events: list[tuple[int, str, str | None]] = []  # (position, name, function)
        self.boundaries = [0]
        for m in cues.SENTENCE_END.finditer(text):
            dot = text[m.start()] == "."
            if not dot or not cues.NOT_AN_END.search(text, max(0, m.start() - 4), m.start()):
                self.boundaries.append(m.end())
        self.last: tuple[Span, Attribution] | None = None
        self.uncued: list[Span] = []  # the last speech quotations no cue decided, in a row
        self.reported: dict[int, bool] = {}  # mention start → heads a reported clause
        self.genders: dict[str, str | None] = {}  # name → « f », « m » by its civility
        # In a transcript, the people talking are "vous" and "je", never "il": a pronoun does
        # not stand for them.
        self.participants = _Participants([t.name for t in context.turns])

    # Helpers -----------------------------------------------------------------------------
    def _paragraph_start(self, position: int) -> int:
        found = self.text.rfind("\n\n", 0, position)
        return 0 if found < 0 else found + 2

    def _paragraph_end(self, position: int) -> int:
        found = self.text.find("\n\n", position)
        return len(self.text) if found < 0 else found

    def _sentence_start(self, position: int) -> int:
        index = bisect_right(self.boundaries, position) - 1
        return max(self.boundaries[index] if index >= 0 else 0, self._paragraph_start(position))

    def _mentions_in(self, a: int, b: int) -> list[Mention]:
        index = bisect_right(self.starts, a - 1)
        found = []
        while index < len(self.mentions) and self.mentions[index].start < b:
            if self.mentions[index].end <= b:
                found.append(self.mentions[index])
            index += 1
        return found

    def _heads_up_to(self, mention: Mention, cue_start: int) -> bool:
        """Tell whether a subject is near enough to be the verb's: 100 characters, or a long
        apposition and nothing else (« Robert POUJADE, le premier occupant du poste de
        ministre de la Protection de la nature … en 1971 avait qualifié … »)."""
        gap = self.text[mention.end : cue_start]
        if len(gap) <= 100:
            return True
        return len(gap) <= 180 and gap.lstrip().startswith(",") and not cues.GAP_CLAUSE.search(gap)

    def _this_text(self, noun: str, left_start: int, floor: int) -> Attribution | None:
        """Return the author of the text a sentence is headed by (« Cette dépêche est datée
        d'aujourd'hui : « … » »), named with the same noun in the sentence or paragraph before
        (« je vais … lire une dépêche de l'AFP »)."""
        start = max(floor, self._sentence_start(max(0, left_start - 1)) - 300)
        named = None
        for m in re.finditer(
            rf"(?<![\w'’]){noun}\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)",
            self.text[start:left_start],
            re.IGNORECASE,
        ):
            named = start + m.end()
        if named is None:
            return None
        mention = next((m for m in self._mentions_in(named, left_start) if m.start == named), None)
        if mention is not None and mention.name:
            attribution = self._who(mention)
        elif (name := self._name_after(named)) is not None:
            attribution = Attribution(name, None, None, "explicit")
        else:
            return None
        if attribution.speaker in self.participants:
            return None
        attribution.cue = f"cette {noun.lower()}"
        return attribution

    def _work_read(self, span: Span, floor: int, cue: str) -> Attribution | None:
        """Return the author of the work the words are read from, when the reading cue names
        none (« je suis un lecteur attentif du rapport de M. Binet. Je me reporte donc aux
        pages 91 et suivantes, où je lis : « … » », « Du mariage, ce magnifique livre de Léon
        Blum, … C'est un magnifique livre … Jugez-en : « … » »): the person named right after
        a work noun in the words' paragraph or the one before, nobody else named since."""
        paragraph = self._paragraph_start(span.open)
        start = max(floor, self._paragraph_start(max(0, paragraph - 2)))
        author: Mention | None = None
        for work in cues.WORK_OF.finditer(self.text, start, span.open):
            at = next(iter(self._mentions_in(work.end(), span.open)), None)
            if at is not None and (
                at.start == work.end()
                or cues.ABBREVIATED_CIVILITY.fullmatch(self.text, work.end(), at.start)
            ):
                author = at
        if author is None or not author.name or author.body:
            return None
        if author.name in self.participants or author.name == self.context.default:
            return None
        if any(m.name and m.name != author.name for m in self._mentions_in(author.end, span.open)):
            return None  # someone else named between the work and its words
        attribution = self._who(author)
        attribution.cue = " ".join(cue.strip(" :").split())
        return attribution

    def _apposed_name(self, head: Mention, after: list[Mention]) -> Mention:
        """Return the person a function heading a clause is apposed to (« Le Premier ministre
        britannique, M. David Cameron, s'est exprimé en ces termes : »): the named mention
        right after it, a comma between; else the function itself."""
        if head.name is None and after:
            named = after[0]
            if (
                named.name
                and not named.body
                and re.fullmatch(r"(?:\s+[\w'’-]+){0,3}\s*,\s*", self.text[head.end : named.start])
            ):  # (an adjective or a complement may follow the function: « britannique »)
                return named
        return head

    def _reported(self, mention: Mention) -> bool:
        """Tell whether a mention heads a clause that a verb of speech reports (« Il rappelle
        d'ailleurs que, plusieurs mois avant …, Antoine prouvait … »): the person talked
        about, not the one talking, whom a later « il » still stands for."""
        if (known := self.reported.get(mention.start)) is not None:
            return known
        start = self._sentence_start(mention.start)
        found = any(
            cues.REPORTED_THAT.match(self.text, verb.end(), mention.start)
            for verb in cues.SPEECH_VERB.finditer(self.text, start, mention.start)
        )
        if not found and cues.CONDITIONAL_AFTER.match(self.text, mention.end):
            # « John Petry affirme que la bonne foi d'Antoine ne peut être reconnue … . Antoine,
            # qui n'est « … », se serait approprié les documents … . Il concède »: a clause in
            # the conditional of reported speech right after a sentence reporting someone
            before = self._sentence_start(max(0, start - 2))
            found = before < start and cues.SPEECH_VERB.search(self.text, before, start) is not None
        self.reported[mention.start] = found
        return found

    def _focus(
        self,
        position: int,
        floor: int = 0,
        bodies: bool = False,
        relatives: bool = False,
        gender: str | None = None,
    ) -> tuple[str, str | None] | None:
        """Return the person last in focus before `position` (not before `floor`); an
        organisation too when `bodies` (« elle », « elles »); a person heading a relative
        clause too when `relatives` (for a personal pronoun); not one whose civility says
        the other `gender` (« m » for « il », « f » for « elle »)."""
        best: tuple[int, str, str | None] | None = None
        index = bisect_right(self.starts, position - 1) - 1
        while index >= 0:
            m = self.mentions[index]
            if m.start < floor:
                break
            if (m.body and not bodies) or self._reported(m) or self._other_gender(m.name, gender):
                index -= 1
                continue
            if (
                (m.subject or (relatives and self._heads_relative(m)) or self._presented(m))
                and m.end <= position
                and (m.name or m.function)
            ):
                if m.name not in self.participants:
                    best = (m.end, m.name or "", m.function)
                    break
            index -= 1
        for event in reversed(self.events):
            if event[1] in self.participants or self._other_gender(event[1], gender):
                continue
            if self.context.debate and event[1] and event[1] == self.context.default:
                # « Et je lui dis : « … ». … Et elle me répond : »: in a debate turn, « il » or
                # « elle » is never the deputy speaking, whose own words are events too
                continue
            if event[0] <= position and event[0] >= floor:
                if best is None or event[0] > best[0]:
                    best = event
                break
        if best is None:
            # nobody heads a clause yet: the person introduced with a civility or a function
            for m in reversed(self.mentions):
                if floor <= m.start and m.end <= position and m.titled and m.name:
                    if (m.body and not bodies) or self._other_gender(m.name, gender):
                        continue
                    return (m.name, m.function)
                if floor <= m.start and m.end <= position and m.function in AUTHORITY_FUNCTIONS:
                    return ("", m.function)  # « le Défenseur des droits … qu'il a faites »
            return None
        return (best[1], best[2]) if best[1] or best[2] else None

    def _presented(self, mention: Mention) -> bool:
        """« une phrase de quelqu'un …, puisqu'il s'agit de Pierre Lévy-Soussan. Dans l'un de
        ses articles, il écrit : »: a person a presentative names (« il s'agit de », « c'est »,
        « voici ») is the one talked about, in focus for the pronoun that follows."""
        if mention.name is None or mention.body:
            return False
        before = self.text[max(0, mention.start - 24) : mention.start]
        return cues.PRESENTATIVE.search(before) is not None

    def _other_gender(self, name: str | None, gender: str | None) -> bool:
        """Tell whether the text calls `name` by a civility of the other gender than the
        pronoun's (« Ma remarque à l'égard de Mme Touraine ne lui plaît pas et il
        commente : » is not Mme Touraine)."""
        if not name or gender is None:
            return False
        if name not in self.genders:
            found = None
            for m in self.mentions:
                if m.name == name and (c := cues.CIVILITY.match(self.text, m.start)) is not None:
                    found = "f" if c.group("f") else "m"
                    break
            self.genders[name] = found
        return self.genders[name] not in (None, gender)

    def _heads_relative(self, mention: Mention) -> bool:
        """« l'appel de Nicolas BEDOS, l'acteur-réalisateur, qui a fait … il dit », « une charge
        de Me Colin, avocat de Raphaël Halet, contre le procureur ; il souligne »: a person
        after a preposition who heads a relative clause (or an apposition, then a clause of his
        own) is talked about, in focus for the pronoun that follows."""
        if mention.name is None or mention.body:
            return False
        if cues.RELATIVE_AFTER.match(self.text, mention.end) is not None:
            return True
        if self.context.debate and (aside := cues.ASIDE_AFTER.match(self.text, mention.end)):
            # « Je ferai référence à Sylviane Agacinski (Exclamations sur les bancs du groupe
            # SRC.) , qui n'a pas été très présente … »: the record's stage direction between
            if cues.RELATIVE_AFTER.match(self.text, aside.end()) is not None:
                return True
        # « une charge de Me Colin, avocat de Raphaël Halet, contre le procureur ; il souligne »:
        # a function in apposition, closed by a comma, tells who the clause is about
        return mention.function is not None and (
            cues.APPOSED_FUNCTION_CLOSED.match(self.text, mention.end) is not None
        )

    def _who(self, mention: Mention) -> Attribution:
        function = mention.function or (
            self.context.functions.get(mention.name) if mention.name else None
        )
        return Attribution(mention.name, function, None, "explicit")

    def _pronoun(self, position: int, cue: str, floor: int) -> Attribution:
        feminine = re.search(r"\belles?\b", cue, re.IGNORECASE) is not None
        if re.search(r"\b(?:ils|eux)\b|-ils\b", cue, re.IGNORECASE):
            # « nos pêcheurs … ils diraient « … » »: a group, never one person in focus
            return Attribution(None, None, cue, "pronoun")
        if re.search(r"-t?-?on\b", cue, re.IGNORECASE) and not re.search(
            r"\b(?:il|elle)\b", cue, re.IGNORECASE
        ):
            # « « Faites ce qu'il vous plaît », dit-on »: a saying, nobody's in focus
            return Attribution(None, None, cue, "pronoun")
        personal = re.search(r"\b(?:il|elle|le|la|lui)\b", cue, re.IGNORECASE) is not None
        masculine = re.search(r"\b(?:il|lui)\b", cue, re.IGNORECASE) is not None
        gender = "f" if feminine else "m" if masculine else None
        focus = self._focus(position, floor, feminine, personal, gender)
        for previous in self._previous_turns(position) if focus is None else ():
            # « LEA SALAME Il dit même : « … » »: « il » is no one in the dialogue, but the
            # person a turn just before named (« Simon COOPER qui est un éditorialiste … »)
            focus = self._focus(position, previous.body, feminine, personal, gender)
            if focus is not None:
                break
        subject = re.search(r"(?<![\w'’])(?:il|elle)\b|-(?:t-)?(?:il|elle)\b", cue, re.I)
        if (focus is None or not focus[0]) and self.context.debate and subject:
            # (a function in focus, « Madame la garde des Sceaux, vous avez eu plaisir à nous
            # citer … René Char. Il disait aussi », yields to a person named after it)
            focus = self._named_just_before(position, floor, gender) or focus
        if focus is None:
            return Attribution(None, None, cue, "pronoun")
        name, function = focus
        function = function or (self.context.functions.get(name) if name else None)
        return Attribution(name or None, function, cue, "pronoun")

    def _named_just_before(
        self, position: int, floor: int, gender: str | None = None
    ) -> tuple[str, str | None] | None:
        """In a debate turn, the one person « il » or « elle » can stand for when nobody heads
        a clause: the last person named in that sentence or the one before, whatever his
        place (« vous avez eu plaisir à nous citer … René Char. Il disait aussi « … » », « J'en
        reviens au juge Rosenczveig et à ce qu'il dit »), or a body heading a clause there
        (« Le Conseil d'État nous donne raison puisqu'il écrit : »)."""
        sentence = self._sentence_start(position)
        paragraph = max(floor, self._paragraph_start(position))
        start = max(paragraph, self._sentence_start(sentence - 1) if sentence > 0 else 0)
        for m in reversed(self._mentions_in(start, position)):
            if m.name is None and m.function:
                return None  # a function named last: the one « il » stands for
            if not m.name or m.name in self.participants or self._reported(m):
                continue
            if self._other_gender(m.name, gender):
                continue  # « … Mme Touraine ne lui plaît pas et il commente : »
            if m.body and not (m.subject and m.start >= sentence):
                continue
            return (m.name, m.function)
        if paragraph > floor and not any(
            m.name or m.function for m in self._mentions_in(paragraph, position)
        ):
            # « … rendre hommage à une grande voix républicaine …, celle de Philippe Séguin.
            # (Applaudissements …)⏎⏎Le 5 mai 1992, …, il était monté à cette même tribune et
            # avait déclaré : »: a paragraph naming no one before the pronoun goes on about the
            # person the last sentence of the paragraph before names last
            end = paragraph
            while (aside := re.search(r"\([^()\n]{0,200}\)\s*$", self.text[floor:end])) is not None:
                end = floor + aside.start()
            end = len(self.text[:end].rstrip())
            last = max(floor, self._sentence_start(end - 1))
            for m in reversed(self._mentions_in(last, end)):
                if m.name is None and m.function:
                    return None
                if not m.name or m.body or m.name in self.participants or self._reported(m):
                    continue
                return None if self._other_gender(m.name, gender) else (m.name, m.function)
        return None

    def _previous_turns(self, position: int, back: int = 3) -> list[Turn]:
        """Return the (at most `back`) turns before the one holding `position`, nearest first."""
        turns = self.context.turns
        index = bisect_right([t.start for t in turns], position) - 1
        if index < 1 or position >= turns[index].end:
            return []
        return turns[max(0, index - back) : index][::-1]

    def _echo(self, span: Span, turn: Turn) -> Attribution | None:
        """« OLIVIER DUSSOPT Mais non. JEAN-JACQUES BOURDIN Comment « mais non » ? »: words an
        interviewer takes up, with no cue, from the guest's turn just before: the guest's."""
        previous = self._previous_turns(span.open, back=1)
        asking = set(self.context.interviewers)
        if (
            not previous
            or previous[0].name == turn.name
            or (turn.name and turn.name not in asking)  # an interviewer takes the words up
            or not previous[0].name  # from the guest
            or previous[0].name in asking
        ):
            return None
        words = cues.FOLDED_WORD.findall(self.text[span.start : span.end].casefold())
        # the words said plainly there, not a term quoted there too (« le « pas de vague » »)
        said = cues.QUOTED.sub(" ¤ ", self.text[previous[0].body : previous[0].end])
        before = cues.FOLDED_WORD.findall(said.casefold())
        if not words or len(words) > len(before):
            return None
        if not any(
            before[i : i + len(words)] == words for i in range(len(before) - len(words) + 1)
        ):
            return None
        name = previous[0].name
        return Attribution(name, self.context.functions.get(name), "reprise", "explicit")

    def _announced(self, span: Span, turn: Turn) -> Attribution | None:
        """« ALBA VENTURA Alors hier, le Premier ministre a cité un juriste italien …, Cesare
        BECCARIA. ERIC DUPOND-MORETTI Oui, madame. ALBA VENTURA « L'important dans une peine
        … » »: an interviewer's turn opening on words no cue gives to anyone, right after the
        guest's short reply (no words in marks) to that interviewer's turn ending on a person
        it names in a sentence of speech or citation (« a cité …, Cesare BECCARIA. », « Laurent
        BERGER ce matin dit… »): the words of the person announced, cut off by the reply."""
        asking = set(self.context.interviewers)
        if (turn.name and turn.name not in asking) or self.text[turn.body : span.open].strip():
            return None
        previous = self._previous_turns(span.open, back=2)
        if len(previous) < 2 or previous[1].name != turn.name:
            return None
        reply, asked = previous
        if not reply.name or reply.name in asking or reply.name == turn.name:
            return None
        said = self.text[reply.body : reply.end]
        if len(cues.FOLDED_WORD.findall(said)) > 20 or cues.QUOTED.search(said) or "«" in said:
            return None
        end = len(self.text[: asked.end].rstrip())
        named = [m for m in self._mentions_in(asked.body, end) if m.name or m.function]
        if not named or not named[-1].name or named[-1].body:
            return None
        last = named[-1]
        if last.name in self.participants or not cues.ANNOUNCED_END.fullmatch(
            self.text, last.end, end
        ):
            return None
        sentence = self.text[self._sentence_start(last.start) : end]
        if not (cues.SPEECH_VERB.search(sentence) or cues.CITED.search(sentence)):
            return None
        name = last.name  # (not the mention's function: « le Premier ministre a cité … »)
        return Attribution(name, self.context.functions.get(name), "annoncé", "explicit")

    def _name_after(self, position: int) -> str | None:
        """Return a capitalised name right at `position` (« comme l'écrivait Montesquieu »)."""
        if (famous := cues.FAMOUS_NAME.match(self.text, position)) is not None:
            return cues.FAMOUS[famous.group().casefold()]
        m = cues.CAPITALISED.match(self.text, position)
        if m is None or m.group().lower() in ("le", "la", "les", "l"):
            return None
        if m.group().split()[0].casefold() in ("mme", "m", "mlle", "monsieur", "madame"):
            return None  # « les termes de Mme la garde des Sceaux »: a civility, no name
        if cues.WORK_COMPLEMENT.match(self.text, m.end()):
            # « L'Esprit des lois de Montesquieu »: the title of a work, then its author; « la
            # Déclaration des droits de l'homme »: a text, no one (« l'Appel des professionnels
            # de l'enfance », no text's name, stays a body's)
            if (by := cues.WORK_AUTHOR.match(self.text, m.end())) is not None:
                return self._name_after(by.end())
            if cues.TEXT_TITLE.fullmatch(m.group()):
                return None
        return canonical_name(m.group())

    def _author_at(self, position: int, stop: int) -> Attribution | None:
        """Return the person or body named right at `position` (after a title such as « le
        général »), as an explicit attribution without cue."""
        at = cues.AUTHOR_TITLE.match(self.text, position, stop)
        begin = at.end() if at else position
        found = self._mentions_in(position, stop)[:2]
        for index, m in enumerate(found):
            if position <= m.start <= begin + 1 and (m.name or m.function):
                if m.name and cues.FAMOUS_NAME.fullmatch(self.text[m.start : m.end]):
                    break
                after = found[index + 1] if index + 1 < len(found) else None
                office = m.body or (m.name is None and m.function in AUTHORITY_FUNCTIONS)
                if office and after is not None and after.name and not after.body:
                    # « les propos du Défenseur des droits, Dominique Baudis, »: the person
                    # holding the office, named in apposition
                    if re.fullmatch(r"\s*,\s*", self.text[m.end : after.start]):
                        attribution = self._who(after)
                        attribution.function = attribution.function or m.function
                        return attribution
                if m.name is None and after is not None and after.name:
                    # « du Premier ministre conservateur David Cameron »: the person so named
                    if re.fullmatch(r"[\s\w'’-]{0,30}", self.text[m.end : after.start]):
                        attribution = self._who(after)
                        attribution.function = attribution.function or m.function
                        return attribution
                return self._who(m)
        for m in found:
            # « selon les mots de son directeur général, Malik Benhaddou »: a function, then the
            # name in apposition
            if (
                m.name
                and not m.body
                and cues.APPOSED_FUNCTION.fullmatch(self.text, position, m.start)
            ):
                return self._who(m)
        named = self._name_after(begin)
        return Attribution(named, None, None, "explicit") if named else None

    # Cues ----------------------------------------------------------------------------------
    def _right(self, span: Span, floor: int) -> Attribution | None:
        stop = min(self._paragraph_end(span.close), span.close + 160)
        right = self.text[span.close : stop]
        if (m := cues.RIGHT_INVERTED.match(right)) is not None:
            cue = m.group().strip(" ,;:–—-")
            return self._pronoun(span.close, cue, floor)
        if (m := cues.RIGHT_YOU_THAT.match(right)) is not None and self.context.turns:
            # « « … », c'est ce que vous avez déclaré hier au Journal du Dimanche »: an
            # interviewer gives the guest his own words back
            turn = turn_at(self.context.turns, span.open)
            asking = turn is not None and (not turn.name or turn.name in self.context.interviewers)
            if asking and (addressee := self._addressee(turn)) is not None:
                cue = " ".join(m.group().strip(" ,;:–—-").split())
                return Attribution(
                    addressee, self.context.functions.get(addressee), cue, "explicit"
                )
        if (m := cues.RIGHT_TEXT.match(right)) is not None:
            return Attribution(None, m.group("text"), m.group().strip(" ,;:"), "unknown")
        for pattern in (cues.RIGHT_SOURCE, cues.RIGHT_THAT, cues.RIGHT_IS_OF, cues.RIGHT_AUTHOR):
            if (m := pattern.match(right)) is not None:
                found = self._author_at(span.close + m.end(), stop)
                if found is not None:
                    found.cue = right[: m.end()].strip(" ,;:–—-")
                    return found
                if pattern is cues.RIGHT_AUTHOR and (
                    taken := self._taken_from(span.close + m.end(), stop)
                ):
                    # « », pour reprendre une expression que Mme Dumont … avait utilisée », « les
                    # propos tenus en commission … par notre collègue Barbara Pompili »
                    taken.cue = right[: m.end()].strip(" ,;:–—-")
                    return taken
                if pattern is cues.RIGHT_AUTHOR:  # « …, comme dit le proverbe »: nobody named
                    return Attribution(None, None, m.group().strip(" ,;:–—-"), "unknown")
        if (m := cues.RIGHT_VERB.match(right)) is not None:
            who = self._mentions_in(span.close + m.end(), span.close + m.end() + 80)
            glue = 12 if not who or not who[0].function else 60  # « a dit le maire de Nice X »
            if who and who[0].start - (span.close + m.end()) <= glue:
                attribution = self._who(who[0])
                attribution.cue = m.group("verb")
                return attribution
            at = span.close + m.end()
            for unnamed in self.context.mentions:
                # « « … », disait hier soir le chef de l'Etat »: a function nobody is named for,
                # after the verb and a time: that unnamed holder, not the one holding the floor
                if (
                    unnamed.anaphor
                    and unnamed.name is None
                    and unnamed.function
                    and at <= unnamed.start
                    and cues.WHEN.fullmatch(self.text, at, unnamed.start)
                ):
                    return Attribution(None, unnamed.function, m.group("verb"), "explicit")
            if (named := self._name_after(span.close + m.end())) is not None:
                return Attribution(named, None, m.group("verb"), "explicit")  # « écrivait Rostand »
        if (m := cues.RIGHT_SELON.match(right)) is not None:
            if m.group("pron"):
                return self._pronoun(span.close, m.group().strip(" ,;:–—-"), floor)
            who = self._mentions_in(span.close + m.end(), span.close + m.end() + 80)
            gap = self.text[span.close + m.end() : who[0].start] if who else ""
            if who and (len(gap) <= 3 or (who[0].titled and cues.TITLE_GAP.fullmatch(gap))):
                attribution = self._who(who[0])
                attribution.cue = m.group().strip(" ,;:–—-")
                return attribution
        before = self.text[max(0, span.open - 12) : span.open]
        if (m := cues.RIGHT_OF.match(right)) is not None and cues.DETERMINER_BEFORE.search(before):
            who = self._mentions_in(span.close + m.end(), span.close + m.end() + 60)
            if who and who[0].start == span.close + m.end() and who[0].name:
                attribution = self._who(who[0])  # « le « quoi qu'il en coûte » d'Emmanuel Macron »
                attribution.cue = right[: who[0].end - span.close].strip()
                return attribution
        if (m := cues.RIGHT_INTERVIEW.match(right)) is not None:
            # the person the interview is with, as the parenthesis names him
            who = self._mentions_in(span.close + m.start("who"), span.close + m.end("who"))
            if who and who[0].name and not who[0].body:
                attribution = self._who(who[0])
                attribution.cue = " ".join(m.group().strip(" ()").split()[:1])
                return attribution
        end = self._paragraph_end(span.close)
        if not self.text[span.close : end].strip(' .»"”') and end + 2 < len(self.text):
            # « … »⏎⏎— Julien Marchetti, dans un message lu…
            if (m := cues.SIGNATURE.match(self.text, end + 2)) is not None and m.end() > end + 2:
                who = self._mentions_in(m.end(), m.end() + 80)
                if who and who[0].start == m.end():
                    attribution = self._who(who[0])
                    attribution.cue = "signature"
                    return attribution
        return None

    def _text_aside(self, left_start: int, text_at: int) -> bool:
        """Tell whether a law or a code named before the words is only a complement of the
        clause of a person named before it (« Napoléon Bonaparte n'a-t-il pas dit, au moment
        de la rédaction de ce code : », « rappeler les propos du doyen Carbonnier sur la place
        du mariage dans la loi : »): his words, not the text's."""
        if not cues.PREPOSITION_BEFORE.search(self.text, max(left_start, text_at - 12), text_at):
            return False
        return any(
            m.name and not m.body and m.name not in self.participants
            for m in self._mentions_in(left_start, text_at)
        )

    def _speaks_of_text(self, left_start: int, text_at: int) -> bool:
        """Tell whether a text named before the words is only the object of what a person or
        a body heading the sentence says of it (« Le Conseil d'État souligne les failles de
        l'étude d'impact qui accompagne le projet de loi : »): the words are the speaker's
        (the subject, a verb of speech after it, then the text), not the text's."""
        heads = [
            m
            for m in self._mentions_in(left_start, text_at)
            if m.name and m.subject and m.name not in self.participants
        ]
        if not heads:
            return False
        head = heads[0]
        if not cues.HEAD_ARTICLE.fullmatch(self.text, left_start, head.start):
            return False  # the subject heads its sentence (its article before it)
        verb = cues.SPEECH_VERB.search(self.text, head.end, text_at)
        # (« Le groupe UMP souhaite compléter cet alinéa par les mots : »: a verb before an
        # infinitive, what the subject wants done to the text, whose words they are)
        return verb is not None and not cues.INFINITIVE_AFTER.match(self.text, verb.end())

    def _taken_from(self, position: int, stop: int) -> Attribution | None:
        """After « pour reprendre l'expression … », the one person the rest of the clause names
        (a relative or a participle between: « que Mme Dumont avait utilisée », « employée par
        notre collègue Assaf »); a function alone names nobody (« de Mme la garde des Sceaux »).
        """
        end = cues.CLAUSE_END.search(self.text, position, stop)
        end_at = end.start() if end else stop
        found = [m for m in self._mentions_in(position, end_at) if m.name or m.function]
        found = [m for m in found if m.name not in self.participants and not m.body]
        if not found:
            return None
        if found[0].name is None:
            return Attribution(None, found[0].function, None, "unknown")
        return self._who(found[0])

    def _speech_verb(self, left: str, left_start: int, span: Span) -> tuple[int, int, str] | None:
        """Return `(cue start, verb end, cue)` of the verb of speech introducing `span`.

        The last verb of speech before the quotation counts when it is close to it, or when
        `que` or a colon leads from it to the quotation.
        """
        verbs = list(cues.SPEECH_VERB.finditer(left))
        calling = cues.NAME_CALLING.search(left)
        if calling is not None and (not verbs or verbs[-1].start() < calling.start()):
            verb_at, verb_end = left_start + calling.start("verb"), left_start + calling.end("verb")
            return verb_at, verb_end, self.text[verb_at:verb_end]
        if not verbs:
            return None
        verb = verbs[-1]
        verb_at, verb_end = left_start + verb.start(), left_start + verb.end()
        between = self.text[verb_end : span.open]
        if len(between) > 60 and not re.search(r"\bqu['’e]|:", between):
            return None
        aux = cues.AUXILIARY.search(self.text[max(left_start, verb_at - 40) : verb_at])
        cue_start = verb_at - (len(aux.group()) if aux else 0)
        return cue_start, verb_end, self.text[cue_start:verb_end]

    def _cue_source(self, span: Span, left_start: int, floor: int) -> Attribution | None:
        """« selon X, », « pour lui, », « comme le disait X, », « ces mots de X : »: the last
        such cue before the quotation names its author (nobody, for famous words whose
        author the cue does not name)."""
        left = self.text[left_start : span.open]
        for m in reversed(list(cues.LEFT_CUE.finditer(left))):
            cue = " ".join(m.group("cue").split())
            rest_start = left_start + m.end("cue")
            rest = self.text[rest_start : span.open]
            author = not re.fullmatch(cues.SOURCE_CUE, cue, re.IGNORECASE)
            if (p := re.match(r"\s*,?\s*(lui|elle|eux|elles)\b", rest, re.IGNORECASE)) is not None:
                return self._pronoun(rest_start, f"{cue} {p.group(1)}".lower(), floor)
            relative = re.fullmatch(
                r"\s*(lequel|laquelle|lesquels|lesquelles|qui)\s*:?\s*", rest, re.I
            )
            if cue.lower() == "selon" and relative is not None:
                # « je citais René Char selon lequel « … » », « L'auteur cite ensuite Claude
                # Lévi-Strauss selon qui « … » »: the person the relative clause hangs on (a
                # text, « l'article 148 du code civil, selon lequel », is left to the rules of
                # texts)
                cue_at = left_start + m.start("cue")
                before = [x for x in self._mentions_in(left_start, cue_at) if x.name or x.function]
                if (
                    before
                    and before[-1].name
                    and not before[-1].body
                    and before[-1].name not in self.participants
                    and re.fullmatch(r"\s*,?\s*", self.text[before[-1].end : cue_at])
                ):
                    attribution = self._who(before[-1])
                    attribution.cue = f"selon {relative.group(1).lower()}"
                    return attribution
            if (
                not author
                and self.context.default
                and self.context.debate
                and re.match(r"\s*vous\b", rest, re.IGNORECASE)
                and (called := self._colleague_called(rest_start, span.open)) is not None
            ):
                # « selon vous, ma chère collègue, « … » »: the colleague named last
                attribution = self._who(called)
                attribution.cue = f"{cue} vous"
                return attribution
            if cue.lower() == "pour" and re.match(r"\s*qui\b", rest):
                # « Me Hansen, représentant la partie civile PwC, pour qui … « … » »: the
                # person the relative clause hangs on
                cue_at = left_start + m.start("cue")
                before = [
                    x
                    for x in self._mentions_in(left_start, cue_at)
                    if x.name and not x.body and x.name not in self.participants
                ]
                if before and cues.APPOSITION_GAP.fullmatch(self.text, before[-1].end, cue_at):
                    attribution = self._who(before[-1])
                    attribution.cue = "pour qui"
                    return attribution
            if re.search(r"\s(?:le|la|les)\s+cite", cue, re.IGNORECASE):
                # « je voudrais revenir sur les propos de Patrick Bloche. Je le cite : »: the
                # person named last before, whatever their place in the sentence
                cue_at = left_start + m.start("cue")
                start = max(floor, self._paragraph_start(cue_at), cue_at - 300)
                named = [
                    x
                    for x in self._mentions_in(start, cue_at)
                    if x.name and not x.body and x.name not in self.participants
                ]
                if named and not re.search(r"\sles\s", cue, re.IGNORECASE):
                    attribution = self._who(named[-1])
                    attribution.cue = cue
                    return attribution
                return self._pronoun(cue_at, cue, floor)  # « je la cite »
            skip = len(rest) - len(rest.lstrip(" ,:\t"))
            found = self._author_at(rest_start + skip, span.open)
            if found is not None:
                named_end = self._name_end(rest_start + skip, span.open)
                if cue.lower() == "pour" and self.text[named_end:].lstrip(" ")[:1] != ",":
                    continue  # "respecté pour Antoine qui a agi": no source, an object
                found.cue = f"{cue} {self.text[rest_start + skip : named_end].strip()}".strip()
                return found
            if author:
                if re.match(r"(?:je|nous)\s+cite|citant", cue, re.IGNORECASE):
                    continue  # « Elisabeth BORNE … a dit je cite « … » »: the verb's subject
                if cue.lower().startswith("comme"):
                    # « comme dit le proverbe », « comme l'a tourné en dérision le rapporteur »
                    function = cues.FUNCTION_NP.match(self.text, rest_start + skip, span.open)
                    return Attribution(
                        None, function.group("fn") if function else None, cue, "unknown"
                    )
        return None

    def _name_end(self, position: int, stop: int) -> int:
        """Return where the name (or title and name) at `position` ends."""
        at = cues.AUTHOR_TITLE.match(self.text, position, stop)
        begin = at.end() if at else position
        for m in self._mentions_in(position, stop)[:2]:
            if position <= m.start <= begin + 1:
                return m.end
        if (famous := cues.FAMOUS_NAME.match(self.text, begin)) is not None:
            return famous.end()
        m = cues.CAPITALISED.match(self.text, begin)
        return m.end() if m else begin

    def _you(self, turn: Turn, cue: str, verb_end: int, span: Span) -> Attribution | None:
        """« vous avez dit « … » », « vous le dites dans ce livre, « … » »: the words of the
        guest addressed; « vous dites : « … » ? » puts words to the guest in a question: the
        asker's own. An interviewer's « vous dites « … » » in the present, the words right after
        the verb, gives the guest's words when the guest said them earlier in the text, else
        sums the guest up in the asker's own words (« Mais vous dites « c'est provisoire », on
        a envie de savoir »)."""
        after = self.text[span.close : span.close + 4]
        between = self.text[verb_end : span.open].strip()
        past = cues.YOU_PAST.search(cue) is not None
        asking = not turn.name or turn.name in self.context.interviewers
        if (
            not past
            and between in ("", ":")
            and (
                "?" in after
                or (asking and cues.YOU_SAY.search(cue) and not self._said_before(span, turn))
            )
        ):
            if not turn.name:
                return Attribution(None, "journaliste", f"vous {cue}", "explicit")
            return Attribution(
                turn.name, self.context.functions.get(turn.name), f"vous {cue}", "explicit"
            )
        addressee = self._addressee(turn)
        if addressee is None:
            return None
        return Attribution(
            addressee, self.context.functions.get(addressee), f"vous {cue}", "explicit"
        )

    def _said_before(self, span: Span, turn: Turn) -> bool:
        """Tell whether the words of `span` were said before the turn holding them: a run of
        consecutive words covering four fifths of them (at least two) stands in the text
        before, whatever the case and punctuation."""
        words = cues.FOLDED_WORD.findall(self.text[span.start : span.end].casefold())
        if len(words) < 2:
            return False
        before = " " + " ".join(cues.FOLDED_WORD.findall(self.text[: turn.start].casefold())) + " "
        size = max(2, -(-4 * len(words) // 5))  # ceil(0.8 n)
        return any(
            f" {' '.join(words[i : i + size])} " in before for i in range(len(words) - size + 1)
        )

    def _addressee(self, turn: Turn) -> str | None:
        """Return the guest a turn says « vous » to: the last other guest who spoke before
        it (a debate between two guests), else the first guest."""
        interviewers = set(self.context.interviewers)
        for previous in reversed(self.context.turns):
            if previous.start >= turn.start:
                continue
            if previous.name and previous.name != turn.name and previous.name not in interviewers:
                return previous.name
        guests = [n for n in self.context.interviewees if n != turn.name]
        return guests[0] if guests else None

    def _left(
        self, span: Span, left_start: int, floor: int, turn: Turn | None
    ) -> Attribution | None:
        left = self.text[left_start : span.open]
        if (found := self._cue_source(span, left_start, floor)) is not None:
            return found
        if (found := self._words_of(span, left_start)) is not None:
            return found
        if cues.THOSE_WORDS.search(left):
            # "ces propos, « … »": the words of the last person named before
            named = [m for m in self._mentions_in(floor, span.open) if m.name or m.function]
            named = [m for m in named if m.name not in self.participants]
            cue = cues.THOSE_WORDS.search(left).group().strip(" ,:")
            if named:
                attribution = self._who(named[-1])
                attribution.cue = cue
                return attribution
            if "suivant" in cue:  # « l'un des députés uruguayens tient le propos suivant : »
                return Attribution(None, None, cue, "unknown")
        if not left.strip():
            # « Que dit M. Chevènement ? « … » »: the person the question before names
            asked = cues.ASKED_WHO.search(self.text, max(floor, span.open - 160), span.open)
            if asked is not None:
                named = self._mentions_in(asked.start("rest"), asked.end("rest"))
                named = [m for m in named if m.name and m.name not in self.participants]
                if named:
                    attribution = self._who(named[0])
                    attribution.cue = " ".join(asked.group("cue").split())
                    return attribution
                # « Que disait donc Jaurès, en 1912, au congrès … ? « … » »: one capitalised
                # word no mention holds, an author named by his surname
                rest = cues.ADVERBS.match(self.text, asked.start("rest"))
                lone = self._name_after(rest.end()) if rest else None
                if lone and lone.casefold() not in cues.NOT_LONE_NAMES:
                    cue = " ".join(asked.group("cue").split())
                    return Attribution(lone, None, cue, "explicit")
            asked = cues.ASKED_PRONOUN.search(self.text, max(floor, span.open - 60), span.open)
            if asked is not None:
                # « … d'Estelle Aubriot, qui … est venue expliquer son expérience … Que nous
                # dit-elle ? « … » »: the person the pronoun stands for
                cue = f"{asked.group('pron').lower()} {asked.group('cue')}"
                found = self._pronoun(asked.start("pron"), cue, floor)
                if found.speaker:
                    return found
        if (cited := cues.CITED_AUTHOR.search(left)) is not None:
            # « puis-je rappeler Renan : « … » », « je citerai Montesquieu : « … » »
            found = self._author_at(left_start + cited.start("who"), span.open)
            if found is not None and found.speaker and found.speaker not in self.participants:
                if found.speaker.casefold() not in cues.NOT_LONE_NAMES:
                    found.cue = " ".join(cited.group().strip(" :").split())
                    return found
        if (read := cues.READ_AUTHOR.search(left)) is not None:
            # « Cher collègue, relisez donc Talleyrand : « … » »: the author one is told to read
            found = self._author_at(left_start + read.start("who"), span.open)
            if found is not None and found.speaker not in self.participants:
                found.cue = " ".join(read.group("verb").split())
                return found
        if self.context.debate and (from_it := cues.READ_FROM_IT.search(left)) is not None:
            # « un excellent texte … de Mme Jospin – Mme Agacinski – intitulé « … ». Je me
            # permets de vous en lire un petit passage, vers la fin : », « L'auteur de cet
            # article, un dénommé Le Guay … Son propos est extrêmement intéressant, et je vous
            # en livre quelques extraits : »: passages of the text whose author was named last
            who = self._named_just_before(left_start + from_it.start(), floor)
            if who is not None and who[0]:
                return Attribution(who[0], who[1], "en lire", "explicit")
        if (this := cues.THIS_TEXT.match(left)) is not None and (
            found := self._this_text(this.group("noun"), left_start, floor)
        ) is not None:
            return found
        if (read_here := cues.READ_HERE.search(left)) is not None and (
            found := self._work_read(span, floor, read_here.group())
        ) is not None:
            return found
        if (reading := cues.READING.search(left)) is not None:
            # a text read out: its author when named after it, else nobody known
            rest = left_start + reading.start("rest")
            named = [m for m in self._mentions_in(rest, span.open) if m.name or m.function]
            named = [m for m in named if m.name not in self.participants]
            cue = " ".join(reading.group().split()[:3])
            if named:
                attribution = self._who(named[0])
                attribution.cue = cue
                return attribution
            return Attribution(None, None, cue, "unknown")
        if (
            (text_source := cues.TEXT_SOURCE.search(left)) is not None
            and not self._text_aside(left_start, left_start + text_source.start())
            and not self._speaks_of_text(left_start, left_start + text_source.start())
        ):
            # « l'article L. 211-1 parle de « … » »: a text's words, no person's
            function = re.match(
                r"[^,;:]+?(?=\s+(?:parle|prévoit|dispose|stipule|dit|précise"
                r"|indique|énonce|serait|sera|est)\b|\s*,\s*qui\b|$)",
                text_source.group(),
            )
            return Attribution(None, function.group() if function else None, "texte", "unknown")
        if (rules := cues.TEXT_RULES.search(left)) is not None and not any(
            m.name for m in self._mentions_in(left_start + rules.end("verb"), span.open)
        ):
            return Attribution(None, None, "texte", "unknown")
        if (clip := cues.CLIP.search(left)) is not None:
            # « On va écouter le député … Guillaume Larrivé qui était à votre place hier : »
            heard = self._mentions_in(left_start + clip.end(), span.open)
            heard = [m for m in heard if m.name and not m.body]
            if heard:
                attribution = self._who(heard[0])
                attribution.cue = clip.group().strip()
                return attribution
            if clip.group("pron") or clip.group("pron2"):
                found = self._pronoun(left_start + clip.start(), clip.group().strip(), floor)
                if found.speaker:
                    return found
        if not left.strip() and turn is not None and turn.name in self.context.interviewers:
            if (found := self._previous_sentence(span, left_start, floor)) is not None:
                return found
        if cues.COINED.search(left):  # « ce que j'ai appelé le « nationalisme vaccinal » »
            owner = turn.name if turn is not None else self.context.default
            if owner:
                return Attribution(
                    owner, self.context.functions.get(owner), "j'ai appelé", "coined"
                )
        if (turn is not None or self.context.default) and (
            paraphrase := cues.PARAPHRASE.search(left)
        ):
            # « M. Le Roux a … dit qu'il y avait discipline de vote, ce qui signifie en gros :
            # « Je vous intime d'être d'accord avec moi … » »: the words are not the verb's but
            # the speaker's own reformulation of them (CONVENTIONS rule 4)
            return Attribution(None, None, " ".join(paraphrase.group().split()[:3]), "lent")
        verb = self._speech_verb(left, left_start, span)
        if verb is not None:
            cue_start, verb_end, cue = verb
            near = self.text[max(left_start, cue_start - 30) : cue_start]
            if cues.IMPERSONAL.search(self.text, max(left_start, cue_start - 40), verb_end):
                # « Il nous a été dit " … ". C'était une critique du MEDEF et de la CPME »: a
                # passive with no agent names nobody
                return Attribution(None, None, cue, "unknown")
            if (
                cues.PASSIVE.match(cue)
                and not re.search(r"(?<![\w'’])par\s", self.text[verb_end : span.open])
                and not re.search(r"(?<![\w'’])(?:se|s['’])\s*$", self.text[:cue_start][-4:])
            ):  # (« qui se sont déclarées « … » » is no passive)
                # « La technique de transmission … est qualifiée de « système conspiratif » »:
                # a passive with no agent names no one (« … par le juge » would)
                return Attribution(None, None, cue, "unknown")
            led = cues.LED_TO_SAY.search(self.text, max(left_start, cue_start - 140), verb_end)
            if led is not None:
                # « monsieur Le Fur, qui vous a amené … à dire : « … » »: the colleague called
                called = [
                    m
                    for m in self._mentions_in(max(left_start, led.start() - 60), led.start() + 1)
                    if m.name and not m.body and m.end == led.start()
                ]
                if called and called[-1].name not in self.participants:
                    attribution = self._who(called[-1])
                    attribution.cue = "qui vous a amené à dire"
                    return attribution
                civil = cues.CALLED_BEFORE.search(self.text, max(0, led.start() - 60), led.start())
                if civil is not None and (who := canonical_name(civil.group("who"))):
                    if who not in self.participants:
                        return Attribution(
                            who,
                            self.context.functions.get(who),
                            "qui vous a amené à dire",
                            "explicit",
                        )
            if (
                (turn is not None or self.context.default)
                and cues.LENT_INFINITIVE.search(
                    self.text, max(left_start, cue_start - 80), verb_end
                )
                and not re.match(r"\s*qu(?:e\s|['’])", self.text[verb_end : span.open])
            ):  # (« amènera l'officier d'état civil à dire que « … » »: the law he reads)
                # « Faire la loi, ça ne consiste pas à dire : « on verra » »: the speaker's
                return Attribution(None, None, cue, "lent")
            if (turn is not None or self.context.default) and cues.MODAL.search(near):
                # « c'est le seul sujet sur lequel Boris Johnson peut dire “J'ai gagné” », « les
                # pays de l'Est vont vous dire "…" »: words imagined for someone, the speaker's
                return Attribution(None, None, cue, "lent")
            if (
                self.context.debate
                and cues.IMAGINING.search(near)
                and not re.match(r"\s*qu(?:e\s|['’])", self.text[verb_end : span.open])
                and not any(
                    m.name and not m.body for m in self._mentions_in(cue_start - 30, verb_end)
                )
            ):
                # « beaucoup d'entre vous viendront me dire : « Oui, c'est une avancée » », « on
                # vienne nous dire : », « leurs enfants espèrent pouvoir bientôt dire à
                # l'école : », « doivent se demander : », « Il faudrait dire : », « c'est leur
                # dire : »: words a debater imagines for others, his own (CONVENTIONS rule 4)
                return Attribution(None, None, cue, "lent")
            inverted = cues.INVERTED_PRONOUN.match(self.text, verb_end)
            if inverted:  # "« … », dit-il, « … »"
                return self._pronoun(cue_start, f"{cue}{inverted.group()}", floor)
            you = cues.YOU.search(near)
            near_start = max(left_start, cue_start - 30)
            if you and not cues.SECOND_PERSON.search(self.text[near_start + you.end() : verb_end]):
                you = None  # « les pays de l'Est vont vous dire »: « vous » is the object
            if you is None and turn is None:
                you = cues.INVERTED_YOU.search(near)  # « Aussi, aviez-vous lancé … “ … ” »
            talking = self.context.interviewees or len(self.participants) > 1
            after_you = self.text[cue_start - len(near) + you.end() : span.open] if you else ""
            if turn is not None and you and talking and not cues.NEGATION.search(after_you):
                if (found := self._you(turn, cue, verb_end, span)) is not None:
                    return found
            if (
                turn is None
                and you
                and self.context.default
                and not cues.NEGATION.search(after_you)
            ):
                # a speech or a debate turn: « Vous écrivez … dans votre rapport : « … » »
                # quotes the person addressed, whom the turn does not name, unless the sentence
                # calls them (« Monsieur Wauquiez, vous avez dit : « … » »)
                called = self._vocative(cue_start - len(near) + you.start())
                if called is not None:
                    attribution = self._who(called)
                    attribution.cue = f"vous {cue}"
                    # « Monsieur MACRON » in the President's speech: the full name known
                    known = [self.context.default or "", *self.context.functions]
                    full = [n for n in known if n.casefold().endswith(f" {called.name.casefold()}")]
                    if " " not in called.name and full:
                        attribution.speaker = full[0]
                        attribution.function = self.context.functions.get(full[0])
                    return attribution
                return Attribution(None, None, f"vous {cue}", "unknown")
            if cues.CAUSATIVE.search(self.text, max(left_start, cue_start - 12), cue_start):
                # « La question d'un avocat … a fait réagir le procureur d'État qui a invité le
                # tribunal « … » »: the one made to speak, right after the verb
                made = [  # a function standing alone too (« le procureur d'État »)
                    m
                    for m in self.context.mentions
                    if (m.name or m.function)
                    and 0 <= m.start - verb_end <= 20
                    and m.end <= span.open
                ]
                if made:
                    causative = f"fait {cue}"
                    if made[0].name is None:  # a function nobody the text names holds
                        return Attribution(None, made[0].function, causative, "explicit")
                    attribution = self._who(made[0])
                    attribution.cue = causative
                    return attribution
            # « Eric Woerth qui vous dit « … » », « Gilles Legendre, qui est de vos rangs,
            # qui lui-même disait « … » »: the person heading the relative clause
            for m in reversed(self._mentions_in(max(left_start, cue_start - 120), cue_start)):
                if (m.name or m.function) and cues.WHO_CLAUSE.match(self.text, m.end, cue_start):
                    if m.name not in self.participants:
                        attribution = self._who(m)
                        attribution.cue = cue
                        return attribution
                    break
            # « quand vous entendez Laurent BERGER mercredi dire « … » »: a person right before an
            # infinitive; « disait dire Alexis BREZET, « … » »: a person right after the verb
            around = [
                m
                for m in self._mentions_in(max(left_start, cue_start - 40), span.open)
                if (m.name or (m.function and not m.anaphor)) and m.name not in self.participants
            ]
            for m in around:
                glued = (
                    m.end <= cue_start
                    and not m.body
                    and re.fullmatch(r"[\s\w'’]{0,20}", self.text[m.end : cue_start])
                    and re.search(r"(?:dire|er|disant)$", cue)
                )  # « j'entends X disant : »
                # « …, écrit la Cour de cassation, « … » »: a body too, after its article
                between = r"\s*(?:(?:la|le|les)\s+|l['’]\s*)?" if m.body else r"\s*"
                inverted = (
                    m.start >= verb_end
                    and re.fullmatch(between, self.text[verb_end : m.start])
                    and re.fullmatch(r"\s*,?\s*:?\s*", self.text[m.end : span.open])
                )
                if glued or inverted:
                    attribution = self._who(m)
                    attribution.cue = cue
                    return attribution
            if (subject := self._right_before(left_start, cue_start)) is not None:
                # « quand Emmanuel MACRON dit « … » », « La ministre Elisabeth MORENO dit : »:
                # a name right before the verb is its subject, whatever the words before it
                # (a conjunction, an article and a function) and however it is written
                attribution = self._who(subject)
                attribution.cue = cue
                return attribution
            office = cues.OFFICE_BEFORE.search(
                self.text, max(left_start, cue_start - 120), cue_start
            )
            if office is not None:
                # « Mme la garde des Sceaux nous dit : « … » », « M. le ministre a dit : »: the
                # office holder addressed by their function in a debate, whom the words name not
                return Attribution(None, " ".join(office.group("fn").split()), cue, "explicit")
            if not cue.endswith("ant") and (lone := self._lone_name_before(left_start, cue_start)):
                # « quand Erdogan lui dit « … » », « Vous savez que BRIDGESTONE a dit « … » »,
                # « … d'Espagne Zapatero l'a dit : »: one capitalised word, no article before
                # it, right before the verb: a person or a body by its name
                return Attribution(lone, None, cue, "explicit")
            if (latter := cues.LATTER.search(near)) is not None:
                # « Le président Erdogan a traité … Emmanuel Macron d'« … » alors que ce dernier
                # avait estimé … « … » »: the person named last, not the one in focus
                at = cue_start - len(near) + latter.start()
                named = [m for m in self._mentions_in(floor, at) if m.name and not m.body]
                if named and cues.A_TEXT.search(self.text, named[-1].end, at):
                    # « … l'article 5 de la Convention de Vienne … : celui-ci précise que « … » »:
                    # a text named after the person stands for « celui-ci », nobody's words
                    return Attribution(None, None, cue, "unknown")
                if named:
                    attribution = self._who(named[-1])
                    attribution.cue = f"{latter.group().strip().lower()} {cue}"
                    return attribution
            pronoun = [
                p
                for p in cues.SUBJECT_PRONOUN.finditer(near)
                if " qui " not in near[p.end() :]
                # « Je lui ai rappelé ce que j'avais dit »: « lui » after a subject is its object
                and not cues.SUBJECT_BEFORE.search(
                    self.text,
                    max(0, cue_start - len(near) + p.start() - 8),
                    cue_start - len(near) + p.start(),
                )
            ]
            if pronoun:
                p = pronoun[-1]
                at = cue_start - len(near) + p.start()
                return self._pronoun(at, f"{p.group(1).lower()} {cue}", floor)
            heard = cues.HEARD_HIM.search(self.text, max(left_start, cue_start - 40), cue_start)
            if heard is not None and self.context.debate:
                # « je voudrais dire à M. de Rugy qu'il est mal placé … Tout à l'heure, … je l'ai
                # entendu dire : « … » »: the person the object pronoun stands for, named last
                gender = "f" if heard.group("pron").lower() == "la" else None
                who = self._named_just_before(heard.start("pron"), floor, gender)
                if who is not None and who[0]:
                    return Attribution(who[0], who[1], f"entendu {cue}", "pronoun")
            if (
                joined := cues.JOINED_TO_PRONOUN.search(self.text, left_start, cue_start)
            ) is not None:
                # « c'était la nuit tragique de Furiani, il était monté à cette même tribune et
                # avait déclaré : « … » »: a verb joined by « et » to a clause whose subject is
                # « il » or « elle » has that subject
                at = joined.start("pron")
                return self._pronoun(at, f"{joined.group('pron').lower()} … et {cue}", floor)
            heads = [
                m
                for m in self._mentions_in(left_start, cue_start)
                if m.subject and self._heads_up_to(m, cue_start)
            ]
            if heads:
                if self._joint(heads[0], cue_start):
                    return Attribution(None, None, cue, "unknown")  # « Me X et Me Y appellent »
                if cues.PLURAL_VERB.match(cue):
                    # « l'UMIH, le GNI, les entreprises du voyage ont dit : »: a plural verb,
                    # no one of those named alone
                    return Attribution(None, None, cue, "unknown")
                attribution = self._who(self._apposed_name(heads[0], heads[1:]))
                attribution.cue = cue
                return attribution
            for m in self.unnamed:
                if left_start <= m.start and m.end <= cue_start and cue_start - m.end <= 60:
                    return Attribution(None, m.function, cue, "explicit")
            if cues.GERUND.search(self.text, max(left_start, cue_start - 12), verb_end):
                # « il poursuit son article … en disant : « … » »: the gerund's subject is the
                # sentence's, a pronoun opening it
                opening = cues.OPENING_PRONOUN.match(self.text, left_start, cue_start)
                if opening is not None:
                    at = opening.start("pron")
                    return self._pronoun(at, f"{opening.group('pron').lower()} {cue}", floor)
            if cue.endswith("ant"):
                # « Et d'ailleurs M. Johnson, qui …, a lui-même … enfourché ce cheval de
                # bataille … en disant « … » »: the sentence's subject, however far; « l'image
                # de Donald TRUMP regagnant la Maison-Blanche, enlevant son masque, … et
                # disant aux Américains « … » »: the person a chain of participles follows
                for m in self._mentions_in(left_start, cue_start):
                    if (
                        m.name
                        and not m.body
                        and m.name not in self.participants
                        and (m.subject or cues.PARTICIPLE_AFTER.match(self.text, m.end))
                    ):
                        attribution = self._who(m)
                        attribution.cue = cue
                        return attribution
            collective = cues.COLLECTIVE.search(
                self.text, max(left_start, cue_start - 160), cue_start
            )
            if collective is not None and re.match(r"(?:ont|avaient|eurent)\s", cue):
                # « les tribunaux ont dit « … » », « tous les pays … ont dit … : « … » », « des
                # décisions administratives qui ont dit : « … » »: institutions, States, a
                # people, what they did say; not « des gens qui disent », nor « vous avez des
                # pays qui disent « … » », an example the speaker lends words to
                return Attribution(None, None, cue, "unknown")
            if turn is not None or self.context.default:
                # "j'ai dit", "tout le monde dit", « on dirait »: the turn's or speech's speaker
                # lends the words; « La même personne ajoute : », « l'étude d'impact
                # indiquait : »: a third party the rules cannot name (the speaker's all the same
                # outside a debate, see `attribute`)
                clause = self.text[max(left_start, cue_start - 60) : cue_start]
                # (« J'en rappelle le contenu : », « je cite » read a text out: not the speaker's)
                reading = re.search(r"(?<![\w-])(?:rappel|cit)\w*$", cue, re.IGNORECASE)
                lent = (
                    (cues.LENDING_SUBJECT.search(clause) and not reading)
                    or cues.IMAGINED.search(cue)
                    # « il faudra bien que ces femmes … disent : », « Quand elles vont venir
                    # devant vous en disant : »: a clause in the future, words imagined
                    or cues.FUTURE_CLAUSE.search(
                        self.text, self._sentence_start(cue_start), cue_start
                    )
                )
                return Attribution(None, None, cue, "lent" if lent else "unnamed")
            clause = self.text[left_start:cue_start]
            if cues.GENERIC.search(clause[-40:]) or cues.FIRST_PERSON.search(clause):
                return Attribution(None, None, cue, "explicit")
            return self._pronoun(cue_start, cue, floor)  # "malgré avoir concédé « … »"
        # No verb of speech: the person heading the sentence ("Me Bourdon se lève « … »"),
        # not a body (« la Cour d'appel retient … les « tax rulings » »).
        # A participant named in a transcript is addressed (« Jean-Baptiste Lemoyne, le « stop
        # and go » … ? »), not the subject.
        # A body heads a clause of its own words (« la Commission européenne cherche … à
        # permettre … « en réduisant les ratios élevés de dette publique … » »), not a term
        # (« la Cour d'appel retient … les « tax rulings » »); nobody heads from inside a
        # parenthesis (« (2001, Université d'Anvers) »).
        clause = _word_count(self.text[span.start : span.end]) >= 4
        heads = [
            m
            for m in self._mentions_in(left_start, span.open)
            if m.subject
            and (clause or not m.body)
            and m.name not in self.participants
            and not self._in_parenthesis(left_start, m.start)
            # « Antoine, qui n'est « … », se serait approprié … »: talked about in the
            # conditional of reported speech, not the one speaking
            and not (m.name and self._reported(m))
        ]
        if heads:
            if self._joint(heads[0], span.open):
                return Attribution(None, None, "sujet", "unknown")
            attribution = self._who(heads[0])
            attribution.strength = "subject"
            attribution.cue = "sujet"
            return attribution
        start_words = self.text[left_start : span.open]
        p = cues.SUBJECT_PRONOUN.search(start_words[:40])
        if p and p.group(1).lower() in ("il", "elle", "ils", "elles"):
            return self._pronoun(left_start + p.start(), p.group(1).lower(), floor)
        return None

    def _right_before(self, left_start: int, cue_start: int) -> Mention | None:
        """Return the person named right before a verb of speech (nothing but spaces between),
        who is its subject: not a function alone, not a body."""
        found = self._mentions_in(max(left_start, cue_start - 80), cue_start)
        if not found or not cues.OBJECT_CLITICS.fullmatch(self.text, found[-1].end, cue_start):
            return None
        m, start = found[-1], found[-1].start
        for previous in reversed(found[:-1]):  # « Avocat » « Général »: one name, two mentions
            if previous.name != m.name or self.text[previous.end : start].strip():
                break
            start = previous.start
        if cues.COMPLEMENT_BEFORE.search(self.text[max(0, start - 12) : start].lower()):
            return None  # « L'avocat d'Édouard Perrin annonce », « l'Avocat Général affirme »
        return m if m.name and not m.body else None

    def _lone_name_before(self, left_start: int, cue_start: int) -> str | None:
        """Return the one capitalised word right before a verb of speech (its object pronouns
        between), that no mention holds, no article or preposition comes before, and no
        sentence starts with; written in capitals, it gets a capital and small letters."""
        words = list(cues.LONE_NAME.finditer(self.text, max(left_start, cue_start - 60), cue_start))
        found = words[-1] if words else None  # the last one (« … Premier ministre … Zapatero »)
        if found is None or not cues.OBJECT_CLITICS.fullmatch(self.text, found.end(), cue_start):
            return None
        start, end = found.span()
        if cues.COMPLEMENT_BEFORE.search(self.text, max(0, start - 12), start):
            # « la France a dit », « le Gouvernement dit »: a State, a body; « un vieux
            # pêcheur de Montclair m'a dit »: a place, not the subject
            return None
        if any(m.start < end and start < m.end for m in self._mentions_in(start - 60, end + 1)):
            return None
        word = found.group()
        name = word.capitalize() if word.isupper() else word
        if name.casefold() in cues.NOT_LONE_NAMES or name in self.participants:
            return None
        return name

    def _words_of(self, span: Span, left_start: int) -> Attribution | None:
        """« cette mise en garde prémonitoire d'Albert Camus : « … » », « la réponse de Jean
        Tarrade, président du conseil supérieur du notariat : « … » », « cette chanson de
        Jacques Brel : « … » »: words, a text or a song of someone named after them, the colon
        right before the quotation: that person's (not the speaker's who reads them out)."""
        for m in reversed(self._mentions_in(left_start, span.open)):
            if not (m.name or m.function) or m.name in self.participants:
                continue
            words = cues.WORDS_OF.search(self.text, max(left_start, m.start - 80), m.start)
            if words is None:
                return None
            if not cues.APPOSITION_COLON.fullmatch(self.text, m.end, span.open) and not (
                cues.READ_OUT.search(words.group("noun"))
                and cues.COMPLEMENT_COLON.fullmatch(self.text, m.end, span.open)
            ):
                return None  # the last person named must be the one the colon introduces
            attribution = self._who(m)
            attribution.cue = " ".join(words.group("noun").split())
            return attribution
        return None

    def _vocative(self, you: int) -> Mention | None:
        """Return the person the paragraph calls before a « vous » (« Monsieur Wauquiez, vous
        avez dit », « en quittant cette scène …, Monsieur MACRON, vous nous avez dit », « Major
        Arnaud Blanc, en partant … vous avez écrit … Aussi, aviez-vous lancé »): a name opening
        a sentence or a clause, after a civility or nothing, then a comma; the last one."""
        start = self._paragraph_start(you)
        # « Et puis, monsieur Fasquelle, vous venez de nous dire … : », « Pourtant, monsieur
        # Cazeneuve, vous aviez affirmé … : »: a colleague called by his surname after a
        # civility in small letters, which makes no mention; in the sentence of the « vous »
        sentence = self._sentence_start(you)
        called = list(cues.VOCATIVE_NAME.finditer(self.text, sentence, you))
        if called and not any(m.name for m in self._mentions_in(called[-1].end(), you)):
            who = canonical_name(called[-1].group("who"))
            if who and who not in self.participants:
                return Mention(called[-1].start("who"), called[-1].end("who"), who, titled=True)
        for m in reversed(self._mentions_in(start, you)):
            if (
                m.name
                and not m.body
                and cues.VOCATIVE_BEFORE.search(self.text[self._sentence_start(m.start) : m.start])
                and not cues.ABBREVIATED_CIVILITY.match(self.text, m.start)
                and re.match(r"\s*,", self.text[m.end : you])
                and m.name not in self.participants
            ):
                return m
        return self._colleague_called(you, you + 80)

    def _colleague_called(self, you: int, stop: int) -> Mention | None:
        """« … par notre collègue Barbara Pompili, présidente … En effet, selon vous, ma chère
        collègue, « … » »: in a debate, a colleague the sentence of a « vous » calls without a
        name (« ma chère collègue », « cher collègue », before `stop`) is the person named last
        before that sentence in its paragraph, not a body, nor one the text calls by a
        civility of the other gender."""
        sentence = self._sentence_start(you)
        called = cues.COLLEAGUE_CALLED.search(self.text, sentence, stop)
        if called is None or _ANY_MARK.search(self.text, sentence, called.start()):
            return None
        gender = "f" if called.group("f") else "m"
        start = max(self._paragraph_start(sentence), sentence - 400)
        for m in reversed(self._mentions_in(start, sentence)):
            if m.name and not m.body and m.name not in self.participants:
                return None if self._other_gender(m.name, gender) else m
        return None

    def _in_parenthesis(self, start: int, position: int) -> bool:
        """Tell whether a parenthesis opened between `start` and `position` is still open."""
        before = self.text[start:position]
        return before.rfind("(") > before.rfind(")")

    def _next_paragraph(self, span: Span, paragraph: int, floor: int) -> Attribution | None:
        """In a debate, a citation read out over several paragraphs: words opening their
        paragraph right after a paragraph that ended on words of a named author (« … qui
        déclare : « … » »⏎⏎« … », « Je poursuis donc la citation que je tire du Livre blanc …,
        édité par l'association Cosette et Gavroche : « … » »⏎⏎« … ») go on with that author,
        unless a cue of their own says otherwise."""
        if not self.context.debate or span.open != paragraph or self.last is None:
            return None
        previous, attribution = self.last
        if previous.close < floor or not cues.PARAGRAPH_GAP.fullmatch(
            self.text, previous.close, span.open
        ):
            return None
        if (
            attribution.strength == "none"
            or not attribution.speaker
            or attribution.speaker in self.participants
        ):
            return None
        return self._right(span, floor) or Attribution(
            attribution.speaker, attribution.function, "suite", "continuation"
        )

    def _previous_sentence(
        self, span: Span, left_start: int, floor: int, back: int = 1
    ) -> Attribution | None:
        """« Bruno LE MAIRE qui annonce notamment l'interdiction … . « … » »: the person the
        sentence before names as speaking. A sentence between that names nobody and opens on
        « il » or « elle » goes on about that person (« M. Urvoas poursuit en expliquant … . Au
        fond, il caractérise très bien votre état … . « … » »): the one before it is read, the
        pronoun's gender agreeing."""
        start = self._sentence_start(max(floor, left_start - 1))
        if start < floor or start >= left_start:
            return None
        sentence = self.text[start:left_start]
        verb = cues.SPEECH_VERB.search(sentence)
        if verb is not None:
            asker = self.context.interviewers
            for m in self._mentions_in(start, start + verb.start()):
                if m.name and m.name not in asker and not m.body:  # the guest too, named
                    attribution = self._who(m)
                    attribution.cue = verb.group()
                    return attribution
            said = cues.WHAT_SAID.search(sentence)
            named = self._mentions_in(start + said.end(), left_start) if said else []
            if (
                named
                and named[0].name
                and not named[0].body
                and named[0].start == start + said.end()
            ):
                if cues.SENTENCE_STOP.fullmatch(self.text, named[0].end, left_start):
                    # « J'insiste sur ce qu'a indiqué Erwann Binet. « … » »: the words of the
                    # person the sentence before ends on, after « ce qu'a dit »
                    attribution = self._who(named[0])
                    attribution.cue = " ".join(said.group().split())
                    return attribution
        still = cues.STILL_HIM.match(sentence)
        if back and still and not any(m.name for m in self._mentions_in(start, left_start)):
            found = self._previous_sentence(span, start, floor, back - 1)
            gender = "f" if still.group("pron").lower() == "elle" else "m"
            if found is not None and not self._other_gender(found.speaker, gender):
                return found
        return None

    def _joint(self, head: Mention, stop: int) -> bool:
        """Tell whether a subject is two people (« Me Hénon et Me Chappuis appellent »); they
        are remembered in the context: both speak, though neither alone said the words."""
        nxt = self._mentions_in(head.end, stop)
        if not nxt or not re.fullmatch(r"\s+et\s+", self.text[head.end : nxt[0].start]):
            return False
        self.context.joint.extend(m.name for m in (head, nxt[0]) if m.name)
        return True

    def attribute(self, span: Span) -> Attribution:
        """Return who said the words of `span`, and why we think so."""
        turn = turn_at(self.context.turns, span.open) if self.context.turns else None
        floor = turn.body if turn is not None else 0
        paragraph = self._paragraph_start(span.open)
        left_start = max(self._sentence_start(span.open), paragraph, floor)
        if span.open == paragraph and paragraph >= 2:
            # « Antoine Deltour a partagé sa décision : »⏎⏎« … »: the paragraph before says who
            before = self.text[:paragraph].rstrip()
            if before.endswith(":") and not self._inside_turn_label(before):
                left_start = max(self._sentence_start(len(before) - 1), floor)
        if self.last is not None and paragraph <= self.last[0].close <= span.open:
            previous, attribution = self.last
            gap = self.text[previous.close : span.open]
            if (listed := cues.NEXT_AUTHOR.fullmatch(gap)) is not None:
                # « Renan : « … » ; Rousseau : « … » »: each quotation of a list its author's
                found = self._author_at(previous.close + listed.start("who"), span.open)
                if found is not None and found.speaker and found.speaker not in self.participants:
                    found.cue = listed.group("who")
                    return found
            same_sentence = bisect_right(self.boundaries, previous.close) == bisect_right(
                self.boundaries, span.open
            )
            if same_sentence:
                left_start = max(left_start, previous.close)
            if attribution.strength != "none" and (
                cues.CONTINUATION_GAP.match(gap)
                or (
                    same_sentence
                    # « a reconnu que « … » du fait d'un bug … et qu'il pouvait « … » »: a second
                    # clause of the same verb of speech
                    and (
                        len(gap) <= 25
                        or cues.AND_THAT.search(gap) is not None
                        # « Me Hansen, …, pour qui la question de cette « … » à la jurisprudence
                        # de la CEDH est une « … » »: a source's view covers its sentence
                        or cues.SOURCE_CUE_START.match(attribution.cue or "") is not None
                    )
                    and not cues.SPEECH_VERB.search(gap)
                    and not any(not m.body for m in self._mentions_in(previous.close, span.open))
                )
                # « Jean-Louis Debré, qui a déclaré : « … », tout en précisant : « … » »: a
                # gerund after the words goes on with their speaker
                or (same_sentence and cues.GERUND_GAP.fullmatch(gap) is not None)
                # « M. Urvoas poursuit : « … la majorité » – votre silence le reflète – « se
                # fatigue plus vite … » »: the words go on after the speaker's aside between
                # dashes, opening in small letters or on an ellipsis (a cut in the same text)
                or (
                    cues.DASH_ASIDE.fullmatch(gap) is not None
                    and cues.GOES_ON_WORDS.match(self.text, span.start) is not None
                    and not any(
                        m.name and not m.body for m in self._mentions_in(previous.close, span.open)
                    )
                )
                # « M. Rocard dit que le PACS « … » et, plus résigné qu'enthousiaste, ajoute
                # qu'« … » »: a verb of speech joined by « et », no subject of its own
                or (
                    same_sentence
                    and cues.AND_THEN_VERB.fullmatch(gap) is not None
                    and not any(
                        m.name or m.function for m in self._mentions_in(previous.close, span.open)
                    )
                )
            ):
                found = self._right(span, floor)
                return found or Attribution(
                    attribution.speaker, attribution.function, "suite", "continuation"
                )
        if (answer := self._answer_after(span, paragraph)) is not None:
            return answer
        if (found := self._next_paragraph(span, paragraph, floor)) is not None:
            return found
        if (
            self.last is not None
            and floor <= self.last[0].close <= span.open
            and span.open - self.last[0].close <= 300
            and (self.last[1].speaker or self.last[1].strength == "unknown")
            and self.last[1].strength not in ("turn", "default", "none", "lent")
            and (
                goes_on := cues.GOES_ON.search(
                    self.text, max(left_start, span.open - 80), span.open
                )
            )
            and not any(
                m.name and m.name != self.last[1].speaker and not m.body
                for m in self._mentions_in(self.last[0].close, span.open)
            )
        ):
            # « … », indique Verlaine Berger, porte-parole d'Arc-en-ciel. Et d'ajouter : « … »:
            # the author of the quotation before goes on, nobody else named in between
            attribution = self.last[1]
            strength = "unknown" if attribution.strength == "unknown" else "continuation"
            cue = " ".join(goes_on.group().strip(" :").split()).lower()
            return Attribution(attribution.speaker, attribution.function, cue, strength)
        if (
            self.last is not None
            and floor <= self.last[0].close <= span.open
            and self.last[1].strength not in ("turn", "default", "none")
            and (
                self.last[1].speaker or self.last[1].function or self.last[1].strength == "unknown"
            )
            and cues.GO_ON_QUOTING.search(self.text, max(left_start, span.open - 80), span.open)
        ):
            # « Je termine la citation : « … » », « Je poursuis ma lecture : « … » »: the author
            # of the quotation before, whose text the speaker goes on reading (nobody known for
            # a code's article)
            attribution = self.last[1]
            strength = "unknown" if attribution.strength == "unknown" else "continuation"
            return Attribution(
                attribution.speaker, attribution.function, "suite de la citation", strength
            )
        if (
            len(self.text[span.start : span.end].split()) > 3
            and (denied := cues.DENIED.search(self.text, left_start, span.open)) is not None
        ):
            # « Quand Mme Guigou demande …, elle ne répond pas « … » »: nobody's words (a
            # word denied, « ne parlez plus de votre « belle-mère » », is a term: not read)
            return Attribution(None, None, " ".join(denied.group().split()).strip(" :,"), "unknown")
        if (incise := cues.INNER_INCISE.search(self.text, span.start, span.end)) is not None:
            # « Ce qu'ils ont fait, écrit GENEVOIX, c'est plus qu'on ne pouvait demander »
            named = canonical_name(incise.group("who"))
            return Attribution(named, None, incise.group("verb"), "explicit")
        if (incise := cues.INNER_PRONOUN.search(self.text, span.start, span.end)) is not None:
            # « Les principes … » Mes préoccupations sont … « D'où l'émergence d'un « tourisme
            # juridique », poursuit-il. … »: the person the pronoun stands for before the words
            # (nobody when no one is in focus), never the speaker holding the floor
            cue = f"{incise.group('verb')}-{incise.group('pron')}".lower()
            return self._pronoun(span.open, cue, floor)
        chant = cues.CHANT.search(self.text, max(left_start, span.open - 80), span.open)
        if chant is not None and not cues.SPEECH_VERB.search(self.text, chant.end(), span.open):
            # « une haie d'honneur … scandant « … » », « les chants des militants « … » »,
            # « aller hurler dans les rues : « … » »: a crowd's words, no one's (a participle,
            # a plural, a noun: a person shouting alone has a finite verb and a subject)
            return Attribution(None, None, chant.group(), "unknown")
        if turn is not None and (cited := self._your_words_cited(span, turn, paragraph, floor)):
            return cited
        found = self._right(span, floor) or self._left(span, left_start, floor, turn)
        left_text = self.text[left_start : span.open]
        # a verb of speech whose subject is the speaker or a voice they lend words to (« j'ai
        # dit », « on dirait »), or a third party left unnamed: outside a debate, both the
        # turn's or speech's speaker, as when no cue is found
        lent = found is not None and found.strength == "lent"
        if found is not None and found.strength in ("lent", "unnamed"):
            found = None
        if found is None and turn is not None and (echo := self._echo(span, turn)) is not None:
            return echo
        if found is None and turn is not None and not self.context.debate:
            if (announced := self._announced(span, turn)) is not None:
                return announced
        if (
            found is not None
            and found.strength == "unknown"
            and self.context.debate
            and not (found.speaker or found.function)
            and cues.WRITTEN_THERE.fullmatch(found.cue or "")
            and self._self_quoted(span, left_start, floor)
        ):
            # « Dans ma profession de foi, …, il était écrit : », « mon intervention est
            # clairement indiquée : »: a text of the speaker's own, the speaker's words
            found, lent = None, True
        if found is not None and found.strength == "unknown":
            if self.context.debate and found.cue == "texte" and not found.function:
                # « Vous proposez d'introduire la phrase suivante : »: the addressee's text
                if (called := self._addressed(span, left_start, floor)) is not None:
                    return called
            return found  # the cue names the words' author, or says nobody known said them
        if found is not None and (found.speaker or found.function or found.cue):
            if found.speaker or found.function or turn is None:
                return found
        if not lent and self.context.debate and self._self_quoted(span, left_start, floor):
            lent = True  # « lisez bien les derniers mots de mon intervention : « … » »
        if self.context.debate and not lent and found is None and not left_text.strip(" ,:"):
            # « Je pense au pédopsychiatre Pierre Levy-Soussan qui a souligné qu'il fallait …
            # . « On a besoin d'un père et d'une mère … » »: words standing alone after a
            # sentence that names someone speaking are that person's
            if (before := self._previous_sentence(span, left_start, floor)) is not None:
                return before
        if self.context.debate and not lent and found is None:
            if (named := self._colon_author(span, left_start)) is not None:
                return named
        if self.context.debate and not lent and found is None:
            if (read := self._read_before(span, left_text, left_start, floor)) is not None:
                return read
            if (named := self._named_after(span, left_text, turn)) is not None:
                return named
        if self.context.debate and not lent and (turn is not None or self.context.default):
            # A debate turn quotes the law, a bill, a report, a colleague, an author, a crowd far
            # more often than it quotes its own speaker: words no cue gives to anyone, and no
            # first person or imagined voice lends, are nobody known (« auteur non identifié »),
            # not the deputy holding the floor (kept weak: the speech test is unchanged) —
            # unless the person in focus is one the turn has already quoted: then the speaker
            # is reading that person's text on (« … fonde la parenté », poursuit-elle. … « Si
            # l'enfant est né d'un père identifié … » is Aude Mirkovic's again)
            if (named := self._unread_subject(span, left_start)) is not None:
                return named
            if (called := self._addressed(span, left_start, floor)) is not None:
                return called
            if (reading := self._reading_on(span, floor)) is not None:
                return reading
            return Attribution(None, None, "débat, sans indice", "turn" if turn else "default")
        if turn is not None:
            if not turn.name:  # « Q - … »: an unnamed journalist's question
                return Attribution(None, "journaliste", "tour de parole", "turn")
            return Attribution(
                turn.name, self.context.functions.get(turn.name), "tour de parole", "turn"
            )
        if self.context.default:
            name = self.context.default
            return Attribution(name, self.context.functions.get(name), "orateur", "default")
        if found is not None:
            return found
        if self.context.third_person:
            focus = self._focus(span.open, paragraph)
            if focus is not None and focus[0]:
                name, function = focus
                return Attribution(
                    name, function or self.context.functions.get(name), "contexte", "focus"
                )
        return _NONE

    def _unread_subject(self, span: Span, left_start: int) -> Attribution | None:
        """Return the author a verb of speech before `span` names as its subject when no
        mention holds that name: a lone surname or a name with an unknown first name heading
        the sentence or the relative clause (« Montaigne disait : », « Barak Obama qui, …,
        déclarait : »); not a word written in small letters elsewhere in the text (a common
        noun heading the sentence), nor a participant."""
        left = self.text[left_start : span.open]
        verb = self._speech_verb(left, left_start, span)
        if verb is None:
            return None
        cue_start, _, cue = verb
        found = cues.UNREAD_NAME.search(self.text[left_start:cue_start])
        if found is None:
            return None
        which = "head" if found.group("head") else "rel"
        name, at = found.group(which), left_start + found.start(which)
        words = name.split()
        if any(w.casefold() in cues.NOT_UNREAD for w in words):
            return None
        if any(
            m.start < at + len(name) and at < m.end for m in self._mentions_in(at - 60, span.open)
        ):
            return None  # a name the mentions hold: the rules for them have had their say
        for word in words:
            if re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", self.text):
                return None  # « Rien », « Chacun »: a word written in small letters too
        if name in self.participants or name == self.context.default:
            return None
        return Attribution(name, None, " ".join(cue.split()), "explicit")

    def _addressed(self, span: Span, left_start: int, floor: int) -> Attribution | None:
        """In a debate turn, words the sentence before them gives to the colleague addressed
        (« vous » heading a verb of saying, writing or proposing, « je vous cite », a text of
        theirs: « une phrase de votre exposé des motifs, madame Genevard, celle selon laquelle »,
        « Cela vous fait rire, monsieur Vidalies ? Vous l'avez écrit ! « … » ») are that
        colleague's when the turn calls them by name last before the words; nobody when the
        last called is a function or the house (« madame la ministre », « mes chers
        collègues »), a voice of its own coming in between (« vous avez cité l'article 5, qui
        dit : »)."""
        start = left_start
        if not self.text[left_start : span.open].strip(" ,:–—-"):
            start = max(self._sentence_start(max(floor, left_start - 2)), floor)
        left = self.text[start : span.open]
        if not (found := list(cues.YOUR_WORDS.finditer(left))):
            return None
        yours = found[-1]
        between = left[yours.end() :]
        if yours.group().casefold().startswith(("votre", "vos")):
            # the words of that text, right after it (« …, madame Genevard, celle selon
            # laquelle », « vos amendements, qui sont très courts : »), not a sentence going on
            # about it (« votre amendement va très largement au-delà, il est « hors champ » »)
            if not cues.YOUR_TEXT_END.search(between):
                return None
        elif cues.SPEECH_VERB.search(between):
            return None
        if cues.STRUCK_OUT.search(between) or any(
            (m.name or m.function) for m in self._mentions_in(start + yours.end(), span.open)
        ):
            return None  # « Vous proposez … de supprimer la fin de la phrase : »: not theirs
        calls = list(cues.CALLED.finditer(self.text, max(floor, span.open - 1500), span.open))
        if not calls or not calls[-1].group("who"):
            return None
        called = calls[-1]
        who = canonical_name(called.group("who"))
        if not who or who in self.participants or who == self.context.default:
            return None
        if any(m.name and not m.body for m in self._mentions_in(called.end(), start)):
            return None  # someone else talked about between the call and the sentence
        # « Alain Vidalies » when the turn names him in full (« monsieur Vidalies »)
        full = [
            m.name
            for m in self.mentions
            if m.name and not m.body and m.name.casefold().endswith(f" {who.casefold()}")
        ]
        who = full[-1] if full else who
        cue = " ".join(yours.group().split())
        return Attribution(who, self.context.functions.get(who), cue, "explicit")

    def _reading_on(self, span: Span, floor: int) -> Attribution | None:
        """Return the person in focus before `span` when the turn (from `floor`) has already
        quoted them: words no cue gives to anyone, in a debate, go on with the text being read
        (the same focus as for « il », never the deputy holding the floor)."""
        quoted = {who for at, who, _ in self.events if floor <= at <= span.open}
        if not quoted:
            return None  # (most turns: nobody quoted before, no focus to look for)
        focus = self._focus(span.open, floor)
        if focus is None or focus[0] not in quoted or focus[0] == self.context.default:
            return None
        name, function = focus
        left_start = max(self._sentence_start(span.open), floor)
        if self.last is not None and left_start <= self.last[0].close <= span.open:
            left_start = self.last[0].close
        left = self.text[left_start : span.open]
        for verb in cues.BRINGS_IN.finditer(left):
            if cues.READER_SUBJECT.search(left, 0, verb.start()) is None:
                return None  # « trouple.fr qui dit ceci : »: a voice of its own
        index = bisect_right(self.boundaries, span.close)
        end = self.boundaries[index] if index < len(self.boundaries) else len(self.text)
        if any(m.name for m in self._mentions_in(span.close, end)):
            return None  # « « … », selon les mots même de Simone de Beauvoir »: named after
        function = function or self.context.functions.get(name)
        return Attribution(name, function, "lecture poursuivie", "focus")

    def _answer_after(self, span: Span, paragraph: int) -> Attribution | None:
        """« « Pourquoi l'adoption par un couple homosexuel serait-elle une mauvaise solution ? »
        demande Mme Guigou. « Parce que le droit … » »: words opening the sentence right after
        one that held only the words before and the cue naming their author go on with him."""
        if self.last is None or not paragraph <= self.last[0].close <= span.open:
            return None
        previous, attribution = self.last
        if not attribution.speaker or attribution.strength != "explicit":
            return None
        if cues.CUE_THEN_STOP.fullmatch(self.text, previous.close, span.open) is None:
            return None
        named = [m.name for m in self._mentions_in(previous.close, span.open) if m.name]
        if not named or set(named) != {attribution.speaker}:
            return None
        return Attribution(attribution.speaker, attribution.function, "suite", "continuation")

    def _colon_author(self, span: Span, left_start: int) -> Attribution | None:
        """« Je citerai également le sociologue Jean-Pierre le Goff : », « Relisons l'avis du
        Conseil d'État : », « Voici donc ce que dit le juge Rosenczveig, chargé des enfants : »:
        in a debate, a sentence that quotes, reads or cites, then a colon opening the words:
        the person it names after its last word of quoting (« les propos du professeur Wolf,
        qui dirige le CECOS : » is Wolf), else the body; not an acronym (« l'ouverture de la
        PMA »), not one called with a comma after, not several joined by « et »."""
        left = self.text[left_start : span.open]
        if not cues.COLON_END.search(left):
            return None
        return self._cited_in(left_start, span.open) or self._their_words(left_start, span.open)

    def _their_words(self, start: int, end: int) -> Attribution | None:
        """« Il est important d'entendre ce que dit le juge Rosenczveig … . Écoutez bien ses
        propos, qui vous feront un peu mal : », « De plus, nous avons évoqué le Conseil
        supérieur de l'adoption. Je veux vous lire une phrase extraite d'un de ses comptes
        rendus : »: a sentence that cites a text or words by a possessive, then a colon: the
        person or body named last before the possessive, in that sentence or the one before
        (nobody when a function alone is named last)."""
        words = list(cues.QUOTING_WORD.finditer(self.text, start, end))
        owner = cues.POSSESSIVE.search(self.text, start, end)
        if not words or owner is None or owner.start() < words[0].start() - 40:
            return None
        sentence = self._sentence_start(start)
        since = max(self._paragraph_start(start), self._sentence_start(max(0, sentence - 1)))
        for m in reversed(self._mentions_in(since, owner.start())):
            if m.name is None and m.function:
                return None  # « Mme la garde des Sceaux … ses propos »: a function, no name
            if m.name and m.name not in self.participants and not self._reported(m):
                attribution = self._who(m)
                attribution.cue = owner.group()
                return attribution
        return None

    def _read_before(
        self, span: Span, left: str, left_start: int, floor: int
    ) -> Attribution | None:
        """« Je poursuis la lecture du texte du professeur Le Guay. « … » », « Je poursuis ma
        citation de Me de Vries, que je terminerai dans ma prochaine intervention. « … » », « Je
        vais vous donner lecture de propos émanant de l'Association des adoptés, qui … . « … » »:
        in a debate, words opening their sentence after one that reads or cites and ends on the
        person or body it names (a relative clause at most after him): the words are his."""
        if left.strip(' \t\n«"“'):
            return None
        end = left_start
        while (aside := re.search(r"\([^()\n]{0,200}\)\s*$", self.text[floor:end])) is not None:
            end = floor + aside.start()  # « (« Ah ! » sur les bancs du groupe SRC.) » between
        sentence = self.text[floor:end].rstrip()
        if not sentence.endswith("."):
            return None
        start = max(floor, self._sentence_start(floor + len(sentence) - 1))
        if _ANY_MARK.search(self.text, start, floor + len(sentence)):
            return None
        found = self._cited_in(start, floor + len(sentence), cues.ENDS_ON_AUTHOR)
        if found is None or not found.speaker:
            return None
        return found

    def _cited_in(
        self, start: int, end: int, ending: re.Pattern[str] | None = None
    ) -> Attribution | None:
        """The person (else the body) a sentence that quotes, reads or cites names after its
        last word of quoting; with `ending`, what follows him must match it."""
        words = list(cues.QUOTING_WORD.finditer(self.text, start, end))
        if not words:
            return None
        left_start = start
        after_word = words[-1].end()
        named = [
            m
            for m in self._mentions_in(after_word, end)
            if m.name
            and m.name not in self.participants
            and not m.name.isupper()
            and not self._in_parenthesis(left_start, m.start)
        ]
        people = [m for m in named if not m.body]
        if not named:
            # « Je poursuis la lecture de l'avis du Défenseur des droits : »: a single holder's
            # office, nobody named, its function kept
            offices = [
                m
                for m in self._mentions_in(after_word, end)
                if m.name is None and m.function in AUTHORITY_FUNCTIONS
            ]
            if offices and ending is None:
                return Attribution(None, offices[-1].function, words[-1].group(), "explicit")
            return None
        chosen = people[-1] if people else named[-1]
        after = self.text[chosen.end : end]
        if ending is not None and not ending.fullmatch(after):
            return None
        if re.match(r"\s*,\s*(?:vous|tu|ce\s+n['’]est|c['’]est)\b", after, re.IGNORECASE):
            return None  # « Madame Orphé, ce n'est pas nous qui … »: someone called
        if len(named) > 1 and re.search(r"\s(?:et)\s", self.text[named[0].start : named[-1].end]):
            return None  # « Dassault, Bonnot et Mariton : »: several people
        attribution = self._who(chosen)
        attribution.cue = words[-1].group()
        return attribution

    def _named_after(self, span: Span, left: str, turn: Turn | None) -> Attribution | None:
        """In a debate, words no cue gives to anyone whose author the next sentence or two
        name (« … ». Cette phrase n'est pas de moi … Elle a été prononcée … par Damien Abad »,
        « … » Mes chers collègues, ces propos sont de notre collègue Bernadette Laclais », « … »
        C'est Nicolas Sarkozy qui a dit cela): that person, when the words open their sentence
        or follow a colon (not a term inside one, « en tête du « best of réac » »), no other
        quotation stands between and the naming sentence opens none of its own."""
        if left.strip() and not left.rstrip().endswith(":"):
            return None
        end = turn.end if turn is not None else len(self.text)
        stop = min(end, span.close + 300)
        for other in self.spans:
            # another quotation stops the search, not a term of three words at most (« il
            # aurait été propulsé en tête du « best of réac ». Le problème, c'est qu'elle est
            # de Lionel Jospin »)
            if span.close <= other.open < stop and (
                other.depth > 0 or _word_count(self.text[other.start : other.end]) > 3
            ):
                stop = other.open
                break
        mark = _ANY_MARK.search(self.text, span.close, stop)
        if mark is not None and not any(
            o.open <= mark.start() < o.close for o in self.spans if span.close <= o.open < stop
        ):
            stop = mark.start()  # a mark no pair holds
        sentences = bisect_right(self.boundaries, span.close)
        if (found := self._named_later(span, stop, sentences)) is not None:
            return found
        for pattern in (cues.IS_OF_AFTER, cues.SAID_WHO_AFTER, cues.SOURCE_AFTER):
            m = pattern.search(self.text, span.close, stop)
            if m is None or bisect_right(self.boundaries, m.start()) - sentences > 2:
                continue
            position = m.start("who") if pattern is cues.SAID_WHO_AFTER else m.end()
            for mention in self._mentions_in(position, min(stop, position + 80))[:1]:
                gap = self.text[position : mention.start]
                if (
                    mention.name
                    and (not mention.body or pattern is cues.SOURCE_AFTER)
                    and mention.name not in self.participants
                    and re.fullmatch(r"(?:[a-zà-ÿ'’]+\s+){0,3}(?:M\.|Mme|Mlle)?\s*", gap)
                ):
                    attribution = self._who(mention)
                    attribution.cue = " ".join(self.text[m.start() : mention.end].split())
                    return attribution
        return None

    def _named_later(self, span: Span, stop: int, sentences: int) -> Attribution | None:
        """The two forms of `_named_after` whose person comes later than right after the cue:
        « C'est ainsi que s'exprimait …, Mme la garde des Sceaux Élisabeth Guigou. » (the
        last person the sentence names) and « Ce n'est pas moi qui le dis, c'est un homme que
        l'on a parfois qualifié de laxiste. C'est le juge Rosenczveig. » (the first person
        named after « c'est », in that sentence or the next)."""
        for pattern in (cues.THUS_SPOKE, cues.NOT_ME_WHO_SAYS):
            m = pattern.search(self.text, span.close, stop)
            if m is None or bisect_right(self.boundaries, m.start()) - sentences > 1:
                continue
            index = bisect_right(self.boundaries, m.end())
            last = 1 if pattern is cues.THUS_SPOKE else 2  # sentences the person may stand in
            until = (
                self.boundaries[index + last - 1]
                if index + last - 1 < len(self.boundaries)
                else len(self.text)
            )
            named = [
                x
                for x in self._mentions_in(m.end(), min(until, stop))
                if x.name
                and not x.body
                and x.name not in self.participants
                and x.name != self.context.default
            ]
            if not named:
                continue
            mention = named[-1] if pattern is cues.THUS_SPOKE else named[0]
            attribution = self._who(mention)
            attribution.cue = " ".join(m.group().split())
            return attribution
        return None

    def _self_quoted(self, span: Span, left_start: int, floor: int) -> bool:
        """Tell whether the words are the speaker's own, the sentence before them says so
        with a first person (« les derniers mots de mon intervention : », « Qu'avais-je dit
        dans mon intervention ? », « je propose d'insérer … un alinéa ainsi rédigé : »)."""
        start = left_start
        if not self.text[left_start : span.open].strip(' \t«"“'):
            # nothing before the words in their sentence: the sentence before (a question)
            start = max(floor, self._sentence_start(max(floor, left_start - 1)))
        return cues.SELF_QUOTE.search(self.text, start, span.open) is not None

    def _your_words_cited(
        self, span: Span, turn: Turn, paragraph: int, floor: int
    ) -> Attribution | None:
        """« L'islam, ce mot-là, vous l'avez dit dans votre discours des Mureaux, surtout cette
        phrase qui a été répandue …, je cite : « … » »: in an interviewer's turn, « je cite »
        after the guest's own words or text named earlier in the paragraph (« vous avez dit »,
        « votre discours »), nobody else named in between: the guest's words."""
        if turn.name and turn.name not in self.context.interviewers:
            return None
        cite = cues.I_CITE.search(self.text, max(floor, paragraph, span.open - 40), span.open)
        if cite is None:
            return None
        start = max(floor, paragraph, cite.start() - 250)
        yours = list(cues.YOUR_WORDS.finditer(self.text, start, cite.start()))
        if not yours or any(
            m.name and not m.body for m in self._mentions_in(yours[-1].end(), cite.start())
        ):
            return None
        if (addressee := self._addressee(turn)) is None:
            return None
        cue = " ".join(cite.group().strip(" ,:").split())
        return Attribution(addressee, self.context.functions.get(addressee), cue, "explicit")

    def _inside_turn_label(self, before: str) -> bool:
        """A turn label (« SONIA MABROUK : ») is no sentence introducing the words."""
        return any(t.start <= len(before) <= t.body for t in self.context.turns)

    def went_on(
        self, span: Span, attribution: Attribution
    ) -> tuple[Attribution, list[Span]] | None:
        """« « Un couple … n'a pas de droit à avoir un enfant … » Ces propos étant ponctués …
        d'applaudissements … ⏎⏎ Et Mme Guigou de poursuivre : « Je reconnais … » »: words no cue
        gave to anyone, followed (in the same turn, within a few lines, nobody else named in
        between) by a sentence saying that the author of the next words goes on, were that
        author's too, and so were the words no cue gave to anyone just before them, joined the
        same way (« Écoutez comme c'est beau : « … » C'est magnifique ! « … » N'est-ce pas
        beau ? Et Blum de poursuivre : « … » »). Returns the attribution of those words and
        their spans, or None."""
        if self.last is None or not attribution.speaker or not self.uncued:
            return None
        if attribution.strength in ("turn", "default", "none", "lent", "unknown", "focus"):
            return None
        previous = self.uncued[-1]
        if previous is not self.last[0]:
            return None  # a cue decided the words before
        turn = turn_at(self.context.turns, span.open) if self.context.turns else None
        floor = turn.body if turn is not None else 0
        left_start = max(self._sentence_start(span.open), self._paragraph_start(span.open), floor)
        went = cues.WENT_ON.search(self.text, max(left_start, previous.close), span.open)
        if went is None or not self._joined(previous, span, attribution.speaker, floor):
            return None
        spans = [previous]
        for earlier in reversed(self.uncued[:-1]):
            if not self._joined(earlier, spans[0], attribution.speaker, floor):
                break
            spans.insert(0, earlier)
        cue = " ".join(went.group().strip(" :").split())
        return Attribution(attribution.speaker, attribution.function, cue, "continuation"), spans

    def _joined(self, before: Span, after: Span, speaker: str, floor: int) -> bool:
        """Tell whether nothing but the speaker's comment stands between two quotations of one
        turn: a few lines, no quotation mark, nobody named but `speaker`."""
        if before.close < floor or after.open - before.close > 400:
            return False
        if _ANY_MARK.search(self.text, before.close, after.open):
            return False
        return not any(
            m.name and not m.body and name_key(m.name) != name_key(speaker)
            for m in self._mentions_in(before.close, after.open)
        )

    def record(self, span: Span, attribution: Attribution) -> None:
        self.last = (span, attribution)
        if attribution.strength in ("turn", "default", "none"):
            self.uncued.append(span)  # words no cue gave to anyone, in a row
        else:
            self.uncued = []
        if attribution.speaker:
            self.events.append((span.close, attribution.speaker, attribution.function))
