"""Who really said it, tenth round (issue 11): debates, by structure rather than by passage.

Nine rounds of rules raised the development figures while fresh debates barely moved: a TEI
turn of the Assemblée nationale quotes the law, a bill, an impact study, a colleague, an author
or the benches far more often than its own speaker, and every quotation no cue explained went
to the deputy holding the floor. The gold of parts A-I (debates: 26 of 37 right) and the fresh
debate part K (43.2 % before this round, tests/gold/attribution/PART-K.md) both say so. Each
change is tested on a real passage of ../shared/corpus, read in place (the tests skip, saying
why, when it is absent, and fail under VERBATIM_REQUIRE_SHARED=1), and was checked on the
corpus quotations outside the gold (/work/notes/s10/round10.md).
"""

from tests.shared_docs import VIE_PUBLIQUE, extracted, quote_at, shared_document
from tests.test_attribution_ninth_round import _said
from tests.test_attribution_second_round import _turn

# --- A debate turn's quotation with no cue is nobody known, not the deputy speaking ----------


def test_words_no_cue_gives_to_anyone_in_a_debate_turn_are_nobody_known():
    # BENOÎT HAMON: « … des plats cuisinés dont l'étiquette indiquait : « 100 % viande de
    # bœuf » »: a label's words, not the minister's
    assert _said("20130144.xml", "sp-00087-Benoît_Hamon", "100 % viande de bœuf") is None
    # JEAN-PIERRE DOOR, reading the impact study on: « … devront donc être commandés. « Nous
    # savons que tous les services d'état civil des communes … » »
    said = _said("20130137.xml", "sp-00336-Jean-Pierre_Door", "Nous savons que tous les")
    assert said is None
    # MARC LE FUR: « La même personne ajoute : « Concrètement, il n'y a pas d'enfants à adopter
    # en France … » »: a third party the turn does not name
    assert _said("20130141.xml", "sp-00199-Marc_Le_Fur", "Concrètement, il n'y a pas") is None
    quote = quote_at(_turn("20130141.xml", "sp-00199-Marc_Le_Fur"), "Concrètement, il n'y a pas")
    assert quote.is_speech and quote.cue == "débat, sans indice"


def test_words_the_speaker_says_or_lends_in_a_debate_turn_stay_his():
    # HERVÉ MARITON: « Je lui ai rappelé ce que j'avais dit dans mon intervention : « La
    # majorité ne nous rassure pas » »
    said = _said("20130143.xml", "sp-00814-Hervé_Mariton", "La majorité ne nous rassure pas")
    assert said == "Hervé Mariton"
    # HERVÉ MARITON: « Comme nous le disons, ce projet de loi, c'est « mariage pour tous,
    # adoption pour personne » »
    said = _said("20130130.xml", "sp-00360-Hervé_Mariton", "adoption pour personne")
    assert said == "Hervé Mariton"
    # SÉBASTIEN PIETRASANTA: « Imaginez un couple d'homosexuels … à qui on dirait : « Non, le
    # maire ne veut pas vous marier … » »: a voice the speaker imagines (CONVENTIONS rule 4)
    said = _said("20130127.xml", "sp-00498-Sébastien_Pietrasanta", "le maire ne veut pas")
    assert said == "Sébastien Pietrasanta"
    # PATRICK BALKANY: « …quand un petit bout de chou de quatre ans dira : « Moi, j'ai pas de
    # maman » »: words imagined in the future
    assert _said("20130126.xml", "sp-00251-Patrick_Balkany", "j'ai pas de maman") == (
        "Patrick Balkany"
    )


def test_outside_a_debate_words_without_a_cue_stay_the_speeches_speaker():
    # Emmanuel Macron at Les Mureaux: « … nous enverrons un message simple à toute la jeunesse
    # des quartiers : " Nous ne vous aimons pas … " »: a speech, not a debate: its speaker's
    speech = shared_document(VIE_PUBLIQUE, "Déclaration de M. Emmanuel Macron", also="Mureaux")
    said = quote_at(extracted(speech, "speakers"), "Nous ne vous aimons pas")
    assert (said.speaker, said.cue) == ("Emmanuel Macron", "orateur")
