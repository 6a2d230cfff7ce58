"""Filters a journalist types by hand: `kind=`, `theme=` and `speaker=` in an address, the API,
a feed, an export or the command line (`indexer.engine.selected_labels`, `filter_notes`).

A kind or a theme had to be spelt as the facet lists it, up to case and accents: `theme=crues`
or `kind=allocution` selected nothing, silently. They are read now as a journalist types them:
a kind in the plural or as it is spoken of (« communiqués de presse », « allocution »: a
speech, vie-publique's « déclaration » too), a theme in the singular (« inondation » for
« Inondations »), by a term of the thesaurus (`corpus/thesaurus.yaml`: « crues » is a term of
« Inondations »), or by its words (« retenue »). A value that selects nothing says so in one
line, a value selecting several says which, as a speaker's name typed by hand does. The
talking points say the same notes as the search. Through the Flask test client and `verbatim
search` on the demo corpus.
"""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.indexing import index_paths
from tests.conftest import web_client
from tests.test_facets_as_clicked import clicked, listed
from tests.test_speaker_surnames import (
    BIOETHICS_SITTING,
    JEAN_LOUIS_TOURAINE,
    MARISOL_TOURAINE,
    write,
)


def _api(demo_client, **args) -> dict:
    return demo_client.get("/api/search", query_string={"q": "", **args}).get_json()


def _selected(data: dict, facet: str) -> list[str]:
    return [v["value"] for v in data["facets"][facet] if v["selected"]]


@pytest.mark.parametrize("typed", ["communique", "Communiqué", "communiqués de presse"])
def test_a_kind_typed_without_accent_or_as_spoken_of_selects_it(demo_client, typed):
    listed = _api(demo_client, kind="communiqué")
    data = _api(demo_client, kind=typed)
    assert data["total"] == listed["total"] > 0
    assert _selected(data, "kind") == ["communiqué"]
    assert data["notes"] == []  # its one kind is its chip: nothing to say


def test_an_interview_typed_with_a_capital_is_the_interviews(demo_client):
    assert _api(demo_client, kind="Interview")["total"] == \
        _api(demo_client, kind="interview")["total"] > 0


def test_a_speech_typed_as_an_allocution_selects_both_kinds_of_speech_and_says_so(demo_client):
    data = _api(demo_client, kind="allocution")
    speeches = _api(demo_client, kind=["discours", "déclaration"])
    assert data["total"] == speeches["total"] > 0
    assert sorted(_selected(data, "kind")) == ["discours", "déclaration"]
    assert data["notes"] == [
        "Type « allocution » désigne 2 types, retenus ensemble : discours, déclaration."]


def test_a_kind_nobody_publishes_says_which_kinds_there_are(demo_client):
    data = _api(demo_client, kind="bulletin")
    assert data["total"] == 0
    assert data["notes"] == [
        "Type « bulletin » : aucun type de document de ce nom dans l'index (types : "
        "communiqué, débat, déclaration, discours, dossier de presse, interview, tribune)."]
    # before: the same empty page, with nothing saying why
    page = demo_client.get("/?kind=bulletin")
    assert page.status_code == 200
    assert "aucun type de document de ce nom" in page.get_data(as_text=True)


@pytest.mark.parametrize("typed", ["inondation", "INONDATIONS", "crues", "Crue"])
def test_a_theme_in_the_singular_or_by_its_thesaurus_term_selects_it(demo_client, typed):
    listed = _api(demo_client, theme="Inondations")
    data = _api(demo_client, theme=typed)
    assert data["total"] == listed["total"] > 0
    assert _selected(data, "theme") == ["Inondations"]
    assert data["notes"] == []


def test_a_theme_typed_by_one_of_its_words_selects_the_themes_holding_it(demo_client):
    data = _api(demo_client, theme="retenue")
    assert sorted(_selected(data, "theme")) == ["Barrages et retenues", "Retenue d'eau"]
    assert data["notes"] == [
        "Thème « retenue » désigne 2 thèmes, retenus ensemble : Barrages et retenues, "
        "Retenue d'eau."]


def test_a_theme_the_index_does_not_know_says_so(demo_client):
    data = _api(demo_client, theme="Zorglub")
    assert (data["total"], data["notes"]) == (
        0, ["Thème « Zorglub » : aucun thème de ce nom dans l'index."])
    # shown selected at 0, as a speaker nobody bears is
    assert [(v["value"], v["count"]) for v in data["facets"]["theme"] if v["selected"]] == [
        ("Zorglub", 0)]


def test_a_year_or_a_language_the_index_does_not_hold_says_which_there_are(demo_client):
    # « 20x6 » typed for 2016, « fra » for fr: nothing to show, and the page said nothing
    data = _api(demo_client, year="20x6")
    assert data["total"] == 0
    (note,) = data["notes"]
    assert note.startswith("Année « 20x6 » : aucun document de cette année dans l'index "
                           "(années : ")
    assert note.endswith(").") and " à " in note
    data = _api(demo_client, lang="fra")
    assert data["notes"] == ["Langue « fra » : aucun document dans cette langue dans "
                             "l'index (langues : en, fr)."]


def test_a_year_and_a_language_the_index_holds_say_nothing(demo_client):
    years = [v["value"] for v in _api(demo_client)["facets"]["year"]]
    assert _api(demo_client, year=years[0])["notes"] == []
    assert _api(demo_client, lang="FR")["notes"] == []


def test_the_page_the_csv_and_the_feed_read_a_theme_typed_alike(demo_client):
    page = demo_client.get("/?q=&theme=crues").get_data(as_text=True)
    assert 'aria-label="Retirer le filtre Thème\xa0: Inondations"' in page
    text = demo_client.get("/export.csv?theme=crues").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == _api(demo_client, theme="Inondations")["total"]
    assert all("Inondations" in row["themes"] for row in rows)
    feed = demo_client.get("/feed.atom?theme=crues").get_data(as_text=True)
    assert "<title>Verbatim — déclarations · Thème\xa0: Inondations</title>" in feed


def test_the_command_line_reads_and_says_the_same(demo_index_shared):
    crues = CliRunner().invoke(main, ["search", "--index", str(demo_index_shared), "--theme",
                                      "crues", "--json", ""])
    listed = CliRunner().invoke(main, ["search", "--index", str(demo_index_shared), "--theme",
                                       "Inondations", "--json", ""])
    assert crues.exit_code == listed.exit_code == 0
    assert crues.stdout == listed.stdout.replace('"query": ""', '"query": ""')
    nothing = CliRunner().invoke(main, ["search", "--index", str(demo_index_shared), "--kind",
                                        "bulletin", ""])
    assert nothing.exit_code == 0
    assert "note : Type « bulletin » : aucun type de document de ce nom" in nothing.output


# --- The talking points: the same reading of the filters, and the same notes.

def _points(demo_client, **args) -> dict:
    response = demo_client.get("/api/talking-points", query_string=args)
    assert response.status_code == 200
    return response.get_json()


def test_the_talking_points_read_a_theme_and_a_kind_as_the_search_does(demo_client):
    assert _points(demo_client, theme="crues")["total"] == \
        _points(demo_client, theme="Inondations")["total"]
    assert _points(demo_client, kind="communiqués de presse")["total"] == \
        _points(demo_client, kind="communiqué")["total"] > 0
    assert _points(demo_client, theme="Inondations")["notes"] == []


def test_the_talking_points_give_the_searchs_notes(demo_client):
    # before: no `notes` at all, an empty list of talking points said nothing
    for args in ({"theme": "Zorglub"}, {"kind": "allocution"}, {"speaker": "Zorglub"}):
        assert _points(demo_client, **args)["notes"] == \
            _api(demo_client, **args)["notes"] != [], args
    page = demo_client.get("/elements-de-langage?theme=Zorglub").get_data(as_text=True)
    assert "<li>Thème « Zorglub » : aucun thème de ce nom dans l&#39;index.</li>" in page


# --- A surname several people share: every one of them.

@pytest.fixture(scope="module")
def touraines(tmp_path_factory):
    """Marisol Touraine's statement, Jean-Louis Touraine's, and a sitting quoting « Mme
    Touraine » (left as written: two people bear the name)."""
    base = tmp_path_factory.mktemp("touraines")
    corpus = write(base / "corpus", {"marisol.md": MARISOL_TOURAINE,
                                     "jean-louis.md": JEAN_LOUIS_TOURAINE,
                                     "seance-bioethique.txt": BIOETHICS_SITTING})
    index_paths([corpus], base / "index", workers=1)
    yield from web_client(base / "index")


def test_a_surname_several_people_bear_selects_them_all(touraines):
    # before: `speaker=Touraine` was the one quotation of « Mme Touraine », neither minister
    data = _api(touraines, speaker="Touraine", quotes=1)
    assert sorted(_selected(data, "speaker")) == [
        "Jean-Louis Touraine", "Marisol Touraine", "Touraine"]
    assert data["notes"] == [
        "Orateur « Touraine » retient Jean-Louis Touraine, Marisol Touraine et les citations "
        "que le texte donne à « Touraine » seul."]
    # both ministers' statements and the sitting quoting « Mme Touraine », as `speaker:Touraine`
    # in the query reads it
    statements = _api(touraines, speaker="Touraine")
    assert sorted(h["source"] for h in statements["results"]) == [
        "jean-louis.md", "marisol.md", "seance-bioethique.txt"]
    assert _api(touraines, q="speaker:Touraine")["total"] == statements["total"] == 3


# --- Its count on the facet is its click's (Datasette's rule), and `speaker:` says it alike.

@pytest.mark.parametrize("quotes", [0, 1])
def test_the_bare_surname_counts_what_its_click_returns(touraines, quotes):
    data = _api(touraines, quotes=quotes)
    value = next(v for v in data["facets"]["speaker"] if v["value"] == "Touraine")
    # before: 1 (the sitting quoting « Mme Touraine »), where the click gave 3
    assert clicked(touraines, value)["total"] == value["count"] == 3
    assert value["label"] == "Touraine (tous les Touraine)"
    # each person keeps their own count, under their name
    people = {v["value"]: (v["label"], v["count"]) for v in data["facets"]["speaker"]}
    assert people["Marisol Touraine"] == ("Marisol Touraine", 1)
    assert people["Jean-Louis Touraine"] == ("Jean-Louis Touraine", 1)


def test_the_page_says_the_value_covers_every_touraine(touraines):
    shown = listed(touraines.get("/?q=&quotes=1").get_data(as_text=True))
    assert shown["Touraine (tous les Touraine)"] == "3"
    assert shown["Marisol Touraine"] == shown["Jean-Louis Touraine"] == "1"


def test_the_query_field_does_not_count_the_bare_name_as_a_person(touraines):
    # before: « speaker:Touraine désigne 3 personnes, retenues ensemble : Jean-Louis
    # Touraine, Marisol Touraine, Touraine. »
    data = _api(touraines, q="speaker:Touraine")
    assert data["notes"] == [
        "speaker:Touraine retient Jean-Louis Touraine, Marisol Touraine et les citations que "
        "le texte donne à « Touraine » seul."]
    # the same words as the filter's note, and the same records
    assert _api(touraines, speaker="Touraine")["notes"] == [
        "Orateur « Touraine » retient Jean-Louis Touraine, Marisol Touraine et les citations "
        "que le texte donne à « Touraine » seul."]
    assert data["total"] == _api(touraines, speaker="Touraine")["total"] == 3


def test_unticking_the_touraines_undoes_the_click(touraines):
    # every Touraine selected by the bare name: its tick removes the filter, a person's tick
    # removes that person and keeps the rest (before session 44: « Touraine » unticked kept
    # both Touraines, and Marisol unticked kept « Touraine », which selected her again)
    data = _api(touraines, speaker="Touraine")
    ticked = {v["value"]: v for v in data["facets"]["speaker"] if v["selected"]}
    assert ticked.keys() == {"Touraine", "Jean-Louis Touraine", "Marisol Touraine"}
    cleared = clicked(touraines, ticked["Touraine"])
    assert "speaker=" not in ticked["Touraine"]["toggle_url"]
    assert _selected(cleared, "speaker") == [] and cleared["notes"] == []
    # Jean-Louis Touraine and the sitting quoting « Mme Touraine » stay (session 44: the
    # sitting went with Marisol, `tests/test_facet_clicks_kept.py`)
    marisol_out = clicked(touraines, ticked["Marisol Touraine"])
    assert sorted(h["source"] for h in marisol_out["results"]) == [
        "jean-louis.md", "seance-bioethique.txt"]
    assert _selected(marisol_out, "speaker") == ["Touraine (sans prénom)", "Jean-Louis Touraine"]
