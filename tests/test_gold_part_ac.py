"""Part AC of the attribution gold (issue 11, session 33) is the fresh debate check PART-AC.md says.

`choose_ac.py` draws 40 fresh TEI debate turns after every other part (A to AB, J's keys only),
quotes.json and the speakers gold: the cue stock being empty, the first 40 turns whose marks hold
a clause in the seeded order. Part AC is a third debates' check beside AA and AB that nobody
tunes on. Annotated blind, whole, it is filed in dev/ but read only when named (`CHECK_PARTS`,
`--part AC`, aggregates only), by neither half otherwise, and shares no document with an older
part of the gold, parts A and C and AB included. Its spans are checked against the readers'
texts with every other part's (tests/test_gold_attribution.py).
"""

from bench.extraction import CHECK_PARTS, gold_half, main
from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh, keys_of


def test_part_ac_is_a_fresh_check_filed_whole_in_dev_and_read_only_when_named():
    """40 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part; left out of both halves unless named, so that no round tunes on its
    errors."""
    filed = filed_fresh("AC", 40)
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


def test_the_bench_refuses_the_misses_of_part_ac(capsys):
    """`--part AC --errors` is refused before anything is scored: a check's misses are never
    listed."""
    assert {"AB", "AC"} <= CHECK_PARTS and not {"AA", "A", "C"} & CHECK_PARTS
    code = main(["--only", "attribution", "--half", "dev", "--part", "AC", "--errors"])
    assert code == 2
    assert "partie de contrôle AC : agrégats seulement" in capsys.readouterr().err
