"""A quotation retyped with a key wrong here and there is still the quotation (indexer.passages).

Pasted quotations (`bench.quotes`, session 41's `typos_2`: two words mistyped, one key each):
« chacjn peut apporter sa contribution pour améliorer Drumal » — Drupal France's release of
March 2024 says « chacun peut apporter sa contribution pour améliorer Drupal ». The release
was found at 75 %, but the two mistyped words at its ends were read as keywords typed beside
a phrase (`among_keywords`, made for « Hetzel états généraux de la famille amendement »), so
it was ranked as any other record: a Senate turn saying « Chacun d'entre nous peut contribuer
a ameliorer » came first, under « Vouliez-vous dire « chacun » ? ». A word within the
spelling corrector's reach of the source's word (`indexer.spelling.mistyped`) is that word
misspelt, not another keyword: the release comes first, the diff says what was mistyped.

The release and the sitting are read in place from the shared corpus (skipped when absent).
"""

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.passages import among_keywords
from indexer.search import SearchRequest, open_catalog, search
from indexer.spelling import mistyped
from tests.conftest import shared_path

MISTYPED = "chacjn peut apporter sa contribution pour améliorer Drumal"
RELEASE = "Communiqué de presse - Drupalcamp Rennes 2024"


def sources():
    return [shared_path("drupalfr-dcrennes2024-presse"),
            shared_path("hansard-canada-36e-fr", "Training",
                        "hansard.36.1.senate.debates.1997-10-22.010.f")]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    from indexer.indexing import index_paths

    index = tmp_path_factory.mktemp("mistyped-index")
    index_paths(sources(), index, workers=1)  # what `verbatim index` runs
    return index


def test_a_word_one_key_away_is_the_same_word_misspelt():
    assert mistyped("Drumal", "Drupal") and mistyped("chacjn", "chacun")
    assert mistyped("gouvernment", "gouvernement")  # a letter left out
    assert mistyped("Darmanin a", "Darmannin a")  # word for word
    assert not mistyped("amendement", "auraient")  # another word
    assert not mistyped("Castex", "annoncé")
    assert not mistyped("rue", "rua")  # too short to tell a typo from another word
    assert not mistyped("Drupal", "Drupal")  # nothing mistyped


def test_mistyped_words_around_a_phrase_are_not_keywords():
    run = {"op": "equal", "typed": "peut apporter sa contribution", "source": "…"}
    first = {"op": "replace", "typed": "chacjn", "source": "chacun"}
    last = {"op": "replace", "typed": "Drumal", "source": "Drupal"}
    assert not among_keywords([first, run, last])
    # a name and another word around a phrase still are (the Hetzel case)
    assert among_keywords([{"op": "replace", "typed": "Hetzel", "source": "Des"}, run,
                           {"op": "replace", "typed": "amendement", "source": "auraient"}])


def test_the_release_comes_first_with_what_was_mistyped(index_dir):
    catalog = open_catalog(index_dir)
    try:
        response = search(catalog, SearchRequest(q=MISTYPED))
    finally:
        catalog.close()
    first = response.hits[0]
    assert first["title"] == RELEASE
    assert first["passage"]["verdict"] == "close"
    assert {(op["typed"], op["source"]) for op in first["passage"]["diff"]
            if op["op"] == "replace"} == {("chacjn", "chacun"), ("Drumal", "Drupal")}
    assert response.notes[0].startswith("Passage proche trouvé")
    assert not response.suggestions  # the passage is the answer, not « Vouliez-vous dire »


def test_through_the_command_line_and_the_api(index_dir):
    result = CliRunner().invoke(main, ["search", MISTYPED, "--json", "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"][0]["title"] == RELEASE

    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
    try:
        data = app.test_client().get("/api/search", query_string={"q": MISTYPED}).get_json()
        assert data["results"][0]["title"] == RELEASE
        page = app.test_client().get("/", query_string={"q": MISTYPED}).get_data(as_text=True)
        assert page.index(RELEASE) < page.index("Débats du Sénat")
    finally:
        close_catalog(app)


def test_both_engines_put_the_release_first(opensearch_cluster, index_dir):
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster
    from tests.cluster.launcher import drop_indices

    alias = "passage-mistyped"
    drop_indices(opensearch_cluster.url, alias)
    index_cluster(sources(), opensearch_cluster.url, alias, replicas=1)
    theirs = open_opensearch(opensearch_cluster.url, alias=alias)
    try:
        assert search(theirs, SearchRequest(q=MISTYPED)).hits[0]["title"] == RELEASE
    finally:
        theirs.close()
        drop_indices(opensearch_cluster.url, alias)
