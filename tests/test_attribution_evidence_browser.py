"""A journalist checks who said a quotation in a real browser (Debian's Chromium driven by
Playwright, launched as tests/test_browser.py does): in the Citations view and on /verifier, the
source's words around the quotation and the reason of its attribution stand under it.

`verbatim serve` runs over an index of the demo corpus. Screenshots go to tests/screenshots/.
"""

from __future__ import annotations

import re

# the browser and its page as tests/test_browser.py launches them, `verbatim serve` over the
# demo corpus as tests/test_verify_browser.py runs it
from test_browser import page, shot  # noqa: F401
from test_verify_browser import server  # noqa: F401

FUND = "un fonds de soutien juridique de 30 000 euros"
PLAN = "Un plan sans calendrier, c’est une promesse qu’on pourra toujours repousser"


def test_the_words_around_a_quotation_and_why_stand_under_it(page):  # noqa: F811
    page.goto("/?quotes=1&q=" + f'"{FUND}"'.replace(" ", "+"))
    first = page.locator(".hits > li").first
    before = first.locator(".context-before")
    assert before.inner_text().endswith("Selon Malik Benhaddou, directeur général,")
    # the source's words are muted, the quotation between them is not
    muted = before.evaluate("e => getComputedStyle(e).color")
    assert muted != first.locator(".context-quote").evaluate("e => getComputedStyle(e).color")
    assert first.locator(".basis").inner_text() == (
        "ATTRIBUTION indice : « Selon Malik Benhaddou »")
    shot(page, "30-citation-indices")

    page.goto("/verifier")
    page.get_by_label("Collez une ou plusieurs citations").fill(PLAN)
    page.get_by_role("button", name="Vérifier", exact=True).click()
    page.wait_for_load_state()
    item = page.locator("li.verdict-item").first
    assert re.search(r"a déclaré Claire Aubertin, présidente de la FRV\.$",
                     item.locator(".context-before").inner_text())
    assert item.locator(".basis").inner_text() == (
        "ATTRIBUTION aucun indice proche : la personne dont parle le passage, « Claire "
        "Aubertin » plus haut")
    shot(page, "31-verifier-indices")
