"""People named in real texts: where a name starts and ends, which function is theirs.

Passages from ../shared/corpus (issue 11, family 4): no city glued to a name, no capitalised
phrase taken for a person, functions that end where the apposition ends, coordinated
functions kept, current ones first.
"""

from indexer.extract.people import find_mentions, functions_of
from indexer.extract.titles import parse_title
from tests.shared_docs import VIE_PUBLIQUE, VIE_PUBLIQUE_2023, shared_document


def functions(text: str) -> dict[str, str]:
    """Each person's function, as the first apposition next to their name states it."""
    return functions_of(find_mentions(text))


def test_no_place_or_function_glued_to_the_name_and_the_function_before_it_is_kept():
    doc = shared_document(VIE_PUBLIQUE_2023, "Interview de M. Hervé Berville", "José JOUNEAU")
    # « … reconnu par d'ailleurs le président du comité régional José JOUNEAU en décembre »
    assert functions(doc.text)["José Jouneau"] == "président du comité régional"
    assert "José Jouneau" in [m.name for m in find_mentions(doc.text)]


def test_function_glued_before_an_upper_case_name():
    doc = shared_document(VIE_PUBLIQUE, "Interview de M. Cédric O", "Roxana MARACINEANU")
    # « votre collègue ici même, la ministre des Sports Roxana MARACINEANU. »
    assert functions(doc.text)["Roxana Maracineanu"] == "ministre des Sports"


def test_the_function_of_a_name_in_a_clause_is_not_glued():
    assert functions("Hier le ministre a reçu Jean Dupont à Lyon.") == {}


def test_a_broadcaster_is_no_person():
    doc = shared_document("luxleaks-communiques/markdown/2018-06-13-retrospective.md")
    assert "La BBC suivra" in doc.text
    assert not [m for m in find_mentions(doc.text) if m.name and "Bbc" in m.name]


def test_function_ends_where_the_apposition_ends():
    doc = shared_document("luxleaks-communiques/markdown/2014-12-17-luxleaks.html.md")
    # « Jean-Claude Juncker, Président de la Commission Européenne entré en fonction … »
    assert functions(doc.text)["Jean-Claude Juncker"] == "Président de la Commission Européenne"


def test_a_new_clause_after_a_name_is_no_apposition():
    doc = shared_document("luxleaks-communiques/markdown/2016-12-20-appeal-day2.html.md")
    # « Sur le cas de Raphaël Halet, l’avocat général estime que … »
    found = [m for m in find_mentions(doc.text) if m.name == "Raphaël Halet"]
    assert found and all(m.function is None for m in found)
    assert functions(doc.text)["John Petry"] == "avocat général"


def test_the_function_of_the_person_addressed_is_not_the_speakers():
    doc = shared_document("luxleaks-communiques/markdown/2016-04-28-trial-day3.html.md")
    # « Sven Giegold, eurodéputé allemand, … Répondant à l’avocat d’Antoine, M. Giegold … »
    mentions = [m for m in find_mentions(doc.text) if m.name == "Sven Giegold"]
    assert mentions[0].function == "eurodéputé allemand"
    assert all(m.function != "avocat d’Antoine" for m in mentions)


def test_coordinated_functions_are_kept_current_ones_first():
    doc = shared_document("luxleaks-communiques/markdown/2015-03-10-opinion.html.md")
    found = functions(doc.text)
    assert found["Daniel Cohn-Bendit"] == "homme politique, ex-député européen"
    assert found["Pascal Canfin"] == "ex-ministre délégué au développement"
    assert found["Denis Robert"] == "journaliste et écrivain"


def test_coordinated_functions_former_after_current():
    found = functions(
        "Ségolène Neuville, ancienne ministre, députée de la Somme et présidente de "
        "l'association Rivières vivantes, a pris la parole."
    )
    assert found["Ségolène Neuville"] == (
        "députée de la Somme et présidente de l'association Rivières vivantes, ancienne ministre"
    )


def test_a_title_function_stops_before_the_media():
    doc = shared_document(VIE_PUBLIQUE, "Extraits d'un entretien de M. Clément Beaune", "CNews")
    assert parse_title(doc.title).speakers == [
        ("Clément Beaune", "secrétaire d'Etat aux affaires européennes")
    ]


def test_a_title_function_with_capitalised_complements_is_whole():
    doc = shared_document(VIE_PUBLIQUE, "Interview de M. Jean-Baptiste Lemoyne")
    assert parse_title(doc.title).speakers[0][1] == (
        "secrétaire d'État au tourisme, aux Français de l'étranger et à la francophonie"
    )


def test_a_name_inside_the_title_of_a_law_is_no_person():
    # issue 11: « Loi d'Execution du Budget de Florence Parly » taken for a person
    assert find_mentions("La Loi d'Execution du Budget de Florence Parly a été votée.") == []
    assert find_mentions("L'Accord Multilatéral Sur l'Investissement est enterré.") == []
