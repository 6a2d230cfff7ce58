"""bench.page_identity: the check that a change to the serving path changes no page.

It replays the load test's mix on the web tests' small French corpus; two replays of the same
code must agree byte for byte (only the search's duration and the feed's « now » are blanked),
and one page changed by a single character must be reported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from bench.page_identity import compare, normalise

ROOT = Path(__file__).resolve().parent.parent


def _dump(index_dir: Path, out: Path, *more: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench.page_identity", "dump", "--index", str(index_dir),
         "--requests", "60", "--out", str(out), *more],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=300)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_two_replays_of_the_same_code_serve_the_same_pages(web_index_dir, tmp_path, capsys):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    figures = _dump(web_index_dir, first)
    _dump(web_index_dir, second)
    assert figures["requests"] == 60 and figures["cpu_s"] > 0
    pages = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    # the mix's pages: searches, documents, exports, feeds… all served
    assert {"search", "doc", "export", "feed"} <= {p["kind"] for p in pages}
    assert all(p["status"] < 500 for p in pages)
    assert compare(first, second) == 0

    # one character of one search page changed: that page, and only it, is named
    lines = first.read_text(encoding="utf-8").splitlines()
    at = next(i for i, p in enumerate(pages) if p["kind"] == "search")
    changed = pages[at] | {"body": pages[at]["body"].replace("</h1>", "</h1> ", 1)}
    lines[at] = json.dumps(changed, ensure_ascii=False)
    second.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert compare(first, second) == 1
    assert pages[at]["path"] in capsys.readouterr().out


def test_two_indices_serve_the_same_requests_from_the_targets_kept(web_index_dir, tmp_path):
    """Requests are drawn from what the index holds (its ids, speakers, facet values); with
    `--targets`, the first dump keeps what it drew from, and the next draws from that: a
    rebuilt index, whose hits may come in another order, is asked the same pages."""
    targets = tmp_path / "targets.json"
    _dump(web_index_dir, tmp_path / "first.jsonl", "--targets", str(targets))
    kept = json.loads(targets.read_text(encoding="utf-8"))
    assert kept["ids"] and kept["speakers"] and "lanceur d'alerte" in kept["words"]
    only = kept["speakers"][-1]
    targets.write_text(json.dumps({**kept, "speakers": [only]}, ensure_ascii=False),
                       encoding="utf-8")
    _dump(web_index_dir, tmp_path / "second.jsonl", "--targets", str(targets))
    pages = [json.loads(line) for line in (tmp_path / "second.jsonl").read_text(
        encoding="utf-8").splitlines()]
    speakers = {p["path"] for p in pages if p["kind"] == "speaker"}
    assert speakers == {"/speaker/" + quote(only, safe="")}


def test_only_the_duration_and_the_feed_time_are_blanked():
    page = '<h2>3 résultats <span class="timing">(0,02 s)</span></h2>'
    assert normalise("text/html; charset=utf-8", page) == \
        '<h2>3 résultats <span class="timing">(…)</span></h2>'
    feed = ("<updated>2026-12-02T21:30:07Z</updated><entry><updated>2024-03-28T00:00:00Z"
            "</updated></entry>")
    assert normalise("application/atom+xml", feed) == (
        "<updated>NOW</updated><entry><updated>2024-03-28T00:00:00Z</updated></entry>")
    api = json.dumps({"total": 2, "seconds": 0.0123, "results": [{"title": "Plan vélo"}]})
    assert json.loads(normalise("application/json", api)) == {
        "total": 2, "seconds": 0, "results": [{"title": "Plan vélo"}]}


def test_rounds_alternate_the_checkouts_and_print_their_means(web_index_dir, tmp_path):
    # `run --rounds 2` dumps baseline, candidate, candidate, baseline, then the means; with
    # --as-worker each process is first warmed and settled as a server's worker is
    done = subprocess.run(
        [sys.executable, "-m", "bench.page_identity", "run", "--baseline", str(ROOT),
         "--candidate", str(ROOT), "--index", str(web_index_dir), "--requests", "20",
         "--rounds", "2", "--as-worker", "--targets", str(tmp_path / "targets.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    dumps = [json.loads(line) for line in lines if line.startswith("{")]
    assert len(dumps) == 4 and all(d["requests"] == 20 for d in dumps)
    means = [line for line in lines if ", mean of 2: " in line]
    assert [m.split(",")[0] for m in means] == ["baseline", "candidate"]
    assert json.loads(means[0].split(": ", 1)[1])["cpu_ms_per_request"] > 0
    assert lines[-1] == "20 requests, 0 answered differently"
    assert (tmp_path / "targets.json").exists()  # discovered once, then read by every dump
