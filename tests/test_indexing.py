"""Indexing: a folder becomes an index; a second run re-reads only what changed."""

import gc
import os
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from indexer import indexing
from indexer.document import Document, Quote, Speaker, document_id
from indexer.indexing import INDEX_NAME, index_paths, iter_files
from indexer.schema import build_schema, document_fields, stored_document

RELEASES = {
    "alerte.txt": "Lyon, le 3 mars 2023\n\nLes lanceurs d’alerte doivent être protégés, a "
    "déclaré la présidente de la fédération.\n",
    "secheresse.txt": "Paris, le 12 juillet 2022\n\nLa sécheresse menace l'eau potable de "
    "plusieurs communes.\n",
    "notes/barrage.txt": "Le barrage de Montclair sera démantelé en 2025.\n",
}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "docs"
    for name, text in RELEASES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root


def run(folder, index_dir):
    return index_paths([folder], index_dir, workers=1)


def test_first_run_adds_every_file(folder, tmp_path):
    report = run(folder, tmp_path / "ix")
    assert (report.added, report.documents, report.total) == (3, 3, 3)
    assert report.skipped == []


def test_second_run_reads_nothing_when_nothing_changed(folder, tmp_path):
    run(folder, tmp_path / "ix")
    report = run(folder, tmp_path / "ix")
    assert (report.added, report.updated, report.unchanged, report.documents) == (0, 0, 3, 0)


def test_touched_but_identical_file_is_unchanged(folder, tmp_path):
    run(folder, tmp_path / "ix")
    path = folder / "alerte.txt"
    os.utime(path, ns=(1, 1))
    assert run(folder, tmp_path / "ix").unchanged == 3


def test_changed_file_is_updated_and_removed_file_is_removed(folder, tmp_path):
    run(folder, tmp_path / "ix")
    (folder / "alerte.txt").write_text("Texte entièrement réécrit sur la pêche.", "utf-8")
    (folder / "secheresse.txt").unlink()
    report = run(folder, tmp_path / "ix")
    assert (report.updated, report.removed, report.unchanged, report.total) == (1, 1, 1, 2)


def test_unknown_format_is_skipped_with_a_reason(folder, tmp_path):
    (folder / "photo.bmp").write_bytes(b"BM")
    report = run(folder, tmp_path / "ix")
    assert report.skipped == [("photo.bmp", "format inconnu (.bmp)")]


def test_an_index_inside_the_folder_is_not_read_as_documents(folder):
    # `verbatim index .` with the index in ./verbatim-index, its OCR cache inside it
    first = run(folder, folder / "verbatim-index")
    (folder / "verbatim-index" / "ocr-cache").mkdir(exist_ok=True)
    (folder / "verbatim-index" / "ocr-cache" / "scan.txt").write_text("Texte reconnu.", "utf-8")
    again = run(folder, folder / "verbatim-index")
    assert (again.added, again.unchanged, again.skipped) == (0, first.added, [])
    assert again.total == first.total


def test_symbolic_links_are_not_followed_and_the_report_says_so(folder, tmp_path):
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir()
    (elsewhere / "confidentiel.txt").write_text("Note interne sur la pêche.", "utf-8")
    (folder / "raccourci.txt").symlink_to(elsewhere / "confidentiel.txt")
    (folder / "archives").symlink_to(elsewhere, target_is_directory=True)
    report = run(folder, tmp_path / "ix")
    assert report.total == 3  # the folder's own three files, nothing from elsewhere
    assert sorted(report.skipped) == [
        ("archives", "lien symbolique non suivi : indexez ce qu'il désigne"),
        ("raccourci.txt", "lien symbolique non suivi : indexez ce qu'il désigne")]


def test_unreadable_file_is_skipped_and_the_others_indexed(folder, tmp_path):
    (folder / "vide.txt").write_bytes(b"")
    report = run(folder, tmp_path / "ix")
    assert [s for s, _ in report.skipped] == ["vide.txt"]
    assert report.total == 3


def test_exact_duplicate_is_indexed_once(folder, tmp_path):
    (folder / "notes" / "copie.txt").write_text(RELEASES["notes/barrage.txt"], "utf-8")
    report = run(folder, tmp_path / "ix")
    assert (report.documents, report.duplicates) == (3, 1)


def test_dated_copy_is_listed_as_the_same_statement(folder, tmp_path):
    (folder / "copie.txt").write_text(RELEASES["alerte.txt"], "utf-8")
    report = run(folder, tmp_path / "ix")
    assert (report.documents, report.alternates) == (3, 1)


def test_duplicate_takes_over_when_its_original_is_removed(folder, tmp_path):
    (folder / "zz-copie.txt").write_text(RELEASES["alerte.txt"], "utf-8")
    run(folder, tmp_path / "ix")
    (folder / "alerte.txt").unlink()
    report = run(folder, tmp_path / "ix")
    assert report.total == 3


def test_document_ids_are_stable_across_runs(folder, tmp_path):
    run(folder, tmp_path / "a")
    run(folder, tmp_path / "b")
    ids = []
    for name in ("a", "b"):
        ix = whoosh_index.open_dir(str(tmp_path / name), indexname=INDEX_NAME)
        with ix.searcher() as s:
            ids.append(sorted(f["id"] for f in s.all_stored_fields()))
    assert ids[0] == ids[1]
    assert document_id("alerte.txt") in ids[0]


def test_indexing_two_folders_keeps_both(folder, tmp_path):
    other = tmp_path / "autres"
    other.mkdir()
    (other / "tribune.txt").write_text("Une tribune sur la biodiversité.", "utf-8")
    run(folder, tmp_path / "ix")
    assert index_paths([other], tmp_path / "ix", workers=1).total == 4


def test_parallel_reading_gives_the_same_index(folder, tmp_path):
    for i in range(8):
        (folder / f"extra{i}.txt").write_text(f"Communiqué numéro {i} sur l'eau.", "utf-8")
    serial = index_paths([folder], tmp_path / "s", workers=1)
    parallel = index_paths([folder], tmp_path / "p", workers=2)
    assert (serial.total, serial.documents) == (parallel.total, parallel.documents) == (11, 11)


def _frozen_objects(job):
    """`_read` in a reading worker, telling how many of its objects the collector skips."""
    return [gc.get_freeze_count()], None


def test_reading_workers_leave_the_parents_objects_to_the_parent(folder, monkeypatch):
    # forked with the collector's objects frozen (a worker's full collections skip them), and
    # the parent's collections as before once the workers are started
    monkeypatch.setattr(indexing, "_read", _frozen_objects)
    jobs = [(path, folder) for path, _ in iter_files([folder])] * 3
    assert len(jobs) >= indexing.PARALLEL_FILES
    results = list(indexing._read_all(jobs, 2))
    assert len(results) == len(jobs)
    assert all(frozen > 1000 for (frozen,), _ in results)
    assert gc.get_freeze_count() == 0


def test_documents_read_stay_out_of_the_collector_until_the_run_ends(folder, tmp_path):
    # what the files read gave lives to the run's end: the collector does not walk it again
    # after each file; once the run is over, it walks everything as before
    frozen = []
    report = index_paths([folder], tmp_path / "ix", workers=1,
                         progress=lambda *_: frozen.append(gc.get_freeze_count()))
    assert report.documents == 3 and len(frozen) == 3
    assert frozen[0] == 0 and frozen[1] > 0 and frozen[2] >= frozen[1]
    assert gc.get_freeze_count() == 0


def test_a_run_that_fails_leaves_nothing_out_of_the_collector(folder, tmp_path):
    def progress(source, total, ocr_pages):
        if gc.get_freeze_count():
            raise RuntimeError("disque plein")

    with pytest.raises(RuntimeError, match="disque plein"):
        index_paths([folder], tmp_path / "ix", workers=1, progress=progress)
    assert gc.get_freeze_count() == 0


def test_schema_round_trip_keeps_every_field(tmp_path):
    doc = Document(
        id=document_id("cp.md"), source="cp.md", format="md", text="« Nous agirons », a dit X.",
        kind="communiqué", title="Titre", date="2023-03-14", place="Lyon",
        speakers=[Speaker("Claire Aubertin", "présidente")], themes=["Eau potable"],
        quotes=[Quote("Nous agirons", 2, 14, "Claire Aubertin", "présidente", "a dit")],
        lang="fr", root=str(tmp_path), meta={"subtitle": "Sous-titre"},
    )
    ix = whoosh_index.create_in(str(tmp_path), build_schema(), indexname=INDEX_NAME)
    with ix.writer() as w:
        w.add_document(**document_fields(doc, "hash"))
    with ix.searcher() as s:
        assert stored_document(s.document(id=doc.id)) == doc


def test_hidden_files_and_symlinks_are_not_read(folder, tmp_path):
    (folder / ".cache.txt").write_text("caché", "utf-8")
    outside = tmp_path / "dehors.txt"
    outside.write_text("hors du dossier", "utf-8")
    Path(folder / "lien.txt").symlink_to(outside)
    assert run(folder, tmp_path / "ix").total == 3


def test_second_indexer_waits_then_stops_naming_the_lock(folder, tmp_path):
    from whoosh.util.filelock import try_for

    from indexer.indexing import RUN_LOCK, IndexBusy, open_or_create

    ix = open_or_create(tmp_path / "ix")
    held = ix.storage.lock(RUN_LOCK)
    assert try_for(held.acquire, timeout=1)
    try:
        with pytest.raises(IndexBusy, match=RUN_LOCK):
            index_paths([folder], tmp_path / "ix", workers=1, lock_timeout=0.5)
    finally:
        held.release()
    assert index_paths([folder], tmp_path / "ix", workers=1).total == 3


RELEASE = (
    "Lyon, le 14 mars 2023\n\n"
    "La Fédération des Rivières Vivantes porte plainte contre la Compagnie des Eaux du Val "
    "de Vère après la révélation de dépassements dissimulés au captage des Grèves. "
    "« Nous avons attendu six mois une réponse », a déclaré Claire Aubertin, présidente."
)


@pytest.fixture
def formats(tmp_path):
    root = tmp_path / "formats"
    (root / "html").mkdir(parents=True)
    (root / "md").mkdir()
    (root / "md" / "plainte.md").write_text(f"---\ntitle: Plainte\n---\n{RELEASE}\n", "utf-8")
    (root / "html" / "plainte.html").write_text(
        "<html lang='fr'><body><nav>Accueil</nav><main><h1>Plainte</h1>"
        + "".join(f"<p>{p}</p>" for p in RELEASE.split("\n\n")) + "</main></body></html>",
        "utf-8")
    (root / "autre.txt").write_text("Lyon, le 14 mars 2023\n\nUn tout autre sujet : la pêche.",
                                    "utf-8")
    return root


def docs_in(index_dir):
    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    with ix.searcher() as s:
        return {f["source"]: stored_document(f) for f in s.all_stored_fields()
                if f["type"] == "doc"}


def test_same_release_in_two_formats_is_one_document_listing_the_other(formats, tmp_path):
    report = run(formats, tmp_path / "ix")
    assert (report.documents, report.alternates) == (2, 1)
    docs = docs_in(tmp_path / "ix")
    assert set(docs) == {"html/plainte.html", "autre.txt"}
    assert [(a["source"], a["format"]) for a in docs["html/plainte.html"].alternates] == [
        ("md/plainte.md", "md")]


def test_alternate_added_later_joins_the_indexed_statement(formats, tmp_path):
    (formats / "md" / "plainte.md").unlink()
    run(formats, tmp_path / "ix")
    (formats / "md" / "plainte.md").write_text(f"---\ntitle: Plainte\n---\n{RELEASE}\n", "utf-8")
    report = run(formats, tmp_path / "ix")
    assert (report.added, report.alternates) == (1, 1)
    assert len(docs_in(tmp_path / "ix")["html/plainte.html"].alternates) == 1


def test_removing_an_alternate_updates_its_statement(formats, tmp_path):
    run(formats, tmp_path / "ix")
    (formats / "md" / "plainte.md").unlink()
    run(formats, tmp_path / "ix")
    assert docs_in(tmp_path / "ix")["html/plainte.html"].alternates == []


def test_removing_the_statement_promotes_its_alternate(formats, tmp_path):
    run(formats, tmp_path / "ix")
    (formats / "html" / "plainte.html").unlink()
    report = run(formats, tmp_path / "ix")
    docs = docs_in(tmp_path / "ix")
    assert set(docs) == {"md/plainte.md", "autre.txt"} and report.total == 2


def test_run_with_nothing_changed_commits_nothing(folder, tmp_path):
    from indexer.indexing import open_or_create

    run(folder, tmp_path / "ix")
    generation = open_or_create(tmp_path / "ix").latest_generation()
    run(folder, tmp_path / "ix")
    assert open_or_create(tmp_path / "ix").latest_generation() == generation


@pytest.mark.parametrize(("files", "sidecar"), [
    (["seance.xml", "metadata.csv"], "metadata.csv"),
    (["lot.csv", "lot.columns.yaml"], "lot.columns.yaml"),
])
def test_sidecars_are_read_with_their_data_files_not_listed(tmp_path, files, sidecar):
    for name in files:
        (tmp_path / name).write_text("x", encoding="utf-8")
    listed = [p.name for p, _ in iter_files([tmp_path])]
    assert sidecar not in listed and len(listed) == 1


def test_a_lone_metadata_csv_is_still_a_data_file(tmp_path):
    (tmp_path / "metadata.csv").write_text("titre,texte\nA,B\n", encoding="utf-8")
    assert [p.name for p, _ in iter_files([tmp_path])] == ["metadata.csv"]
