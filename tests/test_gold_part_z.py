"""Part Z of the attribution gold (issue 11, session 24) is the fresh debate check PART-Z.md says.

`choose_z.py` draws 32 fresh TEI debate turns after every other part (A to Y, J's keys only),
quotes.json and the speakers gold: the cue stock being empty, the first 32 turns whose marks hold
a clause in the seeded order. Part Y, the check of session 23, is development material since
session 24: part Z is the check nobody tunes on. Annotated blind, whole, it is filed in dev/ but
read only when named (`CHECK_PARTS`, `--part Z`, aggregates only), by neither half otherwise, and
shares no document with an older part of the gold. Its spans are checked against the readers'
texts with every other part's (tests/test_gold_attribution.py).
"""

from bench.extraction import CHECK_PARTS, main
from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh


def test_part_z_is_a_fresh_check_filed_whole_in_dev_and_read_only_when_named():
    """32 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part; left out of both halves unless named, so that no round tunes on its
    errors."""
    filed = filed_fresh("Z", 32)
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


def test_the_bench_refuses_the_misses_of_part_z(capsys):
    """`--part Z --errors` is refused before anything is scored: a check's misses are never
    listed."""
    assert "Z" in CHECK_PARTS and "Y" not in CHECK_PARTS
    code = main(["--only", "attribution", "--half", "dev", "--part", "Z", "--errors"])
    assert code == 2
    assert "agrégats seulement" in capsys.readouterr().err
