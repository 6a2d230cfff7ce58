"""Drawing the targets of the journalist search tasks (`bench.tasks`), before any search.

The targets are statements of the index built from the shared corpus and the demo corpus
(the index's records: what a search returns), laid out as `bench.corpora`'s `real` corpus
(every TEI sitting, every Hansard speech turn as JSONL: the `.f` files have no reader).
Each family of sources gets a quota; inside a family the records are put in a seeded order
(sha1 of seed and record id) and taken from the top, passing over the ones a journalist would
not look for: debate turns shorter than `MIN_TURN_CHARS` characters (« Très bien ! », a vote,
« La parole est à … »), non-French records, and records whose text, or title and date,
repeat one already taken (the same release in Markdown, HTML and PDF). The reading sheet (the
drawn records' titles and texts) goes outside the repository (`--sheet`): the corpus's texts
are not copied in; the skeleton keeps only source, record, family and text hash.

    python -m bench.tasks_draw --index /work/assets/s19/tasks-index \
        --sheet /work/assets/s19/h73-sheet.txt --out /work/assets/s19/h73-skeleton.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

SEED = "verbatim-tasks-s19"
SPLIT_SEED = "verbatim-tasks-s19-split"
# session 20's fresh tasks (dev2 / heldout2): a new seed, session 19's targets left out
SEED_S20 = "verbatim-tasks-s20"
SPLIT_SEED_S20 = "verbatim-tasks-s20-split"
# session 21's (dev3 / heldout3): a third seed, the targets of both earlier sets left out
SEED_S21 = "verbatim-tasks-s21"
SPLIT_SEED_S21 = "verbatim-tasks-s21-split"
# session 36's (dev4 / heldout4): a fourth seed, the targets of the three earlier sets left out
SEED_S36 = "verbatim-tasks-s36"
SPLIT_SEED_S36 = "verbatim-tasks-s36-split"
# session 41's (dev5 / heldout5): a person typed by their office (`--office`), the targets of
# the four earlier sets left out
SEED_S41 = "verbatim-tasks-s41-office"
SPLIT_SEED_S41 = "verbatim-tasks-s41-office-split"
# session 50's (dev6 / heldout6): the topic search (`sujet`), the targets of the five earlier
# sets left out
SEED_S50 = "verbatim-tasks-s50"
SPLIT_SEED_S50 = "verbatim-tasks-s50-split"
# An office a journalist types for the person holding it (« la garde des Sceaux », « le
# ministre de l'intérieur », « la présidente de la FRV »), as a record names its speaker's
OFFICE = re.compile(r"\b(ministre|secrétaire d['’]état|présidente?|garde des sceaux|"
                    r"porte-parole|directeur|directrice|maire|rapporteure?)\b", re.IGNORECASE)
# The 2013 debate's speakers holding an office in it (the TEI titles name them, not it): the
# garde des Sceaux, the minister for the family, the bill's rapporteur, the law committee's
# president (« le président » of the sitting is left out: his turns give the floor)
TEI_OFFICES = ("Christiane Taubira", "Dominique Bertinotti", "Erwann Binet",
               "Jean-Jacques Urvoas")
MIN_TURN_CHARS = 400
# the demo corpus's folders (corpus/documents): its records when it was laid out beside the
# shared sources in one folder (session 35's tasks index), not indexed from its own root
DEMO_FOLDERS = ("bureautique", "courriels", "debats", "docx", "exports", "html", "markdown",
                "pdf", "scans", "txt")

# family -> how many targets
QUOTAS = {
    "vp-declaration": 11,
    "vp-interview": 10,
    "vp-conseil": 7,
    "vp-communique": 6,
    "luxleaks": 14,
    "drupalfr": 2,
    "tei": 10,
    "hansard": 10,
    "demo": 14,
}


def family(stored: dict) -> str | None:
    """Return the family of sources a record belongs to (None: not drawn, e.g. the QA sets)."""
    source = stored.get("source") or ""
    root = stored.get("root") or ""
    top = source.split("/", 1)[0]
    if root.rstrip("/").endswith("corpus/documents") or top in DEMO_FOLDERS:
        return "demo"
    if top == "vie-publique-discours":
        title = (stored.get("title") or "").lower()
        for prefix, name in (("déclaration", "vp-declaration"), ("interview", "vp-interview"),
                             ("entretien", "vp-interview"), ("conseil des ministres",
                                                              "vp-conseil"),
                             ("communiqué", "vp-communique")):
            if title.startswith(prefix):
                return name
        return None
    return {
        "luxleaks-communiques": "luxleaks",
        "drupalfr-dcrennes2024-presse": "drupalfr",
        "an-mariage-pour-tous-2013-tei": "tei",
        "tei": "tei",  # bench.corpora's `real` layout
        "hansard-canada-36e-fr": "hansard",
        "hansard": "hansard",
    }.get(top)


def holds_office(stored: dict) -> bool:
    """Tell whether a record's speaker holds an office the record names (`--office`): the
    title of a vie-publique statement before its subject (« Déclaration de M. Gérald
    Darmanin, ministre de l'intérieur, sur … »), the start of a Conseil des ministres' text
    (« Le ministre de … a présenté »), a demo record's first lines, a TEI turn of the
    government or of the bill's rapporteur (`TEI_OFFICES`); never a Hansard turn (its
    speaker is a surname, the office nowhere)."""
    fam = family(stored)
    title = stored.get("title") or ""
    if fam == "tei":
        # « … — Christiane Taubira », or with the function since session 42 (« … — Christiane
        # Taubira, garde des Sceaux », `indexer.readers.turn_title`)
        return title.rsplit(" — ", 1)[-1].split(",")[0] in TEI_OFFICES
    if fam == "vp-conseil" or fam == "demo":
        return bool(OFFICE.search(f"{title} {(stored.get('text') or '')[:600]}"))
    if fam and fam.startswith("vp-"):
        return bool(OFFICE.search(title.split(" sur ", 1)[0]))
    return False


def order_key(seed: str, doc_id: str) -> str:
    return hashlib.sha1(f"{seed}\x00{doc_id}".encode()).hexdigest()


def index_records(index_dir: Path):
    """Yield the stored fields of every statement of a Whoosh index."""
    from whoosh import index as whoosh_index

    from indexer.whoosh_engine import INDEX_NAME

    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    with ix.searcher() as searcher:
        for stored in searcher.all_stored_fields():
            if stored.get("type") == "doc":
                yield stored


def file_records(files: list[Path], root: Path):
    """Yield the records the readers make of `files` (indexed from `root`), as the stored
    fields the index would hold (id, source, record, root, title, date, text, lang, hash)."""
    from indexer.documents import documents_from_file, text_hash
    from indexer.readers import Unreadable

    for path in files:
        try:
            docs = documents_from_file(path, root)
        except Unreadable:
            continue
        for doc in docs:
            yield {"type": "doc", "id": doc.id, "source": doc.source, "record": doc.record,
                   "root": str(root), "title": doc.title, "date": doc.date, "kind": doc.kind,
                   "text": doc.text, "lang": doc.lang, "text_hash": text_hash(doc)}


def draw(records, families=None, seed: str = SEED, exclude=(), quotas=None,
         keep=None) -> list[dict]:
    """Return the drawn targets, each {family, id, source, record, text_hash, stored}.

    `exclude`: (source, record) pairs and text hashes already taken (an earlier set's
    targets), passed over like a repeat; `quotas`: family -> count, instead of `QUOTAS`;
    `keep`: the records that may be drawn (`holds_office`), all when None."""
    quotas = quotas or QUOTAS
    families = families or list(quotas)
    exclude = set(exclude)
    pools: dict[str, list[dict]] = {f: [] for f in families}
    for stored in records:
        fam = family(stored)
        if fam in pools and (keep is None or keep(stored)):
            pools[fam].append(stored)
    drawn = []
    seen_hashes: set[str] = set()
    seen_titles: set[tuple] = set()
    for fam in families:
        quota = quotas[fam]
        pool = sorted(pools[fam], key=lambda s: order_key(seed, s["id"]))
        taken = 0
        for stored in pool:
            if taken == quota:
                break
            if (stored["source"], stored.get("record")) in exclude \
                    or stored.get("text_hash") in exclude:
                continue
            text = stored.get("text") or ""
            if (fam in ("tei", "hansard") or stored.get("kind") == "débat") \
                    and len(text) < MIN_TURN_CHARS:
                continue
            same = (stored.get("title"), stored.get("date"))
            if stored.get("title") and same in seen_titles:
                continue  # the same release in another format (md, html, pdf)
            seen_titles.add(same)
            if stored.get("lang") not in (None, "fr"):
                continue
            if stored.get("text_hash") in seen_hashes:
                continue
            seen_hashes.add(stored.get("text_hash"))
            drawn.append({"family": fam, "id": stored["id"], "source": stored["source"],
                          "record": stored.get("record"), "text_hash": stored.get("text_hash"),
                          "stored": stored})
            taken += 1
    return drawn


def sheet(drawn: list[dict], chars: int) -> str:
    """Return the reading sheet: each target's title, date and the start of its text."""
    out = []
    for n, d in enumerate(drawn, 1):
        s = d["stored"]
        text = " ".join((s.get("text") or "").split())
        out.append(f"=== {n} {d['family']} {d['source']} #{d['record']}\n"
                   f"title: {s.get('title')}\ndate: {s.get('date')}  kind: {s.get('kind')}\n"
                   f"{text[:chars]}{' […]' if len(text) > chars else ''}\n")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, help="draw from this index's records")
    parser.add_argument("--files", nargs=2, type=Path, metavar=("ROOT", "DEMO"),
                        help="or from the readers: the laid-out shared corpus and the demo")
    parser.add_argument("--families", nargs="*", default=None)
    parser.add_argument("--sheet", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--chars", type=int, default=1800)
    parser.add_argument("--seed", default=SEED)
    parser.add_argument("--exclude", type=Path, nargs="*", default=[],
                        help="task files whose targets are left out (an earlier set)")
    parser.add_argument("--quota", nargs="*", default=[], metavar="FAMILY=N",
                        help="quotas replacing QUOTAS (only these families are drawn)")
    parser.add_argument("--office", action="store_true",
                        help="only records whose speaker holds an office (`holds_office`)")
    args = parser.parse_args(argv)
    exclude: set = set()
    for path in args.exclude:
        for task in json.loads(path.read_text(encoding="utf-8"))["tasks"]:
            exclude |= {(task["source"], task.get("record")), task.get("text_hash")}
    quotas = {f: int(n) for f, n in (q.split("=") for q in args.quota)} or None
    if args.index:
        records = index_records(args.index)
    else:
        root, demo = args.files
        tops = {"vie-publique-discours", "luxleaks-communiques", "drupalfr-dcrennes2024-presse",
                "tei", "hansard"}
        files = sorted(p for p in root.rglob("*") if p.is_file()
                       and p.relative_to(root).parts[0] in tops)
        records = [*file_records(files, root),
                   *file_records(sorted(p for p in demo.rglob("*") if p.is_file()), demo)]
    drawn = draw(records, args.families, seed=args.seed, exclude=exclude, quotas=quotas,
                 keep=holds_office if args.office else None)
    args.sheet.write_text(sheet(drawn, args.chars), encoding="utf-8")
    skeleton = [{k: d[k] for k in ("family", "source", "record", "text_hash")} for d in drawn]
    args.out.write_text(json.dumps(skeleton, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(drawn)} targets drawn")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def split(tasks: list[dict], seed: str = SPLIT_SEED,
          names: tuple[str, str] = ("dev", "heldout")) -> dict[str, list[dict]]:
    """Return the tasks split into dev and held-out by a second seeded order, inside each
    family (so both halves hold every source): first, third… of the order dev, the others
    held-out. Session 20's set: `split(tasks, SPLIT_SEED_S20, ("dev2", "heldout2"))`."""
    halves: dict[str, list[dict]] = {names[0]: [], names[1]: []}
    by_family: dict[str, list[dict]] = {}
    for task in tasks:
        by_family.setdefault(task["family"], []).append(task)
    for fam_tasks in by_family.values():
        fam_tasks.sort(key=lambda t: order_key(seed, t["id"]))
        for i, task in enumerate(fam_tasks):
            halves[names[i % 2]].append(task)
    for half in halves.values():
        half.sort(key=lambda t: t["id"])
    return halves
