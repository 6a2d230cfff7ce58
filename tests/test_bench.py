"""The cheap parts of the benchmark (bench/): the frozen query mix, the seeded generators, the
Hansard splitter, the metrics, and the engines on a toy corpus. No timing is asserted.

tantivy and matplotlib come with the `bench` extra; the tests that need them are skipped
without it, the others run on the test extra alone.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # bench/ is run from the checkout, not installed
    sys.path.insert(0, str(ROOT))

from bench import expand, hansard  # noqa: E402
from bench.corpora import pick_changed  # noqa: E402
from bench.docs import BenchDoc  # noqa: E402
from bench.make_queries import generate, is_content  # noqa: E402
from bench.metrics import evaluate, recall_at, reciprocal_rank  # noqa: E402
from bench.queries import KINDS, QUERIES_V1, QuerySpec, checksum, load_mix  # noqa: E402
from bench.stats import percentile, summary  # noqa: E402

TOY_TEXTS = [
    "Les lanceurs d'alerte doivent être protégés par une loi européenne ambitieuse.\n\n"
    "La rivière qui meurt, c'est un village qui se tait, a déclaré la présidente.",
    "La sécheresse menace l'eau potable de nos campagnes et des villages.\n\n"
    "Nous ne laisserons aucun village sans eau, a promis le ministre devant les maires.",
    "Le barrage de Montclair sera démantelé pour rendre la rivière aux poissons migrateurs.",
    "La fiscalité de l'eau doit protéger la ressource, a dit le ministre des finances.\n\n"
    "La dette et le budget des agences restent maîtrisés malgré la sécheresse.",
    "Le procès des lanceurs d'alerte s'ouvre au Luxembourg devant le tribunal.",
    "Le Conseil des ministres a adopté un projet de loi relatif à la gestion de l'eau.",
]
TOY_META = [
    (["Claire Aubertin"], ["Justice", "Europe"], "2015-03-05", "communiqué"),
    (["Malik Benhaddou"], ["Sécheresse", "Eau"], "2016-04-22", "discours"),
    (["Claire Aubertin", "Malik Benhaddou"], ["Biodiversité"], "2016-06-29", "communiqué"),
    (["Malik Benhaddou"], ["Fiscalité", "Eau"], "2020-09-21", "interview"),
    ([], ["Justice"], "2016-05-03", None),
    (["Secrétariat général du Gouvernement"], ["Eau"], "2023-04-26", "communiqué"),
]


def toy_docs() -> list[BenchDoc]:
    """Six small French statements with speakers, themes, dates and kinds."""
    return [BenchDoc(id=f"d{i}", source=f"s{i % 3}.md", text=text, title=f"Titre {i}",
                     date=date, kind=kind, speakers=speakers, themes=themes)
            for i, (text, (speakers, themes, date, kind)) in enumerate(
                zip(TOY_TEXTS, TOY_META, strict=True))]


# -- the frozen query mix ------------------------------------------------------------------


def test_query_mix_is_versioned_and_matches_its_checksum():
    mix = load_mix()
    assert mix.name == "queries-v1" and mix.version == 1
    assert len(mix.queries) >= 300
    assert len({q.id for q in mix.queries}) == len(mix.queries)
    counts = {kind: len(queries) for kind, queries in mix.by_kind().items()}
    assert counts == KINDS
    assert mix.meta["generator"] == "bench/make_queries.py" and "seed" in mix.meta


def test_query_mix_shapes():
    by_kind = load_mix().by_kind()
    assert all(q.q.startswith('"') and q.q.endswith('"') for q in by_kind["phrase"])
    assert all(5 <= len(q.q.split()) <= 12 for q in by_kind["quote_changed"])
    assert all(q.speaker for q in by_kind["speaker"]) and all(q.theme for q in by_kind["theme"])
    assert all(q.date_from <= q.date_to for q in by_kind["date_range"])
    assert {q.sort for q in by_kind["date_sort"]} == {"date", "-date"}
    assert all(5 <= q.page <= 50 for q in by_kind["deep_page"])


def test_an_edited_mix_is_refused(tmp_path):
    data = json.loads(QUERIES_V1.read_text("utf-8"))
    data["queries"][0]["q"] = data["queries"][0]["q"] + " edited"
    edited = tmp_path / "queries-v1.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(ValueError, match="checksum"):
        load_mix(edited)


def test_checksum_ignores_defaults_but_not_values():
    a = [QuerySpec("x", "word", "eau")]
    assert checksum(a) == checksum([QuerySpec("x", "word", "eau", sort="relevance", page=1)])
    assert checksum(a) != checksum([QuerySpec("x", "word", "eau", page=2)])


def test_generator_is_deterministic_and_seeded():
    docs = toy_docs()
    small = {kind: 3 for kind in KINDS}
    first, again = generate(docs, 7, small), generate(list(reversed(docs)), 7, small)
    assert first == again
    assert generate(docs, 8, small) != first
    speakers = {s for d in docs for s in d.speakers}
    themes = {t for d in docs for t in d.themes}
    for query in first:
        assert set(query.speaker) <= speakers and set(query.theme) <= themes
    changed = [q for q in first if q.kind == "quote_changed"]
    assert changed and all(5 <= len(q.q.split()) <= 12 for q in changed)


def test_content_words():
    assert is_content("rivière") and not is_content("dans") and not is_content("2020")


# -- the corpus builders --------------------------------------------------------------------


def test_recombination_is_seeded_and_keeps_real_words_and_facets(tmp_path):
    real = [expand.flat_document(d) for d in _documents(toy_docs())]
    first = list(expand.recombine(real, 40, seed=3))
    assert first == list(expand.recombine(real, 40, seed=3))
    assert first != list(expand.recombine(real, 40, seed=4))
    paragraphs = {p for doc in real for p in expand.paragraphs(doc["text"])}
    for row in first:
        assert set(expand.paragraphs(row["text"])) <= paragraphs
        assert any(row["speakers"] == d["speakers"] and row["date"] == d["date"] for d in real)
    assert expand.write_shards(iter(first), tmp_path, 15) == 40
    shards = sorted(tmp_path.glob("*.jsonl"))
    assert [len(p.read_text("utf-8").splitlines()) for p in shards] == [15, 15, 10]


def _documents(docs: list[BenchDoc]):
    from indexer.document import Document, Speaker

    return [Document(id=d.id, source=d.source, format="md", text=d.text, title=d.title,
                     date=d.date, kind=d.kind, speakers=[Speaker(s) for s in d.speakers],
                     themes=d.themes) for d in docs]


def test_pick_changed_is_seeded(tmp_path):
    files = []
    for i in range(250):
        path = tmp_path / f"f{i:03d}.{'pdf' if i % 5 == 0 else 'md'}"
        path.write_text("x")
        files.append(path)
    picked = pick_changed(files)
    assert picked == pick_changed(list(reversed(files)))
    assert len(picked) == 2 and all(p.suffix == ".md" for p in picked)
    assert pick_changed(files[:3]) and len(pick_changed(files[:3])) == 1


HANSARD_SITTING = """HANSARD REVISE * NUMERO 50 \n\
Le lundi 2 fevrier 1998 \n\
M. Clifford Lincoln \n\
LOI DE 1997 MODIFIANT L'IMPOT \n\
HANSARD REVISE * NUMERO 50 \n\
Le lundi 2 fevrier 1998 \n\
La seance est ouverte a 11 heures.  \n\
Le president suppleant (M. McClelland):\n\
M. Clifford Lincoln (Lac-Saint-Louis, Lib.):\n\
Tous mes voeux l'accompagnent. \n\
Chacun a le droit de vivre. \n\
LOI DE 1997 MODIFIANT L'IMPOT \n\
Cette motion se lirait comme suit: \n\
Et plus de cinq deputes s'etant leves:\n\
L'honorable Sharon Carstairs (leader adjoint du gouvernement) :\n\
Nous avons du construire une digue. \n"""


def test_hansard_turns(tmp_path):
    path = tmp_path / "hansard.36.1.house.debates.050.f"
    path.write_text(HANSARD_SITTING, "ascii")
    rows = hansard.sitting_rows(path)
    assert [r["speakers"] for r in rows] == [["Clifford Lincoln"], ["Clifford Lincoln"],
                                             ["Sharon Carstairs"]]
    assert rows[0]["text"] == "Tous mes voeux l'accompagnent. Chacun a le droit de vivre."
    assert rows[1]["text"].endswith("s'etant leves:")  # not a speaker line
    assert rows[1]["title"].endswith(": Loi de 1997 modifiant l'impot")
    assert {r["date"] for r in rows} == {"1998-02-02"} and rows[0]["kind"] == "débat"
    out = tmp_path / "jsonl"
    assert hansard.write_jsonl(tmp_path, out) == (1, 3)
    assert hansard.speaker_of("Le president suppleant (M. McClelland):") == (
        "McClelland", "Le president suppleant")


def test_a_hansard_motion_is_its_members_turn_not_a_name_with_propose_in_it(tmp_path):
    # « M. X (circonscription, parti) propose: » heads the motion's text, as the product's reader
    # reads it; before, the bench's layout named the turn « Mac Harb (Ottawa-Centre, Lib.) propose »
    path = tmp_path / "hansard.36.2.house.debates.063.f"
    path.write_text("HANSARD REVISE \nLe lundi 7 fevrier 2000\nINITIATIVES PARLEMENTAIRES \n"
                    "M. Mac Harb (Ottawa-Centre, Lib.) propose: \n"
                    "Que, de l'avis de la Chambre, le gouvernement devrait agir. \n", "ascii")
    rows = hansard.sitting_rows(path)
    assert [r["speakers"] for r in rows] == [["Mac Harb"]]
    assert rows[0]["text"].startswith("Que, de l'avis de la Chambre")


def test_hansard_jsonl_reads_back_with_the_tabular_reader(tmp_path):
    from indexer.documents import documents_from_file

    path = tmp_path / "hansard.36.1.senate.debates.1998-02-03.051.f"
    path.write_text(HANSARD_SITTING, "ascii")
    hansard.write_jsonl(tmp_path, tmp_path / "out")
    docs = documents_from_file(tmp_path / "out" / f"{path.stem}.jsonl", tmp_path / "out")
    assert len(docs) == 3 and docs[0].date == "1998-02-03"  # the Senate's date is in the name
    assert docs[2].speakers[0].name == "Sharon Carstairs"


# -- metrics --------------------------------------------------------------------------------


def test_mrr_and_recall_on_a_toy_ranking():
    runs = [
        (["a", "b", "c"], {"a"}),  # rank 1
        (["x", "y", "b"], {"b"}),  # rank 3
        (["x"] * 10 + ["c"], {"c"}),  # rank 11: outside MRR@10, inside R@100
        ([], {"d"}),  # nothing found
    ]
    result = evaluate(runs)
    assert result["n"] == 4
    assert result["mrr@10"] == pytest.approx((1 + 1 / 3) / 4)
    assert result["recall@1"] == pytest.approx(0.25)
    assert result["recall@10"] == pytest.approx(0.5)
    assert result["recall@100"] == pytest.approx(0.75)
    assert reciprocal_rank(["a", "b"], {"b"}, k=1) == 0.0
    assert recall_at(["a", "b"], {"a", "b", "c", "d"}, 10) == 0.5


def test_percentiles():
    values = list(range(1, 101))
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile(values, 99) == pytest.approx(99.01)
    assert summary([3.0])["p99"] == 3.0


def test_squad_sets_give_one_relevant_passage_per_question():
    from bench.quality import squad_set

    data = {"data": [
        {"title": "A", "paragraphs": [
            {"context": "Texte un.", "qas": [{"question": "Quoi ?"}, {"question": " "}]},
            {"context": "Texte deux.", "qas": []}]},
        {"title": "B", "paragraphs": [{"context": "Texte trois."}]},
    ]}
    evalset = squad_set("toy", data)
    assert evalset.passages == {"0.0": "Texte un.", "0.1": "Texte deux.", "1.0": "Texte trois."}
    assert evalset.questions == [("Quoi ?", {"0.0"})]


# -- engines on the toy corpus (no timing asserted) ----------------------------------------


def test_sqlite_peer_answers_like_the_search_page(tmp_path):
    from bench.engines.sqlite_fts import SqliteEngine, build, update

    path = tmp_path / "fts.sqlite"
    assert build(toy_docs(), path) == 6
    engine = SqliteEngine(path)
    found = engine.search(QuerySpec("q1", "word", "village"))
    assert found.total == 2 and set(found.ids) == {"d0", "d1"} and not found.relaxed
    assert "<mark>village</mark>" in " ".join(found.snippets)
    assert dict(found.facets["speaker"]) == {"Claire Aubertin": 1, "Malik Benhaddou": 1}
    relaxed = engine.search(QuerySpec("q2", "two_words", "barrage tribunal"))
    assert relaxed.relaxed and relaxed.total == 2
    filtered = engine.search(QuerySpec("q3", "speaker", "", speaker=["Malik Benhaddou"]))
    assert filtered.total == 3 and filtered.ids[0] == "d3"  # newest first
    assert dict(filtered.facets["speaker"])["Claire Aubertin"] == 2  # ignores its own filter
    ranged = engine.search(QuerySpec("q4", "date_range", "eau", date_from="2016",
                                     date_to="2020-09"))
    assert set(ranged.ids) == {"d1", "d3"}
    assert engine.search(QuerySpec("q5", "phrase", '"village sans eau"')).ids == ["d1"]
    engine.close()
    assert update(path, {"s0.md"}, [toy_docs()[0]]) == 1
    engine = SqliteEngine(path)
    assert engine.search(QuerySpec("q6", "word", "fiscalité")).total == 0  # d3 (s0.md) is gone
    assert engine.search(QuerySpec("q7", "word", "village")).total == 2  # d0 is back
    engine.close()


def test_tantivy_peer(tmp_path):
    pytest.importorskip("tantivy", reason="tantivy comes with the bench extra: "
                        "pip install -e '.[bench]'")
    from bench.engines.tantivy_peer import TantivyEngine, build

    assert build(toy_docs(), tmp_path / "tantivy", threads=1) == 6
    engine = TantivyEngine(tmp_path / "tantivy")
    found = engine.search(QuerySpec("q1", "word", "lanceurs"))  # stemmed: lanceur(s)
    assert set(found.ids) == {"d0", "d4"}
    assert engine.search(QuerySpec("q2", "two_words", "barrage tribunal")).relaxed
    filtered = engine.search(QuerySpec("q3", "speaker", "", speaker=["Malik Benhaddou"]))
    assert filtered.total == 3 and dict(filtered.facets["speaker"])["Claire Aubertin"] == 2
    assert engine.search(QuerySpec("q4", "phrase", '"village sans eau"')).ids == ["d1"]
    assert engine.rank("rivière poissons", 3)[0] == "d2"


def test_verbatim_engine_and_latency_loop(tmp_path):
    from bench.docs import docs_from_index
    from bench.engines.sqlite_fts import SqliteEngine, build
    from bench.engines.verbatim import VerbatimEngine
    from bench.latency import agreement, by_kind, time_queries
    from bench.queries import QueryMix
    from bench.report import agreement_table, latency_table
    from indexer.indexing import index_paths

    folder = tmp_path / "corpus"
    folder.mkdir()
    with (folder / "toy.jsonl").open("w", encoding="utf-8") as handle:
        for doc in toy_docs():
            handle.write(json.dumps({"id": doc.id, "title": doc.title, "date": doc.date,
                                     "text": doc.text, "speakers": doc.speakers,
                                     "tags": doc.themes}, ensure_ascii=False) + "\n")
    index_paths([folder], tmp_path / "index", workers=1)
    docs = list(docs_from_index(tmp_path / "index"))
    assert len(docs) == 6
    build(docs, tmp_path / "fts.sqlite")
    mix = QueryMix("toy", 0, "", [QuerySpec("w", "word", "village"),
                                  QuerySpec("t", "two_words", "barrage tribunal"),
                                  QuerySpec("s", "speaker", "", speaker=["Malik Benhaddou"])], {})
    engines = [VerbatimEngine(tmp_path / "index"), SqliteEngine(tmp_path / "fts.sqlite")]
    timings = time_queries(engines, mix, rounds=1, warmup=1, log=lambda _: None)
    verbatim = timings.results["verbatim"]
    assert verbatim["w"].total == 2 and verbatim["t"].relaxed and verbatim["s"].total == 3
    stats = by_kind(timings, mix)
    assert stats["verbatim"]["all"]["n"] == 3 and "word" in stats["sqlite-fts5"]
    assert agreement(timings, mix)["sqlite-fts5"]["word"]["overlap@10"] == 1.0
    assert "| word |" in latency_table(stats) and "| speaker |" in agreement_table(
        agreement(timings, mix))
    from bench.breakdown import breakdown, breakdown_table

    shares = breakdown(engines[0], mix.queries)
    assert set(shares) == {"word", "two_words", "speaker"}
    assert "snippets" in shares["word"] and "| word |" in breakdown_table(shares)
    for engine in engines:
        engine.close()


def test_report_renders_without_plots():
    from bench.report import markdown

    summary_ms = {"n": 3, "median": 2.0, "p95": 4.0, "p99": 5.0}
    result = {
        "started": "2024-01-01T00:00:00", "rounds": 1, "warmup": 0, "docs": 6, "notes": ["n"],
        "environment": {"cpus": 2, "platform": "x", "python": "3.11", "whoosh": "2.7.5",
                        "sqlite": "3", "tantivy": "absent", "load_before": "1",
                        "load_after": "1"},
        "corpus": {"name": "toy", "files": 1, "bytes": 10},
        "mix": {"name": "queries-v1", "version": 1, "count": 3, "checksum": "abc"},
        "latency": {"verbatim": {"word": summary_ms, "all": summary_ms},
                    "sqlite-fts5": {"word": {**summary_ms, "median": 1.0}, "all": summary_ms}},
        "agreement": {"verbatim": {"word": {"with_hits": 1.0, "mean_total": 2, "relaxed": 0.0,
                                            "overlap@10": 1.0}}},
        "indexing": [{"engine": "verbatim", "phase": "full", "seconds": 1.0, "docs": 6,
                      "docs_per_s": 6.0, "mb_per_s": 0.1, "files": 1, "peak_rss_mb": 50.0,
                      "tree_rss_mb": 60.0, "index_bytes": 1000}],
        "quality": {"piaf": {"verbatim": {"n": 1, "mrr@10": 0.5, "recall@1": 0.0,
                                          "recall@10": 1.0, "recall@100": 1.0}}},
    }
    text = markdown(result, [])
    assert "| word | 3 | 2.0 | 4.0 | 5.0 | 1.0 | 4.0 | 2.0× | 1.0× |" in text
    assert "0.753" in text and "## Indexing" in text and "- n" in text


def test_engines_widen_a_long_query_alike(tmp_path):
    """Four plain words: at least half required, widened to any word under a page."""
    from bench.docs import docs_from_index
    from bench.engines.sqlite_fts import SqliteEngine, build
    from bench.engines.verbatim import VerbatimEngine
    from indexer.indexing import index_paths

    folder = tmp_path / "corpus"
    folder.mkdir()
    with (folder / "toy.jsonl").open("w", encoding="utf-8") as handle:
        for doc in toy_docs():
            handle.write(json.dumps({"id": doc.id, "title": "", "text": doc.text},
                                    ensure_ascii=False) + "\n")
    index_paths([folder], tmp_path / "index", workers=1)
    docs = list(docs_from_index(tmp_path / "index"))
    montclair = next(d.id for d in docs if "Montclair" in d.text)
    build(docs, tmp_path / "fts.sqlite")
    engines = [VerbatimEngine(tmp_path / "index"), SqliteEngine(tmp_path / "fts.sqlite")]
    try:
        from bench.engines.tantivy_peer import TantivyEngine
        from bench.engines.tantivy_peer import build as build_tantivy

        build_tantivy(docs, tmp_path / "tv", threads=1)
        engines.append(TantivyEngine(tmp_path / "tv"))
    except ImportError:
        pass
    spec = QuerySpec("q", "quote_changed", "barrage Montclair rivière poissons")
    for engine in engines:
        found = engine.search(spec)
        # one statement holds the four words, another only « rivière »: under a page
        assert (found.total, found.relaxed, found.ids[0]) == (2, True, montclair), engine.name
        engine.close()


def test_reuse_indexes_finds_the_last_runs_indexes_or_says_which_is_missing(tmp_path):
    from bench.__main__ import parse_args, reused_indexes

    assert parse_args(["--corpus", "250k", "--reuse-indexes"]).reuse_indexes
    with pytest.raises(FileNotFoundError, match="verbatim-index is missing"):
        reused_indexes(tmp_path, 3)
    (tmp_path / "verbatim-index").mkdir()
    (tmp_path / "fts5.sqlite").write_bytes(b"")
    (tmp_path / "docs.jsonl").write_text("", encoding="utf-8")
    indexes = reused_indexes(tmp_path, 3)
    assert indexes.count == 3 and indexes.tantivy is None  # no tantivy index: no column


def test_reuse_cost_indexes_the_same_files_with_and_without_reuse_groups(tmp_path):
    """`bench.reuse_cost` builds two indexes of the same files; only one holds the groups."""
    from bench.reuse_cost import measure, report_md
    from indexer.reuse import ARRAYS
    from tests.conftest import DEMO

    files = tmp_path / "files"
    shutil.copytree(DEMO, files)
    result = measure(files, tmp_path / "work", workers=1, fraction=0.05, log=lambda _: None)
    runs = result["runs"]
    assert runs["full_with"]["documents"] == runs["full_without"]["documents"] > 40
    assert runs["changed_with"]["files_read"] == runs["changed_without"]["files_read"] >= 1
    assert (tmp_path / "work" / "index-with-reuse" / ARRAYS).exists()
    assert not (tmp_path / "work" / "index-without-reuse" / ARRAYS).exists()
    assert set(result["added"]) == {"full_time", "full_cpu", "size", "incremental",
                                    "incremental_cpu"}
    assert 0 < runs["full_with"]["cpu_seconds"]
    assert "CPU time" in report_md("demo", result)
    # then words changed in 5 % of the Markdown, text and JSONL files: their documents anew
    edited = measure(files, tmp_path / "work", workers=1, fraction=0.05, log=lambda _: None,
                     edit=True, incremental_only=True)
    assert edited["change"] == "edit"
    assert set(edited["added"]) == {"incremental", "incremental_cpu"}
    assert edited["runs"]["changed_with"]["documents"] == \
        edited["runs"]["changed_without"]["documents"] >= 1
