"""Part Y of the attribution gold (issue 11, session 23) is the fresh debate check PART-Y.md says.

`choose_y.py` draws 40 fresh TEI debate turns after every other part (A to X, J's keys only),
quotes.json and the speakers gold: the cue stock being empty, the first 40 turns whose marks hold
a clause in the seeded order. Part X, the check of session 22, is development material since
session 23: part Y is the check nobody tunes on. Annotated blind, whole, it is filed in dev/ but
read only when named (`CHECK_PARTS`, `--part Y`, aggregates only), by neither half otherwise, and
shares no document with an older part of the gold. Its spans are checked against the readers'
texts with every other part's (tests/test_gold_attribution.py).
"""

from bench.extraction import CHECK_PARTS, main
from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh


def test_part_y_is_a_fresh_check_filed_whole_in_dev_and_read_only_when_named():
    """40 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part; left out of both halves unless named, so that no round tunes on its
    errors."""
    filed = filed_fresh("Y", 40)
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


def test_the_bench_refuses_the_misses_of_part_y(capsys):
    """`--part Y --errors` is refused before anything is scored: a check's misses are never
    listed."""
    assert "Y" in CHECK_PARTS and "X" not in CHECK_PARTS
    code = main(["--only", "attribution", "--half", "dev", "--part", "Y", "--errors"])
    assert code == 2
    assert "agrégats seulement" in capsys.readouterr().err
