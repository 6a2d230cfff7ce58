"""The signals counted beside the rules (bench/attribution_signals.py): a quotation's words said
unquoted in another statement of the corpus, and the kind of cue the rules left to nobody."""

from __future__ import annotations

import csv
from pathlib import Path

from bench.attribution_signals import SaidElsewhere, cue_class, unquoted

SPEECH = ("La protection des lanceurs d'alerte est une exigence démocratique que la France "
          "doit porter en Europe, et nous la porterons.")


def _corpus(folder: Path) -> Path:
    """Two vie-publique-like rows: a minister's speech, then a deputy quoting it in marks."""
    rows = [
        {"titre": "Déclaration de M. Jean Dupont", "date": "2016-06-29",
         "orateurs": "Jean Dupont", "texte": SPEECH},
        {"titre": "Question de Mme Claire Martin", "date": "2016-07-02",
         "orateurs": "Claire Martin",
         "texte": f"Le ministre nous a dit : « {SPEECH} » Qu'en est-il ?"},
    ]
    with (folder / "discours.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


def test_words_in_marks_are_not_said_in_ones_own_voice():
    assert unquoted("Il a déclaré « je ferai appel » hier.").split() == [
        "Il", "a", "déclaré", "hier."]


def test_a_quotation_is_found_where_its_author_said_it_unquoted(tmp_path):
    said = SaidElsewhere(_corpus(tmp_path))
    assert len(said.where) == 2
    quoted_in = said.where[1]
    # the deputy's own record quotes it in marks: only the minister's says it unquoted
    assert said.speakers(SPEECH, quoted_in[0], quoted_in[1]) == {"Jean Dupont"}


def test_short_or_unsaid_quotations_are_not_looked_up(tmp_path):
    said = SaidElsewhere(_corpus(tmp_path))
    assert said.speakers("nous la porterons", "x", None) is None
    assert said.speakers("Le mariage est une institution qui protège d'abord les enfants "
                         "et leur filiation", "x", None) is None


def test_the_cues_left_to_nobody_are_sorted_by_kind():
    assert [cue_class(c) for c in (None, "débat, sans indice", "texte", "tour de parole",
                                   "elle ajoutait", "disait-il", "selon le rapport")] == [
        "aucun", "aucun (débat)", "texte", "tour de parole", "pronom", "pronom", "autre indice"]
