"""The HTML pages through Flask's test client: search, facets, dates, document, speaker."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.get_data(as_text=True)


def doc_id(client, title_words: str) -> str:
    """Return the id of the first statement found with these title words."""
    hits = client.get("/api/search", query_string={"q": f"titre:({title_words})"}).get_json()
    return hits["results"][0]["id"]


def links(html: str, css_class: str | None = None) -> list[str]:
    """Return the hrefs of the page's links (those with this class only, when given)."""
    pattern = (rf'<a class="{css_class}" href="([^"]*)"' if css_class else r'<a href="([^"]*)"')
    return [u.replace("&amp;", "&") for u in re.findall(pattern, html)]


def args_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


# --- the search page -------------------------------------------------------------------------

def test_home_lists_every_statement_with_facets(client):
    html = page(client, "/")
    assert '<html lang="fr">' in html
    assert "11 résultats" in html
    for facet in ("Orateurs", "Thèmes", "Types", "Années"):
        assert f">{facet}</h3>" in html
    assert "Malik Benhaddou" in html
    assert 'role="search"' in html and '<label for="q">' in html


def test_landmarks_and_skip_link(client):
    html = page(client, "/")
    for landmark in ("<header", "<nav", "<main", "<aside", "<footer"):
        assert landmark in html
    assert 'href="#contenu"' in html and 'id="contenu"' in html


def test_words_find_the_statement_and_are_marked(client):
    html = page(client, "/?q=lanceurs+alerte")
    assert "Protéger les lanceurs d&#39;alerte" in html
    assert "<mark" in html
    assert "Discours sur la sécheresse" not in html


def test_result_shows_kind_french_date_speakers_and_link_with_query(client):
    html = page(client, "/?q=sécheresse+potable")
    assert "Discours" in html
    assert '<time datetime="2016-04-22">22 avril 2016</time>' in html
    assert 'href="/speaker/Malik%20Benhaddou"' in html
    assert re.search(r'href="/doc/[0-9a-f]{16}\?q=s%C3%A9cheresse\+potable"', html)


def test_first_of_month_is_written_1er(client):
    from webapp.formatting import french_date

    assert french_date("2016-05-01") == "1er mai 2016"


def test_exact_phrase(client):
    html = page(client, '/?q="un village qui se tait"')
    assert "1 résultat" in html
    html = page(client, '/?q="un village qui tait"')
    assert "0 résultat" in html


def test_or_and_exclusion_and_fields(client):
    assert "2 résultats" in page(client, "/?q=barrage OR sécheresse")
    assert "1 résultat" in page(client, "/?q=barrage")
    assert "Barrages et biodiversité" not in page(client, "/?q=sécheresse -barrage")
    html = page(client, "/?q=speaker:Aubertin")
    assert "2 résultats" in html


def test_syntax_help_is_a_details(client):
    html = page(client, "/")
    assert '<details class="syntax">' in html and "Syntaxe de recherche" in html


def test_total_and_time_taken(client):
    html = page(client, "/?q=rivière")
    assert re.search(r"\d+ résultats?\s*<span class=\"timing\">\(\d+,\d\d s\)", html)


DATED = ["Protéger les lanceurs d&#39;alerte", "Discours sur la sécheresse",
         "Ouverture du procès des lanceurs d&#39;alerte", "Barrages et biodiversité",
         "Interview sur la fiscalité de l&#39;eau"]


@pytest.mark.parametrize("sort,expected", [("date", DATED), ("-date", DATED[::-1])])
def test_sort_by_date(client, sort, expected):
    html = page(client, f"/?q=eau OR lanceurs OR barrage OR fiscalité&sort={sort}&to=2020-09-30")
    titles = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)
    assert titles == expected


def test_sort_select_keeps_choice(client):
    html = page(client, "/?sort=-date")
    assert '<option value="-date" selected>' in html


def test_pagination(client):
    html = page(client, "/?per_page=4")
    assert 'aria-label="Pages de résultats"' in html
    assert '<ol class="hits" start="1">' in html
    html2 = page(client, "/?per_page=4&page=2")
    assert '<ol class="hits" start="5">' in html2
    assert 'aria-current="page">2<' in html2
    assert 'rel="prev"' in html2 and 'rel="next"' in html2


def test_page_past_the_end_shows_the_last_page(client):
    html = page(client, "/?per_page=4&page=50")
    assert "voici la dernière" in html
    assert '<ol class="hits" start="9">' in html


def test_the_last_reachable_page_says_the_rest_cannot_be_paged_through(client, monkeypatch):
    # 61,130 results on the shared corpus, the pages stop at the 10,000th and said nothing;
    # here the pages stop at the 4th of 11 results
    for module in ("webapp.results", "webapp.params"):
        monkeypatch.setattr(f"{module}.MAX_RESULTS", 4)
    note = ("Seuls les 4 premiers résultats se consultent page à page : affinez la recherche "
            "(orateur, période…) ou changez le tri pour voir les autres.")
    assert note not in html.unescape(page(client, "/?per_page=2&page=1"))
    for url in ("/?per_page=2&page=2", "/?per_page=2&page=3"):
        shown = html.unescape(page(client, url))
        assert note in shown
        assert '<ol class="hits" start="3">' in shown
    assert "premiers résultats" not in page(client, "/?q=sécheresse&per_page=2&page=2")


def test_suggestion_link_replaces_the_word(client):
    html = page(client, "/?q=secheresee")
    assert "Vouliez-vous dire" in html
    url = re.search(r'Vouliez-vous dire\s*<a href="([^"]+)"', html).group(1)
    assert "q=s%C3%A9cheresse" in url.replace("&amp;", "&")


def test_relaxed_search_note_shown(client):
    html = page(client, "/?q=barrage+fiscalité")
    assert "une partie d&#39;entre eux" in html or "une partie d'entre eux" in html


def test_no_result_message(client):
    html = page(client, "/?q=zyxwvutsrq")
    assert "Aucun document ne correspond" in html
    assert "Aucune citation ne correspond" in page(client, "/?q=zyxwvutsrq&quotes=1")


# --- documents / citations toggle ------------------------------------------------------------

def test_quotes_mode_lists_quotes_with_speaker_and_anchor(client):
    html = page(client, "/?q=village&quotes=1")
    assert "2 citations" in html
    assert "<blockquote" in html and "Claire Aubertin" in html
    assert "présidente de l&#39;association Rivières vivantes" in html
    assert re.search(r'href="/doc/[0-9a-f]{16}\?q=village#q\d+"', html)
    assert 'value="1" checked' in html


def test_quote_link_lands_on_the_marked_quote(client):
    data = client.get("/api/search?q=village&quotes=1&speaker=Claire+Aubertin").get_json()
    hit = data["results"][0]
    html = page(client, f"/doc/{hit['document_id']}")
    assert f'id="q{hit["position"]}"' in html


# --- facets, chips, dates, histogram ---------------------------------------------------------

def test_facet_value_has_toggle_link_and_selection_narrows(client):
    html = page(client, "/")
    url = next(u for u in links(html) if args_of(u).get("speaker") == ["Claire Aubertin"])
    html = page(client, url)
    assert "2 résultats" in html
    assert 'class="selected" aria-current="true"' in html


def test_values_of_one_facet_or_and_facets_and(client):
    assert "4 résultats" in page(client, "/?speaker=Claire+Aubertin&speaker=Malik+Benhaddou")
    assert "1 résultat" in page(client, "/?speaker=Claire+Aubertin&theme=Sécheresse")


def test_facet_counts_ignore_their_own_selection(client):
    data = client.get("/api/search?speaker=Claire+Aubertin").get_json()
    counts = {v["value"]: v["count"] for v in data["facets"]["speaker"]}
    assert counts["Malik Benhaddou"] == 3


def test_selected_value_link_removes_it(client):
    data = client.get("/api/search?speaker=Claire+Aubertin&theme=Justice").get_json()
    selected = next(v for v in data["facets"]["speaker"] if v["selected"])
    assert args_of(selected["toggle_url"]) == {"theme": ["Justice"]}


def test_more_values_behind_voir_plus(client):
    html = page(client, "/")
    section = html.split('id="facet-theme"')[1].split("</section>")[0]
    assert "<details>" in section and "voir plus" in section
    top = section.split("<details>")[0]
    assert len(re.findall(r"<li>", top)) == 8


def test_chips_remove_one_filter_and_clear_all(client):
    html = page(client, "/?q=eau&theme=Eau&kind=discours&from=2016&to=2016-12-31")
    chip_urls = links(html, "chip")
    assert len(chip_urls) == 4
    assert "Thème\u00a0: Eau" in html and "Type\u00a0: Discours" in html
    # « Depuis le 2016 » before: a year or a month is no day
    assert "Depuis 2016" in html and "Jusqu&#39;au 31 décembre 2016" in html
    theme_chip = next(u for u in chip_urls if "theme" not in args_of(u))
    assert args_of(theme_chip) == {"q": ["eau"], "kind": ["discours"], "from": ["2016"],
                                   "to": ["2016-12-31"]}
    clear = re.search(r'<a class="clear" href="([^"]+)"', html).group(1)
    assert args_of(clear) == {"q": ["eau"]}


def test_hidden_inputs_keep_facets_when_searching_again(client):
    html = page(client, "/?speaker=Malik+Benhaddou&year=2016")
    assert '<input type="hidden" name="speaker" value="Malik Benhaddou">' in html
    assert '<input type="hidden" name="year" value="2016">' in html


def test_date_range_filters(client):
    assert "3 résultats" in page(client, "/?from=2016-01-01&to=2016-12-31")
    assert "2 résultats" in page(client, "/?from=2023")
    assert "1 résultat" in page(client, "/?to=2015")


def test_bad_date_is_noted_and_ignored(client):
    html = page(client, "/?from=2016-02-30")
    assert "Date non comprise" in html
    assert "11 résultats" in html
    assert 'value="2016-02-30"' in html  # shown back so that it can be corrected


def test_histogram_by_year_links_to_year(client):
    html = page(client, "/")
    assert "Résultats par année" in html
    assert '<a href="/?year=2016" aria-label="2016\u00a0: 3 résultats"' in html
    assert "<title>2017\u00a0: 0 résultat</title>" in html


def test_histogram_by_month_when_one_year_is_chosen(client):
    html = page(client, "/?year=2016")
    assert "Résultats par mois" in html
    url = re.search(r'<a href="([^"]+)" aria-label="Avril 2016\u00a0: 1 résultat"', html).group(1)
    assert args_of(url.replace("&amp;", "&")) == {"year": ["2016"], "from": ["2016-04-01"],
                                                  "to": ["2016-04-30"]}
    assert "1 résultat" in page(client, url.replace("&amp;", "&"))


def test_atom_link_in_head(client):
    html = page(client, "/?q=eau")
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/feed.atom?q=eau"' in html


# --- document page ---------------------------------------------------------------------------

def test_document_page_shows_metadata_and_text(client):
    html = page(client, f"/doc/{doc_id(client, 'Protéger lanceurs')}")
    assert "<h1 id=\"doc-title\">Protéger les lanceurs d&#39;alerte</h1>" in html
    assert "Communiqué" in html and "5 mars 2015" in html
    assert "présidente de l&#39;association Rivières vivantes" in html
    assert 'href="/?theme=Justice"' in html
    assert html.count("<p>") >= 2  # paragraphs kept


def test_document_highlights_searched_words(client):
    html = page(client, f"/doc/{doc_id(client, 'Protéger lanceurs')}?q=lanceur")
    assert re.search(r"<mark>lanceurs</mark>", html)
    assert "Retour aux résultats" in html


def test_document_marks_and_attributes_quotes(client):
    html = page(client, f"/doc/{doc_id(client, 'Protéger lanceurs')}")
    assert re.search(r'<mark class="quote" id="q\d+" title="Claire Aubertin">Une rivière', html)
    assert 'class="attribution"' in html


def test_copy_citation_block(client):
    html = page(client, f"/doc/{doc_id(client, 'Protéger lanceurs')}")
    block = re.search(r'<p class="cite-text" id="cite-q\d+-text" tabindex="0">([^<]+)</p>', html)
    text = block.group(1).replace("&#39;", "'").replace("\u00a0", " ")
    assert text.startswith("« Une rivière qui meurt, c'est un village qui se tait » — "
                           "Claire Aubertin, présidente de l'association Rivières vivantes, "
                           "Communiqué, 5 mars 2015.")
    assert "Source : Protéger les lanceurs d'alerte, http://localhost/doc/" in text
    assert 'class="copy"' in html and "Copier la citation" in html
    assert "Copier la référence" in html


def test_document_links_permalink_file_json_and_similar(client):
    ident = doc_id(client, "Barrages biodiversité")
    html = page(client, f"/doc/{ident}")
    assert f'href="http://localhost/doc/{ident}"' in html
    assert f'href="/file/{ident}"' in html
    assert f'href="/api/doc/{ident}"' in html
    # no other statement of this small corpus holds 30 % of its key terms: no « Déclarations
    # proches » rather than unrelated ones (indexer.similar's floor); the formula's have some
    assert "Déclarations proches" not in html
    assert "Déclarations proches" in page(client, f"/doc/{doc_id(client, 'SOMME formule')}")


def test_a_quotation_id_opens_its_statement_at_the_quotation(client):
    # the quotations' CSV and API give each quotation its own id (« …-q0 »): pasted into
    # /doc/, it answered « Ce document n'existe pas dans l'index. »
    hit = client.get("/api/search", query_string={"q": "village qui se tait",
                                                  "quotes": "1"}).get_json()["results"][0]
    assert hit["id"] == f"{hit['document_id']}-q0"
    response = client.get(f"/doc/{hit['id']}")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/doc/{hit['document_id']}#q{hit['position']}"
    assert f'id="q{hit["position"]}"' in page(client, f"/doc/{hit['document_id']}")
    # the words searched come along, to be marked in the text
    assert client.get(f"/doc/{hit['id']}?q=village").headers["Location"] == \
        f"/doc/{hit['document_id']}?q=village#q{hit['position']}"
    assert client.get(f"/doc/{hit['document_id']}-q99").status_code == 404


def test_unknown_document_is_404_in_french(client):
    html = page(client, "/doc/0000000000000000", 404)
    assert "Ce document n&#39;existe pas" in html


@pytest.fixture
def two_formats(tmp_path):
    """An app over one communiqué published as Markdown and as HTML."""
    from indexer.indexing import index_paths
    from webapp import create_app

    text = ("Lyon, le 14 mars 2023\n\nLa Fédération des Rivières Vivantes porte plainte "
            "contre la Compagnie des Eaux du Val de Vère. « Nous avons attendu six mois », "
            "a déclaré Claire Aubertin.")
    corpus = tmp_path / "cp"
    corpus.mkdir()
    (corpus / "plainte.md").write_text(f"---\ntitle: Plainte\n---\n{text}\n", "utf-8")
    (corpus / "plainte.html").write_text(
        "<html lang='fr'><body><main><h1>Plainte</h1>"
        + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</main></body></html>", "utf-8")
    index_paths([corpus], tmp_path / "ix", workers=1)
    app = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "ix")})
    yield app.test_client()
    from webapp.catalog import close_catalog

    close_catalog(app)


def test_document_lists_its_other_formats_with_links(two_formats):
    hit = two_formats.get("/api/search?q=plainte").get_json()["results"]
    assert len(hit) == 1 and hit[0]["alternates"] == [{"source": "plainte.md", "format": "md"}]
    page = two_formats.get(f"/doc/{hit[0]['id']}").get_data(as_text=True)
    assert "Autres formats de cette déclaration" in page and "Markdown" in page


def test_other_format_file_is_served(two_formats):
    doc_id = two_formats.get("/api/search?q=plainte").get_json()["results"][0]["id"]
    alt = two_formats.get(f"/api/doc/{doc_id}").get_json()["alternates"][0]["id"]
    response = two_formats.get(f"/file/{doc_id}?alt={alt}")
    try:
        assert response.status_code == 200 and b"title: Plainte" in response.data
    finally:
        response.close()
    assert two_formats.get(f"/file/{doc_id}?alt=inconnu").status_code == 404


# --- original file ---------------------------------------------------------------------------

def test_original_file_inline_with_safe_type(client):
    response = client.get(f"/file/{doc_id(client, 'procès lanceurs')}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("inline; filename=")
    assert b"Ouverture du proc" in response.data
    response.close()


def test_original_html_is_sandboxed(client):
    response = client.get(f"/file/{doc_id(client, 'Page HTML')}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.headers["Content-Security-Policy"].startswith("sandbox")
    response.close()


def test_file_outside_the_indexed_folder_is_refused(app, tmp_path):
    from indexer.document import Document
    from webapp.catalog import original_file

    root = tmp_path / "root"
    root.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    (root / "lien.txt").symlink_to(secret)
    with app.test_request_context():
        for source in ("../secret.txt", "lien.txt", "/etc/passwd", "absent.txt"):
            doc = Document(id="x", source=source, format="txt", text="t", root=str(root))
            assert original_file(doc) is None


def test_symlink_listed_in_manifest_still_refused(app, web_index_dir, tmp_path):
    import json

    from indexer.document import Document
    from webapp.catalog import original_file

    root = tmp_path / "root"
    root.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    (root / "lien.txt").symlink_to(secret)
    manifest = json.loads((web_index_dir / "manifest.json").read_text("utf-8"))
    manifest["files"][str(root / "lien.txt")] = {
        "root": str(root), "source": "lien.txt", "size": 1, "mtime": 1, "sha": "x",
        "docs": [], "hashes": [], "dups": []}
    (web_index_dir / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    with app.test_request_context():
        doc = Document(id="x", source="lien.txt", format="txt", text="t", root=str(root))
        assert original_file(doc) is None


def test_file_of_unknown_document_is_404(client):
    assert client.get("/file/0000000000000000").status_code == 404


# --- speaker page ----------------------------------------------------------------------------

def test_speaker_page(client):
    html = page(client, "/speaker/Malik%20Benhaddou")
    assert "<h1 id=\"speaker-title\">Malik Benhaddou</h1>" in html
    assert "3 déclarations" in html and "2 citations" in html
    assert "ministre de l&#39;eau" in html
    assert "Chronologie" in html and "<svg" in html
    assert "Dernières citations" in html and "Nous ne laisserons aucun village sans eau" in html
    assert "Thèmes abordés" in html and "Sécheresse" in html
    assert 'href="/?speaker=Malik+Benhaddou&amp;sort=-date"' in html


def test_speaker_functions_say_when_they_come_from_the_latest_statements_only(client,
                                                                              monkeypatch):
    # the functions are read from the latest statements (500 on a real page): Christiane
    # Taubira's page said « garde des Sceaux (du 3 février 2013 …) » though she spoke as garde
    # des Sceaux on 29 January, her older statements unread
    html = page(client, "/speaker/Malik%20Benhaddou")
    assert "les plus récentes" not in html  # 3 statements, all read
    monkeypatch.setattr("indexer.profiles.FUNCTION_SCAN", 2)
    html = page(client, "/speaker/Malik%20Benhaddou")
    assert "ministre de l&#39;eau <span class=\"meta\">(du 29 juin 2016 au 21 septembre 2020, " \
        "2 déclarations)</span>" in html
    assert ("D&#39;après ses 2 déclarations les plus récentes, sur 3\u00a0: une fonction plus "
            "ancienne peut manquer, une autre avoir commencé plus tôt.") in html


def test_speaker_name_is_matched_without_case_or_accents(client):
    response = client.get("/speaker/malik%20BENHADDOU")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/speaker/Malik%20Benhaddou")


def test_unknown_speaker_is_404(client):
    assert "Personne de ce nom" in page(client, "/speaker/Personne%20Inconnue", 404)


def test_speaker_timeline_bars_link_to_year(client):
    html = page(client, "/speaker/Claire%20Aubertin")
    assert 'href="/?speaker=Claire+Aubertin&amp;year=2016&amp;sort=-date"' in html


# --- index missing, refresh ------------------------------------------------------------------

def test_missing_index_says_so_in_french(tmp_path):
    from webapp import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "absent")}).test_client()
    for url in ("/", "/doc/abc", "/speaker/X", "/export.csv", "/feed.atom"):
        response = client.get(url)
        assert response.status_code == 503
        assert "Aucun index n&#39;est disponible" in response.get_data(as_text=True)
    response = client.get("/api/search")
    assert response.status_code == 503
    assert response.get_json()["error"]["message"].startswith("Aucun index")


def test_new_documents_appear_without_restart(app, client, web_index_template, tmp_path):
    from conftest import build_web_index

    assert "11 résultats" in page(client, "/")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "nouveau.txt").write_text("Un tout nouveau communiqué sur les castors.\n", "utf-8")
    build_web_index(extra, __import__("pathlib").Path(app.config["INDEX_DIR"]))
    assert "12 résultats" in page(client, "/")
    assert "1 résultat" in page(client, "/?q=castors")


def test_app_never_writes_to_the_index(client, web_index_dir):
    before = {p.name: p.stat().st_mtime_ns for p in web_index_dir.iterdir()}
    for url in ("/", "/?q=eau", "/api/search?q=rivière", "/export.csv", "/feed.atom",
                "/speaker/Claire%20Aubertin"):
        client.get(url)
    after = {p.name: p.stat().st_mtime_ns for p in web_index_dir.iterdir()}
    assert before == after


def test_catalog_is_opened_once(app, client):
    client.get("/")
    first = app.extensions["verbatim"]["catalog"]
    client.get("/?q=eau")
    assert app.extensions["verbatim"]["catalog"] is first


def test_cli_runner_fixture(runner):
    result = runner.invoke(args=["--help"])
    assert result.exit_code == 0


def test_a_cluster_that_does_not_answer_in_time_is_a_503_to_try_again_not_a_500(
        client, monkeypatch):
    opensearchpy = pytest.importorskip("opensearchpy")

    def too_slow(*args, **kwargs):
        raise opensearchpy.ConnectionTimeout("TIMEOUT", "Read timed out. (read timeout=1.5)",
                                             TimeoutError("timed out"))

    monkeypatch.setattr("webapp.results.search", too_slow)
    for url in ("/?q=%22mariage+pour+tous%22", "/api/search?q=mariage"):
        answer = client.get(url)
        assert answer.status_code == 503, url
        assert answer.headers["Retry-After"] == "2"
        assert "n'a pas répondu à temps" in html.unescape(answer.get_data(as_text=True))
