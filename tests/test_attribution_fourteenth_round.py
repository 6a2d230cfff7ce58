"""Who really said it, fourteenth round (issue 11): the structure of a debate turn.

Before any change, 50 fresh TEI turns of the Assemblée nationale were drawn by counts only and
annotated blind (tests/gold/attribution/PART-L.md): part L (30 turns) to tune on, part M (20) a
check never inspected. The families L's misses showed are fixed as general rules about a debate
turn: who a « vous » addresses when the sentence calls a colleague without a name, where a name
given after the words sits, whose words a reformulation is, and whom a sentence opening on « il »
goes on about. Each test reads the real passage in ../shared/corpus in place (skipping, saying
why, when it is absent; failing under VERBATIM_REQUIRE_SHARED=1) and fails on the code before
the round.
"""

import pytest

from indexer.extract.people import find_mentions
from tests.test_attribution_twelfth_round import _case_id, _said

# --- « selon vous, ma chère collègue »: the colleague named last ---------------------------

COLLEAGUE_CALLED = [
    # DOMINIQUE ORLIAC: « …, pour reprendre les propos tenus en commission des lois le 23
    # janvier par notre collègue Barbara Pompili, présidente en titre du groupe écologiste …
    # En effet, selon vous, ma chère collègue, « il n'appartient pas au règlement … » »
    ("20130144.xml", "sp-00209-Dominique_Orliac", "il n'appartient pas au", "Barbara Pompili"),
]


@pytest.mark.parametrize("case", COLLEAGUE_CALLED, ids=_case_id)
def test_a_colleague_called_without_a_name_is_the_one_named_last(case):
    assert _said(case) == case[3]


# --- A name given after the words, by a verb of naming --------------------------------------

NAMED_AFTER = [
    # MARIE-CHRISTINE DALLOZ: « Le mariage, « la plus vieille coutume de l'humanité », comme se
    # plaisait à le nommer le doyen Carbonnier, est une union personnelle … »
    ("20130138.xml", "sp-00853-Marie-Christine_Dalloz", "la plus vieille coutume", "Carbonnier"),
]


@pytest.mark.parametrize("case", NAMED_AFTER, ids=_case_id)
def test_words_a_person_is_said_to_name_so_are_his(case):
    assert _said(case) == case[3]


# --- A reformulation is the speaker's own --------------------------------------------------


def test_what_a_colleagues_words_mean_is_the_speakers_reformulation():
    # PIERRE LEQUILLER: « M. Le Roux a ouvertement dit qu'il y avait discipline de vote, ce qui
    # signifie en gros : « Je vous intime d'être d'accord avec moi, quoi que vous dise votre
    # conscience. » »: his caricature of M. Le Roux (CONVENTIONS rule 4), not M. Le Roux's
    case = ("20130142.xml", "sp-00579-Pierre_Lequiller", "Je vous intime")
    assert _said(case) == "Pierre Lequiller"


# --- A sentence opening on « il » goes on about the person speaking before -----------------


def test_words_after_a_sentence_going_on_about_a_speaker_are_his():
    # LAURENT WAUQUIEZ: « M. Urvoas poursuit en expliquant quelle est la seule possibilité pour
    # l'opposition de s'exprimer. Au fond, il caractérise très bien votre état, puisque vous
    # n'avez plus que les tweets pour vous exprimer. « La seule chance de l'opposition … » »
    case = ("20130138.xml", "sp-00588-Laurent_Wauquiez", "La seule chance")
    assert _said(case) == "Urvoas"


# --- « X selon lequel « … » »: the person the relative clause hangs on ----------------------

SELON_LEQUEL = [
    # CHRISTIANE TAUBIRA: « Ce matin, je citais René Char selon lequel « les mots savent de nous
    # des choses que nous ignorons d'eux » »
    ("20130131.xml", "sp-00344-Christiane_Taubira", "les mots savent", "René Char"),
    # PIERRE LEQUILLER: « L'auteur cite ensuite Claude Lévi-Strauss selon qui « les liens
    # biologiques sont le modèle … » » (was the function « auteur »)
    ("20130131.xml", "sp-00752-Pierre_Lequiller", "les liens biologiques", "Claude Lévi-Strauss"),
]


@pytest.mark.parametrize("case", SELON_LEQUEL, ids=_case_id)
def test_words_according_to_whom_are_the_person_the_relative_hangs_on(case):
    assert _said(case) == case[3]


def test_a_relative_far_from_the_words_gives_them_to_no_one_it_names():
    # JEAN-FRÉDÉRIC POISSON: « Après le passage de Jacques Toubon que vous avez cité, madame le
    # ministre, selon lequel un référendum ne doit pas être tenu …, notre ancien collègue
    # poursuit en précisant : « … » »: not the minister addressed before « selon lequel »
    case = ("20130120.xml", "sp-00308-Jean-Frédéric_Poisson", "tout en respectant")
    assert _said(case) != "Bertinotti"


# --- Pronouns for people named as complements -----------------------------------------------


def test_a_pronoun_opening_a_paragraph_is_the_person_the_one_before_ended_on():
    # HENRI GUAINO: « … je veux rendre hommage à une grande voix républicaine qui s'est tue
    # trop tôt, celle de Philippe Séguin. (Applaudissements …)⏎⏎Le 5 mai 1992, …, il était
    # monté à cette même tribune et avait déclaré : « Je voudrais croire … » »
    case = ("20130118.xml", "sp-00429-Henri_Guaino", "Je voudrais croire")
    assert _said(case) == "Philippe Séguin"


def test_a_person_a_presentative_names_is_the_one_il_stands_for():
    # ERWANN BINET: « … de même … qu'au sous-amendement de M. Accoyer.⏎⏎Je voudrais vous lire
    # une phrase de quelqu'un à qui vous vous référez souvent, puisqu'il s'agit de Pierre
    # Lévy-Soussan. Dans l'un de ses articles, il écrit : « … » » (was M. Accoyer)
    case = ("20130131.xml", "sp-00313-Erwann_Binet", "Considérer l'origine")
    assert _said(case) == "Pierre Lévy-Soussan"


def test_elle_is_not_the_deputy_speaking_nor_a_measure():
    # HERVÉ MARITON: « Je discute avec une jeune femme … Et je lui dis : « … ». Car au fond, ce
    # qu'elle revendiquait, c'est la PMA pour elle-même … Et elle me répond : « Avec tout le
    # temps que je donne à l'UMP … » »: a woman the turn does not name (was « PMA »)
    case = ("20130119.xml", "sp-00031-Hervé_Mariton", "Avec tout le temps")
    assert _said(case) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Car au fond, ce qu'elle revendiquait, c'est la PMA pour elle-même.",
        "l'ancienne garde des Sceaux, chargée de faire voter le PACS.",
    ],
)
def test_the_acronym_of_a_measure_names_no_body(sentence):
    assert [m.name for m in find_mentions(sentence) if m.body] == []


# --- Texts given to no one, works to their authors ------------------------------------------

TEXTS = [
    # PHILIPPE GOSSELIN: « … la violation du premier alinéa de l'article 2 de la Constitution,
    # qui dispose que : « La langue de la République est le français. » » (was his own words)
    ("20130141.xml", "sp-00334-Philippe_Gosselin", "La langue de la République"),
    # ERWANN BINET: « … le même que fera valoir tout à l'heure Mme Narassiguin. Votre amendement
    # … est sans doute contraire à l'article 5 de la Convention de Vienne … : celui-ci précise
    # que « les fonctions consulaires consistent à … » » (was Mme Narassiguin)
    ("20130127.xml", "sp-00322-Erwann_Binet", "les fonctions consulaires"),
    # JULIEN AUBERT: « Cet amendement s'inspire de cette belle phrase de la Déclaration des
    # droits de l'homme et du citoyen : « Les hommes naissent … » » (was « Déclaration »)
    ("20130131.xml", "sp-00482-Julien_Aubert", "Les hommes naissent"),
]


@pytest.mark.parametrize("case", TEXTS, ids=_case_id)
def test_the_words_of_a_text_are_no_ones(case):
    assert _said(case) is None


def test_a_work_named_before_its_author_is_the_authors():
    # MARIE-FRANÇOISE CLERGEAU: « … par une citation de L'Esprit des lois de Montesquieu
    # (Exclamations …) : « L'amour de la démocratie est celui de l'égalité » » (was « Esprit »)
    case = ("20130118.xml", "sp-00364-Marie-Françoise_Clergeau", "L'amour de la démocratie")
    assert _said(case) == "Montesquieu"


# --- A quotation read out goes on with its author -------------------------------------------

GOES_ON = [
    # GUY GEOFFROY: « « Pourquoi l'adoption par un couple homosexuel serait-elle une mauvaise
    # solution ? » demande Mme Guigou. « Parce que le droit, lorsqu'il crée des filiations
    # artificielles, … » »: the question she asks (« demande » after the words), then her answer
    ("20130142.xml", "sp-00100-Guy_Geoffroy", "Pourquoi l'adoption", "Guigou"),
    ("20130142.xml", "sp-00100-Guy_Geoffroy", "Parce que le droit", "Guigou"),
    # YVES ALBARELLO: « M. Rocard dit que le PACS « aurait pu suffire » et, plus résigné
    # qu'enthousiaste, ajoute qu'« il y a un moment historique … » »
    ("20130142.xml", "sp-00539-Yves_Albarello", "il y a un moment historique", "Michel Rocard"),
    # MARC LE FUR: « Voici ce que dit le professeur Wolf quand on lui demande comment il
    # répondra aux demandes … « Avec sympathie, … » »: a title before the author's name
    ("20130140.xml", "sp-00652-Marc_Le_Fur", "Avec sympathie", "Wolf"),
]


@pytest.mark.parametrize("case", GOES_ON, ids=_case_id)
def test_words_read_out_go_on_with_their_author(case):
    assert _said(case) == case[3]


# --- Someone else's words, their author named by a question, a relative or a pronoun -------

NAMED_AROUND = [
    # ALAIN TOURRET: « … la souffrance contenue d'Estelle Aubriot, qui … est venue expliquer son
    # expérience de vie … Que nous dit-elle ? « Je suis séparée de mon ex-compagne … » »
    ("20130119.xml", "sp-00094-Alain_Tourret", "Je suis séparée", "Estelle Aubriot"),
    # PIERRE LEQUILLER: « … je voudrais dire à M. de Rugy qu'il est mal placé pour donner des
    # leçons. Tout à l'heure, …, je l'ai entendu dire : « Vous pourriez au moins … » »
    ("20130121.xml", "sp-00201-Pierre_Lequiller", "Vous pourriez au moins", "de Rugy"),
    # DOMINIQUE BERTINOTTI: « J'insiste sur ce qu'a indiqué Erwann Binet. « Nul n'a de droit à
    # l'enfant » : c'est déjà vrai en droit français … »
    ("20130129.xml", "sp-00349-Dominique_Bertinotti", "Nul n'a de droit", "Erwann Binet"),
]


@pytest.mark.parametrize("case", NAMED_AROUND, ids=_case_id)
def test_words_whose_author_the_sentences_around_name_are_his(case):
    assert _said(case) == case[3]


# --- Passages read out of a text named before, and cut by the speaker's asides --------------

READ_OUT = [
    # GÉRALD DARMANIN: « … un excellent texte, que je vous recommande, de Mme Jospin – Mme
    # Agacinski – intitulé « Deux mères = un père ? ». Je me permets de vous en lire un petit
    # passage, vers la fin : « La crainte qu'on peut ici exprimer … » – ce n'est pas le fantasme
    # de l'UMP, hein ! – « ...de ceux qui seraient procréés … » »
    ("20130129.xml", "sp-00075-Gérald_Darmanin", "La crainte qu'on peut", "Agacinski"),
    ("20130129.xml", "sp-00075-Gérald_Darmanin", "de ceux qui seraient", "Agacinski"),
    # LAURENT WAUQUIEZ: « M. Urvoas poursuit : « Il faut donc que les députés de l'opposition
    # soient mobilisés, parce que la majorité » – votre silence le reflète – « se fatigue plus
    # vite que l'opposition. » »
    ("20130138.xml", "sp-00590-Laurent_Wauquiez", "se fatigue plus vite", "Urvoas"),
]


@pytest.mark.parametrize("case", READ_OUT, ids=_case_id)
def test_passages_read_out_are_their_authors_across_an_aside(case):
    assert _said(case) == case[3]


def test_a_text_read_out_goes_on_across_an_aside():
    # XAVIER BRETON: « J'en rappelle le contenu, page 26 : « S'agissant des autres branches du
    # droit civil, … strictement nécessaires » – je souligne ces deux termes – « afin d'adapter
    # les textes … » »: the impact study's words still, not his (was the deputy's)
    case = ("20130142.xml", "sp-00336-Xavier_Breton", "afin d'adapter les textes")
    assert _said(case) is None
