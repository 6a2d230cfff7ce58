"""Who really said it, seventh round (issue 11): a learned ranker over candidate speakers.

The rules choose a speaker; `indexer/extract/ranker.py` gathers the other candidates (the
turn's speaker, the document's, the guest, the people named around the words, « unknown ») and
scores them with weights learnt on the development parts (`ranker.json`, plain Python at run
time). Judged once on the fresh part G (tests/gold/attribution/PART-G.md, session 17, learnt on
parts A-F) and again in session 33 (learnt on the 826 quotations of parts A to Z as the code
before each part's fixes saw them, judged on the fresh checks AB and AC: one quotation fewer
right on each), it was not adopted: the extractor keeps the rules unless `VERBATIM_RANKER=1`
asks for the ranker.

The passages are read in place from ../shared/corpus (the tests skip, saying why, when it is
absent, and fail under VERBATIM_REQUIRE_SHARED=1). None of them belongs to a held-out half.
"""

import json
import re

from bench.extraction import ATTRIBUTION, RANKER_CONFIG, gold_half, load_ranker_examples
from indexer.extract import ranker
from tests.shared_docs import VIE_PUBLIQUE_2023, extracted, quote_at, shared_document
from tests.test_attribution_second_round import _turn

ADAGE = "Il faut bien que je les suive puisque je suis leur chef"
BERVILLE = "Interview de M. Hervé Berville, secrétaire d'État chargé de la mer, à France Bleu"


def _myard():
    # JACQUES MYARD (2 February 2013): « … le rétropédalage du Président de la République qui,
    # quatre-vingt-dix ans après Édouard Herriot, réinvente l'adage : « Il faut bien que je les
    # suive puisque je suis leur chef ». »
    return _turn("20130128.xml", "sp-00461-Jacques_Myard")


# --- The shipped weights ---------------------------------------------------------------------


def test_the_shipped_weights_load_as_a_linear_model_that_is_not_adopted():
    model = ranker.load()
    assert model is not None
    # learnt on features of where a candidate was found, which rule chose whom, and the
    # quotation's surroundings seen from each kind of candidate (RANKER_CONFIG's groups)
    assert {"rule", "turn", "guest", "left", "alt_pronoun", "other*citing"} <= model.weights.keys()
    assert model.margin == RANKER_CONFIG[2]
    # judged on fresh parts and not adopted: the default extraction is the rules'
    assert model.adopted is False


def test_a_missing_or_broken_weights_file_leaves_the_rules_alone(tmp_path):
    assert ranker.load(tmp_path / "absent.json") is None
    broken = tmp_path / "ranker.json"
    broken.write_text("{not json", encoding="utf-8")
    assert ranker.load(broken) is None


def test_a_candidate_scores_the_sum_of_the_weights_of_its_features(tmp_path):
    path = tmp_path / "ranker.json"
    weights = {"rule": 1.0, "left_verb_0-3": 2.5, "unknown": -1.0}
    path.write_text(json.dumps({"weights": weights, "margin": 0.5, "adopted": True}), "utf-8")
    model = ranker.load(path)
    rules = ranker.Candidate("Jacques Myard", None, {"rule": 1.0, "default": 1.0})
    named = ranker.Candidate("Édouard Herriot", None, {"left": 1.0, "left_verb_0-3": 1.0})
    nobody = ranker.Candidate(None, None, {"unknown": 1.0})
    assert [model.score(c) for c in (rules, named, nobody)] == [1.0, 2.5, -1.0]
    assert model.choose([rules, named, nobody]) is named
    # the rules' choice stands unless another candidate beats it by the margin
    assert model.choose([rules, ranker.Candidate("X", None, {"left_verb_0-3": 0.55})]) is rules


# --- Candidates and choices on real passages -------------------------------------------------


def test_the_candidates_are_the_rules_choice_first_then_the_people_around_and_unknown(
    monkeypatch,
):
    monkeypatch.setattr(ranker, "RECORD", [])
    doc = _myard()
    start = quote_at(doc, ADAGE).start
    found = next(c for s, _, c in ranker.RECORD if s == start)
    # the rules' choice: nobody known (a debate turn's words with no cue, tenth round)
    assert found[0].name is None and "rule" in found[0].features
    by_name = {c.name: c for c in found}
    # the man named before the words, in their sentence, and the deputy holding the floor
    assert {"Édouard Herriot", "Jacques Myard", None} <= by_name.keys()
    assert "default" in by_name["Jacques Myard"].features
    assert "left" in by_name["Édouard Herriot"].features
    assert "unknown" in by_name[None].features


def test_the_ranker_does_not_give_an_adage_back_to_the_deputy_holding_the_floor(monkeypatch):
    # the rules give it to nobody known since the tenth round (until the ninth: to the deputy
    # who holds the floor, which the ranker, asked for, replaced with Édouard Herriot)
    monkeypatch.setenv("VERBATIM_RANKER", "0")
    assert quote_at(_myard(), ADAGE).speaker is None
    # the ranker, asked for, does not hand the adage to the deputy either
    monkeypatch.setenv("VERBATIM_RANKER", "1")
    assert quote_at(_myard(), ADAGE).speaker != "Jacques Myard"


def test_by_default_the_extractor_keeps_the_rules(monkeypatch):
    monkeypatch.delenv("VERBATIM_RANKER", raising=False)
    assert ranker.active() is None
    assert quote_at(_myard(), ADAGE).cue == "débat, sans indice"  # the rules' own cue


def test_an_unknown_author_stays_unknown_under_the_ranker(monkeypatch):
    monkeypatch.setenv("VERBATIM_RANKER", "1")
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, BERVILLE), "speakers")
    # BERTRAND PIDANCE: « … sur le port de Saint-Gilles-Croix-de-Vie …, il est écrit
    # « Ecologie = mort de la pêche. » »: a banner's words; neither the journalist reading
    # them nor the guest: « auteur non identifié »
    banner = quote_at(doc, "Ecologie = mort de la pêche")
    assert (banner.is_speech, banner.speaker) == (True, None)


# --- What it learnt from, and the ground it was judged on ------------------------------------


def test_the_training_examples_hold_features_and_labels_and_no_text():
    examples = load_ranker_examples()
    # every development part, never part J nor a check part
    assert {e["part"] for e in examples} == set("ABCDEFGHIKLMOPQRSUVXYZ")
    assert len(examples) == 826
    vocabulary = re.compile(r"^[a-z_]+(?:_(?:0-3|4-10|11-25|26\+))?(?:\*[a-z_]+)?$")
    for example in examples:
        features = [f for c in example["candidates"] for f in c[0]]
        assert all(vocabulary.match(f) for f in features), features
        # the rules' choice comes first, and its being right is the rules' answer
        assert "rule" in example["candidates"][0][0]
        assert example["rule"] == example["candidates"][0][1]
    # the rules of each part before its fixes: right two times in three
    right = sum(e["rule"] for e in examples)
    assert 0.6 < right / len(examples) < 0.75


def test_part_g_is_fresh_and_no_luxleaks_release_of_it_was_annotated_in_another_format():
    older = {
        (e["source"], e["record"])
        for half in ("dev", "heldout")
        for e in gold_half(half, parts=frozenset("ABCDEF"))
    }
    fresh = [e for half in ("dev", "heldout") for e in gold_half(half, parts=frozenset("G"))]
    assert len(fresh) >= 20 and not older & {(e["source"], e["record"]) for e in fresh}
    released = {s.split("/")[-1][:10] for s, _ in older if s.startswith("luxleaks")} | {
        d["source"].split("/")[-1][:10]
        for d in json.loads((ATTRIBUTION.parent / "quotes.json").read_text("utf-8"))["documents"]
        if d["source"].startswith("luxleaks")
    }
    dates = [e["source"].split("/")[-1][:10] for e in fresh if e["source"].startswith("luxleaks")]
    assert dates and not released & set(dates) and len(dates) == len(set(dates))
