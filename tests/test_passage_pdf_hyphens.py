"""A quotation copied from a PDF keeps the hyphens that broke its words at the printed lines'
ends: « Nous avons vu la Vère cou-⏎per à Montclair dès le 14 juil- let ». Those words are the
source's (« couper », « juillet »), not differences: the verdict is « mot pour mot », as for the
same words typed whole (indexer.passages `_as_written`). A hyphen the source writes stays a
hyphen: « porte-parole » is never « porteparole ».

The same copy brings the PDF's typographic ligatures (« aucun ﬁnancement nouveau »): a
ligature typed is the letters it joins, for the passage and for the search's words alike
(indexer.analysis `fold`); before, « ﬁnancement » was a difference (« Proche (à 92 %) ») and
found no document as a keyword.

Before, each broken word counted as two differences (« Proche (à 85 %) », « vous avez écrit
« cou », le texte dit « couper » », « vous avez écrit « per », absent du texte »). On the demo
corpus (the open letter to the prefects on the Vère, 18 June 2025, where Denis Carrel
« témoigne »).
"""

from __future__ import annotations

import pytest

from tests.conftest import verify_json as verify

SAID = "Nous avons vu la Vère couper à Montclair dès le 14 juillet"
CARREL = ("Ce sont bien les mots de Denis Carrel selon la source.",
          "Ce sont bien les mots de Carrel selon la source.")


@pytest.mark.parametrize("copied", [
    "Nous avons vu la Vère cou-\nper à Montclair dès le 14 juillet",
    "Nous avons vu la Vère couper à Mont-\r\nclair dès le 14 juil- let",
    "Nous avons vu la Vère cou-per à Montclair dès le 14 juillet",
    "Nous avons vu la Vère cou\u00adper à Montclair dès le 14 juillet",
    "Nous avons vu la Vère cou\u2010\nper à Montclair dès le 14 juillet",
])
def test_a_word_broken_at_a_line_end_is_the_sources_word(demo_index_shared, copied):
    found = verify(demo_index_shared, copied)
    assert found["verdict"] == "exact" and found["similarity"] == 1.0
    assert found["passage"] == SAID
    assert [op for op in found["diff"] if op["op"] != "equal"] == []


def test_who_said_it_is_read_as_for_the_words_typed_whole(demo_index_shared):
    found = verify(demo_index_shared, "« Nous avons vu la Vère cou-\nper à Montclair dès le 14 "
                                      "juillet », témoigne Denis Carrel")
    assert found["verdict"] == "exact" and found["note"] in CARREL


def test_a_word_the_source_does_not_hold_whole_stays_two_words(demo_index_shared):
    # « Vère-cou » joined is no word of the source: still a difference, not a repair
    found = verify(demo_index_shared, "Nous avons vu la Vère-cou per à Montclair dès le 14 "
                                      "juillet")
    assert found["verdict"] == "close"



def test_the_search_box_finds_the_copied_words_word_for_word(demo_client):
    response = demo_client.get("/api/search", query_string={
        "q": "Nous avons vu la Vère cou-\nper à Montclair dès le 14 juil- let"})
    assert response.status_code == 200
    passage = response.get_json()["results"][0]["passage"]
    assert passage["verdict"] == "exact" and passage["text"] == SAID


LIGATURED = "Mais le plan ne prévoit aucun ﬁnancement nouveau pour la protection des captages"


def test_a_ligature_copied_from_a_pdf_is_its_letters(demo_index_shared):
    found = verify(demo_index_shared, LIGATURED)
    assert found["verdict"] == "exact"
    assert found["passage"] == LIGATURED.replace("ﬁ", "fi")


def test_a_keyword_with_a_ligature_finds_its_documents(demo_client):
    typed = demo_client.get("/api/search", query_string={"q": "ﬁnancement captages"}).get_json()
    plain = demo_client.get("/api/search", query_string={"q": "financement captages"}).get_json()
    assert typed["total"] == plain["total"] > 0
    assert [r["id"] for r in typed["results"]] == [r["id"] for r in plain["results"]]


# --- several lines pasted at once: the page /verifier and `verbatim verify --file` read one
# quotation a line, but a line ending on a broken word goes on at the next one

COPIED_LINES = ("Nous avons vu la Vère cou\u2010\nper à Montclair dès le 14 juillet\n\n"
                "Mais le plan ne prévoit aucun financement nouveau pour la protection des cap-\r\n"
                "tages")


def test_the_verifier_page_reads_a_pdfs_lines_as_one_quotation_each(demo_client):
    page = demo_client.post("/verifier", data={"q": COPIED_LINES}).get_data(as_text=True)
    assert ">2 verdicts<" in page
    assert page.count('class="verdict-item verdict-item-exact"') == 2
    assert "Nous avons vu la Vère cou\u2010per à Montclair dès le 14 juillet" in page


def test_a_text_file_of_quotations_reads_them_alike(demo_index_shared, tmp_path):
    import json

    from click.testing import CliRunner

    from indexer.cli import main

    quotes = tmp_path / "citations.txt"
    quotes.write_text(COPIED_LINES, "utf-8")
    result = CliRunner().invoke(main, ["verify", "--index", str(demo_index_shared), "--json",
                                       "--file", str(quotes)])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert [f["verdict"] for f in found] == ["exact", "exact"]
    assert found[1]["query"].endswith("des cap-tages")
