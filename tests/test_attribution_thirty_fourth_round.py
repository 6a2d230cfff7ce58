"""Who really said it, thirty-fourth round (issue 11): words taken up, and « vous » the object.

Session 41 read the development half's 13 document speakers missed (recall 0.990) and its 109
wrong attributions, grouped by family before any change (`bench/attribution-rounds.md`,
thirty-fourth round). The speakers missed are single forms of the luxleaks posts (a front
matter's name cut short, a first name speaking in a block, a reposted communiqué …): none was
changed. Two attribution forms were:

- **words taken up from an earlier quotation** are its author's again: « « Notre pays ne peut
  plus se contenter des lois de la paix » a dit le maire de Nice Christian ESTROSI » then, in
  the journalist's next question, « Mais « les lois de la paix ne suffisent plus »… » (the
  mayor's, not the journalist's); « « La peur va changer de camp », disait hier soir le chef
  de l'Etat » then the minister's answer « « La peur doit changer de camp », effectivement »
  (the head of State's words, named by his function only: nobody named, not the minister).
  The words no cue gives to anyone share a run of three words or more, half of theirs at
  least, with words a cue gave to someone named or to a function.
- **« vous » right before a verb in the third person is its object**: « Vous le dites,
  certains vous disent aujourd'hui « il faut des lois d'exception » » is no words of the
  minister addressed (the « vous » of « Vous le dites » read as the subject of « disent »), but
  words the journalist lends to « certains » (CONVENTIONS rule 4: his).

Over the whole shared corpus (`bench.extraction_identity`, 63,640 documents) the round changes
these three quotations and nothing else; the demo corpus not at all.

Each test reads the real passage in ../shared/corpus in place (skipping, saying why, when it
is absent; failing under VERBATIM_REQUIRE_SHARED=1). The positive cases fail on the code before
the round (main aab05bd); the guards pass on both.
"""

import pytest

from tests.shared_docs import (
    VIE_PUBLIQUE,
    VIE_PUBLIQUE_2023,
    extracted,
    quote_at,
    shared_document,
)

# (the interview's title, words of the row, the quoted words, their author, the function, cue)
TAKEN_UP = [
    # ALI BADDOU: « « Notre pays ne peut plus se contenter des lois de la paix » a dit le maire
    # de Nice Christian ESTROSI. Qu'est-ce que vous lui répondez ? » … then, after Bruno Le
    # Maire's answer: « Mais « les lois de la paix ne suffisent plus »… »
    (
        "Interview de M. Bruno Le Maire",
        "lois de la paix",
        "les lois de la paix ne suffisent plus",
        "Christian Estrosi",
        "reprise",
    ),
    # the journalist: « « La peur va changer de camp », disait hier soir le chef de l'Etat en
    # Conseil de défense … » AGNES PANNIER-RUNACHER: « « La peur doit changer de camp »,
    # effectivement, et Bercy est d'abord mobilisé … »: the head of State's words, unnamed
    (
        "Interview de Mme Agnès Pannier-Runacher",
        "changer de camp",
        "La peur doit changer de camp",
        None,
        "reprise",
    ),
]


@pytest.mark.parametrize(
    "title, also, words, author, cue",
    TAKEN_UP,
    ids=["the-journalist-takes-up-the-mayor", "the-minister-takes-up-the-head-of-state"],
)
def test_words_taken_up_from_an_earlier_quotation_are_its_authors(title, also, words, author, cue):
    quote = quote_at(extracted(shared_document(VIE_PUBLIQUE, title, also)), words)
    assert (quote.is_speech, quote.speaker, quote.cue) == (True, author, cue)


def test_the_head_of_state_taken_up_keeps_his_function():
    title = "Interview de Mme Agnès Pannier-Runacher"
    doc = extracted(shared_document(VIE_PUBLIQUE, title, "changer de camp"))
    earlier = quote_at(doc, "La peur va changer de camp")
    later = quote_at(doc, "La peur doit changer de camp")
    assert later.function == earlier.function and later.function


def test_three_words_in_common_are_not_half_of_a_longer_quotation():
    # EMMANUEL MACRON: « Ce n'est pas donc mon message simplement “Tenez bon”, c'est
    # “Accélérez. Ayez confiance. Croyez dans l'avenir. Investissez, on sera là aussi.” », after
    # « “Les gars, ne renoncez jamais. … on sera là pour vous accompagner” »: « on sera là »,
    # three of twelve words, is a phrase anyone says, and the words stay the President's
    doc = extracted(shared_document(VIE_PUBLIQUE, "Déclaration de M. Emmanuel Macron", "Accélérez"))
    quote = quote_at(doc, "Accélérez. Ayez confiance.")
    assert (quote.speaker, quote.cue) == ("Emmanuel Macron", "tour de parole")


def test_the_same_words_in_a_debate_stay_the_speakers_own():
    # In a debate turn no cue gives « Nul n'a de droit à l'enfant » to anyone, twice: the
    # rule reads the words a cue gave to someone named, not words left to nobody (a guard)
    from tests.test_attribution_second_round import _turn

    turn = _turn("20130129.xml", "sp-00339-Xavier_Breton")
    quotes = [q for q in turn.quotes if "Nul n'a de droit à l'enfant" in q.text]
    assert len(quotes) == 2
    assert quotes[-1].speaker == "Xavier Breton"


def test_vous_right_before_a_verb_in_the_third_person_is_its_object():
    # BENJAMIN SPORTOUCH: « Mais est-ce que vous en avez les moyens ? … Vous le dites,
    # certains vous disent aujourd'hui « il faut des lois d'exception » et pas les plus
    # radicaux. »: words some people say to the minister, lent by the journalist
    doc = extracted(
        shared_document(VIE_PUBLIQUE, "Interview de M. Gérald Darmanin", "lois d'exception")
    )
    quote = quote_at(doc, "il faut des lois d'exception")
    assert quote.speaker == "Benjamin Sportouch"


def test_vous_before_a_verb_in_the_second_person_is_still_the_guest():
    # SONIA MABROUK: « Vous m'avez bien dit ce matin « … » » (a guard): the guest's words
    doc = extracted(
        shared_document(VIE_PUBLIQUE_2023, "Interview de M. Marc Fesneau", "Vous m'avez bien dit")
    )
    asked = "Vous m'avez bien dit ce matin «"
    quote = next(q for q in doc.quotes if doc.text[: q.start].endswith(asked))
    assert (quote.speaker, quote.cue) == ("Marc Fesneau", "vous dit")
