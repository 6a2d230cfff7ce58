"""Extraction in bounded time, whatever a document holds: a page of hyphenated words, a
register of names without a full stop, a list of signatories on one line of a million
characters are read as any document is, in time that grows with their length, not faster.

No time is asserted (a fuzzer measured them, hostile texts of 1,000 to 64,000 characters each
extracted in a process of its own: bench/attribution-rounds.md, session 34). Each document
below is extracted through `enrich_document`, its result asserted; at b313f72 (the code
before) each one crawled, quadratic in its length: at the sizes chosen here, minutes to a
quarter of an hour. Where a count shows it, the test also fails at once before.
"""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from indexer.cli import main
from indexer.document import Document
from indexer.extract import enrich_document
from indexer.extract import speech_cues as cues
from indexer.extract.attribution.context import SENTENCE_REACH
from indexer.extract.attribution.focus import FOCUS_REACH, Focus
from indexer.extract.mentions import CAP, UPPER
from indexer.extract.signatories import _SEPARATORS, _separators

FIRST = ["Jean", "Marie", "Claire", "Antoine", "Sophie", "Malik", "Pierre", "Hélène", "Louis",
         "Anne"]
LAST = ["Dupont", "Martin", "Aubertin", "Deltour", "Lemaire", "Benhaddou", "Perrin", "Garnier",
        "Roux", "Faure"]


def people(count: int) -> list[str]:
    """`count` names, a hundred different ones in turn (« Jean Dupont », « Marie Dupont » …)."""
    return [f"{FIRST[i % 10]} {LAST[i // 10 % 10]}" for i in range(count)]


def extracted(text: str) -> Document:
    return enrich_document(Document("x", "document.txt", "txt", text))


# --- a name's hyphenated words -----------------------------------------------------------------

def hyphenated_keywords(size: int) -> str:
    """A release whose keywords line is one hyphenated chain of `size` characters."""
    return ("Communiqué de presse\n\nLuxembourg, le 29 juin 2016\n\nMots-clés : "
            + "Luxleaks-Antoine-Deltour-" * (size // 25) + "procès\n\n"
            "Antoine Deltour a déclaré : « Je ferai appel de ce jugement. »\n")


def test_a_page_of_hyphenated_words_is_read_once():
    # A name is tried from every capital, and each tried the whole chain after it: at b313f72
    # 64,000 characters took 14 s (quadratic), this page of 512,000 a quarter of an hour.
    doc = extracted(hyphenated_keywords(512_000))
    assert [(q.speaker, q.cue) for q in doc.quotes] == [("Antoine Deltour", "a déclaré")]
    assert [s.name for s in doc.speakers] == ["Antoine Deltour"]
    # a word's hyphenated parts are a bounded repetition (none unbounded: « )* », « )+ »)
    assert not re.search(r"\)[*+]", CAP) and not re.search(r"\)[*+]", UPPER)


def test_hyphenated_names_are_still_read_whole():
    doc = extracted("Selon Jean-Pierre Dupond-Moretti, « la justice doit passer ». "
                    "Mme PANNIER-RUNACHER a déclaré : « Nous ferons appel de ce jugement. »")
    assert [q.speaker for q in doc.quotes] == ["Jean-Pierre Dupond-Moretti", "Pannier-Runacher"]


# --- who is in focus, in a sentence without end ------------------------------------------------

def register(size: int) -> str:
    """A register of names, one a line, no full stop: one sentence of `size` characters, then
    words nobody is said to speak."""
    lines = [f"M. {name}, conseiller municipal ;" for name in people(size // 34)]
    return ("Composition du comité de soutien\n\n" + "\n".join(lines)
            + "\n« Nous soutiendrons Antoine Deltour jusqu'au bout. »\n")


class CountingScans:
    """`cues.SPEECH_VERB` with the characters its `finditer` reads counted."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.read = 0

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else min(endpos, len(text))
        self.read += max(0, end - pos)
        return self.pattern.finditer(text, pos, end)

    def __getattr__(self, name: str):
        return getattr(self.pattern, name)


def test_a_register_without_full_stop_is_read_once_for_its_verbs(monkeypatch):
    # Whether each name heads a clause a verb of speech reports was looked up by reading its
    # sentence again from its start: at b313f72 64,000 characters took 4.6 s, this register
    # of 300,000 would take minutes.
    text = register(256_000)
    doc = extracted(text)
    # the words go to the subject heading their « sentence », as for any text: here the name
    # SENTENCE_REACH characters back at most (a line of the register; at c405358 its first,
    # a quarter of a megabyte before), since no real sentence runs that long
    assert [q.cue for q in doc.quotes] == ["sujet"]
    assert f"M. {doc.quotes[0].speaker}, conseiller" in text[-SENTENCE_REACH - 200:]
    # the verbs of speech are read once per sentence, not once per name
    scans = CountingScans(cues.SPEECH_VERB)
    monkeypatch.setattr(cues, "SPEECH_VERB", scans)
    text = register(16_000)
    assert [q.cue for q in extracted(text).quotes] == ["sujet"]
    assert scans.read < 4 * len(text)  # at b313f72: 234 times the text


def test_a_verb_reporting_a_clause_is_still_found():
    # « Il » stands for the one talking, not for the person his verb reports about (who would
    # be in focus if the verb, far before him, were not found)
    doc = extracted("Me William Bourdon explique d'ailleurs que, plusieurs mois avant le procès "
                    "en appel à Luxembourg, Antoine Deltour a agi par conviction. Il ajoute : "
                    "« Ce procès n'aurait jamais dû avoir lieu. »")
    assert [(q.speaker, q.cue) for q in doc.quotes] == [("William Bourdon", "il ajoute")]


# --- quotations in a sentence without end ------------------------------------------------------

def support_messages(size: int) -> str:
    """A page of support messages flattened to one line, no full stop: « courage, on est avec
    vous » de Jean Dupont, « … » de Marie Dupont, …"""
    return ("Messages de soutien reçus par le comité : "
            + ", ".join(f"« courage, on est avec vous » de {name}" for name in people(size // 45))
            + "\n")


def test_support_messages_on_one_line_are_each_read_near_them(monkeypatch):
    # Each quotation's cues were read from its sentence's start, and the person in focus looked
    # for through every name before it: at c405358 32,000 characters took 15 s (quadratic),
    # this page of 64,000 took 64 s. A sentence is now read back SENTENCE_REACH characters at
    # most, the person in focus FOCUS_REACH mentions back.
    scans = CountingScans(cues.SPEECH_VERB)
    monkeypatch.setattr(cues, "SPEECH_VERB", scans)
    walked = []
    spoken_to = Focus._spoken_to
    monkeypatch.setattr(Focus, "_spoken_to", lambda self, m: walked.append(m) or spoken_to(self, m))
    text = support_messages(64_000)
    doc = extracted(text)
    assert len(doc.quotes) == 64_000 // 45
    assert {q.text for q in doc.quotes} == {"courage, on est avec vous"}
    # what each quotation reads is bounded, not the whole line before it
    quotes = len(doc.quotes)
    assert scans.read < quotes * (SENTENCE_REACH + 100) + 2 * len(text)  # c405358: 15 times more
    assert len(walked) <= 2 * FOCUS_REACH * quotes  # c405358: every name before each quotation


# --- a list of signatories on one line ---------------------------------------------------------

def signed(size: int) -> str:
    return ("Tribune\n\nNous demandons la relaxe des lanceurs d'alerte.\n\nSignataires : "
            + ", ".join(people(size // 13)) + ".\n")


def test_a_million_characters_of_signatories_on_one_line():
    # Each comma looked for the next parenthesis to the end of the line: at b313f72 64,000
    # characters took 1.6 s (quadratic), this line of 1,150,000 would take minutes.
    doc = extracted(signed(1_000_000))
    assert [s.name for s in doc.speakers] == people(100)  # the hundred names, once each


def test_a_comma_inside_parentheses_still_separates_nothing():
    for line in ["Sherpa (Paris, Lyon), Attac ; Oxfam", "Jean Dupont, Marie Martin",
                 "Attac (France, Belgique, Suisse)", "a , b ,  ; c", "(a, b), c) , d ("]:
        assert _separators(line) == _SEPARATORS.split(line)
    assert _separators("Sherpa (Paris, Lyon), Attac") == ["Sherpa (Paris, Lyon)", "Attac"]


# --- through the command -----------------------------------------------------------------------

def test_verbatim_index_reads_such_a_register(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "comite.txt").write_text(register(256_000), "utf-8")
    (folder / "mots-cles.txt").write_text(hyphenated_keywords(512_000), "utf-8")
    runner = CliRunner()
    index = tmp_path / "ix"
    result = runner.invoke(main, ["index", str(folder), "--index", str(index), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["added"] == 2
    found = runner.invoke(main, ["search", "ferai", "appel", "--quotes", "--json", "--index",
                                 str(index)])
    assert found.exit_code == 0, found.output
    assert "Antoine Deltour" in found.output
