"""Write Outlook .msg files (MS-OXMSG inside an MS-CFB compound file), for the demo corpus
and the tests.

No maintained Python library writes .msg files (extract-msg and olefile only read them), so
this writes the few things Outlook's format needs to hold a message: a compound file (version
3, 512-byte sectors, a mini stream for streams under 4,096 bytes), the message's properties
(class IPM.Note, subject, sender, dates, plain and HTML bodies, transport headers),
recipients and attachments by value. It is a fixture generator, not part of Verbatim.

    write_msg(path, subject=…, sender_name=…, sender_email=…, date=datetime, body=…,
              html=None, to=[("Nom", "adresse")], attachments=[("nom.pdf", b"…")])
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
PT_LONG, PT_SYSTIME, PT_UNICODE, PT_BINARY = 0x0003, 0x0040, 0x001F, 0x0102


@dataclass
class Entry:
    """A storage (children) or a stream (data) of the compound file."""

    name: str
    data: bytes | None = None  # None for a storage
    children: list[Entry] = field(default_factory=list)

    def add(self, entry: Entry) -> Entry:
        """Add a child and return it."""
        self.children.append(entry)
        return entry


def _key(entry: Entry) -> tuple[int, str]:
    # CFB orders siblings by name length first, then by upper-cased name
    return len(entry.name), entry.name.upper()


def _filetime(moment: datetime) -> int:
    return int((moment - datetime(1601, 1, 1, tzinfo=UTC)).total_seconds() * 10_000_000)


def _chain(start: int, count: int, table: list[int]) -> None:
    for i in range(count):
        table[start + i] = start + i + 1 if i < count - 1 else END


def compound_file(root: Entry) -> bytes:
    """Return the bytes of a CFB file holding `root`'s tree (root = the root storage)."""
    entries: list[Entry] = []

    def walk(entry: Entry) -> None:
        entries.append(entry)
        for child in sorted(entry.children, key=_key):
            walk(child)

    walk(root)
    ids = {id(e): i for i, e in enumerate(entries)}
    # mini stream: small streams, 64-byte mini sectors
    mini_data = bytearray()
    mini_fat: list[int] = []
    start: dict[int, int] = {}
    for entry in entries[1:]:
        if entry.data is not None and 0 < len(entry.data) < CUTOFF:
            first = len(mini_data) // MINI
            count = -(-len(entry.data) // MINI)
            start[id(entry)] = first
            mini_fat.extend([0] * count)
            _chain(first, count, mini_fat)
            mini_data += entry.data + b"\0" * (count * MINI - len(entry.data))
    big = [e for e in entries[1:] if e.data is not None and len(e.data) >= CUTOFF]
    sectors: list[bytes] = []

    def place(data: bytes) -> tuple[int, int]:
        first = len(sectors)
        for i in range(0, len(data), SECTOR):
            sectors.append(data[i : i + SECTOR].ljust(SECTOR, b"\0"))
        return first, len(sectors) - first

    runs: list[tuple[int, int]] = []
    mini_start, n = place(bytes(mini_data)) if mini_data else (END, 0)
    runs.append((mini_start, n))
    for entry in big:
        first, n = place(entry.data)
        start[id(entry)] = first
        runs.append((first, n))
    minifat_bytes = b"".join(struct.pack("<I", v) for v in mini_fat)
    minifat_start, n = place(minifat_bytes) if mini_fat else (END, 0)
    runs.append((minifat_start, n))
    minifat_count = n
    directory = bytearray()
    for entry in entries:
        directory += _dir_entry(entry, ids, start, len(mini_data) if entry is root else None,
                                mini_start)
    dir_start, n = place(bytes(directory))
    runs.append((dir_start, n))
    # FAT sectors: enough for every sector including themselves
    fat_count = 1
    while fat_count * (SECTOR // 4) < len(sectors) + fat_count:
        fat_count += 1
    if fat_count > 109:
        raise ValueError("fichier trop gros pour ce générateur (DIFAT)")
    fat = [FREE] * (fat_count * (SECTOR // 4))
    for first, count in runs:
        if count:
            _chain(first, count, fat)
    fat_start = len(sectors)
    for i in range(fat_count):
        fat[fat_start + i] = FATSECT
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    place(fat_bytes)
    difat = [fat_start + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII", bytes.fromhex("D0CF11E0A1B11AE1"), b"\0" * 16, 0x3E, 3,
        0xFFFE, 9, 6, b"\0" * 6, 0, fat_count, dir_start, 0, CUTOFF, minifat_start,
        minifat_count, END, 0,
    ) + b"".join(struct.pack("<I", v) for v in difat)
    return header + b"".join(sectors)


def _dir_entry(entry: Entry, ids: dict[int, int], start: dict[int, int],
               root_size: int | None, mini_start: int) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\0\0"
    kind = 5 if root_size is not None else (1 if entry.data is None else 2)
    children = sorted(entry.children, key=_key)
    child = ids[id(children[0])] if children else NOSTREAM
    # siblings as a right-leaning chain: a valid (if unbalanced) binary search tree
    right = NOSTREAM
    if entry is not None:
        right = _right.get(id(entry), NOSTREAM)
    for a, b in zip(children, children[1:], strict=False):
        _right[id(a)] = ids[id(b)]
    if root_size is not None:
        first, size = (mini_start if root_size else END), root_size
    elif entry.data is None:
        first, size = 0, 0
    else:
        first, size = start.get(id(entry), END), len(entry.data)
    return struct.pack(
        "<64sHBBIII16sIQQIQ", name.ljust(64, b"\0"), len(name), kind, 1, NOSTREAM, right,
        child, b"\0" * 16, 0, 0, 0, first, size,
    )


_right: dict[int, int] = {}


def _props_stream(props: list[tuple[int, int, bytes]], header: bytes) -> bytes:
    """The __properties_version1.0 stream: header, then 16 bytes per property."""
    out = bytearray(header)
    for prop_id, prop_type, value in props:
        tag = (prop_id << 16) | prop_type
        if prop_type in (PT_UNICODE, PT_BINARY):
            fixed = struct.pack("<II", len(value) + (2 if prop_type == PT_UNICODE else 0), 0)
        else:
            fixed = value.ljust(8, b"\0")
        out += struct.pack("<II", tag, 6) + fixed
    return bytes(out)


def _add_props(storage: Entry, props: list[tuple[int, int, object]], header: bytes) -> None:
    encoded: list[tuple[int, int, bytes]] = []
    for prop_id, prop_type, value in props:
        if prop_type == PT_UNICODE:
            data = str(value).encode("utf-16-le")
            storage.add(Entry(f"__substg1.0_{prop_id:04X}{prop_type:04X}", data))
        elif prop_type == PT_BINARY:
            data = bytes(value)  # type: ignore[arg-type]
            storage.add(Entry(f"__substg1.0_{prop_id:04X}{prop_type:04X}", data))
        elif prop_type == PT_SYSTIME:
            data = struct.pack("<Q", _filetime(value))  # type: ignore[arg-type]
        else:
            data = struct.pack("<I", int(value))  # type: ignore[arg-type]
        encoded.append((prop_id, prop_type, data))
    storage.add(Entry("__properties_version1.0", _props_stream(encoded, header)))


def write_msg(path: Path, *, subject: str, sender_name: str, sender_email: str,
              date: datetime, body: str, html: str | None = None,
              to: list[tuple[str, str]] | None = None,
              attachments: list[tuple[str, bytes]] | None = None,
              message_id: str | None = None) -> Path:
    """Write an Outlook message to `path` and return it."""
    _right.clear()
    to = to or [("Rédaction", "redaction@journal.example")]
    attachments = attachments or []
    root = Entry("Root Entry")
    headers = (
        f"From: {sender_name} <{sender_email}>\r\n"
        f"To: {', '.join(f'{n} <{a}>' for n, a in to)}\r\n"
        f"Subject: {subject}\r\n"
        f"Date: {format_datetime(date)}\r\n"
        + (f"Message-ID: {message_id}\r\n" if message_id else "")
        + "MIME-Version: 1.0\r\n\r\n"
    )
    props: list[tuple[int, int, object]] = [
        (0x001A, PT_UNICODE, "IPM.Note"),
        (0x0037, PT_UNICODE, subject),
        (0x0C1A, PT_UNICODE, sender_name),
        (0x0C1F, PT_UNICODE, sender_email),
        (0x0039, PT_SYSTIME, date),
        (0x0E06, PT_SYSTIME, date),
        (0x1000, PT_UNICODE, body),
        (0x007D, PT_UNICODE, headers),
        (0x340D, PT_LONG, 0x00040000),  # strings are Unicode
        (0x3FDE, PT_LONG, 65001),
    ]
    if html is not None:
        props.append((0x1013, PT_BINARY, html.encode("utf-8")))
    if message_id:
        props.append((0x1035, PT_UNICODE, message_id))
    header = struct.pack("<8sIIII8s", b"\0" * 8, len(to), len(attachments), len(to),
                         len(attachments), b"\0" * 8)
    _add_props(root, props, header)
    names = root.add(Entry("__nameid_version1.0"))
    for stream in ("__substg1.0_00020102", "__substg1.0_00030102", "__substg1.0_00040102"):
        names.add(Entry(stream, b""))
    for i, (name, address) in enumerate(to):
        recipient = root.add(Entry(f"__recip_version1.0_#{i:08X}"))
        _add_props(recipient, [(0x3001, PT_UNICODE, name), (0x3003, PT_UNICODE, address),
                               (0x39FE, PT_UNICODE, address), (0x0C15, PT_LONG, 1)], b"\0" * 8)
    for i, (name, data) in enumerate(attachments):
        attachment = root.add(Entry(f"__attach_version1.0_#{i:08X}"))
        _add_props(attachment, [(0x3707, PT_UNICODE, name), (0x3704, PT_UNICODE, name[:12]),
                                (0x3701, PT_BINARY, data), (0x3705, PT_LONG, 1),
                                (0x0E21, PT_LONG, i)], b"\0" * 8)
    path.write_bytes(compound_file(root))
    return path
