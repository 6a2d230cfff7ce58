"""A passage repeated in interviews is said by whoever holds the floor there: the host's
greeting, read out in every interview of a programme, is the host's words, not the guests'
(h160's walk, F9 and F24: « Merci … d'avoir été notre invité ce matin » counted as « 7
orateurs », the ministers interviewed). vie-publique's transcripts name each turn in
capitals (« SONIA MABROUK », « JULIEN DENORMANDIE ») or mark it « Q - » and « R - ».
Through the real interfaces: `verbatim index` on a folder of three interviews, the talking
points' page and API, and `verbatim genealogy`."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.genealogy import TalkingRequest, talking_points
from indexer.reuse import ARRAYS
from indexer.search import open_catalog

# the host's words, read out in two of her interviews and by the unnamed journalist of a
# third one (the same programme, in partnership with the regional press)
PARTNERSHIP = ("Nous poursuivons cette interview en partenariat avec la presse quotidienne "
               "régionale, avec les questions que vos lecteurs et nos auditeurs nous ont "
               "envoyées cette semaine")
# a guest's line, said in two of his interviews
DROUGHT = ("Nous ne laisserons aucun agriculteur sans solution face à la sécheresse, "
           "quelles que soient les pertes de cet été dans les vergers du sud")


def interview(host: str, guest: str, *turns: str) -> str:
    """A transcript: the host's and the guest's turns in turn, each name on its line."""
    labels = [host.upper(), guest.upper()]
    return "\n\n".join(f"{labels[n % 2]}\n\n{said}" for n, said in enumerate(turns))


ROWS = [
    {"title": "Interview de M. Julien Denormandie, ministre de l'agriculture, à CNews le 12 "
              "janvier 2021, sur la sécheresse.", "date": "2021-01-12",
     "speakers": "Julien Denormandie",
     "text": interview(
         "Sonia Mabrouk", "Julien Denormandie",
         "Bonjour Julien Denormandie, les arboriculteurs du Vaucluse attendent des aides ?",
         "Bonjour. Les aides seront versées avant la fin du mois, j'ai signé l'arrêté hier "
         "soir avec le ministre des comptes publics.",
         f"{PARTNERSHIP}. Première question, d'un lecteur de Cavaillon : quand ?",
         "Dès février, par virement, sans dossier supplémentaire pour ceux qui ont déjà "
         "déclaré leurs pertes à la direction départementale des territoires.",
         "Et les éleveurs de l'Aveyron, qui achètent du fourrage depuis juillet ?",
         f"{DROUGHT}. Les dossiers seront simplifiés pour les petites exploitations.",
         "Merci, à demain ?",
         "Merci à vous, bonne journée à vos auditeurs.")},
    {"title": "Interview de M. Julien Denormandie, ministre de l'agriculture, à CNews le 9 "
              "mars 2021, sur les vergers.", "date": "2021-03-09",
     "speakers": "Julien Denormandie",
     "text": interview(
         "Sonia Mabrouk", "Julien Denormandie",
         "Julien Denormandie, le gel a détruit les abricots de la Drôme cette nuit ?",
         "Oui, et je me rendrai sur place demain matin avec les élus de la chambre "
         "d'agriculture.",
         f"{PARTNERSHIP}. Une lectrice de Valence vous demande si les assurances suivront ?",
         "Elles suivront : les assureurs se sont engagés devant moi jeudi, et la "
         "réassurance publique couvrira les pertes au-delà de trente pour cent.",
         "Les producteurs de cerises craignent pour la récolte de juin, ils ont tort ?",
         f"{DROUGHT}. Le fonds des calamités agricoles sera ouvert.",
         "Merci d'avoir été notre invité ?",
         "Merci, au revoir.")},
    {"title": "Interview de Mme Barbara Pompili, ministre de la transition écologique, à "
              "CNews le 4 mai 2021, sur l'eau.", "date": "2021-05-04",
     "speakers": "Barbara Pompili",
     "text": "Q - Barbara Pompili, bonjour, les nappes phréatiques sont-elles au plus bas ?"
             "\n\nR - Bonjour. Elles sont basses dans le sud, et les préfets prendront des "
             "arrêtés de restriction dès la semaine prochaine.\n\n"
             f"Q - {PARTNERSHIP}. Un lecteur de Nîmes : faut-il interdire les piscines ?"
             "\n\nR - Non, mais l'arrosage des pelouses sera limité dans quarante "
             "départements.\n\nQ - Merci ?\n\nR - Merci à vous."},
]


def write_interviews(folder: Path, name: str = "interviews.csv",
                     rows: list[dict] = ROWS) -> Path:
    """Write the interviews as one CSV file (the tabular reader takes them) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / name).open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, ["title", "date", "text", "speakers", "kind"])
        writer.writeheader()
        for row in rows:
            writer.writerow({"kind": "interview", **row})
    return folder


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("interviews")
    write_interviews(base / "corpus")
    result = CliRunner().invoke(main, ["index", str(base / "corpus"), "--index",
                                       str(base / "index"), "--quiet"])
    assert result.exit_code == 0, result.output
    return base / "index"


@pytest.fixture(scope="module")
def client(index_dir):
    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
    yield app.test_client()
    close_catalog(app)


def point(data: dict, words: str) -> dict | None:
    """The talking point whose passage holds these words, or None."""
    return next((item for item in data["items"] if words in item["passage"]), None)


def test_the_hosts_words_count_as_hers_not_the_guests(client):
    data = client.get("/api/talking-points").get_json()
    hosts = point(data, "en partenariat avec la presse quotidienne régionale")
    # three interviews; said by Sonia Mabrouk twice and by an unnamed journalist once: one
    # person named, where the two ministers interviewed were counted
    assert (hosts["documents"], hosts["speakers"]) == (3, 1)
    guests = point(data, "aucun agriculteur sans solution")
    assert (guests["documents"], guests["speakers"]) == (2, 1)
    page = client.get("/elements-de-langage", query_string={"kind": "interview"})
    assert "3 documents</strong>, 1 orateur" in page.get_data(as_text=True)


def test_a_guests_talking_points_leave_the_hosts_greetings_out(client):
    data = client.get("/api/talking-points", query_string={"speaker": "Denormandie"}).get_json()
    assert point(data, "aucun agriculteur sans solution") is not None
    assert point(data, "presse quotidienne régionale") is None
    # the host's own list holds them, in the two interviews she names herself in
    data = client.get("/api/talking-points", query_string={"speaker": "Mabrouk"}).get_json()
    hosts = point(data, "presse quotidienne régionale")
    assert (hosts["documents"], hosts["speakers"]) == (2, 1)
    assert point(data, "aucun agriculteur sans solution") is None


def test_the_genealogy_gives_each_occurrence_to_the_journalist(index_dir):
    result = CliRunner().invoke(main, ["genealogy", "--index", str(index_dir), "--json",
                                       PARTNERSHIP])
    assert result.exit_code == 0, result.output
    occurrences = json.loads(result.stdout)["occurrences"]
    said = [(o["date"], o["quote_speaker"]["name"]) for o in occurrences]
    assert said == [("2021-01-12", "Sonia Mabrouk"), ("2021-03-09", "Sonia Mabrouk"),
                    ("2021-05-04", "l'intervieweur")]
    assert [s["name"] for s in occurrences[2]["speakers"]] == ["Barbara Pompili"]
    text = CliRunner().invoke(main, ["genealogy", "--index", str(index_dir), PARTNERSHIP])
    assert "Qui l'a dit en premier : Sonia Mabrouk — 2021-01-12" in text.output


def test_the_genealogy_page_says_whose_turn_it_is(client):
    page = client.get("/genealogie", query_string={"q": PARTNERSHIP}).get_data(as_text=True)
    assert "(tour de parole dans un texte de Julien Denormandie)" in page
    assert "l'intervieweur <span class=\"hint\">(tour de parole dans un texte de Barbara " \
           "Pompili)</span>" in page.replace("&#39;", "'")


def test_the_guests_answer_stays_the_guests(index_dir):
    result = CliRunner().invoke(main, ["genealogy", "--index", str(index_dir), "--json",
                                       DROUGHT])
    occurrences = json.loads(result.stdout)["occurrences"]
    assert len(occurrences) == 2
    assert all(o["quote_speaker"] is None for o in occurrences)
    assert all([s["name"] for s in o["speakers"]] == ["Julien Denormandie"]
               for o in occurrences)


LATER = {"title": "Interview de M. Marc Fesneau, ministre de l'agriculture, à CNews le 6 "
                  "septembre 2022, sur l'irrigation.", "date": "2022-09-06",
         "speakers": "Marc Fesneau",
         "text": interview(
             "Sonia Mabrouk", "Marc Fesneau",
             "Marc Fesneau, bonjour, les bassines des Deux-Sèvres seront-elles construites ?",
             "Bonjour. Elles le seront, avec les règles de partage de l'eau signées par les "
             "agriculteurs et les associations l'an dernier.",
             f"{PARTNERSHIP}. Un lecteur de Niort vous écrit : et les manifestants ?",
             "Ils ont le droit de manifester, pas celui de saccager les chantiers.",
             "Merci ?", "Merci à vous.")}


def add_later(index_dir: Path, tmp_path: Path) -> Path:
    """Copy the index, add a fourth interview of the host in a new file, index again."""
    copy = Path(shutil.copytree(index_dir, tmp_path / "index"))
    corpus = tmp_path / "corpus"
    shutil.copytree(index_dir.parent / "corpus", corpus)
    write_interviews(corpus, "later.csv", [LATER])
    result = CliRunner().invoke(main, ["index", str(corpus), "--index", str(copy), "--quiet"])
    assert result.exit_code == 0, result.output
    return copy


def partnership(index_dir: Path) -> dict:
    """The talking point of the host's words, on the index as it is now."""
    catalog = open_catalog(index_dir)
    try:
        data = talking_points(catalog, TalkingRequest())
    finally:
        catalog.close()
    return point(data, "presse quotidienne régionale")


def test_a_new_interview_joins_and_the_kept_ones_keep_their_journalist(index_dir, tmp_path):
    hosts = partnership(add_later(index_dir, tmp_path))
    assert (hosts["documents"], hosts["speakers"]) == (4, 1)


def test_groups_kept_before_the_turns_were_find_them_at_the_next_run(index_dir, tmp_path):
    """A state written before session 37 keeps no turns: the next run finds those of the
    documents in groups (read from the index) instead of giving their words to the guests."""
    old = tmp_path / "old"
    old.mkdir()
    shutil.copytree(index_dir, old / "index")
    shutil.copytree(index_dir.parent / "corpus", old / "corpus")
    arrays = old / "index" / ARRAYS
    with np.load(arrays) as data:
        kept = {k: data[k] for k in data.files if k != "t_rows"}
    with arrays.open("wb") as out:
        np.savez(out, **kept)
    hosts = partnership(add_later(old / "index", tmp_path))
    assert (hosts["documents"], hosts["speakers"]) == (4, 1)
