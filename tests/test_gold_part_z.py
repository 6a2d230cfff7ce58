"""Part Z of the attribution gold (issue 11, session 24) is the debates' fresh check (PART-Z.md).

Part Y, the check of session 23, is development material since session 24: part Z is the check
nobody tunes on, read only when named (`CHECK_PARTS`, `--part Z`, aggregates only).
"""

from bench.extraction import CHECK_PARTS, main


def test_the_bench_refuses_the_misses_of_part_z(capsys):
    """`--part Z --errors` is refused before anything is scored: a check's misses are never
    listed."""
    assert "Z" in CHECK_PARTS and "Y" not in CHECK_PARTS
    code = main(["--only", "attribution", "--half", "dev", "--part", "Z", "--errors"])
    assert code == 2
    assert "agrégats seulement" in capsys.readouterr().err
