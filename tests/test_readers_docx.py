"""Word reader: paragraphs and tables in order, core properties, broken files."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import docx
import pytest

from indexer.readers import Unreadable, read_records
from indexer.readers.docx import read

CREATED = datetime(2016, 6, 29, 15, 30)


def build(tmp_path, paragraphs=(), *, name="communique.docx", **props):
    """Write a .docx with the given paragraphs and core properties; return its path."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for key, value in props.items():
        setattr(document.core_properties, key, value)
    path = tmp_path / name
    document.save(str(path))
    return path


def test_paragraphs_in_order(tmp_path):
    path = build(
        tmp_path,
        [
            "Communiqué de presse",
            "Luxembourg, le 29 juin 2016",
            "Antoine Deltour « exprime son immense gratitude ».",
        ],
    )
    (record,) = read(path)
    assert record.text == (
        "Communiqué de presse\n\nLuxembourg, le 29 juin 2016\n\n"
        "Antoine Deltour « exprime son immense gratitude »."
    )


def test_empty_paragraphs_are_dropped(tmp_path):
    (record,) = read(build(tmp_path, ["Communiqué", "", "   ", "Le comité salue."]))
    assert record.text == "Communiqué\n\nLe comité salue."


def test_text_is_normalised(tmp_path):
    (record,) = read(build(tmp_path, ["«\u00a0Nous agirons\u00a0», a déclaré la ministre."]))
    assert record.text == "« Nous agirons », a déclaré la ministre."


def test_line_break_inside_a_paragraph_ends_a_line_of_its_own(tmp_path):
    # Word wraps lines itself: a break typed with Maj+Entrée is a line of the author's (a
    # contact block), not a space (tests/test_press_office_archive.py: the issuer's name)
    document = docx.Document()
    run = document.add_paragraph().add_run("Comité de soutien")
    run.add_break()
    run.add_text("BP 1006")
    path = tmp_path / "contact.docx"
    document.save(str(path))
    assert read(path)[0].text == "Comité de soutien\n\nBP 1006"


def test_table_cells_are_paragraphs_between_body_paragraphs(tmp_path):
    document = docx.Document()
    document.add_paragraph("Calendrier des audiences")
    table = document.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "26 avril",
        (0, 1): "Ouverture du procès",
        (1, 0): "29 juin",
        (1, 1): "Verdict",
    }.items():
        table.cell(row, col).text = text
    document.add_paragraph("Contact Presse")
    path = tmp_path / "calendrier.docx"
    document.save(str(path))
    assert read(path)[0].text.split("\n\n") == [
        "Calendrier des audiences",
        "26 avril",
        "Ouverture du procès",
        "29 juin",
        "Verdict",
        "Contact Presse",
    ]


def test_merged_cell_is_read_once(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Comité de soutien à Antoine Deltour"
    path = tmp_path / "fusion.docx"
    document.save(str(path))
    assert read(path)[0].text == "Comité de soutien à Antoine Deltour"


def test_nested_table_is_read(tmp_path):
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1).cell(0, 0)
    outer.text = "Contact"
    outer.add_table(rows=1, cols=1).cell(0, 0).text = "BP 1006"
    path = tmp_path / "imbrique.docx"
    document.save(str(path))
    assert read(path)[0].text == "Contact\n\nBP 1006"


def test_core_properties(tmp_path):
    path = build(
        tmp_path,
        ["Le comité salue la décision."],
        title="Une condamnation  incompréhensible",
        author="Comité de soutien à Antoine",
        created=CREATED,
        modified=datetime(2016, 6, 30, 9, 0),
        language="fr-FR",
    )
    (record,) = read(path)
    assert record.title == "Une condamnation incompréhensible"
    assert record.date == "2016-06-29"
    assert record.lang == "fr"
    assert record.meta == {
        "author": "Comité de soutien à Antoine",
        "created": "2016-06-29T15:30:00+00:00",  # Word stores UTC
        "modified": "2016-06-30T09:00:00+00:00",
    }


def test_python_docx_template_stamp_is_not_a_date_or_author(tmp_path):
    # Documents made by python-docx scripts keep its template's author and 2013 creation date.
    (record,) = read(build(tmp_path, ["Le comité salue la décision."]))
    assert record.title is None
    assert record.date is None
    assert "author" not in record.meta
    assert "created" not in record.meta


def test_registry_reads_docx(tmp_path):
    (record,) = read_records(build(tmp_path, ["Le comité salue la décision."]))
    assert record.text == "Le comité salue la décision."


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def truncated(tmp_path) -> bytes:
    return build(tmp_path, ["Le comité salue."], name="complet.docx").read_bytes()[:300]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(lambda tmp: b"", "vide", id="empty"),
        pytest.param(lambda tmp: b"Pas un docx", "docx illisible", id="plain-text"),
        pytest.param(truncated, "docx illisible", id="truncated-zip"),
        pytest.param(
            lambda tmp: zip_bytes({"word/document.xml": b"<w:document/>"}),
            "docx illisible",
            id="zip-without-content-types",
        ),
        pytest.param(
            lambda tmp: zip_bytes({"[Content_Types].xml": b"<Types><broken"}),
            "docx illisible",
            id="broken-xml",
        ),
    ],
)
def test_broken_files_are_unreadable(tmp_path, make, reason):
    path = tmp_path / "casse.docx"
    path.write_bytes(make(tmp_path))
    with pytest.raises(Unreadable, match=reason):
        read(path)


def test_document_without_text_is_unreadable(tmp_path):
    with pytest.raises(Unreadable, match="aucun texte"):
        read(build(tmp_path, ["", "  "]))
