"""Hostile input never gives a 500, markup is always escaped, every response is hardened."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

LONG = "rivière " * 1250  # 10,000 characters

HOSTILE = [
    ("/?q=" + LONG, 200),
    ("/?q=%22lanceurs%20d'alerte", 200),  # unbalanced quote
    ('/?q="""', 200),
    ("/?q=(((((", 200),
    ("/?q=)))", 200),
    ("/?q=-", 200),
    ("/?q=-rivière", 200),  # only an exclusion
    ("/?q=NOT", 200),
    ("/?q=OR OR AND", 200),
    ("/?q=speaker:", 200),
    ("/?q=speaker:%22", 200),
    ("/?q=titre:(", 200),
    ("/?q=*:*", 200),
    ("/?q=?", 200),
    ("/?q=%00", 200),
    ("/?q=riv%00i%C3%A8re", 200),
    ("/?q=%FF%FE", 200),  # not UTF-8
    ("/?q=%F0%9F%98%80", 200),  # emoji
    ("/?q=a&q=b&q=c", 200),
    ("/?q=<script>alert(1)</script>", 200),
    ("/?page=99999999999", 200),
    ("/?page=99999999999999999999999999999999", 200),
    ("/?page=-1", 200),
    ("/?page=0", 200),
    ("/?page=abc", 200),
    ("/?page=1e3", 200),
    ("/?page=%00", 200),
    ("/?page=1&page=2", 200),
    ("/?per_page=0", 200),
    ("/?per_page=100000", 200),
    ("/?per_page=-5", 200),
    ("/?sort=titre", 200),
    ("/?sort=%00", 200),
    ("/?from=2016-02-30", 200),
    ("/?from=demain&to=hier", 200),
    ("/?from=99999", 200),
    ("/?from=0000", 200),
    ("/?from=2020&to=2010", 200),
    ("/?from=%00", 200),
    ("/?year=abcd", 200),
    ("/?year=2016&year=2016&year=1066", 200),
    ("/?speaker=Inconnu&theme=Rien&kind=nothing", 200),
    ("/?speaker=%00", 200),
    ("/?speaker=" + "x" * 5000, 200),
    ("/?" + "&".join(f"theme=t{i}" for i in range(200)), 200),
    ("/?quotes=maybe", 200),
    ("/?quotes=1&quotes=0", 200),
    ("/?quotes=1&q=%22", 200),
    ("/?unknown=1&q=eau", 200),
    ("/doc/..%2F..%2Fetc%2Fpasswd", 404),
    ("/doc/%00", 404),
    ("/doc/" + "a" * 5000, 404),
    ("/doc/0000000000000000?q=%22", 404),
    ("/file/..%2F..%2Fetc%2Fpasswd", 404),
    ("/file/%00", 404),
    ("/speaker/%00", 404),
    ("/speaker/", 404),
    ("/speaker/..%2F..", 404),
    ("/speaker/" + "é" * 3000, 404),
    ("/export.csv?page=abc&from=x&sort=%00", 200),
    ("/export.csv?q=" + LONG, 200),
    ("/feed.atom?q=%00&from=2016-13-45", 200),
    ("/feed.atom?q=" + LONG, 200),
    ("/api/search?q=" + LONG, 200),
    ("/api/search?q=%22&speaker=%00", 200),
    ("/api/search?page=-1", 200),
    ("/api/search?page=abc", 400),
    ("/api/search?from=2016-02-30", 400),
    ("/api/search?sort=%00", 200),  # only a control character: as if absent
    ("/api/search?sort=titre", 400),
    ("/api/doc/%00", 404),
    ("/api/doc/..%2F..", 404),
    ("/static/..%2F__init__.py", 404),
    ("/n/importe/quoi", 404),
]


@pytest.mark.parametrize("url,status", HOSTILE, ids=[u[:60] for u, _ in HOSTILE])
def test_hostile_urls_never_fail(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    if url.startswith("/api/"):
        assert response.is_json
    elif response.mimetype == "text/html":
        assert '<html lang="fr">' in response.get_data(as_text=True)


def test_document_page_with_hostile_query(client):
    ident = client.get("/api/search?q=titre:barrages").get_json()["results"][0]["id"]
    for q in ('"', "(((", LONG, "%00", "-barrage", "<script>", "speaker:"):
        assert client.get(f"/doc/{ident}", query_string={"q": q}).status_code == 200


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=80), page=st.text(max_size=6), date=st.text(max_size=12),
       facet=st.text(max_size=20))
def test_random_arguments_never_fail(client, q, page, date, facet):
    args = {"q": q, "page": page, "from": date, "speaker": facet, "year": facet}
    assert client.get("/", query_string=args).status_code == 200
    assert client.get("/api/search", query_string=args).status_code in (200, 400)


def test_errors_are_french_pages(client):
    html = client.get("/n/importe/quoi").get_data(as_text=True)
    assert "Page introuvable" in html and '<html lang="fr">' in html
    response = client.post("/")
    assert response.status_code == 405
    assert "Méthode non permise" in response.get_data(as_text=True)


def test_internal_error_handler_renders_french_page(index_dir_app_factory):
    app = index_dir_app_factory()

    @app.get("/boum")
    def boum():
        raise RuntimeError("boum")

    @app.get("/api/boum")
    def api_boum():
        raise RuntimeError("boum")

    client = app.test_client()
    response = client.get("/boum")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Erreur interne" in html and "boum" not in html
    response = client.get("/api/boum")
    assert response.status_code == 500 and response.get_json()["error"]["status"] == 500


@pytest.fixture
def index_dir_app_factory(web_index_dir):
    from webapp import create_app
    from webapp.catalog import close_catalog

    apps = []

    def make():
        apps.append(create_app({"INDEX_DIR": str(web_index_dir)}))
        return apps[-1]

    yield make
    for app in apps:
        close_catalog(app)


# --- escaping --------------------------------------------------------------------------------

SCRIPTS = re.compile(r"<script(?![^>]*\bsrc=\"/static/app\.js\")", re.I)


def assert_no_injected_markup(html: str) -> None:
    assert not SCRIPTS.search(html)
    assert "<img" not in html
    assert "<i>Malveillante" not in html and "<b>" not in html


def test_markup_in_title_text_speaker_and_theme_is_escaped(client):
    for url in ("/?q=piégée", "/?q=gras", "/?q=piégée&quotes=1", "/",
                "/?speaker=Eve+<i>Malveillante</i>"):
        html = client.get(url).get_data(as_text=True)
        assert_no_injected_markup(html)
    html = client.get("/?q=piégée").get_data(as_text=True)
    assert "&lt;script&gt;alert(&#39;titre&#39;)&lt;/script&gt; Déclaration" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_markup_in_document_page_is_escaped(client):
    for words in ("piégée", "gras"):
        ident = client.get("/api/search", query_string={"q": words}).get_json()["results"][0]["id"]
        html = client.get(f"/doc/{ident}?q=<script>").get_data(as_text=True)
        assert_no_injected_markup(html)
    html = client.get(f"/doc/{ident}?q=gras").get_data(as_text=True)
    apostrophe = "(&#39;|&#x27;)"
    assert re.search(rf"&lt;script&gt;alert\({apostrophe}texte{apostrophe}\)&lt;/script&gt;", html)
    assert "&lt;b&gt;<mark>gras</mark>&lt;/b&gt;" in html


def test_speaker_page_escapes_the_name(client):
    response = client.get("/speaker/Eve%20%3Ci%3EMalveillante%3C/i%3E")
    assert response.status_code == 200
    assert_no_injected_markup(response.get_data(as_text=True))


def test_query_is_escaped_when_shown_back(client):
    html = client.get('/?q="><script>alert(1)</script>').get_data(as_text=True)
    assert_no_injected_markup(html)
    assert 'value="&#34;&gt;&lt;script&gt;' in html


def test_snippets_are_the_only_unescaped_field(client):
    html = client.get("/?q=texte+piégé").get_data(as_text=True)
    # the two words stand in that order: one passage, marked whole (`phrase_passage`)
    assert re.search(r"<mark>Texte[^<]*piégé</mark>", html)
    assert_no_injected_markup(html)


# --- headers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/", "/?q=eau", "/api/search", "/export.csv", "/feed.atom",
                                 "/static/style.css", "/static/app.js", "/nulle/part",
                                 "/api/doc/inconnu", "/speaker/Claire%20Aubertin"])
def test_security_headers_on_every_response(client, url):
    response = client.get(url)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"]
    response.close()


def test_no_inline_script_or_style_in_pages(client):
    ident = client.get("/api/search?q=titre:barrages").get_json()["results"][0]["id"]
    for url in ("/", "/?q=eau&quotes=1", f"/doc/{ident}", "/speaker/Claire%20Aubertin",
                "/rien"):
        html = client.get(url).get_data(as_text=True)
        for tag in re.findall(r"<script[^>]*>", html):
            assert 'src="/static/' in tag
        assert "<style" not in html and " style=" not in html
        assert " onclick=" not in html.lower()


def test_file_response_keeps_hardening(client):
    ident = client.get("/api/search?q=titre:procès").get_json()["results"][0]["id"]
    response = client.get(f"/file/{ident}")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    response.close()


# --- every parameter of every URL, fuzzed -----------------------------------------------------

SEARCH_PARAMS = ("q", "speaker", "theme", "kind", "year", "from", "to", "sort", "page",
                 "per_page", "quotes", "unknown")
HOSTILE_VALUES = ["", "\x00", "-1", "0", "1e9", "99999999999999999999", "2016-02-30", "2016",
                  "relevance", "-date", '"', "(((", "*a*", "a~5", "<script>", "javascript:x",
                  "../..", "é" * 300, "😀", "\u202e", "%FF", "Claire Aubertin", "rivière"]
values = st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE_VALUES))
url_args = st.lists(st.tuples(st.sampled_from(SEARCH_PARAMS), values), max_size=14)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=url_args)
def test_every_search_parameter_on_every_search_url(client, args):
    from werkzeug.datastructures import MultiDict

    query = MultiDict(args)
    for url, statuses in (("/", {200}), ("/api/search", {200, 400}), ("/export.csv", {200}),
                          ("/feed.atom", {200})):
        response = client.get(url, query_string=query)
        assert response.status_code in statuses, (url, args)
        response.close()


@pytest.fixture
def real_ids(client):
    """The ids of every document and quotation of the web index."""
    ids = []
    for quotes in ("0", "1"):
        data = client.get(f"/api/search?per_page=100&quotes={quotes}").get_json()
        ids += [hit["id"] for hit in data["results"]]
    return ids


path_parts = st.one_of(st.text(min_size=1, max_size=60), st.sampled_from(
    ["..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "\x00", "a/b", "Claire Aubertin",
     "Eve <i>Malveillante</i>", "javascript:alert(1)", "é" * 500]))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(part=path_parts, pick=st.integers(0, 10**6), q=values, alt=values,
       use_real=st.booleans())
@example(part="/0", pick=0, q="", alt="", use_real=False)  # found by Hypothesis in CI
def test_every_path_and_parameter_of_document_speaker_and_file_urls(client, real_ids, part,
                                                                    pick, q, alt, use_real):
    from urllib.parse import quote, urlsplit

    ident = real_ids[pick % len(real_ids)] if use_real else part
    # an encoded slash is decoded before routing: « /doc/%2F0 » is « /doc//0 », which the
    # router answers with a permanent redirect to « /doc/0 » (slashes merged), on this site
    for url, args, statuses in (
        # a quotation's id on /doc/ redirects to its statement (302), on this site
        (f"/doc/{quote(ident, safe='')}", {"q": q}, {200, 302, 308, 404}),
        (f"/api/doc/{quote(ident, safe='')}", {}, {200, 308, 404}),
        (f"/file/{quote(ident, safe='')}", {}, {200, 308, 404}),
        (f"/file/{quote(ident, safe='')}", {"alt": alt}, {200, 308, 404}),
        (f"/speaker/{quote(part, safe='/')}", {"q": q}, {200, 302, 308, 404}),
    ):
        response = client.get(url, query_string=args)
        assert response.status_code in statuses, (url, args)
        if response.status_code == 308 and not url.startswith("/speaker/"):
            assert "/" in ident, (url, args)  # only a merged slash redirects
        if response.status_code in (302, 308):
            location = urlsplit(response.headers["Location"])
            assert location.netloc in ("", "localhost"), (url, location)  # never elsewhere
        if url.startswith("/api/") and response.status_code != 308:
            assert response.is_json
        response.close()


# --- links and event attributes: a corpus of injection attempts -----------------------------

HOSTILE_MARKDOWN = """---
title: "Titre <img src=x onerror=alert(1)> \\" onmouseover=\\"alert(2)"
tags: ["javascript:alert(3)", "<svg onload=alert(4)>"]
---

Un [lien piégé](javascript:alert(5)) et <a href="javascript:alert(6)">un autre</a> sur la
loutre. <img src=x onerror=alert(7)> [Encore](  JaVaScRiPt:alert(8)  'titre').

« Une citation <script>alert(9)</script> sur la loutre », a déclaré Eve.
"""
HOSTILE_PAGE = """<!doctype html><html lang="fr"><head><title>Page</title></head><body>
<article><h1>Page de la loutre <script>alert(10)</script></h1>
<p onclick="alert(11)">La loutre <a href="JaVaScRiPt:alert(12)" onmouseover="alert(13)">clique
</a> <iframe src="javascript:alert(14)"></iframe><form action="javascript:alert(15)"><button
formaction="javascript:alert(16)">Envoyer</button></form></p>
<p>« La loutre <b onmouseover="alert(17)">nage</b> dans la rivière », a déclaré Eve.</p>
</article></body></html>
"""
HOSTILE_ROWS = [
    {"title": '"><svg/onload=alert(18)> loutre', "date": "2021-01-02",
     "text": "La loutre est là. « Je protège la loutre javascript:alert(19) », a dit Eve.",
     "tags": "javascript:alert(20)", "topics": "", "speakers": "javascript:alert(21)",
     "kind": "communiqué"},
    {"title": "Déclaration de la loutre", "date": "2021-01-03",
     "text": "« <img src=x onerror=alert(22)> la loutre », a déclaré la présidente.",
     "tags": "Eau", "topics": "", "speakers": '<b onmouseover="alert(23)">Eve</b>',
     "kind": "discours"},
]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "cite", "data", "poster", "srcset",
                  "xlink:href"}
BAD_SCHEMES = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)


class _Tags:
    """Every tag and attribute of an HTML page, as a browser's tokenizer sees them."""

    def __init__(self, html: str):
        from html.parser import HTMLParser

        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []
        parser = HTMLParser(convert_charrefs=True)
        parser.handle_starttag = lambda tag, attrs: self.found.append((tag, attrs))
        parser.handle_startendtag = parser.handle_starttag
        parser.feed(html)
        parser.close()


def assert_no_active_content(html: str) -> None:
    """No event attribute, no script but ours, no frame, no script: or data: URL."""
    for tag, attrs in _Tags(html).found:
        assert tag not in ("iframe", "object", "embed", "img"), tag
        if tag == "script":
            assert dict(attrs).get("src") == "/static/app.js"
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            if name in URL_ATTRIBUTES and value:
                assert not BAD_SCHEMES.match(value), (tag, name, value)


@pytest.fixture
def hostile_client(tmp_path):
    """A Flask client over an index of injection attempts (Markdown, HTML, CSV)."""
    import csv

    from conftest import build_web_index

    from webapp import create_app
    from webapp.catalog import close_catalog

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "liens.md").write_text(HOSTILE_MARKDOWN, encoding="utf-8")
    (corpus / "page.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    with (corpus / "lignes.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(HOSTILE_ROWS[0]))
        writer.writeheader()
        writer.writerows(HOSTILE_ROWS)
    app = create_app({"TESTING": True, "INDEX_DIR": str(build_web_index(corpus,
                                                                         tmp_path / "index"))})
    yield app.test_client()
    close_catalog(app)


def test_links_and_event_attributes_in_documents_never_become_active(hostile_client):
    client = hostile_client
    results = client.get("/api/search?q=loutre&per_page=100").get_json()["results"]
    quotes = client.get("/api/search?q=loutre&quotes=1&per_page=100").get_json()["results"]
    assert len(results) == 4 and quotes
    pages = ["/?q=loutre", "/?q=loutre&quotes=1", "/?theme=javascript:alert(20)",
             "/?speaker=javascript:alert(21)", "/?q=piégé", "/?q=javascript"]
    pages += [f"/doc/{hit['id']}?q=loutre" for hit in results]
    speakers = {s["name"] for hit in results + quotes for s in hit["speakers"]}
    assert "javascript:alert(21)" in speakers
    for name in speakers:
        response = client.get(f"/speaker/{name}", follow_redirects=True)
        assert response.status_code == 200, name
        assert_no_active_content(response.get_data(as_text=True))
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_active_content(response.get_data(as_text=True))


def test_link_text_is_kept_and_link_targets_are_dropped(hostile_client):
    results = hostile_client.get("/api/search?q=loutre&per_page=100").get_json()["results"]
    for hit in results:
        doc = hostile_client.get(f"/api/doc/{hit['id']}").get_json()
        assert "javascript:alert(5)" not in doc["text"] and "alert(6)" not in doc["text"]
        assert "alert(11)" not in doc["text"] and "alert(12)" not in doc["text"]
    texts = " ".join(hostile_client.get(f"/api/doc/{h['id']}").get_json()["text"]
                     for h in results)
    assert "lien piégé" in texts and "un autre" in texts and "clique" in texts


def test_feed_entries_are_plain_text(hostile_client):
    from xml.etree import ElementTree as ET

    for q in ("loutre", "loutre&quotes=1"):
        root = ET.fromstring(hostile_client.get(f"/feed.atom?q={q}").get_data())
        entries = root.findall("{http://www.w3.org/2005/Atom}entry")
        assert entries
        for element in root.iter():
            assert element.get("type") in (None, "text", "text/html", "application/atom+xml")
            if element.tag.endswith("}link"):
                assert element.get("href", "").startswith("http://localhost/")


def test_original_html_is_served_sandboxed(hostile_client):
    results = hostile_client.get("/api/search?q=loutre&per_page=100").get_json()["results"]
    (page,) = [hit for hit in results if hit["source"] == "page.html"]
    response = hostile_client.get(f"/file/{page['id']}")
    csp = response.headers["Content-Security-Policy"]
    assert "sandbox" in csp and "allow-scripts" not in csp and "default-src 'none'" in csp
    assert response.mimetype == "text/html"
    response.close()
