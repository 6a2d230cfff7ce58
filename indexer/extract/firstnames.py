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
)
