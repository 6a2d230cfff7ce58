"""A press office indexing its own archive: the same release kept as Word, OpenDocument, an
e-mail and a scan, each read through `verbatim index` and `verbatim search` as a press officer
runs them (session 49, helper h200's journeys)."""

from __future__ import annotations

import json
import re
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from indexer.cli import main
from tests.conftest import shared_path, unavailable

COMMITTEE = "Comité de soutien à Antoine Deltour"
# The contact block as the committee's releases print it, one line each (the real one, from
# luxleaks-communiques/markdown/2016-06-29-pr-verdict.html.md, checked below).
CONTACT = [COMMITTEE, "Centre Léo Lagrange", "BP 1006", "88050 EPINAL Cedex 9"]


def verdict_release() -> list[str]:
    """The lines of the committee's release of 29 June 2016 (the real text, its Markdown
    undone): heading, letterhead, title, dateline, body paragraphs, contact block."""
    source = shared_path("luxleaks-communiques", "markdown", "2016-06-29-pr-verdict.html.md")
    text = source.read_text(encoding="utf-8")
    body = text.split("## Communiqué de Presse", 1)[1].split("## Contact Presse", 1)
    assert [line.strip() for line in body[1].splitlines() if line.strip()][:4] == CONTACT
    paragraphs = [" ".join(p.split()).strip("_") for p in re.split(r"\n\s*\n", body[0])]
    return ["COMMUNIQUÉ DE PRESSE", COMMITTEE, "Une condamnation incompréhensible et inacceptable",
            *[p for p in paragraphs if p], "Contact presse"]


def index_and_search(folder: Path, tmp_path: Path, *query: str) -> dict:
    runner = CliRunner()
    index_dir = tmp_path / "ix"
    done = runner.invoke(main, ["index", str(folder), "--index", str(index_dir)])
    assert done.exit_code == 0, done.output
    found = runner.invoke(main, ["search", *query, "--json", "--index", str(index_dir)])
    assert found.exit_code == 0, found.output
    return json.loads(found.stdout)


def speakers_of(result: dict) -> list[str]:
    return [value["value"] for value in result["facets"]["speaker"]]


def write_word(path: Path, lines: list[str]) -> None:
    """A Word release whose contact block is typed with line breaks (Maj+Entrée)."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    run = document.add_paragraph().add_run(CONTACT[0])
    for line in CONTACT[1:]:
        run.add_break()
        run.add_text(line)
    document.save(str(path))


def write_odt(path: Path, lines: list[str]) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.text import LineBreak, P

    document = OpenDocumentText()
    for line in lines:
        document.text.addElement(P(text=line))
    contact = P(text=CONTACT[0])
    for line in CONTACT[1:]:
        contact.addElement(LineBreak())
        contact.addText(line)
    document.text.addElement(contact)
    document.save(str(path))


def write_mail(path: Path, lines: list[str]) -> None:
    """The release sent as the body of a plain-text mail, wrapped at 72 as mailers do."""
    import textwrap

    message = EmailMessage()
    message["From"] = f"{COMMITTEE} <contact@support-antoine.org>"
    message["Date"] = "Wed, 29 Jun 2016 17:05:00 +0200"
    message["Subject"] = "Une condamnation incompréhensible et inacceptable"
    message.set_content("\n\n".join([*("\n".join(textwrap.wrap(p, 72)) for p in lines),
                                     "\n".join(CONTACT)]) + "\n")
    path.write_bytes(bytes(message))


@pytest.mark.parametrize("name, write", [("CP jugement.docx", write_word),
                                         ("CP jugement.odt", write_odt),
                                         ("CP jugement.eml", write_mail)])
def test_the_contact_block_typed_line_by_line_is_not_the_issuers_name(tmp_path, name, write):
    # « Comité de soutien à Antoine Deltour ⏎ Centre Léo Lagrange ⏎ BP 1006 » was read as one
    # line in Word (a line break became a space), OpenDocument and a mail's body (short lines
    # re-joined as a wrapped paragraph), and the issuer was « Comité de soutien à Antoine
    # Deltour Centre Léo Lagrange BP 1006 88050 EPINAL Cedex 9 »: the press office's own name
    # split into three values of the speaker facet across its archive.
    folder = tmp_path / "archive"
    folder.mkdir()
    write(folder / name, verdict_release())
    result = index_and_search(folder, tmp_path, "jugement")
    assert result["total"] == 1
    assert result["results"][0]["date"] == "2016-06-29"
    assert COMMITTEE in speakers_of(result)
    assert not [s for s in speakers_of(result) if "Lagrange" in s or "EPINAL" in s]


def test_a_scanned_release_keeps_its_contact_block_lines(tmp_path):
    from PIL import Image, ImageDraw, ImageFont

    from indexer.readers import ocr

    if reason := ocr.unavailable():
        unavailable(reason)
    font_file = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    if not font_file.exists():
        unavailable(f"font not found: {font_file}")
    import textwrap

    font = ImageFont.truetype(str(font_file), 30)
    lines: list[str] = []
    release = verdict_release()
    for paragraph in [*release[:4], *release[-2:], *CONTACT]:
        lines += [*textwrap.wrap(paragraph, 80), ""] if paragraph not in CONTACT else [paragraph]
    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    for number, line in enumerate(lines):
        draw.text((140, 150 + 42 * number), line, font=font, fill=0)
    folder = tmp_path / "archive"
    folder.mkdir()
    page.convert("RGB").save(folder / "scan CP jugement.pdf", "PDF", resolution=200)
    result = index_and_search(folder, tmp_path, "jugement")
    assert result["total"] == 1
    assert COMMITTEE in speakers_of(result)
    assert not [s for s in speakers_of(result) if "Lagrange" in s or "EPINAL" in s]
