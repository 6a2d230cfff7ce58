"""Who really said it, thirty-third round (issue 11): four cues that name the author, read.

Session 40 grouped the development half's 115 wrong attributions into families (62 named
authors left to nobody, 28 given to another, 25 nobody's words given to someone: most are
single forms) and kept the families a general rule can fix where it fires without naming a
wrong person elsewhere in the corpus:

- a **description after the words' verb** stands for the person just quoted: « « … »,
  conclut le magistrat » after the judge Rosenczveig's words, « « … », estime l'ancienne
  ministre » after Georgina Dufoix's (part R); the corpus holds no other such incise;
- « **Je poursuis ma citation :** » with no quotation before in the turn goes on with the
  citation begun in reported speech in the sentence before (« M. Poignant se demandait donc
  si … »; part X, two paragraphs);
- « **La formule « … » est de** Talleyrand »: a noun of words before the marks, « est de X »
  right after them (part P);
- « **elles** » is many: a body in focus speaking for its members (« l'Union des entreprises
  de proximité, et voilà ce qu'elles disaient hier : »), never one woman (« j'entends des
  gynécologues qui disent … parce qu'elles nous disent : », part E; « Elles se sont
  structurées … sur une fiction qui était la « fin de l'histoire » », a term, not Donald
  Trump's words).

Over the whole shared corpus (`bench.extraction_identity`, part J and the checks left out by
key) the round changes these seven quotations and nothing else, none in part J or the checks
(`bench/attribution-rounds.md`, thirty-third round).

Each test reads the real passage in ../shared/corpus in place (skipping, saying why, when it
is absent; failing under VERBATIM_REQUIRE_SHARED=1). The positive cases fail on the code before
the round (main 0879552); the guards pass on both.
"""

import pytest

from tests.shared_docs import VIE_PUBLIQUE, extracted, quote_at, shared_document
from tests.test_attribution_second_round import _turn

# (sitting, turn, words, their author, the cue read)
TURNS = [
    # MARC LE FUR: « Il déclare encore : « Qu'advient-il de cette vie intra-utérine … ? » …
    # « Une femme peut-elle se réduire à son utérus ? », conclut le magistrat. »
    (
        "20130141.xml",
        "sp-00234-Marc_Le_Fur",
        "Une femme peut-elle se réduire",
        "Jean-Pierre Rosenczveig",
        "conclut le magistrat",
    ),
    # MARC LE FUR: « Je veux parler de Georgina Dufoix, qui déclare : « … » ⏎⏎ « Si François
    # Hollande avait posé la question suivante : … », estime l'ancienne ministre. »
    (
        "20130138.xml",
        "sp-00136-Marc_Le_Fur",
        "Si François Hollande avait posé",
        "Georgina Dufoix",
        "estime l'ancienne ministre",
    ),
    # JEAN-FRÉDÉRIC POISSON: « Le 11 novembre 2012, M. Poignant se demandait donc si ce projet
    # consistait à ouvrir un nouveau contrat … – la réponse était non. Je poursuis ma
    # citation : « S'agit-il d'une question de filiation, … »
    (
        "20130138.xml",
        "sp-00101-Jean-Frédéric_Poisson",
        "S'agit-il d'une question de filiation",
        "Poignant",
        "Je poursuis ma citation",
    ),
    # … and the next paragraph, reopened with a mark: « « Aujourd'hui l'adoption est possible
    # dans un projet parental. … » »
    (
        "20130138.xml",
        "sp-00101-Jean-Frédéric_Poisson",
        "Aujourd'hui l'adoption est possible",
        "Poignant",
        "Je poursuis ma citation",
    ),
    # HERVÉ MARITON: « La formule « Tout ce qui excessif est insignifiant » est de Talleyrand et
    # non de Charles de Gaulle »
    ("20130121.xml", "sp-00574-Hervé_Mariton", "Tout ce qui excessif", "Talleyrand", "est de"),
]


@pytest.mark.parametrize(
    "sitting, record, words, author, cue",
    TURNS,
    ids=[
        "conclut-le-magistrat",
        "estime-l-ancienne-ministre",
        "je-poursuis-ma-citation",
        "its-next-paragraph",
        "la-formule-est-de",
    ],
)
def test_the_cue_names_the_author_the_turn_quotes(sitting, record, words, author, cue):
    quote = quote_at(_turn(sitting, record), words)
    assert (quote.speaker, quote.cue) == (author, cue)


# (the interview's title, words of the row, the quoted words, speech or not, their author)
INTERVIEWS = [
    # MARLÈNE SCHIAPPA: « Mais moi j'entends des gynécologues qui disent qu'elles font le
    # certificat de virginité …, parce qu'elles nous disent : « Je ne sais pas ce qui se passe
    # … » »: words she lends to the gynaecologists (CONVENTIONS rule 4: hers), not the words of
    # Roxana Maracineanu, named in the journalist's question before
    (
        "Interview de Mme Marlène Schiappa",
        "gynéco",
        "Je ne sais pas ce qui se passe si la jeune fille",
        True,
        "Marlène Schiappa",
    ),
    # EMMANUEL MACRON: « Les générations qui sont nées après 1989 … Elles se sont structurées
    # … sur une fiction qui était la "fin de l'histoire" »: a phrase, nobody's speech (it was
    # Donald Trump's, the person in focus)
    ("Entretien de M. Emmanuel Macron", "fin de l'histoire", "fin de l'histoire", False, None),
    # APOLLINE DE MALHERBE: « Alain GRISET, avant d'être ministre, vous étiez à la tête de
    # l'Union des entreprises de proximité, et voilà ce qu'elles disaient hier : « … » » (a
    # guard: the body's words, before and after the round)
    (
        "Interview de M. Alain Griset",
        "disaient hier",
        "Si le motif sanitaire d'une telle mesure",
        True,
        "Union des entreprises de proximité",
    ),
    # ALI BADDOU: « « Notre pays ne peut plus se contenter des lois de la paix » a dit le maire
    # de Nice Christian ESTROSI. » (a guard: a description naming its holder stays the
    # holder's, before and after the round)
    (
        "Interview de M. Bruno Le Maire",
        "lois de la paix",
        "Notre pays ne peut plus se contenter",
        True,
        "Christian Estrosi",
    ),
]


@pytest.mark.parametrize(
    "title, also, words, speech, author",
    INTERVIEWS,
    ids=["elles-never-one-woman", "elles-a-term", "elles-a-body", "a-dit-le-maire-de-nice-x"],
)
def test_elles_is_many_and_a_named_holder_stays_named(title, also, words, speech, author):
    quote = quote_at(extracted(shared_document(VIE_PUBLIQUE, title, also)), words)
    assert (quote.is_speech, quote.speaker) == (speech, author)
