"""Journalist search tasks: does a journalist's search find the statement they have in mind?

Each task (tests/gold/tasks/, written before any search, see TASKS.md there) is a statement
of the index (source, record) and what a journalist or press officer would type for it from
memory, in one of five forms (`FORMS`), plus the facets they would click (speaker, kind,
year). Each is searched twice through `indexer.search.search` (what `verbatim search`, the
pages and the API call): the query alone, then the query with its facets. A task succeeds at
k when the statement is among the first k hits (or a record of the same text: a statement
published twice); a « qui a dit » task also needs that hit to show the right speaker.

    python -m bench.tasks --index /work/assets/s19/tasks-index            # dev and held-out
    python -m bench.tasks --index … --split dev --errors                  # dev failures
    python -m bench.tasks --index … --split fresh                         # dev2 and heldout2
    python -m bench.tasks --index … --split fresh3                        # dev3 and heldout3
    python -m bench.tasks --index … --split fresh4                        # dev4 and heldout4
    python -m bench.tasks --index … --split fresh5                        # dev5 and heldout5
    python -m bench.tasks --index … --split fresh6                        # dev6 and heldout6
    python -m bench.tasks --index … --split all                           # the twelve halves
    python -m bench.tasks --index … --split tuned --errors                # dev, dev2-dev6
    python -m bench.tasks --index … --split dev4 --errors                 # dev4 failures

Session 20's fresh set (dev2 / heldout2), session 21's (dev3 / heldout3), session 36's
(dev4 / heldout4), session 41's (dev5 / heldout5: a person typed by their office, TASKS.md)
and session 50's (dev6 / heldout6: the topic search) are scored the same way. The held-out
halves are reported as aggregates only (`--errors` refuses them): they are the measure,
never read to tune.

The same tasks on the OpenSearch engine (the same folder indexed by `verbatim index --engine
opensearch`), or on both engines side by side (`--index` is then the Whoosh index):

    python -m bench.tasks --engine opensearch --opensearch-url URL [--alias A] --split all
    python -m bench.tasks --engine both --index … --opensearch-url URL --split all
    python -m bench.tasks --engine both --index … --opensearch-url URL --split tuned --errors

Side by side, each half's aggregates on both engines, then the dev halves' tasks ranked
otherwise by the two engines (their ids and ranks; with `--errors` their first hits on each);
of a held-out half, only how many.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TASKS = ROOT / "tests" / "gold" / "tasks"
HALVES = ("dev", "heldout")
FRESH = ("dev2", "heldout2")  # session 20's set
FRESH3 = ("dev3", "heldout3")  # session 21's set
FRESH4 = ("dev4", "heldout4")  # session 36's set
FRESH5 = ("dev5", "heldout5")  # session 41's set: a person typed by their office
FRESH6 = ("dev6", "heldout6")  # session 50's set: the topic search
DEVS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6")  # the halves a round may tune on
SPLITS = {"both": HALVES, "fresh": FRESH, "fresh3": FRESH3, "fresh4": FRESH4,
          "fresh5": FRESH5, "fresh6": FRESH6,
          "all": HALVES + FRESH + FRESH3 + FRESH4 + FRESH5 + FRESH6, "tuned": DEVS}
FORMS = ("sujet", "occasion", "phrase", "qui", "service")
KS = (1, 3, 10)
MODES = ("plain", "facets")


def load(half: str, folder: Path = TASKS) -> list[dict]:
    """Return the tasks of one half."""
    return json.loads((folder / f"{half}.json").read_text(encoding="utf-8"))["tasks"]


def fold(text: str) -> str:
    """Return lower-case text without accents, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text.replace("-", " ").replace("’", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def same_person(a: str, b: str) -> bool:
    """Return True when two names are the same person's: the same folded name, or the same
    surname with one of them a bare surname (« Le Maire » and « Bruno Le Maire »)."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    short, long_ = sorted((fa, fb), key=len)
    return bool(short) and long_.endswith(" " + short)


def resolve_facets(task: dict, speakers: list[str], kinds: set[str]) -> dict[str, list[str]]:
    """Return the facet values the user would click for a task's facets, among those the
    index offers: a person by name (any spelling the index merged), a kind, a year."""
    wanted = task.get("facets") or {}
    chosen: dict[str, list[str]] = {}
    names = [v for name in wanted.get("speaker", []) for v in speakers if same_person(name, v)]
    if names:
        # the value written as the task names the person, when the index offers it (« Marc
        # Le Fur », not the bare « Le Fur » the index also holds); else the first by name
        exact = [v for v in names if fold(v) in {fold(n) for n in wanted["speaker"]}]
        chosen["speaker"] = exact[:1] or sorted(set(names))[:1]
    kind = [k for k in wanted.get("kind", []) if k in kinds]
    if kind:
        chosen["kind"] = kind
    if wanted.get("year"):
        chosen["year"] = list(wanted["year"])
    return chosen


def statements(catalog) -> Iterator[tuple[str, str]]:
    """Yield (id, text hash) of every statement of the index, on either engine."""
    if getattr(catalog, "name", None) == "opensearch":
        from opensearchpy.helpers import scan

        for hit in scan(catalog.client, index=catalog.alias, size=2000,
                        query={"query": {"term": {"type": "doc"}},
                               "_source": ["id", "text_hash"]}):
            if hit["_source"].get("text_hash"):
                yield hit["_source"]["id"], hit["_source"]["text_hash"]
        return
    for stored in catalog.searcher().all_stored_fields():
        if stored.get("type") == "doc" and stored.get("text_hash"):
            yield stored["id"], stored["text_hash"]


def index_kinds(catalog) -> set[str]:
    """Return the kinds the index offers to click, on either engine."""
    if getattr(catalog, "name", None) == "opensearch":
        return set(catalog.facet_values("kind")[1])
    return set(catalog.postings(catalog.searcher(), "kind"))


class Targets:
    """The ids a task accepts: its record, and any record of the same text."""

    def __init__(self, catalog):
        self.catalog = catalog
        self._by_hash: dict[str, set[str]] | None = None
        self._hash_of: dict[str, str] = {}

    def _load(self):
        by_hash: dict[str, set[str]] = defaultdict(set)
        for doc_id, digest in statements(self.catalog):
            by_hash[digest].add(doc_id)
            self._hash_of[doc_id] = digest
        self._by_hash = by_hash

    def accepted(self, task: dict) -> set[str]:
        from indexer.document import document_id

        if self._by_hash is None:
            self._load()
        target = document_id(task["source"], task.get("record"))
        return {target} | self._by_hash.get(self._hash_of.get(target, ""), set()) \
            | self._by_hash.get(task.get("text_hash") or "", set())

    def present(self, task: dict) -> bool:
        from indexer.document import document_id

        if self._by_hash is None:
            self._load()
        return document_id(task["source"], task.get("record")) in self._hash_of \
            or task.get("text_hash") in self._by_hash


def rank_of(task: dict, hits: list[dict], accepted: set[str]) -> int | None:
    """Return the 1-based rank of the first hit that is the target (None: not in the hits)."""
    for rank, hit in enumerate(hits, 1):
        doc_id = str(hit.get("id", "")).rsplit("-q", 1)[0] if hit.get("quote") else hit.get("id")
        if doc_id in accepted or any(a.get("source") == task["source"] and not task.get("record")
                                     for a in hit.get("alternates") or []):
            if task["form"] == "qui" and not any(
                    same_person(task["who"], s["name"]) for s in hit.get("speakers") or []):
                return None  # the statement without its speaker does not answer « qui »
            return rank
    return None


def run_task(catalog, task: dict, mode: str, targets: Targets, facet_values) -> dict:
    from indexer.search import SearchRequest, search

    request = SearchRequest(q=task["query"], per_page=10, facet_size=10)
    if mode == "facets":
        for name, values in resolve_facets(task, *facet_values).items():
            setattr(request, name, values)
    response = search(catalog, request)
    rank = rank_of(task, response.hits, targets.accepted(task))
    return {"rank": rank, "hits": response.hits, "request": request}


def aggregate(ranks: list[int | None]) -> dict[str, float]:
    n = len(ranks) or 1
    row = {f"s@{k}": sum(1 for r in ranks if r and r <= k) / n for k in KS}
    row["mrr"] = sum(1 / r for r in ranks if r) / n
    row["n"] = len(ranks)
    return row


def score(catalog, tasks: list[dict], targets: Targets, facet_values) -> dict:
    """Return {mode: {"all", "by_form", "by_family"}: aggregates} and the runs."""
    out: dict = {}
    runs: dict = {}
    for mode in MODES:
        ranks = []
        by_form, by_family = defaultdict(list), defaultdict(list)
        for task in tasks:
            result = run_task(catalog, task, mode, targets, facet_values)
            runs[(task["id"], mode)] = result
            ranks.append(result["rank"])
            by_form[task["form"]].append(result["rank"])
            by_family[task["family"]].append(result["rank"])
        out[mode] = {"all": aggregate(ranks),
                     "by_form": {k: aggregate(v) for k, v in sorted(by_form.items())},
                     "by_family": {k: aggregate(v) for k, v in sorted(by_family.items())}}
    return {"scores": out, "runs": runs}


def _line(label: str, row: dict) -> str:
    return (f"| {label} | {row['n']} | {row['s@1']:.3f} | {row['s@3']:.3f} | "
            f"{row['s@10']:.3f} | {row['mrr']:.3f} |")


def report(half: str, scores: dict) -> str:
    lines = [f"## {half}", ""]
    for mode in MODES:
        s = scores[mode]
        lines += [f"### {'query alone' if mode == 'plain' else 'query + facets'}", "",
                  "| tasks | n | s@1 | s@3 | s@10 | MRR |", "|---|---|---|---|---|---|",
                  _line("all", s["all"])]
        lines += [_line(f"form {k}", v) for k, v in s["by_form"].items()]
        lines += [_line(f"source {k}", v) for k, v in s["by_family"].items()]
        lines.append("")
    return "\n".join(lines)


def errors(tasks: list[dict], runs: dict) -> str:
    out = []
    for task in tasks:
        for mode in MODES:
            result = runs[(task["id"], mode)]
            if result["rank"] == 1:
                continue
            req = result["request"]
            facets = {f: getattr(req, f) for f in ("speaker", "kind", "year") if getattr(req, f)}
            out.append(f"--- {task['id']} [{mode}] {task['form']} {task['family']} "
                       f"rank={result['rank']} q=« {task['query']} » {facets or ''}")
            out.append(f"    target: {task['source']} #{task.get('record')}")
            for n, hit in enumerate(result["hits"][:3], 1):
                who = ", ".join(s["name"] for s in hit.get("speakers") or [])
                out.append(f"    {n}. {hit['source']} #{hit.get('record')} · {hit.get('date')} · "
                           f"{who} · {(hit.get('title') or '')[:90]}")
    return "\n".join(out)


ENGINES = {"whoosh": "Whoosh", "opensearch": "OpenSearch"}


class Scored:
    """One engine's index, opened for the tasks: its catalog, targets and facet values."""

    def __init__(self, engine: str, index: Path, url: str | None, alias: str | None):
        from indexer.search import open_catalog

        self.engine, self.label = engine, ENGINES[engine]
        if engine == "opensearch":
            from indexer.opensearch_engine import open_opensearch

            self.catalog = open_opensearch(url, alias=alias)
        else:
            self.catalog = open_catalog(index)
        self.targets = Targets(self.catalog)
        self.facet_values = (self.catalog.speaker_names(), index_kinds(self.catalog))

    def score(self, tasks: list[dict]) -> dict:
        """Return `score` of the tasks on this engine."""
        return score(self.catalog, tasks, self.targets, self.facet_values)

    def close(self) -> None:
        self.catalog.close()


def _cell(row: dict) -> str:
    return f"{row['s@1']:.3f} / {row['s@3']:.3f} / {row['mrr']:.3f}"


def side_by_side(half: str, scored: dict[str, dict], tasks: list[dict], show_tasks: bool) -> str:
    """Return a half's aggregates on each engine side by side, then the tasks the engines
    rank otherwise: on a dev half (`show_tasks`) their ids and ranks, else only how many."""
    labels = [ENGINES[e] for e in scored]
    lines = [f"## {half} ({len(tasks)} tasks)", "",
             "| top-1 / top-3 / MRR | " + " | ".join(labels) + " |",
             "|---|" + "---|" * len(labels)]
    for mode in MODES:
        lines.append(f"| {'query alone' if mode == 'plain' else 'query + facets'} | "
                     + " | ".join(_cell(s["scores"][mode]["all"]) for s in scored.values())
                     + " |")
    first, *others = scored.values()
    for mode in MODES:
        apart = [(task, [s["runs"][(task["id"], mode)]["rank"] for s in scored.values()])
                 for task in tasks
                 if any(o["runs"][(task["id"], mode)]["rank"]
                        != first["runs"][(task["id"], mode)]["rank"] for o in others)]
        lost = sum(1 for _, ranks in apart if ranks[0] == 1 and ranks[1] != 1)
        won = sum(1 for _, ranks in apart if ranks[0] != 1 and ranks[1] == 1)
        lines += ["", f"{'query alone' if mode == 'plain' else 'query + facets'}: "
                  f"{len(apart)} task(s) ranked otherwise; first on {labels[0]} only: {lost}, "
                  f"first on {labels[1]} only: {won}"]
        if show_tasks:
            lines += [f"- {task['id']} {task['form']} {task['family']}: " + ", ".join(
                f"{label} {rank or '-'}" for label, rank in zip(labels, ranks, strict=True))
                + f" · « {task['query']} »" for task, ranks in apart]
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, default=Path("/work/assets/s19/tasks-index"),
                        help="the Whoosh index (--engine whoosh or both)")
    parser.add_argument("--engine", choices=(*ENGINES, "both"), default="whoosh",
                        help="both: Whoosh (--index) and OpenSearch side by side")
    parser.add_argument("--opensearch-url", default=None,
                        help="the cluster (default $VERBATIM_OPENSEARCH_URL)")
    parser.add_argument("--alias", default=None,
                        help="the index's alias (default $VERBATIM_OPENSEARCH_INDEX, verbatim)")
    parser.add_argument("--split", choices=(*HALVES, *FRESH, *FRESH3, *FRESH4, *FRESH5, *SPLITS),
                        default="both")
    parser.add_argument("--errors", action="store_true",
                        help="the failures (a dev half or tuned only)")
    parser.add_argument("--tasks", type=Path, default=TASKS)
    parser.add_argument("--json", type=Path, help="write the aggregates here")
    args = parser.parse_args(argv)
    if args.errors and args.split not in (*DEVS, "tuned"):
        parser.error("--errors is for the dev halves only: the held-out halves are never read")
    engines = list(ENGINES) if args.engine == "both" else [args.engine]
    opened: dict[str, Scored] = {}
    results: dict = {}
    halves = SPLITS.get(args.split, (args.split,))
    try:
        for engine in engines:
            opened[engine] = Scored(engine, args.index, args.opensearch_url, args.alias)
        for half in halves:
            tasks = load(half, args.tasks)
            scored = {}
            for engine, run in opened.items():
                missing = [t["id"] for t in tasks if not run.targets.present(t)]
                if missing:
                    print(f"{half} ({run.label}): {len(missing)} target(s) not a record of the "
                          "index (an alternate of one, found through its record's alternates, "
                          "or missing)", file=sys.stderr)
                scored[engine] = run.score(tasks)
            if len(engines) == 1:
                only = scored[engines[0]]
                results[half] = only["scores"]
                print(report(half, only["scores"]))
                if args.errors:
                    print(errors(tasks, only["runs"]))
                continue
            results[half] = {e: s["scores"] for e, s in scored.items()}
            print(side_by_side(half, scored, tasks, show_tasks=half in DEVS))
            if args.errors:
                for engine, s in scored.items():
                    print(f"### {ENGINES[engine]}: failures\n")
                    print(errors(tasks, s["runs"]))
    finally:
        for run in opened.values():
            run.close()
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
