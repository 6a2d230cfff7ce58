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
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest

from tests.conftest import web_client

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
