"""Citations of works and famous words, and texts read out: the source or author a cue
before the words names (« selon X, », « comme le disait X, », « pour qui », « je le cite »),
words, a text or a song of someone named before a colon (« cette mise en garde prémonitoire
d'Albert Camus : »), a work being read (« je lis dans le rapport de M. Binet : »), a law or a
code that speaks for itself or only as a complement of someone's clause, and the person a
sentence that quotes or reads names (« Je citerai également le sociologue Jean-Pierre le
Goff : »)."""

from __future__ import annotations

import re

from indexer.extract import speech_cues as cues
from indexer.extract.attribution.context import Attribution, Reading
from indexer.extract.bodies import AUTHORITY_FUNCTIONS
from indexer.extract.mentions import Mention
from indexer.extract.quote_spans import _ANY_MARK, Span


class Citations(Reading):
    """Sources, works and famous words (a part of the `Attributor`)."""

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
                glue = "" if cue.endswith(("'", "’")) else " "  # « maxime d'André Laignel »
                found.cue = f"{cue}{glue}{self.text[rest_start + skip : named_end].strip()}".strip()
                return found
            if author:
                if re.match(r"(?:je|nous)\s+cite|citant", cue, re.IGNORECASE):
                    continue  # « Elisabeth BORNE … a dit je cite « … » »: the verb's subject
                if cue.lower().startswith("comme"):
                    if cues.SPEECH_VERB_COLON.search(self.text, rest_start + skip, span.open):
                        # « …, comme l'a dit parfois Olivier VERAN par exemple, …, il y a
                        # beaucoup de gens qui disent : »: another verb of speech brings the
                        # words in, the comparison is the sentence's aside
                        continue
                    # « comme dit le proverbe », « comme l'a tourné en dérision le rapporteur »
                    function = cues.FUNCTION_NP.match(self.text, rest_start + skip, span.open)
                    return Attribution(
                        None, function.group("fn") if function else None, cue, "unknown"
                    )
        return None

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

    def _this_text(
        self, noun: str, left_start: int, floor: int, det: str = "cette"
    ) -> Attribution | None:
        """Return the author of the text or words a sentence is headed by (« Cette dépêche est
        datée d'aujourd'hui : « … » », « Ce théorème, je le rappelle : « … » »), named with the
        same noun in the sentence or paragraph before (« je vais … lire une dépêche de l'AFP »,
        « d'appliquer le théorème de Laignel »)."""
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
        attribution.cue = f"{det.lower()} {noun.lower()}"
        return attribution

    def _work_read(self, span: Span, floor: int, cue: str) -> Attribution | None:
        """Return the author of the work the words are read from, when the reading cue names
        none (« je suis un lecteur attentif du rapport de M. Binet. Je me reporte donc aux
        pages 91 et suivantes, où je lis : « … » », « Du mariage, ce magnifique livre de Léon
        Blum, … C'est un magnifique livre … Jugez-en : « … » », « l'avis du Conseil d'État …
        ces extraits … ⏎⏎ Par exemple, voici ce qui est écrit … : « … » »): the person or
        body named right after a work noun in the words' paragraph or the one before, nobody
        else named since."""
        paragraph = self._paragraph_start(span.open)
        start = max(floor, self._paragraph_start(max(0, paragraph - 2)))
        author: Mention | None = None
        for work in cues.WORK_OF.finditer(self.text, start, span.open):
            at = next(iter(self._mentions_in(work.end(), span.open)), None)
            if at is not None and (
                at.start == work.end()
                or cues.ABBREVIATED_CIVILITY.fullmatch(self.text, work.end(), at.start)
                or cues.WORK_AUTHOR_DESCRIBED.fullmatch(self.text, work.end(), at.start)
            ):
                author = at
        if author is None or not author.name:
            return None
        if author.name in self.participants or author.name == self.context.default:
            return None
        if any(m.name and m.name != author.name for m in self._mentions_in(author.end, span.open)):
            return None  # someone else named between the work and its words
        attribution = self._who(author)
        attribution.cue = " ".join(cue.strip(" :").split())
        return attribution

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

    def _proposer(self, left_start: int, text_at: int) -> Attribution | None:
        """Return the person or body heading the sentence who wants or proposes words written
        into the text named before them (« Le groupe UMP souhaite compléter cet alinéa par les
        mots : »): the words of their amendment, theirs (parts P, R); None when no one named
        heads the sentence (« Les auteurs de cet amendement proposent d'insérer », « L'amendement
        propose de préciser ») or the words are struck out."""
        heads = [
            m
            for m in self._mentions_in(left_start, text_at)
            if m.name and m.subject and m.name not in self.participants
        ]
        if not heads or not cues.HEAD_ARTICLE.fullmatch(self.text, left_start, heads[0].start):
            return None
        proposes = cues.PROPOSES_WORDING.search(self.text, heads[0].end, text_at)
        if proposes is None or cues.STRUCK_OUT.search(self.text, heads[0].end, text_at):
            return None
        attribution = self._who(heads[0])
        attribution.cue = " ".join(proposes.group().split())
        return attribution

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
