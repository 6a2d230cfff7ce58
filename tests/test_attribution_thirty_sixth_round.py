"""Who really said it, thirty-sixth round (issue 11): the amendment a deputy presents, and the
wording a text would put in place of another.

Session 44 drew part AH, the last fresh TEI turns holding a speech-like pair, annotated it blind
and scored it once before any change (PART-AH.md: 90.3 %, 28 / 31). Then the round read the
named authors the rules leave to nobody over AH and the rest of the development half
(`bench/attribution-rounds.md`, thirty-sixth round). The one family a rule reaches without losing
anywhere: the wording of the amendment the deputy holding the floor presents, read after a colon,
the sentence saying it is his without the verbs the twenty-second round reads (« cet amendement
propose de préciser », « en prévoyant »): « Il s'agit d'un amendement de précision et de bon
sens, pour bien différencier les situations : », « j'ai très envie de vous proposer ce
contre-amendement : », « Qui, parmi nous, va voter contre un tel amendement : ». Those words are
the speaker's (PART-R.md: a deputy's own amendment presented in his turn is his).

An amendment whose sentence names a text on the way reads that text, nobody's (« Cet amendement
concerne l'article 409 du code civil, dont je voudrais vous donner lecture : »), and a numbered
amendment is a colleague's (« L'amendement n° 13 propose quant à lui de préciser : »): the guards.

The round also reads one family of the speech / not-speech line that part AH showed: the wording
put in place of another, right after the verb that substitutes it (« le mot « parent » est quant
à lui remplacé par « membre de la famille » », « tendant notamment à remplacer « le mari et la
femme » »), is words weighed, a term, not speech; a sentence put in place stays the text's.

Over the whole shared corpus (`bench.extraction_identity`, part J and the checks left out by
key) the round changes these quotations and nothing else.

Each test reads the real passage in ../shared/corpus in place (skipping, saying why, when it
is absent; failing under VERBATIM_REQUIRE_SHARED=1). The positive cases fail on the code before
the round (main c51e8c1); the guards pass on both.
"""

import pytest

from tests.shared_docs import quote_at
from tests.test_attribution_second_round import _turn

# (sitting, turn, words, the deputy presenting the amendment)
OWN_AMENDMENT = [
    # HERVÉ MARITON: « Il s'agit d'un amendement de précision et de bon sens, pour bien
    # différencier les situations : « Lorsque le mariage est contracté entre une femme et un
    # homme, les époux portent respectivement le nom de mère et père », quand ils sont, de fait,
    # parents. »
    (
        "20130141.xml",
        "sp-00017-Hervé_Mariton",
        "Lorsque le mariage est contracté entre une femme",
        "Hervé Mariton",
    ),
    # PATRICK BLOCHE: « En l'occurrence, puisque votre amendement tend à ce que, « … », j'ai très
    # envie de vous proposer ce contre-amendement : « Lorsqu'est envisagée son intervention sur
    # le mariage et l'adoption … » »
    (
        "20130132.xml",
        "sp-00556-Patrick_Bloche",
        "Lorsqu'est envisagée son intervention",
        "Patrick Bloche",
    ),
    # XAVIER BRETON: « Cet amendement devrait aller de soi. Qui, parmi nous, va voter contre un
    # tel amendement : « Nul n'a de droit à l'enfant » ? »
    ("20130129.xml", "sp-00339-Xavier_Breton", "Nul n'a de droit à l'enfant", "Xavier Breton"),
]


@pytest.mark.parametrize(
    "sitting, record, words, author",
    OWN_AMENDMENT,
    ids=["il-s-agit-d-un-amendement", "ce-contre-amendement", "un-tel-amendement"],
)
def test_the_wording_of_the_amendment_a_deputy_presents_is_his(sitting, record, words, author):
    quote = quote_at(_turn(sitting, record), words)
    assert (quote.is_speech, quote.speaker) == (True, author)


# (sitting, turn, words): a text named on the way, a colleague's amendment: not the deputy's
NOT_HIS = [
    # JEAN-FRÉDÉRIC POISSON: « Cet amendement concerne l'article 409 du code civil, dont je
    # voudrais vous donner lecture : « La tutelle comporte un subrogé tuteur … » »: the code
    ("20130138.xml", "sp-00910-Jean-Frédéric_Poisson", "La tutelle comporte un subrogé"),
    # HERVÉ MARITON: « L'amendement n° 13 propose quant à lui de préciser : « s'il est marié ou
    # pacsé avec une personne de même sexe » »: a colleague's amendment, numbered
    ("20130143.xml", "sp-00056-Hervé_Mariton", "s'il est marié ou pacsé avec"),
]


@pytest.mark.parametrize(
    "sitting, record, words", NOT_HIS, ids=["the-code-read-out", "a-numbered-amendment"]
)
def test_a_text_named_or_a_numbered_amendment_is_not_the_speakers(sitting, record, words):
    turn = _turn(sitting, record)
    quote = quote_at(turn, words)
    assert quote.is_speech and quote.speaker != turn.speakers[0].name


# What the words put in place of others are: (sitting, turn, words, speech?) — a wording a term,
# a whole sentence of the code a text's speech (nobody known)
PUT_IN_PLACE = {
    # FRÉDÉRIC REISS: « … et que le mot « parent » est quant à lui remplacé par « membre de la
    # famille ». C'est totalement surréaliste. »
    "remplace-par": ("20130134.xml", "sp-00077-Frédéric_Reiss", "membre de la famille", False),
    # ERWANN BINET: « … l'une d'entre elle qui voulait que la dénomination de parent, lorsqu'elle
    # faisait référence à la parenté, fût remplacée par « membre de la famille » »
    "fut-remplacee-par": ("20130134.xml", "sp-00231-Erwann_Binet", "membre de la famille", False),
    # YANNICK FAVENNEC: « Il s'agissait également de procéder à d'autres substitutions, tendant
    # notamment à remplacer « le mari et la femme » par « les époux » »
    "tendant-a-remplacer": (
        "20130140.xml",
        "sp-00815-Yannick_Favennec",
        "le mari et la femme",
        False,
    ),
    # GILLES LURTON: « … serait ainsi remplacée par la phrase « Les époux peuvent avoir un
    # domicile distinct … » »: a whole sentence of the code, the guard
    "une-phrase-mise-a-la-place": (
        "20130139.xml",
        "sp-00509-Gilles_Lurton",
        "Les époux peuvent avoir",
        True,
    ),
}


@pytest.mark.parametrize("case", PUT_IN_PLACE)
def test_a_wording_put_in_place_is_a_term_a_sentence_put_in_place_a_text(case):
    sitting, record, words, speech = PUT_IN_PLACE[case]
    quote = quote_at(_turn(sitting, record), words)
    assert (quote.is_speech, quote.speaker) == (speech, None)
