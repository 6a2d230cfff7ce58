"""Shared fixtures: the shared corpus beside the checkout, temporary indexes, the Flask app."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn, TypeVar

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# Property tests say what holds of any example, not how fast it is: Hypothesis's default
# deadline (200 ms an example) failed a test one of whose examples the machine held up 0.3 s,
# as a busy CI machine may (a 14 ms example). Off for every test, as most of them said already.
settings.register_profile("verbatim", deadline=None)
settings.load_profile("verbatim")
SHARED = Path(os.environ.get("VERBATIM_SHARED", ROOT.parent / "shared" / "corpus"))
DEMO = ROOT / "corpus" / "documents"
T = TypeVar("T")


def unavailable(message: str) -> NoReturn:
    """Skip the test for want of something it needs, saying what; fail instead under CI
    (VERBATIM_REQUIRE_SHARED=1), where everything must be there."""
    if os.environ.get("VERBATIM_REQUIRE_SHARED") == "1":
        pytest.fail(message + " (VERBATIM_REQUIRE_SHARED=1)")
    pytest.skip(message)


def shared_path(*parts: str) -> Path:
    """Return a path inside ../shared/corpus, skipping (or failing under CI) when absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        unavailable(f"shared corpus not found: {path}")
    return path


@pytest.fixture
def shared():
    """The ../shared/corpus folder (skips when absent, fails when VERBATIM_REQUIRE_SHARED=1)."""
    return shared_path()


# Every format of the shared corpus, with two TEI sittings rather than 25 to keep CI short.
SHARED_SOURCES = (
    ("luxleaks-communiques",),
    ("vie-publique-discours",),
    ("drupalfr-dcrennes2024-presse",),
    ("an-mariage-pour-tous-2013-tei", "20130118.xml"),
    ("an-mariage-pour-tous-2013-tei", "20130133.xml"),
)


def built_once(tmp_path_factory, name: str, build: Callable[[Path], T]) -> T:
    """Return `build(folder)` for a new folder named `name`, built once for the whole run.

    The suite runs in two processes (pytest-xdist, see pyproject.toml): the first process to
    ask builds while the other waits on a lock, then reads what the first pickled, so an index
    that tests only read is built once, not once a process."""
    import fcntl
    import pickle
    import shutil

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build(tmp_path_factory.mktemp(name))
    root = tmp_path_factory.getbasetemp().parent  # shared by the run's processes
    folder, done = root / name, root / f"{name}.pickle"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # dropped when the file is closed
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed build left
            folder.mkdir()
            done.write_bytes(pickle.dumps(build(folder)))
        return pickle.loads(done.read_bytes())


@pytest.fixture(scope="session")
def demo_index_built(tmp_path_factory):
    """The demo corpus indexed once per test run: (index folder, indexing report)."""
    from indexer.indexing import index_paths

    return built_once(tmp_path_factory, "demo-shared",
                      lambda folder: (folder, index_paths([DEMO], folder)))


@pytest.fixture(scope="session")
def demo_index_shared(demo_index_built):
    """An index of the demo corpus built once per test run, for tests that only read it
    (a test that writes into an index builds its own, or copies this one)."""
    return demo_index_built[0]


@pytest.fixture(scope="session")
def shared_index(tmp_path_factory):
    """An index of the shared corpus (all formats), built once per test run.

    Returns (index folder, indexing report).
    """
    from indexer.indexing import index_paths

    paths = [shared_path(*parts) for parts in SHARED_SOURCES]
    return built_once(tmp_path_factory, "shared-index",
                      lambda folder: (folder, index_paths(paths, folder)))


@pytest.fixture(scope="module")
def shared_catalog(shared_index):
    """A `Catalog` on the shared-corpus index, opened once per test module."""
    from indexer.search import open_catalog

    cat = open_catalog(shared_index[0])
    yield cat
    cat.close()


# --- The web app (tests/test_web_*.py): a small French corpus indexed into a temporary folder.

WEB_FUNCTIONS = {
    "Claire Aubertin": "présidente de l'association Rivières vivantes",
    "Malik Benhaddou": "ministre de l'eau",
}
WEB_CSV_ROWS = [
    {
        "title": "Protéger les lanceurs d'alerte",
        "date": "2015-03-05",
        "text": "Lyon, le 5 mars 2015. « Une rivière qui meurt, c'est un village qui se tait », "
        "a déclaré Claire Aubertin.\n\nLes lanceurs d'alerte doivent être protégés par une "
        "loi européenne ambitieuse.",
        "tags": "Justice,Europe",
        "speakers": "Claire Aubertin",
        "kind": "communiqué",
    },
    {
        "title": "Discours sur la sécheresse",
        "date": "2016-04-22",
        "text": "Mesdames et messieurs, la sécheresse menace l'eau potable de nos campagnes.\n\n"
        "« Nous ne laisserons aucun village sans eau », a promis le ministre devant les maires.",
        "tags": "Sécheresse,Eau",
        "speakers": "Malik Benhaddou",
        "kind": "discours",
    },
    {
        "title": "Barrages et biodiversité",
        "date": "2016-06-29",
        "text": "Le barrage de Montclair sera démantelé pour rendre la rivière aux poissons "
        "migrateurs. La sécheresse de l'été a montré l'urgence.",
        "tags": "Sécheresse,Biodiversité",
        "speakers": "Claire Aubertin,Malik Benhaddou",
        "kind": "communiqué",
    },
    {
        "title": "Interview sur la fiscalité de l'eau",
        "date": "2020-09-21",
        "text": "Le ministre a défendu la redevance sur l'eau. « La fiscalité doit protéger la "
        "ressource », a-t-il dit. La dette et le budget des agences restent maîtrisés.",
        "tags": "Economie,Fiscalité,Impôt,Budget,Dette,Relance,Emploi,Industrie,Commerce",
        "speakers": "Malik Benhaddou",
        "kind": "interview",
    },
    {
        "title": "<script>alert('titre')</script> Déclaration piégée",
        "date": "2020-10-02",
        "text": "Ce texte contient <script>alert('texte')</script> et des & esperluettes "
        "ainsi qu'une <b>balise</b> sur la rivière.",
        "tags": "<img src=x onerror=alert(1)>",
        "speakers": "Eve <i>Malveillante</i>",
        "kind": "communiqué",
    },
    {
        "title": "Conseil des ministres du 26 avril 2023",
        "date": "2023-04-26",
        "text": "Le Conseil des ministres a adopté un projet de loi relatif à la gestion de "
        "l'eau et à la protection des rivières.",
        "tags": "Société,Eau",
        "speakers": "Secrétariat général du Gouvernement",
        "kind": "communiqué",
    },
    {
        "title": "=SOMME(1+1) formule",
        "date": "2023-05-10",
        "text": "-Une ligne qui commence par un tiret et parle de rivière et de formule.",
        "tags": "+Tableur",
        "speakers": "@Inconnu",
        "kind": "débat",
    },
]
WEB_MARKDOWN = {
    "2016-05-03-proces.md": "---\ntitle: Ouverture du procès des lanceurs d'alerte\n"
    "date: 2016-05-03\ntags: [Justice, Luxembourg]\n---\n\n"
    "Le procès des lanceurs d'alerte s'ouvre au Luxembourg.\n\n"
    "Les soutiens se rassemblent devant le tribunal dès huit heures.\n",
}
WEB_TEXT = {
    "note-sans-date.txt": "Note interne sans date sur l'évasion fiscale et la rivière.\n",
    "piege.txt": "Texte piégé : <script>alert('texte')</script> & <b>gras</b> près de la "
    "rivière.\n",
    "page.html": "<!doctype html><html lang=\"fr\"><head><title>Page HTML de la rivière</title>"
    "</head><body><article><h1>Page HTML de la rivière</h1><p>La rivière coule sous le pont "
    "de pierre depuis trois siècles.</p><script>alert('html')</script></article></body></html>",
}


def web_enrich(doc, **_ignored):
    """A stand-in for the extraction package: functions from a table, quotes from « ».

    Keeps the web tests independent of the extraction heuristics, which evolve elsewhere.
    """
    import re

    from indexer.document import Quote, Speaker

    doc.speakers = [Speaker(s.name, s.function or WEB_FUNCTIONS.get(s.name)) for s in doc.speakers]
    who = doc.speakers[0] if doc.speakers else None
    doc.quotes = [
        Quote(m.group(1), m.start(1), m.end(1), who.name if who else None,
              who.function if who else None, "a déclaré")
        for m in re.finditer(r"«\s*(.+?)\s*»", doc.text)
    ]
    return doc


def write_web_corpus(folder: Path) -> Path:
    """Write the web tests' documents (a CSV, a Markdown file, a text file) into `folder`."""
    import csv

    folder.mkdir(parents=True, exist_ok=True)
    columns = ["title", "date", "text", "tags", "topics", "speakers", "kind"]
    with (folder / "declarations.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        for row in WEB_CSV_ROWS:
            writer.writerow({"topics": "", **row})
    for name, text in {**WEB_MARKDOWN, **WEB_TEXT}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build_web_index(corpus: Path, index_dir: Path) -> Path:
    """Index `corpus` into `index_dir` with `web_enrich` standing in for the extraction."""
    from indexer.indexing import index_paths

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("indexer.documents.enrich_document", web_enrich)
        index_paths([corpus], index_dir, workers=1)
    return index_dir


@pytest.fixture(scope="session")
def web_index_template(tmp_path_factory):
    """The web corpus and its index, built once; tests get a copy of the index."""
    base = tmp_path_factory.mktemp("web")
    corpus = write_web_corpus(base / "corpus")
    return corpus, build_web_index(corpus, base / "index")


@pytest.fixture
def web_index_dir(web_index_template, tmp_path):
    """A fresh copy of the web tests' index, private to the test."""
    import shutil

    return Path(shutil.copytree(web_index_template[1], tmp_path / "index"))


@pytest.fixture
def app(web_index_dir):
    """The Flask app over a temporary index (flaskr style)."""
    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(web_index_dir)})
    yield app
    close_catalog(app)


@pytest.fixture
def client(app):
    """A Flask test client."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A Flask CLI runner."""
    return app.test_cli_runner()


@pytest.fixture(scope="session", autouse=True)
def roomy_budget():
    """Give every test's searches a roomy time budget (the web app's default is half a second
    a search): how long a busy machine takes, CI's two cores shared with the test cluster's
    JVM and Chromium, never decides a test (a loaded full run once listed Antoine Deltour's
    functions over 1 of his 6 statements, as a search cut by its budget would). The budget's
    own tests set theirs (to zero)."""
    from indexer import budget

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(budget, "SEARCH_SECONDS", 60.0)
        patch.setattr(budget, "REQUEST_SECONDS", 60.0)
        yield


def searched(index_dir: Path, q: str):
    """Return the search function's answer (`indexer.search.search`, what the CLI, the pages
    and the API call) to the words `q` over `index_dir`, its catalog opened and closed."""
    from indexer.search import SearchRequest, open_catalog, search

    catalog = open_catalog(index_dir)
    try:
        return search(catalog, SearchRequest(q=q))
    finally:
        catalog.close()


def verify_json(index_dir: Path, quotation: str) -> dict:
    """Return `verbatim verify --json`'s verdict on one quotation over `index_dir`."""
    import json

    from click.testing import CliRunner

    from indexer.cli import main

    result = CliRunner().invoke(main, ["verify", "--index", str(index_dir), "--json",
                                       quotation])
    assert result.exit_code == 0, result.output
    (found,) = json.loads(result.stdout)  # one verdict a quotation
    return found


def web_client(index_dir: Path):
    """Yield a Flask test client over `index_dir` (a generator for a fixture to delegate to);
    its searches have the session's roomy time budget (`roomy_budget`)."""
    from webapp import create_app
    from webapp.catalog import close_catalog

    app = create_app({"TESTING": True, "INDEX_DIR": str(index_dir)})
    yield app.test_client()
    close_catalog(app)


@pytest.fixture
def demo_client(demo_index_shared):
    """A Flask test client over the demo corpus's shared index (`web_client`): the page,
    the API and the exports as a reader of the demo corpus gets them."""
    yield from web_client(demo_index_shared)


# --- The real browser (tests/test_*browser*.py): one Chromium for the whole session, shared by
# every browser test module (a second Playwright in the same process refuses to start).

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    unavailable(f"{CHROMIUM} absent: install Debian's chromium package to run the browser tests")


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (never `playwright install`)."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# --- OpenSearch (tests/test_opensearch*.py): a real three-node cluster on loopback, one JVM for
# the whole session, built with Maven from tests/cluster/ (skipped without Java, Maven or
# opensearch-py, except under CI where it fails).


def both_engines(corpus: Path, index_dir: Path, url: str, alias: str):
    """Yield (Whoosh catalog, OpenSearch catalog) of the folder `corpus`, indexed into
    `index_dir` and into the cluster's `alias` (dropped first), then close both (a generator
    for a module's fixture to delegate to)."""
    from indexer.indexing import index_paths
    from indexer.opensearch_engine import open_opensearch
    from indexer.opensearch_writer import index_cluster
    from indexer.search import open_catalog
    from tests.cluster.launcher import drop_indices

    drop_indices(url, alias)
    index_paths([corpus], index_dir)
    index_cluster([corpus], url, alias, replicas=1)
    whoosh = open_catalog(index_dir)
    opensearch = open_opensearch(url, alias=alias)
    yield whoosh, opensearch
    whoosh.close()
    opensearch.close()


@contextmanager
def refused_mapping(url: str, alias: str, monkeypatch):
    """Yield an OpenSearch catalog of `alias` refused the index's mapping (403), as a
    search-only account may be: it counts the facets by spelling, as on an index written
    before the folded values (`indexer.opensearch_mapping.KEYED`)."""
    from opensearchpy import AuthorizationException

    from indexer import opensearch_engine

    def refused(client, index):
        raise AuthorizationException(403, "security_exception", {})

    monkeypatch.setattr(opensearch_engine, "index_marks", refused)
    spelled = opensearch_engine.open_opensearch(url, alias=alias)
    try:
        yield spelled
    finally:
        spelled.close()


@pytest.fixture(scope="session")
def opensearch_cluster(tmp_path_factory):
    """A running `tests.cluster.launcher.Cluster` of three nodes (url, urls, stop_node…).

    $VERBATIM_TEST_CLUSTER names one already running (`python -m tests.cluster.launcher`
    prints it): its folder, whose cluster.log the launcher writes."""
    from tests.cluster.launcher import Cluster, ClusterUnavailable, RunningCluster

    if os.environ.get("VERBATIM_TEST_CLUSTER"):
        yield RunningCluster(Path(os.environ["VERBATIM_TEST_CLUSTER"]))
        return
    try:
        import opensearchpy  # noqa: F401
        cluster = Cluster(tmp_path_factory.mktemp("opensearch"))
    except (ImportError, ClusterUnavailable) as exc:
        unavailable(f"OpenSearch test cluster unavailable: {exc}")
    yield cluster
    cluster.close()


# --- Two processes (pytest-xdist, `-n 2` in pyproject.toml): a module's tests run in one
# process, so that its module-scoped fixtures are built once; every test module that starts or
# drives an OpenSearch cluster runs in the same process, one after the other, so that a
# single cluster runs at a time and no two claim the same ports.

CLUSTER_WORDS = ("opensearch_cluster", "tests.cluster", "tests/cluster", "cluster.launcher")
CLUSTER_GROUP = "tests/<the OpenSearch cluster's modules>"


def work_unit(nodeid: str) -> str:
    """The unit of work a test belongs to: its module, or the cluster's group."""
    module = nodeid.split("::", 1)[0]
    path = ROOT / module
    if path.suffix == ".py" and path.parent == ROOT / "tests" and path.exists():
        text = path.read_text(encoding="utf-8")
        if any(word in text for word in CLUSTER_WORDS):
            return CLUSTER_GROUP
    return module


class ModuleScheduling:
    """The plugin handing the tests to pytest-xdist's processes by `work_unit`."""

    @staticmethod
    def pytest_xdist_make_scheduler(config, log):
        """pytest-xdist's scheduling by scope, a scope being `work_unit`'s."""
        from functools import lru_cache

        from xdist.scheduler import LoadScopeScheduling

        class ByWorkUnit(LoadScopeScheduling):
            _split_scope = staticmethod(lru_cache(maxsize=None)(work_unit))

        return ByWorkUnit(config, log)


def pytest_configure(config):
    """Schedule by `work_unit` when pytest-xdist is there (not with `-p no:xdist`)."""
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(ModuleScheduling(), "verbatim-module-scheduling")
