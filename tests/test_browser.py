"""The real server in a real browser: Debian's Chromium driven by Playwright.

Each step saves a screenshot in tests/screenshots/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import shared_path
from serving import verbatim_serve

SCREENSHOTS = Path(__file__).parent / "screenshots"
PHRASE = '"plan de relance"'


@pytest.fixture(scope="session")
def shared_index(tmp_path_factory) -> Path:
    """An index of two folders of the shared corpus, built once per session."""
    from indexer.indexing import index_paths

    folders = [shared_path("luxleaks-communiques"), shared_path("vie-publique-discours")]
    index_dir = tmp_path_factory.mktemp("browser") / "index"
    index_paths(folders, index_dir)
    return index_dir


@pytest.fixture(scope="session")
def server(shared_index):
    """`verbatim serve` on a free local port; yields its base URL."""
    with verbatim_serve(shared_index) as base:
        yield base


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, locale="fr-FR",
                                  viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 500
            else None)
    yield page
    context.close()
    assert not errors, errors  # no script error, no CSP violation, no page answering 500


def shot(page, name: str, full_page: bool = True) -> None:
    """Save a screenshot; long pages (a whole speech) only as far as the window shows."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def total(page) -> int:
    text = page.locator("#results-title").inner_text()
    return int(re.match(r"([\d\u202f]+)", text).group(1).replace("\u202f", ""))


def test_journalist_scenario(page):
    # 1. type a quote fragment
    page.goto("/")
    shot(page, "01-accueil")
    page.get_by_label("Rechercher", exact=True).fill(PHRASE)
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r"q=%22plan"))
    found = total(page)
    assert found > 0
    assert page.locator(".hits mark").count() > 0
    shot(page, "02-recherche")

    # 2. pick a speaker facet
    facet = page.locator("#facet-speaker + ul a").first
    name = facet.inner_text().strip()
    facet.click()
    page.wait_for_url(re.compile(r"speaker="))
    chip = page.locator("a.chip")
    assert chip.count() == 1 and name in chip.inner_text()
    assert 0 < total(page) <= found
    shot(page, "03-orateur")

    # 3. remove its chip
    chip.click()
    page.wait_for_load_state()
    assert page.locator("a.chip").count() == 0
    assert total(page) == found

    # 4. move through the histogram: a year, then a month of that year
    bar = page.locator("svg.bars a.bar-link").last
    label = bar.get_attribute("aria-label")
    year = re.match(r"\d{4}", label).group()
    bar.click()
    page.wait_for_url(re.compile(rf"year={year}"))
    assert page.locator("a.chip", has_text=f"Année\u00a0: {year}").count() == 1
    assert "Résultats par mois" in page.locator("figure.chart figcaption").inner_text()
    shot(page, "04-histogramme-annee")
    page.locator("svg.bars a.bar-link").first.click()
    page.wait_for_url(re.compile(r"from=\d{4}-\d\d-01&to=\d{4}-\d\d-\d\d"))
    assert page.locator("a.chip", has_text="Depuis le 1er").count() == 1
    shot(page, "05-histogramme-mois")

    # 5. open a document: the searched words are marked in the full text
    page.locator(".hits h3 a").first.click()
    page.wait_for_url(re.compile(r"/doc/[0-9a-f]{16}\?q="))
    assert page.locator("article.document .text mark").count() > 0
    assert page.locator("h1#doc-title").inner_text()
    shot(page, "06-document", full_page=False)

    # 6. copy a citation
    button = page.locator("button.copy").first
    assert button.is_visible()
    expected = page.locator(".cite-text").first.inner_text().strip()
    button.click()
    status = page.locator(".copy-status").first
    status.wait_for(state="visible")
    assert "Copié" in status.inner_text()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert expected.startswith("«\u00a0") and "Source\u00a0: " in expected
    button.scroll_into_view_if_needed()
    shot(page, "07-citation-copiee", full_page=False)


def test_quotes_mode_and_speaker_page(page):
    page.goto("/?q=relance")
    page.get_by_role("radio", name="Citations").click()  # the small script searches again
    page.wait_for_url(re.compile(r"quotes=1"))
    assert page.locator(".quote-hit blockquote").count() > 0
    shot(page, "08-citations")
    # someone quoted: their page has functions, a timeline and quotes
    link = page.locator("#facet-speaker + ul a").first
    speaker = link.inner_text().strip()
    page.goto(f"/speaker/{speaker}")
    assert page.locator("h1#speaker-title").inner_text() == speaker
    assert page.locator("svg.bars").count() == 1
    shot(page, "09-page-orateur")


def test_keyboard_only(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Aller au contenu"
    assert page.locator("a.skip-link").is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#contenu$"))  # the jump is handled after the key press
    page.get_by_label("Rechercher", exact=True).focus()
    page.keyboard.type("lanceurs d'alerte")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=lanceurs"))
    assert total(page) > 0
    outline = page.evaluate(
        "() => { const a = document.querySelector('.hits h3 a'); a.focus();"
        " return getComputedStyle(a).outlineStyle; }")
    assert outline != "none"  # focus is visible


def test_phone_layout(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844},
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto("/?q=relance")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing sticks out sideways
    shot(page, "10-telephone", full_page=False)
    page.locator(".hits h3 a").first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "11-telephone-document", full_page=False)
    context.close()


def test_works_without_javascript(browser, server):
    context = browser.new_context(base_url=server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.get_by_label("Rechercher", exact=True).fill("relance")
    page.get_by_role("radio", name="Citations").check()
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r"quotes=1"))
    page.goto("/?q=relance")
    page.locator(".hits h3 a").first.click()
    page.wait_for_load_state()
    assert page.locator(".cite-text").first.is_visible()
    assert not page.locator("button.copy").first.is_visible()  # useless without script
    context.close()


def test_every_speaker_of_a_search_one_link_away_without_javascript(browser, server):
    # the speeches name hundreds of speakers: the page lists the thirty most quoted, eight
    # of them shown, and links to all of them; no script needed to get there and back
    context = browser.new_context(base_url=server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/?q=relance")
    panel = page.locator("section.facet[aria-labelledby=facet-speaker]")
    assert panel.locator("#facet-speaker + ul a").count() == 8
    assert panel.locator("details li").count() == 22
    assert not panel.locator("details li").first.is_visible()  # folded under « voir plus »
    panel.get_by_role("link", name="tous les orateurs").click()
    page.wait_for_url(re.compile(r"facet_all=speaker"))
    panel = page.locator("section.facet[aria-labelledby=facet-speaker]")
    listed = panel.locator("details li")
    assert listed.count() > 22 and listed.last.is_visible()  # the whole list, open
    shot(page, "12-tous-les-orateurs")
    last = listed.last.locator("a")
    name = last.inner_text().strip()
    last.click()
    page.wait_for_url(re.compile(r"speaker="))
    assert "facet_all" not in page.url  # the list folds back, the choice on top
    assert name in page.locator("a.chip").inner_text()
    assert name in page.locator("#facet-speaker + ul a.selected").inner_text()
    context.close()


def test_talking_points_genealogy_and_reused_marks(page):
    # the passages repeated most, then who said one first, then the document it stands in
    page.goto("/elements-de-langage")
    shot(page, "20-elements-de-langage")
    assert page.locator(".talking-point").count() > 0
    page.locator("a.to-genealogy").first.click()
    page.wait_for_url(re.compile(r"/genealogie\?q="))
    assert page.locator("#first-title").inner_text() == "Qui l'a dit en premier\u00a0?"
    assert page.locator(".occurrence").count() >= 2
    shot(page, "21-genealogie")
    page.locator("a.occurrence-link").nth(1).click()
    page.wait_for_url(re.compile(r"/doc/[0-9a-f]+\?passage=\d+-\d+#passage"))
    assert page.locator("mark.passage").first.is_visible()
    assert page.locator(".reuse-link").first.is_visible()
    assert re.search(r"repris.? dans \d+ autres? documents?",
                     page.locator(".reuse-link").first.inner_text())
    shot(page, "22-document-repris", full_page=False)


# How far an element starts after what stands before it on its line: the last character of the
# text before it, or the element before it (CSS pixels; a word space is about 4); null when
# the element starts a new line.
GAP_BEFORE = """el => {
  const before = el.previousSibling;
  let end;
  if (before.nodeType === Node.TEXT_NODE) {
    const range = document.createRange();
    range.setStart(before, before.length - 1);
    range.setEnd(before, before.length);
    end = range.getBoundingClientRect();
  } else {
    end = before.getBoundingClientRect();
  }
  const start = el.getClientRects()[0];
  return start.top >= end.bottom - 1 ? null : start.left - end.right;
}"""


def test_genealogy_and_talking_point_lines_read_as_sentences(page):
    # « Antoine Deltour, lanceur d'alerte », not « Antoine Deltour , lanceur d'alerte »
    page.goto("/genealogie?q=les institutions européennes jugent prioritaire de protéger les "
              "secrets d'affaires plutôt que les lanceurs d'alerte")
    line = page.locator(".occurrence .meta").first
    assert "Antoine Deltour, lanceur d" in line.inner_text()
    assert abs(line.locator(".function").first.evaluate(GAP_BEFORE)) < 1
    # « (26 novembre 1997), jusqu'au 29 mars 2000 », not « ( 26 novembre 1997), jusqu'au  29 »
    page.goto("/elements-de-langage")
    dates = page.locator(".talking-point .meta time")
    gaps = [dates.nth(n).evaluate(GAP_BEFORE) for n in range(min(dates.count(), 10))]
    measured = [gap for gap in gaps if gap is not None]  # a date may open a new line
    assert measured and all(abs(gap) < 1 for gap in measured), gaps
    shot(page, "23-elements-de-langage-lignes", full_page=False)


def test_a_genealogy_names_who_else_signed_the_text_a_speaker_is_quoted_in(page):
    # the committee's communiqué quotes Antoine Deltour, also among its speakers: « (cité dans
    # un texte de Comité de soutien à Antoine Deltour, Antoine Deltour) » named him twice
    page.goto("/genealogie?q=les institutions européennes jugent prioritaire de protéger les "
              "secrets d'affaires plutôt que les lanceurs d'alerte")
    first = page.locator(".first-line").inner_text()
    assert first.startswith("Antoine Deltour, lanceur d'alerte (cité dans un texte de Comité de "
                            "soutien à Antoine Deltour), texte du 29 juin 2015")
