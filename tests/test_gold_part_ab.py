"""Part AB of the attribution gold (issue 11, session 31) is the fresh debate check PART-AB.md says.

`choose_ab.py` draws 40 fresh TEI debate turns after every other part (A to AA, J's keys only),
quotes.json and the speakers gold: the cue stock being empty, the first 40 turns whose marks hold
a clause in the seeded order. Part R, a debates' check since session 17, is development material
since session 31: part AB is the fresh check beside AA that nobody tunes on. Annotated blind,
whole, it is filed in dev/ but read only when named (`CHECK_PARTS`, `--part AB`, aggregates
only), by neither half otherwise, and shares no document with an older part of the gold, parts A
and B and AA included. Its spans are checked against the readers' texts with every other part's
(tests/test_gold_attribution.py).
"""

from bench.extraction import CHECK_PARTS, gold_half, main
from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh, keys_of


def test_part_ab_is_a_fresh_check_filed_whole_in_dev_and_read_only_when_named():
    """40 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part; left out of both halves unless named, so that no round tunes on its
    errors."""
    filed = filed_fresh("AB", 40)
    assert {e["stratum"] for _, e in filed} == {"tei-clause"}
    # Named by its two letters, never read as parts A and B.
    for letter in "AB":
        assert not keys_of(e for _, e in filed) & keys_of(
            gold_half("dev", parts=frozenset({letter}))
        )
    # Texts read out with no person as author (the code civil, the convention internationale des
    # droits de l'enfant, the bill's articles, an amendment), people quoted by name (Antonio
    # Machado, François Mitterrand, Bernard Poignant, Hugues Fulchiron), words the deputy puts in
    # his opponents' mouths (« vous dites aux autres : « … » ») or lends to his voters, and the
    # interruptions of the stage directions (« Allons ! », « Très bien ! »).
    cues = cues_of(filed)
    assert cues["text", False] >= 15 and cues["group", False] >= 5
    assert cues["author", True] + cues["third-named", True] >= 8
    assert cues["hypo", True] + cues["generic", True] >= 4
    # A single word whose closing mark is missing (« le mot « … – ») is a piece of its own.
    assert sum(bool(q.get("unclosed")) for _, e in filed for q in e["quotes"]) == 1
    # Every turn is a deputy's or a minister's: the label gives the document speaker.
    assert all(len(e["speakers"]) == 1 for _, e in filed)


def test_part_ab_is_the_seeded_choice_its_chooser_makes():
    """The documents of part AB are exactly those `choose_ab.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("AB")
    assert len(chosen) == 40 and gold == chosen


def test_the_bench_refuses_the_misses_of_part_ab(capsys):
    """`--part AB --errors` is refused before anything is scored: a check's misses are never
    listed."""
    assert "AB" in CHECK_PARTS and not {"AA", "AC", "AD", "A", "B"} & CHECK_PARTS
    code = main(["--only", "attribution", "--half", "dev", "--part", "AB", "--errors"])
    assert code == 2
    assert "partie de contrôle AB : agrégats seulement" in capsys.readouterr().err
