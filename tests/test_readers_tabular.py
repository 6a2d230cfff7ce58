"""CSV and JSONL batch reader: columns, quirks of the vie-publique scrapes, keys, dates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import shared_path

from indexer.readers import Unreadable, read_records
from indexer.readers.tabular import Columns, detect_columns, parse_date, read, split_list

VIE_PUBLIQUE = "vie-publique-discours"
GYAB = "gyab_statements_2020-11-22.csv"
SUFIANJ = "sufianj_scraped_discours_pages_1_4-10.csv"
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def write(tmp_path: Path, content: str, name: str = "lot.csv", encoding: str = "utf-8") -> Path:
    """Write a fixture file in tmp_path and return its path."""
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


def csv_text(*rows: list[str], delimiter: str = ",") -> str:
    """Return rows as RFC-4180 CSV (every cell quoted, CRLF line ends)."""
    quote = '"{}"'.format
    return "".join(
        delimiter.join(quote(cell.replace('"', '""')) for cell in row) + "\r\n" for row in rows
    )


HEADER = ["title", "date", "text", "tags", "topics", "speakers"]
ROW_A = [
    "Interview de M. Olivier Dussopt",
    "2020-09-21T12:00:00Z",
    "<p>JEAN-PAUL CHAPEL<br>\nBonjour.<br><br>\nOLIVIER DUSSOPT<br>\nBonjour.</p>",
    "Economie,Vie économique",
    "Deficit budgetaire,Impot",
    "Olivier Dussopt,Jean-paul Chapel",
]
ROW_B = [
    "Conseil des ministres du 23 septembre 2020.",
    "2020-09-23T12:00:00Z",
    "<p>La ministre de la culture a présenté une communication.</p>",
    "Société",
    "Communication gouvernementale",
    "Roselyne Bachelot",
]


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2020-09-21T12:00:00Z", "2020-09-21"),
        ("2020-09-21", "2020-09-21"),
        ("2020-09-21 08:30:00+02:00", "2020-09-21"),
        ("26 avril 2023", "2023-04-26"),
        ("1er mai 2023", "2023-05-01"),
        ("1 er mai 2023", "2023-05-01"),
        ("3 fevrier 2013", "2013-02-03"),
        ("3 février 2013", "2013-02-03"),
        ("15 aout 2020", "2020-08-15"),
        ("7 DÉCEMBRE 2021", "2021-12-07"),
        ("mardi 29 janvier 2013", "2013-01-29"),
        ("le 4 sept. 2020", "2020-09-04"),
        ("21/09/2020", "2020-09-21"),
        ("31 février 2023", None),
        ("2023-13-01", None),
        ("26 floréal 2023", None),
        ("bientôt", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


# --- columns ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (HEADER, Columns("text", "title", "date", "tags", "topics", "speakers")),
        (["titre", "date", "discours"], Columns(text="discours", title="titre", date="date")),
        (["ID", "Titre", "Texte", "Thématiques"], Columns("Texte", "Titre", tags="Thématiques", id="ID")),  # noqa: E501
        (["body", "keywords", "Orateurs", "lieu"], Columns("body", topics="keywords", speakers="Orateurs", place="lieu")),  # noqa: E501
        (["content", "Mots-clés", "type"], Columns("content", topics="Mots-clés", kind="type")),
        (["Identifiant", "Intitulé", "Corps", "Intervenants"], Columns("Corps", "Intitulé", speakers="Intervenants", id="Identifiant")),  # noqa: E501
    ],
)  # fmt: skip
def test_detect_columns(headers, expected):
    assert detect_columns(headers) == expected


def test_file_without_text_column_is_unreadable(tmp_path):
    path = write(
        tmp_path, csv_text(["id", "debat", "lieu", "seance", "date"], ["1", "d", "l", "s", "x"])
    )
    with pytest.raises(Unreadable, match=r"^pas de colonne de texte: colonnes 'id', 'debat'"):
        read(path)


def test_sidecar_mapping_names_the_columns(tmp_path):
    path = write(
        tmp_path, csv_text(["objet", "corps", "quand"], ["Titre", "Le texte.", "1er mai 2023"])
    )
    write(tmp_path, "title: objet\ntext: corps\ndate: quand\n", name="lot.columns.yaml")
    [record] = read(path)
    assert (record.title, record.text, record.date) == ("Titre", "Le texte.", "2023-05-01")


def test_sidecar_null_disables_a_detected_column(tmp_path):
    path = write(tmp_path, csv_text(["id", "text"], ["same", "Un."], ["same", "Deux."]))
    write(tmp_path, "id: null\n", name="lot.columns.yaml")
    assert len({r.key for r in read(path)}) == 2
    assert all(r.key != "same" for r in read(path))


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ("texte: corps\n", "champ inconnu"),
        ("text: absente\n", "colonne absente"),
        ("- text\n", "dictionnaire"),
        ("text: [unclosed\n", "illisible"),
    ],
)
def test_bad_sidecar_is_unreadable(tmp_path, sidecar, reason):
    path = write(tmp_path, csv_text(["corps"], ["Le texte."]))
    write(tmp_path, sidecar, name="lot.columns.yaml")
    with pytest.raises(Unreadable, match=reason):
        read(path)


# --- CSV quirks -------------------------------------------------------------------------------


def test_repeated_header_rows_are_not_documents(tmp_path):
    path = write(tmp_path, csv_text(HEADER, ROW_A, HEADER, ROW_B, HEADER))
    assert [r.title for r in read(path)] == [ROW_A[0], ROW_B[0]]


def test_unquoted_repeated_header_is_skipped(tmp_path):
    text = "title,date,text\nA,2020-01-01,Un.\ntitle,date,text\nB,2020-01-02,Deux.\n"
    assert [r.title for r in read(write(tmp_path, text))] == ["A", "B"]


def test_duplicate_rows_give_one_record(tmp_path):
    path = write(tmp_path, csv_text(HEADER, ROW_A, ROW_B, ROW_A))
    assert len(read(path)) == 2


def test_duplicates_differing_only_in_spacing_give_one_record(tmp_path):
    spaced = [ROW_B[0] + "  ", *ROW_B[1:2], ROW_B[2].replace("une ", "une  "), *ROW_B[3:]]
    assert len(read(write(tmp_path, csv_text(HEADER, ROW_B, spaced)))) == 1


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_sniffed(tmp_path, delimiter):
    path = write(
        tmp_path,
        csv_text(
            ["titre", "date", "discours"],
            ["T, et ; encore", "26 avril 2023", "Texte."],
            delimiter=delimiter,
        ),
    )
    [record] = read(path)
    assert (record.title, record.date, record.text) == ("T, et ; encore", "2023-04-26", "Texte.")


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", ""), ("utf-8", "\ufeff"), ("cp1252", ""),
     # a spreadsheet's « Unicode » export: UTF-16 with its BOM (Python's codec writes one)
     ("utf-16", ""), ("utf-16-be", "\ufeff"), ("utf-32", "")],
)
def test_encodings(tmp_path, encoding, prefix):
    path = write(
        tmp_path,
        prefix + csv_text(["titre", "discours"], ["Déclaration", "Élan « œuvre » – été."]),
        encoding=encoding,
    )
    [record] = read(path)
    assert (record.title, record.text) == ("Déclaration", "Élan « œuvre » – été.")


def test_multiline_cell_lines_are_paragraphs(tmp_path):
    path = write(
        tmp_path, csv_text(["titre", "discours"], ["T", "Première ligne.\nDeuxième ligne."])
    )
    assert read(path)[0].text == "Première ligne.\n\nDeuxième ligne."


def test_blank_lines_separate_paragraphs_and_join_wrapped_lines(tmp_path):
    path = write(tmp_path, csv_text(["discours"], ["Une phrase\ncoupée.\n\nUne autre."]))
    assert read(path)[0].text == "Une phrase coupée.\n\nUne autre."


def test_cell_bigger_than_the_csv_default_limit(tmp_path):
    big = "Mot. " * 60_000  # 300,000 characters, over csv's 131,072 default
    assert len(read(write(tmp_path, csv_text(["discours"], [big])))[0].text) > 250_000


def test_rows_with_empty_text_are_skipped(tmp_path):
    path = write(
        tmp_path, csv_text(HEADER, [*ROW_A[:2], "  ", *ROW_A[3:]], ROW_B, ["", "", "", "", "", ""])
    )
    assert [r.title for r in read(path)] == [ROW_B[0]]


def test_header_only_file_gives_no_record(tmp_path):
    assert read(write(tmp_path, csv_text(HEADER))) == []


def test_empty_file_is_unreadable(tmp_path):
    with pytest.raises(Unreadable):
        read(write(tmp_path, ""))


# --- text -------------------------------------------------------------------------------------


def test_html_br_lines_are_paragraphs_keeping_speaker_lines(tmp_path):
    [record] = read(write(tmp_path, csv_text(HEADER, ROW_A)))
    assert record.text.split("\n\n") == [
        "JEAN-PAUL CHAPEL",
        "Bonjour.",
        "OLIVIER DUSSOPT",
        "Bonjour.",
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("<p>Un.</p><p>Deux <b>gras</b>.</p>", "Un.\n\nDeux gras."),
        ("<p>A &amp; B&nbsp;: « C »</p>", "A & B : « C »"),
        ("<p>Un<br/>Deux</p>", "Un\n\nDeux"),
        ("<p>Un</p><script>alert(1)</script><!-- note -->", "Un"),
        ("<ul><li>Un</li><li>Deux</li></ul>", "Un\n\nDeux"),
        ("A &amp; B sans balise", "A & B sans balise"),
    ],
)
def test_html_cells_become_plain_paragraphs(tmp_path, cell, expected):
    assert read(write(tmp_path, csv_text(["discours"], [cell])))[0].text == expected


def test_glued_sentences_of_a_flattened_text_are_split(tmp_path):
    cell = "Des sols.Cette ordonnance (M.Dupont, l'U.E.Vue).Avez-vous des outils ?SONIA B. Oui."
    paragraphs = read(write(tmp_path, csv_text(["discours"], [cell])))[0].text.split("\n\n")
    assert paragraphs == [
        "Des sols.",
        "Cette ordonnance (M.Dupont, l'U.E.Vue).",  # an upper case before the dot: no split
        "Avez-vous des outils ?",
        "SONIA B. Oui.",
    ]


# --- fields and keys --------------------------------------------------------------------------


def test_comma_joined_fields_become_lists(tmp_path):
    [record] = read(write(tmp_path, csv_text(HEADER, ROW_A)))
    assert record.meta["tags"] == ["Economie", "Vie économique"]
    assert record.meta["topics"] == ["Deficit budgetaire", "Impot"]
    assert record.meta["speakers"] == ["Olivier Dussopt", "Jean-paul Chapel"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a, b,,c ", ["a", "b", "c"]),
        ("a;b", ["a", "b"]),
        ("a,a", ["a"]),
        ("", []),
        (None, []),
        (["x", " y ", ""], ["x", "y"]),
    ],
)
def test_split_list(value, expected):
    assert split_list(value) == expected


def test_unparseable_date_is_kept_raw(tmp_path):
    [record] = read(
        write(tmp_path, csv_text(["titre", "date", "discours"], ["T", "printemps 2023", "X."]))
    )
    assert (record.date, record.meta["date_raw"]) == (None, "printemps 2023")


def test_kind_and_place_columns_go_to_meta(tmp_path):
    [record] = read(
        write(tmp_path, csv_text(["texte", "type", "lieu"], ["X.", "Communiqué", "Paris"]))
    )
    assert (record.meta["kind"], record.meta["place"]) == ("Communiqué", "Paris")


def test_key_is_the_id_column(tmp_path):
    [record] = read(write(tmp_path, csv_text(["id", "texte"], ["vp-275431", "X."])))
    assert record.key == "vp-275431"


def test_key_does_not_depend_on_row_position(tmp_path):
    before = {r.title: r.key for r in read(write(tmp_path, csv_text(HEADER, ROW_A, ROW_B)))}
    inserted = [*ROW_A[:1], "2020-09-22T12:00:00Z", *ROW_A[2:]]
    after = {
        r.title: r.key for r in read(write(tmp_path, csv_text(HEADER, inserted, ROW_B, ROW_A)))
    }
    assert before[ROW_B[0]] == after[ROW_B[0]]
    assert before[ROW_A[0]] in set(after.values())


def test_same_title_and_date_with_other_text_get_distinct_keys(tmp_path):
    other = [*ROW_B[:2], "<p>Un autre compte rendu.</p>", *ROW_B[3:]]
    records = read(write(tmp_path, csv_text(HEADER, ROW_B, other)))
    assert len({r.key for r in records}) == 2


def test_registry_sends_csv_here(tmp_path):
    assert read_records(write(tmp_path, csv_text(HEADER, ROW_B)))[0].title == ROW_B[0]


# --- JSONL ------------------------------------------------------------------------------------


def jsonl(*objects) -> str:
    return "".join(
        (o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objects
    )


def test_jsonl_objects_use_the_same_mapping(tmp_path):
    line = {
        "id": 42,
        "titre": "T",
        "date": "1er mai 2023",
        "texte": ["Un.", "Deux."],
        "tags": ["a", "b"],
    }
    [record] = read(write(tmp_path, jsonl(line), name="lot.jsonl"))
    assert (record.key, record.title, record.date) == ("42", "T", "2023-05-01")
    assert (record.text, record.meta["tags"]) == ("Un.\n\nDeux.", ["a", "b"])


def test_jsonl_bad_lines_are_skipped(tmp_path, caplog):
    path = write(
        tmp_path,
        jsonl({"text": "Un."}, "{pas du json", "[1, 2]", "", {"text": "Deux."}),
        name="lot.jsonl",
    )
    assert [r.text for r in read(path)] == ["Un.", "Deux."]
    assert "2 ligne(s) JSON invalide(s)" in caplog.text


def test_jsonl_with_only_bad_lines_is_unreadable(tmp_path):
    with pytest.raises(Unreadable, match="2 lignes rejetées"):
        read(write(tmp_path, jsonl("{oops", "42"), name="lot.jsonl"))


def test_jsonl_without_text_key_is_unreadable(tmp_path):
    with pytest.raises(Unreadable, match="pas de colonne de texte"):
        read(write(tmp_path, jsonl({"titre": "T"}), name="lot.jsonl"))


# --- the shared corpus ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gyab():
    return read(shared_path(VIE_PUBLIQUE, GYAB))


@pytest.fixture(scope="module")
def sufianj():
    return read(shared_path(VIE_PUBLIQUE, SUFIANJ))


def test_gyab_gives_the_unique_statements(gyab):
    assert len(gyab) == 324
    assert len({(r.title, r.date) for r in gyab}) == 324


def test_gyab_keys_are_unique(gyab):
    assert len({r.key for r in gyab}) == len(gyab)


def test_gyab_has_no_header_row_as_document(gyab):
    assert not [r for r in gyab if r.title == "title" or r.text == "text"]


def test_gyab_dates_are_iso_in_range(gyab):
    dates = sorted(r.date for r in gyab)
    assert all(ISO.fullmatch(d) for d in dates)
    assert (dates[0], dates[-1]) == ("2020-09-13", "2020-11-15")


def test_gyab_text_is_plain(gyab):
    assert not [r.key for r in gyab if re.search(r"<(p|br)\b", r.text)]


def test_gyab_interview_keeps_speaker_lines(gyab):
    [interview] = [
        r
        for r in gyab
        if r.title.startswith(
            "Interview de M. Olivier Dussopt, ministre des comptes publics, à France info le 21"
        )
    ]
    assert interview.text.split("\n\n")[0] == "JEAN-PAUL CHAPEL"
    assert "OLIVIER DUSSOPT" in interview.text.split("\n\n")
    assert interview.meta["speakers"] == ["Olivier Dussopt", "Jean-paul Chapel"]


def test_sufianj_gives_69_statements_one_row_being_repeated(sufianj):
    # 70 data rows, of which two (lines 61-62 of the CSV) are the same Colonna statement.
    assert len(sufianj) == 69
    assert len({r.key for r in sufianj}) == 69


def test_sufianj_french_dates_become_iso(sufianj):
    dates = sorted(r.date for r in sufianj)
    assert (dates[0], dates[-1]) == ("2023-03-21", "2023-04-26")


def test_tei_metadata_csv_is_not_a_document_file():
    with pytest.raises(Unreadable, match="pas de colonne de texte"):
        read_records(shared_path("an-mariage-pour-tous-2013-tei", "metadata.csv"))
