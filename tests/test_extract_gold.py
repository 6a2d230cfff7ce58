"""The extractor against the hand-annotated gold file and the sources' stated metadata.

Targets of issue 3: quotations F1 ≥ 0.90 and the right speaker ≥ 90% of the time (gold file);
speakers precision and recall ≥ 0.90 and dates right ≥ 98% (vie-publique). They need the
shared corpus (../shared/corpus); without it these tests skip, saying so.
"""

import json
from pathlib import Path

import pytest

from bench.extraction import GOLD, gold_quotes, luxleaks, same_person, vie_publique
from tests.conftest import shared_path


def test_gold_file_stores_offsets_not_texts():
    gold = json.loads(Path(GOLD).read_text(encoding="utf-8"))
    assert len(gold["documents"]) >= 12
    for entry in gold["documents"]:
        for quote in entry["quotes"]:
            assert set(quote) == {"start", "end", "speech", "speaker", "function"}


@pytest.fixture(scope="module")
def quotes():
    return gold_quotes(shared_path())


def test_gold_offsets_are_current(quotes):
    assert quotes["stale"] == []


def test_quotation_f1_target(quotes):
    assert quotes["f1"] >= 0.90, quotes["errors"]


def test_quotation_attribution_target(quotes):
    assert quotes["attribution"] >= 0.90, quotes["errors"]


@pytest.fixture(scope="module")
def statements():
    shared_path("vie-publique-discours")
    return vie_publique(shared_path())


def test_speaker_precision_and_recall_targets(statements):
    speakers = statements["speakers"]
    assert speakers["precision"] >= 0.90
    assert speakers["recall"] >= 0.90


def test_date_target(statements):
    dates = statements["date"]
    assert dates["right"] / dates["scored"] >= 0.98


def test_luxleaks_markdown_dates():
    shared_path("luxleaks-communiques", "markdown")
    result = luxleaks(shared_path())["markdown"]
    assert result["right"] / result["scored"] >= 0.95


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Elisabeth BORNE", "Élisabeth Borne", True),
        ("Hansen", "Jo Hansen", True),
        ("Jo Hansen", "Al Hansen", False),
        (None, "X", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same
