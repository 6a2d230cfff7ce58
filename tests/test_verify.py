"""Verifying a quotation: the verdict, the source's words, the diff, who said it, where.

Through `indexer.verify` (the plain data every layer shares) and `verbatim verify`, on the
demo corpus and on real speeches of the shared corpus.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.document import Document, Quote, Speaker
from indexer.search import open_catalog
from indexer.verify import (
    attribution_note,
    differences,
    quote_at,
    read_quotes,
    render_text,
    same_person,
    verify,
    verify_many,
)

CONTRACT = {"query", "verdict", "similarity", "passage", "diff", "document_id", "title", "date",
            "place", "kind", "speakers", "quote_speaker", "attribution", "source", "url",
            "closer", "note"}
# Claire Aubertin's words in the demo corpus (markdown/2024-02-02-plan-eau-reaction.md):
# « Un plan sans calendrier, c’est une promesse qu’on pourra toujours repousser à l’été
# suivant. » remembered with one word changed.
MISREMEMBERED = ("un plan sans calendrier, c'est une promesse qu'on pourra toujours reporter "
                 "à l'été suivant")
PLAN_EAU = "markdown/2024-02-02-plan-eau-reaction.md"


@pytest.fixture(scope="module")
def demo_index(demo_index_shared):
    return demo_index_shared  # only read: searches and `verbatim verify`


@pytest.fixture(scope="module")
def demo(demo_index):
    catalog = open_catalog(demo_index)
    yield catalog
    catalog.close()


@pytest.fixture
def runner():
    return CliRunner()


# --- the verdicts --------------------------------------------------------------------------

def test_a_misremembered_quotation_is_close_with_what_differs(demo):
    result = verify(demo, MISREMEMBERED, "http://verbatim.test")
    assert set(result) == CONTRACT
    assert result["verdict"] == "close"
    assert 0.9 < result["similarity"] < 1
    assert result["passage"] == ("Un plan sans calendrier, c’est une promesse qu’on pourra "
                                 "toujours repousser à l’été suivant")
    changed = [d for d in result["diff"] if d["op"] != "equal"]
    assert changed == [{"op": "replace", "typed": "reporter", "source": "repousser"}]
    assert result["source"] == PLAN_EAU
    assert result["kind"] == "communiqué" and result["date"] == "2024-02-02"
    assert result["quote_speaker"]["name"] == "Claire Aubertin"
    assert result["quote_speaker"]["function"]  # lent by the document's speaker list
    assert result["note"] is None  # her own words
    assert result["url"].startswith(f"http://verbatim.test/doc/{result['document_id']}"
                                    "?passage=")
    assert result["url"].endswith("#passage")


def test_the_url_marks_the_source_words_in_the_document_text(demo):
    result = verify(demo, MISREMEMBERED)
    span = result["url"].split("passage=")[1].split("#")[0]
    start, end = map(int, span.split("-"))
    assert demo.document(result["document_id"]).text[start:end] == result["passage"]


def test_a_fragment_word_for_word_is_exact_even_inside_a_longer_quotation(demo):
    result = verify(demo, "Nous avons entendu de belles intentions")
    assert result["verdict"] == "exact" and result["similarity"] == 1.0
    assert result["diff"] == [{"op": "equal", "typed": "Nous avons entendu de belles intentions",
                               "source": "Nous avons entendu de belles intentions"}]
    assert result["source"] == PLAN_EAU


def test_typography_case_and_accents_do_not_count(demo):
    result = verify(demo, "UN PLAN SANS CALENDRIER C’EST UNE PROMESSE QU’ON POURRA TOUJOURS "
                          "REPOUSSER A L’ETE SUIVANT")
    assert result["verdict"] == "exact"


def test_a_missing_word_and_an_added_word_are_said(demo):
    dropped = verify(demo, "un plan sans calendrier, c'est une promesse qu'on pourra repousser "
                           "à l'été suivant")
    assert dropped["verdict"] == "close"
    assert {"op": "insert", "typed": "", "source": "toujours"} in dropped["diff"]
    added = verify(demo, "le Rhin nous oblige à travailler tous ensemble")
    assert added["verdict"] == "close"
    assert {"op": "delete", "typed": "tous", "source": ""} in added["diff"]
    assert differences(added["diff"]) == ["vous avez écrit «\u00a0tous\u00a0», absent du texte"]


def test_words_nobody_said_are_not_found(demo):
    result = verify(demo, "la pomme de terre pousse mieux sous la neige de printemps")
    assert result["verdict"] == "not_found"
    assert result["passage"] is None and result["diff"] == [] and result["url"] is None
    assert set(result) == CONTRACT


def test_empty_and_one_word_quotations_get_a_reason(demo):
    empty, one = verify_many(demo, ["   ", "rivière"])
    assert empty["verdict"] == one["verdict"] == "not_found"
    assert "vide" in empty["note"]
    assert "seul mot" in one["note"]


def test_a_very_long_quotation_is_cut_with_a_note(demo):
    result = verify(demo, " ".join([MISREMEMBERED] * 60))
    assert "premiers mots" in result["note"]
    assert result["verdict"] in {"close", "not_found"}


def test_a_short_quotation_counts_only_word_for_word(demo):
    assert verify(demo, "entendu de belles intentions")["verdict"] == "exact"
    nearly = verify(demo, "=1+1 formule")  # « 1/1 » in a PDF is not a quotation
    assert nearly["verdict"] == "not_found"
    assert "Citation courte" in nearly["note"]


def test_many_quotations_come_back_in_order(demo):
    quotes = ["Nous avons entendu de belles intentions", "rien de tout cela n'a été dit ici",
              MISREMEMBERED]
    results = verify_many(demo, quotes)
    assert [r["query"] for r in results] == quotes
    assert [r["verdict"] for r in results] == ["exact", "not_found", "close"]


# --- who said it: a quotation of someone else is not the speaker's own words ----------------

CHURCHILL = Document(
    "d1", "discours.txt", "txt",
    "Comme le disait Churchill : « il faut prendre le changement par la main ». Merci.",
    speakers=[Speaker("Emmanuel Macron", "président de la République")],
    quotes=[Quote("il faut prendre le changement par la main", 29, 71, "Winston Churchill")])


def test_a_passage_inside_someone_elses_quotation_gets_a_note():
    quoted = quote_at(CHURCHILL, 40, 60)
    assert quoted.speaker == "Winston Churchill"
    note = attribution_note(CHURCHILL, quoted)
    assert "Winston Churchill" in note and "pas ceux d'Emmanuel Macron" in note


def test_a_quotation_inside_a_tribune_counts_its_signatories_rather_than_naming_them_twice():
    """The tribune for Antoine Deltour (10 March 2015), signed by fourteen, quotes Pierre
    Moscovici: the page lists the signatories already; the note counts them."""
    text = ("Pierre Moscovici déclarait que les Luxleaks créaient « une opportunité et une "
            "responsabilité politique ».")
    start = text.index("une opportunité")
    signatories = ["Isabelle Attard", "Pascal Canfin", "Eva Joly", "Thomas Piketty",
                   "Edward Snowden"]
    tribune = Document("t", "tribune.md", "md", text, kind="tribune",
                       speakers=[Speaker(name, None) for name in signatories],
                       quotes=[Quote("une opportunité et une responsabilité politique", start,
                                     start + 47, "Pierre Moscovici")])
    note = attribution_note(tribune, tribune.quotes[0])
    assert note == ("Passage trouvé dans une citation de Pierre Moscovici, rapportée dans un "
                    "texte de 5 signataires : ce sont les mots de Pierre Moscovici, pas les "
                    "leurs.")


def test_no_note_outside_quotations_or_in_the_speakers_own_words():
    assert quote_at(CHURCHILL, 0, 15) is None
    assert attribution_note(CHURCHILL, None) is None
    own = Quote("il faut prendre le changement par la main", 29, 71, "M. Macron")
    assert attribution_note(CHURCHILL, own) is None


def test_an_unattributed_quotation_is_flagged():
    anonymous = Quote("il faut prendre le changement par la main", 29, 71, None)
    assert "pas identifié" in attribution_note(CHURCHILL, anonymous)


def test_scare_quotes_and_titles_are_not_quotations():
    title = Quote("il faut prendre le changement par la main", 29, 71, "Winston Churchill",
                  is_speech=False)
    doc = Document("d2", "x.txt", "txt", CHURCHILL.text, quotes=[title])
    assert quote_at(doc, 40, 60) is None


def test_same_person_compares_surnames_without_titles_or_accents():
    assert same_person("Olivier Véran", "M. Olivier Veran")
    assert same_person("Bruno Le Maire", "Le Maire")
    assert not same_person("Bruno Le Maire", "Maire Bruno")
    assert not same_person("Jean Dupont", "")


# --- files of quotations ----------------------------------------------------------------------

def test_a_text_file_has_one_quotation_per_line():
    assert read_quotes("première citation\n\n  deuxième  \r\n".encode()) == [
        "première citation", "deuxième"]


def test_a_csv_file_uses_its_citation_column_or_the_first():
    named = "id;citation;auteur\n1;« Nous avons entendu »;Aubertin\n2;Le Rhin;\n"
    assert read_quotes(named.encode("utf-8-sig"), "q.csv") == ["« Nous avons entendu »",
                                                               "Le Rhin"]
    first = 'nous avons entendu de belles intentions,2024\n"un plan, sans calendrier",2023\n'
    assert read_quotes(first.encode(), "Q.CSV") == ["nous avons entendu de belles intentions",
                                                    "un plan, sans calendrier"]


def test_a_windows_1252_file_is_read():
    assert read_quotes("l'été suivant".encode("cp1252")) == ["l'été suivant"]


# --- the command line -------------------------------------------------------------------------

def test_cli_verify_one_quotation_prints_verdict_words_speaker_and_link(runner, demo_index):
    result = runner.invoke(main, ["verify", "--index", str(demo_index), "--url",
                                  "https://verbatim.example", MISREMEMBERED])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Proche (à 93\u00a0%)" in out
    assert "vous avez écrit «\u00a0reporter\u00a0», le texte dit «\u00a0repousser\u00a0»" in out
    assert "Citation de : Claire Aubertin, présidente de la FRV" in out
    assert "Dans un texte de : Fédération des Rivières Vivantes" in out
    assert "Date du texte : 2024-02-02 · communiqué" in out
    assert f"Source : {PLAN_EAU}" in out
    assert "Lien : https://verbatim.example/doc/" in out


# html/2023-09-05-barrage-du-lisson.html: a release of the Fédération des Rivières Vivantes
# quoting its president and the mayor who defends the dam
LISSON_PROSE = ("Il barrerait la route aux truites qui remontent chaque automne vers les "
                "frayères du haut Lisson")
ROUSSEL = "Sans retenue, ce sont quarante exploitations qui disparaîtront d’ici dix ans"


def test_a_releases_own_words_are_its_issuers_not_the_people_it_quotes(runner, demo_index):
    """The mayor a federation's release quotes did not issue it: the « Orateur » of the
    release's own words, and its speakers in the JSON contract, are the federation alone."""
    out = runner.invoke(main, ["verify", "--index", str(demo_index), LISSON_PROSE]).output
    assert "   Orateur : Fédération des Rivières Vivantes\n" in out
    assert "Roussel" not in out and "Aubertin" not in out
    data = json.loads(runner.invoke(main, ["verify", "--index", str(demo_index), "--json",
                                           LISSON_PROSE]).output)[0]
    assert data["speakers"] == [{"name": "Fédération des Rivières Vivantes", "function": None}]
    assert data["quote_speaker"] is None
    claimed = runner.invoke(main, ["verify", "--index", str(demo_index),
                                   f"Jean-Pierre Roussel : « {LISSON_PROSE} »"]).output
    assert ("Note : Vous donnez ces mots à Jean-Pierre Roussel : la source les donne à "
            "Fédération des Rivières Vivantes.") in claimed


def test_a_quotation_in_a_release_is_its_authors_in_the_issuers_text(runner, demo_index):
    out = runner.invoke(main, ["verify", "--index", str(demo_index), ROUSSEL]).output
    assert ("   Citation de : Jean-Pierre Roussel, maire de Montclair\n"
            "   Dans un texte de : Fédération des Rivières Vivantes\n") in out
    assert "Orateur" not in out
    data = json.loads(runner.invoke(main, ["verify", "--index", str(demo_index), "--json",
                                           ROUSSEL]).output)[0]
    assert data["quote_speaker"] == {"name": "Jean-Pierre Roussel",
                                     "function": "maire de Montclair"}
    assert [s["name"] for s in data["speakers"]] == ["Fédération des Rivières Vivantes"]
    assert data["note"] is None  # a voice of the release: no warning that they are not his


def test_a_quotation_pasted_with_its_author_says_whether_the_source_agrees(demo):
    """Pasted as a post prints it, « Name : « … » »: the words between the marks are
    checked, and the name compared with who the source says said them."""
    said = verify(demo, f"Claire Aubertin : « {MISREMEMBERED} »")
    assert said["verdict"] == "close" and said["query"].startswith("Claire Aubertin : «")
    assert differences(said["diff"]) == [
        "vous avez écrit «\u00a0reporter\u00a0», le texte dit «\u00a0repousser\u00a0»"]
    assert said["note"].startswith("Ce sont bien les mots de Claire Aubertin selon la source.")
    other = verify(demo, f"Malik Benhaddou, directeur général : “{MISREMEMBERED}”")
    assert other["note"].startswith(
        "Vous donnez ces mots à Malik Benhaddou : la source les donne à Claire Aubertin.")


@pytest.mark.parametrize("pasted", [
    f"« {MISREMEMBERED} » (Claire Aubertin, février 2024)",
    f"“{MISREMEMBERED}”, a déclaré Claire Aubertin",
    f"Aubertin a dit {MISREMEMBERED}",
])
def test_an_author_printed_after_the_words_or_before_a_verb_is_compared_too(demo, pasted):
    """As articles print a quotation: the author after the words, or before « a dit »; typed
    without marks, the verb tells the words from the name."""
    said = verify(demo, pasted)
    assert said["verdict"] == "close"
    assert differences(said["diff"]) == [
        "vous avez écrit «\u00a0reporter\u00a0», le texte dit «\u00a0repousser\u00a0»"]
    assert said["note"].startswith("Ce sont bien les mots")


def test_cli_verify_names_who_the_source_gives_the_words_to(runner, demo_index):
    result = runner.invoke(main, ["verify", "--index", str(demo_index),
                                  f"Malik Benhaddou : « {MISREMEMBERED} »"])
    assert result.exit_code == 0, result.output
    assert "Proche (à 93\u00a0%)" in result.output
    assert ("Note : Vous donnez ces mots à Malik Benhaddou : la source les donne à Claire "
            "Aubertin.") in result.output


def test_cli_verify_does_not_call_a_reworded_quotation_absent(runner, demo_index):
    """Claire Aubertin said « Un plan sans calendrier, c’est une promesse qu’on pourra toujours
    repousser à l’été suivant »: reworded past the threshold, the verdict is « Introuvable »,
    and the line says what that means — not that no document holds it."""
    reworded = ("un plan sans aucun calendrier précis, ce n'est au fond qu'une promesse que "
                "l'on repoussera toujours à l'été d'après")
    result = runner.invoke(main, ["verify", "--index", str(demo_index), reworded])
    assert result.exit_code == 0, result.output
    assert ("Introuvable : aucun passage de l'index ne reprend au moins 60 % de ces mots dans "
            "cet ordre ; la citation n'y est pas, ou elle a été trop reformulée") in result.output
    assert "aucun document ne contient" not in result.output


def test_cli_verify_file_json_is_a_list_in_order(runner, demo_index, tmp_path):
    quotes = tmp_path / "citations.txt"
    quotes.write_text(f"{MISREMEMBERED}\nNous avons entendu de belles intentions\n\n"
                      "personne n'a jamais dit cette phrase ici\n", encoding="utf-8")
    result = runner.invoke(main, ["verify", "--index", str(demo_index), "--file", str(quotes),
                                  "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [d["verdict"] for d in data] == ["close", "exact", "not_found"]
    assert all(set(d) == CONTRACT for d in data)


def test_cli_verify_csv_file_to_csv(runner, demo_index, tmp_path):
    quotes = tmp_path / "citations.csv"
    quotes.write_text(f'numéro,quote\n1,"{MISREMEMBERED}"\n2,=SOMME(A1) injection\n',
                      encoding="utf-8")
    result = runner.invoke(main, ["verify", "--index", str(demo_index), "--file", str(quotes),
                                  "--csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["verdict"] for r in rows] == ["close", "not_found"]
    assert rows[0]["differences"] == "vous avez écrit «\u00a0reporter\u00a0», le texte dit " \
                                     "«\u00a0repousser\u00a0»"
    assert rows[0]["quote_speaker"] == "Claire Aubertin"
    assert rows[1]["query"].startswith("'=")  # no spreadsheet formula


def test_cli_verify_reads_standard_input(runner, demo_index):
    result = runner.invoke(main, ["verify", "--index", str(demo_index), "--file", "-",
                                  "--json"], input="Nous avons entendu de belles intentions\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["verdict"] == "exact"


@pytest.mark.parametrize("args", [[], ["--json", "--csv", "une citation"],
                                  ["une citation", "--file", "-"]])
def test_cli_verify_usage_errors_are_one_french_line(runner, demo_index, args):
    result = runner.invoke(main, ["verify", "--index", str(demo_index), *args], input="x\n")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "citation" in result.output or "--json" in result.output


def test_cli_verify_without_index_says_what_to_do(runner, tmp_path):
    result = runner.invoke(main, ["verify", "--index", str(tmp_path / "rien"), "des mots"])
    assert result.exit_code == 1
    assert "verbatim index" in result.output


def test_cli_verify_empty_file(runner, demo_index, tmp_path):
    empty = tmp_path / "vide.txt"
    empty.write_text("\n\n", encoding="utf-8")
    result = runner.invoke(main, ["verify", "--index", str(demo_index), "--file", str(empty)])
    assert result.exit_code == 1
    assert "aucune citation" in result.output


# --- real speeches of the shared corpus -------------------------------------------------------

def test_shared_le_maire_misremembered_is_close(shared_catalog):
    result = verify(shared_catalog,
                    "je vous conseille, dans la mesure du possible, le télétravail")
    assert result["verdict"] == "close"
    assert "Bruno Le Maire" in [s["name"] for s in result["speakers"]]
    assert result["kind"] == "interview"
    assert {"op": "replace", "typed": "conseille", "source": "recommande"} in result["diff"]
    assert {"op": "insert", "typed": "", "source": "toute"} in result["diff"]
    assert "le télétravail" in result["passage"]


def test_shared_veran_word_for_word_is_exact(shared_catalog):
    result = verify(shared_catalog, "tout le monde déteste la police")
    assert result["verdict"] == "exact"
    assert result["passage"].lower() == "tout le monde déteste la police"
    assert "Olivier Véran" in [s["name"] for s in result["speakers"]]
    assert result["kind"] == "interview"


def test_shared_a_president_quoting_churchill_is_not_churchill(shared_catalog):
    result = verify(shared_catalog, "Il faut prendre le changement par la main avant qu'il ne "
                                    "nous prenne par la gorge")
    assert result["verdict"] == "exact"
    assert [s["name"] for s in result["speakers"]] == ["Emmanuel Macron"]
    assert result["quote_speaker"]["name"] == "Winston Churchill"
    assert "Winston Churchill" in result["note"] and "Emmanuel Macron" in result["note"]


def test_shared_cli_batch_on_real_speeches(shared_index, tmp_path):
    quotes = tmp_path / "citations.txt"
    quotes.write_text("je vous conseille, dans la mesure du possible, le télétravail\n"
                      "tout le monde déteste la police\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "--index", str(shared_index[0]), "--file",
                                       str(quotes), "--json"])
    assert result.exit_code == 0, result.output
    assert [d["verdict"] for d in json.loads(result.output)] == ["close", "exact"]


def test_shared_the_whistleblowers_words_in_his_committees_release(shared_catalog):
    """The committee's release of 29 June 2015 quotes Antoine Deltour: his words, in a text
    of the « Comité de soutien à Antoine Deltour », which a name inside it does not make him."""
    result = verify(shared_catalog, "les institutions européennes jugent prioritaire de "
                                    "protéger les secrets d'affaires")
    assert result["verdict"] == "exact"
    assert result["quote_speaker"]["name"] == "Antoine Deltour"
    assert [s["name"] for s in result["speakers"]] == ["Comité de soutien à Antoine Deltour"]
    out = render_text(result)
    assert ("   Citation de : Antoine Deltour, lanceur d'alerte\n"
            "   Dans un texte de : Comité de soutien à Antoine Deltour\n") in out


def test_an_organisations_article_is_contracted_in_the_note(runner, demo_index):
    # the open letter of 18 June 2025, signed by « Les Jardins partagés de Montclair » and
    # « Les Amis des Zones Humides »: « les mots des Jardins… », « aux Amis… », not « de Les »,
    # « à Les »; a surname keeps its article (« de Le Pen »: `of`'s doctest)
    def note(q: str) -> str:
        out = runner.invoke(main, ["verify", "--index", str(demo_index), "--json", q]).output
        return json.loads(out)[0]["note"]

    assert note("Les Jardins partagés de Montclair nous sommes prêts à y prendre notre part") \
        == "Ce sont bien les mots des Jardins partagés de Montclair selon la source."
    assert note("Les Amis des Zones Humides : « Partager l'eau, c'est décider avant la crise, "
                "et non pendant »").startswith("Vous donnez ces mots aux Amis des Zones Humides")
