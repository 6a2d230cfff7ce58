"""A quotation misremembered, pasted with who said it: `verify` shows what that person said.

A journalist pastes « selon Gérald Darmanin, la France est en guerre contre l'islamisme ». No
text says it word for word. The closest passage of all is a deputy's in the 2013 debate on
marriage, « la France est en guerre et nous » (71 %: two of the four main words typed), and
`verify` used to answer with it and the note « Vous donnez ces mots à Gérald Darmanin : la
source les donne à Philippe Cochet » — as if the attribution were wrong, when Gérald Darmanin
said on Europe 1 (19 October 2020) « la guerre contre l'islamisme » and on RTL « nous sommes en
guerre contre cette idéologie islamiste ».

Now, when a line names who said it and no passage holds it word for word, the records of that
person (as `speaker:` selects them) are looked through too (`Engine.author_passages`, eight at
most, aligned more loosely: `indexer.passages.find_loose`). Their passage is shown when the
source gives it to them and it holds three fifths of the typed terms or more (stems, stop
words aside: `term_share`), no fewer than the closest passage's less one in ten; the closest
passage of someone else stays beside it (`closer`, and named in the note). A passage of theirs
60 % close or more is « Ce sont bien les mots de … »; a looser one is said to be theirs, not
the words typed.

The Darmanin example reads the shared corpus's index (skipped when absent); the others the
demo corpus, through the command line and the HTTP API.
"""

import json

from click.testing import CliRunner

from indexer.cli import main
from indexer.passages import term_share
from tests.conftest import verify_json

DARMANIN = "selon Gérald Darmanin, la France est en guerre contre l'islamisme"
# Sophie Lemaire-Dufour's interview (Nantes, 20 June 2023) says « d'aider les exploitations à
# changer d'assolement, vers des cultures moins gourmandes en eau l'été. Enfin, de restaurer
# les zones humides »; the federation's release on the Lisson dam (5 September 2023) « un plan
# de conversion vers des cultures moins gourmandes en eau, la restauration des zones humides »
SOPHIE = ("Sophie Lemaire-Dufour : « aider les exploitations vers des cultures moins gourmandes "
          "en eau et la restauration des zones humides »")
SAID_BY_SOPHIE = ("d'aider les exploitations à changer d'assolement, vers des cultures moins "
                  "gourmandes en eau l'été. Enfin, de restaurer les zones humides")
RELEASE = "plan de conversion vers des cultures moins gourmandes en eau, la restauration des " \
    "zones humides"


def test_what_the_typed_words_say_is_counted_by_their_stems():
    typed = "la France est en guerre contre l'islamisme"
    assert term_share(typed, "nous sommes en guerre contre cette idéologie islamiste") == 0.75
    assert term_share(typed, "la France est en guerre et nous") == 0.5


def test_the_minister_s_words_come_before_a_deputy_s_closer_ones(shared_index):
    found = verify_json(shared_index[0], DARMANIN)
    assert found["title"].startswith("Interview de M. Gérald Darmanin")
    assert "guerre contre" in found["passage"]
    assert found["note"].startswith("Gérald Darmanin n'a pas dit ces mots tels quels selon les "
                                    "textes de l'index : voici ses mots les plus proches, qui "
                                    "reprennent 3 des 4 mots principaux de votre citation.")
    assert "la source les donne à" not in found["note"]


def test_her_own_words_are_shown_and_the_release_s_closer_ones_beside(demo_index_shared):
    found = verify_json(demo_index_shared, SOPHIE)
    assert found["passage"] == SAID_BY_SOPHIE
    assert found["title"] == "« L'eau n'est pas un stock, c'est un cycle »"
    assert found["verdict"] == "close" and found["similarity"] == 0.6
    assert found["note"] == (
        "Ce sont bien les mots de Sophie Lemaire-Dufour selon la source. Un passage plus proche "
        "de vos mots (à 75\u00a0%), signé Fédération des Rivières Vivantes, 2023-09-05 : "
        f"« {RELEASE} ».")
    closer = found["closer"]
    assert closer["passage"] == RELEASE and closer["similarity"] == 0.75
    assert closer["title"] == "Barrage du Lisson : un projet d’un autre siècle"
    assert closer["url"].startswith(f"http://127.0.0.1:8000/doc/{closer['document_id']}?passage=")


def test_the_command_line_prints_her_words_and_names_the_closer_source(demo_index_shared):
    shown = CliRunner().invoke(main, ["verify", "--index", str(demo_index_shared), SOPHIE])
    assert shown.exit_code == 0, shown.output
    printed = shown.output.replace("\u00a0", " ")
    assert f"Passage : « {SAID_BY_SOPHIE} »" in printed
    assert "Orateur : Sophie Lemaire-Dufour" in printed
    assert "Vous donnez ces mots" not in printed
    assert f"signé Fédération des Rivières Vivantes, 2023-09-05 : « {RELEASE} »" in printed


def test_the_api_and_the_page_give_the_same_verdict(demo_client):
    found = demo_client.get("/api/verify", query_string={"q": SOPHIE}).get_json()
    assert found["passage"] == SAID_BY_SOPHIE and found["closer"]["passage"] == RELEASE
    page = demo_client.post("/verifier", data={"q": SOPHIE}).get_data(as_text=True)
    assert "Plus proche de vos mots, à 75" in page
    assert "zones humides" in page and "Ce sont bien les mots de Sophie Lemaire-Dufour" in page


def test_someone_who_said_nothing_near_is_still_told_whose_words_they_are(demo_index_shared):
    # Denis Carrel's records say nothing of crops or wetlands: the release's words stand, and
    # the note still gives them to the federation
    found = verify_json(demo_index_shared, SOPHIE.replace("Sophie Lemaire-Dufour", "Denis Carrel"))
    assert found["closer"] is None
    assert found["note"].startswith("Vous donnez ces mots à Denis Carrel : la source les donne à")


def test_words_said_word_for_word_are_not_looked_for_elsewhere(demo_index_shared):
    found = verify_json(demo_index_shared, f"Sophie Lemaire-Dufour : « {SAID_BY_SOPHIE} »")
    assert found["verdict"] == "exact" and found["closer"] is None
    assert found["note"] == "Ce sont bien les mots de Sophie Lemaire-Dufour selon la source."


def test_json_lists_carry_the_closer_field_even_when_nothing_is_found(demo_index_shared):
    shown = CliRunner().invoke(main, ["verify", "--index", str(demo_index_shared), "--json",
                                      "Zorglub : « abracadabrantesque xylophone"
                                      " quintessence hippopotame »"])
    (found,) = json.loads(shown.stdout)
    assert found["verdict"] == "not_found" and found["closer"] is None


def test_the_closer_passage_s_author_is_named_with_french_elision(tmp_path):
    # a closer passage of Émilie Arnaud: « d'Émilie Arnaud », not « de Émilie Arnaud »
    from indexer.indexing import index_paths

    docs = tmp_path / "documents"
    docs.mkdir()
    (docs / "2023-06-20-discours-lemaire-dufour.md").write_text(
        "---\ntitle: \"Discours sur l'eau\"\nauthor: Sophie Lemaire-Dufour\ndate: 2023-06-20\n"
        "category: discours\n---\n\nIl faudra aider les exploitations à changer d'assolement, "
        "vers des cultures moins gourmandes en eau l'été. Enfin, de restaurer les zones "
        "humides de la vallée.\n", encoding="utf-8")
    (docs / "2023-09-05-discours-arnaud.md").write_text(
        "---\ntitle: \"Discours sur le barrage\"\nauthor: Émilie Arnaud\ndate: 2023-09-05\n"
        "category: discours\n---\n\nNous demandons un plan de conversion vers des cultures "
        "moins gourmandes en eau, la restauration des zones humides et un moratoire.\n",
        encoding="utf-8")
    index_paths([docs], tmp_path / "index")
    found = verify_json(tmp_path / "index", SOPHIE)
    assert found["closer"]["speakers"][0]["name"] == "Émilie Arnaud"
    assert "), d'Émilie Arnaud, 2023-09-05 : « " in found["note"]
