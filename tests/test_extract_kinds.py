"""Kinds: normalised labels from the source's category, the title, a heading, the text."""

import pytest

from indexer.document import Document
from indexer.extract import enrich_document
from indexer.extract.kinds import kind_from_heading, kind_from_title, normalise_kind
from indexer.extract.names import Aliases
from indexer.extract.themes import Thesaurus


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        (
            "Interview de M. Olivier Dussopt, ministre des comptes publics, à France info",
            "interview",
        ),
        ("Interview croisée de Mmes Geneviève Darrieussecq et Sarah El Haïry", "interview"),
        ('Entretien de M. Clément Beaune avec "Le Figaro" le 1er octobre 2020', "entretien"),
        ("Extraits d'un entretien de M. Jean-Yves Le Drian", "entretien"),
        ("Déclaration de Mme Florence Parly, ministre des armées", "déclaration"),
        ("Déclarations de M. Jean Castex, Premier ministre", "déclaration"),
        ("Declaration conjointe de la France et du Costa Rica", "déclaration"),
        ("Conseil des ministres du 23 septembre 2020. Le bilan…", "conseil des ministres"),
        (
            "Communiqué de la Présidence de la République, en date du 14 septembre 2020",
            "communiqué",
        ),
        ("Conférence de presse de M. Emmanuel Macron", "conférence de presse"),
        ("Point de presse de M. Jean Castex, Premier ministre", "conférence de presse"),
        ("Allocution télévisée de M. Emmanuel Macron", "discours"),
        ("Une condamnation incompréhensible et inacceptable", None),
    ],
)
def test_kind_from_title(title, kind):
    assert kind_from_title(title) == kind


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("pr", "communiqué"),
        ("article", "article"),
        ("tribune", "tribune"),
        ("Communique de presse", "communiqué"),
        ("COMMUNIQUÉ", "communiqué"),
        ("dossier de presse", "dossier de presse"),
        ("interview", "interview"),
        ("recette", None),
    ],
)
def test_normalise_stated_kind_or_category(value, kind):
    assert normalise_kind(value) == kind


@pytest.mark.parametrize(
    "text",
    [
        "COMMUNIQUE DE PRESSE\n\nÉpinal, le 5 mars 2015",
        "Version PDF\n\nCommuniqué de Presse\n\nLuxembourg, le 29 juin 2016",
        "Communiqué de presse :\n\nTexte.",
    ],
)
def test_heading_states_a_communique(text):
    assert kind_from_heading(text) == "communiqué"


def test_a_sentence_mentioning_a_communique_is_no_heading():
    assert kind_from_heading("Le communiqué de presse du G20 à Brisbane a été publié.") is None


def _enrich(text="Texte.", **fields):
    doc = Document("x", "a.md", fields.pop("format", "md"), text, **fields)
    return enrich_document(doc, aliases=Aliases(), thesaurus=Thesaurus())


def test_category_is_stated_not_inferred():
    doc = _enrich(meta={"category": "pr"})
    assert doc.kind == "communiqué"
    assert "kind" not in doc.inferred


def test_stated_kind_is_normalised_and_wins():
    doc = _enrich("COMMUNIQUE DE PRESSE\n\nTexte.", kind="Tribune")
    assert doc.kind == "tribune"
    assert "kind" not in doc.inferred


def test_kind_from_title_is_marked_inferred():
    doc = _enrich(title="Déclaration de M. Jean Castex, Premier ministre, sur la relance.")
    assert doc.kind == "déclaration"
    assert "kind" in doc.inferred


def test_question_and_answer_turns_make_an_interview():
    text = (
        "PAUL VERDIER\n\nLa sécheresse est-elle devenue la norme ?\n\nSOPHIE LEMAIRE\n\n"
        "Malheureusement, oui.\n\nPAUL VERDIER\n\nQue proposez-vous ?\n\nSOPHIE LEMAIRE\n\n"
        "De partager l'eau."
    )
    assert _enrich(text).kind == "interview"
