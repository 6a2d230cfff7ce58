"""A quotation searched with filters that leave out every document holding it says so.

A journalist who heard a phrase checks whether a given person said it: « qui a dit « … » »,
then the speaker facet on that person (helper 197's walk: « qui a dit nous sommes en guerre »,
then « Emmanuel Macron »). The words stand in other documents, none of that person's; the page
listed twelve of his speeches holding « guerre », with no word that none holds the passage,
and a reader could take them for the source. On the demo corpus, the mayor of Montclair's
« l'avenir de notre commune se joue dans les mois qui viennent », filtered on Claire Aubertin
or on the year 2024: the page, the API and the command line now say that no document the
filters keep holds the passage, and that others do.
"""

from __future__ import annotations

from click.testing import CliRunner

from indexer.cli import main
from indexer.search import OUTSIDE_FILTERS

MAYOR = "qui a dit « l'avenir de notre commune se joue dans les mois qui viennent »"


def _notes(client, **args) -> list[str]:
    data = client.get("/api/search", query_string={"q": MAYOR, **args}).get_json()
    return data["notes"]


def test_a_speaker_who_never_said_it_is_told_apart(demo_client):
    assert OUTSIDE_FILTERS in _notes(demo_client, speaker="Claire Aubertin")
    page = demo_client.get("/", query_string={"q": MAYOR, "speaker": "Claire Aubertin"})
    assert "Aucun des documents retenus par vos filtres ne contient ce passage" in \
        page.get_data(as_text=True).replace("&#39;", "'")


def test_a_year_that_leaves_out_the_source_is_told_apart(demo_client):
    assert OUTSIDE_FILTERS in _notes(demo_client, year="2024")
    # (a period typed in the boxes narrows the lookup itself: nothing is said either way)


def test_the_speaker_who_said_it_and_no_filter_say_nothing_of_the_kind(demo_client):
    assert OUTSIDE_FILTERS not in _notes(demo_client)
    assert OUTSIDE_FILTERS not in _notes(demo_client, speaker="Jean-Pierre Roussel")
    assert OUTSIDE_FILTERS not in _notes(demo_client, year="2023")


def test_keywords_are_no_quotation_to_say_elsewhere(demo_client):
    data = demo_client.get("/api/search", query_string={
        "q": "barrage Lisson", "speaker": "Hélène Garnier"}).get_json()
    assert OUTSIDE_FILTERS not in data["notes"]


def test_the_command_line_says_it_too(demo_index_shared):
    result = CliRunner().invoke(main, ["search", "--index", str(demo_index_shared),
                                       "--speaker", "Claire Aubertin", MAYOR])
    assert result.exit_code == 0, result.output
    assert OUTSIDE_FILTERS in result.output
