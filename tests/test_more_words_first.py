"""Among the best matches of keywords no record holds whole, more of the words first
(indexer.search._fuller).

Journalist search tasks, session 51's reading of the development misses: BM25 summed over
the words lets a short record saying a few of them beat a record saying more. « Véran
prolongation de l'état d'urgence sanitaire projet de loi » put first the Conseil des
ministres' record on the state of emergency (five of the seven words, not « Véran ») above
the minister's declaration on the bill (six: the text says « prorogation »), at 82 % of its
score (g02; g37 and g53 alike). And « every word first » (session 20) lifted a long
declaration saying each word of « la ministre du travail sur France 2 hommage à Samuel Paty
à la Sorbonne » somewhere — Clément Beaune's, at 7 % of the best score — above Élisabeth
Borne's France 2 interview, whose title holds every word but « hommage » (f10, e27 alike).

Now, when the engine needed only half of the words or any of them (more than three words
counted: those read as a date, a kind or the person said to have said it are met otherwise),
the hits scoring at least FULLER_BAND (0.7) times the best come in the order of how many
of the words each holds, then the others in their order; a record holding every word still
comes first, but one scoring below BAND (0.5) times the best no longer passes a record
lacking one word only that scored above it (it still passes those lacking two or more: the
deputy's turn of « Mamère signe de croix comportement sectaire », tests/test_fullest_first.py).
Each engine tells which words a record holds (`Engine.words_held`: Whoosh from its cached
word postings, OpenSearch from one multi-search over the records): the same order on both.

The records below are written after the vie-publique records of those tasks, shortened.
"""

import json
from contextlib import contextmanager

import pytest

from indexer.search import SearchRequest, search
from tests.conftest import searched

VERAN = "Véran prolongation de l'état d'urgence sanitaire projet de loi"
PATY = "la ministre du travail sur France 2 hommage à Samuel Paty à la Sorbonne"
FILLER = ("Le Gouvernement poursuit son action au service des Français, dans tous les "
          "territoires, avec les collectivités et les partenaires sociaux. ")
CONSEIL = "Conseil des ministres du 21 octobre 2020. État d'urgence sanitaire."
DECLARATION = ("Déclaration de M. Olivier Véran, ministre des solidarités et de la santé, sur le "
               "projet de loi autorisant la prorogation de l'état d'urgence sanitaire, au Sénat "
               "le 24 octobre 2020.")
SPEECH = "Discours de M. Olivier Véran devant les soignants de Lyon."
BORNE = ("Interview de Mme Élisabeth Borne, ministre du travail, de l'emploi et de l'insertion, "
         "à France 2 le 22 octobre 2020, sur la cérémonie en l'honneur de Samuel Paty à la "
         "Sorbonne.")
BEAUNE = ("Déclaration de M. Clément Beaune, secrétaire d'État aux affaires européennes, sur "
          "l'épidémie de Covid-19, le Brexit et les relations avec la Turquie.")
MESSAGE = ("Message de M. Emmanuel Macron, président de la République, sur l'hommage à Samuel "
           "Paty.")


def _records() -> list[dict]:
    records = [
        (CONSEIL, "2020-10-21", "Le ministre des solidarités et de la santé a présenté un "
         "projet de loi autorisant la prorogation de l'état d'urgence sanitaire. L'état "
         "d'urgence sanitaire a été déclaré le 17 octobre sur l'ensemble du territoire."),
        (DECLARATION, "2020-10-24", "Monsieur le Président, Mesdames et Messieurs les "
         "sénateurs, le projet de loi que je vous présente proroge l'état d'urgence sanitaire "
         "jusqu'au 16 février. " + FILLER * 6),
        # six of the words too, but far below: not lifted
        (SPEECH, "2020-10-30", FILLER * 20 + "Le projet de loi sur l'état d'urgence sanitaire "
         "sera débattu au Sénat. " + FILLER * 20),
        (BORNE, "2020-10-22", "Une nation rassemblée autour de ses professeurs."),
        (BEAUNE, "2020-10-21", FILLER * 30 + "Je veux saluer la ministre du travail, qui était "
         "sur France 2 ce matin. " + FILLER * 30 + "L'hommage national rendu à Samuel Paty à "
         "la Sorbonne nous a tous unis. " + FILLER * 30),
        (MESSAGE, "2020-11-02", "Professeurs de France, la Nation rend hommage à Samuel Paty. "
         + FILLER * 2),
    ]
    records += [(f"Déclaration sur le projet de loi de finances {n}", f"2020-09-{n + 1:02d}",
                 "Le projet de loi de finances pour 2021 soutient la relance. "
                 + FILLER * (1 + n % 3)) for n in range(10)]
    records += [(f"Interview sur la crise sanitaire {n}", f"2020-11-{n + 1:02d}",
                 "La crise sanitaire frappe durement les commerces. " + FILLER * (2 + n))
                for n in range(4)]
    return [{"id": f"r{n:02d}", "title": title, "date": date, "text": text}
            for n, (title, date, text) in enumerate(records)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("more-words-corpus")
    with (root / "declarations.jsonl").open("w", encoding="utf-8") as handle:
        for record in _records():
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return root


@pytest.fixture(scope="module")
def index_dir(corpus, tmp_path_factory):
    from indexer.indexing import index_paths

    index = tmp_path_factory.mktemp("more-words-index")
    index_paths([corpus], index, workers=1)  # what `verbatim index` runs
    return index


def titles(response) -> list[str]:
    return [hit["title"] for hit in response.hits]


def test_the_declaration_holding_more_of_the_words_comes_first(index_dir):
    response = searched(index_dir, VERAN)
    assert response.match == "any"  # no record holds all seven words
    shown = titles(response)
    # six words (all but « prolongation »), at 90 % of the Conseil's score, before its five
    assert shown[:2] == [DECLARATION, CONSEIL]
    assert response.hits[0]["score"] < response.hits[1]["score"]
    # six words too, but far below the best: left in its place, after the Conseil's record
    assert shown.index(SPEECH) > shown.index(CONSEIL)


def test_a_long_record_saying_every_word_far_below_does_not_pass_one_lacking_one_word(
        index_dir):
    response = searched(index_dir, PATY)
    shown = titles(response)
    # the interview lacks « hommage » only; the declaration says each word somewhere, at a
    # quarter of the best score: after the interview, before the message lacking three
    assert shown[:3] == [BORNE, BEAUNE, MESSAGE]
    assert response.hits[1]["score"] < 0.5 * max(hit["score"] for hit in response.hits)
    assert ("Le document contenant tous les mots d'abord, sauf devant ceux, bien plus "
            "pertinents, auxquels il n'en manque qu'un.") in response.notes


def test_through_the_command_line(index_dir):
    from click.testing import CliRunner

    from indexer.cli import main

    result = CliRunner().invoke(main, ["search", *VERAN.split(), "--json",
                                       "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"][0]["title"] == DECLARATION


def test_both_engines_tell_the_same_words_and_give_the_same_order(opensearch_cluster, corpus,
                                                                   tmp_path):
    from tests.conftest import both_engines

    with contextmanager(both_engines)(corpus, tmp_path / "index", opensearch_cluster.url,
                                      "more-words-first") as (whoosh, theirs):
        for q in (VERAN, PATY):
            a, b = search(whoosh, SearchRequest(q=q)), search(theirs, SearchRequest(q=q))
            assert titles(a)[:4] == titles(b)[:4], q
            assert a.notes == b.notes, q
        ids = [hit["id"] for hit in search(whoosh, SearchRequest(q=VERAN)).hits]
        terms = ["veran", "prolong", "etat", "urgenc", "sanitair", "projet", "loi"]
        held = whoosh.words_held(ids, terms)
        assert held == theirs.words_held(ids, terms)
        assert held[ids[0]] == set(terms) - {"prolong"}
