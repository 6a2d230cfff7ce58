"""Part U of the attribution gold (issue 11, session 18) is the fresh debate part PART-U.md says.

`choose_u.py` draws 50 fresh TEI debate turns after every other part (A to T, J's keys only),
quotes.json and the speakers gold: every turn left with a wider citation cue before a mark, then
turns whose marks hold a clause. Annotated blind, whole, filed in dev/, it shares no document
with an older part of the gold; a check read only when named in sessions 18 and 19, it is
development material since session 20 (part V took its place). Its spans are checked against
the readers' texts with every other part's (tests/test_gold_attribution.py).
"""

from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh


def test_part_u_is_a_fresh_debate_part_filed_whole_in_dev_and_now_development_material():
    """50 turns (37 with a wider citation cue, every one left; 13 whose marks hold a clause),
    filed whole in dev/, sharing no document with quotes.json, the speakers gold or any other
    part. A check read only when named in sessions 18 and 19, it is development material since
    session 20 (PART-U.md): `--half dev` reads it, part V is the debates' check."""
    filed = filed_fresh("U", 50, check=False)
    strata = [e["stratum"] for _, e in filed]
    assert strata.count("tei-cue-wide") == 37 and strata.count("tei-clause") == 13
    # Authors and colleagues quoted by name (Léon Blum, Michel Rocard, Mme Agacinski), people
    # known by function only (« M. le Premier ministre déclare »), texts read out (the bill's
    # articles, the code civil, declarations): (cue tag, named) of each speech quotation.
    cues = cues_of(filed)
    assert cues["author", True] + cues["third-named", True] >= 15
    assert cues["third-function", False] >= 5 and cues["text", False] >= 10


def test_part_u_is_the_seeded_choice_its_chooser_makes():
    """The documents of part U are exactly those `choose_u.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("U")
    assert len(chosen) == 50 and gold == chosen
