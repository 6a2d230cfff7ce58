"""Who really said it (issue 11): attribution on real passages of ../shared/corpus.

Interviews: a quotation in the journalist's turn is the journalist's only when nobody else is
named; « vous avez dit » gives the guest's earlier words, « vous dites : « … » ? » the asker's
suggestion; a person or body named beside the words said them; a journalist is never a
document speaker. Famous words belong to the author the cue names, whoever has the floor.
"""

from tests.shared_docs import VIE_PUBLIQUE, VIE_PUBLIQUE_2023, extracted, quote_at, shared_document

# --- Family 1: interviews ---------------------------------------------------------------------


def interview(title: str, also: str):
    return extracted(shared_document(VIE_PUBLIQUE, title, also))


def test_a_third_person_named_in_the_journalists_question_said_it():
    doc = interview("Interview de M. Bruno Le Maire", "la critique d'Eric WOERTH qui vous dit")
    quote = quote_at(doc, "ce budget est trop confus")
    assert (quote.speaker, quote.is_speech) == ("Eric Woerth", True)


def test_journalists_are_never_document_speakers_even_when_the_source_lists_them():
    doc = interview("Interview de M. Bruno Le Maire", "la critique d'Eric WOERTH qui vous dit")
    assert [s.name for s in doc.speakers] == ["Bruno Le Maire"]
    assert set(doc.meta["interviewers"]) == {"Nicolas Demorand", "Léa Salame"}


def test_a_second_guest_is_a_speaker_and_vous_dites_gives_the_other_guests_words():
    doc = interview("Interview de M. Cédric O", "JULIEN BAYOU")
    assert [s.name for s in doc.speakers] == ["Cédric O", "Julien Bayou"]
    # JULIEN BAYOU: « Quand vous dites « c'est comme si », ce n'est pas du tout pareil. »
    assert quote_at(doc, "c'est comme si").speaker == "Cédric O"
    # CEDRIC O: « Et j'ai entendu Eric PIOLLE qui nous dit : "Je découvre la 5G". »
    assert quote_at(doc, "Je découvre la 5G").speaker == "Eric Piolle"


def test_words_put_to_the_guest_in_a_question_are_the_askers():
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, "Interview de M. Marc Fesneau", "SONIA"))
    # SONIA MABROUK: « Juste, vous dites : " les violences policières n'existe pas "? »
    assert quote_at(doc, "les violences policières").speaker == "Sonia Mabrouk"


def test_a_body_named_beside_the_words_said_them():
    doc = interview("Interview de M. Alain Griset", "voilà ce qu'elles disaient hier")
    # « … l'Union des entreprises de proximité, et voilà ce qu'elles disaient hier : « … » »
    quote = quote_at(doc, "Si le motif sanitaire")
    assert quote.speaker == "Union des entreprises de proximité"


def test_an_unnamed_journalists_question_is_nobodys_by_name():
    doc = extracted(shared_document(VIE_PUBLIQUE, "Extraits d'un entretien de M. Clément Beaune",
                                    "on était dans la relance"))
    # « Q - A la rentrée, c'était : "on était dans la relance". »
    quote = quote_at(doc, "on était dans la relance")
    assert (quote.speaker, quote.function) == (None, "journaliste")


# --- Family 2: famous words -------------------------------------------------------------------


def test_famous_words_belong_to_the_author_the_cue_names():
    doc = extracted(shared_document(VIE_PUBLIQUE, "Déclaration de M. Julien Denormandie",
                                    "ces mots de Sully"))
    assert quote_at(doc, "Labourage et pâturage").speaker == "Sully"


def test_an_author_after_a_civility_in_a_ministers_answer():
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, "Déclarations de M. Bruno Le Maire",
                                    "comme le disait M. Boileau"))
    assert quote_at(doc, "Ce que l’on conçoit bien").speaker == "Boileau"


def test_an_author_after_the_words_and_a_title():
    doc = extracted(shared_document(VIE_PUBLIQUE, "Extraits d'un entretien de M. Clément Beaune",
                                    "pour paraphraser le général de Gaulle"))
    assert quote_at(doc, "des machins").speaker == "Charles de Gaulle"


def test_a_one_word_author_after_the_verb():
    doc = extracted(shared_document(VIE_PUBLIQUE, also="écrivait Rostand"))
    assert quote_at(doc, "C'est dans la nuit qu'il est beau").speaker == "Rostand"


def test_an_author_named_in_a_comme_clause():
    doc = extracted(shared_document(VIE_PUBLIQUE, also="comme le disait Saint-Exupéry"))
    assert quote_at(doc, "si tu diffères de moi").speaker == "Saint-Exupéry"


def test_words_lent_to_an_unnamed_author_are_nobodys():
    doc = extracted(
        shared_document("an-mariage-pour-tous-2013-tei/20130134.xml", also="chamanique")
    )
    # « comme l'a tourné en dérision le rapporteur le 16 janvier, « chamanique, quasi
    # biblique » »: not the deputy's own words, and the rapporteur is not named
    quote = quote_at(doc, "chamanique, quasi biblique")
    assert (quote.is_speech, quote.speaker, quote.function) == (True, None, "rapporteur")


# --- Family 7: speech quotations that looked like titles or scare quotes ----------------------


def tei_turn(name: str, also: str):
    return extracted(shared_document(f"an-mariage-pour-tous-2013-tei/{name}", also=also))


def test_a_stage_direction_gives_the_benches_words_even_one_word_long():
    doc = tei_turn("20130143.xml", "(« Et nous ? » sur les bancs du groupe UMP.)")
    for words in ("Et nous ?", "Ah ?"):
        quote = quote_at(doc, words)
        assert (quote.is_speech, quote.speaker) == (True, None)
        assert quote.function == "députés du groupe UMP (interruption)"


def test_words_of_a_law_are_speech_of_nobody():
    doc = tei_turn("20130142.xml", "l'article L. 211-1 parle de")
    quote = quote_at(doc, "familles constituées par le mariage et la filiation")
    assert (quote.is_speech, quote.speaker) == (True, None)
    assert quote.function.startswith("l'article L. 211-1")
    # « … et de « couples mariés sans enfant » »: the same text goes on
    assert quote_at(doc, "couples mariés sans enfant").speaker is None


def test_the_wording_an_amendment_inserts_is_no_speech():
    doc = tei_turn("20130134.xml", "les mots : « et de l'article 34 »")
    assert not quote_at(doc, "et de l'article 34").is_speech


def test_a_term_the_speaker_coined_is_his_quotation():
    doc = extracted(shared_document(VIE_PUBLIQUE, "Déclaration de M. Jean-Yves Le Drian",
                                    "nationalisme vaccinal"))
    quote = quote_at(doc, "nationalisme vaccinal")  # « ce que j'ai appelé récemment le "…" »
    assert (quote.is_speech, quote.speaker) == (True, "Jean-Yves Le Drian")


def test_a_guillemet_closed_by_a_straight_quote_and_a_short_clause_are_speech():
    doc = interview("Interview de M. Cédric O", "JULIEN BAYOU")
    # « il ne faut pas nous faire le coup de « en fait il y a une urgence", là vous faites… »
    assert quote_at(doc, "en fait il y a une urgence").speaker == "Cédric O"
    # JULIEN BAYOU: « "Ce n'est pas comme si", répondez s'il vous plaît. »: no title
    quote = quote_at(doc, "Ce n'est pas comme si")
    assert (quote.is_speech, quote.speaker) == (True, "Julien Bayou")


def test_a_short_exclamation_after_a_verb_of_speech_is_speech():
    doc = extracted(shared_document(VIE_PUBLIQUE, "Entretien de M. Jean-Baptiste Lemoyne",
                                    "Bienvenue en France !"))
    # « je vais me déployer pour qu'on leur dise "Bienvenue en France !" »
    quote = quote_at(doc, "Bienvenue en France !")
    assert (quote.is_speech, quote.speaker) == (True, "Jean-Baptiste Lemoyne")


def test_in_a_debate_the_person_named_with_the_verb_said_it_not_the_deputy():
    doc = tei_turn("20130118.xml", "Manu Sareen")
    # « lorsque Manu Sareen, ministre danois de l'égalité …, dit : « … » »
    quote = quote_at(doc, "Il s'agit d'égalité")
    assert (quote.speaker, quote.function) == (
        "Manu Sareen",
        "ministre danois de l'égalité et des affaires ecclésiastiques",
    )
    # « lorsque Barack Obama, à l'occasion de son discours d'investiture, s'exprime ainsi : »
    assert quote_at(doc, "Notre voyage ne sera pas terminé").speaker == "Barack Obama"
    # « l'un des députés uruguayens, auteur de la loi …, tient le propos suivant : « … » »
    assert quote_at(doc, "Ce n'est pas une loi sur le mariage homosexuel").speaker is None


def test_words_of_the_person_addressed_in_a_debate_are_not_the_speakers():
    doc = tei_turn("20130118.xml", "Vous écrivez à ce sujet, à la page 24")
    quote = quote_at(doc, "Les couples de personnes de même sexe")
    assert (quote.is_speech, quote.speaker) == (True, None)


def test_a_person_heard_saying_the_words_in_the_journalists_question():
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, "Interview de M. Olivier Dussopt",
                                    "Laurent BERGER mercredi dire"))
    # « quand vous entendez Laurent BERGER mercredi dire « si on me dit … » »
    assert quote_at(doc, "si on me dit vous ne pouvez parler").speaker == "Laurent Berger"
    # « une forme de « Retraitethon » disait dire Alexis BREZET, « tiens, on vient … » »
    assert quote_at(doc, "tiens, on vient de passer le cap").speaker == "Alexis Brezet"


def test_the_guests_words_after_a_sentence_naming_him_in_the_question():
    doc = interview("Interview de M. Bruno Le Maire", "Bruno LE MAIRE qui annonce notamment")
    # YVES CALVI: « Bruno LE MAIRE qui annonce notamment l'interdiction des coiffeurs à
    # domicile. « Nous devons freiner la circulation du virus » … »
    assert quote_at(doc, "Nous devons freiner la circulation").speaker == "Bruno Le Maire"


def test_a_well_known_phrase_given_to_nobody_is_a_term():
    doc = interview("Interview de M. Alain Griset", "oubliés du fameux")
    assert not [q for q in doc.quotes if q.text == "quoi qu'il en coûte" and q.is_speech]


def test_a_recording_played_in_a_question_is_its_speakers():
    doc = extracted(shared_document(VIE_PUBLIQUE, "Extraits d'un entretien de M. Clément Beaune",
                                    "Anne Sénéquier, elle dirige"))
    # « Q - … On écoute Anne Sénéquier, elle dirige l'observatoire de la santé à l'IRIS, … : »
    assert quote_at(doc, "On a autant de protocoles différents").speaker == "Anne Sénéquier"
    doc = extracted(shared_document(VIE_PUBLIQUE, "Extraits d'un entretien de M. Clément Beaune",
                                    "Guillaume Larrivé qui était à votre place"))
    # « On va écouter le député de l'Yonne, député des Républicains Guillaume Larrivé … : »
    assert quote_at(doc, "La libération de Mme Pétronin").speaker == "Guillaume Larrivé"
