"""The talking points count a quotation's reuse as its genealogy lists it.

A reuse group of one person's quotations chains them through one rare phrase each: Antoine
Deltour's support committee's « Un lanceur d'alerte qui protège la santé de 19 000 personnes
mérite d'… » sits in a group of several releases, yet its genealogy lists one document, itself
(the others share a phrase, not the passage). The document page's « repris dans … » and a
Citations-view result's link count what the genealogy lists (`listed_others`, session 48); the
talking points (« Éléments de langage », `talking_points`) still counted the group whole. They
now count the documents the genealogy of the oldest occurrence lists, within the filters
(`listed_documents`), reading at most TALKING_READS documents a page (past them, an item keeps
its group's count); a group of copied passages keeps its count, which is the genealogy's.
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
