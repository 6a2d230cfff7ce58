"""A pasted quotation in the web pages: the passage as said, how close, what differs, the link
to the passage marked in its document; the /verifier page and the /api/verify contract.

Over an index of the demo corpus (corpus/documents), through Flask's test client.
"""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from indexer import budget
from tests.conftest import web_client

# Claire Aubertin (markdown/2024-02-02-plan-eau-reaction.md) said « Un plan sans calendrier,
# c’est une promesse qu’on pourra toujours repousser à l’été suivant. »
MISREMEMBERED = ("un plan sans calendrier, c'est une promesse qu'on pourra toujours reporter "
                 "à l'été suivant")
SAID = ("Un plan sans calendrier, c’est une promesse qu’on pourra toujours repousser à l’été "
        "suivant")
# ... and reworded past the passage finder's threshold (60 % of the words, in order)
REWORDED = ("un plan sans aucun calendrier précis, ce n'est au fond qu'une promesse que l'on "
            "repoussera toujours à l'été d'après")
CONTRACT = {"query", "verdict", "similarity", "passage", "diff", "document_id", "title", "date",
            "place", "kind", "speakers", "quote_speaker", "attribution", "source", "url",
            "closer", "note"}


@pytest.fixture(scope="module")
def demo_index(demo_index_shared):
    return demo_index_shared  # only read, through the web app


@pytest.fixture
def client(demo_index):
    yield from web_client(demo_index)


@pytest.fixture
def spent(client, monkeypatch):
    """The same client, every request's time budget spent as soon as it starts."""
    monkeypatch.setattr(budget, "SEARCH_SECONDS", 0.0)
    monkeypatch.setattr(budget, "REQUEST_SECONDS", 0.0)
    return client


def _text(html: str) -> str:
    # tags out, runs of spaces squeezed; no-break spaces kept, as French typography puts them
    return re.sub(r"[ \t\r\n]+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


class _Marked(HTMLParser):
    """The text inside <mark class="passage"> elements (searched words may be marked inside)."""

    def __init__(self):
        super().__init__()
        self.depth, self.parts, self.first_id = 0, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            self.depth += tag == "mark"
        elif tag == "mark" and attrs.get("class") == "passage":
            self.depth = 1
            self.first_id = self.first_id or attrs.get("id")

    def handle_endtag(self, tag):
        if self.depth and tag == "mark":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def marked_passage(html: str) -> tuple[str, str | None]:
    """Return the words of a page marked as the passage, and the id of its first mark."""
    parser = _Marked()
    parser.feed(html)
    return "".join(parser.parts), parser.first_id


def _passage_link(html: str) -> str:
    return unescape(re.search(r'class="to-passage" href="([^"]+)"', html).group(1))


# --- the search page ---------------------------------------------------------------------------

def test_search_result_shows_the_passage_as_said_how_close_and_what_differs(client):
    html = client.get("/", query_string={"q": MISREMEMBERED}).get_data(as_text=True)
    first = html.split('<li class="hit')[1]
    assert "Plan eau" in first
    assert f"<mark>{SAID}</mark>" in unescape(first)  # the source's words
    assert "Passage proche, à 93\u00a0%" in _text(first)
    assert ("<li>Vous avez écrit <em>reporter</em>, le texte dit <em>repousser</em></li>"
            in first)


def test_search_result_link_opens_the_document_at_the_passage_marked(client):
    html = client.get("/", query_string={"q": MISREMEMBERED}).get_data(as_text=True)
    link = _passage_link(html)
    assert link.endswith("#passage")
    assert parse_qs(urlsplit(link).query)["q"] == [MISREMEMBERED]
    page = client.get(link.split("#")[0]).get_data(as_text=True)
    assert marked_passage(page) == (SAID, "passage")
    assert "<mark>plan</mark>" in page  # the searched words are marked too
    assert "Le passage cherché" in page and 'href="#passage"' in page


def test_a_quotation_typed_with_another_author_says_whose_words_they_are(client):
    """« Qui l'a dit ? » answered where the passage is shown: pasted as an article prints
    it, with Malik Benhaddou's name, the passage is Claire Aubertin's — the page says so, on
    the page and in the API, and says nothing of a passage typed without a name."""
    pasted = f"Malik Benhaddou : « {MISREMEMBERED} »"
    html = client.get("/", query_string={"q": pasted}).get_data(as_text=True)
    first = html.split('<li class="hit')[1]
    assert "Plan eau" in first
    assert ("Vous donnez ces mots à Malik Benhaddou : la source les donne à Claire Aubertin."
            in _text(first))
    hit = client.get("/api/search", query_string={"q": pasted}).get_json()["results"][0]
    assert hit["passage"]["said_by"]["name"] == "Claire Aubertin"
    assert hit["passage"]["note"].startswith("Vous donnez ces mots à Malik Benhaddou")
    plain = client.get("/", query_string={"q": MISREMEMBERED}).get_data(as_text=True)
    assert 'class="passage-note"' not in plain.split('<li class="hit')[1]


def test_word_for_word_says_so_and_lists_no_difference(client):
    html = client.get("/", query_string={"q": "Nous avons entendu de belles intentions"}
                      ).get_data(as_text=True)
    first = html.split('<li class="hit')[1]
    assert "Passage trouvé mot pour mot" in first
    assert 'class="differences"' not in first


def test_citations_view_links_the_passage_inside_its_document(client):
    html = client.get("/", query_string={"q": MISREMEMBERED, "quotes": "1"}
                      ).get_data(as_text=True)
    first = html.split('<li class="hit quote-hit')[1]
    assert "Passage proche, à 93\u00a0%" in _text(first)
    assert "<em>repousser</em>" in first
    # the quotation's passage is counted from the quotation's place in its document
    page = client.get(_passage_link(first).split("#")[0]).get_data(as_text=True)
    assert marked_passage(page) == (SAID, "passage")


def test_short_queries_show_no_passage_block(client):
    html = client.get("/?q=rivière").get_data(as_text=True)
    assert "passage-found" not in html


def test_header_links_to_the_verifier(client):
    html = client.get("/").get_data(as_text=True)
    assert '<a href="/verifier">Vérifier une citation</a>' in html


# --- the document page ---------------------------------------------------------------------

@pytest.mark.parametrize("passage", ["999999-1000000", "50-10", "abc", "3-", "-1-5",
                                     "1" * 40 + "-2"])
def test_a_passage_not_in_the_text_is_said_and_the_document_shown(client, passage):
    doc_id = client.get("/api/verify", query_string={"q": SAID}).get_json()["document_id"]
    response = client.get(f"/doc/{doc_id}", query_string={"passage": passage})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'class="passage"' not in html
    assert "n'est pas dans ce texte" in unescape(html)


# --- /verifier -----------------------------------------------------------------------------

def test_verifier_form(client):
    html = client.get("/verifier").get_data(as_text=True)
    assert '<textarea id="quotes" name="q"' in html
    assert 'method="post"' in html
    assert "une par ligne" in html
    assert "verdicts" not in html.split("<details")[0]


def test_verifier_checks_each_line_in_order(client):
    pasted = (f"{MISREMEMBERED}\r\n\r\nNous avons entendu de belles intentions\n"
              "la lune est un fromage de chèvre selon la fédération\n")
    html = client.post("/verifier", data={"q": pasted}).get_data(as_text=True)
    items = html.split('<li class="verdict-item')[1:]
    assert [re.match(r" verdict-item-(\w+)", i).group(1) for i in items] == [
        "close", "exact", "not_found"]
    close, exact, missing = items
    assert "Proche, à 93\u00a0%" in _text(close)
    assert "<li>Vous avez écrit <em>reporter</em>, le texte dit <em>repousser</em></li>" in close
    assert f"«\u00a0{SAID}\u00a0»" in unescape(close)
    # her words, in a release the federation issued
    assert "<dt>Citation de</dt><dd><a" in close and "Claire Aubertin" in close
    assert "<dt>Dans un texte de</dt><dd><a" in close
    assert "Fédération des Rivières Vivantes" in close
    assert "Communiqué, 2 février 2024" in _text(close)
    assert "markdown/2024-02-02-plan-eau-reaction.md" in close
    assert "Exacte, mot pour mot" in _text(exact)
    assert "Introuvable" in missing and "Aucun passage de l'index" in unescape(missing)
    # the textarea keeps what was pasted
    assert "Nous avons entendu de belles intentions" in html.split("</textarea>")[0]


def test_an_unfound_quotation_is_not_said_absent_and_its_words_find_the_source(client):
    # reworded past the threshold: no passage holds 60 % of its words in order, yet Claire
    # Aubertin said it (« Un plan sans calendrier, c’est une promesse qu’on pourra toujours
    # repousser à l’été suivant ») and a search for its words puts her communiqué first
    html = client.post("/verifier", data={"q": REWORDED}).get_data(as_text=True)
    item = html.split('<li class="verdict-item')[1]
    assert item.startswith(" verdict-item-not_found")
    assert ("Aucun passage de l'index ne reprend au moins 60\u00a0% de ces mots dans cet "
            "ordre\u00a0: la citation n'y est pas, ou elle a été trop reformulée.") in _text(item)
    assert "ne contient ce passage" not in unescape(item)
    search = re.search(r'<a href="([^"]+)">Chercher ces mots</a>', item).group(1)
    found = client.get(unescape(search).replace("/?", "/api/search?")).get_json()
    assert found["results"][0]["title"] == "Plan eau : la FRV attend des actes !"


def test_a_genealogy_of_an_unfound_quotation_does_not_say_it_absent(client):
    # its genealogy finds nothing either, and says why
    page = client.get("/genealogie", query_string={"q": REWORDED}).get_data(as_text=True)
    assert ("Aucun passage de l'index ne reprend au moins 60\u00a0% de ces mots dans cet "
            "ordre\u00a0: le passage n'y est pas, ou il a été trop reformulé.") in _text(page)
    assert "même approché" not in page
    assert re.search(r'<a href="/\?q=[^"]+">Chercher ces mots</a>', page)


def test_a_pasted_quotation_already_in_quotation_marks_is_not_quoted_twice(client):
    pasted = ["« Un plan sans calendrier, c’est une promesse »",
              "“un plan sans calendrier, c'est une promesse”", "un plan sans calendrier"]
    html = client.post("/verifier", data={"q": "\n".join(pasted)}).get_data(as_text=True)
    typed = [_text(p) for p in re.findall(r'<p class="typed">(.*?)</p>', html, re.S)]
    assert [t.split("Vous avez collé\u00a0: ")[1] for t in typed] == [
        "« Un plan sans calendrier, c’est une promesse »",
        "“un plan sans calendrier, c'est une promesse”",
        "«\u00a0un plan sans calendrier\u00a0»"]


def test_verifier_link_opens_the_passage_marked(client):
    html = client.post("/verifier", data={"q": MISREMEMBERED}).get_data(as_text=True)
    link = _passage_link(html)
    assert "passage=" in link and link.endswith("#passage")
    page = client.get(link.split("#")[0]).get_data(as_text=True)
    assert 'id="passage"' in page


def test_verifier_get_with_q_lines(client):
    html = client.get("/verifier", query_string=[("q", MISREMEMBERED),
                                                 ("q", "Nous avons entendu de belles intentions")]
                      ).get_data(as_text=True)
    assert html.count('<li class="verdict-item') == 2


def test_verifier_caps_the_number_of_quotations_with_a_note(client):
    html = client.post("/verifier", data={"q": "rivière\n" * 205}).get_data(as_text=True)
    assert html.count('<li class="verdict-item') == 200
    assert "205 citations reçues : seules les 200 premières sont vérifiées" in unescape(html)


def test_verifier_blank_input_says_so(client):
    html = client.post("/verifier", data={"q": "  \n \n"}).get_data(as_text=True)
    assert "Aucune citation" in html


def test_verifier_escapes_what_was_pasted(client):
    html = client.post("/verifier", data={"q": "<script>alert(1)</script> un plan sans "
                                               "calendrier c'est une promesse"}
                       ).get_data(as_text=True)
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_verifier_csv_download(client):
    response = client.post("/verifier", data={
        "q": f"{MISREMEMBERED}\n=1+1 la lune est un fromage de chèvre", "format": "csv"})
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert [r["verdict"] for r in rows] == ["close", "not_found"]
    assert rows[0]["passage"] == SAID
    assert rows[1]["query"] == "'=1+1 la lune est un fromage de chèvre"


def test_verifier_oversized_post_is_a_french_413(client):
    response = client.post("/verifier", data={"q": "é" * 2_000_000})
    assert response.status_code == 413
    assert "trop long" in response.get_data(as_text=True)


# --- /api/verify ---------------------------------------------------------------------------

def test_api_verify_get_is_the_cli_contract(client):
    data = client.get("/api/verify", query_string={"q": MISREMEMBERED}).get_json()
    assert set(data) == CONTRACT
    assert data["verdict"] == "close" and data["passage"] == SAID
    assert {"op": "replace", "typed": "reporter", "source": "repousser"} in data["diff"]
    assert data["url"].startswith("http://localhost/doc/") and "passage=" in data["url"]


def test_api_verify_post_answers_in_the_same_order(client):
    quotes = ["Nous avons entendu de belles intentions", "", MISREMEMBERED]
    data = client.post("/api/verify", json={"quotes": quotes}).get_json()
    assert [r["verdict"] for r in data["results"]] == ["exact", "not_found", "close"]
    assert [r["query"] for r in data["results"]] == quotes
    assert "vide" in data["results"][1]["note"]
    assert data["complete"] is True and data["notes"] == []


# --- past the request's time budget, a batch stops and says which quotations are left ------

THREE = [MISREMEMBERED, "Nous avons entendu de belles intentions", "le Rhin nous oblige"]


def test_api_batch_past_its_budget_answers_the_first_and_says_so(spent):
    data = spent.post("/api/verify", json={"quotes": THREE}).get_json()
    assert len(data["results"]) == 1 and data["results"][0]["verdict"] == "close"
    assert data["complete"] is False
    assert "1 citation(s) vérifiée(s) sur 3" in data["notes"][0]
    one = spent.get("/api/verify", query_string={"q": MISREMEMBERED}).get_json()
    assert one["verdict"] == "close"  # one quotation is always verified


def test_verifier_past_its_budget_keeps_the_rest_in_the_form(spent):
    html = spent.post("/verifier", data={"q": "\n".join(THREE)}).get_data(as_text=True)
    assert html.count('<li class="verdict-item') == 1
    assert "1 citation(s) vérifiée(s) sur 3" in unescape(html)
    form = unescape(html.split("<textarea")[1].split("</textarea>")[0])
    assert MISREMEMBERED not in form
    assert "Nous avons entendu de belles intentions\nle Rhin nous oblige" in form


def test_verifier_csv_past_its_budget_ends_with_a_note_row(spent):
    body = spent.post("/verifier", data={"q": "\n".join(THREE), "format": "csv"}
                      ).get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert [r["verdict"] for r in rows] == ["close", ""]
    assert "sur 3" in rows[-1]["note"]


@pytest.mark.parametrize("body", [
    {"citations": ["x"]}, {"quotes": "une seule chaîne"}, {"quotes": []}, [1, 2],
    {"quotes": ["bien", 3]}, {"quotes": ["x"] * 201},
])
def test_api_verify_bad_bodies_are_400_in_french(client, body):
    response = client.post("/api/verify", json=body)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["title"] == "Requête non comprise" and error["message"]


def test_api_verify_bad_json_and_missing_q(client):
    broken = client.post("/api/verify", data="{pas du json", content_type="application/json")
    assert broken.status_code == 400 and broken.get_json()["error"]["message"]
    for url in ("/api/verify", "/api/verify?q=", "/api/verify?q=a&q=b"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "citation" in response.get_json()["error"]["message"]


def test_api_verify_lone_surrogate_is_no_500(client):
    body = '{"quotes": ["\\ud800 Nous avons entendu de belles intentions"]}'
    response = client.post("/api/verify", data=body, content_type="application/json")
    assert response.status_code == 200
    assert response.get_json()["results"][0]["verdict"] == "exact"


def test_api_verify_long_quotation_is_cut_with_a_note(client):
    data = client.get("/api/verify", query_string={"q": "mot " * 3000}).get_json()
    assert "premiers mots" in data["note"]


# --- the search API and the CSV export carry the passage -----------------------------------

def test_api_search_hit_has_the_passage_and_its_link(client):
    data = client.get("/api/search", query_string={"q": MISREMEMBERED}).get_json()
    hit = data["results"][0]
    assert hit["passage"]["text"] == SAID and hit["passage"]["verdict"] == "close"
    assert "passage=" in hit["url"] and hit["url"].endswith("#passage")


def test_csv_export_has_passage_columns(client):
    body = client.get("/export.csv", query_string={"q": MISREMEMBERED}).get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
    assert rows[0]["passage"] == SAID
    assert rows[0]["passage_verdict"] == "close"
    assert float(rows[0]["passage_similarity"]) > 0.9
    assert rows[-1]["passage"] == ""


def test_a_passage_pasted_among_quotations_that_no_quotation_holds_points_to_documents(client):
    """The release's own words are no quotation between marks: the Citations view finds
    no passage, and says where the words are."""
    pasted = "Pour la première fois depuis plus de quarante ans, la présence de la loutre"
    page = unescape(client.get("/", query_string={"q": pasted, "quotes": 1})
                    .get_data(as_text=True))
    assert ("Ce passage n'est pas une citation entre guillemets, mais il figure dans un "
            "document au moins : cherchez-le parmi les « Documents ».") in page
    words = client.get("/api/search", query_string={"q": "loutre Orbize", "quotes": 1})
    assert not any("pas une citation" in n for n in words.get_json()["notes"])
