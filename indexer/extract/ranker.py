"""A learned ranker over the candidate speakers of a quotation (issue 11, seventh round).

The rules of `attribution.Attributor` choose one speaker per quotation. This module gathers the
other people a reader would consider — the speaker of the turn, the guest of an interview, the
people named in the sentence or the paragraph around the words, the person in focus, the
document's speaker, « unknown » — describes each by a few features (where it was found, how far
from the words, whether a verb of speech joins them, which rule chose whom, what kind of text
this is) and scores them with a logistic model trained on the dev halves of the attribution gold
(`python -m bench.extraction --ranker-train`). The weights ship as `ranker.json`; scoring is
plain Python. The model is applied only when the weights file says it was adopted (it beat the
rules on fresh documents); otherwise the rules' choice stands and the ranker can be tried with
`VERBATIM_RANKER=1`.
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from indexer.extract.names import name_key
from indexer.extract.turns import turn_at

if TYPE_CHECKING:  # quotes.py imports this module: its types for the checker only
    from indexer.extract.attribution import Attribution, Attributor
    from indexer.extract.quote_spans import Span

WEIGHTS = Path(__file__).with_name("ranker.json")
UNKNOWN = ""  # the key of the « auteur non identifié » candidate

# When a list, every ranked quotation is appended to it as (start, end, candidates): the
# training data of bench.extraction. None in normal runs.
RECORD: list | None = None

_WORD = re.compile(r"\w+")
_SPEECH_VERB = re.compile(
    r"(?<![\w-])(?:dit|dis|dise|disent|disait|disaient|dire|déclar\w*|affirm\w*|expliqu\w*"
    r"|ajout\w*|répond\w*|répét\w*|soulign\w*|estim\w*|rappel\w*|lanc\w*|écri\w*|cit\w*"
    r"|résum\w*|témoign\w*|martel\w*|indiqu\w*|confi\w*|assur\w*|précis\w*|tweet\w*|appel\w*"
    r"|évoqu\w*|parl\w*|entend\w*|ajoute)(?![\w])",
    re.IGNORECASE,
)
_PRONOUN_BEFORE = re.compile(r"(?<![\w-])(?:il|elle)\s+(?:\w+\s+){0,3}$|-(?:il|elle)\b", re.I)
_YOU_BEFORE = re.compile(r"(?<![\w-])vous\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_I_BEFORE = re.compile(r"(?<![\w-])(?:je|j['’]|nous)\s*(?:\w+\s+){0,3}$", re.IGNORECASE)
_GENERIC_BEFORE = re.compile(
    r"(?<![\w-])(?:on|tout le monde|certains|beaucoup|les gens|des gens|ceux qui|qui disent"
    r"|le peuple|les \w+s)\b(?:\s+[\w'’]+){0,4}\s*[:,]?\s*$",
    re.IGNORECASE,
)
_CITING = re.compile(
    r"(?:comme|selon|d['’]après|pour reprendre|je cite|cite|adage|proverbe|formule|mot de)"
    r"(?:\s+[\w'’-]+){0,5}\s*[:,]?\s*$",
    re.IGNORECASE,
)


@dataclass
class Candidate:
    """A person (or « unknown ») who may have said a quotation, with what speaks for them."""

    name: str | None
    function: str | None
    features: dict[str, float] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The name folded (« unknown » is the empty key)."""
        return name_key(self.name) if self.name else UNKNOWN


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _distance(words: int) -> str:
    return "0-3" if words <= 3 else "4-10" if words <= 10 else "11-25" if words <= 25 else "26+"


def _interviewers(context) -> list[str]:
    return getattr(context, "interviewers", None) or []


def _mentions_between(attributor: Attributor, a: int, b: int) -> list:
    """The named people (and bodies) the rules see between `a` and `b` (none inside a
    quotation), in order."""
    mentions = attributor.mentions
    starts = getattr(attributor, "starts", None) or [m.start for m in mentions]
    index = bisect_right(starts, a - 1)
    found = []
    while index < len(mentions) and mentions[index].start < b:
        if mentions[index].end <= b:
            found.append(mentions[index])
        index += 1
    return found


def _context(text: str, span: Span, attribution: Attribution, attributor: Attributor) -> dict:
    """The features of the quotation itself, shared by its candidates (used in interactions)."""
    context = attributor.context
    turn = turn_at(context.turns, span.open) if context.turns else None
    floor = turn.body if turn is not None else 0
    left = text[max(floor, span.open - 60) : span.open]
    right = text[span.close : span.close + 40]
    words = _words(text[span.start : span.end])
    asking = turn is not None and (not turn.name or turn.name in _interviewers(context))
    found = {
        "turn": turn is not None,
        "asking": asking,
        "answering": turn is not None and not asking,
        "report": context.third_person,
        "speech": context.default is not None,
        "short": words <= 4,
        "long": words > 15,
        "verb_left": _SPEECH_VERB.search(left[-45:]) is not None,
        "verb_right": _SPEECH_VERB.search(right) is not None,
        "colon": left.rstrip().endswith(":"),
        "pronoun": _PRONOUN_BEFORE.search(left) is not None,
        "you": _YOU_BEFORE.search(left) is not None,
        "i": _I_BEFORE.search(left) is not None,
        "generic": _GENERIC_BEFORE.search(left) is not None,
        "citing": _CITING.search(left) is not None,
    }
    return {k for k, v in found.items() if v}


def candidates(
    text: str, span: Span, attribution: Attribution, attributor: Attributor
) -> list[Candidate]:
    """Return the candidate speakers of one quotation, each with its features.

    The first is always the rules' choice (`rule`), « unknown » always among them.
    """
    context = attributor.context
    turn = turn_at(context.turns, span.open) if context.turns else None
    floor = turn.body if turn is not None else 0
    sentence = max(attributor._sentence_start(span.open), floor)
    paragraph = max(attributor._paragraph_start(span.open), floor)
    index = bisect_right(attributor.boundaries, span.close)
    after = attributor.boundaries[index] if index < len(attributor.boundaries) else len(text)
    after = min(after, attributor._paragraph_end(span.close), span.close + 300)
    if turn is not None:
        after = min(after, turn.end)
    pool: dict[str, Candidate] = {}

    def add(name: str | None, function: str | None, *flags: str) -> Candidate:
        key = name_key(name) if name else UNKNOWN
        found = pool.get(key)
        if found is None:
            found = pool[key] = Candidate(name or None, function)
        elif function and not found.function:
            found.function = function
        for flag in flags:
            found.features[flag] = 1.0
        return found

    rule = add(attribution.speaker, attribution.function, "rule", f"rule_{attribution.strength}")
    add(None, None, "unknown")
    participants = {name_key(t.name) for t in context.turns if t.name}
    if context.default:
        participants.add(name_key(context.default))
    participants |= {name_key(n) for n in context.interviewees if n}
    if turn is not None and turn.name:
        add(turn.name, context.functions.get(turn.name), "turn")
    if context.default:
        add(context.default, context.functions.get(context.default), "default")
    if turn is not None and (not turn.name or turn.name in _interviewers(context)):
        for guest in context.interviewees:
            add(guest, context.functions.get(guest), "guest")
    focus = attributor._focus(span.open, floor)
    if focus is not None and focus[0]:
        add(focus[0], focus[1] or context.functions.get(focus[0]), "focus")
    spans = (
        ("left", _mentions_between(attributor, sentence, span.open)),
        ("right", _mentions_between(attributor, span.close, after)),
        ("paragraph", _mentions_between(attributor, paragraph, sentence)[-3:]),
    )
    for where, mentions in spans:
        for mention in mentions:
            if not mention.name:
                continue
            gap = (
                text[mention.end : span.open]
                if where != "right"
                else text[span.close : mention.start]
            )
            distance = _distance(_words(gap))
            flags = [where, f"{where}_{distance}"]
            if where != "paragraph" and _SPEECH_VERB.search(gap):
                flags += [f"{where}_verb", f"{where}_verb_{distance}"]
            if mention.subject:
                flags.append(f"{where}_subject")
            if getattr(mention, "body", False):
                flags.append("body")
            if mention.titled:
                flags.append("titled")
            function = mention.function or context.functions.get(mention.name)
            add(mention.name, function, *flags)
    shared = _context(text, span, attribution, attributor)
    for candidate in pool.values():
        kind = (
            "unknown"
            if candidate.key == UNKNOWN
            else "participant"
            if candidate.key in participants
            else "other"
        )
        candidate.features[kind] = 1.0
        for flag in shared:
            candidate.features[f"{kind}*{flag}"] = 1.0
        if candidate is rule:
            candidate.features[f"rule*{kind}"] = 1.0
        else:  # how far the rules' choice is to be trusted, seen from the others
            candidate.features[f"alt_{attribution.strength}"] = 1.0
    return [rule, *(c for c in pool.values() if c is not rule)]


@dataclass
class Model:
    """A linear model over candidate features: score = bias + sum of the weights present."""

    weights: dict[str, float]
    bias: float = 0.0
    margin: float = 0.0  # how much better than the rules' choice a candidate must score
    adopted: bool = False
    about: dict = field(default_factory=dict)

    def score(self, candidate: Candidate) -> float:
        """Return the model's score of one candidate (higher: more likely the speaker)."""
        return self.bias + sum(
            self.weights.get(name, 0.0) * value for name, value in candidate.features.items()
        )

    def choose(self, found: list[Candidate]) -> Candidate:
        """Return the best candidate; the rules' choice (the first) unless another scores
        `margin` more."""
        rule = found[0]
        best = max(found, key=self.score)
        return best if self.score(best) > self.score(rule) + self.margin else rule


def load(path: Path = WEIGHTS) -> Model | None:
    """Return the model stored at `path`, or None when there is none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Model(
        weights={k: float(v) for k, v in data["weights"].items()},
        bias=float(data.get("bias", 0.0)),
        margin=float(data.get("margin", 0.0)),
        adopted=bool(data.get("adopted", False)),
        about=data.get("about", {}),
    )


@lru_cache(maxsize=1)
def _shipped() -> Model | None:
    return load()


def active() -> Model | None:
    """Return the model the extractor applies: the shipped one when it was adopted, or when
    `VERBATIM_RANKER=1` asks for it; none when `VERBATIM_RANKER=0`."""
    wanted = os.environ.get("VERBATIM_RANKER", "")
    model = _shipped()
    if model is None or wanted == "0":
        return None
    return model if model.adopted or wanted == "1" else None


def rerank(text: str, span: Span, attribution: Attribution, attributor: Attributor) -> Attribution:
    """Return the attribution of a speech quotation after the ranker's say: the rules' own
    when no model is active or none of the other candidates scores better."""
    model = active()
    if model is None and RECORD is None:
        return attribution
    found = candidates(text, span, attribution, attributor)
    if RECORD is not None:
        RECORD.append((span.start, span.end, found))
    if model is None:
        return attribution
    best = model.choose(found)
    if best is found[0]:
        return attribution
    return replace(
        attribution,
        speaker=best.name,
        function=best.function,
        cue="classement appris",
        strength="ranked",
    )
