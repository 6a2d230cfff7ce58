"""The French analyzer: tokens for real sentences, the same at indexing and query time."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.analysis import (
    STOP_WORDS,
    exact_analyzer,
    exact_chain,
    exact_terms,
    fold,
    french_analyzer,
    french_chain,
    stemmed_terms,
)


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


# Texts where a per-word cache could part from the chain: elisions, typographic apostrophes,
# stop words first, ligatures, digits, hyphens, non-Latin letters, empty text.
CACHE_TEXTS = [
    "L’État s’est engagé aujourd’hui à protéger les lanceurs d’alerte.",
    "Les élues ont voté ; qu’en pensent-elles ? « Nous y veillerons », a dit M. Dupont.",
    "Œuvre, cœur et ex-aequo : 1 200 000 € le 5 mars 2015 à Saint-Étienne",
    "ΑΘΗΝΑ Москва 東京 — l'été, jusqu’à l’automne",
    "",
]


@pytest.mark.parametrize("text", CACHE_TEXTS)
@pytest.mark.parametrize(("analyzer", "chain", "positions"), [
    (french_analyzer, french_chain, False),
    (exact_analyzer, exact_chain, True),
])
def test_indexing_through_the_word_cache_gives_the_chains_tokens(text, analyzer, chain,
                                                                  positions):
    def tokens(a):
        return [(t.text, t.pos if positions else None)
                for t in a()(text, positions=positions, mode="index")]

    assert tokens(analyzer) == tokens(chain)


@given(st.text(alphabet=st.sampled_from("aeéèçœ’' -.Lldqu«»ÉA1"), max_size=80))
def test_word_cache_agrees_with_the_chain_on_any_text(text):
    fast = [t.text for t in french_analyzer()(text, mode="index")]
    assert fast == [t.text for t in french_chain()(text, mode="index")]


def test_queries_and_highlighting_run_the_chain_itself():
    tokens = list(french_analyzer()("Les lanceurs", chars=True, mode="query"))
    assert [(t.text, t.startchar, t.endchar) for t in tokens] == [("lanceur", 4, 12)]
