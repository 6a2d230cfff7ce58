"""A press office's sent folder: the committee's releases mailed to the press, each with its
PDF attached (the real PDFs of luxleaks-communiques), kept as one mailbox and indexed through
`verbatim index`. Each attachment is named as itself wherever a statement's other formats are
listed, and served from its own message."""

from __future__ import annotations

import csv
import io
import json
import mailbox
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.cli import main
from tests.conftest import shared_path, web_client

# (the PDF mailed, its subject, a word of it to find it by)
RELEASES = [("2016-04-22-pr-proces-FR.pdf", "CP : ouverture du procès LuxLeaks", "procès"),
            ("2016-06-29-pr-verdict-FR.pdf", "CP : le jugement LuxLeaks", "jugement"),
            ("2017-03-15-pr-verdict-appel-FR.pdf", "CP : l'arrêt d'appel LuxLeaks", "appel")]


def sent_folder(folder: Path, releases=RELEASES, *, refused_first: bool = False) -> Path:
    """Write the mailbox « Envoyés.mbox »: one message a release, a covering note with the
    release's PDF attached; `refused_first`: a message the indexer refuses comes first (a
    header holding a line break)."""
    folder.mkdir(exist_ok=True)
    box = mailbox.mbox(str(folder / "Envoyés.mbox"))
    if refused_first:
        box.add(mailbox.mboxMessage(b"From: presse@support-antoine.org\nSubject: =?utf-8?q?"
                                    b"Relance=0ABcc:_tous@exemple.fr?=\n\nRelance.\n"))
    for pdf, subject, _ in releases:
        message = EmailMessage()
        message["From"] = "Comité de soutien à Antoine Deltour <contact@support-antoine.org>"
        message["Date"] = "Wed, 29 Jun 2016 17:05:00 +0200"
        message["Subject"] = subject
        message["Message-ID"] = f"<{pdf}@support-antoine.org>"
        message.set_content("Bonjour,\n\nVeuillez trouver ci-joint notre communiqué.\n\n"
                            "Marie\n")
        message.add_attachment(shared_path("luxleaks-communiques", "pdf", pdf).read_bytes(),
                               maintype="application", subtype="pdf", filename=pdf)
        box.add(mailbox.mboxMessage(bytes(message)))
    box.flush()
    box.close()
    return folder / "Envoyés.mbox"


@contextmanager
def web(index_dir: Path):
    """A Flask client over the index, as `verbatim serve` answers, closed after use."""
    yield from web_client(index_dir)


def indexed(tmp_path: Path, **options) -> Path:
    sent_folder(tmp_path / "archive", **options)
    done = CliRunner().invoke(main, ["index", str(tmp_path / "archive"), "--index",
                                     str(tmp_path / "ix")])
    assert done.exit_code == 0, done.output
    return tmp_path / "ix"


def test_each_attachment_is_named_as_itself_not_as_the_mailbox(tmp_path):
    # The API and `verbatim search --json` listed the verdict's other format as
    # {"source": "Envoyés.mbox", "format": "pdf"} and the CSV export's other_formats as
    # « Envoyés.mbox »: the same for every release of the folder, naming no file a journalist
    # could ask the press office for.
    index_dir = indexed(tmp_path)
    found = CliRunner().invoke(main, ["search", "jugement", "--json", "--index", str(index_dir)])
    verdict = json.loads(found.stdout)["results"][0]
    assert verdict["alternates"] == [{"source": "Envoyés.mbox", "format": "pdf",
                                      "attachment": "2016-06-29-pr-verdict-FR.pdf"}]
    with web(index_dir) as client:
        api = client.get("/api/search?q=jugement").get_json()["results"][0]
        assert api["alternates"] == verdict["alternates"]
        quoted = [hit for hit in client.get("/api/search?q=jugement&quotes=1").get_json()[
            "results"] if hit["document_id"] == verdict["id"]]
        assert quoted and quoted[0]["alternates"] == verdict["alternates"]
        rows = list(csv.DictReader(io.StringIO(
            client.get("/export.csv?q=jugement").get_data(as_text=True))))
    assert rows[0]["other_formats"] == "Envoyés.mbox, pièce jointe « 2016-06-29-pr-verdict-FR.pdf »"


def attachment_link(client, query: str) -> str:
    hit = client.get(f"/api/search?q={query}").get_json()["results"][0]
    doc = client.get(f"/api/doc/{hit['id']}").get_json()
    (alternate,) = doc["alternates"]
    return f"/file/{hit['id']}?alt={alternate['id']}"


def test_an_attachment_is_served_from_its_own_message(tmp_path, monkeypatch):
    # Each download read every message of the mailbox again, up to the one holding the
    # attachment: the third release's PDF parsed three messages (a sent folder of ten
    # thousand, ten thousand). The message's place, recorded when it was indexed, is read
    # alone.
    import indexer.readers.mail as mail

    index_dir = indexed(tmp_path)
    parsed = []
    real = mail.parse_bytes
    monkeypatch.setattr(mail, "parse_bytes", lambda raw: parsed.append(raw) or real(raw))
    with web(index_dir) as client:
        served = client.get(attachment_link(client, "appel"))
    assert served.status_code == 200
    assert served.headers["Content-Disposition"] == ("attachment; "
                                                     "filename=2017-03-15-pr-verdict-appel-FR.pdf")
    assert served.data == shared_path("luxleaks-communiques", "pdf",
                                      "2017-03-15-pr-verdict-appel-FR.pdf").read_bytes()
    assert len(parsed) == 1


@pytest.mark.parametrize("refused_first", [False, True])
def test_a_mailbox_changed_since_it_was_indexed_still_serves_the_attachment(tmp_path,
                                                                            refused_first):
    # The sent folder compacted by the mail client before the next `verbatim index`: the
    # verdict's message is no longer where the index places it, and is looked for among the
    # others (a message the indexer refused, which it lists and passes over, does not stop
    # the search).
    index_dir = indexed(tmp_path, refused_first=refused_first)
    with web(index_dir) as client:
        link = attachment_link(client, "jugement")
        (tmp_path / "archive" / "Envoyés.mbox").unlink()
        sent_folder(tmp_path / "archive", RELEASES[1:], refused_first=refused_first)
        served = client.get(link)
        assert served.status_code == 200
        assert served.data == shared_path("luxleaks-communiques", "pdf",
                                          "2016-06-29-pr-verdict-FR.pdf").read_bytes()
        (tmp_path / "archive" / "Envoyés.mbox").unlink()
        sent_folder(tmp_path / "archive", RELEASES[2:])
        gone = client.get(link)
        assert gone.status_code == 404
        assert "n'est plus dans le message" in gone.get_data(as_text=True).replace("&#39;", "'")
