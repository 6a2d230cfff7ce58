"""Part T of the attribution gold (issue 11, session 17) is the fresh check PART-T.md says.

`choose_t.py` draws, from counts and the titles' first words only, 40 vie-publique rows that no
part of the gold holds (part S included), nor a twin of one: 17 declarations, 14 interviews and
9 rows of other kinds, each stratum in its seeded order. Part T is a check of document speakers,
kind and date, annotated blind and read only when named (`--part T`, aggregates only).
"""

import importlib
import sys
from collections import Counter
from functools import cache

from bench.extraction import ATTRIBUTION, CHECK_PARTS, HALVES, gold_half
from tests.conftest import SHARED, shared_path
from tests.test_gold_attribution import ENTRIES, chosen_and_filed
from tests.test_gold_decision_set import keys_of
from tests.test_gold_part_s import older_keys as all_but_s

VIE = "vie-publique-discours"


@cache
def chooser():
    """choose_t.py, imported from beside the gold (it imports choose_k, choose_o, choose_s)."""
    if str(ATTRIBUTION) not in sys.path:
        sys.path.insert(0, str(ATTRIBUTION))
    return importlib.import_module("choose_t")


def older_keys() -> set[tuple[str, str]]:
    """Every document of quotes.json, of the speakers gold and of the parts but T."""
    part = {p: keys_of(e for _, e in ENTRIES if e["part"] == p) for p in "ST"}
    return (all_but_s() | part["S"]) - part["T"]


@cache
def chosen() -> tuple[dict, ...]:
    shared_path(VIE)
    return tuple(chooser().choose(SHARED))


def test_the_chooser_draws_40_fresh_vie_publique_rows_by_the_quotas():
    """40 rows of the vie-publique CSVs, each stratum its quota, in the chooser's order, none of
    them a document of the gold (part S's rows are older keys too) nor a twin of another."""
    rows = chosen()
    module = chooser()
    assert len(rows) == 40 and sum(module.QUOTAS.values()) == 40
    assert Counter(r["stratum"] for r in rows) == module.QUOTAS
    assert all(r["source"].startswith(f"{VIE}/") and r["part"] == "T" for r in rows)
    assert [r["order"] for r in rows] == list(range(1, 41))
    keys = keys_of(rows)
    assert len(keys) == 40 and not keys & module.choose_o.seen(drawn="T")
    assert not keys & older_keys()
    by_key = {
        (source, doc.record): doc
        for source in {r["source"] for r in rows}
        for doc in module.documents(SHARED, source, None)
    }
    bags = []
    for row in rows:
        bag = module.bag(by_key[row["source"], row["record"]])
        assert not module.twin(bag, bags), row["record"]
        bags.append(bag)


def test_the_strata_are_the_kind_the_title_states():
    """The title's first words, as part A's strata: extracts by the noun after « d'un(e) »."""
    kind = chooser().row_kind
    assert kind("Déclaration de M. Clément Beaune, secrétaire d'État, sur …") == "vp-declaration"
    assert kind("Déclarations de Mme Florence Parly, ministre des armées, …") == "vp-declaration"
    assert kind("Extraits d'une déclaration de M. Emmanuel Macron, …") == "vp-declaration"
    assert kind("Extraits d'un entretien de M. Jean Castex avec …") == "vp-interview"
    assert kind("Interview de M. Bruno Le Maire, ministre de l'économie, à France Inter") == (
        "vp-interview"
    )
    assert kind("Entretien de Mme Barbara Pompili avec « Le Monde »") == "vp-interview"
    assert kind("Conseil des ministres du 26 avril 2023. Mesures d'ordre individuel.") == "vp-other"
    assert kind("Communiqué de la présidence de la République, …") == "vp-other"


def test_stubs_of_different_interviews_are_not_twins_but_a_repeated_row_is():
    """A row's words are its title's and text's: two stubs sharing the station's boilerplate
    are different interviews; the same row filed twice is a twin."""
    module = chooser()

    class Row:
        def __init__(self, title: str, text: str) -> None:
            self.title, self.text = title, text

    stub = "Ecouter l'interview sur le site de France Inter."
    one = Row(
        "Interview de M. Olivier Véran, ministre des solidarités et de la santé, à France Inter "
        "le 3 mars 2020, sur l'épidémie de coronavirus.",
        stub,
    )
    other = Row(
        "Interview de Mme Muriel Pénicaud, ministre du travail, à France Inter le 5 mars 2020, "
        "sur la réforme de l'assurance chômage.",
        stub,
    )
    assert not module.twin(module.bag(other), [module.bag(one)])
    assert module.twin(module.bag(Row(one.title, stub)), [module.bag(one)])


def test_part_t_is_a_check_filed_whole_in_dev_and_read_only_when_named():
    """Part T is filed whole in dev/, so that the held-out measure never reads it, and read only
    when named (`--part T`): neither half reads it by default, nor the dev folder alone, so that
    the round tuning document speakers on part S never sees its errors."""
    docs = [(half, e) for half, e in ENTRIES if e["part"] == "T"]
    keys = keys_of(e for _, e in docs)
    assert len(docs) == 40 and {half for half, _ in docs} == {"dev"}
    assert "T" in CHECK_PARTS and not keys & older_keys()
    assert keys == keys_of(gold_half("dev", parts=frozenset("T")))
    read_unnamed = [gold_half(half) for half in HALVES] + [gold_half("dev", only="dev")]
    assert not any(keys & keys_of(entries) for entries in read_unnamed)


def test_part_t_is_the_seeded_choice_annotated_for_speakers_kind_and_date():
    """The rows of part T are exactly those `choose_t.py` draws, each in its stratum; every row
    has a kind, a date and its speakers with a function (the fresh rows hold no quotation)."""
    mine, gold = chosen_and_filed("T")
    assert len(mine) == 40 and gold == mine
    for _, entry in ENTRIES:
        if entry["part"] == "T":
            assert entry["kind"] and entry["date"] and entry["quotes"] == []
            assert entry["speakers"] and all(s["name"] and s["function"] for s in entry["speakers"])
