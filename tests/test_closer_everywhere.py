"""The nearer words of someone else (`verify`'s `closer`) wherever a verdict is read.

Sophie Lemaire-Dufour said « d'aider les exploitations à changer d'assolement, vers des
cultures moins gourmandes en eau l'été. Enfin, de restaurer les zones humides » (interview,
Nantes, 20 June 2023); the federation's release on the Lisson dam (5 September 2023) says
nearer the words a journalist pastes, « plan de conversion vers des cultures moins gourmandes en
eau, la restauration des zones humides ». /verifier and /api/verify showed both; the search box
showed only the release's (the closest passage, first), the CSV of a verification neither's
words beside hers. Now the search page shows her own nearest words above the results, and the
CSV (`verbatim verify --csv`, /verifier's « Télécharger en CSV ») gives the closer passage in
its `closer_` columns.

The note named the federation « de Fédération des Rivières Vivantes »: the index stores an
organisation's name without its article, and its gender is unknown (« de la Fédération », « du
Comité »). It now reads « signé Fédération des Rivières Vivantes », right whatever the gender; a
person is still « d'Émilie Arnaud ».
"""

import csv
import io

from click.testing import CliRunner

from indexer.cli import main
from tests.test_claimed_author_passage import RELEASE, SAID_BY_SOPHIE, SOPHIE


def test_the_search_page_shows_her_own_words_beside_the_closer_release(demo_client):
    page = demo_client.get("/", query_string={"q": SOPHIE})
    assert page.status_code == 200
    html = page.get_data(as_text=True).replace("&#39;", "'")
    block = html[html.index('<section class="named-words"'):]
    block = block[:block.index("</section>")]
    assert "Les mots de Sophie Lemaire-Dufour les plus proches des vôtres, à 60" in block
    assert SAID_BY_SOPHIE in block
    assert f"« {RELEASE} »" in block  # the note names the closer passage


def test_the_search_page_shows_no_such_block_for_words_found_as_said(demo_client):
    said = ("Sophie Lemaire-Dufour : « aider les exploitations à changer d'assolement, vers des "
            "cultures moins gourmandes en eau »")
    html = demo_client.get("/", query_string={"q": said}).get_data(as_text=True)
    assert 'class="named-words"' not in html
    # nor under a filter, nor in the quotations alone: the block reads every record
    for extra in ({"kind": "interview"}, {"quotes": "1"}):
        html = demo_client.get("/", query_string={"q": SOPHIE, **extra}).get_data(as_text=True)
        assert 'class="named-words"' not in html
    html = demo_client.get("/", query_string={"q": SOPHIE}).get_data(as_text=True)
    assert 'class="named-words"' in html


def test_the_verify_csv_gives_the_closer_passage(demo_index_shared):
    shown = CliRunner().invoke(main, ["verify", "--index", str(demo_index_shared), "--csv",
                                      SOPHIE])
    assert shown.exit_code == 0, shown.output
    row = next(csv.DictReader(io.StringIO(shown.output)))
    assert row["passage"] == SAID_BY_SOPHIE
    assert row["closer_passage"] == RELEASE
    assert row["closer_similarity"] == "0.75"
    assert row["closer_speaker"] == "Fédération des Rivières Vivantes"
    assert row["closer_date"] == "2023-09-05"
    assert row["closer_url"].startswith("http://127.0.0.1:8000/doc/")


def test_the_verifier_s_csv_download_gives_it_too(demo_client):
    got = demo_client.post("/verifier", data={"q": SOPHIE, "format": "csv"})
    assert got.status_code == 200
    row = next(csv.DictReader(io.StringIO(got.get_data(as_text=True).lstrip("\ufeff"))))
    assert row["closer_passage"] == RELEASE and row["closer_speaker"]


def test_the_note_names_an_organisation_without_guessing_its_article(demo_client):
    found = demo_client.get("/api/verify", query_string={"q": SOPHIE}).get_json()
    assert "de Fédération des Rivières Vivantes" not in found["note"]
    assert f"(à 75\u00a0%), signé Fédération des Rivières Vivantes, 2023-09-05 : « {RELEASE} »" \
        in found["note"]
