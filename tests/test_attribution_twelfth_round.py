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

from tests.shared_docs import quote_at
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
