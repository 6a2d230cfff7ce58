"""Who really said it, thirty-second round (issue 11): a category named by its words is a term,
not speech.

« La catégorie de « … » », « la catégorie des « … » » name a category by the words in the marks:
a phrase talked about, nobody's speech (CONVENTIONS.md, terms), whatever the words hold, a
clause included (« la catégorie de « mère qui a porté » »). The rules read such a run as speech
(a text's words, « texte »), so the phrase counted as a speech quotation the gold does not hold.
Part AD, spent in session 33, holds one (Hervé Mariton: « qu'existe dans la Constitution la
catégorie de « mère qui a porté » »); the corpus one more (Philippe Gosselin: « rechercher dans
le règlement intérieur la catégorie des « amendements poubelle » »). A run after « catégorie(s)
de », « des » or « d' » is a term when it is six words at most and ends on no sentence's final
punctuation.

Over the whole corpus (every document holding a mark, part J and the checks left out) the rule
turns exactly these two speech quotations into terms, both right (`bench/attribution-rounds.md`,
thirty-second round).

Each test reads the real passage in ../shared/corpus in place (skipping, saying why, when it is
absent; failing under VERBATIM_REQUIRE_SHARED=1). The positive cases fail on the code before the
round (main c5ab754); the guard passes on both.
"""

import pytest

from tests.test_attribution_second_round import _turn
from tests.test_attribution_thirty_first_round import _quoted


@pytest.mark.parametrize(
    "sitting, record, words",
    [
        # HERVÉ MARITON: « Si l'on doit cependant considérer qu'existe dans la Constitution la
        # catégorie de « mère qui a porté », pouvez-vous m'expliquer la différence avec les
        # mères porteuses ? » (part AD)
        ("20130137.xml", "sp-00283-Hervé_Mariton", "mère qui a porté"),
        # PHILIPPE GOSSELIN: « J'ai mis à profit la soirée pour rechercher dans le règlement
        # intérieur la catégorie des « amendements poubelle » »
        ("20130138.xml", "sp-00079-Philippe_Gosselin", "amendements poubelle"),
    ],
    ids=["la-categorie-de", "la-categorie-des"],
)
def test_a_category_named_by_its_words_is_a_term(sitting, record, words):
    quote = _quoted(_turn(sitting, record), words)
    # a term: no speech, no author, no cue
    assert (quote.is_speech, quote.speaker, quote.cue) == (False, None, None)


def test_the_same_words_said_by_someone_stay_speech():
    # HERVÉ MARITON, earlier in the same turn: « Le rapporteur a parlé de « la mère qui a porté
    # l'enfant » »: words someone said, no category named
    quote = _quoted(_turn("20130137.xml", "sp-00283-Hervé_Mariton"), "la mère qui a porté l'enfant")
    assert quote.is_speech
