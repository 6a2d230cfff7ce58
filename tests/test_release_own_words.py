"""A release's own sentences, copied from the document page (« Ce passage »), are the words of
the organisation that issued it, not of the people it quotes.

A press officer reusing a line of a past release copies it with who said it. The release's
speakers are the organisation and the people it quotes; the copy credited a sentence of the
federation's own text to « Fédération des Rivières Vivantes, Claire Aubertin, présidente de
la FRV, Anne-Laure Vidal, avocate de la fédération », and the luxleaks committee's « Cette
décision incompréhensible et inacceptable … » to the committee and Antoine Deltour (helper
172's press-officer walk, F-D). A quotation keeps its author; a statement no organisation
issued keeps its speakers, and so do the signatories of a declaration a release publishes.
Through Flask's test client, on the demo and the shared corpus.
"""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import web_client


def _copied(client, words: str) -> str:
    """Return the « Ce passage » line of the document page a pasted passage leads to."""
    hit = client.get("/api/search", query_string={"q": words}).get_json()["results"][0]
    passage = hit["passage"]
    assert passage["verdict"] == "exact", words
    page = client.get(f"/doc/{hit['id']}?passage={passage['start']}-{passage['end']}")
    line = re.search(r'id="cite-passage-text"[^>]*>(.*?)</p>', page.get_data(as_text=True), re.S)
    return html.unescape(line.group(1))


def test_a_sentence_of_the_federations_release_is_the_federations(demo_client):
    line = _copied(demo_client, "Près de 19 000 habitants de Montclair et de six communes voisines")
    assert line.startswith("«\u00a0Près de 19 000 habitants de Montclair et de six communes "
                           "voisines\u00a0» — Fédération des Rivières Vivantes, Communiqué, "
                           "14 mars 2023, Lyon. Source")
    assert "Claire Aubertin" not in line and "Anne-Laure Vidal" not in line


@pytest.mark.parametrize(("words", "credit"), [
    # a quotation in the release keeps its author
    ("Cette plainte n’est dirigée contre aucun salarié en particulier",
     " — Claire Aubertin, présidente de la FRV, Communiqué, 14 mars 2023, Lyon."),
    # a speech keeps its speaker
    ("Merci d'être venus si nombreux ce soir",
     "\u00a0» — Claire Aubertin, Discours, 1er juin 2022, Montclair."),
])
def test_a_quotation_and_a_speech_keep_their_speaker(demo_client, words, credit):
    assert credit in _copied(demo_client, words)


@pytest.fixture(scope="module")
def shared(shared_index):
    yield from web_client(shared_index[0])


def test_the_luxleaks_committees_own_words_are_the_committees(shared):
    line = _copied(shared, "Cette décision incompréhensible et inacceptable ignore autant le "
                           "droit européen que l'intérêt public de leur action")
    assert " — Comité de soutien à Antoine Deltour, Communiqué, 29 juin 2016, Luxembourg." \
        in line


def test_a_joint_declaration_a_release_publishes_keeps_its_signatories(shared):
    """The Présidence's communiqué of 16 October 2020 publishes a declaration eleven heads of
    government signed and it quotes none of them: its words stay theirs as well."""
    line = _copied(shared, "En tant que dirigeants d'Etats membres de l'UE, nous avons "
                           "l'opportunité et la responsabilité d'y répondre")
    assert "\u00a0» — Présidence de la République, Mette Frederiksen" in line
    assert all(name in line for name in ("Sanna Marin", "Emmanuel Macron", "Pedro Sanchez"))
