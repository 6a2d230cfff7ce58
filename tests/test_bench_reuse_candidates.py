"""`python -m bench.reuse --compare` measures which record pairs Verbatim's fingerprints make
candidates: it must read the pairs the reuse step chooses, as the step makes them today."""

from bench.reuse import candidates_ngrams
from indexer.document import Document

PROMISE = ("nous ne laisserons aucun village de la vallée sans eau potable ni sans médecin "
           "avant la fin de la prochaine mandature")


def doc(doc_id: str, text: str) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", format="txt", text=text)


def test_two_records_sharing_a_passage_are_a_candidate_pair_and_a_third_is_not():
    records = [doc("discours", f"Le maire a déclaré hier soir que {PROMISE}. Merci à tous."),
               doc("communique", f"Au conseil municipal, il a redit que {PROMISE}, dit-il."),
               doc("agenda", "La fête du village aura lieu samedi prochain sur la place de "
                             "l'église, avec un concert et un bal populaire.")]
    pairs, seconds = candidates_ngrams(records)
    assert pairs == {("communique", "discours")}
    assert seconds >= 0


def test_records_without_a_shared_passage_make_no_candidate():
    pairs, _ = candidates_ngrams([doc("a", f"Le maire a déclaré que {PROMISE}."),
                                  doc("b", "Le budget de la commune sera voté en mars.")])
    assert pairs == set()
