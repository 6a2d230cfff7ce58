"""Small PDFs generated with fpdf2 for the PDF reader tests (no binary file is committed).

Every builder takes a folder, writes one PDF into it and returns its path. The texts the
tests expect back are module constants, so a test compares what the reader extracts with
what was written.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from fpdf import FPDF

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
HAS_DEJAVU = DEJAVU.exists()

# --- plain communiqué: hard line breaks with hyphenated words -----------------------------

COMMUNIQUE_HEAD = [
    "Communiqué de presse",
    "Comité de soutien à Antoine Deltour",
    "Épinal, le 5 mars 2015",
]
COMMUNIQUE_LINES = [
    [
        "Le Comité de soutien salue la coopé-",
        "ration exemplaire des associations du Moyen-",
        "Orient et d'Europe, qui ont peut-",
        "être changé la donne pour les lanceurs d'alerte.",
    ],
    [
        "« Nous continuerons le combat », a déclaré Antoine Deltour, c'est-",
        "à-dire jusqu'à la relaxe.",
    ],
]
COMMUNIQUE_PARAGRAPHS = [
    "Le Comité de soutien salue la coopération exemplaire des associations du Moyen-Orient "
    "et d'Europe, qui ont peut-être changé la donne pour les lanceurs d'alerte.",
    "« Nous continuerons le combat », a déclaré Antoine Deltour, c'est-à-dire jusqu'à la relaxe.",
]

# --- two columns ---------------------------------------------------------------------------

# Lines of each column, top to bottom; None is a blank line (paragraph gap). The second
# paragraph runs from the bottom of the left column to the top of the right one.
LEFT_COLUMN = [
    "La colonne de gauche raconte le procès en",
    "appel du lanceur d'alerte au Luxembourg.",
    "Les audiences ont duré tout le mois de",
    "décembre.",
    None,
    "Ses soutiens, venus de toute l'Europe, ont",
    "annoncé un grand rassemblement devant le",
]
RIGHT_COLUMN = [
    "palais de justice, avec des prises de parole",
    "et un concert en soirée.",
    None,
    "Une conférence de presse suivra le verdict.",
]
COLUMN_PARAGRAPHS = [
    "La colonne de gauche raconte le procès en appel du lanceur d'alerte au Luxembourg. "
    "Les audiences ont duré tout le mois de décembre.",
    "Ses soutiens, venus de toute l'Europe, ont annoncé un grand rassemblement devant le "
    "palais de justice, avec des prises de parole et un concert en soirée.",
    "Une conférence de presse suivra le verdict.",
]

# --- paragraphs marked only by a first-line indent ----------------------------------------

INDENTED_LINES = [
    [
        "Le tribunal a rendu son jugement ce mercredi, après",
        "trois semaines d'audience et de longues plaidoiries.",
    ],
    [
        "Le comité de soutien dénonce une décision injuste et",
        "appelle à un rassemblement devant le palais de justice.",
    ],
]
INDENTED_PARAGRAPHS = [" ".join(lines) for lines in INDENTED_LINES]

# --- one word per text call, like the drupalfr PDFs --------------------------------------------

WORD_PARAGRAPHS = [
    "L'association Drupal France et Francophonie organise la onzième édition du Drupalcamp "
    "les 28, 29 et 30 mars, à la Maison des Associations, à Rennes.",
    "Tout comme en 2019 à Paris, le Drupalcamp Rennes 2024 est un évènement qui se déroule "
    "sur trois jours, avec des conférences, des ateliers et une journée de contribution.",
]

# --- three pages with a running header and footer ----------------------------------------

HEADER = "Comité de soutien — Communiqué" if HAS_DEJAVU else "Comité de soutien - Communiqué"
PAGE_BODIES = [
    "Première page : le comité rappelle les faits reprochés à Antoine Deltour.",
    "Deuxième page : le comité détaille le calendrier des audiences à venir.",
    "Troisième page : le comité remercie les donateurs et les bénévoles.",
]
FOOTERS = {
    "page": "page {n}",
    "bare": "{n}",
    "of": "{n} / 3",
    "dashes": "- {n} -",
}

# --- ligatures and typography (TTF font) ------------------------------------------------

LIGATURE_TEXT = "La \ufb01nale de l\u2019\u0153uvre\u00a0: « coopération » \ufb02uide."
LIGATURE_EXPECTED = "La finale de l\u2019\u0153uvre : « coopération » fluide."

CREATED = datetime(2016, 6, 29, 15, 16, 12, tzinfo=timezone(timedelta(hours=2)))


def _pdf(core: bool = True) -> FPDF:
    """Return an A4 document with one page, in Helvetica or (core=False) DejaVu Sans."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(CREATED)
    if core or not HAS_DEJAVU:
        pdf.set_font("Helvetica", size=11)
    else:
        pdf.add_font("DejaVu", fname=str(DEJAVU))
        pdf.set_font("DejaVu", size=11)
    return pdf


def _write(pdf: FPDF, folder: Path, name: str) -> Path:
    path = folder / name
    pdf.output(str(path))
    return path


def communique(folder: Path) -> Path:
    """A one-page communiqué whose paragraphs wrap over hard lines with hyphenated breaks."""
    pdf = _pdf()
    pdf.add_page()
    for line in COMMUNIQUE_HEAD:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    for paragraph in COMMUNIQUE_LINES:
        for line in paragraph:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
    return _write(pdf, folder, "communique.pdf")


def two_columns(folder: Path) -> Path:
    """A page with two columns of hard lines, the left column written first, then the right."""
    pdf = _pdf()
    pdf.add_page()
    for left, lines in ((15, LEFT_COLUMN), (110, RIGHT_COLUMN)):
        pdf.set_xy(left, 30)
        for line in lines:
            if line is None:
                pdf.ln(4)
            else:
                pdf.set_x(left)
                pdf.cell(85, 6, line, new_x="LEFT", new_y="NEXT")
    return _write(pdf, folder, "colonnes.pdf")


def indented(folder: Path) -> Path:
    """Paragraphs with a 10 mm first-line indent, no extra space between them."""
    pdf = _pdf()
    pdf.add_page()
    for lines in INDENTED_LINES:
        for number, line in enumerate(lines):
            pdf.set_x(30 if number == 0 else 20)
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return _write(pdf, folder, "retraits.pdf")


def word_per_call(folder: Path) -> Path:
    """A page where every word is drawn by its own text call, wrapped at 120 mm."""
    pdf = _pdf()
    pdf.add_page()
    left, width, y = 20.0, 120.0, 30.0
    space = pdf.get_string_width(" ")
    for paragraph in WORD_PARAGRAPHS:
        x = left
        for word in paragraph.split():
            w = pdf.get_string_width(word)
            if x + w > left + width:
                x, y = left, y + 6
            pdf.text(x, y, word)
            x += w + space
        y += 12
    return _write(pdf, folder, "mots.pdf")


def running_header(folder: Path, footer: str = "page {n}") -> Path:
    """Three pages, each with the same header, a numbered footer and its own body line."""
    pdf = _pdf(core=False)
    for n, body in enumerate(PAGE_BODIES, start=1):
        pdf.add_page()
        pdf.set_xy(20, 12)
        pdf.cell(0, 6, HEADER)
        pdf.set_xy(20, 40)
        pdf.cell(0, 6, body)
        pdf.set_xy(20, 280)
        pdf.cell(0, 6, footer.format(n=n), align="C")
    return _write(pdf, folder, "trois-pages.pdf")


def ligatures(folder: Path) -> Path:
    """A page written in DejaVu Sans with ﬁ/ﬂ ligature characters, ’, œ and a NBSP."""
    pdf = _pdf(core=False)
    pdf.add_page()
    pdf.cell(0, 6, LIGATURE_TEXT)
    return _write(pdf, folder, "ligatures.pdf")


def with_metadata(folder: Path, title: str | None = None, lang: str | None = None) -> Path:
    """A one-line page with the given /Title and /Lang, created on CREATED."""
    pdf = _pdf()
    if title is not None:
        pdf.set_title(title)
    if lang is not None:
        pdf.set_lang(lang)
    pdf.add_page()
    pdf.cell(0, 6, "Le comité se réunira samedi à Épinal.")
    return _write(pdf, folder, "meta.pdf")


def encrypted(folder: Path, user_password: str | None = "secret") -> Path:
    """A one-line page encrypted with RC4; an empty user password still opens it."""
    pdf = _pdf()
    pdf.set_encryption(owner_password="proprietaire", user_password=user_password)
    pdf.add_page()
    pdf.cell(0, 6, "Texte confidentiel du comité.")
    return _write(pdf, folder, "chiffre.pdf")


def drawing_only(folder: Path) -> Path:
    """A page with a drawn rectangle and no text at all (what a scan looks like to pypdf)."""
    pdf = _pdf()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return _write(pdf, folder, "scan.pdf")
