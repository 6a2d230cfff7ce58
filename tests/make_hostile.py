"""Generate a folder of hostile and broken inputs for the indexer (nothing binary is committed).

    python tests/make_hostile.py OUT [--size-limit-mb 12] [--big-mb 200] [--canary-url URL]

`make_hostile(folder)` writes every file and returns what the indexer must do with each one,
keyed by its path relative to `folder` (the report's "source"): skip it with a given French
reason, index it safely (with words that must and must not be in its text), or never see it
(symbolic links, hidden files). Good files sit beside the bad ones: they must be indexed.

The oversized file is `size_limit + 1` bytes: run the indexer with
``VERBATIM_MAX_FILE_MB=<size_limit in MB>`` (see `limit_env`). By hand, ``--big-mb 200`` writes
a 200 MB file instead, which the default 100 MB limit refuses.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024
DEFAULT_SIZE_LIMIT = 12 * MB  # above the 10 MB CSV cell, so that file reaches the CSV reader
CSV_CELL_BYTES = 10 * MB
BOMB_BYTES = 128 * MB  # what the DOCX bomb's document.xml inflates to
CANARY = "CANARI-SECRET-7f3a"  # in a hidden file that only an XML entity could pull in
NESTING = 10_000


@dataclass(frozen=True)
class Expectation:
    """What indexing must make of one generated file.

    outcome: "skipped" (listed in the report with a reason matching the regex `reason`),
    "indexed" (its text holds every word of `contains`, none of `excludes`), or "ignored"
    (never walked: no document, not in the report).
    """

    outcome: str
    reason: str = ""
    contains: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()


def limit_env(size_limit: int = DEFAULT_SIZE_LIMIT) -> dict[str, str]:
    """Return the environment variables that set the indexer's size limit to `size_limit`."""
    return {"VERBATIM_MAX_FILE_MB": repr(size_limit / MB)}


def _write(folder: Path, name: str | bytes, data: bytes | str) -> Path:
    """Write `data` (text in UTF-8) to `folder/name`; a bytes name may hold non-UTF-8 bytes."""
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- good files --------------------------------------------------------------------------------

GOOD_MD = """---
title: Communiqué sur l'ornithorynque
date: 2021-03-04
tags: [Faune]
---

L'association salue la protection de l'ornithorynque dans les rivières d'Australie.

« Nous resterons vigilants », a déclaré Jeanne Martin, présidente de l'association.
"""
GOOD_TXT = (
    "Discours sur le kangourou\n\nMesdames et messieurs, le kangourou est un symbole "
    "de la faune australienne que nous devons protéger.\n"
)


def _good_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "Communiqué : le wombat est protégé dans toute la région.")
    pdf.output(str(path))


def _scan_pdf(path: Path) -> None:
    """A page holding only a picture of text, as a scanner makes it: no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    image = Image.new("L", (620, 877), 255)
    draw = ImageDraw.Draw(image)
    for row in range(12):  # grey bars where lines of text would be
        draw.rectangle((60, 80 + row * 40, 560 - (row % 3) * 60, 96 + row * 40), fill=40)
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=210, h=297)
    pdf.output(str(path))


def _encrypted_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_encryption(owner_password="proprietaire", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "Texte confidentiel sur le tamanoir.")
    pdf.output(str(path))


def _truncated_pdf(path: Path) -> None:
    _good_pdf(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


# --- text files ----------------------------------------------------------------------------------

FRENCH = "Le ministre de l'Économie a présenté le budget de l'État devant les députés. "


def _utf16_no_bom() -> bytes:
    return ("Déclaration sur le pangolin.\n\n" + FRENCH * 4).encode("utf-16-le")


def _mixed_encodings() -> bytes:
    # an editor saved the first paragraph as UTF-8, another appended one in cp1252
    return (
        "Première partie en UTF-8 : l'État protège le lamantin.\n\n".encode()
        + "Seconde partie en cp1252 : « l’été » du lamantin.\n".encode("cp1252")
    )


def _big_text(size: int) -> bytes:
    line = ("Un texte parfaitement lisible mais beaucoup trop long sur le dugong. " * 8 + "\n")
    data = line.encode() * (size // len(line) + 1)
    return data[:size]


def _write_big(path: Path, size: int) -> None:
    """Write `size` bytes of plain text without holding them all in memory."""
    block = _big_text(MB)
    with path.open("wb") as handle:
        left = size
        while left > 0:
            handle.write(block[: min(left, len(block))])
            left -= len(block)


# --- markup ----------------------------------------------------------------------------------


def _hostile_html() -> str:
    deep = "<div>" * NESTING + "<p>Texte au fond des divisions imbriquées.</p>" + "</div>" * NESTING
    return f"""<!doctype html>
<html lang="fr"><head><title>Page piégée</title>
<script>document.write("SCRIPT-DANS-HEAD")</script>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)">
</head>
<body onload="alert('ONLOAD-CORPS')">
<article>
<h1>Page piégée</h1>
<p>Le texte légitime de cette page parle de la girafe.</p>
<img src="x" onerror="alert('ONERROR-IMAGE')">
<iframe src="javascript:alert(1)">IFRAME-CONTENU</iframe>
<script>alert("SCRIPT-DANS-ARTICLE")</script>
<p>Un <a href="javascript:alert('LIEN-JS')">lien piégé</a> et un
<span onmouseover="alert('SURVOL')">survol</span>.</p>
<svg onload="alert(1)"><text>SVG-TEXTE</text></svg>
<object data="x.swf">OBJET-CONTENU</object>
<style>body {{ background: url("javascript:alert('STYLE')") }}</style>
{deep}
</article></body></html>
"""


def _deep_html() -> str:
    """No landmark, so the reader scores every paragraph's ancestors: 10,000 unclosed <font>
    each holding a paragraph (old editors wrote such pages), then nested figures."""
    return (
        "<html><body>" + "<font><p>La loutre de mer nage. " * NESTING
        + "<figure>" * 2000 + "<p>Sous les figures.</p>" + "</figure>" * 2000 + "</body></html>"
    )


ALIAS_BOMB_MD = """---
title: &t Titre de la bombe
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
subtitle: *i
author: *i
category: *i
tags: *i
---

Le corps de ce communiqué parle du suricate et reste lisible.
"""

# Stray emphasis markers, brackets and backticks by the ten thousand: each bounded regex scan
# must stay bounded.
PATHOLOGICAL_MD = (
    "Ce texte parle du fennec.\n\n"
    + "*a " * 20_000 + "\n\n" + "[" * 20_000 + "\n\n" + "`" * 20_000 + "\n\n"
    + "_b " * 20_000 + "\n\n" + "<" * 20_000 + "\n\n" + "> " * 5_000 + "citation\n"
)

TEI_HEAD = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
    "<title>Séance piégée</title></titleStmt></fileDesc></teiHeader><text><body>"
)
TEI_TAIL = "</body></text></TEI>"


def _xxe_xml(canary: Path, canary_url: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE TEI [
  <!ENTITY passwd SYSTEM "file:///etc/passwd">
  <!ENTITY canari SYSTEM "{canary.as_uri()}">
  <!ENTITY web SYSTEM "{canary_url}">
  <!ENTITY % distant SYSTEM "{canary_url}/dtd">
  %distant;
]>
{TEI_HEAD}<sp who="#x"><speaker>Jeanne Test, rapporteure.</speaker>
<p>Le raton laveur avant &passwd; puis &canari; puis &web; fin.</p></sp>{TEI_TAIL}
"""


def _billion_laughs_xml() -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE TEI [\n  ' + "\n  ".join(entities) + "\n]>\n"
        + TEI_HEAD + '<sp who="#x"><speaker>Jean Rire</speaker>'
        "<p>Le blaireau rit &lol9; fin.</p></sp>" + TEI_TAIL
    )


def _deep_xml() -> str:
    deep = "<hi>" * NESTING + "profond" + "</hi>" * NESTING
    return TEI_HEAD + f'<sp who="#x"><speaker>Paul Profond</speaker><p>{deep}</p></sp>' + TEI_TAIL


# --- tables and archives -------------------------------------------------------------------------


def _broken_quoting_csv() -> str:
    # the quote opened in the second row is never closed: it swallows the rest of the file
    return (
        "titre,date,discours\n"
        "Déclaration sur le castor,2020-01-02,Le castor construit des barrages.\n"
        '"Titre jamais fermé,2020-01-03,Un discours ""mal cité\n'
        "Troisième,2020-01-04,Encore du texte\n"
    )


def _huge_cell_csv(path: Path, cell: int) -> None:
    word = "hippopotame "
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("titre,date,discours\nLe discours fleuve,2020-05-06,\"")
        handle.write(word * (cell // len(word)))
        handle.write('"\nUne courte déclaration,2020-05-07,Le tapir est protégé.\n')


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _zip_bomb_docx(path: Path, inflated: int) -> None:
    """A valid-looking .docx whose document.xml inflates to `inflated` bytes of blanks."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
        b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
        b"<w:t>Le lemming explose.</w:t></w:r></w:p>"
    )
    tail = b"</w:body></w:document>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        # streamed: a few hundred KB on disk, never the whole inflated size in memory
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            blanks = b" " * MB
            for _ in range(max(0, inflated - len(head) - len(tail)) // MB):
                member.write(blanks)
            member.write(tail)


# --- images, office files, e-mail ---------------------------------------------------------------


def _mail(subject: str, body: str, date: str = "Tue, 05 Mar 2024 10:00:00 +0100") -> bytes:
    return (f"From: Association <presse@asso.example>\r\nSubject: {subject}\r\n"
            f"Date: {date}\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode()


INJECTED = (b"From: presse@asso.example\r\nSubject: =?utf-8?q?Communiqu=C3=A9=0D=0ABcc:"
            b"_victime@example.com?=\r\nDate: Tue, 05 Mar 2024 10:00:00 +0100\r\n\r\n"
            b"Le texte sur le phascogale.\r\n")


def _many_parts(parts: int) -> bytes:
    body = b"".join(b"--B\r\nContent-Type: text/plain\r\n\r\npartie %d\r\n" % i
                    for i in range(parts))
    return (b"From: a@asso.example\r\nSubject: Parties\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=B\r\n\r\n" + body + b"--B--\r\n")


BROKEN_BOUNDARY = (b"From: a@asso.example\r\nSubject: Frontiere\r\nMIME-Version: 1.0\r\n"
                   b"Content-Type: multipart/mixed; boundary=\"ABSENTE\"\r\n\r\n"
                   b"--AUTRE\r\nContent-Type: text/plain\r\n\r\nLe bandicoot.\r\n--AUTRE--\r\n")


def _bomb_attachment_eml(folder: Path) -> bytes:
    """A message whose .docx attachment is a ZIP bomb: the message is read, not the bomb."""
    import base64

    bomb = folder / ".bombe-jointe.docx"
    _zip_bomb_docx(bomb, BOMB_BYTES)
    data = base64.encodebytes(bomb.read_bytes())
    bomb.unlink()
    return (b"From: Association <presse@asso.example>\r\nSubject: Communique sur le quoll\r\n"
            b"Date: Tue, 05 Mar 2024 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\n"
            b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
            + ("L'association salue la protection du quoll dans toute la région. " * 8).encode()
            + b"\r\n--X\r\nContent-Type: application/octet-stream\r\n"
            b"Content-Disposition: attachment; filename=communique.docx\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" + data + b"--X--\r\n")


def _mbox(messages: list[bytes]) -> bytes:
    return b"".join(b"From MAILER-DAEMON Tue Mar  5 10:00:00 2024\n"
                    + m.replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ") + b"\n"
                    for m in messages)


def _hostile_formats(folder: Path) -> dict[str, Expectation]:
    """Hostile images, office files and e-mail, with good messages beside the bad ones."""
    from PIL import Image

    expected: dict[str, Expectation] = {}
    # a PNG of 200 KB declaring 1.6 billion pixels; a truncated PNG; a JPEG that is not one
    Image.new("1", (40_000, 40_000), 1).save(folder / "bombe-pixels.png")
    expected["bombe-pixels.png"] = Expectation("skipped", r"^image refusée : .*bombe")
    Image.new("L", (400, 300), 200).save(folder / "tronquee.png")
    data = (folder / "tronquee.png").read_bytes()
    (folder / "tronquee.png").write_bytes(data[: len(data) // 3])
    expected["tronquee.png"] = Expectation("skipped", r"^image illisible|aucun texte reconnu")
    _write(folder, "pas-une-image.jpg", b"<html>pas une image</html>")
    expected["pas-une-image.jpg"] = Expectation("skipped", r"^image illisible")
    # office files
    with zipfile.ZipFile(folder / "bombe-zip.odt", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        with archive.open("content.xml", "w", force_zip64=True) as member:
            for _ in range(BOMB_BYTES // MB):
                member.write(b" " * MB)
    expected["bombe-zip.odt"] = Expectation("skipped", r"^odt refusé : .*bombe ZIP")
    _write(folder, "profond.rtf", b"{\\rtf1 " + b"{" * NESTING + b"x" + b"}" * NESTING + b"}")
    expected["profond.rtf"] = Expectation("skipped", r"^RTF refusé : groupes imbriqués")
    _write(folder, "pas-word.doc", b"Ceci n'est pas un document Word.")
    expected["pas-word.doc"] = Expectation("skipped", r"pas un document Word")
    _write(folder, "pas-outlook.msg", b"Subject: pas un message Outlook\r\n\r\ntexte")
    expected["pas-outlook.msg"] = Expectation("skipped", r"pas un message Outlook")
    # e-mail: header injection, 10,000 parts, a boundary never found, a bomb attachment
    _write(folder, "injection.eml", INJECTED)
    expected["injection.eml"] = Expectation("skipped", r"injection d'en-tête")
    _write(folder, "dix-mille-parties.eml", _many_parts(10_000))
    expected["dix-mille-parties.eml"] = Expectation("skipped", r"plus de 1000 parties MIME")
    _write(folder, "frontiere.eml", BROKEN_BOUNDARY)
    expected["frontiere.eml"] = Expectation("skipped", r"^MIME invalide : frontière")
    _write(folder, "bombe-jointe.eml", _bomb_attachment_eml(folder))
    expected["bombe-jointe.eml"] = Expectation("indexed", contains=("quoll",))
    expected["bombe-jointe.eml (pièce jointe communique.docx)"] = Expectation(
        "skipped", r"^docx refusé : .*bombe ZIP")
    # a mailbox: two good messages around a hostile one, which alone is refused
    _write(folder, "boite.mbox", _mbox([
        _mail("Le numbat", "L'association salue la protection du numbat."),
        INJECTED,
        _mail("Le bilby", "Le bilby est protégé.", "Wed, 06 Mar 2024 10:00:00 +0100"),
    ]))
    expected["boite.mbox"] = Expectation("indexed", contains=("numbat", "bilby"),
                                         excludes=("phascogale",))
    expected["boite.mbox (message 2)"] = Expectation("skipped", r"injection d'en-tête")
    return expected


# --- the folder ----------------------------------------------------------------------------------


def make_hostile(
    folder: Path,
    *,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    big_bytes: int | None = None,
    canary_url: str = "http://127.0.0.1:9/verbatim-xxe",
) -> dict[str, Expectation]:
    """Write the hostile inputs into `folder` and return {source: what indexing must do}.

    `size_limit` is the limit the indexer will run with (see `limit_env`); the oversized file
    is one byte above it unless `big_bytes` is given. `canary_url` is what the XML external
    entities point at: a test can listen there and check that nothing connects.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, Expectation] = {}

    # empty files of every format
    for suffix in (".txt", ".pdf", ".md", ".docx", ".csv", ".xml", ".html", ".png", ".odt",
                   ".rtf", ".doc", ".eml", ".mbox", ".msg"):
        _write(folder, f"vide{suffix}", b"")
        expected[f"vide{suffix}"] = Expectation("skipped", r"^fichier vide$")

    # PDF
    _truncated_pdf(folder / "tronque.pdf")
    expected["tronque.pdf"] = Expectation("skipped", r"PDF tronqué")
    _encrypted_pdf(folder / "chiffre.pdf")
    expected["chiffre.pdf"] = Expectation("skipped", r"PDF chiffré")
    _scan_pdf(folder / "scan.pdf")  # OCR reads nothing on grey bars
    expected["scan.pdf"] = Expectation("skipped", r"pas de couche texte")
    _write(folder, "pas-un-pdf.pdf", b"PK\x03\x04" + bytes(range(256)) * 4)
    expected["pas-un-pdf.pdf"] = Expectation("skipped", r"pas un PDF")

    # text
    _write(folder, "binaire.txt", random.Random(6).randbytes(8192))
    expected["binaire.txt"] = Expectation("skipped", r"^binaire")
    _write(folder, "binaire-sans-nul.txt", bytes(b % 31 + 1 for b in range(8192)))
    expected["binaire-sans-nul.txt"] = Expectation("skipped", r"^binaire")
    _write(folder, "utf16-sans-bom.txt", _utf16_no_bom())
    expected["utf16-sans-bom.txt"] = Expectation("skipped", r"UTF-16 sans BOM")
    _write(folder, "encodages-melanges.txt", _mixed_encodings())
    expected["encodages-melanges.txt"] = Expectation(
        "indexed", contains=("l'État protège", "« l’été »"), excludes=("Ã", "\ufffd")
    )
    _write_big(folder / "trop-gros.txt", big_bytes if big_bytes is not None else size_limit + 1)
    expected["trop-gros.txt"] = Expectation("skipped", r"^fichier trop gros \(.+ > limite .+\)$")

    # markup
    _write(folder, "piegee.html", _hostile_html())
    expected["piegee.html"] = Expectation(
        "indexed",
        contains=("girafe", "lien piégé", "survol"),
        excludes=("SCRIPT-DANS", "ONERROR", "ONLOAD", "IFRAME-CONTENU", "SVG-TEXTE",
                  "OBJET-CONTENU", "alert(", "javascript:", "<"),
    )
    _write(folder, "imbrication.html", _deep_html())
    expected["imbrication.html"] = Expectation("indexed", contains=("loutre de mer",))
    _write(folder, "bombe-yaml.md", ALIAS_BOMB_MD)
    expected["bombe-yaml.md"] = Expectation(
        "indexed", contains=("suricate",), excludes=("lol", "Titre de la bombe")
    )
    _write(folder, "pathologique.md", PATHOLOGICAL_MD)
    expected["pathologique.md"] = Expectation("indexed", contains=("fennec",))

    # XML
    hidden = folder / ".secret"
    hidden.mkdir(exist_ok=True)
    canary = _write(hidden, "canari.txt", f"{CANARY}\n")
    _write(folder, "entites-externes.xml", _xxe_xml(canary, canary_url))
    expected["entites-externes.xml"] = Expectation(
        "indexed", contains=("raton laveur",), excludes=(CANARY, "root:", "/bin/")
    )
    _write(folder, "milliard-de-rires.xml", _billion_laughs_xml())
    expected["milliard-de-rires.xml"] = Expectation("skipped", r"^XML refusé .*milliard de rires")
    _write(folder, "profond.xml", _deep_xml())
    expected["profond.xml"] = Expectation("skipped", r"^XML refusé .*imbriqués trop profondément")
    _write(folder, "pas-tei.xml", "<?xml version='1.0'?><rss><channel/></rss>")
    expected["pas-tei.xml"] = Expectation("skipped", r"XML non TEI")

    # CSV
    _write(folder, "guillemets-casses.csv", _broken_quoting_csv())
    expected["guillemets-casses.csv"] = Expectation(
        "skipped", r"^CSV invalide : guillemet ouvert ligne 3 .*jamais fermé"
    )
    _huge_cell_csv(folder / "cellule-geante.csv", CSV_CELL_BYTES)
    expected["cellule-geante.csv"] = Expectation("indexed", contains=("tapir",))

    # DOCX
    _zip_bomb_docx(folder / "bombe-zip.docx", BOMB_BYTES)
    expected["bombe-zip.docx"] = Expectation("skipped", r"^docx refusé : .*bombe ZIP")
    _write(folder, "pas-un-zip.docx", b"Ceci n'est pas une archive ZIP, juste du texte.")
    expected["pas-un-zip.docx"] = Expectation("skipped", r"^docx illisible \(pas une archive ZIP")

    # images, office files, e-mail (issue 14)
    expected.update(_hostile_formats(folder))

    # a named pipe: opening it for reading would wait forever for a writer
    os.mkfifo(folder / "tube.txt")
    expected["tube.txt"] = Expectation("skipped", r"^pas un fichier ordinaire")

    # names: spaces, accents, a newline, dots, bytes that are not UTF-8
    names: dict[str | bytes, str] = {
        "nom avec espaces.txt": "koala",
        "accentué éèçà œuvre.txt": "quokka",
        "retour\nà la ligne.txt": "wallaby",
        "points..dans..le..nom.txt": "dingo",
        "..txt": "",  # hidden: starts with a dot
        b"latin1-\xe9t\xe9.txt": "opossum",
    }
    for name, animal in names.items():
        _write(folder, name, f"Une note sur le {animal or 'secret caché'}, animal d'Océanie.\n")
        expected[os.fsdecode(name)] = (
            Expectation("indexed", contains=(animal,)) if animal else Expectation("ignored")
        )
    # not UTF-8: could be neither stored in the index nor shown, so refused by name
    expected[os.fsdecode(b"latin1-\xe9t\xe9.txt")] = Expectation("skipped", r"non UTF-8")
    _write(folder, "vide\nà la ligne.txt", b"")
    expected["vide\nà la ligne.txt"] = Expectation("skipped", r"^fichier vide$")

    # symbolic links out of the folder: never followed, each listed with its reason
    for name, target in (("lien-passwd.txt", "/etc/passwd"), ("lien-dossier", "/etc"),
                         ("lien-canari.txt", str(canary))):
        (folder / name).symlink_to(target)
        expected[name] = Expectation("skipped", r"^lien symbolique non suivi")

    # good files beside the hostile ones
    _write(folder, "bon-communique.md", GOOD_MD)
    expected["bon-communique.md"] = Expectation("indexed", contains=("ornithorynque",))
    _write(folder, "bon-discours.txt", GOOD_TXT)
    expected["bon-discours.txt"] = Expectation("indexed", contains=("kangourou",))
    _good_pdf(folder / "bon-communique.pdf")
    expected["bon-communique.pdf"] = Expectation("indexed", contains=("wombat",))
    return expected


def main(argv: list[str] | None = None) -> int:
    """Command line: write the folder and list each file with what is expected of it."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size-limit-mb", type=float, default=DEFAULT_SIZE_LIMIT / MB,
                        help="limit the indexer will run with (VERBATIM_MAX_FILE_MB)")
    parser.add_argument("--big-mb", type=float, default=None,
                        help="size of the oversized file (default: one byte over the limit)")
    args = parser.parse_args(argv)
    if args.folder.exists() and any(args.folder.iterdir()):
        parser.error(f"{args.folder} n'est pas vide")
    big = int(args.big_mb * MB) if args.big_mb is not None else None
    expected = make_hostile(args.folder, size_limit=int(args.size_limit_mb * MB), big_bytes=big)
    for name, what in expected.items():
        print(f"{name!r:40} {what.outcome:8} {what.reason}")
    print(f"\nverbatim index: VERBATIM_MAX_FILE_MB={args.size_limit_mb:g} verbatim index "
          f"{args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
