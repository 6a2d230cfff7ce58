"""Three things a journalist read wrong: a short phrase outside quotation marks, a quotation cut
mid-word, a number without its French thousands space.

- In the Citations view (the quotations alone), a passage no quotation holds but a statement
  does gets a note sending to the « Documents ». It needed five words: « Qu'ils ne
  culpabilisent pas », Sophie Lemaire-Dufour's answer in her interview (20 June 2023), got
  nothing, as « nous sommes en guerre » did on the shared corpus. Two to four words now count
  when they read as a sentence and a statement holds them word for word; keywords (« zones
  humides du bassin ») do not.
- `verbatim inspect` cut each quotation at 90 characters, mid-word (« … qui le soutie »): it now
  cuts at the end of a word, as the pages do (`indexer.text.shorten`).
- « Requête tronquée à 1000 caractères. » now reads « 1 000 » with the French thousands space
  (a narrow no-break space), as every number the pages show.
"""

from click.testing import CliRunner

from indexer.cli import main
from indexer.inspect import inspect_file, render
from indexer.query import MAX_QUERY_CHARS, parse_query
from tests.conftest import DEMO as DEMO_DIR

NOTE = "Ce passage n'est pas une citation entre guillemets"


def quotations_notes(index, words: str) -> str:
    shown = CliRunner().invoke(main, ["search", "--index", str(index), "--quotes", words])
    assert shown.exit_code == 0, shown.output
    return shown.output


def test_four_words_said_outside_quotation_marks_get_the_note(demo_index_shared):
    assert NOTE in quotations_notes(demo_index_shared, "Qu'ils ne culpabilisent pas")
    assert NOTE in quotations_notes(demo_index_shared, "Malheureusement, oui.")
    # keywords a statement holds in that order are no sentence said
    assert NOTE not in quotations_notes(demo_index_shared, "zones humides du bassin")


def test_the_citations_page_says_it_too(demo_client):
    page = demo_client.get("/", query_string={"q": "Qu'ils ne culpabilisent pas", "quotes": "1"})
    assert page.status_code == 200
    assert NOTE in page.get_data(as_text=True).replace("&#39;", "'")


def test_inspect_cuts_a_quotation_at_the_end_of_a_word():
    data = inspect_file(DEMO_DIR / "html" / "2023-09-05-barrage-du-lisson.html", DEMO_DIR)
    quotes = {q["start"]: q["text"] for doc in data["documents"] for q in doc["quotes"]}
    shown = [line for line in render(data).splitlines() if " « " in line]
    assert shown
    for line in shown:
        start = int(line.split("[", 1)[1].split("-", 1)[0])
        printed = line.split(" « ", 1)[1].rsplit(" » — ", 1)[0]
        whole = quotes[start]
        if printed != whole:  # cut: a whole word before the « … »
            kept = printed.removesuffix("…")
            assert printed.endswith("…") and whole.startswith(kept)
            assert not whole[len(kept)].isalnum(), (printed, whole)


def test_a_document_s_text_is_cut_at_the_end_of_a_word_too():
    path = DEMO_DIR / "html" / "2023-09-05-barrage-du-lisson.html"
    whole = inspect_file(path, DEMO_DIR, text_chars=0)["documents"][0]["text"]
    for chars in (40, 45, 50, 55, 60):
        kept = inspect_file(path, DEMO_DIR, text_chars=chars)["documents"][0]["text"]
        assert kept.endswith("…") and len(kept) <= chars + 1
        kept = kept.removesuffix("…")
        assert whole.startswith(kept) and not whole[len(kept)].isalnum(), (chars, kept)


def test_the_query_cut_says_its_length_the_french_way():
    parsed = parse_query("mot " * (MAX_QUERY_CHARS // 4 + 10))
    assert "Requête tronquée à 1\u202f000 caractères." in parsed.notes


def test_nous_sommes_en_guerre_in_the_citations_view(shared_index):
    # Gérald Darmanin on RTL (30 October 2020): « Mais nous sommes en guerre ! », an answer,
    # not a quotation between marks; the quotations hold « guerre » only
    assert NOTE in quotations_notes(shared_index[0], "nous sommes en guerre")
