"""Bad files are reported, never fatal: a folder of hostile inputs indexed by the library and
by the real `verbatim index`, each file skipped with its French reason or read safely."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import make_hostile as mh
import pytest
from whoosh import index as whoosh_index

from indexer.cli import _printable
from indexer.indexing import INDEX_NAME, index_paths
from indexer.readers import MB, Unreadable, max_file_bytes, read_records, size_reason
from indexer.search import SearchRequest, open_catalog, search

GOOD_WORDS = {  # word searched → the file it must find
    "ornithorynque": "bon-communique.md",
    "kangourou": "bon-discours.txt",
    "wombat": "bon-communique.pdf",
    "koala": "nom avec espaces.txt",
    "quokka": "accentué éèçà œuvre.txt",
    "wallaby": "retour\nà la ligne.txt",
    "dingo": "points..dans..le..nom.txt",
    "girafe": "piegee.html",
    "loutre": "imbrication.html",
    "suricate": "bombe-yaml.md",
    "tapir": "cellule-geante.csv",
    "lamantin": "encodages-melanges.txt",
    "quoll": "bombe-jointe.eml",
    "numbat": "boite.mbox",
    "bilby": "boite.mbox",
}
SECRETS = (mh.CANARY, "root:x:0:0", "/bin/bash", "/usr/sbin/nologin")
# Every hostile file goes through a subprocess with a deadline: a hang fails, it never blocks.
DEADLINE = 600


class Canary:
    """A TCP listener the XML external entities point at: any connection is a leak."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/verbatim-xxe"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        """Stop listening."""
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture(scope="module")
def canary():
    listener = Canary()
    yield listener
    listener.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, canary):
    """The hostile folder, its expectations, and the report of indexing it in-process."""
    base = tmp_path_factory.mktemp("hostile")
    folder = base / "dossier hostile"
    expected = mh.make_hostile(folder, canary_url=canary.url)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in mh.limit_env().items():
            patch.setenv(name, value)
        report = index_paths([folder], base / "index", workers=1)
    return folder, base / "index", expected, report


def stored_documents(index_dir: Path) -> dict[str, list[dict]]:
    """Return {source: [stored fields of its documents]} for every document of an index."""
    ix = whoosh_index.open_dir(str(index_dir), indexname=INDEX_NAME)
    found: dict[str, list[dict]] = {}
    with ix.searcher() as searcher:
        for fields in searcher.documents(type="doc"):
            found.setdefault(fields["source"], []).append(fields)
    ix.close()
    return found


def shown(name: str) -> str:
    """Return a file name as a UTF-8 reader sees it: bytes that are not UTF-8 become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def outcome_problems(expected, skipped: list[tuple[str, str]], docs) -> list[str]:
    """Return what differs from the expectations, one line per problem (empty when all hold)."""
    problems = []
    reasons = {shown(name): reason for name, reason in skipped}
    docs = {shown(name): found for name, found in docs.items()}
    expected = {shown(name): want for name, want in expected.items()}
    for name, want in expected.items():
        got_docs = docs.get(name, [])
        text = " ".join(f"{d.get('title') or ''} {d.get('text', '')}" for d in got_docs)
        if want.outcome == "skipped":
            reason = reasons.get(name)
            if reason is None or not re.search(want.reason, reason):
                problems.append(f"{name!r}: expected skipped /{want.reason}/, got {reason!r}")
            if got_docs:
                problems.append(f"{name!r}: skipped but indexed")
        elif want.outcome == "indexed":
            if not got_docs:
                problems.append(f"{name!r}: not indexed ({reasons.get(name)!r})")
            problems += [f"{name!r}: {w!r} missing" for w in want.contains if w not in text]
            problems += [f"{name!r}: {w!r} leaked" for w in want.excludes if w in text]
        elif name in reasons or got_docs:
            problems.append(f"{name!r}: should never be walked")
    surprises = set(reasons) - set(expected)
    problems += [f"{name!r}: unexpected skip {reasons[name]!r}" for name in sorted(surprises)]
    return problems


# --- the library ----------------------------------------------------------------------------------


def test_every_hostile_file_is_skipped_with_its_reason_or_read_safely(hostile):
    _folder, index_dir, expected, report = hostile
    assert outcome_problems(expected, report.skipped, stored_documents(index_dir)) == []


def test_reasons_are_one_short_line(hostile):
    for source, reason in hostile[3].skipped:
        assert reason and "\n" not in reason and len(reason) <= 200, (source, reason)


def test_no_secret_and_no_network_leaks(hostile, canary):
    docs = stored_documents(hostile[1])
    everything = json.dumps(docs, ensure_ascii=False, default=str)
    for secret in SECRETS:
        assert secret not in everything
    assert canary.connections == 0


def test_good_files_are_searchable(hostile):
    catalog = open_catalog(hostile[1])
    try:
        for word, source in GOOD_WORDS.items():
            hits = search(catalog, SearchRequest(q=word)).hits
            assert source in [hit["source"] for hit in hits], word
        assert search(catalog, SearchRequest(q="lol")).total == 0
    finally:
        catalog.close()


def test_report_counts_add_up(hostile):
    _folder, _index, expected, report = hostile
    # a mailbox's refused message is a part of a file read: "boite.mbox (message 2)"
    indexed = [n for n, e in expected.items() if e.outcome == "indexed" and "(" not in n]
    skipped = [n for n, e in expected.items() if e.outcome == "skipped"]
    assert report.added == len(indexed)
    assert len(report.skipped) == len(skipped)


# --- the command line -----------------------------------------------------------------------------


def run_cli(*args: str, strict_terminal: bool = False) -> subprocess.CompletedProcess:
    """Run `verbatim` in a subprocess with the hostile size limit, failing on a hang.

    Output goes to a UTF-8 pipe that lets undecodable file-name bytes through, as under a C
    locale; `strict_terminal` makes it refuse them, as under fr_FR.UTF-8.
    """
    encoding = "utf-8" if strict_terminal else "utf-8:surrogateescape"
    env = {**os.environ, **mh.limit_env(), "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [str(Path(sys.executable).with_name("verbatim")), *args],
        capture_output=True, text=True, encoding="utf-8", errors="replace", env=env,
        timeout=DEADLINE,
    )


@pytest.fixture(scope="module")
def cli_index(hostile, tmp_path_factory):
    """A fresh index of the hostile folder built by `verbatim index --workers 2 --json`."""
    index_dir = tmp_path_factory.mktemp("cli") / "index"
    done = run_cli("index", str(hostile[0]), "--index", str(index_dir), "--workers", "2",
                   "--json")
    return index_dir, done


def test_cli_reads_in_worker_processes_without_failing(hostile, cli_index):
    index_dir, done = cli_index
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    report = json.loads(done.stdout)
    # the report prints names escaped (newlines, bytes that are not UTF-8): map them back
    raw = {_printable(name): name for name in hostile[2]}
    skipped = [(raw.get(name, name), reason) for name, reason in report["skipped"]]
    assert outcome_problems(hostile[2], skipped, stored_documents(index_dir)) == []


def test_cli_report_lists_each_skipped_file_on_one_line(hostile, cli_index):
    done = run_cli("index", str(hostile[0]), "--index", str(cli_index[0]))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    listed = [line for line in lines if line.startswith("  ignoré : ")]
    # a refused part of a file read before (a mailbox's message) is reported when it is read
    parts = [name for name in hostile[2] if " (" in name]
    assert len(listed) == len(hostile[3].skipped) - len(parts)
    assert len(lines) == 2 + len(listed)  # the two summary lines, then one line per file
    assert any("vide\\x0aà la ligne.txt — fichier vide" in line for line in listed)


@pytest.mark.parametrize("output", ["text", "json"])
def test_cli_report_survives_a_non_utf8_name_in_a_utf8_terminal(tmp_path, output):
    folder = tmp_path / "noms"
    folder.mkdir()
    (folder / "bon.txt").write_text(mh.GOOD_TXT, encoding="utf-8")
    Path(os.fsdecode(os.fsencode(folder) + b"/latin1-\xe9t\xe9.txt")).write_text("Une note.")
    json_flag = ["--json"] if output == "json" else []
    done = run_cli("index", str(folder), "--index", str(tmp_path / "index"), *json_flag,
                   strict_terminal=True)
    assert done.returncode == 0, done.stderr
    assert "non UTF-8" in done.stdout


def test_cli_strict_fails_when_a_file_is_skipped(hostile, cli_index):
    done = run_cli("index", str(hostile[0]), "--index", str(cli_index[0]), "--strict",
                   "--quiet")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr


def test_cli_strict_succeeds_on_good_files(tmp_path):
    folder = tmp_path / "bons"
    folder.mkdir()
    (folder / "bon.txt").write_text(mh.GOOD_TXT, encoding="utf-8")
    done = run_cli("index", str(folder), "--index", str(tmp_path / "index"), "--strict")
    assert done.returncode == 0, done.stdout + done.stderr


# --- the size limit -------------------------------------------------------------------------------


def test_size_limit_skips_a_file_one_byte_over(tmp_path, monkeypatch):
    monkeypatch.setenv("VERBATIM_MAX_FILE_MB", repr(4096 / MB))
    (tmp_path / "juste.txt").write_bytes(mh._big_text(4096))
    (tmp_path / "trop.txt").write_bytes(mh._big_text(4097))
    assert read_records(tmp_path / "juste.txt")
    with pytest.raises(Unreadable, match=r"^fichier trop gros \(4 097 octets > limite 4 096"):
        read_records(tmp_path / "trop.txt")


@pytest.mark.parametrize(("value", "limit"), [
    (None, 100 * MB), ("12", 12 * MB), ("0.5", MB // 2), ("abc", 100 * MB), ("-3", 100 * MB),
    ("0", 100 * MB),
])
def test_size_limit_comes_from_the_environment(monkeypatch, value, limit):
    if value is None:
        monkeypatch.delenv("VERBATIM_MAX_FILE_MB", raising=False)
    else:
        monkeypatch.setenv("VERBATIM_MAX_FILE_MB", value)
    assert max_file_bytes() == limit


def test_size_reason_in_megabytes():
    assert size_reason(150 * MB, 100 * MB) == "fichier trop gros (150,0 Mo > limite 100,0 Mo)"


# --- reader guards, one by one --------------------------------------------------------------------


def test_named_pipe_is_refused_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "tube.md")
    with pytest.raises(Unreadable, match="pas un fichier ordinaire"):
        read_records(tmp_path / "tube.md")


def test_yaml_alias_bomb_drops_the_front_matter(tmp_path):
    path = tmp_path / "bombe.md"
    path.write_text(mh.ALIAS_BOMB_MD, encoding="utf-8")
    (record,) = read_records(path)
    assert record.title is None and record.meta == {}
    assert "suricate" in record.text and "lol" not in record.text


def test_yaml_alias_in_a_columns_sidecar_is_refused(tmp_path):
    (tmp_path / "d.csv").write_text("a,b\nx,y\n", encoding="utf-8")
    (tmp_path / "d.columns.yaml").write_text("text: &t b\ntitle: *t\n", encoding="utf-8")
    with pytest.raises(Unreadable, match="alias YAML refusé"):
        read_records(tmp_path / "d.csv")


def test_front_matter_without_alias_still_reads(tmp_path):
    path = tmp_path / "ok.md"
    path.write_text("---\ntitle: Un titre\ntags: [a, b]\n---\n\nLe corps.\n", encoding="utf-8")
    (record,) = read_records(path)
    assert (record.title, record.meta["tags"]) == ("Un titre", ["a", "b"])


def test_docx_bomb_is_refused_before_inflating(tmp_path):
    path = tmp_path / "bombe.docx"
    mh._zip_bomb_docx(path, 8 * MB)
    with pytest.raises(Unreadable, match=r"se décompresse \d+ fois .*bombe ZIP"):
        read_records(path)


def test_docx_with_too_much_inflated_content_is_refused(tmp_path, monkeypatch):
    import indexer.readers.docx as docx_reader

    monkeypatch.setattr(docx_reader, "MAX_INFLATED", 1000)
    path = tmp_path / "gros.docx"
    with zipfile.ZipFile(path, "w") as archive:  # stored: ratio 1, only the total is too big
        archive.writestr("[Content_Types].xml", mh.CONTENT_TYPES)
        archive.writestr("word/document.xml", "x" * 2000)
    with pytest.raises(Unreadable, match=r"une fois décompressé > limite"):
        read_records(path)


def test_mixed_encodings_are_decided_line_by_line(tmp_path):
    path = tmp_path / "mixte.txt"
    path.write_bytes(mh._mixed_encodings())
    (record,) = read_records(path)
    assert "l'État protège" in record.text and "« l’été »" in record.text


@pytest.mark.parametrize("tail", ["", "\n", "\r\n"])
def test_csv_with_a_closed_multiline_last_cell_is_still_read(tmp_path, tail):
    path = tmp_path / "ok.csv"
    path.write_text('titre,date,discours\nA,2020-01-01,"Ligne un\nligne deux ""citée"""' + tail,
                    encoding="utf-8")
    (record,) = read_records(path)
    assert record.text.endswith('ligne deux "citée"')


def test_csv_quote_never_closed_is_refused(tmp_path):
    path = tmp_path / "casse.csv"
    path.write_text(mh._broken_quoting_csv(), encoding="utf-8")
    with pytest.raises(Unreadable, match=r"guillemet ouvert ligne 3 \(enregistrement 3\)"):
        read_records(path)


def test_html_nested_ten_thousand_deep_without_landmarks_is_read(tmp_path):
    path = tmp_path / "imbrication.html"
    path.write_text(mh._deep_html(), encoding="utf-8")
    (record,) = read_records(path)
    assert record.text.count("La loutre de mer nage.") == mh.NESTING


def test_deeply_nested_html_keeps_its_text(tmp_path):
    path = tmp_path / "profond.html"
    path.write_text(mh._hostile_html(), encoding="utf-8")
    (record,) = read_records(path)
    assert "Texte au fond des divisions imbriquées." in record.text
    assert "alert" not in record.text and "SCRIPT" not in record.text
