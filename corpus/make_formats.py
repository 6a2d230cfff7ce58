"""Régénère les fichiers du corpus de démonstration dans les formats ajoutés par le ticket 14 :
scans, courriels, formats bureautiques.

    python corpus/make_formats.py

Produit, à côté de ce script (dans documents/) :

- scans/2022-02-03-captage-des-greves-scan.pdf   (communiqué imprimé puis numérisé, sans texte)
- scans/2024-12-05-accord-chambre-agriculture.pdf (page 1 tapée, page 2 : annexe signée scannée)
- scans/2023-04-12-declaration-photo.png          (photo d'une déclaration imprimée)
- courriels/2024-03-communiques.mbox  (cinq messages : texte, HTML, PDF et DOCX joints,
                                       transfert, quoted-printable, base64, en-têtes latin-1,
                                       un message en anglais)
- courriels/2024-06-05-transfert-orbize-vivante.eml (communiqué transféré en pièce jointe)
- courriels/2025-02-11-pollution-lisson.msg         (message Outlook)
- bureautique/2023-07-04-assemblee-generale.odt
- bureautique/2022-11-17-prix-rivieres.rtf
- bureautique/2021-09-30-lettre-prefet.doc  (Word 97 ; converti par LibreOffice depuis l'ODT
                                             produit ici : il faut « soffice » pour le refaire)

Les scans sont rendus par bench/scans.py (polices DejaVu, A4, légère rotation, bruit). Tous
les textes sont originaux et fictifs (CC0). Dépendances : fpdf2, python-docx, odfpy, Pillow ;
LibreOffice pour le .doc (s'il manque, le .doc existant est gardé).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import zlib
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "documents"
sys.path[:0] = [str(HERE.parent), str(HERE)]

from msgfile import write_msg  # noqa: E402

from bench.scans import degrade, render_pages, scanned_pdf  # noqa: E402

PARIS = dt.timezone(dt.timedelta(hours=1))
PARIS_ETE = dt.timezone(dt.timedelta(hours=2))
FRV = Address("Fédération des Rivières Vivantes", "presse", "rivieres-vivantes.example")

# --------------------------------------------------------------------------- textes

CAPTAGE = [
    "COMMUNIQUÉ DE PRESSE",
    "Captage des Grèves : la FRV demande une enquête publique",
    "Montclair, le 3 février 2022",
    "La Fédération des Rivières Vivantes (FRV) demande au préfet l'ouverture d'une enquête "
    "publique sur le captage d'eau potable des Grèves, qui alimente onze mille habitants de "
    "Montclair et des communes voisines. Les analyses publiées par l'agence régionale de santé "
    "montrent des teneurs en nitrates proches de la limite réglementaire depuis trois hivers.",
    "« Les habitants ont le droit de savoir ce qu'ils boivent. Une enquête publique est le "
    "seul moyen de mettre toutes les analyses sur la table », a déclaré Claire Aubertin, "
    "présidente de la FRV.",
    "La fédération propose que l'aire d'alimentation du captage soit protégée par des contrats "
    "avec les exploitations agricoles, sur le modèle de ce qui a été fait sur la Vère.",
    "Contact presse : Sophie Lemaire-Dufour, porte-parole.",
]

ACCORD_PAGE1 = [
    "Accord entre la FRV et la chambre d'agriculture pour protéger les captages",
    "Lyon, le 5 décembre 2024",
    "La Fédération des Rivières Vivantes et la chambre d'agriculture départementale ont signé "
    "ce jeudi un accord-cadre pour la protection des captages d'eau potable du bassin de la "
    "Vère. Quarante exploitations s'engagent à réduire les apports d'azote sur les parcelles "
    "les plus proches des points de captage, en échange d'un accompagnement technique et d'une "
    "aide financière de l'agence de l'eau.",
    "« Cet accord prouve que l'eau potable et l'agriculture ne sont pas des adversaires », a "
    "déclaré Malik Benhaddou, directeur général de la FRV.",
    "Le texte de l'engagement signé par les deux parties figure en annexe.",
]

ACCORD_ANNEXE = [
    "Annexe : engagement signé",
    "Les signataires s'engagent à publier chaque année un bilan des pratiques sur les aires "
    "d'alimentation des captages, à ouvrir les parcelles aux relevés des bénévoles de la "
    "fédération et à réunir un comité de suivi deux fois par an.",
    "Fait à Lyon, le 5 décembre 2024, pour la Fédération des Rivières Vivantes, Claire "
    "Aubertin, présidente ; pour la chambre d'agriculture, Bernard Vasseur, président.",
]

PHOTO = [
    "Déclaration de Sophie Lemaire-Dufour",
    "Saint-Aubin-sur-Orbize, le 12 avril 2023",
    "« Les bénévoles ont compté cette semaine quarante-deux frayères de truites sur le tronçon "
    "restauré. Il y a cinq ans, il n'y en avait aucune. La rivière a repris vie plus vite "
    "que nous ne l'espérions », a déclaré Sophie Lemaire-Dufour, porte-parole de la FRV.",
]

AG = [
    "Assemblée générale 2023 : la FRV dépasse les vingt mille adhérents",
    "Lyon, le 4 juillet 2023",
    "Réunie en assemblée générale à Lyon, la Fédération des Rivières Vivantes a approuvé à "
    "l'unanimité son rapport moral et son rapport financier. La fédération compte désormais "
    "20 400 adhérents, contre 16 900 un an plus tôt, et 112 associations membres.",
    "« Chaque nouvel adhérent est un garde-rivière de plus. Cette croissance nous oblige », a "
    "déclaré Claire Aubertin, réélue présidente pour trois ans.",
    "L'assemblée a adopté une motion demandant l'interdiction des rejets de micropolluants "
    "industriels non traités dans les rivières du bassin.",
]

PRIX = [
    "Prix des rivières vivantes 2022 : trois écoles récompensées",
    "Nantes, le 17 novembre 2022",
    "La Fédération des Rivières Vivantes a remis ce jeudi ses prix annuels à trois écoles de "
    "la vallée de l'Orbize, dont les élèves ont suivi pendant un an la qualité de l'eau d'un "
    "ruisseau proche de leur établissement.",
    "« Ces enfants ont fait un travail de naturalistes. Leurs relevés rejoindront les données "
    "de la fédération », a déclaré Hugo Lefebvre, président d'Orbize Vivante.",
]

PREFET = [
    "Lettre ouverte au préfet sur les prélèvements d'eau en été",
    "Lyon, le 30 septembre 2021",
    "Monsieur le Préfet, la Fédération des Rivières Vivantes vous demande de réviser l'arrêté "
    "cadre sécheresse du département avant l'été prochain. Les dérogations accordées cette "
    "année aux prélèvements non prioritaires ont aggravé l'assec de la Vère en aval de "
    "Montclair.",
    "« Partager l'eau, c'est décider avant la crise, et non pendant », écrit Malik Benhaddou, "
    "directeur général de la FRV.",
    "Nous vous prions d'agréer, Monsieur le Préfet, l'expression de notre haute considération.",
]

MAIL_AG2024 = """Lyon, le 12 mars 2024

La Fédération des Rivières Vivantes (FRV) tiendra son assemblée générale le samedi 6 avril
2024 à Montclair, au bord de la Vère. Pour la première fois, les adhérents pourront voter en
ligne sur le programme d'action des trois prochaines années.

« Une fédération qui défend les rivières doit être aussi transparente que l'eau qu'elle
réclame », a déclaré Claire Aubertin, présidente de la FRV.

Contact presse : Sophie Lemaire-Dufour, porte-parole.

""" + "-- \n" + """Service de presse de la FRV
presse@rivieres-vivantes.example
"""  # the signature delimiter is "-- " with its space (RFC 3676)

MAIL_LISSON_HTML = """<html><body>
<p>Montclair, le 19 mars 2024</p>
<p>La Fédération des Rivières Vivantes (FRV) dépose un recours contre l'autorisation du
barrage du Lisson, délivrée le 1<sup>er</sup> mars par la préfecture.</p>
<p>« Ce barrage noierait sept kilomètres de la dernière vallée sauvage du département. Nous
irons jusqu'au Conseil d'État s'il le faut », a déclaré Malik Benhaddou, directeur général
de la FRV.</p>
<p>Le dossier complet est joint à ce message.</p>
<div class="gmail_signature"><p>Sophie Lemaire-Dufour<br>Porte-parole<br>06 00 00 00 00</p></div>
</body></html>"""

MAIL_LISSON_TEXT = (
    "Montclair, le 19 mars 2024\n\nLa Fédération des Rivières Vivantes (FRV) dépose un "
    "recours contre l'autorisation du barrage du Lisson, délivrée le 1er mars par la "
    "préfecture.\n\n« Ce barrage noierait sept kilomètres de la dernière vallée sauvage du "
    "département. Nous irons jusqu'au Conseil d'État s'il le faut », a déclaré Malik "
    "Benhaddou, directeur général de la FRV.\n"
)

MAIL_FORWARD = """Bonjour,

Je vous transfère le communiqué d'Orbize Vivante, reçu ce matin.

Bien à vous,
Julie Caradec

-------- Message transféré --------
Sujet : Les castors sont de retour sur l'Orbize
Date : Mon, 18 Mar 2024 08:30:00 +0100
De : Orbize Vivante <contact@orbize-vivante.example>
Pour : Rédaction <redaction@journal.example>

Nantes, le 18 mars 2024

Des traces de castor ont été relevées sur trois sites de l'Orbize en amont de
Saint-Aubin-sur-Orbize, une première depuis le XIXe siècle selon l'association Orbize
Vivante, membre de la Fédération des Rivières Vivantes.

« Le castor est un ingénieur : là où il s'installe, il retient l'eau et la vie revient »,
a déclaré Hugo Lefebvre, président d'Orbize Vivante.
"""

MAIL_COVER = """Madame, Monsieur,

Vous trouverez ci-joint le communiqué de la FRV sur l'indice de santé des rivières.

Cordialement,
Sophie Lemaire-Dufour
Porte-parole
"""

INDICE_DOCX = [
    "Indice de santé des rivières : la Vère progresse, l'Orbize stagne",
    "Lyon, le 26 mars 2024",
    "La Fédération des Rivières Vivantes publie la première édition de son indice de santé "
    "des rivières, calculé commune par commune à partir de dix-huit mille relevés de "
    "bénévoles. La Vère gagne douze points en trois ans, l'Orbize reste au même niveau.",
    "« Un indice ne soigne pas une rivière, mais il empêche de dire qu'elle va bien quand ce "
    "n'est pas vrai », a déclaré Claire Aubertin, présidente de la FRV.",
]

MAIL_ENGLISH = """Strasbourg, 28 March 2024

The River Life Federation (FRV) welcomes the decision of the International Commission for
the Protection of the Rhine to publish a common register of industrial discharges along the
whole river basin.

"A river that crosses borders needs data that crosses borders too," said Claire Aubertin,
president of the federation, at the commission's meeting in Strasbourg.

Press contact: Sophie Lemaire-Dufour, spokeswoman.
"""

LISSON_MSG = """Montclair, le 11 février 2025

La Fédération des Rivières Vivantes (FRV) a constaté ce mardi une pollution aux
hydrocarbures sur deux kilomètres du Lisson, en aval de la zone d'activités de Montclair.
Une plainte a été déposée auprès de la gendarmerie.

« Nous demandons que l'origine de cette pollution soit établie dans les jours qui
viennent, avant que la pluie n'efface les traces », a déclaré Sophie Lemaire-Dufour,
porte-parole de la FRV.

Cordialement,
Service de presse de la FRV
"""

ORBIZE_ATTACHED = """Nantes, le 5 juin 2024

L'association Orbize Vivante lance un appel à bénévoles pour le grand nettoyage des berges
de l'Orbize, le samedi 15 juin, entre Nantes et Saint-Aubin-sur-Orbize.

« L'an dernier, nous avons retiré quatre tonnes de déchets en une seule journée », a
déclaré Hugo Lefebvre, président d'Orbize Vivante.
"""


# --------------------------------------------------------------------------- scans


def make_scans(out: Path) -> None:
    """Les trois fichiers numérisés : un PDF scanné, un PDF mixte, une photo PNG."""
    out.mkdir(parents=True, exist_ok=True)
    pages = [degrade(p, seed=i, max_angle=0.8, noise=0.004)
             for i, p in enumerate(render_pages(CAPTAGE, 200))]
    scanned_pdf(pages, 200, out / "2022-02-03-captage-des-greves-scan.pdf",
                created=dt.datetime(2022, 2, 3, 11, 0, tzinfo=PARIS))
    annex = [degrade(p, seed=7, max_angle=0.6, noise=0.003)
             for p in render_pages(ACCORD_ANNEXE, 200)]
    blank = annex[0]  # stands for the typed page: replaced by real text below
    scanned_pdf([blank, *annex], 200, out / "2024-12-05-accord-chambre-agriculture.pdf",
                text_pages={0: ACCORD_PAGE1}, created=dt.datetime(2024, 12, 5, 15, 0, tzinfo=PARIS))
    photo = degrade(render_pages(PHOTO, 150, family="sans", points=13)[0], seed=3,
                    max_angle=1.2, noise=0.002)
    photo = photo.crop((0, 0, photo.width, photo.height // 2))  # the top half: the statement
    photo.save(out / "2023-04-12-declaration-photo.png", dpi=(150, 150), optimize=True)


# --------------------------------------------------------------------------- bureautique


def _odt(paragraphs: list[str], out: Path, *, title: str, author: str, when: dt.datetime,
         keywords: list[str]) -> Path:
    from odf import dc
    from odf import meta as odfmeta
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=title))
    doc.meta.addElement(odfmeta.InitialCreator(text=author))
    doc.meta.addElement(dc.Creator(text=author))
    doc.meta.addElement(odfmeta.CreationDate(text=when.isoformat()))
    doc.meta.addElement(dc.Date(text=when.isoformat()))
    doc.meta.addElement(dc.Language(text="fr-FR"))
    for keyword in keywords:
        doc.meta.addElement(odfmeta.Keyword(text=keyword))
    doc.text.addElement(H(outlinelevel=1, text=paragraphs[0]))
    for paragraph in paragraphs[1:]:
        doc.text.addElement(P(text=paragraph))
    doc.save(str(out))
    return out


def _rtf_escape(text: str) -> str:
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif ord(char) < 128:
            out.append(char)
        else:
            try:
                out.append(f"\\'{char.encode('cp1252')[0]:02x}")
            except UnicodeEncodeError:
                out.append(f"\\u{ord(char) if ord(char) < 32768 else ord(char) - 65536}?")
    return "".join(out)


def _rtf(paragraphs: list[str], out: Path, *, title: str, author: str,
         when: dt.datetime, keywords: list[str]) -> Path:
    info = (
        f"{{\\info{{\\title {_rtf_escape(title)}}}{{\\author {_rtf_escape(author)}}}"
        f"{{\\keywords {_rtf_escape(', '.join(keywords))}}}"
        f"{{\\creatim\\yr{when.year}\\mo{when.month}\\dy{when.day}\\hr{when.hour}\\min0}}"
        f"{{\\revtim\\yr{when.year}\\mo{when.month}\\dy{when.day}\\hr{when.hour}\\min0}}}}"
    )
    body = "".join(f"{{\\pard\\plain\\lang1036 {_rtf_escape(p)}\\par}}\n" for p in paragraphs)
    text = ("{\\rtf1\\ansi\\ansicpg1252\\deff0\\deflang1036{\\fonttbl{\\f0 Times New Roman;}}\n"
            + info + "\n" + body + "}\n")
    out.write_bytes(text.encode("ascii"))
    return out


def make_office(out: Path) -> None:
    """L'ODT, le RTF, et le .doc converti par LibreOffice (gardé tel quel sans soffice)."""
    out.mkdir(parents=True, exist_ok=True)
    _odt(AG, out / "2023-07-04-assemblee-generale.odt", title=AG[0],
         author="Fédération des Rivières Vivantes", when=dt.datetime(2023, 7, 4, 10, 0),
         keywords=["assemblée générale", "adhérents", "micropolluants"])
    _rtf(PRIX, out / "2022-11-17-prix-rivieres.rtf", title=PRIX[0],
         author="Fédération des Rivières Vivantes", when=dt.datetime(2022, 11, 17, 9, 0),
         keywords=["éducation", "écoles", "Orbize"])
    soffice = shutil.which("soffice")
    target = out / "2021-09-30-lettre-prefet.doc"
    if soffice is None:
        print("soffice absent : le .doc existant est gardé", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as work:
        source = _odt(PREFET, Path(work) / target.with_suffix(".odt").name, title=PREFET[0],
                      author="Malik Benhaddou", when=dt.datetime(2021, 9, 30, 8, 30),
                      keywords=["sécheresse", "prélèvements", "Vère"])
        subprocess.run([soffice, "--headless", "--convert-to", "doc", "--outdir", work,
                        str(source)], check=True, capture_output=True, timeout=300)
        shutil.copy(Path(work) / target.name, target)


# --------------------------------------------------------------------------- courriels


def _message(subject: str, sender: Address, when: dt.datetime, domain: str) -> EmailMessage:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = sender
    msg["To"] = Address("Rédaction", "redaction", "journal.example")
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    # fixed, not random: the mailbox's record keys come from the Message-IDs
    msg["Message-ID"] = f"<{when:%Y%m%d%H%M}.{zlib.crc32(subject.encode()):08x}@{domain}>"
    return msg


def _docx_bytes(paragraphs: list[str]) -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.title = paragraphs[0]
    doc.core_properties.author = "Fédération des Rivières Vivantes"
    doc.add_heading(paragraphs[0], level=1)
    for paragraph in paragraphs[1:]:
        doc.add_paragraph(paragraph)
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "c.docx"
        doc.save(str(path))
        return path.read_bytes()


def _pdf_bytes(text: str, title: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("Body", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Body", size=14)
    pdf.multi_cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Body", size=10.5)
    for paragraph in text.split("\n\n"):
        pdf.multi_cell(0, 5.4, " ".join(paragraph.split()), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    return bytes(pdf.output())


def mailbox_messages() -> list[EmailMessage]:
    """Les cinq messages de la boîte mbox de démonstration."""
    messages = []
    # 1. texte brut en quoted-printable, objet en ISO-8859-1 (RFC 2047), signature « -- »
    msg = _message("Assemblée générale 2024 de la FRV : vote en ligne", FRV,
                   dt.datetime(2024, 3, 12, 10, 15, tzinfo=PARIS), "rivieres-vivantes.example")
    del msg["Subject"]
    msg["Subject"] = "=?iso-8859-1?q?Assembl=E9e_g=E9n=E9rale_2024_de_la_FRV_=3A_vote_en_ligne?="
    msg.set_content(MAIL_AG2024, charset="iso-8859-1", cte="quoted-printable")
    messages.append(msg)
    # 2. HTML en base64 avec texte alternatif, et le dossier en PDF joint
    msg = _message("Barrage du Lisson : la FRV dépose un recours", FRV,
                   dt.datetime(2024, 3, 19, 14, 0, tzinfo=PARIS), "rivieres-vivantes.example")
    msg.set_content(MAIL_LISSON_TEXT, cte="base64")
    msg.add_alternative(MAIL_LISSON_HTML, subtype="html", cte="base64")
    msg.add_attachment(_pdf_bytes(MAIL_LISSON_TEXT, "Barrage du Lisson : la FRV dépose un "
                                  "recours"), maintype="application", subtype="pdf",
                       filename="2024-03-19-recours-lisson.pdf")
    messages.append(msg)
    # 3. un communiqué d'Orbize Vivante transféré par une journaliste
    msg = _message("TR: Les castors sont de retour sur l'Orbize",
                   Address("Julie Caradec", "julie.caradec", "journal.example"),
                   dt.datetime(2024, 3, 18, 11, 40, tzinfo=PARIS), "journal.example")
    msg.set_content(MAIL_FORWARD, cte="quoted-printable")
    messages.append(msg)
    # 4. un mot d'accompagnement, le communiqué en DOCX joint
    msg = _message("Communiqué : indice de santé des rivières", FRV,
                   dt.datetime(2024, 3, 26, 9, 5, tzinfo=PARIS), "rivieres-vivantes.example")
    msg.set_content(MAIL_COVER, cte="8bit")
    msg.add_attachment(_docx_bytes(INDICE_DOCX), maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                       filename="2024-03-26-indice-sante-rivieres.docx")
    messages.append(msg)
    # 5. un communiqué en anglais
    msg = _message("Rhine: the FRV welcomes a common register of discharges", FRV,
                   dt.datetime(2024, 3, 28, 16, 30, tzinfo=PARIS), "rivieres-vivantes.example")
    msg["Content-Language"] = "en"
    msg.set_content(MAIL_ENGLISH)
    messages.append(msg)
    return messages


def write_mbox(messages: list[EmailMessage], out: Path) -> Path:
    """Écrit les messages dans une boîte mbox (lignes « From » échappées par `mailbox`)."""
    import mailbox

    out.unlink(missing_ok=True)
    box = mailbox.mbox(str(out))
    try:
        for msg in messages:
            box.add(msg)
        box.flush()
    finally:
        box.close()
    return out


def make_mail(out: Path) -> None:
    """La boîte mbox, le .eml transféré en pièce jointe et le message Outlook."""
    out.mkdir(parents=True, exist_ok=True)
    write_mbox(mailbox_messages(), out / "2024-03-communiques.mbox")
    # un communiqué transféré « en tant que pièce jointe » (message/rfc822)
    original = _message("Grand nettoyage des berges de l'Orbize le 15 juin",
                        Address("Orbize Vivante", "contact", "orbize-vivante.example"),
                        dt.datetime(2024, 6, 5, 8, 0, tzinfo=PARIS_ETE), "orbize-vivante.example")
    original.set_content(ORBIZE_ATTACHED)
    outer = _message("Fwd: Grand nettoyage des berges de l'Orbize le 15 juin",
                     Address("Julie Caradec", "julie.caradec", "journal.example"),
                     dt.datetime(2024, 6, 6, 17, 20, tzinfo=PARIS_ETE), "journal.example")
    outer.set_content("Pour info, le communiqué ci-joint.\n\nJulie\n")
    outer.add_attachment(original)
    (out / "2024-06-05-transfert-orbize-vivante.eml").write_bytes(outer.as_bytes())
    write_msg(out / "2025-02-11-pollution-lisson.msg",
              subject="Pollution du Lisson : la FRV porte plainte",
              sender_name="Fédération des Rivières Vivantes",
              sender_email="presse@rivieres-vivantes.example",
              date=dt.datetime(2025, 2, 11, 18, 45, tzinfo=PARIS), body=LISSON_MSG,
              message_id="<20250211184500.lisson@rivieres-vivantes.example>")


def main() -> None:
    make_scans(DOCS / "scans")
    make_office(DOCS / "bureautique")
    make_mail(DOCS / "courriels")
    print("formats régénérés dans", DOCS)


if __name__ == "__main__":
    main()
