"""One search page, one lookup of a pasted passage — on OpenSearch too.

A quotation pasted in the search box with who said it (« Sophie Lemaire-Dufour : « … » »)
is looked up for the page's results; when its closest passage is not word for word, the page
then asks `verify` for that person's own nearest words (`webapp.results.named_words`), which
looks the same words up again. Whoosh keeps its lookups for its index's version
(`indexer.whoosh_engine.Catalog.passages`, tests/test_dash_headed_claims.py); the cluster
gives no version to key them on, and each such page sent the passage finder's five requests
twice (the candidates' search, which word pairs each holds, three reads of their texts: 23
round trips for her page on the demo corpus, the index's marks and labels read, 16 now).
The lookups are now kept for the page being answered, and for that page only
(`indexer.engine.page_lookups`, `indexer.opensearch_passages.kept_passages`); the person's
nearest words and a quotation's wider second look read again none of the texts the search
read.

The demo corpus indexed into both engines; each page asked over HTTP of the Flask app, the
cluster's round trips counted as its client sends them.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from indexer.opensearch_passages import PASSAGE_ANALYZER
from tests.conftest import DEMO, both_engines

ALIAS = "page-lookups-demo"
# Her interview says « aider les exploitations à changer d'assolement vers des cultures moins
# gourmandes en eau » (60 %); the federation's release is closer (75 %): her words are shown
# beside the results
WORDS = "aider les exploitations vers des cultures moins gourmandes en eau et la " \
    "restauration des zones humides"
SOPHIE = f"Sophie Lemaire-Dufour : « {WORDS} »"
# words no statement holds, even approached: the page looks again, wider
ABSENT = "qui a dit je vous ai compris mes chers amis"


@pytest.fixture(scope="module")
def engines(opensearch_cluster, tmp_path_factory):
    """(Whoosh catalog, OpenSearch catalog, Whoosh folder) of the demo corpus."""
    index_dir = tmp_path_factory.mktemp("page-lookups") / "index"
    for whoosh, opensearch in both_engines(DEMO, index_dir, opensearch_cluster.url, ALIAS):
        yield whoosh, opensearch, index_dir


@pytest.fixture(scope="module")
def pages(engines, opensearch_cluster):
    """{engine: its Flask test client} over the same corpus, and the cluster's round trips
    of the OpenSearch app (method, path, body without its time budget), as its client sends
    them, in a list each test empties."""
    from webapp import create_app
    from webapp.catalog import close_catalog, get_catalog

    _, _, index_dir = engines
    apps = {}
    sent: list[tuple[str, str, str]] = []
    with pytest.MonkeyPatch.context() as patch:
        apps["whoosh"] = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
        patch.setenv("VERBATIM_ENGINE", "opensearch")
        patch.setenv("VERBATIM_OPENSEARCH_URL", opensearch_cluster.url)
        patch.setenv("VERBATIM_OPENSEARCH_INDEX", ALIAS)
        apps["opensearch"] = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
        with apps["opensearch"].app_context():
            transport = get_catalog().client.transport
        send = transport.perform_request

        def counted(method, url, params=None, body=None, **kwargs):
            sent.append((method, url, _without_budget(body)))
            return send(method, url, params=params, body=body, **kwargs)

        patch.setattr(transport, "perform_request", counted)
        yield {name: app.test_client() for name, app in apps.items()}, sent
    for app in apps.values():
        close_catalog(app)


def _without_budget(body) -> str:
    """Return a request's body as text, its time budget (`timeout`, what is left of the
    page's) and its shard copy (`preference`) left out: the same request sent twice."""
    if body is None:
        return ""
    lines = body if isinstance(body, list) else \
        [json.loads(line) for line in body.splitlines() if line.strip()] \
        if isinstance(body, str | bytes) else [body]
    return json.dumps([{k: v for k, v in line.items() if k not in ("timeout", "preference")}
                       for line in lines], sort_keys=True)


def _finder_searches(sent: list[tuple[str, str, str]]) -> list[str]:
    """Return the passage finder's searches of the candidates among every statement (its
    word pairs searched side by side: `PASSAGE_ANALYZER`), not among one person's."""
    return [body for _, path, body in sent if path.endswith("/_search")
            and PASSAGE_ANALYZER in body and '"speaker"' not in body]


def _page(client, q: str) -> str:
    answer = client.get("/", query_string={"q": q})
    assert answer.status_code == 200
    return answer.get_data(as_text=True)


def _shown(page: str) -> tuple[str, str, str | None]:
    """Return the page's notes, its list of results (each linked to its document at its
    passage, its snippet, its speakers) and the section showing the named person's own
    words."""
    found = [re.search(pattern, page, re.S) for pattern in (
        r'<ul class="notes".*?</ul>', r'<ol class="hits".*?</ol>',
        r'<section class="named-words".*?</section>')]
    notes, hits, named = (match.group(0) if match else None for match in found)
    return notes or "", hits or "", named


def test_her_words_are_looked_up_once_for_the_results_and_the_verdict(pages):
    clients, sent = pages
    _page(clients["opensearch"], "échauffement")  # the marks, the facets' labels read
    sent.clear()
    page = _page(clients["opensearch"], SOPHIE)
    assert "changer d&#39;assolement" in page or "changer d'assolement" in page  # her words
    assert len(_finder_searches(sent)) == 1  # before: once for the results, once for her
    repeated = [request for request, times in Counter(sent).items() if times > 1]
    assert repeated == []  # nothing the page sends the cluster is sent twice


def test_the_page_is_the_one_whoosh_gives(pages):
    clients, _ = pages
    mine, theirs = _shown(_page(clients["whoosh"], SOPHIE)), \
        _shown(_page(clients["opensearch"], SOPHIE))
    assert mine[2] is not None and "Sophie Lemaire-Dufour" in mine[2]
    assert "Passage proche" in mine[0]
    assert theirs == mine  # the same notes, results at the same passages, words of hers


def test_nothing_is_kept_past_the_page(pages):
    clients, sent = pages
    for _ in range(2):
        sent.clear()
        _page(clients["opensearch"], SOPHIE)
        assert len(_finder_searches(sent)) == 1  # each page asks the cluster anew


def test_the_wider_second_look_reads_no_text_twice(pages):
    clients, sent = pages
    sent.clear()
    page = _page(clients["opensearch"], ABSENT)
    assert "Aucun document ne contient ce passage" in page
    assert len(_finder_searches(sent)) == 2  # the search's lookup, then the wider one
    reads = [body for _, path, body in sent if path.endswith("/_mget")]
    read = [key for body in reads for line in json.loads(body) for key in line["ids"]]
    assert read and len(read) == len(set(read))  # each record's text read once
