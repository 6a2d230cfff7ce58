"""A verb of speech before the words and its subject: the verb itself (its auxiliary, or a
name-calling « traiter de »), then who heads it — a passive or an impersonal names nobody,
words lent or imagined (« ça ne consiste pas à dire : ») are the speaker's, « vous » is the
person addressed, else the name, function, pronoun or body heading the clause."""

from __future__ import annotations

import re

from indexer.extract import speech_cues as cues
from indexer.extract.attribution.context import Attribution, Reading
from indexer.extract.attribution.focus import DESCRIBED_BEFORE
from indexer.extract.names import canonical_name
from indexer.extract.quote_spans import Span
from indexer.extract.turns import Turn


class SpeechVerbs(Reading):
    """Verbs of speech and their subjects (a part of the `Attributor`)."""

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

    def _verb_subject(
        self,
        span: Span,
        left_start: int,
        floor: int,
        turn: Turn | None,
        verb: tuple[int, int, str],
    ) -> Attribution | None:
        """Return who says the words after the verb of speech `verb` (its cue's start, its end,
        the cue), found before them by `_speech_verb`: strength « lent » or « unnamed » when the
        speaker lends them or a third party stays unnamed (`attribute` decides then)."""
        cue_start, _, cue = verb
        near = self.text[max(left_start, cue_start - 30) : cue_start]
        found = (
            self._lent_or_nobody(span, left_start, turn, verb, near)
            or self._verb_pronoun_or_you(span, left_start, floor, turn, verb, near)
            or self._verb_head(span, left_start, floor, verb, near)
        )
        if found is not None and found.strength == "lent" and self._reads_article(cue_start, floor):
            return Attribution(None, None, cue, "unnamed")
        if found is not None:
            return found
        collective = cues.COLLECTIVE.search(self.text, max(left_start, cue_start - 160), cue_start)
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
            lent = not self._reads_article(cue_start, floor) and (
                (cues.LENDING_SUBJECT.search(clause) and not reading)
                or cues.IMAGINED.search(cue)
                # « il faudra bien que ces femmes … disent : », « Quand elles vont venir
                # devant vous en disant : »: a clause in the future, words imagined
                or cues.FUTURE_CLAUSE.search(self.text, self._sentence_start(cue_start), cue_start)
            )
            return Attribution(None, None, cue, "lent" if lent else "unnamed")
        clause = self.text[left_start:cue_start]
        if cues.GENERIC.search(clause[-40:]) or cues.FIRST_PERSON.search(clause):
            return Attribution(None, None, cue, "explicit")
        return self._pronoun(cue_start, cue, floor)  # "malgré avoir concédé « … »"

    def _reads_article(self, cue_start: int, floor: int) -> bool:
        """Tell whether the speaker reads an article aloud in the sentence of the verb of
        speech or the one before (« Je lis donc l'article et je me dis que cela ne marche
        pas ! Je ne pourrai pas dire … que « … » », « lorsque nous lirons l'article 371-1 du
        code civil … et que nous dirons à deux hommes : »): the words he says then are the
        article's, not words he lends (CONVENTIONS rule 8)."""
        before = self._sentence_start(max(floor, self._sentence_start(cue_start) - 1))
        return cues.ARTICLE_READ.search(self.text, max(floor, before), cue_start) is not None

    def _lent_or_nobody(
        self, span: Span, left_start: int, turn: Turn | None, verb: tuple[int, int, str], near: str
    ) -> Attribution | None:
        """Return nobody known for a verb of speech without an agent (« Il nous a été dit »,
        « est qualifiée de « … » »), the colleague « qui vous a amené à dire » follows, or words
        lent (« lent »: the speaker's own, `attribute` decides) when the speaker puts them
        forward or imagines them (« ça ne consiste pas à dire : », « peut dire », « viendront
        me dire : », « des concitoyens qui lui disaient : »); None when someone says them.
        `near`: the 30 characters before the cue."""
        cue_start, verb_end, cue = verb
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
            and cues.LENT_INFINITIVE.search(self.text, max(left_start, cue_start - 80), verb_end)
            and not re.match(r"\s*qu(?:e\s|['’])", self.text[verb_end : span.open])
        ):  # (« amènera l'officier d'état civil à dire que « … » »: the law he reads)
            # « Faire la loi, ça ne consiste pas à dire : « on verra » »: the speaker's
            return Attribution(None, None, cue, "lent")
        if (turn is not None or self.context.default) and cues.GROUP_WHO_SAYS.search(
            self.text, max(left_start, cue_start - 120), cue_start
        ):
            # « Je me demande si un seul d'entre nous a rencontré … des concitoyens qui lui
            # disaient : », « il y a beaucoup de gens qui disent : »: a group the speaker makes
            # up or sums up, his words (CONVENTIONS rule 4), « lui » no subject
            return Attribution(None, None, cue, "lent")
        if (turn is not None or self.context.default) and cues.MODAL.search(near):
            # « c'est le seul sujet sur lequel Boris Johnson peut dire “J'ai gagné” », « les
            # pays de l'Est vont vous dire "…" »: words imagined for someone, the speaker's
            return Attribution(None, None, cue, "lent")
        if (
            self.context.debate
            and cues.IMAGINING.search(near)
            and not re.match(r"\s*qu(?:e\s|['’])", self.text[verb_end : span.open])
            and not any(m.name and not m.body for m in self._mentions_in(cue_start - 30, verb_end))
        ):
            # « beaucoup d'entre vous viendront me dire : « Oui, c'est une avancée » », « on
            # vienne nous dire : », « leurs enfants espèrent pouvoir bientôt dire à
            # l'école : », « doivent se demander : », « Il faudrait dire : », « c'est leur
            # dire : »: words a debater imagines for others, his own (CONVENTIONS rule 4)
            return Attribution(None, None, cue, "lent")
        return None

    def _verb_pronoun_or_you(
        self,
        span: Span,
        left_start: int,
        floor: int,
        turn: Turn | None,
        verb: tuple[int, int, str],
        near: str,
    ) -> Attribution | None:
        """Return the person an inverted pronoun after the verb stands for (« », dit-il, « … » »),
        or the one « vous » heading the verb is: in a transcript the guest addressed (`_you`),
        in a speech or a debate turn the person the sentence calls (« Monsieur Wauquiez, vous
        avez dit : »), else nobody known; None when neither heads the verb."""
        cue_start, verb_end, cue = verb
        inverted = cues.INVERTED_PRONOUN.match(self.text, verb_end)
        if inverted:  # "« … », dit-il, « … »"
            return self._pronoun(cue_start, f"{cue}{inverted.group()}", floor)
        you = cues.YOU.search(near)
        near_start = max(left_start, cue_start - 30)
        if you and not cues.SECOND_PERSON.search(self.text[near_start + you.end() : verb_end]):
            you = None  # « les pays de l'Est vont vous dire »: « vous » is the object
        if you and cues.OBJECT_YOU.search(near) and not cues.SECOND_PERSON.search(cue):
            # « Vous le dites, certains vous disent aujourd'hui « … » »: the « vous » right
            # before a verb in the third person is its object, the « vous » before it another
            # clause's subject
            you = None
        if you is None and turn is None:
            you = cues.INVERTED_YOU.search(near)  # « Aussi, aviez-vous lancé … “ … ” »
        talking = self.context.interviewees or len(self.participants) > 1
        after_you = self.text[cue_start - len(near) + you.end() : span.open] if you else ""
        if turn is not None and you and talking and not cues.NEGATION.search(after_you):
            if (found := self._you(turn, cue, verb_end, span)) is not None:
                return found
        if turn is None and you and self.context.default and not cues.NEGATION.search(after_you):
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
        return None

    def _verb_head(
        self, span: Span, left_start: int, floor: int, verb: tuple[int, int, str], near: str
    ) -> Attribution | None:
        """Return the person or body heading the verb of speech: made to speak (« a fait réagir le
        procureur »), heading a relative clause (« Eric Woerth qui vous dit »), right before or
        after the verb (« quand Emmanuel MACRON dit », « écrit la Cour de cassation »), an
        office called (« Mme la garde des Sceaux nous dit »), a lone name (« quand Erdogan lui
        dit »), « ce dernier », a pronoun, the subject heading the sentence, an unnamed
        function, a chain of participles (« … et disant aux Américains »); None otherwise.

        The four groups of cues, in this order: `_made_or_relative`, `_named_at_verb`,
        `_pronoun_heading`, `_subject_heading`."""
        return (
            self._made_or_relative(span, left_start, verb)
            or self._named_at_verb(span, left_start, verb)
            or self._pronoun_heading(left_start, floor, verb, near)
            or self._subject_heading(left_start, floor, verb)
        )

    def _made_or_relative(
        self, span: Span, left_start: int, verb: tuple[int, int, str]
    ) -> Attribution | None:
        """The one a causative verb makes speak (« a fait réagir le procureur »), the person
        heading a relative clause (« Eric Woerth qui vous dit »)."""
        cue_start, verb_end, cue = verb
        if cues.CAUSATIVE.search(self.text, max(left_start, cue_start - 12), cue_start):
            # « La question d'un avocat … a fait réagir le procureur d'État qui a invité le
            # tribunal « … » »: the one made to speak, right after the verb
            made = [  # a function standing alone too (« le procureur d'État »)
                m
                for m in self.context.mentions
                if (m.name or m.function) and 0 <= m.start - verb_end <= 20 and m.end <= span.open
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
        return None

    def _named_at_verb(
        self, span: Span, left_start: int, verb: tuple[int, int, str]
    ) -> Attribution | None:
        """A person or body named right before or after the verb (« quand Emmanuel MACRON
        dit », « écrit la Cour de cassation »), an office called (« Mme la garde des Sceaux nous
        dit »), a lone name (« quand Erdogan lui dit »)."""
        cue_start, verb_end, cue = verb
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
                and (
                    re.fullmatch(between, self.text[verb_end : m.start])
                    # « que nous a dite, en substance, M. Vickers : »: an aside between commas
                    or cues.ASIDE_BETWEEN.fullmatch(self.text, verb_end, m.start)
                )
                and cues.AFTER_INVERTED.fullmatch(self.text, m.end, span.open)
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
        office = cues.OFFICE_BEFORE.search(self.text, max(left_start, cue_start - 120), cue_start)
        if office is not None:
            # « Mme la garde des Sceaux nous dit : « … » », « M. le ministre a dit : »: the
            # office holder addressed by their function in a debate, whom the words name not
            return Attribution(None, " ".join(office.group("fn").split()), cue, "explicit")
        if not cue.endswith("ant") and (lone := self._lone_name_before(left_start, cue_start)):
            # « quand Erdogan lui dit « … » », « Vous savez que BRIDGESTONE a dit « … » »,
            # « … d'Espagne Zapatero l'a dit : »: one capitalised word, no article before
            # it, right before the verb: a person or a body by its name
            return Attribution(lone, None, cue, "explicit")
        return None

    def _pronoun_heading(
        self, left_start: int, floor: int, verb: tuple[int, int, str], near: str
    ) -> Attribution | None:
        """« ce dernier », a description of one person (« notre ancien collègue »), a subject
        pronoun before the verb, an object pronoun after « je l'ai entendu dire » in a debate,
        « il » heading a clause the verb is joined to by « et »: the person they stand for."""
        cue_start, _, cue = verb
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
        if (found := self._description_heading(left_start, floor, verb)) is not None:
            return found
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
        if (joined := cues.JOINED_TO_PRONOUN.search(self.text, left_start, cue_start)) is not None:
            # « c'était la nuit tragique de Furiani, il était monté à cette même tribune et
            # avait déclaré : « … » »: a verb joined by « et » to a clause whose subject is
            # « il » or « elle » has that subject
            at = joined.start("pron")
            return self._pronoun(at, f"{joined.group('pron').lower()} … et {cue}", floor)
        return None

    def _description_heading(
        self, left_start: int, floor: int, verb: tuple[int, int, str]
    ) -> Attribution | None:
        """In a debate turn, a description of one person right before the verb (« Après le
        passage de Jacques Toubon …, notre ancien collègue poursuit en précisant : », « Mme le
        professeur nous dit que »): the person it stands for (`_described`); None when it
        names no one the paragraph or the one before names, or a mention holds it."""
        cue_start, _, cue = verb
        if not self.context.debate:
            return None
        described = DESCRIBED_BEFORE.search(self.text, max(left_start, cue_start - 80), cue_start)
        if described is None or self._mentions_in(described.start(), cue_start):
            return None
        who = self._described(described, floor)
        if who is None:
            return None
        name, function = who
        head = " ".join(self.text[described.start() : described.end("noun")].split())
        return Attribution(
            name, function or self.context.functions.get(name), f"{head} {cue}", "explicit"
        )

    def _subject_heading(
        self, left_start: int, floor: int, verb: tuple[int, int, str]
    ) -> Attribution | None:
        """The subject heading the sentence up to the verb, an unnamed function, a gerund's
        subject (a pronoun opening the sentence), a chain of participles' person."""
        cue_start, verb_end, cue = verb
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
        return None
