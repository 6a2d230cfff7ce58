"""Names: civilities removed, case fixed, variants merged through the aliases file."""

import pytest

from indexer.extract.names import Aliases, canonical_name, load_aliases, looks_like_body, name_key


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("M. Olivier Dussopt", "Olivier Dussopt"),
        ("Mme Agnès Pannier-Runacher", "Agnès Pannier-Runacher"),
        ("L'hon. Pierre S. Pettigrew", "Pierre S. Pettigrew"),
        ("Le très hon. Jean Chrétien", "Jean Chrétien"),
        ("Me William Bourdon", "William Bourdon"),
        ("OLIVIER DUSSOPT", "Olivier Dussopt"),
        ("DUSSOPT", "Dussopt"),
        ("JEAN-PAUL CHAPEL", "Jean-Paul Chapel"),
        ("Jean-paul Chapel", "Jean-Paul Chapel"),
        ("APOLLINE DE MALHERBE", "Apolline de Malherbe"),
        ("Jean-Yves le Drian", "Jean-Yves Le Drian"),
        ("BRUNO LE MAIRE", "Bruno Le Maire"),
        ("Claire_Aubertin", "Claire Aubertin"),
        ("  Roselyne   BACHELOT ", "Roselyne Bachelot"),
    ],
)
def test_canonical_name(raw, name):
    assert canonical_name(raw) == name


def test_bodies_keep_their_written_form():
    assert canonical_name("Présidence de la République") == "Présidence de la République"
    assert looks_like_body("Secrétariat général du Gouvernement")
    assert not looks_like_body("Jean Castex")


def test_name_key_ignores_case_accents_and_civility():
    assert name_key("Mme Élisabeth BORNE") == name_key("elisabeth borne")


def test_aliases_merge_variants_case_and_accent_insensitively():
    aliases = Aliases.from_mapping({"Hélène Garnier": ["Mme Garnier", "HELENE GARNIER"]})
    assert aliases.canonical("MME GARNIER") == "Hélène Garnier"
    assert aliases.canonical("Hélène GARNIER") == "Hélène Garnier"
    assert aliases.canonical("Paul Verdier") == "Paul Verdier"


def test_aliases_file_is_read_with_safe_load(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text("Claire Aubertin:\n  - C. Aubertin\n  - AUBERTIN\n", encoding="utf-8")
    assert load_aliases(path).canonical("aubertin") == "Claire Aubertin"


def test_missing_aliases_file_means_no_aliases(tmp_path):
    assert len(load_aliases(tmp_path / "absent.yaml")) == 0


def test_broken_aliases_file_means_no_aliases(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text("Claire: [unclosed\n", encoding="utf-8")
    assert len(load_aliases(path)) == 0


def test_aliases_path_comes_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "mine.yaml"
    path.write_text("Anne Dupont:\n  - A. Dupont\n", encoding="utf-8")
    monkeypatch.setenv("VERBATIM_ALIASES", str(path))
    assert load_aliases().canonical("a. dupont") == "Anne Dupont"


@pytest.mark.parametrize(
    "label",
    [  # speakers of the Assemblée's sittings on « le mariage pour tous », January 2013 (TEI)
        "Plusieurs députés du groupe UMP",
        "De nombreux députés des groupes UMP et UDI",
        "Un député SRC",
        "Une députée du groupe SRC",
        "Plusieurs députés des groupes SRC et écologiste",
        "Mmes et Mles députés",
    ],
)
def test_collective_speakers_keep_their_written_form(label):
    # a group is a description, not a name: « Plusieurs Députés du Groupe Ump » was shown
    assert canonical_name(label) == label
    assert canonical_name(label.replace(" ", "_")) == label  # the `who` of the same turn
    assert name_key(canonical_name(label)) == name_key(label)


def test_collective_label_loses_its_trailing_colon_only():
    assert canonical_name("Plusieurs députés du groupe SRC :") == "Plusieurs députés du groupe SRC"
    assert canonical_name("Un député UMP ") == "Un député UMP"


@pytest.mark.parametrize(
    ("raw", "name"),
    [  # people whose name opens or ends like a group's label are still names
        ("M. Des Rosiers", "Des Rosiers"),
        ("M. Jean-Pierre Door", "Jean-Pierre Door"),
        ("De Villepin", "De Villepin"),
    ],
)
def test_names_near_a_collective_label_are_still_names(raw, name):
    assert canonical_name(raw) == name
