"""Speakers on the real corpus's pages: each function listed once, however the sources spell
it (h160's F12); a group of members of parliament named as the record writes it (F26).

Real pages of ../shared/corpus, indexed as `verbatim index` does (the session's shared-corpus
index) and read through the Flask client: the tests skip, saying why, when the corpus is
absent, and fail under VERBATIM_REQUIRE_SHARED=1.
"""

from __future__ import annotations

import re

import pytest

from indexer.profiles import function_key


@pytest.fixture(scope="module")
def client(shared_index):
    """The web app over the shared corpus's index (luxleaks, vie-publique, two sittings)."""
    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(shared_index[0])})
    yield app.test_client()
    close_catalog(app)


def functions(client, name: str) -> list[str]:
    """Return the lines of the « Fonctions » list of a speaker's page, as text."""
    response = client.get(f"/speaker/{name}")
    assert response.status_code == 200, name
    listing = re.search(r'<ul class="functions">(.*?)</ul>', response.get_data(as_text=True),
                        re.S)
    assert listing, f"{name}: no functions listed"
    items = re.findall(r"<li>(.*?)</li>", listing.group(1), re.S)
    return [re.sub(r"<[^>]+>", "", item).replace("&#39;", "'") for item in items]


def test_two_apostrophes_are_one_function(client):
    # the committee's releases write « lanceur d'alerte » (2015-2018) and, from March 2018,
    # « lanceur d’alerte »: the page listed both, 4 and 2 statements
    listed = functions(client, "Antoine Deltour")
    assert [f for f in listed if "lanceur" in f] == [
        "lanceur d'alerte (du 29 juin 2015 au 15 mai 2018, 6 déclarations)"]


def test_a_lower_case_republique_is_counted_with_the_usual_spelling(client):
    # vie-publique titles « président de la république » in three of his 37 statements
    # (« Déclaration de M. Emmanuel Macron, président de la république, sur … », 15 October)
    listed = functions(client, "Emmanuel Macron")
    presidents = [f for f in listed if f.lower().startswith("président")]
    assert presidents[0].startswith("président de la République (du 21 septembre 2020 au ")
    assert not any(f.startswith("président de la république") for f in listed)


def test_a_bare_president_is_not_read_as_president_of_the_republic(client):
    # the joint letter of nine heads of government (16 October 2020) is signed « Emmanuel
    # Macron, Président »: the source says no more, and a bare « président » also titles a
    # sitting's or a commission's chair: the page keeps it apart rather than guess
    listed = functions(client, "Emmanuel Macron")
    assert "Président (16 octobre 2020, 1 déclaration)" in listed


@pytest.mark.parametrize(("one", "other"), [
    ("secrétaire d'État aux affaires européennes", "secrétaire d'Etat aux affaires européennes"),
    ("leader du gouvernement a la Chambre des communes",
     "leader du gouvernement a la Chambre des Communes"),
    ("lanceur d’alerte", "lanceur d'alerte"),
    ("Ministre de l'agriculture et de l'alimentation",
     "ministre de l'agriculture et de l'alimentation"),
])
def test_spellings_of_one_function_share_a_key(one, other):
    # spellings met on the speaker pages of the shared corpus (Clément Beaune, Don Boudria,
    # Antoine Deltour, Julien Denormandie)
    assert function_key(one) == function_key(other)


@pytest.mark.parametrize(("one", "other"), [
    ("Président", "président de la République"),
    ("garde des Sceaux", "garde des Sceaux, ministre de la justice"),
    ("Avocat général", "Premier Avocat Général"),
])
def test_different_functions_keep_their_keys(one, other):
    assert function_key(one) != function_key(other)


def test_a_group_of_deputies_is_named_as_the_record_writes_it(client):
    # 20130118.xml: <sp who="Plusieurs_députés_du_groupe_UMP"><speaker>Plusieurs députés du
    # groupe UMP</speaker> … « C'est faux ! »: the pages said « Plusieurs Députés du Groupe Ump »
    response = client.get("/speaker/Plusieurs députés du groupe UMP")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<h1 id="speaker-title">Plusieurs députés du groupe UMP</h1>' in html
    every = client.get("/api/search", query_string={"facet_size": "max"}).get_json()
    speakers = {value["value"] for value in every["facets"]["speaker"]}
    assert {"Plusieurs députés du groupe UMP", "De nombreux députés du groupe SRC",
            "Un député du groupe SRC", "Quelques députés du groupe UMP"} <= speakers
    assert not {name for name in speakers if "Ump" in name or "Src" in name}
    assert {"Jean-Frédéric Poisson", "Antoine Deltour", "Emmanuel Macron"} <= speakers


def test_deltour_is_the_whistleblower_not_his_support_committee(client):
    # 56 luxleaks releases are the « Comité de soutien à Antoine Deltour »'s: /speaker/Deltour
    # offered it as a second person of that name, beside Antoine Deltour
    response = client.get("/speaker/Deltour")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/speaker/Antoine%20Deltour")
    page = client.get("/speaker/Antoine%20Deltour").get_data(as_text=True)
    assert re.search(r'class="hint names named-after">Organisation qui porte son nom, comptée '
                     r'à part&nbsp;: <a href="[^"]+">Comité de soutien à Antoine Deltour</a>',
                     page)


def test_deltour_in_the_query_and_the_talking_points_is_the_whistleblower(client):
    # `speaker:Deltour` selected the committee's 56 releases; Antoine Deltour speaks in 16 (17
    # before the thirty-eighth round: the verdict's post of 16 March 2017 does not quote him, its
    # « Il aura donc manqué aux juges … un « coup de rein final » » was read as his words)
    data = client.get("/api/search?q=speaker:Deltour&per_page=100").get_json()
    assert data["total"] == len(data["results"]) == 16
    assert all("Antoine Deltour" in [s["name"] for s in hit["speakers"]]
               for hit in data["results"])
    assert any(note.endswith('speaker:"Comité de soutien à Antoine Deltour".')
               for note in data["notes"])
    committee = client.get("/api/search?q=speaker:%22Comit%C3%A9%20de%20soutien%20%C3%A0%20"
                           "Antoine%20Deltour%22&per_page=1").get_json()
    assert committee["total"] == 56
    # the talking points' speaker box: the passages he repeats, not the committee's
    points = {name: client.get(f"/api/talking-points?speaker={name}").get_json()["total"]
              for name in ("Deltour", "Antoine Deltour",
                           "Comit%C3%A9 de soutien %C3%A0 Antoine Deltour")}
    assert points["Deltour"] == points["Antoine Deltour"]
    assert 0 < points["Deltour"] < points["Comit%C3%A9 de soutien %C3%A0 Antoine Deltour"]


def test_deltour_typed_as_a_filter_is_the_whistleblower(client):
    # `speaker=Deltour` by hand in an address (the API, the search page, a feed) found
    # nothing, 0 results: the facet's values are labels, « Antoine Deltour »; `speaker:`
    # and /speaker/ read the surname, the filter now does too
    data = client.get("/api/search?speaker=Deltour&per_page=100").get_json()
    assert data["total"] == len(data["results"]) == 16
    assert all("Antoine Deltour" in [s["name"] for s in hit["speakers"]]
               for hit in data["results"])
    assert data["notes"] == [
        "Orateur « Deltour » désigne Antoine Deltour ; l'organisation qui porte son nom est "
        "comptée à part : Comité de soutien à Antoine Deltour."]
    # the facet shows him selected, and his value's link removes the filter typed
    chosen = [v for v in data["facets"]["speaker"] if v["selected"]]
    assert [(v["value"], v["count"]) for v in chosen] == [("Antoine Deltour", 16)]
    assert chosen[0]["toggle_url"].endswith("/api/search?per_page=100")
    # the same person whatever the case, the accents or a civility
    for typed in ("DELTOUR", "deltour", "M.%20Deltour", "antoine%20deltour"):
        again = client.get(f"/api/search?speaker={typed}&per_page=100").get_json()
        assert again["total"] == 16, typed
    page = client.get("/?q=&speaker=Deltour").get_data(as_text=True)
    assert ('<a class="chip" href="/" aria-label="Retirer le filtre Orateur\xa0: Antoine '
            'Deltour">') in page
    assert "Orateur « Deltour » désigne Antoine Deltour" in page


def test_a_word_two_organisations_bear_is_said_of_organisations(client):
    # /speaker/Soutien: the « Comité de soutien à Antoine Deltour » and the « Groupe
    # international de soutien au Liban » were « Plusieurs personnes de l'index »
    response = client.get("/speaker/Soutien")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<p>Plusieurs organisations de l'index portent ce nom&nbsp;:</p>" in html
    assert "Plusieurs personnes" not in html
    assert ">Groupe international de soutien au Liban</a>" in html
    # the filter and the query field say it as the page does
    assert client.get("/api/search?speaker=Soutien").get_json()["notes"] == [
        "Orateur « Soutien » désigne 2 organisations, retenues ensemble : Comité de soutien à "
        "Antoine Deltour, Groupe international de soutien au Liban."]


def test_a_note_says_the_field_as_the_journalist_typed_it(client):
    # `orateur:Deltour`'s note said `speaker:Deltour`; a capital (a phone's first letter)
    # made `Orateur:Deltour` words, one record and no note
    for typed, prefix in (("orateur:Deltour", "orateur"), ("Orateur:Deltour", "orateur"),
                          ("qui:Deltour", "qui")):
        data = client.get("/api/search", query_string={"q": typed}).get_json()
        assert data["total"] == 16, typed
        assert data["notes"] == [
            f"{prefix}:Deltour désigne Antoine Deltour ; l'organisation qui porte son nom est "
            f'comptée à part : {prefix}:"Comité de soutien à Antoine Deltour".'], typed


def test_a_later_page_reads_the_filter_typed_as_the_first_does(client):
    # page 2 of words not all in every record: the records holding them all are asked for
    # again, with the filter as the first search had labelled it, « Antoine Deltour »: the
    # note and the link taking « Deltour » away were lost there
    data = client.get("/api/search", query_string={
        "q": "lanceur alerte procès Luxembourg secret", "speaker": "Deltour", "page": 2,
        "per_page": 5}).get_json()
    assert data["total"] == 16
    assert ("Orateur « Deltour » désigne Antoine Deltour ; l'organisation qui porte son nom est "
            "comptée à part : Comité de soutien à Antoine Deltour.") in data["notes"]
    chosen = [v for v in data["facets"]["speaker"] if v["selected"]]
    assert [v["value"] for v in chosen] == ["Antoine Deltour"]
    assert "speaker=" not in chosen[0]["toggle_url"]


def test_a_particle_or_a_linking_word_alone_names_nobody(client):
    # « à » and « de » are words of a score of names: `/speaker/a` led to the « Comité de
    # soutien à Antoine Deltour », `speaker:de` selected 21 people and organisations (92
    # records), `speaker:Mme` the 4 names holding « mme » (« Zimmermann », « Sommet de la
    # zone euro »), silently
    for typed in ("a", "de", "du", "Mme"):
        assert client.get(f"/speaker/{typed}").status_code == 404, typed
        data = client.get("/api/search", query_string={"q": f"speaker:{typed}"}).get_json()
        assert (data["total"], data["notes"]) == (
            0, [f"speaker:{typed} : aucun orateur de ce nom dans l'index."]), typed
    for typed in ("de", "M.", "Mme"):
        data = client.get("/api/search", query_string={"speaker": typed}).get_json()
        assert (data["total"], data["notes"]) == (
            0, [f"Orateur « {typed} » : aucun orateur de ce nom dans l'index."]), typed
    # a particle within a name still names it
    assert client.get("/speaker/de%20Gaulle").headers["Location"].endswith(
        "/speaker/Charles%20de%20Gaulle")
