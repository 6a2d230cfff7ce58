"""Document speakers (issue 11, session 28): a second guest debating with the first is a speaker
(tests/gold/README.md, part A rules: « Julien Bayou facing Cédric O »), also where the 2023
file's scraper joined the guest's label, its function in capitals and the first words on one
line. A recorded voice labelled with its function is still no speaker. Real passages of
../shared/corpus, read in place (the tests skip, saying why, when it is absent)."""

from indexer.extract.turns import find_turns
from tests.shared_docs import VIE_PUBLIQUE_2023, extracted, quote_at, shared_document

BECHU = "Interview de M. Christophe Béchu, ministre de la transition écologique"
GUERINI = "Interview de M. Stanislas Guerini"


def _bechu_on_sainte_soline():
    # France Inter, 27 March 2023: « … Expliquez-nous pourquoi vous êtes contre ces bassines,
    # Christophe BECHU vous répondra ensuite.⏎⏎BASILE DUTERTRE, PORTE-PAROLE DES SOULEVEMENTS
    # DE LA TERRE Bonjour Nicolas, bonjour Léa bonjour France Inter. Ecoutez, je suis absolument
    # atterré … », then « … Alors réponse de Christophe BECHU.BASILE DUTERTRE Je n'ai pas fini,
    # je n'ai pas fini ! … » and « BASILE DUTERTRE Il est en train de vous raconter n'importe … »
    return shared_document(VIE_PUBLIQUE_2023, BECHU, "BASILE DUTERTRE")


def test_a_second_guest_labelled_with_his_function_on_the_words_line_is_a_speaker():
    doc = extracted(_bechu_on_sainte_soline(), "speakers")
    minister = "ministre de la transition écologique et de la cohésion des territoires"
    assert [(s.name, s.function) for s in doc.speakers] == [
        ("Christophe Béchu", minister),
        ("Basile Dutertre", "porte-parole des soulevements de la terre"),
    ]
    # the two journalists stay journalists, and no speakers
    assert doc.meta["interviewers"] == ["Nicolas Demorand", "Lea Salame"]


def test_the_label_with_a_function_opens_the_guests_turn_and_gives_the_function():
    text = _bechu_on_sainte_soline().text
    turns = [t for t in find_turns(text) if t.name == "Basile Dutertre"]
    first = text.index("BASILE DUTERTRE, PORTE-PAROLE")
    assert turns[0].start == first
    assert text[turns[0].body :].startswith("Bonjour Nicolas, bonjour Léa")
    assert turns[0].function == "porte-parole des soulevements de la terre"
    # his turns glued after a journalist's sentence are his too (« …BECHU.BASILE DUTERTRE On
    # n'est pas sérieux »), four of them, with the one his name alone opens: six in all
    assert len(turns) == 6
    # a label of a name alone gives no function (« CHRISTOPHE BECHU Mais je ne suis pas … »)
    assert {t.function for t in find_turns(text) if t.name == "Christophe Bechu"} == {None}


def test_his_words_quoted_in_his_turn_stay_the_persons_they_were():
    doc = extracted(_bechu_on_sainte_soline(), "speakers")
    # « … un tweet de Jean-Luc MELENCHON qui a réagi : « Assez de violences policières à
    # Sainte-Soline ! » »: the cue's author, whoever holds the floor
    assert quote_at(doc, "Assez de violences policières").speaker == "Jean-Luc Melenchon"


def test_a_recorded_voice_glued_with_its_function_is_no_speaker():
    # France Info, 30 March 2023: « … il est venu nous le dire, il y a quelques jours sur ce
    # plateau, c'est le patron du MEDEF, Geoffroy ROUX DE BEZIEUX.GEOFFROY ROUX DE BEZIEUX,
    # PRESIDENT DU MEDEF Pourquoi, nous, on est dubitatifs … »: a recording played on air,
    # glued after the journalist's sentence, not a guest on the set
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, GUERINI, "ROUX DE BEZIEUX"), "speakers")
    assert [s.name for s in doc.speakers] == ["Stanislas Guerini"]
    assert doc.meta["interviewers"] == ["Marc Fauvelle", "Salhia Brakhlia"]
