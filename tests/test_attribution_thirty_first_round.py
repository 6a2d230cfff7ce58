"""Who really said it, thirty-first round (issue 11): a phrase a term noun names right before its
marks is a term, not speech.

« L'expression », « le mot », « les mots », « la notion » right before the marks name the words
in them: a phrase talked about, nobody's speech (CONVENTIONS.md, terms). The rules took for a
term only a run of three words at most after such a noun; four words and more were speech, and a
debate gives speech no cue decides to nobody (« auteur non identifié »), so the phrase counted as
a speech quotation the gold does not hold. Part AC, spent in session 33, holds one (« c'est bien
ce que signifie l'expression « être à la discrétion du Gouvernement » »), the development half
seven more (« l'expression « bon père de famille » » three times, « Quant aux mots « leur
beau-père et belle-mère » » twice, « L'expression « le père et la mère » relève de … », « Le mot
« accaparement par les agriculteurs » »). A run after such a noun is a term when:

- the noun stands right before the marks, no colon nor comma between (« l'expression : « … » »
  reads the words out: speech, a text's as the gold has it);
- the run is six words at most, holds no clause (« l'expression « ce n'est pas correct » » is
  words said) and ends on no sentence's final punctuation.

Over the whole corpus (every document holding a mark, part J and the checks left out) the rule
turns ten speech quotations into terms: nine are terms (the eight above and « les mots « célébré
publiquement devant l'officier d'état civil » » of an amendment), one the gold calls a text's
words (« on peut déduire de l'expression « du premier nom des adoptants » »); and the words going
on from one of them (« ont remplacé l'expression « … » en « jouissance paisible des lieux
loués » », a text's words for the gold) lose their class with it (`bench/attribution-rounds.md`,
thirty-first round).

Each test reads the real passage in ../shared/corpus in place (skipping, saying why, when it is
absent; failing under VERBATIM_REQUIRE_SHARED=1). The positive cases fail on the code before the
round (main 6fec013); the guards pass on both.
"""

import pytest

from tests.test_attribution_second_round import _turn


def _quoted(doc, words: str, nth: int = 0):
    """Return the `nth` quotation of `doc` whose words are exactly `words`."""
    found = [q for q in doc.quotes if q.text.strip() == words]
    assert len(found) > nth, f"no quotation {words!r}: {[q.text[:40] for q in doc.quotes]}"
    return found[nth]


@pytest.mark.parametrize(
    "sitting, record, words, nth",
    [
        # JEAN-JACQUES URVOAS: « Tout à fait : c'est bien ce que signifie l'expression « être à
        # la discrétion du Gouvernement ». » (part AC)
        (
            "20130137.xml",
            "sp-00468-Jean-Jacques_Urvoas",
            "être à la discrétion du Gouvernement",
            0,
        ),
        # HERVÉ MARITON: « On voit donc bien que le code retient deux acceptions assez
        # différentes. L'expression « le père et la mère » relève de la description d'un fait »
        ("20130138.xml", "sp-00696-Hervé_Mariton", "le père et la mère", 0),
        # PIERRE LEQUILLER: « Effectivement, l'expression « bon père de famille » ne peut pas
        # s'appliquer à un couple de femmes »
        ("20130140.xml", "sp-00081-Pierre_Lequiller", "bon père de famille", 0),
        # CHRISTIANE TAUBIRA: « J'appuie les arguments présentés par le rapporteur concernant
        # l'expression « bon père de famille » », then « les lois Quillot de 1982 … ont remplacé
        # l'expression « bon père de famille » »
        ("20130140.xml", "sp-00157-Christiane_Taubira", "bon père de famille", 0),
        ("20130140.xml", "sp-00157-Christiane_Taubira", "bon père de famille", 1),
        # ERWANN BINET: « Quant aux mots « leur beau-père et belle-mère », ils seront remplacés
        # par les mots « leurs beaux-parents » », then « et les mots « leur beau-père et
        # belle-mère » ne sont présents qu'une seule fois »
        ("20130139.xml", "sp-00303-Erwann_Binet", "leur beau-père et belle-mère", 0),
        ("20130139.xml", "sp-00303-Erwann_Binet", "leur beau-père et belle-mère", 1),
    ],
    ids=[
        "l-expression-a-la-discretion",
        "l-expression-le-pere-et-la-mere",
        "l-expression-bon-pere-de-famille",
        "concernant-l-expression",
        "ont-remplace-l-expression",
        "quant-aux-mots",
        "et-les-mots",
    ],
)
def test_a_phrase_a_term_noun_names_right_before_the_marks_is_a_term(sitting, record, words, nth):
    quote = _quoted(_turn(sitting, record), words, nth)
    assert not quote.is_speech
    assert quote.speaker is None


def test_a_clause_after_the_noun_is_still_words_said():
    # LE PRÉSIDENT (the chair): « Monsieur Mariton, s'il y a quelqu'un qui ne peut pas employer
    # l'expression « ce n'est pas correct », c'est bien vous »: a clause, the deputy's words
    quote = _quoted(_turn("20130127.xml", "sp-00221-le_président"), "ce n'est pas correct")
    assert quote.is_speech
    assert quote.speaker == "Mariton"


@pytest.mark.parametrize(
    "sitting, record, words",
    [
        # CLAUDINE SCHMID: « car l'expression : « dernière résidence de l'un d'eux » »: a colon,
        # the amendment's words read out (a text's, the gold's speech)
        ("20130130.xml", "sp-00011-Claudine_Schmid", "dernière résidence de l'un d'eux"),
        # DOMINIQUE NACHURY: « pour substituer aux mots : « Le mari et la femme » »
        ("20130139.xml", "sp-00395-Dominique_Nachury", "Le mari et la femme"),
    ],
    ids=["l-expression-deux-points", "aux-mots-deux-points"],
)
def test_words_read_out_after_a_colon_stay_speech(sitting, record, words):
    quote = _quoted(_turn(sitting, record), words)
    assert quote.is_speech
    assert quote.speaker is None


def test_a_long_run_after_the_noun_stays_speech():
    # MARIE-FRANÇOISE CLERGEAU: « vous n'auriez pas dû vous arrêter après les mots « Les États
    # parties qui admettent et/ou autorisent l'adoption s'assurent que … » »: more than six words
    doc = _turn("20130141.xml", "sp-00108-Marie-Françoise_Clergeau")
    found = [q for q in doc.quotes if q.text.startswith("Les États parties qui admettent")]
    assert found and found[0].is_speech
