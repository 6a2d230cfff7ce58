"""Themes: the source's tags made consistent, the thesaurus for untagged documents."""

from indexer.document import Document
from indexer.extract import enrich_document, themes
from indexer.extract.names import Aliases
from indexer.extract.themes import Thesaurus, canonical_themes, load_thesaurus, theme_key

THESAURUS = """
Inondations:
  - crue
  - inondation
  - montée des eaux
Eau potable:
  - eau potable
  - captage
"""


def test_case_and_accent_variants_are_one_theme_in_the_accented_form():
    assert canonical_themes(["Relance economique", "relance économique"]) == ["Relance économique"]


def test_unaccented_tag_takes_its_accents_from_the_text():
    assert canonical_themes(["Deficit budgetaire"], "Le déficit budgétaire se creuse.") == [
        "Déficit budgétaire"
    ]


def test_theme_key_folds_case_accents_and_spaces():
    assert theme_key(" Relance  Économique ") == "relance economique"


def test_thesaurus_matches_stemmed_terms_and_phrases(tmp_path):
    path = tmp_path / "thesaurus.yaml"
    path.write_text(THESAURUS, encoding="utf-8")
    thesaurus = load_thesaurus(path)
    counts = thesaurus.count("Les crues et la montée des eaux ont privé la ville d'eau potable.")
    assert counts == {"Inondations": 2, "Eau potable": 1}


def test_thesaurus_needs_two_occurrences_or_the_title():
    thesaurus = Thesaurus.from_mapping({"Inondations": ["crue", "inondation"]})
    assert thesaurus.themes("Une crue.", None) == []
    assert thesaurus.themes("Une crue puis une inondation.", None) == ["Inondations"]
    assert thesaurus.themes("Une crue.", "La crue de l'Orbize") == ["Inondations"]


def test_missing_thesaurus_file_gives_no_themes(tmp_path):
    assert len(load_thesaurus(tmp_path / "absent.yaml")) == 0


def test_untagged_document_gets_inferred_themes():
    thesaurus = Thesaurus.from_mapping({"Inondations": ["crue", "inondation"]})
    doc = Document("x", "a.md", "md", "La crue a noyé le quartier ; une inondation historique.")
    doc = enrich_document(doc, aliases=Aliases(), thesaurus=thesaurus)
    assert doc.themes == ["Inondations"]
    assert "themes" in doc.inferred


def test_tagged_document_keeps_its_own_tags_only():
    thesaurus = Thesaurus.from_mapping({"Inondations": ["crue", "inondation"]})
    doc = Document("x", "a.md", "md", "La crue puis une inondation.", themes=["Impot"])
    doc = enrich_document(doc, aliases=Aliases(), thesaurus=thesaurus)
    assert doc.themes == ["Impot"]
    assert "themes" not in doc.inferred


def test_documents_of_one_title_get_the_themes_a_fresh_thesaurus_gives(monkeypatch):
    # a batch file repeats its titles row after row: their counts are remembered, a few
    monkeypatch.setattr(themes, "TITLES_KEPT", 2)
    mapping = {"Inondations": ["crue", "inondation"], "Eau potable": ["captage"]}
    thesaurus = Thesaurus.from_mapping(mapping)
    titles = ["La crue de l'Orbize", "Le captage de Vals", "La crue de l'Orbize",
              "Séance du 3 mars", "Le captage de Vals", "La crue de l'Orbize"]
    for title in titles:
        expected = Thesaurus.from_mapping(mapping).themes("Une crue, un captage.", title)
        assert thesaurus.themes("Une crue, un captage.", title) == expected
    assert thesaurus.themes("Une crue.", "Le captage de Vals") == ["Eau potable"]
    assert len(thesaurus._titles) <= 2
