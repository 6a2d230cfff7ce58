"""Régénère les fichiers binaires et encodés du corpus de démonstration.

    python corpus/make_binaries.py

Produit, à côté de ce script :

- pdf/2023-03-14-plainte-cevv.pdf     (le communiqué markdown/2023-03-14-plainte-cevv.md)
- pdf/2025-03-20-dossier-presse-rivieres-vivantes-2030.pdf   (deux pages, en-tête et pied)
- pdf/2025-05-15-discours-strasbourg-rhin.pdf
- docx/2024-04-25-comptes-2023.docx
- docx/2025-01-16-voeux-presidente.docx
- txt/2022-08-10-secheresse-sauvetage-poissons.txt   (cp1252, fins de ligne CRLF)
- txt/2023-11-22-retour-de-la-loutre.txt             (UTF-16 avec BOM)

Tous les textes sont originaux et fictifs (CC0). Dépendances : fpdf2, python-docx, PyYAML.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import zipfile
from pathlib import Path

import yaml
from docx import Document
from docx.shared import Pt
from fpdf import FPDF

HERE = Path(__file__).resolve().parent / "documents"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
NB = "\u00a0"  # espace insécable
FINE = "\u202f"  # espace fine insécable


# --------------------------------------------------------------------------- PDF


class FrvPDF(FPDF):
    """Un FPDF aux polices DejaVu (Unicode) si présentes, sinon aux polices de base latin-1."""

    def __init__(self, header_text: str | None = None, footer_text: str | None = None):
        super().__init__(format="A4")
        self.header_text = header_text
        self.footer_text = footer_text
        self.unicode = (FONT_DIR / "DejaVuSans.ttf").exists()
        if self.unicode:
            self.add_font("Body", "", str(FONT_DIR / "DejaVuSans.ttf"))
            self.add_font("Body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
            self.add_font("Body", "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
            self.family = "Body"
        else:
            self.family = "Helvetica"
        self.set_margins(20, 22, 20)
        self.set_auto_page_break(True, margin=22)

    def t(self, text: str) -> str:
        """Rend le texte affichable : tel quel en Unicode, sinon ramené au latin-1."""
        if self.unicode:
            return text
        for a, b in {
            "’": "'",
            "œ": "oe",
            "Œ": "OE",
            "€": "EUR",
            FINE: NB,
            "—": "-",
            "–": "-",
        }.items():
            text = text.replace(a, b)
        return text.encode("latin-1", "replace").decode("latin-1")

    def header(self):
        if self.header_text:
            self.set_font(self.family, "I", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, self.t(self.header_text), align="C", new_x="LMARGIN", new_y="NEXT")
            self.line(20, self.get_y() + 1, 190, self.get_y() + 1)
            self.ln(6)
            self.set_text_color(0, 0, 0)

    def footer(self):
        if self.footer_text:
            self.set_y(-15)
            self.set_font(self.family, "I", 8)
            self.set_text_color(90, 90, 90)
            text = f"{self.footer_text} — page {self.page_no()}/{{nb}}"
            self.cell(0, 5, self.t(text), align="C")
            self.set_text_color(0, 0, 0)

    def title_block(self, kicker: str | None, title: str, subtitle: str | None = None):
        if kicker:
            self.set_font(self.family, "B", 9)
            self.cell(0, 6, self.t(kicker.upper()), new_x="LMARGIN", new_y="NEXT")
        self.set_font(self.family, "B", 16)
        self.multi_cell(0, 8, self.t(title), align="L", new_x="LMARGIN", new_y="NEXT")
        if subtitle:
            self.ln(1)
            self.set_font(self.family, "I", 11)
            self.multi_cell(0, 6, self.t(subtitle), align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def heading(self, text: str):
        self.ln(2)
        self.set_font(self.family, "B", 12)
        self.multi_cell(0, 7, self.t(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def para(self, text: str, style: str = "", size: float = 10.5, align: str = "L"):
        self.set_font(self.family, style, size)
        self.multi_cell(0, 5.4, self.t(text), align=align, new_x="LMARGIN", new_y="NEXT")
        self.ln(2.5)

    def bullet(self, text: str):
        self.set_font(self.family, "", 10.5)
        self.cell(6, 5.4, "•" if self.unicode else "-")
        self.multi_cell(0, 5.4, self.t(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def para_hyphenated(self, text: str, word: str, cut: int, size: float = 10.5):
        """Écrit un paragraphe ligne à ligne, en coupant `word` après `cut` lettres par un trait
        d'union en fin de ligne (césure typographique), comme le ferait un traitement de texte."""
        self.set_font(self.family, "", size)
        width = self.w - self.l_margin - self.r_margin
        tokens = self.t(text).split(" ")
        lines, line = [], ""
        for tok in tokens:
            if tok.startswith(word):
                head, tail = word[:cut] + "-", tok[cut:]
                lines.append(f"{line} {head}".strip())
                line = tail
                continue
            candidate = f"{line} {tok}".strip()
            if self.get_string_width(candidate) <= width:
                line = candidate
            else:
                lines.append(line)
                line = tok
        lines.append(line)
        for ln in lines:
            self.cell(0, 5.4, ln, new_x="LMARGIN", new_y="NEXT")
        self.ln(2.5)


def front_matter(path: Path) -> tuple[dict, str]:
    raw = path.read_text(encoding="utf-8")
    _, fm, body = raw.split("---", 2)
    return yaml.safe_load(fm), body.strip()


def strip_md(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text)


def pdf_from_markdown(md: Path, out: Path):
    """Le même communiqué que le fichier Markdown, publié aussi en PDF."""
    meta, body = front_matter(md)
    pdf = FrvPDF(footer_text="Fédération des Rivières Vivantes · presse@rivieres-vivantes.example")
    pdf.alias_nb_pages()
    pdf.set_title(meta["title"])
    pdf.set_author(meta["author"])
    pdf.set_subject(meta.get("subtitle", ""))
    pdf.set_keywords(", ".join(meta.get("tags", [])))
    pdf.set_creation_date(dt.datetime(2023, 3, 14, 9, 0, tzinfo=dt.UTC))
    pdf.set_creator("Verbatim corpus/make_binaries.py")
    pdf.add_page()
    pdf.title_block("Communiqué de presse", meta["title"], meta.get("subtitle"))
    for block in body.split("\n\n"):
        lines = block.splitlines()
        if all(ln.startswith("- ") for ln in lines):
            for ln in lines:
                pdf.bullet(strip_md(ln[2:]))
            pdf.ln(1.5)
        else:
            pdf.para(strip_md(" ".join(lines)))
    pdf.output(str(out))


DOSSIER_HEADER = "Fédération des Rivières Vivantes · Dossier de presse · Rivières vivantes 2030"
DOSSIER_FOOTER = "Contact presse : Sophie Lemaire-Dufour, presse@rivieres-vivantes.example"


def pdf_dossier(out: Path):
    pdf = FrvPDF(header_text=DOSSIER_HEADER, footer_text=DOSSIER_FOOTER)
    pdf.alias_nb_pages()
    pdf.set_title("Rivières vivantes 2030 — bilan à mi-parcours (dossier de presse)")
    pdf.set_author("Fédération des Rivières Vivantes")
    pdf.set_subject("Dossier de presse, Lyon, 20 mars 2025")
    pdf.set_keywords("restauration, biodiversité, sécurité de l'eau, inondations, bilan")
    pdf.set_creation_date(dt.datetime(2025, 3, 20, 9, 0, tzinfo=dt.UTC))
    pdf.set_creator("Verbatim corpus/make_binaries.py")

    pdf.add_page()
    pdf.title_block(
        "Dossier de presse",
        "Rivières vivantes 2030 : bilan à mi-parcours",
        "Quatre ans après son lancement, le programme de la FRV a restauré "
        "212 kilomètres de rivières",
    )
    pdf.para("Lyon, le 20 mars 2025", style="I")
    pdf.heading("1. Quatre ans d’action en chiffres")
    for item in [
        f"212 kilomètres de cours d’eau restaurés, sur les 500 prévus d’ici 2030{NB};",
        f"37 seuils et obstacles effacés ou rendus franchissables par les poissons{NB};",
        f"64 hectares de zones humides reconnectés aux rivières{NB};",
        f"2{NB}400 bénévoles formés aux relevés de terrain, contre 1{NB}800 en 2021{NB};",
        "11,3 millions d’euros engagés, sur un budget total de 24 millions.",
    ]:
        pdf.bullet(item)
    pdf.ln(2)
    pdf.heading("2. Ce qui a changé sur le terrain")
    pdf.para(
        "Sur la Vère, autour de Montclair, l’effacement de quatre seuils et la replantation de "
        "neuf kilomètres de ripisylve ont permis le retour de la truite fario sur des tronçons "
        "où elle avait disparu depuis vingt ans. Les concentrations en nitrates mesurées par nos "
        "bénévoles au lieu-dit Les Grèves ont baissé d’un tiers depuis 2021, grâce aux contrats "
        "signés avec les exploitations agricoles du bassin."
    )
    pdf.para_hyphenated(
        "Sur l’Orbize, à l’est de Nantes, la reconquête des anciens méandres de Saint-Aubin a "
        f"montré son utilité lors des crues de novembre 2024{NB}: "
        "le tronçon restauré a stocké près "
        f"de 400{NB}000 mètres cubes d’eau sans dommage pour les habitations. À l’inverse, les "
        "secteurs où les dégâts ont été les plus lourds sont ceux qui connaissent une forte "
        f"imperméabilisation des sols{NB}: zones d’activités et lotissements construits en zone "
        "inondable.",
        word="imperméabilisation",
        cut=len("imperméabi"),
    )
    pdf.add_page()
    pdf.heading("3. La sécurité de l’eau, un enjeu de santé publique")
    pdf.para(
        "L’affaire du captage des Grèves l’a montré : la qualité de l’eau du robinet ne peut "
        "pas reposer sur la seule bonne foi des exploitants. La FRV propose de faire de la "
        "sécurité de l’eau une politique publique à part entière, au même titre que la sécurité "
        "alimentaire, avec un droit d’accès des citoyens à toutes les analyses, un contrôle "
        "indépendant des captages et un plan de protection pour chaque aire d’alimentation."
    )
    pdf.para(
        f"«{NB}La sécurité de l’eau ne se joue pas seulement dans les usines de traitement. Elle "
        f"commence dans les champs, les forêts et les zones humides, bien avant le robinet{NB}», "
        "rappelle Claire Aubertin, présidente de la FRV."
    )
    pdf.heading("4. Les prochaines étapes (2025-2030)")
    for item in [
        f"étendre le programme à quatre nouveaux bassins, dont le Rhin supérieur, avec nos "
        f"partenaires allemands et suisses{NB};",
        "doubler le nombre de contrats de protection des captages signés avec les "
        f"agriculteurs{NB};",
        f"publier chaque année un indice de santé des rivières, commune par commune{NB};",
        "atteindre 500 kilomètres restaurés en 2030, comme promis en 2021.",
    ]:
        pdf.bullet(item)
    pdf.ln(2)
    pdf.para(
        f"Pour Malik Benhaddou, directeur général, «{NB}la moitié du chemin est faite, et c’est "
        f"la moitié la plus facile{NB}». Les tronçons restant à restaurer sont les plus "
        "urbanisés et les plus coûteux, ce qui impose de mobiliser de nouveaux financements, "
        "publics comme privés."
    )
    pdf.heading("5. Contacts")
    pdf.para(
        "Sophie Lemaire-Dufour, porte-parole — presse@rivieres-vivantes.example. "
        "Photographies des chantiers et cartes disponibles sur demande, libres de droits."
    )
    pdf.output(str(out))
    return pdf.page_no()


STRASBOURG = [
    "Madame la présidente du Forum, Mesdames et Messieurs les délégués, chers amis venus "
    "d’Allemagne, de Suisse, des Pays-Bas et de toute la France,",
    "C’est une joie particulière de prendre la parole ici, à Strasbourg, au bord d’un fleuve qui "
    "a longtemps séparé nos peuples et qui, aujourd’hui, nous oblige à travailler ensemble.",
    "Le Rhin est sans doute le plus bel exemple de ce qu’une coopération patiente peut accomplir. "
    "Il y a cinquante ans, on le disait mort. Les saumons avaient disparu, les rives étaient "
    "couvertes de mousse, et chaque accident industriel en amont se payait en aval, à Strasbourg, "
    "à Coblence, à Rotterdam. Puis les États riverains, les villes, les industriels et les "
    "associations se sont mis autour d’une même table. Le saumon est revenu. Ce n’était pas un "
    "miracle : c’était une méthode.",
    "Cette méthode, nous devons la retrouver pour les défis d’aujourd’hui. Les micropolluants, "
    "les résidus de médicaments, les substances perfluorées ne s’arrêtent pas aux frontières. "
    "Le Rhin n’a jamais demandé son passeport à une molécule. Ce que l’on rejette à Bâle, on le "
    "retrouve dans les nappes d’Alsace et dans l’eau potable de millions d’Européens.",
    "Le changement climatique ajoute une menace nouvelle. Les glaciers alpins qui soutenaient le "
    "débit du fleuve en été fondent d’année en année. En 2022 et en 2023, la navigation a dû être "
    "réduite faute d’eau. Demain, ce sont les prélèvements pour l’agriculture, l’industrie et "
    "l’eau potable qui entreront en concurrence, et il faudra des règles de partage acceptées de "
    "part et d’autre du fleuve.",
    "La Fédération des Rivières Vivantes propose donc trois engagements. D’abord, un registre "
    "public et commun des rejets industriels sur tout le bassin, consultable dans toutes les "
    "langues des pays riverains. Ensuite, une stratégie de partage de l’eau en période d’étiage, "
    "négociée avant la crise et non pendant. Enfin, un réseau de surveillance citoyenne, qui "
    "associe les pêcheurs, les naturalistes et les écoles de part et d’autre de la frontière.",
    "L’échéance de 2027 fixée par la directive-cadre sur l’eau approche, et nous savons déjà que "
    "beaucoup de nos rivières ne seront pas au rendez-vous. Ce n’est pas une raison pour baisser "
    "les bras. C’est une raison pour accélérer, ensemble.",
    "Je vous remercie.",
]


def pdf_strasbourg(out: Path):
    pdf = FrvPDF(footer_text="Fédération des Rivières Vivantes — seul le prononcé fait foi")
    pdf.alias_nb_pages()
    pdf.set_title("Discours de Claire Aubertin au Forum européen des rivières")
    pdf.set_author("Claire Aubertin")
    pdf.set_subject("Strasbourg, 15 mai 2025 — le Rhin, la coopération transfrontalière")
    pdf.set_keywords("Rhin, Europe, micropolluants, directive-cadre sur l'eau, étiage")
    pdf.set_creation_date(dt.datetime(2025, 5, 15, 9, 0, tzinfo=dt.UTC))
    pdf.set_creator("Verbatim corpus/make_binaries.py")
    pdf.add_page()
    pdf.title_block(
        "Discours",
        "Forum européen des rivières : discours de Claire Aubertin, présidente de la FRV",
        "« Le Rhin nous oblige à travailler ensemble »",
    )
    pdf.para("Strasbourg, le 15 mai 2025", style="I")
    for p in STRASBOURG:  # texte justifié, comme beaucoup de discours publiés en PDF
        pdf.para(
            align="J",
            text=p.replace("« ", f"«{NB}").replace(" »", f"{NB}»").replace(" :", f"{NB}:"),
        )
    pdf.output(str(out))


# -------------------------------------------------------------------------- DOCX


def save_docx(doc, out: Path, when: dt.datetime):
    """Enregistre le .docx avec des dates d'archive fixes, pour des régénérations identiques."""
    doc.save(str(out))
    with zipfile.ZipFile(out) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def docx_comptes(out: Path):
    doc = Document()
    cp = doc.core_properties
    cp.title = "Comptes 2023 : une fédération financée à 68 % par ses adhérents et donateurs"
    cp.author = "Fédération des Rivières Vivantes"
    cp.subject = "Communiqué de presse — rapport financier 2023"
    cp.keywords = "finances, comptes, dons, indépendance, transparence"
    cp.created = dt.datetime(2024, 4, 25, 8, 0)
    cp.modified = dt.datetime(2024, 4, 25, 8, 0)
    cp.last_modified_by = "Service de presse FRV"
    cp.category = "communique"
    cp.language = "fr-FR"

    doc.add_paragraph("COMMUNIQUÉ DE PRESSE")
    doc.add_heading(
        f"Comptes 2023{NB}: une fédération financée à 68{NB}% par ses adhérents et donateurs",
        level=1,
    )
    doc.add_paragraph().add_run("Lyon, le 25 avril 2024").italic = True
    paras = [
        "La Fédération des Rivières Vivantes (FRV) publie aujourd'hui ses comptes 2023, certifiés "
        "sans réserve par son commissaire aux comptes et approuvés par son conseil "
        f"d'administration. Les ressources de la fédération atteignent 6,8{NB}millions d'euros, "
        "en hausse de 14 % par rapport à 2022, portées par la mobilisation des donateurs autour "
        "de l'affaire du captage des Grèves.",
        f"Les dons, legs et cotisations représentent 68{NB}% des ressources, les subventions "
        f"publiques 23,5{NB}% et le mécénat d'entreprise moins de 6{NB}%. "
        "Aucun exploitant de réseau "
        "d'eau ni aucune entreprise de traitement ne figure parmi les mécènes.",
        f"«{NB}Nous ne recevons pas un centime de la Compagnie des Eaux du Val de Vère ni d'aucun "
        "exploitant de l'eau. Notre indépendance n'est pas un slogan, c'est une ligne "
        f"comptable{NB}», a déclaré Malik Benhaddou, directeur général de la FRV.",
        f"Les missions sociales (restauration de rivières, suivi de la qualité de l'eau, actions "
        f"juridiques et sensibilisation) absorbent 78{NB}% des dépenses. "
        "Les frais de procédure liés "
        f"à la plainte contre la CEVV et au soutien juridique du technicien licencié s'élèvent à "
        f"184{NB}000 euros sur l'exercice, entièrement couverts par un appel aux dons spécifique.",
    ]
    for p in paras:
        doc.add_paragraph(p)

    doc.add_paragraph().add_run(
        "Principales ressources et dépenses 2023 (en millions d'euros)"
    ).bold = True
    rows = [
        ("Poste", "Montant", "Part"),
        ("Dons et legs", "3,90", "57,4 %"),
        ("Cotisations des adhérents", "0,72", "10,6 %"),
        ("Subventions publiques", "1,60", "23,5 %"),
        ("Mécénat d'entreprise", "0,40", "5,9 %"),
        ("Autres produits", "0,18", "2,6 %"),
        ("Missions sociales", "5,30", "77,9 %"),
        ("Recherche de fonds", "0,70", "10,3 %"),
        ("Fonctionnement", "0,65", "9,6 %"),
    ]
    table = doc.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value.replace(" %", f"{NB}%")

    doc.add_paragraph()
    doc.add_paragraph(
        f"Selon Malik Benhaddou, l'excédent de 150{NB}000 euros sera intégralement affecté au "
        f"programme «{NB}Rivières vivantes 2030{NB}», dont le bilan à mi-parcours sera présenté au "
        f"printemps 2025. «{NB}Chaque euro confié à la fédération se retrouve dans une rivière, et "
        f"nous le prouvons chaque année{NB}», a-t-il ajouté."
    )
    doc.add_paragraph(
        "Le rapport financier complet et le compte d'emploi des ressources sont consultables "
        "sur le site de la fédération."
    )
    doc.add_paragraph(
        f"Contact presse{NB}: Sophie Lemaire-Dufour, porte-parole — "
        "presse@rivieres-vivantes.example"
    )
    for p in doc.paragraphs:
        for r in p.runs:
            r.font.size = Pt(11)
    save_docx(doc, out, cp.created)


VOEUX = [
    "Mesdames et Messieurs les journalistes, chers partenaires, chers bénévoles,",
    "Je suis heureuse de vous retrouver pour cette nouvelle cérémonie des vœux, dans cette "
    "salle qui a vu naître, il y a quatre ans, le programme Rivières vivantes 2030.",
    "L’année 2024 aura été, pour notre fédération, une année de vérité. Vérité judiciaire "
    "d’abord, avec la mise en examen de la Compagnie des Eaux du Val de Vère, dix-neuf mois "
    "après notre plainte. Je veux redire ici notre gratitude au technicien qui a eu le courage "
    "de parler, et qui a obtenu, lui aussi, justice devant les prud’hommes.",
    "Vérité du climat ensuite. Les crues de l’Orbize, en novembre, nous ont rappelé que l’eau "
    "finit toujours par reprendre la place qu’on lui a prise. Mais elles nous ont aussi montré "
    "qu’une rivière restaurée protège mieux qu’une digue : à Saint-Aubin, les méandres rendus à "
    "l’Orbize ont épargné des dizaines de maisons.",
    "Vérité des alliances, enfin. Avec les pêcheurs de la Vère, nous avons signé un accord qui "
    "aurait semblé impensable il y a dix ans. Avec des dizaines d’agriculteurs, nous protégeons "
    "désormais des captages d’eau potable. Ceux qu’on voulait nous présenter comme des "
    "adversaires sont devenus des partenaires.",
    "Pour 2025, je forme trois vœux. Que le bilan à mi-parcours de notre programme, en mars, "
    "soit l’occasion d’un débat public honnête sur ce qui marche et ce qui ne marche pas. Que le "
    "Forum européen des rivières, en mai à Strasbourg, fasse enfin du Rhin un bien commun. Et que "
    "le projet de barrage du Lisson laisse place à un projet de territoire que tous, à Montclair, "
    "puissent signer.",
    "Faisons de 2025 l’année des rivières qui reviennent.",
    "Très belle année à toutes et à tous.",
]


def docx_voeux(out: Path):
    doc = Document()
    cp = doc.core_properties
    cp.title = "Vœux 2025 de Claire Aubertin, présidente de la Fédération des Rivières Vivantes"
    cp.author = "Claire Aubertin"
    cp.subject = "Discours de vœux à la presse et aux partenaires"
    cp.keywords = "vœux, bilan 2024, justice, inondations, pêche, Lisson"
    cp.created = dt.datetime(2025, 1, 16, 18, 0)
    cp.modified = dt.datetime(2025, 1, 16, 18, 0)
    cp.category = "discours"
    cp.language = "fr-FR"

    doc.add_heading("Vœux 2025 de la présidente", level=1)
    doc.add_paragraph().add_run(
        "Discours de Claire Aubertin, présidente de la Fédération des Rivières Vivantes"
    ).bold = True
    doc.add_paragraph().add_run("Lyon, le 16 janvier 2025").italic = True
    for p in VOEUX:
        doc.add_paragraph(p.replace(" :", f"{NB}:"))
    doc.add_paragraph().add_run("Seul le prononcé fait foi.").italic = True
    save_docx(doc, out, cp.created)


# --------------------------------------------------------------------------- TXT


SECHERESSE = [
    "COMMUNIQUÉ DE PRESSE",
    "Sécheresse : la FRV ouvre un fonds d’urgence pour sauver les poissons "
    "de la Vère et de l’Orbize",
    "Lyon, le 10 août 2022",
    "Au cœur d’un été sans précédent, la Fédération des Rivières Vivantes (FRV) ouvre un fonds "
    "d’urgence de 150 000 € pour financer des pêches de sauvegarde sur les rivières en voie "
    "d’assèchement. Depuis le 1er août, ses bénévoles et les pêcheurs de la Vère ont déjà "
    "déplacé plus de 11 000 poissons, truites, chabots et vairons, vers des secteurs encore en "
    "eau.",
    "Sur la Vère, l’assec atteint désormais neuf kilomètres en aval de Montclair. Sur l’Orbize, "
    "la température de l’eau a dépassé 27 degrés à plusieurs reprises, provoquant des "
    "mortalités massives dans les secteurs sans ombrage.",
    "« Chaque jour compte. Un poisson qu’on ne déplace pas aujourd’hui sera mort demain matin, "
    "pris au piège d’une flaque qui chauffe au soleil », a déclaré Sophie Lemaire-Dufour, "
    "porte-parole de la FRV. « Mais soyons clairs : ces sauvetages sont des soins palliatifs. "
    "Ils ne remplaceront jamais une politique de l’eau digne de ce nom. »",
    "La fédération demande au préfet de suspendre immédiatement toutes les dérogations "
    "accordées aux prélèvements non prioritaires sur les deux bassins, et de rendre publique la "
    "liste des bénéficiaires. Elle appelle également les communes à mettre en œuvre sans délai "
    "les restrictions prévues par l’arrêté sécheresse, y compris pour l’arrosage des terrains "
    "de sport et le remplissage des piscines privées.",
    "Les dons peuvent être effectués en ligne ou par chèque à l’ordre de la FRV ; ils ouvrent "
    "droit à une réduction d’impôt de 66 %. Un don de 30 € permet de financer une heure de "
    "pêche de sauvegarde.",
    "Contact presse : Sophie Lemaire-Dufour, porte-parole — presse@rivieres-vivantes.example",
]

LOUTRE = [
    "Biodiversité : la loutre est revenue sur l'Orbize",
    "Nantes, le 22 novembre 2023",
    "Pour la première fois depuis plus de quarante ans, la présence de la loutre d'Europe est "
    "confirmée sur l'Orbize, à une quinzaine de kilomètres à l'est de Nantes. Des épreintes, "
    "les crottes caractéristiques de l'espèce, et des empreintes ont été relevées à six "
    "reprises depuis septembre par les bénévoles de l'association Orbize Vivante, membre de la "
    "Fédération des Rivières Vivantes (FRV). Une caméra automatique a filmé un adulte dans la "
    "nuit du 14 novembre.",
    "Ce retour n'a rien d'un hasard. Le secteur où l'animal a été observé correspond au tronçon "
    "restauré en 2022 dans le cadre du programme Rivières vivantes 2030 : berges replantées, "
    "bras morts reconnectés, embâcles laissés en place pour servir d'abris. La loutre, très "
    "sensible à la qualité de l'eau et à l'abondance des poissons, est considérée comme un "
    "excellent indicateur de la santé d'une rivière.",
    "« Quand nos parents nous parlaient de la loutre, c'était une légende. Aujourd'hui, nos "
    "enfants peuvent la voir sur l'écran d'une caméra installée à deux pas de l'école », a "
    "déclaré Hugo Lefebvre, président d'Orbize Vivante.",
    "Pour Sophie Lemaire-Dufour, porte-parole de la FRV, « la loutre est revenue parce qu'on "
    "lui a rendu une rivière. C'est la meilleure réponse à ceux qui pensent que la restauration "
    "écologique est un luxe ».",
    "La fédération demande au département de classer le secteur en espace naturel sensible et "
    "appelle les usagers à la prudence : la loutre reste une espèce protégée, et toute "
    "perturbation de ses gîtes est interdite.",
]


def typo(text: str, inner: str = NB) -> str:
    text = text.replace("« ", f"«{inner}").replace(" »", f"{inner}»")
    text = re.sub(r" ([;!?])", lambda m: inner + m.group(1), text)
    text = text.replace(" :", f"{NB}:").replace(" %", f"{NB}%").replace(" €", f"{NB}€")
    return re.sub(r"(\d) (\d{3})\b", lambda m: m.group(1) + NB + m.group(2), text)


def wrap(paragraphs: list[str], width: int = 72) -> list[str]:
    return [
        "\n".join(
            textwrap.wrap(typo(p), width=width, break_long_words=False, break_on_hyphens=False)
        )
        for p in paragraphs
    ]


def write_txt(paragraphs: list[str], out: Path, encoding: str, newline: str = "\n"):
    text = "\n\n".join(wrap(paragraphs)) + "\n"
    out.write_bytes(text.replace("\n", newline).encode(encoding))


# -------------------------------------------------------------------------- main


def main():
    for sub in ("pdf", "docx", "txt"):
        (HERE / sub).mkdir(exist_ok=True)
    pdf_from_markdown(
        HERE / "markdown/2023-03-14-plainte-cevv.md", HERE / "pdf/2023-03-14-plainte-cevv.pdf"
    )
    pages = pdf_dossier(HERE / "pdf/2025-03-20-dossier-presse-rivieres-vivantes-2030.pdf")
    assert pages == 2, f"le dossier de presse doit tenir sur deux pages, pas {pages}"
    pdf_strasbourg(HERE / "pdf/2025-05-15-discours-strasbourg-rhin.pdf")
    docx_comptes(HERE / "docx/2024-04-25-comptes-2023.docx")
    docx_voeux(HERE / "docx/2025-01-16-voeux-presidente.docx")
    write_txt(
        SECHERESSE, HERE / "txt/2022-08-10-secheresse-sauvetage-poissons.txt", "cp1252", "\r\n"
    )
    write_txt(LOUTRE, HERE / "txt/2023-11-22-retour-de-la-loutre.txt", "utf-16")
    print("binaires régénérés dans", HERE)


if __name__ == "__main__":
    main()
