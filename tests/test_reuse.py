"""Reuse groups, the genealogy of a quotation and the talking points, through their real
interfaces: indexing runs, the `verbatim genealogy` command, the HTTP pages and API, and the
shared corpus (the « lois de la paix » interviews of 30 October 2020)."""

from __future__ import annotations

import csv
import json
import os
import pickle
import re
import shutil
import zlib
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import web_enrich
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer import indexing, reuse
from indexer.analysis import passage_words
from indexer.cli import main
from indexer.indexing import index_paths
from indexer.reuse.pairs import _key, _within_partners
from indexer.reuse.passages import _BOILERPLATE

MORATOIRE = ("Nous demandons un moratoire immédiat sur les nouveaux barrages de la vallée tant "
             "que les études d'impact ne sont pas publiées")
CONTACT = "Contact presse : Jeanne Martin, 06 12 34 56 78, presse@rivieres-vivantes.fr"
FILLER = ("La réunion publique a rassemblé des habitants de toute la région. Les débats ont porté "
          "sur la qualité de l'eau, les crues de printemps et l'avenir des moulins. ")

ROWS = [
    {"title": "Les riverains demandent un moratoire", "date": "2021-01-10",
     "kind": "communiqué", "speakers": "Claire Aubertin",
     "text": f"Épinal, le 10 janvier 2021. {FILLER}{MORATOIRE}. « Une rivière qui meurt, c'est "
             f"un village qui se tait », a déclaré Claire Aubertin. Les pêcheurs ont rejoint "
             f"l'appel des associations et des élus des communes voisines.\n\n{CONTACT}"},
    {"title": "Entretien avec le ministre de l'eau", "date": "2021-02-03", "kind": "interview",
     "speakers": "Malik Benhaddou",
     "text": f"Le ministre a reçu les associations. {FILLER}Il a lu leur lettre : « Nous "
             "réclamons un moratoire immédiat sur les nouveaux barrages de la vallée tant que "
             "les études d'impact ne seront pas publiées. » Il promet une réponse avant l'été, "
             "après la consultation des préfets et des agences de l'eau."},
    {"title": "Discours devant les maires de la vallée", "date": "2021-03-15",
     "kind": "discours", "speakers": "Claire Aubertin",
     "text": f"Mesdames et messieurs les maires, merci de votre accueil. {FILLER}Je le redis "
             "ici : un moratoire immédiat sur les nouveaux barrages de la vallée tant que les "
             "études d'impact ne sont pas publiées. « Quand une rivière meurt, tout le village "
             "se tait », a-t-elle ajouté devant les élus. La saison des crues approche et les "
             "digues doivent être vérifiées.\n\n" + CONTACT},
    {"title": "Séance du 4 mars 2021", "date": "2021-03-04", "kind": "débat",
     "speakers": "Paul Morel",
     "text": "La séance est ouverte. La parole est à M. le ministre de l'eau, pour soutenir "
             "l'amendement n° 12 relatif aux barrages. Le budget des agences de bassin sera "
             "examiné la semaine prochaine par la commission des finances du conseil régional."},
    {"title": "Séance du 11 mars 2021", "date": "2021-03-11", "kind": "débat",
     "speakers": "Inès Caron",
     "text": "La séance est ouverte. La parole est à M. le ministre de l'eau, pour soutenir "
             "l'amendement n° 14 relatif aux barrages. Les élus du littoral demandent un plan "
             "contre l'érosion des dunes et le recul du trait de côte."},
    {"title": "Note sur les moulins", "date": "2020-11-02", "kind": "communiqué",
     "speakers": "Secrétariat de la vallée",
     "text": "Les moulins de la haute vallée seront restaurés par une fondation privée. Les "
             "travaux dureront deux ans et les meules seront exposées au musée du pays."},
]
LATE = ("2021-06-01-tribune.md", "---\ntitle: Tribune des pêcheurs\ndate: 2021-06-01\n---\n\n"
        "Les pêcheurs de la vallée signent cette tribune. " + FILLER + "Avec les riverains, "
        "nous demandons un moratoire immédiat sur les nouveaux barrages de la vallée tant que "
        "les études d'impact ne sont pas publiées. Nos rivières ne sont pas des canaux.\n")


def write_corpus(folder: Path, rows: list[dict] = ROWS) -> Path:
    """Write the rows as one CSV file (the tabular reader takes them) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "vallee.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["title", "date", "text", "tags", "speakers", "kind"])
        writer.writeheader()
        for row in rows:
            writer.writerow({"tags": "Eau", **row})
    return folder


def index(folder: Path, index_dir: Path):
    """Index with the web tests' attribution (every « … » to the first speaker)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("indexer.documents.enrich_document", web_enrich)
        return index_paths([folder], index_dir, workers=1)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("reuse")
    corpus = write_corpus(base / "corpus")
    index(corpus, base / "index")
    return corpus, base / "index"


@pytest.fixture
def index_dir(built, tmp_path):
    return Path(shutil.copytree(built[1], tmp_path / "index"))


def read_page(index_dir: Path) -> dict:
    """The groups' file as the pages read it (`reuse.read_groups`)."""
    with (index_dir / reuse.GROUPS).open("rb") as handle:
        return reuse.read_groups(handle)


def groups_of(index_dir: Path) -> list[dict]:
    data = read_page(index_dir)
    for group in data["groups"]:
        group["titles"] = sorted(data["docs"][str(o[0])]["title"] for o in group["occurrences"])
    return data["groups"]


def test_the_report_counts_the_time_reuse_detection_takes(tmp_path):
    # the reading of each document as it is written, and the matching after: the share of
    # indexing time the groups cost (issue 13's cap) is read from this report
    report = index(write_corpus(tmp_path / "corpus"), tmp_path / "index")
    assert 0 < report.reuse_seconds < report.seconds
    assert report.to_dict()["reuse_seconds"] == report.reuse_seconds


def test_a_passage_said_in_three_documents_with_changes_is_one_group(built):
    moratoire = [g for g in groups_of(built[1]) if "moratoire" in g["text"]]
    assert len(moratoire) == 1
    assert moratoire[0]["type"] == "passage"
    assert moratoire[0]["titles"] == ["Discours devant les maires de la vallée",
                                      "Entretien avec le ministre de l'eau",
                                      "Les riverains demandent un moratoire"]


def test_reworded_quotations_of_one_person_are_grouped_by_their_rare_phrase(built):
    quotes = [g for g in groups_of(built[1]) if g["type"] == "quote"]
    assert [g["titles"] for g in quotes] == [["Discours devant les maires de la vallée",
                                              "Les riverains demandent un moratoire"]]
    assert {o[4] for o in quotes[0]["occurrences"]} == {"Claire Aubertin"}


def test_contact_blocks_and_sitting_formulas_are_not_reuse(built):
    texts = " | ".join(g["text"] for g in groups_of(built[1]))
    assert "Contact presse" not in texts and "presse@" not in texts
    assert "séance est ouverte" not in texts and "soutenir l'amendement" not in texts


def tokenised(monkeypatch) -> list[str]:
    """Return the list that will hold the start of every text reuse reads from now on."""
    seen: list[str] = []
    original = reuse.Tokens.of.__func__

    def counting(cls, text):
        seen.append(text[:30])
        return original(cls, text)

    monkeypatch.setattr(reuse.Tokens, "of", classmethod(counting))
    return seen


def test_a_new_file_joins_the_group_without_reading_the_others_again(built, index_dir,
                                                                      monkeypatch):
    corpus = built[0]
    extra = corpus.parent / "extra"
    extra.mkdir(exist_ok=True)
    (extra / LATE[0]).write_text(LATE[1], "utf-8")
    seen = tokenised(monkeypatch)
    report = index(extra, index_dir)
    assert report.added == 1
    moratoire = [g for g in groups_of(index_dir) if "moratoire" in g["text"]]
    assert len(moratoire) == 1 and "Tribune des pêcheurs" in moratoire[0]["titles"]
    assert len(moratoire[0]["titles"]) == 4
    # the new document, and only the documents it shares words with, were tokenised
    assert len(seen) <= 4 and any(s.startswith("Les pêcheurs") for s in seen)


def test_a_file_saved_again_with_the_same_documents_is_not_matched_again(built, index_dir,
                                                                          monkeypatch):
    """A table saved again (a line break added, one row's words changed): only the document
    whose words changed is read for reuse; the others keep their matches and groups."""
    corpus = built[0]
    before = sorted(g["titles"] for g in groups_of(index_dir))
    saved = (corpus / "vallee.csv").read_text("utf-8")
    seen = tokenised(monkeypatch)
    try:
        (corpus / "vallee.csv").write_text(saved + "\n", "utf-8")
        report = index(corpus, index_dir)
        assert report.updated == 1 and seen == []
        assert sorted(g["titles"] for g in groups_of(index_dir)) == before
        (corpus / "vallee.csv").write_text(saved.replace("fondation privée",
                                                         "fondation publique"), "utf-8")
        index(corpus, index_dir)
    finally:
        (corpus / "vallee.csv").write_text(saved, "utf-8")
    assert [s[:12] for s in seen] == ["Les moulins "]  # the row whose words changed
    assert sorted(g["titles"] for g in groups_of(index_dir)) == before


# A long release: its change at the end stands far from the passage it shares.
LONG = ("Le conseil syndical du bassin versant s'est réuni jeudi à la mairie de Remiremont. "
        "Les délégués ont approuvé le budget de l'exercice et le programme des travaux sur les "
        "berges de la Moselotte. Une étude sur les zones humides sera confiée à l'université "
        "de Lorraine avant la fin de l'année. Les agriculteurs du plateau ont présenté leurs "
        "besoins d'irrigation pour l'été prochain. ") + MORATOIRE + (". Le président a rappelé "
        "que les subventions de l'agence couvriront la moitié des dépenses. Les communes "
        "riveraines recevront un guide de l'entretien des fossés. La prochaine assemblée se "
        "tiendra à Gérardmer au printemps, après la saison des crues. Les comptes rendus "
        "seront publiés sur le site du syndicat et affichés dans chaque mairie du bassin. "
        "Les associations de pêche ont demandé à être associées au suivi des travaux. Le "
        "syndicat publiera enfin un bilan des débits mesurés depuis dix ans sur chaque "
        "affluent, avec les relevés des stations automatiques installées en amont.")


def groups_seen(index_dir: Path) -> list[tuple]:
    """The groups as a reader sees them: their documents and each occurrence's words."""
    data = read_page(index_dir)
    from whoosh import index as whoosh_index

    from indexer.indexing import INDEX_NAME
    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    with ix.searcher() as searcher:
        def words(o):
            doc_id = data["docs"][str(o[0])]["id"]
            return " ".join(searcher.document(id=doc_id)["text"][o[1]:o[2]].split())
        return sorted(tuple(sorted((data["docs"][str(o[0])]["title"], words(o))
                                   for o in g["occurrences"])) for g in data["groups"])


@pytest.mark.parametrize("change", [
    pytest.param(lambda t: t + " Ce texte a été complété depuis sa première diffusion.",
                 id="a sentence added at the end"),
    pytest.param(lambda t: t.replace("jeudi", "vendredi"), id="a word changed at the start"),
    pytest.param(lambda t: t.replace("études d'impact", "expertises"),
                 id="the shared passage itself reworded"),
])
def test_an_edited_document_finds_the_groups_a_fresh_index_finds(tmp_path, monkeypatch,
                                                                 change):
    """An edited document keeps the matches its change cannot move and aligns again only
    the pairs near the change; the groups are those of an index built afresh."""
    rows = [*ROWS, {"title": "Conseil syndical du bassin", "date": "2021-04-20",
                    "kind": "communiqué", "speakers": "Syndicat de la Moselotte",
                    "text": LONG}]
    corpus = write_corpus(tmp_path / "corpus", rows)
    index(corpus, tmp_path / "index")
    edited = [*rows[:-1], {**rows[-1], "text": change(LONG)}]
    write_corpus(corpus, edited)
    seen = tokenised(monkeypatch)
    report = index(corpus, tmp_path / "index")
    monkeypatch.undo()
    assert report.updated == 1
    index(write_corpus(tmp_path / "fresh", edited), tmp_path / "fresh-index")
    assert groups_seen(tmp_path / "index") == groups_seen(tmp_path / "fresh-index")
    moratoire = [g for g in groups_seen(tmp_path / "index") if "moratoire" in str(g)]
    assert moratoire and "Conseil syndical du bassin" in str(moratoire)
    if change(LONG).startswith(LONG):  # far from the passage: its partners were not read again
        assert [s[:12] for s in seen] == [LONG[:12]]


# A sentence closing one release and opening another: a header or footer while it stands
# at an edge of both, reuse once a paragraph follows it.
APPEL = ("Les associations de la vallée appellent les habitants à signer la pétition pour la "
         "protection des frayères avant la fin du mois de mai")


def appel_rows(text: str) -> list[dict]:
    """The rows, a release ending with `text`, and a petition opening with the appeal."""
    return [*ROWS,
            {"title": "Appel pour les frayères", "date": "2021-05-02", "kind": "communiqué",
             "speakers": "Rivières vivantes", "text": text},
            {"title": "Pétition des riverains", "date": "2021-05-03", "kind": "communiqué",
             "speakers": "Comité des riverains",
             "text": f"{APPEL}. Le comité remettra les signatures au préfet des Vosges."}]


def test_an_edit_that_moves_a_passage_off_an_edge_finds_it_as_a_fresh_index_does(
        tmp_path, monkeypatch):
    """A passage both documents hold at an edge is left out as a header or footer; a
    paragraph added after it makes it reuse, and the incremental run finds the group a fresh
    index finds without reading again any other document: the passage's words are those it
    was found with, and where it now stands tells whether it is still a header or footer."""
    rows = appel_rows(f"{FILLER}{APPEL}.")
    corpus = write_corpus(tmp_path / "corpus", rows)
    index(corpus, tmp_path / "index")
    assert not [g for g in groups_seen(tmp_path / "index") if "signer la pétition" in str(g)]
    edited = [*rows[:-2], {**rows[-2], "text": rows[-2]["text"] + (
        " La fédération de pêche tiendra une permanence à Remiremont chaque samedi matin.")},
              rows[-1]]
    write_corpus(corpus, edited)
    seen = tokenised(monkeypatch)
    report = index(corpus, tmp_path / "index")
    monkeypatch.undo()
    assert report.updated == 1
    # the release itself only: not the one whose footer it shares, whose words the change
    # left alone (judged again where it stands), nor the three sharing its opening
    # paragraph, far from the change
    assert [s[:12] for s in seen] == [FILLER[:12]]
    index(write_corpus(tmp_path / "fresh", edited), tmp_path / "fresh-index")
    found = groups_seen(tmp_path / "index")
    assert found == groups_seen(tmp_path / "fresh-index")
    assert [g for g in found if "signer la pétition" in str(g)]


BUREAU = ("Le bureau de l'association s'est réuni mardi soir pour préparer la saison de pêche "
          "et les lâchers de truites. ")


def test_a_sentence_put_just_before_a_footer_leaves_it_a_footer(tmp_path, monkeypatch):
    """A sentence added just before the passage two releases hold at their edges leaves it
    at the bottom of one and the top of the other: still a header or footer, not reuse,
    as a fresh index finds, and judged without reading the other release again."""
    rows = appel_rows(f"{FILLER}{BUREAU}{APPEL}.")
    corpus = write_corpus(tmp_path / "corpus", rows)
    index(corpus, tmp_path / "index")
    edited = [*rows[:-2], {**rows[-2], "text": f"{FILLER}{BUREAU}Il a voté à l'unanimité. "
                                               f"{APPEL}."}, rows[-1]]
    write_corpus(corpus, edited)
    seen = tokenised(monkeypatch)
    index(corpus, tmp_path / "index")
    monkeypatch.undo()
    assert [s[:12] for s in seen] == [FILLER[:12]]
    index(write_corpus(tmp_path / "fresh", edited), tmp_path / "fresh-index")
    found = groups_seen(tmp_path / "index")
    assert found == groups_seen(tmp_path / "fresh-index")
    assert not [g for g in found if "signer la pétition" in str(g)]


def test_a_run_writes_what_it_added_beside_the_base_it_leaves_alone(tmp_path, monkeypatch):
    """The fingerprints and matches of the whole index stand in a base file that later runs
    leave alone while they add little to it: each writes what it added and forgets what is
    gone, and reading both gives the tables, and the groups, that a fresh index has."""
    monkeypatch.setattr(reuse.state, "REBASE", float("inf"))  # however much is added: keep the base
    rows = [*ROWS, {"title": "Conseil syndical du bassin", "date": "2021-04-20",
                    "kind": "communiqué", "speakers": "Syndicat de la Moselotte",
                    "text": LONG}]
    corpus = write_corpus(tmp_path / "corpus", rows)
    index(corpus, tmp_path / "index")
    base = (tmp_path / "index" / reuse.BASE).read_bytes()
    # a release edited, one gone, one new: slots added and slots forgotten
    edited = [*rows[:-2], {**rows[-1], "text": LONG.replace("jeudi", "vendredi")}]
    write_corpus(corpus, edited)
    (corpus / LATE[0]).write_text(LATE[1], "utf-8")
    index(corpus, tmp_path / "index")
    assert (tmp_path / "index" / reuse.BASE).read_bytes() == base
    fresh = write_corpus(tmp_path / "fresh", edited)
    (fresh / LATE[0]).write_text(LATE[1], "utf-8")
    index(fresh, tmp_path / "fresh-index")
    assert groups_seen(tmp_path / "index") == groups_seen(tmp_path / "fresh-index")
    kept = reuse.ReuseState.load(tmp_path / "index", _generation(tmp_path / "index"))
    whole = reuse.ReuseState.load(tmp_path / "fresh-index",
                                  _generation(tmp_path / "fresh-index"))
    assert kept.base["slots"] == len(rows) and not whole.base["slots"] == len(kept.ids)

    def table(state):  # fingerprints and matches by document id, slots aside
        ids = state.ids
        return (sorted(zip(state.fp_hash.tolist(), (ids[s] for s in state.fp_slot.tolist()),
                           strict=True)),
                sorted((ids[a], a0, a1, ids[b], b0, b1) for a, a0, a1, b, b0, b1
                       in state.m_int.tolist()))
    assert table(kept) == table(whole)
    assert any(kept.ids[s] == "" for s in range(kept.base["slots"]))  # forgotten in the base


def test_pairs_aligned_in_two_processes_give_the_groups_of_one(built, tmp_path, monkeypatch):
    """Many pairs are aligned in forked processes, each reading the index on its own."""
    monkeypatch.setattr(reuse.update, "PARALLEL_PAIRS", 1)
    monkeypatch.setattr("indexer.documents.enrich_document", web_enrich)
    contexts = []
    original = reuse.processes.multiprocessing.get_context
    monkeypatch.setattr(reuse.processes.multiprocessing, "get_context",
                        lambda method: contexts.append(method) or original(method))
    index_paths([built[0]], tmp_path / "index", workers=2)
    assert contexts == ["fork"]
    assert groups_seen(tmp_path / "index") == groups_seen(built[1])
    # a new file: its partners are read from the index by the processes themselves
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / LATE[0]).write_text(LATE[1], "utf-8")
    shutil.copytree(tmp_path / "index", tmp_path / "serial")
    index_paths([extra], tmp_path / "index", workers=2)
    index_paths([extra], tmp_path / "serial", workers=1)
    assert contexts == ["fork", "fork"]
    assert groups_seen(tmp_path / "index") == groups_seen(tmp_path / "serial")
    assert any("Tribune des pêcheurs" in str(g) for g in groups_seen(tmp_path / "index"))


@pytest.mark.parametrize("workers", [1, 2])
def test_seeds_kept_for_a_few_documents_only_give_the_same_groups(built, tmp_path, monkeypatch,
                                                                  workers):
    """A process finds the seeds of a chunk's documents at once, not of all, and a job holds
    a few pairs, its process taking the next job when done (at `1m` what the processes kept
    took more memory than the machine had): neither changes a group."""
    monkeypatch.setattr(reuse.update, "PARALLEL_PAIRS", 1)
    monkeypatch.setattr(reuse.update, "SEEDS_KEPT", 2)
    monkeypatch.setattr(reuse.update, "PAIRS_A_PROCESS", 1)
    rounds = []
    original_forked = reuse.forked
    monkeypatch.setattr(reuse.update, "forked", lambda *a, **k: rounds.append(a[1]) or
                        original_forked(*a, **k))
    monkeypatch.setattr("indexer.documents.enrich_document", web_enrich)
    made: list[int] = []
    original = reuse.passages._pair_seeds
    monkeypatch.setattr(reuse.passages, "_pair_seeds",
                        lambda pairs, *rest: made.append(len(pairs)) or original(pairs, *rest))
    index_paths([built[0]], tmp_path / "index", workers=workers)
    assert groups_seen(tmp_path / "index") == groups_seen(built[1])
    if workers == 1:  # in this process: chunk after chunk, the seeds of each at once
        assert len(made) > 1 and sum(made) > max(made)
    else:  # a chunk or so a job, every job given at once to the two processes
        assert len(rounds) == 1 and len(rounds[0]) > 2


def test_two_processes_take_every_job_in_turn_with_one_table_of_seeds(built, tmp_path,
                                                                      monkeypatch):
    """More jobs than processes: the seeds of every pair's documents are found once, before
    the processes are forked, and two processes take the jobs in turn, each opening the index
    once. (At `1m` each of ~15 jobs reads most documents: a process forked for each job found
    their seeds and word bounds again, job after job.)"""
    monkeypatch.setattr(reuse.update, "PARALLEL_PAIRS", 1)
    monkeypatch.setattr(reuse.update, "PAIRS_A_PROCESS", 1)
    monkeypatch.setattr("indexer.documents.enrich_document", web_enrich)
    log = tmp_path / "calls"

    def logged(name, function):
        def call(*args, **kwargs):
            with log.open("a", encoding="utf-8") as handle:
                handle.write(f"{name} {os.getpid()}\n")
            return function(*args, **kwargs)
        return call

    monkeypatch.setattr(reuse.update.ReuseUpdate, "seed_table",
                        logged("table", reuse.update.ReuseUpdate.seed_table))
    monkeypatch.setattr(reuse.update.ReuseUpdate, "_align_chunk",
                        logged("chunk", reuse.update.ReuseUpdate._align_chunk))
    monkeypatch.setattr(indexing, "stored_lookup", logged("opened", indexing.stored_lookup))
    index_paths([built[0]], tmp_path / "index", workers=2)
    assert groups_seen(tmp_path / "index") == groups_seen(built[1])
    calls = [line.split() for line in log.read_text("utf-8").splitlines()]
    here = str(os.getpid())
    chunks = [pid for name, pid in calls if name == "chunk"]
    assert len(chunks) > 2 and here not in chunks and len(set(chunks)) <= 2
    assert [pid for name, pid in calls if name == "table"] == [here]
    opened = [pid for name, pid in calls if name == "opened" and pid != here]
    assert sorted(opened) == sorted(set(chunks))


def test_a_removed_file_leaves_its_groups(built, index_dir):
    corpus = built[0]
    shutil.move(corpus / "vallee.csv", corpus.parent / "vallee.csv")
    try:
        index(corpus, index_dir)
    finally:
        shutil.move(corpus.parent / "vallee.csv", corpus / "vallee.csv")
    assert groups_of(index_dir) == []


def test_groups_out_of_step_with_the_index_are_found_again(built, index_dir):
    # a crash between the index's commit and the groups' files: the next run starts over
    before = [g["titles"] for g in groups_of(index_dir)]
    header = read_page(index_dir)
    header["token"] = "0" * 32
    with (index_dir / reuse.GROUPS).open("wb") as handle:
        reuse.write_groups(handle, header)
    index(built[0], index_dir)  # nothing changed in the files
    assert [g["titles"] for g in groups_of(index_dir)] == before
    assert reuse.ReuseState.current(index_dir, _generation(index_dir))


def test_the_kept_state_reads_back_what_it_wrote(index_dir):
    generation = _generation(index_dir)
    state = reuse.ReuseState.load(index_dir, generation)
    assert state.meta and state.excerpts
    slot = next(iter(state.meta.rows))
    assert state.meta.kind(slot) == state.meta[slot].kind  # read before and after it is built
    groups = reuse.build_groups(state)
    state.save(index_dir, generation, groups)
    again = reuse.ReuseState.load(index_dir, generation)
    assert {s: again.meta[s] for s in again.meta.rows.copy()} == {
        s: state.meta[s] for s in again.meta}
    assert again.excerpts == state.excerpts and again.ids == state.ids
    assert reuse.build_groups(again) == groups


def test_a_state_kept_by_the_previous_version_is_read_as_it_was(index_dir):
    # version 3 kept the documents' details and the excerpts as JSON objects
    generation = _generation(index_dir)
    state = reuse.ReuseState.load(index_dir, generation)
    with np.load(index_dir / reuse.ARRAYS) as data:
        arrays = {k: data[k] for k in data.files if not k.startswith(("meta_", "excerpt_"))}
    header = json.loads(arrays["header"].tobytes())
    header["version"] = 3
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), np.uint8)
    details = json.loads(zlib.decompress(arrays["details"].tobytes()))
    details["meta"] = {str(s): state.meta[s].__dict__ for s in list(state.meta.rows)}
    details["excerpts"] = state.excerpts
    arrays["details"] = np.frombuffer(zlib.compress(json.dumps(details).encode()), np.uint8)
    with (index_dir / reuse.ARRAYS).open("wb") as handle:
        np.savez(handle, **arrays)
    old = reuse.ReuseState.load(index_dir, generation)
    assert dict(old.meta) == {s: state.meta[s] for s in state.meta}
    assert old.excerpts == state.excerpts
    assert reuse.build_groups(old) == reuse.build_groups(state)


def _generation(index_dir: Path) -> int:
    from whoosh import index as whoosh_index

    from indexer.indexing import INDEX_NAME

    return whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME).latest_generation()


# --- the command line

def test_cli_genealogy_names_who_said_it_first(built):
    result = CliRunner().invoke(main, ["genealogy", "--index", str(built[1]),
                                       "un moratoire immédiat sur les nouveaux barrages"])
    assert result.exit_code == 0, result.output
    first = result.output.split("Qui l'a dit en premier : ", 1)[1].splitlines()
    assert first[0] == ("Claire Aubertin, présidente de l'association Rivières vivantes — "
                        "2021-01-10, communiqué")
    assert "3 occurrence(s)" in result.output


def test_cli_genealogy_json_is_the_api_contract(built):
    result = CliRunner().invoke(main, ["genealogy", "--index", str(built[1]), "--json",
                                       "--url", "https://verbatim.example", MORATOIRE])
    data = json.loads(result.output)
    assert list(data) == ["query", "occurrences"]
    dates = [o["date"] for o in data["occurrences"]]
    assert dates == ["2021-01-10", "2021-02-03", "2021-03-15"]
    second = data["occurrences"][1]
    assert list(second) == ["document_id", "title", "date", "place", "kind", "speakers",
                            "quote_speaker", "passage", "similarity", "diff", "url"]
    assert {"op": "replace", "first": "demandons", "here": "réclamons"} in second["diff"]
    assert second["url"].startswith("https://verbatim.example/doc/")


# --- the web app

@pytest.fixture
def client(built):
    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(built[1])})
    yield app.test_client()
    close_catalog(app)


def test_api_genealogy_oldest_first_with_diff_to_the_first(client):
    data = client.get("/api/genealogy", query_string={"q": MORATOIRE}).get_json()
    first, *others = data["occurrences"]
    assert first["similarity"] == 1.0 and first["speakers"][0]["name"] == "Claire Aubertin"
    assert [o["title"] for o in others] == ["Entretien avec le ministre de l'eau",
                                           "Discours devant les maires de la vallée"]
    assert all(0.6 <= o["similarity"] < 1 for o in others)
    assert re.fullmatch(r"http://localhost/doc/[0-9a-f]+\?passage=\d+-\d+#passage",
                        first["url"])


def test_api_genealogy_of_a_reworded_quotation_keeps_its_speaker(client):
    data = client.get("/api/genealogy", query_string={
        "q": "Une rivière qui meurt, c'est un village qui se tait"}).get_json()
    assert [o["quote_speaker"]["name"] for o in data["occurrences"]] == ["Claire Aubertin"] * 2
    assert data["occurrences"][1]["passage"] == "Quand une rivière meurt, tout le village se tait"


def test_api_genealogy_without_a_passage_is_a_400_and_nonsense_finds_nothing(client):
    assert client.get("/api/genealogy").status_code == 400
    data = client.get("/api/genealogy", query_string={"q": "zzz qqq " * 500}).get_json()
    assert data["occurrences"] == []


def test_genealogy_page_answers_who_said_it_first(client):
    page = client.get("/genealogie", query_string={"q": MORATOIRE}).get_data(as_text=True)
    assert "Qui l'a dit en premier" in page
    head = page.split('class="first-line"', 1)[1].split("</p>", 1)[0]
    assert "Claire Aubertin" in head and "10 janvier 2021" in head
    assert "<del" in page and "<ins>réclamons</ins>" in page


def test_talking_points_list_filters_and_exports(client):
    page = client.get("/elements-de-langage").get_data(as_text=True)
    assert "moratoire immédiat" in page and "/genealogie?q=" in page
    data = client.get("/api/talking-points").get_json()
    assert data["items"][0]["documents"] == 3 and data["items"][0]["first"]["date"] == \
        "2021-01-10"
    by_kind = client.get("/api/talking-points", query_string={"kind": "interview"}).get_json()
    assert by_kind["total"] == 0  # one document of that kind cannot repeat anything alone
    spring = client.get("/api/talking-points", query_string={"from": "2021-02"}).get_json()
    assert spring["items"][0]["documents"] == 2
    speaker = client.get("/api/talking-points", query_string={
        "speaker": "claire aubertin"}).get_json()
    assert {i["type"] for i in speaker["items"]} == {"passage", "quote"}
    # a surname typed in the speaker box finds her, as `speaker:Aubertin` does in a search
    surname = client.get("/api/talking-points", query_string={"speaker": "Aubertin"}).get_json()
    assert surname["items"] == speaker["items"]
    assert client.get("/api/talking-points", query_string={"from": "hier"}).status_code == 400
    rows = client.get("/elements-de-langage.csv").get_data(as_text=True).splitlines()
    assert rows[0].lstrip("\ufeff").startswith("passage,documents,speakers")
    assert len(rows) == 1 + data["total"]


def test_document_page_marks_reused_paragraphs_and_quotations(client):
    data = client.get("/api/genealogy", query_string={"q": MORATOIRE}).get_json()
    url = data["occurrences"][0]["url"].replace("http://localhost", "")
    page = client.get(url.split("#")[0]).get_data(as_text=True)
    marked = re.search(r'<mark class="passage" id="passage">([^<]*)', page).group(1)
    assert marked.startswith("Nous demandons un moratoire")
    assert re.search(r'class="reuse-link" href="/genealogie\?q=[^"]+">repris dans 2 autres '
                     r"documents", page)
    assert "citation reprise dans 1 autre document" in page


def test_citations_view_links_a_reused_quotation_to_its_genealogy(client):
    page = client.get("/", query_string={"q": "rivière", "quotes": 1}).get_data(as_text=True)
    assert "reprise dans 1 autre document" in page


# --- the shared corpus

LOIS_DE_LA_PAIX = "Notre pays ne peut plus se contenter des lois de la paix"


def test_lois_de_la_paix_one_genealogy_attributed_to_christian_estrosi(shared_catalog):
    from indexer.genealogy import genealogy

    found = genealogy(shared_catalog, LOIS_DE_LA_PAIX)
    by_title = {o["title"].split(",")[0]: o for o in found["occurrences"]}
    inter = by_title["Interview de M. Bruno Le Maire"]
    info = by_title["Interview de Marlène Schiappa"]
    for occurrence in (inter, info):
        assert occurrence["date"] == "2020-10-30"
        assert occurrence["quote_speaker"]["name"] == "Christian Estrosi"
    assert "s'exonère des lois de la paix" in info["passage"]


def test_lois_de_la_paix_rtl_interview_joins_the_genealogy(shared_catalog):
    # « Christian ESTROSI vous dit : il faut qu'on sorte des lois de la paix »: reported by
    # the interviewer without quotation marks, still Christian Estrosi's words
    from indexer.genealogy import genealogy

    found = genealogy(shared_catalog, LOIS_DE_LA_PAIX)
    rtl = [o for o in found["occurrences"] if "RTL" in (o["title"] or "")]
    assert rtl and rtl[0]["quote_speaker"]["name"] == "Christian Estrosi"


@pytest.mark.parametrize("q", ["\x00\x01 «» <script>alert(1)</script>", "é" * 5000,
                               "mot " * 3000, "   ", "' OR 1=1 --"])
def test_hostile_passages_never_break_the_pages(client, q):
    assert client.get("/genealogie", query_string={"q": q}).status_code == 200
    assert client.get("/api/genealogy", query_string={"q": q}).status_code in (200, 400)


def test_bytes_that_are_not_utf8_never_break_the_pages(client):
    assert client.get("/genealogie?q=%ED%A0%80%FF+moratoire").status_code == 200
    assert client.get("/api/genealogy?q=%ED%A0%80%FF+moratoire").status_code in (200, 400)


@pytest.mark.parametrize("args", [{"page": "999999"}, {"page": "-3"}, {"sort": "<b>"},
                                  {"speaker": "x" * 5000}, {"from": "2021-02-30"},
                                  {"kind": ["a"] * 50}])
def test_hostile_talking_points_arguments(client, args):
    assert client.get("/elements-de-langage", query_string=args).status_code == 200
    assert client.get("/elements-de-langage.csv", query_string=args).status_code == 200
    assert client.get("/api/talking-points", query_string=args).status_code in (200, 400)


def test_a_server_worker_reads_the_reuse_groups_before_its_first_visitor(index_dir):
    from indexer import genealogy
    from webapp import create_app
    from webapp.catalog import close_catalog
    from webapp.server import warm

    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
    groups = str(index_dir / reuse.GROUPS)
    genealogy._cache.pop(groups, None)
    warm(app)
    try:
        assert groups in genealogy._cache  # read, and the talking-points table built
        assert genealogy._tables
    finally:
        close_catalog(app)


def _as_passages_read_it(text: str) -> tuple[list[str], list[tuple[int, int]], list[int],
                                              list[bool]]:
    """A text's words, spans, run fingerprints and which runs count (none with a word
    between parentheses), the slow way: word by word."""
    from indexer.analysis import passage_words

    found = passage_words(text)
    words = [w for w, _, _ in found]
    hashes, valid = reuse.fingerprints(words)
    for match in re.finditer(r"\([^()]{0,400}\)", text):
        inside = [i for i, (_, a, _) in enumerate(found) if match.start() <= a < match.end()]
        for i in inside:
            valid[max(0, i - reuse.GRAM + 1):i + 1] = False
    return words, [(a, b) for _, a, b in found], hashes.tolist(), valid.tolist()


@given(st.lists(st.sampled_from(list("aeiouzlqnt EÉéèêëÇçœŒæÆꝏİı'’‘ʼ´-(),.«»0123\n")
                                + ["e\u0301", "\u0301", "ﬁ", "ß"]), max_size=120).map("".join))
@settings(max_examples=300, deadline=None)
def test_fingerprints_read_the_whole_text_at_once_as_word_by_word(text):
    """`Tokens.of` folds the whole text in one pass when that keeps every character in place
    (NFD accents, « œ » and « İ » take the word-by-word way): same words, spans, runs."""
    tokens = reuse.Tokens.of(text)
    assert (tokens.words, tokens.spans, tokens.hashes.tolist(), tokens.valid.tolist()) == \
        _as_passages_read_it(text)


@given(st.lists(st.sampled_from(list("aeiouzlqnt EÉéèêëÇçœŒæÆꝏİı'’‘ʼ´-(),.«»0123\n")
                                + ["e\u0301", "\u0301", "ﬁ", "ß"]), max_size=120).map("".join),
       st.integers(0, 200), st.integers(1, 40))
@settings(max_examples=300, deadline=None)
def test_tokens_sent_by_a_reading_worker_are_the_documents_own(text, start, length):
    """A reading worker's tokens (pickled: words as one string, arrays as bytes) are those
    of the text; a passage between two words' spans holds the words between them, as the
    alignment takes them for `boilerplate`'s procedure test."""
    tokens = reuse.Tokens.of(text)
    sent = pickle.loads(pickle.dumps(tokens))
    assert (sent.words, sent.spans, sent.hashes.tolist(), sent.valid.tolist(), sent.text) == \
        (tokens.words, tokens.spans, tokens.hashes.tolist(), tokens.valid.tolist(), text)
    a0 = min(start, len(tokens.words))
    a1 = min(a0 + length, len(tokens.words))
    if a0 < a1:
        passage = text[tokens.spans[a0][0]:tokens.spans[a1 - 1][1]]
        assert [w for w, _, _ in passage_words(passage)] == tokens.words[a0:a1]
        assert reuse.boilerplate(passage) == bool(
            reuse.procedure(tokens.words[a0:a1]) or _BOILERPLATE.search(passage))


def test_pairs_beyond_max_partners_are_left_out_as_one_by_one():
    """`_within_partners` (numpy) leaves out the pairs the loop it replaced left out: those
    met when both documents already stood in more than `MAX_PARTNERS` pairs."""
    def one_by_one(keys):
        partners, chosen = {}, []
        for key in keys.tolist():
            a, b = key >> 32, key & 0xFFFFFFFF
            partners[a] = partners.get(a, 0) + 1
            partners[b] = partners.get(b, 0) + 1
            if partners[a] > reuse.MAX_PARTNERS and partners[b] > reuse.MAX_PARTNERS:
                continue
            chosen.append((a, b))
        return chosen

    rng = np.random.default_rng(7)
    for size, documents in ((0, 2), (1, 2), (50, 40), (150_000, 600)):
        a, b = rng.integers(0, documents, size), rng.integers(0, documents, size)
        keys = np.unique(_key(a, b))
        keys = keys[rng.permutation(keys.size)]
        chosen = list(map(tuple, _within_partners(keys).tolist()))
        assert chosen == one_by_one(keys)
        assert len(chosen) < keys.size or size < 150_000  # some left out


def test_the_documents_words_are_found_once_the_records_are_searchable(tmp_path, monkeypatch):
    """The reading workers send no words back: the reuse step finds the words of the
    documents written after their commit (the records searchable), in worker processes when
    there are many; the groups are those of one process."""
    monkeypatch.setattr("indexer.documents.enrich_document", web_enrich)
    # one file a row, and a few of other matters: enough files for the reading workers
    others = [{"title": f"Note {n}", "date": f"2020-0{n}-01", "kind": "communiqué",
               "speakers": "Secrétariat de la vallée",
               "text": f"La permanence numéro {n} du secrétariat ouvrira ses portes le mardi."}
              for n in range(1, 4)]
    for i, row in enumerate(ROWS + others):
        write_corpus(tmp_path / "corpus" / f"part{i:02d}", [row])
    assert len(ROWS + others) >= indexing.PARALLEL_FILES
    monkeypatch.setattr(indexing, "PARALLEL_TOKENS", 2)  # a pool even for these few
    asked = []
    original = indexing._TokenFinder.__call__

    def finder(self, texts):
        with indexing.open_or_create(folder).searcher() as searcher:  # committed already
            asked.append((self.workers, len(texts), searcher.doc_count()))
        found = original(self, texts)
        assert [t.text for t in found] == texts and all(t.hashes.size for t in found)
        return found

    monkeypatch.setattr(indexing._TokenFinder, "__call__", finder)
    taken = []
    before = reuse.ReuseUpdate._ready
    monkeypatch.setattr(reuse.ReuseUpdate, "_ready",
                        lambda self, doc: taken.append(before(self, doc)) or taken[-1])
    folder = tmp_path / "index"
    report = index_paths([tmp_path / "corpus"], folder, workers=2)
    assert taken and not any(taken)  # no words found while the documents were written
    assert asked == [(2, report.documents, asked[0][2])] and asked[0][2] >= report.documents
    assert "tokens" in report.reuse_steps
    asked.clear()
    folder = tmp_path / "serial"
    index_paths([tmp_path / "corpus"], folder, workers=1)
    assert asked and asked[0][0] == 1
    assert groups_seen(tmp_path / "index") == groups_seen(tmp_path / "serial")
    assert groups_seen(tmp_path / "index")


def test_fingerprints_of_real_speeches_match_the_word_by_word_reading(shared):
    path = shared / "vie-publique-discours" / "gyab_statements_2020-11-22.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        texts = [row["text"] for _, row in zip(range(300), rows, strict=False)]
    assert sum(len(t) for t in texts) > 1_000_000
    for text in texts:
        tokens = reuse.Tokens.of(text)
        assert (tokens.words, tokens.spans, tokens.hashes.tolist(), tokens.valid.tolist()) == \
            _as_passages_read_it(text)


def test_the_word_table_grown_and_emptied_keeps_the_word_by_word_reading(shared, monkeypatch):
    """`Tokens.of` numbers each distinct word in a table (its hash and stop-word flag in two
    arrays, grown as words come, emptied past `LIMIT` between documents): real speeches
    read through a table that grows past its first arrays and empties again give the words
    and fingerprints of the word-by-word reading."""
    from indexer.reuse import words

    path = shared / "vie-publique-discours" / "gyab_statements_2020-11-22.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle)
        texts = [row["text"] for _, row in zip(range(120), rows, strict=False)]
    table = words._RunWords()
    table.LIMIT = 3000
    monkeypatch.setattr(words, "_RUN_WORDS", table)
    first, sizes, emptied = table.hashes.size, set(), 0
    for text in texts:
        before = len(table)
        tokens = reuse.Tokens.of(text)
        emptied += len(table) < before
        sizes.add(table.hashes.size)
        assert (tokens.words, tokens.spans, tokens.hashes.tolist(), tokens.valid.tolist()) == \
            _as_passages_read_it(text)
    assert max(sizes) > first and emptied


def test_stage_directions_between_parentheses_make_no_fingerprint():
    """Each run of four words holding a word between parentheses counts for nothing,
    whatever stands around: several directions, one at the start, an empty pair."""
    text = ("(Applaudissements.) Nous ne laisserons aucun village sans eau (Très bien ! sur "
            "les bancs du groupe SRC) cet été () ni l’hiver prochain, croyez-le.")
    tokens = reuse.Tokens.of(text)
    assert tokens.words[:3] == ["applaudissements", "nous", "ne"]
    counted = [" ".join(tokens.words[k:k + reuse.GRAM])
               for k in np.flatnonzero(tokens.valid).tolist()]
    assert counted == ["nous ne laisserons aucun", "ne laisserons aucun village",
                       "laisserons aucun village sans", "aucun village sans eau",
                       "cet ete ni hiver", "ete ni hiver prochain", "ni hiver prochain croyez",
                       "hiver prochain croyez le"]
    assert (tokens.words, tokens.spans, tokens.hashes.tolist(), tokens.valid.tolist()) == \
        _as_passages_read_it(text)


def test_ligatures_are_read_in_one_pass_as_word_by_word():
    """« œ » and « æ » fold to two letters; the text is still folded whole (its spans found
    from it when asked, not sent), with the words and runs of the word-by-word reading. A
    text holding the stand-in letters themselves (ꝏ, ꜳ) keeps them as they are."""
    text = "Mes vœux (Applaudissements.) pour l’Œuvre de Lætitia, au cœur de l'œuvre commune."
    tokens = reuse.Tokens.of(text)
    assert tokens.words == ["mes", "voeux", "applaudissements", "pour", "oeuvre", "de",
                            "laetitia", "au", "coeur", "de", "oeuvre", "commune"]
    assert tokens.__getstate__()[1] is None
    assert (tokens.words, tokens.spans, tokens.hashes.tolist(), tokens.valid.tolist()) == \
        _as_passages_read_it(text)
    odd = "Le signe ꝏ n'est pas le cœur"
    assert reuse.Tokens.of(odd).words[:3] == ["le", "signe", "ꝏ"]
    assert (reuse.Tokens.of(odd).words, reuse.Tokens.of(odd).hashes.tolist()) == \
        tuple(_as_passages_read_it(odd)[i] for i in (0, 2))
