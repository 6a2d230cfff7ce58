"""Part AD of the attribution gold (issue 11, session 33) is the fresh debate part PART-AD.md says.

`choose_ad.py` draws 80 fresh TEI debate turns after every other part (A to AC, J's keys only),
quotes.json and the speakers gold: the cue stock being empty, the first 80 turns whose marks hold
a clause in the seeded order. Annotated blind, whole, filed in dev/, it shares no document with
an older part of the gold, parts A, D and AC included; the larger debates' check of session 33,
read only when named until the thirty-second round, it is development material since (scored as
a check, then spent: PART-AD.md). Its spans are checked against the readers' texts with every
other part's (tests/test_gold_attribution.py).
"""

from bench.extraction import gold_half
from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh, keys_of


def test_part_ad_is_a_fresh_debate_part_filed_whole_in_dev_and_now_development_material():
    """80 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part. A check read only when named until the thirty-second round, it is
    development material since (PART-AD.md): `--half dev` reads it."""
    filed = filed_fresh("AD", 80, check=False)
    assert {e["stratum"] for _, e in filed} == {"tei-clause"}
    # Named by its two letters, never read as parts A and D.
    for letter in "AD":
        assert not keys_of(e for _, e in filed) & keys_of(
            gold_half("dev", parts=frozenset({letter}))
        )
    # Authors and people quoted by name (Hans Jonas, Jean Jaurès, René Char, « explique Mme
    # Guigou », « les propos de Nicolas Sarkozy »), bodies named as such (the Conseil d'État's
    # avis, the Académie des sciences morales et politiques), texts read out with no person as
    # author (the code civil, the bill's articles, the Constitution), people named by their
    # function only (« comme l'a dit … Mme la garde des Sceaux »), interruptions in the stage
    # directions, and words the deputy lends to others (« me demanderont mes collègues UMP »).
    cues = cues_of(filed)
    assert cues["author", True] + cues["third-named", True] >= 15
    assert cues["body", True] >= 5
    assert cues["text", False] >= 25 and cues["third-function", False] >= 5
    assert cues["group", False] >= 10
    assert cues["hypo", True] + cues["self", True] >= 8
    # Every mark opens or closes a pair: no unclosed piece.
    assert not any(q.get("unclosed") for _, e in filed for q in e["quotes"])
    # No turn of the chair was drawn: each turn's label gives its document speaker, a deputy, a
    # minister, or « Plusieurs députés du groupe UMP » for a turn of interruptions.
    assert [len(e["speakers"]) for _, e in filed] == [1] * 80
    assert not any("le_président" in e["record"] for _, e in filed)


def test_part_ad_is_the_seeded_choice_its_chooser_makes():
    """The documents of part AD are exactly those `choose_ad.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("AD")
    assert len(chosen) == 80 and gold == chosen

