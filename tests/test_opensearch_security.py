"""Verbatim pointed at a cluster with OpenSearch's security plugin on (issue 15, item 6), as
README's « Pointing at an existing cluster » tells a user to: HTTPS with a private certificate
authority ($VERBATIM_OPENSEARCH_CA_CERTS), a user and a password in the URL or in
$VERBATIM_OPENSEARCH_USER / $VERBATIM_OPENSEARCH_PASSWORD.

The server is real: one node with the security plugin itself (`opensearch-security`
2.19.1.0, from Maven Central, in the test launcher's JVM: tests/cluster/secure.py), TLS on
HTTP and between nodes with a certificate authority and a node certificate made for the test
by openssl, one internal user, the security index initialised from the plugin's own files.
Everything goes through the command line and the web server, as a user would run them.

Not tested here: an API key ($VERBATIM_OPENSEARCH_API_KEY, sent as `Authorization: ApiKey …`):
the security plugin of OpenSearch 2.19 has no API keys to check one against.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from serving import verbatim_serve

from tests.conftest import shared_path, unavailable

ROOT = Path(__file__).resolve().parent.parent
QUERY = "lanceur d'alerte"


@pytest.fixture(scope="module")
def secure(tmp_path_factory):
    """The running node (tests.cluster.secure.SecureCluster)."""
    from tests.cluster.launcher import ClusterUnavailable
    from tests.cluster.secure import SecureCluster

    try:
        import opensearchpy  # noqa: F401
        cluster = SecureCluster(tmp_path_factory.mktemp("opensearch-secure"))
    except (ImportError, ClusterUnavailable) as exc:
        unavailable(f"OpenSearch with its security plugin unavailable: {exc}")
    yield cluster
    cluster.close()


def with_user(url: str, user: str, password: str) -> str:
    """Return `url` with `user` and `password` in it, escaped as a URL escapes them."""
    scheme, host = url.split("://")
    return (f"{scheme}://{urllib.parse.quote(user, safe='')}:"
            f"{urllib.parse.quote(password, safe='')}@{host}")


def verbatim(*args: str, ca: Path | None, **env: str) -> subprocess.CompletedProcess:
    """Run `verbatim ARGS` with $VERBATIM_OPENSEARCH_CA_CERTS = `ca` (none: unset) and `env`."""
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith("VERBATIM_OPENSEARCH_")}
    if ca is not None:
        environment["VERBATIM_OPENSEARCH_CA_CERTS"] = str(ca)
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "indexer.cli", *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def indexed(secure, tmp_path_factory):
    """The LuxLeaks press releases (markdown) indexed into the node by `verbatim index`, the
    user and password in the URL: (URL with them, local index folder, the index run)."""
    from tests.cluster.secure import PASSWORD, USER

    folder = shared_path("luxleaks-communiques", "markdown")
    index_dir = tmp_path_factory.mktemp("secure-index") / "index"
    url = with_user(secure.url, USER, PASSWORD)
    run = verbatim("index", str(folder), "--index", str(index_dir), "--engine", "opensearch",
                   "--opensearch-url", url, ca=secure.ca)
    assert run.returncode == 0, run.stderr
    return url, index_dir, run


def search(url: str, index_dir: Path, ca: Path | None, **env: str) -> subprocess.CompletedProcess:
    return verbatim("search", QUERY, "--json", "--limit", "3", "--index", str(index_dir),
                    "--engine", "opensearch", "--opensearch-url", url, ca=ca, **env)


def refused_in_one_line(run: subprocess.CompletedProcess, reason: str) -> None:
    """The command failed with one line naming `reason`, no traceback."""
    assert run.returncode != 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), run.stderr
    assert reason in lines[0]
    assert "Traceback" not in run.stderr + run.stdout
    # it says why, not « index first »; a password never shows
    assert "lancez d'abord" not in lines[0] and "pas le bon" not in run.stderr + run.stdout


def test_index_search_and_check_over_https_the_password_escaped_in_the_url(indexed, secure):
    """The password holds an @, a colon, a % and accents: written escaped in the URL (%40,
    %3A, %25, %C3%A9), the cluster must receive it unescaped, in UTF-8 (before session 24 it
    received « %40 », then « é » in Latin-1: 401)."""
    url, index_dir, run = indexed
    files = len(list(shared_path("luxleaks-communiques", "markdown").glob("*.md")))
    assert f"{files} fichier(s) ajouté(s)" in run.stdout
    found = search(url, index_dir, secure.ca)
    assert found.returncode == 0, found.stderr
    answer = json.loads(found.stdout)
    assert answer["total"] > 0
    assert "lanceur d'alerte" in answer["results"][0]["title"].lower()
    check = verbatim("check", "--index", str(index_dir), "--engine", "opensearch",
                     "--opensearch-url", url, ca=secure.ca)
    assert check.returncode == 0, check.stderr
    assert f"{files} document(s)" in check.stdout and "État : bon." in check.stdout


def test_the_user_and_password_may_come_from_the_environment(indexed, secure):
    from tests.cluster.secure import PASSWORD, USER

    url, index_dir, _ = indexed
    expected = json.loads(search(url, index_dir, secure.ca).stdout)["total"]
    found = search(secure.url, index_dir, secure.ca, VERBATIM_OPENSEARCH_USER=USER,
                   VERBATIM_OPENSEARCH_PASSWORD=PASSWORD)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["total"] == expected


def get(url: str) -> tuple[int, str]:
    """Return the status and the text of a GET (an error's page too)."""
    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


SERVE_ENV = {"VERBATIM_OPENSEARCH_WARM_SECONDS": "0"}


def test_the_web_search_page_and_api_answer_from_the_secured_cluster(indexed, secure):
    url, index_dir, _ = indexed
    expected = json.loads(search(url, index_dir, secure.ca).stdout)["total"]
    env = {**SERVE_ENV, "VERBATIM_OPENSEARCH_CA_CERTS": str(secure.ca)}
    with verbatim_serve(index_dir, "--engine", "opensearch", "--opensearch-url", url,
                        "--workers", "1", env=env, seconds=60) as base:
        status, page = get(f"{base}/?q={urllib.parse.quote(QUERY)}")
        assert status == 200
        assert f"{expected} résultats" in page and "<mark>" in page
        status, answer = get(f"{base}/api/search?q={urllib.parse.quote(QUERY)}")
        assert status == 200 and json.loads(answer)["total"] == expected


def test_a_wrong_password_or_none_is_refused_in_one_line(indexed, secure):
    from tests.cluster.secure import USER

    _, index_dir, _ = indexed
    wrong = with_user(secure.url, USER, "pas le bon")
    refused = "OpenSearch refuse l'utilisateur ou le mot de passe (401)"
    refused_in_one_line(search(wrong, index_dir, secure.ca), refused)
    refused_in_one_line(search(secure.url, index_dir, secure.ca), refused)
    folder = shared_path("luxleaks-communiques", "markdown")
    refused_in_one_line(verbatim("index", str(folder), "--index", str(index_dir), "--engine",
                                 "opensearch", "--opensearch-url", wrong, ca=secure.ca),
                        refused)


def test_the_web_server_with_a_wrong_password_answers_unavailable_not_500(indexed, secure):
    from tests.cluster.secure import USER

    _, index_dir, _ = indexed
    env = {**SERVE_ENV, "VERBATIM_OPENSEARCH_CA_CERTS": str(secure.ca)}
    with verbatim_serve(index_dir, "--engine", "opensearch", "--opensearch-url",
                        with_user(secure.url, USER, "pas le bon"), "--workers", "1", env=env,
                        seconds=60) as base:
        status, page = get(f"{base}/?q={urllib.parse.quote(QUERY)}")
        assert status == 503 and "Index indisponible" in page
        assert "refuse l&#39;accès : OpenSearch refuse l&#39;utilisateur ou le mot de passe" in page
        assert "Traceback" not in page and "pas le bon" not in page
        status, answer = get(f"{base}/api/search?q={urllib.parse.quote(QUERY)}")
        assert status == 503 and json.loads(answer)["error"]["status"] == 503


def test_a_certificate_from_an_unknown_authority_is_refused(indexed, secure):
    """Certificates are always verified: signed by an authority other than the one given,
    or when none is given (the system's authorities), the node is not spoken to."""
    url, index_dir, _ = indexed
    untrusted = "certificat d'OpenSearch non reconnu"
    refused_in_one_line(search(url, index_dir, secure.other_ca), untrusted)
    refused_in_one_line(search(url, index_dir, None), untrusted)


def test_escaped_credentials_and_an_ipv6_host_are_read_from_the_url(monkeypatch):
    """`connect` sends the user and password unescaped, in UTF-8, and keeps the host as
    written (an IPv6 address in its brackets), without the credentials; an API key, when
    given, is the one Authorization sent."""
    pytest.importorskip("opensearchpy")
    from indexer.opensearch_client import connect
    from tests.cluster.secure import basic

    def authorization(url: str) -> list[str]:
        client = connect(url)
        try:
            hosts = [(h["host"], h["port"]) for h in client.transport.hosts]
            assert hosts == [("::1", 9200), ("10.0.0.2", 9200)]
            headers = client.transport.get_connection().headers
            return [v for k, v in headers.items() if k.lower() == "authorization"]
        finally:
            client.close()

    url = "https://r%C3%A9daction:Pr%C3%A9sse%402026%3A100%25@[::1]:9200,https://10.0.0.2:9200"
    monkeypatch.delenv("VERBATIM_OPENSEARCH_USER", raising=False)
    monkeypatch.delenv("VERBATIM_OPENSEARCH_API_KEY", raising=False)
    assert authorization(url) == [basic("rédaction", "Présse@2026:100%")]
    monkeypatch.setenv("VERBATIM_OPENSEARCH_API_KEY", "Y2xlZjpzZWNyZXQ=")
    assert authorization(url) == ["ApiKey Y2xlZjpzZWNyZXQ="]
