"""Spelling on the cluster: the Whoosh engine's rules (`indexer.spelling`), the cluster's words
(its term suggester).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from indexer.opensearch_query import exact

if TYPE_CHECKING:
    from indexer.opensearch_engine import OpenSearchCatalog

from rapidfuzz.distance import OSA

from indexer.spelling import (
    MAX_TIES,
    PREFIX,
    SUFFIX,
    Lexicon,
    correctable,
    max_distance,
)


class ClusterLexicon(Lexicon):
    """The `Lexicon` of `indexer.spelling`, its candidates asked of the cluster.

    OpenSearch's term suggester lists the indexed words (`title.exact`, `text.exact`) within
    the edits allowed; they are kept when they share the buckets Whoosh's lexicon compares (the
    same first letter or the same last two, a length within the edits), then measured with
    the same distance. Names and themes give the accents and capitals shown, as on Whoosh.
    """

    def __init__(self, catalog: OpenSearchCatalog):
        super().__init__((), catalog.display())
        self.catalog = catalog
        self.known, self.held = catalog.word_counts()

    def frequencies(self, keys: list[str], up_to: int | bool = True) -> None:
        """Count, in one request, the records holding each folded word of `keys` (with
        `up_to` 1: only whether some record holds it, `held`)."""
        into = self.known if up_to is True else self.held
        wanted = [k for k in dict.fromkeys(keys) if k not in self.known and k not in into]
        if not wanted:
            return
        # a count per word, each going through that word's records only (a filters
        # aggregation of the words went through every record: 40-130 ms at `1m`)
        answers = self.catalog.answers([
            {"size": 0, "track_total_hits": up_to,
             "query": {"bool": {"filter": [exact(lambda field, k=k: {"term": {field: k}})]}}}
            for k in wanted])
        for key, answer in zip(wanted, answers, strict=True):
            into[key] = answer["hits"]["total"]["value"]

    def frequency(self, key: str) -> int:
        """Return the number of records holding the folded word `key`; for a word typed, 1
        or 0 when only whether a record holds it was asked (`spell`), which is all
        `check_spelling` asks of a word typed (the candidates' counts are whole)."""
        if key in self.known:
            return self.known[key]
        if key in self.held:
            return self.held[key]
        self.frequencies([key])
        return self.known[key]

    def candidates(self, key: str) -> tuple[list[str], int, int]:
        """Return (words at the smallest distance, that distance, words compared).

        Lucene's suggester keeps the first letter of the words it finds two edits away;
        Whoosh's lexicon also compares the words sharing the last two letters (its buckets):
        when nothing is one edit away, the words whose first letter is mistyped are asked
        one edit away from the word with its first letter edited (`first_letter_edits`)."""
        limit = max_distance(len(key))
        words = self._suggested([key], limit)
        measured = self._measured(key, words, limit)
        if limit > 1 and min((d for d, _ in measured), default=limit) > 1:
            more = self._suggested(first_letter_edits(key), 1)
            words = list(dict.fromkeys([*words, *more]))
            measured = self._measured(key, words, limit)
        if not measured:
            return [], 0, len(words)
        best = min(d for d, _ in measured)
        near = sorted({w for d, w in measured if d == best})
        self.frequencies(near[:MAX_TIES])
        return near, best, len(words)

    def _suggested(self, keys: list[str], edits: int) -> list[str]:
        """Return the indexed words the term suggester finds within `edits` of `keys`."""
        # the words of titles and of statements in another language too, as Whoosh's
        # `exact` field has them (« castors » only in a title: « castros » had no suggestion)
        fields = ["title.exact", "text.exact",
                  *(["title_other", "text_other"] if self.catalog.has_foreign() else [])]
        suggested = self.catalog.search({
            "size": 0, "suggest": {field: {"text": " ".join(keys), "term": {
                "field": field, "suggest_mode": "always", "max_edits": edits,
                "prefix_length": 0, "min_word_length": 4, "size": MAX_TIES,
                "string_distance": "damerau_levenshtein"}} for field in fields}},
        )["suggest"]
        return list(dict.fromkeys(o["text"] for field in fields for entry in suggested[field]
                                  for o in entry["options"]))

    @staticmethod
    def _measured(key: str, words: list[str], limit: int) -> list[tuple[int, str]]:
        """Return (distance, word) of the `words` Whoosh's lexicon would compare with `key`
        (its buckets: the same first letter or the same last two, a length within `limit`)
        and find within `limit` edits."""
        pool = [w for w in words if correctable(w) and w != key
                and abs(len(w) - len(key)) <= limit
                and (w[:PREFIX] == key[:PREFIX] or w[-SUFFIX:] == key[-SUFFIX:])]
        measured = [(int(OSA.distance(key, w)), w) for w in pool]
        return [(d, w) for d, w in measured if d <= limit]


def first_letter_edits(key: str) -> list[str]:
    """Return `key` with its first letter edited as French is mistyped: a mute h dropped
    (« ipothese »), a letter typed before the word, the first two letters swapped. A word two
    edits away from `key`, one of them one of these, is one edit away from one of them.

    Not every edit of the first letter (Whoosh's lexicon finds a first letter replaced too): each
    form asked costs the suggester a pass over the index's words, ~1 ms at 18,485 statements
    (the 53 of every edit 25-85 ms), paid by every search with a long word the index lacks.

    >>> first_letter_edits("ectarres")
    ['hectarres', 'ctarres', 'cetarres']
    """
    return list(dict.fromkeys(["h" + key, key[1:], key[1] + key[0] + key[2:]]))
