"""E-mail: one record per message of an .eml file, an .mbox mailbox or an Outlook .msg file.

Parsing is Python's `email` package (policy ``default``: RFC 2047 headers in any charset,
quoted-printable and base64 bodies) and `mailbox` for .mbox; Outlook's .msg goes through
`extract-msg` (see `indexer.readers.outlook`). Every message becomes a `Mail`, then a record:

* title: the subject, without « TR : », « Fwd: », « RE : » prefixes;
* issuer: the sender's display name (meta "author", what the extraction takes as the issuing
  organisation), its address in meta "sender";
* date: the ``Date:`` header, the sender's own calendar day;
* text: the plain-text body, else the HTML body's paragraphs, without what can be told apart
  as boilerplate: the signature after a ``-- `` line or a closing formula (« Cordialement, »
  and the few short lines after it), « Envoyé de mon iPhone », confidentiality disclaimers,
  quoted replies (``>`` lines, « Le … a écrit : » and what follows), HTML signature blocks;
* a forwarded release (« -------- Message transféré -------- », « Forwarded message »,
  « Message d'origine », « Début du message réexpédié », or an attached ``message/rfc822``)
  keeps the original sender, date and subject; the forwarder goes to meta "forwarded_by";
* attachments in a document format (PDF, Word, OpenDocument, RTF) are read with their own
  readers and listed as the statement's other formats (Document.alternates); when the body is
  only a covering note, the first attachment's text is the statement's text.

Hostile mail is refused with a one-line reason: more than `MAX_PARTS` MIME parts, a multipart
whose boundary is missing or never closed, a header whose decoded value holds a line break
(header injection), attachments past the size limit or refused by their reader. In a mailbox,
a refused message is listed (meta "skipped") and the other messages are kept.
"""

from __future__ import annotations

import email
import hashlib
import mailbox
import re
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.errors import (
    CloseBoundaryNotFoundDefect,
    MultipartInvariantViolationDefect,
    StartBoundaryNotFoundDefect,
)
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from pathlib import Path
from typing import Any

from indexer.readers import (
    Record,
    Unreadable,
    format_of,
    is_mailbox,
    max_file_bytes,
    read_records,
    size_reason,
)
from indexer.readers.html import html_paragraphs, lang_code, parse_html
from indexer.text import clean_paragraph, lines_to_paragraphs

MAX_PARTS = 1000  # MIME parts in one message: a release has a handful
MAX_DEPTH = 20  # nesting of multiparts and attached messages
MAX_MESSAGES = 100_000  # messages in one mailbox
MAX_ATTACHMENTS = 20  # attachments read per message
# A body shorter than this (letters) next to a document attachment is a covering note.
COVER_NOTE = 400
# Attachments read: documents, not images (logos and signature pictures are no statements).
ATTACHMENT_FORMATS = {"pdf", "docx", "odt", "rtf", "doc", "txt", "md", "html"}
_BOUNDARY_DEFECTS = (StartBoundaryNotFoundDefect, CloseBoundaryNotFoundDefect,
                     MultipartInvariantViolationDefect)


@dataclass
class Attachment:
    """A file attached to a message."""

    name: str
    data: bytes


@dataclass
class Mail:
    """One message, whatever its container: what the record is built from."""

    subject: str | None
    sender: str | None  # "Name <address>" or an address
    date: datetime | None
    text: str  # the body as plain text (HTML bodies already turned into paragraphs)
    attachments: list[Attachment] = field(default_factory=list)
    message_id: str | None = None
    lang: str | None = None
    inner: list[Mail] = field(default_factory=list)  # attached messages (message/rfc822)


# --- header checks ----------------------------------------------------------------------------


def header(message: EmailMessage, name: str) -> str | None:
    """Return a decoded header value, raising `Unreadable` when it hides a line break.

    A line break inside a decoded value (an RFC 2047 word holding =0D=0A) is how a header
    injection smuggles a second header (Bcc:) past a naive parser: refused, never indexed.
    """
    try:
        value = message.get(name)
    except Exception as exc:  # a header the policy cannot parse at all
        raise Unreadable(f"en-tête {name} illisible ({type(exc).__name__})") from exc
    if value is None:
        return None
    value = str(value)
    if "\ufffd" in value or any(0xDC80 <= ord(c) <= 0xDCFF for c in value):
        # raw 8-bit bytes in a header: Latin-1 mailers wrote them without RFC 2047
        raw = value.encode("utf-8", "surrogateescape")
        try:
            value = raw.decode("utf-8")
        except UnicodeDecodeError:
            value = raw.decode("cp1252", errors="replace")
    if re.search(r"[\r\n\x00]", value):
        raise Unreadable(f"message refusé : saut de ligne dans l'en-tête {name} "
                         "(injection d'en-tête ?)")
    return value.strip() or None


def _check_structure(message: EmailMessage) -> None:
    """Raise `Unreadable` for too many parts, too deep a nesting, or a broken boundary."""
    count = 0
    stack: list[tuple[Any, int]] = [(message, 0)]
    while stack:
        part, depth = stack.pop()
        count += 1
        if count > MAX_PARTS:
            raise Unreadable(f"message refusé : plus de {MAX_PARTS} parties MIME")
        if depth > MAX_DEPTH:
            raise Unreadable(f"message refusé : parties MIME imbriquées sur plus de {MAX_DEPTH}"
                             " niveaux")
        for defect in part.defects:
            if isinstance(defect, _BOUNDARY_DEFECTS):
                boundary = part.get_boundary() or "?"
                raise Unreadable(f"MIME invalide : frontière « {boundary[:40]} » absente ou "
                                 "jamais fermée")
        payload = part.get_payload()
        if isinstance(payload, list):
            stack.extend((child, depth + 1) for child in payload)


# --- bodies -----------------------------------------------------------------------------------

_SIGNATURE_HTML = re.compile(r"signature", re.IGNORECASE)


def html_text(markup: str) -> str:
    """Return the paragraphs of an HTML body, signature blocks (Gmail, Thunderbird, Outlook)
    removed, one paragraph a line."""
    soup = parse_html(markup)
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue
        classes = " ".join(tag.get("class") or [])
        if _SIGNATURE_HTML.search(classes) or _SIGNATURE_HTML.search(str(tag.get("id", ""))):
            tag.decompose()
    root = soup.body or soup
    return "\n\n".join(html_paragraphs(root))


def _part_text(part: EmailMessage) -> str:
    """Return the decoded text of a text/* part (charset from its header, else guessed)."""
    try:
        return part.get_content()
    except (LookupError, UnicodeDecodeError, AssertionError, KeyError):
        raw = part.get_payload(decode=True) or b""
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")


def body_text(message: EmailMessage) -> str:
    """Return the message's body as plain text: the text/plain part, else the HTML one."""
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    text = _part_text(body)
    if body.get_content_subtype() == "html":
        return html_text(text)
    return text


def _attachments(message: EmailMessage) -> tuple[list[Attachment], list[EmailMessage]]:
    """Return the message's file attachments and its attached messages (message/rfc822)."""
    files: list[Attachment] = []
    inner: list[EmailMessage] = []
    for part in message.iter_attachments():
        if part.get_content_type() == "message/rfc822":
            payload = part.get_payload()
            if isinstance(payload, list) and payload:
                inner.append(payload[0])
            continue
        name = part.get_filename()
        if not name:
            continue
        data = part.get_payload(decode=True) or b""
        files.append(Attachment(name, data))
    return files, inner


def mail_from_message(message: EmailMessage, depth: int = 0) -> Mail:
    """Return the `Mail` of a parsed message, raising `Unreadable` for hostile ones."""
    if depth == 0:
        _check_structure(message)
    subject, sender = header(message, "Subject"), header(message, "From")
    raw_date = header(message, "Date")
    files, inner = _attachments(message)
    return Mail(
        subject=subject,
        sender=sender,
        date=_parse_date(raw_date),
        text=body_text(message),
        attachments=files,
        message_id=header(message, "Message-ID"),
        lang=lang_code(header(message, "Content-Language")),
        inner=[mail_from_message(m, depth + 1) for m in inner[:MAX_ATTACHMENTS]],
    )


def _parse_date(value: str | None) -> datetime | None:
    """Return the datetime of an RFC 5322 date, or of a French one (« mar. 14 mars 2023 à
    09:00 », « mardi 14 mars 2023 09:00 ») as forwarded headers write it; None otherwise."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    from indexer.extract.dates import parse_date

    match = re.search(r"(\d{1,2}(?:er)?\s+[A-Za-zéûÉÛ.]+\s+\d{4})", value)
    iso = parse_date(match.group(1).replace(".", "")) if match else None
    return datetime.fromisoformat(iso) if iso else None


# --- boilerplate --------------------------------------------------------------------------------

_SIG_DELIMITER = re.compile(r"^--\s?$")
_DEVICE = re.compile(
    r"^(?:envoy[ée] (?:de|depuis) (?:mon|ma|un|une)\b.*|sent from my\b.*|get outlook for\b.*"
    r"|téléchargez outlook\b.*)$", re.IGNORECASE)
_DISCLAIMER = re.compile(
    r"^(?:ce (?:message|courriel|e-?mail|mail)(?: électronique)?(?: et (?:toutes )?(?:les|ses) "
    r"pi[èe]ces? jointes?)?(?:,| est| sont| peu| contient| peut)|avertissement\s*:|"
    r"pensez à l.environnement|this (?:e-?mail|message) (?:and any attachments )?(?:is|may))",
    re.IGNORECASE)
_CLOSING = re.compile(
    r"^(?:(?:bien |très )?cordialement|bien à (?:vous|toi)|salutations(?: distinguées)?|"
    r"meilleures salutations|amicalement|bonne (?:journée|soirée)|best regards|regards)"
    r"\s*[,.!]?$", re.IGNORECASE)
_REPLY_INTRO = re.compile(r"^(?:le .{5,120} a écrit\s*:|on .{5,120} wrote:)$", re.IGNORECASE)
_FORWARD = re.compile(
    r"^\s*(?:-{2,}\s*(?:message transf[ée]r[ée]|forwarded message|message d'origine|"
    r"original message|message original)\s*-{2,}|d[ée]but du message r[ée]exp[ée]di[ée]\s*:|"
    r"begin forwarded message\s*:)\s*$",
    re.IGNORECASE)
_FORWARD_FIELD = re.compile(
    r"^\s*(?P<key>sujet|subject|objet|date|envoy[ée]|sent|de|from|exp[ée]diteur|pour|à|a|to|"
    r"cc|répondre à|reply-to)\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_CLOSING_TAIL = 8  # lines after a closing formula that can still be a signature


def strip_boilerplate(text: str) -> str:
    """Return a plain-text body without signature, device line, disclaimer or quoted reply.

    >>> strip_boilerplate("La FRV salue la décision.\\n\\nCordialement,\\nSophie\\n06 12 34 56 78")
    'La FRV salue la décision.'
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        bare = line.strip()
        if _SIG_DELIMITER.match(line.rstrip("\n")) and line.startswith("--"):
            break
        if _REPLY_INTRO.match(bare) or _DISCLAIMER.match(bare):
            break
        if _CLOSING.match(bare):
            tail = [x for x in lines[index + 1 :] if x.strip()]
            if len(tail) <= _CLOSING_TAIL and all(len(x.strip()) < 90 for x in tail):
                break
        if bare.startswith(">") or _DEVICE.match(bare):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def split_forward(text: str) -> tuple[str, dict[str, str], str] | None:
    """Split a body at its last forward marker: (note before, original headers, original body).

    Returns None when the body forwards nothing.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    marks = [i for i, line in enumerate(lines) if _FORWARD.match(line)]
    if not marks:
        return None
    start = marks[-1]
    fields: dict[str, str] = {}
    index = start + 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and (m := _FORWARD_FIELD.match(lines[index])):
        key = m.group("key").lower()
        key = {"sujet": "subject", "objet": "subject", "envoyé": "date", "envoye": "date",
               "sent": "date", "de": "from", "expéditeur": "from", "expediteur": "from"}.get(
                   key, key)
        fields.setdefault(key, m.group("value").strip())
        index += 1
    return "\n".join(lines[:start]).strip(), fields, "\n".join(lines[index:]).strip()


# --- records ------------------------------------------------------------------------------------

_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:tr|fwd?|re|réf|wg|aw)\s*:\s*)+", re.IGNORECASE)
# The label a press office puts before a release's headline in the subject (« COMMUNIQUE DE
# PRESSE - Verdict … », « CP : … », « [Communiqué de presse] … »): the kind, not the title.
_RELEASE_LABEL = re.compile(
    r"^\s*(?:\[\s*(?:communiqu[ée] de presse|cp)\s*\]\s*[-–—:|]?|"
    r"(?:communiqu[ée] de presse|cp)\s*[-–—:|])\s*(?=\w)", re.IGNORECASE)


def clean_subject(subject: str | None) -> str | None:
    """Return a subject without reply and forward prefixes (« TR : », « Fwd: », « RE : »)
    and without a release's label before its headline (« COMMUNIQUE DE PRESSE - », « CP : »).

    >>> clean_subject("TR : Fwd: Communiqué : la FRV porte plainte")
    'Communiqué : la FRV porte plainte'
    >>> clean_subject("COMMUNIQUE DE PRESSE - Verdict de la Cour d'appel")
    "Verdict de la Cour d'appel"
    >>> clean_subject("[Communiqué de presse] Dissolution du comité"), clean_subject("CP")
    ('Dissolution du comité', 'CP')
    """
    if not subject:
        return None
    subject = _SUBJECT_PREFIX.sub("", subject)
    return clean_paragraph(_RELEASE_LABEL.sub("", subject)) or None


def _person(sender: str | None) -> tuple[str | None, str | None]:
    """Return (display name or address, address) of a From value."""
    if not sender:
        return None, None
    pairs = getaddresses([sender])
    name, address = pairs[0] if pairs else parseaddr(sender)
    name = clean_paragraph(name.strip("\"' ")) if name else ""
    return (name or address or None), (address or None)


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


_WORD = re.compile(r"\w{3,}")


def is_cover_note(body: str, attached: str) -> bool:
    """Whether a body is a covering note for an attached document: short, and most of its
    words are not in the document (a body that repeats the release is the release).

    >>> is_cover_note("Veuillez trouver ci-joint notre communiqué.", "Lyon, le 5 mars. La FRV…")
    True
    """
    letters = _letters(body)
    if letters >= COVER_NOTE:
        return False
    words = {w.casefold() for w in _WORD.findall(body)}
    if not words or letters < COVER_NOTE // 3:  # « Ci-joint notre communiqué. »
        return True
    shared = words & {w.casefold() for w in _WORD.findall(attached)}
    return len(shared) < 0.6 * len(words)


def _safe_name(name: str) -> str:
    """Return an attachment's file name reduced to a harmless base name (no folders)."""
    base = re.split(r"[\\/]", name)[-1]
    base = re.sub(r"[\x00-\x1f]", "", base).strip(". ") or "piece-jointe"
    stem, dot, suffix = base.rpartition(".")
    return f"{stem[:80]}.{suffix[:10]}" if dot and stem else base[:90]


def read_attachments(mail: Mail) -> tuple[list[tuple[Attachment, str, Record]],
                                          list[tuple[str, str]]]:
    """Read the attachments in a document format: ([(attachment, format, record)],
    [(attachment name, reason)] for those refused)."""
    read: list[tuple[Attachment, str, Record]] = []
    refused: list[tuple[str, str]] = []
    wanted = [a for a in mail.attachments
              if format_of(Path(_safe_name(a.name))) in ATTACHMENT_FORMATS]
    with tempfile.TemporaryDirectory(prefix="verbatim-pj-") as folder:
        for attachment in wanted[:MAX_ATTACHMENTS]:
            name = _safe_name(attachment.name)
            fmt = format_of(Path(name)) or ""
            if len(attachment.data) > (limit := max_file_bytes()):
                refused.append((name, size_reason(len(attachment.data), limit)))
                continue
            path = Path(folder) / name
            path.write_bytes(attachment.data)
            try:
                records = read_records(path)
            except Unreadable as exc:
                refused.append((name, str(exc)))
                continue
            finally:
                path.unlink(missing_ok=True)
            if records:
                read.append((attachment, fmt, records[0]))
    return read, refused


def record_from_mail(mail: Mail, key: str | None = None, label: str = "") -> Record:
    """Return the record of one message (see the module docstring), raising `Unreadable`
    when it holds no text at all. `label` names the message in a mailbox ("message 3")."""
    original = mail
    forwarded_by = None
    body = mail.text
    subject, sender, when = mail.subject, mail.sender, mail.date
    if mail.inner and _letters(strip_boilerplate(body)) < COVER_NOTE:
        original = mail.inner[0]  # forwarded as an attachment
        forwarded_by = mail.sender
        body, subject, sender = original.text, original.subject or subject, original.sender
        when = original.date or when
    if found := split_forward(body):
        _note, fields, body = found
        forwarded_by = forwarded_by or sender
        sender = fields.get("from") or sender
        when = _parse_date(fields.get("date")) or when
        subject = fields.get("subject") or subject
    text = lines_to_paragraphs(strip_boilerplate(body))
    attachments, refused = read_attachments(original)
    if original is not mail and not attachments:
        attachments, more = read_attachments(mail)
        refused += more
    meta: dict[str, Any] = {}
    title = clean_subject(subject)
    if attachments and is_cover_note(text, attachments[0][2].text):
        # a covering note: the statement is the attached document
        note, (_, _, first) = text, attachments[0]
        text = first.text
        title = first.title or title
        if note:
            meta["note"] = note
    if not text.strip():
        raise Unreadable("message sans texte" + (f" ({refused[0][0]} : {refused[0][1]})"
                                                 if refused else ""))
    name, address = _person(sender)
    if name:
        meta["author"] = name
    if address:
        meta["sender"] = address
    if forwarded_by:
        meta["forwarded_by"] = _person(forwarded_by)[0]
    if when:
        meta["created"] = when.isoformat()
    if mail.message_id:
        meta["message_id"] = mail.message_id
    if refused:  # listed in the indexing report, the message itself is kept
        meta["skipped"] = [[f"{label + ', ' if label else ''}pièce jointe {name}", reason]
                           for name, reason in refused]
    if attachments:
        # the same statement's other formats: documents.py turns them into alternates
        meta["alternates"] = [{"format": fmt, "attachment": _safe_name(a.name)}
                              for a, fmt, _ in attachments]
    return Record(text=text, key=key, title=title,
                  date=when.date().isoformat() if when else None, lang=mail.lang, meta=meta)


def parse_bytes(raw: bytes) -> EmailMessage:
    """Parse one message (RFC 5322 bytes) with the modern policy."""
    return email.message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def message_key(mail: Mail, raw: bytes) -> str:
    """Return a stable record key for a message of a mailbox: from its Message-ID, else from
    its bytes (insertions elsewhere in the mailbox change no key)."""
    basis = mail.message_id.encode("utf-8", "replace") if mail.message_id else raw
    return "m-" + hashlib.sha1(basis).hexdigest()[:12]


def _checked(raw: bytes) -> Mail:
    # every part opens with a "--boundary" line: a message holding far more such lines than
    # parts allowed is refused before the parser builds thousands of objects
    if raw.count(b"\n--") > 2 * MAX_PARTS:
        raise Unreadable(f"message refusé : plus de {MAX_PARTS} parties MIME")
    try:
        return mail_from_message(parse_bytes(raw))
    except Unreadable:
        raise
    except RecursionError as exc:
        raise Unreadable("message refusé : parties MIME imbriquées trop profondément") from exc
    except Exception as exc:  # the email package's own errors on broken input
        raise Unreadable(f"message illisible ({type(exc).__name__}: {exc})"[:200]) from exc


def read_eml(path: Path) -> list[Record]:
    """Return the record of an .eml file (one message)."""
    raw = path.read_bytes()
    if not re.search(rb"^[A-Za-z-]+:", raw[:2048], re.MULTILINE):
        raise Unreadable("pas un message électronique (aucun en-tête)")
    return [record_from_mail(_checked(raw))]


def read_mbox(path: Path) -> list[Record]:
    """Return one record per message of an .mbox mailbox; refused messages are listed in the
    first record's meta "skipped" [(key, reason)], the others kept. Each record's meta
    "message" is its message's place in the mailbox (1 for the first): its attachments are
    served from that message alone (`attached_file`)."""
    with path.open("rb") as handle:
        if not handle.read(5) == b"From ":
            raise Unreadable("pas une boîte mbox (première ligne « From » absente)")
    box = mailbox.mbox(str(path), create=False)
    records: list[Record] = []
    skipped: list[list[str]] = []
    seen: dict[str, int] = {}
    try:
        keys = box.keys()
        if len(keys) > MAX_MESSAGES:
            raise Unreadable(f"mbox refusée : {len(keys)} messages (> {MAX_MESSAGES})")
        for number, box_key in enumerate(keys, start=1):
            raw = box.get_bytes(box_key)
            try:
                mail = _checked(raw)
                key = message_key(mail, raw)
                seen[key] = seen.get(key, 0) + 1
                if seen[key] > 1:  # the same message twice: one record
                    continue
                records.append(record_from_mail(mail, key, f"message {number}"))
                records[-1].meta["message"] = number
            except Unreadable as exc:
                skipped.append([f"message {number}", str(exc)])
    finally:
        box.close()
    if not records:
        if skipped:
            raise Unreadable(f"aucun message lisible ({skipped[0][0]} : {skipped[0][1]})"[:200])
        raise Unreadable("boîte mbox vide")
    if skipped:
        records[0].meta["skipped"] = [*records[0].meta.get("skipped", []), *skipped]
    return records


def _messages(path: Path, key: str | None, place: int | None = None) -> list[Mail]:
    """The message a record of `path` was read from: an .eml's, a mailbox's message `key`, an
    Outlook .msg's (none when it is no longer there). In a mailbox, the message at `place`
    (`read_mbox`'s meta "message") is parsed alone when it is still the one; else, the
    mailbox changed since it was indexed, its first `MAX_MESSAGES` are looked through (those
    it refuses passed over, as indexing does)."""
    if path.suffix.lower() == ".msg":
        from indexer.readers.outlook import open_mail

        return [open_mail(path)]
    if not is_mbox(path):
        return [_checked(path.read_bytes())]
    box = mailbox.mbox(str(path), create=False)
    try:
        keys = box.keys()[:MAX_MESSAGES]  # where each message starts: no message parsed
        if place is not None and 0 < place <= len(keys):
            keys.insert(0, keys.pop(place - 1))
        for box_key in keys:
            raw = box.get_bytes(box_key)
            try:
                mail = _checked(raw)
            except Unreadable:
                continue
            if message_key(mail, raw) == key:
                return [mail]
    finally:
        box.close()
    return []


def attached_file(path: Path, key: str | None, name: str,
                  place: int | None = None) -> Attachment | None:
    """Return the attachment a statement lists as its other format (`name` as the record's
    ``alternates`` give it) from the message it was read from (`place`: its place in a
    mailbox, as indexing recorded it), or None when the file no longer holds it. A forwarded
    message's own attachments are looked in too."""
    try:
        mails = _messages(path, key, place)
    except (Unreadable, OSError):
        return None
    while mails:
        mail = mails.pop(0)
        for attachment in mail.attachments:
            if _safe_name(attachment.name) == name:
                return attachment
        mails.extend(mail.inner)
    return None


def is_mbox(path: Path) -> bool:
    """Tell a mailbox: named .mbox, or a mail client's folder without a suffix whose first
    bytes are an mbox's (`indexer.readers.is_mailbox`)."""
    if path.suffix.lower() == ".mbox":
        return True
    if path.suffix.lower() in (".eml", ".msg"):
        return False
    with path.open("rb") as handle:
        return is_mailbox(handle.read(4096))


def read(path: Path) -> list[Record]:
    """Return the records of an .eml or .mbox file (see the module docstring)."""
    if is_mbox(path):
        return read_mbox(path)
    return read_eml(path)
