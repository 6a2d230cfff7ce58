"""Plain-text reader: guesses the encoding, refuses binary junk, re-joins hard-wrapped lines.

A plain-text debate transcript in the Hansard style is split into speech turns, one record
per turn, as the TEI reader does: speaker lines `M. Reginald Belair (Timmins-Baie-James,
Lib.):`, `L'hon. Pierre S. Pettigrew (ministre du Développement des ressources humaines,
Lib.):`, `Le Président:`, `Son Honneur le Président :`, `Le président suppléant (M.
McClelland):`, alone on their line or opening it (`M. X (Y): Monsieur le Président, …`).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from indexer.extract.dates import parse_date
from indexer.readers import Record, Unreadable, turn_title
from indexer.text import clean_paragraph, lines_to_paragraphs

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# One well-formed multi-byte UTF-8 character (no overlongs, no surrogates).
_UTF8_CHAR = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# C0 controls other than tab/newline/form feed, DEL, and C1 controls: never part of prose.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_JUNK_RATIO = 0.02
_JUNK_MIN = 8  # a short note with one stray control byte is still prose


def _legacy_byte(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as cp1252 (latin-1 where cp1252 has a hole)."""
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    text = "".join(
        bytes([b]).decode("cp1252", errors="ignore") or bytes([b]).decode("latin-1") for b in chunk
    )
    return text, error.end


codecs.register_error("verbatim-cp1252", _legacy_byte)


def decode(raw: bytes) -> tuple[str, str]:
    """Return `(text, encoding)` for the bytes of a text file, raising `Unreadable`.

    Order: BOM (UTF-8, UTF-16/32 LE/BE), strict UTF-8, then the legacy Windows code page
    cp1252 (which has ’ « » œ € where latin-1 only has invisible C1 controls), then latin-1.
    A file mixing UTF-8 and cp1252 (edited in two editors) is decided line by line: a line
    that is mostly UTF-8 keeps its UTF-8 and only its stray bytes are read as cp1252. NUL
    bytes without a BOM mean binary (or UTF-16 without BOM, which the reason then names).

    >>> decode("L’État".encode("cp1252"))
    ('L’État', 'cp1252')
    """
    if not raw:
        raise Unreadable("fichier vide")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise Unreadable(f"{encoding} invalide malgré le BOM (octet {exc.start})") from exc
    if b"\x00" in raw:
        if _looks_utf16(raw):  # say so: the fix (save as UTF-8 or with a BOM) is easy
            raise Unreadable("binaire ou UTF-16 sans BOM (octets nuls) : enregistrez-le en UTF-8")
        raise Unreadable("binaire (octets nuls sans BOM UTF-16)")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _UTF8_CHAR.search(raw):
        # Some UTF-8 and some legacy bytes: decided line by line, because a file edited in
        # two editors is mixed by whole lines, and either encoding may have more accents.
        return "".join(map(_mixed_line, raw.splitlines(keepends=True))), "utf-8+cp1252"
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _mixed_line(line: bytes) -> str:
    """Decode one line of a mixed file: UTF-8 when it has more UTF-8 characters than stray
    legacy bytes (those few read as cp1252), else cp1252 (latin-1 for its holes)."""
    utf8_chars = _UTF8_CHAR.findall(line)
    stray = len(_HIGH_BYTE.findall(line)) - sum(len(c) for c in utf8_chars)
    if len(utf8_chars) > stray:
        return line.decode("utf-8", errors="verbatim-cp1252")
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return line.decode("latin-1")


def _looks_utf16(raw: bytes) -> bool:
    """Tell whether NUL bytes sit where UTF-16 puts them for Latin text: every other byte."""
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    return max(even, odd) > 0.3 * (len(raw) // 2) and min(even, odd) < 0.05 * (len(raw) // 2)


def check_prose(text: str) -> str:
    """Return `text` without stray control characters, or raise `Unreadable` for junk."""
    if not text.strip():
        raise Unreadable("aucun texte")
    controls = len(_CONTROLS.findall(text))
    if controls > max(_JUNK_MIN, _JUNK_RATIO * len(text)):
        raise Unreadable(f"binaire ({controls} caractères de contrôle sur {len(text)})")
    return _CONTROLS.sub("", text)


def read(path: Path) -> list[Record]:
    """Return the records of a plain-text file: one per speech turn for a debate transcript,
    else one, its hard-wrapped lines re-joined."""
    text, _encoding = decode(path.read_bytes())
    text = check_prose(text)
    if turns := debate_turns(text, path.name):
        return turns
    text = lines_to_paragraphs(text)
    if not text:
        raise Unreadable("aucun texte")
    return [Record(text=text)]


# --- Debate transcripts (Hansard style) -------------------------------------------------------

_NAME_WORD = r"(?:[A-ZÀ-Þ][\w'’.-]*|(?:de|du|des|d'|van|von|la|le|St\.?)(?=\s))"
_PERSON = rf"{_NAME_WORD}(?:[ ]+{_NAME_WORD}){{0,5}}"
_CIVILITY = (
    r"M\.|MM\.|Mme|Mmes|Mlle|L'hon\.?|L'honorable|L[ea] tr[eè]s hon\.|L[ea] tr[eè]s honorable"
    r"|Le s[eé]nateur|La s[eé]natrice"
)
_CHAIR = (
    r"Son Honneur l[ea] [Pp]r[eé]sidente?(?: suppl[eé]ante?| pro tempore)?"
    r"|L[ea] (?:vice-)?[Pp]r[eé]sidente?(?: suppl[eé]ante?| adjointe?| d'[eé]lection)?"
)
_VOICES = r"Des voix|Une voix|Plusieurs voix|Quelques voix"
# A speaker label: who, an optional parenthesis (riding and party, function, the chair's
# name; one parenthesis may nest: « secretaire d'Etat (Institutions financieres
# internationales), Lib. »), a colon; alone on its line or before the first words of the turn.
# A senator moving a motion is labelled so too: « L'honorable Dan Hays (leader adjoint du
# gouvernement) propose: », « L'honorable Lowell Murray , conformement a l'avis du6 avril
# 2000, propose: » (the motion is the turn; `_label`).
# What a senator's label may say before the colon: a motion (« , conformement a l'avis du 6
# avril 2000, propose: », « propose, conformement a l'avis de motion du 2 novembre 1999: »),
# an inquiry he opens (« , ayant donne avis le 5 avril 2000: », about 35 in the corpus), a
# committee's report he presents (« , president du comite de selection, presente le rapport
# suivant: »).
_MOTION = (
    r"(?:[ ]*,[^:\n]{1,80},)?[ ]+propose(?:,[^:\n]{1,80})?"
    r"|[ ]*,?[ ]*ayant donn[eé] (?:pr[eé])?avis[^:\n]{0,60}"
    r"|[ ]*,?[ ]*(?:conform[eé]ment [aà] (?:l'|son )avis|suite [aà] l'avis)[^:\n]{0,60}"
    r"|[ ]*,[^:\n]{1,80},[ ]*pr[eé]sente le rapport suivant"
)
_LABEL = re.compile(
    rf"^(?P<label>(?:(?P<civ>{_CIVILITY})[ ]+(?P<name>{_PERSON})|(?P<chair>{_CHAIR})"
    rf"|(?P<voices>{_VOICES}))[ ]*(?:\([ ]*(?P<inside>(?:[^()\n]|\((?:[^()\n]|\([^()\n]{{1,40}}\))"
    rf"{{1,80}}\)){{1,150}}?)[ ]*\))?)(?P<motion>{_MOTION})?[ ]*:"
    rf"(?:[ ]*$|[ ]+(?P<rest>\S.*)$)"
)
# A label the sentence splitter cut after « St. » (the rest of the riding and the colon lost):
# « M. Bill Matthews (Burin-St. », « Mme Shaughnessy Cohen (Windsor-St.-Clair, »,
# « M. Rey D. Pagtakhan (Winnipeg-Nord-St. » (187 lines of the 472 sittings, each followed by
# the member's words); or whose parenthesis lost its closing mark (« Mme Wendy Lill
# (Dartmouth, NPD: »).
_CUT_LABEL = re.compile(
    rf"^(?P<label>(?P<civ>M\.|Mme|Mlle|L'hon\.?|L'honorable|L[ea] tr[eè]s hon\.)[ ]+"
    rf"(?P<name>{_PERSON})[ ]*\([ ]*(?P<inside>[^()\n:]{{1,120}}?)[ ]*"
    rf"(?:(?<=St\.)|(?<=,)|(?P<colon>:)))[ ]*$"
)
# A witness (or a minister) heard by the Senate in committee of the whole, his function after
# « , » (a space before it, as in every Senate label): « M. George Clermont , president et
# directeur general, Societe canadienne des postes: », « L'honorable Lawrence MacAulay ,
# ministre du Travail: » (21 lines); not prose giving words to someone (« M. Martin,
# journaliste de MacLean's , declarait: »).
_WITNESS = re.compile(
    rf"^(?P<label>(?P<civ>M\.|Mme|Mlle|L'hon\.?|L'honorable)[ ]+(?P<name>{_PERSON})[ ]+,[ ]*"
    r"(?![^:\n]*\b(?:propose|pr[eé]sente|d[eé]clar|disait|dit)\b)(?P<inside>[^:\n()]{2,150}?))"
    r"[ ]*:[ ]*$"
)
_HANSARD_ONLY = (_CUT_LABEL, _WITNESS)
# Labels only Hansard-style transcripts use (a plain `Mme X :` may be an interview).
_DISTINCTIVE = re.compile(r"\(|^(?:L'hon|Le tr|La tr|Son Honneur|L[ea] [Pp]r|L[ea] vice)")
# « NUMERO 049A »: a second sitting of the day, another record than « NUMERO 049 »
_HOUSE = re.compile(r"^HANSARD\b.*?NUM[EÉ]RO\s+(?P<n>\d+[A-Z]?)\b", re.IGNORECASE)
_SENATE = re.compile(r"^D[eé]bats du S[eé]nat\b", re.IGNORECASE)
_SENATE_NUMBER = re.compile(r"^Volume\s+(?P<v>\d+),\s*Num[eé]ro\s+(?P<n>\d+)", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"^(?:Le\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+\d{1,2}\s*(?:er)?\s+"
    r"[A-Za-zéûè]+,?\s+\d{4}$",
    re.IGNORECASE,
)
_PARTY = re.compile(r"^(?:Lib|Ref|BQ|NPD|PC|P\.C|Alliance canadienne|Ind|AC|PCC|PLC|NPD\.)\.?$")
_MIN_LABELS = 3


def _label(line: str) -> re.Match | None:
    """Match a speaker label, a motion's « propose: » included (« L'honorable Dan Hays (…)
    propose: », « M. Peter Stoffer (Sackville-Eastern Shore, NPD) propose: »: the member
    moving it; `_moves` tells a member's motion, whose written text is no turn), or a label
    the sentence splitter cut (`_CUT_LABEL`), or a witness's (`_WITNESS`). A motion
    « appuyee par » another member is the chair putting the question (« M. Dion, appuye par
    Mme Stewart (Northumberland), propose: », « Le senateur Boudreau, appuye par le senateur
    Lynch-Staunton, propose: », the chair's words after it): no label, unless an honourable
    member moves it himself."""
    if m := _LABEL.match(line):
        return None if _moves(m) and "appuy" in m.group("motion") else m
    # (cheap tests first: the two rare shapes are tried on 0.1 % of the lines)
    if "(" in line and ")" not in line:
        return _CUT_LABEL.match(line)
    return _WITNESS.match(line) if " , " in line else None


def _moves(m: re.Match) -> bool:
    """Tell a member's motion in the House (« M. X (circonscription) propose: »): the
    written motion that follows (« Que le projet de loi C-23 soit modifie … », the report
    stage's lists) is nobody's words; the member's speech after it, if any, is his turn."""
    return (
        m.re is _LABEL
        and m.group("motion") is not None
        and not (m.group("civ") or "").startswith("L'hon")
    )


# The text of a motion or of a bill's clause moved at report stage, not spoken: « Que … »,
# « Qu'un comite … », « Attendu que … », « La presente loi … », « a ) par substitution … »,
# « (2) Les definitions … », a line cut mid-clause (« ne au paragraphe (1) est proroge … »,
# « (1) Le gouverneur en conseil doit, par »), « … remplace par ce qui suit: ».
_MOTION_TEXT = re.compile(
    r"^(?:Que\b|Qu'|Attendu\b|La pr[eé]sente loi\b|Motion n|L'article\b|L'alin[eé]a\b"
    r"|Le paragraphe\b|Article\b|[a-z]|\(|\d|[-–])"
    r"|[^.!?]$"
)


def _is_heading(line: str) -> bool:
    """An upper-case section heading: `REPONSE DU GOUVERNEMENT A DES PETITIONS`."""
    if not line.isupper():  # most lines: answered in C (then the exact test below)
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _speaker(m: re.Match, chairs: dict[str, str], house: bool) -> dict[str, Any]:
    """Return the speaker of a label: name, function, and what else the parenthesis says.

    `chairs` maps a chair's role to the person the sitting's header names in it (« L'honorable
    Gildas L. Molgat, President »); in the House, a member's riding makes the function.
    """
    inside = (m.group("inside") or "").strip()
    found: dict[str, Any] = {"name": None, "function": None}
    if m.re is _CUT_LABEL and not m.group("colon"):
        # « (Burin-St. »: the riding is cut, a function made of it would be wrong
        found["name"] = " ".join(m.group("name").split())
        found["function"] = "député" if house else None
        return found
    groups = m.groupdict()
    if groups.get("voices"):
        found["voices"] = groups["voices"]
        return found
    if groups.get("chair"):
        chair = re.sub(r"^Son Honneur\s+", "", groups["chair"])
        role = chair[:1].lower() + chair[1:]
        person = re.match(rf"^(?:{_CIVILITY})\s+(?P<name>.+)$", inside)
        key = _role_key(role)
        if person:  # "Le président suppléant (M. McClelland)": the person in the chair
            found.update(name=person.group("name").strip(), function=role)
        elif holder := chairs.get(key) or chairs.get(_ACTING.get(key, "")):
            found.update(name=holder, function=role)  # « Son Honneur le Président »: the Speaker
        else:
            # a chair the sitting does not name (« Son Honneur le President pro tempore »
            # under « L'honorable Gildas L. Molgat, President »): the function, nobody named
            found["function"] = role
        return found
    found["name"] = " ".join(m.group("name").split())
    parts = [p.strip() for p in inside.split(",") if p.strip()]
    if parts and _PARTY.match(parts[-1]):
        found["politicalgroup"] = parts.pop()
    if parts and parts[0][:1].islower():  # "ministre du Commerce international"
        found["function"] = ", ".join(parts)
    elif parts:  # a riding (House) or a division (Senate)
        found["circonscription"] = ", ".join(parts)
        if house:
            found["function"] = f"député de {found['circonscription']}"
    return found


# The acting Speaker of the Senate: the header's « President interimaire » (« L'honorable
# Eymard G. Corbin, President interimaire ») is the labels' « Son Honneur le President
# suppleant » (Corbin is « President suppleant » in the headers of other sittings).
_ACTING = {"president suppleant": "president interimaire"}


def _role_key(role: str) -> str:
    """« le President pro tempore » → `president pro tempore` (case and accents aside)."""
    role = role.casefold().replace("é", "e").replace(",", " ")
    return " ".join(re.sub(r"^(?:son honneur\s+)?(?:le|la)\s+", "", role).split())


# « L'honorable Gildas L. Molgat, President », « …, President pro tempore »: who holds the chair.
# « L'honorable Fernand Robichaud, c.p., President interimaire »: a title between them.
_CHAIR_HOLDER = re.compile(
    r"^(?:L'honorable|L'hon\.|Le tr[eè]s hon\.|Son Honneur)\s+(?P<name>[^,]{3,60}),\s*"
    r"(?:c\.p\.,\s*)?(?P<role>Pr[eé]sidente?\b[^\n]{0,40}?)\s*$"
)


def _sitting(lines: list[str], name: str) -> tuple[str | None, str | None, str | None]:
    """Return (title, date, place) of a sitting from its first lines or its file name."""
    title = date = place = None
    volume = None
    for line in lines[:12]:
        if m := _HOUSE.match(line):
            title = f"Débats de la Chambre des communes, séance n° {m.group('n').upper()}"
            place = "Chambre des communes"
        elif _SENATE.match(line):
            title, place = "Débats du Sénat", "Sénat"
        elif m := _SENATE_NUMBER.match(line):
            volume = f"volume {m.group('v')}, numéro {m.group('n')}"
        elif date is None and _DATE_LINE.match(line):
            date = parse_date(re.sub(r"^Le\s+", "", line).replace(",", ""))
    if title and volume and place == "Sénat":
        title = f"{title}, {volume}"
    if date is None and (m := re.search(r"(\d{4}-\d{2}-\d{2})", name)):
        date = m.group(1)
    if title is None:
        first = next((x for x in lines if x), "")
        title = first if len(first) <= 100 and not _label(first) else None
    return title, date, place


def _unlabelled_sitting(lines: list[str], name: str) -> Record:
    """One record for a sitting whose record names no speaker (a short sitting for the royal
    assent: « La seance est ouverte a 17 heures. … L'huissier du baton noir apporte le message
    suivant »): still a debate's record, with its sitting's title, date and place, and nobody's
    words — read as prose it had no kind."""
    title, date, place = _sitting(lines, name)
    body = "\n\n".join(
        x for x in lines if x and not (_DATE_LINE.match(x) or _HOUSE.match(x) or _SENATE.match(x))
    )
    meta: dict[str, Any] = {"kind": "débat"}
    if place:
        meta["place"] = place
    return Record(text=body, title=title, date=date, lang="fr", meta=meta)


# A turn's whole text in parentheses: the record's note, no words of the speaker's.
_NOTE = re.compile(r"\([^()]*\)")


def debate_turns(text: str, name: str = "") -> list[Record]:
    """Return one record per speech turn of a Hansard-style transcript, or [] for other texts.

    A text is a transcript when at least three lines are speaker labels, one of them of a
    kind only debates use (a parenthesis, `L'hon.`, the chair), or when it opens with a
    Hansard header (`HANSARD REVISE * NUMERO 58`, `Debats du Senat (hansard)`) and has one.
    The table of contents before the first label (bare names, headings) is skipped; an
    upper-case heading starts a new section, and the words after it stay with the speaker who
    has the floor, unless the label had no words before it (the turn's words were dropped:
    those after the heading are another's). A turn whose text is one parenthesis (« (Le texte
    du rapport figure dans les Journaux du Senat.) ») is no turn.

    >>> text = ("M. Jean Dupont (Lévis, BQ): Monsieur le Président, je dépose une pétition.\\n"
    ...         "L'hon. Marie Roy (ministre de la Santé, Lib.):\\nNous l'examinerons.\\n"
    ...         "Le Président: La séance est levée.\\n")
    >>> [(r.title, r.text) for r in debate_turns(text)]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Jean Dupont', 'Monsieur le Président, je dépose une pétition.'),
     ('Marie Roy, ministre de la Santé', "Nous l'examinerons."),
     ('le Président', 'La séance est levée.')]
    """
    lines = [line.strip() for line in text.replace("\r", "").split("\n")]
    headed = any(_HOUSE.match(x) or _SENATE.match(x) for x in lines[:6])
    # a cut label or a witness's only in a Hansard sitting: elsewhere « M. X (maire de Lyon, »
    # may be a hard-wrapped line of prose
    labels = [
        (i, m)
        for i, line in enumerate(lines)
        if (m := _label(line)) and (headed or m.re not in _HANSARD_ONLY)
    ]
    distinctive = any(_DISTINCTIVE.search(m.group("label")) for _, m in labels)
    if headed and not labels:
        return [_unlabelled_sitting(lines, name)]
    if not labels or not headed and (len(labels) < _MIN_LABELS or not distinctive):
        return []
    title, date, place = _sitting(lines, name)
    chairs = {
        _role_key(m.group("role")): m.group("name").strip()
        for line in lines[:12]
        if (m := _CHAIR_HOLDER.match(line))
    }
    house = place == "Chambre des communes"
    records: list[Record] = []
    speaker: dict[str, Any] | None = None
    section: str | None = None
    words: list[str] = []
    ordinal = part = 0
    motion = False  # at the written motion after « M. X (…) propose: » (`_moves`)

    def flush() -> None:
        nonlocal part
        body = clean_paragraph(" ".join(words))
        words.clear()
        # « (Le texte du rapport figure dans les Journaux du Senat.) » alone: the record's
        # note, no words of the speaker's, no turn
        if speaker is None or not body or _NOTE.fullmatch(body):
            return
        part += 1
        meta: dict[str, Any] = {"kind": "débat"}
        if place:
            meta["place"] = place
        who = speaker.get("name")
        if who:
            meta["speakers"] = [{"name": who, "function": speaker.get("function")}]
        for key in ("politicalgroup", "circonscription", "voices"):
            if speaker.get(key):
                meta[key] = speaker[key]
        if section:
            meta["section"] = section
        # what the turn is about is its section's heading (« La loi de mise en oeuvre de
        # l'accord sur le commerce interieur »): in the title, shown with the hit and searched
        # with its words, as a journalist names a debate by its subject, not by its number;
        # then who has the floor and their office (« Marie Roy, ministre de la Santé »), as a
        # TEI turn's, for the office typed; a chair nobody names is its role alone. A member's
        # riding (« député de Québec-Est ») is a place, no office: in the title it would weigh
        # each of the member's turns in every search naming the place
        heading = " : ".join(x for x in (title, section) if x)
        if who:
            office = speaker.get("function")
            if speaker.get("circonscription") or office == "député":
                office = None
            shown = turn_title(heading, who, office)
        else:
            shown = turn_title(heading, speaker.get("voices") or speaker.get("function"))
        records.append(
            Record(
                text=body,
                # a turn cut by a heading goes on in a second record: "sp-00012-2"
                key=f"sp-{ordinal:05d}" + (f"-{part}" if part > 1 else ""),
                title=shown,
                date=date,
                lang="fr",
                meta=meta,
            )
        )

    starts = {i: m for i, m in labels}
    # the heading right before the first turn (after the table of contents) is its section
    for line in reversed(lines[: labels[0][0]]):
        if line and not _DATE_LINE.match(line):
            section = line.capitalize() if _is_heading(line) else None
            break
    for index in range(labels[0][0], len(lines)):
        line = lines[index]
        if not line:
            continue
        if (m := starts.get(index)) is not None:
            flush()
            ordinal, part = ordinal + 1, 0
            speaker = _speaker(m, chairs, house)
            motion = _moves(m)
            rest = m.groupdict().get("rest")
            if rest and not (motion and _MOTION_TEXT.search(rest)):
                words.append(rest)
                motion = False
        elif _is_heading(line):
            if speaker is not None and part == 0 and not words:
                # a label with no words of its own right before a heading: the turn's words
                # were dropped, and those after the heading are another's, unlabelled
                speaker = None
            flush()
            section = line.capitalize()
        elif motion and not words and _MOTION_TEXT.search(line):
            continue  # the motion's written text: nobody's words
        elif not _DATE_LINE.match(line) and not _HOUSE.match(line) and not _SENATE.match(line):
            words.append(line)
            motion = False
    flush()
    return records
