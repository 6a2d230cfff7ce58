"""A short quotation typed bare finds the documents that hold it; a quotation found nowhere
says so.

A journalist's best-known quotations are short and made of common words: « quoi qu'il en
coûte », « nous sommes en guerre ». A query of two to four words ranked first the records
holding its indexed word pairs, and a pair of two stop words is not indexed: « ce sont les
pêcheurs » had only « les pêcheurs », and the FRV's communiqué on the « Union des pêcheurs »
came before Claire Aubertin's speech that says the words. Now the records holding the words
in that order come first (checked as a "quoted phrase" is, within a bound), the passage shown.

A query read as a quotation (« qui a dit … », five words or more that are no question, a
"quoted passage") that no record holds, even approached, says so in one line before the
records sharing its words, and the API says it in `passage_absent`. Never on a quotation
that is there: when the lookup cannot be whole, nothing is said.

Over the demo corpus (corpus/documents), through `search()`, the command line and the web app.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from indexer import passages
from indexer.analysis import passage_words
from indexer.cli import main
from indexer.passages import holds_phrase, phrase_pattern
from indexer.search import ABSENT, ABSENT_ALL, SearchRequest, open_catalog, search

# Claire Aubertin at the Assises de la Vère (markdown/2022-06-01-discours-assises-de-la-vere.md):
# « Quand l'eau s'en va, ce sont les pêcheurs, les promeneurs… »
SPEECH = "markdown/2022-06-01-discours-assises-de-la-vere.md"
# her declaration in exports/discours.csv: « La sécheresse de 2022 ne sera pas la dernière. »
DECLARATION = "exports/discours.csv"
# a quotation no statement of the demo holds, nor nearly
ABSENT_QUOTE = "nous ne laisserons aucune ville sans électricité"


@pytest.fixture(scope="module")
def catalog(demo_index_shared):
    cat = open_catalog(demo_index_shared)
    yield cat
    cat.close()


def holds(catalog, hit, typed: str) -> bool:
    """Whether the record of `hit` holds the words `typed` in that order (title or text)."""
    doc = catalog.document(hit["id"])
    folded = [w for w, _, _ in passage_words(typed)]
    return holds_phrase(phrase_pattern(folded), folded, f"{doc.title}\n{doc.text}")


@pytest.mark.parametrize("typed", ["ce sont les pêcheurs", "Ce sont les pecheurs",
                                   "qui a dit ce sont les pêcheurs"])
def test_a_short_quotation_of_stop_words_finds_the_speech_that_says_it(catalog, typed):
    response = search(catalog, SearchRequest(q=typed))
    first = response.hits[0]
    assert first["source"] == SPEECH  # before: the communiqué on the « Union des pêcheurs »
    assert first["passage"]["verdict"] == "exact"
    assert first["passage"]["text"] == "ce sont les pêcheurs"
    assert "<mark>ce sont les pêcheurs</mark>" in first["snippet"]
    assert not response.passage_absent and ABSENT not in response.notes
    # the records that do not hold the words in order follow, without a passage
    assert not holds(catalog, response.hits[1], "ce sont les pêcheurs")
    assert response.hits[1]["passage"] is None


def test_the_records_holding_the_words_come_first_then_the_usual_order(catalog):
    response = search(catalog, SearchRequest(q="sera pas la dernière"))
    flags = [holds(catalog, hit, "sera pas la dernière") for hit in response.hits]
    assert response.hits[0]["source"] == DECLARATION
    assert flags[0] and flags == sorted(flags, reverse=True)
    # the usual score is shown, not the 1,000 of a pasted passage's record
    assert response.hits[0]["score"] < 1000


def test_keywords_still_rank_their_words_side_by_side_first(catalog):
    """« qualité de l'eau » and « lanceurs alerte »: the records holding the words together
    first, the others after, as before."""
    for typed in ("qualité de l'eau", "qualite de l eau"):
        response = search(catalog, SearchRequest(q=typed))
        flags = [holds(catalog, hit, "qualité de l'eau") for hit in response.hits]
        assert flags[0] and flags == sorted(flags, reverse=True), typed
        assert not response.passage_absent


def test_a_five_word_quotation_of_stop_words_is_found_not_said_absent(catalog):
    """« ne sera pas la dernière »: one content word, said in several places of the
    declaration (« la dernière vallée sauvage »…); the passage finder looked only where
    « dernière » first stood, found nothing, and the page would have said « absent »."""
    for typed in ("ne sera pas la dernière", "qui a dit ne sera pas la dernière"):
        response = search(catalog, SearchRequest(q=typed))
        assert response.hits[0]["source"] == DECLARATION, typed
        assert response.hits[0]["passage"]["verdict"] == "exact", typed
        assert not response.passage_absent and ABSENT not in response.notes, typed


@pytest.mark.parametrize("typed", [f"qui a dit {ABSENT_QUOTE}", ABSENT_QUOTE,
                                   f'"{ABSENT_QUOTE}"', "qui a dit je vous ai compris"])
def test_a_quotation_found_nowhere_says_so_before_the_records_sharing_its_words(catalog,
                                                                                typed):
    response = search(catalog, SearchRequest(q=typed))
    assert response.passage_absent, typed
    assert response.notes[0] == (ABSENT if response.total else ABSENT_ALL), typed
    assert response.to_json()["passage_absent"] is True


def test_a_quoted_phrase_held_nowhere_and_sharing_nothing_says_only_that(catalog):
    response = search(catalog, SearchRequest(q='"ce sont les castors"'))
    assert response.total == 0
    assert response.notes[0] == ABSENT_ALL


@pytest.mark.parametrize("typed", [
    "ce sont les castors",  # keywords: two to four words typed bare are no quotation
    "Comment la fédération protège-t-elle les castors des crues ?",  # a question
    "castors",
])
def test_what_is_not_read_as_a_quotation_gets_no_note(catalog, typed):
    response = search(catalog, SearchRequest(q=typed))
    assert not response.passage_absent, typed
    assert ABSENT not in response.notes and ABSENT_ALL not in response.notes, typed


def test_past_its_bound_the_lookup_says_nothing_rather_than_a_false_absence(catalog,
                                                                             monkeypatch):
    """The records holding a short phrase's indexed pairs (« les castors ») are checked in
    their text up to a bound (VERIFY_AT_MOST, 400), in the usual order: past it, Verbatim
    cannot tell that no record holds the phrase, and says nothing. Here no text may be read."""
    assert search(catalog, SearchRequest(q="qui a dit ce sont les castors")).passage_absent
    monkeypatch.setattr(passages, "VERIFY_AT_MOST", 0)
    response = search(catalog, SearchRequest(q="qui a dit ce sont les castors"))
    assert response.total and not response.passage_absent
    assert ABSENT not in response.notes


def test_the_command_line_says_it_and_its_json_carries_it(demo_index_shared):
    runner = CliRunner()
    args = ["search", "--index", str(demo_index_shared)]
    result = runner.invoke(main, [*args, f"qui a dit {ABSENT_QUOTE}"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"note : {ABSENT}"
    result = runner.invoke(main, [*args, "--json", f"qui a dit {ABSENT_QUOTE}"])
    assert json.loads(result.stdout[result.stdout.index("{"):])["passage_absent"] is True
    result = runner.invoke(main, [*args, "--json", "ce sont les pêcheurs"])
    data = json.loads(result.stdout[result.stdout.index("{"):])
    assert data["passage_absent"] is False
    assert data["results"][0]["source"] == SPEECH
    assert data["results"][0]["passage"]["verdict"] == "exact"



def test_the_page_and_the_api_say_it_in_one_line(demo_client):
    page = demo_client.get("/", query_string={"q": f"qui a dit {ABSENT_QUOTE}"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    notes = re.search(r'<ul class="notes" role="status">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r"<li>(.*?)</li>", notes)[0] == ABSENT.replace("'", "&#39;")
    assert html.index(ABSENT[:30]) < html.index('class="hit')  # before the records
    data = demo_client.get("/api/search",
                           query_string={"q": f"qui a dit {ABSENT_QUOTE}"}).get_json()
    assert data["passage_absent"] is True and data["notes"][0] == ABSENT
    data = demo_client.get("/api/search", query_string={"q": "qui a dit ce sont les pêcheurs"}
                      ).get_json()
    assert data["passage_absent"] is False and ABSENT not in data["notes"]
    assert data["results"][0]["source"] == SPEECH
