"""Part V of the attribution gold (issue 11, session 20) is the fresh debate part PART-V.md says.

`choose_v.py` draws 40 fresh TEI debate turns after every other part (A to U, J's keys only),
quotes.json and the speakers gold: the cue stock being empty after part U, the first 40 turns
whose marks hold a clause in the seeded order. Annotated blind, whole, filed in dev/, it shares
no document with an older part of the gold; a check read only when named in sessions 20 and 21,
it is development material since session 22 (part X took its place). Its spans are checked
against the readers' texts with every other part's (tests/test_gold_attribution.py).
"""

import json
from collections import Counter

from bench.extraction import ATTRIBUTION, CHECK_PARTS, gold_half
from tests.test_gold_attribution import ENTRIES, chosen_and_filed


def keys_of(entries) -> set[tuple[str, str]]:
    return {(e["source"], e["record"]) for e in entries}


def filed_fresh(part: str, count: int, check: bool = True) -> list[tuple[str, dict]]:
    """The documents of a fresh debate part, checked: `count` TEI turns filed whole in dev/,
    sharing no document with quotes.json, the speakers gold or any other part; a check
    (`CHECK_PARTS`) is left out of both halves unless named, development material is read by
    `--half dev`."""
    older = json.loads((ATTRIBUTION.parent / "quotes.json").read_text(encoding="utf-8"))
    docs = older["documents"] + [e for _, e in ENTRIES if e["part"] != part]
    for path in sorted((ATTRIBUTION.parent / "speakers").glob("*.json")):
        docs += json.loads(path.read_text(encoding="utf-8"))["documents"]
    filed = [(half, e) for half, e in ENTRIES if e["part"] == part]
    keys = keys_of(e for _, e in filed)
    assert len(filed) == count and {half for half, _ in filed} == {"dev"}
    assert not keys & keys_of(docs)
    assert keys == keys_of(gold_half("dev", parts=frozenset({part})))
    assert (part in CHECK_PARTS) == check
    assert not keys & keys_of(gold_half("heldout"))
    read_by_dev = keys_of(gold_half("dev"))
    assert not keys & read_by_dev if check else keys <= read_by_dev
    assert {e["source"].split("/")[0] for _, e in filed} == {"an-mariage-pour-tous-2013-tei"}
    return filed


def cues_of(filed: list[tuple[str, dict]]) -> Counter:
    """(cue tag, named) of each speech quotation of a part."""
    return Counter(
        (q["why"].split(":")[0], bool(q["speaker"]))
        for _, e in filed
        for q in e["quotes"]
        if q["speech"]
    )


def test_part_v_is_a_fresh_debate_part_filed_whole_in_dev_and_now_development_material():
    """40 clause turns filed whole in dev/, sharing no document with quotes.json, the speakers
    gold or any other part. A check read only when named in sessions 20 and 21, it is development
    material since session 22 (PART-V.md): `--half dev` reads it, part X is the debates' check."""
    filed = filed_fresh("V", 40, check=False)
    assert {e["stratum"] for _, e in filed} == {"tei-clause"}
    # Authors and colleagues quoted by name (Jaurès, Aldous Huxley, Olivier Faure), texts read
    # out (the code civil, the Constitution, the code du travail).
    cues = cues_of(filed)
    assert cues["author", True] + cues["third-named", True] >= 12
    assert cues["text", False] >= 8


def test_part_v_is_the_seeded_choice_its_chooser_makes():
    """The documents of part V are exactly those `choose_v.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("V")
    assert len(chosen) == 40 and gold == chosen
