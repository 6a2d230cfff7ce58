"""Plain-text reader: encodings, binary junk, hard-wrapped lines."""

from __future__ import annotations

import codecs

import pytest

from indexer.readers import Unreadable, read_records
from indexer.readers.text import decode, read

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
