"""Parts Q and R of the attribution gold (issue 11, session 17) are the decision set PART-Q.md says.

`choose_q.py` draws 100 fresh TEI debate turns after parts A to P, J and the speakers gold and
splits them down each stratum's seeded order: part Q (odd places) is development material a round
may tune on, read by `--half dev`; part R (even places) is its held-out twin, a check filed in
dev/ and read only when named (`CHECK_PARTS`) in sessions 17 to 30, development material since
session 31 (PART-R.md). Both are annotated blind, whole, and neither shares a document with an
older part of the gold.
"""

import json
from collections import Counter

from bench.extraction import ATTRIBUTION, CHECK_PARTS, HALVES, gold_half
from tests.test_gold_attribution import ENTRIES, chosen_and_filed


def keys_of(entries) -> set[tuple[str, str]]:
    return {(e["source"], e["record"]) for e in entries}


def older_keys() -> set[tuple[str, str]]:
    """Every document of quotes.json, of the speakers gold and of the parts before Q and R."""
    older = json.loads((ATTRIBUTION.parent / "quotes.json").read_text(encoding="utf-8"))
    docs = older["documents"] + [e for _, e in ENTRIES if e["part"] not in ("Q", "R")]
    for path in sorted((ATTRIBUTION.parent / "speakers").glob("*.json")):
        docs += json.loads(path.read_text(encoding="utf-8"))["documents"]
    return keys_of(docs)


def filed(part: str) -> list[tuple[str, dict]]:
    return [(half, e) for half, e in ENTRIES if e["part"] == part]


def test_part_q_is_fresh_development_material_filed_whole_in_dev():
    """Part Q is 50 fresh TEI turns (30 with a wider citation cue, 20 whose marks hold a
    clause), filed whole in dev/ and read by `--half dev` (it is no check), never by the
    held-out measure."""
    docs = filed("Q")
    keys = keys_of(e for _, e in docs)
    assert len(docs) == 50 and {half for half, _ in docs} == {"dev"}
    assert "Q" not in CHECK_PARTS
    assert not keys & older_keys()
    assert keys <= keys_of(gold_half("dev")) and keys <= keys_of(gold_half("dev", only="dev"))
    assert keys == keys_of(gold_half("dev", parts=frozenset("Q")))
    assert not keys & keys_of(gold_half("heldout"))
    assert {e["source"].split("/")[0] for _, e in docs} == {"an-mariage-pour-tous-2013-tei"}
    strata = [e["stratum"] for _, e in docs]
    assert strata.count("tei-cue-wide") == 30 and strata.count("tei-clause") == 20
    # Authors and colleagues quoted by name (Marie Balmary, Léon Blum, Mme Guigou), people
    # known by function only (« le rapporteur a ainsi déclaré »), texts read out (the code
    # civil, the bill's articles, the préambule of 1946): (cue tag, named) of each speech pair.
    cues = Counter(
        (q["why"].split(":")[0], bool(q["speaker"]))
        for _, e in docs
        for q in e["quotes"]
        if q["speech"]
    )
    assert cues["author", True] + cues["third-named", True] >= 20
    assert cues["third-function", False] >= 5 and cues["text", False] >= 10


def test_part_q_is_the_seeded_choice_its_chooser_makes():
    """The documents of part Q are exactly the rows `choose_q.py` marks Q, each in its stratum."""
    chosen, gold = chosen_and_filed("Q", drawn_by="Q")
    assert len(chosen) == 50 and gold == chosen


def test_the_decision_set_parts_share_no_document_with_each_other():
    """Q and R split the chooser's turns: no document is in both."""
    assert not keys_of(e for _, e in filed("Q")) & keys_of(e for _, e in filed("R"))
    assert all(half in HALVES for half, _ in filed("Q") + filed("R"))


def test_part_r_is_filed_whole_in_dev_and_now_development_material():
    """Part R is the 50 other turns of the decision set, filed whole in dev/ so that the
    held-out measure (part J) never reads it. A check read only when named (`--part R`) in
    sessions 17 to 30, so that the rounds tuning on part Q never saw its errors, it is
    development material since session 31 (PART-R.md): `--half dev` reads it."""
    docs = filed("R")
    keys = keys_of(e for _, e in docs)
    assert len(docs) == 50 and {half for half, _ in docs} == {"dev"}
    assert "R" not in CHECK_PARTS
    assert not keys & older_keys()
    assert keys == keys_of(gold_half("dev", parts=frozenset("R")))
    assert keys <= keys_of(gold_half("dev")) and keys <= keys_of(gold_half("dev", only="dev"))
    assert not keys & keys_of(gold_half("heldout"))
    assert {e["source"].split("/")[0] for _, e in docs} == {"an-mariage-pour-tous-2013-tei"}
    strata = [e["stratum"] for _, e in docs]
    assert strata.count("tei-cue-wide") == 30 and strata.count("tei-clause") == 20


def test_part_r_is_the_seeded_choice_its_chooser_makes():
    """The documents of part R are exactly the rows `choose_q.py` marks R, each in its stratum."""
    chosen, gold = chosen_and_filed("R", drawn_by="Q")
    assert len(chosen) == 50 and gold == chosen
