"""A quotation as the press prints it, or as a journalist types it in a hurry: cut with « […] »
or « (...) », typed without accents and with its apostrophes as spaces, its numbers written
« 19000 » for « 19 000 ». The words are the source's: the verdict says so, and a cut shows
the words it stands for, so that the journalist can judge the cut.

Through `verbatim verify`, /api/verify, /verifier and the search page, on Emmanuel Macron's
televised address of 28 October 2020 (the shared corpus's vie-publique statements) and on
Claire Aubertin's release of the demo corpus.
"""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.verify import verify
from tests.conftest import web_client

# Emmanuel Macron, 28 October 2020: « Et si les efforts consentis ont été utiles, la lucidité
# commande d'admettre que cela ne suffit pas, cela ne suffit plus. » and, further on, « Nous
# avons pris des mesures. Elles étaient déjà difficiles et je sais qu'elles ont été perçues
# comme telles par beaucoup d'entre vous. […] Elles se révèlent toutefois insuffisantes pour
# endiguer une vague qui aujourd'hui touche toute l'Europe. »
LUCIDITY_CUT = "la lucidité commande d’admettre […] cela ne suffit plus"
MEASURES_CUT = ("Emmanuel Macron : « Nous avons pris des mesures. (...) Elles se révèlent "
                "toutefois insuffisantes pour endiguer une vague qui aujourd'hui touche toute "
                "l'Europe »")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()



@pytest.fixture
def shared_client(shared_index):
    yield from web_client(shared_index[0])


# --- a cut « […] » ---------------------------------------------------------------------------

def test_a_cut_quotation_is_word_for_word_and_says_what_the_cut_stands_for(shared_catalog):
    # before: « Proche (à 78 %) : vous avez écrit « plus », le texte dit « pas » » — the cut's
    # end aligned with the words it had cut
    result = verify(shared_catalog, LUCIDITY_CUT)
    assert result["verdict"] == "exact"
    assert result["passage"] == ("la lucidité commande d'admettre que cela ne suffit pas, "
                                 "cela ne suffit plus")
    assert [op for op in result["diff"] if op["op"] != "equal"] == [
        {"op": "cut", "typed": "[…]", "source": "que cela ne suffit pas"}]
    assert [s["name"] for s in result["speakers"]] == ["Emmanuel Macron"]
    assert result["date"] == "2020-10-28"


def test_a_cut_over_two_sentences_in_the_command_line(shared_index):
    # before: « Proche (à 74 %) : vous avez écrit « Nous avons pris des mesures », le texte
    # dit « qu'elles ne faisaient pas plaisir » »
    result = CliRunner().invoke(main, ["verify", "--index", str(shared_index[0]), MEASURES_CUT])
    assert result.exit_code == 0, result.output
    assert "Exacte (mot pour mot)" in result.output
    assert ("à la place de « (...) », le texte dit « Elles étaient déjà difficiles et je sais "
            "qu'elles ont été perçues comme telles") in result.output.replace("\u00a0", " ")
    assert "Ce sont bien les mots d'Emmanuel Macron selon la source." in result.output


def test_a_cut_does_not_hide_a_word_changed_after_it(shared_catalog):
    result = verify(shared_catalog, "Nous avons pris des mesures. (...) Elles se révèlent "
                                    "toutefois inutiles pour endiguer une vague")
    assert result["verdict"] == "close"
    assert {"op": "replace", "typed": "inutiles", "source": "insuffisantes"} in result["diff"]
    assert [op["typed"] for op in result["diff"] if op["op"] == "cut"] == ["(...)"]


def test_a_cut_that_leaves_out_only_a_comma_is_no_difference(shared_catalog):
    result = verify(shared_catalog, "la lucidité commande d'admettre que cela ne suffit pas […] "
                                    "cela ne suffit plus")
    assert result["verdict"] == "exact"
    assert all(op["op"] == "equal" for op in result["diff"])


def test_the_api_and_the_verify_page_show_the_cut(shared_client):
    verdict = shared_client.get("/api/verify", query_string={"q": LUCIDITY_CUT}).get_json()
    assert verdict["verdict"] == "exact"
    assert {"op": "cut", "typed": "[…]", "source": "que cela ne suffit pas"} in verdict["diff"]
    page = _text(shared_client.get("/verifier", query_string={"q": LUCIDITY_CUT}).text)
    assert "Exacte, mot pour mot" in page
    assert "À la place de […] , le texte dit que cela ne suffit pas" in page


def test_the_search_page_finds_the_cut_quotation_first(shared_client):
    page = _text(shared_client.get("/", query_string={"q": LUCIDITY_CUT}).text)
    assert "Passage trouvé mot pour mot dans 1 document(s)." in page
    first = page.split("Allocution télévisée de M. Emmanuel Macron", 1)
    assert len(first) == 2 and "Passage trouvé mot pour mot" in first[1][:2000]


# --- typed in a hurry ----------------------------------------------------------------------

def test_no_accents_and_apostrophes_typed_as_spaces_are_word_for_word(shared_catalog):
    # before: « Proche (à 93 %) : vous avez écrit « d », absent du texte »
    result = verify(shared_catalog, "la lucidite commande d admettre que cela ne suffit pas "
                                    "cela ne suffit plus")
    assert result["verdict"] == "exact"
    assert result["passage"].startswith("la lucidité commande d'admettre")


def test_a_number_without_its_space_and_an_article_without_its_apostrophe(demo_client):
    # Claire Aubertin, 27 September 2022: « Un lanceur d'alerte qui protège la santé de
    # 19 000 personnes mérite d'être remercié, pas licencié. » Before: « Passage à 75 % : vous
    # avez écrit « dalerte », le texte dit « d'alerte » ; le texte ajoute « 19 » ; … »
    typed = ("Un lanceur dalerte qui protège la santé de 19000 personnes mérite detre "
             "remercié, pas licencié")
    verdict = demo_client.get("/api/verify", query_string={"q": typed}).get_json()
    assert verdict["verdict"] == "exact"
    assert "19 000 personnes" in verdict["passage"]
    page = _text(demo_client.get("/", query_string={"q": typed, "tel_quel": "1"}).text)
    assert "Passage trouvé mot pour mot" in page


def test_a_word_that_only_looks_elided_stays_a_difference(demo_client):
    # the source writes « d'alerte »: « lalerte » is not how it writes it
    typed = ("Un lanceur lalerte qui protège la santé de 19 000 personnes mérite d'être "
             "remercié, pas licencié")
    verdict = demo_client.get("/api/verify", query_string={"q": typed}).get_json()
    assert verdict["verdict"] == "close"
    assert {"op": "replace", "typed": "lalerte", "source": "d'alerte"} in verdict["diff"]


def test_the_command_line_search_prints_the_cut(shared_index):
    result = CliRunner().invoke(main, ["search", "--index", str(shared_index[0]), "--limit", "1",
                                       LUCIDITY_CUT])
    assert result.exit_code == 0, result.output
    assert ("Passage mot pour mot : à la place de « […] », le texte dit « que cela ne suffit "
            "pas »") in result.output.replace("\u00a0", " ")


def test_the_json_search_gives_the_cut_in_the_passage(shared_index):
    result = CliRunner().invoke(main, ["search", "--index", str(shared_index[0]), "--json",
                                       "--limit", "1", LUCIDITY_CUT])
    assert result.exit_code == 0, result.output
    passage = json.loads(result.stdout)["results"][0]["passage"]
    assert passage["verdict"] == "exact"
    assert {"op": "cut", "typed": "[…]", "source": "que cela ne suffit pas"} in passage["diff"]
