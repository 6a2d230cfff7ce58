"""The talking points count a quotation's reuse as its genealogy lists it.

A reuse group of one person's quotations chains them through one rare phrase each: Antoine
Deltour's support committee's « Un lanceur d'alerte qui protège la santé de 19 000 personnes
mérite d'… » sits in a group of several releases, yet its genealogy lists one document, itself
(the others share a phrase, not the passage). The document page's « repris dans … » and a
Citations-view result's link count what the genealogy lists (`listed_others`, session 48); the
talking points (« Éléments de langage », `talking_points`) still counted the group whole. They
now count the documents the genealogy of the oldest occurrence lists, within the filters
(`listed_documents`), reading at most TALKING_READS documents a page (past them, an item keeps
its group's count); a group of copied passages keeps its count, which is the genealogy's. The
items come in the order of the counts they show (session 50: they came in their groups').
"""

from indexer.genealogy import TalkingRequest, genealogy, talking_points
from indexer.search import open_catalog


def test_a_quotation_s_group_counts_what_its_genealogy_lists(demo_index_shared):
    catalog = open_catalog(demo_index_shared)
    try:
        items = talking_points(catalog, TalkingRequest(per_page=100))["items"]
        quotes = [item for item in items if item["type"] == "quote"]
        assert quotes
        for item in quotes:
            listed = {o["document_id"]
                      for o in genealogy(catalog, item["passage"])["occurrences"]}
            assert item["documents"] == len(listed), item["passage"]
        assert any("19 000 personnes" in item["passage"] and item["documents"] == 1
                   for item in quotes)
    finally:
        catalog.close()


def test_the_page_says_one_document_in_the_singular(demo_client):
    page = demo_client.get("/elements-de-langage", query_string={"per_page": "100"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "<strong>1 document</strong>" in html
    assert "1 documents" not in html


def test_the_talking_points_come_most_documents_first_as_they_count_them(shared_index):
    # On the shared corpus, page 1 read « 15, 5, 11, 11, 10, 9, 9, 9, 9, 1, 8 … documents »:
    # the items were ordered by their groups' counts, and the support committee's « les
    # institutions européennes jugent prioritaire de protéger les secrets d'affaires … »
    # (a chain of Antoine Deltour's quotations, one of which its genealogy lists) sat tenth
    # with « 1 document », above forty-odd passages repeated by six to eight documents.
    from tests.conftest import web_client

    for client in web_client(shared_index[0]):
        for sort, first, then in (("documents", "documents", "speakers"),
                                  ("speakers", "speakers", "documents")):
            items = []
            for page in (1, 2, 3):
                found = client.get("/api/talking-points", query_string={
                    "page": page, "per_page": 20, "sort": sort}).get_json()
                items += found["items"]
            counts = [(item[first], item[then]) for item in items]
            assert counts == sorted(counts, reverse=True), sort
            assert len({item["group"] for item in items}) == 60
            if sort == "documents":
                assert not [item for item in items if item["passage"].startswith(
                    "les institutions européennes jugent prioritaire")]
