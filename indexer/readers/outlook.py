"""Outlook messages (.msg): parsed by extract-msg, then read like any e-mail (`mail`).

extract-msg (GPL-3.0) is an optional extra (``pip install 'verbatim[mail]'``): without it a
.msg file is skipped with the command that installs it. The body is the plain-text one, else
the HTML one; an attached Outlook message (a forward « en tant que pièce jointe ») becomes the
original message, as ``message/rfc822`` parts do in .eml files.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from indexer.readers import Record, Unreadable
from indexer.readers.mail import (
    MAX_ATTACHMENTS,
    Attachment,
    Mail,
    _parse_date,
    html_text,
    record_from_mail,
)

INSTALL_HINT = "installez extract-msg : pip install 'verbatim[mail]'"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_DEPTH = 5  # Outlook messages attached to attached messages…


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            value = value.decode("cp1252", errors="replace")
    return str(value).strip() or None


def mail_from_msg(msg: Any, depth: int = 0) -> Mail:
    """Return the `Mail` of an extract-msg message (embedded messages become `inner`)."""
    body = _text(msg.body) or ""
    if not body.strip() and (html := _text(msg.htmlBody)):
        body = html_text(html)
    files: list[Attachment] = []
    inner: list[Mail] = []
    for attachment in (msg.attachments or [])[:MAX_ATTACHMENTS]:
        data = attachment.data
        if hasattr(data, "attachments") and depth < MAX_DEPTH:  # an attached message
            inner.append(mail_from_msg(data, depth + 1))
            continue
        name = _text(getattr(attachment, "longFilename", None)) or _text(
            getattr(attachment, "shortFilename", None))
        if name and isinstance(data, bytes):
            files.append(Attachment(name, data))
    # the Date header keeps the sender's own day; extract-msg's date is in UTC
    headers = getattr(msg, "header", None)
    when = _parse_date(headers.get("Date")) if headers is not None else None
    when = when or (msg.date if isinstance(msg.date, datetime) else None)
    return Mail(subject=_text(msg.subject), sender=_text(msg.sender), date=when, text=body,
                attachments=files, message_id=_text(getattr(msg, "messageId", None)),
                inner=inner)


def read(path: Path) -> list[Record]:
    """Return the record of an Outlook .msg file."""
    return [record_from_mail(open_mail(path))]


def open_mail(path: Path) -> Mail:
    """Return the `Mail` of an Outlook .msg file, raising `Unreadable` with the reason."""
    with path.open("rb") as handle:
        if handle.read(8) != OLE_MAGIC:
            raise Unreadable("pas un message Outlook (en-tête OLE absent)")
    try:
        import extract_msg
    except ImportError:
        raise Unreadable(f"msg non lu : module extract-msg absent ; {INSTALL_HINT}") from None
    # extract-msg logs every odd property at WARNING: the report says what matters
    logging.getLogger("extract_msg").setLevel(logging.ERROR)
    try:
        msg = extract_msg.openMsg(str(path), delayAttachments=False)
    except Exception as exc:  # its many error classes for damaged or non-message OLE files
        raise Unreadable(f"msg illisible ({type(exc).__name__}: {exc})"[:200]) from exc
    try:
        if not hasattr(msg, "body"):
            raise Unreadable(f"msg sans message ({type(msg).__name__})")
        mail = mail_from_msg(msg)
    except Unreadable:
        raise
    except Exception as exc:
        raise Unreadable(f"msg illisible ({type(exc).__name__}: {exc})"[:200]) from exc
    finally:
        msg.close()
    return mail
