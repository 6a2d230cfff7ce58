"""A quotation pasted with who said it and any verb the press uses — « a dénoncé », « s'est
indignée », « regrette », « a-t-elle fustigé » — is those words, by that person
(indexer.intent `_CLAIMS`: `_COMPOUND`, `_INVERTED`, `_PRONOUN_VERB`).

Only the verbs of `_SAYS` (« a dit », « a déclaré », « a expliqué » …) were read: « « Un plan
sans calendrier, c'est une promesse … », a dénoncé Claire Aubertin » was aligned whole, the
verb and the name among the words said (« Proche, à 80 % », no word of who said it). Now the
words between the marks are checked, and the note says whether the source gives them to the
person named. A name before the words needs a verb in a compound tense (« a dénoncé », « s'est
indignée »), so that keywords beside a quotation (« Aubertin barrage « … » ») are not read as
someone's claim. Through `verbatim verify` and `verbatim search`, on the demo corpus and on
Jean-Baptiste Lemoyne's interview of 7 October 2020 (vie-publique).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.intent import split_claim
from tests.conftest import verify_json as verify

PLAN = "« Un plan sans calendrier, c'est une promesse qu'on pourra toujours repousser »"
AUBERTIN = "Ce sont bien les mots de Claire Aubertin selon la source."


@pytest.mark.parametrize("pasted", [
    f"{PLAN}, a dénoncé Claire Aubertin",
    f"{PLAN}, s'est indignée Claire Aubertin.",
    f"{PLAN}, regrette Claire Aubertin.",
    f"Claire Aubertin a dénoncé {PLAN}",
    f"Claire Aubertin s'est indignée : {PLAN}",
])
def test_the_press_verbs_name_who_said_it(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["note"] == AUBERTIN


def test_a_verb_with_its_pronoun_names_no_one(demo_index_shared):
    found = verify(demo_index_shared, f"{PLAN}, a-t-elle fustigé")
    assert found["verdict"] == "exact"
    assert found["note"] is None


def test_another_name_is_told_who_said_it(demo_index_shared):
    found = verify(demo_index_shared, f"{PLAN}, a dénoncé Malik Benhaddou")
    assert found["note"] == ("Vous donnez ces mots à Malik Benhaddou : la source les donne à "
                             "Claire Aubertin.")


def test_keywords_beside_a_quotation_are_no_claim():
    assert split_claim(f"Aubertin barrage {PLAN}") is None
    assert split_claim(f"Aubertin plan eau {PLAN}") is None


def test_the_search_box_reads_them_too(demo_index_shared):
    result = CliRunner().invoke(main, ["search", "--index", str(demo_index_shared), "--limit",
                                       "1", f"{PLAN}, a dénoncé Claire Aubertin"])
    assert result.exit_code == 0, result.output
    assert "Plan eau : la FRV attend des actes" in result.output
    assert "mot pour mot" in result.output


def test_on_the_shared_corpus(shared_index):
    found = verify(shared_index[0], "« les foires, les congrès, les salons sont encore "
                                    "entravés », a regretté Jean-Baptiste Lemoyne")
    assert found["verdict"] == "exact"
    assert found["note"] == "Ce sont bien les mots de Jean-Baptiste Lemoyne selon la source."


def test_an_organisation_named_after_someone_keeps_its_whole_name():
    # « à Antoine Deltour a averti » was read as where the committee spoke
    who, _ = split_claim("Comité de soutien à Antoine Deltour a averti : « le Luxembourg tire "
                         "un trait sur le passé »")
    assert who == "Comité de soutien à Antoine Deltour"
