"""Who really said it, eighth round (issue 11): general changes only, each found by classifying
every error of the promoted held-out halves of parts A to G (the extractor's errors on text no
rule had been tuned on: `bench.extraction --half dev --folder heldout --errors`) and checked on
a real passage of ../shared/corpus, with its effect on the original dev files and on the
promoted ones measured apart. Where a construction also occurs outside the gold (TEI turns,
luxleaks reports no gold file holds), a passage from there is tested too.

The passages are read in place (the tests skip, saying why, when the shared corpus is absent,
and fail under VERBATIM_REQUIRE_SHARED=1).
"""

from tests.shared_docs import VIE_PUBLIQUE, VIE_PUBLIQUE_2023, extracted, quote_at, shared_document
from tests.test_attribution_second_round import _turn
from tests.test_extract_releases import demo_document

# --- A name right before a verb of speech is its subject ------------------------------------

DARMANIN = "Interview de M. Gérald Darmanin, ministre de l'intérieur, à France Inter le 23 sept"
LE_MAIRE = "Interview de M. Bruno Le Maire, ministre de l'économie, des finances et de la relance"


def test_a_name_in_capitals_right_before_the_verb_speaks_in_the_journalists_turn():
    doc = extracted(shared_document(VIE_PUBLIQUE, DARMANIN), "speakers")
    # LEA SALAME: « La ministre Elisabeth MORENO dit : « En France, chacun est libre de
    # s'habiller comme il veut … » »: the minister named, not the journalist asking
    moreno = quote_at(doc, "chacun est libre de s'habiller")
    assert (moreno.speaker, moreno.cue) == ("Elisabeth Moreno", "dit")
    doc = extracted(shared_document(VIE_PUBLIQUE, LE_MAIRE, also="Amish"), "speakers")
    # MARC FAUVELLE: « … quand Emmanuel MACRON dit « ceux qui sont contre sont des Amish »,
    # vous pensez que … ? »: a conjunction before the name, still its subject
    assert quote_at(doc, "sont des Amish").speaker == "Emmanuel Macron"
    # the journalists are still no speakers of the interviews
    assert "Marc Fauvelle" not in [s.name for s in doc.speakers]


def test_a_name_after_a_function_right_before_the_verb_speaks_in_a_debate():
    # « M. le premier ministre anglais David Cameron l'a dit : « Avec cette loi, une nation est
    # plus forte ». »: the Prime Minister the deputy quotes (a TEI turn outside the gold)
    turn = _turn("20130144.xml", "sp-00188-Alain_Tourret")
    assert quote_at(turn, "une nation est plus forte").speaker == "David Cameron"
    # « La grande anthropologue Françoise Héritier disait : « il faut du temps … » »
    turn = _turn("20130119.xml", "sp-00322-Marie-George_Buffet")
    assert quote_at(turn, "il faut du temps pour passer").speaker == "Françoise Héritier"


def test_a_name_after_a_preposition_or_a_capitalised_function_is_no_subject():
    # « L'avocat d'Édouard Perrin annonce : « … » »: the lawyer speaks, not his client;
    # « l'Avocat Général se dit « très gêné » »: the advocate general named before (John Petry)
    doc = extracted(
        shared_document("luxleaks-communiques/markdown/2016-05-11-trial-day8.html.md"), "speakers"
    )
    assert quote_at(doc, "ou bien M. Perrin est relaxé").speaker != "Édouard Perrin"
    doc = extracted(
        shared_document("luxleaks-communiques/markdown/2017-01-10-appeal-day5.html.md"), "speakers"
    )
    assert quote_at(doc, "très gêné").speaker == "John Petry"


# --- « L'avocat », « l'avocate »: the lawyer named last with « Me » -------------------------

DAY4 = "luxleaks-communiques/markdown/2017-01-05-appeal-day4.html.md"
DAY7 = "luxleaks-communiques/markdown/2016-05-10-trial-day7.html.md"


def test_the_lawyer_standing_alone_is_the_one_named_last_with_me():
    doc = extracted(shared_document(DAY4), "speakers")
    # « La défense de Raphaël Halet se poursuit avec Me May Nalepa … L'avocate conteste …
    # Elle s'attèle ensuite … rejoignant sur ce point « de façon complète » les avocats »: not
    # Me Colin, the only lawyer whose function the report spelt out, paragraphs before
    assert quote_at(doc, "de façon complète").speaker == "May Nalepa"
    # « Me Christel Hénon ne manque pas de relever … Pour l'avocate, son client « a réalisé un
    # travail de journalisme exceptionnel » »
    assert quote_at(doc, "travail de journalisme exceptionnel").speaker == "Christel Hénon"
    # « la plaidoirie de Me Olivier Chappuis … l'avocat souligne en outre que « … » »
    assert quote_at(doc, "évasion fiscale est un sujet").speaker == "Olivier Chappuis"
    # the press review further on: « selon l'avocat d'un des deux lanceurs d'alerte » says
    # whose lawyer, none of those named
    poule = [q for q in doc.quotes if "la poule aux" in q.text]
    assert all(q.speaker != "Olivier Chappuis" for q in poule)


def test_the_lawyer_asking_for_a_suspended_sentence_is_the_one_pleading():
    # a report outside the gold: « Pour Me Philippe Penning, … Me Penning s'attaque point par
    # point … l'avocat demande une « suspension de peine » »
    doc = extracted(shared_document(DAY7), "speakers")
    assert quote_at(doc, "suspension de peine").speaker == "Philippe Penning"


# --- The author named after the words: an object pronoun, an adverb, the past historic --------


def test_an_author_named_after_the_words_with_a_pronoun_or_an_adverb_said_them():
    doc = extracted(
        shared_document(VIE_PUBLIQUE, also="comme l'écrit encore le général de Gaulle"), "speakers"
    )
    # « D'où la nécessité impérieuse de lui donner « une base d'action et de souveraineté »,
    # comme l'écrit encore le général de Gaulle dans ses Mémoires »: not the minister speaking
    assert quote_at(doc, "une base d'action et de souveraineté").speaker == "Charles de Gaulle"
    doc = extracted(shared_document(VIE_PUBLIQUE, also="leur écrivit GENEVOIX"), "speakers")
    # « « Il y avait moi parmi vous » leur écrivit GENEVOIX. »: the writer, in the past historic,
    # an object pronoun before the verb
    assert quote_at(doc, "Il y avait moi parmi vous").speaker == "Maurice Genevoix"
    assert [s.name for s in doc.speakers] == ["Emmanuel Macron"]


def test_a_body_named_after_the_words_said_them_in_a_debate():
    # « une « remise en cause » comme le dit le Conseil d'État »: a TEI turn outside the gold
    turn = _turn("20130138.xml", "sp-01087-Xavier_Breton")
    quote = quote_at(turn, "remise en cause")
    assert (quote.is_speech, quote.speaker) == (True, "Conseil d'État")


# --- « Comme le résume X », « ce que disait X »: cues naming the author before the words ------


def test_comme_and_any_verb_of_speech_names_the_author_before_an_apposition():
    # the demo corpus's op-ed: « Comme le résume Gérard Pelletier, éleveur laitier à Montclair
    # et partenaire de notre programme depuis 2022, « on nous demande d'être des jardiniers de
    # la nature … » »: the farmer, not the op-ed's signatory
    doc = extracted(demo_document("markdown/2024-09-18-tribune-benhaddou-agriculture.md"))
    assert quote_at(doc, "jardiniers de la nature").speaker == "Gérard Pelletier"


def test_what_someone_said_names_him_whatever_follows_his_name():
    doc = extracted(shared_document(VIE_PUBLIQUE, also="ce que disait Eric Jennings"), "speakers")
    # « comment ne pas rappeler ce que disait Eric Jennings, que nous avons entendu tout à
    # l'heure, que « si la France Libre était bel et bien africaine … » »
    assert quote_at(doc, "si la France Libre était bel et bien africaine").speaker == (
        "Eric Jennings"
    )
    # TEI turns outside the gold: « Je rappellerai ce que disait Boileau : « ce qui n'est pas
    # nommé n'existe pas » », « Je partage tout à fait ce qu'a écrit Mme Martine Chantecaille,
    # enseignante en philosophie : « … » »
    turn = _turn("20130134.xml", "sp-00185-Yves_Censi")
    assert quote_at(turn, "ce qui n'est pas nommé").speaker == "Boileau"
    turn = _turn("20130118.xml", "sp-00411-Catherine_Lemorton")
    assert quote_at(turn, "Quand bien même la nature").speaker == "Martine Chantecaille"


# --- A crowd's chants are nobody's ----------------------------------------------------------


def test_words_a_crowd_chants_or_shouts_are_nobodys():
    doc = extracted(
        shared_document("luxleaks-communiques/html/2016-12-13-appeal-day1.html"), "speakers"
    )
    # « Une immense haie d'honneur a accueilli chacun des prévenus, scandant « Merci Antoine,
    # Merci Raphaël, Merci Édouard ! » »: not the journalist in focus before
    chant = quote_at(doc, "Merci Antoine, Merci Raphaël")
    assert (chant.is_speech, chant.speaker, chant.cue) == (True, None, "scandant")
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, also="tout le monde déteste la police"))
    # the minister: « bloquer, casser et aller hurler dans les rues de Paris : « tout le monde
    # déteste la police », ça n'est pas complètement la même chose »: not the minister's words
    assert quote_at(doc, "tout le monde déteste la police").speaker is None
    # a TEI stage direction outside the gold: « (Les députés du groupe UMP scandent :
    # « Bartolone ! Bartolone ! Bartolone ! » …) »
    turn = _turn("20130138.xml", "sp-00479-la_présidente")
    assert quote_at(turn, "Bartolone ! Bartolone").speaker is None


# --- A pronoun stands for the person a relative clause was about ----------------------------


def test_a_pronoun_stands_for_the_person_heading_a_relative_clause_before_it():
    doc = extracted(shared_document(VIE_PUBLIQUE, also="vivre quitte à en mourir"), "speakers")
    # CECILE DE MENIBUS: « je vais revenir sur l'appel de Nicolas BEDOS, l'acteur-réalisateur
    # hier, qui a fait un appel de rébellion …, il dit « vivre quitte à en mourir » »: the actor,
    # not the journalist, though his name follows a preposition
    assert quote_at(doc, "vivre quitte à en mourir").speaker == "Nicolas Bedos"
    doc = extracted(shared_document(VIE_PUBLIQUE, also="je ne veux plus lire Shakespeare"))
    # « c'est incarné par Alice COFFIN qui exprime son rejet …, elle dit « je ne veux plus lire
    # Shakespeare … » »
    assert quote_at(doc, "je ne veux plus lire Shakespeare").speaker == "Alice Coffin"
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, also="quelqu’un comme Laurent BERGER"))
    # « ce qu'avait d'ailleurs prédit redouté quelqu'un comme Laurent BERGER, qui jusqu'alors …
    # y était favorable, il a dit « attention, attention, vous allez jeter de l'huile sur le
    # feu. » »: the union leader, not the President named a sentence before
    assert quote_at(doc, "jeter de l’huile sur le feu").speaker == "Laurent Berger"
    doc = extracted(shared_document(VIE_PUBLIQUE, also="Jean-Louis GIORDAN"), "speakers")
    # « Le père Jean-Louis GIORDAN qui a été pendant seize ans curé …, il dit, je le cite : « … » »
    assert quote_at(doc, "Moi je ne suis pas Charlie").speaker == "Jean-Louis Giordan"


# --- Words a verb names a thing with are a name, not speech ---------------------------------


def test_words_after_ce_quon_appelle_or_dite_are_a_name_not_speech():
    doc = extracted(shared_document(VIE_PUBLIQUE, also="les laissez-passer consulaires"))
    # the minister: « … encore faut-il que le pays d'accueil puisse vouloir les recevoir, ce
    # qu'on appelle très techniquement « les laissez-passer consulaires » »
    assert not quote_at(doc, "les laissez-passer consulaires").is_speech
    doc = extracted(shared_document(VIE_PUBLIQUE, also="câble satellite"))
    # « … ainsi que la directive dite « câble satellite » ou "CabSat" du 17 avril 2019 »
    assert not quote_at(doc, "câble satellite").is_speech
    doc = extracted(shared_document(VIE_PUBLIQUE_2023, also="des dispositifs de recueil"))
    # « Le premier c'est d'augmenter le nombre de… on appelle ça « des dispositifs de recueil »
    assert not quote_at(doc, "des dispositifs de recueil").is_speech
    # « vous dites », « vous leur dites » still report words: « Vous leur dites « partez » ou
    # vous leur dites « soyez prudents » ? » (the journalist's own suggestion)
    doc = extracted(shared_document(VIE_PUBLIQUE, also="Vous leur dites quoi aux Français"))
    assert quote_at(doc, "soyez prudents").is_speech


# --- What institutions, States or a people did say is nobody's named ------------------------


def test_what_courts_states_or_decisions_have_said_is_nobodys():
    doc = extracted(shared_document(VIE_PUBLIQUE, also="les tribunaux ont dit"), "speakers")
    # GUILLAUME DURAND: « il y a eu pour sa famille des décisions administratives qui ont dit :
    # « non non, il ne reste que par là », et en même temps après les tribunaux ont dit « il
    # peut s'installer en France » »: not the journalist's words
    assert quote_at(doc, "il ne reste que par là").speaker is None
    assert quote_at(doc, "il peut s'installer en France").speaker is None
    doc = extracted(shared_document(VIE_PUBLIQUE, also="je ne vise personne"), "speakers")
    # the minister: « Et tous les pays, la France a été très réactive, ont dit dès le 14 août
    # … : « nous devons prendre des sanctions … » »
    assert quote_at(doc, "nous devons prendre des sanctions").speaker is None
    # but « vous avez des pays, je ne vise personne, qui disent trois heures avant : « … » »:
    # an example the minister gives, words he lends (present tense)
    assert quote_at(doc, "je classe 20 départements").speaker == "Clément Beaune"


def test_words_a_passive_gives_with_no_agent_are_nobodys():
    # « La technique de transmission des documents via des brouillons de mails est qualifiée
    # de « système conspiratif », à quoi Raphaël Halet répond … »: the judge's word, unnamed;
    # not the defendant's whose hearing it is
    doc = extracted(
        shared_document("luxleaks-communiques/html/2016-12-13-appeal-day1.html"), "speakers"
    )
    assert quote_at(doc, "système conspiratif").speaker is None
    # « Raphaël Halet répond que « c'est un système comme un autre » »: his answer is still his
    assert quote_at(doc, "un système comme un autre").speaker == "Raphaël Halet"


# --- An interviewer taking up the guest's words just said -----------------------------------


def test_words_an_interviewer_takes_up_from_the_guests_last_turn_are_the_guests():
    doc = extracted(shared_document(VIE_PUBLIQUE, also="Comment « mais non »"), "speakers")
    # OLIVIER DUSSOPT: « Mais non. » JEAN-JACQUES BOURDIN: « Comment « mais non » ? Votre
    # budget est en contradiction. »: the minister's two words, found and given back to him
    taken = quote_at(doc, "mais non")
    assert (taken.is_speech, taken.speaker, taken.cue) == (True, "Olivier Dussopt", "reprise")
    doc = extracted(shared_document(VIE_PUBLIQUE, also="On a bien compris"), "speakers")
    # R - « … quel que soit le président qui sera élu. » Q - « On a bien compris, « quel que
    # soit le président », Monsieur Jean-Yves Le Drian. »
    assert quote_at(doc, "quel que soit le président").speaker == "Jean-Yves Le Drian"
    doc = extracted(shared_document(VIE_PUBLIQUE, also="Pourquoi vous les appelez"), "speakers")
    # but a term the guest himself put in quotation marks (« ce que l'on appelle « les sucres
    # rapides » »), asked about (« Pourquoi vous les appelez « les sucres rapides » ? »), is a
    # term both times
    assert not [q for q in doc.quotes if q.text == "les sucres rapides" and q.is_speech]


def test_ce_que_vous_avez_declare_after_the_words_gives_them_back_to_the_guest():
    doc = extracted(
        shared_document(VIE_PUBLIQUE, also="c'est ce que vous avez déclaré hier"), "speakers"
    )
    # ORIANE MANCINI: « « On n'a rien, aujourd'hui, sur les menaces en ligne … », c'est ce que
    # vous avez déclaré hier le Journal du Dimanche. Comment vous allez faire … ? »
    quote = quote_at(doc, "On n'a rien, aujourd'hui, sur les menaces en ligne")
    assert quote.speaker == "Amélie de Montchalin"


def test_the_person_a_chain_of_participles_follows_says_the_words_of_disant():
    doc = extracted(shared_document(VIE_PUBLIQUE, LE_MAIRE, also="Amish"), "speakers")
    # MARC FAUVELLE: « Vous avez peut-être vu l'image cette nuit de Donald TRUMP regagnant la
    # Maison-Blanche, enlevant son masque, …, et disant aux Américains « n'ayez pas peur de ce
    # virus. » »: the President, not the journalist
    assert quote_at(doc, "n'ayez pas peur de ce virus").speaker == "Donald Trump"


def test_an_unnamed_office_holder_after_the_verb_and_a_time_said_the_words():
    doc = extracted(
        shared_document(VIE_PUBLIQUE, also="disait hier soir le chef de l'Etat"), "speakers"
    )
    # FABRICE LUNDY: « « La peur va changer de camp », disait hier soir le chef de l'Etat en
    # Conseil de défense »: the head of State the interview does not name, not the journalist
    quote = quote_at(doc, "La peur va changer de camp")
    assert (quote.speaker, quote.function, quote.cue) == (None, "chef", "disait")
    # a TEI turn, part R of the gold since: « Il déclare encore : « … » … « Une femme peut-elle
    # se réduire à son utérus ? », conclut le magistrat. »: the description stands for the
    # judge just quoted (thirty-third round), no longer an unnamed magistrate
    turn = _turn("20130141.xml", "sp-00234-Marc_Le_Fur")
    quote = quote_at(turn, "Une femme peut-elle se réduire")
    assert (quote.speaker, quote.cue) == ("Jean-Pierre Rosenczveig", "conclut le magistrat")
