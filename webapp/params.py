"""URL arguments ⇄ search state: every page's state lives in its query string.

Parsing never fails: what cannot be understood is dropped and described in `problems`
(French sentences), which the HTML pages show as notes and the API turns into a 400.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from urllib.parse import quote_plus

from flask import g, has_request_context, url_for
from werkzeug.datastructures import MultiDict

from indexer.search import (
    FACET_SIZE,
    MAX_FACET_SIZE,
    MAX_PER_PAGE,
    MAX_RESULTS,
    SORTS,
    SearchRequest,
    alone_value,
    facet_key,
)

FACETS = ("speaker", "theme", "kind", "year", "lang")
DEFAULT_PER_PAGE = 10
MAX_QUERY_CHARS = 2000  # parse_query() keeps 1000 and says so; past this we cut silently
MAX_VALUES = 20  # values of one facet in one URL
MAX_VALUE_CHARS = 200
TRUE_WORDS = {"1", "true", "on", "oui", "yes"}

# Control characters (NUL included) never mean anything in a query; tabs and newlines
# pasted with a quotation become spaces.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_DATE_FORMATS = (("%Y-%m-%d", r"\d{4}-\d{2}-\d{2}"), ("%Y-%m", r"\d{4}-\d{2}"), ("%Y", r"\d{4}"))


def clean(value: str, limit: int = MAX_VALUE_CHARS) -> str:
    """Return a URL value without control characters, squeezed and cut to `limit`."""
    return " ".join(_CONTROL.sub(" ", value or "").split())[:limit]


def valid_date(value: str) -> bool:
    """Tell whether `value` is a real YYYY, YYYY-MM or YYYY-MM-DD date.

    >>> valid_date("2016-04-30"), valid_date("2016-02-30"), valid_date("2016"), valid_date("hier")
    (True, False, True, False)
    """
    for fmt, pattern in _DATE_FORMATS:
        if re.fullmatch(pattern, value):
            try:
                datetime.strptime(value, fmt)
            except ValueError:
                return False
            return True
    return False


@dataclass
class SearchArgs:
    """A search as the URL states it, cleaned; `problems` says what was ignored."""

    q: str = ""
    speaker: list[str] = field(default_factory=list)
    theme: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    year: list[str] = field(default_factory=list)
    lang: list[str] = field(default_factory=list)
    date_from: str = ""
    date_to: str = ""
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    quotes: bool = False
    as_typed: bool = False  # tel_quel=1: no spelling correction
    facet_size: int = FACET_SIZE  # facet_size=N or max: values of each facet
    facet_all: str = ""  # facet_all=speaker: every value of that facet (up to MAX_FACET_SIZE)
    problems: list[str] = field(default_factory=list)
    raw_from: str = ""  # what was typed, shown back in the form even when not understood
    raw_to: str = ""

    def selected(self, facet: str) -> list[str]:
        """Return the values selected for a facet."""
        return getattr(self, facet)

    @property
    def filtered(self) -> bool:
        """True when a facet value or a date narrows the search."""
        return bool(self.date_from or self.date_to or any(self.selected(f) for f in FACETS))

    def to_request(self, **changes) -> SearchRequest:
        """Return the `SearchRequest` for this state (with `changes` applied)."""
        args = replace(self, **changes) if changes else self
        return SearchRequest(
            q=args.q, speaker=list(args.speaker), theme=list(args.theme), kind=list(args.kind),
            year=list(args.year), lang=list(args.lang), date_from=args.date_from or None,
            date_to=args.date_to or None,
            sort=args.sort, page=args.page, per_page=args.per_page, quotes=args.quotes,
            as_typed=args.as_typed, facet_size=args.facet_size, facet_all=args.facet_all,
        )

    def pairs(self) -> list[tuple[str, str]]:
        """Return the canonical URL arguments of this state, defaults left out."""
        out: list[tuple[str, str]] = []
        if self.q:
            out.append(("q", self.q))
        if self.quotes:
            out.append(("quotes", "1"))
        if self.as_typed:
            out.append(("tel_quel", "1"))
        for facet in FACETS:
            out += [(facet, value) for value in self.selected(facet)]
        if self.date_from:
            out.append(("from", self.date_from))
        if self.date_to:
            out.append(("to", self.date_to))
        if self.sort != "relevance":
            out.append(("sort", self.sort))
        if self.per_page != DEFAULT_PER_PAGE:
            out.append(("per_page", str(self.per_page)))
        if self.page > 1:
            out.append(("page", str(self.page)))
        if self.facet_size != FACET_SIZE:
            out.append(("facet_size", "max" if self.facet_size >= MAX_FACET_SIZE
                        else str(self.facet_size)))
        if self.facet_all:
            out.append(("facet_all", self.facet_all))
        return out

    def changed(self, **changes) -> SearchArgs:
        """Return a copy with `changes`; the page goes back to 1 unless a page is given."""
        changes.setdefault("page", 1)
        return replace(self, problems=[], **changes)

    def toggled(self, facet: str, value: str) -> SearchArgs:
        """Return a copy with `value` added to, or removed from, a facet's selection."""
        # a facet shown whole folds back: the value chosen in it is shown on top anyway
        return self.changed(facet_all="", **{facet: self.toggled_values(facet, value)})

    def toggle_urls(self, facet: str, values: list[str], endpoint: str = "pages.search", *,
                    external: bool = False, labels: dict[str, list[str]] | None = None,
                    covers: dict[str, list[str]] | None = None) -> list[str]:
        """Return `toggled(facet, value).url(endpoint)` for each of `values`.

        `labels` are what each selected value selects (`SearchRequest.labels`), `covers`
        what each bare surname several people bear selects (the facet's « Touraine (tous les
        Touraine) »: itself first, then its people). A click ticks or unticks what a value
        stands for, and the URL then says what is ticked: a value selected through another
        spelling (« Deltour » for « Antoine Deltour », « FRV ») is removed with it, and the
        others that spelling selected stay (« Antoine » selected Deltour and Herth: removing
        Herth keeps Deltour); « Touraine » selected every Touraine: removing Marisol keeps
        Jean-Louis and the quotations of « Touraine » alone, « Touraine (sans prénom) »
        (before: Jean-Louis alone, those quotations gone), and ticking Marisol again is
        « Touraine » again; a bare surname's own tick removes everything it selected.

        >>> args = SearchArgs(speaker=["Touraine"])
        >>> touraines = {"Touraine": ["Touraine", "Jean-Louis Touraine", "Marisol Touraine"]}
        >>> labels = {"Touraine": ["Jean-Louis Touraine", "Marisol Touraine", "Touraine"]}
        >>> args.toggled_values("speaker", "Marisol Touraine", labels, touraines)
        ['Jean-Louis Touraine', 'Touraine (sans prénom)']
        >>> args.toggled_values("speaker", "Touraine", labels, touraines)
        []
        >>> kept = SearchArgs(speaker=["Jean-Louis Touraine", "Touraine (sans prénom)"])
        >>> kept.toggled_values("speaker", "Marisol Touraine",
        ...                     {"Touraine (sans prénom)": ["Touraine"]}, touraines)
        ['Touraine']
        """
        return self.facet_urls(
            facet, [self.toggled_values(facet, value, labels, covers) for value in values],
            endpoint, external=external, facet_all="")

    def toggled_values(self, facet: str, value: str,
                       labels: dict[str, list[str]] | None = None,
                       covers: dict[str, list[str]] | None = None) -> list[str]:
        """Return the facet's values with `value` toggled: what it stands for added, or
        removed from what the values select (`toggle_urls`)."""
        labels, covers = dict(labels or {}), dict(covers or {})
        selected = self.selected(facet)
        for typed in selected:
            held = labels.get(typed) or []
            # a bare surname typed as the facet lists it, selecting its people too: a cover
            own = [label for label in held if facet_key(label) == facet_key(typed)]
            if own and len(held) > 1:
                covers.setdefault(own[0], [own[0], *(h for h in held if h != own[0])])

        def held(typed: str) -> list[str]:
            # the labels a value selects: as the search read it, else a bare surname's all
            return labels.get(typed) or covers.get(typed) or [typed]

        ticked = set(held(value))
        chosen = {label for typed in selected for label in held(typed)}
        if not ticked <= chosen:
            # ticked: what it stands for, the values it holds whole folded into it
            return self._covered([v for v in selected if not set(held(v)) <= ticked] + [value],
                                 held, covers)
        out: list[str] = []
        for typed in selected:
            kept = [label for label in held(typed) if label not in ticked]
            if len(kept) == len(held(typed)):
                out.append(typed)
                continue
            # what else this value selected stays, a bare surname as its quotations alone
            out += [alone_value(label) if label in covers else label for label in kept]
        return list(dict.fromkeys(out))

    @staticmethod
    def _covered(values: list[str], held, covers: dict[str, list[str]]) -> list[str]:
        """Return `values` with those a bare surname selects whole written as it: Jean-Louis,
        Marisol and « Touraine (sans prénom) » ticked are « Touraine »."""
        chosen = {label for typed in values for label in held(typed)}
        for bare, people in covers.items():
            if bare in values or not chosen >= set(people):
                continue
            inside = [v for v in values if set(held(v)) <= set(people)]
            at = values.index(inside[0]) if inside else len(values)
            values = [v for v in values[:at] if v not in inside] + [bare] + \
                [v for v in values[at:] if v not in inside]
        return list(dict.fromkeys(values))

    def facet_urls(self, facet: str, selections: list[list[str]],
                   endpoint: str = "pages.search", *, external: bool = False,
                   **changes) -> list[str]:
        """Return `url(endpoint, **changes, facet=selection)` for each of `selections`.

        The arguments around the facet's are encoded once: a page of results carries a
        hundred such links (facet values, histogram bars), and building each from scratch
        was a tenth of the page's time.
        """
        marker = object()
        pairs = [(k, v) if v is marker else f"{_quoted(k)}={_quoted(v)}"
                 for k, v in self.changed(**changes, **{facet: [marker]}).pairs()]
        at = next(i for i, pair in enumerate(pairs) if isinstance(pair, tuple))
        head, tail = pairs[:at], pairs[at + 1:]
        base = _base_url(endpoint, external)
        urls = []
        for new in selections:
            query = "&".join([*head, *(f"{_quoted(facet)}={_quoted(v)}" for v in new), *tail])
            urls.append(base + (f"?{query}" if query else ""))
        return urls

    def cleared(self) -> SearchArgs:
        """Return a copy with every facet value and date removed (query, mode, sort kept)."""
        return self.changed(date_from="", date_to="", facet_all="", **{f: [] for f in FACETS})

    def url(self, endpoint: str = "pages.search", *, external: bool = False,
            **changes) -> str:
        """Return the URL of `endpoint` for this state (with `changes`, page reset)."""
        args = self.changed(**changes) if changes else self
        query = "&".join(f"{_quoted(k)}={_quoted(v)}" for k, v in args.pairs())
        return _base_url(endpoint, external) + (f"?{query}" if query else "")


def _base_url(endpoint: str, external: bool) -> str:
    """Return url_for(endpoint, _external=external), built once per request: a page of
    results links its facet values, histogram bars, pages and chips, each through here."""
    if not has_request_context():
        return url_for(endpoint, _external=external)
    built = g.setdefault("base_urls", {})
    key = (endpoint, external)
    if key not in built:
        built[key] = url_for(endpoint, _external=external)
    return built[key]


@lru_cache(maxsize=1024)
def _quoted(value: str) -> str:
    """Return a URL argument encoded as `urlencode` does, once per value: a page repeats its
    query in each of its links (with 2,000 characters: 60 ms a page, encoded anew each time)."""
    return quote_plus(value)


def _int(raw: str | None, name: str, default: int, low: int, high: int,
         problems: list[str]) -> int:
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        problems.append(f"Paramètre « {name} » non compris : {clean(raw, 40)!r} ignoré.")
        return default
    return max(low, min(value, high))


def parse_search_args(args: MultiDict) -> SearchArgs:
    """Return the search state of a query string; never raises."""
    problems: list[str] = []
    state = SearchArgs(problems=problems)
    state.q = clean(args.get("q", ""), MAX_QUERY_CHARS)
    for facet in FACETS:
        values = []
        for raw in args.getlist(facet):
            value = clean(raw)
            if value and value not in values:
                values.append(value)
        if len(values) > MAX_VALUES:
            problems.append(f"Trop de valeurs pour « {facet} » : {MAX_VALUES} gardées.")
            values = values[:MAX_VALUES]
        setattr(state, facet, values)
    for name, attr in (("from", "date_from"), ("to", "date_to")):
        raw = clean(args.get(name, ""), 40)
        setattr(state, "raw_" + name, raw)
        if raw and valid_date(raw):
            setattr(state, attr, raw)
        elif raw:
            label = "début" if name == "from" else "fin"
            problems.append(f"Date non comprise ({label} : « {raw} ») : attendu AAAA, "
                            "AAAA-MM ou AAAA-MM-JJ ; filtre ignoré.")
    if state.date_from and state.date_to and state.date_to < state.date_from[: len(state.date_to)]:
        problems.append("La date de fin précède la date de début : aucun résultat possible.")
    sort = clean(args.get("sort", ""), 20)
    if sort and sort not in SORTS:
        problems.append(f"Tri inconnu « {sort} » : tri par pertinence.")
    state.sort = sort if sort in SORTS else "relevance"
    state.per_page = _int(args.get("per_page"), "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE,
                          problems)
    state.page = _int(args.get("page"), "page", 1, 1, MAX_RESULTS // state.per_page, problems)
    raw_size = clean(args.get("facet_size", ""), 20).lower()
    state.facet_size = MAX_FACET_SIZE if raw_size == "max" else _int(
        raw_size, "facet_size", FACET_SIZE, 1, MAX_FACET_SIZE, problems)
    facet_all = clean(args.get("facet_all", ""), 20)
    if facet_all and facet_all not in FACETS:
        problems.append(f"Facette inconnue « {facet_all} » : attendu "
                        f"{', '.join(FACETS)} ; ignorée.")
    state.facet_all = facet_all if facet_all in FACETS else ""
    state.quotes = clean(args.get("quotes", ""), 10).lower() in TRUE_WORDS
    state.as_typed = clean(args.get("tel_quel", ""), 10).lower() in TRUE_WORDS
    return state
