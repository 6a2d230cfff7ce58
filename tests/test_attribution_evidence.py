"""Why Verbatim says who said a quotation: every quotation hit and every verdict shows the words
of the source around the quotation, the cue that named its author and the reason in French
(`indexer.evidence`), in the Citations view, on /verifier, in the JSON API and in the CSV.

On the demo corpus (`corpus/documents`), indexed into a temporary folder for this module.
"""

from __future__ import annotations

import csv
import io
import re
from html import unescape

from indexer.document import Document, Quote
from indexer.documents import documents_from_file
from indexer.evidence import (
    AFTER_CHARS,
    BEFORE_CHARS,
    _cue_pattern,
    evidence,
    find_cue,
    mention,
    surroundings,
)
from indexer.search import SearchRequest, search
from indexer.verify import verify
from tests.conftest import DEMO

# the demo corpus's index and catalog as tests/test_verify.py opens them, the Flask client over
# it as tests/test_web_passages.py makes it (a roomy time budget)
from tests.test_verify import demo, demo_index  # noqa: F401
from tests.test_web_passages import client  # noqa: F401
from webapp.exports import CSV_COLUMNS, QUOTE_CSV_COLUMNS, _csv_row, csv_line

# html/2022-09-27-soutien-julien-marchetti.html: « Selon Malik Benhaddou, directeur général,
# « un fonds de soutien juridique de 30 000 euros a été ouvert … » »
MARCHETTI = "html/2022-09-27-soutien-julien-marchetti.html"
FUND = "un fonds de soutien juridique de 30 000 euros"
# markdown/2024-02-02-plan-eau-reaction.md: words no name attaches to (« qualifiées de
# « solutions d'adaptation » dans le dossier de presse ministériel »), and Claire Aubertin's
# second quotation, given to her by the paragraph, with no cue of its own
PLAN_EAU = "markdown/2024-02-02-plan-eau-reaction.md"
PLAN = "Un plan sans calendrier, c’est une promesse qu’on pourra toujours repousser"


def demo_quote(source: str, words: str) -> tuple[Document, Quote]:
    """Return the demo document `source` and its quotation holding `words`."""
    for doc in documents_from_file(DEMO / source, DEMO):
        for quote in doc.quotes:
            if words in quote.text:
                return doc, quote
    raise AssertionError(f"no quotation holding {words!r} in {source}")


def _text(html: str) -> str:
    # tags out, runs of spaces squeezed, entities read (&nbsp; is a no-break space)
    return re.sub(r"[ \t\r\n]+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


# --- the evidence, as plain data -----------------------------------------------------------

def test_a_source_named_before_the_words_is_the_cue_and_the_reason():
    doc, quote = demo_quote(MARCHETTI, FUND)
    assert quote.speaker == "Malik Benhaddou"
    found = evidence(doc, quote)
    assert found["before"].endswith(
        "devant le conseil de prud'hommes. Selon Malik Benhaddou, directeur général,")
    assert found["before"].startswith("… ")  # the paragraph goes on before: cut at a word
    assert found["after"] == "."
    assert found["cue"] == "Selon Malik Benhaddou"
    assert found["basis"] == "indice : « Selon Malik Benhaddou »"


def test_a_verb_of_speech_after_the_words_stays_in_their_paragraph():
    doc, quote = demo_quote("bureautique/2022-11-17-prix-rivieres.rtf",
                            "Ces enfants ont fait un travail de naturalistes")
    found = evidence(doc, quote)
    # the quotation opens its paragraph: nothing of the paragraph before is shown
    assert found["before"] == ""
    assert found["after"] == ", a déclaré Hugo Lefebvre, président d'Orbize Vivante."
    assert (found["cue"], found["basis"]) == ("déclaré", "indice : « déclaré »")


def test_a_signature_under_the_words_is_quoted_as_the_text_writes_it():
    doc, quote = demo_quote(MARCHETTI, "Je n'ai jamais voulu nuire à mon entreprise")
    found = evidence(doc, quote)
    assert quote.speaker == "Julien Marchetti"
    assert found["cue"] == ("— Julien Marchetti, dans un message lu lors de la conférence de "
                            "presse")
    assert found["basis"] == f"la signature sous la citation : « {found['cue']} »"


def test_words_no_name_attaches_to_say_so():
    doc, quote = demo_quote(PLAN_EAU, "solutions d’adaptation")
    found = evidence(doc, quote)
    assert quote.speaker is None
    assert found["before"] == ("La fédération relève aussi que les retenues de substitution, "
                               "qualifiées de")
    assert found["after"].startswith(" dans le dossier de presse ministériel, ne sont soumises")
    assert found["after"].endswith(" …") and len(found["after"]) <= AFTER_CHARS + 2
    assert found["basis"] == ("auteur non identifié : « dans le dossier de presse ministériel » "
                              "ne se rattache à aucun nom")


def test_words_given_by_the_paragraph_name_where_their_author_was_named_and_no_closer_cue():
    doc, quote = demo_quote(PLAN_EAU, PLAN)
    found = evidence(doc, quote)
    assert quote.speaker == "Claire Aubertin" and quote.cue == "contexte"
    # the words that name her stand in the paragraph, right before: the journalist sees them
    assert found["before"].endswith("», a déclaré Claire Aubertin, présidente de la FRV.")
    # « contexte » is the extraction's label; the text's words for it: where she is named
    assert found["cue"] == "Claire Aubertin"
    assert found["basis"] == (
        "aucun indice proche : la personne dont parle le passage, « Claire Aubertin » plus haut")


def test_the_person_the_passage_is_about_is_found_by_surname_and_never_after_the_words():
    text = ("Le président, M. Marchetti, a visité la station. Il a été reçu par les élus. "
            "« Nous reviendrons chaque année. » Julien Marchetti a signé le registre.")
    start = text.index("Nous reviendrons")
    quote = Quote("Nous reviendrons chaque année.", start, start + 30, "Julien Marchetti", None,
                  "contexte")
    assert mention(text, quote) == "Marchetti"  # « M. Marchetti » before, not the full name after
    doc = Document("x", "x.txt", "communiqué", text, quotes=[quote])
    assert evidence(doc, quote)["basis"].endswith("« Marchetti » plus haut")
    far = Quote(quote.text, start, quote.end, "Claire Aubertin", None, "contexte")
    assert mention(text, far) is None  # not named before: the label's words, as before
    assert evidence(doc, far)["basis"] == "aucun indice proche : la personne dont parle le passage"


def test_the_words_around_are_the_source_s_own_cut_at_a_word():
    text = ("Lyon, le 5 mars 2015. " + "La fédération demande depuis des années une loi. " * 6
            + "Claire Aubertin a déclaré : « Une rivière qui meurt, c'est un village qui se "
            "tait. » Elle a ensuite rencontré les maires de la vallée, un à un, pour leur "
            "présenter les analyses de l'eau de leurs captages et les mesures proposées.\n\n"
            "Contact presse : 04 72 00 00 00")
    start = text.index("Une rivière")
    before, after = surroundings(text, start, text.index(" »"))
    assert before.startswith("… ") and len(before) <= BEFORE_CHARS + 2
    assert before.endswith("une loi. Claire Aubertin a déclaré :")
    assert " ".join(text[:start].split()).endswith(before[2:] + " «")  # the text's own words
    assert after.startswith(" Elle a ensuite rencontré") and after.endswith(" …")
    assert "Contact presse" not in after  # a blank line ends the paragraph


def test_a_cue_joined_from_two_places_is_found_as_the_text_writes_it():
    text = ("Madame la ministre, vous avez même expliqué qu'il avait supplanté ceux de « père "
            "et mère ». Ce n'est pas exact.")
    start = text.index("père")
    quote = Quote("père et mère", start, start + len("père et mère"), None, None,
                  "vous expliqué")
    assert find_cue(text, quote) == "vous avez même expliqué"


def test_a_debate_turn_s_own_words_say_it_is_the_turn():
    text = "Et je lui dis : « Mais, madame, est-ce que ce n'est pas un peu égoïste ? »"
    start = text.index("Mais")
    quote = Quote("Mais, madame, est-ce que ce n'est pas un peu égoïste ?", start,
                  text.index(" »"), "Hervé Mariton", None, "orateur")
    turn = Document("t", "seance.xml", "tei", text, kind="débat", quotes=[quote])
    assert evidence(turn, quote) == {
        "before": "Et je lui dis :", "after": "", "cue": None,
        "basis": "son tour de parole, aucun autre indice"}


# --- search hits and verdicts ----------------------------------------------------------------

def test_a_quotation_hit_carries_the_evidence_of_its_document(demo):  # noqa: F811
    hit = search(demo, SearchRequest(q=f'"{FUND}"', quotes=True)).hits[0]
    doc = demo.document(hit["document_id"])
    quote = next(q for q in doc.quotes if FUND in q.text)
    assert hit["attribution"] == evidence(doc, quote)
    assert hit["attribution"]["cue"] == "Selon Malik Benhaddou"


def test_a_document_hit_has_no_attribution(demo):  # noqa: F811
    hit = search(demo, SearchRequest(q="fonds de soutien juridique")).hits[0]
    assert "attribution" not in hit


def test_a_verdict_shows_the_quotation_holding_the_passage_and_its_evidence(demo):  # noqa: F811
    result = verify(demo, PLAN)
    doc = demo.document(result["document_id"])
    quote = next(q for q in doc.quotes if PLAN in q.text)
    assert result["attribution"] == {"quote": quote.text, **evidence(doc, quote)}
    assert verify(demo, "la pomme de terre pousse mieux sous la neige")["attribution"] is None


# --- the web: pages (no script needed), JSON, CSV ----------------------------------------------

def test_the_citations_view_shows_the_words_around_and_why(client):  # noqa: F811
    html = client.get("/", query_string={"q": f'"{FUND}"', "quotes": "1"}).get_data(
        as_text=True)
    block = html[html.index('<div class="evidence">'):]
    block = block[:block.index("</div>")]
    assert '<span class="context-before">… ' in block
    assert _text(block).startswith("… ")
    assert "Selon Malik Benhaddou, directeur général, «\u00a0un fonds de soutien juridique" in (
        _text(block))
    assert _text(block).endswith("Attribution indice : « Selon Malik Benhaddou »")


def test_the_api_returns_the_evidence_as_is(client, demo):  # noqa: F811
    data = client.get("/api/search", query_string={"q": f'"{FUND}"', "quotes": "1"}).get_json()
    hit = data["results"][0]
    expected = search(demo, SearchRequest(q=f'"{FUND}"', quotes=True)).hits[0]["attribution"]
    assert hit["attribution"] == expected
    assert set(hit["attribution"]) == {"before", "after", "cue", "basis"}


def test_the_verifier_page_and_api_show_the_evidence(client):  # noqa: F811
    html = client.post("/verifier", data={"q": PLAN}).get_data(as_text=True)
    text = _text(html[html.index('<div class="evidence">'):])
    assert "a déclaré Claire Aubertin, présidente de la FRV. «\u00a0Un plan sans calendrier" in text
    assert ("Attribution aucun indice proche : la personne dont parle le passage, « Claire "
            "Aubertin » plus haut") in text
    data = client.get("/api/verify", query_string={"q": PLAN}).get_json()
    assert data["attribution"]["quote"].startswith(PLAN)
    assert data["attribution"]["basis"] == (
        "aucun indice proche : la personne dont parle le passage, « Claire Aubertin » plus haut")


def read_csv(response) -> list[dict[str, str]]:
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_the_quotations_csv_has_the_words_around_each_quotation(client, demo):  # noqa: F811
    rows = read_csv(client.get("/export.csv", query_string={"q": f'"{FUND}"', "quotes": "1"}))
    assert list(rows[0]) == list(QUOTE_CSV_COLUMNS)
    hit = search(demo, SearchRequest(q=f'"{FUND}"', quotes=True)).hits[0]
    assert rows[0]["context_before"] == hit["attribution"]["before"]
    assert rows[0]["context_after"] == "."
    # a documents' export keeps its columns
    documents = read_csv(client.get("/export.csv", query_string={"q": "fonds de soutien"}))
    assert list(documents[0]) == list(CSV_COLUMNS)


def test_the_words_around_cannot_start_a_spreadsheet_formula():
    hit = {"id": "x-q0", "quote": "Tout le monde dit oui",
           "attribution": {"before": "=HYPERLINK(\"http://x\") a dit :", "after": "-1 ce soir",
                           "cue": None, "basis": "aucun indice relevé"}}
    cells = next(csv.reader([csv_line(_csv_row(hit, lambda _: "", quotes=True))]))
    assert cells[-2:] == ["'=HYPERLINK(\"http://x\") a dit :", "'-1 ce soir"]


# --- the command line ----------------------------------------------------------------------

def test_the_command_line_shows_why_and_the_words_around(demo_index):  # noqa: F811
    from click.testing import CliRunner

    from indexer.cli import main

    runner = CliRunner()
    found = runner.invoke(main, ["search", "--quotes", "fonds de soutien juridique",
                                 "--index", str(demo_index)])
    assert found.exit_code == 0, found.output
    assert "   Attribution : indice : « Selon Malik Benhaddou »" in found.output
    assert "Selon Malik Benhaddou, directeur général, « … »." in found.output
    checked = runner.invoke(main, ["verify", PLAN, "--index", str(demo_index)])
    assert "   Citation de : Claire Aubertin" in checked.output
    assert "   Dans un texte de : Fédération des Rivières Vivantes" in checked.output
    # her second quotation: the first one and its cue stand right before it
    assert "a déclaré Claire Aubertin, présidente de la FRV. « … »" in checked.output
    table = runner.invoke(main, ["verify", PLAN, "--csv", "--index", str(demo_index)])
    row = next(csv.DictReader(io.StringIO(table.output)))
    assert row["quote_speaker"] == "Claire Aubertin"
    assert row["attribution"] == evidence(*demo_quote(PLAN_EAU, PLAN))["basis"]


# --- bounded, whatever the documents hold ------------------------------------------------------

def test_a_cue_is_looked_up_without_trying_every_way_of_skipping_words():
    # A document may repeat a cue's words without end (« a a a … »): each word of the cue is
    # taken where it first stands within the gap, never tried again after a later word fails.
    # At 3f022f4 the gaps backtracked: 5 ** 30 ways for this cue, a search that never ends.
    text = "a " * 2000 + "« bonjour tout le monde » " + "a " * 2000
    start = text.index("bonjour")
    cue = " ".join(["a"] * 30 + ["dit"])
    assert find_cue(text, Quote("bonjour tout le monde", start, start + 21, "X", None, cue)) is None
    assert _cue_pattern(cue).pattern.count("(?>") == 30  # every gap atomic
    # the words in between are still skipped where the text puts them
    doc, quote = demo_quote(MARCHETTI, FUND)
    assert evidence(doc, quote)["cue"] == "Selon Malik Benhaddou"
