"""The web layer's small pieces: URL parsing, French formatting, facets, text rendering."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from indexer.document import Document, Quote
from webapp.docview import citations, markable_quotes, render_paragraphs, search_terms
from webapp.formatting import french_date, french_number, period_label, plain_text, plural
from webapp.params import MAX_VALUES, SearchArgs, clean, parse_search_args, valid_date


def parse(**args) -> SearchArgs:
    return parse_search_args(MultiDict(args))


# --- params ----------------------------------------------------------------------------------

def test_defaults():
    args = parse()
    assert (args.q, args.page, args.per_page, args.sort, args.quotes) == ("", 1, 10, "relevance",
                                                                         False)
    assert args.problems == [] and args.pairs() == []


def test_repeated_facet_values_are_kept_once_in_order():
    args = parse_search_args(MultiDict([("speaker", "B"), ("speaker", "A"), ("speaker", "B")]))
    assert args.speaker == ["B", "A"]
    assert args.to_request().speaker == ["B", "A"]


def test_too_many_values_are_cut_with_a_note():
    args = parse_search_args(MultiDict([("theme", f"t{i}") for i in range(50)]))
    assert len(args.theme) == MAX_VALUES and args.problems


def test_control_characters_are_removed():
    assert clean("riv\x00ière\t\nsale") == "riv ière sale"
    assert parse(q="\x00\x01").q == ""


@pytest.mark.parametrize("raw,page,noted", [("2", 2, False), ("-1", 1, False), ("0", 1, False),
                                            ("abc", 1, True), ("99999999999", 1000, False),
                                            ("", 1, False)])
def test_page_numbers(raw, page, noted):
    args = parse(page=raw)
    assert args.page == page and bool(args.problems) == noted


def test_dates_are_checked_and_kept_as_typed():
    args = parse(**{"from": "2016-02-30", "to": "2017"})
    assert args.date_from == "" and args.raw_from == "2016-02-30" and args.date_to == "2017"
    assert "Date non comprise" in args.problems[0]
    assert valid_date("2016-02-29") and not valid_date("2015-02-29") and valid_date("2016-04")


def test_dates_in_the_wrong_order_are_noted():
    assert parse(**{"from": "2017", "to": "2016-12-31"}).problems
    assert not parse(**{"from": "2016-05-10", "to": "2016-05"}).problems


def test_quotes_flag():
    assert parse(quotes="1").quotes and parse(quotes="oui").quotes
    assert not parse(quotes="0").quotes and not parse(quotes="peut-être").quotes


def test_toggle_and_clear_reset_the_page(app):
    args = parse(q="eau", speaker="A", page="3", sort="-date")
    assert args.toggled("speaker", "A").pairs() == [("q", "eau"), ("sort", "-date")]
    assert args.toggled("speaker", "B").speaker == ["A", "B"]
    assert args.cleared().pairs() == [("q", "eau"), ("sort", "-date")]
    with app.test_request_context():
        assert args.url() == "/?q=eau&speaker=A&sort=-date&page=3"
        assert args.url(page=4).endswith("page=4")
        assert args.url("api.search_api", external=True).startswith("http://localhost/api/")


# --- formatting ------------------------------------------------------------------------------

def test_french_formats():
    assert french_date("2015-03-05") == "5 mars 2015"
    assert french_date("2020-12-01") == "1er décembre 2020"
    assert french_date("2020-13-45") == "2020-13-45"
    assert french_number(1234567) == "1\u202f234\u202f567"
    assert plural(0, "résultat") == "0 résultat" and plural(2, "citation") == "2 citations"
    assert period_label("2016-04") == "avril 2016" and period_label("2016-04", short=True) == "avr."
    assert plain_text('a <mark class="match">b</mark> &amp; c') == "a b & c"


# --- document text ---------------------------------------------------------------------------

TEXT = "Premier « dit ici » paragraphe.\n\nSecond « qui continue\n\net finit » là."


def document(quotes) -> Document:
    return Document(id="d", source="d.txt", format="txt", text=TEXT, quotes=quotes,
                    title="T", date="2020-01-02", kind="discours")


def test_paragraphs_and_quotes_across_paragraphs():
    a, b = TEXT.index("dit"), TEXT.index("ici") + 3
    c, d = TEXT.index("qui"), TEXT.index("finit") + 5
    doc = document([Quote("dit ici", a, b, "X", "ministre"), Quote("qui … finit", c, d, "Y")])
    paragraphs = render_paragraphs(doc, set())
    assert len(paragraphs) == 3
    assert f'<mark class="quote" id="q{a}" title="X">dit ici</mark>' in paragraphs[0]
    assert f'id="q{c}"' in paragraphs[1] and 'id="q' not in paragraphs[2]
    assert '<a class="attribution" href="#cite-q' in paragraphs[2]  # after the quote's end


def test_bad_or_overlapping_quotes_are_listed_but_not_marked():
    doc = document([Quote("a", 5, 2), Quote("b", 0, 10_000), Quote("c", 8, 18),
                    Quote("d", 10, 20)])
    assert [q.text for q in markable_quotes(doc)] == ["c"]
    cites = citations(doc, "http://x/doc/d")
    assert len(cites) == 4
    assert [bool(c.target) for c in cites] == [False, False, True, False]
    assert all(c.target or c.fallback for c in cites)


def test_highlight_terms_come_from_the_query():
    assert search_terms("") == set()
    assert search_terms("rivières -barrage speaker:X") == {"rivier"}  # no exclusion, no field
    assert search_terms('"plan de relance"') == {"plan", "relanc"}


def test_escaping_in_rendered_paragraphs():
    doc = Document(id="d", source="d", format="txt", text="<b>x</b> & « <i>y</i> »",
                   quotes=[Quote("<i>y</i>", 13, 21, "<script>")])
    html = render_paragraphs(doc, set())[0]
    assert "<b>" not in html and "<i>" not in html and "<script>" not in html
    assert "&lt;script&gt;" in html


def test_quoted_words_that_are_not_speech_get_an_anchor_but_no_citation():
    start = TEXT.index("dit")
    doc = document([Quote("dit ici", start, start + 7, is_speech=False)])
    assert f'<span class="quoted" id="q{start}">dit ici</span>' in render_paragraphs(doc, set())[0]
    assert citations(doc, "http://x/doc/d") == []
