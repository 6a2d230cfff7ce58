"""Two sentences an article joins as one quotation, the sentence between them left out without
a mark, are the source's words (indexer.passages.sentence_joins).

Florence Parly on the submarine Perle (vie-publique, 22 October 2020): « Concrètement, c'est
un chantier de réparation qui mobilisera 300 personnes et qui devrait durer 6 mois. » and,
one sentence later, « Les températures auxquelles a été soumise l'acier ont altéré ses
qualités et c'est cet acier qui absorbe les très fortes pressions des profondeurs marines. »
An article printing both as one quotation was found at 60 %, with differences the text does
not have (« vous avez écrit « Concrètement, c'est un chantier », le texte dit « plus
précisément à l'opération » »): the words were aligned as one stretch. Now, when one stretch
is not word for word, the sentences typed are aligned as the pieces of a cut quotation, in
order: « mot pour mot », and the difference says what the unmarked cut leaves out.

Read from the shared corpus's index (skipped when absent).
"""

import json

from click.testing import CliRunner

from indexer.cli import main
from indexer.passages import align, query_words, sentence_joins
from indexer.search import SearchRequest, search
from indexer.verify import verify

FIRST = ("Concrètement, c'est un chantier de réparation qui mobilisera 300 personnes et qui "
         "devrait durer 6 mois.")
LATER = ("Les températures auxquelles a été soumise l'acier ont altéré ses qualités et c'est "
         "cet acier qui absorbe les très fortes pressions des profondeurs marines.")
BETWEEN = ("Pour en venir plus précisément à l'opération de réparation : lors de l'incendie, "
           "c'est la partie avant de la Perle qui a brûlé")
TITLE = "Déclaration de Mme Florence Parly, ministre des armées, sur l'avenir du sous-marin"


def test_the_sentences_typed_are_found_in_the_text_a_sentence_apart():
    text = f"Nous y veillerons. {FIRST}\n\n{BETWEEN}. {LATER} La première étape suivra."
    q = f"{FIRST} {LATER}"
    passage = align(query_words(q), q, text)
    assert passage.verdict == "exact" and passage.text.startswith("Concrètement")
    assert [op for op in passage.diff if op["op"] == "cut"] == [
        {"op": "cut", "typed": "", "source": BETWEEN}]


def test_sentences_side_by_side_in_the_source_read_as_before():
    text = f"{FIRST} {LATER}"
    q = f"{FIRST} {LATER}".replace("300", "400")  # one word misremembered, no cut
    passage = align(query_words(q), q, text)
    assert passage.verdict == "close"
    assert not any(op["op"] == "cut" for op in passage.diff)


def test_an_initial_or_an_abbreviation_is_no_sentence_end():
    q = "M. Dupont et J. Martin ont lu l'art. 3 du texte. Puis ils ont voté."
    assert [query_words(q)[i][0] for i in sentence_joins(query_words(q), q)] == ["puis"]


def test_the_search_finds_the_declaration_word_for_word(shared_catalog):
    response = search(shared_catalog, SearchRequest(q=f"{FIRST} {LATER}"))
    first = response.hits[0]
    assert first["title"].startswith(TITLE)
    assert first["passage"]["verdict"] == "exact"
    assert {"op": "cut", "typed": "", "source": BETWEEN} in first["passage"]["diff"]
    assert response.notes[0].startswith("Passage trouvé mot pour mot")
    assert not response.passage_absent


def test_verify_says_what_the_unmarked_cut_leaves_out(shared_catalog, shared_index):
    found = verify(shared_catalog, f"« {FIRST} {LATER} »")
    assert found["verdict"] == "exact"
    assert found["title"].startswith(TITLE)

    result = CliRunner().invoke(main, ["verify", f"{FIRST} {LATER}",
                                       "--index", str(shared_index[0])])
    assert result.exit_code == 0, result.output
    assert "Exacte (mot pour mot)" in result.output
    assert "coupure non marquée : entre ces deux phrases, le texte dit « Pour en venir" \
        in result.output.replace("\u00a0", " ")


def test_through_the_api(shared_index):
    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(shared_index[0])})
    try:
        data = app.test_client().get("/api/search",
                                     query_string={"q": f"{FIRST} {LATER}"}).get_json()
        first = data["results"][0]
        assert first["passage"]["verdict"] == "exact"
        assert json.dumps({"op": "cut", "typed": "", "source": BETWEEN}, ensure_ascii=False) \
            in json.dumps(first["passage"]["diff"], ensure_ascii=False)
    finally:
        close_catalog(app)


def test_both_engines_find_it_word_for_word(opensearch_cluster):
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster
    from tests.cluster.launcher import drop_indices
    from tests.conftest import shared_path
    from tests.shared_docs import VIE_PUBLIQUE

    alias = "sentences-joined"
    drop_indices(opensearch_cluster.url, alias)
    index_cluster([shared_path(*VIE_PUBLIQUE.split("/"))], opensearch_cluster.url, alias,
                  replicas=1)
    theirs = open_opensearch(opensearch_cluster.url, alias=alias)
    try:
        first = search(theirs, SearchRequest(q=f"{FIRST} {LATER}")).hits[0]
        assert first["title"].startswith(TITLE)
        assert first["passage"]["verdict"] == "exact"
        assert {"op": "cut", "typed": "", "source": BETWEEN} in first["passage"]["diff"]
    finally:
        theirs.close()
        drop_indices(opensearch_cluster.url, alias)


# The Élysée's communiqué of 12 November 2020 on the Haut-Karabakh, its two sentences swapped
# and two words misremembered (« construire » for « bâtir », « juste » for « équitable »)
SWAPPED = ("Le Président a dit sa satisfaction de l'arrêt des combats, a rappelé son amitié pour "
           "l'Arménie et son peuple ainsi que sa disponibilité pour construire une solution "
           "politique juste, durable et acceptable pour toutes les parties au "
           "Haut-Karabakh. Il l'a informé de la réunion qu'il a organisée à l'Elysée cet "
           "après-midi pour mobiliser l'effort humanitaire de la France.")


def test_sentences_pasted_in_another_order_are_not_said_to_be_nowhere(shared_catalog):
    response = search(shared_catalog, SearchRequest(q=f"{LATER} {FIRST}"))
    assert response.hits[0]["title"].startswith(TITLE)
    assert not response.passage_absent
    assert not any(note.startswith("Aucun document") for note in response.notes)

    response = search(shared_catalog, SearchRequest(q=SWAPPED))
    assert response.hits[0]["title"].startswith("Communiqué de la Présidence de la République")
    assert "Haut-Karabakh" in response.hits[0]["title"]
    assert not response.passage_absent
    assert not any(note.startswith("Aucun document") for note in response.notes)
    # « Le Président a dit sa satisfaction » says what he expressed: no words given to him
    assert not any("Vous donnez ces mots" in ((hit["passage"] or {}).get("note") or "")
                   for hit in response.hits[:3])


# An article's paragraph pasted whole, the quotation inside it (the journalist's question:
# did she say that?), 70 words: the frame was aligned with the quotation, and the page said
# « Aucun document ne contient ce passage, même approché » above the declaration itself
ARTICLE = ("Lors de son déplacement à Paris le 22 octobre, la ministre des armées a évoqué "
           "l'avenir du sous-marin endommagé par un incendie en juin dernier. « " + FIRST[:-1]
           + " », a-t-elle expliqué devant la presse, avant de visiter le site de Toulon où "
           "travaillent les équipes de Naval Group depuis plusieurs semaines.")


def test_a_paragraph_of_an_article_finds_the_quotation_it_holds(shared_catalog):
    response = search(shared_catalog, SearchRequest(q=ARTICLE))
    first = response.hits[0]
    assert first["title"].startswith(TITLE)
    assert first["passage"]["verdict"] == "exact"
    assert first["passage"]["text"].startswith("Concrètement")
    assert not response.passage_absent
