"""Who really said it, twelfth round (issue 11): forms drawn from the whole corpus, not the gold.

As in the eleventh round, seeded samples of the speech quotations of the TEI debates, the
vie-publique rows and the luxleaks posts (every document of the held-out part J and of part K
left out) were read with their context, the wrong attributions grouped into families, and only
families seen several times in the corpus fixed, in general forms. Each test reads the real
passage in ../shared/corpus in place (skipping, saying why, when it is absent; failing under
VERBATIM_REQUIRE_SHARED=1); every change was checked on all the corpus quotations
(/work/notes/s12/round12.md).
"""

import pytest

from tests.shared_docs import extracted, quote_at, shared_document
from tests.test_attribution_second_round import _turn


def _case_id(case: tuple) -> str:
    return f"{case[1].split('-', 2)[-1]}-{case[2][:20]}"


def _said(case: tuple) -> str | None:
    """Who the extractor says said the words `case[2]` of turn `case[1]` of sitting `case[0]`."""
    return quote_at(_turn(case[0], case[1]), case[2]).speaker


# --- The words first, then whose they are -------------------------------------------------

NAMED_AFTER = [
    # NICOLAS BAYS: « « On ne peut pas dire qu'on est le pays des droits de l'homme … ». Cette
    # phrase n'est pas de moi mais je l'approuve totalement. Elle a été prononcée il y a quelques
    # années par Damien Abad, député de l'opposition »
    ("20130121.xml", "sp-00159-Nicolas_Bays", "On ne peut pas dire qu'on", "Damien Abad"),
    # THIERRY SOLÈRE: « je reprendrai les propos de l'un de nos collègues : « Je ne remets pas en
    # cause la logique de groupe … » Mes chers collègues, ces propos sont de notre collègue
    # Bernadette Laclais »
    ("20130139.xml", "sp-00781-Thierry_Solère", "Je ne remets pas en cause", "Bernadette Laclais"),
    # OLIVIER DUSSOPT: « C'est un homme qui disait : « En 2007, j'ai pensé proposer une alliance
    # civile … » C'est Nicolas Sarkozy qui a dit cela, dans une interview au magazine Têtu »
    ("20130125.xml", "sp-00877-Olivier_Dussopt", "En 2007, j'ai pensé", "Nicolas Sarkozy"),
    # YVES NICOLIN: « Permettez-moi de vous lire un court texte : « On peut réprouver et combattre
    # l'homophobie … » Ces propos, c'est Lionel Jospin qui les a tenus en mai 2004 »
    ("20130126.xml", "sp-00245-Yves_Nicolin", "On peut réprouver", "Lionel Jospin"),
]


@pytest.mark.parametrize("case", NAMED_AFTER, ids=_case_id)
def test_words_whose_author_the_next_sentence_names_are_his(case):
    assert _said(case) == case[3]


def test_a_term_inside_a_sentence_takes_no_author_named_after_it():
    # XAVIER BRETON: « « C'est un mariage offert aux couples homosexuels » : si un député de
    # l'UMP avait prononcé une phrase pareille, il aurait été propulsé en tête du « best of
    # réac ». Le problème, c'est qu'elle est de Lionel Jospin. »: « elle » is the phrase quoted
    # first; « best of réac » is a term, nobody's words
    doc = _turn("20130138.xml", "sp-00210-Xavier_Breton")
    assert not any("best of réac" in q.text and q.speaker for q in doc.quotes)


# --- A sentence reading or citing someone, then the words in a sentence of their own ---------

READ_BEFORE = [
    # MARC LE FUR: « Je poursuis la lecture du texte du professeur Le Guay. (« Ah ! » sur les
    # bancs du groupe SRC.) « D'où l'émergence d'un “tourisme juridique”. … » »: a surname with
    # its particle after a title, the stage direction between
    ("20130140.xml", "sp-00509-Marc_Le_Fur", "D'où l'émergence", "Le Guay"),
    # JEAN-FRÉDÉRIC POISSON: « Je poursuis ma citation de Me de Vries, que je terminerai dans ma
    # prochaine intervention. « Le mariage postule la filiation biologique … » »
    ("20130140.xml", "sp-00592-Jean-Frédéric_Poisson", "Le mariage postule", "de Vries"),
    # DANIEL FASQUELLE: « … quelques extraits d'une étude, réalisée par un professeur de droit de
    # Lyon-III, Hugues Fulchiron, qui va vous prouver que nos critiques … sont partagées par
    # beaucoup … « Cette règle, écrit-il, qui serait applicable … » »
    ("20130127.xml", "sp-00281-Daniel_Fasquelle", "Cette règle, écrit-il", "Hugues Fulchiron"),
    # VÉRONIQUE LOUWAGIE: « Je vais vous donner lecture de propos émanant de l'Association des
    # adoptés, qui ne réunit que des personnes adoptées. « Nous, les personnes adoptées, … » »:
    # a body (CONVENTIONS rule 6)
    (
        "20130132.xml",
        "sp-00310-Véronique_Louwagie",
        "Nous, les personnes",
        "Association des adoptés",
    ),
    # MARC LE FUR: « Le professeur Le Guay continue : « Est-ce moral … » »
    ("20130140.xml", "sp-00511-Marc_Le_Fur", "Est-ce moral", "Le Guay"),
]


@pytest.mark.parametrize("case", READ_BEFORE, ids=_case_id)
def test_words_after_a_sentence_reading_an_author_are_the_authors(case):
    assert _said(case) == case[3]


def test_a_sentence_reading_no_one_by_name_gives_the_words_to_nobody():
    # CHRISTIAN JACOB: « Je vous donne lecture de la réponse du Président de la République – je
    # pense que c'est important pour le déroulement de nos séances. « Vous m'avez saisi … » »: a
    # function only, and the sentence ends elsewhere (CONVENTIONS rule 2)
    quote = quote_at(_turn("20130124.xml", "sp-00600-Christian_Jacob"), "Vous m'avez saisi")
    assert quote.speaker is None


# --- A law named only as a complement; words cited by a possessive ---------------------------


def test_a_law_named_as_a_complement_leaves_the_words_to_the_person_cited():
    # PAUL SALEN: « J'aimerais à ce propos rappeler les propos du doyen Carbonnier sur la place
    # du mariage dans la loi : « Le Code civil n'a pas défini le mariage … » »: the dean's
    # words, not the law's
    quote = quote_at(_turn("20130126.xml", "sp-00243-Paul_Salen"), "Le Code civil n'a pas")
    assert quote.speaker == "Carbonnier"


def test_a_law_heading_the_sentence_still_speaks_its_own_words():
    # JEAN-JACQUES URVOAS: « je l'invite à lire l'article 71-5 du règlement de l'Assemblée
    # nationale : « Est également rappelé à l'ordre … » »: the rules' words (CONVENTIONS rule 8)
    quote = quote_at(_turn("20130128.xml", "sp-00093-Jean-Jacques_Urvoas"), "Est également rappel")
    assert quote.speaker is None


POSSESSIVE = [
    # MARC LE FUR: « Il est important d'entendre ce que dit le juge Rosenczveig au sujet de
    # l'union civile. Écoutez bien ses propos, qui vous feront un peu mal : « Le Gouvernement
    # aurait pu proposer une union civile … » »
    ("20130141.xml", "sp-00309-Marc_Le_Fur", "Le Gouvernement aurait pu", "Rosenczveig"),
    # MARIE-ANNE CHAPDELAINE: « De plus, nous avons évoqué le Conseil supérieur de l'adoption. Je
    # veux vous lire une phrase extraite d'un de ses comptes rendus : « le Conseil supérieur de
    # l'adoption a examiné les incidences du projet … » »: a body (CONVENTIONS rule 6)
    (
        "20130131.xml",
        "sp-00234-Marie-Anne_Chapdelaine",
        "a examiné les incidences",
        "Conseil supérieur de l'adoption",
    ),
]


OBJECT_PRONOUN = [
    # PHILIPPE GOSSELIN: « On vient de me faire part … d'un tweet envoyé par notre collègue Guedj.
    # Je vous le lis : « Je rejoins la séance, déprimé … » »
    ("20130126.xml", "sp-00257-Philippe_Gosselin", "Je rejoins la séance", "Guedj"),
    # XAVIER BRETON: « Que dit le Conseil d'État dans son avis ? Je le relis : « Eu égard à la
    # portée majeure d'un texte … » »
    ("20130138.xml", "sp-01040-Xavier_Breton", "Eu égard à la portée", "Conseil d'État"),
]


@pytest.mark.parametrize("case", POSSESSIVE + OBJECT_PRONOUN, ids=_case_id)
def test_words_cited_by_a_possessive_are_those_of_the_one_named_just_before(case):
    assert _said(case) == case[3]


def test_dixit_names_the_author_after_the_words_with_his_title_between():
    # LUXLEAKS, « Rétrospective »: « « On ne peut pas sérieusement … admettre le contraire »,
    # dixit le juge Thill. Il reconnaît également que « les divulgations d'Antoine Deltour (ont)
    # eu comme conséquence … » »: the judge's words, and « il » is the judge
    doc = extracted(shared_document("luxleaks-communiques/markdown/2018-06-13-retrospective.md"))
    assert quote_at(doc, "On ne peut pas sérieusement").speaker == "Thill"
    assert quote_at(doc, "les divulgations d’Antoine Deltour").speaker == "Thill"


# --- Words a debater imagines for others: his own (CONVENTIONS rule 4) ----------------------

IMAGINED = [
    # JEAN-MARC AYRAULT: « je prends le pari que demain, beaucoup d'entre vous viendront me dire :
    # « Oui, c'est une avancée, et vous avez bien fait ! » »
    ("20130118.xml", "sp-00039-Jean-Marc_Ayrault", "Oui, c'est une avancée"),
    # VÉRONIQUE MASSONNEAU: « Refuser aux familles monoparentales, aux familles homoparentales ce
    # projet de loi, c'est leur dire : « À nos yeux, vous n'existez pas. … » »
    ("20130119.xml", "sp-00304-Véronique_Massonneau", "À nos yeux, vous n'existez"),
    # BERNARD ROMAN: « …et leurs enfants espèrent pouvoir bientôt dire à l'école : « Oui, j'ai deux
    # parents comme mes copains. » »
    ("20130129.xml", "sp-00553-Bernard_Roman", "Oui, j'ai deux parents"),
    # GILLES LURTON: « je ne voudrais pas que, demain, … on vienne nous dire : « Comment avez-vous
    # pu voter cela ? » »
    ("20130137.xml", "sp-00730-Gilles_Lurton", "Comment avez-vous pu"),
    # MARC LE FUR: « Yves Albarello et moi-même avons été choqués … Quitte à parler d'« hexagone »,
    # il faudrait dire « l'hexagone et la Corse » »: his suggestion, not his colleague's words
    ("20130141.xml", "sp-00192-Marc_Le_Fur", "l'hexagone et la Corse"),
]


@pytest.mark.parametrize("case", IMAGINED, ids=_case_id)
def test_words_a_debater_imagines_others_would_say_are_his_own(case):
    sitting, record, words = case
    quote = quote_at(_turn(sitting, record), words)
    assert quote.speaker == record.split("-", 2)[-1].replace("_", " ")


# --- The holder of an office named in apposition (the office alone: sixteenth round) ---------


def test_the_holder_named_in_apposition_to_an_authority_said_the_words():
    # XAVIER BRETON: « Permettez-moi de rappeler les propos du Défenseur des droits, Dominique
    # Baudis, lors de son audition le 13 décembre dernier : « Dans beaucoup de domaines, … » »
    quote = quote_at(_turn("20130124.xml", "sp-00132-Xavier_Breton"), "Dans beaucoup de domaines,")
    assert quote.speaker == "Dominique Baudis"
