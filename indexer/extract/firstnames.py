"""Common first names (French and frequent foreign ones), folded and lower-cased.

A capitalised pair of words is taken for a person's name without a civility only when its
first word is a first name (or its surname is written in capitals, or an apposition or the
title vouches for it): « Antoine Deltour » is a person, « Cité judiciaire » is not.
"""

from __future__ import annotations

FIRST_NAMES = frozenset(
    """
    aaron abdel abdelkader abdou abdoulaye abel adam adele adeline adil adrien agathe agnes
    ahmed aicha aida alain alan alba alban albert alberto alec alex alexandra alexandre
    alexandrine alexei alexis alfred ali alice alicia aline alix amandine amaury ambroise
    amelie amina amir anais anastasia andre andrea andree andres angela angele angelique
    angelo anissa anna annabelle anne annick annie anthony antoine antoinette antonio
    apolline ariane arlette armand arnaud arthur astrid aude audrey augustin aurelie aurelien
    aurore axel axelle aymeric babette baptiste barbara barack bastien beatrice benedicte
    benjamin benoit berangere bernadette bernard bertrand blaise boris brigitte bruno camille
    carine carla carlos carole caroline catherine cecile cedric celine chantal charles
    charlotte chloe christelle christian christiane christine christophe claire clara
    clarisse claude claudia claudine clement clementine colette coline corinne cyril cyrille
    damien daniel daniele danielle david delphine denis denise diane didier dimitri dominique
    donald dov edith edouard edwige edward elena eliane elisa elisabeth elise elizabeth ella
    elodie eloise emile emilie emma emmanuel emmanuelle eric erik ernest estelle esther
    etienne eugene eva eve evelyne fabien fabienne fabrice fanny farid fatima fatou felix
    fernand fernande fleur florence florent florian francine francis franck francois
    francoise frederic frederique gabriel gabrielle gael gaelle gaetan gaston gautier
    genevieve georges gerald geraldine gerard gerhard ghislaine gilbert gilles ginette
    gisele guillaume gustave guy gwenael hannah harry hassan helene henri herve hubert hugo
    hugues ibrahim ines irene isabelle jacqueline jacques james jane janine jean jeanne
    jennifer jeremie jeremy jerome joachim joe joel joelle johan john jordan jose joseph
    josephine josiane jules julia julie julien juliette justine karim karima karine kevin
    khalifa laetitia lamia laura laure laurence laurent lea leila leo leon leonard lionel
    lisa lise louis louise luc luca lucas lucie lucien lucienne ludovic lydia madeleine
    magali malik manon manuel manuela marc marcel marcelle margaux margot marguerite maria
    marianne marie marielle marine marion marius marlene marthe martin martine mathias
    mathieu mathilde matteo matthieu maud maurice max maxime mehdi melanie michel michele
    micheline mickael mireille mohamed monique morgan muriel myriam nadia nadine najat
    natacha nathalie nathan nicolas nicole nikos nina noel noemie norbert oceane odile odette
    olga olivia olivier oriane oscar pascal pascale patrice patricia patrick paul paule
    pauline perrine philippe pierre pierrette quentin rachel rachid rachida raphael raphaelle
    raymond regine remi remy renaud rene richard robert roger roland romain romane rosa
    roselyne roxana sabine sacha salome samia samuel sandra sandrine sarah sebastien segolene
    serge severine sibeth simon simone sofia solange solene sonia sophie stanislas stephane
    stephanie suzanne sylvain sylvie tatiana theo theodore therese thierry thomas timothee
    tristan ursula valentin valerie valery vanessa vera veronique victor victoire vincent
    virginie vivien viviane william xavier yann yannick yasmina yolande yves yvette yvonne
    zoe
    """.split()
) | frozenset(
    # Tenth round (issue 11): the French first names of the generations who speak in the
    # sources (born 1920-1990) that were missing, and the foreign first names of statesmen a
    # French text quotes; words that open other capitalised phrases (Rose, Blanche, Reine,
    # Constance, Toussaint) left out. « la philosophe Sylviane Agacinski », « Georgina Dufoix,
    # qui déclare », « Aimé Césaire » went unrecognised, their words to the deputy quoting them.
    """
    adelaide adolphe adrienne aime aimee albane albertine alexia aliette alois amedee anatole
    annette antonin armelle arnold auguste augustine aurelia barthelemy basile beatrix benoite
    berenice berthe brice carmen casimir cecilia cesar charlene charline christel claudette
    clelia clotilde corentin cyprien deborah diego dolores donatien dorothee edgar edmond
    edmonde eleonore elie eloi emeline emilienne enzo erwan erwann ethan eugenie felicien
    ferdinand firmin flavie flavien florentin francette gauthier georgette georgina germain
    germaine gervais ghislain gilberte gislaine gregoire gregory gwenaelle gwendoline
    henriette herbert honore horace hortense huguette hyacinthe ignace isidore jacky jeannette
    jeannine jocelyne jordane josette josselin judith julienne justin laurene laurette leonie
    leopold liliane lucette lucile lucille ludivine lydie maelle marceline margaret mariane
    marinette marisol marjorie martial marylene marylise maryse maryvonne mauricette maxence
    maximilien melissa morgane murielle nadege nelly nicolle ninon noelle octave olympe
    ophelie pascaline paulette penelope philippine prosper raoul raymonde regis renee rodolphe
    rodrigue rolande rosalie rosine sidonie suzette sylvaine sylvestre sylviane tanguy
    thibault thibaut tiphaine ulysse valentine violaine wilfried xaviere yvan yvon zelie
    abraham ariel bachar bill fidel george golda gordon helmut hillary hosni indira jimmy
    kamala konrad mikhail mohammed nelson olaf pedro ronald shimon silvio theresa tony viktor
    vladimir willy winston yasser yitzhak
    """.split()
)
