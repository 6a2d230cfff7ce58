"""« reprise dans N autres documents » counts what its genealogy lists.

A journalist reading Antoine Deltour's quotations in the Citations view (helper 197's walk over
the shared corpus) clicked « reprise dans 8 autres documents » under « Je trouve formidable que
ma démarche ait trouvé un relai plus collectif… » and got a genealogy of 2 occurrences: the
link counted every document of the reuse group, a chain of his quotations each sharing one
rare phrase with the next, while the genealogy lists only the quotations that reword this one
(`indexer.genealogy.MIN_QUOTE_SHARE` of its words in order). On the demo corpus the same: the
federation's « Chaque euro confié à la fédération se retrouve dans une rivière, et nous le
prouvons » was « reprise dans 1 autre document » with a genealogy of itself alone. Through
Flask's test client, on the Citations view, the document page and the genealogy's JSON.

Session 50: the link counts every document its genealogy lists, those its words stand in as
well as those of its reuse groups (a Senate sitting's « La permission est-elle accordée … »
said 1 and opened a genealogy of 9 other sittings); past the request's deadline, its groups'.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest

from tests.conftest import shared_path, web_client

CHAQUE_EURO = "Chaque euro confié à la fédération se retrouve dans une rivière"
# the minister's words, which the federation's release quotes a few days later
TERRITOIRE = "Chaque territoire devra réduire de 10 % ses prélèvements d'ici 2030, sans exception"


def _links(page: str) -> list[tuple[str, int]]:
    """Return each reuse link of a page: (the passage its genealogy is asked for, N others)."""
    found = []
    for href, count in re.findall(r'class="reuse-link" href="([^"]+)">(?:citation )?reprise? '
                                  r"dans (\d+) autres? documents?", page):
        query = parse_qs(urlparse(unescape(href)).query)["q"][0]
        found.append((query, int(count)))
    return found


def _others(client, passage: str, document_id: str | None = None) -> int:
    data = client.get("/api/genealogy", query_string={"q": passage}).get_json()
    ids = {o["document_id"] for o in data["occurrences"]}
    return len(ids - {document_id}) if document_id else len(ids) - 1


def test_a_quotation_no_other_rewords_has_no_reuse_link(demo_client):
    page = demo_client.get("/", query_string={"q": CHAQUE_EURO, "quotes": 1})
    html = page.get_data(as_text=True)
    assert "se retrouve dans une rivière" in html
    assert _others(demo_client, CHAQUE_EURO + ", et nous le prouvons") == 0
    assert not [link for link in _links(html) if link[0].startswith("Chaque euro")]


def test_every_quotation_linked_in_the_citations_view_counts_what_its_genealogy_lists(
        demo_client):
    links, quotations = [], set()
    for page in (1, 2, 3):
        args = {"q": "", "quotes": 1, "page": page, "per_page": 100}
        links += _links(demo_client.get("/", query_string=args).get_data(as_text=True))
        data = demo_client.get("/api/search", query_string=args).get_json()
        quotations |= {" ".join(hit["quote"].split()) for hit in data["results"]}
    # a quotation's own words (a stretch around it links the genealogy of the stretch)
    linked = [(passage, count) for passage, count in links
              if " ".join(passage.split()) in quotations]
    assert any("chaque territoire devra" in passage.casefold() for passage, _ in linked)
    for passage, count in linked:
        assert count == _others(demo_client, passage), passage


def test_the_document_page_counts_a_reused_quotation_alike(demo_client):
    data = demo_client.get("/api/search", query_string={"q": CHAQUE_EURO, "quotes": 1})
    hit = data.get_json()["results"][0]
    html = demo_client.get(f"/doc/{hit['document_id']}").get_data(as_text=True)
    for passage, count in _links(html):
        assert count == _others(demo_client, passage, hit["document_id"]), passage
    # a passage the release copies keeps its link, on both documents
    gen = demo_client.get("/api/genealogy", query_string={"q": TERRITOIRE}).get_json()
    assert [o["date"] for o in gen["occurrences"]] == ["2024-01-30", "2024-02-02"]
    for occurrence in gen["occurrences"]:
        html = demo_client.get(f"/doc/{occurrence['document_id']}").get_data(as_text=True)
        assert any("chaque territoire devra" in passage.casefold() and count == 1
                   for passage, count in _links(html)), occurrence["title"]


@pytest.fixture
def shared_client(shared_index):
    """A test client over the shared corpus's index (its reuse groups with it)."""
    yield from web_client(shared_index[0])


def test_a_release_s_sentence_sharing_a_formula_promises_no_more_than_its_genealogy(
        shared_client):
    """The luxleaks committee's release on the first verdict (29 June 2016) says « Antoine
    Deltour est condamné à 12 mois de prison avec sursis ainsi qu'à une amende de 1500 €.
    Raphaël Halet est condamné à 9 mois … ». Later releases share its formula « … mois de
    prison avec sursis et à une amende de … » about other sentences; the reuse groups chain
    them, and the link said « repris dans 10 autres documents » where the genealogy listed
    one (the appeal's « Antoine Deltour est condamné à 6 mois de prison avec sursis … »). A
    passage's link counts the documents where the genealogy aligns it."""
    client = shared_client
    data = client.get("/api/search", query_string={
        "q": "Antoine Deltour est condamné à 12 mois de prison avec sursis"}).get_json()
    release = next(hit for hit in data["results"] if hit["date"] == "2016-06-29")
    html = client.get(f"/doc/{release['id']}").get_data(as_text=True)
    links = _links(html)
    sentence = [(passage, count) for passage, count in links
                if passage.startswith("Antoine Deltour est condamné à 12 mois")]
    assert sentence, links
    for passage, count in links:
        assert count <= _others(client, passage, release["id"]), passage


def test_past_the_page_s_deadline_a_passage_counts_as_its_group_holds_it(shared_catalog):
    """Aligning every stretch of a page's groups took 0.3 s on the heaviest document page of
    the shared corpus (26 marks): past the web request's deadline the count stops aligning
    and says what the reuse group holds, so the page stays within its budget."""
    from indexer import budget
    from indexer.genealogy import groups_of, listed_others

    found = shared_catalog.find_passages(
        "Antoine Deltour est condamné à 12 mois de prison avec sursis ainsi qu’à une amende")
    release = shared_catalog.document(found[0].doc_id)
    assert release.date == "2016-06-29"
    index = groups_of(shared_catalog)
    mark = next(m for m in index.marks(release.id)
                if release.text[m["start"]:].startswith("Antoine Deltour est condamné à 12"))
    passage = release.text[mark["start"]:mark["end"]]

    def count() -> int:
        return listed_others(shared_catalog, index, release.id, mark["start"], mark["end"],
                             passage, {})

    aligned = count()
    with budget.request_budget(each=0.0, total=0.0):
        unaligned = count()
    assert aligned == 1
    assert unaligned == mark["others"] > aligned


# Ten sittings of the Canadian Senate (1997-2000) where the Speaker asks leave for a senator
# to go on past his time: « La permission est-elle accordée à l'honorable sénateur … »
SENATE = ["Training/hansard.36.1.senate.debates.1997-10-30.014.f",
          "Training/hansard.36.1.senate.debates.1997-12-09.028.f",
          "Training/hansard.36.1.senate.debates.1998-02-11.037.f",
          "Training/hansard.36.1.senate.debates.1998-03-24.048.f",
          "Training/hansard.36.1.senate.debates.1999-04-15.128.f",
          "Training/hansard.36.1.senate.debates.1999-04-27.132.f",
          "Training/hansard.36.1.senate.debates.1999-04-28.133.f",
          "Training/hansard.36.2.senate.debates.1999-11-16.07.f",
          "Testing/hansard.36.2.senate.debates.2000-04-06.44.f",
          "Testing/hansard.36.2.senate.debates.2000-04-11.47.f"]
LEAVE = "La permission est-elle accordee a l'honorable senateur pour qu'il"


@pytest.fixture(scope="module")
def senate_index(tmp_path_factory):
    """The ten sittings indexed through `verbatim index`, read where they are."""
    from click.testing import CliRunner

    from indexer.cli import main

    index_dir = tmp_path_factory.mktemp("senate") / "ix"
    files = [str(shared_path("hansard-canada-36e-fr", *name.split("/"))) for name in SENATE]
    done = CliRunner().invoke(main, ["index", "--quiet", "--index", str(index_dir), *files])
    assert done.exit_code == 0, done.output
    return index_dir


def _leave_turn(client) -> dict:
    """The Speaker's turn of 11 February 1998 asking leave for a senator."""
    found = client.get("/api/search", query_string={"q": LEAVE}).get_json()["results"]
    return next(hit for hit in found if "1998-02-11" in hit["source"])


def test_a_link_promises_the_documents_its_genealogy_lists(senate_index):
    # The turn's link said « repris dans 1 autre document » (its reuse group: one other
    # sitting) and opened a genealogy of the ten sittings, the Speaker asking leave in each:
    # what the genealogy lists is what a journalist checks, one sitting after the other, and
    # what tells a stock formula of the chair from a passage two documents share.
    for client in web_client(senate_index):
        turn = _leave_turn(client)
        links = _links(client.get(f"/doc/{turn['id']}").get_data(as_text=True))
        leave = [(passage, count) for passage, count in links if passage.startswith(LEAVE)]
        assert leave and leave[0][1] == 9 == _others(client, leave[0][0], turn["id"])
        for passage, count in links:
            assert count == _others(client, passage, turn["id"]), passage


def test_past_the_page_s_deadline_a_link_counts_what_its_group_lists(senate_index,
                                                                     monkeypatch):
    # a genealogy's search for each of a page's links: past the web request's deadline, no
    # search, and a link says what its reuse groups list (`listed_others`), as before
    from indexer import budget
    from indexer.genealogy import groups_of, linked_others
    from indexer.search import open_catalog

    catalog = open_catalog(senate_index)
    try:
        found = catalog.find_passages(LEAVE)
        turn = next(catalog.document(held.doc_id) for held in found
                    if "1998-02-11" in catalog.document(held.doc_id).source)
        start = turn.text.index("La permission est-elle")
        index = groups_of(catalog)
        mark = next(m for m in index.marks(turn.id) if m["start"] <= start < m["end"])
        passage = turn.text[mark["start"]:mark["end"]]
        searched = []
        search = catalog.find_passages
        monkeypatch.setattr(catalog, "find_passages", lambda q: searched.append(q) or search(q))

        def count() -> int:
            return linked_others(catalog, index, turn.id, mark["start"], mark["end"],
                                 passage, {})

        listed = count()
        assert (listed, len(searched)) == (9, 1)
        with budget.request_budget(each=0.0, total=0.0):
            past = count()
        assert (past, len(searched)) == (1, 1)
    finally:
        catalog.close()
