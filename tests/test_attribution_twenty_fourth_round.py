"""Who really said it, twenty-fourth round (issue 11): named authors, taken from the corpus.

This round drew its cases from the corpus rather than the gold: seeded samples of the speech
quotations left to nobody (« auteur non identifié ») and of those given to the turn's or the
document's speaker, in the TEI debates, the vie-publique rows and the luxleaks posts (the gold's
parts J, R, T, W and Z left out), read in context and judged under
`tests/gold/attribution/CONVENTIONS.md` before any change (`bench/attribution-rounds.md`,
twenty-fourth round). A family was fixed only when its form, counted over the corpus, comes back
in two documents or more of different sittings.

**A description standing for the person named before it** (« Après le passage de Jacques Toubon
…, notre ancien collègue poursuit en précisant : « … » », « … l'excellente juriste Françoise
Dekeuwer-Défossez. … ⏎⏎Mme le professeur nous dit que « … » », « … une tribune … de Sylviane
Agacinsky, une philosophe que vous connaissez. … ⏎⏎… notamment de Mme Taubira. La philosophe
évoque notamment « … » »): in a debate turn, a noun of trade or fellowship with a definite
article, a demonstrative or « notre », heading the verb or the sentence, stands for the person
the paragraph or the one before names whose apposition gives the same noun, else the last one
named (of its gender); with no one named there it stays nobody's (« cette juriste écrit : »).

**Words an author is said to share with the speaker** (« nous considérons, comme Irène Théry,
que « … » », « À l'instar de la philosophe Sylviane Agacinski nous pensons que « … » »): the
person named in the comparison, right before « que » and the words.

Each test reads the real passage in ../shared/corpus in place (skipping, saying why, when it is
absent; failing under VERBATIM_REQUIRE_SHARED=1). The positive cases fail on the code before the
round (main a77db07); the guards pass on both.
"""

import pytest

from indexer.extract.attribution import Context
from indexer.extract.people import find_mentions
from indexer.extract.quotes import extract_quotes
from tests.shared_docs import VIE_PUBLIQUE, extracted, quote_at, shared_document
from tests.test_attribution_second_round import _turn

# (sitting, turn, the words' first words, their author, the cue)
DESCRIBED = [
    # « Après le passage de Jacques Toubon que vous avez cité, madame le ministre, selon lequel
    # un référendum ne doit pas être tenu …, notre ancien collègue poursuit en précisant :
    # « tout en respectant scrupuleusement … » »: not the minister « madame le ministre » calls
    (
        "20130120.xml",
        "sp-00308-Jean-Frédéric_Poisson",
        "tout en respectant scrupuleusement",
        "Jacques Toubon",
        "notre ancien collègue précisant",
    ),
    # « … l'intervention de l'excellente juriste Françoise Dekeuwer-Défossez. Elle a eu des
    # propos très intéressants …⏎⏎Mme le professeur nous dit que « l'adoption … » »
    (
        "20130136.xml",
        "sp-00299-Philippe_Gosselin",
        "l'adoption par les couples homosexuels",
        "Françoise Dekeuwer-Défossez",
        "Mme le professeur dit",
    ),
    # « … une tribune très intéressante de Sylviane Agacinsky, une philosophe que vous
    # connaissez. …⏎⏎Cet article du Monde … notamment de Mme Taubira. La philosophe évoque
    # notamment « une circulaire pour le moins inopportune » »: the philosopher, not the
    # minister named last
    (
        "20130134.xml",
        "sp-00502-Dominique_Tian",
        "une circulaire pour le moins inopportune",
        "Sylviane Agacinsky",
        "sujet",
    ),
]


def test_a_description_with_no_one_named_before_it_names_nobody():
    # « Dans ce petit essai intitulé De la théorie du genre au mariage du même sexe... l'effet
    # dominos, cette juriste écrit : « Il faut donc réaffirmer … » »: the turn never names her
    quote = quote_at(
        _turn("20130136.xml", "sp-00081-Jean-Frédéric_Poisson"), "Il faut donc réaffirmer"
    )
    assert (quote.is_speech, quote.speaker) == (True, None)


# (sitting, turn, the words' first words, their author, the cue)
SHARED_WITH = [
    # « … c'est parce que nous considérons, comme Irène Théry, que « le mariage est une
    # institution vivante … » »: hers, not Patrick Bloche's, whose turn it is
    (
        "20130120.xml",
        "sp-00455-Patrick_Bloche",
        "le mariage est une institution vivante",
        "Irène Théry",
        "comme",
    ),
    # « À l'instar de la philosophe Sylviane Agacinski nous pensons que « donner à un orphelin
    # deux parents de même sexe, c'est créer une inégalité. » »
    (
        "20130126.xml",
        "sp-00182-François_de_Mazières",
        "donner à un orphelin",
        "Sylviane Agacinski",
        "À l'instar de",
    ),
]


def _author_cases():
    for kind, cases in (("described", DESCRIBED), ("shared", SHARED_WITH)):
        for case in cases:
            yield pytest.param(*case, id=f"{kind}-{case[3]}")


@pytest.mark.parametrize("sitting, record, words, author, cue", list(_author_cases()))
def test_the_named_author_a_description_or_a_comparison_points_to(
    sitting, record, words, author, cue
):
    """« notre ancien collègue », « Mme le professeur », « la philosophe » heading the verb or
    the sentence stand for the person they describe, named in the paragraph or the one before;
    « comme X, que « … » », « À l'instar de X nous pensons que « … » » give X's words."""
    quote = quote_at(_turn(sitting, record), words)
    assert (quote.is_speech, quote.speaker, quote.cue) == (True, author, cue)


def test_a_comparison_with_the_verb_of_its_author_keeps_that_cue():
    # « … la décentralisation est de ces sujets auxquels, comme l'écrivait Montesquieu, on ne
    # touche que « la main tremblante » »: the author's own cue, before and after the round;
    # « on ne touche que » is no sharing of his words (« nous pensons que »)
    doc = extracted(
        shared_document(VIE_PUBLIQUE, also="comme l'écrivait Montesquieu, on ne touche"),
        "speakers",
    )
    quote = quote_at(doc, "la main tremblante")
    assert (quote.speaker, quote.cue) == ("Montesquieu", "comme l'écrivait Montesquieu")


# --- the cue after the words the attribution did not read (helper 112) -----------------------
#
# An inverted verb of speech then a title and a name (« » a dit le général de Gaulle ») was
# read only with a first name (« a dit Charles de Gaulle »), and « avez-vous dit » after the
# words not at all: in a speech the words went to its speaker, in a debate turn (with the
# short-run rule of `quotes`) they were lost. Over the corpus (J and the checks left out) the
# forms are three: Folliot's de Gaulle, de Rugy's « avez-vous dit » to M. Mariton, and
# « écrit le président Reiffers » (read before, by its mention).


def _spoken(text: str, default: str | None):
    """The quotations of `text` as a release (no default) or a speech by `default`."""
    context = Context(find_mentions(text), [], [], default, {}, default is None)
    return [(q.is_speech, q.speaker, q.cue) for q in extract_quotes(text, context)]


@pytest.mark.parametrize(
    "sitting, record, words, author, cue",
    [
        # « « Jamais fortune n'a trahi pays rassemblé » a dit le général de Gaulle en son
        # temps. »: the general's, not lost
        (
            "20130143.xml",
            "sp-00195-Philippe_Folliot",
            "Jamais fortune n'a trahi",
            "Charles de Gaulle",
            "dit",
        ),
        # « Mon intervention porte sur vos propos, monsieur Mariton, qui sont très graves.
        # « La parole commence à se libérer », avez-vous dit. »: the colleague called
        (
            "20130121.xml",
            "sp-00197-François_de_Rugy",
            "La parole commence",
            "Mariton",
            "avez-vous dit",
        ),
    ],
    ids=["le-general-de-Gaulle", "avez-vous-dit"],
)
def test_a_cue_after_the_words_names_the_titled_person_or_the_one_addressed(
    sitting, record, words, author, cue
):
    quote = quote_at(_turn(sitting, record), words)
    assert (quote.is_speech, quote.speaker, quote.cue) == (True, author, cue)


@pytest.mark.parametrize("default", [None, "Paul Martin"])
def test_a_title_and_a_name_after_the_verb_are_that_person(default):
    """In a release and in a speech alike: the general's words, not the speaker's."""
    for cue in ("a dit", "disait"):
        text = f"« Nous tiendrons bon face à la crise », {cue} le général de Gaulle."
        assert _spoken(text, default) == [(True, "Charles de Gaulle", cue.split()[-1])]


def test_an_article_alone_after_the_verb_names_no_one():
    # « le Premier ministre »: a function nobody is named for, no « Premier »
    [(speech, who, _)] = _spoken("« Nous tiendrons bon », a déclaré le Premier ministre.", None)
    assert (speech, who) == (True, None)


def test_the_words_given_back_to_someone_no_one_names_are_nobodys():
    """MARC LE FUR: « « Ce n'est pas mon texte » avez-vous dit, en ajoutant, parce que vous
    êtes polie et bien élevée, … »: the minister addressed, whom the turn does not name: not
    the deputy's words."""
    quote = quote_at(_turn("20130138.xml", "sp-00649-Marc_Le_Fur"), "Ce n'est pas mon texte")
    assert (quote.is_speech, quote.speaker) == (True, None)
    text = "Vous l'avez reconnu hier. « Nous tiendrons bon », avez-vous dit."
    assert _spoken(text, "Paul Martin") == [(True, None, "avez-vous dit")]
