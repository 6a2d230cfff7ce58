"""What one file yields, field by field: the data behind `verbatim inspect PATH [--json]`.

`inspect_file` returns plain data (JSON-ready): every document the file gives, with every
field, the fields that were inferred rather than stated, and every quotation with its
speaker, function and attribution cue. `render` turns it into text for a terminal.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from indexer.documents import documents_from_file
from indexer.readers import Unreadable
from indexer.text import shorten


def inspect_file(
    path: Path | str, root: Path | str | None = None, text_chars: int = 300
) -> dict[str, Any]:
    """Return the documents one file yields, as plain data.

    `root` is the indexed folder the path is relative to (default: the file's folder);
    `text_chars` cuts each text for display, at the end of a word (`shorten`; 0 keeps it
    whole). An unreadable file gives
    `{"path": …, "error": "<one-line reason>", "documents": []}`.
    """
    path = Path(path)
    root = Path(root) if root is not None else path.parent
    try:
        docs = documents_from_file(path, root)
    except Unreadable as exc:
        return {"path": str(path), "error": str(exc), "documents": []}
    out = []
    for doc in docs:
        data = doc.to_dict()
        text = data.pop("text") or ""
        data["text_length"] = len(text)
        data["text"] = shorten(text, text_chars) if text_chars else text
        data["quotes"] = [
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker,
                "function": q.function,
                "cue": q.cue,
                "is_speech": q.is_speech,
            }
            for q in doc.quotes
        ]
        out.append(data)
    return {"path": str(path), "error": None, "documents": out}


_FIELDS = ("kind", "title", "date", "place", "lang", "format", "record")


def render(data: dict[str, Any]) -> str:
    """Return `inspect_file` output as text: one block per document, inferred fields starred.

    >>> print(render({"path": "a.md", "error": "aucun texte", "documents": []}))
    a.md : illisible (aucun texte)
    """
    if data.get("error"):
        return f"{data['path']} : illisible ({data['error']})"
    lines = [f"{data['path']} : {len(data['documents'])} document(s)"]
    for number, doc in enumerate(data["documents"], 1):
        inferred = set(doc.get("inferred") or [])

        def star(name: str, inferred: set[str] = inferred) -> str:
            return "*" if name in inferred else " "

        lines.append(f"\n— document {number} ({doc['id']})")
        for name in _FIELDS:
            if doc.get(name):
                lines.append(f" {star(name)} {name:<9} {doc[name]}")
        if doc.get("speakers"):
            people = "; ".join(
                s["name"] + (f" ({s['function']})" if s.get("function") else "")
                for s in doc["speakers"]
            )
            lines.append(f" {star('speakers')} speakers  {people}")
        if doc.get("themes"):
            lines.append(f" {star('themes')} themes    {', '.join(doc['themes'])}")
        for key, value in sorted((doc.get("meta") or {}).items()):
            lines.append(f" {star(key)} meta.{key:<4} {value}")
        speech = [q for q in doc["quotes"] if q["is_speech"]]
        lines.append(
            f"   quotes    {len(speech)} citation(s), "
            f"{len(doc['quotes']) - len(speech)} titre(s) ou guillemets d'usage"
        )
        for q in doc["quotes"]:
            if q["is_speech"]:
                who = q["speaker"] or "?"
                if q.get("function"):
                    who += f", {q['function']}"
                lines.append(
                    f"     [{q['start']}-{q['end']}] « {shorten(q['text'], 90)} » — {who}"
                    f" [{q['cue'] or 'sans indice'}]"
                )
            else:
                lines.append(f"     [{q['start']}-{q['end']}] ({shorten(q['text'], 60)})")
    lines.append("\n(* : déduit du texte, non déclaré par la source)")
    return "\n".join(lines)
