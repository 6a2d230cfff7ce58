"""A surname written alone is its person on the cluster as in Whoosh (`indexer.surnames`).

The same folder indexed by both engines: Christiane Taubira's speech, a sitting whose deputy
says « Mme Taubira nous parlait hier … du « mariage pour tous » », Hervé Mariton's motion and
a dispatch quoting « M. Mariton », statements of Marisol and Jean-Louis Touraine and a
sitting quoting « Mme Touraine », and a press database's line that lists the minister
twice, « Christiane Taubira;Taubira » (none such in the shared corpus today, but a record
holding both names must still count once). The speaker facet (whole, cut, chosen), the
hits, the speaker's page and its functions are the same on both.

With them, releases tagged « inondations » and « Inondation » (one of them both), « Politique
de défense » and « Politique de la défense »: a theme's singular and plural are one value
counted together on both engines, each record once (`tests/test_facets_as_clicked.py`).
"""

from __future__ import annotations

import csv

import pytest

from indexer.profiles import canonical_speaker, speaker_profile
from indexer.search import SearchRequest, search
from tests.conftest import both_engines, refused_mapping
from tests.test_facets_as_clicked import RELEASES, release
from tests.test_speaker_surnames import (
    BIOETHICS_SITTING,
    JEAN_LOUIS_TOURAINE,
    MARISOL_TOURAINE,
    MARITON_SITTING,
    ROUSSEAU_SITTING,
    TAUBIRA_SPEECH,
    VERAN_INTERVIEW,
    write,
)

ALIAS = "speaker-surnames"
MARITON_MOTION = """---
title: Hervé Mariton dépose une motion de rejet préalable
date: 2013-01-29
speakers: Hervé Mariton
---
Hervé Mariton, député de la Drôme, a défendu une motion de rejet préalable du projet de loi
ouvrant le mariage aux couples de personnes de même sexe. « Ce texte est une rupture
anthropologique », a-t-il déclaré.
"""
DISPATCH = (
    "Mariage pour tous : l'opposition ne désarme pas\n\n"
    "Paris, le 12 février 2013. À l'issue du vote solennel, l'opposition a promis de poursuivre "
    "le combat. M. Mariton a déclaré : « Nous continuerons à nous battre contre ce texte. »\n")


BOTH_TAGS = release("Crues : le bilan de l'hiver", "2025-03-01", "Inondation, inondations",
                    "Trois crues cet hiver sur l'Orbize et la Vère.")


@pytest.fixture(scope="module")
def engines(opensearch_cluster, tmp_path_factory):
    """(Whoosh catalog, OpenSearch catalog) of the same folder."""
    base = tmp_path_factory.mktemp("surnames-cluster")
    corpus = write(base / "corpus", {
        "taubira.md": TAUBIRA_SPEECH, "seance-mariton.txt": MARITON_SITTING,
        "marisol.md": MARISOL_TOURAINE, "jean-louis.md": JEAN_LOUIS_TOURAINE,
        "seance-bioethique.txt": BIOETHICS_SITTING, "mariton.md": MARITON_MOTION,
        "depeche.txt": DISPATCH,
        # « Rousseau » quoted, and a namesake the index only quotes: not merged
        "seance-poisson.txt": ROUSSEAU_SITTING, "veran.md": VERAN_INTERVIEW,
        # a theme in the singular and the plural, one release tagged both ways
        **RELEASES, "bilan-hiver.md": BOTH_TAGS})
    with (corpus / "base-presse.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["title", "date", "text", "speakers"])
        writer.writeheader()
        writer.writerow({
            "title": "La garde des sceaux présente la réforme pénale",
            "date": "2014-06-04",
            "text": "La garde des sceaux a présenté en Conseil des ministres le projet de loi "
                    "relatif à l'individualisation des peines et à la prévention de la "
                    "récidive.",
            "speakers": "Christiane Taubira;Taubira"})
    yield from both_engines(corpus, base / "index", opensearch_cluster.url, ALIAS)


def _seen(response) -> tuple:
    return (response.total, {k: [(v["value"], v["count"]) for v in values]
                             for k, values in response.facets.items()},
            response.facets_truncated, sorted((h["id"], str(h["speakers"]))
                                              for h in response.hits))


@pytest.mark.parametrize("asked", [
    {}, {"quotes": True}, {"facet_size": 1}, {"quotes": True, "facet_size": 1},
    {"speaker": ["Taubira"]}, {"speaker": ["Taubira"], "facet_size": 1},
    {"quotes": True, "speaker": ["Marisol Touraine"], "facet_size": 1},
    {"q": "speaker:Taubira", "quotes": True}, {"facet_all": "speaker"},
    {"quotes": True, "speaker": ["Rousseau"]},
    {"theme": ["Inondation"]}, {"theme": ["Inondations"], "facet_size": 1},
    {"facet_all": "theme"}, {"speaker": ["Touraine"], "facet_size": 1},
    # Marisol unticked after « Touraine »; Dominique after « Rousseau » (session 45)
    {"speaker": ["Jean-Louis Touraine", "Touraine (sans prénom)"]},
    {"quotes": True, "speaker": ["Rousseau (sans prénom)"], "facet_size": 1},
])
def test_both_engines_count_and_name_a_surname_alone_alike(engines, asked):
    whoosh, opensearch = engines
    assert opensearch.keyed
    # every hit on one page: records tied on an empty query come in each engine's order
    ours = search(whoosh, SearchRequest(per_page=50, **asked))
    assert _seen(search(opensearch, SearchRequest(per_page=50, **asked))) == _seen(ours)


def test_the_quotations_of_touraine_alone_are_a_value_of_their_own_on_both(engines):
    # `speaker=Touraine`, then Marisol unticked: Jean-Louis Touraine and the sitting quoting
    # « Mme Touraine », on each engine (before: « Touraine (sans prénom) » named nobody)
    for catalog in engines:
        found = search(catalog, SearchRequest(
            per_page=50, speaker=["Jean-Louis Touraine", "Touraine (sans prénom)"]))
        assert sorted(h["source"] for h in found.hits) == [
            "jean-louis.md", "seance-bioethique.txt"], catalog.name
        ticked = {v["value"]: v["count"] for v in found.facets["speaker"] if v["selected"]}
        assert ticked == {"Jean-Louis Touraine": 1, "Touraine (sans prénom)": 1}, catalog.name
        assert found.notes == [], catalog.name


def test_the_person_is_counted_once_for_a_record_naming_them_twice(engines):
    from indexer.opensearch_people import read_twice

    whoosh, opensearch = engines
    for catalog in engines:
        speakers = dict((v["value"], v["count"])
                        for v in search(catalog, SearchRequest()).facets["speaker"])
        # her speech, the sitting that names « Mme Taubira », the database's line
        assert speakers["Christiane Taubira"] == 3, catalog.name
        # his motion, his sitting, the dispatch quoting « M. Mariton »
        assert speakers["Hervé Mariton"] == 3, catalog.name
        # « Touraine » alone counts what a click on it selects: every Touraine
        assert speakers["Touraine"] == 3, catalog.name
        quoted = {v["value"]: v["count"]
                  for v in search(catalog, SearchRequest(quotes=True)).facets["speaker"]}
        # « Rousseau » alone is not merged into the namesake the index only quotes; its
        # count is its click's, both
        assert (quoted["Rousseau"], quoted["Dominique Rousseau"]) == (2, 1), catalog.name
        assert not {"Taubira", "Mariton"} & speakers.keys(), catalog.name
    # only the database's line names a person twice: she alone is counted at once, every
    # other person as the sum of their names' counts; a bare surname several people bear
    # as the sum of theirs (its click selects them all), each of them apart
    people = opensearch.speaker_labels().people
    assert {label: sorted(keys) for label, keys in people.items()} == {
        "Christiane Taubira": ["christiane taubira", "taubira"],
        "Hervé Mariton": ["herve mariton", "mariton"],
        "Touraine": ["jean-louis touraine", "marisol touraine", "touraine"],
        "Jean-Louis Touraine": ["jean-louis touraine"],
        "Marisol Touraine": ["marisol touraine"],
        "Rousseau": ["dominique rousseau", "rousseau"],
        "Dominique Rousseau": ["dominique rousseau"]}
    assert read_twice(opensearch.search, "speaker_key", people) == {"Christiane Taubira"}


def test_a_theme_in_the_singular_and_the_plural_counts_what_its_click_returns(engines):
    from indexer.opensearch_people import read_twice

    _, opensearch = engines
    for catalog in engines:
        themes = {v["value"]: v["count"]
                  for v in search(catalog, SearchRequest()).facets["theme"]}
        # the four releases of floods, the winter's tagged both ways counted once
        assert themes["Inondations"] == 4, catalog.name
        assert "Inondation" not in themes, catalog.name
        assert search(catalog, SearchRequest(theme=["Inondations"])).total == 4, catalog.name
    people = opensearch._people("theme").people
    assert {label: sorted(keys) for label, keys in people.items()} == {
        "Inondations": ["inondation", "inondations"],
        "Politique de la défense": ["politique de defense", "politique de la defense"]}
    assert read_twice(opensearch.search, "theme_key", people) == {"Inondations"}


def test_the_speaker_pages_are_the_same(engines):
    whoosh, opensearch = engines
    for name in ("Taubira", "mme taubira", "Touraine", "Marisol Touraine"):
        assert canonical_speaker(opensearch, name) == canonical_speaker(whoosh, name), name
    assert canonical_speaker(whoosh, "Taubira") == "Christiane Taubira"
    for name in ("Christiane Taubira", "Hervé Mariton", "Touraine"):
        ours, theirs = speaker_profile(whoosh, name), speaker_profile(opensearch, name)
        for key in ("statements", "quotes", "functions", "timeline", "written_as",
                    "namesakes"):
            assert theirs[key] == ours[key], (name, key)
    assert speaker_profile(whoosh, "Touraine")["namesakes"] == [
        "Jean-Louis Touraine", "Marisol Touraine"]


def test_a_user_who_may_not_read_the_mapping_sees_the_same_people(engines, opensearch_cluster,
                                                                  monkeypatch):
    """Facets counted by spelling (a search-only account refused the mapping, an index
    written before the folded values): the same people, each record once."""
    whoosh, _ = engines
    with refused_mapping(opensearch_cluster.url, ALIAS, monkeypatch) as spelled:
        assert not spelled.keyed
        for asked in ({}, {"quotes": True, "facet_size": 1}, {"speaker": ["Taubira"]},
                      {"facet_size": 1, "speaker": ["Touraine"]}, {"theme": ["Inondation"]},
                      {"speaker": ["Jean-Louis Touraine", "Touraine (sans prénom)"]}):
            assert _seen(search(spelled, SearchRequest(per_page=50, **asked))) == \
                _seen(search(whoosh, SearchRequest(per_page=50, **asked))), asked


@pytest.mark.parametrize("typed, selected", [
    ("marisol", ["Marisol Touraine"]), ("M. Hervé Mariton", ["Hervé Mariton"]),
    ("touraine", ["Jean-Louis Touraine", "Marisol Touraine", "Touraine"]), ("Zorglub", []),
])
def test_a_speaker_filter_typed_by_hand_selects_alike(engines, typed, selected):
    """`speaker=marisol` (`indexer.engine.select_values`): the same people, counts, notes
    and labels on both engines; « touraine » is both Touraines and the bare « Touraine » the
    index holds as written (a sitting's « Mme Touraine »), as `speaker:Touraine` and
    /speaker/Touraine read it (`indexer.engine.shared_surname`)."""
    whoosh, opensearch = engines
    ours = search(whoosh, SearchRequest(per_page=50, speaker=[typed]))
    theirs = search(opensearch, SearchRequest(per_page=50, speaker=[typed]))
    assert ours.request.labels["speaker"] == {typed: selected}
    assert theirs.request.labels == ours.request.labels
    assert _seen(theirs) == _seen(ours)
    assert theirs.notes == ours.notes
    assert bool(ours.total) == bool(selected)
