"""The editor's words between square brackets are not the speaker's (indexer.passages,
`EDITED`), and a name with where and when in brackets before its colon is still the author
(indexer.intent).

Articles clarify a quotation between square brackets — « [Le gouvernement] a toujours réussi
à le faire », « une promesse [que le gouvernement] pourra toujours repousser » — or mark a slip
with « [sic] ». Those words were compared with the source as if said: « Laurent Berger [sic] »
was « à 93 % » (« vous avez écrit sic, le texte dit ou »), « [Le gouvernement] a toujours
réussi … » at 89 % with « rappelle qu'on » as a difference. Now the bracket stands where the
source has its own words, as a cut « […] » does: word for word, and the page says what the
bracket stands for. « Olivier Véran (BFMTV, 27 mars 2023) : « … » » was read as words said,
the name and the date among them. Through `verbatim verify` and /api/verify, on the demo
corpus (Claire Aubertin's reaction to the « plan eau ») and on Olivier Véran's interview of
27 March 2023 (vie-publique).
"""

from __future__ import annotations

from tests.conftest import verify_json as verify


def test_a_bracket_standing_for_the_speakers_words_says_which(demo_index_shared):
    # « Un plan sans calendrier, c’est une promesse qu’on pourra toujours repousser à l’été
    # suivant. »
    found = verify(demo_index_shared, "« Un plan sans calendrier, c'est une promesse [que le "
                                      "gouvernement] pourra toujours repousser à l'été suivant »")
    assert found["verdict"] == "exact"
    cuts = [op for op in found["diff"] if op["op"] == "cut"]
    assert cuts == [{"op": "cut", "typed": "[que le gouvernement]", "source": "qu’on"}]


def test_sic_is_the_editors_not_a_word_said(demo_index_shared):
    found = verify(demo_index_shared, "« Nous attendons maintenant des actes, des budgets [sic] "
                                      "et des dates »")
    assert found["verdict"] == "exact"
    assert all(op["op"] in ("equal", "cut") for op in found["diff"])


def test_the_verify_page_shows_what_the_bracket_stands_for(demo_client):
    page = demo_client.get("/verifier", query_string={
        "q": "« Un plan sans calendrier, c'est une promesse [que le gouvernement] pourra "
             "toujours repousser »"})
    assert page.status_code == 200
    assert "mot pour mot" in page.text
    assert "la place de" in page.text and "que le gouvernement" in page.text


def test_brackets_in_an_interview_on_the_shared_corpus(shared_index):
    # « [Le gouvernement] a toujours réussi … »: tests/test_bracket_beside_a_word.py
    found = verify(shared_index[0], "« Vous me demandez si le président de la République a "
                                    "humilié Laurent Berger [sic] »")
    assert found["verdict"] == "exact"


def test_where_and_when_in_brackets_before_the_colon(shared_index):
    found = verify(shared_index[0], "Olivier Véran (BFMTV, 27 mars 2023) : « Vous me demandez "
                                    "si le président de la République a humilié Laurent "
                                    "Berger ou vous l'affirmez »")
    assert found["verdict"] == "exact"
    assert found["note"] == "Ce sont bien les mots d'Olivier Véran selon la source."
