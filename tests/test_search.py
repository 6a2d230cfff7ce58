"""The search function: required words relaxed gracefully, phrases, facets, dates, snippets."""

import pytest
from whoosh import index as whoosh_index

from indexer.document import Document, Quote, Speaker, document_id
from indexer.indexing import INDEX_NAME
from indexer.schema import build_schema, document_fields, quote_fields
from indexer.search import SearchRequest, open_catalog, search

DOCS = [
    Document(
        id=document_id("cp1.md"), source="cp1.md", format="md", kind="communiqué",
        title="Protéger les lanceurs d'alerte", date="2023-03-14",
        speakers=[Speaker("Claire Aubertin", "présidente")], themes=["Justice"],
        text="Lyon, le 14 mars 2023. « Une rivière qui meurt, c’est un village qui se tait », "
        "a déclaré Claire Aubertin. Les lanceurs d’alerte doivent être protégés.",
        quotes=[Quote("Une rivière qui meurt, c’est un village qui se tait", 25, 76,
                      "Claire Aubertin", "présidente", "a déclaré")],
    ),
    Document(
        id=document_id("cp2.md"), source="cp2.md", format="md", kind="discours",
        title="La sécheresse et l'eau potable", date="2022-07-12",
        speakers=[Speaker("Malik Benhaddou", "directeur général")], themes=["Sécheresse"],
        text="La sécurité intérieure de l'eau potable est menacée par la sécheresse.",
    ),
    Document(
        id=document_id("cp3.md"), source="cp3.md", format="md", kind="communiqué",
        title="Barrages", date="2022-11-02",
        speakers=[Speaker("Claire Aubertin", "présidente"), Speaker("Malik Benhaddou", None)],
        themes=["Sécheresse", "Biodiversité"],
        text="Le barrage de Montclair sera démantelé. <script>alert(1)</script>",
    ),
]


@pytest.fixture
def catalog(tmp_path):
    ix = whoosh_index.create_in(str(tmp_path), build_schema(), indexname=INDEX_NAME)
    with ix.writer() as w:
        for doc in DOCS:
            w.add_document(**document_fields(doc, doc.id))
            for i in range(len(doc.quotes)):
                w.add_document(**quote_fields(doc, i))
    cat = open_catalog(tmp_path)
    yield cat
    cat.close()


def ids(response):
    return [h["id"] for h in response.hits]


def run(catalog, **kwargs):
    return search(catalog, SearchRequest(**kwargs))


def catalog_of(folder, docs):
    """A catalog of these statements (no quotation records), in the order given."""
    ix = whoosh_index.create_in(str(folder), build_schema(), indexname=INDEX_NAME)
    with ix.writer() as w:
        for doc in docs:
            w.add_document(**document_fields(doc, doc.id))
    return open_catalog(folder)


def statements_catalog(folder, texts):
    """A catalog of one-line statements (title = text), in the order given."""
    return catalog_of(folder, [
        Document(id=f"d{i:02d}", source=f"d{i:02d}.txt", format="txt", title="", text=t)
        for i, t in enumerate(texts)])


BOTH = [f"Les lanceurs d'alerte de la région {i} sont protégés." for i in range(12)]
ONE = ["Une alerte sécheresse est en cours.", "Les lanceurs de satellites."]


def test_words_are_all_required_when_a_page_of_documents_has_them_all(tmp_path):
    catalog = statements_catalog(tmp_path, BOTH + ONE)
    found = run(catalog, q="lanceurs alerte")
    assert (found.total, found.match, found.relaxed) == (12, "all", False)
    catalog.close()


def test_too_few_documents_with_every_word_widen_the_search_to_any_word(tmp_path):
    catalog = statements_catalog(tmp_path, BOTH[:2] + ONE)
    found = run(catalog, q="lanceurs alerte")
    assert (found.total, found.match, found.relaxed) == (4, "any", True)
    assert {h["id"] for h in found.hits[:2]} == {"d00", "d01"}  # every word: first
    assert "Seulement 2 document(s) avec tous les mots" in found.notes[0]
    catalog.close()


def test_a_phrase_is_never_widened(tmp_path):
    catalog = statements_catalog(tmp_path, BOTH[:2] + ONE)
    found = run(catalog, q='"lanceurs d\'alerte"')
    assert (found.total, found.match) == (2, "all")
    catalog.close()


def test_a_long_question_needs_half_of_its_words_best_first(tmp_path):
    texts = [f"Le barrage de Montclair menace la rivière numéro {i}." for i in range(10)]
    texts += ["La rivière est belle.", "Montclair protège sa rivière et son barrage."]
    catalog = statements_catalog(tmp_path, texts)
    found = run(catalog, q="Pourquoi le barrage de Montclair menace-t-il la rivière du village ?")
    # words: barrage, montclair, menac, riviere, village (« pourquoi », « t » are stop words)
    assert (found.total, found.match) == (11, "most")
    assert "au moins 3 des 5 mots" in found.notes[0]
    assert "d10" not in {h["id"] for h in found.hits}
    catalog.close()


def test_the_document_with_every_word_comes_first(catalog):
    # the small fixture: one document has both words, another one of them
    found = run(catalog, q="lanceurs alerte")
    assert ids(found)[0] == DOCS[0].id


def test_accents_and_apostrophes_do_not_matter(catalog):
    assert ids(run(catalog, q="securite interieure")) == ids(run(catalog, q="sécurité intérieure"))
    assert ids(run(catalog, q="lanceur d’alerte")) == ids(run(catalog, q="lanceur d'alerte"))


def test_no_document_with_every_word_relaxes_to_any_word(catalog):
    response = run(catalog, q="barrage sécheresse")
    assert response.relaxed
    assert set(ids(response)) == {DOCS[1].id, DOCS[2].id}
    assert response.notes


def test_exact_phrase_matches_the_quote_as_said(catalog):
    assert ids(run(catalog, q='"un village qui se tait"')) == [DOCS[0].id]
    assert ids(run(catalog, q='"un village qui tait"')) == []


def test_facet_values_or_within_and_across(catalog):
    response = run(catalog, speaker=["Claire Aubertin"], theme=["Sécheresse"])
    assert ids(response) == [DOCS[2].id]
    either = run(catalog, theme=["Justice", "Biodiversité"])
    assert set(ids(either)) == {DOCS[0].id, DOCS[2].id}


def test_facet_counts_ignore_their_own_selection(catalog):
    response = run(catalog, speaker=["Malik Benhaddou"])
    speakers = {v["value"]: (v["count"], v["selected"]) for v in response.facets["speaker"]}
    assert speakers == {"Claire Aubertin": (2, False), "Malik Benhaddou": (2, True)}
    themes = {v["value"]: v["count"] for v in response.facets["theme"]}
    assert themes == {"Sécheresse": 2, "Biodiversité": 1}


def test_speaker_field_in_the_query_matches_part_of_a_name(catalog):
    assert set(ids(run(catalog, q="speaker:aubertin"))) == {DOCS[0].id, DOCS[2].id}


def test_a_surname_finds_the_person_beside_a_quotation_attributed_by_surname_alone(tmp_path):
    """A quotation attributed to « Taubira » alone puts that bare label in the speaker facet
    beside « Christiane Taubira »: `speaker:Taubira` finds both, as `speaker:Le Pen` finds
    every name holding those two words, and no « Lepen »."""
    def statement(name: str, text: str, speakers: list[str]) -> Document:
        return Document(id=document_id(name), source=name, format="txt", kind="débat",
                        title=text, date="2013-01-29", text=text,
                        speakers=[Speaker(s, None) for s in speakers])

    docs = [statement("a.txt", "Le mariage pour tous est une réforme de civilisation.",
                      ["Christiane Taubira"]),
            statement("b.txt", "Je cite la garde des Sceaux.", ["Taubira"]),
            statement("c.txt", "La préférence nationale.", ["Marine Le Pen"]),
            statement("d.txt", "Une autre déclaration.", ["Lepen"])]
    catalog = catalog_of(tmp_path, docs)
    try:
        assert set(ids(run(catalog, q="speaker:Taubira"))) == {docs[0].id, docs[1].id}
        assert set(ids(run(catalog, q="speaker:taubira mariage"))) == {docs[0].id}
        assert ids(run(catalog, q='speaker:"Le Pen"')) == [docs[2].id]
    finally:
        catalog.close()


def test_date_range_and_sort(catalog):
    response = run(catalog, date_from="2022", date_to="2022-12", sort="date")
    assert ids(response) == [DOCS[1].id, DOCS[2].id]
    assert ids(run(catalog, sort="-date"))[0] == DOCS[0].id


def test_bad_date_is_ignored_with_a_note(catalog):
    response = run(catalog, date_from="hier")
    assert response.total == 3 and response.notes


def test_histogram_by_year_then_by_month(catalog):
    assert run(catalog).histogram == [{"period": "2022", "count": 2},
                                      {"period": "2023", "count": 1}]
    months = run(catalog, year=["2022"]).histogram
    assert len(months) == 12 and months[6] == {"period": "2022-07", "count": 1}


def test_snippet_marks_matches_and_escapes_the_rest(catalog):
    snippet = run(catalog, q="barrage").hits[0]["snippet"]
    assert "<mark" in snippet and "barrage</mark>" in snippet
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet


def test_quotes_are_searchable_on_their_own(catalog):
    response = run(catalog, q="rivière", quotes=True)
    assert response.total == 1
    hit = response.hits[0]
    assert hit["document_id"] == DOCS[0].id and hit["position"] == 25
    assert hit["speakers"] == [{"name": "Claire Aubertin", "function": "présidente"}]


def test_suggestion_for_a_misspelt_word(catalog):
    response = run(catalog, q="secheresee")
    assert response.total == 0
    # the accents come back from the theme « Sécheresse »
    assert response.suggestions == [{"word": "secheresee", "suggestion": "sécheresse"}]


@pytest.mark.parametrize("page", [0, -5, 10**12])
def test_absurd_pages_are_clamped(catalog, page):
    run(catalog, q="eau", page=page)


def test_json_contract_has_exactly_the_public_keys(catalog):
    data = run(catalog, q="barrage").to_json()
    assert set(data) == {"query", "total", "results", "facets", "facets_truncated",
                         "passage_absent"}
    assert data["passage_absent"] is False  # keywords: no quotation looked for
    assert data["facets_truncated"] == {"speaker": False, "theme": False, "kind": False,
                                        "year": False, "lang": False}
    assert set(data["results"][0]) == {
        "id", "title", "date", "place", "kind", "speakers", "themes", "source", "record", "score",
        "snippet", "alternates", "passage",
    }
    assert set(data["facets"]) == {"speaker", "theme", "kind", "year", "lang"}
    assert set(data["facets"]["kind"][0]) == {"value", "count"}


def test_undated_documents_sort_last_both_ways(tmp_path):
    undated = Document(id="sans-date", source="x.txt", format="txt", text="Texte sur l'eau.")
    dated = [Document(id=f"d{y}", source=f"{y}.txt", format="txt", text="L'eau encore.",
                      date=f"{y}-01-01") for y in (2020, 2021)]
    ix = whoosh_index.create_in(str(tmp_path), build_schema(), indexname=INDEX_NAME)
    with ix.writer() as w:
        for doc in [undated, *dated]:
            w.add_document(**document_fields(doc, doc.id))
    cat = open_catalog(tmp_path)
    try:
        assert ids(run(cat, q="eau", sort="-date")) == ["d2021", "d2020", "sans-date"]
        assert ids(run(cat, q="eau", sort="date")) == ["d2020", "d2021", "sans-date"]
        assert ids(run(cat))[-1] == "sans-date"
    finally:
        cat.close()


def test_spelling_variants_of_a_theme_are_one_facet_value(tmp_path):
    docs = [
        Document(id="a", source="a.txt", format="txt", text="Relance.",
                 themes=["Relance economique"]),
        Document(id="b", source="b.txt", format="txt", text="Relance.",
                 themes=["Relance économique"]),
    ]
    cat = catalog_of(tmp_path, docs)
    try:
        response = run(cat)
        assert [(v["value"], v["count"]) for v in response.facets["theme"]] == [
            ("Relance économique", 2)]
        assert run(cat, theme=["relance economique"]).total == 2
        assert run(cat, q='theme:"Relance economique"').total == 2
    finally:
        cat.close()


def test_hits_only_search_lists_up_to_a_thousand_without_facets(catalog):
    response = run(catalog, per_page=1000, facets=False)
    assert response.request.per_page == 1000 and response.total == 3
    assert response.facets == {} and response.histogram == []
    assert run(catalog, per_page=1000).request.per_page == 100


def test_filter_only_pages_share_counts_without_sharing_selections(catalog):
    first = run(catalog, speaker=["Claire Aubertin"])
    second = run(catalog, speaker=["Malik Benhaddou"])
    def speakers(response):
        return {v["value"]: (v["count"], v["selected"]) for v in response.facets["speaker"]}
    assert speakers(first) == {"Claire Aubertin": (2, True), "Malik Benhaddou": (2, False)}
    assert speakers(second) == {"Claire Aubertin": (2, False), "Malik Benhaddou": (2, True)}


def test_the_word_cache_stays_within_its_bound(catalog, monkeypatch):
    import indexer.whoosh_engine as engine

    monkeypatch.setattr(engine, "TERM_CACHE_POSTINGS", 12)
    words = ["rivière", "barrage", "sécheresse", "eau", "agriculteurs", "captage", "rivière"]
    for word in words:
        run(catalog, q=word)
    searcher = catalog.searcher()
    cache = catalog._cached(searcher, "words", dict)
    held = catalog._cached(searcher, "words:held", lambda: [0])[0]
    # the running total is the cache's size, kept under the bound by dropping the oldest
    assert held == sum(w.size for w in cache.values())
    assert held <= 12 or len(cache) == 1
    assert 0 < len(cache) < len(set(words)) and "rivier" in cache  # the last asked stays
