"""Verbatim's web front end: a Flask app factory over a read-only index."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from flask import Flask, request, url_for

from indexer import budget
from indexer.engine import page_lookups
from indexer.passages import MIN_SIMILARITY
from indexer.verify import closeness, of, quoted_other
from webapp import (
    api,
    catalog,
    charts,
    errors,
    exports,
    formatting,
    genealogy,
    pages,
    speakers,
    verifier,
)

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
    app.config.from_mapping(INDEX_DIR=str(Path("verbatim-index").absolute()),
                            # a body larger than the quotations /verifier reads is refused
                            MAX_CONTENT_LENGTH=4 * verifier.MAX_INPUT_CHARS)
    app.config["JSON_AS_ASCII"] = False
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    if test_config:
        app.config.update(test_config)

    catalog.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(exports.bp)
    app.register_blueprint(verifier.bp)
    app.register_blueprint(genealogy.bp)
    errors.init_app(app)

    app.jinja_env.globals["url_for"] = link = cached_url_for()
    app.jinja_env.globals["speakers_line"] = speakers.speakers_links(link)
    app.jinja_env.globals["bar_chart"] = charts.bar_chart
    # the share of a pasted passage's words a record must hold (« Introuvable » says it)
    app.jinja_env.globals["min_share"] = round(MIN_SIMILARITY * 100)
    app.jinja_env.filters.update(
        french_date=formatting.french_date,
        french_number=formatting.french_number,
        plural=formatting.plural,
        capitalize_first=formatting.capitalize,
        plain_text=formatting.plain_text,
        closeness=closeness,
        quoted_other=quoted_other,
        differences=verifier.difference_sentences,
        in_guillemets=verifier.in_guillemets,
        of=of,  # « fiche d'Élisabeth Borne », « fiche de Hugo Lefebvre »
    )

    @app.after_request
    def security_headers(response):
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.wsgi_app = budgeted(app.wsgi_app)
    return app


MAX_CACHED_URLS = 20_000


def cached_url_for() -> Callable[..., str]:
    """Return `url_for` for an app's templates, its answers kept for the process: the links
    every page repeats (stylesheet, menu, speakers' pages) were twenty `url_for` calls a
    search page, the same ones from one request to the next. Relative endpoints and `_`
    options (anchors, external links) are built each time."""
    urls: dict[tuple, str] = {}

    def cached(endpoint: str, **values) -> str:
        if endpoint.startswith(".") or any(k.startswith("_") for k in values):
            return url_for(endpoint, **values)
        try:
            # what the URL's host, scheme and root are made of, read once from the WSGI
            # environment (request.host, request.scheme: three lookups of the request, 2 µs
            # of the 3 a link took)
            environ = request.environ
            key = (environ.get("SCRIPT_NAME"), environ.get("HTTP_HOST"),
                   environ.get("SERVER_NAME"), environ.get("SERVER_PORT"),
                   environ.get("wsgi.url_scheme"), endpoint, *sorted(values.items()))
            return urls[key]
        except KeyError:
            pass
        except TypeError:  # a value that cannot be a key
            return url_for(endpoint, **values)
        url = url_for(endpoint, **values)
        if len(urls) >= MAX_CACHED_URLS:
            urls.clear()
        urls[key] = url
        return url

    return cached


def budgeted(wsgi_app):
    """Wrap a WSGI app: each request's searches get a time budget (`indexer.budget`), what
    the engine looks up for it is kept until it is answered (`indexer.engine.page_lookups`),
    and the response says how long the server spent on it (`Server-Timing: app;dur=` ms)."""

    def app(environ, start_response):
        started = time.perf_counter()

        def timed(status, headers, exc_info=None):
            spent = (time.perf_counter() - started) * 1000
            headers.append(("Server-Timing", f"app;dur={spent:.1f}"))
            return start_response(status, headers, exc_info)

        with budget.request_budget(), page_lookups():
            return wsgi_app(environ, timed)

    return app
