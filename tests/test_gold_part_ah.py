"""Part AH of the attribution gold (issue 11, session 44) is the fresh debate part PART-AH.md says.

`choose_ah.py` draws the last fresh TEI debate turns holding a speech-like mark pair, after every
other part (A to AG, J's keys only), quotes.json and the speakers gold: every turn left whose
marks hold a clause (the 10 with 1 to 8 pairs, the 6 with more, never drawn before), then every
turn whose short pairs follow a wider cue (20, then a second batch of 29 fixed before it was
read). Annotated blind, whole, filed in dev/, it shares no document with an older part of the
gold, parts A and H included; development material from the start, read by `--half dev`, scored
once blind before the thirty-sixth round (PART-AH.md). Its spans are checked against the readers'
texts with every other part's (tests/test_gold_attribution.py).
"""

from bench.extraction import CHECK_PARTS, gold_half
from tests.test_gold_attribution import chosen_and_filed
from tests.test_gold_part_v import cues_of, filed_fresh, keys_of


def test_part_ah_is_a_fresh_debate_part_filed_whole_in_dev_and_development_material():
    """65 turns filed whole in dev/, sharing no document with quotes.json, the speakers gold or
    any other part, read by `--half dev` from the start (no check)."""
    filed = filed_fresh("AH", 65, check=False)
    assert "AH" not in CHECK_PARTS
    strata = [e["stratum"] for _, e in filed]
    assert (strata.count("tei-clause"), strata.count("tei-clause-many")) == (10, 6)
    assert (strata.count("tei-short-cue"), strata.count("tei-short-cue-second")) == (20, 29)
    # Named by its two letters, never read as parts A and H.
    for letter in "AH":
        assert not keys_of(e for _, e in filed) & keys_of(
            gold_half("dev", parts=frozenset({letter}))
        )
    # People quoted by name (« le juge Rosenczveig », « notre collègue Élisabeth Guigou, alors
    # garde des Sceaux », « le docteur Pierre Lévy-Soussan », « Le sénateur Jean-Pierre Michel
    # écrit », Sergio Coronado's tweets), the Conseil d'État's opinion, the rapporteur named by
    # his office only, texts read out (the bill's article 4, the report), couples the deputy
    # imagines saying « voici ma famille », and the stage directions' interruptions.
    cues = cues_of(filed)
    assert cues["third-named", True] >= 6 and cues["body", True] >= 1
    assert cues["third-function", False] >= 5 and cues["text", False] >= 5
    assert cues["hypo", True] >= 4 and cues["group", False] >= 15
    # Most short pairs are words and terms weighed (« père », « mère », « parents »): not speech.
    quotes = [q for _, e in filed for q in e["quotes"]]
    assert len(quotes) == 194 and sum(q["speech"] for q in quotes) == 42
    # One turn of the chair (no document speaker, a note says why); each other turn's label
    # gives its speaker.
    chair = [e for _, e in filed if "le_président" in e["record"]]
    assert len(chair) == 1 and chair[0]["speakers"] == [] and chair[0]["note"]
    assert sorted(len(e["speakers"]) for _, e in filed) == [0] + [1] * 64


def test_part_ah_is_the_seeded_choice_its_chooser_makes():
    """The documents of part AH are exactly those `choose_ah.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("AH")
    assert len(chosen) == 65 and gold == chosen
