"""Quotations: every « … », “ … ” and "…" of a text, with who said it and the words that say so.

Finding them: guillemets nest (`« … « Luxleaks » … »`), a quotation spanning paragraphs
reopens each one with « and closes once, a mis-typed opening » is read as «, straight quotes
pair within a paragraph. Quotes inside another quote are kept as non-speech.

Telling speech from titles and scare quotes: one word is never speech (« courage »); a
capitalised short run without final punctuation (« Cités éducatives », « Le Monde »), a run
after a title noun (le plan « Un jeune, une solution », ce livre, « … ») or a headline after a
dash (`Le Quotidien – « … »`) is a title; two or three words are speech only when someone is
explicitly given them (`Me Hansen affirme qu'il a agi « par opportunisme »`); four words
and more are speech.

Attributing them, strongest cue first: the verb after the quote (`« … », a-t-il ajouté`,
`« … » déclare Antoine Deltour`, `…, voilà les propos de X`); `selon X,` / `pour X,` /
`d'après X,` before it; a verb of speech before it and the subject of its clause
(`Antoine Deltour a déclaré que « … »`, `Elisabeth BORNE, dans un entretien, a dit «`);
the subject heading the sentence (`Me Bourdon se lève « pour défendre … »`); a pronoun
(`selon lui`, `il estime que`) resolved to the person last in focus — the last named subject
or the last quotation's speaker; a quotation following another one in the same sentence; in
transcripts, the speaker of the turn (`vous le dites dans ce livre, « … »` in a journalist's
question goes to the interviewee); in a speech, its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from indexer.analysis import WORD_PATTERN
from indexer.document import Quote
from indexer.extract.names import canonical_name
from indexer.extract.people import Mention
from indexer.extract.turns import Turn, turn_at

# --- Verbs of speech -------------------------------------------------------------------------

_ER_STEMS = """
déclar affirm ajout estim soulign rappel rappell expliqu indiqu précis assur regrett
déplor annonc annonç confi confirm insist répét répèt lanc lanç exclam félicit exprim souhait
comment martel plaid qualifi observ témoign racont résum constat interrog indign fustig
insurg accus reproch contest mentionn alert avou concéd concèd proclam dénonc dénonç prononc
prononç tweet réclam salu protest nuanc renchér ironis lâch gliss signal invoqu
argu considér considèr espér espèr interpell prévien martèl clam tonn assén assèn
""".split()
_ER_ENDINGS = r"(?:e|es|ent|é|ée|és|ées|ait|aient|ant|er|era|erait|a|ons|ez)"
_IRREGULAR = """
dit dits dite dites dis disent disait disaient disant dira dirait dire redit réagit réagi
réagissait réagir répond répondu répondait répondant répondre reconnaît reconnait reconnu
reconnaissait reconnaître prévient prévenu prévenait conclut conclu concluait conclure écrit
écrivait écrire promet promis promettait poursuit poursuivi poursuivait soutient soutenu
soutenait admet admis admettait reprend repris reprenait convient convenu réjouit réjoui
avertit averti maintient maintenu prédit prédisait jugé jugeait jugeant cite citait citant
""".split()
VERB = (
    r"(?:(?:" + "|".join(sorted(_ER_STEMS, key=len, reverse=True)) + r")" + _ER_ENDINGS
    + r"|" + "|".join(sorted(_IRREGULAR, key=len, reverse=True)) + r")"
)  # fmt: skip
_VERB = re.compile(rf"(?<![\w-])(?P<verb>{VERB})(?![\w])", re.IGNORECASE)
_PRONOUN = r"(?:il|elle|ils|elles|on)"
# Right after a closing mark: "», a-t-il ajouté", "» déclare-t-elle", "», dit-il".
_RIGHT_INVERTED = re.compile(
    rf"^[\s,;:–—-]*(?:(?:a|ont|avait|avaient|aurait)-t-(?P<p1>{_PRONOUN})\s+(?P<v1>{VERB})"
    rf"|(?P<v2>{VERB})-t?-?(?P<p2>{_PRONOUN}))\b",
    re.IGNORECASE,
)
_RIGHT_VERB = re.compile(
    rf"^[\s,;:–—-]*(?:(?:a|ont|avait|avaient|aurait)\s+(?:(?:encore|aussi|également|ainsi|alors"
    rf"|notamment|d'ailleurs|pour sa part)\s+)?)?(?P<verb>{VERB})\s+(?:(?:alors|encore|ensuite"
    rf"|aussi|ainsi)\s+)?(?=\S)",
    re.IGNORECASE,
)
_RIGHT_SOURCE = re.compile(
    r"^[\s,;:–—-]*(?:(?:voilà|voici|ce sont|c'étaient?)\s+)?"
    r"(?:(?:selon|d'après|pour reprendre)\s+)?"
    r"(?:(?:les|ses|des|la|une|cette)\s+)?(?:(?:belle|célèbre|fameuse)\s+)?(?:propos|mots|paroles"
    r"|formule|expression|termes|déclaration)\s+(?:de\s+|d['’]|du\s+)",
    re.IGNORECASE,
)
_RIGHT_SELON = re.compile(
    r"^[\s,;:–—-]*(?:selon|d['’]après)\s+(?P<pron>lui|elle|eux|elles)?", re.IGNORECASE
)
# Before an opening mark.
_LEFT_SOURCE = re.compile(
    r"(?:^|[\s,(])(?P<cue>selon|d['’]après|pour|aux yeux de|de l['’]avis de"
    r"|comme l['’](?:a\s+|avait\s+)?(?:dit|écrit|déclaré|écrivait|disait|rappelait|soulignait)"
    r"|comme (?:le |l['’])?(?:disait|écrivait)|pour reprendre la (?:belle )?formule de"
    r"|(?:les|ses|ces) propos (?:de|d['’]))\s+(?P<rest>.*)$",
    re.IGNORECASE | re.S,
)
_AUXILIARY = re.compile(
    r"(?:(?:a|ont|avait|avaient|aurait|auraient|est|sont|était|s['’]est|s['’]était|se|s['’]"
    r"|l['’]a|l['’]avait|lui a|leur a|nous a|vous a|a-t-(?:il|elle)|ont-(?:ils|elles)|tient à"
    r"|tenu à|a tenu à|a voulu|veut|vient de|venait de)\s*"
    r"(?:(?:pas|aussi|encore|également|ainsi|alors|notamment|déjà|bien|d['’]ailleurs|toujours"
    r"|pour sa part|de son côté|même|clairement|fermement|vivement)\s+)*)$",
    re.IGNORECASE,
)
_THOSE_WORDS = re.compile(r"\b(?:ces|ses|ses propres) (?:propos|mots|paroles)\s*[,:]?\s*$", re.I)
_INVERTED_PRONOUN = re.compile(r"-t?-?(?:il|elle|ils|elles)\b", re.IGNORECASE)
_SUBJECT_PRONOUN = re.compile(
    r"(?<![\w-])(il|elle|ils|elles|lui|eux)(?![\w'’-])(?!\s+(?:y\s|n['’]y|faut|fallait|s['’]agit"
    r"|semble|paraît|para[iî]t|est\s|était\s|reste|suffit|convient|vaut))",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"(?<![\w-])(je|j['’]|nous|moi|on)(?![\w])", re.IGNORECASE)
_YOU = re.compile(r"(?<![\w-])vous(?![\w])", re.IGNORECASE)
_NEGATION = re.compile(r"\bne\b|\bn['’]", re.IGNORECASE)
_GENERIC = re.compile(
    r"\b(?:on|tout le monde|personne|certains|beaucoup|les gens|des gens|un|une|des|les)\b",
    re.IGNORECASE,
)
# Nouns after which a quoted run is the name of a thing.
_TITLE_NOUNS = re.compile(
    r"(?:plan|opération|operation|dispositif|programme|loi|projet|site|formulaires?|livre|journal"
    r"|quotidien|pétition|petition|film|documentaire|rapport|label|slogan|émission|emission"
    r"|intitulée?|nommée?|baptisée?|appelée?|campagne|collectivités|réseau|association|collectif"
    r"|mouvement|prix|salon|festival|concours|fonds|application|magazine|revue|article|tribune"
    r"|ouvrage|roman|chanson|hashtag|ordonnance|directive|commission|opérations|plateforme"
    r"|stratégie|pacte|contrat|charte|mission|sommet|forum|conférence|colloque|exposition"
    r"|numéro|rubrique|chronique|page|onglet|bouton|hebdomadaire|dossier)\s*[,:]?\s*$",
    re.IGNORECASE,
)
_DASH_HEADLINE = re.compile(r"^[^\n«»]{0,60}\s[–—-]\s*$")
_SENTENCE_END = re.compile(r"[.!?…](?:\s*[»”\"])?\s+(?=[A-ZÀ-ÖØ-Þ«\"“(\d-])")
_CONTINUATION_GAP = re.compile(r"^[\s,;:.)(–—-]*(?:(?:et|ou|puis|mais)\s*)?[\s,;:(–—-]*$", re.I)
_WORDS = WORD_PATTERN
_MARKS = re.compile(r'[«»“”"]|\n[ \t]*\n\s*')
_CAPITALISED = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w’'-]+(?:[ \t]+(?:de[ \t]+|d['’])?[A-ZÀ-ÖØ-Þ][\w’'-]+){0,2}"
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:le|la|les|un|une|des|du|de|d|l|au|aux|en|sur|ce|cet|cette|ces|son|sa|ses|leur|leurs"
    r"|notre|nos|votre|vos|plus|très|si|trop)['’]?\s*)$",
    re.IGNORECASE,
)


@dataclass
class Span:
    """A pair of quotation marks: `open`/`close` are the marks, `start`/`end` the words."""

    open: int
    close: int  # offset just after the closing mark
    start: int
    end: int
    depth: int
    mark: str


@dataclass
class Context:
    """What attribution needs to know about the document."""

    mentions: list[Mention]
    turns: list[Turn]
    interviewees: list[str]  # who answers in a transcript
    default: str | None  # the one speaker of a speech, if any
    functions: dict[str, str]  # name → function
    third_person: bool  # a communiqué or report: the text is nobody's speech


def _inner(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def find_spans(text: str) -> list[Span]:
    """Return the quotation mark pairs of a text, outermost and nested, in order.

    >>> t = "Il dit « oui « non » » et \\"peut-être\\"."
    >>> [(t[s.start:s.end], s.depth) for s in find_spans(t)]
    [('oui « non »', 0), ('non', 1), ('peut-être', 0)]
    """
    spans: list[Span] = []
    stack: list[tuple[int, str, int]] = []  # (position, mark, depth)
    straight: int | None = None
    reopened = -1  # a « that continues the open quotation in a new paragraph
    for m in _MARKS.finditer(text):
        i, c = m.start(), m.group()[0]
        if c == "\n":
            j = m.end()
            if stack and j < len(text) and text[j] in "«“":
                reopened = j  # the next paragraph reopens the open quotation: keep it open
                continue
            stack.clear()  # an unclosed quotation dies with its paragraph
            straight = None
            continue
        if i == reopened:
            continue
        if c in "«“":
            stack.append((i, c, len(stack)))
        elif c in "»”":
            expected = "«" if c == "»" else "“"
            if stack and stack[-1][1] == expected:
                o, _, depth = stack.pop()
                a, b = _inner(text, o + 1, i)
                if b > a:
                    spans.append(Span(o, i + 1, a, b, depth, expected))
            elif not stack and c == "»" and _misused_opening(text, i):
                stack.append((i, "«", 0))
        elif straight is None:
            straight = i
        else:
            a, b = _inner(text, straight + 1, i)
            if b > a:
                spans.append(Span(straight, i + 1, a, b, len(stack), '"'))
            straight = None
    spans.sort(key=lambda s: (s.open, -s.close))
    return spans


def _misused_opening(text: str, i: int) -> bool:
    """A » before words and another » later in the paragraph opens a quotation (a typo)."""
    after = text[i + 1 : i + 3]
    if not after.strip() or not (after[0].isspace() and after[1:2].isalpha()):
        return False
    end = text.find("\n\n", i)
    return "»" in text[i + 1 : end if end >= 0 else len(text)]


# --- Attribution -----------------------------------------------------------------------------


@dataclass
class Attribution:
    speaker: str | None
    function: str | None
    cue: str | None
    strength: str  # explicit, subject, pronoun, continuation, focus, turn, default, none


_NONE = Attribution(None, None, None, "none")


class Attributor:
    """Walks a text's quotations in order, keeping track of who is in focus."""

    def __init__(self, text: str, spans: list[Span], context: Context):
        self.text = text
        self.spans = spans
        self.context = context
        top = [s for s in spans if s.depth == 0]
        # Names quoted inside a quotation are not the speakers of the next one.
        self.mentions = [
            m for m in context.mentions if not any(s.open <= m.start < s.close for s in top)
        ]
        self.starts = [m.start for m in self.mentions]
        self.events: list[tuple[int, str, str | None]] = []  # (position, name, function)
        self.boundaries = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
        self.last: tuple[Span, Attribution] | None = None
        # In a transcript, the people talking are "vous" and "je", never "il": a pronoun does
        # not stand for them.
        self.participants = {t.name for t in context.turns}

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

    def _focus(self, position: int, floor: int = 0) -> tuple[str, str | None] | None:
        """Return the person last in focus before `position` (not before `floor`)."""
        best: tuple[int, str, str | None] | None = None
        index = bisect_right(self.starts, position - 1) - 1
        while index >= 0:
            m = self.mentions[index]
            if m.start < floor:
                break
            if m.subject and m.end <= position and (m.name or m.function):
                if m.name not in self.participants:
                    best = (m.end, m.name or "", m.function)
                    break
            index -= 1
        for event in reversed(self.events):
            if event[1] in self.participants:
                continue
            if event[0] <= position and event[0] >= floor:
                if best is None or event[0] > best[0]:
                    best = event
                break
        if best is None:
            # nobody heads a clause yet: the person introduced with a civility or a function
            for m in reversed(self.mentions):
                if floor <= m.start and m.end <= position and m.titled and m.name:
                    return (m.name, m.function)
            return None
        return (best[1], best[2]) if best[1] or best[2] else None

    def _who(self, mention: Mention) -> Attribution:
        function = mention.function or (
            self.context.functions.get(mention.name) if mention.name else None
        )
        return Attribution(mention.name, function, None, "explicit")

    def _pronoun(self, position: int, cue: str, floor: int) -> Attribution:
        focus = self._focus(position, floor)
        if focus is None:
            return Attribution(None, None, cue, "pronoun")
        name, function = focus
        function = function or (self.context.functions.get(name) if name else None)
        return Attribution(name or None, function, cue, "pronoun")

    def _name_after(self, position: int) -> str | None:
        """Return a capitalised name right at `position` (« comme l'écrivait Montesquieu »)."""
        m = _CAPITALISED.match(self.text, position)
        if m is None or m.group().lower() in ("le", "la", "les", "l"):
            return None
        return canonical_name(m.group())

    # Cues ----------------------------------------------------------------------------------
    def _right(self, span: Span, floor: int) -> Attribution | None:
        stop = min(self._paragraph_end(span.close), span.close + 160)
        right = self.text[span.close : stop]
        if (m := _RIGHT_INVERTED.match(right)) is not None:
            cue = m.group().strip(" ,;:–—-")
            return self._pronoun(span.close, cue, floor)
        if (m := _RIGHT_SOURCE.match(right)) is not None:
            who = self._mentions_in(span.close + m.end(), span.close + m.end() + 80)
            if who and who[0].start - (span.close + m.end()) <= 3:
                attribution = self._who(who[0])
                attribution.cue = right[: who[0].end - span.close].strip(" ,;:–—-")
                return attribution
        if (m := _RIGHT_VERB.match(right)) is not None:
            who = self._mentions_in(span.close + m.end(), span.close + m.end() + 80)
            if who and who[0].start - (span.close + m.end()) <= 12:
                attribution = self._who(who[0])
                attribution.cue = m.group("verb")
                return attribution
        if (m := _RIGHT_SELON.match(right)) is not None:
            if m.group("pron"):
                return self._pronoun(span.close, m.group().strip(" ,;:–—-"), floor)
            who = self._mentions_in(span.close + m.end(), span.close + m.end() + 80)
            if who and who[0].start - (span.close + m.end()) <= 3:
                attribution = self._who(who[0])
                attribution.cue = m.group().strip(" ,;:–—-")
                return attribution
        return None

    def _speech_verb(self, left: str, left_start: int, span: Span) -> tuple[int, int, str] | None:
        """Return `(cue start, verb end, cue)` of the verb of speech introducing `span`.

        The last verb of speech before the quotation counts when it is close to it, or when
        `que` or a colon leads from it to the quotation.
        """
        verbs = list(_VERB.finditer(left))
        if not verbs:
            return None
        verb = verbs[-1]
        verb_at, verb_end = left_start + verb.start(), left_start + verb.end()
        between = self.text[verb_end : span.open]
        if len(between) > 60 and not re.search(r"\bqu['’e]|:", between):
            return None
        aux = _AUXILIARY.search(self.text[max(left_start, verb_at - 40) : verb_at])
        cue_start = verb_at - (len(aux.group()) if aux else 0)
        return cue_start, verb_end, self.text[cue_start:verb_end]

    def _left(
        self, span: Span, left_start: int, floor: int, turn: Turn | None
    ) -> Attribution | None:
        left = self.text[left_start : span.open]
        # "selon X," "pour lui," "d'après Y," — the last one before the quotation.
        for m in reversed(list(_LEFT_SOURCE.finditer(left))):
            rest_start = left_start + m.start("rest")
            if (
                p := re.match(r"(lui|elle|eux|elles)\b", m.group("rest"), re.IGNORECASE)
            ) is not None:
                return self._pronoun(rest_start, f"{m.group('cue')} {p.group(1)}".lower(), floor)
            who = self._mentions_in(rest_start, span.open)
            if who and who[0].start - rest_start <= 3:
                if (
                    m.group("cue").lower() == "pour"
                    and not self.text[who[0].end :].lstrip(" ")[:1] == ","
                ):
                    continue  # "respecté pour Antoine qui a agi": no source, an object
                attribution = self._who(who[0])
                attribution.cue = f"{m.group('cue')} {self.text[who[0].start : who[0].end]}"
                return attribution
            if (named := self._name_after(rest_start)) is not None:
                return Attribution(named, None, f"{m.group('cue')} {named}", "explicit")
        if _THOSE_WORDS.search(left):
            # "ces propos, « … »": the words of the last person named before
            named = [m for m in self._mentions_in(floor, span.open) if m.name or m.function]
            named = [m for m in named if m.name not in self.participants]
            if named:
                attribution = self._who(named[-1])
                attribution.cue = _THOSE_WORDS.search(left).group().strip(" ,:")
                return attribution
        verb = self._speech_verb(left, left_start, span)
        if verb is not None:
            cue_start, verb_end, cue = verb
            near = self.text[max(left_start, cue_start - 30) : cue_start]
            inverted = _INVERTED_PRONOUN.match(self.text, verb_end)
            if inverted:  # "« … », dit-il, « … »"
                return self._pronoun(cue_start, f"{cue}{inverted.group()}", floor)
            you = _YOU.search(near)
            if turn is not None and you and self.context.interviewees:
                after_you = self.text[cue_start - len(near) + you.end() : span.open]
                if turn.name not in self.context.interviewees and not _NEGATION.search(after_you):
                    name = self.context.interviewees[0]
                    return Attribution(
                        name, self.context.functions.get(name), f"vous {cue}", "explicit"
                    )
            pronoun = [p for p in _SUBJECT_PRONOUN.finditer(near) if " qui " not in near[p.end() :]]
            if pronoun:
                p = pronoun[-1]
                at = cue_start - len(near) + p.start()
                return self._pronoun(at, f"{p.group(1).lower()} {cue}", floor)
            heads = [
                m
                for m in self._mentions_in(left_start, cue_start)
                if m.subject and cue_start - m.end <= 100
            ]
            if heads:
                attribution = self._who(heads[0])
                attribution.cue = cue
                return attribution
            if turn is not None or self.context.default:
                return None  # "j'ai dit", "tout le monde dit": the turn's or speech's speaker
            clause = self.text[left_start:cue_start]
            if _GENERIC.search(clause[-40:]) or _FIRST_PERSON.search(clause):
                return Attribution(None, None, cue, "explicit")
            return self._pronoun(cue_start, cue, floor)  # "malgré avoir concédé « … »"
        # No verb of speech: the person heading the sentence ("Me Bourdon se lève « … »").
        heads = [m for m in self._mentions_in(left_start, span.open) if m.subject]
        if heads:
            attribution = self._who(heads[0])
            attribution.strength = "subject"
            attribution.cue = "sujet"
            return attribution
        start_words = self.text[left_start : span.open]
        p = _SUBJECT_PRONOUN.search(start_words[:40])
        if p and p.group(1).lower() in ("il", "elle", "ils", "elles"):
            return self._pronoun(left_start + p.start(), p.group(1).lower(), floor)
        return None

    def attribute(self, span: Span) -> Attribution:
        """Return who said the words of `span`, and why we think so."""
        turn = turn_at(self.context.turns, span.open) if self.context.turns else None
        floor = turn.body if turn is not None else 0
        paragraph = self._paragraph_start(span.open)
        left_start = max(self._sentence_start(span.open), paragraph, floor)
        if self.last is not None and paragraph <= self.last[0].close <= span.open:
            previous, attribution = self.last
            gap = self.text[previous.close : span.open]
            same_sentence = bisect_right(self.boundaries, previous.close) == bisect_right(
                self.boundaries, span.open
            )
            if same_sentence:
                left_start = max(left_start, previous.close)
            if attribution.strength != "none" and (
                _CONTINUATION_GAP.match(gap)
                or (
                    same_sentence
                    and len(gap) <= 25
                    and not _VERB.search(gap)
                    and not self._mentions_in(previous.close, span.open)
                )
            ):
                found = self._right(span, floor)
                return found or Attribution(
                    attribution.speaker, attribution.function, "suite", "continuation"
                )
        found = self._right(span, floor) or self._left(span, left_start, floor, turn)
        if found is not None and (found.speaker or found.function or found.cue):
            if found.speaker or found.function or turn is None:
                return found
        if turn is not None:
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
        self.last = (span, attribution)
        if attribution.speaker:
            self.events.append((span.close, attribution.speaker, attribution.function))


# --- Speech or title -------------------------------------------------------------------------


def _word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def _title_like(text: str, span: Span, words: int) -> bool:
    inner = text[span.start : span.end]
    before = text[max(0, span.open - 40) : span.open]
    line_start = text.rfind("\n", 0, span.open) + 1
    capital = inner[:1].isupper() or inner[:1].isdigit()
    if _TITLE_NOUNS.search(before) and (capital or words <= 3):
        return True
    line_end = text.find("\n", span.close)
    line_end = len(text) if line_end < 0 else line_end
    if (
        _DASH_HEADLINE.match(text[line_start : span.open])
        and not text[span.close : line_end].strip()
    ):
        return True
    ends = inner.rstrip(' »"”')[-1:] in ".!?…"
    cued = before.rstrip().endswith(":") or bool(_VERB.search(before[-25:]))
    return capital and words <= 6 and not ends and not cued


def extract_quotes(text: str, context: Context) -> list[Quote]:
    """Return the quotations of `text`, speech attributed, titles and scare quotes marked.

    >>> from indexer.extract.people import find_mentions
    >>> t = "Antoine Deltour a déclaré : « Je ferai appel de ce jugement. »"
    >>> ctx = Context(find_mentions(t), [], [], None, {}, True)
    >>> [(q.text, q.speaker, q.cue) for q in extract_quotes(t, ctx)]
    [('Je ferai appel de ce jugement.', 'Antoine Deltour', 'a déclaré')]
    """
    spans = find_spans(text)
    attributor = Attributor(text, spans, context)
    quotes: list[Quote] = []
    titles: set[str] = set()  # a title quoted twice is a title both times
    for span in spans:
        inner = text[span.start : span.end]
        words = _word_count(inner)
        if (
            span.depth > 0
            or words <= 1
            or inner.casefold() in titles
            or _title_like(text, span, words)
        ):
            if words > 1:
                titles.add(inner.casefold())
            quotes.append(Quote(inner, span.start, span.end, is_speech=False))
            continue
        attribution = attributor.attribute(span)
        if _is_speech(text, span, inner, words, attribution, context):
            attributor.record(span, attribution)
            quotes.append(
                Quote(
                    inner,
                    span.start,
                    span.end,
                    attribution.speaker,
                    attribution.function,
                    _cue(attribution.cue),
                    True,
                )
            )
        else:
            quotes.append(Quote(inner, span.start, span.end, is_speech=False))
    return quotes


def _is_speech(
    text: str, span: Span, inner: str, words: int, attribution: Attribution, context: Context
) -> bool:
    """Decide whether an attributed run is somebody's words or a scare quote."""
    lower = inner[:1].islower()
    weak = attribution.strength in ("turn", "default", "none", "focus")
    if lower and weak and _DETERMINER_BEFORE.search(text[max(0, span.open - 12) : span.open]):
        return False  # "le vieux rêve du « jardin à la française »": an expression
    if lower and attribution.strength == "none":
        return False  # nobody is given these words: a scare quote
    if words > 3:
        return True
    if not lower:
        return False
    strong = attribution.strength in ("explicit", "subject", "pronoun", "continuation")
    if not strong:
        return False
    if context.third_person:
        return True
    # In a speech or a transcript, the speaker's own short quotes are scare quotes; words
    # explicitly lent to someone else are a quotation.
    own = {context.default}
    turn = turn_at(context.turns, span.open) if context.turns else None
    if turn is not None:
        own.add(turn.name)
    return attribution.speaker is not None and attribution.speaker not in own


def _cue(cue: str | None) -> str | None:
    return " ".join(cue.split()) if cue else None
