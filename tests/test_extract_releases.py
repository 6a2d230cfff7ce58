"""Releases, posts and op-eds on real documents (issue 11, families 3 and 5).

The speaker of a communiqué is the organisation issuing it (front matter, « Contact presse »
block, letterhead, the body heading its lead, signatures) plus the people it quotes; a
person's name inside the organisation's name is not that person speaking. A release without
a title gets the headline its first lines carry; a news post is an `article`; a signed op-ed
is a `tribune` whose speakers are its signatories.
"""

from pathlib import Path

from indexer.documents import document_from_record, source_of
from indexer.extract import SGG
from indexer.extract.people import find_mentions
from indexer.readers import format_of, read_records
from tests.shared_docs import VIE_PUBLIQUE, VIE_PUBLIQUE_2023, extracted, shared_document

DEMO = Path(__file__).resolve().parent.parent / "corpus" / "documents"
COMMITTEE = "Comité de soutien à Antoine Deltour"
DRUPAL_KIT = "drupalfr-dcrennes2024-presse/dossier_presse_dcrennes_2024.pdf"


def demo_document(name: str, title: str | None = None):
    path = DEMO / name
    for record in read_records(path):
        doc = document_from_record(record, source_of(path, DEMO), format_of(path), str(DEMO))
        if title is None or (doc.title or "").startswith(title):
            return doc
    raise LookupError(name)


def names(doc) -> list[str]:
    return [s.name for s in doc.speakers]


# --- Family 3: communiqués --------------------------------------------------------------------


def test_the_contact_block_names_the_issuer_of_a_page_without_front_matter():
    doc = extracted(shared_document("luxleaks-communiques/html/2017-11-21-pr-cassation.html"))
    assert doc.kind == "communiqué"
    assert names(doc) == [COMMITTEE]


def test_the_letterhead_names_the_issuer_of_a_pdf_release():
    doc = extracted(shared_document("luxleaks-communiques/pdf/2017-03-07-pr-FR-verdict-appel.pdf"))
    assert names(doc) == [COMMITTEE]


def test_a_name_inside_an_organisations_name_is_no_person_speaking():
    doc = shared_document("luxleaks-communiques/markdown/2017-11-21-pr-cassation.html.md")
    start = doc.text.index(COMMITTEE)
    at = [m for m in find_mentions(doc.text) if start <= m.start < start + len(COMMITTEE)]
    assert [(m.name, m.body) for m in at] == [(COMMITTEE, True)]


def test_a_letterhead_opening_a_press_kit():
    doc = extracted(shared_document(DRUPAL_KIT))
    assert doc.kind == "dossier de presse"
    assert names(doc)[0] == "Association Drupal France"


def test_the_body_heading_the_lead_issues_the_release():
    doc = extracted(demo_document("html/2022-09-27-soutien-julien-marchetti.html"))
    # « Communiqué — Lyon, 27 septembre 2022 », then « La Fédération des Rivières Vivantes
    # (FRV) apporte son soutien plein et entier à Julien Marchetti… »
    assert doc.kind == "communiqué"
    assert names(doc)[0] == "Fédération des Rivières Vivantes"
    assert "Julien Marchetti" in names(doc)


def test_the_issuer_joins_the_people_the_source_lists():
    doc = extracted(demo_document("exports/communiques.jsonl", "Assemblée générale à Strasbourg"))
    assert doc.kind == "communiqué"  # no category, but a dateline opening the text
    assert names(doc) == ["Fédération des Rivières Vivantes", "Claire Aubertin"]


def test_the_signatories_of_a_joint_declaration_speak():
    doc = extracted(shared_document(VIE_PUBLIQUE, "Communiqué de la Présidence de la République, "
                                    "en date du 16 octobre 2020"))
    assert names(doc)[0] == "Présidence de la République"
    assert {"Emmanuel Macron", "Mark Rutte", "Sanna Marin", "Pedro Sanchez"} <= set(names(doc))
    assert len(names(doc)) == 12


def test_european_council_conclusions_are_its_communique():
    doc = extracted(shared_document(VIE_PUBLIQUE, "Conclusions du Conseil européen"))
    assert (doc.kind, names(doc)) == ("communiqué", ["Conseil européen"])


def test_a_conseil_des_ministres_item_is_spoken_by_the_presenting_ministers():
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, "Conseil des ministres du 22 mars 2023",
                                    "réindustrialisation"))
    assert SGG not in names(doc)
    assert names(doc) == ["Bruno Le Maire", "Roland Lescure"]


def test_a_trial_report_is_spoken_by_the_committee_writing_it_and_the_people_it_quotes():
    doc = extracted(shared_document("luxleaks-communiques/markdown/2017-01-10-appeal-day5.html.md"))
    assert doc.kind == "article"  # a news post: no category, no release heading
    assert names(doc)[0] == COMMITTEE  # « author: Comité de soutien à Antoine », completed
    assert {"John Petry", "William Bourdon", "Philippe Penning"} <= set(names(doc))


# --- Family 5: titles and kinds ---------------------------------------------------------------


def test_a_pdf_release_gets_the_headline_after_its_letterhead_as_title():
    doc = extracted(shared_document("luxleaks-communiques/pdf/2017-03-07-pr-FR-verdict-appel.pdf"))
    # « Communiqué de presse / Comité de soutien à Antoine Deltour / 15 mars : … / Vers un
    # changement d'ère … ? / Épinal, le 8 mars 2016 »
    assert doc.title == "15 mars : prononcé du verdict du procès en appel « LuxLeaks »"
    assert "title" in doc.inferred


def test_a_plain_text_release_gets_its_headline_as_title():
    doc = extracted(demo_document("txt/2022-08-10-secheresse-sauvetage-poissons.txt"))
    assert doc.title.startswith("Sécheresse : la FRV ouvre un fonds d’urgence")


def test_a_news_post_is_an_article():
    doc = extracted(shared_document("luxleaks-communiques/html/2016-04-26-trial-day1.html"))
    assert doc.kind == "article"


def test_a_signed_op_ed_is_a_tribune_spoken_by_its_signatories():
    doc = extracted(shared_document("luxleaks-communiques/markdown/2015-03-10-opinion.html.md"))
    assert doc.kind == "tribune"  # the blog filed it as an « article »
    assert names(doc)[:3] == ["Isabelle Attard", "Pascal Canfin", "Emmanuel Chaumery"]
    assert len(names(doc)) == 14
    assert "Soutien À Antoine Deltour" not in names(doc)
    assert doc.speakers[0].function == "députée (Nouvelle Donne)"


def test_a_datelines_mistyped_year_is_corrected_by_the_file_name():
    doc = extracted(shared_document("luxleaks-communiques/pdf/2017-03-07-pr-FR-verdict-appel.pdf"))
    # « Épinal, le 8 mars 2016 » about the verdict of 15 March 2017, in a file of 2017-03-07
    assert doc.date == "2017-03-08"


def test_a_minister_named_by_what_she_is_in_charge_of_presents_the_item():
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, "Conseil des ministres du 28 mars 2023",
                                    "titres d'identité"))
    # « … la ministre déléguée auprès du ministre de l'intérieur …, chargée des collectivités
    # territoriales, et …, chargée de la ruralité, ont présenté une communication … »; another
    # title of the file names « Mme Dominique Faure, secrétaire d'État chargée de la ruralité »
    assert "Dominique Faure" in names(doc)


def test_people_given_words_together_speak_though_neither_alone_said_them():
    doc = extracted(shared_document("luxleaks-communiques/markdown/2017-01-10-appeal-day5.html.md"))
    # « Me Christel Hénon et Me Olivier Chappuis appellent naturellement « une ultime fois » … »
    quote = [q for q in doc.quotes if q.text == "une ultime fois"][0]
    assert (quote.is_speech, quote.speaker) == (True, None)
    assert {"Christel Hénon", "Olivier Chappuis"} <= set(names(doc))


def test_the_signature_block_names_the_issuer_not_the_body_the_release_is_about():
    doc = extracted(shared_document(
        "luxleaks-communiques/pdf/2016-01-28-pr-prix-ethique-anticor-FR.pdf"
    ))
    # the lead: « l'association Anticor remet à Antoine Deltour l'un de ses Prix éthiques »;
    # the last lines: « Comité de soutien à Antoine Deltour BP 1006 … »
    assert names(doc)[0] == COMMITTEE
    assert "Association Anticor" not in names(doc)


def test_a_general_meeting_is_no_organisation():
    doc = extracted(shared_document("luxleaks-communiques/html/2017-03-22-invitation-ag.html"))
    assert not [n for n in names(doc) if n.startswith("Assemblée générale")]
