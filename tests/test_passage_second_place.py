"""A speech that says the same words twice: the passage shown is the place closest to what was
typed, not the first place where the typed words gather (indexer.passages.PLACES).

Gérald Darmanin on RTL (vie-publique, 30 October 2020) says « nous sommes en guerre contre une
idéologie, idéologie islamiste » early in the interview, and later « nous sommes en guerre
contre cette idéologie islamiste ». Remembered as « nous étions en guerre contre l'idéologie
islamiste », the quotation was aligned on the first place only, where its words gather most
densely: « Proche (à 62 %) », cut before « islamiste », with a difference the text does not
have (« vous avez écrit « islamiste », le texte dit « idéologie » »). The later place, one
word changed and one added, is 75 %. Now the next places where the words gather are aligned
too (at most three in all, only when the first is not word for word), and the closest wins.

The examples and the last test read the shared corpus's index (skipped when absent).
"""

from indexer.passages import align, query_words
from indexer.search import SearchRequest, search
from tests.conftest import verify_json

EARLY = ("Mais nous sommes en guerre ! Nous sommes en guerre face à un ennemi qui est à la fois "
         "un ennemi intérieur et un ennemi extérieur et l'idéologie puisque nous ne sommes pas "
         "en guerre contre une religion, nous sommes en guerre contre une idéologie, idéologie "
         "islamiste. C'est une idéologie qui veut imposer ses codes culturels, sa façon de "
         "vivre.")
BETWEEN = ("Je l'ai dit dès ma prise de fonction au ministère de l'Intérieur, je l'ai redit "
           "plusieurs fois depuis que j'ai eu l'occasion de m'exprimer et les Français le "
           "savent, on leur dit plusieurs fois mais ils doivent s'en convaincre ")
LATER = "que nous sommes en guerre contre cette idéologie islamiste."
REMEMBERED = "nous étions en guerre contre l'idéologie islamiste"


def test_the_closer_of_two_places_is_the_passage():
    text = f"{EARLY}\n\n{BETWEEN}{LATER}"
    passage = align(query_words(REMEMBERED), REMEMBERED, text)
    assert passage.text == "nous sommes en guerre contre cette idéologie islamiste"
    assert round(passage.similarity, 2) == 0.75
    assert [(op["op"], op["typed"], op["source"]) for op in passage.diff
            if op["op"] != "equal"] == [("replace", "étions", "sommes"), ("insert", "", "cette")]


def test_a_long_speech_holds_its_second_place_further_on():
    # the two places a thousand words apart: each in its own part of a long text
    filler = " ".join(["La sécurité des Français est notre priorité."] * 150)
    text = f"{EARLY}\n\n{filler}\n\n{BETWEEN}{LATER}\n\n{filler}"
    passage = align(query_words(REMEMBERED), REMEMBERED, text)
    assert passage.text == "nous sommes en guerre contre cette idéologie islamiste"
    assert text[passage.start:passage.end] == passage.text


def test_two_places_equally_close_the_first_stays():
    text = (f"Nous sommes en guerre contre cette idéologie islamiste. {BETWEEN}"
            f"{LATER}")
    passage = align(query_words(REMEMBERED), REMEMBERED, text)
    assert passage.start == 0 and round(passage.similarity, 2) == 0.75


def test_words_said_word_for_word_at_the_first_place_read_as_before():
    typed = "nous sommes en guerre contre une idéologie, idéologie islamiste"
    passage = align(query_words(typed), typed, f"{EARLY}\n\n{BETWEEN}{LATER}")
    assert passage.verdict == "exact" and passage.text == typed


def test_verify_and_search_show_the_interviews_closer_place(shared_index, shared_catalog):
    found = verify_json(shared_index[0], f"Darmanin a affirmé que {REMEMBERED}")
    assert found["title"].startswith("Interview de M. Gérald Darmanin, ministre de "
                                     "l'intérieur, à RTL le 30 octobre 2020")
    assert found["passage"] == "nous sommes en guerre contre cette idéologie islamiste"
    assert found["verdict"] == "close" and found["similarity"] == 0.75
    assert found["note"] == "Ce sont bien les mots de Darmanin selon la source."
    first = search(shared_catalog, SearchRequest(q=REMEMBERED)).hits[0]
    assert first["passage"]["text"] == "nous sommes en guerre contre cette idéologie islamiste"
