"""A speaker's profile — functions held, statements and quotes over time, themes — computed
with `search()` alone, so that the web page and any other caller see the same numbers."""

from __future__ import annotations

from typing import Any

from indexer import surnames
from indexer.analysis import fold
from indexer.engine import Labels, facet_key, holds_name, named_people
from indexer.extract.names import looks_like_body
from indexer.search import Catalog, SearchRequest, search

LATEST = 10  # statements and quotes listed on a profile
FUNCTION_SCAN = 500  # most recent statements read to list the functions held
TOP_THEMES = 15


def canonical_speaker(catalog: Catalog, name: str) -> str | None:
    """Return the label a speaker's name is shown under (case, accents and a civility
    ignored; a surname alone, that of the one person of the index who has it), or None."""
    labels = catalog.speaker_labels().labels
    key = facet_key(name)
    bare = surnames.surname(key)
    return labels.get(key) or (labels.get(bare) if bare else None)


def named_speakers(catalog: Catalog, name: str) -> list[str]:
    """Return the labels of the speakers a name names, as `speaker:Name` finds them (a
    civility aside; the name as whole words, failing that as part of a name), in
    alphabetical order: « Macron » names « Emmanuel Macron », « M. Jean Castex » names
    « Jean Castex », « Touraine » both Touraines."""
    labels = catalog.speaker_labels().labels
    words = surnames.without_civility(facet_key(name))
    if not words:
        return []
    # a person's name inside an organisation's is not that person: « Deltour » names Antoine
    # Deltour, not the « Comité de soutien à Antoine Deltour » (his page offers it apart)
    found = {labels[key] for key in named_people(labels, " ".join(words))}
    return sorted(found, key=lambda label: fold(label).casefold())


def named_after(labels: dict[str, str], key: str) -> list[str]:
    """Return the labels of the organisations named after a person (`key`, a folded name
    of two words or more): those whose name holds it as whole words, alphabetically.

    >>> labels = {"antoine deltour": "Antoine Deltour", "comite de soutien a antoine deltour":
    ...           "Comité de soutien à Antoine Deltour", "raphael halet": "Raphaël Halet"}
    >>> named_after(labels, "antoine deltour"), named_after(labels, "raphael halet")
    (['Comité de soutien à Antoine Deltour'], [])
    """
    if looks_like_body(labels.get(key, key)):
        return []
    found = [label for other, label in labels.items()
             if other != key and looks_like_body(label) and holds_name(other, key)]
    return sorted(found, key=lambda label: fold(label).casefold())


def function_key(function: str) -> str:
    """Return what two spellings of one function share: no accents, case or curly apostrophe.

    A bare « Président » keeps its own key: it is what a signature says, and the same word
    stands for a sitting's chair or a commission's; reading it as « président de la
    République » is an inference the page does not make.

    >>> function_key("secrétaire d’État") == function_key("secretaire d'Etat")
    True
    >>> function_key("Président") == function_key("président de la République")
    False
    """
    return " ".join(fold(function).casefold().split())


def _functions(catalog: Catalog, name: str, total: int) -> list[dict[str, Any]]:
    """Return [{function, count, first, last}] from the speaker's most recent statements.

    Spellings of one function (`function_key`) are counted together under the most frequent
    one (equally frequent: the most recent, then the first in alphabetical order)."""
    held: dict[str, dict[str, Any]] = {}
    spellings: dict[str, dict[str, list[Any]]] = {}  # key → spelling → [count, last date]
    for statement in catalog.speaking(name, FUNCTION_SCAN) if total else ():
        date = statement["date"]
        for speaker in statement["speakers"]:
            if speaker["name"] != name or not speaker["function"]:
                continue
            key = function_key(speaker["function"])
            entry = held.setdefault(key, {"function": "", "count": 0, "first": None,
                                          "last": None})
            entry["count"] += 1
            seen = spellings.setdefault(key, {}).setdefault(speaker["function"], [0, ""])
            seen[0] += 1
            seen[1] = max(seen[1], date or "")
            if date:
                entry["first"] = min(filter(None, [entry["first"], date]))
                entry["last"] = max(filter(None, [entry["last"], date]))
    for key, entry in held.items():
        # max() keeps the first of equals: sorted, one spelling whatever the engine's order
        entry["function"] = max(sorted(spellings[key].items()), key=lambda item: item[1])[0]
    return sorted(held.values(), key=lambda e: (e["last"] or "", e["count"]), reverse=True)


def speaker_profile(catalog: Catalog, name: str, latest: int = LATEST) -> dict[str, Any] | None:
    """Return a speaker's profile as plain data, or None when nothing is attributed to them.

    Keys: name, statements (count), quotes (count), functions [{function, count, first,
    last}], timeline [{year, statements, quotes}] with no gap between the first and last
    year, themes [{value, count}], latest_statements and latest_quotes (search hits,
    newest first); written_as, the surnames alone counted as this person's (« Taubira »
    for « Christiane Taubira »: `indexer.surnames`), namesakes, the people a surname
    alone may be (« Touraine »: Jean-Louis and Marisol Touraine), and named_after, the
    organisations named after the person, counted apart (`named_after`).
    """
    docs = search(catalog, SearchRequest(speaker=[name], sort="-date", per_page=latest))
    quotes = search(catalog, SearchRequest(speaker=[name], quotes=True, sort="-date",
                                           per_page=latest))
    if not docs.total and not quotes.total:
        return None
    by_year: dict[str, dict[str, int]] = {}
    for key, response in (("statements", docs), ("quotes", quotes)):
        for value in response.facets.get("year", []):
            by_year.setdefault(value["value"], {"statements": 0, "quotes": 0})
            by_year[value["value"]][key] = value["count"]
    timeline = []
    years = sorted(int(y) for y in by_year if y.isdigit())
    if years:
        for year in range(years[0], years[-1] + 1):
            counts = by_year.get(str(year), {"statements": 0, "quotes": 0})
            timeline.append({"year": str(year), **counts})
    return {
        "name": name,
        "statements": docs.total,
        "quotes": quotes.total,
        "functions": _functions(catalog, name, docs.total),
        "timeline": timeline,
        "themes": [{"value": v["value"], "count": v["count"]}
                   for v in docs.facets.get("theme", [])[:TOP_THEMES]],
        "latest_statements": docs.hits,
        "latest_quotes": quotes.hits,
        **_names(catalog.speaker_labels(), name),
    }


def _names(known: Labels, name: str) -> dict[str, list[str]]:
    """Return a speaker's written_as and namesakes (`speaker_profile`)."""
    return {"written_as": [v for v in known.variants.get(name, [])
                           if facet_key(v) in known.owners],
            "namesakes": surnames.namesakes(known.labels, facet_key(name)),
            "named_after": named_after(known.labels, facet_key(name))}
