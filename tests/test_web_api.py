"""The JSON API, the CSV export and the Atom feed."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree as ET

import pytest

from webapp.exports import CSV_COLUMNS, EXPORT_LIMIT, csv_cell

ATOM = "{http://www.w3.org/2005/Atom}"


# --- /api/search -----------------------------------------------------------------------------

def test_api_search_keeps_the_cli_contract(client):
    data = client.get("/api/search?q=sécheresse").get_json()
    assert {"query", "total", "results", "facets"} <= set(data)
    assert data["query"] == "sécheresse"
    assert data["total"] == 2
    hit = data["results"][0]
    for key in ("id", "title", "date", "kind", "speakers", "themes", "source", "record",
                "score", "snippet"):
        assert key in hit
    assert hit["url"].startswith("http://localhost/doc/")


def test_api_says_which_words_a_search_required(client):
    one = client.get("/api/search?q=sécheresse").get_json()
    widened = client.get("/api/search?q=sécheresse+lanceurs").get_json()
    assert (one["match"], one["relaxed"]) == ("all", False)
    assert (widened["match"], widened["relaxed"]) == ("any", True)
    assert widened["notes"]


def test_api_facet_values_are_datasette_style(client):
    data = client.get("/api/search?speaker=Malik+Benhaddou").get_json()
    assert set(data["facets"]) == {"speaker", "theme", "kind", "year", "lang"}
    value = next(v for v in data["facets"]["speaker"] if v["value"] == "Malik Benhaddou")
    assert set(value) == {"value", "label", "count", "selected", "toggle_url"}
    assert value["selected"] is True
    assert urlsplit(value["toggle_url"]).path == "/api/search"
    assert parse_qs(urlsplit(value["toggle_url"]).query) == {}
    kinds = {v["value"]: v["label"] for v in data["facets"]["kind"]}
    assert kinds["discours"] == "Discours"


def test_a_facet_link_toggles_its_value_and_keeps_every_other_argument(client):
    url = ("/api/search?q=l%27%C3%A9t%C3%A9+%26+la+rivi%C3%A8re&speaker=Malik+Benhaddou"
           "&year=2022&sort=-date&per_page=5&page=2")
    data = client.get(url).get_json()
    kept = {"q": ["l'été & la rivière"], "sort": ["-date"], "per_page": ["5"]}
    for value in data["facets"]["year"]:
        args = parse_qs(urlsplit(value["toggle_url"]).query)
        # the selected 2022 goes away; any other year joins it, after it
        years = [] if value["value"] == "2022" else ["2022", value["value"]]
        assert args == {**kept, "speaker": ["Malik Benhaddou"],
                        **({"year": years} if years else {})}
    for value in data["facets"]["speaker"]:
        args = parse_qs(urlsplit(value["toggle_url"]).query)
        assert args.get("year") == ["2022"] and "page" not in args


def test_api_extras_pagination_notes_histogram(client):
    data = client.get("/api/search?per_page=3&page=2&sort=-date").get_json()
    assert data["page"] == 2 and data["per_page"] == 3 and data["pages"] == 4
    assert "page=3" in data["next_url"] and "page=1" not in data["prev_url"]
    assert data["sort"] == "-date" and data["quotes"] is False
    assert isinstance(data["notes"], list) and isinstance(data["histogram"], list)
    assert data["histogram"][0] == {"period": "2015", "count": 1}


def test_api_quotes(client):
    data = client.get("/api/search?quotes=1").get_json()
    assert data["total"] == 3
    hit = data["results"][0]
    assert hit["quote"] and hit["document_id"] and hit["url"].endswith(f"#q{hit['position']}")


def test_api_unknown_facet_value_is_an_empty_result(client):
    data = client.get("/api/search?speaker=Personne").get_json()
    assert data["total"] == 0
    assert data["facets"]["speaker"][0] == {
        "value": "Personne", "label": "Personne", "count": 0, "selected": True,
        "toggle_url": "http://localhost/api/search"}


def test_api_bad_arguments_are_400_json_in_french(client):
    for url in ("/api/search?page=abc", "/api/search?from=demain", "/api/search?sort=titre",
                "/api/search?per_page=x"):
        response = client.get(url)
        assert response.status_code == 400, url
        error = response.get_json()["error"]
        assert error["status"] == 400 and error["title"] == "Requête non comprise"
        assert error["message"]


def test_api_unknown_route_and_method(client):
    response = client.get("/api/rien")
    assert response.status_code == 404
    assert response.get_json()["error"]["message"] == "Cette page n'existe pas."
    response = client.post("/api/search")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    assert response.get_json()["error"]["status"] == 405


# --- /api/doc --------------------------------------------------------------------------------

def test_api_document_without_root(client):
    ident = client.get("/api/search?q=titre:barrages").get_json()["results"][0]["id"]
    data = client.get(f"/api/doc/{ident}").get_json()
    assert data["id"] == ident and data["title"] == "Barrages et biodiversité"
    assert "root" not in data
    assert data["speakers"][0] == {"name": "Claire Aubertin",
                                   "function": "présidente de l'association Rivières vivantes"}
    assert data["text"].startswith("Le barrage de Montclair")


def test_api_unknown_document_is_404_json(client):
    response = client.get("/api/doc/inconnu")
    assert response.status_code == 404
    assert response.get_json()["error"]["message"] == "Ce document n'existe pas dans l'index."


# --- CSV -------------------------------------------------------------------------------------

def read_csv(response) -> list[dict[str, str]]:
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_export_columns_and_rows(client):
    response = client.get("/export.csv?q=sécheresse&sort=date")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    rows = read_csv(response)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["title"] for r in rows] == ["Discours sur la sécheresse", "Barrages et biodiversité"]
    assert rows[1]["speakers"] == "Claire Aubertin; Malik Benhaddou"
    assert rows[1]["functions"] == ("présidente de l'association Rivières vivantes; "
                                    "ministre de l'eau")
    assert rows[1]["themes"] == "Sécheresse; Biodiversité"
    assert rows[0]["url"].startswith("http://localhost/doc/")
    assert "<mark>" not in rows[0]["snippet"] and "sécheresse" in rows[0]["snippet"]


def test_csv_export_ignores_pagination_and_covers_all_results(client):
    rows = read_csv(client.get("/export.csv?per_page=2&page=3"))
    assert len(rows) == 11


def test_csv_export_of_quotes(client):
    rows = read_csv(client.get("/export.csv?quotes=1&speaker=Malik+Benhaddou"))
    assert {r["snippet"] for r in rows} == {"Nous ne laisserons aucun village sans eau",
                                            "La fiscalité doit protéger la ressource"}
    assert all("#q" in r["url"] for r in rows)


def test_csv_injection_is_neutralised(client):
    rows = read_csv(client.get("/export.csv?q=formule"))
    row = rows[0]
    assert row["title"] == "'=SOMME(1+1) formule"
    assert row["speakers"] == "'@Inconnu"
    assert row["themes"] == "'+Tableur"
    rows = read_csv(client.get("/export.csv?speaker=@Inconnu"))  # no query: the text's start
    assert rows[0]["snippet"].startswith("'-Une ligne")


def test_csv_cell():
    assert csv_cell("=1+1") == "'=1+1"
    assert csv_cell("\t=1") == "'\t=1"
    assert csv_cell("Rivière") == "Rivière"
    assert csv_cell(None) == ""


def test_export_limit_is_documented():
    assert EXPORT_LIMIT == 1000


def test_csv_export_stops_at_the_limit(client, monkeypatch):
    monkeypatch.setattr("webapp.exports.EXPORT_LIMIT", 3)
    assert len(read_csv(client.get("/export.csv"))) == 3


# --- Atom ------------------------------------------------------------------------------------

def test_atom_feed_is_valid_and_newest_first(client):
    response = client.get("/feed.atom?q=eau OR rivière&sort=relevance")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    assert feed.tag == f"{ATOM}feed"
    for tag in ("title", "id", "updated", "author"):
        assert feed.find(f"{ATOM}{tag}") is not None
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href").startswith("http://localhost/feed.atom?q=eau")
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    dates = [e.findtext(f"{ATOM}published") for e in entries if e.find(f"{ATOM}published")
             is not None]
    assert dates == sorted(dates, reverse=True)
    for entry in entries:
        for tag in ("title", "id", "updated", "link", "summary"):
            assert entry.find(f"{ATOM}{tag}") is not None
        assert "<mark>" not in entry.findtext(f"{ATOM}summary")


def test_atom_feed_escapes_markup(client):
    response = client.get("/feed.atom?q=piégée")
    assert b"<script>" not in response.data
    feed = ET.fromstring(response.data)
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert "<script>alert('titre')</script> Déclaration piégée" in titles


def test_atom_feed_of_quotes_and_empty_search(client):
    feed = ET.fromstring(client.get("/feed.atom?quotes=1").data)
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert any(t.startswith("Malik Benhaddou\u00a0: «\u00a0") for t in titles)
    feed = ET.fromstring(client.get("/feed.atom?q=zzzzzzzz").data)
    assert feed.findall(f"{ATOM}entry") == []
    assert feed.findtext(f"{ATOM}updated")


def test_atom_entry_title_shortens_a_long_quotation_at_a_word_and_says_so(client, monkeypatch):
    # a feed reader shows the title alone: « … les membres fran » read as the quotation's end
    monkeypatch.setattr("webapp.exports.FEED_QUOTE_CHARS", 30)
    feed = ET.fromstring(client.get("/feed.atom?quotes=1").data)
    entries = {e.findtext(f"{ATOM}summary"): e.findtext(f"{ATOM}title")
               for e in feed.findall(f"{ATOM}entry")}
    whole = "Une rivière qui meurt, c'est un village qui se tait"
    assert entries[whole] == "Claire Aubertin\u00a0: «\u00a0Une rivière qui meurt, c'est…\u00a0»"
    short = "La fiscalité doit protéger la ressource"  # 39 characters
    monkeypatch.setattr("webapp.exports.FEED_QUOTE_CHARS", 39)
    feed = ET.fromstring(client.get("/feed.atom?quotes=1").data)
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert f"Malik Benhaddou\u00a0: «\u00a0{short}\u00a0»" in titles


def test_atom_feed_title_says_what_it_follows(client):
    # a journalist following two speakers had two feeds both called « Verbatim — toutes les
    # déclarations » in the reader
    def title(url: str) -> str:
        return ET.fromstring(client.get(url).data).findtext(f"{ATOM}title")

    assert title("/feed.atom?speaker=Malik+Benhaddou") == \
        "Verbatim — déclarations · Orateur\u00a0: Malik Benhaddou"
    assert title("/feed.atom?speaker=Claire+Aubertin&quotes=1&from=2016") == \
        "Verbatim — citations · Orateur\u00a0: Claire Aubertin · Depuis 2016"
    assert title("/feed.atom?q=eau&theme=Justice") == \
        "Verbatim — déclarations · « eau » · Thème\u00a0: Justice"
    assert title("/feed.atom") == "Verbatim — toutes les déclarations"


def test_atom_feed_limited_to_50(client, monkeypatch):
    monkeypatch.setattr("webapp.exports.FEED_ENTRIES", 2)
    feed = ET.fromstring(client.get("/feed.atom").data)
    assert len(feed.findall(f"{ATOM}entry")) == 2


@pytest.mark.parametrize(("hit", "q"), [
    ({"id": "84f183e2af5d96cb"}, "rivière & co"),
    ({"id": "abc-q3", "document_id": "abc", "position": 12}, ""),
    ({"id": "a b/é"}, "x"),
    ({"id": "84f183e2af5d96cb"}, "0verbatimid0 a"),
])
def test_a_result_link_is_the_document_route_with_the_query(app, hit, q):
    # links are filled into one URL per request and query (an export has a thousand)
    from flask import url_for

    from webapp.results import hit_url

    with app.test_request_context("/"):
        for external in (False, True):
            expected = url_for("pages.document", doc_id=hit.get("document_id") or hit["id"],
                               q=q or None, _external=external)
            if hit.get("document_id"):
                expected += f"#q{hit['position']}"
            assert hit_url(hit, q, external=external) == expected
