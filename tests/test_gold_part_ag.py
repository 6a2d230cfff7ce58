"""Part AG of the attribution gold (issue 11, session 34) is the fresh debate check PART-AG.md says.

`choose_ag.py` draws 40 fresh TEI debate turns after every other part (A to AF, J's keys only),
quotes.json and the speakers gold: the cue stock being empty, the first 40 turns whose marks hold
a clause in the seeded order, from the 50 such turns left after part AF. Part AG is a debates'
check of session 34, beside AB and AF, that nobody tunes on. Annotated blind, whole, it is filed
in dev/ but read only when named (`CHECK_PARTS`, `--part AG`, aggregates only), by neither half
otherwise, and shares no document with an older part of the gold, parts A, G and AF included.
Its spans are checked against the readers' texts with every other part's
(tests/test_gold_attribution.py).
"""

from bench.extraction import CHECK_PARTS, gold_half, main
from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh, keys_of


def test_part_ag_is_a_fresh_check_filed_whole_in_dev_and_read_only_when_named():
    """40 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part; left out of both halves unless named, so that no round tunes on its
    errors."""
    filed = filed_fresh("AG", 40)
    assert {e["stratum"] for _, e in filed} == {"tei-clause"}
    # Named by its two letters, never read as parts A and G.
    for letter in "AG":
        assert not keys_of(e for _, e in filed) & keys_of(
            gold_half("dev", parts=frozenset({letter}))
        )
    # People and authors quoted by name (« Lorsque David Cameron … dit », « les propos du
    # Défenseur des droits, Dominique Baudis », « C'est ainsi que s'exprimait … Mme la garde des
    # Sceaux Élisabeth Guigou », « cette chanson de Jacques Brel », « les mots du poète
    # Léon-Gontran Damas »), bodies named as such (« un sondage IFOP », the Livre blanc of the
    # association Cosette et Gavroche), the amendments the deputies defend, texts read out with no
    # person as author (the Déclaration de 1789, the code civil's articles 34 and 371, France and
    # Germany's joint declaration), the Défenseur des droits named by the office alone, and the
    # interruptions of the stage directions (« Démission ! Démission ! »).
    cues = cues_of(filed)
    assert cues["author", True] + cues["third-named", True] >= 12
    assert cues["body", True] >= 3 and cues["own", True] >= 3
    assert cues["text", False] >= 10 and cues["third-function", False] >= 2
    assert cues["group", False] >= 10
    # One reading opened and never closed, its next paragraph reopened: an unclosed piece.
    assert sum(bool(q.get("unclosed")) for _, e in filed for q in e["quotes"]) == 1
    # One turn of the chair was drawn (no document speaker, a note says why); the other 39 give
    # their speaker by the turn's label, a deputy, a minister, or « Mmes et Mles députés ».
    chair = [e for _, e in filed if "le_président" in e["record"]]
    assert len(chair) == 1 and chair[0]["speakers"] == [] and chair[0]["note"]
    assert sorted(len(e["speakers"]) for _, e in filed) == [0] + [1] * 39


def test_part_ag_is_the_seeded_choice_its_chooser_makes():
    """The documents of part AG are exactly those `choose_ag.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("AG")
    assert len(chosen) == 40 and gold == chosen


def test_the_bench_refuses_the_misses_of_part_ag(capsys):
    """`--part AG --errors` is refused before anything is scored: a check's misses are never
    listed."""
    assert {"AB", "AF", "AG"} <= CHECK_PARTS and not {"AA", "AC", "AD", "A", "G"} & CHECK_PARTS
    code = main(["--only", "attribution", "--half", "dev", "--part", "AG", "--errors"])
    assert code == 2
    assert "partie de contrôle AG : agrégats seulement" in capsys.readouterr().err
