"""A journalist's keywords are not a misremembered quotation (indexer.search, indexer.intent).

Journalist search tasks (session 21): keywords with a date, a kind or « ce que X a dit sur »
were aligned at 62-80 % with a few words of another record — « communiqué dissolution du
comité de soutien juin 2018 » with « de dissolution du Comité de soutien à Antoine » in the
verdict's release of May (a44), « ce que Castex a dit sur l'extension du couvre-feu » with
« annoncé l'extension du couvre-feu » in another minister's interview (a11) — and that
« passage proche » came first. Now a close passage joins the other records when the words
asked a date, a kind or a person and only those words are what it lacks (« communiqué »,
« juin 2018 », « Castex »), and « ce que Castex a dit » prefers Castex among the speakers.
« Macron entretien téléphonique prince héritier saoudien mars 2023 » (d35) no longer reads
« entretien » as the kind of an interview: the communiqué on the call comes first. A quotation
pasted, word for word or with a word misremembered, still leads."""

import csv
import json
from contextlib import contextmanager

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.intent import read_intent
from indexer.search import SearchRequest, open_catalog, search
from tests.conftest import searched

FILLER = ("Nous avons longuement parlé de la situation économique, des entreprises, de "
          "l'emploi et des mesures de soutien décidées par le gouvernement. ")
ROWS = [
    # a11: the Prime minister's statement, and another minister quoting what he announced
    ("Déclaration de M. Jean Castex, Premier ministre, sur l'épidémie de Covid-19, à Paris le "
     "22 octobre 2020.", "2020-10-22",
     "Le couvre-feu sera étendu à trente-huit départements supplémentaires dès vendredi "
     "minuit. Cette extension concerne quarante-six millions de Français. " + FILLER * 3,
     "Jean Castex"),
    ("Interview de M. Paul Roche, ministre du commerce, à Radio Centre le 23 octobre 2020, "
     "sur les exportations.", "2020-10-23",
     FILLER * 2 + "Le Premier ministre a annoncé l'extension du couvre-feu hier soir et les "
     "commerçants s'inquiètent. " + FILLER * 2, "Paul Roche"),
    # a44: the committee's releases
    ("Communiqué du comité de soutien, sur le verdict de la cour d'appel, le 15 mai 2018.",
     "2018-05-15",
     "La cour d'appel a rendu son verdict. L'assemblée générale se prononcera sur la "
     "proposition de dissolution du Comité de soutien à Antoine. " + FILLER, ""),
    ("Communiqué du comité de soutien, sur sa dissolution, le 15 juin 2018.", "2018-06-15",
     "Réunie le 15 juin, l'assemblée générale a décidé la dissolution. Le comité de soutien "
     "remercie ses membres. " + FILLER, ""),
    # d35: the Élysée's communiqué on a call, and interviews of the same month
    ("Communiqué de la Présidence de la République, en date du 26 mars 2023, sur les "
     "relations entre la France et l'Arabie saoudite.", "2023-03-26",
     "Le Président de la République s'est entretenu par téléphone avec le Prince héritier "
     "d'Arabie saoudite, ce dimanche 26 mars 2023. " + FILLER, "Emmanuel Macron"),
] + [
    (f"Entretien de M. Jean Martin{n}, ministre, avec « Le Quotidien » le {20 + n} mars 2023, "
     "sur la réforme des retraites.", f"2023-03-{20 + n:02d}",
     "Q - Emmanuel Macron a parlé mercredi. Cet entretien en mars 2023 porte sur la réforme. "
     + FILLER * 2, f"Jean Martin{n}") for n in range(6)
]


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("keywords-corpus")
    with open(root / "declarations.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["title", "date", "text", "tags", "topics", "speakers"])
        for title, date, text, speaker in ROWS:
            writer.writerow([title, f"{date}T12:00:00Z", text, "", "", speaker])
    return root


@pytest.fixture(scope="module")
def index_dir(corpus_root, tmp_path_factory):
    from indexer.indexing import index_paths

    index = tmp_path_factory.mktemp("keywords-index")
    index_paths([corpus_root], index, workers=1)  # what `verbatim index` runs
    return index


def first_titles(index_dir, q):
    response = searched(index_dir, q)
    return [hit["title"] for hit in response.hits], response


def test_a_press_officers_keywords_with_a_month_find_that_months_release(index_dir):
    titles, response = first_titles(index_dir,
                                    "communiqué dissolution du comité de soutien juin 2018")
    # the May verdict's release holds « de dissolution du Comité de soutien à Antoine »:
    # found close (62 %), it came first; the release of June 2018 now does
    assert titles[0].startswith("Communiqué du comité de soutien, sur sa dissolution")
    passage = [hit for hit in response.hits if hit.get("passage")]
    assert passage and passage[0]["passage"]["verdict"] == "close"  # still shown, second
    assert titles[1].startswith("Communiqué du comité de soutien, sur le verdict")


def test_what_castex_said_comes_before_another_minister_quoting_him(index_dir):
    titles, response = first_titles(index_dir,
                                    "ce que Castex a dit sur l'extension du couvre-feu")
    assert titles[0].startswith("Déclaration de M. Jean Castex")
    assert "Jean Castex" in [s["name"] for s in response.hits[0]["speakers"]]
    assert any("qui parle" in note for note in response.notes)
    assert read_intent("ce que Castex a dit sur l'extension du couvre-feu").speakers == \
        [["castex"]]


def test_a_phone_call_is_not_an_interview(index_dir):
    titles, _ = first_titles(index_dir,
                             "Macron entretien téléphonique prince héritier saoudien mars 2023")
    assert titles[0].startswith("Communiqué de la Présidence de la République")
    assert not read_intent("Macron entretien téléphonique avec Erdogan").kinds
    assert read_intent("entretien de Beaune avec Le Monde").kinds == {"entretien", "interview"}


def test_a_quotation_misremembered_still_leads(index_dir):
    # a44's passage pasted with one word misremembered (« votera ») and the month typed: the
    # passage differs by a word that is not the month's, a quotation: it leads, before the
    # release of June 2018 that the month prefers
    titles, response = first_titles(
        index_dir, "l'assemblée générale votera sur la proposition de dissolution du Comité de "
                   "soutien à Antoine juin 2018")
    assert titles[0].startswith("Communiqué du comité de soutien, sur le verdict")
    assert response.hits[0]["passage"]["verdict"] == "close"
    assert any(note.startswith("Lu dans la requête : la date") for note in response.notes)
    titles, response = first_titles(
        index_dir, "l'assemblée générale se prononcera sur la proposition de dissolution du "
                   "Comité de soutien à Antoine")
    assert titles[0].startswith("Communiqué du comité de soutien, sur le verdict")
    assert response.hits[0]["passage"]["verdict"] == "exact"


def test_through_the_command_line_and_the_api(index_dir):
    result = CliRunner().invoke(main, ["search", "communiqué", "dissolution", "du", "comité",
                                       "de", "soutien", "juin", "2018", "--json", "--index",
                                       str(index_dir)])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["results"][0]["date"].startswith("2018-06-15")

    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
    try:
        client = app.test_client()
        data = client.get("/api/search", query_string={
            "q": "ce que Castex a dit sur l'extension du couvre-feu"}).get_json()
        assert data["results"][0]["title"].startswith("Déclaration de M. Jean Castex")
        data = client.get("/api/search", query_string={
            "q": "Macron entretien téléphonique prince héritier saoudien mars 2023"}).get_json()
        assert data["results"][0]["title"].startswith("Communiqué de la Présidence")
        page = client.get("/", query_string={
            "q": "communiqué dissolution du comité de soutien juin 2018"})
        assert page.status_code == 200
        assert "Lu dans la requête" in page.get_data(as_text=True)
    finally:
        close_catalog(app)


@contextmanager
def whoosh_and_cluster(cluster, corpus_root, index_dir, alias):
    """Yield the Whoosh index and the same corpus indexed on the cluster under `alias`."""
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster
    from tests.cluster.launcher import drop_indices

    drop_indices(cluster.url, alias)
    index_cluster([corpus_root], cluster.url, alias, replicas=1)
    engines = open_catalog(index_dir), open_opensearch(cluster.url, alias=alias)
    try:
        yield engines
    finally:
        for engine in engines:
            engine.close()
        drop_indices(cluster.url, alias)


def test_both_engines_put_the_same_record_first(opensearch_cluster, index_dir, corpus_root):
    with whoosh_and_cluster(opensearch_cluster, corpus_root, index_dir,
                            "keywords-not-quotations") as engines:
        for q in ("communiqué dissolution du comité de soutien juin 2018",
                  "ce que Castex a dit sur l'extension du couvre-feu",
                  "Macron entretien téléphonique prince héritier saoudien mars 2023"):
            a, b = (search(engine, SearchRequest(q=q)) for engine in engines)
            assert a.hits[0]["title"] == b.hits[0]["title"], q
