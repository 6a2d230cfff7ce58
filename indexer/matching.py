"""Which records a text query matches, at which level, and how they are ranked.

Plain words relax gracefully: all of them up to ALL_WORDS_UP_TO words, at least half of a
longer query, any of them when that finds under a page (MIN_MATCHES). Typed syntax (phrases,
fields, operators) means what it says and widens only when nothing matches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq

from indexer import budget
from indexer.analysis import exact_word, word_term
from indexer.passages import phrase_docs
from indexer.query import ParsedQuery, excluded_terms, parse_query, plain_terms
from indexer.ranking import Scorer, WordPostings

# Up to this many words a query requires them all; a longer one (a question, a pasted passage
# with a word misremembered) requires at least half of them, best matches first. Measured on the
# retrieval sets: all words first lost 0.07 MRR@10 on service-public, half of them 0.00–0.01.
ALL_WORDS_UP_TO = 3
# A plain query whose level finds fewer documents than one page relaxes to the next level: the
# any-word ranking still puts the fullest matches first (MRR@10 on CNIL: 0.573 → 0.591).
MIN_MATCHES = 10


@dataclass
class Matching:
    """Which records a query matches, at which level, and how to rank them."""

    docs: set[int] | frozenset[int]
    level: str  # "all" words, "most" (half or more), "any"
    query: wq.Query  # the query to rank and highlight with
    parsed: ParsedQuery
    ranker: Scorer | Ranked | None  # None: nothing to rank (no text query: date order)
    note: str | None = None


def match_query(catalog, searcher, q: str, parsed: ParsedQuery, text_query: wq.Query,
                base: frozenset[int], resolve: Callable[[wq.Query], wq.Query]) -> Matching:
    """Return what the text query matches within `base`.

    `catalog` gives the cached word postings and scorers; `resolve` maps facet terms typed
    in the query (`speaker:Castex`) to indexed values.

    Levels, the first that finds enough wins: every word ("all"); for a plain query of
    more than ALL_WORDS_UP_TO words, at least half of them ("most"); any word ("any").
    Enough is one document for typed syntax, MIN_MATCHES for plain words.
    "most" and "any" rank by BM25 summed over the words found, so a document with more of
    the words usually comes first. Plain words are ranked by a `Scorer` over the cached
    postings, typed syntax by one scored Whoosh walk (of the any-word query when widened).
    """
    terms = plain_terms(parsed)
    if terms:
        # plain words: cached sets per word, combined in C instead of walking the postings
        words = []
        for term in terms:
            # a posting list read cold costs up to tens of ms: past the budget, the words read
            if words and budget.current().exceeded():
                budget.current().cut(f"Seuls les {len(words)} premiers mots de la requête ont "
                                     "été cherchés : le temps de réponse permis était épuisé.")
                terms = terms[:len(words)]
                break
            words.append(catalog.word(searcher, term))
        words = with_foreign_forms(catalog, searcher, parsed.words, words)
        scorer = catalog.scorer(searcher, words)
        arrays = [w.doc_array for w in words]
        most = len(terms) > ALL_WORDS_UP_TO
        need = len(terms) - len(terms) // 2 if most else len(terms)
        matched = base & at_least_arrays(arrays, need)
        # the scorer ranks every level; the typed query only lends its words to snippets
        if len(matched) >= MIN_MATCHES or len(terms) == 1:
            anyword = matched
        else:
            anyword = base & at_least_arrays(arrays, 1)
        if len(matched) >= MIN_MATCHES or len(anyword) == len(matched):
            if not most:
                return Matching(matched, "all", text_query, parsed, scorer)
            return Matching(matched, "most", text_query, parsed, scorer,
                            f"Requête longue : documents contenant au moins {need} des "
                            f"{len(terms)} mots, les plus pertinents d'abord.")
        complete = len(matched) if not most else len(base & at_least_arrays(arrays, len(terms)))
        note = ("Aucun document ne contient tous les mots : résultats contenant une partie "
                "d'entre eux." if not complete else
                f"Seulement {complete} document(s) avec tous les mots : la recherche s'étend "
                f"à ceux qui en contiennent une partie, les plus pertinents d'abord.")
        return Matching(anyword, "any", text_query, parsed, scorer, note)
    # typed syntax (phrases, fields, operators) means what it says: relaxed only on nothing
    if isinstance(text_query, wq.AndNot) and isinstance(text_query.a, wq.Every):
        # exclusions alone (`indexer.query.excluded_only`): every record but those holding
        # the words, in date order as a search without words (Whoosh's scored walk of every
        # record spent the page's budget on the shared corpus)
        banned, _ = scored(searcher, text_query.b, base)
        return Matching(base - banned, "all", text_query, parsed, None)
    if (split := excluded_terms(text_query)) is not None:
        # plain words with plain exclusions: every word, none of the excluded, from the
        # cached sets; ranked as Whoosh ranks them, by the words alone (its walk of twenty
        # exclusions took half a second)
        wanted, excluded = split
        words = [catalog.word(searcher, t) for t in wanted]
        banned = at_least_arrays([catalog.word(searcher, t).doc_array for t in excluded], 1)
        matched = (base - banned) & at_least_arrays([w.doc_array for w in words], len(words))
        if matched:
            return Matching(matched, "all", text_query, parsed, catalog.scorer(searcher, words))
    matched, ranked = by_pairs(catalog, searcher, text_query, base) or \
        scored(searcher, text_query, base)
    if matched or len(parsed.words) < 2 or parsed.fallback:
        return Matching(matched, "all", text_query, parsed, ranked)
    loose = parse_query(q, any_word=True)
    loose_query = resolve(loose.query)
    loose_matched, loose_ranked = scored(searcher, loose_query, base)
    if not loose_matched:
        return Matching(matched, "all", text_query, parsed, ranked)
    return Matching(loose_matched, "any", loose_query, loose, loose_ranked,
                    "Aucun document ne contient tous les mots : résultats contenant une "
                    "partie d'entre eux.")


class Ranked:
    """Every match of a query, scored by Whoosh in one walk, best first."""

    def __init__(self, items: list[tuple[float, int]]):
        self.items = items  # (score, docnum), as Whoosh's Results.top_n

    def top(self, docnums: set[int] | frozenset[int], count: int) -> list[tuple[int, float]]:
        """Return the `count` best (docnum, score) among `docnums`."""
        out = []
        for score, n in self.items:
            if n in docnums:
                out.append((n, score))
                if len(out) == count:
                    break
        return out


def by_pairs(catalog, searcher, query: wq.Query, base: frozenset[int]
             ) -> tuple[set[int], Scorer] | None:
    """Return the matches of a "quoted phrase" from the word pairs, ranked by BM25 of its
    words, or None when the pairs cannot tell (see `indexer.passages.phrase_docs`)."""
    if not isinstance(query, wq.Phrase) or "shingle" not in searcher.schema:
        return None

    docs = phrase_docs(lambda p: catalog.pair_docs(searcher, p),
                       lambda n: title_text(searcher, n), list(query.words), base)
    if docs is None:
        return None
    terms = list(dict.fromkeys(t for w in query.words if (t := word_term(w))))
    return docs, catalog.scorer(searcher, [catalog.word(searcher, t) for t in terms])


def title_text(searcher, n: int) -> str:
    """Return a record's title and text: where a phrase is looked for in its words."""
    stored = searcher.stored_fields(n)
    return f"{stored.get('title') or ''}\n{stored.get('text') or ''}"


def with_foreign_forms(catalog, searcher, typed: list[str], words: list[WordPostings]
                       ) -> list[WordPostings]:
    """Return the words' postings, each extended to the records in another language than
    French that hold the word as typed (folded, unstemmed: how they are indexed, see
    `indexer.analysis.LangText`). An index without such records costs one facet lookup.

    « commission » is the French term « commiss »; in an English release the text holds
    « commission » itself, which only this finds.
    """
    langs = catalog.facet(searcher, "lang").docs if "lang" in searcher.schema else {}
    foreign = frozenset().union(*(d for lang, d in langs.items() if lang and lang != "fr"))
    if not foreign:
        return words
    forms: dict[str, set[str]] = {}
    for word in typed:
        if (term := word_term(word)) is not None and (form := exact_word(word)) != term:
            forms.setdefault(term, set()).add(form)
    extended = []
    foreign_array = None
    for posting in words:
        if not forms.get(posting.term):
            extended.append(posting)
            continue
        if foreign_array is None:
            foreign_array = np.array(sorted(foreign), dtype=np.int64)
        # the records in another language holding another form of the word: its weight there
        ids = {f: posting.ids[f] for f in posting.ids}
        tfs = {f: posting.tfs[f] for f in posting.tfs}
        for form in sorted(forms[posting.term]):
            other = catalog.word(searcher, form)
            for field in other.ids:
                keep = np.isin(other.ids[field], foreign_array, assume_unique=True)
                if not keep.any():
                    continue
                merged = dict(zip(ids[field].tolist(), tfs[field].tolist(), strict=True))
                merged.update(zip(other.ids[field][keep].tolist(),
                                  other.tfs[field][keep].tolist(), strict=True))
                order = sorted(merged)
                ids[field] = np.array(order, dtype=np.int64)
                tfs[field] = np.array([merged[n] for n in order], dtype=np.float64)
        word = WordPostings(posting.term, ids, tfs)
        extended.append(word if len(word.doc_array) > len(posting.doc_array) else posting)
    return extended


def scored(searcher, query: wq.Query, base: frozenset[int]) -> tuple[set[int], Ranked | None]:
    """Return the matches of `query` within `base`, and their ranking, from one walk.

    One scored walk of every match instead of a walk for the matches and another for the
    page's ranking (measured: halves a phrase search, whose walk reads positions).
    """
    if isinstance(query, wq.Every):
        return set(base), None
    found, complete = budget.walk(searcher, query)
    if not complete:  # past the search's time budget: what the walk had found
        budget.current().cut(budget.INTERRUPTED)
    items = [(score, n) for score, n in found if n in base]
    return {n for _, n in items}, Ranked(items)


def at_least_arrays(arrays: list[np.ndarray], need: int) -> frozenset[int]:
    """Return the docnums found in at least `need` of `arrays` (each sorted, no repeats).

    One count per posting, in C: a pasted passage's twenty words, some in a third of the
    records, are counted in a few milliseconds (sets: tens).

    >>> sorted(at_least_arrays([np.array([1, 2]), np.array([2, 3]), np.array([3, 4])], 2))
    [2, 3]
    """
    need = min(need, len(arrays))  # more than every array: in all of them
    arrays = [a for a in arrays if len(a)]
    if not arrays or need > len(arrays):
        return frozenset()
    if len(arrays) == 1:
        return frozenset(arrays[0].tolist())
    counts = np.bincount(np.concatenate(arrays))
    return frozenset(np.flatnonzero(counts >= max(need, 1)).tolist())
