"""The cue beside the words: right after them (`_right`: « « … », a-t-il ajouté », « « … »,
c'est ce qu'a dit Jean Castex », « — Julien Marchetti ») or before them in their sentence
(`_left`: a source, « ces propos », a question naming someone, an author cited or read, a
text, a recording played, then a verb of speech, whose subject `speech_verbs` finds)."""

from __future__ import annotations

import re

from indexer.extract import speech_cues as cues
from indexer.extract.attribution.context import Attribution, Reading
from indexer.extract.attribution.focus import DESCRIBED_OPENING
from indexer.extract.mentions import Mention
from indexer.extract.names import canonical_name
from indexer.extract.quote_spans import Span, _word_count
from indexer.extract.turns import Turn, turn_at

# Words given as an author's and shared (« nous considérons, comme Irène Théry, que « … » »,
# « À l'instar de la philosophe Sylviane Agacinski nous pensons que « … » »): « comme » or
# « à l'instar de » and a name, then « que » right before the words, a verb in the first
# person between them or before.
LIKE_AUTHOR = re.compile(
    r"(?<![\w'’-])(?:[Cc]omme|[àÀ]\s+l['’]instar\s+(?:de\s+|du\s+|d['’]\s*))"
    r"(?P<who>[^,;:.!?«»()\n]{2,80}?)\s*,?\s*(?:(?:nous|je|j['’]|on)\s*[\w-]+\s+"
    r"(?:(?:aussi|également|bien|donc|en\s+effet)\s+)?)?(?:que\s+|qu['’]\s*)$"
)
# « « La parole commence à se libérer », avez-vous dit »: « vous » inverted after the words,
# the person addressed (as « vous avez dit : » before them).
RIGHT_YOU = re.compile(
    r"^[\s,;:–—-]*(?:(?:nous|me|m['’])\s*)?(?:(?:avez|aviez)-vous\s+(?:dit|déclaré|écrit"
    r"|affirmé|expliqué|ajouté|lancé|répondu|rappelé|indiqué|souligné|précisé)"
    r"|(?:dites|disiez|écrivez|écriviez|déclarez|affirmez|ajoutez)-vous)\b",
    re.IGNORECASE,
)


class CueWords(Reading):
    """The cues right after and right before the words (a part of the `Attributor`)."""

    def _right(self, span: Span, floor: int) -> Attribution | None:
        """Return whose the words are by the cue right after them, in their paragraph, the
        cues tried in this order: an inverted verb (« », a-t-il ajouté »: the pronoun's person)
        or the guest's own words given back (`_right_inverted`), a text, a source or an author
        named (« selon X », « c'est ce qu'a dit X »: `_right_source`), a verb then a name
        (« » déclare Antoine Deltour »: `_right_verb`), « selon lui », « d'Emmanuel Macron »
        (`_right_selon_or_of`), an interview's parenthesis, a signature below
        (`_right_below`)."""
        stop = min(self._paragraph_end(span.close), span.close + 160)
        right = self.text[span.close : stop]
        return (
            self._right_inverted(span, right, floor)
            or self._right_source(span, right, stop)
            or self._right_verb(span, right)
            or self._right_selon_or_of(span, right, floor)
            or self._right_below(span, right)
        )

    def _right_inverted(self, span: Span, right: str, floor: int) -> Attribution | None:
        """An inverted verb right after the words (« a-t-il ajouté »: the person the pronoun
        stands for), « avez-vous dit » in a speech or a debate turn (the person called), or an
        interviewer's « c'est ce que vous avez déclaré » (the guest)."""
        if (m := cues.RIGHT_INVERTED.match(right)) is not None:
            cue = m.group().strip(" ,;:–—-")
            return self._pronoun(span.close, cue, floor)
        if (m := RIGHT_YOU.match(right)) is not None and self.context.default:
            # a speech or a debate turn: the person the paragraph calls (« vos propos, monsieur
            # Mariton, … « … », avez-vous dit »), else someone addressed nobody names
            cue = m.group().strip(" ,;:–—-")
            if (called := self._vocative(span.close)) is not None:
                attribution = self._who(called)
                attribution.cue = cue
                return attribution
            if (name := self._called_before(span)) is not None:
                return Attribution(name, self.context.functions.get(name), cue, "explicit")
            return Attribution(None, None, cue, "unknown")
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
        return None

    def _right_source(self, span: Span, right: str, stop: int) -> Attribution | None:
        """A text named after the words (nobody known), or a source or an author (« selon
        X », « c'est ce qu'a dit X », « voilà les propos de X », « comme dit le proverbe »,
        « la formule « … » est de X »)."""
        if (m := cues.RIGHT_TEXT.match(right)) is not None:
            return Attribution(None, m.group("text"), m.group().strip(" ,;:"), "unknown")
        if (m := cues.RIGHT_BARE_IS_OF.match(right)) is not None and cues.WORDS_NOUN_BEFORE.search(
            self.text, max(0, span.open - 20), span.open
        ):
            # « La formule « … » est de Talleyrand et non de Charles de Gaulle »
            found = self._author_at(span.close + m.end(), stop)
            if found is not None and found.speaker:
                found.cue = " ".join(right[: m.end()].split())
                return found
        for pattern in (cues.RIGHT_SOURCE, cues.RIGHT_THAT, cues.RIGHT_IS_OF, cues.RIGHT_AUTHOR):
            if (m := pattern.match(right)) is not None:
                found = self._author_at(span.close + m.end(), stop)
                if found is not None:
                    found.cue = right[: m.end()].strip(" ,;:–—-")
                    return found
                if pattern in (cues.RIGHT_SOURCE, cues.RIGHT_AUTHOR) and (
                    function := cues.RIGHT_FUNCTION.match(self.text, span.close + m.end(), stop)
                ):
                    # « « casser les déterminismes », pour reprendre les termes de Mme la garde
                    # des Sceaux », « comme l'a dit magnifiquement tout à l'heure Mme la garde des
                    # Sceaux »: a function no name goes with (no mention reads it), said all the
                    # same (CONVENTIONS rule 2: nobody named, the function)
                    cue = " ".join(right[: m.end()].strip(" ,;:–—-").split())
                    return Attribution(None, function.group("fn"), cue, "unknown")
                if pattern is cues.RIGHT_AUTHOR and (
                    taken := self._taken_from(span.close + m.end(), stop)
                ):
                    # « », pour reprendre une expression que Mme Dumont … avait utilisée », « les
                    # propos tenus en commission … par notre collègue Barbara Pompili »
                    taken.cue = right[: m.end()].strip(" ,;:–—-")
                    return taken
                if pattern is cues.RIGHT_AUTHOR:  # « …, comme dit le proverbe »: nobody named
                    return Attribution(None, None, m.group().strip(" ,;:–—-"), "unknown")
        return None

    def _right_verb(self, span: Span, right: str) -> Attribution | None:
        """A verb then a name (« déclare Antoine Deltour », « a dit le maire de Nice X »), a
        function nobody is named for (the person just quoted when it describes them: « »,
        conclut le magistrat »), a name no mention holds (« écrivait Rostand »)."""
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
                    # « « … », conclut le magistrat », « « … », estime l'ancienne ministre »:
                    # the description may stand for the person just quoted
                    described = self._just_quoted(span, at, unnamed)
                    return described or Attribution(
                        None, unnamed.function, m.group("verb"), "explicit"
                    )
            if (named := self._name_after(self._past_title(at))) is not None:
                # « écrivait Rostand », « a dit le général de Gaulle »
                return Attribution(named, None, m.group("verb"), "explicit")
        return None

    def _just_quoted(self, span: Span, at: int, described: Mention) -> Attribution | None:
        """Return the person the quotation right before was given to, when a description
        after the words' verb (`described`, at `at`: « conclut le magistrat », « estime
        l'ancienne ministre ») stands for them: that quotation in the same paragraph or the
        one before (« Je veux parler de Georgina Dufoix, qui déclare : « … » ⏎⏎ « … », estime
        l'ancienne ministre »), a person named by a cue, nobody else named between, not one
        a civility gives the other gender than the description's article."""
        if self.last is None:
            return None
        previous, attribution = self.last
        paragraph = self._paragraph_start(span.open)
        before = self._paragraph_start(paragraph - 1) if paragraph > 0 else 0
        if (
            not attribution.speaker
            or attribution.strength not in ("explicit", "pronoun", "continuation", "subject")
            or attribution.speaker in self.participants
            or previous.close < before
            or any(m.name for m in self._mentions_in(previous.close, span.open))
        ):
            return None
        article = self.text[at : described.start + 4].lower()
        gender = "f" if re.match(r"\s*(?:la\s|l['’]\s*ancienne\s)", article) else None
        gender = "m" if re.match(r"\s*(?:le\s|l['’]\s*ancien\s)", article) else gender
        if self._other_gender(attribution.speaker, gender):
            return None
        cue = " ".join(self.text[span.close : described.end].strip(" ,;:–—-").split())
        return Attribution(attribution.speaker, attribution.function, cue, "explicit")

    def _called_before(self, span: Span) -> str | None:
        """Return the colleague the paragraph calls by name before the words (« Mon
        intervention porte sur vos propos, monsieur Mariton, qui sont très graves. « … »,
        avez-vous dit »): the last one called, not one taking part."""
        start = self._paragraph_start(span.open)
        called = list(cues.VOCATIVE_NAME.finditer(self.text, start, span.open))
        if not called:
            return None
        who = canonical_name(called[-1].group("who"))
        return who if who and who not in self.participants else None

    def _past_title(self, position: int) -> int:
        """Return where the name starts after a title at `position` (« le général de Gaulle »,
        « le poète Aragon »): after the title, not after an article alone (« le Premier
        ministre » names no one « Premier »)."""
        title = cues.AUTHOR_TITLE.match(self.text, position)
        words = title.group().split() if title else []
        if words and words[-1].casefold() not in ("le", "la", "l'", "l’"):
            return title.end()
        return position

    def _right_selon_or_of(self, span: Span, right: str, floor: int) -> Attribution | None:
        """« selon lui » (the pronoun's person), « selon X », or « le « quoi qu'il en coûte »
        d'Emmanuel Macron » after a determiner."""
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
        return None

    def _right_below(self, span: Span, right: str) -> Attribution | None:
        """The person an interview's parenthesis names, or a signature below the words'
        paragraph (« — Julien Marchetti »)."""
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

    def _left(
        self, span: Span, left_start: int, floor: int, turn: Turn | None
    ) -> Attribution | None:
        """Return whose the words are by the cue before them in their sentence, the cues
        tried in this order: a source (`_cue_source`), words named with their author
        (`_words_of`), « ces propos » (`_those_words`), a question naming someone (`_asked`),
        an author cited or read (`_author_cited`), a text (`_text_cue`), a recording played
        (`_clip`), the turn's or speech's own cues (`_speakers_cue`), then a verb of speech
        (`_verb_subject`), else the subject or the pronoun heading the sentence (`_heading`)."""
        left = self.text[left_start : span.open]
        found = (
            self._cue_source(span, left_start, floor)
            or self._words_of(span, left_start)
            or self._those_words(span, left, floor)
            or self._asked(span, left, floor)
            or self._author_cited(span, left, left_start, floor)
            or self._text_cue(span, left, left_start, floor)
            or self._clip(span, left, left_start, floor)
            or self._speakers_cue(span, left, left_start, floor, turn)
        )
        if found is not None:
            return found
        verb = self._speech_verb(left, left_start, span)
        if verb is not None:
            return self._verb_subject(span, left_start, floor, turn, verb)
        return self._heading(span, left_start, floor)

    def _those_words(self, span: Span, left: str, floor: int) -> Attribution | None:
        """« ces propos, « … » »: the words of the last person named before, nobody known
        for « le propos suivant »."""
        if cues.THOSE_WORDS.search(left):
            named = [m for m in self._mentions_in(floor, span.open) if m.name or m.function]
            named = [m for m in named if m.name not in self.participants]
            cue = cues.THOSE_WORDS.search(left).group().strip(" ,:")
            if named:
                attribution = self._who(named[-1])
                attribution.cue = cue
                return attribution
            if "suivant" in cue:  # « l'un des députés uruguayens tient le propos suivant : »
                return Attribution(None, None, cue, "unknown")
        return None

    def _asked(self, span: Span, left: str, floor: int) -> Attribution | None:
        """Words right after a question, nothing before them in their sentence: the person
        the question names (« Que dit M. Chevènement ? »), or a pronoun stands for."""
        if left.strip():
            return None
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
        return None

    def _author_cited(
        self, span: Span, left: str, left_start: int, floor: int
    ) -> Attribution | None:
        """An author cited (« je citerai Montesquieu : »), whose words one shares (« comme Irène
        Théry, que »), one is told to read (« relisez donc Talleyrand : »), or, in a debate,
        whose text a passage is read from (« je vous en livre quelques extraits : »)."""
        if (cited := cues.CITED_AUTHOR.search(left)) is not None:
            # « puis-je rappeler Renan : « … » », « je citerai Montesquieu : « … » »
            found = self._author_at(left_start + cited.start("who"), span.open)
            if found is not None and found.speaker and found.speaker not in self.participants:
                if found.speaker.casefold() not in cues.NOT_LONE_NAMES:
                    found.cue = " ".join(cited.group().strip(" :").split())
                    return found
        if (like := LIKE_AUTHOR.search(left)) is not None:
            # « nous considérons, comme Irène Théry, que « … » »: the person named last in
            # the comparison, its last words, whose words the speaker shares
            named = self._mentions_in(left_start + like.start("who"), left_start + like.end("who"))
            if named and named[-1].end == left_start + like.end("who"):
                m = named[-1]
                if m.name and not m.body and not m.anaphor and m.name not in self.participants:
                    attribution = self._who(m)
                    attribution.cue = " ".join(left[like.start() : like.start("who")].split())
                    return attribution
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
        return None

    def _text_cue(self, span: Span, left: str, left_start: int, floor: int) -> Attribution | None:
        """A text before the words: one named (« ce texte »), a work read here, a text read
        out and its author named after it, a law's article or a text's rules (nobody
        known)."""
        if (this := cues.THIS_TEXT.match(left)) is not None and (
            found := self._this_text(this.group("noun"), left_start, floor, this.group("det"))
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
        text_source = cues.TEXT_SOURCE.search(left)
        if text_source is not None and (
            found := self._proposer(left_start, left_start + text_source.start())
        ):
            return found  # « Le groupe UMP souhaite compléter cet alinéa par les mots : »
        if (
            text_source is not None
            and not self._text_aside(left_start, left_start + text_source.start())
            and not self._speaks_of_text(left_start, left_start + text_source.start())
        ):
            # « l'article L. 211-1 parle de « … » »: a text's words, no person's
            function = re.match(
                r"[^,;:]+?(?=\s+(?:parle|prévoit|dispose|stipule|dit|précise"
                r"|indique|énonce|serait|sera|est)\b|\s*,?\s*qui\b|$)",
                text_source.group(),
            )
            return Attribution(None, function.group() if function else None, "texte", "unknown")
        if (rules := cues.TEXT_RULES.search(left)) is not None and not any(
            m.name for m in self._mentions_in(left_start + rules.end("verb"), span.open)
        ):
            return Attribution(None, None, "texte", "unknown")
        return None

    def _clip(self, span: Span, left: str, left_start: int, floor: int) -> Attribution | None:
        """A recording played (« On va écouter le député … Guillaume Larrivé … : »): the
        person heard, or the one a pronoun stands for."""
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
        return None

    def _speakers_cue(
        self, span: Span, left: str, left_start: int, floor: int, turn: Turn | None
    ) -> Attribution | None:
        """The cues that read the turn or the speech: an interviewer's words after a sentence
        naming someone speaking, a term the speaker coined (« ce que j'ai appelé »), the
        speaker's own reformulation of someone's words (« lent »: the speaker's, as when no cue
        is found)."""
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
        return None

    def _heading(self, span: Span, left_start: int, floor: int) -> Attribution | None:
        """With no verb of speech: the person heading the sentence, else, in a debate, the one
        a description opening it stands for (« La philosophe évoque »), else the pronoun
        opening it."""
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
            # the subject nearest the words, not the one opening a long sentence: « le projet
            # de loi élaboré par la garde des Sceaux, Christiane Taubira, est un très beau
            # texte …, un texte qui … aurait peut-être évité qu'Oscar Wilde, écrivain
            # homosexuel persécuté, ne ressente le besoin d'écrire ces mots … : « … » » are
            # Oscar Wilde's, not the minister's
            head = heads[-1]
            if self._joint(head, span.open):
                return Attribution(None, None, "sujet", "unknown")
            attribution = self._who(head)
            attribution.strength = "subject"
            attribution.cue = "sujet"
            return attribution
        described = DESCRIBED_OPENING.match(self.text, left_start, span.open)
        if (
            described is not None
            and self.context.debate
            and not self._mentions_in(described.start(), span.open)
            and (who := self._described(described, floor)) is not None
        ):
            # « … une tribune … de Sylviane Agacinsky, une philosophe que vous connaissez. ⏎⏎
            # … notamment de Mme Taubira. La philosophe évoque notamment « … » »: the person
            # the description heading the sentence stands for
            function = who[1] or self.context.functions.get(who[0])
            return Attribution(who[0], function, "sujet", "subject")
        start_words = self.text[left_start : span.open]
        p = cues.SUBJECT_PRONOUN.search(start_words[:40])
        if p and p.group(1).lower() in ("il", "elle", "ils", "elles"):
            return self._pronoun(left_start + p.start(), p.group(1).lower(), floor)
        return None
