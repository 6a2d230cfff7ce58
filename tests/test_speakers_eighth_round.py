"""The speakers of a document, eighth round (issue 11): what the extractor missed on the
documents no rule had been tuned on (the held-out halves of parts A to G, promoted to
development material in session 8; families in /work/notes/s8/speaker-families.md).

* an open letter's list of signatories goes on past an organisation written with its acronym
  (« Centre national de coopération au développement, CNCD ») or in sentence case (« Les
  économistes atterrés »); an acronym that abbreviates no word of the name stays in it
  (« Syndicat National des Journalistes – CGT » is not the SNJ);
* a joint statement of France and other countries is spoken by the French minister or
  president who held the function that day (learnt from the file's titles) and by the other
  countries' people the text names with their function, not by the ministry publishing it;
* a report quoting someone in a block without quotation marks (« X a conclu … par un
  message fort : » then a paragraph of his words) has that person as a speaker;
* a scanned release whose OCR ran « COMMUNIQUÉ DE PRESSE », the headline and the dateline into
  one line is a communiqué, titled by that headline, spoken by the organisation it names;
* a letter addressed to a newspaper's editors is an op-ed (`tribune`);

The shared passages are read in place (the tests skip, saying why, when the shared corpus is
absent, and fail under VERBATIM_REQUIRE_SHARED=1).
"""

from indexer.document import Document
from indexer.extract.signatories import Signatory, signatories
from indexer.extract.titles import parse_title
from tests.shared_docs import VIE_PUBLIQUE, VIE_PUBLIQUE_2023, extracted, shared_document
from tests.test_extract_releases import demo_document

STOP_SECRETS = "luxleaks-communiques/markdown/2016-05-23-stop-trade-secrets.html.md"
SCAN = "scans/2022-02-03-captage-des-greves-scan.pdf"


def names(doc: Document) -> list[str]:
    return [s.name for s in doc.speakers]


# --- An open letter's signatories ------------------------------------------------------------


def test_an_organisation_with_its_acronym_after_a_comma_does_not_end_the_list():
    found = signatories(
        "Signataires\n\n * Attac\n * CCFD- Terre Solidaire\n"
        " * Centre national de coopération au développement, CNCD\n * CFDT Cadres\n"
    )
    # three lower-case words would read as a sentence; the acronym vouches for a body
    assert [s.name for s in found] == [
        "Attac", "CCFD- Terre Solidaire", "Centre national de coopération au développement",
        "CFDT Cadres",
    ]  # fmt: skip


def test_a_name_in_sentence_case_stays_in_the_list_when_a_name_follows():
    found = signatories(
        "Signataires\n\n * Les Amis de la Terre\n * Les économistes atterrés\n"
        " * Ligue des Droits de l'Homme\n\nLe texte complet de la lettre est en ligne."
    )
    assert found[1] == Signatory("Les économistes atterrés", None, True)
    assert len(found) == 3  # the sentence after the list ends it
    # at the end of the list, the same shape is what comes next, not a signatory
    assert signatories("Signataires\n\n * Attac\n * Sherpa\n\nLe texte complet") == [
        Signatory("Attac", None, True), Signatory("Sherpa", None, True)
    ]  # fmt: skip


def test_an_acronym_that_is_no_abbreviation_of_the_name_stays_in_it():
    found = signatories(
        "Signataires\n\n * Fédération Européenne des Services Publics (EPSU)\n"
        " * Syndicat National des Journalistes – CGT\n * Peuples Solidaires – ActionAid\n"
        " * Confédération Générale du Travail – CGT\n * Sherpa (France)\n"
    )
    assert [s.name for s in found] == [
        "Fédération Européenne des Services Publics (EPSU)",  # the English initials
        "Syndicat National des Journalistes – CGT",  # the CGT's union, not the SNJ
        "Peuples Solidaires – ActionAid",
        "Confédération Générale du Travail",  # « CGT » abbreviates it
        "Sherpa",  # a country is no part of the name
    ]


def test_the_open_letter_against_trade_secrets_is_spoken_by_its_54_organisations():
    doc = extracted(shared_document(STOP_SECRETS), "speakers", "kind")
    assert doc.kind == "tribune"
    # « Plus de 50 organisations … adressent une lettre ouverte »: the list under « ##
    # Signataires » holds 52 lines, from Anticor to WeMove.eu (it stopped at the eighth)
    assert len(doc.speakers) == 52
    assert names(doc)[-1] == "WeMove.eu"
    assert "Les économistes atterrés" in names(doc)
    assert "Comité de soutien à Antoine Deltour" in names(doc)
    assert "Syndicat National des Journalistes – CGT" in names(doc)


# --- Joint statements of several countries ---------------------------------------------------


def test_a_joint_title_names_the_french_function_and_the_partner_countries():
    info = parse_title(
        "Déclaration conjointe des ministres des affaires étrangères de la France, de "
        "l'Allemagne et du Royaume-Uni sur le nucléaire iranien, le 20 septembre 2020."
    )
    assert (info.functions, info.partners) == (
        ["ministre des affaires étrangères"], ["Allemagne", "Royaume-Uni"]
    )  # fmt: skip
    info = parse_title("Déclaration conjointe de la France et du Costa Rica sur la Conférence "
                       "Océan des Nations unies, le 24 mars 2023.")  # fmt: skip
    # countries alone: who signed is for the text to say (« Le Président de la République a
    # reçu … »), below
    assert (info.functions, info.partners) == ([], ["Costa Rica"])
    # two ministries are no countries: the title names bodies, read as before
    info = parse_title(
        "Communiqué conjoint du ministère de l'Europe et des affaires étrangères de la "
        "République française et du ministère du commerce, de l'industrie et du tourisme de la "
        "République de Colombie, sur l'accord"
    )
    assert info.partners == [] and info.bodies == [
        "Ministère de l'Europe et des affaires étrangères"
    ]


def test_the_french_foreign_minister_speaks_a_joint_statement_not_his_ministry():
    doc = shared_document(VIE_PUBLIQUE, "Déclaration conjointe des ministres des affaires "
                          "étrangères de la France, de l'Allemagne et du Royaume-Uni")  # fmt: skip
    assert [s.name for s in doc.speakers] == ["Ministère de l'Europe et des Affaires étrangères"]
    doc = extracted(doc)  # the source's list names the ministry that publishes it
    # « M. Jean-Yves Le Drian, ministre de l'Europe et des affaires étrangères » in the titles of
    # the same weeks; the German and British ministers are not named in the text: who held
    # the office on the date (session 17, test_document_speakers_seventeenth_round.py)
    assert names(doc) == ["Jean-Yves Le Drian", "Heiko Maas", "Dominic Raab"]


def test_both_presidents_speak_a_joint_declaration_of_two_countries():
    doc = shared_document(VIE_PUBLIQUE_2023, "Déclaration conjointe de la France et du Costa Rica")
    doc = extracted(doc, "speakers")
    # « Le Président de la République a reçu, ce vendredi 24 mars 2023, le Président de la
    # République du Costa Rica, M. Rodrigo Chaves Robles. »
    assert [(s.name, s.function) for s in doc.speakers] == [
        ("Emmanuel Macron", "président de la République"),
        ("Rodrigo Chaves Robles", "Président de la République du Costa Rica"),
    ]
    # the same title over a text naming no French president names no French speaker
    doc.text = doc.text.replace("Le Président de la République a reçu", "Paris a reçu")
    doc.speakers = []
    assert names(extracted(doc, "speakers")) == ["Rodrigo Chaves Robles"]


# --- People quoted in a report ---------------------------------------------------------------


def test_a_person_quoted_in_a_block_without_marks_speaks_in_the_report():
    for source in (
        "luxleaks-communiques/html/2015-06-05-taxe-committee.html",
        "luxleaks-communiques/markdown/2015-06-05-taxe-committee.html.md",
    ):
        doc = extracted(shared_document(source), "speakers", "kind")
        # « Le président de la commission spéciale Alain Lamassoure (groupe PPE, centre-droit)
        # a conclu l'heure d'échange par un message fort : » then « vous avez initié un
        # nouveau type de citoyenneté, … » (the page's block quotation, no marks)
        assert "Alain Lamassoure" in names(doc), source
        # the people the post only names are no speakers
        assert "Antoine Deltour" not in names(doc)


# --- Kinds and titles ------------------------------------------------------------------------


def test_a_scanned_release_run_into_one_line_is_a_communique_of_its_organisation():
    doc = extracted(demo_document(SCAN), "speakers", "kind", "title")
    assert doc.text.startswith("COMMUNIQUÉ DE PRESSE Captage des Grèves")  # the OCR's one line
    assert doc.kind == "communiqué"
    assert doc.title == "Captage des Grèves : la FRV demande une enquête publique"
    # « La Fédération des Rivières Vivantes (FRV) demande au préfet … » opens the lead
    assert names(doc) == ["Fédération des Rivières Vivantes", "Claire Aubertin"]


def test_a_letter_to_a_newspapers_editors_is_a_tribune():
    doc = shared_document(VIE_PUBLIQUE, "Lettre de M. Emmanuel Macron", "Financial Times")
    doc = extracted(doc, "speakers", "kind")
    assert doc.kind == "tribune"
    assert names(doc) == ["Emmanuel Macron"]
    # a letter to a person its title says who writes is a tribune too (part S, annotated blind
    # in session 17, as part A's letter; was no kind)
    other = shared_document(VIE_PUBLIQUE, "Lettre de M. Emmanuel Macron", "David Sassoli")
    assert extracted(other, "kind").kind == "tribune"
