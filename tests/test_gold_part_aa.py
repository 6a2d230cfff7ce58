"""Part AA of the attribution gold (issue 11, session 30) is the fresh debate part PART-AA.md says.

`choose_aa.py` draws 40 fresh TEI debate turns after every other part (A to Z, J's keys only),
quotes.json and the speakers gold: the cue stock being empty, the first 40 turns whose marks hold
a clause in the seeded order. It is the first part named by two letters. Annotated blind, whole,
filed in dev/, it shares no document with an older part of the gold, part A included; the
debates' check read only when named in sessions 30 to 32, it is development material since
session 33 (scored as a check, then spent: PART-AA.md). Its spans are checked against the
readers' texts with every other part's (tests/test_gold_attribution.py).
"""

from bench.extraction import gold_half
from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh, keys_of


def test_part_aa_is_a_fresh_debate_part_filed_whole_in_dev_and_now_development_material():
    """40 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part. A check read only when named in sessions 30 to 32, it is development
    material since session 33 (PART-AA.md): `--half dev` reads it."""
    filed = filed_fresh("AA", 40, check=False)
    assert {e["stratum"] for _, e in filed} == {"tei-clause"}
    # Named by its two letters, never read as part A.
    assert not keys_of(e for _, e in filed) & keys_of(gold_half("dev", parts=frozenset({"A"})))
    # Authors and people quoted by name (Renan, Rousseau, Charles de Gaulle; Jacques Toubon, David
    # Cameron, Jean Tarrade), texts read out (the code civil six times, the code de l'action
    # sociale et des familles, the bill's impact study), bodies (the Conseil d'État, the Académie
    # des sciences morales et politiques, the Association des adoptés, the Wall Street Journal),
    # interruptions and chants in the stage directions, even one word long (« Stop ! »).
    cues = cues_of(filed)
    assert cues["author", True] + cues["third-named", True] >= 10
    assert cues["text", False] >= 12 and cues["group", False] >= 8
    assert cues["body", True] + cues["org", True] >= 5
    # A reading over two paragraphs: the first, never closed, is a piece of its own.
    assert sum(bool(q.get("unclosed")) for _, e in filed for q in e["quotes"]) == 1
    # Two turns are the chair's, never named: no document speaker, a note says why.
    nobody = [e for _, e in filed if not e["speakers"]]
    assert len(nobody) == 2 and all("chair" in e["note"] for e in nobody)


def test_part_aa_is_the_seeded_choice_its_chooser_makes():
    """The documents of part AA are exactly those `choose_aa.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("AA")
    assert len(chosen) == 40 and gold == chosen
