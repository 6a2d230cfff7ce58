"""A quotation typed without marks and followed by who said it, the verb before its subject as
French articles print an incise (« Les foires, les congrès, les salons sont encore entravés,
a reconnu Jean-Baptiste Lemoyne »), is those words, said by that person.

Before, the whole line was looked up as the words said: the incise counted as four words
the source does not hold, and a quotation misremembered by two words fell under the 60 %
line (« Introuvable ») though the same words with marks were found at 80 %. The name read
from an incise ending the line also kept the sentence's full stop (« Ce sont bien les mots de
Jean-Baptiste Lemoyne. selon la source. »). Through `verbatim verify`, `verbatim search` and
/api/verify, on Jean-Baptiste Lemoyne's interview of 7 October 2020 (vie-publique) and on
the demo corpus.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.intent import read_intent
from tests.conftest import verify_json as verify

LEMOYNE = "Jean-Baptiste Lemoyne"
# his words on Public Sénat: « Les foires, les congrès, les salons sont encore entravés »,
# two words misremembered
MISREMEMBERED = "Les foires, les congrès et les salons sont toujours entravés"


@pytest.mark.parametrize("incise", [f", a reconnu {LEMOYNE}", f", selon {LEMOYNE}.",
                                    f", estime {LEMOYNE}, secrétaire d'État au tourisme"])
def test_the_incise_names_who_said_the_words_before_it(shared_index, incise):
    found = verify(shared_index[0], MISREMEMBERED + incise)
    assert found["verdict"] == "close"
    assert found["passage"] == "Les foires, les congrès, les salons sont encore entravés"
    assert found["note"] == f"Ce sont bien les mots de {LEMOYNE} selon la source."


def test_an_incise_naming_no_one_leaves_the_words_alone(shared_index):
    found = verify(shared_index[0], MISREMEMBERED + ", a-t-il ajouté.")
    assert found["verdict"] == "close"
    assert found["passage"] == "Les foires, les congrès, les salons sont encore entravés"
    assert "Vous donnez ces mots" not in (found.get("note") or "")


def test_the_search_box_reads_the_incise_too(shared_index):
    result = CliRunner().invoke(main, ["search", "--index", str(shared_index[0]), "--limit",
                                       "1", f"{MISREMEMBERED}, a reconnu Lemoyne"])
    assert result.exit_code == 0, result.output
    assert "Interview de M. Jean-Baptiste Lemoyne" in result.output
    assert "Note : Ce sont bien les mots de Lemoyne selon la source." in result.output


def test_the_name_ending_the_line_is_read_without_its_full_stop(demo_index_shared):
    found = verify(demo_index_shared, "« Un plan sans calendrier, c'est une promesse », a "
                                      "déclaré Claire Aubertin.")
    assert found["note"] == "Ce sont bien les mots de Claire Aubertin selon la source."



def test_the_web_page_and_the_api_say_the_same(demo_client):
    claim = "Un plan sans calendrier, c'est une promesse, a prévenu Claire Aubertin"
    verdict = demo_client.get("/api/verify", query_string={"q": claim}).get_json()
    assert "Ce sont bien les mots de Claire Aubertin selon la source." in str(verdict)
    page = demo_client.get("/verifier", query_string={"q": claim})
    assert page.status_code == 200
    assert "Ce sont bien les mots de Claire Aubertin selon la source." in page.text


@pytest.mark.parametrize("keywords", [
    "Deltour condamné, selon la cour",          # too few words for a quotation
    "retraites selon Macron 49.3 Assemblée",    # no comma: keywords
    "Qui, selon Lemoyne, a rouvert les salons ?",
])
def test_keywords_and_questions_are_not_read_as_an_incise(keywords):
    assert not read_intent(keywords).said


# Claire Aubertin's reaction to the « plan eau » (demo): « Nous avons entendu de belles
# intentions. Nous attendons maintenant des actes, des budgets et des dates »
@pytest.mark.parametrize("pasted", [
    "« Nous avons entendu de belles intentions, a déclaré Claire Aubertin. Nous attendons "
    "maintenant des actes, des budgets et des dates »",
    "« Nous avons entendu de belles intentions », a expliqué Claire Aubertin, présidente de la "
    "FRV. « Nous attendons maintenant des actes »",
    "Nous avons entendu de belles intentions, a ajouté Aubertin, nous attendons maintenant des "
    "actes, des budgets et des dates",
])
def test_an_incise_between_two_parts_of_the_words(demo_index_shared, pasted):
    found = verify(demo_index_shared, pasted)
    assert found["verdict"] == "exact"
    assert found["passage"].startswith("Nous avons entendu de belles intentions. Nous attendons")
    assert found["note"].startswith("Ce sont bien les mots d")  # « de X », « d'Aubertin »


def test_an_incise_giving_the_words_to_another_says_so(demo_index_shared):
    found = verify(demo_index_shared, "« Nous avons entendu de belles intentions, a déclaré "
                                      "Malik Benhaddou. Nous attendons maintenant des actes »")
    assert found["verdict"] == "exact"
    assert found["note"] == ("Vous donnez ces mots à Malik Benhaddou : la source les donne à "
                             "Claire Aubertin.")


@pytest.mark.parametrize("said", [
    "Le déficit public de la France, selon Bruxelles, dépassera 5 % du PIB cette année",
    "Nous avons entendu de belles intentions, a déclaré Claire Aubertin, nous attendons des actes",
])
def test_the_words_after_the_name_are_not_its_function(said):
    intent = read_intent(said)
    assert "dépassera" in intent.q or "attendons" in intent.q


def test_a_full_stop_after_the_marks_and_a_posts_hashtags_end_the_line(demo_index_shared):
    found = verify(demo_index_shared, "Pour Claire Aubertin, « Un plan sans calendrier, c'est une "
                                      "promesse ».")
    assert found["verdict"] == "exact"
    assert found["note"] == "Ce sont bien les mots de Claire Aubertin selon la source."
    # a post by its handle: the words alone (a handle is no name the speakers hold)
    found = verify(demo_index_shared, ".@FRV_officiel : « Nous attendons maintenant des actes, "
                                      "des budgets et des dates » #PlanEau #rivières")
    assert found["verdict"] == "exact"
    assert "Vous donnez ces mots" not in (found.get("note") or "")
