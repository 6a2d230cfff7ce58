"""What a journalist's words ask beyond their words: a date, a kind, « qui a dit ».

A journalist types from memory: « discours Macron Mulhouse mars 2020 », « notre communiqué
sur la fuite de données de mars », « qui a dit nous sommes en guerre sanitaire », « ce que
Castex a dit sur le couvre-feu ». The words still search the texts as typed, but some of them
say something a text does not: a month or a day (rarely written in the statement; a year
alone is left to the words, as in « entre 2019 et 2022 », a quotation's), a kind
(« communiqué », « discours »), and the question around the words (« qui a dit », « ce que
… a dit sur ») that no statement holds. (A person named with a capital, preferred as the
speaker, was tried on the tasks' dev half and left out: a name typed is as often the topic —
« Macron Merkel hydrogène » finds the Élysée's communiqué — and dev lost 0.02-0.05 at top 1.)

« Ce que Castex a dit sur … » names who said it: that speaker is preferred (unlike a name
merely typed). `read_intent(q)` returns the query to search (the question's own words taken
off) and the preferences (their words are still searched: taking the month and kind words
off the words searched lost 0.02-0.05 at top 1 on dev); `indexer.search` puts first, among
the best matches, the records that meet more of them (`Intent.met`). Measured on the
journalist search tasks (`bench.tasks`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.analysis import STOP_WORDS
from indexer.analysis import fold as fold_accents
from indexer.extract.dates import MONTHS
from indexer.extract.functions import FUNCTION_WORDS
from indexer.extract.names import looks_like_body, strip_civility
from indexer.query import PASSAGE_WORDS
from indexer.surnames import PARTICLES

# A kind typed in the query → the kinds (`indexer.extract.kinds.KINDS`) a user means by it:
# a journalist's « discours » is vie-publique's « Déclaration de M. … », and the reverse.
KIND_WORDS = {
    "communique": ("communiqué",),
    "communiques": ("communiqué",),
    "discours": ("discours", "déclaration"),
    "allocution": ("discours", "déclaration"),
    "declaration": ("déclaration", "discours"),
    "interview": ("interview", "entretien"),
    "entretien": ("entretien", "interview"),
    "tribune": ("tribune",),
    "dossier de presse": ("dossier de presse",),
    "conference de presse": ("conférence de presse",),
    "conseil des ministres": ("conseil des ministres",),
}
# the first words of a question typed without its « ? » (folded)
QUESTION_WORDS = frozenset("""comment combien pourquoi quand quel quelle quels quelles qui que
    quoi ou lequel laquelle lesquels lesquelles est peut puis dois faut existe""".split())
_MONTH = (r"(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre"
          r"|novembre|d[ée]cembre)")
_YEAR = r"(1[89]\d\d|20\d\d)"
# « le 8 février 2013 », « 1er mars », « mars 2000 », « en mars », « de mars »
_DATE = re.compile(
    rf"(?i)\b(?:(?:le\s+)?(1er|[12]\d|3[01]|0?[1-9])\s+{_MONTH}(?:\s+{_YEAR})?"
    rf"|{_MONTH}\s+{_YEAR}"
    rf"|(?:en|de|d'|du\s+mois\s+de)\s*{_MONTH})\b")
# the question around the words: « ce que X a dit sur … » (« qui a dit … »: `asked`)
_WHAT_SAID = re.compile(
    r"(?i)^\s*(?:ce\s+que|ce\s+qu['’])\s*(.+?)\s+(?:a|avait)\s+(?:dit|déclaré|declare)"
    r"\s+(?:sur|de|à\s+propos\s+de|a\s+propos\s+de|au\s+sujet\s+de)\s+")


# A quotation pasted with the name of who is said to have said it, the way articles and posts
# print it: « Pierre Moscovici : « Les LuxLeaks créaient une opportunité » », « Macron:
# "…" », « Darmanin a dit « … » », « « … » (Gérald Darmanin) », « “…”, a déclaré Gérald
# Darmanin » — a name of one to five capitalised words (particles allowed), perhaps its
# function after a comma, then the words between quotation marks
_QUOTED = r"(?:«\s*(?P<g>[^«»]+?)\s*»|“(?P<c>[^“”]+)”|\"(?P<s>[^\"]+)\")"
# a person (« Gérald Darmanin », « M. Mac Harb », « La FRV »: capitalised words, particles
# between) or an organisation opened by what it is (« Comité de soutien à Antoine Deltour »,
# « Ministère de l'Europe et des Affaires étrangères »: up to eight words); « Darmanin sur
# Europe 1 » is a name and where it was said (`_CONTEXT`), not a name. `_who` says no to
# « Le rapport », « Monsieur le Président ».
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w’'.-]*"
_PERSON = (rf"{_CAPITALISED}(?:\s+(?:(?:de|du|des|d’|d'|la|le|l’|l'|von|van|van\s+der|di|da)"
           rf"\s*)?{_CAPITALISED}){{0,4}}")
ORGANISATIONS = ("Comité Association Ministère Fédération Syndicat Collectif Union Conseil "
                 "Fondation Parti Groupe Mouvement Présidence Cour Commission Agence Institut "
                 "Observatoire Secrétariat Direction Ligue Réseau Coordination Confédération "
                 "Chambre Sénat Assemblée Gouvernement Mairie Ville Région Département "
                 "Préfecture Ambassade Haut Haute Défenseur Office Centre Cabinet").split()
# the press's verbs of stance, heading the words in a headline (`_HEADLINED`) and ending an
# organisation's or a function's words (« La ministre de la Culture tacle le gouvernement : »)
_STANCE = (r"(?:tacle|fustige|étrille|raille|épingle|recadre|critique|charge|attaque|accuse|"
           r"cingle|flingue|dézingue|égratigne|brocarde|sermonne|tance|torpille|cogne|"
           r"défend|assume|justifie|relativise|minimise|nuance|tempère|rassure|rectifie|"
           r"riposte|rétorque|réplique|ironise|salue|félicite|remercie|interpelle|exhorte|"
           r"appelle|somme|alerte|menace|tranche|balaie|rejette|réfute|conteste|dément|"
           r"confirme|plaide|prône|réclame|exige|demande|propose|jure|persiste|glisse|raconte|"
           r"détaille|déplore|tonne|peste|fulmine|enrage|proteste)")
# (not where or when it was said after it: « Association Drupal France devant les députés »,
# « … lors d'une conférence de presse », « … en 2020 », « … sur France Inter »)
_ORGANISATION = (rf"(?:{'|'.join(ORGANISATIONS)})"
                 r"(?:\s+(?!(?:a|avait|ont|avaient|devant|lors|dans)\s|(?:en|le)\s+\d"
                 rf"|sur\s+[A-ZÀ-ÖØ-Þ]|{_STANCE}(?![\w’'-]))[\w’'.-]+){{0,7}}")
_NAME = rf"(?:{_ORGANISATION}|{_PERSON})"
_ORGANISATION_NAME = re.compile(rf"{_ORGANISATION}$")
# where or when, between a name and its colon: « Darmanin sur Europe 1 : « … » »
# (not past a verb of stance: « Comité de soutien à Antoine Deltour déplore : » is the
# committee's, not « Comité de soutien » where « à Antoine Deltour déplore »)
_CONTEXT = (r"(?:\s+(?:sur|à|au|aux|dans|devant|lors|en|hier|ce|cette|le|auprès)\s+"
            rf"(?:(?!\s{_STANCE}(?![\w’'-]))[^,:«»“”\"()]){{1,60}}?)?")
_FUNCTION = r"(?:\s*,\s*[^,:«»“”\"()]{1,80})?"
# where and when between brackets, between a name and its colon: « Véran (BFMTV, 27 mars
# 2023) : « … » »
_ASIDE = r"(?:\s*\([^()]{1,80}\))?"
# the verbs an article puts between a name and its words (present and past)
_SAYS = (r"(?:a\s+|avait\s+)?(?:dit|déclaré|affirmé|lancé|écrit|répondu|estimé|martelé|"
         r"assuré|prévenu|averti|ajouté|reconnu|confié|expliqué|souligné|rappelé|tweeté)"
         r"|dit|disait|déclare|affirme|lance|écrit|répond|estime|martèle|assure|prévient|"
         r"avertit|ajoute|reconnaît|reconnait|confie|explique|souligne|rappelle|tweete")
# ... or by their function, as articles name officials: « La présidente de la FRV : « … » »,
# « Pour le ministre de l'Intérieur, « … » », « « … », a déclaré le maire de Montclair »; its
# complement too (« Le Président » alone is a name, the head of State's), as far as it goes
# (« secrétaire d'État aux affaires européennes »), not a verb after it nor where or when it
# was said (« La ministre de la Culture sur France Inter : »: `_CONTEXT`)
_ROLE = (rf"(?i:l['’]\s*|le\s+|la\s+)(?i:{FUNCTION_WORDS})"
         rf"(?:\s+(?!(?:a|avait|ont|avaient|sur|dans|devant|lors|hier|ce|cette)\s|(?:en|le)\s+\d"
         rf"|(?:{_SAYS}|{_STANCE})(?![\w’'-]))[^\s,:;.!?«»“”\"()]+){{1,12}}")
# ... or alone, opening in lower case (« La ministre : « … » », « le garde des Sceaux »)
_BARE_ROLE = rf"(?i:l['’]\s*|le\s+|la\s+)(?=[a-zà-öø-ÿ])(?i:{FUNCTION_WORDS})"
# ... or by the names the press gives an office (`OFFICE_NAMES`), and the head of State's
# and the head of government's with their capitals (« Le Président : », « La Première
# ministre : »), where a capitalised function is otherwise a name (« Le Maire » is Bruno's)
OFFICE_NAMES = (
    (r"[ée]lys[ée]e|chef de l['’][ée]tat", "le président de la République"),
    (r"matignon|chef(?:fe)? du gouvernement", "le Premier ministre"),
    (r"bercy", "le ministre de l'Économie"),
    (r"(?:place )?beauvau", "le ministre de l'Intérieur"),
    (r"quai d['’]orsay|chef(?:fe)? de la diplomatie(?: fran[çc]aise)?",
     "le ministre des Affaires étrangères"),
    (r"chancellerie|place vend[ôo]me", "le garde des Sceaux"),
    (r"h[ôo]tel de brienne", "le ministre des Armées"),
    (r"rue de grenelle", "le ministre de l'Éducation nationale"),
    (r"avenue de s[ée]gur", "le ministre de la Santé"),
    (r"h[ôo]tel de roquelaure", "le ministre de la Transition écologique"),
)
_OFFICE = (rf"(?i:(?:l['’]\s*|le\s+|la\s+)?(?:{'|'.join(p for p, _ in OFFICE_NAMES)}))"
           rf"(?![\w’'-])")
_HEAD_ROLE = r"[Ll][ea]\s+(?:Premi(?:er|ère)\s+[Mm]inistre|Présidente?)(?![\w’'-])"
_WHO = rf"(?:{_OFFICE}|{_HEAD_ROLE}|{_NAME}|{_ROLE}|{_BARE_ROLE})"
MAX_CLAIM_CHARS = 3000
# the end of a pasted line: a full stop, a post's hashtags (« … » #tourisme #Covid19)
_END = r"\s*[.!]?(?:\s+#[\w-]+)*\s*$"
# a post's author by their handle (« .@JBLemoyne : « … » »): no name the speakers hold
_HANDLE = r"\.?@(?P<handle>\w{1,30})"
# Beside a quotation between marks, any verb the press uses is one of speech (« a dénoncé »,
# « s'est indignée », « regrette », « a-t-elle fustigé »), not only `_SAYS`: after a name,
# one in a compound tense; between the words and a name after a comma, one in any tense;
# with its pronoun, a verb naming no one
_VERB = r"[a-zà-öø-ÿ]{3,}"
# (a negation and « est » too: « X n'a pas mâché ses mots : « … » », « X est monté au
# créneau : « … » »)
_COMPOUND = (rf"(?:(?:n['’]\s*)?(?:a|avait)\s+(?:(?:pas|plus|jamais)\s+)?"
             rf"|s['’](?:est|était)\s+|(?:est|était)\s+){_VERB}")
# an infinitive after the verb: « « … », a tenu à rappeler X », « …, a fait savoir X »
_INFINITIVE = r"(?:(?:à|de)\s+|d['’]\s*)?[a-zà-öø-ÿ]{2,}(?:er|ir|re)(?![\w’'-])"
_INVERTED = rf"(?:{_COMPOUND}(?:\s+{_INFINITIVE})?|{_VERB}(?<=[et]))"
# an adverb after a headline's verb: « X regrette vivement que « … » »
_ADVERB = (r"(?:[a-zà-öø-ÿ]{3,}ment|encore|aussi|aussitôt|toujours|pourtant|également|"
           r"alors|bien|d['’]ailleurs|(?:à|de)\s+nouveau)(?![\w’'-])")
_PRONOUN_VERB = (rf"(?:(?:a|avait)-t-(?:il|elle|on)\s+{_VERB}|{_VERB}-(?:t-)?(?:il|elle|on)"
                 rf"|s['’](?:est|était)-(?:il|elle)\s+{_VERB})")
# when, between a verb and its subject put after it (« « … », a martelé vendredi X »)
_WHEN = (r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui)"
         r"(?:\s+(?:soir|matin|midi|après-midi))?|encore|ensuite|aussi|également|alors)")
# the verbs of speech the press puts in an incise or a headline, beyond `_SAYS`
_INCISE_SAYS = (rf"(?:{_SAYS}|promis|promet|indiqué|indique|précisé|précise|annoncé|annonce|"
                r"insisté|insiste|jugé|juge|dénoncé|dénonce|regretté|regrette|admis|admet|"
                r"concédé|concède|conclu|conclut|poursuivi|poursuit|lâché|lâche|résumé|résume|"
                r"observé|observe|relevé|relève|plaidé|plaide|avancé|avance)")
# As a headline or a lead prints it, the name then a verb in the present (« Aubertin dénonce
# « … » »): before a colon or « que », any verb ending as the third person does (« dénonce »,
# « avertit », « répond ») or a reflexive one (« s'inquiète », « se félicite »); with nothing
# between it and the words, only a reflexive verb or one of the press's verbs of speech
# (`_INCISE_SAYS`), since keywords too may put a word between a name and a quoted phrase
# (« Macron réforme « quoi qu'il en coûte » » searches for a phrase and a word)
_REFLEXIVE = rf"(?:s['’]\s*|se\s+){_VERB}|met\s+en\s+garde"
_PRESENT = rf"(?:{_REFLEXIVE}|{_VERB}(?<=[etd]))"
_HEADLINE = rf"(?:{_REFLEXIVE}|{_INCISE_SAYS})"
# what a caption calls the words before whose they are (« Citation de X : »)
_CAPTION = (r"(?i:(?:la\s+|une\s+)?citation|(?:un\s+)?extraits?\s+(?:du|de\s+la|de\s+l['’]|des)"
            r"\s*[\w’'-]+|(?:les\s+)?(?:mots|propos|paroles))")
# « Comme l'a dit X », « Comme le rappelait X »: a framing the claims read marked or not
_AS_SAID = rf"comme\s+(?:l['’](?:a|avait)|le)\s+{_VERB}"
# an organisation's article, after a framing or a verb (« Selon la FRV », « dénonce la FRV »)
_BODY_ARTICLE = r"(?:(?i:l['’]|la\s+|le\s+|les\s+)(?=[A-ZÀ-ÖØ-Þ]))?"


def _headed(verb: str, rubric: str = "", aside: str = "", governed: str = "") -> re.Pattern:
    """Return the pattern of a line headed by who said it, then `verb`, perhaps an adverb,
    a colon or « que », and the words between marks; `rubric`, `aside` and `governed` what
    may open the line, follow the name between brackets, and follow the verb before a colon."""
    return re.compile(rf"^\s*{rubric}(?P<who>{_WHO}){_FUNCTION}{aside}\s*,?\s+{verb}(?![\w’'-])"
                      rf"(?:\s+{_ADVERB})?{governed}\s*(?::|\s+qu(?:e\b|['’]))?\s*{_QUOTED}{_END}")


# the newspapers, stations and agencies a line names between who said the words and the words,
# as a press review prints them (« Claire Aubertin : Libération « … » »); French, Belgian,
# Swiss, Luxembourg and Canadian titles, an article optional
MEDIA_NAMES = (
    "Libération", "Libé", "Le Monde", "Le Figaro", "Le Parisien", "Aujourd'hui en France",
    "Les Échos", "La Croix", "L'Humanité", "L'Opinion", "Le Journal du dimanche", "JDD",
    "Le Point", "L'Express", "L'Obs", "Le Nouvel Obs", "Marianne", "Challenges", "Mediapart",
    "Le Canard enchaîné", "Paris Match", "Valeurs actuelles", "La Tribune", "Ouest-France",
    "Sud Ouest", "La Dépêche", "La Dépêche du Midi", "La Voix du Nord", "Le Progrès",
    "Le Dauphiné libéré", "Nice-Matin", "La Provence", "Le Télégramme", "L'Est républicain",
    "Les Dernières Nouvelles d'Alsace", "DNA", "Midi libre", "La Montagne", "20 Minutes",
    "Le HuffPost", "HuffPost", "Slate", "Konbini", "Brut", "France Inter", "France Info",
    "franceinfo", "France Culture", "France Bleu", "ici", "RTL", "RMC", "Europe 1", "RFI",
    "Sud Radio", "BFMTV", "BFM TV", "BFM", "CNews", "LCI", "TF1", "France 2", "France 3",
    "France 5", "France 24", "M6", "Arte", "TV5 Monde", "LCP", "Public Sénat", "AFP",
    "Reuters", "Le Soir", "La Libre Belgique", "RTBF", "Le Temps", "La Tribune de Genève",
    "RTS", "Le Quotidien", "Luxemburger Wort", "Le Devoir", "La Presse",
    "Le Journal de Montréal", "Radio-Canada",
)
_MEDIA = "|".join(re.escape(name).replace("'", "['’]").replace(r"\ ", r"\s+")
                  for name in sorted(MEDIA_NAMES, key=len, reverse=True))
# The press's labels heading a headline before a full stop or a dash, naming the article's
# kind (« VIDÉO. », « EXCLUSIF - », « INFO FRANCEINFO. », « LA PHRASE DU JOUR - »), and the
# news agencies whose label heads a wire's words (« AFP – », « Reuters - »): a closed list, any
# case, naming nobody whatever the separator (« AFP : « … » », `split_claim`); whatever else
# stands there in capitals is a name here (« CASTEX – »: who said it), and `indexer.verify`
# reads a single word no speaker of the index bears as a rubric the list lacks (« ZOOM - »)
PRESS_LABELS = (
    "vidéos?", "videos?", "photos?", "audio", "podcast", "infographie", "carte", "replay",
    "info", "infos", "exclusif", "exclusivité", "exclusivite", "révélations?", "document",
    "direct", "en direct", "live", "alerte", "urgent", "flash", "breaking", "dernière minute",
    "interview", "grand entretien", "entretien", "tribune", "enquête", "enquete", "reportage",
    "récit", "recit", "analyse", "décryptage", "decryptage", "portrait", "chronique", "édito",
    "edito", "éditorial", "editorial", "opinion", "point de vue", "témoignages?",
    "temoignages?", "revue de presse", "verbatim", "fact-check", "vrai ou faux",
    "info ou intox", r"(?:la\s+)?(?:phrase|citation)(?:\s+du\s+jour)?", "le mot du jour",
)
AGENCY_NAMES = ("AFP", "Reuters", "AP", "Associated Press", "Belga", "ATS", "Keystone-ATS",
                "DPA", "ANSA", "EFE", "Bloomberg", "Xinhua", "La Presse canadienne")
_PRESS = rf"(?:{'|'.join(PRESS_LABELS)})"
_AGENCY = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in AGENCY_NAMES)
# a label, perhaps with a newspaper's or an agency's name (« INFO FRANCEINFO », « EXCLUSIF
# RTL »), or a newspaper's, a station's or an agency's name alone
_LABEL = (rf"(?i:(?:{_PRESS}|{_MEDIA}|{_AGENCY})(?:\s+(?:{_PRESS}|{_MEDIA}|{_AGENCY}))*)"
          rf"(?![\w’'-])")
_LABEL_NAME = re.compile(rf"{_LABEL}$")
_CLAIMS = (
    # « Gérald Darmanin a affirmé lundi sur Europe 1 que « … » »: when and where between;
    # where or when before, up to a comma or two (« Interrogée par France Inter, X a déclaré
    # : », « Le 12 mars, à Paris, X a déclaré : »);
    # first, so that « Comité de soutien à Antoine Deltour a averti : » is the committee's,
    # not « Comité de soutien » where « à Antoine Deltour a averti »
    re.compile(rf"^\s*(?:[^«»“”\",:]{{1,80}},\s+){{0,2}}(?P<who>{_WHO}){_FUNCTION}\s*,?\s+"
               rf"(?:{_SAYS}|{_COMPOUND})\b[^«»“”\"]{{0,80}}?{_QUOTED}{_END}"),
    # a headline's verb (`_HEADLINE`) after any name, before the colon's claim, where it
    # would be read as the end of a function (« La ministre de la Culture regrette : »)
    _headed(_HEADLINE),
    # a caption's or a quotations site's: « Citation de X : », « Extrait du discours de X à
    # Paris : », « Propos de X recueillis par Le Monde : » (else « Citation de X » is a name)
    re.compile(rf"^\s*{_CAPTION}\s+(?:de\s+|d['’]\s*)(?P<who>{_WHO}){_FUNCTION}{_CONTEXT}"
               rf"(?:\s+recueillis\s+par\s+[^:«»“”\"]{{1,60}})?{_ASIDE}\s*:\s*{_QUOTED}{_END}"),
    re.compile(rf"^\s*(?:(?P<who>{_WHO}){_FUNCTION}{_CONTEXT}{_ASIDE}|{_HANDLE})\s*:\s*"
               rf"{_QUOTED}{_ASIDE}{_END}"),
    # a full stop or a dash in the colon's place, as press rubrics and posts write it
    # (« Sophie Lemaire-Dufour – « … » », « Dette. « … » »: `indexer.verify` tells a topic
    # from who said the words; « CASTEX – « … » », « LFI - « … » »: a name, a party in
    # capitals); not after the press's labels nor an agency's (`_LABEL`: « VIDÉO. « … » »,
    # « EXCLUSIF - « … » », « AFP – « … » »), which name nobody (`split_heading_claim`)
    re.compile(rf"^\s*(?!{_LABEL}\s*(?:\.|[-–—]))(?P<who>{_WHO}){_FUNCTION}{_CONTEXT}{_ASIDE}"
               rf"(?:\.|\s+[-–—])\s*{_QUOTED}{_ASIDE}{_END}"),
    # any present before a colon or « que » after a person's name, which holds no word in
    # lower case (after a function or an organisation, « populaire » may end its name)
    re.compile(rf"^\s*(?P<who>{_PERSON}){_FUNCTION}\s*,?\s+(?!(?i:{FUNCTION_WORDS})\b){_PRESENT}"
               rf"(?:\s+{_ADVERB})?\s*(?::|\s+qu(?:e\b|['’]))\s*{_QUOTED}{_END}"),
    # « Selon la FRV, « … » »: an organisation after its article too; « Comme l'a dit X, »,
    # « Comme le disait X : », « Pour reprendre les mots de X, »
    re.compile(rf"(?i:^\s*(?:(?:(?:pour\s+reprendre|selon|d['’]après)\s+les\s+(?:mots|propos"
               rf"|termes)|pour\s+citer\s+les\s+mots)\s+(?:de\s+|d['’]\s*)|pour\s+citer\s+"
               rf"|selon\s+|pour\s+|d['’]après\s+|{_AS_SAID}\s+"
               rf"|ainsi\s+que\s+l['’](?:a|avait)\s+{_VERB}\s+))"
               rf"(?P<who>{_BODY_ARTICLE}{_WHO}){_FUNCTION}\s*[,:]?\s*{_QUOTED}{_END}"),
    # the words first: « « … » (Name, function or date) », « « … », a déclaré Name »,
    # « « … », selon Name », « « … » — Name »
    re.compile(rf"^\s*{_QUOTED}\s*(?:\(\s*(?P<who>{_NAME})(?:\s*,[^()]{{1,80}})?\s*\)"
               rf"|,?\s*(?:{_SAYS}|(?i:(?:selon|d['’]après|dixit)(?:\s+les\s+(?:mots|propos|termes)"
               rf"\s+(?:de(?=\s)|d['’]))?))(?:\s+{_WHEN})?\s*(?P<after>{_WHO})"
               rf"{_FUNCTION}{_CONTEXT}"
               rf"|\s*,\s*{_INVERTED}(?:\s+{_WHEN})?\s+(?P<inverted>{_BODY_ARTICLE}{_WHO})"
               rf"{_FUNCTION}{_CONTEXT}"
               rf"|\s*,\s*{_PRONOUN_VERB}(?:\s+{_WHEN})?{_CONTEXT}"
               # people no one names: « « … », ont fait valoir ses proches »
               rf"|\s*,\s*(?:ont|avaient)\s+{_VERB}(?:\s+{_INFINITIVE})?\s+[^«»“”\"]{{1,80}}?"
               rf"|\s*[—–-]\s*(?P<dash>{_NAME}){_FUNCTION}"
               # a post's signature: « « … » Clément Beaune », « « … » Comité de soutien … »
               rf"|\s+(?P<signed>{_NAME})){_END}"),
)
# As a press headline or a post frames who said it, beyond the readers above (`_HEADLINED`,
# read only when the words between the marks are a sentence or a passage, `_passage`: « Macron
# fustige « séparatisme » » is a name and keywords). With no colon, a name or a function
# heading the line, then one of the press's verbs of stance (« Clément Beaune tacle « … » »,
# « Le ministre fustige « … » »): a keyword too may stand between a name and a quoted
# phrase and end as a verb does (« Macron réforme « … » »), so these verbs are named. Before
# a colon, any verb in the present after a person's name and what it governs (« X étrille le
# gouvernement : », « X persiste et signe : », « X sort de sa réserve : »). A rubric may open
# the line (« Retraites : », « VIDÉO. »). The words first, then a headline's sentence after a
# colon (« « … » : X recadre la majorité ») or a noun phrase saying whose (« « … », la
# réponse cinglante de X », « « … » : le cri d'alarme d'Y »).
_HEADLINE_VERB = rf"(?:{_HEADLINE}|{_STANCE})"
# what the verb governs before the colon, up to it (« le gouvernement », « au créneau »)
_GOVERNED = r"\s+[^«»“”\":;.!?]{1,60}?"
_RUBRIC = r"(?:[^«»“”\":.!?]{1,40}[:.]\s+)?"
_HEADLINED = (
    _headed(_HEADLINE_VERB, _RUBRIC, _ASIDE, rf"(?:{_GOVERNED}(?=\s*:))?"),
    re.compile(rf"^\s*{_RUBRIC}(?P<who>{_PERSON}){_FUNCTION}{_ASIDE}\s*,?\s+"
               rf"(?!(?i:{FUNCTION_WORDS})\b){_PRESENT}(?![\w’'-])(?:{_GOVERNED})?\s*:\s*"
               rf"{_QUOTED}{_END}"),
    re.compile(rf"^\s*{_QUOTED}\s*:\s*(?:(?P<who>{_PERSON}){_FUNCTION}\s+{_PRESENT}"
               rf"(?![\w’'-])|(?P<after>{_WHO}){_FUNCTION}\s+{_HEADLINE_VERB}(?![\w’'-]))"
               rf"(?:\s+[^«»“”\":]{{1,60}}?)?{_END}"),
    re.compile(rf"^\s*{_QUOTED}\s*[,:]\s*(?i:le|la|les|l['’])\s*[^«»“”\":;,.()]{{1,50}}?"
               rf"\s(?:de\s+|d['’]\s*)(?P<who>{_BODY_ARTICLE}{_WHO}){_FUNCTION}{_END}"),
)
# ... and with no colon, any verb in the present after a person's or an organisation's name,
# not only those `_HEADLINED` names (« Clément Beaune allume « … » », « VIDÉO. Beaune
# rembarre à nouveau « … » », « Comité de soutien à Antoine Deltour bondit « … » »): a
# keyword may stand there too (« Macron réforme « … » »), so the line is so read only when
# the index knows the name as a speaker's (`split_headlined_claim`'s callers)
_HEADLINED_ANY = re.compile(
    rf"^\s*{_RUBRIC}(?P<who>{_NAME}){_ASIDE}\s+(?!(?i:{FUNCTION_WORDS})\b)"
    rf"(?!{_ADVERB})(?P<verb>{_PRESENT})(?![\w’'-])(?:\s+{_ADVERB})?\s*{_QUOTED}{_END}")
# Words typed without marks around them (`_CLAIMS` reads those), but perhaps holding some: a
# title or a phrase quoted inside (« Comité … : L'Essentiel « C'est PwC qui écrivait … » »)
_UNMARKED_WORDS = r"(?![«“\"])[^«»“”\"]+(?:[«“\"][^«»“”\"]*[»”\"][^«»“”\"]*)*"
# Unmarked, the words after a name are a quotation when a verb of speech stands between
# (« Darmanin a dit nous sommes en guerre … »; not « a dit sa satisfaction », which says what
# was expressed, not the words) or when, after a colon, they speak as people speak — a
# person's pronoun (« Darmanin : nous sommes en guerre contre … »); « Macron : discours de la
# Sorbonne », « LuxLeaks : Antoine Deltour condamné en appel » are keywords
_SAID_UNMARKED = re.compile(
    rf"^\s*(?P<who>{_NAME}){_FUNCTION}\s*,?\s+(?:{_SAYS})(?:\s*:\s*|\s+que\s+|\s+qu['’]\s*|\s+)"
    rf"(?!(?:sur|de|à\s+propos|au\s+sujet|sa|son|ses|leur|leurs)\b)"
    rf"(?P<words>{_UNMARKED_WORDS})$")
_COLON_UNMARKED = re.compile(rf"^\s*(?P<who>{_NAME}){_FUNCTION}{_CONTEXT}{_ASIDE}\s*:\s+"
                             rf"(?P<words>{_UNMARKED_WORDS})$")
# Unmarked, the words then who said them signed after, as a post or a caption prints them:
# « … (Clément Beaune) », « … — Clément Beaune, secrétaire d'État »; a sentence only
# (`sentence_sign`), since keywords may end on a name between brackets
_SIGNED = re.compile(rf"^\s*(?P<words>[^«»“”\"()—–]+?)(?:\s*\(\s*(?P<who>{_NAME})"
                     rf"(?:\s*,[^()]{{1,80}})?\s*\)|\s+[—–-]\s*(?P<dash>{_NAME}){_FUNCTION})"
                     rf"\s*[.!]?\s*$")
# Unmarked, the words before an incise of speech at the end, the verb before its subject as
# French prints it: « Les foires sont encore entravées, a reconnu Jean-Baptiste Lemoyne »,
# « …, estime le ministre », « …, a-t-il déclaré », « …, selon Olivier Véran ». The comma is
# what tells the incise from keywords (« retraites selon Macron »).
_INCISE_VERBS = rf"(?:{_INCISE_SAYS}|selon|d['’]après)"
_PRONOUN = r"-(?:t-)?(?:il|elle|on)"
# a function after the name of an incise opens with a function's word (`FUNCTION_WORDS`):
# what follows the name's comma otherwise is more words (« …, a déclaré X, nous attendons
# … », « …, a ajouté X, exprimé sa reconnaissance … », « …, selon Bruxelles, dépassera 5 % »)
_FUNCTION_OPENS = re.compile(rf"(?i:(?:l['’]|le\s+|la\s+)?{FUNCTION_WORDS})\b")
_APPOSED = (rf"(?:\s*,\s*{_FUNCTION_OPENS.pattern}[^,.:;«»“”\"()]{{0,80}}?)?")
# Unmarked, who said it first as a lead introduces words it reports: « Selon X, … »,
# « D'après X, … », « Comme l'a dit X, … », « Comme le rappelait X : … » (a function after
# the name opens with a function's word, `_APPOSED`); a sentence only (`sentence_sign`), since
# « selon Bruxelles, déficit 5 % » is keywords
_LED = re.compile(rf"^\s*(?i:selon|d['’]après|{_AS_SAID})\s+"
                  rf"(?P<who>{_BODY_ARTICLE}{_WHO})(?:{_APPOSED})?\s*[,:]\s+"
                  rf"(?P<words>[^«»“”\"]+)$")
# ... and « Pour X, … » too, with or without a sentence's sign in the words (« Selon Sophie
# Lemaire-Dufour, aider les exploitations vers des cultures moins gourmandes en eau »): read
# when the index knows the name (`split_led_claim`'s callers), since « Pour Noël, … » and
# « Selon Bruxelles, déficit 5 % » open on no one who speaks
_LED_ANY = re.compile(rf"^\s*(?i:selon|d['’]après|pour|{_AS_SAID})\s+"
                      rf"(?P<who>{_BODY_ARTICLE}{_WHO})(?:{_APPOSED})?\s*[,:]\s+"
                      rf"(?P<words>[^«»“”\"]+)$")
_INCISE = re.compile(
    rf",\s*(?:(?:a|avait)(?:{_PRONOUN})?\s+)?{_INCISE_VERBS}(?:{_PRONOUN})?"
    rf"(?:\s+(?P<who>{_NAME}){_APPOSED}{_CONTEXT}"
    rf"|\s+(?:le|la|les|l['’])\s*[^,.!?«»“”\"]{{1,80}})?\s*[.!]?\s*$")
# ... or between two parts of the words, the quotation going on after it, within its marks
# or between two pairs: « Nous avons entendu de belles intentions, a déclaré Claire Aubertin.
# Nous attendons des actes », « « … », a déclaré X, présidente de Y. « … » » (`_APPOSED`).
# A verb only: « selon X » within the words is the speaker's (« Le déficit, selon Bruxelles,
# dépassera 5 % »). The verb with its pronoun names no one: « Nous ne réclamons pas moins de
# protection, a-t-elle ajouté, nous réclamons une protection intelligente ».
_MID_INCISE = re.compile(
    rf"\s*[»”\"]?\s*,\s*(?:(?:(?:a|avait)(?:{_PRONOUN})?\s+)?{_INCISE_SAYS}(?:{_PRONOUN})?"
    rf"\s+(?P<who>{_NAME}){_APPOSED}"
    rf"|(?:a|avait){_PRONOUN}\s+{_INCISE_SAYS}|{_INCISE_SAYS}{_PRONOUN})"
    rf"\s*[.,;]\s*[«“\"]?\s*")
# ... and after the second part, between its marks, the incise that ends the quotation:
# « « … », a déclaré X. « … », a-t-elle ajouté. »
_TAIL_INCISE = re.compile(
    rf"(?<=[»”\"])\s*,\s*(?:{_PRONOUN_VERB}|(?:{_SAYS}|{_INVERTED})\s+{_WHO}{_FUNCTION})"
    rf"{_END}")
SPOKEN = frozenset("je j nous vous on il elle ils elles me m moi mon ma mes notre nos votre "
                   "vos c ca cela".split())
# a capitalised word opening a sentence is not a name (« Le rapport dit « … » »)
_NOT_NAMES = frozenset("le la les l un une il elle on nous vous je ce cette ces ils elles "
                       "qui que mais et or donc comme pour selon apres ainsi dans".split())
# a name opened by these is an address, part of the words said (« Monsieur le Président : je
# vous remercie … »)
_ADDRESSES = frozenset("monsieur madame mesdames messieurs cher chere chers cheres".split())


def _who(name: str) -> str | None:
    """Return the name as the speakers' facet would hold it, or None when it is no name: a
    sentence's subject (« Le rapport », « Il »), an address (« Monsieur le Président »).

    >>> _who("M. Mac Harb"), _who("Le Président"), _who("Le rapport"), _who("Madame la ministre")
    ('Mac Harb', 'Le Président', None, None)
    >>> _who("L'association Anticor")
    "L'association Anticor"
    >>> _who("Jean-Baptiste Lemoyne.")  # the sentence's end, not an initial (« Jean L. »)
    'Jean-Baptiste Lemoyne'
    """
    name = re.sub(r"(?<=\w\w)\.+$", "", name.strip())
    words = re.split(r"[\s'’]+", name)
    folded = [fold(w) for w in words]
    if folded[0] in _ADDRESSES or fold(name) in _NOT_NAMES or (
            folded[0] in _NOT_NAMES and not any(w[:1].isupper() for w in words[1:])):
        return None
    # a civility is not part of the name the speakers' facet holds (« M. Mac Harb »)
    return strip_civility(" ".join(name.split())) or None


def role_of(typed: str) -> str | None:
    """Return a function typed for who said it (`_ROLE`), its article in lower case, or None.

    >>> role_of("La présidente de la FRV"), role_of("l'ancien ministre de l'Intérieur")
    ('la présidente de la FRV', "l'ancien ministre de l'Intérieur")
    >>> role_of("La FRV") is None, role_of("Le Maire") is None  # a name (Bruno Le Maire's)
    (True, True)
    >>> role_of("Le Président"), role_of("La Première ministre")  # the heads, capitalised
    ('le Président', 'la Première ministre')
    >>> role_of("La ministre"), role_of("le garde des Sceaux")  # alone, named before
    ('la ministre', 'le garde des Sceaux')
    """
    typed = " ".join(typed.split())
    if re.fullmatch(_ROLE, typed) or re.fullmatch(_BARE_ROLE, typed) or \
            re.fullmatch(_HEAD_ROLE, typed):
        return typed[:1].lower() + typed[1:]
    return None


def office_of(typed: str) -> str | None:
    """Return the function the press means by a name it gives an office (`OFFICE_NAMES`:
    « l'Élysée », « Matignon », « Bercy », « le Quai d'Orsay »), or None.

    >>> office_of("l'Élysée"), office_of("Bercy"), office_of("la place Beauvau")
    ('le président de la République', "le ministre de l'Économie", "le ministre de l'Intérieur")
    >>> office_of("Claire Aubertin") is None
    True
    """
    bare = re.sub(r"^(?i:l['’]\s*|le\s+|la\s+)", "", " ".join(typed.split()))
    return next((role for pattern, role in OFFICE_NAMES
                 if re.fullmatch(pattern, bare, re.IGNORECASE)), None)


def split_claim(text: str) -> tuple[str | None, str] | None:
    """Return (who, words) when `text` is a quotation pasted with who is said to have said it
    (« Name : « … » », « Name a dit « … » », « « … » (Name) »; asked about, « qui a dit
    « … » ? », is `asked`'s); else None.

    >>> split_claim("Pierre Moscovici : « Les LuxLeaks créaient une opportunité »")
    ('Pierre Moscovici', 'Les LuxLeaks créaient une opportunité')
    >>> split_claim("« Nous sommes en guerre » (Emmanuel Macron, 16 mars 2020)")
    ('Emmanuel Macron', 'Nous sommes en guerre')
    >>> split_claim("Olivier Véran (BFMTV, 27 mars 2023) : « On a toujours réussi à le faire »")
    ('Olivier Véran', 'On a toujours réussi à le faire')
    >>> split_claim("Pour Jean-Baptiste Lemoyne, « les salons sont encore entravés ».")
    ('Jean-Baptiste Lemoyne', 'les salons sont encore entravés')
    >>> split_claim(".@JBLemoyne : « les salons sont encore entravés » #tourisme #Covid19")
    (None, 'les salons sont encore entravés')
    >>> split_claim("Pour la présidente de la FRV, « un plan sans calendrier est une promesse »")
    ('la présidente de la FRV', 'un plan sans calendrier est une promesse')
    >>> split_claim("Le secrétaire d'État aux affaires européennes : « un plan »")[0]
    "le secrétaire d'État aux affaires européennes"
    >>> split_claim("La ministre de la Culture sur France Inter : « un plan »")[0]
    'la ministre de la Culture'
    >>> split_claim("« Un plan sans calendrier est une promesse », a dénoncé Claire Aubertin")
    ('Claire Aubertin', 'Un plan sans calendrier est une promesse')
    >>> split_claim("« Un plan sans calendrier est une promesse », regrette Aubertin.")[0]
    'Aubertin'
    >>> split_claim("« Un plan sans calendrier est une promesse », a-t-elle fustigé")
    (None, 'Un plan sans calendrier est une promesse')
    >>> split_claim("Claire Aubertin s'est indignée : « Un plan sans calendrier »")[0]
    'Claire Aubertin'
    >>> split_claim("Comme l'a rappelé Claire Aubertin, « un plan sans calendrier »")[0]
    'Claire Aubertin'
    >>> split_claim("Interrogée par France Inter, Claire Aubertin a déclaré : « un plan »")[0]
    'Claire Aubertin'
    >>> split_claim("Claire Aubertin s'inquiète : « un plan »")
    ('Claire Aubertin', 'un plan')
    >>> split_claim("Aubertin dénonce « un plan »")  # a headline, the verb in the present
    ('Aubertin', 'un plan')
    >>> split_claim("Macron : discours de la Sorbonne") is None  # no quotation: keywords
    True
    >>> split_claim("Claire Aubertin n'a pas mâché ses mots : « un plan sans calendrier »")[0]
    'Claire Aubertin'
    >>> split_claim("« Nous serons au rendez-vous », a tenu à rappeler Claire Aubertin.")[0]
    'Claire Aubertin'
    >>> split_claim("Aubertin regrette vivement que « le plan reste sans calendrier »")[0]
    'Aubertin'
    >>> split_claim("« Nous serons au rendez-vous », ont fait valoir ses proches.")
    (None, 'Nous serons au rendez-vous')
    >>> split_claim("Citation de Claire Aubertin : « Nous serons au rendez-vous »")[0]
    'Claire Aubertin'
    >>> split_claim("Extrait du discours de Claire Aubertin à Lyon : « Nous serons là »")[0]
    'Claire Aubertin'
    >>> split_claim("« Nous serons au rendez-vous » dixit Claire Aubertin")[0]
    'Claire Aubertin'
    >>> split_claim("« Nous serons au rendez-vous » Claire Aubertin")[0]
    'Claire Aubertin'
    >>> split_claim("« Nous serons là » Comité de soutien à Antoine Deltour")[0]
    'Comité de soutien à Antoine Deltour'
    >>> split_claim("Le 12 mars, à Lyon, Claire Aubertin a déclaré : « Nous serons là »")[0]
    'Claire Aubertin'
    >>> split_claim("Clément Beaune tacle « nous ne choisissons pas les dirigeants »")[0]
    'Clément Beaune'
    >>> split_claim("« Nous serons là », la réponse cinglante de la présidente de la FRV")[0]
    'la présidente de la FRV'
    >>> split_claim("Macron réforme « nous serons là »") is None  # a name and a keyword
    True
    >>> split_claim("AFP : « Nous serons au rendez-vous »")  # an agency names nobody
    (None, 'Nous serons au rendez-vous')
    """
    # one space between words (runs of spaces made the name's pattern try every split of
    # them), and no pasted page: a quotation pasted with its author is a line or two
    text = " ".join((text or "").split())
    if len(text) > MAX_CLAIM_CHARS:
        return None
    for pattern in (*_CLAIMS, *_HEADLINED):
        if m := pattern.match(text):
            groups = m.groupdict()
            typed = groups.get("who") or groups.get("after") or groups.get("inverted") or \
                groups.get("dash") or groups.get("signed")
            who = (role_of(typed) or _who(typed)) if typed else None
            words = " ".join(_between_marks(m).split())
            if (typed and who is None) or (pattern in _HEADLINED and not _passage(words)):
                continue
            if typed and _LABEL_NAME.match(typed.strip()):
                # a press label, a newspaper's or an agency's name printed the words or heads
                # the page, whatever the separator or the place (« AFP : « … » », « « … »
                # (AFP) », « « … », selon Reuters »): it names nobody
                return None, words
            return who, words
    return None


def _passage(words: str) -> bool:
    """Tell whether words between marks read as words said rather than a phrase a keyword
    search quotes: a sentence (`sentence_sign`), or PASSAGE_WORDS words or more."""
    return sentence_sign(words) or len(fold(words).split()) >= PASSAGE_WORDS


def _between_marks(m: re.Match) -> str:
    """Return the words a `_QUOTED` match holds, whichever marks wrap them."""
    return m.group("g") or m.group("c") or m.group("s")


# a verb of speech or « selon », framing a quotation in an article's sentence
_FRAMING = re.compile(rf"(?i:\b(?:{_SAYS}|selon|d['’]après)\b)")
# an article's paragraph pasted whole (« Lors de son déplacement … « … », a-t-elle expliqué
# devant la presse, avant de visiter … »): past this, a pasted page rather than a quotation
MAX_FRAME_WORDS = 120


def framed_quotation(text: str, framing: bool = True) -> str | None:
    """Return the words between marks of a quotation pasted in its article's sentence or
    paragraph, the author not named or not as `split_claim` reads it (« « … », a martelé
    lundi le ministre de l'intérieur »): the longest quotation of PASSAGE_WORDS words or more
    (a word or a title between marks beside it is the article's), with at most
    MAX_FRAME_WORDS other words around it, among them a verb of speech or « selon » unless
    `framing` is false; else None. (`verify` asks without `framing`, and only after the
    line pasted whole was not found word for word: a quotation may hold another.)

    >>> framed_quotation("« Nous sommes en guerre contre les ennemis de l'intérieur », a "
    ...                  "martelé lundi le ministre de l'intérieur")
    "Nous sommes en guerre contre les ennemis de l'intérieur"
    >>> framed_quotation("Castex « nous devons vivre avec le virus » couvre-feu") is None
    True
    >>> framed_quotation("Sur le « Perle », la ministre a expliqué : « Concrètement, c'est un "
    ...                  "chantier de réparation », avant de visiter le site de Toulon.")
    "Concrètement, c'est un chantier de réparation"
    """
    text = " ".join((text or "").split())
    if len(text) > MAX_CLAIM_CHARS:
        return None
    spans = [m for m in re.finditer(_QUOTED, text)
             if len(fold(_between_marks(m)).split()) >= PASSAGE_WORDS]
    if not spans:
        return None
    m = max(spans, key=lambda m: len(_between_marks(m).split()))
    words = " ".join(_between_marks(m).split())
    outside = f"{text[:m.start()]} {text[m.end():]}"
    if len(outside.split()) > MAX_FRAME_WORDS or (framing and not _FRAMING.search(outside)):
        return None
    return words


def split_unmarked_claim(text: str) -> tuple[str | None, str] | None:
    """Return (who, words) when `text` is a quotation typed without marks after who said it:
    a verb of speech between them, or a colon and words that speak (`SPOKEN`), PASSAGE_WORDS
    words or more; or before an incise of speech (`_INCISE`: who is None when it names no
    one, « …, a-t-il déclaré »); else None.

    >>> split_unmarked_claim("Darmanin : nous sommes en guerre contre l'ennemi de l'intérieur")
    ('Darmanin', "nous sommes en guerre contre l'ennemi de l'intérieur")
    >>> split_unmarked_claim("LuxLeaks : Antoine Deltour condamné en appel") is None
    True
    >>> split_unmarked_claim("Le Président a dit sa satisfaction de l'arrêt des combats") is None
    True
    >>> split_unmarked_claim("Comité de soutien à Antoine Deltour : L’Essentiel «C’est PwC "
    ...                      "qui écrivait la loi salariale du pays»")[0]
    'Comité de soutien à Antoine Deltour'
    >>> split_unmarked_claim("Aubertin a expliqué aux journalistes que la position n'avait pas "
    ...                      "changé : « Un plan sans calendrier, c'est une promesse », avant "
    ...                      "de rappeler les chiffres")
    ('Aubertin', "Un plan sans calendrier, c'est une promesse")
    >>> split_unmarked_claim("Les foires, les congrès, les salons sont encore entravés, a "
    ...                      "reconnu Jean-Baptiste Lemoyne.")
    ('Jean-Baptiste Lemoyne', 'Les foires, les congrès, les salons sont encore entravés')
    >>> split_unmarked_claim("Nous ne lâcherons rien sur les retraites, a-t-elle martelé")
    (None, 'Nous ne lâcherons rien sur les retraites')
    >>> split_unmarked_claim("Deltour condamné, selon la cour") is None  # keywords
    True
    >>> split_unmarked_claim("Le déficit public de la France, selon Bruxelles, dépassera "
    ...                      "5 %") is None  # the words go on after the name: no incise
    True
    >>> split_unmarked_claim("Je suis très heureux de vous retrouver à Nicosie (Clément Beaune)")
    ('Clément Beaune', 'Je suis très heureux de vous retrouver à Nicosie')
    >>> split_unmarked_claim("Nous ne lâcherons rien sur les retraites — Claire Aubertin, "
    ...                      "présidente de la FRV")
    ('Claire Aubertin', 'Nous ne lâcherons rien sur les retraites')
    >>> split_unmarked_claim("discours sur la laïcité aux Mureaux (Emmanuel Macron)") is None
    True
    >>> split_unmarked_claim("Selon Claire Aubertin, présidente de la FRV, nous attendons des "
    ...                      "actes et un calendrier")
    ('Claire Aubertin', 'nous attendons des actes et un calendrier')
    >>> split_unmarked_claim("Comme l'a dit Claire Aubertin, nous attendons des actes concrets")[0]
    'Claire Aubertin'
    >>> split_unmarked_claim("Selon Bruxelles, déficit public de la France 2024") is None
    True
    """
    text = " ".join((text or "").split())
    if len(text) > MAX_CLAIM_CHARS or "?" in text:
        return None
    for m in (_SIGNED.match(text), _LED.match(text)):
        if m and sentence_sign(m.group("words")):
            words = m.group("words").strip().rstrip(" ,;:")
            typed = m.group("who") or m.groupdict().get("dash")
            who = role_of(typed) or _who(typed) if typed else None
            if who and len(fold(words).split()) >= PASSAGE_WORDS:
                return who, words
    if (m := _INCISE.search(text)) and not re.search(r"[«»“”\"]", text[:m.start()]):
        words = text[:m.start()].strip()
        if len(fold(words).split()) >= PASSAGE_WORDS:
            return (_who(m.group("who")) if m.group("who") else None), words
    for pattern, spoken in ((_SAID_UNMARKED, False), (_COLON_UNMARKED, True)):
        m = pattern.match(text)
        who = _who(m.group("who")) if m else None
        if who is None:
            continue
        words = m.group("words").strip()
        if spoken and _HEADLINED_ANY.match(words):
            continue  # a rubric before a headline (« Immigration : X avoue « … » »)
        folded = fold(re.sub(r"[«»“”\"]", " ", words)).split()  # «C’est: « C est »
        if len(folded) >= PASSAGE_WORDS and (not spoken or SPOKEN & set(folded)):
            # a quotation between marks inside the words, framed by the verb: the article's
            # sentence around it is not the quotation (« Aubertin a expliqué aux
            # journalistes, …, que « … », avant de rappeler … »)
            inner = framed_quotation(text)
            return who, inner if inner and inner in words else words
    return None


# How a journalist asks who said words, or names them as someone's phrase (`asked`): « qui a
# dit », « c'est qui qui a dit », « de qui est cette phrase », « qui est l'auteur de la
# citation », « d'où vient la phrase »; « la phrase de X », « la phrase qu'a prononcée X »
_WHO_SAID = (r"(?:c['’]\s*est\s+qui\s+|qui\s+est[-\s]ce\s+)?qui\s+(?:a\s+(?:dit|déclaré|declare"
             r"|affirmé|affirme|lancé|lance|écrit|ecrit|prononcé|prononce)|disait|avait\s+dit)")
# « qui a cité … », « qui a parlé de … »: who quoted or spoke of something — a magazine, a
# person, a subject (« qui a cité Paris-Match et Elton John sur la GPA »), words only when
# between marks (« qui a cité « … » »): unmarked, a subject to search, no quotation
_WHO_CITED = (r"qui\s+(?:(?:a|avait)\s+(?:cité|cite|parlé\s+de|parle\s+de)"
              r"|cite|citait|parle\s+de|parlait\s+de)")
_PHRASE = (r"(?:(?:cette|la|une|ces|les|ses|sa)\s+|l['’]\s*)(?:petite\s+|fameuse\s+|célèbre\s+)?"
           r"(?:phrase|citation|formule|expression|réplique|mots|propos|paroles)")
_WHOSE = (r"(?:de\s+qui\s+(?:est|sont|vient|viennent)|(?:qui|quel)\s+est\s+l['’]\s*auteur\s+de"
          r"|d['’]\s*o[uù]\s+(?:vient|viennent|sort|sortent))\s+" + _PHRASE)
# a guess of two to four names after unmarked words, which gives them to none (« …, Macron ou
# Philippe ? », « …, Macron, Philippe ou Castex ? »): names only, the words' own end may hold
# « ou »; each name atomic and their number bounded, so that a line of capitalised words and
# commas is read in linear time
_GUESS = rf"(?>{_PERSON})(?:\s*,\s*(?>{_PERSON})){{0,2}}+\s+ou\s+(?>{_PERSON})"
# ... between commas after the question, or after the words between marks, any words
# around « ou » (« Qui a dit, le Comité de soutien ou Philippe, « … » ? »)
_ASIDE_GUESS = r"[^,«»“”\"?]{1,80}?\s(?i:ou)\s[^,«»“”\"?]{1,80}?"
_ASKING = re.compile(rf"^\s*(?i:{_WHO_SAID}|{_WHOSE}|(?P<cited>{_WHO_CITED}))(?![\w’'-])"
                     rf"(?:\s*,\s*{_ASIDE_GUESS}\s*,)?\s*(?P<that>(?i:que\b|qu['’]))?\s*:?\s*")
_CITED = re.compile(rf"^\s*(?i:{_WHO_CITED})(?![\w’'-])\s*:?\s*")
_ASKED_MARKED = re.compile(rf"{_QUOTED}(?:\s*,\s*{_ASIDE_GUESS})?\s*\?*{_END}")
_GUESS_AFTER = re.compile(rf",\s*{_GUESS}\s*\?*\s*$")
# a yes-or-no question naming who said the words, as a journalist checks an attribution
# (« Est-ce que X a dit « … » ? », « C'est X qui a dit … ? », « Est-il vrai que X a déclaré :
# « … » ? », « X a-t-il vraiment dit « … » ? »): the words are X's claim, to be checked
_CHECKING = re.compile(
    r"^\s*(?P<lead>(?i:est[-\s]ce\s+qu(?:e\s+|['’]\s*)|est[-\s]il\s+vrai\s+qu(?:e\s+|['’]\s*)"
    r"|c['’]\s*est\s+))?"
    rf"(?P<who>{_BODY_ARTICLE}{_WHO})\s+(?P<qui>(?i:qui)\s+)?(?i:a|avait)(?P<t>-t-(?i:il|elle))?"
    r"(?:\s+(?i:vraiment|bien|réellement|donc))?\s+(?i:dit|déclaré|affirmé|écrit|lancé|prononcé)"
    r"(?![\w’'-])\s*(?P<that>(?i:que\b|qu['’]))?\s*:?\s*")
# the phrase named as someone's (« La phrase de X « … » », « la phrase qu'a prononcée X : »)
_NAMED_LEAD = (rf"^\s*(?i:{_PHRASE})\s+(?:de\s+|d['’]\s*|(?i:qu['’]\s*(?:a|avait)\s+"
               rf"|(?=\w+\s+par\s))(?:(?i:prononcée?s?|dite?s?|lancée?s?|eue?s?|écrite?s?"
               rf"|tenue?s?)\s+(?:par\s+)?)?)")
# ... who may be a name holding small words the names above end at (« La phrase de Sommet de
# la zone euro « … » »): the phrase is named as someone's, whoever stands before the words,
# but when and where it was said are no name (« La phrase de Macron hier soir « … » »)
_NOT_NAMED = (r"(?!(?i:hier|aujourd|ce|cette|lors|pendant|devant|dans|sur|au|aux|en|chez|avant"
              r"|après|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d+)(?![\w’'-]))")
_NAMED_WHO = (rf"(?P<who>{_BODY_ARTICLE}{_WHO}|{_CAPITALISED}"
              rf"(?:\s+{_NOT_NAMED}[^\s«»“”\":,;.!?]+){{1,7}}?){_FUNCTION}{_CONTEXT}")
_NAMED_PHRASE = re.compile(rf"{_NAMED_LEAD}{_NAMED_WHO}\s*:?\s*{_QUOTED}{_END}")
# ... and the words unmarked after a colon (« La phrase de Macron : il faut … »)
_NAMED_UNMARKED = re.compile(rf"{_NAMED_LEAD}{_NAMED_WHO}\s*:\s+(?P<words>[^«»“”\"]+?)\s*$")


@dataclass(frozen=True)
class Asked:
    """A line asking who said words, or naming them as someone's phrase (`asked`)."""

    words: str
    who: str | None = None  # the person the line gives the words to (« la phrase de X »)
    reported: bool = False  # « qui a dit que … » unmarked: the words reported, not as said


def asked(text: str) -> Asked | None:
    """Return the words a journalist asks about, marked or not (« Qui a dit « … » ? », « qui
    a dit … », « De qui est cette phrase : « … » ? », « D'où vient la phrase « … » »): who
    is None, even when the line guesses (« Qui a dit, Macron ou Philippe, « … » ? »);
    or the words of a phrase the line names as someone's (« La phrase de Macron « … » »,
    « la phrase qu'a prononcée X : « … » »), who is that person; else None. The search box
    and `verify` read a question through it alike (`pasted_claim`, `read_intent`).

    >>> asked("qui a dit veuillez écouter Mme la ministre, s'il vous plaît")
    Asked(words="veuillez écouter Mme la ministre, s'il vous plaît", who=None, reported=False)
    >>> asked('qui a dit "la France ne peut pas accueillir toute la misère du monde"').words
    'la France ne peut pas accueillir toute la misère du monde'
    >>> asked("De qui est cette phrase : « Nous sommes en guerre » ?").words
    'Nous sommes en guerre'
    >>> asked("Qui a dit, Macron ou Philippe, « nous sommes en guerre » ?")
    Asked(words='nous sommes en guerre', who=None, reported=False)
    >>> asked("qui a dit nous sommes en guerre, Macron ou Philippe ?").words
    'nous sommes en guerre'
    >>> asked("Qui a dit, le Comité de soutien ou Philippe, « nous sommes en guerre » ?").words
    'nous sommes en guerre'
    >>> asked("qui a dit qu'on avait ouvert la porte avec un char d'assaut").reported
    True
    >>> asked("La phrase de Macron « nous sommes en guerre »").who
    'Macron'
    >>> asked("La phrase qu'a prononcée Olivier Véran : « on a toujours réussi »").who
    'Olivier Véran'
    >>> asked("Nous sommes en guerre, Macron ou Philippe ?") is None  # no question
    True
    """
    text = " ".join((text or "").split())
    if len(text) > MAX_CLAIM_CHARS:
        return None
    if checking := _checked(text):
        return checking
    if m := _NAMED_PHRASE.match(text):
        who = role_of(m.group("who")) or _who(m.group("who"))
        return Asked(" ".join(_between_marks(m).split()), who) if who else None
    if (m := _NAMED_UNMARKED.match(text)) and _passage(words := m.group("words")) and \
            not re.search(r"\w:\S", words):
        who = role_of(m.group("who")) or _who(m.group("who"))
        return Asked(words, who) if who else None
    if not (m := _ASKING.match(text)):
        return None
    rest = text[m.end():]
    if marked := _ASKED_MARKED.match(rest):
        return Asked(" ".join(_between_marks(marked).split()))
    if m.group("cited"):
        return None  # « qui a cité Paris-Match … »: a subject (`cited_subject`)
    if guess := _GUESS_AFTER.search(rest):
        rest = rest[:guess.start()]
    rest = rest.rstrip(" ?")
    if re.search(r"\w:\S|\"", rest):
        return None  # typed syntax means what it says (« qui a dit speaker:Macron »)
    return Asked(rest, reported=bool(m.group("that")))


def _checked(text: str) -> Asked | None:
    """Return the words and who a yes-or-no question gives them to (`_CHECKING`): « est-ce
    que », « est-il vrai que » or « c'est X qui » first, or « X a-t-il dit », then the words,
    marked or not; else None.

    >>> _checked("Est-ce que Claire Aubertin a dit « un plan sans calendrier » ?")
    Asked(words='un plan sans calendrier', who='Claire Aubertin', reported=False)
    >>> _checked("c'est Carrel qui a dit nous avons vu la Vère couper ?").who
    'Carrel'
    >>> _checked("Aubertin a-t-elle vraiment dit : « un plan sans calendrier » ?").words
    'un plan sans calendrier'
    >>> _checked("Aubertin a dit « un plan sans calendrier »") is None  # no question
    True
    """
    m = _CHECKING.match(text)
    if m is None:
        return None
    lead = fold(m.group("lead") or "").lower()
    if lead.startswith("c") != bool(m.group("qui")) or (not lead) != bool(m.group("t")):
        return None  # « c'est X qui a dit », « X a-t-il dit »: nothing else asks
    who = _who(m.group("who"))
    rest = text[m.end():]
    if marked := _ASKED_MARKED.match(rest):
        words = " ".join(_between_marks(marked).split())
    else:
        words = rest.rstrip(" ?")
        if not words or re.search(r"\w:\S|[«»“”\"]", words):
            return None
    return Asked(words, who, reported=bool(m.group("that")) and not marked) if who else None


def pasted_claim(text: str, bare: bool = True) -> tuple[str | None, str] | None:
    """Return (who, words) for a quotation pasted with who is said to have said it, or asked
    about (`asked`: who is None unless the line names the phrase as someone's), in any form
    the readers above know (`split_claim`, `split_incised_claim`, `split_unmarked_claim`,
    and when `bare` `split_named_claim`), tried in that order; else None. The search box and
    `verify` read a pasted line alike through it."""
    if question := asked(text):
        return question.who, question.words
    return _told_claim(text, bare)


def _told_claim(text: str, bare: bool) -> tuple[str | None, str] | None:
    """Return (who, words) of `pasted_claim` for a line that asks nothing (`asked`): the line
    read whole, unless that takes a headline's rubric for who said the words (« Retraites :
    Macron « … » » read as Retraites's « Macron « … » »): then after the rubric when a name
    follows it (`split_rubric_claim`)."""
    claim = _claim_of(text, bare)
    if claim is None:
        return split_rubric_claim(text) or split_heading_claim(text)
    if _rubric_taken(claim[0], text):
        return split_rubric_claim(text) or claim
    return claim


def _rubric_taken(who: str | None, text: str) -> bool:
    """Tell whether `who`, read from `text`, is the rubric opening it, or part of it, or opens
    on it (« Guerre » of « Guerre en Ukraine : », « ENTRETIEN. Annick Girardin »)."""
    m = _RUBRIC_LEAD.match(" ".join(text.split()))
    if who is None or m is None:
        return False
    rubric, named = (re.findall(r"\w+", fold(typed)) for typed in (m.group("rubric"), who))
    shorter = min(len(rubric), len(named))
    return shorter > 0 and rubric[:shorter] == named[:shorter]


# the words opening where or when the words were said, after a name (`_CONTEXT`)
_CONTEXT_WORDS = frozenset("sur à au aux dans devant lors en hier ce cette le auprès".split())
# a rubric alone before the words between marks (« Covid-19 : « … » », « Dette. « … » »)
_TOPIC_LEAD = re.compile(r"^\s*(?P<rubric>[^«»“”\"():.!?,;]{1,40}?)(?:\s*:|\.|\s[-–—])\s*"
                         rf"{_QUOTED}{_END}")


def rubric_of(who: str | None, text: str) -> str | None:
    """Return the rubric opening `text` alone before the words between marks (`_TOPIC_LEAD`)
    when `who`, read from it, is that rubric or its first words (« Guerre » of « Guerre en
    Ukraine : « … » », the rest read as where it was said), else None.

    >>> rubric_of("Guerre", "Guerre en Ukraine : « Nous ne céderons pas au chantage »")
    'Guerre en Ukraine'
    >>> rubric_of("Macron", "Retraites : Macron « Il faut aller au bout de la réforme »")
    >>> rubric_of("La Chancellerie", "La Chancellerie a déclaré : « Il procédera donc »")
    """
    m = _TOPIC_LEAD.match(" ".join(text.split()))
    if who is None or m is None:
        return None
    rubric, named = (re.findall(r"\w+", fold(typed)) for typed in (m.group("rubric"), who))
    if not named or rubric[:len(named)] != named:
        return None
    # the rest read as where it was said (`_CONTEXT`: « en Ukraine »), not a verb (« La
    # Chancellerie a déclaré : », « Rugy s'emporte : »)
    rest = m.group("rubric").split()[len(who.split()):]
    return m.group("rubric").strip() if not rest or rest[0] in _CONTEXT_WORDS else None


def split_heading_claim(text: str) -> tuple[str | None, str] | None:
    """Return (who, words) when a heading stands alone before the words between marks
    (`_TOPIC_LEAD`: a colon, a full stop or a dash after it) and no reader above names who
    said them there: a press label, a newspaper's or an agency's name (`_LABEL`: « AFP –
    « … » », « INFO FRANCEINFO. « … » ») names nobody, who is None; a headline's topic by its
    shape, opening on a capital or a digit, with no sign of a sentence (`topic_shaped`:
    « Pouvoir d'achat. « … » », « JO 2024 - « … » », « Fin de vie : « … » »), or words in
    capitals that no reader above reads as a name (an organisation's, « COMITÉ DE SOUTIEN À
    ANTOINE DELTOUR – »), is returned as who, for `indexer.verify` to tell from a speaker of
    the index (`_SpeakerKeys.unnamed`: « Sommet de la zone euro » speaks in the shared
    corpus). The words are a passage (`_passage`); else None, and the line is read whole as
    before. A name and a keyword (« Aubertin retraites : « … » ») is shaped as a topic, a
    common noun and its complement (« Loi immigration : « … » »): read so, the index tells
    a person it knows opening it (`indexer.verify._SpeakerKeys.claimant`: Aubertin's words).

    >>> split_heading_claim("Pouvoir d'achat. « Nous ne laisserons personne au bord du chemin »")
    ("Pouvoir d'achat", 'Nous ne laisserons personne au bord du chemin')
    >>> split_heading_claim("AFP – « Nous ne laisserons personne au bord du chemin »")
    (None, 'Nous ne laisserons personne au bord du chemin')
    >>> [split_heading_claim(q) for q in ("Il a dit : « Nous ne laisserons personne »",
    ...  "Pouvoir d'achat : « bouclier »", "la ministre de la Culture : « Nous ne laisserons "
    ...  "personne au bord du chemin »")]
    [None, None, None]
    """
    text = " ".join((text or "").split())
    if len(text) > MAX_CLAIM_CHARS or not (m := _TOPIC_LEAD.match(text)):
        return None
    heading, words = m.group("rubric").strip(), " ".join(_between_marks(m).split())
    if not _passage(words):
        return None
    if _LABEL_NAME.match(heading):
        return None, words
    if heading.isupper():
        return heading, words  # a name in capitals (« COMITÉ DE SOUTIEN À ANTOINE DELTOUR – »)
    if (heading[:1].isupper() or heading[:1].isdigit()) and topic_shaped(heading) \
            and not sentence_sign(heading) and not _FRAMED_HEADING.search(heading):
        return heading, words
    return None


# what a topic never holds: a verb of speech or a headline's (« Sommet de la zone euro
# prévient »), a framing (« Comme le disait X », « Selon X »)
_FRAMED_HEADING = re.compile(rf"(?i:(?<![\w’'-])(?:{_HEADLINE_VERB}|{_SAYS}|selon|d['’]après"
                             rf"|comme|ainsi|pour)(?![\w’'-]))")


def _claim_of(text: str, bare: bool) -> tuple[str | None, str] | None:
    return (split_claim(text) or split_incised_claim(text) or split_unmarked_claim(text)
            or (split_named_claim(text) if bare else None))


# A press headline's rubric: a topic or a label opening the title, then a colon, a full stop
# or a dash (« Retraites : », « Covid-19 : », « Europe. », « INTERVIEW. », « VIDÉO - »,
# « Guerre en Ukraine : »), no marks nor commas in it; a full stop ends no initial nor
# civility (« J. Bernard Boudreau », « M. Mac Harb », « Dr. Martin », « L'hon. X »)
_RUBRIC_LEAD = re.compile(
    r"^\s*(?P<rubric>[^«»“”\"():.!?,;]{1,40}?)(?:\s*:|(?<=[^\W\d_]{3})(?<!(?i:mme|hon|mgr|ste))\."
    r"|\s[-–—])\s+(?=[^\s«»“”\"])")
# after a rubric, a name then the words between marks, nothing between (« Retraites : Macron
# « … » », « Covid-19 : Olivier Véran « … » »), as headlines print them
_NAMED_MARKS = re.compile(rf"^\s*(?P<who>{_WHO}){_ASIDE}\s*{_QUOTED}{_END}")
# ... or a name holding small words the names above end at, then a colon (« EXCLUSIF -
# Sommet de la zone euro : « … » »)
_NAMED_COLON = re.compile(rf"^\s*(?P<who>{_CAPITALISED}(?:\s+{_NOT_NAMED}[^\s«»“”\":,;.!?]+)"
                          rf"{{1,7}}?)\s*:\s*{_QUOTED}{_END}")


# after who said it and a colon, the newspaper, then the words between marks
_MEDIA_MARKS = re.compile(rf"^\s*(?i:(?:{_MEDIA}))(?![\w’'-])\s*:?\s*{_QUOTED}{_END}")


def topic_shaped(typed: str) -> bool:
    """Tell whether words typed for who said a quotation (« Covid-19 : « … » ») may be a
    headline's topic by their shape: a digit in them (« Covid-19 », « JO 2024 », « COP28 »),
    or a word in lower case that is no particle of a name (« Guerre en Ukraine », « Pouvoir
    d'achat », « Sommet de la zone euro » too); not an organisation's, a function's nor an
    office's name (« Association des maires de France », « Président de la République »,
    « la place Beauvau »). A single capitalised word (« Retraites », « Macron ») is not told
    by its shape. `indexer.verify` asks the index before taking them for a topic: a speaker's
    name is no topic (« Sommet de la zone euro » speaks in the shared corpus).

    >>> [topic_shaped(r) for r in ("Covid-19", "JO 2024", "Guerre en Ukraine",
    ...  "Pouvoir d'achat", "Macron", "Retraites", "Sommet de la zone euro",
    ...  "Association des maires de France", "Président de la République", "Claire Aubertin",
    ...  "la place Beauvau", "la ministre de la Culture", "Jean de La Fontaine")]
    [True, True, True, True, False, False, True, False, False, False, False, False, False]
    """
    words = typed.split()
    if not words or _FUNCTION_OPENS.match(typed) or office_of(typed) or role_of(typed):
        return False
    if looks_like_body(typed) and not re.fullmatch(r"[A-Z0-9-]+", typed):
        return False  # an organisation by its words (« Association … », « Comité … »)
    # a digit (« COP28 », « G20 », acronyms to `looks_like_body`), a word in lower case
    return any(c.isdigit() for c in typed) or any(
        w[:1].islower() and fold(w) not in _NAME_PARTICLES for w in words[1:])


def split_rubric_claim(text: str) -> tuple[str, str] | None:
    """Return (who, words) when a press headline's rubric (`_RUBRIC_LEAD`) opens `text` and
    the rest names who said the words between marks: the rubric is not who said them (nor
    the words, nor a keyword). The rest is read as any line (`_claim_of`, not by the name
    alone), or as a name then the words between marks, nothing between (`_NAMED_MARKS`).
    Else None: a line opening on its author and a colon (« Sommet de la zone euro : « … » »,
    « Macron : « … » ») names nobody after it; an organisation's whole name heading the line
    is its author quoting (« Comité de soutien à Antoine Deltour : L'Essentiel « … » »);
    unmarked words are never read past a colon here.

    >>> split_rubric_claim("Retraites : Macron « Il faut aller au bout de la réforme »")
    ('Macron', 'Il faut aller au bout de la réforme')
    >>> split_rubric_claim("INTERVIEW. Le Maire : « Nous ne reviendrons pas sur ce choix »")
    ('Le Maire', 'Nous ne reviendrons pas sur ce choix')
    >>> split_rubric_claim("VIDÉO - Castex : « Nous ne reviendrons pas sur ce choix »")[0]
    'Castex'
    >>> split_rubric_claim("Brexit : pour Michel Barnier, « le temps presse pour un accord »")
    ('Michel Barnier', 'le temps presse pour un accord')
    >>> [split_rubric_claim(q) for q in (
    ...  "Sommet de la zone euro : « Nous examinerons les progrès réalisés »",
    ...  "Macron : « Il y a deux choses : la dette et la croissance »",
    ...  "J. Bernard Boudreau : « Le problème exige du temps et un engagement »",
    ...  "LuxLeaks : Antoine Deltour condamné en appel",
    ...  "Comité de soutien à Antoine Deltour : L’Essentiel « C’est PwC qui écrivait la loi »",
    ...  "Retraites : Macron « réforme »")]
    [None, None, None, None, None, None]
    """
    text = " ".join((text or "").split())
    if len(text) > MAX_CLAIM_CHARS or not (m := _RUBRIC_LEAD.match(text)):
        return None
    rubric = m.group("rubric").split()
    if rubric[0] in ORGANISATIONS and len(rubric) > 2:
        return None  # an organisation's whole name heading the line is who speaks, quoting
    rest = text[m.end():]
    if not re.search(r"[«“\"]", rest):
        return None
    if (media := _MEDIA_MARKS.match(rest)) and re.fullmatch(_PERSON, m.group("rubric")) \
            and (who := _who(m.group("rubric"))):
        # who said it, then the newspaper that printed the words (« Claire Aubertin :
        # Libération « … » »): the name heading the line is no rubric
        words = " ".join(_between_marks(media).split())
        return (who, words) if _passage(words) else None
    if (claim := _claim_of(rest, False)) and claim[0]:
        return claim
    if _HEADLINED_ANY.match(rest):
        return None  # a verb no reader names: the name alone tells (`split_named_claim`)
    if named := _NAMED_MARKS.match(rest) or _NAMED_COLON.match(rest):
        who = role_of(named.group("who")) or _who(named.group("who"))
        words = " ".join(_between_marks(named).split())
        return (who, words) if who and _passage(words) else None
    return None


def split_named_claim(text: str) -> tuple[str, str] | None:
    """Return (who, words) when only the name tells who said the words: a headline's verb
    that no reader names (`split_headlined_claim`), nothing at all between them
    (`split_bare_claim`), or a lead's « Selon X, », « Pour X, » before words with no sign of
    a sentence (`split_led_claim`); else None. Its callers keep it when the index knows the
    name."""
    return split_headlined_claim(text) or split_bare_claim(text) or split_led_claim(text)


def split_led_claim(text: str) -> tuple[str, str] | None:
    """Return (who, words) when a lead names who said the words before them, unmarked
    (« Selon X, … », « D'après X, … », « Pour X, … », « Comme l'a dit X : … »), then
    PASSAGE_WORDS words or more, whatever they hold; else None. Words a lead reports need
    not read as a sentence (« aider les exploitations vers des cultures moins gourmandes en
    eau »), and « Pour X, » opens as many lines naming no speaker (« Pour Noël, … »): its
    callers keep the reading when the index knows the name (`split_named_claim`). An
    organisation after its article is one by its words (`indexer.verify.organisation`
    reads the same): « Pour la France, … » names nobody.

    >>> split_led_claim("Selon Sophie Lemaire-Dufour, aider les exploitations vers des "
    ...                 "cultures moins gourmandes en eau")
    ('Sophie Lemaire-Dufour', 'aider les exploitations vers des cultures moins gourmandes en eau')
    >>> split_led_claim("Pour Claire Aubertin, présidente de la FRV, un plan sans calendrier "
    ...                 "est une promesse")
    ('Claire Aubertin', 'un plan sans calendrier est une promesse')
    >>> split_led_claim("Pour la Fédération des Rivières Vivantes, un plan sans calendrier "
    ...                 "est une promesse")[0]
    'la Fédération des Rivières Vivantes'
    >>> [split_led_claim(q) for q in ("Pour la France, un plan sans calendrier est une promesse",
    ...  "Pour lui, un plan sans calendrier est une promesse", "Selon Aubertin, plan eau",
    ...  "Pour Claire Aubertin « un plan sans calendrier est une promesse »")]
    [None, None, None, None]
    """
    text = " ".join((text or "").split())
    if len(text) > MAX_CLAIM_CHARS or not (m := _LED_ANY.match(text)):
        return None
    typed = m.group("who")
    bare = re.sub(r"^(?:[Ll]['’]\s*|[Ll]es?\s+|[Ll]a\s+)", "", typed)
    if bare != typed and not role_of(typed) and not (
            _ORGANISATION_NAME.match(bare) or (bare.isupper() and len(bare) <= 8)):
        return None  # « Pour la France, … »: a country, a cause, not who said it
    who = role_of(typed) or _who(typed)
    words = m.group("words").strip().rstrip(" ,;:")
    if who is None or len(fold(words).split()) < PASSAGE_WORDS:
        return None
    return who, words


def bare_claim(text: str) -> tuple[str, str] | None:
    """Return the name typed before the words, and the words, when no other reading of
    `pasted_claim` holds `text` (`split_named_claim`); else None. The only readings made
    without a colon or a verb a reader names: their callers keep them when the index knows
    the name."""
    if pasted_claim(text, bare=False) is not None:
        return None
    return split_named_claim(text)


# words ending as a verb does that link a name to a quoted phrase as keywords (« Macron
# contre « … » », « Macron avant « … » »)
_LINKS = frozenset("contre comme entre face outre durant".split())


def split_headlined_claim(text: str) -> tuple[str, str] | None:
    """Return (who, words) when `text` is a press headline with no colon, a person's name
    then any verb in the present, perhaps an adverb, then PASSAGE_WORDS words or more between
    marks (`_HEADLINED_ANY`); else None. A keyword may stand where the verb does (« Macron
    réforme « … » »): callers keep the reading when the index knows the name as a speaker's,
    and a phrase of fewer words is keywords' (« nous serons là » is in thousands of records).

    >>> split_headlined_claim("Clément Beaune allume « on ne choisit pas les dirigeants »")
    ('Clément Beaune', 'on ne choisit pas les dirigeants')
    >>> split_headlined_claim('VIDÉO. Beaune rembarre encore "on ne choisit pas les dirigeants"')
    ('Beaune', 'on ne choisit pas les dirigeants')
    >>> [split_headlined_claim(q) for q in ("Macron fustige « séparatisme »",
    ...  "Aubertin réforme « nous serons là »",
    ...  "Macron contre « ceux qui veulent diviser la nation »",
    ...  "Le ministre démolit « on ne choisit pas les dirigeants »")]
    [None, None, None, None]
    """
    text = " ".join((text or "").split())
    if len(text) > MAX_CLAIM_CHARS or not (m := _HEADLINED_ANY.match(text)):
        return None
    verb = fold(m.group("verb")).split()[-1]
    who, words = _who(m.group("who")), " ".join(_between_marks(m).split())
    if who is None or verb in _LINKS or verb in _SENTENCE_OPENERS \
            or len(fold(words).split()) < PASSAGE_WORDS:
        return None  # « Aubertin réforme « nous serons là » »: a phrase and keywords
    return who, words


# the particles between a name's capitalised words (« Dominique de Villepin », « Ursula von
# der Leyen »); « Le », « La » too when a capitalised word follows (« Bruno Le Maire »)
_NAME_PARTICLES = frozenset(p.rstrip("'") for p in PARTICLES)
_NAME_WORD = re.compile(rf"{_CAPITALISED}$")
# how many words a name typed before the words may hold, an organisation's
_BARE_NAME_WORDS = 5
_ORGANISATION_WORDS = 8
# capitalised words opening a sentence before a pronoun, never a name typed first (« Hier nous
# avons … », « Merci je … », « Comment exercer mon droit … », « Honorables sénateurs, ma … »,
# « Veuillez … »)
_SENTENCE_OPENERS = QUESTION_WORDS | STOP_WORDS | frozenset(
    """bonjour bonsoir merci hier demain aujourd aujourdhui enfin alors ainsi ensuite puis
    voici voila oui non certes bref depuis apres avant pendant maintenant desormais aussi
    encore surtout justement evidemment effectivement certainement franchement bien mais
    car donc or toutefois pourtant cependant neanmoins ici la honorable honorables mesdames
    messieurs cher chers chere cheres veuillez ecoutez permettez sachez voyez regardez
    rappelez souvenez imaginez pensez croyez laissez attendez excusez notez avouez""".split())


def _name_word(word: str) -> bool:
    """Tell whether a word may belong to a name typed first: capitalised, and neither a
    pronoun that speaks nor a word opening a sentence, elided or not (« Nous », « C'est »,
    « La »)."""
    folded = fold(word).split()
    return bool(_NAME_WORD.match(word)) and bool(folded) and not (
        folded[0] in _NOT_NAMES or folded[0] in SPOKEN or folded[0] in _SENTENCE_OPENERS)


def bare_readings(text: str) -> list[tuple[str, str]]:
    """Return every way `text` may be a name typed first then PASSAGE_WORDS words or more,
    nothing between (`split_bare_claim`), the shortest name first: « Ken Epp du Canada finit
    par … » may be Ken's, Ken Epp's or Ken Epp du Canada's words; only the source tells
    (`indexer.verify` keeps the first whose words alone it finds word for word).

    >>> [who for who, _ in bare_readings("Ken Epp du Canada finit par subventionner "
    ...                                   "indirectement cette activite")]
    ['Ken', 'Ken Epp', 'Ken Epp du Canada']
    >>> [who for who, _ in bare_readings("Comité de soutien à Antoine Deltour la mobilisation "
    ...                                   "reste forte et nous ferons le point")]
    ['Comité', 'Comité de soutien à Antoine', 'Comité de soutien à Antoine Deltour']
    >>> bare_readings("Nous avons vu la Vère couper à Montclair")
    []
    """
    words = " ".join((text or "").split()).split()
    if len(" ".join(words)) > MAX_CLAIM_CHARS or len(words) < 2:
        return []
    if words[0] in ORGANISATIONS:
        # « Comité de soutien à Antoine Deltour la mobilisation reste forte … »: an
        # organisation's name ends after one of its capitalised words, its small words between
        ends = [at + 1 for at in range(min(len(words) - 1, _ORGANISATION_WORDS))
                if at == 0 or _name_word(words[at])]
    elif words[0] in ("Le", "La") and _name_word(words[1]):
        ends = [2]  # « Le Maire », « Le Drian »
    elif _name_word(words[0]):
        ends = [1]
    else:
        return []
    while ends[-1] < len(words) and ends[-1] < _BARE_NAME_WORDS:
        at = ends[-1]
        if fold(words[at]) in _NAME_PARTICLES and at + 1 < len(words) \
                and _name_word(words[at + 1]):
            ends.append(at + 2)
        elif _name_word(words[at]):
            ends.append(at + 1)
        else:
            break
    readings = []
    for at in ends:
        said = fold(" ".join(words[at:])).split()
        who = _who(" ".join(words[:at]))
        if who and len(said) >= PASSAGE_WORDS:
            readings.append((who, " ".join(words[at:])))
    return readings


def split_bare_claim(text: str) -> tuple[str, str] | None:
    """Return (who, words) when `text` is a quotation typed in a hurry right after who said it,
    nothing between them, as the search box gets it: a name of capitalised words (particles
    between, the longest of `bare_readings`), then PASSAGE_WORDS words or more that speak as
    people speak from their first word — a person's pronoun (`SPOKEN`: « nous », « je »,
    « c'est »). Else None: keywords opening on a name say no pronoun (« Parly maintien en
    condition opérationnelle avions »), and a sentence's first word is no name (« Lors de
    votre visite … »); `verify` reads the other lines by `bare_readings`, the source telling.

    >>> split_bare_claim("Darmanin nous sommes en guerre contre cette idéologie islamiste")
    ('Darmanin', 'nous sommes en guerre contre cette idéologie islamiste')
    >>> split_bare_claim("Gérald Darmanin Nous sommes en guerre contre cette idéologie")
    ('Gérald Darmanin', 'Nous sommes en guerre contre cette idéologie')
    >>> split_bare_claim("Bruno Le Maire c'est l'emploi qui est la priorité")
    ('Bruno Le Maire', "c'est l'emploi qui est la priorité")
    >>> split_bare_claim("Aubertin C'est une très bonne nouvelle pour nous")
    ('Aubertin', "C'est une très bonne nouvelle pour nous")
    >>> split_bare_claim("Le Maire je crois que la priorité c'est l'emploi")
    ('Le Maire', "je crois que la priorité c'est l'emploi")
    >>> [split_bare_claim(q) for q in ("Parly maintien en condition opérationnelle avions",
    ...  "Le Drian victoire de Biden France 2", "Nous sommes en guerre contre cette idéologie",
    ...  "Darmanin La France est en guerre contre le terrorisme",
    ...  "Comment exercer mon droit d'accès aux données", "Hier nous avons voté la loi",
    ...  "Lors de votre visite au Grand-Duché de Luxembourg au mois de mars")]
    [None, None, None, None, None, None, None]
    """
    readings = bare_readings(text)
    if not readings:
        return None
    who, words = readings[-1]
    if fold(words).split()[0] not in SPOKEN:
        return None  # « Lors de votre visite … », « Nombre de nos concitoyens … »: a sentence
    return who, words


def split_incised_claim(text: str) -> tuple[str | None, str] | None:
    """Return (who, words) when `text` is a quotation whose author stands in an incise
    between two parts of it, marked or not (`_MID_INCISE`; who is None when the incise names
    no one, « a-t-elle ajouté »); the parts are joined as one passage. Else None.

    >>> split_incised_claim("« Nous avons entendu de belles intentions, a déclaré Claire "
    ...                     "Aubertin. Nous attendons des actes »")
    ('Claire Aubertin', 'Nous avons entendu de belles intentions. Nous attendons des actes')
    >>> split_incised_claim("« Nous avons entendu de belles intentions », a déclaré Claire "
    ...                     "Aubertin, présidente de la FRV. « Nous attendons des actes »")[0]
    'Claire Aubertin'
    >>> split_incised_claim("Nous ne réclamons pas moins de protection, a-t-elle ajouté, nous "
    ...                     "réclamons une protection intelligente")
    (None, 'Nous ne réclamons pas moins de protection. nous réclamons une protection intelligente')
    >>> split_incised_claim("« Nous avons entendu de belles intentions », a déclaré Claire "
    ...                     "Aubertin. « Nous attendons des actes », a-t-elle ajouté.")
    ('Claire Aubertin', 'Nous avons entendu de belles intentions. Nous attendons des actes')
    >>> split_incised_claim("Les foires sont entravées, a reconnu Lemoyne") is None  # at the end
    True
    >>> split_incised_claim("Le déficit, selon Bruxelles, dépassera 5 % du PIB") is None
    True
    """
    text = " ".join((text or "").split())
    if len(text) > MAX_CLAIM_CHARS or "?" in text:
        return None
    for m in _MID_INCISE.finditer(text):
        if _FUNCTION_OPENS.match(text, m.end()):
            continue  # « …, estime X, secrétaire d'État au tourisme »: the incise ends it
        named = m.group("who")
        who = _who(named) if named else None
        rest = text[m.end():]
        if tail := _TAIL_INCISE.search(rest):
            rest = rest[:tail.start()]
        before, after = (re.sub(r"[«»“”\"]", " ", part).split()
                         for part in (text[:m.start()], rest))
        if (who or not named) and len(before) >= 2 and len(after) >= 2 and \
                len(before) + len(after) >= PASSAGE_WORDS:
            # joined as two sentences: where the source has its own incise between them
            # (a release's « », a déclaré X, présidente de Y. « »), the alignment reads it as
            # a cut between sentences (`passages.sentence_joins`), not as words left out
            return who, f"{' '.join(before).rstrip(' .,;:!?…')}. {' '.join(after)}"
    return None


# the words around a date's own (« le 8 février », « en mars », « du mois de mai »)
_DATE_LINKS = frozenset("le en de d du mois".split())
_PHONE_CALL = re.compile(r" entretiens? telephoniques? ")


def fold(text: str) -> str:
    """Return lower-case text without accents; hyphens and apostrophes as spaces.

    >>> fold("Jean-Frédéric Poisson")
    'jean frederic poisson'
    """
    text = fold_accents(text).lower()
    return " ".join(re.sub(r"[-']", " ", text).split())


@dataclass(frozen=True)
class Reading:
    """Words of the query read as a kind or a date, and what a record meets instead of
    holding them: « communiqué » is met by a communiqué whose text never says the word,
    « avril 2024 » by a record of April 2024."""

    words: frozenset[str]  # folded, as typed
    kinds: tuple[str, ...] = ()
    # (year, month, day or None): a date with its year (« 8 février » alone spans years)
    date: tuple[int, int, int | None] | None = None


@dataclass
class Intent:
    """The query to search and what its words ask beyond it."""

    q: str  # the query to search: the question's own words taken off
    dates: list[tuple[int | None, int | None, int | None]] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    said: bool = False  # « qui a dit … »: the words are a quotation
    # « qui a dit que … »: the words reported, their tenses and pronouns perhaps changed
    # (« qui a dit que fermer son commerce était un crève-cœur »)
    reported: bool = False
    # the person a quotation was pasted with (« Darmanin : « … » »), as typed
    author: str | None = None
    # « qui a cité … », « qui a parlé de … » unmarked, « ce que X a dit sur … »: a question
    # about a subject, whose words are searched, no quotation (`_WHO_CITED`, `_WHAT_SAID`)
    subject: bool = False
    # « ce que Castex a dit sur … »: the person named as the one who said it (folded words)
    speakers: list[list[str]] = field(default_factory=list)
    # the folded words read as a date, a kind or that person (`read_words`)
    read: set[str] = field(default_factory=set)
    # what a record may meet instead of holding those words (`Reading`): the kinds of a kind
    # word, the month or day of a date with its year
    readings: list[Reading] = field(default_factory=list)

    @property
    def keywords(self) -> bool:
        """Tell whether the words are a journalist's keywords, not a question: no « ? »,
        no interrogative first word (`QUESTION_WORDS`). Keywords want the records holding
        every word first even when the engine needs only half of them (`indexer.search`);
        questions (« Comment … ? ») carry words their answer does not hold.

        >>> read_intent("Mamère signe de croix comportement sectaire").keywords
        True
        >>> read_intent("Comment exercer mon droit d'accès").keywords
        False
        """
        words = fold(self.q).split()
        return "?" not in self.q and not (words and words[0] in QUESTION_WORDS)

    def __bool__(self) -> bool:
        return bool(self.dates or self.kinds or self.speakers)

    def met(self, hit: dict) -> int:
        """Return how many of the preferences a hit meets (a date, a kind, the person said
        to have said it among its speakers)."""
        return int(self._dated(hit.get("date"))) + int(hit.get("kind") in self.kinds) \
            + int(self.spoken(hit))

    def spoken(self, hit: dict) -> bool:
        """Tell whether a hit lists among its speakers the person said to have said it
        (« ce que Castex a dit sur … »)."""
        return self._spoken(hit.get("speakers") or [])

    def read_words(self, typed: str) -> bool:
        """Tell whether every word of `typed` (a few words of the query) is one read as a
        date, a kind or the person said to have said it: words no statement's text holds
        as typed.

        >>> read_intent("communiqué dissolution du comité juin 2018").read_words("juin 2018")
        True
        >>> read_intent("communiqué dissolution du comité juin 2018").read_words("comité")
        False
        """
        words = fold(typed).split()
        return bool(words) and set(words) <= self.read

    def _spoken(self, speakers: list[dict]) -> bool:
        names = [set(fold(s.get("name") or "").split()) for s in speakers]
        return any(set(words) <= name for words in self.speakers for name in names)

    def _dated(self, date: str | None) -> bool:
        if not date or not self.dates:
            return False
        try:
            year, month, day = int(date[:4]), int(date[5:7]), int(date[8:10])
        except ValueError:
            return False
        return any((y is None or y == year) and (m is None or m == month)
                   and (d is None or d == day) for y, m, d in self.dates)

    def notes(self) -> list[str]:
        """Return what the page says it read in the query."""
        said = []
        if self.dates:
            said.append("la date")
        if self.kinds:
            said.append("le type")
        if self.speakers:
            said.append("qui parle")
        return [f"Lu dans la requête : {', '.join(said)} ; les résultats qui y répondent "
                f"d'abord."] if said else []


def _date(match: re.Match) -> tuple[int | None, int | None, int | None]:
    day, month1, year1, month2, year2, month3 = match.groups()
    month = month1 or month2 or month3
    year = year1 or year2
    d = 1 if day and day.lower() == "1er" else (int(day) if day else None)
    return (int(year) if year else None, MONTHS[fold(month)], d)


def read_intent(q: str, bare: bool = True) -> Intent:
    """Return what a plain query asks beyond its words (field syntax: nothing).

    >>> i = read_intent("procès en appel LuxLeaks dernière audience janvier 2017")
    >>> i.q, i.dates
    ('procès en appel LuxLeaks dernière audience janvier 2017', [(2017, 1, None)])
    >>> i = read_intent("qui a dit nous sommes en guerre sanitaire")
    >>> i.q, i.said, i.reported
    ('nous sommes en guerre sanitaire', True, False)
    >>> i = read_intent("qui a dit qu'on avait ouvert la porte avec un char d'assaut")
    >>> i.q, i.said, i.reported
    ("on avait ouvert la porte avec un char d'assaut", True, True)
    >>> i = read_intent("qui a cité Paris-Match et Elton John sur la GPA")
    >>> i.q, i.said, i.subject
    ('Paris-Match et Elton John sur la GPA', False, True)
    >>> i = read_intent("ce que Castex a dit sur le couvre-feu")
    >>> i.q, i.speakers
    ('Castex le couvre-feu', [['castex']])
    >>> read_intent("Macron entretien téléphonique prince héritier saoudien").kinds
    set()
    >>> sorted(read_intent("notre communiqué sur la fuite de données de mars").kinds)
    ['communiqué']
    """
    text = q or ""
    question = asked(text)
    if claim := ((question.who, question.words) if question else _told_claim(text, bare)) or (
            (None, framed) if (framed := framed_quotation(text)) else None):
        # a quotation and who said it, or asked who said it: the words are searched as a
        # passage; the person named is preferred among the other records
        who, words = claim
        # a function names nobody the speakers' facet holds: nobody preferred
        named = who if who and not role_of(who) else None
        return Intent(q=words, said=True, speakers=[fold(named).split()] if named else [],
                      read=set(fold(who).split()) if who else set(), author=who,
                      reported=bool(question and question.reported))
    if ":" in re.sub(r"\s:", "", text) or '"' in text:
        return Intent(q=text)  # typed syntax means what it says
    speakers = []
    subject = False
    if m := _WHAT_SAID.match(text):  # a subject too, its person preferred
        text, subject = f"{m.group(1)} {text[m.end():]}", True
        speakers = [fold(m.group(1)).split()]
    elif (m := _CITED.match(text)) and text[m.end():].strip(" ?"):
        # « qui a cité Paris-Match et Elton John sur la GPA »: who quoted them, a subject
        text, subject = text[m.end():].rstrip(" ?"), True
    intent = Intent(q=text.strip(), speakers=speakers, subject=subject,
                    read={w for name in speakers for w in name})
    for m in _DATE.finditer(text):
        date = _date(m)
        intent.dates.append(date)
        words = {w for w in fold(m.group(0)).split() if w not in _DATE_LINKS}
        intent.read.update(words)
        if date[0] is not None:
            intent.readings.append(Reading(frozenset(words), date=date))
    # « un entretien téléphonique » is a call a communiqué reports, not an interview
    folded = _PHONE_CALL.sub(" ", f" {fold(text)} ")
    for word, kinds in KIND_WORDS.items():
        if f" {word} " in folded:
            intent.kinds.update(kinds)
            intent.read.update(word.split())
            intent.readings.append(Reading(frozenset(word.split()), kinds=kinds))
    return intent


# What makes words a sentence rather than a noun phrase with keywords: a subject pronoun,
# a negation, an elided pronoun or « que », a relative pronoun, or a common finite verb (être,
# avoir and the auxiliaries a press line holds: « a coûté », « faut », « doit »). « discours
# du maire de Montclair sur la retenue du Lisson septembre 2023 » and « la garde des Sceaux
# divorce laïcisation de l'état civil » hold none (`sentence_sign`).
_SIGN_WORDS = re.compile(
    r"(?i)(?<![\w'’-])(?:je|tu|il|ils|elle|elles|on|nous|vous|ne|qui|que|est|sont|suis|sommes"
    r"|êtes|était|étaient|sera|seront|serait|seraient|fut|a|ont|ai|avons|avez|avait|avaient"
    r"|aura|auront|aurait|faut|fallait|doit|doivent|devons|peut|peuvent|pouvons|va|vont"
    r"|allons|fait|font|faisons|veut|veulent|voulons|sait|savons|dit|disent|dis|fais|sais"
    r"|dois|peux|veux|vais|crois|pense|pensent|permet|permettent|restent|demandent"
    r"|propose|proposent|souhaite|souhaitent|rappelle|prévoit|concerne|constitue"
    r"|représente|devient|semble|existe|signifie|vient|viennent|tient|met|prend|prennent"
    r"|donnent|parle|parlent|travaille|travaillent"
    # a noun as often as a verb: a verb unless « de » follows (« demande d'enquête »)
    r"|(?:demande|reste|passe|annonce|montre|donne)(?!\s+(?:de|du|des)\b|\s*d['’])"
    # the first and second persons plural (« restons », « pouvez »), nouns in -ions aside
    r"|\w{2,}(?<!i)ons|\w{2,}(?<!ch)ez"
    # the future and the conditional (« votera », « pourraient »)
    r"|\w{3,}(?:era|eras|erai|eront|erait|eraient|rait|raient))(?![\w'’-])")
_SIGN_ELIDED = re.compile(r"(?i)(?<![\w'’-])(?:j|n|c|ç|s|qu|m|t)['’]\s*\w")
# ... or punctuation, which keywords typed in a box never hold (a number's « 8,3 » aside)
_SIGN_MARKS = re.compile(r"[;:!?…«»\"“”]|[,.](?!\d)|(?<!\d)[,.]")


def sentence_sign(text: str) -> bool:
    """Tell whether words typed read as a sentence said rather than a noun phrase with
    keywords: they hold a subject pronoun, a negation, an elided pronoun, a relative
    pronoun or a common finite verb (`_SIGN_WORDS`, `_SIGN_ELIDED`).

    >>> [sentence_sign(q) for q in ("on ne choisit pas les dirigeants d'un pays ami",
    ...  "annuler les hélicoptères a coûté 500 millions", "c'est un crève-cœur",
    ...  "discours du maire de Montclair sur la retenue du Lisson septembre 2023",
    ...  "la garde des Sceaux divorce laïcisation de l'état civil",
    ...  "notre communiqué sur le pourvoi en cassation d'Antoine")]
    [True, True, True, False, False, False]
    """
    return bool(_SIGN_WORDS.search(text) or _SIGN_ELIDED.search(text)
                or _SIGN_MARKS.search(text))


# A journalist's keywords open on the person's office (« la garde des Sceaux … », « ministre
# de l'intérieur … ») or end on a year (« … budget 1998 »): with no sentence's sign, a
# description of a record, not words said (`keywords_reading`)
_OFFICE_FIRST = re.compile(rf"(?i)^\s*(?:(?:le|la|l['’]|notre|nos)\s*)?{FUNCTION_WORDS}\b")
_MONTH_YEAR = re.compile(rf"(?i)(?<!\d\s)\b{_MONTH}\s+{_YEAR}\b")
_YEAR_LAST = re.compile(r"(?:^|\s)(\w+)\s+(?:1[89]|20)\d\d\s*$")


# an article elided before a noun (« L’association »), and a verb in the imperfect
# (« produisaient »): a sentence's subject and verb, not a name and a keyword
_ELIDED = re.compile(r"(?i)^[ld]['’]")
_IMPERFECT = re.compile(r"(?:ait|aient)$")


def opens_on_name(q: str) -> bool:
    """Tell whether words typed open on a name — capitalised words (« Le Drian », « Costa
    Rica »), the first no function word — then a word in lower case that is none either,
    with no sentence's sign anywhere (`sentence_sign`): a journalist's keywords about someone
    or somewhere (« Parly maintien en condition opérationnelle avions »), not words said.

    >>> [opens_on_name(q) for q in ("Parly maintien en condition opérationnelle avions",
    ...  "Le Drian victoire de Biden France 2", "France Costa Rica conférence de l'ONU sur les "
    ...  "océans à Nice", "Beaune on ne choisit pas les dirigeants d'un pays ami",
    ...  "Après les plaidoiries des avocats d'Antoine Deltour le 21",
    ...  "Fiche 3 Les autres rencontres Drupal en France",
    ...  "L’association Drupal France Francophonie organise la 11ème édition",
    ...  "PwC produisaient des rulings à la chaîne")]
    [True, True, True, False, False, False, False, False]
    """
    words = q.split()
    at = 1 if len(words) > 1 and words[0] in ("Le", "La") and words[1][:1].isupper() else 0
    if at == 0 and words and (fold(words[0]) in STOP_WORDS or _ELIDED.match(words[0])):
        return False  # « Une thématique commune … », « Après les … », « L’association … »
    named = at
    while named < len(words) and words[named][:1].isupper():
        named += 1
    if named == at or named >= len(words):
        return False
    after = words[named]
    return after[:1].islower() and fold(after) not in STOP_WORDS \
        and not _IMPERFECT.search(after) and not sentence_sign(q)


# Words that open or close a cut sentence, never a topic's head or its last keyword: an
# adverb or connector (« toutefois nécessaire pour … », « très content de … »), a number
# (« trois ans de lutte pour … »), the determiners and prepositions STOP_WORDS lacks
# (« … dans chaque », « sous couvert de … »)
_NOT_A_HEAD = frozenset(fold_accents(w) for w in """
    ainsi alors aussi autant bien cependant certes déjà donc encore enfin ensuite environ
    guère jamais même moins notamment parfois plus plutôt pourtant presque puis quasi
    seulement souvent surtout tant toujours toutefois tout très trop
    deux trois quatre cinq six sept huit neuf dix onze douze vingt trente cent mille
    """.split())
_LINKS = frozenset(fold_accents(w) for w in """
    chaque plusieurs quelques certains certaines aucun aucune toute toutes tous tout entre
    vers chez sans sous contre depuis pendant selon après avant dès lors
    """.split())
# ... and what a sentence cut at both ends still shows, read without accents (« tres », « deja »
# typed bare): an adverb keywords never hold (« public toujours plus large … », « avec
# notamment la très attendue soirée »), a verb after « pour » or « sans » (« adoption pour
# exercer un droit »), a compound tense (« conséquence été rappelé »), a future
# (« permettront de … »)
_PROSE = re.compile(
    r"(?<![\w'-])(?:toujours|notamment|tres|deja|encore|surtout|aussi|ainsi|jamais|souvent"
    r"|toutefois|cependant|pourtant|donc|ensuite|vraiment|beaucoup|certes|parfois"
    r"|(?:pour|sans|afin\s+de)\s+(?!notre|votre)\w{2,}(?:er|ir|re)"
    r"|ete\s+\w+(?:e|ee|es|ees|i|is|u|us)|\w{3,}ront)(?![\w'-])")
# ... and a sentence begun inside (« amende de 1000 Le journaliste Édouard Perrin »): a
# capitalised article or pronoun before a word in lower case
_BEGUN = re.compile(r"(?<![\w'’-])(?:Le|La|Les|Un|Une|Il|Elle|Ils|Elles|Ce|Cette|Ces)\s+[a-zà-ÿ]")
# a verb's object right after the first word (« citer le numéro … », « partager un moment
# … », « présenté une communication … »): a noun heading a topic takes « de », « en », an
# adjective (« procès en appel », « déduction fiscale »)
_OBJECT = frozenset("le la les un une ce cet cette ces son sa ses leur leurs mon ma mes notre "
                    "nos votre vos".split())


def opens_on_topic(q: str) -> bool:
    """Tell whether words typed in lower case name a subject rather than quote a passage:
    they open on a common noun with no article (« procès en appel LuxLeaks … », « déduction
    fiscale des dons aux organismes de bienfaisance … ») — a word in lower case that is no
    function word, adverb, number or elided article —, do not end on a function word (a
    quotation cut short does: « … pour la protection des lanceurs d'alerte et pour le »), and
    hold no sign of a sentence (`sentence_sign`: no verb the reader knows, no pronoun, no
    punctuation; `_PROSE`, `_BEGUN`: no adverb, verb after « pour », compound tense,
    sentence begun inside; no article after the first word, `_OBJECT`). A sentence pasted
    opens on a capital or an article (« Une école de la confiance pour tous »).

    >>> [opens_on_topic(q) for q in (
    ...  "déduction fiscale des dons aux organismes de bienfaisance et dons politiques",
    ...  "procès en appel LuxLeaks première audience rassemblement devant la cour",
    ...  "accord avec les pêcheurs pour la truite fario sur la Vère",
    ...  "une école de la confiance pour tous les élèves",
    ...  "Déduction fiscale des dons aux organismes de bienfaisance",
    ...  "mouvement de soutien et de reconnaissance du",
    ...  "toutefois nécessaire pour les utilisateurs de lancer la montée de version",
    ...  "adoption pour exercer un droit à l'enfant",
    ...  "procès en appel LuxLeaks : la première audience est fixée")]
    [True, True, True, False, False, False, False, False, False]
    """
    words = [w for w in (w.strip("'’") for w in q.split()) if w]
    if len(words) < 2 or not words[0][:1].islower() or _ELIDED.match(q.lstrip()):
        return False
    first, last = fold(words[0]).split()[0], fold(words[-1]).split()[-1]
    return first not in STOP_WORDS and first not in _NOT_A_HEAD and first not in _LINKS \
        and fold(words[1]).split()[0] not in _OBJECT and not re.match(r"(?i)l['’]", words[1]) \
        and last not in STOP_WORDS and last not in _LINKS and not sentence_sign(q) \
        and not _PROSE.search(fold_accents(q).lower()) and not _BEGUN.search(q)


def keywords_reading(q: str, intent) -> bool:
    """Tell whether words typed describe a record rather than quote one: no sentence's sign
    (`sentence_sign`), and a date or a kind read (`Intent.readings`: « septembre 2023 »,
    « communiqué »), an office first or a year last (`_OFFICE_FIRST`, `_YEAR_LAST`).

    >>> [keywords_reading(q, read_intent(q)) for q in (
    ...  "discours du maire de Montclair sur la retenue du Lisson septembre 2023",
    ...  "la garde des Sceaux divorce laïcisation de l'état civil",
    ...  "on ne choisit pas les dirigeants d'un pays ami septembre 2020",
    ...  "de la préparation du Sommet sur le Nouveau Pacte financier")]
    [True, True, False, False]
    """
    if sentence_sign(q):
        return False
    # a day (« dimanche 25 octobre 2020 », « du 24 juin 2020 relative aux … ») is a
    # sentence's as often as a description's: a month and its year, or a kind, are not
    described = any(reading.kinds or (reading.date and not reading.date[2])
                    for reading in intent.readings)
    # a year after a day and its month (« dimanche 25 octobre 2020 ») ends a sentence too
    if _MONTH_YEAR.search(q):
        return True  # « audiences de décembre 2016 » (`read_intent` reads « de décembre »)
    year = _YEAR_LAST.search(q)
    dated = year is not None and not year.group(1).isdigit() \
        and year.group(1).casefold() not in MONTHS
    return described or dated or bool(_OFFICE_FIRST.search(q))
