"""Verbatim's web front end: a Flask app factory over a read-only index."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from webapp import api, catalog, errors, exports, formatting, pages

# Every response: no inline script, no framing, no MIME sniffing, no full referrer.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def create_app(test_config: dict | None = None) -> Flask:
    """Return the Flask app; `INDEX_DIR` in the config names the index folder to serve.

    The index is opened on the first request that needs it and kept for the process.
    """
    app = Flask(__name__)
    app.config.from_mapping(INDEX_DIR=str(Path("verbatim-index").absolute()))
    app.config["JSON_AS_ASCII"] = False
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    if test_config:
        app.config.update(test_config)

    catalog.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(exports.bp)
    errors.init_app(app)

    app.jinja_env.filters.update(
        french_date=formatting.french_date,
        french_number=formatting.french_number,
        plural=formatting.plural,
        capitalize_first=formatting.capitalize,
        plain_text=formatting.plain_text,
    )

    @app.after_request
    def security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app
