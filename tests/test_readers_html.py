"""HTML reader: the article only, its title, date and language."""

from __future__ import annotations

import pytest
from conftest import shared_path

from indexer.readers import Unreadable, read_records
from indexer.readers.html import html_paragraphs, iso_date, lang_code, parse_html, read
from indexer.readers.markdown import read as read_markdown

ARTICLE = "<p>Le comité de soutien salue la décision de la Cour.</p>"


def write(tmp_path, markup: str | bytes, name: str = "page.html"):
    path = tmp_path / name
    if isinstance(markup, str):
        markup = markup.encode("utf-8")
    path.write_bytes(markup)
    return path


def read_one(tmp_path, markup: str | bytes):
    (record,) = read(write(tmp_path, markup))
    return record


def page(body: str, head: str = "", lang: str = "fr") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
        f"<body>{body}</body></html>"
    )


def paragraphs(fragment: str) -> list[str]:
    return html_paragraphs(parse_html(fragment))


# --- text -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        pytest.param("<p>Un <em>mot</em> clé</p>", ["Un mot clé"], id="em"),
        pytest.param("<p><b>Com</b>muniqué</p>", ["Communiqué"], id="inside-a-word"),
        pytest.param(
            '<p>Voir <a href="/x">le <strong>site</strong></a>.</p>', ["Voir le site."], id="nested"
        ),
        pytest.param("<p>Un</p><p>Deux</p>", ["Un", "Deux"], id="p"),
        pytest.param("<h2>Contact Presse</h2>Texte", ["Contact Presse", "Texte"], id="heading"),
        pytest.param(
            "<ul><li>Eva Joly</li><li>Thomas Piketty</li></ul>",
            ["Eva Joly", "Thomas Piketty"],
            id="li",
        ),
        pytest.param("<p>BP 1006<br/>88050 EPINAL</p>", ["BP 1006", "88050 EPINAL"], id="br"),
        pytest.param("<div>Un</div><div>Deux</div>", ["Un", "Deux"], id="div"),
        pytest.param(
            "<blockquote>« Ne lâchons rien »</blockquote>suite",
            ["« Ne lâchons rien »", "suite"],
            id="quote",
        ),
        pytest.param(
            "<table><tr><td>Date</td><td>Lieu</td></tr></table>", ["Date", "Lieu"], id="td"
        ),
        pytest.param("<p>Un\n   mot\tici</p>", ["Un mot ici"], id="whitespace"),
        pytest.param(
            "<p>«&nbsp;Merci&nbsp;!&nbsp;» &eacute;t&eacute;</p>",
            ["« Merci ! » été"],
            id="entities",
        ),
        pytest.param("<p>Texte<!-- brouillon --></p>", ["Texte"], id="comment"),
    ],
)
def test_blocks_break_paragraphs_and_inline_elements_join(fragment, expected):
    assert paragraphs(fragment) == expected


@pytest.mark.parametrize(
    "fragment",
    [
        pytest.param('<i class="fa fa-file-pdf-o"></i>', id="font-awesome"),
        pytest.param(
            '<figure><img src="a.jpg"/><figcaption>© CC BY-SA</figcaption></figure>', id="figure"
        ),
        pytest.param('<span class="sr-only">Accueil</span>', id="screen-reader-only"),
        pytest.param('<span aria-hidden="true">Menu</span>', id="aria-hidden"),
        pytest.param('<div style="display: none">caché</div>', id="display-none"),
        pytest.param("<script>var menu = 1;</script>", id="script"),
        pytest.param("<style>p { color: red }</style>", id="style"),
        pytest.param("<noscript>Activez JavaScript</noscript>", id="noscript"),
        pytest.param('<iframe src="https://youtube.com"></iframe>', id="iframe"),
        pytest.param("<form><label>Rechercher</label><input/></form>", id="form"),
        pytest.param("<template><p>modèle</p></template>", id="template"),
        pytest.param("<nav>L'Affaire Actu Agir</nav>", id="nav"),
        pytest.param("<aside>Articles récents</aside>", id="aside"),
        pytest.param("<button>Menu</button>", id="button"),
    ],
)
def test_chrome_and_hidden_elements_are_dropped(fragment):
    assert paragraphs(f"<p>Texte.</p>{fragment}") == ["Texte."]


PDF_LINK = '<a href="/docs/pr/2016-06-29-pr-verdict-FR.pdf"><i class="fa fa-file-pdf-o"></i> ' \
    '<span>Version PDF</span></a>'


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        pytest.param(f"<p>{PDF_LINK}</p><p>Communiqué de Presse</p>", ["Communiqué de Presse"],
                     id="icon-link-alone"),
        pytest.param(f"\n<br>\n{PDF_LINK}\n<br>\n<h2>Communiqué de Presse</h2>",
                     ["Communiqué de Presse"], id="icon-link-between-markdown-blocks"),
        pytest.param(f"<p>Le communiqué : {PDF_LINK}.</p>", ["Le communiqué : Version PDF."],
                     id="icon-link-in-a-sentence"),
        pytest.param('<p><a href="/blog/verdict">Lire le jugement</a></p>', ["Lire le jugement"],
                     id="link-without-icon"),
        pytest.param('<p><a href="/don"><i class="fa fa-heart"></i> Soutenez Antoine Deltour '
                     "devant la Cour d'appel</a></p>",
                     ["Soutenez Antoine Deltour devant la Cour d'appel"],
                     id="icon-link-a-sentence"),
    ],
)
def test_an_icon_link_alone_in_its_paragraph_is_the_sites_furniture(fragment, expected):
    assert paragraphs(fragment) == expected


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        pytest.param('<p>Texte.</p><p class="formats">Télécharger ce communiqué : <a '
                     'href="/presse/pdf/2023-03-14-plainte-cevv.pdf">PDF</a></p>', ["Texte."],
                     id="demo-release-download-line"),
        pytest.param('<p>Texte.</p><ul><li><a href="/c.pdf">Version PDF (245 Ko)</a> · '
                     '<a href="/c.docx">Word</a></li></ul>', ["Texte."], id="two-formats"),
        pytest.param('<p>Le rapport <a href="/r.pdf">en PDF</a> détaille les relevés de la '
                     'Vère depuis 2019.</p>',
                     ["Le rapport en PDF détaille les relevés de la Vère depuis 2019."],
                     id="a-format-in-a-sentence"),
        pytest.param('<p>Télécharger : <a href="/l.pdf">la lettre ouverte au préfet</a></p>',
                     ["Télécharger : la lettre ouverte au préfet"], id="a-document-named"),
    ],
)
def test_a_line_of_links_to_the_pages_own_files_is_furniture(fragment, expected):
    """« Télécharger ce communiqué : PDF » ended the demo's release of 14 March 2023: its text,
    snippets and talking points carried it. A link whose words say more than a format is
    the release's text."""
    assert paragraphs(fragment) == expected


def test_no_luxleaks_page_or_post_loses_a_word_to_the_download_line_rule(monkeypatch):
    # of the shared corpus's 57 pages and 57 Markdown posts, none reads otherwise (their
    # « Version PDF » links were furniture already, by their icon); the demo's releases: 1 of
    # 16 pages, posts and mails
    pages = luxleaks_html()
    posts = sorted(shared_path("luxleaks-communiques", "markdown").glob("*.md"))
    assert len(pages) == len(posts) == 57
    read_now = {path: read_records(path)[0].text for path in pages + posts}
    monkeypatch.setattr("indexer.readers.html._download_line", lambda tag: False)
    for path in pages + posts:
        assert read_records(path)[0].text == read_now[path], path.name


def test_figure_holding_a_quote_is_kept():
    fragment = (
        "<figure><blockquote>« Ne lâchons rien »</blockquote>"
        "<figcaption>Antoine Deltour</figcaption></figure>"
    )
    assert paragraphs(fragment) == ["« Ne lâchons rien »", "Antoine Deltour"]


def test_quote_footer_is_kept_as_attribution():
    fragment = (
        "<blockquote><p>« Ne lâchons rien »</p><footer>— Antoine Deltour</footer></blockquote>"
    )
    assert paragraphs(fragment) == ["« Ne lâchons rien »", "— Antoine Deltour"]


# --- choosing the article -------------------------------------------------------------------

CHROME = (
    "<header><nav><a href='/'>Accueil</a> <a href='/blog/'>Actu</a></nav></header>"
    "<footer><a href='/legal/'>Mentions légales</a></footer>"
)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(f"{CHROME}<main>{ARTICLE}</main><div><p>Publicité</p></div>", id="main"),
        pytest.param(
            f"{CHROME}<article>{ARTICLE}</article><div><p>Publicité</p></div>", id="article"
        ),
        pytest.param(
            f'{CHROME}<div role="main">{ARTICLE}</div><div><p>Publicité</p></div>', id="role"
        ),
        pytest.param(
            f"{CHROME}<div class='sidebar'><p>Publicité</p></div>"
            f"<div class='post'>{ARTICLE}<p>Antoine Deltour remercie ses soutiens.</p></div>",
            id="densest-paragraphs",
        ),
    ],
)
def test_only_the_article_is_read(tmp_path, body):
    record = read_one(tmp_path, page(body))
    assert record.text.startswith("Le comité de soutien salue la décision de la Cour.")
    for chrome in ("Accueil", "Actu", "Mentions légales", "Publicité"):
        assert chrome not in record.text


def test_page_without_landmarks_or_paragraphs_reads_the_body(tmp_path):
    record = read_one(tmp_path, page("<div>Communiqué</div><div>Le comité salue.</div>"))
    assert record.text == "Communiqué\n\nLe comité salue."


def test_empty_main_falls_back_to_the_article(tmp_path):
    record = read_one(tmp_path, page(f"<main></main><article>{ARTICLE}</article>"))
    assert record.text == "Le comité de soutien salue la décision de la Cour."


def test_article_header_keeps_its_byline(tmp_path):
    body = f"<article><header><h1>Verdict</h1><p>Par le comité</p></header>{ARTICLE}</article>"
    record = read_one(tmp_path, page(body))
    assert record.text.split("\n\n")[0] == "Par le comité"


# --- fields ---------------------------------------------------------------------------------


def test_title_from_h1_is_kept_out_of_the_text(tmp_path):
    record = read_one(tmp_path, page(f"<main><h1>Une <em>condamnation</em></h1>{ARTICLE}</main>"))
    assert record.title == "Une condamnation"
    assert record.text == "Le comité de soutien salue la décision de la Cour."


def test_h1_after_another_heading_stays_in_the_text(tmp_path):
    record = read_one(tmp_path, page(f"<main><h2>Communiqué</h2><h1>Verdict</h1>{ARTICLE}</main>"))
    assert record.title == "Verdict"
    assert record.text.startswith("Communiqué\n\nVerdict\n\n")


def test_title_from_og_title_when_no_h1(tmp_path):
    head = '<meta property="og:title" content="Procès LuxLeaks : verdict"><title>Site</title>'
    assert (
        read_one(tmp_path, page(f"<main>{ARTICLE}</main>", head)).title
        == "Procès LuxLeaks : verdict"
    )


def test_title_from_title_element_last(tmp_path):
    head = "<title>LuxLeaks&nbsp;: Soutien à Antoine Deltour</title>"
    assert read_one(tmp_path, page(ARTICLE, head)).title == "LuxLeaks : Soutien à Antoine Deltour"


def test_date_from_time_in_article_and_dateline_dropped(tmp_path):
    dateline = '<time datetime="2016-06-29">29 Juin 2016</time>'
    body = f"<article><h1>Verdict</h1>{dateline}{ARTICLE}</article>"
    record = read_one(tmp_path, page(body))
    assert record.date == "2016-06-29"
    assert "29 Juin 2016" not in record.text


def test_time_inside_a_sentence_stays_in_the_text(tmp_path):
    body = (
        '<main><p>Le <time datetime="2016-06-29T15:00:00+02:00">29 juin</time>, verdict.</p></main>'
    )
    record = read_one(tmp_path, page(body))
    assert record.date == "2016-06-29"
    assert record.text == "Le 29 juin, verdict."


def test_date_published_time_wins_over_other_times(tmp_path):
    body = (
        '<main><p>Audience du <time datetime="2016-04-26">26 avril</time>.</p>'
        '<time itemprop="datePublished" datetime="2016-06-29">29 juin</time></main>'
    )
    assert read_one(tmp_path, page(body)).date == "2016-06-29"


def test_date_from_article_published_time_meta(tmp_path):
    head = '<meta property="article:published_time" content="2017-03-15T10:00:00+01:00">'
    assert read_one(tmp_path, page(f"<main>{ARTICLE}</main>", head)).date == "2017-03-15"


def test_time_outside_the_article_is_not_its_date(tmp_path):
    body = f'<aside><time datetime="2014-12-17">17 déc.</time></aside><main>{ARTICLE}</main>'
    assert read_one(tmp_path, page(body)).date is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("fr", "fr"), ("fr-FR", "fr"), ("FR_fr", "fr"), ("", None), ("123", None), (None, None)],
)
def test_lang_code(value, expected):
    assert lang_code(value) == expected


def test_lang_from_html_element(tmp_path):
    assert read_one(tmp_path, page(ARTICLE, lang="fr-FR")).lang == "fr"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-06-29", "2016-06-29"),
        ("2016-06-29T15:00:00+02:00", "2016-06-29"),
        ("2016-02-30", None),
        ("29 juin 2016", None),
        (None, None),
    ],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_author_meta(tmp_path):
    head = '<meta name="author" content="Comité de soutien à Antoine Deltour">'
    record = read_one(tmp_path, page(ARTICLE, head))
    assert record.meta == {"author": "Comité de soutien à Antoine Deltour"}


def test_windows_1252_page_is_decoded_from_its_meta_charset(tmp_path):
    markup = (
        '<html lang="fr"><head><meta charset="windows-1252"></head>'
        "<body><p>L’État a décidé… « Nous agirons », a déclaré le ministre.</p></body></html>"
    ).encode("cp1252")
    record = read_one(tmp_path, markup)
    assert record.text == "L’État a décidé… « Nous agirons », a déclaré le ministre."


def test_xhtml_page_with_xml_declaration_reads_without_warning(tmp_path):
    markup = '<?xml version="1.0" encoding="utf-8"?>\n' + page(f"<main>{ARTICLE}</main>")
    assert read_one(tmp_path, markup).text == "Le comité de soutien salue la décision de la Cour."


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"   \n", id="blank"),
        pytest.param(page("<nav>Accueil</nav><script>x()</script>").encode(), id="only-chrome"),
    ],
)
def test_pages_without_text_are_unreadable(tmp_path, markup):
    with pytest.raises(Unreadable):
        read(write(tmp_path, markup))


# --- the LuxLeaks corpus ----------------------------------------------------------------------

# Menu, language switch, skip link and footer entries of the luxleaks.github.io pages.
NAV_PARAGRAPHS = {"FR", "EN", "Menu", "Accueil", "L'Affaire", "Actu", "Agir", "Soutiens", "Presse"}
NAV_PARAGRAPHS |= {"L'Asso", "Twitter", "Facebook", "RSS", "Email", "Attributions", "Contact"}
NAV_PHRASES = ("Aller au contenu principal", "Mentions légales", "Vie Privée", "outdated")


def luxleaks_html():
    return sorted(shared_path("luxleaks-communiques", "html").glob("*.html"))


def test_every_luxleaks_page_reads_as_its_article_only():
    paths = luxleaks_html()
    assert len(paths) == 57
    for path in paths:
        (record,) = read_records(path)
        assert record.title, path.name
        assert record.lang == "fr", path.name
        assert record.date == path.name[:10], path.name  # file names are YYYY-MM-DD-slug
        assert "<" not in record.text and "&nbsp;" not in record.text, path.name
        parts = record.text.split("\n\n")
        assert parts[0] != record.title, path.name
        assert not NAV_PARAGRAPHS.intersection(parts), path.name
        assert not any(phrase in record.text for phrase in NAV_PHRASES), path.name


def test_luxleaks_verdict_page_fields():
    path = shared_path("luxleaks-communiques", "html", "2016-06-29-pr-verdict.html")
    (record,) = read(path)
    assert record.date == "2016-06-29"
    assert record.lang == "fr"
    assert record.title == "Une condamnation incompréhensible et inacceptable"
    assert "29 Juin 2016" not in record.text
    # its PDF's link, « Version PDF » with its icon, is the site's, not the release's
    assert record.text.startswith("Communiqué de Presse\n\nLuxembourg, le 29 juin 2016\n\n"
                                  "Ce mercredi 29 juin à 15h, la 12e chambre correctionnelle")
    assert record.text.endswith("Twitter : @support_antoine\n\nFacebook : Support Antoine")


def test_no_luxleaks_release_opens_on_its_pdf_link():
    # 14 pages and their 14 Markdown posts began « Version PDF » (helper 168's walk, F8c)
    pages = luxleaks_html()
    posts = sorted(shared_path("luxleaks-communiques", "markdown").glob("*.md"))
    linked = [p for p in pages + posts if "fa-file-pdf-o" in p.read_text(encoding="utf-8")]
    assert len(linked) == 28
    for path in pages + posts:
        (record,) = read_records(path)
        assert "Version PDF" not in record.text, path.name


def test_luxleaks_html_and_markdown_give_the_same_text():
    html_path = shared_path("luxleaks-communiques", "html", "2016-06-29-pr-verdict.html")
    md_path = shared_path("luxleaks-communiques", "markdown", "2016-06-29-pr-verdict.html.md")
    (from_html,) = read(html_path)
    (from_markdown,) = read_markdown(md_path)
    assert from_html.text == from_markdown.text
    assert from_html.title == from_markdown.title


def test_the_verdicts_page_and_api_begin_with_the_release(tmp_path):
    from indexer.indexing import index_paths
    from tests.conftest import web_client

    path = shared_path("luxleaks-communiques", "html", "2016-06-29-pr-verdict.html")
    index_paths([path], tmp_path / "ix", workers=1)
    for client in web_client(tmp_path / "ix"):
        [hit] = client.get("/api/search", query_string={"q": "condamnation"}).get_json()["results"]
        doc = client.get(f"/api/doc/{hit['id']}").get_json()
        assert doc["text"].startswith("Communiqué de Presse\n\nLuxembourg, le 29 juin 2016")
        page = client.get(f"/doc/{hit['id']}").get_data(as_text=True)
        assert "Version PDF" not in page
