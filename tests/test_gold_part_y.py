"""Part Y of the attribution gold (issue 11, session 23) is the debates' fresh check (PART-Y.md).

Part X, the check of session 22, is development material since session 23: part Y is the check
nobody tunes on, read only when named (`CHECK_PARTS`, `--part Y`, aggregates only).
"""

from bench.extraction import CHECK_PARTS, main


def test_the_bench_refuses_the_misses_of_part_y(capsys):
    """`--part Y --errors` is refused before anything is scored: a check's misses are never
    listed."""
    assert "Y" in CHECK_PARTS and "X" not in CHECK_PARTS
    code = main(["--only", "attribution", "--half", "dev", "--part", "Y", "--errors"])
    assert code == 2
    assert "agrégats seulement" in capsys.readouterr().err
