"""What a journalist's words ask beyond their words (indexer.intent), through `verbatim search`
on the demo corpus: a month typed puts the statements of that month first, a kind typed the
statements of that kind, « qui a dit … » searches the quotation, and a quotation pasted keeps
its source first whatever the dates around it."""

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.intent import read_intent
from indexer.search import SearchRequest, open_catalog, search
from tests.conftest import DEMO


@pytest.fixture(scope="module")
def demo_index(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("intent-demo")
    result = CliRunner().invoke(main, ["index", str(DEMO), "--index", str(index_dir), "--quiet"])
    assert result.exit_code == 0, result.output
    return index_dir


def cli_search(index_dir, *words):
    result = CliRunner().invoke(main, ["search", *words, "--json", "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    # the notes go to stderr, the JSON to stdout
    return json.loads(result.stdout), result.stderr


def sources(found):
    return [hit["source"] for hit in found["results"]]


def test_a_month_and_a_kind_typed_put_that_months_release_first(demo_index):
    # without reading the date, a debate turn of October 2023 came first
    found, notes = cli_search(demo_index, "Barrage du Lisson communiqué septembre 2023")
    assert sources(found)[0] == "html/2023-09-05-barrage-du-lisson.html"
    assert found["results"][0]["date"] == "2023-09-05"
    assert "Lu dans la requête : la date, le type" in notes
    assert found["query"] == "Barrage du Lisson communiqué septembre 2023"  # as typed


def test_the_press_officers_release_of_a_month_comes_first(demo_index):
    found, _ = cli_search(demo_index, "notre communiqué sur la station d'épuration de novembre")
    assert sources(found)[0] == "exports/communiques.jsonl"
    assert found["results"][0]["title"].startswith("Station d’épuration de Montclair")


def test_who_said_searches_the_quotation_and_shows_who(demo_index):
    found, notes = cli_search(demo_index,
                              "qui a dit nous irons jusqu'au Conseil d'État pour le barrage")
    top = found["results"][0]
    assert top["source"] == "courriels/2024-03-communiques.mbox"
    assert "Passage proche" in notes  # « qui a dit » is not looked for among the words
    assert "Malik Benhaddou" in [s["name"] for s in top["speakers"]]


@pytest.mark.parametrize("q", [
    # straight quotes are phrase syntax elsewhere; after « qui a dit » they hold the words
    'qui a dit "nous irons jusqu\'au Conseil d\'État pour le barrage"',
    "qui a dit « nous irons jusqu'au Conseil d'État pour le barrage » ?",
    # pasted as an article prints it: the name, a colon, the words between marks
    "Malik Benhaddou : « nous irons jusqu'au Conseil d'État pour le barrage »",
    "Malik Benhaddou, directeur général de la FRV : “nous irons jusqu'au Conseil d'État "
    "pour le barrage”",
    # a verb of speech between them, or the author after the words, as articles print it
    "Malik Benhaddou a déclaré : « nous irons jusqu'au Conseil d'État pour le barrage »",
    "Selon Malik Benhaddou, « nous irons jusqu'au Conseil d'État pour le barrage »",
    "« nous irons jusqu'au Conseil d'État pour le barrage » (Malik Benhaddou, mars 2024)",
    "“Nous irons jusqu'au Conseil d'État pour le barrage”, a affirmé Malik Benhaddou",
    # typed without marks: a verb of speech, or a colon and words that speak (« nous »)
    "Benhaddou a dit nous irons jusqu'au Conseil d'État pour le barrage",
    "M. Benhaddou : nous irons jusqu'au Conseil d'État pour le barrage",
    # a phrase quoted inside the words does not make them keywords (session 41: the name
    # was aligned as part of the quotation)
    "Malik Benhaddou : nous irons jusqu'au « Conseil d'État » pour le barrage",
    # in the article's sentence: when and where between the verb and the words, or an
    # author the words after them do not name
    "Malik Benhaddou a prévenu mardi devant la presse que « nous irons jusqu'au Conseil "
    "d'État pour le barrage »",
    "« nous irons jusqu'au Conseil d'État pour le barrage », a prévenu mardi le directeur "
    "général de la fédération",
    # an article's paragraph around it, the name and the verb far from the words (session
    # 41: the whole paragraph was looked up, « Aucun document ne contient ce passage »)
    "Malik Benhaddou a expliqué aux journalistes, lors de la conférence de presse de la "
    "fédération à Montclair, que la position n'avait pas changé : « nous irons jusqu'au "
    "Conseil d'État pour le barrage », avant de rappeler les chiffres de la sécheresse.",
])
def test_a_quotation_pasted_with_its_question_or_its_author_is_searched_alone(demo_index, q):
    """The words around the marks are not the quotation's: the passage found differs from
    what was typed only where the quotation does (« irons », not « qui a dit »)."""
    found, notes = cli_search(demo_index, q)
    top = found["results"][0]
    assert top["source"] == "courriels/2024-03-communiques.mbox"
    assert "Passage proche" in notes
    typed = " ".join(op["typed"] for op in top["passage"]["diff"] if op["op"] != "equal")
    assert not {"qui", "dit", "Malik", "Benhaddou"} & set(typed.split())


def test_a_pasted_quotation_holding_years_keeps_its_source_first(demo_index):
    # a year alone is not a date asked for: 2022's releases do not pass the quotation's source
    found, notes = cli_search(demo_index,
                              "entre 2019 et 2022 n'ont pas été signalés aux autorités sanitaires")
    assert sources(found)[0] in ("html/2023-03-14-plainte-cevv.html",
                                 "markdown/2023-03-14-plainte-cevv.md",
                                 "pdf/2023-03-14-plainte-cevv.pdf")
    assert "Lu dans la requête" not in notes


def test_a_quotation_found_word_for_word_stays_first_whatever_the_month_typed(demo_index):
    quote = "Nous n'avons pas peur des procès, nous avons peur du silence. juin 2024"
    found, _ = cli_search(demo_index, quote)
    assert found["results"][0]["source"] == "exports/discours.csv"
    assert found["results"][0]["date"] == "2023-05-03"


def test_pages_follow_the_preferred_order(demo_index):
    catalog = open_catalog(demo_index)
    try:
        q = "Barrage du Lisson communiqué septembre 2023"
        first4 = search(catalog, SearchRequest(q=q, per_page=4)).hits
        page2 = search(catalog, SearchRequest(q=q, per_page=2, page=2)).hits
        assert [h["id"] for h in page2] == [h["id"] for h in first4[2:4]]
        # a date order is the user's: nothing is moved
        by_date = search(catalog, SearchRequest(q=q, sort="-date")).hits
        assert [h["date"] for h in by_date] == sorted((h["date"] for h in by_date), reverse=True)
    finally:
        catalog.close()


@pytest.mark.parametrize("q, dates, kinds, searched", [
    ("procès en appel LuxLeaks dernière audience janvier 2017", [(2017, 1, None)], set(),
     "procès en appel LuxLeaks dernière audience janvier 2017"),
    ("Poisson article 23 outre-mer le 8 février", [(None, 2, 8)], set(),
     "Poisson article 23 outre-mer le 8 février"),
    ("discours Macron Mulhouse mars 2020", [(2020, 3, None)], {"discours", "déclaration"},
     "discours Macron Mulhouse mars 2020"),
    ("notre communiqué sur la fuite de données de mars", [(None, 3, None)], {"communiqué"},
     "notre communiqué sur la fuite de données de mars"),
    ("budget 1998 double imposition", [], set(), "budget 1998 double imposition"),
    ("ce que Castex a dit sur le couvre-feu", [], set(), "Castex le couvre-feu"),
    ("Qui a dit : nous sommes en guerre sanitaire", [], set(), "nous sommes en guerre sanitaire"),
    ('speaker:Castex "couvre-feu" mars 2020', [], set(), 'speaker:Castex "couvre-feu" mars 2020'),
    ("Pierre Moscovici : « une opportunité et une responsabilité politique »", [], set(),
     "une opportunité et une responsabilité politique"),
    ("Macron : discours de la Sorbonne", [], {"discours", "déclaration"},
     "Macron : discours de la Sorbonne"),  # no quotation marks: keywords
    # no marks, and words that do not speak: a topic and its keywords, all searched
    ("LuxLeaks : Antoine Deltour condamné en appel", [], set(),
     "LuxLeaks : Antoine Deltour condamné en appel"),
    # an address opens the words said, it names no author
    ("Monsieur le Président : je vous remercie de votre réponse", [], set(),
     "Monsieur le Président : je vous remercie de votre réponse"),
    # « a dit sur » is a topic (« ce que … a dit sur »), not a quotation
    ("Castex a dit sur le couvre-feu des choses fortes", [], set(),
     "Castex a dit sur le couvre-feu des choses fortes"),
    ("Gérald Darmanin, ministre de l'intérieur, a déclaré : « nous sommes en guerre »", [],
     set(), "nous sommes en guerre"),
])
def test_read_intent(q, dates, kinds, searched):
    intent = read_intent(q)
    assert (intent.dates, intent.kinds, intent.q) == (dates, kinds, searched)


@pytest.mark.parametrize("q, who", [
    ("Darmanin : « nous sommes en guerre contre les ennemis de l'intérieur »", ["darmanin"]),
    ("M. Mac Harb : « il n'en coûte rien »", ["mac", "harb"]),  # civility left out
    ("« Nous sommes en guerre » (Emmanuel Macron, 16 mars 2020)", ["emmanuel", "macron"]),
    ("“Nous sommes en guerre”, a déclaré Emmanuel Macron", ["emmanuel", "macron"]),
    ("Darmanin : nous sommes en guerre contre les ennemis de l'intérieur", ["darmanin"]),
    ("Mme Borne a déclaré que nous ne reculerons pas sur les retraites", ["borne"]),
    # where it was said is not the name; an organisation is named whole
    ("Darmanin sur Europe 1 : « nous sommes en guerre contre les ennemis »", ["darmanin"]),
    ("Comité de soutien à Antoine Deltour a dit « nous devrons défendre leurs droits »",
     ["comite", "de", "soutien", "a", "antoine", "deltour"]),
    # marks inside the words, not around them: a newspaper's title and its headline quoted
    ("Comité de soutien à Antoine Deltour : L’Essentiel «C’est PwC qui écrivait la loi "
     "fiscale du pays»", ["comite", "de", "soutien", "a", "antoine", "deltour"]),
])
def test_the_author_pasted_with_a_quotation_is_preferred_not_searched(q, who):
    intent = read_intent(q)
    assert intent.said and intent.speakers == [who]
    assert not set(who) & set(intent.q.lower().split())


def test_a_claim_is_read_on_one_line_of_words_and_never_on_a_pasted_page():
    """Spaces, tabs and line breaks between the name and the words are one space (runs of
    spaces made the name's pattern try each way of splitting them); past MAX_CLAIM_CHARS
    the text is no quotation pasted with its author."""
    from indexer.intent import MAX_CLAIM_CHARS, split_claim

    assert split_claim("Claire Aubertin\t:\n\n«  Un plan sans calendrier  »") == (
        "Claire Aubertin", "Un plan sans calendrier")
    assert split_claim("Jean" + " " * 6000 + ": « x »") == ("Jean", "x")
    assert split_claim("Jean : « " + "mot " * MAX_CLAIM_CHARS + "»") is None
