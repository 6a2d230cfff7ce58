"""A journalist types the person by their office (« la garde des Sceaux », « la ministre de
l'écologie »), and the minister's own turn of the Assemblée nationale's debate comes first.

A TEI turn's `<speaker>` gives the function (« Delphine Batho, ministre de l'écologie, du
développement durable et de l'énergie »), but the minister's words never name her office:
only the deputy's question addressing her does (« ma question s'adresse à Mme la ministre de
l'écologie »). The turn's title names it now (« … — Delphine Batho, ministre de l'écologie, du
développement durable et de l'énergie », `indexer.readers.turn_title`): shown with the hit and
searched with the title's words, on both engines. Through `verbatim search` and /api/search,
on the shared corpus's index of the tests (its sitting of 29 January 2013: questions to the
government, then the bill's opening); before, a vie-publique statement of a later holder of a
like office came first, its title naming the office (Éric Dupond-Moretti, « garde des
sceaux », in 2020), or a deputy's question.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main
from tests.conftest import web_client

# (the office and what was said, as typed; the turn of 29 January 2013 meant, its speaker)
BY_OFFICE = [
    # before: Agnès Pannier-Runacher's interview of 2023, « ministre de la transition
    # énergétique », first (49.1), Delphine Batho second (38.5)
    ("la ministre de l'écologie mix énergétique nucléaire renouvelables",
     "sp-00168-Delphine_Batho", "ministre de l'écologie, du développement durable et de "
     "l'énergie"),
    # before: two interviews of 2020 of ministers of other offices, then the deputy's
    # question naming the office, then another minister's answer; his own turn not in the 4
    ("le ministre du redressement productif PSA contreparties",
     "sp-00063-Arnaud_Montebourg", "ministre du redressement productif"),
    # before: Éric Dupond-Moretti's statement of 2020, « garde des sceaux », first
    ("la garde des Sceaux divorce laïcisation de l'état civil",
     "sp-00184-Christiane_Taubira", "garde des Sceaux"),
]


def _search(index: str, query: str) -> dict:
    result = CliRunner().invoke(main, ["search", "--index", index, "--limit", "3", "--json",
                                       query])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize(("query", "record", "function"), BY_OFFICE)
def test_the_ministers_turn_comes_first_by_her_office(shared_index, query, record, function):
    first = _search(str(shared_index[0]), query)["results"][0]
    assert (first["source"], first["record"]) == ("20130118.xml", record)
    # the office the journalist typed is in the title shown, as the speakers line says it
    assert first["title"].endswith(f" — {first['speakers'][0]['name']}, {function}")
    assert first["speakers"][0]["function"] == function


def test_a_deputy_has_no_function_after_his_name(shared_index):
    # « M. Paul Molac » has no function in the transcript: his title names him alone
    hits = _search(str(shared_index[0]), "Paul Molac langues régionales enseignement "
                   "bilingue 300 000 élèves")["results"]
    molac = next(h for h in hits if h["record"] == "sp-00170-Paul_Molac")
    assert molac["title"] == "Mariage pour tous - Deuxième séance du mardi 29 janvier 2013 " \
                             "— Paul Molac"


@pytest.fixture
def client(shared_index):
    yield from web_client(shared_index[0])


def test_the_api_finds_her_by_her_office_too(client):
    answer = client.get("/api/search", query_string={
        "q": "la garde des Sceaux divorce laïcisation de l'état civil"}).get_json()
    first = answer["results"][0]
    assert first["record"] == "sp-00184-Christiane_Taubira"
    assert "Christiane Taubira, garde des Sceaux" in first["title"]


def test_the_page_says_her_office_once(client):
    # the title names the office after her name; the speakers line beside it names her alone
    # (before: « … — Christiane Taubira, garde des Sceaux » then « Christiane Taubira, garde
    # des Sceaux » again), her name still the link to her page
    page = client.get("/", query_string={
        "q": "la garde des Sceaux divorce laïcisation de l'état civil"}).get_data(as_text=True)
    card = page[page.index('<li class="hit">'):]
    card = card[:card.index("</li>")]
    assert "— Christiane Taubira, garde des Sceaux</a></h3>" in card
    assert '<span class="speakers"><a href="/speaker/Christiane%20Taubira">Christiane Taubira' \
        '</a></span>' in card
    assert card.count("garde des Sceaux") == 1


def test_the_genealogy_says_her_office_once(client):
    # the genealogy of her words: who said it first, then the turn's title naming her office;
    # before, « Christiane Taubira, garde des Sceaux » then « … — Christiane Taubira, garde
    # des Sceaux » on the first line and again on her occurrence's
    passage = ("Le mariage, qui a réussi à se détacher du sacrement, va en effet se détacher "
               "également d'un ordre social fondé sur une conception patriarcale de la société")
    page = client.get("/genealogie", query_string={"q": passage}).get_data(as_text=True)
    first = page[page.index('<p class="first-line">'):]
    first = first[:first.index("</p>")]
    assert first.startswith('<p class="first-line"><a href="/speaker/Christiane%20Taubira">'
                            "Christiane Taubira</a>, texte du")
    assert first.count("garde des Sceaux") == 1
    assert first.endswith("— Christiane Taubira, garde des Sceaux</a>")
    occurrence = page[page.index('<li class="occurrence">'):]
    occurrence = occurrence[:occurrence.index("</li>")]
    assert '<a href="/speaker/Christiane%20Taubira">Christiane Taubira</a></p>' in occurrence
    assert occurrence.count("garde des Sceaux") == 1
