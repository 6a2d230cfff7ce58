"""Who really said it, sixteenth round (issue 11).

The Défenseur des droits: an office with a single holder, named by its function alone (« le
défenseur des droits a regretté la méthode employée : »), is nobody named, with the function
(CONVENTIONS rule 2, as « le Président de la République »), and the person when the text names
him with it (« M. Dominique Baudis, Défenseur des droits »). The twelfth round had made it a
body (rule 6); the gold always annotated it as a function (parts K, M, O), and the lead decided
for the gold (ADJUDICATION.md). Collegial bodies (Conseil d'État, Conseil constitutionnel, CNIL)
stay bodies.

Each test reads the real passage in ../shared/corpus in place (skipping, saying why, when it is
absent; failing under VERBATIM_REQUIRE_SHARED=1), and fails on the code before the round.
"""

import pytest

from tests.shared_docs import quote_at
from tests.test_attribution_second_round import _turn
from tests.test_attribution_twelfth_round import _case_id

# --- A single holder's office named alone: nobody named, the function kept ------------------

OFFICE_ALONE = [
    # JACQUES MYARD: « Le défenseur des droits a regretté la méthode employée : « Il aurait pu
    # être procédé à une construction de droits nouveaux … » »
    ("20130124.xml", "sp-00436-Jacques_Myard", "Il aurait pu être procédé"),
    # CHRISTIAN JACOB: « Le défenseur des droits poursuit, sur un autre sujet, la filiation :
    # « l'ouverture du mariage et du droit à l'adoption … » »
    ("20130126.xml", "sp-00442-Christian_Jacob", "l'ouverture du mariage et du"),
    # PHILIPPE GOSSELIN: « le défenseur des droits nous avait fait part de ses interrogations :
    # « Qu'est-il prévu en matière d'état civil ? » »
    ("20130137.xml", "sp-00753-Philippe_Gosselin", "Qu'est-il prévu en matière"),
    # CHRISTIAN JACOB: « Le premier concerne le Défenseur des droits, … je vais vous lire deux
    # remarques qu'il a faites dans sa contribution écrite … : « … » Il ajoute : « Dans beaucoup
    # de domaines … » »
    ("20130125.xml", "sp-00546-Christian_Jacob", "Dans beaucoup de domaines les"),
]


@pytest.mark.parametrize("case", OFFICE_ALONE, ids=_case_id)
def test_the_defenseur_des_droits_named_by_the_office_alone_is_nobody_named(case):
    sitting, record, words = case
    quote = quote_at(_turn(sitting, record), words)
    assert (quote.speaker, quote.function) == (None, "Défenseur des droits")


def test_the_defenseur_named_with_the_office_is_the_person_with_the_function():
    # XAVIER BRETON: « Permettez-moi de rappeler les propos du Défenseur des droits, Dominique
    # Baudis, lors de son audition le 13 décembre dernier : « Dans beaucoup de domaines, … » »
    quote = quote_at(_turn("20130124.xml", "sp-00132-Xavier_Breton"), "Dans beaucoup de domaines,")
    assert (quote.speaker, quote.function) == ("Dominique Baudis", "Défenseur des droits")
