"""Who a pronoun stands for: the person in focus before a place (the last one heading a
clause, or the last quotation's speaker), not someone a verb of speech reports about
(« Il rappelle d'ailleurs que … Antoine prouvait … »), not one whose civility says the other
gender; in a debate turn, the person the sentence before names. Communiqués and reports,
told in the third person, give most of their quotations this way (« Il estime que « … » »).
A debater's description of the person he is quoting (« notre ancien collègue », « Mme le
professeur », « la philosophe ») stands for that person as a pronoun would (`_described`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from indexer.extract import speech_cues as cues
from indexer.extract.attribution.context import Attribution, Reading
from indexer.extract.bodies import AUTHORITY_FUNCTIONS
from indexer.extract.mentions import Mention
from indexer.extract.names import canonical_name
from indexer.extract.quote_spans import Span
from indexer.extract.turns import turn_at

# A definite description of one person by a noun of trade or fellowship, heading a clause
# (« notre ancien collègue poursuit en précisant : », « Mme le professeur nous dit que »,
# « La philosophe évoque notamment « … » »): `det` tells its gender when it can, `noun` the
# trade a mention's apposition may repeat (« Sylviane Agacinsky, une philosophe »). Singular
# only (« nos collègues » are many), and not a function the mentions read themselves
# (« le juge », « l'avocat », « le ministre »).
DESCRIPTION = (
    r"(?<![\w'’-])(?P<det>[Ll]e|[Ll]a|[Ll]['’]|[Nn]otre|[Cc]et|[Cc]ette|[Cc]e|Mme\s+l[ea]"
    r"|M\.\s+le)\s*(?:(?:ancien|ancienne|éminent|éminente|excellent|excellente|célèbre|grand"
    r"|grande)\s+)?(?P<noun>collègue|philosophe|professeure?|juriste|sociologue|psychanalyste"
    r"|psychiatre|pédopsychiatre|psychologue|anthropologue|ethnologue|historien(?:ne)?"
    r"|écrivaine?|auteure?|académicien(?:ne)?|essayiste|romancière?|romancier|poète|penseur"
    r"|théologien(?:ne)?|économiste|démographe|chercheuse|chercheur|spécialiste)"
    r"(?![\w'’-])"
)
# The description right before the verb of speech, a few clitics, adverbs or a verb leading
# to a gerund between (« poursuit en », « nous », « a aussi »).
DESCRIBED_BEFORE = re.compile(
    DESCRIPTION + r"(?P<rest>(?:\s+(?:ne|n['’]|nous|vous|lui|leur|y|en|l['’]|le|la|les|a"
    r"|avait|aussi|également|notamment|même|alors|ensuite|encore|ainsi|poursuit|continue"
    r"|conclut|ajoute|termine))*)\s*$"
)
# The description opening a sentence that has no verb of speech (« La philosophe évoque
# notamment « … » »), a verb in small letters after it.
DESCRIBED_OPENING = re.compile(r"\s*" + DESCRIPTION + r"\s+(?=[a-zà-ÿ])")
# A person spoken to: the civility written out (the record writes « M. », « Mme » for someone
# talked about), a title at most between it and the name, then a comma, « ? » or « ! »
# (« Monsieur Le Fur, il y a … », « Monsieur le président Accoyer, vous proposez »).
_CIVILITY = r"(?:[Mm]onsieur|[Mm]adame|[Mm]ademoiselle)\s+"
CALLED_ON = re.compile(_CIVILITY)
CALLED_AFTER = re.compile(rf"(?<![\w'’-]){_CIVILITY}(?:(?:le|la)\s+[\w'’-]+\s+)?$")
CALLED_END = re.compile(r"\s*[,?!]")
# A body's own work named by a possessive between the body and « il » (« J'en viens aux
# arguments du Conseil supérieur de l'adoption. Dans son avis du 23 octobre dernier, il « … » »):
# the pronoun stands for the work's author.
OWN_WORK = re.compile(
    r"(?<![\w'’])(?:son|sa|ses)\s+(?:dernier\s+|dernière\s+|derniers\s+|dernières\s+)?(?:avis"
    r"|décisions?|rapports?|études?|arrêts?|délibérations?|communiqués?|conclusions"
    r"|recommandations)(?![\w'’-])",
    re.IGNORECASE,
)


# How many mentions back the person in focus is looked for. In a list of names where none
# heads a clause (« « … » de Jean Dupont, « … » de Marie Martin, … » on one line), each
# quotation walked back through every name before it: quadratic, 15 s for 32,000 characters.
# In the shared corpus the person in focus is always found nearer (bench.extraction_identity:
# no document differs).
FOCUS_REACH = 200


class Focus(Reading):
    """Pronouns and the person in focus (a part of the `Attributor`)."""

    def _reported(self, mention: Mention) -> bool:
        """Tell whether a mention heads a clause that a verb of speech reports (« Il rappelle
        d'ailleurs que, plusieurs mois avant …, Antoine prouvait … »): the person talked
        about, not the one talking, whom a later « il » still stands for."""
        if (known := self.reported.get(mention.start)) is not None:
            return known
        start = self._sentence_start(mention.start)
        found = any(
            cues.REPORTED_THAT.match(self.text, end, mention.start)
            for end in self._verbs_reporting(start, mention.start)
        )
        if not found and cues.CONDITIONAL_AFTER.match(self.text, mention.end):
            # « John Petry affirme que la bonne foi d'Antoine ne peut être reconnue … . Antoine,
            # qui n'est « … », se serait approprié les documents … . Il concède »: a clause in
            # the conditional of reported speech right after a sentence reporting someone
            before = self._sentence_start(max(0, start - 2))
            found = before < start and cues.SPEECH_VERB.search(self.text, before, start) is not None
        self.reported[mention.start] = found
        return found

    def _verbs_reporting(self, start: int, position: int) -> Iterator[int]:
        """Yield the ends of the verbs of speech between `start` (a sentence's start) and
        `position`, the last first, as far back as one may head a clause `cues.REPORTED_THAT`
        reads to `position`.

        Between such a verb and `position` stand adverbs, « que » and at most 80 characters:
        a verb starting more than 90 characters before `position` stands in the way of every
        verb before it, which is not read. The verbs, whole words, are found once in the
        sentence (the same as up to any place in it): read again from the sentence's start
        for each mention, a sentence without end (a register of 64,000 characters of « M. Jean
        Dupont, ministre de l'Intérieur ; ») took 4.6 s, quadratic."""
        # kept by the sentence's end: `start` may be cut short of the sentence's own start
        # (`SENTENCE_REACH`), at another place for each mention of a sentence without end
        index = bisect_right(self.boundaries, start)
        end = self.boundaries[index] if index < len(self.boundaries) else len(self.text)
        if (verbs := self.verbs.get(end)) is None:
            first = self.boundaries[index - 1] if index > 0 else 0
            found = [m.span() for m in cues.SPEECH_VERB.finditer(self.text, first, end)]
            verbs = self.verbs[end] = [a for a, _ in found], [b for _, b in found]
        starts, ends = verbs
        index = bisect_right(ends, position) - 1
        while index >= 0 and starts[index] >= start:
            yield ends[index]
            if starts[index] < position - 90:
                return
            index -= 1

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
        last = index - FOCUS_REACH  # how far back the walk goes (see FOCUS_REACH)
        while index >= 0 and index > last:
            m = self.mentions[index]
            if m.start < floor:
                break
            if (
                (m.body and not bodies)
                or self._reported(m)
                or self._other_gender(m.name, gender)
                or self._spoken_to(m)
            ):
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
            # (the mentions before `position` only, back to `floor` and `FOCUS_REACH`: read
            # from the text's last one, each quotation read them all, quadratic)
            top = bisect_right(self.starts, position - 1) - 1
            for index in range(top, max(-1, top - FOCUS_REACH), -1):
                m = self.mentions[index]
                if m.start < floor:
                    break
                if m.end <= position and m.titled and m.name:
                    if (m.body and not bodies) or self._other_gender(m.name, gender):
                        continue
                    if self._spoken_to(m):
                        continue
                    return (m.name, m.function)
                if m.end <= position and m.function in AUTHORITY_FUNCTIONS:
                    return ("", m.function)  # « le Défenseur des droits … qu'il a faites »
            return None
        return (best[1], best[2]) if best[1] or best[2] else None

    def _spoken_to(self, mention: Mention) -> bool:
        """Tell whether a mention is the person the text speaks to (« Monsieur Le Fur, il y a
        dans un rapport … dans laquelle il a jugé que »): « il » or « elle » never stands for
        the one addressed, only for someone talked about."""
        if not CALLED_END.match(self.text, mention.end):
            return False
        lead = self.text[max(0, mention.start - 40) : mention.start]
        return bool(CALLED_ON.match(self.text, mention.start) or CALLED_AFTER.search(lead))

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

    def _pronoun(self, position: int, cue: str, floor: int) -> Attribution:
        """Return the person the pronoun of `cue` (« il », « elle », « selon lui ») stands for
        at `position`: a group (« ils ») or « on » is nobody, « elles » a body in focus or
        nobody; else the person in focus of the pronoun's gender, in the turns before if none
        in this one."""
        feminine = re.search(r"\belles?\b", cue, re.IGNORECASE) is not None
        if re.search(r"\b(?:ils|eux)\b|-ils\b", cue, re.IGNORECASE):
            # « nos pêcheurs … ils diraient « … » »: a group, never one person in focus
            return Attribution(None, None, cue, "pronoun")
        if re.search(r"\belles\b|-(?:t-)?elles\b", cue, re.IGNORECASE):
            # « vous étiez à la tête de l'Union des entreprises de proximité, et voilà ce
            # qu'elles disaient hier : »: a body in focus speaks for its members; never one
            # woman (« j'entends des gynécologues qui disent … parce qu'elles nous disent : »)
            focus = self._focus(position, floor, True, False, "f")
            if focus is not None and focus[0] and focus[0] in self._body_names():
                return Attribution(focus[0], focus[1], cue, "pronoun")
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
        if focus is None and self.context.debate and subject and gender:
            # only a pronoun heading a verb of speech (« Il dit : », « Et elle ajoutait : »):
            # a bare « il » is as often a text (« Il ne s'appliquera pas … au « … » »)
            if cues.SPEECH_VERB.search(cue):
                focus = self._named_only_after(position, floor, gender)
        if focus is None:
            return Attribution(None, None, cue, "pronoun")
        name, function = focus
        function = function or (self.context.functions.get(name) if name else None)
        return Attribution(name or None, function, cue, "pronoun")

    def _body_names(self) -> set[str]:
        """Return the names the text gives organisations (mentions of bodies)."""
        return {m.name for m in self.mentions if m.body and m.name}

    def _named_just_before(
        self, position: int, floor: int, gender: str | None = None
    ) -> tuple[str, str | None] | None:
        """In a debate turn, the one person « il » or « elle » can stand for when nobody heads
        a clause: the last person named in that sentence or the one before, whatever his
        place (« vous avez eu plaisir à nous citer … René Char. Il disait aussi « … » », « J'en
        reviens au juge Rosenczveig et à ce qu'il dit »), or a body heading a clause there
        (« Le Conseil d'État nous donne raison puisqu'il écrit : ») or whose own work a
        possessive names before the pronoun (« … du Conseil supérieur de l'adoption. Dans son
        avis du 23 octobre dernier, il « … » »)."""
        sentence = self._sentence_start(position)
        paragraph = max(floor, self._paragraph_start(position))
        start = max(paragraph, self._sentence_start(sentence - 1) if sentence > 0 else 0)
        for m in reversed(self._mentions_in(start, position)):
            if m.name is None and m.function:
                return None  # a function named last: the one « il » stands for
            if not m.name or m.name in self.participants or self._reported(m):
                continue
            if self._other_gender(m.name, gender) or self._spoken_to(m):
                continue  # « … Mme Touraine ne lui plaît pas et il commente : »
            if m.body and not (m.subject and m.start >= sentence):
                if OWN_WORK.search(self.text, m.end, position) is None:
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

    def _named_only_after(
        self, position: int, floor: int, gender: str
    ) -> tuple[str, str | None] | None:
        """In a debate turn, the person « il » or « elle » stands for when the turn names no
        one before the pronoun (no person, function or body from `floor`, no one called by
        name): the one person the rest of the turn names or calls, by a civility of the
        pronoun's gender (« Il dit : « … » ⏎⏎ Oui, monsieur Urvoas, vous avez parfaitement
        raison », « Et elle ajoutait : « … » ⏎⏎ Eh bien moi, je suis en désaccord avec Mme
        Morano », « quand elle affirme : « … » … Mme Guigou, votre prédécesseur, … avait dit
        exactement la même chose »). None when the turn names nobody after (« Voici ce qu'il
        dit : » about someone only an earlier turn names: nobody known, CONVENTIONS « in an
        earlier turn »), or several people, or one of the other gender or of none known (an
        impersonal « Il serait bon de … » then « Mme Crozon »), or when the pronoun's own
        sentence calls someone (the one spoken to: « il indiquait, ne vous en déplaise,
        monsieur Emmanuelli : »)."""
        if self._mentions_in(floor, position):
            return None  # someone the pronoun may stand for, read by the rules before
        turn = turn_at(self.context.turns, position) if self.context.turns else None
        end = turn.end if turn is not None else len(self.text)
        index = bisect_right(self.boundaries, position)
        sentence_end = self.boundaries[index] if index < len(self.boundaries) else end
        # each person named after, with the gender a civility tells (None: not told)
        named: dict[str, str | None] = {}
        for m in self._mentions_in(position, end):
            if m.name and not m.body and m.name not in self.participants:
                # (`_other_gender` is True only when a civility tells the other one)
                male, female = self._other_gender(m.name, "f"), self._other_gender(m.name, "m")
                named[m.name] = "m" if male else "f" if female else None
        for call in cues.CALLED.finditer(self.text, floor, end):
            # « Oui, monsieur Urvoas, vous avez … »: a colleague called by name (the record
            # writes the civility in small letters, which no mention reads)
            if not call.group("who") or not (who := canonical_name(call.group("who"))):
                continue
            if call.start() < sentence_end:
                return None  # called before the pronoun, or the one spoken to in its sentence
            same = [n for n in named if n == who or n.endswith(f" {who}")]
            title = call.group().casefold()
            named[same[0] if same else who] = "f" if title.startswith("mad") else "m"
        if len(named) != 1:
            return None
        name, told = named.popitem()
        if told != gender or name == self.context.default:
            return None
        return (name, self.context.functions.get(name))

    def _described(self, match: re.Match[str], floor: int) -> tuple[str, str | None] | None:
        """Return the person a description (`DESCRIPTION`'s match: « notre ancien collègue »,
        « Mme le professeur », « la philosophe ») stands for in a debate turn: among the
        people named in its paragraph or the one before (not the turn's speaker, not talked
        about in reported speech), the last one a mention's surroundings give the same noun
        (« une tribune … de Sylviane Agacinsky, une philosophe que vous connaissez. … Mme
        Taubira. La philosophe évoque »), else the last one named, of the description's gender;
        None when no one is named there (« cette juriste écrit », « cet avocat parisien »)."""
        position = match.start()
        paragraph = max(floor, self._paragraph_start(position))
        start = max(floor, self._paragraph_start(paragraph - 1)) if paragraph > floor else floor
        people = [  # (not a function standing for someone named before: « madame le ministre »)
            m
            for m in self._mentions_in(start, position)
            if m.name
            and not m.body
            and not m.anaphor
            and m.name not in self.participants
            and not self._reported(m)
        ]
        noun = match.group("noun").lower()[:6]
        same = [
            m
            for m in people
            if noun in self.text[max(start, m.start - 40) : min(position, m.end + 40)].lower()
        ]
        det = match.group("det").lower()
        gender = "f" if det in ("la", "cette") or det.startswith("mme") else None
        gender = "m" if det in ("le", "ce", "cet") or det.startswith("m.") else gender
        for m in reversed(same or people):
            if m.name and not self._other_gender(m.name, gender):
                return (m.name, m.function)
        return None

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
