"""PDF reader: paragraphs rebuilt from positioned text, metadata, broken files, real corpus."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pdf_fixtures as fx
import pytest
from conftest import shared_path

from indexer.readers import Record, Unreadable, reader_for
from indexer.readers.pdf import clean_title, join_lines, pdf_date, pdf_lang, read


def paragraphs_of(path: Path) -> list[str]:
    """The paragraphs of the one record the reader returns."""
    records = read(path)
    assert len(records) == 1
    return records[0].text.split("\n\n")


# --- generated PDFs -----------------------------------------------------------------------


def test_pdf_suffix_uses_this_reader():
    assert reader_for(Path("communique.PDF")) is read


def test_record_is_a_single_document(tmp_path):
    record = read(fx.communique(tmp_path))[0]
    assert (record.key, record.date) == (None, None)


def test_communique_paragraphs_are_rebuilt_and_dehyphenated(tmp_path):
    assert paragraphs_of(fx.communique(tmp_path)) == fx.COMMUNIQUE_HEAD + fx.COMMUNIQUE_PARAGRAPHS


def test_columns_come_out_one_after_the_other(tmp_path):
    assert paragraphs_of(fx.two_columns(tmp_path)) == fx.COLUMN_PARAGRAPHS


def test_first_line_indent_starts_a_paragraph(tmp_path):
    assert paragraphs_of(fx.indented(tmp_path)) == fx.INDENTED_PARAGRAPHS


def test_one_word_per_text_call_reads_as_sentences(tmp_path):
    assert paragraphs_of(fx.word_per_call(tmp_path)) == fx.WORD_PARAGRAPHS


@pytest.mark.parametrize("footer", sorted(fx.FOOTERS.values()), ids=sorted(fx.FOOTERS))
def test_running_header_footer_and_page_numbers_are_dropped(tmp_path, footer):
    assert paragraphs_of(fx.running_header(tmp_path, footer)) == fx.PAGE_BODIES


@pytest.mark.skipif(not fx.HAS_DEJAVU, reason="DejaVu Sans not installed")
def test_ligatures_and_nbsp_are_normalised(tmp_path):
    assert paragraphs_of(fx.ligatures(tmp_path)) == [fx.LIGATURE_EXPECTED]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Procès LuxLeaks : le verdict", "Procès LuxLeaks : le verdict"),
        ("Microsoft Word - communique.docx", None),
        ("communique_final.pdf", None),
        ("", None),
        (None, None),
    ],
)
def test_title_comes_from_metadata_unless_junk(tmp_path, title, expected):
    assert read(fx.with_metadata(tmp_path, title=title))[0].title == expected


@pytest.mark.parametrize(("lang", "expected"), [("fr-FR", "fr"), ("fr", "fr"), (None, None)])
def test_lang_comes_from_the_catalog(tmp_path, lang, expected):
    assert read(fx.with_metadata(tmp_path, lang=lang))[0].lang == expected


def test_creation_date_goes_to_meta_not_to_record_date(tmp_path):
    record = read(fx.with_metadata(tmp_path))[0]
    assert (record.date, record.meta["created"]) == (None, fx.CREATED.date().isoformat())


def test_owner_password_only_still_reads(tmp_path):
    assert paragraphs_of(fx.encrypted(tmp_path, user_password=None)) == [
        "Texte confidentiel du comité."
    ]


def test_user_password_is_unreadable(tmp_path):
    with pytest.raises(Unreadable, match="PDF chiffré"):
        read(fx.encrypted(tmp_path))


def test_drawing_without_text_is_unreadable(tmp_path):
    with pytest.raises(Unreadable, match=r"pas de couche texte \(scan \?\)"):
        read(fx.drawing_only(tmp_path))


def _zero_bytes(data: bytes) -> bytes:
    return b""


def _half(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _no_eof(data: bytes) -> bytes:
    return data[: data.rindex(b"%%EOF")]


def _not_a_pdf(data: bytes) -> bytes:
    return b"<html><body>Communiqu\xc3\xa9</body></html>"


def _broken_body(data: bytes) -> bytes:
    start = data.index(b"obj")
    return data[:start] + b"\x00garbage" * 40 + data[-60:]


@pytest.mark.parametrize("damage", [_zero_bytes, _half, _no_eof, _not_a_pdf, _broken_body])
def test_damaged_file_is_unreadable_and_quiet(tmp_path, capsys, damage):
    path = fx.communique(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(Unreadable):
        read(path)
    assert capsys.readouterr().out == ""


# --- helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["la coopé-", "ration"], "la coopération"),
        (["du gouverne-", "ment."], "du gouvernement."),
        (["du Moyen-", "Orient"], "du Moyen-Orient"),
        (["ont peut-", "être"], "ont peut-être"),
        (["c'est-", "à-dire"], "c'est-à-dire"),
        (["c'est-à-", "dire"], "c'est-à-dire"),
        (["Que pense-", "t-il ?"], "Que pense-t-il ?"),
        (["a-t-il dit-", "il"], "a-t-il dit-il"),
        (["l'après-", "midi"], "l'après-midi"),
        (["du 28-", "30 mars"], "du 28-30 mars"),
        (["sur https://support-", "antoine.org/"], "sur https://support-antoine.org/"),
        (["des mots -", "un tiret"], "des mots - un tiret"),
        (["coopé\u00ad", "ration"], "coopération"),
        (["une ligne", "puis une autre"], "une ligne puis une autre"),
    ],
)
def test_join_lines(lines, expected):
    assert join_lines(lines) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("D:20150305143252+01'00'", "2015-03-05"),
        ("20160128013701", "2016-01-28"),
        ("D:2015", None),
        ("D:20151332", None),
        ("", None),
        (None, None),
    ],
)
def test_pdf_date(value, expected):
    assert pdf_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Communiqué de presse - Drupalcamp Rennes 2024",
            "Communiqué de presse - Drupalcamp Rennes 2024",
        ),
        ("Microsoft Word - CP 2016.doc", None),
        ("Document1", None),
        ("CP_2016_06_29_verdict", None),
        ("sans titre", None),
        ("   ", None),
        ("2015", None),
    ],
)
def test_clean_title(value, expected):
    assert clean_title(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [("fr-FR", "fr"), ("EN-us", "en"), ("x-unknown", None), ("", None)]
)
def test_pdf_lang(value, expected):
    assert pdf_lang(value) == expected


# --- real corpus ----------------------------------------------------------------------------


@cache
def shared_record(folder: str, name: str) -> Record:
    """The record of one shared-corpus PDF, read once per test session (read-only use)."""
    return read(shared_path(*folder.split("/"), name))[0]


LUX = "luxleaks-communiques/pdf"
DRUPAL = "drupalfr-dcrennes2024-presse"

# file → (dateline as printed, whether "Communiqué de presse" is text rather than an image)
LUXLEAKS = {
    "2015-03-05-pr-hollande-luxembourg-FR.pdf": ("Épinal, le 5 mars 2015", True),
    "2015-06-29-pr-FR.pdf": ("Épinal, le 29 juin 2015", True),
    "2015-09-30-pr-prix-citoyen-FR.pdf": ("Épinal, le 30 septembre 2015", True),
    "2016-01-28-pr-prix-ethique-anticor-FR.pdf": ("Épinal, le 28 janvier 2016", False),
    "2016-03-11-pr-AG-FR.pdf": ("Épinal, le 10 mars 2016", True),
    "2016-04-22-pr-proces-FR.pdf": ("Épinal, le 22 avril 2016", True),
    "2016-06-29-pr-verdict-FR.pdf": ("Épinal, le 29 juin 2016", True),
    "2017-03-07-pr-FR-verdict-appel.pdf": ("Épinal, le 8 mars 2016", True),  # sic
    "2017-03-15-pr-verdict-appel-FR.pdf": ("Luxembourg, le 15 mars 2017", True),
    "2017-04-05-pr-decision-antoine-FR.pdf": ("Épinal, le 5 avril 2017", True),
    "2017-11-21-pr-FR-luxleaks-cassation.pdf": ("Épinal, le 21 novembre 2017", True),
    "2018-01-11-pr-FR-luxleaks-cassation-verdict.pdf": ("Épinal, le 11 janvier 2018", True),
    "2018-05-15-pr-FR-luxleaks-appeal2-verdict.pdf": ("Épinal, le 15 mai 2018", True),
    "2018-06-15-pr-FR-dissolution.pdf": ("Épinal, le 15 juin 2018", True),
}


def test_luxleaks_table_lists_every_pdf():
    folder = shared_path("luxleaks-communiques", "pdf")
    assert sorted(p.name for p in folder.glob("*.pdf")) == sorted(LUXLEAKS)


@pytest.mark.parametrize("name", [n for n, (_, text_header) in LUXLEAKS.items() if text_header])
def test_luxleaks_starts_with_communique_de_presse(name):
    assert "Communiqué de presse" in shared_record(LUX, name).text[:200]


@pytest.mark.parametrize(("name", "dateline"), [(n, d) for n, (d, _) in LUXLEAKS.items()])
def test_luxleaks_dateline_is_a_paragraph_of_its_own(name, dateline):
    paragraphs = shared_record(LUX, name).text.split("\n\n")
    assert any(p.rstrip(",") == dateline for p in paragraphs)


@pytest.mark.parametrize("name", sorted(LUXLEAKS))
def test_luxleaks_body_has_long_paragraphs(name):
    paragraphs = shared_record(LUX, name).text.split("\n\n")
    assert sum(len(p) > 200 for p in paragraphs) >= 3


def test_luxleaks_url_broken_at_a_hyphen_keeps_it():
    name = "2016-01-28-pr-prix-ethique-anticor-FR.pdf"
    text = shared_record(LUX, name).text
    assert "https://support-antoine.org/" in text and "supportantoine" not in text


DRUPALFR = ["communique_presse_dcrennes_2024.pdf", "dossier_presse_dcrennes_2024.pdf"]


@pytest.mark.parametrize("name", DRUPALFR)
def test_drupalfr_words_are_rejoined_into_sentences(name):
    paragraphs = shared_record(DRUPAL, name).text.split("\n\n")
    single_words = [p for p in paragraphs if " " not in p]
    assert sum(map(len, paragraphs)) / len(paragraphs) > 80
    assert len(single_words) <= len(paragraphs) // 20


@pytest.mark.parametrize("name", DRUPALFR)
def test_drupalfr_event_dates_read_as_one_phrase(name):
    text = shared_record(DRUPAL, name).text
    assert "les 28, 29 et 30 mars 2024." in text


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        (DRUPALFR[0], "la 11ème édition"),  # superscript "ème" drawn apart
        (DRUPALFR[0], "en langue bretonne,"),  # comma drawn apart
        (DRUPALFR[0], "toute la journée),"),
        (DRUPALFR[1], "est aussi d’attirer des"),  # word after an apostrophe drawn apart
    ],
)
def test_drupalfr_pieces_drawn_apart_are_glued(name, phrase):
    assert phrase in shared_record(DRUPAL, name).text


def test_drupalfr_title_comes_from_metadata():
    record = shared_record(DRUPAL, DRUPALFR[0])
    assert record.title == "Communiqué de presse - Drupalcamp Rennes 2024"


def test_drupalfr_dossier_running_footer_is_dropped():
    record = shared_record(DRUPAL, DRUPALFR[1])
    assert record.meta["pages"] == 12
    assert "28-30 mars 2024" not in record.text and "/12" not in record.text
