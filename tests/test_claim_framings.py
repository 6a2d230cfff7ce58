"""More of the ways the press frames a quotation with who said it, read as words and author
(indexer.intent `_CLAIMS`, `split_incised_claim`).

« Comme l'a dit Claire Aubertin, « … » » (70 %), « Interrogée par France Inter, Claire
Aubertin a déclaré : « … » » (62 %) were aligned whole, the framing among the words said, and
gave no word of who said it. Two quotations copied from a release with its own incise between
them and another after (« « A », a déclaré Claire Aubertin. « B », a-t-elle ajouté. ») were
« Proche, à 67 % »: the incise after the second part was compared as words, and the release's
« a déclaré Claire Aubertin, présidente de la FRV » between the parts as words left out. Now
each is word for word, the release's incise shown as what the text says between the two
sentences. On the demo corpus (the FRV's reaction to the « plan eau », 2 February 2024).
"""

from __future__ import annotations

import pytest

from tests.conftest import verify_json as verify

PLAN = "« Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser »"
ACTES = "« Nous attendons maintenant des actes, des budgets et des dates »"


@pytest.mark.parametrize("pasted", [
    f"Comme l'a dit Claire Aubertin, {PLAN}",
    f"Comme le rappelle Claire Aubertin, {PLAN}",
    f"Interrogée par France Inter, Claire Aubertin a déclaré : {PLAN}",
    f"Lundi, Claire Aubertin a dénoncé {PLAN}",
])
def test_a_framing_before_the_name_is_not_words_said(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"] == "Ce sont bien les mots de Claire Aubertin selon la source."


def test_two_quotations_around_the_releases_own_incise(demo_index_shared):
    found = verify(demo_index_shared, f"{ACTES}, a déclaré Claire Aubertin. {PLAN}, a-t-elle "
                                      "ajouté.")
    assert found["verdict"] == "exact"
    assert found["note"] == "Ce sont bien les mots de Claire Aubertin selon la source."
    cuts = [op for op in found["diff"] if op["op"] == "cut"]
    assert cuts == [{"op": "cut", "typed": "",
                     "source": "a déclaré Claire Aubertin, présidente de la FRV"}]


def test_keywords_before_a_quotation_stay_keywords(demo_index_shared):
    found = verify(demo_index_shared, f"Retraites, Claire Aubertin, barrage {PLAN}")
    assert found["note"] is None
