"""The CSV export's own writer gives what `csv.writer` gives of the cells made safe."""

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from webapp.exports import csv_cell, csv_line

ROWS = [
    ["", "texte", "a,b", 'il a dit "non"', "ligne\nsuivante", "retour\rchariot", "fin\r\n"],
    ["'=1+1", " espace ", "«\u00a0guillemets\u00a0»", '"', ",", "\t", "\ud800 seul"],
    ["", ""],
    ["Rivière"] * 14,
    ["=SOMME(A1)", "-12 %, en baisse", '@"Inconnu"', "+33", "\t=1", "\r\nfin", None, 0.87, 12],
    ["84f183e2af5d96cb", "Discours sur la sécheresse", "2022-08-04", "discours",
     "Claire Aubertin; Malik Benhaddou", "; ministre de l'eau", "Sécheresse; Biodiversité",
     "discours/secheresse.txt", None, "http://localhost/doc/84f183e2af5d96cb?q=eau",
     "… la ressource en eau, « un bien commun », doit être partagée …", None, None, None],
]


def writers(rows: list[list]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([[csv_cell(c) for c in r] for r in rows])
    return out.getvalue()


def test_csv_line_is_csv_writers_of_the_safe_cells():
    assert "".join(csv_line(list(row)) + "\r\n" for row in ROWS) == writers(ROWS)
    assert csv_line([]) == ""


@given(st.lists(st.none() | st.integers() | st.floats(allow_nan=False) |
                st.text(st.sampled_from(' a,"\r\n\t=+-@\'é«»'), max_size=8),
                min_size=2, max_size=14))
def test_any_cells(row):
    # (a row of one empty cell, which csv.writer writes "", is no row of an export)
    assert csv_line(list(row)) + "\r\n" == writers([row])
