"""Errors in French: an HTML page for people, JSON under /api/, never a bare 500."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from indexer.budget import NotReady
from indexer.engine import AccessRefused, OutdatedIndex, Unsupported
from indexer.search import IndexMissing

log = logging.getLogger(__name__)

TITLES = {
    400: "Requête non comprise",
    404: "Page introuvable",
    405: "Méthode non permise",
    413: "Envoi trop volumineux",
    500: "Erreur interne",
    503: "Index indisponible",
}
UNANSWERED = ("Le moteur de recherche n'a pas répondu à temps. Réessayez dans un instant.")
RETRY_AFTER = "2"  # seconds: a cluster too busy to answer usually is again soon
MESSAGES = {
    400: "Cette adresse contient des paramètres que Verbatim ne comprend pas.",
    404: "Cette page n'existe pas.",
    405: "Cette adresse se consulte, elle ne reçoit pas de formulaire.",
    413: "Ce que vous avez envoyé est trop long : envoyez moins de citations à la fois.",
    500: "Verbatim a rencontré une erreur. Réessayez ou changez de recherche.",
    503: "Aucun index n'est disponible : lancez « verbatim index DOSSIER » puis rechargez.",
}


def error_response(status: int, message: str | None = None):
    """Return the error as JSON under /api/ and as a French HTML page elsewhere."""
    message = message or MESSAGES.get(status, MESSAGES[500])
    title = TITLES.get(status, TITLES[500])
    if request.path.startswith("/api/"):
        return jsonify({"error": {"status": status, "title": title, "message": message}}), status
    return render_template("error.html", status=status, title=title, message=message), status


def init_app(app: Flask) -> None:
    """Register the error handlers."""

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        status = exc.code or 500
        default = type(exc).description
        message = exc.description if exc.description != default else None
        response = error_response(status, message)
        if status == 405 and exc.get_response().headers.get("Allow"):
            body, code = response
            return body, code, {"Allow": exc.get_response().headers["Allow"]}
        return response

    try:
        from opensearchpy import ConnectionError as Unreachable
    except ImportError:  # the optional extra is not installed: only Whoosh serves
        Unreachable = None

    def unanswered(exc: Exception):
        # the cluster did not answer within the request's budget (or not at all): the
        # honest answer is « try again », not an internal error
        log.warning("moteur sans réponse sur %s : %s", request.path, exc)
        body, code = error_response(503, UNANSWERED)
        return body, code, {"Retry-After": RETRY_AFTER}

    @app.errorhandler(IndexMissing)
    def index_missing(exc: IndexMissing):
        if isinstance(exc, AccessRefused):  # the engine is there: say why it refuses us
            log.warning("moteur refusant l'accès : %s", exc)
            return error_response(503, f"Le moteur de recherche refuse l'accès : {exc}.")
        if isinstance(exc, OutdatedIndex):  # there, but to rebuild: its message says how
            log.warning("index à reconstruire : %s", exc)
            return error_response(503, f"{exc}.")
        if Unreachable is not None and isinstance(exc.__cause__, Unreachable):
            # the cluster, opened by this request, did not answer: not a missing index
            return unanswered(exc)
        return error_response(503)

    @app.errorhandler(NotReady)
    def not_ready(exc: NotReady):
        # what the page needs is being read after a change of the index, past its budget
        body, code = error_response(503, str(exc))
        return body, code, {"Retry-After": RETRY_AFTER}

    @app.errorhandler(Unsupported)
    def unsupported(exc: Unsupported):
        return error_response(501, str(exc))

    if Unreachable is not None:
        app.errorhandler(Unreachable)(unanswered)

    @app.errorhandler(Exception)
    def internal_error(exc: Exception):
        log.exception("erreur interne sur %s", request.path)
        return error_response(500)
