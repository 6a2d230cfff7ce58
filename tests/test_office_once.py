"""A quotation's card and `/verifier`'s facts say the speaker's office once.

They wrote « Jean-Yves Le Drian, ministre de l'Europe et des affaires étrangères » beside the
title « Déclaration de M. Jean-Yves Le Drian, ministre de l'Europe et des affaires
étrangères, sur … », as vie-publique titles its statements: the name alone, linked, when the
title gives « Name, function » (`webapp.speakers.gives_function`; a debate turn's title
ending « — Christiane Taubira, garde des Sceaux » was the one case left out before). Through
the Flask client, on a line in vie-publique's CSV columns.
"""

from __future__ import annotations

import csv
import re

import pytest

from indexer.indexing import index_paths
from tests.conftest import web_client

LE_DRIAN_TITLE = ("Déclaration de M. Jean-Yves Le Drian, ministre de l'Europe et des affaires "
                  "étrangères, sur la cybersécurité au niveau international, à Paris le 13 "
                  "novembre 2020.")
OFFICE = "ministre de l&#39;Europe et des affaires étrangères"


@pytest.fixture(scope="module")
def le_drian(tmp_path_factory):
    """A vie-publique line (its CSV's columns): the minister's statement, quoting himself."""
    base = tmp_path_factory.mktemp("le-drian")
    (base / "corpus").mkdir()
    with (base / "corpus" / "vie-publique.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, ["title", "date", "text", "tags", "topics", "speakers"])
        writer.writeheader()
        writer.writerow({
            "title": LE_DRIAN_TITLE, "date": "2020-11-13T12:00:00Z", "tags": "Internet",
            "topics": "", "speakers": "Jean-Yves Le Drian",
            "text": "<p>Mesdames et Messieurs,<br><br>La crise du COVID-19 aura mis en lumière "
                    "nos dépendances au numérique. Je l'ai dit à nos partenaires européens : "
                    "\"le cyberespace ne peut pas rester le principal espace de non-droit du "
                    "XXIe siècle\". Nous devons y porter les exigences de l'Etat de droit.<br>"
                    "<br>Je vous remercie.</p>"})
    index_paths([base / "corpus"], base / "index", workers=1)
    yield from web_client(base / "index")


def test_a_quotations_card_says_the_office_once(le_drian):
    page = le_drian.get("/?q=cyberespace&quotes=1").get_data(as_text=True)
    card = re.search(r'<li class="hit quote-hit">.*?</li>', page, re.S).group(0)
    assert "principal espace de non-droit" in card
    # before: twice, after his name and in the title
    assert card.count(OFFICE) == 1
    assert ">Jean-Yves Le Drian</a>" in card


def test_the_verify_page_says_the_office_once(le_drian):
    page = le_drian.get("/verifier", query_string={
        "q": "le cyberespace ne peut pas rester le principal espace de non-droit"}).get_data(
        as_text=True)
    facts = re.search(r'<dl class="verdict-facts">.*?</dl>', page, re.S).group(0)
    assert "Jean-Yves Le Drian</a></dd>" in facts
    assert facts.count(OFFICE) == 1  # in the document's title

