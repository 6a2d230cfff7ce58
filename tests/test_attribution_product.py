"""The new attribution through the real interfaces (issue 11): quote records, the speaker facet,
speaker pages, the Citations view and the JSON API, over two real luxleaks posts indexed by
`index_paths` with the real extraction. A quotation nobody is named for says so: « auteur non
identifié » on the pages, `speakers: []` in search hits and `speaker: null` in the document.
"""

import re
import shutil
from urllib.parse import quote

import pytest

from tests.conftest import shared_path

POSTS = ("markdown/2017-01-10-appeal-day5.html.md", "html/2016-04-26-trial-day1.html")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from indexer.indexing import index_paths
    from webapp import create_app
    from webapp.catalog import close_catalog

    base = tmp_path_factory.mktemp("attribution")
    corpus = base / "corpus"
    corpus.mkdir()
    for name in POSTS:
        source = shared_path("luxleaks-communiques", *name.split("/"))
        shutil.copy(source, corpus / source.name)
    index_paths([corpus], base / "index", workers=1)
    app = create_app({"TESTING": True, "INDEX_DIR": str(base / "index")})
    yield app.test_client()
    close_catalog(app)


def quote_hits(client, q: str) -> list[dict]:
    data = client.get(f"/api/search?q={quote(q)}&quotes=1").get_json()
    return [h for h in data["results"] if h.get("document_id")]


def chant(client) -> dict:
    """« Tous ont donné de la voix : « Merci Antoine, Merci Antoine ! » »: a crowd's words."""
    hits = quote_hits(client, "Merci Antoine")
    (hit,) = [h for h in hits if h["quote"].startswith("Merci Antoine, Merci Antoine")]
    return hit


def test_words_chanted_by_a_crowd_have_no_author_in_the_api(client):
    hit = chant(client)
    assert hit["speakers"] == []
    doc = client.get(f"/api/doc/{hit['document_id']}").get_json()
    (stored,) = [q for q in doc["quotes"] if q["text"] == hit["quote"]]
    assert (stored["is_speech"], stored["speaker"]) == (True, None)


def test_the_citations_view_says_the_author_is_unknown(client):
    html = client.get("/?q=Merci+Antoine&quotes=1").get_data(as_text=True)
    assert "Merci Antoine" in html
    assert "auteur non identifié" in html
    assert "orateur non identifié" not in html


def test_the_document_page_citations_say_the_author_is_unknown(client):
    html = client.get(f"/doc/{chant(client)['document_id']}").get_data(as_text=True)
    assert "auteur non identifié" in html


def test_a_quote_record_carries_the_speaker_the_pronoun_stands_for(client):
    # « Le Premier Avocat Général, M. John Petry, commence sa réplique en reconnaissant à
    # Antoine Deltour et Raphaël Halet leur qualité de lanceurs d'alerte : selon lui, « … » »
    hits = quote_hits(client, "intérêt public ne donne pas lieu à interprétation")
    (hit,) = [h for h in hits if "ne donne pas lieu" in h["quote"]]
    assert [s["name"] for s in hit["speakers"]] == ["John Petry"]


def test_the_speaker_facet_counts_the_new_attribution(client):
    data = client.get("/api/search?q=" + quote('"ne donne pas lieu à interprétation"')
                      + "&quotes=1").get_json()
    labels = [v["label"] for v in data["facets"]["speaker"]]
    assert "John Petry" in labels
    assert "Raphaël Halet" not in labels


def test_speaker_pages_lead_to_the_quotes_given_to_them(client):
    for name, has_it in (("John Petry", True), ("Raphaël Halet", False)):
        html = client.get(f"/speaker/{quote(name)}").get_data(as_text=True)
        (link,) = re.findall(r'href="([^"]*quotes=1[^"]*)">toutes ses citations', html)
        link = link.replace("&amp;", "&") + "&q=interpr%C3%A9tation"
        listed = client.get(link).get_data(as_text=True)
        assert ("l’intérêt public ne donne pas lieu à" in listed) is has_it


def test_a_news_post_is_spoken_by_the_committee_writing_it(client):
    data = client.get("/api/search?q=audience").get_json()
    labels = [v["label"] for v in data["facets"]["speaker"]]
    assert "Comité de soutien à Antoine Deltour" in labels
