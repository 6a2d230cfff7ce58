"""Names and functions: the `Attribution` a mention gives (its name and function), the
author named right at a place (« le général de Gaulle », « du Premier ministre conservateur
David Cameron », « comme l'écrivait Montesquieu », a name no mention holds), the person a
function is apposed to, the subject right before a verb of speech, two people joined by
« et »."""

from __future__ import annotations

import re

from indexer.extract import speech_cues as cues
from indexer.extract.attribution.context import Attribution, Reading
from indexer.extract.bodies import AUTHORITY_FUNCTIONS
from indexer.extract.mentions import Mention
from indexer.extract.names import canonical_name


class Authors(Reading):
    """Who a name or a function stands for (a part of the `Attributor`)."""

    def _who(self, mention: Mention) -> Attribution:
        """Return the explicit `Attribution` a mention gives: its name, and its function or
        the one the document gives that name."""
        function = mention.function or (
            self.context.functions.get(mention.name) if mention.name else None
        )
        return Attribution(mention.name, function, None, "explicit")

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

    def _heads_up_to(self, mention: Mention, cue_start: int) -> bool:
        """Tell whether a subject is near enough to be the verb's: 100 characters, or a long
        apposition and nothing else (« Robert POUJADE, le premier occupant du poste de
        ministre de la Protection de la nature … en 1971 avait qualifié … »)."""
        gap = self.text[mention.end : cue_start]
        if len(gap) <= 100:
            return True
        return len(gap) <= 180 and gap.lstrip().startswith(",") and not cues.GAP_CLAUSE.search(gap)

    def _joint(self, head: Mention, stop: int) -> bool:
        """Tell whether a subject is two people (« Me Hénon et Me Chappuis appellent »); they
        are remembered in the context: both speak, though neither alone said the words."""
        nxt = self._mentions_in(head.end, stop)
        if not nxt or not re.fullmatch(r"\s+et\s+", self.text[head.end : nxt[0].start]):
            return False
        self.context.joint.extend(m.name for m in (head, nxt[0]) if m.name)
        return True

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
