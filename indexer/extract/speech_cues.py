"""The cues read around a quotation: the verbs of speech and every other pattern of the
quotations' extraction, regular expressions and the word lists they are built from, nothing
else. The marks are paired in `indexer.extract.quote_spans`, speakers chosen in
`indexer.extract.attribution` (which reads this module as `cues`), speech told from titles in
`indexer.extract.quotes`.

The patterns by family, what each family is for, with an example (in the file they stand in the
order they were written, each with its own comment):

Verbs of speech, and how they are conjugated or denied (« a déclaré », « en ajoutant »,
« il m'a été rapporté », « elle ne répond pas « … » »): `VERB` (the alternation, a source
string), `SPEECH_VERB` (compiled, a whole word), SPEECH_VERB_COLON, AUXILIARY, PASSIVE,
IMPERSONAL, GERUND, GERUND_GAP, PLURAL_VERB, SAID_RIGHT_BEFORE, WRITTEN_THERE, NAME_CALLING,
CAUSATIVE, CHANT, HEARD_HIM, DENIED, NEGATION, PARTICIPLE_AFTER, INFINITIVE_AFTER.

After the words, whose they are (« « … », a-t-il ajouté », « « … » déclare Antoine Deltour »,
« …, c'est ce qu'a dit Jean Castex », « …, écrit GENEVOIX, … », « — Julien Marchetti »):
RIGHT_INVERTED, RIGHT_VERB, RIGHT_SOURCE, RIGHT_SELON, RIGHT_AUTHOR, RIGHT_FUNCTION, RIGHT_THAT,
RIGHT_YOU_THAT, RIGHT_IS_OF, RIGHT_BARE_IS_OF, WORDS_NOUN_BEFORE, RIGHT_OF, RIGHT_TEXT,
RIGHT_INTERVIEW, SIGNATURE, WHEN,
INNER_INCISE, INNER_PRONOUN, CLAUSE_END.

Before the words, a source or famous words and their author (« selon X, », « comme le disait
Montesquieu », « ces propos », « je citerai Renan : », « Que dit M. Chevènement ? »): LEFT_CUE,
SOURCE_CUE, SOURCE_CUE_START, FUNCTION_NP, AUTHOR_TITLE, APPOSED_FUNCTION, FAMOUS, FAMOUS_NAME,
THOSE_WORDS, WORDS_OF, CITED, CITED_AUTHOR, NEXT_AUTHOR, READ_AUTHOR, ASKED_WHO, ASKED_PRONOUN,
ADVERBS, LONE_NAME, NOT_LONE_NAMES, CAPITALISED, TITLE_GAP.

Works and texts, read out or speaking for themselves (« je lis dans le rapport de M. Binet : »,
« l'article L. 211-1 parle de « … » », « Je poursuis ma citation : », « insérer les mots : »):
WORK_OF, WORK_AUTHOR_DESCRIBED, WORK_COMPLEMENT, WORK_AUTHOR, TEXT_TITLE, TEXT_SOURCE, TEXT_RULES,
A_TEXT, THIS_TEXT, READING, READ_HERE, READ_FROM_IT, READ_OUT, COMPLEMENT_COLON, APPOSITION_COLON,
POSSESSIVE, GO_ON_QUOTING, QUOTING_WORD, COLON_END, ENDS_ON_AUTHOR, PREPOSITION_BEFORE,
HEAD_ARTICLE, BRINGS_IN, READER_SUBJECT, AMENDMENT, STRUCK_OUT, COURT, CLIP, PROPOSES_WORDING,
QUESTION_PUT, I_PUT, PUT_BY, PRESS_TITLE, WORK_CITED_AGAIN, COLON_SUBJECT, NOT_COLON_SUBJECT.

The person addressed, in an interview or a debate (« vous avez dit : », « …, c'est ce que vous
avez déclaré », « monsieur Le Fur, qui vous a amené à dire : », « (Exclamations sur les bancs
du groupe SRC.) »): YOU, YOU_PAST, YOU_SAY, SUMMING_UP, SECOND_PERSON, OBJECT_YOU, INVERTED_YOU,
YOUR_WORDS, YOUR_TEXT_END, I_CITE, VOCATIVE_BEFORE, VOCATIVE_NAME, CALLED, CALLED_BEFORE,
COLLEAGUE_CALLED, LED_TO_SAY, ASIDE, ASIDE_AFTER, BENCHES, ANNOUNCED_END, QUOTED, FOLDED_WORD.

Who heads the clause of a verb of speech: subjects, pronouns and appositions (« Antoine Deltour
a déclaré que », « il estime que », « ce dernier », « Me Colin, avocat de Raphaël Halet, »,
« Mme la garde des Sceaux nous dit »): SUBJECT_PRONOUN, FIRST_PERSON, OPENING_PRONOUN,
INVERTED_PRONOUN, JOINED_TO_PRONOUN, STILL_HIM, LATTER, PRESENTATIVE, CIVILITY,
ABBREVIATED_CIVILITY, OFFICE_BEFORE, COLLECTIVE, GENERIC, UNREAD_NAME, NOT_UNREAD, WHO_CLAUSE,
RELATIVE_AFTER, APPOSED_FUNCTION_CLOSED, APPOSITION_GAP, GAP_CLAUSE, REPORTED_THAT,
CONDITIONAL_AFTER, COMPLEMENT_BEFORE, OBJECT_CLITICS, SUBJECT_BEFORE, DETERMINER_BEFORE.

Words lent, imagined or the speaker's own (« je dis bien « … » », « il faudra bien que ces
femmes disent », « ce que j'ai appelé le « nationalisme vaccinal » », « autrement dit : »):
LENDING_SUBJECT, GROUP_WHO_SAYS, MODAL, IMAGINING, IMAGINED, FUTURE_CLAUSE, IMAGINED_INCISE,
IMAGINING_CLAUSE, COORDINATED_BEFORE, LENT_INFINITIVE,
SELF_QUOTE, SUMMED_UP, INNER_WORDS, ARTICLE_READ, SOME_TEXT,
OWN_WORDING, AMENDMENT_WORDING, OWN_AMENDMENT, MESSAGE_SENT, NOT_ANSWERED,
COINED, I_SAY, PARAPHRASE.

The author named after the words, or going on from one quotation to the next (« C'est Nicolas
Sarkozy qui a dit cela », « Tel est l'avis de M. X », « Elle ajoute : », « « … » et, a-t-il
ajouté, « … » »): IS_OF_AFTER, THUS_SPOKE, NOT_ME_WHO_SAYS, SAID_WHO_AFTER, SOURCE_AFTER,
WHAT_SAID, GOES_ON, WENT_ON, GOES_ON_WORDS, AND_THEN_VERB, AND_THAT, CUE_THEN_STOP, DASH_ASIDE,
CONTINUATION_GAP, SET_AGAINST, PARAGRAPH_GAP.

A name or a title in marks, nobody's speech (« sous le titre « … » », « la dénomination
« école maternelle » », « le fameux « … » », « L'Essentiel – « C'est PwC qui écrivait … » »):
TITLE_NOUNS, CHARGE, UNDER_TITLE, TERM_NOUNS, TERM_NOUN_BARE, CATEGORY_OF, TERM_BEFORE, NAMING,
FORMULA_BEFORE, SUBSTITUTED, WORK_BEFORE, NAMED_THEN, DOMAIN, CLAUSE, DASH_HEADLINE,
HEADLINE_CLAUSE.

Sentences, words and marks: SENTENCE_END, NOT_AN_END, SENTENCE_STOP, WORDS, MARKS.

Names with a leading underscore are the pieces the patterns are built from, read nowhere else.
"""

from __future__ import annotations

import re

from indexer.analysis import WORD_PATTERN
from indexer.extract.functions import FUNCTION_WORDS
from indexer.extract.people import NOT_FIRST

# --- Verbs of speech -------------------------------------------------------------------------

_ER_STEMS = """
déclar affirm ajout estim soulign rappel rappell expliqu indiqu précis assur regrett
déplor annonc annonç confi confirm insist répét répèt lanc lanç exclam félicit exprim souhait
comment martel plaid qualifi observ témoign racont résum constat interrog indign fustig
insurg accus reproch contest mentionn alert avou concéd concèd proclam dénonc dénonç prononc
prononç tweet réclam salu protest nuanc renchér ironis lâch gliss signal invoqu
argu considér considèr espér espèr interpell prévien martèl clam tonn assén assèn
""".split()
_ER_ENDINGS = r"(?:e|es|ent|é|ée|és|ées|e?ait|e?aient|e?ant|er|era|erait|e?a|e?ons|ez)"
_IRREGULAR = """
dit dits dite dites dis disent disait disaient disant dira dirait dire redit réagit réagi
réagissait réagir répond répondu répondait répondant répondre reconnaît reconnait reconnu
reconnaissait reconnaître prévient prévenu prévenait conclut conclu concluait conclure écrit
écrivait écrire promet promis promettait poursuit poursuivi poursuivait soutient soutenu
soutenait admet admis admettait reprend repris reprenait convient convenu réjouit réjoui
avertit averti maintient maintenu prédit prédisait jugé jugeait jugeant cite citait citant
demandant
dise disent disiez disions disons disais reconnaissant parlez parliez écrivez écriviez diraient
diront dirai dirais dirons
écrivit répondit reprit poursuivit soutint admit promit prévint
""".split()  # (the last line: the past historic of storytelling, « leur écrivit GENEVOIX »)
VERB = (
    r"(?:(?:" + "|".join(sorted(_ER_STEMS, key=len, reverse=True)) + r")" + _ER_ENDINGS
    + r"|" + "|".join(sorted(_IRREGULAR, key=len, reverse=True)) + r")"
)  # fmt: skip
SPEECH_VERB = re.compile(rf"(?<![\w-])(?<![dlDL]['’])(?P<verb>{VERB})(?![\w])", re.IGNORECASE)
# A verb of speech then a colon, the words right after (« il y a beaucoup de gens qui disent : »).
SPEECH_VERB_COLON = re.compile(rf"(?<![\w-])(?:{VERB})\s*:\s*$", re.IGNORECASE)
_PRONOUN = r"(?:il|elle|ils|elles|on)"
# Right after a closing mark: "», a-t-il ajouté", "» déclare-t-elle", "», dit-il".
# An object pronoun may stand before the verb: « » leur écrivit GENEVOIX », « », nous dit-il ».
_CLITIC = r"(?:(?:me|te|lui|nous|vous|leur)\s+|[mt]['’]\s*)?"
RIGHT_INVERTED = re.compile(
    rf"^[\s,;:–—-]*{_CLITIC}(?:(?:a|ont|avait|avaient|aurait)-t-(?P<p1>{_PRONOUN})\s+"
    rf"(?P<v1>{VERB})|(?P<v2>{VERB})-t?-?(?P<p2>{_PRONOUN}))\b",
    re.IGNORECASE,
)
RIGHT_VERB = re.compile(
    rf"^[\s,;:–—-]*{_CLITIC}(?:(?:a|ont|avait|avaient|aurait)\s+(?:(?:encore|aussi|également"
    rf"|ainsi|alors|notamment|d'ailleurs|pour sa part)\s+)?)?(?P<verb>{VERB}|demande|demandait"
    rf"|demanda|s['’]interroge|s['’]interrogeait)\s+(?:(?:alors"
    rf"|encore|ensuite|aussi|ainsi)\s+)?(?=\S)",
    re.IGNORECASE,
)
RIGHT_SOURCE = re.compile(
    r"^[\s,;:–—-]*(?:(?:voilà|voici|ce sont|c'étaient?)\s+)?"
    r"(?:(?:selon|d'après|pour reprendre)\s+)?"
    r"(?:(?:les|ses|des|la|une|cette)\s+)?(?:(?:belle|célèbre|fameuse)\s+)?(?:propos|mots|paroles"
    r"|formule|expression|termes|déclaration)(?:\s+mêmes?)?\s+(?:de\s+|d['’]|du\s+)",
    re.IGNORECASE,
)
RIGHT_SELON = re.compile(
    # « « On ne peut pas … », dixit le juge Thill »
    r"^[\s,;:–—-]*(?:selon|d['’]après|dixit)\s+(?P<pron>lui|elle|eux|elles)?",
    re.IGNORECASE,
)
# Cues naming the author of the words (famous words first): « comme le disait X », « selon le
# mot de X », « pour paraphraser X », « ces mots de X », « je cite X »; then sources.
_AUTHOR_CUE = (
    r"comme\s+(?:le\s+|l['’](?:a\s+|avait\s+)?)?(?:disait|écrivait|dit|écrit|a\s+dit|a\s+écrit"
    r"|avait\s+dit|avait\s+écrit|déclarait|rappelait|soulignait|chantait|affirmait|proclamait"
    r"|prédisait|dirait|déclaré|rappelé|souligné|aimait\s+à\s+(?:le\s+)?dire)"
    r"|comme\s+l['’](?:a|avait)\s+[\w’'-]+(?:\s+en\s+[\w’'-]+)?"
    # « Comme le résume Gérard Pelletier, éleveur laitier … , « … » »: any verb of speech
    rf"|comme\s+(?:le\s+|l['’])(?:{VERB})(?![\w-])"
    # « comment ne pas rappeler ce que disait Eric Jennings, …, que « … » »
    r"|ce\s+que\s+(?:disait|écrivait|dit|écrit|déclarait)"
    # « Voilà ce qu'écrit également Sylviane Agacinski : », « ce qu'affirme X »: elided
    r"|ce\s+qu['’](?:écrit|écrivait|explique|expliquait|affirme|affirmait|énonce|ajoute)"
    r"(?:\s+(?:également|aussi|encore|ainsi))?"
    r"|ce\s+qu['’](?:a|avait)\s+(?:dit|écrit|déclaré)"
    r"|pour\s+(?:reprendre|paraphraser|citer)(?:\s+(?:le\s+mot|les\s+mots|la\s+(?:belle\s+)?formule"
    r"|l['’]expression|la\s+phrase|les\s+paroles|le\s+propos)(?:\s+célèbre)?\s+(?:de|d['’]|du))?"
    r"|selon\s+(?:le\s+mot|la\s+formule|l['’]expression|les\s+mots|la\s+phrase)(?:\s+célèbre)?"
    r"\s+(?:de|d['’]|du)"
    r"|(?:je|nous)\s+(?:le\s+|la\s+|les\s+)?cite(?:rai|rais|rons)?|citant"
    # « J'ai en effet cité Aimé Césaire, notamment cette phrase : « … » »
    r"|(?:j['’]ai|nous\s+avons)\s+(?:(?:en\s+effet|déjà|aussi|souvent|même)\s+)?cité|citons"
    r"|citer\s+(?:l['’]avis|les\s+propos|les\s+mots|les\s+paroles|la\s+phrase|le\s+texte"
    r"|la\s+formule)\s+(?:de|d['’]|du|des)"
    r"|(?:les|ses|ces|de\s+ces)\s+(?:propos|mots|paroles|vers|lignes)\s+(?:de|d['’]|du)"
    r"|(?:le|la)\s+(?:célèbre\s+)?(?:mot|formule|phrase|maxime|devise)\s+(?:célèbre\s+)?"
    r"(?:de|d['’]|du)"
    # « une superbe phrase de Marguerite Yourcenar : », « une très belle pensée de René Char : »,
    # « la déclaration du Premier ministre … David Cameron : », « écrits par le grand Rabbin … »
    r"|(?:une?|cette|ce|la|le|l['’])\s*(?:(?:très|plus)\s+)?(?:(?:belle|beau|superbe|jolie|joli"
    r"|magnifique|célèbre|fameuse|fameux|grande|grand|beaux|belles)\s+)?(?:mot|formule|phrase"
    r"|pensée|maxime|devise|citation|déclaration|réflexion|sentence)\s+(?:célèbre\s+)?"
    r"(?:de|d['’]|du)"
    r"|(?:écrite?s?|prononcée?s?|signée?s?)\s+par"
    # « et je me fais l'écho de Jean-Baptiste André Godin, « … » »: relaying someone's words
    r"|(?:me|nous|se|s['’])\s*(?:fais|faisons|fait|faire|font)\s+l['’]écho\s+(?:de|d['’]|du)"
)
SOURCE_CUE = r"selon|d['’]après|pour|aux yeux de|de l['’]avis de"
SOURCE_CUE_START = re.compile(rf"(?:{SOURCE_CUE})(?!\w)", re.IGNORECASE)
# « comme l'a tourné en dérision le rapporteur »: a function standing for its holder.
FUNCTION_NP = re.compile(rf"(?:le|la|l['’])\s*(?P<fn>{FUNCTION_WORDS})\b", re.IGNORECASE)
# A cue ends before a space, a comma, a colon or the words, or on an elided « d' » glued to the
# name (« cette fameuse maxime d'André Laignel – « … » », « les mots d'Albert Camus, « … » »).
LEFT_CUE = re.compile(
    rf"(?:^|[\s,(–—-])(?P<cue>{_AUTHOR_CUE}|{SOURCE_CUE})(?:(?<=['’])|(?=[\s,:]|$))",
    re.IGNORECASE,
)
# The same cues after the words: « …, pour paraphraser le général de Gaulle ».
RIGHT_AUTHOR = re.compile(
    r"^[\s,;:–—-]*(?:"
    # « comme l'a très bien dit Patrick Ollier », « comme l'a dit magnifiquement tout à
    # l'heure Mme la garde des Sceaux »: adverbs around the verb
    r"comme\s+l['’](?:a|avait)\s+(?:(?:très\s+|fort\s+)?(?:bien|justement|joliment)\s+)?"
    r"(?:dit|écrit|rappelé|souligné)(?:\s+(?:magnifiquement|justement|encore|tout\s+à\s+l['’]heure"
    r"|hier|ce\s+matin))*|"
    r"comme\s+(?:le\s+|l['’])?(?:disait|écrivait|dirait|a\s+dit|avait\s+dit"
    # « …, comme l'écrit encore le général de Gaulle dans ses Mémoires »
    r"|(?:écrit|dit|écrivit|a\s+écrit|avait\s+écrit)(?:\s+(?:encore|aussi|déjà|justement))?)"
    # « « raté le train de l'histoire », comme vient de le dire M. Tourret »
    r"|comme\s+(?:vient|venait)\s+de\s+(?:le\s+|l['’])?(?:dire|rappeler|souligner|écrire)"
    # « « la plus vieille coutume de l'humanité », comme se plaisait à le nommer le doyen
    # Carbonnier », « ces « invisibles » comme les nomme le réalisateur X »: a name given
    r"|comme\s+(?:(?:se\s+plaisait|se\s+plaît|aimait|aime)\s+à\s+)?(?:le\s+|la\s+|les\s+|l['’])"
    r"(?:nomm(?:e|ait|er)|appel(?:le|ait|er)|qualifi(?:e|ait|er))"
    r"|comme\s+(?:se\s+plaisait|se\s+plaît|aimait|aime)\s+à\s+(?:le\s+|l['’])?(?:dire|écrire"
    r"|répéter|rappeler)"
    r"|pour\s+(?:reprendre|paraphraser|citer)(?:\s+(?:le\s+mot|les\s+mots|la\s+formule"
    r"|l['’]expression)\s+(?:de|d['’]|du))?)(?=\s)",
    re.IGNORECASE,
)
# After a cue naming the author, a function and no name (« », pour reprendre les termes de Mme
# la garde des Sceaux, qui », « », pour reprendre l'expression de notre rapporteur »): nobody
# named, the function said (the civility written out or not, « notre », « votre »).
RIGHT_FUNCTION = re.compile(
    rf"\s*(?:(?:M\.|Mme|[Mm]onsieur|[Mm]adame)\s+)?(?:le|la|l['’]|notre|votre)\s*"
    rf"(?P<fn>{FUNCTION_WORDS})(?![\w'’-])",
    re.IGNORECASE,
)
# « …, c'est ce qu'a dit Jean Castex », « …, voilà ce qu'a déclaré X ».
RIGHT_THAT = re.compile(
    r"^[\s,;:–—-]*(?:c['’]est|voilà|voici|c['’]était)\s+ce\s+qu['’](?:a|avait|ont|avaient)\s+"
    r"(?:dit|déclaré|écrit|affirmé|expliqué|répondu|lancé|martelé)\s+",
    re.IGNORECASE,
)
RIGHT_YOU_THAT = re.compile(
    r"^[\s,;:–—-]*(?:c['’]est|voilà|voici|c['’]était)\s+ce\s+que\s+vous\s+(?:nous\s+)?"
    r"(?:avez|aviez)\s+(?:dit|déclaré|écrit|affirmé|expliqué|répondu|lancé)\b",
    re.IGNORECASE,
)
# « …, la phrase est de Jean-Marie BURGUBURU », « …, ces mots sont de X ».
RIGHT_IS_OF = re.compile(
    r"^[\s,;:–—-]*(?:la\s+phrase|la\s+formule|le\s+mot|les\s+mots|ces\s+mots|les\s+propos"
    r"|ces\s+propos|la\s+citation|cette\s+phrase|cette\s+formule)\s+(?:est|sont|était|étaient)"
    r"\s+(?:de|d['’]|du)\s*",
    re.IGNORECASE,
)
# « La formule « Tout ce qui excessif est insignifiant » est de Talleyrand »: a noun of
# words right before the marks (`WORDS_NOUN_BEFORE`), « est de X » right after them.
RIGHT_BARE_IS_OF = re.compile(
    r"^\s*(?:est|sont|était|étaient)\s+(?:de|d['’]|du)\s*(?=[A-ZÀ-Þ])"
)
WORDS_NOUN_BEFORE = re.compile(
    r"(?<![\w'’-])(?:la\s+phrase|la\s+formule|la\s+citation|le\s+mot|les\s+mots"
    r"|l['’]expression|cette\s+phrase|cette\s+formule|cette\s+citation|ces\s+mots"
    r"|ces\s+propos|les\s+propos)\s*$",
    re.IGNORECASE,
)
# « le « quoi qu'il en coûte » d'Emmanuel Macron »: a determiner before, « de X » after.
RIGHT_OF = re.compile(r"^\s*(?:de|d['’]|du)\s*", re.IGNORECASE)
SIGNATURE = re.compile(r"\s*[—–-]\s*")
RIGHT_TEXT = re.compile(
    r"^[\s,]*(?:dans|selon)\s+(?:le|la|les|un|une|son|sa|leur)\s+(?P<text>(?:dossier\s+de\s+presse"
    r"|rapport|communiqué|document|texte|projet\s+de\s+loi|décret|arrêté|circulaire)"
    r"(?:\s+[a-zéèàêûôç]+){0,2})\b",
    re.IGNORECASE,
)
# Titles before an author's name: « le général de Gaulle », « le poète Aragon ».
AUTHOR_TITLE = re.compile(
    r"\s*(?:(?:le|la|l['’])\s*)?(?:général|président|poète|écrivain|philosophe|romancier|candidat"
    r"|maréchal|cardinal|pape|roi|reine|empereur|chancelier|ministre|grand"
    # « ce que dit le professeur Wolf », « le doyen Carbonnier », « le juge Rosenczveig »
    r"|professeure?|docteur|doyen|juge|rabbin|abbé|sociologue|psychiatre|pédopsychiatre"
    r"|psychanalyste|historienne?|juriste|anthropologue|économiste|ethnologue)?\s*",
    re.IGNORECASE,
)
# A function in lower case before the name it is apposed to: « son directeur général, ».
APPOSED_FUNCTION = re.compile(
    r"\s*(?:son|sa|ses|leur|leurs|le|la|les|l['’])\s*[a-zà-ÿ'’ -]{2,40},\s*"
)
# A bare surname that stands for one person of history everywhere.
FAMOUS = {"de gaulle": "Charles de Gaulle"}
FAMOUS_NAME = re.compile(r"(?:de\s+Gaulle)\b")
AUXILIARY = re.compile(
    r"(?:(?:a|ont|avait|avaient|aurait|auraient|est|sont|était|s['’]est|s['’]était|se|s['’]"
    r"|l['’]a|l['’]avait|lui a|leur a|nous a|vous a|a-t-(?:il|elle)|ont-(?:ils|elles)|tient à"
    r"|tenu à|a tenu à|a voulu|veut|vient de|venait de)\s*"
    r"(?:(?:pas|aussi|encore|également|ainsi|alors|notamment|déjà|bien|d['’]ailleurs|toujours"
    r"|pour sa part|de son côté|même|clairement|fermement|vivement)\s+)*)$",
    re.IGNORECASE,
)
THOSE_WORDS = re.compile(
    r"\b(?:(?:ces|ses|ses propres) (?:propos|mots|paroles)|(?:le|les|des|ces) (?:propos|mots"
    r"|paroles) suivante?s?)\s*[,:]?\s*$",
    re.I,
)
# A person heading a relative clause that reports speech: « Eric Woerth qui vous dit … ».
WHO_CLAUSE = re.compile(r"\s*,?\s*qui\b[^.!?«»\n]{0,60}$")
# « vous avez dit », « vous disiez »: the guest's earlier words; « vous dites … ? » puts words
# to the guest in a question: the asker's own.
YOU_PAST = re.compile(r"\b(?:avez|aviez|avais|aurez|auriez)\b|iez$|ez\s+dit", re.IGNORECASE)
# Words of a text, not of a person: « l'article L. 211-1 parle de « … » », « la phrase « … » ».
TEXT_SOURCE = re.compile(
    r"\b(?:l['’]article|l['’]alinéa|la\s+loi|le\s+code|le\s+texte|la\s+phrase|le\s+règlement"
    r"|la\s+directive|le\s+projet\s+de\s+loi|la\s+rédaction|le\s+décret|l['’]ordonnance"
    r"|la\s+convention|le\s+traité|la\s+constitution"
    # an article or a law named again by a demonstrative (« cet article concerne … « … » »);
    # not « ce texte », the bill debated, which speakers make say what they argue
    r"|(?:cet|ce|cette)\s+(?:article|alinéa|loi|code|décret|ordonnance|règlement|directive)"
    # an article added to a code, by its number, and what it states (« l'ajout d'un article
    # 143, qui, désormais, indiquera explicitement que « … » »): not « un article de presse »,
    # nor the wording it speaks of (« la création d'un article 718 qui entend qu'on parle de
    # « parents de même sexe » »: a term)
    r"|un\s+article\s+(?:\d[\w-]*|premier)\s*,?\s*qui(?:\s*,[^,.!?«»\n]{1,30},)?\s+(?:dispose"
    r"|prévoit|précise|indique|énonce|stipule|disposera|prévoira|précisera|indiquera))\b"
    r"(?:[^.!?«»\n,]|(?<=\b[A-Z])\.){0,50}?"
    # « l'article 2 de la Constitution, qui dispose que : »: its relative clause too
    r"(?:\s*,\s*qui(?:\s*,[^,.!?«»\n]{1,30},)?)?"
    r"(?:\s(?:parle|prévoit|dispose|stipule|énonce|précise|indique|dit|mentionne|évoque|vise"
    r"|indiquera|précisera|disposera|prévoira|serait|sera|est|était)\b[^.!?«»\n]{0,40}|\s*:?\s*)$",
    re.IGNORECASE,
)
# An infinitive right after a verb (« souhaite compléter », « veut le supprimer »).
INFINITIVE_AFTER = re.compile(
    r"\s+(?:[nl]['’]\s*|(?:ne|le|la|les|y|en)\s+)?[a-zà-ÿ]+(?:er|ir|re)\b"
)
# A verb wanting or proposing words written into a text, then the infinitive that writes them
# (« Le groupe UMP souhaite compléter cet alinéa par les mots : », « propose d'insérer »): the
# words are the proposer's, whose amendment they are.
PROPOSES_WORDING = re.compile(
    r"(?<![\w'’-])(?:souhait\w*|propos\w*|veu\w+|voul\w+|entend\w*)\s+(?:de\s+|d['’]\s*)?"
    r"(?:compléter|insérer|ajouter|préciser|rédiger|réécrire|récrire|inscrire)(?![\w'’-])",
    re.IGNORECASE,
)
# What may stand before the subject heading a sentence: its article.
HEAD_ARTICLE = re.compile(r"[\s,–—-]*(?:(?:le|la|les|l['’])\s*)?", re.IGNORECASE)
# A text that allows, forbids or requires, in its own words (« Le règlement européen … permet,
# par dérogation, d'utiliser des produits non autorisés « lorsqu'une telle mesure s'impose … » »,
# « l'article 53 du règlement européen qui, je le répète, n'autorise cette dérogation que « … » »):
# the words of the text, however far its verb from its name.
TEXT_RULES = re.compile(
    r"\b(?:l['’]article|l['’]alinéa|la\s+loi|le\s+code|le\s+règlement|la\s+directive"
    r"|le\s+décret|l['’]ordonnance|la\s+convention|le\s+traité|la\s+constitution|la\s+charte"
    r"|la\s+circulaire|l['’]arrêté)\b[^.!?«»\n]{0,120}?\s(?:ne\s+|n['’])?(?P<verb>permet"
    r"|permettent|permettait|autorise|autorisait|interdit|interdisait|impose|imposait|exige"
    r"|exigeait|oblige|obligeait)\b[^.!?«»\n]{0,90}$",
    re.IGNORECASE,
)
# Wording an amendment inserts or removes: « insérer les mots : « … » » is no speech.
AMENDMENT = re.compile(
    r"\b(?:insér|supprim|remplac|rédig|substitu|ajout)\w*\b[^\n]{0,90}"
    r"(?:les\s+mots|le\s+mot|les\s+termes|la\s+référence)\s*:?\s*$",
    re.IGNORECASE,
)
# A stage direction: « (« Et nous ? » sur les bancs du groupe UMP.) »
BENCHES = re.compile(
    r"\s*(?:sur|au|à|parmi)\s+(?:les|des|de|plusieurs|quelques|divers|certains|tous\s+les"
    r"|de\s+(?:très\s+)?nombreux|les\s+mêmes)\s+(?:bancs|travées)[^)\n]{0,200}\)",
    re.IGNORECASE,
)
# First-person naming: « ce que j'ai appelé le « nationalisme vaccinal » ».
COINED = re.compile(
    r"\b(?:j['’]ai|nous\s+avons|j['’]avais|je)\s+(?:appel|baptis|qualifi|nomm)\w*\b[^.!?«»]{0,40}$",
    re.IGNORECASE,
)
INVERTED_PRONOUN = re.compile(r"-t?-?(?:il|elle|ils|elles)\b", re.IGNORECASE)
# « a fait réagir X », « faisant dire à X »: a causative, X says the words.
CAUSATIVE = re.compile(r"(?<![\w'’])(?:fait|faire|faisant|faisait|fera)\s+$", re.IGNORECASE)
# « ce dernier », « cette dernière », « celui-ci »: the person named last, heading the clause.
LATTER = re.compile(
    r"(?<![\w'’-])(?:ce\s+dernier|cette\s+dernière|celui-ci|celle-ci|cet\s+homme|cette\s+femme)"
    r"\s+$",
    re.I,
)
# After a capitalised word, a complement in small letters: the title of a work or a text
# (« Déclaration des droits de l'homme », « Esprit des lois »), then maybe « de » its author.
WORK_COMPLEMENT = re.compile(r"\s+(?:des|du|de\s+la|de\s+l['’]|d['’])\s*[a-zà-ÿ]")
TEXT_TITLE = re.compile(
    r"Déclaration|Code|Charte|Constitution|Convention|Traité|Préambule|Bible|Évangile|Genèse"
)
WORK_AUTHOR = re.compile(r"[^.!?:;«»\n(]{0,60}?\s(?:de|d['’])\s*(?=[A-ZÀ-Þ])")
# Between two quotations: « et », an apposition at most, then a verb of speech.
AND_THEN_VERB = re.compile(
    rf"\s*,?\s*et\s*,?(?:[^,.;:!?«»\n]{{1,60}},)?\s*(?:{VERB})\s*(?:que\s*|qu['’]\s*|:\s*)?",
    re.IGNORECASE,
)
# Between two quotations: the cue naming the first one's author, then a full stop.
CUE_THEN_STOP = re.compile(r"[\s,]*[^.!?«»\n()]{3,80}\.\s*")
# A text named by its kind (« l'article 5 », « la Convention de Vienne », « ce règlement »).
A_TEXT = re.compile(
    r"(?<![\w'’-])(?:l['’]|le\s+|la\s+|cet\s+|ce\s+|cette\s+)(?:article|alinéa|loi|code|convention"
    r"|traité|constitution|règlement|directive|décret|circulaire|ordonnance)\b",
    re.IGNORECASE,
)
# « a traité Emmanuel Macron d'« … » »: calling someone names is saying words.
_CALLING_FORMS = "|".join("e es ent é ée és ées ait aient ant er era".split())  # of « traiter »
NAME_CALLING = re.compile(
    rf"(?<![\w-])(?P<verb>trait(?:{_CALLING_FORMS}))\s+[^«»\n.]{{1,60}}?(?<![\w'’-])"
    r"d(?:e\s+|['’]\s*)$",
    re.IGNORECASE,
)
SUBJECT_PRONOUN = re.compile(
    # (not the impersonal « il y a », « il y est rappelé », « il faut »: « Elle y déclare : » is a
    # subject)
    r"(?<![\w-])(il|elle|ils|elles|lui|eux)(?![\w'’-])(?!(?<=[iI][lL])\s+(?:ne\s+|n['’])?y\b)"
    r"(?!\s+(?:ne\s+|n['’])?(?:faut|fallait|s['’]agit"
    r"|semble|paraît|para[iî]t|est\s|était\s|reste|suffit|convient|vaut"
    # (thirty-eighth round: the compound tenses of « falloir » and « manquer à », « Il aura
    # donc manqué aux juges luxembourgeois un « coup de rein final » »: nobody heads the words)
    r"|(?:a|avait|aura|aurait)\s+(?:(?:donc|bien|peut-être|sans\s+doute|toujours|encore)\s+)?"
    r"(?:fallu|manqué)|manque|manquait|manquera))",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"(?<![\w-])(je|j['’]|nous|moi|on)(?![\w])", re.IGNORECASE)
YOU = re.compile(
    r"(?<![\w-])(?<!qui )(?<!on )(?<!il )(?<!ils )(?<!elle )(?<!elles )(?<!je )(?<!qu'on )"
    r"(?<!que )vous(?![\w])",
    re.IGNORECASE,
)
NEGATION = re.compile(r"\bne\b|\bn['’]", re.IGNORECASE)
FOLDED_WORD = re.compile(r"\w+")
# A verb of saying in the plural (« ont dit », « avaient déclaré », « disent », « affirment »).
PLURAL_VERB = re.compile(r"(?:ont|avaient|auraient|sont)\s|\w+(?:aient|[^i]ent)$", re.IGNORECASE)
# An impersonal passive of saying: « il (nous) a été dit », « il m'a été rapporté ».
# A verb of speech in the passive (« est qualifiée », « ont été qualifiés »): the cue with its
# auxiliary.
PASSIVE = re.compile(
    r"(?:est|sont|était|étaient|fut|furent|sera|seront|a\s+été|ont\s+été|avait\s+été"
    r"|avaient\s+été)\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|u|ue|us|ues|it|ite|its|ites)$",
    re.IGNORECASE,
)
IMPERSONAL = re.compile(
    r"(?<![\w'’-])il\s+(?:(?:nous|vous|leur|lui|me|m['’])\s*)?"
    r"(?:(?:a|avait|aurait|aura)\s+été|est|était|sera|serait|fut)\s+\w+$",
    re.IGNORECASE,
)
# A modal or a near future before the infinitive of speech: words imagined, not said.
MODAL = re.compile(
    r"\b(?:peu[tx]|pourr\w+|va|vont|vas|veu[tx]|veulent|voudr\w+|puisse\w*)\s+"
    r"(?:(?:pas|vous|nous|leur|lui|me|te|m['’]|t['’]|jamais|plus|le|l['’]|y)\s*)*$",
    re.IGNORECASE,
)
# In a debate, a verb before the infinitive of speech that makes the words imagined: coming to
# say them, daring, hoping, having to, needing to, « c'est » (`Attributor._verb_subject`).
IMAGINING = re.compile(
    r"(?<![\w'’-])(?:viendr\w+|vienne\w*|os(?:e|es|ent|ons|ez|er\w*)|espèr\w+|doi(?:t|vent)"
    r"|devr\w+|faudr\w+|faut|pouvoir|c['’]est)\s+(?:(?:pas|plus|jamais|bientôt|bien|donc|vous"
    r"|nous|leur|lui|me|te|se|le|la|les|en|y|pouvoir|m['’]|t['’]|s['’]|l['’])\s*)*$",
    re.IGNORECASE,
)
# The subject of a verb of speech who lends words rather than reports them: the speaker (« je
# dis », « j'ai dit », « nous le disons », « comme je l'ai dit », « on entend ») or a voice the
# speaker imagines; and a verb in the future or the conditional (« ce texte leur dira »,
# « vous auraient-ils demandé »): words imagined.
LENDING_SUBJECT = re.compile(
    r"(?:(?<![\w'’-])(?:je|on|moi|tout\s+le\s+monde|certains|d['’]aucuns|les\s+gens|des\s+gens"
    r"|quelqu['’]un|chacun)(?![\w'’-])|(?<![\w'’-])j['’]"
    r"|(?:^|[,;:.(–—]|\b(?:et|mais|que|qu['’]|si|quand|comme|donc|alors|puis|ou|où|car|lorsque"
    r"|lorsqu['’]|puisque|puisqu['’]))\s*nous(?![\w'’-]))"
    r"(?:\s*(?:(?:ne|le|la|les|lui|leur|vous|nous|me|te|en|y|ai|as|a|avons|avais|avait|avions"
    r"|aurai|aurais|aurait|aurions|suis|sommes|vais|allons|veux|voudrais|voulons|peux|pourrais"
    r"|pouvons|dois|devons|tiens\s+à|pas|bien|toujours|souvent|déjà|encore|aussi|même"
    r"|simplement|clairement|seulement|ici|alors|donc|le\s+répète|redis)(?![\w'’-])"
    r"|(?:n|l|m|t)['’]))*\s*$",
    re.IGNORECASE,
)
# A clause in the future or with a modal before a verb of speech (« il faudra bien que ces
# femmes … disent », « Quand elles vont venir devant vous en disant », « vous allez peut-être
# refuser en vous disant »).
FUTURE_CLAUSE = re.compile(
    r"(?<![\w'’-])(?:va|vas|vont|allez|allons|vais|faudra|faudrait|pourra|pourront|pourrait"
    r"|pourraient|devra|devront|devrait|devraient)(?![\w'’-])",
    re.IGNORECASE,
)
# A verb in the future or the conditional (« demanderont », « répondrai », « pourrais »,
# « aurait », « interpelleraient »); the letters before the ending keep out the imperfect of a
# verb in -rer (« déclarait », « assurait »).
_FUTURE_OR_CONDITIONAL = r"\w*(?:er|ir|dr|vr|rr|aur)(?:ais|ait|aient|ions|iez|ai|as|a|ons|ez|ont)"
# Right after words no cue gives, an incise in the future or the conditional: words a debater
# imagines, not words said (« « Pourquoi … ? », me demanderont mes collègues UMP », « « Justement
# … ! », leur répondrai-je », « « Comment … ? », vous auraient-ils demandé »).
IMAGINED_INCISE = re.compile(
    rf"[\s»”\"]*,\s*{_CLITIC}{_FUTURE_OR_CONDITIONAL}"
    r"(?:-t)?(?:-(?:je|tu|il|elle|on|nous|vous|ils|elles))?(?![\w'’])",
    re.IGNORECASE,
)
# The clause bringing in a question no cue gives, in the future or the conditional: a question
# imagined (« La question aurait pu être : », « Je pourrais vous refaire le coup de Lapérouse : »).
IMAGINING_CLAUSE = re.compile(rf"(?<![\w'’-]){_FUTURE_OR_CONDITIONAL}(?![\w'’])", re.IGNORECASE)
# Questions in marks coordinated right before the words, which share the clause bringing them
# in (« deux questions que poseront inévitablement les enfants : « D'où je viens ? » et « … » »).
COORDINATED_BEFORE = re.compile(
    r"(?:[«“\"][^«»“”\"]*[»”\"]\s*(?:,|et|ou)\s*)+[«“\"]?\s*$"
)
# The speaker's own words quoted back (« les derniers mots de mon intervention », « ma
# question », « Qu'avais-je dit ? », « je propose … ainsi rédigé »).
SELF_QUOTE = re.compile(
    r"(?<![\w'’-])(?:mon|ma|mes|notre|nos)\s+(?:(?:propre|premier|première|dernier|dernière"
    r"|précédente?)s?\s+)?(?:intervention|propos|mots|paroles|question|amendement"
    r"|sous-amendement|proposition|phrase|formule|discours|expression"
    r"|profession\s+de\s+foi)s?(?![\w'’-])"
    r"|\w+-je\s+(?:\w+\s+){0,2}(?:dit|écrit|déclaré|affirmé|proposé|demandé)(?![\w'’-])"
    r"|(?<![\w'’-])(?:je|nous)\s+(?:vous\s+)?propos(?:e|ons)\b[^.!?«»]{0,200}"
    r"(?:ainsi\s+rédigée?|suivante?s?|:\s*$)",
    re.IGNORECASE,
)
# A message the speaker's side or its opponents send, the words after the colon (« ce mot
# d'ordre très fort, que nous adressons à toute la société : », « Tel est en fait le message
# qu'en bons élus de gauche vous adressez : »): the speaker's own wording, or words he puts in
# his opponents' mouth (CONVENTIONS rule 4); not a slogan known as someone's.
MESSAGE_SENT = re.compile(
    r"(?<![\w'’-])(?:message|mot\s+d['’]ordre)s?\b[^.!?«»]{0,40}?\squ(?:e\s|['’]\s*)"
    r"(?:[^.!?«»:]{0,40}?\s)?(?:nous|vous|on|je|j['’])\s*(?:leur\s+|lui\s+|vous\s+|nous\s+)?"
    r"(?:adress|envo|lanç|lanc)\w*[^.!?«»:]{0,60}:\s*$",
    re.IGNORECASE,
)
# An answer the person addressed did not give, put forward by the speaker (« Si non, pourquoi
# ne répondez-vous pas simplement : », « Or vous n'avez jamais daigné me répondre, fût-ce d'un
# simple petit mot ou en me disant : »): words he lends (CONVENTIONS rule 4), never said.
NOT_ANSWERED = re.compile(
    r"(?:(?<![\w'’-])ne\s+(?:me\s+|nous\s+)?(?:répond|dit|dis)\w*-vous\s+pas"
    r"|(?<![\w'’-])vous\s+n['’]\s*(?:avez|aviez)\s+(?:jamais|pas)\b[^.!?«»:]{0,80}?"
    r"\ben\s+(?:me|nous)\s+(?:disant|répondant))\b[^.!?«»:]{0,30}:\s*$",
    re.IGNORECASE,
)
# The wording a text would have once the speaker's own proposal is made (« Je vous propose que
# les mots « en France » fassent partie des mots à supprimer …, qui serait donc ainsi rédigé : »,
# « Je propose donc d'ajouter … les mots : « … » ; la phrase se lisant ainsi : »): the
# speaker's, though a text is named, the words the proposal strikes out quoted on the way.
OWN_WORDING = re.compile(
    r"(?<![\w'’-])(?:je|nous)\s+(?:vous\s+)?propos(?:e|ons)\b(?:[^.!?«»]|«[^«»\n]{0,80}»)"
    r"{0,250}?(?:ainsi\s+rédigée?s?|se\s+lisant\s+ainsi|rédigée?s?\s+comme\s+suit)\s*:?\s*$",
    re.IGNORECASE,
)
# The wording the amendment a deputy presents would write into the text (« C'est dans cet esprit
# que cet amendement vient compléter l'article 346 du code civil – qui précise que … – en
# prévoyant l'alinéa suivant : », « L'amendement propose de préciser que : »; parts R, P): the
# speaker's, as the wording of his own proposal (PART-R.md: « A deputy's own amendment presented
# in his turn … is his »), though a text is named on the way; not a numbered one (« L'amendement
# n° 13 propose quant à lui », a colleague's), nor anyone's named (« de M. X », « votre », « les
# auteurs de cet amendement »), nor « l'amendement-balai », the bill's article.
AMENDMENT_WORDING = re.compile(
    r"(?<![\w'’-])(?<!auteurs\sde\s)(?<!auteur\sde\s)(?:cet|mon|notre|l['’])\s*amendement"
    r"(?![\w'’-])(?!\s*(?:n°|no\b|numéro|de\s|du\s|des\s|d['’]))"
    r"[^.!?«»]{0,200}?(?<![\w'’-])(?:propos\w*\s+(?:de\s+|d['’]\s*)(?:préciser|insérer|ajouter"
    r"|compléter|rédiger|réécrire|récrire|inscrire)|en\s+prévoyant)(?![\w'’-])"
    r"[^.!?«»:]{0,60}?\s*:\s*$",
    re.IGNORECASE,
)
# The amendment a deputy presents, its wording read after a colon, the sentence saying it is his
# without the verbs of `AMENDMENT_WORDING` (« Il s'agit d'un amendement de précision et de bon
# sens, pour bien différencier les situations : », « Je vais lire l'amendement, pour qu'il n'y ait
# pas d'ambiguïté : », « j'ai très envie de vous proposer ce contre-amendement : », « Qui, parmi
# nous, va voter contre un tel amendement : »; parts U, V, AD, AH): the speaker's (PART-R.md);
# not a numbered one or anyone's named (« l'amendement n° 13 », « de M. X », « du
# Gouvernement »), nor when a text is named on the way (`A_TEXT`: « Cet amendement concerne
# l'article 409 du code civil, dont je voudrais vous donner lecture : » reads the code).
OWN_AMENDMENT = re.compile(
    r"(?:(?<![\w'’-])il\s+s['’]agit\s+d['’]un\s+(?:sous-)?amendement"
    r"|(?<![\w'’-])je\s+(?:vais\s+(?:vous\s+)?lire|vous\s+lis)\s+(?:l['’]\s*|mon\s+|notre\s+)"
    r"(?:sous-)?amendement"
    r"|(?<![\w'’-])(?:ce|mon|notre|un)\s+contre-amendement"
    r"|(?<![\w'’-])un\s+tel\s+amendement)"
    r"(?![\w'’-])(?!\s*(?:n°|no\b|numéro|du\s|des\s|d['’]|de\s+(?:M\.|Mme|Mlle|monsieur|madame"
    r"|notre|nos|votre|vos|leur|leurs|mon|ma|mes)\b))"
    r"[^.!?«»:]{0,120}?\s*:\s*$",
    re.IGNORECASE,
)
# A question put or relayed, the colon opening it (« notre rapporteur Erwann Binet posait aux
# parlementaires … que nous avions invités, la question suivante : », « J'ai posé la question : »,
# « L'hebdomadaire La Vie relayait cette question : »; parts R, K): the words are the question of
# whoever heads the verb, « poser » being no verb of speech alone (« cela pose problème »).
QUESTION_PUT = re.compile(
    r"(?<![\w'’-])(?P<verb>(?:pos|relay)(?:e|es|ent|é|ée|ait|aient|a|era|erait))"
    r"(?![\w'’-])[^.!?«»:]{0,160}?\s(?:la|cette|une|sa|leur)\s+question(?:\s+suivante)?\s*:\s*$",
    re.IGNORECASE,
)
# Before the verb of `QUESTION_PUT`: the speaker himself (« J'ai posé », « je leur posais »).
I_PUT = re.compile(
    r"(?<![\w'’-])(?:je|j['’]|nous)\s*(?:(?:lui|leur|vous|me|m['’]|l['’]|en|y)\s*)*"
    r"(?:ai|avons|avais|avions|aurais)?\s*$",
    re.IGNORECASE,
)
# Before the verb of `QUESTION_PUT`, after the person or body heading it: an apposition at most,
# its object pronouns and auxiliary.
PUT_BY = re.compile(
    r"\s*(?:,[^,;:«»()]{1,80},)?\s*(?:(?:lui|leur|nous|vous|me|m['’]|l['’]|y)\s*)*"
    r"(?:a|avait|ont|avaient)?\s*$",
    re.IGNORECASE,
)
# A newspaper named by its kind then its title, heading a clause (« L'hebdomadaire La Vie »).
PRESS_TITLE = re.compile(
    r"(?<![\w-])(?:hebdomadaire|quotidien|mensuel|journal|magazine|revue)\s+"
    r"(?P<title>(?:L['’]\s*|La\s+|Le\s+|Les\s+)?[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){0,2})"
)
# A discourse or a reaction summed up by the speaker, the words after the colon (« Le discours
# de la gauche, c'est : », « La réaction d'une partie de l'opinion … était sur le thème : »; parts
# O, V): words he lends (CONVENTIONS rule 4), unless a text or someone named says them
# (`Debates._self_quoted`).
SUMMED_UP = re.compile(
    r"(?:,\s*c['’](?:est|était)|(?<![\w'’-])(?:est|était|sont|étaient)\s+sur\s+le\s+thème"
    r"(?:\s+de)?)\s*:\s*$",
    re.IGNORECASE,
)
# A thought or a question someone is said to have in mind, the words right after it (« Beaucoup de
# Français qui sont en train de nous regarder doivent se demander : », « Être abandonné conduit
# tôt ou tard à se poser les questions suivantes : », « les membres du Gouvernement … ne
# pensent-ils pas, au fond d'eux-mêmes, « … » ? »; parts Z, AA): words the speaker lends
# (CONVENTIONS rule 4), unless someone named is in the sentence (`Debates._self_quoted`).
INNER_WORDS = re.compile(
    r"(?:(?<![\w'’-])se\s+(?:\w+\s+)?(?:demand\w*|pos\w*\s+(?:la|les|cette|ces)\s+questions?"
    r"(?:\s+suivantes?)?)|(?<![\w'’-])pens(?:e|ent|aient|ait|eront|eraient)"
    r"(?:-(?:ils|elles|t-ils|t-elles))?(?:\s+pas)?)(?:\s*,[^,«»“\"]{1,40},)?\s*:?\s*$",
    re.IGNORECASE,
)
# An article of a text read aloud (« Je lis donc l'article », « lorsque nous lirons l'article
# 371-1 du code civil … et que nous dirons à deux hommes : »; parts L, Y): the words the speaker
# then says are the article's, not his (`SpeechVerbs._verb_subject`).
ARTICLE_READ = re.compile(
    r"(?<![\w'’-])(?:lir(?:e|ai|as|a|ons|ez|ont)|lis|lisons|lisez|lisent|lisant)\s+"
    r"(?:donc\s+)?(?:l['’]\s*|les\s+|cet\s+|ces\s+)(?:article|alinéa)s?(?![\w'’-])",
    re.IGNORECASE,
)
# A text named in a sentence, by its kind or as « le texte » (« Ce qui figure dans le texte de la
# commission, c'est : »).
SOME_TEXT = re.compile(r"(?<![\w'’-])textes?(?![\w'’-])", re.IGNORECASE)
# « …, tout en précisant : », « », en ajoutant : »: a gerund of speech between two quotations.
GERUND_GAP = re.compile(
    rf"[\s»”\",]*(?:tout\s+)?en\s+(?:(?:lui|leur|nous|vous)\s+)?(?:{VERB})\s*:?\s*", re.I
)
# Adverbs between a question's verb and the name it asks about (« Que disait donc Jaurès »).
ADVERBS = re.compile(r"(?:(?:donc|alors|déjà|ainsi|encore|aussi|justement)\s+)*", re.I)
# « relisez donc Talleyrand : », « Relisons Tocqueville, qui … : »: a reader told whom to read.
READ_AUTHOR = re.compile(
    r"(?<![\w'’-])(?P<verb>(?i:(?:re)?(?:lisez|lisons)|écoutez|écoutons))\s+(?:donc\s+|bien\s+"
    r"|encore\s+|plutôt\s+)*(?P<who>[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+)?)"
    r"\s*(?:,[^,:;«»()\n]{0,100})?:\s*$"
)
# A parenthesis in a debate's record: a stage direction.
ASIDE = re.compile(r"\([^()\n]{0,300}\)")
ASIDE_AFTER = re.compile(r"[ \t]*\([^()\n]{0,300}\)[ \t]*")
IMAGINED = re.compile(
    r"(?:[eir]r|dr)(?:a|ai|as|ons|ez|ont|ait|ais|aient|ions|iez)$|^(?:aur\w+)\s",
    re.IGNORECASE,
)
# « en disant », « en affirmant », « en nous demandant »
GERUND = re.compile(
    r"\ben\s+(?:(?:me|te|lui|nous|vous|leur|se)\s+|[mts]['’]\s*)?\w+ant$", re.IGNORECASE
)
# A sentence opening with « il » or « elle » (« Non, il poursuit son article … », « Elle est
# intervenue … en nous demandant : »), not an impersonal one (« il est vrai », « il faut »).
OPENING_PRONOUN = re.compile(
    r"\s*(?:(?:non|oui|mais|et|alors|donc|puis|enfin|d['’]ailleurs)\b[\s,]*)*"
    r"(?P<pron>il|elle)\b(?!\s+(?:ne\s+|n['’])?(?:y\s|faut|fallait|s['’]agit|semble|paraît|suffit"
    r"|convient|vaut|(?:est|était)\s(?!(?:re)?(?:venue?|intervenue?|allée?|montée?|partie?"
    r"|arrivée?|passée?)\b)))",
    re.IGNORECASE,
)
# A presentative right before a name: « il s'agit de », « c'est », « voici ».
PRESENTATIVE = re.compile(
    r"(?<![\w])(?:il\s+s['’]agit\s+(?:de\s+|d['’])|c['’]est\s+|voici\s+|voilà\s+)"
    r"(?:(?:M\.|Mme|Mlle)\s+)?$",
    re.IGNORECASE,
)
# A clause whose subject is « il » or « elle », then « et » right before a verb of speech.
JOINED_TO_PRONOUN = re.compile(
    r"(?<![\w'’-])(?P<pron>il|elle)\s+(?!(?:ne\s+|n['’])?(?:y\s|faut|fallait|s['’]agit|semble"
    r"|paraît|suffit|convient|vaut)\b)[^.;:!?«»,()]{2,80}\s+et\s+$",
    re.IGNORECASE,
)
# A sentence opening on « il » or « elle » after a short adverbial phrase (« Au fond, il »).
STILL_HIM = re.compile(
    r"\s*(?:[A-Za-zÀ-ÿ'’]+(?:\s+[A-Za-zÀ-ÿ'’]+){0,2}\s*,\s*)?(?P<pron>il|elle)\s", re.IGNORECASE
)
YOU_SAY = re.compile(r"\bdites$", re.IGNORECASE)  # « vous dites », present tense
# An asker summing the guest up, then « vous dites » (« Q - Donc, vous dites « … » », « Autrement
# dit, vous dites »): the asker's own wording, even where it takes up the guest's words
SUMMING_UP = re.compile(
    r"\b(?:donc|en\s+somme|en\s+clair|en\s+résumé|autrement\s+dit|bref|si\s+je\s+comprends"
    r"\s+bien)\s*,?\s*vous\s+(?:nous\s+|me\s+)?dites\s*:?\s*$",
    re.IGNORECASE,
)
# An indefinite group the words are lent to, a relative clause heading the verb of speech (« des
# concitoyens qui lui disaient : », « il y a beaucoup de gens qui disent : »; parts R, D): an
# example the speaker makes up or sums up, his words (CONVENTIONS rule 4), as « des gens disent ».
GROUP_WHO_SAYS = re.compile(
    r"(?<![\w'’-])(?:des|certains|certaines|beaucoup\s+de|nombre\s+de|tant\s+de|plein\s+de"
    r"|plusieurs|quelques|de\s+nombreux|de\s+nombreuses)\s+(?:[a-zà-ÿ]+\s+)?(?:gens|concitoyens"
    r"|citoyens|compatriotes|Français|Françaises|personnes|familles|parents|électeurs|habitants"
    r"|salariés|femmes|hommes|jeunes|maires|élus)\s+(?:[^,.;:!?«»]{0,60}\s)?qui\s*"
    r"(?:(?:me|te|lui|nous|vous|leur)\s+|[mt]['’]\s*)*$",
    re.IGNORECASE,
)
GENERIC = re.compile(
    r"\b(?:on|tout le monde|personne|certains|beaucoup|les gens|des gens)\b(?:\s+[\w'’]+){0,3}\s*$",
    re.IGNORECASE,
)
# Nouns after which a quoted run is the name of a thing.
TITLE_NOUNS = re.compile(
    r"(?:plan|opération|operation|dispositif|programme|loi|projet|site|formulaires?|livre|journal"
    r"|quotidien|pétition|petition|film|documentaire|rapport|label|slogan|émission|emission"
    r"|intitulée?s?|nommée?s?|baptisée?s?|appelée?s?|campagne|collectivités|réseau|association"
    r"|collectif|règlement|décret|arrêté|résolution|initiative|amendement|dispositif"
    r"|mouvement|prix|salon|festival|concours|fonds|application|magazine|revue|article|tribune"
    r"|ouvrage|roman|chanson|hashtag|ordonnance|directive|commission|opérations|plateforme"
    r"|stratégie|pacte|contrat|charte|mission|sommet|forum|conférence|colloque|exposition"
    r"|numéro|rubrique|chronique|page|onglet|bouton|hebdomadaire|dossier)"
    r"(?:\s+(?:de|d['’]|du|des))?\s*[,:]?\s*$",
    re.IGNORECASE,
)
# The name of a charge: « accusé, entre autres, de « divulgation de secrets d'affaires » ».
CHARGE = re.compile(
    r"\b(?:accusée?s?|inculpée?s?|poursuivie?s?|condamnée?s?|prévenue?s?|mise?s?\s+en\s+examen"
    r"|reconnue?s?\s+coupables?|chefs?\s+d['’]accusation|délit)\b[^.!?«»\n]{0,30}?"
    r"(?:\bde|\bd['’]|\bdu|\bdes|\bpour)\s*$",
    re.IGNORECASE,
)
# From a name to « pour qui »: nothing but its apposition (« , représentant la partie civile, »).
APPOSITION_GAP = re.compile(r"\s*(?:,[^,;:.!?«»]{0,100})?,\s*")
# What an apposition between a subject and its verb never holds: another clause.
GAP_CLAUSE = re.compile(r"[;:«»]|\b(?:qui|que|qu['’]|dont|où|lorsqu['’e]|quand)\b", re.I)
# From a verb of speech to the subject of the clause it reports: « rappelle d'ailleurs que,
# plusieurs mois avant la copie des documents, ».
REPORTED_THAT = re.compile(
    r"(?:\s+(?:d['’]ailleurs|aussi|encore|également|ainsi|alors|même|notamment))*\s+qu(?:e\b|['’])"
    r"[^.!?«»\n]{0,80}$",
    re.IGNORECASE,
)
# A verb of speech right before the marks: « on me disait « c'est trop tard » ».
# A preposition or an article right before a name: its complement (« l'avocat d'Édouard
# Perrin »), or a function written with capitals (« l'Avocat Général »), not a subject
COMPLEMENT_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?:de|du|des|à|au|aux|par|pour|avec|sur|chez|contre|le|la|les|un|une)\s+"
    r"|(?<![\w'’])[dlDL]['’]\s*)$"
)
# Between a subject and its verb, only the object pronouns of the verb (« quand Erdogan lui
# dit », « quand M. Mariton nous dit : », « Macron l'a dit »).
OBJECT_CLITICS = re.compile(
    r"\s*(?:(?:me|te|lui|nous|vous|leur|le|la|les|en|y)\s+|[mtl]['’]\s*)*", re.IGNORECASE
)
# Before a name called in a sentence: its start or a comma, then a civility written out or a
# rank (« Monsieur Wauquiez, », « …, Monsieur MACRON, », « Monsieur le député Aboud, », « Major
# Arnaud Blanc, »); « M. » and « Mme » name someone talked about (« au professeur assassiné,
# M. Samuel PATY, vous avez déclaré »: an apposition).
VOCATIVE_BEFORE = re.compile(
    r"(?:^|(?<=[.!?:;,«\"“])|(?<=[.!?:;,«\"“]\s))\s*(?:(?:Monsieur|Madame|Mademoiselle"
    r"|Cher|Chère|Major|Général|Colonel|Commandant|Capitaine|Lieutenant|Sergent|Adjudant"
    r"|Caporal|Docteur|Professeur|Maître)"
    r"\s+(?:(?:le|la|l['’])\s*[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+)?)?$"
)
ABBREVIATED_CIVILITY = re.compile(r"(?:M\.|Mme|Mlle|MM\.)\s")
# A reformulation right before the words: « ce qui signifie en gros : », « autrement dit : ».
PARAPHRASE = re.compile(
    r"(?<![\w'’])(?:(?:ce\s+qui|cela|ça)\s+(?:signifie|signifiait|veut\s+dire|voulait\s+dire"
    r"|revient\s+à\s+dire)|autrement\s+dit|en\s+d['’]autres\s+termes)"
    r"(?:\s*,?\s*(?:en\s+gros|en\s+clair|en\s+somme|en\s+fait|simplement|donc))?\s*,?\s*:\s*$",
    re.IGNORECASE,
)
# A colleague called without a name: « ma chère collègue, », « cher collègue, ».
COLLEAGUE_CALLED = re.compile(
    r"(?<![\w'’-])(?:(?:mon|ma)\s+)?(?:(?P<m>cher)|(?P<f>chère))\s+collègue\s*,", re.IGNORECASE
)
APPOSED_FUNCTION_CLOSED = re.compile(r"\s*,\s*[a-zà-ÿ][^,;:.!?«»()\n]{2,80},")
RELATIVE_AFTER = re.compile(r"\s*(?:,[^,;:.!?«»()\n]{1,80},|,)?\s*qui\s")
# A plural subject that is institutions, States or a people (not people in general), then
# at most an incise and « qui », right before the verb of speech.
COLLECTIVE = re.compile(
    r"(?<![\w'’])(?:tous\s+les|toutes\s+les|les|des|certains|certaines|plusieurs)\s+"
    r"(?:tribunaux|juges|juridictions|cours|pays|[ÉE]tats|gouvernements|autorités|administrations"
    r"|institutions|décisions(?:\s+\w+)?|instances|ministères|chancelleries|capitales"
    # a people: « les Britanniques », « les Allemands »
    r"|(?<=les\s)[A-ZÀ-Þ][a-zà-ÿ]+(?:ais|ois|ens|ains|ands|ins|ols|iques|ites|ons)"
    r")(?:\s*,[^,;:.!?«»]{0,100},)?\s*(?:qui\s+)?$"
)
QUOTED = re.compile(r"[«“\"][^«»“”\"\n]{0,300}[»”\"]")
# A court, whose words are its rulings' (not the Cour des comptes, not the Conseil d'État,
# whose reports and opinions on a bill the gold gives them as bodies).
COURT = re.compile(
    r"(?:Cour\s+de\s+cassation|Conseil\s+constitutionnel|Cour\s+d['’]appel(?:\s.*)?"
    r"|Cour\s+européenne\s+des\s+droits\s+de\s+l['’]homme|CEDH|Cour\s+de\s+justice(?:\s.*)?"
    r"|Cour\s+constitutionnelle(?:\s.*)?|Cour\s+suprême(?:\s.*)?|Tribunal\s.*)",
    re.IGNORECASE,
)
# How an interviewer's turn cut off by the guest ends on the person whose words it goes on
# to read (`Attributor._announced`): the name, or the name and a verb of speech cut short
# (« …, Cesare BECCARIA. », « Laurent BERGER ce matin dit… »).
ANNOUNCED_END = re.compile(
    r"\s*(?:(?:[\w'’]+\s+){0,3}(?:dit|disait|déclare|déclarait|écrit|écrivait|explique"
    r"|affirme|a\s+dit|a\s+déclaré|a\s+écrit))?\s*(?:\.|…|\.\.\.)?\s*"
)
# A citation, not a verb of speech: « le Premier ministre a cité un juriste italien ».
CITED = re.compile(r"(?<![\w'’])(?:a|avait|ont|avaient)\s+cité(?![\w])", re.IGNORECASE)
PARTICIPLE_AFTER = re.compile(r"\s+[a-zà-ÿ]+ant\b")
# Words of time between a verb and its inverted subject: « disait hier soir le chef de l'Etat ».
WHEN = re.compile(
    r"(?:(?:hier|soir|matin|midi|ce|cette|aujourd['’]hui|encore|alors|déjà|récemment|lundi|mardi"
    r"|mercredi|jeudi|vendredi|samedi|dimanche|dernier|dernière|même)\s+)*",
    re.IGNORECASE,
)
CHANT = re.compile(
    r"(?<![\w'’])(?:scand(?:ant|aient|ent|er)|chant(?:s|ant|aient|er)|(?:aux\s+)?cris"
    r"|cri(?:ant|aient|er)|hurl(?:ant|aient|er))(?![\w'’])",
    re.IGNORECASE,
)
SAID_RIGHT_BEFORE = re.compile(rf"(?<![\w-])(?:{VERB})\s*[,:]?\s*$", re.IGNORECASE)
# One capitalised word after a small word or a comma (not after an article, not opening a
# sentence): « quand Erdogan », « savez que BRIDGESTONE », « d'Espagne Zapatero ».
LONE_NAME = re.compile(r"(?<=[a-zà-ÿ,] )[A-ZÀ-Þ][A-Za-zÀ-ÿ'’-]{2,}(?=\s)")
# Capitalised words that are no one's name (« quand Dieu dit », « que Monsieur dit »).
NOT_LONE_NAMES = frozenset(
    "dieu monsieur madame mademoiselle maître président présidente ministre sénateur sénatrice "
    "député députée docteur professeur etat état gouvernement parlement europe".split()
)
# « vous » after its verb, in a statement (« Aussi, aviez-vous lancé »).
INVERTED_YOU = re.compile(r"(?<=\w)(?:ez|iez)-vous\s+$", re.IGNORECASE)
# The speaker going on with a text read out (« Je termine la citation : », « Je poursuis ma
# citation : », « Je poursuis ma lecture : »).
GO_ON_QUOTING = re.compile(
    r"(?<![\w'’])(?:je|nous)\s+(?:poursuis|poursuivons|termine|terminons|continue|continuons"
    r"|reprends|reprenons|finis|finissons|achève|achevons)\s+(?:la|ma|notre|cette)\s+"
    r"(?:citation|lecture)\b[^.!?«»\n]{0,40}$",
    re.IGNORECASE,
)
# A verb that brings in someone's words or question (« qui dit ceci : », « J'entendais tout à
# l'heure : », « les sondages posent la question : »): a sentence holding one brings in a voice
# of its own, not the text being read, unless its subject stands for that text's author.
# In a debate, words the speaker gives to the colleague addressed: « vous » heading a verb of
# saying, writing or proposing (« Vous l'avez écrit ! », « Vous proposez d'introduire la phrase
# suivante : »), « je vous cite », or a text of theirs (« une phrase de votre exposé des motifs »,
# « le texte de vos amendements ») (`Attributor._addressed`). Not « vous dites » (« quand vous
# dites « … » » is anyone's reading), nor a denial (« vous n'avez pas dit »: no match).
YOUR_WORDS = re.compile(
    r"(?<![\w'’-])(?:[Vv]ous\s+(?:(?:l['’]\s*|le\s+|les\s+|nous\s+|m['’]\s*|en\s+)?"
    r"(?:avez|aviez)\s+)?(?:(?:l['’]\s*|le\s+|nous\s+)?(?:écrit|écrivez|écriviez|dit|déclaré"
    r"|proposé|proposez|proposiez|affirmé|rédigé|suggéré|suggérez|prétendu|soutenu|expliqué"
    r"|ajouté|précisé))|[Jj]e\s+vous\s+cite|[Vv]otre\s+(?:propre\s+)?(?:amendement"
    r"|sous-amendement|exposé|rapport|tribune|lettre|proposition|livre|ouvrage|interview"
    r"|déclaration|courrier|rédaction|autobiographie|intervention|question|formule|phrase"
    r"|discours|communiqué|tweet|blog)|[Vv]os\s+(?:propres\s+)?(?:amendements"
    r"|sous-amendements|propos|mots|déclarations|écrits|questions|formules|phrases"
    r"|interventions))(?![\w'’-])"
)
# « je cite » right before the words (`Attributor._your_words_cited`).
I_CITE = re.compile(r",?\s*je\s+cite\s*[:,]?\s*$", re.IGNORECASE)
# How the addressee's text leads to its words: a colon, « selon laquelle », « qui dit ».
YOUR_TEXT_END = re.compile(
    r"(?::|selon\s+(?:laquelle|lequel|lesquels|lesquelles)|qui\s+(?:dit|disent|précise"
    r"|prévoit|dispose|indique)\s*:?)\s*$"
)
# Words an amendment strikes out or replaces are the text's, not its author's.
STRUCK_OUT = re.compile(
    r"(?<![\w'’-])(?:supprim|retir|remplac|effac|enlev|ray|substitu)\w*", re.IGNORECASE
)
# A subject whose verb is in the conditional of reported speech (« Antoine, qui n'est « … », se
# serait approprié les documents »): someone talked about, not the one talking.
CONDITIONAL_AFTER = re.compile(
    r"(?:\s*,[^,.;:!?]{0,90},)?\s+(?:ne\s+|n['’])?(?:se\s+|s['’]|l['’]|les?\s+|la\s+|en\s+"
    r"|y\s+|lui\s+)?(?:serait|seraient|aurait|auraient|pourrait|pourraient|devrait|devraient)\b"
)
# A colleague called in a debate turn, last before the words: a surname after « monsieur » or
# « madame » and before a comma or a stop (« Cela vous fait rire, monsieur Vidalies ? », « …,
# madame Genevard, »), else a function or the whole house (« madame la ministre », « mes chers
# collègues »), who stand for nobody named. A title before the surname still calls that
# colleague by name (« Monsieur le président Accoyer, vous proposez … », « monsieur le député
# Gosselin, »).
CALLED = re.compile(
    r"(?<![\w'’-])(?:(?:[Mm]onsieur|[Mm]adame|[Mm]ademoiselle)\s+"
    r"(?:(?:le|la)\s+(?:président|présidente|ministre|rapporteure?|députée?|questeur"
    r"|sénat(?:eur|rice))\s+(?=[A-ZÀ-ÖØ-Þ]))?(?:(?P<fn>(?:le|la|l['’])\s*\w)"
    r"|(?P<who>(?:(?:de|Le|La|du)\s+)?[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+)?)"
    r"(?=\s*[,?!.;:]))|(?P<all>(?:mes\s+)?chers\s+collègues|[Mm]esdames|[Mm]essieurs))"
)
BRINGS_IN = re.compile(
    rf"(?<![\w-])(?<![dlDL]['’])(?:{VERB}|entend\w*"
    r"|(?:pos|relay)\w*\s+(?:la|cette|une|les|ces)\s+questions?)(?![\w])",
    re.IGNORECASE,
)
# The subject of such a verb standing for the author read before (« il explique … et livre cette
# confession : »), or none of its own (« S'estimant « … » »); « vous » is the person addressed,
# « je » the speaker, any other subject a voice of its own.
READER_SUBJECT = re.compile(
    r"(?:(?<![\w'’-])(?:il|elle)\s+(?:[\w'’-]+\s+){0,3}|^\s*(?:s['’]\s*)?"
    r"|(?<![\w'’-])(?:et|puis)\s+)$",
    re.IGNORECASE,
)
# The subject of a verb of speech that no mention holds: a proper name heading the sentence
# (« Montaigne disait : », « Bernanos, lors des conférences …, déclarait que »), or the
# antecedent of « qui » (« le discours d'investiture de Barak Obama qui, la semaine dernière,
# déclarait : »), an apposition between commas and the verb's object pronouns allowed.
_NAME_WORD = r"[A-ZÀ-Þ][a-zà-ÿ]{2,}(?:-[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+)*"
UNREAD_NAME = re.compile(
    rf"(?:^\s*(?:(?:[Ee]t|[Mm]ais|[Oo]r|[Aa]insi)\s+)?(?P<head>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
    rf"|(?P<rel>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s+qui)"
    r"\s*(?:(?:,[^,;:«»()]{1,100})+,)?"
    r"\s*(?:(?:ne|me|te|lui|nous|vous|leur|le|la|les|en|y)\s+|[mtln]['’]\s*)*$"
)
# Capitalised words heading a sentence that name no one (« Certains disent », « Chacun sait »):
# those that start no name (`people.NOT_FIRST`), and the pronouns, determiners and nouns of a
# debate that open a sentence before a verb of speech.
NOT_UNREAD = NOT_FIRST | frozenset(
    """aucun aucune aujourd'hui beaucoup ceci cela celle celui certaines certains ceux chacun
    chacune chambre code constitution dieu déjà ici leur leurs lorsque mademoiselle majorité nos
    notre opposition personne plusieurs que quelqu'un qui quiconque rapport sa ses son texte tous
    tout toute toutes vos votre""".split()
)
# Thirtieth round: a sentence whose subject is a proper name no mention holds, any verb after
# it, ending on a colon right before the words (« Goodyear se plaît à rappeler sur son site
# internet les valeurs du groupe : », « Le même Soros avait eu cette terrible phrase en 2002 : »,
# « Le Wall Street Journal titrait, au lendemain de la faillite de Lehman Brothers : »): the name,
# a lone surname, a company or a newspaper, after « le », « la » or « l' » (and « même ») or
# none, then a verb in small letters (its « ne » and object pronouns before it), no quotation,
# stop or line break before the colon (`Debates._colon_subject`).
COLON_SUBJECT = re.compile(
    rf"\s*(?:(?:[Ee]t|[Mm]ais|[Oo]r|[Aa]insi)\s+)?(?:(?P<article>[Ll]e|[Ll]a|[Ll]['’])\s*"
    rf"(?:même\s+)?)?(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
    r"\s+(?:(?:ne|n['’]|se|s['’]|me|m['’]|te|lui|nous|vous|leur|le|la|les|l['’]|en|y)\s*)*"
    r"(?P<verb>[a-zà-ÿ][\w'’-]*)[^.!?;«»“”\"\n]*:\s*$"
)
# Thirty-seventh round: the same sentence whose subject is a person the mentions hold, a trade
# or a nationality before the name (« Le philosophe allemand Hans Jonas, critique des éthiques
# tant du bien que des devoirs, formulait ainsi un nouvel impératif catégorique : »): what may
# stand before the mention in its sentence (`COLON_MENTION_BEFORE`), what after it, an
# apposition between commas allowed (`COLON_MENTION_AFTER`; `Debates._colon_mention`).
COLON_MENTION_BEFORE = re.compile(
    r"\s*(?:(?:[Ee]t|[Mm]ais|[Oo]r|[Aa]insi)\s+)?(?:(?:[Ll]e|[Ll]a|[Ll]['’])\s*"
    r"(?:[a-zà-ÿ][\w'’-]*\s+){0,3})?$"
)
COLON_MENTION_AFTER = re.compile(
    r"\s*(?:,[^,;:«»()“”\"\n]{1,100},)?"
    # (each clitic a word of its own: « nenene… » is not split in as many ways as it is long)
    r"\s*(?:(?:ne|se|me|te|lui|nous|vous|leur|le|la|les|en|y)\s+|[nsmlt]['’]\s*)*+"
    r"(?P<verb>(?:(?:a|avait|avaient|ont|eut)\s+)?[a-zà-ÿ][\w'’-]*+)[^.!?;«»“”\"\n]*:\s*$"
)
# The author named right after the verb (`SpeechVerbs._named_at_verb`): an aside between commas
# may stand between them (« que nous a dite, en substance, M. Vickers : »), a place or a time
# after the name (« la phrase qu'a prononcée Jacques Chirac à Johannesburg : »).
ASIDE_BETWEEN = re.compile(r"\s*,\s*[a-zà-ÿ][^,;:«»“”\"\n]{0,30},\s*")
AFTER_INVERTED = re.compile(
    r"\s*(?:(?:à|en|devant|lors\s+d[eu']|dans)\s+[^,;:«»“”\"\n.!?]{1,40}?)?\s*,?\s*:?\s*"
)
# Capitalised words heading such a sentence that name no one who speaks: functions and the
# house (« Le Président », « Le Gouvernement », « La Commission »), States and places (« La
# France », CONVENTIONS rule 6: an unnamed body, a State: nobody), texts (rule 8); nor may
# the name's first word be one of `NOT_UNREAD` (« Chacun », « Certains », « Notre »).
NOT_COLON_SUBJECT = frozenset(
    """président présidente gouvernement ministre premier première commission assemblée sénat
    parlement république état etat france europe union nation article alinéa loi amendement
    projet proposition convention traité directive décret circulaire règlement chapitre titre
    livre page""".split()
)
# The author of the quotation before going on (« Il ajoute : », « Et d'ajouter : », « Elle
# poursuit : », « précise-t-il encore : »): eleventh round, ten such cues in the debates.
GOES_ON = re.compile(
    r"(?:(?<![\w'’-])(?:il|elle)\s+(?:ajoute|ajoutait|poursuit|poursuivait|continue|continuait"
    r"|conclut|concluait|renchérit|renchérissait)|(?<![\w'’-])et\s+(?:d['’]ajouter|de\s+"
    r"(?:poursuivre|conclure|renchérir))|(?:ajoute|poursuit|conclut)-t-(?:il|elle))"
    r"(?:\s+(?:encore|aussi|plus\s+loin|ensuite|enfin|également))?\s*:\s*$",
    re.IGNORECASE,
)
# A sentence saying that someone goes on, right before their next words (« Et Mme Guigou de
# poursuivre : », « Elle ajoute : », « M. Milon poursuit : »): the words before were theirs too.
WENT_ON = re.compile(
    r"(?:(?:(?<![\w'’-])(?:il|elle)|[A-ZÀ-ÖØ-Þ][\w’'-]+)\s+(?:ajoute|ajoutait|poursuit|poursuivait"
    r"|continue|continuait|conclut|concluait|renchérit|renchérissait|enchaîne|enchaînait)"
    r"|(?<![\w'’-])et\s+(?:[^!?«»\n:]{0,40}?\s)?(?:d['’]ajouter|de\s+(?:poursuivre|conclure"
    r"|renchérir|continuer|enchaîner))"
    r"|(?:ajoute|poursuit|conclut|continue|enchaîne)-t?-?(?:il|elle))"
    r"(?:\s+(?:encore|aussi|plus\s+loin|ensuite|enfin|également))?\s*:\s*$",
    re.IGNORECASE,
)
# A list of authors quoted in turn (« puis-je rappeler Renan : « … » ; Rousseau : « … » ; de
# Gaulle : « … » »): between two quotations, a name and a colon.
NEXT_AUTHOR = re.compile(
    r"\s*[;,]\s*(?:(?:et|puis|ou)\s+)?(?P<who>de\s+Gaulle|[A-ZÀ-ÖØ-Þ][\w’'-]+"
    r"(?:[ \t]+(?:de[ \t]+|d['’])?[A-ZÀ-ÖØ-Þ][\w’'-]+){0,2})\s*:\s*$"
)
# An author named right after a verb of reading or quoting, then a colon (« puis-je rappeler
# Renan : », « je citerai Montesquieu : », « pour paraphraser Camus : »).
CITED_AUTHOR = re.compile(
    r"(?<![\w'’-])(?:rappeler|rappelle|rappellerai|citer|cite|citerai|citerais|citons"
    r"|paraphraser|paraphrase|invoquer|évoquer)\s+(?:(?:donc|encore|ici|simplement|aussi"
    r"|seulement)\s+)*(?P<who>de\s+Gaulle|[A-ZÀ-ÖØ-Þ][\w’'-]+(?:[ \t]+(?:de[ \t]+|d['’])?"
    r"[A-ZÀ-ÖØ-Þ][\w’'-]+){0,2})\s*:\s*$"
)
# Words the speaker puts forward as what one would, could or should say, an infinitive after a
# verb or noun of manner, duty or sufficiency (« ça ne consiste pas à dire : », « votre
# arrogance, qui consiste à dire : », « Vous pouvez vous contenter de dire », « cela
# conduirait le maire à dire », « a le droit et … le devoir de dire : »): the speaker's own
# (conventions rule 4), not a report of anyone's words.
LENT_INFINITIVE = re.compile(
    r"(?<![\w'’-])(?:consist\w*|rev(?:ient|enait|iendrait|enir)|condui(?:t|sait|rait|re)"
    r"|amèner\w*|suffi(?:t|sait|rait)|droit|devoir|façon|manière|temps)"
    r"(?:\s+[\w'’]+){0,4}?\s+(?:à|de|d['’])\s*(?:(?:leur|lui|vous|nous|me|te|se)\s+)?"
    r"(?:dire|répondre|déclarer|lancer|affirmer|proclamer|expliquer)\s*:?\s*$",
    re.IGNORECASE,
)
# A colleague called by name, whom a relative clause says was brought to say the words
# (« Cette conception, monsieur Le Fur, qui vous a amené … à dire : »).
LED_TO_SAY = re.compile(
    r"\s*,\s*qui\s+vous\s+(?:a|avait|ont|avaient)\s+(?:amené|conduit|poussé|incité|obligé)e?s?"
    r"\b[^.!?«»:]{0,80}?(?<![\w'’-])à\s+(?:(?:nous|leur|lui|me)\s+)?(?:dire|déclarer|affirmer"
    r"|écrire|lancer)\s*:?\s*$",
    re.IGNORECASE,
)
# A colleague called by his surname (« monsieur Le Fur », « madame Genevard »), no mention
# holding him: the surname after the civility.
CALLED_BEFORE = re.compile(
    r"(?<![\w'’-])(?:monsieur|madame|M\.|Mme)\s+(?P<who>(?:(?:de|Le|La|du)\s+)?[A-ZÀ-ÖØ-Þ]"
    r"[\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)?)$"
)
# A sentence that quotes, reads or cites (`Attributor._colon_author`), then its colon.
COLON_END = re.compile(r":\s*[«\"“]?\s*$")
QUOTING_WORD = re.compile(
    r"(?<![\w'’-])(?:cit\w*|lis\w*|lire|lit|lu|lecture|relis\w*|avis|définition|discours"
    r"|phrase|formul\w*|continue|poursuit|propos|mots|écrit\w*|dit|disait|déclar\w*)(?![\w'’-])",
    re.IGNORECASE,
)
# Where the clause after a right cue ends.
CLAUSE_END = re.compile(r"[.;!?«»()\n]|,\s+(?:et|mais|qui|dont)\b")
# « monsieur Fasquelle, » before a « vous »: the colleague called (`Attributor._vocative`).
VOCATIVE_NAME = re.compile(
    r"(?<![\w'’-])(?:monsieur|madame)\s+(?P<who>(?:(?:de|Le|La|du)\s+)?[A-ZÀ-ÖØ-Þ]"
    r"[\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)?)\s*,"
)
# Words, a text or a song, then whose they are (« cette mise en garde prémonitoire d'Albert
# Camus », « la réponse de Jean Tarrade », « aux écrits de la psychanalyste Marie Balmary »).
WORDS_OF = re.compile(
    r"(?<![\w'’])(?P<noun>mises?\s+en\s+garde|réponses?|chansons?|écrits?|poèmes?|lettres?"
    r"|messages?|propos|paroles|discours|avertissements?|mots|analyses?|témoignages?"
    r"|définitions?|questions?|interrogations?|contributions?|confessions?|prophéties?|vers"
    r"|tribunes?|articles?|livres?|ouvrages?|phrases?|formules?|citations?|pensées?|adages?"
    r"|maximes?|conseils?|appels?|cris?|plaidoyers?|éditoriaux|éditorial"
    # « aux propos du docteur Flavigny … ou à ceux du docteur Pierre Lévy-Soussan : »
    r"|ceux|celles|celui|celle)"
    # « de Mme la professeure Nelrinck »: a civility before the title
    r"(?:\s+[a-zà-ÿ'’-]+){0,2}?\s+(?:de|d['’]|du|des)\s*(?:(?:M\.|Mme|Mlle)\s+)?"
    r"(?:(?:la|le|l['’])\s*)?(?:[a-zà-ÿ'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
# After the name: an apposition at most, then the colon opening the quotation.
APPOSITION_COLON = re.compile(r"\s*(?:,[^,;:.!?«»()\n]{1,100})?,?\s*:\s*[«\"“]?\s*")
# Or, after a text or words the sentence reads out, what they are about, where or when they
# were given, no one else named (« cet article de M. Le Guay sur le tourisme juridique qui
# aboutit au libéralisme : », « la contribution de Mme la professeure Nelrinck aux travaux de
# notre commission : », « du discours de Mme Guigou (Exclamations …) , tenu le 3 novembre 1998,
# parce c'est un discours fondateur sur ce sujet : »).
COMPLEMENT_COLON = re.compile(
    r"\s*(?:\([^()\n]{0,200}\)\s*)?"
    r"(?:(?:sur|à|au|aux|dans|en|pour|devant|concernant|relatif|relative|portant\s+sur)\s"
    r"[^,;:.!?«»()\n]{1,100})?(?:\s*,[^,;:.!?«»()\n]{1,100}){0,2},?\s*:\s*[«\"“]?\s*"
)
# The words read out, a text (`COMPLEMENT_COLON`): not a reply, a question or an appeal.
READ_OUT = re.compile(
    r"(?:articles?|discours|contributions?|textes?|tribunes?|lettres?|livres?|ouvrages?"
    r"|écrits?|éditoriaux|éditorial|analyses?|témoignages?)$",
    re.IGNORECASE,
)
# After the author a sentence reading him names, before the words (`Attributor._read_before`):
# nothing, or a relative clause (« Me de Vries, que je terminerai dans ma prochaine
# intervention. »).
ENDS_ON_AUTHOR = re.compile(r"\s*(?:,\s*(?:qui|que|qu['’]|dont)\b[^.!?«»]*)?\.\s*")
# A preposition right before a law or a code named (`Attributor._text_aside`).
PREPOSITION_BEFORE = re.compile(r"(?<![\w'’])(?:de|dans|sur|à|en|par|pour)\s+$", re.IGNORECASE)
# A title between a source cue and the name (« dixit le juge Thill »).
TITLE_GAP = re.compile(r"(?:l[ea]|l['’])\s*[a-zà-ÿ-]{3,20}\s+", re.IGNORECASE)
# A possessive before the words a sentence cites (`Attributor._their_words`): « ses propos »,
# « un de ses comptes rendus », « son argumentation ».
# Or an object pronoun before a verb of reading (« d'un tweet envoyé par notre collègue Guedj.
# Je vous le lis : », « Que dit le Conseil d'État dans son avis ? Je le relis : »).
POSSESSIVE = re.compile(
    r"(?<![\w'’])(?:(?:ses|son|sa)\s+[a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)?"
    r"|(?:le|la|les|l['’])\s*(?:lis|relis|lirai|relirai)\b)(?=[^.!?«»]*:\s*[«\"“]?\s*$)"
)
# A press review's headline, then whose interview it is (« Tageblatt - « C'est la course vers le
# bas » (interview d'Antoine) », « L'Obs - LuxLeaks : « … » (interview de William Bourdon) »).
RIGHT_INTERVIEW = re.compile(
    r"[ \t]*\((?:une[ \t]+|l['’][ \t]*)?(?:interview|entretien|portrait)[ \t]+(?:de|d['’]|du|avec)"
    r"[ \t]*(?P<who>[^()\n]{2,60})\)",
    re.IGNORECASE,
)
# A civility that tells a person's gender (`Attributor._other_gender`).
CIVILITY = re.compile(r"(?:(?P<f>Mme|Mlle|Madame|Mademoiselle)|M\.|MM\.|Monsieur)\s")
# The words first, then whose they are, in the next sentence or two (`Attributor._named_after`):
# « Cette phrase n'est pas de moi … Elle a été prononcée il y a quelques années par Damien
# Abad », « ces propos sont de notre collègue Bernadette Laclais », « Le problème, c'est
# qu'elle est de Lionel Jospin », « C'est Nicolas Sarkozy qui a dit cela », « Ces propos, c'est
# Lionel Jospin qui les a tenus ».
_WORDS_SUBJECT = (
    r"(?:(?:ces|ses)\s+(?:propos|mots|paroles|lignes|phrases|formules|citations|déclarations)"
    r"|cette\s+(?:phrase|formule|citation|déclaration)|elles?|ils?)"
)
# « Ces phrases, au demeurant fort belles et justes, ne sont pas de moi mais de notre collègue
# Élisabeth Guigou »: an apposition between commas, and the speaker's « not mine, but … ».
_NOT_MINE_BUT = (
    r"(?:\s*,[^,;:.!?«»()\n]{1,60},)?\s+(?:ne\s+|n['’])?(?:sont|est|étaient|était)\s+pas\s+"
    r"(?:de\s+moi|les\s+miens|les\s+miennes|la\s+mienne|le\s+mien)\s*,?\s+mais\s+(?:de|d['’]|du)"
)
IS_OF_AFTER = re.compile(
    rf"(?<![\w]){_WORDS_SUBJECT}(?:{_NOT_MINE_BUT}|\s+(?:sont|est|étaient|était)\s+(?:de|d['’]|du)"
    r"|\s+(?:a|ont|avait|avaient)\s+été\s+(?:prononcée?s?|écrite?s?|tenue?s?|dite?s?)"
    r"(?:\s+[^.;:!?«»()\n]{0,60}?)?\s+par)\s*",
    re.IGNORECASE,
)
# « « … » C'est ainsi que s'exprimait à la tribune …, Mme la garde des Sceaux Élisabeth Guigou. »:
# the words' author, the subject put last in the sentence.
THUS_SPOKE = re.compile(
    r"(?<![\w'’])c['’](?:est|était)\s+(?:ainsi|en\s+ces\s+termes)\s+qu(?:e\s+|['’])"
    r"(?:s['’]exprim|parl|écriv|concl|s['’]adress|déclar|affirm)\w*(?![\w'’])",
    re.IGNORECASE,
)
# « « … » Ce n'est pas moi qui le dis, c'est un homme que l'on a … C'est le juge Rosenczveig. »
NOT_ME_WHO_SAYS = re.compile(
    r"(?<![\w'’])ce\s+n['’](?:est|était)\s+pas\s+moi\s+qui\s+(?:le\s+|l['’]\s*)?(?:dis|dit"
    r"|ai\s+dit|ai\s+écrit|écris|parle|invente)\s*[,;]\s*(?:mais\s+)?c['’](?:est|était)\s+",
    re.IGNORECASE,
)
SAID_WHO_AFTER = re.compile(
    r"(?<![\w'’])c['’]est\s+(?P<who>[^.;:!?«»()\n]{2,60}?)\s+qui\s+(?:(?:l['’]|les\s+|nous\s+l['’])?"
    r"(?:a|avait)\s+(?:dit|écrit|déclaré|prononcée?s?|tenue?s?|écrite?s?)|parle|parlait|disait"
    r"|écrivait)(?![\w'’])(?![^.;!?«»\n]{0,60}:)",
    re.IGNORECASE,
)
# The words' author named after them as their source (« « … » ⏎⏎ C'est la parole du Conseil
# d'État ! », « Tel est l'avis de M. X », « Ce sont les mots mêmes de Jaurès »).
SOURCE_AFTER = re.compile(
    r"(?<![\w'’])(?:c['’]est|c['’]était|ce\s+sont|voilà|voici|tel\s+est|telle\s+est|tels\s+sont"
    r"|telles\s+sont)\s+(?:donc\s+|bien\s+)?(?:la|le|les|l['’])\s*(?:parole|paroles|avis|texte"
    r"|phrase|mots?|propos|position|réponse|citation)(?:\s+mêmes?)?\s+(?:de|du|des|d['’])\s*",
    re.IGNORECASE,
)
# A civility, then an office, right before a verb of speech (its object pronouns between):
# « Mme la garde des Sceaux nous dit », « M. le ministre chargé des relations avec le
# Parlement a dit », « Mme la rapporteure a rappelé ».
OFFICE_BEFORE = re.compile(
    r"(?<![\w'’])(?:M\.|Mme|Monsieur|Madame)\s+(?:le|la|l['’])\s*(?P<fn>(?:garde\s+des\s+Sceaux"
    r"|[Mm]inistre|[Pp]résidente?|[Rr]apporteure?|[Ss]ecrétaire\s+d['’][ÉéE]tat|[Pp]remière?\s+"
    r"ministre)(?:\s+(?:de|du|des|chargée?|déléguée?)\s+[^,.;:!?«»()]{1,60}?)?)\s*"
    r"(?:(?:me|te|lui|nous|vous|leur|le|la|les|en|y)\s+|[mtl]['’]\s*)*$"
)
# A subject pronoun or a negation right before « lui » or « leur »: they are its objects.
SUBJECT_BEFORE = re.compile(
    r"(?<![\w'’])(?:je|tu|il|elle|on|nous|vous|ils|elles|ne)\s+$|(?<![\w'’])[jn]['’]\s*$",
    re.IGNORECASE,
)
# The speaker saying their own words again (« Je dis bien « … » », « Nous disons : « … » »),
# not denying them (« je n'ai pas dit « … » »).
I_SAY = re.compile(
    r"(?<![\w'’])(?:je|nous)\s+(?:le\s+|vous\s+le\s+)?(?:dis|disons|répète|répétons|redis)\b"
    r"(?:\s+(?:bien|donc|encore|aussi|simplement|seulement|clairement|toujours|en\s+premier"
    r"\s+lieu|d['’]abord)){0,3}\s*[,:]?\s*$",
    re.IGNORECASE,
)
# « vous » heading a verb in the second person (« vous avez dit », « vous le disiez »), not
# its object (« les pays de l'Est vont vous dire »).
SECOND_PERSON = re.compile(r"(?:ez|iez)\b|\b(?:dites|êtes|faites)\b", re.IGNORECASE)
# « vous » right before the verb (« certains vous disent aujourd'hui « … » »): its object when
# the verb is not in the second person, whatever « vous » stood before it (« Vous le dites, »).
OBJECT_YOU = re.compile(r"(?<![\w'’-])vous\s+$", re.IGNORECASE)
# A question naming who said the words that follow: « Que dit M. Chevènement ? ».
ASKED_WHO = re.compile(
    r"\b(?P<cue>(?:que|qu['’])\s*(?:dit|disait|a\s+dit|avait\s+dit|écrit|écrivait|a\s+écrit"
    r"|déclare|déclarait|a\s+déclaré|répond|répondait|a\s+répondu))(?:-t?-?(?:il|elle))?\s+"
    r"(?P<rest>[^?!«»\n]{2,80})\?\s*$",
    re.IGNORECASE,
)
# Between two quotations, only an aside between dashes; the words after it going on.
DASH_ASIDE = re.compile(r"\s*,?\s*[–—-]\s[^«»\n]{1,120}\s[–—-]\s*,?\s*")
GOES_ON_WORDS = re.compile(r"(?:\.\.\.|…|\[\.\.\.\]|[a-zà-ÿ])")
# Reading passages of a text named before: « je vous en lis un passage : », « je vous en livre
# quelques extraits : ».
READ_FROM_IT = re.compile(
    r"(?<![\w'’])en\s+(?:lire|lis|livre|livrer|citer|cite|donner|donne)\s+(?:un|une|quelques|des"
    r"|deux|trois|les)\s+(?:(?:petit|court|petits|courts|brefs?)\s+)?(?:passages?|extraits?"
    r"|lignes|phrases?)\b[^.!?«»\n]{0,40}$",
    re.IGNORECASE,
)
# A reading cue naming no author, a colon closing it: « où je lis : », « on lit : », « Jugez-en : »,
# « je cite : » (`Attributor._work_read`).
READ_HERE = re.compile(
    r"(?:(?<![\w'’])(?:où\s+)?(?:je|j['’]y|on|l['’]on|nous)\s+(?:(?:peux|peut|pouvons)\s+)?"
    r"(?:lis|lit|lire|lisons|relis|relit|relire)|(?<![\w'’])jugez-en|(?<![\w'’])je\s+(?:vous\s+)?"
    r"cite)(?![\w'’])[^.!?«»\n:]{0,40}:\s*$",
    re.IGNORECASE,
)
# A written work and its author right after: « le rapport de M. Binet », « ce magnifique livre
# de Léon Blum », « la chronique de X », « l'avis du Conseil d'État » (`Attributor._work_read`).
WORK_OF = re.compile(
    r"(?<!\w)(?:livre|ouvrage|rapport|tribune|chronique|essai|roman|lettre|article|étude"
    r"|pamphlet|éditorial|avis)s?\s+(?:[\w'’-]+\s+){0,2}?(?:de|d['’]|du|des)\s*",
    re.IGNORECASE,
)
# A work cited again by its noun alone, a colon opening its words (« Et l'hebdomadaire de citer
# l'avis : »): the work named with its author earlier in the turn (`Debates._work_cited_again`).
WORK_CITED_AGAIN = re.compile(
    r"(?<![\w'’-])(?:cit|lis|lit|lire|reprend)\w*\s+(?:l['’]\s*|le\s+|la\s+)(?P<noun>livre|ouvrage"
    r"|rapport|tribune|chronique|essai|roman|lettre|article|étude|pamphlet|éditorial|avis)"
    r"\s*:\s*$",
    re.IGNORECASE,
)
# Between a work and its author, the author described first then named in apposition: « l'avis
# d'une autre autorité, l'Académie des sciences morales et politiques », « le livre d'un grand
# juriste, Jean Carbonnier » (`Attributor._work_read`).
WORK_AUTHOR_DESCRIBED = re.compile(
    r"(?:une?|cette|cet|ce)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+\s*,\s*(?:l['’]|les?\s+|la\s+)?"
    r"(?:(?:M\.|Mme|Mlle|MM\.)\s)?",
    re.IGNORECASE,
)
# A sentence headed by the text read out, a colon closing it: « Cette dépêche est datée
# d'aujourd'hui, 3 février : » (`Attributor._this_text`).
THIS_TEXT = re.compile(
    r"^\s*(?P<det>cette|ce|cet)\s+(?P<noun>dépêche|lettre|tribune|chronique|interview|communiqué"
    r"|théorème|maxime|adage|formule|phrase|citation|définition|déclaration|avis|article|livre"
    r"|ouvrage|rapport|étude)\b"
    r"[^«»:.!?;]{0,80}:\s*$",
    re.IGNORECASE,
)
# « je l'ai entendu dire », « nous l'avons entendue affirmer »: someone heard speaking.
HEARD_HIM = re.compile(
    r"(?<![\w'’])(?:je|j['’]|nous|on)\s*(?P<pron>l['’]|la\s+|le\s+)(?:ai|avons|a)\s+"
    r"(?:entendue?|lue?)\s+$",
    re.IGNORECASE,
)
# « ce qu'a indiqué » right before a name (`Attributor._previous_sentence`), then a full stop.
WHAT_SAID = re.compile(rf"\bce\s+qu['’](?:a|avait|ont|avaient)\s+(?:{VERB})\s+", re.IGNORECASE)
SENTENCE_STOP = re.compile(r"\s*[.!]\s*")
# The same question with a pronoun for its subject: « Que nous dit-elle ? ».
ASKED_PRONOUN = re.compile(
    r"\b(?:que|qu['’])\s*(?:nous\s+|vous\s+)?(?P<cue>dit|disait|écrit|écrivait|déclare|répond)"
    r"-t?-?(?P<pron>il|elle)\s*\?\s*$",
    re.IGNORECASE,
)
# Reading a text out: « quand on lit ce poème : « … » », « je vous lis un extrait de … : ».
READING = re.compile(
    r"\b(?:lis|lit|lisons|lisez|lire|lisait|relis|relit|relire)\s+(?:ce|cet|cette|ces|un|une"
    r"|le|la|les|l['’])\s*(?:poème|texte|lettre|extrait|passage|vers|message|tribune|courrier"
    r"|strophe)s?\b(?P<rest>[^.!?«»\n]{0,80})$",
    re.IGNORECASE,
)
# A work or a programme named (« votre ouvrage : », « qui publie chez Grasset », « Bienvenue à »).
WORK_BEFORE = re.compile(
    # (not a surname after a civility: « celle de M. Roman : « C'est parce que … » »)
    r"(?:(?<!M\.\s)(?<!Mme\s)\b(?:livre|ouvrage|roman|essai|recueil|film|documentaire|chanson"
    r"|album|émission|auteure?s?\s+(?:de|d['’]|du))"
    r"|\b(?:publie|publié|publiée|paru|parue)\s+chez\s+[A-ZÀ-Þ][\w'’-]+"
    r"|\bbienvenue\s+(?:à|au|dans|sur))\s*[,:]?\s*$",
    re.IGNORECASE,
)
# Thirty-eighth round: the noun of what a title names, then a number or a short complement
# before the marks (« le programme 310 « Conduite et pilotage de la politique de la justice » »,
# « le compte d'affectation spéciale « Contrôle de la circulation et du stationnement
# routiers » », « le programme de la société civile allemande (« Elargir la coopération … ») »,
# « le chef d'unité « Évaluation des risques … » »): a name, however long (`quotes._title_like`
# reads it for a capitalised run with no verb and no final punctuation). The complement is in
# small letters, no relative nor verb of speech in it (`SPEECH_VERB`, read apart).
NAMED_THEN = re.compile(
    r"(?<![\w-])(?:programmes?|comptes?|missions?|plans?|unités?|actions?|budgets?|fonds"
    r"|dispositifs?|opérations?|initiatives?|projets?|labels?|campagnes?|chantiers?|appels?"
    r"\s+à\s+projets?)(?P<complement>\s+(?:n°\s*)?\d+|(?:\s+(?!(?:qui|que|qu|dont|où)\b)"
    r"[a-zà-ÿ'’-]+){1,5})?\s*\(?\s*$"
)
# An incise inside the words naming their author: « …, écrit GENEVOIX, … », « …, écrit Damien
# Le Guay, … », « …, rappelle M. Zapatero, … ».
_INNER_VERB = (
    r"(?P<verb>écrit|écrivait|disait|dit|notait|note|poursuit|poursuivait|ajoute|ajoutait"
    r"|rappelle|rappelait|explique|expliquait|précise|précisait|souligne|soulignait|conclut"
    r"|concluait|affirme|affirmait|observe|observait|insiste|insistait|continue|continuait)"
)
INNER_INCISE = re.compile(
    rf",\s*{_INNER_VERB}\s+"
    r"(?P<who>(?:[A-ZÀ-Þ][\w'’-]+\s+){0,2}[A-ZÀ-Þ][A-ZÀ-Þ'’-]+"
    r"|(?:(?:M\.|Mme)\s+)?(?:[A-ZÀ-Þ][\w'’-]+\s+(?:(?:de|du|d['’])\s*)?){1,2}[A-ZÀ-Þ][\w'’-]+"
    r"|(?:M\.|Mme)\s+[A-ZÀ-Þ][\w'’-]+)"
    r"\s*,"
)
# An impersonal passive of writing, as the cue reads it (« il était écrit : », « est indiquée »).
WRITTEN_THERE = re.compile(
    r"(?:est|était|a\s+été|avait\s+été)\s+(?:\w+ment\s+)?(?:écrit|indiqué|rédigé|inscrit"
    r"|mentionné|précisé)e?s?",
    re.IGNORECASE,
)
# A verb of speech denied right before the words: « elle ne répond pas « … » », « ils ne nous
# disent pas : « … » », « on n'a pas dit aux Français « … » »: words nobody said (rule 10 of
# CONVENTIONS.md), not the subject's. A few words may stand between (« ce matin »), not a clause.
# Not after a first or second person (« on n'a pas dit aux Français « … » »: the speaker's own
# words, lent, as part A has them; « vous ne dites pas « … » »: an interviewer's question).
DENIED = re.compile(
    r"(?<![\w'’-])(?<!\bje\s)(?<!\bon\s)(?<!\bnous\s)(?<!\bvous\s)(?<!\btu\s)"
    r"n(?:e\s+|['’]\s*)(?:(?:lui|leur|nous|vous|me|te|[mtl]['’]|le|la|les)\s*)?"
    rf"(?:(?P<verb>{VERB})|(?:a|ai|as|avons|avez|ont|avait|avaient)\s+(?:pas|jamais|plus|point)"
    rf"\s+(?P<done>{VERB}))(?(verb)\s+(?:pas|jamais|plus|point))"
    r"(?:\s+(?!(?:que|qu['’]|mais|et|ou|car)\b)[\w'’-]+){0,3}\s*[:,]?\s*$",
    re.IGNORECASE,
)
# The same incise with a pronoun: « Cette règle, écrit-il, qui serait … », « …, poursuit-il. ».
INNER_PRONOUN = re.compile(rf",\s*{_INNER_VERB}-(?:t-)?(?P<pron>il|elle)\s*[,.;]")
# A set phrase with no author: « selon la formule « … » », « selon l'expression consacrée ».
FORMULA_BEFORE = re.compile(
    r"\bselon\s+(?:la\s+formule|l['’]expression)(?:\s+(?:consacrée|habituelle|connue))?\s*,?\s*$",
    re.IGNORECASE,
)
# A web address or a site's name (« publicsenat.fr », « TourMag.com »).
DOMAIN = re.compile(r"(?:https?://)?(?:[\w-]+\.)+(?:fr|com|org|net|eu|info|be|lu)(?:/\S*)?", re.I)
# « sous le titre « … » », « sous le nom de « … » »: a name given, nobody's words.
UNDER_TITLE = re.compile(
    r"\bsous\s+(?:le|un)\s+(?:titre|nom|slogan|mot\s+d['’]ordre|hashtag)(?:\s+(?:de|d['’]))?"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)
# A word talked about, not words said: « la dénomination « école maternelle » », « le terme ».
_TERM_NOUN = (
    r"\b(?:dénomination|appellation|terme|termes|vocable|notion|concept|qualificatif|mot|mots"
    r"|expression|étiquette|sigle|acronyme)"
)
TERM_NOUNS = re.compile(rf"{_TERM_NOUN}\s*[,:]?\s*$", re.IGNORECASE)
# The same noun right before the marks, no colon nor comma between: « c'est bien ce que signifie
# l'expression « être à la discrétion du Gouvernement » », « Quant aux mots « leur beau-père et
# belle-mère » »: the words named, not read out (« l'expression : « … » » reads them).
TERM_NOUN_BARE = re.compile(rf"{_TERM_NOUN}\s*$", re.IGNORECASE)
# Thirty-second round: a category named by its words, whatever they hold (« qu'existe dans la
# Constitution la catégorie de « mère qui a porté » », « la catégorie des « amendements
# poubelle » »): a name, nobody's speech.
CATEGORY_OF = re.compile(r"\bcatégories?\s+(?:de|des|d['’])\s*$", re.IGNORECASE)
# Thirty-sixth round: the wording a text would put in place of another, right after the verb
# that substitutes it (« le mot « parent » est quant à lui remplacé par « membre de la famille » »,
# « tendant notamment à remplacer « le mari et la femme » », « il faudrait songer à corriger
# « à son père et à sa mère » »): words weighed, nobody's speech (a term). A sentence put in place
# (« remplacée par la phrase « Les époux peuvent avoir un domicile distinct … » ») is the text's,
# longer than `quotes._title_like` lets this read.
SUBSTITUTED = re.compile(
    r"(?<![\w'’-])(?:remplac|substitu|corrig)\w*\s+(?:[^«».!?:;]{0,40}?\s)?(?:par|en|à)?\s*$",
    re.IGNORECASE,
)
# A verb giving a name to a thing: « ce qu'on appelle très techniquement », « on appelle ça »,
# « la directive dite »: the words after it are a name, nobody's speech.
NAMING = re.compile(
    # (a participle after a noun, not « vous dites », « vous leur dites »)
    r"(?<![\w'’])(?:(?<!vous )(?<!leur )(?<!lui )(?<!nous )(?<=[a-zà-ÿ] )(?:dite|dites|dits)"
    r"|on\s+(?:les?\s+|l['’])?appelle(?:\s+ça)?|qu['’]on\s+appelle|qu['’]ils?\s+appellent|qu['’]elles?\s+appellent)(?:\s+(?:très|plus|\w+ment)){0,2}\s*:?\s*$",
    re.IGNORECASE,
)
CLAUSE = re.compile(
    r"(?<![\w'’-])(?:(?:n['’]est|est|sont|était|sera|a|ont|va|vont|faut|peut|doit|je|nous"
    r"|vous|on|il|ils|elle|elles|c['’]est)(?![\w'’-])|j['’](?=\w))",  # « J'ai gagné »
    re.IGNORECASE,
)
# A recording played on air: « On écoute Anne Sénéquier, elle dirige … : « … » ».
# « Ecoutez ce coup de gueule du chef Etchebest : », « On l'écoute : » (the person named before).
CLIP = re.compile(
    r"\b(?:(?:on\s+(?:va\s+)?|je\s+vous\s+propose\s+d['’]|nous\s+allons\s+)"
    r"(?P<pron>l['’]|le\s+|la\s+|les\s+)?(?:écout|entend|regard)\w*"
    r"|(?:[ée]coutez|[ée]coutons|regardez|regardons)(?P<pron2>-l[ea]s?)?)\b",
    re.IGNORECASE,
)
TERM_BEFORE = re.compile(
    r"\b(?:fameux|fameuse|fameuses|célèbres?|sacro-sainte?|éternel(?:le)?|légendaire|légitime"
    r"|désormais\s+célèbre)\s*$",
    re.IGNORECASE,
)
DASH_HEADLINE = re.compile(r"^[^\n«»]{0,60}\s[–—-]\s*$")
# A finite verb in a headline (« L'Essentiel – « C'est PwC qui écrivait la loi fiscale du pays » »,
# « … aura lieu décembre », « Jugez moi comme … », « Sans Marius Kohl, le procès n'a aucun sens »):
# the headline quotes someone's words, not a name (« Le Figaro – « Procès LuxLeaks: appel du 12
# au 21 décembre » »).
HEADLINE_CLAUSE = re.compile(
    r"(?<![\w'’-])(?:(?:[nscjl]['’])?(?:est|sont|a|ont|ai|aura|auront|avait|avaient|sera|seront"
    r"|serait|était|va|vont|fait|font|faut|peut|peuvent|doit|doivent|agit)|il|elle|ils|elles|on"
    r"|je|nous|vous|(?!assez)\w{3,}ez)(?![\w'’-])",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?…](?:\s*[»”\"])?\s+(?=[A-ZÀ-ÖØ-Þ«\"“(\d-])")
# No sentence ends after a civility or an initial: « M. Boileau », « Pierre S. Pettigrew ».
NOT_AN_END = re.compile(r"(?:^|[\s(])(?:[A-Z]|MM|Dr|Pr|St|Mme)$")
AND_THAT = re.compile(r"(?<![\w'’])et\s+qu(?:e\s|['’])", re.IGNORECASE)
# Between the words ending a paragraph and the words opening the next one: marks and blanks.
PARAGRAPH_GAP = re.compile(r"[\s»”\"]*\n[ \t]*\n\s*")
CONTINUATION_GAP = re.compile(r"^[\s,;:.)(–—-]*(?:(?:et|ou|puis|mais)\s*)?[\s,;:(–—-]*$", re.I)
# Thirty-eighth round: between two quotations, words setting the second against the first
# (« en parlant de « salles de consommation réduite » au lieu de « salles de shoot » », « M. Le
# Bouillonnec a parlé du « mariage contrat » et d'autres du « mariage amour » »): the second is
# what the first one's author did not say, or another's words, never a continuation.
SET_AGAINST = re.compile(
    r"(?<![\w'’-])(?:au\s+lieu\s+(?:de|d['’]|du|des)|plutôt\s+que|à\s+la\s+place\s+(?:de|d['’]"
    r"|du|des)|et\s+non(?:\s+pas)?|non\s+pas|(?:et|quand|tandis\s+que|alors\s+que|là\s+où)\s+"
    r"(?:d['’]autres|certains|certaines|les\s+autres))(?![\w'’-])",
    re.IGNORECASE,
)
WORDS = WORD_PATTERN
MARKS = re.compile(r'[«»“”"]|\n[ \t]*\n\s*')
CAPITALISED = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w’'-]+(?:[ \t]+(?:de[ \t]+|d['’])?[A-ZÀ-ÖØ-Þ][\w’'-]+){0,2}"
)
DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:le|la|les|un|une|des|du|de|d|l|au|aux|en|sur|ce|cet|cette|ces|son|sa|ses|leur|leurs"
    r"|notre|nos|votre|vos|plus|très|si|trop)['’]?\s*)$",
    re.IGNORECASE,
)
# A cue right after a quotation's closing mark giving the words to someone (issue 11's seventh
# family, session 27): an inverted verb of speech (« », dit-il », « », a-t-il ajouté », « »,
# avez-vous dit », « », disait-on »), an auxiliary then a verb of speech then its subject (« », a
# déclaré le maire de Lyon, Jean Dupont », « » a dit le général de Gaulle »), after a comma or a
# dash a verb of speech then its subject (« », lance Jean Dupont », « », explique la ministre »)
# or « selon X ». Not a participle alone (« » accusé de manipulation », « », lancée par la
# France », « » prononcé au cours du débat »). `verb`: the verb read.
_SUBJECT_AHEAD = (
    r"(?=(?-i:[A-ZÀ-ÖØ-Þ])|(?:le|la|les|l['’]|un|une|son|sa|ses|leur|leurs|notre|votre|cet|cette"
    r"|ce)(?![\w'’-]))"
)
_INVERTED_PERSON = rf"(?:{_PRONOUN}|vous|je|nous|tu)"
_AFTER_COMMA = r"[,–—-][ \t]*"
_AUXILIARY = r"(?:a|ont|avait|avaient|aurait)"
CUE_AFTER = re.compile(
    r"[ \t]*(?:"
    # « », dit-il », « », disiez-vous »
    rf"{_AFTER_COMMA}{_CLITIC}(?P<v1>{VERB})-t?-?{_INVERTED_PERSON}(?![\w'’-])"
    # « », a-t-il ajouté », « », avez-vous dit »
    rf"|(?:{_AFTER_COMMA})?{_CLITIC}(?:{_AUXILIARY}|avez|aviez|ai|avais|avons)-t?-?"
    rf"{_INVERTED_PERSON}\s+(?P<v2>{VERB})(?![\w'’-])"
    # « » a dit le général de Gaulle »
    rf"|(?:{_AFTER_COMMA})?{_CLITIC}{_AUXILIARY}\s+(?P<v3>{VERB})\s+{_SUBJECT_AHEAD}"
    # « », lance Jean Dupont », no participle
    rf"|{_AFTER_COMMA}{_CLITIC}(?P<v4>{VERB})(?<!é)(?<!ée)(?<!és)(?<!ées)(?<!u)(?<!i)(?<!is)\s+"
    rf"{_SUBJECT_AHEAD}"
    rf"|{_AFTER_COMMA}(?P<v5>selon|d['’]après|dixit)\s)",
    re.IGNORECASE,
)
# Forms of « écrire »: « « Les Misérables », écrit Hugo » names a work and its author.
WRITING = re.compile(r"écri", re.IGNORECASE)
