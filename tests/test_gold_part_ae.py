"""Part AE of the attribution gold (issue 11, session 33) is the Hansard check PART-AE.md says.

`choose_ae.py` draws, from speaker label counts only, the first 4 House and 4 Senate sittings of
the Canadian Hansard that no part of the gold holds, in a seeded order, among the sittings with 5
to 50 distinct speaker labels. Part AE is a check of document speakers, kind and date on whole
sittings, annotated blind per file and read only when named (`--part AE`, aggregates only),
by neither half otherwise; it shares no document with an older part, parts A and E included.
"""

import importlib.util
import json
from collections import Counter
from functools import cache

from bench.extraction import ATTRIBUTION, CHECK_PARTS, HALVES, gold_half, main
from tests.conftest import SHARED, shared_path
from tests.test_gold_attribution import ENTRIES, chosen_and_filed
from tests.test_gold_decision_set import keys_of

HANSARD = "hansard-canada-36e-fr"


@cache
def chooser():
    """choose_ae.py, loaded from its file beside the gold (it puts its folder on the path for
    choose_k and choose_o)."""
    spec = importlib.util.spec_from_file_location("choose_ae", ATTRIBUTION / "choose_ae.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def filed() -> list[tuple[str, dict]]:
    return [(half, e) for half, e in ENTRIES if e["part"] == "AE"]


def older_docs() -> list[dict]:
    """Every document of quotes.json, of the speakers gold and of the parts but AE."""
    older = json.loads((ATTRIBUTION.parent / "quotes.json").read_text(encoding="utf-8"))
    docs = older["documents"] + [e for _, e in ENTRIES if e["part"] != "AE"]
    for path in sorted((ATTRIBUTION.parent / "speakers").glob("*.json")):
        docs += json.loads(path.read_text(encoding="utf-8"))["documents"]
    return docs


def test_a_label_is_a_speaker_line_of_either_chamber():
    """The chooser counts the lines that open a turn, as the House and the Senate write them,
    and never a sentence that introduces a quotation or the voices of the floor."""
    label = chooser().LABEL
    for line in (
        "M. Bob Wood (Nipissing, Lib.):",
        "Mme Elinor Caplan (Thornhill, Lib.):",
        "Le tres hon. Jean Chretien (premier ministre, Lib.):",
        "L'hon. Paul Martin (ministre des Finances, Lib.):",
        "Le president suppleant (M. McClelland):",
        "L'honorable Sharon Carstairs (leader adjoint du gouvernement) :",
        "Son Honneur le President :",
    ):
        assert label.match(line), line
    for line in (
        "Je cite M. McLennan:",
        "Des voix:",
        "Honorables senateurs, je donne avis que mardi prochain, je proposerai:",
        "M. Ellis a commence a s'interesser a la politique tres tot dans sa vie.",
    ):
        assert not label.match(line), line


def test_labels_are_counted_once_each_and_only_before_words():
    """A label counts once however often it opens a turn, and not when no line of text
    follows it (an empty turn)."""
    text = (
        "M. Bob Wood (Nipissing, Lib.):\nJ'espere que tous les deputes seront la ce soir.\n"
        "Mme Judi Longfield (Whitby-Ajax, Lib.):\nM. Inky Mark (Dauphin-Swan River, Ref.):\n"
        "L'annee 1997 marque le 50e anniversaire de l'abrogation de cette loi.\n"
        "M. Bob Wood (Nipissing, Lib.):\nMonsieur le President, je vous remercie.\n"
    )
    assert chooser().labels(text) == 2


@cache
def chosen() -> tuple[dict, ...]:
    shared_path(HANSARD)
    return tuple(chooser().choose(SHARED))


def test_the_chooser_draws_4_house_and_4_senate_fresh_sittings_in_the_seeded_order():
    """8 whole sittings, each chamber its quota, within the label bound, fresh, each the first
    of its chamber's seeded order that no part of the gold holds."""
    module = chooser()
    rows = chosen()
    assert len(rows) == 8 and Counter(r["stratum"] for r in rows) == module.QUOTAS
    assert [r["order"] for r in rows] == list(range(1, 9))
    assert all(r["record"] is None and r["source"].startswith(f"{HANSARD}/") for r in rows)
    assert all(module.MIN_LABELS <= r["labels"] <= module.MAX_LABELS for r in rows)
    assert not keys_of(rows) & module.choose_o.seen(drawn="AE")
    for name, stock in module.candidates(SHARED).items():
        taken = [r for r in rows if r["stratum"] == name]
        assert [r["source"] for r in taken] == [r["source"] for r in stock[: len(taken)]]
        assert all(r["rank"] == module.rank(r["source"]) for r in stock)


def test_part_ae_is_a_check_filed_whole_in_dev_and_read_only_when_named():
    """Part AE is filed whole in dev/, so that the held-out measure never reads it, shares no
    document with quotes.json, the speakers gold or any other part, and is read only when
    named: neither half reads it by default, nor the dev folder alone."""
    docs = filed()
    keys = keys_of(e for _, e in docs)
    assert len(docs) == 8 and {half for half, _ in docs} == {"dev"}
    assert "AE" in CHECK_PARTS and not keys & keys_of(older_docs())
    assert keys == keys_of(gold_half("dev", parts=frozenset({"AE"})))
    # Named by its two letters, never read as parts A and E.
    for letter in "AE":
        assert not keys & keys_of(gold_half("dev", parts=frozenset({letter})))
    read_unnamed = [gold_half(half) for half in HALVES] + [gold_half("dev", only="dev")]
    assert not any(keys & keys_of(entries) for entries in read_unnamed)


def test_part_ae_is_the_seeded_choice_annotated_for_speakers_kind_and_date():
    """The sittings of part AE are exactly those `choose_ae.py` draws; each is a débat with its
    date, annotated per file, its speakers the people whose speaker line keeps a sentence (a
    note names those left out), no quotation (the files hold no mark)."""
    mine, gold = chosen_and_filed("AE")
    assert len(mine) == 8 and gold == mine
    for _, entry in filed():
        assert entry["kind"] == "débat" and entry["date"] and entry["quotes"] == []
        assert "file_sha1" in entry and entry["format"] == "txt" and entry["note"]
        names = [s["name"] for s in entry["speakers"]]
        assert len(names) == len(set(names)) >= 5
        if entry["stratum"] == "hansard-house":
            # Every deputy, minister and chair has a function: a constituency at least.
            assert all(s["function"] for s in entry["speakers"])
        else:
            # The Speaker of the Senate, « Son Honneur le President », named by the header.
            assert {"name": "Gildas L. Molgat", "function": "président du Sénat"} in entry[
                "speakers"
            ]


def test_the_bench_refuses_the_misses_of_part_ae(capsys):
    """`--part AE --errors` is refused before anything is scored: a check's misses are never
    listed."""
    assert {"AB", "AE", "AF"} <= CHECK_PARTS and not {"AA", "AC", "AD", "A", "E"} & CHECK_PARTS
    code = main(["--only", "attribution", "--half", "dev", "--part", "AE", "--errors"])
    assert code == 2
    assert "partie de contrôle AE : agrégats seulement" in capsys.readouterr().err
