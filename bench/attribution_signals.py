"""Signals beyond the rules for the authors they miss, counted on the development half (issue 11).

Run: ``python -m bench.attribution_signals [--corpus ../shared/corpus] [--json]``.

After thirty-two rounds of rules and a learned ranker that did not transfer (bench/attribution-
rounds.md), the quotations the rules still get wrong are mostly named authors left to nobody.
Before a method is written for them, this counts, on the development half of the attribution
gold only (its checks and the held-out never read), whether three signals other than the
quotation's sentence would find them — and what they would break:

* **said elsewhere**: the quotation's words found outside quotation marks in another document of
  the shared corpus (runs of ``SHINGLE`` words, ``SHARE`` of the quotation's runs), the author
  being a stated speaker of that document (a debate turn's orator, a vie-publique row's speakers):
  would the corpus itself say who said it?
* **the turn's orator by default**: for the quotations of a debate turn the rules leave to nobody,
  is the gold author nobody, the turn's orator or somebody else, by the rules' cue?
* **a pronoun as subject** (« il ajoute : « … » », « elle écrit »): among the quotations left to
  nobody whose cue starts with a personal pronoun, how many have a named author at all — the most
  a resolver of pronouns to the last person named could gain, against what it could break.

Quotations shorter than ``MIN_WORDS`` words are not looked up elsewhere (« on n'est pas
d'accord » is said by everyone).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from bench.extraction import (
    DEFAULT_CORPUS,
    documents,
    gold_half,
    gold_units,
    hidden,
    pair_quotes,
    right_speaker,
)
from indexer.analysis import passage_words
from indexer.extract import enrich_document
from indexer.extract.quote_spans import find_spans
from indexer.readers import Unreadable, format_of

SHINGLE = 6  # words in a run
SHARE = 0.6  # of the quotation's runs a document must say unquoted
MIN_WORDS = 8  # shorter quotations are not looked up elsewhere
PRONOUNS = ("il", "elle", "ils", "elles", "on")


def words(text: str) -> list[str]:
    """Return the words of a text as pasted passages compare them (`passage_words`: folded,
    lowercased, an elided article dropped)."""
    return [word for word, _, _ in passage_words(text)]


def runs(tokens: list[str]) -> list[tuple[str, ...]]:
    """Return the runs of `SHINGLE` words of a word list, in order."""
    return [tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)]


def unquoted(text: str) -> str:
    """Return a text without the words between its quotation marks, as the extraction pairs
    them (`find_spans`, outermost pairs): what its speaker says in his own voice.

    >>> unquoted("Il a dit « jamais » puis s'est tu.")
    "Il a dit   puis s'est tu."
    """
    kept, last = [], 0
    for span in find_spans(text):
        if span.depth == 0 and span.open >= last:
            kept += [text[last:span.open], " "]
            last = span.close
    return "".join([*kept, text[last:]])


class SaidElsewhere:
    """Every document of a corpus by its runs of words said unquoted, with its speakers."""

    def __init__(self, corpus: Path) -> None:
        self.where: list[tuple[str, str | None, list[str]]] = []  # (source, record, speakers)
        self.runs: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
            # the retrieval sets are questions and answers, not statements
            if path.relative_to(corpus).parts[0].startswith("eval-") or not format_of(path):
                continue
            try:
                docs = documents(path, corpus)
            except (Unreadable, OSError):
                continue
            for doc in docs:
                n = len(self.where)
                self.where.append((doc.source, doc.record, [s.name for s in doc.speakers]))
                for run in runs(words(unquoted(doc.text))):
                    self.runs[run].add(n)

    def speakers(self, quotation: str, source: str, record: str | None) -> set[str] | None:
        """Return the speakers of the other documents that say `quotation` unquoted (None when
        no document does), or None for a quotation too short to look up."""
        own = runs(words(quotation))
        if len(own) < MIN_WORDS - SHINGLE + 1:
            return None
        said = Counter(n for run in own for n in self.runs.get(run, ()))
        found = [n for n, count in said.items() if count >= SHARE * len(own)
                 and self.where[n][:2] != (source, record)]
        return {name for n in found for name in self.where[n][2]} if found else None


def cue_class(cue: str | None) -> str:
    """Return the kind of cue the rules used for a quotation they left to nobody.

    >>> cue_class("débat, sans indice"), cue_class("il ajoute"), cue_class("écrit-elle")
    ('aucun (débat)', 'pronom', 'pronom')
    """
    if not cue:
        return "aucun"
    if cue.startswith("débat"):
        return "aucun (débat)"
    if cue.startswith(("texte", "tour de parole")):
        return cue.split(",")[0]
    first = cue.split()[0].lower()
    if first in PRONOUNS or first.rsplit("-", 1)[-1] in PRONOUNS:
        return "pronom"
    return "autre indice"


def signals(corpus: Path) -> dict:
    """Return the three signals' counts on the development half of the attribution gold."""
    elsewhere = SaidElsewhere(corpus)
    said: Counter = Counter()
    default: Counter = Counter()
    pronoun: Counter = Counter()
    for entry, unit, roles in gold_units(gold_half("dev"), corpus):
        for doc in unit:
            out = enrich_document(hidden(doc), roles=roles)
            orator = doc.speakers[0].name if doc.format == "tei" and doc.speakers else None
            truth = [q for q in entry["quotes"] if q["speech"]]
            for gold, found in pair_quotes(truth, [q for q in out.quotes if q.is_speech])[0]:
                author = gold["speaker"]
                if right_speaker(author, found.speaker):
                    rules = "juste"
                else:
                    rules = "laissée à personne" if found.speaker is None else "donnée à un autre"
                who = "nommé" if author else "personne"
                names = elsewhere.speakers(found.text, doc.source, doc.record)
                if names is not None:
                    hit = "son auteur" if author and any(
                        right_speaker(author, n) for n in names) else "un autre"
                    said[f"{who}, {rules}: dite ailleurs par {hit}"] += 1
                said[f"{who}, {rules}"] += 1
                if found.speaker is not None:
                    continue
                kind = cue_class(found.cue)
                if orator:
                    whose = ("personne" if not author else
                             "l'orateur du tour" if right_speaker(author, orator) else "un autre")
                    default[f"{kind}: {whose}"] += 1
                if kind == "pronom":
                    pronoun["nommé" if author else "personne"] += 1
    return {"documents": len(elsewhere.where), "said_elsewhere": dict(sorted(said.items())),
            "turn_default": dict(sorted(default.items())), "pronoun": dict(sorted(pronoun.items()))}


def report(result: dict) -> str:
    """Return the counts as Markdown tables."""
    lines = [f"Corpus : {result['documents']} documents ; moitié de développement de l'or.", ""]
    for key, title in (("said_elsewhere", "citations (or nommé / personne, règles)"),
                       ("turn_default", "tours de débat laissés à personne : indice → or"),
                       ("pronoun", "laissées à personne, indice pronom : or")):
        lines += [f"| {title} | n |", "| --- | --- |"]
        lines += [f"| {k} | {v} |" for k, v in result[key].items()] + [""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"pas de corpus partagé : {args.corpus}", file=sys.stderr)
        return 2
    result = signals(args.corpus)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
