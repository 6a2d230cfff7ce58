"""Spelling: unknown words get the nearest indexed word, found among a bounded set of
candidates; a name with a typo is searched corrected, with the search as typed one click away."""

from __future__ import annotations

import pytest

from indexer.search import SearchRequest, search
from indexer.spelling import (
    CORRECT_MIN_DOCS,
    MAX_WORD_CHARS,
    MAX_WORDS,
    Lexicon,
    check_spelling,
    correctable,
)

WORDS = ["darmanin", "runacher", "pannier", "secheresse", "securite", "macron", "marcheur",
         "borne", "bonne", "ministre", "ministere", "anticonstitutionnellement", "eau"]
DISPLAY = {"darmanin": "Darmanin", "runacher": "Runacher", "securite": "sécurité",
           "borne": "Borne", "secheresse": "sécheresse"}


def frequencies(**docs: int):
    """A `doc_frequency` over WORDS: 100 records each unless told otherwise."""
    table = {w: 100 for w in WORDS} | docs
    return lambda key: table.get(key, 0)


@pytest.fixture(scope="module")
def lexicon():
    return Lexicon(WORDS, DISPLAY)


def test_a_name_with_a_doubled_letter_is_corrected(lexicon):
    found = check_spelling(lexicon, frequencies(), "Darmannin", ["Darmannin"])
    assert found.query == "Darmanin"
    assert found.corrections == [{"word": "Darmannin", "suggestion": "Darmanin"}]
    assert found.note("Darmannin") == ("Résultats pour « Darmanin » ; rechercher plutôt "
                                       "« Darmannin » tel que saisi.")


def test_a_hyphenated_name_keeps_its_other_half(lexicon):
    q = "Pannier-Runnacher transition"
    found = check_spelling(lexicon, frequencies(transition=0), q, ["Pannier", "Runnacher"])
    assert found.query == "Pannier-Runacher transition"


def test_accents_come_back_from_the_names_and_themes(lexicon):
    found = check_spelling(lexicon, frequencies(), "securte sociale", ["securte"])
    assert found.query == "sécurité sociale"


def test_as_typed_only_suggests(lexicon):
    found = check_spelling(lexicon, frequencies(), "Darmannin", ["Darmannin"], correct=False)
    assert found.query is None and found.corrections == []
    assert found.suggestions == [{"word": "Darmannin", "suggestion": "Darmanin"}]


def test_a_rare_near_word_is_suggested_not_searched(lexicon):
    rare = frequencies(secheresse=CORRECT_MIN_DOCS - 1)
    found = check_spelling(lexicon, rare, "secheresee", ["secheresee"])
    assert found.query is None
    assert found.suggestions == [{"word": "secheresee", "suggestion": "sécheresse"}]


def test_a_known_word_is_left_alone(lexicon):
    found = check_spelling(lexicon, frequencies(), "ministre", ["ministre"])
    assert (found.query, found.suggestions, found.compared) == (None, [], 0)


def test_a_capitalised_word_prefers_a_name_to_a_commoner_word(lexicon):
    # « Bornne » is one edit from « bonne » (more records) and from « Borne », a name
    found = check_spelling(lexicon, frequencies(bonne=5000), "Élisabeth Bornne", ["Bornne"])
    assert found.query == "Élisabeth Borne"
    found = check_spelling(lexicon, frequencies(bonne=5000), "une bornne idée", ["bornne"])
    assert found.query == "une bonne idée"


def test_short_and_long_words_are_never_corrected(lexicon):
    assert correctable("eaux")  # four letters: may be suggested
    found = check_spelling(lexicon, frequencies(), "eaux", ["eaux"])
    assert found.query is None  # four letters: suggested at most, never searched instead
    long_word = "anticonstitutionnellementissime" + "x" * (MAX_WORD_CHARS - 30)
    assert not correctable(long_word)
    found = check_spelling(lexicon, frequencies(), long_word, [long_word])
    assert (found.query, found.suggestions, found.compared) == (None, [], 0)


def test_only_the_first_unknown_words_are_spelled(lexicon):
    words = [f"inconnu{chr(97 + i)}" for i in range(3 * MAX_WORDS)]
    found = check_spelling(lexicon, frequencies(), " ".join(words), words)
    # each spelled word is compared with its buckets at most: the whole lexicon at worst
    assert found.compared <= MAX_WORDS * lexicon.words


def test_a_lookup_compares_its_buckets_not_the_lexicon():
    # 15,000 words of eight letters: a typo is compared with the few sharing its ends
    words = [f"{a}{b}{c}mot{e}{f}" for a in "bcdfghjklmnpqrstvwxz" for b in "aeiou"
             for c in "lmnrs" for e in "aeiou" for f in "tsrnlx"]
    lexicon = Lexicon(words)
    found = check_spelling(lexicon, lambda key: 10 if key == "balmotet" else 0, "balmoteq",
                           ["balmoteq"])
    assert found.query == "balmotet"
    assert found.compared <= lexicon.words / 10


# --- on the shared corpus, through the search function -------------------------------------------


@pytest.mark.parametrize(("typed", "searched"), [
    ("Pannier-Runnacher", "Pannier-Runacher"),
    ("Darmannin", "Darmanin"),
])
def test_names_with_a_typo_are_searched_corrected(shared_catalog, typed, searched):
    response = search(shared_catalog, SearchRequest(q=typed))
    assert response.correction is not None, response.suggestions
    assert response.correction["query"] == searched
    assert response.total > 0
    assert response.correction["note"] == (f"Résultats pour « {searched} » ; rechercher "
                                           f"plutôt « {typed} » tel que saisi.")
    as_typed = search(shared_catalog, SearchRequest(q=typed, as_typed=True))
    assert as_typed.correction is None
    assert as_typed.suggestions[0]["suggestion"] in searched


def test_a_long_unknown_word_is_answered_without_suggestion(shared_catalog):
    response = search(shared_catalog, SearchRequest(q="x" * 2000))
    assert response.total == 0 and response.correction is None
    assert response.suggestions == []


# --- the same correction on the command line, the page and the API ----------------------------


def test_command_line_says_what_it_searched_and_searches_as_typed_on_demand(shared_index):
    from click.testing import CliRunner

    from indexer.cli import main

    index = str(shared_index[0])
    result = CliRunner().invoke(main, ["search", "Darmannin", "--index", index])
    assert result.exit_code == 0, result.output
    assert ("Résultats pour « Darmanin » ; rechercher plutôt « Darmannin » tel que saisi "
            "(--tel-quel).") in result.output
    result = CliRunner().invoke(main, ["search", "Darmannin", "--tel-quel", "--index", index])
    assert "0 résultat(s)" in result.output
    assert "Vouliez-vous dire « Darmanin » (pour « Darmannin ») ?" in result.output


@pytest.fixture(scope="module")
def shared_client(shared_index):
    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(shared_index[0])})
    yield app.test_client()
    close_catalog(app)


def test_page_shows_the_corrected_search_and_links_the_search_as_typed(shared_client):
    import html as html_lib
    import re

    page = shared_client.get("/?q=Pannier-Runnacher").get_data(as_text=True)
    found = re.search(r'<p class="correction"[^>]*>(.*?)</p>', page, re.S)
    assert found, "no correction shown"
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", found.group(1)))
    assert " ".join(text.split()) == ("Résultats pour « Pannier-Runacher » ; rechercher "
                                      "plutôt « Pannier-Runnacher » tel que saisi.")
    link = html_lib.unescape(re.search(r'href="([^"]+)"', found.group(1)).group(1))
    assert "tel_quel=1" in link and "q=Pannier-Runnacher" in link
    # the search box now holds the corrected query; the search as typed corrects nothing
    assert 'value="Pannier-Runacher"' in page
    as_typed = shared_client.get(link).get_data(as_text=True)
    assert 'class="correction"' not in as_typed
    assert "Vouliez-vous dire" in as_typed


def test_api_gives_the_correction_and_the_url_of_the_search_as_typed(shared_client):
    data = shared_client.get("/api/search?q=Darmannin").get_json()
    assert data["query"] == "Darmannin" and data["total"] > 0
    correction = data["correction"]
    assert correction["query"] == "Darmanin"
    assert correction["words"] == [{"word": "Darmannin", "suggestion": "Darmanin"}]
    typed = shared_client.get(correction["as_typed_url"]).get_json()
    assert typed["total"] == 0 and typed["correction"] is None
    assert typed["suggestions"] == [{"word": "Darmannin", "suggestion": "Darmanin"}]
    assert "q=Darmanin" in data["next_url"] or data["next_url"] is None


def test_the_lexicon_is_built_only_when_a_word_is_unknown(web_index_template):
    from indexer.search import open_catalog

    catalog = open_catalog(web_index_template[1])
    try:
        search(catalog, SearchRequest(q="rivière sécheresse"))
        assert "spelling" not in catalog._cache  # known words: no lexicon built
        response = search(catalog, SearchRequest(q="rivière secheresee"))
        assert "spelling" in catalog._cache
        assert response.suggestions or response.correction
    finally:
        catalog.close()
