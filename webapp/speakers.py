"""The speakers of a statement as links to their pages, written in Python rather than as a
template macro (as the bar charts are, `webapp.charts`): the macro's call, its loop and its
link cost 13 µs a speaker, 0.13 ms of a search page's ten hits, 3 µs now. The markup is the
macro's, character for character (tests/test_speakers_line.py renders both)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup, escape

from indexer.engine import facet_key


def _read(speaker: Any, key: str) -> Any:
    """Return speaker[key], or its attribute `key` (a `Speaker`), as a template reads it."""
    try:
        return speaker[key]
    except (AttributeError, TypeError, LookupError):
        return getattr(speaker, key, "")


def gives_function(title: str, name: str, function: str) -> bool:
    """Tell whether a statement's title names the speaker with this function, « Name,
    function » (case, accents and apostrophes aside), so that a page beside it need not.

    >>> gives_function("Déclaration de M. Jean-Yves Le Drian, ministre de l’Europe et des "
    ...                "affaires étrangères, sur la cybersécurité", "Jean-Yves Le Drian",
    ...                "ministre de l'Europe et des affaires étrangères")
    True
    >>> gives_function("Entretien avec Jean-Yves Le Drian", "Jean-Yves Le Drian", "ministre")
    False
    """
    said = facet_key(f"{name}, {function}".replace("’", "'"))
    return said in facet_key(title.replace("’", "'"))


def speakers_links(url_for: Callable[..., str]) -> Callable[[Iterable[Any]], Markup]:
    """Return the pages' `speakers_line`, linking with `url_for` (the templates' own)."""

    def speakers_line(speakers: Iterable[Any], title: str | None = None) -> Markup:
        """Return each speaker's name linked to their page, then « , function » when known,
        separated by « · »; a speaker is a hit's {name, function} or a `Speaker`. A name the
        text wrote otherwise (a surname alone counted as its person: `written`) says so:
        « Christiane Taubira (« Taubira » dans le texte) »; a name written with other accents
        or capitals (« Elisabeth Borne ») is the same name, and says nothing. A function the
        statement's `title` already gives after the name (a debate's turn: « … — Christiane
        Taubira, garde des Sceaux »; vie-publique's « Déclaration de M. Jean-Yves Le Drian,
        ministre de l'Europe et des affaires étrangères, sur … ») is not said twice: the name
        alone, linked."""
        out = []
        for speaker in speakers:
            name, function = _read(speaker, "name"), _read(speaker, "function")
            if function and title and gives_function(title, name, function):
                function = None
            if out:
                out.append(" · ")
            out.append(f'<a href="{escape(url_for("pages.speaker", name=name))}">'
                       f"{escape(name)}</a>")
            written = _read(speaker, "written")
            if written and facet_key(written) != facet_key(name):
                out.append(f'<span class="written"> (« {escape(written)} » dans le texte)'
                           "</span>")
            if function:
                out.append(f'<span class="function">, {escape(function)}</span>')
        return Markup("".join(out))

    return speakers_line
