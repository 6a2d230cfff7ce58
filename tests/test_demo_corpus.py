"""The bundled demo corpus: every supported format, indexed and searchable."""

import csv
import io
from collections import Counter

import pytest

from indexer.search import SearchRequest, open_catalog, search


@pytest.fixture(scope="module")
def demo(demo_index_built):
    index_dir, report = demo_index_built  # the run's one index of the demo, and its report
    catalog = open_catalog(index_dir)
    yield catalog, report
    catalog.close()


def test_every_supported_format_is_in_the_demo(demo):
    catalog, _ = demo
    formats = Counter(f["format"] for f in catalog.searcher().reader().all_stored_fields()
                      if f["type"] == "doc")
    assert set(formats) == {"md", "html", "pdf", "docx", "txt", "csv", "jsonl", "tei", "image",
                            "odt", "rtf", "doc", "eml", "mbox", "msg"}


def test_no_file_of_the_demo_is_skipped(demo):
    # the TEI debates' metadata.csv is a sidecar, read with the debates, not a document
    _, report = demo
    assert report.skipped == []


@pytest.mark.parametrize(
    ("query", "source"),
    [
        ('"un village qui se tait"', "markdown/2022-06-01-discours-assises-de-la-vere.md"),
        ("lanceur d'alerte", "html/2022-09-27-soutien-julien-marchetti.html"),
        ('"la sécurité de l\'eau"', "pdf/2025-03-20-dossier-presse-rivieres-vivantes-2030.pdf"),
        ("imperméabilisation", "pdf/2025-03-20-dossier-presse-rivieres-vivantes-2030.pdf"),
        ('"une ligne comptable"', "docx/2024-04-25-comptes-2023.docx"),
        ("loutre", "txt/2023-11-22-retour-de-la-loutre.txt"),
        ("poissons sauvetage", "txt/2022-08-10-secheresse-sauvetage-poissons.txt"),
        ('"nous avons peur du silence"', "exports/discours.csv"),
        ("maïs poèmes", "debats/commission-eau-2023-10-17.xml"),
        # read by OCR: a scanned release, the scanned annex of a typed PDF, a photo
        ('"une enquête publique"', "scans/2022-02-03-captage-des-greves-scan.pdf"),
        ("Bernard Vasseur", "scans/2024-12-05-accord-chambre-agriculture.pdf"),
        ("frayères", "scans/2023-04-12-declaration-photo.png"),
        ('"garde-rivière"', "bureautique/2023-07-04-assemblee-generale.odt"),
        ("naturalistes écoles", "bureautique/2022-11-17-prix-rivieres.rtf"),
        ('"décider avant la crise"', "bureautique/2021-09-30-lettre-prefet.doc"),
        ("castor ingénieur", "courriels/2024-03-communiques.mbox"),
        ("nettoyage berges", "courriels/2024-06-05-transfert-orbize-vivante.eml"),
        ("hydrocarbures Lisson", "courriels/2025-02-11-pollution-lisson.msg"),
    ],
)
def test_planted_phrases_find_their_file(demo, query, source):
    catalog, _ = demo
    response = search(catalog, SearchRequest(q=query, per_page=50))
    assert source in [h["source"] for h in response.hits]



def test_the_release_of_14_march_2023_ends_on_its_press_contact_not_its_pdf_link(demo_client):
    """Its page closes « Télécharger ce communiqué : PDF », the site's link to its own file:
    the document, its snippets and its talking points carried it as the release's words."""
    found = demo_client.get("/api/search?q=plainte+CEVV+partie+civile").get_json()["results"]
    (hit,) = [h for h in found if h["source"] == "html/2023-03-14-plainte-cevv.html"]
    text = demo_client.get(f"/api/doc/{hit['id']}").get_json()["text"]
    assert text.endswith("Contact presse : Sophie Lemaire-Dufour, porte-parole — "
                         "presse@rivieres-vivantes.example")
    assert "Télécharger" not in text
    page = demo_client.get("/?q=t%C3%A9l%C3%A9charger+ce+communiqu%C3%A9").get_data(as_text=True)
    assert "plainte-cevv" not in page


def test_the_csv_export_lists_a_releases_other_formats_as_the_api_does(demo_client):
    """The release of 14 March 2023 is one statement in three files, its web page, its
    Markdown post and its PDF: the page and the API list the other two, the CSV export had no
    column for them."""
    query = "plainte+CEVV+partie+civile"
    (api,) = [h for h in demo_client.get(f"/api/search?q={query}").get_json()["results"]
              if h["source"] == "html/2023-03-14-plainte-cevv.html"]
    assert [a["source"] for a in api["alternates"]] == [
        "markdown/2023-03-14-plainte-cevv.md", "pdf/2023-03-14-plainte-cevv.pdf"]
    text = demo_client.get(f"/export.csv?q={query}").get_data(as_text=True).lstrip("\ufeff")
    rows = {row["source"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["html/2023-03-14-plainte-cevv.html"]["other_formats"] == (
        "markdown/2023-03-14-plainte-cevv.md; pdf/2023-03-14-plainte-cevv.pdf")
    # a statement in one file only has none
    assert any(row["other_formats"] == "" for row in rows.values())
    quotes = demo_client.get(f"/export.csv?q={query}&quotes=1").get_data(as_text=True)
    said = [row for row in csv.DictReader(io.StringIO(quotes.lstrip("\ufeff")))
            if row["source"] == "html/2023-03-14-plainte-cevv.html"]
    assert said and all(row["other_formats"].endswith("pdf/2023-03-14-plainte-cevv.pdf")
                        for row in said)
