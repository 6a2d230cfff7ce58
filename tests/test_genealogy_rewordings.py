"""A quotation's genealogy lists the same person's rewordings of it, not every quotation its
reuse group chains to: the support committee's releases quote Antoine Deltour often, and one
rare phrase shared by two quotations, then another by the next, linked thirteen of them.

Through `verbatim genealogy` on the luxleaks releases of the shared corpus (Markdown).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from indexer.cli import main
from indexer.genealogy import shared_share
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def releases(tmp_path_factory):
    index_dir = tmp_path_factory.mktemp("genealogy-luxleaks") / "index"
    folder = shared_path("luxleaks-communiques", "markdown")
    result = CliRunner().invoke(main, ["index", str(folder), "--index", str(index_dir),
                                       "--quiet"])
    assert result.exit_code == 0, result.output
    return index_dir


def genealogy(index_dir, passage: str) -> list[dict]:
    result = CliRunner().invoke(main, ["genealogy", "--index", str(index_dir), "--json",
                                       passage])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["occurrences"]


def test_a_quotation_with_no_rewording_stands_alone(releases):
    # its group held twelve other quotations of Antoine Deltour, at 0 to 17 % of its words
    # (« Je trouve formidable que ma démarche ait trouvé un relai plus collectif … »)
    found = genealogy(releases, "les institutions européennes jugent prioritaire de protéger "
                                "les secrets d'affaires plutôt que les lanceurs d'alerte")
    assert [o["date"] for o in found] == ["2015-06-29"]


def test_a_quotation_and_its_shorter_repeat_are_its_genealogy(releases):
    found = genealogy(releases, "Je ne pourrais pas comprendre une condamnation")
    assert [o["passage"] for o in found] == [
        "Je ne pourrais pas comprendre une condamnation pour avoir agi en citoyen soucieux de "
        "l’intérêt général européen",
        "Je ne pourrais pas comprendre une condamnation"]
    # not the release of 5 April 2017, whose long quotation holds « condamnation » twice
    assert all(o["date"] == "2017-01-10" for o in found)


def test_words_scattered_over_a_long_quotation_do_not_make_a_rewording():
    short = "Je ne pourrais pas comprendre une condamnation"
    # from Antoine Deltour's long quotation of 5 April 2017: the words are there, far apart
    scattered = ("Mais paradoxalement, il aboutit aussi au maintien d'une condamnation pénale. "
                 "D’une part ; l’argumentaire juridique est très contestable. En effet, je suis "
                 "condamné car je n’aurais pas démontré qu’au moment de la soustraction des "
                 "documents, j’avais l’intention de lancer l’alerte. De plus, cette "
                 "condamnation, outre qu’elle est contraire à la jurisprudence de la CEDH, "
                 "aboutit paradoxalement à réduire la protection des lanceurs d’alerte.")
    assert shared_share(short, scattered) < 0.4
    assert shared_share("Notre pays ne peut plus se contenter des lois de la paix",
                        "il faut qu'on sorte des lois de la paix pour anéantir "
                        "l'islamo-fascisme") >= 0.4  # Christian Estrosi, reworded
