"""A quotation is dated by the text it was found in, not by the day its words were said (a
tribune of March 2015 quotes words of December 2014): wherever quotations are shown the date
says so — « dans un texte du 5 mars 2015 » on a card, « texte du » in a genealogy and in
`verbatim search --quotes`, « Date du texte » in a verdict, on the page and from `verbatim
verify` (session 36, F6: cards said only « Tribune, 10 mars 2015 »). The CSV's columns stay
as they are."""

from __future__ import annotations

import html
import re

from click.testing import CliRunner

from indexer.cli import main

SAID = "Une rivière qui meurt, c'est un village qui se tait"


def _text(markup: str) -> str:
    """Return what a page reads: inline tags gone, other tags a space."""
    inline = re.sub(r"</?(a|span|time|mark)\b[^>]*>", "", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def test_a_quotation_card_says_its_date_is_the_texts(client):
    page = client.get("/", query_string={"q": "village", "quotes": "1"}).get_data(as_text=True)
    card = page.split('<li class="hit quote-hit')[1].split("</figcaption>")[0]
    caption = _text(card.split("<figcaption>")[1])
    assert caption.startswith("— Claire Aubertin, présidente de l'association Rivières "
                              "vivantes Communiqué dans un texte du 5 mars 2015 : Protéger "
                              "les lanceurs d'alerte")
    assert caption.count("5 mars 2015") == 1  # no bare date beside the kind


def test_the_speaker_pages_latest_quotations_say_it_too(client):
    page = client.get("/speaker/Claire Aubertin").get_data(as_text=True)
    assert "dans un texte du <time datetime=\"2015-03-05\">5 mars 2015</time>" in page


def test_a_verdict_and_a_genealogy_name_the_texts_date(client):
    verdict = _text(client.get("/verifier", query_string={"q": SAID}).get_data(as_text=True))
    assert "Date du texte Communiqué, 5 mars 2015" in verdict and "Quand" not in verdict
    genealogy = _text(client.get("/genealogie", query_string={"q": SAID}).get_data(as_text=True))
    assert ("Claire Aubertin, présidente de l'association Rivières vivantes, texte du 5 mars "
            "2015 (communiqué)") in genealogy
    assert "texte du 5 mars 2015 · Communiqué · Claire Aubertin" in genealogy


def test_the_cli_dates_a_quotation_by_its_text_and_a_statement_as_before(web_index_dir):
    quotes = CliRunner().invoke(main, ["search", "--quotes", "village", "--index",
                                       str(web_index_dir)])
    assert quotes.exit_code == 0, quotes.output
    assert "   texte du 2015-03-05 · communiqué · Claire Aubertin\n" in quotes.output
    documents = CliRunner().invoke(main, ["search", "village", "--index", str(web_index_dir)])
    assert "   2015-03-05 · communiqué · Claire Aubertin\n" in documents.output


def test_the_quotations_csv_keeps_its_columns(client):
    header = client.get("/export.csv?quotes=1").get_data(as_text=True).splitlines()[0]
    assert header.lstrip("\ufeff") == (
        "id,title,date,place,kind,speakers,functions,themes,source,record,other_formats,url,"
        "snippet,"
        "passage,passage_verdict,passage_similarity,context_before,context_after")
