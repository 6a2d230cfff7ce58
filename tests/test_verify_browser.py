"""A journalist pastes a misremembered quotation in a real browser (Debian's Chromium driven by
Playwright, launched as tests/test_browser.py does), on /verifier and in the search box, sees
what differs and follows the link to the passage marked in its document.

`verbatim serve` runs over an index of the demo corpus. Screenshots go to tests/screenshots/.
"""

from __future__ import annotations

import re
import shutil

import pytest

# the browser and its page as tests/test_browser.py launches them; `server` is ours below
from test_browser import page, shot  # noqa: F401

from tests.serving import verbatim_serve

MISREMEMBERED = ("un plan sans calendrier, c'est une promesse qu'on pourra toujours reporter "
                 "à l'été suivant")
SAID = ("Un plan sans calendrier, c’est une promesse qu’on pourra toujours repousser à l’été "
        "suivant")


@pytest.fixture(scope="module")
def server(tmp_path_factory, demo_index_shared):
    """`verbatim serve` over the demo corpus on a free local port; yields its base URL."""
    # a copy of the run's index of the demo: the server is another process, let it write
    index_dir = shutil.copytree(demo_index_shared, tmp_path_factory.mktemp("verify-browser")
                                / "index")
    # a roomy time budget: a busy machine must not cut the three quotations pasted here
    with verbatim_serve(index_dir, env={"VERBATIM_SEARCH_SECONDS": "60",
                                        "VERBATIM_REQUEST_SECONDS": "60"}, seconds=20) as base:
        yield base


def _lands_on_the_marked_passage(tab) -> None:
    """The document page is open at #passage: the source's words marked and in view."""
    tab.wait_for_url(re.compile(r"/doc/[0-9a-f]{16}\?.*passage=\d+-\d+#passage$"))
    marked = tab.locator("mark.passage")
    assert re.sub(r"\s+", " ", " ".join(marked.all_inner_texts())).strip() == SAID
    assert tab.locator("#passage").is_visible()
    assert tab.evaluate("() => { const r = document.getElementById('passage')"
                         ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;"
                         " }")


def test_verifier_shows_the_diff_and_links_to_the_passage(page):  # noqa: F811
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
    assert first.locator(".differences li").inner_text() == (
        "Vous avez écrit reporter, le texte dit repousser")
    assert first.locator("em").all_inner_texts() == ["reporter", "repousser"]
    assert "Claire Aubertin" in first.locator(".verdict-facts").inner_text()
    assert items.nth(1).locator(".verdict").inner_text() == "Exacte, mot pour mot"
    assert items.nth(2).locator(".verdict").inner_text() == "Introuvable"
    shot(page, "20-verifier")
    first.locator("a.to-passage").click()
    _lands_on_the_marked_passage(page)
    shot(page, "21-verifier-passage", full_page=False)


def test_search_box_shows_the_diff_and_links_to_the_passage(page):  # noqa: F811
    page.goto("/")
    page.get_by_label("Rechercher", exact=True).fill(MISREMEMBERED)
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r"q=un\+plan"))
    first = page.locator(".hits > li").first
    assert first.locator(".snippet mark").first.inner_text() == SAID
    assert first.locator(".verdict").inner_text() == "Passage proche, à 93\u00a0%"
    assert first.locator(".differences li").inner_text() == (
        "Vous avez écrit reporter, le texte dit repousser")
    shot(page, "22-recherche-passage")
    first.locator("a.to-passage").click()
    _lands_on_the_marked_passage(page)
    shot(page, "23-recherche-passage-document", full_page=False)


def test_citations_view_links_to_the_passage(page):  # noqa: F811
    page.goto("/?quotes=1&q=" + MISREMEMBERED.replace(" ", "+"))
    first = page.locator(".hits > li").first
    assert first.locator(".verdict").inner_text() == "Passage proche, à 93\u00a0%"
    first.locator("a.to-passage").click()
    _lands_on_the_marked_passage(page)


def test_verifier_works_without_javascript(browser, server):  # noqa: F811
    context = browser.new_context(base_url=server, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/verifier")
    tab.get_by_label("Collez une ou plusieurs citations").fill(MISREMEMBERED)
    tab.get_by_role("button", name="Vérifier", exact=True).click()
    tab.wait_for_load_state()
    tab.locator("li.verdict-item a.to-passage").click()
    _lands_on_the_marked_passage(tab)
    context.close()


def test_verifier_fits_a_phone(browser, server):  # noqa: F811
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844},
                                  device_scale_factor=2, is_mobile=True, has_touch=True)
    tab = context.new_page()
    tab.goto("/verifier?q=" + MISREMEMBERED.replace(" ", "+"))
    assert tab.locator("li.verdict-item").count() == 1
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390  # nothing sticks out
    shot(tab, "24-verifier-telephone", full_page=False)
    context.close()
