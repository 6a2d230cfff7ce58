"""The web pages on OpenSearch in a real browser (issue 15): the demo corpus indexed into the
real three-node test cluster, `verbatim serve --engine opensearch` over it, and Debian's
Chromium driven by Playwright (launched, and every page watched for script errors and answers
of 500 or more, as tests/test_browser.py does), clicking as a journalist would.

One cluster (the session's, or $VERBATIM_TEST_CLUSTER's), one index, one server, one browser.
Screenshots go to tests/screenshots/ (prefix os-).
"""

from __future__ import annotations

import csv
import io
import re
import urllib.parse
from pathlib import Path

import pytest
from serving import verbatim_serve

# the browser's page (errors and 500s collected) and the helpers of the Whoosh browser tests;
# the pasted quotation of the verify tests and how its passage must look once clicked
from test_browser import page, shot, total  # noqa: F401
from test_verify_browser import MISREMEMBERED, SAID, _lands_on_the_marked_passage

from tests.cluster.launcher import drop_indices
from tests.conftest import DEMO

ALIAS = "browser-demo"
DIFFERENCE = "Vous avez écrit reporter, le texte dit repousser"


@pytest.fixture(scope="module")
def server(opensearch_cluster, tmp_path_factory):
    """The demo corpus in the cluster and `verbatim serve --engine opensearch` on it."""
    from indexer.opensearch_writer import index_cluster

    drop_indices(opensearch_cluster.url, ALIAS)
    index_cluster([DEMO], opensearch_cluster.url, ALIAS, replicas=1)
    index_dir = tmp_path_factory.mktemp("browser-os") / "index"  # no manifest: the cluster's
    index_dir.mkdir()
    # a roomy time budget: a busy machine must not cut a pasted quotation's lookup
    env = {"VERBATIM_OPENSEARCH_INDEX": ALIAS, "VERBATIM_SEARCH_SECONDS": "60",
           "VERBATIM_REQUEST_SECONDS": "60", "VERBATIM_OPENSEARCH_WARM_SECONDS": "0"}
    try:
        with verbatim_serve(index_dir, "--engine", "opensearch", "--opensearch-url",
                            opensearch_cluster.url, "--workers", "1", env=env,
                            seconds=60) as base:
            yield base
    finally:
        drop_indices(opensearch_cluster.url, ALIAS)


def test_a_facet_chosen_then_unchosen_the_url_holding_the_state(page):  # noqa: F811
    page.goto("/")
    page.get_by_label("Rechercher", exact=True).fill("sécheresse")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r"q=s%C3%A9cheresse"))
    found = total(page)
    assert found > 1 and page.locator(".hits mark").count() > 0
    shot(page, "os-01-recherche")

    facet = page.locator("#facet-speaker + ul a").first
    name = facet.inner_text().strip()
    facet.click()
    page.wait_for_url(re.compile(r"speaker="))
    chosen = page.url
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(chosen).query)["speaker"] == [name]
    assert name in page.locator("a.chip").inner_text()
    narrowed = total(page)
    assert 0 < narrowed <= found
    shot(page, "os-02-orateur")

    page.locator("a.chip").click()
    page.wait_for_load_state()
    assert "speaker=" not in page.url
    assert page.locator("a.chip").count() == 0 and total(page) == found

    # the URL is the state: back, or the address opened afresh, gives the choice again
    page.go_back()
    page.wait_for_url(chosen)
    assert name in page.locator("a.chip").inner_text() and total(page) == narrowed
    page.goto(chosen)
    assert name in page.locator("#facet-speaker + ul a.selected").inner_text()
    assert total(page) == narrowed


def test_a_misremembered_quotation_pasted_in_the_search_box(page):  # noqa: F811
    page.goto("/")
    page.get_by_label("Rechercher", exact=True).fill(MISREMEMBERED)
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r"q=un\+plan"))
    assert "Passage proche trouvé" in page.locator("ul.notes").inner_text()
    first = page.locator(".hits > li").first  # the source first
    assert first.locator(".snippet mark").first.inner_text() == SAID
    assert first.locator(".verdict").inner_text() == "Passage proche, à 93\u00a0%"
    assert first.locator(".differences li").inner_text() == DIFFERENCE
    assert first.locator(".differences em").all_inner_texts() == ["reporter", "repousser"]
    shot(page, "os-03-recherche-passage")
    first.locator("a.to-passage").click()
    _lands_on_the_marked_passage(page)
    shot(page, "os-04-recherche-passage-document", full_page=False)


def test_verify_then_genealogy_then_the_document_and_its_file(page):  # noqa: F811
    page.goto("/")
    page.get_by_role("link", name="Vérifier une citation").click()
    page.wait_for_url(re.compile(r"/verifier$"))
    page.get_by_label("Collez une ou plusieurs citations").fill(
        f"{MISREMEMBERED}\nNous avons entendu de belles intentions\n"
        "la lune est un fromage de chèvre selon la fédération")
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.wait_for_load_state()
    items = page.locator("li.verdict-item")
    assert items.count() == 3
    first = items.nth(0)
    assert first.locator(".verdict").inner_text() == "Proche, à 93\u00a0%"
    assert first.locator(".differences li").inner_text() == DIFFERENCE
    assert "Claire Aubertin" in first.locator(".verdict-facts").inner_text()
    assert items.nth(1).locator(".verdict").inner_text() == "Exacte, mot pour mot"
    assert items.nth(2).locator(".verdict").inner_text() == "Introuvable"
    shot(page, "os-05-verifier")

    # who said it first: the passage as said, and the documents holding it
    first.locator("a.to-genealogy").click()
    page.wait_for_url(re.compile(r"/genealogie\?q="))
    assert page.locator("#first-title").inner_text() == "Qui l'a dit en premier\u00a0?"
    assert page.locator(".occurrence").count() >= 1
    shot(page, "os-06-genealogie")
    page.locator("a.occurrence-link").first.click()
    page.wait_for_url(re.compile(r"/doc/[0-9a-f]{16}\?passage=\d+-\d+#passage"))
    assert SAID in re.sub(r"\s+", " ", " ".join(page.locator("mark.passage").all_inner_texts()))

    # the document's original file, as the cluster's records name it
    assert page.locator("h1#doc-title").inner_text()
    href = page.get_by_role("link", name="Voir le fichier d'origine").get_attribute("href")
    assert re.fullmatch(r"/file/[0-9a-f]{16}", href)
    response = page.request.get(href)
    assert response.ok and response.body()


def test_a_document_page_its_original_file_and_its_speaker(page):  # noqa: F811
    page.goto("/?q=" + urllib.parse.quote("loutre revenue Orbize"))
    hit = page.locator(".hits > li", has_text="la loutre est revenue sur l'Orbize").first
    hit.locator("h3 a").click()
    page.wait_for_url(re.compile(r"/doc/[0-9a-f]{16}\?q="))
    assert "loutre" in page.locator("h1#doc-title").inner_text()
    assert page.locator("article.document .text mark").count() > 0
    assert "2023-11-22-retour-de-la-loutre.txt" in page.locator("dl.source").inner_text()
    shot(page, "os-07-document", full_page=False)
    document = page.url

    # the file as it was read (UTF-16 with its byte order mark), shown by the browser, named
    # UTF-16 (was Windows-1252), its icon asked for at /favicon.ico (was a 404)
    with page.expect_response(re.compile(r"/file/[0-9a-f]{16}$")) as served:
        page.get_by_role("link", name="Voir le fichier d'origine").click()
    assert served.value.headers["content-type"] == "text/plain; charset=utf-16"
    page.wait_for_url(re.compile(r"/file/[0-9a-f]{16}$"))
    assert "la loutre est revenue sur l'Orbize" in page.locator("body").inner_text()
    shot(page, "os-08-fichier-origine", full_page=False)

    # someone quoted in it: from the quotation to cite, their page, timeline and quotes
    page.goto(document)
    page.get_by_role("link", name="fiche de Hugo Lefebvre").click()
    page.wait_for_url(re.compile(r"/speaker/Hugo"))
    assert page.locator("h1#speaker-title").inner_text() == "Hugo Lefebvre"
    assert page.locator("svg.bars").count() == 1
    assert "loutre" in page.locator("article.speaker").inner_text()
    shot(page, "os-09-page-orateur")


def test_talking_points_lead_to_a_genealogy(page):  # noqa: F811
    page.goto("/elements-de-langage")
    assert page.locator(".talking-point").count() > 0
    shot(page, "os-10-elements-de-langage")
    page.locator("a.to-genealogy").first.click()
    page.wait_for_url(re.compile(r"/genealogie\?q="))
    assert page.locator(".occurrence").count() >= 2
    page.locator("a.occurrence-link").nth(1).click()
    page.wait_for_url(re.compile(r"/doc/[0-9a-f]+\?passage=\d+-\d+#passage"))
    assert page.locator("mark.passage").first.is_visible()
    assert re.search(r"repris.? dans \d+ autres? documents?",
                     page.locator(".reuse-link").first.inner_text())
    shot(page, "os-11-document-repris", full_page=False)


def test_a_statement_in_english_by_its_language_facet(page):  # noqa: F811
    page.goto("/?q=discharges")
    facet = page.locator("#facet-lang + ul a").first
    facet.click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert total(page) == 1
    page.locator(".hits h3 a").first.click()
    page.wait_for_url(re.compile(r"/doc/[0-9a-f]{16}"))
    assert page.locator("article.document .text mark").count() > 0
    shot(page, "os-12-anglais", full_page=False)


def _downloaded(tab, click) -> tuple[str, list[dict]]:
    """Click what starts a download in `tab`; return the file's name and its CSV rows."""
    with tab.expect_download() as started:
        click()
    download = started.value
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    return download.suggested_filename, list(csv.DictReader(io.StringIO(text)))


def test_the_exports_of_a_narrowed_search_and_of_the_verify_page(page):  # noqa: F811
    page.goto("/?q=" + urllib.parse.quote("sécheresse"))
    page.locator("#facet-speaker + ul a").first.click()
    page.wait_for_url(re.compile(r"speaker="))
    name = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["speaker"][0]
    exports = page.get_by_label("Exporter cette recherche")
    filename, rows = _downloaded(page, exports.get_by_role("link", name="CSV").click)
    assert filename == "verbatim-resultats.csv"
    assert len(rows) == total(page) and all(name in row["speakers"] for row in rows)
    feed = page.request.get(exports.get_by_role("link", name="Flux Atom").get_attribute("href"))
    assert feed.ok and feed.text().count("<entry>") == len(rows)

    page.goto("/verifier")
    page.get_by_label("Collez une ou plusieurs citations").fill(MISREMEMBERED)
    filename, rows = _downloaded(
        page, page.get_by_role("button", name="Télécharger en CSV").click)
    assert filename == "verbatim-verif.csv"
    assert [(r["verdict"], r["differences"] != "") for r in rows] == [("close", True)]
    assert "repousser" in rows[0]["passage"]


def test_a_misspelled_search_is_corrected_and_can_be_kept_as_typed(page):  # noqa: F811
    page.goto("/")
    page.get_by_label("Rechercher", exact=True).fill("barage Lison")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=barage"))
    correction = page.locator("p.correction")
    assert "Résultats pour «\u00a0barrage Lisson\u00a0»" in correction.inner_text()
    assert total(page) > 0 and page.locator(".hits mark", has_text="Lisson").count() > 0
    shot(page, "os-13-correction")
    correction.get_by_role("link", name="barage Lison").click()
    page.wait_for_url(re.compile(r"q=barage"))
    assert page.locator("p.correction").count() == 0  # searched as typed
