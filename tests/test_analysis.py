"""The French analyzer: tokens for real sentences, the same at indexing and query time."""

import pytest

from indexer.analysis import STOP_WORDS, exact_terms, fold, stemmed_terms


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # elision, with ' and ’, any case
        ("l'alerte", ["alert"]),
        ("L’alerte", ["alert"]),
        ("qu'il", []),
        ("jusqu'à", []),
        ("lorsqu’elle", []),
        ("puisqu'on", []),
        ("d'aujourd'hui", ["aujourd'hui"]),
        ("aujourd’hui", ["aujourd'hui"]),
        # accent folding before stemming: both spellings meet
        ("décentralisée", ["decentralis"]),
        ("decentralisee", ["decentralis"]),
        ("Sécurité intérieure", ["securit", "interieur"]),
        ("securite interieure", ["securit", "interieur"]),
        # plurals and stop words
        ("Les lanceurs d'alerte", ["lanceur", "alert"]),
        ("Quelle est cette politique ?", ["polit"]),
        ("Ils ont dit", ["dit"]),
        # hyphenated places split into words, numbers kept
        ("Moyen-Orient", ["moyen", "orient"]),
        ("le 5 mars 2015", ["5", "mar", "2015"]),
        ("L’Œuvre", ["oeuvr"]),
    ],
)
def test_french_analyzer_tokens(text, tokens):
    assert stemmed_terms(text) == tokens


def test_real_sentence_from_a_communique():
    sentence = (
        "Antoine Deltour « exprime son immense gratitude » envers les lanceurs d’alerte "
        "et les citoyens qui l’ont soutenu."
    )
    assert stemmed_terms(sentence) == [
        "antoin", "deltour", "exprim", "immens", "gratitud", "enver", "lanceur", "alert",
        "citoyen", "soutenu",
    ]


def test_exact_analyzer_keeps_every_word_in_order():
    assert exact_terms("Une rivière qui meurt, c’est un village qui se tait") == [
        "une", "riviere", "qui", "meurt", "c'est", "un", "village", "qui", "se", "tait",
    ]


def test_exact_analyzer_folds_typographic_apostrophes():
    assert exact_terms("lanceur d’alerte") == exact_terms("lanceur d'alerte")


@pytest.mark.parametrize("word", ["les", "quel", "quelle", "cette", "ils", "elles", "dont"])
def test_stop_list_has_words_whoosh_lacks(word):
    assert word in STOP_WORDS


@pytest.mark.parametrize("word", ["été", "the", "and", "not"])
def test_stop_list_keeps_meaningful_words(word):
    # « été » is also the season; English words are not French stop words
    assert stemmed_terms(word)


def test_fold_removes_accents_and_ligatures():
    assert fold("Épinal, cœur") == "Epinal, coeur"
