"""The `Attributor`: `attribute` tries the rules on one quotation in order — the words going
on from the quotation before, the cues right after and right before them (`cue_words`), the
turn's own cues (`interviews`, `debates`) — and decides what is left: the turn's or the
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
from indexer.extract.turns import turn_at

_NONE = Attribution(None, None, None, "none")


class Attributor(Debates, Citations, Interviews, SpeechVerbs, CueWords, Authors, Focus):
    """Walks a text's quotations in order, keeping track of who is in focus."""

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
        if (found := self._goes_on(span, left_start, floor)) is not None:
            return found
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

    def record(self, span: Span, attribution: Attribution) -> None:
        """Remember the words' attribution for the quotations after them: the last one, the
        words no cue decided in a row (for `went_on`), and who was quoted where (for the focus)."""
        self.last = (span, attribution)
        if attribution.strength in ("turn", "default", "none"):
            self.uncued.append(span)  # words no cue gave to anyone, in a row
        else:
            self.uncued = []
        if attribution.speaker:
            self.events.append((span.close, attribution.speaker, attribution.function))
