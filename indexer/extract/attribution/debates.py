"""Debates' turns: a deputy quotes the law, a report, a colleague or an author far more often
than himself, so words no cue gives are nobody known unless the turn says whose they are —
read on from a text already quoted, named in the sentence or two after them (« Cette phrase
n'est pas de moi … Elle a été prononcée … par Damien Abad »), given back to the colleague
addressed (« Vous l'avez écrit ! »), going on over paragraphs or after « Et Mme Guigou de
poursuivre : » (`went_on`), the question of whoever puts it (« notre rapporteur Erwann Binet
posait … la question suivante : »); and the speaker's own words quoted back (« les derniers mots
de mon intervention », the wording of the amendment he presents, a discourse he sums up)."""

from __future__ import annotations

import re
from bisect import bisect_right

from indexer.extract import speech_cues as cues
from indexer.extract.attribution.context import Attribution, Reading
from indexer.extract.attribution.focus import CALLED_ON
from indexer.extract.names import canonical_name, name_key
from indexer.extract.quote_spans import _ANY_MARK, Span, _word_count
from indexer.extract.turns import Turn, turn_at


class Debates(Reading):
    """Debates' turns and words going on (a part of the `Attributor`)."""

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

    def _debate_uncued(
        self,
        span: Span,
        turn: Turn | None,
        left_start: int,
        floor: int,
        found: Attribution | None,
        lent: bool,
    ) -> Attribution | None:
        """In a debate, whose the words are when no cue beside them named anyone (`found`: no
        cue, or one naming nobody; `lent`: words the speaker lends or quotes from a text of
        their own): the person a sentence before names speaking, the author a colon or a
        text read introduces, someone named after the words; in a turn or a speech, the
        author a verb names without any mention, the colleague addressed, the text being read
        on, else nobody known. None when the speaker lends the words (the turn's or speech's
        speaker, as outside a debate)."""
        left_text = self.text[left_start : span.open]
        if not lent and self._self_quoted(span, left_start, floor):
            lent = True  # « lisez bien les derniers mots de mon intervention : « … » »
        if not lent and found is None and not left_text.strip(" ,:"):
            # « Je pense au pédopsychiatre Pierre Levy-Soussan qui a souligné qu'il fallait …
            # . « On a besoin d'un père et d'une mère … » »: words standing alone after a
            # sentence that names someone speaking are that person's
            if (before := self._previous_sentence(span, left_start, floor)) is not None:
                return before
        if not lent and found is None:
            if (named := self._colon_author(span, left_start)) is not None:
                return named
            if (put := self._question_put(span, left_start)) is not None:
                if put.strength != "lent":
                    return put
                lent = True  # « J'ai posé la question : »: the speaker's own question
            if (read := self._read_before(span, left_text, left_start, floor)) is not None:
                return read
            if (named := self._named_after(span, left_text, turn)) is not None:
                return named
        if not lent and (turn is not None or self.context.default):
            # A debate turn quotes the law, a bill, a report, a colleague, an author, a crowd far
            # more often than it quotes its own speaker: words no cue gives to anyone, and no
            # first person or imagined voice lends, are nobody known (« auteur non identifié »),
            # not the deputy holding the floor (kept weak: the speech test is unchanged) —
            # unless the person in focus is one the turn has already quoted: then the speaker
            # is reading that person's text on (« … fonde la parenté », poursuit-elle. … « Si
            # l'enfant est né d'un père identifié … » is Aude Mirkovic's again)
            if (named := self._unread_subject(span, left_start)) is not None:
                return named
            if (named := self._colon_subject(span, left_start)) is not None:
                return named
            if (named := self._colon_mention(span, left_start, turn)) is not None:
                return named
            if (called := self._addressed(span, left_start, floor)) is not None:
                return called
            if (reading := self._reading_on(span, floor)) is not None:
                return reading
            if self._imagined(span, floor):
                return None  # the turn's or speech's speaker, who imagines them (rule 4)
            return Attribution(None, None, "débat, sans indice", "turn" if turn else "default")
        return None

    def _imagined(self, span: Span, floor: int) -> bool:
        """Tell whether words no cue gives are words the speaker imagines, a verb in the future
        or the conditional saying so (CONVENTIONS rule 4): in the incise right after them
        (« « Pourquoi alors ne pas créer une alliance civile … ? », me demanderont mes collègues
        UMP. « Justement au nom du même principe d'égalité ! », leur répondrai-je. ») or, for a
        question, in the clause bringing it in (« La question aurait pu être : « Êtes-vous
        favorables au mariage des couples de même sexe ? » », the clause of the questions
        coordinated before it too: « deux questions que poseront inévitablement les enfants :
        « D'où je viens ? » et « … ? » »). Only a question: a text read
        out is brought in by a conditional of politeness too (« je voudrais vous lire ce SMS : »,
        « Je terminerai en lisant cette phrase : »), and is seldom a question."""
        if cues.IMAGINED_INCISE.match(self.text, span.close):
            return True
        if not self.text[span.open : span.close].rstrip(" .…»\u00a0\u202f").endswith("?"):
            return False
        before = self.text[max(floor, self._sentence_start(span.open)) : span.open]
        if (joined := cues.COORDINATED_BEFORE.search(before)) is not None:
            before = before[: joined.start()]  # « … : « D'où je viens ? » et « … ? » »
        clause = before[max(before.rfind(c) for c in ",;–—(»") + 1 :]
        return cues.IMAGINING_CLAUSE.search(clause) is not None

    def _question_put(self, span: Span, left_start: int) -> Attribution | None:
        """Return whose question the words are when their sentence puts or relays it, a colon
        opening it (« notre rapporteur Erwann Binet posait aux parlementaires … la question
        suivante : », « L'hebdomadaire La Vie relayait cette question : »): the person or body
        heading the verb, the newspaper named by its kind; the speaker's own (« lent ») after
        « je » or « nous » (« J'ai posé la question : »); None when no one named heads it
        (« On pose à M. Milon … la question suivante : », « il m'a posé la question »)."""
        put = cues.QUESTION_PUT.search(self.text, left_start, span.open)
        if put is None:
            return None
        verb_at = put.start("verb")
        cue = " ".join(self.text[verb_at : put.end()].strip(" :").split())
        cue = cue if len(cue) <= 40 else f"{put.group('verb')} … question"
        if cues.I_PUT.search(self.text, left_start, verb_at):
            return Attribution(None, None, cue, "lent")
        heads = [m for m in self._mentions_in(left_start, verb_at) if m.name or m.function]
        if heads and cues.PUT_BY.fullmatch(self.text, heads[-1].end, verb_at):
            if heads[-1].name is None or heads[-1].name in self.participants:
                return None  # a function no name goes with, or a colleague of the debate
            attribution = self._who(heads[-1])
            attribution.cue = cue
            return attribution
        presses = list(cues.PRESS_TITLE.finditer(self.text, left_start, verb_at))
        if presses and cues.PUT_BY.fullmatch(self.text, presses[-1].end(), verb_at):
            return Attribution(presses[-1].group("title"), None, cue, "explicit")
        return None

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
        dans mon intervention ? », « je propose d'insérer … un alinéa ainsi rédigé : »), the
        wording of the amendment he presents (« L'amendement propose de préciser que : », « Il
        s'agit d'un amendement de précision … : »), or
        that they are a message his side or his opponents send (« ce mot d'ordre très fort,
        que nous adressons à toute la société : »), an answer the person addressed did not
        give (« pourquoi ne répondez-vous pas simplement : ») or a discourse he sums up, no
        text nor anyone named in the sentence (« Le discours de la gauche, c'est : »), or a
        thought or a question he says others have in mind, no one named in the sentence
        (« Beaucoup de Français … doivent se demander : »)."""
        start = left_start
        if not self.text[left_start : span.open].strip(' \t«"“'):
            # nothing before the words in their sentence: the sentence before (a question)
            start = max(floor, self._sentence_start(max(floor, left_start - 1)))
        return (
            cues.SELF_QUOTE.search(self.text, start, span.open) is not None
            or cues.AMENDMENT_WORDING.search(self.text, start, span.open) is not None
            or (
                (own := cues.OWN_AMENDMENT.search(self.text, start, span.open)) is not None
                and cues.A_TEXT.search(self.text, own.start(), span.open) is None
            )
            or cues.MESSAGE_SENT.search(self.text, start, span.open) is not None
            or cues.NOT_ANSWERED.search(self.text, start, span.open) is not None
            or (
                cues.SUMMED_UP.search(self.text, start, span.open) is not None
                and cues.A_TEXT.search(self.text, start, span.open) is None
                and cues.SOME_TEXT.search(self.text, start, span.open) is None
                and not any(m.name for m in self._mentions_in(start, span.open))
            )
            or (
                cues.INNER_WORDS.search(self.text, start, span.open) is not None
                and not any(m.name for m in self._mentions_in(start, span.open))
            )
        )

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

    def _colon_sentence(self, span: Span, left_start: int) -> int | None:
        """Return where the sentence bringing in `span` with a colon right before it starts,
        for `_colon_subject` and `_colon_mention`; None when it opens before the turn, reads
        on after another colon, or names a text (« l'article 477 … commence ainsi : »)."""
        start = self._sentence_start(max(0, len(self.text[: span.open].rstrip()) - 1))
        if start < left_start or self.text[start : span.open].count(":") != 1:
            return None
        if cues.A_TEXT.search(self.text, start, span.open) is not None:
            return None
        return start

    def _colon_subject(self, span: Span, left_start: int) -> Attribution | None:
        """Return the proper name heading the sentence that brings in `span` with a colon right
        before it, whatever its verb, when no mention holds that name (« Goodyear se plaît à
        rappeler sur son site internet les valeurs du groupe : », « Le même Soros avait eu
        cette terrible phrase en 2002 : », « Le Wall Street Journal titrait, … : »): a
        surname, a company, a newspaper the name lists do not know (CONVENTIONS rules 1 and
        6); not a function, the house, a State or a text (`NOT_COLON_SUBJECT`), not a word
        written in small letters elsewhere in the text, nor a participant; None otherwise."""
        if (start := self._colon_sentence(span, left_start)) is None:
            return None
        found = cues.COLON_SUBJECT.match(self.text, start, span.open)
        if found is None:
            return None
        name, at = found.group("name"), found.start("name")
        words = name.split()
        if words[0].casefold() in cues.NOT_UNREAD or any(
            w.casefold() in cues.NOT_COLON_SUBJECT for w in words
        ):
            return None
        if any(
            m.start < at + len(name) and at < m.end for m in self._mentions_in(start, span.open)
        ):
            return None  # a name the mentions hold: the rules for them have had their say
        if re.search(rf"(?<![\w'’-]){re.escape(words[0].lower())}(?![\w'’-])", self.text):
            return None  # « Chacun », « Beaucoup »: a word written in small letters too
        if not found.group("article") and not re.search(
            rf"[a-zà-ÿ,]\s+{re.escape(words[0])}(?![\w'’-])", self.text
        ):
            return None  # « Écoutez », « Viennent »: no name the text writes inside a sentence
        if name in self.participants or name == self.context.default:
            return None
        return Attribution(
            name, None, " ".join(self.text[at : found.end("verb")].split()), "explicit"
        )

    def _colon_mention(self, span: Span, left_start: int, turn: Turn | None) -> Attribution | None:
        """Return the person heading the sentence that brings in `span` with a colon right
        before it, whatever its verb, when the mentions hold that person (« Le philosophe
        allemand Hans Jonas, critique des éthiques tant du bien que des devoirs, formulait
        ainsi un nouvel impératif catégorique : »): a trade or a nationality before the name,
        an apposition after it; not someone called (« Madame Orphé, ce n'est pas nous … »), a
        participant of the debate, the turn's speaker, nor a sentence naming a text
        (`_colon_subject` reads the names the mentions do not hold)."""
        if (start := self._colon_sentence(span, left_start)) is None:
            return None
        mentions = self._mentions_in(start, span.open)
        if not mentions:
            return None
        head = mentions[0]
        if (
            not head.name
            or not cues.COLON_MENTION_BEFORE.fullmatch(self.text, start, head.start)
            or not cues.COLON_MENTION_AFTER.fullmatch(self.text, head.end, span.open)
            or CALLED_ON.match(self.text, head.start)
            or head.name in self.participants
            or (turn is not None and head.name == turn.name)
            or head.name == self.context.default
        ):
            return None
        found = self._who(head)
        verb = cues.COLON_MENTION_AFTER.match(self.text, head.end, span.open)
        found.cue = verb.group("verb") if verb else None
        return found

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
        if (again := self._work_cited_again(span, floor, quoted)) is not None:
            return again
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

    def _work_cited_again(self, span: Span, floor: int, quoted: set[str]) -> Attribution | None:
        """Return the author of a work cited again by its noun alone (« L'avis du Conseil d'État
        … On y lit que … : « … » ⏎⏎ L'hebdomadaire La Vie relayait cette question : « … » … Et
        l'hebdomadaire de citer l'avis : « … » »): the person or body named right after the same
        noun earlier in the turn, whose words the turn has quoted (not the newspaper quoted
        last, which cites them)."""
        start = max(self._sentence_start(span.open), floor)
        cited = cues.WORK_CITED_AGAIN.search(self.text, start, span.open)
        if cited is None:
            return None
        noun = cited.group("noun")
        named = re.compile(
            rf"(?<![\w-]){noun}s?\s+(?:du\s+|de\s+la\s+|de\s+l['’]\s*|des\s+|de\s+|d['’]\s*)",
            re.IGNORECASE,
        )
        for work in reversed(list(named.finditer(self.text, floor, cited.start()))):
            author = next(
                (m for m in self._mentions_in(work.end(), span.open) if m.start == work.end()), None
            )
            if author is not None and author.name in quoted:
                attribution = self._who(author)
                attribution.cue = "lecture poursuivie"
                return attribution
        return None

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

    def _goes_on(self, span: Span, left_start: int, floor: int) -> Attribution | None:
        """Return the author of the quotation before, in the same turn, when a cue before the
        words says that author goes on (« Et d'ajouter : », « Elle poursuit : ») and nobody else
        is named in between, or that the speaker goes on reading their text (« Je poursuis ma
        citation : »: the author of the quotation before, else, with none before in the turn,
        the person heading the sentence before, who began it in reported speech); None
        otherwise."""
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
            self.context.debate
            and (self.last is None or self.last[0].close < floor)
            and (
                go_on := cues.GO_ON_QUOTING.search(
                    self.text, max(left_start, span.open - 80), span.open
                )
            )
        ):
            # « Le 11 novembre 2012, M. Poignant se demandait donc si ce projet consistait à
            # ouvrir un nouveau contrat … – la réponse était non. Je poursuis ma citation :
            # « … » »: no quotation before in the turn, the citation begun in the sentence
            # before, in reported speech, is the person heading it
            sentence = self._sentence_start(max(floor, go_on.start()))
            before = self._sentence_start(max(floor, sentence - 1))
            heads = [
                m
                for m in self._mentions_in(before, sentence)
                if m.name and m.subject and not m.body and m.name not in self.participants
            ]
            if before < sentence and heads:
                attribution = self._who(heads[0])
                attribution.cue = " ".join(go_on.group().strip(" :").split())
                attribution.strength = "continuation"
                return attribution
        return None
