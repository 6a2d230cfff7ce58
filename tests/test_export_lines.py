"""The CSV export's own writer gives what `csv.writer` gives."""

import csv
import io

from webapp.exports import csv_lines


def test_csv_lines_are_csv_writers():
    rows = [
        ["", "texte", "a,b", 'il a dit "non"', "ligne\nsuivante", "retour\rchariot", "fin\r\n"],
        ["'=1+1", " espace ", "«\u00a0guillemets\u00a0»", '"', ",", "\t", "\ud800 seul"],
        ["", ""],
        ["Rivière"] * 14,
    ]
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    assert csv_lines(rows) == out.getvalue()
    assert csv_lines([]) == ""
