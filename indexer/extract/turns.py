"""Speech turns of interviews and transcripts: who has the floor from where to where.

Transcripts mark the speaker with an upper-case line (`OLIVIER DUSSOPT`), an upper-case name
opening the paragraph (`APOLLINE DE MALHERBE « Il ne… »`, sometimes glued after the previous
sentence: `…MELENCHON.OLIVIER VERAN Jean-Luc…`), or a `Name :` prefix
(`Sophie Lemaire-Dufour : Malheureusement, oui.`). A label must come back at least twice, or
name someone the title names, so that a heading such as `CONTACT PRESSE` is no turn.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from indexer.analysis import fold
from indexer.extract.firstnames import FIRST_NAMES
from indexer.extract.names import Aliases, canonical_name, name_key

_UP = "A-ZÀ-ÖØ-ÞŒ"
_UPWORD = rf"[{_UP}][{_UP}'’\-]*[{_UP}]"
_UPPER_LABEL = (
    rf"(?:(?:M\.|MME|MME\.|Mme|M)\s+)?{_UPWORD}(?:[ ](?:{_UPWORD}|DE|DU|DES|D'|LE|LA)){{0,3}}"
    rf"[ ](?:{_UPWORD}|[{_UP}])"  # a last word may be one letter: CEDRIC O
)
_CAP_LABEL = (
    rf"(?:(?:M\.|Mme|Me)\s+)?[{_UP}][\w'’\-]+(?:[ ](?:de |d'|du |le |la )?[{_UP}][\w'’\-]+){{0,3}}"
)
# A paragraph that is only a label, or that opens with one.
_ALONE = re.compile(rf"^(?P<label>{_UPPER_LABEL})\s*[:.]?\s*$")
# A paragraph that is only a first name and a surname in capitals (« Damien MARC », « Béatrice
# SCHMIDT »: the guests of a round table in the President's speech, each name on its own line).
_ALONE_NAME = re.compile(
    rf"^(?P<label>[{_UP}][a-zà-ÿ'’]+(?:-[{_UP}][a-zà-ÿ'’]+)?(?:[ ](?:DE|DU|LE|LA|D'))?"
    rf"[ ]{_UPWORD}(?:[ \-]{_UPWORD})?)\s*:?\s*$"
)
_OPENING_UPPER = re.compile(
    rf"^(?P<label>{_UPPER_LABEL})(?:\s*[:\-–—]\s*|\s+)(?=[^\n]{{0,30}}[a-zà-ÿ])"
)
# A recorded voice played on air, its name and function in capitals on a line of their own
# (« AXELLE CARLIER, PRATICIENNE EN HYPNOSE A LILLE »): a turn even when it comes once.
_CLIP_LABEL = re.compile(rf"^(?P<label>{_UPPER_LABEL}),[ \t]*[{_UP}][^a-zà-ÿ\n]{{2,80}}$")
# The same label with the words after it on its line, as a scraper joining the lines writes a
# guest's first turn (« BASILE DUTERTRE, PORTE-PAROLE DES SOULEVEMENTS DE LA TERRE Bonjour
# Nicolas, bonjour Léa »): a turn even when it comes once, its function the capitals'.
_FUNCTION_LABEL = re.compile(
    rf"^(?P<label>{_UPPER_LABEL}),[ \t]*(?P<function>[{_UP}][^a-zà-ÿ\n]{{2,80}}?)"
    rf"[ \t]+(?=[{_UP}]?[a-zà-ÿ])"
)
_OPENING_NAME = re.compile(rf"^(?P<label>{_CAP_LABEL})\s*:\s+(?=\S)")
# A deputy's parliamentary group after the name (« Mme Sophia Chikirou (LFI-NUPES). »): a
# committee hearing's record, where each deputy may speak once.
_GROUP = rf"[ \t]+\((?P<group>[{_UP}][\w\-]*(?:[- ][{_UP}][\w\-]*){{0,3}})\)"
# A hearing's record: « M. Sébastien Nadot. J'ai dit… », « M. Jean-Yves Le Drian, ministre.
# Merci… », « M. le président Éric Coquerel. Madame Dalloz… ».
_OPENING_CIVILITY = re.compile(
    rf"^(?P<label>(?:M\.|Mme|Mlle)\s+(?:(?:le|la)\s+(?:président|présidente|rapporteur"
    rf"|rapporteure)\s+)?[{_UP}][\w'’\-]+(?:[ ](?:de |d'|du |le |la )?[{_UP}][\w'’\-]+){{0,3}})"
    rf"(?:,\s*[^.\n]{{1,80}}|{_GROUP})?\.\s+(?=\S)"
)
# « Q - … » / « R - … »: an unnamed interviewer's question, the guest's answer.
_QUESTION_ANSWER = re.compile(r"^(?P<label>Q|R)\s*[-–—:]\s+(?=\S)")
QUESTION, ANSWER = "Q", "R"
# The roles instead of names, each alone on its line (« Journaliste » then « Le Président de la
# République », the Élysée's transcript of an interview to a foreign channel): the questions and
# the answers of a « Q - / R - » transcript. The guest's role counts only where the
# journalist's comes too (a declaration may end with its signer's function on a line).
_ROLE_QUESTION = re.compile(r"^(?:(?:le|la)\s+)?journaliste\s*:?\s*$", re.IGNORECASE)
_ROLE_ANSWER = re.compile(r"^le\s+président\s+de\s+la\s+république\s*:?\s*$", re.IGNORECASE)
_NOT_LABELS = frozenset(
    """
    source contact contacts note notes question questions reponse reponses tel telephone email
    mail courriel twitter facebook photo photos credit credits legende lien liens version pdf
    communique presse dossier sommaire annexe annexes objet date lieu fin introduction
    conclusion titre
    """.split()
)
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]*)*")


@dataclass
class Turn:
    """One speaker's turn: the label at `start`, the words from `body` to `end`."""

    name: str
    start: int
    body: int
    end: int
    label: str
    clip: bool = False  # a voice of its own, neither asking nor answering: a recording played
    # on air, a deputy questioning a minister in a committee hearing (no document speaker)
    function: str | None = None  # the one its label gives (« …, PORTE-PAROLE DE … »)


def _label_ok(label: str, upper: bool = True) -> bool:
    words = fold(label).casefold().replace(":", " ").split()
    if not words or any(w in _NOT_LABELS for w in words) or len(label) > 60:
        return False
    if upper:
        return True
    # "Sophie Lemaire-Dufour :" is a turn, "Le Quotidien Procès LuxLeaks :" is a headline.
    first = words[0].split("-")[0]
    return first in FIRST_NAMES or words[0] in {"m.", "mme", "me"}


def _candidates(
    text: str, clips: set[int], alone: set[int], functions: dict[int, str]
) -> list[tuple[int, int, str]]:
    """Return `(start, body, label)` of every paragraph opening with a label; the starts of
    the recorded voices' labels go to `clips`, those of the names alone on a line to
    `alone`, the functions labels give to `functions` (by start)."""
    found = []
    asked = any(_ROLE_QUESTION.match(p.group()) for p in _PARAGRAPH.finditer(text))
    for p in _PARAGRAPH.finditer(text):
        paragraph = p.group()
        if asked and (role := _role(paragraph)):
            found.append((p.start(), p.end(), role))
            continue
        for pattern in (
            _QUESTION_ANSWER,
            _ALONE,
            _ALONE_NAME,
            _CLIP_LABEL,
            _FUNCTION_LABEL,
            _OPENING_UPPER,
            _OPENING_NAME,
            _OPENING_CIVILITY,
        ):
            m = pattern.match(paragraph)
            if m and pattern is _QUESTION_ANSWER:
                found.append((p.start(), p.start() + m.end(), m.group("label")))
                break
            upper = pattern in (_ALONE, _OPENING_UPPER, _CLIP_LABEL, _FUNCTION_LABEL)
            if m and _label_ok(m.group("label"), upper):
                found.append((p.start(), p.start() + m.end(), m.group("label")))
                if pattern is _ALONE_NAME:
                    alone.add(p.start())
                if pattern in (_CLIP_LABEL, _FUNCTION_LABEL) or (
                    pattern is _OPENING_CIVILITY and m.group("group")
                ):  # a recorded voice, a deputy with the group: turns even once
                    clips.add(p.start())
                if pattern is _FUNCTION_LABEL:
                    functions[p.start()] = m.group("function").strip().lower()
                break
    return found


def _role(paragraph: str) -> str | None:
    """QUESTION for a paragraph that is only the journalist's role, ANSWER for the guest's."""
    if _ROLE_QUESTION.match(paragraph):
        return QUESTION
    return ANSWER if _ROLE_ANSWER.match(paragraph) else None


def find_turns(
    text: str, aliases: Aliases | None = None, known: set[str] | None = None
) -> list[Turn]:
    """Return the speech turns of a transcript, or [] when the text has none.

    >>> text = "JEAN-PAUL CHAPEL\\n\\nBonjour ?\\n\\nOLIVIER DUSSOPT\\n\\nBonjour.\\n\\n" \\
    ...        "JEAN-PAUL CHAPEL\\n\\nMerci ?\\n\\nOLIVIER DUSSOPT\\n\\nMerci à vous."
    >>> [(t.name, text[t.body:t.end].strip()) for t in find_turns(text)][:2]
    [('Jean-Paul Chapel', 'Bonjour ?'), ('Olivier Dussopt', 'Bonjour.')]
    """
    known = known or set()
    clips: set[int] = set()
    alone: set[int] = set()
    functions: dict[int, str] = {}
    candidates = _candidates(text, clips, alone, functions)
    if not candidates:
        return []
    candidates = _initial_is_first_word(candidates)
    counts = Counter(name_key(label) for _, _, label in candidates)
    kept = [c for c in candidates if counts[name_key(c[2])] >= 2 or _known(c[2], known)]
    if not kept:
        return []
    # a recorded voice counts once the text is a transcript (other labels come back); so does
    # a name alone on its line where two other such names come back (« Yann MAUSS », who
    # speaks once at a round table where « Damien MARC » and « Béatrice SCHMIDT » speak twice)
    names_alone = {name_key(c[2]) for c in kept if c[0] in alone}
    once = {c for c in candidates if c[0] in alone} if len(names_alone) >= 2 else set()
    kept = sorted(set(kept) | {c for c in candidates if c[0] in clips} | once)
    # Labels glued inside a paragraph ("…MELENCHON.OLIVIER VERAN Jean-Luc…").
    uppers = {c[2] for c in kept if c[2].upper() == c[2]}
    if uppers:
        alternatives = "|".join(re.escape(u) for u in sorted(uppers, key=len, reverse=True))
        glued = re.compile(rf"(?<=[.!?…»\"”])\s*({alternatives})\s+(?=\S*[a-zà-ÿ«])")
        starts = {c[0] for c in kept}
        for m in glued.finditer(text):
            if m.start(1) not in starts:
                kept.append((m.start(1), m.end(), m.group(1)))
        kept.sort()
    turns = []
    for index, (start, body, label) in enumerate(kept):
        end = kept[index + 1][0] if index + 1 < len(kept) else len(text)
        if label in (QUESTION, ANSWER):
            turns.append(Turn(label, start, body, end, label))  # named by the caller
            continue
        label = _CHAIR_WORDS.sub("", label)
        name = canonical_name(label.rstrip(" :."))
        if aliases is not None:
            name = aliases.canonical(name)
        turns.append(Turn(name, start, body, end, label, start in clips, functions.get(start)))
    return turns


def _initial_is_first_word(candidates: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Give back to the words a one-letter word a label took as its last (« CEDRIC O » is a
    name, but in « DIMITRI PAVLENKO A propos de la violence » the « A » opens the sentence):
    when the label without that letter labels another paragraph, it is this one's label.

    >>> _initial_is_first_word([(0, 17, "DIMITRI PAVLENKO"), (40, 59, "DIMITRI PAVLENKO A")])
    [(0, 17, 'DIMITRI PAVLENKO'), (40, 57, 'DIMITRI PAVLENKO')]
    """
    keys = Counter(name_key(label) for _, _, label in candidates)
    fixed = []
    for start, body, label in candidates:
        head, _, last = label.rpartition(" ")
        if head and len(last) == 1 and keys[name_key(label)] == 1 and keys[name_key(head)]:
            fixed.append((start, start + len(head) + 1, head))
        else:
            fixed.append((start, body, label))
    return fixed


_CHAIR_WORDS = re.compile(r"(?<=\s)(?:le|la)\s+(?:président|présidente|rapporteur|rapporteure)\s+")


def _known(label: str, known: set[str]) -> bool:
    key = name_key(label)
    return key in known or any(key.split()[-1:] == k.split()[-1:] for k in known if k)


def turn_at(turns: list[Turn], position: int) -> Turn | None:
    """Return the turn holding `position`, or None before the first turn."""
    found = None
    for turn in turns:
        if turn.start <= position:
            found = turn
        else:
            break
    return found if found is not None and position < found.end else None


def split_roles(text: str, turns: list[Turn], named: list[str]) -> tuple[list[str], list[str]]:
    """Return `(speakers, interviewers)` among the turns' names.

    With names from the title (`Interview de M. X`), the labels that match them speak and the
    others ask. Without, the labels whose turns mostly end with a question (within their last
    60 characters) are the interviewers.
    """
    names = list(dict.fromkeys(t.name for t in turns if t.name))
    if not names:
        return [], []
    ratios = {}
    for name in names:
        own = [t for t in turns if t.name == name]
        asked = sum(1 for t in own if "?" in text[max(t.body, t.end - 60) : t.end])
        ratios[name] = asked / len(own)
    keys = {name_key(n) for n in named if n}
    if keys:
        surnames = {k.split()[-1] for k in keys}
        speakers = [n for n in names if name_key(n) in keys or name_key(n).split()[-1] in surnames]
        others = [n for n in names if n not in speakers]
        if speakers and others and all(ratios[n] == 1 for n in speakers):
            if all(ratios[n] < 0.5 for n in others):
                # the one the source names asks every question (« author: Paul Verdier »
                # above « **Paul Verdier : … ?** » then « Sophie Lemaire-Dufour : … »): the
                # journalist, and the one answering is the guest
                return others, speakers
        if speakers:
            return speakers, others
    if len(names) == 1:
        return names, []
    askers = [n for n in names if ratios[n] >= 0.5]
    if not askers or len(askers) == len(names):
        askers = [max(names, key=lambda n: ratios[n])]
    return [n for n in names if n not in askers], askers
