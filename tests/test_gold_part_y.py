"""Part Y of the attribution gold (issue 11, session 23) is the fresh debate part PART-Y.md says.

`choose_y.py` draws 40 fresh TEI debate turns after every other part (A to X, J's keys only),
quotes.json and the speakers gold: the cue stock being empty, the first 40 turns whose marks hold
a clause in the seeded order. Annotated blind, whole, filed in dev/, it shares no document with
an older part of the gold; a check read only when named in session 23, it is development
material since session 24 (part Z took its place). Its spans are checked against the readers'
texts with every other part's (tests/test_gold_attribution.py).
"""

from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh


def test_part_y_is_a_fresh_debate_part_filed_whole_in_dev_and_now_development_material():
    """40 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part. A check read only when named in session 23, it is development
    material since session 24 (PART-Y.md): `--half dev` reads it, part Z is the debates' check."""
    filed = filed_fresh("Y", 40, check=False)
    assert {e["stratum"] for _, e in filed} == {"tei-clause"}
    # Authors and colleagues quoted by name (Richelieu, Alfred de Musset, Aimé Césaire, François
    # Mitterrand's maxim, Damien Abad after the words), texts read out (the code civil, the
    # declaration of the rights of man, the code de la santé publique, a circular, a pledge),
    # people known by function only (a candidate, the garde des Sceaux never named).
    cues = cues_of(filed)
    assert cues["author", True] + cues["third-named", True] >= 8
    assert cues["text", False] >= 15 and cues["third-function", False] >= 6
    # Two turns are the chair's, never named: no document speaker, a note says why.
    nobody = [e for _, e in filed if not e["speakers"]]
    assert len(nobody) == 2 and all("chair" in e["note"] for e in nobody)


def test_part_y_is_the_seeded_choice_its_chooser_makes():
    """The documents of part Y are exactly those `choose_y.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("Y")
    assert len(chosen) == 40 and gold == chosen

