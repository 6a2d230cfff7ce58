"""The extraction bench counts the quotations the gold adjudication left ambiguous apart.

A gold quotation may carry `ambiguous`: the other speakers a careful reader could defend
(tests/gold/attribution/ADJUDICATION.md). The headline figure stays strict, against the
`speaker` the gold keeps; the report adds the figure without the ambiguous quotations and the
one that counts them right on any defensible reading. Runs on a demo release (the project's
own corpus), through `bench.extraction.attribution` as `python -m bench.extraction` does.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from bench.extraction import ATTRIBUTION, DEFAULT_CORPUS, _attribution_lines, attribution

SOURCE = "demo:markdown/2024-02-02-plan-eau-reaction.md"


def _gold_entry() -> dict:
    """The dev gold entry of the FRV's reaction to the « plan eau » (Claire Aubertin quoted)."""
    data = json.loads((ATTRIBUTION / "dev" / "b-sources.json").read_text(encoding="utf-8"))
    return next(e for e in data["documents"] if e["source"] == SOURCE)


def _half(folder: Path, entry: dict) -> Path:
    (folder / "dev").mkdir(parents=True)
    gold = {"part": "B", "half": "dev", "documents": [entry]}
    (folder / "dev" / "b.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    return folder


def test_an_ambiguous_quotation_counts_strictly_then_apart_on_any_reading(tmp_path):
    entry = _gold_entry()
    plain = attribution(DEFAULT_CORPUS, "dev", folder=_half(tmp_path / "plain", entry))
    # « Nous avons entendu de belles intentions … », a déclaré Claire Aubertin: found, and right.
    quote = next(q for q in entry["quotes"] if q["speech"] and q["speaker"] == "Claire Aubertin")
    assert plain["attribution"]["ambiguous"] == 0
    # The same quotation, kept for someone else but with Claire Aubertin as a defensible reading.
    doubtful = copy.deepcopy(entry)
    marked = next(q for q in doubtful["quotes"] if q["start"] == quote["start"])
    marked.update(speaker="Sophie Lemaire-Dufour", ambiguous=["Claire Aubertin"], note="test")
    scored = attribution(DEFAULT_CORPUS, "dev", folder=_half(tmp_path / "doubtful", doubtful))
    a, b = plain["attribution"], scored["attribution"]
    assert (b["found"], b["right"]) == (a["found"], a["right"] - 1)  # strict: now a miss
    assert (b["ambiguous"], b["ambiguous_right"], b["ambiguous_any"]) == (1, 0, 1)
    rows = "\n".join(_attribution_lines("dev", scored))
    clear = f"({a['right'] - 1} / {a['found'] - 1})"  # without the ambiguous one
    lenient = f"({a['right']} / {a['found']})"  # right on any reading
    assert "1 citations ambiguës" in rows and clear in rows and lenient in rows
