"""The page /verifier: paste one or many quotations, one per line, and see where each was said.

Each line goes through `indexer.verify.verify_many`, like `verbatim verify` and the API.
"""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, render_template, request
from markupsafe import Markup

from indexer.verify import (
    CSV_COLUMNS,
    MAX_QUOTE_CHARS,
    csv_row,
    differences,
    quotation_lines,
    verify_many,
)
from webapp.catalog import get_catalog
from webapp.exports import csv_cell
from webapp.formatting import NBSP, french_number
from webapp.params import clean

bp = Blueprint("verifier", __name__)

# Quotations read per request: each is a bounded lookup (its rarest word pairs, then at most
# a few dozen alignments), and the request's time budget (`indexer.budget`) stops the batch
# early, saying which are left. The command line has neither cap.
MAX_QUOTES = 200
# What a request may carry at most: MAX_QUOTES quotations of MAX_QUOTE_CHARS characters, with
# room for accents (two bytes each in UTF-8) and a form's or JSON's overhead.
MAX_INPUT_CHARS = MAX_QUOTES * (MAX_QUOTE_CHARS + 2)


def quote_lines(values: list[str]) -> tuple[list[str], list[str]]:
    """Return the quotations in form values (one per non-blank line, a word broken at a
    line's end rejoined: `indexer.verify.quotation_lines`) and the notes to show.

    At most MAX_QUOTES are kept; the notes say what was left out.

    >>> quote_lines(["« Tout le monde »\\r\\n\\n  deux  "])
    (['« Tout le monde »', 'deux'], [])
    """
    lines = []
    for value in values:
        lines += [clean(line, len(line)) for line in quotation_lines(value)]
    quotes = [line for line in lines if line]
    notes = []
    if len(quotes) > MAX_QUOTES:
        notes.append(f"{len(quotes)} citations reçues : seules les {MAX_QUOTES} premières sont "
                     "vérifiées. Envoyez la suite en une autre fois.")
        quotes = quotes[:MAX_QUOTES]
    return quotes, notes


# Quotation marks a pasted quotation may come in (French, English, German, straight)
_OPENING = "«“„‘\"'"
_CLOSING = "»”“’\"'"


def in_guillemets(pasted: str) -> str:
    """Return a pasted quotation between « », unless it already came between quotation marks.

    >>> in_guillemets("C'est moins mauvais que prévu")
    "«\xa0C'est moins mauvais que prévu\xa0»"
    >>> in_guillemets("“Ça fait deux ans”"), in_guillemets("« déjà »")
    ('“Ça fait deux ans”', '« déjà »')
    """
    if len(pasted) > 1 and pasted[0] in _OPENING and pasted[-1] in _CLOSING:
        return pasted
    return f"«{NBSP}{pasted}{NBSP}»"


def unchecked_note(done: int, total: int) -> str:
    """Return the note of a batch cut short by the request's time budget."""
    return (f"Temps de calcul écoulé : {done} citation(s) vérifiée(s) sur {total}. Envoyez les "
            f"{total - done} suivantes à nouveau pour les vérifier.")


def _emphasis(words: str) -> Markup:
    return Markup("<em>{}</em>").format(words)


def difference_sentences(diff: list[dict[str, str]]) -> list[Markup]:
    """Return a passage's differences as French sentences, the words in <em>, escaped."""
    # every dynamic part went through Markup.format, which escapes it
    return [Markup(sentence) for sentence in differences(diff, _emphasis)]


def results_csv(results: list[dict], unchecked: str | None = None) -> Response:
    """Return verdicts as a CSV attachment, the columns of `verbatim verify --csv`; when the
    batch was cut short, a last row says so in its `note` column."""
    out = io.StringIO()
    out.write("\ufeff")  # a BOM, so that spreadsheets read the accents as UTF-8
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for result in results:
        writer.writerow([csv_cell(cell) for cell in csv_row(result)])
    if unchecked:
        writer.writerow([unchecked if column == "note" else "" for column in CSV_COLUMNS])
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="verbatim-verif.csv"'})


@bp.route("/verifier", methods=["GET", "POST"])
def verifier():
    """The form, and the verdict on each quotation pasted in it (GET ?q= or POST q=)."""
    values = request.form.getlist("q") if request.method == "POST" else request.args.getlist("q")
    raw = "\n".join(values)
    notes = []
    if len(raw) > MAX_INPUT_CHARS:
        notes.append(f"Texte trop long ({french_number(len(raw))} caractères) : seuls les "
                     f"{french_number(MAX_INPUT_CHARS)} premiers sont lus.")
        raw = raw[:MAX_INPUT_CHARS]
    quotes, more = quote_lines([raw])
    notes += more
    results = verify_many(get_catalog(), quotes, request.url_root) if quotes else []
    unchecked = unchecked_note(len(results), len(quotes)) if len(results) < len(quotes) \
        else None
    wanted = request.form.get("format") if request.method == "POST" else request.args.get(
        "format")
    if wanted == "csv" and results:
        return results_csv(results, unchecked)
    if values and not quotes:
        notes.append("Aucune citation : collez au moins une phrase, une par ligne.")
    if unchecked:
        # the form holds what is left, ready to be sent again
        notes.append(unchecked + " Elles sont dans le formulaire : cliquez sur « Vérifier ».")
        raw = "\n".join(quotes[len(results):])
    return render_template("verify.html", text=raw, results=results, notes=notes,
                           max_quotes=MAX_QUOTES)
