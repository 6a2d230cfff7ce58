"""What attribution knows and remembers: `Context` (the document: its mentions, turns,
speakers), `Attribution` (one quotation's answer), `Participants` (a transcript's turns'
names) and `Reading`, the state of the `Attributor` walking a text — the mentions it may
give words to, sentence boundaries, the last quotation and who was quoted — with the
helpers every part uses (where a sentence or a paragraph starts, the mentions between two
places, the turns before one)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from indexer.extract import speech_cues as cues
from indexer.extract.mentions import Mention
from indexer.extract.names import name_key
from indexer.extract.quote_spans import Span
from indexer.extract.turns import Turn


@dataclass
class Context:
    """What attribution needs to know about the document."""

    mentions: list[Mention]
    turns: list[Turn]
    interviewees: list[str]  # who answers in a transcript
    default: str | None  # the one speaker of a speech, if any
    functions: dict[str, str]  # name → function
    third_person: bool  # a communiqué or report: the text is nobody's speech
    interviewers: list[str] = field(default_factory=list)  # who asks, in a transcript
    joint: list[str] = field(default_factory=list)  # filled: people given words together
    debate: bool = False  # a debate's turn: quotations without a cue are nobody known


def _inside(top: list[Span], opens: list[int], position: int) -> bool:
    """Tell whether `position` lies inside one of the (non-overlapping) outer spans."""
    index = bisect_right(opens, position) - 1
    return index >= 0 and position < top[index].close


@dataclass
class Attribution:
    """Who said one quotation (`speaker`, `function`; `None` when unknown), the `cue` read and
    how strong it is: « explicit » (a cue names them), « subject », « pronoun »,
    « continuation » (going on from the words before), « focus », « coined » (a term the
    speaker coined: « ce que j'ai appelé … »), « turn » and « default » (no cue: the turn's or
    the speech's speaker), « unknown » (a cue says nobody known), « none »; while deciding,
    « lent » and « unnamed » (the speaker lends the words, a third party left unnamed)."""

    speaker: str | None
    function: str | None
    cue: str | None
    strength: str  # explicit, subject, pronoun, continuation, focus, turn, default, none


class Participants:
    """The names of a transcript's turns, compared as names (« Lea Salame » is « Léa Salame »)."""

    def __init__(self, names: list[str]):
        self.keys = {name_key(n) for n in names if n}
        self.count = len(set(names))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(name) and name_key(name) in self.keys

    def __len__(self) -> int:
        return self.count


_COUNSEL = re.compile(r"(?:Me|Maître)\s")
# How far back a sentence is read from a quotation or a name. A text without full stops (a
# register, a table flattened to one line, a hostile file) was read whole before each of its
# quotations by a dozen cue patterns: quadratic, 4 s for 64,000 characters, a quarter of an hour
# for a megabyte. No sentence of the shared corpus reaches that far before the words it cues
# (bench.extraction_identity: no document differs).
SENTENCE_REACH = 2_000


def _counsel(text: str, mentions: list[Mention]) -> list[Mention]:
    """« La défense … se poursuit avec Me May Nalepa … L'avocate conteste … »: « l'avocat »,
    « l'avocate » standing alone is the lawyer named last with « Me » (the civility says the
    function), not the one whose function the text spelt out earlier, unless that one was
    named again since."""
    out: list[Mention] = []
    last: tuple[int, str] | None = None  # (position, name) of the last « Me X »
    named: dict[str, int] = {}  # name → position of its last mention
    for m in mentions:
        if m.name and not m.anaphor and not m.body:
            named[m.name] = m.start
            if _COUNSEL.match(text, m.start):
                last = (m.start, m.name)
        elif (
            m.anaphor
            and last is not None
            and m.function
            and re.fullmatch(r"avocate?", m.function, re.IGNORECASE)
            and m.name != last[1]
            and named.get(m.name or "", -1) < last[0]
            and m.start - last[0] <= 800  # the same account, not a press review further on
            and not re.match(r"\s*(?:de|du|des|d['’])\s", text[m.end : m.end + 6] + " ")
        ):  # (« l'avocat d'un des deux lanceurs d'alerte »: another one, whose it says)
            m = replace(m, name=last[1])
        out.append(m)
    return out


class Reading:
    """The text being walked and what is remembered of it, read by every part of the
    `Attributor` (`indexer.extract.attribution.decide`)."""

    def __init__(self, text: str, spans: list[Span], context: Context):
        """Read what every quotation will need once: the mentions that may speak (not
        those inside a quotation, nor a debate's stage directions), sentence boundaries."""
        self.text = text
        self.spans = spans
        self.context = context
        top = [s for s in spans if s.depth == 0]
        opens = [s.open for s in top]
        # Names quoted inside a quotation are not the speakers of the next one.
        # A function standing alone for nobody the text named (« la ministre ») is no one.
        self.mentions = [
            m
            for m in _counsel(text, context.mentions)
            if not _inside(top, opens, m.start) and not (m.anaphor and m.name is None)
        ]
        if context.debate:
            # a debate's stage directions (« (« Ah ! » sur les bancs du groupe SRC.) »,
            # « (Protestations sur les bancs du groupe UMP.) ») are the record's, not the
            # speaker's: nobody they name is talked about, nor in focus for « elle »
            asides = [(a.start(), a.end()) for a in cues.ASIDE.finditer(text)]
            self.mentions = [
                m for m in self.mentions if not any(a <= m.start < b for a, b in asides)
            ]
        self.starts = [m.start for m in self.mentions]
        # « la garde des Sceaux a répondu : « … » »: a function nobody named heading a verb of
        # speech speaks, unnamed (kept apart: it stands for no one in focus)
        self.unnamed = [
            m
            for m in context.mentions
            if m.anaphor and m.name is None and m.subject and not _inside(top, opens, m.start)
        ]
        self.events: list[tuple[int, str, str | None]] = []  # (position, name, function)
        self.boundaries = [0]
        for m in cues.SENTENCE_END.finditer(text):
            dot = text[m.start()] == "."
            if not dot or not cues.NOT_AN_END.search(text, max(0, m.start() - 4), m.start()):
                self.boundaries.append(m.end())
        self.last: tuple[Span, Attribution] | None = None
        self.uncued: list[Span] = []  # the last speech quotations no cue decided, in a row
        self.turn_terms: dict[int, frozenset[str]] = {}  # a turn's stems by its start, read once
        # the quotations a cue gave to someone named or to a function, in order (`_taken_up`)
        self.cited: list[tuple[Span, Attribution]] = []
        self.reported: dict[int, bool] = {}  # mention start → heads a reported clause
        # a sentence's end → the verbs of speech of its sentence (starts, ends), found once
        self.verbs: dict[int, tuple[list[int], list[int]]] = {}
        self.genders: dict[str, str | None] = {}  # name → « f », « m » by its civility
        # In a transcript, the people talking are "vous" and "je", never "il": a pronoun does
        # not stand for them.
        self.participants = Participants([t.name for t in context.turns])

    def _paragraph_start(self, position: int) -> int:
        """Return where the paragraph holding `position` starts (after a blank line)."""
        found = self.text.rfind("\n\n", 0, position)
        return 0 if found < 0 else found + 2

    def _paragraph_end(self, position: int) -> int:
        """Return where the paragraph holding `position` ends (at a blank line)."""
        found = self.text.find("\n\n", position)
        return len(self.text) if found < 0 else found

    def _sentence_start(self, position: int) -> int:
        """Return where the sentence holding `position` starts, not before its paragraph nor
        more than `SENTENCE_REACH` characters back (then after a space)."""
        index = bisect_right(self.boundaries, position) - 1
        start = max(self.boundaries[index] if index >= 0 else 0, self._paragraph_start(position))
        if position - start > SENTENCE_REACH:
            cut = position - SENTENCE_REACH
            space = self.text.find(" ", cut, position)
            start = space + 1 if space >= 0 else cut
        return start

    def _mentions_in(self, a: int, b: int) -> list[Mention]:
        """Return the mentions lying wholly between `a` and `b`, in order."""
        index = bisect_right(self.starts, a - 1)
        found = []
        while index < len(self.mentions) and self.mentions[index].start < b:
            if self.mentions[index].end <= b:
                found.append(self.mentions[index])
            index += 1
        return found

    def _in_parenthesis(self, start: int, position: int) -> bool:
        """Tell whether a parenthesis opened between `start` and `position` is still open."""
        before = self.text[start:position]
        return before.rfind("(") > before.rfind(")")

    def _inside_turn_label(self, before: str) -> bool:
        """A turn label (« SONIA MABROUK : ») is no sentence introducing the words."""
        return any(t.start <= len(before) <= t.body for t in self.context.turns)

    def _previous_turns(self, position: int, back: int = 3) -> list[Turn]:
        """Return the (at most `back`) turns before the one holding `position`, nearest first."""
        turns = self.context.turns
        index = bisect_right([t.start for t in turns], position) - 1
        if index < 1 or position >= turns[index].end:
            return []
        return turns[max(0, index - back) : index][::-1]
