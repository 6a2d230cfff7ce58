"""Part W of the attribution gold (issue 11, session 21) is the check of the other sources
PART-W.md says.

Counted before reading, no fresh document of the sources but the debates holds a quotation mark,
so `choose_w.py` draws what the stock allows: luxleaks and demo releases in another format than
their annotated twin (that twin development material, never part J nor a check), Hansard turns
quoting with « je cite », vie-publique rows without a mark. Annotated blind, whole, it is a
check filed in dev/ but read only when named (`CHECK_PARTS`, `--part W`, aggregates only), by
neither half otherwise. Its spans are checked against the readers' texts with every other
part's (tests/test_gold_attribution.py).
"""

import importlib.util
import json
from collections import Counter
from functools import cache

from bench.extraction import ATTRIBUTION, CHECK_PARTS, gold_half, main
from tests.conftest import SHARED, shared_path
from tests.test_gold_attribution import ENTRIES, chosen_and_filed
from tests.test_gold_decision_set import keys_of

DEBATES = "an-mariage-pour-tous-2013-tei"


@cache
def chooser():
    spec = importlib.util.spec_from_file_location("choose_w", ATTRIBUTION / "choose_w.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def older_keys() -> set[tuple[str, str]]:
    """Every document of quotes.json, of the speakers gold and of the other parts."""
    older = json.loads((ATTRIBUTION.parent / "quotes.json").read_text(encoding="utf-8"))
    docs = older["documents"] + [e for _, e in ENTRIES if e["part"] != "W"]
    for path in sorted((ATTRIBUTION.parent / "speakers").glob("*.json")):
        docs += json.loads(path.read_text(encoding="utf-8"))["documents"]
    return keys_of(docs)


def filed() -> list[tuple[str, dict]]:
    return [(half, e) for half, e in ENTRIES if e["part"] == "W"]


def test_part_w_is_a_check_filed_whole_in_dev_and_read_only_when_named():
    """37 documents of the sources but the debates, filed whole in dev/, sharing no document with
    quotes.json, the speakers gold or any other part; left out of both halves unless named."""
    docs = filed()
    keys = keys_of(e for _, e in docs)
    assert len(docs) == 37 and {half for half, _ in docs} == {"dev"}
    assert "W" in CHECK_PARTS
    assert not keys & older_keys()
    assert keys == keys_of(gold_half("dev", parts=frozenset("W")))
    assert not keys & keys_of(gold_half("dev")) and not keys & keys_of(gold_half("heldout"))
    assert not any(e["source"].startswith(DEBATES) for _, e in docs)
    strata = Counter(e["stratum"] for _, e in docs)
    assert strata == {
        "format-twin": 16,
        "hansard-cite": 10,
        "vp-declaration-speakers": 7,
        "vp-other-speakers": 4,
    }
    # The marks are in the format twins only: the other strata are checks of document speakers.
    for _, e in docs:
        assert bool(e["quotes"]) == (e["stratum"] == "format-twin"), e["source"]
    speech = [q for _, e in docs for q in e["quotes"] if q["speech"]]
    assert len(speech) >= 20 and sum(bool(q["speaker"]) for q in speech) >= 15


def test_part_w_is_the_seeded_choice_its_chooser_makes():
    """The documents of part W are exactly those `choose_w.py` draws, each in its stratum."""
    chosen, gold = chosen_and_filed("W")
    assert len(chosen) == 37 and gold == chosen


def test_the_format_twins_never_stand_for_the_held_out_or_a_check():
    """No format twin is a twin of a document of part J or of a check: reading it opens no
    held-out text (`choose_w.py` keeps only twins whose annotated twins are development
    material)."""
    shared_path("luxleaks-communiques")
    module = chooser()
    # The chooser ran before W was a check: W's own documents are not closed to it.
    closed = module.closed_keys() - keys_of(e for _, e in filed())
    twins = [e for _, e in filed() if e["stratum"] == "format-twin"]
    assert len(twins) == 16
    assert {module.twin_format(e["source"]) for e in twins} == {"html", "markdown", "pdf", "demo"}
    shut = [
        module.choose_s.words(d.text)
        for source, record in sorted(closed, key=str)
        if source.startswith(("luxleaks-communiques", "demo:"))
        for d in module.choose_s.documents(SHARED, source, None)
        if d.record == record
    ]
    for entry in twins:
        (doc,) = module.choose_s.documents(SHARED, entry["source"], None)
        assert not module.choose_s.twin(module.choose_s.words(doc.text), shut), entry["source"]


def test_the_bench_refuses_the_misses_of_part_w(capsys):
    """`--part W --errors` is refused before anything is scored: a check's misses are never
    listed."""
    code = main(["--only", "attribution", "--half", "dev", "--part", "W", "--errors"])
    assert code == 2
    assert "agrégats seulement" in capsys.readouterr().err
