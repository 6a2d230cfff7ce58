"""Part N of the speakers gold (tests/gold/speakers/, issue 11): the file is the seeded
chooser's choice, annotated before tuning, and every document is still the text the readers
make (a reader's change is told here rather than scored against stale annotations). The
check half's figures are not asserted: it is scored as aggregates only, by hand."""

import importlib.util
import json
from collections import Counter

from bench.extraction import gold_units
from tests.conftest import ROOT

SPEAKERS = ROOT / "tests" / "gold" / "speakers"


def _gold() -> list[dict]:
    return json.loads((SPEAKERS / "n-fresh.json").read_text(encoding="utf-8"))["documents"]


def _chooser():
    spec = importlib.util.spec_from_file_location("choose_n", SPEAKERS / "choose_n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_part_n_is_the_seeded_choice_split_in_two_halves(shared):
    chosen = _chooser().choose(shared)
    assert [(r["source"], r["record"], r["stratum"], r["half"]) for r in chosen] == [
        (e["source"], e["record"], e["stratum"], e["half"]) for e in _gold()
    ]
    assert Counter(e["half"] for e in _gold()) == {"dev": 29, "check": 31}


def test_every_document_of_part_n_is_still_as_annotated(shared):
    entries = _gold()
    assert len(list(gold_units(entries, shared))) == len(entries) == 60
    # who speaks, never the journalists: names only, folded duplicates none
    for entry in entries:
        names = [s["name"] for s in entry["speakers"]]
        assert len(set(names)) == len(names), entry["record"]
