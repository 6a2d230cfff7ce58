"""E-mail: .eml, .mbox and Outlook .msg, one document per message; forwards keep the original
sender and date; attachments are read and listed as the statement's other formats; hostile
mail is refused with a reason and nothing else is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import make_hostile as mh
import pytest

from indexer.documents import documents_from_file
from indexer.indexing import index_paths
from indexer.readers import Unreadable, read_records
from indexer.readers.mail import clean_subject, split_forward, strip_boilerplate
from tests.conftest import DEMO

sys.path.insert(0, str(DEMO.parent))
import make_formats as mf  # noqa: E402
from msgfile import write_msg  # noqa: E402

MAIL = DEMO / "courriels"
MBOX = MAIL / "2024-03-communiques.mbox"


def message(subject="Communiqué : la FRV salue la décision", body="Lyon, le 5 mars 2024\n\n"
            "La Fédération des Rivières Vivantes salue la décision du tribunal.\n",
            sender="Fédération des Rivières Vivantes <presse@rivieres-vivantes.example>",
            date="Tue, 05 Mar 2024 10:00:00 +0100") -> EmailMessage:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"], msg["To"], msg["Subject"], msg["Date"] = (
        sender, "redaction@journal.example", subject, date)
    msg.set_content(body)
    return msg


def write(tmp_path, msg: EmailMessage, name="message.eml") -> Path:
    path = tmp_path / name
    path.write_bytes(msg.as_bytes())
    return path


# --- the demo mailbox -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def mailbox_docs():
    return documents_from_file(MBOX, DEMO)


def test_every_message_of_the_mailbox_is_a_dated_attributed_document(mailbox_docs):
    assert [d.date for d in mailbox_docs] == [
        "2024-03-12", "2024-03-19", "2024-03-18", "2024-03-26", "2024-03-28"]
    assert all(d.meta.get("author") for d in mailbox_docs)
    assert len({d.id for d in mailbox_docs}) == 5
    assert all(d.record and d.record.startswith("m-") for d in mailbox_docs)


def test_latin1_quoted_printable_subject_and_body_are_decoded(mailbox_docs):
    first = mailbox_docs[0]
    assert first.title == "Assemblée générale 2024 de la FRV : vote en ligne"
    assert "« Une fédération qui défend les rivières doit être aussi transparente" in first.text
    assert first.meta["author"] == "Fédération des Rivières Vivantes"
    assert first.meta["sender"] == "presse@rivieres-vivantes.example"


def test_signature_after_the_dash_dash_line_is_dropped(mailbox_docs):
    assert "Service de presse de la FRV" not in mailbox_docs[0].text
    assert mailbox_docs[0].text.endswith("Contact presse : Sophie Lemaire-Dufour, porte-parole.")


def test_base64_body_is_read_and_the_pdf_attachment_is_another_format(mailbox_docs):
    lisson = mailbox_docs[1]
    assert "Nous irons jusqu'au Conseil d'État s'il le faut" in lisson.text
    assert [(a["format"], a["attachment"]) for a in lisson.alternates] == [
        ("pdf", "2024-03-19-recours-lisson.pdf")]
    assert lisson.alternates[0]["source"] == "courriels/2024-03-communiques.mbox"
    assert "Malik Benhaddou" in [s.name for s in lisson.speakers]


def test_forwarded_release_keeps_its_original_sender_and_date(mailbox_docs):
    castors = mailbox_docs[2]
    assert castors.title == "Les castors sont de retour sur l'Orbize"
    assert castors.meta["author"] == "Orbize Vivante"
    assert castors.meta["forwarded_by"] == "Julie Caradec"
    assert castors.date == "2024-03-18" and castors.meta["created"].startswith("2024-03-18T08:30")
    assert "Je vous transfère" not in castors.text and "Julie" not in castors.text
    assert "« Le castor est un ingénieur" in castors.text
    assert [q.speaker for q in castors.quotes if q.is_speech] == ["Hugo Lefebvre"]


def test_covering_note_gives_way_to_the_attached_release(mailbox_docs):
    indice = mailbox_docs[3]
    assert indice.title == "Indice de santé des rivières : la Vère progresse, l'Orbize stagne"
    assert "La Vère gagne douze points en trois ans" in indice.text
    assert "Vous trouverez ci-joint" in indice.meta["note"]
    assert [a["format"] for a in indice.alternates] == ["docx"]


def test_an_english_message_is_detected_as_english(mailbox_docs):
    assert [d.lang for d in mailbox_docs] == ["fr", "fr", "fr", "fr", "en"]


def test_message_forwarded_as_an_attachment_is_the_original():
    (doc,) = documents_from_file(MAIL / "2024-06-05-transfert-orbize-vivante.eml", DEMO)
    assert doc.title == "Grand nettoyage des berges de l'Orbize le 15 juin"
    assert (doc.meta["author"], doc.meta["forwarded_by"]) == ("Orbize Vivante", "Julie Caradec")
    assert doc.date == "2024-06-05"
    assert "Pour info" not in doc.text


def test_outlook_message_is_read_with_its_local_date():
    (doc,) = documents_from_file(MAIL / "2025-02-11-pollution-lisson.msg", DEMO)
    assert doc.format == "msg"
    assert doc.title == "Pollution du Lisson : la FRV porte plainte"
    assert doc.date == "2025-02-11" and doc.meta["created"] == "2025-02-11T18:45:00+01:00"
    assert "Sophie Lemaire-Dufour" in [s.name for s in doc.speakers]
    assert "Cordialement" not in doc.text and "Service de presse" not in doc.text


def test_outlook_message_with_an_attached_release(tmp_path):
    pdf = (DEMO / "pdf" / "2023-03-14-plainte-cevv.pdf").read_bytes()
    path = write_msg(tmp_path / "envoi.msg", subject="TR: communiqué", sender_name="Julie",
                     sender_email="julie@journal.example", date=mf.dt.datetime(
                         2023, 3, 14, 9, 0, tzinfo=mf.PARIS),
                     body="Ci-joint le communiqué de la FRV.\r\n", attachments=[
                         ("plainte.pdf", pdf)])
    (record,) = read_records(path)
    assert "Compagnie des Eaux du Val de Vère" in record.text
    assert record.meta["alternates"] == [{"format": "pdf", "attachment": "plainte.pdf"}]


# --- parsing rules ----------------------------------------------------------------------------


def test_boilerplate_is_told_apart_from_the_release():
    body = ("Lyon, le 5 mars 2024\n\nLa FRV salue la décision.\n\nBien cordialement,\n"
            "Sophie Lemaire-Dufour\nPorte-parole\n\nEnvoyé de mon iPhone\n")
    assert strip_boilerplate(body) == "Lyon, le 5 mars 2024\n\nLa FRV salue la décision."
    quoted = "Merci pour l'info.\n\nLe 5 mars 2024 à 10:00, Julie a écrit :\n> Bonjour"
    assert strip_boilerplate(quoted) == "Merci pour l'info."
    disclaimer = "Texte.\n\nCe message et toutes les pièces jointes sont confidentiels."
    assert strip_boilerplate(disclaimer) == "Texte."


def test_a_closing_formula_in_the_middle_of_a_long_text_is_kept():
    body = "Cordialement,\n" + "\n".join(f"Paragraphe numéro {i} du discours." for i in range(12))
    assert strip_boilerplate(body).startswith("Cordialement,")


@pytest.mark.parametrize("marker", [
    "-------- Message transféré --------", "---------- Forwarded message ---------",
    "-----Message d'origine-----", "Début du message réexpédié :"])
def test_forward_markers_of_the_usual_mailers(marker):
    body = (f"Pour info.\n\n{marker}\nDe : Orbize Vivante <contact@orbize.example>\n"
            "Date : mar. 14 mars 2023 à 09:00\nObjet : Communiqué\n\nLe texte.")
    note, fields, original = split_forward(body)
    assert note == "Pour info."
    assert fields["from"] == "Orbize Vivante <contact@orbize.example>"
    assert fields["subject"] == "Communiqué" and original == "Le texte."


def test_french_date_in_forwarded_headers(tmp_path):
    body = ("-------- Message transféré --------\nSujet : Communiqué\n"
            "Date : mar. 14 mars 2023 à 09:00\nDe : Orbize Vivante <contact@orbize.example>\n\n"
            "Nantes, le 14 mars 2023. Le texte du communiqué.")
    (record,) = read_records(write(tmp_path, message(body=body)))
    assert record.date == "2023-03-14" and record.meta["author"] == "Orbize Vivante"


def test_subject_prefixes_are_dropped():
    assert clean_subject("TR : Fwd: RE: Communiqué") == "Communiqué"
    assert clean_subject("Tribune : les rivières") == "Tribune : les rivières"


def test_html_body_without_its_signature_block(tmp_path):
    msg = message(body="")
    msg.clear_content()
    msg.set_content("<html><body><p>Lyon, le 5 mars 2024</p><p>La FRV salue la décision.</p>"
                    "<div class='moz-signature'>Sophie<br>06 00 00 00 00</div></body></html>",
                    subtype="html")
    (record,) = read_records(write(tmp_path, msg))
    assert record.text == "Lyon, le 5 mars 2024\n\nLa FRV salue la décision."


# --- hostile mail -------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "reason"), [
    (mh.INJECTED, "injection d'en-tête"),
    (mh._many_parts(10_000), "plus de 1000 parties MIME"),
    (mh.BROKEN_BOUNDARY, "MIME invalide : frontière « ABSENTE »"),
], ids=["injection-d-en-tete", "dix-mille-parties", "frontiere-absente"])
def test_hostile_messages_are_refused_with_a_reason(tmp_path, raw, reason):
    path = tmp_path / "hostile.eml"
    path.write_bytes(raw)
    with pytest.raises(Unreadable, match=reason):
        read_records(path)


def test_a_zip_bomb_attachment_is_refused_and_the_message_kept(tmp_path):
    bomb = tmp_path / "bombe.docx"
    mh._zip_bomb_docx(bomb, 8 * 1024 * 1024)
    msg = message(body="Lyon, le 5 mars 2024\n\n" + "La FRV salue la décision du tribunal. " * 20)
    msg.add_attachment(bomb.read_bytes(), maintype="application", subtype="octet-stream",
                       filename="communique.docx")
    (record,) = read_records(write(tmp_path, msg))
    assert "La FRV salue la décision" in record.text
    ((part, reason),) = record.meta["skipped"]
    assert part == "pièce jointe communique.docx" and "bombe ZIP" in reason


def test_a_hostile_message_in_a_mailbox_loses_nothing_else(tmp_path):
    (tmp_path / "courriels").mkdir()
    good = message(subject="Premier communiqué")
    bad = (b"From: presse@frv.example\nSubject: =?utf-8?q?Titre=0ABcc:_x@example.com?=\n"
           b"Date: Tue, 05 Mar 2024 11:00:00 +0100\n\nLe second texte.\n")
    path = mf.write_mbox([good, bad, message(subject="Troisième communiqué",
                                                date=format_datetime(mf.dt.datetime(
                                                    2024, 3, 6, 9, 0, tzinfo=mf.PARIS)))],
                         tmp_path / "courriels" / "boite.mbox")
    report = index_paths([path.parent], tmp_path / "index", workers=1)
    assert report.documents == 2
    ((source, reason),) = report.skipped
    assert source == "boite.mbox (message 2)" and "injection d'en-tête" in reason


# --- through the command line ---------------------------------------------------------------------


def test_cli_indexes_the_demo_mail_folder_and_finds_a_forwarded_release(tmp_path):
    verbatim = str(Path(sys.executable).with_name("verbatim"))
    index_dir = tmp_path / "index"
    done = subprocess.run([verbatim, "index", str(MAIL), "--index", str(index_dir), "--json"],
                          capture_output=True, text=True, timeout=600, env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["documents"], report["skipped"]) == (7, [])
    found = subprocess.run([verbatim, "search", "castor ingénieur", "--index", str(index_dir),
                            "--json"], capture_output=True, text=True, timeout=120)
    hit = json.loads(found.stdout)["results"][0]
    assert hit["title"] == "Les castors sont de retour sur l'Orbize"
    assert hit["date"] == "2024-03-18"
