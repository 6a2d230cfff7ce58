"""Who really said it, fifth round (issue 11): general changes only, each found by classifying
the errors of the fresh part F's development half (tests/gold/attribution/PART-F.md) and the
before-fix errors of the earlier parts into families, and checked on a real passage of
../shared/corpus.

The passages are read in place (the tests skip, saying why, when the shared corpus is absent,
and fail under VERBATIM_REQUIRE_SHARED=1). None of them belongs to the held-out half.
"""

from indexer.extract.people import find_mentions
from tests.shared_docs import VIE_PUBLIQUE_2023, extracted, quote_at, shared_document
from tests.test_attribution_second_round import _turn

# --- Names: a surname opening with its particle after a civility ----------------------------


def test_a_civility_before_a_particle_names_the_person_the_cue_gives_the_words_to():
    turn = _turn("20130140.xml", "sp-00608-Jean-Frédéric_Poisson")
    # « Je continue la citation de Me de Vries dans le Livre blanc … Je le cite : « Si on
    # supprimait la présomption de paternité … » »: the lawyer the deputy cites, not nobody
    assert quote_at(turn, "Si on supprimait la présomption").speaker == "de Vries"
    # the deputy quoting her still holds the floor alone
    assert [s.name for s in turn.speakers] == ["Jean-Frédéric Poisson"]


def test_the_particle_is_part_of_the_name_but_an_article_opens_a_function():
    # the forms of the debates' stage directions and speeches, as they are written
    names = [m.name for m in find_mentions("M. de Rugy et Mme de La Raudière ont voté.")]
    assert names == ["de Rugy", "de La Raudière"]
    # « M. le président », « Mme la ministre »: a function addressed, no one's name
    assert not [m.name for m in find_mentions("M. le Président, Mme la Ministre, merci.") if m.name]


# --- Nobody: an impersonal passive of saying, in any tense ----------------------------------

BERVILLE = "Interview de M. Hervé Berville, secrétaire d'État chargé de la mer, à France Bleu"


def test_words_written_impersonally_are_nobodys_not_the_journalists():
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, BERVILLE), "speakers")
    # BERTRAND PIDANCE: « … il y en a une qu'on peut voir … sur le port de Saint-Gilles-Croix-
    # de-Vie …, il est écrit « Ecologie = mort de la pêche. » »: a banner's words, no agent
    # named, as « il nous a été dit » (the journalist only reads them)
    banner = quote_at(doc, "Ecologie = mort de la pêche")
    assert (banner.is_speech, banner.speaker) == (True, None)
    # the journalist is still no speaker of the interview
    assert [s.name for s in doc.speakers] == ["Hervé Berville"]


# --- Texts: an article or a law named again by a demonstrative ------------------------------


def test_words_of_an_article_named_by_a_demonstrative_are_the_texts():
    # « Rappelons que cet article concerne la possibilité d'un domicile distinct « sans qu'il
    # soit pour autant porté atteinte … » »: the civil code's words, not the deputy's
    turn = _turn("20130139.xml", "sp-00395-Dominique_Nachury")
    code = quote_at(turn, "sans qu'il soit pour autant porté atteinte")
    assert (code.is_speech, code.speaker, code.cue) == (True, None, "texte")
    # « Cet article traite du conseil de famille et précise : « Le juge peut organiser la
    # tutelle … » »: the minister reads the code
    minister = _turn("20130139.xml", "sp-00031-Christiane_Taubira")
    assert quote_at(minister, "Le juge peut organiser la tutelle").speaker is None


def test_the_bill_debated_made_to_speak_is_still_the_speakers_voice():
    # « oui, ce texte leur dira tout simplement : « Va ton chemin, construis ta vie … » »:
    # words the deputy lends to the bill, hers (CONVENTIONS.md, rule 4)
    turn = _turn("20130121.xml", "sp-00638-Anne-Yvonne_Le_Dain")
    assert quote_at(turn, "Va ton chemin").speaker == "Anne-Yvonne Le Dain"
