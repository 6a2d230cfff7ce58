"""Plain-text reader: encodings, binary junk, hard-wrapped lines."""

from __future__ import annotations

import codecs

import pytest

from indexer.readers import Unreadable, read_records
from indexer.readers.text import debate_turns, decode, read
from tests.conftest import shared_path

CP1252_SENTENCE = (
    "L’État a décidé… « Nous agirons », a déclaré la ministre, qui promet 15 M€ "
    "pour le cœur de l’œuvre."
)
# latin-1 has « » and accents but neither ’ nor œ nor €.
LATIN1_SENTENCE = "Épinal, le 5 mars 2015 : « Ça suffit », a déclaré le comité. Côté été."


def write(tmp_path, data: bytes, name: str = "communique.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        pytest.param(CP1252_SENTENCE.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(
            codecs.BOM_UTF8 + CP1252_SENTENCE.encode("utf-8"), "utf-8-sig", id="utf-8-bom"
        ),
        pytest.param(
            codecs.BOM_UTF16_LE + CP1252_SENTENCE.encode("utf-16-le"), "utf-16", id="utf-16-le-bom"
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + CP1252_SENTENCE.encode("utf-16-be"), "utf-16", id="utf-16-be-bom"
        ),
        pytest.param(
            codecs.BOM_UTF32_LE + CP1252_SENTENCE.encode("utf-32-le"), "utf-32", id="utf-32-le-bom"
        ),
        pytest.param(CP1252_SENTENCE.encode("cp1252"), "cp1252", id="cp1252"),
    ],
)
def test_decode_detects_encoding(raw, encoding):
    assert decode(raw) == (CP1252_SENTENCE, encoding)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(CP1252_SENTENCE.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + CP1252_SENTENCE.encode("utf-8"), id="utf-8-bom"),
        pytest.param(CP1252_SENTENCE.encode("utf-16"), id="utf-16-native-bom"),
        pytest.param(codecs.BOM_UTF16_BE + CP1252_SENTENCE.encode("utf-16-be"), id="utf-16-be"),
        pytest.param(CP1252_SENTENCE.encode("cp1252"), id="cp1252"),
    ],
)
def test_read_gives_same_text_whatever_the_encoding(tmp_path, raw):
    (record,) = read(write(tmp_path, raw))
    assert record.text == CP1252_SENTENCE


def test_cp1252_file_keeps_apostrophes_quotes_and_euro(tmp_path):
    raw = "L’État a décidé… « Nous agirons », a déclaré le ministre. Coût : 3 €.".encode("cp1252")
    (record,) = read(write(tmp_path, raw))
    assert record.text == "L’État a décidé… « Nous agirons », a déclaré le ministre. Coût : 3 €."


def test_latin1_file_is_read(tmp_path):
    (record,) = read(write(tmp_path, LATIN1_SENTENCE.encode("latin-1")))
    assert record.text == LATIN1_SENTENCE


def test_byte_undefined_in_cp1252_falls_back_to_latin1_without_control_chars(tmp_path):
    raw = "Épinal".encode("latin-1") + b"\x81 " + "déclaration".encode("latin-1")
    (record,) = read(write(tmp_path, raw))
    assert record.text == "Épinal déclaration"


def test_utf8_file_with_one_stray_cp1252_byte_keeps_its_utf8():
    raw = "Le comité « salue » la décision ".encode() + "d’Antoine".encode("cp1252")
    text, encoding = decode(raw)
    assert text == "Le comité « salue » la décision d’Antoine"
    assert encoding == "utf-8+cp1252"


def test_hard_wrapped_lines_are_joined_into_paragraphs(tmp_path):
    raw = (
        "Ce mercredi 29 juin à 15h, la 12e chambre correctionnelle du tribunal\n"
        "d’arrondissement de Luxembourg a rendu son jugement dans le procès\n"
        "« LuxLeaks ».\n"
        "\n"
        "Le comité de soutien est scandalisé par la condamnation des lanceurs\n"
        "d'alerte Antoine Deltour et Raphaël Halet.\n"
    ).encode()
    (record,) = read(write(tmp_path, raw))
    assert record.text == (
        "Ce mercredi 29 juin à 15h, la 12e chambre correctionnelle du tribunal "
        "d’arrondissement de Luxembourg a rendu son jugement dans le procès « LuxLeaks ».\n\n"
        "Le comité de soutien est scandalisé par la condamnation des lanceurs "
        "d'alerte Antoine Deltour et Raphaël Halet."
    )


def test_windows_line_endings_are_handled(tmp_path):
    raw = "Communiqué de presse\r\n\r\nÉpinal, le 5 mars 2015\r\n".encode("cp1252")
    (record,) = read(write(tmp_path, raw))
    assert record.text == "Communiqué de presse\n\nÉpinal, le 5 mars 2015"


def test_no_title_is_guessed(tmp_path):
    (record,) = read(write(tmp_path, "Communiqué de presse\n\nLe comité salue.".encode()))
    assert record.title is None
    assert record.key is None


def test_registry_reads_txt(tmp_path):
    (record,) = read_records(write(tmp_path, CP1252_SENTENCE.encode("cp1252")))
    assert record.text == CP1252_SENTENCE


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        pytest.param(b"", "vide", id="empty"),
        pytest.param(b" \n\t\r\n", "aucun texte", id="whitespace"),
        pytest.param(b"%PDF-1.4\n\x00\x01\x02binary", "binaire", id="nul-bytes"),
        pytest.param(
            "Épinal".encode("utf-16-le"), "binaire", id="utf-16-without-bom"
        ),  # the brief: NUL bytes and no BOM means binary
        pytest.param(bytes(range(1, 32)) * 40 + b"texte", "binaire", id="control-chars"),
        pytest.param(codecs.BOM_UTF16_LE + b"a", "utf-16", id="truncated-utf-16"),
    ],
)
def test_unreadable_files(tmp_path, raw, reason):
    with pytest.raises(Unreadable, match=reason):
        read(write(tmp_path, raw))


# --- Debate transcripts in plain text (Hansard style), split into turns like TEI debates ------

HANSARD = "hansard-canada-36e-fr"


def hansard_sitting(name, folder="Testing"):
    """The records of one real Hansard sitting of the shared corpus, read as plain text."""
    path = shared_path(HANSARD, folder, name)
    text, _ = decode(path.read_bytes())
    return debate_turns(text, path.name)


def test_hansard_sitting_is_split_into_speech_turns():
    records = hansard_sitting("hansard.36.2.house.debates.058.f")
    first = records[0]
    # the table of contents names speakers without a colon: no turn before the body
    assert first.meta["speakers"] == [
        {"name": "Gary Lunn", "function": "député de Saanich-Gulf Islands"}
    ]
    assert first.text.startswith("Je tiens a souligner au depart certains des problemes")
    assert (first.date, first.meta["kind"], first.meta["place"]) == (
        "2000-02-28",
        "débat",
        "Chambre des communes",
    )
    assert first.meta["circonscription"] == "Saanich-Gulf Islands"
    assert first.meta["politicalgroup"] == "Ref."
    assert first.meta["section"] == "La loi sur la societe canadienne des postes"
    # the section's heading says what the turn is about: in its title, shown and searched;
    # a member's riding is a place, not an office: not in the title
    assert first.title == ("Débats de la Chambre des communes, séance n° 58 : "
                           "La loi sur la societe canadienne des postes — Gary Lunn")
    assert len({r.key for r in records}) == len(records) > 80


def test_hansard_minister_and_chair_labels_give_functions():
    records = hansard_sitting("hansard.36.2.house.debates.058.f")
    by_name = {r.meta["speakers"][0]["name"]: r.meta["speakers"][0] for r in records}
    # "Mme Carolyn Parrish (secretaire parlementaire du ministre des Travaux publics …, Lib.):"
    assert by_name["Carolyn Parrish"]["function"].startswith("secretaire parlementaire du ministre")
    # her office is in her turns' titles, shown and searched as a TEI turn's
    assert any(r.title.endswith("— Carolyn Parrish, secretaire parlementaire du ministre des "
                                "Travaux publics et des Services gouvernementaux")
               for r in records)
    # "La presidente suppleante (Mme Thibeault):": the person in the chair, the chair as role
    assert by_name["Thibeault"]["function"] == "la presidente suppleante"


def test_senate_sitting_has_its_date_from_the_file_and_the_chair_as_speaker():
    records = hansard_sitting("hansard.36.2.senate.debates.2000-04-12.48.f")
    assert records[0].date == "2000-04-12"
    assert records[0].meta["place"] == "Sénat"
    assert records[0].meta["speakers"][0]["name"] == "Jean-Robert Gauthier"
    assert records[0].title.startswith("Débats du Sénat, volume 138, numéro 48")


def test_his_honour_the_speaker_is_the_senator_the_header_names():
    records = hansard_sitting("hansard.36.2.senate.debates.2000-04-06.44.f")
    speakers = [r.meta["speakers"][0] for r in records if "speakers" in r.meta]
    # header « L'honorable Gildas L. Molgat, President »; turns « Son Honneur le President : »
    assert {"name": "Gildas L. Molgat", "function": "le President"} in speakers
    assert "le President" not in [s["name"] for s in speakers]
    # the Speaker pro tempore is not named in this sitting's header: his turns are kept, with
    # the role in their title, but nobody is named (a role is no person: CONVENTIONS.md, 2)
    pro_tempore = [r for r in records if r.title.endswith("— le President pro tempore")]
    assert pro_tempore and all("speakers" not in r.meta for r in pro_tempore)
    assert "le President pro tempore" not in [s["name"] for s in speakers]


def test_a_plain_text_debate_is_indexed_turn_by_turn(tmp_path):
    """The first lines of a real sitting, saved as .txt: one document per turn, with its
    speaker stated, as `verbatim index` reads it."""
    path = shared_path(HANSARD, "Testing", "hansard.36.2.house.debates.058.f")
    lines = path.read_text("ascii").splitlines()[:100]
    copy = tmp_path / "seance.txt"
    copy.write_text("\n".join(lines), encoding="utf-8")
    records = read_records(copy)
    speakers = [r.meta["speakers"][0]["name"] for r in records]
    assert speakers[:3] == ["Gary Lunn", "Peter Stoffer", "Carolyn Parrish"]
    from indexer.documents import document_from_record
    from indexer.extract import enrich_document
    from indexer.extract.names import Aliases
    from indexer.extract.themes import Thesaurus

    doc = document_from_record(records[1], "seance.txt", "txt", str(tmp_path))
    doc = enrich_document(doc, aliases=Aliases(), thesaurus=Thesaurus())
    assert (doc.kind, doc.date, [s.name for s in doc.speakers]) == (
        "débat",
        "2000-02-28",
        ["Peter Stoffer"],
    )


def test_inline_labels_with_accents_are_turns(tmp_path):
    text = (
        "M. Jean Dupont (Lévis, BQ): Monsieur le Président, je dépose une pétition.\n"
        "L'hon. Marie Roy (ministre de la Santé, Lib.): Nous l'examinerons.\n"
        "Le Président: La séance est levée.\n"
    )
    records = read(write(tmp_path, text.encode()))
    assert [tuple(r.meta["speakers"][0].values()) for r in records[:2]] == [
        ("Jean Dupont", None),
        ("Marie Roy", "ministre de la Santé"),
    ]
    # the chair, whom nothing names: a turn of its own, no named speaker
    assert records[2].text == "La séance est levée."
    assert "speakers" not in records[2].meta and records[2].title == "le Président"


def test_prose_quoting_someone_with_a_colon_is_no_debate(tmp_path):
    text = (
        "Le premier ministre a dit:\nNous agirons.\n\nM. Dupont a répondu : non.\n\n"
        "Voici ce qu'il a dit:\nRien ne change.\n"
    )
    (record,) = read(write(tmp_path, text.encode()))
    assert record.key is None


def _speaker_of(records, words):
    """The speaker of the record whose text starts with `words`."""
    (record,) = [r for r in records if r.text.startswith(words)]
    return record.meta["speakers"][0]["name"]


def test_a_senator_opening_an_inquiry_or_presenting_a_report_has_the_floor():
    # « L'honorable Jean-Robert Gauthier , ayant donne avis le jeudi 10 fevrier 2000: » (about
    # 35 such labels in the corpus): his words, not the previous speaker's
    records = hansard_sitting("hansard.36.2.senate.debates.2000-04-07.45.f")
    assert _speaker_of(records, "Elle se lit comme suit") == "Jean-Robert Gauthier"
    # « L'honorable Leonce Mercier , president du comite de selection, presente le rapport
    # suivant: » then the report
    records = hansard_sitting("hansard.36.2.senate.debates.2000-05-17.57.f")
    assert _speaker_of(records, "Le comite de selection a l'honneur") == "Leonce Mercier"


def test_a_label_with_parentheses_nested_twice_is_a_turn():
    # « L'hon. Martin Cauchon (secretaire d'Etat (Bureau federal de developpement regional
    # (Quebec)), Lib.): » (nine such labels in the corpus)
    path = shared_path("hansard-canada-36e-fr", "Training", "hansard.36.1.house.debates.010.f")
    records = debate_turns(decode(path.read_bytes())[0], path.name)
    speaker = {s["name"]: s for r in records for s in r.meta["speakers"]}["Martin Cauchon"]
    assert speaker["function"].startswith("secretaire d'Etat (Bureau federal")


def test_a_sitting_whose_record_names_no_speaker_is_still_a_debate():
    # « HANSARD REVISE * NUMERO 049A »: a short evening sitting for the royal assent, with the
    # usher's message and no speaker's label; read as prose it had no kind
    (record,) = hansard_sitting("hansard.36.1.house.debates.049a.f", "Training")
    assert (record.meta["kind"], record.meta["place"], record.date) == (
        "débat",
        "Chambre des communes",
        "1997-12-18",
    )
    # « 049A » is a second sitting of the day, not « 049 »'s record
    assert record.title == "Débats de la Chambre des communes, séance n° 049A"
    assert "speakers" not in record.meta
    assert "L'huissier du baton noir apporte le message suivant:" in record.text
    assert "HANSARD REVISE" not in record.text


def test_a_second_sitting_of_the_day_keeps_its_letter_in_every_turn_title():
    records = hansard_sitting("hansard.36.1.house.debates.118a.f", "Training")
    assert len(records) > 100
    titles = {r.title.split(" : ")[0].split(" — ")[0] for r in records}
    assert titles == {"Débats de la Chambre des communes, séance n° 118A"}
