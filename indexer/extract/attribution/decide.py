"""The `Attributor`: `attribute` tries the rules on one quotation in the order it states —
the words going on from the quotation before, a debate's answer or a citation read on over
paragraphs, a cue inside the words, the cue right after and right before them (`cue_words`),
the turn's own cues (`interviews`, `debates`) — and decides what is left: the turn's or the
speech's speaker, the person in focus in a third-person account, or nobody; `record`
remembers the answer for the next quotation, `went_on` gives words no cue decided to the
author a later sentence says goes on."""

from __future__ import annotations

from bisect import bisect_right

from indexer.extract import speech_cues as cues
from indexer.extract.attribution.authors import Authors
from indexer.extract.attribution.citations import Citations
from indexer.extract.attribution.context import Attribution
from indexer.extract.attribution.cue_words import CueWords
from indexer.extract.attribution.debates import Debates
from indexer.extract.attribution.focus import Focus
from indexer.extract.attribution.interviews import Interviews
from indexer.extract.attribution.speech_verbs import SpeechVerbs
from indexer.extract.names import canonical_name
from indexer.extract.quote_spans import Span
from indexer.extract.turns import Turn, turn_at

_NONE = Attribution(None, None, None, "none")
# How words no cue gave to anyone are decided: no author the text names for them.
_BY_DEFAULT = frozenset({"turn", "default", "none", "lent", "unnamed", "unknown"})


class Attributor(Debates, Citations, Interviews, SpeechVerbs, CueWords, Authors, Focus):
    """Walks a text's quotations in order, keeping track of who is in focus."""

    def attribute(self, span: Span) -> Attribution:
        """Return who said the words of `span`, and why we think so.

        The rules are tried in this order, the first that decides wins (a rule returns an
        `Attribution`, or None to let the next one try):

        1. the words go on from the quotation before them in the paragraph, or are the next
           of a list of authors (`_after_last`);
        2. the answer after a question whose cue names its author (`_answer_after`: « « … ? »
           demande Mme Guigou. « Parce que … » »), in a debate a citation read out over
           several paragraphs (`_next_paragraph`), a cue before the words saying the author
           before goes on (`_goes_on`: « Et d'ajouter : »);
        3. a cue inside the words or just before them that decides alone: a denial, an
           incise, a crowd chanting (`_within`);
        4. in a journalist's turn, the guest's own words cited (`_your_words_cited`);
        5. the cue right after the words, else right before them, and what decides when it
           names nobody (`_beside`): the guest's reply or words quoted earlier taken up
           (`_echo`, `_taken_up`), the colleague a debate's
           turn addresses, the debate's rules for words no cue gives (`_debate_uncued`),
           then what is left (`_uncued`): the turn's or the speech's speaker, the person in
           focus in a third-person account, or nobody.
        """
        turn, floor, paragraph, left_start = self._where(span)
        decided = (
            self._after_last(span, paragraph, floor)
            or self._answer_after(span, paragraph)
            or self._next_paragraph(span, paragraph, floor)
            or self._goes_on(span, left_start, floor)
            or self._within(span, left_start, floor)
            or (turn is not None and self._your_words_cited(span, turn, paragraph, floor))
        )
        return decided or self._beside(span, turn, floor, paragraph, left_start)

    def _where(self, span: Span) -> tuple[Turn | None, int, int, int]:
        """Return where the words stand: the turn holding them (None outside a transcript),
        where that turn's words start (`floor`: no cue is read before it), where their
        paragraph starts, and where the text that may hold their cue before them starts
        (`left_start`): their sentence's start, the sentence before when a paragraph ending
        on a colon introduces them, the end of the quotation before in the same sentence."""
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
            if self._same_sentence(self.last[0].close, span.open):
                left_start = max(left_start, self.last[0].close)
        return turn, floor, paragraph, left_start

    def _same_sentence(self, a: int, b: int) -> bool:
        """Tell whether two places of the text lie in the same sentence."""
        return bisect_right(self.boundaries, a) == bisect_right(self.boundaries, b)

    def _after_last(self, span: Span, paragraph: int, floor: int) -> Attribution | None:
        """Return the author of words following the last quotation in their paragraph: the
        next of a list of authors, or the last quotation's speaker when the gap between them
        joins them (a second clause of the same verb, a gerund, an aside between dashes, « et
        ajoute »), unless a cue right after the words names someone else; None otherwise."""
        if self.last is None or not (paragraph <= self.last[0].close <= span.open):
            return None
        previous, attribution = self.last
        gap = self.text[previous.close : span.open]
        if (listed := cues.NEXT_AUTHOR.fullmatch(gap)) is not None:
            # « Renan : « … » ; Rousseau : « … » »: each quotation of a list its author's
            found = self._author_at(previous.close + listed.start("who"), span.open)
            if found is not None and found.speaker and found.speaker not in self.participants:
                found.cue = listed.group("who")
                return found
        same_sentence = self._same_sentence(previous.close, span.open)
        if cues.SET_AGAINST.search(gap) is not None:
            # « … de « salles de consommation réduite » au lieu de « salles de shoot » »: words
            # set against the first ones are not their author's (left to the other cues)
            return None
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
        return None

    def _within(self, span: Span, left_start: int, floor: int) -> Attribution | None:
        """Return what a cue inside the words or just before them decides alone: a denial
        (nobody's words), an incise naming the author or a pronoun standing for them, a
        crowd's chant (no one's); None otherwise."""
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
        return None

    def _beside(
        self, span: Span, turn: Turn | None, floor: int, paragraph: int, left_start: int
    ) -> Attribution:
        """Return whose the words are by the cue right after them, else right before them
        (`_right`, `_left`), and what decides when that cue names nobody: in a transcript, the
        guest's reply taken up or announced; a text named, its author or nobody known (in a
        debate, the speaker's when it is the wording of his own proposal); in a debate, the
        rules for words no cue gives (`_debate_uncued`); else `_uncued`."""
        found = self._right(span, floor) or self._left(span, left_start, floor, turn)
        # a verb of speech whose subject is the speaker or a voice they lend words to (« j'ai
        # dit », « on dirait »), or a third party left unnamed: outside a debate, both the
        # turn's or speech's speaker, as when no cue is found
        lent = found is not None and found.strength == "lent"
        if found is not None and found.strength in ("lent", "unnamed"):
            found = None
        if found is None and turn is not None and (echo := self._echo(span, turn)) is not None:
            return echo
        if found is None and turn is not None and (taken := self._taken_up(span)) is not None:
            return taken
        if found is None and turn is not None and not self.context.debate:
            if (announced := self._announced(span, turn)) is not None:
                return announced
        if (
            found is not None
            and found.strength == "unknown"
            and self.context.debate
            and not (found.speaker or found.function)
            and cues.WRITTEN_THERE.fullmatch(found.cue or "")
        ):
            if self._self_quoted(span, left_start, floor):
                # « Dans ma profession de foi, …, il était écrit : », « mon intervention est
                # clairement indiquée : »: a text of the speaker's own, the speaker's words
                found, lent = None, True
            elif (work := self._work_read(span, floor, found.cue or "")) is not None:
                # « l'avis du Conseil d'État … ces extraits … ⏎⏎ Par exemple, voici ce qui est
                # écrit … : »: written in the work named just before, its author's
                return work
        if (
            found is not None
            and found.strength == "unknown"
            and found.cue == "texte"
            and self.context.debate
            and (
                cues.OWN_WORDING.search(self.text, self._sentence_start(span.open), span.open)
                or cues.AMENDMENT_WORDING.search(
                    self.text, self._sentence_start(span.open), span.open
                )
            )
        ):
            # « Je vous propose que les mots « en France » fassent partie des mots à supprimer
            # du premier alinéa de l'article 4 bis, qui serait donc ainsi rédigé : », « cet
            # amendement vient compléter l'article 346 du code civil … en prévoyant l'alinéa
            # suivant : »: the wording of the speaker's own proposal, a text named all the same
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
        if self.context.debate:
            decided = self._debate_uncued(span, turn, left_start, floor, found, lent)
            if decided is not None:
                return decided
        return self._uncued(span, turn, paragraph, found)

    def _uncued(
        self, span: Span, turn: Turn | None, paragraph: int, found: Attribution | None
    ) -> Attribution:
        """Return the author of words no cue gave to anyone: the turn's speaker (an unnamed
        journalist's for « Q - »), the speech's, the cue found naming nobody, the person in
        focus in a communiqué's or report's account, or nobody."""
        if turn is not None and (cited := self._interviewer_cites(span, turn)) is not None:
            return cited
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

    def record(self, span: Span, attribution: Attribution) -> None:
        """Remember the words' attribution for the quotations after them: the last one, the
        words no cue decided in a row (for `went_on`), who was quoted where (for the focus), and
        the words given to someone named or to a function (for `_taken_up`)."""
        self.last = (span, attribution)
        if attribution.strength in ("turn", "default", "none"):
            self.uncued.append(span)  # words no cue gave to anyone, in a row
        else:
            self.uncued = []
        if attribution.speaker:
            self.events.append((span.close, attribution.speaker, attribution.function))
        named = attribution.speaker or attribution.function
        if named and attribution.strength not in _BY_DEFAULT:
            self.cited.append((span, attribution))  # words a later one may take up
