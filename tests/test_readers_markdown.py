"""Markdown reader: front matter fields, Markdown and raw HTML turned into plain paragraphs."""

from __future__ import annotations

import pytest
from conftest import shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer.readers import Unreadable, read_records
from indexer.readers.markdown import markdown_paragraphs, read

BODY = "Le comité de soutien salue la décision.\n"


def write(tmp_path, text: str, name: str = "2016-06-29-pr-verdict.html.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def read_one(tmp_path, text: str):
    (record,) = read(write(tmp_path, text))
    return record


def with_front_matter(front: str, body: str = BODY) -> str:
    return f"---\n{front}\n---\n\n{body}"


# --- front matter ---------------------------------------------------------------------------


def test_title_loses_entities_and_br(tmp_path):
    front = (
        'title: "Procès LuxLeaks&nbsp;:<br/> Belle mobilisation pour la première audience&nbsp;!"'
    )
    record = read_one(tmp_path, with_front_matter(front))
    assert record.title == "Procès LuxLeaks : Belle mobilisation pour la première audience !"


def test_subtitle_loses_html_tags(tmp_path):
    front = "subtitle: <b>Communiqué de Presse</b> Le procès se tiendra à Luxembourg."
    record = read_one(tmp_path, with_front_matter(front))
    assert record.meta["subtitle"] == "Communiqué de Presse Le procès se tiendra à Luxembourg."


def test_author_and_category_go_to_meta(tmp_path):
    front = "author: Comité de soutien à Antoine\ncategory: pr"
    record = read_one(tmp_path, with_front_matter(front))
    assert record.meta == {"author": "Comité de soutien à Antoine", "category": "pr"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2016-06-29", "2016-06-29", id="yaml-date"),
        pytest.param("2016-06-29 15:00:00", "2016-06-29", id="yaml-datetime"),
        pytest.param('"2016-06-29T15:00:00+02:00"', "2016-06-29", id="quoted-iso-string"),
        pytest.param("29 juin 2016", None, id="french-words"),
        pytest.param('"2016-02-30"', None, id="impossible-string"),
        pytest.param("2016-13-45", None, id="impossible-yaml-date"),
    ],
)
def test_front_matter_date(tmp_path, value, expected):
    record = read_one(tmp_path, with_front_matter(f"title: Verdict\ndate: {value}"))
    assert record.date == expected


@pytest.mark.parametrize(
    "front",
    [
        pytest.param("tags: [LuxLeaks, lanceurs d'alerte, justice fiscale]", id="yaml-list"),
        pytest.param("tags: LuxLeaks, lanceurs d'alerte , justice fiscale", id="comma-string"),
    ],
)
def test_tags_become_a_list_of_strings(tmp_path, front):
    record = read_one(tmp_path, with_front_matter(front))
    assert record.meta["tags"] == ["LuxLeaks", "lanceurs d'alerte", "justice fiscale"]


def test_lang_comes_from_front_matter(tmp_path):
    assert read_one(tmp_path, with_front_matter("lang: fr-FR")).lang == "fr"


def test_front_matter_stays_out_of_text(tmp_path):
    record = read_one(tmp_path, with_front_matter("title: Verdict\nauthor: Comité"))
    assert record.text == "Le comité de soutien salue la décision."


def test_file_without_front_matter_is_all_body(tmp_path):
    record = read_one(tmp_path, "# Verdict\n\n" + BODY)
    assert record.title is None
    assert record.text == "Verdict\n\nLe comité de soutien salue la décision."


def test_front_matter_that_is_not_a_mapping_is_kept_as_text(tmp_path):
    record = read_one(tmp_path, "---\nUne phrase entre deux filets\n---\n\n" + BODY)
    assert record.title is None
    assert record.text == "Une phrase entre deux filets\n\nLe comité de soutien salue la décision."


def test_broken_yaml_does_not_crash_and_keeps_the_words(tmp_path):
    record = read_one(tmp_path, with_front_matter("title: [Procès : verdict, non fermé"))
    assert record.title is None
    assert "Le comité de soutien salue la décision." in record.text
    assert "verdict" in record.text


def test_a_french_colon_in_a_plain_title_is_part_of_the_title(tmp_path):
    # « Procès : verdict » is what a French press office types; YAML alone refuses it
    record = read_one(tmp_path, with_front_matter("title: Procès : verdict\ncategory: pr"))
    assert record.title == "Procès : verdict" and record.meta["category"] == "pr"
    assert record.text == "Le comité de soutien salue la décision."


def test_windows_line_endings_in_front_matter(tmp_path):
    text = with_front_matter("title: Verdict\ncategory: pr").replace("\n", "\r\n")
    record = read_one(tmp_path, text)
    assert (record.title, record.meta["category"]) == ("Verdict", "pr")


# --- body -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param("## Communiqué de Presse", ["Communiqué de Presse"], id="atx-heading"),
        pytest.param("Contact Presse\n---", ["Contact Presse"], id="setext-heading"),
        pytest.param("_Luxembourg, le 29 juin 2016_", ["Luxembourg, le 29 juin 2016"], id="em"),
        pytest.param("le **vendredi 6 mars 2015**.", ["le vendredi 6 mars 2015."], id="strong"),
        pytest.param("un *vrai* soutien", ["un vrai soutien"], id="star-em"),
        pytest.param("fichier_final_v2.pdf", ["fichier_final_v2.pdf"], id="intraword-underscore"),
        pytest.param("2 * 3 * 4", ["2 * 3 * 4"], id="lone-stars"),
        pytest.param(r"un \*astérisque\*", ["un *astérisque*"], id="escaped-star"),
        pytest.param("tapez `**gras**`", ["tapez **gras**"], id="code-span"),
        pytest.param(
            'voir [le site de l\'Elysée](http://www.elysee.fr/ecrire "Écrire")',
            ["voir le site de l'Elysée"],
            id="link",
        ),
        pytest.param(
            "site : [https://support- antoine.org/](https://support- antoine.org/)",
            ["site : https://support- antoine.org/"],
            id="link-with-space-in-target",
        ),
        pytest.param("Photo ![Antoine](/images/a.jpg) ici", ["Photo ici"], id="image"),
        pytest.param(
            "écrire à <contact@support-antoine.org>",
            ["écrire à contact@support-antoine.org"],
            id="autolink",
        ),
        pytest.param("> « Ne lâchons rien »", ["« Ne lâchons rien »"], id="blockquote"),
        pytest.param("Avant\n\n***\n\nAprès", ["Avant", "Après"], id="rule"),
        pytest.param(
            "- **Eva Joly**, députée européenne\n- **Thomas Piketty**, économiste",
            ["Eva Joly, députée européenne", "Thomas Piketty, économiste"],
            id="list-items",
        ),
        pytest.param("1. Premier acte\n2. Second acte", ["Premier acte", "Second acte"], id="ol"),
        pytest.param(
            "Comité de soutien  \nBP 1006  \n88050 EPINAL Cedex 9",
            ["Comité de soutien", "BP 1006", "88050 EPINAL Cedex 9"],
            id="hard-breaks",
        ),
        pytest.param(
            "Une phrase coupée\nà la ligne reste un paragraphe.",
            ["Une phrase coupée à la ligne reste un paragraphe."],
            id="soft-wrap",
        ),
        pytest.param(
            "| Date | Audience |\n|---|---|\n| 26 avril | Ouverture |",
            ["Date | Audience", "26 avril | Ouverture"],
            id="table",
        ),
        pytest.param("```\nif a*b*c:\n```", ["if a*b*c:"], id="fenced-code"),
        pytest.param("[1]: http://example.org\nTexte", ["Texte"], id="link-definition"),
    ],
)
def test_markdown_syntax_becomes_plain_paragraphs(markdown, expected):
    assert markdown_paragraphs(markdown) == expected


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param(
            '<figure>\n  <img src="/images/a.jpg" alt="Le comité"/>\n'
            "  <figcaption>&copy; Comité – CC BY-SA 4.0</figcaption>\n</figure>\n\nTexte.",
            ["Texte."],
            id="figure",
        ),
        pytest.param(
            'Lire la <a href="/docs/pr.pdf"><i class="fa fa-file-pdf-o"></i> <span>Version PDF'
            "</span></a> du communiqué.",
            ["Lire la Version PDF du communiqué."],
            id="fa-icon-and-link",
        ),
        pytest.param(  # the page's link to its PDF, alone: the site's furniture
            '<a href="/docs/pr.pdf"><i class="fa fa-file-pdf-o"></i> <span>Version PDF</span></a>'
            "\n\n## Communiqué de Presse",
            ["Communiqué de Presse"],
            id="fa-icon-link-alone",
        ),
        pytest.param("<script>alert('x')</script>Texte", ["Texte"], id="script"),
        pytest.param("<style>p { color: red }</style>Texte", ["Texte"], id="style"),
        pytest.param(
            '<iframe src="https://www.youtube.com/embed/x"></iframe>\n\nTexte',
            ["Texte"],
            id="iframe",
        ),
        pytest.param(
            "Tous : «&nbsp;Merci Antoine&nbsp;!&nbsp;»", ["Tous : « Merci Antoine ! »"], id="nbsp"
        ),
        pytest.param(
            "Paris &amp; Luxembourg &copy; 2016", ["Paris & Luxembourg © 2016"], id="entities"
        ),
        pytest.param(
            '<span style="display: block;">**Mercredi 5 avril 2017**</span>',
            ["Mercredi 5 avril 2017"],
            id="markdown-inside-html",
        ),
        pytest.param(
            '<p><b>Philippe Lamberts</b></p>\n<p><a href="http://x.eu/PHILIPPE_LAMBERTS_home.html">'
            "Député européen</a></p>",
            ["Philippe Lamberts", "Député européen"],
            id="underscores-in-attribute",
        ),
        pytest.param("<!-- brouillon -->Texte", ["Texte"], id="comment"),
    ],
)
def test_raw_html_in_body(markdown, expected):
    assert markdown_paragraphs(markdown) == expected


def test_inline_html_does_not_glue_words():
    assert markdown_paragraphs("Un <em>mot</em> et <b>Com</b>muniqué") == ["Un mot et Communiqué"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("---\ntitle: Seul le titre\n---\n", id="front-matter-only"),
        pytest.param("<figure><img src='a.jpg'/></figure>\n", id="only-a-figure"),
    ],
)
def test_files_without_text_are_unreadable(tmp_path, text):
    with pytest.raises(Unreadable):
        read(write(tmp_path, text))


def test_cp1252_markdown_is_decoded(tmp_path):
    path = tmp_path / "note.md"
    path.write_bytes("---\ntitle: L’État\n---\n« Nous agirons », a déclaré …".encode("cp1252"))
    (record,) = read(path)
    assert (record.title, record.text) == ("L’État", "« Nous agirons », a déclaré …")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from("ab é«»’\n*_`[]()!<>#-|&;/:=\\"), max_size=200))
def test_any_body_converts_without_crashing(body):
    for paragraph in markdown_paragraphs(body):
        assert paragraph == paragraph.strip()
        assert "\n" not in paragraph


# --- the LuxLeaks corpus ----------------------------------------------------------------------


def luxleaks_markdown():
    return sorted(shared_path("luxleaks-communiques", "markdown").glob("*.md"))


def test_every_luxleaks_post_reads_with_title_and_clean_text():
    paths = luxleaks_markdown()
    assert len(paths) == 57
    for path in paths:
        (record,) = read_records(path)
        assert record.title, path.name
        assert "<" not in record.title and "&nbsp;" not in record.title, path.name
        for leftover in ("<", "&nbsp;", "&copy;", "**", "](", "\n\n\n"):
            assert leftover not in record.text, (path.name, leftover)
        assert record.meta["author"], path.name  # « Comité de soutien à Antoine », once « Invités »


def test_luxleaks_press_release_fields():
    path = shared_path("luxleaks-communiques", "markdown", "2016-06-29-pr-verdict.html.md")
    (record,) = read(path)
    assert record.title == "Une condamnation incompréhensible et inacceptable"
    assert record.meta["subtitle"] == "Communiqué de Presse"
    assert record.meta["category"] == "pr"
    assert record.date is None  # the date is only in the file name
    paragraphs = record.text.split("\n\n")
    # not « Version PDF », the link to its PDF the post opens on
    assert paragraphs[:2] == ["Communiqué de Presse", "Luxembourg, le 29 juin 2016"]
    assert "Twitter : @support_antoine" in paragraphs


def test_luxleaks_news_post_drops_figures():
    path = shared_path("luxleaks-communiques", "markdown", "2016-04-26-trial-day1.html.md")
    (record,) = read(path)
    assert record.title == "Procès LuxLeaks : Belle mobilisation pour la première audience !"
    assert "CC BY-SA" not in record.text
    assert "Tous ont donné de la voix : « Merci Antoine, Merci Antoine ! »." in record.text
    assert "Le Monde – Au procès LuxLeaks, les lanceurs d’alerte" in record.text
