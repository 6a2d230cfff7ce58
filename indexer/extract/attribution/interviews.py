"""Interviews and journalists' turns: the guest a « vous » addresses (« vous avez dit « … » »
is the guest's words, « vous dites « … » ? » the asker's question), words an interviewer takes
up from the guest's reply (« Comment « mais non » ? ») or from words quoted earlier with their
author, a person announced before the guest cut in, « je cite » after « votre discours »; and,
in speeches and debates, the person called before a « vous » (« Monsieur Wauquiez, vous avez
dit »)."""

from __future__ import annotations

import re

from indexer.analysis import fast_terms
from indexer.extract import speech_cues as cues
from indexer.extract.attribution.context import Attribution, Reading
from indexer.extract.mentions import Mention
from indexer.extract.names import canonical_name
from indexer.extract.quote_spans import _ANY_MARK, Span
from indexer.extract.turns import Turn


class Interviews(Reading):
    """The person addressed: guests, interviewers, colleagues called (a part of the
    `Attributor`)."""

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

    def _taken_up(self, span: Span) -> Attribution | None:
        """« « Notre pays ne peut plus se contenter des lois de la paix » a dit le maire de Nice
        Christian ESTROSI. … ALI BADDOU Mais « les lois de la paix ne suffisent plus »… »,
        « « La peur va changer de camp », disait hier soir le chef de l'Etat … AGNES
        PANNIER-RUNACHER « La peur doit changer de camp », effectivement »: in a transcript,
        words no cue gives to anyone that take up words quoted earlier with their author (a
        run of three of their words or more, half of them at least, said in the same order)
        are that author's again, not the turn's speaker's."""
        words = cues.FOLDED_WORD.findall(self.text[span.start : span.end].casefold())
        size = max(TAKEN_UP_RUN, -(-len(words) // 2))  # ceil(n / 2)
        if len(words) < size:
            return None
        runs = {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}
        # the nearest first, a bounded number back (a transcript quoting a great many people)
        for earlier, attribution in reversed(self.cited[-TAKEN_UP_BACK:]):
            before = cues.FOLDED_WORD.findall(self.text[earlier.start : earlier.end].casefold())
            if any(tuple(before[i : i + size]) in runs for i in range(len(before) - size + 1)):
                return Attribution(
                    attribution.speaker, attribution.function, "reprise", attribution.strength
                )
        return None

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

    def _you(self, turn: Turn, cue: str, verb_end: int, span: Span) -> Attribution | None:
        """« vous avez dit « … » », « vous le dites dans ce livre, « … » »: the words of the
        guest addressed; « vous dites : « … » ? » puts words to the guest in a question: the
        asker's own. An interviewer's « vous dites « … » » in the present, the words right after
        the verb, gives the guest's words when the guest said them earlier (`_guests_before`),
        else sums the guest up in the asker's own words (« Mais vous dites « c'est provisoire »,
        on a envie de savoir »)."""
        after = self.text[span.close : span.close + 4]
        between = self.text[verb_end : span.open].strip()
        past = cues.YOU_PAST.search(cue) is not None
        asking = not turn.name or turn.name in self.context.interviewers
        if (
            not past
            and between in ("", ":")
            and (
                "?" in after
                or (asking and cues.YOU_SAY.search(cue) and not self._guests_before(span, turn))
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

    def _guests_before(self, span: Span, turn: Turn) -> bool:
        """Tell whether an asker's « vous dites « … » » takes up the guest's earlier words: said
        word for word before the turn (`_said_before`), or taken up loosely from the guest's own
        earlier turns (`_taken_from_guest`: « vous dites « on n'est pas dans le déni » » after
        « il ne faut pas être dans le déni »), unless the asker sums the guest up (« Donc, vous
        dites « … » », `speech_cues.SUMMING_UP`)."""
        if self._said_before(span, turn):
            return True
        summing_up = cues.SUMMING_UP.search(self.text, max(turn.body, span.open - 80), span.open)
        return summing_up is None and self._taken_from_guest(span, turn)

    def _taken_from_guest(self, span: Span, turn: Turn) -> bool:
        """Tell whether half the words of `span` or more that say something (the French
        analyzer's stems, stop words left out), one at least, stand in the earlier turns of the
        guest the turn addresses (« on s'enorgueillit à raison d'accueillir des gens qui sont
        opprimés » after Gérald Darmanin's « nous devons nous enorgueillir d'accueillir sur
        notre sol … »)."""
        words = set(fast_terms(self.text[span.start : span.end]))
        guest = self._addressee(turn)
        if not words or guest is None:
            return False
        said: set[str] = set()
        for earlier in self.context.turns:
            if earlier.start < turn.start and earlier.name == guest:
                said |= self._terms_of(earlier)
        return 2 * len(words & said) >= len(words)

    def _terms_of(self, turn: Turn) -> frozenset[str]:
        """The stems of a turn's words, read once a document however many quotations ask."""
        if turn.start not in self.turn_terms:
            self.turn_terms[turn.start] = frozenset(fast_terms(self.text[turn.body : turn.end]))
        return self.turn_terms[turn.start]

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

    def _interviewer_cites(self, span: Span, turn: Turn) -> Attribution | None:
        """« Je ne sais pas si vous avez lu le Financial Times il y a 3, 4 jours, je cite : « … » »:
        words an interviewer reads out are someone else's (CONVENTIONS rule 3), never the
        interviewer's own: the person or body the sentence names before « je cite », else
        nobody known; None outside an interviewer's turn or without « je cite »."""
        if turn.name and turn.name not in self.context.interviewers:
            return None
        start = max(turn.body, self._sentence_start(span.open))
        cite = cues.I_CITE.search(self.text, max(start, span.open - 40), span.open)
        if cite is None:
            return None
        named = [
            m
            for m in self._mentions_in(start, cite.start())
            if m.name and m.name not in self.participants and m.name != turn.name
        ]
        if named:
            found = self._who(named[-1])
            found.cue = "je cite"
            return found
        return Attribution(None, None, "je cite", "unknown")

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


# The shortest run of words taken up from an earlier quotation that makes them its author's
# again (« les lois de la paix », « changer de camp »): two words are a phrase anyone says.
TAKEN_UP_RUN = 3
# How many of the quotations given to someone before are compared with the words taken up.
TAKEN_UP_BACK = 40
