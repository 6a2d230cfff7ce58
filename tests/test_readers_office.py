"""Office formats: OpenDocument (.odt), RTF and legacy Word (.doc), text and metadata."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from indexer.readers import Unreadable, read_records
from tests.conftest import DEMO

OFFICE = DEMO / "bureautique"
ODT = OFFICE / "2023-07-04-assemblee-generale.odt"
RTF = OFFICE / "2022-11-17-prix-rivieres.rtf"
DOC = OFFICE / "2021-09-30-lettre-prefet.doc"


def test_odt_text_and_metadata():
    (record,) = read_records(ODT)
    assert record.text.split("\n\n")[:2] == [
        "Assemblée générale 2023 : la FRV dépasse les vingt mille adhérents",
        "Lyon, le 4 juillet 2023"]
    assert "« Chaque nouvel adhérent est un garde-rivière de plus." in record.text
    assert record.title == "Assemblée générale 2023 : la FRV dépasse les vingt mille adhérents"
    assert (record.date, record.lang) == ("2023-07-04", "fr")
    assert record.meta["author"] == "Fédération des Rivières Vivantes"
    assert record.meta["tags"] == ["assemblée générale", "adhérents", "micropolluants"]


def test_odt_spaces_tabs_lists_and_tables_are_read_and_notes_left_out(tmp_path):
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableRow
    from odf.text import List, ListItem, Note, NoteBody, P, S, Span

    doc = OpenDocumentText()
    first = P(text="Le comité")
    first.addElement(S(c=1))
    first.addElement(Span(text="salue"))
    note = Note(noteclass="footnote")
    body = NoteBody()
    body.addElement(P(text="NOTE-DE-BAS-DE-PAGE"))
    note.addElement(body)
    first.addElement(note)
    first.addText(" la décision.")
    doc.text.addElement(first)
    items = List()
    for text in ("premier engagement", "second engagement"):
        item = ListItem()
        item.addElement(P(text=text))
        items.addElement(item)
    doc.text.addElement(items)
    table = Table()
    row = TableRow()
    for text in ("Dons", "3,90"):
        cell = TableCell()
        cell.addElement(P(text=text))
        row.addElement(cell)
    table.addElement(row)
    doc.text.addElement(table)
    doc.save(str(tmp_path / "c.odt"))
    (record,) = read_records(tmp_path / "c.odt")
    assert record.text == ("Le comité salue la décision.\n\npremier engagement\n\n"
                           "second engagement\n\nDons\n\n3,90")


def test_rtf_text_metadata_and_code_page():
    (record,) = read_records(RTF)
    assert record.title == "Prix des rivières vivantes 2022 : trois écoles récompensées"
    assert "« Ces enfants ont fait un travail de naturalistes." in record.text
    assert (record.date, record.lang) == ("2022-11-17", "fr")
    assert record.meta["tags"] == ["éducation", "écoles", "Orbize"]


def test_rtf_unicode_escapes_and_other_code_pages(tmp_path):
    path = tmp_path / "u.rtf"
    path.write_bytes(b"{\\rtf1\\ansi\\ansicpg1251 {\\pard \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2 "
                     b"\\u339?uvre\\par}}")
    (record,) = read_records(path)
    assert record.text == "Привет œuvre"


def test_rtf_nested_ten_thousand_deep_is_refused(tmp_path):
    path = tmp_path / "profond.rtf"
    path.write_bytes(b"{\\rtf1 " + b"{" * 10_000 + b"texte" + b"}" * 10_000 + b"}")
    with pytest.raises(Unreadable, match="RTF refusé : groupes imbriqués sur 10001 niveaux"):
        read_records(path)


def test_doc_text_and_summary_information():
    if shutil.which("catdoc") is None and os.environ.get("VERBATIM_REQUIRE_SHARED") != "1":
        pytest.skip("catdoc absent (apt-get install catdoc)")
    (record,) = read_records(DOC)
    assert record.text.startswith("Lettre ouverte au préfet sur les prélèvements d'eau en été")
    assert "« Partager l'eau, c'est décider avant la crise, et non pendant »" in record.text
    assert record.title == "Lettre ouverte au préfet sur les prélèvements d'eau en été"
    assert record.meta["author"] == "Malik Benhaddou"
    assert record.date == "2021-09-30"


def test_doc_that_is_really_rtf_is_read_as_rtf(tmp_path):
    shutil.copy(RTF, tmp_path / "ancien.doc")
    (record,) = read_records(tmp_path / "ancien.doc")
    assert record.title == "Prix des rivières vivantes 2022 : trois écoles récompensées"


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("faux.doc", b"Ceci n'est pas un document Word.", r"pas un document Word 97-2003"),
    ("faux.rtf", b"Pas du RTF du tout", r"pas un RTF"),
    ("faux.odt", b"Pas une archive", r"odt illisible \(pas une archive ZIP"),
    ("tronque.doc", bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600, r"doc illisible"),
])
def test_broken_office_files_are_refused_with_a_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(Unreadable, match=reason):
        read_records(path)


def test_odt_zip_bomb_is_refused_before_inflating(tmp_path):
    path = tmp_path / "bombe.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b" " * (64 * 1024 * 1024))
    with pytest.raises(Unreadable, match=r"^odt refusé : content.xml se décompresse .*bombe ZIP"):
        read_records(path)


def test_cli_indexes_the_office_folder(tmp_path):
    verbatim = str(Path(sys.executable).with_name("verbatim"))
    done = subprocess.run([verbatim, "index", str(OFFICE), "--index", str(tmp_path / "ix"),
                           "--json"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["added"], report["skipped"]) == (3, [])
    found = subprocess.run([verbatim, "search", '"garde-rivière"', "--index",
                            str(tmp_path / "ix"), "--json"], capture_output=True, text=True,
                           timeout=120)
    assert [h["source"] for h in json.loads(found.stdout)["results"]] == [ODT.name]

