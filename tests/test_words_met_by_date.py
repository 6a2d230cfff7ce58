"""A month typed is met by the record's date when the records holding every word come first
(indexer.search, indexer.intent).

Journalist search tasks (session 38, b11): « Code canadien du travail projet de loi C-12 santé
et sécurité mars 2000 ». The Hansard turn of 24 March 2000 holds every word but « mars »: a
sitting's turn is dated, it does not write its month. The search widened (no record holds all
ten words), and BM25 summed over the words put first the turns of the same weeks on the health
research institutes bill, holding « santé », « loi » and « Canada » again and again in a few
lines. The records holding every word come first when the engine widens; a word read as a date
(« mars 2000 ») is now held by a record of that month, a word read as a kind (« communiqué »)
by a record of that kind: the turn on the Labour Code comes first."""

import csv
from contextlib import closing

import pytest

from indexer.indexing import index_paths
from indexer.intent import Reading, read_intent
from indexer.search import SearchRequest, open_catalog, search
from tests.test_keywords_not_quotations import whoosh_and_cluster

SITTING = "Chambre des communes, séance du {day} : {topic}"
FILLER = ("Monsieur le Président, je remercie mon collègue de sa question et je voudrais "
          "rappeler à la Chambre ce que le gouvernement a fait depuis le début de la "
          "législature pour les familles, les régions et les travailleurs de tout le pays. ")
LABOUR = ("Le projet de loi C-12 modifie la partie II du Code canadien du travail. Il porte sur "
          "la santé et la sécurité au travail des employés sous réglementation fédérale : les "
          "comités de santé et de sécurité, le droit de refuser un travail dangereux. ")
ROWS = [
    # b11: the turn on the Labour Code, dated 24 March 2000, the month written nowhere
    (SITTING.format(day="2000-03-24", topic="Justice et droits de la personne"), "2000-03-24",
     FILLER * 3 + LABOUR + FILLER * 3, "Claudette Bradshaw"),
] + [
    # the health research institutes bill, the same weeks: « santé », « loi », « Canada »,
    # « projet » in every line of short turns
    (SITTING.format(day=f"2000-03-{day}",
                    topic="Loi sur les instituts de recherche en santé du Canada"),
     f"2000-03-{day}",
     "Le projet de loi sur les instituts de recherche en santé du Canada est une loi pour la "
     "santé des Canadiens. La recherche en santé au Canada, la santé publique, la santé des "
     f"régions : ce projet de loi sert la santé. Séance de l'an 2000, intervention {n}.",
     f"Député {n}") for n, day in enumerate(("20", "21", "22", "23", "23", "27", "28", "28",
                                             "29", "30", "30", "31"))
]
QUERY = "Code canadien du travail projet de loi C-12 santé et sécurité mars 2000"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """The turns as a CSV file, and its index (what `verbatim index` writes)."""
    root = tmp_path_factory.mktemp("met-by-date-corpus")
    header = ["title", "date", "text", "tags", "topics", "speakers"]
    rows = [[title, f"{date}T12:00:00Z", text, "", "", speaker]
            for title, date, text, speaker in ROWS]
    with open(root / "debats.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([header, *rows])
    index = tmp_path_factory.mktemp("met-by-date-index")
    index_paths([root], index, workers=1)
    return root, index


@pytest.fixture(scope="module")
def catalog(indexed):
    with closing(open_catalog(indexed[1])) as engine:
        yield engine


def test_a_turn_dated_as_typed_holding_every_other_word_comes_first(catalog):
    response = search(catalog, SearchRequest(q=QUERY))
    assert response.match in ("most", "any")  # ten words: the engine widened
    assert response.hits[0]["title"].endswith("Justice et droits de la personne")
    assert "Le document contenant tous les mots d'abord." in response.notes


def test_another_month_does_not_stand_for_the_word(catalog):
    # the turn is of March: « avril 2000 » is neither in its text nor its date — it is not
    # lifted as a record holding every word; it still comes first as the one holding every
    # word but the date's (session 52: more of the words first, `indexer.search._fuller`),
    # the health research turns holding four of the eight others
    response = search(catalog, SearchRequest(q=QUERY.replace("mars", "avril")))
    assert not any("contenant tous les mots" in note for note in response.notes)
    assert response.hits[0]["title"].endswith("Justice et droits de la personne")


def test_what_the_words_are_read_as():
    assert read_intent(QUERY).readings == [
        Reading(frozenset({"mars", "2000"}), date=(2000, 3, None))]
    assert read_intent("notre communiqué sur le pourvoi en cassation").readings == [
        Reading(frozenset({"communique"}), kinds=("communiqué",))]
    # a day typed without its year spans every year: its words are held by the text only
    assert read_intent("Poisson article 23 outre-mer le 8 février").readings == []
    assert read_intent("qui a dit nous sommes en guerre en mars 2020").readings == []


def test_both_engines_put_the_turn_first(opensearch_cluster, indexed):
    root, index = indexed
    with whoosh_and_cluster(opensearch_cluster, root, index, "words-met-by-date") as engines:
        a, b = (search(engine, SearchRequest(q=QUERY)) for engine in engines)
        assert a.hits[0]["title"] == b.hits[0]["title"]
        assert b.hits[0]["title"].endswith("Justice et droits de la personne")
