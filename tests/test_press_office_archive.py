"""A press office indexing its own archive: the same release kept as Word, OpenDocument, an
e-mail and a scan, each read through `verbatim index` and `verbatim search` as a press officer
runs them (session 49, helper h200's journeys)."""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from indexer.cli import main
from tests.conftest import shared_path, web_client

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


def write_mail(path: Path, lines: list[str],
               subject: str = "Une condamnation incompréhensible et inacceptable") -> None:
    """The release sent as the body of a plain-text mail, wrapped at 72 as mailers do."""
    import textwrap

    message = EmailMessage()
    message["From"] = f"{COMMITTEE} <contact@support-antoine.org>"
    message["Date"] = "Wed, 29 Jun 2016 17:05:00 +0200"
    message["Subject"] = subject
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


def index_report(folder: Path, tmp_path: Path) -> str:
    done = CliRunner().invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix")])
    assert done.exit_code == 0, done.output
    return done.output


def first_result(tmp_path: Path, *query: str) -> dict:
    result = CliRunner().invoke(main, ["search", *query, "--json", "--index",
                                       str(tmp_path / "ix")])
    return json.loads(result.stdout)["results"][0]


@contextmanager
def web(tmp_path: Path):
    """A Flask client over the index, as `verbatim serve` answers, closed after use."""
    yield from web_client(tmp_path / "ix")


def test_a_word_release_saved_under_a_pdf_name_is_read_as_word(tmp_path):
    # « CP dissolution.pdf » renamed by hand from a .docx was skipped « pas un PDF (en-tête
    # %PDF absent) »: the release never reached the index. It is read by its content, the
    # page says so, and its original downloads under the suffix of what it holds.
    folder = tmp_path / "archive"
    folder.mkdir()
    write_word(folder / "CP jugement.pdf", verdict_release())
    report = index_report(folder, tmp_path)
    assert "1 fichier(s) ajouté(s)" in report and "ignoré :" not in report
    first = first_result(tmp_path, "jugement")
    assert first["date"] == "2016-06-29" and first["source"] == "CP jugement.pdf"
    with web(tmp_path) as client:
        page = client.get(f"/doc/{first['id']}").get_data(as_text=True)
        original = client.get(f"/file/{first['id']}")
        assert original.data.startswith(b"PK") and original.status_code == 200
        original.close()
    assert "porte l&#39;extension « .pdf » mais contient un document Word" in page
    assert original.mimetype == "application/octet-stream"
    assert 'filename="CP jugement.docx"' in original.headers["Content-Disposition"]


def test_a_file_neither_its_suffix_nor_a_known_format_keeps_its_reason(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "CP jugement.pdf").write_text("Une condamnation incompréhensible", "utf-8")
    (folder / "note.txt").write_text("Le comité de soutien est scandalisé.", "utf-8")
    assert "ignoré : CP jugement.pdf — pas un PDF (en-tête %PDF absent)" in index_report(
        folder, tmp_path)


def test_words_owner_file_beside_an_open_release_is_named_as_such(tmp_path):
    # Word keeps « ~$ jugement.docx » (162 bytes: who opened it) beside a document open on a
    # shared drive; it was reported « docx illisible (pas une archive ZIP : File is not a zip
    # file) », as if the release were broken.
    folder = tmp_path / "archive"
    folder.mkdir()
    write_word(folder / "CP jugement.docx", verdict_release())
    owner = b"\x0cMarie Laurent" + b"\x00" * 40 + "Marie Laurent".encode("utf-16-le")
    (folder / "~$ jugement.docx").write_bytes(owner + b"\x00" * (162 - len(owner)))
    report = index_report(folder, tmp_path)
    assert "1 fichier(s) ajouté(s)" in report
    assert ("ignoré : ~$ jugement.docx — copie temporaire ou de sauvegarde d'un éditeur"
            in report)


def test_a_release_cut_short_by_an_interrupted_copy_says_so_in_french(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    write_odt(folder / "brouillon.odt", verdict_release())
    data = (folder / "brouillon.odt").read_bytes()
    (folder / "brouillon.odt").write_bytes(data[: len(data) // 2])
    report = index_report(folder, tmp_path)
    assert ("ignoré : brouillon.odt — odt illisible (archive ZIP tronquée ou endommagée"
            in report)
    assert "File is not a zip file" not in report


def test_the_word_file_attached_to_a_mail_is_served_as_that_file(tmp_path):
    # A covering note with the release attached: the page listed « Word » as the statement's
    # other format, and its link sent the whole .eml (« Envoi CP.eml »), not the Word file.
    import io

    folder = tmp_path / "archive"
    folder.mkdir()
    write_word(tmp_path / "CP 2016-06-29 jugement.docx", verdict_release())
    attached = (tmp_path / "CP 2016-06-29 jugement.docx").read_bytes()
    message = EmailMessage()
    message["From"] = "Marie Laurent <presse@support-antoine.org>"
    message["Date"] = "Wed, 29 Jun 2016 17:05:00 +0200"
    message["Subject"] = "Communiqué : le jugement LuxLeaks"
    message.set_content("Bonjour,\n\nVeuillez trouver ci-joint notre communiqué.\n\nMarie\n")
    message.add_attachment(attached, maintype="application", subtype="vnd.openxmlformats-"
                           "officedocument.wordprocessingml.document",
                           filename="CP 2016-06-29 jugement.docx")
    (folder / "Envoi CP.eml").write_bytes(bytes(message))
    index_report(folder, tmp_path)
    first = first_result(tmp_path, "jugement")
    assert first["source"] == "Envoi CP.eml"
    with web(tmp_path) as client:
        page = client.get(f"/doc/{first['id']}").get_data(as_text=True)
        link = re.search(r'href="(/file/[^"]*alt=[^"]*)">Word, pièce jointe « CP 2016-06-29 '
                         r'jugement.docx »</a>', page)
        assert link, page
        served = client.get(link.group(1).replace("&amp;", "&"))
    assert served.status_code == 200
    assert 'filename="CP 2016-06-29 jugement.docx"' in served.headers["Content-Disposition"]
    assert served.data == attached
    assert docx.Document(io.BytesIO(served.data)).paragraphs[0].text == "COMMUNIQUÉ DE PRESSE"


@pytest.mark.parametrize("subject", ["COMMUNIQUE DE PRESSE - Une condamnation "
                                     "incompréhensible et inacceptable",
                                     "CP : Une condamnation incompréhensible et inacceptable",
                                     "[Communiqué de presse] Une condamnation incompréhensible "
                                     "et inacceptable"])
def test_a_mailed_release_is_titled_by_its_headline_not_the_subjects_label(tmp_path, subject):
    # The results list, the page and « Copier la référence » read « COMMUNIQUE DE PRESSE -
    # Une condamnation … »: the label is the kind (communiqué), the title is what follows.
    folder = tmp_path / "archive"
    folder.mkdir()
    write_mail(folder / "CP.eml", verdict_release(), subject)
    result = index_and_search(folder, tmp_path, "jugement")
    assert result["results"][0]["title"] == "Une condamnation incompréhensible et inacceptable"
    assert result["results"][0]["kind"] == "communiqué"


def test_a_mail_clients_sent_folder_without_a_suffix_is_a_mailbox(tmp_path):
    # Thunderbird keeps each folder as an mbox with no suffix (« Envoyés », « Sent »): the
    # press officer's sent releases were skipped « format inconnu (sans extension) ».
    import mailbox

    sent = tmp_path / "Envoyés.eml"
    write_mail(sent, verdict_release(), "CP : Une condamnation incompréhensible et inacceptable")
    folder = tmp_path / "profil" / "Mail" / "Local Folders"
    folder.mkdir(parents=True)
    box = mailbox.mbox(str(folder / "Envoyés"))
    box.add(mailbox.mboxMessage(sent.read_bytes()))
    box.flush()
    box.close()
    (folder / "Envoyés.msf").write_text("// <!-- <mdb:mork:z v=\"1.4\"/> -->\n< <(a=c)> // "
                                        "(f=iso-8859-1) (8A=flags)(8B=subject)>\n", "utf-8")
    result = index_and_search(tmp_path / "profil", tmp_path, "jugement")
    assert result["total"] == 1
    first = result["results"][0]
    assert first["source"] == "Mail/Local Folders/Envoyés" and first["date"] == "2016-06-29"
    assert first["title"] == "Une condamnation incompréhensible et inacceptable"


def test_a_release_moved_to_another_folder_is_said_moved(tmp_path):
    # Folders reorganised: the report said « 1 ajouté(s), 1 retiré(s) », as if a release had
    # been deleted, and nothing warned that its permalink (/doc/<id>, from its path) changed.
    folder = tmp_path / "archive"
    (folder / "Classés" / "2016").mkdir(parents=True)
    write_word(folder / "CP jugement.docx", verdict_release())
    index_report(folder, tmp_path)
    before = first_result(tmp_path, "jugement")["id"]
    (folder / "CP jugement.docx").rename(folder / "Classés" / "2016" / "CP jugement.docx")
    report = index_report(folder, tmp_path)
    assert "1 fichier(s) ajouté(s)" in report and "1 retiré(s)" in report
    assert "déplacé : CP jugement.docx → Classés/2016/CP jugement.docx (même contenu ; son " \
           "adresse /doc/… change" in report
    after = first_result(tmp_path, "jugement")
    assert after["source"] == "Classés/2016/CP jugement.docx" and after["id"] != before
    as_json = CliRunner().invoke(main, ["index", str(folder), "--index", str(tmp_path / "ix"),
                                        "--json"])
    assert json.loads(as_json.stdout)["moved"] == []  # nothing moved since


def test_a_link_to_a_release_shared_before_its_file_moved_still_leads_to_it(tmp_path):
    # A journalist bookmarked /doc/<id> of the committee's 29 June release; the press office
    # then filed it under « Classés/2016 », then under « Classés/2016/Juin ». The old id was
    # a 404 (« Ce document n'existe pas dans l'index. »): it leads to the release where it is.
    folder = tmp_path / "archive"
    (folder / "Classés" / "2016" / "Juin").mkdir(parents=True)
    write_word(folder / "CP jugement.docx", verdict_release())
    index_report(folder, tmp_path)
    first = first_result(tmp_path, "jugement")["id"]
    (folder / "CP jugement.docx").rename(folder / "Classés" / "2016" / "CP jugement.docx")
    assert "l'ancienne mène à la nouvelle" in index_report(folder, tmp_path)
    second = first_result(tmp_path, "jugement")["id"]
    with web(tmp_path) as client:
        moved = client.get(f"/doc/{first}?q=condamnation")
        assert moved.status_code == 302
        assert moved.headers["Location"] == f"/doc/{second}?q=condamnation"
        page = client.get(f"/doc/{first}", follow_redirects=True)
        assert page.status_code == 200
        assert "Une condamnation incompréhensible et inacceptable" in page.get_data(as_text=True)
        assert client.get(f"/api/doc/{first}", follow_redirects=True).json["id"] == second
        # the original file's address too (« Télécharger l'original »)
        original = client.get(f"/file/{first}")
        assert original.status_code == 302
        assert original.headers["Location"] == f"/file/{second}"
        served = client.get(f"/file/{first}", follow_redirects=True)
        assert served.data == (folder / "Classés" / "2016" / "CP jugement.docx").read_bytes()
        served.close()
    # a move of a move: both earlier addresses lead to the last place, also after a rebuild
    (folder / "Classés" / "2016" / "CP jugement.docx").rename(
        folder / "Classés" / "2016" / "Juin" / "CP jugement.docx")
    index_report(folder, tmp_path)
    done = CliRunner().invoke(main, ["index", "--rebuild", "--index", str(tmp_path / "ix")])
    assert done.exit_code == 0, done.output
    third = first_result(tmp_path, "jugement")
    assert third["source"] == "Classés/2016/Juin/CP jugement.docx"
    with web(tmp_path) as client:
        for earlier in (first, second):
            assert client.get(f"/doc/{earlier}").headers["Location"] == f"/doc/{third['id']}"
        unknown = client.get("/doc/0123456789abcdef")
        assert unknown.status_code == 404
        assert "Ce document n&#39;existe pas dans l&#39;index." in unknown.get_data(as_text=True)
    manifest = json.loads((tmp_path / "ix" / "manifest.json").read_text("utf-8"))
    assert manifest["moved"] == {first: third["id"], second: third["id"]}


def committee_release(name: str) -> tuple[str, list[str]]:
    """(title, lines) of one of the committee's releases as its press office types it: the
    heading, the committee's name, the title (the real one, the page's front matter), then
    the release's dateline and paragraphs (the real text, its Markdown undone)."""
    text = shared_path("luxleaks-communiques", "markdown", name).read_text(encoding="utf-8")
    _, front, body = text.split("---", 2)
    title = re.search(r"^title: (.+)$", front, re.M)[1]
    body = body.split("## Communiqué de Presse", 1)[1].split("## Contact Presse", 1)[0]
    paragraphs = [" ".join(p.split()).strip("_") for p in re.split(r"\n\s*\n", body)]
    return title, ["COMMUNIQUÉ DE PRESSE", COMMITTEE, title, *[p for p in paragraphs if p]]


@pytest.mark.parametrize("release, name", [
    ("2015-06-29-pr-luxembourg-ue.html.md", "2015-06-29 CP présidence luxembourgeoise.odt"),
    ("2016-03-12-pr-AG.html.md", "COMMUNIQUE_AG_2016")])
def test_a_release_titled_by_an_institution_s_name_keeps_its_title(tmp_path, release, name):
    # Under the committee's name, « Présidence du Luxembourg au Conseil de l'Union
    # Européenne » and « Assemblée Générale et Conférence de Denis Robert » were taken for a
    # second letterhead (their first word names an institution): the releases, ODT or a text
    # without suffix, had no title in the results, the page or the exports.
    title, lines = committee_release(release)
    folder = tmp_path / "archive"
    folder.mkdir()
    if name.endswith(".odt"):
        write_odt(folder / name, lines)
    else:
        (folder / name).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    index_report(folder, tmp_path)
    with web(tmp_path) as client:
        found = client.get("/api/search", query_string={"q": "Antoine Deltour"}).json
        assert [hit["title"] for hit in found["results"]] == [title]
        page = client.get(f"/doc/{found['results'][0]['id']}").get_data(as_text=True)
    assert f"<h1 id=\"doc-title\">{title}</h1>".replace("'", "&#39;") in page
