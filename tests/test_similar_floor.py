"""« Déclarations proches » hold 30 % of a statement's key terms at least: a one-line turn
that shares the speaker's name and nothing else is no neighbour. Olivier Dussopt's
interview on France info (21 September 2020, vie-publique.fr) had for neighbours, on its
page, « La parole est à M. Olivier Dussopt. », the chair's turns of a 2013 sitting of the
Assemblée nationale (../shared/corpus); its other interviews are its neighbours."""

from __future__ import annotations

import re

import pytest

from tests.conftest import shared_path

INTERVIEW = ("Interview de M. Olivier Dussopt, ministre des comptes publics, à France info le "
             "21 septembre 2020")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The web app on the vie-publique statements of autumn 2020 and a sitting of the
    Assemblée (1 February 2013) where the chair gives Olivier Dussopt the floor."""
    from indexer.indexing import index_paths
    from webapp import create_app
    from webapp.catalog import close_catalog

    index_dir = tmp_path_factory.mktemp("dussopt")
    index_paths([shared_path("vie-publique-discours", "gyab_statements_2020-11-22.csv"),
                 shared_path("an-mariage-pour-tous-2013-tei", "20130125.xml")], index_dir,
                workers=1)
    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
    yield app
    close_catalog(app)


def _statements(app) -> dict[str, tuple[str, str]]:
    """The statements of the index: id → (title, text)."""
    from webapp.catalog import get_catalog

    with app.app_context():
        searcher = get_catalog().searcher()
        return {f["id"]: (f.get("title") or "", f.get("text") or "")
                for f in searcher.all_stored_fields() if f.get("type") == "doc"}


def test_an_interview_has_no_chairs_turn_among_its_neighbours(site):
    from indexer.similar import similar_documents
    from webapp.catalog import get_catalog

    statements = _statements(site)
    # the chair's one-line turns: « La parole est à M. Olivier Dussopt. », « La parole est à
    # M. Paul Salen, pour soutenir l'amendement n° 4587. » (« Paul » as in Jean-Paul Chapel)
    turns = [i for i, (_, text) in statements.items()
             if text.startswith("La parole est à") and len(text) < 120]
    assert any(statements[i][1] == "La parole est à M. Olivier Dussopt." for i in turns)
    (interview,) = [i for i, (title, _) in statements.items() if title.startswith(INTERVIEW)]
    with site.app_context():  # its ten nearest (the page shows five)
        found = similar_documents(get_catalog(), interview, top=10)
    assert len(found) == 10 and not {s["id"] for s in found} & set(turns)
    assert any(s["title"].startswith("Interview de M. Olivier Dussopt") for s in found)
    page = site.test_client().get(f"/doc/{interview}").get_data(as_text=True)
    shown = re.findall(r'<ul class="similar">(.*?)</ul>', page, re.S)
    assert shown and "le président" not in shown[0] and "Olivier Dussopt" in shown[0]
