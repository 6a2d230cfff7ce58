"""TEI debate reader: turns, stage directions, speakers, sittings, hostile XML, real sittings."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shared_path

from indexer.readers import Unreadable, read_records
from indexer.readers.tei import parse_speaker, read

TEI_FOLDER = "an-mariage-pour-tous-2013-tei"

HEADER = """<teiHeader><fileDesc><titleStmt>
  <title>Mariage pour tous - Première séance du vendredi 1<sup>er</sup> février 2013</title>
  <author>Assemblée nationale</author></titleStmt>
  <editionStmt><edition> <date>vendredi 1<sup>er</sup> février 2013</date> </edition></editionStmt>
</fileDesc><profileDesc><langUsage><language>Français</language></langUsage></profileDesc>
</teiHeader>"""

BODY = """<p>Présidence de M. Claude Bartolone</p>
<sp who="le_président"><speaker>le président</speaker>
<mpt:metadata auteur="le_président" interventiontype="régulation">
  <p>. La séance est ouverte.</p><p></p>
</mpt:metadata></sp>
<div><head>Ouverture du mariage</head>
<div><head>Article 1<sup>er</sup></head>
<sp who="Christiane_Taubira"><speaker>Christiane Taubira,<w>garde des Sceaux</w>, ministre de la justice.</speaker>
<mpt:metadata auteur="Christiane_Taubira" interventiontype="intervention" politicalgroup="GVT"
  debat="mpt" corresp="http://www.assemblee-nationale.fr/x.asp#INTER_1">
  <p> Le projet (<w>n<hi rend="sup">os</hi></w> 344, 628) est juste. <mpt:interruption type="Applaudissements" text="Applaudissements sur les bancs du groupe SRC."/> Merci.</p>
  <p></p>
  <p>...et je poursuis.<mpt:interruption type="Exclamations" text="Exclamations sur les bancs du groupe UMP"/></p>
</mpt:metadata></sp>
<sp who="Hervé_Mariton"><speaker>Hervé Mariton</speaker>
<mpt:metadata auteur="Hervé_Mariton" interventiontype="interruption" politicalgroup="UMP" vote="contre" debat="mpt">
  <p></p>
</mpt:metadata></sp>
</div>
<sp who="Marc_Le_Fur"><speaker>Marc <w>Le Fur</w></speaker>
<mpt:metadata auteur="Marc_Le_Fur" interventiontype="interruption" politicalgroup="UMP" vote="contre" debat="mpt">
  <p> C'est la dernière occasion !</p>
</mpt:metadata></sp>
</div>"""  # noqa: E501


def tei(body: str = BODY, header: str = HEADER, doctype: str = "") -> str:
    """Return a TEI document in the shape of the Assemblée nationale files."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:mpt="http://mpt.ethelred.fr/ns/0.0/">'
        f"{header}<text><body>{body}</body></text></TEI>"
    )


METADATA_CSV = (
    '"id","debat","lieu","seance","date"\n'
    '"20130124","Ouverture du mariage","Assemblée nationale","Première séance","2013-02-01"\n'
    '"20130999","Autre","Sénat","Séance unique","2013-03-05"\n'
)


def write(folder: Path, content: str, name: str = "20130124.xml") -> Path:
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def turns(tmp_path):
    return read(write(tmp_path, tei()))


@pytest.fixture
def by_who(turns):
    return {r.meta["who"]: r for r in turns}


# --- turns and text ---------------------------------------------------------------------------


def test_one_record_per_non_empty_turn(turns):
    assert [r.meta["who"] for r in turns] == ["le_président", "Christiane_Taubira", "Marc_Le_Fur"]


def test_keys_are_ordinals_of_every_turn_with_who(turns):
    assert [r.key for r in turns] == [
        "sp-00001-le_président",
        "sp-00002-Christiane_Taubira",
        "sp-00004-Marc_Le_Fur",  # the empty turn 3 keeps its number
    ]


def test_chair_leading_dot_is_removed(by_who):
    assert by_who["le_président"].text == "La séance est ouverte."


def test_interruptions_are_inline_in_parentheses(by_who):
    first, second = by_who["Christiane_Taubira"].text.split("\n\n")
    assert "est juste. (Applaudissements sur les bancs du groupe SRC.) Merci." in first
    assert second == "...et je poursuis. (Exclamations sur les bancs du groupe UMP.)"


@pytest.mark.parametrize(
    ("attributes", "rendered"),
    [
        ('type="Rires" text="Rires sur les bancs UMP."', "(Rires sur les bancs UMP.)"),
        ('type="Exclamations" text="Exclamations à gauche"', "(Exclamations à gauche.)"),
        ('type="« Très bien ! »" text="« Très bien ! »"', "(« Très bien ! »)"),
        ('type="Applaudissements"', "(Applaudissements.)"),
    ],
)  # fmt: skip
def test_interruption_rendering(tmp_path, attributes, rendered):
    body = f'<sp who="a"><speaker>A</speaker><p>Oui. <mpt:interruption {attributes}/></p></sp>'
    assert read(write(tmp_path, tei(body=body)))[0].text == f"Oui. {rendered}"


def test_superscripts_are_joined(by_who):
    assert "(nos 344, 628)" in by_who["Christiane_Taubira"].text


def test_empty_paragraphs_are_dropped(by_who):
    assert by_who["Christiane_Taubira"].text.count("\n\n") == 1


def test_no_markup_left_in_text(turns):
    assert not [r.key for r in turns if "<" in r.text or "\n\n\n" in r.text]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("#8230;nous avons provoqué", "…nous avons provoqué"),
        ("amendement #12; ou &#35;", "amendement #12; ou #"),
    ],
)
def test_numeric_references_that_lost_their_ampersand_are_repaired(tmp_path, paragraph, expected):
    body = f'<sp who="a"><speaker>A</speaker><p>{paragraph}</p></sp>'
    assert read(write(tmp_path, tei(body=body)))[0].text == expected


# --- speakers and metadata --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "name", "function"),
    [
        ("Christiane Taubira,garde des Sceaux, ministre de la justice.", "Christiane Taubira",
         "garde des Sceaux, ministre de la justice"),
        ("Christiane Taubira, garde des Sceaux. ", "Christiane Taubira", "garde des Sceaux"),
        ("Alain Vidalies ,ministre délégué.", "Alain Vidalies", "ministre délégué"),
        ("Marie-Françoise Clergeau,, rapporteure pour avis. ", "Marie-Françoise Clergeau",
         "rapporteure pour avis"),
        ("Jean-Yves Le Bouillonnec,. ", "Jean-Yves Le Bouillonnec", None),
        ("Plusieurs députés du groupe SRC :", "Plusieurs députés du groupe SRC", None),
        ("le président ", "le président", None),
    ],
)  # fmt: skip
def test_parse_speaker(label, name, function):
    assert parse_speaker(label) == {"name": name, "function": function}


@pytest.mark.parametrize(
    ("speaker", "text", "function", "rest"),
    [
        ("Erwann Binet", "rapporteur. Défavorable.", "rapporteur", "Défavorable."),
        ("Erwann Binet", ", rapporteur. L'avis est négatif.", "rapporteur", "L'avis est négatif."),
        ("Christiane Taubira", "garde des Sceaux. Non !", "garde des Sceaux", "Non !"),
        ("Erwann Binet, rapporteur", "rapporteur. Oui.", "rapporteur", "rapporteur. Oui."),
        ("Hervé Mariton", "présidez donc. Merci.", None, "présidez donc. Merci."),
    ],
)  # fmt: skip
def test_function_left_in_the_text_moves_to_the_speaker(tmp_path, speaker, text, function, rest):
    body = f'<sp who="x"><speaker>{speaker}</speaker><p>{text}</p></sp>'
    [record] = read(write(tmp_path, tei(body=body)))
    assert (record.meta["speakers"][0]["function"], record.text) == (function, rest)


def test_speaker_function_from_markup(by_who):
    assert by_who["Christiane_Taubira"].meta["speakers"] == [
        {"name": "Christiane Taubira", "function": "garde des Sceaux, ministre de la justice"}
    ]


def test_speaker_name_markup_is_flattened(by_who):
    assert by_who["Marc_Le_Fur"].meta["speakers"] == [{"name": "Marc Le Fur", "function": None}]


def test_turn_attributes_go_to_meta(by_who):
    meta = by_who["Christiane_Taubira"].meta
    assert {k: meta[k] for k in ("interventiontype", "politicalgroup", "debat", "corresp")} == {
        "interventiontype": "intervention",
        "politicalgroup": "GVT",
        "debat": "mpt",
        "corresp": "http://www.assemblee-nationale.fr/x.asp#INTER_1",
    }
    assert by_who["Marc_Le_Fur"].meta["vote"] == "contre"


def test_absent_attributes_are_not_in_meta(by_who):
    assert not {"politicalgroup", "vote", "debat", "section"} & set(by_who["le_président"].meta)


@pytest.mark.parametrize(
    ("who", "section"),
    [("Christiane_Taubira", "Article 1er"), ("Marc_Le_Fur", "Ouverture du mariage")],
)
def test_section_is_the_nearest_div_head(by_who, who, section):
    assert by_who[who].meta["section"] == section


def test_kind_and_language(turns):
    assert {(r.meta["kind"], r.lang) for r in turns} == {("débat", "fr")}


def test_title_is_sitting_then_speaker(by_who):
    assert by_who["Marc_Le_Fur"].title == (
        "Mariage pour tous - Première séance du vendredi 1er février 2013 — Marc Le Fur"
    )


def test_title_names_the_speakers_function_when_the_label_gives_it(by_who):
    # the minister's turn names her office nowhere else: « la garde des Sceaux » typed finds it
    assert by_who["Christiane_Taubira"].title == (
        "Mariage pour tous - Première séance du vendredi 1er février 2013 — "
        "Christiane Taubira, garde des Sceaux, ministre de la justice"
    )
    # the chair is a role, no function after it
    assert by_who["le_président"].title.endswith(" — le président")


# --- dates and place --------------------------------------------------------------------------


def test_date_and_place_come_from_metadata_csv(tmp_path):
    (tmp_path / "metadata.csv").write_text(METADATA_CSV, encoding="utf-8")
    header = HEADER.replace("vendredi 1<sup>er</sup> février", "samedi 9 mars")
    [record, *_] = read(write(tmp_path, tei(header=header), name="20130999.xml"))
    assert (record.date, record.meta["place"]) == ("2013-03-05", "Sénat")


def test_date_falls_back_to_the_header(turns):
    assert {r.date for r in turns} == {"2013-02-01"}


def test_place_falls_back_to_the_header_author(turns):
    assert {r.meta["place"] for r in turns} == {"Assemblée nationale"}


# --- files that are not (safe) TEI ------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('<?xml version="1.0"?><rss><channel/></rss>', "XML non TEI"),
        ('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "XML non TEI"),
        ("<TEI><text><body><sp><p>pas fermé</sp>", "XML invalide"),
        ("", "XML invalide"),
        (tei(body="<p>Pas de tour de parole.</p>"), "sans tour de parole"),
        ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>', "sans <text>"),
    ],
)
def test_unreadable_files(tmp_path, content, reason):
    with pytest.raises(Unreadable, match=reason):
        read(write(tmp_path, content))


def test_tei_without_namespace_is_read(tmp_path):
    body = '<sp who="a"><speaker>A</speaker><p>Bonjour.</p></sp>'
    [record] = read(write(tmp_path, f"<TEI><text><body>{body}</body></text></TEI>"))
    assert (record.text, record.key) == ("Bonjour.", "sp-00001-a")


def test_external_entities_are_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-MARKER", encoding="utf-8")
    doctype = (
        f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{secret.as_uri()}">'
        '<!ENTITY pwd SYSTEM "file:///etc/passwd">'
        '<!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>'
    )
    body = '<sp who="a"><speaker>A &xxe;</speaker><p>Avant &xxe;&pwd;&net; après.</p></sp>'
    [record] = read(write(tmp_path, tei(body=body, doctype=doctype)))
    assert record.text == "Avant après."
    assert record.meta["speakers"] == [{"name": "A", "function": None}]


def test_external_dtd_is_not_loaded(tmp_path):
    doctype = '<!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei.dtd">'
    body = '<sp who="a"><speaker>A</speaker><p>Texte.</p></sp>'
    assert read(write(tmp_path, tei(body=body, doctype=doctype)))[0].text == "Texte."


def test_billion_laughs_is_not_expanded(tmp_path):
    # expanding it is what would take minutes and gigabytes: its words never reach the text
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    body = '<sp who="a"><speaker>A</speaker><p>Rire &lol9; fin.</p></sp>'
    path = write(tmp_path, tei(body=body, doctype=f"<!DOCTYPE TEI [{entities}]>"))
    try:
        texts = [r.text for r in read(path)]
    except Unreadable:  # libxml2's amplification guard refuses the file: also safe
        texts = []
    assert not [t for t in texts if "lol" in t]


def test_character_references_are_still_read(tmp_path):
    body = '<sp who="a"><speaker>A</speaker><p>Caf&#233; &amp; th&#xE9; &lt;sic&gt;</p></sp>'
    assert read(write(tmp_path, tei(body=body)))[0].text == "Café & thé <sic>"


def test_registry_sends_xml_here(tmp_path):
    assert len(read_records(write(tmp_path, tei()))) == 3


# --- the shared corpus ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sitting():
    return read(shared_path(TEI_FOLDER, "20130118.xml"))


def test_real_sitting_gives_every_turn(sitting):
    assert len(sitting) == 888  # 888 <sp>, none empty
    assert len({r.key for r in sitting}) == 888


def test_real_sitting_date_and_title_come_from_its_metadata(sitting):
    assert {r.date for r in sitting} == {"2013-01-29"}
    assert sitting[0].title.startswith(
        "Mariage pour tous - Deuxième séance du mardi 29 janvier 2013 — "
    )


def test_real_sitting_parses_taubiras_function(sitting):
    functions = {
        s["function"]
        for r in sitting
        for s in r.meta["speakers"]
        if s["name"] == "Christiane Taubira"
    }
    assert functions == {"garde des Sceaux", "garde des Sceaux, ministre de la justice"}


def test_real_sitting_titles_name_the_office_held(sitting):
    titles = {r.title.split(" — ", 1)[1] for r in sitting}
    assert {"Christiane Taubira, garde des Sceaux", "Jean-Jacques Urvoas, président de la "
            "commission des lois", "Erwann Binet, rapporteur", "Hervé Mariton"} <= titles


def test_real_sitting_text_has_no_markup_and_keeps_stage_directions(sitting):
    assert not [r.key for r in sitting if "<" in r.text or ">" in r.text]
    assert sum("(Applaudissements" in r.text for r in sitting) > 50


def test_real_sitting_meta(sitting):
    deputies = [r for r in sitting if r.meta.get("vote")]
    assert deputies and all(r.meta.get("politicalgroup") for r in deputies)
    assert {r.meta["place"] for r in sitting} == {"Assemblée nationale"}


def test_all_real_sittings():
    files = sorted(shared_path(TEI_FOLDER).glob("*.xml"))
    records = [r for path in files for r in read(path)]
    assert (len(files), len(records)) == (25, 19_240)
    dates = sorted({r.date for r in records})
    assert (dates[0], dates[-1]) == ("2013-01-29", "2013-02-12")


def test_real_metadata_csv_is_unreadable_as_a_document():
    with pytest.raises(Unreadable, match="pas de colonne de texte"):
        read_records(shared_path(TEI_FOLDER, "metadata.csv"))
