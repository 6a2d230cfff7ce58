"""The one `Catalog` of the process, opened lazily and kept on the app."""

from __future__ import annotations

import threading
from pathlib import Path

from flask import Flask, current_app

from indexer.budget import NotReady
from indexer.document import Document
from indexer.search import Catalog, open_catalog

EXTENSION = "verbatim"


def init_app(app: Flask) -> None:
    """Make room for the catalog on the app; it is opened on first use."""
    app.extensions[EXTENSION] = {"catalog": None, "lock": threading.Lock()}


def get_catalog() -> Catalog:
    """Return the app's catalog, opening it on first use; raises `IndexMissing`.

    A missing index is not remembered: the page works as soon as someone builds it.
    The app only reads the index; `Catalog.searcher()` picks up later commits.
    """
    state = current_app.extensions[EXTENSION]
    with state["lock"]:
        if state["catalog"] is None:
            state["catalog"] = open_catalog(current_app.config["INDEX_DIR"])
        return state["catalog"]


def close_catalog(app: Flask) -> None:
    """Close the app's catalog if it was opened (tests, shutdown)."""
    state = app.extensions.get(EXTENSION)
    if state and state["catalog"] is not None:
        state["catalog"].close()
        state["catalog"] = None


def moved_to(doc_id: str) -> str | None:
    """Return the id a statement has now whose file moved (a folder reorganised) since it
    had `doc_id`, when that statement is still in the index: where a link shared before the
    move leads. None otherwise, also while the manifest is being read (the engine's
    `moved_to`)."""
    catalog = get_catalog()
    try:
        target = catalog.moved_to(doc_id)
    except NotReady:
        return None
    return target if target and catalog.document(target) is not None else None


def original_file(doc: Document) -> Path | None:
    """Return the file a document was read from, or None when it must not be served.

    The path must be one the index was built from (listed in its manifest: the engine's
    `file_root`), exist, and resolve inside its indexed folder: a crafted source such as
    `../../etc/passwd` or a symbolic link pointing out of the folder is refused.
    """
    if not doc.root or not doc.source:
        return None
    root = Path(doc.root)
    candidate = root / doc.source
    if get_catalog().file_root(str(candidate)) != doc.root:
        return None
    try:
        resolved = candidate.resolve(strict=True)
        inside = resolved.is_relative_to(root.resolve(strict=True))
    except (OSError, RuntimeError):
        return None
    return resolved if inside and resolved.is_file() else None
