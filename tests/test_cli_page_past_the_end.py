"""`verbatim search --page N` past the last page says so, as the web page does.

Helper 197's walk: `verbatim search "lanceur d'alerte" --speaker Deltour --year 2016 --page 2`
printed « 5 résultat(s) » and nothing under it, as if the five were lost; the web page shows
the last page and says « Cette page de résultats n'existe pas : voici la dernière. ». On the
demo corpus, through click's runner.
"""

from __future__ import annotations

from click.testing import CliRunner

from indexer.cli import main


def _search(index, *args: str):
    result = CliRunner().invoke(main, ["search", "--index", str(index), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_page_past_the_results_shows_the_last_one_and_says_so(demo_index_shared):
    first = _search(demo_index_shared, "Lisson", "--limit", "5")
    past = _search(demo_index_shared, "Lisson", "--limit", "5", "--page", "40")
    assert "Cette page de résultats n'existe pas : voici la dernière (page 4)." in past
    assert "\n16. " in past and "\n17. " in past and "\n18. " not in past
    assert first.startswith("17 résultat(s)") and "\n17 résultat(s)" in past


def test_a_page_within_the_results_says_nothing_of_the_kind(demo_index_shared):
    out = _search(demo_index_shared, "Lisson", "--limit", "5", "--page", "4")
    assert "n'existe pas" not in out and "\n16. " in out


def test_no_result_at_all_is_no_page_past_the_end(demo_index_shared):
    out = _search(demo_index_shared, "zorglubisation", "--page", "3")
    assert "n'existe pas" not in out and out.startswith("0 résultat(s)")
