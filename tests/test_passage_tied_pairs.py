"""A short quotation of stop words around one rare word pair is found word for word, however
many records hold that pair (indexer.passages.TIED_AT_MOST).

The word pairs choose which records a pasted quotation is aligned against, and pairs of stop
words are not indexed: « Mais nous sommes en guerre ! » is the one pair « en guerre ». On the
shared corpus 29 records hold it, all with the same score, and the first 24 of the index
(CANDIDATES) were aligned: Hansard turns, « particulière. Nous sommes en guerre », so that
`verbatim verify` answered « Proche (à 80 %) » while Gérald Darmanin says it word for word
on RTL (30 October 2020). Now, when every candidate ties, the tied records holding the typed
words in order are aligned first.
"""

from pathlib import Path

import pytest

from indexer.indexing import index_paths
from tests.conftest import verify_json

DARMANIN = ("GERALD DARMANIN\n\nMais nous sommes en guerre ! Nous sommes en guerre face à un "
            "ennemi qui est à la fois un ennemi intérieur et un ennemi extérieur.")


def _turn(n: int) -> str:
    """A deputy's turn holding « en guerre » but not the quotation."""
    return (f"Séance numéro {n}. Nous ne devons pas les oublier en cette période particulière. "
            f"Nous sommes en guerre et jusqu'ici cette question n'a pas été débattue.")


@pytest.fixture(scope="module")
def tied_index(tmp_path_factory) -> Path:
    """Thirty turns holding the pair « en guerre », then the interview that says the words."""
    folder = tmp_path_factory.mktemp("tied")
    documents = folder / "documents"
    documents.mkdir()
    for n in range(30):
        (documents / f"2013-02-{n % 28 + 1:02d}-seance-{n:02d}.txt").write_text(
            f"Débat sur la défense, séance {n}\n\n{_turn(n)}\n", encoding="utf-8")
    (documents / "2020-10-30-interview-darmanin-rtl.txt").write_text(
        f"Interview de M. Gérald Darmanin à RTL\n\n{DARMANIN}\n", encoding="utf-8")
    index_paths([documents], folder / "index")
    return folder / "index"


def test_a_short_quotation_said_word_for_word_is_exact_among_many_tied_records(tied_index):
    found = verify_json(tied_index, "Mais nous sommes en guerre !")
    assert found["verdict"] == "exact"
    assert found["passage"].lower() == "mais nous sommes en guerre"
    assert "Darmanin" in found["title"]


def test_words_every_tied_record_holds_come_from_the_earliest(tied_index):
    # each deputy's turn says it: the earliest statement is the source shown, as ever
    found = verify_json(tied_index, "Nous sommes en guerre et jusqu'ici cette question")
    assert found["verdict"] == "exact"
    assert found["date"] == "2013-02-01"
