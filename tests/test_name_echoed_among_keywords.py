"""Keywords about someone are not a quotation because an interviewer says the name
(indexer.passages.described).

Journalist search tasks, dev6 (session 50): « Olivia Grégoire attentat de Vienne économie
sociale et solidaire » — her Sud Radio interview of 3 November 2020, the morning after the
Vienna attack — aligned at 67 % with « Olivia GREGOIRE, votre secteur c'est l'économie
sociale et solidaire », a question put to her in another interview (France Info, 2
October): the name and the sector were taken for words of a quotation, the subject typed
between them (« attentat de Vienne ») for words misremembered, and that « passage proche »
came first (score 1000.7), ahead of the one interview holding every word typed. Now a close
passage that opens on the name a journalist's keywords open on (`indexer.intent.opens_on_name`)
and lacks two content words of them or more is an echo of the keywords: shown on its record,
ranked as the others. A passage lacking the name only (« Darmanin communication sur la
sécurité du quotidien »: the Conseil des ministres' record says « le ministre de
l'intérieur ») still leads, as does a quotation pasted whole.

The interviews and the Conseil des ministres' record are read from the shared corpus's
vie-publique CSV (skipped when absent), written to a CSV of their own for a small index.
"""

import csv
from contextlib import contextmanager

import pytest

from indexer.passages import described
from indexer.search import SearchRequest, search
from tests.conftest import searched, shared_path

KEYWORDS = "Olivia Grégoire attentat de Vienne économie sociale et solidaire"
OFFICE = "Darmanin communication sur la sécurité du quotidien"
# from her answer on Sud Radio, 3 November 2020
QUOTATION = ("La menace est partout en Europe, et je dirais même l'ensemble des religions, "
             "des pratiques, sont aujourd'hui menacées")


def _kept(row: dict) -> bool:
    return "Olivia Grégoire" in row["title"] or row["title"].startswith(
        "Conseil des ministres du 14 octobre 2020. La sécurité")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    source = shared_path("vie-publique-discours", "gyab_statements_2020-11-22.csv")
    csv.field_size_limit(1 << 30)
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns, rows = reader.fieldnames, [row for row in reader if _kept(row)]
    assert len(rows) == 4  # three interviews of Olivia Grégoire, one Conseil des ministres
    corpus = tmp_path_factory.mktemp("name-echoed-corpus")
    with (corpus / "declarations.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)
    return corpus


@pytest.fixture(scope="module")
def index_dir(corpus, tmp_path_factory):
    from indexer.indexing import index_paths

    index = tmp_path_factory.mktemp("name-echoed-index")
    index_paths([corpus], index, workers=1)  # what `verbatim index` runs
    return index


def test_the_interview_on_the_subject_typed_comes_first(index_dir):
    response = searched(index_dir, KEYWORDS)
    top = response.hits[0]
    assert "Sud Radio le 3 novembre 2020" in top["title"]
    # the question echoing her name and sector is shown on its record, not pinned first
    assert top["score"] < 1000
    echoed = [hit for hit in response.hits if hit.get("passage")]
    assert echoed and "France Info le 2 octobre 2020" in echoed[0]["title"]
    assert echoed[0]["passage"]["text"].startswith("Olivia GREGOIRE, votre secteur")


def test_a_passage_lacking_only_the_name_still_leads(index_dir):
    top = searched(index_dir, OFFICE).hits[0]
    assert top["title"].startswith("Conseil des ministres du 14 octobre 2020. La sécurité")
    assert top["passage"]["text"] == "une communication sur la sécurité du quotidien"


def test_a_quotation_pasted_whole_still_leads(index_dir):
    top = searched(index_dir, QUOTATION).hits[0]
    assert "Sud Radio le 3 novembre 2020" in top["title"]
    assert top["passage"]["verdict"] == "exact"


def test_what_the_diff_says_decides():
    name = {"op": "equal", "typed": "Olivia Grégoire", "source": "Olivia GREGOIRE ,"}
    subject = {"op": "replace", "typed": "attentat de Vienne", "source": "votre secteur c'est"}
    sector = {"op": "equal", "typed": "économie sociale et solidaire", "source": "…"}
    assert described([name, subject, sector])
    # one content word lacking: as a quotation with a word misremembered
    assert not described([name, {"op": "replace", "typed": "Vienne", "source": "votre"},
                          sector])
    # the name is what the passage lacks: the record the other words describe
    darmanin = {"op": "replace", "typed": "Darmanin", "source": "une"}
    phrase = {"op": "equal", "typed": "communication sur la sécurité du quotidien",
              "source": "…"}
    assert not described([darmanin, phrase])


def test_both_engines_put_the_same_record_first(opensearch_cluster, corpus, tmp_path):
    from tests.conftest import both_engines

    with contextmanager(both_engines)(corpus, tmp_path / "index", opensearch_cluster.url,
                                      "name-echoed-among-keywords") as (whoosh, theirs):
        for q in (KEYWORDS, OFFICE, QUOTATION):
            a, b = search(whoosh, SearchRequest(q=q)), search(theirs, SearchRequest(q=q))
            assert a.hits[0]["title"] == b.hits[0]["title"], q
            assert bool(a.hits[0].get("passage")) == bool(b.hits[0].get("passage")), q
