"""The cluster's counts of the people a bare surname was merged into (`indexer.surnames`).

A person's label holds several values (« christiane taubira », « taubira »), each a bucket of
the facet's terms aggregation. Their sum is the person's count when no record holds two of
them, which is the rule (none of the 61,130 records of the shared corpus does): where the
index has people, the aggregation returns every value of the facet (`FACET_VALUES`), not the
first ones, so that each person's values are there to be summed wherever they rank. The few
people some record names twice (`read_twice`, read with the facet's values) are counted
each at once (`twice`: a filters aggregation), each record once, as Whoosh counts them.

Measured at `250k` (1,643 speaker labels, 77 people, none named twice; request cache off,
medians of 22 rounds A/B interleaved, session 37): the whole list costs the page of all
statements 34 → 38 ms of the cluster's time (38.6 → 45.6 ms in all), a page with a speaker
chosen 18.5 → 25 ms (17 → 25 ms in all), a page of one word 5 → 7 ms; what it adds should
grow with the facet's values rather than with the records (not measured at `1m`). A second
terms aggregation of the people's values (`include`) cost the cluster more, 36 → 46 and
20 → 31 ms (it goes through every record the page counts), and a filters aggregation of
every person 0.7 s.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from indexer.engine import Labels

Values = dict[str, list[str]]  # a person's label → their values in the field counted


def person_values(known: Labels, field: str, keyed: bool) -> Values:
    """Return {label: its values} of each person of `known` in `field` (`Labels.people`:
    a theme's spellings merged, a bare surname several people bear with all of theirs):
    their folded values on an index holding them (`keyed`), else their spellings."""
    if keyed:
        return known.people
    return {label: [v for held in known.covers.get(label, [label])
                    for v in known.variants[held]] for label in known.people}


def own_values(known: Labels, keyed: bool) -> Values:
    """Return {label: its own values} of the bare surnames several people bear
    (`Labels.covers`): shown only where the text writes them alone, as on Whoosh."""
    if keyed:
        return known.alone
    return {label: known.variants[label] for label in known.covers}


def read_twice(search: Callable[[dict], dict], field: str, values: Values) -> set[str]:
    """Return the people some record names by two of their values (or more), read in one
    search of those records (few: none in the shared corpus). A person named beside one
    of them may come too: they are then counted exactly, at a small cost."""
    clauses = [{"bool": {"should": [{"term": {field: v}} for v in held],
                         "minimum_should_match": 2}}
               for held in values.values() if len(held) > 1]
    if not clauses:
        return set()
    label_of = {v: label for label, held in values.items() for v in held}
    found = search({"size": 0, "track_total_hits": False,
                    "query": {"bool": {"should": clauses, "minimum_should_match": 1}},
                    "aggs": {"v": {"terms": {"field": field, "include": sorted(label_of),
                                             "size": len(label_of)}}}})
    return {label_of[b["key"]] for b in found["aggregations"]["v"]["buckets"]}


def people_aggs(field: str, values: Values, twice: set[str]) -> dict[str, Any]:
    """Return the aggregation counting at once each person some record names twice."""
    named = sorted(twice & values.keys())
    if not named:
        return {}
    return {"twice": {"filters": {"filters": {label: {"terms": {field: values[label]}}
                                              for label in named}}}}


def count_people(buckets: dict[str, int], found: dict[str, Any], values: Values,
                 own: Values | None = None) -> dict[str, int]:
    """Return {label: records} of the people, from the facet's {value: records} (all of
    them) and the answer to `people_aggs`; a label of `own` (`own_values`) only where one
    of its own values has records."""
    counts: dict[str, int] = {}
    for label, held in values.items():
        counts[label] = sum(buckets.get(v, 0) for v in held)
    for label, b in found.get("twice", {}).get("buckets", {}).items():
        counts[label] = b["doc_count"]
    for label, held in (own or {}).items():
        if not any(buckets.get(v) for v in held):
            counts[label] = 0
    return {label: n for label, n in counts.items() if n}
