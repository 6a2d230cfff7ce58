"""Language: detected for every document, a non-French text indexed without French stemming,
`lang` a facet of the command line, the API and the pages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from indexer.analysis import LangText, french_analyzer
from indexer.indexing import INDEX_NAME
from indexer.language import detect
from tests.conftest import DEMO

MAIL = DEMO / "courriels"
ENGLISH = ("A river that crosses borders needs data that crosses borders too, said the "
           "president of the federation at the commission's meeting in Strasbourg.")


def verbatim(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(Path(sys.executable).with_name("verbatim")), *args],
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def mail_index(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("lang") / "index"
    done = verbatim("index", str(MAIL), "--index", str(index_dir), "--json")
    assert done.returncode == 0, done.stderr
    return index_dir


def test_a_clear_text_gets_its_language_whatever_the_file_stated():
    assert detect(ENGLISH, stated=None) == "en"
    # a Word file states its author's installation (en-US) for a French release
    french = "La Fédération des Rivières Vivantes publie aujourd'hui ses comptes, certifiés."
    assert detect(french * 2, stated="en") == "fr"


def test_a_short_or_unclear_text_keeps_the_stated_language_or_french():
    assert detect("Très bien !", stated=None) == "fr"
    assert detect("OK", stated="de") == "de"


def test_the_analyzer_does_not_stem_a_foreign_text_in_french():
    english = [t.text for t in french_analyzer()(LangText("The rivers are being restored",
                                                          "en"), mode="index")]
    french = [t.text for t in french_analyzer()(LangText("Les rivières sont restaurées", "fr"),
                                                mode="index")]
    assert english == ["the", "rivers", "are", "being", "restored"]
    assert french == ["rivier", "restaur"]


def test_the_english_message_is_indexed_with_its_own_words(mail_index):
    ix = whoosh_index.open_dir(str(mail_index), indexname=INDEX_NAME)
    try:
        with ix.searcher() as searcher:
            (english,) = [n for n, f in searcher.iter_docs()
                          if f["type"] == "doc" and f.get("lang") == "en"]
            holding = {w: set(searcher.reader().postings("text", w).all_ids())
                       if ("text", w) in searcher.reader() else set()
                       for w in ("crosses", "cross", "borders", "border")}
    finally:
        ix.close()
    assert english in holding["crosses"] and english in holding["borders"]
    assert english not in holding["cross"] and english not in holding["border"]


def test_cli_lang_facet_filters_and_counts(mail_index):
    done = verbatim("search", "--index", str(mail_index), "--json", "--lang", "en",
                    '"common register"')
    data = json.loads(done.stdout)
    assert [h["title"] for h in data["results"]] == [
        "Rhine: the FRV welcomes a common register of discharges"]
    everything = json.loads(verbatim("search", "--index", str(mail_index), "--json",
                                     "FRV").stdout)
    counts = {v["value"]: v["count"] for v in everything["facets"]["lang"]}
    assert counts["fr"] >= 4 and counts.get("en") == 1


def test_lang_facet_on_the_api_and_the_page(mail_index):
    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(mail_index)})
    try:
        client = app.test_client()
        data = client.get("/api/search?q=FRV").get_json()
        labels = {v["value"]: v["label"] for v in data["facets"]["lang"]}
        assert labels["fr"] == "français" and labels["en"] == "anglais"
        page = client.get("/?q=FRV&lang=en").get_data(as_text=True)
        assert "Langue\u00a0: anglais" in page
        assert "Rhine: the FRV welcomes" in page and "castors" not in page
    finally:
        close_catalog(app)


def test_plain_words_find_a_foreign_text_by_its_own_words(mail_index):
    # the French analyzer makes « commiss » of « commission », « discharg » of « discharges »:
    # the English release holds the words as written, and is found by them too
    for query in ("discharges", "commission Rhine", "register"):
        done = verbatim("search", "--index", str(mail_index), "--json", query)
        titles = [h["title"] for h in json.loads(done.stdout)["results"]]
        assert titles[0] == "Rhine: the FRV welcomes a common register of discharges", query
