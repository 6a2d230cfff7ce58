"""The benchmark report: Markdown tables, the main table printed, and PNG plots."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.queries import KINDS

PEERS = ("sqlite-fts5", "tantivy", "opensearch")
ENGINE_ORDER = ("verbatim", "sqlite-fts5", "tantivy", "opensearch", "verbatim-http")
COLORS = {"verbatim": "#1f77b4", "sqlite-fts5": "#ff7f0e", "sqlite": "#ff7f0e",
          "tantivy": "#2ca02c", "verbatim-http": "#9467bd", "opensearch": "#d62728"}
INDEX_SERIES = (("verbatim", "full", "Verbatim (read + extract + index)"),
                ("verbatim", "index-only", "Verbatim (index only)"),
                ("sqlite", "full", "SQLite FTS5"), ("tantivy", "full", "tantivy"),
                ("sqlite", "end-to-end", "SQLite FTS5 (read + extract + index)"),
                ("tantivy", "end-to-end", "tantivy (read + extract + index)"),
                ("opensearch", "full", "Verbatim on OpenSearch (read + extract + index)"),
                ("opensearch", "index-only", "OpenSearch (index only)"))
ENGINE_LABELS = {"verbatim": "Verbatim", "sqlite-fts5": "SQLite FTS5", "tantivy": "tantivy",
                 "verbatim-http": "Verbatim page (HTTP)", "sqlite": "SQLite FTS5",
                 "opensearch": "OpenSearch"}


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    def cell(value: Any) -> str:
        if value is None:
            return "–"
        if isinstance(value, float):
            return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
        return str(value)

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _ms(value: float | None) -> str:
    return "–" if value is None else (f"{value:.1f}" if value < 100 else f"{value:.0f}")


def _ratio(a: float | None, b: float | None) -> str:
    return "–" if not a or not b else f"{a / b:.1f}×"


def latency_table(latency: dict[str, dict[str, dict[str, float]]]) -> str:
    """Return the main table: Verbatim's median/p95/p99 per kind and its ratios to peers."""
    peers = [p for p in PEERS if p in latency]
    header = ["query kind", "n", "Verbatim median ms", "p95", "p99"]
    for peer in peers:
        header += [f"{ENGINE_LABELS[peer]} median", "p95"]
    for peer in peers:
        header += [f"× {ENGINE_LABELS[peer]} (median)", "(p95)"]
    rows = []
    mine = latency.get("verbatim", {})
    for kind in [*KINDS, "all"]:
        if kind not in mine:
            continue
        v = mine[kind]
        row = [kind, v["n"], _ms(v["median"]), _ms(v["p95"]), _ms(v["p99"])]
        for peer in peers:
            p = latency[peer].get(kind, {})
            row += [_ms(p.get("median")), _ms(p.get("p95"))]
        for peer in peers:
            p = latency[peer].get(kind, {})
            row += [_ratio(v["median"], p.get("median")), _ratio(v["p95"], p.get("p95"))]
        rows.append(row)
    return _table(header, rows)


def peer_latency_table(latency: dict[str, dict[str, dict[str, float]]]) -> str:
    """Return median/p95/p99 per kind for every engine timed (peers and HTTP included)."""
    engines = list(latency)
    header = ["query kind"] + [f"{ENGINE_LABELS.get(e, e)} {s}" for e in engines
                               for s in ("median", "p95", "p99")]
    rows = []
    for kind in [*KINDS, "all"]:
        row: list[Any] = [kind]
        for engine in engines:
            s = latency[engine].get(kind)
            row += [_ms(s["median"]), _ms(s["p95"]), _ms(s["p99"])] if s else ["–"] * 3
        rows.append(row)
    return _table(header, rows)


def agreement_table(agreement: dict[str, dict]) -> str:
    """Return per kind: share with hits, mean total, share relaxed, overlap of page 1."""
    engines = list(agreement)
    header = ["query kind"] + [f"{ENGINE_LABELS.get(e, e)} {s}" for e in engines
                               for s in ("hits>0", "mean total", "relaxed", "overlap@10")]
    rows = []
    for kind in KINDS:
        row: list[Any] = [kind]
        for engine in engines:
            a = agreement[engine].get(kind)
            if not a:
                row += ["–"] * 4
                continue
            overlap = a["overlap@10"]
            row += [f"{a['with_hits']:.0%}", f"{a['mean_total']:.0f}", f"{a['relaxed']:.0%}",
                    "–" if overlap is None else f"{overlap:.0%}"]
        rows.append(row)
    return _table(header, rows)


def indexing_table(runs: list[dict]) -> str:
    """Return the indexing runs: time, throughput, memory, index size."""
    header = ["engine", "phase", "seconds", "docs", "docs/s", "MB text/s", "files",
              "peak RSS main MB", "peak RSS tree MB", "index MB"]
    rows = [[ENGINE_LABELS.get(r["engine"], r["engine"]), r["phase"], f"{r['seconds']:.2f}",
             r["docs"], f"{r['docs_per_s']:.0f}", f"{r['mb_per_s']:.2f}", r["files"] or "–",
             f"{r['peak_rss_mb']:.0f}", f"{r['tree_rss_mb']:.0f}", f"{r['index_bytes'] / 1e6:.1f}"]
            for r in runs]
    return _table(header, rows)


def quality_table(quality: dict[str, dict[str, dict[str, float]]]) -> str:
    """Return MRR@10 and recalls per set and ranker, with the Lucene reference and target."""
    from bench.quality import REFERENCES, TARGETS

    header = ["set", "ranker", "questions", "MRR@10", "R@1", "R@10", "R@100",
              "Lucene FrenchAnalyzer+BM25 MRR@10", "target"]
    rows = []
    for name, rankers in quality.items():
        for ranker, m in rankers.items():
            rows.append([name, ranker, m["n"], f"{m['mrr@10']:.3f}", f"{m['recall@1']:.3f}",
                         f"{m['recall@10']:.3f}", f"{m['recall@100']:.3f}",
                         REFERENCES.get(name), TARGETS.get(name)])
    return _table(header, rows)


def plot_latency(results: list[dict], out: Path) -> Path | None:
    """Plot median (solid) and p95 (dashed) latency over all queries vs corpus size."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    results = sorted((r for r in results if r.get("latency")), key=lambda r: r["docs"])
    if not results:
        return None
    fig, ax = plt.subplots(figsize=(7, 4.5))
    found = {e for r in results for e in r["latency"]}
    engines = [e for e in ENGINE_ORDER if e in found] + sorted(found - set(ENGINE_ORDER))
    for engine in engines:
        points = [(r["docs"], r["latency"][engine]["all"]) for r in results
                  if engine in r["latency"]]
        xs = [x for x, _ in points]
        line, = ax.plot(xs, [s["median"] for _, s in points], "o-", color=COLORS.get(engine),
                        label=f"{ENGINE_LABELS.get(engine, engine)} median")
        ax.plot(xs, [s["p95"] for _, s in points], "s--", color=line.get_color(), alpha=0.6,
                label=f"{ENGINE_LABELS.get(engine, engine)} p95")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("documents in the corpus")
    ax.set_ylabel("search time per query (ms)")
    ax.set_title("Search latency vs corpus size (whole query mix)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def plot_latency_kinds(result: dict, out: Path) -> Path | None:
    """Plot median latency per query kind and engine for one run (bars, log scale)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    latency = result["latency"]
    engines = [e for e in ("verbatim", *PEERS) if e in latency]
    kinds = [k for k in KINDS if k in latency.get("verbatim", {})]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    width = 0.8 / max(1, len(engines))
    for i, engine in enumerate(engines):
        values = [latency[engine].get(k, {}).get("median", 0) for k in kinds]
        ax.bar([x + i * width for x in range(len(kinds))], values, width,
               label=ENGINE_LABELS.get(engine, engine), color=COLORS.get(engine))
    ax.set_xticks([x + width * (len(engines) - 1) / 2 for x in range(len(kinds))])
    ax.set_xticklabels(kinds, rotation=30, ha="right")
    ax.set_yscale("log")
    ax.set_ylabel("median ms per query")
    ax.set_title(f"Median search time per query kind ({result['corpus']['name']}, "
                 f"{result['docs']} documents)")
    ax.legend()
    ax.grid(True, axis="y", which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def plot_indexing(results: list[dict], out: Path) -> Path | None:
    """Plot full-build throughput (documents per second) per engine and corpus."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    results = sorted((r for r in results if r.get("indexing")), key=lambda r: r["docs"])
    if not results:
        return None
    series = [s for s in INDEX_SERIES if any(
        x["engine"] == s[0] and x["phase"] == s[1] for r in results for x in r["indexing"])]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    width = 0.8 / len(series)
    for i, (engine, phase, label) in enumerate(series):
        values = []
        for r in results:
            full = [x for x in r["indexing"] if x["engine"] == engine and x["phase"] == phase]
            values.append(full[0]["docs_per_s"] if full else 0)
        ax.bar([x + i * width for x in range(len(results))], values, width, label=label,
               color=COLORS.get(engine) if phase == "full" else "#9ecae1")
    ax.set_xticks([x + width * (len(series) - 1) / 2 for x in range(len(results))])
    ax.set_xticklabels([f"{r['corpus']['name']}\n{r['docs']} docs" for r in results])
    ax.set_yscale("log")
    ax.set_ylabel("documents indexed per second (full build)")
    ax.set_title("Full-build throughput (peers and 'index only': Verbatim's extracted "
                 "documents)", fontsize=9)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.grid(True, axis="y", which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def load_results(folder: Path) -> list[dict]:
    """Return every saved run result (one per corpus) in `folder`."""
    out = []
    for path in sorted(folder.glob("results-*.json")):
        try:
            out.append(json.loads(path.read_text("utf-8")))
        except ValueError:
            continue
    return out


def markdown(result: dict, plots: list[Path]) -> str:
    """Return the Markdown report of one run."""
    corpus = result["corpus"]
    env = result["environment"]
    parts = [
        f"# Verbatim benchmark — corpus `{corpus['name']}`",
        "",
        f"Run {result['started']} on {env['cpus']} cores ({env['platform']}), Python "
        f"{env['python']}, Whoosh-Reloaded {env['whoosh']}, SQLite {env['sqlite']}, "
        f"tantivy {env['tantivy']}. Load average before / after: {env['load_before']} / "
        f"{env['load_after']}. **The machine is shared: absolute times are noisy; compare "
        "engines through the ratios, measured in the same run with the queries interleaved.**",
        "",
        f"Corpus: {corpus['files']} files, {corpus['bytes'] / 1e6:.1f} MB on disk, "
        f"{result['docs']} documents indexed. Query mix `{result['mix']['name']}` "
        f"(version {result['mix']['version']}, {result['mix']['count']} queries, checksum "
        f"`{result['mix']['checksum'][:12]}`), {result['rounds']} timed round(s) after "
        f"{result['warmup']} warm-up queries.",
        "",
    ]
    if result.get("latency"):
        parts += [
            "## Search latency: Verbatim and its ratio to each peer",
            "",
            "Time of one call of the search function (`indexer.search.search()` for Verbatim),"
            " facets, histogram and snippets of one page of 10 included. `× peer` = Verbatim's"
            " time divided by the peer's (above 1: Verbatim is slower).",
            "",
            latency_table(result["latency"]),
            "",
            "### Every engine",
            "",
            peer_latency_table(result["latency"]),
            "",
            "### Do the engines do the same work?",
            "",
            "Share of queries with hits, mean number of hits, share answered by relaxing to "
            "any word, and overlap of the first page with Verbatim's. SQLite FTS5 has no "
            "stemming, so it finds fewer documents for word queries.",
            "",
            agreement_table(result["agreement"]),
            "",
        ]
    if result.get("indexing"):
        parts += [
            "## Indexing",
            "",
            "Verbatim: `index_paths` on the corpus files (reading, text extraction, metadata "
            "extraction and indexing), in a child process. Peers: indexing the documents "
            "Verbatim produced (read back from its index), so without reading or extraction. "
            "`unchanged`: a second run with nothing changed. `changed-1%`: a line break "
            "appended to 1% of the text files (at least one); the peers replace the same "
            "files' documents. `index-only`: Verbatim's own writer, schema and analyzer fed "
            "the extracted documents (no reading, no extraction), the figure to set beside "
            "the peers' full builds. `end-to-end` (peers): Verbatim's reading and extraction "
            "of the corpus files, then the peer's own writer (no quotation records, no reuse "
            "groups), the figure to set beside Verbatim's `full`. Peak RSS main: the step's "
            "main process (VmHWM); tree: the largest sum over the process and its workers, "
            "sampled every 50 ms.",
            "",
            indexing_table(result["indexing"]),
            "",
        ]
    if result.get("quality"):
        parts += [
            "## Retrieval quality",
            "",
            "`verbatim`: `search()` with the default mode (every word required, any word "
            "only when nothing matches them all). `verbatim-or`: the same index and analyzer,"
            " any-word ranking from the start. `whoosh-*`: a plain Whoosh index with a stock "
            "analyzer, BM25F, terms OR-ed. `tantivy-or`, `fts5-or`: the latency peers, any "
            "word.",
            "",
            quality_table(result["quality"]),
            "",
        ]
    if result.get("breakdown"):
        from bench.breakdown import breakdown_table

        parts += [
            "## Where Verbatim's search time goes",
            "",
            "One pass of the mix (every other query with --quick), each helper of "
            "`indexer.search` timed exclusively (a stage's time excludes the stages it calls).",
            "",
            breakdown_table(result["breakdown"]),
            "",
        ]
    if result.get("profile"):
        parts += [
            f"## Profile of the slowest query kind: `{result['profile']['kind']}`",
            "",
            f"cProfile over one pass of the {result['profile']['queries']} queries of that "
            "kind on Verbatim (cumulative time, top functions).",
            "",
            "```",
            result["profile"]["text"].rstrip(),
            "```",
            "",
        ]
    for note in result.get("notes", []):
        parts.append(f"- {note}")
    if plots:
        parts += ["", "## Plots", ""] + [f"![{p.stem}]({p.name})" for p in plots]
    return "\n".join(parts) + "\n"
