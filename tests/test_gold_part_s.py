"""Part S of the attribution gold (issue 11, session 17) is the fresh check PART-S.md says.

`choose_s.py` draws, from counts only, the documents of every source but the debates that no
part of the gold holds, nor a twin of one (the same text in another format or file): the
brief's strata (vie-publique rows, luxleaks releases, drupalfr, Hansard, the demo corpus,
documents holding 1 to 12 mark pairs) as far as they go, then its fall-backs (rows and releases
without a mark, a check of document speakers). Part S is exactly that choice, annotated blind,
filed in dev/. It was a check read only when named until its score at the base (PART-S.md);
then it became development material for document speakers, and part T (fresh vie-publique rows)
took its place as the check.
"""

import importlib.util
import json
from collections import Counter
from functools import cache

from bench.extraction import ATTRIBUTION, CHECK_PARTS, gold_half
from tests.conftest import SHARED, shared_path
from tests.test_gold_attribution import ENTRIES, chosen_and_filed
from tests.test_gold_decision_set import keys_of

DEBATES = "an-mariage-pour-tous-2013-tei"


@cache
def chooser():
    spec = importlib.util.spec_from_file_location("choose_s", ATTRIBUTION / "choose_s.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def chosen() -> tuple[dict, ...]:
    shared_path("vie-publique-discours")
    return tuple(chooser().choose(SHARED))


def older_keys() -> set[tuple[str, str]]:
    """Every document of quotes.json, of the speakers gold and of the other parts."""
    older = json.loads((ATTRIBUTION.parent / "quotes.json").read_text(encoding="utf-8"))
    docs = older["documents"] + [e for _, e in ENTRIES if e["part"] != "S"]
    for path in sorted((ATTRIBUTION.parent / "speakers").glob("*.json")):
        docs += json.loads(path.read_text(encoding="utf-8"))["documents"]
    return keys_of(docs)


def test_the_chooser_draws_fresh_documents_of_every_source_but_the_debates():
    """No debate turn, no document of the gold, each stratum within its quota, the documents
    of the brief's strata holding 1 to 12 pairs and the fall-backs none (Hansard has no mark)."""
    rows = chosen()
    module = chooser()
    quotas = {**module.QUOTAS, **module.FALLBACK}
    assert rows and not any(r["source"].startswith(DEBATES) for r in rows)
    assert not keys_of(rows) & older_keys() and len(keys_of(rows)) == len(rows)
    counts = Counter(r["stratum"] for r in rows)
    assert all(counts[name] <= quota for name, quota in quotas.items()) and set(counts) <= set(
        quotas
    )
    for row in rows:
        if row["stratum"] in module.FALLBACK or row["stratum"] == "hansard":
            assert row["pairs"] == 0
        else:
            assert 1 <= row["pairs"] <= module.MAX_PAIRS
    assert [r["order"] for r in rows] == list(range(1, len(rows) + 1))
    # One format of a fresh release: no two documents drawn are twins.
    bags = []
    for row in rows:
        fmt = "txt" if row["source"].startswith("hansard") else None
        (doc,) = [
            d for d in module.documents(SHARED, row["source"], fmt) if d.record == row["record"]
        ]
        bag = module.words(doc.text)
        assert not module.twin(bag, bags), row["source"]
        bags.append(bag)


def test_twins_are_the_same_text_in_another_format_not_a_shared_vocabulary():
    """A release in two formats is a twin; two different releases of the same committee are not."""
    module = chooser()
    text = "Le comité de soutien à Antoine Deltour salue la décision de la Cour de cassation "
    same = module.words(text * 3)
    assert module.twin(module.words(text), [same])
    other = module.words("Antoine Deltour remercie le comité de soutien pour la mobilisation.")
    assert not module.twin(other, [same])


def test_part_s_is_fresh_development_material_filed_whole_in_dev():
    """Part S is filed whole in dev/, shares no document with the other parts, quotes.json or the
    speakers gold, and is development material since its score at the base: `--half dev` reads
    it, the held-out measure never does."""
    docs = [(half, e) for half, e in ENTRIES if e["part"] == "S"]
    keys = keys_of(e for _, e in docs)
    assert docs and {half for half, _ in docs} == {"dev"}
    assert "S" not in CHECK_PARTS
    assert not keys & older_keys()
    assert keys == keys_of(gold_half("dev", parts=frozenset("S")))
    assert keys <= keys_of(gold_half("dev")) and keys <= keys_of(gold_half("dev", only="dev"))
    assert not keys & keys_of(gold_half("heldout"))
    assert not any(e["source"].startswith(DEBATES) for _, e in docs)


def test_part_s_is_the_seeded_choice_its_chooser_makes():
    """The documents of part S are exactly those `choose_s.py` draws, each in its stratum."""
    mine, gold = chosen_and_filed("S")
    assert mine and gold == mine
