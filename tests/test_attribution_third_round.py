"""Who really said it, third round (issue 11): rule families found on the development half of
the gold (parts A to D), each checked on the real passage of ../shared/corpus or of the demo
corpus it was found on.

The passages are read in place (the tests skip, saying why, when the shared corpus is absent,
and fail under VERBATIM_REQUIRE_SHARED=1). None of them belongs to the held-out half.
"""

from tests.shared_docs import (
    VIE_PUBLIQUE,
    VIE_PUBLIQUE_2023,
    extracted,
    quote_at,
    shared_document,
)
from tests.test_attribution_second_round import _demo

# --- Interviews: « vous dites » in the journalist's turn (family 1) ---------------------------


def test_vous_dites_sums_the_guest_up_in_the_journalists_words_when_he_never_said_them():
    doc = extracted(
        shared_document(VIE_PUBLIQUE, "Interview de M. Julien Denormandie", "c'est provisoire")
    )
    # SONIA MABROUK: « Mais vous dites "c'est provisoire", on a envie de savoir ce qui se passe
    # dans 3 ans » — the guest never said « c'est provisoire »: the journalist's own summing up.
    assert quote_at(doc, "c'est provisoire").speaker == "Sonia Mabrouk"


def test_vous_dites_unnamed_q_sums_the_guest_up_as_the_journalist():
    doc = extracted(shared_document(VIE_PUBLIQUE, "Entretien de M. Clément Beaune", "Donc, vous"))
    # « Q - Donc, vous dites " ce bateau doit aller en Italie, c'est la règle et la règle doit
    # s'appliquer ". » — the guest's answer said it otherwise.
    quote = quote_at(doc, "ce bateau doit aller en Italie")
    assert (quote.speaker, quote.function) == (None, "journaliste")


def test_vous_dites_gives_the_guest_the_words_he_said_earlier():
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, "Interview de M. Marc Fesneau"))
    # MARC FESNEAU said a moment before « il ne faut pas nous raconter … »; SONIA MABROUK:
    # « Vous dites " il ne faut pas nous raconter ", qu… » quotes him back: his words.
    assert quote_at(doc, "il ne faut pas nous raconter").speaker == "Marc Fesneau"



# --- Interviews: « il » is a third person, maybe named a few turns before (family 1) ----------


def test_a_gerund_of_speech_is_said_by_the_pronoun_opening_the_sentence():
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, "Interview de M. Roland Lescure", "COOPER"))
    # ROLAND LESCURE: « Oui, Simon COOPER qui est un éditorialiste extrêmement brillant … » —
    # LEA SALAME: « Il est injuste ou il est juste ? » — ROLAND LESCURE: « Non, il poursuit son
    # article que j'ai le jusqu'au bout en disant : " … " »
    assert quote_at(doc, "et du coup d'ailleurs").speaker == "Simon Cooper"


def test_il_in_a_journalists_turn_is_the_person_named_in_the_turns_before_not_the_journalist():
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, "Interview de M. Roland Lescure", "COOPER"))
    # LEA SALAME: « Il dit même : " Il faut aller à la VIème République " si vous avez lu
    # l'article jusqu'au bout. » — « Léa Salame » named in the text is the « LEA SALAME » asking.
    assert quote_at(doc, "Il faut aller à la VI").speaker == "Simon Cooper"



def test_a_journalist_the_source_lists_misspelt_is_no_speaker_either():
    doc = extracted(
        shared_document(VIE_PUBLIQUE, "Interview de Mme Marlène Schiappa", "à LCI le 13 octobre")
    )
    # the CSV's speakers column says « Elisabeth Matichoux », the transcript's turns
    # « ELIZABETH MARTICHOUX »: the journalist asking, not a speaker
    assert [s.name for s in doc.speakers] == ["Marlène Schiappa"]



def test_words_an_interviewer_reports_without_marks_after_name_dit_colon_are_that_persons():
    gourault = "Interview de Mme Jacqueline Gourault"
    doc = extracted(shared_document(VIE_PUBLIQUE, gourault, "LARCHER"))
    # ORIANE MANCINI: « Hier, Gérard LARCHER a dit : s'il n'y a pas de déconcentration du plan
    # de relance, je fais le malheureux pari que dans un an à peine 50 % des crédits seront
    # consommés. Comment vous allez faire … ? » — no quotation marks, the sentence after the colon
    quote = quote_at(doc, "je fais le malheureux pari")
    assert (quote.speaker, quote.is_speech) == ("Gérard Larcher", True)
    assert quote.text.startswith("s'il n'y a pas") and quote.text.endswith("consommés.")




def test_an_unnamed_interviewers_unmarked_report_is_the_persons_named():
    le_drian = "Extraits d'un entretien de M. Jean-Yves Le Drian"
    doc = extracted(shared_document(VIE_PUBLIQUE, le_drian, "Mélenchon dit :"))
    # « Q - Mais Jean-Luc Mélenchon dit : la laïcité nourrit l'islamophobie. »
    quote = quote_at(doc, "la laïcité nourrit l'islamophobie")
    assert (quote.speaker, quote.is_speech) == ("Jean-Luc Mélenchon", True)



def test_a_recorded_voice_labelled_with_its_function_holds_the_floor_but_is_no_speaker():
    doc = extracted(shared_document(VIE_PUBLIQUE, "Interview de M. Alain Griset", "AXELLE"))
    # « Ecoutez.⏎⏎AXELLE CARLIER, PRATICIENNE EN HYPNOSE A LILLE⏎⏎… J'ai honte de devoir dire :
    # "Hey, au fait, j'ai besoin d'aides !" … »: her message, played once on air
    assert quote_at(doc, "au fait, j'ai besoin").speaker == "Axelle Carlier"
    assert [s.name for s in doc.speakers] == ["Alain Griset"]
    assert doc.meta["interviewers"] == ["Apolline de Malherbe"]


# --- Organisations named by their acronym (family 3) ------------------------------------------


def test_an_acronym_after_an_article_is_the_organisation_the_text_spells_out():
    doc = _demo("html/2024-10-08-mise-en-examen-cevv.html")
    # « … la Compagnie des Eaux du Val de Vère (CEVV) avait été mise en examen … Dans un
    # communiqué publié en fin de journée, la CEVV affirme avoir « toujours agi dans le respect
    # de la réglementation » »: the company's words, not the last person quoted.
    quote = quote_at(doc, "toujours agi dans le respect")
    assert quote.speaker == "Compagnie des Eaux du Val de Vère"
    assert "Compagnie des Eaux du Val de Vère" in [s.name for s in doc.speakers]
    assert quote_at(doc, "une première victoire").speaker == "Claire Aubertin"


def test_a_towns_administration_in_lower_case_is_a_body_that_can_say_words():
    doc = extracted(shared_document(VIE_PUBLIQUE, "Entretien de M. Clément Beaune", "Donc, vous"))
    # « Q - En tout cas, la mairie de Marseille sort de son rôle en disant " nous, on accueille
    # ce bateau, c'est clair et net " »: the town council's words, not the journalist's
    quote = quote_at(doc, "on accueille ce bateau")
    assert quote.speaker == "mairie de Marseille"



def test_an_acronym_after_an_opening_adverbial_heads_the_clause():
    darmanin = "Interview de M. Gérald Darmanin"
    doc = extracted(shared_document(VIE_PUBLIQUE, darmanin, "le CCIF évoquais"))
    # GERALD DARMANIN: « Par exemple le CCIF évoquais, je cite : " Si leurs avoirs sont gelés,
    # soyons de ceux qui compenseront ces pertes … " »: the collective's words, not the minister's
    assert quote_at(doc, "Si leurs avoirs sont gelés").speaker == "CCIF"


# --- Speech or not, and words imagined for someone (families 2 and 7) ------------------------


def test_words_imagined_after_a_modal_are_speech_of_the_speaker_not_of_the_person_imagined():
    doc = extracted(
        shared_document(VIE_PUBLIQUE, "Conférence de presse de M. Emmanuel Macron", "gagné")
    )
    # « Parce qu'en cas de no deal, c'est le seul sujet sur lequel Boris Johnson peut dire
    # “J'ai gagné”. »: a short sentence after a verb of saying is speech (« J' » opens a
    # clause); Boris Johnson has said nothing yet, the President imagines it
    quote = quote_at(doc, "J'ai gagné")
    assert (quote.is_speech, quote.speaker) == (True, "Emmanuel Macron")


def test_an_impersonal_passive_of_saying_names_nobody():
    le_maire = "Déclaration de M. Bruno Le Maire"
    doc = extracted(shared_document(VIE_PUBLIQUE, le_maire, "Il nous a été dit"))
    # « Il nous a été dit " les appels à projets sont trop compliqués". C'était une critique du
    # MEDEF et de la CPME. »: not the minister's words, and « il » is nobody
    quote = quote_at(doc, "les appels à projets sont trop compliqués")
    assert (quote.is_speech, quote.speaker) == (True, None)


# --- Quote boundaries (family e) -------------------------------------------------------------


def test_a_quotation_of_several_paragraphs_runs_to_the_closing_mark_of_a_later_one():
    doc = extracted(
        shared_document("luxleaks-communiques/markdown/2017-04-05-pr-decision-antoine.html.md"),
        "speakers",
    )
    # « Antoine Deltour a partagé … sa décision de se pourvoir en cassation :⏎⏎« L'arrêt du 15
    # mars … ⏎⏎D'autre part, … ⏎⏎… ce combat judiciaire mérite d'être mené. »: the paragraphs
    # between open with no mark, the one closing mark ends the last
    quote = quote_at(doc, "L'arrêt du 15 mars")
    assert quote.text.endswith("mérite d’être mené.") and quote.text.count("\n\n") >= 2
    assert quote.speaker == "Antoine Deltour"
    assert "Antoine Deltour" in [s.name for s in doc.speakers]


def test_a_mark_left_open_after_a_verb_of_saying_quotes_the_first_sentence():
    lemoyne = "Entretien de M. Jean-Baptiste Lemoyne"
    doc = extracted(shared_document(VIE_PUBLIQUE, lemoyne, "entreprises du voyage ont dit"))
    # R - « … aux hôteliers, aux restaurateurs, à l'UMIH, le GNI, les entreprises du voyage ont
    # dit : "Nous, on va garantir le fait que les Français puissent être remboursés … de ce point
    # de vue-là. C'est un engagement fort qu'ils avaient déjà pris … » (no closing mark): the
    # first sentence is theirs, jointly (a plural verb: none of the bodies named alone)
    quote = quote_at(doc, "Nous, on va garantir")
    assert quote.text.endswith("de ce point de vue-là.")
    assert (quote.is_speech, quote.speaker) == (True, None)
