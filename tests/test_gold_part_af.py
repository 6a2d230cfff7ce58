"""Part AF of the attribution gold (issue 11, session 33) is the fresh debate check PART-AF.md says.

`choose_af.py` draws 40 fresh TEI debate turns after every other part (A to AE, J's keys only),
quotes.json and the speakers gold: the cue stock being empty, the first 40 turns whose marks hold
a clause in the seeded order. Part AF is a debates' check of session 33, beside AB and AD, drawn
to replace parts AA and AC (development material since that session), that nobody tunes on.
Annotated blind, whole, it is filed in dev/ but read only when named (`CHECK_PARTS`, `--part AF`,
aggregates only), by neither half otherwise, and shares no document with an older part of the
gold, parts A, F, AD and AE included. Its spans are checked against the readers' texts with
every other part's (tests/test_gold_attribution.py).
"""

from bench.extraction import CHECK_PARTS, gold_half, main
from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh, keys_of


def test_part_af_is_a_fresh_check_filed_whole_in_dev_and_read_only_when_named():
    """40 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part; left out of both halves unless named, so that no round tunes on its
    errors."""
    filed = filed_fresh("AF", 40)
    assert {e["stratum"] for _, e in filed} == {"tei-clause"}
    # Named by its two letters, never read as parts A and F.
    for letter in "AF":
        assert not keys_of(e for _, e in filed) & keys_of(
            gold_half("dev", parts=frozenset({letter}))
        )
    # Authors and people quoted by name (« la maxime de Léon Blum », « a dit le général de
    # Gaulle », « conseillait en son temps Portalis », « les propos du doyen Carbonnier »),
    # bodies named as such (the Conseil d'État's avis, « l'association Familles de France »,
    # the Académie des sciences morales et politiques), texts read out with no person as author
    # (the code civil's articles 212, 363 and 1137, the Convention internationale des droits de
    # l'enfant, an amendment), people named by their function only (« aviez-vous déclaré au
    # magazine Têtu » to the ministre déléguée), interruptions in the stage directions, and
    # words the deputy lends to others (« quand un petit bout de chou de quatre ans dira »).
    cues = cues_of(filed)
    assert cues["author", True] + cues["third-named", True] >= 4
    assert cues["body", True] >= 6
    assert cues["text", False] >= 12 and cues["third-function", False] >= 2
    assert cues["group", False] >= 4
    assert cues["hypo", True] + cues["self", True] >= 6
    # Every mark opens or closes a pair: no unclosed piece.
    assert not any(q.get("unclosed") for _, e in filed for q in e["quotes"])
    # No turn of the chair was drawn: each turn's label gives its document speaker, a deputy or
    # a minister.
    assert [len(e["speakers"]) for _, e in filed] == [1] * 40
    assert not any("le_président" in e["record"] for _, e in filed)


def test_part_af_is_the_seeded_choice_its_chooser_makes():
    """The documents of part AF are exactly those `choose_af.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("AF")
    assert len(chosen) == 40 and gold == chosen


def test_the_bench_refuses_the_misses_of_part_af(capsys):
    """`--part AF --errors` is refused before anything is scored: a check's misses are never
    listed."""
    assert {"AB", "AF"} <= CHECK_PARTS and not {"AA", "AC", "AD", "A", "F"} & CHECK_PARTS
    code = main(["--only", "attribution", "--half", "dev", "--part", "AF", "--errors"])
    assert code == 2
    assert "partie de contrôle AF : agrégats seulement" in capsys.readouterr().err
