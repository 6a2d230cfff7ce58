"""After widening to any word, the records holding every word come first (indexer.search).

A journalist's keywords that only one or two records hold all of — « Mamère signe de croix
comportement sectaire », the deputy's turn of the 2013 debate — widen to any word, and the
words' BM25 sum then put first a Hansard turn on the Red Cross day, « croix » in every line
(journalist search tasks c48, and a47 « Deltour David contre Goliath plaidoirie »). The
records holding every word now come first, in their order, then the others in theirs."""

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.search import SearchRequest, open_catalog, search

TURN = ("Vous vous êtes excusé mais je souhaite à nouveau dénoncer votre comportement "
        "sectaire. Je souligne aussi le comportement de Noël Mamère il y a quelques jours : "
        "d'une façon insultante, il a fait le signe de croix en nous regardant. Je trouve cela "
        "extrêmement désobligeant et irrespectueux. ") + (
        "Le texte qui nous est soumis bouleverse le droit de la famille, la filiation, "
        "l'adoption, et le Gouvernement refuse d'entendre les maires, les juristes, les "
        "familles qui s'inquiètent ; nous continuerons de défendre nos amendements. ") * 12
RED_CROSS = ("La Croix-Rouge vient en aide aux victimes. La croix rouge, signe de secours, "
             "une croix, un signe connu de tous : croix et signe d'espoir. ")


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("fullest-corpus")
    (root / "2013-02-08-le-ray.txt").write_text(
        "Mariage pour tous, troisième séance\n\n" + TURN + "\n", encoding="utf-8")
    for n in range(12):
        (root / f"2000-05-{n + 1:02d}-croix-rouge-{n}.txt").write_text(
            f"La journée de la Croix-Rouge, séance {n}\n\n" + RED_CROSS * (1 + n % 3)
            + "\n", encoding="utf-8")
    for n in range(12):
        (root / f"2001-03-{n + 1:02d}-sectes-{n}.txt").write_text(
            f"Rapport sur les dérives sectaires {n}\n\nUn comportement sectaire, des dérives "
            "sectaires, la mission sur les sectes : comportement et emprise.\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def index_dir(corpus_root, tmp_path_factory):
    index = tmp_path_factory.mktemp("fullest-index")
    result = CliRunner().invoke(main, ["index", str(corpus_root), "--index", str(index),
                                       "--quiet"])
    assert result.exit_code == 0, result.output
    return index


def test_the_one_record_holding_every_word_comes_first(index_dir):
    catalog = open_catalog(index_dir)
    try:
        response = search(catalog, SearchRequest(q="Mamère signe de croix comportement sectaire"))
    finally:
        catalog.close()
    assert response.match == "any"  # widened: one record holds every word
    assert response.hits[0]["source"] == "2013-02-08-le-ray.txt"
    assert "Le document contenant tous les mots d'abord." in response.notes
    # the others follow in their relevance order, each once
    ids = [hit["id"] for hit in response.hits]
    assert len(ids) == len(set(ids)) == 10


def test_through_the_command_line_and_its_pages(index_dir):
    def page(n):
        result = CliRunner().invoke(main, ["search", "Mamère", "signe", "de", "croix",
                                           "comportement", "sectaire", "--json", "--page", str(n),
                                           "--index", str(index_dir)])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout), result.stderr

    first, notes = page(1)
    assert first["results"][0]["source"] == "2013-02-08-le-ray.txt"
    assert "contenant tous les mots d'abord" in notes
    second, _ = page(2)
    # page 2 follows page 1's order: no record twice, none lost
    shown = [h["id"] for h in first["results"] + second["results"]]
    assert len(shown) == len(set(shown)) == min(20, first["total"])


def test_a_search_that_did_not_widen_is_left_as_it_was(index_dir):
    catalog = open_catalog(index_dir)
    try:
        response = search(catalog, SearchRequest(q="comportement sectaire"))
    finally:
        catalog.close()
    assert response.match == "all"  # 13 records hold both words: no widening
    assert not any("tous les mots d'abord" in note for note in response.notes)


def test_both_engines_put_the_same_record_first(opensearch_cluster, index_dir, corpus_root):
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster
    from tests.cluster.launcher import drop_indices

    alias = "fullest-first"
    drop_indices(opensearch_cluster.url, alias)
    index_cluster([corpus_root], opensearch_cluster.url, alias, replicas=1)
    whoosh, theirs = open_catalog(index_dir), open_opensearch(opensearch_cluster.url, alias=alias)
    try:
        for q in ("Mamère signe de croix comportement sectaire", "Mamère croix sectaire"):
            a, b = search(whoosh, SearchRequest(q=q)), search(theirs, SearchRequest(q=q))
            assert a.match == b.match == "any"
            assert a.total == b.total
            assert a.hits[0]["source"] == b.hits[0]["source"] == "2013-02-08-le-ray.txt"
            assert "contenant tous les mots d'abord" in " ".join(b.notes)
    finally:
        whoosh.close()
        theirs.close()
        drop_indices(opensearch_cluster.url, alias)


def test_the_api_gives_the_same_order(index_dir):
    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
    try:
        client = app.test_client()
        q = "Mamère+signe+de+croix+comportement+sectaire"
        data = client.get(f"/api/search?q={q}").get_json()
        assert data["results"][0]["source"] == "2013-02-08-le-ray.txt"
        page = client.get(f"/?q={q}")
        assert page.status_code == 200
        assert "contenant tous les mots d" in page.get_data(as_text=True)
    finally:
        close_catalog(app)


def test_keywords_needing_half_their_words_put_the_record_holding_all_first(index_dir):
    # four keywords: half of them are enough (the « most » level, the sects' reports hold
    # two), and the one record holding all four comes first; a question is left as ranked
    catalog = open_catalog(index_dir)
    try:
        keywords = search(catalog, SearchRequest(q="Mamère croix comportement sectaire"))
        question = search(catalog, SearchRequest(
            q="Pourquoi Mamère croix comportement sectaire ?"))
    finally:
        catalog.close()
    assert keywords.match == "most"
    assert keywords.hits[0]["source"] == "2013-02-08-le-ray.txt"
    assert "Le document contenant tous les mots d'abord." in keywords.notes
    assert question.match == "most"
    assert not any("tous les mots d'abord" in note for note in question.notes)


def test_the_every_word_lookup_runs_under_a_deadline_like_the_page(index_dir, monkeypatch):
    """No request runs unbounded: the second search a widened page makes (the records
    holding every word) has its own deadline, as the page's search has."""
    import math

    from indexer import budget

    catalog = open_catalog(index_dir)
    deadlines: list[float] = []
    run = catalog.run

    def recording(plan):
        deadlines.append(budget.current().deadline)
        return run(plan)

    monkeypatch.setattr(catalog, "run", recording)
    try:
        with budget.request_budget():  # as the web app gives each request
            response = search(catalog,
                              SearchRequest(q="Mamère signe de croix comportement sectaire"))
    finally:
        catalog.close()
    assert response.hits[0]["source"] == "2013-02-08-le-ray.txt"
    assert len(deadlines) == 2 and all(deadline < math.inf for deadline in deadlines)


def test_an_every_word_lookup_cut_short_leaves_the_engine_order(index_dir, monkeypatch):
    """Past its deadline the lookup gives up: the page keeps the engine's order, no error."""
    from indexer import budget

    catalog = open_catalog(index_dir)
    run = catalog.run
    calls: list[int] = []

    def late(plan):
        calls.append(1)
        if len(calls) == 2:  # the lookup: as a walk past its deadline would note it
            budget.current().cut(budget.INTERRUPTED)
        return run(plan)

    monkeypatch.setattr(catalog, "run", late)
    try:
        response = search(catalog, SearchRequest(q="Mamère signe de croix comportement sectaire"))
    finally:
        catalog.close()
    assert response.match == "any" and response.total > 1
    assert not any("contenant tous les mots" in note for note in response.notes)
