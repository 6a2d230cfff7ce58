"""A one-node OpenSearch with the security plugin on, as a cluster Verbatim is pointed at:
TLS on HTTP (and between nodes, which the plugin demands), one internal user with a
password, the security index initialised from the plugin's own configuration at the first
start. The certificate authority and the node's certificate are made for the test by
`openssl`; a second authority, `other_ca`, signed nothing of this node's.

The plugin is OpenSearch's own (`org.opensearch.plugin:opensearch-security:2.19.1.0`, the
zip pom.xml unpacks into target/security), loaded from the classpath in the launcher's JVM
as the runner loads any plugin. Run it by hand to try Verbatim against it:

    python -m tests.cluster.secure      # prints the URL, the user and the CA file
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.cluster.launcher import (
    CLASSPATH,
    SECURITY,
    START_SECONDS,
    Cluster,
    ClusterUnavailable,
    build,
    keep_running,
)

PLUGIN = "org.opensearch.security.OpenSearchSecurityPlugin"
USER = "verbatim"
PASSWORD = "Presse@été:100%"  # an @, a colon, a % (what a URL must escape) and accents
NODE_DN = "CN=verbatim-node"
# the node's settings (paths are the node's config folder's, where the plugin reads them)
SETTINGS = " ".join((
    "plugins.security.ssl.transport.pemcert_filepath=node.pem",
    "plugins.security.ssl.transport.pemkey_filepath=node-key.pem",
    "plugins.security.ssl.transport.pemtrustedcas_filepath=ca.pem",
    "plugins.security.ssl.transport.enforce_hostname_verification=false",
    "plugins.security.ssl.http.enabled=true",
    "plugins.security.ssl.http.pemcert_filepath=node.pem",
    "plugins.security.ssl.http.pemkey_filepath=node-key.pem",
    "plugins.security.ssl.http.pemtrustedcas_filepath=ca.pem",
    f"plugins.security.nodes_dn={NODE_DN}",
    "plugins.security.allow_default_init_securityindex=true",
    "plugins.security.audit.type=noop",  # no audit log (its default sink wants an index)
))
# the node's certificate: for 127.0.0.1, a server and (between nodes) a client
NODE_EXTENSIONS = """subjectAltName = IP:127.0.0.1, DNS:localhost
extendedKeyUsage = serverAuth, clientAuth
keyUsage = critical, digitalSignature, keyEncipherment
basicConstraints = critical, CA:FALSE
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
"""


def _openssl(folder: Path, *args: str) -> None:
    done = subprocess.run(["openssl", *args], cwd=folder, capture_output=True, text=True,
                          timeout=60)
    if done.returncode:
        raise ClusterUnavailable(f"openssl {args[0]} a échoué : {done.stderr[-500:]}")


def authority(folder: Path, name: str) -> Path:
    """Make a certificate authority in `folder` (`name`.pem, `name`-key.pem)."""
    _openssl(folder, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-keyout", f"{name}-key.pem", "-out", f"{name}.pem",
             "-subj", f"/O=Verbatim tests/CN={name}",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    return folder / f"{name}.pem"


def certificates(config: Path) -> None:
    """Write ca.pem and the node's node.pem, node-key.pem (PKCS#8) into `config`."""
    authority(config, "ca")
    (config / "node.ext").write_text(NODE_EXTENSIONS, "utf-8")
    _openssl(config, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "node-key.pem",
             "-out", "node.csr", "-subj", "/" + NODE_DN)
    _openssl(config, "x509", "-req", "-in", "node.csr", "-CA", "ca.pem", "-CAkey",
             "ca-key.pem", "-set_serial", "2", "-days", "2", "-extfile", "node.ext",
             "-out", "node.pem")


def password_hash(password: str) -> str:
    """Return the plugin's bcrypt hash of `password` (its own tool, `Hasher`)."""
    done = subprocess.run(["java", "-cp", f"{SECURITY / '*'}:{CLASSPATH}",
                           "org.opensearch.security.tools.Hasher", "-p", password],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "LC_ALL": "C.UTF-8"})  # its arguments in UTF-8
    lines = [line for line in done.stdout.splitlines() if line.startswith("$2")]
    if done.returncode or not lines:
        raise ClusterUnavailable("le Hasher du plugin de sécurité a échoué : "
                                 + (done.stdout + done.stderr)[-500:])
    return lines[-1]


def security_config(config: Path) -> None:
    """Write the plugin's configuration (its own files) with one user, USER, given the
    role `all_access` (by the backend role `admin`, as the plugin's roles_mapping.yml says)."""
    folder = config / "opensearch-security"
    folder.mkdir()
    for file in (SECURITY / "config").glob("*.yml"):
        if file.name != "whitelist.yml":  # allowlist.yml's former name
            shutil.copy(file, folder / file.name)
    (folder / "internal_users.yml").write_text(
        '_meta:\n  type: "internalusers"\n  config_version: 2\n'
        f'{USER}:\n  hash: "{password_hash(PASSWORD)}"\n  backend_roles:\n  - "admin"\n',
        "utf-8")


def basic(user: str, password: str) -> str:
    """Return the Authorization header of `user` and `password` (UTF-8, as the plugin reads
    them)."""
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


class SecureCluster(Cluster):
    """One node with the security plugin on: `url` (https://127.0.0.1:PORT, no user),
    `ca` (the authority that signed the node's certificate), `other_ca` (one that did not),
    USER and PASSWORD."""

    def __init__(self, base: Path | str):
        build()
        if not (SECURITY / "config").is_dir():
            raise ClusterUnavailable(f"plugin de sécurité absent de {SECURITY} (mvn package)")
        if shutil.which("openssl") is None:
            raise ClusterUnavailable("openssl introuvable (apt-get install openssl)")
        base = Path(base)
        config = base / "nodes" / "node_1" / "config"
        config.mkdir(parents=True)
        certificates(config)
        security_config(config)
        self.ca = config / "ca.pem"
        self.other_ca = authority(base, "other-ca")
        super().__init__(base, nodes=1, plugins=PLUGIN, classpath=str(SECURITY / "*"),
                         settings=SETTINGS, scheme="https")
        try:
            self._wait_green(START_SECONDS)
        except Exception:
            self.close()
            raise

    def _wait_green(self, seconds: float) -> None:
        # the security index is written at the first start: until then every request is
        # refused (503 « not initialized »)
        from opensearchpy import OpenSearch

        client = OpenSearch([self.url], ca_certs=str(self.ca), verify_certs=True, timeout=40,
                            headers={"Authorization": basic(USER, PASSWORD)})
        deadline = time.monotonic() + seconds
        try:
            while True:
                try:
                    client.cluster.health(wait_for_status="green")
                    return
                except Exception as exc:  # noqa: BLE001 - not ready yet, whatever it says
                    if time.monotonic() > deadline:
                        raise ClusterUnavailable(f"le nœud sécurisé n'est pas prêt : {exc} "
                                                 f"(journal : {self.log})") from exc
                    time.sleep(1)
        finally:
            client.close()


def main() -> None:
    """Start the node and keep it until Ctrl-C (or a TERM)."""

    def start(base: str) -> SecureCluster:
        cluster = SecureCluster(base)
        print(f"OpenSearch (sécurité) prêt : {cluster.url} — utilisateur {USER!r}, "
              f"mot de passe {PASSWORD!r}", flush=True)
        print(f"export VERBATIM_OPENSEARCH_CA_CERTS={cluster.ca}", flush=True)
        return cluster

    keep_running(start, "verbatim-secure-")


if __name__ == "__main__":
    sys.exit(main())
