"""Verbatim's web front end: a Flask app factory over a read-only index."""

from __future__ import annotations

from pathlib import Path

from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    """Return the Flask app; `INDEX_DIR` in the config names the index folder to serve."""
    app = Flask(__name__)
    app.config.from_mapping(INDEX_DIR=str(Path("verbatim-index").absolute()))
    if test_config:
        app.config.update(test_config)
    return app
