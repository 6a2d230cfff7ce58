"""Part AC of the attribution gold (issue 11, session 33) is the fresh debate part PART-AC.md says.

`choose_ac.py` draws 40 fresh TEI debate turns after every other part (A to AB, J's keys only),
quotes.json and the speakers gold: the cue stock being empty, the first 40 turns whose marks hold
a clause in the seeded order. Annotated blind, whole, filed in dev/, it shares no document with
an older part of the gold, parts A and C and AB included; the debates' check read only when
named in session 33 until the thirty-first round, it is development material since (scored as a
check, then spent: PART-AC.md). Its spans are checked against the readers' texts with every
other part's (tests/test_gold_attribution.py).
"""

from bench.extraction import gold_half
from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh, keys_of


def test_part_ac_is_a_fresh_debate_part_filed_whole_in_dev_and_now_development_material():
    """40 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part. A check read only when named until the thirty-first round, it is
    development material since (PART-AC.md): `--half dev` reads it."""
    filed = filed_fresh("AC", 40, check=False)
    assert {e["stratum"] for _, e in filed} == {"tei-clause"}
    # Named by its two letters, never read as parts A and C.
    for letter in "AC":
        assert not keys_of(e for _, e in filed) & keys_of(
            gold_half("dev", parts=frozenset({letter}))
        )
    # Authors and people quoted by name (Albert Camus, Talleyrand, Montesquieu, M. Chevènement,
    # the juge Rosenczveig, a colleague's tweets), texts read out with no person as author (the
    # code civil, the bill's articles, the préambule de la Constitution de 1946), ministers and
    # the Président de la République named by their function only (« madame la garde des
    # Sceaux, vous avez déclaré sur RTL »), and questions the deputy lends to children to come.
    cues = cues_of(filed)
    assert cues["author", True] + cues["third-named", True] >= 12
    assert cues["text", False] >= 10 and cues["third-function", False] >= 8
    assert cues["hypo", True] + cues["generic", True] >= 3
    # Every mark opens or closes a pair: no unclosed piece.
    assert not any(q.get("unclosed") for _, e in filed for q in e["quotes"])
    # Every turn but the chair's is a deputy's or a minister's: the label gives the document
    # speaker; « le président », never named, gives none.
    assert sorted(len(e["speakers"]) for _, e in filed) == [0] + [1] * 39
    assert all(not e["speakers"] for _, e in filed if "le_président" in e["record"])


def test_part_ac_is_the_seeded_choice_its_chooser_makes():
    """The documents of part AC are exactly those `choose_ac.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("AC")
    assert len(chosen) == 40 and gold == chosen
