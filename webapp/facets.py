"""Facets, filter chips and the histogram as plain dicts, the same for HTML and JSON.

Every facet value is {value, label, count, selected, toggle_url} (Datasette's shape):
the page renders it as a link, the API returns it as it is. A search returns each facet's
values with most records (`facet_size`, 30 by default: 8 shown, the rest under « voir
plus »); a facet that has more gets a link to all its values (`facet_all=speaker`, up to
`MAX_FACET_SIZE`), as Datasette's « … » link does.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from typing import Any

from indexer.search import MAX_FACET_SIZE, SearchResponse, alone_value, facet_key
from webapp.formatting import NBSP, capitalize, french_date, period_label, plural
from webapp.params import FACETS, SearchArgs

FACET_TITLES = {"speaker": "Orateurs", "theme": "Thèmes", "kind": "Types", "year": "Années",
                "lang": "Langues"}
FACET_NAMES = {"speaker": "Orateur", "theme": "Thème", "kind": "Type", "year": "Année",
               "lang": "Langue"}
LANGUAGE_NAMES = {"fr": "français", "en": "anglais", "de": "allemand", "es": "espagnol",
                  "it": "italien", "pt": "portugais", "nl": "néerlandais", "ar": "arabe",
                  "ru": "russe", "zh": "chinois", "pl": "polonais", "ro": "roumain",
                  "br": "breton", "ca": "catalan", "eu": "basque", "oc": "occitan"}
# what « voir plus » unfolds, as a screen reader says it (« voir plus d'orateurs »)
FACET_MORE = {"speaker": "d'orateurs", "theme": "de thèmes", "kind": "de types",
              "year": "d'années", "lang": "de langues"}
FACET_ALL = {"speaker": "tous les orateurs", "theme": "tous les thèmes",
             "kind": "tous les types", "year": "toutes les années", "lang": "toutes les langues"}
TOP_VALUES = 8  # values shown before « voir plus »


def value_label(facet: str, value: str) -> str:
    """Return how a facet value is shown: kinds capitalised, languages named, the rest as
    indexed."""
    if facet == "lang":
        return LANGUAGE_NAMES.get(value, value)
    return capitalize(value) if facet == "kind" else value


def shown_label(facet: str, value: dict[str, Any]) -> str:
    """Return how a facet's value ({value, count[, covers]}) is listed: as `value_label`
    says it, and a bare surname people bear, whose count and click take them too
    (`covers`), as `covering_label` says it.

    >>> shown_label("speaker", {"value": "Touraine", "count": 3,
    ...                         "covers": ["Jean-Louis Touraine", "Marisol Touraine"]})
    'Touraine (tous les Touraine)'
    """
    label = value_label(facet, value["value"])
    return covering_label(label, value["covers"]) if value.get("covers") else label


def covering_label(label: str, people: list[str]) -> str:
    """Return how a bare surname is said when it selects the people bearing it too: the
    surname's family when several do, the one person named when one does — « Rousseau »
    alone in a text may be another Rousseau (Jean-Jacques, quoted in a 2013 sitting) than
    the one the index knows (Dominique, a constitutionalist a minister quotes in 2023), and
    the label says whom the click adds without saying they are one person.

    >>> covering_label("Touraine", ["Jean-Louis Touraine", "Marisol Touraine"])
    'Touraine (tous les Touraine)'
    >>> covering_label("Rousseau", ["Dominique Rousseau"])
    'Rousseau (avec Dominique Rousseau)'
    """
    if len(people) == 1:
        return f"{label} (avec {people[0]})"
    return f"{label} (tous les {label})"


def facet_values(response: SearchResponse, args: SearchArgs, endpoint: str = "pages.search",
                 external: bool = False) -> dict[str, list[dict[str, Any]]]:
    """Return {facet: [{value, label, count, selected, toggle_url}]} for a response."""
    out = {}
    for facet in FACETS:
        found = response.facets.get(facet, [])
        # « Antoine Deltour » selected by `speaker=Deltour`: its toggle removes « Deltour »;
        # « Touraine (tous les Touraine) » ticks and unticks every Touraine
        covers = {v["value"]: [v["value"], *v["covers"]] for v in found if v.get("covers")}
        urls = args.toggle_urls(facet, [v["value"] for v in found], endpoint, external=external,
                                labels=response.request.labels.get(facet), covers=covers)
        out[facet] = [
            {
                "value": v["value"],
                "label": shown_label(facet, v),
                "count": v["count"],
                "selected": v.get("selected", v["value"] in args.selected(facet)),
                "toggle_url": url,
            }
            for v, url in zip(found, urls, strict=True)
        ]
    return out


def facet_more(response: SearchResponse, args: SearchArgs, endpoint: str = "pages.search",
               external: bool = False) -> dict[str, dict[str, Any]]:
    """Return, for each facet, {truncated, all_url, less_url}: whether values were left out,
    the URL of the same search with all the facet's values (None when nothing is left out,
    or when they are already asked for), and the URL folding a facet shown whole back."""
    out = {}
    for facet in FACETS:
        truncated = response.facets_truncated.get(facet, False)
        whole = args.facet_all == facet
        out[facet] = {
            "truncated": truncated,
            "all_url": args.url(endpoint, external=external, page=args.page, facet_all=facet)
            if truncated and not whole and args.facet_size < MAX_FACET_SIZE else None,
            "less_url": args.url(endpoint, external=external, page=args.page, facet_all="")
            if whole else None,
        }
    return out


def facet_panels(values: dict[str, list[dict[str, Any]]],
                 more: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Return the facets as panels: {name, title, top, more, more_label, whole, all_url,
    all_label, less_url, capped}; selected values always on top. `whole`: every value was asked for
    (shown open); `capped`: even so some were left out (past `MAX_FACET_SIZE`)."""
    panels = []
    for facet in FACETS:
        items = values.get(facet, [])
        extra = (more or {}).get(facet, {})
        top = [v for i, v in enumerate(items) if i < TOP_VALUES or v["selected"]]
        rest = [v for i, v in enumerate(items) if i >= TOP_VALUES and not v["selected"]]
        whole = bool(extra.get("less_url"))
        panels.append({"name": facet, "title": FACET_TITLES[facet], "top": top, "more": rest,
                       "more_label": FACET_MORE[facet], "whole": whole,
                       "all_url": extra.get("all_url"), "all_label": FACET_ALL[facet],
                       "less_url": extra.get("less_url"),
                       "capped": whole and extra.get("truncated", False)})
    return panels


def chips(args: SearchArgs, labels: dict[str, dict[str, list[str]]] | None = None
          ) -> list[dict[str, str]]:
    """Return the active filters as removable chips: [{label, remove_url}]; `labels`, the
    label each value selects (`SearchRequest.labels`, as the search resolved them)."""
    return [{"label": label, "remove_url": removed().url()}
            for label, removed in _filters(args, labels)]


def filter_labels(args: SearchArgs, labels: dict[str, dict[str, list[str]]] | None = None
                  ) -> list[str]:
    """Return the active filters as their chips say them (« Orateur : Jean Castex »): a
    value under the labels it selects (`labels`), « FRV » as « Fédération des Rivières
    Vivantes », the facet shows it, a surname two people share as the facet lists it
    (`selection_label`: « Touraine (tous les Touraine) »).

    >>> filter_labels(SearchArgs(speaker=["Jean Castex"], date_to="2020-10"))
    ['Orateur\xa0: Jean Castex', "Jusqu'à fin octobre 2020"]
    >>> filter_labels(SearchArgs(speaker=["FRV"]),
    ...               {"speaker": {"FRV": ["Fédération des Rivières Vivantes"]}})
    ['Orateur\xa0: Fédération des Rivières Vivantes']
    >>> filter_labels(SearchArgs(speaker=["Touraine"]), {"speaker": {"Touraine": [
    ...     "Jean-Louis Touraine", "Marisol Touraine", "Touraine"]}})
    ['Orateur\xa0: Touraine (tous les Touraine)']
    """
    return [label for label, _ in _filters(args, labels)]


def _filters(args: SearchArgs, labels: dict[str, dict[str, list[str]]] | None = None
             ) -> list[tuple[str, Callable[[], SearchArgs]]]:
    """Return each active filter's label and how to get the search without it; two values
    selecting one label (« FRV » and its full name) are one filter, removed together."""
    out: list[tuple[str, Callable[[], SearchArgs]]] = []
    for facet in FACETS:
        named = (labels or {}).get(facet, {})
        groups: dict[str, list[str]] = {}
        held = {value: named.get(value) or [value] for value in args.selected(facet)}
        for value in args.selected(facet):
            # a value a bare surname selected already (« Marisol Touraine » beside
            # « Touraine ») is in its chip, and removed with it
            within = next((other for other in held if other != value and len(held[other]) > 1
                           and set(held[value]) <= set(held[other])), value)
            groups.setdefault(selection_label(facet, within, held[within]), []).append(value)
        for label, values in groups.items():
            out.append((f"{FACET_NAMES[facet]}{NBSP}: {label}",
                        lambda facet=facet, values=values: args.changed(
                            facet_all="", **{facet: [v for v in args.selected(facet)
                                                     if v not in values]})))
    if args.date_from:
        out.append((since(args.date_from), lambda: args.changed(date_from="")))
    if args.date_to:
        out.append((until(args.date_to), lambda: args.changed(date_to="")))
    return out


def selection_label(facet: str, value: str, held: list[str]) -> str:
    """Return how a chip says a selected value: the labels it selects (`held`), « FRV » as
    « Fédération des Rivières Vivantes », « Antoine » as « Antoine Deltour ou Antoine
    Herth »; a bare surname selecting the people bearing it as the facet lists it
    (`covering_label`: « Touraine (tous les Touraine) », its people not listed again), and
    the quotations of that surname alone as « Touraine (sans prénom) » (`alone_value`)."""
    if facet == "speaker":
        own = [label for label in held if facet_key(label) == facet_key(value)]
        if own and len(held) > 1:
            return covering_label(own[0], [label for label in held if label != own[0]])
        if len(held) == 1 and facet_key(value) == facet_key(alone_value(held[0])):
            return alone_value(held[0])
    return " ou ".join(value_label(facet, label) for label in held)


def since(period: str) -> str:
    """Return a start date's chip, as French says a day, a month or a year.

    >>> since("2015-03-05"), since("2020-10"), since("2020")
    ('Depuis le 5 mars 2015', 'Depuis octobre 2020', 'Depuis 2020')
    """
    return f"Depuis {'le ' if len(period) == 10 else ''}{french_date(period)}"


def until(period: str) -> str:
    """Return an end date's chip: a month or a year is included to its end.

    >>> until("2020-10-31"), until("2020-10"), until("2020")
    ("Jusqu'au 31 octobre 2020", "Jusqu'à fin octobre 2020", "Jusqu'à fin 2020")
    """
    return (f"Jusqu'au {french_date(period)}" if len(period) == 10
            else f"Jusqu'à fin {french_date(period)}")


def _month_bounds(period: str) -> tuple[str, str]:
    year, month = int(period[:4]), int(period[5:7])
    last = calendar.monthrange(year, month)[1]
    return f"{period}-01", f"{period}-{last:02d}"


def bar_chart(points: list[dict[str, Any]], width: int = 640,
              height: int = 120) -> dict[str, Any] | None:
    """Lay out bars for an inline SVG; None when every count is zero.

    `points` are {period, count, title, url}; each bar gets x, y, width, height, a short
    label and whether its label is drawn (about twelve labels at most).
    """
    if not points or not any(p["count"] for p in points):
        return None
    top = max(p["count"] for p in points)
    plot = height - 28  # room for the labels under the bars
    step = width / len(points)
    every = max(1, round(len(points) / 12))
    bar_width = min(step * 0.8, 56)  # a few periods still get slim bars
    bars = []
    for i, p in enumerate(points):
        h = 0 if not p["count"] else max(2, round(plot * p["count"] / top))
        bars.append({
            **p,
            "label": period_label(p["period"], short=True),
            "x": round(i * step + (step - bar_width) / 2, 1),
            "slot": round(i * step, 1),
            "step": round(step, 1),
            "y": plot - h,
            "width": round(bar_width, 1),
            "height": h,
            "tick": i % every == 0,
            "center": round(i * step + step / 2, 1),
        })
    return {"bars": bars, "width": width, "height": height, "baseline": plot}


def histogram_bars(response: SearchResponse, args: SearchArgs) -> dict[str, Any] | None:
    """Return the results-over-time chart: a year's bar filters to `year=YYYY`, a month's
    bar to from/to that month; empty periods get no link."""
    unit = "citation" if args.quotes else "résultat"
    points = []
    years = [p["period"] for p in response.histogram if p["count"] and len(p["period"]) != 7]
    # the years' links built together (sixty years at 250k, each once a whole URL)
    year_urls = dict(zip(years, args.facet_urls("year", [[y] for y in years]), strict=True))
    for p in response.histogram:
        period, count = p["period"], p["count"]
        if not count:
            url = None
        elif len(period) == 7:
            start, end = _month_bounds(period)
            url = args.url(date_from=start, date_to=end)
        else:
            url = year_urls[period]
        points.append({"period": period, "count": count, "url": url,
                       "title": f"{capitalize(period_label(period))}{NBSP}: "
                                f"{plural(count, unit)}"})
    chart = bar_chart(points)
    if chart:
        chart["monthly"] = len(points[0]["period"]) == 7
    return chart
