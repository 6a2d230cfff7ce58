"""Who said it, or a headline's topic, heading a pasted line before a full stop or a dash.

Press rubrics and posts write « Sophie Lemaire-Dufour – « … » », « Dette. « … » » where articles
write a colon. A name so heading the line is who the journalist gives the words to, a claim to
check as « Sophie Lemaire-Dufour : « … » » is (`indexer.intent.split_claim`, read alike by the
search box, `verbatim verify`, /verifier and /api/verify); a common noun or a theme of the index
is a topic, no one (`indexer.verify._SpeakerKeys.unnamed`); a label in capitals (« VIDÉO. »,
« EXCLUSIF - ») is the press's, no one either. Before, none of these lines was read as a claim:
« Jean Castex – « … » » got no « Vous donnez ces mots à Jean Castex » warning, « Sophie
Lemaire-Dufour. « … » » no « Ce sont bien les mots de … », and the search box compared the name
or the topic as the quotation's first word (« Passage proche … à 89 % » for words the interview
holds word for word).

Then the search box's page, which shows the nearest words of the person a misremembered
quotation was pasted with (`webapp.results.named_words`), asks `verify` after the search:
the passage's lookup and the speakers' names folded are now made once a page, not twice.

On the demo corpus: Sophie Lemaire-Dufour's interview on the early drought (Nantes, 20 June
2023), « L'eau n'est pas un stock, c'est un cycle ».
"""

from __future__ import annotations

import pytest

from indexer import verify as verify_module
from indexer import whoosh_engine
from tests.conftest import verify_json

CYCLE = "L'eau n'est pas un stock, c'est un cycle"
DASHES = (".", " -", " –", " —")
CONFIRMED = "Ce sont bien les mots de Sophie Lemaire-Dufour selon la source."


def test_her_name_before_a_full_stop_or_a_dash_is_checked_as_before_a_colon(
        demo_index_shared):
    for dash in DASHES:  # before, the dashes only: her name known, the words read after it
        found = verify_json(demo_index_shared, f"Sophie Lemaire-Dufour{dash} « {CYCLE} »")
        assert (found["verdict"], found["note"]) == ("exact", CONFIRMED), dash


@pytest.mark.parametrize("dash", DASHES)
def test_a_name_the_source_does_not_give_is_warned_of(demo_index_shared, dash):
    found = verify_json(demo_index_shared, f"Jean Castex{dash} « {CYCLE} »")
    assert found["verdict"] == "exact"
    assert found["note"] == ("Vous donnez ces mots à Jean Castex : la source les donne à "
                             "Sophie Lemaire-Dufour.")


def test_a_label_in_capitals_names_nobody_where_a_name_would(demo_index_shared):
    for label in ("VIDÉO.", "EXCLUSIF -", "INFO FRANCEINFO."):
        found = verify_json(demo_index_shared, f"{label} « {CYCLE} »")
        assert (found["verdict"], found["note"]) == ("exact", None), label
    assert verify_json(demo_index_shared, f"Jean Castex. « {CYCLE} »")["note"] is not None


@pytest.mark.parametrize("topic", ["Sécheresse –", "Sécheresse.", "Irrigation -"])
def test_the_search_box_finds_the_words_after_a_topic_word_for_word(demo_client, topic):
    found = demo_client.get("/api/search", query_string={"q": f"{topic} « {CYCLE} »"}
                            ).get_json()
    passage = next(hit["passage"] for hit in found["results"] if hit.get("passage"))
    assert (passage["verdict"], passage["note"]) == ("exact", None)  # a topic: no one named
    assert found["notes"][0] == "Passage trouvé mot pour mot dans 1 document(s)."


def test_the_search_page_checks_the_name_before_a_dash(demo_client):
    page = demo_client.get("/", query_string={"q": f"Sophie Lemaire-Dufour – « {CYCLE} »"}
                           ).get_data(as_text=True)
    assert CONFIRMED in page


# Her interview says « d'aider les exploitations à changer d'assolement, vers des cultures moins
# gourmandes en eau l'été. Enfin, de restaurer les zones humides »; the federation's release
# on the Lisson dam « un plan de conversion vers des cultures moins gourmandes en eau, la
# restauration des zones humides », closer to the words typed
WORDS = "aider les exploitations vers des cultures moins gourmandes en eau et la " \
    "restauration des zones humides"
SOPHIE = f"Sophie Lemaire-Dufour : « {WORDS} »"


def test_the_search_page_looks_her_words_up_once(demo_client, monkeypatch):
    looked: list[str] = []
    find = whoosh_engine.find_passages

    def counted(index, text, *args, **kwargs):
        looked.append(text)
        return find(index, text, *args, **kwargs)

    monkeypatch.setattr(whoosh_engine, "find_passages", counted)
    page = demo_client.get("/", query_string={"q": SOPHIE}).get_data(as_text=True)
    assert "changer d&#39;assolement" in page or "changer d'assolement" in page  # her words
    assert looked.count(WORDS) == 1  # for the results, then for her words beside them


def test_the_speakers_names_are_folded_once_for_the_pages(demo_client, monkeypatch):
    demo_client.get("/", query_string={"q": SOPHIE})  # the names read once
    folded: list[str] = []
    fold = verify_module.facet_key

    def counted(name):
        folded.append(name)
        return fold(name)

    monkeypatch.setattr(verify_module, "facet_key", counted)
    demo_client.get("/", query_string={"q": f"Jean Castex – « {WORDS} »"})
    assert set(folded) == {"Jean Castex"}  # the name typed, not the index's speakers again
