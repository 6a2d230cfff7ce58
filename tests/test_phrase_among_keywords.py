"""A phrase typed among keywords is not a misremembered quotation (indexer.passages).

Journalist search tasks, dev4 (session 37): « Hetzel états généraux de la famille
amendement » — Patrick Hetzel's amendment for a national debate on the family, in the
sitting of 3 February 2013 — aligned at 71 % with « Des états généraux de la famille
auraient » in Philippe Gosselin's turns of 29 January: the record holds the phrase, and the
name before it and the word after it were read as words misremembered. That « passage
proche » came first, ahead of the turn every keyword describes. Now a close passage that
holds the typed words in place as one short run (fewer than eight), two content words of the
query lacking around it, is shown on its record but ranked as the others; a quotation,
exact or misremembered inside, still leads.

The two sittings are read in place from the shared corpus (skipped when absent).
"""

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.passages import among_keywords
from indexer.search import SearchRequest, open_catalog, search
from tests.conftest import searched, shared_path

# Philippe Gosselin's turns (29 January 2013) and Patrick Hetzel's amendment (3 February)
SITTINGS = ("20130119.xml", "20130131.xml")
KEYWORDS = "Hetzel états généraux de la famille amendement"
# Philippe Gosselin's words, the 29th: « La majorité a refusé que des états généraux de la
# famille soient organisés, sur le modèle de ceux qui avaient précédé la révision des lois
# de bioéthique. »
MISREMEMBERED = ("La majorité a refusé que des états généraux de la famille soient tenus, "
                 "sur le modèle de ceux qui avaient précédé la révision des lois de bioéthique")


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    from indexer.indexing import index_paths

    paths = [shared_path("an-mariage-pour-tous-2013-tei", name) for name in SITTINGS]
    index = tmp_path_factory.mktemp("phrase-keywords-index")
    index_paths(paths, index, workers=1)  # what `verbatim index` runs
    return index


def speakers(hit):
    return [s["name"] for s in hit.get("speakers") or []]


def test_a_name_and_a_word_around_a_phrase_find_the_turn_they_describe(index_dir):
    response = searched(index_dir, KEYWORDS)
    assert "Patrick Hetzel" in speakers(response.hits[0])
    assert response.hits[0]["date"].startswith("2013-02-03")
    # Gosselin's turns hold the phrase, not the name nor the amendment: none comes first, and
    # the page does not say a passage was found
    assert not any(hit.get("passage") for hit in response.hits[:1])
    assert not any(note.startswith("Passage proche") for note in response.notes)


def test_the_keywords_in_another_order_too(index_dir):
    response = searched(index_dir, "états généraux de la famille Hetzel amendement")
    assert "Patrick Hetzel" in speakers(response.hits[0])


def test_a_quotation_misremembered_inside_still_leads(index_dir):
    response = searched(index_dir, MISREMEMBERED)
    first = response.hits[0]
    assert "Philippe Gosselin" in speakers(first)
    assert first["passage"]["verdict"] == "close"
    assert first["passage"]["text"].startswith("La majorité a refusé")
    assert response.notes[0].startswith("Passage proche trouvé")


def test_a_name_before_a_phrase_its_speaker_said_still_finds_the_phrase(index_dir):
    # one word lacking, at one end: as a quotation whose first word is misremembered
    response = searched(index_dir, "Gosselin états généraux de la famille")
    assert "Philippe Gosselin" in speakers(response.hits[0])
    assert response.hits[0]["passage"]["verdict"] == "close"


def test_what_the_diff_says_decides():
    run = {"op": "equal", "typed": "états généraux de la famille", "source": "…"}
    name = {"op": "replace", "typed": "Hetzel", "source": "Des"}
    word = {"op": "replace", "typed": "amendement", "source": "auraient"}
    assert among_keywords([name, run, word])
    assert among_keywords([run, {"op": "replace", "typed": "Hetzel amendement",
                                 "source": "soient organisés"}])
    assert not among_keywords([run, word])  # one word at an end: misremembered
    assert not among_keywords([name, run, {"op": "delete", "typed": "de", "source": ""}])
    assert not among_keywords([name, run, word, run])  # two runs: a quotation
    longer = {"op": "equal", "typed": "La majorité a refusé que des états généraux de la "
                                      "famille", "source": "…"}
    assert not among_keywords([name, longer, word])  # eight words or more as typed


def test_through_the_command_line_and_the_api(index_dir):
    result = CliRunner().invoke(main, ["search", *KEYWORDS.split(), "--json",
                                       "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["results"][0]["title"].endswith("Patrick Hetzel")

    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
    try:
        data = app.test_client().get("/api/search", query_string={"q": KEYWORDS}).get_json()
        assert data["results"][0]["title"].endswith("Patrick Hetzel")
    finally:
        close_catalog(app)


def test_both_engines_put_the_same_record_first(opensearch_cluster, index_dir):
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster
    from tests.cluster.launcher import drop_indices

    alias = "phrase-among-keywords"
    drop_indices(opensearch_cluster.url, alias)
    index_cluster([shared_path("an-mariage-pour-tous-2013-tei", name) for name in SITTINGS],
                  opensearch_cluster.url, alias, replicas=1)
    whoosh, theirs = open_catalog(index_dir), open_opensearch(opensearch_cluster.url, alias=alias)
    try:
        for q in (KEYWORDS, MISREMEMBERED):
            a, b = search(whoosh, SearchRequest(q=q)), search(theirs, SearchRequest(q=q))
            assert a.hits[0]["title"] == b.hits[0]["title"], q
            assert bool(a.hits[0]["passage"]) == bool(b.hits[0]["passage"]), q
    finally:
        whoosh.close()
        theirs.close()
        drop_indices(opensearch_cluster.url, alias)
