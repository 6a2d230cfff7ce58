"""Who really said it, twenty-fifth round (issue 11): named authors, taken from the corpus.

Like the twenty-fourth, this round drew its cases from the corpus rather than the gold: a seeded
sample (seed 2825) of the speech quotations left to nobody (« auteur non identifié ») whose
paragraph or the one before names a person, and of those given to the turn's or the document's
speaker, over every source holding a quotation mark (TEI debates, vie-publique rows, luxleaks
posts in three formats, the demo corpus; Hansard holds no mark and drupalfr no speech
quotation), the gold's part J and the checks (R, T, W, Z) left out, read in context and judged
under `tests/gold/attribution/CONVENTIONS.md` before any change (`bench/attribution-rounds.md`,
twenty-fifth round). A family was fixed only when its form, counted over the corpus, comes back
in two documents or more of different sittings.

**An author's cue joined to the name by an elided « d' », or relaying someone's words, then a
comma or a dash before the words** (« vous vous appropriez cette fameuse maxime d'André Laignel
– « … » – », « et je me fais l'écho de Jean-Baptiste André Godin, « … » »): the cue read before
the words (« la fameuse maxime de François Mitterrand, « … » » was read) never ended on an
elided « d' », the name glued to it, so only a colon after the name let another rule find him;
and « se faire l'écho de X » was no cue. Both quotations went to nobody in their debate turns
(to the speaker in a speech, lost in a release).

Each test reads the real passage in ../shared/corpus in place (skipping, saying why, when it is
absent; failing under VERBATIM_REQUIRE_SHARED=1). The positive cases fail on the code before the
round (main aaeacaa); the guards pass on both.
"""

import pytest

from tests.shared_docs import quote_at
from tests.test_attribution_second_round import _turn
from tests.test_attribution_twenty_fourth_round import _spoken


@pytest.mark.parametrize(
    "sitting, record, words, author, cue",
    [
        # PATRICK HETZEL: « … nous avons l'impression que vous vous appropriez cette fameuse
        # maxime d'André Laignel – « vous avez juridiquement tort parce que vous êtes
        # politiquement minoritaires » –, en faisant complètement fi … »
        (
            "20130139.xml",
            "sp-00697-Patrick_Hetzel",
            "vous avez juridiquement tort",
            "André Laignel",
            "cette fameuse maxime d'André Laignel",
        ),
        # JEAN-LOUIS BRICOUT: « Mais, surtout, et je me fais l'écho de Jean-Baptiste André
        # Godin, « le logement est la base du progrès social ». »
        (
            "20130135.xml",
            "sp-00101-Jean-Louis_Bricout",
            "le logement est la base du progrès social",
            "Jean-Baptiste André Godin",
            "me fais l'écho de Jean-Baptiste André Godin",
        ),
    ],
    ids=["maxime-d-Andre-Laignel", "l-echo-de-Godin"],
)
def test_the_author_a_cue_names_before_a_comma_or_a_dash(sitting, record, words, author, cue):
    quote = quote_at(_turn(sitting, record), words)
    assert (quote.is_speech, quote.speaker, quote.cue) == (True, author, cue)


@pytest.mark.parametrize("default", [None, "Paul Martin"])
@pytest.mark.parametrize("glue", [" –", ",", ""])
def test_an_elided_de_before_the_name_in_a_release_and_a_speech(default, glue):
    """« les mots d'Albert Camus, « … » »: Camus's, not the speaker's, not lost in a release."""
    words = "« mal nommer les choses, c'est ajouter au malheur du monde »"
    text = f"Je reprends les mots d'Albert Camus{glue} {words}."
    assert _spoken(text, default) == [(True, "Albert Camus", "les mots d'Albert Camus")]


def test_a_cue_with_de_before_a_comma_is_read_as_before():
    # SOPHIE DION: « … de vous appliquer à vous-même la fameuse maxime de François Mitterrand,
    # « laissons le temps au temps » »: read before the round and after it
    quote = quote_at(_turn("20130121.xml", "sp-00299-Sophie_Dion"), "laissons le temps au temps")
    assert (quote.is_speech, quote.speaker) == (True, "François Mitterrand")


def test_the_echo_of_the_press_names_no_author():
    # CATHERINE VAUTRIN: « D'après l'avis du Conseil d'État – plus exactement les éléments dont
    # nous disposons par la presse qui s'en est fait l'écho … –, je lis la chose suivante … :
    # « Le Conseil d'État met en garde … » »: « s'en est fait l'écho » names no one
    quote = quote_at(
        _turn("20130139.xml", "sp-00450-Catherine_Vautrin"), "Le Conseil d'État met en garde"
    )
    assert (quote.is_speech, quote.speaker) == (True, None)
    assert "écho" not in (quote.cue or "")
