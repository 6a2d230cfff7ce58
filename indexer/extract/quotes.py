"""Quotations: every « … », “ … ” and "…" of a text, with who said it and the words that say so.

Finding them: guillemets nest (`« … « Luxleaks » … »`), a quotation spanning paragraphs
reopens each one with « and closes once, a mis-typed opening » is read as «, straight quotes
pair within a paragraph. Quotes inside another quote are kept as non-speech.

Telling speech from titles and scare quotes: one word is never speech (« courage »); a
capitalised short run without final punctuation (« Cités éducatives », « Le Monde »), a run
after a title noun (le plan « Un jeune, une solution », ce livre, « … ») or a headline after a
dash (`Le Quotidien – « … »`) is a title; two or three words are speech only when someone is
explicitly given them (`Me Hansen affirme qu'il a agi « par opportunisme »`); four words
and more are speech.

Attributing them, strongest cue first: the verb after the quote (`« … », a-t-il ajouté`,
`« … » déclare Antoine Deltour`, `…, voilà les propos de X`); `selon X,` / `pour X,` /
`d'après X,` before it; a verb of speech before it and the subject of its clause
(`Antoine Deltour a déclaré que « … »`, `Elisabeth BORNE, dans un entretien, a dit «`);
the subject heading the sentence (`Me Bourdon se lève « pour défendre … »`); a pronoun
(`selon lui`, `il estime que`) resolved to the person last in focus — the last named subject
or the last quotation's speaker; a quotation following another one in the same sentence; in
transcripts, the speaker of the turn (`vous le dites dans ce livre, « … »` in a journalist's
question goes to the interviewee); in a speech, its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from indexer.analysis import WORD_PATTERN
from indexer.document import Quote
from indexer.extract.names import canonical_name, name_key
from indexer.extract.people import AUTHORITY_FUNCTIONS, FUNCTION_WORDS, NOT_FIRST, Mention
from indexer.extract.ranker import rerank
from indexer.extract.turns import Turn, turn_at

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
_VERB = re.compile(rf"(?<![\w-])(?<![dlDL]['’])(?P<verb>{VERB})(?![\w])", re.IGNORECASE)
_PRONOUN = r"(?:il|elle|ils|elles|on)"
# Right after a closing mark: "», a-t-il ajouté", "» déclare-t-elle", "», dit-il".
# An object pronoun may stand before the verb: « » leur écrivit GENEVOIX », « », nous dit-il ».
_CLITIC = r"(?:(?:me|te|lui|nous|vous|leur)\s+|[mt]['’]\s*)?"
_RIGHT_INVERTED = re.compile(
    rf"^[\s,;:–—-]*{_CLITIC}(?:(?:a|ont|avait|avaient|aurait)-t-(?P<p1>{_PRONOUN})\s+"
    rf"(?P<v1>{VERB})|(?P<v2>{VERB})-t?-?(?P<p2>{_PRONOUN}))\b",
    re.IGNORECASE,
)
_RIGHT_VERB = re.compile(
    rf"^[\s,;:–—-]*{_CLITIC}(?:(?:a|ont|avait|avaient|aurait)\s+(?:(?:encore|aussi|également"
    rf"|ainsi|alors|notamment|d'ailleurs|pour sa part)\s+)?)?(?P<verb>{VERB}|demande|demandait"
    rf"|demanda|s['’]interroge|s['’]interrogeait)\s+(?:(?:alors"
    rf"|encore|ensuite|aussi|ainsi)\s+)?(?=\S)",
    re.IGNORECASE,
)
_RIGHT_SOURCE = re.compile(
    r"^[\s,;:–—-]*(?:(?:voilà|voici|ce sont|c'étaient?)\s+)?"
    r"(?:(?:selon|d'après|pour reprendre)\s+)?"
    r"(?:(?:les|ses|des|la|une|cette)\s+)?(?:(?:belle|célèbre|fameuse)\s+)?(?:propos|mots|paroles"
    r"|formule|expression|termes|déclaration)(?:\s+mêmes?)?\s+(?:de\s+|d['’]|du\s+)",
    re.IGNORECASE,
)
_RIGHT_SELON = re.compile(
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
)
_SOURCE_CUE = r"selon|d['’]après|pour|aux yeux de|de l['’]avis de"
_SOURCE_CUE_START = re.compile(rf"(?:{_SOURCE_CUE})(?!\w)", re.IGNORECASE)
# « comme l'a tourné en dérision le rapporteur »: a function standing for its holder.
_FUNCTION_NP = re.compile(rf"(?:le|la|l['’])\s*(?P<fn>{FUNCTION_WORDS})\b", re.IGNORECASE)
_LEFT_CUE = re.compile(
    rf"(?:^|[\s,(–—-])(?P<cue>{_AUTHOR_CUE}|{_SOURCE_CUE})(?=[\s,:]|$)", re.IGNORECASE
)
# The same cues after the words: « …, pour paraphraser le général de Gaulle ».
_RIGHT_AUTHOR = re.compile(
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
# « …, c'est ce qu'a dit Jean Castex », « …, voilà ce qu'a déclaré X ».
_RIGHT_THAT = re.compile(
    r"^[\s,;:–—-]*(?:c['’]est|voilà|voici|c['’]était)\s+ce\s+qu['’](?:a|avait|ont|avaient)\s+"
    r"(?:dit|déclaré|écrit|affirmé|expliqué|répondu|lancé|martelé)\s+",
    re.IGNORECASE,
)
_RIGHT_YOU_THAT = re.compile(
    r"^[\s,;:–—-]*(?:c['’]est|voilà|voici|c['’]était)\s+ce\s+que\s+vous\s+(?:nous\s+)?"
    r"(?:avez|aviez)\s+(?:dit|déclaré|écrit|affirmé|expliqué|répondu|lancé)\b",
    re.IGNORECASE,
)
# « …, la phrase est de Jean-Marie BURGUBURU », « …, ces mots sont de X ».
_RIGHT_IS_OF = re.compile(
    r"^[\s,;:–—-]*(?:la\s+phrase|la\s+formule|le\s+mot|les\s+mots|ces\s+mots|les\s+propos"
    r"|ces\s+propos|la\s+citation|cette\s+phrase|cette\s+formule)\s+(?:est|sont|était|étaient)"
    r"\s+(?:de|d['’]|du)\s*",
    re.IGNORECASE,
)
# « le « quoi qu'il en coûte » d'Emmanuel Macron »: a determiner before, « de X » after.
_RIGHT_OF = re.compile(r"^\s*(?:de|d['’]|du)\s*", re.IGNORECASE)
_SIGNATURE = re.compile(r"\s*[—–-]\s*")
_RIGHT_TEXT = re.compile(
    r"^[\s,]*(?:dans|selon)\s+(?:le|la|les|un|une|son|sa|leur)\s+(?P<text>(?:dossier\s+de\s+presse"
    r"|rapport|communiqué|document|texte|projet\s+de\s+loi|décret|arrêté|circulaire)"
    r"(?:\s+[a-zéèàêûôç]+){0,2})\b",
    re.IGNORECASE,
)
# Titles before an author's name: « le général de Gaulle », « le poète Aragon ».
_AUTHOR_TITLE = re.compile(
    r"\s*(?:(?:le|la|l['’])\s*)?(?:général|président|poète|écrivain|philosophe|romancier|candidat"
    r"|maréchal|cardinal|pape|roi|reine|empereur|chancelier|ministre|grand"
    # « ce que dit le professeur Wolf », « le doyen Carbonnier », « le juge Rosenczveig »
    r"|professeure?|docteur|doyen|juge|rabbin|abbé|sociologue|psychiatre|pédopsychiatre"
    r"|psychanalyste|historienne?|juriste|anthropologue|économiste|ethnologue)?\s*",
    re.IGNORECASE,
)
# A function in lower case before the name it is apposed to: « son directeur général, ».
_APPOSED_FUNCTION = re.compile(
    r"\s*(?:son|sa|ses|leur|leurs|le|la|les|l['’])\s*[a-zà-ÿ'’ -]{2,40},\s*"
)
# A bare surname that stands for one person of history everywhere.
_FAMOUS = {"de gaulle": "Charles de Gaulle"}
_FAMOUS_NAME = re.compile(r"(?:de\s+Gaulle)\b")
_AUXILIARY = re.compile(
    r"(?:(?:a|ont|avait|avaient|aurait|auraient|est|sont|était|s['’]est|s['’]était|se|s['’]"
    r"|l['’]a|l['’]avait|lui a|leur a|nous a|vous a|a-t-(?:il|elle)|ont-(?:ils|elles)|tient à"
    r"|tenu à|a tenu à|a voulu|veut|vient de|venait de)\s*"
    r"(?:(?:pas|aussi|encore|également|ainsi|alors|notamment|déjà|bien|d['’]ailleurs|toujours"
    r"|pour sa part|de son côté|même|clairement|fermement|vivement)\s+)*)$",
    re.IGNORECASE,
)
_THOSE_WORDS = re.compile(
    r"\b(?:(?:ces|ses|ses propres) (?:propos|mots|paroles)|(?:le|les|des|ces) (?:propos|mots"
    r"|paroles) suivante?s?)\s*[,:]?\s*$",
    re.I,
)
# A person heading a relative clause that reports speech: « Eric Woerth qui vous dit … ».
_WHO_CLAUSE = re.compile(r"\s*,?\s*qui\b[^.!?«»\n]{0,60}$")
# « vous avez dit », « vous disiez »: the guest's earlier words; « vous dites … ? » puts words
# to the guest in a question: the asker's own.
_YOU_PAST = re.compile(r"\b(?:avez|aviez|avais|aurez|auriez)\b|iez$|ez\s+dit", re.IGNORECASE)
# Words of a text, not of a person: « l'article L. 211-1 parle de « … » », « la phrase « … » ».
_TEXT_SOURCE = re.compile(
    r"\b(?:l['’]article|l['’]alinéa|la\s+loi|le\s+code|le\s+texte|la\s+phrase|le\s+règlement"
    r"|la\s+directive|le\s+projet\s+de\s+loi|la\s+rédaction|le\s+décret|l['’]ordonnance"
    r"|la\s+convention|le\s+traité|la\s+constitution"
    # an article or a law named again by a demonstrative (« cet article concerne … « … » »);
    # not « ce texte », the bill debated, which speakers make say what they argue
    r"|(?:cet|ce|cette)\s+(?:article|alinéa|loi|code|décret|ordonnance|règlement|directive))\b(?:[^.!?«»\n,]|(?<=\b[A-Z])\.){0,50}?"
    # « l'article 2 de la Constitution, qui dispose que : »: its relative clause too
    r"(?:\s*,\s*qui(?:\s*,[^,.!?«»\n]{1,30},)?)?"
    r"(?:\s(?:parle|prévoit|dispose|stipule|énonce|précise|indique|dit|mentionne|évoque|vise"
    r"|indiquera|précisera|disposera|prévoira|serait|sera|est|était)\b[^.!?«»\n]{0,40}|\s*:?\s*)$",
    re.IGNORECASE,
)
# An infinitive right after a verb (« souhaite compléter », « veut le supprimer »).
_INFINITIVE_AFTER = re.compile(
    r"\s+(?:[nl]['’]\s*|(?:ne|le|la|les|y|en)\s+)?[a-zà-ÿ]+(?:er|ir|re)\b"
)
# What may stand before the subject heading a sentence: its article.
_HEAD_ARTICLE = re.compile(r"[\s,–—-]*(?:(?:le|la|les|l['’])\s*)?", re.IGNORECASE)
# A text that allows, forbids or requires, in its own words (« Le règlement européen … permet,
# par dérogation, d'utiliser des produits non autorisés « lorsqu'une telle mesure s'impose … » »,
# « l'article 53 du règlement européen qui, je le répète, n'autorise cette dérogation que « … » »):
# the words of the text, however far its verb from its name.
_TEXT_RULES = re.compile(
    r"\b(?:l['’]article|l['’]alinéa|la\s+loi|le\s+code|le\s+règlement|la\s+directive"
    r"|le\s+décret|l['’]ordonnance|la\s+convention|le\s+traité|la\s+constitution|la\s+charte"
    r"|la\s+circulaire|l['’]arrêté)\b[^.!?«»\n]{0,120}?\s(?:ne\s+|n['’])?(?P<verb>permet"
    r"|permettent|permettait|autorise|autorisait|interdit|interdisait|impose|imposait|exige"
    r"|exigeait|oblige|obligeait)\b[^.!?«»\n]{0,90}$",
    re.IGNORECASE,
)
# Wording an amendment inserts or removes: « insérer les mots : « … » » is no speech.
_AMENDMENT = re.compile(
    r"\b(?:insér|supprim|remplac|rédig|substitu|ajout)\w*\b[^\n]{0,90}"
    r"(?:les\s+mots|le\s+mot|les\s+termes|la\s+référence)\s*:?\s*$",
    re.IGNORECASE,
)
# A stage direction: « (« Et nous ? » sur les bancs du groupe UMP.) »
_BENCHES = re.compile(
    r"\s*(?:sur|au|à|parmi)\s+(?:les|des|de|plusieurs|quelques|divers|certains|tous\s+les"
    r"|de\s+(?:très\s+)?nombreux|les\s+mêmes)\s+(?:bancs|travées)[^)\n]{0,200}\)",
    re.IGNORECASE,
)
# First-person naming: « ce que j'ai appelé le « nationalisme vaccinal » ».
_COINED = re.compile(
    r"\b(?:j['’]ai|nous\s+avons|j['’]avais|je)\s+(?:appel|baptis|qualifi|nomm)\w*\b[^.!?«»]{0,40}$",
    re.IGNORECASE,
)
_INVERTED_PRONOUN = re.compile(r"-t?-?(?:il|elle|ils|elles)\b", re.IGNORECASE)
# « a fait réagir X », « faisant dire à X »: a causative, X says the words.
_CAUSATIVE = re.compile(r"(?<![\w'’])(?:fait|faire|faisant|faisait|fera)\s+$", re.IGNORECASE)
# « ce dernier », « cette dernière », « celui-ci »: the person named last, heading the clause.
_LATTER = re.compile(
    r"(?<![\w'’-])(?:ce\s+dernier|cette\s+dernière|celui-ci|celle-ci|cet\s+homme|cette\s+femme)"
    r"\s+$",
    re.I,
)
# After a capitalised word, a complement in small letters: the title of a work or a text
# (« Déclaration des droits de l'homme », « Esprit des lois »), then maybe « de » its author.
_WORK_COMPLEMENT = re.compile(r"\s+(?:des|du|de\s+la|de\s+l['’]|d['’])\s*[a-zà-ÿ]")
_TEXT_TITLE = re.compile(
    r"Déclaration|Code|Charte|Constitution|Convention|Traité|Préambule|Bible|Évangile|Genèse"
)
_WORK_AUTHOR = re.compile(r"[^.!?:;«»\n(]{0,60}?\s(?:de|d['’])\s*(?=[A-ZÀ-Þ])")
# Between two quotations: « et », an apposition at most, then a verb of speech.
_AND_THEN_VERB = re.compile(
    rf"\s*,?\s*et\s*,?(?:[^,.;:!?«»\n]{{1,60}},)?\s*(?:{VERB})\s*(?:que\s*|qu['’]\s*|:\s*)?",
    re.IGNORECASE,
)
# Between two quotations: the cue naming the first one's author, then a full stop.
_CUE_THEN_STOP = re.compile(r"[\s,]*[^.!?«»\n()]{3,80}\.\s*")
# A text named by its kind (« l'article 5 », « la Convention de Vienne », « ce règlement »).
_A_TEXT = re.compile(
    r"(?<![\w'’-])(?:l['’]|le\s+|la\s+|cet\s+|ce\s+|cette\s+)(?:article|alinéa|loi|code|convention"
    r"|traité|constitution|règlement|directive|décret|circulaire|ordonnance)\b",
    re.IGNORECASE,
)
# « a traité Emmanuel Macron d'« … » »: calling someone names is saying words.
_CALLING_FORMS = "|".join("e es ent é ée és ées ait aient ant er era".split())  # of « traiter »
_NAME_CALLING = re.compile(
    rf"(?<![\w-])(?P<verb>trait(?:{_CALLING_FORMS}))\s+[^«»\n.]{{1,60}}?(?<![\w'’-])"
    r"d(?:e\s+|['’]\s*)$",
    re.IGNORECASE,
)
_SUBJECT_PRONOUN = re.compile(
    # (not the impersonal « il y a », « il y est rappelé », « il faut »: « Elle y déclare : » is a
    # subject)
    r"(?<![\w-])(il|elle|ils|elles|lui|eux)(?![\w'’-])(?!(?<=[iI][lL])\s+(?:ne\s+|n['’])?y\b)"
    r"(?!\s+(?:ne\s+|n['’])?(?:faut|fallait|s['’]agit"
    r"|semble|paraît|para[iî]t|est\s|était\s|reste|suffit|convient|vaut))",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"(?<![\w-])(je|j['’]|nous|moi|on)(?![\w])", re.IGNORECASE)
_YOU = re.compile(
    r"(?<![\w-])(?<!qui )(?<!on )(?<!il )(?<!ils )(?<!elle )(?<!elles )(?<!je )(?<!qu'on )"
    r"(?<!que )vous(?![\w])",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\bne\b|\bn['’]", re.IGNORECASE)
_FOLDED_WORD = re.compile(r"\w+")
# A verb of saying in the plural (« ont dit », « avaient déclaré », « disent », « affirment »).
_PLURAL_VERB = re.compile(r"(?:ont|avaient|auraient|sont)\s|\w+(?:aient|[^i]ent)$", re.IGNORECASE)
# An impersonal passive of saying: « il (nous) a été dit », « il m'a été rapporté ».
# A verb of speech in the passive (« est qualifiée », « ont été qualifiés »): the cue with its
# auxiliary.
_PASSIVE = re.compile(
    r"(?:est|sont|était|étaient|fut|furent|sera|seront|a\s+été|ont\s+été|avait\s+été"
    r"|avaient\s+été)\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|u|ue|us|ues|it|ite|its|ites)$",
    re.IGNORECASE,
)
_IMPERSONAL = re.compile(
    r"(?<![\w'’-])il\s+(?:(?:nous|vous|leur|lui|me|m['’])\s*)?"
    r"(?:(?:a|avait|aurait|aura)\s+été|est|était|sera|serait|fut)\s+\w+$",
    re.IGNORECASE,
)
# A modal or a near future before the infinitive of speech: words imagined, not said.
_MODAL = re.compile(
    r"\b(?:peu[tx]|pourr\w+|va|vont|vas|veu[tx]|veulent|voudr\w+|puisse\w*)\s+"
    r"(?:(?:pas|vous|nous|leur|lui|me|te|m['’]|t['’]|jamais|plus|le|l['’]|y)\s*)*$",
    re.IGNORECASE,
)
# In a debate, a verb before the infinitive of speech that makes the words imagined: coming to
# say them, daring, hoping, having to, needing to, « c'est » (`Attributor._left`).
_IMAGINING = re.compile(
    r"(?<![\w'’-])(?:viendr\w+|vienne\w*|os(?:e|es|ent|ons|ez|er\w*)|espèr\w+|doi(?:t|vent)"
    r"|devr\w+|faudr\w+|faut|pouvoir|c['’]est)\s+(?:(?:pas|plus|jamais|bientôt|bien|donc|vous"
    r"|nous|leur|lui|me|te|se|le|la|les|en|y|pouvoir|m['’]|t['’]|s['’]|l['’])\s*)*$",
    re.IGNORECASE,
)
# The subject of a verb of speech who lends words rather than reports them: the speaker (« je
# dis », « j'ai dit », « nous le disons », « comme je l'ai dit », « on entend ») or a voice the
# speaker imagines; and a verb in the future or the conditional (« ce texte leur dira »,
# « vous auraient-ils demandé »): words imagined.
_LENDING_SUBJECT = re.compile(
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
_FUTURE_CLAUSE = re.compile(
    r"(?<![\w'’-])(?:va|vas|vont|allez|allons|vais|faudra|faudrait|pourra|pourront|pourrait"
    r"|pourraient|devra|devront|devrait|devraient)(?![\w'’-])",
    re.IGNORECASE,
)
# The speaker's own words quoted back (« les derniers mots de mon intervention », « ma
# question », « Qu'avais-je dit ? », « je propose … ainsi rédigé »).
_SELF_QUOTE = re.compile(
    r"(?<![\w'’-])(?:mon|ma|mes|notre|nos)\s+(?:(?:propre|premier|première|dernier|dernière"
    r"|précédente?)s?\s+)?(?:intervention|propos|mots|paroles|question|amendement"
    r"|sous-amendement|proposition|phrase|formule|discours|expression"
    r"|profession\s+de\s+foi)s?(?![\w'’-])"
    r"|\w+-je\s+(?:\w+\s+){0,2}(?:dit|écrit|déclaré|affirmé|proposé|demandé)(?![\w'’-])"
    r"|(?<![\w'’-])(?:je|nous)\s+(?:vous\s+)?propos(?:e|ons)\b[^.!?«»]{0,200}"
    r"(?:ainsi\s+rédigée?|suivante?s?|:\s*$)",
    re.IGNORECASE,
)
# « …, tout en précisant : », « », en ajoutant : »: a gerund of speech between two quotations.
_GERUND_GAP = re.compile(
    rf"[\s»”\",]*(?:tout\s+)?en\s+(?:(?:lui|leur|nous|vous)\s+)?(?:{VERB})\s*:?\s*", re.I
)
# Adverbs between a question's verb and the name it asks about (« Que disait donc Jaurès »).
_ADVERBS = re.compile(r"(?:(?:donc|alors|déjà|ainsi|encore|aussi|justement)\s+)*", re.I)
# « relisez donc Talleyrand : », « Relisons Tocqueville, qui … : »: a reader told whom to read.
_READ_AUTHOR = re.compile(
    r"(?<![\w'’-])(?P<verb>(?i:(?:re)?(?:lisez|lisons)|écoutez|écoutons))\s+(?:donc\s+|bien\s+"
    r"|encore\s+|plutôt\s+)*(?P<who>[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+)?)"
    r"\s*(?:,[^,:;«»()\n]{0,100})?:\s*$"
)
# A parenthesis in a debate's record: a stage direction.
_ASIDE = re.compile(r"\([^()\n]{0,300}\)")
_ASIDE_AFTER = re.compile(r"[ \t]*\([^()\n]{0,300}\)[ \t]*")
_IMAGINED = re.compile(
    r"(?:[eir]r|dr)(?:a|ai|as|ons|ez|ont|ait|ais|aient|ions|iez)$|^(?:aur\w+)\s",
    re.IGNORECASE,
)
# « en disant », « en affirmant », « en nous demandant »
_GERUND = re.compile(
    r"\ben\s+(?:(?:me|te|lui|nous|vous|leur|se)\s+|[mts]['’]\s*)?\w+ant$", re.IGNORECASE
)
# A sentence opening with « il » or « elle » (« Non, il poursuit son article … », « Elle est
# intervenue … en nous demandant : »), not an impersonal one (« il est vrai », « il faut »).
_OPENING_PRONOUN = re.compile(
    r"\s*(?:(?:non|oui|mais|et|alors|donc|puis|enfin|d['’]ailleurs)\b[\s,]*)*"
    r"(?P<pron>il|elle)\b(?!\s+(?:ne\s+|n['’])?(?:y\s|faut|fallait|s['’]agit|semble|paraît|suffit"
    r"|convient|vaut|(?:est|était)\s(?!(?:re)?(?:venue?|intervenue?|allée?|montée?|partie?"
    r"|arrivée?|passée?)\b)))",
    re.IGNORECASE,
)
# A presentative right before a name: « il s'agit de », « c'est », « voici ».
_PRESENTATIVE = re.compile(
    r"(?<![\w])(?:il\s+s['’]agit\s+(?:de\s+|d['’])|c['’]est\s+|voici\s+|voilà\s+)"
    r"(?:(?:M\.|Mme|Mlle)\s+)?$",
    re.IGNORECASE,
)
# A clause whose subject is « il » or « elle », then « et » right before a verb of speech.
_JOINED_TO_PRONOUN = re.compile(
    r"(?<![\w'’-])(?P<pron>il|elle)\s+(?!(?:ne\s+|n['’])?(?:y\s|faut|fallait|s['’]agit|semble"
    r"|paraît|suffit|convient|vaut)\b)[^.;:!?«»,()]{2,80}\s+et\s+$",
    re.IGNORECASE,
)
# A sentence opening on « il » or « elle » after a short adverbial phrase (« Au fond, il »).
_STILL_HIM = re.compile(
    r"\s*(?:[A-Za-zÀ-ÿ'’]+(?:\s+[A-Za-zÀ-ÿ'’]+){0,2}\s*,\s*)?(?P<pron>il|elle)\s", re.IGNORECASE
)
_YOU_SAY = re.compile(r"\bdites$", re.IGNORECASE)  # « vous dites », present tense
_GENERIC = re.compile(
    r"\b(?:on|tout le monde|personne|certains|beaucoup|les gens|des gens)\b(?:\s+[\w'’]+){0,3}\s*$",
    re.IGNORECASE,
)
# Nouns after which a quoted run is the name of a thing.
_TITLE_NOUNS = re.compile(
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
_CHARGE = re.compile(
    r"\b(?:accusée?s?|inculpée?s?|poursuivie?s?|condamnée?s?|prévenue?s?|mise?s?\s+en\s+examen"
    r"|reconnue?s?\s+coupables?|chefs?\s+d['’]accusation|délit)\b[^.!?«»\n]{0,30}?"
    r"(?:\bde|\bd['’]|\bdu|\bdes|\bpour)\s*$",
    re.IGNORECASE,
)
# From a name to « pour qui »: nothing but its apposition (« , représentant la partie civile, »).
_APPOSITION_GAP = re.compile(r"\s*(?:,[^,;:.!?«»]{0,100})?,\s*")
# What an apposition between a subject and its verb never holds: another clause.
_GAP_CLAUSE = re.compile(r"[;:«»]|\b(?:qui|que|qu['’]|dont|où|lorsqu['’e]|quand)\b", re.I)
# From a verb of speech to the subject of the clause it reports: « rappelle d'ailleurs que,
# plusieurs mois avant la copie des documents, ».
_REPORTED_THAT = re.compile(
    r"(?:\s+(?:d['’]ailleurs|aussi|encore|également|ainsi|alors|même|notamment))*\s+qu(?:e\b|['’])"
    r"[^.!?«»\n]{0,80}$",
    re.IGNORECASE,
)
# A verb of speech right before the marks: « on me disait « c'est trop tard » ».
# A preposition or an article right before a name: its complement (« l'avocat d'Édouard
# Perrin »), or a function written with capitals (« l'Avocat Général »), not a subject
_COMPLEMENT_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?:de|du|des|à|au|aux|par|pour|avec|sur|chez|contre|le|la|les|un|une)\s+"
    r"|(?<![\w'’])[dlDL]['’]\s*)$"
)
# Between a subject and its verb, only the object pronouns of the verb (« quand Erdogan lui
# dit », « quand M. Mariton nous dit : », « Macron l'a dit »).
_OBJECT_CLITICS = re.compile(
    r"\s*(?:(?:me|te|lui|nous|vous|leur|le|la|les|en|y)\s+|[mtl]['’]\s*)*", re.IGNORECASE
)
# Before a name called in a sentence: its start or a comma, then a civility written out or a
# rank (« Monsieur Wauquiez, », « …, Monsieur MACRON, », « Monsieur le député Aboud, », « Major
# Arnaud Blanc, »); « M. » and « Mme » name someone talked about (« au professeur assassiné,
# M. Samuel PATY, vous avez déclaré »: an apposition).
_VOCATIVE_BEFORE = re.compile(
    r"(?:^|(?<=[.!?:;,«\"“])|(?<=[.!?:;,«\"“]\s))\s*(?:(?:Monsieur|Madame|Mademoiselle"
    r"|Cher|Chère|Major|Général|Colonel|Commandant|Capitaine|Lieutenant|Sergent|Adjudant"
    r"|Caporal|Docteur|Professeur|Maître)"
    r"\s+(?:(?:le|la|l['’])\s*[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+)?)?$"
)
_ABBREVIATED_CIVILITY = re.compile(r"(?:M\.|Mme|Mlle|MM\.)\s")
# A reformulation right before the words: « ce qui signifie en gros : », « autrement dit : ».
_PARAPHRASE = re.compile(
    r"(?<![\w'’])(?:(?:ce\s+qui|cela|ça)\s+(?:signifie|signifiait|veut\s+dire|voulait\s+dire"
    r"|revient\s+à\s+dire)|autrement\s+dit|en\s+d['’]autres\s+termes)"
    r"(?:\s*,?\s*(?:en\s+gros|en\s+clair|en\s+somme|en\s+fait|simplement|donc))?\s*,?\s*:\s*$",
    re.IGNORECASE,
)
# A colleague called without a name: « ma chère collègue, », « cher collègue, ».
_COLLEAGUE_CALLED = re.compile(
    r"(?<![\w'’-])(?:(?:mon|ma)\s+)?(?:(?P<m>cher)|(?P<f>chère))\s+collègue\s*,", re.IGNORECASE
)
_APPOSED_FUNCTION_CLOSED = re.compile(r"\s*,\s*[a-zà-ÿ][^,;:.!?«»()\n]{2,80},")
_RELATIVE_AFTER = re.compile(r"\s*(?:,[^,;:.!?«»()\n]{1,80},|,)?\s*qui\s")
# A plural subject that is institutions, States or a people (not people in general), then
# at most an incise and « qui », right before the verb of speech.
_COLLECTIVE = re.compile(
    r"(?<![\w'’])(?:tous\s+les|toutes\s+les|les|des|certains|certaines|plusieurs)\s+"
    r"(?:tribunaux|juges|juridictions|cours|pays|[ÉE]tats|gouvernements|autorités|administrations"
    r"|institutions|décisions(?:\s+\w+)?|instances|ministères|chancelleries|capitales"
    # a people: « les Britanniques », « les Allemands »
    r"|(?<=les\s)[A-ZÀ-Þ][a-zà-ÿ]+(?:ais|ois|ens|ains|ands|ins|ols|iques|ites|ons)"
    r")(?:\s*,[^,;:.!?«»]{0,100},)?\s*(?:qui\s+)?$"
)
_QUOTED = re.compile(r"[«“\"][^«»“”\"\n]{0,300}[»”\"]")
# A court, whose words are its rulings' (not the Cour des comptes, not the Conseil d'État,
# whose reports and opinions on a bill the gold gives them as bodies).
_COURT = re.compile(
    r"(?:Cour\s+de\s+cassation|Conseil\s+constitutionnel|Cour\s+d['’]appel(?:\s.*)?"
    r"|Cour\s+européenne\s+des\s+droits\s+de\s+l['’]homme|CEDH|Cour\s+de\s+justice(?:\s.*)?"
    r"|Cour\s+constitutionnelle(?:\s.*)?|Cour\s+suprême(?:\s.*)?|Tribunal\s.*)",
    re.IGNORECASE,
)
# How an interviewer's turn cut off by the guest ends on the person whose words it goes on
# to read (`Attributor._announced`): the name, or the name and a verb of speech cut short
# (« …, Cesare BECCARIA. », « Laurent BERGER ce matin dit… »).
_ANNOUNCED_END = re.compile(
    r"\s*(?:(?:[\w'’]+\s+){0,3}(?:dit|disait|déclare|déclarait|écrit|écrivait|explique"
    r"|affirme|a\s+dit|a\s+déclaré|a\s+écrit))?\s*(?:\.|…|\.\.\.)?\s*"
)
# A citation, not a verb of speech: « le Premier ministre a cité un juriste italien ».
_CITED = re.compile(r"(?<![\w'’])(?:a|avait|ont|avaient)\s+cité(?![\w])", re.IGNORECASE)
_PARTICIPLE_AFTER = re.compile(r"\s+[a-zà-ÿ]+ant\b")
# Words of time between a verb and its inverted subject: « disait hier soir le chef de l'Etat ».
_WHEN = re.compile(
    r"(?:(?:hier|soir|matin|midi|ce|cette|aujourd['’]hui|encore|alors|déjà|récemment|lundi|mardi"
    r"|mercredi|jeudi|vendredi|samedi|dimanche|dernier|dernière|même)\s+)*",
    re.IGNORECASE,
)
_CHANT = re.compile(
    r"(?<![\w'’])(?:scand(?:ant|aient|ent|er)|chant(?:s|ant|aient|er)|(?:aux\s+)?cris"
    r"|cri(?:ant|aient|er)|hurl(?:ant|aient|er))(?![\w'’])",
    re.IGNORECASE,
)
_SAID_RIGHT_BEFORE = re.compile(rf"(?<![\w-])(?:{VERB})\s*[,:]?\s*$", re.IGNORECASE)
# One capitalised word after a small word or a comma (not after an article, not opening a
# sentence): « quand Erdogan », « savez que BRIDGESTONE », « d'Espagne Zapatero ».
_LONE_NAME = re.compile(r"(?<=[a-zà-ÿ,] )[A-ZÀ-Þ][A-Za-zÀ-ÿ'’-]{2,}(?=\s)")
# Capitalised words that are no one's name (« quand Dieu dit », « que Monsieur dit »).
_NOT_LONE_NAMES = frozenset(
    "dieu monsieur madame mademoiselle maître président présidente ministre sénateur sénatrice "
    "député députée docteur professeur etat état gouvernement parlement europe".split()
)
# « vous » after its verb, in a statement (« Aussi, aviez-vous lancé »).
_INVERTED_YOU = re.compile(r"(?<=\w)(?:ez|iez)-vous\s+$", re.IGNORECASE)
# The speaker going on with a text read out (« Je termine la citation : », « Je poursuis ma
# citation : », « Je poursuis ma lecture : »).
_GO_ON_QUOTING = re.compile(
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
_YOUR_WORDS = re.compile(
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
_I_CITE = re.compile(r",?\s*je\s+cite\s*[:,]?\s*$", re.IGNORECASE)
# How the addressee's text leads to its words: a colon, « selon laquelle », « qui dit ».
_YOUR_TEXT_END = re.compile(
    r"(?::|selon\s+(?:laquelle|lequel|lesquels|lesquelles)|qui\s+(?:dit|disent|précise"
    r"|prévoit|dispose|indique)\s*:?)\s*$"
)
# Words an amendment strikes out or replaces are the text's, not its author's.
_STRUCK_OUT = re.compile(
    r"(?<![\w'’-])(?:supprim|retir|remplac|effac|enlev|ray|substitu)\w*", re.IGNORECASE
)
# A subject whose verb is in the conditional of reported speech (« Antoine, qui n'est « … », se
# serait approprié les documents »): someone talked about, not the one talking.
_CONDITIONAL_AFTER = re.compile(
    r"(?:\s*,[^,.;:!?]{0,90},)?\s+(?:ne\s+|n['’])?(?:se\s+|s['’]|l['’]|les?\s+|la\s+|en\s+"
    r"|y\s+|lui\s+)?(?:serait|seraient|aurait|auraient|pourrait|pourraient|devrait|devraient)\b"
)
# A colleague called in a debate turn, last before the words: a surname after « monsieur » or
# « madame » and before a comma or a stop (« Cela vous fait rire, monsieur Vidalies ? », « …,
# madame Genevard, »), else a function or the whole house (« madame la ministre », « mes chers
# collègues »), who stand for nobody named.
_CALLED = re.compile(
    r"(?<![\w'’-])(?:(?:[Mm]onsieur|[Mm]adame|[Mm]ademoiselle)\s+(?:(?P<fn>(?:le|la|l['’])\s*\w)"
    r"|(?P<who>(?:(?:de|Le|La|du)\s+)?[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’-]+)?)"
    r"(?=\s*[,?!.;:]))|(?P<all>(?:mes\s+)?chers\s+collègues|[Mm]esdames|[Mm]essieurs))"
)
_BRINGS_IN = re.compile(
    rf"(?<![\w-])(?<![dlDL]['’])(?:{VERB}|entend\w*"
    r"|(?:pos|relay)\w*\s+(?:la|cette|une|les|ces)\s+questions?)(?![\w])",
    re.IGNORECASE,
)
# The subject of such a verb standing for the author read before (« il explique … et livre cette
# confession : »), or none of its own (« S'estimant « … » »); « vous » is the person addressed,
# « je » the speaker, any other subject a voice of its own.
_READER_SUBJECT = re.compile(
    r"(?:(?<![\w'’-])(?:il|elle)\s+(?:[\w'’-]+\s+){0,3}|^\s*(?:s['’]\s*)?"
    r"|(?<![\w'’-])(?:et|puis)\s+)$",
    re.IGNORECASE,
)
# The subject of a verb of speech that no mention holds: a proper name heading the sentence
# (« Montaigne disait : », « Bernanos, lors des conférences …, déclarait que »), or the
# antecedent of « qui » (« le discours d'investiture de Barak Obama qui, la semaine dernière,
# déclarait : »), an apposition between commas and the verb's object pronouns allowed.
_NAME_WORD = r"[A-ZÀ-Þ][a-zà-ÿ]{2,}(?:-[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]+)*"
_UNREAD_NAME = re.compile(
    rf"(?:^\s*(?:(?:[Ee]t|[Mm]ais|[Oo]r|[Aa]insi)\s+)?(?P<head>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
    rf"|(?P<rel>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s+qui)"
    r"\s*(?:(?:,[^,;:«»()]{1,100})+,)?"
    r"\s*(?:(?:ne|me|te|lui|nous|vous|leur|le|la|les|en|y)\s+|[mtln]['’]\s*)*$"
)
# Capitalised words heading a sentence that name no one (« Certains disent », « Chacun sait »):
# those that start no name (`people.NOT_FIRST`), and the pronouns, determiners and nouns of a
# debate that open a sentence before a verb of speech.
_NOT_UNREAD = NOT_FIRST | frozenset(
    """aucun aucune aujourd'hui beaucoup ceci cela celle celui certaines certains ceux chacun
    chacune chambre code constitution dieu déjà ici leur leurs lorsque mademoiselle majorité nos
    notre opposition personne plusieurs que quelqu'un qui quiconque rapport sa ses son texte tous
    tout toute toutes vos votre""".split()
)
# The author of the quotation before going on (« Il ajoute : », « Et d'ajouter : », « Elle
# poursuit : », « précise-t-il encore : »): eleventh round, ten such cues in the debates.
_GOES_ON = re.compile(
    r"(?:(?<![\w'’-])(?:il|elle)\s+(?:ajoute|ajoutait|poursuit|poursuivait|continue|continuait"
    r"|conclut|concluait|renchérit|renchérissait)|(?<![\w'’-])et\s+(?:d['’]ajouter|de\s+"
    r"(?:poursuivre|conclure|renchérir))|(?:ajoute|poursuit|conclut)-t-(?:il|elle))"
    r"(?:\s+(?:encore|aussi|plus\s+loin|ensuite|enfin|également))?\s*:\s*$",
    re.IGNORECASE,
)
# A sentence saying that someone goes on, right before their next words (« Et Mme Guigou de
# poursuivre : », « Elle ajoute : », « M. Milon poursuit : »): the words before were theirs too.
_WENT_ON = re.compile(
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
_NEXT_AUTHOR = re.compile(
    r"\s*[;,]\s*(?:(?:et|puis|ou)\s+)?(?P<who>de\s+Gaulle|[A-ZÀ-ÖØ-Þ][\w’'-]+"
    r"(?:[ \t]+(?:de[ \t]+|d['’])?[A-ZÀ-ÖØ-Þ][\w’'-]+){0,2})\s*:\s*$"
)
# An author named right after a verb of reading or quoting, then a colon (« puis-je rappeler
# Renan : », « je citerai Montesquieu : », « pour paraphraser Camus : »).
_CITED_AUTHOR = re.compile(
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
_LENT_INFINITIVE = re.compile(
    r"(?<![\w'’-])(?:consist\w*|rev(?:ient|enait|iendrait|enir)|condui(?:t|sait|rait|re)"
    r"|amèner\w*|suffi(?:t|sait|rait)|droit|devoir|façon|manière|temps)"
    r"(?:\s+[\w'’]+){0,4}?\s+(?:à|de|d['’])\s*(?:(?:leur|lui|vous|nous|me|te|se)\s+)?"
    r"(?:dire|répondre|déclarer|lancer|affirmer|proclamer|expliquer)\s*:?\s*$",
    re.IGNORECASE,
)
# A colleague called by name, whom a relative clause says was brought to say the words
# (« Cette conception, monsieur Le Fur, qui vous a amené … à dire : »).
_LED_TO_SAY = re.compile(
    r"\s*,\s*qui\s+vous\s+(?:a|avait|ont|avaient)\s+(?:amené|conduit|poussé|incité|obligé)e?s?"
    r"\b[^.!?«»:]{0,80}?(?<![\w'’-])à\s+(?:(?:nous|leur|lui|me)\s+)?(?:dire|déclarer|affirmer"
    r"|écrire|lancer)\s*:?\s*$",
    re.IGNORECASE,
)
# A colleague called by his surname (« monsieur Le Fur », « madame Genevard »), no mention
# holding him: the surname after the civility.
_CALLED_BEFORE = re.compile(
    r"(?<![\w'’-])(?:monsieur|madame|M\.|Mme)\s+(?P<who>(?:(?:de|Le|La|du)\s+)?[A-ZÀ-ÖØ-Þ]"
    r"[\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)?)$"
)
# A sentence that quotes, reads or cites (`Attributor._colon_author`), then its colon.
_COLON_END = re.compile(r":\s*[«\"“]?\s*$")
_QUOTING_WORD = re.compile(
    r"(?<![\w'’-])(?:cit\w*|lis\w*|lire|lit|lu|lecture|relis\w*|avis|définition|discours"
    r"|phrase|formul\w*|continue|poursuit|propos|mots|écrit\w*|dit|disait|déclar\w*)(?![\w'’-])",
    re.IGNORECASE,
)
# Where the clause after a right cue ends.
_CLAUSE_END = re.compile(r"[.;!?«»()\n]|,\s+(?:et|mais|qui|dont)\b")
# « monsieur Fasquelle, » before a « vous »: the colleague called (`Attributor._vocative`).
_VOCATIVE_NAME = re.compile(
    r"(?<![\w'’-])(?:monsieur|madame)\s+(?P<who>(?:(?:de|Le|La|du)\s+)?[A-ZÀ-ÖØ-Þ]"
    r"[\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)?)\s*,"
)
# Words, a text or a song, then whose they are (« cette mise en garde prémonitoire d'Albert
# Camus », « la réponse de Jean Tarrade », « aux écrits de la psychanalyste Marie Balmary »).
_WORDS_OF = re.compile(
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
_APPOSITION_COLON = re.compile(r"\s*(?:,[^,;:.!?«»()\n]{1,100})?,?\s*:\s*[«\"“]?\s*")
# Or, after a text or words the sentence reads out, what they are about, where or when they
# were given, no one else named (« cet article de M. Le Guay sur le tourisme juridique qui
# aboutit au libéralisme : », « la contribution de Mme la professeure Nelrinck aux travaux de
# notre commission : », « du discours de Mme Guigou (Exclamations …) , tenu le 3 novembre 1998,
# parce c'est un discours fondateur sur ce sujet : »).
_COMPLEMENT_COLON = re.compile(
    r"\s*(?:\([^()\n]{0,200}\)\s*)?"
    r"(?:(?:sur|à|au|aux|dans|en|pour|devant|concernant|relatif|relative|portant\s+sur)\s"
    r"[^,;:.!?«»()\n]{1,100})?(?:\s*,[^,;:.!?«»()\n]{1,100}){0,2},?\s*:\s*[«\"“]?\s*"
)
# The words read out, a text (`_COMPLEMENT_COLON`): not a reply, a question or an appeal.
_READ_OUT = re.compile(
    r"(?:articles?|discours|contributions?|textes?|tribunes?|lettres?|livres?|ouvrages?"
    r"|écrits?|éditoriaux|éditorial|analyses?|témoignages?)$",
    re.IGNORECASE,
)
# After the author a sentence reading him names, before the words (`Attributor._read_before`):
# nothing, or a relative clause (« Me de Vries, que je terminerai dans ma prochaine
# intervention. »).
_ENDS_ON_AUTHOR = re.compile(r"\s*(?:,\s*(?:qui|que|qu['’]|dont)\b[^.!?«»]*)?\.\s*")
# A preposition right before a law or a code named (`Attributor._text_aside`).
_PREPOSITION_BEFORE = re.compile(r"(?<![\w'’])(?:de|dans|sur|à|en|par|pour)\s+$", re.IGNORECASE)
# A title between a source cue and the name (« dixit le juge Thill »).
_TITLE_GAP = re.compile(r"(?:l[ea]|l['’])\s*[a-zà-ÿ-]{3,20}\s+", re.IGNORECASE)
# A possessive before the words a sentence cites (`Attributor._their_words`): « ses propos »,
# « un de ses comptes rendus », « son argumentation ».
# Or an object pronoun before a verb of reading (« d'un tweet envoyé par notre collègue Guedj.
# Je vous le lis : », « Que dit le Conseil d'État dans son avis ? Je le relis : »).
_POSSESSIVE = re.compile(
    r"(?<![\w'’])(?:(?:ses|son|sa)\s+[a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)?"
    r"|(?:le|la|les|l['’])\s*(?:lis|relis|lirai|relirai)\b)(?=[^.!?«»]*:\s*[«\"“]?\s*$)"
)
# A press review's headline, then whose interview it is (« Tageblatt - « C'est la course vers le
# bas » (interview d'Antoine) », « L'Obs - LuxLeaks : « … » (interview de William Bourdon) »).
_RIGHT_INTERVIEW = re.compile(
    r"[ \t]*\((?:une[ \t]+|l['’][ \t]*)?(?:interview|entretien|portrait)[ \t]+(?:de|d['’]|du|avec)"
    r"[ \t]*(?P<who>[^()\n]{2,60})\)",
    re.IGNORECASE,
)
# A civility that tells a person's gender (`Attributor._other_gender`).
_CIVILITY = re.compile(r"(?:(?P<f>Mme|Mlle|Madame|Mademoiselle)|M\.|MM\.|Monsieur)\s")
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
_IS_OF_AFTER = re.compile(
    rf"(?<![\w]){_WORDS_SUBJECT}(?:{_NOT_MINE_BUT}|\s+(?:sont|est|étaient|était)\s+(?:de|d['’]|du)"
    r"|\s+(?:a|ont|avait|avaient)\s+été\s+(?:prononcée?s?|écrite?s?|tenue?s?|dite?s?)"
    r"(?:\s+[^.;:!?«»()\n]{0,60}?)?\s+par)\s*",
    re.IGNORECASE,
)
# « « … » C'est ainsi que s'exprimait à la tribune …, Mme la garde des Sceaux Élisabeth Guigou. »:
# the words' author, the subject put last in the sentence.
_THUS_SPOKE = re.compile(
    r"(?<![\w'’])c['’](?:est|était)\s+(?:ainsi|en\s+ces\s+termes)\s+qu(?:e\s+|['’])"
    r"(?:s['’]exprim|parl|écriv|concl|s['’]adress|déclar|affirm)\w*(?![\w'’])",
    re.IGNORECASE,
)
# « « … » Ce n'est pas moi qui le dis, c'est un homme que l'on a … C'est le juge Rosenczveig. »
_NOT_ME_WHO_SAYS = re.compile(
    r"(?<![\w'’])ce\s+n['’](?:est|était)\s+pas\s+moi\s+qui\s+(?:le\s+|l['’]\s*)?(?:dis|dit"
    r"|ai\s+dit|ai\s+écrit|écris|parle|invente)\s*[,;]\s*(?:mais\s+)?c['’](?:est|était)\s+",
    re.IGNORECASE,
)
_SAID_WHO_AFTER = re.compile(
    r"(?<![\w'’])c['’]est\s+(?P<who>[^.;:!?«»()\n]{2,60}?)\s+qui\s+(?:(?:l['’]|les\s+|nous\s+l['’])?"
    r"(?:a|avait)\s+(?:dit|écrit|déclaré|prononcée?s?|tenue?s?|écrite?s?)|parle|parlait|disait"
    r"|écrivait)(?![\w'’])(?![^.;!?«»\n]{0,60}:)",
    re.IGNORECASE,
)
# The words' author named after them as their source (« « … » ⏎⏎ C'est la parole du Conseil
# d'État ! », « Tel est l'avis de M. X », « Ce sont les mots mêmes de Jaurès »).
_SOURCE_AFTER = re.compile(
    r"(?<![\w'’])(?:c['’]est|c['’]était|ce\s+sont|voilà|voici|tel\s+est|telle\s+est|tels\s+sont"
    r"|telles\s+sont)\s+(?:donc\s+|bien\s+)?(?:la|le|les|l['’])\s*(?:parole|paroles|avis|texte"
    r"|phrase|mots?|propos|position|réponse|citation)(?:\s+mêmes?)?\s+(?:de|du|des|d['’])\s*",
    re.IGNORECASE,
)
# A civility, then an office, right before a verb of speech (its object pronouns between):
# « Mme la garde des Sceaux nous dit », « M. le ministre chargé des relations avec le
# Parlement a dit », « Mme la rapporteure a rappelé ».
_OFFICE_BEFORE = re.compile(
    r"(?<![\w'’])(?:M\.|Mme|Monsieur|Madame)\s+(?:le|la|l['’])\s*(?P<fn>(?:garde\s+des\s+Sceaux"
    r"|[Mm]inistre|[Pp]résidente?|[Rr]apporteure?|[Ss]ecrétaire\s+d['’][ÉéE]tat|[Pp]remière?\s+"
    r"ministre)(?:\s+(?:de|du|des|chargée?|déléguée?)\s+[^,.;:!?«»()]{1,60}?)?)\s*"
    r"(?:(?:me|te|lui|nous|vous|leur|le|la|les|en|y)\s+|[mtl]['’]\s*)*$"
)
# A subject pronoun or a negation right before « lui » or « leur »: they are its objects.
_SUBJECT_BEFORE = re.compile(
    r"(?<![\w'’])(?:je|tu|il|elle|on|nous|vous|ils|elles|ne)\s+$|(?<![\w'’])[jn]['’]\s*$",
    re.IGNORECASE,
)
# The speaker saying their own words again (« Je dis bien « … » », « Nous disons : « … » »),
# not denying them (« je n'ai pas dit « … » »).
_I_SAY = re.compile(
    r"(?<![\w'’])(?:je|nous)\s+(?:le\s+|vous\s+le\s+)?(?:dis|disons|répète|répétons|redis)\b"
    r"(?:\s+(?:bien|donc|encore|aussi|simplement|seulement|clairement|toujours|en\s+premier"
    r"\s+lieu|d['’]abord)){0,3}\s*[,:]?\s*$",
    re.IGNORECASE,
)
# « vous » heading a verb in the second person (« vous avez dit », « vous le disiez »), not
# its object (« les pays de l'Est vont vous dire »).
_SECOND_PERSON = re.compile(r"(?:ez|iez)\b|\b(?:dites|êtes|faites)\b", re.IGNORECASE)
# A question naming who said the words that follow: « Que dit M. Chevènement ? ».
_ASKED_WHO = re.compile(
    r"\b(?P<cue>(?:que|qu['’])\s*(?:dit|disait|a\s+dit|avait\s+dit|écrit|écrivait|a\s+écrit"
    r"|déclare|déclarait|a\s+déclaré|répond|répondait|a\s+répondu))(?:-t?-?(?:il|elle))?\s+"
    r"(?P<rest>[^?!«»\n]{2,80})\?\s*$",
    re.IGNORECASE,
)
# Between two quotations, only an aside between dashes; the words after it going on.
_DASH_ASIDE = re.compile(r"\s*,?\s*[–—-]\s[^«»\n]{1,120}\s[–—-]\s*,?\s*")
_GOES_ON_WORDS = re.compile(r"(?:\.\.\.|…|\[\.\.\.\]|[a-zà-ÿ])")
# Reading passages of a text named before: « je vous en lis un passage : », « je vous en livre
# quelques extraits : ».
_READ_FROM_IT = re.compile(
    r"(?<![\w'’])en\s+(?:lire|lis|livre|livrer|citer|cite|donner|donne)\s+(?:un|une|quelques|des"
    r"|deux|trois|les)\s+(?:(?:petit|court|petits|courts|brefs?)\s+)?(?:passages?|extraits?"
    r"|lignes|phrases?)\b[^.!?«»\n]{0,40}$",
    re.IGNORECASE,
)
# A reading cue naming no author, a colon closing it: « où je lis : », « on lit : », « Jugez-en : »,
# « je cite : » (`Attributor._work_read`).
_READ_HERE = re.compile(
    r"(?:(?<![\w'’])(?:où\s+)?(?:je|j['’]y|on|l['’]on|nous)\s+(?:(?:peux|peut|pouvons)\s+)?"
    r"(?:lis|lit|lire|lisons|relis|relit|relire)|(?<![\w'’])jugez-en|(?<![\w'’])je\s+(?:vous\s+)?"
    r"cite)(?![\w'’])[^.!?«»\n:]{0,40}:\s*$",
    re.IGNORECASE,
)
# A written work and its author right after: « le rapport de M. Binet », « ce magnifique livre
# de Léon Blum », « la chronique de X » (`Attributor._work_read`).
_WORK_OF = re.compile(
    r"(?<![\w'’])(?:livre|ouvrage|rapport|tribune|chronique|essai|roman|lettre|article|étude"
    r"|pamphlet|éditorial)s?\s+(?:[\w'’-]+\s+){0,2}?(?:de|d['’])\s*",
    re.IGNORECASE,
)
# A sentence headed by the text read out, a colon closing it: « Cette dépêche est datée
# d'aujourd'hui, 3 février : » (`Attributor._this_text`).
_THIS_TEXT = re.compile(
    r"^\s*(?:cette|ce|cet)\s+(?P<noun>dépêche|lettre|tribune|chronique|interview|communiqué)\b"
    r"[^«»:.!?;]{0,80}:\s*$",
    re.IGNORECASE,
)
# « je l'ai entendu dire », « nous l'avons entendue affirmer »: someone heard speaking.
_HEARD_HIM = re.compile(
    r"(?<![\w'’])(?:je|j['’]|nous|on)\s*(?P<pron>l['’]|la\s+|le\s+)(?:ai|avons|a)\s+"
    r"(?:entendue?|lue?)\s+$",
    re.IGNORECASE,
)
# « ce qu'a indiqué » right before a name (`Attributor._previous_sentence`), then a full stop.
_WHAT_SAID = re.compile(rf"\bce\s+qu['’](?:a|avait|ont|avaient)\s+(?:{VERB})\s+", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"\s*[.!]\s*")
# The same question with a pronoun for its subject: « Que nous dit-elle ? ».
_ASKED_PRONOUN = re.compile(
    r"\b(?:que|qu['’])\s*(?:nous\s+|vous\s+)?(?P<cue>dit|disait|écrit|écrivait|déclare|répond)"
    r"-t?-?(?P<pron>il|elle)\s*\?\s*$",
    re.IGNORECASE,
)
# Reading a text out: « quand on lit ce poème : « … » », « je vous lis un extrait de … : ».
_READING = re.compile(
    r"\b(?:lis|lit|lisons|lisez|lire|lisait|relis|relit|relire)\s+(?:ce|cet|cette|ces|un|une"
    r"|le|la|les|l['’])\s*(?:poème|texte|lettre|extrait|passage|vers|message|tribune|courrier"
    r"|strophe)s?\b(?P<rest>[^.!?«»\n]{0,80})$",
    re.IGNORECASE,
)
# A work or a programme named (« votre ouvrage : », « qui publie chez Grasset », « Bienvenue à »).
_WORK_BEFORE = re.compile(
    # (not a surname after a civility: « celle de M. Roman : « C'est parce que … » »)
    r"(?:(?<!M\.\s)(?<!Mme\s)\b(?:livre|ouvrage|roman|essai|recueil|film|documentaire|chanson"
    r"|album|émission)"
    r"|\b(?:publie|publié|publiée|paru|parue)\s+chez\s+[A-ZÀ-Þ][\w'’-]+"
    r"|\bbienvenue\s+(?:à|au|dans|sur))\s*[,:]?\s*$",
    re.IGNORECASE,
)
# An incise inside the words naming their author: « …, écrit GENEVOIX, … », « …, écrit Damien
# Le Guay, … », « …, rappelle M. Zapatero, … ».
_INNER_VERB = (
    r"(?P<verb>écrit|écrivait|disait|dit|notait|note|poursuit|poursuivait|ajoute|ajoutait"
    r"|rappelle|rappelait|explique|expliquait|précise|précisait|souligne|soulignait|conclut"
    r"|concluait|affirme|affirmait|observe|observait|insiste|insistait|continue|continuait)"
)
_INNER_INCISE = re.compile(
    rf",\s*{_INNER_VERB}\s+"
    r"(?P<who>(?:[A-ZÀ-Þ][\w'’-]+\s+){0,2}[A-ZÀ-Þ][A-ZÀ-Þ'’-]+"
    r"|(?:(?:M\.|Mme)\s+)?(?:[A-ZÀ-Þ][\w'’-]+\s+(?:(?:de|du|d['’])\s*)?){1,2}[A-ZÀ-Þ][\w'’-]+"
    r"|(?:M\.|Mme)\s+[A-ZÀ-Þ][\w'’-]+)"
    r"\s*,"
)
# An impersonal passive of writing, as the cue reads it (« il était écrit : », « est indiquée »).
_WRITTEN_THERE = re.compile(
    r"(?:est|était|a\s+été|avait\s+été)\s+(?:\w+ment\s+)?(?:écrit|indiqué|rédigé|inscrit"
    r"|mentionné|précisé)e?s?",
    re.IGNORECASE,
)
# A verb of speech denied right before the words: « elle ne répond pas « … » », « ils ne nous
# disent pas : « … » », « on n'a pas dit aux Français « … » »: words nobody said (rule 10 of
# CONVENTIONS.md), not the subject's. A few words may stand between (« ce matin »), not a clause.
# Not after a first or second person (« on n'a pas dit aux Français « … » »: the speaker's own
# words, lent, as part A has them; « vous ne dites pas « … » »: an interviewer's question).
_DENIED = re.compile(
    r"(?<![\w'’-])(?<!\bje\s)(?<!\bon\s)(?<!\bnous\s)(?<!\bvous\s)(?<!\btu\s)"
    r"n(?:e\s+|['’]\s*)(?:(?:lui|leur|nous|vous|me|te|[mtl]['’]|le|la|les)\s*)?"
    rf"(?:(?P<verb>{VERB})|(?:a|ai|as|avons|avez|ont|avait|avaient)\s+(?:pas|jamais|plus|point)"
    rf"\s+(?P<done>{VERB}))(?(verb)\s+(?:pas|jamais|plus|point))"
    r"(?:\s+(?!(?:que|qu['’]|mais|et|ou|car)\b)[\w'’-]+){0,3}\s*[:,]?\s*$",
    re.IGNORECASE,
)
# The same incise with a pronoun: « Cette règle, écrit-il, qui serait … », « …, poursuit-il. ».
_INNER_PRONOUN = re.compile(rf",\s*{_INNER_VERB}-(?:t-)?(?P<pron>il|elle)\s*[,.;]")
# A set phrase with no author: « selon la formule « … » », « selon l'expression consacrée ».
_FORMULA_BEFORE = re.compile(
    r"\bselon\s+(?:la\s+formule|l['’]expression)(?:\s+(?:consacrée|habituelle|connue))?\s*,?\s*$",
    re.IGNORECASE,
)
# A web address or a site's name (« publicsenat.fr », « TourMag.com »).
_DOMAIN = re.compile(r"(?:https?://)?(?:[\w-]+\.)+(?:fr|com|org|net|eu|info|be|lu)(?:/\S*)?", re.I)
# « sous le titre « … » », « sous le nom de « … » »: a name given, nobody's words.
_UNDER_TITLE = re.compile(
    r"\bsous\s+(?:le|un)\s+(?:titre|nom|slogan|mot\s+d['’]ordre|hashtag)(?:\s+(?:de|d['’]))?"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)
# A word talked about, not words said: « la dénomination « école maternelle » », « le terme ».
_TERM_NOUNS = re.compile(
    r"\b(?:dénomination|appellation|terme|termes|vocable|notion|concept|qualificatif|mot|mots"
    r"|expression|étiquette|sigle|acronyme)\s*[,:]?\s*$",
    re.IGNORECASE,
)
# A verb giving a name to a thing: « ce qu'on appelle très techniquement », « on appelle ça »,
# « la directive dite »: the words after it are a name, nobody's speech.
_NAMING = re.compile(
    # (a participle after a noun, not « vous dites », « vous leur dites »)
    r"(?<![\w'’])(?:(?<!vous )(?<!leur )(?<!lui )(?<!nous )(?<=[a-zà-ÿ] )(?:dite|dites|dits)"
    r"|on\s+(?:les?\s+|l['’])?appelle(?:\s+ça)?|qu['’]on\s+appelle|qu['’]ils?\s+appellent|qu['’]elles?\s+appellent)(?:\s+(?:très|plus|\w+ment)){0,2}\s*:?\s*$",
    re.IGNORECASE,
)
_CLAUSE = re.compile(
    r"(?<![\w'’-])(?:(?:n['’]est|est|sont|était|sera|a|ont|va|vont|faut|peut|doit|je|nous"
    r"|vous|on|il|ils|elle|elles|c['’]est)(?![\w'’-])|j['’](?=\w))",  # « J'ai gagné »
    re.IGNORECASE,
)
# A recording played on air: « On écoute Anne Sénéquier, elle dirige … : « … » ».
# « Ecoutez ce coup de gueule du chef Etchebest : », « On l'écoute : » (the person named before).
_CLIP = re.compile(
    r"\b(?:(?:on\s+(?:va\s+)?|je\s+vous\s+propose\s+d['’]|nous\s+allons\s+)"
    r"(?P<pron>l['’]|le\s+|la\s+|les\s+)?(?:écout|entend|regard)\w*"
    r"|(?:[ée]coutez|[ée]coutons|regardez|regardons)(?P<pron2>-l[ea]s?)?)\b",
    re.IGNORECASE,
)
_TERM_BEFORE = re.compile(
    r"\b(?:fameux|fameuse|fameuses|célèbres?|sacro-sainte?|éternel(?:le)?|légendaire|légitime"
    r"|désormais\s+célèbre)\s*$",
    re.IGNORECASE,
)
_DASH_HEADLINE = re.compile(r"^[^\n«»]{0,60}\s[–—-]\s*$")
# A finite verb in a headline (« L'Essentiel – « C'est PwC qui écrivait la loi fiscale du pays » »,
# « … aura lieu décembre », « Jugez moi comme … », « Sans Marius Kohl, le procès n'a aucun sens »):
# the headline quotes someone's words, not a name (« Le Figaro – « Procès LuxLeaks: appel du 12
# au 21 décembre » »).
_HEADLINE_CLAUSE = re.compile(
    r"(?<![\w'’-])(?:(?:[nscjl]['’])?(?:est|sont|a|ont|ai|aura|auront|avait|avaient|sera|seront"
    r"|serait|était|va|vont|fait|font|faut|peut|peuvent|doit|doivent|agit)|il|elle|ils|elles|on"
    r"|je|nous|vous|(?!assez)\w{3,}ez)(?![\w'’-])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…](?:\s*[»”\"])?\s+(?=[A-ZÀ-ÖØ-Þ«\"“(\d-])")
# No sentence ends after a civility or an initial: « M. Boileau », « Pierre S. Pettigrew ».
_NOT_AN_END = re.compile(r"(?:^|[\s(])(?:[A-Z]|MM|Dr|Pr|St|Mme)$")
_AND_THAT = re.compile(r"(?<![\w'’])et\s+qu(?:e\s|['’])", re.IGNORECASE)
# Between the words ending a paragraph and the words opening the next one: marks and blanks.
_PARAGRAPH_GAP = re.compile(r"[\s»”\"]*\n[ \t]*\n\s*")
_CONTINUATION_GAP = re.compile(r"^[\s,;:.)(–—-]*(?:(?:et|ou|puis|mais)\s*)?[\s,;:(–—-]*$", re.I)
_WORDS = WORD_PATTERN
_MARKS = re.compile(r'[«»“”"]|\n[ \t]*\n\s*')
_CAPITALISED = re.compile(
    r"[A-ZÀ-ÖØ-Þ][\w’'-]+(?:[ \t]+(?:de[ \t]+|d['’])?[A-ZÀ-ÖØ-Þ][\w’'-]+){0,2}"
)
_DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:le|la|les|un|une|des|du|de|d|l|au|aux|en|sur|ce|cet|cette|ces|son|sa|ses|leur|leurs"
    r"|notre|nos|votre|vos|plus|très|si|trop)['’]?\s*)$",
    re.IGNORECASE,
)


@dataclass
class Span:
    """A pair of quotation marks: `open`/`close` are the marks, `start`/`end` the words."""

    open: int
    close: int  # offset just after the closing mark
    start: int
    end: int
    depth: int
    mark: str
    # the marks reopening it at the start of a paragraph, the paragraph before left open
    # (« … ⏎⏎« … » »): one quotation of the text, reported a piece per paragraph
    reopened: tuple[int, ...] = ()


@dataclass
class Context:
    """What attribution needs to know about the document."""

    mentions: list[Mention]
    turns: list[Turn]
    interviewees: list[str]  # who answers in a transcript
    default: str | None  # the one speaker of a speech, if any
    functions: dict[str, str]  # name → function
    third_person: bool  # a communiqué or report: the text is nobody's speech
    interviewers: list[str] = field(default_factory=list)  # who asks, in a transcript
    joint: list[str] = field(default_factory=list)  # filled: people given words together
    debate: bool = False  # a debate's turn: quotations without a cue are nobody known


def _inner(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def find_spans(text: str) -> list[Span]:
    """Return the quotation mark pairs of a text, outermost and nested, in order.

    >>> t = "Il dit « oui « non » » et \\"peut-être\\"."
    >>> [(t[s.start:s.end], s.depth) for s in find_spans(t)]
    [('oui « non »', 0), ('non', 1), ('peut-être', 0)]
    """
    spans: list[Span] = []
    stack: list[tuple[int, str, int]] = []  # (position, mark, depth)
    straight: int | None = None
    reopened = -1  # a « that continues the open quotation in a new paragraph
    pieces: dict[int, list[int]] = {}  # an outer opening mark → the marks reopening it
    for m in _MARKS.finditer(text):
        i, c = m.start(), m.group()[0]
        if c == "\n":
            j = m.end()
            if stack and j < len(text) and text[j] in "«“":
                reopened = j  # the next paragraph reopens the open quotation: keep it open
                if len(stack) == 1:
                    pieces.setdefault(stack[0][0], []).append(j)
                continue
            if stack and _runs_on(text, stack, j):
                continue  # a quotation of several paragraphs, closed at the end of a later one
            _close_unclosed(text, stack, straight, i, spans)
            stack.clear()  # an unclosed quotation dies with its paragraph
            straight = None
            continue
        if i == reopened:
            continue
        if c in "«“":
            stack.append((i, c, len(stack)))
        elif c in "»”":
            expected = "«" if c == "»" else "“"
            if stack and stack[-1][1] == expected:
                o, _, depth = stack.pop()
                a, b = _inner(text, o + 1, i)
                if b > a:
                    spans.append(Span(o, i + 1, a, b, depth, expected, tuple(pieces.get(o, ()))))
            elif not stack and c == "»" and _misused_opening(text, i):
                stack.append((i, "«", 0))
        elif straight is None and stack and stack[-1][1] == "«" and _closing_straight(text, i):
            # « en fait il y a une urgence" : a guillemet closed by a straight quote
            o, _, depth = stack.pop()
            a, b = _inner(text, o + 1, i)
            if b > a:
                spans.append(Span(o, i + 1, a, b, depth, "«"))
        elif straight is None:
            straight = i
        else:
            a, b = _inner(text, straight + 1, i)
            if b > a:
                spans.append(Span(straight, i + 1, a, b, len(stack), '"'))
            straight = None
    _close_unclosed(text, stack, straight, len(text), spans)
    spans.sort(key=lambda s: (s.open, -s.close))
    return spans


# A verb of saying and a colon right before an opening mark: words follow.
_SAID_COLON = re.compile(rf"(?<![\w-])(?:{VERB})\s*:\s*$", re.IGNORECASE)


def _close_unclosed(
    text: str,
    stack: list[tuple[int, str, int]],
    straight: int | None,
    stop: int,
    spans: list[Span],
) -> None:
    """Keep the words of a mark left open at the end of its paragraph (at `stop`) when a verb
    of saying and a colon introduce them: to the end of their first sentence (« les
    entreprises du voyage ont dit : "Nous, on va garantir … de ce point de vue-là. C'est un
    engagement … » gives the first sentence)."""
    opened = [o for o, mark, depth in stack if depth == 0 and mark == "«"][:1]
    if straight is not None and not stack:
        opened.append(straight)
    for o in opened:
        if not _SAID_COLON.search(text, max(0, o - 40), o):
            continue
        end = _SENTENCE_END.search(text, o + 1, stop)
        a, b = _inner(text, o + 1, end.start() + 1 if end else stop)
        if b - a > 1:
            spans.append(Span(o, b, a, b, 0, text[o]))


_ANY_MARK = re.compile(r'[«»“”"]')
_PARAGRAPH_END = re.compile(r"[ \t]*(?:\n[ \t]*\n|\s*$)")


def _runs_on(text: str, stack: list[tuple[int, str, int]], j: int) -> bool:
    """Tell whether the « opening a paragraph goes on past its end: the next mark of the text
    is a » ending a later paragraph, within a few thousand characters (« Antoine Deltour a
    partagé … sa décision : ⏎⏎« L'arrêt du 15 mars … ⏎⏎D'autre part, … ⏎⏎… mérite d'être
    mené. » », the paragraphs between reopened with no mark)."""
    if len(stack) != 1 or stack[0][1] != "«":
        return False
    o = stack[0][0]
    if text[text.rfind("\n", 0, o) + 1 : o].strip():
        return False  # opened inside a paragraph: a quotation left unclosed
    m = _ANY_MARK.search(text, j, j + 4000)
    return m is not None and m.group() == "»" and _PARAGRAPH_END.match(text, m.end()) is not None


def _closing_straight(text: str, i: int) -> bool:
    """A straight quote right after a word and before a space or a punctuation mark closes."""
    before = text[i - 1 : i]
    after = text[i + 1 : i + 2]
    return bool(before) and not before.isspace() and (not after or not after.isalnum())


def _misused_opening(text: str, i: int) -> bool:
    """A » before words and another » later in the paragraph opens a quotation (a typo)."""
    after = text[i + 1 : i + 3]
    if not after.strip() or not (after[0].isspace() and after[1:2].isalpha()):
        return False
    end = text.find("\n\n", i)
    return "»" in text[i + 1 : end if end >= 0 else len(text)]


# --- Attribution -----------------------------------------------------------------------------


def _inside(top: list[Span], opens: list[int], position: int) -> bool:
    """Tell whether `position` lies inside one of the (non-overlapping) outer spans."""
    index = bisect_right(opens, position) - 1
    return index >= 0 and position < top[index].close


@dataclass
class Attribution:
    speaker: str | None
    function: str | None
    cue: str | None
    strength: str  # explicit, subject, pronoun, continuation, focus, turn, default, none


_NONE = Attribution(None, None, None, "none")


class _Participants:
    """The names of a transcript's turns, compared as names (« Lea Salame » is « Léa Salame »)."""

    def __init__(self, names: list[str]):
        self.keys = {name_key(n) for n in names if n}
        self.count = len(set(names))

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(name) and name_key(name) in self.keys

    def __len__(self) -> int:
        return self.count


_COUNSEL = re.compile(r"(?:Me|Maître)\s")


def _counsel(text: str, mentions: list[Mention]) -> list[Mention]:
    """« La défense … se poursuit avec Me May Nalepa … L'avocate conteste … »: « l'avocat »,
    « l'avocate » standing alone is the lawyer named last with « Me » (the civility says the
    function), not the one whose function the text spelt out earlier, unless that one was
    named again since."""
    out: list[Mention] = []
    last: tuple[int, str] | None = None  # (position, name) of the last « Me X »
    named: dict[str, int] = {}  # name → position of its last mention
    for m in mentions:
        if m.name and not m.anaphor and not m.body:
            named[m.name] = m.start
            if _COUNSEL.match(text, m.start):
                last = (m.start, m.name)
        elif (
            m.anaphor
            and last is not None
            and m.function
            and re.fullmatch(r"avocate?", m.function, re.IGNORECASE)
            and m.name != last[1]
            and named.get(m.name or "", -1) < last[0]
            and m.start - last[0] <= 800  # the same account, not a press review further on
            and not re.match(r"\s*(?:de|du|des|d['’])\s", text[m.end : m.end + 6] + " ")
        ):  # (« l'avocat d'un des deux lanceurs d'alerte »: another one, whose it says)
            m = replace(m, name=last[1])
        out.append(m)
    return out


class Attributor:
    """Walks a text's quotations in order, keeping track of who is in focus."""

    def __init__(self, text: str, spans: list[Span], context: Context):
        self.text = text
        self.spans = spans
        self.context = context
        top = [s for s in spans if s.depth == 0]
        opens = [s.open for s in top]
        # Names quoted inside a quotation are not the speakers of the next one.
        # A function standing alone for nobody the text named (« la ministre ») is no one.
        self.mentions = [
            m
            for m in _counsel(text, context.mentions)
            if not _inside(top, opens, m.start) and not (m.anaphor and m.name is None)
        ]
        if context.debate:
            # a debate's stage directions (« (« Ah ! » sur les bancs du groupe SRC.) »,
            # « (Protestations sur les bancs du groupe UMP.) ») are the record's, not the
            # speaker's: nobody they name is talked about, nor in focus for « elle »
            asides = [(a.start(), a.end()) for a in _ASIDE.finditer(text)]
            self.mentions = [
                m for m in self.mentions if not any(a <= m.start < b for a, b in asides)
            ]
        self.starts = [m.start for m in self.mentions]
        # « la garde des Sceaux a répondu : « … » »: a function nobody named heading a verb of
        # speech speaks, unnamed (kept apart: it stands for no one in focus)
        self.unnamed = [
            m
            for m in context.mentions
            if m.anaphor and m.name is None and m.subject and not _inside(top, opens, m.start)
        ]
        self.events: list[tuple[int, str, str | None]] = []  # (position, name, function)
        self.boundaries = [0]
        for m in _SENTENCE_END.finditer(text):
            dot = text[m.start()] == "."
            if not dot or not _NOT_AN_END.search(text, max(0, m.start() - 4), m.start()):
                self.boundaries.append(m.end())
        self.last: tuple[Span, Attribution] | None = None
        self.uncued: list[Span] = []  # the last speech quotations no cue decided, in a row
        self.reported: dict[int, bool] = {}  # mention start → heads a reported clause
        self.genders: dict[str, str | None] = {}  # name → « f », « m » by its civility
        # In a transcript, the people talking are "vous" and "je", never "il": a pronoun does
        # not stand for them.
        self.participants = _Participants([t.name for t in context.turns])

    # Helpers -----------------------------------------------------------------------------
    def _paragraph_start(self, position: int) -> int:
        found = self.text.rfind("\n\n", 0, position)
        return 0 if found < 0 else found + 2

    def _paragraph_end(self, position: int) -> int:
        found = self.text.find("\n\n", position)
        return len(self.text) if found < 0 else found

    def _sentence_start(self, position: int) -> int:
        index = bisect_right(self.boundaries, position) - 1
        return max(self.boundaries[index] if index >= 0 else 0, self._paragraph_start(position))

    def _mentions_in(self, a: int, b: int) -> list[Mention]:
        index = bisect_right(self.starts, a - 1)
        found = []
        while index < len(self.mentions) and self.mentions[index].start < b:
            if self.mentions[index].end <= b:
                found.append(self.mentions[index])
            index += 1
        return found

    def _heads_up_to(self, mention: Mention, cue_start: int) -> bool:
        """Tell whether a subject is near enough to be the verb's: 100 characters, or a long
        apposition and nothing else (« Robert POUJADE, le premier occupant du poste de
        ministre de la Protection de la nature … en 1971 avait qualifié … »)."""
        gap = self.text[mention.end : cue_start]
        if len(gap) <= 100:
            return True
        return len(gap) <= 180 and gap.lstrip().startswith(",") and not _GAP_CLAUSE.search(gap)

    def _this_text(self, noun: str, left_start: int, floor: int) -> Attribution | None:
        """Return the author of the text a sentence is headed by (« Cette dépêche est datée
        d'aujourd'hui : « … » »), named with the same noun in the sentence or paragraph before
        (« je vais … lire une dépêche de l'AFP »)."""
        start = max(floor, self._sentence_start(max(0, left_start - 1)) - 300)
        named = None
        for m in re.finditer(
            rf"(?<![\w'’]){noun}\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)",
            self.text[start:left_start],
            re.IGNORECASE,
        ):
            named = start + m.end()
        if named is None:
            return None
        mention = next((m for m in self._mentions_in(named, left_start) if m.start == named), None)
        if mention is not None and mention.name:
            attribution = self._who(mention)
        elif (name := self._name_after(named)) is not None:
            attribution = Attribution(name, None, None, "explicit")
        else:
            return None
        if attribution.speaker in self.participants:
            return None
        attribution.cue = f"cette {noun.lower()}"
        return attribution

    def _work_read(self, span: Span, floor: int, cue: str) -> Attribution | None:
        """Return the author of the work the words are read from, when the reading cue names
        none (« je suis un lecteur attentif du rapport de M. Binet. Je me reporte donc aux
        pages 91 et suivantes, où je lis : « … » », « Du mariage, ce magnifique livre de Léon
        Blum, … C'est un magnifique livre … Jugez-en : « … » »): the person named right after
        a work noun in the words' paragraph or the one before, nobody else named since."""
        paragraph = self._paragraph_start(span.open)
        start = max(floor, self._paragraph_start(max(0, paragraph - 2)))
        author: Mention | None = None
        for work in _WORK_OF.finditer(self.text, start, span.open):
            at = next((m for m in self._mentions_in(work.end(), span.open)), None)
            if at is not None and at.start == work.end() or (
                at is not None and _ABBREVIATED_CIVILITY.fullmatch(self.text, work.end(), at.start)
            ):
                author = at
        if author is None or not author.name or author.body:
            return None
        if author.name in self.participants or author.name == self.context.default:
            return None
        if any(m.name and m.name != author.name for m in self._mentions_in(author.end, span.open)):
            return None  # someone else named between the work and its words
        attribution = self._who(author)
        attribution.cue = " ".join(cue.strip(" :").split())
        return attribution

    def _apposed_name(self, head: Mention, after: list[Mention]) -> Mention:
        """Return the person a function heading a clause is apposed to (« Le Premier ministre
        britannique, M. David Cameron, s'est exprimé en ces termes : »): the named mention
        right after it, a comma between; else the function itself."""
        if head.name is None and after:
            named = after[0]
            if (
                named.name
                and not named.body
                and re.fullmatch(r"(?:\s+[\w'’-]+){0,3}\s*,\s*", self.text[head.end : named.start])
            ):  # (an adjective or a complement may follow the function: « britannique »)
                return named
        return head

    def _reported(self, mention: Mention) -> bool:
        """Tell whether a mention heads a clause that a verb of speech reports (« Il rappelle
        d'ailleurs que, plusieurs mois avant …, Antoine prouvait … »): the person talked
        about, not the one talking, whom a later « il » still stands for."""
        if (known := self.reported.get(mention.start)) is not None:
            return known
        start = self._sentence_start(mention.start)
        found = any(
            _REPORTED_THAT.match(self.text, verb.end(), mention.start)
            for verb in _VERB.finditer(self.text, start, mention.start)
        )
        if not found and _CONDITIONAL_AFTER.match(self.text, mention.end):
            # « John Petry affirme que la bonne foi d'Antoine ne peut être reconnue … . Antoine,
            # qui n'est « … », se serait approprié les documents … . Il concède »: a clause in
            # the conditional of reported speech right after a sentence reporting someone
            before = self._sentence_start(max(0, start - 2))
            found = before < start and _VERB.search(self.text, before, start) is not None
        self.reported[mention.start] = found
        return found

    def _focus(
        self,
        position: int,
        floor: int = 0,
        bodies: bool = False,
        relatives: bool = False,
        gender: str | None = None,
    ) -> tuple[str, str | None] | None:
        """Return the person last in focus before `position` (not before `floor`); an
        organisation too when `bodies` (« elle », « elles »); a person heading a relative
        clause too when `relatives` (for a personal pronoun); not one whose civility says
        the other `gender` (« m » for « il », « f » for « elle »)."""
        best: tuple[int, str, str | None] | None = None
        index = bisect_right(self.starts, position - 1) - 1
        while index >= 0:
            m = self.mentions[index]
            if m.start < floor:
                break
            if (m.body and not bodies) or self._reported(m) or self._other_gender(m.name, gender):
                index -= 1
                continue
            if (
                (m.subject or (relatives and self._heads_relative(m)) or self._presented(m))
                and m.end <= position
                and (m.name or m.function)
            ):
                if m.name not in self.participants:
                    best = (m.end, m.name or "", m.function)
                    break
            index -= 1
        for event in reversed(self.events):
            if event[1] in self.participants or self._other_gender(event[1], gender):
                continue
            if self.context.debate and event[1] and event[1] == self.context.default:
                # « Et je lui dis : « … ». … Et elle me répond : »: in a debate turn, « il » or
                # « elle » is never the deputy speaking, whose own words are events too
                continue
            if event[0] <= position and event[0] >= floor:
                if best is None or event[0] > best[0]:
                    best = event
                break
        if best is None:
            # nobody heads a clause yet: the person introduced with a civility or a function
            for m in reversed(self.mentions):
                if floor <= m.start and m.end <= position and m.titled and m.name:
                    if (m.body and not bodies) or self._other_gender(m.name, gender):
                        continue
                    return (m.name, m.function)
                if floor <= m.start and m.end <= position and m.function in AUTHORITY_FUNCTIONS:
                    return ("", m.function)  # « le Défenseur des droits … qu'il a faites »
            return None
        return (best[1], best[2]) if best[1] or best[2] else None

    def _presented(self, mention: Mention) -> bool:
        """« une phrase de quelqu'un …, puisqu'il s'agit de Pierre Lévy-Soussan. Dans l'un de
        ses articles, il écrit : »: a person a presentative names (« il s'agit de », « c'est »,
        « voici ») is the one talked about, in focus for the pronoun that follows."""
        if mention.name is None or mention.body:
            return False
        before = self.text[max(0, mention.start - 24) : mention.start]
        return _PRESENTATIVE.search(before) is not None

    def _other_gender(self, name: str | None, gender: str | None) -> bool:
        """Tell whether the text calls `name` by a civility of the other gender than the
        pronoun's (« Ma remarque à l'égard de Mme Touraine ne lui plaît pas et il
        commente : » is not Mme Touraine)."""
        if not name or gender is None:
            return False
        if name not in self.genders:
            found = None
            for m in self.mentions:
                if m.name == name and (c := _CIVILITY.match(self.text, m.start)) is not None:
                    found = "f" if c.group("f") else "m"
                    break
            self.genders[name] = found
        return self.genders[name] not in (None, gender)

    def _heads_relative(self, mention: Mention) -> bool:
        """« l'appel de Nicolas BEDOS, l'acteur-réalisateur, qui a fait … il dit », « une charge
        de Me Colin, avocat de Raphaël Halet, contre le procureur ; il souligne »: a person
        after a preposition who heads a relative clause (or an apposition, then a clause of his
        own) is talked about, in focus for the pronoun that follows."""
        if mention.name is None or mention.body:
            return False
        if _RELATIVE_AFTER.match(self.text, mention.end) is not None:
            return True
        if self.context.debate and (aside := _ASIDE_AFTER.match(self.text, mention.end)):
            # « Je ferai référence à Sylviane Agacinski (Exclamations sur les bancs du groupe
            # SRC.) , qui n'a pas été très présente … »: the record's stage direction between
            if _RELATIVE_AFTER.match(self.text, aside.end()) is not None:
                return True
        # « une charge de Me Colin, avocat de Raphaël Halet, contre le procureur ; il souligne »:
        # a function in apposition, closed by a comma, tells who the clause is about
        return mention.function is not None and (
            _APPOSED_FUNCTION_CLOSED.match(self.text, mention.end) is not None
        )

    def _who(self, mention: Mention) -> Attribution:
        function = mention.function or (
            self.context.functions.get(mention.name) if mention.name else None
        )
        return Attribution(mention.name, function, None, "explicit")

    def _pronoun(self, position: int, cue: str, floor: int) -> Attribution:
        feminine = re.search(r"\belles?\b", cue, re.IGNORECASE) is not None
        if re.search(r"\b(?:ils|eux)\b|-ils\b", cue, re.IGNORECASE):
            # « nos pêcheurs … ils diraient « … » »: a group, never one person in focus
            return Attribution(None, None, cue, "pronoun")
        if re.search(r"-t?-?on\b", cue, re.IGNORECASE) and not re.search(
            r"\b(?:il|elle)\b", cue, re.IGNORECASE
        ):
            # « « Faites ce qu'il vous plaît », dit-on »: a saying, nobody's in focus
            return Attribution(None, None, cue, "pronoun")
        personal = re.search(r"\b(?:il|elle|le|la|lui)\b", cue, re.IGNORECASE) is not None
        masculine = re.search(r"\b(?:il|lui)\b", cue, re.IGNORECASE) is not None
        gender = "f" if feminine else "m" if masculine else None
        focus = self._focus(position, floor, feminine, personal, gender)
        for previous in self._previous_turns(position) if focus is None else ():
            # « LEA SALAME Il dit même : « … » »: « il » is no one in the dialogue, but the
            # person a turn just before named (« Simon COOPER qui est un éditorialiste … »)
            focus = self._focus(position, previous.body, feminine, personal, gender)
            if focus is not None:
                break
        subject = re.search(r"(?<![\w'’])(?:il|elle)\b|-(?:t-)?(?:il|elle)\b", cue, re.I)
        if (focus is None or not focus[0]) and self.context.debate and subject:
            # (a function in focus, « Madame la garde des Sceaux, vous avez eu plaisir à nous
            # citer … René Char. Il disait aussi », yields to a person named after it)
            focus = self._named_just_before(position, floor, gender) or focus
        if focus is None:
            return Attribution(None, None, cue, "pronoun")
        name, function = focus
        function = function or (self.context.functions.get(name) if name else None)
        return Attribution(name or None, function, cue, "pronoun")

    def _named_just_before(
        self, position: int, floor: int, gender: str | None = None
    ) -> tuple[str, str | None] | None:
        """In a debate turn, the one person « il » or « elle » can stand for when nobody heads
        a clause: the last person named in that sentence or the one before, whatever his
        place (« vous avez eu plaisir à nous citer … René Char. Il disait aussi « … » », « J'en
        reviens au juge Rosenczveig et à ce qu'il dit »), or a body heading a clause there
        (« Le Conseil d'État nous donne raison puisqu'il écrit : »)."""
        sentence = self._sentence_start(position)
        paragraph = max(floor, self._paragraph_start(position))
        start = max(paragraph, self._sentence_start(sentence - 1) if sentence > 0 else 0)
        for m in reversed(self._mentions_in(start, position)):
            if m.name is None and m.function:
                return None  # a function named last: the one « il » stands for
            if not m.name or m.name in self.participants or self._reported(m):
                continue
            if self._other_gender(m.name, gender):
                continue  # « … Mme Touraine ne lui plaît pas et il commente : »
            if m.body and not (m.subject and m.start >= sentence):
                continue
            return (m.name, m.function)
        if paragraph > floor and not any(
            m.name or m.function for m in self._mentions_in(paragraph, position)
        ):
            # « … rendre hommage à une grande voix républicaine …, celle de Philippe Séguin.
            # (Applaudissements …)⏎⏎Le 5 mai 1992, …, il était monté à cette même tribune et
            # avait déclaré : »: a paragraph naming no one before the pronoun goes on about the
            # person the last sentence of the paragraph before names last
            end = paragraph
            while (aside := re.search(r"\([^()\n]{0,200}\)\s*$", self.text[floor:end])) is not None:
                end = floor + aside.start()
            end = len(self.text[:end].rstrip())
            last = max(floor, self._sentence_start(end - 1))
            for m in reversed(self._mentions_in(last, end)):
                if m.name is None and m.function:
                    return None
                if not m.name or m.body or m.name in self.participants or self._reported(m):
                    continue
                return None if self._other_gender(m.name, gender) else (m.name, m.function)
        return None

    def _previous_turns(self, position: int, back: int = 3) -> list[Turn]:
        """Return the (at most `back`) turns before the one holding `position`, nearest first."""
        turns = self.context.turns
        index = bisect_right([t.start for t in turns], position) - 1
        if index < 1 or position >= turns[index].end:
            return []
        return turns[max(0, index - back) : index][::-1]

    def _echo(self, span: Span, turn: Turn) -> Attribution | None:
        """« OLIVIER DUSSOPT Mais non. JEAN-JACQUES BOURDIN Comment « mais non » ? »: words an
        interviewer takes up, with no cue, from the guest's turn just before: the guest's."""
        previous = self._previous_turns(span.open, back=1)
        asking = set(self.context.interviewers)
        if (
            not previous
            or previous[0].name == turn.name
            or (turn.name and turn.name not in asking)  # an interviewer takes the words up
            or not previous[0].name  # from the guest
            or previous[0].name in asking
        ):
            return None
        words = _FOLDED_WORD.findall(self.text[span.start : span.end].casefold())
        # the words said plainly there, not a term quoted there too (« le « pas de vague » »)
        said = _QUOTED.sub(" ¤ ", self.text[previous[0].body : previous[0].end])
        before = _FOLDED_WORD.findall(said.casefold())
        if not words or len(words) > len(before):
            return None
        if not any(
            before[i : i + len(words)] == words for i in range(len(before) - len(words) + 1)
        ):
            return None
        name = previous[0].name
        return Attribution(name, self.context.functions.get(name), "reprise", "explicit")

    def _announced(self, span: Span, turn: Turn) -> Attribution | None:
        """« ALBA VENTURA Alors hier, le Premier ministre a cité un juriste italien …, Cesare
        BECCARIA. ERIC DUPOND-MORETTI Oui, madame. ALBA VENTURA « L'important dans une peine
        … » »: an interviewer's turn opening on words no cue gives to anyone, right after the
        guest's short reply (no words in marks) to that interviewer's turn ending on a person
        it names in a sentence of speech or citation (« a cité …, Cesare BECCARIA. », « Laurent
        BERGER ce matin dit… »): the words of the person announced, cut off by the reply."""
        asking = set(self.context.interviewers)
        if (turn.name and turn.name not in asking) or self.text[turn.body : span.open].strip():
            return None
        previous = self._previous_turns(span.open, back=2)
        if len(previous) < 2 or previous[1].name != turn.name:
            return None
        reply, asked = previous
        if not reply.name or reply.name in asking or reply.name == turn.name:
            return None
        said = self.text[reply.body : reply.end]
        if len(_FOLDED_WORD.findall(said)) > 20 or _QUOTED.search(said) or "«" in said:
            return None
        end = len(self.text[: asked.end].rstrip())
        named = [m for m in self._mentions_in(asked.body, end) if m.name or m.function]
        if not named or not named[-1].name or named[-1].body:
            return None
        last = named[-1]
        if last.name in self.participants or not _ANNOUNCED_END.fullmatch(self.text, last.end, end):
            return None
        sentence = self.text[self._sentence_start(last.start) : end]
        if not (_VERB.search(sentence) or _CITED.search(sentence)):
            return None
        name = last.name  # (not the mention's function: « le Premier ministre a cité … »)
        return Attribution(name, self.context.functions.get(name), "annoncé", "explicit")

    def _name_after(self, position: int) -> str | None:
        """Return a capitalised name right at `position` (« comme l'écrivait Montesquieu »)."""
        if (famous := _FAMOUS_NAME.match(self.text, position)) is not None:
            return _FAMOUS[famous.group().casefold()]
        m = _CAPITALISED.match(self.text, position)
        if m is None or m.group().lower() in ("le", "la", "les", "l"):
            return None
        if m.group().split()[0].casefold() in ("mme", "m", "mlle", "monsieur", "madame"):
            return None  # « les termes de Mme la garde des Sceaux »: a civility, no name
        if _WORK_COMPLEMENT.match(self.text, m.end()):
            # « L'Esprit des lois de Montesquieu »: the title of a work, then its author; « la
            # Déclaration des droits de l'homme »: a text, no one (« l'Appel des professionnels
            # de l'enfance », no text's name, stays a body's)
            if (by := _WORK_AUTHOR.match(self.text, m.end())) is not None:
                return self._name_after(by.end())
            if _TEXT_TITLE.fullmatch(m.group()):
                return None
        return canonical_name(m.group())

    def _author_at(self, position: int, stop: int) -> Attribution | None:
        """Return the person or body named right at `position` (after a title such as « le
        général »), as an explicit attribution without cue."""
        at = _AUTHOR_TITLE.match(self.text, position, stop)
        begin = at.end() if at else position
        found = self._mentions_in(position, stop)[:2]
        for index, m in enumerate(found):
            if position <= m.start <= begin + 1 and (m.name or m.function):
                if m.name and _FAMOUS_NAME.fullmatch(self.text[m.start : m.end]):
                    break
                after = found[index + 1] if index + 1 < len(found) else None
                office = m.body or (m.name is None and m.function in AUTHORITY_FUNCTIONS)
                if office and after is not None and after.name and not after.body:
                    # « les propos du Défenseur des droits, Dominique Baudis, »: the person
                    # holding the office, named in apposition
                    if re.fullmatch(r"\s*,\s*", self.text[m.end : after.start]):
                        attribution = self._who(after)
                        attribution.function = attribution.function or m.function
                        return attribution
                if m.name is None and after is not None and after.name:
                    # « du Premier ministre conservateur David Cameron »: the person so named
                    if re.fullmatch(r"[\s\w'’-]{0,30}", self.text[m.end : after.start]):
                        attribution = self._who(after)
                        attribution.function = attribution.function or m.function
                        return attribution
                return self._who(m)
        for m in found:
            # « selon les mots de son directeur général, Malik Benhaddou »: a function, then the
            # name in apposition
            if m.name and not m.body and _APPOSED_FUNCTION.fullmatch(self.text, position, m.start):
                return self._who(m)
        named = self._name_after(begin)
        return Attribution(named, None, None, "explicit") if named else None

    # Cues ----------------------------------------------------------------------------------
    def _right(self, span: Span, floor: int) -> Attribution | None:
        stop = min(self._paragraph_end(span.close), span.close + 160)
        right = self.text[span.close : stop]
        if (m := _RIGHT_INVERTED.match(right)) is not None:
            cue = m.group().strip(" ,;:–—-")
            return self._pronoun(span.close, cue, floor)
        if (m := _RIGHT_YOU_THAT.match(right)) is not None and self.context.turns:
            # « « … », c'est ce que vous avez déclaré hier au Journal du Dimanche »: an
            # interviewer gives the guest his own words back
            turn = turn_at(self.context.turns, span.open)
            asking = turn is not None and (not turn.name or turn.name in self.context.interviewers)
            if asking and (addressee := self._addressee(turn)) is not None:
                cue = " ".join(m.group().strip(" ,;:–—-").split())
                return Attribution(
                    addressee, self.context.functions.get(addressee), cue, "explicit"
                )
        if (m := _RIGHT_TEXT.match(right)) is not None:
            return Attribution(None, m.group("text"), m.group().strip(" ,;:"), "unknown")
        for pattern in (_RIGHT_SOURCE, _RIGHT_THAT, _RIGHT_IS_OF, _RIGHT_AUTHOR):
            if (m := pattern.match(right)) is not None:
                found = self._author_at(span.close + m.end(), stop)
                if found is not None:
                    found.cue = right[: m.end()].strip(" ,;:–—-")
                    return found
                if pattern is _RIGHT_AUTHOR and (
                    taken := self._taken_from(span.close + m.end(), stop)
                ):
                    # « », pour reprendre une expression que Mme Dumont … avait utilisée », « les
                    # propos tenus en commission … par notre collègue Barbara Pompili »
                    taken.cue = right[: m.end()].strip(" ,;:–—-")
                    return taken
                if pattern is _RIGHT_AUTHOR:  # « …, comme dit le proverbe »: nobody named
                    return Attribution(None, None, m.group().strip(" ,;:–—-"), "unknown")
        if (m := _RIGHT_VERB.match(right)) is not None:
            who = self._mentions_in(span.close + m.end(), span.close + m.end() + 80)
            glue = 12 if not who or not who[0].function else 60  # « a dit le maire de Nice X »
            if who and who[0].start - (span.close + m.end()) <= glue:
                attribution = self._who(who[0])
                attribution.cue = m.group("verb")
                return attribution
            at = span.close + m.end()
            for unnamed in self.context.mentions:
                # « « … », disait hier soir le chef de l'Etat »: a function nobody is named for,
                # after the verb and a time: that unnamed holder, not the one holding the floor
                if (
                    unnamed.anaphor
                    and unnamed.name is None
                    and unnamed.function
                    and at <= unnamed.start
                    and _WHEN.fullmatch(self.text, at, unnamed.start)
                ):
                    return Attribution(None, unnamed.function, m.group("verb"), "explicit")
            if (named := self._name_after(span.close + m.end())) is not None:
                return Attribution(named, None, m.group("verb"), "explicit")  # « écrivait Rostand »
        if (m := _RIGHT_SELON.match(right)) is not None:
            if m.group("pron"):
                return self._pronoun(span.close, m.group().strip(" ,;:–—-"), floor)
            who = self._mentions_in(span.close + m.end(), span.close + m.end() + 80)
            gap = self.text[span.close + m.end() : who[0].start] if who else ""
            if who and (len(gap) <= 3 or (who[0].titled and _TITLE_GAP.fullmatch(gap))):
                attribution = self._who(who[0])
                attribution.cue = m.group().strip(" ,;:–—-")
                return attribution
        before = self.text[max(0, span.open - 12) : span.open]
        if (m := _RIGHT_OF.match(right)) is not None and _DETERMINER_BEFORE.search(before):
            who = self._mentions_in(span.close + m.end(), span.close + m.end() + 60)
            if who and who[0].start == span.close + m.end() and who[0].name:
                attribution = self._who(who[0])  # « le « quoi qu'il en coûte » d'Emmanuel Macron »
                attribution.cue = right[: who[0].end - span.close].strip()
                return attribution
        if (m := _RIGHT_INTERVIEW.match(right)) is not None:
            # the person the interview is with, as the parenthesis names him
            who = self._mentions_in(span.close + m.start("who"), span.close + m.end("who"))
            if who and who[0].name and not who[0].body:
                attribution = self._who(who[0])
                attribution.cue = " ".join(m.group().strip(" ()").split()[:1])
                return attribution
        end = self._paragraph_end(span.close)
        if not self.text[span.close : end].strip(' .»"”') and end + 2 < len(self.text):
            # « … »⏎⏎— Julien Marchetti, dans un message lu…
            if (m := _SIGNATURE.match(self.text, end + 2)) is not None and m.end() > end + 2:
                who = self._mentions_in(m.end(), m.end() + 80)
                if who and who[0].start == m.end():
                    attribution = self._who(who[0])
                    attribution.cue = "signature"
                    return attribution
        return None

    def _text_aside(self, left_start: int, text_at: int) -> bool:
        """Tell whether a law or a code named before the words is only a complement of the
        clause of a person named before it (« Napoléon Bonaparte n'a-t-il pas dit, au moment
        de la rédaction de ce code : », « rappeler les propos du doyen Carbonnier sur la place
        du mariage dans la loi : »): his words, not the text's."""
        if not _PREPOSITION_BEFORE.search(self.text, max(left_start, text_at - 12), text_at):
            return False
        return any(
            m.name and not m.body and m.name not in self.participants
            for m in self._mentions_in(left_start, text_at)
        )

    def _speaks_of_text(self, left_start: int, text_at: int) -> bool:
        """Tell whether a text named before the words is only the object of what a person or
        a body heading the sentence says of it (« Le Conseil d'État souligne les failles de
        l'étude d'impact qui accompagne le projet de loi : »): the words are the speaker's
        (the subject, a verb of speech after it, then the text), not the text's."""
        heads = [
            m
            for m in self._mentions_in(left_start, text_at)
            if m.name and m.subject and m.name not in self.participants
        ]
        if not heads:
            return False
        head = heads[0]
        if not _HEAD_ARTICLE.fullmatch(self.text, left_start, head.start):
            return False  # the subject heads its sentence (its article before it)
        verb = _VERB.search(self.text, head.end, text_at)
        # (« Le groupe UMP souhaite compléter cet alinéa par les mots : »: a verb before an
        # infinitive, what the subject wants done to the text, whose words they are)
        return verb is not None and not _INFINITIVE_AFTER.match(self.text, verb.end())

    def _taken_from(self, position: int, stop: int) -> Attribution | None:
        """After « pour reprendre l'expression … », the one person the rest of the clause names
        (a relative or a participle between: « que Mme Dumont avait utilisée », « employée par
        notre collègue Assaf »); a function alone names nobody (« de Mme la garde des Sceaux »).
        """
        end = _CLAUSE_END.search(self.text, position, stop)
        end_at = end.start() if end else stop
        found = [m for m in self._mentions_in(position, end_at) if m.name or m.function]
        found = [m for m in found if m.name not in self.participants and not m.body]
        if not found:
            return None
        if found[0].name is None:
            return Attribution(None, found[0].function, None, "unknown")
        return self._who(found[0])

    def _speech_verb(self, left: str, left_start: int, span: Span) -> tuple[int, int, str] | None:
        """Return `(cue start, verb end, cue)` of the verb of speech introducing `span`.

        The last verb of speech before the quotation counts when it is close to it, or when
        `que` or a colon leads from it to the quotation.
        """
        verbs = list(_VERB.finditer(left))
        calling = _NAME_CALLING.search(left)
        if calling is not None and (not verbs or verbs[-1].start() < calling.start()):
            verb_at, verb_end = left_start + calling.start("verb"), left_start + calling.end("verb")
            return verb_at, verb_end, self.text[verb_at:verb_end]
        if not verbs:
            return None
        verb = verbs[-1]
        verb_at, verb_end = left_start + verb.start(), left_start + verb.end()
        between = self.text[verb_end : span.open]
        if len(between) > 60 and not re.search(r"\bqu['’e]|:", between):
            return None
        aux = _AUXILIARY.search(self.text[max(left_start, verb_at - 40) : verb_at])
        cue_start = verb_at - (len(aux.group()) if aux else 0)
        return cue_start, verb_end, self.text[cue_start:verb_end]

    def _cue_source(self, span: Span, left_start: int, floor: int) -> Attribution | None:
        """« selon X, », « pour lui, », « comme le disait X, », « ces mots de X : »: the last
        such cue before the quotation names its author (nobody, for famous words whose
        author the cue does not name)."""
        left = self.text[left_start : span.open]
        for m in reversed(list(_LEFT_CUE.finditer(left))):
            cue = " ".join(m.group("cue").split())
            rest_start = left_start + m.end("cue")
            rest = self.text[rest_start : span.open]
            author = not re.fullmatch(_SOURCE_CUE, cue, re.IGNORECASE)
            if (p := re.match(r"\s*,?\s*(lui|elle|eux|elles)\b", rest, re.IGNORECASE)) is not None:
                return self._pronoun(rest_start, f"{cue} {p.group(1)}".lower(), floor)
            relative = re.fullmatch(
                r"\s*(lequel|laquelle|lesquels|lesquelles|qui)\s*:?\s*", rest, re.I
            )
            if cue.lower() == "selon" and relative is not None:
                # « je citais René Char selon lequel « … » », « L'auteur cite ensuite Claude
                # Lévi-Strauss selon qui « … » »: the person the relative clause hangs on (a
                # text, « l'article 148 du code civil, selon lequel », is left to the rules of
                # texts)
                cue_at = left_start + m.start("cue")
                before = [x for x in self._mentions_in(left_start, cue_at) if x.name or x.function]
                if (
                    before
                    and before[-1].name
                    and not before[-1].body
                    and before[-1].name not in self.participants
                    and re.fullmatch(r"\s*,?\s*", self.text[before[-1].end : cue_at])
                ):
                    attribution = self._who(before[-1])
                    attribution.cue = f"selon {relative.group(1).lower()}"
                    return attribution
            if (
                not author
                and self.context.default
                and self.context.debate
                and re.match(r"\s*vous\b", rest, re.IGNORECASE)
                and (called := self._colleague_called(rest_start, span.open)) is not None
            ):
                # « selon vous, ma chère collègue, « … » »: the colleague named last
                attribution = self._who(called)
                attribution.cue = f"{cue} vous"
                return attribution
            if cue.lower() == "pour" and re.match(r"\s*qui\b", rest):
                # « Me Hansen, représentant la partie civile PwC, pour qui … « … » »: the
                # person the relative clause hangs on
                cue_at = left_start + m.start("cue")
                before = [
                    x
                    for x in self._mentions_in(left_start, cue_at)
                    if x.name and not x.body and x.name not in self.participants
                ]
                if before and _APPOSITION_GAP.fullmatch(self.text, before[-1].end, cue_at):
                    attribution = self._who(before[-1])
                    attribution.cue = "pour qui"
                    return attribution
            if re.search(r"\s(?:le|la|les)\s+cite", cue, re.IGNORECASE):
                # « je voudrais revenir sur les propos de Patrick Bloche. Je le cite : »: the
                # person named last before, whatever their place in the sentence
                cue_at = left_start + m.start("cue")
                start = max(floor, self._paragraph_start(cue_at), cue_at - 300)
                named = [
                    x
                    for x in self._mentions_in(start, cue_at)
                    if x.name and not x.body and x.name not in self.participants
                ]
                if named and not re.search(r"\sles\s", cue, re.IGNORECASE):
                    attribution = self._who(named[-1])
                    attribution.cue = cue
                    return attribution
                return self._pronoun(cue_at, cue, floor)  # « je la cite »
            skip = len(rest) - len(rest.lstrip(" ,:\t"))
            found = self._author_at(rest_start + skip, span.open)
            if found is not None:
                named_end = self._name_end(rest_start + skip, span.open)
                if cue.lower() == "pour" and self.text[named_end:].lstrip(" ")[:1] != ",":
                    continue  # "respecté pour Antoine qui a agi": no source, an object
                found.cue = f"{cue} {self.text[rest_start + skip : named_end].strip()}".strip()
                return found
            if author:
                if re.match(r"(?:je|nous)\s+cite|citant", cue, re.IGNORECASE):
                    continue  # « Elisabeth BORNE … a dit je cite « … » »: the verb's subject
                if cue.lower().startswith("comme"):
                    # « comme dit le proverbe », « comme l'a tourné en dérision le rapporteur »
                    function = _FUNCTION_NP.match(self.text, rest_start + skip, span.open)
                    return Attribution(
                        None, function.group("fn") if function else None, cue, "unknown"
                    )
        return None

    def _name_end(self, position: int, stop: int) -> int:
        """Return where the name (or title and name) at `position` ends."""
        at = _AUTHOR_TITLE.match(self.text, position, stop)
        begin = at.end() if at else position
        for m in self._mentions_in(position, stop)[:2]:
            if position <= m.start <= begin + 1:
                return m.end
        if (famous := _FAMOUS_NAME.match(self.text, begin)) is not None:
            return famous.end()
        m = _CAPITALISED.match(self.text, begin)
        return m.end() if m else begin

    def _you(self, turn: Turn, cue: str, verb_end: int, span: Span) -> Attribution | None:
        """« vous avez dit « … » », « vous le dites dans ce livre, « … » »: the words of the
        guest addressed; « vous dites : « … » ? » puts words to the guest in a question: the
        asker's own. An interviewer's « vous dites « … » » in the present, the words right after
        the verb, gives the guest's words when the guest said them earlier in the text, else
        sums the guest up in the asker's own words (« Mais vous dites « c'est provisoire », on
        a envie de savoir »)."""
        after = self.text[span.close : span.close + 4]
        between = self.text[verb_end : span.open].strip()
        past = _YOU_PAST.search(cue) is not None
        asking = not turn.name or turn.name in self.context.interviewers
        if (
            not past
            and between in ("", ":")
            and (
                "?" in after
                or (asking and _YOU_SAY.search(cue) and not self._said_before(span, turn))
            )
        ):
            if not turn.name:
                return Attribution(None, "journaliste", f"vous {cue}", "explicit")
            return Attribution(
                turn.name, self.context.functions.get(turn.name), f"vous {cue}", "explicit"
            )
        addressee = self._addressee(turn)
        if addressee is None:
            return None
        return Attribution(
            addressee, self.context.functions.get(addressee), f"vous {cue}", "explicit"
        )

    def _said_before(self, span: Span, turn: Turn) -> bool:
        """Tell whether the words of `span` were said before the turn holding them: a run of
        consecutive words covering four fifths of them (at least two) stands in the text
        before, whatever the case and punctuation."""
        words = _FOLDED_WORD.findall(self.text[span.start : span.end].casefold())
        if len(words) < 2:
            return False
        before = " " + " ".join(_FOLDED_WORD.findall(self.text[: turn.start].casefold())) + " "
        size = max(2, -(-4 * len(words) // 5))  # ceil(0.8 n)
        return any(
            f" {' '.join(words[i : i + size])} " in before for i in range(len(words) - size + 1)
        )

    def _addressee(self, turn: Turn) -> str | None:
        """Return the guest a turn says « vous » to: the last other guest who spoke before
        it (a debate between two guests), else the first guest."""
        interviewers = set(self.context.interviewers)
        for previous in reversed(self.context.turns):
            if previous.start >= turn.start:
                continue
            if previous.name and previous.name != turn.name and previous.name not in interviewers:
                return previous.name
        guests = [n for n in self.context.interviewees if n != turn.name]
        return guests[0] if guests else None

    def _left(
        self, span: Span, left_start: int, floor: int, turn: Turn | None
    ) -> Attribution | None:
        left = self.text[left_start : span.open]
        if (found := self._cue_source(span, left_start, floor)) is not None:
            return found
        if (found := self._words_of(span, left_start)) is not None:
            return found
        if _THOSE_WORDS.search(left):
            # "ces propos, « … »": the words of the last person named before
            named = [m for m in self._mentions_in(floor, span.open) if m.name or m.function]
            named = [m for m in named if m.name not in self.participants]
            cue = _THOSE_WORDS.search(left).group().strip(" ,:")
            if named:
                attribution = self._who(named[-1])
                attribution.cue = cue
                return attribution
            if "suivant" in cue:  # « l'un des députés uruguayens tient le propos suivant : »
                return Attribution(None, None, cue, "unknown")
        if not left.strip():
            # « Que dit M. Chevènement ? « … » »: the person the question before names
            asked = _ASKED_WHO.search(self.text, max(floor, span.open - 160), span.open)
            if asked is not None:
                named = self._mentions_in(asked.start("rest"), asked.end("rest"))
                named = [m for m in named if m.name and m.name not in self.participants]
                if named:
                    attribution = self._who(named[0])
                    attribution.cue = " ".join(asked.group("cue").split())
                    return attribution
                # « Que disait donc Jaurès, en 1912, au congrès … ? « … » »: one capitalised
                # word no mention holds, an author named by his surname
                rest = _ADVERBS.match(self.text, asked.start("rest"))
                lone = self._name_after(rest.end()) if rest else None
                if lone and lone.casefold() not in _NOT_LONE_NAMES:
                    cue = " ".join(asked.group("cue").split())
                    return Attribution(lone, None, cue, "explicit")
            asked = _ASKED_PRONOUN.search(self.text, max(floor, span.open - 60), span.open)
            if asked is not None:
                # « … d'Estelle Aubriot, qui … est venue expliquer son expérience … Que nous
                # dit-elle ? « … » »: the person the pronoun stands for
                cue = f"{asked.group('pron').lower()} {asked.group('cue')}"
                found = self._pronoun(asked.start("pron"), cue, floor)
                if found.speaker:
                    return found
        if (cited := _CITED_AUTHOR.search(left)) is not None:
            # « puis-je rappeler Renan : « … » », « je citerai Montesquieu : « … » »
            found = self._author_at(left_start + cited.start("who"), span.open)
            if found is not None and found.speaker and found.speaker not in self.participants:
                if found.speaker.casefold() not in _NOT_LONE_NAMES:
                    found.cue = " ".join(cited.group().strip(" :").split())
                    return found
        if (read := _READ_AUTHOR.search(left)) is not None:
            # « Cher collègue, relisez donc Talleyrand : « … » »: the author one is told to read
            found = self._author_at(left_start + read.start("who"), span.open)
            if found is not None and found.speaker not in self.participants:
                found.cue = " ".join(read.group("verb").split())
                return found
        if self.context.debate and (from_it := _READ_FROM_IT.search(left)) is not None:
            # « un excellent texte … de Mme Jospin – Mme Agacinski – intitulé « … ». Je me
            # permets de vous en lire un petit passage, vers la fin : », « L'auteur de cet
            # article, un dénommé Le Guay … Son propos est extrêmement intéressant, et je vous
            # en livre quelques extraits : »: passages of the text whose author was named last
            who = self._named_just_before(left_start + from_it.start(), floor)
            if who is not None and who[0]:
                return Attribution(who[0], who[1], "en lire", "explicit")
        if (this := _THIS_TEXT.match(left)) is not None and (
            found := self._this_text(this.group("noun"), left_start, floor)
        ) is not None:
            return found
        if (read_here := _READ_HERE.search(left)) is not None and (
            found := self._work_read(span, floor, read_here.group())
        ) is not None:
            return found
        if (reading := _READING.search(left)) is not None:
            # a text read out: its author when named after it, else nobody known
            rest = left_start + reading.start("rest")
            named = [m for m in self._mentions_in(rest, span.open) if m.name or m.function]
            named = [m for m in named if m.name not in self.participants]
            cue = " ".join(reading.group().split()[:3])
            if named:
                attribution = self._who(named[0])
                attribution.cue = cue
                return attribution
            return Attribution(None, None, cue, "unknown")
        if (
            (text_source := _TEXT_SOURCE.search(left)) is not None
            and not self._text_aside(left_start, left_start + text_source.start())
            and not self._speaks_of_text(left_start, left_start + text_source.start())
        ):
            # « l'article L. 211-1 parle de « … » »: a text's words, no person's
            function = re.match(
                r"[^,;:]+?(?=\s+(?:parle|prévoit|dispose|stipule|dit|précise"
                r"|indique|énonce|serait|sera|est)\b|\s*,\s*qui\b|$)",
                text_source.group(),
            )
            return Attribution(None, function.group() if function else None, "texte", "unknown")
        if (rules := _TEXT_RULES.search(left)) is not None and not any(
            m.name for m in self._mentions_in(left_start + rules.end("verb"), span.open)
        ):
            return Attribution(None, None, "texte", "unknown")
        if (clip := _CLIP.search(left)) is not None:
            # « On va écouter le député … Guillaume Larrivé qui était à votre place hier : »
            heard = self._mentions_in(left_start + clip.end(), span.open)
            heard = [m for m in heard if m.name and not m.body]
            if heard:
                attribution = self._who(heard[0])
                attribution.cue = clip.group().strip()
                return attribution
            if clip.group("pron") or clip.group("pron2"):
                found = self._pronoun(left_start + clip.start(), clip.group().strip(), floor)
                if found.speaker:
                    return found
        if not left.strip() and turn is not None and turn.name in self.context.interviewers:
            if (found := self._previous_sentence(span, left_start, floor)) is not None:
                return found
        if _COINED.search(left):  # « ce que j'ai appelé le « nationalisme vaccinal » »
            owner = turn.name if turn is not None else self.context.default
            if owner:
                return Attribution(
                    owner, self.context.functions.get(owner), "j'ai appelé", "coined"
                )
        if (turn is not None or self.context.default) and (paraphrase := _PARAPHRASE.search(left)):
            # « M. Le Roux a … dit qu'il y avait discipline de vote, ce qui signifie en gros :
            # « Je vous intime d'être d'accord avec moi … » »: the words are not the verb's but
            # the speaker's own reformulation of them (CONVENTIONS rule 4)
            return Attribution(None, None, " ".join(paraphrase.group().split()[:3]), "lent")
        verb = self._speech_verb(left, left_start, span)
        if verb is not None:
            cue_start, verb_end, cue = verb
            near = self.text[max(left_start, cue_start - 30) : cue_start]
            if _IMPERSONAL.search(self.text, max(left_start, cue_start - 40), verb_end):
                # « Il nous a été dit " … ". C'était une critique du MEDEF et de la CPME »: a
                # passive with no agent names nobody
                return Attribution(None, None, cue, "unknown")
            if (
                _PASSIVE.match(cue)
                and not re.search(r"(?<![\w'’])par\s", self.text[verb_end : span.open])
                and not re.search(r"(?<![\w'’])(?:se|s['’])\s*$", self.text[:cue_start][-4:])
            ):  # (« qui se sont déclarées « … » » is no passive)
                # « La technique de transmission … est qualifiée de « système conspiratif » »:
                # a passive with no agent names no one (« … par le juge » would)
                return Attribution(None, None, cue, "unknown")
            led = _LED_TO_SAY.search(self.text, max(left_start, cue_start - 140), verb_end)
            if led is not None:
                # « monsieur Le Fur, qui vous a amené … à dire : « … » »: the colleague called
                called = [
                    m
                    for m in self._mentions_in(max(left_start, led.start() - 60), led.start() + 1)
                    if m.name and not m.body and m.end == led.start()
                ]
                if called and called[-1].name not in self.participants:
                    attribution = self._who(called[-1])
                    attribution.cue = "qui vous a amené à dire"
                    return attribution
                civil = _CALLED_BEFORE.search(self.text, max(0, led.start() - 60), led.start())
                if civil is not None and (who := canonical_name(civil.group("who"))):
                    if who not in self.participants:
                        return Attribution(
                            who,
                            self.context.functions.get(who),
                            "qui vous a amené à dire",
                            "explicit",
                        )
            if (
                (turn is not None or self.context.default)
                and _LENT_INFINITIVE.search(self.text, max(left_start, cue_start - 80), verb_end)
                and not re.match(r"\s*qu(?:e\s|['’])", self.text[verb_end : span.open])
            ):  # (« amènera l'officier d'état civil à dire que « … » »: the law he reads)
                # « Faire la loi, ça ne consiste pas à dire : « on verra » »: the speaker's
                return Attribution(None, None, cue, "lent")
            if (turn is not None or self.context.default) and _MODAL.search(near):
                # « c'est le seul sujet sur lequel Boris Johnson peut dire “J'ai gagné” », « les
                # pays de l'Est vont vous dire "…" »: words imagined for someone, the speaker's
                return Attribution(None, None, cue, "lent")
            if (
                self.context.debate
                and _IMAGINING.search(near)
                and not re.match(r"\s*qu(?:e\s|['’])", self.text[verb_end : span.open])
                and not any(
                    m.name and not m.body for m in self._mentions_in(cue_start - 30, verb_end)
                )
            ):
                # « beaucoup d'entre vous viendront me dire : « Oui, c'est une avancée » », « on
                # vienne nous dire : », « leurs enfants espèrent pouvoir bientôt dire à
                # l'école : », « doivent se demander : », « Il faudrait dire : », « c'est leur
                # dire : »: words a debater imagines for others, his own (CONVENTIONS rule 4)
                return Attribution(None, None, cue, "lent")
            inverted = _INVERTED_PRONOUN.match(self.text, verb_end)
            if inverted:  # "« … », dit-il, « … »"
                return self._pronoun(cue_start, f"{cue}{inverted.group()}", floor)
            you = _YOU.search(near)
            near_start = max(left_start, cue_start - 30)
            if you and not _SECOND_PERSON.search(self.text[near_start + you.end() : verb_end]):
                you = None  # « les pays de l'Est vont vous dire »: « vous » is the object
            if you is None and turn is None:
                you = _INVERTED_YOU.search(near)  # « Aussi, aviez-vous lancé … “ … ” »
            talking = self.context.interviewees or len(self.participants) > 1
            after_you = self.text[cue_start - len(near) + you.end() : span.open] if you else ""
            if turn is not None and you and talking and not _NEGATION.search(after_you):
                if (found := self._you(turn, cue, verb_end, span)) is not None:
                    return found
            if turn is None and you and self.context.default and not _NEGATION.search(after_you):
                # a speech or a debate turn: « Vous écrivez … dans votre rapport : « … » »
                # quotes the person addressed, whom the turn does not name, unless the sentence
                # calls them (« Monsieur Wauquiez, vous avez dit : « … » »)
                called = self._vocative(cue_start - len(near) + you.start())
                if called is not None:
                    attribution = self._who(called)
                    attribution.cue = f"vous {cue}"
                    # « Monsieur MACRON » in the President's speech: the full name known
                    known = [self.context.default or "", *self.context.functions]
                    full = [n for n in known if n.casefold().endswith(f" {called.name.casefold()}")]
                    if " " not in called.name and full:
                        attribution.speaker = full[0]
                        attribution.function = self.context.functions.get(full[0])
                    return attribution
                return Attribution(None, None, f"vous {cue}", "unknown")
            if _CAUSATIVE.search(self.text, max(left_start, cue_start - 12), cue_start):
                # « La question d'un avocat … a fait réagir le procureur d'État qui a invité le
                # tribunal « … » »: the one made to speak, right after the verb
                made = [  # a function standing alone too (« le procureur d'État »)
                    m
                    for m in self.context.mentions
                    if (m.name or m.function)
                    and 0 <= m.start - verb_end <= 20
                    and m.end <= span.open
                ]
                if made:
                    causative = f"fait {cue}"
                    if made[0].name is None:  # a function nobody the text names holds
                        return Attribution(None, made[0].function, causative, "explicit")
                    attribution = self._who(made[0])
                    attribution.cue = causative
                    return attribution
            # « Eric Woerth qui vous dit « … » », « Gilles Legendre, qui est de vos rangs,
            # qui lui-même disait « … » »: the person heading the relative clause
            for m in reversed(self._mentions_in(max(left_start, cue_start - 120), cue_start)):
                if (m.name or m.function) and _WHO_CLAUSE.match(self.text, m.end, cue_start):
                    if m.name not in self.participants:
                        attribution = self._who(m)
                        attribution.cue = cue
                        return attribution
                    break
            # « quand vous entendez Laurent BERGER mercredi dire « … » »: a person right before an
            # infinitive; « disait dire Alexis BREZET, « … » »: a person right after the verb
            around = [
                m
                for m in self._mentions_in(max(left_start, cue_start - 40), span.open)
                if (m.name or (m.function and not m.anaphor)) and m.name not in self.participants
            ]
            for m in around:
                glued = (
                    m.end <= cue_start
                    and not m.body
                    and re.fullmatch(r"[\s\w'’]{0,20}", self.text[m.end : cue_start])
                    and re.search(r"(?:dire|er|disant)$", cue)
                )  # « j'entends X disant : »
                # « …, écrit la Cour de cassation, « … » »: a body too, after its article
                between = r"\s*(?:(?:la|le|les)\s+|l['’]\s*)?" if m.body else r"\s*"
                inverted = (
                    m.start >= verb_end
                    and re.fullmatch(between, self.text[verb_end : m.start])
                    and re.fullmatch(r"\s*,?\s*:?\s*", self.text[m.end : span.open])
                )
                if glued or inverted:
                    attribution = self._who(m)
                    attribution.cue = cue
                    return attribution
            if (subject := self._right_before(left_start, cue_start)) is not None:
                # « quand Emmanuel MACRON dit « … » », « La ministre Elisabeth MORENO dit : »:
                # a name right before the verb is its subject, whatever the words before it
                # (a conjunction, an article and a function) and however it is written
                attribution = self._who(subject)
                attribution.cue = cue
                return attribution
            office = _OFFICE_BEFORE.search(self.text, max(left_start, cue_start - 120), cue_start)
            if office is not None:
                # « Mme la garde des Sceaux nous dit : « … » », « M. le ministre a dit : »: the
                # office holder addressed by their function in a debate, whom the words name not
                return Attribution(None, " ".join(office.group("fn").split()), cue, "explicit")
            if not cue.endswith("ant") and (lone := self._lone_name_before(left_start, cue_start)):
                # « quand Erdogan lui dit « … » », « Vous savez que BRIDGESTONE a dit « … » »,
                # « … d'Espagne Zapatero l'a dit : »: one capitalised word, no article before
                # it, right before the verb: a person or a body by its name
                return Attribution(lone, None, cue, "explicit")
            if (latter := _LATTER.search(near)) is not None:
                # « Le président Erdogan a traité … Emmanuel Macron d'« … » alors que ce dernier
                # avait estimé … « … » »: the person named last, not the one in focus
                at = cue_start - len(near) + latter.start()
                named = [m for m in self._mentions_in(floor, at) if m.name and not m.body]
                if named and _A_TEXT.search(self.text, named[-1].end, at):
                    # « … l'article 5 de la Convention de Vienne … : celui-ci précise que « … » »:
                    # a text named after the person stands for « celui-ci », nobody's words
                    return Attribution(None, None, cue, "unknown")
                if named:
                    attribution = self._who(named[-1])
                    attribution.cue = f"{latter.group().strip().lower()} {cue}"
                    return attribution
            pronoun = [
                p
                for p in _SUBJECT_PRONOUN.finditer(near)
                if " qui " not in near[p.end() :]
                # « Je lui ai rappelé ce que j'avais dit »: « lui » after a subject is its object
                and not _SUBJECT_BEFORE.search(
                    self.text,
                    max(0, cue_start - len(near) + p.start() - 8),
                    cue_start - len(near) + p.start(),
                )
            ]
            if pronoun:
                p = pronoun[-1]
                at = cue_start - len(near) + p.start()
                return self._pronoun(at, f"{p.group(1).lower()} {cue}", floor)
            heard = _HEARD_HIM.search(self.text, max(left_start, cue_start - 40), cue_start)
            if heard is not None and self.context.debate:
                # « je voudrais dire à M. de Rugy qu'il est mal placé … Tout à l'heure, … je l'ai
                # entendu dire : « … » »: the person the object pronoun stands for, named last
                gender = "f" if heard.group("pron").lower() == "la" else None
                who = self._named_just_before(heard.start("pron"), floor, gender)
                if who is not None and who[0]:
                    return Attribution(who[0], who[1], f"entendu {cue}", "pronoun")
            if (joined := _JOINED_TO_PRONOUN.search(self.text, left_start, cue_start)) is not None:
                # « c'était la nuit tragique de Furiani, il était monté à cette même tribune et
                # avait déclaré : « … » »: a verb joined by « et » to a clause whose subject is
                # « il » or « elle » has that subject
                at = joined.start("pron")
                return self._pronoun(at, f"{joined.group('pron').lower()} … et {cue}", floor)
            heads = [
                m
                for m in self._mentions_in(left_start, cue_start)
                if m.subject and self._heads_up_to(m, cue_start)
            ]
            if heads:
                if self._joint(heads[0], cue_start):
                    return Attribution(None, None, cue, "unknown")  # « Me X et Me Y appellent »
                if _PLURAL_VERB.match(cue):
                    # « l'UMIH, le GNI, les entreprises du voyage ont dit : »: a plural verb,
                    # no one of those named alone
                    return Attribution(None, None, cue, "unknown")
                attribution = self._who(self._apposed_name(heads[0], heads[1:]))
                attribution.cue = cue
                return attribution
            for m in self.unnamed:
                if left_start <= m.start and m.end <= cue_start and cue_start - m.end <= 60:
                    return Attribution(None, m.function, cue, "explicit")
            if _GERUND.search(self.text, max(left_start, cue_start - 12), verb_end):
                # « il poursuit son article … en disant : « … » »: the gerund's subject is the
                # sentence's, a pronoun opening it
                opening = _OPENING_PRONOUN.match(self.text, left_start, cue_start)
                if opening is not None:
                    at = opening.start("pron")
                    return self._pronoun(at, f"{opening.group('pron').lower()} {cue}", floor)
            if cue.endswith("ant"):
                # « Et d'ailleurs M. Johnson, qui …, a lui-même … enfourché ce cheval de
                # bataille … en disant « … » »: the sentence's subject, however far; « l'image
                # de Donald TRUMP regagnant la Maison-Blanche, enlevant son masque, … et
                # disant aux Américains « … » »: the person a chain of participles follows
                for m in self._mentions_in(left_start, cue_start):
                    if (
                        m.name
                        and not m.body
                        and m.name not in self.participants
                        and (m.subject or _PARTICIPLE_AFTER.match(self.text, m.end))
                    ):
                        attribution = self._who(m)
                        attribution.cue = cue
                        return attribution
            collective = _COLLECTIVE.search(self.text, max(left_start, cue_start - 160), cue_start)
            if collective is not None and re.match(r"(?:ont|avaient|eurent)\s", cue):
                # « les tribunaux ont dit « … » », « tous les pays … ont dit … : « … » », « des
                # décisions administratives qui ont dit : « … » »: institutions, States, a
                # people, what they did say; not « des gens qui disent », nor « vous avez des
                # pays qui disent « … » », an example the speaker lends words to
                return Attribution(None, None, cue, "unknown")
            if turn is not None or self.context.default:
                # "j'ai dit", "tout le monde dit", « on dirait »: the turn's or speech's speaker
                # lends the words; « La même personne ajoute : », « l'étude d'impact
                # indiquait : »: a third party the rules cannot name (the speaker's all the same
                # outside a debate, see `attribute`)
                clause = self.text[max(left_start, cue_start - 60) : cue_start]
                # (« J'en rappelle le contenu : », « je cite » read a text out: not the speaker's)
                reading = re.search(r"(?<![\w-])(?:rappel|cit)\w*$", cue, re.IGNORECASE)
                lent = (
                    (_LENDING_SUBJECT.search(clause) and not reading)
                    or _IMAGINED.search(cue)
                    # « il faudra bien que ces femmes … disent : », « Quand elles vont venir
                    # devant vous en disant : »: a clause in the future, words imagined
                    or _FUTURE_CLAUSE.search(self.text, self._sentence_start(cue_start), cue_start)
                )
                return Attribution(None, None, cue, "lent" if lent else "unnamed")
            clause = self.text[left_start:cue_start]
            if _GENERIC.search(clause[-40:]) or _FIRST_PERSON.search(clause):
                return Attribution(None, None, cue, "explicit")
            return self._pronoun(cue_start, cue, floor)  # "malgré avoir concédé « … »"
        # No verb of speech: the person heading the sentence ("Me Bourdon se lève « … »"),
        # not a body (« la Cour d'appel retient … les « tax rulings » »).
        # A participant named in a transcript is addressed (« Jean-Baptiste Lemoyne, le « stop
        # and go » … ? »), not the subject.
        # A body heads a clause of its own words (« la Commission européenne cherche … à
        # permettre … « en réduisant les ratios élevés de dette publique … » »), not a term
        # (« la Cour d'appel retient … les « tax rulings » »); nobody heads from inside a
        # parenthesis (« (2001, Université d'Anvers) »).
        clause = _word_count(self.text[span.start : span.end]) >= 4
        heads = [
            m
            for m in self._mentions_in(left_start, span.open)
            if m.subject
            and (clause or not m.body)
            and m.name not in self.participants
            and not self._in_parenthesis(left_start, m.start)
            # « Antoine, qui n'est « … », se serait approprié … »: talked about in the
            # conditional of reported speech, not the one speaking
            and not (m.name and self._reported(m))
        ]
        if heads:
            if self._joint(heads[0], span.open):
                return Attribution(None, None, "sujet", "unknown")
            attribution = self._who(heads[0])
            attribution.strength = "subject"
            attribution.cue = "sujet"
            return attribution
        start_words = self.text[left_start : span.open]
        p = _SUBJECT_PRONOUN.search(start_words[:40])
        if p and p.group(1).lower() in ("il", "elle", "ils", "elles"):
            return self._pronoun(left_start + p.start(), p.group(1).lower(), floor)
        return None

    def _right_before(self, left_start: int, cue_start: int) -> Mention | None:
        """Return the person named right before a verb of speech (nothing but spaces between),
        who is its subject: not a function alone, not a body."""
        found = self._mentions_in(max(left_start, cue_start - 80), cue_start)
        if not found or not _OBJECT_CLITICS.fullmatch(self.text, found[-1].end, cue_start):
            return None
        m, start = found[-1], found[-1].start
        for previous in reversed(found[:-1]):  # « Avocat » « Général »: one name, two mentions
            if previous.name != m.name or self.text[previous.end : start].strip():
                break
            start = previous.start
        if _COMPLEMENT_BEFORE.search(self.text[max(0, start - 12) : start].lower()):
            return None  # « L'avocat d'Édouard Perrin annonce », « l'Avocat Général affirme »
        return m if m.name and not m.body else None

    def _lone_name_before(self, left_start: int, cue_start: int) -> str | None:
        """Return the one capitalised word right before a verb of speech (its object pronouns
        between), that no mention holds, no article or preposition comes before, and no
        sentence starts with; written in capitals, it gets a capital and small letters."""
        words = list(_LONE_NAME.finditer(self.text, max(left_start, cue_start - 60), cue_start))
        found = words[-1] if words else None  # the last one (« … Premier ministre … Zapatero »)
        if found is None or not _OBJECT_CLITICS.fullmatch(self.text, found.end(), cue_start):
            return None
        start, end = found.span()
        if _COMPLEMENT_BEFORE.search(self.text, max(0, start - 12), start):
            # « la France a dit », « le Gouvernement dit »: a State, a body; « un vieux
            # pêcheur de Montclair m'a dit »: a place, not the subject
            return None
        if any(m.start < end and start < m.end for m in self._mentions_in(start - 60, end + 1)):
            return None
        word = found.group()
        name = word.capitalize() if word.isupper() else word
        if name.casefold() in _NOT_LONE_NAMES or name in self.participants:
            return None
        return name

    def _words_of(self, span: Span, left_start: int) -> Attribution | None:
        """« cette mise en garde prémonitoire d'Albert Camus : « … » », « la réponse de Jean
        Tarrade, président du conseil supérieur du notariat : « … » », « cette chanson de
        Jacques Brel : « … » »: words, a text or a song of someone named after them, the colon
        right before the quotation: that person's (not the speaker's who reads them out)."""
        for m in reversed(self._mentions_in(left_start, span.open)):
            if not (m.name or m.function) or m.name in self.participants:
                continue
            words = _WORDS_OF.search(self.text, max(left_start, m.start - 80), m.start)
            if words is None:
                return None
            if not _APPOSITION_COLON.fullmatch(self.text, m.end, span.open) and not (
                _READ_OUT.search(words.group("noun"))
                and _COMPLEMENT_COLON.fullmatch(self.text, m.end, span.open)
            ):
                return None  # the last person named must be the one the colon introduces
            attribution = self._who(m)
            attribution.cue = " ".join(words.group("noun").split())
            return attribution
        return None

    def _vocative(self, you: int) -> Mention | None:
        """Return the person the paragraph calls before a « vous » (« Monsieur Wauquiez, vous
        avez dit », « en quittant cette scène …, Monsieur MACRON, vous nous avez dit », « Major
        Arnaud Blanc, en partant … vous avez écrit … Aussi, aviez-vous lancé »): a name opening
        a sentence or a clause, after a civility or nothing, then a comma; the last one."""
        start = self._paragraph_start(you)
        # « Et puis, monsieur Fasquelle, vous venez de nous dire … : », « Pourtant, monsieur
        # Cazeneuve, vous aviez affirmé … : »: a colleague called by his surname after a
        # civility in small letters, which makes no mention; in the sentence of the « vous »
        sentence = self._sentence_start(you)
        called = list(_VOCATIVE_NAME.finditer(self.text, sentence, you))
        if called and not any(m.name for m in self._mentions_in(called[-1].end(), you)):
            who = canonical_name(called[-1].group("who"))
            if who and who not in self.participants:
                return Mention(called[-1].start("who"), called[-1].end("who"), who, titled=True)
        for m in reversed(self._mentions_in(start, you)):
            if (
                m.name
                and not m.body
                and _VOCATIVE_BEFORE.search(self.text[self._sentence_start(m.start) : m.start])
                and not _ABBREVIATED_CIVILITY.match(self.text, m.start)
                and re.match(r"\s*,", self.text[m.end : you])
                and m.name not in self.participants
            ):
                return m
        return self._colleague_called(you, you + 80)

    def _colleague_called(self, you: int, stop: int) -> Mention | None:
        """« … par notre collègue Barbara Pompili, présidente … En effet, selon vous, ma chère
        collègue, « … » »: in a debate, a colleague the sentence of a « vous » calls without a
        name (« ma chère collègue », « cher collègue », before `stop`) is the person named last
        before that sentence in its paragraph, not a body, nor one the text calls by a
        civility of the other gender."""
        sentence = self._sentence_start(you)
        called = _COLLEAGUE_CALLED.search(self.text, sentence, stop)
        if called is None or _ANY_MARK.search(self.text, sentence, called.start()):
            return None
        gender = "f" if called.group("f") else "m"
        start = max(self._paragraph_start(sentence), sentence - 400)
        for m in reversed(self._mentions_in(start, sentence)):
            if m.name and not m.body and m.name not in self.participants:
                return None if self._other_gender(m.name, gender) else m
        return None

    def _in_parenthesis(self, start: int, position: int) -> bool:
        """Tell whether a parenthesis opened between `start` and `position` is still open."""
        before = self.text[start:position]
        return before.rfind("(") > before.rfind(")")

    def _next_paragraph(self, span: Span, paragraph: int, floor: int) -> Attribution | None:
        """In a debate, a citation read out over several paragraphs: words opening their
        paragraph right after a paragraph that ended on words of a named author (« … qui
        déclare : « … » »⏎⏎« … », « Je poursuis donc la citation que je tire du Livre blanc …,
        édité par l'association Cosette et Gavroche : « … » »⏎⏎« … ») go on with that author,
        unless a cue of their own says otherwise."""
        if not self.context.debate or span.open != paragraph or self.last is None:
            return None
        previous, attribution = self.last
        if previous.close < floor or not _PARAGRAPH_GAP.fullmatch(
            self.text, previous.close, span.open
        ):
            return None
        if (
            attribution.strength == "none"
            or not attribution.speaker
            or attribution.speaker in self.participants
        ):
            return None
        return self._right(span, floor) or Attribution(
            attribution.speaker, attribution.function, "suite", "continuation"
        )

    def _previous_sentence(
        self, span: Span, left_start: int, floor: int, back: int = 1
    ) -> Attribution | None:
        """« Bruno LE MAIRE qui annonce notamment l'interdiction … . « … » »: the person the
        sentence before names as speaking. A sentence between that names nobody and opens on
        « il » or « elle » goes on about that person (« M. Urvoas poursuit en expliquant … . Au
        fond, il caractérise très bien votre état … . « … » »): the one before it is read, the
        pronoun's gender agreeing."""
        start = self._sentence_start(max(floor, left_start - 1))
        if start < floor or start >= left_start:
            return None
        sentence = self.text[start:left_start]
        verb = _VERB.search(sentence)
        if verb is not None:
            asker = self.context.interviewers
            for m in self._mentions_in(start, start + verb.start()):
                if m.name and m.name not in asker and not m.body:  # the guest too, named
                    attribution = self._who(m)
                    attribution.cue = verb.group()
                    return attribution
            said = _WHAT_SAID.search(sentence)
            named = self._mentions_in(start + said.end(), left_start) if said else []
            if (
                named
                and named[0].name
                and not named[0].body
                and named[0].start == start + said.end()
            ):
                if _SENTENCE_STOP.fullmatch(self.text, named[0].end, left_start):
                    # « J'insiste sur ce qu'a indiqué Erwann Binet. « … » »: the words of the
                    # person the sentence before ends on, after « ce qu'a dit »
                    attribution = self._who(named[0])
                    attribution.cue = " ".join(said.group().split())
                    return attribution
        still = _STILL_HIM.match(sentence)
        if back and still and not any(m.name for m in self._mentions_in(start, left_start)):
            found = self._previous_sentence(span, start, floor, back - 1)
            gender = "f" if still.group("pron").lower() == "elle" else "m"
            if found is not None and not self._other_gender(found.speaker, gender):
                return found
        return None

    def _joint(self, head: Mention, stop: int) -> bool:
        """Tell whether a subject is two people (« Me Hénon et Me Chappuis appellent »); they
        are remembered in the context: both speak, though neither alone said the words."""
        nxt = self._mentions_in(head.end, stop)
        if not nxt or not re.fullmatch(r"\s+et\s+", self.text[head.end : nxt[0].start]):
            return False
        self.context.joint.extend(m.name for m in (head, nxt[0]) if m.name)
        return True

    def attribute(self, span: Span) -> Attribution:
        """Return who said the words of `span`, and why we think so."""
        turn = turn_at(self.context.turns, span.open) if self.context.turns else None
        floor = turn.body if turn is not None else 0
        paragraph = self._paragraph_start(span.open)
        left_start = max(self._sentence_start(span.open), paragraph, floor)
        if span.open == paragraph and paragraph >= 2:
            # « Antoine Deltour a partagé sa décision : »⏎⏎« … »: the paragraph before says who
            before = self.text[:paragraph].rstrip()
            if before.endswith(":") and not self._inside_turn_label(before):
                left_start = max(self._sentence_start(len(before) - 1), floor)
        if self.last is not None and paragraph <= self.last[0].close <= span.open:
            previous, attribution = self.last
            gap = self.text[previous.close : span.open]
            if (listed := _NEXT_AUTHOR.fullmatch(gap)) is not None:
                # « Renan : « … » ; Rousseau : « … » »: each quotation of a list its author's
                found = self._author_at(previous.close + listed.start("who"), span.open)
                if found is not None and found.speaker and found.speaker not in self.participants:
                    found.cue = listed.group("who")
                    return found
            same_sentence = bisect_right(self.boundaries, previous.close) == bisect_right(
                self.boundaries, span.open
            )
            if same_sentence:
                left_start = max(left_start, previous.close)
            if attribution.strength != "none" and (
                _CONTINUATION_GAP.match(gap)
                or (
                    same_sentence
                    # « a reconnu que « … » du fait d'un bug … et qu'il pouvait « … » »: a second
                    # clause of the same verb of speech
                    and (
                        len(gap) <= 25
                        or _AND_THAT.search(gap) is not None
                        # « Me Hansen, …, pour qui la question de cette « … » à la jurisprudence
                        # de la CEDH est une « … » »: a source's view covers its sentence
                        or _SOURCE_CUE_START.match(attribution.cue or "") is not None
                    )
                    and not _VERB.search(gap)
                    and not any(not m.body for m in self._mentions_in(previous.close, span.open))
                )
                # « Jean-Louis Debré, qui a déclaré : « … », tout en précisant : « … » »: a
                # gerund after the words goes on with their speaker
                or (same_sentence and _GERUND_GAP.fullmatch(gap) is not None)
                # « M. Urvoas poursuit : « … la majorité » – votre silence le reflète – « se
                # fatigue plus vite … » »: the words go on after the speaker's aside between
                # dashes, opening in small letters or on an ellipsis (a cut in the same text)
                or (
                    _DASH_ASIDE.fullmatch(gap) is not None
                    and _GOES_ON_WORDS.match(self.text, span.start) is not None
                    and not any(
                        m.name and not m.body for m in self._mentions_in(previous.close, span.open)
                    )
                )
                # « M. Rocard dit que le PACS « … » et, plus résigné qu'enthousiaste, ajoute
                # qu'« … » »: a verb of speech joined by « et », no subject of its own
                or (
                    same_sentence
                    and _AND_THEN_VERB.fullmatch(gap) is not None
                    and not any(
                        m.name or m.function for m in self._mentions_in(previous.close, span.open)
                    )
                )
            ):
                found = self._right(span, floor)
                return found or Attribution(
                    attribution.speaker, attribution.function, "suite", "continuation"
                )
        if (answer := self._answer_after(span, paragraph)) is not None:
            return answer
        if (found := self._next_paragraph(span, paragraph, floor)) is not None:
            return found
        if (
            self.last is not None
            and floor <= self.last[0].close <= span.open
            and span.open - self.last[0].close <= 300
            and (self.last[1].speaker or self.last[1].strength == "unknown")
            and self.last[1].strength not in ("turn", "default", "none", "lent")
            and (goes_on := _GOES_ON.search(self.text, max(left_start, span.open - 80), span.open))
            and not any(
                m.name and m.name != self.last[1].speaker and not m.body
                for m in self._mentions_in(self.last[0].close, span.open)
            )
        ):
            # « … », indique Verlaine Berger, porte-parole d'Arc-en-ciel. Et d'ajouter : « … »:
            # the author of the quotation before goes on, nobody else named in between
            attribution = self.last[1]
            strength = "unknown" if attribution.strength == "unknown" else "continuation"
            cue = " ".join(goes_on.group().strip(" :").split()).lower()
            return Attribution(attribution.speaker, attribution.function, cue, strength)
        if (
            self.last is not None
            and floor <= self.last[0].close <= span.open
            and self.last[1].strength not in ("turn", "default", "none")
            and (
                self.last[1].speaker or self.last[1].function or self.last[1].strength == "unknown"
            )
            and _GO_ON_QUOTING.search(self.text, max(left_start, span.open - 80), span.open)
        ):
            # « Je termine la citation : « … » », « Je poursuis ma lecture : « … » »: the author
            # of the quotation before, whose text the speaker goes on reading (nobody known for
            # a code's article)
            attribution = self.last[1]
            strength = "unknown" if attribution.strength == "unknown" else "continuation"
            return Attribution(
                attribution.speaker, attribution.function, "suite de la citation", strength
            )
        if (
            len(self.text[span.start : span.end].split()) > 3
            and (denied := _DENIED.search(self.text, left_start, span.open)) is not None
        ):
            # « Quand Mme Guigou demande …, elle ne répond pas « … » »: nobody's words (a
            # word denied, « ne parlez plus de votre « belle-mère » », is a term: not read)
            return Attribution(None, None, " ".join(denied.group().split()).strip(" :,"), "unknown")
        if (incise := _INNER_INCISE.search(self.text, span.start, span.end)) is not None:
            # « Ce qu'ils ont fait, écrit GENEVOIX, c'est plus qu'on ne pouvait demander »
            named = canonical_name(incise.group("who"))
            return Attribution(named, None, incise.group("verb"), "explicit")
        if (incise := _INNER_PRONOUN.search(self.text, span.start, span.end)) is not None:
            # « Les principes … » Mes préoccupations sont … « D'où l'émergence d'un « tourisme
            # juridique », poursuit-il. … »: the person the pronoun stands for before the words
            # (nobody when no one is in focus), never the speaker holding the floor
            cue = f"{incise.group('verb')}-{incise.group('pron')}".lower()
            return self._pronoun(span.open, cue, floor)
        chant = _CHANT.search(self.text, max(left_start, span.open - 80), span.open)
        if chant is not None and not _VERB.search(self.text, chant.end(), span.open):
            # « une haie d'honneur … scandant « … » », « les chants des militants « … » »,
            # « aller hurler dans les rues : « … » »: a crowd's words, no one's (a participle,
            # a plural, a noun: a person shouting alone has a finite verb and a subject)
            return Attribution(None, None, chant.group(), "unknown")
        if turn is not None and (cited := self._your_words_cited(span, turn, paragraph, floor)):
            return cited
        found = self._right(span, floor) or self._left(span, left_start, floor, turn)
        left_text = self.text[left_start : span.open]
        # a verb of speech whose subject is the speaker or a voice they lend words to (« j'ai
        # dit », « on dirait »), or a third party left unnamed: outside a debate, both the
        # turn's or speech's speaker, as when no cue is found
        lent = found is not None and found.strength == "lent"
        if found is not None and found.strength in ("lent", "unnamed"):
            found = None
        if found is None and turn is not None and (echo := self._echo(span, turn)) is not None:
            return echo
        if found is None and turn is not None and not self.context.debate:
            if (announced := self._announced(span, turn)) is not None:
                return announced
        if (
            found is not None
            and found.strength == "unknown"
            and self.context.debate
            and not (found.speaker or found.function)
            and _WRITTEN_THERE.fullmatch(found.cue or "")
            and self._self_quoted(span, left_start, floor)
        ):
            # « Dans ma profession de foi, …, il était écrit : », « mon intervention est
            # clairement indiquée : »: a text of the speaker's own, the speaker's words
            found, lent = None, True
        if found is not None and found.strength == "unknown":
            if self.context.debate and found.cue == "texte" and not found.function:
                # « Vous proposez d'introduire la phrase suivante : »: the addressee's text
                if (called := self._addressed(span, left_start, floor)) is not None:
                    return called
            return found  # the cue names the words' author, or says nobody known said them
        if found is not None and (found.speaker or found.function or found.cue):
            if found.speaker or found.function or turn is None:
                return found
        if not lent and self.context.debate and self._self_quoted(span, left_start, floor):
            lent = True  # « lisez bien les derniers mots de mon intervention : « … » »
        if self.context.debate and not lent and found is None and not left_text.strip(" ,:"):
            # « Je pense au pédopsychiatre Pierre Levy-Soussan qui a souligné qu'il fallait …
            # . « On a besoin d'un père et d'une mère … » »: words standing alone after a
            # sentence that names someone speaking are that person's
            if (before := self._previous_sentence(span, left_start, floor)) is not None:
                return before
        if self.context.debate and not lent and found is None:
            if (named := self._colon_author(span, left_start)) is not None:
                return named
        if self.context.debate and not lent and found is None:
            if (read := self._read_before(span, left_text, left_start, floor)) is not None:
                return read
            if (named := self._named_after(span, left_text, turn)) is not None:
                return named
        if self.context.debate and not lent and (turn is not None or self.context.default):
            # A debate turn quotes the law, a bill, a report, a colleague, an author, a crowd far
            # more often than it quotes its own speaker: words no cue gives to anyone, and no
            # first person or imagined voice lends, are nobody known (« auteur non identifié »),
            # not the deputy holding the floor (kept weak: the speech test is unchanged) —
            # unless the person in focus is one the turn has already quoted: then the speaker
            # is reading that person's text on (« … fonde la parenté », poursuit-elle. … « Si
            # l'enfant est né d'un père identifié … » is Aude Mirkovic's again)
            if (named := self._unread_subject(span, left_start)) is not None:
                return named
            if (called := self._addressed(span, left_start, floor)) is not None:
                return called
            if (reading := self._reading_on(span, floor)) is not None:
                return reading
            return Attribution(None, None, "débat, sans indice", "turn" if turn else "default")
        if turn is not None:
            if not turn.name:  # « Q - … »: an unnamed journalist's question
                return Attribution(None, "journaliste", "tour de parole", "turn")
            return Attribution(
                turn.name, self.context.functions.get(turn.name), "tour de parole", "turn"
            )
        if self.context.default:
            name = self.context.default
            return Attribution(name, self.context.functions.get(name), "orateur", "default")
        if found is not None:
            return found
        if self.context.third_person:
            focus = self._focus(span.open, paragraph)
            if focus is not None and focus[0]:
                name, function = focus
                return Attribution(
                    name, function or self.context.functions.get(name), "contexte", "focus"
                )
        return _NONE

    def _unread_subject(self, span: Span, left_start: int) -> Attribution | None:
        """Return the author a verb of speech before `span` names as its subject when no
        mention holds that name: a lone surname or a name with an unknown first name heading
        the sentence or the relative clause (« Montaigne disait : », « Barak Obama qui, …,
        déclarait : »); not a word written in small letters elsewhere in the text (a common
        noun heading the sentence), nor a participant."""
        left = self.text[left_start : span.open]
        verb = self._speech_verb(left, left_start, span)
        if verb is None:
            return None
        cue_start, _, cue = verb
        found = _UNREAD_NAME.search(self.text[left_start:cue_start])
        if found is None:
            return None
        which = "head" if found.group("head") else "rel"
        name, at = found.group(which), left_start + found.start(which)
        words = name.split()
        if any(w.casefold() in _NOT_UNREAD for w in words):
            return None
        if any(
            m.start < at + len(name) and at < m.end for m in self._mentions_in(at - 60, span.open)
        ):
            return None  # a name the mentions hold: the rules for them have had their say
        for word in words:
            if re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", self.text):
                return None  # « Rien », « Chacun »: a word written in small letters too
        if name in self.participants or name == self.context.default:
            return None
        return Attribution(name, None, " ".join(cue.split()), "explicit")

    def _addressed(self, span: Span, left_start: int, floor: int) -> Attribution | None:
        """In a debate turn, words the sentence before them gives to the colleague addressed
        (« vous » heading a verb of saying, writing or proposing, « je vous cite », a text of
        theirs: « une phrase de votre exposé des motifs, madame Genevard, celle selon laquelle »,
        « Cela vous fait rire, monsieur Vidalies ? Vous l'avez écrit ! « … » ») are that
        colleague's when the turn calls them by name last before the words; nobody when the
        last called is a function or the house (« madame la ministre », « mes chers
        collègues »), a voice of its own coming in between (« vous avez cité l'article 5, qui
        dit : »)."""
        start = left_start
        if not self.text[left_start : span.open].strip(" ,:–—-"):
            start = max(self._sentence_start(max(floor, left_start - 2)), floor)
        left = self.text[start : span.open]
        if not (found := list(_YOUR_WORDS.finditer(left))):
            return None
        yours = found[-1]
        between = left[yours.end() :]
        if yours.group().casefold().startswith(("votre", "vos")):
            # the words of that text, right after it (« …, madame Genevard, celle selon
            # laquelle », « vos amendements, qui sont très courts : »), not a sentence going on
            # about it (« votre amendement va très largement au-delà, il est « hors champ » »)
            if not _YOUR_TEXT_END.search(between):
                return None
        elif _VERB.search(between):
            return None
        if _STRUCK_OUT.search(between) or any(
            (m.name or m.function) for m in self._mentions_in(start + yours.end(), span.open)
        ):
            return None  # « Vous proposez … de supprimer la fin de la phrase : »: not theirs
        calls = list(_CALLED.finditer(self.text, max(floor, span.open - 1500), span.open))
        if not calls or not calls[-1].group("who"):
            return None
        called = calls[-1]
        who = canonical_name(called.group("who"))
        if not who or who in self.participants or who == self.context.default:
            return None
        if any(m.name and not m.body for m in self._mentions_in(called.end(), start)):
            return None  # someone else talked about between the call and the sentence
        # « Alain Vidalies » when the turn names him in full (« monsieur Vidalies »)
        full = [
            m.name
            for m in self.mentions
            if m.name and not m.body and m.name.casefold().endswith(f" {who.casefold()}")
        ]
        who = full[-1] if full else who
        cue = " ".join(yours.group().split())
        return Attribution(who, self.context.functions.get(who), cue, "explicit")

    def _reading_on(self, span: Span, floor: int) -> Attribution | None:
        """Return the person in focus before `span` when the turn (from `floor`) has already
        quoted them: words no cue gives to anyone, in a debate, go on with the text being read
        (the same focus as for « il », never the deputy holding the floor)."""
        quoted = {who for at, who, _ in self.events if floor <= at <= span.open}
        if not quoted:
            return None  # (most turns: nobody quoted before, no focus to look for)
        focus = self._focus(span.open, floor)
        if focus is None or focus[0] not in quoted or focus[0] == self.context.default:
            return None
        name, function = focus
        left_start = max(self._sentence_start(span.open), floor)
        if self.last is not None and left_start <= self.last[0].close <= span.open:
            left_start = self.last[0].close
        left = self.text[left_start : span.open]
        for verb in _BRINGS_IN.finditer(left):
            if _READER_SUBJECT.search(left, 0, verb.start()) is None:
                return None  # « trouple.fr qui dit ceci : »: a voice of its own
        index = bisect_right(self.boundaries, span.close)
        end = self.boundaries[index] if index < len(self.boundaries) else len(self.text)
        if any(m.name for m in self._mentions_in(span.close, end)):
            return None  # « « … », selon les mots même de Simone de Beauvoir »: named after
        function = function or self.context.functions.get(name)
        return Attribution(name, function, "lecture poursuivie", "focus")

    def _answer_after(self, span: Span, paragraph: int) -> Attribution | None:
        """« « Pourquoi l'adoption par un couple homosexuel serait-elle une mauvaise solution ? »
        demande Mme Guigou. « Parce que le droit … » »: words opening the sentence right after
        one that held only the words before and the cue naming their author go on with him."""
        if self.last is None or not paragraph <= self.last[0].close <= span.open:
            return None
        previous, attribution = self.last
        if not attribution.speaker or attribution.strength != "explicit":
            return None
        if _CUE_THEN_STOP.fullmatch(self.text, previous.close, span.open) is None:
            return None
        named = [m.name for m in self._mentions_in(previous.close, span.open) if m.name]
        if not named or set(named) != {attribution.speaker}:
            return None
        return Attribution(attribution.speaker, attribution.function, "suite", "continuation")

    def _colon_author(self, span: Span, left_start: int) -> Attribution | None:
        """« Je citerai également le sociologue Jean-Pierre le Goff : », « Relisons l'avis du
        Conseil d'État : », « Voici donc ce que dit le juge Rosenczveig, chargé des enfants : »:
        in a debate, a sentence that quotes, reads or cites, then a colon opening the words:
        the person it names after its last word of quoting (« les propos du professeur Wolf,
        qui dirige le CECOS : » is Wolf), else the body; not an acronym (« l'ouverture de la
        PMA »), not one called with a comma after, not several joined by « et »."""
        left = self.text[left_start : span.open]
        if not _COLON_END.search(left):
            return None
        return self._cited_in(left_start, span.open) or self._their_words(left_start, span.open)

    def _their_words(self, start: int, end: int) -> Attribution | None:
        """« Il est important d'entendre ce que dit le juge Rosenczveig … . Écoutez bien ses
        propos, qui vous feront un peu mal : », « De plus, nous avons évoqué le Conseil
        supérieur de l'adoption. Je veux vous lire une phrase extraite d'un de ses comptes
        rendus : »: a sentence that cites a text or words by a possessive, then a colon: the
        person or body named last before the possessive, in that sentence or the one before
        (nobody when a function alone is named last)."""
        words = list(_QUOTING_WORD.finditer(self.text, start, end))
        owner = _POSSESSIVE.search(self.text, start, end)
        if not words or owner is None or owner.start() < words[0].start() - 40:
            return None
        sentence = self._sentence_start(start)
        since = max(self._paragraph_start(start), self._sentence_start(max(0, sentence - 1)))
        for m in reversed(self._mentions_in(since, owner.start())):
            if m.name is None and m.function:
                return None  # « Mme la garde des Sceaux … ses propos »: a function, no name
            if m.name and m.name not in self.participants and not self._reported(m):
                attribution = self._who(m)
                attribution.cue = owner.group()
                return attribution
        return None

    def _read_before(
        self, span: Span, left: str, left_start: int, floor: int
    ) -> Attribution | None:
        """« Je poursuis la lecture du texte du professeur Le Guay. « … » », « Je poursuis ma
        citation de Me de Vries, que je terminerai dans ma prochaine intervention. « … » », « Je
        vais vous donner lecture de propos émanant de l'Association des adoptés, qui … . « … » »:
        in a debate, words opening their sentence after one that reads or cites and ends on the
        person or body it names (a relative clause at most after him): the words are his."""
        if left.strip(' \t\n«"“'):
            return None
        end = left_start
        while (aside := re.search(r"\([^()\n]{0,200}\)\s*$", self.text[floor:end])) is not None:
            end = floor + aside.start()  # « (« Ah ! » sur les bancs du groupe SRC.) » between
        sentence = self.text[floor:end].rstrip()
        if not sentence.endswith("."):
            return None
        start = max(floor, self._sentence_start(floor + len(sentence) - 1))
        if _ANY_MARK.search(self.text, start, floor + len(sentence)):
            return None
        found = self._cited_in(start, floor + len(sentence), _ENDS_ON_AUTHOR)
        if found is None or not found.speaker:
            return None
        return found

    def _cited_in(
        self, start: int, end: int, ending: re.Pattern[str] | None = None
    ) -> Attribution | None:
        """The person (else the body) a sentence that quotes, reads or cites names after its
        last word of quoting; with `ending`, what follows him must match it."""
        words = list(_QUOTING_WORD.finditer(self.text, start, end))
        if not words:
            return None
        left_start = start
        after_word = words[-1].end()
        named = [
            m
            for m in self._mentions_in(after_word, end)
            if m.name
            and m.name not in self.participants
            and not m.name.isupper()
            and not self._in_parenthesis(left_start, m.start)
        ]
        people = [m for m in named if not m.body]
        if not named:
            # « Je poursuis la lecture de l'avis du Défenseur des droits : »: a single holder's
            # office, nobody named, its function kept
            offices = [
                m
                for m in self._mentions_in(after_word, end)
                if m.name is None and m.function in AUTHORITY_FUNCTIONS
            ]
            if offices and ending is None:
                return Attribution(None, offices[-1].function, words[-1].group(), "explicit")
            return None
        chosen = people[-1] if people else named[-1]
        after = self.text[chosen.end : end]
        if ending is not None and not ending.fullmatch(after):
            return None
        if re.match(r"\s*,\s*(?:vous|tu|ce\s+n['’]est|c['’]est)\b", after, re.IGNORECASE):
            return None  # « Madame Orphé, ce n'est pas nous qui … »: someone called
        if len(named) > 1 and re.search(r"\s(?:et)\s", self.text[named[0].start : named[-1].end]):
            return None  # « Dassault, Bonnot et Mariton : »: several people
        attribution = self._who(chosen)
        attribution.cue = words[-1].group()
        return attribution

    def _named_after(self, span: Span, left: str, turn: Turn | None) -> Attribution | None:
        """In a debate, words no cue gives to anyone whose author the next sentence or two
        name (« … ». Cette phrase n'est pas de moi … Elle a été prononcée … par Damien Abad »,
        « … » Mes chers collègues, ces propos sont de notre collègue Bernadette Laclais », « … »
        C'est Nicolas Sarkozy qui a dit cela): that person, when the words open their sentence
        or follow a colon (not a term inside one, « en tête du « best of réac » »), no other
        quotation stands between and the naming sentence opens none of its own."""
        if left.strip() and not left.rstrip().endswith(":"):
            return None
        end = turn.end if turn is not None else len(self.text)
        stop = min(end, span.close + 300)
        for other in self.spans:
            # another quotation stops the search, not a term of three words at most (« il
            # aurait été propulsé en tête du « best of réac ». Le problème, c'est qu'elle est
            # de Lionel Jospin »)
            if span.close <= other.open < stop and (
                other.depth > 0 or _word_count(self.text[other.start : other.end]) > 3
            ):
                stop = other.open
                break
        mark = _ANY_MARK.search(self.text, span.close, stop)
        if mark is not None and not any(
            o.open <= mark.start() < o.close for o in self.spans if span.close <= o.open < stop
        ):
            stop = mark.start()  # a mark no pair holds
        sentences = bisect_right(self.boundaries, span.close)
        if (found := self._named_later(span, stop, sentences)) is not None:
            return found
        for pattern in (_IS_OF_AFTER, _SAID_WHO_AFTER, _SOURCE_AFTER):
            m = pattern.search(self.text, span.close, stop)
            if m is None or bisect_right(self.boundaries, m.start()) - sentences > 2:
                continue
            position = m.start("who") if pattern is _SAID_WHO_AFTER else m.end()
            for mention in self._mentions_in(position, min(stop, position + 80))[:1]:
                gap = self.text[position : mention.start]
                if (
                    mention.name
                    and (not mention.body or pattern is _SOURCE_AFTER)
                    and mention.name not in self.participants
                    and re.fullmatch(r"(?:[a-zà-ÿ'’]+\s+){0,3}(?:M\.|Mme|Mlle)?\s*", gap)
                ):
                    attribution = self._who(mention)
                    attribution.cue = " ".join(self.text[m.start() : mention.end].split())
                    return attribution
        return None

    def _named_later(self, span: Span, stop: int, sentences: int) -> Attribution | None:
        """The two forms of `_named_after` whose person comes later than right after the cue:
        « C'est ainsi que s'exprimait …, Mme la garde des Sceaux Élisabeth Guigou. » (the
        last person the sentence names) and « Ce n'est pas moi qui le dis, c'est un homme que
        l'on a parfois qualifié de laxiste. C'est le juge Rosenczveig. » (the first person
        named after « c'est », in that sentence or the next)."""
        for pattern in (_THUS_SPOKE, _NOT_ME_WHO_SAYS):
            m = pattern.search(self.text, span.close, stop)
            if m is None or bisect_right(self.boundaries, m.start()) - sentences > 1:
                continue
            index = bisect_right(self.boundaries, m.end())
            last = 1 if pattern is _THUS_SPOKE else 2  # sentences the person may stand in
            until = self.boundaries[index + last - 1] if index + last - 1 < len(
                self.boundaries
            ) else len(self.text)
            named = [
                x
                for x in self._mentions_in(m.end(), min(until, stop))
                if x.name and not x.body and x.name not in self.participants
                and x.name != self.context.default
            ]
            if not named:
                continue
            mention = named[-1] if pattern is _THUS_SPOKE else named[0]
            attribution = self._who(mention)
            attribution.cue = " ".join(m.group().split())
            return attribution
        return None

    def _self_quoted(self, span: Span, left_start: int, floor: int) -> bool:
        """Tell whether the words are the speaker's own, the sentence before them says so
        with a first person (« les derniers mots de mon intervention : », « Qu'avais-je dit
        dans mon intervention ? », « je propose d'insérer … un alinéa ainsi rédigé : »)."""
        start = left_start
        if not self.text[left_start : span.open].strip(' \t«"“'):
            # nothing before the words in their sentence: the sentence before (a question)
            start = max(floor, self._sentence_start(max(floor, left_start - 1)))
        return _SELF_QUOTE.search(self.text, start, span.open) is not None

    def _your_words_cited(
        self, span: Span, turn: Turn, paragraph: int, floor: int
    ) -> Attribution | None:
        """« L'islam, ce mot-là, vous l'avez dit dans votre discours des Mureaux, surtout cette
        phrase qui a été répandue …, je cite : « … » »: in an interviewer's turn, « je cite »
        after the guest's own words or text named earlier in the paragraph (« vous avez dit »,
        « votre discours »), nobody else named in between: the guest's words."""
        if turn.name and turn.name not in self.context.interviewers:
            return None
        cite = _I_CITE.search(self.text, max(floor, paragraph, span.open - 40), span.open)
        if cite is None:
            return None
        start = max(floor, paragraph, cite.start() - 250)
        yours = list(_YOUR_WORDS.finditer(self.text, start, cite.start()))
        if not yours or any(
            m.name and not m.body for m in self._mentions_in(yours[-1].end(), cite.start())
        ):
            return None
        if (addressee := self._addressee(turn)) is None:
            return None
        cue = " ".join(cite.group().strip(" ,:").split())
        return Attribution(addressee, self.context.functions.get(addressee), cue, "explicit")

    def _inside_turn_label(self, before: str) -> bool:
        """A turn label (« SONIA MABROUK : ») is no sentence introducing the words."""
        return any(t.start <= len(before) <= t.body for t in self.context.turns)

    def went_on(
        self, span: Span, attribution: Attribution
    ) -> tuple[Attribution, list[Span]] | None:
        """« « Un couple … n'a pas de droit à avoir un enfant … » Ces propos étant ponctués …
        d'applaudissements … ⏎⏎ Et Mme Guigou de poursuivre : « Je reconnais … » »: words no cue
        gave to anyone, followed (in the same turn, within a few lines, nobody else named in
        between) by a sentence saying that the author of the next words goes on, were that
        author's too, and so were the words no cue gave to anyone just before them, joined the
        same way (« Écoutez comme c'est beau : « … » C'est magnifique ! « … » N'est-ce pas
        beau ? Et Blum de poursuivre : « … » »). Returns the attribution of those words and
        their spans, or None."""
        if self.last is None or not attribution.speaker or not self.uncued:
            return None
        if attribution.strength in ("turn", "default", "none", "lent", "unknown", "focus"):
            return None
        previous = self.uncued[-1]
        if previous is not self.last[0]:
            return None  # a cue decided the words before
        turn = turn_at(self.context.turns, span.open) if self.context.turns else None
        floor = turn.body if turn is not None else 0
        left_start = max(self._sentence_start(span.open), self._paragraph_start(span.open), floor)
        went = _WENT_ON.search(self.text, max(left_start, previous.close), span.open)
        if went is None or not self._joined(previous, span, attribution.speaker, floor):
            return None
        spans = [previous]
        for earlier in reversed(self.uncued[:-1]):
            if not self._joined(earlier, spans[0], attribution.speaker, floor):
                break
            spans.insert(0, earlier)
        cue = " ".join(went.group().strip(" :").split())
        return Attribution(attribution.speaker, attribution.function, cue, "continuation"), spans

    def _joined(self, before: Span, after: Span, speaker: str, floor: int) -> bool:
        """Tell whether nothing but the speaker's comment stands between two quotations of one
        turn: a few lines, no quotation mark, nobody named but `speaker`."""
        if before.close < floor or after.open - before.close > 400:
            return False
        if _ANY_MARK.search(self.text, before.close, after.open):
            return False
        return not any(
            m.name and not m.body and name_key(m.name) != name_key(speaker)
            for m in self._mentions_in(before.close, after.open)
        )

    def record(self, span: Span, attribution: Attribution) -> None:
        self.last = (span, attribution)
        if attribution.strength in ("turn", "default", "none"):
            self.uncued.append(span)  # words no cue gave to anyone, in a row
        else:
            self.uncued = []
        if attribution.speaker:
            self.events.append((span.close, attribution.speaker, attribution.function))


# --- Speech or title -------------------------------------------------------------------------


def _word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def _title_like(text: str, span: Span, words: int) -> bool:
    inner = text[span.start : span.end]
    before = text[max(0, span.open - 40) : span.open]
    line_start = text.rfind("\n", 0, span.open) + 1
    capital = inner[:1].isupper() or inner[:1].isdigit()
    if _CHARGE.search(before) or (_TERM_NOUNS.search(before) and words <= 3):
        return True
    if _DOMAIN.fullmatch(inner.strip()):
        return True  # « annonce sur notre site Internet, « publicsenat.fr », que … »: an address
    if _UNDER_TITLE.search(before):
        return True  # « paru dans Le Soir … sous le titre « Le parcours du combattant … » »
    if _NAMING.search(before):
        return True  # « ce qu'on appelle très techniquement « … » », « la directive dite « … » »
    if capital and _WORK_BEFORE.search(before) and inner.rstrip(' »"”')[-1:] not in "!?…":
        return True  # « Je cite votre ouvrage : « Entre toutes les femmes … » »
    if _FORMULA_BEFORE.search(before) and not _RIGHT_OF.match(text[span.close : span.close + 8]):
        return True  # « selon la formule « zéro tarif, zéro quota » »: a phrase nobody is given
    if _TITLE_NOUNS.search(before) and (capital or words <= 3):
        if not (before.rstrip().endswith(":") and words > 3):
            return True
    line_end = text.find("\n", span.close)
    line_end = len(text) if line_end < 0 else line_end
    if (
        _DASH_HEADLINE.match(text[line_start : span.open])
        and not text[span.close : line_end].strip()
        # a press review's headline that quotes a clause is words (nobody named: the gold's
        # README, parts B to G), one that is a noun phrase a title
        and not (words >= 4 and _HEADLINE_CLAUSE.search(inner))
    ):
        return True
    ends = inner.rstrip(' »"”')[-1:] in ".!?…"
    cued = before.rstrip().endswith(":") or bool(_VERB.search(before[-25:]))
    # « Ce n'est pas comme si » is a clause, not a name: it has a verb or a subject pronoun
    clause = _CLAUSE.search(inner) is not None
    return capital and words <= 6 and not ends and not cued and not clause


def extract_quotes(text: str, context: Context) -> list[Quote]:
    """Return the quotations of `text`, speech attributed, titles and scare quotes marked.

    >>> from indexer.extract.people import find_mentions
    >>> t = "Antoine Deltour a déclaré : « Je ferai appel de ce jugement. »"
    >>> ctx = Context(find_mentions(t), [], [], None, {}, True)
    >>> [(q.text, q.speaker, q.cue) for q in extract_quotes(t, ctx)]
    [('Je ferai appel de ce jugement.', 'Antoine Deltour', 'a déclaré')]
    """
    spans = find_spans(text)
    if not spans and not context.turns:  # no quotation mark, no transcript: nothing to find
        return []
    attributor = Attributor(text, spans, context)
    quotes: list[Quote] = []
    titles: set[str] = set()  # a title quoted twice is a title both times
    speech_at: dict[int, int] = {}  # a speech quotation's opening → its index in `quotes`
    for span in spans:
        inner = text[span.start : span.end]
        words = _word_count(inner)
        if span.depth == 0 and (interruption := _interruption(text, span)) is not None:
            quotes.append(Quote(inner, span.start, span.end, None, interruption, "interruption"))
            continue
        if (
            span.depth > 0
            or words <= 1
            or inner.casefold() in titles
            or _title_like(text, span, words)
            or _AMENDMENT.search(text, max(0, span.open - 160), span.open)
        ):
            if words > 1:
                titles.add(inner.casefold())
            quotes.append(Quote(inner, span.start, span.end, is_speech=False))
            continue
        attribution = attributor.attribute(span)
        if _is_speech(text, span, inner, words, attribution, context):
            if (back := attributor.went_on(span, attribution)) is not None:
                # the words before were this author's too (« Et Mme Guigou de poursuivre : »)
                went, before = back
                for earlier in before:
                    index = speech_at[earlier.open]
                    quotes[index] = replace(
                        quotes[index],
                        speaker=went.speaker,
                        function=went.function,
                        cue=_cue(went.cue),
                    )
            attributor.record(span, attribution)
            speech_at[span.open] = len(quotes)
            # the learned ranker may prefer another candidate (ranker.py); the rules' state
            # (focus, continuations) follows their own choice, as when it was trained
            attribution = rerank(text, span, attribution, attributor)
            if attribution.speaker and _COURT.fullmatch(attribution.speaker):
                # « écrit la Cour de cassation, « … » », « Le Conseil constitutionnel estime
                # ainsi que, « … » »: a court speaks by its rulings, words of a text (nobody
                # known, CONVENTIONS rules 6 and 8), the court kept as the function
                attribution = replace(
                    attribution, speaker=None, function=attribution.function or attribution.speaker
                )
            quotes.append(
                Quote(
                    inner,
                    span.start,
                    span.end,
                    attribution.speaker,
                    attribution.function,
                    _cue(attribution.cue),
                    True,
                )
            )
        else:
            quotes.append(Quote(inner, span.start, span.end, is_speech=False))
    reopened = {s.start: s.reopened for s in spans if s.reopened and s.depth == 0}
    if reopened:
        quotes = [piece for q in quotes for piece in _pieces(text, q, reopened.get(q.start, ()))]
    if context.turns and (context.interviewers or any(not t.name for t in context.turns)):
        reports = _unmarked_reports(text, context, spans)
        if reports:
            quotes = sorted(quotes + reports, key=lambda q: q.start)
    return quotes


def _pieces(text: str, quote: Quote, reopened: tuple[int, ...]) -> list[Quote]:
    """Return a quotation reopened paragraph after paragraph (« Je poursuis ma citation : « …
    ⏎⏎« … ⏎⏎« … » ») as the gold counts it since part G: a piece per paragraph, the one left
    open ending with its paragraph, each with the class and author of the whole."""
    found = []
    start = quote.start
    for mark in (*reopened, None):
        a, b = _inner(text, start, quote.end if mark is None else mark)
        if b > a:
            found.append(replace(quote, text=text[a:b], start=a, end=b))
        start = (mark or 0) + 1
    return found


# « Christian ESTROSI vous dit : il faut qu'on sorte des lois de la paix … . »: a person's
# words that an interviewer reports without quotation marks, a verb of saying and a colon
# before them, the sentence after them.
# (found from the colon, rare, then the verb checked before it)
_UNMARKED = re.compile(r":[ \t]*(?P<words>[a-zàâçéèêëîïôöûùü][^«»“”\"\n.!?…]{15,300}[.!?…])")
_UNMARKED_VERB = re.compile(
    r"(?<![\w'’-])(?:(?:vous|nous)\s+)?(?:dit|disait|a\s+dit|avait\s+dit|déclare|a\s+déclaré"
    r"|affirme|a\s+affirmé|explique|a\s+expliqué|répète|a\s+répété)[ \t]*$"
)


def is_unmarked(text: str, quote: Quote) -> bool:
    """Tell whether a quotation stands without quotation marks (« Hier, Gérard LARCHER a dit :
    s'il n'y a pas … »; `_unmarked_reports`): its words follow a colon, not a mark. A gold of
    quotation-mark pairs cannot hold them, so a benchmark scores them apart."""
    return text[: quote.start].rstrip().endswith(":")


def _unmarked_reports(text: str, context: Context, spans: list[Span]) -> list[Quote]:
    """Return the words an interviewer reports without quotation marks, given to the person
    named right before the verb (never a participant of the interview, nor an organisation)."""
    found = []
    asking = set(context.interviewers)
    participants = _Participants([t.name for t in context.turns])
    ends = {m.end: m for m in context.mentions if m.name and not m.body}
    for m in _UNMARKED.finditer(text):
        verb = _UNMARKED_VERB.search(text, max(0, m.start() - 30), m.start())
        if verb is None:
            continue
        turn = turn_at(context.turns, m.start())
        if turn is None or (turn.name and turn.name not in asking):
            continue
        head = text[max(0, verb.start() - 2) : verb.start()]
        who = ends.get(verb.start() - (len(head) - len(head.rstrip())))
        if who is None or who.name in participants or who.start < turn.body:
            continue
        start, end = m.span("words")
        if _word_count(m.group("words")) < 4 or any(
            s.open < end and start < s.close for s in spans
        ):
            continue
        function = who.function or context.functions.get(who.name)
        found.append(Quote(m.group("words"), start, end, who.name, function, "dit :", True))
    return found


# Where a stage direction's interrupting words may start inside its parenthesis: right after
# it, after a dash or a full stop (« (Applaudissements … – « Baratin ! » sur les bancs du groupe
# UMP.) », « (Les membres … applaudissent longuement. « Égalité ! » sur plusieurs bancs …) »), or
# after other interrupting words or applause and « et » (« (« Ah ! » et « Très bien » sur les
# bancs …) », « (Applaudissements et « Bravo ! » sur les bancs …) »).
_DIRECTION_BREAK = re.compile(
    r"(?:^|\s[–—-]|[.!?]|»\s*(?:,|,?\s*et)|(?:applaudissements|exclamations)\s+et)\s*$",
    re.IGNORECASE,
)
# Between the words and the benches: a comma, applause or more words joined by « et » or a comma
# (« (« Bravo ! » et applaudissements sur les bancs …) », « (« Eh oui ! », sur plusieurs bancs
# …) », « (… – « Minable ! », « Scandaleux ! » sur les bancs du groupe SRC.) »).
_BENCHES_JOIN = re.compile(
    r"(?:\s*(?:,\s*(?:et\s+)?|et\s+)(?:(?:les\s+)?(?:(?:vifs?|vives?|longs?|nouveaux|nouvelles)"
    r"\s+)?(?:applaudissements|exclamations|rires|huées|protestations)|«[^«»()\n]{1,80}»))*\s*,?",
    re.IGNORECASE,
)


def _interruption(text: str, span: Span) -> str | None:
    """Return who interrupts, for words a stage direction gives to the benches:
    « (« Et nous ? » sur les bancs du groupe UMP.) » → `députés du groupe UMP (interruption)`;
    also « (« Bravo ! » et applaudissements sur les bancs …) », « (… – « Non ! » sur les bancs
    …) » (nineteenth round: 58 such interruptions of the debates were lost)."""
    paren = text.rfind("(", max(0, span.open - 300), span.open)
    lead = text[paren + 1 : span.open]
    if paren < 0 or ")" in lead or "\n" in lead or not _DIRECTION_BREAK.search(lead):
        return None
    joined = _BENCHES_JOIN.match(text, span.close)
    benches = _BENCHES.match(text, joined.end() if joined else span.close)
    if benches is None:
        return None
    group = re.search(r"\b(?:du|des)\s+groupes?\s+([^.)–—]+?)\s*[.)–—]", benches.group())
    who = f"députés du groupe {group.group(1)}" if group else "députés"
    return f"{who} (interruption)"


def _is_speech(
    text: str, span: Span, inner: str, words: int, attribution: Attribution, context: Context
) -> bool:
    """Decide whether an attributed run is somebody's words or a scare quote."""
    if attribution.strength in ("coined", "unknown"):
        return True  # « ce que j'ai appelé le « … » », « comme dit le proverbe, « … » »
    lower = inner[:1].islower()
    weak = attribution.strength in ("turn", "default", "none", "focus")
    determiner = _DETERMINER_BEFORE.search(text[max(0, span.open - 12) : span.open]) is not None
    before = text[max(0, span.open - 25) : span.open]
    if weak and _TERM_BEFORE.search(before):
        return False  # « le très légitime « quoi qu'il en coûte » »: a well-known phrase
    if lower and weak and determiner and not (words > 3 and _CLAUSE.search(inner)):
        return False  # "le vieux rêve du « jardin à la française »": an expression
    if lower and attribution.strength == "none":
        return False  # nobody is given these words: a scare quote
    if words > 3:
        return True
    if _CLAUSE.search(inner) and _SAID_RIGHT_BEFORE.search(text, max(0, span.open - 40), span.open):
        # « en juillet on me disait « c'est trop tard » », « Boris Johnson peut dire “J'ai
        # gagné” »: a short sentence said
        return True
    if _I_SAY.search(text, max(0, span.open - 60), span.open):
        # « Je dis « plus limité » », « Je dis bien en premier lieu « nous pouvons » »: the
        # speaker's own words, stressed, however few
        return True
    if not lower:
        # « pour qu'on leur dise « Bienvenue en France ! » »: a short sentence after a verb
        # of speech is speech; « Cités éducatives » is a name
        before = text[max(0, span.open - 30) : span.open]
        return inner.rstrip(' »"”')[-1:] in ".!?…" and bool(_VERB.search(before))
    strong = attribution.strength in ("explicit", "subject", "pronoun", "continuation")
    if not strong:
        return False
    if context.third_person:
        return True
    # In a speech or a transcript, the speaker's own short quotes are scare quotes; words
    # explicitly lent to someone else are a quotation.
    own = {context.default}
    turn = turn_at(context.turns, span.open) if context.turns else None
    if turn is not None:
        own.add(turn.name)
    if attribution.speaker is None:
        return attribution.function is not None  # « le Président de la République déclarait »
    return attribution.speaker not in own


def _cue(cue: str | None) -> str | None:
    return " ".join(cue.split()) if cue else None
