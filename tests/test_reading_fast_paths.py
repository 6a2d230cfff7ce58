"""The quick paths of reading and extraction give what the slow ones gave.

Each shortcut taken for speed (a cell checked once instead of each paragraph normalised,
orjson for JSON Lines, a file's long integers looked for in its bytes, a flattened text cut
only where a mark stands before a capital, a text without a digit holding no date, a title
parsed once) must leave every output as it was: these tests put each one beside the long way
round, on the texts where they could part.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.extract.dates import DATE_PATTERN, find_dates
from indexer.extract.titles import parse_title
from indexer.readers.tabular import _GLUED, plain_to_text, read
from indexer.text import clean_paragraph, is_normal, join_paragraphs, split_paragraphs

SPEECH = ("Mesdames et Messieurs les députés,\n\nLe Gouvernement a entendu l'appel des "
          "maires.\n\nNous agirons avant l'été.")


def test_a_plain_french_cell_is_normal_and_an_odd_one_is_not():
    assert is_normal(SPEECH)
    assert not is_normal("Procès\u00a0: la coopération")  # a no-break space to make plain
    assert not is_normal("Proce\u0300s")  # decomposed: NFC composes it
    assert not is_normal("ligne\r\nsuivante")
    assert not is_normal("la \ufb01n du d\u00e9bat")  # a ligature to unfold


def test_paragraphs_of_a_normal_text_are_those_of_the_long_way():
    texts = [SPEECH, "  Une ligne.  \n  Puis   une autre.\n\n\n   Fin.  ", "Un seul bloc."]
    for text in texts:
        assert is_normal(text)
        assert split_paragraphs(text) == [p for p in map(clean_paragraph,
                                                         text.split("\n\n")) if p]
        lines = text.split("\n")
        assert join_paragraphs(lines, normal=True) == join_paragraphs(lines)


def test_odd_characters_still_go_the_long_way():
    # a no-break space inside, a control character between two lines
    cell = "Le ministre\u00a0a dit :\x00\nNous agirons."
    assert plain_to_text(cell) == "Le ministre a dit :\n\nNous agirons."
    assert split_paragraphs("Premier\u202fparagraphe.\n\nSecond.") == [
        "Premier paragraphe.", "Second."]


def test_jsonl_keeps_long_integers_and_reads_what_only_json_reads(tmp_path: Path):
    path = tmp_path / "lot.jsonl"
    rows = [
        # 20 digits: orjson would make it a float (1.2345678901234567e19)
        '{"id": 12345678901234567890, "titre": "Discours", "texte": "Merci à tous."}',
        # NaN: orjson refuses it, Python's json reads it
        '{"id": "b", "titre": "Point presse", "texte": "Bonjour.", "score": NaN}',
        json.dumps({"id": "c", "titre": "Déclaration", "texte": "« Nous tiendrons. »"},
                   ensure_ascii=False),
    ]
    path.write_text("\n".join(rows) + "\n", "utf-8")
    records = read(path)
    assert [r.key for r in records] == ["12345678901234567890", "b", "c"]
    assert records[2].text == "« Nous tiendrons. »"


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_jsonl_keeps_long_integers_in_a_file_not_in_utf8(tmp_path: Path, encoding: str):
    # the file's digits are looked for in its bytes before it is decoded (cp1252); a digit is
    # two bytes in UTF-16 (its BOM), whose lines are then all searched
    path = tmp_path / "lot.jsonl"
    rows = ['{"id": 98765432109876543210, "titre": "Déclaration", "texte": "Été 2016."}',
            '{"id": "2016-06-29-123456789", "titre": "Communiqué", "texte": "Épinal."}']
    path.write_bytes("\n".join(rows).encode(encoding))
    records = read(path)
    assert [r.key for r in records] == ["98765432109876543210", "2016-06-29-123456789"]
    assert [r.text for r in records] == ["Été 2016.", "Épinal."]


def test_a_flattened_text_without_a_glued_end_stays_one_paragraph():
    # spaced sentence ends, initials, an upper case before the dot: nothing to cut
    cell = "Le texte est adopté. M. Dupont (U.E.) a dit : « Non. » Puis la séance est levée !"
    assert plain_to_text(cell) == cell
    assert plain_to_text("Vous dites ?« Non »") == "Vous dites ?\n\n« Non »"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aé0)» .!?…\tAÉŒ«b"), max_size=60))
def test_a_flattened_text_is_cut_wherever_a_sentence_end_is_glued(cell):
    # `_GLUED` is tried only where a mark stands before a capital: it cuts as when tried
    # everywhere
    pieces = (" ".join(piece.split()) for piece in _GLUED.split(cell))
    assert plain_to_text(cell) == "\n\n".join(piece for piece in pieces if piece)


def test_a_text_without_a_digit_has_no_date_and_one_with_digits_keeps_them():
    assert find_dates("Le mardi suivant, en mars, nous reviendrons.") == []
    assert list(DATE_PATTERN.finditer("Le mardi suivant, en mars, nous reviendrons.")) == []
    found = find_dates("Épinal, le 5 mars 2015 ; les 2 et 3 juillet 2012")
    assert [d.iso() for d in found] == ["2015-03-05", "2012-07-02"]
    # the window asked for is the one searched, digits elsewhere notwithstanding
    assert find_dates("5 mars 2015, puis rien", start=12) == []


def test_a_title_parsed_twice_gives_the_same_answer():
    title = "Déclaration de M. Jean Castex, Premier ministre, sur la relance, le 3 septembre 2020."
    first, second = parse_title(title), parse_title(title)
    assert first == second
    assert first.speakers == [("Jean Castex", "Premier ministre")]
    assert first.date.iso() == "2020-09-03"


@given(st.text(alphabet=st.sampled_from(" \n\u00a0a.é«»"), max_size=40))
def test_a_paragraph_on_one_line_is_that_of_the_regex_always_run(text):
    # `_one_line` runs `_BLANKS` only where a double space stands
    from indexer.text import _BLANKS, _one_line

    assert _one_line(text) == _BLANKS.sub(" ", text.replace("\n", " ")).strip()
    assert _one_line(SPEECH) == _BLANKS.sub(" ", SPEECH.replace("\n", " ")).strip()


# --- batch rows: titles and dates cleaned once, the identity's hash only where needed --------


def _csv(tmp_path: Path, *rows: tuple[str, str, str]) -> Path:
    path = tmp_path / "lot.csv"
    lines = ["title,date,text", *(",".join(f'"{cell}"' for cell in row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _sha(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def test_rows_sharing_title_and_date_are_told_apart_by_their_squeezed_identity(tmp_path):
    # no id column: the key is the hash of the title and date, and where two records share
    # it, a suffix from the hash of what makes each one itself, spacing and case squeezed
    path = _csv(tmp_path,
                ("Point presse du Premier ministre", "2020-09-21", "Bonjour à tous."),
                ("Point  presse du Premier ministre ", "2020-09-21",
                 "Le Gouvernement  a   décidé."),
                ("Conseil des ministres", "2020-09-23", "La ministre a présenté."))
    first, second, alone = read(path)
    assert first.title == second.title == "Point presse du Premier ministre"
    base = _sha("Point presse du Premier ministre", "2020-09-21")[:16]
    squeezed = ("point presse du premier ministre", "2020-09-21")
    assert first.key == f"{base}~{_sha(*squeezed, 'bonjour à tous.')[:8]}"
    assert second.key == f"{base}~{_sha(*squeezed, 'le gouvernement a décidé.')[:8]}"
    assert alone.key == _sha("Conseil des ministres", "2020-09-23")[:16]


def test_a_row_repeated_with_its_title_in_capitals_and_spaced_is_one_record(tmp_path):
    path = _csv(tmp_path,
                ("Déclaration sur la relance", "3 septembre 2020", "Nous agirons."),
                ("DÉCLARATION  SUR LA RELANCE ", "3 septembre  2020", "Nous  agirons."),
                ("Déclaration sur la relance", "4 septembre 2020", "Nous agirons."))
    records = read(path)
    assert [(r.title, r.date) for r in records] == [
        ("Déclaration sur la relance", "2020-09-03"), ("Déclaration sur la relance", "2020-09-04")]


@pytest.mark.parametrize(("value", "expected"), [
    ([], []), ("", []), (None, []), (0, ["0"]), (False, ["False"]), ([None, " a ", "a"], ["a"]),
    # one name, the speakers of most rows: cleaned as any item
    ([" Thierry  Mariani "], ["Thierry Mariani"]), (["\u00a0"], []), ([""], []), ([7], ["7"]),
    (["Najat Vallaud-Belkacem, Taubira"], ["Najat Vallaud-Belkacem, Taubira"])])  # a list's item
def test_an_empty_list_cell_and_falsy_values_as_the_long_way(value, expected):
    from indexer.readers.tabular import split_list

    assert split_list(value) == expected
