"""Part Z of the attribution gold (issue 11, session 24) is the fresh debate part PART-Z.md says.

`choose_z.py` draws 32 fresh TEI debate turns after every other part (A to Y, J's keys only),
quotes.json and the speakers gold: the cue stock being empty, the first 32 turns whose marks hold
a clause in the seeded order. Annotated blind, whole, filed in dev/, it shares no document with
an older part of the gold; the debates' check read only when named in sessions 24 to 29, it is
development material since session 30 (scored once more as a check, then spent: PART-Z.md). Its
spans are checked against the readers' texts with every other part's
(tests/test_gold_attribution.py).
"""

from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh


def test_part_z_is_a_fresh_debate_part_filed_whole_in_dev_and_now_development_material():
    """32 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part. A check read only when named in sessions 24 to 29, it is development
    material since session 30 (PART-Z.md): `--half dev` reads it."""
    filed = filed_fresh("Z", 32, check=False)
    assert {e["stratum"] for _, e in filed} == {"tei-clause"}
    # Authors and people quoted by name (Victor Hugo, Aude Mirkovic, Xavier Bertrand), texts read
    # out (the code civil five times, the code du travail, the Assembly's règlement, amendments),
    # interruptions in the stage directions, even one word long (« Ah ! », « Absolument ! »).
    cues = cues_of(filed)
    assert cues["author", True] + cues["third-named", True] >= 4
    assert cues["text", False] >= 15 and cues["group", False] >= 5
    # Two turns are the chair's, never named: no document speaker, a note says why.
    nobody = [e for _, e in filed if not e["speakers"]]
    assert len(nobody) == 2 and all("chair" in e["note"] for e in nobody)


def test_part_z_is_the_seeded_choice_its_chooser_makes():
    """The documents of part Z are exactly those `choose_z.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("Z")
    assert len(chosen) == 32 and gold == chosen
