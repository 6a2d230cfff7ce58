"""The kind of a statement, as a normalised lower-case French label.

Labels: communiqué, discours, interview, entretien, déclaration, conférence de presse,
conseil des ministres, débat, tribune, article, dossier de presse. They come from, in order of
trust: the source's own kind or category (`pr` → communiqué), the title's first words
(`Interview de M. …`, `Conseil des ministres du …`), a heading in the first lines of the
text (`COMMUNIQUE DE PRESSE`), the shape of the text (question/answer turns → interview).
"""

from __future__ import annotations

import re

from indexer.analysis import fold

KINDS = (
    "communiqué", "discours", "interview", "entretien", "déclaration", "conférence de presse",
    "conseil des ministres", "débat", "tribune", "article", "dossier de presse",
)  # fmt: skip

# Folded words (or first words of a title) → label. Longest keys are tried first.
_SYNONYMS: dict[str, str] = {
    "communique de presse": "communiqué",
    "communique conjoint": "communiqué",
    "communique": "communiqué",
    "conclusions": "communiqué",
    "press release": "communiqué",
    "pr": "communiqué",
    "cp": "communiqué",
    "discours": "discours",
    "allocution": "discours",
    "allocution televisee": "discours",
    "speech": "discours",
    "voeux": "discours",  # « Vœux 2025 de Claire Aubertin, présidente de … »: a speech
    # « Message de M. Emmanuel Macron, président de la République, à l'occasion de la rentrée
    # scolaire », « Message vidéo de … »: words addressed to an audience, a speech
    "message": "discours",
    "interview croisee": "interview",
    "interview": "interview",
    "entretien": "entretien",
    "extraits d'un entretien": "entretien",
    "extraits d'une interview": "interview",
    "propos recueillis": "entretien",
    "declarations": "déclaration",
    "declaration": "déclaration",
    "extraits d'une declaration": "déclaration",
    "statement": "déclaration",
    "conference de presse": "conférence de presse",
    "point de presse": "conférence de presse",
    "press conference": "conférence de presse",
    "conseil des ministres": "conseil des ministres",
    "compte rendu du conseil des ministres": "conseil des ministres",
    "debat": "débat",
    "debats": "débat",
    "seance": "débat",
    "tribune": "tribune",
    "op-ed": "tribune",
    "opinion": "tribune",
    "article": "article",
    "actualite": "article",
    "news": "article",
    "post": "article",
    "blog": "article",
    "dossier de presse": "dossier de presse",
    "press kit": "dossier de presse",
}
_KEYS = sorted(_SYNONYMS, key=len, reverse=True)
# « Lettre de M. Emmanuel Macron … adressée à la rédaction du Financial Times »: a letter a
# newspaper publishes is an op-ed; « Lettre de M. Emmanuel Macron, président de la République,
# adressée à M. David Sassoli »: a letter its title says who writes is one too (parts A and
# S of the gold: a letter's words are its writer's, as an op-ed's)
_LETTER_TO_PAPER = re.compile(
    r"^\s*lettre\b.{0,200}?\badressee?\s+(?:a\s+la\s+redaction|au\s+journal|aux\s+lecteurs)"
    r"|^\s*lettre\s+(?:ouverte\s+)?(?:de\s+(?:m\.|mme|mmes|mm\.)\s)"
)
_TITLE_START = re.compile(
    r"^\s*(?:" + "|".join(re.escape(k) for k in _KEYS if len(k) > 3) + r")\b", re.IGNORECASE
)
# A heading line: the label alone (with "de presse", a colon, "n°…" at most).
_HEADING = re.compile(
    r"^\s*(communiqu[ée] de presse|communiqu[ée]|dossier de presse|tribune|"
    r"conf[ée]rence de presse|discours|d[ée]claration|interview|entretien)"
    r"(?:\s+(?:conjoint|commun|officiel))?\s*(?:[:\-–—]\s*)?(?:n°\s*\S+)?\s*"
    # « Communiqué — Lyon, 27 septembre 2022 »: the label, a dash, a dateline
    r"(?:[–—-]\s*[A-ZÀ-Þ][^,\n]{1,40},\s*(?:le\s+)?\d{1,2}(?:er)?\s+\w+\s+\d{4}\s*)?$",
    re.IGNORECASE,
)


def normalise_kind(value: str | None) -> str | None:
    """Return the label a stated kind or category stands for, or None when unknown.

    >>> normalise_kind("pr"), normalise_kind("Communique de presse"), normalise_kind("TRIBUNE")
    ('communiqué', 'communiqué', 'tribune')
    >>> normalise_kind("recette")
    """
    if not value:
        return None
    key = " ".join(fold(value).casefold().replace("_", " ").split()).strip(" .:")
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    if key.rstrip("s") in _SYNONYMS:
        return _SYNONYMS[key.rstrip("s")]
    return None


def kind_from_title(title: str | None) -> str | None:
    """Return the kind a title's first words state (`Interview de M. …`).

    >>> kind_from_title("Conseil des ministres du 23 septembre 2020. Le bilan…")
    'conseil des ministres'
    >>> kind_from_title("Déclaration de M. Jean Castex, Premier ministre, sur …")
    'déclaration'
    >>> kind_from_title("Lettre de M. Emmanuel Macron adressée à la rédaction du Financial Times")
    'tribune'
    >>> kind_from_title("Lettre de M. Emmanuel Macron, président de la République, adressée à "
    ...                 "M. David Sassoli, président du Parlement européen, sur la session")
    'tribune'
    >>> kind_from_title("Une condamnation incompréhensible")
    """
    if not title:
        return None
    folded = fold(title).casefold()
    match = _TITLE_START.match(folded)
    if match is None and _LETTER_TO_PAPER.match(folded):
        return "tribune"
    return _SYNONYMS[" ".join(match.group().split())] if match else None


# « COMMUNIQUÉ DE PRESSE Captage des Grèves : … Montclair, le 3 février 2022 »: a scan whose
# OCR ran the heading, the headline and the dateline into one line; the label in capitals.
_RUN_ON_HEADING = re.compile(r"\s*(COMMUNIQU[ÉE] DE PRESSE|DOSSIER DE PRESSE)[ \t]+(?=\S)")


def kind_from_heading(text: str, paragraphs: int = 6) -> str | None:
    """Return the kind a heading among the first paragraphs of a text states, or the label
    in capitals a text opens with, run into its first line.

    >>> kind_from_heading("Version PDF\\n\\nCOMMUNIQUE DE PRESSE\\n\\nÉpinal, le 5 mars 2015")
    'communiqué'
    >>> kind_from_heading("COMMUNIQUÉ DE PRESSE Captage des Grèves : la FRV demande une enquête")
    'communiqué'
    """
    for paragraph in text.split("\n\n", paragraphs)[:paragraphs]:
        if len(paragraph) <= 60 and (match := _HEADING.match(paragraph)):
            return normalise_kind(match.group(1))
    return normalise_kind(match.group(1)) if (match := _RUN_ON_HEADING.match(text)) else None


def run_on_heading(line: str) -> int:
    """Return where the words after a label in capitals opening `line` start, else 0.

    >>> run_on_heading("COMMUNIQUÉ DE PRESSE Captage des Grèves")
    21
    """
    match = _RUN_ON_HEADING.match(line)
    return match.end() if match else 0
