"""« Voir le fichier d'origine » of a statement taken from one row of a CSV or JSON Lines file
serves that row, named by where it is (its lines, its row in a spreadsheet), not the whole
export; and no original is sent for the browser to render past `INLINE_TEXT_BYTES` (session
36, F14: one interview of a 3.8 MB vie-publique export sent all 427 rows)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import web_client

HEADER = "title,date,text,speakers\n"
SECHERESSE = ('"Déclaration de Mme Claire Aubertin sur la sécheresse",2022-07-12,'
              '"<p>Mesdames et Messieurs,</p>\n<p>62 des 140 stations de suivi enregistrent '
              'des débits inférieurs au seuil d\'alerte.</p>\n<p>Nous demandons trois choses '
              'à l\'État.</p>",Claire Aubertin\n')
LOUTRE = ('"Communiqué sur le retour de la loutre",2023-03-02,"La loutre est revenue sur '
          'la Vère, a annoncé Malik Benhaddou.",Malik Benhaddou\n')
CASTOR = ('"Communiqué sur les castors de l\'Orbize",2023-04-11,"Les castors ont bâti un '
          'barrage sur l\'Orbize.",Malik Benhaddou\n')
MOVED = HEADER + CASTOR + CASTOR.replace("castors", "deux castors") + HEADER + SECHERESSE
JSONL = [{"titre": "Plainte contre la Compagnie des Eaux", "date": "2023-03-14",
          "texte": "La Fédération des Rivières Vivantes porte plainte contre la Compagnie "
                   "des Eaux du Val de Vère."},
         {"titre": "Ouverture de la pêche", "date": "2024-04-04",
          "texte": "La pêche de la truite ouvre samedi sur l'Orbize."}]


@pytest.fixture
def served(tmp_path):
    """An app over a folder holding a CSV export (a multi-line cell, the header repeated in
    the middle as scrapers do) and a JSON Lines export; yields (client, folder)."""
    from indexer.indexing import index_paths
    from webapp import create_app
    from webapp.catalog import close_catalog

    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "declarations.csv").write_text(HEADER + LOUTRE + HEADER + SECHERESSE, "utf-8")
    (folder / "communiques.jsonl").write_text(
        "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in JSONL), "utf-8")
    index_paths([folder], tmp_path / "ix", workers=1)
    app = create_app({"TESTING": True, "INDEX_DIR": str(tmp_path / "ix")})
    yield app.test_client(), folder
    close_catalog(app)


def _id(client, q: str) -> str:
    (hit,) = client.get("/api/search", query_string={"q": q}).get_json()["results"]
    return hit["id"]


def _text(client, url: str) -> tuple[str, dict]:
    response = client.get(url)
    try:
        assert response.status_code == 200, url
        return response.get_data(as_text=True), dict(response.headers)
    finally:
        response.close()


def test_a_csv_row_is_served_alone_and_named_by_its_lines_and_spreadsheet_row(served):
    client, _ = served
    ident = _id(client, "stations seuil")
    page, _ = _text(client, f"/doc/{ident}")
    # row 1 the header, 2 the otter, 3 the header again, 4 the drought on lines 4 to 6
    assert "(ligne 4 dans un tableur, lignes 4 à 6 du fichier)" in page
    assert "Voir cet enregistrement dans le fichier d'origine" in page
    row, headers = _text(client, f"/file/{ident}")
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    assert row.startswith("Fichier\u00a0: declarations.csv\nEnregistrement\u00a0: ligne 4 dans "
                          "un tableur (l'en-tête est la ligne 1), lignes 4 à 6 du fichier\n")
    assert "title\u00a0: Déclaration de Mme Claire Aubertin sur la sécheresse\n" in row
    assert "<p>62 des 140 stations de suivi" in row  # the cell as the file writes it
    assert "loutre" not in row  # nothing of the other rows


def test_a_csv_row_is_also_given_as_a_csv_of_the_header_and_that_row(served):
    client, _ = served
    data, headers = _text(client, f"/file/{_id(client, 'stations seuil')}?format=csv")
    assert headers["Content-Type"] == "text/csv; charset=utf-8"
    assert headers["Content-Disposition"] == 'attachment; filename="declarations-ligne-4.csv"'
    assert data == HEADER + SECHERESSE
    (record,) = csv.DictReader(io.StringIO(data))
    assert record["speakers"] == "Claire Aubertin"


def test_a_rows_download_is_named_by_the_spreadsheet_row_the_page_gives(tmp_path):
    # a multi-line cell before it: the otter is row 3 in a spreadsheet, line 5 of the file
    # (vie-publique's export: « ligne 344 dans un tableur, lignes 12 364 à 12 454 du
    # fichier », downloaded as « …-ligne-12364.csv »)
    from indexer.indexing import index_paths

    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "declarations.csv").write_text(HEADER + SECHERESSE + LOUTRE, "utf-8")
    index_paths([folder], tmp_path / "ix", workers=1)
    for client in web_client(tmp_path / "ix"):
        ident = _id(client, "loutre revenue")
        assert "(ligne 3 dans un tableur, ligne 5 du fichier)" in _text(client, f"/doc/{ident}")[0]
        data, headers = _text(client, f"/file/{ident}?format=csv")
        assert headers["Content-Disposition"] == \
            'attachment; filename="declarations-ligne-3.csv"'
        assert data == HEADER + LOUTRE


def test_the_whole_export_stays_one_link_away(served):
    client, folder = served
    ident = _id(client, "loutre revenue")
    assert "lignes" not in _text(client, f"/file/{ident}")[0].split("\n")[1]  # one line
    whole, _ = _text(client, f"/file/{ident}?whole=1")
    assert whole == (folder / "declarations.csv").read_text("utf-8")
    assert f'href="/file/{ident}?whole=1"' in _text(client, f"/doc/{ident}")[0]


def test_a_json_lines_record_is_its_line(served):
    client, _ = served
    ident = _id(client, "Compagnie Eaux plainte")
    assert "(ligne 1 du fichier)" in _text(client, f"/doc/{ident}")[0]
    row, _ = _text(client, f"/file/{ident}")
    assert "Enregistrement\u00a0: ligne 1 du fichier\n" in row
    assert "titre\u00a0: Plainte contre la Compagnie des Eaux\n" in row and "truite" not in row
    line, headers = _text(client, f"/file/{ident}?format=csv")
    assert headers["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert json.loads(line) == JSONL[0]


def test_a_row_moved_by_an_edit_is_still_found_and_a_row_deleted_is_404(served):
    client, folder = served
    drought = _id(client, "stations seuil")
    otter = _id(client, "loutre revenue")
    # the desk puts two releases in place of the otter's
    (folder / "declarations.csv").write_text(MOVED, "utf-8")
    row, _ = _text(client, f"/file/{drought}")  # the index still says lines 4 to 6
    assert "lignes 5 à 7 du fichier" in row
    assert "stations de suivi" in row and "castors" not in row
    gone = client.get(f"/file/{otter}")
    assert gone.status_code == 404
    assert "le fichier a changé depuis qu&#39;il a été indexé" in gone.get_data(as_text=True)


def test_a_moved_row_is_not_looked_for_in_a_file_past_the_scan_limit(served, monkeypatch):
    from indexer.readers import rows

    client, folder = served
    drought = _id(client, "stations seuil")
    (folder / "declarations.csv").write_text(MOVED, "utf-8")
    size = (folder / "declarations.csv").stat().st_size
    monkeypatch.setattr(rows, "MAX_SCAN_BYTES", size - 1)  # not read again
    assert client.get(f"/file/{drought}").status_code == 404
    monkeypatch.setattr(rows, "MAX_SCAN_BYTES", size)
    assert "lignes 5 à 7 du fichier" in _text(client, f"/file/{drought}")[0]


def test_a_big_text_original_is_downloaded_with_its_size_not_shown(served, monkeypatch):
    from webapp import originals

    client, folder = served
    (folder / "seance.txt").write_text(
        "Lyon, le 4 avril 2024\n\nLa Fédération des Rivières Vivantes a tenu son assemblée "
        "générale. « Les alevins lâchés en mars se portent bien », a déclaré Claire "
        "Aubertin.\n", "utf-8")
    from indexer.indexing import index_paths

    index_paths([folder], client.application.config["INDEX_DIR"], workers=1)
    ident = _id(client, "alevins assemblée")
    size = (folder / "seance.txt").stat().st_size
    shown, headers = _text(client, f"/file/{ident}")
    assert headers["Content-Disposition"].startswith("inline")
    monkeypatch.setattr(originals, "INLINE_TEXT_BYTES", size - 1)
    page, _ = _text(client, f"/doc/{ident}")
    assert f"Télécharger le fichier d'origine</a> ({size}\u00a0octets)" in page
    data, headers = _text(client, f"/file/{ident}")
    assert headers["Content-Disposition"].startswith("attachment; filename=seance.txt")
    assert data == shown


def test_a_row_is_read_alone_not_with_the_whole_export(served, monkeypatch):
    """One row of the 3.8 MB vie-publique export cost 55 ms and 52 MB of memory a request:
    the whole file was read for it, whatever its size. The index keeps the row's bytes."""
    from pathlib import Path

    client, folder = served
    drought, compagnie = _id(client, "stations seuil"), _id(client, "Compagnie Eaux plainte")
    whole = Path.read_bytes

    def no_whole_export(path: Path) -> bytes:
        assert path.parent != folder, f"{path.name} read whole for one of its rows"
        return whole(path)

    monkeypatch.setattr(Path, "read_bytes", no_whole_export)
    data, _ = _text(client, f"/file/{drought}?format=csv")
    assert data == HEADER + SECHERESSE
    assert "lignes 4 à 6 du fichier" in _text(client, f"/file/{drought}")[0]
    line, _ = _text(client, f"/file/{compagnie}?format=csv")
    assert json.loads(line) == JSONL[0]


def test_a_windows_export_row_is_served_as_its_file_writes_it(tmp_path):
    # a spreadsheet's « CSV (séparateur : point-virgule) » on Windows: cp1252, CRLF, « ; »
    from indexer.indexing import index_paths

    folder = tmp_path / "exports"
    folder.mkdir()
    rows = ("titre;date;discours\r\n"
            "Vœux de la présidente;2025-01-16;« Nous avons gagné le Lisson », a dit Claire "
            "Aubertin.\r\n"
            "Plan d'urgence sécheresse;2022-08-10;La Vère est à sec sur 12 km.\r\n")
    (folder / "discours.csv").write_bytes(rows.encode("cp1252"))
    index_paths([folder], tmp_path / "ix", workers=1)
    for client in web_client(tmp_path / "ix"):
        data, _ = _text(client, f"/file/{_id(client, 'Vère sec')}?format=csv")
        assert data == "titre;date;discours\r\nPlan d'urgence sécheresse;2022-08-10;La Vère " \
                       "est à sec sur 12 km.\r\n"
        shown, _ = _text(client, f"/file/{_id(client, 'gagné Lisson')}")
        assert "discours\u00a0: « Nous avons gagné le Lisson », a dit Claire Aubertin." in shown
