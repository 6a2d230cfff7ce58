"""A speaker's page reached as a journalist types its address: `/speaker/Macron`, with a
civility (`/speaker/M. Jean Castex`), or a surname two people of the index share; and a
person typed in the query field (`speaker:Deltour`), who is not the organisation named after
him.

`/speaker/Nom` is how the README says to reach a speaker the facet does not list; a surname
used to answer « Personne de ce nom n'est cité dans l'index » for a minister with dozens of
statements. Through Flask's test client, on a small corpus of releases.

A speaker filter typed by hand (`speaker=Deltour` in an address, `--speaker Deltour` on the
command line) reads a name as `speaker:` and `/speaker/` read it: a surname, a first name, a
civility, any case or accents; the several people it names are selected together and named in
a note, and so is the organisation named after a person, set apart; a name nobody bears says
so. The facet's values keep their Datasette shape: a value selected through the name typed is
removed by its `toggle_url`. `speaker=Deltour` answered 0 results, silently, where
`speaker:Deltour` found his statement.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.indexing import index_paths
from tests.conftest import web_client

RELEASES = {
    "2016-01-12-sante.md": ("Marisol Touraine", "ministre des affaires sociales et de la santé",
                            "La loi de modernisation de notre système de santé est promulguée."),
    "2013-02-01-bioethique.md": ("Jean-Louis Touraine", "député du Rhône",
                                 "La révision des lois de bioéthique doit être ouverte."),
    "2020-10-28-allocution.md": ("Emmanuel Macron", "président de la République",
                                 "Le virus circule en France à une vitesse que même les "
                                 "prévisions les plus pessimistes n'avaient pas anticipée."),
    "2020-10-29-reconfinement.md": ("Jean Castex", "Premier ministre",
                                    "Le confinement entre en vigueur ce soir à minuit."),
    # the luxleaks releases: the whistleblower, and the committee named after him
    "2016-04-26-ouverture-proces.md": ("Antoine Deltour", "lanceur d'alerte",
                                       "Je n'ai fait que mon devoir de citoyen."),
    "2015-03-05-pr-hollande-luxembourg.md": (
        "Comité de soutien à Antoine Deltour", "comité de soutien",
        "Le comité demande au président de la République de soutenir le lanceur d'alerte."),
    # another Antoine: « Antoine » names two people, and the committee is neither
    "2013-01-29-mariage.md": ("Antoine Herth", "député du Bas-Rhin",
                              "Le mariage est une institution qui mérite un débat serein."),
}
COMMITTEE = "Comité de soutien à Antoine Deltour"


def _releases(folder: Path) -> Path:
    """Write RELEASES into `folder` as Markdown with front matter, and return it."""
    for name, (who, function, text) in RELEASES.items():
        (folder / name).write_text(
            f"---\ntitle: Déclaration de {who}\nauthor: {who}\ndate: {name[:10]}\n"
            f"category: déclaration\n---\n\n{who}, {function}.\n\n{text}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    index = tmp_path_factory.mktemp("speaker-addresses-index")
    index_paths([_releases(tmp_path_factory.mktemp("speaker-addresses"))], index)
    return index


@pytest.fixture
def client(index_dir):
    yield from web_client(index_dir)


def _lands_on(client, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 302, address
    return unquote(response.headers["Location"])


def test_a_surname_leads_to_the_one_person_who_bears_it(client):
    assert _lands_on(client, "/speaker/Macron").endswith("/speaker/Emmanuel Macron")
    assert _lands_on(client, "/speaker/castex").endswith("/speaker/Jean Castex")
    page = client.get("/speaker/Emmanuel%20Macron").get_data(as_text=True)
    assert "Emmanuel Macron" in page and "1 déclaration" in page


def test_a_civility_before_the_name_is_read_past(client):
    assert _lands_on(client, "/speaker/M.%20Jean%20Castex").endswith("/speaker/Jean Castex")


def test_a_surname_two_people_share_offers_both(client):
    response = client.get("/speaker/Touraine")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Plusieurs personnes de l'index portent ce nom" in html
    assert 'href="/speaker/Jean-Louis%20Touraine"' in html
    assert 'href="/speaker/Marisol%20Touraine"' in html
    assert 'href="/?speaker=Jean-Louis+Touraine&amp;speaker=Marisol+Touraine"' in html


def test_a_surname_leads_to_the_person_not_to_the_committee_named_after_him(client):
    """« Deltour » names Antoine Deltour: the « Comité de soutien à Antoine Deltour » is an
    organisation, not a second person of that name. His page offers it apart, labelled."""
    assert _lands_on(client, "/speaker/Deltour").endswith("/speaker/Antoine Deltour")
    page = client.get("/speaker/Antoine%20Deltour").get_data(as_text=True)
    assert "Plusieurs personnes" not in page
    assert ('Organisation qui porte son nom, comptée à part&nbsp;: <a href="/speaker/'
            'Comit%C3%A9%20de%20soutien%20%C3%A0%20Antoine%20Deltour">Comité de soutien à '
            'Antoine Deltour</a>.') in page
    committee = client.get("/speaker/Comit%C3%A9%20de%20soutien%20%C3%A0%20Antoine%20Deltour")
    assert committee.status_code == 200
    assert "qui porte son nom" not in committee.get_data(as_text=True)


def test_a_name_nobody_bears_is_still_404(client):
    response = client.get("/speaker/Taubira")
    assert response.status_code == 404
    assert "Personne de ce nom n&#39;est cité dans l&#39;index." in response.get_data(as_text=True)


def _who(client, address: str) -> list[list[str]]:
    """Return the speakers of each result of an API search, and its notes."""
    data = client.get(address).get_json()
    return [[s["name"] for s in hit["speakers"]] for hit in data["results"]], data["notes"]


def test_a_person_typed_in_the_query_is_not_the_committee_named_after_him(client):
    """`speaker:Deltour` in the query field selected Antoine Deltour and the « Comité de
    soutien à Antoine Deltour » together, as `/speaker/Deltour` no longer does: the person,
    and a note saying how to reach the committee apart."""
    found, notes = _who(client, "/api/search?q=speaker:Deltour")
    assert found == [["Antoine Deltour"]]
    assert ("speaker:Deltour désigne Antoine Deltour ; l'organisation qui porte son nom est "
            f'comptée à part : speaker:"{COMMITTEE}".') in notes
    # the person's full name too: it is held in the committee's
    assert _who(client, "/api/search?q=speaker:%22Antoine%20Deltour%22")[0] == [
        ["Antoine Deltour"]]
    # the committee reached as the note says, with no note
    assert _who(client, f'/api/search?q=speaker:"{COMMITTEE}"') == ([[COMMITTEE]], [])
    # a name no organisation holds selects as before, and names the two people it selects
    assert _who(client, "/api/search?q=speaker:Touraine&sort=date") == (
        [["Jean-Louis Touraine"], ["Marisol Touraine"]],
        ["speaker:Touraine désigne 2 personnes, retenues ensemble : Jean-Louis Touraine, "
         "Marisol Touraine."])


def test_the_search_command_reads_speaker_the_same_way(index_dir):
    result = CliRunner().invoke(main, ["search", "speaker:Deltour", "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    assert "note : speaker:Deltour désigne Antoine Deltour ; l'organisation" in result.output
    assert "1 résultat(s)" in result.output
    assert "Déclaration de Antoine Deltour" in result.output
    assert f"Déclaration de {COMMITTEE}" not in result.output


def test_a_first_name_two_people_share_offers_both_and_the_committee_apart(client):
    """« Antoine » names Antoine Deltour and Antoine Herth: « Leurs déclarations ensemble »
    selects those two; the committee named after one of them is offered apart."""
    response = client.get("/speaker/Antoine")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert ('<a href="/?speaker=Antoine+Deltour&amp;speaker=Antoine+Herth">Leurs déclarations '
            'ensemble</a>') in html
    assert ("Organisation qui porte le nom de l'un d'eux, comptée à part&nbsp;: <a href="
            '"/speaker/Comit%C3%A9%20de%20soutien%20%C3%A0%20Antoine%20Deltour">Comité de '
            "soutien à Antoine Deltour</a>.") in html
    together = client.get("/api/search?speaker=Antoine+Deltour&speaker=Antoine+Herth&sort=date")
    assert [[s["name"] for s in hit["speakers"]] for hit in together.get_json()["results"]] == [
        ["Antoine Herth"], ["Antoine Deltour"]]
    # two people, no organisation named after either: no such line
    assert "comptée à part" not in client.get("/speaker/Touraine").get_data(as_text=True)


# --- A speaker filter typed by hand

def _search(client, query: str) -> dict:
    return client.get(f"/api/search?{query}&sort=date").get_json()


def _names(data: dict) -> list[list[str]]:
    return [[s["name"] for s in hit["speakers"]] for hit in data["results"]]


def _chosen(data: dict) -> list[tuple[str, str]]:
    """The speaker facet's selected values and where their link leads (path and query)."""
    return [(v["value"], unquote(v["toggle_url"].split("localhost", 1)[1]).replace("+", " "))
            for v in data["facets"]["speaker"] if v["selected"]]


@pytest.mark.parametrize("typed", ["Deltour", "DELTOUR", "deltour", "M. Deltour",
                                   "Mme Antoine Deltour"])
def test_a_surname_typed_as_a_filter_selects_the_person(client, typed):
    data = _search(client, f"speaker={typed}")
    assert _names(data) == [["Antoine Deltour"]]
    assert data["notes"] == [
        f"Orateur « {typed} » désigne Antoine Deltour ; l'organisation qui porte son nom est "
        f"comptée à part : {COMMITTEE}."]
    # Antoine Deltour shown selected; his link takes away what was typed
    assert _chosen(data) == [("Antoine Deltour", "/api/search?sort=date")]


def test_a_value_the_facet_lists_says_nothing(client):
    # a click on the facet, or an address copied from one: the label itself, no note
    data = _search(client, "speaker=Antoine+Deltour")
    assert _names(data) == [["Antoine Deltour"]]
    assert data["notes"] == []
    assert _search(client, f"speaker={COMMITTEE}")["notes"] == []


def test_a_first_name_two_people_bear_selects_both_and_names_them(client):
    data = _search(client, "speaker=Antoine")
    assert _names(data) == [["Antoine Herth"], ["Antoine Deltour"]]
    assert data["notes"] == [
        "Orateur « Antoine » désigne 2 personnes, retenues ensemble : Antoine Deltour, "
        f"Antoine Herth ; l'organisation qui porte le nom de l'un d'eux est comptée à part : "
        f"{COMMITTEE}."]
    # each person's link removes that person alone: the other stays, by name
    assert _chosen(data) == [("Antoine Deltour", "/api/search?speaker=Antoine Herth&sort=date"),
                             ("Antoine Herth", "/api/search?speaker=Antoine Deltour&sort=date")]
    touraine = _search(client, "speaker=Touraine")
    assert _names(touraine) == [["Jean-Louis Touraine"], ["Marisol Touraine"]]
    assert touraine["notes"] == [
        "Orateur « Touraine » désigne 2 personnes, retenues ensemble : Jean-Louis Touraine, "
        "Marisol Touraine."]


def test_the_page_names_the_filter_as_the_people_it_selects(client):
    page = client.get("/?q=&speaker=Touraine").get_data(as_text=True)
    assert 'aria-label="Retirer le filtre Orateur\xa0: Jean-Louis Touraine ou Marisol Touraine"' \
        in page
    assert "<li>Orateur « Touraine » désigne 2 personnes, retenues ensemble" in page
    feed = client.get("/feed.atom?speaker=Deltour").get_data(as_text=True)
    assert "<title>Verbatim — déclarations · Orateur\xa0: Antoine Deltour</title>" in feed


def test_a_name_nobody_bears_says_so(client):
    # « Taubira »: nobody of this corpus; the page answers, with its reason, never a 500
    data = _search(client, "speaker=Taubira")
    assert (data["total"], data["notes"]) == (
        0, ["Orateur « Taubira » : aucun orateur de ce nom dans l'index."])
    assert [(v["value"], v["count"], v["selected"]) for v in data["facets"]["speaker"]
            if v["selected"]] == [("Taubira", 0, True)]
    page = client.get("/?q=&speaker=Taubira")
    assert page.status_code == 200
    assert "Orateur « Taubira » : aucun orateur de ce nom dans l&#39;index." in \
        page.get_data(as_text=True)
    assert _search(client, "q=speaker:Taubira")["notes"] == [
        "speaker:Taubira : aucun orateur de ce nom dans l'index."]


def test_the_query_field_names_the_people_a_surname_selects(client):
    # `speaker:Touraine` selected both Touraines without a word
    assert _search(client, "q=speaker:Touraine")["notes"] == [
        "speaker:Touraine désigne 2 personnes, retenues ensemble : Jean-Louis Touraine, "
        "Marisol Touraine."]
    # the note says the prefix typed, and how to reach the committee with it
    assert _search(client, "q=orateur:Deltour")["notes"] == [
        "orateur:Deltour désigne Antoine Deltour ; l'organisation qui porte son nom est "
        f'comptée à part : orateur:"{COMMITTEE}".']
    assert _search(client, "q=intervenant:%22Antoine+Deltour%22")["notes"] == [
        'intervenant:"Antoine Deltour" désigne Antoine Deltour ; l\'organisation qui porte '
        f'son nom est comptée à part : intervenant:"{COMMITTEE}".']


def test_a_civility_in_the_query_field_is_read_past(client):
    # `speaker:"M. Jean Castex"` found nothing, where /speaker/M. Jean Castex finds him
    assert _names(_search(client, "q=speaker:%22M.+Jean+Castex%22")) == [["Jean Castex"]]
    assert _names(_search(client, "q=orateur:%22Mme+Touraine%22")) == [
        ["Jean-Louis Touraine"], ["Marisol Touraine"]]


def test_a_field_typed_with_a_capital_is_the_field(client):
    # a phone's capital: `Orateur:Macron` was read as words
    data = _search(client, "q=Orateur:Macron")
    assert _names(data) == [["Emmanuel Macron"]]
    assert _names(_search(client, "q=QUI:Castex")) == [["Jean Castex"]]


def test_the_search_command_reads_the_speaker_option_the_same_way(index_dir):
    result = CliRunner().invoke(main, ["search", "", "--speaker", "Deltour",
                                       "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    assert ("note : Orateur « Deltour » désigne Antoine Deltour ; l'organisation qui porte "
            "son nom est comptée à part") in result.output
    assert "1 résultat(s)" in result.output
    assert "Déclaration de Antoine Deltour" in result.output
