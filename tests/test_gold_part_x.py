"""Part X of the attribution gold (issue 11, session 22) is the fresh debate part PART-X.md says.

`choose_x.py` draws 40 fresh TEI debate turns after every other part (A to W, J's keys only),
quotes.json and the speakers gold: the cue stock being empty, the first 40 turns whose marks hold
a clause in the seeded order. Annotated blind, whole, filed in dev/, it shares no document with
an older part of the gold; a check read only when named in session 22, it is development
material since session 23 (part Y took its place). Its spans are checked against the readers'
texts with every other part's (tests/test_gold_attribution.py).
"""

from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh


def test_part_x_is_a_fresh_debate_part_filed_whole_in_dev_and_now_development_material():
    """40 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part. A check read only when named in session 22, it is development
    material since session 23 (PART-X.md): `--half dev` reads it, part Y is the debates' check."""
    filed = filed_fresh("X", 40, check=False)
    assert {e["stratum"] for _, e in filed} == {"tei-clause"}
    # People and authors quoted by name (Barack Obama, David Cameron, Montesquieu, Mme Guigou's
    # speech read out), texts read out (the code civil, the bill's article, a proposition de loi's
    # exposé des motifs), people known by function only (the rapporteur, an unnamed mother).
    cues = cues_of(filed)
    assert cues["author", True] + cues["third-named", True] >= 10
    assert cues["text", False] >= 6 and cues["third-function", False] >= 6


def test_part_x_is_the_seeded_choice_its_chooser_makes():
    """The documents of part X are exactly those `choose_x.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("X")
    assert len(chosen) == 40 and gold == chosen
