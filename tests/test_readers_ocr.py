"""OCR of scans and images: scanned PDFs, a PDF typed on one page and scanned on the other,
photos of statements; the cache, --no-ocr, a machine without Tesseract, the document page.

The scans are the demo corpus's own (corpus/make_formats.py): a few pages in all, since each
takes seconds. Under CI (VERBATIM_REQUIRE_SHARED=1) a missing Tesseract fails these tests.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer.indexing import index_paths
from indexer.readers import Unreadable, ocr, read_records
from indexer.readers.ocr import OcrLine, paragraph_lines
from tests.conftest import DEMO

SCANS = DEMO / "scans"
SCANNED = SCANS / "2022-02-03-captage-des-greves-scan.pdf"
MIXED = SCANS / "2024-12-05-accord-chambre-agriculture.pdf"
PHOTO = SCANS / "2023-04-12-declaration-photo.png"


@pytest.fixture(autouse=True)
def tesseract():
    """Skip (or fail under CI) when Tesseract's French model or tesserocr is missing."""
    ocr.configure(True, None)
    reason = ocr.unavailable()
    if reason:
        if os.environ.get("VERBATIM_REQUIRE_SHARED") == "1":
            pytest.fail(f"{reason} (CI installs it: .ci/run)")
        pytest.skip(reason)


def verbatim(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the real `verbatim` command."""
    return subprocess.run([str(Path(sys.executable).with_name("verbatim")), *args],
                          capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def scans_index(tmp_path_factory):
    """The demo scans indexed by `verbatim index --json`, then again with --rebuild."""
    base = tmp_path_factory.mktemp("ocr")
    folder = base / "scans"
    shutil.copytree(SCANS, folder)
    index_dir = base / "index"
    first = verbatim("index", str(folder), "--index", str(index_dir), "--json")
    rebuilt = verbatim("index", "--rebuild", "--index", str(index_dir), "--json")
    return folder, index_dir, first, rebuilt


def test_scanned_pdf_is_read_by_ocr_and_the_extraction_finds_date_speaker_and_quote():
    ocr.configure(True, None)
    (record,) = read_records(SCANNED)
    assert record.meta["ocr"]["pages"] == [1]
    assert record.meta["ocr"]["engine"].startswith("tesseract")
    assert "Captage des Grèves : la FRV demande une enquête publique" in record.text
    assert "Montclair, le 3 février 2022" in record.text
    from indexer.documents import documents_from_file

    (doc,) = documents_from_file(SCANNED, DEMO)
    assert doc.date == "2022-02-03"
    assert "Claire Aubertin" in [s.name for s in doc.speakers]
    (quote,) = [q for q in doc.quotes if q.is_speech]
    assert quote.text.startswith("Les habitants ont le droit de savoir ce qu'ils boivent")
    assert quote.speaker == "Claire Aubertin"


def test_a_pdf_typed_and_scanned_gets_ocr_on_its_scanned_page_only():
    (record,) = read_records(MIXED)
    assert record.meta["ocr"]["pages"] == [2]
    # the typed page keeps its own text layer, the scanned annex follows it
    typed = record.text.index("« Cet accord prouve que l'eau potable et l'agriculture")
    annex = record.text.index("Annexe : engagement signé")
    assert typed < annex
    assert "Bernard Vasseur, président" in record.text


def test_a_photo_of_a_statement_is_read():
    (record,) = read_records(PHOTO)
    assert record.meta["ocr"]["pages"] == [1]
    assert "quarante-deux frayères de truites" in record.text
    assert "Sophie Lemaire-Dufour, porte-parole de la FRV" in record.text


def test_cli_indexes_scans_counts_ocr_pages_and_finds_them(scans_index):
    _folder, index_dir, first, _ = scans_index
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["skipped"] == []
    assert report["ocr_pages"] == 3 and report["ocr_cached"] == 0
    done = verbatim("search", "frayères truites", "--index", str(index_dir), "--json")
    sources = [hit["source"] for hit in json.loads(done.stdout)["results"]]
    assert sources[0] == "2023-04-12-declaration-photo.png"


def test_a_rebuild_takes_every_page_from_the_ocr_cache(scans_index):
    _folder, index_dir, _, rebuilt = scans_index
    assert rebuilt.returncode == 0, rebuilt.stderr
    report = json.loads(rebuilt.stdout)
    assert report["ocr_pages"] == 3 and report["ocr_cached"] == 3
    assert (index_dir / "ocr-cache").is_dir()


def test_a_copy_under_another_name_is_not_read_twice(scans_index, tmp_path):
    folder, index_dir, _, _ = scans_index
    copy = tmp_path / "copie"
    copy.mkdir()
    shutil.copy(PHOTO, copy / "la-meme-photo.png")
    report = index_paths([copy], index_dir, ocr_cache=index_dir / "ocr-cache")
    assert (report.ocr_pages, report.ocr_cached) == (1, 1)
    del folder


def test_document_page_says_the_text_came_from_ocr(scans_index):
    from webapp import create_app
    from webapp.catalog import close_catalog

    _folder, index_dir, _, _ = scans_index
    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
    try:
        client = app.test_client()
        found = client.get("/api/search?q=frayères").get_json()
        page = client.get(f"/doc/{found['results'][0]['id']}").get_data(as_text=True)
        typed = client.get("/api/search?q=Vasseur").get_json()
        assert "reconnaissance de caractères" in page
        # the mixed PDF's annex was read by OCR too: its page says so
        mixed = client.get(f"/doc/{typed['results'][0]['id']}").get_data(as_text=True)
        assert "texte issu d'une reconnaissance de caractères" in mixed
    finally:
        close_catalog(app)


def test_no_ocr_skips_images_and_scans_with_the_reason(tmp_path):
    folder = tmp_path / "scans"
    shutil.copytree(SCANS, folder)
    done = verbatim("index", str(folder), "--index", str(tmp_path / "index"), "--no-ocr",
                    "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    reasons = dict(report["skipped"])
    photo = reasons["2023-04-12-declaration-photo.png"]
    assert photo == "image non lue : OCR désactivée (--no-ocr)"
    assert reasons["2022-02-03-captage-des-greves-scan.pdf"].endswith("OCR désactivée (--no-ocr)")
    # the typed page of the mixed PDF is still indexed, without its scanned annex
    assert "2024-12-05-accord-chambre-agriculture.pdf" not in reasons
    assert report["ocr_pages"] == 0


def test_without_tesseract_the_report_says_how_to_install_it(tmp_path):
    folder = tmp_path / "scans"
    folder.mkdir()
    shutil.copy(PHOTO, folder)
    # a machine without the French model: no folder holds fra.traineddata
    done = verbatim("index", str(folder), "--index", str(tmp_path / "index"),
                    env={"VERBATIM_TESSDATA": str(tmp_path / "vide")})
    assert done.returncode == 0, done.stderr
    assert "apt-get install tesseract-ocr tesseract-ocr-fra" in done.stdout


def test_without_the_ocr_extra_an_image_is_skipped_with_how_to_install_it():
    # a default install: neither Pillow nor tesserocr importable
    code = (
        "import sys\n"
        "class Absent:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PIL', 'tesserocr'):\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Absent())\n"
        "from pathlib import Path\n"
        "from indexer.readers import Unreadable, read_records\n"
        "try:\n"
        "    read_records(Path(sys.argv[1]))\n"
        "except Unreadable as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(PHOTO)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("image non lue : OCR impossible : module tesserocr absent")
    assert "pip install" in done.stdout and "\n" == done.stdout[-1:]


def test_a_blank_scan_is_skipped_with_a_reason(tmp_path):
    from PIL import Image

    path = tmp_path / "page-blanche.png"
    Image.new("L", (1240, 1754), 250).save(path)
    with pytest.raises(Unreadable, match="aucun texte reconnu"):
        read_records(path)


def test_an_image_declaring_a_billion_pixels_is_refused_before_decoding(tmp_path):
    from PIL import Image

    path = tmp_path / "bombe.png"
    Image.new("1", (40_000, 40_000), 1).save(path)  # 200 KB on disk, 1.6 gigapixel decoded
    with pytest.raises(Unreadable, match=r"^image refusée : 1 600 000 000 pixels.*bombe"):
        read_records(path)


def test_lines_become_paragraphs_at_gaps_and_short_closing_lines():
    def line(text, top, right=900, starts=False):
        return OcrLine(text, (100, top, right, top + 30), starts)

    lines = [line("Lyon, le 5 mars 2015.", 0, 400, True), line("Le comité salue la", 45),
             line("décision des juges.", 90, 500), line("Il appelle à la", 135),
             line("vigilance.", 180, 300), line("Contact presse", 300)]
    assert paragraph_lines(lines) == [
        ["Lyon, le 5 mars 2015."], ["Le comité salue la", "décision des juges."],
        ["Il appelle à la", "vigilance."], ["Contact presse"],
    ]
