"""The names a press office lists in its aliases file are read as it wrote them, wherever a
name is typed: a speaker filter (pages, API, CSV, Atom), `speaker:` in a query,
`verbatim search --speaker`, and the speaker page's address.

`corpus/aliases.yaml` lists « FRV » and « la FRV » for the Fédération des Rivières Vivantes,
« S. Lemaire-Dufour » and « Sophie Lemaire Dufour » for its spokesperson. The index merged
them when it was built, but a press officer typing `speaker=FRV` or `/speaker/FRV` got 0
results or « Personne de ce nom n'est cité dans l'index » (helper 172's walk, family F-A);
the chips, a feed's title and the talking points said « FRV » or found nothing (helper 174).
On the demo corpus, through Flask's test client and the command line.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.indexing import index_paths
from tests.conftest import web_client

FRV = "Fédération des Rivières Vivantes"



def _total(demo_client, query: str) -> tuple[int, list[str]]:
    data = demo_client.get("/api/search?" + query).get_json()
    return data["total"], [v["value"] for v in data["facets"]["speaker"] if v["selected"]]


def test_the_federations_acronym_selects_its_statements(demo_client):
    assert _total(demo_client, "speaker=" + FRV) == (26, [FRV])
    assert _total(demo_client, "speaker=FRV") == (26, [FRV])
    assert _total(demo_client, "speaker=la+FRV") == (26, [FRV])
    assert "26 résultats" in demo_client.get("/?speaker=FRV").get_data(as_text=True)


def test_a_spokesperson_spelled_as_the_aliases_file_lists_her(demo_client):
    for typed in ("S.+Lemaire-Dufour", "Sophie+Lemaire+Dufour", "la+porte-parole+de+la+FRV"):
        assert _total(demo_client, "speaker=" + typed) == (6, ["Sophie Lemaire-Dufour"]), typed
    assert demo_client.get('/api/search?q=speaker:"S.+Lemaire-Dufour"').get_json()["total"] == 6
    assert demo_client.get("/api/search?q=orateur:FRV+barrage").get_json()["total"] == 3


def test_a_feed_and_an_export_follow_the_alias_as_the_canonical_name(demo_client):
    feed = demo_client.get("/feed.atom?speaker=S.+Lemaire-Dufour&quotes=1").get_data(as_text=True)
    assert feed.count("<entry>") == 7
    assert feed.count("<title>Sophie Lemaire-Dufour") == 7
    rows = demo_client.get("/export.csv?speaker=FRV&kind=communiqu%C3%A9").get_data(as_text=True)
    assert len(list(csv.DictReader(io.StringIO(rows.lstrip("\ufeff"))))) == 24


def test_the_speaker_page_of_an_alias_is_the_canonical_ones(demo_client):
    for typed, canonical in (("FRV", FRV), ("S.%20Lemaire-Dufour", "Sophie Lemaire-Dufour"),
                             ("Claire_Aubertin", "Claire Aubertin")):
        response = demo_client.get(f"/speaker/{typed}")
        assert response.status_code == 302, typed
        assert unquote(response.headers["Location"]).endswith(f"/speaker/{canonical}")
    assert demo_client.get("/speaker/Personne%20Inconnue").status_code == 404


def test_the_command_line_reads_the_alias(demo_index_shared):
    result = CliRunner().invoke(main, ["search", "", "--speaker", "FRV", "--kind", "communiqué",
                                       "--json", "--index", str(demo_index_shared)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["total"] == 24


@pytest.fixture(scope="module")
def apart_client(tmp_path_factory):
    """An index built without the aliases, holding « Sophie Lemaire Dufour » (2024-11-28) and
    « Sophie Lemaire-Dufour » (2022-08-10) apart, served with corpus/aliases.yaml."""
    folder = tmp_path_factory.mktemp("alias-apart")
    docs = folder / "docs"
    docs.mkdir()
    for day, name, words in (("2022-08-10", "Sophie Lemaire-Dufour", "sauver les poissons"),
                             ("2024-11-28", "Sophie Lemaire Dufour", "rendre de la place")):
        (docs / f"{day}.md").write_text(
            f"---\ntitle: Déclaration de {name}\nauthor: {name}\ndate: {day}\n"
            f"category: déclaration\n---\n\n{name}, porte-parole de la FRV.\n\n"
            f"La fédération demande de {words} à la rivière.\n", encoding="utf-8")
    (folder / "none.yaml").write_text("{}\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VERBATIM_ALIASES", str(folder / "none.yaml"))
        index_paths([docs], folder / "index")
    yield from web_client(folder / "index")


def test_a_name_the_index_holds_as_written_stays_itself(apart_client):
    """The index's own names come first: each spelling selects its own statement, not the one
    the aliases file would merge it into."""
    for name, day in (("Sophie+Lemaire+Dufour", "2024-11-28"),
                      ("Sophie+Lemaire-Dufour", "2022-08-10")):
        data = apart_client.get("/api/search?speaker=" + name).get_json()
        assert [hit["date"] for hit in data["results"]] == [day], name


def _chips(html: str) -> list[tuple[str, str]]:
    """Return each filter chip of a page as (what it says, the address removing it)."""
    return [(unescape(said), unescape(href)) for href, said in
            re.findall(r'<a class="chip" href="([^"]*)"[^>]*>([^<]*?) <span', html)]


def test_a_chip_and_a_feed_title_say_the_name_the_facet_shows(demo_client):
    """`speaker=FRV` selects the Fédération des Rivières Vivantes: the chip and the Atom
    feed's title said « Orateur : FRV », the facet « Fédération des Rivières Vivantes ». The
    addresses keep what was typed."""
    page = demo_client.get("/?speaker=FRV&kind=communiqu%C3%A9s").get_data(as_text=True)
    assert _chips(page) == [
        (f"Orateur\u00a0: {FRV}", "/?kind=communiqu%C3%A9s"),
        ("Type\u00a0: Communiqué", "/?speaker=FRV")]
    assert 'href="/feed.atom?speaker=FRV&amp;kind=communiqu%C3%A9s"' in page
    feed = demo_client.get("/feed.atom?speaker=S.+Lemaire-Dufour&speaker=FRV") \
        .get_data(as_text=True)
    assert ("<title>Verbatim — déclarations · Orateur\u00a0: Sophie Lemaire-Dufour · "
            f"Orateur\u00a0: {FRV}</title>") in feed
    # the name and its alias typed together are one filter, removed at once
    both = demo_client.get(f"/?speaker=FRV&speaker={FRV}").get_data(as_text=True)
    assert _chips(both) == [(f"Orateur\u00a0: {FRV}", "/")]


def test_the_talking_points_read_the_alias_and_say_the_canonical_name(demo_client):
    alias = demo_client.get("/elements-de-langage?speaker=FRV").get_data(as_text=True)
    named = demo_client.get(f"/elements-de-langage?speaker={FRV}").get_data(as_text=True)
    counted = re.compile(r"(\d+) passages? repris")
    assert counted.search(alias).group(1) == counted.search(named).group(1) != "0"
    assert _chips(alias) == [(f"Orateur\u00a0: {FRV}", "/elements-de-langage")]
