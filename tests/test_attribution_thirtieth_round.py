"""Who really said it, thirtieth round (issue 11): the proper name heading the sentence that
brings in the words with a colon.

In a debate, words no cue gives to anyone are nobody's (« auteur non identifié »). Of the named
authors the development half left to nobody, three were brought in by a sentence ending on a
colon right before the marks whose subject is a proper name the name lists do not know as a
person — a surname alone, a company, a newspaper — whatever its verb: the mentions never see it,
so no rule could choose it (parts O, X and AA). Over the whole corpus (every document holding a
mark, part J and the checks left out) the debates hold eleven such sentences whose name passes
the round's tests; the eight the rules already decided give the words to that name, and the
three left to nobody are those three (`bench/attribution-rounds.md`, thirtieth round). The name
is the words' author (CONVENTIONS rules 1 and 6) when:

- it heads the sentence, after « le », « la », « l' » (and « même ») or nothing, a verb in small
  letters right after it, no stop, quotation or second colon before the one opening the words;
- it is no function, the house, a State or a text (« Mme la garde des Sceaux a précisé : »,
  « L'article 149 du code civil … dispose : »: rules 2, 6 and 8);
- it is a name: never written in small letters in the text, and, with no article before it,
  written with its capital inside a sentence somewhere (« Écoutez comme c'est beau : »,
  « Étonnante déclaration que celle d'un de nos collègues … : » name no one).

Each test reads the real passage in ../shared/corpus in place (skipping, saying why, when it is
absent; failing under VERBATIM_REQUIRE_SHARED=1). The positive cases fail on the code before the
round (main 476df08); the guards pass on both.
"""

import pytest

from tests.shared_docs import quote_at
from tests.test_attribution_second_round import _turn


@pytest.mark.parametrize(
    "sitting, record, words, author",
    [
        # PASCALE BOISTARD: « Goodyear se plaît à rappeler sur son site internet les valeurs du
        # groupe : « Si le monde connaît toutes ces mutations, … » » (a company; was nobody's)
        ("20130135.xml", "sp-00044-Pascale_Boistard", "Si le monde connaît toutes", "Goodyear"),
        # KARINE BERGER: « Le même Soros avait eu cette terrible phrase en 2002 : « Dans le
        # capitalisme global, seuls les Américains votent, … » » (a surname alone)
        ("20130144.xml", "sp-00374-Karine_Berger", "Dans le capitalisme global", "Soros"),
        # AXELLE LEMAIRE: « Le Wall Street Journal titrait, au lendemain de la faillite de Lehman
        # Brothers : « Wall Street tel qu'on l'a connu cessera d'exister. » » (a newspaper)
        (
            "20130144.xml",
            "sp-00412-Axelle_Lemaire",
            "tel qu'on l'a connu",
            "Wall Street Journal",
        ),
    ],
    ids=["company", "surname-after-le-meme", "newspaper"],
)
def test_the_proper_name_heading_a_sentence_ending_on_a_colon_says_the_words(
    sitting, record, words, author
):
    doc = _turn(sitting, record)
    quote = quote_at(doc, words)
    assert quote.is_speech
    assert quote.speaker == author


def test_a_function_heading_the_sentence_names_no_one():
    # LE PRÉSIDENT (the chair): « Mme la garde des Sceaux a précisé : « Dans les jours qui
    # viennent. » »: a function alone, nobody by name (CONVENTIONS rule 2)
    doc = _turn("20130124.xml", "sp-00022-le_président")
    quote = quote_at(doc, "Dans les jours qui viennent")
    assert quote.speaker is None
    assert quote.function == "garde des Sceaux"


def test_a_text_heading_the_sentence_is_nobody():
    # CHRISTIANE TAUBIRA: « L'article 149 du code civil, que ces amendements tendent à rendre
    # inapplicable, dispose, s'agissant des parents : « Si l'un des deux est mort … » » (rule 8)
    doc = _turn("20130135.xml", "sp-00548-Christiane_Taubira")
    assert quote_at(doc, "Si l'un des deux est mort").speaker is None


@pytest.mark.parametrize(
    "sitting, record, words",
    [
        # JEAN-JACQUES URVOAS: « Étonnante déclaration que celle d'un de nos collègues, lors de
        # la manifestation du 13 janvier : « En tant qu'élu de la Nation, … » » (unnamed)
        ("20130118.xml", "sp-00389-Jean-Jacques_Urvoas", "En tant qu'élu de la Nation"),
        # ERWANN BINET: « Ouvrir l'institution du mariage aux couples de même sexe, c'est dire
        # au jeune adolescent qui se révèle homosexuel : « Tu peux vivre ta vie. » »
        ("20130118.xml", "sp-00292-Erwann_Binet", "Tu peux vivre ta vie"),
    ],
    ids=["etonnante-declaration", "ouvrir-l-institution"],
)
def test_a_capitalised_word_opening_the_sentence_is_no_name(sitting, record, words):
    doc = _turn(sitting, record)
    assert quote_at(doc, words).speaker is None


def test_a_pronoun_heading_the_sentence_keeps_the_person_it_stands_for():
    # MARIE-FRANÇOISE CLERGEAU: « Hannie van Leeuwen, sénatrice démocrate-chrétienne des Pays-
    # Bas, … Cinq ans plus tard, elle a déclaré : « Après avoir vu … » »: « Cinq » is no name
    doc = _turn("20130118.xml", "sp-00349-Marie-Françoise_Clergeau")
    assert quote_at(doc, "Après avoir vu de nombreux couples").speaker == "Hannie van Leeuwen"


def test_a_name_after_a_word_to_listen_keeps_the_author_read():
    # MARC LE FUR: « Du mariage, de Léon Blum, est un hymne à l'altérité. Écoutez comme c'est
    # beau : « Le goût que les femmes ressentiront … » »: the book's author, not « Écoutez »
    doc = _turn("20130138.xml", "sp-00686-Marc_Le_Fur")
    assert quote_at(doc, "Le goût que les femmes").speaker == "Léon Blum"
