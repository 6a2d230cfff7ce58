"""Dates: the parser on every form a press office writes, and the document-level choice."""

import pytest

from indexer.document import Document
from indexer.extract import enrich_document
from indexer.extract.dates import date_from_path, find_dates, parse_date, resolve_year
from indexer.extract.names import Aliases
from indexer.extract.themes import Thesaurus


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("5 mars 2015", "2015-03-05"),
        ("le 5 juillet 2012", "2012-07-05"),
        ("1er juin 2016", "2016-06-01"),
        ("1 er mars 2000", "2000-03-01"),
        ("1ᵉʳ mai 2023", "2023-05-01"),
        ("5 MARS 2015", "2015-03-05"),
        ("12 fevrier 2021", "2021-02-12"),
        ("12 février 2021", "2021-02-12"),
        ("15 aout 2019", "2019-08-15"),
        ("15 août 2019", "2019-08-15"),
        ("3 DÉCEMBRE 2018", "2018-12-03"),
        ("mardi 29 janvier 2013", "2013-01-29"),
        ("Le mercredi 1 er mars 2000", "2000-03-01"),
        ("21/09/2020", "2020-09-21"),
        ("2020-09-21", "2020-09-21"),
        ("les 2 et 3 juillet 2012", "2012-07-02"),
        ("28, 29 et 30 mars 2024", "2024-03-28"),
        ("du 26 avril au 4 mai 2016", "2016-04-26"),
        ("en date du 14 septembre 2020", "2020-09-14"),
    ],
)
def test_parse_date_forms(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["", "bientôt", "31 février 2015", "mardi 5 mars", "12e chambre"])
def test_parse_date_refuses_what_is_no_full_date(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("les 2 et 3 juillet 2012", "2012-07-02", "2012-07-03"),
        ("28, 29 et 30 mars 2024", "2024-03-28", "2024-03-30"),
        ("du 26 avril au 4 mai 2016", "2016-04-26", "2016-05-04"),
        ("du 30 décembre au 2 janvier 2020", "2020-12-30", "2021-01-02"),
    ],
)
def test_ranges_keep_first_and_last_day(text, start, end):
    found = find_dates(text)[0]
    assert (found.iso(), found.end_iso()) == (start, end)


def test_find_dates_gives_offsets_in_the_original_text():
    text = "Épinal, le 5 MARS 2015"
    found = find_dates(text)[0]
    assert text[found.start : found.end] == "5 MARS 2015"


def test_weekday_only_date_takes_the_year_where_the_weekday_fits():
    tuesday = find_dates("mardi 5 mars")[0]
    assert resolve_year(tuesday, [2015]) == 2013  # 5 March 2013 was a Tuesday


def test_date_without_weekday_takes_the_first_year_given():
    assert resolve_year(find_dates("5 mars")[0], [2016, 2015]) == 2016


@pytest.mark.parametrize(
    ("path", "iso"),
    [
        ("luxleaks/markdown/2016-06-29-pr-verdict.html.md", "2016-06-29"),
        ("hansard.36.1.senate.debates.1997-10-08.007.f", "1997-10-08"),
        ("blog/2016/06/29/verdict/index.html", "2016-06-29"),
        ("20130129.xml", None),  # TEI page numbers, not dates
        ("rapport-2016-13-45.md", None),
    ],
)
def test_date_from_path(path, iso):
    assert date_from_path(path) == iso


def _enrich(text, source="doc.md", title=None, **fields):
    doc = Document("x", source, "md", text, title=title, **fields)
    return enrich_document(doc, aliases=Aliases(), thesaurus=Thesaurus())


def test_dateline_gives_date_and_place():
    doc = _enrich("Communiqué de presse\n\n_Épinal, le 5 mars 2015_\n\nLe comité se réjouit.")
    assert (doc.date, doc.place) == ("2015-03-05", "Épinal")
    assert {"date", "place"} <= set(doc.inferred)


def test_dateline_wins_over_a_line_that_only_starts_with_a_date():
    doc = _enrich("Lundi 14 mars à Épinal, à 20h\n\nÉpinal, le 10 mars 2016\n\nTexte.")
    assert doc.date == "2016-03-10"


def test_title_date_is_used():
    doc = _enrich(
        "Bonjour.",
        title="Interview de M. Olivier Dussopt, ministre des comptes publics, à France info "
        "le 21 septembre 2020, sur la politique économique.",
    )
    assert doc.date == "2020-09-21"


def test_file_name_date_when_the_text_has_none():
    doc = _enrich("Une réunion se tiendra bientôt.", source="blog/2016-06-29-pr-verdict.html.md")
    assert doc.date == "2016-06-29"


def test_stated_date_wins_over_the_text():
    doc = _enrich("Paris, le 5 juillet 2012\n\nTexte.", date="2012-07-06")
    assert doc.date == "2012-07-06"
    assert "date" not in doc.inferred


def test_range_is_kept_in_meta():
    doc = _enrich("DrupalCamp Rennes, les 28, 29 et 30 mars 2024, au Couvent des Jacobins.")
    assert doc.date == "2024-03-28"
    assert doc.meta["date_range"] == ["2024-03-28", "2024-03-30"]


def test_weekday_dateline_takes_the_year_of_the_file_name():
    doc = _enrich("Paris, mardi 5 mars\n\nTexte.", source="2013-03-06-note.md")
    assert doc.date == "2013-03-05"


def test_a_sentence_opening_with_a_date_gives_no_place():
    doc = _enrich("Le 17 mai, les avocats ont déposé le pourvoi.", source="x/2017-06-07-a.md")
    assert doc.place is None
    assert doc.date == "2017-06-07"
